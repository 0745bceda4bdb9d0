"""The cloud a resource's verdict was decided for must be the cloud its provider sends it to.

The components tag every Azure resource with ``aoai-guard-cloud``: the cloud (as a provider ``environment``
names it) the guard decided the use case for. Jurisdiction follows where the resources really go, so a resource
whose provider sends it elsewhere, or whose provider's cloud cannot be known before deployment (an uncomputed
``environment``, a ``metadataHost``), is refused. This holds in every language and for consumer stacks whose
declaration is not in this project's config namespace: the tag travels with the resource.
"""

from __future__ import annotations

from typing import Final

from pulumi_policy import EnforcementLevel, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy

from .. import tags
from .props import tags_of
from .providers import is_azure_resource, provider_cloud

GUARD_CLOUD_PROVIDER: Final = "guard-cloud-matches-provider"

FIX: Final = (
    "Provision the resource with the component for the cloud its provider deploys to (AzureOpenAIService for "
    "commercial Azure, AzureGovernmentOpenAIService for Azure Government), through the stack's default provider "
    "or a CommercialProvider / GovernmentProvider, so that the guard decides the use case where the resources go."
)


def provider_environment(args: ResourceValidationArgs) -> str | None:
    """The ``environment`` the resource's Azure provider deploys to (unset: ``public``); ``None`` when it cannot be
    known before deployment (uncomputed, a ``metadataHost``) or names no cloud this project deploys to."""
    goes_to = provider_cloud(args.provider)
    return goes_to.cloud.provider_environment if goes_to.cloud is not None else None


def _validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
    if not is_azure_resource(args.resource_type):
        return
    carried = tags_of(args.props)
    decided_for = carried.get(tags.CLOUD)
    if decided_for is None:
        if tags.VERDICT in carried:
            report(
                f"`{args.name}` carries the guard's verdict (tag `{tags.VERDICT}`) but not the cloud it was decided "
                f"for (tag `{tags.CLOUD}`), so nothing shows it was decided where its provider deploys. {FIX}",
                None,
            )
        return
    goes_to = provider_environment(args)
    if goes_to is None:
        report(
            f"`{args.name}` was decided for `{decided_for}` (tag `{tags.CLOUD}`), but its provider's cloud cannot "
            f"be established before deployment (an environment unknown until then, a metadataHost, or no "
            f"Azure provider). {FIX}",
            None,
        )
    elif goes_to != decided_for.strip().lower():
        report(
            f"`{args.name}` was decided for `{decided_for}` (tag `{tags.CLOUD}`), but its provider deploys to "
            f"`{goes_to}`. {FIX}",
            None,
        )


def cloud_tag_policy() -> ResourceValidationPolicy:
    return ResourceValidationPolicy(
        name=GUARD_CLOUD_PROVIDER,
        description=(
            "Every resource the guard decided carries the cloud it was decided for; its provider must deploy there."
        ),
        validate=_validate,
        enforcement_level=EnforcementLevel.MANDATORY,
        remediation_steps=FIX,
    )
