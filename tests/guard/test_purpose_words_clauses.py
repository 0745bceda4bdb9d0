"""The purpose tripwire's readings that a hostile author's wording must not slip past, and the ordinary wording
that must stay quiet (blind review R6).

- Live, mobile and in-the-wild words are read through the same disguises as recognition and the police are
  (camel case, digits for letters, spelled-out and hyphen-split letters).
- A blur, redact or count word excuses only the clause it governs, and a negated one ("No blurring") hides
  nothing: the recognition beside it is read, and face detection's "what is done with the faces" is not
  answered by it.
- A denial of identification is read as one only where it is said ("faces are never matched or identified",
  "this is not facial recognition"), so the recognition said beside it still counts.
"""

from __future__ import annotations

import pytest

from azure_openai_guarded.guards.purpose_text import hides_or_counts, read_purpose
from azure_openai_guarded.guards.rules import DECLARATION_INCONSISTENT
from tests.declarations import config, decide, fr_facts, police, use_case


def us_police_detecting_faces(purpose: str) -> dict[str, object]:
    """A US police department that detects faces and analyses images, identifying no one by its facts."""
    return config(
        use_case(
            purpose=purpose,
            operator=police("US"),
            servedParties=[],
            capabilities=["image_analysis", "face_detection"],
        )
    )


def gb_police_on_fixed_cameras(purpose: str) -> dict[str, object]:
    """British police recognition after the fact on fixed cameras in a controlled place: allowed by its facts."""
    return config(
        use_case(
            purpose=purpose,
            operator=police("GB"),
            servedParties=[],
            capabilities=["facial_recognition"],
            facialRecognition=fr_facts(),
        )
    )


def inconsistent(project_config: dict[str, object]) -> bool:
    return any(f.rule == DECLARATION_INCONSISTENT.id for f in decide(project_config).findings)


# A. Live, mobile and in-the-wild words behind a disguise.

DISGUISED_CAPTURE = {
    "camel-case": ("Identify people via BodyWornCameras during FootPatrols.", "mobile"),
    "leet": ("Identify people from d4shc4ms.", "mobile"),
    "leet-realtime": ("Identify people from b0dy-w0rn cam3ras in real t1me.", "realtime"),
    "spaced-letters": ("Identify people from b o d y c a m s.", "mobile"),
    "hyphen-split-letters": ("Identify people from b-o-d-y-w-o-r-n cameras.", "mobile"),
}


@pytest.mark.parametrize(("text", "reading"), DISGUISED_CAPTURE.values(), ids=DISGUISED_CAPTURE.keys())
def test_live_and_mobile_words_are_read_through_the_disguises_recognition_is_read_through(
    text: str, reading: str
) -> None:
    assert getattr(read_purpose(text), reading)
    assert inconsistent(gb_police_on_fixed_cameras(text))


# B. A hiding word excuses only its own clause.

RECOGNITION_BESIDE_HIDING = {
    "not-only-but-also": "Not only blur faces but also identify the people they belong to.",
    "negated-blur": "No blurring: faces are matched to names.",
    "negated-blur-comma": "No blurring, faces are matched to names.",
    "faces-not-blurred": "Faces are not blurred and are matched to names.",
    "then-and-now": "Previously it only blurred faces; now it identifies them against the booking archive.",
    "besides-comma": "Besides blurring faces, it tells detectives who they are from the booking archive.",
    "minors-and-adults": "Redact the faces of minors; for adults, return the matching booking record.",
    "double-negation": "It is not true that it does not identify people from their faces.",
    "ne-pas-flouter": "Ne pas flouter les visages, mais les comparer au fichier.",
    "dont-blur": "Don't just blur faces: match them to the mugshots.",
    "apart-from": "Apart from blurring faces, the tool names the people they belong to using our records.",
    "brackets": "Count the faces (and identify each one from the watchlist).",
    "dash": "Redact the faces of victims - for suspects, return their booking record.",
    "except": "Blur every face except the suspect's, whose identity is then looked up.",
    "redaction-off": "Redaction is off: faces are searched in the watchlist.",
}


@pytest.mark.parametrize("text", RECOGNITION_BESIDE_HIDING.values(), ids=RECOGNITION_BESIDE_HIDING.keys())
def test_a_hiding_or_counting_word_excuses_only_the_clause_it_governs(text: str) -> None:
    assert read_purpose(text).recognition
    assert inconsistent(us_police_detecting_faces(text))


