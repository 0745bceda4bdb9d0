"""Check stack files offline: find them, read them, and decide each one.

A file that cannot be read or validated gets a result with an error instead
of a verdict; it is never allowed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from .declaration import DeclarationError, Problem, parse_declaration
from .engine import Verdict, evaluate
from .stackfile import StackFile, StackFileError, read_stack_file, stack_name


class ExitStatus(IntEnum):
    """The checker's exit status."""

    ALLOWED = 0
    """Every stack is allowed (warnings allowed)."""
    DENIED = 1
    """Some stack is denied."""
    INVALID = 2
    """Some input cannot be read or validated, or no stack file was found."""


@dataclass(frozen=True)
class CheckResult:
    """The outcome for one stack file: a verdict, or the problems that stopped it."""

    file: Path
    """The stack file as given or found."""
    stack: str
    """The stack's name, from the file name; empty for a folder without stack files."""
    verdict: Verdict | None
    """The guard's verdict; ``None`` when the file or its declaration is invalid."""
    problems: tuple[Problem, ...] = ()
    """Why there is no verdict, every problem at once."""
    source: StackFile | None = None
    """The parsed file, when it could be parsed; gives lines for annotations."""

    @property
    def allowed(self) -> bool:
        return self.verdict is not None and self.verdict.allowed

    @property
    def error(self) -> str | None:
        if not self.problems:
            return None
        return "; ".join(str(p) for p in self.problems)

    def line_of(self, path: str) -> int:
        return self.source.line_of(path) if self.source else 1


def stack_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Each given file, and each folder's ``Pulumi.*.yaml``/``.yml`` files, sorted."""
    for path in paths:
        if path.is_dir():
            found = {*path.glob("Pulumi.*.yaml"), *path.glob("Pulumi.*.yml")}
            yield from sorted(found)
        else:
            yield path


def check_file(path: Path) -> CheckResult:
    """Read, validate and decide one stack file."""
    try:
        source = read_stack_file(path)
    except StackFileError as error:
        return CheckResult(file=path, stack=stack_name(path), verdict=None, problems=error.problems)
    try:
        declaration = parse_declaration(source.config)
    except DeclarationError as error:
        return CheckResult(file=path, stack=source.stack, verdict=None, problems=error.problems, source=source)
    return CheckResult(file=path, stack=source.stack, verdict=evaluate(declaration), source=source)


def check_paths(paths: Iterable[Path]) -> list[CheckResult]:
    """Check every stack file under ``paths``; a path that does not exist is an error result."""
    results: list[CheckResult] = []
    for path in paths:
        if not path.exists():
            problem = Problem("", "no such file or folder")
            results.append(CheckResult(file=path, stack=stack_name(path), verdict=None, problems=(problem,)))
            continue
        files = list(stack_files([path]))
        if path.is_dir() and not files:
            problem = Problem("", "no Pulumi.<stack>.yaml files in this folder")
            results.append(CheckResult(file=path, stack="", verdict=None, problems=(problem,)))
        results.extend(check_file(f) for f in files)
    return results


def exit_status(results: Iterable[CheckResult]) -> ExitStatus:
    results = list(results)
    if not results or any(r.verdict is None for r in results):
        return ExitStatus.INVALID
    if any(not r.allowed for r in results):
        return ExitStatus.DENIED
    return ExitStatus.ALLOWED
