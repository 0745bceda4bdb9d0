"""What the policy pack knows about the stack: its declaration, read from the stack's config once per analysis.

The Pulumi engine hands a policy pack the stack's config in its ``ConfigureStack`` call (every value a string,
objects as JSON), which :mod:`.analyzer` records here; only the legacy route for analyzers without a language
plugin sets ``PULUMI_CONFIG`` as well, which is read when no ``ConfigureStack`` came. The pack reads the same
``azure-openai-guarded:*`` keys as the program and the checker, through the same reader (which validates the whole
``service`` with the components' Pulumi-free settings and cloud facts) and the same engine: what it reads from the
config is :func:`~azure_openai_guarded.guards.stack_config.stack_context`'s, which the components call too. The stack's
``azure-native:environment`` counts as much as the declared cloud: if they disagree the declaration is invalid.
A pack that received no config at all knows nothing of the stack, and says so with a mandatory violation.

A consumer project's program reads its declaration from its own namespace (``<project>:useCase``): the engine
names the project in ``ConfigureStack``, and the pack decides that namespace as the checker decides a consumer
stack (every namespace with a ``useCase`` when the project is unknown). Only what the pack decides here clears
an account; the guard's tags on a resource are a claim anyone can write.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import pulumi.runtime
from pulumi.runtime import config as runtime_config

from ..deployment import deployment_texts, names_in_urn, reading_for
from ..stack_config import NamespaceDeclaration, StackContext, stack_context

__all__ = [
    "NOT_RECEIVED",
    "ContextSource",
    "EngineStack",
    "NamespaceDeclaration",
    "StackContext",
    "configure_stack",
    "configured_stack",
    "engine_config",
    "engine_stack_context",
    "reading_for_the_stack",
    "stack_context",
]

ContextSource = Callable[[], StackContext]
"""Where a policy reads the stack's declaration from: the engine's config, or a test's."""


CONFIG_ENV: Final = "PULUMI_CONFIG"
"""The environment variable the legacy analyzer route puts the stack's config in."""

SECRET_KEYS_ENV: Final = "PULUMI_CONFIG_SECRET_KEYS"
"""The environment variable that names the secret config keys, beside ``PULUMI_CONFIG``."""

PROJECT_ENV: Final = "PULUMI_PROJECT"
"""The environment variable the legacy analyzer route names the project in."""


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


def reading_for_the_stack(urn: str | None) -> AbstractContextManager[None]:
    """Decide, in the block, for the stack the engine is analysing, whose names and config the tripwire reads with
    the purpose (see ``guards/deployment.py``): as ``ConfigureStack`` names and hands them, else as a resource's
    ``urn`` names it and ``PULUMI_CONFIG`` holds it.
    The analyzer service runs every policy in such a block."""
    configured = configured_stack()
    stack, project = (configured.stack, configured.project) if configured else names_in_urn(urn or "")
    config, _, secret_keys = _received() or ({}, None, frozenset())
    return reading_for(stack, project, config, secret_keys)


def engine_config() -> dict[str, Any]:
    """The stack's config as the engine handed it to this process, keys in full."""
    keys = {*pulumi.runtime.get_config_env(), *runtime_config.CONFIG.get()}
    return {key: pulumi.runtime.get_config(key) for key in sorted(keys)}


def _secret_keys_env(config: Mapping[str, Any]) -> frozenset[str]:
    """The secret keys named beside ``PULUMI_CONFIG``, as a program reads them; every key when the list cannot be
    read, so that nothing secret passes for plain text."""
    try:
        named = json.loads(os.environ.get(SECRET_KEYS_ENV) or "[]")
    except ValueError:
        return frozenset(config)
    if not isinstance(named, list) or not all(isinstance(key, str) for key in named):
        return frozenset(config)
    return frozenset(named)


NOT_RECEIVED: Final = StackContext(received=False)
"""What the pack knows of a stack whose config never reached it: nothing."""


@lru_cache(maxsize=1)
def _context_of(
    config_json: str, project: str | None, secret_keys: frozenset[str], deployment: tuple[tuple[str, str], ...]
) -> StackContext:
    # ``deployment`` (the names read for, see guards/deployment.py) is a key of the cache: a context decided for
    # one stack is not another's.
    return stack_context(json.loads(config_json), project, secret_keys)


def engine_stack_context() -> StackContext:
    """The :class:`StackContext` of the stack the engine is analysing: from the engine's ``ConfigureStack`` call,
    else from ``PULUMI_CONFIG`` (and the runtime config pulumi_policy copies it into), else :data:`NOT_RECEIVED`.

    Every policy asks for it, for every resource; it is read and decided once per analysis (once per distinct
    config the engine hands the pack), not once per question.
    """
    received = _received()
    if received is None:
        return NOT_RECEIVED
    config, project, secret_keys = received
    return _context_of(json.dumps(dict(config), sort_keys=True), project, secret_keys, deployment_texts())


def _received() -> tuple[Mapping[str, Any], str | None, frozenset[str]] | None:
    """The stack's config as the pack received it, with its project and its secret keys: from the engine's
    ``ConfigureStack`` call, else from ``PULUMI_CONFIG`` (and the runtime config pulumi_policy copies it into);
    ``None`` when none reached it."""
    configured = configured_stack()
    if configured is not None:
        return configured.config, configured.project or None, configured.secret_keys
    if CONFIG_ENV in os.environ or runtime_config.CONFIG.get():
        config = engine_config()
        return config, os.environ.get(PROJECT_ENV) or None, _secret_keys_env(config)
    return None
