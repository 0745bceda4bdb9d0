"""Find a stack file's project file (``Pulumi.yaml``) and apply its ``config:`` block, as Pulumi does.

Pulumi applies a project's ``config:`` block to every stack before the program
runs, so the program sees the stack file and the project file merged. The
checker must decide that merged config: ``azure-native:environment:
usgovernment`` or a ``guardProfile`` default set in ``Pulumi.yaml`` counts as
if the stack file gave it. The rules are Pulumi's own (its workspace code:
``RewriteShorthandConfigValues``, ``Project.Validate``, ``mergeConfig``):

* A key without a namespace (``guardProfile``), or in the namespace named by
  the project's ``name``, is the project's own key. A plain value (text, an
  integer, true/false or a list) is its default; a mapping declares it with
  ``type``, ``items``, ``description``, ``secret`` and either ``default`` or
  ``value``. A project key with neither must be set by every stack, and a
  typed key's stack value must have its type (``string``, ``integer``,
  ``boolean``, ``array``).
* A key of another namespace (``azure-native:environment``, or
  ``azure-openai-guarded:guardProfile`` in a consumer's project) is a plain
  value or a mapping with ``value:``, never with ``type`` or ``default``.
* The stack file wins: a project value applies, whole, only to a stack that
  does not set the key; it is never merged into the stack's own value.

The project file is read by the stack files' reader (:mod:`.stackfile`), so a
repeated key, a merge key that overlaps, a YAML 1.1 scalar or a near miss of
the project's namespace is an error there too, naming ``Pulumi.yaml``. A key
whose name is a property path (``useCase.operator``) is refused: Pulumi sets
such a key inside the stack's value, which no reader here reproduces.

Where the project file is, as Pulumi finds it: ``Pulumi.yaml`` (or
``Pulumi.yml``, or ``Pulumi.json``, which the checker cannot read) in the stack
file's folder, keeping its stacks there; or in the nearest enclosing folder
whose project file names the stack file's folder as its ``stackConfigDir``
(past a nearer project file that does not: run from the outer folder, Pulumi
reads the stack file for the outer project). A project file in the stack
file's own folder that keeps its stacks elsewhere, or reads the other
extension, means Pulumi never reads that stack file: an error.

A project may also keep its stack files outside its folder (``stackConfigDir:
../stacks``, ``../../deploy/stacks``, ``../other/stacks/prod``), and a stack file
given alone (the pre-commit hook gives the changed ones) shows nothing of it. So,
where no project file in the stack folder or above it names it, its project is a
project file in a folder beside it, or else one found by searching the tree the
stack file is part of: the git work tree holding it (the nearest folder with a
``.git``), or, outside one, the folder the checker runs in when it holds the stack
file (not the whole disk or the home folder). The search skips hidden folders
(``.git``, ``.venv``), ``node_modules``, ``__pycache__`` and virtual environments,
and follows no folder link. The project file whose stackConfigDir names the stack
folder applies, as Pulumi run in its folder applies it. Two such project files, a project file in the tree too broken
to tell where its stacks are, or a search stopped at :data:`SEARCH_LIMIT` folders
make the stack invalid, since which config applies is then unknown. A stack file
with no project file found (an examples folder, a consumer repository's stack
files checked on their own) is decided from the stack file alone.

A :class:`ProjectFiles` reads each folder's project file once, however many
stack files it serves.
"""

from __future__ import annotations

import copy
import os
import stat
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

from azure_openai_guarded.components.declaration import CONFIG_KEYS, CONSUMER_KEYS

from .declaration import Problem
from .models import PROJECT
from .stackfile import (
    StackFile,
    StackFileError,
    YamlDocument,
    aliases_and_merges,
    is_near_miss,
    is_near_word,
    parse_yaml,
    read_stack_file,
    read_text,
    split_key,
    whole_number_issues,
)

PROJECT_FILE_NAMES: Final = ("Pulumi.json", "Pulumi.yaml", "Pulumi.yml")
"""The names Pulumi looks for in a folder, in the order it tries them."""
READABLE: Final = ("Pulumi.yaml", "Pulumi.yml")
"""The project files this module reads; Pulumi names a project's stack files with the same extension."""

