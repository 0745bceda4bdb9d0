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
from .common import display_path

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


def _location(file: Path, line: int) -> list[dict[str, Any]]:
    return [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": artifact_uri(file)},
                "region": {"startLine": line},
            }
        }
    ]


def _result(result: CheckResult, rule: str, level: str, text: str, where: tuple[Path, int]) -> dict[str, Any]:
    """One annotation. A pull request shows only its message, so the message carries the stack's notes too (for a
    consumer project: that only the use case was decided, and, with no cloud named, for every cloud, the worst
    counting); ``properties.notes`` lists them for tools."""
    notes = "".join(f" Note: {note}." for note in result.notes)
    return {
        "ruleId": rule,
        "level": level,
        "message": {"text": f"Stack {result.stack!r}: {text}{notes}"},
        "locations": _location(*where),
        **({"properties": {"notes": list(result.notes)}} if result.notes else {}),
    }


def _results(result: CheckResult) -> list[dict[str, Any]]:
    if result.verdict is None:
        return [
            _result(result, INVALID_RULE, "error", str(p), (file, line)) for file, line, p in result.problem_places()
        ]
    return [
        _result(result, f.rule, _LEVEL[f.severity], f.message, result.finding_location(f))
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
