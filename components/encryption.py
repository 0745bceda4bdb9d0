"""Customer-managed key: a Key Vault key, the identity that unwraps it, and the grant that lets it.

The account references the identity, so it must exist, and hold its grant on
the vault, before the account is created with the key.

Its arguments, settings and checks live here too. Nothing here imports
Pulumi until the resources are built: the checker validates and checks a
stack with this module. No ``from __future__ import annotations``: Pulumi's
component analyzer reads the arguments' annotations at run time.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NotRequired, TypedDict

from .access import KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER, role_definition_id
from .clouds import CloudFacts
from .fields import (
    KeyName,
    KeyVaultId,
    Settings,
)

if TYPE_CHECKING:
    import pulumi
    from pulumi_azure_native import authorization, cognitiveservices, keyvault, managedidentity


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


class CustomerManagedKeySettings(Settings):
    key_vault_id: KeyVaultId
    key_name: KeyName | None = None


_VAULT = re.compile(r"^/subscriptions/[^/]+/resourceGroups/([^/]+)/providers/Microsoft\.KeyVault/vaults/([^/]+)$", re.I)


def vault_of(key_vault_id: str) -> tuple[str, str]:
    """The resource group and name of the Key Vault ``key_vault_id`` names."""
    match = _VAULT.match(key_vault_id)
    if match is None:  # settings validated the shape; this guards the regexes drifting apart
        raise ValueError(f"not a Key Vault resource id: {key_vault_id!r}")
    group, name = match.groups()
    return group, name


KEY_SIZE = 2048
"""Azure AI services accounts accept RSA keys of 2048 bits."""


@dataclass(frozen=True)
class CustomerManagedKey:
    """What :func:`customer_managed_key` registered, and the account settings that use it."""

    identity: "managedidentity.UserAssignedIdentity"
    key: "keyvault.Key"
    grant: "authorization.RoleAssignment"
    encryption: "cognitiveservices.EncryptionArgs"


def customer_managed_key(
    name: str,
    account_name: str,
    settings: CustomerManagedKeySettings,
    *,
    location: str,
    resource_group_name: "pulumi.Input[str]",
    cloud: CloudFacts,
    tags: Mapping[str, str],
    parent: "pulumi.Resource",
) -> CustomerManagedKey:
    """Register the key in the vault, the identity that unwraps it and its grant, as children of ``parent``."""
    import pulumi
    from pulumi_azure_native import authorization, cognitiveservices, keyvault, managedidentity

    vault_group, vault_name = vault_of(settings.key_vault_id)
    key_name = settings.key_name or f"{account_name}-cmk"

    identity = managedidentity.UserAssignedIdentity(
        f"{name}-cmk-identity",
        resource_name_=f"{account_name}-cmk",
        resource_group_name=resource_group_name,
        location=location,
        tags=dict(tags),
        opts=pulumi.ResourceOptions(parent=parent),
    )
    key = keyvault.Key(
        f"{name}-cmk-key",
        key_name=key_name,
        vault_name=vault_name,
        resource_group_name=vault_group,
        properties=keyvault.KeyPropertiesArgs(
            kty=keyvault.JsonWebKeyType.RSA,
            key_size=KEY_SIZE,
            key_ops=[keyvault.JsonWebKeyOperation.WRAP_KEY, keyvault.JsonWebKeyOperation.UNWRAP_KEY],
        ),
        tags=dict(tags),
        opts=pulumi.ResourceOptions(parent=parent),
    )
    grant = authorization.RoleAssignment(
        f"{name}-cmk-grant",
        scope=settings.key_vault_id,
        role_definition_id=role_definition_id(KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER, settings.key_vault_id),
        principal_id=identity.principal_id,
        principal_type=authorization.PrincipalType.SERVICE_PRINCIPAL,
        description=f"Unwrap the customer-managed key of {account_name}",
        opts=pulumi.ResourceOptions(parent=parent),
    )
    encryption = cognitiveservices.EncryptionArgs(
        key_source=cognitiveservices.KeySource.MICROSOFT_KEY_VAULT,
        key_vault_properties=cognitiveservices.KeyVaultPropertiesArgs(
            identity_client_id=identity.client_id,
            key_name=key.name,
            key_vault_uri=f"https://{vault_name}.{cloud.key_vault_domain}/",
        ),
    )
    return CustomerManagedKey(identity=identity, key=key, grant=grant, encryption=encryption)
