"""An independent reading of the terms, for property tests of the guard's engine.

Written straight from the project's terms page and issue, as plain Python over
the raw declaration dict a user writes (camelCase keys, no prefix). It takes
only the rules' ids from ``guards`` (their names, never their conditions or
severities) on purpose: if the engine and this oracle disagree, one of them
misreads the terms.

It assumes the declaration is valid (the models have already accepted it).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from azure_openai_guarded.guards.rules import (
    DECLARATION_INCOMPLETE,
    DECLARATION_INCONSISTENT,
    DECLARATION_MISSING,
    FR_ADVISORY,
    FR_REALTIME_MOBILE_UNCONTROLLED,
    FR_US_LAW_ENFORCEMENT,
    LE_GENERATIVE_REVIEW,
    LE_IMAGE_ANALYSIS,
    STRICT_FR_ANY,
    STRICT_FR_LAW_ENFORCEMENT,
)

# "US territories (PR, GU, VI, AS, MP, UM) are in the United States."
UNITED_STATES = {"US", "PR", "GU", "VI", "AS", "MP", "UM"}

# "'Without limitation' means body-worn and dash cameras are examples only. Drones, hand-held devices
# and other vehicle-mounted cameras are mobile cameras too." Only a fixed camera is not mobile.
MOBILE_CAMERAS = {"body_worn", "dash_mounted", "vehicle_mounted", "drone", "handheld"}

# Capabilities whose output is generated (and so can hallucinate): drafting, summarising, translating,
# transcribing body-camera audio, writing code, making images.
GENERATIVE = {
    "text_generation",
    "summarization",
    "translation",
    "code_generation",
    "speech_to_text",
    "image_generation",
}

# Phrasings of "identify people by their faces" the oracle knows, already folded to lower case
# without accents. The property tests draw purposes that describe recognition from these.
RECOGNITION_PHRASES = (
    "facial recognition",
    "face recognition",
    "recognise faces",
    "recognize faces",
    "identify people by their faces",
    "match faces",
    "reconocimiento facial",
    "reconocer rostros",
    "reconnaissance faciale",
    "reconnaitre les visages",
    "gesichtserkennung",
    "gesichter erkennen",
    "reconhecimento facial",
    "reconhecer rostos",
)


# Words that name a police or other law-enforcement body, folded. "Bürgeranfragen an die Polizei" is work
# for the police; "file a police report" is not (the public reporting to the police).
POLICE_WORDS = (
    "police",
    "polizei",
    "policia",
    "sheriff",
    "gendarmerie",
    "law enforcement",
    "guardia civil",
    "nypd",
    "fbi",
    "county jail",
    "district attorney",
)
NOT_A_POLICE_CUSTOMER = ("police report",)
# "By or for a police department in the United States": bodies that are American by their name alone, and US
# places a police force is named beside. One named while every declared law-enforcement party is outside the US
# is a customer the declaration leaves out, and so is an owner's mailbox at a US agency.
US_POLICE_WORDS = ("sheriff", "nypd", "fbi", "county jail", "district attorney")
US_PLACES = ("united states", "new york", "seattle", "texas")

# Wording that says recognition happens live, on mobile cameras, or in the wild. "Real-time, patrol, body-worn
# or dash-camera wording in the purpose, while the declared facts say fixed cameras in a controlled environment."
LIVE_WORDS = ("real time", "live", "tiempo real", "temps reel", "echtzeit", "tempo real", "en directo", "ao vivo")
MOBILE_WORDS = (
    "body camera",
    "body worn",
    "bodycam",
    "bodycams",
    "dash camera",
    "dash cam",
    "drone",
    "drones",
    "patrol",
)
IN_THE_WILD_WORDS = ("patrol", "street", "streets", "calle", "crowd", "crowds", "in the wild", "demonstrations")

# Where two of clause 2's facts may hold and the third is declared false, that declaration alone keeps the clause from
# applying, so the purpose must say it too: that the recognition is after the fact, where the cameras are, or that
# they are fixed.
AFTER_WORDS = ("after the fact", "afterwards", "later", "recorded footage", "the next day", "after the shift")
CONTROLLED_WORDS = ("custody suite", "police station", "booking desk", "interview room")
FIXED_WORDS = ("cctv", "fixed", "stationary")


def fold(text: str) -> str:
    """Undo what cannot hide a phrase: width, invisible characters, case, accents, punctuation."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf").casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


def _us_only_domain(owner: str) -> bool:
    """An owner's mailbox under a top-level domain only the United States has: its government's or its own."""
    return owner.rpartition(".")[2].casefold() in {"gov", "mil", "us"} and "@" in owner


def _says(purpose: str, words: tuple[str, ...]) -> bool:
    folded = f" {fold(purpose)} "
    return any(f" {word} " in folded for word in words)


def describes_recognition(purpose: str) -> bool:
    return _says(purpose, RECOGNITION_PHRASES)


def names_police(purpose: str) -> bool:
    folded = f" {fold(purpose)} "
    for phrase in NOT_A_POLICE_CUSTOMER:
        folded = folded.replace(f" {phrase} ", " ")
    return any(f" {word} " in folded for word in POLICE_WORDS)


def names_us_police(purpose: str) -> bool:
    """A police body in the US: named as one, or a police word in a sentence with a US place."""
    if not names_police(purpose):
        return False
    sentences = [f" {fold(s)} " for s in purpose.replace("U.S.", "US").split(".")]
    return any(
        any(f" {word} " in s for word in US_POLICE_WORDS)
        or (any(f" {w} " in s for w in POLICE_WORDS) and any(f" {p} " in s for p in US_PLACES))
        for s in sentences
    )


