"""The pack as the Pulumi engine runs it: its analyzer service, called with the engine's protobuf requests.

``guards/policy_pack/__main__.py`` builds a ``PolicyPack``, which serves the
pack's analyzer (pulumi_policy's, keeping the stack's config) over gRPC for the
engine. Here the same analyzer is called in-process with the requests the engine
sends (GetAnalyzerInfo, Configure for ``--policy-pack-config``, ConfigureStack
with the stack's config, Analyze per resource, AnalyzeStack at the end). The
legacy route's ``PULUMI_CONFIG`` is the fallback. No Pulumi CLI and no network.
"""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi.runtime
import pulumi_policy
import pytest
from google.protobuf import json_format, struct_pb2
from pulumi.runtime import proto
from pulumi_policy.proxy import UNKNOWN_BOOLEAN_VALUE, UNKNOWN_STRING_VALUE

from azure_openai_guarded.guards.policies import PACK_NAME, all_policies
from azure_openai_guarded.guards.policies.analyzer import StackConfiguredAnalyzer
from azure_openai_guarded.guards.policies.checks import LOCAL_AUTH_DISABLED, SECURITY_CHECKS, Level
from azure_openai_guarded.guards.policies.use_case import USE_CASE_VERDICT
from azure_openai_guarded.guards.rules import DECLARATION_MISSING, FR_US_LAW_ENFORCEMENT
from mockengine.analyzer import configure_request
from tests.declarations import config, engine_passes, fr_facts, police, stack_document, use_case

PACK = Path(__file__).resolve().parent.parent / "guards" / "policy_pack"
PREFIX = "urn:pulumi:dev::azure-openai-guarded::"
ACCOUNT = "azure-native:cognitiveservices:Account"
LEVEL_NAMES = {proto.ADVISORY: "advisory", proto.MANDATORY: "mandatory", proto.DISABLED: "disabled"}


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    pulumi.runtime.set_all_config({})
    yield
    pulumi.runtime.set_all_config({})


@pytest.fixture(scope="module")
def pack_arguments() -> dict[str, Any]:
    """What ``guards/policy_pack/__main__.py`` hands to ``PolicyPack`` (which would serve forever)."""
    captured: dict[str, Any] = {}

    def policy_pack(**kwargs: Any) -> None:
        # The service PolicyPack would build and serve, as it looks the class up when it runs.
        captured.update(kwargs, servicer=pulumi_policy.policy._PolicyAnalyzerServicer)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pulumi_policy.policy, "_PolicyAnalyzerServicer", pulumi_policy.policy._PolicyAnalyzerServicer)
        patch.setattr(pulumi_policy, "PolicyPack", policy_pack)
        runpy.run_path(str(PACK / "__main__.py"), run_name="__main__")
    return captured


@pytest.fixture
def analyzer(pack_arguments: dict[str, Any]) -> Any:
    args = pack_arguments
    servicer: Any = args["servicer"](
        args["name"], "0.1.0", args["policies"], args["enforcement_level"], description=args["description"]
    )
    return servicer


def struct(values: dict[str, Any]) -> struct_pb2.Struct:
    return json_format.ParseDict(values, struct_pb2.Struct())


def default_provider(**inputs: Any) -> Any:
    return proto.AnalyzerProviderResource(
        type="pulumi:providers:azure-native",
        name="default_3_29_0",
        urn=f"{PREFIX}pulumi:providers:azure-native::default_3_29_0",
        properties=struct({"version": "3.29.0", **inputs}),
    )


def analyze(analyzer: Any, resource_type: str, name: str, props: dict[str, Any], **provider: Any) -> list[Any]:
    request = proto.AnalyzeRequest(
        type=resource_type,
        name=name,
        urn=f"{PREFIX}{resource_type}::{name}",
        properties=struct(props),
        options=proto.AnalyzerResourceOptions(),
        provider=default_provider(**provider),
    )
    return list(analyzer.Analyze(request, None).diagnostics)


