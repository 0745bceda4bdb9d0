"""API keys leave the component only when asked for, and then only as secrets."""

from __future__ import annotations

from plan.samples import build, service_args


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
