"""What the policy pack knows about the stack: its declaration, read from the stack's config.

The Pulumi engine starts a Python policy pack with the stack's config in the
``PULUMI_CONFIG`` environment variable (as it does for a program), and
pulumi_policy loads it into Pulumi's runtime config before each analysis. So
the pack decides the same ``azure-openai-guarded:*`` keys as the program and
the checker, through the same parser and engine.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

import pulumi.runtime
from pulumi.runtime import config as runtime_config

from ..declaration import DeclarationError, Problem, parse_declaration
from ..engine import Verdict, evaluate
from ..models import PROJECT, Cloud, StackDeclaration

ENVIRONMENT_KEY: Final = "azure-native:environment"
"""The default azure-native provider's cloud: ``public``, ``usgovernment`` or ``china``."""

GOVERNMENT: Final = "usgovernment"


@dataclass(frozen=True)
class StackContext:
    """The stack's declaration as the pack sees it."""

    declaration: StackDeclaration | None = None
    """The validated declaration; ``None`` when absent or invalid."""
    problems: tuple[Problem, ...] = ()
    """Why the declaration is invalid, every problem at once."""
    azure_environment: str | None = None
    """The ``azure-native:environment`` config, lowercased."""

    @property
    def declared(self) -> bool:
        """Whether the stack sets any ``azure-openai-guarded:*`` key: it then has a declaration or problems."""
        return self.declaration is not None or bool(self.problems)

    @property
    def verdict(self) -> Verdict | None:
        return evaluate(self.declaration) if self.declaration else None

    @property
    def government(self) -> bool:
        """Whether the stack declares Azure Government, in its service or its provider config."""
        declared = self.declaration is not None and self.declaration.service.cloud == Cloud.USGOVERNMENT
        return declared or self.azure_environment == GOVERNMENT


ContextSource = Callable[[], StackContext]
"""Where a policy reads the stack's declaration from: the engine's config, or a test's."""


def _value(raw: Any) -> Any:
    # The engine passes every config value as a string, objects as JSON.
    if isinstance(raw, str) and raw.lstrip().startswith(("{", "[")):
        try:
            return json.loads(raw)
        except json.JSONDecodeError:
            return raw
    return raw


def stack_context(config: Mapping[str, Any]) -> StackContext:
    """Decide what ``config`` (full keys, e.g. ``azure-openai-guarded:useCase``) declares."""
    prefix = f"{PROJECT}:"
    project = {key[len(prefix) :]: _value(value) for key, value in config.items() if key.startswith(prefix)}
    environment = config.get(ENVIRONMENT_KEY)
    azure_environment = environment.strip().lower() if isinstance(environment, str) else None
    if not project:
        return StackContext(azure_environment=azure_environment)
    try:
        declaration = parse_declaration(project)
    except DeclarationError as error:
        return StackContext(problems=error.problems, azure_environment=azure_environment)
    return StackContext(declaration=declaration, azure_environment=azure_environment)


def engine_config() -> dict[str, Any]:
    """The stack's config as the engine handed it to this process, keys in full."""
    keys = {*pulumi.runtime.get_config_env(), *runtime_config.CONFIG.get()}
    return {key: pulumi.runtime.get_config(key) for key in sorted(keys)}


def engine_stack_context() -> StackContext:
    """The :class:`StackContext` of the stack the engine is analysing."""
    return stack_context(engine_config())
