"""Read a Pulumi stack file (``Pulumi.<stack>.yaml``) as Pulumi reads it.

The project's keys live in the ``config:`` map under the
``azure-openai-guarded:`` namespace. Keys of other namespaces (for example
``azure-native:location``) belong to other packages and are kept apart.
Every value's line is recorded so that a finding can point at the line of the
offending key.

Scalars follow YAML 1.2, as Pulumi's own parser does: ``2024-11-20`` stays a
string and only ``true``/``false`` are booleans.

Parsing uses libyaml's C parser when PyYAML has it (most wheels do): the
pure-Python parser would take most of the checker's time over many files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import yaml
from yaml.constructor import ConstructorError

try:
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # PyYAML built without libyaml
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

from .declaration import DeclarationError, Problem
from .models import PROJECT


class _Yaml12Loader(_SafeLoader):
    """SafeLoader without YAML 1.1's timestamps and yes/no/on/off booleans."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class StackFileError(DeclarationError):
    """A stack file that cannot be read, so its declaration cannot be validated; ``problems`` lists every reason."""


@dataclass(frozen=True)
class StackFile:
    """The parts of a stack file the guard reads."""

    path: Path
    stack: str
    config: dict[str, Any]
    """The project's config, keys without the namespace prefix."""
    other_config: dict[str, Any]
    """Config of other namespaces, keys in full (``azure-native:location``)."""
    lines: dict[str, int] = field(default_factory=dict)
    """1-based line of every config path, e.g. ``useCase.operator.country``."""

    def line_of(self, path: str) -> int:
        """The line of ``path``, or of its nearest declared parent, or 1."""
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return self.lines.get("", 1)


def stack_name(path: Path) -> str:
    """``Pulumi.dev.yaml`` is stack ``dev``; any other file is named by its stem."""
    name = path.name
    for suffix in (".yaml", ".yml"):
        if name.startswith("Pulumi.") and name.endswith(suffix):
            return name[len("Pulumi.") : -len(suffix)]
    return path.stem


MAX_VALUES: Final = 100_000
"""Far more values than a stack file holds; a bound that stops an alias bomb ("billion laughs") at once."""

_MERGE_TAG: Final = "tag:yaml.org,2002:merge"
_PLAIN_TAGS: Final = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
"""The tags a mapping or list may carry; anything else (``!!set``, ``!!python/...``) is rejected."""


class _Builder:
    """Build plain values from YAML nodes, recording each config path's line.

    Stricter than PyYAML's constructor, as Pulumi's parser is: a duplicate key is an
    error (PyYAML would keep the last one silently), and so are unhashable keys,
    recursive aliases and aliases that expand without bound.
    """

    def __init__(self, loader: _Yaml12Loader) -> None:
        self.loader = loader
        self.lines: dict[str, int] = {}
        self.values = 0
        self.open: set[int] = set()

    def build(self, node: yaml.Node, path: str) -> Any:
        self.values += 1
        if self.values > MAX_VALUES:
            raise ConstructorError(None, None, f"more than {MAX_VALUES} values (an alias bomb?)", node.start_mark)
        self.lines.setdefault(path, node.start_mark.line + 1)
        if not isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            return self.loader.construct_object(node, deep=True)
        if node.tag not in _PLAIN_TAGS:
            raise ConstructorError(None, None, f"unsupported tag {node.tag!r}", node.start_mark)
        if id(node) in self.open:
            raise ConstructorError(None, None, "found an alias that contains itself", node.start_mark)
        self.open.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
            return self._mapping(node, path)
        finally:
            self.open.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: str) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        # Keys are told apart by type too: in YAML, 1 and true are different keys, though equal in Python.
        seen: set[tuple[type, Any]] = set()
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                raise ConstructorError(
                    "while reading a mapping",
                    node.start_mark,
                    "merge keys (<<) are not supported in stack files; write the keys out",
                    key_node.start_mark,
                )
            key = self.loader.construct_object(key_node, deep=True)
            try:
                duplicate = (type(key), key) in seen
            except TypeError:
                raise ConstructorError(
                    "while reading a mapping", node.start_mark, "found a list or mapping as a key", key_node.start_mark
                ) from None
            if duplicate:
                raise ConstructorError(
                    "while reading a mapping", node.start_mark, f"found duplicate key {key!r}", key_node.start_mark
                )
            seen.add((type(key), key))
            child = f"{path}.{key}" if path else str(key)
            self.lines[child] = key_node.start_mark.line + 1
            out[key] = self.build(value_node, child)
        return out


def parse_stack_text(text: str, path: Path) -> StackFile:
    """Parse a stack file's text; ``path`` names it in messages and gives the stack name."""
    loader: _Yaml12Loader | None = None
    try:
        # The loader's reader rejects control characters as soon as it is made, so it is made inside the try.
        loader = _Yaml12Loader(text)
        root = loader.get_single_node()
        builder = _Builder(loader)
        document = builder.build(root, "") if root is not None else {}
        raw_lines = builder.lines
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise StackFileError([Problem("", f"not valid YAML: {where}{problem}")]) from None
    except RecursionError:
        raise StackFileError([Problem("", "not valid YAML: values nested too deeply to read")]) from None
    finally:
        if loader is not None:
            loader.dispose()

    if not isinstance(document, dict):
        raise StackFileError([Problem("", "a stack file must be a YAML mapping with a `config:` key")])
    config_map = document.get("config") or {}
    if not isinstance(config_map, dict):
        raise StackFileError([Problem("", "`config:` must be a mapping of `namespace:key` to value")])

    prefix = f"{PROJECT}:"
    config: dict[str, Any] = {}
    other: dict[str, Any] = {}
    lines: dict[str, int] = {"": raw_lines.get("config", 1)}
    problems: list[Problem] = []
    for key, value in config_map.items():
        key = str(key)
        if key.startswith(prefix):
            short = key[len(prefix) :]
            config[short] = value
            full = f"config.{key}"
            lines.update({short + rest[len(full) :]: ln for rest, ln in raw_lines.items() if _under(rest, full)})
        elif ":" in key:
            other[key] = value
        else:
            problems.append(Problem("", f"config key `{key}` has no namespace; did you mean `{prefix}{key}`?"))
    if problems:
        raise StackFileError(problems)
    return StackFile(path=path, stack=stack_name(path), config=config, other_config=other, lines=lines)


def _under(path: str, parent: str) -> bool:
    return path == parent or path.startswith((parent + ".", parent + "["))


def read_stack_file(path: Path) -> StackFile:
    """Read and parse the stack file at ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise StackFileError([Problem("", f"cannot read the file: {error}")]) from None
    return parse_stack_text(text, path)
