"""The tripwire's blankers (the readings of a face word or an identity word that establish no identity) fire only
on the ordinary sentence they were written for, never on recognition that shares a word with it.

Each table holds recognition a blanker used to hide (found in review) beside the ordinary sentences the blanker
exists for, which must stay quiet.
"""

from __future__ import annotations

import pytest

from azure_openai_guarded.guards.purpose_text import facial_recognition_phrases, read_purpose


def _cases(**texts: str) -> list[object]:
    return [pytest.param(text, id=name) for name, text in texts.items()]


@pytest.mark.parametrize(
    "text",
    _cases(
        side_faces="Match the side faces captured by dashcams against the watchlist.",
        front_faces="Match front faces from bodycam footage to the arrest database.",
        caras_frontales="Comparar las caras frontales captadas por las cámaras corporales con la base de datos.",
        rostros_este_ano="Identificar los rostros este año con las cámaras corporales.",
        caras_sur_del_rio="Identificar caras sur del río en el video del dron.",
        las_500_caras="Identificar las 500 caras grabadas por las cámaras corporales cada día.",
        esas_tres_caras="Identificar esas tres caras de la grabación del dron.",
        mas_caras="Reconocer más caras en menos tiempo con las cámaras corporales.",
        no_face_unidentified="Make sure no face in the bodycam footage goes unidentified.",
        kein_gesicht_unerkannt="Kein Gesicht bleibt unerkannt: Bodycam-Aufnahmen mit der Datenbank abgleichen.",
        faces_their="Look up faces their bodycams capture in the arrest database.",
        faces_these="Recognize suspects faces these dashcams record.",
        faces_up_to="Identify faces up to 30 metres away in dashcam footage.",
    ),
)
def test_a_face_word_a_verb_that_identifies_governs_is_a_face_whatever_follows(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        north_face="Identificar la cara norte de la montaña en los mapas de rutas.",
        flats_face_south="Identify which apartments face south for the solar panel survey.",
        risks_the_company_faces="Identify risks the company faces from new regulations.",
        cube_face="Recognise the face of a Rubik cube in photos and suggest the next move.",
        coin_face="Identify coins by the face and the reverse in collector photos.",
        version_cara="Comparar la versión cara y la barata en las fotos del catálogo.",
        no_face_visible="Vérifier qu'aucun visage n'est visible sur les images exportées.",
        clock_faces="Identify the clock faces in the product photos.",
    ),
)
def test_a_face_of_a_thing_a_face_as_a_verb_or_an_absent_face_is_no_face(text: str) -> None:
    assert not facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        with_no_extra_steps="With no extra steps identify the faces in patrol bodycam streams.",
        with_no_human_review="With no human review, match faces from bodycam video to mugshots.",
        never_again_manually="Never again manually compare faces from the CCTV stills with booking photos.",
        without_human_effort="Without human effort, identify every face captured on the dashcam.",
        sin_intervencion="Sin intervención humana, identificar los rostros de las cámaras corporales.",
        nothing_manual="Nothing manual: recognise the faces in the dashcam video.",
        sans_effort="Sans effort manuel, identifier les visages des caméras-piétons.",
        sem_trabalho="Sem trabalho manual, identificar os rostos das câmeras corporais.",
    ),
)
def test_a_negation_governs_only_what_it_negates(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        without_identifying="Verify that the person's uploaded photo is in focus and well lit, without identifying "
        "anyone.",
        personne_n_est_identifie="Flouter les visages et les plaques dans les images de rue ; personne n'est "
        "identifié.",
        ohne_zu_erkennen="Die Kamera am Eingang zählt die Besucher pro Stunde, ohne Personen zu erkennen.",
        does_not_try_to="Count the faces in the lobby camera; it does not try to identify anyone.",
    ),
)
def test_a_negation_beside_its_verb_still_denies_identity(text: str) -> None:
    assert not facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        blur_the_rest="Recognise faces in the dashcam video, blur the rest.",
        redact_for_release="Identify faces in drone footage before we redact the footage for release.",
        flouter_le_reste="Reconnaître les visages de la vidéo, flouter le reste.",
        verpixeln_den_rest="Gesichter im Bodycam-Video erkennen, den Rest verpixeln.",
        desfocar_o_resto="Reconhecer rostos no vídeo da câmera corporal, desfocar o resto.",
    ),
)
def test_a_redaction_after_a_recognised_face_hides_something_else(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        match_against_mugshots="Match faces in bodycam video against mugshots to find the suspect s scars.",
        compare_with_mugshots="Compare each face in the bodycam stills with the mugshots to find matching scars.",
        booking_photos="Compare the faces in CCTV stills with booking photos to spot the same scars and moles.",
        fichas_policiales="Comparar los rostros de las cámaras corporales con las fichas policiales para encontrar "
        "cicatrices.",
        anthropometriques="Comparer les visages des caméras-piétons aux photos anthropométriques pour repérer les "
        "cicatrices.",
        fichamento="Comparar os rostos das câmeras corporais com as fotos de fichamento para achar cicatrizes.",
    ),
)
def test_a_comparison_with_a_persons_picture_is_no_clinical_comparison(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        lesions="Compare the patient's photo on file to the chart to identify skin lesions on the face.",
        lunares="Comparar la foto del paciente con la ficha para detectar lunares en la cara.",
    ),
)
def test_a_clinical_comparison_finds_a_sign_not_a_person(text: str) -> None:
    assert not facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        identify_if_the_driver="Identify if the driver seen on the dashcam image is the owner of the car.",
        match_if_the_pedestrian="Match if the pedestrian in each drone photo is the suspect.",
        verificar_que_el_conductor="Verificar que el conductor de la foto de la dashcam es el dueño del coche.",
        prufen_ob_der_fahrer="Prüfen, ob der Fahrer auf dem Dashcam-Foto der Halter ist.",
        verificar_se_o_motorista="Verificar se o motorista na foto da dashcam é o dono do carro.",
        check_that_the_person="Check that the person on the bodycam still is the subject of the warrant.",
    ),
)
def test_a_check_whether_a_pictured_person_is_somebody_is_identification(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        every_invoice="Verify that every invoice in the scanned batch has a signature.",
        photo_in_focus="Check that the person's photo is in focus before it is printed.",
        what_a_customer_did="Check whether the customer uploaded a photo of the receipt.",
    ),
)
def test_a_check_of_a_proposition_about_a_thing_is_no_identification(text: str) -> None:
    assert not facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        appears_on_the_dashcam="Alert officers when a wanted person appears on the dashcam.",
        appears_on_the_bodycam="Alert officers when a wanted person appears on the bodycam.",
        walks_past_a_bodycam="Flag anyone from the gang database who walks past a bodycam.",
        their_bodycam_sees="Give officers the criminal history of anyone their bodycam sees.",
        seen_on_bodycams="Build a searchable index of everyone seen on bodycams, keyed by person.",
    ),
)
def test_a_bodycam_or_a_dashcam_named_alone_is_a_camera(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        count_then_name="Count the people in each frame, then name each of them from our records.",
        count_then_identify="Count the people in each CCTV still, then identify them.",
        count_and_name="Count the suspects in each drone video frame and name every one of them.",
        blur_then_identify_the_rest="Blur the bystanders in the bodycam video and identify the rest.",
        redact_then_identify_the_adults="Redact minors in the bodycam footage but identify the adults.",
    ),
)
def test_a_clause_that_identifies_is_read_with_the_pictures_of_the_clause_that_counts(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        count_then_busiest_hour="Count the people in each frame and identify the busiest hour.",
        blur_then_plates="Blur the faces in the bodycam video and identify the make of each car.",
        plates_then_the_rest="Blur the licence plates in the video and identify the rest.",
        the_rest_of_the_objects="Blur the faces in the photos and identify the rest of the objects.",
    ),
)
def test_a_clause_that_identifies_a_thing_beside_one_that_counts_people_identifies_no_one(text: str) -> None:
    assert not facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        then="Take the bodycam frames. Crop the person. Then. Look him up. Return the record.",
        it_is_fast="Take the bodycam frames. Crop the person. It is fast! Look him up. Return the record.",
        quick_and_cheap="Bodycam frames arrive. Each one is cropped. It is quick. It is cheap. Then the person is "
        "looked up.",
    ),
)
def test_filler_sentences_do_not_push_the_parts_of_a_description_apart(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        report_every_match="Match faces in CCTV stills and report every match to the police in Dallas.",
        stills_from_the_police="Match faces in the stills we get from the police in Chicago and send back the names.",
        avisar_cuando_coincidencia="Comparar rostros de las cámaras y avisar a la policía de Miami cuando haya "
        "coincidencia.",
        appeler_en_cas_de_correspondance="Comparer les visages et appeler la police de New York en cas de "
        "correspondance.",
        chamar_quando_correspondencia="Comparar rostos e chamar a polícia de Nova York quando houver correspondência.",
        about_which_the_police_asked="Match faces in CCTV stills about which the Chicago police asked.",
        cases_the_police_refer_to_us="Regarding shoplifting cases the Boston police refer to us, match faces in "
        "store CCTV.",
        shared_between="Match faces in CCTV stills shared between our stores and the Boston police.",
        sobre_las_imagenes_que_nos_envia="Comparar rostros sobre las imágenes que nos envía la policía de Miami.",
        sur_les_images_envoyees_par="Comparer les visages sur les images envoyées par la police de New York.",
        zwischen="Gesichter zwischen Ladenkameras und der Datenbank der Polizei Chicago abgleichen.",
        entre="Comparar rostos entre as câmeras da loja e a base da polícia de Nova York.",
        regarding_incidents_the_nypd_sends="Match faces on the footage regarding incidents the NYPD sends us.",
    ),
)
def test_the_police_told_of_a_match_sending_the_work_or_named_after_a_preposition_are_a_customer(text: str) -> None:
    assert read_purpose(text).us_police


