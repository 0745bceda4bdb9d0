"""The facial-recognition policies: the stack's verdict, declared accounts, resources' own names and tags, and Face
for US law enforcement.

They decide nothing themselves: the verdict is :func:`guards.engine.evaluate`
on the stack's declaration, the Face policy reads the same facts the rules
do, and the clause it quotes comes from :mod:`guards.terms`. They are always
mandatory; the guard inside the program denies the same stacks. What a resource's
own names and tags say is read by a resource policy, which the engine runs as the
resource is registered, before it is created: a stack policy runs in ``pulumi up``
only once every resource exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import Any, Final

from pulumi_policy import (
    EnforcementLevel,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    StackValidationArgs,
    StackValidationPolicy,
)
from pulumi_policy.proxy import UnknownValueError

from .. import tags
from ..engine import Finding, Verdict, evaluate_use_case
from ..facts import Text
from ..models import Cloud, UseCase
from ..projects import (
    ProjectDecision,
    denied,
    described,
)
from ..raw_resources import (
    Pending,
    face_account_reason,
    may_be_face,
    us_law_enforcement_evidence_in,
    us_law_enforcement_undeclared_in,
)
from ..resource_texts import named_texts, text_inputs
from ..rules import DECLARATION_MISSING
from ..stack_config import config_refusal
from .components import GUARDED_COMPONENTS, UNKNOWN_INPUT, ComponentDecision, ComponentRecords
from .opaque import opaque_reason, opaque_text
from .props import (
    PROJECT_TYPE,
    UNKNOWN,
    Unknown,
    image_capable,
    is_account,
    kind_of,
    lookup,
    text,
    uses_account,
)
from .providers import cloud_of_provider_props, destinations, is_azure_provider
from .stack_context import ContextSource, NamespaceDeclaration, StackContext

USE_CASE_VERDICT: Final = "use-case-verdict"
USE_CASE_ADVISORIES: Final = "use-case-advisories"
ACCOUNT_DECLARED: Final = "account-use-case-declared"
FACE_US_LAW_ENFORCEMENT: Final = "face-not-for-us-law-enforcement"
FACE_API_EXPOSURE: Final = "face-api-exposure"
RESOURCE_TEXTS: Final = "use-case-resource-texts"
DENIED_STACK: Final = "use-case-denied-creates-nothing"

Resource = PolicyResource | ResourceValidationArgs
"""A resource as a stack policy sees it, or as its own resource policy does."""

_GROUP_TYPE: Final = re.compile(r"^azure-native:resources(?:/v[0-9a-z]+)?:ResourceGroup$")

FACE_API_KINDS: Final = frozenset({"cognitiveservices", "aiservices"})
"""Account kinds (as :func:`kind_of` normalises them) that reach the Face API as an account of kind Face does,
among their other APIs."""


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


def _profile_only(consumer: NamespaceDeclaration, components: Sequence[ComponentDecision]) -> bool:
    """Whether a consumer namespace only sets the guard profile (no use case) while guarded components carry their
    own declarations: a profile for them, as the checker reads a YAML program's ``guardProfile``, not a declaration
    that is missing."""
    return bool(components) and consumer.use_case is None and not consumer.problems


def _component_text(decision: ComponentDecision) -> str:
    if decision.missing:
        return (
            f"[{DECLARATION_MISSING.id}] {decision.shown} holds no `useCase` in its inputs, so nothing is proven "
            "allowed for it or beneath it: the guarded components register the declaration their guard decided, so "
            "this one was registered otherwise (by hand, or by a release of the components that registered none). "
            "Build it with this package's AzureOpenAIService or AzureGovernmentOpenAIService."
        )
    if decision.problems:
        lines = "\n".join(f"  {problem}" for problem in decision.problems)
        return (
            f"The use-case declaration in the inputs of {decision.shown} (decided for {decision.cloud.display_name}) "
            f"is invalid, so nothing is proven allowed:\n{lines}"
        )
    denials = decision.verdict.denials if decision.verdict else ()
    findings = "\n".join(f"  {finding_text(finding)}" for finding in denials)
    return (
        f"{decision.shown} declares, in its inputs, a use case the guard denies (decided for "
        f"{decision.cloud.display_name}):\n{findings}"
    )


NOT_SEEN_TEXT: Final = (
    "{shown} is a guarded component whose inputs the pack never read (every policy that reads them is disabled, "
    "or the engine did not analyse it), so its declaration is not proven allowed: enable `{policy}`."
)


def _verdict(
    context_source: ContextSource, records: ComponentRecords
) -> Callable[[StackValidationArgs, ReportViolation], None]:
    def validate(args: StackValidationArgs, report: ReportViolation) -> None:
        context = context_source()
        if not context.received:
            report(NOT_RECEIVED_TEXT, None)
            return
        components = records.decisions()
        for unproven in (component for component in components if not component.allowed):
            report(_component_text(unproven), unproven.urn)
        for resource in args.resources:
            if resource.resource_type in GUARDED_COMPONENTS and records.decision(resource.urn) is None:
                shown = f"{resource.resource_type.rsplit(':', 1)[-1]} `{resource.name}`"
                report(NOT_SEEN_TEXT.format(shown=shown, policy=ACCOUNT_DECLARED), resource.urn)
        for consumer in context.consumers:
            if _profile_only(consumer, components):
                continue
            for finding in consumer.verdict.denials if consumer.verdict else ():
                report(f"`{consumer.path}`: {finding_text(finding)}", None)
            if consumer.problems:
                lines = "\n".join(f"  {problem}" for problem in consumer.problems)
                invalid = f"The use-case declaration `{consumer.path}` is invalid, so nothing is proven allowed"
                report(f"{invalid}:\n{lines}", None)
        if context.problems:
            report(problems_text(context), None)
            return
        verdict = context.verdict
        if verdict is not None:
            for finding in verdict.denials:
                report(finding_text(finding), None)
            for resource in args.resources:
                if is_azure_provider(resource.resource_type):
                    mismatch = provider_mismatch(resource.props, context)
                    if mismatch is not None:
                        report(f"Provider `{resource.name}` {mismatch}", resource.urn)
            for refused in denied(context.project_decisions):
                # One under the stack's declaration is denied apart from it only by what its own text says.
                if refused.own or refused.verdict != verdict:
                    report(_project_text(refused, "declared in the stack's config"), None)
        # Each resource's names and tags were read by its own policy (use-case-resource-texts), before it was
        # created; only a guarded component registered after a resource it may serve is read with it here.
        for resource in args.resources:
            seen = records.texts_read(resource.urn)
            later = tuple(c for c in components if seen is not None and c.urn not in seen)
            if later and _governing_decisions(resource, context, records) is None:
                denial = _text_denial(resource, context, records, later)
                if denial is not None:
                    report(denial, resource.urn)

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


def resource_texts(resource: Resource) -> tuple[Text, ...] | None:
    """A resource's names in Azure and its tags' values, each with its path (``resource `ai`.accountName``);
    ``None`` for a kind the components do not create. A value not yet computed is read when it is."""
    labels = lookup(resource.props, "tags")
    tags = {key: _known(labels, key) for key in labels} if isinstance(labels, Mapping) else None
    found = named_texts(resource.resource_type, lambda key: _listed(lookup(resource.props, key)), tags)
    if found is None:
        return None
    return described(found, f"resource `{resource.name}`", tuple(found))


def unknown_texts(resource: Resource) -> list[str]:
    """The texts that name or describe a resource the components create (every naming input of its kind in
    :mod:`..resource_texts`, and its tags) not known in a preview: one the program computes only at deployment is
    an unknown fact, as nothing can read it before the resource is created. A ``resourceGroupName`` is often the
    group's output, passed on: it is read (and must be known) on the group itself."""
    inputs = text_inputs(resource.resource_type)
    if inputs is None:
        return []
    own_group = _GROUP_TYPE.fullmatch(resource.resource_type) is not None
    describing = [key for key in inputs if own_group or key != "resourceGroupName"]
    unknown = [key for key in describing if _listed(lookup(resource.props, key)) is UNKNOWN]
    labels = lookup(resource.props, "tags")
    if labels is UNKNOWN:
        return [*unknown, "tags"]
    if isinstance(labels, Mapping):
        unknown += [f"tags.{key}" for key in labels if _known(labels, key) is UNKNOWN]
    return unknown


