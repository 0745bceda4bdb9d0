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
import yaml

from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.raw_resources import is_account_type, uses_account_type
from azure_openai_guarded.guards.rules import DECLARATION_INCONSISTENT, DECLARATION_MISSING, FR_US_LAW_ENFORCEMENT
from azure_openai_guarded.guards.yaml_program import NamedResource
from tests.declarations import police, use_case
from tests.guard.test_yaml_program_raw_resources import UK_POLICE_MATCH, chat, stack


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


# R7 H1: pulumi-yaml hands a provider marked `defaultProvider: true` to every resource of its package that names no
# provider of its own, so that provider decides the jurisdiction, as an explicit one does.

NATIVE_GOV_DEFAULT = {
    "type": "pulumi:providers:azure-native",
    "defaultProvider": True,
    "properties": {"environment": "usgovernment"},
}
CLASSIC_GOV_DEFAULT = {
    "type": "pulumi:providers:azure",
    "defaultProvider": True,
    "properties": {"environment": "usgovernment"},
}
NATIVE_FACE = {
    "type": "azure-native:cognitiveservices:Account",
    "properties": {"accountName": "faces", "resourceGroupName": "rg-chat", "kind": "Face"},
}
CLASSIC_FACE = {
    "type": "azure:cognitive/account:Account",
    "properties": {"name": "faces", "resourceGroupName": "rg-chat", "kind": "Face", "skuName": "S0"},
}


@pytest.mark.parametrize(
    ("provider", "face"),
    [(NATIVE_GOV_DEFAULT, NATIVE_FACE), (CLASSIC_GOV_DEFAULT, CLASSIC_FACE)],
    ids=["azure-native", "classic"],
)
def test_a_default_government_provider_has_the_configs_declaration_decided_in_azure_government(
    tmp_path: Path, provider: dict[str, Any], face: dict[str, Any]
) -> None:
    config = {"azure-native:environment": "public", "app:useCase": UK_POLICE_MATCH}
    assert FR_US_LAW_ENFORCEMENT.id in denied(stack(tmp_path, {"gov": provider, "faces": face}, config))


@pytest.mark.parametrize(
    ("provider", "face"),
    [(NATIVE_GOV_DEFAULT, NATIVE_FACE), (CLASSIC_GOV_DEFAULT, CLASSIC_FACE)],
    ids=["azure-native", "classic"],
)
def test_a_default_government_provider_beneath_a_commercial_component_is_refused(
    tmp_path: Path, provider: dict[str, Any], face: dict[str, Any]
) -> None:
    resources = {"gov": provider, "chat": chat(UK_POLICE_MATCH), "faces": {**face, "options": {"parent": "${chat}"}}}
    assert DECLARATION_INCONSISTENT.id in denied(stack(tmp_path, resources))


def test_a_default_provider_counts_beside_a_parents_provider(tmp_path: Path) -> None:
    public = {"type": "pulumi:providers:azure-native", "properties": {"environment": "public"}}
    group = {"type": "azure-native:resources:ResourceGroup", "options": {"provider": "${public}"}}
    face = {**NATIVE_FACE, "options": {"parent": "${group}"}}
    config = {"azure-native:environment": "public", "app:useCase": UK_POLICE_MATCH}
    resources = {"gov": NATIVE_GOV_DEFAULT, "public": public, "group": group, "faces": face}
    assert FR_US_LAW_ENFORCEMENT.id in denied(stack(tmp_path, resources, config))


def test_an_explicit_provider_wins_over_the_default_one(tmp_path: Path) -> None:
    public = {"type": "pulumi:providers:azure-native", "properties": {"environment": "public"}}
    face = {**NATIVE_FACE, "properties": {**NATIVE_FACE["properties"], "kind": "OpenAI"}}
    resources = {"gov": NATIVE_GOV_DEFAULT, "public": public, "chat": chat(use_case(servedParties=[]))}
    resources["acct"] = {**face, "options": {"parent": "${chat}", "provider": "${public}"}}
    assert check_file(stack(tmp_path, resources)).allowed


