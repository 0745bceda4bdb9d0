"""Microsoft Foundry resources: kind AIServices, projects with their own declarations, three private DNS zones."""

from __future__ import annotations

import json
from typing import Any

import pulumi
import pytest

from azure_openai_guarded.components import AzureGovernmentOpenAIService, AzureOpenAIService
from azure_openai_guarded.components.clouds import COMMERCIAL, GOVERNMENT
from azure_openai_guarded.components.guard import SchemaInputs
from azure_openai_guarded.guards import tags as guard_tags
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT, LE_GENERATIVE_REVIEW
from mockengine.program import ProgramRun, Registered, run_callable
from tests.declarations import REDACTION
from tests.samples import SUBNET_ID, SUBSCRIPTION, service_args, support_bot, us_police_facial_recognition

ACCOUNT = "azure-native:cognitiveservices:Account"
PROJECT = "azure-native:cognitiveservices:Project"
ZONE = "azure-native:privatedns:PrivateZone"
ZONE_GROUP = "azure-native:network:PrivateDnsZoneGroup"


def claims_triage() -> dict[str, Any]:
    """A second team's own, allowed declaration."""
    return {
        "name": "claims-triage",
        "purpose": "Summarise incoming insurance claims and suggest a queue for each.",
        "owner": "claims@example.com",
        "operator": {"sector": "commercial", "country": "US"},
        "capabilities": ["summarization", "classification"],
        "human_review": True,
    }


def foundry(**overrides: Any) -> Any:
    """A Foundry resource with two projects: one under the component's declaration, one with its own."""
    args: dict[str, Any] = {
        "kind": "AIServices",
        "account_name": "contoso-foundry",
        "projects": [
            {"name": "support", "display_name": "Support", "description": "Drafts replies."},
            {"name": "claims", "use_case": claims_triage()},
        ],
    }
    return service_args(**(args | overrides))


def run(args: Any, component: type = AzureOpenAIService) -> ProgramRun:
    def body() -> None:
        service = component("svc", args)
        pulumi.export("endpoint", service.endpoint)
        if service.foundry_endpoint is not None:
            pulumi.export("foundry_endpoint", service.foundry_endpoint)
            pulumi.export("projects", service.projects)

    return run_callable(body)


def ok(args: Any, component: type = AzureOpenAIService) -> ProgramRun:
    result = run(args, component)
    assert result.error is None, result.error
    return result


def by_name(result: ProgramRun, type_token: str) -> dict[str, Registered]:
    return {r.name: r for r in result.of_type(type_token)}


def test_the_default_kind_stays_openai_without_project_management() -> None:
    (account,) = ok(service_args()).of_type(ACCOUNT)
    assert account.inputs["kind"] == "OpenAI"
    assert "allowProjectManagement" not in account.inputs["properties"]


def test_a_foundry_resource_is_kind_ai_services_with_project_management_subdomain_and_identity() -> None:
    (account,) = ok(foundry()).of_type(ACCOUNT)
    assert account.inputs["kind"] == "AIServices"
    assert account.inputs["properties"]["allowProjectManagement"] is True
    assert account.inputs["properties"]["customSubDomainName"] == "contoso-foundry"
    assert account.inputs["identity"]["type"] == "SystemAssigned"


def test_each_project_is_a_child_of_the_account_created_after_it_and_after_the_previous_project() -> None:
    result = ok(foundry())
    (account,) = result.of_type(ACCOUNT)
    projects = by_name(result, PROJECT)
    support, claims = projects["svc-project-support"], projects["svc-project-claims"]
    assert account.urn in support.dependencies
    assert support.urn in claims.dependencies
    for project in (support, claims):
        assert project.inputs["accountName"] == "contoso-foundry"
        assert project.inputs["identity"] == {"type": "SystemAssigned"}
        assert project.inputs["location"] == "eastus2"


def test_a_project_has_its_name_display_name_and_description_the_display_name_defaulting_to_the_name() -> None:
    projects = by_name(ok(foundry()), PROJECT)
    assert projects["svc-project-support"].inputs["projectName"] == "support"
    assert projects["svc-project-support"].inputs["properties"] == {
        "displayName": "Support",
        "description": "Drafts replies.",
    }
    assert projects["svc-project-claims"].inputs["properties"] == {"displayName": "claims"}


def test_each_project_is_tagged_with_the_verdict_that_governs_it() -> None:
    result = ok(foundry(tags={"team": "platform"}))
    projects = by_name(result, PROJECT)
    support, claims = projects["svc-project-support"].inputs["tags"], projects["svc-project-claims"].inputs["tags"]
    assert support[guard_tags.USE_CASE] == "support-bot"
    assert claims[guard_tags.USE_CASE] == "claims-triage"
    assert claims[guard_tags.OWNER] == "claims@example.com"
    assert {support[guard_tags.VERDICT], claims[guard_tags.VERDICT]} == {"allowed"}
    assert support["team"] == claims["team"] == "platform"
    (account,) = result.of_type(ACCOUNT)
    assert account.inputs["tags"][guard_tags.USE_CASE] == "support-bot"


