"""The pack's folder as the Pulumi CLI loads it.

``pulumi preview --policy-pack guards/policy_pack`` reads ``PulumiPolicy.yaml``,
builds ``venv`` with ``uv sync`` in the pack's folder (uv finds the repository's
``pyproject.toml`` and ``uv.lock`` above it), and runs ``__main__.py``. The checker must keep running where only
pydantic and PyYAML are installed, so nothing outside ``guards.policies`` may
import Pulumi.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "guards" / "policy_pack"


def test_the_pack_is_a_python_policy_pack_with_its_own_virtualenv() -> None:
    project = yaml.safe_load((PACK / "PulumiPolicy.yaml").read_text(encoding="utf-8"))
    assert project["runtime"] == {"name": "python", "options": {"toolchain": "uv", "virtualenv": "venv"}}
    assert project["description"]
    assert project["version"]
    assert "venv/" in (PACK / ".gitignore").read_text(encoding="utf-8").split()


def test_the_pack_installs_this_repository_and_the_policy_sdk_from_the_lock_above_its_folder() -> None:
    # `uv sync` in the pack's folder takes the nearest pyproject.toml and uv.lock up the tree: the repository's.
    assert not (PACK / "pyproject.toml").exists()
    assert not (PACK / "requirements.txt").exists()
    assert (ROOT / "uv.lock").is_file()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    default_groups = pyproject["tool"]["uv"]["default-groups"]
    installed = [r for group in default_groups for r in pyproject["dependency-groups"][group] if isinstance(r, str)]
    assert any(r.startswith("azure-openai-guarded[") and "policy" in r for r in installed)
    assert any(
        requirement.startswith("pulumi-policy")
        for requirement in pyproject["project"]["optional-dependencies"]["policy"]
    )


def test_the_pack_file_only_builds_the_pack() -> None:
    source = (PACK / "__main__.py").read_text(encoding="utf-8")
    assert "ResourceValidationPolicy" not in source
    assert "StackValidationPolicy" not in source
    assert "serve_pack(" in source
