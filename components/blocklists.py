"""Custom blocklists (RAI blocklists) and their items, for the content-filter policies that use them.

A blocklist and its items are children of the account, like the policies and
deployments: Azure refuses concurrent writes under one account with 409
RequestConflict, so each write waits for the previous one, and the policies,
which name the blocklists, wait for all of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pulumi
from pulumi_azure_native import cognitiveservices

from .settings import RaiBlocklistSettings


def rai_blocklists(
    name: str,
    settings: Sequence[RaiBlocklistSettings],
    *,
    account: cognitiveservices.Account,
    resource_group_name: pulumi.Input[str],
    after: Sequence[pulumi.Resource],
    tags: Mapping[str, str],
    parent: pulumi.Resource,
) -> tuple[list[cognitiveservices.RaiBlocklist], list[cognitiveservices.RaiBlocklistItem], list[pulumi.Resource]]:
    """Register each blocklist, then its items, one write after another, starting after ``after``.

    Returns the blocklists, the items, and the last write (for the next child to wait for).
    """
    blocklists: list[cognitiveservices.RaiBlocklist] = []
    items: list[cognitiveservices.RaiBlocklistItem] = []
    previous = list(after)
    for blocklist in settings:
        created = cognitiveservices.RaiBlocklist(
            f"{name}-blocklist-{blocklist.name}",
            rai_blocklist_name=blocklist.name,
            account_name=account.name,
            resource_group_name=resource_group_name,
            properties=cognitiveservices.RaiBlocklistPropertiesArgs(description=blocklist.description),
            tags=dict(tags),
            opts=pulumi.ResourceOptions(parent=parent, depends_on=previous),
        )
        blocklists.append(created)
        previous = [created]
        for j, item in enumerate(blocklist.items):
            item_name = item.name or f"item-{j}"
            entry = cognitiveservices.RaiBlocklistItem(
                f"{name}-blocklist-{blocklist.name}-{item_name}",
                rai_blocklist_item_name=item_name,
                rai_blocklist_name=created.name,
                account_name=account.name,
                resource_group_name=resource_group_name,
                properties=cognitiveservices.RaiBlocklistItemPropertiesArgs(
                    pattern=item.pattern, is_regex=item.is_regex
                ),
                tags=dict(tags),
                opts=pulumi.ResourceOptions(parent=parent, depends_on=previous),
            )
            items.append(entry)
            previous = [entry]
    return blocklists, items, previous
