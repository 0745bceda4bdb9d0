"""Microsoft Foundry projects' own use-case declarations, each decided by the engine before anything is registered.

One Foundry account often hosts several teams' projects, each with its own
purpose. A project may declare its own use case (the same model as the
stack's); a project that declares none falls under the stack's declaration.
Every declaration goes through :func:`.engine.evaluate_use_case`, so a project
is judged by exactly the rules a stack is, and one denied project stops the
whole stack.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from .countries import UNITED_STATES
from .declaration import validate
from .engine import Finding, Verdict, evaluate_use_case, finding
from .facts import Text, read_facts, says_what_is_done_with_the_faces
from .logic import Evidence, Outcome
from .models import Capability, Cloud, GuardProfile, Sector, UseCase
from .rules import DECLARATION_INCOMPLETE, DECLARATION_INCONSISTENT


@dataclass(frozen=True, slots=True)
class ProjectDeclaration:
    """A project and the declaration it carries, if any."""

    name: str
    """The project's name."""
    use_case: UseCase | None
    """Its own declaration; ``None`` when it falls under the stack's."""
    path: str
    """Where its declaration is (or would be), e.g. ``service.projects[1].useCase``."""
    described: tuple[Text, ...] = ()
    """Its free text, each with its path (its name, display name and description), which the purpose tripwire
    reads with the purpose of the declaration that governs it."""


def described(project: Mapping[str, object], at: str, keys: Sequence[str]) -> tuple[Text, ...]:
    """The free text among a project's ``keys`` (its name, display name and description, as its reader spells
    them), each with its path under ``at`` (``service.projects[1]``); a value that is not text is left to the
    project's own validation."""
    return tuple((f"{at}.{key}", value) for key in keys if isinstance(value := project.get(key), str) and value)


@dataclass(frozen=True, slots=True)
class ProjectDecision:
    """The verdict that governs one project."""

    name: str
    """The project's name."""
    use_case: UseCase | None
    """The declaration that governs it: its own, or the stack's (``None`` when the stack declares none)."""
    own: bool
    """Whether the project carries its own declaration."""
    path: str
    """The config path of the declaration that was decided."""
    verdict: Verdict

    def summary(self) -> str:
        """The decision as plain lines, naming the project and whose declaration was decided."""
        whose = f"its own declaration ({self.path})" if self.own else f"the stack's declaration ({self.path})"
        lines = [f"Project {self.name!r}, decided on {whose}:"]
        lines += [f"  {line}" for line in self.verdict.summary().splitlines()]
        return "\n".join(lines)


def _jurisdiction(country: str) -> str:
    """The country whose law a party is under: the United States for its territories."""
    return "US" if country in UNITED_STATES else country


def _account_parties_undeclared(stack_path: str, does: str) -> Finding:
    """A project's facial recognition (or face detection that may hide it) in an account whose ``servedParties``
    is left out: the parties the account is built for, and so its projects, may be US police ("by or for"), which
    is the worst case. ``does`` says what the project's declaration does."""
    detail = (
        f"{stack_path}.servedParties, the parties the account is built for (and so every project in it), is "
        f"undeclared, and the project's own declaration {does}, which the terms forbid by or for US police"
    )
    paths = ("useCase.capabilities",)
    return finding(DECLARATION_INCOMPLETE, detail, paths, (Evidence(paths[0], detail, "account_parties_undeclared"),))


