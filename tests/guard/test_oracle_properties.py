"""Invariants of the guard, checked on generated declarations.

- The engine agrees with an independent oracle (tests/oracle.py) on the verdict and on every rule id.
- Unknown facts never turn a denial into an allowance; nor does the strict profile.
- Malformed input, however it is broken, is exit status 2 with the file named, never a traceback.
"""

from __future__ import annotations

import contextlib
import copy
import io
import itertools
import json
import string
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from azure_openai_guarded.guards.cli import main
from tests import oracle
from tests.declarations import config as config_of
from tests.declarations import decide, stack_document
from tests.strategies import CAMERAS, CAPABILITIES, SECTORS, declarations, parties


def rule_ids(config: dict[str, Any]) -> set[str]:
    return {f.rule for f in decide(config).findings}


def allowed(config: dict[str, Any]) -> bool:
    return decide(config).allowed


# The engine and the oracle


@given(declarations())
def test_the_engine_and_the_oracle_agree_on_every_declaration(config: dict[str, Any]) -> None:
    verdict = decide(config)

    assert {f.rule for f in verdict.findings} == oracle.expected_rules(config)
    assert verdict.allowed is oracle.expected_allowed(config)


@given(declarations(recognition_by_police=True))
def test_the_engine_and_the_oracle_agree_on_facial_recognition_for_police(config: dict[str, Any]) -> None:
    assert rule_ids(config) == oracle.expected_rules(config)


def test_the_engine_and_the_oracle_agree_on_every_combination_of_the_mobile_clauses_facts() -> None:
    # The clause's facts form a small space: check all of it rather than sample it.
    camera_sets = [None, *(list(c) for n in range(1, len(CAMERAS) + 1) for c in itertools.combinations(CAMERAS, n))]
    checked = 0
    for country, cloud, realtime, cameras, environment in itertools.product(
        ["US", "GB"], ["public", "usgovernment"], [True, False, None], camera_sets, ["controlled", "uncontrolled", None]
    ):
        facts = {
            key: value
            for key, value in (("realtime", realtime), ("cameras", cameras), ("environment", environment))
            if value is not None
        }
        config = {
            "service": config_of(cloud=cloud)["service"],
            "useCase": {
                "name": "exhaustive",
                "purpose": "Search booking photos.",
                "owner": "records@example.gov",
                "operator": {"sector": "law_enforcement", "country": country},
                "capabilities": ["facial_recognition"],
                "facialRecognition": facts,
            },
        }
        assert rule_ids(config) == oracle.expected_rules(config), config
        checked += 1
    assert checked == 2 * 2 * 3 * 64 * 3


# Fail closed


@given(declarations(recognition_by_police=True), st.data())
def test_forgetting_a_facial_recognition_fact_never_turns_a_denial_into_an_allowance(
    config: dict[str, Any], data: st.DataObject
) -> None:
    assume(not allowed(config))
    # A fact that contradicts the purpose ("live" against realtime: false) denies by the contradiction alone;
    # forgetting it removes the contradiction, and the terms' clause is then decided by the other facts.
    assume(not oracle.purpose_contradicts_facts(config["useCase"]))
    facts = config["useCase"]["facialRecognition"]
    assume(facts)
    forgotten = data.draw(st.lists(st.sampled_from(sorted(facts)), min_size=1, unique=True))
    vaguer = copy.deepcopy(config)
    for fact in forgotten:
        del vaguer["useCase"]["facialRecognition"][fact]

    assert not allowed(vaguer)


@given(declarations(), st.lists(parties, max_size=3))
def test_leaving_out_the_served_parties_never_turns_a_denial_into_an_allowance(
    config: dict[str, Any], served: list[dict[str, str]]
) -> None:
    assume("useCase" in config)
    config["useCase"]["servedParties"] = served
    assume(not allowed(config))
    vaguer = copy.deepcopy(config)
    del vaguer["useCase"]["servedParties"]

    assert not allowed(vaguer)


_OPERATORS = [
    {"sector": sector, "country": country} for sector in ("commercial", "law_enforcement") for country in ("US", "GB")
]
_CAPABILITY_SETS = [
    ["text_generation"],
    ["image_analysis"],
    ["face_detection"],
    ["face_detection", "image_analysis"],
    ["facial_recognition"],
]
_PURPOSES = ["Process camera footage for our clients.", "Blur every face in the footage.", "Answer questions."]


