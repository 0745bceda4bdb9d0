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

from .access import check_key_auth, check_role_assignments
from .catalogue import KIND_OFFERS
from .clouds import CloudFacts
from .content_filters import check_blocklists, check_rai_policies
from .deployments import check_additional_models, check_deployments
from .fields import listing, n
from .lock import check_lock
from .network import check_dns_zones, check_foundry_endpoint, check_outbound
from .projects import check_projects
from .secrets import check_secrets_export
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
    problems += check_key_auth(settings)
    problems += check_outbound(settings)
    problems += _check_resource_group(settings)
    problems += check_dns_zones(settings, cloud)
    problems += check_role_assignments(settings)
    return problems


def _check_resource_group(settings: ServiceSettings) -> list[Problem]:
    problems: list[Problem] = []
    if settings.create_resource_group and not isinstance(settings.resource_group_name, str):
        problems.append(
            Problem(
                n("resource_group_name"),
                f"must be a plain string when {n('create_resource_group')} is true: the component names the group",
            )
        )
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
    problems += check_projects(settings)
    problems += check_foundry_endpoint(settings, cloud)
    problems += check_secrets_export(settings)
    problems += check_lock(settings)
    return problems
