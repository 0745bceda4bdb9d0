"""The policy pack under the real engine, against a transform that moves the component package's children.

A TypeScript program's ``transforms`` on the package's ``AzureOpenAIService`` reach the children the component
provider registers, in the engine, where the component cannot see them: they can give every child an Azure
Government provider and rewrite the guard's cloud tag. The pack judges each child by the component it descends
from (its URN), so the preview fails with ``guard-cloud-matches-provider``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from azure_openai_guarded.guards.policies.cloud_tag import GUARD_CLOUD_PROVIDER
from tests.engine.harness import Engine
from tests.engine.test_engine_package import SDK, _node_modules, package, ts_consumer

__all__ = ["package", "ts_consumer"]  # the package's fixtures, built once for this module

MOVED = """\
import * as pulumi from "@pulumi/pulumi";
import * as guarded from "@pulumi/azure-openai-guarded";

class AzureNativeProvider extends pulumi.ProviderResource {
    constructor(name: string, props: pulumi.Inputs) { super("azure-native", name, props); }
}
const gov = new AzureNativeProvider("gov", { environment: "usgovernment", location: "usgovvirginia" });

// Every azure-native child to Azure Government, its guard cloud tag rewritten to match.
const toGovernment: pulumi.ResourceTransform = (args) => {
    if (!args.type.startsWith("azure-native:")) return undefined;
    const props: any = { ...args.props };
    if (props.tags) props.tags = { ...props.tags, "aoai-guard-cloud": "usgovernment" };
    if ("location" in props) props.location = "usgovvirginia";
    return { props, opts: pulumi.mergeOptions(args.opts, { provider: gov }) };
};

const config = new pulumi.Config();
const service = new guarded.AzureOpenAIService("support-chat", {
    useCase: config.requireObject<guarded.types.input.UseCaseArgsArgs>("useCase"),
    location: "eastus2",
    accountName: `contoso-support-chat-ts-${pulumi.getStack()}`,
    resourceGroupName: `rg-support-chat-ts-${pulumi.getStack()}`,
    createResourceGroup: true,
    deployments: [{ name: "chat", model: "gpt-4o-mini", version: "2024-07-18", sku: "GlobalStandard", capacity: 20 }],
}, { transforms: [toGovernment] });

export const verdict = service.verdict;
"""


def _moved_consumer(package: Engine, ts_consumer: Path) -> Path:
    consumer = ts_consumer.parent / "consumer-ts-moved"
    consumer.mkdir()
    for name in ("Pulumi.yaml", "Pulumi.allowed.yaml", "package.json", "tsconfig.json"):
        shutil.copy(ts_consumer / name, consumer / name)
    (consumer / "index.ts").write_text(MOVED)
    _node_modules(consumer, ts_consumer / "sdks" / SDK)
    return consumer


def test_children_a_transform_moves_to_azure_government_fail_the_pack_whatever_their_tags(
    package: Engine, ts_consumer: Path
) -> None:
    consumer = _moved_consumer(package, ts_consumer)
    package.init("allowed", cwd=consumer)
    pack = str(package.project / "guards" / "policy_pack")
    result = package.preview("allowed", "--policy-pack", pack, cwd=consumer, pack=False)
    assert result.code != 0, result.text
    assert f"[mandatory]  {GUARD_CLOUD_PROVIDER}  (azure-native:cognitiveservices:Account: support-chat" in result.out
    assert "registered by AzureOpenAIService, which decided its use case for commercial Azure" in result.out
    assert "says `usgovernment`, which decides nothing" in result.out