def test_a_denied_project_declaration_stops_the_whole_component_before_anything_is_registered() -> None:
    args = foundry(projects=[{"name": "support"}, {"name": "matching", "use_case": us_police_facial_recognition()}])
    result = run(args)
    assert result.resources == []
    assert result.error is not None
    assert "the guard denied Foundry project(s) 'matching'; nothing was created" in result.error
    assert FR_US_LAW_ENFORCEMENT.id in result.error
    assert "projects[1].use_case" in result.error


def test_every_denied_project_is_named_at_once() -> None:
    denied = us_police_facial_recognition()
    args = foundry(projects=[{"name": "one", "use_case": denied}, {"name": "two", "use_case": denied}])
    result = run(args)
    assert result.resources == []
    assert "'one', 'two'" in str(result.error)


def test_a_project_without_its_own_declaration_falls_under_the_components() -> None:
    result = ok(foundry(projects=[{"name": "support"}]))
    (project,) = result.of_type(PROJECT)
    assert project.inputs["tags"][guard_tags.USE_CASE] == support_bot()["name"]


NYPD_MATCHING = "Identify suspects for the NYPD by matching the faces in the footage against mugshots."


def test_a_projects_description_is_read_as_the_purpose_of_the_declaration_it_falls_under() -> None:
    args = foundry(projects=[{"name": "support"}, {"name": "matching", "description": NYPD_MATCHING}])
    result = run(args)
    assert result.resources == []
    assert "the guard denied Foundry project(s) 'matching'; nothing was created" in str(result.error)
    assert "projects[1].description says" in str(result.error)


def test_another_languages_project_display_name_is_read_with_its_camel_case_path() -> None:
    inputs = SchemaInputs(
        {
            "useCase": {k: v for k, v in support_bot().items() if k != "human_review"} | {"humanReview": True},
            "location": "eastus2",
            "resourceGroupName": "rg-test",
            "kind": "AIServices",
            "projects": [{"name": "matching", "displayName": NYPD_MATCHING}],
        }
    )
    result = run(inputs)
    assert result.resources == []
    assert "projects[0].displayName says" in str(result.error)


def test_the_components_name_is_read_as_its_accounts_name_when_the_arguments_give_none() -> None:
    def body() -> None:
        AzureOpenAIService("nypd-suspect-face-match", service_args())

    result = run_callable(body)
    assert result.resources == []
    assert "the component's name (its account's name) says" in str(result.error)


def test_the_services_tags_are_read_as_its_purpose() -> None:
    result = run(service_args(tags={"purpose": "Identify suspects for the NYPD from their faces"}))
    assert result.resources == []
    assert "tags.purpose says" in str(result.error)


def test_a_project_declaration_is_validated_with_its_path() -> None:
    broken = claims_triage() | {"operator": {"sector": "commercial", "country": "USA"}}
    result = run(foundry(projects=[{"name": "claims", "use_case": broken}]))
    assert result.resources == []
    assert "projects[0].use_case.operator.country" in str(result.error)


def test_the_outputs_give_the_openai_and_foundry_endpoints_and_each_projects_endpoint() -> None:
    outputs = ok(foundry()).outputs
    assert outputs["endpoint"] == "https://contoso-foundry.openai.azure.com/"
    assert outputs["foundry_endpoint"] == "https://contoso-foundry.services.ai.azure.com/"
    assert [(p["name"], p["endpoint"], p["use_case"]) for p in outputs["projects"]] == [
        ("support", "https://contoso-foundry.services.ai.azure.com/api/projects/support", "support-bot"),
        ("claims", "https://contoso-foundry.services.ai.azure.com/api/projects/claims", "claims-triage"),
    ]


def test_an_openai_account_has_no_foundry_outputs() -> None:
    outputs = ok(service_args()).outputs
    assert "foundry_endpoint" not in outputs


def test_a_foundry_private_endpoint_registers_in_three_zones_in_commercial_azure() -> None:
    result = ok(foundry(private_endpoint={"subnet_id": SUBNET_ID}))
    zones = sorted(r.inputs["privateZoneName"] for r in result.of_type(ZONE))
    assert zones == sorted(
        ["privatelink.cognitiveservices.azure.com", "privatelink.openai.azure.com", "privatelink.services.ai.azure.com"]
    )
    (group,) = result.of_type(ZONE_GROUP)
    assert len(group.inputs["privateDnsZoneConfigs"]) == 3