SEARCH_LIMIT: Final = 50_000
"""The most folders searched for the project of a stack folder that no nearer project file names; past it, which
config applies is unknown and the stack invalid (the whole search takes about a second on a 2-core machine)."""
WORK_TREE_MARKER: Final = ".git"
"""What marks the root of a git work tree: a folder, or a file in a linked work tree or a submodule."""
_NOT_SEARCHED: Final = frozenset({"node_modules", "__pycache__"})
"""Folders no project lives in (searched, like every hidden folder and every virtual environment, by no tool)."""
_ENVIRONMENT_MARKERS: Final = frozenset({"pyvenv.cfg", "conda-meta"})
"""A folder holding one of these is a Python virtual environment (venv, virtualenv, conda)."""

_DECLARATION_KEYS: Final = ("type", "items", "description", "secret", "default", "value")
_TYPES: Final = ("string", "integer", "boolean", "array")
_FORMS: Final = "text, an integer, true or false, a list, or a mapping of type, default or value"


@dataclass(frozen=True)
class ConfigType:
    """A project key's declared ``type`` (with ``items`` for an array)."""

    name: str
    items: ConfigType | None = None

    def __str__(self) -> str:
        return f"array<{self.items}>" if self.items is not None else self.name

    def accepts(self, value: Any) -> bool:
        """Pulumi's ``ValidateConfigValue``: ``value`` as the engine holds it (a scalar as text, a list or mapping
        decoded from its JSON)."""
        if self.name == "string":
            return isinstance(value, str)
        if self.name == "integer":
            if isinstance(value, str):
                return _is_go_int(value)
            if isinstance(value, float):
                return value.is_integer()
            return isinstance(value, int) and not isinstance(value, bool)
        if self.name == "boolean":
            return value in ("true", "false") or isinstance(value, bool)
        return isinstance(value, list) and self.items is not None and all(self.items.accepts(v) for v in value)


def _is_go_int(text: str) -> bool:
    """Go's ``strconv.Atoi``: an optional sign and decimal digits, in 64 bits."""
    digits = text[1:] if text[:1] in ("+", "-") else text
    return digits.isascii() and digits.isdigit() and -(2**63) <= int(text) < 2**63


def _as_engine_holds(value: Any) -> Any:
    """A stack-file value as Pulumi validates it against a type: a scalar as its text, numbers in a list or
    mapping as JSON numbers (floats)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    return _json_like(value)


def _json_like(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _json_like(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_like(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


@dataclass(frozen=True)
class ProjectFile:
    """A project file's ``config:`` block, as Pulumi applies it to each of its stacks."""

    path: Path
    name: str
    """The project's name: the namespace of its own keys."""
    stack_folder: Path
    """Where its stack files are: its folder, or its ``stackConfigDir`` inside it."""
    values: Mapping[str, Any] = field(default_factory=dict)
    """Each key (``namespace:name``) with the value, or default, a stack gets when it does not set the key."""
    required: tuple[str, ...] = ()
    """The project's own keys declared without a default or value: every stack must set them."""
    types: Mapping[str, ConfigType] = field(default_factory=dict)
    """The declared type of each typed project key."""
    lines: Mapping[str, int] = field(default_factory=dict)
    """The line of each key in the project file."""
    document: Mapping[str, Any] = field(default_factory=dict)
    """The whole file, as read (``runtime``, ``resources`` of a YAML program, ...)."""
    document_lines: Mapping[str, int] = field(default_factory=dict)
    """The line of every YAML path in the whole file (``resources.chat.properties.useCase``)."""
    aliases_and_merges: tuple[tuple[str, str, int, str], ...] = ()
    """Each alias and merge key in the file, with its path and line (see :func:`.stackfile.aliases_and_merges`):
    Pulumi reads a project file's own keys through them, pulumi-yaml refuses a program's alias and keeps its merge
    key as a key named ``<<``."""

    def source_of(self, key: str) -> str:
        """Where ``key``'s value is given, for a message: ``Pulumi.yaml, line 12``."""
        return f"{shown(self.path)}, line {self.lines.get(key, 1)}"


def runtime_name(document: Mapping[str, Any]) -> str | None:
    """The name of a project file's runtime (``python``, ``yaml``...), given as ``runtime: yaml`` or
    ``runtime: {name: yaml}``; ``None`` when it gives none."""
    runtime = document.get("runtime")
    name = runtime.get("name") if isinstance(runtime, Mapping) else runtime
    return name if isinstance(name, str) else None


