"""The pack's Foundry-era checks, on raw resources that bypass the components.

Each program registers real ``pulumi_azure_native`` resources with no guard,
runs under Pulumi's mock engine, and goes to the pack as the engine would hand
it over (``mockengine.analyzer``): approved models (Azure Policy aafe3651),
the content-filter guardrail (initiative 5207647b), the management lock, the
security checks on every account kind, Foundry projects under the use-case
policy, and the Face API reached through kinds CognitiveServices and AIServices.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi.runtime
import pytest

from azure_openai_guarded.guards.policies.checks import (
    APPROVED_MODELS,
    CONTENT_FILTER_GUARDRAIL,
    MANAGEMENT_LOCK,
    SECURITY_CHECKS,
)
from azure_openai_guarded.guards.policies.use_case import (
    FACE_API_EXPOSURE,
    FACE_US_LAW_ENFORCEMENT,
    RESOURCE_TEXTS,
    USE_CASE_ADVISORIES,
    USE_CASE_VERDICT,
)
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT, LE_GENERATIVE_REVIEW
from mockengine.analyzer import Violation, analyze
from mockengine.config import engine_config
from mockengine.program import ProgramRun, run_program
from tests.declarations import REDACTION, config, fr_facts, police, stack_document, use_case

SECURE_ACCOUNT = """
import pulumi_azure_native as azure_native

group = azure_native.resources.ResourceGroup("rg", location="eastus2", resource_group_name="rg-raw")
account = azure_native.cognitiveservices.Account(
    "raw",
    account_name="raw-account",
    resource_group_name=group.name,
    kind="{kind}",
    sku={{"name": "S0"}},
    identity={{"type": "SystemAssigned"}},
    properties={{
        "disable_local_auth": True,
        "public_network_access": "Disabled",
        "restrict_outbound_network_access": True,
        "allowed_fqdn_list": ["search.search.windows.net"],
    }},
)
"""

HARMS = ("Hate", "Sexual", "Violence", "Selfharm")

DEFAULT_FILTERS = [
    *(
        {"name": harm, "source": source, "severity_threshold": "Medium", "enabled": True, "blocking": True}
        for harm in HARMS
        for source in ("Prompt", "Completion")
    ),
    {"name": "Jailbreak", "source": "Prompt", "enabled": True, "blocking": True},
    {"name": "Indirect Attack", "source": "Prompt", "enabled": True, "blocking": True},
]


def policy_source(name: str, filters: list[dict[str, Any]]) -> str:
    return f"""
azure_native.cognitiveservices.RaiPolicy(
    "{name}",
    rai_policy_name="{name}",
    account_name=account.name,
    resource_group_name=group.name,
    properties={{"base_policy_name": "Microsoft.DefaultV2", "content_filters": {filters!r}}},
)
"""


def deployment_source(name: str, rai_policy: str | None, model: str = "gpt-4o", version: str = "2024-11-20") -> str:
    policy = f', "rai_policy_name": "{rai_policy}"' if rai_policy else ""
    return f"""
