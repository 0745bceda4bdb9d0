"""A YAML program's component properties are read as the component reads them, whatever the program computes.

With a service field interpolated (`accountName: hub-${pulumi.stack}`), the checker decides the declaration alone;
every key (the component's own and each Foundry project entry's) and every value written out are still read by the
components' own argument model, so a project's declaration written `use_case:` is an unknown field, as the component
says, never "no declaration" that falls under the account's; and `projcts:` is never a component without projects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.guards.checker import CheckResult, check_file
from tests.declarations import fr_facts, police, use_case
from tests.guard.test_yaml_program import INTERPOLATED_SERVICE, component, program

SHERIFF = use_case(
    name="sheriff-faces",
    operator=police("US"),
    servedParties=[],
    capabilities=["facial_recognition"],
    facialRecognition=fr_facts(),
)
"""Denied in every cloud: what a misspelt project key would let through as undeclared."""

WRITTEN_OUT = {"location": "eastus2", "accountName": "hub-dev"}
"""The interpolated service's fields as the program would compute them for stack `dev`."""


def hub(entry: dict[str, Any], service: dict[str, Any]) -> dict[str, Any]:
    """A Foundry account (benign use case) with one project ``entry``."""
    return component(declared=use_case(), kind="AIServices", projects=[entry], **service)


def project_problems(result: CheckResult) -> list[str]:
    assert result.verdict is None, "expected an invalid stack"
    return sorted(str(p).split("`: ", 1)[1] for p in result.problems if "projects[0]" in str(p))


@pytest.mark.parametrize(
    ("entry", "says"),
    [
        ({"name": "sheriff-faces", "use_case": SHERIFF}, "projects[0].use_case`: unknown field; the key is written"),
        (
            {"name": "sheriff-faces", "useCase": SHERIFF, "use_case": SHERIFF},
            "projects[0].use_case`: unknown field; the key is written",
        ),
        ({"name": "sheriff-faces", "usecase": SHERIFF}, "projects[0].usecase`: unknown field"),
        ({"name": "proj", "displayNme": "P"}, "projects[0].displayNme`: unknown field"),
        ({"name": "proj", "display_name": "P"}, "projects[0].display_name`: unknown field"),
        ({"name": "proj", "displayName": 1}, "projects[0].displayName`"),
        ({"name": "proj", "description": ["x"]}, "projects[0].description`"),
        ({"name": "Not A Name"}, "projects[0].name`"),
    ],
    ids=[
        "declaration-misspelt",
        "two-spellings",
        "declaration-in-another-case",
        "unknown-key",
        "python-spelling",
        "not-text",
        "description-not-text",
        "bad-name",
    ],
)
def test_a_project_entrys_keys_and_written_values_are_read_though_the_service_is_interpolated(
    tmp_path: Path, entry: dict[str, Any], says: str
) -> None:
    result = check_file(program(tmp_path, {"hub": hub(entry, INTERPOLATED_SERVICE)}))
    assert result.verdict is None, "a misspelt project key must never pass as a project without a declaration"
    assert any(says in str(p) for p in result.problems), result.error


@pytest.mark.parametrize(
    "entry",
    [
        {"name": "sheriff-faces", "use_case": SHERIFF},
        {"name": "proj", "displayNme": "P"},
        {"name": "proj", "displayName": 1},
        {"name": "Not A Name"},
        {"name": "proj", "displayName": "P", "description": "d"},
    ],
    ids=["declaration-misspelt", "unknown-key", "not-text", "bad-name", "valid"],
)
def test_a_project_entry_gets_the_same_problems_interpolated_or_written_out(
    tmp_path: Path, entry: dict[str, Any]
) -> None:
    """The oracle is the checker's full reading (the components' reader over every property), once the program's
    values are written out."""
    computed = check_file(program(tmp_path / "computed", {"hub": hub(entry, INTERPOLATED_SERVICE)}))
    written = check_file(program(tmp_path / "written", {"hub": hub(entry, WRITTEN_OUT)}))
    if written.verdict is not None:
        assert computed.verdict is not None, computed.error
        return
    assert project_problems(computed) == project_problems(written)


def test_a_project_name_the_program_computes_is_read_around_its_interpolation(tmp_path: Path) -> None:
    result = check_file(program(tmp_path, {"hub": hub({"name": "proj-${pulumi.stack}"}, INTERPOLATED_SERVICE)}))
    assert result.allowed, result.error


def test_the_reviewers_program_is_invalid_naming_the_misspelt_key(tmp_path: Path) -> None:
    """One `${pulumi.stack}` in a service field, and a sheriff's facial recognition under `use_case:`."""
    stack = program(tmp_path, {"foundry": hub({"name": "sheriff-faces", "use_case": SHERIFF}, INTERPOLATED_SERVICE)})
    result = check_file(stack)
    assert result.verdict is None
    ((file, line, problem),) = result.problem_places()
    assert file.name == "Pulumi.yaml"
    text = (tmp_path / "Pulumi.yaml").read_text(encoding="utf-8").splitlines()
    assert text[line - 1].strip() == "use_case:"
    assert yaml.safe_load("\n".join(text))["resources"]["foundry"]["properties"]["projects"][0]["use_case"] == SHERIFF
    assert "`resources.foundry.properties.projects[0].use_case`: unknown field" in str(problem)


@pytest.mark.parametrize(
    ("properties", "says"),
    [
        ({"projcts": [{"name": "sheriff-faces", "useCase": SHERIFF}]}, "properties.projcts`: unknown field"),
        ({"locaton": "eastus2"}, "properties.locaton`: unknown field"),
        ({"kind": "AIService"}, "properties.kind`"),
        ({"createResourceGroup": "yes"}, "properties.createResourceGroup`"),
        ({"deployments": [{"name": "chat", "modle": "gpt-4o"}]}, "properties.deployments[0].modle`: unknown field"),
    ],
    ids=["projects-misspelt", "unknown-key", "no-such-kind", "not-a-boolean", "a-deployments-key"],
)
def test_the_components_keys_and_written_values_are_read_though_a_service_field_is_interpolated(
    tmp_path: Path, properties: dict[str, Any], says: str
) -> None:
    resource = component(declared=use_case(), **INTERPOLATED_SERVICE, **properties)
    result = check_file(program(tmp_path, {"hub": resource}))
    assert result.verdict is None, "a misspelt key must never pass unread"
    assert any(says in str(p) for p in result.problems), result.error


def test_a_misspelt_declaration_key_is_one_problem_in_the_components_words(tmp_path: Path) -> None:
    properties = dict(component(declared=use_case(), **INTERPOLATED_SERVICE)["properties"])
    properties["use_case"] = properties.pop("useCase")
    resource = {"type": "azure-openai-guarded:index:AzureOpenAIService", "properties": properties}
    result = check_file(program(tmp_path, {"hub": resource}))
    assert result.verdict is None
    (problem,) = [str(p) for p in result.problems]
    assert "`resources.hub.properties.use_case`: unknown field; the key is written `useCase` here" in problem
