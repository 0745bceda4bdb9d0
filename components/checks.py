"""Checks that need the cloud and its catalogue: what Azure would refuse half-way through ``pulumi up``.

Each check returns problems naming the field and what to change; all of them
run, so one run reports every problem. Field names in paths and messages go
through a :data:`Naming`, so the program reports stack-file keys
(``versionUpgradeOption``) and the component reports Python keys
(``version_upgrade_option``).
"""

from __future__ import annotations

from collections.abc import Callable

import pulumi
from pydantic.alias_generators import to_camel

from azure_openai_guarded.guards import Problem

from .args import BaseRaiPolicy, DeploymentSku
from .catalogue import CATALOGUES, SKU_CAPACITY, CapacityRange, Catalogue, ModelOffer
from .clouds import CloudFacts
from .settings import DeploymentSettings, ServiceSettings

Naming = Callable[[str], str]
"""Turns a Python field name into the name users wrote."""

CONFIG_NAMING: Naming = to_camel


def python_naming(name: str) -> str:
    """The component's naming: its arguments are the Python field names."""
    return name


BUILT_IN_POLICIES = frozenset(p.value for p in BaseRaiPolicy)


def catalogue_for(settings: ServiceSettings, cloud: CloudFacts) -> Catalogue:
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


def _listing(items: list[str] | tuple[str, ...], limit: int = 12) -> str:
    shown = list(items[:limit])
    more = f" and {len(items) - limit} more" if len(items) > limit else ""
    return ", ".join(shown) + more


def check_service(settings: ServiceSettings, cloud: CloudFacts, naming: Naming = CONFIG_NAMING) -> list[Problem]:
    """Every problem with ``settings`` that the cloud, its catalogue and Azure's rules reveal."""
    n = naming
    problems: list[Problem] = []
    location_ok = settings.location in cloud.regions
    if not location_ok:
        problems.append(
            Problem(
                n("location"),
                f"{settings.location!r} does not offer Azure OpenAI in {cloud.display_name}; "
                f"choose one of {_listing(cloud.regions, 30)}",
            )
        )
    problems += _check_additional_models(settings, cloud, n)
    catalogue = catalogue_for(settings, cloud)
    problems += _check_rai_policies(settings, n)
    defined = {p.name for p in settings.rai_policies}
    problems += _duplicate_names(n("deployments"), [d.name for d in settings.deployments], "deployment")
    for i, deployment in enumerate(settings.deployments):
        at = f"{n('deployments')}[{i}]"
        problems += _check_deployment(deployment, at, settings.location if location_ok else None, cloud, catalogue, n)
        if deployment.rai_policy is not None and deployment.rai_policy not in defined | BUILT_IN_POLICIES:
            problems.append(
                Problem(
                    f"{at}.{n('rai_policy')}",
                    f"{deployment.rai_policy!r} is not defined in {n('rai_policies')}; define it there, or use "
                    f"{' or '.join(sorted(BUILT_IN_POLICIES))}",
                )
            )
    problems += _check_access(settings, cloud, n)
    return problems


def _duplicate_names(field: str, names: list[str], kind: str) -> list[Problem]:
    # Azure resource names are case-insensitive: `chat` and `Chat` would be two Pulumi resources writing
    # one Azure resource, and the second create fails half-way through `pulumi up`.
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        key = name.lower()
        if key in seen:
            problems.append(
                Problem(
                    f"{field}[{i}].name",
                    f"{name!r} is already the name of {field}[{seen[key]}]; {kind} names must be unique in an "
                    "account (Azure ignores case)",
                )
            )
        seen.setdefault(key, i)
    return problems


def _check_deployment(
    deployment: DeploymentSettings,
    at: str,
    region: str | None,
    cloud: CloudFacts,
    catalogue: Catalogue,
    n: Naming,
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
                f"{_listing(catalogue.models(), 30)}; {extend}",
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
                f"{_listing(regions, 30)}; {extend}",
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


def _check_additional_models(settings: ServiceSettings, cloud: CloudFacts, n: Naming) -> list[Problem]:
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
                        f"choose from {_listing(cloud.regions, 30)}",
                    )
                )
        capacity = _capacity(model.sku, model.min_capacity, model.max_capacity, model.capacity_step)
        if capacity is not None and capacity.minimum > capacity.maximum:
            problems.append(
                Problem(f"{at}.{n('min_capacity')}", f"{capacity.minimum} is above the maximum {capacity.maximum}")
            )
    return problems


