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
    pytest.param("Identify suspects for the Virgin Islands Police Department.", "virgin islands police", id="usvi"),
    pytest.param("Compare booking photos for police in Saipan.", "police in saipan", id="northern-marianas"),
    pytest.param("Compare booking photos for the Hawai\u02bbi Police Department.", "hawai i police", id="okina"),
    pytest.param("Compare booking photos for Montana police.", "montana police", id="montana-before-police"),
    pytest.param("Compare booking photos for the Portland police.", "portland police", id="portland"),
    pytest.param("Compare booking photos for the Brooklyn police.", "brooklyn police", id="borough"),
    pytest.param("Compare booking photos for police in NY and NJ.", "police in ny", id="state-abbreviation"),
    pytest.param("Compare booking photos for the Metropolitan Police in D.C.", "police in d c", id="dc"),
    pytest.param("Compare booking photos for police back in the States.", "police back in the states", id="the-states"),
    pytest.param("Match booking photos for the Bureau of Prisons.", "bureau of prisons", id="bureau-of-prisons"),
    pytest.param("Match booking photos for the county's deputies.", "county s deputies", id="deputies"),
    pytest.param("Match booking photos for the Secret Service.", "secret service", id="secret-service"),
    pytest.param("Match booking photos for NCIS.", "ncis", id="ncis"),
    pytest.param("Match booking photos for the Army CID.", "army cid", id="army-cid"),
    pytest.param("Match booking photos for the LASD.", "lasd", id="lasd"),
    pytest.param("Match booking photos for the Chicago P.D.", "chicago pd", id="dotted-city-pd"),
    pytest.param("Match booking photos for the fusion center.", "fusion center", id="fusion-center"),
    pytest.param(
        "Match booking photos for the Texas Rangers Division.", "texas rangers division", id="texas-rangers-division"
    ),
    pytest.param("Match custody photos for Kent Police and the St. Louis police.", "st louis", id="saint-louis"),
    pytest.param("Match custody photos for the N.Y.P.D's gang unit.", "nypd", id="dotted-possessive"),
    pytest.param("Match custody photos for the N. Y. P. D.", "nypd", id="spaced-dots"),
    pytest.param("Match custody photos for the N-Y-P-D.", "nypd", id="hyphens"),
    pytest.param("Match custody photos for the police in the U. S.", "the u s", id="spaced-us"),
    pytest.param("Match custody photos for UK and US-based police forces.", "us based police", id="us-based"),
    pytest.param("Match custody photos for Kent Police and for police departments in NYC.", "nyc", id="nyc"),
    pytest.param("Match custody photos for Kent Police and the Ferguson police.", "ferguson", id="ferguson"),
    pytest.param(
        "Match custody photos for two police forces: one in Kent, the other in Ohio.", "ohio", id="eight-words-apart"
    ),
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
        "Compare custody photos for the Royal Virgin Islands Police Force.",
        "Compare custody photos for the police in the states of Bavaria and Hesse.",
        "Comparar fotos de detenidos para la policía de montaña.",
        "Compare custody photos for the Royal Canadian Mounted Police.",
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
    pytest.param(
        "Match booking photos for a state correctional facility.", "state correctional facility", id="corrections"
    ),
    pytest.param("Match booking photos for the county lockup.", "county lockup", id="lockup"),
    pytest.param("Match booking photos for the state penitentiary.", "state penitentiary", id="penitentiary"),
    pytest.param("Match booking photos for a juvenile detention center.", "juvenile detention", id="juvenile"),
    pytest.param("Match booking photos for the probation department.", "probation department", id="probation"),
    pytest.param("Match booking photos for parole officers.", "parole officers", id="parole"),
    pytest.param("Match booking photos for the border agents.", "border agents", id="border-agents"),
    pytest.param("Match booking photos for the vice squad.", "vice squad", id="vice-squad"),
    pytest.param("Match booking photos for the SWAT team.", "swat team", id="swat"),
    pytest.param("Match booking photos for the homicide division.", "homicide division", id="homicide"),
    pytest.param("Match booking photos for the crime lab.", "crime lab", id="crime-lab"),
    pytest.param("Match booking photos at the station house.", "station house", id="station-house"),
    pytest.param("Match booking photos in the jail intake process.", "jail intake", id="jail-intake"),
    pytest.param(
        "Match faces for investigators at the attorney general's office.", "attorney general s office", id="ag-office"
    ),
    pytest.param("Cotejar rostros para el centro penitenciario.", "centro penitenciario", id="es-prison"),
    pytest.param("Comparer des visages pour les gardes-frontières.", "gardes frontieres", id="fr-border-guards"),
    pytest.param("Gesichter für die Justizvollzugsanstalt abgleichen.", "justizvollzugsanstalt", id="de-prison"),
    pytest.param("Comparar rostos para os agentes de fronteira.", "agentes de fronteira", id="pt-border-agents"),
    pytest.param("We work with the NYPD to match booking photos against the gallery.", "nypd", id="we-work-with"),
    pytest.param("We partner with the Seattle Police Department to match booking photos.", "police", id="partner"),
    pytest.param("In cooperation with the county police, match booking photos.", "county police", id="cooperation"),
    pytest.param("Match booking photos for the fugitive task force.", "fugitive task force", id="task-force"),
    pytest.param("Match booking photos for the warrant squad.", "warrant squad", id="warrant-squad"),
    pytest.param(
        "Officers on patrol identify wanted suspects from body-worn cameras.", "officers on patrol", id="patrol"
    ),
    pytest.param("Match faces against the outstanding warrants during traffic stops.", "traffic stops", id="stops"),
    pytest.param("Match booking photos for the Georgia Bureau of Investigation.", "bureau of investigation", id="gbi"),
    pytest.param("Match booking photos for the city's public safety department.", "public safety department", id="ps"),
    pytest.param("Match faces for the special victims unit.", "special victims unit", id="special-victims-unit"),
    pytest.param("Match intake photos at our private prisons under contract.", "private prisons", id="private-prison"),
    pytest.param("Match faces for federal agents.", "federal agents", id="federal-agents"),
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
        "Summarise the probation period policy for new hires.",
        "Write match reports for the Texas Rangers.",
        "Plan the marshals' rota for the charity fun run.",
        "Summarise research for the prison reform charity.",
        "Summarise NCIS episodes for the fan site.",
        "Style the border for the agents' dashboard cards.",
        "Record the CPD hours our deputies in the finance team completed.",
        "Summarise the deputy director's notes for the county council.",
        "Schedule the security officers on patrol at the warehouse.",
        "Summarise how the council works with the police on road safety.",
        "Summarise the central bureau of investigation's annual report for the newsletter.",
        "Draft the newsletter for the police museum.",
        "Describe the toy police cars in our product photos.",
        # Review R11: the genre, the station the public goes to and the exam, in the other four languages.
        "Rédiger des scénarios pour une série policière.",
        "Recomendar romances policiais aos leitores da biblioteca.",
        "Krimis und Polizeiromane für Leser der Bibliothek empfehlen.",
        "Aider les citoyens à porter plainte au commissariat de police pour un vol de vélo.",
        "Traduzir perguntas de turistas sobre a delegacia de polícia mais próxima.",
        "Übersetzen von Fragen von Touristen zur nächsten Polizeiwache.",
        "Escribir preguntas de práctica para el examen de ingreso a la policía.",
        "A grammar police bot that suggests fixes in our docs.",
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
    pytest.param(
        "Compare custody photos with the watchlist straight away.", "realtime", "straight away", id="straight"
    ),
    pytest.param("Compare custody photos with the watchlist right away.", "realtime", "right away", id="right-away"),
    pytest.param("Compare custody photos with the watchlist at once.", "realtime", "at once", id="at-once"),
    pytest.param("Without delay, compare every face with the watchlist.", "realtime", "without delay", id="no-delay"),
    pytest.param("Match custody photos on the fly.", "realtime", "on the fly", id="on-the-fly"),
    pytest.param(
        "Continuously compare custody images with the watchlist.", "realtime", "continuously", id="continuous"
    ),
    pytest.param(
        "Alert officers the moment a wanted face is seen.", "realtime", "the moment a wanted face is seen", id="moment"
    ),
    pytest.param("Comparar las fotos con la lista de inmediato.", "realtime", "de inmediato", id="es-at-once"),
    pytest.param("Comparer les photos avec la liste tout de suite.", "realtime", "tout de suite", id="fr-at-once"),
    pytest.param("Lichtbilder umgehend mit der Liste abgleichen.", "realtime", "umgehend", id="de-at-once"),
    pytest.param("Comparar as fotos com a lista sem demora.", "realtime", "sem demora", id="pt-at-once"),
    pytest.param("Identify suspects from cruiser cameras.", "cameras", "cruiser", id="cruiser"),
    pytest.param("Identify suspects from officer-worn cameras.", "cameras", "officer worn", id="officer-worn"),
    pytest.param("Identify suspects from officers' vest cameras.", "cameras", "vest cameras", id="vest"),
    pytest.param("Identify suspects from cameras clipped to officers' vests.", "cameras", "clipped to", id="clipped"),
    pytest.param("Identify suspects from motorcycle cameras.", "cameras", "motorcycle cameras", id="motorcycle-cam"),
    pytest.param("Identify suspects from officers' tablets.", "cameras", "officers tablets", id="officers-tablets"),
    pytest.param("Identify suspects from a camera trailer.", "cameras", "camera trailer", id="trailer"),
    pytest.param("Identificar sospechosos con las cámaras de los agentes.", "cameras", "camaras de los", id="es-cam"),
    pytest.param("Identifier des suspects avec les caméras des agents.", "cameras", "cameras des agents", id="fr-cam"),
    pytest.param("Verdächtige mit Schulterkameras erkennen.", "cameras", "schulterkameras", id="de-cam"),
    pytest.param("Identificar suspeitos com as câmeras dos agentes.", "cameras", "cameras dos agentes", id="pt-cam"),
    pytest.param("Identify wanted people at football matches.", "environment", "football matches", id="football"),
    pytest.param("Identify wanted people in the stadium.", "environment", "stadium", id="stadium"),
    pytest.param("Identify wanted people at concerts and parades.", "environment", "concerts", id="concerts"),
    pytest.param("Identify wanted people at the train station.", "environment", "train station", id="station"),
    pytest.param("Identify wanted people in shopping malls.", "environment", "shopping malls", id="malls"),
    pytest.param("Identify wanted people on the highway.", "environment", "highway", id="highway"),
    pytest.param("Identify wanted people in public.", "environment", "in public", id="in-public"),
    pytest.param("Identify wanted people across the city.", "environment", "across the city", id="across-the-city"),
    pytest.param("Identificar a personas buscadas en el estadio.", "environment", "estadio", id="es-stadium"),
    pytest.param("Identifier les personnes recherchées au stade.", "environment", "stade", id="fr-stadium"),
    pytest.param("Gesuchte Personen im Stadion erkennen.", "environment", "stadion", id="de-stadium"),
    pytest.param("Identificar pessoas procuradas no estádio.", "environment", "estadio", id="pt-stadium"),
    pytest.param("Identify wanted people at the racecourse.", "environment", "racecourse", id="racecourse"),
    pytest.param("Identify wanted people on the subway.", "environment", "on the subway", id="subway"),
    pytest.param("Identify wanted people in the car park.", "environment", "car park", id="car-park"),
    pytest.param("Identify wanted people in a split second.", "realtime", "in a split second", id="split-second"),
    pytest.param("Identify wanted people while they are still in view.", "realtime", "still in view", id="in-view"),
    pytest.param("Identify wanted people from cameras on the officers.", "cameras", "cameras on the", id="on-officers"),
    pytest.param("Identify wanted people from taser cameras.", "cameras", "taser cameras", id="taser"),
    pytest.param("Identificar a personas buscadas con cámaras en los chalecos.", "cameras", "chalecos", id="es-vests"),
    pytest.param("Identify wanted people at the county fair.", "environment", "county fair", id="county-fair"),
    pytest.param("Identify wanted people in the blink of an eye.", "realtime", "blink of an eye", id="blink"),
    pytest.param("Identify wanted people from clip-on cameras and GoPros.", "cameras", "gopros", id="gopro"),
    pytest.param("Identificar a buscados con las cámaras de casco.", "cameras", "camaras de casco", id="es-helmet"),
    pytest.param("Gesuchte mit Kameras an den Westen erkennen.", "cameras", "kameras an den westen", id="de-vests"),
    pytest.param("Reconhecer procurados com câmeras presas ao uniforme.", "cameras", "presas ao uniforme", id="pt-uni"),
    pytest.param("Identificar a buscados mientras pasean.", "realtime", "mientras pasean", id="es-as-they-walk"),
    pytest.param("Gesuchte binnen Sekunden erkennen.", "realtime", "binnen sekunden", id="de-within-seconds"),
    pytest.param("Reconhecer procurados entre os transeuntes.", "environment", "transeuntes", id="pt-passers-by"),
    pytest.param("Reconhecer procurados durante a ronda.", "environment", "durante a ronda", id="pt-on-the-round"),
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
        "Compare all the custody photos at once against the archive each night.",
        "Match custody photos at the booking station and continuously improve the thresholds from reviewed cases.",
        "Compare photos from the reception tablet's camera with the custody records the next morning.",
        "Compare custody photos for the neighbourhood policing team after each shift.",
        "Compare custody photos without delaying the booking-in process, after the fact.",
        "Match custody photos at the desk; the results reach the officer straight away by email.",
        "Match custody photos at the desk; results are kept in public records only if required by law.",
        "Match custody photos at the desk of the suite across the city hall from the station, the next day.",
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