def test_a_default_provider_of_another_package_does_not_route_a_resource(tmp_path: Path) -> None:
    resources = {"gov": CLASSIC_GOV_DEFAULT, "chat": chat(use_case(servedParties=[]))}
    resources["acct"] = {
        **NATIVE_FACE,
        "properties": {**NATIVE_FACE["properties"], "kind": "OpenAI"},
        "options": {"parent": "${chat}"},
    }
    assert check_file(stack(tmp_path, resources)).allowed


# R7 H8: a raw resource is read under the declaration the pack governs it by: the component it descends from, else
# the stack config's, else each component beside; a program with no component at all included.

DETECTIVES = use_case(
    purpose="Help detectives with photos in their cases.",
    operator=police("US"),
    servedParties=[],
    capabilities=["image_analysis"],
    humanReview=True,
)
"""A US police department analysing images, declaring no recognition: allowed, with a warning."""


def recognising_project(**options: Any) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "type": "azure-native:cognitiveservices:Project",
        "properties": {
            "accountName": "pd-existing",
            "resourceGroupName": "rg-pd",
            "projectName": "lookup",
            "properties": {"description": "Identify suspects from custody photos for detectives."},
        },
    }
    return {**resource, "options": options} if options else resource


def test_a_raw_project_in_a_program_with_no_component_is_read_under_the_configs_declaration(
    tmp_path: Path,
) -> None:
    config = {"azure-native:environment": "public", "app:useCase": DETECTIVES}
    path = stack(tmp_path, {"proj": recognising_project()}, config)
    assert DECLARATION_INCONSISTENT.id in denied(path)


def test_the_same_program_with_a_project_described_for_photos_alone_is_allowed(tmp_path: Path) -> None:
    config = {"azure-native:environment": "public", "app:useCase": DETECTIVES}
    project = recognising_project()
    project["properties"]["properties"] = {"description": "Sort case photos by date for detectives."}
    assert check_file(stack(tmp_path, {"proj": project}, config)).allowed


def test_a_raw_project_beside_a_component_is_read_under_the_configs_declaration_not_the_components(
    tmp_path: Path,
) -> None:
    config = {"azure-native:environment": "public", "app:useCase": DETECTIVES}
    path = stack(tmp_path, {"chat": chat(UK_POLICE_MATCH), "proj": recognising_project()}, config)
    assert DECLARATION_INCONSISTENT.id in denied(path)


def test_a_raw_project_beneath_a_component_is_read_under_the_components_declaration_not_the_configs(
    tmp_path: Path,
) -> None:
    config = {"azure-native:environment": "public", "app:useCase": DETECTIVES}
    path = stack(tmp_path, {"chat": chat(UK_POLICE_MATCH), "proj": recognising_project(parent="${chat}")}, config)
    result = check_file(path)
    assert result.verdict is not None, result.error
    assert not any("read under `app:useCase`" in f.message for f in result.verdict.findings)


def test_a_raw_project_beside_components_with_no_config_declaration_is_read_under_each(tmp_path: Path) -> None:
    path = stack(tmp_path, {"chat": chat(DETECTIVES), "proj": recognising_project()})
    assert DECLARATION_INCONSISTENT.id in denied(path)


# R7 H7: a consumer program may read its declaration from another namespace (`pulumi.Config("teamconfig")`), so
# the checker decides every namespace's `useCase` in a consumer project's stack, as in this project's.

PATROL_ID = use_case(
    purpose="Identify people on patrol from body-worn camera video against a database of suspects.",
    operator=police("US"),
    capabilities=["facial_recognition"],
    facialRecognition={"realtime": True, "cameras": ["body_worn"], "environment": "uncontrolled"},
)


