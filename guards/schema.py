"""The JSON Schema of a stack file, generated from the models the checker validates it with.

``aoai-guard schema`` prints it and :data:`SCHEMA_FILE` is the committed copy, which an editor reads through a
first line ``# yaml-language-server: $schema=<path or URL>`` to complete and check a stack file as it is
typed. The descriptions are the models' field docstrings.

The schema accepts what the checker can decide, and where JSON Schema can say it, nothing else: the whole
declaration (``useCase``, ``guardProfile``), the shape of ``service``, the config keys and their namespaces.
The rules it cannot express, each named in the description of the value it concerns, are checked by the
checker alone: the verdict itself (allowed or denied), the service's catalogue (models, SKUs, regions and
capacities), resource ids, address ranges and host names, and the other checks named there.

A value that a stack file may give as a mapping may also be a string holding the same mapping as JSON, as
Pulumi hands structured config to a program; the schema accepts any string there (JSON Schema's
``contentSchema`` only annotates) and the checker decodes and checks it.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any, Final

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import CoreSchema

from .countries import ISO_3166_ALPHA2
from .models import _SLUG, PROJECT, _country, _slug

SCHEMA_FILE: Final = "schema/stack-file.schema.json"
"""Where the repository keeps the generated schema; tests/guard/test_schema.py keeps it equal to :func:`schema`."""

DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"

TRIMMED: Final = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
"""What pydantic's ``str_strip_whitespace`` trims from both ends: Unicode's White_Space characters (a class body)."""

PY_SPACE: Final = TRIMMED + "\x1c-\x1f"
"""What Python's ``str.strip()`` removes: the trimmed characters and the four separators ``\\x1c``-``\\x1f``."""


def _class(body: str) -> str:
    return f"[{_escaped(body)}]"


def _escaped(body: str) -> str:
    """A class body with every character as ``\\uXXXX``, which Python and ECMAScript read alike."""
    return "".join(c if c == "-" else f"\\u{ord(c):04x}" for c in body)


def _literal(text: str) -> str:
    """``text`` matched literally, escaping only what ECMAScript's Unicode mode allows to be escaped."""
    return "".join(f"\\{c}" if c in r"\^$.|?*+()[]{}/" else c for c in text)


@cache
def _upper_sources() -> dict[str, frozenset[str]]:
    """Each short ASCII capital string, with every character whose ``str.upper()`` it is."""
    found: dict[str, set[str]] = {}
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        upper = char.upper()
        if len(upper) <= 2 and upper.isascii() and upper.isalpha():
            found.setdefault(upper, set()).add(char)
    return {upper: frozenset(chars) for upper, chars in found.items()}


def _char(c: str) -> str:
    return c if c.isascii() and c.isalnum() else f"\\u{ord(c):04x}"


def _upper_alternatives(code: str) -> str:
    """A pattern of every string whose ``str.upper()`` is ``code`` (``ſ`` is an ``S``, ``ß`` is ``SS``)."""
    sources = _upper_sources()
    per_letter = "".join("[" + "".join(_char(c) for c in sorted(sources[letter])) + "]" for letter in code)
    singles = sorted(sources.get(code, frozenset()) - {code})
    return "|".join([per_letter, *(_char(c) for c in singles)])


def _slug_schema() -> JsonSchemaValue:
    core = _SLUG.pattern.removeprefix("^").removesuffix("$")
    space = _class(TRIMMED)
    return {"pattern": f"^{space}*(?:{core}){space}*$"}


def _country_schema() -> JsonSchemaValue:
    # pydantic trims, then _country strips and upper-cases: any letter case, spaces around.
    space = _class(PY_SPACE)
    codes = "|".join(_upper_alternatives(code) for code in sorted(ISO_3166_ALPHA2))
    return {
        "anyOf": [{"enum": sorted(ISO_3166_ALPHA2)}, {"pattern": f"^{space}*(?:{codes}){space}*$"}],
    }


