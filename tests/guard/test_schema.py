"""The stack file's JSON Schema: committed as generated, described by the models' docstrings, and accepting
exactly the stack files the checker can decide.

The oracle is the checker itself, reading each generated stack file from disk: a file is decidable when it
gets a verdict (allowed or denied) rather than ``invalid``. The schema is checked with the ``jsonschema``
package, as an editor's YAML language server would check the same document. The generated files cover the
whole declaration (``useCase`` and ``guardProfile``), the config keys and their namespaces and spellings, the
top-level keys, and the shape of ``service``; they leave out what the schema's descriptions say it cannot
express (a namespace or top-level key that is a near miss, the catalogue, resource ids and host names, a
declaration given as a JSON string), which the examples at the end pin down instead.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from azure_openai_guarded.guards import schema as schema_module
from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.models import PROJECT, FacialRecognitionFacts, Party, UseCase
from azure_openai_guarded.guards.stackfile import read_stack_file
from tests.strategies import use_cases

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / schema_module.SCHEMA_FILE
SCHEMA = schema_module.schema()
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=None)
SERVICE: dict[str, Any] = read_stack_file(ROOT / "stacks" / "Pulumi.dev.yaml").config["service"]
"""A service the checker accepts (this repository's dev stack's), so that the use case decides the outcome."""


def test_the_committed_schema_is_the_generated_one() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_module.schema_text(), (
        f"{schema_module.SCHEMA_FILE} is out of date: run `make schema`"
    )


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("model", [UseCase, Party, FacialRecognitionFacts])
def test_each_fields_description_is_its_docstring(model: type[UseCase | Party | FacialRecognitionFacts]) -> None:
    properties = SCHEMA["$defs"][model.__name__]["properties"]
    for name, field in model.model_fields.items():
        assert field.description, f"{model.__name__}.{name} has no docstring"
        words = " ".join(field.description.replace("``", "`").split())
        assert " ".join(properties[field.alias or name]["description"].split()).startswith(words), name


def test_the_verdict_is_said_to_be_beyond_the_schema() -> None:
    assert (
        "whether it is allowed or denied is the guard's verdict, which no schema can express" in (SCHEMA["description"])
    )


def decidable(tmp_path: Path, document: Any) -> bool:
    """Whether the checker gives ``document``, as a stack file, a verdict. JSON is YAML 1.2, and its escapes
    carry every character as it is."""
    path = tmp_path / "Pulumi.generated.yaml"
    path.write_text(json.dumps(document), encoding="utf-8")
    return check_file(path).verdict is not None


# Generated stack files: a valid declaration, then a few of the mistakes people make.

SPACES = ["", " ", "\t", "\n", "\u00a0", "\u2003", "\u3000", "\x1c", "\u200b", "\x85"]
ODD_TEXT = st.text(alphabet=st.sampled_from([*"azAZ09-_ .", "é", "ſ", "ß", "ı", "K", "\u00a0", "\x1c", "\t"]))
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(allow_nan=False, allow_infinity=False) | ODD_TEXT,
    lambda inner: st.lists(inner, max_size=2) | st.dictionaries(ODD_TEXT, inner, max_size=2),
    max_leaves=4,
)


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _padded(draw: st.DrawFn, text: str) -> str:
    return draw(st.sampled_from(SPACES)) + text + draw(st.sampled_from(SPACES))


@st.composite
def use_case_mistakes(draw: st.DrawFn, use: dict[str, Any]) -> dict[str, Any]:
    use = copy.deepcopy(use)
    mistake = draw(st.integers(0, 11))
    keys = sorted(use)
    if mistake == 0:
        use.pop(draw(st.sampled_from(keys)))
    elif mistake == 1:
        use[draw(st.sampled_from(["purpos", "served_parties", "human_review", "notes", "Name"]))] = "x"
    elif mistake == 2:
        use[draw(st.sampled_from(keys))] = draw(JSON_VALUES)
    elif mistake == 3:
        use["name"] = draw(st.sampled_from(["support-bot", "Support-Bot", "-bot", "bot-", "a" * 63, "a" * 64]))
        use["name"] = _padded(draw, use["name"])
    elif mistake == 4:
        use["purpose"] = draw(st.sampled_from(SPACES)) + draw(st.sampled_from([*SPACES, "x"]))
    elif mistake == 5:
        country = draw(st.sampled_from(["us", "Us", "uſ", "ß", "ıE", "USA", "XX", "U S", "", "KE", "\u212ae"]))
        use["operator"] = {**_mapping(use.get("operator")), "country": _padded(draw, country)}
    elif mistake == 6:
        use["capabilities"] = draw(st.sampled_from([[], ["faces"], ["text_generation", "text_generation"], "x"]))
    elif mistake == 7:
        use["facialRecognition"] = draw(
            st.sampled_from(
                [{}, None, {"cameras": []}, {"cameras": ["fixed", "fixed"]}, {"realtime": "no"}, {"where": 1}]
            )
        )
    elif mistake == 8:
        use["humanReview"] = draw(st.sampled_from([True, None, 1, 0, "yes", "true", 1.0]))
    elif mistake == 9:
        use["operator"] = {**_mapping(use.get("operator")), "sector": draw(st.sampled_from(["police", " Other"]))}
    elif mistake == 10:
        use["servedParties"] = draw(st.sampled_from([None, [], [{}], [{"sector": "other", "country": "DE"}]]))
    else:
        use["owner"] = _padded(draw, draw(st.sampled_from(["", "ops@example.com", "\u200b"])))
    return use


OTHER_KEYS = [
    "azure-native:location",
    "aws:region",
    "azure-native:config:location",
    "nonamespace",
    "a:b:c",
    " :blank",
    ":empty",
    f"{PROJECT}:unknown",
    f"{PROJECT}:",
    f"{PROJECT}:config:notes",
]


@st.composite
def stack_files(draw: st.DrawFn) -> dict[str, Any]:
    use = draw(use_cases())
    for _ in range(draw(st.sampled_from([0, 1, 1, 1, 2]))):
        use = draw(use_case_mistakes(use))
    config: dict[str, Any] = {f"{PROJECT}:service": copy.deepcopy(SERVICE)}
    if draw(st.integers(0, 4)):
        config[f"{PROJECT}:useCase"] = use
    if draw(st.booleans()):
        config[f"{PROJECT}:guardProfile"] = draw(st.sampled_from(["terms", "strict", "Strict", "none", None, 1]))
    shape = draw(st.integers(0, 19))
    if shape == 0:
        config[f"{PROJECT}:service"]["cloud"] = draw(st.sampled_from(["public", "azure", "Public", None]))
    elif shape == 1:
        config[f"{PROJECT}:service"][draw(st.sampled_from(["deployment", "resource_group_name"]))] = "x"
    elif shape == 2:
        # A required field: an optional one may be what another refers to, a rule of the checker's.
        config[f"{PROJECT}:service"].pop(draw(st.sampled_from(["cloud", "location", "resourceGroupName"])))
    elif shape == 3:
        config[draw(st.sampled_from(OTHER_KEYS))] = draw(JSON_VALUES)
    elif shape == 4:
        # The legacy spelling of a key, alone or beside the usual one.
        key = draw(st.sampled_from(sorted(config)))
        legacy = key.replace(f"{PROJECT}:", f"{PROJECT}:config:", 1)
        config[legacy] = config[key] if draw(st.booleans()) else config.pop(key)
    elif shape == 5:
        del config[f"{PROJECT}:service"]
    document: dict[str, Any] = {"config": config}
    top = draw(st.integers(0, 9))
    if top == 0:
        document["secretsprovider"] = "passphrase"
    elif top == 1:
        document["environment"] = ["prod-settings"]
    elif top == 2:
        document = draw(st.sampled_from([{}, {"config": None}, {"config": []}, {"config": {}}]))
    return document


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=stack_files())
def test_the_schema_accepts_exactly_the_stack_files_the_checker_can_decide(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    assert VALIDATOR.is_valid(document) == decidable(tmp_path, document), json.dumps(document)


def test_this_repositorys_stack_files_validate(tmp_path: Path) -> None:
    import yaml

    files = sorted((ROOT / "stacks").glob("Pulumi.*.yaml"))
    assert files
    for path in files:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        errors = [e.message for e in VALIDATOR.iter_errors(document)]
        assert errors == [], path.name


# What the schema cannot express, as its descriptions say: the checker refuses these, the schema does not.

BASE = {
    "config": {
        f"{PROJECT}:service": SERVICE,
        f"{PROJECT}:useCase": {
            "name": "support-bot",
            "purpose": "Answer billing questions.",
            "owner": "ops@example.com",
            "operator": {"sector": "commercial", "country": "US"},
            "capabilities": ["text_generation"],
        },
    }
}


@pytest.mark.parametrize(
    "document",
    [
        pytest.param({**BASE, "config": {**BASE["config"], "azure-openai-guardd:useCase": {}}}, id="near-namespace"),
        pytest.param({**BASE, "confg": {}}, id="near-top-level-key"),
        pytest.param(
            {**BASE, "config": {**BASE["config"], f"{PROJECT}:useCase": "{not json"}}, id="declaration-as-bad-json"
        ),
        pytest.param(
            {"config": {**BASE["config"], f"{PROJECT}:service": {**SERVICE, "location": "atlantis"}}},
            id="region-not-in-the-catalogue",
        ),
    ],
)
def test_what_the_schema_says_it_cannot_express_is_left_to_the_checker(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    assert VALIDATOR.is_valid(document)
    assert not decidable(tmp_path, document)


def test_a_declaration_given_as_a_json_string_is_decided_and_accepted(tmp_path: Path) -> None:
    as_string = json.dumps(BASE["config"][f"{PROJECT}:useCase"])
    document = {"config": {**BASE["config"], f"{PROJECT}:useCase": as_string}}
    assert VALIDATOR.is_valid(document)
    assert decidable(tmp_path, document)
