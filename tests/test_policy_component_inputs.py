"""The pack decides the declaration a guarded component registers with, in its inputs, as it decides the stack's config.

Both components register themselves, after their verdict, with what their guard decided (the use case, the profile,
the cloud, each Foundry project's own use case). A Pulumi YAML program writes its use case only there, so the pack
reads it from the component's inputs with the checker's reader, under the stricter of its profile and the stack
config's, for the cloud the component's type decides for; an image-capable account passes
``account-use-case-declared`` when it descends from a component whose declaration the pack decided allowed. Tags
alone still prove nothing: an account beside an allowed component, not beneath it, is not cleared by it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi.runtime
import pytest
from pulumi.provider.experimental.util import camel_case

from azure_openai_guarded.components.government import TYPE_TOKEN as GOVERNMENT_COMPONENT
from azure_openai_guarded.components.openai_service import TYPE_TOKEN as COMMERCIAL_COMPONENT
from azure_openai_guarded.components.openai_service import AzureOpenAIService
from azure_openai_guarded.components.outputs import OUTPUTS
from azure_openai_guarded.guards.policies.use_case import (
    ACCOUNT_DECLARED,
    FACE_US_LAW_ENFORCEMENT,
    RESOURCE_TEXTS,
    USE_CASE_ADVISORIES,
    USE_CASE_VERDICT,
)
from azure_openai_guarded.guards.projectfile import read_stack
from azure_openai_guarded.guards.rules import (
    DECLARATION_INCONSISTENT,
    DECLARATION_MISSING,
    FR_US_LAW_ENFORCEMENT,
    STRICT_FR_LAW_ENFORCEMENT,
)
from mockengine.analyzer import Violation, analyze
from mockengine.config import engine_config
from mockengine.program import Registered, run_program
from tests.declarations import fr_facts, police, use_case
from tests.test_consumer_example import _construct, _yaml_properties

YAML_PROJECT = "support-chat-yaml"
PREFIX = f"urn:pulumi:dev::{YAML_PROJECT}::"
ACCOUNT = "azure-native:cognitiveservices:Account"
PROJECT = "azure-native:cognitiveservices:Project"
LOCKED = {
    "kind": "OpenAI",
    "location": "eastus2",
    "identity": {"type": "SystemAssigned"},
    "properties": {"disableLocalAuth": True, "publicNetworkAccess": "Disabled", "restrictOutboundNetworkAccess": True},
}
US_POLICE = use_case(capabilities=["facial_recognition"], operator=police("US"), facialRecognition=fr_facts())
UK_POLICE_CUSTODY = use_case(
    capabilities=["facial_recognition"], operator=police("GB"), servedParties=[], facialRecognition=fr_facts()
)
STACKS = Path(__file__).resolve().parent.parent / "stacks"


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def component(
    declared: dict[str, Any] | None,
    *,
    token: str = COMMERCIAL_COMPONENT,
    cloud: str = "public",
    parent: Registered | None = None,
    name: str = "chat",
    **more: Any,
) -> Registered:
    """A guarded component's registration, with ``declared`` as its use case (no inputs at all when ``None``)."""
    qualified = f"{parent.urn.split('::')[2]}${token}" if parent else token
    inputs = {} if declared is None else {"useCase": declared, "guardProfile": "terms", "cloud": cloud, **more}
    return Registered(f"{PREFIX}{qualified}::{name}", token, name, False, inputs, parent.urn if parent else "", (), "")


def account(parent: Registered | None, name: str = "ai") -> Registered:
    qualified = f"{parent.urn.split('::')[2]}${ACCOUNT}" if parent else ACCOUNT
    urn = f"{PREFIX}{qualified}::{name}"
    return Registered(urn, ACCOUNT, name, True, dict(LOCKED), parent.urn if parent else "", (), "")


def mandatory(registrations: list[Registered], config: dict[str, Any] | None = None) -> dict[str, list[Violation]]:
    engine = {key: value if isinstance(value, str) else json.dumps(value) for key, value in (config or {}).items()}
    found: dict[str, list[Violation]] = {}
    for violation in analyze(registrations, engine):
        if violation.mandatory:
            found.setdefault(violation.policy, []).append(violation)
    return found


