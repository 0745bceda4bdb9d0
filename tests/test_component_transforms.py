"""A transformation given to a component is refused before anything is registered: it would run after the
guard decided, and could move the resources to another provider."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pulumi
import pytest

from azure_openai_guarded.components import AzureGovernmentOpenAIService, AzureOpenAIService
from azure_openai_guarded.components.clouds import COMMERCIAL
from azure_openai_guarded.components.declaration import read_component_args
from mockengine.program import run_callable
from tests.samples import service_args


@pytest.fixture(autouse=True)
def no_config_left_behind() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def unchanged(args: Any) -> Any:
    return None


def gov_args() -> Any:
    deployment = {"name": "summarize", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard"}
    return service_args(location="usgovvirginia", deployments=[deployment | {"capacity": 20}])


@pytest.mark.parametrize(
    ("opts", "path"),
    [
        (pulumi.ResourceOptions(transformations=[unchanged]), "opts.transformations"),
        (pulumi.ResourceOptions(transforms=[unchanged]), "opts.transforms"),
    ],
)
@pytest.mark.parametrize("component", [AzureOpenAIService, AzureGovernmentOpenAIService])
def test_a_transformation_given_to_a_component_is_refused_and_nothing_is_registered(
    component: Any, opts: pulumi.ResourceOptions, path: str
) -> None:
    args = service_args() if component is AzureOpenAIService else gov_args()
    run = run_callable(lambda: component("svc", args, opts))
    assert run.error is not None
    assert f"{path}: is refused: a transformation runs after the guard has decided" in run.error
    assert "`guard-cloud-matches-provider`" in run.error
    assert run.resources == []


def test_a_transformation_given_with_a_ready_declaration_is_refused() -> None:
    declared = read_component_args(service_args(), COMMERCIAL, spelling="python")
    opts = pulumi.ResourceOptions(transforms=[unchanged])
    run = run_callable(lambda: AzureOpenAIService.from_declaration("svc", declared, opts))
    assert run.error is not None
    assert "opts.transforms: is refused" in run.error
    assert run.resources == []


def test_transformations_a_parent_passes_on_are_refused() -> None:
    def body() -> None:
        parent = pulumi.ComponentResource(
            "test:index:Parent", "p", None, pulumi.ResourceOptions(transformations=[unchanged])
        )
        AzureOpenAIService("svc", service_args(), pulumi.ResourceOptions(parent=parent))

    run = run_callable(body)
    assert run.error is not None
    assert "opts.parent: passes its transformations on to the component's resources, so it is refused" in run.error
    assert [r.type for r in run.resources] == ["test:index:Parent"]


@pytest.mark.parametrize("component", [AzureOpenAIService, AzureGovernmentOpenAIService])
def test_a_stack_transformation_is_refused_by_its_name_and_nothing_is_registered(component: Any) -> None:
    args = service_args() if component is AzureOpenAIService else gov_args()

    def body() -> None:
        pulumi.runtime.register_stack_transformation(unchanged)
        component("svc", args)

    run = run_callable(body)
    assert run.error is not None
    assert "pulumi.runtime.register_stack_transformation: a stack transformation applies to every resource" in run.error
    assert "opts.parent" not in run.error
    assert run.resources == []


def test_a_stack_transformation_is_not_blamed_on_the_parent_that_inherits_it() -> None:
    def body() -> None:
        pulumi.runtime.register_stack_transformation(unchanged)
        parent = pulumi.ComponentResource("test:index:Parent", "p")
        AzureOpenAIService("svc", service_args(), pulumi.ResourceOptions(parent=parent))

    run = run_callable(body)
    assert run.error is not None
    assert "pulumi.runtime.register_stack_transformation:" in run.error
    assert "opts.parent" not in run.error
    assert [r.type for r in run.resources] == ["test:index:Parent"]


def test_a_parent_with_its_own_transformations_under_a_stack_transformation_is_named_too() -> None:
    def body() -> None:
        pulumi.runtime.register_stack_transformation(unchanged)
        parent = pulumi.ComponentResource(
            "test:index:Parent", "p", None, pulumi.ResourceOptions(transformations=[lambda a: None])
        )
        AzureOpenAIService("svc", service_args(), pulumi.ResourceOptions(parent=parent))

    run = run_callable(body)
    assert run.error is not None
    assert "pulumi.runtime.register_stack_transformation:" in run.error
    assert "opts.parent: passes its transformations on" in run.error


@pytest.mark.parametrize("component", [AzureOpenAIService, AzureGovernmentOpenAIService])
def test_a_stack_transform_registered_with_the_engine_is_refused_and_nothing_is_registered(component: Any) -> None:
    args = service_args() if component is AzureOpenAIService else gov_args()

    def body() -> None:
        pulumi.runtime.register_resource_transform(unchanged)
        component("svc", args)

    run = run_callable(body)
    assert run.error is not None
    assert "pulumi.runtime.register_resource_transform: the program registered transforms with the engine" in run.error
    assert run.resources == []


def test_a_program_without_transforms_after_one_with_them_is_provisioned() -> None:
    def transformed() -> None:
        pulumi.runtime.register_resource_transform(unchanged)
        AzureOpenAIService("svc", service_args())

    assert run_callable(transformed).error is not None
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()))
    assert run.error is None
    assert run.resources


@pytest.mark.parametrize("component", [AzureOpenAIService, AzureGovernmentOpenAIService])
def test_a_parents_transforms_option_is_refused_once_the_parent_is_registered(component: Any) -> None:
    args = service_args() if component is AzureOpenAIService else gov_args()

    def body() -> None:
        parent = pulumi.ComponentResource(
            "test:index:Parent", "p", None, pulumi.ResourceOptions(transforms=[unchanged])
        )
        component("svc", args, pulumi.ResourceOptions(parent=parent))

    run = run_callable(body)
    assert run.error is not None
    assert "pulumi.runtime.register_resource_transform: the program registered transforms with the engine" in run.error
    assert [r.type for r in run.resources] == ["test:index:Parent"]


def test_a_parent_without_transforms_is_waited_for_and_the_component_provisioned() -> None:
    def body() -> None:
        parent = pulumi.ComponentResource("test:index:Parent", "p")
        AzureOpenAIService("svc", service_args(), pulumi.ResourceOptions(parent=parent))

    run = run_callable(body)
    assert run.error is None
    assert "azure-native:cognitiveservices:Account" in [r.type for r in run.resources]