NEGATED_HIDING = {
    "no-blurring": "No blurring: faces are kept as they are.",
    "not-masked": "Faces in the footage are not masked.",
    "without-blurring": "Publish the footage without blurring faces.",
}


@pytest.mark.parametrize("text", NEGATED_HIDING.values(), ids=NEGATED_HIDING.keys())
def test_a_negated_blur_does_not_say_what_is_done_with_the_faces(text: str) -> None:
    assert not hides_or_counts(text)


HIDING_ALONE = {
    "blur-and-tag-products": "Blur faces and tag the products on the shelves.",
    "blur-bystanders": "Blur the faces of bystanders in body-worn camera video before it is released.",
    "count-and-report": "Count the faces in each frame, and report the busiest hour.",
    "not-only-blur": "Not only blur faces but also blur licence plates.",
}


@pytest.mark.parametrize("text", HIDING_ALONE.values(), ids=HIDING_ALONE.keys())
def test_a_sentence_that_only_hides_or_counts_faces_stays_quiet_clause_by_clause(text: str) -> None:
    assert read_purpose(text).recognition == ()
    assert hides_or_counts(text)


# C. A denial is read where it is said.

DENIALS = {
    "passive-never": "Blur faces in released footage; faces are never matched or identified.",
    "passive-not": "Blur faces in the footage; faces are not compared or identified.",
    "not-facial-recognition": "Count faces at the front desk to staff it; this is not facial recognition.",
    "no-identity-stored": "Count visitors in the museum by detecting faces; no identity is stored.",
    "no-one-identified": "Count the faces in each frame to estimate how busy the lobby is; no one is identified.",
    "out-of-scope": "Redact faces in documents before release; identification of people is out of scope.",
    "dont-identify": "Blur faces, don't identify anyone.",
    "no-faces-stored-compared-or-identified": "Count faces in the lobby; no faces are stored, compared or identified.",
    "nobody-recognised-or-named": "Pixelate faces before release; nobody is recognised or named.",
    "no-face-compared-with-any-database": "Detect faces to blur them; no face is compared with any database.",
    "doesnt-match": "It doesn't match faces to anything; it blurs them.",
    "sans-chercher-a-savoir": "Compter les participants au défilé à partir d'images aériennes, sans chercher à savoir "
    "qui ils sont.",
}


@pytest.mark.parametrize("text", DENIALS.values(), ids=DENIALS.keys())
def test_a_denial_of_identification_is_not_read_as_identification(text: str) -> None:
    assert read_purpose(text).recognition == ()
    assert not inconsistent(us_police_detecting_faces(text))


DENIAL_THEN_RECOGNITION = {
    "colon": "This is not facial recognition: we match faces to the watchlist.",
    "no-faces-stored-but-matched": "No faces are stored: each is matched against the watchlist and discarded.",
    "comma": "It is not facial recognition, it just matches faces to mugshots.",
    "no-fr-used": "No facial recognition is used; instead faces are compared with the booking photos.",
    "without-fr": "Identify suspects without facial recognition by comparing face photos to mugshots.",
}


@pytest.mark.parametrize("text", DENIAL_THEN_RECOGNITION.values(), ids=DENIAL_THEN_RECOGNITION.keys())
def test_a_denial_hides_no_recognition_said_beside_it(text: str) -> None:
    assert read_purpose(text).recognition
    assert inconsistent(us_police_detecting_faces(text))


# D. Recognition in other words: similarity, lookalikes, "subject identification", "who is this".

RECOGNITION_IN_OTHER_WORDS = {
    "facial-similarity": "Score the facial similarity between a still from a video and our booking images.",
    "how-similar": "Score how similar two face photos are, for investigators.",
    "likeness": "Score the likeness between the sketch artist's face drawing and the mugshots.",
    "lookalikes": "Find lookalikes of the suspect in the lineup archive and flag the best match among known offenders.",
    "subject-identification": "Photo-based subject identification for case workups.",
    "who-is-this-button": "Power the 'who is this' button in our evidence management product.",
    "suggest-who": "Suggest who an unidentified person in a photo might be.",
    "rfr": "RFR (retrospective) on CCTV stills for detectives.",
    "percent-escaped": "facial%20recognition%20of%20arrestees",
}


