"""The security checks, as a table: each check against the account inputs that pass and fail it.

Inputs are camelCase, as the engine passes them. A value the engine has not
computed yet (pulumi_policy's sentinel behind its proxy) must fail a check:
the pack cannot prove it safe.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pulumi_policy.proxy import UNKNOWN_BOOLEAN_VALUE, UNKNOWN_STRING_VALUE, unknown_checking_proxy

from azure_openai_guarded.guards.policies.checks import (
    CUSTOMER_MANAGED_KEY,
    DIAGNOSTIC_SETTINGS,
    LOCAL_AUTH_DISABLED,
    MANAGED_IDENTITY,
    MANAGEMENT_LOCK,
    OUTBOUND_NETWORK_RESTRICTED,
    PUBLIC_NETWORK_ACCESS_DISABLED,
    SECURITY_CHECKS,
    Account,
    Level,
    Scope,
    SecurityCheck,
)

SECURE: dict[str, Any] = {
    "kind": "OpenAI",
    "identity": {"type": "SystemAssigned"},
    "properties": {
        "disableLocalAuth": True,
        "publicNetworkAccess": "Disabled",
        "restrictOutboundNetworkAccess": True,
        "allowedFqdnList": ["contoso.blob.core.windows.net"],
        "encryption": {"keySource": "Microsoft.KeyVault", "keyVaultProperties": {"keyName": "cmk"}},
    },
}
"""An account as the components provision it, plus a customer-managed key."""

LOGGING = {"workspaceId": "/subscriptions/s/workspaces/w", "logs": [{"categoryGroup": "allLogs", "enabled": True}]}


def with_properties(**properties: Any) -> dict[str, Any]:
    return {**SECURE, "properties": {**SECURE["properties"], **properties}}


LOCKED = {"level": "CanNotDelete"}


def run(check: SecurityCheck, props: dict[str, Any], config: dict[str, Any] | None = None) -> str | None:
    account = Account(name="ai", props=unknown_checking_proxy(props), diagnostic_settings=(LOGGING,), locks=(LOCKED,))
    return check.check(account, config or {})


def test_a_secure_account_passes_every_check() -> None:
    assert {check.id: run(check, SECURE) for check in SECURITY_CHECKS} == {check.id: None for check in SECURITY_CHECKS}


FAILING = [
    # (check, inputs, words the finding must contain)
    (LOCAL_AUTH_DISABLED, with_properties(disableLocalAuth=False), "is false"),
    (LOCAL_AUTH_DISABLED, with_properties(disableLocalAuth=None), "not set"),
    (LOCAL_AUTH_DISABLED, with_properties(disableLocalAuth=UNKNOWN_BOOLEAN_VALUE), "cannot be verified"),
    (PUBLIC_NETWORK_ACCESS_DISABLED, with_properties(publicNetworkAccess="Enabled"), "'Enabled'"),
    (PUBLIC_NETWORK_ACCESS_DISABLED, with_properties(publicNetworkAccess=None), "Azure then enables it"),
    (PUBLIC_NETWORK_ACCESS_DISABLED, with_properties(publicNetworkAccess=UNKNOWN_STRING_VALUE), "cannot be verified"),
    (MANAGED_IDENTITY, {**SECURE, "identity": {"type": "None"}}, "'None'"),
    (MANAGED_IDENTITY, {**SECURE, "identity": None}, "not set"),
    (MANAGED_IDENTITY, {**SECURE, "identity": {"type": UNKNOWN_STRING_VALUE}}, "cannot be verified"),
    (OUTBOUND_NETWORK_RESTRICTED, with_properties(restrictOutboundNetworkAccess=False), "is not true"),
    (OUTBOUND_NETWORK_RESTRICTED, with_properties(allowedFqdnList=[]), "allowedFqdnList` is empty"),
    (OUTBOUND_NETWORK_RESTRICTED, with_properties(allowedFqdnList=None), "allowedFqdnList` is empty"),
    (CUSTOMER_MANAGED_KEY, with_properties(encryption={"keySource": "Microsoft.CognitiveServices"}), "Microsoft-man"),
    (CUSTOMER_MANAGED_KEY, with_properties(encryption=None), "Microsoft-managed"),
]


@pytest.mark.parametrize(("check", "props", "words"), FAILING, ids=lambda v: v.id if hasattr(v, "id") else "")
def test_an_insecure_or_unverifiable_input_fails_with_what_is_wrong(
    check: SecurityCheck, props: dict[str, Any], words: str
) -> None:
    problem = run(check, props)
    assert problem is not None
    assert words in problem


def test_outbound_needs_both_the_restriction_and_the_list() -> None:
    problem = run(OUTBOUND_NETWORK_RESTRICTED, with_properties(restrictOutboundNetworkAccess=None, allowedFqdnList=[]))
    assert problem is not None
    assert "restrictOutboundNetworkAccess" in problem
    assert "allowedFqdnList" in problem


def test_case_of_enum_values_does_not_matter_as_in_azure() -> None:
    props = {**with_properties(publicNetworkAccess="disabled"), "identity": {"type": "SystemAssigned, UserAssigned"}}
    assert run(PUBLIC_NETWORK_ACCESS_DISABLED, props) is None
    assert run(MANAGED_IDENTITY, props) is None


PUBLIC_WITH_ALLOW_LIST = with_properties(
    publicNetworkAccess="Enabled", networkAcls={"defaultAction": "Deny", "ipRules": [{"value": "203.0.113.0/24"}]}
)


def test_an_ip_allow_list_passes_only_when_the_config_allows_it() -> None:
    assert run(PUBLIC_NETWORK_ACCESS_DISABLED, PUBLIC_WITH_ALLOW_LIST) is not None
    assert run(PUBLIC_NETWORK_ACCESS_DISABLED, PUBLIC_WITH_ALLOW_LIST, {"allowIpAllowList": True}) is None


@pytest.mark.parametrize(
    "acls",
    [
        {"defaultAction": "Allow", "ipRules": [{"value": "203.0.113.0/24"}]},
        {"defaultAction": "Deny", "ipRules": []},
        {"defaultAction": "Deny"},
        {"defaultAction": UNKNOWN_STRING_VALUE, "ipRules": [{"value": "203.0.113.0/24"}]},
    ],
)
def test_an_allowed_public_endpoint_still_needs_deny_by_default_and_an_allow_list(acls: dict[str, Any]) -> None:
    props = with_properties(publicNetworkAccess="Enabled", networkAcls=acls)
    problem = run(PUBLIC_NETWORK_ACCESS_DISABLED, props, {"allowIpAllowList": True})
    assert problem is not None
    assert "ipRules" in problem


def diagnostics(*settings: dict[str, Any]) -> str | None:
    return DIAGNOSTIC_SETTINGS.check(Account(name="ai", props=SECURE, diagnostic_settings=settings), {})


def test_diagnostics_need_a_setting_that_enables_logs() -> None:
    assert diagnostics(LOGGING) is None
    assert diagnostics() == "no diagnostic setting sends this account's logs anywhere"
    metrics_only = {"metrics": [{"category": "AllMetrics", "enabled": True}]}
    disabled = {"logs": [{"categoryGroup": "allLogs", "enabled": False}]}
    assert diagnostics(metrics_only, disabled) == "its diagnostic settings enable no log category"


def test_every_check_names_the_ids_it_mirrors_and_what_to_change() -> None:
    for check in SECURITY_CHECKS:
        assert check.mirrors, check.id
        assert all(m.startswith(("CKV_AZURE_", "CKV2_AZURE_", "Azure Policy ", "AVM ")) for m in check.mirrors), (
            check.id
        )
        assert all(m in check.description for m in check.mirrors)
        assert check.fix.endswith("."), check.id
    assert len({check.id for check in SECURITY_CHECKS}) == len(SECURITY_CHECKS)


def test_the_mirrored_ids_are_the_ones_the_anchors_name() -> None:
    mirrored = {m.split(" with ")[0] for check in SECURITY_CHECKS for m in check.mirrors}
    assert mirrored == {
        "CKV_AZURE_236",
        "Azure Policy 71ef260a",
        "CKV_AZURE_134",
        "Azure Policy 47ba1dd7",
        "Azure Policy 037eea7a",
        "CKV_AZURE_238",
        "Azure Policy fe3fd216",
        "CKV_AZURE_247",
        "CKV2_AZURE_22",
        "Azure Policy 67121cc7",
        "Azure Policy 1b4d1c4e",
        "AVM lock",
    }


def test_customer_managed_key_and_diagnostics_are_advisory_and_the_rest_mandatory() -> None:
    levels = {check.id: check.level for check in SECURITY_CHECKS}
    advisory = {CUSTOMER_MANAGED_KEY.id, DIAGNOSTIC_SETTINGS.id, MANAGEMENT_LOCK.id}
    assert {k for k, v in levels.items() if v is Level.ADVISORY} == advisory
    assert DIAGNOSTIC_SETTINGS.scope is Scope.STACK


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.just(UNKNOWN_STRING_VALUE),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=12,
)
account_inputs = st.fixed_dictionaries(
    {},
    optional={
        "kind": json_values,
        "identity": json_values,
        "properties": st.dictionaries(
            st.sampled_from(
                [
                    "disableLocalAuth",
                    "publicNetworkAccess",
                    "networkAcls",
                    "restrictOutboundNetworkAccess",
                    "allowedFqdnList",
                    "encryption",
                ]
            ),
            json_values,
        )
        | json_values,
    },
)


@given(props=account_inputs, allow=st.booleans())
def test_no_input_shape_makes_a_check_crash(props: dict[str, Any], allow: bool) -> None:
    for check in SECURITY_CHECKS:
        assert isinstance(run(check, props, {"allowIpAllowList": allow}), str | None)
