"""Read the stack's config through Pulumi, validate it and decide it with the guard.

The program calls :func:`guarded_stack` before it registers anything, so a
denied or invalid stack fails ``pulumi preview`` with the reasons, naming the
stack file and every offending key, and creates no resource.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

import pulumi
from pulumi.runtime import config as runtime_config
from pydantic import ValidationError

from azure_openai_guarded.guards import (
    PROJECT,
    Cloud,
    DeclarationError,
    Problem,
    StackDeclaration,
    UseCase,
    Verdict,
    evaluate,
    parse_declaration,
)
from azure_openai_guarded.guards.declaration import CONFIG_KEYS, problems_from

from .args import AzureOpenAIServiceArgs
from .checks import check_service
from .clouds import CLOUDS
from .settings import ServiceConfig


def stack_file() -> str:
    """The stack file Pulumi read the config from, as users see it in the repository."""
    return f"stacks/Pulumi.{pulumi.get_stack()}.yaml"


def _project_keys() -> set[str]:
    # pulumi.Config reads one key at a time and cannot list them; the runtime's
    # map can, and a misspelt key (say `guardprofile`) must not pass silently.
    names = {*runtime_config.CONFIG.get(), *runtime_config.get_config_env()}
    prefix = f"{PROJECT}:"
    return {name[len(prefix) :] for name in names if name.startswith(prefix)}


def read_config() -> dict[str, Any]:
    """The project's config keys as plain values, unknown keys included so that they are reported."""
    config = pulumi.Config(PROJECT)
    raw: dict[str, Any] = {}
    for key in sorted(_project_keys() | CONFIG_KEYS):
        text = config.get(key)
        if text is None:
            continue
        try:
            raw[key] = config.get_object(key)
        except pulumi.ConfigTypeError:
            raw[key] = text
    return raw


def parse_service(value: Any) -> tuple[ServiceConfig | None, list[Problem]]:
    """Validate the ``service`` key's shape; a missing or non-mapping value is left to the declaration's report."""
    if not isinstance(value, Mapping):
        return None, []
    try:
        return ServiceConfig.model_validate(value), []
    except ValidationError as error:
        return None, problems_from(error, ("service",))


@dataclass(frozen=True)
class GuardedStack:
    """A stack whose config is valid and whose use case the guard allowed."""

    declaration: StackDeclaration
    verdict: Verdict
    service: ServiceConfig

    @property
    def use_case(self) -> UseCase:
        # An allowed verdict implies a declared use case: DECLARATION-MISSING denies otherwise.
        assert self.declaration.use_case is not None
        return self.declaration.use_case

    @property
    def cloud(self) -> Cloud:
        return self.service.cloud

    def component_args(self) -> AzureOpenAIServiceArgs:
        """The component's arguments: the ``service`` settings, the use case and the guard profile."""
        args = self.service.model_dump(exclude={"cloud"}, exclude_unset=True)
        args["use_case"] = self.use_case.model_dump(exclude_none=True)
        args["guard_profile"] = self.declaration.guard_profile
        return cast(AzureOpenAIServiceArgs, args)


def _invalid(problems: list[Problem], what: str) -> pulumi.RunError:
    lines = "\n".join(f"  {problem}" for problem in problems)
    return pulumi.RunError(f"{stack_file()}: {what}; nothing was created:\n{lines}")


def guarded_stack() -> GuardedStack:
    """Validate the stack's config and decide it; raise :class:`pulumi.RunError` if invalid or denied.

    Shape errors in the declaration and in ``service`` are reported together;
    then the guard decides; then ``service`` is checked against its cloud's
    regions, SKUs and model catalogue.
    """
    raw = read_config()
    problems: list[Problem] = []
    declaration: StackDeclaration | None = None
    try:
        declaration = parse_declaration(raw)
    except DeclarationError as error:
        problems += error.problems
    service, service_problems = parse_service(raw.get("service"))
    problems += [p for p in service_problems if p not in problems]
    if problems or declaration is None or service is None:
        raise _invalid(problems, "the declaration is invalid")

    verdict = evaluate(declaration)
    if not verdict.allowed:
        raise pulumi.RunError(f"{stack_file()}: the guard denied this stack; nothing was created.\n{verdict.summary()}")

    cloud_problems = [Problem(f"service.{p.path}", p.message) for p in check_service(service, CLOUDS[service.cloud])]
    if cloud_problems:
        raise _invalid(cloud_problems, f"the service cannot be provisioned in {CLOUDS[service.cloud].display_name}")
    return GuardedStack(declaration=declaration, verdict=verdict, service=service)