def _listed(value: Any) -> Any:
    """A text input, or a list of texts (the engine's proxy of one) as a plain list; anything else as ``None``."""
    if isinstance(value, Sequence) and not isinstance(value, str):
        try:
            items = [value[i] for i in range(len(value))]
        except UnknownValueError:
            return UNKNOWN
        return items if all(isinstance(item, str) for item in items) else None
    return text(value)


def _known(labels: Mapping[str, Any], key: str) -> str | Unknown | None:
    """A tag's value; :data:`UNKNOWN` while the program has not computed it (read when it has)."""
    try:
        return text(labels[key])
    except UnknownValueError:
        return UNKNOWN


def _parent_of(resource: Resource) -> str | None:
    if isinstance(resource, PolicyResource) and resource.parent is not None:
        return resource.parent.urn
    return resource.opts.parent


def _shown(resource: Resource) -> tuple[str | None, str]:
    """A Foundry project's ``projectName`` (``None`` for any other resource, or one not written), and the name a
    violation shows it by."""
    written = text(lookup(resource.props, "projectName")) if PROJECT_TYPE.fullmatch(resource.resource_type) else None
    name = written if isinstance(written, str) else None
    return name, name or resource.name


def _governing_decisions(
    resource: Resource, context: StackContext, records: ComponentRecords
) -> list[tuple[ProjectDecision, tuple[Cloud, ...]]] | None:
    """What governs a resource, with the clouds each was decided for: the guarded component it descends from; else
    the stack's declaration (for a Foundry project the config lists by name, its own); else each consumer
    declaration in the stack's config, in each cloud it was decided for. ``None`` when none does: the resource is
    then read under the guarded components beside it."""
    name, shown = _shown(resource)
    component = next((c for c in records.governing(_parent_of(resource)) if c.use_case is not None and c.verdict), None)
    if component is not None and component.verdict is not None:
        own = next((p for p in component.projects if name and p.name.lower() == name.lower() and p.use_case), None)
        use_case, path = (own.use_case, own.path) if own else (component.use_case, "useCase")
        decision = ProjectDecision(shown, use_case, own is not None, f"{component.shown}: {path}", component.verdict)
        return [(decision, (component.cloud.cloud,))]
    declaration = context.declaration
    if declaration is not None:
        by_name = {d.name.lower(): d for d in context.project_decisions}
        listed = by_name.get(name.lower()) if name else None
        # A project the config does not list falls under the stack's declaration, as in the components.
        decision = listed or ProjectDecision(shown, declaration.use_case, False, "useCase", declaration.verdict)
        return [(decision, (declaration.cloud.cloud,))]
    consumers: list[tuple[ProjectDecision, tuple[Cloud, ...]]] = []
    for c in context.consumers:
        if c.verdict is None:
            continue
        consumers.append((ProjectDecision(shown, c.use_case, False, c.path, c.verdict), c.clouds))
        # Its provider may send the resource to a cloud the default provider does not: there the declaration has
        # its own verdict, which what the texts add is read against (guard-cloud-matches-provider reports it).
        for cloud in destinations(resource.provider):
            there = c.verdict_in(cloud)
            if cloud not in c.clouds and there is not None:
                consumers.append((ProjectDecision(shown, c.use_case, False, c.path, there), (cloud,)))
    return consumers or None


