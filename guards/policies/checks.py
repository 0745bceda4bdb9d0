"""The security checks, as data: one entry per check, each naming the Azure Policy and Checkov ids it mirrors.

An account check reads one account's inputs (camelCase, as the engine passes
them), of any kind (OpenAI, AIServices, CognitiveServices...) and from either
Azure provider (:class:`AccountInputs` says where each keeps a setting), and
says what is wrong, or ``None``; a deployment check reads every model
deployment of the stack with the stack's content-filter policies. A value the engine cannot know before
deployment fails the check: the pack cannot prove it safe. Every check's
enforcement level can be changed with ``--policy-pack-config``; that is the
only way to weaken one, and it shows in the command line and the config file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final

from ..raw_resources import CLASSIC_ACCOUNT_TYPE
from .props import UNKNOWN, Unknown, is_native_account, items, length, lookup, text


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
class Setting:
    """An account input a check reads, and the one value that passes it."""

    path: str
    """Its dotted camelCase path in the account's inputs."""
    secure: bool | str
    """The value that passes: a boolean, or a string compared without letter case, as Azure compares enum values."""

    def passes(self, value: Any) -> bool:
        if isinstance(self.secure, bool):
            return value is self.secure
        return isinstance(value, str) and value.casefold() == self.secure.casefold()

    @property
    def wanted(self) -> str:
        """The setting that passes, as a fix names it: ``properties.disableLocalAuth: true``."""
        return f"`{self.path}: {_written(self.secure)}`"


@dataclass(frozen=True)
class AccountInputs:
    """Where one Azure provider's account resource keeps what the checks read, camelCase as the engine passes it.

    Both providers make the same Azure resource, so the checks judge the same settings and mirror the same ids;
    only the input names and the values that pass differ.
    """

    provider: str
    """The provider, as the policy's remediation text names it."""
    name: str
    """The input that names the account in Azure, matched against the target id of a diagnostic setting or lock."""
    local_auth: Setting
    """Key (local) authentication, off."""
    public_network: Setting
    """Public network access, off."""
    network_acls: str
    """The network rules: ``defaultAction`` and ``ipRules`` beneath it."""
    identity: str
    """The managed identity: ``type`` beneath it."""
    outbound: Setting
    """Outbound network access, restricted."""
    allowed_fqdns: str
    """The hosts the account may call when outbound access is restricted."""
    customer_key: Setting | str
    """A key source that must name Key Vault, or the input that must name the customer-managed key."""
    customer_key_fix: str
    """What a fix writes for a customer-managed key."""
    diagnostic_setting: str
    """The provider's diagnostic setting for the account, as a fix names it."""
    lock: str
    """The provider's management lock on the account, as a fix names it."""

    def names(self) -> dict[str, str]:
        """The inputs as a check's fix names them (the fix's ``{local_auth}`` and so on)."""
        return {
            "local_auth": self.local_auth.wanted,
            "public_network": self.public_network.wanted,
            "network_acls": f"`{self.network_acls}: {{defaultAction: Deny, ipRules: [...]}}`",
            "identity": f"`{self.identity}: {{type: SystemAssigned}}`",
            "outbound": self.outbound.wanted,
            "allowed_fqdns": f"`{self.allowed_fqdns}`",
            "customer_key": self.customer_key_fix,
            "diagnostic_setting": self.diagnostic_setting,
            "lock": self.lock,
        }


NATIVE_INPUTS: Final = AccountInputs(
    provider="azure-native",
    name="accountName",
    local_auth=Setting("properties.disableLocalAuth", True),
    public_network=Setting("properties.publicNetworkAccess", "Disabled"),
    network_acls="properties.networkAcls",
    identity="identity",
    outbound=Setting("properties.restrictOutboundNetworkAccess", True),
    allowed_fqdns="properties.allowedFqdnList",
    customer_key=Setting("properties.encryption.keySource", "Microsoft.KeyVault"),
    customer_key_fix="`properties.encryption: {keySource: Microsoft.KeyVault, keyVaultProperties: {...}}`",
    diagnostic_setting="an `azure-native:monitor:DiagnosticSetting` whose `resourceUri` is the account's id with "
    "`allLogs` enabled",
    lock="an `azure-native:authorization:ManagementLockByScope` whose `scope` is the account's id and whose `level` "
    "is CanNotDelete",
)
"""``azure-native:cognitiveservices:Account``: the ARM resource's own shape, settings under ``properties``."""

