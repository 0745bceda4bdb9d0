"""The pack's folder as the Pulumi CLI loads it.

``pulumi preview --policy-pack guards/policy_pack`` reads ``PulumiPolicy.yaml``,
builds ``venv`` from ``requirements.txt`` with the pack's folder as the working
directory, and runs ``__main__.py``. That the rest of the guard imports no Pulumi
is shown where Pulumi is not installed: ``make test-guard`` runs ``tests/guard/``
with only the checker's dependencies.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "guards" / "policy_pack"


def test_the_pack_is_a_python_policy_pack_with_its_own_virtualenv() -> None:
    project = yaml.safe_load((PACK / "PulumiPolicy.yaml").read_text(encoding="utf-8"))
    assert project["runtime"] == {"name": "python", "options": {"toolchain": "pip", "virtualenv": "venv"}}
    assert project["description"]
    assert project["version"]
    assert "venv/" in (PACK / ".gitignore").read_text(encoding="utf-8").split()


def test_the_pack_installs_this_repository_and_the_policy_sdk_from_its_own_folder() -> None:
    lines = [
        line.strip()
        for line in (PACK / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines == ["-e ../..[policy]"]
    assert (PACK / "../..").resolve() == ROOT
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(requirement.startswith("pulumi-policy") for requirement in extras["policy"])


def test_the_pack_file_only_builds_the_pack() -> None:
    source = (PACK / "__main__.py").read_text(encoding="utf-8")
    assert "ResourceValidationPolicy" not in source
    assert "StackValidationPolicy" not in source
    assert "PolicyPack(" in source
