"""The facts the rules decide on, read once from a declaration.

Each fact is an :class:`~guards.logic.Outcome`: true with the config path it
comes from, false, or unknown with the undeclared paths that would decide it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Final

from .countries import UNITED_STATES
from .deployment import PROJECT_NAME, STACK_NAME
from .languages import READ_LANGUAGES, in_another_script, unread_because, unread_name
from .logic import FALSE, Outcome, any_of, true, unknown
from .models import Camera, Capability, Cloud, Environment, FacialRecognitionFacts, Party, Sector, UseCase
from .purpose_context import law_enforcement_context
from .purpose_served import may_be_abroad, organisations_named, served_parties_named
from .purpose_text import (
    HEAD_CAPTURE,
    PurposeWords,
    hides_or_counts,
    keeps_or_hands_over_faces,
    looks_up_who,
    names_the_united_states,
    normalise,
    read_purpose,
    us_place_of_a_customer,
)
from .resource_texts import GUARD_TAG_PREFIX, OWNER_TAG, is_label, is_labelling, is_setting, words_of

MOBILE_CAMERAS = frozenset(Camera) - {Camera.FIXED}
"""terms.md: body-worn and dash cameras are examples only; drones, hand-held and
other vehicle-mounted cameras are mobile cameras too."""

GENERATIVE = frozenset(
    {
        Capability.TEXT_GENERATION,
        Capability.SUMMARIZATION,
        Capability.TRANSLATION,
        Capability.CODE_GENERATION,
        Capability.SPEECH_TO_TEXT,
        Capability.IMAGE_GENERATION,
    }
)
"""Capabilities whose output is generated text or images, and so can hallucinate."""

_FR = "useCase.facialRecognition"
_PURPOSE = "useCase.purpose"

Text = tuple[str, str]
"""Free text that says what a declaration governs, with its config path: ``("service.projects[0].description",
"...")``."""


@dataclass(frozen=True, slots=True)
class Said:
    """Words of one kind the tripwire found, each text's under its path."""

    by_text: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Each text that says it (its path) with the words, in reading order."""

    read_with: str = ""
    """The path of another text that says it only read with the first (see :func:`_read_together`)."""

    def __bool__(self) -> bool:
        return bool(self.by_text)

    @property
    def path(self) -> str:
        """The path of the first text that says it, where a finding points."""
        return self.by_text[0][0]

    def says(self) -> str:
        """What each text says: "the purpose says 'a', and service.projects[0].description says 'b'"."""
        together = f" read with {self.read_with}" if self.read_with else ""
        return ", and ".join(
            f"{'the purpose' if path == _PURPOSE else path}{together} says {_quoted(words)}"
            for path, words in self.by_text
        )


def _texts(use_case: UseCase, described: Sequence[Text]) -> tuple[Text, ...]:
    """Every free text that says what ``use_case`` governs: its purpose, its name (a slug, read as words), its
    owner (a mailbox, or any text: "Facial Identification Section, NYPD"), and ``described``, each with its
    path."""
    return (
        (_PURPOSE, use_case.purpose),
        ("useCase.name", use_case.name),
        ("useCase.owner", use_case.owner),
        *described,
    )


@dataclass(frozen=True, slots=True)
class Facts:
    """What a declaration establishes, in the terms' own words."""

    facial_recognition: Outcome
    law_enforcement: Outcome
    us_law_enforcement: Outcome
    realtime: Outcome
    mobile_camera: Outcome
    uncontrolled: Outcome
    generative: Outcome
    image_analysis: Outcome
    human_review: Outcome
    undeclared_facial_recognition_in_purpose: Outcome
    facts_without_capability: Outcome
    non_us_operator_in_government: Outcome
    police_in_purpose: Outcome
    served_party_in_purpose: Outcome
    purpose_against_facts: Outcome
    recognition_phrases: Said = Said()
    """The words that describe recognition, in the purpose or another text (read only while the capabilities leave
    it out), which :func:`recognition_in_purpose` quotes."""


def _is_us(party: Party, cloud: Cloud) -> bool:
    return party.country in UNITED_STATES or cloud == Cloud.USGOVERNMENT


def _jurisdiction(party: Party, cloud: Cloud) -> str:
    if cloud == Cloud.USGOVERNMENT and party.country not in UNITED_STATES:
        return f"{party.country}, but deployed in Azure Government (US jurisdiction)"
    if party.country in UNITED_STATES and party.country != "US":
        return f"{party.country} (a US territory)"
    return party.country


def _law_enforcement(police: list[tuple[str, Party]], cloud: Cloud, served_declared: bool) -> Outcome:
    """A declared law-enforcement party; unknown while ``useCase.servedParties`` is left out, as the parties it
    leaves out may be police ("by or for")."""
    declared = (
        true(path, f"{path.removeprefix('useCase.')} is law enforcement in {_jurisdiction(party, cloud)}")
        for path, party in police
    )
    undeclared = () if served_declared else (unknown("useCase.servedParties"),)
    return any_of(*declared, *undeclared)


def _quoted(words: tuple[str, ...]) -> str:
    return ", ".join(repr(w) for w in words)


def _purpose_against_facts(read: Reading, fr: FacialRecognitionFacts | None) -> Outcome:
    """Live, mobile-camera or in-the-wild wording in the purpose (or another text) where the declared facts say
    otherwise."""
    if fr is None:
        return FALSE
    contradictions = []
    realtime = read.said(lambda w: w.realtime)
    if realtime and fr.realtime is False:
        contradictions.append(
            true(f"{_FR}.realtime", f"{realtime.says()}, but {_FR}.realtime is false", "purpose_says_realtime")
        )
    mobile = read.said(lambda w: w.mobile)
    if mobile and fr.cameras is not None and MOBILE_CAMERAS.isdisjoint(fr.cameras):
        cameras = ", ".join(c.value for c in fr.cameras)
        contradictions.append(
            true(f"{_FR}.cameras", f"{mobile.says()}, but {_FR}.cameras lists only {cameras}", "purpose_says_mobile")
        )
    uncontrolled = read.said(lambda w: w.uncontrolled)
    if uncontrolled and fr.environment == Environment.CONTROLLED:
        contradictions.append(
            true(
                f"{_FR}.environment",
                f"{uncontrolled.says()}, but {_FR}.environment is controlled",
                "purpose_says_uncontrolled",
            )
        )
    return any_of(*contradictions)


def _may_be_in_the_united_states(text: str) -> bool:
    """Whether a served party's words (``text``) name a place in the United States, or parties of any country
    ("foreign forces", "our Five Eyes partners"), whose worst case is there."""
    return names_the_united_states(text) or may_be_abroad(text)


def _served_party_in_purpose(texts: Sequence[Text], *, in_the_us_only: bool = False) -> Outcome:
    """An organisation a sentence says the recognition is done for ("for the Carabinieri", "on behalf of Contoso")
    while ``servedParties`` says it serves no one but its operator: the party left out may be a police force,
    whatever its name (see :mod:`.purpose_served`). Read where facial recognition is declared and no party is
    law enforcement, where that declaration alone keeps the terms' clauses from applying; and, ``in_the_us_only``,
    where the operator is law enforcement outside the United States, which may name itself ("for the Carabinieri")
    but not a party in the United States ("for the immigration authorities of the United States")."""
    for path, text in texts:
        if not _in_sentences(path, text):
            continue
        if named := served_parties_named(text, _may_be_in_the_united_states if in_the_us_only else None):
            quoted = ", ".join(repr(n) for n in named)
            shown = "the purpose" if path == _PURPOSE else path
            return true(
                path,
                f"{shown} says the integration is built {quoted}, but useCase.servedParties is [] (no one but the "
                "operator)",
                "served_party_in_purpose",
            )
    return FALSE


_US_DOMAIN: Final = re.compile(r"(?<![\w.-])(?:[a-z0-9-]+\.)+(?:gov|mil|us)(?![\w.-])", re.IGNORECASE)
"""A host name under a top-level domain of the United States alone: its government's (``.gov``, ``.mil``, where
other countries' are ``gov.uk`` or ``gouv.fr``) and its country code (``state.tx.us``)."""


def _us_government_domain(text: str) -> str | None:
    """The first host in ``text`` under a US-only top-level domain (``frt@ice.dhs.gov``, ``ops@nola.gov``): an
    owner's mailbox there is a US agency's, whatever the lists of agencies hold (review R12)."""
    found = _US_DOMAIN.search(text)
    return found.group() if found else None


