"""Other projects reuse the components, and the guard comes with them.

``examples/consumer`` is an app team's own Python project (its own
``Pulumi.yaml``, config namespace and stacks) that imports the library;
``examples/consumer-yaml`` is a Pulumi YAML program that uses the
multi-language package. Both run here under Pulumi's mock engine: the allowed
declaration provisions the component's resources, and a denied one fails just
as it does in this project, with the same verdict, and registers nothing.
"""

from __future__ import annotations

import ast
import copy
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pulumi
import pytest
from pulumi.provider.server import ComponentInitError

from azure_openai_guarded.components import GuardDeniedError
from azure_openai_guarded.guards import PROJECT, Cloud, GuardProfile, UseCase, evaluate_use_case
from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.projectfile import read_project_file, read_stack
from azure_openai_guarded.guards.rules import (
    FR_REALTIME_MOBILE_UNCONTROLLED,
    FR_US_LAW_ENFORCEMENT,
    STRICT_FR_LAW_ENFORCEMENT,
)
from azure_openai_guarded.guards.tags import USE_CASE
from azure_openai_guarded.provider import PACKAGE_NAME, ComponentRefusedError, GuardedComponentProvider
from mockengine.program import ProgramRun, Registered, run_callable, run_program

ROOT = Path(__file__).resolve().parent.parent
CONSUMER = ROOT / "examples" / "consumer"
YAML_CONSUMER = ROOT / "examples" / "consumer-yaml"
SERVICE = f"{PACKAGE_NAME}:index:AzureOpenAIService"
GOVERNMENT = f"{PACKAGE_NAME}:index:AzureGovernmentOpenAIService"
ACCOUNT = "azure-native:cognitiveservices:Account"
DEPLOYMENT = "azure-native:cognitiveservices:Deployment"


def _project(folder: Path) -> dict[str, Any]:
    """The project file, read by the checker's strict reader."""
    return dict(read_project_file(folder / "Pulumi.yaml").document)


def _stack_config(stack: str) -> dict[str, Any]:
    """The stack file's config, full keys, with its project's config applied, as the engine hands it to the
    program."""
    return read_stack(CONSUMER / f"Pulumi.{stack}.yaml").full_config()


CONSUMER_PROJECT = _project(CONSUMER)["name"]


def _run_consumer(stack: str) -> ProgramRun:
    return run_program(_stack_config(stack), stack=stack, program=CONSUMER / "__main__.py", project=CONSUMER_PROJECT)


def _verdict_summary(use_case: dict[str, Any]) -> str:
    return evaluate_use_case(UseCase.model_validate(use_case), Cloud.PUBLIC, GuardProfile.TERMS).summary()


def _children_of(run: ProgramRun, parent: Registered) -> list[Registered]:
    return [r for r in run.resources if r.parent == parent.urn]


# The Python consumer: a project of its own that depends on the library.


def test_the_consumer_is_its_own_project_with_its_own_config_namespace() -> None:
    assert CONSUMER_PROJECT != PROJECT
    for stack in ("dev", "patrol"):
        assert {key.split(":")[0] for key in _stack_config(stack)} == {CONSUMER_PROJECT}


