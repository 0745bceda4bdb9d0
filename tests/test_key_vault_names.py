"""A customer-managed key's name and an exported key's secret names follow Key Vault's one rule for its objects'
names (1 to 127 letters, digits or '-'), each refusal naming the kind of object."""

from __future__ import annotations

import string
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from azure_openai_guarded.components.encryption import CustomerManagedKeySettings
from azure_openai_guarded.components.secrets import SecretsExportSettings

VAULT = (
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/"
    "kv-keys"
)

NAMED: list[tuple[type[BaseModel], str, str]] = [
    (CustomerManagedKeySettings, "key_name", "key"),
    (SecretsExportSettings, "primary_key_secret_name", "secret"),
    (SecretsExportSettings, "secondary_key_secret_name", "secret"),
]


def key_vault_allows(name: str) -> bool:
    """Key Vault's rule, written out: 1 to 127 ASCII letters, digits or hyphens (after the settings strip spaces)."""
    name = name.strip()
    return 1 <= len(name) <= 127 and all(c in string.ascii_letters + string.digits + "-" for c in name)


def refusal(model: type[BaseModel], field: str, name: Any) -> str | None:
    try:
        model.model_validate({"key_vault_id": VAULT, field: name})
    except ValidationError as error:
        return str(error)
    return None


@pytest.mark.parametrize(("model", "field", "kind"), NAMED, ids=[f for _, f, _ in NAMED])
@pytest.mark.parametrize(
    ("name", "allowed"),
    [
        ("k", True),
        ("contoso-cmk-1", True),
        ("K" * 127, True),
        ("K" * 128, False),
        ("", False),
        ("my_key", False),
        ("my.key", False),
        ("clé", False),
    ],
)
def test_a_key_vault_object_name_is_1_to_127_letters_digits_or_hyphens_and_a_refusal_names_its_kind(
    model: type[BaseModel], field: str, kind: str, name: str, allowed: bool
) -> None:
    refused = refusal(model, field, name)

    if allowed:
        assert refused is None
    else:
        assert refused is not None
        assert f"a Key Vault {kind} name is 1 to 127 letters, digits or '-'" in refused


@given(name=st.text(alphabet=string.ascii_letters + string.digits + "-_. é", max_size=130))
def test_the_key_and_both_secrets_accept_exactly_the_names_key_vault_allows(name: str) -> None:
    assert [refusal(model, field, name) is None for model, field, _ in NAMED] == [key_vault_allows(name)] * len(NAMED)
