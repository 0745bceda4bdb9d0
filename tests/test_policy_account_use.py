"""A Foundry project, a model deployment, a connection or a capability host needs a declaration as an account does.

They put an account's models and tools to use, on an account the stack may not create (an existing Foundry
resource), so ``account-use-case-declared`` asks of each what it asks of an image-capable account: that it descends
from a guarded component the pack decided allowed, or that the stack's config (this project's namespace or the
consumer's own) declares a use case the pack decided allowed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pulumi.runtime
import pytest

from azure_openai_guarded.guards.policies.use_case import ACCOUNT_DECLARED
from azure_openai_guarded.guards.rules import DECLARATION_MISSING, FR_US_LAW_ENFORCEMENT
from mockengine.analyzer import Violation, analyze
from mockengine.program import Registered
from tests.declarations import fr_facts, police, use_case
from tests.test_policy_component_inputs import PREFIX, component

CONSUMER = "support-chat-yaml"

PROJECT = "azure-native:cognitiveservices:Project"
PROJECT_INPUTS = {
    "accountName": "existing-foundry",
    "resourceGroupName": "rg-existing",
    "projectName": "helpdesk",
    "identity": {"type": "SystemAssigned"},
}

USERS = [
    pytest.param(PROJECT, PROJECT_INPUTS, id="project"),
    pytest.param(
        "azure-native:cognitiveservices:Deployment",
        {
            "accountName": "existing-foundry",
            "resourceGroupName": "rg-existing",
            "deploymentName": "chat",
            "properties": {"model": {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}},
        },
        id="deployment",
    ),
    pytest.param(
        "azure-native:cognitiveservices/v20250601:Deployment",
        {"accountName": "existing-foundry", "resourceGroupName": "rg-existing", "deploymentName": "chat"},
        id="deployment-versioned",
    ),
    pytest.param(
        "azure:cognitive/deployment:Deployment",
        {"name": "chat", "cognitiveAccountId": "/subscriptions/x/accounts/existing-foundry"},
        id="classic-deployment",
    ),
    pytest.param(
        "azure-native:cognitiveservices:ProjectConnection",
        {"accountName": "existing-foundry", "projectName": "helpdesk", "resourceGroupName": "rg-existing"},
        id="project-connection",
    ),
    pytest.param(
        "azure-native:cognitiveservices:AccountCapabilityHost",
        {"accountName": "existing-foundry", "resourceGroupName": "rg-existing"},
        id="capability-host",
    ),
]


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def user(token: str, inputs: dict[str, Any], parent: Registered | None = None, name: str = "p") -> Registered:
    qualified = f"{parent.urn.split('::')[2]}${token}" if parent else token
    return Registered(f"{PREFIX}{qualified}::{name}", token, name, True, inputs, parent.urn if parent else "", (), "")


def declared(registrations: list[Registered], stack_config: dict[str, Any] | None = None) -> list[Violation]:
    config = {"azure-native:location": "eastus"} | (stack_config or {})
    engine = {k: v if isinstance(v, str) else json.dumps(v) for k, v in config.items()}
    return [v for v in analyze(registrations, engine) if v.policy == ACCOUNT_DECLARED and v.mandatory]


@pytest.mark.parametrize(("token", "inputs"), USERS)
def test_a_raw_project_or_deployment_on_an_existing_account_needs_a_declaration(
    token: str, inputs: dict[str, Any]
) -> None:
    raw = user(token, inputs)
    (found,) = declared([raw])
    assert found.urn == raw.urn
    assert f"[{DECLARATION_MISSING.id}]" in found.message
    assert "puts a Cognitive Services account's models or tools to use" in found.message
    assert f"`{CONSUMER}:useCase`" in found.message


@pytest.mark.parametrize(("token", "inputs"), USERS)
def test_a_raw_project_or_deployment_passes_under_an_allowed_consumer_declaration(
    token: str, inputs: dict[str, Any]
) -> None:
    assert declared([user(token, inputs)], {f"{CONSUMER}:useCase": use_case(servedParties=[])}) == []


@pytest.mark.parametrize(("token", "inputs"), USERS)
def test_a_raw_project_or_deployment_fails_under_a_denied_consumer_declaration(
    token: str, inputs: dict[str, Any]
) -> None:
    denied = use_case(capabilities=["facial_recognition"], operator=police("US"), facialRecognition=fr_facts())
    (found,) = declared([user(token, inputs)], {f"{CONSUMER}:useCase": denied})
    assert FR_US_LAW_ENFORCEMENT.id in found.message


@pytest.mark.parametrize(("token", "inputs"), USERS)
def test_a_project_or_deployment_beneath_an_allowed_component_passes(token: str, inputs: dict[str, Any]) -> None:
    service = component(use_case())
    assert declared([service, user(token, inputs, parent=service)]) == []


def test_a_project_beside_an_allowed_component_is_not_cleared_by_it() -> None:
    service = component(use_case())
    raw = user(PROJECT, PROJECT_INPUTS)
    (found,) = declared([service, raw])
    assert found.urn == raw.urn
    assert f"[{DECLARATION_MISSING.id}]" in found.message


def test_a_content_filter_policy_on_an_existing_account_needs_no_declaration() -> None:
    # A filter only restricts what the account's deployments may say; it puts nothing to use.
    policy = user("azure-native:cognitiveservices:RaiPolicy", {"accountName": "x", "raiPolicyName": "strict"})
    assert declared([policy]) == []


@pytest.mark.parametrize(
    ("token", "inputs"),
    [
        ("azure:machinelearning/workspace:Workspace", {"name": "hub", "kind": "Hub"}),
        ("azure:machinelearning/workspace:Workspace", {"name": "hub"}),
        ("azure:aifoundry/hub:Hub", {"name": "hub", "resourceGroupName": "rg"}),
        ("azure:aifoundry/project:Project", {"name": "helpdesk", "aiServicesHubId": "/x"}),
    ],
    ids=["classic-workspace-hub", "classic-workspace-kind-not-set", "classic-foundry-hub", "classic-foundry-project"],
)
def test_the_classic_providers_foundry_hubs_and_projects_need_a_declaration(token: str, inputs: dict[str, Any]) -> None:
    (found,) = declared([user(token, inputs)])
    assert f"[{DECLARATION_MISSING.id}]" in found.message
    assert "can analyse images or faces" in found.message


def test_a_classic_machine_learning_workspace_of_another_kind_needs_no_declaration() -> None:
    workspace = user("azure:machinelearning/workspace:Workspace", {"name": "features", "kind": "FeatureStore"})
    assert declared([workspace]) == []