def _with_clouds(clouds: tuple[Cloud, ...], more: tuple[Cloud, ...]) -> tuple[Cloud, ...]:
    return tuple(dict.fromkeys((*clouds, *more)))


def _text_decisions(
    resource: Resource, context: StackContext, records: ComponentRecords, beside: Sequence[ComponentDecision]
) -> Iterator[tuple[ProjectDecision, ProjectDecision]]:
    """What governs a resource the components create (see :func:`_governing_decisions`; else each guarded
    component of ``beside``), each read with the resource's own names and tags as the components read the
    service's and a Foundry project's (a raw resource's, or a name the program computed, is known only here).
    Each comes as the decision before its text was read, and after."""
    texts = resource_texts(resource)
    if texts is None:
        return
    governing = _governing_decisions(resource, context, records)
    if governing is not None:
        for decision, clouds in governing:
            yield decision, _read_with(decision, texts, clouds)
        return
    # Declared in a program's code alone: a resource beside its components (a raw project on a component's
    # account) is read under each of their declarations, as any of them may be the one it serves.
    _, shown = _shown(resource)
    for component in beside:
        if component.use_case is not None and component.verdict is not None:
            path = f"{component.shown}: useCase"
            decision = ProjectDecision(shown, component.use_case, False, path, component.verdict)
            yield decision, _read_with(decision, texts, (component.cloud.cloud,))


