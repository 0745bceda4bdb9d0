"""Sample declarations and arguments, and a way to run one component under the mock engine.

Shared by the tests and the benchmarks so both exercise the same inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

import pulumi
from pulumi.provider.experimental.component import ComponentInitError

from azure_openai_guarded.components import AzureOpenAIService, AzureOpenAIServiceArgs
from azure_openai_guarded.components.outputs import OUTPUTS
from azure_openai_guarded.guards.policies.use_case import USE_CASE_VERDICT
from azure_openai_guarded.provider import ComponentRefusedError, GuardedComponentProvider
from mockengine.analyzer import analyze
from mockengine.config import engine_config
from mockengine.program import ProgramRun, Registered, run_callable

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


PROVIDER_TOKEN = "azure-openai-guarded:index:AzureOpenAIService"
"""The commercial component's type token, as another language's program names it to the component provider."""


def provider_refusal(
    use_case: dict[str, Any],
    config: dict[str, Any] | None = None,
    *,
    stack: str,
    project: str,
    secret_keys: Sequence[str] = (),
) -> str:
    """Why the component provider's construct refuses a component declaring ``use_case`` (a minimal commercial
    service), in a program of ``stack`` in ``project`` run with ``config`` (``secret_keys`` among it); ``""`` when
    it builds it."""
    found: list[str] = []
    inputs = {"useCase": use_case, "location": "eastus2", "resourceGroupName": "rg-test"}

    def body() -> None:
        try:
            GuardedComponentProvider().construct("svc", PROVIDER_TOKEN, inputs, pulumi.ResourceOptions())
        except ComponentRefusedError as error:
            found.append(str(error.refusal))
        except ComponentInitError as error:
            found.append(str(error.inner))

    run_callable(body, config, stack=stack, project=project, secret_keys=secret_keys)
    return "".join(found)


def pack_verdict(config: dict[str, Any], *, stack: str, project: str, secret_keys: Sequence[str] = ()) -> str:
    """The pack's mandatory use-case verdict on a stack of ``project`` with ``config`` (full keys; ``secret_keys``
    among it) that registers one account, decided from its config alone; ``""`` when it has none."""
    urn = f"urn:pulumi:{stack}::{project}::azure-native:cognitiveservices:Account::ai"
    account = Registered(urn, "azure-native:cognitiveservices:Account", "ai", True, {"kind": "OpenAI"}, "", (), "")
    violations = analyze([account], engine_config(config), secret_keys=secret_keys)
    return "".join(v.message for v in violations if v.policy == USE_CASE_VERDICT and v.mandatory)
