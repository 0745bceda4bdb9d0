"""Checks that need the cloud and its catalogue: what Azure would refuse half-way through ``pulumi up``.

Each check returns problems naming the field and what to change; all of them
run, so one run reports every problem. Field names in paths and messages are
written as references (``{version_upgrade_option}``, see
:func:`~azure_openai_guarded.guards.declaration.field_reference`), so the name
is chosen when the problem is printed: the stack file's key for the checker,
the program, the pack and other languages, the Python name for a Python caller.

Nothing here imports Pulumi: the checker runs these checks too.
"""

from __future__ import annotations

from azure_openai_guarded.guards.declaration import Problem

from .catalogue import KIND_OFFERS
from .clouds import CloudFacts
from .content_filters import check_blocklists, check_rai_policies
from .deployments import check_additional_models, check_deployments
from .fields import duplicate_names, is_output, listing, n
from .settings import ServiceSettings
from .vocabulary import AccountKind, LockLevel


def check_service(settings: ServiceSettings, cloud: CloudFacts) -> list[Problem]:
    """Every problem with ``settings`` that the cloud, its catalogue and Azure's rules reveal."""
    problems: list[Problem] = []
    location_ok = settings.location in cloud.regions
    if not location_ok:
        problems.append(
            Problem(
                n("location"),
                f"{settings.location!r} does not offer Azure OpenAI in {cloud.display_name}; "
                f"choose one of {listing(cloud.regions, 30)}",
            )
        )
    problems += check_foundry(settings, cloud)
    problems += check_additional_models(settings, cloud)
    problems += check_rai_policies(settings)
    problems += check_blocklists(settings)
    problems += check_deployments(settings, cloud, location_ok)
    problems += _check_access(settings, cloud)
    return problems


def _check_access(settings: ServiceSettings, cloud: CloudFacts) -> list[Problem]:
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
    zones = cloud.private_dns_zones_for(settings.kind)
    if endpoint is not None and endpoint.dns_zone_ids is not None and zones is not None:
        ids = endpoint.dns_zone_ids
        fields = ("openai", "cognitive_services", "ai_services")[: len(zones)]
        given = (ids.openai, ids.cognitive_services, ids.ai_services)[: len(zones)]
        at = f"{n('private_endpoint')}.{n('dns_zone_ids')}"
        if settings.kind is AccountKind.AI_SERVICES and ids.ai_services is None:
            problems.append(
                Problem(
                    f"{at}.{n('ai_services')}",
                    f"required for kind AIServices: the id of the {zones[2]!r} zone, where the Foundry endpoint "
                    "resolves",
                )
            )
        if settings.kind is AccountKind.OPENAI and ids.ai_services is not None:
            problems.append(
                Problem(
                    f"{at}.{n('ai_services')}", "only for kind AIServices: an OpenAI account has no Foundry endpoint"
                )
            )
        for field, zone_id, expected in zip(fields, given, zones, strict=True):
            if zone_id is None:
                continue
            if is_output(zone_id):
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
        if is_output(assignment.principal_id):
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


def advisories(settings: ServiceSettings) -> list[str]:
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
    if settings.lock is LockLevel.READ_ONLY:
        notes.append(
            f"{n('lock')} is ReadOnly: every later change to the account or its children fails until the lock is "
            "removed (set it to CanNotDelete or drop it, update, then change)"
        )
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


def check_foundry(settings: ServiceSettings, cloud: CloudFacts) -> list[Problem]:
    """The account kind, Foundry projects, lock and Key Vault export: what Azure or the kind would refuse."""
    problems: list[Problem] = []
    offer = KIND_OFFERS[cloud.cloud][settings.kind]
    if settings.location in cloud.regions and settings.location not in offer.regions:
        problems.append(
            Problem(
                n("kind"),
                f"{cloud.display_name} offers kind {settings.kind} in {listing(sorted(offer.regions), 40)}, "
                f"not in {settings.location!r} ({offer.source}); choose one of those regions or kind OpenAI",
            )
        )
    if settings.kind is AccountKind.AI_SERVICES and not settings.system_assigned_identity:
        problems.append(
            Problem(
                n("system_assigned_identity"),
                "kind AIServices needs the system-assigned identity: Foundry projects cannot be created without it",
            )
        )
    if settings.projects and settings.kind is not AccountKind.AI_SERVICES:
        problems.append(
            Problem(
                n("projects"),
                f"Foundry projects need a Foundry resource; set {n('kind')}: AIServices, or drop {n('projects')}",
            )
        )
    problems += duplicate_names(n("projects"), [p.name for p in settings.projects], "project")
    if (
        settings.private_endpoint is not None
        and settings.kind is AccountKind.AI_SERVICES
        and cloud.foundry_private_dns_zone is None
    ):
        problems.append(
            Problem(
                n("private_endpoint"),
                f"a Foundry (kind AIServices) private endpoint in {cloud.display_name} needs the private DNS zone "
                f"of its {cloud.foundry_domain} endpoint, and no primary Microsoft source names that zone "
                f"({cloud.foundry_private_dns_zone_source}); this component will not guess it. Use kind OpenAI, "
                "or create the endpoint and its zones outside the component once Microsoft documents them",
            )
        )
    if settings.secrets_export is not None:
        if not settings.local_auth_enabled:
            problems.append(
                Problem(
                    n("secrets_export"),
                    f"there are no keys to export while local auth is disabled; drop {n('secrets_export')}, or also "
                    f"set {n('local_auth_enabled')}: true (a weakening: callers should use Entra ID)",
                )
            )
        if settings.export_keys:
            problems.append(
                Problem(
                    n("export_keys"),
                    f"with {n('secrets_export')} the keys go to Key Vault and never become outputs; drop "
                    f"{n('export_keys')}",
                )
            )
    if settings.lock is LockLevel.READ_ONLY and (settings.secrets_export is not None or settings.export_keys):
        field = n("secrets_export") if settings.secrets_export is not None else n("export_keys")
        problems.append(
            Problem(
                n("lock"),
                f"a ReadOnly lock blocks listing the account's keys, so {field} would fail on every update after "
                f"the first; use {n('lock')}: CanNotDelete",
            )
        )
    return problems
