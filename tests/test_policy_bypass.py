"""Stacks that bypass the components, caught by the pack with the rule ids.

Each program here registers real ``pulumi_azure_native`` resources directly,
with no guard, and runs under Pulumi's mock engine (``mockengine.program``). Its
registrations then go to the pack's policies in the engine's shapes
(``mockengine.analyzer``), with the stack's config as the engine passes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi.runtime
import pytest

from azure_openai_guarded.guards.policies.checks import SECURITY_CHECKS
from azure_openai_guarded.guards.policies.government import GOVERNMENT_PROVIDER
from azure_openai_guarded.guards.policies.use_case import ACCOUNT_DECLARED, FACE_US_LAW_ENFORCEMENT, USE_CASE_VERDICT
from azure_openai_guarded.guards.rules import DECLARATION_MISSING, FR_US_LAW_ENFORCEMENT
from mockengine.analyzer import Violation, analyze
from mockengine.config import engine_config
from mockengine.program import ProgramRun, run_program
from tests.declarations import REDACTION, config, police, stack_document, use_case

RAW_PUBLIC_ACCOUNT = """
import pulumi_azure_native as azure_native

group = azure_native.resources.ResourceGroup("rg", location="eastus2")
azure_native.cognitiveservices.Account(
    "raw",
    resource_group_name=group.name,
    kind="OpenAI",
    sku={"name": "S0"},
    properties={"public_network_access": "Enabled"},
)
"""

RAW_FACE_ACCOUNT = """
import pulumi_azure_native as azure_native

group = azure_native.resources.ResourceGroup("rg", location="eastus2")
azure_native.cognitiveservices.Account(
    "faces",
    resource_group_name=group.name,
    kind="Face",
    sku={"name": "S0"},
    identity={"type": "SystemAssigned"},
    properties={
        "disable_local_auth": True,
        "public_network_access": "Disabled",
        "restrict_outbound_network_access": True,
        "allowed_fqdn_list": ["evidence.blob.core.windows.net"],
    },
)
"""

RAW_GOVERNMENT = """
import pulumi
import pulumi_azure_native as azure_native