CLASSIC_INPUTS: Final = AccountInputs(
    provider="classic pulumi-azure",
    name="name",
    # The provider's defaults are the insecure ones (local auth and public access on, outbound open): an input
    # left out fails as in azure-native.
    local_auth=Setting("localAuthEnabled", False),
    public_network=Setting("publicNetworkAccessEnabled", False),
    network_acls="networkAcls",
    identity="identity",
    outbound=Setting("outboundNetworkAccessRestricted", True),
    allowed_fqdns="fqdns",
    customer_key="customerManagedKey.keyVaultKeyId",
    customer_key_fix="`customerManagedKey: {keyVaultKeyId: ...}`",
    diagnostic_setting="an `azure:monitoring:DiagnosticSetting` whose `targetResourceId` is the account's id with "
    "an `enabledLogs` entry for `allLogs`",
    lock="an `azure:management:Lock` whose `scope` is the account's id and whose `lockLevel` is CanNotDelete",
)
"""``azure:cognitive/account:Account`` (``azure.cognitive.Account``), flat inputs named as Terraform's
``azurerm_cognitive_account``, the resource Checkov's checks read."""


def account_inputs(resource_type: str) -> AccountInputs | None:
    """The input names of an account of ``resource_type``, or ``None`` when it is no Cognitive Services account."""
    if is_native_account(resource_type):
        return NATIVE_INPUTS
    if resource_type == CLASSIC_ACCOUNT_TYPE:
        return CLASSIC_INPUTS
    return None


@dataclass(frozen=True)
class Account:
    """What a check looks at."""

    name: str
    props: Mapping[str, Any]
    """The account's inputs, camelCase."""
    diagnostic_settings: tuple[Mapping[str, Any], ...] = ()
    """Inputs of the diagnostic settings that target this account (stack checks only)."""
    lock_levels: tuple[Any, ...] = ()
    """The level of each management lock that covers this account, on it, its group or its subscription, as its
    input gives it (stack checks only)."""
    inputs: AccountInputs = NATIVE_INPUTS
    """Where the account's provider keeps what the checks read."""


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
    """What to change to pass, naming the inputs as ``{local_auth}`` and so on (see :meth:`AccountInputs.names`)."""
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

    def fix_for(self, inputs: AccountInputs) -> str:
        """What to change, in the input names of the account's provider."""
        return self.fix.format_map(inputs.names())

    @property
    def remediation(self) -> str:
        """The fix for either provider, as the policy's remediation steps."""
        native, classic = self.fix_for(NATIVE_INPUTS), self.fix_for(CLASSIC_INPUTS)
        if native == classic:
            return native
        return f"{native} With the {CLASSIC_INPUTS.provider} provider: {classic}"


