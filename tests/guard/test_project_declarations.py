"""A Foundry project's own declaration, in the account it lives in.

The account's operator runs every project in it, and what the account is built for its projects are built for:
a project that declares its own use case in an account operated by or built for law enforcement must name that
law enforcement among its parties, or the two declarations contradict each other and the project is used by or
for the police whatever its own declaration says.
"""

from __future__ import annotations

from typing import Any

import pytest

from azure_openai_guarded.guards import Cloud, UseCase
from azure_openai_guarded.guards.declaration import validate
from azure_openai_guarded.guards.projects import ProjectDeclaration, decide_projects
from azure_openai_guarded.guards.rules import (
    DECLARATION_INCOMPLETE,
    DECLARATION_INCONSISTENT,
    FR_REALTIME_MOBILE_UNCONTROLLED,
    FR_US_LAW_ENFORCEMENT,
)
from tests.declarations import fr_facts, police, use_case, vendor


def model(**overrides: Any) -> UseCase:
    return validate(UseCase, use_case(**overrides), ("useCase",), spelling="config")


FACE_MATCHING = {"capabilities": ["facial_recognition"], "facialRecognition": fr_facts()}

CASES = [
    pytest.param(
        police("US"), {"operator": vendor("US"), "servedParties": []}, True, id="us-police-account-vendor-project"
    ),
    pytest.param(
        police("GB"), {"operator": vendor("GB"), "servedParties": []}, True, id="uk-police-account-vendor-project"
    ),
    pytest.param(
        police("US"), {"operator": vendor("US"), "servedParties": [police("US")]}, False, id="project-names-it"
    ),
    pytest.param(police("GB"), {"operator": police("GB"), "servedParties": []}, False, id="project-operated-by-it"),
    pytest.param(police("US"), {"operator": vendor("US"), "servedParties": [police("GB")]}, True, id="other-country"),
    pytest.param(vendor("US"), {"operator": vendor("GB"), "servedParties": []}, False, id="commercial-account"),
    pytest.param(police("PR"), {"operator": vendor("US"), "servedParties": [police("US")]}, False, id="us-territory"),
]

SERVED_CASES = [
    pytest.param([police("US")], {"operator": vendor("US"), "servedParties": []}, True, id="account-for-us-police"),
    pytest.param([police("US")], {"operator": vendor("US"), "servedParties": [police("US")]}, False, id="named"),
    pytest.param(
        [police("US"), police("GB")], {"operator": vendor("US"), "servedParties": [police("GB")]}, True, id="one-of-two"
    ),
    pytest.param([vendor("GB")], {"operator": vendor("US"), "servedParties": []}, False, id="account-for-a-company"),
]


@pytest.mark.parametrize(("account_operator", "project", "contradicts"), CASES)
def test_a_project_in_a_police_account_must_name_that_police_among_its_parties(
    account_operator: dict[str, str], project: dict[str, Any], contradicts: bool
) -> None:
    account = model(operator=account_operator, servedParties=[])
    own = model(**project, **FACE_MATCHING)

    [decision] = decide_projects(
        [ProjectDeclaration("matching", own, "service.projects[0].useCase")], account, Cloud.PUBLIC
    )

    inconsistent = [f for f in decision.verdict.findings if "operated by or built for law enforcement" in f.message]
    assert bool(inconsistent) is contradicts
    if contradicts:
        assert not decision.verdict.allowed
        assert inconsistent[0].rule == DECLARATION_INCONSISTENT.id
        assert "`servedParties`" in inconsistent[0].message


def test_a_project_that_names_the_us_police_operating_its_account_is_decided_as_used_by_it() -> None:
    account = model(operator=police("US"), servedParties=[])
    own = model(operator=vendor("US"), servedParties=[police("US")], **FACE_MATCHING)

    [decision] = decide_projects(
        [ProjectDeclaration("matching", own, "service.projects[0].useCase")], account, Cloud.PUBLIC
    )

    assert FR_US_LAW_ENFORCEMENT.id in {f.rule for f in decision.verdict.denials}


@pytest.mark.parametrize(("served", "project", "contradicts"), SERVED_CASES)
def test_a_project_in_an_account_built_for_police_must_name_that_police_among_its_parties(
    served: list[dict[str, str]], project: dict[str, Any], contradicts: bool
) -> None:
    account = model(operator=vendor("US"), servedParties=served)
    own = model(**project, **FACE_MATCHING)

    [decision] = decide_projects(
        [ProjectDeclaration("matching", own, "service.projects[0].useCase")], account, Cloud.PUBLIC
    )

    inconsistent = [f for f in decision.verdict.findings if "built for law enforcement" in f.message]
    assert bool(inconsistent) is contradicts
    if contradicts:
        assert "useCase.servedParties[" in inconsistent[0].message


