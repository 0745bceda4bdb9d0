"""Every entry point decides a Foundry stack alike: denied exactly when its own declaration or a project's is.

Generated stacks carry zero to three projects, each with or without its own declaration and a description.
Whether each declaration is allowed comes from the engine deciding it as the stack's own
(``tests.declarations.decide``), independently of how the entry points combine the projects, and a project's
description must hide nothing its purpose would show: it is decided as the purpose of the declaration that
governs it. The checker, the policy pack and the program must then all deny exactly the stacks where one of those
decisions denies, and the program must register nothing.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

import pulumi.runtime
import yaml
from hypothesis import event, given
from hypothesis import strategies as st

from azure_openai_guarded.guards.checker import check_file
from mockengine.program import run_program
from tests.declarations import decide, stack_document, use_case
from tests.oracle import UNITED_STATES
from tests.strategies import declarations, use_cases
from tests.test_policy_properties import stack_violations

DESCRIPTIONS = (
    "Summarise the support tickets of the day for the service desk.",
    "Blur every face in the training videos before they are published.",
    "Identify suspects for the NYPD by matching faces in the footage against mugshots.",
    "Match the faces seen by officers' body-worn cameras on patrol, live, against the watch list.",
    "Answer staff questions about the sheriff's office's leave policy.",
    "Count the visitors who enter the museum each hour.",
)
"""Project descriptions: ordinary ones, and ones that describe recognition, a (US) police customer or live
mobile cameras."""


@st.composite
def foundry_stacks(draw: st.DrawFn) -> dict[str, Any]:
    config = draw(declarations())
    if draw(st.booleans()):
        # Half the stacks declare an allowed use case of their own, so that a project alone decides them.
        config["useCase"] = use_case()
    projects = []
    for i in range(draw(st.integers(0, 3))):
        project: dict[str, Any] = {"name": f"team-{i}"}
        if draw(st.booleans()):
            project["useCase"] = draw(use_cases()) | {"name": f"team-{i}"}
        if draw(st.booleans()):
            project["description"] = draw(st.sampled_from(DESCRIPTIONS))
        projects.append(project)
    config["service"] |= {"kind": "AIServices", "projects": projects}
    return config


def names_the_police_of_the_account(config: dict[str, Any], project: dict[str, Any]) -> bool:
    """Whether a project's own declaration names every law enforcement its account is operated by or built for
    (by country, US territories counting as the US): what the account is, its projects are."""

    def police(use: dict[str, Any]) -> set[str]:
        parties = [use.get("operator", {}), *use.get("servedParties", [])]
        countries = {p["country"].strip().upper() for p in parties if p.get("sector") == "law_enforcement"}
        return {"US" if c in UNITED_STATES else c for c in countries}

    account = config.get("useCase", {})
    if account and "servedParties" not in account and "facial_recognition" in project.get("capabilities", []):
        return False  # whom the account is built for is unknown, so its projects may be for US police
    return police(account) <= police(project)


def expected_allowed(config: dict[str, Any]) -> bool:
    """The engine's verdict on the stack's declaration and on each project's own, as if each were a stack's;
    a project's own that leaves out the police operating its account is denied too, and so is one whose
    description, as the purpose of the declaration that governs it, would be."""
    decided = [decide(config).allowed]
    for project in config["service"]["projects"]:
        if "useCase" in project:
            decided.append(decide({**copy.deepcopy(config), "useCase": project["useCase"]}).allowed)
            decided.append(names_the_police_of_the_account(config, project["useCase"]))
        governing = project.get("useCase", config.get("useCase"))
        if "description" in project and governing is not None:
            as_purpose = {**copy.deepcopy(governing), "purpose": project["description"]}
            decided.append(decide({**copy.deepcopy(config), "useCase": as_purpose}).allowed)
    return all(decided)


@given(foundry_stacks())
def test_the_checker_the_pack_and_the_program_deny_exactly_the_stacks_with_a_denied_declaration(
    config: dict[str, Any],
) -> None:
    allowed = expected_allowed(config)
    event("allowed" if allowed else "denied")
    event("stack allowed, a project denied" if decide(config).allowed and not allowed else "no project alone denies")
    undescribed = copy.deepcopy(config)
    for project in undescribed["service"]["projects"]:
        project.pop("description", None)
    event("a description alone denies" if expected_allowed(undescribed) and not allowed else "no description denies")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "Pulumi.generated.yaml"
        path.write_text(yaml.safe_dump(stack_document(config), sort_keys=False), encoding="utf-8")
        checked = check_file(path)
    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed is allowed

    assert (stack_violations(config) == []) is allowed

    run = run_program(stack_document(config)["config"], stack="generated")
    pulumi.runtime.set_all_config({})
    assert (run.error is None) is allowed, run.error
    if not allowed:
        assert run.resources == []
