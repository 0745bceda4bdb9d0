"""Validate a component's arguments before anything is registered, reporting every problem at once."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pulumi
from pydantic import ValidationError
from pydantic.alias_generators import to_camel

from azure_openai_guarded.guards import GuardProfile, Problem, UseCase
from azure_openai_guarded.guards.declaration import problems_from

from .catalogue import Catalogue
from .checks import catalogue_for, check_service, python_naming
from .clouds import CloudFacts
from .settings import ARGS_ONLY, ServiceSettings


class InvalidArgsError(pulumi.RunError):
    """A component's arguments cannot be provisioned; ``problems`` lists every reason.

    A :class:`pulumi.RunError`, so the Pulumi CLI prints the message without a traceback.
    """

    def __init__(self, component: str, name: str, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  {p.path or 'args'}: {p.message}" for p in self.problems)
        super().__init__(f"{component} {name!r}: the arguments are invalid; nothing was created.\n{lines}")


@dataclass(frozen=True)
class ValidArgs:
    """A component's arguments, validated."""

    use_case: UseCase
    profile: GuardProfile
    settings: ServiceSettings
    catalogue: Catalogue


_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])([A-Z])")


def _snake_path(path: str) -> str:
    return _CAMEL_HUMP.sub(lambda m: "_" + m.group(1).lower(), path)


def camel_keys(value: Any) -> Any:
    """A use-case dict with Python keys, keyed as the guard's models (and stack files) expect."""
    if isinstance(value, Mapping):
        return {to_camel(str(k)) if "_" in str(k) else k: camel_keys(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [camel_keys(v) for v in value]
    return value


def _use_case(value: Any) -> tuple[UseCase | None, list[Problem]]:
    if value is None:
        return None, [Problem("use_case", "required: the guard decides the use-case declaration before deploying")]
    try:
        return UseCase.model_validate(camel_keys(value)), []
    except ValidationError as error:
        return None, [Problem(_snake_path(p.path), p.message) for p in problems_from(error, ("use_case",))]


def _profile(value: Any) -> tuple[GuardProfile, list[Problem]]:
    if value is None:
        return GuardProfile.TERMS, []
    try:
        return GuardProfile(value), []
    except ValueError:
        choices = ", ".join(p.value for p in GuardProfile)
        return GuardProfile.TERMS, [Problem("guard_profile", f"must be one of {choices} (got {value!r})")]


def validate_args(component: str, name: str, args: Any, cloud: CloudFacts, found: Sequence[Problem] = ()) -> ValidArgs:
    """Validate ``args`` for ``cloud``; raise :class:`InvalidArgsError` listing every problem, ``found`` first
    (what the caller found wrong outside ``args``, such as its resource options)."""
    if not isinstance(args, Mapping):
        shape = Problem("", f"args must be a dict (got {type(args).__name__})")
        raise InvalidArgsError(component, name, [*found, shape])
    use_case, use_case_problems = _use_case(args.get("use_case"))
    problems = [*found, *use_case_problems]
    profile, profile_problems = _profile(args.get("guard_profile"))
    problems += profile_problems
    settings: ServiceSettings | None = None
    try:
        settings = ServiceSettings.model_validate({k: v for k, v in args.items() if k not in ARGS_ONLY})
    except ValidationError as error:
        problems += [Problem(_snake_path(p.path), p.message) for p in problems_from(error)]
    if settings is not None:
        problems += check_service(settings, cloud, python_naming)
    if problems or use_case is None or settings is None:
        raise InvalidArgsError(component, name, problems)
    return ValidArgs(use_case=use_case, profile=profile, settings=settings, catalogue=catalogue_for(settings, cloud))
