"""The Foundry stack: one Foundry resource for two teams' projects, one of them with its own declaration.

The checker, the program and the offline plan read it the same way: a project whose own declaration the
terms forbid denies the whole stack, and the program then registers nothing.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.guards import tags as guard_tags
from azure_openai_guarded.guards.checker import ExitStatus, check_file
from azure_openai_guarded.guards.cli import main as checker_main
from azure_openai_guarded.guards.projectfile import read_stack
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from mockengine.program import ProgramRun, run_program
from plan.__main__ import main as plan_main
from plan.planner import Status, plan_file
from tests.declarations import fr_facts, police

STACKS = Path(__file__).resolve().parent.parent / "stacks"
FOUNDRY_FILE = STACKS / "Pulumi.foundry.yaml"
SERVICE = "azure-openai-guarded:service"


def foundry_config() -> dict[str, Any]:
    return copy.deepcopy(read_stack(FOUNDRY_FILE).full_config())


@pytest.fixture(scope="module")
def foundry() -> ProgramRun:
    run = run_program(foundry_config(), stack="foundry")
    assert run.error is None, run.error
    return run


def test_the_stack_is_a_foundry_resource_with_two_projects_one_with_its_own_declaration() -> None:
    service = read_stack(FOUNDRY_FILE).config["service"]
    assert service["kind"] == "AIServices"
    assert [("useCase" in p) for p in service["projects"]] == [False, True]


def test_each_project_carries_the_verdict_of_the_declaration_that_governs_it(foundry: ProgramRun) -> None:
    tags = {
        p.inputs["projectName"]: p.inputs["tags"] for p in foundry.of_type("azure-native:cognitiveservices:Project")
    }
    assert tags["support-assistant"][guard_tags.USE_CASE] == "support-assistant"
    assert tags["claims-triage"][guard_tags.USE_CASE] == "claims-triage"
    assert tags["claims-triage"][guard_tags.OWNER] == "claims-platform@example.com"


def test_the_stack_exports_the_foundry_endpoint_and_each_projects_endpoint(foundry: ProgramRun) -> None:
    assert foundry.outputs["foundryEndpoint"] == "https://contoso-foundry-prod.services.ai.azure.com/"
    assert [p["endpoint"] for p in foundry.outputs["projects"]] == [
        "https://contoso-foundry-prod.services.ai.azure.com/api/projects/support-assistant",
        "https://contoso-foundry-prod.services.ai.azure.com/api/projects/claims-triage",
    ]


def test_the_plan_shows_the_account_the_projects_the_three_zones_and_the_lock(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert plan_main([str(FOUNDRY_FILE)]) == 0
    out = capsys.readouterr().out
    assert "Pulumi.foundry.yaml  (stack foundry)  ALLOWED" in out
    assert "kind=AIServices" in out
    assert "allowProjectManagement=true" in out
    assert out.count("cognitiveservices:Project ") == 2
    for zone in (
        "privatelink.cognitiveservices.azure.com",
        "privatelink.openai.azure.com",
        "privatelink.services.ai.azure.com",
    ):
        assert f"privatedns:PrivateZone               {zone}" in out
    assert "authorization:ManagementLockByScope  contoso-foundry-prod-lock" in out
    assert "level=CanNotDelete" in out


def denied_project_stack(tmp_path: Path) -> Path:
    document = {"config": foundry_config()}
    claims = document["config"][SERVICE]["projects"][1]["useCase"]
    claims |= {"operator": police("US"), "capabilities": ["facial_recognition"], "facialRecognition": fr_facts()}
    path = tmp_path / "Pulumi.denied.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def test_the_checker_denies_a_stack_with_a_denied_project_and_points_at_its_declaration(tmp_path: Path) -> None:
    result = check_file(denied_project_stack(tmp_path))
    assert result.verdict is not None
    assert not result.verdict.allowed
    (denial,) = result.verdict.denials
    assert denial.rule == FR_US_LAW_ENFORCEMENT.id
    assert denial.message.startswith("Foundry project 'claims-triage': ")
    assert all(path.startswith("service.projects[1].useCase") for path in denial.paths)


def test_a_denied_project_stops_the_program_before_anything_is_registered(tmp_path: Path) -> None:
    config = foundry_config()
    claims = config[SERVICE]["projects"][1]["useCase"]
    claims |= {"operator": police("US"), "capabilities": ["facial_recognition"], "facialRecognition": fr_facts()}
    run = run_program(config, stack="foundry")
    assert run.resources == []
    assert "the guard denied Foundry project(s) 'claims-triage'; nothing was created" in str(run.error)


def test_the_plan_reports_a_denied_project_as_a_denied_stack_that_registered_nothing(tmp_path: Path) -> None:
    path = denied_project_stack(tmp_path)
    plan = plan_file(path)
    assert plan.status is Status.DENIED
    assert plan.resources == []
    assert checker_main(["check", str(path)]) == ExitStatus.DENIED


def test_a_malformed_project_declaration_is_invalid_with_its_key_in_the_stack_file(tmp_path: Path) -> None:
    document = {"config": foundry_config()}
    document["config"][SERVICE]["projects"][1]["useCase"]["operator"]["country"] = "USA"
    path = tmp_path / "Pulumi.broken.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    result = check_file(path)
    assert result.verdict is None
    assert [str(p) for p in result.problems if "projects" in str(p)] == [
        "azure-openai-guarded:service.projects[1].useCase.operator.country: 'USA' is not an ISO 3166-1 alpha-2 "
        "country code (for example US, GB, DE)"
    ]


def test_projects_on_an_openai_account_are_invalid_in_the_stack_file(tmp_path: Path) -> None:
    document = {"config": foundry_config()}
    document["config"][SERVICE]["kind"] = "OpenAI"
    path = tmp_path / "Pulumi.openai.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    problems = [str(p) for p in check_file(path).problems]
    assert any(
        p.startswith(
            "azure-openai-guarded:service.projects: Foundry projects need a Foundry resource; set kind: AIServices"
        )
        for p in problems
    ), problems


def test_the_plan_lists_each_projects_endpoint_as_key_value_pairs(capsys: pytest.CaptureFixture[str]) -> None:
    assert plan_main([str(FOUNDRY_FILE)]) == 0
    (line,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("    projects ")]
    endpoint = "https://contoso-foundry-prod.services.ai.azure.com/api/projects/claims-triage"
    assert f"; name=claims-triage, endpoint={endpoint}, use_case=claims-triage" in line