def _written(value: bool | str) -> str:
    """A value as a stack file or program writes it: ``true``, ``Disabled``."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _found(value: Any) -> str:
    """A value an account was given, as a finding quotes it: ``false``, ``'Enabled'``."""
    return _written(value) if isinstance(value, bool) else repr(value)


def _unknown(path: str) -> str:
    return f"`{path}` is computed from another resource and cannot be verified before deployment"


def _local_auth(account: Account, _: Mapping[str, Any]) -> str | None:
    setting = account.inputs.local_auth
    value = lookup(account.props, setting.path)
    if setting.passes(value):
        return None
    if value is UNKNOWN:
        return _unknown(setting.path)
    if value is None:
        return f"`{setting.path}` is not set, and Azure then keeps key authentication on"
    return f"`{setting.path}` is {_found(value)}: anyone holding an account key can call the service"


def _public_network(account: Account, config: Mapping[str, Any]) -> str | None:
    setting = account.inputs.public_network
    access = lookup(account.props, setting.path)
    if setting.passes(access):
        return None
    if access is UNKNOWN:
        return _unknown(setting.path)
    state = "not set, and Azure then enables it" if access is None else _found(access)
    if config.get("allowIpAllowList") is True:
        acls = account.inputs.network_acls
        default_action = text(lookup(account.props, f"{acls}.defaultAction"))
        ip_rules = length(lookup(account.props, f"{acls}.ipRules"))
        denies = isinstance(default_action, str) and default_action.lower() == "deny"
        if denies and isinstance(ip_rules, int) and ip_rules > 0:
            return None
        return (
            f"`{setting.path}` is {state}, and `{acls}` does not deny by default with a non-empty `ipRules` allow-list"
        )
    return f"`{setting.path}` is {state}: the endpoint is reachable from the internet"


_IDENTITIES = frozenset({"systemassigned", "userassigned", "systemassigned,userassigned"})


def _managed_identity(account: Account, _: Mapping[str, Any]) -> str | None:
    path = f"{account.inputs.identity}.type"
    kind = text(lookup(account.props, path))
    if kind is UNKNOWN:
        return _unknown(path)
    if isinstance(kind, str) and kind.replace(" ", "").lower() in _IDENTITIES:
        return None
    state = "not set" if kind is None else repr(kind)
    return f"`{path}` is {state}: the account has no managed identity to reach Key Vault or storage with"


def _outbound(account: Account, _: Mapping[str, Any]) -> str | None:
    setting, hosts = account.inputs.outbound, account.inputs.allowed_fqdns
    restricted = lookup(account.props, setting.path)
    if restricted is UNKNOWN:
        return _unknown(setting.path)
    if not setting.passes(restricted):
        return (
            f"`{setting.path}` is not {_written(setting.secure)}: the account may call any host, whatever "
            f"`{hosts}` lists"
        )
    # Restricted with no host listed, the account may call none: the strictest case (the components' default).
    # Only a list computed at deployment is unproven, as it might hold any host.
    if length(lookup(account.props, hosts)) is UNKNOWN:
        return _unknown(hosts)
    return None


def _customer_managed_key(account: Account, _: Mapping[str, Any]) -> str | None:
    key = account.inputs.customer_key
    if isinstance(key, Setting):
        source = lookup(account.props, key.path)
        if key.passes(source):
            return None
        if source is UNKNOWN:
            return _unknown(key.path)
        return f"`{key.path}` is not {key.secure}: data at rest uses a Microsoft-managed key"
    block_path, _dot, id_path = key.rpartition(".")
    block = lookup(account.props, block_path)
    if block is UNKNOWN:
        return _unknown(block_path)
    key_id = lookup(block, id_path) if isinstance(block, Mapping) else None
    # As azure-native's keySource passes whatever key its keyVaultProperties name, a block that names a key passes
    # whatever id the key gets: every id it can be computed to is a customer-managed key.
    if key_id is UNKNOWN or (isinstance(key_id, str) and key_id.strip()):
        return None
    return f"`{key}` is not set: data at rest uses a Microsoft-managed key"


def _logs_enabled(setting: Mapping[str, Any]) -> bool:
    logs = items(lookup(setting, "logs"))
    if isinstance(logs, list) and any(isinstance(e, Mapping) and lookup(e, "enabled") is True for e in logs):
        return True
    # The classic provider's diagnostic setting lists only the log categories it enables, in `enabledLogs`.
    enabled = items(lookup(setting, "enabledLogs"))
    return isinstance(enabled, list) and any(isinstance(entry, Mapping) for entry in enabled)


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
        "Set {local_auth} and call the service with Microsoft Entra ID "
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
        "Set {public_network} and reach the account through a private endpoint. "
        "If it must stay public, deny by default with an explicit IP allow-list "
        "({network_acls}) and set this policy's `allowIpAllowList: true`."
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
    fix="Set {identity} (or UserAssigned with the identity's id).",
    level=Level.MANDATORY,
    check=_managed_identity,
)

OUTBOUND_NETWORK_RESTRICTED = SecurityCheck(
    id="outbound-network-restricted",
    title="Cognitive Services accounts must restrict outbound access (to an FQDN allow-list, or to nothing)",
    mirrors=("CKV_AZURE_247",),
    fix=("Set {outbound} and list every host the account may call in {allowed_fqdns} (left empty, it may call none)."),
    level=Level.MANDATORY,
    check=_outbound,
)

CUSTOMER_MANAGED_KEY = SecurityCheck(
    id="customer-managed-key",
    title="Cognitive Services accounts should encrypt data at rest with a customer-managed key",
    mirrors=("CKV2_AZURE_22", "Azure Policy 67121cc7"),
    fix=(
        "Set {customer_key} with a key in a Key Vault the account's identity can read, if your data-protection "
        "rules require your own key."
    ),
    level=Level.ADVISORY,
    check=_customer_managed_key,
)

DIAGNOSTIC_SETTINGS = SecurityCheck(
    id="diagnostic-settings",
    title="Cognitive Services accounts should send their logs to a diagnostic destination",
    mirrors=("Azure Policy 1b4d1c4e",),
    fix=(
        "Give the component a Log Analytics workspace (it then sends allLogs and AllMetrics), or add "
        "{diagnostic_setting}."
    ),
    level=Level.ADVISORY,
    check=_diagnostics,
    scope=Scope.STACK,
)

LOCK_LEVELS: Final = frozenset({"cannotdelete", "readonly"})
"""The lock levels that protect an account (lowercased); ``NotSpecified`` does not."""


def _management_lock(account: Account, _: Mapping[str, Any]) -> str | None:
    if not account.lock_levels:
        return "no management lock covers this account, its resource group or its subscription"
    levels = [text(level) for level in account.lock_levels]
    if any(isinstance(level, str) and level.lower() in LOCK_LEVELS for level in levels):
        return None
    if any(level is UNKNOWN for level in levels):
        return "a covering lock's level is computed from another resource and cannot be verified before deployment"
    return f"its locks' levels are {', '.join(repr(level) for level in levels)}, neither CanNotDelete nor ReadOnly"


MANAGEMENT_LOCK = SecurityCheck(
    id="management-lock",
    title="Cognitive Services accounts should carry a management lock against deletion",
    # No Azure Policy built-in and no Checkov check looks at locks; the Azure Verified Modules' `lock` is the anchor.
    mirrors=("AVM lock",),
    fix=("Give the component `lock: CanNotDelete` (or ReadOnly), or add {lock}."),
    level=Level.ADVISORY,
    check=_management_lock,
    scope=Scope.STACK,
)

SECURITY_CHECKS: tuple[SecurityCheck, ...] = (
    LOCAL_AUTH_DISABLED,
    PUBLIC_NETWORK_ACCESS_DISABLED,
    MANAGED_IDENTITY,
    OUTBOUND_NETWORK_RESTRICTED,
    CUSTOMER_MANAGED_KEY,
    DIAGNOSTIC_SETTINGS,
    MANAGEMENT_LOCK,
)
"""Every account check, in the order they are reported."""


@dataclass(frozen=True)
class Deployment:
    """A model deployment, with the content-filter policies of its stack, as the deployment checks see it."""

    name: str
    urn: str
    props: Mapping[str, Any]
    """The deployment's inputs, camelCase."""
    policies: Mapping[str, tuple[Mapping[str, Any], ...]] = field(default_factory=dict)
    """The inputs of the stack's RaiPolicy resources, by lowercased ``raiPolicyName`` (Azure ignores case)."""


