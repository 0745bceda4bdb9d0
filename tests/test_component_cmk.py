"""A customer-managed key: the key, the identity that unwraps it and its grant exist before the account uses them."""

from __future__ import annotations

import pytest

from mockengine.outputs import SUBSCRIPTION as MOCK_SUBSCRIPTION
from mockengine.program import ProgramRun, Registered
from tests.samples import KEY_VAULT_ID, SUBSCRIPTION, build, service_args


@pytest.fixture(scope="module")
def run() -> ProgramRun:
    result = build(service_args(customer_managed_key={"key_vault_id": KEY_VAULT_ID}))
    assert result.error is None, result.error
    return result


def only(run: ProgramRun, type_token: str) -> Registered:
    (registered,) = run.of_type(type_token)
    return registered


def test_a_2048_bit_rsa_wrapping_key_is_created_in_the_given_vault(run: ProgramRun) -> None:
    key = only(run, "azure-native:keyvault:Key")
    assert key.inputs["vaultName"] == "kv-platform"
    assert key.inputs["resourceGroupName"] == "rg-keys"
    assert key.inputs["keyName"] == "svc-cmk"
    assert key.inputs["properties"] == {"kty": "RSA", "keySize": 2048, "keyOps": ["wrapKey", "unwrapKey"]}


def test_a_user_assigned_identity_may_unwrap_keys_in_the_vault(run: ProgramRun) -> None:
    identity = only(run, "azure-native:managedidentity:UserAssignedIdentity")
    (grant,) = [g for g in run.of_type("azure-native:authorization:RoleAssignment") if g.name == "svc-cmk-grant"]
    assert grant.inputs["scope"] == KEY_VAULT_ID
    assert grant.inputs["principalId"] == identity.inputs["principalId"]
    assert grant.inputs["principalType"] == "ServicePrincipal"
    assert grant.inputs["roleDefinitionId"] == (
        f"/subscriptions/{SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/"
        "e147488a-f6f5-4113-8e2d-b22465e65bf6"
    )


def test_the_account_is_encrypted_with_the_key_through_the_identity(run: ProgramRun) -> None:
    account = only(run, "azure-native:cognitiveservices:Account")
    identity = only(run, "azure-native:managedidentity:UserAssignedIdentity")
    encryption = account.inputs["properties"]["encryption"]
    assert encryption["keySource"] == "Microsoft.KeyVault"
    assert encryption["keyVaultProperties"] == {
        "identityClientId": identity.inputs["clientId"],
        "keyName": "svc-cmk",
        "keyVaultUri": "https://kv-platform.vault.azure.net/",
    }
    assert account.inputs["identity"]["type"] == "SystemAssigned, UserAssigned"
    assert list(account.inputs["identity"]["userAssignedIdentities"]) == [
        f"/subscriptions/{MOCK_SUBSCRIPTION}/resourceGroups/rg-test/providers/"
        "Microsoft.ManagedIdentity/userAssignedIdentities/svc-cmk"
    ]


def test_the_account_waits_for_the_grant_and_the_key(run: ProgramRun) -> None:
    account = only(run, "azure-native:cognitiveservices:Account")
    (grant,) = [g for g in run.of_type("azure-native:authorization:RoleAssignment") if g.name == "svc-cmk-grant"]
    key = only(run, "azure-native:keyvault:Key")
    assert {grant.urn, key.urn} <= set(account.dependencies)