@pytest.mark.parametrize(
    "text",
    _cases(
        stolen_card="Tell customers how to report a stolen card to the police.",
        sobre_el_xerife="Escrever um artigo sobre a história do xerife no faroeste.",
        sur_les_delais="Résumer ce que les habitants ont dit au conseil sur les délais d'intervention de la police.",
        relations_between="Summarise the survey on relations between residents and the police.",
        entre_la_policia="Resumir el debate entre la policía y los vecinos para el boletín.",
    ),
)
def test_the_public_reporting_to_the_police_or_the_police_as_a_topic_is_no_customer(text: str) -> None:
    assert not read_purpose(text).police


@pytest.mark.parametrize(
    "text",
    _cases(
        it_is_in_texas="Match custody photos for a police force. It is in Texas.",
        based_in_ohio="Match custody photos for a police force; the force is based in Ohio.",
        client_location="Match custody photos for police. Client location: Chicago, Illinois.",
    ),
)
def test_a_police_customer_placed_in_the_us_by_the_next_sentence_is_in_the_us(text: str) -> None:
    assert read_purpose(text).us_police


def test_a_us_place_in_the_next_sentence_that_does_not_refer_back_places_no_police_customer() -> None:
    assert not read_purpose("Match custody photos for a police force in Kent. Our developers sit in Texas.").us_police


