"""The purpose tripwire's reading of who the customer is and how faces are captured, against the declaration.

- A US law-enforcement customer named in the purpose while every declared law-enforcement party is outside
  the US is a customer the declaration leaves out: the terms forbid facial recognition by or for it.
- A police customer the sector does not declare is one whatever it is called (a county jail, ICE, a district
  attorney's investigators, "the cops"), but the police as a topic name no customer.
- Live, streaming, body-worn, airborne, vehicle- and officer-mounted capture contradicts facts that say after
  the fact on fixed cameras.
"""

from __future__ import annotations

from typing import Any

import pytest

from azure_openai_guarded.guards.purpose_text import read_purpose
from azure_openai_guarded.guards.rules import DECLARATION_INCONSISTENT, FR_US_LAW_ENFORCEMENT
from tests.declarations import config, decide, fr_facts, police, use_case, vendor


def non_us_police_recognition(purpose: str, **overrides: Any) -> dict[str, Any]:
    """Facial recognition by British police for no one else, after the fact on fixed cameras in a controlled
    place: allowed."""
    return config(
        use_case(
            purpose=purpose,
            operator=police("GB"),
            capabilities=["facial_recognition"],
            facialRecognition=fr_facts(),
            **{"servedParties": [], **overrides},
        )
    )


def rules(project_config: dict[str, Any]) -> set[str]:
    return {f.rule for f in decide(project_config).findings}


# A. A US law-enforcement customer while the declared law-enforcement parties are elsewhere.

US_CUSTOMERS = [
    pytest.param("Compare booking photos against mugshots for the NYPD.", "nypd", id="nypd"),
    pytest.param("Identify people in photos for the FBI and the Metropolitan Police.", "fbi", id="fbi-beside-met"),
    pytest.param(
        "Match traveller faces at the border for US Customs and Border Protection.",
        "customs and border protection",
        id="cbp",
    ),
    pytest.param("Identify suspects for the Seattle Police Department.", "seattle police", id="us-city"),
    pytest.param(
        "Identify suspects from faces for police in the United States.", "police in the united states", id="us"
    ),
    pytest.param("Identify suspects for the Texas Highway Patrol.", "highway patrol", id="state-patrol"),
    pytest.param("Compare custody photos for police forces in the US.", "police forces in the us", id="the-us"),
    pytest.param("Match faces for the Chicago PD.", "chicago pd", id="city-pd"),
    pytest.param("Identify suspects for the Texas Department of Public Safety.", "texas department", id="state-dps"),
    pytest.param("Build it for a US police department.", "a us police", id="a-us-police"),
    pytest.param("Help the county sheriff match booking photos.", "sheriff", id="sheriff"),
    pytest.param("Match faces for U.S. Marshals.", "u s marshals", id="dotted-us"),
    pytest.param("Match booking photos for the N.Y.P.D.", "nypd", id="dotted-nypd"),
    pytest.param("Compare custody photos for the F.B.I. and the L.A.P.D.", "lapd", id="dotted-fbi-and-lapd"),
    pytest.param(
        "Match custody photos for police forces in the U.K. and the U.S.", "the u s", id="dotted-the-us-after-the-uk"
    ),
    pytest.param("Compare custody photos for U.S. police.", "u s police", id="dotted-us-police"),
    pytest.param("Compare custody photos for US police departments.", "for us police", id="us-police-no-determiner"),
    pytest.param("Identificar suspeitos para a polícia dos E.U.A.", "eua", id="dotted-pt"),
    pytest.param("Identify people for ICE enforcement operations.", "i c e", id="ice-capitals"),
    pytest.param("Identificar sospechosos para la policía de Nueva York.", "policia de nueva york", id="es"),
    pytest.param("Identifier des suspects pour la police de Los Angeles.", "police de los angeles", id="fr"),
    pytest.param("Verdächtige für die Polizei in den Vereinigten Staaten identifizieren.", "vereinigten", id="de"),
    pytest.param("Identificar suspeitos para a polícia dos Estados Unidos.", "estados unidos", id="pt"),
]


