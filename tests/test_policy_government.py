"""Azure Government: every azure-native resource must go through a provider whose environment is usgovernment.

The engine passes each resource's provider (the default one too, built from
the stack's ``azure-native:*`` config) with its inputs; the stack's cloud comes
from its config, as the engine hands it to the pack.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pulumi.runtime
import pytest
from pulumi_policy import (
    PolicyCustomTimeouts,
    PolicyProviderResource,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
)
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE, unknown_checking_proxy

from azure_openai_guarded.guards.policies import all_policies
from azure_openai_guarded.guards.policies.government import GOVERNMENT_PROVIDER
from tests.declarations import config, engine_passes, stack_document, use_case

POLICY = next(p for p in all_policies() if p.name == GOVERNMENT_PROVIDER)
PROVIDER_TYPE = "pulumi:providers:azure-native"
CLASSIC_PROVIDER = "pulumi:providers:azure"
CLASSIC_ACCOUNT = "azure:cognitive/account:Account"


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    pulumi.runtime.set_all_config({})
    yield
    pulumi.runtime.set_all_config({})


GOV_STACK = stack_document(config(use_case(), cloud="usgovernment"))["config"]
PUBLIC_STACK = stack_document(config(use_case()))["config"]


def provider(name: str = "default_3_29_0", resource_type: str = PROVIDER_TYPE, **inputs: Any) -> PolicyProviderResource:
    urn = f"urn:pulumi:gov::azure-openai-guarded::{resource_type}::{name}"
    return PolicyProviderResource(resource_type, unknown_checking_proxy(inputs), urn, name)


def validate(
    provider_: PolicyProviderResource | None,
    resource_type: str = "azure-native:cognitiveservices:Account",
    **inputs: Any,
) -> list[str]:
    assert isinstance(POLICY, ResourceValidationPolicy)
    opts = PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(0, 0, 0), [], None)
    urn = f"urn:pulumi:gov::azure-openai-guarded::{resource_type}::ai"
    args = ResourceValidationArgs(resource_type, unknown_checking_proxy(inputs), urn, "ai", opts, provider_)
    messages: list[str] = []
    POLICY.validate(args, lambda message, _urn: messages.append(message))
    return messages


def test_a_government_provider_passes(monkeypatch: pytest.MonkeyPatch) -> None:
    engine_passes(monkeypatch, GOV_STACK)
    assert validate(provider(environment="usgovernment", location="usgovvirginia")) == []
    assert validate(provider(environment="USGovernment")) == []


@pytest.mark.parametrize(
    ("provider_", "words"),
    [
        (provider(location="usgovvirginia"), "no environment (so the public cloud)"),
        (provider(environment="public"), "environment 'public'"),
        (provider(environment=UNKNOWN_STRING_VALUE), "unknown until deployment"),
        (None, "names no Azure provider"),
        (provider("aws", "pulumi:providers:aws"), "names no Azure provider"),
        (provider(environment="usgovernment", metadataHost="management.usgovcloudapi.net"), "metadataHost"),
        (provider(metadataHost="management.usgovcloudapi.net"), "whose cloud is whatever its endpoint describes"),
        (provider(metadataHost=UNKNOWN_STRING_VALUE), "a metadataHost unknown until deployment"),
        (provider(resource_type=CLASSIC_PROVIDER), "no environment (so the public cloud)"),
        (provider(resource_type=CLASSIC_PROVIDER, environment="usgovernment", metadataHost="x.example"), "metadataH"),
    ],
    ids=[
        "default-public",
        "explicit-public",
        "unknown",
        "none",
        "other-provider",
        "metadata-host-beside-environment",
        "metadata-host-alone",
        "metadata-host-unknown",
        "classic-default-public",
        "classic-metadata-host",
    ],
)
def test_a_resource_of_a_government_stack_on_another_cloud_is_denied(
    monkeypatch: pytest.MonkeyPatch, provider_: PolicyProviderResource | None, words: str
) -> None:
    engine_passes(monkeypatch, GOV_STACK)
    (message,) = validate(provider_)
    assert words in message
    assert "azure-native:environment: usgovernment" in message


def test_the_provider_config_alone_makes_a_government_stack(monkeypatch: pytest.MonkeyPatch) -> None:
    engine_passes(monkeypatch, {"azure-native:environment": "usgovernment"})
    assert len(validate(provider(environment="public"))) == 1


def test_a_resource_in_a_government_region_needs_a_government_provider_whatever_the_stack_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine_passes(monkeypatch, PUBLIC_STACK)
    assert len(validate(provider(), location="usgovarizona")) == 1
    assert len(validate(provider(), location="usdodeast")) == 1
    assert validate(provider(), location="eastus2") == []


def test_every_azure_native_resource_is_concerned_and_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    engine_passes(monkeypatch, GOV_STACK)
    assert len(validate(provider(), "azure-native:network:PrivateEndpoint")) == 1
    assert validate(None, "random:index:RandomString") == []
    assert validate(None, "azure-openai-guarded:index:OpenAIService") == []


def test_a_public_stack_is_not_concerned(monkeypatch: pytest.MonkeyPatch) -> None:
    engine_passes(monkeypatch, PUBLIC_STACK)
    assert validate(provider(environment="public")) == []


@pytest.mark.parametrize(
    ("provider_", "resource_type", "passes"),
    [
        (provider(resource_type=CLASSIC_PROVIDER, environment="usgovernment"), CLASSIC_ACCOUNT, True),
        (provider(resource_type=CLASSIC_PROVIDER, environment="public"), CLASSIC_ACCOUNT, False),
        (provider(resource_type=CLASSIC_PROVIDER), "azure:core/resourceGroup:ResourceGroup", False),
        (provider(resource_type=CLASSIC_PROVIDER, environment="china"), CLASSIC_ACCOUNT, False),
    ],
    ids=["classic-government", "classic-public", "classic-default", "classic-china"],
)
def test_the_classic_providers_resources_need_a_government_provider_in_a_government_stack(
    monkeypatch: pytest.MonkeyPatch, provider_: PolicyProviderResource, resource_type: str, passes: bool
) -> None:
    engine_passes(monkeypatch, GOV_STACK)
    assert (validate(provider_, resource_type) == []) is passes


def test_the_classic_providers_config_alone_makes_a_government_stack(monkeypatch: pytest.MonkeyPatch) -> None:
    engine_passes(monkeypatch, {"azure:environment": "usgovernment"})
    assert len(validate(provider(resource_type=CLASSIC_PROVIDER), CLASSIC_ACCOUNT)) == 1


@pytest.mark.parametrize(
    ("own", "providers", "flagged"),
    [
        # (the resource's location, its provider's location, whether it is judged a Government resource)
        (None, "usgovvirginia", True),
        (None, "USGovArizona", True),
        (None, "eastus2", False),
        (None, None, False),
        ("eastus2", "usgovvirginia", False),
        ("usgovtexas", "eastus2", True),
    ],
)
def test_a_resource_without_a_location_is_placed_by_its_providers_location(
    monkeypatch: pytest.MonkeyPatch, own: str | None, providers: str | None, flagged: bool
) -> None:
    engine_passes(monkeypatch, PUBLIC_STACK)
    on = provider(**({"location": providers} if providers else {}))
    inputs = {"location": own} if own else {}
    for resource_type in ("azure-native:cognitiveservices:Account", CLASSIC_ACCOUNT):
        typed = provider(resource_type=CLASSIC_PROVIDER, **on.props) if resource_type == CLASSIC_ACCOUNT else on
        assert bool(validate(typed, resource_type, **inputs)) is flagged, resource_type
