"""This repository as a pre-commit hook: a consumer's allowed stack passes, a denied or invalid one fails.

pre-commit (from PyPI, in the dev group) runs in a temporary consumer repository whose
``.pre-commit-config.yaml`` names a temporary copy of this working tree as its hook repository, as a
consumer names a release. pre-commit builds the hook's environment as it would anywhere (virtualenv, then
``pip install .``); the test only keeps pip off the network, with a folder of wheels repacked from this
environment's own installed packages.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from identify.identify import tags_from_path

from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from tests.consumers import copy_working_tree, wheelhouse
from tests.stack_texts import ALLOWED, DENIED, INVALID

ROOT = Path(__file__).resolve().parent.parent
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def test_the_hook_runs_the_checker() -> None:
    (hook,) = HOOKS
    assert hook["id"] == "aoai-guard"
    assert hook["language"] == "python"
    assert hook["entry"] == "aoai-guard check"


@pytest.mark.parametrize(
    ("path", "checked"),
    [
        ("Pulumi.dev.yaml", True),
        ("stacks/Pulumi.prod.yml", True),
        ("infra/pulumi.gov.YAML", True),
        ("Pulumi.yaml", True),
        ("app/Pulumi.yml", True),
        ("Main.yaml", True),
        ("prog/Main.json", True),
        ("app/main.YAML", True),
        ("Pulumi.dev.yaml.orig", False),
        ("x.yaml", False),
        ("Domain.yaml", False),
        ("Main.yml", False),
        ("Pulumi.json", False),
    ],
)
def test_the_hook_runs_on_stack_files_project_files_and_yaml_programs(path: str, checked: bool) -> None:
    """Pulumi.yaml's config and a YAML program's inline declarations decide every stack of the project, so a commit
    that changes only them runs the hook too."""
    (hook,) = HOOKS
    assert bool(re.compile(hook["files"]).search(path)) is checked


def _admits(hook: dict[str, Any], tags: set[str]) -> bool:
    """pre-commit's filter on identify's tags: every one of ``types``, and one of ``types_or`` when given."""
    return set(hook.get("types", ["file"])) <= tags and (not hook.get("types_or") or bool(tags & set(hook["types_or"])))


@pytest.mark.parametrize(
    ("kind", "checked"),
    [("file", True), ("symlink", True), ("dangling-symlink", True), ("folder", False)],
)
def test_the_hook_takes_a_stack_file_that_is_a_symbolic_link(tmp_path: Path, kind: str, checked: bool) -> None:
    """Pulumi reads a stack file through a link (one stack file shared by several folders), so pre-commit must pass
    it to the checker, which reads the target or says why it cannot (a dangling link is invalid, never skipped)."""
    (tmp_path / "shared.yaml").write_text(ALLOWED, encoding="utf-8")
    path = tmp_path / "Pulumi.prod.yaml"
    if kind == "file":
        path.write_text(ALLOWED, encoding="utf-8")
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to("shared.yaml" if kind == "symlink" else "missing.yaml")
    (hook,) = HOOKS
    assert _admits(hook, set(tags_from_path(str(path)))) is checked


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # What `pip install .` of the checker needs: its dependencies, and setuptools for the build.
    return wheelhouse(tmp_path_factory.mktemp("wheelhouse"), "pydantic", "pyyaml", "setuptools")


def _env(tmp: Path, wheelhouse: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PRE_COMMIT", "VIRTUALENV_", "GIT_"))}
    return env | {
        "PRE_COMMIT_HOME": str(tmp / "pre-commit-home"),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }


def _git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=True, timeout=120
    ).stdout.strip()


def _hook_repository(target: Path, env: dict[str, str]) -> str:
    """A git repository holding this working tree's files; returns its commit."""
    copy_working_tree(target)
    _git("init", "-q", cwd=target, env=env)
    _git("add", "-A", cwd=target, env=env)
    _git("commit", "-q", "-m", "hook", cwd=target, env=env)
    return _git("rev-parse", "HEAD", cwd=target, env=env)


class Consumer:
    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root = root
        self.env = env

    def run(self, *files: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(PRE_COMMIT), "run", "aoai-guard", "--color", "never", "--files", *files],
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )


@pytest.fixture(scope="module")
def consumer(tmp_path_factory: pytest.TempPathFactory, wheels: Path) -> Consumer:
    if not PRE_COMMIT.exists():
        pytest.fail(f"{PRE_COMMIT} is missing; `make setup-dev` installs pre-commit")
    tmp = tmp_path_factory.mktemp("precommit")
    env = _env(tmp, wheels)
    hook = tmp / "azure-openai-guarded"
    hook.mkdir()
    rev = _hook_repository(hook, env)
    root = tmp / "consumer"
    (root / "stacks").mkdir(parents=True)
    config = {"repos": [{"repo": str(hook), "rev": rev, "hooks": [{"id": "aoai-guard"}]}]}
    (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (root / "README.md").write_text("# A project using the hook\n", encoding="utf-8")
    (root / "Pulumi.yaml").write_text(
        "name: azure-openai-guarded\nruntime: python\nstackConfigDir: stacks\n", encoding="utf-8"
    )
    for name, text in (("allowed", ALLOWED), ("denied", DENIED), ("invalid", INVALID)):
        (root / "stacks" / f"Pulumi.{name}.yaml").write_text(text, encoding="utf-8")
    # A stack file shared through a link, in a folder of its own (decided alone, without the project's config).
    (root / "shared").mkdir()
    (root / "linked").mkdir()
    (root / "shared" / "prod-config.yaml").write_text(DENIED, encoding="utf-8")
    (root / "linked" / "Pulumi.prod.yaml").symlink_to(Path("..", "shared", "prod-config.yaml"))
    # An Ansible role beside the infrastructure: its tasks/main.yaml is no Pulumi program.
    (root / "roles" / "web" / "tasks").mkdir(parents=True)
    (root / "roles" / "web" / "tasks" / "main.yaml").write_text(
        "- name: install nginx\n  apt: {name: nginx}\n", encoding="utf-8"
    )
    _git("init", "-q", cwd=root, env=env)
    _git("add", "-A", cwd=root, env=env)
    return Consumer(root, env)


def test_an_allowed_stack_passes(consumer: Consumer) -> None:
    result = consumer.run("stacks/Pulumi.allowed.yaml", "README.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_a_denied_stack_fails_with_the_text_report(consumer: Consumer) -> None:
    result = consumer.run("stacks/Pulumi.allowed.yaml", "stacks/Pulumi.denied.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "stacks/Pulumi.denied.yaml  (stack denied)  DENIED" in result.stdout
    assert FR_US_LAW_ENFORCEMENT.id in result.stdout
    assert "(stack allowed)  ALLOWED" in result.stdout


def test_an_invalid_stack_fails_naming_the_field(consumer: Consumer) -> None:
    result = consumer.run("stacks/Pulumi.invalid.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "INVALID" in result.stdout
    assert "azure-openai-guarded:useCase.purpos: unknown field" in result.stdout


def test_files_that_are_not_stack_or_project_files_are_not_checked(consumer: Consumer) -> None:
    result = consumer.run(".pre-commit-config.yaml", "README.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "(no files to check)Skipped" in result.stdout.replace(".", "")


def test_a_commit_of_only_the_project_file_checks_every_stack_of_the_project(consumer: Consumer) -> None:
    result = consumer.run("Pulumi.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "stacks/Pulumi.denied.yaml  (stack denied)  DENIED" in result.stdout
    assert "3 stacks: 1 allowed, 1 denied, 1 invalid" in result.stdout


def test_a_stack_file_that_is_a_symbolic_link_is_checked_and_named_by_the_link(consumer: Consumer) -> None:
    result = consumer.run("linked/Pulumi.prod.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "linked/Pulumi.prod.yaml  (stack prod)  DENIED" in result.stdout
    assert "prod-config.yaml" not in result.stdout


def test_a_main_yaml_that_is_no_pulumi_program_passes(consumer: Consumer) -> None:
    """An Ansible role's tasks/main.yaml matches the hook's pattern (a YAML program's name), but no Pulumi.yaml whose
    runtime is yaml runs it, so the checker skips it instead of failing the commit for want of stack files."""
    result = consumer.run("roles/web/tasks/main.yaml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no Pulumi.<stack>.yaml" not in result.stdout
