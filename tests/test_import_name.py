"""One import name: the guard and the components are ``azure_openai_guarded.*``, never bare ``guards`` or
``components``, and no symlink makes a second path to them."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from azure_openai_guarded import guards

ROOT = Path(__file__).resolve().parent.parent
BARE = ("guards", "components")


def _tracked(*patterns: str) -> list[str]:
    result = subprocess.run(["git", "ls-files", "-s", *patterns], cwd=ROOT, capture_output=True, text=True, check=True)
    return result.stdout.splitlines()


def _bare_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.partition(".")[0] in BARE]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [node.module] if node.module.partition(".")[0] in BARE else []
    return found


def test_no_symlink_is_tracked() -> None:
    links = [line.split("\t", 1)[1] for line in _tracked() if line.startswith("120000 ")]
    assert links == []


def test_no_python_file_in_the_repository_imports_a_bare_guards_or_components() -> None:
    files = [ROOT / line.split("\t", 1)[1] for line in _tracked("*.py")]
    assert len(files) > 50
    offenders = {str(f.relative_to(ROOT)): names for f in files if (names := _bare_imports(f))}
    assert offenders == {}


@pytest.mark.parametrize("name", BARE)
def test_importing_a_bare_folder_name_fails_the_test_that_does_it(name: str) -> None:
    with pytest.raises(ImportError, match=f"azure_openai_guarded.{name}"):
        importlib.import_module(name)


def test_the_guard_is_the_repositorys_guards_folder_under_the_import_name() -> None:
    assert Path(guards.__file__).resolve() == ROOT / "guards" / "__init__.py"


def test_the_engine_refuses_a_model_from_a_second_copy_of_the_guard() -> None:
    """Two copies of one folder have two sets of enums and models; the engine decides only its own."""
    spec = importlib.util.spec_from_file_location(
        "second_copy", ROOT / "guards" / "__init__.py", submodule_search_locations=[str(ROOT / "guards")]
    )
    assert spec is not None
    assert spec.loader is not None
    second = importlib.util.module_from_spec(spec)
    sys.modules["second_copy"] = second
    try:
        spec.loader.exec_module(second)
        use_case = second.UseCase.model_validate(
            {
                "name": "police-faces",
                "purpose": "Identify suspects from booking photos.",
                "owner": "ops@example.com",
                "operator": {"sector": "law_enforcement", "country": "US"},
                "capabilities": ["facial_recognition"],
            }
        )
        with pytest.raises(TypeError, match="this guard's UseCase"):
            guards.evaluate_use_case(use_case, guards.Cloud.PUBLIC)
    finally:
        for name in [m for m in sys.modules if m == "second_copy" or m.startswith("second_copy.")]:
            del sys.modules[name]