_LAW_ENFORCEMENT_HOST: Final = re.compile(
    r"(?<![\w-])(?:ice|dhs|usdoj|doj|bop|uspis|usss|secretservice|chp|dps|azdps|isp|njsp|ohp|fletc|oig|usmarshals|"
    r"fbi|dea|atf|cbp|tsa|hsi|nypd|lapd|police|sheriff\w*|jail|corrections?|911)(?![\w-])"
)
"""A label of a US host that names a law-enforcement body: ``ice.gov``, ``usss.dhs.gov``, ``chp.ca.gov``,
``njsp.gov``, ``jail.example.us``."""


def _owner_a_us_agency(use_case: UseCase, cloud: Cloud) -> Outcome:
    """The owner's mailbox under a US-only top-level domain beside declared facial recognition: a law-enforcement
    body's (``it@ice.gov``, ``it@chp.ca.gov``) while no law-enforcement party is in the US, or any US government
    body's while no party is a US public body, law enforcement or not (``it@usdoj.gov`` for a "commercial"
    operator): the owner runs the integration, and a US agency may be law enforcement (review R21)."""
    host = _us_government_domain(use_case.owner)
    if host is None:
        return FALSE
    if _LAW_ENFORCEMENT_HOST.search(host.lower()):
        what = "a US law-enforcement body's"
    elif any(
        party.sector in (Sector.PUBLIC_SECTOR, Sector.DEFENSE, Sector.LAW_ENFORCEMENT) and _is_us(party, cloud)
        for _, party in use_case.parties
    ):
        return FALSE
    else:
        what = "a US government body's, while no party is a US public body,"
    return true(
        "useCase.owner",
        f"the owner's mailbox is under {host!r}, {what} beside facial recognition: declare that body as the operator "
        "or a served party, with its sector",
        "owner_a_us_agency",
    )


_NORTH_AMERICAN_NUMBER: Final = re.compile(
    r"(?<![\w+])(?:\+ ?1[ .-]?\(?[2-9]\d{2}\)?[ .-]?\d{3}[ .-]?\d{4}|\([2-9]\d{2}\) ?\d{3}[ .-]\d{4}|"
    r"[2-9]\d{2}-\d{3}-\d{4})(?!\d)"
)
"""A telephone number of the North American plan, the United States' own and its neighbours' (review R30: a
British force's matching "on request of the duty desk at (617) 555-0100"): "+1 617 555 0100", "(212) 555-0147",
"214-671-3001". A number written otherwise (a British "0121 626 5000") is none."""


def _us_place_beside_recognition(texts: Sequence[Text]) -> Outcome:
    """A place in the United States named in any text beside facial recognition declared by or for law
    enforcement that is all outside it: the recognition may be for a US police customer the lists do not name
    ("a pilot runs in Cleveland, Ohio", "for the OPD in Omaha", "at the request of American authorities"), which
    the terms forbid in every environment (review R12). Read in commercial Azure only: in Azure Government every
    party is in US jurisdiction already."""
    for path, text in texts:
        if _guard_code(path):
            continue
        place, what = us_place_of_a_customer(text), "a place in the United States"
        if place is None:
            place, what = _us_government_domain(text), "a host under a top-level domain of the United States"
        if place is None and (number := _NORTH_AMERICAN_NUMBER.search(text)) is not None:
            place, what = number.group().strip(), "a North American telephone number, which may be in the United States"
        if place is not None:
            shown = "the purpose" if path == _PURPOSE else path
            return true(
                path,
                f"{shown} says {place!r}, {what}, beside facial recognition by or for law enforcement that the "
                "declaration puts outside it",
                "us_place_beside_recognition",
            )
    return FALSE


def _more_forces_than_declared(texts: Sequence[Text], police: list[tuple[str, Party]]) -> Outcome:
    """More police forces, or organisations the work is for, named in the texts that describe what is done than
    the law-enforcement parties declared, beside facial recognition by or for law enforcement all outside the
    United States: the one left out may be a US force however it is called ("later also NOLA police", "the police
    of Neu-York", "NYCPD", "also for the CHP", a tag ``customer: NOLA PD``), which no list of US names holds
    (review R12). "The police" and "our local police" name no force of their own."""
    named: dict[str, str] = {}
    for path, text in texts:
        if _DESCRIBING.search(path) or (is_labelling(path) and not _guard_tag(path)):
            for key, shown in organisations_named(text).items():
                named.setdefault(key, shown)
    if len(named) <= len(police):
        return FALSE
    declared = ", ".join(path.removeprefix("useCase.") for path, _ in police)
    return true(
        _PURPOSE,
        f"the texts name {len(named)} police forces or other organisations served "
        f"({_quoted(tuple(named.values()))}), but the declaration lists {len(police)} law-enforcement "
        f"part{'y' if len(police) == 1 else 'ies'} ({declared})",
        "more_forces_than_declared",
    )


def _police_in_purpose(read: Reading, police: list[tuple[str, Party]], cloud: Cloud, context: Said) -> Outcome:
    """A police customer named in the purpose (or another text) while no party is law enforcement, or a US one
    while no law-enforcement party is in the US (the terms forbid facial recognition for it in every environment);
    ``context`` is what says law enforcement only beside the declared recognition (see :mod:`.purpose_context`)."""
    if not police:
        named = read.said(lambda w: w.police)
        found = []
        if named:
            # A US one is told that the terms forbid facial recognition by or for it, however it is declared.
            in_us = read.said(lambda w: w.us_police)
            found.append(
                true(
                    named.path,
                    f"{named.says()}, but no party (useCase.operator, useCase.servedParties) is law_enforcement",
                    "us_police_in_purpose" if in_us else "police_in_purpose",
                )
            )
        if context:
            found.append(
                true(
                    context.path,
                    f"{context.says()}, which beside the facial recognition declared says law enforcement uses it, "
                    "but no party (useCase.operator, useCase.servedParties) is law_enforcement",
                    "police_context_in_purpose",
                )
            )
        return any_of(*found)
    in_us = read.said(lambda w: w.us_police)
    if not in_us:
        return FALSE
    declared = ", ".join(f"{path.removeprefix('useCase.')} in {_jurisdiction(party, cloud)}" for path, party in police)
    return true(
        in_us.path,
        f"{in_us.says()}, a law-enforcement customer in the United States, but the law-enforcement parties "
        f"declared are not in the US ({declared})",
        "us_police_in_purpose",
    )


@dataclass(frozen=True, slots=True)
class Reading:
    """What the tripwire read in each of a declaration's texts."""

    by_text: tuple[tuple[str, PurposeWords], ...]

    def said(self, kind: Callable[[PurposeWords], tuple[str, ...]]) -> Said:
        """The words of one ``kind`` (``lambda w: w.police``), each text's under its path."""
        return Said(tuple((path, kind(words)) for path, words in self.by_text if kind(words)))


_IDENTIFIER: Final = re.compile(r"(?:^|[.`])(?:[a-z]+_)*(?:name|[a-z][A-Za-z]*Name)$|^the component's name")
"""A path to a name (``useCase.name``, ``service.accountName``, ``deployments[0].name``), not a description
(``displayName`` is one)."""

_DEPLOYMENT: Final = frozenset({STACK_NAME, PROJECT_NAME})
"""The paths of the deployment's own names (guards/deployment.py), read as names."""


def _is_identifier(path: str, text: str) -> bool:
    named = path in _DEPLOYMENT or (_IDENTIFIER.search(path) is not None and not path.endswith("displayName"))
    return named or is_label(path, text)


_MODEL_NAMED: Final = re.compile(
    r"(?:^|\.)(?:deployments|raiPolicies|rai_policies)\[\d+\]\.name$|(?:deployment|raiPolicy)Name$"
)
"""A name that names a model deployment or its content filter, where "realtime" is the model's kind."""


read_text: Final = functools.lru_cache(maxsize=4096)(read_purpose)
"""The tripwire's reading, kept for the texts read last: it is a function of the text and the readings asked for
alone, and one process reads the same texts again and again (the plan decides a stack in the checker, the
program's components and the pack; a repository check reads one owner and one purpose for many stacks)."""


def _read_one(path: str, text: str, *, field: bool, **readings: bool) -> PurposeWords:
    # A name is read for recognition, the police, mobile cameras ("bodycam-patrol-live") and live or in-the-wild
    # wording ("live-crowd-scanning"), but a deployment's or its content filter's name not for "realtime", which
    # names the model's kind ("chat-realtime"); its crowds and streets still say where ("street-crowd-live-id").
    if _is_identifier(path, text):
        words = read_text(words_of(text), field=field, **readings)
        # A street names teams, desks and addresses ("street-level-banking"); a crowd, a protest or a patrol does not.
        wild = tuple(w for w in words.uncontrolled if not _STREET.fullmatch(w))
        live = () if _MODEL_NAMED.search(path) else words.realtime
        return replace(words, realtime=live, uncontrolled=wild)
    if path == "useCase.owner":
        # An owner is a mailbox or a team's name, whose words run together as a name's do
        # ("contosonypdfacematch@vendor.example"; review R18); it is read as a text all the same.
        text = words_of(text)
    return read_text(text, field=field, **readings)


