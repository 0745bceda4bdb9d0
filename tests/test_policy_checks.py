"""The security checks, as a table: each check against the account inputs that pass and fail it.

Inputs are camelCase, as the engine passes them, in the names of either provider
of the account: azure-native's (settings under ``properties``) and the classic
pulumi-azure provider's (flat, as Terraform's ``azurerm_cognitive_account``). A
value the engine has not computed yet (pulumi_policy's sentinel behind its proxy)
must fail a check: the pack cannot prove it safe.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pulumi_policy.proxy import UNKNOWN_BOOLEAN_VALUE, UNKNOWN_STRING_VALUE, unknown_checking_proxy

from azure_openai_guarded.guards.policies.checks import (
    CLASSIC_INPUTS,
    CUSTOMER_MANAGED_KEY,
    DIAGNOSTIC_SETTINGS,
    LOCAL_AUTH_DISABLED,
    MANAGED_IDENTITY,
    MANAGEMENT_LOCK,
    NATIVE_INPUTS,
    OUTBOUND_NETWORK_RESTRICTED,
    PUBLIC_NETWORK_ACCESS_DISABLED,
    SECURITY_CHECKS,
    Account,
    AccountInputs,
    Level,
    Scope,
    SecurityCheck,
)
from azure_openai_guarded.guards.policies.props import UNKNOWN

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

SECURE_CLASSIC: dict[str, Any] = {
    "kind": "OpenAI",
    "skuName": "S0",
    "identity": {"type": "SystemAssigned"},
    "localAuthEnabled": False,
    "publicNetworkAccessEnabled": False,
    "outboundNetworkAccessRestricted": True,
    "fqdns": ["contoso.blob.core.windows.net"],
    "customerManagedKey": {"keyVaultKeyId": "https://kv-contoso.vault.azure.net/keys/cmk/0123456789abcdef"},
}
"""The same account through the classic provider (``azure.cognitive.Account``)."""

LOGGING = {"workspaceId": "/subscriptions/s/workspaces/w", "logs": [{"categoryGroup": "allLogs", "enabled": True}]}


def with_properties(**properties: Any) -> dict[str, Any]:
    return {**SECURE, "properties": {**SECURE["properties"], **properties}}


def classic(**inputs: Any) -> dict[str, Any]:
    return {**SECURE_CLASSIC, **inputs}


def run(
    check: SecurityCheck,
    props: dict[str, Any],
    config: dict[str, Any] | None = None,
    inputs: AccountInputs = NATIVE_INPUTS,
) -> str | None:
    account = Account(
        name="ai",
        props=unknown_checking_proxy(props),
        diagnostic_settings=(LOGGING,),
        lock_levels=("CanNotDelete",),
        inputs=inputs,
    )
    return check.check(account, config or {})


@pytest.mark.parametrize(
    ("props", "inputs"), [(SECURE, NATIVE_INPUTS), (SECURE_CLASSIC, CLASSIC_INPUTS)], ids=["azure-native", "classic"]
)
def test_a_secure_account_passes_every_check(props: dict[str, Any], inputs: AccountInputs) -> None:
    found = {check.id: run(check, props, inputs=inputs) for check in SECURITY_CHECKS}
    assert found == {check.id: None for check in SECURITY_CHECKS}


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
    (OUTBOUND_NETWORK_RESTRICTED, with_properties(allowedFqdnList=UNKNOWN_STRING_VALUE), "cannot be verified"),
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


CLASSIC_FAILING = [
    # (check, classic inputs, words the finding must contain)
    (LOCAL_AUTH_DISABLED, classic(localAuthEnabled=True), "`localAuthEnabled` is true: anyone holding an account key"),
    (LOCAL_AUTH_DISABLED, classic(localAuthEnabled=None), "`localAuthEnabled` is not set"),
    (LOCAL_AUTH_DISABLED, classic(localAuthEnabled=UNKNOWN_BOOLEAN_VALUE), "cannot be verified"),
    (PUBLIC_NETWORK_ACCESS_DISABLED, classic(publicNetworkAccessEnabled=True), "`publicNetworkAccessEnabled` is true:"),
    (PUBLIC_NETWORK_ACCESS_DISABLED, classic(publicNetworkAccessEnabled=None), "Azure then enables it"),
    (PUBLIC_NETWORK_ACCESS_DISABLED, classic(publicNetworkAccessEnabled=UNKNOWN_BOOLEAN_VALUE), "cannot be verified"),
    (PUBLIC_NETWORK_ACCESS_DISABLED, classic(publicNetworkAccessEnabled="false"), "is 'false'"),
    (MANAGED_IDENTITY, classic(identity=None), "`identity.type` is not set"),
    (MANAGED_IDENTITY, classic(identity={"type": UNKNOWN_STRING_VALUE}), "cannot be verified"),
    (OUTBOUND_NETWORK_RESTRICTED, classic(outboundNetworkAccessRestricted=False), "`outboundNetworkAccessRestricted`"),
    (OUTBOUND_NETWORK_RESTRICTED, classic(outboundNetworkAccessRestricted=None), "is not true"),
    (OUTBOUND_NETWORK_RESTRICTED, classic(fqdns=UNKNOWN_STRING_VALUE), "`fqdns` is computed"),
    (CUSTOMER_MANAGED_KEY, classic(customerManagedKey=None), "`customerManagedKey.keyVaultKeyId` is not set"),
    (CUSTOMER_MANAGED_KEY, classic(customerManagedKey={"keyVaultKeyId": " "}), "Microsoft-managed"),
    (CUSTOMER_MANAGED_KEY, classic(customerManagedKey=UNKNOWN_STRING_VALUE), "`customerManagedKey` is computed"),
]


@pytest.mark.parametrize(("check", "props", "words"), CLASSIC_FAILING, ids=lambda v: v.id if hasattr(v, "id") else "")
def test_a_classic_provider_account_fails_on_its_own_input_names(
    check: SecurityCheck, props: dict[str, Any], words: str
) -> None:
    problem = run(check, props, inputs=CLASSIC_INPUTS)
    assert problem is not None
    assert words in problem


def failing(props: dict[str, Any], inputs: AccountInputs) -> set[str]:
    account = Account(name="ai", props=unknown_checking_proxy(props), inputs=inputs)
    return {check.id for check in SECURITY_CHECKS if check.check(account, {}) is not None}


def test_the_classic_providers_insecure_defaults_fail_every_check_azure_natives_do() -> None:
    # Left out, the classic provider keeps local auth and public access on and outbound open, as Azure does.
    native = failing({"kind": "OpenAI", "sku": {"name": "S0"}}, NATIVE_INPUTS)
    assert failing({"kind": "OpenAI", "skuName": "S0"}, CLASSIC_INPUTS) == native
    assert native == {check.id for check in SECURITY_CHECKS}


def test_a_classic_customer_managed_key_computed_from_a_key_vault_key_still_counts() -> None:
    # As keySource: Microsoft.KeyVault passes whatever key keyVaultProperties name: every id it can get is a CMK.
    props = classic(customerManagedKey={"keyVaultKeyId": UNKNOWN_STRING_VALUE})
    assert run(CUSTOMER_MANAGED_KEY, props, inputs=CLASSIC_INPUTS) is None


def test_azure_native_names_do_not_pass_a_classic_account() -> None:
    # The classic provider would drop them: only its own input names secure the account.
    props = {"kind": "OpenAI", "skuName": "S0", "properties": SECURE["properties"], "identity": SECURE["identity"]}
    assert failing(props, CLASSIC_INPUTS) == {check.id for check in SECURITY_CHECKS} - {MANAGED_IDENTITY.id}


OUTBOUND_CASES = [
    # (restriction, allow-list, passes): restricted with no list is no outbound at all, the strictest case.
    (True, ["contoso.blob.core.windows.net"], True),
    (True, [], True),
    (True, None, True),
    (True, UNKNOWN_STRING_VALUE, False),
    (False, ["contoso.blob.core.windows.net"], False),
    (False, [], False),
    (None, ["contoso.blob.core.windows.net"], False),
    (None, None, False),
    (UNKNOWN_BOOLEAN_VALUE, [], False),
    ("true", [], False),
]


@pytest.mark.parametrize(("restricted", "hosts", "passes"), OUTBOUND_CASES)
def test_outbound_passes_when_restricted_whether_the_allow_list_names_hosts_or_none(
    restricted: Any, hosts: Any, passes: bool
) -> None:
    native = with_properties(restrictOutboundNetworkAccess=restricted, allowedFqdnList=hosts)
    assert (run(OUTBOUND_NETWORK_RESTRICTED, native) is None) is passes
    own = classic(outboundNetworkAccessRestricted=restricted, fqdns=hosts)
    assert (run(OUTBOUND_NETWORK_RESTRICTED, own, inputs=CLASSIC_INPUTS) is None) is passes


def test_open_outbound_is_refused_whatever_the_list_says() -> None:
    problem = run(OUTBOUND_NETWORK_RESTRICTED, with_properties(restrictOutboundNetworkAccess=False))
    assert problem is not None
    assert "may call any host" in problem


def test_case_of_enum_values_does_not_matter_as_in_azure() -> None:
    props = {**with_properties(publicNetworkAccess="disabled"), "identity": {"type": "SystemAssigned, UserAssigned"}}
    assert run(PUBLIC_NETWORK_ACCESS_DISABLED, props) is None
    assert run(MANAGED_IDENTITY, props) is None


PUBLIC_WITH_ALLOW_LIST = with_properties(
    publicNetworkAccess="Enabled", networkAcls={"defaultAction": "Deny", "ipRules": [{"value": "203.0.113.0/24"}]}
)


CLASSIC_PUBLIC_WITH_ALLOW_LIST = classic(
    publicNetworkAccessEnabled=True, networkAcls={"defaultAction": "Deny", "ipRules": ["203.0.113.0/24"]}
)


@pytest.mark.parametrize(
    ("props", "inputs"),
    [(PUBLIC_WITH_ALLOW_LIST, NATIVE_INPUTS), (CLASSIC_PUBLIC_WITH_ALLOW_LIST, CLASSIC_INPUTS)],
    ids=["azure-native", "classic"],
)
def test_an_ip_allow_list_passes_only_when_the_config_allows_it(props: dict[str, Any], inputs: AccountInputs) -> None:
    assert run(PUBLIC_NETWORK_ACCESS_DISABLED, props, inputs=inputs) is not None
    assert run(PUBLIC_NETWORK_ACCESS_DISABLED, props, {"allowIpAllowList": True}, inputs) is None


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
    classic_problem = run(
        PUBLIC_NETWORK_ACCESS_DISABLED,
        classic(publicNetworkAccessEnabled=True, networkAcls=acls),
        {"allowIpAllowList": True},
        CLASSIC_INPUTS,
    )
    assert classic_problem is not None
    assert "`networkAcls` does not deny by default" in classic_problem


def diagnostics(*settings: dict[str, Any]) -> str | None:
    return DIAGNOSTIC_SETTINGS.check(Account(name="ai", props=SECURE, diagnostic_settings=settings), {})


def test_diagnostics_need_a_setting_that_enables_logs() -> None:
    assert diagnostics(LOGGING) is None
    assert diagnostics() == "no diagnostic setting sends this account's logs anywhere"
    metrics_only = {"metrics": [{"category": "AllMetrics", "enabled": True}]}
    disabled = {"logs": [{"categoryGroup": "allLogs", "enabled": False}]}
    assert diagnostics(metrics_only, disabled) == "its diagnostic settings enable no log category"


def test_a_classic_diagnostic_setting_enables_the_log_categories_it_lists() -> None:
    assert diagnostics({"enabledLogs": [{"categoryGroup": "allLogs"}]}) is None
    metrics_only = {"enabledMetrics": [{"category": "AllMetrics"}], "enabledLogs": []}
    assert diagnostics(metrics_only) == "its diagnostic settings enable no log category"


def locked(*levels: Any) -> str | None:
    return MANAGEMENT_LOCK.check(Account(name="ai", props=SECURE, lock_levels=levels), {})


def test_a_lock_protects_only_at_cannotdelete_or_readonly() -> None:
    assert locked("CanNotDelete") is None
    assert locked("readonly") is None
    assert locked() == "no management lock covers this account, its resource group or its subscription"
    assert "neither CanNotDelete nor ReadOnly" in str(locked("NotSpecified"))
    assert "cannot be verified" in str(locked(UNKNOWN))


FIX_NAMES = [
    (
        NATIVE_INPUTS,
        [
            "`properties.disableLocalAuth: true`",
            "`properties.publicNetworkAccess: Disabled`",
            "`properties.networkAcls: {defaultAction: Deny, ipRules: [...]}`",
            "`identity: {type: SystemAssigned}`",
            "`properties.restrictOutboundNetworkAccess: true`",
            "`properties.allowedFqdnList`",
            "`properties.encryption: {keySource: Microsoft.KeyVault",
            "`azure-native:monitor:DiagnosticSetting` whose `resourceUri`",
            "`azure-native:authorization:ManagementLockByScope`",
        ],
        ["localAuthEnabled", "publicNetworkAccessEnabled", "outboundNetworkAccessRestricted", "`fqdns`", "lockLevel"],
    ),
    (
        CLASSIC_INPUTS,
        [
            "`localAuthEnabled: false`",
            "`publicNetworkAccessEnabled: false`",
            "`networkAcls: {defaultAction: Deny, ipRules: [...]}`",
            "`identity: {type: SystemAssigned}`",
            "`outboundNetworkAccessRestricted: true`",
            "`fqdns`",
            "`customerManagedKey: {keyVaultKeyId: ...}`",
            "`azure:monitoring:DiagnosticSetting` whose `targetResourceId`",
            "`azure:management:Lock` whose `scope` is the account's id and whose `lockLevel`",
        ],
        ["properties.", "azure-native:"],
    ),
]


@pytest.mark.parametrize(("inputs", "named", "foreign"), FIX_NAMES, ids=["azure-native", "classic"])
def test_every_fix_names_the_inputs_of_the_accounts_provider(
    inputs: AccountInputs, named: list[str], foreign: list[str]
) -> None:
    fixes = " ".join(check.fix_for(inputs) for check in SECURITY_CHECKS)
    assert [name for name in named if name not in fixes] == []
    assert [name for name in foreign if name in fixes] == []


def test_the_remediation_steps_name_both_providers_inputs() -> None:
    for check in (LOCAL_AUTH_DISABLED, PUBLIC_NETWORK_ACCESS_DISABLED, OUTBOUND_NETWORK_RESTRICTED):
        assert check.fix_for(NATIVE_INPUTS) in check.remediation
        assert check.fix_for(CLASSIC_INPUTS) in check.remediation
    assert MANAGED_IDENTITY.remediation == MANAGED_IDENTITY.fix_for(CLASSIC_INPUTS)


def test_every_check_names_the_ids_it_mirrors_and_what_to_change() -> None:
    for check in SECURITY_CHECKS:
        assert check.mirrors, check.id
        assert all(m.startswith(("CKV_AZURE_", "CKV2_AZURE_", "Azure Policy ", "AVM ")) for m in check.mirrors), (
            check.id
        )
        assert all(m in check.description for m in check.mirrors)
        assert check.fix_for(NATIVE_INPUTS).endswith("."), check.id
        assert check.fix_for(CLASSIC_INPUTS).endswith("."), check.id
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
        **dict.fromkeys(
            (
                "localAuthEnabled",
                "publicNetworkAccessEnabled",
                "networkAcls",
                "outboundNetworkAccessRestricted",
                "fqdns",
                "customerManagedKey",
            ),
            json_values,
        ),
    },
)


@given(props=account_inputs, allow=st.booleans(), inputs=st.sampled_from([NATIVE_INPUTS, CLASSIC_INPUTS]))
def test_no_input_shape_makes_a_check_crash(props: dict[str, Any], allow: bool, inputs: AccountInputs) -> None:
    for check in SECURITY_CHECKS:
        assert isinstance(run(check, props, {"allowIpAllowList": allow}, inputs), str | None)
