"""A Cognitive Services or Machine Learning resource made through a generic or template resource is refused.

azure-native's ``resources:Resource``, an ARM template deployment (azure-native's ``resources:Deployment*`` and
deployment stacks, the classic provider's ``*TemplateDeployment``) and azapi's resources can create a Face or OpenAI
account whose kind, names and settings the pack cannot read. ``account-use-case-declared`` fails each closed,
whatever the stack declares, and names ``cognitiveservices:Account`` as the way; a generic resource of another
provider, or a template that names neither provider, passes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi.runtime
import pytest
from pulumi.output import Unknown

from azure_openai_guarded.guards.policies.use_case import ACCOUNT_DECLARED
from mockengine.analyzer import Violation, analyze
from mockengine.config import engine_config
from mockengine.program import Registered, run_program
from tests.declarations import config, stack_document, use_case

PREFIX = "urn:pulumi:dev::police-app::"
UNDECLARED = {"azure-native:location": "eastus"}
FACE_ACCOUNT = {
    "type": "Microsoft.CognitiveServices/accounts",
    "apiVersion": "2024-10-01",
    "name": "nypd-faces",
    "location": "eastus",
    "kind": "Face",
    "sku": {"name": "S0"},
}
STORAGE = {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "logs", "kind": "V2"}


def template(*resources: dict[str, Any]) -> dict[str, Any]:
    schema = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#"
    return {"$schema": schema, "contentVersion": "1.0.0.0", "resources": list(resources)}


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def registered(token: str, inputs: dict[str, Any], name: str = "faces") -> Registered:
    return Registered(f"{PREFIX}{token}::{name}", token, name, True, inputs, "", (), "")


def declared_violations(resource: Registered, stack_config: dict[str, Any] | None = None) -> list[Violation]:
    engine = {k: v if isinstance(v, str) else json.dumps(v) for k, v in (stack_config or UNDECLARED).items()}
    return [v for v in analyze([resource], engine) if v.policy == ACCOUNT_DECLARED]


GENERIC = "azure-native:resources:Resource"
ARM = "azure-native:resources:Deployment"
CLASSIC_GROUP_DEPLOYMENT = "azure:core/resourceGroupTemplateDeployment:ResourceGroupTemplateDeployment"
CLASSIC_SUBSCRIPTION_DEPLOYMENT = "azure:core/subscriptionTemplateDeployment:SubscriptionTemplateDeployment"


def generic(namespace: Any, resource_type: str = "accounts") -> dict[str, Any]:
    return {
        "resourceName": "nypd-faces",
        "resourceGroupName": "rg",
        "resourceProviderNamespace": namespace,
        "resourceType": resource_type,
        "parentResourcePath": "",
        "apiVersion": "2024-10-01",
        "kind": "Face",
    }


OPAQUE = [
    pytest.param(GENERIC, generic("Microsoft.CognitiveServices"), "'Microsoft.CognitiveServices'", id="generic"),
    pytest.param(GENERIC, generic("microsoft.COGNITIVESERVICES"), "'microsoft.COGNITIVESERVICES'", id="generic-case"),
    pytest.param(
        GENERIC, generic("Microsoft.MachineLearningServices", "workspaces"), "MachineLearningServices", id="generic-ml"
    ),
    pytest.param(GENERIC, generic(Unknown()), "`resourceProviderNamespace` is unknown", id="generic-unknown"),
    pytest.param(
        "azure-native:resources/v20240301:Resource", generic("Microsoft.CognitiveServices"), "", id="generic-versioned"
    ),
    pytest.param(
        ARM,
        {"resourceGroupName": "rg", "properties": {"mode": "Incremental", "template": template(FACE_ACCOUNT)}},
        "names the Microsoft.CognitiveServices resource provider",
        id="arm-inline",
    ),
    pytest.param(
        ARM,
        {"resourceGroupName": "rg", "properties": {"mode": "Incremental", "templateLink": {"uri": "https://x/t.json"}}},
        "`properties.templateLink`, which the pack cannot read",
        id="arm-link",
    ),
    pytest.param(
        ARM,
        {"resourceGroupName": "rg", "properties": {"mode": "Incremental", "template": Unknown()}},
        "unknown until deployment",
        id="arm-unknown",
    ),
    pytest.param(
        ARM,
        {"resourceGroupName": "rg", "properties": {"template": template({**STORAGE, "type": "[parameters('t')]"})}},
        "as an expression",
        id="arm-expression-type",
    ),
    pytest.param(
        "azure-native:resources:DeploymentAtSubscriptionScope",
        {"properties": {"mode": "Incremental", "template": template(FACE_ACCOUNT)}},
        "Microsoft.CognitiveServices",
        id="arm-subscription",
    ),
    pytest.param(
        "azure-native:resources:DeploymentStackAtResourceGroup",
        {"resourceGroupName": "rg", "template": template(FACE_ACCOUNT)},
        "Microsoft.CognitiveServices",
        id="deployment-stack",
    ),
    pytest.param(
        "azapi:index:Resource",
        {"type": "Microsoft.CognitiveServices/accounts@2024-10-01", "name": "nypd-faces", "body": {"kind": "Face"}},
        "'Microsoft.CognitiveServices/accounts@2024-10-01'",
        id="azapi",
    ),
    pytest.param(
        "azapi:index/resource:Resource",
        {"type": "microsoft.machinelearningservices/workspaces@2024-10-01", "body": {"kind": "Hub"}},
        "machinelearningservices",
        id="azapi-ml-module-token",
    ),
    pytest.param(
        "azapi:index:UpdateResource",
        {"type": "Microsoft.CognitiveServices/accounts@2024-10-01", "body": {"kind": "Face"}},
        "Microsoft.CognitiveServices",
        id="azapi-update",
    ),
    pytest.param(
        CLASSIC_GROUP_DEPLOYMENT,
        {
            "resourceGroupName": "rg",
            "deploymentMode": "Incremental",
            "templateContent": json.dumps(template(FACE_ACCOUNT)),
        },
        "`templateContent`",
        id="classic-group",
    ),
    pytest.param(
        CLASSIC_SUBSCRIPTION_DEPLOYMENT,
        {"location": "eastus", "templateContent": json.dumps(template(FACE_ACCOUNT))},
        "Microsoft.CognitiveServices",
        id="classic-subscription",
    ),
    pytest.param(
        CLASSIC_GROUP_DEPLOYMENT,
        {"resourceGroupName": "rg", "deploymentMode": "Incremental", "templateSpecVersionId": "/subscriptions/x/v1"},
        "`templateSpecVersionId`",
        id="classic-template-spec",
    ),
    pytest.param(
        GENERIC,
        {**generic("Microsoft.Resources", "deployments"), "properties": {"template": template(FACE_ACCOUNT)}},
        "a template deployment, and its template (`properties.template`) names the Microsoft.CognitiveServices",
        id="generic-template-deployment",
    ),
    pytest.param(
        "azapi:index:Resource",
        {
            "type": "Microsoft.Resources/deployments@2022-09-01",
            "body": json.dumps({"properties": {"mode": "Incremental", "template": template(FACE_ACCOUNT)}}),
        },
        "`body.properties.template`",
        id="azapi-template-deployment-body-as-text",
    ),
    pytest.param(
        "azure-native:resources:AzureCliScript",
        {"resourceGroupName": "rg", "kind": "AzureCLI", "scriptContent": "az cognitiveservices account create"},
        "runs a deployment script",
        id="deployment-script",
    ),
    pytest.param(
        CLASSIC_GROUP_DEPLOYMENT,
        {
            "resourceGroupName": "rg",
            "templateContent": json.dumps(template(FACE_ACCOUNT)).replace(
                "CognitiveServices", "Cognitive\\u0053ervices"
            ),
        },
        "names the Microsoft.CognitiveServices resource provider",
        id="classic-json-escape",
    ),
]


@pytest.mark.parametrize(("token", "inputs", "why"), OPAQUE)
def test_a_cognitive_resource_made_through_a_generic_or_template_resource_is_refused_undeclared(
    token: str, inputs: dict[str, Any], why: str
) -> None:
    (found,) = declared_violations(registered(token, inputs))
    assert found.mandatory
    assert why in found.message
    assert "the pack cannot read" in found.message.lower() or "cannot read" in found.message
    assert "cognitiveservices:Account" in found.message
    assert "AzureOpenAIService" in found.message


@pytest.mark.parametrize(("token", "inputs", "why"), OPAQUE)
def test_a_cognitive_resource_made_through_a_generic_or_template_resource_is_refused_whatever_the_stack_declares(
    token: str, inputs: dict[str, Any], why: str
) -> None:
    allowed = stack_document(config(use_case()))["config"]
    (found,) = declared_violations(registered(token, inputs), allowed)
    assert found.mandatory
    assert "whatever the stack declares" in found.message


@pytest.mark.parametrize(
    ("token", "inputs"),
    [
        pytest.param(GENERIC, generic("Microsoft.Storage", "storageAccounts"), id="generic-storage"),
        pytest.param(ARM, {"resourceGroupName": "rg", "properties": {"template": template(STORAGE)}}, id="arm-storage"),
        pytest.param(
            GENERIC,
            {**generic("Microsoft.Resources", "deployments"), "properties": {"template": template(STORAGE)}},
            id="generic-template-deployment-storage",
        ),
        pytest.param("azapi:index:Resource", {"type": "Microsoft.Storage/storageAccounts@2023-01-01"}, id="azapi"),
        pytest.param(
            CLASSIC_GROUP_DEPLOYMENT,
            {"resourceGroupName": "rg", "templateContent": json.dumps(template(STORAGE))},
            id="classic-storage",
        ),
    ],
)
def test_a_generic_or_template_resource_of_another_provider_passes(token: str, inputs: dict[str, Any]) -> None:
    assert declared_violations(registered(token, inputs)) == []


GENERIC_FACE_PROGRAM = """
import pulumi_azure_native as azure_native

azure_native.resources.Resource(
    "faces",
    resource_name_="nypd-faces",
    resource_group_name="rg-police",
    resource_provider_namespace="Microsoft.CognitiveServices",
    resource_type="accounts",
    parent_resource_path="",
    api_version="2024-10-01",
    kind="Face",
    sku={"name": "S0"},
)
azure_native.resources.Deployment(
    "arm",
    resource_group_name="rg-police",
    properties={"mode": "Incremental", "template": TEMPLATE},
)
"""


def test_a_programs_generic_face_account_and_arm_template_each_fail_the_pack(tmp_path: Path) -> None:
    program = tmp_path / "__main__.py"
    source = f"TEMPLATE = {template(FACE_ACCOUNT)!r}\n" + GENERIC_FACE_PROGRAM
    program.write_text(source, encoding="utf-8")
    run = run_program(UNDECLARED, stack="dev", program=program, outputs_for=None, project="police-app")
    assert run.error is None, run.error
    found = [v for v in analyze(run.resources, engine_config(UNDECLARED)) if v.policy == ACCOUNT_DECLARED]
    urns = {r.name: r.urn for r in run.resources}
    assert {v.urn for v in found if v.mandatory} == {urns["faces"], urns["arm"]}