_STREET: Final = re.compile(r"(?:the )?(?:streets?|calles?|rues?|stra(?:ss|ß)en?|ruas?)(?: level)?")


def _read(texts: Sequence[Text], *, field: bool, **readings: bool) -> Reading:
    # Each text is read on its own: two unrelated ordinary ones read as neighbouring sentences (a "face" in one, a
    # "match" in the other) read as recognition 97 times in 550 pairs on the corpus (tests/corpus/README.md).
    return Reading(tuple((path, _read_one(path, text, field=field, **readings)) for path, text in texts))


_PICTURES: Final = frozenset({Capability.FACE_DETECTION, Capability.IMAGE_ANALYSIS})
"""The capabilities, short of facial recognition, that handle pictures of people."""

_LABEL_WORDS: Final = 6
"""The most words a text read with the purpose may have: a name, a tag or a label, not a sentence of its own."""


def _read_together(texts: Sequence[Text], *, everything: bool) -> Said:
    """Recognition described across the purpose and other texts, where law enforcement is declared or not ruled
    out: the purpose read with each other text as its next sentence ("Tell detectives who the person is." with a
    tag ``input: face photos``), then with all the short ones at once (``input: face photos``, ``output: the
    person's name``). Only short texts (names, tags, labels) are read with it, and not the owner, unless
    ``everything`` (law enforcement declared, with pictures): two unrelated ordinary sentences read together read
    as recognition 97 times in 550 pairs (tests/corpus/README.md). There every text is, the owner's mailbox
    ("face-photos@...") too, as the cost falls only on the stacks the terms watch most closely."""
    (purpose_path, purpose), *others = texts
    readable = [
        (path, words_of(text) if _is_identifier(path, text) else text)
        for path, text in others
        # The guard's own tags (which the pack reads on each resource) repeat the owner and the name, or are codes;
        # the stack's and the project's names are the deployment's, not the service's, and are read alone.
        if not _guard_tag(path) and path not in _DEPLOYMENT and (everything or path != "useCase.owner")
    ]
    short = [(path, words) for path, words in readable if _word_count(words) <= _LABEL_WORDS]
    groups = [[text] for text in (readable if everything else short)]
    if len(short) > 1:
        groups.append(short)
    for group in groups:
        if _recognition(purpose, group):
            # A finding names only the texts it needs: each one the rest say it without is left out.
            needed = list(group)
            for text in group:
                if len(needed) > 1 and _recognition(purpose, [t for t in needed if t != text]):
                    needed.remove(text)
            phrases = _recognition(purpose, needed)
            return Said(((purpose_path, phrases),), read_with=" and ".join(path for path, _ in needed))
    return Said()


def _recognition(purpose: str, texts: Sequence[Text]) -> tuple[str, ...]:
    joined = ". ".join([purpose.rstrip().rstrip("."), *(words for _, words in texts)]) + "."
    return read_text(joined, police=False, us_police=False, field=False).recognition


def _word_count(words: str) -> int:
    return len(words.replace("-", " ").split())


READABLE: Final = "must be written in a language the guard reads"
"""How an unknown that is a text the guard cannot read is worded: it is to be rewritten, not declared."""


def _unread(texts: Sequence[Text], *, names_too: bool, strict: bool, force_declared: bool = False) -> Outcome:
    """A text the tripwire cannot read: unknown, whatever the rest of the declaration says, as the guard cannot
    tell what it says; the guard asks for it in a language it reads. What is written in sentences (the purpose,
    a description or display name, a tag's value written as one) is read for its language; a name, a host name,
    a one-word tag or the owner (a mailbox or a team's name, which the guard's own ``aoai-guard-owner`` tag
    repeats) is abbreviations and codes, and is read for its script (``полиция-Нью-Йорка`` is unread) and, where
    ``names_too`` (pictures or law enforcement in the declaration), for words of another language
    (``riconoscimento-facciale``). With ``strict`` (pictures, facial recognition or law enforcement declared), one
    word of another language in an English sentence makes it unread too ("with gezichtsherkenning against the
    booking archive"): where the clauses may apply, a word the guard cannot read may be the one that says it."""
    unread = [
        f"{path} {READABLE} ({READ_LANGUAGES}; {because})"
        for path, text in texts
        # The guard's own tags are its codes (`aoai-guard-cloud: usgovernment`), the owner's the owner's mailbox.
        if not _guard_code(path)
        and (
            because := unread_because(text, strict=strict)
            if _in_sentences(path, text)
            else unread_name(text, force_declared=force_declared)
            if names_too
            else in_another_script(text)
        )
    ]
    return unknown(*unread) if unread else FALSE


def _settings_apart(texts: Sequence[Text]) -> tuple[tuple[Text, ...], tuple[Text, ...]]:
    """``texts`` split into those read as the purpose is and the stack's other settings (``guards/config_texts.py``),
    which are read for fewer words (see :func:`_as_settings`)."""
    return tuple(t for t in texts if not is_setting(t[0])), tuple(t for t in texts if is_setting(t[0]))


def _as_settings(words: PurposeWords, *, customers: bool) -> PurposeWords:
    """What a setting says that the terms care for. An app's settings are its own words for everything it does (a
    font ``police``, a ``Harbor Point`` garage, a zoo's webcam, a prompt "for Contoso's billing desk", a greeting in
    Dutch), so only what names a forbidden use is read in them: recognition, as a purpose is read for it; a police
    customer in the United States, where ``customers`` (recognition declared or described: one elsewhere is allowed
    facial recognition at fixed cameras in a controlled place, however it is named, and without recognition no
    customer is forbidden any); live or mobile capture, where law enforcement is declared (the caller reads it only
    there); not the police as a topic, places but where a force abroad is declared, organisations served, or a
    language the guard cannot read."""
    us_police = words.us_police if customers else ()
    return replace(words, police=us_police, us_police=us_police, uncontrolled=())


def _guard_tag(path: str) -> bool:
    """Whether ``path`` is one of the guard's own tags, which it sets from the declaration and its verdict on the
    resources (a config text of the same name is the stack's own)."""
    return f".tags.{GUARD_TAG_PREFIX}" in f".{path}" and not is_setting(path)


def _guard_code(path: str) -> bool:
    """Whether ``path`` is one of the guard's own tags, but the owner's, which repeats ``useCase.owner``."""
    return _guard_tag(path) and not path.endswith(f".{OWNER_TAG}")


def _in_sentences(path: str, text: str) -> bool:
    return _DESCRIBING.search(path) is not None or (
        is_labelling(path) and not is_label(path, text) and not path.endswith(f".{OWNER_TAG}")
    )


def unknown_kind(missing: str) -> str:
    """The kind of an unknown fact ``missing`` (an ``Outcome.unknown`` entry), where the finding's fix depends on
    it (``Rule.fixes``): a text the guard cannot read, face detection that does not say what it does with the
    faces; "" for an undeclared field."""
    if READABLE in missing:
        return "unread_text"
    return {
        FACES_USED: "faces_unexplained",
        FACES_LOOKED_AT: "face_pictures_unexplained",
        PICTURES_UNDECLARED: "pictures_undeclared",
        PICTURES_SEARCHED: "picture_search_unexplained",
    }.get(missing, "")


FACES_LOOKED_AT: Final = (
    "useCase.purpose saying what is done with the faces or people in the pictures analysed (blurred, redacted or "
    "counted, never matched to anyone)"
)

FACES_USED: Final = (
    "useCase.purpose saying what is done with the faces detected (blurred, redacted or counted), or "
    "face_detection left out of useCase.capabilities if no face is detected"
)

PICTURES_UNDECLARED: Final = (
    "useCase.capabilities declaring image_analysis for the pictures the texts name, and useCase.purpose saying what "
    "is done with the people in them (blurred, redacted or counted, never matched to anyone)"
)

PICTURES_SEARCHED: Final = (
    "useCase.purpose saying what the search of pictures it works with looks for (never who someone is), or "
    "facial_recognition declared in useCase.capabilities with useCase.facialRecognition if it identifies anyone"
)

AFTER_THE_FACT: Final = (
    "useCase.purpose saying the recognition runs after the fact (from recorded footage, after the patrol), as "
    "useCase.facialRecognition.realtime: false says, beside mobile cameras in an uncontrolled environment"
)
CONTROLLED_PLACE: Final = (
    "useCase.purpose saying where the cameras capture faces (a custody suite, a station, a booking desk), as "
    "useCase.facialRecognition.environment: controlled says, beside live recognition on mobile cameras"
)
FIXED_CAMERAS: Final = (
    "useCase.purpose saying the cameras are fixed (CCTV, mounted at an entrance or on a building), as "
    "useCase.facialRecognition.cameras says, beside live recognition in an uncontrolled environment"
)