def _check_rai_policies(settings: ServiceSettings, n: Naming) -> list[Problem]:
    problems = _duplicate_names(n("rai_policies"), [p.name for p in settings.rai_policies], "policy")
    for i, policy in enumerate(settings.rai_policies):
        at = f"{n('rai_policies')}[{i}]"
        targets: dict[tuple[str, str | None], int] = {}
        for j, item in enumerate(policy.filters):
            target = (item.category.value, item.source.value if item.source else None)
            if target in targets:
                problems.append(
                    Problem(
                        f"{at}.filters[{j}]",
                        f"repeats {item.category} for the same source as filters[{targets[target]}]",
                    )
                )
            targets.setdefault(target, j)
    return problems


def _check_access(settings: ServiceSettings, cloud: CloudFacts, n: Naming) -> list[Problem]:
    problems: list[Problem] = []
    if settings.export_keys and not settings.local_auth_enabled:
        problems.append(
            Problem(
                n("export_keys"),
                f"keys cannot be used while local auth is disabled; drop {n('export_keys')}, or also set "
                f"{n('local_auth_enabled')}: true (a weakening: callers should use Entra ID)",
            )
        )
    if settings.allowed_fqdns and not settings.restrict_outbound_network_access:
        problems.append(
            Problem(
                n("allowed_fqdns"),
                f"only applies while {n('restrict_outbound_network_access')} is true; "
                "with outbound access unrestricted the account may call any host",
            )
        )
    if settings.create_resource_group and not isinstance(settings.resource_group_name, str):
        problems.append(
            Problem(
                n("resource_group_name"),
                f"must be a plain string when {n('create_resource_group')} is true: the component names the group",
            )
        )
    endpoint = settings.private_endpoint
    if endpoint is not None and endpoint.dns_zone_ids is not None:
        given = (endpoint.dns_zone_ids.openai, endpoint.dns_zone_ids.cognitive_services)
        for field, zone_id, expected in zip(
            ("openai", "cognitive_services"), given, cloud.private_dns_zones, strict=True
        ):
            if isinstance(zone_id, pulumi.Output):
                continue
            zone = zone_id.rsplit("/", 1)[-1].lower()
            if zone != expected:
                problems.append(
                    Problem(
                        f"{n('private_endpoint')}.{n('dns_zone_ids')}.{n(field)}",
                        f"names the zone {zone!r}; {cloud.display_name} private link uses {expected!r}",
                    )
                )
    seen: dict[tuple[str, str], int] = {}
    for i, assignment in enumerate(settings.role_assignments):
        if isinstance(assignment.principal_id, pulumi.Output):
            continue
        key = (assignment.principal_id, assignment.role.value)
        if key in seen:
            problems.append(
                Problem(
                    f"{n('role_assignments')}[{i}]",
                    f"grants {assignment.role} to the same principal as {n('role_assignments')}[{seen[key]}]",
                )
            )
        seen.setdefault(key, i)
    return problems


def advisories(settings: ServiceSettings, n: Naming = CONFIG_NAMING) -> list[str]:
    """Allowed but worth a warning: what an auditor or an operator would ask about."""
    notes: list[str] = []
    if settings.log_analytics_workspace_id is None:
        notes.append(
            f"no {n('log_analytics_workspace_id')}: the account's audit and request logs go nowhere "
            "(Azure Policy 1b4d1c4e expects diagnostic settings)"
        )
    if settings.private_endpoint is None and not settings.allowed_ip_ranges:
        notes.append(
            f"no {n('private_endpoint')} and no {n('allowed_ip_ranges')}: public network access is off, "
            "so nothing can reach the account until a private endpoint is added"
        )
    if settings.local_auth_enabled:
        notes.append(f"{n('local_auth_enabled')} is true: API keys work alongside Entra ID (weakened)")
    if not settings.restrict_outbound_network_access:
        notes.append(f"{n('restrict_outbound_network_access')} is false: the account may call any host (weakened)")
    if settings.allowed_ip_ranges:
        notes.append(
            f"public network access is on for {len(settings.allowed_ip_ranges)} IP range(s) in "
            f"{n('allowed_ip_ranges')} (weakened)"
        )
    if settings.bypass_azure_services:
        notes.append(f"{n('bypass_azure_services')} is true: trusted Azure services pass the firewall (weakened)")
    if not settings.system_assigned_identity:
        notes.append(f"{n('system_assigned_identity')} is false: the account has no managed identity (weakened)")
    return notes
