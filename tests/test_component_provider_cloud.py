"""A component refuses any azure-native provider whose cloud it cannot establish, passed or inherited.

The verdict is decided for one cloud; a plain ``azure_native.Provider`` can send the resources anywhere (an
``environment``, a ``metadata_host``, or a value known only at deployment), so both components refuse it and say
what to pass instead. A GB law-enforcement facial-recognition use case is allowed in commercial Azure, so
provisioning it in Azure Government through a commercial component would judge it for the wrong jurisdiction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pulumi
import pulumi_azure_native
import pytest
from pulumi.provider.experimental.component import ComponentInitError
from pulumi.resource import DependencyProviderResource

from azure_openai_guarded.components import (
    AzureGovernmentOpenAIService,
    AzureOpenAIService,
    CommercialProvider,
    GovernmentProvider,
)
from azure_openai_guarded.guards import tags
from azure_openai_guarded.provider import ComponentRefusedError, GuardedComponentProvider
from mockengine.program import run_callable
from tests.samples import service_args

PROVIDER = "pulumi:providers:azure-native"


@pytest.fixture(autouse=True)
def no_config_left_behind() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def gb_police_facial_recognition() -> dict[str, Any]:
    return {
        "name": "custody-match",
        "purpose": "Match custody photos against the force's records of prior arrests.",
        "owner": "records@police.example.uk",
        "operator": {"sector": "law_enforcement", "country": "GB"},
        "capabilities": ["facial_recognition"],
        "facial_recognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
        "human_review": True,
    }


def gov_args(**overrides: Any) -> Any:
    base: dict[str, Any] = {
        "location": "usgovvirginia",
        "deployments": [
            {"name": "summarize", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard", "capacity": 20}
        ],
    }
    return service_args(**(base | overrides))


class Holder(pulumi.ComponentResource):
    """A consumer's own component, whose azure-native provider its children inherit."""

    def __init__(self, name: str, opts: pulumi.ResourceOptions) -> None:
        super().__init__("consumer:index:Holder", name, None, opts)


def plain_government() -> pulumi.ProviderResource:
    return pulumi_azure_native.Provider("gov", environment="usgovernment")


UNESTABLISHED: list[tuple[str, Callable[[], pulumi.ResourceOptions]]] = [
    ("provider=", lambda: pulumi.ResourceOptions(provider=plain_government())),
    ("providers=[...]", lambda: pulumi.ResourceOptions(providers=[plain_government()])),
    ("providers={...}", lambda: pulumi.ResourceOptions(providers={"azure-native": plain_government()})),
    (
        "inherited from the parent",
        lambda: pulumi.ResourceOptions(parent=Holder("holder", pulumi.ResourceOptions(providers=[plain_government()]))),
    ),
    (
        "an environment known only at deployment",
        lambda: pulumi.ResourceOptions(
            provider=pulumi_azure_native.Provider("gov", environment=pulumi.Output.from_input("usgovernment"))
        ),
    ),
    (
        "a metadata host",
        lambda: pulumi.ResourceOptions(
            provider=pulumi_azure_native.Provider("gov", metadata_host="management.usgovcloudapi.net")
        ),
    ),
    ("a plain public provider", lambda: pulumi.ResourceOptions(provider=pulumi_azure_native.Provider("pub"))),
]


@pytest.mark.parametrize(("how", "opts"), UNESTABLISHED, ids=[how for how, _ in UNESTABLISHED])
def test_the_commercial_component_refuses_a_provider_whose_cloud_it_cannot_establish(
    how: str, opts: Callable[[], pulumi.ResourceOptions]
) -> None:
    def body() -> None:
        AzureOpenAIService("svc", service_args(use_case=gb_police_facial_recognition()), opts())

    run = run_callable(body)
    assert run.error is not None, how
    assert "does not record its cloud" in run.error
    assert "CommercialProvider" in run.error
    assert "GovernmentProvider" in run.error
    assert not [r for r in run.resources if r.type.startswith("azure-native:")]