def test_the_yaml_consumers_component_registers_its_inline_declaration_and_passes_the_pack() -> None:
    built = _construct(_yaml_properties())
    assert built.error is None
    (service,) = built.run.of_type(COMMERCIAL_COMPONENT)
    assert service.inputs["useCase"] == _yaml_properties()["useCase"]
    assert mandatory(built.run.resources) == {}


def test_the_components_inputs_hold_the_declaration_and_nothing_of_the_service() -> None:
    built = _construct(_yaml_properties())
    (service,) = built.run.of_type(COMMERCIAL_COMPONENT)
    assert set(service.inputs) == {"useCase", "guardProfile", "cloud"}
    assert (service.inputs["guardProfile"], service.inputs["cloud"]) == ("terms", "public")


def test_the_components_outputs_are_unchanged_by_its_registered_inputs() -> None:
    built = _construct(_yaml_properties())
    assert set(built.state) <= {camel_case(name) for name in OUTPUTS}
    assert {"endpoint", "verdict"} <= set(built.state)


def test_a_foundry_components_inputs_list_each_projects_own_use_case() -> None:
    config = read_stack(STACKS / "Pulumi.foundry.yaml").full_config()
    run = run_program(config, stack="foundry")
    (service,) = run.of_type(COMMERCIAL_COMPONENT)
    projects = service.inputs["projects"]
    assert [p["name"] for p in projects] == [r.inputs["projectName"] for r in run.of_type(PROJECT)]
    assert all(set(p) <= {"name", "displayName", "description", "useCase"} for p in projects)
    assert any("useCase" in p for p in projects)


def test_a_components_project_whose_registered_description_describes_recognition_fails_use_case_verdict() -> None:
    # The pack reads a project's text in the component's inputs as the component read it.
    described = {"name": "matching", "description": "Identify suspects for the NYPD from their faces."}
    service = component(use_case(), name="hub", projects=[described])
    failed = mandatory([service, account(service)])
    (verdict,) = failed[USE_CASE_VERDICT]
    assert "projects[0].description says" in verdict.message


def test_a_raw_project_beside_a_component_declared_in_code_is_read_under_its_declaration() -> None:
    service = component(use_case(), name="hub")
    described = {"projectName": "suspects", "properties": {"description": "Identify suspects for the NYPD by face."}}
    urn = f"{PREFIX}{PROJECT}::suspects"
    raw = Registered(urn, PROJECT, "suspects", True, described, "", (), "")
    failed = mandatory([service, account(service), raw])
    (verdict,) = failed[RESOURCE_TEXTS]
    assert verdict.urn == urn
    assert "resource `suspects`.properties.description says" in verdict.message


def test_an_account_beneath_an_allowed_component_passes_with_no_declaration_in_the_config() -> None:
    service = component(use_case())
    assert mandatory([service, account(service)]) == {}


def test_an_account_beside_an_allowed_component_is_not_cleared_by_it() -> None:
    service = component(use_case())
    failed = mandatory([service, account(None)])
    assert set(failed) == {ACCOUNT_DECLARED}
    assert f"[{DECLARATION_MISSING.id}]" in failed[ACCOUNT_DECLARED][0].message


def test_a_component_declaring_a_denied_use_case_fails_use_case_verdict_naming_it() -> None:
    service = component(US_POLICE, name="pd-face")
    failed = mandatory([service, account(service)])
    assert set(failed) == {USE_CASE_VERDICT, ACCOUNT_DECLARED}
    (verdict,) = failed[USE_CASE_VERDICT]
    assert "AzureOpenAIService `pd-face`" in verdict.message
    assert FR_US_LAW_ENFORCEMENT.id in verdict.message
    assert verdict.urn == service.urn
    assert "AzureOpenAIService `pd-face`" in failed[ACCOUNT_DECLARED][0].message


@pytest.mark.parametrize(
    ("declared", "extra", "says"),
    [
        (use_case(servedPartys=[]), {}, "servedPartys"),
        (use_case(), {"cloud": "usgovernment"}, "`cloud` is 'usgovernment'"),
        (json.dumps(use_case()) + "x", {}, "useCase"),
    ],
    ids=["misspelt-field", "cloud-the-type-does-not-decide-for", "unreadable-json"],
)
def test_an_invalid_declaration_in_a_components_inputs_is_mandatory(
    declared: Any, extra: dict[str, Any], says: str
) -> None:
    service = component(declared, **extra)
    failed = mandatory([service, account(service)])
    assert set(failed) == {USE_CASE_VERDICT, ACCOUNT_DECLARED}
    (verdict,) = failed[USE_CASE_VERDICT]
    assert "is invalid" in verdict.message
    assert says in verdict.message


