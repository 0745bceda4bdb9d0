"""The components' arguments, as typed dictionaries with documented fields.

These types are the components' public API. They are TypedDicts with enums,
lists and nested TypedDicts because that is what Pulumi's component provider
host (``pulumi.provider.experimental``) infers a schema from, so the same
components can later be published to other languages. Python users pass plain
dicts; :mod:`.settings` validates them with pydantic and reports every bad
field at once.

Fields typed ``pulumi.Input[str]`` may come from other resources; every other
field must be known when the program runs, because the guard and the
catalogue checks decide on it before anything is registered.

No ``from __future__ import annotations`` here: the schema inference reads the
annotations at run time.
"""

from typing import NotRequired, TypedDict

import pulumi

from azure_openai_guarded.guards import Camera, Capability, Environment, GuardProfile, Sector

from .access import RoleAssignmentArgs
from .content_filters import ContentFilterArgs, RaiBlocklistArgs, RaiBlocklistItemArgs, RaiPolicyArgs
from .deployments import DeploymentArgs, ModelOfferArgs
from .encryption import CustomerManagedKeyArgs
from .network import PrivateDnsZoneIdsArgs, PrivateEndpointArgs
from .secrets import SecretsExportArgs
from .vocabulary import (
    AccountKind,
    BaseRaiPolicy,
    DeploymentSku,
    FilterSource,
    FilterThreshold,
    HarmCategory,
    LockLevel,
    OpenAIRole,
    PrincipalType,
    RaiMode,
    VersionUpgradeOption,
)

# The enums are part of the arguments' API, so they are importable from here too.
__all__ = [
    "AccountKind",
    "BaseRaiPolicy",
    "ContentFilterArgs",
    "CustomerManagedKeyArgs",
    "DeploymentArgs",
    "DeploymentSku",
    "FilterSource",
    "FilterThreshold",
    "HarmCategory",
    "LockLevel",
    "ModelOfferArgs",
    "OpenAIRole",
    "PrincipalType",
    "PrivateDnsZoneIdsArgs",
    "PrivateEndpointArgs",
    "RaiBlocklistArgs",
    "RaiBlocklistItemArgs",
    "RaiMode",
    "RaiPolicyArgs",
    "RoleAssignmentArgs",
    "SecretsExportArgs",
    "VersionUpgradeOption",
]


class PartyArgs(TypedDict):
    """An organisation that runs the integration or for whom it is built."""

    sector: Sector
    """The party's sector. Any police, sheriff, federal, border, customs or corrections agency is
    ``law_enforcement``."""
    country: str
    """The country whose jurisdiction the party is under, as ISO 3166-1 alpha-2 (``US``, ``GB``...)."""


class FacialRecognitionArgs(TypedDict):
    """How facial recognition is used; any fact left out counts as the worst case."""

    realtime: NotRequired[bool]
    """Whether faces are identified as they are captured (live)."""
    cameras: NotRequired[list[Camera]]
    """Every kind of camera that feeds the integration."""
    environment: NotRequired[Environment]
    """Where faces are captured: ``controlled`` or ``uncontrolled`` (in the wild)."""


class UseCaseArgs(TypedDict):
    """The use-case declaration the guard decides on before anything is registered."""

    name: str
    """A short slug naming the use case (lowercase letters, digits, hyphens); it tags every Azure resource."""
    purpose: str
    """What the integration does, in plain words."""
    owner: str
    """Who answers for the use case: a team mailbox or a person."""
    operator: PartyArgs
    """The organisation that runs the integration."""
    served_parties: NotRequired[list[PartyArgs]]
    """The organisations the integration is built for (the terms reach use "by or for" police)."""
    capabilities: list[Capability]
    """Everything the integration does with Azure OpenAI."""
    facial_recognition: NotRequired[FacialRecognitionArgs]
    """How facial recognition is used; needed when ``capabilities`` include ``facial_recognition``."""
    human_review: NotRequired[bool]
    """An attestation that a person reviews outputs before they are used."""


class ProjectArgs(TypedDict):
    """A Microsoft Foundry project under the account (kind ``AIServices`` only), created after the account."""

    name: str
    """The project's name; its endpoint is ``https://<account>.services.ai.azure.com/api/projects/<name>``."""
    display_name: NotRequired[str]
    """The name the Foundry portal shows. Default: ``name``."""
    description: NotRequired[str]
    """What the project is for."""
    use_case: NotRequired[UseCaseArgs]
    """The project's own use-case declaration, decided by the guard before anything is registered, like the
    account's. Default: the project falls under the component's ``use_case``."""


class AzureOpenAIServiceArgs(TypedDict):
    """Azure OpenAI in commercial Azure, secure by default and guarded by its use-case declaration."""

    use_case: UseCaseArgs
    """The use-case declaration. The guard decides it before any resource is registered; a denied
    declaration raises an error and creates nothing."""
    guard_profile: NotRequired[GuardProfile]
    """The rule set the guard applies. Default ``terms``."""
    location: str
    """The account's region; it must offer Azure OpenAI in this cloud."""
    resource_group_name: pulumi.Input[str]
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
    log_analytics_workspace_id: NotRequired[pulumi.Input[str]]
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
