"""Read a Pulumi stack file (``Pulumi.<stack>.yaml``) the way every entry point must agree on.

The project's keys live in the ``config:`` map under the
``azure-openai-guarded:`` namespace. Keys of other namespaces (for example
``azure-native:location``) belong to other packages and are kept apart; a
namespace that is a near miss of the project's (``Azure-OpenAI-Guarded``,
``azure_openai_guarded``, ``azure-openai-guard``) is an error, since Pulumi
would file its keys under a namespace nothing reads. Every value's line is
recorded so that a finding can point at the line of the offending key.

Scalars are resolved with the YAML 1.2 core schema: only ``true``/``false``
are booleans, ``1:30`` stays a string, ``0o17`` is octal, and no tag decodes to
bytes, dates or sets. The Pulumi CLI's reader (``yaml.v3``) still resolves some
plain scalars the YAML 1.1 way (``017`` is octal, ``1_000`` and ``0b11`` are
numbers, ``2024-11-20`` is a date the program gets as ``2024-11-20 00:00:00 +0000
UTC``), and YAML 1.1 readers such as ``gopkg.in/yaml.v2`` take ``no``, ``on``,
``y`` for booleans, which the CLI hands the program as text; so such a plain
scalar is an error asking for quotes: every reader then reads the same value.
For the same reason a repeated key, at any depth, is an error (the CLI refuses
one written twice, but keeps the last of a key's two spellings), and a merge key
(``<<``) is read only when no key it brings in is also given another way (the
CLI keeps the first of two merge sources' value, and a key written beside the
merge over the merged one).

Pulumi hands the program every top-level config value as a string: a scalar as Go writes the value it read
(``1.0`` and ``1e2`` as ``"1"`` and ``"100"``, ``True`` as ``"true"``, an empty value as ``""``), so the reader
gives it as that string. A list or mapping it hands over as JSON written by Go, which writes a whole-number float
as an integer (``1.0`` as ``1``): such a float inside one is an error asking for the integer.

The file itself must be a regular file of at most :data:`MAX_BYTES`: a FIFO,
a device or a socket is refused before it is opened for reading.

Parsing uses libyaml's C parser when PyYAML has it (most wheels do): the
pure-Python parser would take most of the checker's time over many files.
"""

from __future__ import annotations

import codecs
import datetime
import decimal
import errno
import math
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import yaml

try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

from .declaration import DeclarationError, Problem
from .models import PROJECT
from .resource_texts import CONFIG_AT, CONFIG_KEY, is_setting

MAX_BYTES: Final = 1024 * 1024
"""The largest stack file read; real ones are a few kilobytes, so anything bigger is not a stack file."""

MAX_VALUES: Final = 100_000
"""Far more values than a stack file holds; a bound that stops an alias bomb ("billion laughs") at once."""

_STR: Final = "tag:yaml.org,2002:str"
_NULL: Final = "tag:yaml.org,2002:null"
_BOOL: Final = "tag:yaml.org,2002:bool"
_INT: Final = "tag:yaml.org,2002:int"
_FLOAT: Final = "tag:yaml.org,2002:float"
_MAP: Final = "tag:yaml.org,2002:map"
_SEQ: Final = "tag:yaml.org,2002:seq"
_MERGE: Final = "tag:yaml.org,2002:merge"
_AMBIGUOUS: Final = "tag:azure-openai-guarded,2026:ambiguous"
"""Resolved for a plain scalar that YAML 1.2 and Pulumi's yaml.v2 would read as different values."""
_DATE: Final = "tag:azure-openai-guarded,2026:date"
"""Resolved for a plain scalar that is text to YAML 1.2 and a date to Pulumi's reader."""

