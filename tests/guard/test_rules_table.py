"""The rules, case by case, next to the terms they enforce (shared/reference terms.md).

Each row is one declaration and the complete set of rule ids it must produce.
A row's id says which boundary of the terms it pins down.
"""

from __future__ import annotations

from typing import Any

import pytest

from azure_openai_guarded.guards import RULES, RULES_BY_ID, Severity, Verdict
from azure_openai_guarded.guards import rules as guard_rules
from tests.declarations import config, declare, fr_facts, police, use_case, vendor

US_LE = guard_rules.FR_US_LAW_ENFORCEMENT.id
MOBILE = guard_rules.FR_REALTIME_MOBILE_UNCONTROLLED.id
MISSING = guard_rules.DECLARATION_MISSING.id
INCOMPLETE = guard_rules.DECLARATION_INCOMPLETE.id
REDACTION = "Blur the faces of bystanders in body-worn camera video before it is released."
INCONSISTENT = guard_rules.DECLARATION_INCONSISTENT.id
STRICT_LE = guard_rules.STRICT_FR_LAW_ENFORCEMENT.id
STRICT_ANY = guard_rules.STRICT_FR_ANY.id
REVIEW = guard_rules.LE_GENERATIVE_REVIEW.id
IMAGE = guard_rules.LE_IMAGE_ANALYSIS.id
ADVISORY = guard_rules.FR_ADVISORY.id

FR = ["facial_recognition"]
US_TERRITORIES = ["PR", "GU", "VI", "AS", "MP", "UM"]
MOBILE_CAMERAS = ["body_worn", "dash_mounted", "vehicle_mounted", "drone", "handheld"]
GENERATIVE = [
    "text_generation",
    "summarization",
    "translation",
    "code_generation",
    "speech_to_text",
    "image_generation",
]
NOT_GENERATIVE = ["classification", "embeddings", "face_detection"]


def decide(raw: dict[str, Any]) -> Verdict:
    return declare(raw).verdict


AFTERWARDS = "Compare faces in the recorded footage with the custody archive after the shift."
ON_CCTV = "Compare faces seen by the CCTV cameras at the station gates with the custody archive."
IN_CUSTODY = "Compare faces of people brought to the custody suite with the custody archive."


def fr_use(operator: dict[str, str], *, facts: dict[str, Any] | None = None, **more: Any) -> dict[str, Any]:
    """A facial-recognition use case run by ``operator``; ``facts`` default to fixed, controlled, not live, and the
    served parties to none but the operator (``servedParties: []``)."""
    return use_case(
        **{
            "operator": operator,
            "servedParties": [],
            "capabilities": FR,
            "facialRecognition": fr_facts() if facts is None else facts,
            **more,
        }
    )


def case(id_: str, raw: dict[str, Any], allowed: bool, *rules: str) -> Any:
    return pytest.param(raw, allowed, frozenset(rules), id=id_)