DeploymentFinding = tuple[Deployment | None, str]
"""A deployment that fails a check (``None`` for the stack as a whole), and what is wrong."""

DeploymentsCheck = Callable[[Sequence[Deployment], Mapping[str, Any]], list[DeploymentFinding]]
"""``(every deployment of the stack, the policy's config) -> what is wrong``."""


@dataclass(frozen=True)
class DeploymentCheck:
    """One check on the stack's model deployments, which becomes one stack policy of the pack."""

    id: str
    title: str
    mirrors: tuple[str, ...]
    fix: str
    level: Level
    check: DeploymentsCheck
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def description(self) -> str:
        return f"{self.title} (mirrors {', '.join(self.mirrors)})."


def _model(deployment: Deployment) -> tuple[Any, Any, Any]:
    model = lookup(deployment.props, "properties.model")
    if model is UNKNOWN:
        return UNKNOWN, UNKNOWN, UNKNOWN
    if not isinstance(model, Mapping):
        return None, None, None
    return tuple(text(lookup(model, key)) for key in ("format", "name", "version"))  # type: ignore[return-value]


def _shown(model: tuple[Any, Any, Any]) -> str:
    fmt, name, version = ("?" if part is UNKNOWN else part or "-" for part in model)
    return f"{fmt}/{name}@{version}"