government = azure_native.Provider("usgov", environment="usgovernment", location="usgovvirginia")
on_government = pulumi.ResourceOptions(provider=government)
azure_native.resources.ResourceGroup("on-gov", location="usgovvirginia", opts=on_government)
azure_native.resources.ResourceGroup("on-default", location="usgovvirginia")
"""


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def run_raw(tmp_path: Path, source: str, stack_config: dict[str, Any]) -> tuple[ProgramRun, list[Violation]]:
    program = tmp_path / "__main__.py"
    program.write_text(source, encoding="utf-8")
    # Bare echoes of the inputs: what the engine hands a policy during a preview of a new resource.
    run = run_program(stack_config, stack="raw", program=program, outputs_for=None)
    assert run.error is None
    return run, analyze(run.resources, engine_config(stack_config))


def by_policy(violations: list[Violation]) -> dict[str, tuple[str, str]]:
    return {v.policy: (v.enforcement.value, v.message) for v in violations}


def test_a_raw_public_account_with_no_declaration_is_caught_with_the_rule_ids(tmp_path: Path) -> None:
    run, violations = run_raw(tmp_path, RAW_PUBLIC_ACCOUNT, {"azure-native:location": "eastus2"})
    (account,) = run.of_type("azure-native:cognitiveservices:Account")
    assert account.inputs["properties"] == {"publicNetworkAccess": "Enabled"}

    found = by_policy(violations)
    assert {name: level for name, (level, _) in found.items()} == {
        "account-use-case-declared": "mandatory",
        "local-auth-disabled": "mandatory",
        "public-network-access-disabled": "mandatory",
        "managed-identity": "mandatory",
        "outbound-network-restricted": "mandatory",
        "customer-managed-key": "advisory",
        "diagnostic-settings": "advisory",
        "management-lock": "advisory",
    }
    assert f"[{DECLARATION_MISSING.id}] Account `raw`" in found[ACCOUNT_DECLARED][1]
    for check in SECURITY_CHECKS:
        for mirrored in check.mirrors:
            assert mirrored in found[check.id][1], (check.id, mirrored)
    assert "'Enabled'" in found["public-network-access-disabled"][1]
    assert {v.urn for v in violations} == {account.urn}


def test_a_raw_face_account_in_a_stack_declared_for_us_police_is_denied(tmp_path: Path) -> None:
    # The declaration alone is allowed (face detection is not recognition), so only the pack stops the Face account.
    declared = use_case(operator=police("US"), capabilities=["face_detection"], humanReview=True, purpose=REDACTION)
    stack_config = stack_document(config(declared))["config"]
    _, violations = run_raw(tmp_path, RAW_FACE_ACCOUNT, stack_config)
    mandatory = {v.policy: v.message for v in violations if v.mandatory}
    assert list(mandatory) == [FACE_US_LAW_ENFORCEMENT]
    assert "strictly prohibited for use by or for U.S. police departments" in mandatory[FACE_US_LAW_ENFORCEMENT]
    assert "useCase.operator" in mandatory[FACE_US_LAW_ENFORCEMENT]


def test_a_raw_account_in_a_stack_whose_declaration_is_denied_fails_the_stack(tmp_path: Path) -> None:
    declared = use_case(
        operator=police("US"),
        capabilities=["facial_recognition"],
        facialRecognition={"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
    )
    _, violations = run_raw(tmp_path, RAW_FACE_ACCOUNT, stack_document(config(declared))["config"])
    found = by_policy(violations)
    assert found[USE_CASE_VERDICT][0] == "mandatory"
    assert found[USE_CASE_VERDICT][1].splitlines()[1].startswith(f"[{FR_US_LAW_ENFORCEMENT.id}]")


def test_in_a_government_stack_only_resources_on_a_government_provider_pass(tmp_path: Path) -> None:
    stack_config = stack_document(config(use_case(), cloud="usgovernment"))["config"]
    run, violations = run_raw(tmp_path, RAW_GOVERNMENT, stack_config)
    groups = {r.name: r.urn for r in run.of_type("azure-native:resources:ResourceGroup")}
    flagged = [(v.policy, v.urn.rsplit("::", 1)[-1]) for v in violations if v.mandatory]
    # The default provider the engine registers for `on-default` sends it to commercial Azure: the verdict, decided
    # for Azure Government, does not hold there either.
    assert sorted(flagged) == [(GOVERNMENT_PROVIDER, "on-default"), (USE_CASE_VERDICT, "default")]
    assert groups["on-default"] in {v.urn for v in violations if v.policy == GOVERNMENT_PROVIDER}


def test_the_default_provider_takes_the_stacks_azure_native_config(tmp_path: Path) -> None:
    stack_config = {
        **stack_document(config(use_case(), cloud="usgovernment"))["config"],
        "azure-native:environment": "usgovernment",
    }
    _, violations = run_raw(tmp_path, RAW_GOVERNMENT, stack_config)
    assert [v for v in violations if v.policy == GOVERNMENT_PROVIDER] == []


def test_a_provider_for_azure_government_in_a_stack_declared_commercial_fails_the_verdict(tmp_path: Path) -> None:
    # A non-US operator is allowed in commercial Azure and not in Azure Government: the verdict must be the
    # one for where the resources really go.
    declared = use_case(operator={"sector": "commercial", "country": "GB"})
    _, violations = run_raw(tmp_path, RAW_GOVERNMENT, stack_document(config(declared))["config"])
    verdicts = [v for v in violations if v.policy == USE_CASE_VERDICT]
    assert [v.mandatory for v in verdicts] == [True]
    assert "Provider `usgov` sends its resources to Azure Government, but the stack declares commercial Azure" in (
        verdicts[0].message
    )
