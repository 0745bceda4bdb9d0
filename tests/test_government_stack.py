"""The Government stack: `cloud: usgovernment` selects the Government component, and the plan shows it."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from azure_openai_guarded.guards.projectfile import read_stack
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from mockengine.program import ProgramRun, run_program
from plan.__main__ import main as plan_main
from plan.planner import Status, plan_file

STACKS = Path(__file__).resolve().parent.parent / "stacks"
GOV_FILE = STACKS / "Pulumi.gov.yaml"
SERVICE = "azure-openai-guarded:service"
USE_CASE = "azure-openai-guarded:useCase"


def gov_config() -> dict[str, Any]:
    return read_stack(GOV_FILE).full_config()


@pytest.fixture(scope="module")
def gov() -> ProgramRun:
    run = run_program(gov_config(), stack="gov")
    assert run.error is None, run.error
    return run


def test_the_stack_disables_the_default_azure_native_provider() -> None:
    assert read_stack(GOV_FILE).other_config["pulumi:disable-default-providers"] == ["azure-native"]


def test_usgovernment_selects_the_government_component(gov: ProgramRun) -> None:
    assert len(gov.of_type("azure-openai-guarded:index:AzureGovernmentOpenAIService")) == 1


def test_every_azure_resource_is_on_the_government_provider_in_a_government_region(gov: ProgramRun) -> None:
    (provider,) = gov.of_type("pulumi:providers:azure-native")
    assert provider.inputs["environment"] == "usgovernment"
    azure = [r for r in gov.resources if r.type.startswith("azure-native:")]
    assert all(r.provider.startswith(f"{provider.urn}::") for r in azure)
    regional = [r.inputs["location"] for r in azure if r.inputs.get("location") not in (None, "global")]
    assert regional
    assert set(regional) <= {"usgovarizona", "usgovvirginia"}


def test_the_agency_setup_uses_data_zone_deployments_behind_a_private_endpoint(gov: ProgramRun) -> None:
    chain = gov.of_type("azure-native:cognitiveservices:Deployment")
    assert len(chain) == 3
    assert {d.inputs["sku"]["name"] for d in chain} == {"DataZoneStandard"}
    (endpoint,) = gov.of_type("azure-native:network:PrivateEndpoint")
    assert {d.urn for d in chain} <= set(endpoint.dependencies)
    assert gov.outputs["endpoint"] == "https://agency-public-comments.openai.azure.us/"


def test_the_plan_shows_every_resource_on_the_government_provider(capsys: pytest.CaptureFixture[str]) -> None:
    assert plan_main([str(GOV_FILE)]) == 0
    out = capsys.readouterr().out
    assert "Pulumi.gov.yaml  (stack gov)  ALLOWED" in out
    assert "(default)" not in out
    assert out.count("usgovernment (explicit)") == 14
    assert "privatelink.openai.azure.us" in out


def test_the_plan_of_every_repository_stack_passes() -> None:
    plans = [plan_file(path) for path in sorted(STACKS.glob("Pulumi.*.yaml"))]
    assert [p.stack for p in plans] == ["dev", "foundry", "gov"]
    assert all(p.status is Status.ALLOWED for p in plans), [(p.stack, p.problems, p.run and p.run.error) for p in plans]
    assert plan_main([str(STACKS)]) == 0


@pytest.mark.parametrize(
    ("change", "named"),
    [
        pytest.param(
            lambda s: s["deployments"][0].update({"sku": "GlobalStandard"}),
            "azure-openai-guarded:service.deployments[0].sku: GlobalStandard is not offered in Azure Government; "
            "it offers Standard, DataZoneStandard, ProvisionedManaged, DataZoneProvisionedManaged",
            id="global-standard",
        ),
        pytest.param(
            lambda s: s.update({"location": "eastus"}),
            "azure-openai-guarded:service.location: 'eastus' does not offer Azure OpenAI in Azure Government",
            id="commercial-region",
        ),
        pytest.param(
            lambda s: s["deployments"][2].update({"model": "gpt-4o-mini", "version": "2024-07-18"}),
            "azure-openai-guarded:service.deployments[2].model: 'gpt-4o-mini' is not in the Azure Government catalogue",
            id="model-not-in-government",
        ),
    ],
)
def test_a_commercial_only_choice_in_the_stack_file_registers_nothing(change: Any, named: str) -> None:
    config = copy.deepcopy(gov_config())
    change(config[SERVICE])
    run = run_program(config, stack="gov")
    assert run.resources == []
    assert run.error is not None
    assert run.error.startswith("stacks/Pulumi.gov.yaml: the declaration is invalid; nothing was created.")
    assert named in run.error


def test_us_police_facial_recognition_declared_on_government_registers_nothing() -> None:
    config = copy.deepcopy(gov_config())
    config[USE_CASE] |= {
        "operator": {"sector": "law_enforcement", "country": "US"},
        "capabilities": ["facial_recognition"],
        "facialRecognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
    }
    run = run_program(config, stack="gov")
    assert run.resources == []
    assert FR_US_LAW_ENFORCEMENT.id in (run.error or "")
    assert "stacks/Pulumi.gov.yaml: the guard denied this stack" in (run.error or "")