CASES = [
    case("commercial-text-only", config(use_case()), True),
    # Clause 1: facial recognition by or for US police, in every environment.
    case(
        "us-police-booking-station-fixed-controlled-after-the-fact",
        config(fr_use(police("US"))),
        False,
        US_LE,
    ),
    case(
        "us-police-live-drone-in-the-wild-breaks-both-clauses",
        config(fr_use(police("US"), facts=fr_facts(True, ("drone",), "uncontrolled"))),
        False,
        US_LE,
        MOBILE,
    ),
    *(case(f"us-territory-{t}-police-is-us-police", config(fr_use(police(t))), False, US_LE) for t in US_TERRITORIES),
    case(
        "us-vendor-building-for-us-police",
        config(fr_use(vendor("US"), servedParties=[police("US")])),
        False,
        US_LE,
    ),
    case(
        "foreign-vendor-building-for-us-police",
        config(fr_use(vendor("DE"), servedParties=[police("US")])),
        False,
        US_LE,
    ),
    case(
        "vendor-building-for-puerto-rico-police-among-other-clients",
        config(fr_use(vendor("GB"), servedParties=[vendor("GB"), police("PR")])),
        False,
        US_LE,
    ),
    case(
        "us-vendor-building-for-uk-police-on-fixed-cameras",
        config(fr_use(vendor("US"), servedParties=[police("GB")])),
        True,
        ADVISORY,
    ),
    case("us-commercial-facial-recognition-without-police", config(fr_use(vendor("US"))), True, ADVISORY),
    # "By or for": served parties left out are unknown, the worst case (they may be police), so facial
    # recognition is decided only once `servedParties` says whom it is for; `[]` says no one but the operator.
    case(
        "live-recognition-on-mobile-cameras-in-the-wild-for-undeclared-customers-is-incomplete",
        config(
            use_case(
                operator=vendor("US"),
                purpose="Identify people in live video streams for our customers.",
                capabilities=FR,
                facialRecognition=fr_facts(True, ("body_worn", "dash_mounted"), "uncontrolled"),
            )
        ),
        False,
        INCOMPLETE,
    ),
    case(
        "live-recognition-on-mobile-cameras-in-the-wild-serving-no-one-declared-is-allowed",
        config(
            fr_use(
                vendor("US"),
                purpose="Identify people in live video streams for our customers.",
                facts=fr_facts(True, ("body_worn", "dash_mounted"), "uncontrolled"),
            )
        ),
        True,
        ADVISORY,
    ),
    case(
        "fixed-controlled-recognition-for-undeclared-customers-is-incomplete",
        config(use_case(operator=vendor("GB"), capabilities=FR, facialRecognition=fr_facts())),
        False,
        INCOMPLETE,
    ),
    case(
        "non-us-police-recognition-for-undeclared-others-is-incomplete",
        config(use_case(operator=police("GB"), capabilities=FR, facialRecognition=fr_facts())),
        False,
        INCOMPLETE,
    ),
    case(
        "us-police-recognition-is-denied-whoever-else-it-serves",
        config(use_case(operator=police("US"), capabilities=FR, facialRecognition=fr_facts())),
        False,
        US_LE,
    ),
    case("text-only-for-undeclared-customers-decides-nothing-and-is-allowed", config(use_case()), True),
    case(
        "undeclared-customers-under-strict-are-incomplete-beside-the-strict-denial",
        config(use_case(capabilities=FR, facialRecognition=fr_facts()), profile="strict"),
        False,
        STRICT_ANY,
        INCOMPLETE,
    ),
    # Face detection (find, count, blur) establishes no identity: not facial recognition.
    case(
        "us-police-face-detection-for-redaction",
        config(use_case(operator=police("US"), capabilities=["face_detection"], purpose=REDACTION)),
        True,
    ),
    case(
        "us-police-redaction-and-reviewed-summaries",
        config(
            use_case(
                operator=police("US"),
                capabilities=["face_detection", "summarization"],
                humanReview=True,
                purpose=REDACTION,
            )
        ),
        True,
    ),
    # The terms forbid a US police department facial recognition, which face detection can hide: the purpose must
    # say what is done with the faces.
    case(
        "us-police-face-detection-that-says-nothing-of-the-faces",
        config(use_case(operator=police("US"), capabilities=["face_detection"])),
        False,
        INCOMPLETE,
    ),
    # A count or a blur does not say what is done with faces that are kept or handed over beside it.
    *(
        case(
            f"us-police-face-detection-that-{kept}",
            config(use_case(operator=police("US"), servedParties=[], capabilities=["face_detection"], purpose=text)),
            False,
            INCOMPLETE,
        )
        for kept, text in (
            ("counts-and-saves-the-faces", "Count faces per frame and save every face to the suspect gallery."),
            (
                "redacts-and-sends-the-crops",
                "Redact faces in the video and send the unredacted face crops to detectives.",
            ),
        )
    ),
    case(
        "us-police-face-detection-that-blurs-and-stores-the-blurred-video",
        config(
            use_case(
                operator=police("US"),
                servedParties=[],
                capabilities=["face_detection"],
                purpose="Blur every face and store the blurred video in the archive.",
            )
        ),
        True,
    ),
    # And a vendor's that leaves its served parties out, as they may be a US police department ("by or for").
    case(
        "vendor-face-detection-for-unknown-parties-that-says-nothing-of-the-faces",
        config(
            use_case(
                capabilities=["face_detection", "image_analysis"],
                purpose="Detect faces in CCTV stills and send each face crop to the client.",
            )
        ),
        False,
        INCOMPLETE,
    ),
    case(
        "vendor-face-detection-for-unknown-parties-that-blurs-the-faces",
        config(use_case(capabilities=["face_detection"], purpose=REDACTION)),
        True,
    ),
    case(
        "vendor-face-detection-serving-no-one-else",
        config(
            use_case(
                capabilities=["face_detection", "image_analysis"],
                servedParties=[],
                purpose="Detect faces in CCTV stills and send each face crop to the client.",
            )
        ),
        True,
    ),
    # Any police force's, as clause 2 forbids any of them live recognition on patrol.
    case(
        "uk-police-face-detection-on-patrol-that-says-nothing-of-the-faces",
        config(
            use_case(
                operator=police("GB"),
                servedParties=[],
                capabilities=["face_detection"],
                purpose="Detect faces live in officers' body camera streams on patrol.",
            )
        ),
        False,
        INCOMPLETE,
    ),
    # Clause 2: live recognition on mobile cameras in the wild, any law enforcement, anywhere.
    *(
        case(
            f"uk-police-live-{camera}-in-the-wild",
            config(fr_use(police("GB"), facts=fr_facts(True, (camera,), "uncontrolled"))),
            False,
            MOBILE,
            ADVISORY,
        )
        for camera in MOBILE_CAMERAS
    ),
    case(
        "one-mobile-camera-among-fixed-ones-is-enough",
        config(fr_use(police("FR"), facts=fr_facts(True, ("fixed", "handheld"), "uncontrolled"))),
        False,
        MOBILE,
        ADVISORY,
    ),
    case(
        "vendor-building-live-body-cam-recognition-for-german-police",
        config(
            fr_use(vendor("DE"), servedParties=[police("DE")], facts=fr_facts(True, ("body_worn",), "uncontrolled"))
        ),
        False,
        MOBILE,
        ADVISORY,
    ),
    # What the terms leave open to police outside the US.
    case("non-us-police-fixed-controlled-after-the-fact", config(fr_use(police("GB"))), True, ADVISORY),
    # Where the other two of clause 2's facts may hold, the one declared false keeps the clause away only if the
    # purpose says it too (review R12: a paraphrase would hide the rest).
    case(
        "non-us-police-live-on-fixed-cameras-in-the-wild",
        config(fr_use(police("GB"), facts=fr_facts(True, ("fixed",), "uncontrolled"), purpose=ON_CCTV)),
        True,
        ADVISORY,
    ),
    case(
        "non-us-police-live-drone-in-a-controlled-site",
        config(fr_use(police("GB"), facts=fr_facts(True, ("drone",), "controlled"), purpose=IN_CUSTODY)),
        True,
        ADVISORY,
    ),
    case(
        "non-us-police-drone-footage-searched-afterwards",
        config(fr_use(police("GB"), facts=fr_facts(False, ("drone",), "uncontrolled"), purpose=AFTERWARDS)),
        True,
        ADVISORY,
    ),
    case(
        "non-us-police-live-drone-in-a-controlled-site-the-purpose-does-not-place",
        config(fr_use(police("GB"), facts=fr_facts(True, ("drone",), "controlled"))),
        False,
        INCOMPLETE,
        ADVISORY,
    ),
    case(
        "non-us-police-drone-footage-the-purpose-does-not-say-is-searched-afterwards",
        config(fr_use(police("GB"), facts=fr_facts(False, ("drone",), "uncontrolled"))),
        False,
        INCOMPLETE,
        ADVISORY,
    ),
    case(
        "commercial-live-handheld-in-the-wild-is-not-law-enforcement",
        config(fr_use(vendor("GB"), facts=fr_facts(True, ("handheld",), "uncontrolled"))),
        True,
        ADVISORY,
    ),
    # Unknown facts are the worst case, unless a known fact already rules the clause out.
    case(
        "non-us-police-no-facts",
        config(use_case(operator=police("GB"), capabilities=FR)),
        False,
        INCOMPLETE,
    ),
    case(
        "non-us-police-realtime-unknown",
        config(fr_use(police("GB"), facts={"cameras": ["drone"], "environment": "uncontrolled"})),
        False,
        INCOMPLETE,
        ADVISORY,
    ),
    case(
        "non-us-police-cameras-unknown",
        config(fr_use(police("GB"), facts={"realtime": True, "environment": "uncontrolled"})),
        False,
        INCOMPLETE,
        ADVISORY,
    ),
    case(
        "non-us-police-environment-unknown",
        config(fr_use(police("GB"), facts={"realtime": True, "cameras": ["dash_mounted"]})),
        False,
        INCOMPLETE,
        ADVISORY,
    ),
    case(
        "known-not-realtime-said-settles-it",
        config(fr_use(police("GB"), facts={"realtime": False}, purpose=AFTERWARDS)),
        True,
        ADVISORY,
    ),
    case(
        "known-fixed-cameras-said-settle-it",
        config(fr_use(police("GB"), facts={"cameras": ["fixed"]}, purpose=ON_CCTV)),
        True,
        ADVISORY,
    ),
    case(
        "known-controlled-environment-said-settles-it",
        config(fr_use(police("GB"), facts={"environment": "controlled"}, purpose=IN_CUSTODY)),
        True,
        ADVISORY,
    ),
    case(
        "known-not-realtime-unsaid-settles-nothing",
        config(fr_use(police("GB"), facts={"realtime": False})),
        False,
        INCOMPLETE,
        ADVISORY,
    ),
    case(
        "us-police-without-facts-is-denied-and-told-what-is-missing",
        config(use_case(operator=police("US"), capabilities=FR)),
        False,
        US_LE,
        INCOMPLETE,
    ),
    case(
        "commercial-facts-unknown-do-not-matter-without-law-enforcement",
        config(use_case(servedParties=[], capabilities=FR)),
        True,
        ADVISORY,
    ),
    case(
        "commercial-facts-unknown-matter-while-the-served-parties-are-undeclared",
        config(use_case(capabilities=FR)),
        False,
        INCOMPLETE,
    ),
    # No declaration, or one that contradicts itself.
    case("no-use-case", config(), False, MISSING),
    case("no-use-case-strict", config(profile="strict"), False, MISSING),
    case(
        "facts-without-the-capability",
        config(use_case(facialRecognition=fr_facts())),
        False,
        INCONSISTENT,
    ),
    case(
        "purpose-describes-facial-recognition-not-declared",
        config(use_case(purpose="Identify shoplifters by their faces at the entrance.")),
        False,
        INCONSISTENT,
    ),
    case(
        "purpose-describes-declared-facial-recognition",
        config(fr_use(vendor("US"), purpose="Identify returning customers by their faces.")),
        True,
        ADVISORY,
    ),
    # The purpose names a police customer: a law-enforcement party must say so.
    case(
        "commercial-vendor-names-a-police-customer-in-the-purpose",
        config(use_case(purpose="Draft incident summaries for the city police department.")),
        False,
        INCONSISTENT,
    ),
    case(
        "public-sector-operator-names-a-sheriffs-office",
        config(
            use_case(
                purpose="Transcribe interviews for the county sheriff's office.",
                operator={"sector": "public_sector", "country": "US"},
            )
        ),
        False,
        INCONSISTENT,
    ),
    case(
        "the-police-customer-is-declared-as-a-served-party",
        config(
            use_case(
                purpose="Draft incident summaries for the city police department.",
                servedParties=[police("US")],
            )
        ),
        True,
        REVIEW,
    ),
    case(
        "a-police-report-is-not-a-police-customer",
        config(use_case(purpose="Help policyholders attach the police report to a theft claim.")),
        True,
    ),
    case(
        "police-customer-named-and-recognition-undeclared-for-it",
        config(use_case(purpose="Help the NYPD match faces against the watchlist.", capabilities=["face_detection"])),
        False,
        INCONSISTENT,
    ),
    # The purpose says live, mobile or in the wild: the facts must not say otherwise.
    case(
        "purpose-says-live-facts-say-after-the-fact",
        config(fr_use(police("GB"), purpose="Identify people in the live feed from the custody desk camera.")),
        False,
        INCONSISTENT,
        ADVISORY,
    ),
    case(
        "purpose-says-body-worn-facts-say-fixed",
        config(fr_use(police("GB"), purpose="Identify people recorded by officers' body-worn cameras, afterwards.")),
        False,
        INCONSISTENT,
        ADVISORY,
    ),
    case(
        "purpose-says-patrol-facts-say-controlled",
        config(fr_use(police("GB"), purpose="Help patrol officers check who they stop against warrants.")),
        False,
        INCONSISTENT,
        ADVISORY,
    ),
    case(
        "purpose-says-live-and-the-facts-declare-it",
        config(
            fr_use(
                police("GB"),
                purpose="Identify people in the live feed from the custody desk camera.",
                facts=fr_facts(True, ("fixed",), "controlled"),
            )
        ),
        True,
        ADVISORY,
    ),
    case(
        "purpose-says-patrol-and-the-facts-declare-the-mobile-clause",
        config(
            fr_use(
                police("GB"),
                purpose="Help patrol officers check who they stop against warrants.",
                facts=fr_facts(True, ("body_worn",), "uncontrolled"),
            )
        ),
        False,
        MOBILE,
        ADVISORY,
    ),
    case(
        "purpose-says-patrol-and-the-facts-leave-it-undeclared",
        config(
            fr_use(
                police("GB"),
                purpose="Help patrol officers check who they stop against warrants.",
                facts={"cameras": ["body_worn"]},
            )
        ),
        False,
        INCOMPLETE,
        ADVISORY,
    ),
    # Azure Government: every party is under US jurisdiction.
    case(
        "government-text-only",
        config(use_case(operator={"sector": "public_sector", "country": "US"}), cloud="usgovernment"),
        True,
    ),
    case(
        "government-non-us-operator-contradicts-the-cloud",
        config(use_case(operator=vendor("GB")), cloud="usgovernment"),
        False,
        INCONSISTENT,
    ),
    case(
        "government-territory-operator-is-us",
        config(use_case(operator=vendor("GU")), cloud="usgovernment"),
        True,
    ),
    case(
        "government-uk-police-served-party-counts-as-us-police",
        config(fr_use(vendor("US"), servedParties=[police("GB")]), cloud="usgovernment"),
        False,
        US_LE,
    ),
    case(
        "government-uk-police-operator-is-inconsistent-and-us-police",
        config(fr_use(police("GB")), cloud="usgovernment"),
        False,
        INCONSISTENT,
        US_LE,
    ),
    case(
        "government-face-detection-for-police-is-allowed",
        config(
            use_case(operator=police("US"), capabilities=["face_detection"], purpose=REDACTION), cloud="usgovernment"
        ),
        True,
    ),
    # Strict profile: the broader Code of Conduct restriction, no facial recognition at all.
    case("strict-commercial-text", config(use_case(), profile="strict"), True),
    case(
        "strict-face-detection",
        config(use_case(capabilities=["face_detection"], servedParties=[]), profile="strict"),
        True,
    ),
    case("strict-commercial-facial-recognition", config(fr_use(vendor("US")), profile="strict"), False, STRICT_ANY),
    case(
        "strict-non-us-police-fixed-controlled",
        config(fr_use(police("GB")), profile="strict"),
        False,
        STRICT_LE,
        STRICT_ANY,
    ),
    case(
        "strict-us-police",
        config(fr_use(police("US")), profile="strict"),
        False,
        US_LE,
        STRICT_LE,
        STRICT_ANY,
    ),
    case(
        "strict-keeps-the-terms-rules",
        config(fr_use(police("GB"), facts=fr_facts(True, ("drone",), "uncontrolled")), profile="strict"),
        False,
        MOBILE,
        STRICT_LE,
        STRICT_ANY,
    ),
    # Warnings advise; they never block.
    case(
        "us-police-body-cam-audio-summaries-reviewed",
        config(use_case(operator=police("US"), capabilities=["speech_to_text", "summarization"], humanReview=True)),
        True,
    ),
    case(
        "us-police-summaries-review-not-attested",
        config(use_case(operator=police("US"), capabilities=["summarization"])),
        True,
        REVIEW,
    ),
    case(
        "us-police-summaries-review-declined",
        config(use_case(operator=police("US"), capabilities=["summarization"], humanReview=False)),
        True,
        REVIEW,
    ),
    case(
        "vendor-drafting-reports-for-police",
        config(use_case(operator=vendor("US"), servedParties=[police("CA")], capabilities=["text_generation"])),
        True,
        REVIEW,
    ),
    case(
        "police-image-analysis-without-review",
        config(use_case(operator=police("GB"), capabilities=["image_analysis", "translation"])),
        True,
        REVIEW,
        IMAGE,
    ),
    case(
        "police-image-analysis-with-declared-recognition",
        config(fr_use(police("GB"), capabilities=["facial_recognition", "image_analysis"])),
        True,
        ADVISORY,
    ),
    case(
        "commercial-image-analysis-is-not-flagged",
        config(use_case(capabilities=["image_analysis", "text_generation"])),
        True,
    ),
]


