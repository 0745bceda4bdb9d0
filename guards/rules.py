"""The rules, as data: one entry per rule, read next to the clause it enforces.

Each rule has a stable id, a title, the clause it enforces, a severity, the
reason it exists and what to change. A rule's ``condition`` is a three-valued
predicate over :class:`~guards.facts.Facts`; when it is unknown for a deny rule,
the engine reports ``DECLARATION-INCOMPLETE`` instead of allowing the stack.
``DECLARATION-MISSING`` and ``DECLARATION-INCOMPLETE`` have no condition: the
engine raises them itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from . import terms
from .facts import Facts
from .languages import READ_LANGUAGES
from .logic import Outcome, all_of, any_of, negate
from .models import GuardProfile
from .terms import Clause


class Severity(StrEnum):
    """What a rule's finding does to the verdict."""

    DENY = "deny"
    """The stack is rejected before anything is deployed."""
    WARN = "warn"
    """Advisory: reported, never blocking."""


ALL_PROFILES = frozenset(GuardProfile)
STRICT_ONLY = frozenset({GuardProfile.STRICT})


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule of the guard: what it enforces, why, and what to change to pass."""

    id: str
    """Stable id, reported in every finding and listed by ``python -m azure_openai_guarded.guards rules``."""
    title: str
    """What the rule finds, in one line."""
    severity: Severity
    """Whether a finding denies the stack or only warns."""
    reason: str
    """Why the rule exists, in one or two sentences."""
    fix: str
    """What to change in the declaration (or the use case) to pass."""
    path: str
    """The config path a finding points at when the condition names none."""
    clause: Clause | None = None
    """The clause the rule enforces, quoted; ``None`` for the guard's own fail-closed rules."""
    condition: Callable[[Facts], Outcome] | None = None
    """When the rule fires; ``None`` for the rules the engine raises itself."""
    profiles: frozenset[GuardProfile] = ALL_PROFILES
    """The guard profiles that apply the rule."""
    fixes: Mapping[str, str] = field(default_factory=dict, hash=False)
    """What to change for each kind of evidence (``Evidence.kind``). A finding gives the fixes of the evidence
    it has, so that it speaks to the stack in front of it; ``fix`` is for evidence with no entry here."""

    @property
    def source(self) -> str:
        """Where the clause comes from, or that the rule is the guard's own."""
        return self.clause.source if self.clause else "azure-openai-guarded fail-closed policy"


DECLARATION_MISSING = Rule(
    id="DECLARATION-MISSING",
    title="The stack provisions Azure OpenAI but declares no use case",
    severity=Severity.DENY,
    reason="The guard allows only what a declaration proves allowed; with no declaration nothing is proven.",
    fix="Add `azure-openai-guarded:useCase` to the stack file: name, purpose, owner, operator, capabilities.",
    path="useCase",
)

