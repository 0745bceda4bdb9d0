"""The multi-language package: the schema Pulumi infers from the components, and the plugin that serves it.

The schema is what ``pulumi package add`` generates TypeScript, Go, C#, Java and
YAML SDKs from, so it is checked as a consumer in those languages would read it:
both components under the package's type tokens, every input, output and enum,
and every description taken from the docstrings in the source. The docstrings
are read here independently, with ``ast``, from the files that declare them.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import grpc
import pytest
from pulumi.provider.experimental.analyzer import Analyzer
from pulumi.runtime.proto import provider_pb2, provider_pb2_grpc

from azure_openai_guarded import __version__, components
from azure_openai_guarded.guards import Camera, Capability, Environment, GuardProfile, Sector
from azure_openai_guarded.provider import COMPONENTS, PACKAGE_NAME, GuardedComponentProvider

ROOT = Path(__file__).resolve().parent.parent
SERVICE = f"{PACKAGE_NAME}:index:AzureOpenAIService"
GOVERNMENT = f"{PACKAGE_NAME}:index:AzureGovernmentOpenAIService"
OUTPUTS = {"endpoint", "accountId", "accountName", "resourceGroupName", "deploymentNames", "principalId", "verdict"}


def _token(name: str) -> str:
    return f"{PACKAGE_NAME}:index:{name}"


def _ref(name: str) -> str:
    return f"#/types/{_token(name)}"


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def _fields(typed_dict: Any) -> list[str]:
    """A TypedDict's keys, inherited ones included, in declaration order."""
    return list(typed_dict.__annotations__)


def _declared(name: str) -> Any:
    """The class ``name`` of the schema, from the component module that declares it."""
    for path in sorted((ROOT / "components").glob("*.py")):
        module = vars(importlib.import_module(f"azure_openai_guarded.components.{path.stem}"))
        if name in module and getattr(module[name], "__module__", None) == module["__name__"]:
            return module[name]
    raise LookupError(name)


def _docstrings(path: Path) -> dict[str, dict[str, str]]:
    """Class name -> attribute or member name -> the string literal written right after it."""
    found: dict[str, dict[str, str]] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.ClassDef):
            continue
        docs = found.setdefault(node.name, {})
        for statement, following in zip(node.body, node.body[1:], strict=False):
            target = statement.target if isinstance(statement, ast.AnnAssign) else None
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target = statement.targets[0]
            is_doc = isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
            if isinstance(target, ast.Name) and is_doc and isinstance(following.value.value, str):
                docs[target.id] = following.value.value
    return found


COMPONENT_DOCS = {
    name: docs for path in sorted((ROOT / "components").glob("*.py")) for name, docs in _docstrings(path).items()
}
ARG_DOCS = COMPONENT_DOCS
# Both components' outputs are declared once, on the base they share.
OUTPUT_DOCS = {SERVICE: COMPONENT_DOCS["ServiceOutputs"], GOVERNMENT: COMPONENT_DOCS["ServiceOutputs"]}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return GuardedComponentProvider().schema_json()


def test_the_package_is_named_for_the_type_tokens_and_versioned_as_the_library(schema: dict[str, Any]) -> None:
    assert schema["name"] == "azure-openai-guarded"
    assert schema["version"] == __version__
    assert set(schema["resources"]) == {SERVICE, GOVERNMENT}


def test_the_type_tokens_are_the_ones_the_components_register_with() -> None:
    from azure_openai_guarded.components import government, openai_service

    assert openai_service.TYPE_TOKEN == SERVICE
    assert government.TYPE_TOKEN == GOVERNMENT
    assert [c.__name__ for c in COMPONENTS] == ["AzureOpenAIService", "AzureGovernmentOpenAIService"]


@pytest.mark.parametrize("token", [SERVICE, GOVERNMENT])
def test_both_components_are_components_described_by_their_class_docstrings(schema: dict[str, Any], token: str) -> None:
    component = next(c for c in COMPONENTS if token.endswith(f":{c.__name__}"))
    resource = schema["resources"][token]
    assert resource["isComponent"] is True
    assert component.__doc__
    assert resource["description"] == component.__doc__.strip()


