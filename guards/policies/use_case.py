"""The facial-recognition policies: the stack's verdict, declared accounts, and Face for US law enforcement.

They decide nothing themselves: the verdict is :func:`guards.engine.evaluate`
on the stack's declaration, the Face policy reads the same facts the rules
do, and the clause it quotes comes from :mod:`guards.terms`. They are always
mandatory; the guard inside the program denies the same stacks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final

from pulumi_policy import (
    EnforcementLevel,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)

from .. import tags
from ..engine import Finding
from ..models import UseCase
from ..projects import ProjectDecision, denied, us_law_enforcement_evidence, us_law_enforcement_undeclared
from ..rules import DECLARATION_MISSING
from ..terms import FACE_LIMITED_ACCESS, RULESET_VERSION
from .props import (
    PROJECT_TYPE,
    UNKNOWN,
    image_capable,
    is_account,
    kind_of,
    lookup,
    tags_of,
    text,
)
from .providers import cloud_of_provider_props, is_azure_provider
from .stack_context import ContextSource, StackContext

USE_CASE_VERDICT: Final = "use-case-verdict"
USE_CASE_ADVISORIES: Final = "use-case-advisories"
ACCOUNT_DECLARED: Final = "account-use-case-declared"
FACE_US_LAW_ENFORCEMENT: Final = "face-not-for-us-law-enforcement"
FACE_API_EXPOSURE: Final = "face-api-exposure"

FACE_API_KINDS: Final = frozenset({"cognitiveservices", "aiservices"})
"""Account kinds (as :func:`kind_of` normalises them) that reach the Face API as an account of kind Face does,
among their other APIs."""

ALLOWED_VERDICTS: Final = frozenset({"allowed", "allowed-with-warnings"})


def finding_text(finding: Finding) -> str:
    """A finding as a violation message: rule id, what was found and what to change, the clause quoted."""
    line = f"[{finding.rule}] {finding.message}"
    if finding.clause:
        line += f'\n  Clause: "{finding.clause}" ({finding.source})'
    return line


def problems_text(context: StackContext) -> str:
    lines = "\n".join(f"  {problem}" for problem in context.problems)
    return f"The stack's use-case declaration is invalid, so nothing is proven allowed:\n{lines}"


NOT_RECEIVED_TEXT: Final = (
    "The stack's config never reached the policy pack (the engine's ConfigureStack call brought none, and "
    "PULUMI_CONFIG is not set), so the pack cannot read the stack's use-case declaration, and nothing is proven "
    "allowed. Run the pack with a Pulumi CLI that sends the stack's config to policy packs "
    "(`pulumi preview --policy-pack guards/policy_pack`), and report the CLI's version if it does not."
)


def _verdict(context_source: ContextSource) -> Callable[[StackValidationArgs, ReportViolation], None]:
    def validate(args: StackValidationArgs, report: ReportViolation) -> None:
        context = context_source()
        if not context.received:
            report(NOT_RECEIVED_TEXT, None)
            return
        if context.problems:
            report(problems_text(context), None)
            return
        verdict = context.verdict
        if verdict is None:
            # No declaration at all: each image-capable account answers for itself (account-use-case-declared).
            return
        for finding in verdict.denials:
            report(finding_text(finding), None)
        for resource in args.resources:
            if is_azure_provider(resource.resource_type):
                mismatch = provider_mismatch(resource.props, context)
                if mismatch is not None:
                    report(f"Provider `{resource.name}` {mismatch}", resource.urn)
        decisions = context.project_decisions
        for refused in denied(decisions):
            if refused.own:
                report(_project_text(refused, "declared in the stack's config"), None)
        by_name = {d.name.lower(): d for d in decisions}
        for resource in args.resources:
            if not PROJECT_TYPE.fullmatch(resource.resource_type):
                continue
            name = text(lookup(resource.props, "projectName"))
            listed = by_name.get(name.lower()) if isinstance(name, str) else None
            # A project the config does not list falls under the stack's declaration, as in the components.
            shown = name if isinstance(name, str) else resource.name
            decision = listed or ProjectDecision(shown, declaration_use_case(context), False, "useCase", verdict)
            if not decision.verdict.allowed:
                report(_project_text(decision, f"resource `{resource.name}`"), resource.urn)

    return validate


def provider_mismatch(props: Mapping[str, Any], context: StackContext) -> str | None:
    """Why an explicit Azure provider (azure-native or classic) sends resources elsewhere than the declared cloud,
    or ``None``.

    The verdict was decided for the declared cloud; jurisdiction follows where the resources really go, so a
    provider for another cloud (or one whose cloud cannot be known before deployment: an environment computed
    then, or any ``metadataHost``) is refused.
    """
    declared = context.declaration
    if declared is None:
        return None
    goes_to = cloud_of_provider_props(props)
    if goes_to.cloud is not None and goes_to.cloud.cloud == declared.cloud.cloud:
        return None
    if goes_to.cloud is None:
        return (
            f"has {goes_to.shown}, so nothing shows that its resources go to {declared.cloud.display_name}, the "
            "cloud the use case was decided for; set its environment in the program, and no metadataHost"
        )
    return (
        f"sends its resources to {goes_to.cloud.display_name}, but the stack declares {declared.cloud.display_name} "
        "and its use case was decided there; the guard judges where resources really go, so declare that cloud in "
        "`azure-openai-guarded:service.cloud`, or give the resources a provider for the declared cloud"
    )


def declaration_use_case(context: StackContext) -> UseCase | None:
    return context.declaration.use_case if context.declaration else None


def _project_text(decision: ProjectDecision, where: str) -> str:
    whose = f"its own declaration ({decision.path})" if decision.own else f"the stack's declaration ({decision.path})"
    lines = [f"Foundry project `{decision.name}` ({where}) is denied on {whose}:"]
    lines += [f"  {finding_text(f)}" for f in decision.verdict.denials]
    return "\n".join(lines)


def _advisories(context_source: ContextSource) -> Callable[[StackValidationArgs, ReportViolation], None]:
    def validate(args: StackValidationArgs, report: ReportViolation) -> None:
        context = context_source()
        verdict = context.verdict
        for finding in verdict.warnings if verdict else ():
            report(finding_text(finding), None)
        # A project's own declaration warns for itself, as the checker reports it.
        for decision in context.project_decisions:
            for finding in decision.verdict.warnings if decision.own else ():
                report(f"Foundry project `{decision.name}` ({decision.path}): {finding_text(finding)}", None)

    return validate


def tag_problem(account_tags: dict[str, str]) -> str | None:
    """Why ``account_tags`` do not show that the account went through the guard, or ``None``."""
    missing = sorted(name for name in tags.REQUIRED if not account_tags.get(name))
    if missing:
        return f"lacks the use-case tags {', '.join(missing)}"
    verdict = account_tags[tags.VERDICT]
    if verdict not in ALLOWED_VERDICTS:
        return f"is tagged {tags.VERDICT}={verdict!r}"
    ruleset = account_tags[tags.RULESET]
    if ruleset != RULESET_VERSION:
        return f"was decided under rule set {ruleset!r}, and this pack enforces {RULESET_VERSION!r}"
    return None


def _account_declared(context_source: ContextSource) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        if not is_account(args.resource_type) or not image_capable(args.props):
            return
        context = context_source()
        if context.declaration is not None:
            return
        problem = tag_problem(tags_of(args.props))
        if problem is None:
            return
        kind = text(lookup(args.props, "kind"))
        shown = "unknown until deployment" if kind is UNKNOWN else (kind or "not set")
        why = "the stack's use-case declaration is invalid" if context.problems else "the stack declares no use case"
        report(
            f"[{DECLARATION_MISSING.id}] Account `{args.name}` (kind {shown}) can analyse images or faces, "
            f"{problem}, and {why}. {DECLARATION_MISSING.fix} "
            "Or provision the account with the azure-openai-guarded components, which decide the stack "
            "before registering anything and tag every resource with the verdict.",
            None,
        )

    return validate


def _face(context_source: ContextSource) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        if not is_account(args.resource_type):
            return
        kind = kind_of(args.props)
        # A kind that is unknown or not set may be Face, as for every image-capable check (fail closed).
        if isinstance(kind, str) and kind != "face":
            return
        clause = f'"{FACE_LIMITED_ACCESS.wording}" ({FACE_LIMITED_ACCESS.source})'
        context = context_source()
        declaration = context.declaration
        if declaration is None or declaration.use_case is None:
            report(
                f"Account `{args.name}` may be an Azure AI Face account, and the stack declares no valid use case, "
                f"so nothing rules out use by or for US law enforcement: {clause}. "
                f"Declare `azure-openai-guarded:useCase` in the stack file.",
                None,
            )
            return
        # Any declaration in the stack counts, a Foundry project's own included: the pack cannot tell whose a Face
        # account is.
        found = _us_law_enforcement_evidence(context)
        # An undeclared party counts as the worst case, as in the guard's rules and the exposure advisory.
        undeclared = [] if found else _us_law_enforcement_undeclared(context)
        if not found and not undeclared:
            return
        if found:
            evidence = "; ".join(found)
        else:
            verb = "is" if len(undeclared) == 1 else "are"
            evidence = (
                f"{', '.join(undeclared)} {verb} undeclared, so the parties it is built for may be US law enforcement; "
                "declare every organisation the integration is built for, or `[]` if it serves no one but the operator"
            )
        if kind is UNKNOWN:
            what = "may be (its kind is unknown until deployment)"
        elif kind is None:
            what = "may be (its kind is not set)"
        else:
            what = "is"
        report(
            f"Account `{args.name}` {what} an Azure AI Face account in a stack that may be by or for US law "
            f"enforcement ({evidence}). {clause}. Remove the Face account from this stack: the pack cannot tell "
            "from an account which Face operations will be called, so it denies Face outright for US law enforcement.",
            None,
        )

    return validate


def _declared(context: StackContext) -> list[tuple[str, UseCase | None]]:
    """Every declaration in the stack with its config path: the stack's, then each Foundry project's own."""
    declaration = context.declaration
    if declaration is None:
        return []
    return [("useCase", declaration.use_case)] + [(p.path, p.use_case) for p in context.projects]


def _us_law_enforcement_evidence(context: StackContext) -> list[str]:
    """Why the stack, or one of its Foundry projects, is declared by or for US law enforcement; empty if it is not."""
    declaration = context.declaration
    if declaration is None:
        return []
    return us_law_enforcement_evidence(_declared(context), declaration.cloud.cloud)


def _us_law_enforcement_undeclared(context: StackContext) -> list[str]:
    """The undeclared paths that leave open whether a declaration of the stack is by or for US law enforcement."""
    declaration = context.declaration
    if declaration is None:
        return []
    return us_law_enforcement_undeclared(_declared(context), declaration.cloud.cloud)


def _exposure_text(name: str, kind: Any, evidence: list[str], undeclared: list[str]) -> str:
    where = []
    if evidence:
        where.append(f"declared by or for US law enforcement ({'; '.join(evidence)})")
    if undeclared:
        verb = "is" if len(undeclared) == 1 else "are"
        where.append(
            f"whose {', '.join(undeclared)} {verb} undeclared, so the parties it is built for may be US law "
            'enforcement ("by or for")'
        )
    fix = "use kind `OpenAI`, which has no Face API, unless the integration needs the other Azure AI services"
    if undeclared:
        fix += (
            f"; and declare {', '.join(undeclared)}: every organisation the integration is built for, or `[]` if it "
            "serves no one but the operator"
        )
    return (
        f"Account `{name}` is of kind {kind}, which reaches the Azure AI Face API as much as an account of kind Face "
        f"does, in a stack {', and '.join(where)}. The pack cannot see which APIs will be called, so it reports the "
        f"exposure rather than blocking it: {fix}."
    )


def _face_api_exposure(context_source: ContextSource) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        if not is_account(args.resource_type):
            return
        kind = kind_of(args.props)
        if not isinstance(kind, str) or kind not in FACE_API_KINDS:
            return
        context = context_source()
        # An undeclared party counts as the worst case, as in the guard's rules: it may be US police.
        evidence, undeclared = _us_law_enforcement_evidence(context), _us_law_enforcement_undeclared(context)
        if not evidence and not undeclared:
            return
        report(_exposure_text(args.name, text(lookup(args.props, "kind")), evidence, undeclared), None)

    return validate


def use_case_policies(context_source: ContextSource) -> list[StackValidationPolicy | ResourceValidationPolicy]:
    """The facial-recognition policies, each reading the stack's declaration from ``context_source``."""
    return [
        StackValidationPolicy(
            name=USE_CASE_VERDICT,
            description=(
                "The stack's declared use case must be allowed under Microsoft's facial-recognition terms for "
                "Azure OpenAI (the guard's verdict; rule ids as in `python -m azure_openai_guarded.guards rules`)."
            ),
            validate=_verdict(context_source),
            enforcement_level=EnforcementLevel.MANDATORY,
            remediation_steps="Change the declaration or the use case as each finding says; see docs/policy-pack.md.",
        ),
        StackValidationPolicy(
            name=USE_CASE_ADVISORIES,
            description="Advisories for the stack's declared use case (the guard's warnings: review, bias, logging).",
            validate=_advisories(context_source),
            enforcement_level=EnforcementLevel.ADVISORY,
        ),
        ResourceValidationPolicy(
            name=ACCOUNT_DECLARED,
            description=(
                "Cognitive Services accounts that can analyse images or faces (kinds OpenAI, AIServices, Face, "
                "ComputerVision, CognitiveServices) must carry the guard's use-case tags "
                f"({', '.join(sorted(tags.REQUIRED))}), or the stack must declare its use case."
            ),
            validate=_account_declared(context_source),
            enforcement_level=EnforcementLevel.MANDATORY,
        ),
        ResourceValidationPolicy(
            name=FACE_US_LAW_ENFORCEMENT,
            description=(
                "No Azure AI Face account in a stack declared by or for US law enforcement "
                "(Azure AI Face Limited Access policy)."
            ),
            validate=_face(context_source),
            enforcement_level=EnforcementLevel.MANDATORY,
        ),
        ResourceValidationPolicy(
            name=FACE_API_EXPOSURE,
            description=(
                "Accounts of kind CognitiveServices or AIServices reach the Azure AI Face API; in a stack declared by "
                "or for US law enforcement, or whose served parties are undeclared, they are reported, with kind "
                "OpenAI suggested (Azure AI Face Limited Access policy)."
            ),
            validate=_face_api_exposure(context_source),
            enforcement_level=EnforcementLevel.ADVISORY,
        ),
    ]
