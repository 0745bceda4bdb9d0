"""The arguments are typed and documented so Pulumi's component provider host can publish the components."""

from __future__ import annotations

from typing import Any, is_typeddict

import pulumi
import pytest
from pulumi.provider.experimental.analyzer import Analyzer

from azure_openai_guarded.components import (
    access,
    account,
    content_filters,
    deployments,
    encryption,
    fields,
    network,
    projects,
    secrets,
    use_case,
)
from azure_openai_guarded.components.openai_service import AzureOpenAIService

CONCEPTS = [access, account, content_filters, deployments, encryption, network, projects, secrets, use_case]
"""The modules that hold the components' arguments, each beside its settings."""

PAIRS = [
    (typed, vars(module)[name.removesuffix("Args") + "Settings"])
    for module in CONCEPTS
    for name, typed in vars(module).items()
    if is_typeddict(typed)
    and typed.__module__ == module.__name__
    and name.removesuffix("Args") + "Settings" in vars(module)
]


def test_each_concepts_arguments_have_their_validating_model_beside_them() -> None:
    assert {typed.__name__ for typed, _ in PAIRS} >= {
        "DeploymentArgs",
        "ContentFilterArgs",
        "RaiPolicyArgs",
        "PrivateDnsZoneIdsArgs",
        "PrivateEndpointArgs",
        "RoleAssignmentArgs",
        "CustomerManagedKeyArgs",
        "ModelOfferArgs",
    }


@pytest.mark.parametrize(("typed", "model"), PAIRS, ids=[p[0].__name__ for p in PAIRS])
def test_each_typed_dict_and_its_validating_model_have_the_same_fields(typed: Any, model: Any) -> None:
    assert set(typed.__required_keys__ | typed.__optional_keys__) == set(model.model_fields)
    assert typed.__required_keys__ == {n for n, f in model.model_fields.items() if f.is_required()}


def test_the_component_args_are_the_service_settings_plus_the_guards_inputs() -> None:
    typed = account.AzureOpenAIServiceArgs
    model = account.ServiceSettings
    assert set(typed.__required_keys__ | typed.__optional_keys__) == set(model.model_fields) | account.ARGS_ONLY
    assert typed.__required_keys__ == {n for n, f in model.model_fields.items() if f.is_required()} | {"use_case"}


def test_an_input_from_another_resource_is_written_as_pulumi_writes_one() -> None:
    """The concepts' arguments import without Pulumi, so they spell ``pulumi.Input`` themselves."""
    assert fields.Input[str] == pulumi.Input[str]
    assert fields.Input[int] == pulumi.Input[int]


def test_the_provider_host_infers_a_documented_schema() -> None:
    result = Analyzer("azure-openai-guarded").analyze([AzureOpenAIService])
    component = result["component_definitions"]["AzureOpenAIService"]
    assert {"useCase", "location", "resourceGroupName", "deployments"} <= set(component.inputs)
    assert not component.inputs["useCase"].optional
    assert {"endpoint", "accountId", "accountName", "deploymentNames", "principalId", "verdict"} <= set(
        component.outputs
    )
    undocumented = [name for name, p in component.inputs.items() if not p.description]
    assert undocumented == []
    assert result["type_definitions"]["DeploymentSku"].enum


def test_every_argument_type_is_documented() -> None:
    for module in CONCEPTS:
        for name, typ in vars(module).items():
            if is_typeddict(typ):
                assert typ.__doc__, name