@pytest.mark.parametrize("token", [SERVICE, GOVERNMENT])
def test_both_components_take_the_use_case_and_the_service_as_inputs(schema: dict[str, Any], token: str) -> None:
    inputs = schema["resources"][token]["inputProperties"]
    expected = {_camel(k) for k in _fields(components.AzureOpenAIServiceArgs)}
    assert set(inputs) == expected
    assert {"useCase", "guardProfile", "location", "resourceGroupName", "deployments", "raiPolicies"} <= set(inputs)
    assert {"privateEndpoint", "allowedIpRanges", "localAuthEnabled", "exportKeys", "roleAssignments"} <= set(inputs)
    assert inputs["useCase"]["$ref"] == _ref("UseCaseArgs")
    assert inputs["guardProfile"]["$ref"] == _ref("GuardProfile")
    assert inputs["deployments"]["type"] == "array"
    assert inputs["deployments"]["items"]["$ref"] == _ref("DeploymentArgs")
    assert inputs["tags"]["additionalProperties"]["type"] == "string"
    assert schema["resources"][token]["requiredInputs"] == ["location", "resourceGroupName", "useCase"]


@pytest.mark.parametrize("token", [SERVICE, GOVERNMENT])
def test_every_input_is_described_by_its_docstring_in_args_py_inherited_or_not(
    schema: dict[str, Any], token: str
) -> None:
    declared = ARG_DOCS["AzureOpenAIServiceArgs"]
    inputs = schema["resources"][token]["inputProperties"]
    for name in _fields(components.AzureOpenAIServiceArgs):
        assert inputs[_camel(name)].get("description") == declared[name], name


def test_the_declaration_and_the_guard_profile_are_plain_so_the_guard_decides_before_registering(
    schema: dict[str, Any],
) -> None:
    """A plain input is a value in every SDK, never a pending output: the guard always has the facts."""
    inputs = schema["resources"][SERVICE]["inputProperties"]
    for name in ("useCase", "guardProfile", "location", "deployments", "localAuthEnabled", "exportKeys"):
        assert inputs[name].get("plain") is True, name
    use_case = schema["types"][_token("UseCaseArgs")]["properties"]
    assert all(p.get("plain") is True for p in use_case.values())


def test_resource_ids_from_other_resources_may_be_outputs(schema: dict[str, Any]) -> None:
    inputs = schema["resources"][SERVICE]["inputProperties"]
    assert "plain" not in inputs["resourceGroupName"]
    assert "plain" not in inputs["logAnalyticsWorkspaceId"]
    assert "plain" not in schema["types"][_token("PrivateEndpointArgs")]["properties"]["subnetId"]


@pytest.mark.parametrize("token", [SERVICE, GOVERNMENT])
def test_both_components_output_the_endpoint_the_account_and_the_verdict(schema: dict[str, Any], token: str) -> None:
    resource = schema["resources"][token]
    optional = {"primaryKey", "secondaryKey", "foundryEndpoint", "projects"}
    assert set(resource["properties"]) == OUTPUTS | optional
    assert set(resource["required"]) == OUTPUTS, "the keys exist only with export_keys, Foundry's only with AIServices"
    assert resource["properties"]["verdict"]["$ref"] == _ref("VerdictOutput")
    assert resource["properties"]["deploymentNames"]["items"]["type"] == "string"
    for name, prop in resource["properties"].items():
        snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in name)
        assert prop["description"] == OUTPUT_DOCS[token][snake], name


def test_the_use_case_declaration_is_an_object_type_with_its_required_facts(schema: dict[str, Any]) -> None:
    use_case = schema["types"][_token("UseCaseArgs")]
    assert use_case["type"] == "object"
    assert sorted(use_case["required"]) == ["capabilities", "name", "operator", "owner", "purpose"]
    properties = use_case["properties"]
    assert properties["operator"]["$ref"] == _ref("PartyArgs")
    assert properties["servedParties"]["items"]["$ref"] == _ref("PartyArgs")
    assert properties["capabilities"]["items"]["$ref"] == _ref("Capability")
    assert properties["facialRecognition"]["$ref"] == _ref("FacialRecognitionArgs")
    cameras = schema["types"][_token("FacialRecognitionArgs")]["properties"]["cameras"]
    assert cameras["items"]["$ref"] == _ref("Camera")
    verdict = schema["types"][_token("VerdictOutput")]["properties"]
    assert {"allowed", "verdict", "profile", "rulesetVersion", "termsVersion", "findings"} <= set(verdict)