def stack_resource(resource_type: str, name: str, props: dict[str, Any], dependencies: tuple[str, ...] = ()) -> Any:
    return proto.AnalyzerResource(
        type=resource_type,
        name=name,
        urn=f"{PREFIX}{resource_type}::{name}",
        properties=struct(props),
        options=proto.AnalyzerResourceOptions(),
        dependencies=list(dependencies),
    )


def summary(diagnostics: list[Any]) -> dict[str, str]:
    return {d.policyName: LEVEL_NAMES[d.enforcementLevel] for d in diagnostics}


RAW_PUBLIC_ACCOUNT = {"kind": "OpenAI", "sku": {"name": "S0"}, "properties": {"publicNetworkAccess": "Enabled"}}
SECURE_ACCOUNT = {
    "kind": "OpenAI",
    "identity": {"type": "SystemAssigned"},
    "properties": {
        "disableLocalAuth": True,
        "publicNetworkAccess": "Disabled",
        "restrictOutboundNetworkAccess": True,
        "allowedFqdnList": ["contoso.blob.core.windows.net"],
    },
}


def test_the_pack_is_built_from_the_policies_module_with_a_fail_closed_default(pack_arguments: dict[str, Any]) -> None:
    assert pack_arguments["name"] == PACK_NAME
    assert [p.name for p in pack_arguments["policies"]] == [p.name for p in all_policies()]
    assert pack_arguments["enforcement_level"] is pulumi_policy.EnforcementLevel.MANDATORY


def test_the_pack_serves_the_analyzer_that_keeps_the_stacks_config(pack_arguments: dict[str, Any]) -> None:
    assert pack_arguments["servicer"] is StackConfiguredAnalyzer


US_SHERIFF = stack_document(
    config(use_case(capabilities=["facial_recognition"], operator=police("US"), facialRecognition=fr_facts()))
)["config"]
SUPPORT_BOT = stack_document(config(use_case()))["config"]


def stack_verdict(analyzer: Any) -> list[Any]:
    request = proto.AnalyzeStackRequest(resources=[stack_resource(ACCOUNT, "ai", SECURE_ACCOUNT)])
    return [d for d in analyzer.AnalyzeStack(request, None).diagnostics if d.policyName == USE_CASE_VERDICT]


@pytest.mark.parametrize(
    ("configured", "environment", "denied"),
    [
        # The engine's one route for a pack with a language plugin: ConfigureStack, no PULUMI_CONFIG.
        (US_SHERIFF, None, True),
        (SUPPORT_BOT, None, False),
        # The legacy route's environment variable, when no ConfigureStack came.
        (None, US_SHERIFF, True),
        (None, SUPPORT_BOT, False),
        # Both: the engine's call names the stack being analysed.
        (US_SHERIFF, SUPPORT_BOT, True),
        (SUPPORT_BOT, US_SHERIFF, False),
    ],
)
def test_the_stacks_config_is_read_from_configure_stack_and_else_from_pulumi_config(
    analyzer: Any,
    monkeypatch: pytest.MonkeyPatch,
    configured: dict[str, Any] | None,
    environment: dict[str, Any] | None,
    denied: bool,
) -> None:
    monkeypatch.delenv("PULUMI_CONFIG", raising=False)
    if environment is not None:
        engine_passes(monkeypatch, environment)
    if configured is not None:
        analyzer.ConfigureStack(configure_request(configured, "azure-openai-guarded", "dev"), None)
    verdict = stack_verdict(analyzer)
    assert bool(verdict) is denied
    if denied:
        assert [d.enforcementLevel for d in verdict] == [proto.MANDATORY]
        assert f"[{FR_US_LAW_ENFORCEMENT.id}]" in verdict[0].message