def _allows(entry: Any, model: tuple[Any, Any, Any]) -> bool:
    if not isinstance(entry, Mapping):
        return False
    for key, value in zip(("format", "name", "version"), model, strict=True):
        wanted = entry.get(key)
        if wanted is None:
            if key == "name":
                return False
            continue
        if not isinstance(value, str) or value.lower() != str(wanted).lower():
            return False
    return True


def _approved_models(deployments: Sequence[Deployment], config: Mapping[str, Any]) -> list[DeploymentFinding]:
    allowed = config.get("allowedModels")
    if not deployments:
        return []
    if not isinstance(allowed, Sequence) or isinstance(allowed, str) or not allowed:
        models = ", ".join(f"`{d.name}` ({_shown(_model(d))})" for d in deployments)
        return [
            (
                None,
                f"no `allowedModels` list is configured for this policy, so no deployment's model is checked: {models}",
            )
        ]
    findings: list[DeploymentFinding] = []
    for deployment in deployments:
        model = _model(deployment)
        if any(part is UNKNOWN for part in model):
            findings.append((deployment, _unknown("properties.model")))
        elif not any(_allows(entry, model) for entry in allowed):
            findings.append((deployment, f"deploys {_shown(model)}, which is not in the configured `allowedModels`"))
    return findings


APPROVED_MODELS = DeploymentCheck(
    id="approved-models",
    title="Cognitive Services deployments should only use approved models",
    mirrors=("Azure Policy aafe3651-cb78-4f68-9f81-e7e41509110f",),
    fix=(
        "List the approved models in this policy's config, `allowedModels: [{format: OpenAI, name: gpt-4o, "
        "version: '2024-11-20'}]` (a missing format or version allows any), and deploy only those; set "
        "`enforcementLevel: mandatory` beside the list to block others."
    ),
    level=Level.ADVISORY,
    check=_approved_models,
    options={
        "allowedModels": {
            "type": "array",
            "description": "The approved models: each a format (publisher), a name and a version; a missing format "
            "or version matches any (Azure Policy aafe3651's allowedPublishers and allowedAssetIds).",
            "items": {
                "type": "object",
                "properties": {"format": {"type": "string"}, "name": {"type": "string"}, "version": {"type": "string"}},
                "required": ["name"],
            },
        }
    },
)

HARM_CATEGORIES: Final = ("hate", "sexual", "violence", "selfharm")
"""Microsoft's harm categories, as content-filter names (lowercased)."""
SOURCES: Final = ("prompt", "completion")
DEFAULT_OR_STRICTER: Final = frozenset({"low", "medium"})
"""Severity thresholds no weaker than Microsoft's default (``Medium``): a filter at ``High`` blocks less."""
PROMPT_SHIELDS: Final = ("jailbreak", "indirect attack")


def _on(entry: Mapping[str, Any]) -> bool:
    return lookup(entry, "enabled") is True and lookup(entry, "blocking") is True


