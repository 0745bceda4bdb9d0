// The use case comes from the stack's config (Pulumi.<stack>.yaml), so one program serves an allowed stack
// and a denied one; the component's guard decides before it registers anything.
package main

import (
	"fmt"

	guarded "example.com/pulumi-azure-openai-guarded/sdk/go/azure-openai-guarded"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		var useCase guarded.UseCaseArgsArgs
		config.New(ctx, "").RequireObject("useCase", &useCase)
		capacity := 20
		sku := guarded.DeploymentSku("GlobalStandard")
		createGroup := true
		accountName := fmt.Sprintf("contoso-support-chat-go-%s", ctx.Stack())
		service, err := guarded.NewAzureOpenAIService(ctx, "support-chat", &guarded.AzureOpenAIServiceArgs{
			UseCase:             useCase,
			Location:            "eastus2",
			AccountName:         &accountName,
			ResourceGroupName:   pulumi.Sprintf("rg-support-chat-go-%s", ctx.Stack()),
			CreateResourceGroup: &createGroup,
			Deployments: []guarded.DeploymentArgsArgs{
				{Name: "chat", Model: "gpt-4o-mini", Version: "2024-07-18", Sku: &sku, Capacity: &capacity},
			},
		})
		if err != nil {
			return err
		}
		ctx.Export("endpoint", service.Endpoint)
		ctx.Export("verdict", service.Verdict)
		return nil
	})
}