@pytest.mark.parametrize(
    ("operator", "capabilities", "purpose"), list(itertools.product(_OPERATORS, _CAPABILITY_SETS, _PURPOSES))
)
def test_a_declaration_allowed_with_its_served_parties_left_out_is_allowed_with_any_of_them(
    operator: dict[str, str], capabilities: list[str], purpose: str
) -> None:
    # Every operator, capability set and purpose (one silent on what is done with faces, one that blurs them,
    # one about something else) (review R5 F1): leaving the parties out must count as the worst of them.
    facts = {"facialRecognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"}}
    use_case = {
        "name": "footage",
        "purpose": purpose,
        "owner": "team@example.com",
        "operator": operator,
        "capabilities": capabilities,
        **(facts if "facial_recognition" in capabilities else {}),
    }
    denied_with = [
        served
        for served in ([], *([p] for p in _OPERATORS))
        if not allowed(config_of({**use_case, "servedParties": served}))
    ]

    assert not (allowed(config_of(use_case)) and denied_with), denied_with


@given(declarations())
def test_the_strict_profile_never_allows_what_the_terms_deny(config: dict[str, Any]) -> None:
    assume(not allowed({**config, "guardProfile": "terms"}))

    assert not allowed({**config, "guardProfile": "strict"})


@given(declarations(), parties)
def test_serving_one_more_party_never_turns_a_denial_into_an_allowance(
    config: dict[str, Any], party: dict[str, str]
) -> None:
    assume("useCase" in config)
    # Served parties left out are unknown (they may be police); declaring them is how that is decided, so the
    # property compares lists the declaration gives.
    config["useCase"].setdefault("servedParties", [])
    assume(not allowed(config))
    # Declaring the police customer the purpose names is how that contradiction is fixed.
    assume(party["sector"] != "law_enforcement" or not oracle.names_police(config["useCase"]["purpose"]))
    wider = copy.deepcopy(config)
    wider["useCase"]["servedParties"].append(party)

    assert not allowed(wider)


# Malformed input: exit 2, the file named, never a traceback


@pytest.fixture(scope="module")
def stack_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("malformed") / "Pulumi.malformed.yaml"


