"""How the stack's config reaches the pack, and what the pack makes of it.

The engine starts a Python policy pack with the stack's config in
``PULUMI_CONFIG`` (full keys; every value a string, objects as JSON), and
pulumi_policy copies it into Pulumi's runtime config before each analysis.
"""

from __future__ import annotations

from collections.abc import Iterator

import pulumi.runtime
import pytest

from azure_openai_guarded.guards import Cloud, GuardProfile
from azure_openai_guarded.guards.policies.stack_context import engine_stack_context, stack_context
from tests.declarations import config, engine_config, engine_passes, stack_document, use_case


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    pulumi.runtime.set_all_config({})
    yield
    pulumi.runtime.set_all_config({})


STRICT_GOV = stack_document(config(use_case(), cloud="usgovernment", profile="strict"))["config"]


def test_the_declaration_is_read_from_the_environment_the_engine_sets(monkeypatch: pytest.MonkeyPatch) -> None:
    engine_passes(monkeypatch, STRICT_GOV)
    context = engine_stack_context()
    assert context.declared
    assert context.declaration is not None
    assert context.declaration.profile is GuardProfile.STRICT
    assert context.declaration.cloud.cloud is Cloud.USGOVERNMENT
    assert context.government
    assert context.verdict is not None
    assert context.verdict.allowed


def test_config_pulumi_policy_copied_into_the_runtime_is_read_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PULUMI_CONFIG", raising=False)
    pulumi.runtime.set_all_config(engine_config(STRICT_GOV))
    context = engine_stack_context()
    assert context.declaration is not None
    assert context.declaration.use_case is not None
    assert context.declaration.use_case.name == "support-bot"


def test_a_stack_without_the_projects_keys_declares_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PULUMI_CONFIG", raising=False)
    context = engine_stack_context()
    assert not context.declared
    assert context.declaration is None
    assert context.verdict is None
    assert not context.government


def test_the_default_providers_cloud_alone_marks_a_government_stack() -> None:
    context = stack_context({"azure-native:environment": "USGovernment"})
    assert context.azure_environment == "usgovernment"
    assert context.government


def test_an_invalid_declaration_keeps_every_problem_with_its_key() -> None:
    context = stack_context(
        {
            "azure-openai-guarded:service": '{"cloud": "public", "location": "eastus2", "resourceGroupName": "rg"}',
            "azure-openai-guarded:useCase": '{"name": "Bad Name", "purpose": "x", "owner": "o", '
            '"operator": {"sector": "police", "country": "USA"}, "capabilities": ["text_generation"]}',
        }
    )
    assert context.declared
    assert context.declaration is None
    keys = {problem.key for problem in context.problems}
    assert keys == {
        "azure-openai-guarded:useCase.name",
        "azure-openai-guarded:useCase.operator.sector",
        "azure-openai-guarded:useCase.operator.country",
    }


def test_a_value_that_is_not_json_stays_a_string_for_the_models_to_refuse() -> None:
    context = stack_context({"azure-openai-guarded:service": "{cloud: public", "azure-openai-guarded:useCase": "yes"})
    assert context.declaration is None
    assert {p.path for p in context.problems} == {"service", "useCase"}


def test_the_stack_context_is_read_and_decided_once_for_every_question(monkeypatch: pytest.MonkeyPatch) -> None:
    engine_passes(monkeypatch, STRICT_GOV)
    first = engine_stack_context()
    assert engine_stack_context() is first
    assert first.verdict is first.verdict


def test_a_repeated_key_in_a_json_value_is_a_problem_at_its_path() -> None:
    use_case_json = (
        '{"name": "x", "purpose": "p", "owner": "o", "operator": {"sector": "law_enforcement", "country": "US"}, '
        '"capabilities": ["facial_recognition"], "operator": {"sector": "commercial", "country": "GB"}}'
    )
    context = stack_context({**STRICT_GOV, "azure-openai-guarded:useCase": use_case_json})
    assert context.declaration is None
    assert [p.path for p in context.problems] == ["useCase.operator"]


def test_an_environment_that_contradicts_the_declared_cloud_is_a_problem() -> None:
    public = stack_document(config(use_case()))["config"]
    context = stack_context({**public, "azure-native:environment": "usgovernment"})
    assert context.declaration is None
    assert [p.path for p in context.problems] == ["service.cloud"]
    assert "Azure Government" in context.problems[0].message


@pytest.mark.parametrize(
    "setting",
    [
        pytest.param({"azure:environment": "usgovernment"}, id="the-classic-providers-environment"),
        pytest.param({"azure-native:location": "usgovvirginia"}, id="a-government-default-region"),
    ],
)
def test_a_government_provider_setting_beside_a_commercial_declaration_is_a_problem_as_in_the_checker(
    setting: dict[str, str],
) -> None:
    # Review R10 H1: the pack held every resource to a Government provider while the checker allowed the stack.
    public = stack_document(config(use_case()))["config"]
    context = stack_context({**public, **setting})
    assert context.declaration is None
    assert [p.path for p in context.problems] == ["service.cloud"]
    assert next(iter(setting)) in context.problems[0].message


def test_a_default_provider_metadata_host_is_a_problem_for_the_pack_too() -> None:
    public = stack_document(config(use_case()))["config"]
    context = stack_context({**public, "azure-native:metadataHost": "management.example"})
    assert context.declaration is None
    assert [p.path for p in context.problems] == ["service.cloud"]
