"""Content filters: content-filter (RAI) policies and the custom blocklists they use, with their arguments,
settings, checks and resources.

A policy is never weaker than Microsoft's default: every harm category is
filtered and blocking on prompts and completions, at ``Medium`` (Microsoft's
default) or stricter; prompt shields and protected material detection are on.
The arguments offer nothing weaker, so no stack can switch a filter off
through this component.

Blocklists, their items and the policies are children of the account, like
the deployments: Azure refuses concurrent writes under one account with 409
RequestConflict, so each write waits for the previous one; the policies,
which name the blocklists, come after all of them, and the deployments,
which name the policies, after the policies.

Nothing here imports Pulumi until the resources are built: the checker
validates and checks a stack's content filters with this module. No ``from
__future__ import annotations``: Pulumi's component analyzer reads the
arguments' annotations at run time.
"""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, NotRequired, TypedDict

from pydantic import AfterValidator, Field, StrictBool, StrictStr

from azure_openai_guarded.guards.declaration import Problem

from .fields import Settings, duplicate_names, matches, n
from .vocabulary import BaseRaiPolicy, FilterSource, FilterThreshold, HarmCategory, RaiMode

if TYPE_CHECKING:
    import pulumi
    from pulumi_azure_native import cognitiveservices

    from .account import ServiceSettings


class ContentFilterArgs(TypedDict):
    """A stricter threshold for one harm category."""

    category: HarmCategory
    """The harm category."""
    threshold: FilterThreshold
    """The lowest severity blocked."""
    source: NotRequired[FilterSource]
    """Apply to prompts or completions only. Default: both."""


class RaiPolicyArgs(TypedDict):
    """A content-filter (RAI) policy, created before the deployments that use it.

    Every harm category is filtered and blocking on prompts and completions,
    prompt shields (jailbreak, indirect attack) and protected-material
    detection are on: never weaker than Microsoft's default.
    """

    name: str
    """The policy's name, referenced by ``deployments[].rai_policy``."""
    threshold: NotRequired[FilterThreshold]
    """The threshold for every harm category. Default ``Medium`` (Microsoft's default)."""
    filters: NotRequired[list[ContentFilterArgs]]
    """Per-category thresholds that override ``threshold``."""
    mode: NotRequired[RaiMode]
    """Default ``Default``."""
    base_policy: NotRequired[BaseRaiPolicy]
    """The Microsoft policy this one builds on. Default ``Microsoft.DefaultV2``."""
    blocklists: NotRequired[list[str]]
    """Blocklists (from ``rai_blocklists``) applied to prompts and completions, blocking."""


class RaiBlocklistItemArgs(TypedDict):
    """One term or pattern a blocklist blocks."""

    pattern: str
    """The exact term (matched without case), or a regular expression with ``is_regex``."""
    is_regex: NotRequired[bool]
    """Whether ``pattern`` is a regular expression. Default false."""
    name: NotRequired[str]
    """The item's name. Default: ``item-<position>``."""


class RaiBlocklistArgs(TypedDict):
    """A custom blocklist (RAI blocklist), created before the content-filter policies that use it."""

    name: str
    """The blocklist's name, referenced by ``rai_policies[].blocklists``."""
    description: NotRequired[str]
    """What the blocklist is for."""
    items: list[RaiBlocklistItemArgs]
    """The terms and patterns it blocks."""


def _policy_name(value: str) -> str:
    if value.lower().startswith("microsoft."):
        raise ValueError(f"names starting with 'Microsoft.' are reserved for Microsoft's policies (got {value!r})")
    return matches(r"[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}", "a policy name is 1 to 64 letters, digits, '-' or '_'")(value)


PolicyName = Annotated[StrictStr, AfterValidator(_policy_name)]
BlocklistName = Annotated[
    StrictStr,
    AfterValidator(
        matches(r"[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}", "a blocklist or item name is 1 to 64 letters, digits, '-' or '_'")
    ),
]


class ContentFilterSettings(Settings):
    category: HarmCategory
    threshold: FilterThreshold
    source: FilterSource | None = None


class RaiPolicySettings(Settings):
    name: PolicyName
    threshold: FilterThreshold = FilterThreshold.MEDIUM
    filters: tuple[ContentFilterSettings, ...] = ()
    mode: RaiMode = RaiMode.DEFAULT
    base_policy: BaseRaiPolicy = BaseRaiPolicy.DEFAULT_V2
    blocklists: tuple[BlocklistName, ...] = ()


class RaiBlocklistItemSettings(Settings):
    pattern: Annotated[StrictStr, Field(min_length=1)]
    is_regex: StrictBool = False
    name: BlocklistName | None = None


class RaiBlocklistSettings(Settings):
    name: BlocklistName
    description: StrictStr | None = None
    items: Annotated[tuple[RaiBlocklistItemSettings, ...], Field(min_length=1)]


def check_rai_policies(settings: "ServiceSettings") -> list[Problem]:
    problems = duplicate_names(n("rai_policies"), [p.name for p in settings.rai_policies], "policy")
    for i, policy in enumerate(settings.rai_policies):
        at = f"{n('rai_policies')}[{i}]"
        targets: dict[tuple[str, str | None], int] = {}
        for j, item in enumerate(policy.filters):
            target = (item.category.value, item.source.value if item.source else None)
            if target in targets:
                problems.append(
                    Problem(
                        f"{at}.filters[{j}]",
                        f"repeats {item.category} for the same source as filters[{targets[target]}]",
                    )
                )
            targets.setdefault(target, j)
    return problems