def test_a_component_registered_without_a_declaration_is_missing_one() -> None:
    service = component(None)
    failed = mandatory([service, account(service)])
    assert set(failed) == {USE_CASE_VERDICT, ACCOUNT_DECLARED}
    (verdict,) = failed[USE_CASE_VERDICT]
    assert f"[{DECLARATION_MISSING.id}] AzureOpenAIService `chat` holds no `useCase` in its inputs" in verdict.message
    assert "whose declaration is missing" in failed[ACCOUNT_DECLARED][0].message


def test_the_stack_configs_strict_profile_holds_the_components_declaration() -> None:
    service = component(UK_POLICE_CUSTODY)
    assert mandatory([service, account(service)]) == {}
    failed = mandatory([service, account(service)], {f"{YAML_PROJECT}:guardProfile": "strict"})
    assert set(failed) == {USE_CASE_VERDICT, ACCOUNT_DECLARED}
    assert STRICT_FR_LAW_ENFORCEMENT.id in failed[USE_CASE_VERDICT][0].message


def test_a_consumer_namespace_that_only_sets_the_profile_is_no_missing_declaration_beside_components() -> None:
    service = component(use_case())
    assert mandatory([service, account(service)], {f"{YAML_PROJECT}:guardProfile": "strict"}) == {}


def test_the_government_components_inner_component_is_decided_for_azure_government() -> None:
    # A non-US operator is allowed in commercial Azure and inconsistent in Azure Government.
    abroad = use_case(operator={"sector": "commercial", "country": "GB"}, servedParties=[])
    assert mandatory([(alone := component(abroad)), account(alone)]) == {}
    outer = component(abroad, token=GOVERNMENT_COMPONENT, cloud="usgovernment")
    inner = component(abroad, cloud="usgovernment", parent=outer)
    failed = mandatory([outer, inner, account(inner)])
    assert {USE_CASE_VERDICT, ACCOUNT_DECLARED} <= set(failed)
    named = [v.message for v in failed[USE_CASE_VERDICT]]
    assert len(named) == 2
    assert all(DECLARATION_INCONSISTENT.id in message for message in named)


def test_a_component_beneath_the_government_one_that_claims_commercial_azure_is_invalid() -> None:
    outer = component(use_case(), token=GOVERNMENT_COMPONENT, cloud="usgovernment")
    inner = component(use_case(), cloud="public", parent=outer)
    failed = mandatory([outer, inner, account(inner)])
    (verdict,) = failed[USE_CASE_VERDICT]
    assert "`cloud` is 'public'" in verdict.message
    assert verdict.urn == inner.urn


def test_a_component_the_pack_never_read_is_not_proven_allowed() -> None:
    service = component(use_case())
    disabled = {name: {"enforcementLevel": "disabled"} for name in (ACCOUNT_DECLARED, FACE_US_LAW_ENFORCEMENT)}
    disabled |= {name: {"enforcementLevel": "disabled"} for name in ("face-api-exposure", RESOURCE_TEXTS)}
    violations = analyze([service, account(service)], {}, disabled)
    (verdict,) = [v for v in violations if v.policy == USE_CASE_VERDICT]
    assert "never read" in verdict.message


def test_a_components_warnings_are_advisories_naming_it() -> None:
    service = component(use_case(operator=police("GB"), servedParties=[], capabilities=["text_generation"]))
    violations = analyze([service, account(service)], {})
    advisories = [v.message for v in violations if v.policy == USE_CASE_ADVISORIES]
    assert advisories
    assert all("AzureOpenAIService `chat`" in message for message in advisories)
    assert not [v for v in violations if v.mandatory]


def test_the_projects_own_stacks_still_pass_with_their_components_inputs_decided() -> None:
    for path in sorted(STACKS.glob("Pulumi.*.yaml")):
        config = read_stack(path).full_config()
        run = run_program(config, stack=path.name.split(".")[1])
        assert run.error is None
        assert [v.policy for v in analyze(run.resources, engine_config(config)) if v.mandatory] == []
        assert AzureOpenAIService.__name__ in " ".join(r.type for r in run.resources)
