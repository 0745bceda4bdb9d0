"""Model deployments: their arguments, their settings, the catalogue checks, and the resources.

A deployment names a model, a version and a SKU that the cloud's catalogue
(:mod:`.catalogue`, extended by ``additional_models``) must offer in the
account's region, with a capacity in the offer's range: what Azure would
refuse half-way through ``pulumi up`` is refused before anything is
registered.

The deployments are children of the account, written one after another and
after the content-filter policies they name: Azure refuses concurrent writes
under one account with 409 RequestConflict.

Nothing here imports Pulumi until the resources are built: the checker
validates and checks a stack's deployments with this module. No ``from
__future__ import annotations``: Pulumi's component analyzer reads the
arguments' annotations at run time.
"""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, NotRequired, TypedDict

from pydantic import AfterValidator, Field, StrictInt, StrictStr

from azure_openai_guarded.guards.declaration import Problem

from .catalogue import CATALOGUES, SKU_CAPACITY, CapacityRange, Catalogue, ModelOffer
from .clouds import CloudFacts
from .fields import Location, Settings, duplicate_names, listing, matches, n
from .vocabulary import BaseRaiPolicy, DeploymentSku, VersionUpgradeOption

if TYPE_CHECKING:
    import pulumi
    from pulumi_azure_native import cognitiveservices

    from .account import ServiceSettings


class DeploymentArgs(TypedDict):
    """One model deployment on the account."""

    name: str
    """The deployment's name, which clients put in the request URL."""
    model: str
    """The model, e.g. ``gpt-4o``; it must be in the catalogue for the SKU and the region."""
    version: str
    """The model version, pinned, e.g. ``2024-11-20``."""
    sku: NotRequired[DeploymentSku]
    """How the deployment is hosted. Default ``Standard`` (processing stays in the region)."""
    capacity: NotRequired[int]
    """Thousands of tokens per minute for standard and batch SKUs; PTUs for provisioned ones. Default: the
    smallest capacity the catalogue allows for the model and SKU (1 for standard SKUs)."""
    version_upgrade_option: NotRequired[VersionUpgradeOption]
    """Default ``OnceCurrentVersionExpired``: the version stays pinned until Azure retires it."""
    rai_policy: NotRequired[str]
    """The content-filter policy: one defined in ``rai_policies``, or ``Microsoft.Default`` /
    ``Microsoft.DefaultV2``. Default: Azure applies Microsoft's default policy."""


class ModelOfferArgs(TypedDict):
    """A model the catalogue does not list yet, offered in the given regions with the given SKU."""

    model: str
    """The model, e.g. ``gpt-4o``."""
    version: str
    """The model version."""
    sku: DeploymentSku
    """The SKU it is offered with."""
    regions: list[str]
    """The regions it is offered in."""
    min_capacity: NotRequired[int]
    """The smallest deployment capacity. Default: the SKU's."""
    max_capacity: NotRequired[int]
    """The largest deployment capacity. Default: the SKU's."""
    capacity_step: NotRequired[int]
    """Capacity must be a multiple of this. Default: the SKU's."""


DeploymentName = Annotated[
    StrictStr,
    AfterValidator(
        matches(r"[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}", "a deployment name is 1 to 64 letters, digits, '-', '_' or '.'")
    ),
]


class DeploymentSettings(Settings):
    name: DeploymentName
    model: Annotated[StrictStr, Field(min_length=1)]
    version: Annotated[StrictStr, Field(min_length=1)]
    sku: DeploymentSku = DeploymentSku.STANDARD
    capacity: Annotated[StrictInt, Field(ge=1)] | None = None
    version_upgrade_option: VersionUpgradeOption = VersionUpgradeOption.ONCE_CURRENT_VERSION_EXPIRED
    rai_policy: Annotated[StrictStr, Field(min_length=1)] | None = None


class ModelOfferSettings(Settings):
    model: Annotated[StrictStr, Field(min_length=1)]
    version: Annotated[StrictStr, Field(min_length=1)]
    sku: DeploymentSku
    regions: Annotated[tuple[Location, ...], Field(min_length=1)]
    min_capacity: Annotated[StrictInt, Field(ge=1)] | None = None
    max_capacity: Annotated[StrictInt, Field(ge=1)] | None = None
    capacity_step: Annotated[StrictInt, Field(ge=1)] | None = None


BUILT_IN_POLICIES = frozenset(p.value for p in BaseRaiPolicy)


def catalogue_for(settings: "ServiceSettings", cloud: CloudFacts) -> Catalogue:
    """The cloud's catalogue plus the settings' ``additional_models``."""
    added = [
        ModelOffer(
            model=m.model,
            version=m.version,
            sku=m.sku,
            regions=frozenset(m.regions),
            capacity=_capacity(m.sku, m.min_capacity, m.max_capacity, m.capacity_step),
        )
        for m in settings.additional_models
    ]
    return CATALOGUES[cloud.cloud].extended(added)


def _capacity(sku: DeploymentSku, minimum: int | None, maximum: int | None, step: int | None) -> CapacityRange | None:
    if minimum is None and maximum is None and step is None:
        return None
    default = SKU_CAPACITY[sku]
    return CapacityRange(
        minimum=minimum if minimum is not None else default.minimum,
        maximum=maximum if maximum is not None else default.maximum,
        step=step if step is not None else default.step,
    )


