"""Turn a stack's ``azure-openai-guarded:*`` config into a validated declaration.

Shared by the checker (which reads stack files) and the Pulumi program (which
reads ``pulumi.Config``), so both reject the same input with the same words.
Every problem is reported at once, each naming the config path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from .models import PROJECT, StackDeclaration

CONFIG_KEYS = frozenset({"guardProfile", "service", "useCase"})
"""The keys this project reads from its config namespace."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One reason a declaration is invalid."""

    path: str
    """The config path in the project's namespace, e.g. ``useCase.operator.country``;
    empty for a problem with the file as a whole."""
    message: str

    @property
    def key(self) -> str:
        """The full config key as written in a stack file, e.g. ``azure-openai-guarded:useCase.name``."""
        return f"{PROJECT}:{self.path}" if self.path else ""

    def __str__(self) -> str:
        return f"{self.key}: {self.message}" if self.path else self.message


class DeclarationError(ValueError):
    """A declaration that cannot be validated; ``problems`` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in problems))


def _path(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


def _message(error: Mapping[str, Any]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        return "unknown field (check its spelling; see the field list in the README)"
    if kind == "missing":
        return "required field is missing"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        # pydantic's wording names the model class, which means nothing to someone editing a stack file.
        return f"must be a mapping of fields (`key: value` lines), not {type(error.get('input')).__name__}"
    message = str(error["msg"])
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    if kind == "value_error" or "input" not in error:
        return message
    shown = repr(error["input"])
    return f"{message} (got {shown if len(shown) <= 60 else shown[:57] + '...'})"


def problems_from(error: ValidationError, prefix: tuple[str | int, ...] = ()) -> list[Problem]:
    """Every error in ``error`` as a :class:`Problem` with a config path."""
    return [Problem(_path((*prefix, *e["loc"])), _message(e)) for e in error.errors()]


def parse_declaration(config: Mapping[str, Any]) -> StackDeclaration:
    """Validate the project's config (keys without the ``azure-openai-guarded:`` prefix).

    Raises :class:`DeclarationError` listing every problem, unknown keys included.
    """
    problems = [
        Problem(key, f"unknown config key; this project reads {', '.join(sorted(CONFIG_KEYS))}")
        for key in config
        if key not in CONFIG_KEYS
    ]
    known = {k: v for k, v in config.items() if k in CONFIG_KEYS}
    try:
        declaration = StackDeclaration.model_validate(known)
    except ValidationError as error:
        problems += problems_from(error)
        raise DeclarationError(problems) from None
    if problems:
        raise DeclarationError(problems)
    return declaration
