"""What a declaration must say for itself where one field alone would keep the terms away (review R12).

A paraphrase of a worn camera, a US force by a nickname or an agency's mailbox is more than any list of words
holds. So where facial recognition is declared by or for law enforcement, the guard asks the texts to agree with
the declaration rather than looking for every way to contradict it:

- cameras declared fixed: a text that names a camera or another capture device says where it is (fixed, CCTV,
  in a custody suite);
- the law-enforcement parties declared all outside the US: the texts name no more police forces, or
  organisations the work is for, than the parties declared (a force whose name puts it abroad, "the Royal
  Canadian Mounted Police", is not counted), and the owner's mailbox is not under a US-only top-level domain
  (``.gov``, ``.mil``, ``.us``);
- a search of pictures for whom they show, in a law-enforcement use case that declares no recognition, is
  recognition left undeclared, whichever model runs it.

Beside them, three readings that were wrong both ways: "matched live" is real time and "not in real time" is
not, and a name's "nypd face" names the police, where "the challenges the police face" is about them.

Then review R15's: what a reader of the stack file sees is read (words inside angle brackets, comments and
attributes, a run shown reversed by a right-to-left override); the police worked with, or whose cases the pictures
are of, are a party beside recognition; and a word that proves one of clause 2's facts false in another sense (a
railway station, cameras fixed to helmets, "after the fact, two seconds after capture") proves nothing.

And review R18's: a proof of clause 2's facts counts only said alone, neither denied ("not in the custody suite")
nor widened ("fixed cameras as well as body-worn ones", "not only at the gate"); capture on the move and routes
through crowds; the police by their colour and by what only they do; the users of a named organisation; a force
run together with other words in a name; live, mobile and street words denied; and three ordinary readings that
were wrong (a building's address, a conference, an abbreviation defined in brackets).
"""

from __future__ import annotations

from typing import Any, Final

import pytest

from azure_openai_guarded.guards.purpose_served import organisations_named, served_parties_named
from azure_openai_guarded.guards.purpose_text import read_purpose
from azure_openai_guarded.guards.rules import DECLARATION_INCOMPLETE, DECLARATION_INCONSISTENT
from tests.declarations import config, decide, fr_facts, police, use_case, vendor


def recognition_for_british_police(purpose: str, **overrides: Any) -> dict[str, Any]:
    """A British vendor's recognition for one British force, after the fact on fixed cameras in a custody suite:
    allowed by its facts."""
    fields: dict[str, Any] = {
        "purpose": purpose,
        "owner": "team@vendor.example.co.uk",
        "operator": vendor("GB"),
        "servedParties": [police("GB")],
        "capabilities": ["facial_recognition"],
        "facialRecognition": fr_facts(),
        "humanReview": True,
        **overrides,
    }
    return config(use_case(**fields))


def recognising_alone(purpose: str, operator: dict[str, str], facts: dict[str, Any] | None = None) -> dict[str, Any]:
    """``operator``'s own recognition for no one else, on ``facts`` (by default after the fact on fixed cameras in a
    controlled place)."""
    return config(
        use_case(
            purpose=purpose,
            operator=operator,
            servedParties=[],
            capabilities=["facial_recognition"],
            facialRecognition=facts if facts is not None else fr_facts(),
        )
    )


def british_police_recognising(purpose: str, facts: dict[str, Any] | None = None) -> dict[str, Any]:
    """A British force's own recognition for no one else, on ``facts`` (by default after the fact on fixed cameras
    in a controlled place, which the terms allow)."""
    return recognising_alone(purpose, police("GB"), facts)


def vendor_recognising(purpose: str, country: str = "US") -> dict[str, Any]:
    """A vendor's recognition (a US one by default) for no one else, on fixed cameras in a controlled place: no
    police party."""
    return recognising_alone(purpose, vendor(country))


def police_pictures(purpose: str, country: str, capabilities: list[str]) -> dict[str, Any]:
    """A police force's own use case that declares no recognition."""
    return config(use_case(purpose=purpose, operator=police(country), servedParties=[], capabilities=capabilities))


def rules_fired(project_config: dict[str, Any]) -> set[str]:
    return {f.rule for f in decide(project_config).findings}


# A. Cameras declared fixed, said to be elsewhere.

UNPLACED_CAMERAS = {
    "worn-de": "Kamera am Körper der Beamten: Gesichter werden mit der Fahndungsliste abgeglichen.",
    "carried-en": "Cameras that officers carry match faces.",
    "glasses-en": "Camera glasses of officers match faces.",
    "glasses-de-compound": "Kamerabrillen der Beamten gleichen Gesichter ab.",
    "vehicles-de": "Kameras in Einsatzfahrzeugen gleichen Gesichter ab.",
    "worn-fr": "Caméras que portent les agents : les visages sont comparés.",
    "phones-pt": "Telemóveis dos agentes: os rostos são comparados.",
    "drone-brand": "Match faces from DJI Mavic footage against the wanted list.",
    "devices": "Match faces captured by officers using Mobile ID devices.",
}


@pytest.mark.parametrize("text", UNPLACED_CAMERAS.values(), ids=UNPLACED_CAMERAS.keys())
def test_a_camera_named_beside_fixed_cameras_must_be_said_to_be_fixed(text: str) -> None:
    verdict = decide(recognition_for_british_police(text))

    assert not verdict.allowed
    finding = next(f for f in verdict.findings if f.rule == DECLARATION_INCONSISTENT.id)
    assert "lists only fixed cameras" in finding.message
    assert "Say in the purpose where the cameras are" in finding.message


PLACED_CAMERAS = {
    "custody-suite": "Match faces from custody suite cameras against the records.",
    "booking-camera": "Match custody photos taken by the booking camera.",
    "cctv": "Match faces in station CCTV stills against the records the next morning.",
    "fixed-de": "Bilder der festen Kameras im Polizeigewahrsam am Folgetag abgleichen.",
    "no-camera-named": "Match custody photos to records.",
    "reception-tablet": "Compare photos from the reception tablet's camera with the custody records the next morning.",
    # Review R26: a doorbell's camera is fixed at its door.
    "doorbell-footage": "Compare doorbell footage submitted by the public with the custody images, never live.",
}


@pytest.mark.parametrize("text", PLACED_CAMERAS.values(), ids=PLACED_CAMERAS.keys())
def test_cameras_said_to_be_fixed_or_in_a_custody_suite_need_nothing_more(text: str) -> None:
    assert decide(recognition_for_british_police(text)).allowed


# B. Real time said after the verb, and denied.

LIVE_AFTER_THE_VERB = {
    "en": "Faces are matched live against the watchlist.",
    "de": "Gesichter werden live mit der Fahndungsliste abgeglichen.",
    "not-only": "Compare custody photos, not only in real time.",
}


