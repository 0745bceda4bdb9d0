"""`make typecheck` reads the program (``__main__.py`` and ``program/``) and the offline plan (``plan/``), under the
same strict mypy configuration as the guard and the components: the program is what ``pulumi up`` runs, and the
plan is how every stack is judged offline."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from mypy.main import process_options
from mypy.modulefinder import FindModuleCache, compute_search_paths

from tests.test_use_case_type_hint import import_root

ROOT = Path(__file__).resolve().parent.parent


def typecheck_arguments() -> list[str]:
    """What the Makefile's typecheck recipe hands mypy."""
    recipe = re.search(r"^typecheck:.*?\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert recipe is not None
    command = next(line for line in recipe.group(1).replace("\\\n", " ").splitlines() if "/mypy " in line)
    words = shlex.split(command)
    return words[next(i for i, word in enumerate(words) if word.endswith("/mypy")) + 1 :]


def test_make_typecheck_reads_every_file_of_the_program_and_the_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("MYPYPATH", str(import_root(tmp_path)))

    sources, options = process_options(typecheck_arguments())

    # A module named with -m is found on the search path when the build starts, as mypy finds it here.
    finder = FindModuleCache(compute_search_paths(sources, options, ""), None, options)
    read = {Path(source.path or str(finder.find_module(source.module))).resolve() for source in sources}
    program_and_plan = {ROOT / "__main__.py", *(ROOT / "program").rglob("*.py"), *(ROOT / "plan").rglob("*.py")}
    assert program_and_plan <= read