_AFTER: Final = re.compile(
    # Not a later phase of the project, which says nothing of when faces are matched (review R22).
    r" (?:after the fact|afterwards?|later(?! (?:phases?|stages?|releases?|versions?|sprints?|milestones?|"
    r"iterations?|dates?|rollouts?))|retrospectiv\w*|post ?event|the (?:next|following) day|overnight|"
    r"after (?:the |each |every |a |their )?(?:\w+ )?(?:shift|patrol|incident|event|upload\w*|arrest|stop|encounter)s?|"
    r"(?:recorded|stored|archived|uploaded|saved|downloaded) (?:\w+ )?(?:footage|video\w*|recordings?|clips?|"
    r"images?|stills?|frames?)|(?:footage|video\w*|recordings?|clips?|images?|stills?) (?:\w+ ){0,2}?(?:is|are|"
    r"was|were|has been|have been) (?:recorded|stored|archived|uploaded|saved|downloaded)|"
    r"(?:at the )?end of (?:the |each |every |a |their )?(?:shift|patrol|day|duty)|al final del (?:turno|servicio)|"
    r"(?:en )?fin (?:de|du) service|schichtende|am ende der (?:schicht|streife)|(?:no )?fim do turno|"
    r"once (?:it is |they are )?(?:uploaded|downloaded|offloaded|docked)|(?:se )?descarg\w*|telecharg\w*|"
    r"hochlad\w*|heruntergelad\w*|(?:do )?envio|descarregad\w*|"
    r"posteriormente|despues de (?:la|el|cada) (?:\w+ )?(?:patrulla|turno|servicio|intervencion|detencion)|"
    r"a posteriori|al dia siguiente|(?:grabaciones|videos|imagenes) (?:ya )?(?:grabad|archivad|guardad)\w*|"
    r"apres coup|plus tard|le lendemain|apres (?:la|le|chaque) (?:\w+ )?(?:patrouille|service|intervention)|"
    r"(?:enregistrements?|videos|images) (?:deja )?(?:enregistre|archive|stocke)\w*|nachtraglich|im nachhinein|"
    r"spater|am nachsten tag|nach (?:der|dem|jeder|jedem) (?:\w+ )?(?:streife|schicht|einsatz)|"
    r"(?:gespeichert|archiviert|aufgezeichnet)\w* (?:aufnahmen|videos|bilder)|mais tarde|"
    r"no dia seguinte|depois d[ao] (?:\w+ )?(?:patrulha|turno|ocorrencia)|"
    r"(?:gravacoes|videos|imagens) (?:ja )?(?:gravad|arquivad|guardad)\w*)(?= )"
)
"""Recognition said to run after the fact, in folded text, in the five languages."""

_CONTROLLED_PLACE: Final = re.compile(
    r" (?:custody (?:suite|area|desk|room)s?|police stations?|station (?:custody|cells?|front desk|booking)\w*|"
    r"booking (?:desk|room|area|suite)s?|holding "
    r"(?:cells?|areas?|rooms?)|cells?|interview rooms?|jail intake|intake (?:desk|room|area)s?|courtrooms?|"
    r"prisons?|detention (?:centres?|centers?|facilit\w*)|secure (?:area|facilit\w*|room)s?|reception (?:desks?|"
    r"tablets?|kiosks?|counters?|areas?)|"
    r"sala de (?:custodia|detenidos|interrogatorio)s?|calabozos?|comisarias?|garde a vue|commissariats?|"
    r"salle d (?:audition|interrogatoire)|cellules?|\w*gewahrsam\w*|dienststelle\w*|polizeiwache\w*|"
    r"vernehmungsraum\w*|zelle\w*|delegacias?|carceragem|celas?|sala de (?:custodia|interrogatorio))(?= )"
)
"""A controlled place where faces are captured, in folded text, in the five languages."""

_FIXED: Final = re.compile(
    r" (?:cctv|fixed|stationary|static|(?:booking|custody|intake|mugshot|kiosk|turnstile|door|"
    r"gate) cam(?:era)?s?|\w*uberwachungskamera\w*|"
    r"(?:wall|pole|ceiling|door|gate|entrance|building|lamp ?post) ?mounted|"
    r"mounted (?:at|on|above|over) (?:the |a |an |each |every )?(?:\w+ )?(?:entrances?|doors?|gates?|walls?|poles?|"
    r"buildings?|ceilings?|posts?|masts?|lamp ?posts?|street ?lights?|lamp ?standards?|columns?)|"
    r"installed (?:at|on|in|above)|"
    # A doorbell's camera, fixed at a door (review R26: "doorbell footage submitted by the public").
    r"(?:video )?doorbells?(?: (?:cam\w*|footage|videos?|recordings?|clips?))?|"
    r"(?:camaras?|cameras?|kameras?) (?:fijas?|"
    r"fixes?|fixas?|fest\w*)|videovigilancia|videosurveillance|videouberwachung|camera de seguranca)"
    r"(?= )"
)
"""Fixed cameras, in folded text, in the five languages."""


_BETWEEN: Final = (
    r"(?: (?:in|at|on|from|by|with|via|through|inside|within|only|just|merely|the|a|an|any|en|el|la|los|las|al|con|"
    r"desde|por|mediante|solo|solamente|dans|le|les|au|aux|du|des|de|par|avec|seulement|uniquement|im|am|der|den|"
    r"dem|die|das|mit|uber|aus|von|nur|na|nas|nos|em|da|do|dos|com|pela|pelo|so|apenas|somente)){0,3}"
)
"""The short words a denial or a widening may stand apart from what it governs by: "not in the custody suite", "no
solo en la comisaría", "nicht nur in der Polizeiwache"."""

_DENIAL: Final = (
    r"not|never|nor|neither|without|ni|sin|jamas|nunca|sans|pas|jamais|non|ohne|nicht|nie|niemals|kein\w*|nao|sem|nem"
)
"""The words that deny what follows them, in the five languages, but "no" (see where each reads it)."""

_DENIED_OR_WIDENED_BEFORE: Final = re.compile(
    rf" (?:{_DENIAL}|no(?= (?:en|desde|con|solo|solamente|por|al|de|la|el|los|las)(?: |$))|"
    r"as well as|besides|beside|in addition to|along with|apart from|aside from|other than|also|plus|"
    r"ademas de|aparte de|tambien|en plus de|outre|aussi|ainsi que|neben|ausser|sowie|auch|alem de|tambem)"
    rf"{_BETWEEN}$"
)
"""A denial of a proof said before it ("not in the custody suite", "sin cámaras fijas", "nie im Gewahrsam"), or a
word that makes it one of more ("not only", "as well as", "besides", "ainsi que", "además de"), in folded text.
Spanish "no" is one only before a word that shows it is Spanish ("no en", "no solo"), as Portuguese "no" is "in
the"; English "no" only before English words (see ``_ENGLISH_PROOF``)."""

_OUT_OF_PLACE_BEFORE: Final = re.compile(
    r" (?:outside(?: of)?|around|round|near(?: to)?|nearby|beyond|surrounding|past|towards?|next to|close to|"
    r"in front of|away from|leading (?:to|from)|(?:on|along) the (?:way|roads?|routes?|journey|drive|ride|trip|"
    r"transfer) (?:to|from)|en route (?:to|from)|(?:reach|reaches|reached|reaching|get to|gets to|arrive at|"
    r"arrives at|arriving at|leave|leaves|leaving|left)|(?:miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|yards?|"
    r"blocks?|minutes?) (?:from|of|away from|around)|fuera de|alrededor de|cerca de|camino (?:a|de)|hacia|"
    r"delante de|hors d[eu]?|autour d[eu]?|pres d[eu]?|devant|vers|ausserhalb|rund um|nahe|vor|auf dem weg|"
    r"fora d[eoa]s?|perto d[eoa]s?|em frente|a caminho d[eoa]s?|rumo a)"
    rf"{_BETWEEN}$"
)
"""A controlled place named as where the capture is not: "outside the custody suite", "around the police
station", "on the way to the cells", "until they reach the cells", "within five miles of the police station"
(review R22), in folded text."""

_ENGLISH_PROOF: Final = re.compile(r" (?:cctv|fixed|stationary|static|custody|booking|holding|cells?|interview|police)")
"""A proof that begins with an English word, which a bare "no" before it denies ("no CCTV", "no custody suite")."""

