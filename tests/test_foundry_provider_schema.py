"""Other languages get the Foundry arguments through the component provider's schema, with their docs."""

from __future__ import annotations

from typing import Any

import pytest

from azure_openai_guarded.provider import GuardedComponentProvider

SERVICE = "azure-openai-guarded:index:AzureOpenAIService"


def ref(name: str) -> str:
    return f"#/types/azure-openai-guarded:index:{name}"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return GuardedComponentProvider().schema_json()


def test_the_foundry_arguments_are_inputs_of_the_component(schema: dict[str, Any]) -> None:
    inputs = schema["resources"][SERVICE]["inputProperties"]
    assert inputs["kind"]["$ref"] == ref("AccountKind")
    assert inputs["lock"]["$ref"] == ref("LockLevel")
    assert inputs["secretsExport"]["$ref"] == ref("SecretsExportArgs")
    assert inputs["projects"]["items"]["$ref"] == ref("ProjectArgs")
    assert inputs["raiBlocklists"]["items"]["$ref"] == ref("RaiBlocklistArgs")


def test_the_kinds_and_lock_levels_are_enums_of_exactly_the_supported_values(schema: dict[str, Any]) -> None:
    kinds = [e["value"] for e in schema["types"]["azure-openai-guarded:index:AccountKind"]["enum"]]
    levels = [e["value"] for e in schema["types"]["azure-openai-guarded:index:LockLevel"]["enum"]]
    assert kinds == ["OpenAI", "AIServices"]
    assert levels == ["CanNotDelete", "ReadOnly"]


def test_a_project_takes_its_own_use_case_declaration_of_the_same_type_as_the_components(
    schema: dict[str, Any],
) -> None:
    project = schema["types"]["azure-openai-guarded:index:ProjectArgs"]
    assert project["required"] == ["name"]
    assert project["properties"]["useCase"]["$ref"] == ref("UseCaseArgs")
    assert schema["resources"][SERVICE]["inputProperties"]["useCase"]["$ref"] == ref("UseCaseArgs")


def test_the_foundry_outputs_are_optional(schema: dict[str, Any]) -> None:
    resource = schema["resources"][SERVICE]
    assert resource["properties"]["projects"]["items"]["$ref"] == ref("ProjectOutput")
    assert {"foundryEndpoint", "projects"}.isdisjoint(resource["required"])
