"""Pulumi.yaml is a project file the Pulumi CLI accepts, set up for `pulumi install` and stacks/."""

import tomllib
from pathlib import Path
from typing import Any

from azure_openai_guarded.guards import PROJECT
from azure_openai_guarded.guards.projectfile import read_project_file

ROOT = Path(__file__).resolve().parent.parent

# Pulumi's project schema (sdk/go/common/workspace/project.json): a declared config key has a `type`,
# and that type is one of these. Anything else makes the CLI reject the project before it runs.
PULUMI_CONFIG_TYPES = {"string", "integer", "boolean", "array"}


def _project() -> dict[str, Any]:
    # The checker's strict reader: a repeated key or a YAML 1.1 scalar here is an error, as in a stack file.
    return dict(read_project_file(ROOT / "Pulumi.yaml").document)


def test_project_is_named_for_the_config_namespace_and_runs_python_with_its_own_virtualenv() -> None:
    project = _project()
    assert project["name"] == PROJECT
    assert project["runtime"] == {"name": "python", "options": {"toolchain": "uv", "virtualenv": ".venv"}}


def test_stack_files_live_in_the_stacks_folder() -> None:
    project = _project()
    assert project["stackConfigDir"] == "stacks"
    assert sorted(p.name for p in (ROOT / "stacks").glob("Pulumi.*.yaml"))


def test_every_declared_config_key_has_a_type_pulumi_accepts_and_a_description() -> None:
    for key, declaration in _project()["config"].items():
        assert declaration["type"] in PULUMI_CONFIG_TYPES, key
        assert declaration["description"].strip(), key


def test_pulumi_install_syncs_the_program_and_its_sdks_from_the_lock() -> None:
    # The uv toolchain runs a bare `uv sync`, which installs this project with tool.uv's default groups.
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["uv"]["default-groups"] == ["plan"]
    assert pyproject["dependency-groups"]["plan"] == ["azure-openai-guarded[pulumi,policy]"]
    assert (ROOT / "uv.lock").is_file()
    assert not (ROOT / "requirements.txt").exists(), "the uv toolchain never reads it; uv.lock is the one source"