_WIDENED_AFTER: Final = re.compile(
    r"^(?: \w+)?? (?:as well|too|also|plus|or|nor|but also|and (?:also|during|while|when|outside|elsewhere|beyond|"
    r"anywhere|everywhere|live|in real time|out|on|from|through|via|with|by|at|in)|"
    r"y (?:tambien|durante|fuera|en directo|en vivo)|ni|"
    r"et (?:aussi|pendant|lors|hors|dehors|en direct)|ou|ainsi que|sowie|und (?:auch|wahrend|bei|ausserhalb|draussen|"
    r"live)|oder|e (?:tambem|durante|fora|ao vivo)|alem de|mas tambem|mais aussi|sondern auch|pero tambien|"
    r"sino tambien)(?= )"
)
"""A proof widened after it to more than it says: "in the custody suite and during arrests", "fixed cameras as
well as body-worn ones", "after the fact, and live as well", "CCTV or other cameras", a second flow ("in the
custody suite and on the arresting officer's body-worn camera", review R22), in folded text; a word may stand
between ("after the fact too"). A list of proofs still proves by its last one ("at the booking desk and in the
cells")."""


def _said_alone(match: re.Match[str], text: str) -> bool:
    """Whether a proof of one of clause 2's facts (``match`` in folded ``text``) is said alone: neither denied
    ("not in the custody suite but outside it", "sin cámaras fijas") nor made one of more ("fixed cameras as well as
    body-worn ones", "not only at the gate", "after the fact, and live as well"). Said otherwise it says the
    opposite of the fact, or more than it, and proves nothing (review R18)."""
    before = text[max(0, match.start() - _READ_AROUND) : match.start()]
    if _DENIED_OR_WIDENED_BEFORE.search(before) or (before.endswith(" no") and _ENGLISH_PROOF.match(match.group())):
        return False
    if match.re is _CONTROLLED_PLACE and _OUT_OF_PLACE_BEFORE.search(before):
        return False
    return _WIDENED_AFTER.search(text[match.end() : match.end() + _READ_AROUND]) is None


_READ_AROUND: Final = 60
"""How many characters of folded text before and after a proof its denial or widening is read in: the few words
of :data:`_BETWEEN` and the longest phrase."""


def _proves(pattern: re.Pattern[str], text: str) -> bool:
    """Whether folded ``text`` says ``pattern``'s proof alone somewhere (see :func:`_said_alone`)."""
    return any(_said_alone(match, text) for match in pattern.finditer(text))


_WHILE_IT_HAPPENS: Final = re.compile(
    r" (?:real ?time|realtime|instant\w*|immediate\w*|on the spot|at once|straight away|right away|"
    r"live (?:feeds?|streams?|video\w*|footage|match\w*|recogni\w*|identif\w*|nam\w*|scan\w*|checks?|lookups?|"
    r"alerts?|results?|views?)|(?:goes|go|is|are|runs?|happens?|done|works?) live|"
    r"while (?:\w+ ){0,3}?(?:still|is|are|on|at|stopp\w*|talk\w*|speak\w*|detain\w*|stand\w*|there)|"
    r"still (?:talking|speaking|standing|with|at the|on the|there|face to face|in front)|"
    r"during (?:the |each |every |a |an )?(?:\w+ )?(?:stops?|encounters?|patrols?|arrests?|incidents?|interactions?|"
    r"searches|checks?|calls?|conversations?|contacts?|interviews?)|"
    r"before (?:\w+ ){0,4}?(?:go|goes|leaves?|leaving|ends?|over|finish\w*|releas\w*|letting|walks? away|"
    r"drives? off)|waits? for (?:the |a )?(?:names?|match\w*|results?|answers?|hits?|identit\w*|ids?)|"
    r"(?:names?|match\w*|results?|answers?|hits?|identit\w*|ids?) (?:\w+ ){0,2}?(?:comes?|goes|is sent|are sent|"
    r"returned|sent|pushed|flashed) back|(?:back|returned|sent|pushed|flashed|relayed) to the officer\w*|"
    r"in (?:seconds|a second|moments|a moment)|within (?:a |\w+ )?(?:seconds?|minutes?|moments?)|"
    r"en tiempo real|en directo|en vivo|al instante|en el acto|de inmediato|mientras|durante (?:la|el) "
    r"(?:parada|intervencion|patrulla|detencion|control)|en temps reel|en direct|sur le champ|aussitot|"
    r"pendant (?:le|la|l) (?:controle|intervention|patrouille|interpellation)|lors (?:du|de la) "
    r"(?:controle|intervention|patrouille)|in echtzeit|echtzeit\w*|sofort\w*|umgehend|"
    r"wahrend (?:der|des) (?:kontrolle|streife|einsatz\w*|festnahme)|em tempo real|ao vivo|na hora|"
    r"imediatamente|enquanto|durante (?:a|o) (?:abordagem|patrulha|ocorrencia))(?= )"
)
"""Recognition said to run while the encounter lasts ("the officer gets the name back during the stop", "while
still talking to the person", "waits for the name"), in folded text, in the five languages."""

_CARRIED: Final = re.compile(
    r" (?:on (?:the |their |each |every |an? )?(?:officer\w*|vests?|uniforms?|chests?|helmets?|lapels?|"
    r"shoulders?|bod(?:y|ies)|person|patrol cars?|squad cars?|cars?|vehicles?|vans?|bikes?|motorcycles?|drones?|"
    r"dashboards?|heads?)|worn|wears?|wearing|carr(?:y|ies|ied|ying)|hand ?held|clipped|strapped|chest\w*|vests?|"
    r"lapels?|helmets?|body ?cams?|body ?cameras?|bodycams?|dash ?cams?|drones?|helicopters?|patrol cars?|"
    r"squad cars?|cruisers?|vehicle ?mounted|car ?mounted|portatil\w*|llevad[ao]s?|chalecos?|vehiculos?|"
    r"portee?s?|gilets?|vehicules?|getragen\w*|am korper|korperkamera\w*|westen?|fahrzeug\w*|streifenwagen\w*|"
    r"coletes?|viaturas?|no corpo)(?= )"
)
"""A camera said to be worn, carried or on a vehicle ("fixed ones on officers' vests", "the officers' chest units
feed the same system"), in folded text, in the five languages."""

_OUT_IN_PUBLIC: Final = re.compile(
    r" (?:out (?:on|in|and about)|outside|outdoors?|streets?|estates?|in public|public (?:places?|spaces?|areas?|"
    r"roads?|squares?)|town cent(?:re|er)s?|city cent(?:re|er)s?|downtown|high streets?|parks?|crowds?|stadiums?|"
    r"festivals?|protests?|demonstrations?|marches|rallies|concerts?|on patrol|on the beat|in the field|"
    r"neighbou?rhoods?|roadsides?|pavements?|sidewalks?|shopping (?:cent(?:re|er)s?|malls?)|calles?|via publica|"
    r"barrios?|multitud\w*|estadios?|manifestacion\w*|rues?|voie publique|quartiers?|foules?|manifestations?|"
    r"strasse\w*|offentlich\w*|menschenmenge\w*|innenstadt\w*|ruas?|multidao\w*|bairros?|manifestac\w*)(?= )"
)
"""A capture said to be out in public ("the same officers keep them on out on the estate"), in folded text, in
the five languages."""

_CONTRARY: Final = {_AFTER: _WHILE_IT_HAPPENS, _FIXED: _CARRIED, _CONTROLLED_PLACE: _OUT_IN_PUBLIC}
"""What says the opposite of each proof of clause 2's facts: recognition while the encounter lasts beside "after
the fact", a camera worn or carried beside "fixed", a capture out in public beside "in the custody suite"."""

_DENIED_BEFORE: Final = re.compile(
    rf" (?:{_DENIAL}|no|nothing|rather than|instead of|en lugar de|en vez de|au lieu d[eu]?|plutot que|statt|"
    rf"anstatt|em vez de|ao inves de){_BETWEEN}$"
)
"""A denial of what follows ("never in real time", "no live matching", "rather than on patrol"), in folded text."""


def _contradicted(pattern: re.Pattern[str], text: str) -> bool:
    """Whether folded ``text`` says, undenied, the opposite of ``pattern``'s proof (see :data:`_CONTRARY`)."""
    return any(
        not _DENIED_BEFORE.search(text[max(0, m.start() - _READ_AROUND) : m.start()])
        for m in _CONTRARY[pattern].finditer(text)
    )


def _proves_alone(pattern: re.Pattern[str], text: str) -> bool:
    """Whether folded ``text`` proves ``pattern``'s fact of clause 2 and says nowhere its opposite: a proof beside
    wording of the opposite is a decoy ("matched after each stop starts; the officer gets the name back during the
    stop", "fixed ones on officers' vests", review R26)."""
    return _proves(pattern, text) and not _contradicted(pattern, text)


