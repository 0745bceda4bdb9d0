"""A component applies the running project's own ``guardProfile``, as the checker applies it to the stack.

A consumer writes ``<project>:guardProfile: strict`` in its stack file; the checker decides the stack under
``strict``, so the component must too, whatever its program passes (or forgets to pass) as ``guard_profile``:
the stricter of the two decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pulumi
import pytest

from azure_openai_guarded.components import AzureOpenAIService
from azure_openai_guarded.components.clouds import COMMERCIAL
from azure_openai_guarded.components.declaration import read_component_args
from azure_openai_guarded.guards.rules import STRICT_FR_LAW_ENFORCEMENT
from mockengine.program import run_callable
from tests.samples import service_args

CONSUMER = "support-chat"


@pytest.fixture(autouse=True)
def no_config_left_behind() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({}, [])


def gb_custody_matching() -> dict[str, Any]:
    """Allowed by the terms in commercial Azure; denied by strict."""
    return {
        "name": "custody-match",
        "purpose": "Match custody photos against the force's records of prior arrests.",
        "owner": "records@police.example.uk",
        "operator": {"sector": "law_enforcement", "country": "GB"},
        "served_parties": [],
        "capabilities": ["facial_recognition"],
        "facial_recognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
        "human_review": True,
    }


@pytest.mark.parametrize(
    ("project", "argument", "denied"),
    [
        (None, None, False),
        ("terms", None, False),
        ("strict", None, True),
        ("strict", "terms", True),
        ("terms", "strict", True),
        (None, "strict", True),
    ],
)
def test_the_stricter_of_the_projects_guard_profile_and_the_argument_decides(
    project: str | None, argument: str | None, denied: bool
) -> None:
    config = {f"{CONSUMER}:guardProfile": project} if project else {}
    extra = {"guard_profile": argument} if argument else {}
    args = service_args(use_case=gb_custody_matching(), **extra)
    run = run_callable(lambda: AzureOpenAIService("svc", args), config, project=CONSUMER)
    assert (run.error is not None) is denied, run.error
    if denied:
        assert STRICT_FR_LAW_ENFORCEMENT.id in (run.error or "")
        assert run.resources == []


def test_a_ready_declaration_decided_under_a_weaker_profile_than_the_projects_is_refused() -> None:
    declared = read_component_args(service_args(use_case=gb_custody_matching()), COMMERCIAL, spelling="python")
    config = {f"{CONSUMER}:guardProfile": "strict"}
    run = run_callable(lambda: AzureOpenAIService.from_declaration("svc", declared), config, project=CONSUMER)
    assert run.error is not None
    assert f"declaration: was decided under the `terms` profile, and this project's `{CONSUMER}:guardProfile`" in (
        run.error
    )
    assert run.resources == []


def test_a_secret_guard_profile_is_refused_as_the_checker_refuses_it() -> None:
    key = f"{CONSUMER}:guardProfile"

    def body() -> None:
        pulumi.runtime.set_all_config({key: "strict"}, [key])
        AzureOpenAIService("svc", service_args())

    run = run_callable(body, project=CONSUMER)
    assert run.error is not None
    assert f"{CONSUMER}:guardProfile: is an encrypted (`secure:`) value" in run.error
    assert run.resources == []
