"""``CommercialProvider``: an azure-native provider for commercial Azure that says so.

A component can only judge a use case for the cloud its resources really go to. A plain
``azure_native.Provider`` may name any ``environment`` or ``metadata_host`` (or one known
only at deployment), so the components refuse it; this provider and
:class:`~.government.GovernmentProvider` fix their environment and record it in
``deploys_to``.
"""

from typing import ClassVar

import pulumi
from pulumi_azure_native.provider import Provider

from .clouds import COMMERCIAL, CloudFacts


class CloudProvider(Provider):
    """An azure-native provider whose ``environment`` is fixed by its class and recorded in ``deploys_to``.

    Credentials come from the usual ``ARM_*`` environment variables or the Azure CLI, or from the arguments.
    """

    deploys_to: ClassVar[CloudFacts]
    """Where this provider sends resources, so that a component given it knows (see ``guard.provider_problems``)."""

    def __init__(
        self,
        resource_name: str,
        *,
        location: str | None = None,
        subscription_id: pulumi.Input[str] | None = None,
        tenant_id: pulumi.Input[str] | None = None,
        opts: pulumi.ResourceOptions | None = None,
    ) -> None:
        super().__init__(
            resource_name,
            opts=opts,
            environment=self.deploys_to.provider_environment,
            location=location,
            subscription_id=subscription_id,
            tenant_id=tenant_id,
        )


class CommercialProvider(CloudProvider):
    """An azure-native provider for commercial Azure: ``environment`` is always ``public``."""

    deploys_to = COMMERCIAL
