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

from enum import StrEnum
from typing import NotRequired, TypedDict

import pulumi

from azure_openai_guarded.guards import Camera, Capability, Environment, GuardProfile, Sector


class DeploymentSku(StrEnum):
    """How a model deployment is hosted and billed.

    ``Standard`` keeps processing in the account's region; ``DataZone*`` keeps
    it within the data zone (the US or the EU); ``Global*`` may process
    anywhere. ``*ProvisionedManaged`` reserves throughput (PTU); ``*Batch``
    runs asynchronous batch jobs.
    """

    STANDARD = "Standard"
    DATA_ZONE_STANDARD = "DataZoneStandard"
    GLOBAL_STANDARD = "GlobalStandard"
    PROVISIONED_MANAGED = "ProvisionedManaged"
    DATA_ZONE_PROVISIONED_MANAGED = "DataZoneProvisionedManaged"
    GLOBAL_PROVISIONED_MANAGED = "GlobalProvisionedManaged"
    DATA_ZONE_BATCH = "DataZoneBatch"
    GLOBAL_BATCH = "GlobalBatch"


class VersionUpgradeOption(StrEnum):
    """What Azure does when a newer model version, or the pinned version's retirement, comes."""

    ONCE_CURRENT_VERSION_EXPIRED = "OnceCurrentVersionExpired"
    """Keep the pinned version until it is retired, then move to the default version."""
    NO_AUTO_UPGRADE = "NoAutoUpgrade"
    """Never change the version; the deployment stops serving when the version is retired."""
    ONCE_NEW_DEFAULT_VERSION_AVAILABLE = "OnceNewDefaultVersionAvailable"
    """Move to each new default version as soon as Azure publishes it (version drift)."""


class OpenAIRole(StrEnum):
    """The built-in roles the component can grant on the account."""

    USER = "Cognitive Services OpenAI User"
    """Call the inference APIs with Entra ID; cannot change deployments or read keys."""
    CONTRIBUTOR = "Cognitive Services OpenAI Contributor"
    """Everything the user role can do, plus manage deployments and fine-tuning."""


class PrincipalType(StrEnum):
    """The kind of Entra ID principal a role is granted to."""

    USER = "User"
    GROUP = "Group"
    SERVICE_PRINCIPAL = "ServicePrincipal"


class FilterThreshold(StrEnum):
    """The lowest harm severity a content filter blocks.

    ``Low`` blocks low, medium and high severity content (strictest);
    ``Medium`` blocks medium and high, which is Microsoft's default. Nothing
    weaker than the default is offered.
    """

    LOW = "Low"
    MEDIUM = "Medium"


class HarmCategory(StrEnum):
    """The harm categories whose severity threshold a content-filter policy sets."""

    HATE = "Hate"
    SEXUAL = "Sexual"
    VIOLENCE = "Violence"
    SELF_HARM = "Selfharm"


class FilterSource(StrEnum):
    """Which side of the conversation a content filter reads."""

    PROMPT = "Prompt"
    COMPLETION = "Completion"


class BaseRaiPolicy(StrEnum):
    """Microsoft's built-in content-filter policies; a custom policy builds on one of them."""

    DEFAULT_V2 = "Microsoft.DefaultV2"
    DEFAULT = "Microsoft.Default"


class RaiMode(StrEnum):
    """When content filtering happens relative to streaming."""

    DEFAULT = "Default"
    """Filter before content is returned (Microsoft's default)."""
    BLOCKING = "Blocking"
    """Filter before content is returned, blocking the stream until each chunk is checked."""


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


class DeploymentArgs(TypedDict):
    """One model deployment on the account."""

    name: str
    """The deployment's name, which clients put in the request URL."""
    model: str
    """The model, e.g. ``gpt-4o``; it must be in the catalogue for the SKU and the region."""
    version: str
    """The model version, pinned, e.g. ``2024-11-20``."""
    sku: NotRequired[DeploymentSku]
    """How the deployment is hosted. Default ``Standard`` (processing stays in the region)."""
    capacity: NotRequired[int]
    """Thousands of tokens per minute for standard and batch SKUs; PTUs for provisioned ones. Default: the
    smallest capacity the catalogue allows for the model and SKU (1 for standard SKUs)."""
    version_upgrade_option: NotRequired[VersionUpgradeOption]
    """Default ``OnceCurrentVersionExpired``: the version stays pinned until Azure retires it."""
    rai_policy: NotRequired[str]
    """The content-filter policy: one defined in ``rai_policies``, or ``Microsoft.Default`` /
    ``Microsoft.DefaultV2``. Default: Azure applies Microsoft's default policy."""