@pytest.mark.parametrize(("raw", "allowed", "rules"), CASES)
def test_each_case_gets_exactly_its_rules(raw: dict[str, Any], allowed: bool, rules: frozenset[str]) -> None:
    verdict = decide(raw)

    assert {f.rule for f in verdict.findings} == rules
    assert verdict.allowed is allowed
    assert verdict.allowed is not any(RULES_BY_ID[r].severity is Severity.DENY for r in rules)


@pytest.mark.parametrize("capability", GENERATIVE)
def test_every_generative_capability_for_police_asks_for_review(capability: str) -> None:
    verdict = decide(config(use_case(operator=police("DE"), capabilities=[capability])))

    assert verdict.allowed
    assert [f.rule for f in verdict.findings] == [REVIEW]


@pytest.mark.parametrize("capability", NOT_GENERATIVE)
def test_capabilities_that_generate_nothing_need_no_review(capability: str) -> None:
    # Police face detection says what is done with the faces (see us-police-face-detection-that-says-nothing).
    said = {"purpose": REDACTION} if capability == "face_detection" else {}
    verdict = decide(config(use_case(operator=police("DE"), capabilities=[capability], **said)))

    assert verdict.findings == ()


@pytest.mark.parametrize(
    ("facts", "missing"),
    [
        pytest.param({}, ["realtime", "cameras", "environment"], id="all"),
        pytest.param({"cameras": ["drone"], "environment": "uncontrolled"}, ["realtime"], id="realtime"),
        pytest.param({"realtime": True, "environment": "uncontrolled"}, ["cameras"], id="cameras"),
        pytest.param({"realtime": True, "cameras": ["drone"]}, ["environment"], id="environment"),
        pytest.param({"realtime": True}, ["cameras", "environment"], id="cameras-and-environment"),
    ],
)
def test_an_incomplete_declaration_names_exactly_the_missing_facts(facts: dict[str, Any], missing: list[str]) -> None:
    verdict = decide(
        config(use_case(operator=police("NL"), servedParties=[], capabilities=FR, facialRecognition=facts))
    )

    [incomplete] = [f for f in verdict.findings if f.rule == INCOMPLETE]
    paths = [f"useCase.facialRecognition.{fact}" for fact in missing]
    assert list(incomplete.paths) == paths
    for path in paths:
        assert path in incomplete.message
    assert MOBILE in incomplete.message
    declared = {"realtime", "cameras", "environment"} - set(missing)
    for fact in declared:
        assert f"useCase.facialRecognition.{fact}" not in incomplete.message


