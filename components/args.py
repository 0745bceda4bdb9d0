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

from azure_openai_guarded.guards import GuardProfile

from .access import RoleAssignmentArgs
from .content_filters import ContentFilterArgs, RaiBlocklistArgs, RaiBlocklistItemArgs, RaiPolicyArgs
from .deployments import DeploymentArgs, ModelOfferArgs
from .encryption import CustomerManagedKeyArgs
from .network import PrivateDnsZoneIdsArgs, PrivateEndpointArgs
from .projects import ProjectArgs
from .secrets import SecretsExportArgs
from .use_case import FacialRecognitionArgs, PartyArgs, UseCaseArgs
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
    "FacialRecognitionArgs",
    "FilterSource",
    "FilterThreshold",
    "HarmCategory",
    "LockLevel",
    "ModelOfferArgs",
    "OpenAIRole",
    "PartyArgs",
    "PrincipalType",
    "PrivateDnsZoneIdsArgs",
    "PrivateEndpointArgs",
    "ProjectArgs",
    "RaiBlocklistArgs",
    "RaiBlocklistItemArgs",
    "RaiMode",
    "RaiPolicyArgs",
    "RoleAssignmentArgs",
    "SecretsExportArgs",
    "UseCaseArgs",
    "VersionUpgradeOption",
]


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
