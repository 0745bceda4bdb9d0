"""AVM parity: a management lock created last, and the keys written to Key Vault instead of outputs."""

from __future__ import annotations

from typing import Any

import pytest
from pulumi.runtime.rpc import unwrap_rpc_secret

from mockengine.program import ProgramRun, Registered
from tests.samples import KEY_VAULT_ID, PRINCIPAL_ID, SUBNET_ID, WORKSPACE_ID, build, service_args

LOCK = "azure-native:authorization:ManagementLockByScope"
SECRET = "azure-native:keyvault:Secret"
ACCOUNT = "azure-native:cognitiveservices:Account"


def ok(**overrides: Any) -> ProgramRun:
    result = build(service_args(**overrides))
    assert result.error is None, result.error
    return result


def refused(**overrides: Any) -> str:
    result = build(service_args(**overrides))
    assert result.resources == []
    assert result.error is not None
    return result.error


def test_there_is_no_lock_by_default_as_in_avm() -> None:
    assert ok().of_type(LOCK) == []


@pytest.mark.parametrize("level", ["CanNotDelete", "ReadOnly"])
def test_a_lock_is_an_authorization_lock_on_the_account_at_the_given_level(level: str) -> None:
    result = ok(lock=level)
    (lock,) = result.of_type(LOCK)
    (account,) = result.of_type(ACCOUNT)
    assert lock.inputs["level"] == level
    assert lock.inputs["scope"] == result.outputs["account_id"]
    assert lock.inputs["lockName"] == "svc-lock"
    assert account.urn in lock.dependencies


def test_the_lock_waits_for_every_other_resource_of_the_component() -> None:
    result = ok(
        lock="ReadOnly",
        rai_policies=[{"name": "strict"}],
        private_endpoint={"subnet_id": SUBNET_ID},
        log_analytics_workspace_id=WORKSPACE_ID,
        role_assignments=[{"principal_id": PRINCIPAL_ID}],
    )
    (lock,) = result.of_type(LOCK)
    azure = [r for r in result.resources if r.custom and r.type.startswith("azure-native:") and r is not lock]
    waited = set(lock.dependencies)
    # The zones and their links are not under the account, so a lock on it does not stop them.
    under_account = [r for r in azure if r.type.split(":")[1] != "privatedns" and r.type != ACCOUNT]
    assert {r.urn for r in under_account} <= waited, sorted({r.name for r in under_account if r.urn not in waited})


def test_an_unknown_lock_level_is_refused() -> None:
    assert "lock: Input should be 'CanNotDelete' or 'ReadOnly'" in refused(lock="Delete")


def secret_value(secret: Registered) -> Any:
    return unwrap_rpc_secret(secret.inputs["properties"])


def test_with_key_auth_on_and_a_vault_the_keys_become_two_key_vault_secrets() -> None:
    result = ok(local_auth_enabled=True, secrets_export={"key_vault_id": KEY_VAULT_ID})
    secrets = {r.inputs["secretName"]: r for r in result.of_type(SECRET)}
    assert sorted(secrets) == ["svc-key1", "svc-key2"]
    for secret in secrets.values():
        assert secret.inputs["vaultName"] == "kv-platform"
        assert secret.inputs["resourceGroupName"] == "rg-keys"
    assert secret_value(secrets["svc-key1"])["value"].startswith("mock-key1-")
    assert secret_value(secrets["svc-key2"])["value"].startswith("mock-key2-")


def test_the_secrets_values_are_pulumi_secrets() -> None:
    result = ok(local_auth_enabled=True, secrets_export={"key_vault_id": KEY_VAULT_ID})
    for secret in result.of_type(SECRET):
        assert secret.inputs["properties"] != secret_value(secret), "the value is wrapped as a secret"


def test_exported_keys_never_become_outputs() -> None:
    result = ok(local_auth_enabled=True, secrets_export={"key_vault_id": KEY_VAULT_ID})
    assert not {"primary_key", "secondary_key"} & set(result.outputs)
    assert "mock-key" not in repr(result.outputs)


def test_the_secret_names_can_be_chosen() -> None:
    export = {"key_vault_id": KEY_VAULT_ID, "primary_key_secret_name": "aoai-a", "secondary_key_secret_name": "aoai-b"}
    result = ok(local_auth_enabled=True, secrets_export=export)
    assert sorted(r.inputs["secretName"] for r in result.of_type(SECRET)) == ["aoai-a", "aoai-b"]


def test_exporting_keys_is_refused_while_key_auth_is_off() -> None:
    error = refused(secrets_export={"key_vault_id": KEY_VAULT_ID})
    assert "secrets_export: there are no keys to export while local auth is disabled" in error
    assert "local_auth_enabled: true" in error


def test_keys_go_to_key_vault_or_to_outputs_never_both() -> None:
    error = refused(local_auth_enabled=True, export_keys=True, secrets_export={"key_vault_id": KEY_VAULT_ID})
    assert "export_keys: with secrets_export the keys go to Key Vault and never become outputs" in error


def test_a_read_only_lock_with_key_export_is_refused_because_it_blocks_listing_keys() -> None:
    error = refused(lock="ReadOnly", local_auth_enabled=True, secrets_export={"key_vault_id": KEY_VAULT_ID})
    assert "lock: a ReadOnly lock blocks listing the account's keys" in error


@pytest.mark.parametrize(
    ("export", "field"),
    [
        ({"key_vault_id": "/subscriptions/x/vaults/kv"}, "secrets_export.key_vault_id"),
        ({"key_vault_id": KEY_VAULT_ID, "primary_key_secret_name": "a_b"}, "secrets_export.primary_key_secret_name"),
        ({"key_vault_id": KEY_VAULT_ID, "vault": "kv"}, "secrets_export.vault"),
    ],
)
def test_a_malformed_export_is_refused_with_its_field(export: dict[str, Any], field: str) -> None:
    assert f"  {field}: " in refused(local_auth_enabled=True, secrets_export=export)


def test_the_lock_also_waits_for_the_key_vault_secrets() -> None:
    result = ok(lock="CanNotDelete", local_auth_enabled=True, secrets_export={"key_vault_id": KEY_VAULT_ID})
    (lock,) = result.of_type(LOCK)
    assert {r.urn for r in result.of_type(SECRET)} <= set(lock.dependencies)


def test_a_read_only_lock_is_logged_as_a_warning_that_later_changes_need_it_lifted() -> None:
    result = ok(lock="ReadOnly")
    assert any("lock is ReadOnly: every later change" in warning for warning in result.warnings), result.warnings


def test_a_delete_lock_is_not_a_warning() -> None:
    assert not any("lock" in warning for warning in ok(lock="CanNotDelete").warnings)