def test_undeclared_served_parties_are_named_as_the_fact_that_could_make_recognition_for_us_police() -> None:
    facts = fr_facts(True, ("body_worn", "dash_mounted"), "uncontrolled")
    verdict = decide(config(use_case(operator=vendor("US"), capabilities=FR, facialRecognition=facts)))

    incomplete = [f for f in verdict.findings if f.rule == INCOMPLETE]
    assert {f.paths for f in incomplete} == {("useCase.servedParties",)}
    assert {f.message.split(" to rule out ")[1].split(" ")[0] for f in incomplete} == {US_LE, MOBILE}
    assert all("`[]`" in f.message for f in incomplete)


def test_served_parties_declared_empty_is_a_claim_that_decides_the_verdict() -> None:
    facts = fr_facts(True, ("body_worn", "dash_mounted"), "uncontrolled")
    omitted = decide(config(use_case(operator=vendor("US"), capabilities=FR, facialRecognition=facts)))
    empty = decide(config(use_case(operator=vendor("US"), servedParties=[], capabilities=FR, facialRecognition=facts)))

    assert not omitted.allowed
    assert empty.allowed
    assert [f.rule for f in empty.findings] == [ADVISORY]


def test_a_denial_quotes_the_clause_and_points_at_the_party_that_makes_it_apply() -> None:
    verdict = decide(config(fr_use(vendor("US"), servedParties=[vendor("US"), police("VI")])))

    [finding] = verdict.denials
    assert finding.rule == US_LE
    # The wording as terms.md quotes it.
    assert "for facial recognition purposes by or for a police department in the United States" in (
        finding.clause or ""
    )
    assert "useCase.servedParties[1]" in finding.paths
    assert "VI (a US territory)" in finding.message
    assert "face_detection" in finding.message, "the message says what to change"