def check_blocklists(settings: "ServiceSettings") -> list[Problem]:
    problems = duplicate_names(n("rai_blocklists"), [b.name for b in settings.rai_blocklists], "blocklist")
    for i, blocklist in enumerate(settings.rai_blocklists):
        at = f"{n('rai_blocklists')}[{i}].items"
        names = [item_name(item, j) for j, item in enumerate(blocklist.items)]
        problems += duplicate_names(at, names, "item")
    problems += _item_resource_name_problems(settings.rai_blocklists)
    defined = {b.name for b in settings.rai_blocklists}
    for i, policy in enumerate(settings.rai_policies):
        for j, used in enumerate(policy.blocklists):
            if used not in defined:
                problems.append(
                    Problem(
                        f"{n('rai_policies')}[{i}].blocklists[{j}]",
                        f"{used!r} is not defined in {n('rai_blocklists')}; define it there",
                    )
                )
    return problems


def item_name(item: RaiBlocklistItemSettings, index: int) -> str:
    """The name Azure gets for the blocklist's ``index``-th item: its own, else ``item-<index>``."""
    return item.name or f"item-{index}"


def item_resource_suffix(blocklist: str, item: str) -> str:
    """What an item's Pulumi resource name adds to the component's: its blocklist's name and its own."""
    return f"blocklist-{blocklist}-{item}"


def _item_resource_name_problems(blocklists: Sequence[RaiBlocklistSettings]) -> list[Problem]:
    # Names with hyphens run together: `a-b` with item `c` and `a` with item `b-c` are one Pulumi resource name,
    # which the engine refuses halfway through the preview as a duplicate URN (review R25), after what came first.
    # Two items of one blocklist with one name are duplicate_names' to report.
    problems: list[Problem] = []
    seen: dict[str, tuple[int, str]] = {}
    for i, blocklist in enumerate(blocklists):
        for j, item in enumerate(blocklist.items):
            at = f"{n('rai_blocklists')}[{i}].items[{j}].name"
            suffix = item_resource_suffix(blocklist.name, item_name(item, j))
            first, where = seen.setdefault(suffix, (i, at))
            if first != i:
                problems.append(
                    Problem(
                        at,
                        f"gives the item the resource name `<component>-{suffix}`, which {where} has already; "
                        "rename one of the items or blocklists",
                    )
                )
    return problems


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


def content_filters(policy: RaiPolicySettings) -> "list[cognitiveservices.RaiPolicyContentFilterArgs]":
    """The policy's filters: every harm category on both sides, prompt shields, protected material."""
    from pulumi_azure_native import cognitiveservices

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


def custom_blocklists(policy: RaiPolicySettings) -> "list[cognitiveservices.CustomBlocklistConfigArgs] | None":
    """The policy's blocklists, each blocking on prompts and on completions; ``None`` when it uses none."""
    from pulumi_azure_native import cognitiveservices

    if not policy.blocklists:
        return None
    return [
        cognitiveservices.CustomBlocklistConfigArgs(blocklist_name=name, source=source.value, blocking=True)
        for name in policy.blocklists
        for source in FilterSource
    ]


def policy_properties(policy: RaiPolicySettings) -> "cognitiveservices.RaiPolicyPropertiesArgs":
    """The RaiPolicy resource's properties for ``policy``."""
    from pulumi_azure_native import cognitiveservices

    return cognitiveservices.RaiPolicyPropertiesArgs(
        base_policy_name=policy.base_policy.value,
        mode=policy.mode.value,
        content_filters=content_filters(policy),
        custom_blocklists=custom_blocklists(policy),
    )


def rai_blocklists(
    name: str,
    settings: Sequence[RaiBlocklistSettings],
    *,
    account: "cognitiveservices.Account",
    resource_group_name: "pulumi.Input[str]",
    after: "Sequence[pulumi.Resource]",
    tags: Mapping[str, str],
    parent: "pulumi.Resource",
) -> "tuple[list[cognitiveservices.RaiBlocklist], list[cognitiveservices.RaiBlocklistItem], list[pulumi.Resource]]":
    """Register each blocklist, then its items, one write after another, starting after ``after``.

    Returns the blocklists, the items, and the last write (for the next child to wait for).
    """
    import pulumi
    from pulumi_azure_native import cognitiveservices

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
            named = item_name(item, j)
            entry = cognitiveservices.RaiBlocklistItem(
                f"{name}-{item_resource_suffix(blocklist.name, named)}",
                rai_blocklist_item_name=named,
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


def rai_policies(
    name: str,
    settings: Sequence[RaiPolicySettings],
    *,
    account: "cognitiveservices.Account",
    resource_group_name: "pulumi.Input[str]",
    after: "Sequence[pulumi.Resource]",
    tags: Mapping[str, str],
    parent: "pulumi.Resource",
) -> "list[cognitiveservices.RaiPolicy]":
    """Register each policy on ``account``, one after another, starting after ``after`` (the last blocklist
    write), as children of ``parent``."""
    import pulumi
    from pulumi_azure_native import cognitiveservices

    policies: list[cognitiveservices.RaiPolicy] = []
    previous = list(after)
    for policy in settings:
        rai_policy = cognitiveservices.RaiPolicy(
            f"{name}-rai-{policy.name}",
            rai_policy_name=policy.name,
            account_name=account.name,
            resource_group_name=resource_group_name,
            properties=policy_properties(policy),
            tags=dict(tags),
            opts=pulumi.ResourceOptions(parent=parent, depends_on=previous),
        )
        policies.append(rai_policy)
        previous = [rai_policy]
    return policies
