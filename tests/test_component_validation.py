"""AzureOpenAIService refuses, before registering anything, what Azure would refuse half-way through a deploy.

Each case names the argument path and a fragment of the message that says what to change.
"""

from __future__ import annotations

from typing import Any

import pulumi
import pytest

from azure_openai_guarded.components import AzureOpenAIService, InvalidArgsError
from azure_openai_guarded.guards import PYTHON_NAMING
from mockengine.program import run_callable
from tests.samples import KEY_VAULT_ID, SUBNET_ID, SUBSCRIPTION, build, deployments, service_args, support_bot

GPT4O = {"model": "gpt-4o", "version": "2024-11-20"}


def one(**deployment: Any) -> list[dict[str, Any]]:
    return [{"name": "chat", **GPT4O, **deployment}]


def problems_of(args: Any) -> list[str]:
    with pytest.raises(InvalidArgsError) as raised:
        AzureOpenAIService("svc", args)
    # A Python caller's problems name the Python fields.
    return [p.line(PYTHON_NAMING) for p in raised.value.problems]


CASES: list[tuple[str, dict[str, Any], str, str]] = [
    (
        "model not in the catalogue",
        {"deployments": one(model="gpt-9", version="2030-01-01")},
        "deployments[0].model",
        "'gpt-9' is not in the commercial Azure catalogue",
    ),
    (
        "version not in the catalogue",
        {"deployments": one(version="2023-01-01")},
        "deployments[0].version",
        "gpt-4o version '2023-01-01' is not in the commercial Azure catalogue; listed versions: 2024-08-06, 2024-11-20",
    ),
    (
        "SKU the model is not offered with",
        {"deployments": [{"name": "e", "model": "text-embedding-3-large", "version": "1", "sku": "GlobalBatch"}]},
        "deployments[0].sku",
        "text-embedding-3-large 1 is not offered as GlobalBatch in commercial Azure; it is offered as Standard",
    ),
    (
        "model not offered in the region",
        {"location": "japaneast", "deployments": one(sku="Standard")},
        "deployments[0]",
        "gpt-4o 2024-11-20 (Standard) is not offered in japaneast; it is offered in eastus",
    ),
    (
        "region without Azure OpenAI",
        {"location": "usgovvirginia"},
        "location",
        "'usgovvirginia' does not offer Azure OpenAI in commercial Azure; choose one of australiaeast",
    ),
    (
        "capacity above the SKU's range",
        {"deployments": one(sku="Standard", capacity=20_000)},
        "deployments[0].capacity",
        "20000 is out of range for gpt-4o 2024-11-20 (Standard): 1 to 10000",
    ),
    (
        "provisioned capacity off the scale increment",
        {"deployments": one(sku="GlobalProvisionedManaged", capacity=17)},
        "deployments[0].capacity",
        "17 is out of range for gpt-4o 2024-11-20 (GlobalProvisionedManaged): 15 to 10000, in multiples of 5",
    ),
    ("capacity below one", {"deployments": one(capacity=0)}, "deployments[0].capacity", "greater than or equal to 1"),
    (
        "duplicate deployment names",
        {"deployments": [*one(), {"name": "Chat", **GPT4O}]},
        "deployments[1].name",
        "'Chat' is already the name of deployments[0]; deployment names must be unique in an account",
    ),
    (
        "undefined RAI policy",
        {"deployments": one(rai_policy="strict")},
        "deployments[0].rai_policy",
        "'strict' is not defined in rai_policies; define it there, or use Microsoft.Default or Microsoft.DefaultV2",
    ),
    (
        "Microsoft's no-filter policy",
        {"deployments": one(rai_policy="Microsoft.Nill")},
        "deployments[0].rai_policy",
        "'Microsoft.Nill' is not defined in rai_policies",
    ),
    (
        "duplicate RAI policy names",
        {"rai_policies": [{"name": "strict"}, {"name": "strict"}]},
        "rai_policies[1].name",
        "'strict' is already the name of rai_policies[0]",
    ),
    (
        "RAI policy names that differ only in case",
        {"rai_policies": [{"name": "strict"}, {"name": "Strict"}]},
        "rai_policies[1].name",
        "'Strict' is already the name of rai_policies[0]; policy names must be unique in an account",
    ),
    (
        "a policy weaker than Microsoft's default",
        {"rai_policies": [{"name": "lax", "threshold": "High"}]},
        "rai_policies[0].threshold",
        "Input should be 'Low' or 'Medium'",
    ),
    (
        "a policy name reserved for Microsoft",
        {"rai_policies": [{"name": "Microsoft.Custom"}]},
        "rai_policies[0].name",
        "names starting with 'Microsoft.' are reserved",
    ),
    (
        "an asynchronous (weaker) filter mode",
        {"rai_policies": [{"name": "fast", "mode": "Asynchronous_filter"}]},
        "rai_policies[0].mode",
        "Input should be 'Default' or 'Blocking'",
    ),
    (
        "keys exported while local auth is off",
        {"export_keys": True},
        "export_keys",
        "keys cannot be used while local auth is disabled",
    ),
    (
        "an FQDN list while outbound access is unrestricted",
        {"restrict_outbound_network_access": False, "allowed_fqdns": ["a.search.windows.net"]},
        "allowed_fqdns",
        "only applies while restrict_outbound_network_access is true",
    ),
    ("an FQDN with a scheme", {"allowed_fqdns": ["https://a.example.com/"]}, "allowed_fqdns[0]", "host name"),
    (
        "the whole internet",
        {"allowed_ip_ranges": ["0.0.0.0/0"]},
        "allowed_ip_ranges[0]",
        "0.0.0.0/0 opens the account to the whole internet",
    ),
    (
        "a private range",
        {"allowed_ip_ranges": ["10.1.0.0/16"]},
        "allowed_ip_ranges[0]",
        "is a private range, which the account firewall ignores",
    ),
    ("an IPv6 range", {"allowed_ip_ranges": ["2001:db8::/32"]}, "allowed_ip_ranges[0]", "IPv4 only"),
    (
        "a subnet id that is not one",
        {"private_endpoint": {"subnet_id": "snet-private-endpoints"}},
        "private_endpoint.subnet_id",
        "must be the resource id of a subnet",
    ),
    (
        "a Government DNS zone in commercial Azure",
        {
            "private_endpoint": {
                "subnet_id": SUBNET_ID,
                "dns_zone_ids": {
                    "openai": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/dns/providers/Microsoft.Network/"
                    "privateDnsZones/privatelink.openai.azure.us",
                    "cognitive_services": f"/subscriptions/{SUBSCRIPTION}/resourceGroups/dns/providers/"
                    "Microsoft.Network/privateDnsZones/privatelink.cognitiveservices.azure.com",
                },
            }
        },
        "private_endpoint.dns_zone_ids.openai",
        "names the zone 'privatelink.openai.azure.us'; "
        "commercial Azure private link uses 'privatelink.openai.azure.com'",
    ),
    (
        "a principal that is not an object id",
        {"role_assignments": [{"principal_id": "alice@example.com"}]},
        "role_assignments[0].principal_id",
        "must be an Entra ID object id (a GUID)",
    ),
    (
        "a workspace id that is not one",
        {"log_analytics_workspace_id": "log-platform"},
        "log_analytics_workspace_id",
        "must be the resource id of a Log Analytics workspace",
    ),
    (
        "a Key Vault id that is not one",
        {"customer_managed_key": {"key_vault_id": KEY_VAULT_ID.replace("vaults", "managedHSMs")}},
        "customer_managed_key.key_vault_id",
        "must be the resource id of a Key Vault",
    ),
    ("a guard tag overridden", {"tags": {"aoai-guard-verdict": "allowed"}}, "tags", "is reserved for the guard's tags"),
    (
        "an account name that cannot be a subdomain",
        {"account_name": "contoso_chat"},
        "account_name",
        "an account name is 2 to 64 letters, digits or hyphens",
    ),
    (
        "a misspelt argument",
        {"deployments": one(versionupgradeoption="NoAutoUpgrade")},
        "deployments[0].versionupgradeoption",
        "unknown field",
    ),
    ("a boolean given as text", {"local_auth_enabled": "yes"}, "local_auth_enabled", "must be true or false"),
    ("a missing use case", {"use_case": None}, "use_case", "required field is missing"),
    (
        "an invalid use case",
        {"use_case": {"name": "Support Bot", "purpose": "x", "owner": "y", "operator": {}, "capabilities": []}},
        "use_case.operator.sector",
        "required field is missing",
    ),
    ("an unknown guard profile", {"guard_profile": "lenient"}, "guard_profile", "'terms' or 'strict'"),
    (
        "two spellings of one field, the later no longer winning",
        {"use_case": {**support_bot(), "served_parties": [], "servedParties": [{"sector": "law_enforcement"}]}},
        "use_case.served_parties",
        "also given under its other spelling",
    ),
    (
        "an unknown key in the use case",
        {"use_case": {**support_bot(), "served_partys": []}},
        "use_case.served_partys",
        "unknown field",
    ),
    ("text for a whole number", {"deployments": one(capacity="10")}, "deployments[0].capacity", "whole number"),
]


