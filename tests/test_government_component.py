"""AzureGovernmentOpenAIService: every resource on a Government provider, only what Government offers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pulumi
import pulumi_azure_native
import pytest

from azure_openai_guarded.components import (
    AzureGovernmentOpenAIService,
    AzureOpenAIService,
    GovernmentProvider,
    GuardDeniedError,
    InvalidArgsError,
)
from azure_openai_guarded.components.catalogue import GOVERNMENT_CATALOGUE
from azure_openai_guarded.components.clouds import GOVERNMENT
from azure_openai_guarded.components.declaration import read_component_args
from azure_openai_guarded.guards import PYTHON_NAMING, tags
from azure_openai_guarded.guards.rules import DECLARATION_INCONSISTENT, FR_US_LAW_ENFORCEMENT
from mockengine.program import ProgramRun, run_callable
from tests.samples import (
    KEY_VAULT_ID,
    PRINCIPAL_ID,
    SUBNET_ID,
    SUBSCRIPTION,
    WORKSPACE_ID,
    build,
    service_args,
    support_bot,
    us_police_facial_recognition,
)

GOV = "azure-openai-guarded:index:AzureGovernmentOpenAIService"
INNER = "azure-openai-guarded:index:AzureOpenAIService"


@pytest.fixture(autouse=True)
def no_config_left_behind() -> Iterator[None]:
    # The mock engine keeps the last run's config; a component built outside a run would read it.
    yield
    pulumi.runtime.set_all_config({})


PROVIDER = "pulumi:providers:azure-native"


def gov_args(**overrides: Any) -> Any:
    base: dict[str, Any] = {
        "location": "usgovvirginia",
        "deployments": [
            {"name": "summarize", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard", "capacity": 20}
        ],
    }
    return service_args(**(base | overrides))


def build_gov(args: Any, opts: pulumi.ResourceOptions | None = None) -> ProgramRun:
    return build(args, component=AzureGovernmentOpenAIService, opts=opts)


def problems_of(args: Any) -> list[str]:
    with pytest.raises(InvalidArgsError) as raised:
        AzureGovernmentOpenAIService("svc", args)
    return [p.line(PYTHON_NAMING) for p in raised.value.problems]


@pytest.fixture(scope="module")
def run() -> ProgramRun:
    result = build_gov(
        gov_args(
            create_resource_group=True,
            rai_policies=[{"name": "strict"}],
            private_endpoint={"subnet_id": SUBNET_ID},
            log_analytics_workspace_id=WORKSPACE_ID,
            role_assignments=[{"principal_id": PRINCIPAL_ID}],
            customer_managed_key={"key_vault_id": KEY_VAULT_ID},
        )
    )
    assert result.error is None, result.error
    return result


def test_the_component_creates_a_government_provider(run: ProgramRun) -> None:
    (provider,) = run.of_type(PROVIDER)
    assert provider.inputs["environment"] == "usgovernment"
    assert provider.inputs["location"] == "usgovvirginia"


def test_every_azure_resource_goes_through_the_government_provider(run: ProgramRun) -> None:
    (provider,) = run.of_type(PROVIDER)
    azure = [r for r in run.resources if r.type.startswith("azure-native:")]
    assert len(azure) >= 14
    for registered in azure:
        assert registered.provider.startswith(f"{provider.urn}::"), registered.type


def test_it_composes_the_commercial_component(run: ProgramRun) -> None:
    (outer,) = run.of_type(GOV)
    (inner,) = run.of_type(INNER)
    (provider,) = run.of_type(PROVIDER)
    assert inner.parent == outer.urn
    assert provider.parent == outer.urn
    children = [r for r in run.resources if r.type.startswith("azure-native:")]
    assert all(r.parent == inner.urn for r in children)


def test_private_link_uses_the_government_zones(run: ProgramRun) -> None:
    zones = sorted(r.inputs["privateZoneName"] for r in run.of_type("azure-native:privatedns:PrivateZone"))
    assert zones == ["privatelink.cognitiveservices.azure.us", "privatelink.openai.azure.us"]
    (group,) = run.of_type("azure-native:network:PrivateDnsZoneGroup")
    assert all(c["privateDnsZoneId"].endswith(".azure.us") for c in group.inputs["privateDnsZoneConfigs"])


def test_the_endpoint_uses_the_government_domain(run: ProgramRun) -> None:
    assert run.outputs["endpoint"] == "https://svc.openai.azure.us/"


def test_the_customer_managed_key_uses_the_government_key_vault_domain(run: ProgramRun) -> None:
    (account,) = run.of_type("azure-native:cognitiveservices:Account")
    vault_uri = account.inputs["properties"]["encryption"]["keyVaultProperties"]["keyVaultUri"]
    assert vault_uri == "https://kv-platform.vault.usgovcloudapi.net/"


def test_the_same_secure_defaults_apply(run: ProgramRun) -> None:
    (account,) = run.of_type("azure-native:cognitiveservices:Account")
    properties = account.inputs["properties"]
    assert properties["disableLocalAuth"] is True
    assert properties["publicNetworkAccess"] == "Disabled"
    assert properties["restrictOutboundNetworkAccess"] is True
    assert "SystemAssigned" in account.inputs["identity"]["type"]
    assert account.inputs["location"] == "usgovvirginia"
    assert account.inputs["tags"][tags.VERDICT] == "allowed"


def test_outputs_match_the_commercial_components(run: ProgramRun) -> None:
    assert run.outputs["account_name"] == "svc"
    assert run.outputs["deployment_names"] == ["summarize"]
    assert run.outputs["principal_id"]
    assert run.outputs["verdict"]["verdict"] == "allowed"


def test_a_passed_government_provider_is_used_instead_of_creating_one() -> None:
    def body() -> None:
        provider = GovernmentProvider("agency", location="usgovarizona", subscription_id=SUBSCRIPTION)
        AzureGovernmentOpenAIService("svc", gov_args(), pulumi.ResourceOptions(providers=[provider]))

    run = run_callable(body)
    assert run.error is None, run.error
    (provider,) = run.of_type(PROVIDER)
    assert provider.name == "agency"
    assert provider.inputs["environment"] == "usgovernment"
    assert all(r.provider.startswith(f"{provider.urn}::") for r in run.resources if r.type.startswith("azure-native:"))


def test_any_other_azure_native_provider_is_refused_before_anything_is_registered() -> None:
    def body() -> None:
        provider = pulumi_azure_native.Provider("public", environment="public")
        AzureGovernmentOpenAIService("svc", gov_args(), pulumi.ResourceOptions(provider=provider))

    run = run_callable(body)
    assert run.error is not None
    assert "does not record its cloud" in run.error
    assert [r.type for r in run.resources] == [PROVIDER]  # only the caller's own provider


def test_a_refused_provider_is_reported_with_every_argument_problem() -> None:
    def body() -> None:
        provider = pulumi_azure_native.Provider("public", environment="public")
        AzureGovernmentOpenAIService("svc", gov_args(location="eastus2"), pulumi.ResourceOptions(provider=provider))

    run = run_callable(body)
    assert run.error is not None
    assert "opts: an azure-native provider was given (in `opts` or inherited from the parent)" in run.error
    assert "location: 'eastus2' does not offer Azure OpenAI in Azure Government" in run.error


CASES: list[tuple[str, dict[str, Any], str, str]] = [
    (
        "a commercial region",
        {"location": "eastus2"},
        "location",
        "'eastus2' does not offer Azure OpenAI in Azure Government; choose one of usgovarizona, usgovvirginia",
    ),
    (
        "GlobalStandard",
        {"deployments": [{"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": "GlobalStandard"}]},
        "deployments[0].sku",
        "GlobalStandard is not offered in Azure Government; it offers Standard, DataZoneStandard, "
        "ProvisionedManaged, DataZoneProvisionedManaged",
    ),
    (
        "global batch",
        {"deployments": [{"name": "b", "model": "gpt-4o", "version": "2024-11-20", "sku": "GlobalBatch"}]},
        "deployments[0].sku",
        "GlobalBatch is not offered in Azure Government",
    ),
    (
        "data zone batch",
        {"deployments": [{"name": "b", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneBatch"}]},
        "deployments[0].sku",
        "DataZoneBatch is not offered in Azure Government",
    ),
    (
        "global provisioned",
        {"deployments": [{"name": "p", "model": "gpt-4o", "version": "2024-11-20", "sku": "GlobalProvisionedManaged"}]},
        "deployments[0].sku",
        "GlobalProvisionedManaged is not offered in Azure Government",
    ),
    (
        "a model Government does not offer",
        {"deployments": [{"name": "m", "model": "gpt-4o-mini", "version": "2024-07-18", "sku": "Standard"}]},
        "deployments[0].model",
        "'gpt-4o-mini' is not in the Azure Government catalogue",
    ),
    (
        "a version Government does not offer",
        {"deployments": [{"name": "m", "model": "gpt-4o", "version": "2024-08-06", "sku": "Standard"}]},
        "deployments[0].version",
        "gpt-4o version '2024-08-06' is not in the Azure Government catalogue; listed versions: 2024-11-20",
    ),
    (
        "a model offered only in the other region",
        {"deployments": [{"name": "e", "model": "text-embedding-3-large", "version": "1", "sku": "Standard"}]},
        "deployments[0]",
        "text-embedding-3-large 1 (Standard) is not offered in usgovvirginia; it is offered in usgovarizona",
    ),
    (
        "a model only offered with another SKU",
        {"deployments": [{"name": "r", "model": "o3-mini", "version": "2025-01-31", "sku": "Standard"}]},
        "deployments[0].sku",
        "o3-mini 2025-01-31 is not offered as Standard in Azure Government; it is offered as DataZoneStandard",
    ),
    (
        "a commercial private DNS zone",
        {
            "private_endpoint": {
                "subnet_id": SUBNET_ID,
                "dns_zone_ids": {
                    "openai": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/dns/providers/Microsoft.Network/"
                    "privateDnsZones/privatelink.openai.azure.com",
                    "cognitive_services": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/dns/providers/"
                    "Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.us",
                },
            }
        },
        "private_endpoint.dns_zone_ids.openai",
        "names the zone 'privatelink.openai.azure.com'; Azure Government private link uses "
        "'privatelink.openai.azure.us'",
    ),
    (
        "an added model in a commercial region",
        {
            "additional_models": [
                {"model": "gpt-5.1", "version": "2026-01-01", "sku": "Standard", "regions": ["eastus"]}
            ]
        },
        "additional_models[0].regions[0]",
        "'eastus' does not offer Azure OpenAI in Azure Government",
    ),
]


@pytest.mark.parametrize(("overrides", "path", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_commercial_only_choice_is_refused_with_what_government_offers(
    overrides: dict[str, Any], path: str, message: str
) -> None:
    problems = problems_of(gov_args(**overrides))
    assert any(p.startswith(f"{path}: ") and message in p for p in problems), problems


@pytest.mark.parametrize("overrides", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_a_refused_choice_registers_nothing_not_even_the_provider(overrides: dict[str, Any]) -> None:
    run = build_gov(gov_args(**overrides))
    assert run.error is not None
    assert run.resources == []


def test_a_model_offered_in_arizona_deploys_there() -> None:
    deployment = {"name": "embed", "model": "text-embedding-3-large", "version": "1", "sku": "Standard"}
    run = build_gov(gov_args(location="usgovarizona", deployments=[deployment]))
    assert run.error is None, run.error
    (registered,) = run.of_type("azure-native:cognitiveservices:Deployment")
    assert registered.inputs["sku"] == {"name": "Standard", "capacity": 1}


def test_every_listed_government_offer_deploys() -> None:
    for offer in GOVERNMENT_CATALOGUE.offers:
        for region in sorted(offer.regions):
            deployment = {"name": "d", "model": offer.model, "version": offer.version, "sku": offer.sku.value}
            run = build_gov(gov_args(location=region, deployments=[deployment]))
            assert run.error is None, (offer, region, run.error)


def test_us_police_facial_recognition_on_government_is_denied_and_registers_nothing() -> None:
    run = build_gov(gov_args(use_case=us_police_facial_recognition(), private_endpoint={"subnet_id": SUBNET_ID}))
    assert run.resources == []
    assert run.error is not None
    assert "AzureGovernmentOpenAIService 'svc': the guard denied this use case" in run.error
    assert FR_US_LAW_ENFORCEMENT.id in run.error


def test_in_government_every_party_is_under_us_jurisdiction() -> None:
    # Recognition for a UK force on fixed cameras in a custody suite, after the fact: the terms leave it
    # open in commercial Azure, but a Government deployment is US jurisdiction whatever the stack says.
    use_case = us_police_facial_recognition()
    use_case["operator"] = {"sector": "commercial", "country": "US"}
    use_case["owner"] = "records@vendor.example.com"
    use_case["served_parties"] = [{"sector": "law_enforcement", "country": "GB"}]
    commercial = build(service_args(use_case=use_case))
    assert commercial.error is None, commercial.error
    with pytest.raises(GuardDeniedError) as raised:
        AzureGovernmentOpenAIService("svc", gov_args(use_case=use_case))
    assert [f.rule for f in raised.value.verdict.denials] == [FR_US_LAW_ENFORCEMENT.id]


def test_an_operator_outside_the_us_is_inconsistent_in_government() -> None:
    use_case = support_bot()
    use_case["operator"] = {"sector": "public_sector", "country": "DE"}
    run = build_gov(gov_args(use_case=use_case))
    assert run.resources == []
    assert DECLARATION_INCONSISTENT.id in (run.error or "")


def test_a_government_provider_given_to_the_commercial_component_is_refused() -> None:
    # Jurisdiction follows where the resources go: the commercial component would judge them commercial.
    def body() -> None:
        provider = GovernmentProvider("agency", location="usgovvirginia", subscription_id=SUBSCRIPTION)
        AzureOpenAIService("svc", service_args(), pulumi.ResourceOptions(provider=provider))

    run = run_callable(body)
    assert run.error is not None
    assert "opts: the provider deploys to Azure Government" in run.error
    assert [r.type for r in run.resources] == [PROVIDER]  # only the caller's own provider


def test_the_commercial_component_on_a_default_provider_for_azure_government_is_refused() -> None:
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()), {"azure-native:environment": "usgovernment"})
    assert run.error is not None
    assert "`azure-native:environment: usgovernment` sends the default provider's resources to Azure Government" in (
        run.error
    )
    assert run.resources == []


def test_a_government_declaration_handed_to_the_commercial_component_without_its_provider_is_refused() -> None:
    # The declaration was decided for Azure Government; the default provider would send it to commercial Azure.
    declared = read_component_args(gov_args(), GOVERNMENT, spelling="python")
    run = run_callable(lambda: AzureOpenAIService.from_declaration("svc", declared))
    assert run.error is not None
    assert "opts: the declaration was decided for Azure Government, and no provider for it is passed" in run.error
    assert run.resources == []
