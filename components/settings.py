"""The components' arguments once validated: frozen pydantic models mirroring :mod:`.args`.

The TypedDicts in :mod:`.args` are the API; these models check a dict
against them, with unknown keys rejected and every problem reported at once.
A stack file or another language writes the camelCase key
(``versionUpgradeOption``), a Python dict the Python name
(``version_upgrade_option``); which one an input may use is chosen where it is
read (:func:`azure_openai_guarded.guards.declaration.validate`), and an error
names the field as its caller writes it. Scalars are strict: no number becomes
a string, no string a boolean. Nothing here imports Pulumi, so the checker
validates a stack's whole ``service`` with these models.

A field typed ``pulumi.Input[str]`` accepts an Output as is, and checks a
plain string (a resource id's shape, a GUID) now, before deployment.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StrictBool, StrictStr

from azure_openai_guarded.guards import Cloud

from .content_filters import ContentFilterSettings, RaiBlocklistItemSettings, RaiBlocklistSettings, RaiPolicySettings
from .deployments import DeploymentSettings, ModelOfferSettings
from .fields import (
    AccountName,
    DnsZoneId,
    KeyName,
    KeyVaultId,
    Location,
    PrincipalId,
    ProjectName,
    ResourceGroupName,
    SecretName,
    Settings,
    SubnetId,
    WorkspaceId,
)
from .vocabulary import (
    AccountKind,
    LockLevel,
    OpenAIRole,
    PrincipalType,
)

__all__ = [
    "ContentFilterSettings",
    "DeploymentSettings",
    "ModelOfferSettings",
    "RaiBlocklistItemSettings",
    "RaiBlocklistSettings",
    "RaiPolicySettings",
]

_PRIVATE_NETS = tuple(
    ipaddress.IPv4Network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10")
)


def _ip_range(value: str) -> str:
    try:
        network = ipaddress.ip_network(value, strict=True)
    except ValueError as error:
        raise ValueError(f"must be a public IPv4 address or CIDR range such as 203.0.113.0/24 ({error})") from None
    if not isinstance(network, ipaddress.IPv4Network):
        raise ValueError(f"the account firewall takes IPv4 only (got {value!r})")
    if network.prefixlen == 0:
        raise ValueError("0.0.0.0/0 opens the account to the whole internet; list the ranges that need access")
    if any(network.subnet_of(private) for private in _PRIVATE_NETS) or network.is_loopback or network.is_link_local:
        raise ValueError(
            f"{value} is a private range, which the account firewall ignores; reach the account from "
            "private networks through `private_endpoint`"
        )
    if "/" in value and network.prefixlen in (31, 32):
        raise ValueError(f"the account firewall does not take /31 or /32 ranges; list the addresses (got {value!r})")
    return str(network) if "/" in value else str(network.network_address)


IpRange = Annotated[StrictStr, AfterValidator(_ip_range)]

_FQDN = re.compile(r"^(\*\.)?(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def _fqdn(value: str) -> str:
    host = value.strip().lower()
    if not _FQDN.fullmatch(host):
        raise ValueError(
            f"must be a host name such as mysearch.search.windows.net, without scheme or path (got {value!r})"
        )
    return host


Fqdn = Annotated[StrictStr, AfterValidator(_fqdn)]

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


class ProjectSettings(Settings):
    name: ProjectName
    display_name: Annotated[StrictStr, Field(min_length=1)] | None = None
    description: StrictStr | None = None
    use_case: dict[str, Any] | None = None
    """The project's own declaration, as given: the guard reads it as it reads the component's ``use_case``."""


class SecretsExportSettings(Settings):
    key_vault_id: KeyVaultId
    primary_key_secret_name: SecretName | None = None
    secondary_key_secret_name: SecretName | None = None


class PrivateDnsZoneIdsSettings(Settings):
    openai: DnsZoneId
    cognitive_services: DnsZoneId
    ai_services: DnsZoneId | None = None


class PrivateEndpointSettings(Settings):
    subnet_id: SubnetId
    location: Location | None = None
    dns_zone_ids: PrivateDnsZoneIdsSettings | None = None


class RoleAssignmentSettings(Settings):
    principal_id: PrincipalId
    role: OpenAIRole = OpenAIRole.USER
    principal_type: PrincipalType | None = None


class CustomerManagedKeySettings(Settings):
    key_vault_id: KeyVaultId
    key_name: KeyName | None = None


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