@pytest.mark.parametrize(
    "text",
    _cases(
        invoices="Extract fields from scanned invoices and match them to purchase orders.",
        receipts="Read receipts in photos customers upload and match them to expenses.",
        licence_plates="Read licence plates in dashcam frames and check them against the stolen vehicle list.",
    ),
)
def test_text_read_off_pictures_of_things_and_matched_identifies_no_one(text: str) -> None:
    assert not facial_recognition_phrases(text)


def test_text_read_off_pictures_beside_a_person_identified_in_them_is_still_recognition() -> None:
    assert facial_recognition_phrases("Read the text in the bodycam frames and identify the people shown in them.")


@pytest.mark.parametrize(
    "text",
    _cases(
        detective_board_game="Write clues for our detective board game.",
        cop_characters="Write dialogue for cop characters in our video game.",
        after_a_traffic_stop="Our insurance chatbot tells customers what to do after a traffic stop.",
        traffic_stop_rights="Explain traffic stop rights to drivers in our legal-aid chatbot.",
        ice_vehicles="Forecast ICE vehicle sales versus EVs.",
    ),
)
def test_police_in_a_game_a_story_a_traffic_stop_or_an_engine_is_no_customer(text: str) -> None:
    assert not read_purpose(text).police


@pytest.mark.parametrize(
    "text",
    _cases(
        for_the_detectives="Match faces in CCTV stills for the detectives of the Dallas police.",
        for_ice="Match faces in the stills for ICE agents in Texas.",
    ),
)
def test_detectives_and_ice_as_customers_are_still_the_police(text: str) -> None:
    assert read_purpose(text).police


@pytest.mark.parametrize(
    "text",
    _cases(
        leet="Run f4ce rec0gnition on bodycam footage.",
        camel_case="Implements identifyFaces(bodycamFrame) for officers.",
        hyphen_inside_a_word="Run fa-cial recognition on the bodycam footage.",
    ),
)
def test_digits_for_letters_a_hyphen_inside_a_word_or_camel_case_hide_no_recognition(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        leet="Match faces for the p0lice of Austin.",
        hyphen_inside_a_word="Match faces for the po-lice of Austin.",
        soft_hyphen_between_words="Match faces for the police\u00addepartment of Austin.",
        camel_case="Match faces for the LosAngelesPoliceDepartment.",
    ),
)
def test_digits_for_letters_a_split_or_joined_word_or_camel_case_hide_no_police_customer(text: str) -> None:
    assert read_purpose(text).us_police


@pytest.mark.parametrize(
    "text",
    _cases(
        face_to_face="Prepare agents for face-to-face meetings and match them to accounts.",
        face_a_face="Identifier les sujets pour un face-à-face avec les clients.",
        model_names="Use gpt-4o and the o1-mini model to summarise e-mail threads for our sales team.",
    ),
)
def test_the_second_reading_of_hyphens_and_digits_makes_no_recognition_of_ordinary_words(text: str) -> None:
    assert not facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    _cases(
        wake_the_display="Detect whether a person is in the frame to wake the kiosk display.",
        lights_off="Check whether someone is in the room camera view before turning the lights off.",
    ),
)
def test_whether_someone_is_in_the_picture_is_presence_not_identity(text: str) -> None:
    assert not facial_recognition_phrases(text)


def test_presence_followed_by_a_look_up_of_who_it_is_is_still_recognition() -> None:
    assert facial_recognition_phrases("When a person is in the frame, look up who they are in the watchlist.")


@pytest.mark.parametrize(
    "text",
    _cases(
        dotted="Run f.a.c.e r.e.c.o.g.n.i.t.i.o.n on bodycam footage.",
        spaced="Run f a c e  r e c o g n i t i o n on bodycam footage.",
        hyphenated="Run F-A-C-E-M-A-T-C-H on bodycam footage.",
    ),
)
def test_a_word_spelled_out_in_single_letters_is_read_joined_for_recognition(text: str) -> None:
    assert facial_recognition_phrases(text)
