"""A pull-request comment or ``$GITHUB_STEP_SUMMARY``: a summary table, then each stack's findings."""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..checker import CheckResult
from ..terms import RULESET_VERSION, TERMS_VERSION
from .common import code_span, display_path, finding_place, place, printable, status, tally

_BADGE = {
    "allowed": "✅ allowed",
    "allowed-with-warnings": "⚠️ allowed, with warnings",
    "denied": "⛔ denied",
    "invalid": "❌ invalid",
}


def _cell(text: str) -> str:
    """Text for a table cell: one line, no column break, no HTML."""
    return html.escape(printable(text.replace("\n", " ")), quote=False).replace("|", "\\|")


def _details(result: CheckResult) -> list[str]:
    where = display_path(result.file)
    lines = [f"### {code_span(result.stack or where)}: {_BADGE[status(result)]}", "", f"File: {code_span(where)}", ""]
    lines += [f"Note: {html.escape(printable(note), quote=False)}" for note in result.notes]
    lines += [""] if result.notes else []
    if result.verdict is None:
        lines += ["| line | problem |", "| --- | --- |"]
        lines += [f"| {_cell(place(result, f, n, ''))} | {_cell(str(p))} |" for f, n, p in result.problem_places()]
        return [*lines, ""]
    if not result.verdict.findings:
        return [*lines, "No findings.", ""]
    lines += ["| severity | rule | line | finding and what to change |", "| --- | --- | --- | --- |"]
    for f in result.verdict.findings:
        where = _cell(finding_place(result, f, line_word=""))
        lines.append(f"| {f.severity.value} | `{f.rule}` | {where} | {_cell(f.message)} |")
    quoted = [f for f in result.verdict.denials if f.clause]
    for f in quoted:
        lines += ["", f"<details><summary>{f.rule}: the clause</summary>", "", f"> {f.clause}", ">", f"> {f.source}"]
        lines += ["", "</details>"]
    return [*lines, ""]


def render(results: Sequence[CheckResult]) -> str:
    lines = [
        "## Azure OpenAI use-case guard",
        "",
        f"{tally(results)}. Rule set {RULESET_VERSION}, terms of {TERMS_VERSION}.",
        "",
        "| stack | verdict | denials | warnings |",
        "| --- | --- | --- | --- |",
    ]
    for r in results:
        denials = len(r.verdict.denials) if r.verdict else len(r.problems)
        warnings = len(r.verdict.warnings) if r.verdict else 0
        lines.append(f"| {code_span(r.stack or display_path(r.file))} | {_BADGE[status(r)]} | {denials} | {warnings} |")
    lines.append("")
    for r in results:
        lines += _details(r)
    return "\n".join(lines)
