"""A consumer project's declaration, in its own config namespace, is decided by the pack as the checker decides it.

A program of another project reads its use case from its own namespace (``<project>:useCase``) and hands it to a
component; the engine names the project in ``ConfigureStack`` (the legacy route in ``PULUMI_PROJECT``), so the pack
decides that namespace's declaration too, and, when the project is unknown, every namespace that sets a
``useCase``. The guard's tags on an account are a claim, never a proof: an image-capable account passes
``account-use-case-declared`` only if the pack itself decided an allowed declaration from the stack's config.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi.runtime
import pytest

from azure_openai_guarded.guards import tags
from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.policies.cloud_tag import GUARD_CLOUD_PROVIDER
from azure_openai_guarded.guards.policies.stack_context import stack_context
from azure_openai_guarded.guards.policies.use_case import (
    ACCOUNT_DECLARED,
    DENIED_STACK,
    FACE_US_LAW_ENFORCEMENT,
    USE_CASE_VERDICT,
)
from azure_openai_guarded.guards.rules import DECLARATION_MISSING, FR_US_LAW_ENFORCEMENT
from mockengine.analyzer import Violation, analyze
from mockengine.program import Registered, run_program
from tests.declarations import REDACTION, fr_facts, police, use_case

CONSUMER = Path(__file__).resolve().parent.parent / "examples" / "consumer"
PREFIX = "urn:pulumi:dev::{project}::"
FORGED = {tags.USE_CASE: "anything", tags.VERDICT: "allowed", tags.RULESET: "2.0.0", tags.CLOUD: "public"}
LOCKED = {
    "kind": "OpenAI",
    "location": "eastus2",
    "identity": {"type": "SystemAssigned"},
    "tags": FORGED,
    "properties": {"disableLocalAuth": True, "publicNetworkAccess": "Disabled", "restrictOutboundNetworkAccess": True},
}
ALLOWED = use_case()
US_POLICE = use_case(capabilities=["facial_recognition"], operator=police("US"), facialRecognition=fr_facts())
UK_POLICE_CUSTODY = use_case(
    capabilities=["facial_recognition"], operator=police("GB"), servedParties=[], facialRecognition=fr_facts()
)


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def raw_account(project: str, kind: str = "OpenAI") -> Registered:
    urn = PREFIX.format(project=project) + "azure-native:cognitiveservices:Account::ai"
    return Registered(urn, "azure-native:cognitiveservices:Account", "ai", True, {**LOCKED, "kind": kind}, "", (), "")


def failing(project: str, config: dict[str, Any], kind: str = "OpenAI") -> dict[str, list[str]]:
    engine = {key: value if isinstance(value, str) else json.dumps(value) for key, value in config.items()}
    found: dict[str, list[str]] = {}
    for violation in analyze([raw_account(project, kind)], engine):
        if violation.mandatory:
            found.setdefault(violation.policy, []).append(violation.message.split("\n", 1)[1])
    return found


CASES = [
    # (id, the project the engine names, the stack's config, the mandatory policies that fail: a declaration the
    # config refuses refuses every resource too)
    ("consumer-allowed", "ledger-app", {"ledger-app:useCase": ALLOWED}, set()),
    (
        "consumer-us-police",
        "ledger-app",
        {"ledger-app:useCase": US_POLICE},
        {USE_CASE_VERDICT, ACCOUNT_DECLARED, DENIED_STACK},
    ),
    (
        "consumer-invalid",
        "ledger-app",
        {"ledger-app:useCase": {"name": "x"}},
        {USE_CASE_VERDICT, ACCOUNT_DECLARED, DENIED_STACK},
    ),
    (
        "consumer-near-miss-key",
        "ledger-app",
        {"ledger-app:usecase": ALLOWED},
        {USE_CASE_VERDICT, ACCOUNT_DECLARED, DENIED_STACK},
    ),
    ("consumer-forged-tags-only", "ledger-app", {"ledger-app:location": "eastus2"}, {ACCOUNT_DECLARED}),
    ("another-namespace-than-the-projects", "ledger-app", {"other:useCase": ALLOWED}, {ACCOUNT_DECLARED}),
    (
        "another-namespaces-forbidden-use-case-beside-the-projects",
        "ledger-app",
        {"ledger-app:useCase": ALLOWED, "team-ai:useCase": US_POLICE},
        {USE_CASE_VERDICT, ACCOUNT_DECLARED, DENIED_STACK},
    ),
    (
        "uk-police-cloud-unset-decided-for-every-cloud",
        "ledger-app",
        {"ledger-app:useCase": UK_POLICE_CUSTODY},
        {USE_CASE_VERDICT, ACCOUNT_DECLARED, DENIED_STACK},
    ),
    (
        "uk-police-in-commercial-azure",
        "ledger-app",
        {"ledger-app:useCase": UK_POLICE_CUSTODY, "azure-native:environment": "public"},
        set(),
    ),
    (
        "a-use-case-in-a-list-of-the-consumers",
        "ledger-app",
        {"ledger-app:useCase": ALLOWED, "ledger-app:projects": [{"name": "patrol", "useCase": US_POLICE}]},
        {USE_CASE_VERDICT, ACCOUNT_DECLARED, DENIED_STACK},
    ),
    (
        "a-use-case-in-another-namespaces-list",
        "ledger-app",
        {"ledger-app:useCase": ALLOWED, "teamconfig:teams": [{"useCase": US_POLICE}]},
        {USE_CASE_VERDICT, ACCOUNT_DECLARED, DENIED_STACK},
    ),
    (
        "a-declaration-under-another-key-beside-a-harmless-use-case",
        "ledger-app",
        {"ledger-app:useCase": ALLOWED, "ledger-app:aiUseCase": US_POLICE},
        {USE_CASE_VERDICT, ACCOUNT_DECLARED, DENIED_STACK},
    ),
    (
        "an-invalid-use-case-in-a-list",
        "ledger-app",
        {"ledger-app:useCase": ALLOWED, "ledger-app:projects": [{"useCase": {**ALLOWED, "capabilitys": []}}]},
        {USE_CASE_VERDICT, ACCOUNT_DECLARED, DENIED_STACK},
    ),
    (
        "an-allowed-use-case-in-a-list",
        "ledger-app",
        {"ledger-app:useCase": ALLOWED, "ledger-app:projects": [{"name": "chat", "useCase": ALLOWED}]},
        set(),
    ),
    (
        "consumer-metadata-host",
        "ledger-app",
        {"ledger-app:useCase": ALLOWED, "azure-native:metadataHost": "management.example.net"},
        # The account's (forged) cloud tag cannot be matched to a provider whose cloud nobody knows either.
        {USE_CASE_VERDICT, ACCOUNT_DECLARED, DENIED_STACK, GUARD_CLOUD_PROVIDER},
    ),
]


@pytest.mark.parametrize(("project", "config", "fails"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_the_pack_decides_the_consumer_projects_own_declaration(
    project: str, config: dict[str, Any], fails: set[str]
) -> None:
    assert set(failing(project, config)) == fails


def test_a_consumers_denial_names_its_key_and_the_rule() -> None:
    found = failing("ledger-app", {"ledger-app:useCase": US_POLICE})
    (verdict,) = found[USE_CASE_VERDICT]
    assert verdict.startswith(f"`ledger-app:useCase`: [{FR_US_LAW_ENFORCEMENT.id}]")
    (account,) = found[ACCOUNT_DECLARED]
    assert account.startswith(f"[{FR_US_LAW_ENFORCEMENT.id}] Account `ai`")


def test_a_consumers_invalid_declaration_names_the_field_in_its_namespace() -> None:
    found = failing("ledger-app", {"ledger-app:useCase": {**ALLOWED, "capabilitys": []}})
    (verdict,) = found[USE_CASE_VERDICT]
    assert "`ledger-app:useCase` is invalid" in verdict
    assert "ledger-app:useCase.capabilitys" in verdict


def test_an_account_with_no_declaration_is_told_the_consumers_own_key() -> None:
    (message,) = failing("ledger-app", {})[ACCOUNT_DECLARED]
    assert message.startswith(f"[{DECLARATION_MISSING.id}]")
    assert "Add `ledger-app:useCase` to the stack file" in message
    assert "they prove nothing" in message


def test_a_face_account_of_a_consumer_built_for_us_police_is_denied() -> None:
    declared = use_case(
        operator=police("US"), capabilities=["face_detection"], servedParties=[], humanReview=True, purpose=REDACTION
    )
    found = failing("ledger-app", {"ledger-app:useCase": declared}, kind="Face")
    assert set(found) == {FACE_US_LAW_ENFORCEMENT}
    assert "ledger-app:useCase.operator" in found[FACE_US_LAW_ENFORCEMENT][0]


@pytest.mark.parametrize(("namespace", "passes"), [("ledger-app", True), ("team-b", True), ("azure-native", False)])
def test_with_the_project_unknown_any_namespaces_use_case_is_decided(namespace: str, passes: bool) -> None:
    # The legacy route, without PULUMI_PROJECT: the pack cannot tell which namespace the program reads.
    context = stack_context({f"{namespace}:useCase": json.dumps(ALLOWED)})
    assert bool(context.decided) is passes
    denied = stack_context({f"{namespace}:useCase": json.dumps(US_POLICE), "x:useCase": json.dumps(ALLOWED)})
    assert any(not verdict.allowed for verdict in denied.decided) is passes


def test_the_consumer_example_passes_the_pack_with_its_declaration_read_from_its_own_config() -> None:
    config = {
        "support-chat:location": "eastus2",
        "support-chat:useCase": json.dumps(
            {
                "name": "support-chat",
                "purpose": "Answer customers' billing questions in the support portal and draft replies for agents.",
                "owner": "support-platform@example.com",
                "operator": {"sector": "commercial", "country": "US"},
                "capabilities": ["text_generation", "summarization"],
                "humanReview": True,
            }
        ),
    }
    run = run_program(config, stack="dev", program=CONSUMER / "__main__.py", project="support-chat")
    assert run.error is None, run.error
    violations: list[Violation] = analyze(run.resources, config)
    assert [(v.policy, v.message) for v in violations if v.mandatory] == []


def test_a_use_case_nested_in_another_key_is_named_by_its_place_in_the_pack_and_the_checker(tmp_path: Path) -> None:
    # Its project is named for nothing it does: a name the config holds is read with each declaration in it.
    config = {"ledger-app:useCase": ALLOWED, "ledger-app:projects": [{"name": "records-desk", "useCase": US_POLICE}]}
    (verdict,) = failing("ledger-app", config)[USE_CASE_VERDICT]
    assert verdict.startswith(f"`ledger-app:projects[0].useCase`: [{FR_US_LAW_ENFORCEMENT.id}]")

    (tmp_path / "Pulumi.yaml").write_text("name: ledger-app\nruntime: python\n")
    stack = tmp_path / "Pulumi.dev.yaml"
    stack.write_text(json.dumps({"config": config}))
    checked = check_file(stack)
    assert checked.verdict is not None
    assert not checked.verdict.allowed
    assert "`ledger-app:projects[0].useCase`: " in checked.verdict.findings[0].message


def registered(project: str, resource_type: str, name: str, inputs: dict[str, Any]) -> Registered:
    urn = PREFIX.format(project=project) + f"{resource_type}::{name}"
    return Registered(urn, resource_type, name, True, inputs, "", (), "")


@pytest.mark.parametrize(
    ("config", "refused"),
    [
        ({"ledger-app:useCase": US_POLICE}, True),
        ({"ledger-app:useCase": {"name": "x"}}, True),
        ({"ledger-app:useCase": ALLOWED, "team-ai:useCase": US_POLICE}, True),
        ({"ledger-app:useCase": ALLOWED}, False),
        # A profile alone leaves the components' own declarations to decide.
        ({"ledger-app:guardProfile": "strict"}, False),
    ],
    ids=["denied", "invalid", "another-namespace-denied", "allowed", "profile-only"],
)
def test_a_denied_declaration_in_the_config_refuses_the_programs_own_resources_as_they_are_registered(
    config: dict[str, Any], refused: bool
) -> None:
    # A consumer's own resource group, registered before the guarded component: `pulumi up` would create it before
    # the component is denied (review R23). Providers and the stack's root create nothing.
    group = registered("ledger-app", "azure-native:resources:ResourceGroup", "team-rg", {"location": "eastus2"})
    provider = registered("ledger-app", "pulumi:providers:azure-native", "default", {"environment": "public"})
    engine = {key: value if isinstance(value, str) else json.dumps(value) for key, value in config.items()}

    violations = [v for v in analyze([provider, group], engine) if v.policy == DENIED_STACK]

    assert [v.urn for v in violations] == ([group.urn] if refused else [])
