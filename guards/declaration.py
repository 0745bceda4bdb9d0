"""How every entry point reads a declaration: one strictness, one error type, names chosen when printed.

The checker (stack files), the program (``pulumi.Config``), the components
(Python dicts), the component provider (inputs from other languages) and the
policy pack (``PULUMI_CONFIG``) all validate through :func:`validate`, so a
repeated key, two spellings of one field, an unknown key at any depth or a
scalar of the wrong type is an error with its path in every one of them.

A problem records where it is as a *location*: the models' Python field names,
list indices, and keys as the user wrote them (:class:`Key`). The names are
chosen only when the problem is printed: camelCase for stack files and other
languages (:data:`CONFIG_NAMING`), the Python names for Python arguments
(:data:`PYTHON_NAMING`). A message refers to a field as ``{python_name}``,
rendered the same way.

JSON values. Pulumi hands a program and a policy pack every structured config
value as a JSON string (``PULUMI_CONFIG``), so neither can tell a stack file's
mapping from a string holding the same JSON. Every entry point that reads
config therefore accepts, for a key whose value is a mapping, either a mapping
or a string holding one JSON object, decoded by :func:`decode_json`, which
refuses a repeated key (Python's ``json`` would keep the last one silently).
Nested values are never decoded: a JSON string inside a mapping is a string.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final, Literal, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from pydantic.alias_generators import to_camel

from .confusables import LATIN_PROTOTYPES
from .models import PROJECT

Naming = Callable[[str], str]
"""Turns a model's Python field name into the name a user writes."""


def _python(name: str) -> str:
    return name


CONFIG_NAMING: Final[Naming] = to_camel
"""Stack files and other languages: ``servedParties``, ``versionUpgradeOption``."""
PYTHON_NAMING: Final[Naming] = _python
"""Python arguments: ``served_parties``, ``version_upgrade_option``."""


class Key(str):
    """A key as the user wrote it (an unknown or repeated key): printed as written, whatever the naming, except
    that a character other than printable ASCII is shown escaped (see :func:`shown_key`)."""

    __slots__ = ()


def _plain_ascii(char: str) -> bool:
    return " " < char < "\x7f"


def shown_key(key: str) -> str:
    """``key`` with every character other than printable ASCII escaped (``servedP\\u0430rties``), so that a
    look-alike letter or an invisible character is seen where a message prints the key."""
    return "".join(
        c if _plain_ascii(c) else f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}" for c in key
    )


def _odd_characters(key: str) -> list[str]:
    """Each distinct character of ``key`` other than printable ASCII, named as Unicode names it."""
    odd = dict.fromkeys(c for c in key if not _plain_ascii(c))
    return [f"U+{ord(c):04X} {unicodedata.name(c, 'without a name')}" for c in odd]


def look_alike_message(what: str, key: str, names: Iterable[str]) -> str | None:
    """For a ``key`` with characters other than printable ASCII: ``what``, the key escaped, its odd characters
    named, and the one of ``names`` it imitates; ``None`` for a plain ASCII key."""
    odd = _odd_characters(key)
    if not odd:
        return None
    looks_like = {_skeleton(name): name for name in names}.get(_skeleton(key))
    hint = f"; write `{looks_like}` in plain ASCII" if looks_like else "; field names are plain ASCII"
    return f"{what}: `{shown_key(key)}` contains {', '.join(odd)}{hint}"


def _skeleton(key: str) -> str:
    """``key`` as the ASCII letters its characters look like (UTS #39 prototypes), invisible ones dropped."""
    out = ""
    for char in unicodedata.normalize("NFKC", key).casefold():
        if _plain_ascii(char):
            out += char
        elif char in LATIN_PROTOTYPES:
            out += LATIN_PROTOTYPES[char]
        else:
            base = unicodedata.normalize("NFD", char)[:1]
            out += base if _plain_ascii(base) else ""
    return out


Loc = tuple[str | int, ...]
"""Where a problem is: field names (plain ``str``), list indices and :class:`Key` parts."""

_FIELD_REF = re.compile(r"\{([a-z][a-z0-9]*(?:_[a-z0-9]+)*)\}")
_PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def render(text: str, naming: Naming) -> str:
    """``text`` with each ``{python_name}`` field reference written as ``naming`` writes it."""
    return _FIELD_REF.sub(lambda m: naming(m[1]), text)


def renamed(path: str, naming: Naming) -> str:
    """A path written with the stack files' camelCase keys (``useCase.servedParties[0]``), as ``naming`` writes it."""
    out = ""
    for name, index in _PATH_PART.findall(path):
        if not name:
            out += f"[{index}]"
            continue
        part = naming(_snake(name))
        out += f".{part}" if out else part
    return out


def field_reference(name: str) -> str:
    """A :data:`Naming` that writes ``{name}``: a reference to a field, named when the text is printed."""
    return f"{{{name}}}"


