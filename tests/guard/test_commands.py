"""``aoai-guard``: a console script beside ``python -m azure_openai_guarded.guards``, each ``--help`` complete.

A script shim runs the same ``main`` as the module; ``--help`` names every option of its command and the
exit status, whose codes are the checker's own.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from azure_openai_guarded.guards import cli
from azure_openai_guarded.guards.checker import ExitStatus
from tests.stack_texts import ALLOWED, DENIED, FACES, WARNED

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
SCRIPT = Path(sys.executable).parent / "aoai-guard"


def test_the_console_script_is_the_checkers_main() -> None:
    assert SCRIPTS["aoai-guard"] == "azure_openai_guarded.guards.cli:main"


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (action,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


COMMANDS = sorted(_subparsers(cli._parser("aoai-guard")))


def test_the_commands_are_check_rules_and_schema() -> None:
    assert set(COMMANDS) >= {"check", "rules"}


@pytest.mark.parametrize("command", COMMANDS)
def test_each_commands_help_lists_every_option_and_the_exit_status(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = _subparsers(cli._parser("aoai-guard"))[command]
    with pytest.raises(SystemExit) as exited:
        cli.main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: aoai-guard {command} ")
    options = [o for action in parser._actions for o in action.option_strings]
    assert options
    assert [o for o in options if not re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", out)] == []
    assert "exit status:" in out
    assert re.search(r"^  0  ", out, flags=re.MULTILINE)
    assert re.search(r"^  2  ", out, flags=re.MULTILINE)


def test_checks_help_gives_the_checkers_three_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["check", "--help"])
    codes = {int(code) for code in re.findall(r"^  (\d)  ", capsys.readouterr().out, flags=re.MULTILINE)}
    assert codes == {int(status) for status in ExitStatus}


@pytest.mark.parametrize(("stack", "status"), [(ALLOWED, ExitStatus.ALLOWED), (DENIED, ExitStatus.DENIED)])
def test_the_script_and_the_module_decide_alike(tmp_path: Path, stack: str, status: ExitStatus) -> None:
    if not SCRIPT.exists():
        pytest.fail(f"{SCRIPT} is missing; `make setup` installs the project with its console scripts")
    (tmp_path / "Pulumi.dev.yaml").write_text(stack, encoding="utf-8")
    module = [sys.executable, "-m", "azure_openai_guarded.guards"]
    runs = [
        subprocess.run([*command, "check", "--format", "json", "."], cwd=tmp_path, capture_output=True, text=True)
        for command in ([str(SCRIPT)], module)
    ]
    assert [r.returncode for r in runs] == [status, status]
    assert runs[0].stdout == runs[1].stdout


def test_the_module_names_itself_in_its_usage() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "azure_openai_guarded.guards", "--help"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("usage: python -m azure_openai_guarded.guards ")


@pytest.mark.parametrize(
    ("stack", "flag", "status"),
    [
        (WARNED, [], ExitStatus.ALLOWED),
        (WARNED, ["--fail-on-warnings"], ExitStatus.DENIED),
        (ALLOWED, ["--fail-on-warnings"], ExitStatus.ALLOWED),
        (DENIED, ["--fail-on-warnings"], ExitStatus.DENIED),
    ],
)
def test_fail_on_warnings_fails_a_stack_allowed_with_warnings_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stack: str, flag: list[str], status: ExitStatus
) -> None:
    (tmp_path / "Pulumi.dev.yaml").write_text(stack, encoding="utf-8")
    assert cli.main(["check", *flag, "--format", "json", str(tmp_path)]) == status
    assert '"verdict"' in capsys.readouterr().out


def _own(profile: str) -> str:
    return FACES.replace("config:\n", f"config:\n  azure-openai-guarded:guardProfile: {profile}\n")


@pytest.mark.parametrize(
    ("stack", "override", "status", "profile"),
    [
        (FACES, [], ExitStatus.ALLOWED, "terms"),
        (FACES, ["--profile", "strict"], ExitStatus.DENIED, "strict"),
        (_own("terms"), ["--profile", "strict"], ExitStatus.DENIED, "strict"),
        (_own("strict"), ["--profile", "terms"], ExitStatus.DENIED, "strict"),
        (_own("strikt"), ["--profile", "strict"], ExitStatus.INVALID, None),
    ],
)
def test_a_profile_override_raises_every_stack_to_it_and_never_weakens_or_hides_its_own(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    stack: str,
    override: list[str],
    status: ExitStatus,
    profile: str | None,
) -> None:
    (tmp_path / "Pulumi.dev.yaml").write_text(stack, encoding="utf-8")
    assert cli.main(["check", *override, "--format", "json", str(tmp_path)]) == status
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert result.get("profile") == profile


def test_schema_writes_the_committed_schema_or_exits_2_when_it_cannot(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "schema.json"
    assert cli.main(["schema", "--output", str(output)]) == ExitStatus.ALLOWED
    committed = ROOT / "schema" / "stack-file.schema.json"
    assert output.read_text(encoding="utf-8") == committed.read_text(encoding="utf-8")
    assert cli.main(["schema", "--output", str(tmp_path / "missing" / "schema.json")]) == ExitStatus.INVALID
    assert "cannot write" in capsys.readouterr().err
