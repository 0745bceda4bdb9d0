"""The pack's folder as the Pulumi CLI loads it, and the guard's independence from Pulumi.

``pulumi preview --policy-pack guards/policy_pack`` reads ``PulumiPolicy.yaml``,
builds ``venv`` from ``requirements.txt`` with the pack's folder as the working
directory, and runs ``__main__.py``. The checker must keep running where only
pydantic and PyYAML are installed, so nothing outside ``guards.policies`` may
import Pulumi.
"""

from __future__ import annotations

import subprocess
import sys
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


BLOCK_PULUMI = """
import importlib.abc, sys

class Refuse(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"pulumi", "pulumi_policy", "pulumi_azure_native"}:
            raise ImportError(f"{name} must not be imported by the guard")
        return None

sys.meta_path.insert(0, Refuse())
import azure_openai_guarded.guards
import azure_openai_guarded.guards.cli
import azure_openai_guarded.guards.tags
from azure_openai_guarded.guards.cli import main
sys.exit(main(["rules"]) and 3)
"""


def test_the_guard_and_its_checker_import_no_pulumi() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_PULUMI], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "FR-US-LAW-ENFORCEMENT" in result.stdout
