"""Machine-readable results: ``{"results": [...]}``, one entry per stack file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..checker import CheckResult
from ..terms import RULESET_VERSION, TERMS_VERSION
from .common import display_path, status


def _result(result: CheckResult) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "stack": result.stack,
        "file": display_path(result.file),
        "allowed": result.allowed,
        "verdict": status(result),
    }
    if result.source is not None and result.source.project_file is not None:
        # The keys the stack file does not show, since Pulumi applies them from the project file.
        entry["projectFile"] = display_path(result.source.project_file)
        entry["fromProjectFile"] = sorted(result.source.from_project)
    if result.notes:
        entry["notes"] = list(result.notes)
    if result.verdict is None:
        entry["error"] = result.error
        entry["problems"] = [
            {"key": p.key, "message": p.message, "file": display_path(file), "line": line}
            for file, line, p in result.problem_places()
        ]
        entry["findings"] = []
        return entry
    # The verdict's one serialisation, as the stack's and the components' `verdict` outputs carry it, plus lines.
    verdict = result.verdict.to_dict()
    places = [result.finding_location(f) for f in result.verdict.findings]
    verdict["findings"] = [
        {**f, "file": display_path(file), "line": line}
        for f, (file, line) in zip(verdict["findings"], places, strict=True)
    ]
    return entry | verdict


def render(results: Sequence[CheckResult]) -> str:
    document = {
        "rulesetVersion": RULESET_VERSION,
        "termsVersion": TERMS_VERSION,
        "results": [_result(r) for r in results],
    }
    return json.dumps(document, indent=2) + "\n"
