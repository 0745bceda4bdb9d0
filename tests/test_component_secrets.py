"""API keys leave the component, and the program, only when asked for, and then only as secrets."""

from __future__ import annotations

from pathlib import Path

from azure_openai_guarded.guards import PROJECT
from azure_openai_guarded.guards.projectfile import read_stack
from mockengine.program import run_program
from tests.samples import build, service_args

STACKS = Path(__file__).resolve().parent.parent / "stacks"


def test_keys_are_not_exported_by_default() -> None:
    run = build(service_args())
    assert run.error is None, run.error
    assert not {"primary_key", "secondary_key"} & set(run.outputs)


def test_exported_keys_are_secrets() -> None:
    run = build(service_args(local_auth_enabled=True, export_keys=True))
    assert run.error is None, run.error
    assert {"primary_key", "secondary_key"} <= run.secret_outputs
    assert run.outputs["primary_key"] == "[secret]"
    assert run.outputs["secondary_key"] == "[secret]"


def test_no_other_output_is_secret_or_carries_a_key() -> None:
    run = build(service_args(local_auth_enabled=True, export_keys=True))
    public = {k: v for k, v in run.outputs.items() if k not in run.secret_outputs}
    assert public
    assert "mock-key" not in repr(public)


def test_keys_are_not_written_into_any_resource() -> None:
    run = build(service_args(local_auth_enabled=True, export_keys=True))
    assert run.resources
    assert all("mock-key" not in repr(r.inputs) for r in run.resources)


def test_the_program_exports_the_keys_only_when_asked_and_then_as_secrets() -> None:
    config = read_stack(STACKS / "Pulumi.dev.yaml").full_config()
    plain = run_program(config, stack="dev")
    config[f"{PROJECT}:service"] = {**config[f"{PROJECT}:service"], "localAuthEnabled": True, "exportKeys": True}
    asked = run_program(config, stack="dev")
    assert plain.error is None, plain.error
    assert asked.error is None, asked.error
    assert not {"primaryKey", "secondaryKey"} & set(plain.outputs)
    assert asked.secret_outputs == {"primaryKey", "secondaryKey"}
    assert asked.outputs["primaryKey"] == asked.outputs["secondaryKey"] == "[secret]"