EXACT: Final[dict[Callable[..., Any], Callable[[], JsonSchemaValue]]] = {_slug: _slug_schema, _country: _country_schema}
"""Validators the schema states exactly, each with the JSON Schema that accepts what it accepts."""

NOT_EXPRESSED: Final = "The checker checks this value further than this schema can"
NOTE: Final = "x-checked-by-the-checker"
"""Where the generator keeps a note of a check it cannot express, until it joins the field's description."""


def _describe_check(function: Callable[..., Any]) -> str:
    doc = " ".join((function.__doc__ or "").strip().split("\n\n")[0].split())
    return f"{NOT_EXPRESSED}: {doc}" if doc else f"{NOT_EXPRESSED}; docs/components.md lists each field's rules."


class _Generator(GenerateJsonSchema):
    """pydantic's JSON Schema, corrected where the models' validation does more than the core schema says."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._strip = [False]

    @contextmanager
    def _stripping(self, strip: bool) -> Iterator[None]:
        self._strip.append(strip)
        try:
            yield
        finally:
            self._strip.pop()

    def model_schema(self, schema: Any) -> JsonSchemaValue:
        with self._stripping(bool(schema.get("config", {}).get("str_strip_whitespace"))):
            return super().model_schema(schema)

    def str_schema(self, schema: Any) -> JsonSchemaValue:
        if not self._strip[-1]:
            return super().str_schema(schema)
        # Constraints apply to the trimmed value: say so in patterns over the untrimmed one.
        out: JsonSchemaValue = {"type": "string"}
        space, solid = _class(TRIMMED), "[^" + _class(TRIMMED)[1:]
        least, most = schema.get("min_length", 0), schema.get("max_length")
        patterns = []
        if least == 1:
            patterns.append(solid)
        elif least > 1:
            patterns.append(f"{solid}[\\s\\S]{{{least - 2},}}{solid}")
        if most is not None:
            patterns.append(f"^{space}*[\\s\\S]{{0,{most}}}{space}*$")
        if "pattern" in schema:
            raise ValueError("a pattern on a trimmed string has no JSON Schema here; use an AfterValidator in EXACT")
        if len(patterns) == 1:
            out["pattern"] = patterns[0]
        elif patterns:
            out["allOf"] = [{"pattern": p} for p in patterns]
        return out

    def _validated(self, schema: Any, inner: JsonSchemaValue) -> JsonSchemaValue:
        function = schema["function"]["function"]
        exact = EXACT.get(function)
        if exact is not None:
            fragment = exact()
            return {**inner, **fragment} if "anyOf" not in fragment else {"type": "string", **fragment}
        return {**inner, NOTE: _describe_check(function)}

    def function_after_schema(self, schema: Any) -> JsonSchemaValue:
        return self._validated(schema, self.generate_inner(schema["schema"]))

    def function_plain_schema(self, schema: Any) -> JsonSchemaValue:
        return self._validated(schema, super().function_plain_schema(schema))

    def field_title_should_be_set(self, schema: CoreSchema) -> bool:
        return False

    def get_title_from_name(self, name: str) -> str:
        return ""


_SCHEMA_MAPS: Final = ("properties", "patternProperties", "$defs")
_SCHEMA_VALUES: Final = ("items", "not", "additionalProperties", "contentSchema")
_SCHEMA_LISTS: Final = ("anyOf", "allOf", "oneOf", "prefixItems")


def _finished(node: JsonSchemaValue) -> JsonSchemaValue:
    """A schema node with pydantic's titles dropped, docstrings' ``literal`` markup as Markdown's `literal`,
    which editors render, and each note of a check the schema cannot express after the description."""
    out: JsonSchemaValue = {}
    notes = [node[NOTE]] if NOTE in node else []
    for key, value in node.items():
        if key in (NOTE, "title"):
            continue
        if key in _SCHEMA_MAPS:
            out[key] = {name: _finished(item) for name, item in value.items()}
        elif key in _SCHEMA_VALUES and isinstance(value, dict):
            out[key] = _finished(value)
        elif key in _SCHEMA_LISTS:
            out[key] = [_finished(item) for item in value]
        else:
            out[key] = value
    description = " ".join([*([out["description"]] if "description" in out else []), *notes])
    if description:
        # A docstring's lines are one paragraph; its blank lines separate paragraphs.
        out["description"] = re.sub(r"(?<!\n)\n(?!\n)", " ", description).replace("``", "`")
    return out


AS_JSON: Final = {
    "type": "string",
    "contentMediaType": "application/json",
    "description": "The same value as a string holding one JSON object, as Pulumi hands structured config to a "
    "program. The checker decodes and checks it; JSON Schema does not check a string's content.",
}


def _key_properties(key: str, value: JsonSchemaValue) -> dict[str, JsonSchemaValue]:
    """A config key's two spellings to Pulumi: ``project:key`` and the legacy ``project:config:key``."""
    legacy = {**value, "description": f"The legacy spelling of `{PROJECT}:{key}`; give one of the two."}
    return {f"{PROJECT}:{key}": value, f"{PROJECT}:config:{key}": legacy}