def _outside_the_account(
    project: UseCase, account: UseCase | None, stack_path: str, texts: Sequence[Text]
) -> Finding | None:
    """The contradiction of a project's own declaration that leaves out a law-enforcement party of its account:
    the account's operator runs every project in it, and what the account is built for its projects are built
    for, so such a project is used by or for that party whatever its own declaration says. Each of the account's
    law-enforcement parties (operator or served) must have one of the same country among the project's.

    Where the account leaves its served parties out, they may be a US police department, which reaches a
    project that recognises faces, or that detects them without saying they are blurred or counted (``texts``,
    the project's own and the account's), as the stack's own declaration would."""
    if account is None:
        return None
    detects = Capability.FACE_DETECTION in project.capabilities and not says_what_is_done_with_the_faces(
        (("useCase.purpose", project.purpose), *texts)
    )
    if account.served_parties is None and Capability.FACIAL_RECOGNITION in project.capabilities:
        return _account_parties_undeclared(stack_path, "includes facial_recognition")
    if account.served_parties is None and detects:
        does = "detects faces (face_detection) without saying they are blurred, redacted or counted, which may hide "
        return _account_parties_undeclared(stack_path, f"{does}facial recognition")
    own = {_jurisdiction(p.country) for _, p in project.parties if p.sector == Sector.LAW_ENFORCEMENT}
    missing = [
        (path, party)
        for path, party in account.parties
        if party.sector == Sector.LAW_ENFORCEMENT and _jurisdiction(party.country) not in own
    ]
    if not missing:
        return None
    parties = "; ".join(f"law enforcement in {party.country} ({rerooted(path, stack_path)})" for path, party in missing)
    detail = (
        f"the account is operated by or built for {parties}, and so is every project in it, but the project's own "
        "declaration names no law-enforcement party of that country"
    )
    paths = ("useCase.operator", "useCase.servedParties")
    evidence = (Evidence(paths[0], detail, "project_outside_the_account"),)
    return finding(DECLARATION_INCONSISTENT, detail, paths, evidence)


def decide_projects(
    projects: Iterable[ProjectDeclaration],
    stack_use_case: UseCase | None,
    cloud: Cloud,
    profile: GuardProfile = GuardProfile.TERMS,
    stack_path: str = "useCase",
    account: Sequence[Text] = (),
) -> tuple[ProjectDecision, ...]:
    """Decide every project on its own declaration if it has one, else on the stack's, in the stack's cloud, with
    its own text and the ``account``'s (its names and tags, which say what every project in it is for).

    A project's own declaration in an account operated by or built for law enforcement must name that law
    enforcement among its parties (see :func:`_outside_the_account`), or it is inconsistent.
    """
    decisions: list[ProjectDecision] = []
    for project in projects:
        texts = (*project.described, *account)
        if project.use_case is not None:
            verdict = evaluate_use_case(project.use_case, cloud, profile, texts)
            outside = _outside_the_account(project.use_case, stack_use_case, stack_path, texts)
            if outside is not None:
                verdict = replace(verdict, allowed=False, findings=(outside, *verdict.findings))
            decisions.append(ProjectDecision(project.name, project.use_case, True, project.path, verdict))
            continue
        # Under the stack's declaration, as its own text says what the project is for.
        verdict = evaluate_use_case(stack_use_case, cloud, profile, texts)
        decisions.append(ProjectDecision(project.name, stack_use_case, False, stack_path, verdict))
    return _recognition_shared_in_the_account(tuple(decisions), stack_use_case, stack_path, cloud, profile)


def _recognition_shared_in_the_account(
    decisions: tuple[ProjectDecision, ...],
    stack_use_case: UseCase | None,
    stack_path: str,
    cloud: Cloud,
    profile: GuardProfile,
) -> tuple[ProjectDecision, ...]:
    """``decisions``, with the facial recognition one declaration in the account declares decided again as done for
    the parties of each other project's declaration too: an account's model deployments, keys and roles are the
    account's, shared by every project in it, so recognition built in one project is there for the police another
    is built for (a US department: clause 1; any police, where the recognition is live on mobile cameras in the
    wild: clause 2). A project's parties left out are the worst case, as anywhere. The finding goes to the project
    that recognises faces, or to the other one where the account's own declaration recognises them. The account's
    own parties reach each project already (see :func:`_outside_the_account`)."""
    declared: list[tuple[str, UseCase | None, int | None]] = [(stack_path, stack_use_case, None)]
    declared += [(d.path, d.use_case, i) for i, d in enumerate(decisions) if d.own]
    found: dict[int, list[Finding]] = {}
    for fr_path, fr_use, fr_at in declared:
        if fr_use is None or Capability.FACIAL_RECOGNITION not in fr_use.capabilities:
            continue
        alone = evaluate_use_case(fr_use, cloud, profile)
        for path, use_case, at in declared:
            target = fr_at if fr_at is not None else at
            if path == fr_path or at is None or target is None or use_case is None:
                continue
            shared = evaluate_use_case(_serving_too(fr_use, use_case), cloud, profile)
            added = [f for f in shared.denials if f not in alone.findings]
            said = (
                f"{fr_path} declares facial_recognition, and the projects of one account share its deployments, so "
                f"it is decided as built for {path}'s parties too (give each its own account): "
            )
            found.setdefault(target, []).extend(replace(f, message=said + f.message) for f in added)
    if not any(found.values()):
        return decisions
    return tuple(
        replace(d, verdict=replace(d.verdict, allowed=False, findings=(*found[i], *d.verdict.findings)))
        if found.get(i)
        else d
        for i, d in enumerate(decisions)
    )


