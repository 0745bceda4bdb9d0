"""Who may use the account: built-in role ids and role assignments on the account."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import partial

import pulumi
from pulumi_azure_native import authorization, cognitiveservices

from .args import OpenAIRole
from .settings import RoleAssignmentSettings

ROLE_IDS: dict[OpenAIRole, str] = {
    OpenAIRole.USER: "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd",
    OpenAIRole.CONTRIBUTOR: "a001fd3d-188f-4b5d-821b-7da978bf7442",
}
"""Built-in role definition ids; the same in every Azure cloud."""

KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6"

_SUBSCRIPTION = re.compile(r"^/subscriptions/([^/]+)/", re.IGNORECASE)


def subscription_of(resource_id: str) -> str:
    """The subscription id in an Azure resource id."""
    match = _SUBSCRIPTION.match(resource_id)
    if match is None:
        raise ValueError(f"not an Azure resource id: {resource_id!r}")
    return match.group(1)


def role_definition_id(role_id: str, resource_id: str) -> str:
    """The id of built-in role ``role_id`` in the subscription of ``resource_id``: the form ARM returns, so
    previews show no diff."""
    return f"/subscriptions/{subscription_of(resource_id)}/providers/Microsoft.Authorization/roleDefinitions/{role_id}"


def role_assignments(
    name: str,
    account_name: str,
    assignments: Sequence[RoleAssignmentSettings],
    *,
    account: cognitiveservices.Account,
    use_case: str,
    parent: pulumi.Resource,
) -> list[authorization.RoleAssignment]:
    """Grant each assignment's role on ``account``, as children of ``parent``."""
    granted: list[authorization.RoleAssignment] = []
    for i, assignment in enumerate(assignments):
        role_id = ROLE_IDS[assignment.role]
        granted.append(
            authorization.RoleAssignment(
                f"{name}-role-{i}",
                scope=account.id,
                role_definition_id=account.id.apply(partial(role_definition_id, role_id)),
                principal_id=assignment.principal_id,
                principal_type=assignment.principal_type.value if assignment.principal_type else None,
                description=f"{assignment.role} on {account_name} for use case {use_case}",
                opts=pulumi.ResourceOptions(parent=parent),
            )
        )
    return granted