_NULLS: Final = frozenset({"", "~", "null", "Null", "NULL"})
_TRUE: Final = frozenset({"true", "True", "TRUE"})
_FALSE: Final = frozenset({"false", "False", "FALSE"})
_YAML11_BOOLS: Final = frozenset(
    {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF"}
)
"""Booleans to YAML 1.1 and to yaml.v2, strings to YAML 1.2."""
_CORE_INT: Final = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_CORE_FLOAT: Final = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)
_LEADING_ZERO: Final = re.compile(r"[-+]?0[0-9]+")
"""Decimal to YAML 1.2; octal (or a float) to yaml.v2."""
_YAML_V2_NUMBER: Final = re.compile(
    r"[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|[0-9]+)"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
)
"""What yaml.v2 reads as a number once it has dropped every ``_`` (Go's ``strconv.ParseInt(s, 0, 64)``, then its
float pattern)."""
_GO_TIMESTAMP: Final = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
    r"(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?(?:Z|[-+][0-9]{2}:[0-9]{2})"
    r"| ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:\.[0-9]+)?)?"
)
"""The forms yaml.v3, which the Pulumi CLI reads stack files with, takes for a timestamp (Go's ``2006-1-2``, with
``T15:4:5Z07:00`` or `` 15:4:5`` after it) and Pulumi hands the program rewritten (``2024-11-20`` as
``2024-11-20 00:00:00 +0000 UTC``), when the date and time exist."""
_MAY_RESOLVE: Final = frozenset("-+.0123456789~nNtTfFyYoO<")
"""First characters of every plain scalar that is not a plain string, in either reading."""

_VALUES: Final = "stack values are text, numbers, true/false, lists or mappings"
_INT64: Final = 2**63
_STACK_FILE_KEYS: Final = ("config", "secretsprovider", "encryptedkey", "encryptionsalt")
"""Pulumi's top-level stack-file keys that the guard can read offline."""


def _is_go_timestamp(value: str) -> bool:
    found = _GO_TIMESTAMP.fullmatch(value)
    if found is None:
        return False
    year, month, day, *clock = (int(part) if part else 0 for part in found.groups())
    hour, minute, second = clock[0] + clock[3], clock[1] + clock[4], clock[2] + clock[5]
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return hour < 24 and minute < 60 and second < 60


def _resolve_plain(value: str) -> str:
    """The YAML 1.2 core schema's tag for a plain scalar, or :data:`_AMBIGUOUS` or :data:`_DATE`."""
    if value and value[0] not in _MAY_RESOLVE:
        return _STR
    if value in _NULLS:
        return _NULL
    if value in _TRUE or value in _FALSE:
        return _BOOL
    if value == "<<":
        return _MERGE
    if value in _YAML11_BOOLS or _LEADING_ZERO.fullmatch(value):
        return _AMBIGUOUS
    if _is_go_timestamp(value):
        return _DATE
    if _CORE_INT.fullmatch(value):
        return _INT
    if _CORE_FLOAT.fullmatch(value):
        return _FLOAT
    if _YAML_V2_NUMBER.fullmatch(value.replace("_", "")):
        return _AMBIGUOUS
    return _STR


