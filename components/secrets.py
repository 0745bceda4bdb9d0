"""The account's API keys written to Key Vault as secrets (AVM Bicep's ``secretsExportConfiguration``).

Only with key auth explicitly enabled, and never as outputs: the keys go
from the account's ``listKeys`` straight into two secrets in the given vault.
Pulumi keeps the secrets' values in the stack's state, encrypted as secrets.
The deployer needs to write secrets in the vault (``Key Vault Secrets
Officer`` on an RBAC vault).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pulumi
from pulumi_azure_native import cognitiveservices, keyvault

from .encryption import vault_of
from .settings import SecretsExportSettings

CONTENT_TYPE = "text/plain; azure-openai-guarded=account-key"
"""Marks the secrets as account keys, so a reader of the vault knows where they come from."""


@dataclass(frozen=True)
class ExportedKeys:
    """What :func:`export_keys_to_key_vault` registered."""

    primary: keyvault.Secret
    secondary: keyvault.Secret


def export_keys_to_key_vault(
    name: str,
    account_name: str,
    settings: SecretsExportSettings,
    *,
    account: cognitiveservices.Account,
    resource_group_name: pulumi.Input[str],
    tags: Mapping[str, str],
    parent: pulumi.Resource,
) -> ExportedKeys:
    """List ``account``'s keys and write each into its own secret in the vault, as children of ``parent``."""
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
