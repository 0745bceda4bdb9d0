"""Run the project's Pulumi program under the mock engine and capture what it registers.

This is how Pulumi recommends testing a program without the CLI:
``pulumi.runtime.set_mocks`` replaces the engine, and a monitor records every
resource registration. The stock ``MockMonitor`` keeps only the state the
mocks return, so :class:`RecordingMonitor` also keeps the registration
request's type, parent, dependencies and provider.
"""

from __future__ import annotations

import logging
import runpy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pulumi
from pulumi.runtime import mocks as pulumi_mocks
from pulumi.runtime import settings as pulumi_settings
from pulumi.runtime.stack import run_pulumi_func
from pulumi.runtime.sync_await import _sync_await

from azure_openai_guarded.guards import PROJECT

from .config import engine_config
from .outputs import computed_outputs, mock_call

STACK_TYPE = "pulumi:pulumi:Stack"
"""The root stack resource's type, which the engine leaves out of its children's URNs."""

PROGRAM = Path(__file__).resolve().parent.parent / "__main__.py"
"""The project's Pulumi program."""

OutputsFor = Callable[[pulumi_mocks.MockResourceArgs], dict[str, Any]]
"""Computed outputs for a registration; an ``id`` key becomes the resource's id."""
CallFor = Callable[[pulumi_mocks.MockCallArgs], dict[str, Any]]
"""The result of a provider function call."""


@dataclass(frozen=True)
class Registered:
    """One resource registration, as the engine would have received it."""

    urn: str
    type: str
    name: str
    custom: bool
    inputs: dict[str, Any]
    """The resource's state under the mocks, in the engine's camelCase: its inputs, plus the outputs the
    mocks compute (ids, endpoints, principal ids; see :mod:`mockengine.outputs`)."""
    parent: str
    dependencies: tuple[str, ...]
    provider: str
    """The provider reference (``urn::id``), empty for the default provider."""


class RecordingMonitor(pulumi_mocks.MockMonitor):
    """A mock monitor that also records parents, dependencies and providers."""

    def __init__(self, mocks: pulumi_mocks.Mocks) -> None:
        super().__init__(mocks)
        self.registrations: list[Registered] = []

    def make_urn(self, parent: str, type_: str, name: str) -> str:
        """The URN the engine gives: its type qualified by every ancestor's type (the stack's left out), where
        Pulumi's mock monitor keeps only the parent's last one. The policy pack reads a resource's ancestry there."""
        qualified = parent.split("::")[2] if parent else ""
        if qualified and qualified != STACK_TYPE:
            type_ = f"{qualified}${type_}"
        return "urn:pulumi:" + "::".join([pulumi.get_stack(), pulumi.get_project(), type_, name])

    def RegisterResource(self, request: Any) -> Any:  # noqa: N802 - the gRPC method's name
        # Pulumi's MockMonitor is untyped.
        response = super().RegisterResource(request)  # type: ignore[no-untyped-call]
        if request.type != STACK_TYPE:
            self.registrations.append(
                Registered(
                    urn=response.urn,
                    type=request.type,
                    name=request.name,
                    custom=request.custom,
                    inputs=self.resources[response.urn].state if response.urn in self.resources else {},
                    parent=request.parent,
                    dependencies=tuple(request.dependencies),
                    provider=request.provider,
                )
            )
        return response


class EchoMocks(pulumi_mocks.Mocks):
    """Mocks that echo a resource's inputs back as its state, plus per-type computed outputs."""

    def __init__(self, outputs_for: OutputsFor | None = None, call_for: CallFor | None = None) -> None:
        self._outputs_for = outputs_for
        self._call_for = call_for

    def new_resource(self, args: pulumi_mocks.MockResourceArgs) -> tuple[str | None, dict[str, Any]]:
        extra = dict(self._outputs_for(args)) if self._outputs_for else {}
        resource_id = extra.pop("id", None) or f"{args.name}-id"
        return resource_id, {**args.inputs, **extra}

    def call(self, args: pulumi_mocks.MockCallArgs) -> tuple[dict[str, Any], list[tuple[str, str]] | None]:
        # An empty failure list, not None: the mock monitor iterates it.
        return (self._call_for(args) if self._call_for else {}), []