def test_a_pack_that_received_no_config_at_all_fails_closed_with_a_mandatory_violation(
    analyzer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PULUMI_CONFIG", raising=False)
    (verdict,) = stack_verdict(analyzer)
    assert verdict.enforcementLevel == proto.MANDATORY
    assert "never reached the policy pack" in verdict.message


def test_a_stack_with_no_config_keys_is_configured_and_each_account_answers_for_itself(
    analyzer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PULUMI_CONFIG", raising=False)
    analyzer.ConfigureStack(configure_request({}, "azure-openai-guarded", "dev"), None)
    assert stack_verdict(analyzer) == []
    assert summary(analyze(analyzer, ACCOUNT, "ai", SECURE_ACCOUNT))["account-use-case-declared"] == "mandatory"


def test_a_new_analyzer_service_has_heard_of_no_stack(analyzer: Any, pack_arguments: dict[str, Any]) -> None:
    analyzer.ConfigureStack(configure_request(SUPPORT_BOT, "azure-openai-guarded", "dev"), None)
    args = pack_arguments
    fresh = StackConfiguredAnalyzer(args["name"], "0.1.0", args["policies"], args["enforcement_level"])
    (verdict,) = stack_verdict(fresh)
    assert "never reached the policy pack" in verdict.message


def test_the_engine_learns_every_policy_its_level_and_its_config_schema(analyzer: Any) -> None:
    info = analyzer.GetAnalyzerInfo(None, None)
    assert info.name == PACK_NAME
    assert info.supportsConfig
    policies = {p.name: p for p in info.policies}
    assert {name: LEVEL_NAMES[p.enforcementLevel] for name, p in policies.items()} == {
        "use-case-verdict": "mandatory",
        "use-case-advisories": "advisory",
        "account-use-case-declared": "mandatory",
        "face-not-for-us-law-enforcement": "mandatory",
        "face-api-exposure": "advisory",
        "use-case-resource-texts": "mandatory",
        "use-case-denied-creates-nothing": "mandatory",
        "local-auth-disabled": "mandatory",
        "public-network-access-disabled": "mandatory",
        "managed-identity": "mandatory",
        "outbound-network-restricted": "mandatory",
        "customer-managed-key": "advisory",
        "diagnostic-settings": "advisory",
        "management-lock": "advisory",
        "approved-models": "advisory",
        "content-filter-guardrail": "advisory",
        "government-provider": "mandatory",
        "guard-cloud-matches-provider": "mandatory",
    }
    schema = json_format.MessageToDict(policies["public-network-access-disabled"].configSchema)
    assert schema["properties"]["allowIpAllowList"]["type"] == "boolean"
    models = json_format.MessageToDict(policies["approved-models"].configSchema)
    assert models["properties"]["allowedModels"]["items"]["required"] == ["name"]
    assert LOCAL_AUTH_DISABLED.mirrors[0] in policies[LOCAL_AUTH_DISABLED.id].description


def test_a_raw_public_account_in_an_undeclared_stack_is_caught_with_the_rule_ids(
    analyzer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine_passes(monkeypatch, {"azure-native:location": "eastus2"})
    diagnostics = analyze(analyzer, ACCOUNT, "raw", RAW_PUBLIC_ACCOUNT, location="eastus2")
    assert summary(diagnostics) == {
        "account-use-case-declared": "mandatory",
        "local-auth-disabled": "mandatory",
        "public-network-access-disabled": "mandatory",
        "managed-identity": "mandatory",
        "outbound-network-restricted": "mandatory",
        "customer-managed-key": "advisory",
    }
    text = "\n".join(d.message for d in diagnostics)
    checkov = [check.mirrors[0] for check in SECURITY_CHECKS if check.level is Level.MANDATORY]
    assert len(checkov) == 4
    for rule_id in (DECLARATION_MISSING.id, *checkov):
        assert rule_id in text
    assert "Account `raw`" in text


def test_a_value_unknown_during_preview_fails_the_check_instead_of_being_skipped(
    analyzer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine_passes(monkeypatch, stack_document(config(use_case()))["config"])
    unknown = {
        **SECURE_ACCOUNT,
        "kind": UNKNOWN_STRING_VALUE,
        "properties": {**SECURE_ACCOUNT["properties"], "disableLocalAuth": UNKNOWN_BOOLEAN_VALUE},
    }
    diagnostics = analyze(analyzer, ACCOUNT, "ai", unknown)
    local = [d for d in diagnostics if d.policyName == "local-auth-disabled"]
    assert len(local) == 1
    assert local[0].enforcementLevel == proto.MANDATORY
    assert "cannot be verified before deployment" in local[0].message
    assert not any("can't run policy" in d.message for d in diagnostics)


def test_policy_pack_config_changes_a_security_checks_level_and_options(
    analyzer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine_passes(monkeypatch, stack_document(config(use_case()))["config"])
    analyzer.Configure(
        proto.ConfigureAnalyzerRequest(
            policyConfig={
                "local-auth-disabled": proto.PolicyConfig(enforcementLevel=proto.ADVISORY),
                "managed-identity": proto.PolicyConfig(enforcementLevel=proto.DISABLED),
                "public-network-access-disabled": proto.PolicyConfig(
                    enforcementLevel=proto.MANDATORY, properties=struct({"allowIpAllowList": True})
                ),
            }
        ),
        None,
    )
    allow_listed = {
        "kind": "OpenAI",
        "properties": {
            "publicNetworkAccess": "Enabled",
            "networkAcls": {"defaultAction": "Deny", "ipRules": [{"value": "203.0.113.0/24"}]},
        },
    }
    levels = summary(analyze(analyzer, ACCOUNT, "ai", allow_listed))
    assert levels["local-auth-disabled"] == "advisory"
    assert "managed-identity" not in levels
    assert "public-network-access-disabled" not in levels


def test_the_stack_analysis_reports_the_guards_denial_with_the_clause(
    analyzer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    us_police = use_case(capabilities=["facial_recognition"], operator=police("US"), facialRecognition=fr_facts())
    engine_passes(monkeypatch, stack_document(config(us_police))["config"])
    request = proto.AnalyzeStackRequest(resources=[stack_resource(ACCOUNT, "ai", SECURE_ACCOUNT)])
    diagnostics = list(analyzer.AnalyzeStack(request, None).diagnostics)
    verdict = [d for d in diagnostics if d.policyName == USE_CASE_VERDICT]
    assert len(verdict) == 1
    assert verdict[0].enforcementLevel == proto.MANDATORY
    assert f"[{FR_US_LAW_ENFORCEMENT.id}]" in verdict[0].message
    assert "by or for a police department in the United States" in verdict[0].message


def test_a_diagnostic_setting_that_depends_on_the_account_satisfies_the_advisory(
    analyzer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine_passes(monkeypatch, stack_document(config(use_case()))["config"])
    account = stack_resource(ACCOUNT, "ai", SECURE_ACCOUNT)
    logged = stack_resource(ACCOUNT, "logged", SECURE_ACCOUNT)
    setting = stack_resource(
        "azure-native:monitor:DiagnosticSetting",
        "logged-diagnostics",
        # In a preview the account's id, and so resourceUri, is unknown; the dependency names the account.
        {"resourceUri": UNKNOWN_STRING_VALUE, "logs": [{"categoryGroup": "allLogs", "enabled": True}]},
        dependencies=(logged.urn,),
    )
    request = proto.AnalyzeStackRequest(resources=[account, logged, setting])
    diagnostics = [d for d in analyzer.AnalyzeStack(request, None).diagnostics if d.policyName == "diagnostic-settings"]
    assert [(d.urn, LEVEL_NAMES[d.enforcementLevel]) for d in diagnostics] == [(account.urn, "advisory")]


def test_a_government_stack_on_the_default_public_provider_is_denied(
    analyzer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine_passes(monkeypatch, stack_document(config(use_case(), cloud="usgovernment"))["config"])
    public = summary(analyze(analyzer, "azure-native:resources:ResourceGroup", "rg", {"location": "usgovvirginia"}))
    assert public == {"government-provider": "mandatory"}
    government = analyze(
        analyzer,
        "azure-native:resources:ResourceGroup",
        "rg",
        {"location": "usgovvirginia"},
        environment="usgovernment",
    )
    assert government == []


CONSUMER_SHERIFF = {
    "ledger-app:useCase": use_case(
        capabilities=["facial_recognition"], operator=police("US"), facialRecognition=fr_facts()
    )
}


@pytest.mark.parametrize("route", ["configure-stack", "legacy-environment"])
def test_the_project_the_engine_names_is_the_namespace_of_a_consumers_declaration(
    analyzer: Any, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    monkeypatch.delenv("PULUMI_CONFIG", raising=False)
    if route == "configure-stack":
        analyzer.ConfigureStack(configure_request(CONSUMER_SHERIFF, "ledger-app", "dev"), None)
    else:
        engine_passes(monkeypatch, CONSUMER_SHERIFF)
        monkeypatch.setenv("PULUMI_PROJECT", "ledger-app")
    (verdict,) = stack_verdict(analyzer)
    assert verdict.message.split("\n")[1].startswith(f"`ledger-app:useCase`: [{FR_US_LAW_ENFORCEMENT.id}]")


@pytest.mark.parametrize(
    ("project", "config_", "secret"),
    [
        ("azure-openai-guarded", SUPPORT_BOT, "azure-openai-guarded:useCase"),
        ("azure-openai-guarded", SUPPORT_BOT, "azure-openai-guarded:service"),
        ("ledger-app", {"ledger-app:useCase": use_case()}, "ledger-app:useCase"),
    ],
)
@pytest.mark.parametrize("route", ["configure-stack", "legacy-environment"])
def test_a_declaration_the_engine_marks_secret_is_refused_as_the_checker_refuses_a_secure_value(
    analyzer: Any, monkeypatch: pytest.MonkeyPatch, project: str, config_: dict[str, Any], secret: str, route: str
) -> None:
    monkeypatch.delenv("PULUMI_CONFIG", raising=False)
    if route == "configure-stack":
        request = configure_request(config_, project, "dev")
        request.config_secret_keys.append(secret)
        analyzer.ConfigureStack(request, None)
    else:
        engine_passes(monkeypatch, config_)
        monkeypatch.setenv("PULUMI_PROJECT", project)
        monkeypatch.setenv("PULUMI_CONFIG_SECRET_KEYS", f'["{secret}"]')
    (verdict,) = stack_verdict(analyzer)
    assert verdict.enforcementLevel == proto.MANDATORY
    assert f"{secret}: is an encrypted (`secure:`) value" in verdict.message
    assert summary(analyze(analyzer, ACCOUNT, "ai", SECURE_ACCOUNT))["account-use-case-declared"] == "mandatory"


def test_a_plain_declaration_beside_an_unrelated_secret_is_decided(analyzer: Any) -> None:
    request = configure_request({**SUPPORT_BOT, "azure-openai-guarded:apiToken": "t"}, "azure-openai-guarded", "d")
    request.config_secret_keys.append("azure-openai-guarded:apiToken")
    analyzer.ConfigureStack(request, None)
    # An unknown key of this project's namespace is its own error, not a secret one.
    (verdict,) = stack_verdict(analyzer)
    assert "encrypted" not in verdict.message
    assert "apiToken: unknown config key" in verdict.message


def test_a_secret_declaration_is_refused_as_a_secret_alone_whatever_its_plaintext_lacks(analyzer: Any) -> None:
    # Review R29: the pack also named the fields the decrypted use case lacked, which the checker cannot read.
    key = "azure-openai-guarded:useCase"
    request = configure_request({**SUPPORT_BOT, key: {"name": "x"}}, "azure-openai-guarded", "dev")
    request.config_secret_keys.append(key)
    analyzer.ConfigureStack(request, None)
    (verdict,) = stack_verdict(analyzer)
    assert "useCase: is an encrypted (`secure:`) value" in verdict.message
    assert "useCase.purpose" not in verdict.message