def shown(path: Path) -> str:
    """``path`` relative to the working folder when it is inside it, as a message names a file."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive, on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def _stack_folder(folder: Path, directory: str | None) -> Path:
    # Pulumi's filepath.Join: a leading separator does not make stackConfigDir absolute, and `..` is lexical.
    if not directory:
        return folder
    return Path(os.path.normpath(f"{folder}{os.sep}{directory}"))


@dataclass
class _Reading:
    """A project file read far enough to know which stack files it serves, and every problem found in it."""

    path: Path
    stack_folder: Path | None
    """``None`` when the file cannot be read far enough to tell (its problems say why)."""
    problems: list[Problem] = field(default_factory=list)
    project: ProjectFile | None = None
    document: Mapping[str, Any] | None = None
    """The whole file when it is a YAML mapping, however far its reading went (``runtime``, ``main``)."""


def _problem(path: Path, where: str, line: int, message: str) -> Problem:
    place = f"`{shown(path)}`" + (f", line {line}" if line else "")
    return Problem("", f"{place}: `{where}`: {message}" if where else f"{place}: {message}")


def _read(path: Path) -> _Reading:
    try:
        text = read_text(path)
        document = parse_yaml(text)
    except StackFileError as error:
        return _Reading(path, None, [_problem(path, "", 0, p.message) for p in error.problems])
    if not isinstance(document.value, dict):
        return _Reading(path, None, [_problem(path, "", 1, "a project file must be a YAML mapping with a `name:`")])
    top: dict[str, Any] = document.value
    problems = [_problem(path, where, line, message) for where, line, message in document.issues]
    # The issues that hide where the stack files are stop the reading here; any other only matters to this
    # file's own stacks.
    if any(where in ("config", "stackConfigDir") for where, _, _ in document.issues):
        return _Reading(path, None, problems, document=top)
    directory = top.get("stackConfigDir")
    legacy = top.get("config")
    if directory is not None and not isinstance(directory, str):
        problems.append(_problem(path, "stackConfigDir", document.lines.get("stackConfigDir", 1), "must be text"))
        return _Reading(path, None, problems, document=top)
    if isinstance(legacy, str):
        if directory is not None:
            problems.append(
                _problem(
                    path,
                    "config",
                    document.lines.get("config", 1),
                    "names the stack folder, and so does `stackConfigDir`: Pulumi refuses both; keep `stackConfigDir`",
                )
            )
            return _Reading(path, None, problems, document=top)
        directory, legacy = legacy, None
    stack_folder = _stack_folder(path.parent, directory)
    reading = _Reading(path, stack_folder, problems, document=top)
    name = top.get("name")
    if not isinstance(name, str) or not name:
        problems.append(_problem(path, "name", document.lines.get("name", 1), "the project needs a `name:` (text)"))
        return reading
    if legacy is not None and not isinstance(legacy, dict):
        problems.append(_problem(path, "config", document.lines.get("config", 1), "must be a mapping of config keys"))
        return reading
    project = _project(path, name, stack_folder, legacy or {}, document, problems)
    reading.project = replace(project, aliases_and_merges=tuple(aliases_and_merges(text)))
    return reading


def _project(
    path: Path, name: str, stack_folder: Path, config: dict[str, Any], document: YamlDocument, problems: list[Problem]
) -> ProjectFile:
    values: dict[str, Any] = {}
    required: list[str] = []
    types: dict[str, ConfigType] = {}
    lines: dict[str, int] = {}
    spelled: dict[str, str] = {}
    for key, entry in config.items():
        where = f"config.{key}"
        line = document.lines.get(where, 1)

        def bad(message: str, at: str = where, line: int = line) -> None:
            problems.append(_problem(path, at, line, message))

        if ":" in key:
            parts = split_key(key)
            if parts is None:
                bad("not a Pulumi config key: write `name` for this project's key, or `namespace:name`")
                continue
            namespace, key_name = parts
        else:
            namespace, key_name = name, key
        canonical = f"{namespace}:{key_name}"
        if not namespace.strip() or is_near_miss(namespace, name):
            bad(f"`{namespace}` is not this project's config namespace; did you mean `{name}:{key_name}`?")
            continue
        if canonical in spelled:
            bad(f"repeated key: `{spelled[canonical]}` and `{key}` are the same key to Pulumi; give it once")
            continue
        spelled[canonical] = key
        lines[canonical] = line
        if any(c in key_name for c in ".[]"):
            bad(
                "a key name with `.` or `[` is a property path, which Pulumi sets inside the stack's own value of "
                f"`{namespace}:{key_name.split('.')[0].split('[')[0]}`; give that key's whole value instead"
            )
            continue
        own = namespace == name
        if isinstance(entry, dict) and entry.get("secret") is True and _declaring(namespace, key_name):
            # Pulumi then refuses a plain value in every stack, and an encrypted one is read by no check (review R25).
            bad(
                "is declared `secret: true`, so Pulumi requires its value encrypted (`secure:`), which no check can "
                "read or review: a declaration must be plain text; remove `secret: true`",
                f"{where}.secret",
            )
            continue
        if isinstance(entry, dict):
            declared = _declaration(entry, own, where, document, bad)
            if declared is None:
                continue
            value, given, declared_type = declared
        elif isinstance(entry, str | int | list) and not isinstance(entry, float):
            value, given, declared_type = entry, True, None
        else:
            bad(f"Pulumi's project schema takes {_FORMS}")
            continue
        # A list or mapping reaches the program as JSON written by Go, as a stack file's does.
        at = f"{where}.{'value' if 'value' in entry else 'default'}" if isinstance(entry, dict) else where
        whole = whole_number_issues(value, at, document)
        for whole_at, whole_line, message in whole:
            bad(message, whole_at, whole_line)
        if whole:
            continue
        if declared_type is not None:
            types[canonical] = declared_type
        if given:
            values[canonical] = value
        elif own:
            required.append(canonical)
    return ProjectFile(
        path=path,
        name=name,
        stack_folder=stack_folder,
        values=values,
        required=tuple(required),
        types=types,
        lines=lines,
        document=document.value,
        document_lines=document.lines,
    )


def _declaring(namespace: str, key: str) -> bool:
    """Whether ``key`` of ``namespace`` declares: one of this project's keys, or a consumer's use case or profile."""
    return key in (CONFIG_KEYS if namespace == PROJECT else CONSUMER_KEYS)


def _declaration(
    entry: dict[str, Any], own: bool, where: str, document: YamlDocument, bad: Callable[..., None]
) -> tuple[Any, bool, ConfigType | None] | None:
    """A config declaration's value (or default), whether it gives one, and its type; ``None`` if it is wrong."""
    ok = True
    for attribute in entry:
        if attribute not in _DECLARATION_KEYS:
            near = next((k for k in _DECLARATION_KEYS if is_near_word(attribute, k)), None)
            hint = f"did you mean `{near}`?" if near else f"Pulumi reads {', '.join(_DECLARATION_KEYS)}"
            bad(f"unknown attribute `{attribute}`; {hint}", f"{where}.{attribute}")
            ok = False
    declared_type: ConfigType | None = None
    if "type" in entry:
        declared_type = _config_type(entry, f"{where}", document, bad)
        ok = ok and declared_type is not None
    for attribute, kind in (("description", str), ("secret", bool)):
        if attribute in entry and not isinstance(entry[attribute], kind):
            bad(f"must be {'text' if kind is str else 'true or false'}", f"{where}.{attribute}")
            ok = False
    default, value = entry.get("default"), entry.get("value")
    if default is not None and value is not None:
        bad("gives both `default` and `value`, which Pulumi refuses; keep one")
        ok = False
    if not own:
        if "type" in entry:
            bad("a key of another namespace cannot declare a `type` in a project file (Pulumi refuses it)")
            ok = False
        if default is not None:
            bad("a key of another namespace takes `value:`, not `default:` (Pulumi refuses it)")
            ok = False
        elif value is None:
            bad("a key of another namespace must give its `value:`")
            ok = False
    given = value if value is not None else default
    if ok and declared_type is not None and default is not None and not declared_type.accepts(default):
        bad(f"the default is not of its declared type `{declared_type}`", f"{where}.default")
        ok = False
    if not ok:
        return None
    return given, given is not None, declared_type