DECLARATION_INCOMPLETE = Rule(
    id="DECLARATION-INCOMPLETE",
    title="A fact the verdict depends on is undeclared",
    severity=Severity.DENY,
    reason=(
        "An undeclared fact counts as the worst case, so the guard cannot prove the stack allowed. "
        + terms.OPEN_READINGS
    ),
    fix=(
        "Declare the missing facts the finding names: `useCase.facialRecognition` (realtime, cameras, "
        "environment) and `useCase.servedParties` (every organisation the integration is built for, or `[]` if "
        "it serves no one but the operator)."
    ),
    path="useCase.facialRecognition",
    fixes={
        "account_parties_undeclared": (
            "Declare the account's `servedParties` (`[]` if it serves no one but its operator)."
        ),
        "unread_text": (
            f"Write each text the finding names in {READ_LANGUAGES} (the languages the guard reads; a name or "
            "the owner in Latin letters): declaring more facts does not help while a text the guard cannot read "
            "may say anything."
        ),
        "faces_unexplained": (
            "Say in the purpose what is done with the faces detected (blurred, redacted or counted), declare "
            "`useCase.servedParties` (`[]` if it serves no one but the operator), or leave `face_detection` out of "
            "`useCase.capabilities` if no face is detected."
        ),
        "face_pictures_unexplained": (
            "Say in the purpose what is done with the faces or people in the pictures (blurred, redacted or "
            "counted; or that no one is identified): identifying anyone from them is facial recognition, which the "
            "terms forbid by or for US police, and on patrol by any police."
        ),
        "pictures_undeclared": (
            "Declare `image_analysis` in `useCase.capabilities` for the pictures the purpose names (whichever model "
            "reads them: an embedding or a classifier of a photo reads it too), and say in the purpose what is done "
            "with the people in them (blurred, redacted or counted; or that no one is identified); if it identifies "
            "anyone, declare `facial_recognition` with `useCase.facialRecognition`: the terms forbid it by or for "
            "US police, and on patrol by any police."
        ),
        "picture_search_unexplained": (
            "Say in the purpose what the search of pictures looks for, if it is never who someone is; if it finds "
            "people from their faces, declare `facial_recognition` in `useCase.capabilities` with "
            "`useCase.facialRecognition`: the terms forbid it by or for US police, and on patrol by any police."
        ),
    },
)

DECLARATION_INCONSISTENT = Rule(
    id="DECLARATION-INCONSISTENT",
    title="The declaration contradicts itself or its cloud",
    severity=Severity.DENY,
    reason=(
        "A purpose that describes facial recognition the capabilities leave out, names a police customer "
        "while no party is law enforcement (or a US one while none is in the US), or says live, patrol or mobile "
        "cameras where the facts say otherwise; facial-recognition facts without the capability; or a non-US "
        "operator in Azure Government (where every tenant is a US entity): the declaration cannot be trusted to "
        "decide the verdict."
    ),
    fix=(
        "Make the declaration say what the integration does, or reword the words quoted (in the purpose, the use "
        "case's name, or a Foundry project's name or description); each finding says which field to change."
    ),
    path="useCase",
    condition=lambda f: any_of(
        f.undeclared_facial_recognition_in_purpose,
        f.police_in_purpose,
        f.served_party_in_purpose,
        f.purpose_against_facts,
        f.facts_without_capability,
        f.non_us_operator_in_government,
    ),
    fixes={
        "recognition_in_purpose": (
            "If the integration identifies or verifies anyone from their face, add `facial_recognition` to "
            "`useCase.capabilities` and declare `useCase.facialRecognition` (realtime, cameras, environment); "
            "if it only finds, counts or blurs faces, declare `face_detection` and reword the words quoted to say "
            "so."
        ),
        "recognition_in_purpose_would_deny": (
            "The terms forbid this stack facial recognition, so it cannot be declared: if the integration "
            "identifies or looks for anyone in pictures, it cannot be built here; if it only blurs, counts or "
            "describes people, reword the words quoted to say so."
        ),
        "police_in_purpose": (
            "List the police or law-enforcement customer under `useCase.servedParties` with "
            "`sector: law_enforcement` and its country (or declare it as the operator), or reword the words quoted "
            "if no law-enforcement agency uses or commissions the integration."
        ),
        "police_context_in_purpose": (
            "If a law-enforcement agency uses or commissions the integration, declare it (`sector: "
            "law_enforcement` and its country) as the operator or under `useCase.servedParties`; otherwise reword "
            "the words quoted, which beside facial recognition say law enforcement."
        ),
        "served_party_in_purpose": (
            "List each organisation the integration is built for under `useCase.servedParties`, with its sector and "
            "country (a police force with `sector: law_enforcement`), or reword the words quoted if it serves no "
            "one but the operator."
        ),
        "us_place_beside_recognition": (
            "If a US agency uses, commissions or receives the recognition, list it under `useCase.servedParties` "
            "with `sector: law_enforcement` and `country: US` (the terms then forbid facial recognition by or for "
            "it); otherwise reword the words quoted, which put the work in the United States."
        ),
        "more_forces_than_declared": (
            "List every police force the integration is used by or for, each under `useCase.servedParties` with "
            "`sector: law_enforcement` and its own country (the terms forbid facial recognition for one in the "
            "United States), or reword the words quoted if only the declared parties use it."
        ),
        "us_police_in_purpose": (
            "List the US law-enforcement customer under `useCase.servedParties` with `sector: law_enforcement` "
            "and `country: US` (the terms then forbid facial recognition by or for it), or reword the words quoted "
            "if no US agency uses or commissions the integration."
        ),
        "purpose_says_realtime": (
            "If faces are identified as they are captured, declare `useCase.facialRecognition.realtime: true`; "
            "otherwise reword the words quoted."
        ),
        "purpose_says_mobile": (
            "List every camera that feeds the integration under `useCase.facialRecognition.cameras` (body_worn, "
            "dash_mounted, vehicle_mounted, drone, handheld); otherwise reword the words quoted."
        ),
        "cameras_not_said_fixed": (
            "Say in the purpose where the cameras are (fixed CCTV, mounted at an entrance, in a custody suite), as "
            "`useCase.facialRecognition.cameras` declares; if any is worn, carried, in a vehicle or on a drone, list "
            "it there (body_worn, dash_mounted, vehicle_mounted, drone, handheld)."
        ),
        "purpose_says_uncontrolled": (
            "If faces are captured on patrol, in streets or in crowds, declare "
            "`useCase.facialRecognition.environment: uncontrolled`; otherwise reword the words quoted."
        ),
        "facts_without_capability": (
            "Add `facial_recognition` to `useCase.capabilities`, or remove `useCase.facialRecognition` if the "
            "integration identifies no one."
        ),
        "project_outside_the_account": (
            "List those parties in the project's `servedParties` (or as its operator), so that the rules decide the "
            "project as used by or for them, or move the project to an account of its own."
        ),
        "non_us_operator_in_government": (
            "Azure Government serves US entities only: declare the operator's country as US if it is one, or "
            "deploy to `service.cloud: public`."
        ),
    },
)

