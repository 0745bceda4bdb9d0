"""Azure Government: every Azure resource must go to the Government cloud.

A stack that declares ``cloud: usgovernment`` (or sets ``azure-native:environment: usgovernment``, or the classic
provider's ``azure:environment``), and any resource placed in a US Government region (by its own ``location``, or
its provider's when it has none), must be created through an Azure provider (azure-native or classic) that
deploys to Azure Government: ``environment: usgovernment``, and no ``metadataHost``, whose cloud nothing can know
before deployment. A provider left on the public cloud would send the request to commercial Azure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from pulumi_policy import EnforcementLevel, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy

from azure_openai_guarded.components.clouds import government_region

from ..models import Cloud
from .providers import is_azure_provider, is_azure_resource, placed_at, provider_cloud
from .stack_context import ContextSource

GOVERNMENT_PROVIDER: Final = "government-provider"

FIX: Final = (
    "Set `azure-native:environment: usgovernment` in the stack file (the default provider reads it), or pass "
    "an `azure_native.Provider` created with `environment='usgovernment'` to the resource (for the classic "
    "provider, `azure:environment: usgovernment` or `azure.Provider(environment='usgovernment')`), without a "
    "`metadataHost`."
)


def _validate(context_source: ContextSource) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        if not is_azure_resource(args.resource_type):
            return
        location = placed_at(args.props, args.provider)
        if government_region(location):
            where = f"is in the Azure Government region `{location}`"
        elif context_source().government:
            where = "is in an Azure Government stack"
        else:
            return
        provider = args.provider
        if provider is None or not is_azure_provider(provider.resource_type):
            report(f"`{args.name}` {where} but names no Azure provider. {FIX}", None)
            return
        goes_to = provider_cloud(provider)
        if goes_to.cloud is not None and goes_to.cloud.cloud == Cloud.USGOVERNMENT:
            return
        report(f"`{args.name}` {where}, but its provider `{provider.name}` has {goes_to.shown}. {FIX}", None)

    return validate


def government_policy(context_source: ContextSource) -> ResourceValidationPolicy:
    return ResourceValidationPolicy(
        name=GOVERNMENT_PROVIDER,
        description=(
            "In an Azure Government stack, or a US Government region, every Azure resource must use a provider "
            "that deploys to Azure Government (environment usgovernment, no metadataHost)."
        ),
        validate=_validate(context_source),
        enforcement_level=EnforcementLevel.MANDATORY,
        remediation_steps=FIX,
    )
