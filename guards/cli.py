"""``aoai-guard`` (or ``python -m azure_openai_guarded.guards``): the offline checker, the rule catalogue and
the stack files' JSON Schema.

Exit status: 0 every stack allowed (warnings allowed), 1 some stack denied,
2 some input invalid. Bad input never produces a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .checker import CheckResult, ExitStatus, check_paths, exit_status, overwritten_input
from .models import PROJECT, GuardProfile
from .projectfile import shown
from .report import RENDERERS, Format
from .repository import RepositoryError, repository_paths
from .rules import DECLARATION_MISSING, RULES
from .schema import SCHEMA_FILE, schema_text
from .terms import RULESET_VERSION, TERMS_VERSION

CHECK_EXIT_STATUS = """\
exit status:
  0  every stack is allowed (with warnings, unless --fail-on-warnings)
  1  some stack is denied (or, with --fail-on-warnings, allowed with warnings)
  2  some input is invalid: a stack file that cannot be read or validated, a path that does not exist, a
     folder without stack files, a report that cannot be written; also a usage error"""

RULES_EXIT_STATUS = """\
exit status:
  0  listed
  2  a usage error"""

SCHEMA_EXIT_STATUS = """\
exit status:
  0  written
  2  the output cannot be written; also a usage error"""

SCHEMA_EXIT_STATUS = """\
exit status:
  0  written
  2  the output cannot be written; also a usage error"""

FORMATS = "text: a table per stack; json; markdown: for a pull request or a job summary; sarif: for code scanning"


def _parser(prog: str) -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Check Pulumi stack files against Microsoft's facial-recognition terms for Azure OpenAI.",
        epilog=f"Run `{prog} COMMAND --help` for a command's options and exit status.",
        formatter_class=formatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="decide every stack file",
        description=(
            "Decide each stack file. A folder is searched for its Pulumi.<stack>.yaml (or .yml) files; a file is "
            "read whatever its name."
        ),
        epilog=CHECK_EXIT_STATUS,
        formatter_class=formatter,
    )
    check.add_argument("paths", nargs="*", type=Path, help="files or folders (default: stacks)")
    check.add_argument(
        "--repository",
        action="store_true",
        help=(
            "instead of paths, check every stack git's index holds under the working folder, each with its "
            "project's config and program, as the pre-commit hook does (so a commit that changes only a linked stack "
            "file's target is checked); a YAML program with no stack file is decided with an empty stack config, "
            "and so is a program in code with none whose sources name the components, a Cognitive Services "
            "account or a use case written in code; a repository with neither passes"
        ),
    )
    check.add_argument(
        "--skip",
        action="append",
        default=[],
        metavar="FOLDER",
        help=(
            "with --repository, leave out the stack files under FOLDER (repeatable): a project that provisions no "
            "Azure OpenAI, whose stacks declare nothing (each is still decided, and a folder with one the check "
            "does not pass as declaring nothing, or whose program provisions what the guard governs, such as a "
            "component, a Cognitive Services account or a use case written in code, or the repository's root, is "
            "refused); each folder skipped is named in the report's notes"
        ),
    )
    check.add_argument(
        "--format",
        choices=[f.value for f in Format],
        default=Format.TEXT.value,
        help=f"the report's format (default: text). {FORMATS}",
    )
    check.add_argument(
        "--output", "-o", type=Path, metavar="FILE", help="write the report to FILE instead of standard output"
    )
    check.add_argument(
        "--profile",
        choices=[p.value for p in GuardProfile],
        help=(
            "decide every stack under at least this guard profile: strict holds each stack to no facial recognition "
            "at all, whatever its own guardProfile; a stack's own strict is never weakened"
        ),
    )
    check.add_argument(
        "--namespace",
        metavar="NAME",
        help=(
            "the config namespace of a stack file's own keys where no Pulumi.yaml names the project (default: "
            "azure-openai-guarded); a consumer project's stack declares `<its name>:useCase`"
        ),
    )
    check.add_argument(
        "--fail-on-warnings",
        action="store_true",
        help="exit with status 1 when some stack is allowed with warnings, as when one is denied",
    )
    commands.add_parser(
        "rules",
        help="list the rules: id, severity, title, why, what to change and the source",
        description="List every rule the guard applies, with the rule set's version and the terms it encodes.",
        epilog=RULES_EXIT_STATUS,
        formatter_class=formatter,
    )
    schema = commands.add_parser(
        "schema",
        help="write the JSON Schema of a stack file, for editors",
        description=(
            "Write the JSON Schema of a stack file's azure-openai-guarded keys (useCase, service, guardProfile), "
            f"generated from the declaration models. {SCHEMA_FILE} is this version's copy; a stack file names it "
            "in its first line: # yaml-language-server: $schema=<path or URL>"
        ),
        epilog=SCHEMA_EXIT_STATUS,
        formatter_class=formatter,
    )
    schema.add_argument("--output", "-o", type=Path, metavar="FILE", help="write to FILE instead of standard output")
    return parser


def _rules() -> str:
    lines = [f"Rule set {RULESET_VERSION}, terms of {TERMS_VERSION}", ""]
    for rule in RULES:
        profiles = ", ".join(sorted(p.value for p in rule.profiles))
        lines += [f"{rule.id}  [{rule.severity.value}; profiles: {profiles}]", f"  {rule.title}"]
        lines += [f"  why: {rule.reason}", f"  fix: {rule.fix}", f"  source: {rule.source}", ""]
    return "\n".join(lines)


def _write_schema(output: Path | None) -> int:
    text = schema_text()
    if output is None:
        sys.stdout.write(text)
        return ExitStatus.ALLOWED
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        sys.stderr.write(f"cannot write {output}: {error}\n")
        return ExitStatus.INVALID
    return ExitStatus.ALLOWED


def _unskippable(
    left_out: Sequence[Path], profile: GuardProfile | None, namespace: str | None
) -> tuple[list[str], list[CheckResult]]:
    """The stacks among ``left_out`` that ``--skip`` may not leave out: those that do not merely declare nothing
    (invalid, or denied for any rule but ``DECLARATION-MISSING``), each named with its file; and those that declare
    nothing while the checker found that their project provisions what the guard governs (see
    :attr:`CheckResult.provisions`)."""
    declaring: list[str] = []
    provisioning: list[CheckResult] = []
    for result in check_paths(left_out, profile, namespace):
        verdict = result.verdict
        if verdict is None or any(f.rule != DECLARATION_MISSING.id for f in verdict.denials):
            declaring.append(str(result.file))
        elif result.provisions:
            provisioning.append(result)
    return declaring, provisioning


def _provisioning_message(prog: str, result: CheckResult, skip: Sequence[str]) -> str:
    """Why ``--skip`` refuses to leave out ``result``'s stack: the folder that would, the evidence, and what to do."""
    file = result.file.resolve()
    folder = next((f for f in skip if file.is_relative_to(Path(f).resolve())), ", ".join(skip))
    key = f"{result.source.namespace if result.source is not None else PROJECT}:useCase"
    return (
        f"{prog} check: --skip {folder} would leave out {shown(result.file)}, which declares no use case, yet its "
        f"project provisions what the guard governs: {'; '.join(result.provisions)}. --skip is for a project that "
        f"provisions no Azure OpenAI: declare this one's use case (`{key}` in its stack file) and take {folder} out "
        "of --skip\n"
    )


