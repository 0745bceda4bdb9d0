"""The policy pack as the real engine runs it: from its own folder, in its own environment, as the README says.

The policy-analyzer host is the engine's: it starts ``guards/policy_pack`` through the Python language host's
RunPlugin, in the virtualenv its PulumiPolicy.yaml names, and the pack serves ``pulumi_policy``'s analyzer.
"""

from __future__ import annotations

import json
import shutil

from azure_openai_guarded.guards.policies.checks import CUSTOMER_MANAGED_KEY, Level
from azure_openai_guarded.guards.policies.use_case import USE_CASE_VERDICT
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from tests.engine.harness import REPO, Engine

SHERIFF_STACK = REPO / "examples" / "law-enforcement" / "Pulumi.us-sheriff-booking.yaml"

# A program of this project that bypasses the components, its account locked down and carrying the guard's tags
# by hand: only the stack's declaration, which the pack must read from the engine's ConfigureStack, can deny it.
RAW_TAGGED_ACCOUNT = """\
from pulumi_azure_native import cognitiveservices

cognitiveservices.Account(
    "raw",
    resource_group_name="rg-booking-match",
    location="eastus2",
    kind="OpenAI",
    sku=cognitiveservices.SkuArgs(name="S0"),
    identity=cognitiveservices.IdentityArgs(type="SystemAssigned"),
    properties=cognitiveservices.AccountPropertiesArgs(
        custom_sub_domain_name="raw",
        disable_local_auth=True,
        public_network_access="Disabled",
        restrict_outbound_network_access=True,
        allowed_fqdn_list=["srch-sheriff.search.windows.net"],
    ),
    tags={
        "aoai-guard-use-case": "booking-photo-match",
        "aoai-guard-verdict": "allowed",
        "aoai-guard-ruleset": "2.0.0",
        "aoai-guard-terms": "2024-05-01",
        "aoai-guard-owner": "records-unit@sheriff.example.gov",
        "aoai-guard-cloud": "public",
    },
)
"""


def test_the_pack_runs_from_its_folder_and_reports_an_advisory_violation_without_failing(engine: Engine) -> None:
    engine.init("dev")
    result = engine.run("preview", "--stack", "dev", "--policy-pack", "guards/policy_pack")
    assert result.code == 0, result.text
    assert "(local: guards/policy_pack)" in result.out
    assert CUSTOMER_MANAGED_KEY.level == Level.ADVISORY
    assert CUSTOMER_MANAGED_KEY.id in result.out
    assert "advisory" in result.out


def test_the_pack_config_makes_an_advisory_check_mandatory_and_the_preview_fails(engine: Engine) -> None:
    config = engine.root / "policy-config.json"
    config.write_text(json.dumps({CUSTOMER_MANAGED_KEY.id: "mandatory"}))
    engine.init("dev")
    result = engine.preview("dev", "--policy-pack-config", str(config))
    assert result.code != 0
    assert CUSTOMER_MANAGED_KEY.id in result.out
    assert "mandatory" in result.out


def test_the_pack_runs_in_its_own_environment_in_its_folder(engine: Engine) -> None:
    """PulumiPolicy.yaml names the pack's virtualenv; with uv's toolchain the engine builds it from uv.lock."""
    engine.init("dev")
    result = engine.preview("dev")
    assert result.code == 0, result.text
    venv = engine.project / "guards" / "policy_pack" / "venv"
    assert (venv / "pyvenv.cfg").is_file()
    site = next(venv.glob("lib/python*/site-packages"))
    assert (site / "pulumi_policy").is_dir()
    assert list(site.glob("azure_openai_guarded-*.dist-info"))


def test_a_broken_pack_fails_the_preview(engine: Engine) -> None:
    pack = engine.project / "guards" / "policy_pack" / "__main__.py"
    pack.write_text(pack.read_text().replace("policies=all_policies()", "policies=all_policies(),\n    bogus=1"))
    engine.init("dev")
    result = engine.preview("dev")
    assert result.code != 0
    assert "bogus" in result.text


