"""The purpose tripwire, measured on the labelled corpus (tests/corpus/).

A heuristic is specified by what it catches and what it leaves alone on text written for the purpose, not
by its patterns: these tests assert the issue's thresholds (at least 98 % recall on purposes that describe
recognition, a police customer or live, patrol and mobile-camera wording; no false positive on ordinary
purposes) on every set the tripwire has been tuned on. The held-out set is measured by
bench/bench_purpose.py and reported, never asserted: asserting it would make it a tuning set.
"""

from __future__ import annotations

import pytest

from tests.corpus import judge

RECALL = 0.98


@pytest.fixture(scope="module")
def tuned() -> judge.Score:
    return judge.score(judge.load(judge.TUNED))


def test_the_corpus_has_at_least_300_purposes_and_every_class_in_each_of_the_five_languages() -> None:
    entries = judge.load()
    languages = {e.lang for e in entries}
    classes = {e.kind for e in entries}

    assert len(entries) >= 300
    assert {"en", "es", "fr", "de", "pt"} <= languages
    assert classes == {*judge.VIOLATING, "ordinary"}
    for language in ("en", "es", "fr", "de", "pt"):
        assert {e.kind for e in entries if e.lang == language} == classes, language


def test_recall_on_violating_purposes_is_at_least_98_percent(tuned: judge.Score) -> None:
    missed = "\n".join(f"  [{e.split} {e.kind} {e.lang}] {e.text}" for e in tuned.missed)

    assert tuned.recall >= RECALL, f"recall {tuned.recall:.1%}; missed:\n{missed}"


def test_no_ordinary_purpose_is_flagged(tuned: judge.Score) -> None:
    flagged = "\n".join(f"  [{e.split} {e.lang}] {e.text}" for e in tuned.wrongly_flagged)

    assert tuned.false_positives == 0, f"flagged:\n{flagged}"


def test_every_class_is_caught_at_the_threshold_on_its_own(tuned: judge.Score) -> None:
    for kind in judge.VIOLATING:
        right, total = tuned.by_class[kind]
        assert right / total >= RECALL, f"{kind}: {right} of {total}"


@pytest.fixture(scope="module")
def described() -> judge.Score:
    return judge.score(judge.load(judge.TUNED), described=True)


def test_a_violating_text_in_a_foundry_projects_description_is_caught_at_the_threshold(described: judge.Score) -> None:
    missed = "\n".join(f"  [{e.split} {e.kind} {e.lang}] {e.text}" for e in described.missed)

    assert described.recall >= RECALL, f"recall {described.recall:.1%}; missed:\n{missed}"


def test_an_ordinary_description_under_an_ordinary_purpose_is_not_flagged_but_beside_us_police_with_pictures(
    described: judge.Score,
) -> None:
    wrong = [e for e in described.wrongly_flagged if e.setting != "police"]
    flagged = "\n".join(f"  [{e.split} {e.lang}] {e.text}" for e in wrong)

    assert described.ordinary > 0
    assert not wrong, f"flagged:\n{flagged}"


POLICE_DESCRIBED_FALSE_POSITIVES = 0.1
"""The most ordinary descriptions flagged where a US police department declares pictures: there the purpose is read
with every text of the declaration, as recognition is described across them (``guards/facts.py``), at a cost."""


def test_few_ordinary_descriptions_beside_us_police_with_pictures_are_flagged(described: judge.Score) -> None:
    pairs = judge.as_descriptions(judge.load(judge.TUNED))
    judged = [e for e, _ in pairs if e.kind == "ordinary" and e.setting == "police"]
    wrong = [e for e in described.wrongly_flagged if e.setting == "police"]

    assert judged
    assert len(wrong) <= POLICE_DESCRIBED_FALSE_POSITIVES * len(judged), [e.text for e in wrong]
