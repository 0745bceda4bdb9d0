"""Malformed resource options are refused with a message naming the option, before anything is registered.

The guard reads the options to find where the resources go (providers, the parent's providers and
transformations); options that are not what Pulumi takes crashed those checks with an ``AttributeError``.
"""

from __future__ import annotations

from typing import Any

import pulumi
import pytest

from azure_openai_guarded.components import AzureGovernmentOpenAIService, AzureOpenAIService
from azure_openai_guarded.components.clouds import COMMERCIAL
from azure_openai_guarded.components.declaration import read_component_args
from mockengine.program import run_callable
from tests.samples import service_args


def gov_args() -> Any:
    deployment = {"name": "summarize", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard"}
    return service_args(location="usgovvirginia", deployments=[deployment | {"capacity": 20}])


MALFORMED: list[tuple[Any, str]] = [
    ({"provider": None}, "opts: must be a pulumi.ResourceOptions, not dict"),
    (pulumi.ResourceOptions(parent="x"), "opts.parent: must be a resource (the component's parent), not str 'x'"),
    (pulumi.ResourceOptions(provider="x"), "opts.provider: must be a provider resource, not str 'x'"),  # type: ignore[arg-type]
    (
        pulumi.ResourceOptions(providers={"azure-native": "x"}),  # type: ignore[dict-item]
        "opts.providers.azure-native: must be a provider resource, not str 'x'",
    ),
    (pulumi.ResourceOptions(providers=["x"]), "opts.providers[0]: must be a provider resource, not str 'x'"),  # type: ignore[list-item]
    (
        pulumi.ResourceOptions(providers="azure-native"),  # type: ignore[arg-type]
        "opts.providers: must be a list of providers or a mapping of package name to provider, as a plain list",
    ),
    (pulumi.ResourceOptions(id="x"), "opts.id: is refused: a component cannot be read from the cloud by its id"),
    (
        pulumi.ResourceOptions(urn="urn:pulumi:test::p::azure-openai-guarded:index:AzureOpenAIService::svc"),
        "opts.urn: is refused: Pulumi would read or import an existing component",
    ),
    (
        pulumi.ResourceOptions(import_="x"),
        "opts.import_: is refused: Pulumi would read or import an existing component",
    ),
]


@pytest.mark.parametrize(("opts", "message"), MALFORMED)
@pytest.mark.parametrize("component", [AzureOpenAIService, AzureGovernmentOpenAIService])
def test_malformed_options_are_refused_by_name_and_nothing_is_registered(
    component: Any, opts: Any, message: str
) -> None:
    args = service_args() if component is AzureOpenAIService else gov_args()
    run = run_callable(lambda: component("svc", args, opts))
    assert run.error is not None
    assert f"{component.__name__} 'svc': the arguments are invalid; nothing was created." in run.error
    assert message in run.error
    assert "AttributeError" not in run.error
    assert run.resources == []


@pytest.mark.parametrize(("opts", "message"), MALFORMED)
def test_malformed_options_with_a_ready_declaration_are_refused_alike(opts: Any, message: str) -> None:
    declared = read_component_args(service_args(), COMMERCIAL, spelling="python")
    run = run_callable(lambda: AzureOpenAIService.from_declaration("svc", declared, opts))
    assert run.error is not None
    assert message in run.error
    assert run.resources == []