def _text_denial(
    resource: Resource, context: StackContext, records: ComponentRecords, beside: Sequence[ComponentDecision]
) -> str | None:
    """The violation for what a resource's own names and tags say under the declaration that governs it, if they
    deny it."""
    project = PROJECT_TYPE.fullmatch(resource.resource_type) is not None
    for governing, decision in _text_decisions(resource, context, records, beside):
        # A Foundry project answers for the declaration that governs it; any other resource only for what its own
        # names and tags add, as its declaration's own denial is reported once, by use-case-verdict.
        if not decision.verdict.allowed and (project or governing.verdict.allowed):
            return _text_denied(decision, resource)
    return None


def _resource_texts(
    context_source: ContextSource, records: ComponentRecords
) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        context = context_source()
        records.see(args, context)
        # Without the stack's config, or with an invalid declaration, use-case-verdict already fails the stack.
        if not context.received or context.problems:
            return
        for key in unknown_texts(args):
            # What a name or description says is read before anything is created, or it is not proven allowed.
            report(f"Resource `{args.name}`: `{key}` {UNKNOWN_INPUT}", None)
        beside = records.decisions()
        records.note_texts_read(args.urn, beside)
        denial = _text_denial(args, context, records, beside)
        if denial is not None:
            report(denial, None)

    return validate


def _text_denied(decision: ProjectDecision, resource: Resource) -> str:
    if PROJECT_TYPE.fullmatch(resource.resource_type):
        return _project_text(decision, f"resource `{resource.name}`")
    whose = f"its own declaration ({decision.path})" if decision.own else f"the declaration ({decision.path})"
    lines = [f"{resource.resource_type.rsplit(':', 1)[-1]} `{resource.name}` is denied on {whose}:"]
    lines += [f"  {finding_text(f)}" for f in decision.verdict.denials]
    return "\n".join(lines)


def _read_with(decision: ProjectDecision, texts: tuple[Text, ...], clouds: Sequence[Cloud]) -> ProjectDecision:
    """``decision`` denied on what ``texts`` say under its declaration in any of ``clouds``; unchanged when they
    say nothing it contradicts."""
    if not texts or not decision.verdict.allowed:
        return decision
    for cloud in clouds:
        read = evaluate_use_case(decision.use_case, cloud, decision.verdict.profile, texts)
        if not read.allowed:
            return replace(decision, verdict=read)
    return decision


def _project_text(decision: ProjectDecision, where: str) -> str:
    whose = f"its own declaration ({decision.path})" if decision.own else f"the stack's declaration ({decision.path})"
    lines = [f"Foundry project `{decision.name}` ({where}) is denied on {whose}:"]
    lines += [f"  {finding_text(f)}" for f in decision.verdict.denials]
    return "\n".join(lines)


