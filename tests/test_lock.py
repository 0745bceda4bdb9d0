"""uv.lock: one set of versions for every machine and CI run, from the public index only.

`make` installs .venv from the lock (``uv sync --locked``), `pulumi install` and the policy pack's
folder sync from it, and the component provider, which installs with pip, pins the lock's versions.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOCK_TEXT = (ROOT / "uv.lock").read_text(encoding="utf-8")
LOCK: dict[str, Any] = tomllib.loads(LOCK_TEXT)
PYPI = "https://pypi.org/simple"
"""The only index the lock may name; its files are served from files.pythonhosted.org."""
PYPI_FILES = "https://files.pythonhosted.org/packages/"


def uv() -> Path:
    """The dev group's uv, next to this Python."""
    beside = Path(sys.executable).parent / "uv"
    if not beside.exists():
        found = shutil.which("uv")
        if found is None:
            pytest.fail("uv is not installed; `make test` installs the dev group, which has it")
        return Path(found)
    return beside


def run_uv(*args: str) -> str:
    # --offline: reading the lock needs no index, and no test may reach the network.
    env = {**os.environ, "UV_PROJECT_ENVIRONMENT": str(Path(sys.prefix))}
    result = subprocess.run(
        [str(uv()), *args, "--offline", "--quiet"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_the_lock_matches_pyproject() -> None:
    run_uv("lock", "--check")


def test_every_locked_package_comes_from_the_public_index_and_no_machine_path_is_recorded() -> None:
    sources = {
        package["name"]: package["source"] for package in LOCK["package"] if package["name"] != "azure-openai-guarded"
    }
    assert sources
    assert {name: source for name, source in sources.items() if source != {"registry": PYPI}} == {}
    urls = re.findall(r'url = "([^"]+)"', LOCK_TEXT)
    assert urls
    assert [u for u in urls if not u.startswith(PYPI_FILES)] == []
    project = next(p for p in LOCK["package"] if p["name"] == "azure-openai-guarded")
    assert project["source"] == {"editable": "."}
    assert not re.search(r"/(?:tmp|work|root|home|opt|Users)/", LOCK_TEXT)


def test_the_makefile_bootstraps_the_uv_the_lock_pins() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "--target build/uv uv==$(UV_VERSION)" in makefile
    assert re.search(r"^UV_VERSION := \$\(shell sed .* uv\.lock\)$", makefile, flags=re.MULTILINE)
    (locked_uv,) = (p["version"] for p in LOCK["package"] if p["name"] == "uv")
    version = subprocess.run(
        ["make", "-s", "--no-print-directory", "--eval", "print-uv: ; @echo $(UV_VERSION)", "print-uv"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    ).stdout.strip()
    assert version == locked_uv


def _pins(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if "==" in line and not line.lstrip().startswith("#")]


def test_the_component_providers_pip_requirements_pin_exactly_the_locks_versions() -> None:
    exported = run_uv(
        "export",
        "--locked",
        "--format",
        "requirements-txt",
        "--no-hashes",
        "--no-header",
        "--no-annotate",
        "--no-emit-project",
        "--no-default-groups",
        "--extra",
        "pulumi",
    )
    committed = (ROOT / "provider" / "requirements.txt").read_text(encoding="utf-8")
    assert _pins(exported)
    assert _pins(committed) == _pins(exported), "run `make lock` to pin provider/requirements.txt to uv.lock"
