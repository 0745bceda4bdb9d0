"""The tests take rule ids from the guard's rules, never from a copy: a renamed rule then changes one place."""

from __future__ import annotations

import ast
from pathlib import Path

from azure_openai_guarded.guards import RULES
from azure_openai_guarded.guards.report.sarif import INVALID_RULE

TESTS = Path(__file__).resolve().parents[1]
IDS = frozenset({rule.id for rule in RULES} | {INVALID_RULE})


def copied_ids(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return [
        f"line {node.lineno}: {node.value}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in IDS
    ]


def test_no_test_writes_a_rule_id_as_a_string() -> None:
    files = sorted(TESTS.rglob("*.py"))
    assert len(files) > 30
    copies = {str(f.relative_to(TESTS)): found for f in files if (found := copied_ids(f))}
    assert copies == {}, "import the rule (azure_openai_guarded.guards.rules) and use its .id"
