"""Check stack files offline: find them, read them, and decide each one.

A file that cannot be read or validated gets a result with an error instead
of a verdict; it is never allowed. A folder's stack files are its
``Pulumi.<stack>.yaml`` (or ``.yml``) files in any letter case, since Pulumi
finds ``pulumi.prod.yaml`` for stack ``prod`` on a case-insensitive disk; two
that differ only in case are both invalid, as which one Pulumi reads depends
on the disk.
"""

from __future__ import annotations

import copy
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import IntEnum
from pathlib import Path
from typing import Any, Final

from pydantic.alias_generators import to_camel

# The whole stack is decided here, its service included, by the reader every entry point uses; it takes the
# components' Pulumi-free Azure facts (settings, clouds, catalogue), so the checker still needs no Pulumi.
from azure_openai_guarded.components.account import advisories
from azure_openai_guarded.components.clouds import CLOUDS, COMMERCIAL, GOVERNMENT, CloudFacts, government_region
from azure_openai_guarded.components.declaration import (
    CLASSIC_ENVIRONMENT_KEY,
    CLASSIC_METADATA_HOST_KEY,
    CONFIG_KEYS,
    CONSUMER_KEYS,
    DEFAULT_ACCOUNT_NAME,
    DISABLE_DEFAULT_PROVIDERS,
    ENVIRONMENT_KEY,
    METADATA_HOST_KEY,
    MetadataHost,
    ServiceArgs,
    as_profile,
    as_written,
    cloud_of_classic_environment,
    cloud_of_environment,
    default_provider,
    default_providers_problems,
    disabled_default_providers,
    environment_problems,
    read_component_args,
    read_consumer_config,
    read_stack_config,
    stricter,
)

from .consumer_config import (
    Pieces,
    ProgramNames,
    at_their_worst,
    declaration_pieces,
    nested_use_cases,
    program_names,
)
from .declaration import (
    CONFIG_NAMING,
    DeclarationError,
    Key,
    Loc,
    Problem,
    config_mapping,
    render,
    validate,
)
from .deployment import PROJECT_NAME, STACK_NAME, reading_for
from .engine import Finding, Verdict, evaluate_use_case
from .engine import finding as engine_finding
from .facts import Text
from .models import PROJECT, Cloud, GuardProfile, UseCase
from .projectfile import ProjectFile, ProjectFiles, apply_project, attributed, read_project_file, shown
from .projects import ProjectDeclaration, decide_projects, described, with_projects
from .raw_resources import (
    Pending,
    Read,
    account_kind,
    face_account_reason,
    is_account_type,
    opaque_reason,
    opaque_text,
    us_law_enforcement_in,
    uses_account_type,
)
from .resource_texts import PROJECT_TEXT, PROJECT_TOKEN, named_texts, service_names, tag_texts
from .rules import (
    DECLARATION_INCOMPLETE,
    DECLARATION_INCONSISTENT,
    DECLARATION_MISSING,
    FR_US_LAW_ENFORCEMENT,
    Rule,
    Severity,
)
from .stackfile import (
    StackFile,
    StackFileError,
    is_json_stack_file_name,
    is_stack_file_name,
    os_error_message,
    read_stack_file,
    stack_name,
)
from .terms import FACE_LIMITED_ACCESS, Clause
from .yaml_program import (
    AZURE_NATIVE,
    MAIN_FILES,
    NamedResource,
    Program,
    RawResource,
    is_yaml_program,
    read_program,
)
from .yaml_program import YAML_COMPONENTS as YAML_COMPONENTS  # the component types, where tests and tools look
from .yaml_program import Component as YamlComponent


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
    problem_lines: tuple[int, ...] = ()
    """The line of each problem when the reader found it (a repeated key, a bad tag); 0 or missing when the
    line of the problem's path applies."""
    notes: tuple[str, ...] = ()
    """What the report must say besides the verdict: for a consumer project, that only its use case is decided."""
    program: Path | None = None
    """The project file whose YAML program was decided, when the verdict or the problems come from there: its
    findings' paths are YAML paths in it (``resources.chat.properties.useCase``), not config paths, and its problems
    and their lines are in it."""
    program_lines: Mapping[str, int] = field(default_factory=dict)
    """The line of every YAML path in :attr:`program`."""
    problem_files: tuple[Path | None, ...] = ()
    """The file of each problem that is not in :attr:`problem_file` (a key of the stack file that a YAML program's
    component reads, a key the project file sets); ``None`` or missing for :attr:`problem_file`."""
    provisions: tuple[str, ...] = ()
    """For a stack denied only for declaring nothing (``DECLARATION-MISSING``), what the checker found its project
    provisions that the guard governs, each with its file and line: a component, a raw account or a resource that
    puts one to use in its program, or a use case written in its code. Evidence that it has a use case to declare,
    so ``--skip`` (for projects that provision no Azure OpenAI) refuses its folder; empty when it found none."""

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

    def finding_location(self, finding: Finding) -> tuple[Path, int]:
        """The file and line a finding points at: the declaration in the YAML program it came from, or the stack
        file's line of its first path."""
        path = finding.paths[0] if finding.paths else ""
        if self.program is not None and path.startswith("resources."):
            return self.program, _line_in(self.program_lines, path)
        source = self.source
        if path in (STACK_NAME, PROJECT_NAME):
            # The stack's name is its file's; a project named by no project file is the stack file's namespace.
            project_file = source.project_file if source is not None else None
            return (project_file if path == PROJECT_NAME and project_file is not None else self.file), 1
        if source is not None and source.project_file is not None:
            # A key the stack file leaves to its project file's `config:` is there, where it is to be changed.
            key = f"{source.namespace}:{_TOP_KEY.split(path, maxsplit=1)[0]}"
            if key in source.from_project:
                return source.project_file, source.from_project[key]
        return self.file, self.line_of(path)

    @property
    def problem_file(self) -> Path:
        """The file the problems are in: the YAML program's ``Pulumi.yaml`` when it could not be decided, else the
        stack file."""
        return self.program if self.program is not None and self.verdict is None else self.file

    def located_problems(self) -> list[tuple[int, Problem]]:
        """Each problem with its line in its file (see :meth:`problem_places`)."""
        known = (*self.problem_lines, *(0,) * len(self.problems))
        return [(known[i] or self._line_of_problem(p), p) for i, p in enumerate(self.problems)]

    def _line_of_problem(self, problem: Problem) -> int:
        # A key of another namespace (`pulumi:disable-default-providers`) is on its own line, not under the project's.
        other = self.source.other_lines if self.source is not None else {}
        if self.source is not None and problem.namespace != self.source.namespace and problem.key in other:
            return other[problem.key]
        return self.line_of(problem.path)

    def problem_places(self) -> list[tuple[Path, int, Problem]]:
        """Each problem with the file and the line it is about, as every report points at it."""
        files = (*self.problem_files, *(None,) * len(self.problems))
        return [(files[i] or self.problem_file, line, p) for i, (line, p) in enumerate(self.located_problems())]


_TOP_KEY: Final = re.compile(r"[.\[]")
"""Where a config path's top-level key ends: ``useCase`` in ``useCase.operator``."""


def _line_in(lines: Mapping[str, int], path: str) -> int:
    """The line of ``path``, or of its nearest parent that has one, or 1."""
    while path:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return 1


def _listing(folder: Path, json: bool = False) -> list[Path]:
    """The folder's stack files, with its ``Pulumi.<stack>.json`` files when ``json``."""
    with os.scandir(folder) as entries:
        names = [e.name for e in entries if is_stack_file_name(e.name) or (json and is_json_stack_file_name(e.name))]
        return sorted((folder / name for name in names), key=lambda p: p.name)


def stack_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Each given file, and each folder's stack files in any letter case, sorted by name."""
    for path in paths:
        if path.is_dir():
            yield from _listing(path)
        else:
            yield path


def at_least(config: Mapping[str, Any], profile: GuardProfile) -> dict[str, Any]:
    """``config`` with its guard profile raised to ``profile``: ``strict`` holds a stack that declares ``terms``
    (or nothing) to the strict rules. An override never weakens a stack's own ``strict``, and leaves a profile
    that is not one of the guard's for validation to report."""
    own = config.get("guardProfile", GuardProfile.TERMS.value)
    if profile is GuardProfile.STRICT and own == GuardProfile.TERMS.value:
        return {**config, "guardProfile": GuardProfile.STRICT.value}
    return dict(config)


CONSUMER_NOTE = (
    "a consumer project: its program writes the component's service arguments in code, so the checker decides "
    "the use case (for the cloud of `azure-native:environment`), and the service is checked when the program runs"
)


UNKNOWN_CLOUD_NOTE = (
    f"`{ENVIRONMENT_KEY}` is not set, so the program chooses the cloud in code (a Government component brings its "
    "own provider), which the checker cannot see: it decided the use case for every cloud the program could deploy "
    f"to and took the worst verdict. To tell the checker the cloud, set `{ENVIRONMENT_KEY}: public` (commercial "
    "Azure) or `usgovernment` (Azure Government) in the stack config"
)


def consumer_verdict(config: Mapping[str, Any], environment: Any, namespace: str) -> tuple[Verdict, tuple[str, ...]]:
    """A consumer stack's verdict, its findings naming the keys of the consumer's ``namespace``, and the notes it
    needs. With ``azure-native:environment`` unset the cloud is an unknown fact (the program may deploy to either),
    so the use case is decided for each cloud and the worst counts: denied if any cloud denies, each finding that
    holds in some clouds only naming them. Raises :class:`DeclarationError` with every cloud's problems when any
    cloud cannot decide it."""
    verdict, notes = _consumer_verdict(config, environment)
    return _for_namespace(verdict, namespace), notes


def _consumer_verdict(config: Mapping[str, Any], environment: Any) -> tuple[Verdict, tuple[str, ...]]:
    if environment is not None:
        return read_consumer_config(config, environment=environment), (CONSUMER_NOTE,)
    verdicts: dict[str, Verdict] = {}
    problems: list[Problem] = []
    for facts in CLOUDS.values():
        try:
            verdicts[facts.display_name] = read_consumer_config(config, environment=facts.provider_environment)
        except DeclarationError as error:
            problems += [p for p in error.problems if p not in problems]
    if problems:
        raise DeclarationError(problems)
    return _worst(verdicts), (CONSUMER_NOTE, UNKNOWN_CLOUD_NOTE)


