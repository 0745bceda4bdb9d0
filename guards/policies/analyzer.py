"""The analyzer service the engine talks to: pulumi_policy's, which also keeps the stack's config.

The Pulumi engine (pkg/v3 v3.274) starts a Python policy pack through the Python language host's ``RunPlugin``,
with the deploying machine's environment only: ``PULUMI_CONFIG`` is set just on the legacy
``pulumi-analyzer-policy-<runtime>`` route, which a Python pack never takes. The stack's config, its project and
its stack name reach the pack in the engine's ``ConfigureStack`` call, and pulumi_policy 1.21 keeps only the tags
from it. So the pack serves a subclass of pulumi_policy's servicer that hands the rest of that request to
:mod:`.stack_context`, where every policy reads the stack's declaration.
"""

from __future__ import annotations

from typing import Any

import pulumi_policy
import pulumi_policy.policy
from pulumi.runtime import proto
from pulumi_policy.policy import _PolicyAnalyzerServicer

from .stack_context import EngineStack, configure_stack, reading_for_the_stack


class StackConfiguredAnalyzer(_PolicyAnalyzerServicer):
    """pulumi_policy's analyzer service, which also records what ``ConfigureStack`` says about the stack."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A new service has heard nothing yet: a stack another service was told about is not this one's.
        configure_stack(None)

    # Every policy decides for the stack being analysed, whose names the tripwire reads (guards/deployment.py).
    def Analyze(self, request: proto.AnalyzeRequest, context: Any) -> proto.AnalyzeResponse:  # noqa: N802
        with reading_for_the_stack(request.urn):
            response: proto.AnalyzeResponse = super().Analyze(request, context)  # type: ignore[no-untyped-call]
            return response

    def AnalyzeStack(self, request: proto.AnalyzeStackRequest, context: Any) -> proto.AnalyzeResponse:  # noqa: N802
        with reading_for_the_stack(next((r.urn for r in request.resources), None)):
            response: proto.AnalyzeResponse = super().AnalyzeStack(request, context)  # type: ignore[no-untyped-call]
            return response

    def ConfigureStack(  # noqa: N802 - the gRPC method's name
        self, request: proto.AnalyzerStackConfigureRequest, context: Any
    ) -> proto.AnalyzerStackConfigureResponse:
        configure_stack(
            EngineStack(
                project=request.project,
                stack=request.stack,
                config=dict(request.config),
                secret_keys=frozenset(request.config_secret_keys),
            )
        )
        response: proto.AnalyzerStackConfigureResponse = super().ConfigureStack(request, context)
        return response


def serve_pack(**arguments: Any) -> None:
    """Serve ``pulumi_policy.PolicyPack(**arguments)`` with :class:`StackConfiguredAnalyzer` as its service.

    ``PolicyPack`` validates its arguments and serves the class its module names ``_PolicyAnalyzerServicer``;
    naming this subclass there keeps every other step pulumi_policy's own. Should a later pulumi_policy build its
    service otherwise, no ``ConfigureStack`` is recorded and the pack fails closed (see
    :func:`.stack_context.engine_stack_context`).
    """
    pulumi_policy.policy._PolicyAnalyzerServicer = StackConfiguredAnalyzer  # type: ignore[misc]
    pulumi_policy.PolicyPack(**arguments)
