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

import re
from typing import Annotated

from pydantic import AfterValidator, Field, StrictBool, StrictStr

from azure_openai_guarded.guards import Cloud

from .access import RoleAssignmentSettings
from .content_filters import ContentFilterSettings, RaiBlocklistItemSettings, RaiBlocklistSettings, RaiPolicySettings
from .deployments import DeploymentSettings, ModelOfferSettings
from .encryption import CustomerManagedKeySettings
from .fields import (
    AccountName,
    Location,
    ResourceGroupName,
    Settings,
    WorkspaceId,
)
from .network import Fqdn, IpRange, PrivateDnsZoneIdsSettings, PrivateEndpointSettings
from .projects import ProjectSettings
from .secrets import SecretsExportSettings
from .vocabulary import (
    AccountKind,
    LockLevel,
)

__all__ = [
    "ContentFilterSettings",
    "CustomerManagedKeySettings",
    "DeploymentSettings",
    "ModelOfferSettings",
    "PrivateDnsZoneIdsSettings",
    "PrivateEndpointSettings",
    "ProjectSettings",
    "RaiBlocklistItemSettings",
    "RaiBlocklistSettings",
    "RaiPolicySettings",
    "RoleAssignmentSettings",
    "SecretsExportSettings",
]

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