def _for_namespace(verdict: Verdict, namespace: str) -> Verdict:
    """``verdict`` with the keys its findings tell the user to write in the consumer project's namespace: its
    program reads ``support-chat:useCase``, never this library's ``azure-openai-guarded:useCase``."""
    ours = f"`{PROJECT}:"
    findings = tuple(
        replace(
            f,
            message=f.message.replace(ours, f"`{namespace}:") + (_IN_CODE if f.rule == DECLARATION_MISSING.id else ""),
        )
        for f in verdict.findings
    )
    return replace(verdict, findings=findings)


NOTHING_TO_DECLARE: Final = (
    " A project that provisions no Azure OpenAI has nothing to declare: leave its stack files out of the paths "
    "checked (with `--repository`, `--skip <its folder>`)."
)
"""What a ``DECLARATION-MISSING`` finding of a consumer's stack says last, unless the checker found what its project
provisions (see :func:`_with_provisions`)."""

_IN_CODE: Final = (
    " The checker reads a consumer's declaration from its stack config, never from its program's code (review R10): "
    "a use case written in code is decided by the component when the program runs, which the checker, the "
    "pre-commit hook and a pull request's check cannot see, so write it in the stack file and hand the component "
    '`pulumi.Config().require_object("useCase")`.' + NOTHING_TO_DECLARE
)


def _worst(verdicts: Mapping[str, Verdict]) -> Verdict:
    """One verdict for several decisions of a stack (each named, as ``For <name>:`` begins a finding that only some
    of them give): denied if any is, with every finding once."""
    findings: list[Finding] = []
    for finding in (f for v in verdicts.values() for f in v.findings):
        if finding in findings:
            continue
        where = [name for name, v in verdicts.items() if finding in v.findings]
        if len(where) < len(verdicts):
            finding = replace(finding, message=f"For {' and '.join(where)}: {finding.message}")
        findings.append(finding)
    first = next(iter(verdicts.values()))
    return replace(first, allowed=all(v.allowed for v in verdicts.values()), findings=tuple(findings))


YAML_NOTE = (
    "a Pulumi YAML program: the checker decides the use case written inline in each of its components' properties "
    "(and each Foundry project's own), for the cloud each component deploys to, reading the properties as the "
    "component does; a service field written as an interpolation is checked when the program runs"
)


INTERPOLATED = (
    "is a `${...}` interpolation or an `fn::` call, whose value the checker cannot know before the program runs, so "
    "it cannot clear the use case: write the declaration out inline"
)


