"""A readable table per stack: one line per finding, with what to change."""

from __future__ import annotations

from collections.abc import Sequence

from ..checker import CheckResult
from ..terms import RULESET_VERSION, TERMS_VERSION
from .common import display_path, finding_place, place, printable, status, tally


def _stack(result: CheckResult) -> list[str]:
    where = printable(display_path(result.file))
    head = f"{where}  (stack {printable(result.stack) or '-'})  {status(result).upper()}"
    if result.verdict is None:
        rows = [
            (printable(place(result, file, line)), "invalid", printable(str(p)))
            for file, line, p in result.problem_places()
        ]
    else:
        head += f"  profile {result.verdict.profile}"
        rows = [
            (printable(finding_place(result, f)), f.severity.value, printable(f"{f.rule}  {f.message}"))
            for f in result.verdict.findings
        ]
    notes = [f"  note: {printable(note)}" for note in result.notes]
    if not rows:
        return [head, "  no findings", *notes]
    width = max(len(r[0]) for r in rows)
    return [head, *(f"  {line:<{width}}  {level:<7}  {body}" for line, level, body in rows), *notes]


def render(results: Sequence[CheckResult]) -> str:
    blocks = ["\n".join(_stack(r)) for r in results]
    footer = f"{tally(results)}  (rule set {RULESET_VERSION}, terms {TERMS_VERSION})"
    return "\n\n".join([*blocks, footer]) + "\n"