@pytest.mark.parametrize("text", LIVE_AFTER_THE_VERB.values(), ids=LIVE_AFTER_THE_VERB.keys())
def test_live_after_the_verb_is_real_time(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(recognition_for_british_police(text))


NOT_IN_REAL_TIME = {
    "en": "Compare custody photos with our own records to confirm identity, not in real time.",
    "de": "Vergleich von Fotos Festgenommener mit unseren Akten, nicht in Echtzeit.",
    "fr": "Reconnaissance faciale des gardés à vue à la caméra fixe du commissariat, pas en temps réel.",
    "es": "Reconocimiento facial de detenidos con la cámara fija de la comisaría, no en tiempo real.",
    "pt-br": "Reconhecimento facial de presos na câmera fixa da delegacia, sem ser em tempo real.",
}


@pytest.mark.parametrize("text", NOT_IN_REAL_TIME.values(), ids=NOT_IN_REAL_TIME.keys())
def test_real_time_denied_is_not_real_time(text: str) -> None:
    assert decide(recognition_for_british_police(text)).allowed


# C. More forces named than declared.

MORE_FORCES = {
    "nickname": "Kent Police custody photos; later also NOLA police.",
    "slang": "Kent Police custody photos; later also Philly cops.",
    "police-of": "Match custody photos for Kent Police and the police of Neu-York.",
    "letters": "Kent Police custody photos; also for NYCPD.",
    "handle": "Kent Police custody photos; also for @NYPDnews.",
    "spaced-letters": "Kent Police custody photos; also for the NY PD.",
    "initials-not-police": "Match custody photos for Kent Police; also for the CHP.",
    "sold-to": "Match custody photos for Kent Police; a copy of the system is sold to LA.",
    "de": "Kent Police custody photos. Auch für die Polizei in Neuengland.",
    "fr": "Kent Police custody photos. Aussi pour la police de la Nouvelle-Angleterre.",
    "es": "Kent Police custody photos. También para la policía de Nueva Inglaterra.",
    "pt": "Kent Police custody photos. Também para a polícia da Nova Inglaterra.",
}


@pytest.mark.parametrize("text", MORE_FORCES.values(), ids=MORE_FORCES.keys())
def test_a_force_named_beyond_the_declared_parties_must_be_declared(text: str) -> None:
    verdict = decide(recognition_for_british_police(text))

    assert not verdict.allowed
    finding = next(f for f in verdict.findings if f.rule == DECLARATION_INCONSISTENT.id)
    assert "List every police force" in finding.message


def test_a_tag_that_names_another_force_counts_as_a_text_naming_it() -> None:
    stack = recognition_for_british_police("Match custody photos to records for Kent Police.")
    stack["service"]["tags"] = {"customer": "NOLA PD"}

    assert not decide(stack).allowed


ONE_FORCE = {
    "placed": "Custody photo matching for the Hellenic Police in Athens.",
    "prefecture": "Comparaison des photos de gardés à vue pour la Préfecture de police de Paris.",
    "two-names-of-one": "The police match custody photos for Kent Police and the Kent Constabulary.",
    "generic-police": "Our local police compare custody photos with the records.",
    "standard-not-a-party": "Match custody photos for Police Scotland for GDPR-compliant review.",
    "common-noun": "Compare booking photos for the police in Latin America.",
    "second-named-abroad": "Compare custody photos for Kent Police and the Royal Canadian Mounted Police.",
}


@pytest.mark.parametrize("text", ONE_FORCE.values(), ids=ONE_FORCE.keys())
def test_one_force_however_often_or_where_it_is_named_is_one_party(text: str) -> None:
    assert decide(recognition_for_british_police(text)).allowed


def test_each_force_is_counted_once_by_which_it_is() -> None:
    named = organisations_named("Kent Police and the police of Kent, for Kent Constabulary; also NOLA police.")

    assert sorted(named) == ["kent", "nola"]


def test_two_forces_each_declared_are_allowed() -> None:
    text = "Kent Police custody photos; later also for Essex Police."
    stack = recognition_for_british_police(text, servedParties=[police("GB"), police("GB")])

    assert decide(stack).allowed


# D. A US government mailbox beside police declared abroad.


@pytest.mark.parametrize("owner", ["frt@ice.dhs.gov", "ops@nola.gov", "frt@isp.in.gov", "it@army.mil"])
def test_an_owner_under_a_us_only_domain_puts_the_work_in_the_united_states(owner: str) -> None:
    stack = recognition_for_british_police("Match custody photos to records for Kent Police.", owner=owner)

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


@pytest.mark.parametrize("owner", ["ops@police.gov.uk", "it@kent.police.uk", "it@policja.gov.pl"])
def test_another_countrys_government_mailbox_is_not_the_united_states(owner: str) -> None:
    stack = recognition_for_british_police("Match custody photos to records for Kent Police.", owner=owner)

    assert decide(stack).allowed


# E. A search of pictures for whom they show.

PICTURE_SEARCHES = {
    "best-match": (["image_analysis"], "Return the record whose photo best matches the CCTV still."),
    "record-that-matches": (["image_analysis"], "Find the arrest record that matches each surveillance image."),
    "by-image": (["image_analysis"], "Search the records database by image."),
    "reverse": (["image_analysis"], "Reverse image search over the arrest records."),
    "es-records": (["image_analysis"], "Comparar las imágenes de las cámaras con la base de fichas policiales."),
    "pt-register": (["image_analysis"], "Comparação biométrica de fotos com o cadastro."),
    "text-dmv": (["text_generation"], "Summarise the lists of possible matches returned by the DMV photo search."),
    "text-product": (["text_generation"], "Draft reports from NEC NeoFace candidates."),
    "text-de": (["text_generation"], "Ergebnisse der Lichtbildrecherche für Ermittler zusammenfassen."),
    "text-pt": (["text_generation"], "Resumir os resultados da pesquisa por imagem para os investigadores."),
    "text-fr": (["text_generation"], "Résumer les résultats du logiciel de comparaison de photos pour les enquêteurs."),
}


@pytest.mark.parametrize(("capabilities", "text"), PICTURE_SEARCHES.values(), ids=PICTURE_SEARCHES.keys())
def test_a_search_of_pictures_for_us_police_is_recognition_left_undeclared(capabilities: list[str], text: str) -> None:
    assert DECLARATION_INCOMPLETE.id in rules_fired(police_pictures(text, "US", capabilities))


NO_PICTURE_SEARCH = {
    "plates": (["image_analysis"], "Read licence plates in dashcam stills."),
    "damage": (["image_analysis"], "Describe damage to vehicles in photos."),
    "reports": (["text_generation"], "Summarise incident reports for detectives."),
    "by-name": (["text_generation"], "Search the records database by name."),
}


@pytest.mark.parametrize(("capabilities", "text"), NO_PICTURE_SEARCH.values(), ids=NO_PICTURE_SEARCH.keys())
def test_police_work_that_searches_no_picture_for_a_person_is_allowed(capabilities: list[str], text: str) -> None:
    assert decide(police_pictures(text, "US", capabilities)).allowed


# F. "Face" after a police word.


@pytest.mark.parametrize("name", ["nypd-face", "lapd-face", "sheriff-face"])
def test_a_name_that_puts_face_after_a_police_word_names_the_police(name: str) -> None:
    stack = config(use_case(name=name, purpose="Photo tools.", servedParties=[], capabilities=["image_analysis"]))

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


@pytest.mark.parametrize(
    "text",
    [
        "Summarise the challenges police recruits face.",
        "Summarise the challenges the police face.",
        "Police face new rules; summarise them for the public.",
    ],
)
def test_the_police_facing_something_is_a_topic(text: str) -> None:
    assert decide(config(use_case(purpose=text, servedParties=[]))).allowed


# G. What a reader of the stack file sees: markup and a right-to-left override (review R15).

SHOWN_TO_THE_READER = {
    "angle-brackets": "Match custody photos for <NYPD>.",
    "comment": "Match custody photos <!-- for the NYPD --> against records.",
    "entity-comment": "Match custody photos &lt;!-- for the NYPD --&gt; against records.",
    "attribute": 'Match custody photos for the <abbr title="New York City Police Department">client</abbr>.',
    "right-to-left-override": "Match custody photos for the \u202eDPYN\u202c.",
}


@pytest.mark.parametrize("text", SHOWN_TO_THE_READER.values(), ids=SHOWN_TO_THE_READER.keys())
def test_words_in_markup_or_shown_reversed_are_read(text: str) -> None:
    stack = british_police_recognising(text)

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


def test_recognition_inside_a_tag_is_read_beside_image_analysis() -> None:
    text = "Describe each CCTV still <and name the person in it from the booking photos>."

    assert not decide(police_pictures(text, "US", ["image_analysis"])).allowed


def test_a_bare_tag_inside_a_word_still_joins_it() -> None:
    text = "Iden<b></b>tify people in the photos."

    assert DECLARATION_INCONSISTENT.id in rules_fired(config(use_case(purpose=text, servedParties=[])))


# H. The police worked with, or whose cases the pictures are of, beside recognition declared by a vendor.

POLICE_WORKED_WITH = {
    "cases-of": "Identify people in surveillance stills regarding open cases of the Dallas police.",
    "cooperating": "Identify people in surveillance stills, cooperating with the Phoenix police department.",
    "working-with": "Identify suspects in surveillance stills, working with the Atlanta police on their cases.",
    "es": "Identificar personas en fotos de vigilancia sobre casos abiertos de la policía de Miami.",
    "de": "Personen auf Überwachungsfotos identifizieren, über Fälle der Polizei von Houston.",
    "pt": "Identificar pessoas em fotos de vigilância sobre casos da polícia de Nova York.",
}


@pytest.mark.parametrize("text", POLICE_WORKED_WITH.values(), ids=POLICE_WORKED_WITH.keys())
def test_police_worked_with_beside_recognition_are_a_party(text: str) -> None:
    stack = vendor_recognising(text)

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


# I. The proof words of clause 2 in another sense.

PROOF_IN_ANOTHER_SENSE = {
    "railway-station": (
        fr_facts(realtime=True, cameras=("body_worn",)),
        "Officers' body-worn cameras match faces live on the concourse of Waterloo station.",
    ),
    "rush-hour": (
        fr_facts(realtime=True, cameras=("body_worn",)),
        "Officers' body-worn cameras match faces live at the station entrance during rush hour.",
    ),
    "fixed-to-helmets-es": (
        fr_facts(realtime=True, environment="uncontrolled"),
        "Cámaras fijas en los cascos de los agentes reconocen caras en directo en la calle.",
    ),
    "fixed-to-helmets-de": (
        fr_facts(realtime=True, environment="uncontrolled"),
        "Kameras, fest an den Helmen der Beamten, erkennen Gesichter live auf der Straße.",
    ),
    "fixed-to-a-bike-fr": (
        fr_facts(realtime=True, environment="uncontrolled"),
        "Une caméra fixe sur le vélo de l'agent reconnaît les visages en direct dans la rue.",
    ),
    "mobile-cctv-es": (
        fr_facts(realtime=True, environment="uncontrolled"),
        "Un furgón con CCTV móvil reconoce caras en directo por los barrios.",
    ),
    "seconds-after": (
        fr_facts(cameras=("body_worn",), environment="uncontrolled"),
        "Body-worn cameras' footage is matched after the fact, two seconds after capture, while officers patrol.",
    ),
}


@pytest.mark.parametrize(("facts", "text"), PROOF_IN_ANOTHER_SENSE.values(), ids=PROOF_IN_ANOTHER_SENSE.keys())
def test_a_word_that_proves_a_fact_in_another_sense_proves_nothing(facts: dict[str, Any], text: str) -> None:
    stack = british_police_recognising(text, facts)

    assert not decide(stack).allowed


LAWFUL_IN_THE_SAME_WORDS = {
    "custody-suite": (
        fr_facts(realtime=True, cameras=("body_worn",)),
        "Body-worn cameras identify detainees live inside the custody suite.",
    ),
    "fixed-on-buildings": (
        fr_facts(realtime=True, environment="uncontrolled"),
        "Fixed CCTV cameras on buildings recognise faces live in the street.",
    ),
    "end-of-shift": (
        fr_facts(cameras=("body_worn",), environment="uncontrolled"),
        "Body-worn footage is matched after the fact, at the end of the shift.",
    ),
}


@pytest.mark.parametrize(("facts", "text"), LAWFUL_IN_THE_SAME_WORDS.values(), ids=LAWFUL_IN_THE_SAME_WORDS.keys())
def test_the_same_proofs_in_their_own_sense_still_prove(facts: dict[str, Any], text: str) -> None:
    stack = british_police_recognising(text, facts)

    assert decide(stack).allowed


# J. Words for US police the lists lacked, and ordinary words that are not the police (review R15).

US_POLICE_BY_OTHER_NAMES = {
    "short-city-pd": "Match custody photos for the NY PD.",
    "nickname-pd": "Match custody photos for Philly PD.",
    "dc-mpd": "Match custody photos for DC's MPD.",
    "slang-yankee": "Match custody photos for Yankee cops.",
    "slang-gringa": "Comparar fotos de detenidos para la policía gringa.",
    "slang-ricains": "Comparer les photos des détenus pour les flics ricains.",
    "slang-ami": "Gewahrsamsfotos für die Ami-Polizei abgleichen.",
    "tribal": "Match custody photos for the Navajo Nation Police.",
    "transit": "Match custody photos for the MBTA Transit Police.",
    "but-in-ohio": "Compare custody photos with records for our partner force, which is not in Kent but in Ohio.",
    "italian-place": "Compare custody photos in the custody suite, per gli agenti di Nuova York.",
    "dutch-nationality": "Compare custody photos in the custody suite, voor Amerikaanse agenten.",
    "county": "Match custody photos for a constable's office in Harris County.",
    "broken-at-line-ends": "Match custody photos for the Chi-\ncago Po-\nlice.",
    "force-after-standards": "Compare custody photos with records to the standards of our partner force in Ohio.",
}


@pytest.mark.parametrize("text", US_POLICE_BY_OTHER_NAMES.values(), ids=US_POLICE_BY_OTHER_NAMES.keys())
def test_a_us_force_by_a_short_name_slang_or_a_contrast_is_a_us_customer(text: str) -> None:
    stack = british_police_recognising(text)

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


@pytest.mark.parametrize("name", ["chicagopd-custody-match", "houstonpd-custody"])
def test_a_us_city_run_together_with_pd_in_a_name_is_its_police(name: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(config(use_case(name=name, servedParties=[])))


EUPHEMISMS_BESIDE_RECOGNITION = {
    "badge": "Identify people in store CCTV stills for the men and women who wear the badge in Ohio.",
    "arrests": "Identify people in surveillance stills for first responders who make arrests in Texas.",
    "crime-fighters": "Identify suspects in stills for crime fighters across America.",
}


@pytest.mark.parametrize("text", EUPHEMISMS_BESIDE_RECOGNITION.values(), ids=EUPHEMISMS_BESIDE_RECOGNITION.keys())
def test_euphemisms_for_officers_beside_recognition_say_law_enforcement(text: str) -> None:
    stack = vendor_recognising(text)

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


NOT_THE_POLICE = {
    "verb": "Help moderators police the community forum by flagging abusive posts.",
    "legal-power": "Summarise municipal ordinances on zoning and police powers for city planners.",
    "genre": "Write episode synopses for a streaming cop show.",
    "landmark": "Answer tenants' questions; our office is next to the Chicago police station.",
}


@pytest.mark.parametrize("text", NOT_THE_POLICE.values(), ids=NOT_THE_POLICE.keys())
def test_police_as_a_verb_a_power_a_genre_or_a_landmark_is_no_customer(text: str) -> None:
    assert decide(config(use_case(purpose=text, servedParties=[]))).allowed


def test_the_police_helped_is_still_a_customer() -> None:
    stack = config(use_case(purpose="Help the police the way they asked: summarise reports.", servedParties=[]))

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


def test_staff_wearing_a_badge_beside_access_control_are_no_officers() -> None:
    text = "Verify employees at our office doors with fixed cameras; staff wear a badge too."
    stack = vendor_recognising(text)

    assert decide(stack).allowed


# K. Cameras fixed inside what moves, and stops and rounds in the street (review R16).

MOVING_OR_IN_THE_STREET = {
    "fixed-in-buses-es": (
        fr_facts(realtime=True, environment="uncontrolled"),
        "Las cámaras fijas de los autobuses comparan en directo las caras de los pasajeros con la lista de buscados.",
    ),
    "cctv-in-taxis": (
        fr_facts(realtime=True, environment="uncontrolled"),
        "CCTV in taxis compares passengers' faces with the wanted list live.",
    ),
    "stop-and-search": (fr_facts(), "Identify people during stop and search; faces are matched afterwards."),
    "rounds-pt": (fr_facts(), "Durante o giro, os agentes fotografam pessoas e os rostos são comparados depois."),
    "on-scene": (fr_facts(), "On scene, the system tells officers who the person is."),
}


@pytest.mark.parametrize(("facts", "text"), MOVING_OR_IN_THE_STREET.values(), ids=MOVING_OR_IN_THE_STREET.keys())
def test_cameras_fixed_in_vehicles_and_stops_in_the_street_contradict_the_facts(
    facts: dict[str, Any], text: str
) -> None:
    stack = british_police_recognising(text, facts)

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


def test_fixed_cctv_at_a_bus_station_is_not_in_a_bus() -> None:
    text = "Fixed CCTV at the bus station matches faces live in the concourse crowd."
    stack = british_police_recognising(text, fr_facts(realtime=True, environment="uncontrolled"))

    assert decide(stack).allowed


# L. The police by what they do, in other languages' slang, behind signs, and a place given by where it is
# (review R16).

POLICE_BY_WHAT_THEY_DO = {
    "who-arrest": "Identify faces in photos for the people who arrest burglars.",
    "that-detain": "Match stills for the team that detains shoplifters after the alarm.",
    "a-citys-finest": "Identify faces in photos for Tucson's finest.",
    "finest-at-the-end": "Identify faces for the city's finest.",
    "bobbies": "Identify faces for the bobbies.",
    "old-bill": "Identify faces in the photos the old bill sends.",
}


@pytest.mark.parametrize("text", POLICE_BY_WHAT_THEY_DO.values(), ids=POLICE_BY_WHAT_THEY_DO.keys())
def test_the_police_by_what_they_do_beside_recognition_say_law_enforcement(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(vendor_recognising(text))


@pytest.mark.parametrize(
    "text",
    [
        "Identify faces of the people who stop shoplifters at the door, for our own staff rota.",
        "Identify faces for the city's finest restaurants' loyalty programme.",
    ],
)
def test_stopping_someone_or_a_citys_finest_things_are_no_police(text: str) -> None:
    assert decide(vendor_recognising(text)).allowed


@pytest.mark.parametrize("word", ["sbirri", "flikken", "politi", "rozzers"])
def test_a_party_named_by_a_word_no_read_language_has_is_a_served_party(word: str) -> None:
    fired = rules_fired(vendor_recognising(f"Identify faces in photos for the {word}."))

    assert DECLARATION_INCONSISTENT.id in fired


@pytest.mark.parametrize("text", ["Identify faces for the kiosk check-in.", "Identify faces for the ui team."])
def test_a_party_named_by_a_read_word_or_a_short_code_is_none(text: str) -> None:
    assert decide(vendor_recognising(text)).allowed


@pytest.mark.parametrize("word", ["p*lice", "pol!ce", "p@lice", "po**li**ce", "f#ce"])
def test_a_word_with_signs_for_letters_is_unread_where_pictures_are(word: str) -> None:
    verdict = decide(vendor_recognising(f"Identify {word} customers in photos."))

    assert DECLARATION_INCOMPLETE.id in {f.rule for f in verdict.findings}
    assert word in " ".join(f.message for f in verdict.findings)


@pytest.mark.parametrize(
    "text",
    [
        "Identify faces of members; questions to ops@vendor.example.",
        "Identify faces of members in **bold** on the badge.",
        "Identify faces of members (HR/IT) at the lobby.",
    ],
)
def test_a_mailbox_emphasis_or_a_slash_hides_no_letters(text: str) -> None:
    assert decide(vendor_recognising(text)).allowed


@pytest.mark.parametrize(
    "where",
    ["32.2226, -110.9747", "32.2226 N, 110.9747 W", "40°42′N 74°00′W", "21.3069, -157.8583"],
    ids=["decimal", "hemispheres", "minutes", "honolulu"],
)
def test_coordinates_in_the_united_states_are_a_us_place(where: str) -> None:
    stack = recognition_for_british_police(f"Match custody photos for the force; later a pilot at {where}.")

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


@pytest.mark.parametrize(
    "where", ["51.5072, -0.1276", "5, 10 or 20 photos", "thresholds 0.6, -0.9"], ids=["london", "counts", "scores"]
)
def test_coordinates_abroad_and_numbers_are_no_us_place(where: str) -> None:
    stack = recognition_for_british_police(f"Match custody photos for the force at {where}.")

    assert decide(stack).allowed


# M. A US city's name that is also a surname, a word or a town elsewhere is a US place only as a place (review R16).

NAMES_AS_PLACES_ELSEWHERE = {
    "a-sergeants-surname": "Match custody photos for the force; DS Ferguson and DC Compton review each match.",
    "a-stone": "Match custody photos for the force; the flint-grey dashboard shows each one.",
    "a-town-in-wales": "Match custody photos for the force at the Flint custody suite in North Wales.",
    "lincolnshires-boston": "Match custody photos for Lincolnshire Police at the Boston custody suite.",
    "dorsets-portland": "Match custody photos for Dorset Police at Portland.",
    "newark-on-trent": "Match custody photos for the force in Newark-on-Trent.",
    "gloucestershires-berkeley": "Match custody photos for the force in Berkeley, Gloucestershire.",
    "a-road": "Match custody photos for the force at Queens Road station.",
    "a-table-es": "Comparar fotos de custodia para la policía británica en la mesa de revisión.",
}


@pytest.mark.parametrize("text", NAMES_AS_PLACES_ELSEWHERE.values(), ids=NAMES_AS_PLACES_ELSEWHERE.keys())
def test_a_us_citys_name_used_otherwise_is_no_us_place(text: str) -> None:
    assert decide(recognition_for_british_police(text)).allowed


US_CITIES_SO_NAMED = {
    "in-ferguson": "Match custody photos for the force; later a pilot in Ferguson.",
    "ferguson-police": "Match custody photos for the force; later also for the Ferguson police.",
    "police-of-compton": "Match custody photos for the force; later for the police of Compton.",
    "in-queens": "Match custody photos for the force; later in Queens.",
    "mesa-police": "Match custody photos for the force; a pilot for Mesa police.",
    "boston-unqualified": "Match custody photos for the force; a pilot in Boston.",
    "flint-michigan": "Match custody photos for the force at the Flint custody suite in Flint, Michigan.",
}


@pytest.mark.parametrize("text", US_CITIES_SO_NAMED.values(), ids=US_CITIES_SO_NAMED.keys())
def test_the_same_names_as_places_in_the_us_are_us_places(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(recognition_for_british_police(text))


# N. A proof of clause 2's facts counts only said alone: not denied, and not widened to more (review R18).

LIVE_ON_BODY_CAMERAS: Final = fr_facts(realtime=True, cameras=("body_worn",))
LIVE_IN_THE_STREET: Final = fr_facts(realtime=True, environment="uncontrolled")
BODY_CAMERAS_IN_THE_STREET: Final = fr_facts(cameras=("body_worn",), environment="uncontrolled")

PROOFS_DENIED_OR_WIDENED = {
    "place-denied": (LIVE_ON_BODY_CAMERAS, "Body-worn cameras identify detainees live, not in the custody suite."),
    "place-never": (LIVE_ON_BODY_CAMERAS, "Body-worn cameras identify detainees live, never in the custody suite."),
    "place-and-during": (
        LIVE_ON_BODY_CAMERAS,
        "Body-worn cameras identify detainees live in the custody suite and during arrests.",
    ),
    "place-not-only-es": (
        LIVE_ON_BODY_CAMERAS,
        "Las cámaras corporales identifican a detenidos en directo, no solo en la comisaría.",
    ),
    "place-not-only-fr": (
        LIVE_ON_BODY_CAMERAS,
        "Les caméras-piétons identifient les détenus en direct, pas seulement au commissariat.",
    ),
    "place-not-only-de": (
        LIVE_ON_BODY_CAMERAS,
        "Körperkameras identifizieren Festgenommene live, nicht nur in der Polizeiwache.",
    ),
    "place-not-only-pt": (
        LIVE_ON_BODY_CAMERAS,
        "As câmeras corporais identificam detidos ao vivo, não só na delegacia.",
    ),
    "fixed-as-well-as": (
        LIVE_IN_THE_STREET,
        "Fixed cameras as well as the ones officers have recognise faces live in the street.",
    ),
    "fixed-not-only": (LIVE_IN_THE_STREET, "Faces are recognised live in the street, not only from fixed cameras."),
    "fixed-without-es": (LIVE_IN_THE_STREET, "Se reconocen caras en directo en la calle, sin cámaras fijas."),
    "fixed-without-fr": (
        LIVE_IN_THE_STREET,
        "Les visages sont reconnus en direct dans la rue, sans vidéosurveillance.",
    ),
    "fixed-without-de": (LIVE_IN_THE_STREET, "Gesichter werden live auf der Straße erkannt, ohne Videoüberwachung."),
    "fixed-but-also-pt": (
        LIVE_IN_THE_STREET,
        "Rostos são reconhecidos ao vivo na rua, com câmeras fixas e também outras.",
    ),
    "after-and-live": (BODY_CAMERAS_IN_THE_STREET, "Body-worn footage is matched after the fact, and live as well."),
    "after-not-just": (BODY_CAMERAS_IN_THE_STREET, "Body-worn footage is matched, not just after the fact."),
    "after-not-only-es": (
        BODY_CAMERAS_IN_THE_STREET,
        "Las imágenes de las cámaras corporales se comparan no solo posteriormente.",
    ),
    "after-and-also-fr": (
        BODY_CAMERAS_IN_THE_STREET,
        "Les images des caméras-piétons sont comparées a posteriori, et aussi pendant l'intervention.",
    ),
    "after-not-only-de": (BODY_CAMERAS_IN_THE_STREET, "Bodycam-Aufnahmen werden nicht nur nachträglich abgeglichen."),
    "after-and-also-pt": (
        BODY_CAMERAS_IN_THE_STREET,
        "As imagens das câmeras corporais são comparadas mais tarde e também durante a abordagem.",
    ),
}


@pytest.mark.parametrize(("facts", "text"), PROOFS_DENIED_OR_WIDENED.values(), ids=PROOFS_DENIED_OR_WIDENED.keys())
def test_a_proof_denied_or_widened_proves_nothing(facts: dict[str, Any], text: str) -> None:
    assert not decide(british_police_recognising(text, facts)).allowed


CAMERAS_PLACED_THEN_DENIED = {
    "not-in-but-outside": "Match faces from cameras, not in the custody suite but outside it.",
    "fixed-or-else": "Match faces from fixed cameras or other ones the team brings.",
    "besides-fixed": "Match faces from cameras besides the CCTV.",
}


@pytest.mark.parametrize("text", CAMERAS_PLACED_THEN_DENIED.values(), ids=CAMERAS_PLACED_THEN_DENIED.keys())
def test_a_camera_placed_only_in_a_denial_or_a_widening_is_unplaced(text: str) -> None:
    fired = rules_fired(recognition_for_british_police(text))

    assert DECLARATION_INCONSISTENT.id in fired


PROOFS_SAID_ALONE = {
    "only-in-the-suite": (
        LIVE_ON_BODY_CAMERAS,
        "Body-worn cameras identify detainees live, only in the custody suite.",
    ),
    "suite-not-street": (
        LIVE_ON_BODY_CAMERAS,
        "Body-worn cameras identify detainees live in the custody suite, never anywhere else.",
    ),
    "after-not-live": (BODY_CAMERAS_IN_THE_STREET, "Body-worn footage is matched after the fact, not in real time."),
    "fixed-es": (LIVE_IN_THE_STREET, "Las cámaras fijas de los edificios reconocen caras en directo en la calle."),
    "no-delay-in-the-suite": (
        LIVE_ON_BODY_CAMERAS,
        "Body-worn cameras identify detainees live with no delay in the custody suite.",
    ),
}


@pytest.mark.parametrize(("facts", "text"), PROOFS_SAID_ALONE.values(), ids=PROOFS_SAID_ALONE.keys())
def test_a_proof_said_alone_still_proves(facts: dict[str, Any], text: str) -> None:
    assert decide(british_police_recognising(text, facts)).allowed


# O. Capture on the move, and routes through a crowd, in the five languages (review R18).

ON_THE_MOVE = {
    "mobile-checks": "Officers run mobile identity checks; faces are matched against the watchlist.",
    "on-the-move": "Faces are matched on the move against the watchlist.",
    "on-the-go": "Officers match faces on the go against the watchlist.",
    "on-the-spot": "Officers identify people on the spot from their faces.",
    "in-motion": "Faces are matched against the watchlist while officers are in motion.",
    "pop-up-checkpoints": "Faces are matched at pop-up checkpoints against the watchlist.",
    "there-and-then": "Officers learn there and then who the person is from the face.",
    "es": "Los agentes comparan caras con la lista de buscados en movimiento.",
    "fr": "Les agents comparent les visages avec la liste des personnes recherchées en mouvement.",
    "de-unterwegs": "Die Beamten gleichen Gesichter unterwegs mit der Fahndungsliste ab.",
    "de-vor-ort": "Die Beamten gleichen Gesichter vor Ort mit der Fahndungsliste ab.",
    "pt": "Os agentes comparam rostos com a lista de procurados em movimento.",
    "pt-no-local": "Identificação no local: os agentes comparam rostos com a lista de procurados.",
}


@pytest.mark.parametrize("text", ON_THE_MOVE.values(), ids=ON_THE_MOVE.keys())
def test_capture_on_the_move_contradicts_fixed_cameras(text: str) -> None:
    verdict = decide(british_police_recognising(text))

    assert not verdict.allowed
    messages = " ".join(f.message for f in verdict.findings if f.rule == DECLARATION_INCONSISTENT.id)
    assert "useCase.facialRecognition.cameras lists only fixed" in messages


ALONG_A_ROUTE = {
    "marathon": "Faces are matched against the watchlist along the marathon route.",
    "procession": "Faces are matched against the watchlist on the procession route.",
    "es": "Se comparan caras con la lista de buscados en el recorrido de la procesión.",
    "fr": "Les visages sont comparés avec la liste sur le parcours du marathon.",
    "de": "Gesichter werden an der Marathonstrecke mit der Fahndungsliste abgeglichen.",
    "pt": "Os rostos são comparados com a lista no percurso da maratona.",
}


@pytest.mark.parametrize("text", ALONG_A_ROUTE.values(), ids=ALONG_A_ROUTE.keys())
def test_a_route_through_a_crowd_contradicts_a_controlled_place(text: str) -> None:
    verdict = decide(british_police_recognising(text))

    messages = " ".join(f.message for f in verdict.findings if f.rule == DECLARATION_INCONSISTENT.id)
    assert "useCase.facialRecognition.environment is controlled" in messages


def test_motion_detection_on_fixed_cameras_is_no_capture_on_the_move() -> None:
    text = "Fixed CCTV in the custody suite, with motion detection, matches detainees' faces after the fact."

    assert decide(british_police_recognising(text)).allowed


# P. The police by their colour, and by what only they do, beside recognition (review R18).

POLICE_IN_BLUE = {
    "men-and-women": "Summarise incident reports for the men and women in blue.",
    "people": "Summarise incident reports for the people in blue in our city.",
    "es": "Resumir los informes de incidentes para los de azul.",
    "fr": "Résumer les rapports d'incident pour les hommes en bleu.",
    "de": "Einsatzberichte für die in Blau zusammenfassen.",
    "pt": "Resumir os relatórios de ocorrências para os de azul.",
}


@pytest.mark.parametrize("text", POLICE_IN_BLUE.values(), ids=POLICE_IN_BLUE.keys())
def test_the_police_by_their_colour_are_a_police_customer(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(config(use_case(purpose=text, servedParties=[])))


DRESSED_IN_BLUE = {
    "shirts": "Sort the event photos of people in blue shirts into one album.",
    "team": "Write match reports for the fans of the team in blue.",
    "es": "Clasificar las fotos de los invitados vestidos de azul.",
    "fr": "Trier les photos des invités habillés en bleu.",
}


@pytest.mark.parametrize("text", DRESSED_IN_BLUE.values(), ids=DRESSED_IN_BLUE.keys())
def test_people_dressed_in_blue_are_no_police(text: str) -> None:
    assert decide(config(use_case(purpose=text, servedParties=[]))).allowed


POLICE_WORK_BESIDE_RECOGNITION = {
    "make-the-arrests": "Identify faces in store stills for the people who make the arrests.",
    "handcuffs": "Identify faces in stills so that the right person ends up in handcuffs.",
    "handcuffs-es": "Identificar caras en fotos para que esposen a la persona correcta.",
    "handcuffs-fr": "Identifier les visages pour que la bonne personne finisse menottée.",
    "handcuffs-de": "Gesichter auf Fotos identifizieren, damit die richtige Person Handschellen bekommt.",
    "handcuffs-pt": "Identificar rostos em fotos para que a pessoa certa seja algemada.",
    "911-calls": "Identify faces in doorbell stills attached to 911 calls.",
    "911-dispatch": "Identify faces in stills for 911 dispatch.",
    "badges": "Identify faces in stills for people with badges in Ohio.",
    "badge-carrying": "Identify faces in stills for badge-carrying customers.",
    "clearview": "Identify faces in stills; the people who use it are Clearview customers.",
}


@pytest.mark.parametrize("text", POLICE_WORK_BESIDE_RECOGNITION.values(), ids=POLICE_WORK_BESIDE_RECOGNITION.keys())
def test_police_work_beside_recognition_says_law_enforcement(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(vendor_recognising(text))


@pytest.mark.parametrize(
    "text",
    [
        "Identify faces in wedding photos of the husbands and wives (esposos y esposas).",
        "Identify faces of visitors at our office doors; staff wear badges.",
    ],
)
def test_wives_and_staff_badges_beside_recognition_are_no_police(text: str) -> None:
    assert decide(vendor_recognising(text)).allowed


# Q. The users or customers of an organisation are served through it (review R18).

USERS_OF_A_NAME = {
    "users": "Identify faces in stills for users of Clearview.",
    "customers": "Identify faces in stills for customers of the Springfield PD.",
    "es": "Identificar caras en fotos para los clientes de Contoso.",
    "fr": "Identifier les visages pour les utilisateurs de Contoso.",
    "de": "Gesichter auf Fotos für Kunden von Contoso identifizieren.",
    "pt": "Identificar rostos em fotos para os usuários da Contoso.",
}


@pytest.mark.parametrize("text", USERS_OF_A_NAME.values(), ids=USERS_OF_A_NAME.keys())
def test_the_users_of_a_named_organisation_name_a_served_party(text: str) -> None:
    assert served_parties_named(text)
    assert DECLARATION_INCONSISTENT.id in rules_fired(vendor_recognising(text))


@pytest.mark.parametrize(
    "text",
    [
        "Identify faces for users of the app at the lobby.",
        "Identify faces for customers of our shop at the door.",
        "Identify faces for members of the public who opt in.",
    ],
)
def test_the_users_of_a_thing_or_the_operators_own_are_no_served_party(text: str) -> None:
    assert decide(vendor_recognising(text)).allowed


# R. A force's name run together with other words in a resource's name or the owner (review R18).

FORCES_RUN_TOGETHER = {
    "prefixed-nypd": "contosonypdfacematch",
    "prefixed-sfpd": "vendorsfpdsearch",
    "prefixed-lapd": "acmelapdphotos",
    "prefixed-police": "contosopolicefaces",
    "prefixed-policia": "acmepoliciafotos",
    "lapd-first": "lapdfaces",
    "sheriff-after-a-hyphen": "acme-sheriffsearch",
}


@pytest.mark.parametrize("token", FORCES_RUN_TOGETHER.values(), ids=FORCES_RUN_TOGETHER.keys())
@pytest.mark.parametrize("where", ["name", "owner", "accountName"])
def test_a_force_run_together_in_a_name_or_the_owner_is_the_police(token: str, where: str) -> None:
    if where == "accountName":
        stack = config(use_case(servedParties=[]))
        stack["service"]["accountName"] = token
    elif where == "owner":
        stack = config(use_case(owner=f"{token}@vendor.example", servedParties=[]))
    else:
        stack = config(use_case(name=token, servedParties=[]))

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


@pytest.mark.parametrize("token", ["apolice-seguro", "policies-bot", "policiamento-faq"])
def test_words_that_hold_a_force_word_are_no_force_run_together(token: str) -> None:
    assert decide(config(use_case(name=token, servedParties=[]))).allowed


# S. Live, mobile and street words denied are not said; a denial that admits them is none (review R18).

WORDS_DENIED = {
    "never-matched-live": "Custody photos are never matched live; the fixed camera in the custody suite is used later.",
    "not-on-patrol": "Custody photos are compared after the fact in the custody suite, not on patrol.",
    "no-body-cameras": "Fixed cameras in the custody suite; no body-worn cameras, no drones.",
    "never-in-the-street": "Fixed cameras in the custody suite, never in the street; matching after the fact.",
    "without-body-cameras": "Fixed cameras in the custody suite, without body-worn cameras; matching after the fact.",
    "neither-nor": "Fixed cameras in the custody suite, neither on patrol nor in the street; matching afterwards.",
    "de": "Feste Kameras im Polizeigewahrsam, nicht auf Streife; Abgleich am Folgetag.",
    "fr": "Caméras fixes au commissariat, jamais en patrouille; comparaison le lendemain.",
    "es": "Cámaras fijas en la comisaría, nunca en la calle; comparación al día siguiente.",
    "es-no-en": "Cámaras fijas en la comisaría, no en la calle; comparación al día siguiente.",
    "pt": "Câmeras fixas na delegacia, nunca na rua; comparação no dia seguinte.",
}


@pytest.mark.parametrize("text", WORDS_DENIED.values(), ids=WORDS_DENIED.keys())
def test_a_live_mobile_or_street_word_denied_is_not_said(text: str) -> None:
    assert decide(british_police_recognising(text)).allowed


WORDS_STILL_SAID = {
    "denied-then-said": "Fixed cameras in the custody suite, not on patrol or on patrol as needed; after the fact.",
    "denied-then-real-time": "Match custody photos from fixed cameras, not in real time or in real time as needed.",
    "unless": "Fixed cameras in the custody suite, not on patrol unless the chief asks; after the fact.",
    "except": "Fixed cameras in the custody suite, never in the street except at big events; after the fact.",
    "es-salvo": "Cámaras fijas en la comisaría, nunca en la calle salvo en eventos; comparación al día siguiente.",
    "not-only": "Fixed cameras in the custody suite, and not only on patrol; after the fact.",
    "denied-another-word": "Fixed cameras in the custody suite, not the cells, on patrol; after the fact.",
    "pt-no-is-in-the": "Câmeras fixas na delegacia e no patrulhamento; comparação no dia seguinte.",
    # A denial of another word, with only a comma or a colon between, which folded text does not keep.
    "not-recorded-comma-live": "Fixed cameras in the custody suite; video is not recorded, live identification.",
    "never-delayed-colon-live": "Fixed cameras in the custody suite. Never delayed: live identification of faces.",
    "never-stored-matched-live": "Fixed cameras in the custody suite; faces are never stored, matched live.",
}


@pytest.mark.parametrize("text", WORDS_STILL_SAID.values(), ids=WORDS_STILL_SAID.keys())
def test_a_word_said_beside_its_denial_or_despite_it_is_still_said(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(british_police_recognising(text))


# T. Ordinary words that read as the street, recognition or the police (review R18).

ADDRESSES = {
    "en-high-street": "Verify members at the door of our office at 12 High Street with the fixed camera.",
    "en-comma": "Verify members at our office, 5 Baker Street, with the fixed camera.",
    "pt": "Verificar os sócios na porta do escritório da Rua Augusta 20 com a câmera fixa.",
    "fr": "Vérifier les membres à l'entrée du bureau au 12 rue de la Paix avec la caméra fixe.",
    "es": "Verificar a los socios en la oficina de la calle Mayor 5 con la cámara fija.",
}


@pytest.mark.parametrize("text", ADDRESSES.values(), ids=ADDRESSES.keys())
def test_a_buildings_street_address_is_not_the_street(text: str) -> None:
    assert decide(vendor_recognising(text)).allowed


@pytest.mark.parametrize(
    "text",
    [
        "Faces are matched in the street outside 12 High Street.",
        "Faces are matched on the streets around Rua Augusta 20.",
    ],
)
def test_the_street_beside_an_address_is_still_the_street(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(vendor_recognising(text))


def test_a_conference_is_no_check_of_who_someone_is() -> None:
    text = "Selecionar as melhores fotos dos rostos na conferência."
    stack = config(use_case(purpose=text, servedParties=[], capabilities=["image_analysis"]))

    assert decide(stack).allowed


def test_checking_a_face_against_a_photo_is_still_recognition() -> None:
    text = "Conferir o rosto do cliente com a foto do documento."
    stack = config(use_case(purpose=text, servedParties=[], capabilities=["image_analysis"]))

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


ABBREVIATIONS_DEFINED = {
    "pupillary-distance": "Measure pupillary distance (PD) from a selfie for online glasses orders.",
    "used-again": "Measure the pupillary distance (PD) from a selfie; the PD goes on the glasses order.",
    "parkinsons": "Summarise Parkinson's disease (PD) research papers for neurologists.",
}


@pytest.mark.parametrize("text", ABBREVIATIONS_DEFINED.values(), ids=ABBREVIATIONS_DEFINED.keys())
def test_an_abbreviation_defined_in_brackets_is_what_it_abbreviates(text: str) -> None:
    assert decide(config(use_case(purpose=text, servedParties=[]))).allowed


@pytest.mark.parametrize(
    "text",
    [
        "Summarise incident reports for the PD.",
        "Measure pupillary distance (PD) for glasses; also summarise reports for the Chicago PD.",
        "Summarise incident reports for the Police Department (PD).",
        # A force's initials defined as something else are still the force's.
        "We run the Northern Yard Planning Department (NYPD) desk; summarise incident reports for the NYPD.",
        "Summarise the Facilities Budget Index (FBI) for the FBI.",
    ],
)
def test_pd_undefined_or_after_a_name_is_still_a_police_department(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(config(use_case(purpose=text, servedParties=[])))


# U. A disclaimer that ends its sentence, and places named for the police, name no customer (review R21).

NO_POLICE_CUSTOMER = {
    "no-agency-uses-it": "Answer billing questions in the support portal. No police or law-enforcement agency uses it.",
    "not-sold-to": "Answer billing questions; it is not sold to police departments or sheriffs.",
    "nothing-to-do-with": "Draft replies for agents; this tool has nothing to do with law enforcement.",
    "not-for-use-by": "Summarize HR tickets. Not for use by the police.",
    "sheriff-street": "Answer customer questions for our shop on Sheriff Street in Dublin.",
    "police-poland": "Answer customer questions for our store in Police, Poland.",
    "sheriff-hutton": "Answer questions from visitors to our tearoom in Sheriff Hutton.",
}


@pytest.mark.parametrize("text", NO_POLICE_CUSTOMER.values(), ids=NO_POLICE_CUSTOMER.keys())
def test_a_disclaimer_or_a_place_named_for_the_police_names_no_customer(text: str) -> None:
    assert decide(config(use_case(purpose=text, servedParties=[]))).allowed


STILL_A_POLICE_CUSTOMER = {
    "a-force-after-the-disclaimer": "Summarize tickets. Not for use by the police in London but by the Boston police.",
    "an-exception": "Summarize reports. No police except the NYPD.",
    "a-unit-of-the-police": "Summarize reports for the police street team in Leeds.",
    "a-disclaimer-that-goes-on": "Summarize reports; not sold to the police in Leeds, only to sheriffs in Ohio.",
}


@pytest.mark.parametrize("text", STILL_A_POLICE_CUSTOMER.values(), ids=STILL_A_POLICE_CUSTOMER.keys())
def test_the_police_named_beside_a_disclaimer_are_still_a_customer(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(config(use_case(purpose=text, servedParties=[])))


# V. The owner's mailbox under a US agency's host, beside recognition (review R21).

OWNER_PURPOSE = "Match faces in uploaded photos to identities for our customer."


def owned_by(owner: str, operator: dict[str, str] | None = None) -> dict[str, Any]:
    """A vendor's recognition, as vendor_recognising, owned by ``owner`` and run by ``operator``."""
    return config(
        use_case(
            purpose=OWNER_PURPOSE,
            owner=owner,
            operator=operator or {"sector": "commercial", "country": "US"},
            servedParties=[],
            capabilities=["facial_recognition"],
            facialRecognition=fr_facts(),
        )
    )


@pytest.mark.parametrize(
    ("owner", "operator"),
    [
        ("it@ice.gov", None),
        ("fr@usss.dhs.gov", None),
        ("it@chp.ca.gov", None),
        ("it@njsp.gov", None),
        ("records@jail.example.us", None),
        ("it@usdoj.gov", None),
        # A body that enforces the law, whatever public sector the operator is declared.
        ("it@ice.gov", {"sector": "public_sector", "country": "US"}),
        # Any US government body, where no party is one.
        ("it@parks.nyc.gov", None),
    ],
)
def test_an_owner_under_a_us_agencys_host_beside_recognition_is_a_party_left_out(
    owner: str, operator: dict[str, str] | None
) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(owned_by(owner, operator))


@pytest.mark.parametrize(
    ("owner", "operator"),
    [
        ("it@example.com", None),
        ("it@parks.nyc.gov", {"sector": "public_sector", "country": "US"}),
        ("ops@army.mil", {"sector": "defense", "country": "US"}),
    ],
)
def test_an_owner_under_a_us_hosts_body_declared_as_a_party_is_no_contradiction(
    owner: str, operator: dict[str, str] | None
) -> None:
    assert decide(owned_by(owner, operator)).allowed


# W. The police by what they do, and other languages' generic names for them, beside recognition, whatever public
# body is declared served (review R21).

POLICE_BY_FUNCTION = {
    "investigate-crimes": "for those who investigate crimes in Chicago",
    "enforces-immigration-law": "for the agency that enforces immigration law",
    "warrant-service": "for the warrant service team in Phoenix",
    "bailiffs": "for court bailiffs in Georgia",
    "investigations-division": "for the state's criminal investigations division in Texas",
    "sworn-campus-officers": "for the university's sworn campus safety officers in Ohio",
    "es-fuerzas-del-orden": "for fuerzas del orden de Estados Unidos",
    "es-policiacas": "for corporaciones policiacas en California",
    "pt-forcas-da-lei": "for forças da lei norte-americanas",
    "pt-guarda-municipal": "for a guarda municipal de Miami",
    "fr-services-d-enquete": "for les services d'enquête américains",
    "le-customers": "for LE customers in Ohio",
    "crime-analysts": "for the crime analysts of the city of Chicago",
    "run-together": "for the policedepartment in Ohio",
}


@pytest.mark.parametrize("customer", POLICE_BY_FUNCTION.values(), ids=POLICE_BY_FUNCTION.keys())
def test_the_police_by_what_they_do_beside_recognition_are_law_enforcement_whatever_body_is_declared(
    customer: str,
) -> None:
    stack = config(
        use_case(
            purpose=f"Match faces in photos to identities {customer}.",
            servedParties=[{"sector": "public_sector", "country": "US"}],
            capabilities=["facial_recognition"],
            facialRecognition=fr_facts(),
        )
    )

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


# X. Aircraft, body-worn and in-car cameras by make and slang, and the officer's body as the mount (review R21).

CAPTURED_BY = {
    "chopper": "the chopper",
    "dji": "a DJI Matrice",
    "skydio": "a Skydio X10",
    "eye-in-the-sky": "the eye in the sky",
    "axon": "an Axon",
    "watchguard": "a WatchGuard unit",
    "motorola": "a Motorola V300",
    "panda-car": "the panda car",
    "jam-sandwich": "the jam sandwich",
    "area-car": "the area car",
    "lapel": "the officer's lapel",
    "helmet": "the officer's helmet",
}


@pytest.mark.parametrize("device", CAPTURED_BY.values(), ids=CAPTURED_BY.keys())
def test_a_camera_by_make_or_slang_or_on_the_officer_contradicts_fixed_cameras(device: str) -> None:
    text = f"Identify people from faces captured by {device}, matched against the watchlist so officers are alerted."

    assert DECLARATION_INCONSISTENT.id in rules_fired(british_police_recognising(text))


@pytest.mark.parametrize(
    "text",
    [
        "Compare black-and-white custody photos from the fixed camera in the custody suite after the fact.",
        "Compare custody photos from the fixed camera in the custody suite after the fact; details are never revealed.",
    ],
)
def test_words_beside_the_makes_and_slang_are_no_camera(text: str) -> None:
    assert decide(british_police_recognising(text)).allowed


# Y. The territories' towns, neighbourhoods and smaller cities are US places; a denial after a word that ends its
# sentence denies it (review R21).

US_TOWNS = ["Caguas", "Mayagüez", "Bayamón", "Ponce", "Dededo", "Hagåtña", "Charlotte Amalie", "the Tenderloin"]


@pytest.mark.parametrize("town", US_TOWNS)
def test_a_police_force_in_a_us_territorys_town_or_a_us_neighbourhood_is_a_us_force(town: str) -> None:
    text = f"Compare custody photos with custody records so officers of the police force in {town} can confirm it."

    assert DECLARATION_INCONSISTENT.id in rules_fired(british_police_recognising(text))


def test_a_town_that_is_also_a_surname_or_a_dish_is_a_place_only_as_one() -> None:
    text = "Write recipes for pork tenderloin, and a note on Mr Ponce's order."

    assert decide(config(use_case(purpose=text, servedParties=[]))).allowed


CUSTODY = "Compare photos taken in the custody suite with custody records after the fact; "

DENIED_AFTER = {
    "never-used": "footage from body-worn cameras is never used.",
    "not-involved": "the patrol team is not involved.",
    "not-used": "body-worn cameras are not used.",
}


@pytest.mark.parametrize("clause", DENIED_AFTER.values(), ids=DENIED_AFTER.keys())
def test_a_word_whose_sentence_ends_denying_it_is_not_said(clause: str) -> None:
    assert decide(british_police_recognising(CUSTODY + clause)).allowed


DENIAL_AFTER_NOT_ITS_OWN = {
    "only-at-night": "body-worn cameras are not used only at night.",
    "another-subject": "drones scan faces; CCTV is not used.",
}


@pytest.mark.parametrize("clause", DENIAL_AFTER_NOT_ITS_OWN.values(), ids=DENIAL_AFTER_NOT_ITS_OWN.keys())
def test_a_denial_after_a_word_of_another_subject_or_with_more_to_say_denies_nothing(clause: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(british_police_recognising(CUSTODY + clause))


# Z. Identification misspelt or shortened, declared as detection (review R21).


@pytest.mark.parametrize("text", ["Detect faces to ident suspects.", "Detect faces to idenitfy suspects."])
@pytest.mark.parametrize("capability", ["face_detection", "image_analysis"])
def test_identification_misspelt_or_shortened_is_still_recognition(text: str, capability: str) -> None:
    stack = config(use_case(purpose=text, servedParties=[], capabilities=[capability]))

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


def test_an_identity_card_or_an_identifier_is_no_typo_of_identification() -> None:
    text = "Detect faces in the frame and blur them; the frame's identifier is kept for the audit log."

    assert decide(config(use_case(purpose=text, servedParties=[], capabilities=["face_detection"]))).allowed


CUSTODY_PLACED = {
    "suite-on-a-named-street": "suite on Market Street.",
    "suite-on-the-high-street": "the custody suite is on the High Street.",
    "the-drone-of-the-ventilation": "the drone of the ventilation is loud.",
    "back-from-patrol": "officers return from patrol to the station before any comparison.",
}


@pytest.mark.parametrize("clause", CUSTODY_PLACED.values(), ids=CUSTODY_PLACED.keys())
def test_where_the_custody_suite_is_and_what_is_heard_there_is_no_street_or_drone(clause: str) -> None:
    assert decide(british_police_recognising(CUSTODY + clause)).allowed


@pytest.mark.parametrize(
    "clause",
    ["drones of the police unit film the crowd.", "officers on patrol in the street identify faces."],
)
def test_a_drone_or_a_patrol_at_work_is_still_one(clause: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(british_police_recognising(CUSTODY + clause))


OFFICERS_AT_WORK = {
    "walks-past": "When a wanted person walks past an officer, the officer is told who they are.",
    "move-through": "As officers move through the night-time economy, faces around them are compared with the list.",
    "about-their-duties": "Find wanted people among the public as officers go about their duties outside.",
    "any-face-the-officer-sees": "During a shift, any face the officer sees is compared with the watchlist.",
    "passing-their-position": "Officers in the operation get named matches for people passing their position.",
}


@pytest.mark.parametrize("text", OFFICERS_AT_WORK.values(), ids=OFFICERS_AT_WORK.keys())
def test_the_faces_an_officer_meets_where_the_officer_is_are_captured_on_the_move(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(british_police_recognising(text))


def test_the_detainee_in_front_of_a_custody_officer_is_no_capture_on_the_move() -> None:
    text = "Custody officers confirm, in the custody suite and after the fact, who the person in front of them is."

    assert decide(british_police_recognising(text)).allowed


TIED_TO_WHO = {
    "booking-number": "Detect faces; staff receive the associated booking number.",
    "one-person-per-cluster": "Cluster detected faces so each cluster is one person across all cases.",
    "john-doe": "Detect faces to tell whether it is John Doe #12 from the earlier case.",
    "social-media": "Detect faces and link them to their social media accounts.",
}


@pytest.mark.parametrize("text", TIED_TO_WHO.values(), ids=TIED_TO_WHO.keys())
def test_a_face_tied_to_who_it_is_declared_as_detection_is_recognition(text: str) -> None:
    stack = config(use_case(purpose=text, servedParties=[], capabilities=["face_detection"]))

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


def test_a_video_tied_to_its_case_beside_blurred_faces_is_no_recognition() -> None:
    text = "Detect faces and blur them; link the video to the case file."

    assert decide(config(use_case(purpose=text, servedParties=[], capabilities=["face_detection"]))).allowed


@pytest.mark.parametrize(
    "text",
    [
        "Verify the identity of customers who visit our branch in Sheriff Hutton against their passport photo.",
        "Verify customers of our bank on Police Street in Manchester against their ID photos.",
    ],
)
def test_a_place_named_for_the_police_beside_recognition_is_no_police_customer_or_street(text: str) -> None:
    stack = vendor_recognising(text, "GB")

    assert decide(stack).allowed


# AA. The people who send, sell or own the thing pictured are not in the picture, and people said never to be
# identified are no one identified (review R21, ordinary stacks).
PICTURES_OF_THINGS = {
    "people-send": "Name the dog breed in pictures people send.",
    "products-people-sell": "Tag pictures of products that people sell on our marketplace.",
    "people-never-identified": "Tag photos of products; people are never identified.",
    "customers-not-named": "Caption the photos of each listing; customers are not named.",
}


@pytest.mark.parametrize("capabilities", [["image_analysis"], ["text_generation"]])
@pytest.mark.parametrize("text", PICTURES_OF_THINGS.values(), ids=PICTURES_OF_THINGS.keys())
def test_pictures_of_things_people_send_or_sell_identify_no_one(text: str, capabilities: list[str]) -> None:
    assert decide(config(use_case(purpose=text, servedParties=[], capabilities=capabilities))).allowed


PEOPLE_IN_PICTURES_PEOPLE_SEND = {
    "identify-the-people": "Identify the people in pictures people send.",
    "suspects-officers-take": "Tag pictures of suspects that officers take.",
    "bystanders-spared": "Name the people in the photos; bystanders are never identified.",
    "faces-people-upload": "Match faces in photos people upload to the watchlist.",
}


@pytest.mark.parametrize("text", PEOPLE_IN_PICTURES_PEOPLE_SEND.values(), ids=PEOPLE_IN_PICTURES_PEOPLE_SEND.keys())
def test_the_people_pictured_are_still_identified_beside_the_people_who_send_the_pictures(text: str) -> None:
    stack = config(use_case(purpose=text, servedParties=[], capabilities=["image_analysis"]))

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


# AB. Where the custody suite stands and where its detainees were arrested are not where faces are captured
# (review R21, ordinary stacks).
CUSTODY_PLACES = {
    "faces-the-car-park": "Compare custody photos with custody records; the suite faces the car park.",
    "next-to-the-bus-station": "Compare custody photos with custody records; the custody suite is on Station Road, "
    "next to the bus station.",
    "arrested-at-matches": "Compare custody photos with custody records; detainees arrested at football matches are "
    "included once booked in.",
    "arrested-in-town-centres": "Confirm the identity of people arrested in town centres, from custody photos.",
    "brought-in-from-the-streets": "Confirm the identity of people brought in from the streets, from custody photos.",
}


@pytest.mark.parametrize("text", CUSTODY_PLACES.values(), ids=CUSTODY_PLACES.keys())
def test_where_the_suite_stands_or_its_detainees_were_arrested_is_no_capture_in_the_wild(text: str) -> None:
    assert decide(british_police_recognising(text)).allowed


FACES_IN_THOSE_PLACES = {
    "people-near-the-station": "Identify people near the bus station from the custody camera.",
    "arrested-in-the-crowd-at-the-stadium": "Identify people arrested in the crowd at the stadium.",
    "photos-taken-from-the-crowd": "Identify people in photos taken from the crowd.",
    "caught-on-camera-in-the-street": "Identify people caught on camera in the street.",
    "car-park-next-to-the-station": "Identify people in the car park next to the station.",
}


@pytest.mark.parametrize("text", FACES_IN_THOSE_PLACES.values(), ids=FACES_IN_THOSE_PLACES.keys())
def test_faces_captured_in_the_street_or_a_crowd_beside_a_station_or_an_arrest_are_in_the_wild(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(british_police_recognising(text))


# AC. A disclaimer that shares nothing with the police, or ends a list of denials, names no customer, beside
# recognition too; one with an exception after it names the exception (review R21, ordinary stacks).
DISCLAIMERS = {
    "never-sold-to-or-used-for": "Verify that a customer's selfie matches their ID photo at onboarding. Never sold to "
    "or used for police or any law-enforcement agency.",
    "does-not-share-with": "Verify account holders against their enrolled photo; the bank does not share results "
    "with law enforcement.",
    "a-list-of-denials": "Verify account holders against their enrolled photo; no police, no resale, no marketing.",
}


@pytest.mark.parametrize("text", DISCLAIMERS.values(), ids=DISCLAIMERS.keys())
def test_a_disclaimer_of_the_police_beside_recognition_names_no_customer(text: str) -> None:
    stack = vendor_recognising(text)

    assert decide(stack).allowed


DISCLAIMERS_WITH_AN_EXCEPTION = {
    "but-the-nypd": "Verify customers from their photos; no police, no cops but the NYPD.",
    "outside-texas": "Verify customers from their photos; we do not share results with law enforcement outside Texas.",
    "but-the-sheriff": "Verify customers from their photos; results are not shared with the police but are sold to "
    "the sheriff.",
}


@pytest.mark.parametrize("text", DISCLAIMERS_WITH_AN_EXCEPTION.values(), ids=DISCLAIMERS_WITH_AN_EXCEPTION.keys())
def test_a_disclaimer_with_an_exception_after_it_names_the_exception(text: str) -> None:
    stack = vendor_recognising(text)

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


# AD. A controlled place proves where faces are captured only when the capture is in it: not outside it, around it,
# on the way to it, or beside a second flow said after it (review R22).
LIVE_MOBILE_NEAR_A_CONTROLLED_PLACE = {
    "around-the-station": "Officers identify people live with handheld cameras in the neighbourhood around the "
    "police station.",
    "roads-to-the-courtroom": "Officers identify people live with tablets on the roads leading to the courtroom.",
    "outside-and-on-the-way": "Officers identify people live with handheld cameras outside the custody suite and on "
    "the way to it.",
    "until-they-reach-the-cells": "Body-worn cameras identify people live from the moment officers arrest them until "
    "they reach the cells.",
    "miles-from-the-station": "Handheld cameras identify people live anywhere within five miles of the police station.",
    "a-second-flow-after": "Live watchlist matching in the custody suite and on the body-worn camera of the arresting "
    "officer.",
    "and-on-arrests": "Live matching on the custody desk cameras, and on officers' body-worn cameras when they make "
    "arrests.",
}


@pytest.mark.parametrize("text", LIVE_MOBILE_NEAR_A_CONTROLLED_PLACE.values(), ids=LIVE_MOBILE_NEAR_A_CONTROLLED_PLACE)
def test_live_mobile_capture_outside_a_controlled_place_is_not_proved_controlled(text: str) -> None:
    facts = {"realtime": True, "cameras": ["handheld", "body_worn"], "environment": "controlled"}

    assert not decide(british_police_recognising(text, facts)).allowed


LIVE_MOBILE_IN_A_CONTROLLED_PLACE = {
    "in-the-custody-suite": "Live matching on officers' body-worn cameras in the custody suite.",
    "at-the-booking-desk-and-in-the-cells": "Live matching on body-worn cameras at the booking desk and in the cells.",
}


@pytest.mark.parametrize("text", LIVE_MOBILE_IN_A_CONTROLLED_PLACE.values(), ids=LIVE_MOBILE_IN_A_CONTROLLED_PLACE)
def test_live_mobile_capture_in_a_controlled_place_is_proved_controlled(text: str) -> None:
    facts = {"realtime": True, "cameras": ["body_worn"], "environment": "controlled"}

    assert decide(british_police_recognising(text, facts)).allowed


# AE. A force outside the US that serves other countries' forces without naming them may serve the US's; a US
# agency abroad is still a US agency (review R22).
FOREIGN_FORCES_SERVED = {
    "five-eyes": "Match custody desk photos against custody records after the fact, and answer face-match requests "
    "from our Five Eyes partner agencies.",
    "any-foreign-force": "Run face searches of our custody image archive after the fact for any foreign police force.",
    "the-requesting-member-country": "Match faces in notices against custody images and return matches to the "
    "requesting member country.",
    "diplomatic-security": "Diplomatic Security agents match visa applicants' photos against the lookout database.",
}


@pytest.mark.parametrize("text", FOREIGN_FORCES_SERVED.values(), ids=FOREIGN_FORCES_SERVED.keys())
def test_a_force_serving_unnamed_foreign_forces_or_a_us_agency_abroad_is_not_allowed(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(british_police_recognising(text))


OWN_AND_NAMED_PARTIES = {
    "our-officers": "Match custody photos for our officers.",
    "our-prosecutors": "Match custody photos; results are shared with our prosecutors.",
    "our-hr-department": "Match custody photos; results are shared with the professional standards department.",
}


@pytest.mark.parametrize("text", OWN_AND_NAMED_PARTIES.values(), ids=OWN_AND_NAMED_PARTIES.keys())
def test_a_force_sharing_results_with_its_own_people_serves_no_foreign_force(text: str) -> None:
    assert decide(british_police_recognising(text)).allowed


def test_passengers_travelling_abroad_are_no_party_their_matches_are_passed_to() -> None:
    text = "Verify passengers travelling to international destinations against their passport photos."
    stack = vendor_recognising(text, "GB")

    assert decide(stack).allowed


# AF. Where arrests are made, and officers going back out, are in the wild; a later phase of the project is no
# matching after the fact (review R22).
ARRESTS_AND_GOING_OUT = {
    "at-the-scene-of-an-arrest": "Live matching at the booking desk cameras; officers' body-worn cameras run the same "
    "matching at the scene of an arrest.",
    "go-back-out": "Body-worn cameras identify people live in the custody suite; officers keep them on when they go "
    "back out.",
    "when-they-make-arrests": "Live matching on body-worn cameras in the custody suite and when officers make arrests.",
}


@pytest.mark.parametrize("text", ARRESTS_AND_GOING_OUT.values(), ids=ARRESTS_AND_GOING_OUT.keys())
def test_where_arrests_are_made_or_officers_go_back_out_is_in_the_wild(text: str) -> None:
    facts = {"realtime": True, "cameras": ["fixed", "body_worn"], "environment": "controlled"}

    assert not decide(british_police_recognising(text, facts)).allowed


def test_a_later_phase_of_the_project_is_no_matching_after_the_fact() -> None:
    text = (
        "Identify people through officers' body-worn cameras on patrol; reporting dashboards follow in a later phase."
    )
    facts = {"realtime": False, "cameras": ["body_worn"], "environment": "uncontrolled"}

    assert not decide(british_police_recognising(text, facts)).allowed


def test_matching_later_is_after_the_fact() -> None:
    text = "Body-worn camera footage is matched later, at the station, against custody images."
    facts = {"realtime": False, "cameras": ["body_worn"], "environment": "uncontrolled"}

    assert decide(british_police_recognising(text, facts)).allowed


# AG. A contract that forbids police use names no customer; a vendor of the police's own products serves them
# (review R22).
FORBIDDING_DISCLAIMERS = {
    "contract-forbids": "Employees unlock the office turnstiles by face. Our contract forbids any use by police or "
    "law enforcement.",
    "licence-prohibits-resale": "Members unlock gym doors by face. Our licence terms prohibit resale to law "
    "enforcement.",
}


@pytest.mark.parametrize("text", FORBIDDING_DISCLAIMERS.values(), ids=FORBIDDING_DISCLAIMERS.keys())
def test_a_term_that_forbids_police_use_names_no_customer(text: str) -> None:
    stack = vendor_recognising(text)

    assert decide(stack).allowed


def test_police_officer_characters_in_a_game_are_no_customer() -> None:
    text = "Generate dialogue for the police officer characters in our video game."

    assert decide(config(use_case(purpose=text, servedParties=[], capabilities=["text_generation"]))).allowed


POLICE_PRODUCTS = {
    "evidence-management": "Face matching engine for our OEM partner, who embeds it in the digital evidence "
    "management platform it sells.",
    "computer-aided-dispatch": "Add face search to the computer-aided dispatch and records suite we license.",
    "evidence-platform": "Match faces across uploaded case media for our reseller's evidence platform customers.",
}


@pytest.mark.parametrize("text", POLICE_PRODUCTS.values(), ids=POLICE_PRODUCTS.keys())
def test_recognition_inside_a_product_sold_to_the_police_is_for_the_police(text: str) -> None:
    stack = config(
        use_case(
            purpose=text,
            operator=vendor(),
            servedParties=[vendor()],
            capabilities=["facial_recognition"],
            facialRecognition=fr_facts(),
        )
    )

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


# AH. A denial carried over by the verb that runs the matching, and a check of someone's picture, are no live
# mobile capture and no recognition (review R22, ordinary stacks).
def test_matching_that_never_runs_on_body_worn_cameras_names_no_mobile_camera() -> None:
    text = "Match custody desk photos against custody records after the fact; it never runs on body-worn cameras."

    assert decide(british_police_recognising(text)).allowed


def test_a_check_of_someones_picture_identifies_no_one() -> None:
    text = "Check that employee headshots uploaded to the intranet are well lit and centred."

    assert decide(config(use_case(purpose=text, servedParties=[], capabilities=["image_analysis"]))).allowed


def test_a_check_that_the_person_pictured_is_somebody_is_still_recognition() -> None:
    text = "Check that the person in the selfie is the account holder."
    stack = config(use_case(purpose=text, servedParties=[], capabilities=["image_analysis"]))

    assert DECLARATION_INCONSISTENT.id in rules_fired(stack)


# AI. Another party that sends the operator work too is served, wherever it is, while servedParties says no one
# is (review R24): its country is undeclared, so a force abroad may be serving US police it does not name.
SENT_TOO = {
    "a-city-the-lists-lack": "Syracuse detectives may submit photos too.",
    "a-department-by-its-town": "the Savannah department sends photos too.",
    "officers-of-named-towns": "officers in Ithaca and Poughkeepsie send photos too.",
    "partner-forces": "partner forces south of the border submit photos too.",
    "a-bureaus-field-office": "the Bureau's field office in Albany may submit photos too.",
    "requests-that-also-arrive": "requests also arrive from the Bellingham department.",
    "neighbours": "our neighbours across Lake Champlain send photos too.",
    "spanish": "el departamento de la ciudad gemela de Juárez también envía fotos.",
}


@pytest.mark.parametrize("sent", SENT_TOO.values(), ids=SENT_TOO.keys())
def test_another_party_that_sends_photos_too_is_a_served_party_left_out(sent: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(british_police_recognising(CUSTODY + sent))


OWN_TOO = {
    "the-operators-own-people": "investigators submit stills from CCTV too.",
    "our-detectives": "our detectives also submit stills.",
    "a-team-that-also-uses-it": "the custody team also uses it to check records.",
}


@pytest.mark.parametrize("sent", OWN_TOO.values(), ids=OWN_TOO.keys())
def test_the_operators_own_people_sending_photos_too_serve_no_one_else(sent: str) -> None:
    assert decide(british_police_recognising(CUSTODY + sent)).allowed


# AJ. Signs for letters inside or at the edge of a word are read as the letters they stand for, as digits are
# (review R24): "$" for s, "|>" for p; an amount of money keeps its sign.
SIGNED = {
    "dollar-signs": "Identify wanted people from the $tr33t$ cameras as they walk past.",
    "a-sign-inside-digits": "Identify wanted people from the officers' l1v3$7r34m.",
    "a-pipe-and-angle-for-p": "Identify wanted people for officers on |>atrol.",
    "eight-for-b": "Identify wanted people from 80dyc4m5.",
}


@pytest.mark.parametrize("text", SIGNED.values(), ids=SIGNED.keys())
def test_signs_for_letters_are_read_as_the_letters(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id in rules_fired(british_police_recognising(text))


def test_an_amount_of_money_keeps_its_sign() -> None:
    text = "Compare custody photos taken in the custody suite with custody records; it costs $5 per search."

    assert decide(british_police_recognising(text)).allowed


# AK. A proof beside wording of its opposite is a decoy (review R26): "after each stop starts" beside "the officer
# gets the name back during the stop", "fixed ones on officers' vests", "in the custody suite" beside "out on the
# estate"; a denial of the opposite ("never in real time", "no live matching") keeps the proof.
REALTIME_ON_FIXED_CAMERAS: Final = fr_facts(realtime=True, environment="uncontrolled", cameras=("fixed",))
DECOY_PROOFS = {
    "after-then-during": (
        BODY_CAMERAS_IN_THE_STREET,
        "Body-worn clips are uploaded and matched after each stop starts; the officer gets the name back during the "
        "stop.",
    ),
    "after-while-still-talking": (
        BODY_CAMERAS_IN_THE_STREET,
        "Each body-worn clip is uploaded and matched after each encounter begins, so the officer has the name while "
        "still talking to the person.",
    ),
    "after-before-letting-go": (
        BODY_CAMERAS_IN_THE_STREET,
        "Footage is uploaded and matched after each encounter begins, and the officer hears the name before letting "
        "the person go.",
    ),
    "after-waits-for-the-name": (
        BODY_CAMERAS_IN_THE_STREET,
        "Matching happens after the upload: the officer on the street sends the frame and waits for the name.",
    ),
    "after-es-mientras": (
        BODY_CAMERAS_IN_THE_STREET,
        "Los vídeos de las cámaras corporales se comparan después de cada subida, mientras el agente sigue con la "
        "persona.",
    ),
    "suite-then-estate": (
        LIVE_ON_BODY_CAMERAS,
        "Body cameras name faces in the custody suite; the same officers keep them on out on the estate.",
    ),
    "suite-fr-dans-la-rue": (
        LIVE_ON_BODY_CAMERAS,
        "Les caméras-piétons identifient les visages en garde à vue, et les agents les gardent dans la rue.",
    ),
    "fixed-on-vests": (
        REALTIME_ON_FIXED_CAMERAS,
        "Live naming of the faces in the stadium crowd from fixed cameras on officers' vests.",
    ),
    "cctv-and-chest-units": (
        REALTIME_ON_FIXED_CAMERAS,
        "Live naming of the stadium crowd from CCTV. The officers' chest units feed the same system.",
    ),
}


@pytest.mark.parametrize(("facts", "text"), DECOY_PROOFS.values(), ids=DECOY_PROOFS.keys())
def test_a_proof_beside_wording_of_its_opposite_proves_nothing(facts: dict[str, Any], text: str) -> None:
    assert not decide(british_police_recognising(text, facts)).allowed


OPPOSITE_DENIED = {
    "after-never-in-real-time": (
        BODY_CAMERAS_IN_THE_STREET,
        "Body-worn footage is matched after the shift ends, never in real time.",
    ),
    "after-no-live-matching": (
        BODY_CAMERAS_IN_THE_STREET,
        "Body-worn footage is matched once it is uploaded at the station; there is no live matching.",
    ),
    "suite-never-in-public": (
        LIVE_ON_BODY_CAMERAS,
        "Body-worn cameras identify detainees live in the custody suite and never in public.",
    ),
}


@pytest.mark.parametrize(("facts", "text"), OPPOSITE_DENIED.values(), ids=OPPOSITE_DENIED.keys())
def test_a_proof_beside_a_denial_of_its_opposite_still_proves(facts: dict[str, Any], text: str) -> None:
    assert decide(british_police_recognising(text, facts)).allowed


# AL. The police, their custody and their records by words the lists lacked (review R26): slang beside recognition by
# a company, people arrested (however the force that arrested them is spelt) or in custody without a police word,
# forces under another sector's name, US places given by a small city or a code beside a force abroad, and the record
# handed back beside a count or a blur.
DEFENCE: Final = {"sector": "defense"}
CANADIAN_POLICE: Final = police("CA")


DETECTING_FACES: Final = ["face_detection"]


POLICE_BY_WORDS_THE_LISTS_LACKED = {
    "five-oh": vendor_recognising("Five-oh in Tulsa compare photos of people they picked up with their files."),
    "die-bullen": vendor_recognising("Die Bullen in Ohio vergleichen Fotos von Festgenommenen mit ihrer Kartei."),
    "men-in-blue": vendor_recognising("The men in blue in Tulsa compare photos with their files."),
    "narcs": vendor_recognising("Narcs in Tulsa compare photos of their informants' contacts with their files."),
    "taken-into-custody": vendor_recognising(
        "Compare photos of people taken into custody in Tulsa with the files of the agency holding them."
    ),
    "held-pending-charges": vendor_recognising(
        "Match photos against the files of people held by the client in Tulsa, who holds them pending charges."
    ),
    "arrested-by-a-misspelt-force": vendor_recognising(
        "Compare photos of people arrested by the Tulsa pollice with their files."
    ),
    "arrested-by-a-misspelt-sheriff": vendor_recognising(
        "Compare photos of people arrested by the shreiff of Tulsa County with their files."
    ),
    "personnes-arretees": vendor_recognising(
        "Les flics de Chicago comparent les photos des personnes arrêtées avec leur fichier."
    ),
    "carabinieri": recognising_alone(
        "The Carabinieri identify people from photos of the crowd.", {**DEFENCE, "country": "IT"}
    ),
    "coast-guard-boarding": recognising_alone(
        "US Coast Guard boarding teams verify the identity of crew members from photos taken aboard.",
        {**DEFENCE, "country": "US"},
    ),
    "park-service-rangers": recognising_alone(
        "National Park Service rangers compare photos of visitors cited at Yellowstone with prior citation files.",
        {"sector": "public_sector", "country": "US"},
    ),
    "walla-walla": recognising_alone(
        "Compare custody photos with the custody records; also used by the booking desk in Walla Walla.",
        CANADIAN_POLICE,
    ),
    "area-code": recognising_alone(
        "Compare custody photos with the custody records for a desk in area code 212.", CANADIAN_POLICE
    ),
    "zip-code": recognising_alone(
        "Compare custody photos with the custody records for zip code 10001.", CANADIAN_POLICE
    ),
    "one-police-plaza": recognising_alone(
        "Compare custody photos with the custody records for the team at 1 Police Plaza.", CANADIAN_POLICE
    ),
    "count-then-each-ones-file-number": police_pictures(
        "Count the people in each frame and give each one the file number they had last time they were booked.",
        "US",
        DETECTING_FACES,
    ),
    "blur-then-that-persons-file-number": police_pictures(
        "Blur everyone except the person stopped, and add the file number from that person's last booking.",
        "US",
        DETECTING_FACES,
    ),
    "count-then-those-whose-file-matches": police_pictures(
        "Count visitors in the lobby stills and flag those whose earlier booking file matches.", "US", DETECTING_FACES
    ),
}


@pytest.mark.parametrize(
    "declared", POLICE_BY_WORDS_THE_LISTS_LACKED.values(), ids=POLICE_BY_WORDS_THE_LISTS_LACKED.keys()
)
def test_the_police_their_custody_and_their_records_by_words_the_lists_lacked_deny(declared: dict[str, Any]) -> None:
    assert not decide(declared).allowed


def test_a_count_for_us_police_that_hands_back_no_record_is_still_allowed() -> None:
    assert decide(police_pictures("Count the people in each frame of the lobby stills.", "US", DETECTING_FACES)).allowed


# AM. A word for the police misspelt, standing alone beside recognition by a company, still names them: one letter
# added, left out, changed or swapped, in a word of no language read (review R26); a word one edit from "police"
# ("policy", "polite") stays itself.
FORCES_MISSPELT = {
    "pollice": "The pollice in Tulsa compare photos of visitors with their files.",
    "shreiff": "Photos from the shreiff's office are matched with the county's files.",
    "sherrif": "The sherrif compares photos of visitors with the county's files.",
    "polzei": "Die Polzei in Ohio vergleicht Fotos mit ihrer Kartei.",
    "pollicia": "La pollicia de Miami compara fotos con sus archivos.",
    # Italian, a language not read, spells it one edit from the Spanish.
    "polizia": "La polizia di Chicago confronta le foto dei visitatori con il suo archivio.",
}


@pytest.mark.parametrize("purpose", FORCES_MISSPELT.values(), ids=FORCES_MISSPELT.keys())
def test_a_misspelt_word_for_the_police_beside_recognition_names_them(purpose: str) -> None:
    assert not decide(vendor_recognising(purpose)).allowed


WORDS_ONE_EDIT_FROM_POLICE = {
    "policy": "Our policy team matches employee photos with badge records at the office door.",
    "polite": "Polite reception staff match visitor photos with the pre-registered guest list at our office door.",
}


@pytest.mark.parametrize("purpose", WORDS_ONE_EDIT_FROM_POLICE.values(), ids=WORDS_ONE_EDIT_FROM_POLICE.keys())
def test_a_word_one_edit_from_police_is_still_itself(purpose: str) -> None:
    assert decide(vendor_recognising(purpose)).allowed


# AN. The police by what only they do, their systems, their jails and their slang, said without a police word
# beside recognition by a company (review R27): the operator's own arrests, stops and citations in the first person
# ("the people we take into custody", "personas que detenemos"); the records only the police keep (an ORI number,
# NIBRS, the CJIS policy, internal affairs); a jail by name; slang for them as a customer ("for the heat in Texas");
# and US places the lists lacked beside a force abroad (Oahu, the 50th state).
THE_POLICE_BY_WHAT_ONLY_THEY_DO = {
    "people-we-take-into-custody": vendor_recognising(
        "Compare photos of the people we take into custody with our files."
    ),
    "drivers-we-pull-over": vendor_recognising("Match photos of the drivers we pull over against our records."),
    "people-we-book-into-jail": vendor_recognising("Compare photos of people we book into jail with earlier photos."),
    "those-apprehended": vendor_recognising("Compare photos of those who were apprehended with our files."),
    "held-on-suspicion": vendor_recognising("Match photos of people held on suspicion with the archive."),
    "persons-on-warrants": vendor_recognising("Match visitor photos against persons on warrants."),
    "brought-in-for-processing": vendor_recognising(
        "Compare photos of people brought in for processing with earlier photos."
    ),
    "felony-files": vendor_recognising("Match photos against our felony files."),
    "issue-citations": vendor_recognising("Match photos of people we issue citations to with our files."),
    "que-detenemos": vendor_recognising("Comparar fotos de las personas que detenemos con nuestros archivos."),
    "que-nous-arretons": vendor_recognising("Comparer les photos des personnes que nous arrêtons avec nos fichiers."),
    "que-prendemos": vendor_recognising("Comparar fotos das pessoas que prendemos com os nossos arquivos."),
    "ori-number": vendor_recognising("Match photos against records filed under our ORI number."),
    "nibrs": vendor_recognising("Match photos of people in incidents reported to NIBRS with prior files."),
    "cjis": vendor_recognising("Match photos under the CJIS security policy with our files."),
    "internal-affairs": vendor_recognising("Internal affairs compares photos of visitors with their files."),
    "sidearms": vendor_recognising("Staff who carry sidearms compare visitor photos with their files."),
    "investigative-unit": vendor_recognising("Our investigative unit compares photos of visitors with its files."),
    "rikers-island": vendor_recognising(
        "The agency that runs Rikers Island compares photos of visitors with its files."
    ),
    "la-migra": vendor_recognising("La migra compara fotos de visitantes con sus archivos."),
    "los-federales": vendor_recognising("Los federales comparan fotos con sus archivos."),
    "for-the-heat": vendor_recognising("Compare photos of visitors with files, for the heat in Texas."),
    "oahu": recognising_alone(
        "Compare custody photos with the custody records; also for officers on Oahu.", CANADIAN_POLICE
    ),
    "the-50th-state": recognising_alone(
        "Compare custody photos with the custody records for a force in the 50th state.", CANADIAN_POLICE
    ),
}


@pytest.mark.parametrize(
    "declared", THE_POLICE_BY_WHAT_ONLY_THEY_DO.values(), ids=THE_POLICE_BY_WHAT_ONLY_THEY_DO.keys()
)
def test_the_police_by_what_only_they_do_their_systems_jails_and_slang_deny(declared: dict[str, Any]) -> None:
    assert not decide(declared).allowed


def test_the_heat_as_a_temperature_names_no_customer() -> None:
    assert decide(
        vendor_recognising(
            "Match employee photos with badge records at the office door; the heat in the lobby is high."
        )
    ).allowed


# AO. Whose the faces are, said outright after a count, is recognition whatever capability is declared (review R27:
# "count the faces in live body-camera video, then say whose they are", declared as ``embeddings``).
SAYING_WHOSE_THE_FACES_ARE = [
    pytest.param(
        "Count the faces in live body-camera video, then say whose they are.", ["embeddings"], id="embeddings"
    ),
    pytest.param(
        "Count the faces in live body-camera video, then say whose they are.", DETECTING_FACES, id="face-detection"
    ),
    pytest.param("Count the faces in each still and say whose each one is.", ["image_analysis"], id="image-analysis"),
]


@pytest.mark.parametrize(("purpose", "capabilities"), SAYING_WHOSE_THE_FACES_ARE)
def test_saying_whose_the_faces_counted_are_is_recognition(purpose: str, capabilities: list[str]) -> None:
    assert not decide(police_pictures(purpose, "US", capabilities)).allowed


# AP. Law enforcement by names, markets, addresses and officers abroad the lists lacked, and the name reaching an
# officer while the person is still there (review R28, blind): a public-sector operator's tribal rangers,
# inspectors general, airport public safety or vice unit; a vendor's "public-safety vertical", "whoever holds the
# warrant", deportation cases or an agency by its street address; a rank in the owner; an Irish force's matches
# shared with US preclearance officers, a legal attaché, a joint terrorism task force, partners across the Atlantic
# or Maricopa; and live matching said by the earpiece, the bus stop and the game.
US_PUBLIC_SECTOR: Final = {"sector": "public_sector", "country": "US"}
IRISH_POLICE: Final = police("IE")


LAW_ENFORCEMENT_THE_LISTS_LACKED = {
    "tribal-rangers": recognising_alone(
        "Tribal rangers of the Navajo Nation compare stills of trespassers to enrollment ID photos.", US_PUBLIC_SECTOR
    ),
    "inspectors-general": recognising_alone(
        "Inspectors general compare badge photos to stills from the warehouse to name the employee who stole.",
        US_PUBLIC_SECTOR,
    ),
    "airport-public-safety": recognising_alone(
        "Airport public safety compares checkpoint stills to the no-fly photo list.", US_PUBLIC_SECTOR
    ),
    "vice-unit": recognising_alone(
        "Our code enforcement and vice unit compares stills of massage parlour workers to licence photos.",
        US_PUBLIC_SECTOR,
    ),
    "public-safety-vertical": vendor_recognising(
        "Our public-safety vertical customers upload a still and get back matching social media profiles."
    ),
    "justice-and-public-safety": vendor_recognising(
        "Our justice-and-public-safety customers in the US use it to put names to faces in evidence."
    ),
    "whoever-holds-the-warrant": vendor_recognising("Matches go to whoever holds the warrant, mostly in Ohio."),
    "deportation-cases": vendor_recognising("Matches support deportation cases brought by the government."),
    "an-agency-by-its-address": vendor_recognising(
        "The agency at 500 12th St SW, Washington DC sends us stills to match."
    ),
    "an-office-by-its-address": vendor_recognising(
        "Stills arrive from 26 Federal Plaza; we return the matching profiles."
    ),
    "a-rank-as-the-owner": owned_by("watch-commander@example.com"),
    "a-unit-as-the-owner": owned_by("Vice unit, Houston"),
    "preclearance-officers": recognising_alone(
        "After the fact, custody-suite images are compared with stills; matches are shared with the preclearance "
        "officers at Dublin Airport.",
        IRISH_POLICE,
    ),
    "legal-attache": recognising_alone(
        "Recorded CCTV stills are compared with custody images at the station; hits are passed to the legal attaché "
        "at the embassy on Elgin Road.",
        IRISH_POLICE,
    ),
    "joint-terrorism-task-force": recognising_alone(
        "Custody images are matched after the fact at the station, on request of the Joint Terrorism Task Force.",
        IRISH_POLICE,
    ),
    "across-the-atlantic": recognising_alone(
        "Custody images are matched after the fact at the station; results also go to our liaison partners across "
        "the Atlantic.",
        IRISH_POLICE,
    ),
    "a-county-by-its-name": recognising_alone(
        "After the fact, at the station, recorded stills are compared with custody images for Maricopa.", IRISH_POLICE
    ),
    "the-officers-earpiece": british_police_recognising(
        "Matches reach the officer's earpiece before the person walks on."
    ),
    "off-the-night-bus": british_police_recognising(
        "Faces are checked against the wanted list as people step off the night bus, and the nearest officer is told."
    ),
    "during-the-game": british_police_recognising(
        "Faces in the stands are checked against banned fans during the game."
    ),
}


@pytest.mark.parametrize(
    "declared", LAW_ENFORCEMENT_THE_LISTS_LACKED.values(), ids=LAW_ENFORCEMENT_THE_LISTS_LACKED.keys()
)
def test_law_enforcement_by_names_markets_addresses_and_officers_abroad_the_lists_lacked_deny(
    declared: dict[str, Any],
) -> None:
    assert not decide(declared).allowed


def test_a_custody_suite_match_after_the_fact_by_a_force_abroad_is_still_allowed() -> None:
    # The contrast to the cases above: the same Irish force's matching, with no one else named.
    assert decide(recognising_alone("Custody images are matched after the fact at the station.", IRISH_POLICE)).allowed


def tagged(tags: dict[str, str]) -> dict[str, Any]:
    """A US vendor's recognition for no one else, on fixed cameras in a controlled place, its service tagged
    ``tags``."""
    declared = vendor_recognising("Compare stills with reference photos and return the closest record.")
    declared["service"]["tags"] = tags
    return declared


def test_a_us_places_public_safety_named_as_the_client_is_its_police() -> None:
    # Review R27: a tag `client: Dallas Public Safety` was read as no one.
    assert not decide(tagged({"client": "Dallas Public Safety"})).allowed


def test_public_safety_alone_names_no_police() -> None:
    assert decide(tagged({"team": "public safety"})).allowed


# AQ. A face's picture in biometrics' jargon, with no face or picture word, under a capability that reads no
# picture or reads pictures without saying whose (review R29, blind): a head-and-shoulders, passport-style, frontal
# or booking capture, the face-image standard's record (ISO/IEC 19794-5), an eigen-basis, a likeness search, in the
# five languages, and the same said in a tag beside a harmless purpose.
FACES_IN_BIOMETRICS_JARGON = {
    "head-and-shoulders": (
        "Embed each arrestee's head-and-shoulders capture; new evidence captures are answered with the closest "
        "arrestee's booking number.",
        ["embeddings"],
    ),
    "passport-style": (
        "Embed each arrestee's passport-style capture and answer each evidence capture with the nearest arrestee's "
        "booking number.",
        ["embeddings"],
    ),
    "frontal-pose": (
        "Take the frontal pose of each booking set and return the nearest booking number for a new evidence still.",
        ["embeddings"],
    ),
    "the-face-image-standard": (
        "Build an ISO/IEC 19794-5 record from every booking capture and search new evidence against the templates, "
        "returning the best-scoring arrestee's record.",
        ["image_analysis"],
    ),
    "an-eigen-basis": (
        "Project each arrestee's head capture onto the eigen-basis and return the booking number closest to the "
        "evidence still.",
        ["embeddings"],
    ),
    "kopf-schulter-aufnahme": (
        "Aus jeder Kopf-Schulter-Aufnahme der Festgenommenen einen Vektor bilden und zu neuen Spurenaufnahmen die "
        "nächste Buchungsnummer liefern.",
        ["embeddings"],
    ),
    "captura-de-cabeza-y-hombros": (
        "Vectorizar la captura de cabeza y hombros de cada detenido y devolver el número de reseña más cercano.",
        ["embeddings"],
    ),
    "prise-tete-et-epaules": (
        "Vectoriser la prise tête et épaules de chaque personne arrêtée et renvoyer le numéro d'écrou le plus proche.",
        ["embeddings"],
    ),
    # A booking's capture in the other languages, as "booking capture" is in English (review R29 c06, c08, c09).
    "captura-de-ficha": (
        "Generar una plantilla biométrica de cada captura de ficha y buscar las nuevas capturas contra las plantillas.",
        ["image_analysis"],
    ),
    "prise-signaletique": (
        "Créer un gabarit biométrique de chaque prise signalétique et rechercher les nouvelles prises dans ces "
        "gabarits.",
        ["image_analysis"],
    ),
    "captura-do-fichamento": (
        "Gerar um modelo biométrico de cada captura do fichamento e pesquisar as novas capturas nesses modelos.",
        ["image_analysis"],
    ),
    "captura-de-cabeca-e-ombros": (
        "Vetorizar a captura de cabeça e ombros de cada detido e devolver o número de registro mais próximo.",
        ["embeddings"],
    ),
}


@pytest.mark.parametrize(
    ("purpose", "capabilities"), FACES_IN_BIOMETRICS_JARGON.values(), ids=FACES_IN_BIOMETRICS_JARGON.keys()
)
def test_a_faces_picture_in_biometrics_jargon_for_us_police_denies(purpose: str, capabilities: list[str]) -> None:
    assert not decide(police_pictures(purpose, "US", capabilities)).allowed


def test_a_tag_that_hands_back_who_a_head_capture_is_denies_a_harmless_purpose() -> None:
    declared = police_pictures("Summarise case notes.", "US", ["embeddings"])
    declared["service"]["tags"] = {"workload": "head-and-shoulders capture vectors, nearest booking number"}
    assert not decide(declared).allowed


def test_whose_head_capture_it_is_handed_back_by_a_company_that_leaves_its_customers_out_is_unknown() -> None:
    # Review R29 i13: the customers left out may be the police, and the booking number says whose the face is.
    purpose = FACES_IN_BIOMETRICS_JARGON["head-and-shoulders"][0]
    declared = config(use_case(purpose=purpose, operator=vendor(), capabilities=["embeddings"]))
    assert DECLARATION_INCOMPLETE.id in {f.rule for f in decide(declared).denials}


def test_a_head_capture_is_a_picture_the_people_in_it_are_identified_from() -> None:
    assert read_purpose("Identify the people in the head-and-shoulders captures.").recognition


def test_a_capture_of_anything_but_a_head_is_no_picture_of_a_face() -> None:
    # The contrast: a capture alone is any data's ("capture the payment details"), and a police force may embed it.
    assert decide(
        police_pictures("Embed each payment capture and return the closest invoice number.", "US", ["embeddings"])
    ).allowed


ORDINARY_THE_BLIND_REVIEWS_DENIED = {
    # Review R29.
    "the-police-typeface": (
        "Suggest font pairings for posters; the brand uses the Police typeface for headlines and Inter for body text.",
        ["text_generation"],
    ),
    "the-matching-part": (
        "Identify the spare part in a customer's photo and suggest the matching catalogue number.",
        ["image_analysis"],
    ),
    "a-police-themed-escape-room": (
        "Take bookings and answer questions for our 'Precinct 13' escape room, a police-themed puzzle game.",
        ["text_generation"],
    ),
    "nothing-is-stored": (
        "Place party hats on faces in the event photo booth; nothing is stored and no one is identified.",
        ["face_detection"],
    ),
    # Review R30.
    "matching-furniture": ("Suggest matching furniture for a photo of a customer's living room.", ["image_analysis"]),
    "a-face-unlock-explained": (
        "Explain to customers how our face-ID phone unlock feature works and how to reset it.",
        ["text_generation"],
    ),
    "a-verification-step-explained": (
        "Explain our bank's facial verification step in the mobile app onboarding FAQ, without processing any images.",
        ["text_generation"],
    ),
}


@pytest.mark.parametrize(
    ("purpose", "capabilities"),
    ORDINARY_THE_BLIND_REVIEWS_DENIED.values(),
    ids=ORDINARY_THE_BLIND_REVIEWS_DENIED.keys(),
)
def test_ordinary_purposes_the_blind_reviews_found_denied_are_allowed(purpose: str, capabilities: list[str]) -> None:
    assert decide(config(use_case(purpose=purpose, servedParties=[], capabilities=capabilities))).allowed


def test_what_is_kept_beside_a_denial_of_something_else_is_still_kept() -> None:
    # The contrast: "nothing" denies the verb it governs, not the faces stored before it.
    kept = "Faces are stored and matched against the watchlist; nothing is deleted."
    assert not decide(config(use_case(purpose=kept, servedParties=[], capabilities=["face_detection"]))).allowed


def test_ice_by_its_contract_number_and_its_removal_operations_initials_is_its_police() -> None:
    # Review R28 j03: the tags named ICE only by what its procurement and its programme are called.
    assert not decide(tagged({"contract": "70CMSD25C00000042", "program": "ERO"})).allowed


def test_another_contract_number_and_programme_name_no_police() -> None:
    assert decide(tagged({"contract": "PO-2026-00042", "program": "loyalty"})).allowed


# AR. A US customer said by what only the United States has, beside recognition the terms allow others (review R30,
# blind): a state's or a city's nickname the lists lacked, a North American telephone number, an agency's ORI number,
# NIBRS, CALEA accreditation, a Byrne JAG grant or the Miranda warning beside a British force's custody matching;
# and, beside a vendor's, a client agency named by the police systems it runs (Mark43, CODIS, a 287(g) agreement,
# a sally port).
CUSTODY_MATCHING: Final = "Match custody photos against custody records"
INTAKE_MATCHING: Final = "Match arrivals' photos against earlier photos at a fixed camera in a controlled intake room"


def for_a_us_agency(purpose: str) -> dict[str, Any]:
    """A US vendor's recognition on fixed cameras in a controlled place, for a US agency declared as public sector."""
    return config(
        use_case(
            purpose=purpose,
            operator=vendor(),
            servedParties=[US_PUBLIC_SECTOR],
            capabilities=["facial_recognition"],
            facialRecognition=fr_facts(),
            humanReview=True,
        )
    )


US_CUSTOMERS_BY_WHAT_ONLY_THE_US_HAS = {
    "the-bluegrass-state": british_police_recognising(
        f"{CUSTODY_MATCHING} for the force in its custody suite in the Bluegrass State."
    ),
    "music-city": british_police_recognising(f"{CUSTODY_MATCHING} for the force in its custody suite in Music City."),
    "a-boston-number": british_police_recognising(
        f"{CUSTODY_MATCHING} for the police force, reached at (617) 555-0100."
    ),
    "a-new-york-number": british_police_recognising(f"{CUSTODY_MATCHING} for the force; duty desk 212-555-0147."),
    "an-ori-number": british_police_recognising(f"{CUSTODY_MATCHING} in the force's custody suite, ORI TX0570100."),
    "nibrs": british_police_recognising(
        f"{CUSTODY_MATCHING} in the force's custody suite, reporting results to NIBRS."
    ),
    "the-miranda-warning": british_police_recognising(
        f"{CUSTODY_MATCHING} in the force's custody suite, after the Miranda warning is read."
    ),
    "calea": british_police_recognising(
        f"{CUSTODY_MATCHING} in the force's custody suite, for an agency accredited by CALEA."
    ),
    "mark43": for_a_us_agency(f"{INTAKE_MATCHING}, for a client agency that keeps its records in Mark43 RMS."),
    "a-287g-agreement": for_a_us_agency(f"{INTAKE_MATCHING}, for a client agency with a Section 287(g) agreement."),
    "codis": for_a_us_agency(f"{INTAKE_MATCHING}, for a client agency that submits DNA profiles to CODIS."),
    "a-sally-port": for_a_us_agency(
        f"{INTAKE_MATCHING}, for a client agency that operates the county's booking desk and sally port."
    ),
}


@pytest.mark.parametrize(
    "declared", US_CUSTOMERS_BY_WHAT_ONLY_THE_US_HAS.values(), ids=US_CUSTOMERS_BY_WHAT_ONLY_THE_US_HAS.keys()
)
def test_a_us_customer_said_by_what_only_the_united_states_has_denies(declared: dict[str, Any]) -> None:
    assert not decide(declared).allowed


def test_a_us_agency_named_by_no_police_system_is_still_allowed_its_recognition() -> None:
    # The contrast: a public-sector agency's own intake matching, the systems of no police named.
    assert decide(for_a_us_agency(f"{INTAKE_MATCHING}, for a client agency that issues library cards.")).allowed


def test_a_british_number_puts_no_customer_in_the_united_states() -> None:
    assert decide(british_police_recognising(f"{CUSTODY_MATCHING} for the force; duty desk 0121 626 5000.")).allowed


def test_recognition_run_beside_an_explanation_of_it_is_still_recognition() -> None:
    # The contrast: what a purpose explains is its topic, what it then does is not.
    purpose = "Describe how face ID works, then run facial recognition on the lobby camera."
    assert not decide(config(use_case(purpose=purpose, servedParties=[], capabilities=["image_analysis"]))).allowed


# AS. Who each person seen in a video is, handed back with no face or photo word, under a capability that is not
# facial recognition (review R30, blind): an inmate's number for whoever appears in a frame, which inmate walks past.
WHO_IS_SEEN = {
    "whoever-appears-in-a-frame": (
        "Label each frame of the lobby video with the inmate ID of whoever appears in it.",
        ["classification"],
    ),
    "which-inmate-walks-past": ("Annotate the jail corridor footage with which inmate walks past.", ["classification"]),
    "which-prisoner-each-shows": (
        "Sort the visitation-room recordings by which prisoner each one shows.",
        ["classification"],
    ),
    "whoever-sits-in-the-chair": (
        "Annotate the recordings of the interview room with the suspect number of whoever sits in the chair.",
        ["classification"],
    ),
    "under-embeddings": (
        "Label each frame of the lobby video with the inmate ID of whoever appears in it.",
        ["embeddings"],
    ),
}


@pytest.mark.parametrize(("purpose", "capabilities"), WHO_IS_SEEN.values(), ids=WHO_IS_SEEN.keys())
def test_who_each_person_seen_in_a_video_is_handed_back_to_us_police_denies(
    purpose: str, capabilities: list[str]
) -> None:
    assert not decide(police_pictures(purpose, "US", capabilities)).allowed


def test_how_many_people_a_video_shows_is_no_one_identified() -> None:
    purpose = "Count how many people appear in each frame of the lobby video."
    assert decide(police_pictures(purpose, "US", ["classification"])).allowed
