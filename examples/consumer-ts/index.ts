// The use case comes from the stack's config (Pulumi.<stack>.yaml), so one program serves an allowed stack
// and a denied one; the component's guard decides before it registers anything.
import * as pulumi from "@pulumi/pulumi";
import * as guarded from "@pulumi/azure-openai-guarded";

const config = new pulumi.Config();

const service = new guarded.AzureOpenAIService("support-chat", {
    useCase: config.requireObject<guarded.types.input.UseCaseArgsArgs>("useCase"),
    location: "eastus2",
    accountName: `contoso-support-chat-ts-${pulumi.getStack()}`,
    resourceGroupName: `rg-support-chat-ts-${pulumi.getStack()}`,
    createResourceGroup: true,
    deployments: [{ name: "chat", model: "gpt-4o-mini", version: "2024-07-18", sku: "GlobalStandard", capacity: 20 }],
});

export const endpoint = service.endpoint;
export const verdict = service.verdict;