@pytest.mark.parametrize(
    ("text", "inconsistent"),
    [
        pytest.param("Compare custody photos with the archive; a pilot runs in Cleveland, Ohio.", True, id="a-state"),
        pytest.param("Compare custody photos with the archive for the police of Paris, TX.", True, id="city-comma-st"),
        pytest.param("Compare custody photos at the request of American authorities.", True, id="american"),
        pytest.param("Compare custody photos with the archive at the custody suite in Kent.", False, id="kent-uk"),
        pytest.param(
            "Compare custody photos with the archive; the software comes from a vendor in Seattle.", False, id="vendor"
        ),
        pytest.param(
            "Compare custody photos with the database of the United Kingdom, not of the United States.",
            False,
            id="denied",
        ),
    ],
)
def test_a_us_place_beside_recognition_by_police_all_outside_the_us_is_inconsistent(
    text: str, inconsistent: bool
) -> None:
    # Review R12: the US customer hidden behind places and wordings the lists do not tie to a police word.
    verdict = decide(non_us_police_recognition(text))
    found = [
        f for f in verdict.denials if f.rule == DECLARATION_INCONSISTENT.id and "a place in the United" in f.message
    ]
    assert bool(found) is inconsistent, verdict.summary()


@pytest.mark.parametrize(
    ("text", "after_the_fact"),
    [
        pytest.param("Compare faces in body-camera footage with the archive after the shift.", True, id="english"),
        pytest.param(
            "Comparar las caras de los vídeos con la base de datos cuando se descargan al final del turno.",
            True,
            id="spanish",
        ),
        pytest.param(
            "Gesichter aus Bodycam-Aufnahmen nach dem Hochladen am Schichtende abgleichen.", True, id="german"
        ),
        pytest.param("Matches pop up on the officer's screen.", False, id="said-otherwise"),
    ],
)
def test_not_realtime_on_body_cameras_in_the_wild_holds_only_where_a_text_says_after_the_fact(
    text: str, after_the_fact: bool
) -> None:
    # Review R12: that one declared fact alone kept clause 2 away while the text said when results arrive.
    declared = config(
        use_case(
            purpose=text,
            operator=police("GB"),
            servedParties=[],
            capabilities=["facial_recognition"],
            facialRecognition=fr_facts(False, ("body_worn",), "uncontrolled"),
        )
    )
    verdict = decide(declared)
    assert verdict.allowed is after_the_fact, verdict.summary()
