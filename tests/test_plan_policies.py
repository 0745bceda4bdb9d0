"""The offline plan shows the policy pack's verdicts, as a pull request from a fork gets no `pulumi preview`.

Each stack's registrations go to the pack's own policies with the stack's config
as the engine passes it; a mandatory violation fails the plan as it would fail
the preview, and ``--policy-pack-config`` tunes the pack as it does for the CLI.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi.runtime
import pytest
import yaml

from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.policies.checks import (
    APPROVED_MODELS,
    CONTENT_FILTER_GUARDRAIL,
    CUSTOMER_MANAGED_KEY,
    LOCAL_AUTH_DISABLED,
    MANAGEMENT_LOCK,
    PUBLIC_NETWORK_ACCESS_DISABLED,
)
from azure_openai_guarded.guards.projectfile import read_stack
from plan.__main__ import main as plan_main
from plan.planner import Status, plan_file
from plan.policies import parse_policy_config

ROOT = Path(__file__).resolve().parent.parent
STACKS = ROOT / "stacks"
OWN_STACKS = sorted(STACKS.glob("Pulumi.*.yaml"))
SERVICE = "azure-openai-guarded:service"
USE_CASE = "azure-openai-guarded:useCase"

ADVISORIES = {
    # No allow-list is configured for the approved-models check, and none of the stacks uses its own key.
    "Pulumi.dev.yaml": {CUSTOMER_MANAGED_KEY.id, APPROVED_MODELS.id, MANAGEMENT_LOCK.id, CONTENT_FILTER_GUARDRAIL.id},
    "Pulumi.foundry.yaml": {CUSTOMER_MANAGED_KEY.id, APPROVED_MODELS.id},
    "Pulumi.gov.yaml": {CUSTOMER_MANAGED_KEY.id, APPROVED_MODELS.id, MANAGEMENT_LOCK.id},
}
"""The advisories each of the project's stacks leaves to a reviewer: dev's embeddings deployment has no
content-filter policy, and only the Foundry stack locks its account."""
DEV = len(ADVISORIES["Pulumi.dev.yaml"])


def violations_line(mandatory: int, advisory: int) -> str:
    return f"{mandatory} mandatory, {advisory} advisory violation{'' if advisory == 1 else 's'}"


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def dev_config() -> dict[str, Any]:
    return copy.deepcopy(read_stack(STACKS / "Pulumi.dev.yaml").full_config())


def write_stack(folder: Path, stack: str, config: dict[str, Any]) -> Path:
    path = folder / f"Pulumi.{stack}.yaml"
    path.write_text(yaml.safe_dump({"config": config}, sort_keys=False), encoding="utf-8")
    return path


def write_json(folder: Path, document: Any) -> Path:
    path = folder / "policy-config.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.fixture
def keys_stack(tmp_path: Path) -> Path:
    """A stack the guard allows that turns key authentication back on: the pack's local-auth check must flag it."""
    config = dev_config()
    config[SERVICE] |= {"localAuthEnabled": True, "exportKeys": True}
    return write_stack(tmp_path, "keys", config)


@pytest.mark.parametrize("path", OWN_STACKS, ids=[p.name for p in OWN_STACKS])
def test_the_projects_own_stacks_leave_only_advisories_to_the_reviewer(path: Path) -> None:
    plan = plan_file(path)
    assert plan.status is Status.ALLOWED
    assert plan.violations is not None
    assert {v.policy for v in plan.violations} == ADVISORIES[path.name]
    assert len(plan.violations) == len(ADVISORIES[path.name])
    assert plan.mandatory_violations == []