def _corroborated(
    realtime: Outcome, mobile: Outcome, uncontrolled: Outcome, texts: Sequence[Text]
) -> tuple[Outcome, Outcome, Outcome]:
    """The three capture facts of clause 2, with the one declared false where the other two may hold made unknown
    unless a text that describes what is done says it too: then that one fact alone keeps the clause from
    applying, and a paraphrase the lists miss ("the name arrives before the stop is over", "cameras the officers
    carry", "in the town centre") would hide the pattern the clause forbids (review R12). Read where facial
    recognition is declared by or for law enforcement."""
    # The other two may hold (true, or unknown: the worst case), so forgetting one never loosens this.
    ruled_out = [f.value is False for f in (realtime, mobile, uncontrolled)]
    if ruled_out.count(True) != 1:
        return realtime, mobile, uncontrolled
    described = f" {' '.join(normalise(t) for p, t in texts if _DESCRIBING.search(p))} "
    if ruled_out[0] and not _proves_alone(_AFTER, described):
        realtime = unknown(AFTER_THE_FACT)
    elif ruled_out[2] and not _proves_alone(_CONTROLLED_PLACE, described):
        uncontrolled = unknown(CONTROLLED_PLACE)
    elif ruled_out[1] and not _proves_alone(_FIXED, described):
        mobile = unknown(FIXED_CAMERAS)
    return realtime, mobile, uncontrolled


_CAPTURE_DEVICE: Final = re.compile(
    r" (?:(?:web ?|video ?)?cams?|\w*(?:kamera|camera|camara)\w*|lens(?:es)?|glasses|goggles|headsets?|visors?|"
    r"(?:smart ?|mobile |cell ?)?phones?|handsets?|tablets?|devices?|handys?|gerate?n?|geraets?|"
    r"dispositivos?|appareils?|telemove(?:l|is)|celulares?|movil(?:es)?|footage|videos?(?! (?:games?|calls?|"
    r"conferenc\w*|tutorials?|lessons?|editing))|"
    r"grabaciones|gravacoes|enregistrements?|brillen?|oculos|gafas|lunettes)(?= )"
)
"""A camera or another device that captures faces, in folded text, in the five languages: where the declaration
says the cameras are fixed, a text that names one says where it is."""


def _cameras_unplaced(fr: FacialRecognitionFacts | None, texts: Sequence[Text]) -> Outcome:
    """A camera or capture device named in a text that describes what is done ("cameras the officers carry",
    "Kameras in Einsatzfahrzeugen", "footage from the ICV") where ``cameras`` lists only fixed ones and no text
    says they are fixed or in a controlled place: the paraphrases of a worn or carried camera are more than any
    list holds, and the declaration then rests on that one field alone (review R12). Read where facial
    recognition is declared by or for law enforcement."""
    if fr is None or fr.cameras is None or not MOBILE_CAMERAS.isdisjoint(fr.cameras):
        return FALSE
    described = [(p, f" {normalise(t)} ") for p, t in texts if _DESCRIBING.search(p)]
    if any(_proves_alone(_FIXED, t) or _proves(_CONTROLLED_PLACE, t) for _, t in described):
        return FALSE
    for path, text in described:
        if device := _CAPTURE_DEVICE.search(text):
            shown = "the purpose" if path == _PURPOSE else path
            return true(
                f"{_FR}.cameras",
                f"{shown} names {device.group().strip()!r} but not where it is, while {_FR}.cameras lists only "
                "fixed cameras",
                "cameras_not_said_fixed",
            )
    return FALSE


_DESCRIBING: Final = re.compile(r"(?:^useCase\.purpose|\.description|\.displayName)$")
"""The texts that describe what is done, where a purpose says the faces it finds are blurred or counted: not a
name, a tag or an owner's mailbox (``counter-terrorism@...``)."""


def _facial_recognition(
    use_case: UseCase, law_enforcement: Outcome, texts: Sequence[Text], recognised: Said
) -> Outcome:
    """Whether the use case identifies people from their faces: declared in its capabilities; unknown where faces
    are detected (``face_detection``) by or for a law-enforcement party, declared or not ruled out (served parties
    left out), and no description says what is done with them (blurred, redacted, counted): the terms forbid US
    police facial recognition, and any police live recognition on patrol, and face detection is the way to hide
    it. So too where pictures are analysed (``image_analysis``) by or for a declared law-enforcement party, and the
    texts say they are of faces or people (booking photos, mugshots, headshots, persons, unknown people, a name):
    a model that reads a picture of a person can compare it with another; there a purpose that says no one is
    identified says what is done with them too. So too where the texts name pictures that no declared capability
    reads (an embedding of a portrait, a classification of a jpeg): the capability that reads them is undeclared.
    Where the texts describe recognition (``recognised``), the finding that quotes them says so already."""
    declared = _capability(
        use_case, frozenset({Capability.FACIAL_RECOGNITION}), "capabilities include facial_recognition"
    )
    if declared.value or recognised or law_enforcement.value is False:
        return declared
    if Capability.FACE_DETECTION in use_case.capabilities:
        missing = FACES_USED
    elif law_enforcement.value is True and (
        (Capability.IMAGE_ANALYSIS in use_case.capabilities and any(_people_pictured(t) for _, t in texts))
        # No capability that reads a picture: it must be declared before what is seen in it can be weighed.
        or _pictures_undeclared(use_case, texts)
    ):
        described = [t for p, t in texts if _DESCRIBING.search(p)]
        if any(_NO_ONE_IDENTIFIED.search(f" {normalise(t)} ") for t in described) and not any(
            looks_up_who(t) for t in described
        ):
            return declared
        missing = FACES_LOOKED_AT if Capability.IMAGE_ANALYSIS in use_case.capabilities else PICTURES_UNDECLARED
    elif any(_hands_back_who(t) for p, t in texts if _in_sentences(p, t)):
        # Who the faces are, handed back, under a capability that reads no picture (review R27: "count the faces
        # in live body-camera video, then say whose they are", declared as ``embeddings``), in the purpose or a
        # tag that says it in a sentence (review R29: "head-and-shoulders capture vectors, nearest booking number"),
        # where law enforcement is declared or not ruled out (review R29: a company that leaves its customers out);
        # and who each person seen in a video is, said without a face (review R30, see _WHO_IS_SEEN).
        missing = FACES_LOOKED_AT
    elif law_enforcement.value is True and any(
        _SEARCHED_BY_PICTURE.search(f" {normalise(t)} ") for p, t in texts if _DESCRIBING.search(p)
    ):
        # Text about a search of pictures for whom they show is the recognition's own work, whichever model
        # runs the search ("summarise the candidates of the DMV photo search", review R12).
        missing = PICTURES_SEARCHED
    else:
        return declared
    if says_what_is_done_with_the_faces(texts):
        return declared
    return unknown(missing)


def _hands_back_who(text: str) -> bool:
    """Whether ``text`` hands back who a face's picture shows, or who each person seen in a video is."""
    read = f" {normalise(words_of(text))} "
    return bool((looks_up_who(text) and _FACE_PICTURES.search(read)) or _WHO_IS_SEEN.search(read))


_WHO_IS_SEEN: Final = re.compile(
    # Anchored, so each lookahead scans the text once rather than from every space.
    r"^(?=.*? (?:frames?|videos?|footage|clips?|recordings?|cameras?|cctv|stills?|feeds?|in view|on screen) )"
    r".*? (?:(?:ids?|numbers?|names?|identit(?:y|ies)|records?) of (?:whoever|the (?:person|people|individuals?|"
    r"inmates?|prisoners?|suspects?|visitors?|detainees?)) (?:\w+ )?(?:appears?|walks?|is|are|sits?|stands?|passes?|"
    r"visible|shown|seen|in view)|which (?:inmate|prisoner|suspect|person|individual|detainee|visitor)s? (?:\w+ ){0,2}?"
    r"(?:walks?|appears?|passes?|shows?|is (?:seen|shown|visible)))(?= )"
)
"""Who each person seen in a video or a camera's frames is, handed back, with no face or photo word (review R30:
"label each frame of the lobby video with the inmate ID of whoever appears in it", "annotate the jail corridor
footage with which inmate walks past"): recognition in substance, whatever capability reads the frames."""

_FACE_PICTURES: Final = re.compile(
    r" (?:faces?|facial|head ?shots?|mugshots?|selfies?|portraits?|(?:photo )?line ?ups?|"
    r"(?:booking|custody|arrest|intake|jail|id|passport|"
    r"face) (?:photos?|photographs?|pictures?|images?|shots?|stills?)|caras?|rostros?|rostos?|visages?|gesicht\w*|"
    r"fotos? de (?:la )?(?:ficha|detencion|identificacion)|photos? (?:anthropometriques?|d identite)|"
    r"verbrecherfotos?|passbild\w*|fotos? (?:de )?(?:registro|fichamento)|"
    # A face's picture in biometrics' jargon (review R29): a head-and-shoulders or frontal capture, the face-image
    # standard's record, an eigenface, a likeness search, in the five languages.
    rf"{HEAD_CAPTURE}|frontal (?:poses?|views?|images?|shots?)|iso iec 19794 5|eigen ?faces?|eigen basis|"
    r"likeness(?:es)? (?:search\w*|match\w*|scor\w*)|kopf schulter\w*|cabeza y hombros|cabeca e ombros|"
    r"tete et epaules)(?= )"
)
"""Words for pictures of people's faces, in folded text (``normalise``), in the five languages."""


