"""Every stack in stacks/, through the real Pulumi engine and the policy pack; only Azure is stood in for.

The offline plan (``python -m plan``) runs the same program under Pulumi's mock runtime. Here the engine's own
record of each registration is compared with it, resource by resource: where they disagree, the engine is right
and the plan is what must change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from plan.planner import plan_file
from tests.engine.harness import REPO, Engine, stack_names

STACKS = stack_names()
DEFAULT_PROVIDER = "default"


def _urn_key(urn: str) -> tuple[str, str]:
    """A URN's (type, name), which is what both the engine and the plan name a resource by."""
    _, _, qualified_type, name = urn.rsplit("::", 3)
    return qualified_type.rsplit("$", 1)[-1], name


def _provider_name(reference: str) -> str:
    """A provider reference (``urn::id``) by the provider's name; every default provider is ``default``."""
    if not reference:
        return DEFAULT_PROVIDER
    _, name = _urn_key(reference.rsplit("::", 1)[0])
    return DEFAULT_PROVIDER if name.startswith("default") else name


def _engine_registrations(preview: dict[str, Any]) -> list[tuple[str, str, tuple[str, str] | None, str]]:
    rows = []
    for step in preview["steps"]:
        state = step["newState"]
        if state["type"] in {"pulumi:pulumi:Stack"} or state["type"].startswith("pulumi:providers:"):
            if state["type"].startswith("pulumi:providers:") and not _urn_key(state["urn"])[1].startswith("default"):
                rows.append((state["type"], _urn_key(state["urn"])[1], _parent(state.get("parent", "")), ""))
            continue
        provider = _provider_name(state.get("provider", "")) if state.get("custom") else ""
        rows.append((state["type"], _urn_key(state["urn"])[1], _parent(state.get("parent", "")), provider))
    return sorted(rows, key=str)


def _parent(urn: str) -> tuple[str, str] | None:
    if not urn:
        return None
    key = _urn_key(urn)
    return None if key[0] == "pulumi:pulumi:Stack" else key


def _plan_registrations(stack: str) -> list[tuple[str, str, tuple[str, str] | None, str]]:
    planned = plan_file(REPO / "stacks" / f"Pulumi.{stack}.yaml")
    assert planned.run is not None, planned.problems
    rows = []
    for r in planned.run.resources:
        provider = _provider_name(r.provider) if r.custom and not r.type.startswith("pulumi:providers:") else ""
        rows.append((r.type, r.name, _parent(r.parent), provider))
    return sorted(rows, key=str)


@pytest.mark.parametrize("stack", STACKS)
def test_preview_with_the_policy_pack_passes_and_registers_what_the_offline_plan_prints(
    engine: Engine, stack: str
) -> None:
    engine.init(stack)
    text = engine.preview(stack)
    assert text.code == 0, text.text
    assert "azure-openai-guarded@v" in text.out, "the policy pack did not run"
    assert "Traceback" not in text.text

    preview = engine.preview(stack, "--json")
    assert preview.code == 0, preview.text
    steps = preview.json()
    assert isinstance(steps, dict)
    assert _engine_registrations(steps) == _plan_registrations(stack)


@pytest.mark.parametrize("stack", STACKS)
def test_up_exports_the_verdict_and_outputs_and_destroy_leaves_an_empty_stack(engine: Engine, stack: str) -> None:
    engine.init(stack)
    up = engine.run("up", "--yes", "--stack", stack, "--policy-pack", str(engine.project / "guards" / "policy_pack"))
    assert up.code == 0, up.text

    outputs = engine.run("stack", "output", "--json", "--show-secrets", "--stack", stack, check=True).json()
    assert isinstance(outputs, dict)
    planned = plan_file(REPO / "stacks" / f"Pulumi.{stack}.yaml")
    assert planned.run is not None
    assert outputs["verdict"]["verdict"] == "allowed"
    assert outputs["verdict"] == planned.run.outputs["verdict"]
    assert set(outputs) == set(planned.run.outputs)
    account = next(r for r in engine.resources(stack) if r["type"] == "azure-native:cognitiveservices:Account")
    # The endpoint the component exports is the one Azure (here, the stand-in) reports for the account.
    assert outputs["endpoint"] == account["outputs"]["properties"]["endpoint"]
    assert outputs["accountId"] == account["id"]
    assert outputs["principalId"] == account["outputs"]["identity"]["principalId"]
    assert outputs["accountName"] == account["outputs"]["name"]

    destroy = engine.run("destroy", "--yes", "--stack", stack)
    assert destroy.code == 0, destroy.text
    assert engine.resources(stack) == []


def test_the_stand_in_refuses_a_property_the_real_resource_does_not_have(engine: Engine) -> None:
    """The stand-in checks inputs against pulumi_azure_native's own input types, so a misspelt one fails."""
    main = engine.project / "__main__.py"
    main.write_text(
        "import pulumi\n"
        "from pulumi_azure_native import cognitiveservices\n\n"
        "cognitiveservices.Account('raw', resource_group_name='rg', kind='OpenAI',\n"
        "    sku=cognitiveservices.SkuArgs(name='S0'),\n"
        "    properties={'disableLocalAuth': True, 'publicNetworkAcess': 'Disabled'})\n"
    )
    _write_stack(engine.project, "typo")
    engine.init("typo")
    result = engine.preview("typo", pack=False)
    assert result.code != 0
    assert "properties.publicNetworkAcess" in result.text
    assert "AccountPropertiesArgs" in result.text


def _write_stack(project: Path, stack: str) -> None:
    (project / "stacks" / f"Pulumi.{stack}.yaml").write_text("config:\n  azure-native:location: eastus2\n")
