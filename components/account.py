"""The account: the components' arguments and settings as a whole, the checks across concepts, the advisories,
and the Azure OpenAI (or Foundry) account itself.

The TypedDicts here and in each concept's module are the components' API
(Pulumi's component provider host infers a schema from them, so the same
components are published to other languages); :class:`ServiceSettings`
validates a dict against them with frozen pydantic models, unknown keys
rejected and every problem reported at once. A stack file or another language
writes the camelCase key (``versionUpgradeOption``), a Python dict the Python
name (``version_upgrade_option``); which one an input may use is chosen where
it is read (:func:`azure_openai_guarded.guards.declaration.validate`), and an
error names the field as its caller writes it. Scalars are strict.

:func:`check_service` runs every concept's checks: what the cloud, its
catalogue and Azure's rules would refuse half-way through ``pulumi up``. Each
returns problems naming the field (as a reference, chosen when the problem is
printed) and what to change; all of them run, so one run reports every problem.

Fields typed ``Input[str]`` may come from other resources; every other field
must be known when the program runs, because the guard and the checks decide
on it before anything is registered. Nothing here imports Pulumi until the
account is built: the checker validates and checks a stack's whole
``service`` with this module. No ``from __future__ import annotations``:
Pulumi's component analyzer reads the arguments' annotations at run time.
"""

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, NotRequired, TypedDict

from pydantic import AfterValidator, Field, StrictBool, StrictStr

from azure_openai_guarded.guards import Cloud, GuardProfile
from azure_openai_guarded.guards.declaration import Problem

from .access import RoleAssignmentArgs, RoleAssignmentSettings, check_key_auth, check_role_assignments
from .catalogue import KIND_OFFERS
from .clouds import CloudFacts
from .content_filters import (
    RaiBlocklistArgs,
    RaiBlocklistSettings,
    RaiPolicyArgs,
    RaiPolicySettings,
    check_blocklists,
    check_rai_policies,
)
from .deployments import (
    DeploymentArgs,
    DeploymentSettings,
    ModelOfferArgs,
    ModelOfferSettings,
    check_additional_models,
    check_deployments,
)
from .encryption import CustomerManagedKeyArgs, CustomerManagedKeySettings
from .fields import AccountName, Input, Location, ResourceGroupName, Settings, WorkspaceId, listing, n
from .lock import check_lock
from .network import (
    Fqdn,
    IpRange,
    PrivateEndpointArgs,
    PrivateEndpointSettings,
    check_dns_zones,
    check_foundry_endpoint,
    check_outbound,
)
from .projects import ProjectArgs, ProjectSettings, check_projects
from .secrets import SecretsExportArgs, SecretsExportSettings, check_secrets_export
from .use_case import UseCaseInput
from .vocabulary import AccountKind, LockLevel

if TYPE_CHECKING:
    import pulumi
    from pulumi_azure_native import cognitiveservices

    from .encryption import CustomerManagedKey