def check(path: Path, fmt: str = "text") -> tuple[int, str]:
    """Run the checker in-process; any exception fails the test, as a traceback would fail a user."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", str(path), "--format", fmt])
    return code, out.getvalue()


def write_config(path: Path, config: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(stack_document(config), allow_unicode=True), encoding="utf-8")


FIELDS = {
    (): {"guardProfile", "service", "useCase"},
    ("useCase",): {
        "name",
        "purpose",
        "owner",
        "operator",
        "servedParties",
        "capabilities",
        "facialRecognition",
        "humanReview",
    },
    ("useCase", "operator"): {"sector", "country"},
    ("useCase", "facialRecognition"): {"realtime", "cameras", "environment"},
}
field_names = st.text(string.ascii_letters, min_size=1, max_size=12)


@given(declarations(recognition_by_police=True), st.sampled_from(sorted(FIELDS)), field_names)
def test_an_unknown_field_anywhere_is_exit_2_naming_the_file_and_the_field(
    stack_path: Path, config: dict[str, Any], where: tuple[str, ...], name: str
) -> None:
    assume(name not in FIELDS[where])
    broken = copy.deepcopy(config)
    target = broken
    for key in where:
        target = target[key]
    target[name] = "x"
    write_config(stack_path, broken)
    code, out = check(stack_path)
    assert code == 2
    assert stack_path.name in out
    assert f"azure-openai-guarded:{'.'.join((*where, name))}: " in out


WRONG_TYPES: list[tuple[tuple[str | int, ...], Any]] = [
    (("guardProfile",), ["strict"]),
    (("service",), "public"),
    (("service", "cloud"), 1),
    (("useCase",), "a use case"),
    (("useCase", "name"), 42),
    (("useCase", "purpose"), {"text": "x"}),
    (("useCase", "owner"), ["a", "b"]),
    (("useCase", "operator"), ["law_enforcement", "US"]),
    (("useCase", "operator", "country"), 1),
    (("useCase", "servedParties"), {"sector": "commercial"}),
    (("useCase", "capabilities"), "facial_recognition"),
    (("useCase", "capabilities"), {}),
    (("useCase", "facialRecognition"), ["realtime"]),
    (("useCase", "facialRecognition", "realtime"), "sometimes"),
    (("useCase", "facialRecognition", "cameras"), "drone"),
    (("useCase", "facialRecognition", "environment"), False),
    (("useCase", "humanReview"), "perhaps"),
    (("useCase", "humanReview"), [True]),
]


def _set(config: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    target: Any = config
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


@given(declarations(recognition_by_police=True), st.sampled_from(WRONG_TYPES))
def test_a_value_of_the_wrong_type_is_exit_2_naming_the_field(
    stack_path: Path, config: dict[str, Any], wrong: tuple[tuple[str | int, ...], Any]
) -> None:
    path, value = wrong
    _set(config, path, value)
    write_config(stack_path, config)

    code, out = check(stack_path)

    assert code == 2
    assert stack_path.name in out
    assert f"azure-openai-guarded:{'.'.join(str(p) for p in path)}" in out


ENUMS: dict[tuple[str | int, ...], set[str]] = {
    ("guardProfile",): {"terms", "strict"},
    ("service", "cloud"): {"public", "usgovernment"},
    ("useCase", "operator", "sector"): set(SECTORS),
    ("useCase", "capabilities", 0): set(CAPABILITIES),
    ("useCase", "facialRecognition", "cameras", 0): set(CAMERAS),
    ("useCase", "facialRecognition", "environment"): {"controlled", "uncontrolled"},
}


@given(declarations(recognition_by_police=True), st.sampled_from(sorted(ENUMS, key=str)), st.text(max_size=20))
def test_a_value_outside_its_enum_is_exit_2_naming_the_field(
    stack_path: Path, config: dict[str, Any], path: tuple[str | int, ...], value: str
) -> None:
    assume(value.strip() not in ENUMS[path])
    if path[-2:] == ("cameras", 0):
        config["useCase"]["facialRecognition"]["cameras"] = ["fixed"]
    _set(config, path, value)
    write_config(stack_path, config)

    code, out = check(stack_path, "json")

    assert code == 2
    [result] = json.loads(out)["results"]
    assert result["file"].endswith(stack_path.name)
    shown = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path).lstrip(".")
    assert f"azure-openai-guarded:{shown}" in {p["key"] for p in result["problems"]}


ISO_LIKE = st.text(string.ascii_letters, min_size=2, max_size=2)


@given(
    declarations(recognition_by_police=True),
    st.one_of(
        st.sampled_from(["UK", "EU", "XX", "ZZ", "QQ", "USA", "United States", "", "  "]),
        st.text(string.ascii_letters + " ", min_size=3, max_size=12),
    ),
)
def test_a_country_that_is_not_an_iso_code_is_exit_2_naming_the_field(
    stack_path: Path, config: dict[str, Any], country: str
) -> None:
    config["useCase"]["operator"]["country"] = country
    write_config(stack_path, config)

    code, out = check(stack_path)

    assert code == 2
    assert stack_path.name in out
    assert "azure-openai-guarded:useCase.operator.country" in out


BREAKAGES = ["key: [unclosed", "key: {a: 1", 'key: "unterminated', "]", "}", "key: *undefined", "- item", "\tkey: x"]


@given(declarations(), st.sampled_from(BREAKAGES), st.sampled_from(["", "  ", "    "]))
def test_broken_yaml_is_exit_2_naming_the_file(
    stack_path: Path, config: dict[str, Any], breakage: str, indent: str
) -> None:
    text = yaml.safe_dump(stack_document(config), allow_unicode=True)
    stack_path.write_text(text + indent + breakage + "\n", encoding="utf-8")

    code, out = check(stack_path)

    assert code == 2
    assert stack_path.name in out


json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@given(json_like)
def test_a_document_that_is_not_a_stack_is_exit_2_naming_the_file(stack_path: Path, document: Any) -> None:
    assume(not isinstance(document, dict) or "config" not in document)
    stack_path.write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")

    code, out = check(stack_path)

    assert code == 2
    assert stack_path.name in out


@given(st.dictionaries(st.sampled_from(["guardProfile", "service", "useCase", "other"]), json_like, max_size=3))
def test_random_values_under_the_projects_keys_are_never_allowed_and_never_crash(
    stack_path: Path, config: dict[str, Any]
) -> None:
    write_config(stack_path, config)

    code, out = check(stack_path, "sarif")

    assert code in (1, 2)
    assert stack_path.name in out


@given(st.binary(max_size=300))
def test_binary_garbage_is_exit_2_naming_the_file(stack_path: Path, content: bytes) -> None:
    stack_path.write_bytes(content)

    code, out = check(stack_path, "markdown")

    assert code == 2
    assert stack_path.name in out


@given(declarations(), st.integers(0, 10_000), st.binary(min_size=1, max_size=8))
def test_bytes_spliced_into_a_valid_file_never_crash_or_go_unnamed(
    stack_path: Path, config: dict[str, Any], at: int, junk: bytes
) -> None:
    content = yaml.safe_dump(stack_document(config), allow_unicode=True).encode()
    at %= len(content)
    stack_path.write_bytes(content[:at] + junk + content[at:])

    code, out = check(stack_path)

    assert code in (0, 1, 2)
    if code == 2:
        assert stack_path.name in out
