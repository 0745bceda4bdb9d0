"""The purpose-text tripwire: facial recognition described in words but missing from the capabilities.

It must catch the phrasings people write in five languages, however the text is
dressed up (case, full-width letters, zero-width characters, accents), and must
stay quiet on ordinary words that contain "face" and on face detection.
"""

from __future__ import annotations

import pytest

from azure_openai_guarded.guards.purpose_text import facial_recognition_phrases, normalise
from azure_openai_guarded.guards.rules import DECLARATION_INCONSISTENT
from tests.declarations import config, decide, use_case

FIRES = {
    "en-facial-recognition": "Run facial recognition on visitors at the lobby.",
    "en-face-recognition-hyphenated": "Face-recognition for the staff entrance.",
    "en-recognise-faces": "Recognise faces of known shoplifters in store footage.",
    "en-identify-by-faces": "Identify people by their faces in CCTV stills.",
    "en-verify-faces": "Verify the customer's face against the photo on their ID.",
    "en-match-faces": "Match faces against a watchlist of suspects.",
    "en-verb-ending-in-es-then-face": "The app matches face scans to employee records.",
    "en-by-his-face": "Identify the suspect by his face.",
    "en-possessive-face": "Verify each traveller's face at the gate.",
    "en-face-matching": "Face matching of booking photos.",
    "en-faceprint": "Store a faceprint for every employee.",
    "en-face-id": "Unlock the kiosk with Face ID.",
    "en-facial-identification": "Facial identification of passengers at the gate.",
    "es-reconocimiento-facial": "Reconocimiento facial de clientes en la tienda.",
    "es-reconocer-rostros": "Reconocer rostros de sospechosos en las cámaras.",
    "es-identificar-por-su-cara": "Identificar a las personas por su cara.",
    "es-identificacion-facial": "Identificación facial de pasajeros.",
    "fr-reconnaissance-faciale": "Reconnaissance faciale des visiteurs.",
    "fr-reconnaitre-les-visages": "Reconnaître les visages des suspects sur les vidéos.",
    "fr-identifier-par-le-visage": "Identifier les personnes par leur visage.",
    "de-gesichtserkennung": "Gesichtserkennung am Eingang.",
    "de-compound": "Echtzeit-Gesichtserkennungssystem für Streifenwagen.",
    "de-gesichter-erkennen": "Gesichter in Videos erkennen und zuordnen.",
    "de-anhand-des-gesichts-identifizieren": "Personen anhand ihres Gesichts identifizieren.",
    "de-gesichtsabgleich": "Gesichtsabgleich mit der Fahndungsdatenbank.",
    "pt-reconhecimento-facial": "Reconhecimento facial de clientes.",
    "pt-reconhecer-rostos": "Reconhecer rostos em imagens de vigilância.",
    "pt-identificar-pelo-rosto": "Identificar pessoas pelo rosto.",
    "obfuscated-upper-case": "FACIAL RECOGNITION OF VISITORS",
    "obfuscated-mixed-case": "FaCiAl ReCoGnItIoN of visitors",
    "obfuscated-fullwidth": "Ｆａｃｉａｌ ｒｅｃｏｇｎｉｔｉｏｎ of visitors",
    "obfuscated-zero-width-space": "Fa\u200bcial recog\u200bnition of visitors",
    "obfuscated-zero-width-joiner": "Face\u200d recognition of visitors",
    "obfuscated-soft-hyphen": "Gesichts\u00aderkennung am Eingang",
    "obfuscated-word-joiner-and-bom": "facial\u2060 \ufeffrecognition",
    "obfuscated-combining-accents": "Fáciál recognitíon",
    "obfuscated-decomposed-accents": "Reconnaissance facia\u0301le",
    "obfuscated-cyrillic-lookalikes": "F\u0430ci\u0430l r\u0435c\u043egnition of visitors",
    "obfuscated-greek-lookalikes": "\u03bderify f\u03b1ces at the gate",
    "obfuscated-math-bold": "𝐟𝐚𝐜𝐢𝐚𝐥 𝐫𝐞𝐜𝐨𝐠𝐧𝐢𝐭𝐢𝐨𝐧",
    "obfuscated-underscores": "facial_recognition pipeline",
    "obfuscated-extra-space-and-newline": "match   the \n faces",
    "obfuscated-ligature-free-compatibility-form": "ﬁnd and identify people by face",
}

