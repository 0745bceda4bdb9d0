"""A stack file Pulumi no longer reads is invalid, never decided as if it were deployed.

When a project's `stackConfigDir` moves (from `stacks` to `stacks/eu`, or back up), the old stack files stay where
they were; Pulumi reads only the folder the project file names.
Checking the old folder (`check stacks`, the Action's and the pre-commit hook's default) must fail, naming the
folder Pulumi reads, or CI passes on copies nothing deploys. A folder of stack files unrelated to the project's
(an examples folder) is still decided alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards.checker import ExitStatus, check_file
from azure_openai_guarded.guards.cli import main
from tests.declarations import config, stack_document

PROJECT = "name: azure-openai-guarded\nruntime: python\n"


def stack(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(stack_document(config())), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("directory", "left", "deployed", "reads"),
    [
        ("stacks/eu", "stacks/Pulumi.dev.yaml", "stacks/eu/Pulumi.prod.yaml", "stacks/eu"),
        ("stacks", "stacks/old/Pulumi.dev.yaml", "stacks/Pulumi.prod.yaml", "stacks"),
        ("stacks/eu/west", "stacks/eu/Pulumi.dev.yaml", "stacks/eu/west/Pulumi.prod.yaml", "stacks/eu/west"),
        ("stacks/eu", "stacks/eu/west/Pulumi.dev.yaml", "stacks/eu/Pulumi.prod.yaml", "stacks/eu"),
    ],
    ids=["stack-dir-moved-down", "left-in-a-subfolder", "moved-two-levels-down", "left-two-levels-in"],
)
def test_a_stack_file_left_behind_by_the_project_is_invalid_naming_the_folder_pulumi_reads(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    directory: str | None,
    left: str,
    deployed: str,
    reads: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Pulumi.yaml").write_text(PROJECT + (f"stackConfigDir: {directory}\n" if directory else ""), "utf-8")
    stack(tmp_path / deployed)
    result = check_file(stack(tmp_path / left))
    assert result.verdict is None
    assert f"keeps its stack files in `{reads}` (its stackConfigDir), so Pulumi never reads this one" in (
        result.error or ""
    )
    assert main(["check", str(Path(left).parent)]) == ExitStatus.INVALID
    assert "a stack file left behind" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("directory", "other"),
    [
        ("stacks", "examples/Pulumi.police.yaml"),
        ("stacks", "examples/Pulumi.dev.yaml"),
        (None, "examples/Pulumi.police.yaml"),
        ("a/b", "a/c/Pulumi.x.yaml"),
    ],
    ids=["beside-stacks", "same-stack-name", "project-keeps-stacks-beside-it", "sibling-of-the-stack-folder"],
)
def test_a_folder_of_stack_files_unrelated_to_the_projects_is_decided_alone(
    tmp_path: Path, directory: str | None, other: str
) -> None:
    (tmp_path / "Pulumi.yaml").write_text(PROJECT + (f"stackConfigDir: {directory}\n" if directory else ""), "utf-8")
    stack(tmp_path / (directory or ".") / "Pulumi.dev.yaml")
    result = check_file(stack(tmp_path / other))
    assert result.verdict is not None, result.error
    assert result.source is not None
    assert result.source.project_file is None


def test_a_farther_project_that_reads_the_folder_is_applied_past_a_nearer_one_that_does_not(tmp_path: Path) -> None:
    (tmp_path / "Pulumi.yaml").write_text(PROJECT + "stackConfigDir: app/stacks\n", "utf-8")
    (tmp_path / "app" / "Pulumi.yaml").parent.mkdir()
    (tmp_path / "app" / "Pulumi.yaml").write_text(PROJECT + "stackConfigDir: elsewhere\n", "utf-8")
    result = check_file(stack(tmp_path / "app" / "stacks" / "Pulumi.dev.yaml"))
    assert result.verdict is not None, result.error
    assert result.source is not None
    assert result.source.project_file == tmp_path / "Pulumi.yaml"