def test_the_mobile_clause_finding_names_the_mobile_cameras() -> None:
    facts = fr_facts(True, ("fixed", "drone", "handheld"), "uncontrolled")
    verdict = decide(config(fr_use(police("AU"), facts=facts)))

    [finding] = verdict.denials
    assert finding.rule == MOBILE
    assert "mobile cameras: drone, handheld" in finding.message
    assert "in uncontrolled, 'in the wild' environments" in (finding.clause or "")
    assert "useCase.facialRecognition.cameras" in finding.paths


def test_azure_government_says_why_a_foreign_party_counts_as_us() -> None:
    verdict = decide(config(fr_use(vendor("US"), servedParties=[police("GB")]), cloud="usgovernment"))

    [finding] = verdict.denials
    assert "GB, but deployed in Azure Government (US jurisdiction)" in finding.message


INCONSISTENCIES = [
    pytest.param(
        config(use_case(purpose="Match faces against the watchlist.", capabilities=["face_detection"])),
        "useCase.purpose",
        "'match faces'",
        "add `facial_recognition` to `useCase.capabilities`",
        id="recognition-in-the-purpose",
    ),
    pytest.param(
        config(use_case(purpose="Summarise reports for the city police department.")),
        "useCase.purpose",
        "'police'",
        "under `useCase.servedParties` with `sector: law_enforcement`",
        id="police-customer-in-the-purpose",
    ),
    pytest.param(
        config(fr_use(police("GB"), purpose="Identify people in real time at the custody desk.")),
        "useCase.facialRecognition.realtime",
        "'real time'",
        "declare `useCase.facialRecognition.realtime: true`",
        id="live-against-after-the-fact",
    ),
    pytest.param(
        config(fr_use(police("GB"), purpose="Identify people recorded by dash cameras, afterwards.")),
        "useCase.facialRecognition.cameras",
        "'dash cameras'",
        "under `useCase.facialRecognition.cameras`",
        id="mobile-against-fixed",
    ),
    pytest.param(
        config(fr_use(police("GB"), purpose="Identify people in crowds, afterwards, from fixed cameras.")),
        "useCase.facialRecognition.environment",
        "'crowds'",
        "declare `useCase.facialRecognition.environment: uncontrolled`",
        id="in-the-wild-against-controlled",
    ),
    pytest.param(
        config(use_case(facialRecognition=fr_facts())),
        "useCase.facialRecognition",
        "capabilities omit facial_recognition",
        "or remove `useCase.facialRecognition`",
        id="facts-without-the-capability",
    ),
    pytest.param(
        config(use_case(operator=vendor("GB")), cloud="usgovernment"),
        "useCase.operator.country",
        "the operator is in GB",
        "or deploy to `service.cloud: public`",
        id="foreign-operator-in-government",
    ),
]


