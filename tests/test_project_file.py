"""Pulumi.yaml is a project file the Pulumi CLI accepts, set up for `pulumi install` and stacks/."""

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent

# Pulumi's project schema (sdk/go/common/workspace/project.json): a declared config key has a `type`,
# and that type is one of these. Anything else makes the CLI reject the project before it runs.
PULUMI_CONFIG_TYPES = {"string", "integer", "boolean", "array"}


def _project() -> dict[str, Any]:
    document = yaml.safe_load((ROOT / "Pulumi.yaml").read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def test_project_is_named_for_the_config_namespace_and_runs_python_with_its_own_virtualenv() -> None:
    project = _project()
    assert project["name"] == "azure-openai-guarded"
    assert project["runtime"] == {"name": "python", "options": {"toolchain": "pip", "virtualenv": ".venv"}}


def test_stack_files_live_in_the_stacks_folder() -> None:
    project = _project()
    assert project["stackConfigDir"] == "stacks"
    assert sorted(p.name for p in (ROOT / "stacks").glob("Pulumi.*.yaml"))


def test_every_declared_config_key_has_a_type_pulumi_accepts_and_a_description() -> None:
    for key, declaration in _project()["config"].items():
        assert declaration["type"] in PULUMI_CONFIG_TYPES, key
        assert declaration["description"].strip(), key


def test_pulumi_install_installs_this_project_from_requirements() -> None:
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    assert "-e .[pulumi]" in lines
