"""AzureOpenAIService orders its writes as Azure needs them, and every child hangs off the component."""

from __future__ import annotations

import pulumi
import pytest

from azure_openai_guarded.components import AzureOpenAIService, CommercialProvider
from mockengine.program import ProgramRun, Registered, run_callable
from tests.samples import SUBNET_ID, SUBSCRIPTION, build, deployments, service_args

COMPONENT = "azure-openai-guarded:index:AzureOpenAIService"
DEPLOYMENT = "azure-native:cognitiveservices:Deployment"
RAI_POLICY = "azure-native:cognitiveservices:RaiPolicy"
ACCOUNT = "azure-native:cognitiveservices:Account"
ENDPOINT = "azure-native:network:PrivateEndpoint"


@pytest.fixture(scope="module")
def run() -> ProgramRun:
    chain = deployments(4)
    chain[1]["rai_policy"] = "strict"
    chain[3]["rai_policy"] = "lenient"
    result = build(
        service_args(
            deployments=chain,
            rai_policies=[{"name": "strict", "threshold": "Low"}, {"name": "lenient"}],
            private_endpoint={"subnet_id": SUBNET_ID},
        )
    )
    assert result.error is None, result.error
    return result


def by_name(run: ProgramRun, type_token: str) -> dict[str, Registered]:
    return {r.name: r for r in run.of_type(type_token)}


def test_each_deployment_waits_for_the_previous_one(run: ProgramRun) -> None:
    chain = by_name(run, DEPLOYMENT)
    for i in range(1, 4):
        assert chain[f"svc-deployment-chat-{i - 1}"].urn in chain[f"svc-deployment-chat-{i}"].dependencies


def test_no_two_deployments_can_be_written_at_once(run: ProgramRun) -> None:
    # A total order: every pair is ordered through the chain of direct dependencies.
    chain = by_name(run, DEPLOYMENT)
    urns = {r.urn for r in chain.values()}
    waits_on = {r.urn: set(r.dependencies) & urns for r in chain.values()}
    roots = [urn for urn, deps in waits_on.items() if not deps]
    assert len(roots) == 1
    assert all(len(deps) <= 1 for deps in waits_on.values())


def test_content_filter_policies_exist_before_any_deployment(run: ProgramRun) -> None:
    policies = by_name(run, RAI_POLICY)
    first = by_name(run, DEPLOYMENT)["svc-deployment-chat-0"]
    assert policies["svc-rai-lenient"].urn in first.dependencies
    assert policies["svc-rai-strict"].urn in policies["svc-rai-lenient"].dependencies


def test_deployments_reference_their_policy_by_name(run: ProgramRun) -> None:
    chain = by_name(run, DEPLOYMENT)
    assert chain["svc-deployment-chat-1"].inputs["properties"]["raiPolicyName"] == "strict"
    assert "raiPolicyName" not in chain["svc-deployment-chat-0"].inputs["properties"]


def test_the_private_endpoint_waits_for_the_account_every_deployment_and_every_policy(run: ProgramRun) -> None:
    (endpoint,) = run.of_type(ENDPOINT)
    (account,) = run.of_type(ACCOUNT)
    expected = {account.urn, *(r.urn for r in run.of_type(DEPLOYMENT)), *(r.urn for r in run.of_type(RAI_POLICY))}
    assert expected <= set(endpoint.dependencies)


def test_the_private_endpoint_connects_the_account_subresource_on_the_subnet(run: ProgramRun) -> None:
    (endpoint,) = run.of_type(ENDPOINT)
    (connection,) = endpoint.inputs["privateLinkServiceConnections"]
    assert connection["privateLinkServiceId"] == run.outputs["account_id"]
    assert connection["groupIds"] == ["account"]
    assert endpoint.inputs["subnet"]["id"] == SUBNET_ID
    assert endpoint.inputs["location"] == "eastus2"


def test_both_commercial_private_dns_zones_are_created_and_linked_to_the_subnets_network(run: ProgramRun) -> None:
    zones = sorted(r.inputs["privateZoneName"] for r in run.of_type("azure-native:privatedns:PrivateZone"))
    assert zones == ["privatelink.cognitiveservices.azure.com", "privatelink.openai.azure.com"]
    links = run.of_type("azure-native:privatedns:VirtualNetworkLink")
    vnet = (
        f"/subscriptions/{SUBSCRIPTION}/resourceGroups/rg-network/providers/Microsoft.Network/virtualNetworks/vnet-app"
    )
    assert sorted(link.inputs["privateZoneName"] for link in links) == zones
    assert {link.inputs["virtualNetwork"]["id"] for link in links} == {vnet}
    assert all(link.inputs["registrationEnabled"] is False for link in links)
    (group,) = run.of_type("azure-native:network:PrivateDnsZoneGroup")
    assert sorted(c["privateDnsZoneId"].rsplit("/", 1)[-1] for c in group.inputs["privateDnsZoneConfigs"]) == zones


def test_existing_dns_zones_are_used_instead_of_creating_them() -> None:
    zone = f"/subscriptions/{SUBSCRIPTION}/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/"
    given = {
        "openai": zone + "privatelink.openai.azure.com",
        "cognitive_services": zone + "privatelink.cognitiveservices.azure.com",
    }
    run = build(service_args(private_endpoint={"subnet_id": SUBNET_ID, "location": "westus", "dns_zone_ids": given}))
    assert run.error is None, run.error
    assert run.of_type("azure-native:privatedns:PrivateZone") == []
    (group,) = run.of_type("azure-native:network:PrivateDnsZoneGroup")
    assert [c["privateDnsZoneId"] for c in group.inputs["privateDnsZoneConfigs"]] == list(given.values())
    (endpoint,) = run.of_type(ENDPOINT)
    assert endpoint.inputs["location"] == "westus"


def test_every_child_has_the_component_as_parent(run: ProgramRun) -> None:
    (component,) = run.of_type(COMPONENT)
    children = [r for r in run.resources if r.type != COMPONENT]
    assert len(children) == 13
    assert all(r.parent == component.urn for r in children)


def test_children_are_named_from_the_component_name(run: ProgramRun) -> None:
    assert all(r.name.startswith("svc-") for r in run.resources if r.type != COMPONENT)


def test_provider_options_flow_to_every_child() -> None:
    def body() -> None:
        provider = CommercialProvider("other-subscription", subscription_id=SUBSCRIPTION)
        AzureOpenAIService("svc", service_args(), pulumi.ResourceOptions(providers=[provider]))

    run = run_callable(body)
    assert run.error is None, run.error
    (provider,) = run.of_type("pulumi:providers:azure-native")
    azure = [r for r in run.resources if r.type.startswith("azure-native:")]
    assert azure
    assert all(r.provider.startswith(provider.urn + "::") for r in azure)
