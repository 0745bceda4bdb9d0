"""AzureOpenAIService cannot be built without a declaration, and a denied one registers nothing."""

from __future__ import annotations

import pytest

from azure_openai_guarded.components import AzureOpenAIService, GuardDeniedError
from azure_openai_guarded.guards import tags as guard_tags
from azure_openai_guarded.guards.rules import (
    DECLARATION_INCOMPLETE,
    FR_US_LAW_ENFORCEMENT,
    LE_GENERATIVE_REVIEW,
    STRICT_FR_ANY,
)
from tests.samples import SUBNET_ID, WORKSPACE_ID, build, service_args, support_bot, us_police_facial_recognition


def test_a_denied_declaration_registers_nothing() -> None:
    run = build(
        service_args(
            use_case=us_police_facial_recognition(),
            create_resource_group=True,
            private_endpoint={"subnet_id": SUBNET_ID},
            log_analytics_workspace_id=WORKSPACE_ID,
        )
    )
    assert run.resources == []
    assert run.error is not None
    assert FR_US_LAW_ENFORCEMENT.id in run.error
    assert "AzureOpenAIService 'svc': the guard denied this use case; nothing was created." in run.error


def test_the_denial_is_a_run_error_carrying_the_verdict() -> None:
    with pytest.raises(GuardDeniedError) as raised:
        AzureOpenAIService("svc", service_args(use_case=us_police_facial_recognition()))
    assert not raised.value.verdict.allowed
    assert [f.rule for f in raised.value.verdict.denials] == [FR_US_LAW_ENFORCEMENT.id]


def test_a_declaration_that_leaves_facts_open_is_denied() -> None:
    use_case = us_police_facial_recognition()
    use_case["operator"] = {"sector": "law_enforcement", "country": "GB"}
    del use_case["facial_recognition"]
    run = build(service_args(use_case=use_case))
    assert run.resources == []
    assert DECLARATION_INCOMPLETE.id in (run.error or "")


def test_the_strict_profile_denies_what_the_terms_allow() -> None:
    use_case = us_police_facial_recognition()
    use_case["operator"] = {"sector": "commercial", "country": "GB"}
    use_case["served_parties"] = []
    use_case["purpose"] = "Let employees unlock the office door by looking at a fixed camera."
    use_case["owner"] = "facilities@example.co.uk"
    assert build(service_args(use_case=use_case)).error is None
    strict = build(service_args(use_case=use_case, guard_profile="strict"))
    assert strict.resources == []
    assert STRICT_FR_ANY.id in (strict.error or "")


def test_an_allowed_declaration_with_warnings_is_tagged_as_such() -> None:
    use_case = support_bot()
    use_case["operator"] = {"sector": "law_enforcement", "country": "US"}
    use_case["purpose"] = "Draft incident report narratives from officers' notes."
    del use_case["human_review"]
    run = build(service_args(use_case=use_case))
    assert run.error is None, run.error
    assert run.outputs["verdict"]["verdict"] == "allowed-with-warnings"
    assert [f["rule"] for f in run.outputs["verdict"]["findings"]] == [LE_GENERATIVE_REVIEW.id]
    # A Python caller's verdict names the fields it wrote: the Python names.
    [finding] = run.outputs["verdict"]["findings"]
    assert finding["paths"] == ["use_case.operator", "use_case.capabilities"]
    (account,) = run.of_type("azure-native:cognitiveservices:Account")
    assert account.inputs["tags"][guard_tags.VERDICT] == "allowed-with-warnings"


def test_the_verdict_output_reports_the_rule_set() -> None:
    verdict = build(service_args()).outputs["verdict"]
    assert verdict["allowed"] is True
    assert verdict["profile"] == "terms"
    assert verdict["ruleset_version"]
    assert verdict["terms_version"] == "2024-05-01"


def test_missing_diagnostics_and_network_path_are_logged_as_advisories() -> None:
    run = build(service_args())
    assert any("no log_analytics_workspace_id" in w for w in run.warnings)
    assert any("no private_endpoint and no allowed_ip_ranges" in w for w in run.warnings)
    quiet = build(service_args(log_analytics_workspace_id=WORKSPACE_ID, private_endpoint={"subnet_id": SUBNET_ID}))
    assert quiet.warnings == []
