"""Read the stack's config through Pulumi, validate it and decide it once, before anything is registered.

A denied or invalid stack fails ``pulumi preview`` with the reasons, naming the
stack file and every offending key, and creates no resource. The stack file
itself is read first, as the checker reads it, for the problems the engine
resolves without a word (a key written twice, a custom tag); then the config is
read as Pulumi hands it to the program (every structured value a JSON string)
and validated by the same reader as the checker's and the policy pack's.
"""

from __future__ import annotations

from contextvars import ContextVar
from pathlib import Path
from typing import Any

import pulumi
import yaml
from pulumi.runtime import config as runtime_config

from azure_openai_guarded.components.declaration import Declaration, read_stack_config
from azure_openai_guarded.components.guard import (
    GuardDeniedError,
    InvalidArgsError,
    default_environment,
    engine_config,
    provider_settings,
    reading_this_deployment,
    refuse_invalid_stack_file,
)
from azure_openai_guarded.components.outputs import ServiceOutputs, registered_outputs
from azure_openai_guarded.guards import PROJECT, DeclarationError, Problem
from azure_openai_guarded.guards.stackfile import misplaced_problems

RUNNING_FILE: ContextVar[Path | None] = ContextVar("running_file", default=None)
"""The stack file an offline harness (the plan) runs the program with, so that messages name it; unset under the
Pulumi CLI, which reads the file from ``stackConfigDir``."""


def stack_file(project_dir: Path) -> str:
    """The stack file Pulumi read the config from, relative to the project: ``stackConfigDir`` (from
    ``Pulumi.yaml``) and ``Pulumi.<stack>.yaml``; or the file the offline harness named in :data:`RUNNING_FILE`."""
    running = RUNNING_FILE.get()
    if running is not None:
        return str(running)
    name = f"Pulumi.{pulumi.get_stack()}.yaml"
    try:
        project = yaml.safe_load((project_dir / "Pulumi.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return name
    folder = project.get("stackConfigDir") if isinstance(project, dict) else None
    return f"{str(folder).rstrip('/')}/{name}" if isinstance(folder, str) and folder else name


def _config_names() -> list[str]:
    # pulumi.Config reads one key at a time and cannot list them; the runtime's map can, and a misspelt key
    # (say `guardprofile`) must not pass silently.
    return sorted({*runtime_config.CONFIG.get(), *runtime_config.get_config_env()})


def project_config() -> dict[str, Any]:
    """The project's config keys (without the namespace), values as the engine passes them."""
    # Each value as the engine gave it (engine_config), not as a PULUMI_CONFIG_<KEY> variable would replace it.
    prefix = f"{PROJECT}:"
    return {name[len(prefix) :]: engine_config(name) for name in _config_names() if name.startswith(prefix)}


def misplaced_keys() -> list[Problem]:
    """A key in a near miss of the project's namespace (``Azure-OpenAI-Guarded:guardProfile``), which the engine
    hands the program as it is written, wherever the config came from (review R19)."""
    return misplaced_problems(_config_names(), PROJECT)


def read_stack(project_dir: Path) -> Declaration:
    """The stack's declaration, validated and decided; raises a :class:`pulumi.RunError` if invalid or denied."""
    where = stack_file(project_dir)
    refuse_invalid_stack_file()
    misplaced = misplaced_keys()
    try:
        config = project_config()
        # Pulumi hands the program a secret decrypted; the checker sees only its `secure:` text and refuses it.
        secret = {key for key in config if runtime_config.is_config_secret(f"{PROJECT}:{key}")}
        with reading_this_deployment():
            declared = read_stack_config(
                config, environment=default_environment(), secret_keys=secret, providers=provider_settings()
            )
    except DeclarationError as error:
        problems = [*misplaced, *error.problems]
        raise InvalidArgsError(where, problems, map(str, problems), "the declaration is invalid") from None
    if misplaced:
        raise InvalidArgsError(where, misplaced, map(str, misplaced), "the declaration is invalid")
    if not declared.verdict.allowed:
        raise GuardDeniedError(where, declared.verdict, "this stack")
    return declared


def stack_outputs(service: ServiceOutputs, declared: Declaration) -> dict[str, Any]:
    """The stack's outputs: the component's, with the verdict written as the checker's report writes it
    (camelCase at every depth), so a stack's outputs and its checker report read the same."""
    return {**registered_outputs(service), "verdict": declared.verdict.to_dict()}
