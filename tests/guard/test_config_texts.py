"""The stack's other settings are read as one set of texts, however a value reaches the entry point reading it.

The checker reads a structured value as the stack file's YAML and a secret as ``{secure: ...}``; the program, the
components and the pack are handed the first as JSON text and the second decrypted, its key marked secret. The
texts must be the same either way (``guards/config_texts.py``), and name what they leave to the declarations.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from azure_openai_guarded.guards import PROJECT, rules
from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.config_texts import config_texts
from tests.declarations import config, fr_facts, use_case, vendor_matching

_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.text(max_size=12), st.floats(allow_nan=False)
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=3),
    max_leaves=8,
)


@given(value=st.lists(_VALUES, min_size=1, max_size=3) | st.dictionaries(st.text(min_size=1), _VALUES, min_size=1))
def test_a_structured_value_says_the_same_as_the_engines_json_text_of_it(value: Any) -> None:
    assert config_texts({"myapp:setting": value}) == config_texts({"myapp:setting": json.dumps(value)})


@pytest.mark.parametrize(
    ("config_", "secret_keys"),
    [
        pytest.param({f"{PROJECT}:note": "NYPD"}, frozenset(), id="this project's namespace"),
        pytest.param({"myapp:useCase": {"purpose": "NYPD"}}, frozenset(), id="a declaring key"),
        pytest.param({"myapp:usecase": "NYPD"}, frozenset(), id="a near miss of a declaring key"),
        pytest.param({"myapp:guardProfile": "NYPD"}, frozenset(), id="the guard profile"),
        pytest.param({"myapp:customer": "NYPD"}, frozenset({"myapp:customer"}), id="a secret the engine decrypted"),
        pytest.param({"myapp:customer": {"secure": "v1:abc"}}, frozenset(), id="a secret as the stack file writes it"),
        pytest.param({"myapp:client": {"name": "NYPD", "key": {"secure": "v1:abc"}}}, frozenset(), id="one inside"),
        pytest.param(
            {"myapp:teams": [{"useCase": {"purpose": "for the NYPD"}}]}, frozenset(), id="a use case inside a value"
        ),
        pytest.param(
            {"myapp:teams": [{"purpose": "for the NYPD", "capabilities": ["facial_recognition"]}]},
            frozenset(),
            id="a mapping shaped like a use case",
        ),
        pytest.param({"myapp:spec": "purpose: for the NYPD\noperator: {sector: x}"}, frozenset(), id="one as text"),
    ],
)
def test_declarations_and_secrets_are_no_texts_of_the_settings(
    config_: dict[str, Any], secret_keys: frozenset[str]
) -> None:
    said = " ".join(text for _, text in config_texts(config_, secret_keys))
    assert "NYPD" not in said


def test_each_string_and_key_is_a_text_under_its_path_and_nothing_else_is() -> None:
    texts = config_texts({"myapp:client": json.dumps({"agency": "LAPD", "seats": 3, "live": True, "tags": ["a"]})})
    assert texts == (
        ("config.myapp:client (a config key)", "myapp:client"),
        ("config.myapp:client.agency (a config key)", "agency"),
        ("config.myapp:client.agency", "LAPD"),
        ("config.myapp:client.seats (a config key)", "seats"),
        ("config.myapp:client.live (a config key)", "live"),
        ("config.myapp:client.tags (a config key)", "tags"),
        ("config.myapp:client.tags[0]", "a"),
    )


MATCHING = vendor_matching()


def _stack(folder: Path, beside: dict[str, Any]) -> Path:
    path = folder / "Pulumi.dev.yaml"
    declared = {f"{PROJECT}:{key}": value for key, value in config(MATCHING).items()}
    path.write_text(yaml.safe_dump({"config": declared | beside}, sort_keys=False), encoding="utf-8")
    return path


def test_a_setting_that_names_the_customer_denies_the_stack_at_its_own_line(tmp_path: Path) -> None:
    result = check_file(_stack(tmp_path, {"myapp:region": "eastus2", "myapp:customer": "NYPD Facial Identification"}))
    assert result.verdict is not None
    assert not result.verdict.allowed
    [denial] = result.verdict.denials
    assert denial.rule == rules.DECLARATION_INCONSISTENT.id
    assert "config.myapp:customer says 'nypd'" in denial.message
    written = (tmp_path / "Pulumi.dev.yaml").read_text(encoding="utf-8").splitlines()
    _, line = result.finding_location(denial)
    assert written[line - 1].startswith("  myapp:customer:")


@pytest.mark.parametrize(
    "beside",
    [
        pytest.param({"myapp:greeting": "ようこそ"}, id="a greeting in another script"),
        pytest.param({"myapp:welcome": "Welkom bij onze klantenservice"}, id="a welcome in Dutch"),
        pytest.param({"myapp:font": "police : Roboto, 14 px"}, id="a French typeface"),
        pytest.param({"myapp:site": "Harbor Point Garage"}, id="a place"),
        pytest.param({"myapp:prompt": "You answer for Contoso's billing desk."}, id="an organisation served"),
    ],
)
def test_a_setting_is_read_for_a_us_police_customer_not_for_its_language_places_or_customers(
    beside: dict[str, Any], tmp_path: Path
) -> None:
    # The same words as a tag on the account would deny the vendor's recognition; an app's settings are its own.
    result = check_file(_stack(tmp_path, beside))
    assert result.verdict is not None
    assert result.verdict.allowed, result.verdict


def _chat(folder: Path, beside: dict[str, Any]) -> bool:
    path = folder / "Pulumi.chat.yaml"
    declared = {f"{PROJECT}:{key}": value for key, value in config(use_case()).items()}
    path.write_text(yaml.safe_dump({"config": declared | beside}), encoding="utf-8")
    chat = check_file(path)
    assert chat.verdict is not None
    return chat.verdict.allowed


def test_a_setting_that_describes_recognition_contradicts_a_declaration_that_leaves_it_out(tmp_path: Path) -> None:
    # Review R30: a chatbot's prompt setting asked it to identify people in booking photos by their faces.
    assert not _chat(tmp_path, {"myapp:prompt": "You identify the person in each booking photo by their face."})


def test_a_police_customer_in_the_settings_of_a_stack_that_recognises_no_one_is_no_contradiction(
    tmp_path: Path,
) -> None:
    # The terms forbid the police facial recognition, not a chatbot: without recognition no customer is forbidden.
    assert _chat(tmp_path, {"myapp:customer": "NYPD", "myapp:prompt": "Answer questions about parking permits."})


def test_a_setting_that_puts_a_force_abroad_in_the_united_states_denies_its_recognition(tmp_path: Path) -> None:
    # Review R30: a British force's custody matching, with `myapp:country: US` beside it.
    british = use_case(
        name="custody-match",
        purpose="Compare custody-suite photos with the force's custody records, reviewed by an officer.",
        operator={"sector": "law_enforcement", "country": "GB"},
        servedParties=[],
        capabilities=["facial_recognition"],
        facialRecognition=fr_facts(),
        humanReview=True,
    )
    path = tmp_path / "Pulumi.custody.yaml"
    declared = {f"{PROJECT}:{key}": value for key, value in config(british).items()}
    for beside, allowed in (({"myapp:state": "Texas"}, False), ({"myapp:region": "West Midlands"}, True)):
        path.write_text(yaml.safe_dump({"config": declared | beside}), encoding="utf-8")
        result = check_file(path)
        assert result.verdict is not None
        assert result.verdict.allowed is allowed, (beside, result.verdict.summary())
