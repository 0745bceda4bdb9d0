"""The purpose tripwire on the classes reviewers R6 and R7 found getting through (tests/corpus/review17.yaml).

- A law-enforcement customer is one by slang ("the 5-0", "the fuzz"), and a US one by an agency the lists lacked
  (the Texas Rangers, the TSA, bail enforcement agents, bounty hunters, the Capitol Police, HSI) or by a paraphrase
  (the county's top lawman, the agency that guards the US-Mexico border, the bureau in the J. Edgar Hoover
  Building, investigators of a state); the same words in their other senses (a baseball team, TSA-approved locks,
  a 5-0 win, bug bounty hunters, the HSI colour space) name no customer, nor do a police union's members or the
  statistics a police body publishes.
- Capture from a moving car (in-car video, a pursuit, a roaming camera car), on an officer (worn, clipped on) or
  with the name said to the officer while the person is there (whispered, in an earpiece, on a heads-up display),
  or in neighbourhoods and sweeps, contradicts facts that say fixed cameras, a controlled place, after the fact.
- Recognition written short or disguised ("face-rec", "fr-suspects", "who-is-this-face", "biometric-id" beside
  a picture, "perp-id-from-photo", a capital I for an l, Russian in Latin letters, text encoded in base64) is
  recognition; FR as French, a suspect's ID number and a biometric policy without a picture are not.
"""

from __future__ import annotations

import pytest

from azure_openai_guarded.guards.purpose_text import read_purpose


@pytest.mark.parametrize(
    ("text", "words"),
    [
        pytest.param("Identify people for the Texas Rangers in the interview room.", "texas rangers", id="rangers"),
        pytest.param("For the 5-0 in Atlanta: face matching in the back office.", "the 5 0", id="five-oh-digits"),
        pytest.param("Identify people in photos for the five-o.", "the five o", id="five-o"),
        pytest.param("Identify people in photos for the fuzz in Chicago.", "the fuzz", id="fuzz"),
        pytest.param("Identify people in photos for TSA at airport checkpoints.", "tsa", id="tsa"),
        pytest.param(
            "Identify people in photos for bail enforcement agents in Florida.", "bail enforcement", id="bail"
        ),
        pytest.param("Identify people in photos for bounty hunters.", "bounty hunters", id="bounty-hunters"),
        pytest.param(
            "Face matching at intake for the department of the county's top lawman in Maricopa.", "lawman", id="lawman"
        ),
        pytest.param(
            "Face matching at the office of the agency that guards the US-Mexico border.",
            "guards the us mexico border",
            id="border-paraphrase",
        ),
        pytest.param(
            "Face matching for the bureau headquartered in the J. Edgar Hoover Building.",
            "hoover building",
            id="fbi-paraphrase",
        ),
        pytest.param(
            "Identify people in photos for first responders and investigators of the state of Nevada.",
            "investigators of the state",
            id="state-investigators",
        ),
        pytest.param("Identify people in photos for the Capitol Police.", "capitol police", id="capitol-police"),
        pytest.param("Identify people in photos for HSI agents.", "hsi", id="hsi"),
        pytest.param(
            "Identify people in photos for the agency that enforces federal immigration law.",
            "enforces federal immigration law",
            id="ice-paraphrase",
        ),
        pytest.param("Match faces at the lobby kiosk for the 5-0.", "the 5 0", id="five-oh-at-the-end"),
        pytest.param("Cotejar caras en el quiosco para los polis de Nueva York.", "polis", id="spanish-polis"),
        pytest.param("Cotejar caras en el quiosco para la chota de Los Ángeles.", "chota", id="mexican-chota"),
        pytest.param("Comparer les visages à la borne pour les keufs de Chicago.", "keufs", id="french-keufs"),
        pytest.param("Comparar rostos no quiosque para os tiras de Nova York.", "os tiras", id="portuguese-tiras"),
    ],
)
def test_a_law_enforcement_customer_by_slang_agency_or_paraphrase_is_one_and_an_agency_is_in_the_us(
    text: str, words: str
) -> None:
    read = read_purpose(text)

    assert any(words in said for said in read.police), read
    # Slang for the police is not placed anywhere by itself ("the fuzz" is British too); an agency's name is.
    slang = words in ("the 5 0", "the five o", "the fuzz")
    assert slang or any(words in said for said in read.us_police), read