def main(argv: Sequence[str] | None = None, prog: str = "aoai-guard") -> int:
    """Run the command line; ``prog`` names the command in ``--help`` and in usage errors."""
    args = _parser(prog).parse_args(argv)
    if args.command == "rules":
        sys.stdout.write(_rules())
        return ExitStatus.ALLOWED
    if args.command == "schema":
        return _write_schema(args.output)
    paths = args.paths or [Path("stacks")]
    if args.skip and not args.repository:
        sys.stderr.write(f"{prog} check: --skip goes with --repository; give the paths to check instead\n")
        return ExitStatus.INVALID
    profile = GuardProfile(args.profile) if args.profile else None
    if args.repository:
        if args.paths:
            sys.stderr.write(f"{prog} check: give paths or --repository, not both\n")
            return ExitStatus.INVALID
        try:
            paths = repository_paths(Path())
        except RepositoryError as error:
            sys.stderr.write(f"{error}\n")
            return ExitStatus.INVALID
        skipped = [Path(folder).resolve() for folder in args.skip]
        if Path().resolve() in skipped:
            sys.stderr.write(f"{prog} check: --skip names the repository's root, which would skip every stack\n")
            return ExitStatus.INVALID
        left_out = [path for path in paths if any(path.resolve().is_relative_to(folder) for folder in skipped)]
        declaring, provisioning = _unskippable(left_out, profile, args.namespace)
        if declaring:
            # --skip is for projects that provision no Azure OpenAI: each stack it leaves out is still decided, and
            # one that is invalid or denied for anything but declaring nothing is refused (reviews R14 F5, R17 F1).
            named = ", ".join(declaring)
            sys.stderr.write(
                f"{prog} check: --skip would leave out {named}, which the check does not pass as declaring nothing: "
                "check it, or take the folder out of --skip\n"
            )
        # So is one that declares nothing while its project provisions what the guard governs: a Face account made
        # for a US police department passed the repository's check with its folder skipped.
        for result in provisioning:
            sys.stderr.write(_provisioning_message(prog, result, args.skip))
        if declaring or provisioning:
            return ExitStatus.INVALID
        for folder in args.skip:
            sys.stderr.write(f"skipped, as --skip asks: the stack files under {folder}\n")
        paths = [path for path in paths if path not in left_out]
        if not paths:
            sys.stderr.write("no Pulumi.<stack>.yaml file in git's index here: nothing to decide\n")
    results = check_paths(paths, profile, args.namespace)
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
    status = exit_status(results) if paths else ExitStatus.ALLOWED
    warned = any(r.verdict is not None and r.verdict.warnings for r in results)
    if status is ExitStatus.ALLOWED and warned and args.fail_on_warnings:
        return ExitStatus.DENIED
    return status
