"""A component reads the running consumer project's own ``useCase`` config with the strict reader too.

A TypeScript program decodes ``<project>:useCase`` with ``JSON.parse`` (the last of a repeated key wins), and a
Go one with ``encoding/json`` (keys matched in any letter case, unknown ones dropped), before handing the
component one clean object. The checker and the pack call such a config invalid, so the component, which the
program cannot bypass, refuses it too, whatever object the program passes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pulumi
import pytest

from azure_openai_guarded.components import AzureOpenAIService
from azure_openai_guarded.components.clouds import COMMERCIAL
from azure_openai_guarded.components.declaration import read_component_args
from mockengine.program import run_callable
from tests.samples import service_args, support_bot

CONSUMER = "support-chat-ts"
KEY = f"{CONSUMER}:useCase"
WRITTEN = {k: v for k, v in support_bot().items() if k != "human_review"} | {"humanReview": True}
"""The use case as a stack file writes it."""


@pytest.fixture(autouse=True)
def no_config_left_behind() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({}, [])


def repeated_operator() -> str:
    police = json.dumps({"sector": "law_enforcement", "country": "US"})
    company = json.dumps({"sector": "commercial", "country": "US"})
    text = json.dumps(WRITTEN)
    return text[:-1] + f', "operator": {police}, "operator": {company}}}'


@pytest.mark.parametrize(
    ("written", "says"),
    [
        (repeated_operator(), "operator"),
        (json.dumps({**WRITTEN, "Operator": {"sector": "law_enforcement", "country": "US"}}), "Operator"),
        (json.dumps({**WRITTEN, "servedPartys": []}), "servedPartys"),
    ],
    ids=["repeated-key", "key-in-another-case", "unknown-key"],
)
def test_a_consumers_use_case_config_the_strict_reader_refuses_stops_the_component(written: str, says: str) -> None:
    # The program passes the clean object a lax decoder made of it.
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()), {KEY: written}, project=CONSUMER)
    assert run.resources == []
    assert run.error is not None
    assert f"{KEY}.{says}" in run.error


def test_a_consumers_valid_use_case_config_lets_the_component_decide_its_arguments() -> None:
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()), {KEY: json.dumps(WRITTEN)}, project=CONSUMER)
    assert run.error is None, run.error


def test_a_ready_declaration_is_refused_beside_a_consumer_config_the_strict_reader_refuses() -> None:
    declared = read_component_args(service_args(), COMMERCIAL, spelling="python")
    run = run_callable(
        lambda: AzureOpenAIService.from_declaration("svc", declared), {KEY: repeated_operator()}, project=CONSUMER
    )
    assert run.resources == []
    assert f"{KEY}.operator" in (run.error or "")


@pytest.mark.parametrize("key", ["guardprofile", "guard_profile", "GuardProfile", "usecase"])
def test_a_near_miss_of_a_declaring_key_in_the_consumers_config_stops_the_component(key: str) -> None:
    # The checker and the pack call it invalid; read as nothing, a strict profile would be silently dropped.
    config = {f"{CONSUMER}:{key}": "strict"}
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()), config, project=CONSUMER)
    assert run.resources == []
    assert f"{CONSUMER}:{key}: unknown key; did you mean" in (run.error or "")


def us_police_matching() -> dict[str, object]:
    return WRITTEN | {
        "operator": {"sector": "law_enforcement", "country": "US"},
        "capabilities": ["facial_recognition"],
        "facialRecognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
    }


def test_a_denied_use_case_in_the_consumers_config_stops_a_component_the_program_hands_another() -> None:
    # The checker and the pack decide the stack's declared use case whatever the program passes in code.
    config = {KEY: json.dumps(us_police_matching())}
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()), config, project=CONSUMER)
    assert run.resources == []
    said = "denied the use case `support-chat-ts:useCase`, this stack's declared use case, which the program does not"
    assert said in (run.error or "")


def test_a_consumers_declaration_with_the_cloud_unset_is_decided_for_every_cloud_as_the_checker_decides_it() -> None:
    # A British operator is allowed in commercial Azure and refused in Azure Government, which serves US entities
    # only; with `azure-native:environment` unset the checker and the pack decide for both, so the component does
    # too (review R23).
    british = {**support_bot(), "operator": {"sector": "commercial", "country": "GB"}}
    written = json.dumps({**WRITTEN, "operator": british["operator"]})
    args = service_args(use_case=british)

    unset = run_callable(lambda: AzureOpenAIService("svc", args), {KEY: written}, project=CONSUMER)
    public = run_callable(
        lambda: AzureOpenAIService("svc", args),
        {KEY: written, "azure-native:environment": "public"},
        project=CONSUMER,
    )

    assert unset.resources == []
    assert "(set `azure-native:environment` to the cloud the stack deploys to)" in (unset.error or "")
    assert "Azure Government" in (unset.error or "")
    assert public.error is None, public.error