def test_the_private_endpoint_waits_for_every_project() -> None:
    result = ok(foundry(private_endpoint={"subnet_id": SUBNET_ID}))
    (endpoint,) = result.of_type("azure-native:network:PrivateEndpoint")
    assert {r.urn for r in result.of_type(PROJECT)} <= set(endpoint.dependencies)


def zone_id(zone: str) -> str:
    return f"/subscriptions/{SUBSCRIPTION}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/{zone}"


EXISTING_ZONES = {
    "openai": zone_id("privatelink.openai.azure.com"),
    "cognitive_services": zone_id("privatelink.cognitiveservices.azure.com"),
}


def test_existing_zones_for_a_foundry_resource_need_the_services_ai_zone() -> None:
    result = run(foundry(private_endpoint={"subnet_id": SUBNET_ID, "dns_zone_ids": EXISTING_ZONES}))
    assert result.resources == []
    assert "private_endpoint.dns_zone_ids.ai_services: required for kind AIServices" in str(result.error)


def test_existing_zones_for_a_foundry_resource_are_all_three_in_the_zone_group() -> None:
    ids = EXISTING_ZONES | {"ai_services": zone_id("privatelink.services.ai.azure.com")}
    result = ok(foundry(private_endpoint={"subnet_id": SUBNET_ID, "dns_zone_ids": ids}))
    assert result.of_type(ZONE) == []
    (group,) = result.of_type(ZONE_GROUP)
    assert [c["privateDnsZoneId"] for c in group.inputs["privateDnsZoneConfigs"]] == list(ids.values())


def test_a_services_ai_zone_is_refused_for_an_openai_account() -> None:
    ids = EXISTING_ZONES | {"ai_services": zone_id("privatelink.services.ai.azure.com")}
    result = run(service_args(private_endpoint={"subnet_id": SUBNET_ID, "dns_zone_ids": ids}))
    assert "only for kind AIServices" in str(result.error)


def test_a_services_ai_zone_id_must_name_the_services_ai_zone() -> None:
    ids = EXISTING_ZONES | {"ai_services": zone_id("privatelink.openai.azure.com")}
    result = run(foundry(private_endpoint={"subnet_id": SUBNET_ID, "dns_zone_ids": ids}))
    assert "'privatelink.services.ai.azure.com'" in str(result.error)


@pytest.mark.parametrize(
    ("overrides", "field", "words"),
    [
        ({"kind": "OpenAI"}, "projects", "Foundry projects need a Foundry resource"),
        ({"system_assigned_identity": False}, "system_assigned_identity", "Foundry projects cannot be created"),
        ({"projects": [{"name": "team"}, {"name": "Team"}]}, "projects[1].name", "already the name of projects[0]"),
        ({"projects": [{"name": "a/b"}]}, "projects[0].name", "a project name is 2 to 64"),
        ({"kind": "Face"}, "kind", "Input should be 'OpenAI' or 'AIServices'"),
        ({"location": "polandcentral"}, "kind", "offers kind AIServices in"),
    ],
)
def test_what_a_foundry_resource_cannot_be_is_refused_with_the_field(
    overrides: dict[str, Any], field: str, words: str
) -> None:
    result = run(foundry(**overrides))
    assert result.resources == []
    assert f"  {field}: " in str(result.error), result.error
    assert words in str(result.error)


def government_foundry(**overrides: Any) -> Any:
    return foundry(
        location="usgovvirginia",
        deployments=[{"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard"}],
        **overrides,
    )


def test_a_government_foundry_resource_has_the_government_foundry_endpoint() -> None:
    outputs = ok(government_foundry(), AzureGovernmentOpenAIService).outputs
    assert outputs["foundry_endpoint"] == "https://contoso-foundry.services.ai.azure.us/"
    assert outputs["projects"][0]["endpoint"] == "https://contoso-foundry.services.ai.azure.us/api/projects/support"


def test_a_government_foundry_private_endpoint_is_refused_because_no_primary_source_names_its_zone() -> None:
    result = run(government_foundry(private_endpoint={"subnet_id": SUBNET_ID}), AzureGovernmentOpenAIService)
    assert result.resources == []
    message = str(result.error)
    assert "private_endpoint: a Foundry (kind AIServices) private endpoint in Azure Government" in message
    assert "no primary Microsoft source names that zone" in message
    assert GOVERNMENT.foundry_private_dns_zone is None


def test_a_government_openai_private_endpoint_is_still_built() -> None:
    args = government_foundry(private_endpoint={"subnet_id": SUBNET_ID}, kind="OpenAI", projects=None)
    result = ok(args, AzureGovernmentOpenAIService)
    assert sorted(r.inputs["privateZoneName"] for r in result.of_type(ZONE)) == sorted(GOVERNMENT.private_dns_zones)


