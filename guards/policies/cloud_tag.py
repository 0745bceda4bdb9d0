"""A resource the guarded components registered must go to the cloud their verdict was decided for.

``AzureOpenAIService`` decides a use case for commercial Azure and ``AzureGovernmentOpenAIService`` for Azure
Government, so every Azure resource beneath one of them (in any language: the component package's children are
its descendants too) must be sent there by its provider. What a resource descends from is its URN's qualified
type, the chain of its ancestors' type tokens, which neither a transform nor a stack transformation can change
(they may change a child's provider and its tags, not its parent or type). A resource whose provider sends it
elsewhere, or whose provider's cloud cannot be known before deployment (an uncomputed ``environment``, any
``metadataHost``), is refused.

The ``aoai-guard-cloud`` tag the components write is a claim anyone can copy or rewrite, so it decides nothing
for a descendant. On a resource outside the components it can only add a refusal: one whose provider deploys
elsewhere than its tag says, or that carries a verdict tag without the cloud tag, still fails.
"""

from __future__ import annotations

from typing import Final

from pulumi_policy import EnforcementLevel, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy

from azure_openai_guarded.components.clouds import COMMERCIAL, GOVERNMENT, CloudFacts

from .. import tags
from .props import tags_of
from .providers import is_azure_resource, provider_cloud

GUARD_CLOUD_PROVIDER: Final = "guard-cloud-matches-provider"

COMMERCIAL_COMPONENT: Final = "azure-openai-guarded:index:AzureOpenAIService"
GOVERNMENT_COMPONENT: Final = "azure-openai-guarded:index:AzureGovernmentOpenAIService"
COMPONENT_CLOUDS: Final[tuple[tuple[str, CloudFacts], ...]] = (
    (GOVERNMENT_COMPONENT, GOVERNMENT),
    (COMMERCIAL_COMPONENT, COMMERCIAL),
)
"""Each guarded component's type token and the cloud it decides for. Azure Government comes first: the Government
component composes the commercial one, so a resource beneath both was decided for Government (and a verdict for
Government holds US jurisdiction, the stricter reading, wherever else it is nested)."""

FIX: Final = (
    "Provision the resource with the component for the cloud its provider deploys to (AzureOpenAIService for "
    "commercial Azure, AzureGovernmentOpenAIService for Azure Government), through the stack's default provider "
    "or a CommercialProvider / GovernmentProvider, so that the guard decides the use case where the resources go; "
    "a transform or stack transformation that moves the component's children to another provider is refused."
)


def ancestor_types(urn: str) -> list[str]:
    """The type tokens of the resource's ancestors, outermost first, from its URN
    (``urn:pulumi:<stack>::<project>::<parent types $-joined>$<type>::<name>``)."""
    parts = urn.split("::", 3)
    return parts[2].split("$")[:-1] if len(parts) == 4 else []


def decided_by(urn: str) -> tuple[str, CloudFacts] | None:
    """The guarded component the resource descends from, and the cloud it decided for; ``None`` if none."""
    ancestors = set(ancestor_types(urn))
    return next(((token, cloud) for token, cloud in COMPONENT_CLOUDS if token in ancestors), None)


def _validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
    if not is_azure_resource(args.resource_type):
        return
    carried = tags_of(args.props)
    goes_to = provider_cloud(args.provider)
    lands = goes_to.cloud.provider_environment if goes_to.cloud is not None else None
    component = decided_by(args.urn)
    if component is not None:
        token, cloud = component
        if lands == cloud.provider_environment:
            return
        where = f"deploys to `{lands}`" if lands is not None else f"has {goes_to.shown}"
        claimed = carried.get(tags.CLOUD)
        tagged = (
            f" (its tag `{tags.CLOUD}` says `{claimed}`, which decides nothing)"
            if claimed is not None and claimed.strip().lower() != cloud.provider_environment
            else ""
        )
        report(
            f"`{args.name}` was registered by {token.rsplit(':', 1)[-1]}, which decided its use case for "
            f"{cloud.display_name} (`{cloud.provider_environment}`), but its provider {where}{tagged}. {FIX}",
            None,
        )
        return
    decided_for = carried.get(tags.CLOUD)
    if decided_for is None:
        if tags.VERDICT in carried:
            report(
                f"`{args.name}` carries the guard's verdict (tag `{tags.VERDICT}`) but not the cloud it was decided "
                f"for (tag `{tags.CLOUD}`), so nothing shows it was decided where its provider deploys. {FIX}",
                None,
            )
        return
    if lands is None:
        report(
            f"`{args.name}` was decided for `{decided_for}` (tag `{tags.CLOUD}`), but its provider's cloud cannot "
            f"be established before deployment: it has {goes_to.shown}. {FIX}",
            None,
        )
    elif lands != decided_for.strip().lower():
        report(
            f"`{args.name}` was decided for `{decided_for}` (tag `{tags.CLOUD}`), but its provider deploys to "
            f"`{lands}`. {FIX}",
            None,
        )


def cloud_tag_policy() -> ResourceValidationPolicy:
    return ResourceValidationPolicy(
        name=GUARD_CLOUD_PROVIDER,
        description=(
            "Every Azure resource a guarded component registered must go to the cloud the component decided its use "
            "case for (AzureOpenAIService: commercial Azure; AzureGovernmentOpenAIService: Azure Government)."
        ),
        validate=_validate,
        enforcement_level=EnforcementLevel.MANDATORY,
        remediation_steps=FIX,
    )