FR_US_LAW_ENFORCEMENT = Rule(
    id="FR-US-LAW-ENFORCEMENT",
    title="Facial recognition by or for US law enforcement",
    severity=Severity.DENY,
    clause=terms.US_POLICE,
    reason=(
        "The terms forbid facial recognition by or for US police in every environment, stationary "
        "cameras in a back office included; a vendor building for a US agency is covered too."
    ),
    fix=(
        "Remove `facial_recognition` from `useCase.capabilities`. If faces only need to be found or "
        "blurred (redaction), declare `face_detection` instead, which establishes no identity."
    ),
    path="useCase.capabilities",
    condition=lambda f: all_of(f.facial_recognition, f.us_law_enforcement),
)

FR_REALTIME_MOBILE_UNCONTROLLED = Rule(
    id="FR-REALTIME-MOBILE-UNCONTROLLED",
    title="Real-time facial recognition on mobile cameras in the wild, for law enforcement",
    severity=Severity.DENY,
    clause=terms.MOBILE_REALTIME,
    reason=(
        "The terms forbid real-time facial recognition on mobile cameras (body-worn, dash, drones, "
        "hand-held and other vehicle cameras) in uncontrolled environments by any law enforcement, anywhere."
    ),
    fix=(
        "Run recognition after the fact rather than live, on fixed cameras, in a controlled environment "
        "(a booking station, a back office), or remove `facial_recognition` from the capabilities."
    ),
    path="useCase.facialRecognition",
    condition=lambda f: all_of(f.facial_recognition, f.law_enforcement, f.realtime, f.mobile_camera, f.uncontrolled),
)

