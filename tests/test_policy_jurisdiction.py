"""Where a stack's resources really go, whichever Azure provider sends them: the jurisdiction policies.

A use case is decided for the cloud the stack declares; the pack refuses a provider that sends resources
elsewhere, or whose cloud cannot be known before deployment. Both Azure providers count (azure-native and the
classic pulumi-azure), a ``metadataHost`` is an unknown cloud whatever ``environment`` says, and a resource
without a location goes where its provider's ``location`` puts it. The registrations are those the engine would
hand the pack; the declaration (UK police, custody-desk face matching) is allowed in commercial Azure and denied
in Azure Government, so a resource that lands in Government on a commercial verdict is a forbidden allow.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from azure_openai_guarded.guards.policies.government import GOVERNMENT_PROVIDER
from azure_openai_guarded.guards.policies.use_case import ACCOUNT_DECLARED, DENIED_STACK, USE_CASE_VERDICT
from mockengine.analyzer import analyze
from mockengine.program import Registered

PREFIX = "urn:pulumi:dev::azure-openai-guarded::"
UK_CUSTODY = {
    "name": "uk-custody",
    "purpose": "Match custody photos to the records of the force.",
    "owner": "t@example.com",
    "operator": {"sector": "law_enforcement", "country": "GB"},
    "servedParties": [],
    "capabilities": ["facial_recognition"],
    "facialRecognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
}
SERVICE = {"cloud": "public", "location": "eastus2", "resourceGroupName": "rg-uk", "allowedFqdns": []}
PUBLIC_STACK = {
    "azure-openai-guarded:useCase": json.dumps(UK_CUSTODY),
    "azure-openai-guarded:service": json.dumps(SERVICE),
}

NATIVE_ACCOUNT = "azure-native:cognitiveservices:Account"
CLASSIC_ACCOUNT = "azure:cognitive/account:Account"
LOCKED_NATIVE = {
    "kind": "OpenAI",
    "identity": {"type": "SystemAssigned"},
    "properties": {"disableLocalAuth": True, "publicNetworkAccess": "Disabled", "restrictOutboundNetworkAccess": True},
}
LOCKED_CLASSIC = {
    "kind": "OpenAI",
    "identity": {"type": "SystemAssigned"},
    "localAuthEnabled": False,
    "publicNetworkAccessEnabled": False,
    "outboundNetworkAccessRestricted": True,
}


def provider(package: str, **inputs: Any) -> Registered:
    provider_type = f"pulumi:providers:{package}"
    return Registered(f"{PREFIX}{provider_type}::p", provider_type, "p", True, inputs, "", (), "")


def account(resource_type: str, on: Registered | None, **inputs: Any) -> Registered:
    props = {**(LOCKED_CLASSIC if resource_type == CLASSIC_ACCOUNT else LOCKED_NATIVE), **inputs}
    reference = f"{on.urn}::p-id" if on is not None else ""
    return Registered(f"{PREFIX}{resource_type}::ai", resource_type, "ai", True, props, "", (), reference)


def mandatory(registrations: list[Registered], config: dict[str, str] = PUBLIC_STACK) -> set[str]:
    return {v.policy for v in analyze(registrations, config) if v.mandatory}


GOV_HOST = "management.usgovcloudapi.net"
CASES = [
    # (id, the provider or None for the stack's default, the account's type and inputs, stack config beyond the
    # declaration, the mandatory policies that must fail)
    (
        "native-public",
        provider("azure-native", environment="public"),
        NATIVE_ACCOUNT,
        {"location": "eastus2"},
        {},
        set(),
    ),
    (
        "native-government",
        provider("azure-native", environment="usgovernment"),
        NATIVE_ACCOUNT,
        {},
        {},
        {USE_CASE_VERDICT},
    ),
    (
        "native-metadata-host-gov-location",
        provider("azure-native", metadataHost=GOV_HOST, location="usgovvirginia"),
        NATIVE_ACCOUNT,
        {},
        {},
        {USE_CASE_VERDICT, GOVERNMENT_PROVIDER},
    ),
    (
        "native-metadata-host-beside-public",
        provider("azure-native", environment="public", metadataHost="management.example.net"),
        NATIVE_ACCOUNT,
        {"location": "eastus2"},
        {},
        {USE_CASE_VERDICT},
    ),
    ("classic-public", provider("azure", environment="public"), CLASSIC_ACCOUNT, {"location": "eastus2"}, {}, set()),
    (
        "classic-government",
        provider("azure", environment="usgovernment"),
        CLASSIC_ACCOUNT,
        {"location": "usgovvirginia"},
        {},
        {USE_CASE_VERDICT},
    ),
    (
        "classic-metadata-host",
        provider("azure", metadataHost=GOV_HOST),
        CLASSIC_ACCOUNT,
        {"location": "eastus2"},
        {},
        {USE_CASE_VERDICT},
    ),
    # The classic provider's environment beside a commercial declaration makes the declaration itself invalid, as
    # the checker reads it (review R10 H1), so the account is also one no valid declaration governs.
    (
        "classic-default-set-to-government",
        None,
        CLASSIC_ACCOUNT,
        {"location": "usgovvirginia"},
        {"azure:environment": "usgovernment"},
        {USE_CASE_VERDICT, ACCOUNT_DECLARED, DENIED_STACK},
    ),
    (
        "classic-default-public-in-a-government-region",
        None,
        CLASSIC_ACCOUNT,
        {"location": "usgovvirginia"},
        {},
        {GOVERNMENT_PROVIDER},
    ),
    ("classic-default-public", None, CLASSIC_ACCOUNT, {"location": "eastus2"}, {}, set()),
]


@pytest.mark.parametrize(
    ("on", "resource_type", "inputs", "extra", "failing"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_a_resource_decided_for_one_cloud_fails_on_a_provider_that_goes_elsewhere_or_nobody_knows_where(
    on: Registered | None, resource_type: str, inputs: dict[str, Any], extra: dict[str, str], failing: set[str]
) -> None:
    registrations = [account(resource_type, on, **inputs)] + ([on] if on is not None else [])
    assert mandatory(registrations, {**PUBLIC_STACK, **extra}) == failing


def test_the_message_names_the_metadata_host_as_an_unknown_cloud() -> None:
    on = provider("azure-native", metadataHost=GOV_HOST, location="usgovvirginia")
    found = {v.policy: v.message for v in analyze([on, account(NATIVE_ACCOUNT, on)], PUBLIC_STACK) if v.mandatory}
    assert f"metadataHost '{GOV_HOST}'" in found[USE_CASE_VERDICT]
    assert "whose cloud is whatever its endpoint describes" in found[USE_CASE_VERDICT]
    assert "Azure Government region `usgovvirginia`" in found[GOVERNMENT_PROVIDER]
