"""AzureOpenAIService is secure by default, and every weakening has to be asked for."""

from __future__ import annotations

import pytest

from azure_openai_guarded.guards import tags as guard_tags
from mockengine.program import ProgramRun, Registered
from tests.samples import PRINCIPAL_ID, SUBNET_ID, WORKSPACE_ID, build, service_args

ACCOUNT = "azure-native:cognitiveservices:Account"


def account(run: ProgramRun) -> Registered:
    assert run.error is None, run.error
    (registered,) = run.of_type(ACCOUNT)
    return registered


@pytest.fixture(scope="module")
def default_run() -> ProgramRun:
    return build(service_args())


@pytest.fixture(scope="module")
def full_run() -> ProgramRun:
    return build(
        service_args(
            create_resource_group=True,
            rai_policies=[{"name": "strict"}],
            private_endpoint={"subnet_id": SUBNET_ID},
            log_analytics_workspace_id=WORKSPACE_ID,
            role_assignments=[{"principal_id": PRINCIPAL_ID}],
        )
    )


def test_account_is_an_openai_account_with_the_s0_sku(default_run: ProgramRun) -> None:
    inputs = account(default_run).inputs
    assert inputs["kind"] == "OpenAI"
    assert inputs["sku"] == {"name": "S0"}
    assert inputs["location"] == "eastus2"


def test_local_key_auth_is_disabled(default_run: ProgramRun) -> None:
    assert account(default_run).inputs["properties"]["disableLocalAuth"] is True


def test_public_network_access_is_disabled_and_the_firewall_denies(default_run: ProgramRun) -> None:
    properties = account(default_run).inputs["properties"]
    assert properties["publicNetworkAccess"] == "Disabled"
    assert properties["networkAcls"] == {"defaultAction": "Deny", "bypass": "None", "ipRules": []}


def test_account_has_a_system_assigned_identity(default_run: ProgramRun) -> None:
    assert account(default_run).inputs["identity"]["type"] == "SystemAssigned"


def test_outbound_access_is_restricted_to_an_explicit_empty_fqdn_list(default_run: ProgramRun) -> None:
    properties = account(default_run).inputs["properties"]
    assert properties["restrictOutboundNetworkAccess"] is True
    assert properties["allowedFqdnList"] == []


def test_custom_subdomain_is_derived_from_the_component_name(default_run: ProgramRun) -> None:
    inputs = account(default_run).inputs
    assert inputs["accountName"] == "svc"
    assert inputs["properties"]["customSubDomainName"] == "svc"


def test_custom_subdomain_follows_an_explicit_account_name_in_lowercase() -> None:
    inputs = account(build(service_args(account_name="Contoso-Chat"))).inputs
    assert inputs["accountName"] == "Contoso-Chat"
    assert inputs["properties"]["customSubDomainName"] == "contoso-chat"


def test_no_key_output_and_no_restore_unless_asked(default_run: ProgramRun) -> None:
    assert "primary_key" not in default_run.outputs
    assert "secondary_key" not in default_run.outputs
    assert "restore" not in account(default_run).inputs["properties"]


def test_restore_is_sent_when_asked() -> None:
    assert account(build(service_args(restore=True))).inputs["properties"]["restore"] is True


def test_the_endpoint_uses_the_subdomain_and_the_commercial_domain(default_run: ProgramRun) -> None:
    assert default_run.outputs["endpoint"] == "https://svc.openai.azure.com/"


def test_outputs_name_the_account_its_deployments_and_its_identity(default_run: ProgramRun) -> None:
    outputs = default_run.outputs
    assert outputs["account_name"] == "svc"
    assert outputs["account_id"].endswith("/providers/Microsoft.CognitiveServices/accounts/svc")
    assert outputs["deployment_names"] == ["chat-0"]
    assert account(default_run).inputs["identity"]["principalId"] == outputs["principal_id"]
    assert outputs["verdict"]["verdict"] == "allowed"


def test_every_taggable_azure_resource_carries_the_guard_tags(full_run: ProgramRun) -> None:
    untaggable = {
        "azure-native:monitor:DiagnosticSetting",
        "azure-native:authorization:RoleAssignment",
        "azure-native:network:PrivateDnsZoneGroup",
    }
    azure = [r for r in full_run.resources if r.type.startswith("azure-native:") and r.type not in untaggable]
    assert len(azure) >= 8
    for registered in azure:
        tags = registered.inputs.get("tags", {})
        assert tags.get(guard_tags.USE_CASE) == "support-bot", registered.type
        assert tags.get(guard_tags.VERDICT) == "allowed", registered.type
        assert tags.get(guard_tags.RULESET), registered.type


def test_user_tags_are_added_but_cannot_override_the_guard_tags() -> None:
    run = build(service_args(tags={"cost-center": "42"}))
    tags = account(run).inputs["tags"]
    assert tags["cost-center"] == "42"
    assert tags[guard_tags.VERDICT] == "allowed"


