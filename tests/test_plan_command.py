"""``aoai-plan``: the offline plan as a console script, beside ``python -m plan``.

The script runs the checkout's own ``plan`` (the editable install points at it), from any working folder;
an install without the checkout says what to run instead.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from azure_openai_guarded import plan_command
from plan import __main__ as plan_main

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).parent / "aoai-plan"


def script() -> Path:
    if not SCRIPT.exists():
        pytest.fail(f"{SCRIPT} is missing; `make setup` installs the project with its console scripts")
    return SCRIPT


def test_the_console_script_is_declared_in_pyproject() -> None:
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["aoai-plan"] == "azure_openai_guarded.plan_command:main"


def test_help_lists_every_option_and_the_exit_status() -> None:
    out = subprocess.run([str(script()), "--help"], capture_output=True, text=True, check=True).stdout
    assert out.startswith("usage: aoai-plan ")
    options = [o for action in plan_main._parser("aoai-plan")._actions for o in action.option_strings]
    assert [o for o in options if not re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", out)] == []
    assert {int(c) for c in re.findall(r"^  (\d)  ", out, flags=re.MULTILINE)} == {0, 1, 2}


def test_the_script_plans_a_stack_file_from_another_working_folder(tmp_path: Path) -> None:
    stack = ROOT / "stacks" / "Pulumi.dev.yaml"
    result = subprocess.run([str(script()), str(stack)], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "(stack dev)  ALLOWED" in result.stdout
    assert "would be registered" in result.stdout


def test_without_the_checkout_it_says_what_to_run_instead(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(plan_command, "CHECKOUT", tmp_path)
    assert plan_command.main() == 2
    assert "aoai-guard check" in capsys.readouterr().err
