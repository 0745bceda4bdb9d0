"""Azure Government: every azure-native resource must go to the Government cloud.

A stack that declares ``cloud: usgovernment`` (or sets ``azure-native:environment:
usgovernment``), and any resource placed in a US Government region, must be
created through an azure-native provider whose ``environment`` is
``usgovernment``. A provider left on the public cloud would send the request
to commercial Azure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from pulumi_policy import EnforcementLevel, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy

from .props import AZURE_NATIVE_PROVIDER, UNKNOWN, lookup, text
from .stack_context import GOVERNMENT, ContextSource

GOVERNMENT_PROVIDER: Final = "government-provider"

GOVERNMENT_REGION_PREFIXES: Final = ("usgov", "usdod")
"""Azure Government region names begin so: usgovvirginia, usgovarizona, usgovtexas, usdodeast ..."""

FIX: Final = (
    "Set `azure-native:environment: usgovernment` in the stack file (the default provider reads it), or pass "
    "an `azure_native.Provider` created with `environment='usgovernment'` to the resource."
)


def _government_region(location: object) -> bool:
    return isinstance(location, str) and location.lower().startswith(GOVERNMENT_REGION_PREFIXES)


def _validate(context_source: ContextSource) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        if not args.resource_type.startswith("azure-native:"):
            return
        location = text(lookup(args.props, "location"))
        if not (_government_region(location) or context_source().government):
            return
        provider = args.provider
        if provider is None or provider.resource_type != AZURE_NATIVE_PROVIDER:
            report(f"`{args.name}` is in an Azure Government stack but names no azure-native provider. {FIX}", None)
            return
        environment = text(lookup(provider.props, "environment"))
        if isinstance(environment, str) and environment.lower() == GOVERNMENT:
            return
        if environment is UNKNOWN:
            shown = "an environment unknown until deployment"
        elif environment is None:
            shown = "no environment (so the public cloud)"
        else:
            shown = f"environment {environment!r}"
        report(
            f"`{args.name}` is in an Azure Government stack, but its provider `{provider.name}` has {shown}. {FIX}",
            None,
        )

    return validate


def government_policy(context_source: ContextSource) -> ResourceValidationPolicy:
    return ResourceValidationPolicy(
        name=GOVERNMENT_PROVIDER,
        description=(
            "In an Azure Government stack, every azure-native resource must use a provider whose environment "
            "is usgovernment."
        ),
        validate=_validate(context_source),
        enforcement_level=EnforcementLevel.MANDATORY,
        remediation_steps=FIX,
    )
