"""A commercial component is refused beneath a Government component, except the one that component composes.

The policy pack judges whatever descends from a resource of the Government component's type for Azure Government.
An ``AzureOpenAIService`` given such a parent decided its use case for commercial Azure, was provisioned, and then
failed the pack as a Government stack would; the component now refuses that parent itself, before anything of it is
registered. Only the inner component ``AzureGovernmentOpenAIService`` builds, with the declaration it decided for
Government, sits there.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pulumi
import pytest
from pulumi.provider.experimental.component import ComponentInitError
from pulumi.resource import DependencyResource

from azure_openai_guarded.components import AzureGovernmentOpenAIService, AzureOpenAIService, GovernmentProvider
from azure_openai_guarded.components.clouds import COMMERCIAL, GOVERNMENT
from azure_openai_guarded.components.declaration import read_component_args
from azure_openai_guarded.guards import CONFIG_NAMING
from azure_openai_guarded.provider import ComponentRefusedError, GuardedComponentProvider
from mockengine.analyzer import analyze
from mockengine.program import run_callable
from tests.samples import service_args, support_bot

GOVERNMENT_TOKEN = "azure-openai-guarded:index:AzureGovernmentOpenAIService"
REFUSED = "opts.parent: descends from an AzureGovernmentOpenAIService"


def gov_args() -> Any:
    deployment = {"name": "summarize", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard"}
    return service_args(location="usgovvirginia", deployments=[deployment | {"capacity": 20}])


class Platform(pulumi.ComponentResource):
    def __init__(self, token: str, name: str, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__(token, name, None, opts)


def outer() -> AzureGovernmentOpenAIService:
    return AzureGovernmentOpenAIService("outer", gov_args())


PARENTS: list[tuple[str, Callable[[], pulumi.Resource]]] = [
    ("the Government component", outer),
    ("the Government component's inner component", lambda: outer().service),
    (
        "a consumer's component beneath it",
        lambda: Platform("consumer:index:Platform", "platform", pulumi.ResourceOptions(parent=outer())),
    ),
    ("any resource of its type token", lambda: Platform(GOVERNMENT_TOKEN, "lookalike")),
]


def inner_resources(run: Any) -> list[Any]:
    return [r for r in run.resources if r.name.startswith("inner")]


@pytest.mark.parametrize(("how", "parent"), PARENTS, ids=[how for how, _ in PARENTS])
def test_a_commercial_component_beneath_a_government_one_is_refused_before_it_registers_anything(
    how: str, parent: Callable[[], pulumi.Resource]
) -> None:
    run = run_callable(
        lambda: AzureOpenAIService(
            "inner", service_args(use_case=support_bot()), pulumi.ResourceOptions(parent=parent())
        )
    )
    assert run.error is not None, how
    assert "AzureOpenAIService 'inner': the arguments are invalid; nothing was created." in run.error
    assert REFUSED in run.error
    assert inner_resources(run) == []


def test_a_commercial_declaration_beneath_a_government_component_is_refused() -> None:
    def body() -> None:
        declared = read_component_args(service_args(use_case=support_bot()), COMMERCIAL, spelling="python")
        AzureOpenAIService.from_declaration("inner", declared, pulumi.ResourceOptions(parent=outer()))

    run = run_callable(body)
    assert run.error is not None
    assert REFUSED in run.error
    assert inner_resources(run) == []


def test_a_government_declaration_handed_to_a_second_inner_component_by_hand_is_refused() -> None:
    def body() -> None:
        declared = read_component_args(gov_args(), GOVERNMENT, spelling="python")
        provider = GovernmentProvider("gov")
        AzureOpenAIService.from_declaration(
            "inner", declared, pulumi.ResourceOptions(parent=outer(), providers=[provider])
        )

    run = run_callable(body)
    assert run.error is not None
    assert REFUSED in run.error
    assert inner_resources(run) == []


def test_the_government_components_own_inner_component_and_one_beside_it_are_provisioned_and_pass_the_pack() -> None:
    def body() -> None:
        outer()
        AzureOpenAIService("inner", service_args(use_case=support_bot()))

    run = run_callable(body, project="consumer")
    assert run.error is None
    assert [r.type for r in run.resources if r.name == "outer"] == [
        GOVERNMENT_TOKEN,
        "azure-openai-guarded:index:AzureOpenAIService",
    ]
    assert inner_resources(run)
    written = {CONFIG_NAMING(key): value for key, value in support_bot().items()}
    violations = analyze(run.resources, {"consumer:useCase": json.dumps(written)})
    assert [v for v in violations if "MANDATORY" in str(v.enforcement)] == []


def test_another_languages_commercial_component_beneath_a_government_one_is_refused_by_the_component_provider() -> None:
    # The engine hands construct the caller's parent as a reference: its URN says what it descends from.
    inputs = {
        "useCase": {CONFIG_NAMING(key): value for key, value in support_bot().items()},
        "location": "eastus2",
        "resourceGroupName": "rg-test",
    }
    found: dict[str, Any] = {}

    def body() -> None:
        parent = DependencyResource(f"urn:pulumi:test::consumer::{GOVERNMENT_TOKEN}::outer")
        opts = pulumi.ResourceOptions(parent=parent)
        try:
            GuardedComponentProvider().construct("inner", "azure-openai-guarded:index:AzureOpenAIService", inputs, opts)
        except ComponentInitError as error:
            found["error"] = error.inner
        except ComponentRefusedError as error:
            found["error"] = error.refusal

    run = run_callable(body)
    assert REFUSED in str(found.get("error")), (found, run.error)
    assert run.resources == []