@pytest.mark.parametrize(("overrides", "path", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_refused_with_the_path_and_what_to_change(overrides: dict[str, Any], path: str, message: str) -> None:
    problems = problems_of(service_args(**overrides))
    assert any(p.startswith(f"{path}: ") and message in p for p in problems), problems


def test_every_problem_is_reported_at_once() -> None:
    problems = problems_of(
        service_args(
            location="eastus2",
            deployments=[*one(capacity=0), *one(model="gpt-9"), {"name": "x", **GPT4O, "rai_policy": "missing"}],
            export_keys=True,
            allowed_ip_ranges=["10.0.0.0/8"],
        )
    )
    paths = {p.split(": ", 1)[0] for p in problems}
    assert {"deployments[0].capacity", "allowed_ip_ranges[0]"} <= paths
    # Catalogue checks need a valid shape; the shape errors above come first, alone.
    semantic = problems_of(
        service_args(deployments=[*one(model="gpt-9"), *one(rai_policy="missing"), *one()], export_keys=True)
    )
    assert {p.split(": ", 1)[0] for p in semantic} == {
        "deployments[0].model",
        "deployments[1].name",
        "deployments[1].rai_policy",
        "deployments[2].name",
        "export_keys",
    }


def test_the_error_names_the_component_and_says_nothing_was_created() -> None:
    with pytest.raises(InvalidArgsError) as raised:
        AzureOpenAIService("svc", service_args(location="mars"))
    assert str(raised.value).startswith("AzureOpenAIService 'svc': the arguments are invalid; nothing was created.")
    assert isinstance(raised.value, pulumi.RunError)


def test_invalid_arguments_register_nothing() -> None:
    run = build(service_args(deployments=one(model="gpt-9")))
    assert run.error is not None
    assert "deployments[0].model" in run.error
    assert run.resources == []


def test_args_that_are_not_a_dict_are_refused() -> None:
    assert problems_of(["not", "a", "dict"]) == ["args must be a dict (got list)"]


def test_additional_models_extend_the_catalogue() -> None:
    offer = {"model": "gpt-9", "version": "2030-01-01", "sku": "GlobalStandard", "regions": ["eastus2"]}
    run = build(
        service_args(
            deployments=one(model="gpt-9", version="2030-01-01", sku="GlobalStandard"), additional_models=[offer]
        )
    )
    assert run.error is None, run.error
    (deployment,) = run.of_type("azure-native:cognitiveservices:Deployment")
    assert deployment.inputs["properties"]["model"]["name"] == "gpt-9"


def test_additional_models_can_set_their_own_capacity_range() -> None:
    offer = {
        "model": "gpt-9",
        "version": "1",
        "sku": "ProvisionedManaged",
        "regions": ["eastus2"],
        "min_capacity": 100,
        "capacity_step": 100,
    }
    problems = problems_of(
        service_args(
            deployments=one(model="gpt-9", version="1", sku="ProvisionedManaged", capacity=150),
            additional_models=[offer],
        )
    )
    assert problems == [
        "deployments[0].capacity: 150 is out of range for gpt-9 1 (ProvisionedManaged): "
        "100 to 10000, in multiples of 100"
    ]


def test_additional_models_must_name_regions_of_the_cloud() -> None:
    offer = {"model": "gpt-9", "version": "1", "sku": "Standard", "regions": ["usgovarizona"]}
    problems = problems_of(service_args(additional_models=[offer]))
    assert any(p.startswith("additional_models[0].regions[0]: 'usgovarizona' does not offer") for p in problems)


def test_a_large_chain_of_valid_deployments_is_accepted() -> None:
    run = build(service_args(deployments=deployments(30)))
    assert run.error is None
    assert len(run.of_type("azure-native:cognitiveservices:Deployment")) == 30


def test_validation_and_guard_run_before_the_component_registers_itself() -> None:
    def body() -> None:
        AzureOpenAIService("svc", service_args(location="mars"))

    run = run_callable(body)
    assert run.error is not None
    assert run.of_type("azure-openai-guarded:index:AzureOpenAIService") == []