def test_the_plan_of_the_projects_stacks_passes_and_counts_the_policy_violations(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert plan_main([str(STACKS)]) == 0
    out = capsys.readouterr().out
    for path in OWN_STACKS:
        assert f"  policy pack: {violations_line(0, len(ADVISORIES[path.name]))}\n" in out
    assert f"    [advisory] {CUSTOMER_MANAGED_KEY.id}  cognitiveservices:Account " in out
    total = sum(len(ADVISORIES[path.name]) for path in OWN_STACKS)
    assert f"invalid; policy pack: 0 mandatory, {total} advisory violations." in out


def test_the_projects_stacks_show_no_violations_once_the_key_choice_is_disabled_in_the_pack_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    advisories = set().union(*ADVISORIES.values())
    config = write_json(tmp_path, dict.fromkeys(advisories, "disabled"))
    assert plan_main([str(STACKS), "--policy-pack-config", str(config)]) == 0
    out = capsys.readouterr().out
    assert out.count("  policy pack: no violations\n") == len(OWN_STACKS)
    assert "policy pack: 0 mandatory, 0 advisory violations." in out


def test_a_mandatory_violation_is_listed_with_its_policy_and_ids_and_fails_the_plan(
    keys_stack: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert plan_main([str(keys_stack)]) == 1
    out = capsys.readouterr().out
    assert "(stack keys)  BLOCKED" in out, "the guard allows the use case; the pack blocks the settings"
    assert "1 stack: 0 allowed, 1 blocked by policy, 0 denied, 0 invalid" in out
    assert f"  policy pack: {violations_line(1, DEV)}\n" in out
    assert f"    [mandatory] {LOCAL_AUTH_DISABLED.id}  cognitiveservices:Account support-bot-account\n" in out
    words = " ".join(out.split())  # the message is wrapped to the terminal
    assert "(mirrors CKV_AZURE_236, Azure Policy 71ef260a)" in words
    assert "`properties.disableLocalAuth` is false" in words
    assert "1 mandatory policy violation would stop `pulumi preview` and `pulumi up`." in out
    assert f"policy pack: {violations_line(1, DEV)}. Offline plan" in out


def test_the_markdown_plan_has_a_row_per_violation(keys_stack: Path, tmp_path: Path) -> None:
    output = tmp_path / "plan.md"
    assert plan_main([str(keys_stack), "--format", "markdown", "--output", str(output)]) == 1
    text = output.read_text(encoding="utf-8")
    assert f"Policy pack: **{violations_line(1, DEV)}**." in text
    assert "| Level | Policy | Resource | Message |" in text
    assert f"| mandatory | `{LOCAL_AUTH_DISABLED.id}` | cognitiveservices:Account support-bot-account | " in text


def test_lowering_the_check_to_advisory_in_the_pack_config_passes_the_plan_and_still_lists_it(
    keys_stack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_json(tmp_path, {LOCAL_AUTH_DISABLED.id: {"enforcementLevel": "advisory"}})
    assert plan_main([str(keys_stack), "--policy-pack-config", str(config)]) == 0
    out = capsys.readouterr().out
    assert f"    [advisory] {LOCAL_AUTH_DISABLED.id}  cognitiveservices:Account support-bot-account\n" in out
    assert f"policy pack: {violations_line(0, DEV + 1)}." in out


@pytest.mark.parametrize(
    ("document", "status"),
    [
        pytest.param({"all": "advisory"}, 0, id="all-lowers-every-policy"),
        pytest.param({"all": "advisory", LOCAL_AUTH_DISABLED.id: "mandatory"}, 1, id="a-policy-overrides-all"),
        pytest.param({LOCAL_AUTH_DISABLED.id: "disabled"}, 0, id="disabled"),
    ],
)
def test_the_pack_config_sets_levels_as_the_cli_does(
    keys_stack: Path, tmp_path: Path, document: dict[str, Any], status: int
) -> None:
    assert plan_main([str(keys_stack), "--policy-pack-config", str(write_json(tmp_path, document))]) == status


def test_a_policys_options_reach_it_through_the_pack_config(tmp_path: Path) -> None:
    config = dev_config()
    del config[SERVICE]["privateEndpoint"]
    config[SERVICE]["allowedIpRanges"] = ["203.0.113.0/24"]
    stack = write_stack(tmp_path, "public", config)
    blocked = plan_file(stack)
    assert [v.policy for v in blocked.mandatory_violations] == [PUBLIC_NETWORK_ACCESS_DISABLED.id]
    allowed = plan_file(stack, {PUBLIC_NETWORK_ACCESS_DISABLED.id: {"allowIpAllowList": True}})
    assert allowed.mandatory_violations == []


def test_the_policies_do_not_run_for_a_denied_stack_as_under_the_cli(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = dev_config()
    config[USE_CASE] |= {
        "operator": {"sector": "law_enforcement", "country": "US"},
        "capabilities": ["facial_recognition"],
        "facialRecognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
    }
    path = write_stack(tmp_path, "police", config)
    assert plan_file(path).violations is None
    assert plan_main([str(path)]) == 1
    assert "  policy pack: not run, the program did not complete\n" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        pytest.param(
            {"local-auth-disabeld": "advisory"}, "local-auth-disabeld: no such policy in the pack", id="typo-in-name"
        ),
        pytest.param(
            {LOCAL_AUTH_DISABLED.id: "off"},
            f"{LOCAL_AUTH_DISABLED.id}.enforcementLevel: 'off' is not one of advisory, mandatory, disabled",
            id="level",
        ),
        pytest.param(
            {PUBLIC_NETWORK_ACCESS_DISABLED.id: {"allowIpAllowlist": True}},
            f"{PUBLIC_NETWORK_ACCESS_DISABLED.id}.allowIpAllowlist: unknown option "
            "(this policy's options: allowIpAllowList)",
            id="unknown-option",
        ),
        pytest.param(
            {PUBLIC_NETWORK_ACCESS_DISABLED.id: {"allowIpAllowList": "yes"}},
            f"{PUBLIC_NETWORK_ACCESS_DISABLED.id}.allowIpAllowList: 'yes' is not a boolean",
            id="option-type",
        ),
        pytest.param(
            {LOCAL_AUTH_DISABLED.id: 3}, f"{LOCAL_AUTH_DISABLED.id}: must be an enforcement level", id="value"
        ),
        pytest.param(["local-auth-disabled"], "a JSON object keyed by policy name", id="not-an-object"),
    ],
)
def test_a_bad_pack_config_is_refused_naming_the_key(document: Any, problem: str) -> None:
    _, problems = parse_policy_config(document)
    assert any(problem in p for p in problems), problems


def test_every_problem_in_a_pack_config_is_reported_at_once_and_the_plan_runs_no_stack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write_json(tmp_path, {"nope": "advisory", LOCAL_AUTH_DISABLED.id: "off"})
    assert plan_main([str(STACKS), "--policy-pack-config", str(config)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{config}: nope: no such policy in the pack" in captured.err
    assert f"{config}: {LOCAL_AUTH_DISABLED.id}.enforcementLevel: 'off'" in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(None, "cannot read the policy pack config", id="missing"),
        pytest.param("{", "not valid JSON", id="json"),
    ],
)
def test_an_unreadable_pack_config_fails_the_plan_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, problem: str
) -> None:
    path = tmp_path / "policy-config.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert plan_main([str(STACKS), "--policy-pack-config", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{path}: ")
    assert problem in err


