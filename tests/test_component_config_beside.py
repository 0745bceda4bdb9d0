"""A consumer's component refuses every stack whose config the pack refuses, before it registers anything.

A consumer project's stack config may declare, beside the project's own ``useCase``, another namespace's use case,
one written inside another key, or one in this library's namespace. The program may read any of them, so the
checker decides each, and the pack's ``use-case-denied-creates-nothing`` refuses every resource of a stack where
one is denied or invalid, or where pieces of a declaration written beside the project's own deny it once put in.
The component decided only its own, and registered: a preview without the pack passed
where the checker and the pack failed, and with the pack, ``pulumi up`` aborted mid-program (review R23). Now the
component reads the config as the pack does (``guards/stack_config.py``), and the three agree on every case.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi
import pytest
import yaml

from azure_openai_guarded.components import AzureOpenAIService
from azure_openai_guarded.guards import PROJECT
from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.stack_config import config_refusal, stack_context
from mockengine.program import run_callable
from tests.declarations import fr_facts, police, use_case
from tests.samples import service_args

CONSUMER = "support-chat"
OWN = f"{CONSUMER}:useCase"
ALLOWED = use_case()
DENIED = use_case(
    name="suspect-match",
    purpose="Match booking photos against prior arrests.",
    operator=police("US"),
    servedParties=[],
    capabilities=["facial_recognition"],
    facialRecognition=fr_facts(),
)
MISSPELT = use_case(servedPartys=[])


@pytest.fixture(autouse=True)
def no_config_left_behind() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({}, [])


DENIES = "the guard denied the use case `{}`"
INVALID = "the stack's config refuses it; nothing was created.\n  {}: "

CASES: list[tuple[str, dict[str, Any], str | None]] = [
    # (case, config beside the project's own allowed use case, what the refusal says; None: nothing refused)
    ("another namespace's denied use case", {"other-team:useCase": DENIED}, DENIES.format("other-team:useCase")),
    (
        "another namespace's misspelt use case",
        {"other-team:useCase": MISSPELT},
        INVALID.format("other-team:useCase.servedPartys"),
    ),
    (
        "a denied use case inside another key",
        {"team:apps": [{"useCase": DENIED}]},
        DENIES.format("team:apps[0].useCase"),
    ),
    # This library's keys, in another project's stack, are refused as the checker refuses them: that project's
    # components read its own namespace (review R29: the pack and the components asked for a missing service).
    ("a use case in this library's namespace", {f"{PROJECT}:useCase": DENIED}, INVALID.format(f"{PROJECT}:useCase")),
    # Pieces a program may build its own declaration from are put in at their worst (review R25 F).
    (
        "pieces beside the project's own use case that deny it",
        {"team:sector": "law_enforcement", "team:feature": "facial_recognition"},
        DENIES.format(OWN),
    ),
    ("a value naming the United States beside a company's use case", {"team:country": "US"}, None),
    ("another namespace's allowed use case", {"other-team:useCase": use_case(name="faq")}, None),
    ("another namespace's settings that declare nothing", {"other-team:location": "westeurope"}, None),
]
IDS = [case for case, _, _ in CASES]


def _config(beside: dict[str, Any]) -> dict[str, Any]:
    return {OWN: ALLOWED, "azure-native:environment": "public", **beside}


def _as_the_engine_passes(config: dict[str, Any]) -> dict[str, str]:
    return {key: value if isinstance(value, str) else json.dumps(value) for key, value in config.items()}


@pytest.mark.parametrize(("case", "beside", "named"), CASES, ids=IDS)
def test_the_component_refuses_before_registering_exactly_the_stacks_whose_config_the_pack_refuses(
    case: str, beside: dict[str, Any], named: str | None
) -> None:
    config = _as_the_engine_passes(_config(beside))
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()), config, project=CONSUMER)
    refusal = config_refusal(stack_context(config, CONSUMER))
    assert (refusal is not None) == (named is not None), refusal
    if named is None:
        assert run.error is None, run.error
        return
    assert run.resources == [], case
    assert named in (run.error or ""), run.error


@pytest.mark.parametrize(("case", "beside", "named"), CASES, ids=IDS)
def test_the_checker_refuses_the_same_consumer_stacks(
    tmp_path: Path, case: str, beside: dict[str, Any], named: str | None
) -> None:
    (tmp_path / "Pulumi.yaml").write_text(yaml.safe_dump({"name": CONSUMER, "runtime": "python"}))
    stack_file = tmp_path / "Pulumi.dev.yaml"
    stack_file.write_text(yaml.safe_dump({"config": _config(beside)}))
    result = check_file(stack_file)
    allowed = result.verdict is not None and result.verdict.allowed
    assert allowed == (named is None), (case, result.problems, result.verdict)


def test_the_refusal_quotes_the_guards_denial_of_the_declaration_beside() -> None:
    config = _as_the_engine_passes(_config({"other-team:useCase": DENIED}))
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()), config, project=CONSUMER)
    assert "[deny] FR-US-LAW-ENFORCEMENT:" in (run.error or ""), run.error