QUIET = {
    "interface": "Generate a user interface for the booking system.",
    "surface": "Summarise the surface condition reports for road crews.",
    "customer-facing": "Draft customer-facing replies and identify the intent of each message.",
    "face-to-face": "Prepare agents for face-to-face meetings and match them to accounts.",
    "blur-faces": "Blur faces in body-camera footage before public release.",
    "count-faces": "Count faces in the lobby camera feed to estimate occupancy.",
    "detect-faces": "Detect faces so that they can be redacted.",
    "facade": "Identify cracks in the facade of municipal buildings.",
    "prefaces": "Match prefaces to chapters in the style guide.",
    "verb-face": "Help analysts identify the challenges our agents face every day.",
    "verb-face-pronoun": "Identify the risks we face and the deadlines they face.",
    "verb-face-plural-subject": "Identify the pressures our teams face this quarter.",
    "verb-face-then-matching": "Help with the problems clerks face matching invoices to orders.",
    "es-cara-a-cara": "Preparar reuniones cara a cara e identificar a los clientes.",
    "es-expensive": "Identificar la tarifa más cara para cada cliente.",
    "es-expensive-plural": "Identificar las opciones menos caras del catálogo.",
    "pt-expensive": "Identificar a opção mais cara do catálogo.",
    "fr-face-a-face": "Identifier les sujets pour un face-à-face avec les clients.",
    "de-gesicht-wahren": "Das Gesicht wahren und Kundenanfragen beantworten.",
    "russian-text-is-not-folded-into-a-phrase": "Отвечать на вопросы граждан о штрафах и лицевых счетах.",
    "greek-text-is-not-folded-into-a-phrase": "Απαντήσεις σε ερωτήσεις πολιτών για πρόστιμα.",
    "plain": "Answer billing questions in the customer support portal.",
}


@pytest.mark.parametrize("text", FIRES.values(), ids=FIRES.keys())
def test_facial_recognition_in_words_is_found(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize("text", QUIET.values(), ids=QUIET.keys())
def test_ordinary_words_and_face_detection_are_not_facial_recognition(text: str) -> None:
    assert facial_recognition_phrases(text) == ()


def test_normalising_folds_width_case_accents_and_invisible_characters_to_plain_words() -> None:
    assert normalise("Ｒｅｃｏｎｎａｉｓｓａｎｃｅ\u200b  FACIALE\u00ad!") == " reconnaissance faciale "


def test_phrases_are_not_matched_across_sentences() -> None:
    assert facial_recognition_phrases("Identify the caller's intent. Faces in attachments are blurred.") == ()


def test_found_phrases_are_reported_once_each_in_normalised_form() -> None:
    phrases = facial_recognition_phrases("Facial recognition. FACIAL RECOGNITION! facial-recognition")

    assert phrases == ("facial recognition",)


def test_a_purpose_describing_undeclared_recognition_denies_and_quotes_the_phrase() -> None:
    raw = config(use_case(purpose="Reconocimiento facial de clientes frecuentes.", capabilities=["classification"]))

    verdict = decide(raw)

    [finding] = verdict.findings
    assert not verdict.allowed
    assert finding.rule == DECLARATION_INCONSISTENT.id
    assert finding.paths == ("useCase.purpose",)
    assert "'reconocimiento facial'" in finding.message


def test_a_purpose_about_face_detection_with_the_detection_capability_is_allowed() -> None:
    raw = config(use_case(purpose=QUIET["blur-faces"], capabilities=["face_detection"]))

    assert decide(raw).findings == ()