def _advisories(
    context_source: ContextSource, records: ComponentRecords
) -> Callable[[StackValidationArgs, ReportViolation], None]:
    def validate(args: StackValidationArgs, report: ReportViolation) -> None:
        context = context_source()
        verdict = context.verdict
        for finding in verdict.warnings if verdict else ():
            report(finding_text(finding), None)
        for component in records.decisions():
            for finding in component.verdict.warnings if component.verdict and component.allowed else ():
                report(f"{component.shown}: {finding_text(finding)}", component.urn)
        for consumer in context.consumers:
            for finding in consumer.verdict.warnings if consumer.verdict else ():
                report(f"`{consumer.path}`: {finding_text(finding)}", None)
        # A project's own declaration warns for itself, as the checker reports it.
        for decision in context.project_decisions:
            for finding in decision.verdict.warnings if decision.own else ():
                report(f"Foundry project `{decision.name}` ({decision.path}): {finding_text(finding)}", None)

    return validate


UNPROVEN_TAGS: Final = (
    f"Tags such as `{tags.VERDICT}` are a claim anyone can write on a resource, so they prove nothing: only a "
    "declaration the pack decides does: the stack's config's, or the one a guarded component registers with."
)


def _config_verdicts(context: StackContext, governed: bool) -> list[Verdict]:
    """Every verdict the pack decided from the stack's config (see ``StackContext.decided``), a consumer namespace
    that only sets the profile left out for an account beneath a guarded component."""
    own = [context.declaration.verdict, *(d.verdict for d in context.project_decisions)] if context.declaration else []
    consumers = [c for c in context.consumers if c.verdict is not None and not c.only_denies]
    if governed:
        consumers = [c for c in consumers if c.use_case is not None]
    return own + [c.verdict for c in consumers if c.verdict is not None]


def _account_declared(
    context_source: ContextSource, records: ComponentRecords
) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        context = context_source()
        records.see(args, context)
        opaque = opaque_reason(args.resource_type, args.props)
        if opaque is not None:
            report(opaque_text(args.resource_type, args.name, opaque), None)
            return
        is_image_account = is_account(args.resource_type) and image_capable(args.props)
        if not is_image_account and not uses_account(args.resource_type):
            return
        governing = records.governing(args.opts.parent)
        decided = _config_verdicts(context, bool(governing))
        # A declaration the program may also read (another namespace's, one written inside another key) denies
        # what it denies, but declares no account: the project's own namespace must (as the checker reads it).
        beside = [c.verdict for c in context.consumers if c.only_denies and c.verdict is not None]
        config_denied = any(not verdict.allowed for verdict in (*decided, *beside))
        if not context.invalid and not config_denied:
            if governing and all(decision.allowed for decision in governing):
                return
            if not governing and decided:
                return
        kind = text(lookup(args.props, "kind"))
        shown = "unknown until deployment" if kind is UNKNOWN else (kind or "not set")
        account = f"Account `{args.name}` (kind {shown}) can analyse images or faces"
        if not is_image_account:
            # A project or deployment on an account the stack may not create is where the models are used.
            what = args.resource_type.rsplit(":", 1)[-1]
            account = f"{what} `{args.name}` puts a Cognitive Services account's models or tools to use"
        if context.invalid:
            report(
                f"[{DECLARATION_MISSING.id}] {account}, and the stack's use-case declaration is invalid, so nothing "
                f"is proven allowed for it (see `{USE_CASE_VERDICT}`). {UNPROVEN_TAGS}",
                None,
            )
        elif config_denied:
            denials = sorted({f.rule for verdict in decided for f in verdict.denials})
            report(
                f"[{', '.join(denials)}] {account}, in a stack whose declared use case is denied (see "
                f"`{USE_CASE_VERDICT}`): nothing is proven allowed for it.",
                None,
            )
        elif governing:
            refused = next(decision for decision in governing if not decision.allowed)
            denials = sorted({f.rule for f in refused.verdict.denials}) if refused.verdict else []
            why = "is invalid" if refused.problems or refused.verdict is None else "is denied"
            why = "is missing" if refused.missing else why
            report(
                f"[{', '.join(denials or [DECLARATION_MISSING.id])}] {account}, beneath {refused.shown}, whose "
                f"declaration {why} (see `{USE_CASE_VERDICT}`): nothing is proven allowed for it.",
                None,
            )
        else:
            report(
                f"[{DECLARATION_MISSING.id}] {account}, and the stack's config declares no use case. Add "
                f"`{context.namespace}:useCase` to the stack file: name, purpose, owner, operator, capabilities "
                "(the program must hand that declaration to the component), or provision the account (with its "
                "projects and deployments) with AzureOpenAIService or AzureGovernmentOpenAIService, which declare "
                f"theirs. {UNPROVEN_TAGS}",
                None,
            )

    return validate