@pytest.mark.parametrize("text", RECOGNITION_IN_OTHER_WORDS.values(), ids=RECOGNITION_IN_OTHER_WORDS.keys())
def test_recognition_said_as_a_similarity_a_lookalike_or_a_product_label_is_read(text: str) -> None:
    assert read_purpose(text).recognition
    assert inconsistent(us_police_detecting_faces(text))


NOT_RECOGNITION = {
    "face-sheet": "Draft a face sheet summary for each case file.",
    "cats-faces": "Recognise cats' faces to open the pet door for the household's own cats.",
    "dogs-faces-them": "Recognise dogs' faces in shelter photos to match them with adoption listings.",
    "product-similarity": "Score how similar two product photos are.",
}


@pytest.mark.parametrize("text", NOT_RECOGNITION.values(), ids=NOT_RECOGNITION.keys())
def test_a_case_files_face_sheet_and_an_animals_face_are_not_recognition(text: str) -> None:
    assert read_purpose(text).recognition == ()


# E. US police customers by initials, rank, office and agency.

POLICE_CUSTOMERS = {
    "initials-pd": ("Identify people in photos for KCPD.", "kcpd"),
    "initials-pd-with-the": ("Identify people in photos for the SLMPD.", "slmpd"),
    "ambiguous-initials-beside-a-city": ("Customer: BPD (Boston). Identify people in photos.", "bpd"),
    "hpd-honolulu": ("Identify people in photos for HPD (Honolulu).", "hpd"),
    "city-and-pd-joined": ("aoai chicagopd prod", "chicagopd"),
    "nypd-joined": ("nypdfaces", "nypdfaces"),
    "county-sheriff-mailbox": ("identification@ocsheriff.gov", "ocsheriff"),
    "city-police-mailbox": ("gangunit@chicagopolice.org", "chicagopolice"),
    "county-sheriff-account": ("ocsheriff-photo-id", "ocsheriff"),
    "city-police-account": ("chicagopolice-faces", "chicagopolice"),
    "sworn-officers": ("Identify people in photos for sworn officers in Phoenix.", "sworn officers"),
    "county-deputies": ("Identify people in photos for the deputies of the county.", "deputies of the county"),
    "marshals-office": ("Identify people in photos for the marshal's office in Dodge City.", "marshal s office"),
    "the-marshals": ("Identify people in photos for the Marshals.", "for the marshals"),
    "pfpa": ("Identify people in photos for the Pentagon Force Protection Agency.", "pentagon force protection agency"),
    "cgis": (
        "Identify people in photos for the Coast Guard Investigative Service.",
        "coast guard investigative service",
    ),
    "bca": (
        "Identify people in photos for the Bureau of Criminal Apprehension in Minnesota.",
        "bureau of criminal apprehension",
    ),
    "state-dps": ("Our customer is the Texas DPS; identify people in photos.", "texas dps"),
    "game-wardens": ("Identify people in photos for the game wardens of Montana.", "game wardens"),
    "five-oh": ("Identify people in photos for the five-oh in Los Angeles.", "the five oh"),
    "alguacil": ("Identificar personas en fotos para la oficina del alguacil del condado de Dallas.", "alguacil"),
    "alguaciles-federales": ("Identificar personas en fotos para los alguaciles federales de EE. UU.", "alguaciles"),
}


@pytest.mark.parametrize(("text", "named"), POLICE_CUSTOMERS.values(), ids=POLICE_CUSTOMERS.keys())
def test_a_us_police_customer_named_by_initials_rank_office_or_agency_is_read(text: str, named: str) -> None:
    assert named in read_purpose(text).police


NOT_POLICE_CUSTOMERS = {
    "bpd-disorder": "Support people living with BPD through guided journaling.",
    "cpd-hours": "Track CPD hours for nurses and remind them of deadlines.",
    "dpd-courier": "Answer customers' questions about DPD parcel deliveries.",
    "aspd-ocpd": "Explain ASPD and OCPD to psychology students.",
    "espd-form": "Help bidders fill in the ESPD for public tenders.",
    "assembly-deputies": "Summarise speeches by the deputies of the National Assembly.",
    "race-marshals": "Write a thank-you note for the race marshals.",
    "foia-request": "Draft FOIA requests to the sheriff's office for a newsroom.",
    "complaints-against": "Help a civil-rights nonprofit analyse complaints against the police department.",
    "debate-on-budget": "Summarise the city council's debate on the police budget for residents.",
    "noise-complaint": "Explain to tenants how to file a noise complaint with the police.",
    "leaflets-mention": "Translate road-safety leaflets that mention the highway patrol.",
    "department-budget": "Analyse city budget documents, including the police department's budget, for a civic group.",
    "write-to": "Help parents write to the school resource officer about bullying.",
    "lawsuit-against": "Help a law firm prepare a lawsuit against the police department.",
    "petition-to": "Draft a petition to the city police asking for more street lights.",
    "pdf-reader": "Summarise documents opened in pdfreader for the updates page.",
    "police-typeface": "Choisir une police de caracteres lisible pour le site.",
}


