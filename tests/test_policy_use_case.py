"""The facial-recognition policies, driven as the engine drives them.

The engine hands a Python policy pack the stack's config in ``PULUMI_CONFIG``
(every value a string, objects as JSON) and calls each policy with
pulumi_policy's argument objects, inputs in camelCase behind the
unknown-checking proxy. These tests do the same.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pulumi.runtime
import pytest
from pulumi_policy import (
    EnforcementLevel,
    Policy,
    PolicyCustomTimeouts,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE, unknown_checking_proxy

from azure_openai_guarded.guards import UseCase, rules, tags
from azure_openai_guarded.guards.facts import read_facts
from azure_openai_guarded.guards.models import Cloud
from azure_openai_guarded.guards.policies import all_policies
from azure_openai_guarded.guards.policies.use_case import (
    ACCOUNT_DECLARED,
    FACE_API_EXPOSURE,
    FACE_US_LAW_ENFORCEMENT,
    USE_CASE_ADVISORIES,
    USE_CASE_VERDICT,
    finding_text,
)
from azure_openai_guarded.guards.terms import FACE_LIMITED_ACCESS
from tests.declarations import config, decide, engine_passes, fr_facts, police, stack_document, use_case, vendor

ACCOUNT = "azure-native:cognitiveservices:Account"
CLASSIC_ACCOUNT = "azure:cognitive/account:Account"
"""The classic pulumi-azure provider's account (``azure.cognitive.Account``), whose input is ``kind`` too."""
POLICIES = {policy.name: policy for policy in all_policies()}


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    # Other tests run programs under the mock engine, which leaves their config in Pulumi's runtime.
    pulumi.runtime.set_all_config({})
    yield
    pulumi.runtime.set_all_config({})


def declare(monkeypatch: pytest.MonkeyPatch, project_config: dict[str, Any]) -> None:
    engine_passes(monkeypatch, stack_document(project_config)["config"])


def options() -> PolicyResourceOptions:
    return PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(0, 0, 0), [], None)


def account(kind: Any = "OpenAI", **extra: Any) -> dict[str, Any]:
    return {"kind": kind, "sku": {"name": "S0"}, "resourceGroupName": "rg", **extra}


def validate_resource(policy_name: str, props: dict[str, Any], resource_type: str = ACCOUNT) -> list[str]:
    policy = POLICIES[policy_name]
    assert isinstance(policy, ResourceValidationPolicy)
    urn = f"urn:pulumi:dev::azure-openai-guarded::{resource_type}::ai"
    args = ResourceValidationArgs(resource_type, unknown_checking_proxy(props), urn, "ai", options(), None)
    messages: list[str] = []
    policy.validate(args, lambda message, _urn: messages.append(message))
    return messages


def validate_stack(policy_name: str, *resources: tuple[str, dict[str, Any]]) -> list[str]:
    policy = POLICIES[policy_name]
    assert isinstance(policy, StackValidationPolicy)
    stack = [
        PolicyResource(
            t, unknown_checking_proxy(p), f"urn:pulumi:dev::p::{t}::r{i}", f"r{i}", options(), None, None, [], {}
        )
        for i, (t, p) in enumerate(resources)
    ]
    messages: list[str] = []
    policy.validate(StackValidationArgs(stack), lambda message, _urn: messages.append(message))
    return messages


US_POLICE_FR = config(
    use_case(capabilities=["facial_recognition"], operator=police("US"), facialRecognition=fr_facts())
)
UK_POLICE_PATROL = config(
    use_case(
        capabilities=["facial_recognition"],
        operator=police("GB"),
        servedParties=[],
        facialRecognition=fr_facts(realtime=True, cameras=("body_worn",), environment="uncontrolled"),
    )
)
UK_POLICE_BOOKING = config(
    use_case(capabilities=["facial_recognition"], operator=police("GB"), servedParties=[], facialRecognition=fr_facts())
)
FR_FACTS_UNDECLARED = config(use_case(capabilities=["facial_recognition"], operator=police("GB"), servedParties=[]))
SERVED_UNDECLARED = config(
    use_case(capabilities=["facial_recognition"], operator=police("GB"), facialRecognition=fr_facts())
)
LE_DRAFTING = config(use_case(operator=police("US"), capabilities=["summarization"]))
ALLOWED = config(use_case())


