"""This repository as a pre-commit hook: on every commit, a consumer repository's stacks are decided, all of them,
and a denied or invalid one fails the commit, whichever file the commit changes.

pre-commit (from PyPI, in the dev group) runs in temporary consumer repositories whose
``.pre-commit-config.yaml`` names a temporary copy of this working tree as its hook repository, as a
consumer names a release. pre-commit builds the hook's environment as it would anywhere (virtualenv, then
``pip install .``); the test only keeps pip off the network, with a folder of wheels repacked from this
environment's own installed packages.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards.repository import repository_paths
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT, STRICT_FR_ANY
from tests.consumers import copy_working_tree, wheelhouse
from tests.stack_texts import ALLOWED, DENIED, FACES, INVALID

ROOT = Path(__file__).resolve().parent.parent
HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"


def test_the_hook_decides_the_whole_repository_on_every_commit() -> None:
    """pre-commit passes the names of the files a commit changes, and a change can decide a stack under a name no
    pattern matches (a linked stack file's target) or by a deletion, so the hook takes no file names: on every
    commit the checker reads every stack file git's index holds."""
    (hook,) = HOOKS
    assert hook["id"] == "aoai-guard"
    assert hook["language"] == "python"
    assert hook["entry"] == "aoai-guard check --repository"
    assert hook["pass_filenames"] is False
    assert hook["always_run"] is True
    assert not {"files", "types", "types_or"} & set(hook)


def _git_repository(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    _git("init", "-q", cwd=root, env=_env(root, root))
    return root


def _add_all(root: Path) -> None:
    _git("add", "-A", cwd=root, env=_env(root, root))


def _write(root: Path, name: str, text: str = ALLOWED) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("path", "checked"),
    [
        ("Pulumi.dev.yaml", True),
        ("stacks/Pulumi.prod.yml", True),
        ("infra/pulumi.gov.YAML", True),
        ("Pulumi.dev.yaml.orig", False),
        ("x.yaml", False),
        ("Domain.yaml", False),
        ("roles/web/tasks/main.yaml", False),
        # Pulumi reads a JSON project file; the checker cannot, and is given it to say so.
        ("Pulumi.json", True),
        ("infra/Pulumi.dev.json", True),
    ],
)
def test_the_hook_reads_every_stack_file_git_holds_by_its_name(tmp_path: Path, path: str, checked: bool) -> None:
    root = _git_repository(tmp_path / "repo")
    _write(root, path)
    _add_all(root)
    assert ((root / path) in repository_paths(root)) is checked


def test_the_hook_reads_a_stack_file_that_is_a_link_and_names_it_by_the_link(tmp_path: Path) -> None:
    root = _git_repository(tmp_path / "repo")
    _write(root, "shared/base-config.yaml")
    (root / "stacks").mkdir()
    (root / "stacks" / "Pulumi.prod.yaml").symlink_to(Path("..", "shared", "base-config.yaml"))
    (root / "stacks" / "Pulumi.gone.yaml").symlink_to(Path("..", "shared", "missing.yaml"))
    _add_all(root)
    assert repository_paths(root) == [root / "stacks" / "Pulumi.gone.yaml", root / "stacks" / "Pulumi.prod.yaml"]


def test_the_hook_reads_only_what_the_commit_records(tmp_path: Path) -> None:
    """A stack file git does not hold (an untracked scratch stack) is no part of the commit."""
    root = _git_repository(tmp_path / "repo")
    _write(root, "Pulumi.dev.yaml")
    _add_all(root)
    _write(root, "Pulumi.scratch.yaml", DENIED)
    assert repository_paths(root) == [root / "Pulumi.dev.yaml"]


def test_a_project_file_is_read_for_stack_files_git_does_not_hold_that_its_stack_config_dir_reaches(
    tmp_path: Path,
) -> None:
    """A project whose stackConfigDir is a link to a folder outside the repository (or one git ignores) has stacks
    Pulumi deploys that the index does not show, so the hook reads them through the project file, as it did when
    given a changed project file; a project whose stacks git holds adds nothing."""
    outside = tmp_path / "outside"
    _write(outside, "Pulumi.prod.yaml")
    root = _git_repository(tmp_path / "repo")
    _write(root, "linked/Pulumi.yaml", "name: azure-openai-guarded\nruntime: python\nstackConfigDir: stacks\n")
    (root / "linked" / "stacks").symlink_to(outside, target_is_directory=True)
    _write(root, "held/Pulumi.yaml", "name: azure-openai-guarded\nruntime: python\nstackConfigDir: stacks\n")
    _write(root, "held/stacks/Pulumi.dev.yaml")
    _add_all(root)
    assert repository_paths(root) == [root / "held" / "stacks" / "Pulumi.dev.yaml", root / "linked" / "Pulumi.yaml"]


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


class Hook:
    """This working tree as a hook repository, and the environment pre-commit builds for it once (in
    ``PRE_COMMIT_HOME``), shared by every consumer repository of the module."""

    def __init__(self, tmp: Path, wheels: Path) -> None:
        self.env = _env(tmp, wheels)
        self.path = tmp / "azure-openai-guarded"
        self.path.mkdir()
        self.rev = _hook_repository(self.path, self.env)


@pytest.fixture(scope="module")
def hook(tmp_path_factory: pytest.TempPathFactory, wheels: Path) -> Hook:
    if not PRE_COMMIT.exists():
        pytest.fail(f"{PRE_COMMIT} is missing; `make setup-dev` installs pre-commit")
    return Hook(tmp_path_factory.mktemp("precommit"), wheels)


class Consumer:
    """A consumer's git repository whose ``.pre-commit-config.yaml`` names the hook repository."""

    def __init__(self, root: Path, hook: Hook) -> None:
        self.root = root
        self.env = hook.env
        root.mkdir()
        config = {"repos": [{"repo": str(hook.path), "rev": hook.rev, "hooks": [{"id": "aoai-guard"}]}]}
        (root / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
        self.write("README.md", "# A project using the hook\n")
        _git("init", "-q", cwd=root, env=self.env)

    def write(self, name: str, text: str) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def link(self, name: str, target: str) -> None:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(Path(target))

    def stage(self) -> None:
        _git("add", "-A", cwd=self.root, env=self.env)

    def run(self) -> subprocess.CompletedProcess[str]:
        """``pre-commit run aoai-guard`` over what is staged, as a commit runs it."""
        self.stage()
        return self._run(str(PRE_COMMIT), "run", "aoai-guard", "--color", "never")

    def commit(self, message: str) -> subprocess.CompletedProcess[str]:
        """``git commit`` of what is staged, with the hook installed as a consumer installs it."""
        self.stage()
        return self._run("git", "commit", "-q", "-m", message)

    def install(self) -> None:
        done = self._run(str(PRE_COMMIT), "install")
        assert done.returncode == 0, done.stdout + done.stderr

    def _run(self, *command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            list(command), cwd=self.root, env=self.env, capture_output=True, text=True, timeout=600, check=False
        )


@pytest.fixture
def consumer(tmp_path: Path, hook: Hook) -> Consumer:
    return Consumer(tmp_path / "consumer", hook)


PROJECT = "name: azure-openai-guarded\nruntime: python\nstackConfigDir: stacks\n"


def test_a_repository_of_allowed_stacks_passes_a_commit_of_any_file(consumer: Consumer) -> None:
    consumer.write("Pulumi.yaml", PROJECT)
    consumer.write("stacks/Pulumi.allowed.yaml", ALLOWED)
    result = consumer.run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_a_denied_stack_anywhere_in_the_repository_fails_every_commit_with_the_text_report(consumer: Consumer) -> None:
    """The commit records the whole repository, denied stack and all, whichever file it changes."""
    consumer.write("Pulumi.yaml", PROJECT)
    consumer.write("stacks/Pulumi.allowed.yaml", ALLOWED)
    consumer.write("stacks/Pulumi.denied.yaml", DENIED)
    consumer.stage()
    consumer.write("README.md", "# A project using the hook, documented\n")
    result = consumer.run()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "stacks/Pulumi.denied.yaml  (stack denied)  DENIED" in result.stdout
    assert FR_US_LAW_ENFORCEMENT.id in result.stdout
    assert "(stack allowed)  ALLOWED" in result.stdout


def test_an_invalid_stack_fails_naming_the_field(consumer: Consumer) -> None:
    consumer.write("stacks/Pulumi.invalid.yaml", INVALID)
    result = consumer.run()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "INVALID" in result.stdout
    assert "azure-openai-guarded:useCase.purpos: unknown field" in result.stdout


def test_each_stack_of_a_project_is_decided_once(consumer: Consumer) -> None:
    consumer.write("Pulumi.yaml", PROJECT)
    for name, text in (("allowed", ALLOWED), ("denied", DENIED), ("invalid", INVALID)):
        consumer.write(f"stacks/Pulumi.{name}.yaml", text)
    result = consumer.run()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "3 stacks: 1 allowed, 1 denied, 1 invalid" in result.stdout


def test_a_project_files_config_decides_its_stacks_wherever_its_stack_config_dir_keeps_them(
    consumer: Consumer,
) -> None:
    consumer.write(
        "infra/app/Pulumi.yaml",
        "name: azure-openai-guarded\nruntime: python\nstackConfigDir: ../../deploy/stacks\n"
        "config:\n  guardProfile: strict\n",
    )
    consumer.write("deploy/stacks/Pulumi.faces.yaml", FACES)
    result = consumer.run()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "deploy/stacks/Pulumi.faces.yaml  (stack faces)  DENIED  profile strict" in result.stdout
    assert STRICT_FR_ANY.id in result.stdout


def test_a_commit_that_changes_only_a_linked_stack_files_target_is_checked(consumer: Consumer) -> None:
    """pre-commit matches the names of changed files, and `shared/base-config.yaml` is no stack file's name: the
    commit is refused all the same, and the report names the stack file Pulumi reads, the link."""
    consumer.install()
    consumer.write("shared/base-config.yaml", ALLOWED)
    consumer.link("stacks/Pulumi.prod.yaml", "../shared/base-config.yaml")
    first = consumer.commit("an allowed stack, shared")
    assert first.returncode == 0, first.stdout + first.stderr
    consumer.write("shared/base-config.yaml", DENIED)
    refused = consumer.commit("the shared config, changed")
    output = refused.stdout + refused.stderr  # git prints its hooks' output on its standard error
    assert refused.returncode == 1, output
    assert "stacks/Pulumi.prod.yaml  (stack prod)  DENIED" in output
    assert "base-config.yaml" not in output
    assert _git("log", "--format=%s", cwd=consumer.root, env=consumer.env) == "an allowed stack, shared"


def test_a_commit_that_deletes_a_linked_stack_files_target_fails(consumer: Consumer) -> None:
    """A deletion passes pre-commit no file name at all; the link it leaves dangling is a stack Pulumi cannot
    read."""
    consumer.write("shared/base-config.yaml", ALLOWED)
    consumer.link("stacks/Pulumi.prod.yaml", "../shared/base-config.yaml")
    consumer.stage()
    (consumer.root / "shared" / "base-config.yaml").unlink()
    result = consumer.run()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "stacks/Pulumi.prod.yaml  (stack prod)  INVALID" in result.stdout


def test_a_yaml_projects_main_yaml_is_read_for_its_stacks(consumer: Consumer) -> None:
    """pulumi-yaml runs Main.yaml instead of Pulumi.yaml's own resources, and the checker cannot decide the use case
    a program there declares, so every stack of the project fails, whichever file the commit changes."""
    consumer.write("app/Pulumi.yaml", "name: app\nruntime: yaml\n")
    consumer.write("app/Main.yaml", "resources: {}\n")
    consumer.write("app/Pulumi.dev.yaml", ALLOWED.replace("azure-openai-guarded:", "app:"))
    result = consumer.run()
    assert result.returncode == 1, result.stdout + result.stderr
    assert "app/Pulumi.dev.yaml  (stack dev)  INVALID" in result.stdout
    assert "pulumi-yaml runs `Main.yaml` beside it" in result.stdout


def test_a_main_yaml_that_is_no_pulumi_program_is_not_read(consumer: Consumer) -> None:
    """An Ansible role's tasks/main.yaml has a YAML program's name, but no stack reads it."""
    consumer.write("roles/web/tasks/main.yaml", "- name: install nginx\n  apt: {name: nginx}\n")
    consumer.write("stacks/Pulumi.allowed.yaml", ALLOWED)
    result = consumer.run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "main.yaml" not in result.stdout


def test_a_repository_without_stack_files_passes(consumer: Consumer) -> None:
    result = consumer.run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
