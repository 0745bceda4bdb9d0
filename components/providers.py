"""``CommercialProvider`` and ``GovernmentProvider``: azure-native providers whose cloud the guard can establish.

A component can only judge a use case for the cloud its resources really go to. A plain
``azure_native.Provider`` may name any ``environment`` or ``metadata_host`` (or one known
only at deployment), so the components refuse it. These two fix their environment, and
their constructor records the cloud of what it registered (see :func:`recorded_cloud`):
never a subclass's (which may register another environment), nor a provider given
transformations (which may change its inputs after the guard has decided), nor an attribute
set later, nor one built with ``urn``, ``id`` or ``import_`` (Pulumi then reads an existing provider, whatever
its environment, instead of registering this one's).
"""

import weakref
from dataclasses import dataclass
from typing import ClassVar, Final

import pulumi
from pulumi_azure_native.provider import Provider

from .clouds import COMMERCIAL, GOVERNMENT, CloudFacts


@dataclass(frozen=True, slots=True)
class Recorded:
    """What a provider's constructor registered: the cloud of its ``environment``, and whether its options carry
    transformations or transforms (its own, its parent's, or the stack's), which may change that."""

    cloud: CloudFacts
    transformed: bool


_RECORDED: Final[weakref.WeakKeyDictionary[pulumi.ProviderResource, Recorded]] = weakref.WeakKeyDictionary()
"""Every provider these classes' constructor registered, by identity, with what it registered."""


class CloudProvider(Provider):
    """An azure-native provider whose ``environment`` is fixed by its class.

    Credentials come from the usual ``ARM_*`` environment variables or the Azure CLI, or from the arguments.
    """

    deploys_to: ClassVar[CloudFacts]
    """Where this class's providers send resources (documentation only: the guard reads :func:`recorded_cloud`)."""

    def __init__(
        self,
        resource_name: str,
        *,
        location: str | None = None,
        subscription_id: pulumi.Input[str] | None = None,
        tenant_id: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        # The class itself, not an attribute a subclass or a caller may override, names the environment.
        cloud = _CLASS_CLOUDS.get(type(self))
        if cloud is not None:
            refuse_existing(f"{type(self).__name__} {resource_name!r}", cloud, opts)
        environment = (cloud or type(self).deploys_to).provider_environment
        super().__init__(
            resource_name,
            opts=opts,
            environment=environment,
            location=location,
            subscription_id=subscription_id,
            tenant_id=tenant_id,
        )
        if cloud is not None:
            transforms = opts.transforms if isinstance(opts, pulumi.ResourceOptions) else None
            _RECORDED[self] = Recorded(cloud, bool(self._transformations) or bool(transforms))


EXISTING_OPTIONS: Final = ("urn", "id", "import_")
"""The options that make Pulumi read or import an existing resource instead of registering the one described: a
provider read by its URN or id keeps the environment it was registered with, which may be any cloud's."""


class ExistingProviderError(pulumi.RunError):
    """A ``CommercialProvider`` or ``GovernmentProvider`` was asked to stand for an existing provider."""


def refuse_existing(where: str, cloud: CloudFacts, opts: object) -> None:
    """Raise :class:`ExistingProviderError` if ``opts`` would make Pulumi read or import an existing provider (see
    :data:`EXISTING_OPTIONS`), or are not a plain :class:`pulumi.ResourceOptions` (whose options could read one way
    here and another when Pulumi copies them)."""
    if opts is None:
        return
    if type(opts) is not pulumi.ResourceOptions:
        raise ExistingProviderError(
            f"{where}: opts must be a pulumi.ResourceOptions itself, not a "
            f"{type(opts).__name__}, so that the environment it registers is the one the guard trusts"
        )
    given = [name for name in EXISTING_OPTIONS if vars(opts).get(name) is not None]
    if given:
        raise ExistingProviderError(
            f"{where}: opts.{', opts.'.join(given)} is refused: Pulumi would read or import an "
            "existing provider, whose environment may name any cloud, instead of registering this one's "
            f"`environment: {cloud.provider_environment}`; create the provider "
            "without it (a new provider with the same settings reaches the same resources)"
        )


class CommercialProvider(CloudProvider):
    """An azure-native provider for commercial Azure: ``environment`` is always ``public``."""

    deploys_to = COMMERCIAL


class GovernmentProvider(CloudProvider):
    """An azure-native provider for Azure Government: ``environment`` is always ``usgovernment``.

    Credentials come from the usual ``ARM_*`` environment variables or the
    Azure CLI (``az cloud set --name AzureUSGovernment``), or from the
    arguments.
    """

    deploys_to = GOVERNMENT


_CLASS_CLOUDS: Final[dict[type, CloudFacts]] = {CommercialProvider: COMMERCIAL, GovernmentProvider: GOVERNMENT}
"""The only classes whose providers are trusted, each with the cloud its constructor registers: exactly these,
not a subclass."""


def recorded_cloud(provider: object) -> Recorded | None:
    """What ``provider``'s constructor registered, if it is a ``CommercialProvider`` or a ``GovernmentProvider``
    itself (exact class) built by that constructor; ``None`` for any other provider."""
    if not isinstance(provider, pulumi.ProviderResource) or type(provider) not in _CLASS_CLOUDS:
        return None
    return _RECORDED.get(provider)
