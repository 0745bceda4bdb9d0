"""What the purpose tripwire does to read fast changes no reading.

- The police gate (a stem each police phrase contains) passes every text a police customer is read in: reading
  with the gate open finds the same customers, in the corpus and in every test's texts.
- A leading group of alternatives spelled out, so that each word begins with its letter, changes no match: the
  words match as they did when every word that did not begin with a letter was tried first.
- The recognition gate (stems of the face and picture words) passes every sentence those words are found in.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from azure_openai_guarded.guards import purpose_text, purpose_words
from tests.corpus import judge

TESTS = Path(__file__).resolve().parent


def texts() -> list[str]:
    """Every corpus purpose and every string in the tripwire's tests long enough to be one."""
    found = [e.text for e in judge.load()]
    for path in sorted(TESTS.glob("test_purpose*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and 12 <= len(node.value) < 400:
                found.append(node.value)
    return found


def test_the_police_gate_passes_every_text_a_police_customer_is_read_in(monkeypatch: pytest.MonkeyPatch) -> None:
    every = texts()
    gated = [(r.police, r.us_police) for r in map(purpose_text.read_purpose, every)]
    monkeypatch.setattr(purpose_text, "_may_name_police", lambda words: True)
    opened = [(r.police, r.us_police) for r in map(purpose_text.read_purpose, every)]

    assert len(every) > 2000
    assert sum(bool(police) for police, _ in opened) > 300
    assert [t for t, g, o in zip(every, gated, opened, strict=True) if g != o] == []


@pytest.mark.parametrize(
    "words",
    [
        pytest.param(purpose_words.REALTIME, id="realtime"),
        pytest.param(purpose_words.MOBILE, id="mobile"),
        pytest.param(purpose_words.UNCONTROLLED, id="uncontrolled"),
        pytest.param((*purpose_words.US_LAW_ENFORCEMENT, *purpose_words.POLICE_CUSTOMERS), id="police"),
        pytest.param(purpose_words.US_PLACES, id="us-places"),
    ],
)
def test_spelling_out_a_leading_group_of_alternatives_changes_no_match(words: tuple[str, ...]) -> None:
    grouped = re.compile(rf" {purpose_text._by_first_letter(*words)}(?= )")
    # Grouping by letter tries the words that do not begin with one first; at any place only one letter's words
    # can match, so the grouping matches as this does.
    plain = [w for w in words if w[:1].isalpha() and w[1:2] not in ("?", "*", "+", "{")]
    written = re.compile(rf" (?:{'|'.join([*(w for w in words if w not in plain), *plain])})(?= )")
    sentences = [s for text in texts() for s in purpose_text._sentences(purpose_text.normalise(text))]

    differ = [
        s for s in sentences if [m.group() for m in grouped.finditer(s)] != [m.group() for m in written.finditer(s)]
    ]

    assert sum(bool(written.search(s)) for s in sentences) > 50
    assert differ == []


def test_the_recognition_gate_passes_every_sentence_with_a_face_or_a_picture_word() -> None:
    sentences = [
        s
        for text in texts()
        for s in purpose_text._with_clauses(
            purpose_text._with_neighbours(purpose_text._sentences(purpose_text._fold(text)))
        )
    ]
    pictured = [s for s in sentences if purpose_text._FACE_OR_PICTURE.search(s) or purpose_text._IMAGE_SIGN.search(s)]

    assert len(pictured) > 1000
    assert [s for s in pictured if not purpose_text._may_recognise(s)] == []