def _config_type(
    entry: dict[str, Any], where: str, document: YamlDocument, bad: Callable[..., None]
) -> ConfigType | None:
    name, items = entry.get("type"), entry.get("items")
    if name not in _TYPES:
        bad(f"`type` must be one of {', '.join(_TYPES)}", f"{where}.type", document.lines.get(f"{where}.type", 1))
        return None
    if name != "array":
        return ConfigType(str(name))
    if not isinstance(items, dict):
        bad("an array must declare its `items:` (a mapping with a `type`)", f"{where}.items")
        return None
    item_type = _config_type(items, f"{where}.items", document, bad)
    return ConfigType("array", item_type) if item_type is not None else None


class ProjectFiles:
    """Project files found and read for stack files, each folder looked at and each project file read once."""

    def __init__(self) -> None:
        self._folders: dict[Path, _Reading | None] = {}
        self._found: dict[Path, tuple[ProjectFile | None, tuple[Problem, ...], _Reading | None]] = {}
        self._claims: dict[Path, dict[Path, _Reading]] = {}
        """Stack folders reached through a project folder's stackConfigDir, each with the project files naming it."""
        self._searches: dict[Path, _Search] = {}
        """Each tree searched for the projects of stack folders no nearer project file names, by its root."""

    def apply(self, stack: StackFile) -> StackFile:
        """``stack`` with its project's config applied, as the program will see it; raises
        :class:`StackFileError` for a problem in the project file or in how the two combine."""
        project = self.project_of(stack.path)
        return stack if project is None else apply_project(stack, project)

    def project_of(self, stack_path: Path) -> ProjectFile | None:
        """The project file whose config applies to the stack file at ``stack_path``, or ``None`` if none does."""
        folder = Path(os.path.abspath(stack_path.parent))
        if folder not in self._found:
            self._found[folder] = self._find(folder)
        project, problems, enclosing = self._found[folder]
        if enclosing is not None and _left_behind(folder, enclosing):
            problems = (*problems, _left_behind_problem(folder, enclosing))
        problems += _extension_problems(project, stack_path)
        if problems:
            raise StackFileError(problems)
        return project

    def stack_folder(self, folder: Path) -> Path | None:
        """Where Pulumi reads the stack files of the project file in ``folder``: its ``stackConfigDir`` when it names
        another folder; ``None`` when ``folder`` has no project file, or one too broken to tell."""
        here = self._in_folder(Path(os.path.abspath(folder)))
        if here is None or here.stack_folder is None or _same_folder(here.stack_folder, folder):
            return None
        # Checked through this project, its stack files get its config wherever they are (`../stacks` too), as
        # Pulumi run in the project folder applies it.
        claimed = Path(os.path.abspath(here.stack_folder))
        self._claims.setdefault(claimed, {})[here.path] = here
        self._found.pop(claimed, None)
        return here.stack_folder

    def document_in(self, folder: Path) -> tuple[Path, Mapping[str, Any] | None] | None:
        """The project file Pulumi takes in ``folder`` and its document (``None`` when it cannot be read far enough,
        or is no YAML); ``None`` when the folder has no project file."""
        here = self._in_folder(Path(os.path.abspath(folder)))
        if here is None:
            return None
        return here.path, here.document

    def _find(self, folder: Path) -> tuple[ProjectFile | None, tuple[Problem, ...], _Reading | None]:
        """The project file that applies to stack files in ``folder`` and its problems; else the nearest enclosing
        project file that keeps its stack files elsewhere (which may have left this folder's files behind)."""
        here = self._in_folder(folder)
        if here is not None:
            if here.stack_folder is not None and not _same_folder(here.stack_folder, folder):
                relative = os.path.relpath(here.stack_folder, folder)
                problem = Problem(
                    "",
                    f"`{shown(here.path)}` keeps its stack files in `{relative}` (its stackConfigDir), so Pulumi "
                    f"never reads a stack file in this folder for that project: move this file to `{relative}`",
                )
                return None, (problem,), None
            return (*self._applying(here), None)
        if folder in self._claims:
            claims = list(self._claims[folder].values())
            return (*self._applying(claims[0]), None) if len(claims) == 1 else (None, (_claimed_twice(claims),), None)
        enclosing: _Reading | None = None
        for ancestor in folder.parents:
            found = self._in_folder(ancestor)
            if found is None:
                continue
            if found.stack_folder is None:
                reason = Problem(
                    "",
                    f"`{shown(found.path)}` in an enclosing folder cannot be read far enough to tell where its stack "
                    "files are, so whether its config applies to this stack is unknown",
                )
                return None, (reason, *found.problems), None
            if _same_folder(found.stack_folder, folder):
                return (*self._applying(found), None)
            enclosing = enclosing or found
        claims, unknown = self._from_afar(folder)
        if len(claims) > 1:
            return None, (_claimed_twice(claims),), None
        if unknown:
            return None, unknown, None
        if claims:
            return (*self._applying(claims[0]), None)
        return None, (), enclosing

    def _from_afar(self, folder: Path) -> tuple[list[_Reading], tuple[Problem, ...]]:
        """The project files outside ``folder`` and its ancestors whose stackConfigDir names it: beside it, and in the
        tree searched for it (see :func:`search_root`); with the problems that leave others unknown."""
        claims = self._siblings(folder)
        root = search_root(folder)
        if root is None:
            return claims, ()
        search = self._search(root)
        seen = {reading.path for reading in claims}
        claims += [r for r in search.claims.get(os.path.realpath(folder), ()) if r.path not in seen]
        unknown: list[Problem] = []
        for reading in search.unreadable:
            unknown.append(
                Problem(
                    "",
                    f"`{shown(reading.path)}` cannot be read far enough to tell where its stack files are, so whether "
                    "its stackConfigDir names this folder, and its config applies to this stack, is unknown",
                )
            )
            unknown += reading.problems
        if not search.complete:
            unknown.append(
                Problem(
                    "",
                    "no project file in this folder or above it keeps its stack files here, and the search for one "
                    f"elsewhere in `{shown(root)}` stopped after {SEARCH_LIMIT:,} folders, so whether a project's "
                    "config (a guardProfile, an azure-native:environment) applies to this stack is unknown: check "
                    "it through its project folder, or keep its Pulumi.yaml beside it or above it",
                )
            )
        return claims, tuple(unknown)

    def _search(self, root: Path) -> _Search:
        if root not in self._searches:
            self._searches[root] = self._walk(root)
        return self._searches[root]

    def _walk(self, root: Path) -> _Search:
        """Every project file under ``root`` that keeps its stack files outside its own folder, by the real path of
        the folder it names; folders no project lives in skipped, no folder link followed (a loop, or a tree
        outside), at most :data:`SEARCH_LIMIT` folders."""
        search = _Search()
        pending, visited = [root], 0
        while pending:
            if visited == SEARCH_LIMIT:
                search.complete = False
                break
            folder = pending.pop()
            visited += 1
            try:
                with os.scandir(folder) as listing:
                    entries = list(listing)
            except OSError:  # Pulumi, too, finds no project file in a folder it cannot list
                continue
            names = {entry.name for entry in entries}
            if names & _ENVIRONMENT_MARKERS:
                continue
            if any(name.casefold() in _PROJECT_NAMES for name in names):
                reading = self._in_folder(folder)
                named = None if reading is None else reading.stack_folder
                if reading is not None and named is None:
                    search.unreadable.append(reading)
                elif reading is not None and named is not None and not _same_folder(named, folder):
                    search.claims.setdefault(os.path.realpath(named), []).append(reading)
            else:
                self._folders.setdefault(folder, None)
            pending += sorted(
                (
                    folder / e.name
                    for e in entries
                    if not e.name.startswith(".") and e.name not in _NOT_SEARCHED and _is_folder(e)
                ),
                reverse=True,
            )
        return search

    def _siblings(self, folder: Path) -> list[_Reading]:
        """The project files in the folders beside ``folder`` whose stackConfigDir (``../stacks``) names it."""
        try:
            names = sorted(os.listdir(folder.parent))
        except OSError:
            return []
        found: list[_Reading] = []
        for name in names:
            child = folder.parent / name
            if child == folder or not child.is_dir():
                continue
            reading = self._in_folder(child)
            if reading is not None and reading.stack_folder is not None and _same_folder(reading.stack_folder, folder):
                found.append(reading)
        return found

    @staticmethod
    def _applying(found: _Reading) -> tuple[ProjectFile | None, tuple[Problem, ...]]:
        problems = list(found.problems)
        if found.path.name not in READABLE:
            if found.path.name.casefold() == "pulumi.json":
                message = "is this folder's project file to Pulumi, which tries it before Pulumi.yaml; the checker "
                message += "reads YAML project files only: write it as Pulumi.yaml"
            else:
                message = "is found by Pulumi only on a disk that ignores letter case; name it "
                message += f"`{next(n for n in READABLE if n.casefold() == found.path.name.casefold())}`"
            problems.append(Problem("", f"`{shown(found.path)}` {message}"))
        return (found.project if not problems else None), tuple(problems)

    def _in_folder(self, folder: Path) -> _Reading | None:
        if folder not in self._folders:
            path = _project_path(folder)
            self._folders[folder] = None if path is None else _read(path)
        return self._folders[folder]