def consumer_stack(folder: Path, config: dict[str, Any], runtime: str = "python") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Pulumi.yaml").write_text(f"name: support-chat\nruntime: {runtime}\n", encoding="utf-8")
    path = folder / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump({"config": {"azure-native:environment": "public", **config}}), encoding="utf-8")
    return path


def test_a_consumer_stacks_forbidden_declaration_in_another_namespace_is_denied(tmp_path: Path) -> None:
    path = consumer_stack(tmp_path, {"support-chat:useCase": use_case(), "teamconfig:useCase": PATROL_ID})
    result = check_file(path)
    assert result.verdict is not None, result.error
    assert FR_US_LAW_ENFORCEMENT.id in {f.rule for f in result.verdict.denials}
    assert any(f.message.startswith("`teamconfig:useCase`: ") for f in result.verdict.denials)


def test_a_consumer_stacks_allowed_declaration_in_another_namespace_is_allowed(tmp_path: Path) -> None:
    path = consumer_stack(tmp_path, {"support-chat:useCase": use_case(), "teamconfig:useCase": use_case()})
    assert check_file(path).allowed


def test_a_consumer_stacks_invalid_declaration_in_another_namespace_makes_it_invalid(tmp_path: Path) -> None:
    path = consumer_stack(tmp_path, {"support-chat:useCase": use_case(), "teamconfig:useCase": {"name": "x"}})
    result = check_file(path)
    assert result.verdict is None
    assert result.problems


def test_a_yaml_consumer_programs_forbidden_declaration_in_another_namespace_is_denied(tmp_path: Path) -> None:
    config = {"azure-native:environment": "public", "teamconfig:useCase": PATROL_ID}
    path = stack(tmp_path, {"chat": chat(use_case(servedParties=[]))}, config)
    assert FR_US_LAW_ENFORCEMENT.id in denied(path)


def test_a_raw_project_beneath_a_component_that_lists_it_is_read_under_the_projects_own_declaration(
    tmp_path: Path,
) -> None:
    listed = {"name": "lookup", "useCase": {**DETECTIVES, "operator": police("GB")}}
    component = chat(UK_POLICE_MATCH)
    component["properties"] |= {"kind": "AIServices", "projects": [listed]}
    path = stack(tmp_path, {"chat": component, "proj": recognising_project(parent="${chat}")})
    result = check_file(path)
    assert result.verdict is not None, result.error
    assert DECLARATION_INCONSISTENT.id in {f.rule for f in result.verdict.denials}
    assert any("projects[0].useCase" in f.message for f in result.verdict.denials)


def test_the_same_project_unlisted_is_read_under_the_components_declaration(tmp_path: Path) -> None:
    path = stack(tmp_path, {"chat": chat(UK_POLICE_MATCH), "proj": recognising_project(parent="${chat}")})
    result = check_file(path)
    assert result.verdict is not None, result.error
    assert not any(f.message.startswith("For resource `proj`") for f in result.verdict.denials)


@pytest.mark.parametrize(
    ("key", "value"), [("defaultProvider", "${useGov}"), ("defaultprovider", True)], ids=["expression", "letter-case"]
)
def test_a_default_provider_flag_that_may_be_true_counts(tmp_path: Path, key: str, value: Any) -> None:
    provider = {"type": "pulumi:providers:azure-native", key: value, "properties": {"environment": "usgovernment"}}
    config = {"azure-native:environment": "public", "app:useCase": UK_POLICE_MATCH}
    assert FR_US_LAW_ENFORCEMENT.id in denied(stack(tmp_path, {"gov": provider, "faces": NATIVE_FACE}, config))


def test_a_provider_marked_not_default_routes_nothing(tmp_path: Path) -> None:
    provider = {**NATIVE_GOV_DEFAULT, "defaultProvider": False}
    config = {"azure-native:environment": "public", "app:useCase": UK_POLICE_MATCH}
    assert check_file(stack(tmp_path, {"gov": provider, "faces": NATIVE_FACE}, config)).allowed