@pytest.mark.parametrize(("how", "opts"), UNESTABLISHED, ids=[how for how, _ in UNESTABLISHED])
def test_the_government_component_refuses_the_same_providers(
    how: str, opts: Callable[[], pulumi.ResourceOptions]
) -> None:
    def body() -> None:
        AzureGovernmentOpenAIService("svc", gov_args(), opts())

    run = run_callable(body)
    assert run.error is not None, how
    assert "does not record its cloud" in run.error
    assert not [r for r in run.resources if r.type.startswith("azure-native:")]


class GovernmentAsCommercial(CommercialProvider):
    """A subclass that registers another environment than its base's."""

    def __init__(self, name: str) -> None:
        pulumi_azure_native.Provider.__init__(self, name, environment="usgovernment", location="usgovvirginia")


class CommercialByName(CommercialProvider):
    """A subclass that changes nothing: still not the class the guard trusts."""


def relabelled() -> pulumi.ProviderResource:
    provider = plain_government()
    provider.deploys_to = CommercialProvider.deploys_to  # type: ignore[attr-defined]
    return provider


def to_government(args: pulumi.ResourceTransformationArgs) -> pulumi.ResourceTransformationResult:
    return pulumi.ResourceTransformationResult({**args.props, "environment": "usgovernment"}, args.opts)


UNTRUSTED: list[tuple[str, Callable[[], pulumi.ProviderResource], str]] = [
    (
        "a subclass registering another environment",
        lambda: GovernmentAsCommercial("p"),
        "a subclass of CommercialProvider",
    ),
    ("a subclass changing nothing", lambda: CommercialByName("p"), "a subclass of CommercialProvider"),
    ("a plain provider relabelled with deploys_to", relabelled, "does not record its cloud"),
    (
        "a CommercialProvider given transformations",
        lambda: CommercialProvider("p", opts=pulumi.ResourceOptions(transformations=[to_government])),
        "was given transformations or transforms",
    ),
    (
        "a CommercialProvider given transforms",
        lambda: CommercialProvider("p", opts=pulumi.ResourceOptions(transforms=[lambda args: None])),
        "was given transformations or transforms",
    ),
    (
        "a CommercialProvider under a parent with transformations",
        lambda: CommercialProvider(
            "p",
            opts=pulumi.ResourceOptions(
                parent=Holder("holder", pulumi.ResourceOptions(transformations=[to_government]))
            ),
        ),
        "was given transformations or transforms",
    ),
]


@pytest.mark.parametrize(("how", "provider", "message"), UNTRUSTED, ids=[how for how, _, _ in UNTRUSTED])
def test_a_provider_is_trusted_by_what_its_own_class_registered_not_by_an_attribute(
    how: str, provider: Callable[[], pulumi.ProviderResource], message: str
) -> None:
    def body() -> None:
        AzureOpenAIService(
            "svc", service_args(use_case=gb_police_facial_recognition()), pulumi.ResourceOptions(provider=provider())
        )

    run = run_callable(body)
    assert run.error is not None, how
    assert message in run.error
    assert not [r for r in run.resources if r.type.startswith(("azure-native:", "azure-openai-guarded:"))]


def test_a_government_provider_subclass_or_one_given_transformations_is_refused_by_the_government_component() -> None:
    class Renamed(GovernmentProvider):
        pass

    for provider in (
        lambda: Renamed("p"),
        lambda: GovernmentProvider("p", opts=pulumi.ResourceOptions(transforms=[lambda args: None])),
    ):

        def body(provider: Callable[[], pulumi.ProviderResource] = provider) -> None:
            AzureGovernmentOpenAIService("svc", gov_args(), pulumi.ResourceOptions(provider=provider()))

        run = run_callable(body)
        assert run.error is not None
        assert "AzureGovernmentOpenAIService 'svc': the arguments are invalid" in run.error
        assert [r.type for r in run.resources] == [PROVIDER]


def test_a_government_provider_for_the_commercial_component_is_refused_as_another_cloud() -> None:
    def body() -> None:
        provider = GovernmentProvider("gov")
        AzureOpenAIService(
            "svc",
            service_args(use_case=gb_police_facial_recognition()),
            pulumi.ResourceOptions(parent=Holder("holder", pulumi.ResourceOptions(providers=[provider]))),
        )

    run = run_callable(body)
    assert run.error is not None
    assert "the provider deploys to Azure Government" in run.error
    assert not [r for r in run.resources if r.type.startswith("azure-native:")]


