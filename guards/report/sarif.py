"""SARIF 2.1.0 for code-scanning annotations on the line of the offending key."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..checker import CheckResult
from ..models import PROJECT
from ..rules import RULES, Rule, Severity
from ..terms import RULESET_VERSION
from .common import display_path, finding_line

INVALID_RULE = "DECLARATION-INVALID"
_LEVEL = {Severity.DENY: "error", Severity.WARN: "warning"}


def _rule(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.id.title().replace("-", ""),
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": rule.reason},
        "help": {"text": rule.fix},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"source": rule.source, **({"clause": rule.clause.wording} if rule.clause else {})},
    }


_INVALID: dict[str, Any] = {
    "id": INVALID_RULE,
    "name": "DeclarationInvalid",
    "shortDescription": {"text": "The stack file or its declaration cannot be read or validated"},
    "fullDescription": {"text": "Invalid input is never allowed: a typo in a safety declaration is an error."},
    "help": {"text": "Fix the field named in the message; the README lists every field and its values."},
    "defaultConfiguration": {"level": "error"},
}


def artifact_uri(path: Path) -> str:
    """The file as a SARIF ``artifactLocation.uri``: percent-encoded, relative to the working folder when inside it,
    else a ``file:`` URI."""
    shown = display_path(path)
    if Path(shown).is_absolute():
        return Path(shown).as_uri()
    return quote(shown, safe="/")


def _location(result: CheckResult, line: int) -> list[dict[str, Any]]:
    return [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": artifact_uri(result.file)},
                "region": {"startLine": line},
            }
        }
    ]


def _results(result: CheckResult) -> list[dict[str, Any]]:
    if result.verdict is None:
        return [
            {
                "ruleId": INVALID_RULE,
                "level": "error",
                "message": {"text": f"Stack {result.stack!r}: {p}"},
                "locations": _location(result, line),
            }
            for line, p in result.located_problems()
        ]
    return [
        {
            "ruleId": f.rule,
            "level": _LEVEL[f.severity],
            "message": {"text": f"Stack {result.stack!r}: {f.message}"},
            "locations": _location(result, finding_line(result, f)),
        }
        for f in result.verdict.findings
    ]


def render(results: Sequence[CheckResult]) -> str:
    document = {
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": f"{PROJECT} guard",
                        "version": RULESET_VERSION,
                        "rules": [*(_rule(r) for r in RULES), _INVALID],
                    }
                },
                "results": [item for r in results for item in _results(r)],
            }
        ],
    }
    return json.dumps(document, indent=2) + "\n"