@dataclass
class _Search:
    """What a search of one tree found (see :meth:`ProjectFiles._walk`)."""

    claims: dict[str, list[_Reading]] = field(default_factory=dict)
    """The project files keeping their stack files outside their folder, by the real path of the folder they name."""
    unreadable: list[_Reading] = field(default_factory=list)
    """The project files too broken to tell where their stack files are."""
    complete: bool = True
    """Whether the search reached every folder, within :data:`SEARCH_LIMIT`."""


_PROJECT_NAMES: Final = frozenset(name.casefold() for name in PROJECT_FILE_NAMES)


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def search_root(folder: Path) -> Path | None:
    """The tree searched for the project of a stack folder that no project file in it or above it names: the git
    work tree holding ``folder``, or, outside one, the folder the checker runs in when it holds ``folder`` (unless
    that is the whole disk or the home folder, which hold far more than one project's tree); ``None`` otherwise,
    since nothing else bounds where a project may be."""
    for candidate in (folder, *folder.parents):
        if os.path.lexists(candidate / WORK_TREE_MARKER):
            return candidate
    try:
        here = Path(os.getcwd())
    except OSError:  # the working folder was removed
        return None
    if here == Path(here.anchor) or here == Path(os.path.expanduser("~")):
        return None
    return here if here == folder or here in folder.parents else None