def _loc_part(name: str, index: str) -> str | int:
    if not name:
        return int(index)
    if (ref := _FIELD_REF.fullmatch(name)) is not None:
        return ref[1]
    return Key(name)


def _loc_of(path: str) -> Loc:
    # A path given as text is taken as written (``useCase.operator``), but for its field references
    # (``{deployments}[0].{rai_policy}``, see field_reference).
    return tuple(_loc_part(name, index) for name, index in _PATH_PART.findall(path))


@dataclass(frozen=True, slots=True, init=False)
class Problem:
    """One reason a declaration is invalid."""

    loc: Loc
    """Where: empty for a problem with the input as a whole."""
    template: str
    """What is wrong and what to change; ``{python_name}`` refers to a field."""
    namespace: str
    """The config namespace the location is in: this project's, or a consumer project's own (its name)."""

    def __init__(self, loc: Loc | str, template: str, namespace: str = PROJECT) -> None:
        object.__setattr__(self, "loc", _loc_of(loc) if isinstance(loc, str) else tuple(loc))
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "namespace", namespace)

    def in_namespace(self, namespace: str) -> Problem:
        """This problem, its location in the config namespace ``namespace``."""
        return Problem(self.loc, self.template, namespace)

    def path_in(self, naming: Naming) -> str:
        """The location as ``naming`` writes it, e.g. ``useCase.servedParties[0].country``."""
        out = ""
        for part in self.loc:
            if isinstance(part, int):
                out += f"[{part}]"
            else:
                name = shown_key(part) if isinstance(part, Key) else naming(part)
                out += f".{name}" if out else name
        return out

    def message_in(self, naming: Naming) -> str:
        return render(self.template, naming)

    def line(self, naming: Naming) -> str:
        """``path: message``, for a Python caller (``naming`` is then :data:`PYTHON_NAMING`)."""
        path = self.path_in(naming)
        return f"{path}: {self.message_in(naming)}" if path else self.message_in(naming)

    @property
    def path(self) -> str:
        """The config path in the project's namespace, e.g. ``useCase.operator.country``."""
        return self.path_in(CONFIG_NAMING)

    @property
    def message(self) -> str:
        return self.message_in(CONFIG_NAMING)

    @property
    def key(self) -> str:
        """The full config key as written in a stack file, e.g. ``azure-openai-guarded:useCase.name``."""
        return f"{self.namespace}:{self.path}" if self.loc else ""

    def within(self, *prefix: str | int) -> Problem:
        """This problem, located under ``prefix``."""
        return Problem((*prefix, *self.loc), self.template, self.namespace)

    def __str__(self) -> str:
        return f"{self.key}: {self.message}" if self.loc else self.message


class DeclarationError(ValueError):
    """A declaration that cannot be validated; ``problems`` lists every reason.

    The one error type of every entry point. Its text names fields as stack files
    do; :meth:`lines` names them for another caller.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self, naming: Naming) -> list[str]:
        return [p.line(naming) for p in self.problems]


# -- JSON ---------------------------------------------------------------------------------------------------------


class _Object(dict[str, Any]):
    """A decoded JSON object that remembers the keys its text repeated."""

    repeated: tuple[str, ...] = ()


def _pairs(pairs: list[tuple[str, Any]]) -> _Object:
    out = _Object()
    repeated: list[str] = []
    for key, value in pairs:
        if key in out and key not in repeated:
            repeated.append(key)
        out[key] = value
    out.repeated = tuple(repeated)
    return out


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _repeats(value: Any, loc: Loc) -> list[Problem]:
    found: list[Problem] = []
    if isinstance(value, _Object):
        found += [
            Problem((*loc, Key(k)), "repeated key: the JSON gives it more than once; give it once")
            for k in value.repeated
        ]
        for key, item in value.items():
            found += _repeats(item, (*loc, Key(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _repeats(item, (*loc, i))
    return found


MAX_JSON_DEPTH: Final = 64
"""How deeply a JSON string may nest objects and arrays; no declaration comes near it, and a deeper one would
exhaust Python's recursion while it is read."""


def json_depth(text: str) -> int:
    """The deepest nesting of objects and arrays in ``text``, brackets inside JSON strings not counted."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def decode_json(text: str, loc: Loc = ()) -> Any:
    """Decode ``text`` as strict JSON; a repeated key, ``NaN``, bad syntax or nesting deeper than
    :data:`MAX_JSON_DEPTH` raises :class:`DeclarationError`."""
    if json_depth(text) > MAX_JSON_DEPTH:
        too_deep = (
            f"is a JSON string that exceeded maximum nesting depth ({MAX_JSON_DEPTH} levels of objects or arrays)"
        )
        raise DeclarationError([Problem(loc, too_deep)])
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except ValueError as error:
        raise DeclarationError([Problem(loc, f"is a string that is not valid JSON ({error})")]) from None
    repeats = _repeats(value, loc)
    if repeats:
        raise DeclarationError(repeats)
    return _plain(value)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def config_mapping(value: Any, loc: Loc) -> Any:
    """A config key's value where a mapping belongs: a JSON object in a string is decoded (see the module)."""
    if isinstance(value, str) and value.lstrip().startswith("{"):
        return decode_json(value, loc)
    return value


