"""The declaration models: what a stack may say, and how every mistake is reported with its config path."""

from __future__ import annotations

import json
from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import ValidationError

from azure_openai_guarded.components.declaration import default_provider, read_stack_config
from azure_openai_guarded.guards import (
    PYTHON_NAMING,
    Camera,
    Capability,
    Cloud,
    DeclarationError,
    GuardProfile,
    Sector,
)
from azure_openai_guarded.guards.checker import check_file
from tests.declarations import config, declare, fr_facts, police, stack_document, use_case


def problems(raw: dict[str, Any]) -> dict[str, str]:
    """The declaration's problems as {config path: message}; fails the test if it parses."""
    with pytest.raises(DeclarationError) as caught:
        declare(raw)
    return {p.path: p.message for p in caught.value.problems}


def test_a_minimal_declaration_parses_with_the_terms_profile_by_default() -> None:
    declaration = declare(config(use_case()))

    assert declaration.profile is GuardProfile.TERMS
    assert declaration.cloud.cloud is Cloud.PUBLIC
    assert declaration.use_case is not None
    assert declaration.use_case.capabilities == (Capability.TEXT_GENERATION,)
    assert declaration.use_case.served_parties is None
    assert declaration.use_case.facial_recognition is None
    assert declaration.use_case.human_review is None


def test_the_full_issue_example_parses_into_typed_values() -> None:
    raw = config(
        use_case(
            servedParties=[police("US")],
            capabilities=["facial_recognition", "summarization"],
            facialRecognition=fr_facts(realtime=False, cameras=("fixed", "drone"), environment="controlled"),
            humanReview=True,
        ),
        profile="strict",
    )
    declaration = declare(raw)

    assert declaration.profile is GuardProfile.STRICT
    use = declaration.use_case
    assert use is not None
    assert use.served_parties[0].sector is Sector.LAW_ENFORCEMENT
    assert use.facial_recognition is not None
    assert use.facial_recognition.cameras == (Camera.FIXED, Camera.DRONE)
    assert use.human_review is True
    assert [path for path, _ in use.parties] == ["useCase.operator", "useCase.servedParties[0]"]


def test_declarations_are_frozen() -> None:
    declaration = declare(config(use_case()))

    with pytest.raises(FrozenInstanceError):
        declaration.profile = GuardProfile.STRICT  # type: ignore[misc]
    with pytest.raises(ValidationError):
        declaration.settings.location = "westus"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        pytest.param({**config(use_case()), "guardprofile": "strict"}, "guardprofile", id="top-level-key-typo"),
        pytest.param(config(use_case(purpos="x")), "useCase.purpos", id="use-case-field-typo"),
        pytest.param(
            config(use_case(operator={"sector": "commercial", "country": "US", "city": "Austin"})),
            "useCase.operator.city",
            id="party-extra-field",
        ),
        pytest.param(
            config(use_case(capabilities=["facial_recognition"], facialRecognition={"realTime": False})),
            "useCase.facialRecognition.realTime",
            id="facial-recognition-field-case",
        ),
        pytest.param(
            config(use_case(served_parties=[police()])), "useCase.served_parties", id="snake-case-is-not-the-key"
        ),
    ],
)
def test_an_unknown_field_is_an_error_naming_its_path(raw: dict[str, Any], path: str) -> None:
    found = problems(raw)

    assert path in found
    assert "unknown" in found[path]


@pytest.mark.parametrize(
    ("raw", "path", "says"),
    [
        pytest.param(config(use_case(), profile="Strict"), "guardProfile", "'terms' or 'strict'", id="profile"),
        pytest.param(config(use_case(), cloud="azurechina"), "service.cloud", "'usgovernment'", id="cloud"),
        pytest.param(
            config(use_case(operator={"sector": "police", "country": "US"})),
            "useCase.operator.sector",
            "'law_enforcement'",
            id="sector",
        ),
        pytest.param(
            config(use_case(capabilities=["text_generation", "face_recognition"])),
            "useCase.capabilities[1]",
            "'facial_recognition'",
            id="capability",
        ),
        pytest.param(
            config(use_case(capabilities=["facial_recognition"], facialRecognition={"cameras": ["cctv"]})),
            "useCase.facialRecognition.cameras[0]",
            "'fixed'",
            id="camera",
        ),
        pytest.param(
            config(use_case(capabilities=["facial_recognition"], facialRecognition={"environment": "indoor"})),
            "useCase.facialRecognition.environment",
            "'controlled'",
            id="environment",
        ),
    ],
)
def test_a_bad_enum_value_names_the_field_the_allowed_values_and_the_input(
    raw: dict[str, Any], path: str, says: str
) -> None:
    found = problems(raw)

    assert path in found
    assert says in found[path]
    assert "got" in found[path]