@dataclass
class ProgramRun:
    """What one run of the program did."""

    stack: str
    resources: list[Registered] = field(default_factory=list)
    outputs: dict[str, Any] = field(default_factory=dict)
    """Stack outputs, resolved; a secret output is shown as ``"[secret]"``."""
    secret_outputs: frozenset[str] = frozenset()
    error: str | None = None
    """The program's error message, e.g. the guard's denial."""
    warnings: list[str] = field(default_factory=list)
    """What the program logged at warning level or above (``pulumi.log.warn``), e.g. a component's advisories."""

    def of_type(self, type_token: str) -> list[Registered]:
        return [r for r in self.resources if r.type == type_token]


class _Collect(logging.Handler):
    """Keeps the engine log's warnings and errors instead of printing them."""

    def __init__(self, into: list[str]) -> None:
        super().__init__(logging.WARNING)
        self._into = into

    def emit(self, record: logging.LogRecord) -> None:
        self._into.append(record.getMessage())


def _engine_log(into: list[str]) -> logging.Logger:
    logger = logging.getLogger(f"{__name__}.engine")
    logger.handlers = [_Collect(into)]
    logger.propagate = False
    logger.setLevel(logging.WARNING)
    return logger


async def _resolve(value: Any) -> tuple[Any, bool]:
    if isinstance(value, pulumi.Output):
        resolved = await value.future()
        return resolved, await value.is_secret()
    return value, False


def run_program(
    config: Mapping[str, Any],
    *,
    stack: str = "test",
    program: Path = PROGRAM,
    outputs_for: OutputsFor | None = computed_outputs,
    call_for: CallFor | None = mock_call,
    preview: bool = True,
    project: str = PROJECT,
    root_directory: Path | None = None,
    secret_keys: Iterable[str] = (),
) -> ProgramRun:
    """Run ``program`` with ``config`` (full keys, e.g. ``azure-openai-guarded:useCase``) under mocks; the values
    of ``secret_keys`` are secrets, handed decrypted as the engine hands them.

    ``project`` is the Pulumi project the program runs as (its config namespace), for programs
    of other projects such as ``examples/consumer``. ``root_directory`` is the project's folder as the Pulumi
    CLI's language host gives it (where the program finds its stack file); the mock runtime gives none.

    By default the mocks add what Azure would compute (:mod:`mockengine.outputs`); pass
    ``outputs_for=None`` for bare echoes.
    """

    def body() -> None:
        runpy.run_path(str(program), run_name="__main__")

    return run_callable(
        body,
        config,
        stack=stack,
        outputs_for=outputs_for,
        call_for=call_for,
        preview=preview,
        project=project,
        root_directory=root_directory,
        secret_keys=secret_keys,
    )


def run_callable(
    body: Callable[[], None],
    config: Mapping[str, Any] | None = None,
    *,
    stack: str = "test",
    outputs_for: OutputsFor | None = computed_outputs,
    call_for: CallFor | None = mock_call,
    preview: bool = True,
    project: str = PROJECT,
    root_directory: Path | None = None,
    secret_keys: Iterable[str] = (),
) -> ProgramRun:
    """Run ``body`` as a Pulumi program under mocks, e.g. a function that builds one component; ``root_directory``
    and ``secret_keys`` as for :func:`run_program`."""
    monitor = RecordingMonitor(EchoMocks(outputs_for, call_for))
    run = ProgramRun(stack=stack)
    pulumi_settings.ROOT.set(None)
    pulumi.runtime.set_mocks(
        monitor.mocks, project=project, stack=stack, preview=preview, monitor=monitor, logger=_engine_log(run.warnings)
    )
    # Set on each run, so that no run finds the last one's project.
    pulumi_settings.SETTINGS.root_directory = None if root_directory is None else str(root_directory)
    pulumi.runtime.set_all_config(engine_config(config or {}), list(secret_keys) or None)

    try:
        _sync_await(run_pulumi_func(body))
    except pulumi.RunError as error:
        run.error = str(error)
    run.resources = list(monitor.registrations)

    root = pulumi_settings.get_root_resource()
    exported: dict[str, Any] = getattr(root, "outputs", {})
    secrets: set[str] = set()
    for name, value in exported.items():
        resolved, secret = _sync_await(_resolve(value))
        run.outputs[name] = "[secret]" if secret else resolved
        if secret:
            secrets.add(name)
    run.secret_outputs = frozenset(secrets)
    return run
