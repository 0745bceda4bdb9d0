"""Sample declarations and arguments, and a way to run one component under the mock engine.

Shared by the tests and the benchmarks so both exercise the same inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

import pulumi

from azure_openai_guarded.components import AzureOpenAIService, AzureOpenAIServiceArgs
from azure_openai_guarded.components.outputs import OUTPUTS
from mockengine.program import ProgramRun, run_callable

SUBSCRIPTION = "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f"
SUBNET_ID = (
    f"/subscriptions/{SUBSCRIPTION}/resourceGroups/rg-network/providers/Microsoft.Network/"
    "virtualNetworks/vnet-app/subnets/snet-private-endpoints"
)
WORKSPACE_ID = (
    f"/subscriptions/{SUBSCRIPTION}/resourceGroups/rg-monitoring/providers/"
    "Microsoft.OperationalInsights/workspaces/log-platform"
)
KEY_VAULT_ID = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-platform"
PRINCIPAL_ID = "3a7b9c1d-2e4f-4a6b-8c0d-1e2f3a4b5c6d"


def support_bot() -> dict[str, Any]:
    """An allowed use case: a commercial support assistant."""
    return {
        "name": "support-bot",
        "purpose": "Answer billing questions in the customer support portal.",
        "owner": "support-platform@example.com",
        "operator": {"sector": "commercial", "country": "US"},
        "capabilities": ["text_generation", "summarization"],
        "human_review": True,
    }


def us_police_facial_recognition() -> dict[str, Any]:
    """A denied use case: facial recognition for a US police department (FR-US-LAW-ENFORCEMENT)."""
    return {
        "name": "suspect-match",
        "purpose": "Match booking photos against a database of prior arrests.",
        "owner": "records@police.example.gov",
        "operator": {"sector": "law_enforcement", "country": "US"},
        "capabilities": ["facial_recognition"],
        "facial_recognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
        "human_review": True,
    }


def deployments(count: int, sku: str = "GlobalStandard") -> list[dict[str, Any]]:
    """``count`` gpt-4o deployments named ``chat-0``, ``chat-1``..."""
    return [
        {"name": f"chat-{i}", "model": "gpt-4o", "version": "2024-11-20", "sku": sku, "capacity": 10}
        for i in range(count)
    ]


def service_args(**overrides: Any) -> AzureOpenAIServiceArgs:
    """Minimal valid commercial arguments, with ``overrides`` applied (``None`` removes a key)."""
    args: dict[str, Any] = {
        "use_case": support_bot(),
        "location": "eastus2",
        "resource_group_name": "rg-test",
        "deployments": deployments(1),
    }
    for key, value in overrides.items():
        if value is None:
            args.pop(key, None)
        else:
            args[key] = value
    return cast(AzureOpenAIServiceArgs, args)


def build(
    args: Any,
    *,
    name: str = "svc",
    component: Callable[..., Any] = AzureOpenAIService,
    opts: pulumi.ResourceOptions | None = None,
    config: dict[str, Any] | None = None,
) -> ProgramRun:
    """Run a program that builds one component and exports its outputs, under the mock engine."""

    def body() -> None:
        service = component(name, args, opts)
        # Every output the components declare, under its attribute name; one not provisioned (None) is left out.
        for output in OUTPUTS:
            if (value := getattr(service, output)) is not None:
                pulumi.export(output, value)

    return run_callable(body, config)
