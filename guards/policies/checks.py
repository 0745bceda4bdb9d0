"""The security checks, as data: one entry per check, each naming the Azure Policy and Checkov ids it mirrors.

A check reads one account's inputs (camelCase, as the engine passes them)
and says what is wrong, or ``None``. A value the engine cannot know before
deployment fails the check: the pack cannot prove it safe. Every check's
enforcement level can be changed with ``--policy-pack-config``; that is the
only way to weaken one, and it shows in the command line and the config file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .props import UNKNOWN, items, length, lookup, text


class Level(StrEnum):
    """A check's default enforcement level."""

    MANDATORY = "mandatory"
    """A violation fails ``pulumi preview`` and ``pulumi up``."""
    ADVISORY = "advisory"
    """A violation is reported; nothing is blocked."""


class Scope(StrEnum):
    """What a check needs to see to decide."""

    ACCOUNT = "account"
    """Decided from the account's own inputs, as each resource is registered."""
    STACK = "stack"
    """Needs other resources of the stack (a diagnostic setting is its own resource)."""


@dataclass(frozen=True)
class Account:
    """What a check looks at."""

    name: str
    props: Mapping[str, Any]
    """The account's inputs, camelCase."""
    diagnostic_settings: tuple[Mapping[str, Any], ...] = ()
    """Inputs of the diagnostic settings that target this account (stack checks only)."""


Check = Callable[[Account, Mapping[str, Any]], str | None]
"""``(account, the policy's config) -> what is wrong, or None``."""


@dataclass(frozen=True)
class SecurityCheck:
    """One secure-default check on Cognitive Services accounts, which becomes one policy of the pack."""

    id: str
    """The policy name, as reported by the engine and used as the key in ``--policy-pack-config``."""
    title: str
    mirrors: tuple[str, ...]
    """The Checkov and Azure Policy built-in ids this check mirrors."""
    fix: str
    """What to change to pass."""
    level: Level
    """The enforcement level unless ``--policy-pack-config`` changes it."""
    check: Check
    """What is wrong with an account, or ``None``."""
    scope: Scope = Scope.ACCOUNT
    """Whether the check runs per account or over the whole stack."""
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """JSON Schema of the check's own config properties, beside ``enforcementLevel``."""

    @property
    def description(self) -> str:
        return f"{self.title} (mirrors {', '.join(self.mirrors)})."


def _unknown(path: str) -> str:
    return f"`{path}` is computed from another resource and cannot be verified before deployment"


def _local_auth(account: Account, _: Mapping[str, Any]) -> str | None:
    value = lookup(account.props, "properties.disableLocalAuth")
    if value is True:
        return None
    if value is UNKNOWN:
        return _unknown("properties.disableLocalAuth")
    if value is None:
        return "`properties.disableLocalAuth` is not set, and Azure then keeps key authentication on"
    return "`properties.disableLocalAuth` is false: anyone holding an account key can call the service"


def _public_network(account: Account, config: Mapping[str, Any]) -> str | None:
    access = text(lookup(account.props, "properties.publicNetworkAccess"))
    if isinstance(access, str) and access.lower() == "disabled":
        return None
    if access is UNKNOWN:
        return _unknown("properties.publicNetworkAccess")
    state = "not set, and Azure then enables it" if access is None else f"{access!r}"
    if config.get("allowIpAllowList") is True:
        default_action = text(lookup(account.props, "properties.networkAcls.defaultAction"))
        ip_rules = length(lookup(account.props, "properties.networkAcls.ipRules"))
        denies = isinstance(default_action, str) and default_action.lower() == "deny"
        if denies and isinstance(ip_rules, int) and ip_rules > 0:
            return None
        return (
            f"`properties.publicNetworkAccess` is {state}, and `properties.networkAcls` does not deny by default "
            "with a non-empty `ipRules` allow-list"
        )
    return f"`properties.publicNetworkAccess` is {state}: the endpoint is reachable from the internet"


_IDENTITIES = frozenset({"systemassigned", "userassigned", "systemassigned,userassigned"})


def _managed_identity(account: Account, _: Mapping[str, Any]) -> str | None:
    kind = text(lookup(account.props, "identity.type"))
    if kind is UNKNOWN:
        return _unknown("identity.type")
    if isinstance(kind, str) and kind.replace(" ", "").lower() in _IDENTITIES:
        return None
    state = "not set" if kind is None else repr(kind)
    return f"`identity.type` is {state}: the account has no managed identity to reach Key Vault or storage with"


def _outbound(account: Account, _: Mapping[str, Any]) -> str | None:
    restricted = lookup(account.props, "properties.restrictOutboundNetworkAccess")
    fqdns = length(lookup(account.props, "properties.allowedFqdnList"))
    problems = []
    if restricted is UNKNOWN:
        problems.append(_unknown("properties.restrictOutboundNetworkAccess"))
    elif restricted is not True:
        problems.append("`properties.restrictOutboundNetworkAccess` is not true")
    if fqdns is UNKNOWN:
        problems.append(_unknown("properties.allowedFqdnList"))
    elif not fqdns:
        problems.append("`properties.allowedFqdnList` is empty or not set")
    return "; ".join(problems) or None


