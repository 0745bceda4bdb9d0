"""A Declaration changed in place is caught by a type-exact fingerprint, without deciding the stack again.

The fingerprint taken when a reader issues a declaration records every object's exact type and every scalar's value
as its builtin type shows it. A repr digest let a swap through whenever the new value's repr matched the old one: an
``int`` subclass whose repr is ``False`` in place of a denied verdict's ``allowed`` provisioned a US police
department's facial recognition.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from azure_openai_guarded.components import AzureOpenAIService
from azure_openai_guarded.components.clouds import COMMERCIAL
from azure_openai_guarded.components.declaration import Declaration, is_issued, read_component_args
from azure_openai_guarded.guards import engine
from mockengine.program import run_callable
from tests.samples import service_args, support_bot, us_police_facial_recognition


class LooksDenied(int):
    def __repr__(self) -> str:
        return "False"


class Truthy:
    """Not a bool at all: shows as ``False``, tests as true."""

    def __repr__(self) -> str:
        return "False"

    def __bool__(self) -> bool:
        return True


class Shown(str):
    """A string that shows as another."""

    def __new__(cls, value: str, shown: str) -> Shown:
        made = super().__new__(cls, value)
        made.shown = shown
        return made

    def __repr__(self) -> str:
        return repr(self.shown)


class NoFindings(tuple[Any, ...]):
    """A tuple that shows its findings and iterates none."""

    def __iter__(self) -> Any:
        return iter(())


def denied() -> Declaration:
    return read_component_args(service_args(use_case=us_police_facial_recognition()), COMMERCIAL, spelling="python")


def swap(target: Callable[[Declaration], object], name: str, value: Callable[[Any], object]) -> Declaration:
    declared = denied()
    holder = target(declared)
    object.__setattr__(holder, name, value(getattr(holder, name)))
    return declared


def verdict(d: Declaration) -> object:
    return d.verdict


def use_case(d: Declaration) -> object:
    return d.use_case


def operator(d: Declaration) -> object:
    assert d.use_case is not None
    return d.use_case.operator


def settings(d: Declaration) -> object:
    return d.settings


SWAPS: list[tuple[str, Callable[[], Declaration]]] = [
    ("verdict.allowed as an int subclass shown as False", lambda: swap(verdict, "allowed", lambda _: LooksDenied(1))),
    ("verdict.allowed as an object shown as False", lambda: swap(verdict, "allowed", lambda _: Truthy())),
    ("verdict.findings as a tuple subclass", lambda: swap(verdict, "findings", NoFindings)),
    ("operator.country as a string shown as the old one", lambda: swap(operator, "country", lambda c: Shown("GB", c))),
    ("use_case.name as a string shown as the old one", lambda: swap(use_case, "name", lambda n: Shown("other", n))),
    ("settings.location shown as the old one", lambda: swap(settings, "location", lambda loc: Shown("westus", loc))),
]


@pytest.mark.parametrize(("how", "changed"), SWAPS, ids=[how for how, _ in SWAPS])
def test_a_value_swapped_in_place_for_one_that_shows_alike_is_caught(
    how: str, changed: Callable[[], Declaration]
) -> None:
    declared = changed()
    assert not is_issued(declared), how
    run = run_callable(lambda: AzureOpenAIService.from_declaration("svc", declared))
    assert run.error is not None
    assert "the declaration was changed in place" in run.error
    assert run.resources == []


def test_an_allowed_verdict_object_of_another_declaration_is_caught_though_equal() -> None:
    first = read_component_args(service_args(use_case=support_bot()), COMMERCIAL, spelling="python")
    second = read_component_args(service_args(use_case=support_bot()), COMMERCIAL, spelling="python")
    assert first.verdict == second.verdict
    object.__setattr__(first, "verdict", second.verdict)
    assert not is_issued(first)
    assert is_issued(second)


def test_checking_a_declaration_decides_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    declared = read_component_args(service_args(use_case=support_bot()), COMMERCIAL, spelling="python")

    def decided_again(*_: object, **__: object) -> None:
        raise AssertionError("the stack was decided a second time")

    changed = swap(verdict, "allowed", lambda _: LooksDenied(1))
    monkeypatch.setattr(engine, "read_facts", decided_again)
    assert is_issued(declared)
    assert not is_issued(changed)
    run = run_callable(lambda: AzureOpenAIService.from_declaration("svc", declared))
    assert run.error is None
