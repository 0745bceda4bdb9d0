"""The purpose tripwire on the classes reviewer R8 found (tests/corpus/review18.yaml).

- A thing identified in a picture (a plant disease, a car's make and model, a product, a landmark, a paint
  colour, a constellation, a part number) is no recognition, though an identification word or "which" stands
  beside the picture and the person who took it; the same words where what is identified is a person (the person,
  the visitor, the owner of the face, which of the men) are.
- Who someone in a picture or in front of an officer is, asked without the usual words ("the arrestee file of
  whoever appears in it", "who the person on screen is", "who the person in front of them is"), is recognition, as
  is a name that asks it beside the pictures ("who-is-it", "photo-to-name", "lineup-match").
- Faces checked against, paired with or looked up in law enforcement's pictures (warrants, bookings, mugshots,
  intake photos) are recognised, however the sentence says they are blurred for the public; a hotel's booking
  beside blurred faces is not.
- A police unit's mailbox at a US government's domain (``identification-unit@phoenix.gov``,
  ``troop-c@dps.texas.gov``) names a US law-enforcement customer; a city's other mailboxes do not.
- Beside declared facial recognition by an operator of another sector, law enforcement's people and powers said
  of the operator's own (our deputies, troopers, constables, sworn investigators, arrest powers, officers at a port
  of entry, a detained person, jail intake photos) say law enforcement; a deputy head teacher, a shelter's intake
  photos and loan officers do not.
- What a police body publishes (policy documents, notices, guidelines) is a text's topic, not a customer.
"""

from __future__ import annotations

import pytest

from azure_openai_guarded.guards.purpose_context import law_enforcement_context
from azure_openai_guarded.guards.purpose_text import read_purpose


@pytest.mark.parametrize(
    "text",
    [
        "Tell gardeners which plant disease is shown in the leaf photo they upload.",
        "Identify the make and model of the car in a customer's insurance claim photo.",
        "Find the product in our catalogue that looks most like the item in the shopper's photo.",
        "Recognise the landmark in a traveller's photo and suggest nearby restaurants.",
        "Say which of our paint colours matches the wall in the customer's photo.",
        "Tell the user which constellation is in their night-sky photo.",
        "Check whether the photographed meter reading matches the reading the customer typed in.",
        "Find which catalogue photo shows the same sofa as the customer's picture.",
        "Tell hikers which mushroom species their photo most resembles, with a safety warning.",
        "Determine which part number the photographed machine component is, for the repair desk.",
    ],
)
def test_a_thing_identified_in_a_picture_is_no_recognition(text: str) -> None:
    assert read_purpose(text).recognition == ()


@pytest.mark.parametrize(
    "text",
    [
        "Identify the man in the photo.",
        "Tell staff which guest is at the door in the camera image.",
        "Identify the owner of the face in the photo.",
        "Identify the make of the car and the driver in the camera image.",
        "Find which photo in the archive shows the same man as the customer's picture.",
        "Work out which of the registered volunteers appear in the festival photos and send each their pictures.",
        "Tell detectives which of the men in the photo is the suspect.",
    ],
)
def test_a_person_identified_in_a_picture_is_recognition(text: str) -> None:
    assert read_purpose(text).recognition


@pytest.mark.parametrize(
    "owner",
    [
        "identification-unit@phoenix.gov",
        "detective-bureau@ci.portland.or.us",
        "troop-c@dps.texas.gov",
        "pid-unit@dps.example-state.gov",
        "Homicide@County.GOV",
    ],
)
def test_a_police_units_mailbox_at_a_us_government_domain_is_a_us_police_customer(owner: str) -> None:
    read = read_purpose(owner)
    assert read.police
    assert read.us_police


@pytest.mark.parametrize(
    "owner",
    [
        "records@phoenix.gov",
        "parks@ci.portland.or.us",
        "licence-photos@dmv.ca.gov",
        "code-enforcement@city.example.gov",
        "booking@parks.example.gov",
        "detective-bureau@example.com",
    ],
)
def test_other_mailboxes_name_no_police_customer(owner: str) -> None:
    assert read_purpose(owner).us_police == ()


@pytest.mark.parametrize(
    "text",
    [
        "Summarise body-worn camera policy documents published by city police departments for our journalism team.",
        "Translate police-issued road closure notices into Spanish for our traffic app.",
        "Summarise the use-of-force guidelines issued by the Chicago police for our law students.",
    ],
)
def test_what_a_police_body_publishes_is_a_topic(text: str) -> None:
    assert read_purpose(text).police == ()


@pytest.mark.parametrize(
    "text",
    [
        "Given a snapshot from a pawn shop camera, surface the arrestee file of whoever appears in it.",
        "Given a screenshot from a livestream, return who the person on screen is from our records.",
        "Tell officers on patrol who the person in front of them is.",
        "Analyse photos submitted to the investigations unit and write a short description of each. who is it.",
        "Analyse photos submitted to the investigations unit and write a short description of each. photo to name.",
        "Analyse photos submitted to the investigations unit and write a short description of each. lineup match.",
    ],
)
def test_who_someone_seen_is_asked_without_recognition_words_is_recognition(text: str) -> None:
    assert read_purpose(text).recognition


@pytest.mark.parametrize(
    "text",
    [
        "Tell staff who the person responsible for fire safety is.",
        "Print photo to name badges for the conference.",
        "Summarise the mainstream press coverage and the upstream changes.",
        "Turn screenshots of error messages into support tickets.",
    ],
)
def test_who_holds_a_role_and_name_badges_are_no_recognition(text: str) -> None:
    assert read_purpose(text).recognition == ()


@pytest.mark.parametrize(
    "text",
    [
        "Match travellers' faces at the arrivals hall against the lookout list for our officers at the port of entry.",
        "Help our deputies confirm who a detained person is by comparing their face with the county's prior intake "
        "photos.",
        "Match faces for our campus security force, a state-certified agency with arrest powers, against the trespass "
        "list.",
        "Match faces of shoplifting suspects for our city's loss-prevention task force, which includes sworn "
        "investigators.",
        "Let our troopers compare the face of a stopped driver with the state licence photo.",
    ],
)
def test_law_enforcements_people_and_powers_said_of_the_operator_are_law_enforcement(text: str) -> None:
    assert law_enforcement_context(text, patrol=False)


@pytest.mark.parametrize(
    "text",
    [
        "Match employee faces for the deputy head teacher.",
        "Compare shelter intake photos of lost dogs with owners' photos.",
        "Verify our loan officers by their face at login.",
    ],
)
def test_a_deputy_head_a_shelters_intake_and_loan_officers_are_no_law_enforcement(text: str) -> None:
    assert law_enforcement_context(text, patrol=False) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Blur every face before release, after first checking each one against the outstanding-warrant photo set.",
        "Find faces in doorbell footage; blurred copies go to the public, while each original face is paired with a "
        "prior booking.",
        "Redact faces for the public copy; investigators get a list pairing every redacted face with its booking "
        "number.",
        "Detect faces so that they can be blurred, and log for each one the closest entry from the intake photo "
        "archive.",
    ],
)
def test_faces_checked_against_police_pictures_beside_a_blur_are_recognised(text: str) -> None:
    assert read_purpose(text).recognition


@pytest.mark.parametrize(
    "text",
    [
        "Blur the faces of hotel guests in lobby photos and link each photo to the booking.",
        "Blur faces in the photos and match the receipts to bookings.",
    ],
)
def test_a_booking_beside_blurred_faces_is_no_recognition(text: str) -> None:
    assert read_purpose(text).recognition == ()