@pytest.mark.parametrize(
    ("account_served", "capabilities", "purpose", "incomplete"),
    [
        pytest.param(None, ["facial_recognition"], None, True, id="left-out-with-recognition"),
        pytest.param([], ["facial_recognition"], None, False, id="serves-no-one"),
        pytest.param(None, ["text_generation"], None, False, id="left-out-without-recognition"),
        pytest.param(None, ["face_detection"], "Process camera footage.", True, id="left-out-with-face-detection"),
        pytest.param(
            None, ["face_detection"], "Blur every face in the footage.", False, id="left-out-with-faces-blurred"
        ),
        pytest.param([], ["face_detection"], "Process camera footage.", False, id="face-detection-serving-no-one"),
    ],
)
def test_a_projects_recognition_or_unexplained_face_detection_in_an_account_whose_parties_are_left_out_is_incomplete(
    account_served: list[dict[str, str]] | None, capabilities: list[str], purpose: str | None, incomplete: bool
) -> None:
    account = model() if account_served is None else model(servedParties=account_served)
    facts = {"facialRecognition": fr_facts()} if "facial_recognition" in capabilities else {}
    said = {"purpose": purpose} if purpose else {}
    own = model(servedParties=[], capabilities=capabilities, **facts, **said)

    [decision] = decide_projects(
        [ProjectDeclaration("matching", own, "service.projects[0].useCase")], account, Cloud.PUBLIC
    )

    found = [f for f in decision.verdict.denials if f.rule == DECLARATION_INCOMPLETE.id]
    assert bool(found) is incomplete
    if incomplete:
        assert "useCase.servedParties, the parties the account is built for" in found[0].message


SIBLING_CASES = [
    # (id, the account's own declaration, the first project's, the second's, the rule that denies, or None)
    pytest.param(
        {"operator": vendor("US"), "servedParties": []},
        {"operator": police("US"), "servedParties": [], "capabilities": ["text_generation"]},
        {"operator": vendor("US"), "servedParties": [], **FACE_MATCHING},
        FR_US_LAW_ENFORCEMENT.id,
        id="us-police-beside-a-recognising-project",
    ),
    pytest.param(
        {"operator": vendor("US"), "servedParties": []},
        {"operator": vendor("US"), "capabilities": ["text_generation"]},
        {"operator": vendor("US"), "servedParties": [], **FACE_MATCHING},
        DECLARATION_INCOMPLETE.id,
        id="served-parties-left-out-beside-a-recognising-project",
    ),
    pytest.param(
        {"operator": vendor("US"), "servedParties": [], **FACE_MATCHING},
        {"operator": vendor("US"), "servedParties": [police("US")], "capabilities": ["text_generation"]},
        {"operator": vendor("US"), "servedParties": [], "capabilities": ["text_generation"]},
        FR_US_LAW_ENFORCEMENT.id,
        id="a-recognising-account-with-a-project-for-us-police",
    ),
    pytest.param(
        {"operator": vendor("GB"), "servedParties": []},
        {"operator": police("GB"), "servedParties": [], "capabilities": ["text_generation"]},
        {"operator": vendor("GB"), "servedParties": [], **FACE_MATCHING},
        None,
        id="uk-police-beside-a-recognising-project",
    ),
    pytest.param(
        {"operator": vendor("US"), "servedParties": []},
        {"operator": vendor("US"), "servedParties": [], "capabilities": ["text_generation"]},
        {"operator": vendor("US"), "servedParties": [], **FACE_MATCHING},
        None,
        id="a-company-beside-a-recognising-project",
    ),
]


@pytest.mark.parametrize(("account", "first", "second", "denies"), SIBLING_CASES)
def test_recognition_in_one_account_is_denied_where_another_of_its_declarations_may_be_for_us_police(
    account: dict[str, Any], first: dict[str, Any], second: dict[str, Any], denies: str | None
) -> None:
    projects = [
        ProjectDeclaration("reports", model(**first), "service.projects[0].useCase"),
        ProjectDeclaration("lobby", model(**second), "service.projects[1].useCase"),
    ]

    decisions = decide_projects(projects, model(**account), Cloud.PUBLIC)

    rules = {f.rule for d in decisions for f in d.verdict.findings if f.severity.value == "deny"}
    assert all(d.verdict.allowed for d in decisions) is (denies is None), rules
    assert denies is None or denies in rules


CLAUSE_2 = {"capabilities": ["facial_recognition"], "facialRecognition": fr_facts(True, ("handheld",), "uncontrolled")}


@pytest.mark.parametrize(
    ("first", "second", "denies"),
    [
        pytest.param(
            {"operator": police("GB"), "servedParties": [], "capabilities": ["text_generation"]},
            {"operator": vendor("GB"), "servedParties": [], **CLAUSE_2},
            FR_REALTIME_MOBILE_UNCONTROLLED.id,
            id="uk-police-beside-live-recognition-in-the-wild",
        ),
        pytest.param(
            {"operator": vendor("GB"), "servedParties": [vendor("GB")], "capabilities": ["text_generation"]},
            {"operator": vendor("GB"), "servedParties": [vendor("GB")], **CLAUSE_2},
            None,
            id="the-same-company-served-by-both",
        ),
    ],
)
def test_live_recognition_in_one_project_is_decided_for_the_police_another_project_is_built_for(
    first: dict[str, Any], second: dict[str, Any], denies: str | None
) -> None:
    projects = [
        ProjectDeclaration("reports", model(**first), "service.projects[0].useCase"),
        ProjectDeclaration("gates", model(**second), "service.projects[1].useCase"),
    ]

    decisions = decide_projects(projects, model(operator=vendor("GB"), servedParties=[]), Cloud.PUBLIC)

    rules = {f.rule for d in decisions for f in d.verdict.denials}
    assert all(d.verdict.allowed for d in decisions) is (denies is None), rules
    assert denies is None or denies in rules