def purpose_contradicts_facts(use: Mapping[str, Any]) -> bool:
    """The purpose says live, mobile cameras or in the wild where the declared facts say otherwise."""
    facts = use.get("facialRecognition")
    if facts is None:
        return False
    purpose = use["purpose"]
    cameras = facts.get("cameras")
    return (
        (facts.get("realtime") is False and _says(purpose, LIVE_WORDS))
        or (cameras is not None and not MOBILE_CAMERAS & set(cameras) and _says(purpose, MOBILE_WORDS))
        or (facts.get("environment") == "controlled" and _says(purpose, IN_THE_WILD_WORDS))
    )


def _kleene_and(*values: bool | None) -> bool | None:
    if any(v is False for v in values):
        return False
    if all(v is True for v in values):
        return True
    return None


def expected_rules(config: Mapping[str, Any]) -> set[str]:
    """The rule ids a valid declaration must produce."""
    use = config.get("useCase")
    if use is None:
        return {DECLARATION_MISSING.id}
    strict = config.get("guardProfile", "terms") == "strict"
    government = config["service"]["cloud"] == "usgovernment"

    parties = [use["operator"], *use.get("servedParties", [])]
    police = [p for p in parties if p["sector"] == "law_enforcement"]
    # "Every Azure Government tenant is a US entity. A deployment there is US jurisdiction,
    # whatever the stack declares."
    us_police = [p for p in police if government or p["country"].strip().upper() in UNITED_STATES]
    capabilities = set(use["capabilities"])
    recognition = "facial_recognition" in capabilities
    facts = use.get("facialRecognition")
    rules: set[str] = set()

    # "By or for": the parties a declaration leaves out may be police. With `servedParties` left out, whether
    # the integration is for law enforcement (in the US) is unknown, the worst case; `[]` says it serves no one.
    served_unknown = "servedParties" not in use
    law_enforcement = True if police else (None if served_unknown else False)
    us_law_enforcement = True if us_police else (None if served_unknown else False)

    def deny(rule_id: str, *conditions: bool | None) -> None:
        """A deny rule: it fires when its conditions hold, and an unknown one makes the declaration incomplete."""
        holds = _kleene_and(*conditions)
        if holds is True:
            rules.add(rule_id)
        elif holds is None:
            rules.add(DECLARATION_INCOMPLETE.id)

    # Clause 1: "for facial recognition purposes by or for a police department in the United States",
    # in every environment.
    deny(FR_US_LAW_ENFORCEMENT.id, recognition, us_law_enforcement)

    # Clause 2: "real-time facial recognition technology on mobile cameras used by any law enforcement
    # globally ... in uncontrolled, 'in the wild' environments". An undeclared fact is the worst case.
    facts = facts or {}
    cameras = facts.get("cameras")
    environment = facts.get("environment")
    clause_2: list[bool | None] = [
        facts.get("realtime"),
        None if cameras is None else bool(MOBILE_CAMERAS & set(cameras)),
        None if environment is None else environment == "uncontrolled",
    ]
    if recognition and law_enforcement is not False and clause_2.count(False) == 1:
        said = (AFTER_WORDS, FIXED_WORDS, CONTROLLED_WORDS)[clause_2.index(False)]
        if not _says(use["purpose"], said):
            clause_2[clause_2.index(False)] = None
    deny(FR_REALTIME_MOBILE_UNCONTROLLED.id, recognition, law_enforcement, *clause_2)

    # A declaration that contradicts itself or its cloud cannot decide the verdict: a purpose that describes
    # recognition, names a police customer or says live, patrol or mobile cameras the facts do not declare.
    if (
        (describes_recognition(use["purpose"]) and not recognition)
        or (names_police(use["purpose"]) and not police)
        or (names_us_police(use["purpose"]) and police and not us_police)
        # A US place beside recognition by or for police all outside it: a US customer the lists may not name.
        or (
            recognition
            and police
            and not us_police
            and not government
            and (_says(use["purpose"], US_PLACES) or _us_only_domain(use["owner"]))
        )
        or purpose_contradicts_facts(use)
        or (use.get("facialRecognition") is not None and not recognition)
        or (government and use["operator"]["country"].strip().upper() not in UNITED_STATES)
    ):
        rules.add(DECLARATION_INCONSISTENT.id)

    # The strict profile: the later Code of Conduct's "identify or verify individual identities based on
    # people's faces", for everyone.
    if strict:
        deny(STRICT_FR_ANY.id, recognition)
        deny(STRICT_FR_LAW_ENFORCEMENT.id, recognition, law_enforcement)

    # Advisories: generative output for police (hallucination, bias) unless a person reviews it; image
    # analysis for police; facial recognition where the terms may allow it (not by or for US law enforcement, nor
    # for parties that may be).
    if police and capabilities & GENERATIVE and use.get("humanReview") is not True:
        rules.add(LE_GENERATIVE_REVIEW.id)
    if police and "image_analysis" in capabilities and not recognition:
        rules.add(LE_IMAGE_ANALYSIS.id)
    if recognition and not strict and us_law_enforcement is False:
        rules.add(FR_ADVISORY.id)
    return rules


DENYING = {
    DECLARATION_MISSING.id,
    DECLARATION_INCOMPLETE.id,
    DECLARATION_INCONSISTENT.id,
    FR_US_LAW_ENFORCEMENT.id,
    FR_REALTIME_MOBILE_UNCONTROLLED.id,
    STRICT_FR_ANY.id,
    STRICT_FR_LAW_ENFORCEMENT.id,
}


def expected_allowed(config: Mapping[str, Any]) -> bool:
    return not expected_rules(config) & DENYING
