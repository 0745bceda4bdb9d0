"""Read a Pulumi stack file (``Pulumi.<stack>.yaml``) as Pulumi reads it.

The project's keys live in the ``config:`` map under the
``azure-openai-guarded:`` namespace. Keys of other namespaces (for example
``azure-native:location``) belong to other packages and are kept apart.
Every value's line is recorded so that a finding can point at the line of the
offending key.

Scalars follow YAML 1.2, as Pulumi's own parser does: ``2024-11-20`` stays a
string and only ``true``/``false`` are booleans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .declaration import Problem
from .models import PROJECT


class _Yaml12Loader(yaml.SafeLoader):
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


class StackFileError(ValueError):
    """A stack file that cannot be read; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in problems))


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


def _build(loader: _Yaml12Loader, node: yaml.Node, path: str, lines: dict[str, int]) -> Any:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            child = f"{path}.{key}" if path else str(key)
            lines[child] = key_node.start_mark.line + 1
            out[key] = _build(loader, value_node, child, lines)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, f"{path}[{i}]", lines) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def parse_stack_text(text: str, path: Path) -> StackFile:
    """Parse a stack file's text; ``path`` names it in messages and gives the stack name."""
    loader = _Yaml12Loader(text)
    try:
        root = loader.get_single_node()
        raw_lines: dict[str, int] = {}
        document = _build(loader, root, "", raw_lines) if root is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise StackFileError([Problem("", f"not valid YAML: {where}{problem}")]) from None
    finally:
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