def check_deployments(settings: "ServiceSettings", cloud: CloudFacts, location_ok: bool) -> list[Problem]:
    """Each deployment against the catalogue (in the region, when it offers Azure OpenAI) and the policies."""
    catalogue = catalogue_for(settings, cloud)
    problems: list[Problem] = []
    defined = {p.name for p in settings.rai_policies}
    problems += duplicate_names(n("deployments"), [d.name for d in settings.deployments], "deployment")
    for i, deployment in enumerate(settings.deployments):
        at = f"{n('deployments')}[{i}]"
        problems += _check_deployment(deployment, at, settings.location if location_ok else None, cloud, catalogue)
        if deployment.rai_policy is not None and deployment.rai_policy not in defined | BUILT_IN_POLICIES:
            problems.append(
                Problem(
                    f"{at}.{n('rai_policy')}",
                    f"{deployment.rai_policy!r} is not defined in {n('rai_policies')}; define it there, or use "
                    f"{' or '.join(sorted(BUILT_IN_POLICIES))}",
                )
            )
    return problems


def _check_deployment(
    deployment: DeploymentSettings,
    at: str,
    region: str | None,
    cloud: CloudFacts,
    catalogue: Catalogue,
) -> list[Problem]:
    name = f"{deployment.model} {deployment.version}"
    extend = f"if Azure now offers it, add it under {n('additional_models')}"
    if deployment.sku not in cloud.skus:
        offered = ", ".join(cloud.skus)
        return [Problem(f"{at}.sku", f"{deployment.sku} is not offered in {cloud.display_name}; it offers {offered}")]
    if deployment.model not in catalogue.models():
        return [
            Problem(
                f"{at}.model",
                f"{deployment.model!r} is not in the {cloud.display_name} catalogue, which lists "
                f"{listing(catalogue.models(), 30)}; {extend}",
            )
        ]
    versions = catalogue.versions(deployment.model)
    if deployment.version not in versions:
        return [
            Problem(
                f"{at}.version",
                f"{deployment.model} version {deployment.version!r} is not in the {cloud.display_name} catalogue; "
                f"listed versions: {', '.join(versions)}; {extend}",
            )
        ]
    skus = catalogue.skus(deployment.model, deployment.version)
    if deployment.sku not in skus:
        return [
            Problem(
                f"{at}.sku",
                f"{name} is not offered as {deployment.sku} in {cloud.display_name}; it is offered as "
                f"{', '.join(skus)}; {extend}",
            )
        ]
    if region is None:
        return []
    offer = catalogue.offer(deployment.model, deployment.version, deployment.sku, region)
    if offer is None:
        regions = catalogue.regions(deployment.model, deployment.version, deployment.sku)
        return [
            Problem(
                at,
                f"{name} ({deployment.sku}) is not offered in {region}; it is offered in "
                f"{listing(regions, 30)}; {extend}",
            )
        ]
    capacity = offer.capacity_range
    if deployment.capacity is not None and not capacity.allows(deployment.capacity):
        return [
            Problem(
                f"{at}.capacity",
                f"{deployment.capacity} is out of range for {name} ({deployment.sku}): {capacity.describe()}",
            )
        ]
    return []


def deployment_capacity(deployment: DeploymentSettings, offer: ModelOffer | None) -> int:
    """The capacity to deploy: the one given, or the smallest the offer allows."""
    if deployment.capacity is not None:
        return deployment.capacity
    return offer.capacity_range.minimum if offer else 1


def check_additional_models(settings: "ServiceSettings", cloud: CloudFacts) -> list[Problem]:
    problems: list[Problem] = []
    for i, model in enumerate(settings.additional_models):
        at = f"{n('additional_models')}[{i}]"
        if model.sku not in cloud.skus:
            offered = ", ".join(cloud.skus)
            problems.append(
                Problem(f"{at}.sku", f"{model.sku} is not offered in {cloud.display_name}; it offers {offered}")
            )
        for j, region in enumerate(model.regions):
            if region not in cloud.regions:
                problems.append(
                    Problem(
                        f"{at}.regions[{j}]",
                        f"{region!r} does not offer Azure OpenAI in {cloud.display_name}; "
                        f"choose from {listing(cloud.regions, 30)}",
                    )
                )
        capacity = _capacity(model.sku, model.min_capacity, model.max_capacity, model.capacity_step)
        if capacity is not None and capacity.minimum > capacity.maximum:
            problems.append(
                Problem(f"{at}.{n('min_capacity')}", f"{capacity.minimum} is above the maximum {capacity.maximum}")
            )
    return problems


def model_deployments(
    name: str,
    settings: Sequence[DeploymentSettings],
    catalogue: Catalogue,
    *,
    account: "cognitiveservices.Account",
    location: str,
    resource_group_name: "pulumi.Input[str]",
    after: "Sequence[pulumi.Resource]",
    tags: Mapping[str, str],
    parent: "pulumi.Resource",
) -> "list[cognitiveservices.Deployment]":
    """Register each deployment on ``account``, one after another, starting after ``after``, as children of
    ``parent``; the capacity is the one given or the smallest the catalogue's offer allows."""
    import pulumi
    from pulumi_azure_native import cognitiveservices

    deployments: list[cognitiveservices.Deployment] = []
    previous = list(after)
    for deployment in settings:
        offer = catalogue.offer(deployment.model, deployment.version, deployment.sku, location)
        created = cognitiveservices.Deployment(
            f"{name}-deployment-{deployment.name}",
            deployment_name=deployment.name,
            account_name=account.name,
            resource_group_name=resource_group_name,
            sku=cognitiveservices.SkuArgs(name=deployment.sku.value, capacity=deployment_capacity(deployment, offer)),
            properties=cognitiveservices.DeploymentPropertiesArgs(
                model=cognitiveservices.DeploymentModelArgs(
                    format="OpenAI", name=deployment.model, version=deployment.version
                ),
                version_upgrade_option=deployment.version_upgrade_option.value,
                rai_policy_name=deployment.rai_policy,
            ),
            tags=dict(tags),
            opts=pulumi.ResourceOptions(parent=parent, depends_on=previous),
        )
        deployments.append(created)
        previous = [created]

    return deployments
