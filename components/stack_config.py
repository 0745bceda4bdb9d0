"""Read the stack's config through Pulumi and decide it with the guard.

The program calls :func:`guarded_declaration` before it registers anything,
so a denied or invalid stack fails ``pulumi preview`` with the reasons and
creates no resource.
"""

from __future__ import annotations

from typing import Any

import pulumi
from pulumi.runtime import config as runtime_config

from azure_openai_guarded.guards import (
    PROJECT,
    DeclarationError,
    StackDeclaration,
    Verdict,
    evaluate,
    parse_declaration,
)
from azure_openai_guarded.guards.declaration import CONFIG_KEYS


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


def guarded_declaration() -> tuple[StackDeclaration, Verdict, dict[str, Any]]:
    """Validate the stack's declaration and decide it; raise :class:`pulumi.RunError` on invalid or denied.

    Returns the declaration, its verdict and the raw config (for the service settings).
    """
    raw = read_config()
    try:
        declaration = parse_declaration(raw)
    except DeclarationError as error:
        lines = "\n".join(f"  {problem}" for problem in error.problems)
        raise pulumi.RunError(f"{stack_file()}: the declaration is invalid:\n{lines}") from None
    verdict = evaluate(declaration)
    if not verdict.allowed:
        raise pulumi.RunError(f"{stack_file()}: the guard denied this stack; nothing was created.\n{verdict.summary()}")
    return declaration, verdict, raw
