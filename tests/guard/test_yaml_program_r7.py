"""A YAML program is decided by the checker as the pack decides the resources it registers (review R7).

The checker is the only gate before the preview in the pre-commit hook and the Action: what the pack refuses, the
checker must refuse too. R7 H9: "an account" is the pack's notion (a Foundry hub or project, the classic AI
Services resource), and what puts an account's models to use (a deployment, a project on an account the stack may
not create) needs a declaration as an account does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.raw_resources import is_account_type, uses_account_type
from azure_openai_guarded.guards.rules import DECLARATION_MISSING
from azure_openai_guarded.guards.yaml_program import NamedResource
from tests.declarations import use_case
from tests.guard.test_yaml_program_raw_resources import chat, stack


def denied(path: Path) -> set[str]:
    result = check_file(path)
    assert result.verdict is not None, result.error
    return {f.rule for f in result.verdict.denials}


BESIDE = {
    "hub": {
        "type": "azure-native:machinelearningservices:Workspace",
        "properties": {"workspaceName": "side-hub", "resourceGroupName": "rg-chat", "kind": "Hub"},
    },
    "classic-ai-services": {
        "type": "azure:cognitive/aIServices:AIServices",
        "properties": {"name": "side-ai", "resourceGroupName": "rg-chat", "skuName": "S0"},
    },
    "classic-ml-workspace": {
        "type": "azure:machinelearning/workspace:Workspace",
        "properties": {"name": "side-ws", "resourceGroupName": "rg-chat"},
    },
    "foundry-hub": {"type": "azure:aifoundry/hub:Hub", "properties": {"name": "side-hub"}},
    "foundry-project": {"type": "azure:aifoundry/project:Project", "properties": {"name": "side-proj"}},
    "deployment-on-an-existing-account": {
        "type": "azure-native:cognitiveservices:Deployment",
        "properties": {"accountName": "pd-existing", "resourceGroupName": "rg-pd", "deploymentName": "vision"},
    },
    "classic-deployment": {
        "type": "azure:cognitive/deployment:Deployment",
        "properties": {"name": "vision", "cognitiveAccountId": "/subscriptions/x/accounts/pd-existing"},
    },
    "project-on-an-existing-account": {
        "type": "azure-native:cognitiveservices:Project",
        "properties": {"accountName": "pd-existing", "resourceGroupName": "rg-pd", "projectName": "side"},
    },
    "connection": {
        "type": "azure-native:cognitiveservices:AccountConnection",
        "properties": {"accountName": "pd-existing", "resourceGroupName": "rg-pd", "connectionName": "c"},
    },
}


@pytest.mark.parametrize("resource", list(BESIDE.values()), ids=list(BESIDE))
def test_an_account_or_what_uses_one_beside_a_component_with_no_config_declaration_is_refused(
    tmp_path: Path, resource: dict[str, Any]
) -> None:
    path = stack(tmp_path, {"chat": chat(use_case()), "side": resource})
    assert DECLARATION_MISSING.id in denied(path)


@pytest.mark.parametrize("resource", list(BESIDE.values()), ids=list(BESIDE))
def test_the_same_resource_beneath_the_allowed_component_is_governed_by_it(
    tmp_path: Path, resource: dict[str, Any]
) -> None:
    # Served parties declared: an account whose kind is not set may be Face, refused where they may be US police.
    served = use_case(servedParties=[])
    path = stack(tmp_path, {"chat": chat(served), "side": {**resource, "options": {"parent": "${chat}"}}})
    assert check_file(path).allowed


def test_a_resource_beneath_a_raw_parent_beneath_the_component_is_governed_by_it(tmp_path: Path) -> None:
    group = {"type": "azure-native:resources:ResourceGroup", "options": {"parent": "${chat}"}}
    hub = {**BESIDE["hub"], "options": {"parent": "${group}"}}
    assert check_file(stack(tmp_path, {"chat": chat(use_case()), "group": group, "hub": hub})).allowed


def test_the_checker_and_the_pack_share_one_notion_of_an_account() -> None:
    for token in ("azure-native:machinelearningservices:Workspace", "azure:cognitive/aIServices:AIServices"):
        assert is_account_type(token)
        assert NamedResource("x", token, {}).is_account
    assert not NamedResource("x", "azure-native:storage:StorageAccount", {}).is_account
    assert uses_account_type("azure-native:cognitiveservices/v20250601:ProjectCapabilityHost")
    assert not uses_account_type("azure-native:cognitiveservices:Account")
