"""The security policies on the classic pulumi-azure provider's account, driven as the engine drives them.

``azure:cognitive/account:Account`` makes the same Azure resource as azure-native's account, with flat inputs
named as Terraform's ``azurerm_cognitive_account`` (the resource Checkov's checks read). A classic account with
the provider's defaults must fail every check an azure-native account with Azure's defaults fails, and pass
them once secured in its own input names; its diagnostic settings and locks may come from either provider.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pulumi_policy import (
    PolicyCustomTimeouts,
    PolicyResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE, unknown_checking_proxy

from azure_openai_guarded.guards.policies.checks import (
    DIAGNOSTIC_SETTINGS,
    LOCAL_AUTH_DISABLED,
    MANAGEMENT_LOCK,
    SECURITY_CHECKS,
    Scope,
)
from azure_openai_guarded.guards.policies.security import security_policies

NATIVE = "azure-native:cognitiveservices:Account"
CLASSIC = "azure:cognitive/account:Account"
CLASSIC_SETTING = "azure:monitoring/diagnosticSetting:DiagnosticSetting"
CLASSIC_LOCK = "azure:management/lock:Lock"
POLICIES = {policy.name: policy for policy in security_policies()}
ACCOUNT_ID = "/subscriptions/s/resourceGroups/rg-ai/providers/Microsoft.CognitiveServices/accounts/ai-prod"

CLASSIC_DEFAULTS = {"kind": "OpenAI", "skuName": "S0", "name": "ai-prod", "resourceGroupName": "rg-ai"}
"""A classic account as `azure.cognitive.Account(kind="OpenAI", sku_name="S0")` registers it: every security
input left to the provider's default."""
NATIVE_DEFAULTS = {"kind": "OpenAI", "sku": {"name": "S0"}, "accountName": "ai-prod", "resourceGroupName": "rg-ai"}

CLASSIC_SECURE = {
    **CLASSIC_DEFAULTS,
    "identity": {"type": "SystemAssigned, UserAssigned", "identityIds": ["/subscriptions/s/identities/ai"]},
    "localAuthEnabled": False,
    "publicNetworkAccessEnabled": False,
    "outboundNetworkAccessRestricted": True,
    "fqdns": ["contoso.blob.core.windows.net"],
    "customerManagedKey": {"keyVaultKeyId": UNKNOWN_STRING_VALUE},
    "customSubdomainName": "ai-prod",
    "networkAcls": {"defaultAction": "Deny", "ipRules": []},
}


def options() -> PolicyResourceOptions:
    return PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(0, 0, 0), [], None)


def resource(
    resource_type: str,
    props: dict[str, Any],
    name: str,
    depends_on: list[PolicyResource] | None = None,
    property_dependencies: dict[str, list[PolicyResource]] | None = None,
) -> PolicyResource:
    urn = f"urn:pulumi:dev::consumer::{resource_type}::{name}"
    return PolicyResource(
        resource_type,
        unknown_checking_proxy(props),
        urn,
        name,
        options(),
        None,
        None,
        depends_on or [],
        property_dependencies or {},
    )


def violations(*resources: PolicyResource) -> dict[str, list[str]]:
    """Every security policy's messages over ``resources``, by policy name (only those with any)."""
    found: dict[str, list[str]] = {}

    def report(name: str) -> Callable[[str, str | None], None]:
        return lambda message, _urn: found.setdefault(name, []).append(message)

    for name, policy in POLICIES.items():
        if isinstance(policy, StackValidationPolicy):
            policy.validate(StackValidationArgs(list(resources)), report(name))
            continue
        assert isinstance(policy, ResourceValidationPolicy)
        for r in resources:
            policy.validate(
                ResourceValidationArgs(r.resource_type, r.props, r.urn, r.name, options(), None), report(name)
            )
    return found


def test_a_classic_account_left_at_its_defaults_fails_every_check_an_azure_native_one_does() -> None:
    classic = violations(resource(CLASSIC, CLASSIC_DEFAULTS, "ai"))
    native = violations(resource(NATIVE, NATIVE_DEFAULTS, "ai"))
    assert set(classic) == set(native) == {check.id for check in SECURITY_CHECKS}


CLASSIC_FINDINGS = [
    # (policy, the finding names the classic input, and the fix writes it in the classic provider's names)
    ("local-auth-disabled", "`localAuthEnabled` is not set", "Set `localAuthEnabled: false`"),
    (
        "public-network-access-disabled",
        "`publicNetworkAccessEnabled` is not set",
        "`publicNetworkAccessEnabled: false`",
    ),
    ("managed-identity", "`identity.type` is not set", "Set `identity: {type: SystemAssigned}`"),
    ("outbound-network-restricted", "`outboundNetworkAccessRestricted` is not true", "in `fqdns` (left empty"),
    ("customer-managed-key", "`customerManagedKey.keyVaultKeyId` is not set", "`customerManagedKey: {keyVaultKeyId"),
    ("diagnostic-settings", "no diagnostic setting", "`azure:monitoring:DiagnosticSetting` whose `targetResourceId`"),
    ("management-lock", "no management lock", "`azure:management:Lock` whose `scope`"),
]


