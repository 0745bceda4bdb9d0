"""A project file or a YAML program given to the checker stands for its project, never for a stack.

`aoai-guard check app/Pulumi.yaml` (as the pre-commit hook runs it when only the project file changed) checks the
stacks that project applies to, with its config: a project file read as a stack named `Pulumi` would report its
namespace-less keys, which are right in a project file, as errors. A project file adds only the stacks that no
other given path reaches.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards.checker import check_paths
from azure_openai_guarded.guards.rules import STRICT_FR_ANY
from tests.declarations import config, fr_facts, stack_document, use_case

FACE_MATCH = use_case(servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts())
"""Allowed under `terms`, denied under `strict` (STRICT-FR-ANY)."""


def project(root: Path, stack_config_dir: str | None = None, runtime: str = "python") -> Path:
    """A project with a `strict` default and one stack, `dev`, where its stackConfigDir says; returns the stack."""
    text = f"name: azure-openai-guarded\nruntime: {runtime}\nconfig:\n  guardProfile: strict\n"
    if stack_config_dir:
        text += f"stackConfigDir: {stack_config_dir}\n"
    root.mkdir(parents=True, exist_ok=True)
    (root / "Pulumi.yaml").write_text(text, encoding="utf-8")
    stacks = root / (stack_config_dir or ".")
    stacks.mkdir(parents=True, exist_ok=True)
    path = stacks / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump(stack_document(config(FACE_MATCH))), encoding="utf-8")
    return path


@pytest.mark.parametrize("stack_config_dir", [None, "stacks"], ids=["beside", "stack-config-dir"])
def test_a_project_file_given_as_a_path_checks_its_projects_stacks(
    tmp_path: Path, stack_config_dir: str | None
) -> None:
    stack = project(tmp_path / "app", stack_config_dir)
    (result,) = check_paths([tmp_path / "app" / "Pulumi.yaml"])
    assert result.file == stack
    assert result.stack == "dev"
    assert result.verdict is not None, result.error
    assert STRICT_FR_ANY.id in [f.rule for f in result.verdict.denials]


@pytest.mark.parametrize("name", ["Main.yaml", "Main.json"])
@pytest.mark.parametrize("stack_config_dir", [None, "stacks"], ids=["beside", "stack-config-dir"])
def test_a_yaml_program_given_as_a_path_checks_its_projects_stacks(
    tmp_path: Path, name: str, stack_config_dir: str | None
) -> None:
    """Beside a Pulumi.yaml whose runtime is yaml; each stack is then invalid, as pulumi-yaml runs that file, which
    the checker does not read."""
    stack = project(tmp_path / "app", stack_config_dir, runtime="yaml")
    given = tmp_path / "app" / name
    given.write_text("{}", encoding="utf-8")
    (result,) = check_paths([given])
    assert result.file == stack
    assert result.stack == "dev"
    assert f"pulumi-yaml runs `{name}` beside it" in (result.error or "")


def test_a_project_file_is_never_read_as_a_stack_named_pulumi(tmp_path: Path) -> None:
    project(tmp_path)
    assert [r.stack for r in check_paths([tmp_path / "Pulumi.yaml"])] == ["dev"]


@pytest.mark.parametrize(
    ("given", "checked"),
    [
        (["Pulumi.yaml", "Pulumi.dev.yaml"], 1),
        (["Pulumi.dev.yaml", "Pulumi.yaml"], 1),
        (["Pulumi.yaml", "Main.yaml"], 1),
        ([".", "Pulumi.yaml"], 1),
        ([".", "Pulumi.yaml", "Pulumi.dev.yaml"], 2),
    ],
    ids=["project-then-stack", "stack-then-project", "project-and-program", "folder-and-project", "folder-and-stack"],
)
def test_a_project_file_adds_only_the_stacks_no_other_path_reaches(
    tmp_path: Path, given: list[str], checked: int
) -> None:
    """As the pre-commit hook passes a changed project file with its changed stack files; a folder and a stack file
    are still each checked once per mention."""
    project(tmp_path)
    (tmp_path / "Main.yaml").write_text("{}", encoding="utf-8")
    assert len(check_paths([tmp_path / g for g in given])) == checked
