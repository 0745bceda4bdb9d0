"""A stack folder far from its project (`stackConfigDir: ../../deploy/stacks`) gets that project's config, even when
the stack file is checked on its own, as the pre-commit hook checks a changed one.

Pulumi, run in the project folder, applies the project's `config:` block (a `guardProfile: strict` default, an
`azure-native:environment`) to the stack files its stackConfigDir names, wherever they are. Nothing beside such a
stack file shows it, so the checker searches the tree the stack file is part of (its git work tree, or else the
folder it runs in) for the project file that names the stack folder. When that search cannot tell (two projects name
the folder, a project file in the tree is too broken to say where its stacks are, the search stops at its limit), the
stack is invalid, naming why: deciding it without a config Pulumi may apply could allow what the project forbids.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards import projectfile
from azure_openai_guarded.guards.checker import CheckResult, check_paths
from azure_openai_guarded.guards.rules import STRICT_FR_ANY
from tests.declarations import config, fr_facts, stack_document, use_case

FACE_MATCH = use_case(servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts())
"""Allowed under `terms`, denied under `strict` (STRICT-FR-ANY)."""

STRICT = "  guardProfile: strict\n"
GOVERNMENT = "  azure-native:environment: usgovernment\n"


def project(folder: Path, stack_config_dir: str, project_config: str = STRICT) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "Pulumi.yaml"
    path.write_text(
        f"name: azure-openai-guarded\nruntime: python\nstackConfigDir: {stack_config_dir}\nconfig:\n{project_config}",
        encoding="utf-8",
    )
    return path


def stack(folder: Path, name: str = "prod") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"Pulumi.{name}.yaml"
    path.write_text(yaml.safe_dump(stack_document(config(FACE_MATCH))), encoding="utf-8")
    return path


def work_tree(root: Path) -> Path:
    (root / ".git").mkdir(parents=True)
    return root


def only(results: list[CheckResult]) -> CheckResult:
    (result,) = results
    return result


def denied_by_strict(result: CheckResult) -> bool:
    return result.verdict is not None and STRICT_FR_ANY.id in [f.rule for f in result.verdict.denials]


def decided_alone(result: CheckResult) -> bool:
    return (
        result.verdict is not None
        and result.verdict.allowed
        and result.source is not None
        and (result.source.project_file is None)
    )


@pytest.mark.parametrize(
    ("project_folder", "stack_config_dir", "stack_folder"),
    [
        ("infra/app", "../../deploy/stacks", "deploy/stacks"),
        ("app", "../other/stacks/prod", "other/stacks/prod"),
        ("services/chat/infra", "../../../envs/chat", "envs/chat"),
        ("app", "../stacks", "stacks"),
    ],
)
def test_a_stack_file_checked_alone_gets_the_config_of_the_project_that_names_its_folder_from_afar(
    tmp_path: Path, project_folder: str, stack_config_dir: str, stack_folder: str
) -> None:
    root = work_tree(tmp_path / "repo")
    path = project(root / project_folder, stack_config_dir)
    result = only(check_paths([stack(root / stack_folder)]))
    assert denied_by_strict(result), result.error
    assert result.source is not None
    assert result.source.project_file == path
    assert any("its stackConfigDir names this folder, outside the project folder" in n for n in result.notes)


def test_a_projects_environment_from_afar_decides_the_cloud_of_a_stack_checked_alone(tmp_path: Path) -> None:
    root = work_tree(tmp_path / "repo")
    project(root / "infra" / "app", "../../deploy/stacks", GOVERNMENT)
    result = only(check_paths([stack(root / "deploy" / "stacks")]))
    assert result.verdict is None
    assert "`azure-native:environment: usgovernment` sends the default provider's resources to Azure Government" in (
        result.error or ""
    )
    assert "it comes from" in (result.error or "")


def test_the_stack_folder_given_alone_gets_the_config_too(tmp_path: Path) -> None:
    root = work_tree(tmp_path / "repo")
    project(root / "infra" / "app", "../../deploy/stacks")
    stack(root / "deploy" / "stacks")
    assert denied_by_strict(only(check_paths([root / "deploy" / "stacks"])))


def test_the_work_tree_bounds_the_search_so_a_project_outside_it_does_not_apply(tmp_path: Path) -> None:
    project(tmp_path / "elsewhere" / "app", "../../repo/deploy/stacks")
    root = work_tree(tmp_path / "repo")
    assert decided_alone(only(check_paths([stack(root / "deploy" / "stacks")])))


def test_a_linked_work_tree_or_submodule_marked_by_a_git_file_bounds_the_search(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / ".git").write_text("gitdir: ../main/.git/worktrees/repo\n", encoding="utf-8")
    project(root / "infra" / "app", "../../deploy/stacks")
    assert denied_by_strict(only(check_paths([stack(root / "deploy" / "stacks")])))


def test_outside_a_work_tree_the_folder_the_checker_runs_in_is_searched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project(tmp_path / "infra" / "app", "../../deploy/stacks")
    path = stack(tmp_path / "deploy" / "stacks")
    monkeypatch.chdir(tmp_path)
    assert denied_by_strict(only(check_paths([path.relative_to(tmp_path)])))


def test_outside_a_work_tree_and_the_working_folder_a_distant_project_is_not_searched_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing bounds where such a project could be, so the stack is decided from its file, as before."""
    project(tmp_path / "tree" / "infra" / "app", "../../deploy/stacks")
    path = stack(tmp_path / "tree" / "deploy" / "stacks")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert decided_alone(only(check_paths([path])))


