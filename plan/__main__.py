"""``python -m plan [PATH ...]``: the offline plan of every stack file.

Exit status: 0 every stack allowed and planned, 1 some stack denied, 2 some
stack invalid (unreadable, invalid config, a program error, or a resource on
a provider the stack disables). Bad input never produces a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from azure_openai_guarded.guards.checker import stack_files

from .planner import StackPlan, Status, plan_file
from .report import RENDERERS, Format


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m plan",
        description=(
            "Run every stack file through the real program under Pulumi's mock engine and print the guard's "
            "verdict and the resources it would create. Needs no cloud account and no Pulumi CLI."
        ),
        epilog="Exit status: 0 all allowed, 1 some stack denied, 2 some stack invalid.",
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, default=[Path("stacks")], help="stack files or folders (default: stacks)"
    )
    parser.add_argument("--format", choices=[f.value for f in Format], default=Format.TEXT.value)
    parser.add_argument("--output", "-o", type=Path, help="write the plan to this file instead of standard output")
    return parser


def collect(paths: Sequence[Path]) -> list[StackPlan]:
    plans: list[StackPlan] = []
    for path in paths:
        if not path.exists():
            plans.append(StackPlan(path, "", Status.INVALID, problems=["no such file or folder"]))
            continue
        files = list(stack_files([path]))
        if not files:
            plans.append(StackPlan(path, "", Status.INVALID, problems=["no Pulumi.<stack>.yaml files in this folder"]))
        plans += [plan_file(f) for f in files]
    return plans


def exit_status(plans: Sequence[StackPlan]) -> int:
    if not plans or any(p.status is Status.INVALID for p in plans):
        return 2
    return 1 if any(p.status is Status.DENIED for p in plans) else 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    plans = collect(args.paths)
    report = RENDERERS[Format(args.format)](plans)
    if args.output:
        try:
            args.output.write_text(report, encoding="utf-8")
        except OSError as error:
            sys.stderr.write(f"cannot write {args.output}: {error}\n")
            return 2
    else:
        sys.stdout.write(report)
    return exit_status(plans)


if __name__ == "__main__":
    sys.exit(main())