class AzureOpenAIServiceArgs(TypedDict):
    """Azure OpenAI in commercial Azure, secure by default and guarded by its use-case declaration."""

    use_case: UseCaseInput
    """The use-case declaration, or a string holding it as one JSON object (as ``pulumi.Config().get`` returns
    a structured value). The guard decides it before any resource is registered; a denied declaration raises an
    error and creates nothing."""
    guard_profile: NotRequired[GuardProfile]
    """The rule set the guard applies. Default ``terms``."""
    location: str
    """The account's region; it must offer Azure OpenAI in this cloud."""
    resource_group_name: Input[str]
    """The resource group the resources go in."""
    create_resource_group: NotRequired[bool]
    """Create the resource group (then ``resource_group_name`` must be a plain string). Default false:
    the group exists."""
    account_name: NotRequired[str]
    """The account's name, which is also its custom subdomain. Default: the component's name."""
    kind: NotRequired[AccountKind]
    """``OpenAI`` (default) or ``AIServices`` (a Microsoft Foundry resource, with ``allowProjectManagement``)."""
    projects: NotRequired[list[ProjectArgs]]
    """Foundry projects under the account, each created after it; kind ``AIServices`` only."""
    lock: NotRequired[LockLevel]
    """A management lock on the account, created after everything else. Default: none (as in AVM)."""
    secrets_export: NotRequired[SecretsExportArgs]
    """Write the API keys to Key Vault as secrets; needs ``local_auth_enabled``. Default: keys stay in Azure."""
    rai_blocklists: NotRequired[list[RaiBlocklistArgs]]
    """Custom blocklists, created before the content-filter policies that use them."""
    deployments: NotRequired[list[DeploymentArgs]]
    """Model deployments, created one after another in this order."""
    rai_policies: NotRequired[list[RaiPolicyArgs]]
    """Content-filter policies, created before any deployment."""
    private_endpoint: NotRequired[PrivateEndpointArgs]
    """A private endpoint with its DNS records. Default: none (the account is then reachable from
    nowhere until an endpoint is added or public access is opened)."""
    allowed_ip_ranges: NotRequired[list[str]]
    """Public IPv4 addresses or CIDR ranges allowed through the account's firewall. Giving any opens
    public network access, restricted to them. Default: none, public network access disabled."""
    bypass_azure_services: NotRequired[bool]
    """Let trusted Azure services through the firewall. Default false."""
    restrict_outbound_network_access: NotRequired[bool]
    """Restrict the account's outbound calls to ``allowed_fqdns``. Default true."""
    allowed_fqdns: NotRequired[list[str]]
    """The host names the account may call (e.g. a search service for "on your data"). Default: none."""
    local_auth_enabled: NotRequired[bool]
    """Allow API keys. Default false: callers use Entra ID."""
    export_keys: NotRequired[bool]
    """Export the API keys as secret outputs; needs ``local_auth_enabled``. Default false."""
    system_assigned_identity: NotRequired[bool]
    """Give the account a system-assigned managed identity. Default true; kind ``AIServices`` needs it."""
    log_analytics_workspace_id: NotRequired[Input[str]]
    """Send all logs and metrics to this Log Analytics workspace. Default: none (a warning)."""
    role_assignments: NotRequired[list[RoleAssignmentArgs]]
    """Roles to grant on the account."""
    customer_managed_key: NotRequired[CustomerManagedKeyArgs]
    """Encrypt with a customer-managed key. Default: Microsoft-managed keys."""
    restore: NotRequired[bool]
    """Recover a soft-deleted account of the same name instead of creating one. Default false."""
    additional_models: NotRequired[list[ModelOfferArgs]]
    """Models Azure offers that the built-in catalogue does not list yet."""
    tags: NotRequired[dict[str, str]]
    """Extra tags for every Azure resource. The guard's tags are always set and cannot be overridden."""


class AzureGovernmentOpenAIServiceArgs(AzureOpenAIServiceArgs):
    """Azure OpenAI in Azure Government: the same arguments, checked against Government's regions
    (``usgovarizona``, ``usgovvirginia``), SKUs and models."""


_TAG_FORBIDDEN = re.compile(r"[<>%&\\?/]")


def _tags(value: dict[str, str]) -> dict[str, str]:
    problems: list[str] = []
    for key, text in value.items():
        if key.lower().startswith("aoai-guard-"):
            problems.append(f"`{key}` is reserved for the guard's tags")
        elif _TAG_FORBIDDEN.search(key) or not 1 <= len(key) <= 512:
            problems.append(f"`{key}` is not a valid Azure tag name (1 to 512 characters, none of < > % & \\ ? /)")
        if len(text) > 256:
            problems.append(f"the value of `{key}` is longer than 256 characters")
    if problems:
        raise ValueError("; ".join(problems))
    return value


class ServiceSettings(Settings):
    """Everything the component provisions; the use case and guard profile are validated by the guard."""

    location: Location
    resource_group_name: ResourceGroupName
    create_resource_group: StrictBool = False
    account_name: AccountName | None = None
    kind: AccountKind = AccountKind.OPENAI
    projects: tuple[ProjectSettings, ...] = ()
    lock: LockLevel | None = None
    secrets_export: SecretsExportSettings | None = None
    deployments: tuple[DeploymentSettings, ...] = ()
    rai_blocklists: tuple[RaiBlocklistSettings, ...] = ()
    rai_policies: tuple[RaiPolicySettings, ...] = ()
    private_endpoint: PrivateEndpointSettings | None = None
    allowed_ip_ranges: tuple[IpRange, ...] = ()
    bypass_azure_services: StrictBool = False
    restrict_outbound_network_access: StrictBool = True
    allowed_fqdns: tuple[Fqdn, ...] = ()
    local_auth_enabled: StrictBool = False
    export_keys: StrictBool = False
    system_assigned_identity: StrictBool = True
    log_analytics_workspace_id: WorkspaceId | None = None
    role_assignments: tuple[RoleAssignmentSettings, ...] = ()
    customer_managed_key: CustomerManagedKeySettings | None = None
    restore: StrictBool = False
    additional_models: tuple[ModelOfferSettings, ...] = ()
    tags: Annotated[dict[StrictStr, StrictStr], AfterValidator(_tags)] = Field(default_factory=dict)