_PEOPLE: Final = re.compile(
    r" (?:persons?|people|individuals?|someone|somebody|whoever|strangers?|unknown (?:men|women|subjects?)|"
    r"suspects?|prisoners?|inmates?|detainees?|presos?|reclusos?|detenid[oa]s?|fichad[oa]s?|detenus?|prisonniers?|"
    r"haftlinge?|insassen?|detentos?|presidiarios?|"
    r"(?:a|their|whose|his|her) names?|personas?|individuos?|desconocid[oa]s?|un nombre|personnes?|individus?|"
    r"inconnu(?:e|s|es)?|un nom|personen|unbekannte[nmr]?|tatverdachtige[nmr]?|verdachtige[nmr]?|portrats?|"
    r"konterfeis?|antlitz\w*|einen namen|pessoas?|desconhecid[oa]s?|semblantes?|um nome|dar nome|"
    # Who someone is, and the people police look for: "by who appears in them", "the man from the BOLO bulletin",
    # "the defendant", "a missing child", in the five languages.
    r"who (?:appears?|is|are|was|were)|whom|whose faces?|by who|quien(?:es)? (?:aparece|esta|es)\w*|"
    r"qui (?:apparai\w*|est|sont)|wer (?:\w+ )?(?:zu sehen|abgebildet|erscheint)|quem (?:aparece|esta|e)\w*|"
    r"m[ae]n|wom[ae]n|boys?|girls?|child(?:ren)?|kids?|teens?|teenagers?|guys?|defendants?|victims?|witness\w*|"
    r"offenders?|subjects?|fugitives?|wanted|missing|bolos?|lookout|apbs?|runaways?|"
    r"hombres?|mujer(?:es)?|nin[oa]s?|acusad[oa]s?|victimas?|testigos?|sospechos[oa]s?|buscad[oa]s?|"
    r"desaparecid[oa]s?|fugitiv[oa]s?|hommes?|femmes?|enfants?|accuses?|victimes?|temoins?|recherche(?:e|s|es)?|"
    r"disparu(?:e|s|es)?|mann|manner|frau(?:en)?|kind(?:er)?|angeklagte[nmr]?|opfer|zeug(?:e|en|in)|gesucht\w*|"
    r"vermisst\w*|homens?|mulher(?:es)?|criancas?|vitimas?|testemunhas?|suspeit[oa]s?|procurad[oa]s?)(?= )"
)
"""Words for the people in pictures, and who they are, in folded text, in the five languages."""

_NO_ONE_IDENTIFIED: Final = re.compile(
    r" (?:(?:no one|nobody|no person|no individual|none of them|no face) (?:is|are|gets?|will be) (?:ever )?"
    r"(?:identified|recognised|recognized|named|matched|compared)|without identifying|"
    r"(?:never|not) (?:identified|identify|identifies|recognised|recognized|matched|compared)|"
    r"no (?:identification|recognition)|sin identificar|nadie es identificado|sans identifier|"
    r"personne n est identifie\w*|niemand wird identifiziert|ohne (?:\w+ ){0,3}zu identifizieren|sem identificar|"
    r"ninguem e identificado)(?= )"
)
"""A denial that anyone pictured is identified, in folded text, in the five languages."""


_PICTURE_SEARCH: Final = (
    r"reverse image\w*|(?:search\w*|query\w*|look\w* up|lookups?) (?:\w+ ){0,4}?by (?:image|photo|picture|face)s?|"
    r"(?:image|photo|picture|foto)s? (?:search|lookup|comparison|matching)\w*|"
    r"(?:busqueda|pesquisa|recherche|suche|comparacion|comparacao|comparaison|abgleich)\w* (?:\w+ ){0,2}?"
    r"(?:por|par|per|nach|de|da|des|von) (?:\w+ )?(?:imagen(?:es)?|imag(?:em|ens)|images?|fotos?|photos?|"
    r"fotograf\w*|bild\w*)|(?:comparacion|comparacao|comparaison|sistema de comparacion) fotografic\w*|"
    r"lichtbild\w*|bildersuche|bildabgleich|fotoabgleich|neoface|clearview|rekognition"
)
"""A search of pictures for whom they show, or by a picture ("search the records by image", "Búsqueda por
imagen", "the DMV photo search"), in folded text, in the five languages."""

_SEARCHED_BY_PICTURE: Final = re.compile(rf" (?:{_PICTURE_SEARCH})(?= )")

_AGAINST_RECORDS: Final = re.compile(
    rf" (?:(?:match|compar|check|search|run|cross ?referenc|cotej|abgleich|vergleich|rapproch|confront|cruz)\w*"
    r"(?: \w+){0,6}? (?:against|with|to|in|through|con|contra|avec|aux?|mit|gegen|com|em|no|na|nos|nas)"
    r"(?: \w+){0,3}? (?:records?|databases?|archives?|galler(?:y|ies)|watch ?lists?|registr\w*|registers?|files?|"
    r"fichiers?|expedientes?|archivos?|akten|datenbank\w*|bases? de (?:datos|donnees|dados)|banco de dados|"
    r"mugshots?|bookings?|antecedentes|fichas?(?: policiales)?|cadastros?|prontuarios?|casiers?|"
    r"bases? de (?:fichas|antecedentes))|lichtbild\w*|(?:records?|database|archive) (?:search|match|lookup|hit)\w*|"
    # The record found from the picture: "the record whose photo best matches the still", "the arrest record that
    # matches each image".
    r"(?:records?|files?|entr(?:y|ies)|profiles?) (?:whose|with the) (?:photos?|pictures?|images?|mugshots?)"
    r"(?: \w+){0,2}? match\w*|(?:records?|files?|entr(?:y|ies)|profiles?) (?:that|which) (?:best )?match\w*"
    r"(?: \w+){0,3}? (?:images?|photos?|pictures?|stills?|frames?|snapshots?)|"
    rf"{_PICTURE_SEARCH})(?= )"
)
"""Pictures matched, compared or searched against records, a database, an archive or a watchlist ("match CCTV
stills against booking records", "Lichtbildrecherche"), in folded text, in the five languages: a search for who
is in them, whatever the texts call the pictures (review R12)."""


_STILL_PICTURE: Final = re.compile(
    r" (?:\w*photo(?:s|graph\w*)?|pictures?|pics?|images?|imagery|snapshots?|stills?(?= (?:from|of|taken|grabbed|"
    r"captured|images?|frames?|photos?|pictures?|shots?) )|"
    r"jpe?gs?|pngs?|heics?|tiffs?|bitmaps?|portraits?|mugshots?|head ?shots?|selfies?|screen ?(?:shots?|grabs?)|"
    r"\w*fotos?|fotograf\w*|imagen(?:es)?|imagem|imagens|retratos?|"
    rf"{HEAD_CAPTURE}|evidence stills?|"
    # A picture in German, alone or in a compound ("Lichtbild", "Fahndungsbild"), but a model ("Vorbild", "Leitbild").
    r"bild(?:er)?|\w+(?<!leit)(?<!vor)(?<!sinn)bild(?:er|ern)?"
    r")(?= )"
)
"""Words for a still picture, which some capability must read: a photo, an image, a still, a file of one (jpeg,
png), a portrait; not a camera or a video, whose sound a transcription reads; in folded text, in the five
languages."""


def _pictures_undeclared(use_case: UseCase, texts: Sequence[Text]) -> bool:
    """Whether the texts that describe what is done name pictures while no capability declared reads one
    (``image_analysis``, ``face_detection``, ``facial_recognition``): an embedding, a classification or a text
    model given a photo reads it as much (review R26: "turn each portrait into a vector and return the closest
    one from the booking archive", declared as ``embeddings``). ``image_generation`` reads none either: a picture
    its texts name must be declared read as much. A picture the text denies ("no images are processed", "the
    notes never contain photos", "ohne Bilder", review R27) is none, while any other it names still counts."""
    if not _PICTURES.isdisjoint(use_case.capabilities) or Capability.FACIAL_RECOGNITION in use_case.capabilities:
        return False
    for path, text in texts:
        if not _DESCRIBING.search(path):
            continue
        read = f" {normalise(words_of(text))} "
        if any(not _PICTURE_DENIED.search(read[: found.start() + 1]) for found in _STILL_PICTURE.finditer(read)):
            return True
    return False