@pytest.mark.parametrize(("text", "words"), US_CUSTOMERS)
def test_a_us_police_customer_named_while_the_police_declared_are_elsewhere_is_inconsistent(
    text: str, words: str
) -> None:
    verdict = decide(non_us_police_recognition(text))

    [finding] = verdict.denials
    assert finding.rule == DECLARATION_INCONSISTENT.id
    assert "useCase.purpose" in finding.paths
    assert words in finding.message
    assert "a law-enforcement customer in the United States" in finding.message
    assert "operator in GB" in finding.message
    assert "`country: US`" in finding.message


def test_declaring_the_us_customer_turns_the_contradiction_into_the_terms_own_denial() -> None:
    declared = non_us_police_recognition(US_CUSTOMERS[0].values[0], servedParties=[police("US")])

    assert DECLARATION_INCONSISTENT.id not in rules(declared)
    assert FR_US_LAW_ENFORCEMENT.id in rules(declared)


@pytest.mark.parametrize(
    "text",
    [
        "Compare custody photos for the Metropolitan Police.",
        "Search booking photos for Police Scotland and the Garda.",
        "Vergleich von Lichtbildern für das Landeskriminalamt Bayern.",
        "Comparer les photos de garde à vue pour la gendarmerie.",
        "Prepare identification reports for the sheriff court in Glasgow.",
        "Compare booking photos for the police in Latin America.",
        "Compare custody photos for the Metropolitan Police and send the matches to us.",
        "Compare custody photos for the R.C.M.P. and the police in the U.K.",
    ],
)
def test_a_police_customer_outside_the_us_agrees_with_police_declared_outside_the_us(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id not in rules(non_us_police_recognition(text))


def test_in_azure_government_every_declared_party_is_in_us_jurisdiction_already() -> None:
    government = non_us_police_recognition(US_CUSTOMERS[0].values[0])
    government["service"] = config(cloud="usgovernment")["service"]
    government["useCase"]["operator"] = police("US")

    assert "us_police_in_purpose" not in str(decide(government).to_dict())
    assert FR_US_LAW_ENFORCEMENT.id in rules(government)


# B. Police customers the sector does not declare, by any name; the police as a topic.

UNDECLARED_POLICE = [
    pytest.param("Help the county jail identify inmates at intake.", "county jail", id="county-jail"),
    pytest.param("Identify people for ICE enforcement operations.", "i c e", id="ice"),
    pytest.param("Identify people for ice agents at the border.", "ice agents", id="ice-lower-case-in-context"),
    pytest.param("Match faces for the district attorney's investigators.", "district attorney", id="district-attorney"),
    pytest.param("Match faces for U.S. Marshals.", "u s marshals", id="us-marshals"),
    pytest.param("Match booking photos for the N.Y.P.D.", "nypd", id="dotted-nypd"),
    pytest.param("Compare mugshots for the F.B.I.", "fbi", id="dotted-fbi"),
    pytest.param("Match faces for the cops.", "for the cops", id="cops"),
    pytest.param("Match faces for detectives.", "for detectives", id="detectives"),
    pytest.param("Help the cops identify inmates at intake.", "help the cops", id="helping-the-cops"),
    pytest.param("Cotejar rostros para la fiscalía del distrito.", "fiscalia del distrito", id="es"),
    pytest.param("Comparer des visages pour les flics du quartier.", "pour les flics", id="fr"),
    pytest.param("Gesichter für die Staatsanwaltschaft abgleichen.", "staatsanwaltschaft", id="de"),
    pytest.param("Comparar rostos para o xerife do condado.", "xerife", id="pt"),
]


@pytest.mark.parametrize(("text", "words"), UNDECLARED_POLICE)
def test_a_police_customer_by_any_name_must_be_a_declared_party(text: str, words: str) -> None:
    use = use_case(
        purpose=text,
        operator=vendor("GB"),
        servedParties=[],
        capabilities=["facial_recognition"],
        facialRecognition=fr_facts(),
    )

    [finding] = decide(config(use)).denials

    assert finding.rule == DECLARATION_INCONSISTENT.id
    assert f"'{words}'" in finding.message
    assert "no party (useCase.operator, useCase.servedParties) is law_enforcement" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Write about the challenges police recruits face.",
        "Generate training material for the Police Academy on de-escalation.",
        "Write a detective novel set in Chicago for young readers.",
        "Recommend detective stories for the book club.",
        "Summarise interviews with retired cops about the 1980s.",
        "Put the ice cream orders for the summer fair in a table.",
        "Help us police the forum for spam.",
        "Help inmates' families find the jail visiting hours.",
        "Preparar el informe fiscal del distrito escolar.",
        "Convert the parquet exports of the county's budget for the finance team.",
    ],
)
def test_the_police_as_a_topic_or_a_genre_name_no_customer(text: str) -> None:
    assert read_purpose(text).police == ()


