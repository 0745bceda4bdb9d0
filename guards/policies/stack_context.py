"""What the policy pack knows about the stack: its declaration, read from the stack's config once per analysis.

The Pulumi engine hands a policy pack the stack's config in its ``ConfigureStack`` call (every value a string,
objects as JSON), which :mod:`.analyzer` records here; only the legacy route for analyzers without a language
plugin sets ``PULUMI_CONFIG`` as well, which is read when no ``ConfigureStack`` came. The pack reads the same
``azure-openai-guarded:*`` keys as the program and the checker, through the same reader (which validates the whole
``service`` with the components' Pulumi-free settings and cloud facts) and the same engine. The stack's
``azure-native:environment`` counts as much as the declared cloud: if they disagree the declaration is invalid.
A pack that received no config at all knows nothing of the stack, and says so with a mandatory violation.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Final

import pulumi.runtime
from pulumi.runtime import config as runtime_config

from azure_openai_guarded.components.declaration import (
    ENVIRONMENT_KEY,
    Declaration,
    default_provider,
    read_stack_config,
)

from ..declaration import DeclarationError, Problem
from ..engine import Verdict
from ..models import PROJECT, Cloud
from ..projects import ProjectDecision, ProjectDeclaration

GOVERNMENT: Final = "usgovernment"

CLASSIC_ENVIRONMENT_KEY: Final = "azure:environment"
"""The classic pulumi-azure default provider's cloud."""

CONFIG_ENV: Final = "PULUMI_CONFIG"
"""The environment variable the legacy analyzer route puts the stack's config in."""


@dataclass(frozen=True)
class EngineStack:
    """What the engine's ``ConfigureStack`` call says about the stack it is about to analyse."""

    project: str
    """The Pulumi project: its name is the namespace of the project's own config keys."""
    stack: str
    """The stack's name."""
    config: Mapping[str, str]
    """The stack's config, keys in full (``namespace:key``), every value a string, objects as JSON."""
    secret_keys: frozenset[str]
    """The keys whose values are secrets (the engine hands them decrypted)."""


_lock = threading.Lock()
_configured: list[EngineStack] = []


def configure_stack(stack: EngineStack | None) -> None:
    """Record what ``ConfigureStack`` said (``None``: forget it, as a new analyzer service has heard nothing)."""
    with _lock:
        _configured[:] = [] if stack is None else [stack]


def configured_stack() -> EngineStack | None:
    """What the engine's ``ConfigureStack`` said about the stack, if it called it."""
    with _lock:
        return _configured[0] if _configured else None


@dataclass(frozen=True)
class StackContext:
    """The stack's declaration as the pack sees it, read and decided once."""

    declaration: Declaration | None = None
    """The validated and decided declaration; ``None`` when absent or invalid."""
    problems: tuple[Problem, ...] = ()
    """Why the declaration is invalid, every problem at once."""
    azure_environment: str | None = None
    """The ``azure-native:environment`` config, lowercased."""
    classic_environment: str | None = None
    """The classic pulumi-azure provider's ``azure:environment`` config, lowercased."""
    project_decisions: tuple[ProjectDecision, ...] = ()
    """The verdict governing each Foundry project the config lists: its own declaration's, or the stack's."""
    received: bool = True
    """Whether any config reached the pack; without it nothing the stack declares can be known."""

    @property
    def projects(self) -> tuple[ProjectDeclaration, ...]:
        """The Foundry projects the config lists, each with its own declaration if it carries one."""
        return self.declaration.projects if self.declaration else ()

    @property
    def declared(self) -> bool:
        """Whether the stack sets any ``azure-openai-guarded:*`` key: it then has a declaration or problems."""
        return self.declaration is not None or bool(self.problems)

    @property
    def verdict(self) -> Verdict | None:
        """The declaration's verdict, decided when the declaration was read."""
        return self.declaration.verdict if self.declaration else None

    @property
    def government(self) -> bool:
        """Whether the stack declares Azure Government, in its service or its provider config."""
        declared = self.declaration is not None and self.declaration.cloud.cloud == Cloud.USGOVERNMENT
        return declared or GOVERNMENT in (self.azure_environment, self.classic_environment)


ContextSource = Callable[[], StackContext]
"""Where a policy reads the stack's declaration from: the engine's config, or a test's."""


def stack_context(config: Mapping[str, Any]) -> StackContext:
    """Read and decide what ``config`` (full keys, e.g. ``azure-openai-guarded:useCase``) declares."""
    prefix = f"{PROJECT}:"
    project = {key[len(prefix) :]: value for key, value in config.items() if key.startswith(prefix)}
    providers = StackContext(
        azure_environment=_lowered(config.get(ENVIRONMENT_KEY)),
        classic_environment=_lowered(config.get(CLASSIC_ENVIRONMENT_KEY)),
    )
    if not project:
        return providers
    try:
        declaration = read_stack_config(project, environment=default_provider(config))
    except DeclarationError as error:
        return replace(providers, problems=error.problems)
    # The projects were decided with the stack when the declaration was read: the pack repeats no decision.
    return replace(providers, declaration=declaration, project_decisions=declaration.project_decisions)


def _lowered(value: Any) -> str | None:
    return value.strip().lower() if isinstance(value, str) else None


def engine_config() -> dict[str, Any]:
    """The stack's config as the engine handed it to this process, keys in full."""
    keys = {*pulumi.runtime.get_config_env(), *runtime_config.CONFIG.get()}
    return {key: pulumi.runtime.get_config(key) for key in sorted(keys)}


NOT_RECEIVED: Final = StackContext(received=False)
"""What the pack knows of a stack whose config never reached it: nothing."""


@lru_cache(maxsize=1)
def _context_of(config_json: str) -> StackContext:
    return stack_context(json.loads(config_json))


def engine_stack_context() -> StackContext:
    """The :class:`StackContext` of the stack the engine is analysing: from the engine's ``ConfigureStack`` call,
    else from ``PULUMI_CONFIG`` (and the runtime config pulumi_policy copies it into), else :data:`NOT_RECEIVED`.

    Every policy asks for it, for every resource; it is read and decided once per analysis (once per distinct
    config the engine hands the pack), not once per question.
    """
    configured = configured_stack()
    if configured is not None:
        config: Mapping[str, Any] = configured.config
    elif CONFIG_ENV in os.environ or runtime_config.CONFIG.get():
        config = engine_config()
    else:
        return NOT_RECEIVED
    return _context_of(json.dumps(dict(config), sort_keys=True))
