"""A project whose stackConfigDir is outside its folder (`../stacks`) applies its config to those stacks.

Pulumi, run in the project folder, reads `../stacks/Pulumi.<stack>.yaml` and applies the project's `config:` block
(a `guardProfile` default, `azure-native:environment`) to it. The checker does too: when it reaches the stack files
through the project folder, and when it is given the stack folder or a stack file there, if one project file beside
it names it. Each such result says where the config came from, since nothing beside the stack file shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards.checker import CheckResult, check_paths
from azure_openai_guarded.guards.rules import STRICT_FR_ANY
from tests.declarations import config, fr_facts, stack_document, use_case

FACE_MATCH = use_case(servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts())
"""Allowed under `terms`, denied under `strict` (STRICT-FR-ANY)."""

PROJECT = "name: azure-openai-guarded\nruntime: python\nstackConfigDir: ../stacks\nconfig:\n"


def layout(root: Path, project_config: str, *projects: str) -> Path:
    """``projects`` (folder names under ``root``) each keeping its stacks in ``root/stacks``; returns the stack file."""
    for name in projects:
        (root / name).mkdir(parents=True)
        (root / name / "Pulumi.yaml").write_text(PROJECT + project_config, encoding="utf-8")
    (root / "stacks").mkdir()
    path = root / "stacks" / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump(stack_document(config(FACE_MATCH))), encoding="utf-8")
    return path


def only(results: list[CheckResult]) -> CheckResult:
    (result,) = results
    return result


@pytest.mark.parametrize("given", ["proj", "stacks", "stacks/Pulumi.dev.yaml"])
def test_the_projects_config_applies_to_its_stacks_outside_its_folder(tmp_path: Path, given: str) -> None:
    layout(tmp_path, "  guardProfile: strict\n", "proj")
    result = only(check_paths([tmp_path / given]))
    assert result.verdict is not None, result.error
    assert STRICT_FR_ANY.id in [f.rule for f in result.verdict.denials]
    assert result.source is not None
    assert result.source.project_file == tmp_path / "proj" / "Pulumi.yaml"
    assert any("its stackConfigDir names this folder, outside the project folder" in n for n in result.notes)


@pytest.mark.parametrize("given", ["proj", "stacks"])
def test_the_projects_environment_applies_to_its_stacks_outside_its_folder(tmp_path: Path, given: str) -> None:
    layout(tmp_path, "  azure-native:environment: usgovernment\n", "proj")
    result = only(check_paths([tmp_path / given]))
    assert result.verdict is None
    assert "`azure-native:environment: usgovernment` sends the default provider's resources to Azure Government" in (
        result.error or ""
    )
    assert "it comes from" in (result.error or "")


def test_a_stack_folder_two_projects_beside_it_name_is_invalid_alone_and_decided_through_each(tmp_path: Path) -> None:
    layout(tmp_path, "  guardProfile: strict\n", "one", "two")
    alone = only(check_paths([tmp_path / "stacks"]))
    assert "all keep their stack files in this folder" in (alone.error or "")
    through = only(check_paths([tmp_path / "two"]))
    assert through.source is not None
    assert through.source.project_file == tmp_path / "two" / "Pulumi.yaml"


def test_a_stack_file_beside_its_project_file_carries_no_note(tmp_path: Path) -> None:
    (tmp_path / "Pulumi.yaml").write_text("name: azure-openai-guarded\nruntime: python\n", encoding="utf-8")
    (tmp_path / "Pulumi.dev.yaml").write_text(yaml.safe_dump(stack_document(config(use_case()))), encoding="utf-8")
    assert only(check_paths([tmp_path])).notes == ()
