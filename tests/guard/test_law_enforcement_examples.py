"""The law-enforcement examples: each stack's verdict, and the README's pasted output, stay true."""

from __future__ import annotations

import json
import re

import pytest

from azure_openai_guarded.guards import RULES_BY_ID, Severity
from azure_openai_guarded.guards.cli import main
from tests.declarations import EXAMPLE_VERDICTS, EXAMPLES

README = EXAMPLES / "README.md"
COMMAND = "python -m azure_openai_guarded.guards check examples/law-enforcement"


def checker_output(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *fmt: str) -> tuple[int, str]:
    monkeypatch.chdir(EXAMPLES.parent.parent)
    code = main(["check", "examples/law-enforcement", *fmt])
    return code, capsys.readouterr().out


def test_each_example_gets_its_verdict_and_rules(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = checker_output(capsys, monkeypatch, "--format", "json")
    results = json.loads(out)["results"]

    assert code == 1
    found = {r["stack"]: (r["verdict"], tuple(f["rule"] for f in r["findings"])) for r in results}
    assert found == EXAMPLE_VERDICTS


def test_the_examples_show_a_denied_and_an_allowed_law_enforcement_case() -> None:
    labels = {label for label, _ in EXAMPLE_VERDICTS.values()}

    assert "denied" in labels
    assert labels & {"allowed", "allowed-with-warnings"}


def test_the_readme_shows_the_checkers_real_output(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = README.read_text(encoding="utf-8")
    match = re.search(re.escape(COMMAND) + r"\n```\n\n```text\n(.*?)```", text, re.DOTALL)
    assert match, f"the README has no ```text block after `{COMMAND}`"

    _, out = checker_output(capsys, monkeypatch)

    assert match.group(1) == out, f"regenerate the README's output block with `.venv/bin/{COMMAND}`"


@pytest.mark.parametrize("stack", sorted(EXAMPLE_VERDICTS))
def test_the_readme_table_gives_each_stacks_verdict(stack: str) -> None:
    label, rules = EXAMPLE_VERDICTS[stack]
    row = next(line for line in README.read_text(encoding="utf-8").splitlines() if f"`Pulumi.{stack}.yaml`" in line)
    verdict_cell = row.split(" | ")[2]

    named = set(re.findall(r"`([A-Z-]+)`", verdict_cell))

    assert verdict_cell.startswith("denied" if label == "denied" else "allowed")
    if label == "denied":
        assert named == {r for r in rules if RULES_BY_ID[r].severity is Severity.DENY}
    else:
        assert named == set(rules)
