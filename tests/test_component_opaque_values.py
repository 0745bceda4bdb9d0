"""Values the guard cannot read, and values it refuses, are said as the user wrote them.

From another language an input may be unknown at preview (an output of another resource) or a secret; the
component refuses either in a plain field, saying which it is and what to write, never with a Python object's
repr (``Output <pulumi.output.Output object at 0x...>``). One bad list item is one problem, not also an empty
list; and config values are written as a stack file writes them (``true``, ``["usgovernment"]``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi
import pytest
from pulumi.output import Unknown

from azure_openai_guarded.components import AzureOpenAIService
from azure_openai_guarded.guards import PROJECT
from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.provider import ComponentRefusedError, GuardedComponentProvider
from mockengine.program import ProgramRun, run_callable
from tests.samples import service_args

TOKEN = "azure-openai-guarded:index:AzureOpenAIService"
UNKNOWN = "is computed from another resource, unknown at preview, so the guard cannot decide on it"
SECRET = "is a secret, which cannot be judged offline or reviewed: the declaration must be plain"
OUTPUT = "is an output (computed from another resource, or a secret), which the guard cannot read"


@pytest.fixture(autouse=True)
def no_config_left_behind() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def use_case(**changes: Any) -> dict[str, Any]:
    return {
        "name": "support-bot",
        "purpose": "Answer billing questions in the support portal.",
        "owner": "support@example.com",
        "operator": {"sector": "commercial", "country": "US"},
        "servedParties": [],
        "capabilities": ["text_generation"],
    } | changes


def inputs(declared: Any, **more: Any) -> dict[str, Any]:
    return {"useCase": declared, "location": "eastus2", "resourceGroupName": "rg-x"} | more


CASES: list[tuple[str, Any, str, str]] = [
    (
        "an unknown country",
        inputs(use_case(operator={"sector": "commercial", "country": Unknown()})),
        "useCase.operator.country",
        UNKNOWN,
    ),
    ("unknown served parties", inputs(use_case(servedParties=Unknown())), "useCase.servedParties", UNKNOWN),
    ("an unknown capability", inputs(use_case(capabilities=[Unknown()])), "useCase.capabilities[0]", UNKNOWN),
    ("an unknown use case", inputs(Unknown()), "useCase", UNKNOWN),
    ("an unknown kind", inputs(use_case(), kind=Unknown()), "kind", UNKNOWN),
]


def constructed(given: Any) -> tuple[str | None, ProgramRun]:
    """What the package's provider refused ``given`` with (as the engine receives it), and the run."""
    refused: list[str] = []

    def body() -> None:
        try:
            GuardedComponentProvider().construct("svc", TOKEN, given, pulumi.ResourceOptions())
        except ComponentRefusedError as error:
            refused.append(error.message)

    run = run_callable(body)
    return (refused[0] if refused else None), run


@pytest.mark.parametrize(("how", "given", "path", "said"), CASES, ids=[c[0] for c in CASES])
def test_a_value_the_guard_cannot_read_is_refused_saying_what_it_is(how: str, given: Any, path: str, said: str) -> None:
    error, run = constructed(given)
    assert error is not None, how
    assert f"  {path}: {said}" in error
    assert "object at 0x" not in error
    assert "should have at least" not in error
    assert len([line for line in error.splitlines() if line.startswith("  ")]) == 1, error
    assert run.resources == []


def test_a_resolved_secret_is_refused_as_a_secret() -> None:
    def body() -> None:
        secret = pulumi.Output.secret("US")
        # An output the engine sent is resolved before the component reads it; wait for this one likewise.
        pulumi.runtime.sync_await._sync_await(secret.future())
        AzureOpenAIService("svc", service_args(use_case=use_case(operator={"sector": "commercial", "country": secret})))

    run = run_callable(body)
    assert run.error is not None
    assert f"  use_case.operator.country: {SECRET}" in run.error
    assert run.resources == []


def test_an_output_not_yet_resolved_is_refused_as_an_output() -> None:
    def body() -> None:
        country = pulumi.Output.from_input("US")
        AzureOpenAIService(
            "svc", service_args(use_case=use_case(operator={"sector": "commercial", "country": country}))
        )

    run = run_callable(body)
    assert run.error is not None
    assert f"  use_case.operator.country: {OUTPUT}" in run.error


def test_an_output_where_a_resource_id_belongs_is_accepted() -> None:
    run = run_callable(
        lambda: AzureOpenAIService("svc", service_args(resource_group_name=pulumi.Output.from_input("rg-x")))
    )
    assert run.error is None


def test_one_bad_capability_is_one_problem_not_also_an_empty_list() -> None:
    error, _ = constructed(inputs(use_case(capabilities=["facial_recognitoin"])))
    assert error is not None
    assert "useCase.capabilities[0]: Input should be" in error
    assert "should have at least" not in error


def test_the_checker_reports_one_bad_capability_once_too(tmp_path: Path) -> None:
    stack_file = tmp_path / "Pulumi.x.yaml"
    stack_file.write_text(
        "config:\n"
        f"  {PROJECT}:service: {{cloud: public, location: eastus2, resourceGroupName: rg-x}}\n"
        f"  {PROJECT}:useCase:\n"
        "    name: support-bot\n    purpose: Answer billing questions.\n    owner: support@example.com\n"
        "    operator: {sector: commercial, country: US}\n    servedParties: []\n"
        "    capabilities: [text_generatoin]\n",
        encoding="utf-8",
    )
    result = check_file(stack_file)
    assert [p.path for p in result.problems] == ["useCase.capabilities[0]"]


@pytest.mark.parametrize(
    ("value", "written"),
    [(True, "`azure-native:environment: true`"), (["usgovernment"], '`azure-native:environment: ["usgovernment"]`')],
)
def test_a_config_value_that_names_no_cloud_is_written_as_the_stack_file_writes_it(value: Any, written: str) -> None:
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()), {"azure-native:environment": value})
    assert run.error is not None
    assert f"{written} names no cloud this project deploys to" in run.error


def test_a_use_case_that_holds_itself_is_refused_by_its_depth_not_read_forever() -> None:
    # Review R13: the search for outputs walked a dict that contains itself without end.
    looped = use_case()
    looped["extra"] = looped

    def body() -> None:
        AzureOpenAIService("svc", service_args(use_case=looped))

    run = run_callable(body)

    assert run.error is not None
    assert "maximum nesting depth" in str(run.error)
    assert run.resources == []
