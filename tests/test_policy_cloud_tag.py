"""The pack fails a resource that goes to another cloud than the one its use case was decided for.

A resource a guarded component registered is judged by that component (its URN's ancestry), whatever its tags
say: the project's stacks, their children moved to another provider as a transform would move them. The raw
programs register ``pulumi_azure_native`` resources carrying the tag the components set, as a program in any
language could, in a consumer stack with no declaration in this project's config namespace: there the tag can
only add a refusal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pulumi.runtime
import pytest
from pulumi_policy.proxy import UNKNOWN_STRING_VALUE

from azure_openai_guarded.components.clouds import COMMERCIAL, GOVERNMENT
from azure_openai_guarded.guards import tags
from azure_openai_guarded.guards.policies.cloud_tag import (
    COMMERCIAL_COMPONENT,
    COMPONENT_CLOUDS,
    GOVERNMENT_COMPONENT,
    GUARD_CLOUD_PROVIDER,
    decided_by,
)
from azure_openai_guarded.guards.projectfile import read_stack
from mockengine.analyzer import Violation, analyze
from mockengine.config import engine_config
from mockengine.program import ProgramRun, Registered, run_program

PROGRAM = """
import pulumi
import pulumi_azure_native as azure_native

{provider}
azure_native.resources.ResourceGroup("rg", location="eastus2", tags={{"{tag}": "{cloud}"}}, opts=opts)
"""

NO_CLOUD_TAG = """
import pulumi_azure_native as azure_native

azure_native.resources.ResourceGroup("rg", location="eastus2", tags={{"{tag}": "allowed"}})
"""

ON_DEFAULT = "opts = None"
ON_GOVERNMENT = "opts = pulumi.ResourceOptions(provider=azure_native.Provider('gov', environment='usgovernment'))"
ON_PUBLIC = "opts = pulumi.ResourceOptions(provider=azure_native.Provider('pub', environment='public'))"
ON_METADATA_HOST = (
    "opts = pulumi.ResourceOptions(provider=azure_native.Provider('mh', metadata_host='management.example.net'))"
)
ON_UNKNOWN = (
    "other = azure_native.resources.ResourceGroup('other', location='eastus2')\n"
    "opts = pulumi.ResourceOptions(provider=azure_native.Provider('later', environment=other.id))"
)


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def violations(
    tmp_path: Path, provider: str, cloud: str, stack_config: dict[str, str] | None = None, source: str = PROGRAM
) -> list[str]:
    program = tmp_path / "__main__.py"
    tag = tags.CLOUD if source is PROGRAM else tags.VERDICT
    program.write_text(source.format(provider=provider, tag=tag, cloud=cloud), encoding="utf-8")
    config = {"azure-native:location": "eastus2", **(stack_config or {})}
    run = run_program(config, stack="consumer", program=program, outputs_for=None)
    assert run.error is None, run.error
    found: list[Violation] = analyze(run.resources, engine_config(config))
    return [v.message for v in found if v.policy == GUARD_CLOUD_PROVIDER and v.mandatory]


def test_a_resource_decided_for_commercial_azure_on_a_government_provider_fails(tmp_path: Path) -> None:
    (message,) = violations(tmp_path, ON_GOVERNMENT, "public")
    assert "decided for `public`" in message
    assert "deploys to `usgovernment`" in message


def test_a_resource_decided_for_commercial_azure_on_a_default_provider_set_to_government_fails(
    tmp_path: Path,
) -> None:
    (message,) = violations(tmp_path, ON_DEFAULT, "public", {"azure-native:environment": "usgovernment"})
    assert "deploys to `usgovernment`" in message


def test_a_resource_decided_for_government_on_the_public_default_provider_fails(tmp_path: Path) -> None:
    (message,) = violations(tmp_path, ON_DEFAULT, "usgovernment")
    assert "deploys to `public`" in message


def test_a_provider_with_a_metadata_host_fails_as_an_unknown_cloud(tmp_path: Path) -> None:
    (message,) = violations(tmp_path, ON_METADATA_HOST, "public")
    assert "cannot be established before deployment" in message


def test_a_provider_whose_environment_is_unknown_before_deployment_fails(tmp_path: Path) -> None:
    (message,) = violations(tmp_path, ON_UNKNOWN, "public")
    assert "cannot be established before deployment" in message


@pytest.mark.parametrize(
    ("provider", "cloud", "stack_config"),
    [
        (ON_DEFAULT, "public", {}),
        (ON_PUBLIC, "public", {}),
        (ON_GOVERNMENT, "usgovernment", {}),
        (ON_DEFAULT, "usgovernment", {"azure-native:environment": "usgovernment"}),
    ],
)
def test_a_resource_whose_provider_deploys_where_it_was_decided_passes(
    tmp_path: Path, provider: str, cloud: str, stack_config: dict[str, str]
) -> None:
    assert violations(tmp_path, provider, cloud, stack_config) == []


def test_a_resource_with_the_guards_verdict_but_no_cloud_tag_fails(tmp_path: Path) -> None:
    (message,) = violations(tmp_path, ON_DEFAULT, "public", source=NO_CLOUD_TAG)
    assert f"but not the cloud it was decided for (tag `{tags.CLOUD}`)" in message


# What a transform on the component (the component package's, in any language) or a stack transformation can do:
# move the component's children to another provider and rewrite their tags. It cannot change their parent or type,
# so the URN still says which component registered them, and the cloud that component decided for.
STACKS = Path(__file__).resolve().parent.parent / "stacks"


def stack_run(stack: str) -> tuple[ProgramRun, dict[str, str]]:
    config = read_stack(STACKS / f"Pulumi.{stack}.yaml").full_config()
    run = run_program(config, stack=stack)
    assert run.error is None, run.error
    return run, engine_config(config)


def moved(run: ProgramRun, **provider_inputs: Any) -> tuple[list[Registered], set[str]]:
    """The run's registrations with every Azure resource of a guarded component moved to a new provider with
    ``provider_inputs``, its cloud tag rewritten to match, as a transform would; and the moved resources' URNs."""
    prefix = "::".join(run.resources[0].urn.split("::")[:2])
    provider_urn = f"{prefix}::pulumi:providers:azure-native::moved"
    provider = Registered(provider_urn, "pulumi:providers:azure-native", "moved", True, provider_inputs, "", (), "")
    environment = provider_inputs.get("environment")
    registrations, urns = [], set()
    for registration in run.resources:
        if registration.type.startswith("azure-native:") and decided_by(registration.urn) is not None:
            inputs = dict(registration.inputs)
            if isinstance(inputs.get("tags"), dict) and isinstance(environment, str):
                inputs["tags"] = {**inputs["tags"], tags.CLOUD: environment}
            registration = replace(registration, inputs=inputs, provider=f"{provider_urn}::moved-id")
            urns.add(registration.urn)
        registrations.append(registration)
    return [provider, *registrations], urns