@pytest.mark.parametrize("country", ["USA", "United States", "UK", "XX", "U"])
def test_a_country_that_is_not_iso_alpha2_is_an_error(country: str) -> None:
    found = problems(config(use_case(operator={"sector": "commercial", "country": country})))

    assert "ISO 3166-1 alpha-2" in found["useCase.operator.country"]


@pytest.mark.parametrize(("written", "read"), [("gb", "GB"), (" us ", "US"), ("Pr", "PR"), ("UM", "UM")])
def test_country_codes_ignore_case_and_surrounding_space(written: str, read: str) -> None:
    declaration = declare(config(use_case(operator={"sector": "commercial", "country": written})))

    assert declaration.use_case is not None
    assert declaration.use_case.operator.country == read


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        pytest.param(config(use_case(capabilities=[])), "useCase.capabilities", id="no-capabilities"),
        pytest.param(
            config(use_case(capabilities=["facial_recognition"], facialRecognition={"cameras": []})),
            "useCase.facialRecognition.cameras",
            id="no-cameras",
        ),
        pytest.param(config(use_case(purpose="   ")), "useCase.purpose", id="blank-purpose"),
        # Review R28: a purpose of zero-width characters shows as empty, as one of spaces does.
        pytest.param(config(use_case(purpose="\u200b\u200b")), "useCase.purpose", id="zero-width-purpose"),
        pytest.param(config(use_case(purpose="\u2060 \ufeff -")), "useCase.purpose", id="no-letter-or-digit"),
        # Review R29: nor does one of markup, which a page shows as a space or as nothing.
        pytest.param(config(use_case(purpose="&nbsp;")), "useCase.purpose", id="an-entity-purpose"),
        pytest.param(config(use_case(purpose="<b></b>&#8203;")), "useCase.purpose", id="a-markup-purpose"),
        pytest.param(config(use_case(owner="")), "useCase.owner", id="empty-owner"),
        # Review R29: an owner that shows as nothing names no one.
        pytest.param(config(use_case(owner="\u200b")), "useCase.owner", id="zero-width-owner"),
        pytest.param(config(use_case(name="Support Bot")), "useCase.name", id="name-not-a-slug"),
        pytest.param(config(use_case(capabilities="text_generation")), "useCase.capabilities", id="scalar-not-list"),
        pytest.param(config(use_case(humanReview="maybe")), "useCase.humanReview", id="attestation-not-bool"),
        pytest.param(config(use_case(operator="police")), "useCase.operator", id="party-not-mapping"),
        pytest.param({"useCase": use_case()}, "service", id="no-service"),
        pytest.param({**config(use_case()), "service": {"location": "eastus2"}}, "service.cloud", id="no-cloud"),
    ],
)
def test_a_missing_empty_or_mistyped_value_names_its_path(raw: dict[str, Any], path: str) -> None:
    assert path in problems(raw)


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        pytest.param({**config(use_case()), "service": "public"}, "service", id="service-scalar"),
        pytest.param({**config(use_case()), "useCase": ["support-bot"]}, "useCase", id="use-case-list"),
        pytest.param(config(use_case(operator="police")), "useCase.operator", id="operator-scalar"),
    ],
)
def test_a_scalar_where_a_mapping_belongs_says_so_without_naming_an_internal_model(
    raw: dict[str, Any], path: str
) -> None:
    with pytest.raises(DeclarationError) as caught:
        declare(raw)

    messages = {p.path: p.message for p in caught.value.problems}
    assert messages[path].startswith("must be a mapping of fields")
    assert "instance of" not in str(caught.value)


def test_every_problem_is_reported_at_once_with_namespaced_keys() -> None:
    raw = {
        **config(use_case(name="Bad Name", operator={"sector": "police", "country": "USA"}, capabilities=[])),
        "guardprofile": "strict",
    }

    with pytest.raises(DeclarationError) as caught:
        declare(raw)

    keys = {p.key for p in caught.value.problems}
    assert keys == {
        "azure-openai-guarded:guardprofile",
        "azure-openai-guarded:useCase.name",
        "azure-openai-guarded:useCase.operator.sector",
        "azure-openai-guarded:useCase.operator.country",
        "azure-openai-guarded:useCase.capabilities",
    }
    assert str(caught.value).count("\n") == len(keys) - 1