ENUMS = [
    ("Sector", Sector),
    ("Capability", Capability),
    ("Camera", Camera),
    ("Environment", Environment),
    ("GuardProfile", GuardProfile),
    ("DeploymentSku", components.DeploymentSku),
    ("VersionUpgradeOption", components.VersionUpgradeOption),
    ("OpenAIRole", components.OpenAIRole),
    ("PrincipalType", components.PrincipalType),
    ("FilterThreshold", components.FilterThreshold),
    ("HarmCategory", components.HarmCategory),
]


@pytest.mark.parametrize(("name", "enum"), ENUMS, ids=[n for n, _ in ENUMS])
def test_every_enum_offers_exactly_the_python_enums_values(schema: dict[str, Any], name: str, enum: Any) -> None:
    published = schema["types"][_token(name)]
    assert published["type"] == "string"
    assert [v["value"] for v in published["enum"]] == [member.value for member in enum]
    assert published["description"] == enum.__doc__


def test_enum_members_are_described_by_their_docstrings(schema: dict[str, Any]) -> None:
    upgrade = {v["value"]: v.get("description") for v in schema["types"][_token("VersionUpgradeOption")]["enum"]}
    declared = ARG_DOCS["VersionUpgradeOption"]
    assert upgrade["NoAutoUpgrade"] == declared["NO_AUTO_UPGRADE"]
    assert upgrade["OnceCurrentVersionExpired"] == declared["ONCE_CURRENT_VERSION_EXPIRED"]


def _object_types(schema: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for token, spec in schema["types"].items():
        if spec["type"] == "object":
            yield token.rsplit(":", 1)[-1], spec


def test_every_property_of_every_object_type_is_described_by_its_docstring(schema: dict[str, Any]) -> None:
    checked = 0
    for name, spec in _object_types(schema):
        assert spec.get("description") == _declared(name).__doc__, name
        for prop_name, prop in spec["properties"].items():
            python = next(k for k in _fields(_declared(name)) if _camel(k) == prop_name)
            assert prop.get("description") == ARG_DOCS[name][python], f"{name}.{prop_name}"
            checked += 1
    assert checked > 40


def test_the_pulumi_analyzer_alone_leaves_the_government_inputs_undocumented() -> None:
    """Why the package uses its own analyzer: without it every Government input would lack a description."""
    plain = Analyzer(PACKAGE_NAME).analyze(list(COMPONENTS))["component_definitions"]
    assert not plain["AzureGovernmentOpenAIService"].inputs["useCase"].description
    assert plain["AzureOpenAIService"].inputs["useCase"].description


def test_building_the_provider_leaves_pulumis_analyzer_as_it_was() -> None:
    from pulumi.provider.experimental import component

    GuardedComponentProvider()
    assert component.Analyzer is Analyzer


# The plugin: provider/PulumiPlugin.yaml and the entry point Pulumi runs.


def test_the_plugin_manifest_declares_a_python_plugin_beside_its_entry_point_and_requirements() -> None:
    import yaml

    plugin = ROOT / "provider"
    manifest = yaml.safe_load((plugin / "PulumiPlugin.yaml").read_text(encoding="utf-8"))
    assert manifest == {"runtime": "python"}
    assert (plugin / "__main__.py").is_file()
    requirements = [
        line.strip()
        for line in (plugin / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert requirements[0] == "..[pulumi]", "the plugin installs the library, with Pulumi, from its own checkout"
    # The rest pins its dependencies to uv.lock's versions (tests/test_lock.py compares them with the lock).
    assert all("==" in line for line in requirements[1:])
    assert not (ROOT / "PulumiPlugin.yaml").exists(), "the root is this project's program, not the plugin"


def test_the_plugin_entry_point_serves_the_same_schema_over_grpc_as_the_engine_asks_for_it(
    schema: dict[str, Any], tmp_path: Path
) -> None:
    """Run `python provider <engine address>` as Pulumi does, from elsewhere; call GetSchema as the CLI does."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    plugin = subprocess.Popen(
        [sys.executable, str(ROOT / "provider"), "127.0.0.1:1"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert plugin.stdout is not None
        port = plugin.stdout.readline().strip()
        assert port.isdigit(), plugin.stderr.read() if plugin.stderr else ""
        with grpc.insecure_channel(f"127.0.0.1:{port}") as channel:
            stub = provider_pb2_grpc.ResourceProviderStub(channel)
            served = stub.GetSchema(provider_pb2.GetSchemaRequest(version=0), timeout=60)
    finally:
        plugin.terminate()
        plugin.wait(timeout=30)
    assert json.loads(served.schema) == schema