def _claimed_twice(claims: list[_Reading]) -> Problem:
    names = " and ".join(f"`{shown(reading.path)}`" for reading in claims)
    return Problem(
        "",
        f"{names} all keep their stack files in this folder (their stackConfigDir), so which project's config "
        "applies depends on the project Pulumi runs: check each project folder on its own",
    )


def _project_path(folder: Path) -> Path | None:
    """The file Pulumi takes for ``folder``'s project file, on any disk: names in any letter case count, since a
    disk that ignores case finds them (the caller refuses a name not spelt as Pulumi spells it)."""
    try:
        names = os.listdir(folder)
    except OSError:  # Pulumi, too, treats a folder it cannot list as one without a project file
        return None
    order = {name.casefold(): i for i, name in enumerate(PROJECT_FILE_NAMES)}
    candidates = sorted((order[n.casefold()], n not in PROJECT_FILE_NAMES, n) for n in names if n.casefold() in order)
    for _, _, name in candidates:
        path = folder / name
        try:
            if not stat.S_ISDIR(os.stat(path).st_mode):
                return path
        except OSError:  # a dangling link is no project file to Pulumi either
            continue
    return None


def _left_behind(folder: Path, enclosing: _Reading) -> bool:
    """Whether a stack file ``name`` in ``folder``, under a project file that keeps its stack files elsewhere, is one
    Pulumi read once and no longer does: ``folder`` holds the project's stack folder (a subfolder of the project's)
    or lies inside it (the stackConfigDir moved down or up). Any other folder of stack files (an examples folder)
    is none, and is decided alone: nothing says Pulumi ever read it."""
    if enclosing.stack_folder is None:
        return False
    stacks, project = Path(os.path.abspath(enclosing.stack_folder)), Path(os.path.abspath(enclosing.path.parent))
    # Only a stackConfigDir below the project folder moves up or down; a project that keeps its stacks beside
    # Pulumi.yaml has any subfolder of stack files (examples) beside it, which Pulumi never read.
    return stacks != project and (folder in stacks.parents or stacks in folder.parents)