def _face(
    context_source: ContextSource, records: ComponentRecords
) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        records.see(args, context_source())
        if not is_account(args.resource_type):
            return
        kind = kind_of(args.props, args.resource_type)
        if isinstance(kind, str) and not may_be_face(kind):
            return  # the stack's declarations are gathered only for an account that is, or may be, Face
        context = context_source()
        declared = _declared(context, records.decisions(), destinations(args.provider))
        # The checker decides a YAML program's raw accounts with the same function (guards/raw_resources.py).
        reason = face_account_reason(
            args.name, kind if isinstance(kind, str) or kind is None else Pending("kind"), declared, context.namespace
        )
        if reason is not None:
            report(reason, None)

    return validate


Declared = list[tuple[str, UseCase | None, tuple[Cloud, ...]]]


def _declared(
    context: StackContext, components: Sequence[ComponentDecision] = (), goes_to: tuple[Cloud, ...] = ()
) -> Declared:
    """Every declaration in the stack with its path and the clouds it was decided for: the stack's, each Foundry
    project's own, each consumer namespace's (and ``goes_to``, the clouds the resource judged may go to, as its
    provider need not be the default one the namespace was decided for), then each guarded component's (and its
    projects') the pack has seen."""
    found: list[tuple[str, UseCase | None, tuple[Cloud, ...]]] = []
    declaration = context.declaration
    if declaration is not None:
        cloud = (declaration.cloud.cloud,)
        found += [("useCase", declaration.use_case, cloud)] + [(p.path, p.use_case, cloud) for p in context.projects]
    consumers = (c for c in context.consumers if c.use_case is not None)
    found += [(c.path, c.use_case, _with_clouds(c.clouds, goes_to)) for c in consumers]
    for d in components:
        cloud = (d.cloud.cloud,)
        found += [(d.path, d.use_case, cloud)] if d.use_case is not None else []
        found += [(f"{d.shown} {p.path}", p.use_case, cloud) for p in d.projects if p.use_case is not None]
    return found


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


def _face_api_exposure(
    context_source: ContextSource, records: ComponentRecords
) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        context = context_source()
        records.see(args, context)
        if not is_account(args.resource_type):
            return
        kind = kind_of(args.props, args.resource_type)
        if not isinstance(kind, str) or kind not in FACE_API_KINDS:
            return
        declared = _declared(context, records.decisions(), destinations(args.provider))
        # An undeclared party counts as the worst case, as in the guard's rules: it may be US police.
        evidence, undeclared = us_law_enforcement_evidence_in(declared), us_law_enforcement_undeclared_in(declared)
        if not evidence and not undeclared:
            return
        written = text(lookup(args.props, "kind")) or kind
        report(_exposure_text(args.name, written, evidence, undeclared), None)

    return validate


def _denied_stack(context_source: ContextSource) -> Callable[[ResourceValidationArgs, ReportViolation], None]:
    def validate(args: ResourceValidationArgs, report: ReportViolation) -> None:
        # Providers and the stack's own root create nothing.
        if args.resource_type.startswith("pulumi:providers:") or args.resource_type == "pulumi:pulumi:Stack":
            return
        refusal = config_refusal(context_source())
        if refusal is not None:
            report(
                f"{refusal} (see {USE_CASE_VERDICT}), so no resource of the stack is created, the program's own "
                "before the guarded component's included",
                None,
            )

    return validate


