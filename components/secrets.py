"""The account's API keys written to Key Vault as secrets (AVM Bicep's ``secretsExportConfiguration``).

Only with key auth explicitly enabled, and never as outputs: the keys go
from the account's ``listKeys`` straight into two secrets in the given vault.
Pulumi keeps the secrets' values in the stack's state, encrypted as secrets.
The deployer needs to write secrets in the vault (``Key Vault Secrets
Officer`` on an RBAC vault).

Its arguments, settings and checks live here too. Nothing here imports
Pulumi until the resources are built: the checker validates and checks a
stack with this module. No ``from __future__ import annotations``: Pulumi's
component analyzer reads the arguments' annotations at run time.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NotRequired, TypedDict

from azure_openai_guarded.guards.declaration import Problem

from .encryption import vault_of
from .fields import (
    KeyVaultId,
    SecretName,
    Settings,
    n,
)

if TYPE_CHECKING:
    import pulumi
    from pulumi_azure_native import cognitiveservices, keyvault

    from .account import ServiceSettings


class SecretsExportArgs(TypedDict):
    """Write the account's two API keys to an existing Key Vault as secrets (never as outputs).

    Needs ``local_auth_enabled: true``; the deployer needs permission to write secrets in the vault.
    """

    key_vault_id: str
    """The resource id of the Key Vault."""
    primary_key_secret_name: NotRequired[str]
    """The secret holding the first key. Default: ``<account name>-key1``."""
    secondary_key_secret_name: NotRequired[str]
    """The secret holding the second key. Default: ``<account name>-key2``."""


class SecretsExportSettings(Settings):
    key_vault_id: KeyVaultId
    primary_key_secret_name: SecretName | None = None
    secondary_key_secret_name: SecretName | None = None


def check_secrets_export(settings: "ServiceSettings") -> list[Problem]:
    """Exporting keys to Key Vault needs key auth, and replaces ``export_keys``."""
    problems: list[Problem] = []
    if settings.secrets_export is not None:
        if not settings.local_auth_enabled:
            problems.append(
                Problem(
                    n("secrets_export"),
                    f"there are no keys to export while local auth is disabled; drop {n('secrets_export')}, or also "
                    f"set {n('local_auth_enabled')}: true (a weakening: callers should use Entra ID)",
                )
            )
        if settings.export_keys:
            problems.append(
                Problem(
                    n("export_keys"),
                    f"with {n('secrets_export')} the keys go to Key Vault and never become outputs; drop "
                    f"{n('export_keys')}",
                )
            )
    return problems


CONTENT_TYPE = "text/plain; azure-openai-guarded=account-key"
"""Marks the secrets as account keys, so a reader of the vault knows where they come from."""


@dataclass(frozen=True)
class ExportedKeys:
    """What :func:`export_keys_to_key_vault` registered."""

    primary: "keyvault.Secret"
    secondary: "keyvault.Secret"


def export_keys_to_key_vault(
    name: str,
    account_name: str,
    settings: SecretsExportSettings,
    *,
    account: "cognitiveservices.Account",
    resource_group_name: "pulumi.Input[str]",
    tags: Mapping[str, str],
    parent: "pulumi.Resource",
) -> ExportedKeys:
    """List ``account``'s keys and write each into its own secret in the vault, as children of ``parent``."""
    import pulumi
    from pulumi_azure_native import cognitiveservices, keyvault

    vault_group, vault_name = vault_of(settings.key_vault_id)
    keys = cognitiveservices.list_account_keys_output(
        account_name=account.name,
        resource_group_name=resource_group_name,
        opts=pulumi.InvokeOutputOptions(parent=parent, depends_on=[account]),
    )
    secrets = []
    for suffix, secret_name, value in (
        ("key1", settings.primary_key_secret_name, keys.key1),
        ("key2", settings.secondary_key_secret_name, keys.key2),
    ):
        secrets.append(
            keyvault.Secret(
                f"{name}-secret-{suffix}",
                secret_name=secret_name or f"{account_name}-{suffix}",
                vault_name=vault_name,
                resource_group_name=vault_group,
                properties=keyvault.SecretPropertiesArgs(
                    value=pulumi.Output.secret(value.apply(lambda key: key or "")),
                    content_type=CONTENT_TYPE,
                ),
                tags=dict(tags),
                opts=pulumi.ResourceOptions(parent=parent, depends_on=[account]),
            )
        )
    return ExportedKeys(primary=secrets[0], secondary=secrets[1])