@pytest.mark.parametrize(("raw", "path", "evidence", "fix"), INCONSISTENCIES)
def test_each_inconsistency_points_at_its_field_quotes_its_evidence_and_gives_its_own_fix(
    raw: dict[str, Any], path: str, evidence: str, fix: str
) -> None:
    [finding] = [f for f in decide(raw).findings if f.rule == INCONSISTENT]

    assert finding.paths == (path,)
    assert evidence in finding.message
    assert fix in finding.message
    others = {p.values[3] for p in INCONSISTENCIES} - {fix}
    assert not [other for other in others if other in finding.message], "only this stack's fix is given"


def test_a_government_operator_outside_the_us_is_named_with_its_country() -> None:
    verdict = decide(config(use_case(operator=vendor("FR")), cloud="usgovernment"))

    [finding] = verdict.denials
    assert finding.rule == INCONSISTENT
    assert finding.paths == ("useCase.operator.country",)
    assert "the operator is in FR" in finding.message


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        pytest.param(config(use_case()), "allowed", id="no-findings"),
        pytest.param(
            config(use_case(operator=police("US"), capabilities=["summarization"])),
            "allowed-with-warnings",
            id="warnings",
        ),
        pytest.param(config(), "denied", id="denied"),
    ],
)
def test_the_verdict_label_is_short_and_says_allowed_warned_or_denied(raw: dict[str, Any], label: str) -> None:
    verdict = decide(raw)

    assert verdict.label == label
    assert verdict.to_dict()["verdict"] == label
    assert verdict.summary().startswith(f"Verdict: {label} (rule set ")


def test_every_verdict_carries_the_rule_set_and_terms_versions() -> None:
    document = decide(config(use_case())).to_dict()

    assert document["rulesetVersion"]
    assert document["termsVersion"] == "2024-05-01"


def test_rule_ids_are_unique_and_every_rule_says_why_and_what_to_change() -> None:
    assert len({r.id for r in RULES}) == len(RULES)
    assert set(RULES_BY_ID) == {r.id for r in RULES}
    for rule in RULES:
        assert rule.title
        assert rule.reason
        assert rule.fix
        assert rule.source


def test_every_rule_that_a_case_exercises_is_in_the_catalogue_and_every_rule_is_exercised() -> None:
    exercised = {rule for param in CASES for rule in param.values[2]}

    assert exercised == set(RULES_BY_ID)
