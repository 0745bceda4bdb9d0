"""Each stack is validated once and decided once, whichever entry point reads it.

The counters wrap the three steps every reading goes through: the models' validation
(:func:`guards.declaration.validate`, by model), the cloud and catalogue checks of the service, and
the engine's reading of the facts, which every decision starts with.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from azure_openai_guarded.components import declaration as reader
from azure_openai_guarded.components.openai_service import AzureOpenAIService
from azure_openai_guarded.guards import engine
from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.policies import stack_context as stack_context_module
from azure_openai_guarded.guards.policies.stack_context import engine_stack_context
from azure_openai_guarded.guards.stackfile import read_stack_file
from mockengine.program import run_callable, run_program
from tests.declarations import engine_passes
from tests.samples import service_args

STACKS = Path(__file__).resolve().parent.parent / "stacks"


class Steps:
    """How many times each step ran."""

    def __init__(self) -> None:
        self.validations: Counter[str] = Counter()
        self.service_checks = 0
        self.decisions = 0


@pytest.fixture
def steps(monkeypatch: pytest.MonkeyPatch) -> Steps:
    counted = Steps()
    validate, check_service, read_facts = reader.validate, reader.check_service, engine.read_facts

    def counting_validate(model: type[Any], *args: Any, **kwargs: Any) -> Any:
        counted.validations[model.__name__] += 1
        return validate(model, *args, **kwargs)

    def counting(step: Callable[..., Any], attribute: str) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            setattr(counted, attribute, getattr(counted, attribute) + 1)
            return step(*args, **kwargs)

        return run

    monkeypatch.setattr(reader, "validate", counting_validate)
    monkeypatch.setattr(reader, "check_service", counting(check_service, "service_checks"))
    monkeypatch.setattr(engine, "read_facts", counting(read_facts, "decisions"))
    return counted


def stack_config(name: str) -> dict[str, Any]:
    source = read_stack_file(STACKS / f"Pulumi.{name}.yaml")
    return {f"azure-openai-guarded:{key}": value for key, value in source.config.items()} | source.other_config


@pytest.mark.parametrize("stack", ["dev", "gov"])
def test_the_program_validates_and_decides_a_stack_once(steps: Steps, stack: str) -> None:
    # The Government component composes the commercial one, which provisions the program's reading as it is.
    run = run_program(stack_config(stack), stack=stack)

    assert run.error is None, run.error
    assert steps.validations == {"StackConfig": 1}
    assert (steps.service_checks, steps.decisions) == (1, 1)


@pytest.mark.parametrize("stack", ["dev", "gov"])
def test_the_checker_validates_and_decides_a_stack_file_once(steps: Steps, stack: str) -> None:
    result = check_file(STACKS / f"Pulumi.{stack}.yaml")

    assert result.verdict is not None
    assert steps.validations == {"StackConfig": 1}
    assert (steps.service_checks, steps.decisions) == (1, 1)


def test_the_pack_reads_and_decides_the_stack_once_however_often_it_is_asked(
    steps: Steps, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine_passes(monkeypatch, stack_config("gov"))
    stack_context_module._context_of.cache_clear()  # an earlier test may have analysed the same config
    contexts = [engine_stack_context() for _ in range(5)]

    assert all(c.verdict is not None and c.verdict.allowed for c in contexts)
    assert steps.validations == {"StackConfig": 1}
    assert (steps.service_checks, steps.decisions) == (1, 1)


def test_a_component_validates_and_decides_its_arguments_once(steps: Steps) -> None:
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()))

    assert run.error is None, run.error
    assert steps.validations == {"ServiceArgs": 1}
    assert (steps.service_checks, steps.decisions) == (1, 1)