MOVES = [
    # (stack, the new provider's inputs, whether the move keeps the cloud the component decided for)
    ("dev", {"environment": "usgovernment", "location": "usgovvirginia"}, False),
    ("dev", {"metadataHost": "management.usgovcloudapi.net"}, False),
    ("dev", {"environment": "public", "metadataHost": "management.example.net"}, False),
    ("dev", {"environment": UNKNOWN_STRING_VALUE}, False),
    ("dev", {"environment": "china"}, False),
    ("dev", {"environment": "public"}, True),
    ("dev", {}, True),
    ("gov", {"environment": "public"}, False),
    ("gov", {}, False),
    ("gov", {"environment": "usgovernment"}, True),
]


@pytest.mark.parametrize(("stack", "provider_inputs", "keeps"), MOVES)
def test_a_components_children_moved_to_another_cloud_fail_whatever_their_tags_say(
    stack: str, provider_inputs: dict[str, Any], keeps: bool
) -> None:
    run, config = stack_run(stack)
    registrations, urns = moved(run, **provider_inputs)
    assert urns, "the stack registered no resource of a guarded component"
    flagged = {v.urn for v in analyze(registrations, config) if v.policy == GUARD_CLOUD_PROVIDER and v.mandatory}
    assert flagged == (set() if keeps else urns)


def test_the_stacks_as_the_components_register_them_pass() -> None:
    for stack in ("dev", "gov", "foundry"):
        run, config = stack_run(stack)
        assert [v.message for v in analyze(run.resources, config) if v.policy == GUARD_CLOUD_PROVIDER] == []


def test_the_message_names_the_component_its_cloud_and_the_rewritten_tag() -> None:
    run, config = stack_run("dev")
    registrations, _ = moved(run, environment="usgovernment")
    message = next(v.message for v in analyze(registrations, config) if v.policy == GUARD_CLOUD_PROVIDER)
    assert "registered by AzureOpenAIService, which decided its use case for commercial Azure" in message
    assert "deploys to `usgovernment`" in message
    assert f"its tag `{tags.CLOUD}` says `usgovernment`, which decides nothing" in message


GOV_CHAIN = f"{GOVERNMENT_COMPONENT}${COMMERCIAL_COMPONENT}$azure-native:cognitiveservices:Account"


@pytest.mark.parametrize(
    ("urn", "component"),
    [
        (f"urn:pulumi:s::p::{COMMERCIAL_COMPONENT}$azure-native:cognitiveservices:Account::a", COMMERCIAL_COMPONENT),
        (f"urn:pulumi:s::p::{GOV_CHAIN}::a", GOVERNMENT_COMPONENT),
        (f"urn:pulumi:s::p::{COMMERCIAL_COMPONENT}${GOVERNMENT_COMPONENT}$azure-native:x:Y::a", GOVERNMENT_COMPONENT),
        (f"urn:pulumi:s::p::my:app:Platform${COMMERCIAL_COMPONENT}$azure-native:x:Y::a", COMMERCIAL_COMPONENT),
        (f"urn:pulumi:s::p::{COMMERCIAL_COMPONENT}$azure-native:x:Y::a::b$c", COMMERCIAL_COMPONENT),
        ("urn:pulumi:s::p::my:app:Platform$azure-native:x:Y::a", None),
        (f"urn:pulumi:s::p::{COMMERCIAL_COMPONENT}::svc", None),
        ("urn:pulumi:s::p::azure-native:x:Y::a", None),
        ("not-a-urn", None),
    ],
)
def test_a_resource_is_judged_by_the_guarded_component_among_its_ancestors(urn: str, component: str | None) -> None:
    found = decided_by(urn)
    assert (found[0] if found else None) == component


def test_the_component_tokens_are_the_components_own() -> None:
    from azure_openai_guarded.components import government, openai_service

    assert (COMMERCIAL_COMPONENT, GOVERNMENT_COMPONENT) == (openai_service.TYPE_TOKEN, government.TYPE_TOKEN)
    assert dict(COMPONENT_CLOUDS) == {COMMERCIAL_COMPONENT: COMMERCIAL, GOVERNMENT_COMPONENT: GOVERNMENT}


def test_the_mock_engine_gives_the_engines_urns_with_every_ancestors_type() -> None:
    run, _ = stack_run("gov")
    (account,) = run.of_type("azure-native:cognitiveservices:Account")
    assert account.urn.split("::")[2] == GOV_CHAIN
    roots = [r for r in run.resources if not r.parent or r.parent.split("::")[2] == "pulumi:pulumi:Stack"]
    assert roots
    assert all("$" not in r.urn.split("::")[2] for r in roots)