class _Yaml12Resolution:
    """Tag resolution by the YAML 1.2 core schema, for either of PyYAML's parsers.

    Both parsers ask ``resolve`` for the tag of every node written without one, so
    overriding it replaces YAML 1.1's implicit resolvers (sexagesimal numbers,
    timestamps, ``yes``/``no``, ``=``) wholesale.
    """

    def resolve(self, kind: type[yaml.Node], value: str | None, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            return _resolve_plain(value or "") if implicit[0] else _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


class _Yaml12Loader(_Yaml12Resolution, _SafeLoader):
    """PyYAML's safe parser with YAML 1.2 core-schema resolution; the builder constructs the values."""


class StackFileError(DeclarationError):
    """A stack file that cannot be read, so its declaration cannot be validated; ``problems`` lists every reason.

    ``problem_lines`` gives the 1-based line of each problem when the reader knows it (a repeated key, a bad
    tag), else 0.
    """

    def __init__(self, problems: Sequence[Problem], problem_lines: Sequence[int] = ()) -> None:
        super().__init__(list(problems))
        self.problem_lines = tuple(problem_lines) or (0,) * len(self.problems)


@dataclass(frozen=True)
class StackFile:
    """The parts of a stack file the guard reads."""

    path: Path
    stack: str
    config: dict[str, Any]
    """The project's config, keys without the namespace prefix; a scalar value as the string Pulumi hands the
    program, a list or mapping as its JSON reads."""
    other_config: dict[str, Any]
    """Config of other namespaces, keys in Pulumi's canonical ``namespace:name`` form (``azure-native:location``),
    values read as in :attr:`config`."""
    lines: dict[str, int] = field(default_factory=dict)
    """1-based line of every config path, e.g. ``useCase.operator.country``."""
    project_file: Path | None = None
    """The project file (``Pulumi.yaml``) whose ``config:`` block was applied, if any (see :mod:`.projectfile`)."""
    project_runtime: str | None = None
    """That project file's runtime (``python``, ``yaml``...), as it names it."""
    from_project: dict[str, int] = field(default_factory=dict)
    """The keys, in ``namespace:name`` form, whose values come from the project file, not from this file, each
    with its line there."""
    namespace: str = PROJECT
    """The project's config namespace (its name): this project's, or a consumer project's own."""
    other_lines: dict[str, int] = field(default_factory=dict)
    """1-based line of each key of :attr:`other_config` in this file (``azure-native:environment``)."""

    def full_config(self) -> dict[str, Any]:
        """Every config key in ``namespace:name`` form, as the engine hands the config to the program."""
        return {f"{self.namespace}:{key}": value for key, value in self.config.items()} | self.other_config

    def line_of(self, path: str) -> int:
        """The line of ``path``, or of its nearest declared parent, or 1; a text of the config beside the
        declaration (``config.myapp:customer``, see ``guards/config_texts.py``) at its key's line."""
        if is_setting(path):
            key = path.removeprefix(f"{CONFIG_AT}.").removesuffix(CONFIG_KEY)
            namespace, _, name = key.partition(":")
            lines = self.lines if namespace == self.namespace else self.other_lines
            within = name if namespace == self.namespace else key
            found = [k for k in lines if within == k or within.startswith((f"{k}.", f"{k}["))]
            if found:
                return lines[max(found, key=len)]
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return self.lines.get("", 1)


def _stack_part(name: str) -> str | None:
    folded = name.casefold()
    if not folded.startswith("pulumi."):
        return None
    for suffix in (".yaml", ".yml"):
        if folded.endswith(suffix) and len(name) > len("pulumi.") + len(suffix):
            return name[len("pulumi.") : -len(suffix)]
    return None


def stack_name(path: Path) -> str:
    """``Pulumi.dev.yaml`` is stack ``dev``, in any letter case; any other file is named by its stem."""
    part = _stack_part(path.name)
    return path.stem if part is None else part


def is_stack_file_name(name: str) -> bool:
    """``Pulumi.<stack>.yaml`` or ``.yml`` in any letter case, since Pulumi finds those on case-insensitive disks."""
    return _stack_part(name) is not None


_JSON_STACK_FILE: Final = re.compile(r"(?i)pulumi\.[^/]+\.json")


def is_json_stack_file_name(name: str) -> bool:
    """``Pulumi.<stack>.json`` in any letter case: a stack file Pulumi reads beside a JSON project file, which a
    folder's check reads too, so that it is reported, never skipped."""
    return _JSON_STACK_FILE.fullmatch(name) is not None


_Issue = tuple[str, int, str]
"""A problem found while building: the raw YAML path (``config.<key>.rest``), its line and the message."""


def _tag_name(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


class _Builder:
    """Build plain values from YAML nodes, recording each path's line and every problem.

    Stricter than PyYAML's constructor, so that the value read is the one Pulumi reads:
    a repeated key, a key that is not text, an ambiguous plain scalar, a tag that is not
    YAML 1.2's (``!!binary``, ``!!timestamp``, ``!!set``, ``!python/...``), a number Pulumi
    cannot hold, recursive aliases and aliases that expand without bound are all problems.
    """

    def __init__(self) -> None:
        self.lines: dict[str, int] = {}
        self.issues: list[_Issue] = []
        self.values = 0
        self.open: set[int] = set()
        self.first_paths: dict[int, str] = {}
        self.repeated: set[str] = set()
        self.floats: dict[str, str] = {}
        """The text as written of every float, by path, for messages to quote."""

    def problem(self, path: str, node: yaml.Node, message: str) -> None:
        self.issues.append((path, node.start_mark.line + 1, message))

    def build(self, node: yaml.Node, path: str) -> Any:
        # An alias is the node of its anchor built again: the top-level key the anchor is under holds a repeated
        # value.
        first = self.first_paths.setdefault(id(node), path)
        if first != path:
            self.repeated.add(re.split(r"[.\[]", first, maxsplit=1)[0])
        self.values += 1
        if self.values > MAX_VALUES:
            raise _UnreadableError(f"more than {MAX_VALUES} values (an alias bomb?)")
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.ScalarNode):
            value = self.scalar(node, path)
            if isinstance(value, float):
                self.floats[path] = node.value
            return value
        if node.tag not in (_MAP, _SEQ):
            self.problem(path, node, f"unsupported tag {_tag_name(node.tag)}: write a plain list or mapping")
            return None
        if id(node) in self.open:
            raise _UnreadableError("found an alias that contains itself")
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, path)
            return [self.build(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
        finally:
            self.open.discard(id(node))

    def scalar(self, node: yaml.ScalarNode, path: str) -> Any:
        tag, text = node.tag, node.value
        if tag in (_STR, _MERGE):
            return text
        if tag == _AMBIGUOUS:
            # The Pulumi CLI hands the program `NO` as text and `017` as 15 (its engine tier shows both).
            why = (
                f"`{text}` is a boolean to YAML 1.1 readers (yaml.v2 among them) and text to YAML 1.2 and to the "
                f"Pulumi CLI, which hands the program `{text}`: write '{text}' in quotes for text, or true or false "
                "for a boolean"
                if text in _YAML11_BOOLS
                else f"`{text}` is one value to YAML 1.2 and another to the Pulumi CLI's reader, which keeps YAML "
                f"1.1's numbers (017 octal is 15, 1_000 is 1000, 0b1 is 1): write '{text}' in quotes for text, or a "
                "decimal number without leading zeros"
            )
            self.problem(path, node, why)
            return text
        if tag == _DATE:
            self.problem(
                path,
                node,
                f"`{text}` is text to YAML 1.2 and a date to Pulumi's reader, which hands the program it rewritten "
                f"as a time (`2024-11-20` as `2024-11-20 00:00:00 +0000 UTC`): write '{text}' in quotes",
            )
            return text
        if tag == _NULL and text in _NULLS:
            return None
        if tag == _BOOL and (text in _TRUE or text in _FALSE):
            return text in _TRUE
        if tag == _INT and _CORE_INT.fullmatch(text) and not _LEADING_ZERO.fullmatch(text):
            number = int(text, 0) if text[:2] in ("0o", "0x") else int(text)
            if -_INT64 <= number < _INT64:
                return number
            self.problem(path, node, f"`{text}` is too large for Pulumi's config, which holds 64-bit integers")
            return None
        if tag == _FLOAT and _CORE_FLOAT.fullmatch(text):
            if "." in text and text.lstrip("+-")[1:2] in ("i", "I", "n", "N"):
                self.problem(path, node, f"`{text}` is not a finite number, which Pulumi's config cannot hold")
                return None
            real = float(text)
            if math.isfinite(real):
                return real
            self.problem(path, node, f"`{text}` is not a finite number, which Pulumi's config cannot hold")
            return None
        if tag in (_NULL, _BOOL, _INT, _FLOAT):
            self.problem(path, node, f"`{text}` is not a YAML 1.2 {_tag_name(tag)}")
            return None
        self.problem(path, node, f"unsupported tag {_tag_name(tag)}: {_VALUES}")
        return None

    def mapping(self, node: yaml.MappingNode, path: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        first: dict[str, int] = {}
        sources: list[yaml.MappingNode] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE:
                sources += self.merge_sources(value_node, path)
                continue
            key = self.key(key_node, path)
            if key is None:
                continue
            child = f"{path}.{key}" if path else key
            line = key_node.start_mark.line + 1
            if key in first:
                self.issues.append((child, line, f"repeated key (first on line {first[key]}); write it once"))
                continue
            first[key] = line
            self.lines[child] = line
            out[key] = self.build(value_node, child)
        for source in sources:
            if id(source) in self.open:
                raise _UnreadableError("found a merge (<<) of a mapping into itself")
            self.open.add(id(source))
            try:
                merged = self.mapping(source, path)
            finally:
                self.open.discard(id(source))
            for key, value in merged.items():
                child = f"{path}.{key}" if path else key
                if key in first:
                    line = self.lines.get(child, source.start_mark.line + 1)
                    self.issues.append(
                        (
                            child,
                            line,
                            f"repeated key: merged by `<<` from line {source.start_mark.line + 1} and also given on "
                            f"line {first[key]}; readers disagree on which one wins, so give it once",
                        )
                    )
                    continue
                first[key] = self.lines.get(child, source.start_mark.line + 1)
                out[key] = value
        return out

    def merge_sources(self, node: yaml.Node, path: str) -> list[yaml.MappingNode]:
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP:
            return [node]
        if (
            isinstance(node, yaml.SequenceNode)
            and node.tag == _SEQ
            and all(isinstance(item, yaml.MappingNode) and item.tag == _MAP for item in node.value)
        ):
            return list(node.value)
        self.problem(path, node, "the value of a merge key (<<) must be a mapping or a list of mappings")
        return []

    def key(self, node: yaml.Node, path: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.problem(path, node, "found a list or mapping as a key; a key must be text")
            return None
        value = self.scalar(node, path)
        if not isinstance(value, str):
            self.problem(path, node, f"the key `{node.value}` is not text; quote it (Pulumi turns such keys into text)")
            return None
        if value == "<<":
            self.problem(path, node, "a quoted `<<` key is a merge key to some YAML readers and text to others")
            return None
        return value


class _UnreadableError(Exception):
    """A problem that stops reading at once."""


def _fold(namespace: str) -> str:
    folded = unicodedata.normalize("NFKC", namespace).casefold()
    return "".join(c for c in folded if c not in "-_. \t")


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap two neighbours) that turn ``a`` into ``b``."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


_PROJECT_FOLDED: Final = _fold(PROJECT)
NEAR_MISS_EDITS: Final = 2
"""A namespace that folds (letter case, ``-``/``_``/``.``/spaces, NFKC) to within this many edits of the project's."""


def is_near_miss(namespace: str, of: str = PROJECT) -> bool:
    """Whether ``namespace`` looks like a misspelling of the project's namespace ``of``, though it is not it."""
    if namespace == of:
        return False
    folded, own = _fold(namespace), _fold(of)
    if abs(len(folded) - len(own)) > NEAR_MISS_EDITS:
        return False
    return _distance(folded, own) <= NEAR_MISS_EDITS


def misplaced_key(key: str, own: str) -> str | None:
    """Why config key ``key`` (``namespace:name``) is an error in a project whose namespace is ``own``: its namespace
    is blank or a near miss of ``own`` (``Azure-OpenAI-Guarded:``, ``azure-openai-guard:``), so the program never
    reads it and a ``strict`` profile written there would go unread; ``None`` for any other key."""
    parts = split_key(key)
    if parts is None:
        return None
    namespace, name = parts
    if namespace.strip() and not is_near_miss(namespace, own):
        return None
    return f"config key `{key}` is not in this project's namespace; did you mean `{own}:{name}`?"


def misplaced_problems(keys: Iterable[str], own: str) -> list[Problem]:
    """A problem for each of ``keys`` that :func:`misplaced_key` refuses in namespace ``own``, worded as the checker
    words it; for the entry points that see the keys as the engine hands them (review R19)."""
    return [Problem("", f"`{key}`: {why}") for key in sorted(keys) if (why := misplaced_key(key, own)) is not None]


def is_near_word(word: str, known: str) -> bool:
    """Whether ``word`` is a likely misspelling of ``known`` (at most two edits, letter case aside)."""
    return word != known and _distance(word.casefold(), known) <= 2


def split_key(key: str) -> tuple[str, str] | None:
    """Pulumi's ``ParseKey``: ``namespace:name``, or the legacy ``namespace:config:name`` for the same key."""
    parts = key.split(":")
    if len(parts) == 2:
        return parts[0], parts[1]
    if len(parts) == 3 and parts[1] == "config":
        return parts[0], parts[2]
    return None


@dataclass(frozen=True)
class YamlDocument:
    """A Pulumi YAML file (a stack file or ``Pulumi.yaml``) read as plain values, with what was wrong in it."""

    value: Any
    """The document: mappings, lists and scalars, each as every reader agrees on it."""
    lines: dict[str, int]
    """1-based line of every YAML path, e.g. ``config.azure-openai-guarded:useCase.name``."""
    issues: list[tuple[str, int, str]]
    """Each problem found while reading: its YAML path, its line and the message."""
    floats: dict[str, str] = field(default_factory=dict)
    """The text as written of each float, by YAML path."""
    repeated: frozenset[str] = frozenset()
    """The top-level keys whose values hold an anchor that an alias repeats (``anchors: {loc: &loc eastus2}``)."""


def parse_yaml(text: str) -> YamlDocument:
    """Read ``text`` by the rules in this module's docstring; raises :class:`StackFileError` if it cannot be read
    at all, and records in ``issues`` every problem that still leaves a document."""
    loader: _Yaml12Loader | None = None
    builder = _Builder()
    try:
        # The loader's reader rejects control characters as soon as it is made, so it is made inside the try.
        loader = _Yaml12Loader(text)
        root = loader.get_single_node()
        document = builder.build(root, "") if root is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise StackFileError([Problem("", f"not valid YAML: {where}{problem}")]) from None
    except _UnreadableError as error:
        raise StackFileError([Problem("", f"not valid YAML: {error}")]) from None
    except RecursionError:
        raise StackFileError([Problem("", "not valid YAML: values nested too deeply to read")]) from None
    finally:
        if loader is not None:
            loader.dispose()
    return YamlDocument(document, builder.lines, builder.issues, builder.floats, frozenset(builder.repeated))


@dataclass
class _Frame:
    """A mapping or a list being read, in :func:`aliases_and_merges`."""

    path: str
    mapping: bool
    key: str | None = None
    """The key whose value comes next, in a mapping; ``None`` while a key is expected."""
    index: int = 0
    is_key: bool = False
    """A list or mapping written as a key (``? [a, b]``): its end leaves the mapping waiting for the value."""

    def child(self) -> str:
        part = f"[{self.index}]" if not self.mapping else (f".{self.key}" if self.path else str(self.key))
        return f"{self.path}{part}" if not self.mapping or self.path else part

    def advance(self) -> None:
        if self.mapping:
            self.key = None
        else:
            self.index += 1


def aliases_and_merges(text: str) -> list[tuple[str, str, int, str]]:
    """Each alias (``*party``) and merge key (``<<``) in ``text`` as ``(kind, path, line, name)``: ``alias`` with the
    YAML path of the value it stands for and its anchor's name, or ``merge`` with the path of the mapping it merges
    into. Read from the parser's events, since a composed document shows an alias only as the node it repeats; text
    that holds neither mark is not parsed again, and text that is not YAML gives none (the reader reports it)."""
    if "*" not in text and "<<" not in text:
        return []
    sites: list[tuple[str, str, int, str]] = []
    frames: list[_Frame] = []
    loader = _Yaml12Loader(text)
    try:
        while (event := loader.get_event()) is not None:
            top = frames[-1] if frames else None
            line = event.start_mark.line + 1 if event.start_mark is not None else 0
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                ended = frames.pop()
                if frames and not ended.is_key:
                    frames[-1].advance()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            if top is not None and top.mapping and top.key is None:
                # A key: a plain `<<` is a merge; a complex key is read as text, its insides left unwalked.
                if isinstance(event, yaml.ScalarEvent):
                    if event.value == "<<" and event.implicit[0]:
                        sites.append(("merge", top.path, line, "<<"))
                    top.key = event.value
                elif isinstance(event, yaml.AliasEvent):
                    sites.append(("alias", top.path, line, str(event.anchor)))
                    top.key = f"*{event.anchor}"
                else:
                    top.key = "?"
                    frames.append(_Frame("", isinstance(event, yaml.MappingStartEvent), is_key=True))
                continue
            path = top.child() if top is not None else ""
            if isinstance(event, yaml.AliasEvent):
                sites.append(("alias", path, line, str(event.anchor)))
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                frames.append(_Frame(path, isinstance(event, yaml.MappingStartEvent)))
            elif top is not None:
                top.advance()
    except yaml.YAMLError:
        return sites
    finally:
        loader.dispose()
    return sites


def parse_stack_text(text: str, path: Path, namespace: str = PROJECT) -> StackFile:
    """Parse a stack file's text; ``path`` names it in messages and gives the stack name; ``namespace`` is the
    project's config namespace (its name)."""
    return _stack_file(parse_yaml(text), path, namespace)


_GO_EXPONENT_FROM: Final = 1e21
"""Go's JSON encoder writes a float at least this large with an exponent (``1e+21``), which reads back as a float;
a smaller whole float it writes as digits alone (``1``), which a program reads as an integer."""


def _go_integer(number: float) -> int:
    """The integer Go's JSON encoder writes for a whole ``number`` below 1e21: its shortest round-trip digits
    (Python's ``repr`` gives the same), padded with zeros, so ``2.0**60`` is ``1152921504606847000``, not ``2**60``."""
    return int(decimal.Decimal(repr(number)))


def go_number(number: float) -> str:
    """``number`` as Go's JSON encoder writes a float64 and Pulumi's config reads it back: a whole number below
    1e21 as its digits, else the shortest digits, with an exponent (``1e-7``, ``1e+21``) below 1e-6 or from 1e21."""
    if number.is_integer() and abs(number) < _GO_EXPONENT_FROM:
        return str(_go_integer(number))
    if 1e-6 <= abs(number) < _GO_EXPONENT_FROM:
        return format(decimal.Decimal(repr(number)), "f")
    mantissa, exponent = repr(number).split("e")
    return f"{mantissa}e{exponent[0]}{exponent[1:].lstrip('0')}"


def _as_program_sees(value: Any) -> Any:
    """A top-level config value as Pulumi hands it to the program: a scalar as the string Go writes for the value
    it read (null as ``""``); a list or mapping unchanged, as its JSON keeps it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return go_number(value)
    return value


def whole_number_issues(value: Any, where: str, read: YamlDocument) -> list[_Issue]:
    """A problem at each float with no fractional part inside ``value``, a config list or mapping at YAML path
    ``where`` of ``read`` (a scalar has none): Pulumi marshals these to JSON with Go's encoder, which writes ``1.0``
    as ``1``, so the program reads an integer where the YAML says a float. Found without recursion, since the
    value may nest as deeply as the parser allowed."""
    issues: list[_Issue] = []
    # Most files hold no float at all, and then nothing needs walking.
    pending: list[tuple[Any, str, str]] = [(value, where, "")] if read.floats and isinstance(value, dict | list) else []
    while pending:
        item, at, name = pending.pop()
        if isinstance(item, dict):
            pending += reversed([(child, f"{at}.{key}", str(key)) for key, child in item.items()])
        elif isinstance(item, list):
            pending += reversed([(child, f"{at}[{i}]", "") for i, child in enumerate(item)])
        elif isinstance(item, float) and item.is_integer() and abs(item) < _GO_EXPONENT_FROM:
            text, number = read.floats.get(at, repr(item)), _go_integer(item)
            if -_INT64 <= number < _INT64:
                fix = f"write the integer, `{name}: {number}`" if name else f"write the integer, `{number}`"
            else:
                fix = "too large for Pulumi's config, which holds 64-bit integers"
            issues.append(
                (
                    at,
                    read.lines.get(at, 1),
                    f"`{text}` is a whole number, which the program reads as the integer {number} (Pulumi passes "
                    f"structured config as JSON, where Go writes {text} as {number}); {fix}",
                )
            )
    return issues


def _stack_file(read: YamlDocument, path: Path, namespace: str = PROJECT) -> StackFile:
    document, raw_lines, issues = read.value, read.lines, read.issues
    if document is None:
        document = {}
    if not isinstance(document, dict):
        raise StackFileError([Problem("", "a stack file must be a YAML mapping with a `config:` key")])
    for key in document:
        if key == "environment":
            issues.append(
                (
                    key,
                    raw_lines.get(key, 1),
                    "imports Pulumi ESC environments, whose config the offline guard cannot see and which can "
                    "change where the stack deploys; put the config in this file",
                )
            )
        elif key not in _STACK_FILE_KEYS and key not in read.repeated:
            # Pulumi ignores any other key, so what it says is read by no one (`notes: NYPD pilot`, review R22),
            # unless it holds the anchors that config repeats (`anchors: {loc: &loc eastus2}`).
            near = next((k for k in (*_STACK_FILE_KEYS, "environment") if is_near_word(str(key), k)), None)
            said = (
                f"did you mean `{near}`?"
                if near
                else "a stack file holds only `config`, `secretsprovider`, `encryptedkey`, `encryptionsalt` and "
                "`environment` (and a key for the anchors config repeats), and Pulumi ignores any other key; say "
                "what the stack is for in the use case"
            )
            issues.append((key, raw_lines.get(key, 1), f"unknown top-level key; {said}"))
    config_map = document.get("config")
    if config_map is None:
        config_map = {}
    if not isinstance(config_map, dict):
        raise StackFileError([Problem("", "`config:` must be a mapping of `namespace:key` to value")])

    own = namespace
    prefix = f"{own}:"
    config: dict[str, Any] = {}
    other: dict[str, Any] = {}
    lines: dict[str, int] = {"": raw_lines.get("config", 1)}
    spelled: dict[str, str] = {}
    project_keys: dict[str, str] = {}
    other_lines: dict[str, int] = {}
    for key, value in config_map.items():
        where = f"config.{key}"
        line = raw_lines.get(where, 1)
        parts = split_key(key)
        if ":" not in key:
            issues.append((where, line, f"config key `{key}` has no namespace; did you mean `{prefix}{key}`?"))
            continue
        if parts is None:
            issues.append((where, line, f"`{key}` is not a Pulumi config key: write `namespace:name`"))
            continue
        namespace, name = parts
        canonical = f"{namespace}:{name}"
        if canonical in spelled:
            issues.append((where, line, f"repeated key: `{spelled[canonical]}` and `{key}` are the same key to Pulumi"))
            continue
        spelled[canonical] = key
        value = _as_program_sees(value)
        issues += whole_number_issues(value, where, read)
        if namespace == own:
            config[name] = value
            project_keys[where] = name
            lines.update({name + rest[len(where) :]: ln for rest, ln in raw_lines.items() if _under(rest, where)})
        elif (near := misplaced_key(key, own)) is not None:
            issues.append((where, line, near))
        else:
            other[canonical] = value
            other_lines[canonical] = line
    if issues:
        raise StackFileError(*_problems(issues, project_keys, own))
    return StackFile(
        path=path,
        stack=stack_name(path),
        config=config,
        other_config=other,
        lines=lines,
        namespace=own,
        other_lines=other_lines,
    )


def _problems(
    issues: list[_Issue], project_keys: dict[str, str], namespace: str = PROJECT
) -> tuple[list[Problem], list[int]]:
    """Each issue as a Problem and its line: with its config path inside the project's namespace, else naming
    the YAML path in the message."""
    problems: list[Problem] = []
    lines: list[int] = []
    for raw, line, message in sorted(issues, key=lambda issue: issue[1]):
        owner = next((k for k in project_keys if _under(raw, k)), None)
        if owner is not None:
            problems.append(Problem(project_keys[owner] + raw[len(owner) :], message, namespace))
        else:
            shown = raw.removeprefix("config.")
            problems.append(Problem("", f"`{shown}`: {message}" if shown else message))
        lines.append(line)
    return problems, lines


def _under(path: str, parent: str) -> bool:
    return path == parent or path.startswith((parent + ".", parent + "["))


_KINDS: Final[tuple[tuple[Callable[[int], bool], str], ...]] = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def os_error_message(error: OSError) -> str:
    """A short reason for a failed ``stat`` or ``open``, with a symbolic link loop named as one."""
    if error.errno == errno.ELOOP:
        return "a symbolic link loop (or a chain of links too long to follow)"
    if error.errno == errno.ENOENT:
        return "no such file or folder (or a symbolic link to one that is missing)"
    return error.strerror or str(error)


def read_stack_file(path: Path, namespace: str = PROJECT) -> StackFile:
    """Read and parse the stack file at ``path``, its own keys in ``namespace`` (the project's name); anything but
    a regular file of at most MAX_BYTES is refused."""
    return parse_stack_text(read_text(path), path, namespace)


def read_text(path: Path) -> str:
    """The UTF-8 text of the regular file at ``path`` of at most MAX_BYTES; raises :class:`StackFileError` for
    anything else (a FIFO, a device, a socket, a folder, a link loop, a larger file)."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise StackFileError([Problem("", f"cannot read the file: it is {_kind(mode)}, not a regular file")])
        # O_NONBLOCK: if a FIFO replaces the file after the check, opening it must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise StackFileError([Problem("", f"cannot read the file: it is {_kind(mode)}, not a regular file")])
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise StackFileError([Problem("", f"cannot read the file: {os_error_message(error)}")]) from None
    if len(data) > MAX_BYTES:
        raise StackFileError(
            [Problem("", f"cannot read the file: it is larger than {MAX_BYTES // 1024} KiB, more than any stack file")]
        )
    # As the CLI's reader (yaml.v3) does: UTF-16 with its byte-order mark, else UTF-8 (review R20).
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise StackFileError(
            [Problem("", f"cannot read the file: not {encoding.upper()} text ({error.reason})")]
        ) from None
    return text