# --- use-case-verdict -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("project_config", "rules"),
    [
        (ALLOWED, []),
        (LE_DRAFTING, []),
        (UK_POLICE_BOOKING, []),
        (US_POLICE_FR, [rules.FR_US_LAW_ENFORCEMENT.id]),
        (UK_POLICE_PATROL, [rules.FR_REALTIME_MOBILE_UNCONTROLLED.id]),
        (FR_FACTS_UNDECLARED, [rules.DECLARATION_INCOMPLETE.id]),
        (SERVED_UNDECLARED, [rules.DECLARATION_INCOMPLETE.id]),
        (config(None), [rules.DECLARATION_MISSING.id]),
        (config(use_case(operator=police("GB")), cloud="usgovernment"), [rules.DECLARATION_INCONSISTENT.id]),
    ],
    ids=[
        "allowed",
        "le-drafting",
        "uk-booking",
        "us-police",
        "uk-patrol",
        "incomplete",
        "served-undeclared",
        "missing",
        "gov-non-us",
    ],
)
def test_the_stack_policy_denies_what_the_guard_denies_with_its_rule_ids(
    monkeypatch: pytest.MonkeyPatch, project_config: dict[str, Any], rules: list[str]
) -> None:
    declare(monkeypatch, project_config)
    messages = validate_stack(USE_CASE_VERDICT)
    assert [m.split("]")[0].lstrip("[") for m in messages] == rules
    verdict = decide(project_config)
    assert messages == [finding_text(f) for f in verdict.denials]


def test_a_denial_quotes_the_clause_and_says_what_to_change(monkeypatch: pytest.MonkeyPatch) -> None:
    declare(monkeypatch, US_POLICE_FR)
    (message,) = validate_stack(USE_CASE_VERDICT)
    assert "by or for a police department in the United States" in message
    assert "Remove `facial_recognition` from `useCase.capabilities`" in message


def test_an_invalid_declaration_fails_the_stack_with_every_problem_and_its_key(monkeypatch: pytest.MonkeyPatch) -> None:
    declare(monkeypatch, {**config(use_case(capabilitys=["text_generation"])), "guardprofile": "strict"})
    (message,) = validate_stack(USE_CASE_VERDICT)
    assert "invalid" in message
    assert "azure-openai-guarded:useCase.capabilitys: unknown field" in message
    assert "azure-openai-guarded:guardprofile: unknown config key" in message