# -- validation ---------------------------------------------------------------------------------------------------

ModelT = TypeVar("ModelT", bound=BaseModel)

Spelling = Literal["config", "python"]
"""How the input names fields: ``config`` accepts only the camelCase keys; ``python`` the Python names, or
the camelCase keys (a declaration read from a stack file), but never both spellings of one field."""


def validate(model: type[ModelT], value: Any, loc: Loc = (), *, spelling: Spelling) -> ModelT:
    """``value`` validated as ``model``; raises :class:`DeclarationError` listing every problem under ``loc``.

    A model instance is validated again from its data, as a mapping would be: pydantic passes an instance
    through unchecked, and ``model_copy(update=...)``, ``model_construct`` or a subclass makes one that no
    validator has seen (a country ``"us"`` never read as the United States)."""
    if isinstance(value, BaseModel):
        value = value.model_dump(by_alias=True, warnings=False)
        spelling = "config"
    try:
        return model.model_validate(value, by_alias=True, by_name=spelling == "python")
    except ValidationError as error:
        raise DeclarationError(problems_from(error, loc, model=model, spelling=spelling)) from None


def problems_from(
    error: ValidationError,
    prefix: Loc = (),
    *,
    model: type[BaseModel] | None = None,
    spelling: Spelling = "config",
) -> list[Problem]:
    """Every error in ``error`` as a :class:`Problem` located under ``prefix``."""
    fields = _field_names(model) if model is not None else frozenset()
    problems: list[Problem] = []
    for e in error.errors():
        loc = tuple(e["loc"])
        parts: list[str | int] = [p if isinstance(p, int) or p in fields else Key(p) for p in loc]
        if e["type"] == "extra_forbidden" and parts:
            parts[-1] = Key(str(loc[-1]))
        problems.append(Problem((*prefix, *parts), _message(e, spelling, fields)))
    return problems


@cache
def _field_names(model: type[BaseModel]) -> frozenset[str]:
    names: set[str] = set()
    pending: list[Any] = [model]
    seen: set[Any] = set()
    while pending:
        typ = pending.pop()
        if typ in seen:
            continue
        seen.add(typ)
        if isinstance(typ, type) and issubclass(typ, BaseModel):
            for name, info in typ.model_fields.items():
                names.add(name)
                pending.append(info.annotation)
        else:
            pending.extend(get_args(typ))
    return frozenset(names)


def _snake(key: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", lambda m: "_" + m[1].lower(), key)


def _message(error: Mapping[str, Any], spelling: Spelling, fields: frozenset[str]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        # A field's Python name where only the camelCase key is read, or its second spelling in a Python dict.
        if spelling == "python" and _snake(key) in fields:
            return "the same field is also given under its other spelling; give it once"
        if spelling == "config" and key in fields and to_camel(key) != key:
            return f"unknown field; the key is written `{to_camel(key)}` here"
        names = [to_camel(f) for f in fields] + (list(fields) if spelling == "python" else [])
        look_alike = look_alike_message("unknown field", key, names)
        if look_alike is not None:
            return look_alike
        return "unknown field (check its spelling; see the field list in the README)"
    if kind == "missing":
        return "required field is missing"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        # pydantic's wording names the model class, which means nothing to someone editing a stack file.
        return f"must be a mapping of fields (`key: value` lines), not {_kind(error.get('input'))}"
    if kind in ("bool_type", "bool_parsing"):
        return f"must be true or false, not {_shown(error.get('input'))}"
    if kind in ("string_type", "str_type"):
        return f"must be a string, not {_shown(error.get('input'))}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"must be a whole number, not {_shown(error.get('input'))}"
    if kind in ("tuple_type", "list_type"):
        return f"must be a list, not {_kind(error.get('input'))}"
    message = str(error["msg"])
    if kind == "value_error":
        message = message.removeprefix("Value error, ")
    if kind == "value_error" or "input" not in error:
        return message
    return f"{message} (got {_shown(error['input'])})"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bytes | bytearray | memoryview):
        # A Sequence too, but never a list of anything a declaration holds: say what it is.
        return "bytes"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, Sequence):
        return "a list"
    return type(value).__name__


def _shown(value: Any) -> str:
    shown = repr(value)
    return f"{_kind(value)} {shown if len(shown) <= 60 else shown[:57] + '...'}"
