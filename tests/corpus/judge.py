"""Judge the guard on the labelled purpose corpus: each purpose in the declaration its class describes.

Shared by the corpus test (tests/guard/test_purpose_corpus.py) and the benchmark (bench/bench_purpose.py).
See tests/corpus/README.md for the classes and how the corpus was written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from azure_openai_guarded.guards import Cloud, UseCase, evaluate_use_case
from azure_openai_guarded.guards.declaration import validate
from azure_openai_guarded.guards.rules import DECLARATION_INCONSISTENT

CORPUS = Path(__file__).resolve().parent
TUNED = (
    *("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8"),
    *("heldout9", "heldout10", "heldout11", "heldout12", "review14", "review15", "review16"),
    *("review17", "review18", "review19", "review20"),
)
"""The sets the tripwire has been tuned on (see README.md): the thresholds are asserted on these."""
HELD_OUT = ("heldout13",)
"""The sets it has never been tuned on: their figures are measured and reported, not asserted."""
SPLITS = TUNED + HELD_OUT
VIOLATING = ("recognition", "police", "field")
INCONSISTENT = DECLARATION_INCONSISTENT.id

_UNDECLARED = {"servedParties": [], "capabilities": ["face_detection", "image_analysis", "text_generation"]}
"""What a recognition, police or ordinary purpose is declared with: no facial recognition, no police, no one
served but the operator (so declaring facial recognition would deny nothing, and the guard reads narrowly)."""

_FIXED_CONTROLLED = {
    "operator": {"sector": "law_enforcement", "country": "GB"},
    "capabilities": ["facial_recognition"],
    "facialRecognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
}
"""What a field purpose is declared with: recognition by non-US police that the terms allow."""

_RECOGNITION_DECLARED = {
    "capabilities": ["facial_recognition"],
    "facialRecognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
}
"""What a police purpose ``under: recognition-declared`` is declared with: facial recognition by the entry's
sector, so that only the police customer it names can make the declaration inconsistent."""


_US_POLICE = {
    "operator": {"sector": "law_enforcement", "country": "US"},
    "servedParties": [],
    "capabilities": ["face_detection", "image_analysis", "text_generation"],
}
"""What a recognition or ordinary purpose ``setting: police`` is declared with: a US police department with
pictures and no facial recognition, where declaring it would deny the stack: the setting where a purpose that
hides recognition would be the way round the rules."""


@dataclass(frozen=True)
class Entry:
    split: str
    kind: str
    lang: str
    text: str
    sector: str
    under: str
    setting: str = ""
    """``police`` for a purpose judged as a US police department's (``_US_POLICE``)."""

    @property
    def violating(self) -> bool:
        return self.kind in VIOLATING

    def declaration(self, purpose: str | None = None) -> dict[str, Any]:
        """The use case (``useCase``, camelCase) the purpose is judged in; with another ``purpose`` when the text
        is judged as a Foundry project's description instead."""
        use: dict[str, Any] = {
            "name": "corpus",
            "purpose": self.text if purpose is None else purpose,
            "owner": "owner@example.com",
            "operator": {"sector": self.sector, "country": "US"},
        }
        use.update(
            _US_POLICE
            if self.setting == "police"
            else _FIXED_CONTROLLED
            if self.under == "fixed-controlled"
            else _RECOGNITION_DECLARED
            if self.under == "recognition-declared"
            else _UNDECLARED
        )
        return use

    def flagged(self, purpose: str | None = None) -> bool:
        """Whether the guard finds the declaration inconsistent with this purpose (in commercial Azure); given
        another ``purpose``, this text is read as a Foundry project's description under it instead."""
        use_case = validate(UseCase, self.declaration(purpose), ("useCase",), spelling="config")
        described = () if purpose is None else (("service.projects[0].description", self.text),)
        verdict = evaluate_use_case(use_case, Cloud.PUBLIC, described=described)
        return any(f.rule == INCONSISTENT for f in verdict.findings)


def load(splits: Iterable[str] = SPLITS) -> list[Entry]:
    entries = []
    for split in splits:
        for raw in yaml.safe_load((CORPUS / f"{split}.yaml").read_text(encoding="utf-8")):
            kind = raw["class"]
            under = raw.get("under", "fixed-controlled" if kind == "field" else "undeclared")
            sector = raw.get("sector", "commercial")
            entries.append(Entry(split, kind, raw["lang"], raw["text"], sector, under, raw.get("setting", "")))
    return entries


@dataclass(frozen=True)
class Score:
    """Recall on the violating purposes and false positives on the ordinary ones."""

    violating: int
    caught: int
    ordinary: int
    false_positives: int
    missed: tuple[Entry, ...]
    wrongly_flagged: tuple[Entry, ...]
    by_class: dict[str, tuple[int, int]]
    """For each class, how many purposes the guard judged right, and how many there are."""

    @property
    def recall(self) -> float:
        return self.caught / self.violating if self.violating else 1.0


def as_descriptions(entries: Iterable[Entry]) -> list[tuple[Entry, str]]:
    """Each entry paired with the purpose it is read under as a Foundry project's description: the next ordinary
    purpose of its set and language judged in the same declaration (the one after it, for an ordinary entry), so
    that an ordinary text must not be flagged beside another, and a violating one hides no better in a description
    than in the purpose."""
    listed = list(entries)
    pairs: list[tuple[Entry, str]] = []
    for i, entry in enumerate(listed):
        later = [*listed[i + 1 :], *listed[:i]]
        purpose = next(
            (e.text for e in later if e.kind == "ordinary" and e.declaration() == entry.declaration(e.text)),
            None,
        )
        if purpose is not None:
            pairs.append((entry, purpose))
    return pairs


def score(entries: Iterable[Entry], *, described: bool = False) -> Score:
    """The guard's score on ``entries``; ``described``: each read as a Foundry project's description under an
    ordinary purpose (:func:`as_descriptions`), not as the purpose."""
    missed: list[Entry] = []
    wrong: list[Entry] = []
    violating = ordinary = 0
    by_class: dict[str, tuple[int, int]] = {}
    paired = as_descriptions(entries) if described else [(entry, None) for entry in entries]
    for entry, purpose in paired:
        flagged = entry.flagged(purpose)
        right, total = by_class.get(entry.kind, (0, 0))
        by_class[entry.kind] = (right + (flagged is entry.violating), total + 1)
        if entry.violating:
            violating += 1
            if not flagged:
                missed.append(entry)
        else:
            ordinary += 1
            if flagged:
                wrong.append(entry)
    return Score(violating, violating - len(missed), ordinary, len(wrong), tuple(missed), tuple(wrong), by_class)
