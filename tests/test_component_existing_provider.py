"""A ``CommercialProvider`` or ``GovernmentProvider`` is trusted only as a provider its constructor registers.

With ``urn``, ``id`` or ``import_`` in its options Pulumi reads (or imports) an existing provider instead of
registering ``environment: public`` (or ``usgovernment``): that provider may be a Government one, so the class would
name a cloud its resources do not go to. The constructor refuses those options, and a component refuses a provider
of either class its constructor did not register.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pulumi
import pulumi_azure_native
import pytest

from azure_openai_guarded.components import (
    AzureGovernmentOpenAIService,
    AzureOpenAIService,
    CommercialProvider,
    GovernmentProvider,
)
from azure_openai_guarded.components.providers import ExistingProviderError
from mockengine.program import run_callable
from tests.samples import service_args

AZURE = "azure-native:"


def registered_urn(resource: pulumi.Resource) -> str:
    urn: str = pulumi.runtime.sync_await._sync_await(resource.urn.future())
    return urn


EXISTING: list[tuple[str, Callable[[str], pulumi.ResourceOptions]]] = [
    ("urn", lambda urn: pulumi.ResourceOptions(urn=urn)),
    ("id", lambda _: pulumi.ResourceOptions(id="existing-provider-id")),
    ("import_", lambda _: pulumi.ResourceOptions(import_="existing-provider-id")),
]


@pytest.mark.parametrize("cls", [CommercialProvider, GovernmentProvider])
@pytest.mark.parametrize(("option", "opts"), EXISTING, ids=[option for option, _ in EXISTING])
def test_a_cloud_provider_built_to_read_an_existing_provider_is_refused_by_its_constructor(
    cls: type[CommercialProvider], option: str, opts: Callable[[str], pulumi.ResourceOptions]
) -> None:
    def body() -> None:
        government = pulumi_azure_native.Provider("gov", environment="usgovernment")
        cls("fake", opts=opts(registered_urn(government)))

    run = run_callable(body)
    assert run.error is not None
    assert f"{cls.__name__} 'fake': opts.{option} is refused" in run.error
    assert [r.name for r in run.resources] == ["gov"]


def test_a_cloud_provider_given_options_of_another_class_is_refused() -> None:
    class Options(pulumi.ResourceOptions):
        pass

    with pytest.raises(ExistingProviderError, match=r"must be a pulumi\.ResourceOptions itself, not a Options"):
        CommercialProvider("fake", opts=Options())


def test_a_commercial_provider_read_by_urn_never_reaches_a_component() -> None:
    def body() -> None:
        government = pulumi_azure_native.Provider("gov", environment="usgovernment")
        fake = CommercialProvider("fake", opts=pulumi.ResourceOptions(urn=registered_urn(government)))
        AzureOpenAIService("svc", service_args(), pulumi.ResourceOptions(provider=fake))

    run = run_callable(body)
    assert run.error is not None
    assert "opts.urn is refused" in run.error
    assert not [r for r in run.resources if r.type.startswith((AZURE, "azure-openai-guarded:"))]


def unregistered(cls: type[CommercialProvider]) -> Any:
    """A provider of ``cls`` built around its constructor: Pulumi's own reads the existing provider."""
    provider = cls.__new__(cls)
    pulumi_azure_native.Provider.__init__(provider, "fake", opts=pulumi.ResourceOptions(id="existing-provider-id"))
    return provider


@pytest.mark.parametrize(
    ("component", "cls", "args"),
    [
        (AzureOpenAIService, CommercialProvider, lambda: service_args()),
        (
            AzureGovernmentOpenAIService,
            GovernmentProvider,
            lambda: service_args(
                location="usgovvirginia",
                deployments=[
                    {
                        "name": "chat",
                        "model": "gpt-4o",
                        "version": "2024-11-20",
                        "sku": "DataZoneStandard",
                        "capacity": 1,
                    }
                ],
            ),
        ),
    ],
    ids=["commercial", "government"],
)
def test_a_component_refuses_a_cloud_provider_its_constructor_did_not_register(
    component: Any, cls: type[CommercialProvider], args: Callable[[], Any]
) -> None:
    def body() -> None:
        component("svc", args(), pulumi.ResourceOptions(provider=unregistered(cls)))

    run = run_callable(body)
    assert run.error is not None
    assert f"is a {cls.__name__} its constructor did not register" in run.error
    assert not [r for r in run.resources if r.type.startswith((AZURE, "azure-openai-guarded:"))]