azure_native.cognitiveservices.Deployment(
    "{name}",
    deployment_name="{name}",
    account_name=account.name,
    resource_group_name=group.name,
    sku={{"name": "GlobalStandard", "capacity": 10}},
    properties={{"model": {{"format": "OpenAI", "name": "{model}", "version": "{version}"}}{policy}}},
)
"""


LOCK_BY_SCOPE = """
azure_native.authorization.ManagementLockByScope("lock", scope=account.id, level="CanNotDelete")
"""
LOCK_ON_GROUP = """
azure_native.authorization.ManagementLockAtResourceGroupLevel(
    "group-lock", resource_group_name="rg-raw", level="ReadOnly"
)
"""
LOCK_NOT_SPECIFIED = """
azure_native.authorization.ManagementLockByScope("lock", scope=account.id, level="NotSpecified")
"""


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def run_raw(
    tmp_path: Path,
    source: str,
    stack_config: dict[str, Any] | None = None,
    policy_config: dict[str, dict[str, Any]] | None = None,
) -> tuple[ProgramRun, list[Violation]]:
    program = tmp_path / "__main__.py"
    program.write_text(source, encoding="utf-8")
    stack_config = stack_config or {"azure-native:location": "eastus2"}
    # Bare echoes of the inputs: what the engine hands a policy during a preview of a new resource.
    run = run_program(stack_config, stack="raw", program=program, outputs_for=None)
    assert run.error is None, run.error
    return run, analyze(run.resources, engine_config(stack_config), policy_config)


def of(violations: list[Violation], policy: str) -> list[Violation]:
    return [v for v in violations if v.policy == policy]


def secure(kind: str = "OpenAI") -> str:
    return SECURE_ACCOUNT.format(kind=kind)


def test_with_no_allow_list_the_approved_models_check_is_one_advisory_naming_every_deployment(tmp_path: Path) -> None:
    source = (
        secure() + deployment_source("chat", None) + deployment_source("embed", None, "text-embedding-3-large", "1")
    )
    _, violations = run_raw(tmp_path, source)
    (found,) = of(violations, APPROVED_MODELS.id)
    assert not found.mandatory
    assert "no `allowedModels` list is configured" in found.message
    assert "`chat` (OpenAI/gpt-4o@2024-11-20)" in found.message
    assert "`embed` (OpenAI/text-embedding-3-large@1)" in found.message
    assert "aafe3651-cb78-4f68-9f81-e7e41509110f" in found.message


def test_a_model_outside_the_allow_list_fails_at_the_configured_level(tmp_path: Path) -> None:
    source = secure() + deployment_source("chat", None) + deployment_source("old", None, "gpt-4o", "2024-08-06")
    allowed = {
        "enforcementLevel": "mandatory",
        "allowedModels": [{"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}],
    }
    run, violations = run_raw(tmp_path, source, policy_config={APPROVED_MODELS.id: allowed})
    (found,) = of(violations, APPROVED_MODELS.id)
    assert found.mandatory
    assert "deploys OpenAI/gpt-4o@2024-08-06, which is not in the configured `allowedModels`" in found.message
    deployments = {r.name: r.urn for r in run.of_type("azure-native:cognitiveservices:Deployment")}
    assert found.urn == deployments["old"]


def test_an_allow_list_entry_without_a_version_allows_every_version(tmp_path: Path) -> None:
    source = secure() + deployment_source("old", None, "gpt-4o", "2024-08-06")
    _, violations = run_raw(
        tmp_path, source, policy_config={APPROVED_MODELS.id: {"allowedModels": [{"name": "gpt-4o"}]}}
    )
    assert of(violations, APPROVED_MODELS.id) == []


def test_a_deployment_whose_policy_is_microsofts_default_filters_passes_the_guardrail(tmp_path: Path) -> None:
    source = secure() + policy_source("strict", DEFAULT_FILTERS) + deployment_source("chat", "strict")
    _, violations = run_raw(tmp_path, source)
    assert of(violations, CONTENT_FILTER_GUARDRAIL.id) == []


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (
            {"name": "Hate", "source": "Prompt", "severity_threshold": "High"},
            "the hate filter on prompts blocks at 'High'",
        ),
        (
            {"name": "Violence", "source": "Completion", "blocking": False},
            "the violence filter on completions is not enabled",
        ),
        ({"name": "Indirect Attack", "source": "Prompt", "enabled": False}, "indirect attack detection on prompts"),
        ({"name": "Jailbreak", "source": "Prompt", "blocking": False}, "jailbreak detection on prompts"),
    ],
)
def test_a_policy_weaker_than_the_default_in_any_category_fails_the_guardrail(
    tmp_path: Path, change: dict[str, Any], words: str
) -> None:
    filters = [
        {**f, **change} if (f["name"], f["source"]) == (change["name"], change["source"]) else f
        for f in DEFAULT_FILTERS
    ]
    source = secure() + policy_source("weak", filters) + deployment_source("chat", "weak")
    _, violations = run_raw(tmp_path, source)
    (found,) = of(violations, CONTENT_FILTER_GUARDRAIL.id)
    assert words in found.message
    assert "5207647b-3e83-4e28-b836-c382cb5e2a2e" in found.message


def test_a_missing_category_fails_the_guardrail(tmp_path: Path) -> None:
    filters = [f for f in DEFAULT_FILTERS if f["name"] != "Selfharm"]
    source = secure() + policy_source("partial", filters) + deployment_source("chat", "partial")
    _, violations = run_raw(tmp_path, source)
    (found,) = of(violations, CONTENT_FILTER_GUARDRAIL.id)
    assert "no selfharm filter on prompts" in found.message


def test_a_deployment_with_no_policy_or_one_the_stack_does_not_define_fails_the_guardrail(tmp_path: Path) -> None:
    source = secure() + deployment_source("bare", None) + deployment_source("elsewhere", "defined-elsewhere")
    _, violations = run_raw(tmp_path, source)
    messages = {
        v.message.splitlines()[-1].split(":")[0]: v.message for v in of(violations, CONTENT_FILTER_GUARDRAIL.id)
    }
    assert "`properties.raiPolicyName` is not set" in messages["Deployment `bare`"]
    assert "'defined-elsewhere', which no RaiPolicy in this stack defines" in messages["Deployment `elsewhere`"]


def test_the_guardrail_level_is_raised_by_the_pack_config(tmp_path: Path) -> None:
    source = secure() + deployment_source("bare", None)
    config_ = {CONTENT_FILTER_GUARDRAIL.id: {"enforcementLevel": "mandatory"}}
    _, violations = run_raw(tmp_path, source, policy_config=config_)
    assert [v.mandatory for v in of(violations, CONTENT_FILTER_GUARDRAIL.id)] == [True]


def test_an_account_without_a_lock_is_an_advisory(tmp_path: Path) -> None:
    run, violations = run_raw(tmp_path, secure())
    (found,) = of(violations, MANAGEMENT_LOCK.id)
    assert not found.mandatory
    assert found.urn == run.of_type("azure-native:cognitiveservices:Account")[0].urn
    assert "no management lock covers this account" in found.message


@pytest.mark.parametrize("lock", [LOCK_BY_SCOPE, LOCK_ON_GROUP], ids=["on the account", "on its resource group"])
def test_a_lock_on_the_account_or_its_group_passes(tmp_path: Path, lock: str) -> None:
    _, violations = run_raw(tmp_path, secure() + lock)
    assert of(violations, MANAGEMENT_LOCK.id) == []


def test_a_lock_of_level_not_specified_does_not_count(tmp_path: Path) -> None:
    _, violations = run_raw(tmp_path, secure() + LOCK_NOT_SPECIFIED)
    (found,) = of(violations, MANAGEMENT_LOCK.id)
    assert "'NotSpecified'" in found.message


INSECURE_ACCOUNT = """
import pulumi_azure_native as azure_native