def _left_behind_problem(folder: Path, enclosing: _Reading) -> Problem:
    stacks = shown(enclosing.stack_folder or folder)
    return Problem(
        "",
        f"`{shown(enclosing.path)}` keeps its stack files in `{stacks}` (its stackConfigDir), so Pulumi never reads "
        "this one: it is a stack file left behind, and deciding it decides nothing Pulumi deploys. Check "
        f"`{stacks}` (or the project folder) instead, and move or delete this file",
    )


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _extension_problems(project: ProjectFile | None, stack_path: Path) -> tuple[Problem, ...]:
    if project is None:
        return ()
    wanted = project.path.suffix.casefold()
    if stack_path.suffix.casefold() == wanted:
        return ()
    return (
        Problem(
            "",
            f"the project file `{shown(project.path)}` makes Pulumi read `Pulumi.<stack>{project.path.suffix}` "
            f"files, so it never reads this one: rename it to end in `{project.path.suffix}`",
        ),
    )


def read_stack(path: Path) -> StackFile:
    """The stack file at ``path`` with its project file's config applied: the config the program will see.
    Raises :class:`StackFileError` for a problem in either file."""
    return ProjectFiles().apply(read_stack_file(path))


def running_stack_file(root: Path, stack: str) -> tuple[Path, ProjectFile] | None:
    """The file the Pulumi CLI reads stack ``stack``'s config from, ``Pulumi.<stack>.yaml`` in the stackConfigDir of
    the project file in ``root`` (the project's folder), and that project file, read once, for
    :func:`apply_project`; ``None`` when ``root`` has no project file or the stack no such file (its config then
    comes from elsewhere). Raises :class:`StackFileError` for a problem in the project file."""
    project_path = _project_path(root)
    if project_path is None:
        return None
    project = read_project_file(project_path)
    path = project.stack_folder / f"Pulumi.{stack}{project_path.suffix}"
    return (path, project) if os.path.lexists(path) else None


