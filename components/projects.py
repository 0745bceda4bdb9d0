"""Microsoft Foundry projects under a Foundry resource (kind ``AIServices``), each with its own verdict.

Every project's declaration, its own or the component's, is decided by the
guard (:mod:`azure_openai_guarded.guards.projects`) before the component
registers anything: one denied project stops the whole component, which then
creates nothing. Each project is tagged with the verdict that governs it.

A project needs the account's custom subdomain and system-assigned identity,
and has its own system-assigned identity. Projects are children of the
account, written one after another: Azure refuses concurrent writes under one
account with 409 RequestConflict.

Its arguments, settings and checks live here too. Nothing here imports
Pulumi until the resources are built: the checker validates and checks a
stack with this module. No ``from __future__ import annotations``: Pulumi's
component analyzer reads the arguments' annotations at run time.
"""

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, NotRequired, TypedDict

from pydantic import AfterValidator, Field, StrictStr

from azure_openai_guarded.guards.declaration import Naming, Problem
from azure_openai_guarded.guards.projects import ProjectDecision
from azure_openai_guarded.guards.tags import verdict_tags

from .clouds import CloudFacts
from .fields import Settings, duplicate_names, matches, n
from .use_case import UseCaseInput
from .vocabulary import AccountKind

if TYPE_CHECKING:
    import pulumi
    from pulumi_azure_native import cognitiveservices

    from .account import ServiceSettings
    from .outputs import ProjectOutput


class ProjectArgs(TypedDict):
    """A Microsoft Foundry project under the account (kind ``AIServices`` only), created after the account."""

    name: str
    """The project's name; its endpoint is ``https://<account>.services.ai.azure.com/api/projects/<name>``."""
    display_name: NotRequired[str]
    """The name the Foundry portal shows. Default: ``name``."""
    description: NotRequired[str]
    """What the project is for."""
    use_case: NotRequired[UseCaseInput]
    """The project's own use-case declaration (or a string holding it as one JSON object), decided by the guard
    before anything is registered, like the account's. Default: the project falls under the component's
    ``use_case``."""


ProjectName = Annotated[
    StrictStr,
    AfterValidator(
        matches(
            r"[a-zA-Z0-9][a-zA-Z0-9_-]{1,63}",
            "a project name is 2 to 64 letters, digits, '-' or '_', starting with a letter or digit; it is part "
            "of the project's endpoint URL",
        )
    ),
]


class ProjectSettings(Settings):
    name: ProjectName
    display_name: Annotated[StrictStr, Field(min_length=1)] | None = None
    description: StrictStr | None = None
    use_case: dict[str, Any] | None = None
    """The project's own declaration, as given: the guard reads it as it reads the component's ``use_case``."""

    def texts(self, naming: Naming) -> dict[str, str]:
        """Its name and free text (display name, description), those it has, each under its name in ``naming``:
        what the guard reads with the purpose of the declaration that governs it."""
        written = {key: getattr(self, key) for key in ("name", "display_name", "description")}
        return {naming(key): text for key, text in written.items() if text is not None}


def check_projects(settings: "ServiceSettings") -> list[Problem]:
    """Projects need a Foundry resource (kind ``AIServices``), and each its own name."""
    problems: list[Problem] = []
    if settings.projects and settings.kind is not AccountKind.AI_SERVICES:
        problems.append(
            Problem(
                n("projects"),
                f"Foundry projects need a Foundry resource; set {n('kind')}: AIServices, or drop {n('projects')}",
            )
        )
    problems += duplicate_names(n("projects"), [p.name for p in settings.projects], "project")
    return problems


def foundry_projects(
    name: str,
    account_name: str,
    settings: Sequence[ProjectSettings],
    decisions: Sequence[ProjectDecision],
    *,
    account: "cognitiveservices.Account",
    location: str,
    resource_group_name: "pulumi.Input[str]",
    tags: Mapping[str, str],
    parent: "pulumi.Resource",
) -> "list[cognitiveservices.Project]":
    """Register each project after the account, one after another, as children of ``parent``."""
    import pulumi
    from pulumi_azure_native import cognitiveservices

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


def project_outputs(
    account_name: str, decisions: Sequence[ProjectDecision], cloud: CloudFacts
) -> "list[ProjectOutput]":
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