_PICTURE_DENIED: Final = re.compile(
    rf" (?:{_DENIAL}|no|aucune?s?|ningun[ao]?s?|nenhum[a]?s?)(?! (?:only|just|solo|solamente|seulement|nur|apenas|"
    r"somente)(?: |$))(?: \w+){0,2}? $"
)
"""A denial just before a picture word ("no images", "never contain photos", "sin imágenes", "keine Fotos"), but not
one that widens it ("not only photos")."""


def _people_pictured(text: str) -> bool:
    read = f" {normalise(words_of(text))} "
    return (
        _FACE_PICTURES.search(read) is not None
        or _PEOPLE.search(read) is not None
        or _AGAINST_RECORDS.search(read) is not None
    )


def says_what_is_done_with_the_faces(texts: Sequence[Text]) -> bool:
    """Whether the texts that describe what is done (a purpose, a description or display name) say the faces
    detected are blurred, redacted or counted, and none says they are kept or handed over ("count the faces and
    save each face crop to the suspect gallery") or that who each one is is handed back ("attach each one's arrest
    record"), which no blur or count beside it makes harmless."""
    describing = [text for path, text in texts if _DESCRIBING.search(path)]
    return any(hides_or_counts(t) for t in describing) and not any(
        keeps_or_hands_over_faces(t) or looks_up_who(t) for t in describing
    )


def _capability(use_case: UseCase, wanted: frozenset[Capability], note: str) -> Outcome:
    if wanted.isdisjoint(use_case.capabilities):
        return FALSE
    return true("useCase.capabilities", note)


def recognition_in_purpose(use_case: UseCase, phrases: Said, *, declaring_denies: bool) -> Outcome:
    """Recognition the purpose (or another text) describes (``phrases``) while the capabilities leave it out.
    ``declaring_denies`` says that declaring it would deny the stack (the engine finds out, from the rules), so the
    finding says that declaring it is no way out."""
    if not phrases or Capability.FACIAL_RECOGNITION in use_case.capabilities:
        return FALSE
    capabilities = ", ".join(c.value for c in use_case.capabilities)
    if declaring_denies:
        return true(
            phrases.path,
            f"{phrases.says()}, which identifies people from their faces or pictures, but useCase.capabilities "
            f"({capabilities}) leave out facial_recognition, and declaring it would deny this stack",
            "recognition_in_purpose_would_deny",
        )
    return true(
        phrases.path,
        f"{phrases.says()}, which identifies people from their faces, but useCase.capabilities ({capabilities}) "
        "leave out facial_recognition",
        "recognition_in_purpose",
    )


def read_facts(use_case: UseCase, cloud: Cloud, described: Sequence[Text] = ()) -> Facts:
    """Read the facts from a validated use case deployed to ``cloud``; ``described`` is other free text that says
    what it governs (a Foundry project's name, display name and description), which the tripwire reads with the
    purpose."""
    fr = use_case.facial_recognition
    realtime = fr.realtime if fr else None
    cameras = fr.cameras if fr else None
    environment = fr.environment if fr else None

    if realtime is None:
        realtime_fact = unknown(f"{_FR}.realtime")
    elif realtime:
        realtime_fact = true(f"{_FR}.realtime", "recognition is real-time")
    else:
        realtime_fact = FALSE

    if cameras is None:
        mobile_fact = unknown(f"{_FR}.cameras")
    else:
        mobile = sorted(c.value for c in cameras if c in MOBILE_CAMERAS)
        mobile_fact = true(f"{_FR}.cameras", f"mobile cameras: {', '.join(mobile)}") if mobile else FALSE

    if environment is None:
        uncontrolled_fact = unknown(f"{_FR}.environment")
    elif environment == Environment.UNCONTROLLED:
        uncontrolled_fact = true(f"{_FR}.environment", "the environment is uncontrolled")
    else:
        uncontrolled_fact = FALSE

    declares_fr = Capability.FACIAL_RECOGNITION in use_case.capabilities
    police = [(path, party) for path, party in use_case.parties if party.sector == Sector.LAW_ENFORCEMENT]
    us_police = [(path, party) for path, party in police if _is_us(party, cloud)]
    served_declared = use_case.served_parties is not None
    # Only what the structured facts leave open is read from the purpose: a police customer while no party is
    # law enforcement in the US, as a US agency named in the purpose would be one.
    texts, settings = _settings_apart(_texts(use_case, described))
    read = _read(
        texts,
        recognition=not declares_fr,
        police=not us_police,
        us_police=True,
        field=fr is not None,
    )
    if settings:
        # Live or mobile capture matters only to law enforcement's recognition (the terms' second clause).
        field = fr is not None and bool(police)
        said = _read(settings, recognition=not declares_fr, police=True, us_police=True, field=field).by_text
        customers = declares_fr or any(words.recognition for _, words in (*read.by_text, *said))
        read = Reading((*read.by_text, *((path, _as_settings(words, customers=customers)) for path, words in said)))
    recognised = read.said(lambda w: w.recognition)
    # Where law enforcement is declared, or not ruled out (served parties left out) for a use case with pictures,
    # recognition split between the purpose and other texts is read too (see _read_together).
    pictures = not _PICTURES.isdisjoint(use_case.capabilities)
    if not recognised and not declares_fr and (police or (pictures and not served_declared)):
        recognised = _read_together(texts, everything=bool(police) and pictures)

    # Beside declared recognition with no law-enforcement party, words that say law enforcement only in that
    # context are read too; the wider list only where the facts are clause 2's pattern (none of them false).
    context = Said()
    if declares_fr and not police:
        patrol = all(f.value is not False for f in (realtime_fact, mobile_fact, uncontrolled_fact))
        context = Said(tuple((p, w) for p, t in texts if (w := law_enforcement_context(t, patrol=patrol))))

    law_enforcement = _law_enforcement(police, cloud, served_declared)
    # Recognition by or for police all outside the United States, where a US customer may hide in the texts.
    police_abroad = declares_fr and bool(police) and not us_police and cloud == Cloud.PUBLIC
    if declares_fr and law_enforcement.value is not False:
        realtime_fact, mobile_fact, uncontrolled_fact = _corroborated(
            realtime_fact, mobile_fact, uncontrolled_fact, texts
        )
    return Facts(
        facial_recognition=_facial_recognition(use_case, law_enforcement, texts, recognised),
        law_enforcement=law_enforcement,
        us_law_enforcement=_law_enforcement(us_police, cloud, served_declared),
        realtime=realtime_fact,
        mobile_camera=mobile_fact,
        uncontrolled=uncontrolled_fact,
        generative=_capability(use_case, GENERATIVE, "capabilities include generative output"),
        image_analysis=_capability(
            use_case, frozenset({Capability.IMAGE_ANALYSIS}), "capabilities include image_analysis"
        ),
        human_review=(
            true("useCase.humanReview", "human review is attested") if use_case.human_review is True else FALSE
        ),
        undeclared_facial_recognition_in_purpose=any_of(
            recognition_in_purpose(use_case, recognised, declaring_denies=False),
            # Where pictures are handled, a name in another language may say what is done with them
            # (``volto-polizia-nyc``) however the served parties are declared (review R11).
            _unread(
                texts,
                names_too=declares_fr or bool(police) or pictures,
                strict=declares_fr or bool(police) or pictures,
                force_declared=bool(police),
            ),
        ),
        facts_without_capability=(
            true(
                _FR,
                "facialRecognition facts are given but capabilities omit facial_recognition",
                "facts_without_capability",
            )
            if fr is not None and not declares_fr
            else FALSE
        ),
        non_us_operator_in_government=(
            true(
                "useCase.operator.country",
                f"the operator is in {use_case.operator.country}",
                "non_us_operator_in_government",
            )
            if cloud == Cloud.USGOVERNMENT and use_case.operator.country not in UNITED_STATES
            else FALSE
        ),
        police_in_purpose=any_of(
            _police_in_purpose(read, police, cloud, context),
            # A setting that puts the customer in the United States ("myapp:country: US", "state: Texas") counts.
            _us_place_beside_recognition((*texts, *settings)) if police_abroad else FALSE,
            _more_forces_than_declared(texts, police) if police_abroad else FALSE,
            _owner_a_us_agency(use_case, cloud) if declares_fr and not us_police else FALSE,
        ),
        served_party_in_purpose=(
            _served_party_in_purpose(texts, in_the_us_only=bool(police))
            if declares_fr and not us_police and use_case.served_parties == ()
            else FALSE
        ),
        purpose_against_facts=any_of(
            _purpose_against_facts(read, fr),
            _cameras_unplaced(fr, texts) if declares_fr and law_enforcement.value is not False else FALSE,
        ),
        recognition_phrases=recognised,
    )
