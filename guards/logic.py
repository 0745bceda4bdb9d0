"""Three-valued logic for facts that may be undeclared.

A rule's condition is true, false, or unknown. ``all_of`` is false as soon as
one part is false, so an undeclared fact that cannot change the answer does
not block a stack; when the answer hangs on an undeclared fact, the outcome is
unknown and carries the config paths that would decide it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a fact holds: the config path it was read from and a short note."""

    path: str
    note: str
    kind: str = ""
    """Which kind of evidence this is, where a rule says what to change for each kind (see ``Rule.fixes``)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """A fact's or condition's value: True, False, or None for unknown."""

    value: bool | None
    evidence: tuple[Evidence, ...] = ()
    """For a true outcome: where in the declaration it comes from."""
    unknown: tuple[str, ...] = ()
    """For an unknown outcome: the undeclared config paths that would decide it."""


FALSE = Outcome(False)


def true(path: str, note: str, kind: str = "") -> Outcome:
    return Outcome(True, evidence=(Evidence(path, note, kind),))


def unknown(*paths: str) -> Outcome:
    return Outcome(None, unknown=paths)


def all_of(*parts: Outcome) -> Outcome:
    """Kleene AND: false if any part is false, else unknown if any is unknown."""
    if any(p.value is False for p in parts):
        return FALSE
    evidence = tuple(e for p in parts for e in p.evidence)
    missing = tuple(dict.fromkeys(u for p in parts for u in p.unknown))
    if missing:
        return Outcome(None, evidence=evidence, unknown=missing)
    return Outcome(True, evidence=evidence)


def any_of(*parts: Outcome) -> Outcome:
    """Kleene OR: true if any part is true, else unknown if any is unknown."""
    hits = [p for p in parts if p.value is True]
    if hits:
        return Outcome(True, evidence=tuple(e for p in hits for e in p.evidence))
    missing = tuple(dict.fromkeys(u for p in parts for u in p.unknown))
    if missing:
        return Outcome(None, unknown=missing)
    return FALSE


def negate(outcome: Outcome) -> Outcome:
    if outcome.value is None:
        return outcome
    return Outcome(not outcome.value)