def test_the_pack_reads_the_stacks_declaration_from_the_engine_and_denies_a_us_sheriffs_face_matching(
    engine: Engine,
) -> None:
    """The engine hands a Python pack the stack's config only in ConfigureStack (no PULUMI_CONFIG)."""
    (engine.project / "__main__.py").write_text(RAW_TAGGED_ACCOUNT)
    shutil.copy(SHERIFF_STACK, engine.project / "stacks" / "Pulumi.sheriff.yaml")
    engine.init("sheriff")
    result = engine.preview("sheriff")
    assert result.code != 0, result.text
    assert USE_CASE_VERDICT in result.out
    assert f"[{FR_US_LAW_ENFORCEMENT.id}]" in result.out
    assert "never reached the policy pack" not in result.out
    assert "Traceback" not in result.text


def test_a_pack_that_ignores_configure_stack_hears_no_config_and_fails_closed(engine: Engine) -> None:
    """pulumi_policy's own analyzer keeps only ConfigureStack's tags: the config reaches it no other way."""
    (engine.project / "__main__.py").write_text(RAW_TAGGED_ACCOUNT)
    pack = engine.project / "guards" / "policy_pack" / "__main__.py"
    pack.write_text(pack.read_text().replace("serve_pack(", "__import__('pulumi_policy').PolicyPack(", 1))
    shutil.copy(SHERIFF_STACK, engine.project / "stacks" / "Pulumi.sheriff.yaml")
    engine.init("sheriff")
    result = engine.preview("sheriff")
    assert result.code != 0, result.text
    assert "never reached the policy pack" in result.out
    assert "[mandatory]  use-case-verdict" in result.out


CONSUMER_SHERIFF_STACK = """\
config:
  ledger-app:useCase:
    name: booking-photo-match
    purpose: Compare each booking photo with prior booking photos to find an arrestee's earlier records.
    owner: records-unit@sheriff.example.gov
    operator: {sector: law_enforcement, country: US}
    servedParties: []
    capabilities: [facial_recognition]
    facialRecognition: {realtime: false, cameras: [fixed], environment: controlled}
"""


def test_a_consumer_projects_own_declaration_reaches_the_pack_with_the_projects_name(engine: Engine) -> None:
    """Another project (`ledger-app`) declares in its own namespace; the engine names the project in ConfigureStack."""
    project_file = engine.project / "Pulumi.yaml"
    project_file.write_text(project_file.read_text().replace("name: azure-openai-guarded", "name: ledger-app", 1))
    (engine.project / "__main__.py").write_text(RAW_TAGGED_ACCOUNT)
    (engine.project / "stacks" / "Pulumi.pd.yaml").write_text(CONSUMER_SHERIFF_STACK)
    engine.init("pd")
    result = engine.preview("pd")
    assert result.code != 0, result.text
    assert f"`ledger-app:useCase`: [{FR_US_LAW_ENFORCEMENT.id}]" in result.out
    assert "[mandatory]  account-use-case-declared" in result.out


def test_a_declaration_set_as_a_secret_is_refused_as_the_checker_refuses_it(engine: Engine) -> None:
    """The engine hands a pack secrets decrypted, naming them in ConfigureStack's secret keys."""
    (engine.project / "__main__.py").write_text(RAW_TAGGED_ACCOUNT)
    (engine.project / "stacks" / "Pulumi.secret.yaml").write_text(
        "config:\n  azure-openai-guarded:service: {cloud: public, location: eastus2, resourceGroupName: rg-x}\n"
    )
    engine.init("secret")
    declared = {
        "name": "support-bot",
        "purpose": "Answer billing questions in the support portal.",
        "owner": "support-platform@example.com",
        "operator": {"sector": "commercial", "country": "US"},
        "servedParties": [],
        "capabilities": ["text_generation"],
    }
    engine.run(
        "config",
        "set",
        "--secret",
        "--stack",
        "secret",
        "azure-openai-guarded:useCase",
        json.dumps(declared),
        check=True,
    )
    result = engine.preview("secret")
    assert result.code != 0, result.text
    assert "azure-openai-guarded:useCase: is an encrypted (`secure:`) value" in result.out