# C. Live, streaming, mobile and officer-worn capture, against fixed cameras after the fact.

CAPTURE = [
    pytest.param("Identify suspects in BWC footage.", "cameras", "bwc", id="bwc"),
    pytest.param("Identify suspects seen from unmarked vehicles.", "cameras", "unmarked vehicles", id="unmarked"),
    pytest.param(
        "Identify suspects from cameras mounted on police motorcycles.",
        "cameras",
        "police motorcycles",
        id="motorcycle",
    ),
    pytest.param("Identify suspects in quadcopter imagery.", "cameras", "quadcopter", id="quadcopter"),
    pytest.param("Identify suspects in helicopter footage.", "cameras", "helicopter", id="helicopter"),
    pytest.param("Identify suspects with smart glasses worn by officers.", "cameras", "smart glasses", id="glasses"),
    pytest.param(
        "Identify suspects from the streaming feed as frames arrive.", "realtime", "streaming feed", id="streaming"
    ),
    pytest.param("Identify suspects with sub-second latency.", "realtime", "sub second", id="latency"),
    pytest.param("Identify faces in the video feed as it happens.", "realtime", "as it happens", id="as-it-happens"),
    pytest.param("Gesichter in Quadrokopter-Aufnahmen abgleichen.", "cameras", "quadrokopter", id="de-quadcopter"),
    pytest.param("Identificar sospechosos con gafas inteligentes.", "cameras", "gafas inteligentes", id="es"),
    pytest.param("Identifier les suspects à mesure que les images arrivent.", "realtime", "mesure que", id="fr"),
    pytest.param("Verdächtige über Datenbrillen der Beamten erkennen.", "cameras", "datenbrillen", id="de"),
    pytest.param("Identificar suspeitos com latência baixa.", "realtime", "latencia", id="pt"),
]


@pytest.mark.parametrize(("text", "fact", "words"), CAPTURE)
def test_live_streaming_airborne_and_worn_capture_contradicts_fixed_cameras_after_the_fact(
    text: str, fact: str, words: str
) -> None:
    [finding] = decide(non_us_police_recognition(text)).denials

    assert finding.rule == DECLARATION_INCONSISTENT.id
    assert f"useCase.facialRecognition.{fact}" in finding.paths
    assert words in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "Compare booking photos with the custody record at the station desk.",
        "Match custody images against the archive after each shift.",
        "Identify the owners of stolen vehicles from the registration records.",
    ],
)
def test_fixed_after_the_fact_wording_agrees_with_fixed_cameras_after_the_fact(text: str) -> None:
    assert DECLARATION_INCONSISTENT.id not in rules(non_us_police_recognition(text))


# D. A face that is a thing's side, or a clinical sign looked for on a face, identifies no one.


@pytest.mark.parametrize(
    ("sector", "text"),
    [
        ("commercial", "Identify the product from the photo of its front face and match it to the catalogue."),
        ("commercial", "Identificar el producto por la cara frontal del envase y buscarlo en el catálogo."),
        ("healthcare", "Compare the patient's photo on file to the chart to identify skin lesions on the face."),
        ("healthcare", "Comparar la foto del paciente con la ficha para detectar lunares en la cara."),
        ("healthcare", "Die Fotos des Patienten vergleichen, um Hautveränderungen im Gesicht zu erkennen."),
    ],
)
def test_a_things_face_or_a_clinical_sign_on_a_face_is_not_recognition(sector: str, text: str) -> None:
    use = use_case(purpose=text, operator={"sector": sector, "country": "US"}, capabilities=["image_analysis"])

    assert decide(config(use)).findings == ()


@pytest.mark.parametrize(
    "text",
    [
        "Identify the patient from their photo on file.",
        "Compare the patient's photo on file to the chart to confirm who they are.",
        "Match each shopper's face to the loyalty card photo.",
    ],
)
def test_a_patient_or_a_shopper_identified_from_a_photo_is_still_recognition(text: str) -> None:
    assert read_purpose(text).recognition != ()
