"""Microsoft Foundry projects under a Foundry resource (kind ``AIServices``), each with its own verdict.

Every project's declaration, its own or the component's, is decided by the
guard (:mod:`azure_openai_guarded.guards.projects`) before the component
registers anything: one denied project stops the whole component, which then
creates nothing. Each project is tagged with the verdict that governs it.

A project needs the account's custom subdomain and system-assigned identity,
and has its own system-assigned identity. Projects are children of the
account, written one after another: Azure refuses concurrent writes under one
account with 409 RequestConflict.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pulumi
from pulumi_azure_native import cognitiveservices

from azure_openai_guarded.guards.projects import ProjectDecision
from azure_openai_guarded.guards.tags import verdict_tags

from .clouds import CloudFacts
from .declaration import Declaration
from .guard import GuardDeniedError
from .outputs import ProjectOutput
from .settings import ProjectSettings


class ProjectDeniedError(GuardDeniedError):
    """The guard denied the declaration governing one or more Foundry projects; nothing was registered."""

    def __init__(self, where: str, decisions: Sequence[ProjectDecision]) -> None:
        self.decisions = tuple(decisions)
        names = ", ".join(repr(d.name) for d in self.decisions)
        super().__init__(where, self.decisions[0].verdict, f"Foundry project(s) {names}")
        details = "\n".join(d.summary() for d in self.decisions)
        # One denied project stops the whole account, so the message gives every one, each with its verdict.
        self.args = (
            f"{where}: the guard denied Foundry project(s) {names}; nothing was created. One denied project stops "
            f"the whole account: change its declaration, or move it out of this stack.\n{details}",
        )

    def __str__(self) -> str:
        return str(self.args[0])


def refuse_denied_projects(where: str, declaration: Declaration) -> tuple[ProjectDecision, ...]:
    """The declaration's project decisions; raises :class:`ProjectDeniedError` naming every denied project."""
    if declaration.denied_projects:
        raise ProjectDeniedError(where, declaration.denied_projects)
    return declaration.project_decisions


def foundry_projects(
    name: str,
    account_name: str,
    settings: Sequence[ProjectSettings],
    decisions: Sequence[ProjectDecision],
    *,
    account: cognitiveservices.Account,
    location: str,
    resource_group_name: pulumi.Input[str],
    tags: Mapping[str, str],
    parent: pulumi.Resource,
) -> list[cognitiveservices.Project]:
    """Register each project after the account, one after another, as children of ``parent``."""
    projects: list[cognitiveservices.Project] = []
    previous: list[pulumi.Resource] = [account]
    for project, decision in zip(settings, decisions, strict=True):
        created = cognitiveservices.Project(
            f"{name}-project-{project.name}",
            project_name=project.name,
            account_name=account.name,
            resource_group_name=resource_group_name,
            location=location,
            identity=cognitiveservices.IdentityArgs(type=cognitiveservices.ResourceIdentityType.SYSTEM_ASSIGNED),
            properties=cognitiveservices.ProjectPropertiesArgs(
                display_name=project.display_name or project.name,
                description=project.description,
            ),
            tags={**tags, **project_tags(decision)},
            opts=pulumi.ResourceOptions(parent=parent, depends_on=previous),
        )
        projects.append(created)
        previous = [created]
    return projects


def project_tags(decision: ProjectDecision) -> dict[str, str]:
    """The guard's tags for the declaration that governs the project."""
    # A decided project is allowed, so it has a declaration: the guard denies a missing one.
    assert decision.use_case is not None
    return verdict_tags(decision.use_case, decision.verdict)


def project_outputs(account_name: str, decisions: Sequence[ProjectDecision], cloud: CloudFacts) -> list[ProjectOutput]:
    """Each project's name, Foundry endpoint, governing use case and verdict."""
    subdomain = account_name.lower()
    return [
        {
            "name": d.name,
            "endpoint": cloud.project_endpoint(subdomain, d.name),
            "use_case": d.use_case.name if d.use_case else "",
            "verdict": d.verdict.label,
        }
        for d in decisions
    ]
