"""A consumer project's declaration is judged for the cloud each resource's provider really deploys to (review R5 F7).

A consumer's ``<project>:useCase`` is decided for the cloud of the stack's default provider
(``azure-native:environment``); an explicit provider may send a raw resource elsewhere. Every Azure resource outside
the guarded components is then judged under the declaration decided again for its provider's cloud: a US vendor's
facial recognition for a UK police force is allowed in commercial Azure and denied in Azure Government, where
everything is US jurisdiction. A provider whose cloud nothing can know before deployment is refused. This project's
own declaration names its cloud, and ``use-case-verdict`` already refuses a provider for another one.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import Any

import pulumi.runtime
import pytest

from azure_openai_guarded.guards.models import Cloud
from azure_openai_guarded.guards.policies.cloud_tag import GUARD_CLOUD_PROVIDER
from azure_openai_guarded.guards.policies.stack_context import stack_context
from azure_openai_guarded.guards.policies.use_case import (
    ACCOUNT_DECLARED,
    DENIED_STACK,
    FACE_US_LAW_ENFORCEMENT,
    USE_CASE_VERDICT,
)
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from mockengine.analyzer import Violation, analyze
from mockengine.program import Registered
from tests.declarations import fr_facts, police, use_case, vendor

PROJECT = "custody2"
PREFIX = f"urn:pulumi:dev::{PROJECT}::"
NATIVE_PROVIDER = "pulumi:providers:azure-native"
CLASSIC_PROVIDER = "pulumi:providers:azure"
LOCKED_PROPERTIES = {"disableLocalAuth": True, "publicNetworkAccess": "Disabled", "restrictOutboundNetworkAccess": True}

UK_POLICE_BY_US_VENDOR = use_case(
    name="custody-match",
    purpose="Match custody suite photos for a UK police force.",
    operator=vendor("US"),
    servedParties=[police("GB")],
    capabilities=["facial_recognition"],
    facialRecognition=fr_facts(),
)
"""Allowed in commercial Azure; FR-US-LAW-ENFORCEMENT in Azure Government (US jurisdiction whatever is declared)."""

UK_POLICE_REPORTS_BY_US_VENDOR = use_case(
    name="custody-reports",
    purpose="Draft custody reports for a UK police force.",
    operator=vendor("US"),
    servedParties=[police("GB")],
)
"""Text only, allowed in both clouds; in Azure Government it is for US law enforcement, so no Face account."""


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def provider(name: str, inputs: dict[str, Any], provider_type: str = NATIVE_PROVIDER) -> Registered:
    return Registered(f"{PREFIX}{provider_type}::{name}", provider_type, name, True, inputs, "", (), "")


def account(on: Registered | None, kind: str = "OpenAI", location: str = "usgovvirginia") -> Registered:
    inputs = {
        "accountName": "custody-gov",
        "resourceGroupName": "rg-chat",
        "location": location,
        "kind": kind,
        "sku": {"name": "S0"},
        "identity": {"type": "SystemAssigned"},
        "properties": {**LOCKED_PROPERTIES, "allowedFqdnList": []},
    }
    reference = f"{on.urn}::id" if on is not None else ""
    kind_type = "azure-native:cognitiveservices:Account"
    return Registered(f"{PREFIX}{kind_type}::govaccount", kind_type, "govaccount", True, inputs, "", (), reference)


def classic_account(on: Registered) -> Registered:
    inputs = {
        "name": "custody-gov",
        "resourceGroupName": "rg-chat",
        "location": "usgovvirginia",
        "kind": "OpenAI",
        "skuName": "S0",
        "identity": {"type": "SystemAssigned"},
        "localAuthEnabled": False,
        "publicNetworkAccessEnabled": False,
        "outboundNetworkAccessRestricted": True,
    }
    kind_type = "azure:cognitive/account:Account"
    return Registered(
        f"{PREFIX}{kind_type}::govaccount", kind_type, "govaccount", True, inputs, "", (), f"{on.urn}::id"
    )


GOV = provider("gov", {"environment": "usgovernment"})
PUBLIC = provider("pub", {"environment": "public"})
UNSET = provider("plain", {})
METADATA_HOST = provider("mh", {"metadataHost": "management.example.net"})
CLASSIC_GOV = provider("classicgov", {"environment": "usgovernment"}, CLASSIC_PROVIDER)


def consumer(use_case_: dict[str, Any], environment: str | None = "public") -> dict[str, str]:
    config = {f"{PROJECT}:useCase": json.dumps(use_case_)}
    return config if environment is None else {**config, "azure-native:environment": environment}


def own(use_case_: dict[str, Any], cloud: str = "public") -> dict[str, str]:
    location = "usgovvirginia" if cloud == "usgovernment" else "eastus2"
    service = {"cloud": cloud, "location": location, "resourceGroupName": "rg-chat"}
    return {
        "azure-openai-guarded:service": json.dumps(service),
        "azure-openai-guarded:useCase": json.dumps(use_case_),
        "azure-native:environment": cloud,
    }


def mandatory(registrations: list[Registered], config: dict[str, str]) -> list[Violation]:
    return [v for v in analyze(registrations, config) if v.mandatory]


def policies(registrations: list[Registered], config: dict[str, str]) -> set[str]:
    return {v.policy for v in mandatory(registrations, config)}


CASES = [
    # (id, registrations, the stack's config, the mandatory policies that fail)
    (
        "commercial-consumer-declaration-raw-account-on-a-gov-provider",
        [GOV, account(GOV)],
        consumer(UK_POLICE_BY_US_VENDOR),
        {GUARD_CLOUD_PROVIDER},
    ),
    (
        "the-same-on-a-commercial-explicit-provider",
        [PUBLIC, account(PUBLIC, location="eastus2")],
        consumer(UK_POLICE_BY_US_VENDOR),
        set(),
    ),
    (
        "the-same-on-the-default-provider",
        [account(None, location="eastus2")],
        consumer(UK_POLICE_BY_US_VENDOR),
        set(),
    ),
    (
        "allowed-in-both-clouds-on-a-gov-provider",
        [GOV, account(GOV)],
        consumer(UK_POLICE_REPORTS_BY_US_VENDOR),
        set(),
    ),
    (
        "gov-decided-allowed-declaration-on-a-gov-provider",
        [GOV, account(GOV)],
        consumer(use_case(), "usgovernment"),
        set(),
    ),
    (
        # Denied where it was decided, so use-case-verdict reports it once, and nothing more is added.
        "gov-decided-denied-declaration-on-a-gov-provider",
        [GOV, account(GOV)],
        consumer(UK_POLICE_BY_US_VENDOR, "usgovernment"),
        {USE_CASE_VERDICT, ACCOUNT_DECLARED, DENIED_STACK},
    ),
    (
        "commercial-consumer-declaration-on-a-provider-with-a-metadata-host",
        [METADATA_HOST, account(METADATA_HOST, location="eastus2")],
        consumer(use_case()),
        {GUARD_CLOUD_PROVIDER},
    ),
    (
        "commercial-consumer-declaration-on-a-classic-gov-provider",
        [CLASSIC_GOV, classic_account(CLASSIC_GOV)],
        consumer(UK_POLICE_BY_US_VENDOR),
        {GUARD_CLOUD_PROVIDER},
    ),
    (
        "text-only-for-uk-police-face-account-on-a-gov-provider",
        [GOV, account(GOV, kind="Face")],
        consumer(UK_POLICE_REPORTS_BY_US_VENDOR),
        {FACE_US_LAW_ENFORCEMENT},
    ),
    (
        "text-only-for-uk-police-face-account-on-a-commercial-provider",
        [PUBLIC, account(PUBLIC, kind="Face", location="eastus2")],
        consumer(UK_POLICE_REPORTS_BY_US_VENDOR),
        set(),
    ),
    (
        "own-declaration-commercial-on-a-gov-provider-unchanged",
        [GOV, account(GOV)],
        own(UK_POLICE_BY_US_VENDOR),
        {USE_CASE_VERDICT},
    ),
    (
        "own-declaration-allowed-on-a-commercial-provider-unchanged",
        [PUBLIC, account(PUBLIC, location="eastus2")],
        own(UK_POLICE_BY_US_VENDOR),
        set(),
    ),
]


@pytest.mark.parametrize(("registrations", "config", "fails"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_every_resource_is_judged_for_the_cloud_its_provider_deploys_to(
    registrations: list[Registered], config: dict[str, str], fails: set[str]
) -> None:
    if "azure-openai-guarded:useCase" in config:
        # This library's own declaration is its own project's: another project's stack refuses it (review R29).
        moved = (f"::{PROJECT}::", "::azure-openai-guarded::")
        registrations = [
            dataclasses.replace(r, urn=r.urn.replace(*moved), provider=r.provider.replace(*moved))
            for r in registrations
        ]
    assert policies(registrations, config) == fails


def test_the_violation_names_the_resource_the_provider_the_clouds_the_rule_and_the_fix() -> None:
    (violation,) = list(mandatory([GOV, account(GOV)], consumer(UK_POLICE_BY_US_VENDOR)))
    assert violation.urn.endswith("::govaccount")
    message = violation.message
    assert "`govaccount` goes to Azure Government (its provider `gov` has environment 'usgovernment')" in message
    assert f"`{PROJECT}:useCase` was decided for commercial Azure" in message
    assert f"[{FR_US_LAW_ENFORCEMENT.id}]" in message
    assert "give `govaccount` a provider for commercial Azure (environment `public`)" in message


def test_a_provider_whose_cloud_is_unknown_is_named_with_what_to_change() -> None:
    (violation,) = mandatory([METADATA_HOST, account(METADATA_HOST, location="eastus2")], consumer(use_case()))
    assert "`govaccount`'s provider `mh` has metadataHost 'management.example.net'" in violation.message
    assert "Set the provider's `environment` to a literal in the program, and no `metadataHost`" in violation.message


def test_a_provider_left_without_an_environment_is_read_from_the_variable_it_runs_with(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ARM_ENVIRONMENT", "usgovernment")
    assert policies([UNSET, account(UNSET)], consumer(UK_POLICE_BY_US_VENDOR)) == {GUARD_CLOUD_PROVIDER}
    monkeypatch.setenv("ARM_ENVIRONMENT", "public")
    assert policies([UNSET, account(UNSET, location="eastus2")], consumer(UK_POLICE_BY_US_VENDOR)) == set()


def test_a_declaration_decided_for_every_cloud_needs_no_second_decision() -> None:
    # With the default provider's environment unset, the stack's verdict is already the worst of every cloud.
    (declared,) = stack_context(consumer(UK_POLICE_BY_US_VENDOR, None), PROJECT).consumers
    assert set(declared.clouds) == set(Cloud)
    assert declared.elsewhere == ()
    assert declared.verdict is not None
    assert not declared.verdict.allowed
    assert declared.verdict_in(Cloud.USGOVERNMENT) is declared.verdict


def test_a_commercial_declaration_is_also_decided_for_azure_government() -> None:
    (declared,) = stack_context(consumer(UK_POLICE_BY_US_VENDOR), PROJECT).consumers
    assert declared.clouds == (Cloud.PUBLIC,)
    assert declared.verdict is not None
    assert declared.verdict.allowed
    in_government = declared.verdict_in(Cloud.USGOVERNMENT)
    assert in_government is not None
    assert not in_government.allowed
    assert {f.rule for f in in_government.denials} == {FR_US_LAW_ENFORCEMENT.id}


def test_a_resource_beneath_a_guarded_component_answers_to_the_components_cloud_alone() -> None:
    beneath = account(GOV)
    urn = beneath.urn.replace("::azure-native:", "::azure-openai-guarded:index:AzureOpenAIService$azure-native:")
    moved = Registered(urn, beneath.type, beneath.name, True, beneath.inputs, "", (), beneath.provider)
    found = mandatory([GOV, moved], consumer(UK_POLICE_BY_US_VENDOR))
    cloud = [v.message for v in found if v.policy == GUARD_CLOUD_PROVIDER]
    assert len(cloud) == 1
    assert "was registered by AzureOpenAIService, which decided its use case for commercial Azure" in cloud[0]