class ServiceConfig(ServiceSettings):
    """The stack file's ``azure-openai-guarded:service``: the component's settings plus the cloud."""

    cloud: Cloud
    """``public`` (commercial Azure, :class:`AzureOpenAIService`) or ``usgovernment`` (Azure Government,
    :class:`AzureGovernmentOpenAIService`)."""


ARGS_ONLY = frozenset({"use_case", "guard_profile"})
"""The argument keys validated by the guard rather than by :class:`ServiceSettings`."""


def check_service(settings: ServiceSettings, cloud: CloudFacts) -> list[Problem]:
    """Every problem with ``settings`` that the cloud, its catalogue and Azure's rules reveal."""
    problems: list[Problem] = []
    location_ok = settings.location in cloud.regions
    if not location_ok:
        problems.append(
            Problem(
                n("location"),
                f"{settings.location!r} does not offer Azure OpenAI in {cloud.display_name}; "
                f"choose one of {listing(cloud.regions, 30)}",
            )
        )
    problems += check_foundry(settings, cloud)
    problems += check_additional_models(settings, cloud)
    problems += check_rai_policies(settings)
    problems += check_blocklists(settings)
    problems += check_deployments(settings, cloud, location_ok)
    problems += check_key_auth(settings)
    problems += check_outbound(settings)
    problems += _check_resource_group(settings)
    problems += check_dns_zones(settings, cloud)
    problems += check_role_assignments(settings)
    return problems


def _check_resource_group(settings: ServiceSettings) -> list[Problem]:
    problems: list[Problem] = []
    if settings.create_resource_group and not isinstance(settings.resource_group_name, str):
        problems.append(
            Problem(
                n("resource_group_name"),
                f"must be a plain string when {n('create_resource_group')} is true: the component names the group",
            )
        )
    return problems


def advisories(settings: ServiceSettings) -> list[str]:
    """Allowed but worth a warning: what an auditor or an operator would ask about."""
    notes: list[str] = []
    if settings.log_analytics_workspace_id is None:
        notes.append(
            f"no {n('log_analytics_workspace_id')}: the account's audit and request logs go nowhere "
            "(Azure Policy 1b4d1c4e expects diagnostic settings)"
        )
    if settings.private_endpoint is None and not settings.allowed_ip_ranges:
        notes.append(
            f"no {n('private_endpoint')} and no {n('allowed_ip_ranges')}: public network access is off, "
            "so nothing can reach the account until a private endpoint is added"
        )
    if settings.local_auth_enabled:
        notes.append(f"{n('local_auth_enabled')} is true: API keys work alongside Entra ID (weakened)")
    if settings.lock is LockLevel.READ_ONLY:
        notes.append(
            f"{n('lock')} is ReadOnly: every later change to the account or its children fails until the lock is "
            "removed (set it to CanNotDelete or drop it, update, then change)"
        )
    if not settings.restrict_outbound_network_access:
        notes.append(f"{n('restrict_outbound_network_access')} is false: the account may call any host (weakened)")
    if settings.allowed_ip_ranges:
        notes.append(
            f"public network access is on for {len(settings.allowed_ip_ranges)} IP range(s) in "
            f"{n('allowed_ip_ranges')} (weakened)"
        )
    if settings.bypass_azure_services:
        notes.append(f"{n('bypass_azure_services')} is true: trusted Azure services pass the firewall (weakened)")
    if not settings.system_assigned_identity:
        notes.append(f"{n('system_assigned_identity')} is false: the account has no managed identity (weakened)")
    return notes


