"""The policy pack's verdicts in the offline plan, and the ``--policy-pack-config`` file that tunes them.

A pull request from a fork gets no secret, so no ``pulumi preview --policy-pack``.
The plan hands what the program registered to the pack's own policies instead
(:func:`mockengine.analyzer.analyze`), with the stack's config as the engine
passes it, so every pull request shows the same policy results.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Final

from pulumi_policy import EnforcementLevel

from azure_openai_guarded.guards.policies.pack import all_policies
from mockengine.analyzer import Violation, analyze
from mockengine.config import engine_config
from mockengine.program import Registered

ENFORCEMENT_LEVEL: Final = "enforcementLevel"
ALL: Final = "all"
"""The key that sets the level of every policy of the pack, as in Pulumi's policy config."""
LEVELS: Final = ("advisory", "mandatory", "disabled")

PolicyConfig = dict[str, dict[str, Any]]
"""Each policy's config, keyed by policy name, as :func:`analyze` takes it."""

_JSON_TYPES: Final[Mapping[str, type | tuple[type, ...]]] = {
    "boolean": bool,
    "string": str,
    "integer": int,
    "number": (int, float),
    "array": list,
    "object": dict,
}


class PolicyConfigError(Exception):
    """The policy pack config cannot be used; the message names the file and every problem in it."""


def _schema_problems(name: str, options: Mapping[str, Any], schema: Mapping[str, Mapping[str, Any]]) -> list[str]:
    problems: list[str] = []
    for key, value in options.items():
        if key == ENFORCEMENT_LEVEL:
            if value not in LEVELS:
                problems.append(f"{name}.{key}: {value!r} is not one of {', '.join(LEVELS)}")
            continue
        if key not in schema:
            known = ", ".join(sorted(schema)) or "none"
            problems.append(f"{name}.{key}: unknown option (this policy's options: {known})")
            continue
        expected = _JSON_TYPES.get(str(schema[key].get("type")))
        if expected is None:
            continue
        # Python's bool is an int; JSON's true is no number.
        if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            problems.append(f"{name}.{key}: {value!r} is not a {schema[key]['type']}")
    return problems


def parse_policy_config(document: Any) -> tuple[PolicyConfig, list[str]]:
    """The per-policy config a ``--policy-pack-config`` document sets, and every problem in it.

    A value is either an enforcement level or an object with ``enforcementLevel`` and the policy's
    options; ``all`` sets the level of every policy, and a policy's own level overrides it.
    """
    if not isinstance(document, dict):
        return {}, ["the file must hold a JSON object keyed by policy name"]
    schemas: dict[str, Mapping[str, Mapping[str, Any]]] = {
        policy.name: policy.config_schema.properties if policy.config_schema else {} for policy in all_policies()
    }
    problems: list[str] = []
    entries: PolicyConfig = {}
    for name, value in document.items():
        options = {ENFORCEMENT_LEVEL: value} if isinstance(value, str) else value
        if not isinstance(options, dict):
            problems.append(f"{name}: must be an enforcement level or an object, not {json.dumps(value)}")
            continue
        if name == ALL:
            schema: Mapping[str, Mapping[str, Any]] = {}
        elif name in schemas:
            schema = schemas[name]
        else:
            problems.append(f"{name}: no such policy in the pack (its policies: {', '.join(schemas)})")
            continue
        problems += _schema_problems(name, options, schema)
        entries[name] = dict(options)
    every = entries.pop(ALL, {})
    config = {name: every | entries.get(name, {}) for name in schemas if every or name in entries}
    return config, problems


def load_policy_config(path: Path) -> PolicyConfig:
    """Read a ``--policy-pack-config`` file (JSON keyed by policy name, as ``pulumi preview`` takes it)."""
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise PolicyConfigError(f"{path}: cannot read the policy pack config: {error.strerror or error}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise PolicyConfigError(f"{path}: the policy pack config is not valid JSON: {error}") from None
    config, problems = parse_policy_config(document)
    if problems:
        raise PolicyConfigError("\n".join(f"{path}: {problem}" for problem in problems))
    return config


def disabled_mandatory(policy_config: PolicyConfig | None) -> tuple[str, ...]:
    """The pack's mandatory policies that ``policy_config`` disables: the plan names them, since a guard policy
    turned off reports nothing, which reads like a pass."""
    if not policy_config:
        return ()
    return tuple(
        policy.name
        for policy in all_policies()
        if policy.enforcement_level == EnforcementLevel.MANDATORY
        and policy_config.get(policy.name, {}).get(ENFORCEMENT_LEVEL) == "disabled"
    )


def policy_verdicts(
    resources: Sequence[Registered], config: Mapping[str, Any], policy_config: PolicyConfig | None = None
) -> list[Violation]:
    """Every violation the pack reports for a stack with ``config`` (full keys) that registers ``resources``."""
    return analyze(resources, engine_config(config), policy_config)