def test_a_stack_folder_no_project_names_is_decided_alone_with_no_note(tmp_path: Path) -> None:
    root = work_tree(tmp_path / "repo")
    project(root / "infra" / "app", "../../deploy/stacks")
    result = only(check_paths([stack(root / "examples")]))
    assert decided_alone(result)
    assert result.notes == ()


def test_two_projects_naming_the_folder_from_afar_make_the_stack_invalid_naming_both(tmp_path: Path) -> None:
    root = work_tree(tmp_path / "repo")
    project(root / "infra" / "one", "../../deploy/stacks", "")
    project(root / "services" / "two" / "infra", "../../../deploy/stacks")
    result = only(check_paths([stack(root / "deploy" / "stacks")]))
    assert result.verdict is None
    error = result.error or ""
    assert "all keep their stack files in this folder" in error
    assert os.path.join("infra", "one", "Pulumi.yaml") in error
    assert os.path.join("services", "two", "infra", "Pulumi.yaml") in error


def test_a_project_beside_and_one_from_afar_naming_the_folder_make_the_stack_invalid(tmp_path: Path) -> None:
    root = work_tree(tmp_path / "repo")
    project(root / "deploy" / "app", "../stacks", "")
    project(root / "infra" / "app", "../../deploy/stacks")
    result = only(check_paths([stack(root / "deploy" / "stacks")]))
    assert "all keep their stack files in this folder" in (result.error or "")


def test_two_projects_given_in_one_run_that_name_one_folder_make_its_stacks_invalid(tmp_path: Path) -> None:
    """Reached through either project, the folder's stack files are the same files; which config they get would
    depend on the order the paths were given."""
    root = work_tree(tmp_path / "repo")
    project(root / "infra" / "one", "../../deploy/stacks", "")
    project(root / "infra" / "two", "../../deploy/stacks")
    stack(root / "deploy" / "stacks")
    results = check_paths([root / "infra" / "one", root / "infra" / "two"])
    assert results
    assert all("all keep their stack files in this folder" in (r.error or "") for r in results)


def test_one_project_given_decides_its_distant_stacks_with_its_config_whatever_else_names_them(tmp_path: Path) -> None:
    root = work_tree(tmp_path / "repo")
    project(root / "infra" / "one", "../../deploy/stacks", "")
    path = project(root / "infra" / "two", "../../deploy/stacks")
    stack(root / "deploy" / "stacks")
    result = only(check_paths([root / "infra" / "two"]))
    assert denied_by_strict(result)
    assert result.source is not None
    assert result.source.project_file == path


def test_a_project_file_in_the_tree_too_broken_to_tell_its_stack_folder_makes_the_stack_invalid(
    tmp_path: Path,
) -> None:
    root = work_tree(tmp_path / "repo")
    broken = root / "infra" / "app" / "Pulumi.yaml"
    broken.parent.mkdir(parents=True)
    broken.write_text("name: azure-openai-guarded\nruntime: python\nstackConfigDir: [../../deploy/stacks]\n")
    result = only(check_paths([stack(root / "deploy" / "stacks")]))
    assert result.verdict is None
    error = result.error or ""
    assert f"`{projectfile.shown(broken)}` cannot be read far enough to tell where its stack files are" in error
    assert "`stackConfigDir`: must be text" in error