azure_native.cognitiveservices.Account("raw", resource_group_name="rg-raw", kind="{kind}", sku={{"name": "S0"}})
"""


@pytest.mark.parametrize("kind", ["OpenAI", "AIServices", "CognitiveServices"])
def test_every_security_check_covers_every_kind_that_serves_openai_models(tmp_path: Path, kind: str) -> None:
    _, violations = run_raw(tmp_path, INSECURE_ACCOUNT.format(kind=kind))
    fired = {v.policy for v in violations}
    assert {check.id for check in SECURITY_CHECKS} <= fired


def foundry_config(projects: list[dict[str, Any]], declared: dict[str, Any] | None = None) -> dict[str, Any]:
    project = config(declared or use_case())
    project["service"] |= {"kind": "AIServices", "projects": projects}
    return stack_document(project)["config"]


def us_police_matching() -> dict[str, Any]:
    return use_case(
        name="matching",
        operator=police("US"),
        capabilities=["facial_recognition"],
        facialRecognition=fr_facts(),
    )


RAW_PROJECT = """
azure_native.cognitiveservices.Project(
    "{name}",
    project_name="{name}",
    account_name=account.name,
    resource_group_name=group.name,
    identity={{"type": "SystemAssigned"}},
)
"""


def test_a_foundry_project_whose_own_declaration_is_denied_fails_the_use_case_policy(tmp_path: Path) -> None:
    stack_config = foundry_config([{"name": "support"}, {"name": "matching", "useCase": us_police_matching()}])
    source = secure("AIServices") + RAW_PROJECT.format(name="support") + RAW_PROJECT.format(name="matching")
    run, violations = run_raw(tmp_path, source, stack_config)
    found = of(violations, RESOURCE_TEXTS)
    assert found, violations
    assert all(v.mandatory for v in found)
    projects = {r.name: r.urn for r in run.of_type("azure-native:cognitiveservices:Project")}
    assert projects["matching"] in {v.urn for v in found}
    assert projects["support"] not in {v.urn for v in found}
    text = "\n".join(v.message for v in found)
    assert "Foundry project `matching`" in text
    assert f"[{FR_US_LAW_ENFORCEMENT.id}]" in text
    assert "service.projects[1].useCase" in text


def test_a_raw_project_in_a_stack_whose_declaration_is_denied_fails_the_use_case_policy(tmp_path: Path) -> None:
    # A project the config does not list falls under the stack's declaration, as in the components.
    stack_config = stack_document(config(us_police_matching()))["config"]
    source = secure("AIServices") + RAW_PROJECT.format(name="unlisted")
    run, violations = run_raw(tmp_path, source, stack_config)
    (project,) = run.of_type("azure-native:cognitiveservices:Project")
    assert project.urn in {v.urn for v in of(violations, RESOURCE_TEXTS)}


RAW_DESCRIBED_PROJECT = """
azure_native.cognitiveservices.Project(
    "{name}",
    project_name="{name}",
    account_name=account.name,
    resource_group_name=group.name,
    identity={{"type": "SystemAssigned"}},
    properties={{"description": "{description}"}},
)
"""


def test_a_raw_projects_description_is_read_under_the_stacks_declaration(tmp_path: Path) -> None:
    described = "Identify suspects for the NYPD from their faces."
    source = secure("AIServices") + RAW_DESCRIBED_PROJECT.format(name="unlisted", description=described)
    run, violations = run_raw(tmp_path, source, stack_document(config(use_case()))["config"])
    (project,) = run.of_type("azure-native:cognitiveservices:Project")
    found = [v for v in of(violations, RESOURCE_TEXTS) if v.urn == project.urn]
    assert found, violations
    assert "resource `unlisted`.properties.description says" in found[0].message


def test_a_raw_projects_name_is_read_as_the_components_read_a_projects_name(tmp_path: Path) -> None:
    source = secure("AIServices") + RAW_PROJECT.format(name="nypd-suspect-face-match")
    run, violations = run_raw(tmp_path, source, stack_document(config(use_case()))["config"])
    (project,) = run.of_type("azure-native:cognitiveservices:Project")
    found = [v for v in of(violations, RESOURCE_TEXTS) if v.urn == project.urn]
    assert found, violations
    assert "resource `nypd-suspect-face-match`.projectName says" in found[0].message


def test_a_raw_projects_description_in_a_consumer_stack_is_read_under_the_consumers_declaration(
    tmp_path: Path,
) -> None:
    described = "Identify suspects for the NYPD from their faces."
    source = secure("AIServices") + RAW_DESCRIBED_PROJECT.format(name="helper", description=described)
    consumer = {"azure-native:location": "eastus2", "team-raw:useCase": use_case()}
    program = tmp_path / "__main__.py"
    program.write_text(source, encoding="utf-8")
    run = run_program(consumer, stack="raw", program=program, outputs_for=None, project="team-raw")
    assert run.error is None, run.error
    violations = analyze(run.resources, engine_config(consumer), project="team-raw")
    (project,) = run.of_type("azure-native:cognitiveservices:Project")
    found = [v for v in of(violations, RESOURCE_TEXTS) if v.urn == project.urn]
    assert found, violations
    assert "team-raw:useCase" in found[0].message


def test_a_raw_accounts_name_and_tags_are_read_as_the_components_read_the_services(tmp_path: Path) -> None:
    source = secure("AIServices").replace('account_name="raw-account"', 'account_name="nypd-suspect-face-match"')
    source = source.replace('kind="AIServices",', 'kind="AIServices", tags={"use": "facial recognition for the FBI"},')
    run, violations = run_raw(tmp_path, source, stack_document(config(use_case()))["config"])
    (account,) = run.of_type("azure-native:cognitiveservices:Account")
    found = [v for v in of(violations, RESOURCE_TEXTS) if v.urn == account.urn]
    assert found, violations
    assert "resource `raw`.accountName says" in found[0].message
    assert "resource `raw`.tags.use says" in found[0].message


COMPUTED_DESCRIPTION_PROJECT = """
import asyncio
import pulumi