def test_the_cloud_facts_name_their_sources() -> None:
    assert "learn.microsoft.com" in COMMERCIAL.foundry_private_dns_zone_source
    assert "foundry-azure-government" in GOVERNMENT.foundry_domain_source
    assert GOVERNMENT.foundry_private_dns_zone_source.startswith("not found")


def test_a_denied_project_in_azure_government_registers_not_even_the_provider() -> None:
    args = government_foundry(projects=[{"name": "matching", "use_case": us_police_facial_recognition()}])
    result = run(args, AzureGovernmentOpenAIService)
    assert result.resources == []
    assert "AzureGovernmentOpenAIService 'svc': the guard denied Foundry project(s) 'matching'" in str(result.error)


def face_detection_for_us_police() -> dict[str, Any]:
    # Allowed (face detection is not recognition), so only the warning speaks about the Face API.
    return support_bot() | {
        "operator": {"sector": "law_enforcement", "country": "US"},
        "capabilities": ["face_detection"],
        "purpose": REDACTION,
    }


def test_a_foundry_resource_for_us_law_enforcement_warns_that_it_reaches_the_face_api() -> None:
    result = ok(foundry(use_case=face_detection_for_us_police(), projects=[{"name": "support"}]))
    (warning,) = [w for w in result.warnings if "reaches the Azure AI Face API" in w]
    assert "use kind OpenAI" in warning
    assert "use_case.operator" in warning


def test_a_projects_own_us_law_enforcement_declaration_also_warns_with_its_path() -> None:
    police_project = face_detection_for_us_police() | {"name": "evidence"}
    result = ok(foundry(projects=[{"name": "support"}, {"name": "evidence", "use_case": police_project}]))
    (warning,) = [w for w in result.warnings if "reaches the Azure AI Face API" in w]
    assert "projects[1].use_case.operator" in warning


def test_a_foundry_resource_whose_served_parties_are_left_out_warns_that_they_may_be_us_police() -> None:
    unsaid = support_bot() | {"operator": {"sector": "law_enforcement", "country": "GB"}}
    unsaid.pop("served_parties", None)
    result = ok(foundry(use_case=unsaid, projects=[{"name": "support"}]))
    (warning,) = [w for w in result.warnings if "reaches the Azure AI Face API" in w]
    assert "use_case.served_parties left out" in warning
    assert "`[]`" in warning


def test_an_openai_account_for_us_law_enforcement_gets_no_face_api_warning() -> None:
    result = ok(service_args(use_case=face_detection_for_us_police()))
    assert not [w for w in result.warnings if "Face API" in w]


def test_a_projects_own_warnings_are_logged_with_its_name() -> None:
    reviewless = claims_triage() | {"operator": {"sector": "law_enforcement", "country": "GB"}, "human_review": False}
    result = ok(foundry(projects=[{"name": "reports", "use_case": reviewless}]))
    expected = f"Foundry project 'reports': [{LE_GENERATIVE_REVIEW.id}]"
    assert any(expected in w for w in result.warnings), result.warnings


def test_another_languages_inputs_decide_a_projects_declaration_with_its_camel_case_path() -> None:
    # What the component provider hands the component for a TypeScript, Go or YAML program.
    police = us_police_facial_recognition()
    project_use_case = {
        "name": police["name"],
        "purpose": police["purpose"],
        "owner": police["owner"],
        "operator": police["operator"],
        "capabilities": police["capabilities"],
        "facialRecognition": police["facial_recognition"],
        "humanReview": True,
    }
    inputs = SchemaInputs(
        {
            "useCase": {k: v for k, v in support_bot().items() if k != "human_review"} | {"humanReview": True},
            "location": "eastus2",
            "resourceGroupName": "rg-test",
            "kind": "AIServices",
            "projects": [{"name": "matching", "displayName": "Matching", "useCase": project_use_case}],
        }
    )
    result = run(inputs)
    assert result.resources == []
    assert "decided on its own declaration (projects[0].useCase)" in str(result.error)


@pytest.mark.parametrize("container", [list, tuple])
def test_projects_given_as_a_list_or_a_tuple_have_their_json_text_use_case_decoded(container: type) -> None:
    projects = container([{"name": "claims", "use_case": json.dumps(claims_triage())}])
    (project,) = ok(foundry(projects=projects)).of_type(PROJECT)
    assert project.inputs["tags"][guard_tags.USE_CASE] == claims_triage()["name"]


def test_projects_given_as_bytes_are_refused_as_bytes() -> None:
    result = run(foundry(projects=b"claims"))
    assert result.resources == []
    assert "projects: must be a list, not bytes" in str(result.error)
