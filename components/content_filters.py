"""Content-filter (RAI) policies that are never weaker than Microsoft's default.

Every harm category is filtered and blocking on prompts and completions, at
``Medium`` (Microsoft's default) or stricter; prompt shields and protected
material detection are on. The arguments offer nothing weaker, so no stack
can switch a filter off through this component.
"""

from __future__ import annotations

from pulumi_azure_native import cognitiveservices

from .args import FilterSource, FilterThreshold, HarmCategory
from .settings import RaiPolicySettings

PROMPT_SHIELDS = ("Jailbreak", "Indirect Attack")
"""Filters on prompts that detect attempts to subvert the system prompt, directly or through documents."""


def _threshold(policy: RaiPolicySettings, category: HarmCategory, source: FilterSource) -> FilterThreshold:
    for item in policy.filters:
        if item.category is category and item.source is source:
            return item.threshold
    for item in policy.filters:
        if item.category is category and item.source is None:
            return item.threshold
    return policy.threshold


def content_filters(policy: RaiPolicySettings) -> list[cognitiveservices.RaiPolicyContentFilterArgs]:
    """The policy's filters: every harm category on both sides, prompt shields, protected material."""
    filters = [
        cognitiveservices.RaiPolicyContentFilterArgs(
            name=category.value,
            source=source.value,
            severity_threshold=_threshold(policy, category, source).value,
            enabled=True,
            blocking=True,
        )
        for category in HarmCategory
        for source in FilterSource
    ]
    filters += [
        cognitiveservices.RaiPolicyContentFilterArgs(
            name=shield, source=FilterSource.PROMPT.value, enabled=True, blocking=True
        )
        for shield in PROMPT_SHIELDS
    ]
    filters += [
        cognitiveservices.RaiPolicyContentFilterArgs(
            name="Protected Material Text", source=FilterSource.COMPLETION.value, enabled=True, blocking=True
        ),
        # As in Microsoft's default: code that matches public repositories is annotated with its
        # source and licence rather than blocked.
        cognitiveservices.RaiPolicyContentFilterArgs(
            name="Protected Material Code", source=FilterSource.COMPLETION.value, enabled=True, blocking=False
        ),
    ]
    return filters


def custom_blocklists(policy: RaiPolicySettings) -> list[cognitiveservices.CustomBlocklistConfigArgs] | None:
    """The policy's blocklists, each blocking on prompts and on completions; ``None`` when it uses none."""
    if not policy.blocklists:
        return None
    return [
        cognitiveservices.CustomBlocklistConfigArgs(blocklist_name=name, source=source.value, blocking=True)
        for name in policy.blocklists
        for source in FilterSource
    ]


def policy_properties(policy: RaiPolicySettings) -> cognitiveservices.RaiPolicyPropertiesArgs:
    """The RaiPolicy resource's properties for ``policy``."""
    return cognitiveservices.RaiPolicyPropertiesArgs(
        base_policy_name=policy.base_policy.value,
        mode=policy.mode.value,
        content_filters=content_filters(policy),
        custom_blocklists=custom_blocklists(policy),
    )
