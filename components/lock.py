"""A management lock on the account (Azure Resource Manager lock, AVM's ``lock``).

The lock is the last resource the component creates: it waits for every
other write under the account. A ``ReadOnly`` lock refuses every write to
the account and its children (deployments, policies, projects, private
endpoint connections), and every POST such as listing the keys, so creating
it any earlier would fail the rest of ``pulumi up``. Later changes under a
``ReadOnly`` lock fail too; lift the lock first (``CanNotDelete`` or none),
then change.

Its arguments, settings and checks live here too. Nothing here imports
Pulumi until the resources are built: the checker validates and checks a
stack with this module. No ``from __future__ import annotations``: Pulumi's
component analyzer reads the arguments' annotations at run time.
"""

from collections.abc import Sequence
from typing import TYPE_CHECKING

from azure_openai_guarded.guards.declaration import Problem

from .fields import (
    n,
)
from .vocabulary import LockLevel

if TYPE_CHECKING:
    import pulumi
    from pulumi_azure_native import authorization, cognitiveservices

    from .account import ServiceSettings


def check_lock(settings: "ServiceSettings") -> list[Problem]:
    """A ReadOnly lock blocks listing the keys that an export needs on every update."""
    problems: list[Problem] = []
    if settings.lock is LockLevel.READ_ONLY and (settings.secrets_export is not None or settings.export_keys):
        field = n("secrets_export") if settings.secrets_export is not None else n("export_keys")
        problems.append(
            Problem(
                n("lock"),
                f"a ReadOnly lock blocks listing the account's keys, so {field} would fail on every update after "
                f"the first; use {n('lock')}: CanNotDelete",
            )
        )
    return problems


NOTES = {
    LockLevel.CAN_NOT_DELETE: "Set by azure-openai-guarded: the account can be changed but not deleted.",
    LockLevel.READ_ONLY: "Set by azure-openai-guarded: the account can be neither changed nor deleted.",
}


def management_lock(
    name: str,
    account_name: str,
    level: LockLevel,
    *,
    account: "cognitiveservices.Account",
    wait_for: "Sequence[pulumi.Resource]",
    parent: "pulumi.Resource",
) -> "authorization.ManagementLockByScope":
    """Lock ``account`` at ``level``, after ``wait_for`` (every other write of the component)."""
    import pulumi
    from pulumi_azure_native import authorization

    return authorization.ManagementLockByScope(
        f"{name}-lock",
        lock_name=f"{account_name}-lock",
        scope=account.id,
        level=level.value,
        notes=NOTES[level],
        opts=pulumi.ResourceOptions(parent=parent, depends_on=[account, *wait_for]),
    )
