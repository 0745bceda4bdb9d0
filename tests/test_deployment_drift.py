"""A deployment's SKU, capacity, content-filter policy and version-upgrade option change in place.

Azure updates these on the existing deployment (a PUT to the same deployment
name), so the component sets no ``replaceOnChanges`` or ``deleteBeforeReplace``
on a deployment: a replacement would delete a serving deployment, and with the
same name the create would first fail on the name still in use. What Azure
itself forces is kept by the azure-native provider: a new account, resource
group or deployment name is a new resource, and so a replacement.

These tests read what the component asks the engine for, in each
registration; the engine tier (tests/engine/test_engine_deployment_drift.py)
previews the same changes through the real engine.
"""

from __future__ import annotations

from typing import Any, ClassVar

import pytest

import mockengine.program
from mockengine.program import ProgramRun, RecordingMonitor
from tests.samples import build, deployments, service_args

DEPLOYMENT = "azure-native:cognitiveservices:Deployment"


class OptionsMonitor(RecordingMonitor):
    """Also keeps, per resource name, the options the registration asked the engine for."""

    options: ClassVar[dict[str, dict[str, Any]]] = {}

    def RegisterResource(self, request: Any) -> Any:  # noqa: N802 - the gRPC method's name
        OptionsMonitor.options[request.name] = {
            "replace_on_changes": list(request.replaceOnChanges),
            "delete_before_replace": request.deleteBeforeReplace,
            "ignore_changes": list(request.ignoreChanges),
            "type": request.type,
        }
        return super().RegisterResource(request)


@pytest.fixture
def options(monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, Any]]:
    OptionsMonitor.options = {}
    monkeypatch.setattr(mockengine.program, "RecordingMonitor", OptionsMonitor)
    return OptionsMonitor.options


def deployed(**deployment: Any) -> ProgramRun:
    base = deployments(1)[0] | deployment
    result = build(service_args(deployments=[base], rai_policies=[{"name": "strict"}, {"name": "lenient"}]))
    assert result.error is None, result.error
    return result


def test_no_deployment_is_registered_to_be_replaced_on_any_change(options: dict[str, dict[str, Any]]) -> None:
    deployed(rai_policy="strict")
    (name,) = [n for n, o in options.items() if o["type"] == DEPLOYMENT]
    assert options[name]["replace_on_changes"] == []
    assert options[name]["delete_before_replace"] is False
    assert options[name]["ignore_changes"] == []


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ({"sku": "GlobalStandard"}, {"sku": "DataZoneStandard"}),
        ({"capacity": 10}, {"capacity": 50}),
        ({"rai_policy": "strict"}, {"rai_policy": "lenient"}),
        ({"version_upgrade_option": "OnceCurrentVersionExpired"}, {"version_upgrade_option": "NoAutoUpgrade"}),
    ],
    ids=["sku", "capacity", "raiPolicyName", "versionUpgradeOption"],
)
def test_a_change_reaches_the_same_deployment_as_an_update_of_its_inputs(
    options: dict[str, dict[str, Any]], before: dict[str, Any], after: dict[str, Any]
) -> None:
    old, new = deployed(**before).of_type(DEPLOYMENT)[0], deployed(**after).of_type(DEPLOYMENT)[0]
    # The same resource (URN and Azure name), with different inputs and nothing asking for a replacement.
    assert old.urn == new.urn
    assert old.inputs["deploymentName"] == new.inputs["deploymentName"]
    assert old.inputs != new.inputs
    assert all(not o["replace_on_changes"] and not o["delete_before_replace"] for o in options.values())
