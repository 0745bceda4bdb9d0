"""The checker decides a Pulumi YAML consumer from the use case written inline in its components' properties.

A Pulumi YAML program (examples/consumer-yaml) declares `useCase` in `resources.<name>.properties` of the
package's component types; its stack files hold no declaration. The checker decides each such component for the
one cloud its type deploys to, the worst verdict counting, and an interpolation inside a declaration is a fact
it cannot know, so it never allows one.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.guards.checker import YAML_NOTE, ExitStatus, check_file
from azure_openai_guarded.guards.cli import main
from azure_openai_guarded.guards.rules import (
    DECLARATION_MISSING,
    FR_US_LAW_ENFORCEMENT,
    STRICT_FR_ANY,
    STRICT_FR_LAW_ENFORCEMENT,
)
from tests.declarations import fr_facts, police, use_case
from tests.guard.test_yaml_program import dump

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "consumer-yaml" / "Pulumi.yaml"
COMMERCIAL_TYPE = "azure-openai-guarded:index:AzureOpenAIService"
GOVERNMENT_TYPE = "azure-openai-guarded:index:AzureGovernmentOpenAIService"

US_POLICE_MATCH = use_case(operator=police("US"), capabilities=["facial_recognition"], facialRecognition=fr_facts())
GB_POLICE_MATCH = use_case(
    operator=police("GB"), capabilities=["facial_recognition"], facialRecognition=fr_facts(), servedParties=[]
)


SERVICE = {
    "location": "${location}",
    "accountName": "support-chat-${pulumi.stack}",
    "resourceGroupName": "rg-support-chat",
    "deployments": [
        {"name": "chat", "model": "gpt-4o-mini", "version": "2024-07-18", "sku": "GlobalStandard", "capacity": 20}
    ],
}
"""The component's service as the shipped example writes it: the region and the name interpolated, known only
when the program runs."""


def stack_beside(folder: Path) -> Path:
    path = folder / "Pulumi.dev.yaml"
    path.write_text("config:\n  support-chat-yaml:location: eastus2\n", encoding="utf-8")
    return path


def yaml_program(tmp_path: Path, *components: tuple[str, str, Any]) -> Path:
    """A Pulumi YAML project with ``components`` (name, type, useCase), and a stack file beside it."""
    resources = {
        name: {"type": kind, "properties": {**SERVICE, "useCase": declared}} for name, kind, declared in components
    }
    document = {"name": "support-chat-yaml", "runtime": "yaml", "resources": resources}
    (tmp_path / "Pulumi.yaml").write_text(dump(document), encoding="utf-8")
    return stack_beside(tmp_path)


def test_the_shipped_yaml_consumer_is_allowed_from_its_inline_declaration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(EXAMPLE, tmp_path / "Pulumi.yaml")
    path = stack_beside(tmp_path)
    result = check_file(path)
    assert result.allowed, result.error
    assert result.notes == (YAML_NOTE,)
    assert main(["check", str(tmp_path)]) == ExitStatus.ALLOWED
    assert "written inline" in capsys.readouterr().out


def test_us_police_facial_recognition_declared_inline_is_denied(tmp_path: Path) -> None:
    result = check_file(yaml_program(tmp_path, ("faces", COMMERCIAL_TYPE, US_POLICE_MATCH)))
    assert result.verdict is not None
    assert FR_US_LAW_ENFORCEMENT.id in [f.rule for f in result.verdict.denials]


@pytest.mark.parametrize(("kind", "allowed"), [(COMMERCIAL_TYPE, True), (GOVERNMENT_TYPE, False)])
def test_each_component_type_is_decided_for_the_cloud_it_deploys_to(tmp_path: Path, kind: str, allowed: bool) -> None:
    result = check_file(yaml_program(tmp_path, ("faces", kind, GB_POLICE_MATCH)))
    assert result.verdict is not None
    assert result.verdict.allowed is allowed


def test_one_denied_component_denies_the_stack_and_is_named(tmp_path: Path) -> None:
    result = check_file(
        yaml_program(tmp_path, ("chat", COMMERCIAL_TYPE, use_case()), ("faces", COMMERCIAL_TYPE, US_POLICE_MATCH))
    )
    assert result.verdict is not None
    assert not result.verdict.allowed
    (denial,) = [f for f in result.verdict.denials if f.rule == FR_US_LAW_ENFORCEMENT.id]
    assert denial.message.startswith("For resource `faces`: ")


@pytest.mark.parametrize(
    ("declared", "path"),
    [
        ("${useCase}", "useCase"),
        (use_case(operator={"sector": "law_enforcement", "country": "${country}"}), "useCase.operator.country"),
        (use_case(capabilities=["${capability}"]), "useCase.capabilities[0]"),
        ({"fn::readFile": "./use-case.json"}, "useCase"),
        (use_case(capabilities={"Fn::Split": {"delimiter": ",", "source": "${capabilities}"}}), "useCase.capabilities"),
    ],
    ids=["whole", "field", "list-element", "fn-readFile", "fn-split"],
)
def test_an_interpolation_in_an_inline_declaration_is_an_unknown_fact_and_never_allowed(
    tmp_path: Path, declared: Any, path: str
) -> None:
    result = check_file(yaml_program(tmp_path, ("chat", COMMERCIAL_TYPE, declared)))
    assert result.verdict is None
    assert f"`resources.chat.properties.{path}` is a `${{...}}` interpolation or an `fn::` call" in (result.error or "")
    assert "write the declaration out inline" in (result.error or "")


def test_an_invalid_inline_declaration_names_the_project_file_and_the_resource(tmp_path: Path) -> None:
    declared = use_case()
    declared["purpos"] = declared.pop("purpose")
    result = check_file(yaml_program(tmp_path, ("chat", COMMERCIAL_TYPE, declared)))
    assert result.verdict is None
    assert "Pulumi.yaml`: `resources.chat.properties.useCase.purpos`: unknown field" in (result.error or "")


def test_a_yaml_program_without_the_packages_components_reads_the_stack_files_declaration(tmp_path: Path) -> None:
    document = {"name": "support-chat-yaml", "runtime": {"name": "yaml"}, "resources": {"rg": {"type": "x:y:Z"}}}
    (tmp_path / "Pulumi.yaml").write_text(dump(document), encoding="utf-8")
    result = check_file(stack_beside(tmp_path))
    assert result.verdict is not None
    assert DECLARATION_MISSING.id in [f.rule for f in result.verdict.denials]


@pytest.mark.parametrize(
    ("profile", "denied_by"),
    [
        pytest.param("strict", {STRICT_FR_LAW_ENFORCEMENT.id, STRICT_FR_ANY.id}, id="strict"),
        pytest.param("terms", set(), id="terms"),
    ],
)
def test_the_projects_own_guard_profile_holds_its_yaml_components_as_each_component_applies_it(
    tmp_path: Path, profile: str, denied_by: set[str]
) -> None:
    stack = yaml_program(tmp_path, ("chat", COMMERCIAL_TYPE, GB_POLICE_MATCH))
    stack.write_text(stack.read_text(encoding="utf-8") + f"  support-chat-yaml:guardProfile: {profile}\n", "utf-8")

    result = check_file(stack)

    assert result.verdict is not None, result.problems
    assert {f.rule for f in result.verdict.denials} == denied_by


def test_a_guard_profile_that_is_no_profile_is_invalid_naming_the_projects_key(tmp_path: Path) -> None:
    stack = yaml_program(tmp_path, ("chat", COMMERCIAL_TYPE, GB_POLICE_MATCH))
    stack.write_text(stack.read_text(encoding="utf-8") + "  support-chat-yaml:guardProfile: Strict\n", "utf-8")

    result = check_file(stack)

    assert result.verdict is None
    [problem] = result.problems
    assert '`support-chat-yaml:guardProfile` is "Strict", which is no guard profile' in str(problem)
    assert result.problem_lines == (3,)


@pytest.mark.parametrize(
    ("resources", "allowed"),
    [
        pytest.param(
            {"sa": {"type": "azure-native:storage:StorageAccount", "properties": {"resourceGroupName": "rg"}}},
            True,
            id="a-storage-account",
        ),
        pytest.param(
            {"ai": {"type": "azure-native:cognitiveservices:Account", "properties": {"resourceGroupName": "rg"}}},
            False,
            id="an-account",
        ),
        pytest.param(
            {"t": {"type": "azure-native:resources:Deployment", "properties": {"resourceGroupName": "rg"}}},
            True,
            id="an-empty-template",
        ),
        pytest.param(
            {
                "t": {
                    "type": "azure-native:resources:Deployment",
                    "properties": {
                        "resourceGroupName": "rg",
                        "properties": {"templateLink": {"uri": "https://example.com/t.json"}},
                    },
                }
            },
            False,
            id="a-template-elsewhere",
        ),
        pytest.param({"c": {"type": "acme:ai:Assistant"}}, False, id="another-packages-component"),
    ],
)
def test_a_yaml_program_that_creates_nothing_the_guard_governs_needs_no_declaration(
    tmp_path: Path, resources: dict[str, object], allowed: bool
) -> None:
    # Review R13: a storage account's project was denied as one that "provisions Azure OpenAI".
    program = {"name": "team-yaml", "runtime": "yaml", "resources": resources}
    (tmp_path / "Pulumi.yaml").write_text(yaml.safe_dump(program), encoding="utf-8")
    stack = tmp_path / "Pulumi.dev.yaml"
    stack.write_text("config: {}\n", encoding="utf-8")

    result = check_file(stack)

    assert result.verdict is not None, result.problems
    assert result.verdict.allowed is allowed, result.verdict.summary()