def _filter_problems(name: str, policy: Mapping[str, Any]) -> list[str]:
    filters = items(lookup(policy, "properties.contentFilters"))
    if filters is UNKNOWN:
        return [_unknown(f"{name}.properties.contentFilters")]
    if not isinstance(filters, list):
        return [f"`{name}` sets no content filters"]
    # Every entry for a category and source counts: a repeated entry that is weaker cannot hide behind a strong one.
    by_target: dict[tuple[str, str], list[Mapping[str, Any]]] = {}
    for entry in filters:
        if entry is UNKNOWN:
            return [_unknown(f"{name}.properties.contentFilters")]
        if not isinstance(entry, Mapping):
            continue
        filter_name, source = text(lookup(entry, "name")), text(lookup(entry, "source"))
        if isinstance(filter_name, str) and isinstance(source, str):
            by_target.setdefault((filter_name.lower(), source.lower()), []).append(entry)
    problems: list[str] = []
    for category in HARM_CATEGORIES:
        for source in SOURCES:
            entries = by_target.get((category, source), [])
            thresholds = [text(lookup(entry, "severityThreshold")) for entry in entries]
            if not entries:
                problems.append(f"no {category} filter on {source}s")
            elif not all(_on(entry) for entry in entries):
                problems.append(f"the {category} filter on {source}s is not enabled and blocking")
            else:
                weak = [t for t in thresholds if not (isinstance(t, str) and t.lower() in DEFAULT_OR_STRICTER)]
                if weak:
                    problems.append(f"the {category} filter on {source}s blocks at {weak[0]!r}, weaker than Medium")
    for shield in PROMPT_SHIELDS:
        entries = by_target.get((shield, "prompt"), [])
        if not entries or not all(_on(entry) for entry in entries):
            problems.append(f"{shield} detection on prompts is not enabled and blocking")
    return [f"`{name}`: {'; '.join(problems)}"] if problems else []


def _guardrail(deployments: Sequence[Deployment], _: Mapping[str, Any]) -> list[DeploymentFinding]:
    findings: list[DeploymentFinding] = []
    for deployment in deployments:
        name = text(lookup(deployment.props, "properties.raiPolicyName"))
        if isinstance(name, Unknown):
            findings.append((deployment, _unknown("properties.raiPolicyName")))
        elif name is None:
            findings.append(
                (
                    deployment,
                    "`properties.raiPolicyName` is not set: Azure applies a Microsoft default policy that this "
                    "stack neither defines nor can show to be at least the guardrail",
                )
            )
        elif name.lower() not in deployment.policies:
            findings.append(
                (deployment, f"uses the content-filter policy {name!r}, which no RaiPolicy in this stack defines")
            )
        else:
            problems = [p for policy in deployment.policies[name.lower()] for p in _filter_problems(name, policy)]
            if problems:
                findings.append(
                    (deployment, f"its content-filter policy is weaker than the guardrail: {'; '.join(problems)}")
                )
    return findings


CONTENT_FILTER_GUARDRAIL = DeploymentCheck(
    id="content-filter-guardrail",
    title=(
        "Cognitive Services deployments should use a content-filter policy of the stack no weaker than Microsoft's "
        "default, blocking, with jailbreak and indirect-attack detection"
    ),
    mirrors=("Azure Policy initiative 5207647b-3e83-4e28-b836-c382cb5e2a2e (preview)",),
    fix=(
        "Define a content-filter policy (`azure-native:cognitiveservices:RaiPolicy`, or the components' "
        "`rai_policies`, which are never weaker) with every harm category (Hate, Sexual, Violence, Selfharm) on "
        "prompts and completions, enabled, blocking, at Medium or Low, and Jailbreak and Indirect Attack on prompts "
        "enabled and blocking; set each deployment's `raiPolicyName` to it."
    ),
    level=Level.ADVISORY,
    check=_guardrail,
)

DEPLOYMENT_CHECKS: tuple[DeploymentCheck, ...] = (APPROVED_MODELS, CONTENT_FILTER_GUARDRAIL)
"""Every deployment check, in the order they are reported."""
