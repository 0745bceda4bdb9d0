"""A YAML program's nested deployments and deployment scripts are refused by the checker, as by the pack.

Beside a US police department's report-drafting component (allowed), a generic ``resources:Resource`` or an azapi
resource whose own type is ``Microsoft.Resources/deployments`` carries a template that creates a Face account; a
classic template deployment hides the provider's name behind a JSON escape; a deployment script runs
``az cognitiveservices account create``. Each is refused whatever the stack declares (review R7 H2).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.rules import DECLARATION_MISSING
from tests.declarations import police, use_case

POLICE_TEXT = use_case(operator=police("US"), servedParties=[], capabilities=["text_generation"], humanReview=True)
CHAT = {
    "type": "azure-openai-guarded:index:AzureOpenAIService",
    "properties": {
        "useCase": POLICE_TEXT,
        "location": "eastus2",
        "resourceGroupName": "rg-chat",
        "deployments": [
            {"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard", "capacity": 10}
        ],
    },
}
FACE = {"type": "Microsoft.CognitiveServices/accounts", "apiVersion": "2024-10-01", "name": "pd-faces", "kind": "Face"}
STORAGE = {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01", "name": "logs", "kind": "V2"}


def template(*resources: dict[str, Any]) -> dict[str, Any]:
    return {"contentVersion": "1.0.0.0", "resources": list(resources)}


def generic(resource: dict[str, Any]) -> dict[str, Any]:
    properties = {
        "resourceGroupName": "rg-chat",
        "resourceProviderNamespace": "Microsoft.Resources",
        "resourceType": "deployments",
        "parentResourcePath": "",
        "resourceName": "nested",
        "apiVersion": "2022-09-01",
        "properties": {"mode": "Incremental", "template": template(resource)},
    }
    return {"type": "azure-native:resources:Resource", "properties": properties, "options": {"parent": "${chat}"}}


def check(folder: Path, resource: dict[str, Any]) -> tuple[bool, set[str], str]:
    folder.mkdir(parents=True, exist_ok=True)
    document = {"name": "app", "runtime": "yaml", "resources": {"chat": CHAT, "nested": resource}}
    (folder / "Pulumi.yaml").write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    path = folder / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump({"config": {"azure-native:environment": "public"}}), encoding="utf-8")
    result = check_file(path)
    assert result.verdict is not None, result.error
    denials = result.verdict.denials
    return result.verdict.allowed, {f.rule for f in denials}, " ".join(f.message for f in denials)


@pytest.mark.parametrize(
    ("resource", "why"),
    [
        pytest.param(generic(FACE), "a template deployment", id="generic-deployment"),
        pytest.param(
            {
                "type": "azapi:index:Resource",
                "properties": {
                    "type": "Microsoft.Resources/deployments@2022-09-01",
                    "name": "nested",
                    "body": {"properties": {"mode": "Incremental", "template": template(FACE)}},
                },
            },
            "`body.properties.template`",
            id="azapi-deployment",
        ),
        pytest.param(
            {
                "type": "azure:core/resourceGroupTemplateDeployment:ResourceGroupTemplateDeployment",
                "properties": {
                    "name": "nested",
                    "resourceGroupName": "rg-chat",
                    "deploymentMode": "Incremental",
                    "templateContent": json.dumps(template(FACE)).replace(
                        "CognitiveServices", "Cognitive\\u0053ervices"
                    ),
                },
            },
            "names the Microsoft.CognitiveServices resource provider",
            id="classic-json-escape",
        ),
        pytest.param(
            {
                "type": "azure-native:resources:AzureCliScript",
                "properties": {
                    "resourceGroupName": "rg-chat",
                    "kind": "AzureCLI",
                    "azCliVersion": "2.60.0",
                    "retentionInterval": "P1D",
                    "scriptContent": "az cognitiveservices account create -n pd-faces -g rg-chat --kind Face --sku S0",
                },
                "options": {"parent": "${chat}"},
            },
            "runs a deployment script",
            id="deployment-script",
        ),
        pytest.param(
            {
                "type": "azure-native:resources:Resource",
                "properties": {**generic(FACE)["properties"], "properties": {"template": "${nestedTemplate}"}},
            },
            "unknown until deployment",
            id="generic-deployment-template-interpolated",
        ),
    ],
)
def test_a_nested_deployment_or_deployment_script_beside_a_police_component_is_denied(
    tmp_path: Path, resource: dict[str, Any], why: str
) -> None:
    allowed, rules, messages = check(tmp_path, resource)
    assert not allowed
    assert DECLARATION_MISSING.id in rules
    assert why in messages


def test_a_generic_nested_deployment_of_a_storage_account_is_allowed(tmp_path: Path) -> None:
    allowed, rules, _ = check(tmp_path, generic(STORAGE))
    assert allowed, rules
