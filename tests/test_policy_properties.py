"""Invariants of the pack over generated declarations, checked against the independent oracle of the terms.

The pack must deny exactly what the guard denies (one source of truth), and
the Face policy must deny exactly when a party is US law enforcement.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from pulumi_policy import (
    PolicyCustomTimeouts,
    PolicyResourceOptions,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import unknown_checking_proxy

from azure_openai_guarded.guards.policies import all_policies
from azure_openai_guarded.guards.policies.stack_context import stack_context
from azure_openai_guarded.guards.policies.use_case import FACE_US_LAW_ENFORCEMENT, USE_CASE_VERDICT
from tests.declarations import decide, stack_document
from tests.oracle import UNITED_STATES, expected_allowed
from tests.strategies import declarations


def policies_for(project_config: dict[str, Any]) -> dict[str, Any]:
    """The pack's policies, reading ``project_config`` as the engine would hand it over."""
    engine_config = {
        key: value if isinstance(value, str) else json.dumps(value)
        for key, value in stack_document(project_config)["config"].items()
    }
    context = stack_context(engine_config)
    return {policy.name: policy for policy in all_policies(lambda: context)}


def stack_violations(project_config: dict[str, Any]) -> list[str]:
    policy = policies_for(project_config)[USE_CASE_VERDICT]
    assert isinstance(policy, StackValidationPolicy)
    messages: list[str] = []
    policy.validate(StackValidationArgs([]), lambda message, _urn: messages.append(message))
    return messages


def face_violations(project_config: dict[str, Any]) -> list[str]:
    policy = policies_for(project_config)[FACE_US_LAW_ENFORCEMENT]
    assert isinstance(policy, ResourceValidationPolicy)
    opts = PolicyResourceOptions(False, [], None, [], PolicyCustomTimeouts(0, 0, 0), [], None)
    props = unknown_checking_proxy({"kind": "Face", "sku": {"name": "S0"}})
    args = ResourceValidationArgs("azure-native:cognitiveservices:Account", props, "urn", "faces", opts, None)
    messages: list[str] = []
    policy.validate(args, lambda message, _urn: messages.append(message))
    return messages


@given(declarations())
def test_the_pack_denies_exactly_what_the_oracle_denies_with_the_engines_rule_ids(config: dict[str, Any]) -> None:
    messages = stack_violations(config)
    assert (messages == []) is expected_allowed(config)
    denials = [f.rule for f in decide(config).denials]
    assert [m.split("]")[0].removeprefix("[") for m in messages] == denials


def us_law_enforcement(config: dict[str, Any]) -> bool:
    use_case = config.get("useCase")
    if use_case is None or "servedParties" not in use_case:
        return True  # nothing declared rules it out: the parties left out may be US police ("by or for")
    government = config["service"]["cloud"] == "usgovernment"
    parties = [use_case["operator"], *use_case.get("servedParties", [])]
    return any(
        p["sector"] == "law_enforcement" and (p["country"].strip().upper() in UNITED_STATES or government)
        for p in parties
    )


@given(declarations())
def test_a_face_account_is_denied_exactly_when_a_party_may_be_us_law_enforcement(config: dict[str, Any]) -> None:
    assert bool(face_violations(config)) is us_law_enforcement(config)
