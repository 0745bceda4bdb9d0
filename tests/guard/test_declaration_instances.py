"""A declaration handed over as a model instance is validated again from its data, as a mapping is.

Pydantic passes an instance through unchecked; ``model_copy(update=...)``, ``model_construct`` or a subclass
makes one no validator has seen, so the reader never trusts one.
"""

from __future__ import annotations

from typing import Any

import pytest

from azure_openai_guarded.guards import Cloud, Party, UseCase, evaluate_use_case
from azure_openai_guarded.guards.declaration import DeclarationError, validate
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from tests.declarations import fr_facts, use_case

BASE = validate(
    UseCase,
    use_case(capabilities=["facial_recognition"], facialRecognition=fr_facts(), servedParties=[]),
    ("useCase",),
    spelling="config",
)


class Trusting(UseCase):
    @property
    def parties(self) -> tuple[tuple[str, Party], ...]:
        return ()


def us_police_in_lower_case() -> dict[str, Any]:
    return {"sector": "law_enforcement", "country": "us"}


INSTANCES = [
    pytest.param(lambda: BASE.model_copy(update={"operator": us_police_in_lower_case()}), id="model-copy-a-dict"),
    pytest.param(
        lambda: BASE.model_copy(update={"operator": Party.model_construct(**us_police_in_lower_case())}),
        id="model-copy-an-unvalidated-party",
    ),
    pytest.param(
        lambda: UseCase.model_construct(**{**dict(BASE), "served_parties": (us_police_in_lower_case(),)}),
        id="model-construct-with-a-dict-party",
    ),
    pytest.param(
        lambda: Trusting.model_validate({**BASE.model_dump(by_alias=True), "operator": us_police_in_lower_case()}),
        id="a-subclass-that-hides-its-parties",
    ),
]


@pytest.mark.parametrize("make", INSTANCES)
def test_an_instance_is_validated_again_so_us_police_are_read_as_us_police(make: Any) -> None:
    validated = validate(UseCase, make(), ("useCase",), spelling="python")

    assert type(validated) is UseCase
    assert FR_US_LAW_ENFORCEMENT.id in {f.rule for f in evaluate_use_case(validated, Cloud.PUBLIC).denials}


def test_an_instance_that_does_not_validate_is_an_error_not_a_traceback() -> None:
    broken = UseCase.model_construct(**{**dict(BASE), "capabilities": ("telepathy",)})

    with pytest.raises(DeclarationError) as raised:
        validate(UseCase, broken, ("useCase",), spelling="python")

    assert "capabilities" in str(raised.value.problems[0])
