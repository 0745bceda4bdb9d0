"""The components' call into the guard: decide the declaration, refuse a denied one, describe the verdict."""

from __future__ import annotations

import pulumi

from azure_openai_guarded.guards import Cloud, GuardProfile, UseCase, Verdict, evaluate_use_case

from .args import FindingOutput, VerdictOutput


class GuardDeniedError(pulumi.RunError):
    """The guard denied the use case; the component registered nothing."""

    def __init__(self, component: str, name: str, verdict: Verdict) -> None:
        self.verdict = verdict
        super().__init__(
            f"{component} {name!r}: the guard denied this use case; nothing was created.\n{verdict.summary()}"
        )


def decide(component: str, name: str, use_case: UseCase, cloud: Cloud, profile: GuardProfile) -> Verdict:
    """The guard's verdict for ``use_case`` in ``cloud``; raises :class:`GuardDeniedError` on a deny."""
    verdict = evaluate_use_case(use_case, cloud, profile)
    if not verdict.allowed:
        raise GuardDeniedError(component, name, verdict)
    return verdict


def verdict_output(verdict: Verdict) -> VerdictOutput:
    """The verdict as the components' ``verdict`` output."""
    findings: list[FindingOutput] = [
        {"rule": f.rule, "severity": f.severity.value, "message": f.message} for f in verdict.findings
    ]
    return {
        "allowed": verdict.allowed,
        "label": verdict.label,
        "profile": verdict.profile.value,
        "ruleset_version": verdict.ruleset_version,
        "terms_version": verdict.terms_version,
        "findings": findings,
    }