def known_only_at_deployment():
    # What a preview hands the engine for a value another resource computes when it is created.
    loop = asyncio.get_event_loop()
    value, known = loop.create_future(), loop.create_future()
    value.set_result(None)
    known.set_result(False)
    return pulumi.Output(set(), value, known)


azure_native.cognitiveservices.Project(
    "later",
    project_name="later",
    account_name=account.name,
    resource_group_name=group.name,
    identity={"type": "SystemAssigned"},
    properties={"description": known_only_at_deployment()},
)
"""


def test_a_projects_description_the_program_computes_at_deployment_is_an_unknown_fact(tmp_path: Path) -> None:
    source = secure("AIServices") + COMPUTED_DESCRIPTION_PROJECT
    run, violations = run_raw(tmp_path, source, stack_document(config(use_case()))["config"])
    (project,) = run.of_type("azure-native:cognitiveservices:Project")
    found = [v for v in of(violations, RESOURCE_TEXTS) if v.urn == project.urn]
    assert found, violations
    assert "`properties.description` is unknown until deployment" in found[0].message


def test_an_accounts_tag_the_program_computes_at_deployment_is_an_unknown_fact(tmp_path: Path) -> None:
    computed = COMPUTED_DESCRIPTION_PROJECT.split("azure_native.cognitiveservices.Project(")[0]
    source = secure("AIServices").replace(
        'kind="AIServices",', 'kind="AIServices", tags={"use": known_only_at_deployment()},'
    )
    run, violations = run_raw(tmp_path, computed + source, stack_document(config(use_case()))["config"])
    (account,) = run.of_type("azure-native:cognitiveservices:Account")
    found = [v for v in of(violations, RESOURCE_TEXTS) if v.urn == account.urn]
    assert found, violations
    assert "`tags.use` is unknown until deployment" in found[0].message


def test_a_listed_projects_description_denies_it_under_the_stacks_allowed_declaration(tmp_path: Path) -> None:
    listed = [{"name": "support", "description": "Identify suspects for the NYPD from their faces."}]
    source = secure("AIServices") + RAW_PROJECT.format(name="support")
    _, violations = run_raw(tmp_path, source, foundry_config(listed))
    text = "\n".join(v.message for v in of(violations, USE_CASE_VERDICT))
    assert "Foundry project `support` (declared in the stack's config)" in text
    assert "service.projects[0].description says" in text


def face_detection_for_us_police() -> dict[str, Any]:
    # Allowed (face detection is not recognition), so only the pack speaks about the Face API.
    return use_case(operator=police("US"), capabilities=["face_detection"], humanReview=True, purpose=REDACTION)


@pytest.mark.parametrize("kind", ["AIServices", "CognitiveServices"])
def test_kinds_that_reach_the_face_api_are_an_advisory_for_us_law_enforcement(tmp_path: Path, kind: str) -> None:
    stack_config = stack_document(config(face_detection_for_us_police()))["config"]
    _, violations = run_raw(tmp_path, secure(kind), stack_config)
    (found,) = of(violations, FACE_API_EXPOSURE)
    assert not found.mandatory
    assert f"is of kind {kind}, which reaches the Azure AI Face API" in found.message
    assert "use kind `OpenAI`" in found.message
    assert "useCase.operator" in found.message
    assert of(violations, FACE_US_LAW_ENFORCEMENT) == []


def test_an_openai_account_reaches_no_face_api(tmp_path: Path) -> None:
    stack_config = stack_document(config(face_detection_for_us_police()))["config"]
    _, violations = run_raw(tmp_path, secure("OpenAI"), stack_config)
    assert of(violations, FACE_API_EXPOSURE) == []


def test_kind_face_itself_stays_mandatory(tmp_path: Path) -> None:
    stack_config = stack_document(config(face_detection_for_us_police()))["config"]
    _, violations = run_raw(tmp_path, secure("Face"), stack_config)
    assert [v.mandatory for v in of(violations, FACE_US_LAW_ENFORCEMENT)] == [True]
    assert of(violations, FACE_API_EXPOSURE) == []


def test_the_face_api_advisory_is_silent_for_a_stack_that_serves_no_one_outside_us_law_enforcement(
    tmp_path: Path,
) -> None:
    stack_config = stack_document(config(use_case(servedParties=[])))["config"]
    _, violations = run_raw(tmp_path, secure("AIServices"), stack_config)
    assert of(violations, FACE_API_EXPOSURE) == []


def test_a_projects_own_declaration_that_leaves_out_its_served_parties_exposes_the_foundry_resource(
    tmp_path: Path,
) -> None:
    # The stack's declaration serves no one; the project's own leaves its parties out, and they may be US police.
    stack_config = foundry_config([{"name": "triage", "useCase": use_case()}], use_case(servedParties=[]))
    _, violations = run_raw(tmp_path, secure("AIServices"), stack_config)
    (found,) = of(violations, FACE_API_EXPOSURE)
    assert not found.mandatory
    assert "whose service.projects[0].useCase.servedParties is undeclared" in found.message
    assert " useCase.servedParties" not in found.message


def test_a_projects_own_us_law_enforcement_declaration_exposes_the_foundry_resource(tmp_path: Path) -> None:
    police_project = face_detection_for_us_police() | {"name": "evidence"}
    stack_config = foundry_config([{"name": "evidence", "useCase": police_project}])
    _, violations = run_raw(tmp_path, secure("AIServices"), stack_config)
    (found,) = of(violations, FACE_API_EXPOSURE)
    assert "service.projects[0].useCase.operator" in found.message


def test_a_weaker_repeat_of_a_filter_cannot_hide_behind_a_strong_one(tmp_path: Path) -> None:
    weak_repeat = {
        "name": "Sexual",
        "source": "Completion",
        "severity_threshold": "High",
        "enabled": True,
        "blocking": True,
    }
    source = (
        secure() + policy_source("repeated", [*DEFAULT_FILTERS, weak_repeat]) + deployment_source("chat", "repeated")
    )
    _, violations = run_raw(tmp_path, source)
    (found,) = of(violations, CONTENT_FILTER_GUARDRAIL.id)
    assert "the sexual filter on completions blocks at 'High'" in found.message


def test_a_projects_own_warnings_are_the_packs_advisories_too(tmp_path: Path) -> None:
    # Generative output for law enforcement without human review: allowed, with LE-GENERATIVE-REVIEW.
    reviewless = use_case(name="reports", operator=police("GB"), capabilities=["summarization"])
    stack_config = foundry_config([{"name": "reports", "useCase": reviewless}])
    _, violations = run_raw(tmp_path, secure("AIServices") + RAW_PROJECT.format(name="reports"), stack_config)
    found = [v.message for v in of(violations, USE_CASE_ADVISORIES)]
    assert any(
        "Foundry project `reports` (service.projects[0].useCase)" in m and LE_GENERATIVE_REVIEW.id in m for m in found
    )
    assert of(violations, USE_CASE_VERDICT) == []