def test_the_whole_service_is_validated_with_the_declaration() -> None:
    raw = config(use_case())
    raw["service"]["deployments"] = [{"name": "chat", "model": "gpt-4o"}]

    assert problems(raw) == {"service.deployments[0].version": "required field is missing"}


def test_a_use_case_of_null_parses_as_no_declaration() -> None:
    assert declare({**config(), "useCase": None}).use_case is None


def test_facial_recognition_facts_may_each_be_left_out() -> None:
    declaration = declare(config(use_case(capabilities=["facial_recognition"], facialRecognition={})))

    assert declaration.use_case is not None
    facts = declaration.use_case.facial_recognition
    assert facts is not None
    assert (facts.realtime, facts.cameras, facts.environment) == (None, None, None)


def _with(section: str, **fields: Any) -> dict[str, Any]:
    raw = config(use_case(capabilities=["facial_recognition"], facialRecognition=fr_facts()))
    raw[section] = {**raw[section], **fields}
    return raw


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        pytest.param(_with("useCase", humanReview="yes"), "useCase.humanReview", id="yes-is-not-true"),
        pytest.param(_with("useCase", humanReview=1), "useCase.humanReview", id="one-is-not-true"),
        pytest.param(
            _with("useCase", facialRecognition={**fr_facts(), "realtime": "no"}),
            "useCase.facialRecognition.realtime",
            id="no-is-not-false",
        ),
        pytest.param(
            _with("useCase", facialRecognition={**fr_facts(), "realtime": 0}),
            "useCase.facialRecognition.realtime",
            id="zero-is-not-false",
        ),
        pytest.param(_with("useCase", purpose=42), "useCase.purpose", id="number-is-not-text"),
        pytest.param(_with("useCase", name=b"support-bot"), "useCase.name", id="bytes-are-not-text"),
        pytest.param(_with("service", createResourceGroup="true"), "service.createResourceGroup", id="text-bool"),
        pytest.param(
            _with("service", deployments=[{"name": "e", "model": "text-embedding-3-large", "version": 1}]),
            "service.deployments[0].version",
            id="number-version",
        ),
    ],
)
def test_scalars_are_never_coerced(raw: dict[str, Any], path: str) -> None:
    assert path in problems(raw)


@pytest.mark.parametrize(
    ("section", "fields", "path", "fragment"),
    [
        ("service", {"resourceGroup": "rg"}, "service.resourceGroup", "unknown field"),
        ("service", {"location": "usgovvirginia"}, "service.location", "does not offer Azure OpenAI in commercial"),
        (
            "service",
            {
                "location": "brazilsouth",
                "deployments": [{"name": "c", "model": "gpt-4o", "version": "2024-11-20", "sku": "Standard"}],
            },
            "service.deployments[0]",
            "not offered in brazilsouth",
        ),
        ("useCase", {"served_parties": []}, "useCase.served_parties", "the key is written `servedParties` here"),
    ],
)
def test_the_checker_reads_the_whole_service_as_the_program_does(
    section: str, fields: dict[str, Any], path: str, fragment: str
) -> None:
    assert fragment in problems(_with(section, **fields))[path]


def test_globalstandard_in_azure_government_is_refused_by_the_checker_too() -> None:
    raw = config(use_case(), cloud="usgovernment")
    raw["service"]["deployments"] = [{"name": "c", "model": "gpt-4o", "version": "2024-11-20", "sku": "GlobalStandard"}]
    assert "GlobalStandard is not offered in Azure Government" in problems(raw)["service.deployments[0].sku"]


@pytest.mark.parametrize(
    ("cloud", "environment"), [("public", "usgovernment"), ("usgovernment", "public"), ("public", "china")]
)
def test_a_provider_environment_that_contradicts_the_cloud_is_an_error(cloud: str, environment: str) -> None:
    # Jurisdiction follows where the resources go: a non-US operator would be judged for the wrong cloud.
    raw = config(use_case(operator={"sector": "law_enforcement", "country": "GB"}), cloud=cloud)
    with pytest.raises(DeclarationError) as caught:
        declare(raw, environment=environment)
    assert [p.path for p in caught.value.problems] == ["service.cloud"]