def schema() -> dict[str, Any]:
    """The JSON Schema of a whole stack file, with the project's config keys described."""
    # Imported here, as the checker reads a stack's whole config with the components' Pulumi-free reader.
    from azure_openai_guarded.components.declaration import _MAPPING_KEYS, StackConfig

    generated = StackConfig.model_json_schema(by_alias=True, mode="validation", schema_generator=_Generator)
    properties: dict[str, JsonSchemaValue] = {}
    one_spelling: list[JsonSchemaValue] = []
    for key, value in generated["properties"].items():
        if key in _MAPPING_KEYS:
            shape = {k: v for k, v in value.items() if k != "description"}
            value = {"description": value.get("description", ""), "anyOf": [shape, AS_JSON]}
        spellings = _key_properties(key, value)
        properties |= spellings
        one_spelling.append({"not": {"required": list(spellings)}})
    required = [
        {"anyOf": [{"required": [f"{PROJECT}:{k}"]}, {"required": [f"{PROJECT}:config:{k}"]}]}
        for k in generated.get("required", [])
    ]
    config = {
        "description": (
            f"Config keys, `namespace:name`. `{PROJECT}:` keys are this project's; other namespaces' keys belong "
            "to other packages and any value is theirs. The checker also refuses a namespace that is a near miss "
            f"of `{PROJECT}` (letter case, separators, a letter or two) and an `azure-native:environment` that "
            "disagrees with the service's cloud, which JSON Schema cannot express."
        ),
        "type": "object",
        "properties": properties,
        # Another namespace: not blank (Python's strip) and `namespace:name` or `namespace:config:name`.
        "patternProperties": {f"^(?!{_literal(PROJECT)}:)[^:]*[^:{_escaped(PY_SPACE)}][^:]*:(?:config:)?[^:]*$": {}},
        "additionalProperties": False,
        "allOf": [*required, *one_spelling],
    }
    document = {
        "$schema": DRAFT,
        "description": (
            f"A Pulumi.<stack>.yaml whose `{PROJECT}:` config declares the stack's use case, service and guard "
            "profile. A file this schema accepts has the shape the guard can decide; whether it is allowed or "
            "denied is the guard's verdict, which no schema can express: run `aoai-guard check`. Top-level keys "
            "other than `config` are Pulumi's and not checked here, except `environment`, which the checker "
            "refuses, as it refuses a near miss of one of Pulumi's keys."
        ),
        "type": "object",
        "required": ["config"],
        "properties": {
            "config": config,
            "environment": {
                "description": "Pulumi ESC environments: the offline guard cannot see their config, so the checker "
                "refuses them. Put the config in this file.",
                "not": {},
            },
        },
        "$defs": generated.get("$defs", {}),
    }
    return {"title": f"Pulumi stack file for {PROJECT}", **_finished(document)}


def schema_text() -> str:
    """:func:`schema` as the committed file holds it."""
    return json.dumps(schema(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
