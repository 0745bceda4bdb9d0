"""Find facial recognition described in a declaration's free-text purpose.

A declaration whose purpose says "identify suspects by their faces" but whose
capabilities leave out ``facial_recognition`` is inconsistent. The check is a
tripwire against an honest omission or a careless copy, not a classifier: it
normalises the text so that look-alike characters, case and invisible
characters cannot hide a phrase, then matches English, Spanish, French, German
and Portuguese phrasings of identifying people by their faces.

It must not fire on ordinary words that contain "face" ("interface",
"surface", "customer-facing", "face-to-face") nor on face *detection*
(finding, counting or blurring faces), which establishes no identity.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final


def normalise(text: str) -> str:
    """NFKC, drop format characters (zero-width and the like), case-fold,
    strip accents, and reduce hyphens, punctuation and runs of space to one space."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    text = re.sub(r"[\W_]+", " ", text)
    return f" {text.strip()} "


# Idioms that pair "face" with something other than identity.
_IDIOMS: Final = re.compile(r" (?:face to face|face a face|cara a cara|cara cara) ")

_WITHIN: Final = r"(?: \w+){0,5}?"
"""Up to five words between a verb and its object: "identify the people's faces"."""

_PATTERNS: Final[tuple[re.Pattern[str], ...]] = tuple(
    re.compile(p)
    for p in (
        # English: "facial recognition", "face matching", "faceprint", "face id".
        r" fac(?:e|es|ial) ?(?:recogni\w*|identif\w*|match\w*|verif\w*|search\w*|biometric\w*|print\w*|id) ",
        # English: "recognise faces", "identify people by their faces", "match faces".
        rf" (?:recogni\w*|identif\w*|match\w*|verif\w*){_WITHIN} (?:faces?|facial) ",
        # Spanish: "reconocimiento facial", "reconocer rostros", "identificación facial".
        rf" reconoc\w*{_WITHIN} (?:facial\w*|caras?|rostros?) ",
        rf" (?:identifica\w*|verifica\w*){_WITHIN} (?:facial\w*|caras?|rostros?) ",
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


def facial_recognition_phrases(text: str) -> tuple[str, ...]:
    """The phrases in ``text`` that describe facial recognition, normalised."""
    cleaned = _IDIOMS.sub(" ", normalise(text))
    found: dict[str, None] = {}
    for pattern in _PATTERNS:
        for match in pattern.finditer(cleaned):
            found[match.group(0).strip()] = None
    return tuple(found)