def test_a_search_stopped_at_its_limit_makes_a_stack_no_nearer_project_names_invalid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = work_tree(tmp_path / "repo")
    for i in range(10):
        (root / "src" / f"part-{i}").mkdir(parents=True)
    monkeypatch.setattr(projectfile, "SEARCH_LIMIT", 5)
    result = only(check_paths([stack(root / "examples")]))
    assert result.verdict is None
    assert "stopped after 5 folders" in (result.error or "")
    assert "check it through its project folder" in (result.error or "")


def test_a_stack_its_nearer_project_names_needs_no_search_and_is_decided_at_any_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = work_tree(tmp_path / "repo")
    for i in range(10):
        (root / "src" / f"part-{i}").mkdir(parents=True)
    project(root, "stacks")
    monkeypatch.setattr(projectfile, "SEARCH_LIMIT", 1)
    assert denied_by_strict(only(check_paths([stack(root / "stacks")])))


@pytest.mark.parametrize(
    ("folder", "searched"),
    [
        ("src/pkg", True),
        ("lib/a/app", True),
        ("node_modules/pkg", False),
        (".cache/app", False),
        ("__pycache__/app", False),
        ("venv/app", False),
        ("env/lib/app", False),
    ],
)
def test_folders_no_project_lives_in_are_not_searched(tmp_path: Path, folder: str, searched: bool) -> None:
    """Dependencies, caches and virtual environments (a folder with pyvenv.cfg or conda-meta) hold copies of other
    projects, whose project files must not decide this repository's stacks; an ordinary folder is searched."""
    root = work_tree(tmp_path / "repo")
    for environment in ("venv", "env"):
        (root / environment).mkdir()
    (root / "venv" / "pyvenv.cfg").write_text("home = /usr/bin\n", encoding="utf-8")
    (root / "env" / "conda-meta").mkdir()
    project(root / folder, "../" * (folder.count("/") + 1) + "deploy/stacks")
    result = only(check_paths([stack(root / "deploy" / "stacks")]))
    assert denied_by_strict(result) if searched else decided_alone(result)


def test_a_folder_link_is_not_followed_by_the_search(tmp_path: Path) -> None:
    """Followed, the link would make the search loop or leave the work tree; through it, this project's
    stackConfigDir would name the stack folder."""
    root = work_tree(tmp_path / "repo")
    project(tmp_path / "outside" / "app", "../../deploy/stacks")
    (root / "linked").symlink_to(tmp_path / "outside", target_is_directory=True)
    assert decided_alone(only(check_paths([stack(root / "deploy" / "stacks")])))


def test_a_stack_folder_named_through_a_link_is_found_by_its_real_folder(tmp_path: Path) -> None:
    root = work_tree(tmp_path / "repo")
    real = root / "shared" / "stacks"
    stack(real)
    (root / "deploy").mkdir()
    (root / "deploy" / "stacks").symlink_to(real, target_is_directory=True)
    project(root / "infra" / "app", "../../deploy/stacks")
    assert denied_by_strict(only(check_paths([real / "Pulumi.prod.yaml"])))


def test_a_stack_file_left_behind_is_still_reported_when_a_distant_project_names_another_folder(
    tmp_path: Path,
) -> None:
    root = work_tree(tmp_path / "repo")
    project(root, "stacks/current")
    project(root / "infra" / "app", "../../deploy/stacks")
    result = only(check_paths([stack(root / "stacks")]))
    assert "it is a stack file left behind" in (result.error or "")


def test_the_search_runs_once_for_many_stack_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = work_tree(tmp_path / "repo")
    for i in range(5):
        project(root / "infra" / f"app-{i}", f"../../deploy/app-{i}")
        stack(root / "deploy" / f"app-{i}")
    walks: list[Path] = []
    walk = projectfile.ProjectFiles._walk

    def counted(self: projectfile.ProjectFiles, at: Path) -> projectfile._Search:
        walks.append(at)
        return walk(self, at)

    monkeypatch.setattr(projectfile.ProjectFiles, "_walk", counted)
    results = check_paths([root / "deploy" / f"app-{i}" / "Pulumi.prod.yaml" for i in range(5)])
    assert all(denied_by_strict(r) for r in results)
    assert walks == [root]
