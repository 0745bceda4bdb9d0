"""The guard's engine: a declaration in, a verdict out.

Every entry point (the checker, the Pulumi program, the components and the
policy pack) calls :func:`evaluate`; none of them decides anything itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from pydantic.alias_generators import to_camel

from .declaration import renamed
from .deployment import deployment_texts
from .facts import READABLE, Facts, Text, read_facts, recognition_in_purpose, unknown_kind
from .logic import FALSE, Evidence, true
from .models import Cloud, GuardProfile, StackDeclaration, UseCase
from .rules import DECLARATION_INCOMPLETE, DECLARATION_MISSING, RULES, Rule, Severity
from .terms import RULESET_VERSION, TERMS_VERSION


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule that fired, with what to change."""

    rule: str
    """The id of the rule that fired."""
    severity: Severity
    """The rule's severity: a deny finding denies the stack."""
    title: str
    """The rule's title."""
    message: str
    """What was found and what to change, in one paragraph."""
    source: str
    """Where the rule's clause comes from."""
    clause: str | None
    """The clause's wording, quoted; ``None`` for the guard's own rules."""
    paths: tuple[str, ...]
    """Config paths the finding points at, most specific first."""

    def to_dict(self, naming: Callable[[str], str] = to_camel) -> dict[str, Any]:
        """The finding as data; its keys are single words, and ``naming`` writes the fields its paths name."""
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "title": self.title,
            "message": self.message,
            "source": self.source,
            "clause": self.clause,
            "paths": [renamed(path, naming) for path in self.paths],
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """The guard's decision for one stack."""

    allowed: bool
    """Whether no deny rule fired."""
    profile: GuardProfile
    """The profile the stack was decided under."""
    findings: tuple[Finding, ...]
    """Every rule that fired, denials and warnings, in rule order."""
    ruleset_version: str = RULESET_VERSION
    """The rule set that decided; bumped whenever a rule changes which stacks pass."""
    terms_version: str = TERMS_VERSION
    """The edition of the terms the rules encode."""

    @property
    def denials(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == Severity.DENY)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == Severity.WARN)

    @property
    def label(self) -> str:
        """``allowed``, ``allowed-with-warnings`` or ``denied``; short enough for an Azure tag."""
        if not self.allowed:
            return "denied"
        return "allowed-with-warnings" if self.findings else "allowed"

    def to_dict(
        self, naming: Callable[[str], str] = to_camel, names: Callable[[str], str] | None = None
    ) -> dict[str, Any]:
        """The verdict as data: the checker's JSON, the stack's and the components' ``verdict`` output.

        The one serialisation of a verdict; ``naming`` writes its keys (camelCase for reports, stack outputs and
        other languages, the Python names for a component's output, which Pulumi renames for other languages),
        and ``names`` (default ``naming``) the declaration's fields its findings' paths name, as the
        declaration's author writes them.
        """
        fields: dict[str, Any] = {
            "allowed": self.allowed,
            "verdict": self.label,
            "profile": self.profile.value,
            "ruleset_version": self.ruleset_version,
            "terms_version": self.terms_version,
            "findings": [f.to_dict(names or naming) for f in self.findings],
        }
        return {naming(key): value for key, value in fields.items()}

    def summary(self) -> str:
        """The findings as plain lines, for an error message or a log."""
        lines = [f"Verdict: {self.label} (rule set {self.ruleset_version}, terms {self.terms_version})"]
        for f in self.findings:
            lines.append(f"  [{f.severity.value}] {f.rule}: {f.message}")
            # The words the rule enforces, so a denial quotes the terms rather than only naming a rule id.
            if f.clause:
                lines.append(f'    Clause: "{f.clause}"')
        return "\n".join(lines)


def _fix(rule: Rule, evidence: tuple[Evidence, ...]) -> str:
    """The rule's fixes for the evidence at hand, each once; its general fix for evidence it has none for."""
    fixes = dict.fromkeys(rule.fixes.get(e.kind, rule.fix) for e in evidence)
    return " ".join(fixes) or rule.fix


def finding(rule: Rule, detail: str, paths: tuple[str, ...], evidence: tuple[Evidence, ...] = ()) -> Finding:
    """``rule``'s finding: its title, ``detail``, and the fix for each kind of ``evidence`` (its general fix
    without); ``paths`` default to the rule's own."""
    fix = _fix(rule, evidence)
    message = f"{rule.title}: {detail}. {fix}" if detail else f"{rule.title}. {fix}"
    return Finding(
        rule=rule.id,
        severity=rule.severity,
        title=rule.title,
        message=message,
        source=rule.source,
        clause=rule.clause.wording if rule.clause else None,
        paths=paths or (rule.path,),
    )


def _qualified(value: object) -> str:
    return f"{type(value).__module__}.{type(value).__qualname__}"


