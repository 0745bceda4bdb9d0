"""Through the real engine: a deployment's SKU, capacity, content-filter policy and upgrade option change in place.

The Foundry stack goes up, its stack file changes those four settings, and the next preview's plan must
update each deployment where it stands: no replacement, no delete-before-replace. The stand-in azure-native
provider replaces only on the inputs Azure itself cannot change (names, location, group, kind, scope), so a
replacement here would come from the options the component registers.
"""

from __future__ import annotations

from typing import Any

import yaml

from tests.engine.harness import Engine

SERVICE = "azure-openai-guarded:service"
DEPLOYMENT = "azure-native:cognitiveservices:Deployment"
REPLACING = {"replace", "create-replacement", "delete-replaced", "discard-replaced"}


def change_deployments(engine: Engine) -> None:
    path = engine.project / "stacks" / "Pulumi.foundry.yaml"
    document: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    service = document["config"][SERVICE]
    service["raiPolicies"].append({"name": "foundry-medium"})
    chat, mini = service["deployments"]
    chat |= {"sku": "GlobalStandard", "capacity": 150}
    mini |= {"raiPolicy": "foundry-medium", "versionUpgradeOption": "NoAutoUpgrade"}
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")


def test_changing_sku_capacity_policy_and_upgrade_option_updates_the_deployments_in_place(engine: Engine) -> None:
    engine.init("foundry")
    engine.run("up", "--yes", "--stack", "foundry", check=True)
    change_deployments(engine)

    preview = engine.run("preview", "--json", "--diff", "--stack", "foundry", check=True).json()
    assert isinstance(preview, dict)
    ops = {step["urn"].rsplit("::", 1)[-1]: step["op"] for step in preview["steps"] if DEPLOYMENT in step["urn"]}
    assert ops == {"support-assistant-deployment-chat": "update", "support-assistant-deployment-chat-mini": "update"}
    assert not {step["op"] for step in preview["steps"]} & REPLACING
