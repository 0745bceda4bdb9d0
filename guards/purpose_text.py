"""Find facial recognition described in a declaration's free-text purpose.

A declaration whose purpose says "identify suspects by their faces" but whose
capabilities leave out ``facial_recognition`` is inconsistent. The check is a
tripwire against an honest omission or a careless copy, not a classifier: it
normalises the text so that look-alike characters, case and invisible
characters cannot hide a phrase, then matches English, Spanish, French, German
and Portuguese phrasings of identifying people by their faces.

It must not fire on ordinary words that contain "face" ("interface",
"surface", "customer-facing", "face-to-face"), on "face" as a verb ("the risks
our agents face"), on Spanish "cara" meaning expensive ("la tarifa más cara"),
nor on face *detection* (finding, counting or blurring faces), which
establishes no identity. Phrases are matched within a sentence, never across
a full stop.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

_NOT_WORD: Final = re.compile(r"[\W_]+")
_SENTENCE_END: Final = re.compile(r"[.!?;]+")
_NON_ASCII: Final = re.compile(r"[^\x00-\x7f]+")


_LOOKALIKES: Final = str.maketrans(
    {
        # Cyrillic and Greek letters drawn like Latin ones, which NFKC leaves alone: "fаcial" with a Cyrillic а.
        **dict(zip("аеорсухіјѕԁһӏԛԝ", "aeopcyxijsdhlqw", strict=True)),
        **dict(zip("αεικνορτυχ", "aeikvoptux", strict=True)),
    }
)


def _fold(text: str) -> str:
    """NFKC, drop format characters (zero-width and the like), case-fold, map look-alike letters to
    Latin and strip accents."""
    if text.isascii():
        # None of the Unicode steps changes ASCII text; most purposes are ASCII.
        return text.lower()
    text = unicodedata.normalize("NFKC", text).casefold().translate(_LOOKALIKES)
    return _NON_ASCII.sub(_visible_base_letters, unicodedata.normalize("NFKD", text))


def _visible_base_letters(run: re.Match[str]) -> str:
    """A run of non-ASCII characters without its format characters and combining accents."""
    return "".join(ch for ch in run.group() if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")


def _words(text: str) -> str:
    return f" {_NOT_WORD.sub(' ', text).strip()} "


def normalise(text: str) -> str:
    """NFKC, drop format characters (zero-width and the like), case-fold,
    strip accents, and reduce hyphens, punctuation and runs of space to one space."""
    return _words(_fold(text))


# Idioms that pair "face" with something other than identity.
_IDIOMS: Final = re.compile(r" (?:face to face|face a face|cara a cara|cara cara) ")

_WITHIN: Final = r"(?: \w+){0,5}?"
"""Up to five words between a verb and its object: "identify the people's faces"."""


def _not_after(words: tuple[str, ...], word: str) -> str:
    """Lookbehinds, placed after ``word``, that reject it when one of ``words`` comes right before it.

    Checking after the word keeps each pattern starting with a literal, which the regex engine scans fast.
    """
    return "".join(f"(?<! {w} {word})" for w in words)


_SUBJECTS: Final = ("we", "they", "you", "i", "he", "she", "it", "who", "that", "which")
"""After a subject pronoun, "face" is a verb: "the risks we face"."""

_NOT_PLURAL_SUBJECT: Final = r"(?:(?<!\w[^\We]s face)|(?<= his face)|(?<= its face)|(?<= this face))"
"""After a plural noun, a bare "face" is a verb: "the challenges our agents face". Words ending in
"es" are let through so that "recognises face" and "matches face" still count."""

_FACE_NOUN: Final = (
    rf" (?:facial|faces{_not_after(_SUBJECTS, 'faces')}|face{_not_after(_SUBJECTS, 'face')}{_NOT_PLURAL_SUBJECT})"
)
""""face", "faces" or "facial" used of a person's face, with the space before it."""

_EN_VERB: Final = r"(?:recogni\w*|identif\w*|match\w*|verif\w*)"

_ADVERBS: Final = ("mas", "mais", "muy", "menos", "tan", "poco", "bastante", "demasiado")
"""After an adverb, Spanish "cara" is the adjective "expensive": "la opción más cara"."""

_ES_FACE: Final = rf" (?:facial\w*|cara{_not_after(_ADVERBS, 'cara')}|caras{_not_after(_ADVERBS, 'caras')}|rostros?)"

_PATTERNS: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(p)
    for p in (
        # English: "facial recognition", "face matching", "faceprint", "face id".
        rf"{_FACE_NOUN} ?(?:recogni\w*|identif\w*|match\w*|verif\w*|search\w*|biometric\w*|print\w*|id) ",
        # English: "recognise faces", "identify people by their faces", "match faces".
        rf" {_EN_VERB}(?: faces?| facial|(?: \w+){{1,5}}?{_FACE_NOUN}) ",
        # Spanish: "reconocimiento facial", "reconocer rostros", "identificación facial".
        rf" reconoc\w*{_WITHIN}{_ES_FACE} ",
        rf" (?:identifica\w*|verifica\w*){_WITHIN}{_ES_FACE} ",
        # French: "reconnaissance faciale", "reconnaître les visages".
        rf" reconna\w*{_WITHIN} (?:facial\w*|visages?) ",
        rf" (?:identifi\w*|verifi\w*){_WITHIN} (?:faciale?s?|visages?) ",
        # German: "Gesichtserkennung" (also inside compounds), "Gesichter erkennen".
        r"gesichts?(?:erkennung|wiedererkennung|identifi\w*|abgleich\w*|verifi\w*)",
        rf" (?:erkenn\w*|identifizier\w*){_WITHIN} gesicht\w* ",
        r" gesicht\w*(?: \w+){0,2}? (?:erkenn\w*|identifizier\w*) ",
        # Portuguese: "reconhecimento facial", "reconhecer rostos".
        rf" reconhec\w*{_WITHIN} (?:facial\w*|rostos?|faces?) ",
        rf" (?:identifica\w*|verifica\w*){_WITHIN} (?:rostos?) ",
    )
)


_FACE_STEMS: Final = ("fac", "cara", "rost", "visage", "gesicht")
"""Every pattern names the face with one of these; text with none of them cannot match, so the
patterns are skipped for it (most purposes)."""


def facial_recognition_phrases(text: str) -> tuple[str, ...]:
    """The phrases in ``text`` that describe facial recognition, normalised."""
    folded = _fold(text)
    if not any(stem in folded for stem in _FACE_STEMS):
        return ()
    found: dict[str, None] = {}
    for sentence in _SENTENCE_END.split(folded):
        cleaned = _IDIOMS.sub(" ", _words(sentence))
        for pattern in _PATTERNS:
            for match in pattern.finditer(cleaned):
                found[match.group(0).strip()] = None
    return tuple(found)
