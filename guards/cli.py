"""``python -m azure_openai_guarded.guards``: the offline checker and the rule catalogue.

Exit status: 0 every stack allowed (warnings allowed), 1 some stack denied,
2 some input invalid. Bad input never produces a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .checker import ExitStatus, check_paths, exit_status, overwritten_input
from .report import RENDERERS, Format
from .rules import RULES
from .terms import RULESET_VERSION, TERMS_VERSION


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m azure_openai_guarded.guards",
        description="Check Pulumi stack files against Microsoft's facial-recognition terms for Azure OpenAI.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="decide every stack file",
        description="Decide each stack file; folders are searched for Pulumi.<stack>.yaml files.",
        epilog="Exit status: 0 all allowed, 1 some stack denied, 2 some input invalid.",
    )
    check.add_argument(
        "paths", nargs="*", type=Path, default=[Path("stacks")], help="files or folders (default: stacks)"
    )
    check.add_argument("--format", choices=[f.value for f in Format], default=Format.TEXT.value)
    check.add_argument("--output", "-o", type=Path, help="write the report to this file instead of standard output")
    commands.add_parser("rules", help="list the rules: id, severity, title and what to change")
    return parser


def _rules() -> str:
    lines = [f"Rule set {RULESET_VERSION}, terms of {TERMS_VERSION}", ""]
    for rule in RULES:
        profiles = ", ".join(sorted(p.value for p in rule.profiles))
        lines += [f"{rule.id}  [{rule.severity.value}; profiles: {profiles}]", f"  {rule.title}"]
        lines += [f"  why: {rule.reason}", f"  fix: {rule.fix}", f"  source: {rule.source}", ""]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "rules":
        sys.stdout.write(_rules())
        return ExitStatus.ALLOWED
    results = check_paths(args.paths)
    report = RENDERERS[Format(args.format)](results)
    if args.output:
        overwritten = overwritten_input(args.output, results)
        if overwritten is not None:
            sys.stderr.write(f"refusing to write the report over {overwritten}, which is one of the files checked\n")
            return ExitStatus.INVALID
        try:
            args.output.write_text(report, encoding="utf-8")
        except OSError as error:
            sys.stderr.write(f"cannot write {args.output}: {error}\n")
            return ExitStatus.INVALID
    else:
        sys.stdout.write(report)
    return exit_status(results)
