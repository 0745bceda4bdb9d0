"""A management lock on the account (Azure Resource Manager lock, AVM's ``lock``).

The lock is the last resource the component creates: it waits for every
other write under the account. A ``ReadOnly`` lock refuses every write to
the account and its children (deployments, policies, projects, private
endpoint connections), and every POST such as listing the keys, so creating
it any earlier would fail the rest of ``pulumi up``. Later changes under a
``ReadOnly`` lock fail too; lift the lock first (``CanNotDelete`` or none),
then change.
"""

from __future__ import annotations

from collections.abc import Sequence

import pulumi
from pulumi_azure_native import authorization, cognitiveservices

from .vocabulary import LockLevel

NOTES = {
    LockLevel.CAN_NOT_DELETE: "Set by azure-openai-guarded: the account can be changed but not deleted.",
    LockLevel.READ_ONLY: "Set by azure-openai-guarded: the account can be neither changed nor deleted.",
}


def management_lock(
    name: str,
    account_name: str,
    level: LockLevel,
    *,
    account: cognitiveservices.Account,
    wait_for: Sequence[pulumi.Resource],
    parent: pulumi.Resource,
) -> authorization.ManagementLockByScope:
    """Lock ``account`` at ``level``, after ``wait_for`` (every other write of the component)."""
    return authorization.ManagementLockByScope(
        f"{name}-lock",
        lock_name=f"{account_name}-lock",
        scope=account.id,
        level=level.value,
        notes=NOTES[level],
        opts=pulumi.ResourceOptions(parent=parent, depends_on=[account, *wait_for]),
    )