def _serving_too(recognising: UseCase, other: UseCase) -> UseCase:
    """``recognising`` built also for ``other``'s operator and served parties; its served parties left out when
    ``other``'s are, which may then be anyone."""
    data = recognising.model_dump(by_alias=True, exclude_none=True, warnings=False)
    if other.served_parties is None:
        data.pop("servedParties", None)
    else:
        data["servedParties"] = [
            *data.get("servedParties", []),
            *(p.model_dump(by_alias=True, warnings=False) for _, p in other.parties),
        ]
    return validate(UseCase, data, spelling="config")


def denied(decisions: Sequence[ProjectDecision]) -> tuple[ProjectDecision, ...]:
    """The decisions that deny their project."""
    return tuple(d for d in decisions if not d.verdict.allowed)


def rerooted(path: str, root: str) -> str:
    """``path`` (in a use case, ``useCase.operator``) moved under ``root`` (``service.projects[1].useCase``)."""
    for prefix in ("useCase", "use_case"):
        if path == prefix or path.startswith((f"{prefix}.", f"{prefix}[")):
            return root + path[len(prefix) :]
    return path


def with_projects(verdict: Verdict, decisions: Sequence[ProjectDecision]) -> Verdict:
    """The stack's verdict and its projects' own: denied if any project is, with each project's findings named
    for the project and pointing at its declaration (a project under the stack's declaration: those its own text
    adds). What a checker reports for a stack of Foundry projects."""
    extra: list[Finding] = []
    for decision in decisions:
        for found in decision.verdict.findings:
            if not decision.own and found in verdict.findings:
                continue
            extra.append(
                replace(
                    found,
                    message=f"Foundry project {decision.name!r}: {found.message}",
                    paths=tuple(rerooted(p, decision.path) for p in found.paths),
                )
            )
    if not extra:
        return verdict
    return replace(
        verdict,
        allowed=verdict.allowed and all(d.verdict.allowed for d in decisions),
        findings=(*verdict.findings, *extra),
    )


def _us_law_enforcement(declared: Iterable[tuple[str, UseCase | None]], cloud: Cloud) -> Iterator[tuple[str, Outcome]]:
    """Each declaration's fact that it is by or for US law enforcement, with the root its paths move under."""
    for root, use_case in declared:
        if use_case is not None:
            yield root, read_facts(use_case, cloud).us_law_enforcement


def us_law_enforcement_evidence(declared: Iterable[tuple[str, UseCase | None]], cloud: Cloud) -> list[str]:
    """Why any of ``declared`` (each a use case with the config path it sits at) is by or for US law enforcement,
    each reason with its path; empty when none is. What the Face API warnings cite."""
    return [
        f"{e.note} ({rerooted(e.path, root)})"
        for root, outcome in _us_law_enforcement(declared, cloud)
        if outcome.value is True
        for e in outcome.evidence
    ]


def us_law_enforcement_undeclared(declared: Iterable[tuple[str, UseCase | None]], cloud: Cloud) -> list[str]:
    """The undeclared config paths, each under its declaration's root, that leave open whether one of ``declared``
    is by or for US law enforcement (a left-out ``servedParties``: the parties it leaves out may be police); empty
    when every declaration settles it. Unknown counts as the worst case, so what cites the evidence cites these."""
    return [
        rerooted(path, root)
        for root, outcome in _us_law_enforcement(declared, cloud)
        if outcome.value is None
        for path in outcome.unknown
    ]