@pytest.mark.parametrize(
    ("cloud", "setting", "refused"),
    [
        pytest.param("public", {"azure:environment": "usgovernment"}, True, id="classic-government-commercial"),
        pytest.param("public", {"azure-native:location": "usgovarizona"}, True, id="government-region-commercial"),
        pytest.param("public", {"azure:environment": "dod"}, True, id="classic-dod-commercial"),
        pytest.param("public", {"azure:environment": "USGovernmentL4"}, True, id="classic-l4-commercial"),
        # The classic provider sends only classic resources, which this project's program makes none of.
        pytest.param("public", {"azure:environment": "china"}, False, id="classic-unknown-cloud"),
        pytest.param("public", {"azure:metadataHost": "management.example"}, False, id="classic-metadata-host"),
        pytest.param("usgovernment", {"azure:environment": "usgovernment"}, False, id="classic-government-agrees"),
        pytest.param("usgovernment", {"azure:environment": "dod"}, False, id="classic-dod-agrees"),
        pytest.param("public", {"azure:environment": "public", "azure-native:location": "eastus"}, False, id="public"),
    ],
)
def test_the_stacks_other_provider_settings_must_agree_with_the_declared_cloud(
    cloud: str, setting: dict[str, str], refused: bool
) -> None:
    raw = config(use_case(), cloud=cloud)
    if not refused:
        read_stack_config(raw, providers=setting)
        return
    with pytest.raises(DeclarationError) as caught:
        read_stack_config(raw, providers=setting)
    assert [p.path for p in caught.value.problems] == ["service.cloud"]


def test_the_checker_reads_the_other_provider_settings_of_the_stack_file(tmp_path: Path) -> None:
    stack = tmp_path / "Pulumi.probe.yaml"
    document = stack_document(config(use_case()))
    document["config"]["azure:environment"] = "usgovernment"
    stack.write_text(yaml.safe_dump(document), encoding="utf-8")

    result = check_file(stack)

    assert result.verdict is None
    assert [p.path for p in result.problems] == ["service.cloud"]


def test_an_agreeing_provider_environment_is_read_in_any_case() -> None:
    assert declare(config(use_case(), cloud="usgovernment"), environment="USGovernment").cloud.cloud is (
        Cloud.USGOVERNMENT
    )


def test_a_json_object_in_a_string_is_read_as_the_engine_passes_it() -> None:
    raw = config()
    raw["useCase"] = json.dumps(use_case())
    declaration = declare(raw)
    assert declaration.use_case is not None
    assert declaration.use_case.name == "support-bot"


def test_a_key_repeated_in_a_json_value_is_an_error_at_its_path_not_the_last_one_winning() -> None:
    police_first = json.dumps(use_case(operator=police("US"), capabilities=["facial_recognition"]))
    raw = config()
    raw["useCase"] = police_first[:-1] + ', "operator": {"sector": "commercial", "country": "GB"}}'
    assert problems(raw) == {"useCase.operator": "repeated key: the JSON gives it more than once; give it once"}


def test_names_are_chosen_when_a_problem_is_printed() -> None:
    with pytest.raises(DeclarationError) as caught:
        declare(_with("useCase", humanReview="yes"))
    [problem] = caught.value.problems
    assert problem.path == "useCase.humanReview"
    assert problem.path_in(PYTHON_NAMING) == "use_case.human_review"


def test_a_metadata_host_for_the_default_provider_is_an_error_since_its_cloud_cannot_be_established() -> None:
    raw = config(use_case())
    with pytest.raises(DeclarationError) as caught:
        declare(raw, environment=default_provider({"azure-native:metadataHost": "management.example"}))
    [problem] = caught.value.problems
    assert problem.path == "service.cloud"
    assert "azure-native:metadataHost" in problem.message


def test_the_checker_says_which_weakened_settings_the_packs_security_checks_will_block(tmp_path: Path) -> None:
    # Review R10 L4: the checker allowed what the preview then refused, saying nothing.
    stack = tmp_path / "Pulumi.weak.yaml"
    document = stack_document(config(use_case()))
    document["config"]["azure-openai-guarded:service"]["localAuthEnabled"] = True
    stack.write_text(yaml.safe_dump(document), encoding="utf-8")
    plain = tmp_path / "Pulumi.plain.yaml"
    plain.write_text(yaml.safe_dump(stack_document(config(use_case()))), encoding="utf-8")

    weakened, default = check_file(stack), check_file(plain)

    assert [n for n in weakened.notes if "localAuthEnabled is true" in n and "--policy-pack-config" in n]
    assert not [n for n in default.notes if "--policy-pack-config" in n]
