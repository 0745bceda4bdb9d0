"""Builders for declarations and stack files, so each test states only what it is about.

Values are plain dicts in the stack file's camelCase, exactly what a user writes.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.components.declaration import Declaration, read_stack_config
from azure_openai_guarded.guards import PROJECT, Verdict, rules
from mockengine.config import engine_config


def use_case(**overrides: Any) -> dict[str, Any]:
    """A commercial, US, text-only use case: allowed with no findings. ``overrides`` replace top-level keys."""
    base: dict[str, Any] = {
        "name": "support-bot",
        "purpose": "Answer billing questions in the customer support portal.",
        "owner": "support-platform@example.com",
        "operator": {"sector": "commercial", "country": "US"},
        "capabilities": ["text_generation"],
    }
    base.update(copy.deepcopy(overrides))
    return base


REDACTION = "Blur the faces of bystanders in body-worn camera video before it is released."
"""A purpose that says what face detection does with the faces: what a US police department's must say."""


def police(country: str = "US") -> dict[str, str]:
    return {"sector": "law_enforcement", "country": country}


def vendor(country: str = "US") -> dict[str, str]:
    return {"sector": "commercial", "country": country}


def fr_facts(
    realtime: bool = False, cameras: tuple[str, ...] = ("fixed",), environment: str = "controlled"
) -> dict[str, Any]:
    return {"realtime": realtime, "cameras": list(cameras), "environment": environment}


def vendor_matching() -> dict[str, Any]:
    """A US vendor's face matching at fixed cameras in a controlled place, for no one else: allowed on its own."""
    return use_case(
        name="visitor-match",
        purpose="Compare stills with reference photos and return the closest record.",
        operator=vendor(),
        servedParties=[],
        capabilities=["facial_recognition"],
        facialRecognition=fr_facts(),
        humanReview=True,
    )


def config(
    use_case_: dict[str, Any] | None = None,
    *,
    cloud: str = "public",
    profile: str | None = None,
) -> dict[str, Any]:
    """The project's config, keys without the namespace prefix, as ``read_stack_config`` takes it: the smallest
    valid service in ``cloud`` (a region of that cloud, an existing resource group, no deployments)."""
    location = "usgovvirginia" if cloud == "usgovernment" else "eastus2"
    service = {"cloud": cloud, "location": location, "resourceGroupName": "rg-support-bot"}
    out: dict[str, Any] = {"service": service}
    if profile is not None:
        out["guardProfile"] = profile
    if use_case_ is not None:
        out["useCase"] = use_case_
    return out


def declare(project_config: dict[str, Any], environment: Any = None) -> Declaration:
    """``project_config`` read and decided as every entry point reads a stack's config."""
    return read_stack_config(project_config, environment=environment)


def decide(project_config: dict[str, Any]) -> Verdict:
    """The verdict on ``project_config``."""
    return declare(project_config).verdict


def stack_document(project_config: dict[str, Any], **other: Any) -> dict[str, Any]:
    """A whole stack file: the project's keys namespaced, plus other namespaces' keys given in full."""
    namespaced = {f"{PROJECT}:{key}": value for key, value in project_config.items()}
    return {"config": {"azure-native:location": "eastus2", **namespaced, **other}}


def engine_passes(monkeypatch: pytest.MonkeyPatch, stack_config: dict[str, Any]) -> None:
    """Hand the pack ``stack_config`` (full keys) as the engine does: in ``PULUMI_CONFIG``."""
    monkeypatch.setenv("PULUMI_CONFIG", json.dumps(engine_config(stack_config)))


def write_stack(folder: Path, stack: str, project_config: dict[str, Any]) -> Path:
    """Write ``Pulumi.<stack>.yaml`` into ``folder`` and return its path."""
    path = folder / f"Pulumi.{stack}.yaml"
    path.write_text(yaml.safe_dump(stack_document(project_config), sort_keys=False), encoding="utf-8")
    return path


EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "law-enforcement"
"""The law-enforcement example stacks, outside ``stacks/``."""

EXAMPLE_VERDICTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ca-patrol-undeclared": ("denied", (rules.DECLARATION_INCOMPLETE.id, rules.FR_ADVISORY.id)),
    "eu-protest-drones": ("denied", (rules.FR_REALTIME_MOBILE_UNCONTROLLED.id, rules.FR_ADVISORY.id)),
    "uk-custody-suite": ("allowed-with-warnings", (rules.FR_ADVISORY.id,)),
    "us-bodycam-reports": ("allowed", ()),
    "us-sheriff-booking": ("denied", (rules.FR_US_LAW_ENFORCEMENT.id,)),
    "us-vendor-redaction": ("allowed", ()),
}
"""Each example stack's verdict label and rule ids, as the examples' README shows them."""
