"""What every report format says the same way."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from ..checker import CheckResult
from ..engine import Finding


def display_path(path: Path) -> str:
    """``path`` as given, relative to the current folder when it is inside it, with ``/`` separators. Symbolic links
    are not followed: a stack file that is a link (``stacks/Pulumi.prod.yaml`` to a shared file) is named by the
    link, the file Pulumi reads and a pull request shows, not by its target."""
    full = Path(os.path.abspath(path))
    # A folder on the way may be a link to the working folder (`$PWD` through a linked folder): its parent is
    # followed, never the file itself.
    for candidate in (full, Path(os.path.realpath(full.parent)) / full.name):
        try:
            return candidate.relative_to(Path.cwd()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def printable(text: str) -> str:
    """``text`` with each character that does not print (newline, ESC, bidirectional overrides, ...) written as
    its escape (``\\n``, ``\\x1b``, ``\\u202e``), so that a file or stack name cannot break or recolour a report."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def code_span(text: str) -> str:
    """``text`` as a markdown inline code span that holds any backticks in it and is safe inside a table cell."""
    text = printable(text).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def status(result: CheckResult) -> str:
    """``allowed``, ``allowed-with-warnings``, ``denied`` or ``invalid``."""
    return result.verdict.label if result.verdict else "invalid"


def finding_place(result: CheckResult, finding: Finding, line_word: str = "line ") -> str:
    """``line 8`` in the stack file (``8`` with no ``line_word``), or ``Pulumi.yaml line 12`` for a finding in
    another file (a YAML program's declaration)."""
    return place(result, *result.finding_location(finding), line_word=line_word)


def place(result: CheckResult, file: Path, line: int, line_word: str = "line ") -> str:
    """``line`` of ``file`` as a report names it: by line alone in the stack file, with the file in another."""
    return f"{line_word}{line}" if file == result.file else f"{display_path(file)} line {line}"


def tally(results: Sequence[CheckResult]) -> str:
    allowed = sum(r.allowed for r in results)
    invalid = sum(r.verdict is None for r in results)
    denied = len(results) - allowed - invalid
    noun = "stack" if len(results) == 1 else "stacks"
    return f"{len(results)} {noun}: {allowed} allowed, {denied} denied, {invalid} invalid"
