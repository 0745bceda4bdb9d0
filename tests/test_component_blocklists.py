"""Custom blocklists: created before the content-filter policies that name them, and the policies before the
deployments, one write at a time."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from mockengine.program import ProgramRun, Registered
from tests.samples import build, deployments, service_args

BLOCKLIST = "azure-native:cognitiveservices:RaiBlocklist"
ITEM = "azure-native:cognitiveservices:RaiBlocklistItem"
POLICY = "azure-native:cognitiveservices:RaiPolicy"
DEPLOYMENT = "azure-native:cognitiveservices:Deployment"

BLOCKLISTS = [
    {
        "name": "codenames",
        "description": "Internal codenames.",
        "items": [{"pattern": "bluebird"}, {"pattern": "kestrel"}],
    },
    {"name": "ids", "items": [{"name": "tickets", "pattern": "INC-[0-9]{6}", "is_regex": True}]},
]


def with_blocklists(**overrides: Any) -> Any:
    chain = deployments(1)
    chain[0]["rai_policy"] = "strict"
    args = {
        "rai_blocklists": BLOCKLISTS,
        "rai_policies": [{"name": "strict", "blocklists": ["codenames", "ids"]}],
        "deployments": chain,
    }
    return service_args(**(args | overrides))


@pytest.fixture(scope="module")
def run() -> ProgramRun:
    result = build(with_blocklists())
    assert result.error is None, result.error
    return result


def by_name(run: ProgramRun, type_token: str) -> dict[str, Registered]:
    return {r.name: r for r in run.of_type(type_token)}


def test_each_blocklist_and_item_is_registered_with_its_properties(run: ProgramRun) -> None:
    blocklists = by_name(run, BLOCKLIST)
    assert blocklists["svc-blocklist-codenames"].inputs["properties"] == {"description": "Internal codenames."}
    items = by_name(run, ITEM)
    assert sorted(items) == [
        "svc-blocklist-codenames-item-0",
        "svc-blocklist-codenames-item-1",
        "svc-blocklist-ids-tickets",
    ]
    tickets = items["svc-blocklist-ids-tickets"].inputs
    assert tickets["raiBlocklistName"] == "ids"
    assert tickets["raiBlocklistItemName"] == "tickets"
    assert tickets["properties"] == {"pattern": "INC-[0-9]{6}", "isRegex": True}
    assert items["svc-blocklist-codenames-item-0"].inputs["properties"] == {"pattern": "bluebird", "isRegex": False}


def test_blocklists_and_items_are_written_one_after_another_before_the_policies(run: ProgramRun) -> None:
    blocklists, items, policies = by_name(run, BLOCKLIST), by_name(run, ITEM), by_name(run, POLICY)
    order = [
        blocklists["svc-blocklist-codenames"],
        items["svc-blocklist-codenames-item-0"],
        items["svc-blocklist-codenames-item-1"],
        blocklists["svc-blocklist-ids"],
        items["svc-blocklist-ids-tickets"],
        policies["svc-rai-strict"],
        by_name(run, DEPLOYMENT)["svc-deployment-chat-0"],
    ]
    for earlier, later in pairwise(order):
        assert earlier.urn in later.dependencies, (earlier.name, later.name)


def test_a_policy_applies_each_of_its_blocklists_to_prompts_and_completions_blocking(run: ProgramRun) -> None:
    (policy,) = run.of_type(POLICY)
    assert policy.inputs["properties"]["customBlocklists"] == [
        {"blocklistName": name, "source": source, "blocking": True}
        for name in ("codenames", "ids")
        for source in ("Prompt", "Completion")
    ]


def test_a_policy_without_blocklists_names_none() -> None:
    result = build(service_args(rai_policies=[{"name": "strict"}]))
    (policy,) = result.of_type(POLICY)
    assert "customBlocklists" not in policy.inputs["properties"]


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        (
            {"rai_policies": [{"name": "strict", "blocklists": ["missing"]}]},
            "rai_policies[0].blocklists[0]",
            "'missing' is not defined in rai_blocklists",
        ),
        (
            {"rai_blocklists": [*BLOCKLISTS, {"name": "IDS", "items": [{"pattern": "x"}]}]},
            "rai_blocklists[2].name",
            "already the name of rai_blocklists[1]",
        ),
        (
            {
                "rai_blocklists": [
                    {"name": "twice", "items": [{"pattern": "a", "name": "x"}, {"pattern": "b", "name": "x"}]}
                ]
            },
            "rai_blocklists[0].items[1].name",
            "item names must be unique",
        ),
        (
            # `a-b` + `c` and `a` + `b-c` run together into one Pulumi resource name (review R25).
            {
                "rai_blocklists": [
                    {"name": "a-b", "items": [{"pattern": "foo", "name": "c"}]},
                    {"name": "a", "items": [{"pattern": "bar", "name": "b-c"}]},
                ],
                "rai_policies": [{"name": "strict", "blocklists": ["a-b", "a"]}],
            },
            "rai_blocklists[1].items[0].name",
            "which rai_blocklists[0].items[0].name has already",
        ),
        (
            {
                "rai_blocklists": [
                    {"name": "terms-item", "items": [{"pattern": "foo", "name": "0"}]},
                    {"name": "terms", "items": [{"pattern": "bar"}]},
                ],
                "rai_policies": [{"name": "strict", "blocklists": ["terms-item", "terms"]}],
            },
            "rai_blocklists[1].items[0].name",
            "`<component>-blocklist-terms-item-0`",
        ),
        ({"rai_blocklists": [{"name": "empty", "items": []}]}, "rai_blocklists[0].items", "at least 1 item"),
        ({"rai_blocklists": [{"name": "blank", "items": [{"pattern": ""}]}]}, "rai_blocklists[0].items[0].pattern", ""),
    ],
)
def test_a_blocklist_azure_would_refuse_is_refused_before_anything_is_registered(
    overrides: dict[str, Any], field: str, words: str
) -> None:
    result = build(with_blocklists(**overrides))
    assert result.resources == []
    assert f"  {field}: " in str(result.error), result.error
    assert words in str(result.error)