def test_a_commercial_provider_for_the_government_component_is_refused_as_another_cloud() -> None:
    def body() -> None:
        AzureGovernmentOpenAIService("svc", gov_args(), pulumi.ResourceOptions(provider=CommercialProvider("pub")))

    run = run_callable(body)
    assert run.error is not None
    assert "the provider deploys to commercial Azure" in run.error


def test_a_commercial_provider_passed_or_inherited_is_used_by_every_child() -> None:
    def body() -> None:
        provider = CommercialProvider("pub", subscription_id="sub")
        holder = Holder("holder", pulumi.ResourceOptions(providers=[provider]))
        AzureOpenAIService("svc", service_args(), pulumi.ResourceOptions(parent=holder))

    run = run_callable(body)
    assert run.error is None, run.error
    (provider,) = run.of_type(PROVIDER)
    assert provider.inputs["environment"] == "public"
    azure = [r for r in run.resources if r.type.startswith("azure-native:")]
    assert azure
    assert all(r.provider.startswith(f"{provider.urn}::") for r in azure)


def test_a_government_provider_inherited_from_the_parent_is_used_by_the_government_component() -> None:
    def body() -> None:
        holder = Holder("holder", pulumi.ResourceOptions(providers=[GovernmentProvider("gov")]))
        AzureGovernmentOpenAIService("svc", gov_args(), pulumi.ResourceOptions(parent=holder))

    run = run_callable(body)
    assert run.error is None, run.error
    (provider,) = run.of_type(PROVIDER)
    azure = [r for r in run.resources if r.type.startswith("azure-native:")]
    assert azure
    assert all(r.provider.startswith(f"{provider.urn}::") for r in azure)


def test_no_provider_uses_the_default_one_and_tags_every_resource_with_the_cloud_decided_for() -> None:
    run = run_callable(lambda: AzureOpenAIService("svc", service_args()))
    assert run.error is None, run.error
    azure = [r for r in run.resources if r.type.startswith("azure-native:") and "tags" in r.inputs]
    assert azure
    assert all(r.inputs["tags"][tags.CLOUD] == "public" for r in azure)


def test_the_government_component_tags_every_resource_for_azure_government() -> None:
    run = run_callable(lambda: AzureGovernmentOpenAIService("svc", gov_args()))
    assert run.error is None, run.error
    azure = [r for r in run.resources if r.type.startswith("azure-native:") and "tags" in r.inputs]
    assert azure
    assert all(r.inputs["tags"][tags.CLOUD] == "usgovernment" for r in azure)


def test_another_languages_provider_reaches_the_component_provider_unrecorded_and_is_refused() -> None:
    # The engine hands construct each provider of the caller as a reference, whatever it was built with.
    inputs = {
        "useCase": {**gb_police_facial_recognition(), "humanReview": True},
        "location": "eastus2",
        "resourceGroupName": "rg-test",
        "deployments": [
            {"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": "GlobalStandard", "capacity": 10.0}
        ],
    }
    inputs["useCase"].pop("human_review")
    inputs["useCase"]["facialRecognition"] = inputs["useCase"].pop("facial_recognition")
    found: dict[str, Any] = {}

    def body() -> None:
        reference = "urn:pulumi:case::other::pulumi:providers:azure-native::gov::04da6b54-80e4-46f7-96ec-b56ff0331ba9"
        opts = pulumi.ResourceOptions(providers={"azure-native": DependencyProviderResource(reference)})
        try:
            GuardedComponentProvider().construct("svc", "azure-openai-guarded:index:AzureOpenAIService", inputs, opts)
        except ComponentInitError as error:
            found["error"] = error.inner
        except ComponentRefusedError as error:
            found["error"] = error.refusal

    run = run_callable(body)
    assert "does not record its cloud" in str(found.get("error")), (found, run.error)
    assert not [r for r in run.resources if r.type.startswith("azure-native:")]
