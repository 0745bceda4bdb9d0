"""Where a provider sends resources when its inputs leave the cloud to the environment it runs in.

The engine starts the policy pack with the CLI's environment, which the provider plugins run in too: a provider
with no ``environment`` reads ``ARM_ENVIRONMENT`` (azure-native also ``AZURE_ENVIRONMENT``), and one with no
``metadataHost`` reads ``ARM_METADATA_HOSTNAME``, so the pack reads them as the provider would.
"""

from __future__ import annotations

from typing import Any

import pytest

from azure_openai_guarded.components.clouds import COMMERCIAL, GOVERNMENT
from azure_openai_guarded.guards.policies.props import AZURE_NATIVE_PROVIDER
from azure_openai_guarded.guards.policies.providers import CLASSIC_PROVIDER, cloud_of_provider_props

VARIABLES = ("ARM_ENVIRONMENT", "AZURE_ENVIRONMENT", "ARM_METADATA_HOSTNAME")

CASES = [
    pytest.param(AZURE_NATIVE_PROVIDER, {}, {}, COMMERCIAL, id="nothing-set-is-public"),
    pytest.param(AZURE_NATIVE_PROVIDER, {}, {"ARM_ENVIRONMENT": "usgovernment"}, GOVERNMENT, id="arm-environment"),
    pytest.param(AZURE_NATIVE_PROVIDER, {}, {"AZURE_ENVIRONMENT": "usgovernment"}, GOVERNMENT, id="azure-environment"),
    pytest.param(CLASSIC_PROVIDER, {}, {"ARM_ENVIRONMENT": "usgovernment"}, GOVERNMENT, id="classic-arm-environment"),
    pytest.param(CLASSIC_PROVIDER, {}, {"AZURE_ENVIRONMENT": "usgovernment"}, COMMERCIAL, id="classic-ignores-azure"),
    pytest.param(
        AZURE_NATIVE_PROVIDER,
        {"environment": "public"},
        {"ARM_ENVIRONMENT": "usgovernment"},
        COMMERCIAL,
        id="input-wins",
    ),
    pytest.param(AZURE_NATIVE_PROVIDER, {}, {"ARM_METADATA_HOSTNAME": "example.net"}, None, id="metadata-host-unknown"),
    pytest.param(
        AZURE_NATIVE_PROVIDER,
        {"environment": "public"},
        {"ARM_METADATA_HOSTNAME": "management.usgovcloudapi.net"},
        None,
        id="metadata-host-overrides-environment",
    ),
    pytest.param(AZURE_NATIVE_PROVIDER, {}, {"ARM_ENVIRONMENT": "china"}, None, id="a-cloud-not-deployed-to"),
]


@pytest.mark.parametrize(("provider_type", "props", "variables", "cloud"), CASES)
def test_a_provider_without_a_cloud_input_goes_where_its_environment_variables_say(
    monkeypatch: pytest.MonkeyPatch, provider_type: str, props: dict[str, Any], variables: dict[str, str], cloud: Any
) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)

    assert cloud_of_provider_props(props, provider_type).cloud is cloud


def test_the_reason_names_the_variable_that_decided(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ARM_METADATA_HOSTNAME", raising=False)
    monkeypatch.setenv("ARM_ENVIRONMENT", "usgovernment")

    assert "ARM_ENVIRONMENT 'usgovernment'" in cloud_of_provider_props({}).shown
