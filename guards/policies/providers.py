"""Where a resource really goes: the cloud of its Azure provider, read as the jurisdiction policies need it.

Both Azure providers count, since either sends resources to Azure: azure-native (``pulumi:providers:azure-native``)
and the classic pulumi-azure (``pulumi:providers:azure``), each with an ``environment`` (unset: the public cloud)
that a ``metadataHost`` overrides with whatever cloud its endpoint describes; with either input unset, the
provider reads the environment variables it runs with (``ARM_ENVIRONMENT``, ``ARM_METADATA_HOSTNAME`` ...),
which the pack shares. Nothing here can know that cloud
before deployment, nor an environment computed from another resource, so both are an unknown cloud: the
policies fail closed on it. A resource without a location of its own is placed by its provider's ``location``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from pulumi_policy import PolicyProviderResource

from azure_openai_guarded.components.clouds import CLOUDS, CloudFacts
from azure_openai_guarded.components.declaration import cloud_of_classic_environment, cloud_of_environment

from ..models import Cloud
from .props import AZURE_NATIVE_PROVIDER, UNKNOWN, lookup, text

CLASSIC_PROVIDER: Final = "pulumi:providers:azure"
"""The classic pulumi-azure provider's type token."""

AZURE_PROVIDERS: Final = {AZURE_NATIVE_PROVIDER: "azure-native", CLASSIC_PROVIDER: "azure"}
"""Each Azure provider's type token, with the package (and config namespace) its resources' types begin with."""


def is_azure_resource(resource_type: str) -> bool:
    """Whether ``resource_type`` is a resource (not a provider) of either Azure provider."""
    return resource_type.startswith(tuple(f"{package}:" for package in AZURE_PROVIDERS.values()))


def is_azure_provider(resource_type: str) -> bool:
    return resource_type in AZURE_PROVIDERS


@dataclass(frozen=True)
class ProviderCloud:
    """The cloud a provider sends its resources to, or why it cannot be known before deployment."""

    cloud: CloudFacts | None
    """The cloud; ``None`` when unknown or one this project does not deploy to."""
    shown: str
    """What decides it, for a message: ``environment 'usgovernment'``, ``a metadataHost ...``."""


ENVIRONMENT_VARIABLES: Final = {
    AZURE_NATIVE_PROVIDER: ("ARM_ENVIRONMENT", "AZURE_ENVIRONMENT"),
    CLASSIC_PROVIDER: ("ARM_ENVIRONMENT",),
}
"""The environment variables each provider reads its cloud from when its ``environment`` is not set, in order
(pulumi-azure-native's auth.go; Terraform azurerm's, under the classic provider)."""

METADATA_HOST_VARIABLE: Final = "ARM_METADATA_HOSTNAME"
"""The environment variable either provider reads a metadata host from when ``metadataHost`` is not set."""


def provider_cloud(provider: PolicyProviderResource | None) -> ProviderCloud:
    """Where ``provider`` (a resource's, as the engine hands it) sends resources."""
    if provider is None or not is_azure_provider(provider.resource_type):
        return ProviderCloud(None, "no Azure provider")
    return cloud_of_provider_props(provider.props, provider.resource_type)


def cloud_of_provider_props(props: Any, provider_type: str = AZURE_NATIVE_PROVIDER) -> ProviderCloud:
    """Where an Azure provider of ``provider_type`` with inputs ``props`` sends resources.

    The engine starts the pack with the environment of the CLI, which the provider plugins run in too, so a
    variable the provider would read in place of an unset input is read here as the provider reads it."""
    # Any metadataHost at all, whatever its value: the provider reads its cloud from that endpoint.
    host = lookup(props, "metadataHost")
    if host is None and os.environ.get(METADATA_HOST_VARIABLE):
        return ProviderCloud(
            None,
            f"{METADATA_HOST_VARIABLE} set where the provider runs, whose cloud is whatever its endpoint describes",
        )
    if host is not None:
        shown = "a metadataHost unknown until deployment" if host is UNKNOWN else f"metadataHost {host!r}"
        return ProviderCloud(None, f"{shown}, whose cloud is whatever its endpoint describes")
    environment = text(lookup(props, "environment"))
    if environment is UNKNOWN:
        return ProviderCloud(None, "an environment unknown until deployment")
    if environment is None:
        for variable in ENVIRONMENT_VARIABLES.get(provider_type, ENVIRONMENT_VARIABLES[AZURE_NATIVE_PROVIDER]):
            value = os.environ.get(variable)
            if value:
                cloud = _cloud_named(provider_type)(value)
                return ProviderCloud(cloud, f"no environment, so {variable} {value!r} where the provider runs")
        return ProviderCloud(cloud_of_environment("public"), "no environment (so the public cloud)")
    if not isinstance(environment, str):
        return ProviderCloud(None, f"environment {environment!r}")
    return ProviderCloud(_cloud_named(provider_type)(environment), f"environment {environment!r}")


def _cloud_named(provider_type: str) -> Callable[[str], CloudFacts | None]:
    """How a provider of ``provider_type`` reads its environment's name: the classic provider has more names for
    Azure Government (``dod``, ``usgovernmentl4``)."""
    return cloud_of_classic_environment if provider_type == CLASSIC_PROVIDER else cloud_of_environment


def destinations(provider: PolicyProviderResource | None) -> tuple[Cloud, ...]:
    """The clouds a resource with ``provider`` may go to, to judge it under a declaration: its provider's cloud;
    every cloud the guard knows when that cannot be known before deployment (fail closed); none when it names no
    Azure provider, as the stack's default provider, whose cloud the config's declarations were decided for."""
    if provider is None or not is_azure_provider(provider.resource_type):
        return ()
    goes_to = provider_cloud(provider)
    return (goes_to.cloud.cloud,) if goes_to.cloud is not None else tuple(CLOUDS)


def placed_at(props: Any, provider: PolicyProviderResource | None) -> object:
    """Where a resource goes: its own ``location``, else its provider's default ``location``."""
    own = text(lookup(props, "location"))
    if own is not None or provider is None or not is_azure_provider(provider.resource_type):
        return own
    return text(lookup(provider.props, "location"))
