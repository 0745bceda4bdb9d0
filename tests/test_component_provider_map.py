"""The guard reads the provider map a component's children get exactly as Pulumi builds it, or refuses it.

Pulumi copies ``opts.providers`` with ``{**providers}`` (a list by each provider's package), adds ``opts.provider``
and lays the result over the parent's ``_providers``; the children look ``azure-native`` up in it. A map whose class
shows the guard something else (a dict subclass overriding ``items()``, a parent map overriding ``get``) hid a
Government provider from the commercial component, which Pulumi then handed every child. Only plain lists, tuples
and dicts are read, with their own methods; anything else is refused, as is a provider keyed under another package.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator
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
from mockengine.program import run_callable
from tests.samples import service_args

PROVIDER = "pulumi:providers:azure-native"


def gov_args() -> Any:
    deployment = {"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard"}
    return service_args(location="usgovvirginia", deployments=[deployment | {"capacity": 20}])


class HidingItems(dict[str, Any]):
    def items(self) -> Any:
        return iter(())


class HidingGet(dict[str, Any]):
    def get(self, key: str, default: Any = None) -> Any:
        return default


class HidingIter(list[Any]):
    def __iter__(self) -> Iterator[Any]:
        return iter(())


class Key(str):
    """A key that Pulumi's lookup finds as 'azure-native'."""


class Platform(pulumi.ComponentResource):
    def __init__(self, name: str, opts: pulumi.ResourceOptions | None = None) -> None:
        super().__init__("consumer:index:Platform", name, None, opts)


class OwnMap(pulumi.ComponentResource):
    """A parent whose class, not Pulumi, decides the map its children inherit."""

    @property
    def _providers(self) -> Any:
        return {}

    @_providers.setter
    def _providers(self, value: Any) -> None:
        pass

    def __init__(self, name: str) -> None:
        super().__init__("consumer:index:OwnMap", name, None, None)


def government() -> pulumi.ProviderResource:
    return pulumi_azure_native.Provider("gov", environment="usgovernment")


def tampered_parent(cls: type[dict[str, Any]]) -> pulumi.ResourceOptions:
    parent = Platform("platform", pulumi.ResourceOptions(providers=[government()]))
    parent._providers = cls(parent._providers)
    return pulumi.ResourceOptions(parent=parent)


def parent_holding(value: Any) -> pulumi.ResourceOptions:
    parent = Platform("platform")
    parent._providers = {"azure-native": value}
    return pulumi.ResourceOptions(parent=parent)


class Options(pulumi.ResourceOptions):
    pass


HIDDEN: list[tuple[str, Callable[[], pulumi.ResourceOptions], str]] = [
    (
        "a dict subclass hiding its items",
        lambda: pulumi.ResourceOptions(providers=HidingItems({"azure-native": government()})),
        "opts.providers: must be a list of providers or a mapping of package name to provider, as a plain list, "
        "tuple or dict (which Pulumi and the guard read alike), not HidingItems",
    ),
    (
        "a read-only mapping",
        lambda: pulumi.ResourceOptions(providers=types.MappingProxyType({"azure-native": government()})),
        "not mappingproxy",
    ),
    (
        "a list subclass hiding its items",
        lambda: pulumi.ResourceOptions(providers=HidingIter([government()])),
        "not HidingIter",
    ),
    (
        "a key that is not a plain string",
        lambda: pulumi.ResourceOptions(providers={Key("azure-native"): government()}),
        "opts.providers: the map has the key Key 'azure-native', not a plain string naming a package",
    ),
    (
        "a commercial provider keyed under another package",
        lambda: pulumi.ResourceOptions(providers={"azure": CommercialProvider("pub")}),
        "opts.providers.azure: is a provider for 'azure-native' under the key 'azure': Pulumi hands it only to "
        "resources of the package 'azure'",
    ),
    (
        "a parent map hiding its entries from get",
        lambda: tampered_parent(HidingGet),
        "opts.parent: its provider map (`_providers`) is a HidingGet, not a plain dict",
    ),
    (
        "a parent map hiding its items",
        lambda: tampered_parent(HidingItems),
        "its provider map (`_providers`) is a HidingItems",
    ),
    (
        "a parent whose class defines the map",
        lambda: pulumi.ResourceOptions(parent=OwnMap("platform")),
        "opts.parent: is a OwnMap, whose class defines `_providers`",
    ),
    (
        "a parent map holding something else than a provider",
        lambda: parent_holding("gov"),
        "opts.parent: its provider map holds str 'gov' for 'azure-native', not a provider resource",
    ),
    (
        "options of a subclass",
        lambda: Options(providers=[government()]),
        "opts: must be a pulumi.ResourceOptions itself, not a Options",
    ),
]


@pytest.mark.parametrize(("how", "opts", "message"), HIDDEN, ids=[how for how, _, _ in HIDDEN])
@pytest.mark.parametrize("component", [AzureOpenAIService, AzureGovernmentOpenAIService])
def test_a_provider_map_pulumi_could_read_otherwise_than_the_guard_is_refused(
    component: Any, how: str, opts: Callable[[], pulumi.ResourceOptions], message: str
) -> None:
    args = service_args() if component is AzureOpenAIService else gov_args()
    run = run_callable(lambda: component("svc", args, opts()))
    assert run.error is not None, how
    assert f"{component.__name__} 'svc': the arguments are invalid; nothing was created." in run.error
    assert message in run.error
    assert not [r for r in run.resources if r.type.startswith(("azure-native:", "azure-openai-guarded:"))]


PLAIN: list[tuple[str, Callable[[pulumi.ProviderResource], pulumi.ResourceOptions]]] = [
    ("provider=", lambda p: pulumi.ResourceOptions(provider=p)),
    ("providers=[...]", lambda p: pulumi.ResourceOptions(providers=[p])),
    ("providers=(...)", lambda p: pulumi.ResourceOptions(providers=(p,))),
    ("providers={...}", lambda p: pulumi.ResourceOptions(providers={"azure-native": p})),
    ("inherited", lambda p: pulumi.ResourceOptions(parent=Platform("platform", pulumi.ResourceOptions(providers=[p])))),
    (
        "given over an inherited one",
        lambda p: pulumi.ResourceOptions(
            providers=[p], parent=Platform("platform", pulumi.ResourceOptions(providers=[CommercialProvider("other")]))
        ),
    ),
]


@pytest.mark.parametrize(("how", "opts"), PLAIN, ids=[how for how, _ in PLAIN])
@pytest.mark.parametrize(
    ("component", "cls", "args"),
    [
        (AzureOpenAIService, CommercialProvider, service_args),
        (AzureGovernmentOpenAIService, GovernmentProvider, gov_args),
    ],
    ids=["commercial", "government"],
)
def test_the_provider_the_guard_checks_is_the_one_pulumi_gives_every_child(
    component: Any,
    cls: type[CommercialProvider],
    args: Callable[[], Any],
    how: str,
    opts: Callable[[pulumi.ProviderResource], pulumi.ResourceOptions],
) -> None:
    run = run_callable(lambda: component("svc", args(), opts(cls("chosen"))))
    assert run.error is None, how
    chosen = next(r.urn for r in run.resources if r.type == PROVIDER and r.name == "chosen")
    azure = [r for r in run.resources if r.type.startswith("azure-native:")]
    assert azure
    assert all(r.provider.startswith(f"{chosen}::") for r in azure), how
