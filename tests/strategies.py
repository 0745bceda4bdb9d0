"""Hypothesis strategies for declarations a user could write, shared by the guard's and the pack's property tests.

Values are plain dicts in the stack file's camelCase, like :mod:`tests.declarations`; purposes come plain,
naming facial recognition in five languages, a police customer, or live, patrol and mobile-camera wording,
and dressed up (case, full-width, zero-width characters).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

SECTORS = ["commercial", "law_enforcement", "public_sector", "defense", "healthcare", "education", "nonprofit", "other"]
CAPABILITIES = [
    "text_generation",
    "summarization",
    "translation",
    "classification",
    "code_generation",
    "embeddings",
    "speech_to_text",
    "image_analysis",
    "image_generation",
    "face_detection",
    "facial_recognition",
]
CAMERAS = ["body_worn", "dash_mounted", "vehicle_mounted", "drone", "handheld", "fixed"]
COUNTRIES = ["US", "us", "PR", "GU", "VI", "AS", "MP", "UM", "GB", "DE", "FR", "ca", "MX", "BR", "JP", "AU", "IN"]

PLAIN_PURPOSES = [
    "Answer billing questions in the customer support portal",
    "Generate a user interface for the booking system",
    "Summarise the surface condition reports for road crews",
    "Draft customer-facing replies for agents",
    "Prepare officers for face-to-face meetings with residents",
    "Blur faces in body-camera footage before public release",
    "Count faces in the lobby feed to estimate occupancy",
    "Summarise body-camera audio into draft incident reports",
    "Traducir las denuncias de los ciudadanos",
    "Résumer les rapports d'incident pour les agents",
    "Bürgeranfragen an die Polizei zusammenfassen",
]
POLICE_PURPOSES = [
    "Draft incident summaries for the city police department",
    "Translate complaint forms for the county sheriff's office",
    "Resumir los atestados para la Policía Nacional",
    "Help policyholders attach the police report to a theft claim",
    "Summarise case files for the NYPD",
    "Translate witness statements for the police in New York",
]
FIELD_PURPOSES = [
    "Run facial recognition on live drone video of public demonstrations",
    "Patrol officers check who they are speaking to against outstanding warrants",
    "Reconocimiento facial en tiempo real en la calle",
    "Gesichtserkennung in Echtzeit mit Bodycams",
]
RECOGNITION_PURPOSES = [
    "Run facial recognition on visitors at the lobby",
    "Face recognition at the staff entrance",
    "Recognise faces of known shoplifters",
    "Identify people by their faces in CCTV stills",
    "Match faces against a watchlist",
    "Reconocimiento facial de clientes",
    "Reconocer rostros de sospechosos",
    "Reconnaissance faciale des visiteurs",
    "Reconnaître les visages des suspects",
    "Gesichtserkennung am Eingang",
    "Gesichter erkennen und zuordnen",
    "Reconhecimento facial de clientes",
    "Reconhecer rostos em imagens",
]


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def zero_width(text: str) -> str:
    return "\u200b".join(text)


OBFUSCATIONS: list[Callable[[str], str]] = [str, str.upper, str.swapcase, fullwidth, zero_width]


@st.composite
def purposes(draw: st.DrawFn) -> str:
    pool = PLAIN_PURPOSES + RECOGNITION_PURPOSES + POLICE_PURPOSES + FIELD_PURPOSES
    sentences = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=2))
    dress = draw(st.sampled_from(OBFUSCATIONS))
    return dress(". ".join(sentences) + ".")


parties = st.fixed_dictionaries({"sector": st.sampled_from(SECTORS), "country": st.sampled_from(COUNTRIES)})
police_parties = st.fixed_dictionaries({"sector": st.just("law_enforcement"), "country": st.sampled_from(COUNTRIES)})


@st.composite
def facial_recognition_facts(draw: st.DrawFn) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    if draw(st.booleans()):
        facts["realtime"] = draw(st.sampled_from([True, False, None]))
    if draw(st.booleans()):
        facts["cameras"] = draw(st.lists(st.sampled_from(CAMERAS), min_size=1, max_size=3, unique=True))
    if draw(st.booleans()):
        facts["environment"] = draw(st.sampled_from(["controlled", "uncontrolled", None]))
    return facts


@st.composite
def use_cases(draw: st.DrawFn, *, recognition_by_police: bool = False) -> dict[str, Any]:
    capabilities = draw(st.lists(st.sampled_from(CAPABILITIES), min_size=1, max_size=4, unique=True))
    served = draw(st.lists(parties, max_size=3))
    if recognition_by_police:
        if "facial_recognition" not in capabilities:
            capabilities.append("facial_recognition")
        served.append(draw(police_parties))
    use: dict[str, Any] = {
        "name": "generated",
        "purpose": draw(purposes()),
        "owner": "owner@example.com",
        "operator": draw(parties),
        "capabilities": capabilities,
    }
    if served or draw(st.booleans()):
        use["servedParties"] = served
    if recognition_by_police or draw(st.booleans()):
        use["facialRecognition"] = draw(facial_recognition_facts())
    if draw(st.booleans()):
        use["humanReview"] = draw(st.sampled_from([True, False, None]))
    return use


@st.composite
def declarations(draw: st.DrawFn, *, recognition_by_police: bool = False) -> dict[str, Any]:
    """A valid project config (keys without the namespace), as a user would write it."""
    cloud = draw(st.sampled_from(["public", "usgovernment"]))
    # The smallest valid service in that cloud: every entry point validates the whole service.
    location = "usgovvirginia" if cloud == "usgovernment" else "eastus2"
    config: dict[str, Any] = {"service": {"cloud": cloud, "location": location, "resourceGroupName": "rg-guarded"}}
    profile = draw(st.sampled_from([None, "terms", "strict"]))
    if profile is not None:
        config["guardProfile"] = profile
    if recognition_by_police or draw(st.integers(0, 19)) > 0:
        config["useCase"] = draw(use_cases(recognition_by_police=recognition_by_police))
    return config
