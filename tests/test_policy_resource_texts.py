"""Each resource's names and tags are read by its own policy, before it is created, and must be known then.

``use-case-resource-texts`` is a resource policy: the engine calls it as each resource is registered, before the
resource is created (in ``pulumi up --skip-preview`` too), where the stack policy runs only after every resource
exists. It reads every naming input of each kind in :mod:`guards.resource_texts` (the classic provider's AI
Services, deployment and resource group, and Machine Learning workspaces among them) under the declaration that
governs the resource, and refuses one unknown until deployment, a ``resourceGroupName`` passed on from the group
excepted (it is read on the group).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pulumi.runtime
import pytest
from pulumi.output import Unknown

from azure_openai_guarded.guards.policies.use_case import (
    ACCOUNT_DECLARED,
    FACE_US_LAW_ENFORCEMENT,
    RESOURCE_TEXTS,
    USE_CASE_VERDICT,
)
from azure_openai_guarded.guards.rules import DECLARATION_INCONSISTENT
from mockengine.analyzer import Violation, analyze
from mockengine.program import Registered
from tests.declarations import config, stack_document, use_case
from tests.test_policy_component_inputs import PREFIX as CONSUMER_PREFIX
from tests.test_policy_component_inputs import component

PREFIX = "urn:pulumi:dev::azure-openai-guarded::"
ACCOUNT = "azure-native:cognitiveservices:Account"
DEPLOYMENT = "azure-native:cognitiveservices:Deployment"
GROUP = "azure-native:resources:ResourceGroup"
CLASSIC_ACCOUNT = "azure:cognitive/account:Account"
CLASSIC_AI_SERVICES = "azure:cognitive/aIServices:AIServices"
CLASSIC_DEPLOYMENT = "azure:cognitive/deployment:Deployment"
CLASSIC_GROUP = "azure:core/resourceGroup:ResourceGroup"
WORKSPACE = "azure-native:machinelearningservices:Workspace"
CLASSIC_WORKSPACE = "azure:machinelearning/workspace:Workspace"
CLASSIC_HUB = "azure:aifoundry/hub:Hub"
CLASSIC_FOUNDRY_PROJECT = "azure:aifoundry/project:Project"
FORBIDDEN_NAME = "nypd-suspect-face-match"
FORBIDDEN_TEXT = "Identify suspects for the NYPD from their faces."


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def at(path: str, value: Any) -> dict[str, Any]:
    """``value`` at a dotted ``path``: ``{"properties": {"displayName": value}}``."""
    head, _, rest = path.partition(".")
    return {head: at(rest, value) if rest else value}


def registered(token: str, inputs: dict[str, Any], name: str = "r", prefix: str = PREFIX) -> Registered:
    return Registered(f"{prefix}{token}::{name}", token, name, True, inputs, "", (), "")


def violations(
    registrations: list[Registered],
    stack_config: dict[str, Any] | None = None,
    policy_config: dict[str, dict[str, Any]] | None = None,
) -> list[Violation]:
    declared = stack_config if stack_config is not None else stack_document(config(use_case()))["config"]
    engine = {k: v if isinstance(v, str) else json.dumps(v) for k, v in declared.items()}
    return analyze(registrations, engine, policy_config)


def of(found: list[Violation], policy: str) -> list[Violation]:
    return [v for v in found if v.policy == policy]


NAMING_INPUTS = [
    (ACCOUNT, "accountName"),
    (ACCOUNT, "properties.customSubDomainName"),
    (DEPLOYMENT, "deploymentName"),
    ("azure-native:cognitiveservices:RaiPolicy", "raiPolicyName"),
    ("azure-native:cognitiveservices:RaiBlocklist", "raiBlocklistName"),
    (GROUP, "resourceGroupName"),
    ("azure-native:cognitiveservices:Project", "projectName"),
    ("azure-native:cognitiveservices:Project", "properties.displayName"),
    (CLASSIC_ACCOUNT, "name"),
    (CLASSIC_ACCOUNT, "customSubdomainName"),
    (CLASSIC_AI_SERVICES, "name"),
    (CLASSIC_AI_SERVICES, "customSubdomainName"),
    (CLASSIC_DEPLOYMENT, "name"),
    (CLASSIC_GROUP, "name"),
    (WORKSPACE, "workspaceName"),
    (WORKSPACE, "friendlyName"),
    (WORKSPACE, "description"),
    (CLASSIC_WORKSPACE, "name"),
    (CLASSIC_HUB, "friendlyName"),
    (CLASSIC_FOUNDRY_PROJECT, "description"),
]


@pytest.mark.parametrize(("token", "path"), NAMING_INPUTS)
def test_a_naming_input_computed_at_deployment_is_refused_before_the_resource_is_created(token: str, path: str) -> None:
    resource = registered(token, {"kind": "OpenAI", **at(path, Unknown())})
    (found,) = of(violations([resource]), RESOURCE_TEXTS)
    assert found.mandatory
    assert found.urn == resource.urn
    assert f"`{path}` is unknown until deployment" in found.message


def test_an_allowed_host_computed_at_deployment_is_refused() -> None:
    resource = registered(ACCOUNT, {"kind": "OpenAI", "properties": {"allowedFqdnList": ["a.example", Unknown()]}})
    (found,) = of(violations([resource]), RESOURCE_TEXTS)
    assert "`properties.allowedFqdnList` is unknown until deployment" in found.message


@pytest.mark.parametrize("token", [ACCOUNT, DEPLOYMENT, CLASSIC_ACCOUNT, WORKSPACE])
def test_a_resource_group_name_passed_on_from_the_group_is_read_on_the_group_not_here(token: str) -> None:
    resource = registered(token, {"kind": "OpenAI", "resourceGroupName": Unknown()})
    assert of(violations([resource]), RESOURCE_TEXTS) == []


@pytest.mark.parametrize(
    ("token", "path", "value"),
    [
        (CLASSIC_AI_SERVICES, "name", FORBIDDEN_NAME),
        (CLASSIC_AI_SERVICES, "tags.purpose", FORBIDDEN_TEXT),
        (WORKSPACE, "workspaceName", FORBIDDEN_NAME),
        (WORKSPACE, "friendlyName", FORBIDDEN_NAME),
        (WORKSPACE, "description", FORBIDDEN_TEXT),
        (CLASSIC_GROUP, "name", FORBIDDEN_NAME),
        (CLASSIC_HUB, "name", FORBIDDEN_NAME),
        (CLASSIC_FOUNDRY_PROJECT, "description", FORBIDDEN_TEXT),
        (CLASSIC_DEPLOYMENT, "name", FORBIDDEN_NAME),
        (DEPLOYMENT, "deploymentName", FORBIDDEN_NAME),
    ],
)
def test_the_names_and_tags_of_every_account_kind_are_read_under_the_stacks_declaration(
    token: str, path: str, value: str
) -> None:
    resource = registered(token, {"kind": "Hub", **at(path, value)})
    (found,) = of(violations([resource]), RESOURCE_TEXTS)
    assert found.mandatory
    assert found.urn == resource.urn
    assert f"[{DECLARATION_INCONSISTENT.id}]" in found.message
    assert f"resource `r`.{path} says" in found.message


def test_a_resource_name_is_decided_by_the_resource_policy_even_with_the_stack_policy_off() -> None:
    # What pulumi up --skip-preview runs before creating the resource: its own policy, not the stack's.
    resource = registered(DEPLOYMENT, {"deploymentName": "nypd-face-id"})
    found = violations([resource], policy_config={USE_CASE_VERDICT: {"enforcementLevel": "disabled"}})
    (denied,) = of(found, RESOURCE_TEXTS)
    assert "resource `r`.deploymentName says" in denied.message


def test_a_resource_name_is_reported_once_by_its_own_policy_and_not_again_by_the_stack_policy() -> None:
    found = violations([registered(DEPLOYMENT, {"deploymentName": "nypd-face-id"})])
    assert len(of(found, RESOURCE_TEXTS)) == 1
    assert of(found, USE_CASE_VERDICT) == []


def test_a_resource_registered_before_the_component_declared_in_code_is_read_with_it_in_the_stack_policy() -> None:
    # The component was not decided when the group's own policy ran, so the stack policy reads the group with it.
    # The engine runs every policy on a resource as it is registered; the mock runs each policy on every resource,
    # so only this one is left to record the component, as the engine would after the group.
    group = registered(GROUP, {"resourceGroupName": FORBIDDEN_NAME, "location": "eastus"}, prefix=CONSUMER_PREFIX)
    service = component(use_case())
    others = {name: {"enforcementLevel": "disabled"} for name in (ACCOUNT_DECLARED, FACE_US_LAW_ENFORCEMENT)}
    others["face-api-exposure"] = {"enforcementLevel": "disabled"}
    found = violations([group, service], {"azure-native:location": "eastus"}, others)
    (late,) = of(found, USE_CASE_VERDICT)
    assert late.urn == group.urn
    assert "resource `r`.resourceGroupName says" in late.message
    assert of(found, RESOURCE_TEXTS) == []


def test_a_resource_registered_after_the_component_declared_in_code_is_read_by_its_own_policy() -> None:
    service = component(use_case())
    group = registered(GROUP, {"resourceGroupName": FORBIDDEN_NAME, "location": "eastus"}, prefix=CONSUMER_PREFIX)
    found = violations([service, group], {"azure-native:location": "eastus"})
    (early,) = of(found, RESOURCE_TEXTS)
    assert early.urn == group.urn
    assert of(found, USE_CASE_VERDICT) == []
