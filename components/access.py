"""Who may use the account: built-in role ids and role assignments on the account.

Its arguments, settings and checks live here too. Nothing here imports
Pulumi until the resources are built: the checker validates and checks a
stack with this module. No ``from __future__ import annotations``: Pulumi's
component analyzer reads the arguments' annotations at run time.
"""

import re
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Annotated, NotRequired, TypedDict

from pydantic import PlainValidator

from azure_openai_guarded.guards.declaration import Problem

from .fields import (
    Input,
    Settings,
    StrInput,
    guid_check,
    input_check,
    is_output,
    n,
)
from .vocabulary import OpenAIRole, PrincipalType

if TYPE_CHECKING:
    import pulumi
    from pulumi_azure_native import authorization, cognitiveservices

    from .account import ServiceSettings


PrincipalId = Annotated[StrInput, PlainValidator(input_check(guid_check))]


class RoleAssignmentArgs(TypedDict):
    """A role on the account for one principal."""

    principal_id: Input[str]
    """The object id of the user, group or service principal (managed identity)."""
    role: NotRequired[OpenAIRole]
    """Default ``Cognitive Services OpenAI User`` (least privilege)."""
    principal_type: NotRequired[PrincipalType]
    """The kind of principal; set it for a newly created principal to avoid replication delays."""


class RoleAssignmentSettings(Settings):
    principal_id: PrincipalId
    role: OpenAIRole = OpenAIRole.USER
    principal_type: PrincipalType | None = None


def check_key_auth(settings: "ServiceSettings") -> list[Problem]:
    """Keys can be exported only while key (local) auth is on."""
    problems: list[Problem] = []
    if settings.export_keys and not settings.local_auth_enabled:
        problems.append(
            Problem(
                n("export_keys"),
                f"keys cannot be used while local auth is disabled; drop {n('export_keys')}, or also set "
                f"{n('local_auth_enabled')}: true (a weakening: callers should use Entra ID)",
            )
        )
    return problems


def check_role_assignments(settings: "ServiceSettings") -> list[Problem]:
    """Each principal is granted each role once."""
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    for i, assignment in enumerate(settings.role_assignments):
        if is_output(assignment.principal_id):
            continue
        key = (assignment.principal_id, assignment.role.value)
        if key in seen:
            problems.append(
                Problem(
                    f"{n('role_assignments')}[{i}]",
                    f"grants {assignment.role} to the same principal as {n('role_assignments')}[{seen[key]}]",
                )
            )
        seen.setdefault(key, i)
    return problems


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
    account: "cognitiveservices.Account",
    use_case: str,
    parent: "pulumi.Resource",
) -> "list[authorization.RoleAssignment]":
    """Grant each assignment's role on ``account``, as children of ``parent``."""
    import pulumi
    from pulumi_azure_native import authorization

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