class ContentFilterArgs(TypedDict):
    """A stricter threshold for one harm category."""

    category: HarmCategory
    """The harm category."""
    threshold: FilterThreshold
    """The lowest severity blocked."""
    source: NotRequired[FilterSource]
    """Apply to prompts or completions only. Default: both."""


class RaiPolicyArgs(TypedDict):
    """A content-filter (RAI) policy, created before the deployments that use it.

    Every harm category is filtered and blocking on prompts and completions,
    prompt shields (jailbreak, indirect attack) and protected-material
    detection are on: never weaker than Microsoft's default.
    """

    name: str
    """The policy's name, referenced by ``deployments[].rai_policy``."""
    threshold: NotRequired[FilterThreshold]
    """The threshold for every harm category. Default ``Medium`` (Microsoft's default)."""
    filters: NotRequired[list[ContentFilterArgs]]
    """Per-category thresholds that override ``threshold``."""
    mode: NotRequired[RaiMode]
    """Default ``Default``."""
    base_policy: NotRequired[BaseRaiPolicy]
    """The Microsoft policy this one builds on. Default ``Microsoft.DefaultV2``."""


class PrivateDnsZoneIdsArgs(TypedDict):
    """Existing private DNS zones to register the endpoint in, for hub-and-spoke networks."""

    openai: pulumi.Input[str]
    """The resource id of ``privatelink.openai.azure.com`` (``.azure.us`` in Azure Government)."""
    cognitive_services: pulumi.Input[str]
    """The resource id of ``privatelink.cognitiveservices.azure.com`` (``.azure.us`` in Azure Government)."""


class PrivateEndpointArgs(TypedDict):
    """A private endpoint for the account, created after the account and all its deployments."""

    subnet_id: pulumi.Input[str]
    """The resource id of the subnet the endpoint's network interface goes in."""
    location: NotRequired[str]
    """The endpoint's region, which is the virtual network's. Default: the account's location."""
    dns_zone_ids: NotRequired[PrivateDnsZoneIdsArgs]
    """Existing private DNS zones. Default: the component creates both of the cloud's zones and links
    them to the subnet's virtual network."""


class RoleAssignmentArgs(TypedDict):
    """A role on the account for one principal."""

    principal_id: pulumi.Input[str]
    """The object id of the user, group or service principal (managed identity)."""
    role: NotRequired[OpenAIRole]
    """Default ``Cognitive Services OpenAI User`` (least privilege)."""
    principal_type: NotRequired[PrincipalType]
    """The kind of principal; set it for a newly created principal to avoid replication delays."""


class CustomerManagedKeyArgs(TypedDict):
    """Encrypt the account with a key the component creates in an existing Key Vault.

    The component also creates a user-assigned identity and grants it
    ``Key Vault Crypto Service Encryption User`` on the vault. The vault must
    use Azure RBAC and have soft delete and purge protection on.
    """

    key_vault_id: str
    """The resource id of the Key Vault."""
    key_name: NotRequired[str]
    """The key's name. Default: ``<account name>-cmk``."""


class ModelOfferArgs(TypedDict):
    """A model the catalogue does not list yet, offered in the given regions with the given SKU."""

    model: str
    """The model, e.g. ``gpt-4o``."""
    version: str
    """The model version."""
    sku: DeploymentSku
    """The SKU it is offered with."""
    regions: list[str]
    """The regions it is offered in."""
    min_capacity: NotRequired[int]
    """The smallest deployment capacity. Default: the SKU's."""
    max_capacity: NotRequired[int]
    """The largest deployment capacity. Default: the SKU's."""
    capacity_step: NotRequired[int]
    """Capacity must be a multiple of this. Default: the SKU's."""


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
    """Give the account a system-assigned managed identity. Default true."""
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


class FindingOutput(TypedDict):
    """One rule that fired."""

    rule: str
    """The rule's id."""
    severity: str
    """``deny`` or ``warn``."""
    message: str
    """What was found and what to change."""


class VerdictOutput(TypedDict):
    """The guard's decision, as a component output."""

    allowed: bool
    """Whether the declaration is allowed (always true on a created component)."""
    label: str
    """``allowed`` or ``allowed-with-warnings``."""
    profile: str
    """The rule set applied."""
    ruleset_version: str
    """The version of the rules."""
    terms_version: str
    """The edition of the terms the rules encode."""
    findings: list[FindingOutput]
    """The warnings, if any."""