STRICT_FR_LAW_ENFORCEMENT = Rule(
    id="STRICT-FR-LAW-ENFORCEMENT",
    title="Facial recognition by or for any law enforcement (strict profile)",
    severity=Severity.DENY,
    clause=terms.BROADER_CONDUCT,
    reason="The strict profile allows no facial recognition by or for law enforcement in any country or setting.",
    fix="Remove `facial_recognition` from `useCase.capabilities`, or use `guardProfile: terms` if your policy allows.",
    path="useCase.capabilities",
    condition=lambda f: all_of(f.facial_recognition, f.law_enforcement),
    profiles=STRICT_ONLY,
)

STRICT_FR_ANY = Rule(
    id="STRICT-FR-ANY",
    title="Facial recognition of any kind (strict profile)",
    severity=Severity.DENY,
    clause=terms.BROADER_CONDUCT,
    reason=(
        "The later Enterprise AI Services Code of Conduct restricts identifying or verifying people from "
        "their faces; the strict profile enforces it for every use case."
    ),
    fix="Remove `facial_recognition` from `useCase.capabilities`; `face_detection` (no identity) is allowed.",
    path="useCase.capabilities",
    condition=lambda f: f.facial_recognition,
    profiles=STRICT_ONLY,
)

LE_GENERATIVE_REVIEW = Rule(
    id="LE-GENERATIVE-REVIEW",
    title="Generative output for law enforcement without attested human review",
    severity=Severity.WARN,
    reason=terms.SEED_CONCERNS,
    fix=(
        "Have a person review every output before it is used and attest it with `useCase.humanReview: true`; "
        "keep content filters on and audit logging (diagnostic settings) enabled."
    ),
    path="useCase.humanReview",
    condition=lambda f: all_of(f.law_enforcement, f.generative, negate(f.human_review)),
)

LE_IMAGE_ANALYSIS = Rule(
    id="LE-IMAGE-ANALYSIS",
    title="Image analysis for law enforcement",
    severity=Severity.WARN,
    clause=terms.US_POLICE,
    reason=(
        "Vision models can be prompted to identify people; for law enforcement that would be facial "
        "recognition the declaration does not cover."
    ),
    fix="Keep prompts and content filters from identifying people in images; declare `facial_recognition` if you do.",
    path="useCase.capabilities",
    condition=lambda f: all_of(f.law_enforcement, f.image_analysis, negate(f.facial_recognition)),
)

FR_ADVISORY = Rule(
    id="FR-ADVISORY",
    title="Facial recognition: bias, accuracy and the Limited Access route",
    severity=Severity.WARN,
    clause=terms.FACE_LIMITED_ACCESS,
    reason=(
        "Facial recognition, even where the terms allow it, carries bias and accuracy risks. The sanctioned "
        "route is Azure AI Face under Limited Access, which needs Microsoft's approval."
    ),
    fix=(
        "Apply for Azure AI Face Limited Access, measure accuracy across demographic groups, "
        "and keep a person in the loop."
    ),
    path="useCase.capabilities",
    # Only where the terms may allow it: by or for US law enforcement (or parties that may be) the Limited Access
    # route is closed ("strictly prohibited ... by or for U.S. police departments"), and advising it would
    # contradict the denial beside it.
    condition=lambda f: all_of(f.facial_recognition, negate(f.us_law_enforcement)),
    profiles=frozenset({GuardProfile.TERMS}),
)

RULES: tuple[Rule, ...] = (
    DECLARATION_MISSING,
    DECLARATION_INCOMPLETE,
    DECLARATION_INCONSISTENT,
    FR_US_LAW_ENFORCEMENT,
    FR_REALTIME_MOBILE_UNCONTROLLED,
    STRICT_FR_LAW_ENFORCEMENT,
    STRICT_FR_ANY,
    LE_GENERATIVE_REVIEW,
    LE_IMAGE_ANALYSIS,
    FR_ADVISORY,
)
"""Every rule, in the order findings are reported."""

RULES_BY_ID = {rule.id: rule for rule in RULES}
