"""Environment variables of the machine that runs ``pulumi`` that pick the cloud are read as the provider reads them.

pulumi-azure-native reads its environment from its ``environment`` (for the default provider
``azure-native:environment``), then ``ARM_ENVIRONMENT``, then ``AZURE_ENVIRONMENT``; and its metadata host from
``metadataHost``, then ``ARM_METADATA_HOSTNAME``, which overrides the environment of every provider, explicit
ones included. The component runs where the provider plugin runs, so it sees the same variables, and refuses to
provision when they send the resources elsewhere than the cloud the verdict was decided for.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pulumi
import pytest

from azure_openai_guarded.components import (
    AzureGovernmentOpenAIService,
    AzureOpenAIService,
    CommercialProvider,
    GovernmentProvider,
)
from azure_openai_guarded.components.clouds import COMMERCIAL
from azure_openai_guarded.components.declaration import read_component_args
from mockengine.program import run_callable, run_program
from tests.samples import service_args
from tests.test_program_guard import ALLOWED, example_config

VARIABLES = ("ARM_ENVIRONMENT", "AZURE_ENVIRONMENT", "ARM_METADATA_HOSTNAME")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    yield
    pulumi.runtime.set_all_config({})


def gov_args() -> Any:
    deployment = {"name": "summarize", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard"}
    return service_args(location="usgovvirginia", deployments=[deployment | {"capacity": 20}])


@pytest.mark.parametrize("name", ["ARM_ENVIRONMENT", "AZURE_ENVIRONMENT"])
def test_an_environment_variable_sending_the_default_provider_to_government_stops_a_commercial_component(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv(name, "usgovernment")
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()))
    assert run.error is not None
    assert f"the environment variable `{name}=usgovernment`, which the default provider reads" in run.error
    assert "sends the default provider's resources to Azure Government" in run.error
    assert run.resources == []


def test_an_environment_variable_naming_no_cloud_stops_a_commercial_component(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARM_ENVIRONMENT", "german")
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()))
    assert run.error is not None
    assert "`ARM_ENVIRONMENT=german`" in run.error
    assert "names no cloud this project deploys to" in run.error
    assert run.resources == []


@pytest.mark.parametrize(
    ("config", "opts"),
    [
        ({}, None),
        ({"azure-native:environment": "public"}, None),
        ({}, lambda: pulumi.ResourceOptions(provider=CommercialProvider("commercial"))),
    ],
    ids=["the variable agrees", "the stack's config wins", "an explicit provider sets its environment"],
)
def test_an_environment_variable_that_does_not_decide_the_cloud_elsewhere_is_provisioned(
    monkeypatch: pytest.MonkeyPatch, config: dict[str, str], opts: Any
) -> None:
    monkeypatch.setenv("ARM_ENVIRONMENT", "public" if not config and opts is None else "usgovernment")
    run = run_callable(lambda: AzureOpenAIService("svc", service_args(), opts() if opts else None), config)
    assert run.error is None
    assert any(r.type == "azure-native:cognitiveservices:Account" for r in run.resources)


def test_the_program_refuses_a_stack_the_environment_variable_sends_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARM_ENVIRONMENT", "usgovernment")
    run = run_program(example_config(ALLOWED[0]), stack=ALLOWED[0])
    assert run.error is not None
    assert "azure-openai-guarded:service.cloud: the declaration deploys to commercial Azure" in run.error
    assert "`ARM_ENVIRONMENT=usgovernment`" in run.error
    assert run.resources == []


METADATA_HOST: list[tuple[str, Any]] = [
    ("the default provider", lambda: AzureOpenAIService("svc", service_args())),
    (
        "a CommercialProvider",
        lambda: AzureOpenAIService("svc", service_args(), pulumi.ResourceOptions(provider=CommercialProvider("c"))),
    ),
    (
        "a ready declaration",
        lambda: AzureOpenAIService.from_declaration(
            "svc", read_component_args(service_args(), COMMERCIAL, spelling="python")
        ),
    ),
    ("the Government component's own provider", lambda: AzureGovernmentOpenAIService("svc", gov_args())),
    (
        "a GovernmentProvider",
        lambda: AzureGovernmentOpenAIService(
            "svc", gov_args(), pulumi.ResourceOptions(provider=GovernmentProvider("g"))
        ),
    ),
]


@pytest.mark.parametrize(("how", "build"), METADATA_HOST, ids=[how for how, _ in METADATA_HOST])
def test_a_metadata_host_variable_stops_every_component_whatever_its_provider(
    monkeypatch: pytest.MonkeyPatch, how: str, build: Any
) -> None:
    monkeypatch.setenv("ARM_METADATA_HOSTNAME", "management.example.net")
    run = run_callable(build)
    assert run.error is not None, how
    assert "ARM_METADATA_HOSTNAME: the environment variable `ARM_METADATA_HOSTNAME=management.example.net`" in run.error
    assert not [r for r in run.resources if r.type.startswith(("azure-native:", "azure-openai-guarded:"))]