@pytest.mark.parametrize(
    "text",
    [
        "Write match reports for the Texas Rangers.",
        "Draft ticket offers for Texas Rangers fans.",
        "Write product descriptions for TSA-approved luggage locks.",
        "Summarise the TSA's guidelines for carry-on bags.",
        "Triage vulnerability reports from bug bounty hunters.",
        "Recap the 5-0 win for the club newsletter.",
        "Summarise the five o'clock news bulletin for the website.",
        "Write product copy for the fuzz pedal in our guitar shop.",
        "Write dialogue for the lawman character in our western game.",
        "Upgrade the 5.0 SDK in our mobile app.",
        "Convert images to the HSI colour space before segmentation.",
        "Draw a border around each product in the shelf photos.",
        "Help police union members with questions about their benefits.",
        "Summarise the NYPD's public crime statistics for our journalism students.",
        "Chart crime statistics published by the Chicago Police Department for a civics class.",
        "Summarise the police department's daily press releases for our newspaper's local news page.",
        "Summarise the FBI's annual crime report for our newsroom.",
        "Help law students write essays on how states enforce tenancy law.",
        "Comprar tiras de LED para la tienda.",
        "Resumir la jura de bandera del regimiento.",
        # French "police" as a typeface, named by what a typeface is or by choosing one (review R27).
        "Choisir une police lisible pour les documents de la mairie.",
        "Utiliser une police à chasse fixe pour le code.",
    ],
)
def test_the_same_words_in_their_other_senses_name_no_police_customer(text: str) -> None:
    assert read_purpose(text).police == ()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Match faces at the kiosk; hits are shared with Chicago detectives.", id="shared-with"),
        pytest.param("Match faces at the kiosk; matches are emailed to detectives in Houston.", id="emailed-to"),
        pytest.param("Comparer les visages ; les résultats sont transmis aux inspecteurs de Chicago.", id="french"),
        pytest.param("Gesichter am Kiosk abgleichen; Treffer gehen an Ermittler in Chicago.", id="german"),
        pytest.param("Compare custody photos for police in the Lone Star State.", id="a-states-nickname"),
        pytest.param("Compare custody photos for police in Uncle Sam's country.", id="uncle-sam"),
    ],
)
def test_the_police_the_results_go_to_are_a_customer_in_the_us(text: str) -> None:
    # Review R11: the results handed to US police make the recognition done for them.
    assert read_purpose(text).us_police, read_purpose(text)


def test_the_nypd_handing_over_its_data_is_still_a_customer() -> None:
    assert read_purpose("Match faces in the NYPD's data.").police == ("nypd",)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Use 1:N search on the stills and summarise the results.", id="one-to-many"),
        pytest.param("Search the stills in Clearview and summarise the hits.", id="a-product"),
        pytest.param("Summarise the candidate list from the facial analysis unit.", id="the-unit"),
        pytest.param("Aplicar RF a las imágenes fijas y resumir los candidatos.", id="spanish-rf"),
    ],
)
def test_recognition_by_its_jargon_or_a_product_is_recognition(text: str) -> None:
    assert read_purpose(text).recognition, read_purpose(text)


