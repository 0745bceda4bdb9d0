"""The pack fails a resource whose guard cloud tag disagrees with where its provider sends it.

The programs register raw ``pulumi_azure_native`` resources carrying the tag the components set, as a program in
any language could, in a consumer stack with no declaration in this project's config namespace: the tag alone
decides.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pulumi.runtime
import pytest

from azure_openai_guarded.guards import tags
from azure_openai_guarded.guards.policies.cloud_tag import GUARD_CLOUD_PROVIDER
from mockengine.analyzer import Violation, analyze
from mockengine.config import engine_config
from mockengine.program import run_program

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