@pytest.mark.parametrize(("policy", "finding", "fix"), CLASSIC_FINDINGS, ids=[c[0] for c in CLASSIC_FINDINGS])
def test_a_classic_accounts_violation_speaks_its_providers_input_names(policy: str, finding: str, fix: str) -> None:
    (message,) = violations(resource(CLASSIC, CLASSIC_DEFAULTS, "ai"))[policy]
    assert message.startswith("Account `ai`: ")
    assert finding in message
    assert fix in message
    assert "properties." not in message


def test_a_classic_account_secured_in_its_own_names_passes_every_account_check() -> None:
    found = violations(resource(CLASSIC, CLASSIC_SECURE, "ai"))
    account_checks = {check.id for check in SECURITY_CHECKS if check.scope is Scope.ACCOUNT}
    assert account_checks.isdisjoint(found), found
    assert set(found) == {DIAGNOSTIC_SETTINGS.id, MANAGEMENT_LOCK.id}


def test_a_classic_account_pinned_to_azure_native_names_is_still_insecure() -> None:
    # azure-native's inputs mean nothing to the classic provider, which keeps key authentication on.
    props = {**CLASSIC_DEFAULTS, "properties": {"disableLocalAuth": True}}
    (message,) = violations(resource(CLASSIC, props, "ai"))[LOCAL_AUTH_DISABLED.id]
    assert "`localAuthEnabled` is not set" in message


LOGS = {"enabledLogs": [{"categoryGroup": "allLogs"}], "enabledMetrics": [{"category": "AllMetrics"}]}


def classic_account() -> PolicyResource:
    return resource(CLASSIC, {**CLASSIC_SECURE, "id": UNKNOWN_STRING_VALUE}, "ai")


STACK_CASES = [
    # (what the stack adds beside the classic account, the stack policies that still fail)
    ("nothing", lambda account: [], {DIAGNOSTIC_SETTINGS.id, MANAGEMENT_LOCK.id}),
    (
        "classic setting and lock, by dependency",
        lambda account: [
            resource(
                CLASSIC_SETTING,
                {**LOGS, "targetResourceId": UNKNOWN_STRING_VALUE},
                "logs",
                [account],
                {"targetResourceId": [account]},
            ),
            resource(
                CLASSIC_LOCK,
                {"scope": UNKNOWN_STRING_VALUE, "lockLevel": "CanNotDelete"},
                "lock",
                [account],
                {"scope": [account]},
            ),
        ],
        set(),
    ),
    (
        "classic setting and lock, by id",
        lambda account: [
            resource(CLASSIC_SETTING, {**LOGS, "targetResourceId": ACCOUNT_ID}, "logs"),
            resource(CLASSIC_LOCK, {"scope": ACCOUNT_ID, "lockLevel": "ReadOnly"}, "lock"),
        ],
        set(),
    ),
    (
        "classic lock on the account's group",
        lambda account: [
            resource(
                CLASSIC_LOCK, {"scope": "/subscriptions/s/resourceGroups/RG-AI", "lockLevel": "CanNotDelete"}, "lock"
            )
        ],
        {DIAGNOSTIC_SETTINGS.id},
    ),
    (
        "azure-native setting and lock on a classic account",
        lambda account: [
            resource(
                "azure-native:monitor:DiagnosticSetting",
                {"resourceUri": ACCOUNT_ID, "logs": [{"categoryGroup": "allLogs", "enabled": True}]},
                "logs",
            ),
            resource(
                "azure-native:authorization:ManagementLockByScope",
                {"scope": ACCOUNT_ID, "level": "CanNotDelete"},
                "lock",
            ),
        ],
        set(),
    ),
    (
        "classic setting with metrics only, lock of no level that protects",
        lambda account: [
            resource(
                CLASSIC_SETTING, {"targetResourceId": ACCOUNT_ID, "enabledMetrics": [{"category": "AllMetrics"}]}, "m"
            ),
            resource(CLASSIC_LOCK, {"scope": ACCOUNT_ID, "lockLevel": "NotSpecified"}, "lock"),
        ],
        {DIAGNOSTIC_SETTINGS.id, MANAGEMENT_LOCK.id},
    ),
    (
        "classic setting and lock on another account",
        lambda account: [
            resource(CLASSIC_SETTING, {**LOGS, "targetResourceId": ACCOUNT_ID.replace("ai-prod", "other")}, "logs"),
            resource(CLASSIC_LOCK, {"scope": ACCOUNT_ID.replace("ai-prod", "other"), "lockLevel": "ReadOnly"}, "lock"),
        ],
        {DIAGNOSTIC_SETTINGS.id, MANAGEMENT_LOCK.id},
    ),
    (
        "classic lock whose level is computed",
        lambda account: [
            resource(CLASSIC_SETTING, {**LOGS, "targetResourceId": ACCOUNT_ID}, "logs"),
            resource(CLASSIC_LOCK, {"scope": ACCOUNT_ID, "lockLevel": UNKNOWN_STRING_VALUE}, "lock"),
        ],
        {MANAGEMENT_LOCK.id},
    ),
]


@pytest.mark.parametrize(("extra", "failing"), [c[1:] for c in STACK_CASES], ids=[c[0] for c in STACK_CASES])
def test_a_classic_accounts_diagnostics_and_locks_are_found_from_either_provider(extra: Any, failing: set[str]) -> None:
    account = classic_account()
    assert set(violations(account, *extra(account))) == failing