def _customer_managed_key(account: Account, _: Mapping[str, Any]) -> str | None:
    source = text(lookup(account.props, "properties.encryption.keySource"))
    if isinstance(source, str) and source.lower() == "microsoft.keyvault":
        return None
    if source is UNKNOWN:
        return _unknown("properties.encryption.keySource")
    return "`properties.encryption.keySource` is not Microsoft.KeyVault: data at rest uses a Microsoft-managed key"


def _logs_enabled(setting: Mapping[str, Any]) -> bool:
    logs = items(lookup(setting, "logs"))
    if not isinstance(logs, list):
        return False
    return any(isinstance(entry, Mapping) and lookup(entry, "enabled") is True for entry in logs)


def _diagnostics(account: Account, _: Mapping[str, Any]) -> str | None:
    if not account.diagnostic_settings:
        return "no diagnostic setting sends this account's logs anywhere"
    if not any(_logs_enabled(setting) for setting in account.diagnostic_settings):
        return "its diagnostic settings enable no log category"
    return None


LOCAL_AUTH_DISABLED = SecurityCheck(
    id="local-auth-disabled",
    title="Cognitive Services accounts must have key (local) authentication disabled",
    mirrors=("CKV_AZURE_236", "Azure Policy 71ef260a"),
    fix=(
        "Set `properties.disableLocalAuth: true` and call the service with Microsoft Entra ID "
        "(a managed identity with the Cognitive Services OpenAI User role). The components do this by default."
    ),
    level=Level.MANDATORY,
    check=_local_auth,
)

PUBLIC_NETWORK_ACCESS_DISABLED = SecurityCheck(
    id="public-network-access-disabled",
    title="Cognitive Services accounts must disable public network access",
    mirrors=("CKV_AZURE_134", "Azure Policy 47ba1dd7", "Azure Policy 037eea7a with allowIpAllowList"),
    fix=(
        "Set `properties.publicNetworkAccess: Disabled` and reach the account through a private endpoint. "
        "If it must stay public, deny by default with an explicit IP allow-list "
        "(`networkAcls: {defaultAction: Deny, ipRules: [...]}`) and set this policy's `allowIpAllowList: true`."
    ),
    level=Level.MANDATORY,
    check=_public_network,
    options={
        "allowIpAllowList": {
            "type": "boolean",
            "default": False,
            "description": (
                "Also accept a public endpoint whose network ACLs deny by default with a non-empty IP allow-list "
                "(Azure Policy 037eea7a's condition)."
            ),
        }
    },
)

MANAGED_IDENTITY = SecurityCheck(
    id="managed-identity",
    title="Cognitive Services accounts must use a managed identity",
    mirrors=("CKV_AZURE_238", "Azure Policy fe3fd216"),
    fix="Set `identity: {type: SystemAssigned}` (or UserAssigned with the identity's id).",
    level=Level.MANDATORY,
    check=_managed_identity,
)

OUTBOUND_NETWORK_RESTRICTED = SecurityCheck(
    id="outbound-network-restricted",
    title="Cognitive Services accounts must restrict outbound access to an FQDN allow-list",
    mirrors=("CKV_AZURE_247",),
    fix=(
        "Set `properties.restrictOutboundNetworkAccess: true` and list every host the account may call in "
        "`properties.allowedFqdnList`."
    ),
    level=Level.MANDATORY,
    check=_outbound,
)

CUSTOMER_MANAGED_KEY = SecurityCheck(
    id="customer-managed-key",
    title="Cognitive Services accounts should encrypt data at rest with a customer-managed key",
    mirrors=("CKV2_AZURE_22", "Azure Policy 67121cc7"),
    fix=(
        "Set `properties.encryption: {keySource: Microsoft.KeyVault, keyVaultProperties: {...}}` with a key in a "
        "Key Vault the account's identity can read, if your data-protection rules require your own key."
    ),
    level=Level.ADVISORY,
    check=_customer_managed_key,
)

DIAGNOSTIC_SETTINGS = SecurityCheck(
    id="diagnostic-settings",
    title="Cognitive Services accounts should send their logs to a diagnostic destination",
    mirrors=("Azure Policy 1b4d1c4e",),
    fix=(
        "Give the component a Log Analytics workspace (it then sends allLogs and AllMetrics), or add an "
        "`azure-native:monitor:DiagnosticSetting` whose `resourceUri` is the account's id with `allLogs` enabled."
    ),
    level=Level.ADVISORY,
    check=_diagnostics,
    scope=Scope.STACK,
)

SECURITY_CHECKS: tuple[SecurityCheck, ...] = (
    LOCAL_AUTH_DISABLED,
    PUBLIC_NETWORK_ACCESS_DISABLED,
    MANAGED_IDENTITY,
    OUTBOUND_NETWORK_RESTRICTED,
    CUSTOMER_MANAGED_KEY,
    DIAGNOSTIC_SETTINGS,
)
"""Every security check, in the order they are reported."""
