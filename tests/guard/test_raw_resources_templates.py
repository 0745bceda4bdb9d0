"""A template deployment is read wherever it is written, and a deployment script is refused.

``raw_resources.opaque_reason`` (the pack's and the checker's) reads a template given as JSON text parsed, so a
JSON escape cannot hide a provider's name; reads a generic or azapi resource whose own type is a template
deployment (``Microsoft.Resources/deployments``, ``deploymentStacks``) as a template deployment; and refuses a
deployment script in every form, since nothing can read what a script creates.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from azure_openai_guarded.guards.raw_resources import Pending, Read, opaque_reason

FACE = {"type": "Microsoft.CognitiveServices/accounts", "apiVersion": "2024-10-01", "name": "pd-faces", "kind": "Face"}
STORAGE = {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "logs", "kind": "V2"}
GENERIC = "azure-native:resources:Resource"
AZAPI = "azapi:index:Resource"
CLASSIC = "azure:core/resourceGroupTemplateDeployment:ResourceGroupTemplateDeployment"


def template(*resources: dict[str, Any]) -> dict[str, Any]:
    return {"contentVersion": "1.0.0.0", "resources": list(resources)}


def reader(inputs: dict[str, Any]) -> Read:
    def read(key: str) -> Any:
        value: Any = inputs
        for part in key.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, Pending):
            return Pending(key)
        return value

    return read


def generic_deployment(properties: Any, resource_type: Any = "deployments") -> dict[str, Any]:
    return {
        "resourceGroupName": "rg",
        "resourceProviderNamespace": "Microsoft.Resources",
        "resourceType": resource_type,
        "parentResourcePath": "",
        "resourceName": "nested",
        "apiVersion": "2022-09-01",
        "properties": properties,
    }


ESCAPED = json.dumps(template(FACE)).replace("CognitiveServices", "Cognitive\\u0053ervices")


@pytest.mark.parametrize(
    ("token", "inputs", "why"),
    [
        pytest.param(CLASSIC, {"templateContent": ESCAPED}, "Microsoft.CognitiveServices", id="classic-json-escape"),
        pytest.param(
            CLASSIC,
            {"templateContent": "// a comment\n" + ESCAPED},
            "Microsoft.CognitiveServices",
            id="classic-escape-in-text-that-is-no-json",
        ),
        pytest.param(
            CLASSIC,
            {"templateContent": json.dumps(json.dumps(template(FACE)))},
            "Microsoft.CognitiveServices",
            id="classic-json-in-json",
        ),
        pytest.param(
            "azure-native:resources:Deployment",
            {"properties": {"template": json.loads(ESCAPED.replace("CognitiveServices", "cognitiveSERVICES"))}},
            "Microsoft.CognitiveServices",
            id="native-case",
        ),
        pytest.param(
            GENERIC,
            generic_deployment({"mode": "Incremental", "template": template(FACE)}),
            "'deployments' of 'Microsoft.Resources', a template deployment, and its template (`properties.template`)",
            id="generic-deployment",
        ),
        pytest.param(
            GENERIC,
            generic_deployment({"template": template(FACE)}, " Deployments "),
            "names the Microsoft.CognitiveServices",
            id="generic-deployment-case",
        ),
        pytest.param(
            GENERIC,
            generic_deployment(json.dumps({"template": template(FACE)})),
            "names the Microsoft.CognitiveServices",
            id="generic-deployment-properties-as-text",
        ),
        pytest.param(
            GENERIC,
            generic_deployment({"templateLink": {"id": "/subscriptions/x/templateSpecs/t/versions/1"}}),
            "`properties.templateLink`, which the pack cannot read",
            id="generic-template-spec",
        ),
        pytest.param(
            GENERIC,
            generic_deployment({"mode": "Incremental"}),
            "gives no template at `properties.template`",
            id="generic-deployment-no-template",
        ),
        pytest.param(
            GENERIC,
            generic_deployment({"template": template(STORAGE)}, Pending("resourceType")),
            "`resourceType` is unknown until deployment",
            id="generic-type-unknown",
        ),
        pytest.param(
            GENERIC,
            generic_deployment({"template": Pending("x")}),
            "unknown until deployment",
            id="generic-template-unknown",
        ),
        pytest.param(
            GENERIC,
            generic_deployment({"template": template(FACE)}, "deploymentStacks"),
            "names the Microsoft.CognitiveServices",
            id="generic-deployment-stack",
        ),
        pytest.param(
            GENERIC, generic_deployment({}, "deploymentScripts"), "runs a deployment script", id="generic-script"
        ),
        pytest.param(
            AZAPI,
            {
                "type": "Microsoft.Resources/deployments@2022-09-01",
                "body": {"properties": {"template": template(FACE)}},
            },
            "a template deployment, and its template (`body.properties.template`) names the Microsoft.Cognitive",
            id="azapi-deployment",
        ),
        pytest.param(
            AZAPI,
            {
                "type": "microsoft.resources/DEPLOYMENTS@2024-03-01",
                "body": json.dumps({"properties": {"template": template(FACE)}}),
            },
            "names the Microsoft.CognitiveServices",
            id="azapi-body-as-text",
        ),
        pytest.param(
            AZAPI,
            {
                "type": "Microsoft.Resources/deployments@2022-09-01",
                "body": ESCAPED.join(['{"properties": {"template": ', "}}"]),
            },
            "names the Microsoft.CognitiveServices",
            id="azapi-body-as-text-escaped",
        ),
        pytest.param(
            AZAPI,
            {
                "type": "Microsoft.Resources/deployments@2022-09-01",
                "body": {"properties": {"templateLink": {"uri": "u"}}},
            },
            "`body.properties.templateLink`",
            id="azapi-link",
        ),
        pytest.param(
            AZAPI,
            {"type": "Microsoft.Resources/deployments@2022-09-01", "body": Pending("body")},
            "unknown until deployment",
            id="azapi-body-unknown",
        ),
        pytest.param(
            AZAPI,
            {"type": "Microsoft.Resources/deploymentScripts@2023-08-01", "body": {"kind": "AzureCLI"}},
            "runs a deployment script",
            id="azapi-script",
        ),
        pytest.param(
            "azure-native:resources:AzureCliScript",
            {"kind": "AzureCLI", "scriptContent": "az group list"},
            "runs a deployment script",
            id="native-cli-script",
        ),
        pytest.param(
            "azure-native:resources/v20230801:AzurePowerShellScript",
            {"kind": "AzurePowerShell"},
            "runs a deployment script",
            id="native-powershell-script",
        ),
        pytest.param(
            "azure:core/resourceDeploymentScriptAzureCli:ResourceDeploymentScriptAzureCli",
            {"scriptContent": "az group list"},
            "runs a deployment script",
            id="classic-cli-script",
        ),
        pytest.param(
            "azure-native:resources:Deployment",
            {"properties": {"template": template({**STORAGE, "type": "Microsoft.Resources/deploymentScripts"})}},
            "runs a deployment script",
            id="script-in-a-template",
        ),
        pytest.param(
            "azure-native:resources:Deployment",
            {
                "properties": {
                    "template": template(
                        {"type": "Microsoft.Resources/deployments", "properties": {"template": "[variables('t')]"}}
                    )
                }
            },
            "nested deployment's template as an expression",
            id="nested-template-expression",
        ),
    ],
)
def test_a_template_deployment_or_script_that_may_create_a_face_account_is_refused(
    token: str, inputs: dict[str, Any], why: str
) -> None:
    reason = opaque_reason(token, reader(inputs))
    assert reason is not None
    assert why in reason


@pytest.mark.parametrize(
    ("token", "inputs"),
    [
        pytest.param(GENERIC, generic_deployment({"template": template(STORAGE)}), id="generic-deployment-storage"),
        pytest.param(
            GENERIC,
            {**generic_deployment({}, "resourceGroups"), "resourceProviderNamespace": "Microsoft.Resources"},
            id="generic-other-resources-type",
        ),
        pytest.param(
            AZAPI,
            {
                "type": "Microsoft.Resources/deployments@2022-09-01",
                "body": {"properties": {"template": template(STORAGE)}},
            },
            id="azapi-deployment-storage",
        ),
        pytest.param(
            AZAPI,
            {
                "type": "Microsoft.Resources/deployments@2022-09-01",
                "body": json.dumps({"properties": {"template": template(STORAGE)}}),
            },
            id="azapi-body-as-text-storage",
        ),
        pytest.param(CLASSIC, {"templateContent": json.dumps(template(STORAGE))}, id="classic-storage"),
        pytest.param("azure-native:resources:ResourceGroup", {"location": "eastus"}, id="resource-group"),
    ],
)
def test_a_template_deployment_of_other_resources_passes(token: str, inputs: dict[str, Any]) -> None:
    assert opaque_reason(token, reader(inputs)) is None


DINE_FACE = {
    "if": {"field": "type", "equals": "Microsoft.Resources/resourceGroups"},
    "then": {
        "effect": "deployIfNotExists",
        "details": {
            "type": "Microsoft.CognitiveServices/accounts",
            "deployment": {
                "properties": {
                    "mode": "incremental",
                    "template": {"resources": [{"type": "Microsoft.CognitiveServices/accounts", "kind": "Face"}]},
                }
            },
        },
    },
}
AUDIT_ACCOUNTS = {
    "if": {"field": "type", "equals": "Microsoft.CognitiveServices/accounts"},
    "then": {"effect": "audit"},
}


@pytest.mark.parametrize(
    ("token", "inputs", "refused"),
    [
        pytest.param("azure-native:authorization:PolicyDefinition", {"policyRule": DINE_FACE}, True, id="dine-face"),
        pytest.param(
            "azure:policy/definition:Definition", {"policyRule": json.dumps(DINE_FACE)}, True, id="classic-dine-text"
        ),
        pytest.param(
            "azure-native:authorization:PolicyDefinition", {"policyRule": AUDIT_ACCOUNTS}, False, id="audit-accounts"
        ),
        pytest.param("azure-native:solutions:Application", {"kind": "ServiceCatalog"}, True, id="managed-application"),
    ],
)
def test_a_policy_that_deploys_cognitive_services_and_a_managed_application_are_refused(
    token: str, inputs: dict[str, Any], refused: bool
) -> None:
    assert (opaque_reason(token, reader(inputs)) is not None) is refused


@pytest.mark.parametrize(
    ("token", "inputs", "refused"),
    [
        pytest.param(
            "command:local:Command",
            {"create": "az cognitiveservices account create -n pd-faces --kind Face --sku S0"},
            True,
            id="the-cli-creates-an-account",
        ),
        pytest.param(
            "command:remote:Command",
            {"create": "az deployment group create -g rg -f Microsoft.CognitiveServices.json"},
            True,
            id="a-template-named-for-the-provider",
        ),
        pytest.param("command:local:Command", {"create": Pending("create")}, True, id="known-only-at-deployment"),
        pytest.param("command:local:Command", {"create": "az storage account create -n logs"}, False, id="storage"),
        pytest.param("command:local:Command", {"create": "echo ready"}, False, id="no-cloud-resource"),
    ],
)
def test_a_command_that_creates_a_cognitive_services_account_is_refused(
    token: str, inputs: dict[str, Any], refused: bool
) -> None:
    assert (opaque_reason(token, reader(inputs)) is not None) is refused