def test_diagnostics_send_all_logs_and_all_metrics_to_the_workspace(full_run: ProgramRun) -> None:
    (setting,) = full_run.of_type("azure-native:monitor:DiagnosticSetting")
    assert setting.inputs["workspaceId"] == WORKSPACE_ID
    assert setting.inputs["resourceUri"] == full_run.outputs["account_id"]
    assert setting.inputs["logs"] == [{"categoryGroup": "allLogs", "enabled": True}]
    assert setting.inputs["metrics"] == [{"category": "AllMetrics", "enabled": True}]


def test_role_assignments_default_to_least_privilege_on_the_account(full_run: ProgramRun) -> None:
    (grant,) = full_run.of_type("azure-native:authorization:RoleAssignment")
    assert grant.inputs["principalId"] == PRINCIPAL_ID
    assert grant.inputs["roleDefinitionId"].endswith("/roleDefinitions/5e0bd9bd-7b93-4f28-af87-19fc36ad61bd")
    assert grant.inputs["roleDefinitionId"].startswith("/subscriptions/")
    assert grant.inputs["scope"] == full_run.outputs["account_id"]


def test_the_contributor_role_is_granted_only_when_asked() -> None:
    run = build(
        service_args(role_assignments=[{"principal_id": PRINCIPAL_ID, "role": "Cognitive Services OpenAI Contributor"}])
    )
    (grant,) = run.of_type("azure-native:authorization:RoleAssignment")
    assert grant.inputs["roleDefinitionId"].endswith("/a001fd3d-188f-4b5d-821b-7da978bf7442")


def test_the_resource_group_is_created_only_when_asked(default_run: ProgramRun, full_run: ProgramRun) -> None:
    assert default_run.of_type("azure-native:resources:ResourceGroup") == []
    (group,) = full_run.of_type("azure-native:resources:ResourceGroup")
    assert group.inputs["resourceGroupName"] == "rg-test"
    assert account(full_run).inputs["resourceGroupName"] == "rg-test"


def test_deployments_pin_the_model_version_and_set_the_upgrade_option_explicitly(default_run: ProgramRun) -> None:
    (deployment,) = default_run.of_type("azure-native:cognitiveservices:Deployment")
    assert deployment.inputs["properties"]["model"] == {"format": "OpenAI", "name": "gpt-4o", "version": "2024-11-20"}
    assert deployment.inputs["properties"]["versionUpgradeOption"] == "OnceCurrentVersionExpired"
    assert deployment.inputs["sku"] == {"name": "GlobalStandard", "capacity": 10}


def test_a_deployment_without_capacity_gets_the_smallest_the_catalogue_allows() -> None:
    run = build(
        service_args(
            deployments=[{"name": "ptu", "model": "gpt-4o", "version": "2024-11-20", "sku": "GlobalProvisionedManaged"}]
        )
    )
    (deployment,) = run.of_type("azure-native:cognitiveservices:Deployment")
    assert deployment.inputs["sku"] == {"name": "GlobalProvisionedManaged", "capacity": 15}


@pytest.mark.parametrize(
    ("weakening", "expected"),
    [
        ({"local_auth_enabled": True}, {"disableLocalAuth": False}),
        (
            {"allowed_ip_ranges": ["203.0.113.0/24", "198.51.100.7"]},
            {
                "publicNetworkAccess": "Enabled",
                "networkAcls": {
                    "defaultAction": "Deny",
                    "bypass": "None",
                    "ipRules": [{"value": "203.0.113.0/24"}, {"value": "198.51.100.7"}],
                },
            },
        ),
        (
            {"bypass_azure_services": True},
            {"networkAcls": {"defaultAction": "Deny", "bypass": "AzureServices", "ipRules": []}},
        ),
        ({"restrict_outbound_network_access": False}, {"restrictOutboundNetworkAccess": False}),
        (
            {"allowed_fqdns": ["MySearch.search.windows.net"]},
            {"restrictOutboundNetworkAccess": True, "allowedFqdnList": ["mysearch.search.windows.net"]},
        ),
    ],
)
def test_each_weakening_is_explicit_and_changes_only_its_setting(
    weakening: dict[str, object], expected: dict[str, object], default_run: ProgramRun
) -> None:
    properties = account(build(service_args(**weakening))).inputs["properties"]
    defaults = account(default_run).inputs["properties"]
    for key, value in expected.items():
        assert properties[key] == value
    unchanged = {k for k in defaults if k not in expected and k not in ("endpoint", "provisioningState")}
    if "restrictOutboundNetworkAccess" in expected and expected["restrictOutboundNetworkAccess"] is False:
        unchanged.discard("allowedFqdnList")
    for key in unchanged:
        assert properties.get(key) == defaults[key], key


def test_unrestricted_outbound_sends_no_fqdn_list() -> None:
    properties = account(build(service_args(restrict_outbound_network_access=False))).inputs["properties"]
    assert "allowedFqdnList" not in properties


def test_the_system_assigned_identity_is_removed_only_when_asked() -> None:
    run = build(service_args(system_assigned_identity=False))
    assert account(run).inputs["identity"] == {"type": "None"}
    assert run.outputs["principal_id"] == ""