def test_the_consumer_imports_the_library_by_its_import_name_only() -> None:
    tree = ast.parse((CONSUMER / "__main__.py").read_text(encoding="utf-8"))
    imported = {
        alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    imported |= {
        node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    }
    assert imported == {"pulumi", "azure_openai_guarded"}


def test_the_consumer_depends_on_the_library_with_its_pulumi_extra() -> None:
    lines = (CONSUMER / "requirements.txt").read_text(encoding="utf-8").splitlines()
    requirements = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    assert requirements == ["../..[pulumi]"]
    assert any("azure-openai-guarded[pulumi] @ git+" in line and "@v" in line for line in lines)


def test_the_allowed_consumer_stack_registers_the_component_and_its_azure_resources() -> None:
    run = _run_consumer("dev")
    assert run.error is None
    (component,) = run.of_type(SERVICE)
    assert component.name == "support-chat"
    assert f"::{CONSUMER_PROJECT}::" in component.urn, "the component runs in the consumer's project"
    (account,) = run.of_type(ACCOUNT)
    (deployment,) = run.of_type(DEPLOYMENT)
    assert {account.urn, deployment.urn} <= {r.urn for r in _children_of(run, component)}
    assert account.inputs["properties"]["disableLocalAuth"] is True
    assert account.inputs["properties"]["publicNetworkAccess"] == "Disabled"
    assert account.inputs["tags"][USE_CASE] == "support-chat", "the guard's tags come with the component"
    assert deployment.inputs["sku"] == {"name": "GlobalStandard", "capacity": 20}
    assert run.outputs["endpoint"] == "https://contoso-support-chat-dev.openai.azure.com/"
    assert run.outputs["verdict"]["allowed"] is True


def test_a_denied_consumer_stack_fails_with_the_guards_verdict_and_registers_nothing() -> None:
    run = _run_consumer("patrol")
    assert run.error is not None
    assert "the guard denied this use case; nothing was created" in run.error
    assert FR_US_LAW_ENFORCEMENT.id in run.error
    assert FR_REALTIME_MOBILE_UNCONTROLLED.id in run.error
    assert run.resources == []


def test_the_consumer_is_denied_exactly_as_this_project_denies_the_same_declaration() -> None:
    use_case = _stack_config("patrol")[f"{CONSUMER_PROJECT}:useCase"]
    consumer = _run_consumer("patrol")
    this_project = run_program(
        {
            f"{PROJECT}:useCase": use_case,
            f"{PROJECT}:service": {"cloud": "public", "location": "eastus2", "resourceGroupName": "rg-patrol"},
        },
        stack="patrol",
    )
    summary = _verdict_summary(use_case)
    assert consumer.error is not None
    assert this_project.error is not None
    assert summary in consumer.error
    assert summary in this_project.error
    assert consumer.resources == this_project.resources == []


# The YAML consumer: the same component through the multi-language package.


@dataclass
class Constructed:
    run: ProgramRun
    state: dict[str, Any] = field(default_factory=dict)
    error: Exception | None = None
    """What the package's provider raised: the component's own RunError, or Pulumi's ComponentInitError."""


def _yaml_resource() -> tuple[str, str, dict[str, Any]]:
    (name, resource), *others = _project(YAML_CONSUMER)["resources"].items()
    assert others == []
    return name, resource["type"], resource["properties"]


def _interpolate(value: Any, variables: dict[str, str]) -> Any:
    """The example's ``${...}`` references, resolved as Pulumi YAML would; any other expression is an error."""
    if isinstance(value, dict):
        return {k: _interpolate(v, variables) for k, v in value.items()}
    if isinstance(value, list):
        return [_interpolate(v, variables) for v in value]
    if isinstance(value, str):
        for variable, resolved in variables.items():
            value = value.replace(f"${{{variable}}}", resolved)
        assert "${" not in value, f"unresolved expression in the YAML example: {value}"
    return value


def _as_the_engine_sends(value: Any) -> Any:
    """Property values as they reach a provider: every number is a float."""
    if isinstance(value, dict):
        return {k: _as_the_engine_sends(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_the_engine_sends(v) for v in value]
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


def _construct(properties: dict[str, Any], stack: str = "dev") -> Constructed:
    """What the engine does for the YAML program: ask the package's provider to construct the component."""
    name, type_token, _ = _yaml_resource()
    outcome: dict[str, Any] = {}

    def body() -> None:
        provider = GuardedComponentProvider()
        try:
            result = provider.construct(name, type_token, _as_the_engine_sends(properties), pulumi.ResourceOptions())
        except ComponentRefusedError as error:
            outcome["error"] = error.refusal
            return
        except ComponentInitError as error:
            outcome["error"] = error
            return
        outcome["state"] = result.state
        pulumi.export("endpoint", result.state["endpoint"])
        pulumi.export("verdict", result.state["verdict"])

    run = run_callable(body, {}, stack=stack, project=_project(YAML_CONSUMER)["name"])
    return Constructed(run=run, state=outcome.get("state", {}), error=outcome.get("error"))


def _yaml_properties(stack: str = "dev") -> dict[str, Any]:
    location = _project(YAML_CONSUMER)["config"]["location"]["default"]
    _, _, properties = _yaml_resource()
    resolved: dict[str, Any] = _interpolate(properties, {"location": location, "pulumi.stack": stack})
    return resolved


def test_the_yaml_program_uses_the_packages_type_token_and_adds_the_package_from_this_repository() -> None:
    project = _project(YAML_CONSUMER)
    assert project["runtime"] == "yaml"
    assert project["name"] not in (PROJECT, CONSUMER_PROJECT)
    assert project["packages"] == {PACKAGE_NAME: "../../provider"}
    assert (YAML_CONSUMER / project["packages"][PACKAGE_NAME] / "PulumiPlugin.yaml").is_file()
    assert _yaml_resource()[1] == SERVICE


def test_the_yaml_programs_component_is_built_by_the_package_with_its_azure_resources() -> None:
    built = _construct(_yaml_properties())
    assert built.error is None
    assert built.run.error is None
    (component,) = built.run.of_type(SERVICE)
    (account,) = built.run.of_type(ACCOUNT)
    (deployment,) = built.run.of_type(DEPLOYMENT)
    assert account.parent == deployment.parent == component.urn
    assert account.inputs["accountName"] == "contoso-support-chat-yaml-dev"
    assert deployment.inputs["sku"] == {"name": "GlobalStandard", "capacity": 20}
    assert set(built.state) >= {"endpoint", "accountName", "verdict"}
    assert built.run.outputs["endpoint"] == "https://contoso-support-chat-yaml-dev.openai.azure.com/"
    assert built.run.outputs["verdict"]["allowed"] is True
    assert built.run.outputs["verdict"]["rulesetVersion"], "outputs use the schema's camelCase names"


def test_a_denied_declaration_in_yaml_fails_with_the_guards_verdict_and_registers_nothing() -> None:
    properties = _yaml_properties()
    denied = copy.deepcopy(properties["useCase"])
    denied |= {
        "operator": {"sector": "law_enforcement", "country": "US"},
        "capabilities": ["facial_recognition"],
        "facialRecognition": {"realtime": True, "cameras": ["body_worn"], "environment": "uncontrolled"},
    }
    built = _construct(properties | {"useCase": denied})
    assert built.error is not None
    assert isinstance(built.error, GuardDeniedError)
    assert _verdict_summary(denied) in str(built.error)
    assert built.run.resources == []


@pytest.mark.parametrize(
    ("path", "bad", "named"),
    [
        (("useCase", "servedPartys"), [{"sector": "law_enforcement", "country": "US"}], "useCase.servedPartys"),
        (("useCase", "operator", "city"), "Austin", "useCase.operator.city"),
        (("useCase", "served_parties"), [{"sector": "law_enforcement", "country": "US"}], "useCase.served_parties"),
        (("useCase", "humanReview"), "yes", "useCase.humanReview"),
        (("useCase", "capabilities"), ["facial_recognitoin"], "capabilities"),
        (("useCase", "operator", "sector"), "police", "sector"),
        (("deployments", 0, "capacity"), 2.5, "capacity"),
    ],
    ids=[
        "unknown-nested-key",
        "unknown-key-two-levels-down",
        "python-name-is-not-a-schema-name",
        "text-for-a-boolean",
        "misspelt-capability",
        "unknown-sector",
        "fractional-capacity",
    ],
)
def test_a_bad_value_from_another_language_is_refused_by_name_and_registers_nothing(
    path: tuple[str | int, ...], bad: Any, named: str
) -> None:
    properties = copy.deepcopy(_yaml_properties())
    target: Any = properties
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = bad
    built = _construct(properties)
    assert built.error is not None
    assert isinstance(built.error, pulumi.RunError)
    assert named in str(built.error)
    assert built.run.resources == []


def test_lists_of_enums_and_integers_reach_the_component_as_sent() -> None:
    """Regression: Pulumi's provider turned each enum in a list into ``{}`` and left nested integers as floats."""
    provider = GuardedComponentProvider()
    definition = provider._component_defs["AzureOpenAIService"]
    properties = _yaml_properties()
    properties["useCase"]["facialRecognition"] = {"cameras": ["fixed", "handheld"]}
    mapped = provider.map_inputs(_as_the_engine_sends(properties), definition)
    assert mapped["useCase"]["capabilities"] == ["text_generation", "summarization"]
    assert mapped["useCase"]["facialRecognition"]["cameras"] == ["fixed", "handheld"]
    capacity = mapped["deployments"][0]["capacity"]
    assert capacity == 20
    assert type(capacity) is int


def test_the_government_component_from_another_language_puts_every_azure_resource_on_a_government_provider() -> None:
    properties = _yaml_properties() | {
        "useCase": {
            "name": "public-comments",
            "purpose": "Summarise and group public comments received on proposed rules for agency analysts.",
            "owner": "rulemaking-analytics@agency.example.gov",
            "operator": {"sector": "public_sector", "country": "US"},
            "capabilities": ["summarization", "classification"],
            "humanReview": True,
        },
        "location": "usgovvirginia",
        "accountName": "agency-public-comments",
        "deployments": [
            {"name": "summarize", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard", "capacity": 20}
        ],
    }
    outcome: dict[str, Any] = {}

    def body() -> None:
        result = GuardedComponentProvider().construct(
            "comments", GOVERNMENT, _as_the_engine_sends(properties), pulumi.ResourceOptions()
        )
        outcome["state"] = result.state
        pulumi.export("endpoint", result.state["endpoint"])

    run = run_callable(body, {}, stack="gov", project=_project(YAML_CONSUMER)["name"])
    assert run.error is None
    (provider,) = run.of_type("pulumi:providers:azure-native")
    assert provider.inputs["environment"] == "usgovernment"
    azure = [r for r in run.resources if r.type.startswith("azure-native:")]
    assert azure
    assert all(r.provider.startswith(provider.urn + "::") for r in azure)
    assert run.outputs["endpoint"] == "https://agency-public-comments.openai.azure.us/"


def test_a_key_repeated_in_the_consumers_use_case_value_is_an_error_not_the_last_one_winning() -> None:
    config = _stack_config("patrol")
    key = f"{CONSUMER_PROJECT}:useCase"
    use_case = config[key] | {"operator": {"sector": "law_enforcement", "country": "US"}}
    # The police operator first, a harmless one last: require_object would have kept the last.
    text = json.dumps(use_case)[:-1] + ', "operator": {"sector": "commercial", "country": "GB"}}'
    run = run_program(config | {key: text}, stack="patrol", program=CONSUMER / "__main__.py", project=CONSUMER_PROJECT)
    assert run.resources == []
    assert run.error is not None
    assert f"{CONSUMER_PROJECT}:useCase: the config value is invalid" in run.error
    assert "operator: repeated key" in run.error


def test_another_languages_verdict_output_names_the_fields_as_that_language_writes_them() -> None:
    properties = _yaml_properties()
    properties["useCase"] = properties["useCase"] | {
        "operator": {"sector": "law_enforcement", "country": "US"},
        "purpose": "Draft incident report narratives from officers' notes.",
    }
    properties["useCase"].pop("humanReview", None)
    built = _construct(properties)
    assert built.error is None, built.error
    findings = built.run.outputs["verdict"]["findings"]
    assert findings, "law enforcement without human review is allowed with a warning"
    assert all(path.startswith("useCase.") for f in findings for path in f["paths"]), findings


GB_CUSTODY_MATCHING = """\
  support-chat:useCase:
    name: custody-match
    purpose: Match custody photos against the force's records of prior arrests.
    owner: records@police.example.uk
    operator: {sector: law_enforcement, country: GB}
    servedParties: []
    capabilities: [facial_recognition]
    facialRecognition: {realtime: false, cameras: [fixed], environment: controlled}
    humanReview: true
"""


@pytest.mark.parametrize(
    ("profile", "allowed"),
    [(None, True), ("terms", True), ("strict", False)],
    ids=["no guardProfile", "guardProfile: terms", "guardProfile: strict"],
)
def test_the_consumer_example_and_the_checker_apply_the_consumers_own_guard_profile_alike(
    tmp_path: Path, profile: str | None, allowed: bool
) -> None:
    # Facial recognition for a British police force in custody suites: allowed by the terms, denied by strict.
    shutil.copy(CONSUMER / "Pulumi.yaml", tmp_path / "Pulumi.yaml")
    stack_file = tmp_path / "Pulumi.custody.yaml"
    own = f"  support-chat:guardProfile: {profile}\n" if profile else ""
    stack_file.write_text(f"config:\n  azure-native:environment: public\n{own}{GB_CUSTODY_MATCHING}", encoding="utf-8")

    checked = check_file(stack_file)
    run = run_program(
        read_stack(stack_file).full_config(),
        stack="custody",
        program=CONSUMER / "__main__.py",
        project=CONSUMER_PROJECT,
    )

    assert checked.verdict is not None
    assert checked.verdict.allowed is allowed
    assert (run.error is None) is allowed, run.error
    if not allowed:
        assert run.error is not None
        assert STRICT_FR_LAW_ENFORCEMENT.id in run.error
        assert run.resources == []
    else:
        assert run.outputs["verdict"]["profile"] == (profile or "terms")


def test_a_consumer_guard_profile_that_is_no_profile_is_refused_by_name() -> None:
    config = _stack_config("dev") | {f"{CONSUMER_PROJECT}:guardProfile": "strcit"}
    run = run_program(config, stack="dev", program=CONSUMER / "__main__.py", project=CONSUMER_PROJECT)
    assert run.error is not None
    assert (
        f'{CONSUMER_PROJECT}:guardProfile: is "strcit", which is no guard profile; write terms or strict' in run.error
    )
    assert run.resources == []


def test_this_librarys_guard_profile_key_in_a_consumers_stack_is_refused_naming_the_key_it_reads() -> None:
    config = _stack_config("dev") | {"azure-openai-guarded:guardProfile": "strict"}
    run = run_program(config, stack="dev", program=CONSUMER / "__main__.py", project=CONSUMER_PROJECT)
    assert run.error is not None
    assert f"write it as `{CONSUMER_PROJECT}:guardProfile`" in run.error
    assert run.resources == []