def test_a_stack_without_any_declaration_leaves_each_account_to_answer_for_itself(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine_passes(monkeypatch, {"azure-native:location": "eastus2"})
    assert validate_stack(USE_CASE_VERDICT, (ACCOUNT, account())) == []
    assert validate_resource(ACCOUNT_DECLARED, account()) != []


def test_warnings_are_reported_by_the_advisory_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    declare(monkeypatch, LE_DRAFTING)
    (message,) = validate_stack(USE_CASE_ADVISORIES)
    assert message.startswith(f"[{rules.LE_GENERATIVE_REVIEW.id}]")
    assert validate_stack(USE_CASE_VERDICT) == []


# --- account-use-case-declared ------------------------------------------------------------------------------


def guard_tags(**overrides: str) -> dict[str, str]:
    verdict = decide(ALLOWED)
    return {**tags.verdict_tags(UseCase.model_validate(ALLOWED["useCase"]), verdict), **overrides}


@pytest.mark.parametrize("kind", ["OpenAI", "AIServices", "Face", "ComputerVision", "CognitiveServices", "openai"])
def test_an_image_capable_account_without_a_declaration_is_denied(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    engine_passes(monkeypatch, {"azure-native:location": "eastus2"})
    (message,) = validate_resource(ACCOUNT_DECLARED, account(kind))
    assert message.startswith(f"[{rules.DECLARATION_MISSING.id}] Account `ai` (kind {kind})")
    assert "the stack's config declares no use case" in message
    assert "Add `azure-openai-guarded:useCase` to the stack file" in message


@pytest.mark.parametrize(
    "account_tags",
    [
        guard_tags(),
        {tags.USE_CASE: "support-bot"},
        guard_tags(**{tags.VERDICT: "denied"}),
        guard_tags(**{tags.RULESET: "0.9.0"}),
        guard_tags(**{tags.USE_CASE: UNKNOWN_STRING_VALUE}),
    ],
    ids=["the-components-own", "partial", "denied", "old-ruleset", "unknown-tag"],
)
def test_the_guards_tags_prove_nothing_without_a_declaration_the_pack_decides(
    monkeypatch: pytest.MonkeyPatch, account_tags: dict[str, str]
) -> None:
    engine_passes(monkeypatch, {})
    (message,) = validate_resource(ACCOUNT_DECLARED, account(tags=account_tags))
    assert message.startswith(f"[{rules.DECLARATION_MISSING.id}]")
    assert "they prove nothing" in message


def test_a_denied_declaration_does_not_clear_an_account_whatever_its_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    declare(monkeypatch, US_POLICE_FR)
    (message,) = validate_resource(ACCOUNT_DECLARED, account(tags=guard_tags()))
    assert message.startswith(f"[{rules.FR_US_LAW_ENFORCEMENT.id}] Account `ai`")
    assert "whose declared use case is denied" in message


def test_a_declared_stack_needs_no_tags_on_its_accounts(monkeypatch: pytest.MonkeyPatch) -> None:
    declare(monkeypatch, ALLOWED)
    assert validate_resource(ACCOUNT_DECLARED, account()) == []


def test_an_invalid_declaration_does_not_count_as_declared(monkeypatch: pytest.MonkeyPatch) -> None:
    declare(monkeypatch, config(use_case(owner="")))
    (message,) = validate_resource(ACCOUNT_DECLARED, account())
    assert "the stack's use-case declaration is invalid" in message


def test_accounts_that_cannot_see_images_and_other_resources_are_out_of_scope(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine_passes(monkeypatch, {})
    assert validate_resource(ACCOUNT_DECLARED, account("TextAnalytics")) == []
    assert validate_resource(ACCOUNT_DECLARED, {"kind": "OpenAI"}, "azure-native:storage:StorageAccount") == []


def test_an_account_whose_kind_is_unknown_in_preview_is_in_scope(monkeypatch: pytest.MonkeyPatch) -> None:
    engine_passes(monkeypatch, {})
    assert len(validate_resource(ACCOUNT_DECLARED, account(UNKNOWN_STRING_VALUE))) == 1


def test_an_account_pinned_to_an_api_version_is_still_an_account(monkeypatch: pytest.MonkeyPatch) -> None:
    engine_passes(monkeypatch, {})
    versioned = "azure-native:cognitiveservices/v20230501:Account"
    assert len(validate_resource(ACCOUNT_DECLARED, account(), versioned)) == 1


@pytest.mark.parametrize("kind", ["Face ", " face", "FACE", "OpenAI\t", "aiservices "])
def test_a_kind_spelt_with_spaces_or_other_case_is_still_in_scope(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    engine_passes(monkeypatch, {})
    assert len(validate_resource(ACCOUNT_DECLARED, account(kind))) == 1


def test_a_classic_provider_account_is_an_account(monkeypatch: pytest.MonkeyPatch) -> None:
    engine_passes(monkeypatch, {})
    assert len(validate_resource(ACCOUNT_DECLARED, account("Face"), CLASSIC_ACCOUNT)) == 1
    assert validate_resource(ACCOUNT_DECLARED, account("TextAnalytics"), CLASSIC_ACCOUNT) == []


# --- face-not-for-us-law-enforcement ------------------------------------------------------------------------

FACE_CASES = [
    ("us-police-operator", config(use_case(operator=police("US"), capabilities=["face_detection"])), True),
    ("us-police-served", config(use_case(operator=vendor("US"), servedParties=[police("US")])), True),
    ("puerto-rico-police", config(use_case(operator=police("PR"))), True),
    ("gov-cloud-uk-police-served", config(use_case(servedParties=[police("GB")]), cloud="usgovernment"), True),
    ("uk-police", config(use_case(operator=police("GB"), servedParties=[])), False),
    ("uk-police-served-parties-left-out", config(use_case(operator=police("GB"))), True),
    ("commercial-served-parties-left-out", config(use_case()), True),
    ("commercial-serving-no-one", config(use_case(servedParties=[])), False),
]


@pytest.mark.parametrize(("project_config", "denied"), [c[1:] for c in FACE_CASES], ids=[c[0] for c in FACE_CASES])
def test_a_face_account_is_denied_by_or_for_us_law_enforcement(
    monkeypatch: pytest.MonkeyPatch, project_config: dict[str, Any], denied: bool
) -> None:
    declare(monkeypatch, project_config)
    messages = validate_resource(FACE_US_LAW_ENFORCEMENT, account("Face"))
    assert bool(messages) is denied
    if denied:
        assert f'"{FACE_LIMITED_ACCESS.wording}"' in messages[0]
        assert "law enforcement" in messages[0]


@pytest.mark.parametrize("operator", [police("GB"), vendor("US")], ids=["uk-police", "us-vendor"])
def test_a_face_account_where_served_parties_are_left_out_is_denied_and_told_to_declare_them(
    monkeypatch: pytest.MonkeyPatch, operator: dict[str, str]
) -> None:
    declare(monkeypatch, config(use_case(operator=operator)))

    (message,) = validate_resource(FACE_US_LAW_ENFORCEMENT, account("Face"))

    assert "useCase.servedParties is undeclared" in message
    assert "`[]` if it serves no one but the operator" in message


def test_only_face_accounts_are_concerned(monkeypatch: pytest.MonkeyPatch) -> None:
    declare(monkeypatch, config(use_case(operator=police("US"))))
    assert validate_resource(FACE_US_LAW_ENFORCEMENT, account("OpenAI")) == []
    assert len(validate_resource(FACE_US_LAW_ENFORCEMENT, account(UNKNOWN_STRING_VALUE))) == 1


@pytest.mark.parametrize("kind", ["Face ", "face", "FACE", "\tFace"])
@pytest.mark.parametrize("resource_type", [ACCOUNT, CLASSIC_ACCOUNT], ids=["azure-native", "classic"])
def test_a_face_account_of_either_provider_and_any_spelling_is_denied_for_us_police(
    monkeypatch: pytest.MonkeyPatch, kind: str, resource_type: str
) -> None:
    declare(monkeypatch, config(use_case(operator=police("US"))))
    (message,) = validate_resource(FACE_US_LAW_ENFORCEMENT, account(kind), resource_type)
    assert "Account `ai` is an Azure AI Face account" in message


def test_a_classic_provider_face_account_is_allowed_where_face_is(monkeypatch: pytest.MonkeyPatch) -> None:
    declare(monkeypatch, config(use_case(operator=police("GB"), servedParties=[])))
    assert validate_resource(FACE_US_LAW_ENFORCEMENT, account("Face"), CLASSIC_ACCOUNT) == []


def test_the_classic_ai_services_resource_is_an_ai_services_account_not_a_face_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Review R14 F4: it has no kind input, and was read as an unset kind, so as Face.
    declare(monkeypatch, config(use_case(operator=police("US"))))
    classic = "azure:cognitive/aIServices:AIServices"

    assert validate_resource(FACE_US_LAW_ENFORCEMENT, {}, classic) == []
    (message,) = validate_resource(FACE_API_EXPOSURE, {}, classic)
    assert "reaches the Azure AI Face API" in message


def test_a_classic_provider_multi_service_account_reports_its_face_api_exposure(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    declare(monkeypatch, config(use_case(operator=police("US"))))
    (message,) = validate_resource(FACE_API_EXPOSURE, account("CognitiveServices "), CLASSIC_ACCOUNT)
    assert "reaches the Azure AI Face API" in message


@pytest.mark.parametrize(
    "kind", ["F\u0430ce", "Face\u200b", "Fa\u0441e"], ids=["cyrillic-a", "zero-width", "cyrillic-es"]
)
def test_a_kind_written_with_characters_no_kind_has_may_be_face(monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    # Review R10 L7: a disguised Face was no kind at all, so the pack let it by.
    declare(monkeypatch, config(use_case(operator=police("US"))))
    (message,) = validate_resource(FACE_US_LAW_ENFORCEMENT, account(kind))
    assert "written with characters no kind has" in message


def test_an_account_without_a_kind_may_be_face_and_is_denied_for_us_law_enforcement(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    declare(monkeypatch, config(use_case(operator=police("US"))))
    props = account()
    del props["kind"]
    (message,) = validate_resource(FACE_US_LAW_ENFORCEMENT, props)
    assert "Account `ai` may be (its kind is not set) an Azure AI Face account" in message


def test_a_face_account_without_a_declaration_cannot_be_cleared(monkeypatch: pytest.MonkeyPatch) -> None:
    engine_passes(monkeypatch, {})
    (message,) = validate_resource(FACE_US_LAW_ENFORCEMENT, account("Face", tags=guard_tags()))
    assert "nothing rules out use by or for US law enforcement" in message


# --- face-api-exposure --------------------------------------------------------------------------------------

EXPOSURE_CASES = [
    # (case, project config, words the advisory says, or None when it is silent)
    ("served-left-out", config(use_case()), "whose useCase.servedParties is undeclared"),
    ("serves-no-one", config(use_case(servedParties=[])), None),
    ("serves-a-commercial-party", config(use_case(servedParties=[vendor("GB")])), None),
    ("uk-police-served-left-out", config(use_case(operator=police("GB"))), "whose useCase.servedParties is undeclared"),
    ("uk-police-serves-no-one", config(use_case(operator=police("GB"), servedParties=[])), None),
    ("us-police-operator", config(use_case(operator=police("US"), servedParties=[])), "(useCase.operator)"),
    ("us-police-served", config(use_case(operator=vendor("US"), servedParties=[police("US")])), "servedParties[0]"),
    ("gov-cloud-serves-no-one", config(use_case(servedParties=[]), cloud="usgovernment"), None),
    ("gov-cloud-uk-police-served", config(use_case(servedParties=[police("GB")]), cloud="usgovernment"), "Azure Gov"),
]


@pytest.mark.parametrize("kind", ["AIServices", "CognitiveServices"])
@pytest.mark.parametrize(
    ("project_config", "words"), [c[1:] for c in EXPOSURE_CASES], ids=[c[0] for c in EXPOSURE_CASES]
)
def test_the_face_api_exposure_counts_undeclared_served_parties_as_the_worst_case(
    monkeypatch: pytest.MonkeyPatch, project_config: dict[str, Any], words: str | None, kind: str
) -> None:
    declare(monkeypatch, project_config)
    messages = validate_resource(FACE_API_EXPOSURE, account(kind))
    if words is None:
        assert messages == []
        return
    (message,) = messages
    assert f"Account `ai` is of kind {kind}, which reaches the Azure AI Face API" in message
    assert words in message
    assert "use kind `OpenAI`" in message


def test_an_undeclared_served_parties_advisory_says_how_to_declare_them(monkeypatch: pytest.MonkeyPatch) -> None:
    declare(monkeypatch, config(use_case()))
    (message,) = validate_resource(FACE_API_EXPOSURE, account("AIServices"))
    assert '"by or for"' in message
    assert "declare useCase.servedParties: every organisation the integration is built for, or `[]`" in message


def test_a_declared_us_police_party_is_cited_without_an_undeclared_note(monkeypatch: pytest.MonkeyPatch) -> None:
    # The operator settles it: what servedParties would add cannot change the answer.
    declare(monkeypatch, config(use_case(operator=police("US"))))
    (message,) = validate_resource(FACE_API_EXPOSURE, account("AIServices"))
    assert "declared by or for US law enforcement (operator is law enforcement in US (useCase.operator))" in message
    assert "undeclared" not in message


def test_the_face_api_exposure_reads_law_enforcement_as_the_guards_facts_do(monkeypatch: pytest.MonkeyPatch) -> None:
    # One reading: the advisory reports exactly where the engine's us_law_enforcement fact is not false.
    for _, project_config, words in EXPOSURE_CASES:
        declare(monkeypatch, project_config)
        declared = UseCase.model_validate(project_config["useCase"])
        fact = read_facts(declared, Cloud(project_config["service"]["cloud"])).us_law_enforcement
        assert bool(validate_resource(FACE_API_EXPOSURE, account("AIServices"))) is (fact.value is not False)
        assert (words is None) is (fact.value is False)


def test_no_declaration_leaves_the_exposure_to_the_declaration_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    engine_passes(monkeypatch, {"azure-native:location": "eastus2"})
    assert validate_resource(FACE_API_EXPOSURE, account("AIServices")) == []
    assert len(validate_resource(ACCOUNT_DECLARED, account("AIServices"))) == 1


# --- the policies themselves --------------------------------------------------------------------------------


def test_the_facial_recognition_policies_are_mandatory_and_have_nothing_to_tune() -> None:
    terms_policies: list[Policy] = [
        POLICIES[USE_CASE_VERDICT],
        POLICIES[ACCOUNT_DECLARED],
        POLICIES[FACE_US_LAW_ENFORCEMENT],
    ]
    for policy in terms_policies:
        assert policy.enforcement_level is EnforcementLevel.MANDATORY, policy.name
        assert policy.config_schema is None, policy.name
    assert POLICIES[USE_CASE_ADVISORIES].enforcement_level is EnforcementLevel.ADVISORY


RESOURCES_THAT_REACH_IMAGES = [
    pytest.param(ACCOUNT, {"kind": "CustomVision.Prediction"}, id="custom-vision-prediction"),
    pytest.param(ACCOUNT, {"kind": "CustomVision.Training"}, id="custom-vision-training"),
    pytest.param("azure:cognitive/aIServices:AIServices", {}, id="classic-ai-services"),
    pytest.param("azure-native:machinelearningservices:Workspace", {"kind": "Hub"}, id="foundry-hub"),
    pytest.param("azure-native:machinelearningservices/v20240401:Workspace", {"kind": "Project"}, id="hub-project"),
]


@pytest.mark.parametrize(("resource_type", "props"), RESOURCES_THAT_REACH_IMAGES)
def test_every_resource_that_reaches_image_or_face_services_needs_a_declaration(
    monkeypatch: pytest.MonkeyPatch, resource_type: str, props: dict[str, Any]
) -> None:
    declare(monkeypatch, config())

    assert validate_resource(ACCOUNT_DECLARED, props, resource_type) != []


def test_a_machine_learning_workspace_that_is_no_foundry_hub_needs_none(monkeypatch: pytest.MonkeyPatch) -> None:
    declare(monkeypatch, config())

    assert (
        validate_resource(ACCOUNT_DECLARED, {"kind": "Default"}, "azure-native:machinelearningservices:Workspace") == []
    )
