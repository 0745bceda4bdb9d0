"""A ``main.yaml`` or ``main.json`` given to the checker is a Pulumi YAML program only where pulumi-yaml runs it.

pulumi-yaml runs ``Main.yaml`` (or ``Main.json``) beside a ``Pulumi.yaml`` whose runtime is ``yaml``, or in the
folder such a project's ``main:`` names; there the file stands for the project's stacks. Any other file of that name
(an Ansible role's ``tasks/main.yaml``, a ``main.json`` beside a Python project) is no Pulumi file: the checker, and
so the pre-commit hook, skips it rather than failing the commit for want of stack files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from azure_openai_guarded.guards.checker import ExitStatus, check_paths, exit_status
from azure_openai_guarded.guards.cli import main
from tests.stack_texts import ALLOWED, DENIED

ANSIBLE = "- name: install nginx\n  apt: {name: nginx}\n"


def _tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("files", "given"),
    [
        ({"roles/web/tasks/main.yaml": ANSIBLE}, "roles/web/tasks/main.yaml"),
        ({"ci/Main.json": "{}"}, "ci/Main.json"),
        ({"app/Pulumi.yaml": "name: app\nruntime: python\n", "app/main.yaml": ANSIBLE}, "app/main.yaml"),
        ({"app/Pulumi.yaml": "name: app\nruntime: {name: nodejs}\n", "app/Main.json": "{}"}, "app/Main.json"),
        (
            {"Pulumi.yaml": "name: app\nruntime: python\nmain: infra\n", "infra/Main.yaml": ANSIBLE},
            "infra/Main.yaml",
        ),
        ({"Pulumi.yaml": "name: app\nruntime: yaml\n", "roles/tasks/main.yaml": ANSIBLE}, "roles/tasks/main.yaml"),
    ],
    ids=[
        "no-project-file",
        "main-json-alone",
        "beside-a-python-project",
        "beside-a-nodejs-project",
        "in-a-python-projects-main-folder",
        "below-a-yaml-project-that-does-not-name-it",
    ],
)
def test_a_main_file_no_yaml_project_runs_is_skipped(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    given: str,
) -> None:
    _tree(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    results = check_paths([Path(given)])
    assert list(results) == []
    assert results.skipped == (Path(given),)
    assert exit_status(results) is ExitStatus.ALLOWED
    assert main(["check", given]) == ExitStatus.ALLOWED
    assert "no Pulumi.<stack>.yaml" not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("files", "given", "stacks"),
    [
        ({"app/Pulumi.yaml": "name: app\nruntime: yaml\n", "app/Main.yaml": ANSIBLE}, "app/Main.yaml", "app"),
        ({"app/Pulumi.yaml": "name: app\nruntime: {name: YAML}\n", "app/main.json": "{}"}, "app/main.json", "app"),
        ({"app/Pulumi.yaml": "name: [app\n", "app/Main.yaml": ANSIBLE}, "app/Main.yaml", "app"),
        (
            {"Pulumi.yaml": "name: app\nruntime: yaml\nmain: infra/\n", "infra/Main.yaml": ANSIBLE},
            "infra/Main.yaml",
            ".",
        ),
    ],
    ids=["beside-a-yaml-project", "runtime-as-a-mapping", "beside-an-unreadable-project-file", "named-by-main"],
)
def test_a_main_file_a_yaml_project_may_run_stands_for_its_projects_stacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], given: str, stacks: str
) -> None:
    """Its stacks are checked (and refused here: the checker reads no program but Pulumi.yaml's own), and where
    the project file cannot be read, the file fails closed as a program."""
    _tree(tmp_path, {**files, f"{stacks}/Pulumi.dev.yaml": ALLOWED})
    monkeypatch.chdir(tmp_path)
    results = check_paths([Path(given)])
    assert results.skipped == ()
    assert [r.file.name for r in results] == ["Pulumi.dev.yaml"]
    assert exit_status(results) is ExitStatus.INVALID


def test_a_skipped_main_file_leaves_the_other_paths_verdicts_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path, {"roles/web/tasks/main.yaml": ANSIBLE, "Pulumi.prod.yaml": DENIED})
    monkeypatch.chdir(tmp_path)
    results = check_paths([Path("roles/web/tasks/main.yaml"), Path("Pulumi.prod.yaml")])
    assert [r.stack for r in results] == ["prod"]
    assert exit_status(results) is ExitStatus.DENIED


def test_nothing_checked_and_nothing_skipped_is_still_invalid() -> None:
    assert exit_status([]) is ExitStatus.INVALID
    assert exit_status(check_paths([])) is ExitStatus.INVALID