@pytest.mark.parametrize("text", NOT_POLICE_CUSTOMERS.values(), ids=NOT_POLICE_CUSTOMERS.keys())
def test_the_same_letters_in_their_ordinary_senses_and_the_police_as_a_topic_name_no_customer(text: str) -> None:
    assert read_purpose(text).police == ()


SOLD_TO_THE_POLICE = {
    "complaints-tool-sold-to": "Herramienta de resumen de denuncias que vendemos a la policía metropolitana.",
    "complaints-for": "Summarise complaints for the police department.",
    "matches-written-to": "Write to the police with every face match from the store cameras.",
}


@pytest.mark.parametrize("text", SOLD_TO_THE_POLICE.values(), ids=SOLD_TO_THE_POLICE.keys())
def test_complaints_handled_for_the_police_still_name_them_the_customer(text: str) -> None:
    assert read_purpose(text).police


# F. Mobile cameras by other names.

MOBILE_CAMERAS = {
    "motorcycle-mounted": "Identify people from motorcycle-mounted cameras during traffic operations.",
    "armoured-vehicle": "Cameras on the armoured vehicle identify rioters.",
    "mobile-checkpoint": "Identify people at the border crossing from a mobile checkpoint's cameras as they queue.",
    "trailer-tower": "Identify people from a trailer-mounted camera tower moved to each event.",
    "tablets": "Identify people as officers roam the station concourse with tablets.",
    "roof-cameras": "Identify people from the vehicle's roof cameras as it drives through the estate.",
    "tripod": "Identify people from a portable tripod camera set up on the pavement.",
    "motos": "Identifier des personnes avec les caméras des motos de police en intervention.",
}


@pytest.mark.parametrize("text", MOBILE_CAMERAS.values(), ids=MOBILE_CAMERAS.keys())
def test_cameras_on_vehicles_towers_tripods_and_tablets_are_mobile(text: str) -> None:
    assert read_purpose(text).mobile
    assert inconsistent(gb_police_on_fixed_cameras(text))


FIXED_CAMERAS = {
    "car-park": "Identify people from the cameras in the car park at the custody suite.",
    "wall-mounted": "Identify people from wall-mounted cameras in the custody suite.",
}


@pytest.mark.parametrize("text", FIXED_CAMERAS.values(), ids=FIXED_CAMERAS.keys())
def test_a_car_parks_and_a_walls_cameras_are_not_mobile(text: str) -> None:
    assert read_purpose(text).mobile == ()


RESEMBLANCE_OF_THINGS = {
    "products-suggested": "Suggest which products a customer might like from photos of their past purchases.",
    "photos-liked": "Recommend outfits for people based on the similarity of photos they like.",
    "sofa-lookalikes": "Find lookalikes of our bestselling sofa in the supplier photos.",
    "duplicate-products": "Compute the similarity between product photos to find duplicates in the catalogue.",
}


@pytest.mark.parametrize("text", RESEMBLANCE_OF_THINGS.values(), ids=RESEMBLANCE_OF_THINGS.keys())
def test_a_resemblance_of_things_or_tastes_is_not_recognition(text: str) -> None:
    assert read_purpose(text).recognition == ()


# G. Filler pasted between the parts of a description, and a Cyrillic letter inside a Latin word.


def test_a_sentence_pasted_again_and_again_does_not_push_the_parts_of_a_description_apart() -> None:
    filler = "The service runs in our secure data centre and logs every request. Staff are trained before access. "
    text = f"Faces in the evidence photos are cropped. {filler * 8}Each crop is then looked up in the arrest archive."

    assert read_purpose(text).recognition
    assert inconsistent(us_police_detecting_faces(text))


@pytest.mark.parametrize("text", ["Identify people in photos for the NYРД.", "Match faces for the LАРД."])
def test_a_cyrillic_letter_inside_a_latin_word_is_read_transliterated(text: str) -> None:
    assert read_purpose(text).police
