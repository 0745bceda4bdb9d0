"""The guard and its checker need only pydantic and PyYAML.

``make test-guard`` runs this folder in a virtual environment holding only the checker's dependencies
(and pytest and hypothesis), where Pulumi cannot be imported: there, any guard module that imports
Pulumi fails this test, and every other test here shows that the guard works without it.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from azure_openai_guarded import guards

PACK_ROOM = frozenset({"policies", "policy_pack"})
"""The policy pack's room inside guards/: the one place that may import Pulumi (pulumi-policy)."""

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(guards.__path__, prefix=f"{guards.__name__}.")
    if info.name.removeprefix(f"{guards.__name__}.").partition(".")[0] not in PACK_ROOM
    # Importing the entry point runs the checker; tests/guard/test_checker_cli.py runs it.
    and not info.name.endswith(".__main__")
)


def test_the_guard_has_modules_outside_the_packs_room() -> None:
    assert f"{guards.__name__}.cli" in MODULES
    assert f"{guards.__name__}.report.sarif" in MODULES


@pytest.mark.parametrize("module", MODULES)
def test_every_guard_module_outside_the_packs_room_imports(module: str) -> None:
    importlib.import_module(module)