def _interpolations(value: Any, path: str) -> Iterator[str]:
    """The paths in ``value`` whose value the program computes: text holding a Pulumi YAML ``${...}``
    interpolation, or a built-in function call (a mapping with an ``fn::`` key, such as ``fn::readFile``)."""
    if isinstance(value, str):
        if "${" in value:
            yield path
    elif isinstance(value, Mapping):
        if any(str(key).casefold().startswith("fn::") for key in value):
            yield path
            return
        for key, item in value.items():
            yield from _interpolations(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _interpolations(item, f"{path}[{index}]")


def _program_profile(config: Mapping[str, Any], profile: GuardProfile | None, namespace: str) -> GuardProfile | None:
    """The least profile a YAML program's components are decided under: ``profile``, raised by the project's own
    ``guardProfile`` (its namespace, as the stack and Pulumi.yaml give it), which each component applies as the
    stricter of it and its own (``components.guard.project_profile``). A value that is no profile is an error."""
    own = config.get("guardProfile")
    if own is None:
        return profile
    try:
        declared = as_profile(own)
    except ValueError as why:
        raise StackFileError([Problem((), f"`{namespace}:guardProfile` {why}")]) from None
    return declared if profile is None else stricter(declared, profile)


class ProgramError(StackFileError):
    """A YAML program that cannot be decided: each problem with its line, and its file when that is not
    ``Pulumi.yaml`` (``None`` for ``Pulumi.yaml``)."""

    def __init__(self, problems: Sequence[Problem], lines: Sequence[int], files: Sequence[Path | None]) -> None:
        super().__init__(problems, lines)
        self.problem_files = tuple(files)


def _environment_problems(component: YamlComponent, source: StackFile, where: str) -> list[Placed]:
    """Why the stack's default provider, which a component given no azure-native provider deploys with, contradicts
    the component's cloud, each at the key of the stack (or of its project file) that says so. Each component
    given no azure-native provider checks the stack's ``azure-native:environment`` (or ``metadataHost``) with this
    same function against its own cloud: the Government one too, though it brings its own provider, since it reads
    its arguments as a component on the default provider does (``components.guard.read_args``)."""
    cloud = cloud_of_environment(component.environment) or COMMERCIAL
    if component.routes:
        return []
    chosen = default_provider(source.other_config)
    key = METADATA_HOST_KEY if isinstance(chosen, MetadataHost) else ENVIRONMENT_KEY
    file, line = _key_place(source, key)
    return [
        (
            Problem("", f"`{key}`: for resource `{component.name}` (`{where}`: `{component.resource}`): {p.message}"),
            file,
            line,
        )
        for p in environment_problems(chosen, cloud, ())
    ]


def _yaml_verdict(
    project: ProjectFile, program: Program, profile: GuardProfile | None, source: StackFile
) -> Verdict | None:
    """The worst verdict of the package's components declared in a Pulumi YAML program, each decided from its inline
    properties, with the stack's config (``source``) as the components read it; ``None`` when the project is no YAML
    program or declares none. Raises :class:`ProgramError` with every problem and its line: a program the checker
    cannot read as pulumi-yaml runs it (see :mod:`.yaml_program`), a declaration that is not written out (an
    interpolation), which is an unknown fact, an azure-native provider in a component's options, or a stack whose
    default provider deploys elsewhere than a commercial component's cloud."""
    components = program.components
    located = list(program.unreadable)
    if not located and not components:
        return None
    where = shown(project.path)
    verdicts: dict[str, Verdict] = {}
    elsewhere: list[Placed] = []
    # What pulumi-yaml puts in for these, the checker knows too: a name built from them is read whole.
    known = _known_values(project, source)
    structures = _known_structures(source)
    for component in components if not located else ():
        at = f"`{where}`: `{component.at}"
        located += component.routes
        elsewhere += _environment_problems(component, source, where)
        if isinstance(component.properties, Mapping):
            written = _declaration_put_in(component.properties, known, structures)
            component = replace(component, properties=written)
        properties = component.properties
        unknown = _declaring_interpolations(properties) if isinstance(properties, Mapping) else []
        if unknown:
            located += [(Problem("", f"{at}.{path}` {INTERPOLATED}"), f"{component.at}.{path}") for path in unknown]
            continue
        try:
            verdicts[component.name] = _in_program(_component_verdict(component, profile, known), component)
        except DeclarationError as error:
            for p in error.problems:
                path = p.path_in(CONFIG_NAMING)
                message = f"{at}.{path}`: {p.message}" if p.loc else f"{at}`: {p.message}"
                located.append((Problem("", message), f"{component.at}.{path}" if p.loc else component.at))
    if located or elsewhere:
        lines = [path if isinstance(path, int) else _line_in(project.document_lines, path) for _, path in located]
        raise ProgramError(
            [*(problem for problem, _ in located), *(problem for problem, _, _ in elsewhere)],
            [*lines, *(line for _, _, line in elsewhere)],
            [*(None for _ in located), *(file for _, file, _ in elsewhere)],
        )
    named = program.named
    # The pack reads a raw resource under the component it descends from; one beside them all under the config's
    # declaration when the stack declares one (read by `_program_resources`), else under each component beside.
    beneath = {r.name: r.beneath for r in program.raw}
    declared = "useCase" in source.config
    for component in components:
        governed = [
            r for r in named if beneath.get(r.name) == component.name or (beneath.get(r.name) is None and not declared)
        ]
        below = frozenset(r.name for r in governed if beneath.get(r.name) == component.name)
        verdicts |= _beside(component, verdicts[component.name], governed, known, below)
    first = next(iter(verdicts.values()))
    findings = tuple(f for v in verdicts.values() for f in v.findings)
    verdict = replace(first, allowed=all(v.allowed for v in verdicts.values()), findings=findings)
    return verdict if declared else _with_raw_accounts(verdict, program.raw)


def _deny(rule: Rule, message: str, paths: tuple[str, ...], clause: Clause | None = None) -> Finding:
    """A denial of ``rule``'s kind with ``message`` as the pack words it (no rule of the engine's decides it)."""
    clause = clause or rule.clause
    return Finding(
        rule=rule.id,
        severity=Severity.DENY,
        title=rule.title,
        message=message,
        source=clause.source if clause else rule.source,
        clause=clause.wording if clause else None,
        paths=paths,
    )


def _clouds_of(environment: Any) -> tuple[CloudFacts, ...]:
    """The clouds an azure-native ``environment`` may send resources to: its own, or every cloud when it is not
    written out (unset, computed, a metadata host, whose cloud is whatever its endpoint says)."""
    named = cloud_of_environment(environment) if isinstance(environment, str) and "${" not in environment else None
    return (named,) if named is not None else tuple(CLOUDS.values())


def _provider_clouds(properties: Mapping[str, Any] | None) -> tuple[CloudFacts, ...]:
    """Where an Azure provider resource of a YAML program (``pulumi:providers:azure-native`` or the classic
    ``pulumi:providers:azure``; its ``properties``, ``None`` for a reference the checker cannot follow) sends
    resources, as ``cloud_of_provider_props`` reads a provider: any
    ``metadataHost`` or an environment not written out may be any cloud."""
    if properties is None or properties.get("metadataHost") is not None:
        return tuple(CLOUDS.values())
    return _clouds_of(properties.get("environment"))


def _yaml_reader(properties: Mapping[str, Any], known: Mapping[str, str]) -> Read:
    """A raw resource's properties as :mod:`.raw_resources` reads inputs: an interpolation whose value the checker
    knows put in, any other (or an ``fn::`` call) a :class:`Pending`, as the pack sees an output not yet known."""

    def plain(value: Any, path: str) -> Any:
        if isinstance(value, str) and "${" in value:
            names = [m.group(1).strip() for m in _INTERPOLATION.finditer(value)]
            return _put_in(value, known) if all(n in known for n in names) else Pending(path)
        if isinstance(value, Mapping):
            if any(str(key).casefold().startswith("fn::") for key in value):
                return Pending(path)
            items = {str(k): plain(v, f"{path}.{k}") for k, v in value.items()}
            return next((v for v in items.values() if isinstance(v, Pending)), items)
        if isinstance(value, list):
            listed = [plain(v, f"{path}[{i}]") for i, v in enumerate(value)]
            return next((v for v in listed if isinstance(v, Pending)), listed)
        return value

    def read(key: str) -> Any:
        value: Any = properties
        for part in key.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        return None if value is None else plain(value, key)

    return read


def _classic_clouds(source: StackFile) -> dict[CloudFacts, str]:
    """The cloud the stack's default classic provider deploys to, when ``azure:environment`` names one other than
    the default azure-native provider's, with what sends resources there: a program may create its accounts with
    the classic provider, whichever cloud azure-native's environment names."""
    named = source.other_config.get(CLASSIC_ENVIRONMENT_KEY)
    host = source.other_config.get(CLASSIC_METADATA_HOST_KEY)
    default = _clouds_of(default_provider(source.other_config))
    # A cloud read from an endpoint, a setting that is no name, or a name of no known cloud may be any cloud
    # (review R14 F1).
    if host not in (None, ""):
        unplaced = f"`{CLASSIC_METADATA_HOST_KEY}: {as_written(host)}`"
    elif named is None:
        return {}
    elif not isinstance(named, str):
        unplaced = f"`{CLASSIC_ENVIRONMENT_KEY}: {as_written(named)}`"
    elif (cloud := cloud_of_classic_environment(named)) is None:
        unplaced = f"`{CLASSIC_ENVIRONMENT_KEY}: {named}`, which names no cloud the checker knows,"
    elif cloud in default:
        return {}
    else:
        return {cloud: f"the classic provider's `{CLASSIC_ENVIRONMENT_KEY}: {named}` sends its resources"}
    return {c: f"the classic provider's {unplaced} may send its resources" for c in CLOUDS.values() if c not in default}


def _government_in_program(source: StackFile, names: ProgramNames | None) -> dict[CloudFacts, str]:
    """Azure Government, with where a consumer's program names it (``names``, see
    :func:`.consumer_config.program_names`), when the default provider's environment says another cloud: the
    Government component brings its own provider, so the declaration is decided for Azure Government too, as the
    component decides it when the program runs."""
    if names is None or names.government is None or GOVERNMENT in _clouds_of(default_provider(source.other_config)):
        return {}
    return {GOVERNMENT: names.government}


NOTHING_GOVERNED_NOTE: Final = (
    "a Pulumi YAML program that declares none of the components and creates no Cognitive Services or Machine "
    "Learning resource, nor any resource whose contents the checker cannot read (a generic or template resource, "
    "a deployment script): it provisions no Azure OpenAI, so it has nothing to declare"
)


def _nothing_governed(verdict: Verdict, program: Program, project: ProjectFile, source: StackFile) -> bool:
    """Whether a consumer's YAML program, read whole, creates nothing the guard governs, while the stack declares
    no use case: then the only finding, ``DECLARATION-MISSING``, would say what is untrue (review R13: a storage
    account's project was denied as one that provisions Azure OpenAI). The pack finds nothing there either."""
    if source.namespace == PROJECT or program.components or program.unreadable:
        return False
    # A program pulumi-yaml would refuse to run is no program read whole.
    document = {str(k).casefold(): v for k, v in project.document.items()}
    if not isinstance(document.get("resources"), Mapping) or not isinstance(document.get("variables", {}), Mapping):
        return False
    if not verdict.findings or any(f.rule != DECLARATION_MISSING.id for f in verdict.findings):
        return False
    known = _known_values(project, source)
    return not any(
        r.token.split(":", 1)[0] not in _READ_PACKAGES
        or is_account_type(r.token)
        or uses_account_type(r.token)
        or opaque_reason(r.token, _yaml_reader(r.properties, known)) is not None
        for r in program.raw
    )


_READ_PACKAGES: Final = frozenset({"azure-native", "azure", "azapi", "command", "random", "tls", "time", "pulumi"})
"""The packages whose resources the checker reads as the pack does: a resource of any other (a component of
another package) may provision Azure OpenAI itself."""


def _raw_accounts_in_program(
    verdict: Verdict,
    source: StackFile,
    config: Mapping[str, Any],
    names: ProgramNames | None,
    elsewhere: Mapping[CloudFacts, str],
) -> Verdict:
    """``verdict`` on a consumer's declaration, denied as the pack's ``face-not-for-us-law-enforcement`` denies when
    its program's source names a Cognitive Services or Machine Learning resource, or Face (``names``), and the
    declaration may be by or for US law enforcement in a cloud it is decided for (the default provider's, every
    one when it names none, and ``elsewhere``): the kind of an account made in code is known only when it runs,
    so it may be Face (review R13)."""
    if names is None or names.raw_account is None or "useCase" not in config:
        return verdict
    named = names.raw_account
    path = f"{source.namespace}:useCase"
    reached = dict.fromkeys([*_clouds_of(default_provider(source.other_config)), *elsewhere])
    declared = [(path, _use_case_of(config["useCase"], ("useCase",)), [c.cloud for c in reached])]
    reason = face_account_reason("made in the program's code", Pending("kind"), declared, source.namespace)
    if reason is None:
        return verdict
    evidence, _ = us_law_enforcement_in(declared)
    rule = FR_US_LAW_ENFORCEMENT if evidence else DECLARATION_INCOMPLETE
    said = f"The program's source may create an account the checker cannot read ({named}). {reason}"
    finding = _deny(rule, said, (path,), FACE_LIMITED_ACCESS)
    return replace(verdict, allowed=False, findings=(*verdict.findings, finding))


def _use_case_in_code(
    verdict: Verdict, source: StackFile, config: Mapping[str, Any], names: ProgramNames | None
) -> Verdict:
    """``verdict`` on a consumer's declaration, denied as incomplete when its program's source writes a use case's
    own fields (``names.use_case_written``): the component decides that use case when the program runs, and the
    declaration in the stack's config, which the checker decides, may be a harmless one beside it (review R20 A2)."""
    if names is None or names.use_case_written is None or "useCase" not in config:
        return verdict
    path = f"{source.namespace}:useCase"
    said = (
        f"The program's source writes a use case's fields ({names.use_case_written}), which the checker cannot "
        "read as a declaration: the component decides that use case when the program runs, so "
        f"`{path}` may not be the one it is handed. Write the use case in the stack file as `{path}` and hand the "
        'component `pulumi.Config().require_object("useCase")`, so that the checker, the pull request and the program '
        "decide the same one."
    )
    finding = _deny(DECLARATION_INCOMPLETE, said, (path,))
    return replace(verdict, allowed=False, findings=(*verdict.findings, finding))


def _decided_elsewhere(
    verdict: Verdict, config: Mapping[str, Any], namespace: str, elsewhere: Mapping[CloudFacts, str]
) -> Verdict:
    """``verdict`` with the config's declaration (its ``useCase`` and ``guardProfile``) decided again for each cloud
    of ``elsewhere`` (what sends resources there), each finding it adds naming that cloud: Azure Government is US
    jurisdiction, whatever the default azure-native provider's cloud. Raises :class:`DeclarationError` when it
    cannot be decided there."""
    declaring = {key: value for key, value in config.items() if key in CONSUMER_KEYS}
    if "useCase" not in declaring or not elsewhere:
        return verdict
    findings = list(verdict.findings)
    allowed = verdict.allowed
    for cloud, why in elsewhere.items():
        there = _for_namespace(read_consumer_config(declaring, environment=cloud.provider_environment), namespace)
        said = f"For {cloud.display_name}, where {why}: "
        findings += [replace(f, message=said + f.message) for f in there.findings if f not in verdict.findings]
        allowed = allowed and there.allowed
    return replace(verdict, allowed=allowed, findings=tuple(findings))


def _use_case_of(written: Any, at: Loc) -> UseCase | None:
    """The use case ``written`` declares, or ``None`` when it declares none that validates (its verdict says why)."""
    if written is None:
        return None
    try:
        return validate(UseCase, config_mapping(written, at), spelling="config")
    except DeclarationError:
        return None


def _program_resources(
    verdict: Verdict, project: ProjectFile, program: Program, source: StackFile, config: Mapping[str, Any]
) -> Verdict:
    """``verdict`` with a YAML program's raw resources judged as the pack's mandatory use-case rules judge them
    when the program runs, so that the gates that run only the checker refuse what the pack would:

    * a generic, template or azapi resource that creates (or may create) a Cognitive Services or Machine Learning
      resource is refused outright (``account-use-case-declared``);
    * an account that is or may be Face, in a stack any of whose declarations may be by or for US law enforcement
      (``face-not-for-us-law-enforcement``);
    * a resource beneath a component that an explicit provider sends to another cloud than the component decided
      for (``guard-cloud-matches-provider``);
    * the stack config's declaration decided also for each cloud an explicit provider sends a raw resource to:
      Azure Government is US jurisdiction, whatever the default provider's cloud.

    Raises :class:`DeclarationError` when the config's declaration cannot be decided for such a cloud."""
    raw = program.raw
    if not raw:
        return verdict
    components = {c.name: c for c in program.components}
    known = _known_values(project, source)
    findings: list[Finding] = []
    allowed = verdict.allowed
    config_clouds = [*_clouds_of(default_provider(source.other_config)), *_classic_clouds(source)]
    sent: dict[CloudFacts, list[str]] = {}
    placed: list[str] = []
    for resource in raw:
        classic = resource.token.startswith("azure:")
        if not classic and not resource.token.startswith(f"{AZURE_NATIVE}:"):
            continue
        owner = components.get(resource.beneath) if resource.beneath is not None else None
        decided = (cloud_of_environment(owner.environment) or COMMERCIAL) if owner is not None else None
        routes = [(f"`{name}`", _provider_clouds(properties)) for name, properties in resource.providers]
        if not routes and owner is not None:
            # A child given no provider goes through the stack's default one (the classic provider's for a classic
            # resource), public when nothing names a cloud, as the components read it.
            chosen = (
                source.other_config.get(CLASSIC_ENVIRONMENT_KEY) if classic else default_provider(source.other_config)
            )
            routes = [("(the stack's default)", _clouds_of(chosen) if chosen is not None else (COMMERCIAL,))]
        for name, clouds in routes:
            for cloud in clouds:
                if decided is not None and cloud != decided and owner is not None:
                    findings.append(
                        _deny(
                            DECLARATION_INCONSISTENT,
                            f"For resource `{resource.name}`: it is beneath `{owner.name}` "
                            f"({owner.token.rsplit(':', 1)[-1]}), which decided its use case for "
                            f"{decided.display_name} (`{decided.provider_environment}`), but its provider {name} "
                            f"may deploy to {cloud.display_name} (`{cloud.provider_environment}`), so the pack's "
                            f"`guard-cloud-matches-provider` refuses it. {CLOUD_FIX}",
                            (f"resources.{resource.name}",),
                        )
                    )
                elif decided is None and cloud not in config_clouds:
                    sent.setdefault(cloud, []).append(f"`{resource.name}` (provider {name})")
        location = resource.properties.get("location") if isinstance(resource.properties, Mapping) else None
        if owner is None and government_region(location) and GOVERNMENT not in config_clouds:
            # A resource placed in a Government region is meant for Azure Government, whatever its provider says,
            # as the pack reads it (review R14 F11).
            placed.append(f"`{resource.name}` in {location}")
    elsewhere = {cloud: f"the program's provider sends {', '.join(where)}" for cloud, where in sent.items()}
    if placed:
        elsewhere[GOVERNMENT] = f"the program places {', '.join(placed)}, an {GOVERNMENT.display_name} region"
    verdict = _decided_elsewhere(verdict, config, source.namespace, elsewhere)
    allowed = verdict.allowed
    if "useCase" in config:
        config_clouds += elsewhere
        ungoverned = {r.name for r in raw if r.beneath is None}
        named = [r for r in program.named if r.name in ungoverned]
        findings += _config_texts(config, source.namespace, named, known, config_clouds)
    declared: list[tuple[str, UseCase | None, Sequence[Cloud]]] = []
    if "useCase" in config:
        path = "useCase" if source.namespace == PROJECT else f"{source.namespace}:useCase"
        declared.append((path, _use_case_of(config["useCase"], ("useCase",)), [c.cloud for c in config_clouds]))
    for component in components.values():
        properties = component.properties if isinstance(component.properties, Mapping) else {}
        its = (cloud_of_environment(component.environment) or COMMERCIAL).cloud
        declared.append((f"{component.at}.useCase", _use_case_of(properties.get("useCase"), ("useCase",)), [its]))
        try:
            projects = inline_projects(properties.get("projects"))
        except DeclarationError:
            projects = ()
        declared += [(f"{component.at}.{p.path}", p.use_case, [its]) for p in projects if p.use_case is not None]
    for resource in raw:
        read = _yaml_reader(resource.properties, known)
        paths = (f"resources.{resource.name}",)
        opaque = opaque_reason(resource.token, read)
        if opaque is not None:
            message = opaque_text(resource.token, resource.name, opaque)
            findings.append(_deny(DECLARATION_MISSING, f"For resource `{resource.name}`: {message}", paths))
        elif is_account_type(resource.token):
            face = face_account_reason(resource.name, account_kind(read, resource.token), declared, source.namespace)
            if face is not None:
                evidence, _ = us_law_enforcement_in(declared)
                rule = FR_US_LAW_ENFORCEMENT if evidence else DECLARATION_INCOMPLETE
                rule = rule if any(u is not None for _, u, _ in declared) else DECLARATION_MISSING
                findings.append(_deny(rule, face, paths, FACE_LIMITED_ACCESS))
    if not findings:
        return verdict
    return replace(
        verdict,
        allowed=allowed and not any(f.severity is Severity.DENY for f in findings),
        findings=(*verdict.findings, *findings),
    )


def _config_texts(
    config: Mapping[str, Any],
    namespace: str,
    named: Sequence[NamedResource],
    known: Mapping[str, str],
    clouds: Sequence[CloudFacts],
) -> list[Finding]:
    """The config's declaration read with the names and tags of each raw resource it governs (``named``: those no
    component is above), in each cloud it is decided for, as the pack reads a resource beside the components under
    the stack's declaration: the denials for each whose text the declaration contradicts. None when the
    declaration cannot be read or is denied already (its own verdict says why)."""
    declaring = {key: value for key, value in config.items() if key in CONSUMER_KEYS}
    bases: dict[CloudFacts, Verdict] = {}
    for cloud in dict.fromkeys(clouds):
        try:
            bases[cloud] = read_consumer_config(declaring, environment=cloud.provider_environment)
        except DeclarationError:
            continue
    findings: list[Finding] = []
    for resource in named:
        texts = _raw_texts(resource, known)
        if not texts:
            continue
        for cloud, base in bases.items():
            if not base.allowed:
                continue
            there = read_consumer_config(declaring, environment=cloud.provider_environment, described=texts)
            if there.allowed:
                continue
            said = f"For resource `{resource.name}`, read under `{namespace}:useCase` in {cloud.display_name}: "
            added = [f for f in there.findings if f not in base.findings] or list(there.denials)
            shown = _for_namespace(replace(there, findings=tuple(added)), namespace).findings
            findings += [replace(f, message=said + f.message) for f in shown]
            break  # one cloud's denial refuses the resource; the others' would repeat it
    return findings


CLOUD_FIX: Final = (
    "Provision the resource with the component for the cloud its provider deploys to (AzureOpenAIService for "
    "commercial Azure, AzureGovernmentOpenAIService for Azure Government), or give it no provider of another cloud"
)


def _with_raw_accounts(verdict: Verdict, raw: Sequence[RawResource]) -> Verdict:
    """``verdict`` denied for each raw account the YAML program declares beside its components rather than beneath
    one (``options.parent``, up its parents' chain), and for each resource that puts an account's models or tools to
    use there (a deployment, a Foundry project, a connection, a capability host on an account the stack may not
    create), the stack's config declaring no use case: the pack passes them only under a component it decided
    allowed, or a config declaration that allows them. "An account" is the pack's (``is_account_type``): a Foundry
    hub or project and the classic AI Services resource are accounts too."""
    beside = [r for r in raw if r.beneath is None and (is_account_type(r.token) or uses_account_type(r.token))]
    if not beside:
        return verdict
    findings = tuple(
        engine_finding(
            DECLARATION_MISSING,
            f"For resource `{r.name}`: "
            + (
                "the account is"
                if is_account_type(r.token)
                else f"it puts a Cognitive Services account's models or tools to use ({r.token.rsplit(':', 1)[-1]}) "
                "and is"
            )
            + " beside the program's components, not beneath one (`options.parent`), and the stack's config "
            "declares no use case, so no declaration governs it",
            (f"resources.{r.name}",),
        )
        for r in beside
    )
    return replace(verdict, allowed=False, findings=(*verdict.findings, *findings))


def _known_values(project: ProjectFile, source: StackFile) -> dict[str, str]:
    """What pulumi-yaml puts in for an interpolation that the checker knows too: ``${pulumi.stack}``,
    ``${pulumi.project}``, the stack's config values that are plain text (``${accountName}``, also by its full key
    ``${records-desk:accountName}``, the project file's defaults applied) and the program's literal ``variables``."""
    config = {key: value for key, value in source.config.items() if isinstance(value, str)}
    others = {key: value for key, value in source.other_config.items() if isinstance(value, str)}
    return {
        **config,
        **{f"{source.namespace}:{key}": value for key, value in config.items()},
        **others,
        "pulumi.stack": source.stack,
        "pulumi.project": project.name,
        **_literal_variables(project),
    }


def _literal_variables(project: ProjectFile) -> dict[str, str]:
    """The program's ``variables`` written out as plain text, which pulumi-yaml puts in for ``${name}``."""
    variables = next((v for k, v in project.document.items() if str(k).casefold() == "variables"), None)
    if not isinstance(variables, Mapping):
        return {}
    return {str(k): v for k, v in variables.items() if isinstance(v, str) and "${" not in v}


def _beside(
    component: YamlComponent,
    verdict: Verdict,
    named: Sequence[NamedResource],
    known: Mapping[str, str],
    beneath: frozenset[str] = frozenset(),
) -> dict[str, Verdict]:
    """The raw resources of kinds the components create (a Foundry project on the component's account), each
    read with its names and tags under ``component``'s declaration, as the pack reads them: a verdict for each
    whose text that declaration contradicts, keyed by the resource and the component. A Foundry project that
    descends from the component (``beneath``) and that the component's ``projects`` list by its ``projectName``
    with a declaration of its own is read under that one, as the pack reads it."""
    properties = component.properties
    if not verdict.allowed or not named or not isinstance(properties, Mapping) or "useCase" not in properties:
        return {}
    use_case = validate(UseCase, config_mapping(properties["useCase"], ("useCase",)), spelling="config")
    try:
        listed = {p.name.lower(): p for p in inline_projects(properties.get("projects")) if p.use_case is not None}
    except DeclarationError:
        listed = {}
    cloud = cloud_of_environment(component.environment) or COMMERCIAL
    read: dict[str, Verdict] = {}
    for resource in named:
        texts = _raw_texts(resource, known)
        project_name = resource.properties.get("projectName") if PROJECT_TOKEN.fullmatch(resource.token) else None
        own = listed.get(project_name.lower()) if resource.name in beneath and isinstance(project_name, str) else None
        governing = own.use_case if own is not None and own.use_case is not None else use_case
        beside = evaluate_use_case(governing, cloud.cloud, verdict.profile, texts) if texts else verdict
        if not beside.allowed:
            whose = f"`{component.at}.{own.path}`" if own is not None else f"resource `{component.name}`"
            said = f"For resource `{resource.name}`, read under the declaration of {whose}: "
            findings = tuple(replace(f, message=said + f.message) for f in beside.findings)
            read[f"{resource.name} beside {component.name}"] = replace(beside, findings=findings)
    return read


def _raw_texts(resource: NamedResource, known: Mapping[str, str]) -> tuple[Text, ...]:
    """A raw resource's names and tags as its properties write them, read as ``_written_texts`` reads a
    component's: the interpolations the checker knows put in, the words around any other read."""

    def at(path: str) -> object:
        value: object = resource.properties
        for key in path.split("."):
            value = value.get(key) if isinstance(value, Mapping) else None
        return value

    tags = at("tags")
    found = named_texts(resource.token, at, tags if isinstance(tags, Mapping) else None) or {}
    written = {key: _put_in(value, known) for key, value in found.items()}
    return described(written, f"resources.{resource.name}.properties", tuple(written))


def _put_in(value: object, known: Mapping[str, str]) -> str | None:
    """``value`` as far as it is written out: the interpolations whose values the checker knows (``known``) put
    in, any other left out; ``None`` for a value that is not text."""
    if not isinstance(value, str):
        return None
    return _INTERPOLATION.sub(lambda match: known.get(match.group(1).strip(), " "), value)


def _in_program(verdict: Verdict, component: YamlComponent) -> Verdict:
    """``verdict`` with each finding naming the component's resource and pointing at its declaration in the
    program (``resources.chat.properties.useCase.operator``), where reports locate it."""
    findings = tuple(
        replace(
            f,
            message=f"For resource `{component.name}`: {f.message}",
            paths=tuple(f"{component.at}.{p}" for p in f.paths),
        )
        for f in verdict.findings
    )
    return replace(verdict, findings=findings)


def _declaring_interpolations(properties: Mapping[str, Any]) -> list[str]:
    """The paths of the interpolations in what the guard decides: the use case, the guard profile, and each Foundry
    project's use case, display name and description, which the tripwire reads with the purpose. A name is read
    around its interpolations (``proj-${pulumi.stack}``), as the service's names are; a project's other fields,
    like the service's, do not change the verdict."""
    paths = [path for key in CONSUMER_KEYS if key in properties for path in _interpolations(properties[key], key)]
    projects = properties.get("projects")
    if not isinstance(projects, list):
        return [*paths, *_interpolations(projects, "projects")]
    for i, entry in enumerate(projects):
        if not isinstance(entry, Mapping):
            paths += _interpolations(entry, f"projects[{i}]")
            continue
        for key in ("useCase", *PROJECT_TEXT):
            if key in entry:
                paths += _interpolations(entry[key], f"projects[{i}].{key}")
    return paths


def _component_verdict(component: YamlComponent, profile: GuardProfile | None, known: Mapping[str, str]) -> Verdict:
    """A component's verdict from its inline properties (whose declaration holds no interpolation), read as the
    component provider reads its inputs: the account's use case and each Foundry project's own, decided by the
    components' reader. With every property written out, the whole inputs are read, the service checked as the
    component checks it; a service field interpolated from config or another resource is known only when the
    program runs, so then the declaration alone is decided (its use cases, profile and projects), as a consumer's
    is."""
    properties = component.properties
    if not isinstance(properties, Mapping):
        raise DeclarationError([Problem((), "must be a mapping that declares `useCase` inline")])
    if problems := _yaml_typed_problems(properties):
        raise DeclarationError(problems)
    args = dict(properties) if profile is None else at_least(properties, profile)
    cloud = cloud_of_environment(component.environment) or COMMERCIAL
    if not any(True for _ in _interpolations(properties, "")):
        declared = read_component_args(
            args, cloud, spelling="config", environment=component.environment, resource_name=component.name
        )
        return declared.verdict_with_projects
    written_out = _written_out_problems(properties)
    try:
        texts = _written_texts(properties, component.name, known)
        verdict = read_consumer_config(args, environment=component.environment, described=texts)
        projects = inline_projects(properties.get("projects"))
    except DeclarationError as error:
        # One problem per key: the components' reader's own words where both readers find it (`use_case:`).
        paths = {p.path for p in written_out}
        raise DeclarationError([*written_out, *(p for p in error.problems if p.path not in paths)]) from None
    if written_out:
        raise DeclarationError(written_out)
    if not projects:
        return verdict
    written = properties.get("useCase")
    account = None if written is None else validate(UseCase, config_mapping(written, ("useCase",)), spelling="config")
    return with_projects(verdict, decide_projects(projects, account, cloud.cloud, verdict.profile, account=texts))


_YAML_REFUSES_TEXT: Final = (
    "is a string, which Pulumi YAML's type checker refuses where the component's schema takes an object (\"Cannot "
    "assign type 'string'\"), before the component sees it: write the declaration as a mapping"
)


def _yaml_typed_problems(properties: Mapping[str, Any]) -> list[Problem]:
    """A declaration a YAML program writes as a string (JSON text) where the package's schema types it as an object:
    the component's ``useCase``, which the YAML language host refuses as it checks the program's types, before the
    component runs (review R23), where every other entry point accepts JSON text, since Pulumi hands a program and
    a pack all objects as text. A Foundry project's ``useCase``, which the schema leaves untyped, is read as JSON
    text as the component reads it."""
    if isinstance(properties.get("useCase"), str):
        return [Problem((Key("useCase"),), _YAML_REFUSES_TEXT)]
    return []


_INTERPOLATION: Final = re.compile(r"\$\{([^}]*)\}")


def _known_structures(source: StackFile) -> dict[str, Any]:
    """The stack's config values that are mappings or lists, by key and by full key: what pulumi-yaml puts in for a
    whole value written ``${uc}`` (review R10: a use case kept in the stack file, handed to the component whole)."""
    config = {key: value for key, value in source.config.items() if isinstance(value, (Mapping, list))}
    others = {key: value for key, value in source.other_config.items() if isinstance(value, (Mapping, list))}
    return {**config, **{f"{source.namespace}:{key}": value for key, value in config.items()}, **others}


def _declaration_put_in(
    properties: Mapping[str, Any], known: Mapping[str, str], structures: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """``properties`` with each interpolation in what the guard decides (the use case, the profile, each Foundry
    project's use case and texts) put in where pulumi-yaml's value is known to the checker too (``known``:
    ``name: support-${pulumi.stack}``; ``structures``: ``useCase: ${uc}``, a config value whole), so such a
    declaration is written out as the component reads it."""

    def put_in(value: Any, whole_values: bool = True) -> Any:
        whole = _INTERPOLATION.fullmatch(value) if isinstance(value, str) and whole_values else None
        if whole is not None and structures and whole.group(1).strip() in structures:
            # A config value is put in once: pulumi-yaml does not interpolate inside it again.
            return put_in(copy.deepcopy(structures[whole.group(1).strip()]), whole_values=False)
        if isinstance(value, str) and "${" in value and "$${" not in value:
            keys = [match.group(1).strip() for match in _INTERPOLATION.finditer(value)]
            if all(key in known for key in keys) and whole_values:
                return _INTERPOLATION.sub(lambda match: known[match.group(1).strip()], value)
            return value
        if isinstance(value, Mapping):
            return {key: put_in(item, whole_values) for key, item in value.items()}
        if isinstance(value, list):
            return [put_in(item, whole_values) for item in value]
        return value

    written = dict(properties)
    for key in CONSUMER_KEYS:
        if key in written:
            written[key] = put_in(written[key])
    projects = written.get("projects")
    if isinstance(projects, list):
        written["projects"] = [
            {k: put_in(v) if k in ("useCase", *PROJECT_TEXT) else v for k, v in entry.items()}
            if isinstance(entry, Mapping)
            else entry
            for entry in projects
        ]
    return written


def _written_texts(properties: Mapping[str, Any], resource_name: str, known: Mapping[str, str]) -> tuple[Text, ...]:
    """The service's names and tags (see ``service_texts``) as far as the program writes them out, with the
    interpolations whose values the checker knows (``known``: ``${pulumi.stack}``, ``${pulumi.project}``) put in:
    any other's value is known only when the program runs (the pack reads it then), so only the words around it
    are read (``nypd-face-${location}``); a name the program computes whole is not read here. The fields are
    ``SERVICE_NAMES``, as ``service_texts`` reads them, in the names a YAML program writes."""

    def path(steps: tuple[str | int, ...]) -> str:
        return "".join(f"[{step}]" if isinstance(step, int) else f".{to_camel(step)}" for step in steps).lstrip(".")

    def entry_field(entry: Any, field: str) -> Any:
        return entry.get(to_camel(field)) if isinstance(entry, Mapping) else None

    names = service_names(lambda field: properties.get(to_camel(field)), entry_field)
    tags = properties.get("tags")
    found: list[tuple[str, object]] = [
        (path(steps), value)
        if steps != ("account_name",) or "accountName" in properties
        else (DEFAULT_ACCOUNT_NAME, resource_name)
        for steps, value in names
    ]
    found += tag_texts(tags, "tags").items() if isinstance(tags, Mapping) else ()
    return tuple((path, text) for path, value in found if (text := _put_in(value, known)) and text.strip())


def inline_projects(projects: Any) -> tuple[ProjectDeclaration, ...]:
    """Each Foundry project in a component's ``projects`` with its own declaration, read as the components read a
    project's ``useCase`` (a string holding one JSON object decoded); raises :class:`DeclarationError` with every
    problem, each at its path."""
    if projects is None:
        return ()
    if not isinstance(projects, list):
        raise DeclarationError([Problem(("projects",), "must be a list of projects")])
    declarations: list[ProjectDeclaration] = []
    problems: list[Problem] = []
    for i, entry in enumerate(projects):
        at: Loc = ("projects", i)
        if not isinstance(entry, Mapping) or not isinstance(entry.get("name"), str):
            problems.append(Problem(at, "must be a mapping with the project's `name` (text)"))
            continue
        path = f"projects[{i}].useCase"
        texts = described(entry, f"projects[{i}]", ("name", *PROJECT_TEXT))
        if entry.get("useCase") is None:
            declarations.append(ProjectDeclaration(entry["name"], None, path, texts))
            continue
        try:
            raw = config_mapping(entry["useCase"], (*at, "useCase"))
            use_case = validate(UseCase, raw, (*at, "useCase"), spelling="config")
            declarations.append(ProjectDeclaration(entry["name"], use_case, path, texts))
        except DeclarationError as error:
            problems += error.problems
    if problems:
        raise DeclarationError(problems)
    return tuple(declarations)


def _written_out_problems(properties: Mapping[str, Any]) -> list[Problem]:
    """What the components' reader finds wrong in a component's properties when the program computes some of them:
    every key (an unknown one, such as `locaton:` or a project's declaration written `use_case:`, or one field in
    two spellings) and every value written out, read by the components' own argument model, projects included. A
    value the program computes (an interpolation, an ``fn::`` call) is known only when it runs, so it is not read
    here, nor are the checks that combine fields (a region's models), which need them all; the declarations (the use
    cases and the profile) are read by the caller."""
    skipped = [path for key, value in properties.items() for path in _interpolations(value, str(key))]
    skipped += [*CONSUMER_KEYS, *(f"projects[{i}].useCase" for i in range(len(_listed(properties.get("projects")))))]
    try:
        validate(ServiceArgs, dict(properties), spelling="config")
    except DeclarationError as error:
        return [p for p in error.problems if not any(_within(p.path_in(CONFIG_NAMING), s) for s in skipped)]
    return []


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _within(path: str, parent: str) -> bool:
    return path == parent or path.startswith((parent + ".", parent + "["))


def _read(path: Path, projects: ProjectFiles, namespace: str | None) -> tuple[StackFile, ProjectFile | None]:
    """The stack file, its own keys read in its project's namespace (the project file's ``name``; without a
    project file, ``namespace`` or this project's), with the project's config applied."""
    try:
        project = projects.project_of(path)
    except StackFileError as error:
        read_stack_file(path, namespace or PROJECT)  # the stack file's own problems come first
        raise error from None
    source = read_stack_file(path, project.name if project is not None else namespace or PROJECT)
    return (source if project is None else apply_project(source, project)), project


def check_file(
    path: Path,
    profile: GuardProfile | None = None,
    projects: ProjectFiles | None = None,
    namespace: str | None = None,
) -> CheckResult:
    """Read, validate and decide one stack file, with its project file's config applied as Pulumi applies it, under
    at least ``profile`` when one is given. ``projects`` reads each project file once over many stack files;
    ``namespace`` is the project's config namespace when no project file names it."""
    try:
        source, project = _read(path, projects or ProjectFiles(), namespace)
    except StackFileError as error:
        return CheckResult(
            file=path, stack=stack_name(path), verdict=None, problems=error.problems, problem_lines=error.problem_lines
        )
    library = _library_keys(source)
    # Without a project file, the namespace the stack file is read in is the project's name. The config is as the
    # engine would hand it to the program: the stack file's, with the project file's applied.
    with reading_for(source.stack, project.name if project is not None else source.namespace, source.full_config()):
        return _refused(_decided(path, source, project, profile), library)


def _decided(
    path: Path,
    source: StackFile,
    project: ProjectFile | None,
    profile: GuardProfile | None,
    program: Program | None = None,
) -> CheckResult:
    """The verdict on ``source`` (its project's config applied), or the problems that stop it; for a YAML program
    (``program``, read here when not given), with its raw resources judged as the pack judges them (see
    :func:`_program_resources`)."""
    if program is None and project is not None and is_yaml_program(project.document):
        program = read_program(project)
    return _with_provisions(_decided_program(path, source, project, profile, program), project, program)


def _decided_program(
    path: Path, source: StackFile, project: ProjectFile | None, profile: GuardProfile | None, program: Program | None
) -> CheckResult:
    """:func:`_decided`'s verdict, before what the project provisions is looked for."""
    result = _decided_stack(path, source, project, profile, program)
    if result.verdict is None or project is None or program is None:
        return result
    config = source.config if profile is None else at_least(source.config, profile)
    if _nothing_governed(result.verdict, program, project, source):
        verdict = replace(result.verdict, allowed=True, findings=())
        return replace(result, verdict=verdict, notes=(*result.notes, NOTHING_GOVERNED_NOTE))
    try:
        verdict = _program_resources(result.verdict, project, program, source, config)
    except DeclarationError as error:
        problems = attributed([p.in_namespace(source.namespace) for p in error.problems], source)
        return replace(result, verdict=None, problems=problems)
    if verdict is result.verdict:
        return result
    return replace(result, verdict=verdict, program=project.path, program_lines=project.document_lines)


def _with_provisions(
    result: CheckResult, project: ProjectFile | None, program: Program | None, names: ProgramNames | None = None
) -> CheckResult:
    """``result`` with what its project provisions that the guard governs (:attr:`CheckResult.provisions`) when it is
    denied only for declaring nothing: a YAML program's (``program``) components, accounts and the resources that put
    one to use, or what a program in code names in its source (``names``, read here when not given; see
    :func:`.consumer_config.program_names`). Its ``DECLARATION-MISSING`` findings then say so, where they said that a
    project that provisions no Azure OpenAI may be left out of the check: this one may not (a Face account made for
    a US police department passed the repository's check with its folder skipped). The source is read only for such
    a stack, so an allowed one costs nothing more."""
    verdict = result.verdict
    if verdict is None or project is None or not verdict.denials:
        return result
    if any(f.rule != DECLARATION_MISSING.id for f in verdict.denials):
        return result
    if program is not None:
        found = _program_provisions(project, program)
    else:
        found = (names or program_names(project.path, project.document.get("main"))).provisions
    if not found:
        return result
    said = (
        f" This project has a use case to declare, as the checker found that it provisions what the guard governs: "
        f"{'; '.join(found)}. Declare it: `--skip` refuses to leave such a project out of the check."
    )
    findings = tuple(replace(f, message=f.message.replace(NOTHING_TO_DECLARE, said)) for f in verdict.findings)
    return replace(result, verdict=replace(verdict, findings=findings), provisions=found)


def _program_provisions(project: ProjectFile, program: Program) -> tuple[str, ...]:
    """What a YAML program declares that the guard governs, each with its line in the project file: the package's
    components, each raw account (of either provider, a Foundry hub or project included) and each resource that puts
    an account's models or tools to use."""
    where = shown(project.path)

    def at(name: str) -> str:
        return f"{where}, line {_line_in(project.document_lines, f'resources.{name}')}"

    found = [
        f"{at(c.name)}: resource `{c.name}`, the {c.token.rsplit(':', 1)[-1]} component, which provisions Azure OpenAI"
        for c in program.components
    ]
    for r in program.raw:
        kind = r.properties.get("kind")
        written = f"{r.token}, kind {kind}" if isinstance(kind, str) else r.token
        if is_account_type(r.token):
            what = "a Foundry hub or project" if "cognitive" not in r.token else "a Cognitive Services account"
        elif uses_account_type(r.token):
            what = "which puts an account's models or tools to use"
        else:
            continue
        found.append(f"{at(r.name)}: resource `{r.name}` ({written}), {what}")
    return tuple(found)


def _decided_stack(
    path: Path, source: StackFile, project: ProjectFile | None, profile: GuardProfile | None, program: Program | None
) -> CheckResult:
    """The verdict on ``source`` (its project's config applied) and the components of its YAML program, or the
    problems that stop it."""
    config = source.config if profile is None else at_least(source.config, profile)
    environment = default_provider(source.other_config)
    outside = _outside_note(path, project)
    if project is not None and program is not None:
        try:
            least = _program_profile(config, profile, source.namespace)
        except StackFileError as error:
            line = source.lines.get("guardProfile", 0)
            return CheckResult(
                file=path, stack=source.stack, verdict=None, problems=error.problems, problem_lines=(line,)
            )
        try:
            inline = _yaml_verdict(project, program, least, source)
        except StackFileError as error:
            return CheckResult(
                file=path,
                stack=source.stack,
                verdict=None,
                problems=error.problems,
                source=source,
                problem_lines=error.problem_lines,
                problem_files=error.problem_files if isinstance(error, ProgramError) else (),
                notes=(*outside, YAML_NOTE),
                program=project.path,
                program_lines=project.document_lines,
            )
        if inline is not None and (source.config if source.namespace == PROJECT else "useCase" in config):
            # The stack's config declares a use case beside the program's: the pack decides it, and so do the
            # components, whether or not the program hands it to one. In a project named as this library, the
            # pack reads every `azure-openai-guarded:` key as the stack's own declaration, service and all.
            try:
                if source.namespace == PROJECT:
                    declared = read_stack_config(
                        config, environment=environment, providers=source.other_config
                    ).verdict_with_projects
                else:
                    declared, _ = consumer_verdict(config, environment, source.namespace)
                    declared = _decided_elsewhere(declared, config, source.namespace, _classic_clouds(source))
            except DeclarationError as error:
                problems = attributed([p.in_namespace(source.namespace) for p in error.problems], source)
                return CheckResult(
                    file=path, stack=source.stack, verdict=None, problems=problems, source=source, notes=outside
                )
            findings = (*inline.findings, *declared.findings)
            inline = replace(inline, allowed=inline.allowed and declared.allowed, findings=findings)
        if inline is not None and source.namespace != PROJECT:
            # A consumer program may read its declaration from another namespace, as the consumer path decides.
            try:
                inline = _with_other_namespaces(inline, source, environment, consumer=True)
            except DeclarationError as error:
                problems = attributed(error.problems, source)
                return CheckResult(
                    file=path, stack=source.stack, verdict=None, problems=problems, source=source, notes=outside
                )
        if inline is not None:
            return CheckResult(
                file=path,
                stack=source.stack,
                verdict=inline,
                source=source,
                notes=(*outside, YAML_NOTE),
                program=project.path,
                program_lines=project.document_lines,
            )
    if source.namespace != PROJECT:
        notes: tuple[str, ...] = (CONSUMER_NOTE,) if environment is not None else (CONSUMER_NOTE, UNKNOWN_CLOUD_NOTE)
        try:
            verdict, notes = consumer_verdict(config, environment, source.namespace)
            names = program_names(project.path, project.document.get("main")) if project is not None else None
            elsewhere = _classic_clouds(source) | _government_in_program(source, names)
            verdict = _decided_elsewhere(verdict, config, source.namespace, elsewhere)
            pieces = pieces_beside(source.full_config(), source.namespace)
            verdict = with_pieces(verdict, config, pieces, source.namespace, environment)
            verdict = _raw_accounts_in_program(verdict, source, config, names, elsewhere)
            verdict = _use_case_in_code(verdict, source, config, names)
        except DeclarationError as error:
            problems = attributed([p.in_namespace(source.namespace) for p in error.problems], source)
            return CheckResult(
                file=path, stack=source.stack, verdict=None, problems=problems, source=source, notes=(*outside, *notes)
            )
        try:
            # One the engine cannot read fails the stack; what it disables, the program may make up for in code.
            disabled_default_providers(source.other_config.get(DISABLE_DEFAULT_PROVIDERS))
            verdict = _with_other_namespaces(verdict, source, environment, consumer=True)
        except DeclarationError as error:
            problems = attributed(error.problems, source)
            return CheckResult(
                file=path, stack=source.stack, verdict=None, problems=problems, source=source, notes=(*outside, *notes)
            )
        return CheckResult(file=path, stack=source.stack, verdict=verdict, source=source, notes=(*outside, *notes))
    try:
        declaration = read_stack_config(config, environment=environment, providers=source.other_config)
    except DeclarationError as error:
        problems = (*attributed(error.problems, source), *_other_project(source))
        return CheckResult(file=path, stack=source.stack, verdict=None, problems=problems, source=source, notes=outside)
    # The program's component is given no provider: the commercial one's resources go through the default one.
    disabled = default_providers_problems(
        source.other_config.get(DISABLE_DEFAULT_PROVIDERS), declaration.cloud, provider_given=False
    )
    if disabled:
        return CheckResult(file=path, stack=source.stack, verdict=None, problems=tuple(disabled), source=source)
    # A denied Foundry project stops the whole stack, as it does in the program and the pack.
    verdict = declaration.verdict_with_projects
    try:
        verdict = _with_other_namespaces(verdict, source, environment)
    except DeclarationError as error:
        return CheckResult(file=path, stack=source.stack, verdict=None, problems=tuple(error.problems), source=source)
    weakened = tuple(
        f"service: {render(note, CONFIG_NAMING)}: {_PACK_BLOCKS}"
        for note in advisories(declaration.settings)
        if note.endswith(_WEAKENED)
    )
    return CheckResult(file=path, stack=source.stack, verdict=verdict, source=source, notes=(*outside, *weakened))


_WEAKENED: Final = "(weakened)"
_PACK_BLOCKS: Final = (
    "the policy pack's mandatory security check for it blocks `pulumi preview` unless `--policy-pack-config` "
    "lowers that check, so the checker allows what the preview refuses until then"
)


def _with_other_namespaces(verdict: Verdict, source: StackFile, environment: Any, consumer: bool = False) -> Verdict:
    """``verdict`` and, for a stack file no project file names the project of (or a consumer project's stack,
    ``consumer``), every other namespace's ``useCase`` decided as a consumer's (as the pack decides them when the
    engine names no project): the program may be that namespace's project, or read its declaration from that
    namespace (``pulumi.Config("teamconfig")``), so a forbidden declaration there is not left unread beside an
    allowed one."""
    for declared in other_namespaces(source, environment, consumer):
        findings = (*verdict.findings, *declared.findings)
        verdict = replace(verdict, allowed=verdict.allowed and declared.allowed, findings=findings)
    return verdict


def other_namespaces(source: StackFile, environment: Any, consumer: bool = False) -> list[Verdict]:
    """For a stack file no project file names the project of, the verdict of each other namespace's ``useCase``,
    decided as a consumer's (each finding naming its key); nothing for a stack file whose project is named, unless
    it is a consumer project's (``consumer``), whose program may read its declaration from any namespace: then each
    but this library's, whose keys such a stack is refused for (see :func:`_library_keys`). The offline plan decides
    them too, before it runs the program, which reads only this library's namespace. With them, each use case written
    inside another key (see :func:`nested_use_cases`). Raises :class:`DeclarationError` with every problem of a
    namespace that cannot be decided."""
    if source.project_file is not None and not consumer:
        return []
    namespaces = sorted({key.split(":", 1)[0] for key in source.other_config if key.split(":", 1)[1] == "useCase"})
    if consumer:
        namespaces = [n for n in namespaces if n != PROJECT]
    # A use case written inside another key is decided too, in any namespace but this library's, whose keys the
    # strict reader reads (a Foundry project's own in service.projects).
    whole = source.full_config()
    verdicts = nested_verdicts(whole, {key.split(":", 1)[0] for key in whole} - {PROJECT}, environment)
    for namespace in namespaces:
        prefix = f"{namespace}:"
        config = {key[len(prefix) :]: value for key, value in source.other_config.items() if key.startswith(prefix)}
        try:
            declared, _ = consumer_verdict(config, environment, namespace)
        except DeclarationError as error:
            raise DeclarationError([p.in_namespace(namespace) for p in error.problems]) from None
        named = tuple(replace(f, message=f"`{namespace}:useCase`: {f.message}") for f in declared.findings)
        verdicts.append(replace(declared, findings=named))
    return verdicts


def nested_verdicts(config: Mapping[str, Any], namespaces: Iterable[str], environment: Any) -> list[Verdict]:
    """The verdict of each use case :func:`.consumer_config.nested_use_cases` finds, decided as a consumer's, each
    finding naming where it is written. Raises :class:`DeclarationError` with every problem of one that cannot be
    decided, each at its place (``teamconfig:projects[0].useCase.operator``)."""
    verdicts: list[Verdict] = []
    problems: list[Problem] = []
    for namespace, where, declared in nested_use_cases(config, namespaces, CONSUMER_KEYS):
        try:
            verdict, _ = consumer_verdict({"useCase": declared}, environment, namespace)
        except DeclarationError as error:
            problems += [Problem((*where, *p.loc[1:]), p.template, namespace) for p in error.problems]
            continue
        shown = f"`{namespace}:{Problem(where, '').path}`"
        named = tuple(replace(f, message=f"{shown}: {f.message}") for f in verdict.findings)
        verdicts.append(replace(verdict, findings=named))
    if problems:
        raise DeclarationError(problems)
    return verdicts


def pieces_beside(full_config: Mapping[str, Any], namespace: str) -> Pieces:
    """The pieces of a declaration written in the stack's ``full_config`` beside consumer ``namespace``'s own keys,
    outside this library's namespace."""
    own = {f"{namespace}:{key}" for key in CONSUMER_KEYS}
    return declaration_pieces(
        (key, value) for key, value in full_config.items() if key.partition(":")[0] != PROJECT and key not in own
    )


def with_pieces(
    verdict: Verdict, config: Mapping[str, Any], pieces: Pieces, namespace: str, environment: Any
) -> Verdict:
    """``verdict`` on the ``useCase`` of a consumer's ``config`` (its namespace's keys), decided again with
    ``pieces`` (see :func:`pieces_beside`) put in at their worst (see :func:`.consumer_config.at_their_worst`), as
    a program may build its declaration from them: a piece that denies it denies the stack. The checker, the pack
    and the components each decide a consumer's declaration so (review R25 F)."""
    declared = config_mapping(config.get("useCase"), (Key("useCase"),))
    if not pieces or not isinstance(declared, Mapping):
        return verdict
    try:
        decided, _ = consumer_verdict({**config, "useCase": at_their_worst(declared, pieces)}, environment, namespace)
    except DeclarationError:
        # The pieces make no declaration the reader accepts: the program could not hand them over either.
        return verdict
    added = [f for f in decided.denials if f not in verdict.findings]
    if not added:
        return verdict
    where = ", ".join(f"`{at}`" for at in pieces.where)
    said = f"With {where} put in the declaration, as the program may build it from them: "
    findings = (*verdict.findings, *(replace(f, message=said + f.message) for f in added))
    return replace(verdict, allowed=False, findings=findings)


Placed = tuple[Problem, Path, int]
"""A problem with the file and the line it is about."""


def _key_place(source: StackFile, key: str) -> tuple[Path, int]:
    """Where another namespace's ``key`` of ``source`` is given: its line in the stack file, or in the project file
    whose ``config:`` block applies it."""
    if key in source.from_project and source.project_file is not None:
        return source.project_file, source.from_project[key]
    return source.path, source.other_lines.get(key, source.lines.get("", 1))


def _library_keys(source: StackFile) -> list[Placed]:
    """A problem for each key of this library's namespace that declares (``azure-openai-guarded:guardProfile``,
    ``:useCase``, ``:service``) in another project's stack: that project's components read their declaration from
    its own namespace (``support-chat:guardProfile``), so the key would be ignored, and a stricter profile or a
    use case written there would decide nothing."""
    if source.namespace == PROJECT:
        return []
    placed: list[Placed] = []
    for key in sorted(source.other_config):
        namespace, name = key.split(":", 1)
        if namespace == PROJECT and name in CONFIG_KEYS:
            placed.append((library_key_problem(source.namespace, name), *_key_place(source, key)))
    return placed


def library_key_problem(project: str, name: str) -> Problem:
    """The problem with this library's key ``name`` (one it reads, see :data:`CONFIG_KEYS`) in another
    ``project``'s stack, as the checker and the pack say it."""
    ignored = f"is in the {PROJECT} library's namespace, which project `{project}` does not read"
    if name in CONSUMER_KEYS:
        message = (
            f"{ignored}: its components read `{project}:{name}`, so this value decides nothing; write it as "
            f"`{project}:{name}`"
        )
    else:
        message = (
            f"{ignored}: its program writes the service as the component's arguments, and nothing reads this key; "
            "remove it"
        )
    return Problem((Key(name),), message, PROJECT)


def _refused(result: CheckResult, placed: Sequence[Placed]) -> CheckResult:
    """``result`` made invalid by ``placed``, each problem in its own file, listed before the result's own."""
    if not placed:
        return result
    count = len(result.problems)
    own_lines = (*result.problem_lines, *(0,) * count)[:count]
    own_files = (*result.problem_files, *(None,) * count)[:count]
    # The result's own problems stay in the file they were found in, whatever becomes of the verdict.
    home = result.problem_file
    return replace(
        result,
        verdict=None,
        problems=(*(p for p, _, _ in placed), *result.problems),
        problem_lines=(*(line for _, _, line in placed), *own_lines),
        problem_files=(*(file for _, file, _ in placed), *(f or home for f in own_files)),
    )


def _outside_note(path: Path, project: ProjectFile | None) -> tuple[str, ...]:
    """A note when the project file applied is not in the stack file's folder or above it (``stackConfigDir:
    ../stacks``), since nothing beside the stack file shows where its project's config comes from."""
    if project is None:
        return ()
    folder, home = Path(os.path.abspath(path.parent)), Path(os.path.abspath(project.path.parent))
    if folder == home or home in folder.parents:
        return ()
    return (
        f"the config of `{shown(project.path)}` is applied, as Pulumi applies it: its stackConfigDir names this "
        "folder, outside the project folder",
    )


def _other_project(source: StackFile) -> tuple[Problem, ...]:
    """A hint for a stack of another project read without its project file: its own ``useCase`` is in another
    namespace, which ``--namespace`` names."""
    if source.project_file is not None or "useCase" in source.config:
        return ()
    others = sorted({key.split(":", 1)[0] for key in source.other_config if key.split(":", 1)[1] == "useCase"})
    return tuple(
        Problem(
            "",
            f"`{namespace}:useCase` declares a use case for project `{namespace}`: with no Pulumi.yaml beside the "
            f"stack file to name the project, check it with `--namespace {namespace}`",
        )
        for namespace in others
    )


def _invalid(path: Path, stack: str, message: str) -> CheckResult:
    return CheckResult(file=path, stack=stack, verdict=None, problems=(Problem("", message),))


def _case_twins(results: list[CheckResult]) -> list[CheckResult]:
    """Results whose file names differ only in letter case made invalid, each naming the other."""
    names: dict[str, list[str]] = {}
    for r in results:
        names.setdefault(r.file.name.casefold(), []).append(r.file.name)
    out = []
    for r in results:
        twins = [n for n in names[r.file.name.casefold()] if n != r.file.name]
        if twins:
            problem = Problem(
                "",
                f"`{twins[0]}` in the same folder differs from this file's name only in letter case; on a "
                "case-insensitive disk they are one file, so which declaration Pulumi reads depends on the disk: "
                "keep one",
            )
            lines = (*r.problem_lines, *(0,) * (len(r.problems) - len(r.problem_lines)), 0)
            r = replace(r, verdict=None, problems=(*r.problems, problem), problem_lines=lines)
        out.append(r)
    return out


class CheckResults(list[CheckResult]):
    """What :func:`check_paths` found: a result per stack file, and the paths it skipped as no Pulumi file."""

    def __init__(self, results: Iterable[CheckResult] = (), skipped: Iterable[Path] = ()) -> None:
        super().__init__(results)
        self.skipped: tuple[Path, ...] = tuple(skipped)
        """Each ``main.yaml`` or ``main.json`` given that no Pulumi YAML project runs (see :func:`_program_home`)."""


NO_STACK_NOTE: Final = (
    "no stack file: the program is decided with an empty stack config (its project file's `config:` applied), as "
    "a stack created where it runs (`pulumi stack init` in CI) starts"
)


def check_program(project_path: Path, profile: GuardProfile | None = None) -> CheckResult | None:
    """A YAML program that no stack file names decided with an empty stack config, its project file's ``config:``
    applied: a stack created where it runs (``pulumi stack init`` in CI, its config set there) starts so, and its
    components' declarations are all in the program. ``None`` for a program that declares nothing the guard reads
    (none of the package's components, no resource of a kind they create, no generic or template resource). A
    program in code is decided so when its sources name the components or give other evidence of provisioning what
    the guard governs (see :attr:`.consumer_config.ProgramNames.decided_without_stack`), and ``None`` otherwise."""
    try:
        project = read_project_file(project_path)
        empty = StackFile(path=project_path, stack="", config={}, other_config={}, namespace=project.name)
        source = apply_project(empty, project)
    except StackFileError as error:
        return CheckResult(
            file=project_path, stack="", verdict=None, problems=error.problems, problem_lines=error.problem_lines
        )
    # Read for its project, on a stack not named yet, whose config is the project file's.
    with reading_for(None, project.name, source.full_config()):
        return _program_without_stack(project_path, project, source, profile)


def _program_without_stack(
    project_path: Path, project: ProjectFile, source: StackFile, profile: GuardProfile | None
) -> CheckResult | None:
    if not is_yaml_program(project.document):
        # A program in code that uses the components, or whose sources give other evidence that it provisions
        # what the guard governs (a raw account, a use case written in code), with no stack file yet: its stacks
        # start with no declaration, which the component cannot be handed from config (review R17 F5), so it is
        # denied naming that evidence (see _with_provisions). One that gives none is no project of the guard's.
        names = program_names(project_path, project.document.get("main"))
        if not names.decided_without_stack:
            return None
        try:
            verdict, notes = consumer_verdict(source.config, None, project.name)
        except DeclarationError as error:
            return CheckResult(file=project_path, stack="", verdict=None, problems=tuple(error.problems))
        notes = (*notes, NO_STACK_NOTE)
        return _with_provisions(
            CheckResult(file=project_path, stack="", verdict=verdict, source=source, notes=notes), project, None, names
        )
    program = read_program(project)
    opaque = any(opaque_reason(r.token, lambda _: Pending("")) is not None for r in program.raw)
    if not program.components and not program.unreadable and not opaque and not program.named:
        return None
    result = _refused(_decided(project_path, source, project, profile, program), _library_keys(source))
    return replace(result, notes=(*result.notes, NO_STACK_NOTE))


def check_paths(
    paths: Iterable[Path],
    profile: GuardProfile | None = None,
    namespace: str | None = None,
) -> CheckResults:
    """Check every stack file under ``paths`` (under at least ``profile``, when given; in config namespace
    ``namespace`` where no project file names one), each file once per mention; a path that cannot be read is an
    error result, never skipped. A project file or a YAML program (``Pulumi.yaml``, ``Main.yaml``) given as a path
    stands for its project's stacks, less those another path already reaches (the pre-commit hook passes a changed
    project file with its changed stack files); a ``main.yaml`` or ``main.json`` that no YAML project runs is no
    Pulumi file, and is skipped. A project with no stack file (its stacks may be created in CI) is decided with an
    empty stack config (see :func:`check_program`: a YAML one, or one in code whose sources name the components or
    provision what the guard governs), given by path or found by ``--repository``."""
    paths = list(paths)
    projects = ProjectFiles()
    mentions = [_mention(path, projects, profile) for path in paths]
    reached = {os.path.abspath(f) for m in mentions if not m.for_project for f in m.files}
    results = CheckResults(skipped=[path for path, m in zip(paths, mentions, strict=True) if m.skipped])
    for mention in mentions:
        results += mention.invalid
        files = mention.files
        if mention.for_project:
            files = [f for f in files if os.path.abspath(f) not in reached]
            reached.update(os.path.abspath(f) for f in files)
        checked = [check_file(f, profile, projects, namespace) for f in files]
        results.extend(_case_twins(checked) if mention.folder else checked)
    return results


@dataclass(frozen=True)
class _Mention:
    """What one path given to :func:`check_paths` stands for."""

    files: list[Path]
    """The stack files to check."""
    invalid: list[CheckResult]
    """Why the path itself cannot be checked (missing, unlistable, a folder without stack files)."""
    folder: bool = False
    """A folder's listing, whose names may differ only in letter case."""
    for_project: bool = False
    """A project file or YAML program, standing for its folder's stacks."""
    skipped: bool = False
    """A ``main.yaml`` or ``main.json`` that is no Pulumi YAML program (an Ansible role's tasks), so no Pulumi file."""


def _program_home(main: Path, projects: ProjectFiles) -> Path | None:
    """The folder of the project whose YAML program ``main`` (a ``Main.yaml`` or ``Main.json``) may be, as
    pulumi-yaml finds its program: beside a ``Pulumi.yaml`` whose runtime is ``yaml`` (or one that cannot be read far
    enough to tell, which fails closed), or in the folder an enclosing YAML project's ``main:`` names. ``None`` for
    any other file of that name, which Pulumi never runs (an Ansible role's ``tasks/main.yaml``, a ``main.json``
    beside a Python project)."""
    folder = Path(os.path.abspath(main.parent))
    here = projects.document_in(folder)
    if here is not None:
        document = here[1]
        return main.parent if document is None or is_yaml_program(document) else None
    for ancestor in folder.parents:
        found = projects.document_in(ancestor)
        if found is None or found[1] is None or not is_yaml_program(found[1]):
            continue
        named = found[1].get("main")
        if isinstance(named, str) and os.path.normpath(os.path.join(ancestor, named)) == str(folder):
            return ancestor
    return None


def _mention(path: Path, projects: ProjectFiles, profile: GuardProfile | None = None) -> _Mention:
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        return _Mention([], [_invalid(path, stack_name(path), os_error_message(error))])
    for_project = not stat.S_ISDIR(mode) and path.name.casefold() in PROGRAM_FILES
    if not stat.S_ISDIR(mode) and not for_project:
        return _Mention([path], [])
    folder = path
    if for_project:
        home = path.parent if path.name.casefold() not in MAIN_FILES else _program_home(path, projects)
        if home is None:
            return _Mention([], [], skipped=True)
        folder = home
    # A project folder's stacks are in its stackConfigDir, as Pulumi reads them; a stack file left beside the
    # project file is still checked, so its misplacement is reported rather than skipped.
    stacks = projects.stack_folder(folder)
    try:
        # A JSON stack file is read too, as `--repository` reads it, so a folder's check reports it.
        files = _listing(folder, json=True) + (
            _listing(stacks, json=True) if stacks is not None and stacks.is_dir() else []
        )
    except OSError as error:
        return _Mention([], [_invalid(folder, "", f"cannot list the folder: {os_error_message(error)}")])
    if not files:
        # A program with no stack file yet (stacks made in CI) is decided with an empty stack config, by path as
        # with ``--repository`` (reviews R14 F9, R17 F5): a YAML one read whole, one in code that names the
        # components or provisions what the guard governs; a YAML one that governs nothing is skipped.
        found = projects.document_in(folder)
        if found is not None and found[1] is not None:
            decided = check_program(found[0], profile)
            if decided is not None:
                return _Mention([], [decided], True, for_project)
            if is_yaml_program(found[1]):
                return _Mention([], [], skipped=True)
        where = "in this folder" if stacks is None else f"in its stackConfigDir `{stacks}`"
        return _Mention([], [_invalid(folder, "", f"no Pulumi.<stack>.yaml files {where}")], True, for_project)
    return _Mention(files, [], True, for_project)


PROGRAM_FILES: Final = ("pulumi.yaml", "pulumi.yml", *MAIN_FILES)
"""The names (any letter case) of the files that make a project rather than a stack: the project file and a YAML
program beside it. Given as a path, each stands for its folder, since its change affects every stack there."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        if os.path.samefile(a, b):
            return True
    except OSError:
        pass
    try:
        return a.resolve() == b.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop, before Python 3.13
        return False


def overwritten_file(output: Path, files: Iterable[Path]) -> Path | None:
    """The one of ``files`` that writing to ``output`` would overwrite, if any (links followed)."""
    return next((f for f in files if _same_file(output, f)), None)


def overwritten_input(output: Path, results: Iterable[CheckResult]) -> Path | None:
    """The file read for a check that writing a report to ``output`` would overwrite, if any (links followed): a
    stack file, the project file whose config was applied to it, or its YAML program."""

    def read(result: CheckResult) -> Iterator[Path]:
        yield result.file
        if result.source is not None and result.source.project_file is not None:
            yield result.source.project_file
        if result.program is not None:
            yield result.program

    return overwritten_file(output, (path for r in results for path in read(r)))


def exit_status(results: Iterable[CheckResult]) -> ExitStatus:
    """Invalid when any result is, or when nothing was checked, unless every path given was skipped as no Pulumi
    file (a commit that changes only an Ansible role's ``main.yaml``)."""
    skipped = results.skipped if isinstance(results, CheckResults) else ()
    results = list(results)
    if not results and skipped:
        return ExitStatus.ALLOWED
    if not results or any(r.verdict is None for r in results):
        return ExitStatus.INVALID
    if any(not r.allowed for r in results):
        return ExitStatus.DENIED
    return ExitStatus.ALLOWED