def test_the_plan_names_the_mandatory_policies_a_pack_config_disables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "policy-config.json"
    config.write_text('{"all": "disabled"}', encoding="utf-8")

    plan_main([str(STACKS / "Pulumi.dev.yaml"), "--policy-pack-config", str(config)])

    out = capsys.readouterr().out
    assert "disabled by --policy-pack-config: use-case-verdict, account-use-case-declared" in out


@pytest.mark.parametrize(
    ("owner", "allowed"),
    [
        pytest.param("Ufficio fatturazione clienti", True, id="in-italian-read-as-a-name"),
        pytest.param("Отдел распознавания лиц", False, id="in-another-script"),
    ],
)
def test_the_owner_is_read_alike_by_the_checker_and_by_the_pack_through_the_guards_own_owner_tag(
    tmp_path: Path, owner: str, allowed: bool
) -> None:
    config = dev_config()
    config[USE_CASE] |= {"owner": owner}
    path = write_stack(tmp_path, "owner", config)

    checked = check_file(path)

    assert checked.verdict is not None
    assert checked.verdict.allowed is allowed
    assert (plan_main([str(path)]) == 0) is allowed


def test_a_us_police_departments_owner_is_read_with_its_image_purpose_alike_by_the_checker_and_the_plan(
    tmp_path: Path,
) -> None:
    config = dev_config()
    config[USE_CASE] |= {
        "purpose": "Tell detectives who the person is.",
        "owner": "face-photos-desk@example.gov",
        "operator": {"sector": "law_enforcement", "country": "US"},
        "servedParties": [],
        "capabilities": ["image_analysis"],
    }
    path = write_stack(tmp_path, "owner", config)

    checked = check_file(path)

    assert checked.verdict is not None
    assert not checked.verdict.allowed, checked.verdict.summary()
    assert "read with useCase.owner" in checked.verdict.summary()
    assert plan_main([str(path)]) == 1


def test_a_us_police_departments_government_stack_is_allowed_alike_by_the_checker_and_the_plan(tmp_path: Path) -> None:
    # The pack reads the guard's own tags on the account (`aoai-guard-cloud: usgovernment`): codes, not words of
    # another language, where a law-enforcement party makes the language reading strict (review R9 H8).
    config = copy.deepcopy(read_stack(STACKS / "Pulumi.gov.yaml").full_config())
    config[USE_CASE] |= {
        "purpose": "Draft incident reports from officers' notes for review by a supervisor.",
        "operator": {"sector": "law_enforcement", "country": "US"},
        "servedParties": [],
        "capabilities": ["text_generation"],
        "humanReview": True,
    }
    path = write_stack(tmp_path, "police-gov", config)

    checked = check_file(path)

    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed, checked.verdict.summary()
    assert plan_main([str(path)]) == 0