def use_case_policies(
    context_source: ContextSource, records: ComponentRecords | None = None
) -> list[StackValidationPolicy | ResourceValidationPolicy]:
    """The facial-recognition policies, each reading the stack's declaration from ``context_source``, and the
    guarded components' from their inputs (``records``: one per analysis)."""
    records = records or ComponentRecords()
    return [
        StackValidationPolicy(
            name=USE_CASE_VERDICT,
            description=(
                "The stack's declared use case must be allowed under Microsoft's facial-recognition terms for "
                "Azure OpenAI (the guard's verdict; rule ids as in `python -m azure_openai_guarded.guards rules`)."
            ),
            validate=_verdict(context_source, records),
            enforcement_level=EnforcementLevel.MANDATORY,
            remediation_steps="Change the declaration or the use case as each finding says; see docs/policy-pack.md.",
        ),
        StackValidationPolicy(
            name=USE_CASE_ADVISORIES,
            description="Advisories for the stack's declared use case (the guard's warnings: review, bias, logging).",
            validate=_advisories(context_source, records),
            enforcement_level=EnforcementLevel.ADVISORY,
        ),
        ResourceValidationPolicy(
            name=ACCOUNT_DECLARED,
            description=(
                "Cognitive Services accounts that can analyse images or faces (kinds OpenAI, AIServices, Face, "
                "ComputerVision, CognitiveServices), and Foundry projects, model deployments, connections and "
                "capability hosts, need an allowed use case the stack's config declares (in this project's "
                "namespace or the consumer project's own), or the guarded component they descend from declares in "
                "its inputs; the guard's tags prove nothing. A generic or template resource (resources:Resource, "
                "an ARM template deployment, azapi) that creates a Cognitive Services or Machine Learning resource "
                "is refused: the pack cannot read it."
            ),
            validate=_account_declared(context_source, records),
            enforcement_level=EnforcementLevel.MANDATORY,
        ),
        ResourceValidationPolicy(
            name=RESOURCE_TEXTS,
            description=(
                "The names and tags of each resource the components create (accounts, projects, deployments, "
                "content-filter policies and blocklists, resource groups, ML workspaces, of either provider) must "
                "not describe a use the declaration that governs it denies, and must be known before deployment; "
                "read as each resource is registered, before it is created."
            ),
            validate=_resource_texts(context_source, records),
            enforcement_level=EnforcementLevel.MANDATORY,
        ),
        ResourceValidationPolicy(
            name=DENIED_STACK,
            description=(
                "While the stack's config declares a use case that is denied or invalid, no resource is created: "
                "each is refused as it is registered, before it is created, so a resource the program makes before "
                "the guarded component (its own resource group) is not left behind by `pulumi up`; providers and "
                "the stack's root are let through, since they create nothing."
            ),
            validate=_denied_stack(context_source),
            enforcement_level=EnforcementLevel.MANDATORY,
        ),
        ResourceValidationPolicy(
            name=FACE_US_LAW_ENFORCEMENT,
            description=(
                "No Azure AI Face account in a stack declared by or for US law enforcement "
                "(Azure AI Face Limited Access policy)."
            ),
            validate=_face(context_source, records),
            enforcement_level=EnforcementLevel.MANDATORY,
        ),
        ResourceValidationPolicy(
            name=FACE_API_EXPOSURE,
            description=(
                "Accounts of kind CognitiveServices or AIServices reach the Azure AI Face API; in a stack declared by "
                "or for US law enforcement, or whose served parties are undeclared, they are reported, with kind "
                "OpenAI suggested (Azure AI Face Limited Access policy)."
            ),
            validate=_face_api_exposure(context_source, records),
            enforcement_level=EnforcementLevel.ADVISORY,
        ),
    ]
