"""The Government component runs every check its inner commercial component runs before it registers anything.

It registers itself and (unless one is passed) its Government provider, then composes ``AzureOpenAIService``
on them; a refusal only the inner component saw came after those registrations, and blamed options the user
never gave (``opts.parent``, the component's own). Each case here is refused with nothing registered and a
message naming what the user did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pulumi
import pytest

from azure_openai_guarded.components import AzureGovernmentOpenAIService, GovernmentProvider
from mockengine.program import run_callable
from tests.samples import service_args


@pytest.fixture(autouse=True)
def clean(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("ARM_ENVIRONMENT", "AZURE_ENVIRONMENT", "ARM_METADATA_HOSTNAME"):
        monkeypatch.delenv(name, raising=False)
    yield
    pulumi.runtime.set_all_config({})


def gov_args() -> Any:
    deployment = {"name": "summarize", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard"}
    return service_args(location="usgovvirginia", deployments=[deployment | {"capacity": 20}])


def unchanged(args: Any) -> None:
    return None


class Parent(pulumi.ComponentResource):
    def __init__(self, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("consumer:index:Parent", "parent", None, opts)


def stack_transformation() -> pulumi.ResourceOptions | None:
    pulumi.runtime.register_stack_transformation(unchanged)
    return None


def stack_transform() -> pulumi.ResourceOptions | None:
    pulumi.runtime.register_resource_transform(unchanged)
    return None


def parent_with_transformations() -> pulumi.ResourceOptions | None:
    return pulumi.ResourceOptions(parent=Parent(pulumi.ResourceOptions(transformations=[unchanged])))


def transformed_government_provider() -> pulumi.ResourceOptions | None:
    return pulumi.ResourceOptions(provider=GovernmentProvider("g", opts=pulumi.ResourceOptions(transforms=[unchanged])))


CASES: list[tuple[str, Callable[[], pulumi.ResourceOptions | None], str]] = [
    ("a stack transformation", stack_transformation, "pulumi.runtime.register_stack_transformation: "),
    ("a stack transform", stack_transform, "pulumi.runtime.register_resource_transform: "),
    ("a parent passing transformations on", parent_with_transformations, "opts.parent: passes its transformations"),
    ("a transformed GovernmentProvider", transformed_government_provider, "was given transformations or transforms"),
]


@pytest.mark.parametrize(("how", "opts", "named"), CASES, ids=[how for how, _, _ in CASES])
def test_the_government_component_refuses_before_registering_itself_or_its_provider(
    how: str, opts: Callable[[], pulumi.ResourceOptions | None], named: str
) -> None:
    before: list[str] = []

    def body() -> None:
        given = opts()
        before.extend(["consumer:index:Parent"] if given is not None and given.parent is not None else [])
        before.extend(["pulumi:providers:azure-native"] if given is not None and given.provider is not None else [])
        AzureGovernmentOpenAIService("svc", gov_args(), given)

    run = run_callable(body)
    assert run.error is not None, how
    assert run.error.startswith("AzureGovernmentOpenAIService 'svc': the arguments are invalid; nothing was created.")
    assert named in run.error
    assert "AzureOpenAIService 'svc'" not in run.error
    assert sorted(r.type for r in run.resources) == sorted(before)


def test_a_metadata_host_variable_stops_the_government_component_before_it_registers_anything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ARM_METADATA_HOSTNAME", "management.example.net")
    run = run_callable(lambda: AzureGovernmentOpenAIService("svc", gov_args()))
    assert run.error is not None
    assert run.error.startswith("AzureGovernmentOpenAIService 'svc'")
    assert "ARM_METADATA_HOSTNAME: " in run.error
    assert run.resources == []
