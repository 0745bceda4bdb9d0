"""A resource the guarded components registered must go to the cloud their verdict was decided for.

``AzureOpenAIService`` decides a use case for commercial Azure and ``AzureGovernmentOpenAIService`` for Azure
Government, so every Azure resource beneath one of them (in any language: the component package's children are
its descendants too) must be sent there by its provider. What a resource descends from is its URN's qualified
type, the chain of its ancestors' type tokens, which neither a transform nor a stack transformation can change
(they may change a child's provider and its tags, not its parent or type). A resource whose provider sends it
elsewhere, or whose provider's cloud cannot be known before deployment (an uncomputed ``environment``, any
``metadataHost``), is refused.

Any other Azure resource is judged under each consumer project's declaration in the stack's config
(``<project>:useCase``), which was decided for the default provider's cloud only: an explicit provider may send
the resource to another cloud, where the same declaration is decided again (by the same reader) and must be
allowed; a provider whose cloud cannot be known before deployment is refused. This project's own declaration
names its cloud, and ``use-case-verdict`` refuses every provider that deploys elsewhere.

The ``aoai-guard-cloud`` tag the components write is a claim anyone can copy or rewrite, so it decides nothing
for a descendant. On a resource outside the components it can only add a refusal: one whose provider deploys
elsewhere than its tag says, or that carries a verdict tag without the cloud tag, still fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Final

from pulumi_policy import (
    EnforcementLevel,
    PolicyProviderResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
)

from azure_openai_guarded.components.clouds import CLOUDS, COMMERCIAL, GOVERNMENT, CloudFacts

from .. import tags
from .props import tags_of
from .providers import is_azure_provider, is_azure_resource, provider_cloud
from .stack_context import ContextSource, StackContext

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


def consumer_cloud_problems(name: str, provider: PolicyProviderResource | None, context: StackContext) -> Iterator[str]:
    """Why resource ``name``, on ``provider``, is not allowed under a consumer declaration of the stack's config
    in the cloud it really goes to: denied there, or a cloud nothing can know before deployment."""
    if provider is None or not is_azure_provider(provider.resource_type):
        return
    goes_to = provider_cloud(provider)
    for consumer in context.consumers:
        # Invalid, or a profile alone: use-case-verdict and account-use-case-declared already judge it.
        if consumer.use_case is None or consumer.verdict is None:
            continue
        decided = " and ".join(CLOUDS[cloud].display_name for cloud in consumer.clouds)
        where = f"`{consumer.path}` was decided for {decided}, the cloud of the stack's default provider"
        if goes_to.cloud is None:
            yield (
                f"`{name}`'s provider `{provider.name}` has {goes_to.shown}, so nothing shows that `{name}` goes "
                f"where {where}. {CONSUMER_UNKNOWN_FIX}"
            )
            continue
        cloud = goes_to.cloud
        verdict = consumer.verdict_in(cloud.cloud)
        # Where it was decided, use-case-verdict already reports a denial.
        if cloud.cloud in consumer.clouds or (verdict is not None and verdict.allowed):
            continue
        found = "".join(f"\n  [{f.rule}] {f.message}" for f in verdict.denials) if verdict else " (undecided)"
        back = CLOUDS[consumer.clouds[0]].provider_environment
        yield (
            f"`{name}` goes to {cloud.display_name} (its provider `{provider.name}` has {goes_to.shown}), but {where}. "
            f"Decided for {cloud.display_name}, where `{name}` goes, it is denied:{found}\n"
            f"Change the use case as each finding says, or give `{name}` a provider for {decided} (environment "
            f"`{back}`): the guard judges a use case where its resources really go."
        )


CONSUMER_UNKNOWN_FIX: Final = (
    "Set the provider's `environment` to a literal in the program, and no `metadataHost`, so that the guard can "
    "decide the use case where the resource goes."
)


def _validate(context_source: ContextSource) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        if not is_azure_resource(args.resource_type):
            return
        if decided_by(args.urn) is None:
            for problem in consumer_cloud_problems(args.name, args.provider, context_source()):
                report(problem, None)
        _tagged(args, report)

    return validate


def _tagged(args: ResourceValidationArgs, report: ReportViolation) -> None:
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


def cloud_tag_policy(context_source: ContextSource) -> ResourceValidationPolicy:
    return ResourceValidationPolicy(
        name=GUARD_CLOUD_PROVIDER,
        description=(
            "Every Azure resource a guarded component registered must go to the cloud the component decided its use "
            "case for (AzureOpenAIService: commercial Azure; AzureGovernmentOpenAIService: Azure Government); any "
            "other must be allowed, under a consumer project's declaration in the stack's config, in the cloud its "
            "provider deploys to."
        ),
        validate=_validate(context_source),
        enforcement_level=EnforcementLevel.MANDATORY,
        remediation_steps=FIX,
    )
