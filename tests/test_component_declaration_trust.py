"""A component provisions only a Declaration a reader issued, and always checks where its resources go."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import pulumi
import pytest

from azure_openai_guarded.components import AzureGovernmentOpenAIService, AzureOpenAIService
from azure_openai_guarded.components.clouds import COMMERCIAL, GOVERNMENT
from azure_openai_guarded.components.declaration import is_issued, read_component_args, read_stack_config
from azure_openai_guarded.guards import GuardProfile
from mockengine.program import run_callable
from tests.samples import service_args, support_bot, us_police_facial_recognition

ON_GOVERNMENT = {"azure-native:environment": "usgovernment"}


@pytest.fixture(autouse=True)
def no_config_left_behind() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def gb_police_facial_recognition() -> dict[str, Any]:
    """Allowed in commercial Azure, not in Azure Government (where every party is under US jurisdiction)."""
    use_case = us_police_facial_recognition()
    use_case["name"] = "gb-suspect-match"
    use_case["operator"] = {"sector": "law_enforcement", "country": "GB"}
    use_case["owner"] = "records@police.example.uk"
    use_case["served_parties"] = []
    return use_case


def in_config(use_case: dict[str, Any]) -> dict[str, Any]:
    """``use_case`` as a stack file writes it (camelCase)."""
    renamed = {
        "facial_recognition": "facialRecognition",
        "human_review": "humanReview",
        "served_parties": "servedParties",
    }
    return {renamed.get(key, key): value for key, value in use_case.items()}


def public_service() -> dict[str, Any]:
    return {
        "cloud": "public",
        "location": "eastus2",
        "resourceGroupName": "rg-test",
        "deployments": [{"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": "GlobalStandard"}],
    }


def test_a_stack_declaration_read_without_its_environment_is_refused_on_a_default_provider_for_government() -> None:
    declared = read_stack_config({"service": public_service(), "useCase": in_config(gb_police_facial_recognition())})
    assert declared.verdict.allowed  # decided for commercial Azure, where the default provider does not send it
    run = run_callable(lambda: AzureOpenAIService.from_declaration("fd", declared), ON_GOVERNMENT)
    assert run.error is not None
    assert "`azure-native:environment: usgovernment` sends the default provider's resources to Azure Government" in (
        run.error
    )
    assert run.resources == []


def test_the_same_use_case_given_as_arguments_is_refused_alike() -> None:
    args = service_args(use_case=gb_police_facial_recognition())
    run = run_callable(lambda: AzureOpenAIService("fd", args), ON_GOVERNMENT)
    assert run.error is not None
    assert "sends the default provider's resources to Azure Government" in run.error
    assert run.resources == []


def test_an_issued_declaration_on_the_public_default_provider_is_provisioned() -> None:
    declared = read_stack_config({"service": public_service(), "useCase": in_config(gb_police_facial_recognition())})
    run = run_callable(lambda: AzureOpenAIService.from_declaration("fd", declared))
    assert run.error is None
    assert run.resources


def test_a_declaration_re_pointed_at_government_is_refused_by_the_government_component() -> None:
    declared = read_component_args(service_args(use_case=gb_police_facial_recognition()), COMMERCIAL, spelling="python")
    forged = dataclasses.replace(declared, cloud=GOVERNMENT)
    run = run_callable(lambda: AzureGovernmentOpenAIService("fd", service_args(), declaration=forged))
    assert run.error is not None
    assert "declaration: the declaration was not returned by read_stack_config or read_component_args" in run.error
    assert run.resources == []


def test_a_denied_declaration_given_an_allowed_verdict_is_refused() -> None:
    denied = read_component_args(service_args(use_case=us_police_facial_recognition()), COMMERCIAL, spelling="python")
    allowed = read_component_args(service_args(use_case=support_bot()), COMMERCIAL, spelling="python")
    forged = dataclasses.replace(denied, verdict=allowed.verdict)
    run = run_callable(lambda: AzureOpenAIService.from_declaration("svc", forged))
    assert run.error is not None
    assert "was built, copied or altered, e.g. with dataclasses.replace" in run.error
    assert run.resources == []


def test_only_the_readers_declarations_are_issued() -> None:
    declared = read_component_args(service_args(), COMMERCIAL, spelling="python")
    assert is_issued(declared)
    assert not is_issued(dataclasses.replace(declared))
    assert not is_issued(object())


def gov_service_args(**overrides: Any) -> Any:
    deployment = {"name": "summarize", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard"}
    return service_args(location="usgovvirginia", deployments=[deployment | {"capacity": 20}], **overrides)


def changed_in_place(field: str) -> Any:
    """A denied declaration, or a commercial one, with one field swapped in place for an allowed one's."""
    denied = read_component_args(service_args(use_case=us_police_facial_recognition()), COMMERCIAL, spelling="python")
    allowed = read_component_args(service_args(use_case=support_bot()), COMMERCIAL, spelling="python")
    if field == "cloud":
        object.__setattr__(allowed, "cloud", GOVERNMENT)
        return allowed
    if field == "use_case":
        object.__setattr__(allowed, "use_case", denied.use_case)
        return allowed
    if field == "profile":
        object.__setattr__(allowed, "profile", GuardProfile.STRICT)
        return allowed
    if field == "settings":
        gov = read_component_args(gov_service_args(), GOVERNMENT, spelling="python")
        object.__setattr__(allowed, "settings", gov.settings)
        return allowed
    object.__setattr__(denied, field, getattr(allowed, field))
    return denied


@pytest.mark.parametrize("field", ["verdict", "profile", "use_case", "cloud", "settings"])
def test_a_declaration_changed_in_place_after_it_was_issued_is_refused(field: str) -> None:
    declared = changed_in_place(field)
    assert not is_issued(declared)
    run = run_callable(lambda: AzureOpenAIService.from_declaration("svc", declared))
    assert run.error is not None
    assert "declaration: the declaration was changed in place after read_stack_config or read_component_args" in (
        run.error
    )
    assert run.resources == []


def test_a_government_declaration_changed_in_place_is_refused_by_the_government_component() -> None:
    denied = read_component_args(
        gov_service_args(use_case=gb_police_facial_recognition()), GOVERNMENT, spelling="python"
    )
    allowed = read_component_args(gov_service_args(), GOVERNMENT, spelling="python")
    assert not denied.verdict.allowed
    object.__setattr__(denied, "verdict", allowed.verdict)
    run = run_callable(lambda: AzureGovernmentOpenAIService.from_declaration("svc", denied))
    assert run.error is not None
    assert "was changed in place" in run.error
    assert run.resources == []


def test_an_unchanged_declaration_is_still_issued_after_another_is_changed() -> None:
    first = read_component_args(service_args(), COMMERCIAL, spelling="python")
    second = read_component_args(service_args(), COMMERCIAL, spelling="python")
    object.__setattr__(second, "profile", GuardProfile.STRICT)
    assert is_issued(first)
    assert not is_issued(second)
