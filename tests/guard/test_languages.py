"""What the purpose tripwire can read: five languages in Latin letters. A text in another script or another
language is unread (guards/languages.py), which the guard counts as an unknown fact (tests/guard/test_described_text.py
shows the verdict); here, which texts are unread and why."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards.languages import unread_because

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize(
    ("text", "because"),
    [
        pytest.param("Распознавание лиц подозреваемых.", "another script", id="mostly-cyrillic"),
        pytest.param("Identify the 容疑者 in each frame.", "another script", id="one-word-in-another-script"),
        pytest.param("Per il dipartimento di polizia di Chicago: immagini.", "reads as Italian", id="italian-markers"),
        pytest.param("Verdachten herkennen aan hun gezicht voor de politie.", "reads as Dutch", id="dutch-markers"),
        pytest.param("Rozpoznawanie twarzy podejrzanych dla policji.", "not words of those languages", id="polish"),
        pytest.param("Riconoscimento Facciale Per La Polizia Di New York", "not words", id="italian-in-title-case"),
        pytest.param("RICONOSCIMENTO FACCIALE PER LA POLIZIA", "not words", id="italian-in-capitals"),
    ],
)
def test_a_text_in_another_script_or_language_is_unread_and_says_why(text: str, because: str) -> None:
    said = unread_because(text)

    assert said is not None
    assert because in said


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Summarise Jira tickets for Contoso's on-call SREs using GPT-4o.", id="names-and-acronyms"),
        pytest.param("Kundenfotos anonymisieren, indem Gesichter verpixelt werden.", id="german-compounds"),
        pytest.param("Résumer les tickets pour l'équipe de Montréal.", id="french-accents"),
        pytest.param("Reconocimiento facial para la policía de Nueva York.", id="spanish"),
        pytest.param("Latency under 200 μs for 𝐞𝐯𝐞𝐫𝐲 request.", id="a-unit-and-bold-latin-letters"),
        pytest.param("Answer HR questions.", id="short"),
    ],
)
def test_a_text_in_one_of_the_five_languages_is_read(text: str) -> None:
    assert unread_because(text) is None


def _corpus(name: str) -> list[dict[str, str]]:
    entries: list[dict[str, str]] = yaml.safe_load((CORPUS / f"{name}.yaml").read_text(encoding="utf-8"))
    return entries


FIVE = ("en", "es", "fr", "de", "pt")


def test_no_purpose_of_the_five_languages_in_the_labelled_corpus_is_unread() -> None:
    purposes = [
        e["text"]
        for path in sorted(CORPUS.glob("*.yaml"))
        if path.stem != "languages"
        for e in _corpus(path.stem)
        if e.get("lang", "en") in FIVE
    ]

    unread = [(text, because) for text in purposes if (because := unread_because(text))]

    assert len(purposes) > 1_700
    assert unread == []


def test_most_purposes_in_other_languages_are_unread() -> None:
    # A tuned set (tests/corpus/languages.yaml): languages close to Spanish or Portuguese (Catalan, Galician, some
    # Italian) or to German share enough words to be read as them, and are read with their words; 6 of 46 are.
    entries = _corpus("languages")

    read = [e["text"] for e in entries if unread_because(e["text"]) is None]

    assert {e["lang"] for e in entries}.isdisjoint(FIVE)
    assert len(entries) - len(read) >= 0.85 * len(entries), read


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "We summarise incident reports, witness statements and case notes for detectives in the county so they "
            "can prepare court files quickly and accurately; inoltre riconoscimento facciale dei sospettati.",
            id="an-italian-clause",
        ),
        pytest.param(
            "Summaries of case notes for the detectives' weekly review; ook gezichtsherkenning van verdachten.",
            id="a-dutch-clause",
        ),
    ],
)
def test_a_clause_in_another_language_inside_a_text_in_english_is_unread(text: str) -> None:
    said = unread_because(text)

    assert said is not None
    assert "in '" in said


def test_a_short_clause_with_a_rare_word_or_two_is_read() -> None:
    assert unread_because("Redact faces of bystanders; the officer's name and badge number stay visible.") is None
