"""Fixtures for the engine tier (see harness.py): each test gets the Pulumi CLI in its own copy of the project.

Without a CLI the tier is skipped, except in CI (``CI=true``), where a missing CLI fails the run.
"""

from __future__ import annotations

import os
import shutil
import sysconfig
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.engine.harness import Engine, copy_project, link_environments, pulumi_cli


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if pulumi_cli() is not None:
        return
    here = Path(__file__).parent
    mine = [item for item in items if here in Path(str(item.fspath)).parents]
    if os.environ.get("CI") == "true" and mine:
        raise pytest.UsageError("the engine tier must run in CI, but there is no Pulumi CLI: run `make engine` first")
    skip = pytest.mark.skip(reason="no Pulumi CLI: `make engine` builds it into .tools/bin")
    for item in mine:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("template"))


@pytest.fixture
def engine(tmp_path: Path, template: Path) -> Engine:
    project = tmp_path / "project"
    shutil.copytree(template, project, symlinks=True)
    link_environments(project)
    return Engine(tmp_path, project)


def _environment_snapshot() -> dict[str, bytes]:
    site = Path(sysconfig.get_paths()["purelib"])
    return {p.name: p.read_bytes() if p.is_file() else b"" for p in sorted(site.iterdir()) if p.suffix in _WATCHED}


_WATCHED = {".dist-info", ".pth", ".py"}


@pytest.fixture(scope="session", autouse=True)
def _tests_environment_untouched() -> Iterator[None]:
    """No engine run may install into the environment running the tests (the repository's .venv), which the
    copies only ever link to."""
    before = _environment_snapshot()
    yield
    assert _environment_snapshot() == before, "an engine test changed the environment running the tests"