def check_foundry(settings: ServiceSettings, cloud: CloudFacts) -> list[Problem]:
    """The account kind, Foundry projects, lock and Key Vault export: what Azure or the kind would refuse."""
    problems: list[Problem] = []
    offer = KIND_OFFERS[cloud.cloud][settings.kind]
    if settings.location in cloud.regions and settings.location not in offer.regions:
        problems.append(
            Problem(
                n("kind"),
                f"{cloud.display_name} offers kind {settings.kind} in {listing(sorted(offer.regions), 40)}, "
                f"not in {settings.location!r} ({offer.source}); choose one of those regions or kind OpenAI",
            )
        )
    if settings.kind is AccountKind.AI_SERVICES and not settings.system_assigned_identity:
        problems.append(
            Problem(
                n("system_assigned_identity"),
                "kind AIServices needs the system-assigned identity: Foundry projects cannot be created without it",
            )
        )
    problems += check_projects(settings)
    problems += check_foundry_endpoint(settings, cloud)
    problems += check_secrets_export(settings)
    problems += check_lock(settings)
    return problems


def _identity(settings: ServiceSettings, key: "CustomerManagedKey | None") -> "cognitiveservices.IdentityArgs":
    from pulumi_azure_native import cognitiveservices

    kinds = cognitiveservices.ResourceIdentityType
    if key is None:
        kind = kinds.SYSTEM_ASSIGNED if settings.system_assigned_identity else kinds.NONE
        return cognitiveservices.IdentityArgs(type=kind)
    kind = kinds.SYSTEM_ASSIGNED_USER_ASSIGNED if settings.system_assigned_identity else kinds.USER_ASSIGNED
    return cognitiveservices.IdentityArgs(type=kind, user_assigned_identities=[key.identity.id])


def _account_properties(
    settings: ServiceSettings, account_name: str, key: "CustomerManagedKey | None"
) -> "cognitiveservices.AccountPropertiesArgs":
    from pulumi_azure_native import cognitiveservices

    public = bool(settings.allowed_ip_ranges)
    return cognitiveservices.AccountPropertiesArgs(
        # Entra ID tokens and private link both need the account's own subdomain.
        custom_sub_domain_name=account_name.lower(),
        disable_local_auth=not settings.local_auth_enabled,
        public_network_access=(
            cognitiveservices.PublicNetworkAccess.ENABLED if public else cognitiveservices.PublicNetworkAccess.DISABLED
        ),
        network_acls=cognitiveservices.NetworkRuleSetArgs(
            default_action=cognitiveservices.NetworkRuleAction.DENY,
            bypass=(
                cognitiveservices.ByPassSelection.AZURE_SERVICES
                if settings.bypass_azure_services
                else cognitiveservices.ByPassSelection.NONE
            ),
            ip_rules=[cognitiveservices.IpRuleArgs(value=ip) for ip in settings.allowed_ip_ranges],
        ),
        restrict_outbound_network_access=settings.restrict_outbound_network_access,
        allowed_fqdn_list=list(settings.allowed_fqdns) if settings.restrict_outbound_network_access else None,
        encryption=key.encryption if key else None,
        restore=True if settings.restore else None,
        # A Foundry resource hosts projects; they also need the custom subdomain and the system identity above.
        allow_project_management=True if settings.kind is AccountKind.AI_SERVICES else None,
    )


def openai_account(
    name: str,
    account_name: str,
    settings: ServiceSettings,
    key: "CustomerManagedKey | None",
    *,
    resource_group_name: "pulumi.Input[str]",
    tags: Mapping[str, str],
    parent: "pulumi.Resource",
) -> "cognitiveservices.Account":
    """Register the account (S0), secure by default, as a child of ``parent``; with a customer-managed key, after
    the key and its identity's grant, which the account needs to unwrap it."""
    import pulumi
    from pulumi_azure_native import cognitiveservices

    return cognitiveservices.Account(
        f"{name}-account",
        account_name=account_name,
        resource_group_name=resource_group_name,
        location=settings.location,
        kind=settings.kind.value,
        sku=cognitiveservices.SkuArgs(name="S0"),
        identity=_identity(settings, key),
        properties=_account_properties(settings, account_name, key),
        tags=dict(tags),
        opts=pulumi.ResourceOptions(parent=parent, depends_on=[key.grant, key.key] if key else None),
    )
