"""``python -m plan [PATH ...]``: the offline plan of every stack file, with the policy pack's verdicts.

Exit status: 0 every stack allowed and planned with no mandatory policy
violation, 1 some stack denied or with a mandatory policy violation, 2 some
stack invalid (unreadable, invalid config, a program error, or a resource on
a provider the stack disables) or an unusable ``--policy-pack-config``. Bad
input never produces a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from azure_openai_guarded.guards.checker import check_paths, overwritten_file

from .planner import StackPlan, Status, plan_checked
from .policies import PolicyConfig, PolicyConfigError, load_policy_config
from .report import RENDERERS, Format


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description=(
            "Run every stack file through the real program under Pulumi's mock engine and print the guard's "
            "verdict, the resources it would create and the policy pack's violations, as `pulumi preview "
            "--policy-pack guards/policy_pack` would report them. Needs no cloud account and no Pulumi CLI."
        ),
        epilog=(
            "exit status:\n"
            "  0  every stack allowed, with no mandatory policy violation\n"
            "  1  some stack denied, or with a mandatory policy violation\n"
            "  2  some stack invalid (unreadable, invalid config, a program error, a resource on a provider the stack\n"
            "     disables), an unusable --policy-pack-config, a plan that cannot be written; also a usage error"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, default=[Path("stacks")], help="stack files or folders (default: stacks)"
    )
    parser.add_argument(
        "--format",
        choices=[f.value for f in Format],
        default=Format.TEXT.value,
        help="text (default), or markdown for a pull request's job summary",
    )
    parser.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help="write the plan to FILE instead of standard output"
    )
    parser.add_argument(
        "--policy-pack-config",
        type=Path,
        metavar="FILE",
        help=(
            "JSON keyed by policy name, as `pulumi preview --policy-pack-config` takes it: each value an enforcement "
            "level (advisory, mandatory, disabled) or an object with `enforcementLevel` and the policy's options; "
            "`all` sets every policy's level. See docs/policy-pack.md."
        ),
    )
    return parser


def collect(paths: Sequence[Path], policy_config: PolicyConfig | None = None) -> list[StackPlan]:
    # The checker finds the files and reports missing paths and empty folders, as it does on its own.
    return [plan_checked(checked, policy_config) for checked in check_paths(paths)]


def exit_status(plans: Sequence[StackPlan]) -> int:
    if not plans or any(p.status is Status.INVALID for p in plans):
        return 2
    return 1 if any(p.status is Status.DENIED or p.mandatory_violations for p in plans) else 0


def main(argv: Sequence[str] | None = None, prog: str = "python -m plan") -> int:
    """Run the plan; ``prog`` names the command in ``--help`` (``aoai-plan`` for the console script)."""
    args = _parser(prog).parse_args(argv)
    try:
        policy_config = load_policy_config(args.policy_pack_config) if args.policy_pack_config else None
    except PolicyConfigError as error:
        sys.stderr.write(f"{error}\n")
        return 2
    plans = collect(args.paths, policy_config)
    report = RENDERERS[Format(args.format)](plans)
    if args.output:
        overwritten = overwritten_file(args.output, (p.file for p in plans))
        if overwritten is not None:
            sys.stderr.write(f"refusing to write the plan over {overwritten}, which is one of the files planned\n")
            return 2
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