def test_a_one_to_many_relation_in_a_schema_is_no_recognition() -> None:
    assert read_purpose("Split the 1-N relation in the schema and document it.").recognition == ()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param("Identify suspects during vehicle pursuits from in-car video.", "mobile", id="in-car"),
        pytest.param("Identify drivers from pursuit footage.", "mobile", id="pursuit-footage"),
        pytest.param("Match faces from a roaming camera car in high-crime neighbourhoods.", "mobile", id="camera-car"),
        pytest.param(
            "Match faces from a roaming camera car in high-crime neighbourhoods.", "uncontrolled", id="neighbourhoods"
        ),
        pytest.param(
            "Officers wear the camera and the assistant whispers the name of whoever they talk to.",
            "mobile",
            id="officers-wear",
        ),
        pytest.param(
            "Officers wear the camera and the assistant whispers the name of whoever they talk to.",
            "realtime",
            id="whispered",
        ),
        pytest.param("Each match is read into the officer's earpiece.", "realtime", id="earpiece"),
        pytest.param("The name appears on the officer's heads-up display.", "mobile", id="heads-up-display"),
        pytest.param("Officers clip the camera to their vest.", "mobile", id="clip-on"),
        pytest.param("Identify people during neighbourhood sweeps.", "uncontrolled", id="sweeps"),
        pytest.param("Match residents met while canvassing door to door.", "uncontrolled", id="canvassing"),
        pytest.param("Identify people from chest-mounted cameras.", "mobile", id="chest-mounted"),
        pytest.param("Identify drivers from dash video.", "mobile", id="dash-video"),
        pytest.param("Identify people filmed during ride-alongs.", "mobile", id="ride-along"),
        pytest.param("Drive-by recognition of people on the watchlist.", "mobile", id="drive-by"),
        pytest.param("Matching runs on footage from the force's airborne unit.", "mobile", id="airborne"),
        pytest.param("The force wants it on the Axon cameras its officers wear.", "mobile", id="body-camera-brand"),
        pytest.param("Run the watchlist against what the officers' glasses see.", "mobile", id="officers-glasses"),
        pytest.param("Compare the photos from officers' PBWCs.", "mobile", id="pbwc"),
        pytest.param("Alerts reach the officer before the person walks away.", "realtime", id="before-they-leave"),
        pytest.param("Los rostros se cotejan en milisegundos.", "realtime", id="milisegundos"),
        pytest.param(
            "Gesichter werden abgeglichen, während der Beamte noch mit der Person spricht.", "realtime", id="waehrend"
        ),
        pytest.param("Cameras match faces live while officers knock on doors.", "uncontrolled", id="door-knocking"),
        pytest.param("Body cameras match faces live wherever they go.", "uncontrolled", id="wherever-they-go"),
        pytest.param("Die Bodycams gleichen Gesichter live auf dem Wochenmarkt ab.", "uncontrolled", id="wochenmarkt"),
        pytest.param("Gesichter aus der Polizeidrohne abgleichen.", "mobile", id="german-compound"),
        pytest.param("Fotos der Reiterstaffel abgleichen.", "mobile", id="mounted-unit"),
        pytest.param("El agente recibe el nombre antes de terminar el control.", "realtime", id="before-the-stop-ends"),
    ],
)
def test_live_or_mobile_capture_said_in_other_words_is_read(text: str, kind: str) -> None:
    assert getattr(read_purpose(text), kind), read_purpose(text)


@pytest.mark.parametrize(
    "text",
    [
        "Compare custody photos of drivers arrested after a pursuit with prior records.",
        "Compare custody photos for the neighbourhood policing team; officers wear uniforms at the desk.",
        "Transcribe custody interviews with Whisper and compare the custody photos with prior records.",
        "Compare custody photos in pursuit of a faster booking process.",
    ],
)
def test_after_the_fact_work_beside_the_new_words_says_no_live_or_mobile_capture(text: str) -> None:
    read = read_purpose(text)

    assert (read.realtime, read.mobile, read.uncontrolled) == ((), (), ()), read


@pytest.mark.parametrize(
    "text",
    [
        "Run face-rec on booking photos for detectives.",
        "facerec-suspects",
        "fr-suspects",
        "who-is-this-face",
        "Help detectives with photos in their cases. biometric id",
        "perp-id-from-photo",
        "ID the suspect from the doorbell video.",
        "faciaIrecognition of arrestees",
        "FaciaI recognition on the booking photos.",
        "Run raspoznavanie lits on booking photos for detectives.",
        "Run renlian shibie on the CCTV stills.",
        "Face search of the CCTV stills for detectives.",
        "ZmFjaWFsIHJlY29nbml0aW9uIG9mIGFycmVzdGVlcw==",
    ],
)
def test_recognition_written_short_disguised_or_transliterated_is_recognition(text: str) -> None:
    assert read_purpose(text).recognition


@pytest.mark.parametrize(
    "text",
    [
        "Caption product photos in FR for the French storefront.",
        "Explain our biometric ID policy to new employees.",
        "Read the suspect ID numbers from scanned case forms.",
        "Answer questions about LinkedIn profile photos.",
        "Analyze each Image and describe the product.",
        "Store the token dGhpcyBpcyBhIHRlc3Q= in the vault.",
    ],
)
def test_fr_as_french_an_id_number_and_a_capital_i_in_camel_case_are_not_recognition(text: str) -> None:
    assert read_purpose(text).recognition == ()