_SUPPOSED: Final = true("useCase.capabilities", "facial recognition, supposed")


def _recognition_would_deny(facts: Facts, profile: GuardProfile) -> bool:
    """Whether declaring facial recognition would make a deny rule fire that does not now; a rule it would only
    leave unknown is not counted, as declaring the facts it hangs on may still allow the stack.

    A purpose that describes recognition in such a stack is then told that declaring it is no way out. The rules
    themselves answer the question, supposing the capability, so no rule is restated here.
    """
    if facts.facial_recognition.value is True:
        return False
    # Left unknown (a US police department's face detection that says nothing of the faces), it is supposed both
    # ways, as declaring it is what the finding speaks of.
    without = replace(facts, facial_recognition=FALSE)
    supposed = replace(facts, facial_recognition=_SUPPOSED)
    return any(
        rule.condition(without).value is False and rule.condition(supposed).value is True
        for rule in RULES
        if rule.condition is not None and rule.severity == Severity.DENY and profile in rule.profiles
    )


def evaluate_use_case(
    use_case: UseCase | None,
    cloud: Cloud,
    profile: GuardProfile = GuardProfile.TERMS,
    described: Sequence[Text] = (),
) -> Verdict:
    """Decide whether ``use_case``, deployed to ``cloud``, is allowed under ``profile``; ``described`` is other
    free text (each with its path) that says what it governs, which the purpose tripwire reads with the purpose.

    A deny rule whose condition is unknown becomes ``DECLARATION-INCOMPLETE``,
    naming the undeclared facts and the rule they could not rule out.
    """
    if use_case is None:
        return Verdict(allowed=False, profile=profile, findings=(finding(DECLARATION_MISSING, "", ()),))
    # A model from a second copy of this package (the same folder imported under another name) has enums of
    # other classes; deciding it would compare facts the rules cannot see, so only this engine's own is taken.
    if not isinstance(use_case, UseCase):
        raise TypeError(f"evaluate_use_case takes this guard's UseCase, not {_qualified(use_case)}")

    # The stack's and the project's names are read wherever a use case is decided (see guards/deployment.py).
    facts = read_facts(use_case, cloud, (*described, *deployment_texts()))
    # A US police customer named but not declared would make declaring the recognition deny too.
    us_customer = any(e.kind == "us_police_in_purpose" for e in facts.police_in_purpose.evidence)
    undeclared = facts.undeclared_facial_recognition_in_purpose.value
    if undeclared and (us_customer or _recognition_would_deny(facts, profile)):
        told = recognition_in_purpose(use_case, facts.recognition_phrases, declaring_denies=True)
        facts = replace(facts, undeclared_facial_recognition_in_purpose=told)
    findings: list[Finding] = []
    for rule in RULES:
        if rule.condition is None or profile not in rule.profiles:
            continue
        outcome = rule.condition(facts)
        if outcome.value is True:
            detail = "; ".join(e.note for e in outcome.evidence)
            paths = tuple(dict.fromkeys(e.path for e in outcome.evidence))
            findings.append(finding(rule, detail, paths, outcome.evidence))
        elif outcome.value is None and rule.severity == Severity.DENY:
            missing = ", ".join(outcome.unknown)
            title = rule.title[:1].lower() + rule.title[1:]
            # Each unknown gets the fix for its kind: a text to rewrite is no field to declare. An unknown says
            # more than its config path ("useCase.purpose must be written in a language the guard reads ..."): the
            # finding points at the path, where a report finds the line.
            kinds = tuple(Evidence(u, "", unknown_kind(u)) for u in outcome.unknown)
            rewritten = all(e.kind == "unread_text" for e in kinds)
            detail = f"{missing}{'' if rewritten else ' must be declared'} to rule out {rule.id} ({title})"
            paths = tuple(dict.fromkeys(_unknown_path(u) for u in outcome.unknown))
            findings.append(finding(DECLARATION_INCOMPLETE, detail, paths, kinds))

    allowed = not any(f.severity == Severity.DENY for f in findings)
    return Verdict(allowed=allowed, profile=profile, findings=tuple(findings))


def _unknown_path(unknown: str) -> str:
    """The path an unknown names: a text to rewrite, whose path may have spaces ("the stack's name must be written
    in ..."), or a field to declare ("useCase.facialRecognition.realtime (...)")."""
    text, rewrite, _ = unknown.partition(f" {READABLE}")
    return text if rewrite else unknown.split(" ", 1)[0]


def evaluate(declaration: StackDeclaration) -> Verdict:
    """Decide a whole stack declaration."""
    if not isinstance(declaration, StackDeclaration):
        raise TypeError(f"evaluate takes this guard's StackDeclaration, not {_qualified(declaration)}")
    return evaluate_use_case(declaration.use_case, declaration.cloud, declaration.guard_profile)