def read_project_file(path: Path) -> ProjectFile:
    """Read the project file at ``path``; raises :class:`StackFileError` listing every problem in it."""
    reading = _read(path)
    if reading.problems or reading.project is None:
        raise StackFileError(reading.problems)
    return reading.project


def apply_project(stack: StackFile, project: ProjectFile) -> StackFile:
    """``stack`` with ``project``'s config applied as Pulumi applies it: a key the stack sets keeps the stack's
    value; any other gets the project's. Raises :class:`StackFileError` for a project key the stack must set and
    does not, or a stack value not of the key's declared type."""
    given = stack.full_config()
    added = {key: copy.deepcopy(value) for key, value in project.values.items() if key not in given}
    problems = [
        _key_problem(
            key, stack.namespace, f"this stack must set it: `{project.source_of(key)}` declares it with no default"
        )
        for key in project.required
        if key not in given
    ]
    problems += [
        _key_problem(key, stack.namespace, f"must be of type `{kind}`, as `{project.source_of(key)}` declares it")
        for key, kind in project.types.items()
        if key in given and not kind.accepts(_as_engine_holds(given[key]))
    ]
    if problems:
        raise StackFileError(problems)
    if not added:
        return replace(stack, project_file=project.path, project_runtime=runtime_name(project.document))
    merged = given | added
    prefix = f"{stack.namespace}:"
    return replace(
        stack,
        config={key[len(prefix) :]: value for key, value in merged.items() if key.startswith(prefix)},
        other_config={key: value for key, value in merged.items() if not key.startswith(prefix)},
        project_file=project.path,
        project_runtime=runtime_name(project.document),
        from_project={key: project.lines.get(key, 1) for key in added},
    )


def _key_problem(key: str, namespace: str, message: str) -> Problem:
    prefix = f"{namespace}:"
    if key.startswith(prefix):
        return Problem(key[len(prefix) :], message, namespace)
    return Problem("", f"`{key}`: {message}")


def attributed(problems: Iterable[Problem], stack: StackFile) -> tuple[Problem, ...]:
    """``problems`` found in ``stack``'s merged config, each that concerns a value from the project file saying
    where that value is, since the stack file does not show it."""
    if stack.project_file is None or not stack.from_project:
        return tuple(problems)
    out: list[Problem] = []
    for problem in problems:
        top = problem.key.split(".")[0].split("[")[0]
        key = next((k for k in sorted(stack.from_project) if k == top or f"`{k}" in problem.message), None)
        if key is not None:
            where = f"{shown(stack.project_file)}, line {stack.from_project[key]}"
            note = f" (`{key}` is not in this file: it comes from {where}, for every stack that does not set it)"
            problem = Problem(problem.loc, problem.template + note, problem.namespace)
        out.append(problem)
    return tuple(out)
