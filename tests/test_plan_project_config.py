"""The offline plan feeds the program the config the checker decided: the stack file with Pulumi.yaml's applied.

Under the real engine a program sees the project's ``config:`` block merged
into every stack's; the plan runs the program under the mock engine with the
merged config the checker read, so the plan, the program and the checker
agree on a stack whose keys are partly in ``Pulumi.yaml``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.rules import STRICT_FR_ANY
from plan.__main__ import main
from plan.planner import Status, plan_file
from tests.declarations import config, fr_facts, stack_document, use_case

PROJECT_HEAD = "name: azure-openai-guarded\nruntime: python\nstackConfigDir: stacks\n"


def layout(tmp_path: Path, project_config: str, stack_config: dict[str, Any], **other: Any) -> Path:
    """This repository's layout in ``tmp_path``: Pulumi.yaml with ``project_config``, and stacks/Pulumi.dev.yaml."""
    (tmp_path / "Pulumi.yaml").write_text(PROJECT_HEAD + project_config, encoding="utf-8")
    (tmp_path / "stacks").mkdir()
    path = tmp_path / "stacks" / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump(stack_document(stack_config, **other), sort_keys=False), encoding="utf-8")
    return path


def test_a_strict_default_in_pulumi_yaml_reaches_the_program_and_its_exported_verdict(tmp_path: Path) -> None:
    path = layout(tmp_path, "config:\n  guardProfile: strict\n", config(use_case()))
    plan = plan_file(path)
    assert plan.status is Status.ALLOWED, plan.problems
    assert plan.run is not None
    assert plan.run.outputs["verdict"]["profile"] == "strict"
    checked = check_file(path)
    assert checked.verdict is not None
    assert plan.run.outputs["verdict"] == checked.verdict.to_dict()


def test_a_stack_the_project_default_denies_is_denied_by_the_plan_and_registers_nothing(tmp_path: Path) -> None:
    face_match = use_case(capabilities=["facial_recognition"], facialRecognition=fr_facts())
    path = layout(tmp_path, "config:\n  guardProfile: strict\n", config(face_match))
    plan = plan_file(path)
    assert plan.status is Status.DENIED
    assert plan.verdict is not None
    assert STRICT_FR_ANY.id in [f.rule for f in plan.verdict.findings]
    assert plan.run is not None
    assert plan.run.resources == []
    assert STRICT_FR_ANY.id in str(plan.run.error)


@pytest.mark.parametrize("where", ["project", "stack"])
def test_the_default_providers_environment_from_pulumi_yaml_is_the_plans_as_from_the_stack_file(
    tmp_path: Path, where: str
) -> None:
    environment = {"azure-native:environment": "usgovernment"}
    gov = config(use_case(operator={"sector": "public_sector", "country": "US"}), cloud="usgovernment")
    if where == "project":
        path = layout(tmp_path, "config:\n  azure-native:environment: usgovernment\n", gov)
    else:
        path = layout(tmp_path, "", gov, **environment)
    plan = plan_file(path)
    assert plan.default_environment == "usgovernment"
    assert plan.status is Status.ALLOWED, plan.problems


def test_a_commercial_stack_under_a_government_pulumi_yaml_is_invalid_in_the_plan_and_registers_nothing(
    tmp_path: Path,
) -> None:
    path = layout(tmp_path, "config:\n  azure-native:environment: usgovernment\n", config(use_case()))
    plan = plan_file(path)
    assert plan.status is Status.INVALID
    assert any("azure-native:environment: usgovernment" in p for p in plan.problems)
    assert plan.run is not None
    assert plan.run.resources == []


def test_a_bad_pulumi_yaml_stops_the_plan_before_the_program_runs(tmp_path: Path) -> None:
    path = layout(tmp_path, "config:\n  guardProfile: terms\n  guardProfile: strict\n", config(use_case()))
    plan = plan_file(path)
    assert plan.status is Status.INVALID
    assert plan.run is None
    assert any("Pulumi.yaml" in p and "repeated key" in p for p in plan.problems)


def test_the_plan_of_a_project_folder_finds_the_stacks_in_its_stack_config_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    layout(tmp_path, "", config(use_case()))
    assert main([str(tmp_path)]) != 2
    out = capsys.readouterr().out
    assert "1 stack: 1 allowed" in out
    assert "Pulumi.dev.yaml" in out
