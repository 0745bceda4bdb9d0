"""The purpose-text tripwire: facial recognition described in words but missing from the capabilities.

It must catch the phrasings people write in five languages, however the text is
dressed up (case, full-width letters, zero-width characters, accents), and must
stay quiet on ordinary words that contain "face" and on face detection.
"""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest

from azure_openai_guarded.guards.confusables import LATIN_PROTOTYPES
from azure_openai_guarded.guards.purpose_text import facial_recognition_phrases, normalise, read_purpose
from azure_openai_guarded.guards.rules import DECLARATION_INCONSISTENT
from tests.declarations import config, decide, fr_facts, police, use_case, vendor

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
    "frt": "Run FRT on the suspects.",
    "es-biometria-facial": "Aplicar biometría facial a los sospechosos.",
    "fr-empreinte-faciale": "Comparer l'empreinte faciale des suspects.",
    "pt-biometria-facial": "Biometria facial dos suspeitos na entrada.",
    "one-to-n-probe-images": "1:N search of probe images against the mugshot gallery.",
    "who-is-in-this-picture": "Who is in this picture?",
    "fr-qui-est-cette-personne": "Qui est cette personne ? Répondre à partir de la photo.",
    "the-same-guy": "Verify that the selfie and the ID are the same guy.",
    "unmask": "Unmask the protesters in the photos.",
    "physiognomy": "Describe the physiognomy of each suspect and match it to the archive.",
    "rap-sheet": "Give the rap sheet for whoever is in the frame.",
    "deanonymise": "Deanonymise the crowd in the protest footage.",
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


def test_phrases_are_not_matched_across_sentences_that_say_something_else() -> None:
    assert facial_recognition_phrases("Identify the caller's intent. Faces in attachments are blurred.") == ()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Identify suspects. The input is their faces. The source is camera footage.", id="full-stops"),
        pytest.param("Identify suspects; the input is their faces; the source is camera footage.", id="semicolons"),
        pytest.param("Reconocer a los clientes. Se usan sus caras. Vienen de las cámaras.", id="es"),
    ],
)
def test_one_description_split_over_neighbouring_sentences_is_still_read(text: str) -> None:
    assert facial_recognition_phrases(text) != ()


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


# Identity from faces, declared only as face detection or image analysis.

IDENTITY_UNDER_DETECTION = {
    "look-each-face-up": "Find the faces in the frame and look each one up in the records system.",
    "face-based-identification": "Face-based identification of visitors.",
    "selfie-against-id-photo": "Compare each applicant's selfie with the photo on their driving licence.",
    "face-as-a-badge": "Staff get through the door by showing their face to the camera instead of a badge.",
    "who-is-in-the-photo": "Tell the receptionist who the people in each lobby photo are.",
    "photos-grouped-by-person": "Cluster the event photos by person and label each cluster from the staff list.",
    "inmates-in-photos": "Identify inmates in photos.",
    "the-shooter-in-footage": "Identify the shooter in CCTV footage.",
    "perpetrators-in-footage": "Identify the perpetrators in the doorbell footage.",
    "de-inmates": "Häftlinge auf den Fotos identifizieren.",
    "fr-prisoners": "Identifier les détenus sur les photos.",
    "convicts-in-photos": "Identify convicts and escapees in photos.",
    "parolees-in-footage": "Spot parolees in the CCTV footage.",
    "es-reclusos-passive": "Los reclusos fotografiados son identificados.",
    "vandals-in-footage": "Identify the vandals and pickpockets in CCTV footage.",
}


@pytest.mark.parametrize("capability", ["face_detection", "image_analysis"])
@pytest.mark.parametrize("text", IDENTITY_UNDER_DETECTION.values(), ids=IDENTITY_UNDER_DETECTION.keys())
def test_identity_established_from_faces_is_not_face_detection(capability: str, text: str) -> None:
    verdict = decide(config(use_case(purpose=text, capabilities=[capability])))

    assert not verdict.allowed
    assert [f.rule for f in verdict.denials] == [DECLARATION_INCONSISTENT.id]


# The passive voice, in every language.

PASSIVE = {
    "en": "Faces captured at the door are matched against the list of banned visitors.",
    "en-future": "Each face will be checked against the watchlist.",
    "es": "Los rostros son comparados con la base de datos de clientes.",
    "es-reflexive": "Las caras se cotejan con la lista de socios.",
    "fr": "Les visages filmés sont comparés au fichier des abonnés.",
    "de": "Die Gesichter der Besucher werden vor dem Einlass mit der Sperrliste abgeglichen.",
    "pt": "Os rostos dos visitantes são comparados com o cadastro.",
    "pt-identified": "Os alunos são identificados pelo rosto na entrada.",
}


@pytest.mark.parametrize(
    "text",
    [
        "Without delay, recognise every face on the CCTV.",
        "Not only detect the faces on the CCTV but recognise them.",
        "Sin demora, reconocer cada rostro en las cámaras.",
        "Sans délai, reconnaître chaque visage sur les caméras.",
        "Ohne Verzögerung jedes Gesicht auf den Kameras erkennen.",
        "Sem demora, reconhecer cada rosto nas câmeras.",
    ],
)
def test_a_negation_that_says_how_soon_or_how_much_denies_no_identity(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Match the faces our cameras capture against the watchlist.", id="the-faces-our-cameras"),
        pytest.param("Recognise faces the bodycams capture.", id="verb-then-faces-the"),
        pytest.param("Compare faces these cameras capture against the gallery.", id="faces-these"),
        pytest.param("Match visible faces against the watchlist.", id="visible-faces"),
        pytest.param("Recognise the exposed faces in the stills.", id="exposed-faces"),
        pytest.param("Match detainees' face templates against the gallery.", id="plural-possessive-templates"),
        pytest.param("Run arrestees' face scans against the gallery.", id="plural-possessive-scans"),
        pytest.param("Put every face through the mugshot gallery.", id="through-the-gallery"),
        pytest.param("Look for these faces in the booking archive.", id="looked-for-in-an-archive"),
    ],
)
def test_a_face_after_a_determiner_an_adjective_or_a_plural_possessive_is_the_noun(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Identify people (i.e. suspects, e.g. arrestees) from their faces.", id="i-e-and-e-g"),
        pytest.param("Identify the suspects (approx. 1.5 million a yr.) from their faces.", id="approx-and-decimal"),
        pytest.param("Identify suspects in vers. 2.1.0 of the app from their faces.", id="version-number"),
        pytest.param("Identify suspects; see sec. 4.2.1 of the spec, from their faces.", id="section-number"),
        pytest.param("Identify the suspects in the St. Louis photos from their faces.", id="saint"),
    ],
)
def test_an_abbreviation_or_a_decimal_point_ends_no_sentence(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Match the people in bodycam stills to names in the arrest database, redacting minors.", id="en-redacting"
        ),
        pytest.param("Look up each person in the photos in the records database, anonymising the rest.", id="en-anon"),
        pytest.param("Identificar a los sospechosos en las fotos y difuminar al resto.", id="es"),
        pytest.param("Identifier les suspects sur les photos et flouter les autres.", id="fr"),
        pytest.param("Verdächtige auf den Fotos identifizieren und den Rest verpixeln.", id="de"),
        pytest.param("Identificar os suspeitos nas fotos e desfocar o resto.", id="pt"),
        pytest.param("Count the faces in each frame and name the loiterers in the CCTV footage.", id="count-and-name"),
        pytest.param("Blur the bystanders and find the hitchhikers in the dashcam footage.", id="blur-and-find"),
        pytest.param("Redact minors, then identify the poachers in trail camera footage.", id="redact-then-identify"),
    ],
)
def test_a_clause_that_hides_someone_else_does_not_hide_the_recognition_beside_it(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "Blur the faces of the people in the photos before they are published.",
        "Count how many visitors appear in each camera frame by the hour.",
        "Pixelate the faces of passers-by in the street photos and check that no face remains visible.",
        "Summarise the challenges the team faces the most each quarter.",
    ],
)
def test_a_redaction_or_a_count_read_with_the_signs_still_hides_them(text: str) -> None:
    assert facial_recognition_phrases(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Match customer photos of damaged parcels to their order records.", id="customer-photos-of-things"
        ),
        pytest.param("Clients' photos of their receipts are matched to their orders.", id="clients-photos-of-receipts"),
        pytest.param("Match each guest's photo of the menu to the dish they ordered.", id="a-guests-photo-of-the-menu"),
        pytest.param(
            "Look up the order record when a customer uploads a photo of the shipping label.",
            id="when-a-customer-uploads",
        ),
        pytest.param("Find faces in photos to crop profile thumbnails centred on them.", id="profile-thumbnails"),
        pytest.param(
            "Check passport photos meet the size and background rules, without identifying anyone.", id="without-anyone"
        ),
        pytest.param(
            "Verify that the person's uploaded photo is in focus and well lit, without identifying anyone.",
            id="in-focus",
        ),
        pytest.param(
            "Count people entering the store each hour from the door camera, with no identification.", id="with-no"
        ),
        pytest.param("Comparar la versión cara y la barata en las fotos del catálogo.", id="es-cara-after-its-noun"),
        pytest.param("Encontrar en las imágenes la habitación cara del hotel.", id="es-cara-del-hotel"),
        pytest.param("Comparer les photos de la face cachée du produit avec le catalogue.", id="fr-face-cachee"),
        pytest.param(
            "Visual product search: shoppers upload a photo of a lamp and we find similar items.", id="product-search"
        ),
        pytest.param(
            "Detect whether a face is present in passport photo uploads so that applicants can retake them.",
            id="a-passport-photos-own-check",
        ),
    ],
)
def test_pictures_of_things_their_senders_and_identity_denied_to_anyone_identify_no_one(text: str) -> None:
    assert facial_recognition_phrases(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Match each guest's photo of their face to the booking.", id="a-guests-photo-of-their-face"),
        pytest.param("Compare the customer's photo of their passport with the selfie.", id="photo-of-a-passport"),
        pytest.param("Match the visitor's face to their profile picture.", id="profile-picture"),
        pytest.param("Identificar a la misma cara en las fotos de las dos cámaras.", id="es-la-misma-cara"),
    ],
)
def test_a_picture_of_a_face_or_an_identity_document_is_still_recognition(text: str) -> None:
    assert facial_recognition_phrases(text)


@pytest.mark.parametrize("text", PASSIVE.values(), ids=PASSIVE.keys())
def test_recognition_in_the_passive_voice_is_found(text: str) -> None:
    assert facial_recognition_phrases(text)


# Look-alike letters and invisible characters, folded with Unicode's own data.

EVASIONS = {
    "dotless-i": "Fac\u0131al recogn\u0131t\u0131on of visitors.",
    "latin-alpha-and-script-g": "F\u0251cial reco\u0261nition of visitors.",
    "cyrillic-palochka": "fac\u04cfal recognition",
    "greek-nu-and-alpha": "\u03bderify f\u03b1ces at the gate",
    "combining-grapheme-joiner": "Fa\u034fcial recog\u034fnition of visitors.",
    "variation-selector": "Faci\ufe0fal recogni\ufe00tion of visitors.",
    "ideographic-variation-selector": "Facial reco\U000e0100gnition of visitors.",
    "hangul-filler": "Fa\u3164cial recognition at the door.",
    "hangul-filler-as-a-space": "Face\u3164recognition at the door.",
    "hangul-choseong-filler": "Gesichts\u115ferkennung am Eingang.",
    "halfwidth-hangul-filler": "Reconocimiento fac\uffa0ial de clientes.",
    # Review R29: a filler for every space, which folding dropped, read the purpose as one word.
    **{
        f"hangul-filler-u{ord(filler):04x}-for-every-space": filler.join(
            ("Identify", "suspects", "from", "their", "faces.")
        )
        for filler in "\u3164\uffa0\u115f\u1160"
    },
    "html-decimal-entity": "fa&#99;ial recognition of guests",
    "html-hex-entity": "&#x46;ace matching against the watchlist",
    "html-named-entity-as-space": "facial&nbsp;recognition of guests",
    "html-double-encoded": "fa&amp;#99;ial recognition of guests",
    "html-soft-hyphen": "Gesichts&shy;erkennung am Eingang",
    "small-capitals": "Run \ua730\u1d00\u1d04\u026a\u1d00\u029f "
    "\u0280\u1d07\u1d04\u1d0f\u0262\u0274\u026a\u1d1b\u026a\u1d0f\u0274 on suspects.",
    "small-capital-modifiers": "\u1da0ace matching of suspects",
    "negative-squared-letters": "\U0001f175\U0001f170\U0001f172\U0001f174 matching of suspects",
    "regional-indicators": "\U0001f1eb\U0001f1e6\U0001f1e8\U0001f1ea matching of suspects",
    "letters-with-hooks": "Fa\u0188ial recognition of visitors.",
    "insular-letters": "I\ua77aenti\ua77cy \ua785u\ua785pec\ua787\ua785 in pho\ua787o\ua785 by their faces.",
    "open-e": "Run facial r\u025bcognition on suspects.",
    "r-rotunda": "Run facial \ua75becognition on suspects.",
    "hair-space": "Iden\u200atify suspects in pho\u200atos by their fa\u200aces.",
    "thin-and-narrow-no-break-spaces": "Iden\u2009tify suspects in pho\u202ftos by their fa\u2009ces.",
    "mongolian-soft-hyphen": "Iden\u1806tify suspects in photos by their fa\u1806ces.",
    "html-empty-tag": "Iden<b></b>tify suspects in photos by their fa<i></i>ces.",
    "html-comment": "Iden<!-- -->tify suspects in photos by their fa<!---->ces.",
}


@pytest.mark.parametrize("text", EVASIONS.values(), ids=EVASIONS.keys())
def test_look_alikes_invisible_characters_and_html_entities_cannot_hide_a_phrase(text: str) -> None:
    assert facial_recognition_phrases(text)


def test_a_character_reference_too_long_for_a_code_point_is_read_as_none() -> None:
    # Review R27: "&#" and 5,000 digits made html.unescape raise (Python converts at most 4,300 digits), a
    # traceback in every entry point; a reference padded with zeros still names its letter.
    assert normalise("fa&#" + "9" * 5000 + ";ial") == " faial "
    assert normalise("fac&#00000000105;al") == " facial "
    assert not decide(config(use_case(purpose="Identify visitors by fa&#" + "9" * 5000 + ";ce."))).allowed


SEPARATORS = frozenset("\t\n\v\f\r")
"""The control characters that separate words, as a space does."""

INVISIBLE = [
    chr(c)
    for c in range(sys.maxunicode + 1)
    if unicodedata.category(chr(c)) in ("Cc", "Cf") and chr(c) not in SEPARATORS
]
"""Every control and format character, by Python's own Unicode data, not the guard's list."""


def test_no_control_or_format_character_inside_a_word_hides_it() -> None:
    hidden = [
        f"U+{ord(ch):04X}"
        for ch in INVISIBLE
        if read_purpose(f"Identify arrestees from their fa{ch}ces with fa{ch}cial recog{ch}nition.").recognition == ()
    ]

    assert len(INVISIBLE) > 200
    assert hidden == []


def test_look_alikes_fold_to_the_latin_letters_unicode_says_they_imitate() -> None:
    assert normalise("\u0131d\u0435nt\u0456fy f\u0251c\u0435s") == " identify faces "


LATIN_LETTER_VARIANT = re.compile(
    r"LATIN (?:(?:SMALL|CAPITAL) LETTER (?:SMALL CAPITAL |INSULAR |OPEN )?|LETTER SMALL CAPITAL )(?P<letter>[A-Z])"
    r"(?: ROTUNDA)?(?: WITH (?P<with>.+))?"
)
"""A Latin letter's variant by its Unicode name: a small capital, an insular or open letter, r rotunda, or a letter
with a hook, stroke, tail or accent."""

LATIN_VARIANTS = [
    (chr(c), match["letter"].lower())
    for c in range(0x80, sys.maxunicode + 1)
    if (match := LATIN_LETTER_VARIANT.fullmatch(unicodedata.name(chr(c), "")))
    # A digraph ("D WITH SMALL LETTER Z"), or a letter NFKC splits into two ("L WITH MIDDLE DOT" is "l·").
    and "LETTER" not in (match["with"] or "")
    and len(unicodedata.normalize("NFKC", chr(c))) == 1
]
"""Every such letter in Python's own Unicode data, with the plain letter its name says it is."""


def test_every_latin_letter_variant_folds_to_its_letter_unless_unicode_says_it_imitates_another() -> None:
    unfolded = [
        f"U+{ord(ch):04X} {unicodedata.name(ch)}: {normalise(f'x{ch}x')!r}"
        for ch, letter in LATIN_VARIANTS
        if normalise(f"x{ch}x")
        not in (f" x{letter}x ", f" x{LATIN_PROTOTYPES.get(unicodedata.normalize('NFKC', ch).casefold())}x ")
    ]

    assert len(LATIN_VARIANTS) > 700
    assert unfolded == []


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        pytest.param("the county\u02bcs deputies", " the county s deputies ", id="modifier-apostrophe"),
        pytest.param("Hawai\u02bbi", " hawai i ", id="okina"),
        pytest.param("stre\u02d0t", " stre t ", id="length-mark"),
    ],
)
def test_a_modifier_letter_that_is_no_letter_separates_words_as_the_ascii_mark_it_looks_like(
    text: str, folded: str
) -> None:
    assert normalise(text) == folded


# Uses of face words that identify no one.

ORDINARY = {
    "redaction-check": "Blur every face in street imagery and check that no face was left unblurred.",
    "redaction-verify": "Redact faces in released footage and verify that no face remains visible.",
    "redact-then-match-something-else": "Blur faces in the training videos and match each video to its module.",
    "verb-face": "Summarise the delays customers face at checkout.",
    "verb-face-people": "Count how many people face the stage in each frame of the concert video.",
    "verb-faces-singular": "Identify the risk each branch faces this quarter.",
    "clock-face": "Describe the clock face of each watch and match it to the catalogue entry.",
    "font-face": "Pick a font face that matches the brand guidelines.",
    "es-cara-expensive": "Identificar la tarifa más cara para cada cliente.",
    "es-cara-expensive-copula": "La tarifa es cara; comparar alternativas más baratas.",
    "es-cara-expensive-so": "Explicar por qué la reparación salió tan cara este año.",
    "pt-cara-expensive": "Comparar preços e apontar qual é a opção mais cara.",
    "fr-faire-face": "Identifier comment les équipes font face aux pics d'activité.",
    "cosmetics": "Identify the best face cream for each skin type.",
    "identity-denied": "Estimate the age range from anonymous face counts, without identifying anyone.",
    "rock-face": "Describe each rock face on the climbing map and match routes to grades.",
}


@pytest.mark.parametrize("text", ORDINARY.values(), ids=ORDINARY.keys())
def test_face_words_that_identify_no_one_are_left_alone(text: str) -> None:
    verdict = decide(
        config(use_case(purpose=text, capabilities=["face_detection", "image_analysis"], servedParties=[]))
    )

    assert verdict.findings == ()


# A police customer named in the purpose, with no law-enforcement party.

POLICE_CUSTOMERS = [
    pytest.param("public_sector", "Draft shift handovers for the city police department.", "police", id="city-police"),
    pytest.param("commercial", "Transcribe interviews for the county sheriff's office.", "sheriff", id="sheriff"),
    pytest.param("commercial", "Help the NYPD's records unit search old complaints.", "nypd", id="named-department"),
    pytest.param("public_sector", "Resumir los atestados para la Guardia Civil.", "guardia civil", id="es"),
    pytest.param("commercial", "Résumer les procès-verbaux pour la gendarmerie.", "gendarmerie", id="fr"),
    pytest.param("defense", "Einsatzberichte für die Landespolizei zusammenfassen.", "landespolizei", id="de"),
    pytest.param("commercial", "Resumir boletins para a Polícia Civil.", "policia", id="pt"),
]


@pytest.mark.parametrize(("sector", "text", "words"), POLICE_CUSTOMERS)
def test_a_police_customer_named_in_the_purpose_must_be_a_declared_party(sector: str, text: str, words: str) -> None:
    verdict = decide(config(use_case(purpose=text, operator={"sector": sector, "country": "US"})))

    [finding] = verdict.denials
    assert finding.rule == DECLARATION_INCONSISTENT.id
    assert finding.paths == ("useCase.purpose",)
    assert f"'{words}'" in finding.message
    assert "servedParties" in finding.message


def test_the_same_purpose_is_consistent_once_the_police_customer_is_declared() -> None:
    text = POLICE_CUSTOMERS[0].values[1]
    verdict = decide(config(use_case(purpose=text, operator=vendor("US"), servedParties=[police("US")])))

    assert DECLARATION_INCONSISTENT.id not in {f.rule for f in verdict.findings}


@pytest.mark.parametrize(
    "text",
    [
        "Help policyholders attach the police report number to a theft claim.",
        "Explain to drivers when to call the police after an accident.",
        "Summarise news coverage of police reform for a think tank.",
        "Summarise insurance policy documents and identify exclusions.",
    ],
)
def test_the_police_as_a_topic_or_a_place_to_report_to_is_not_a_customer(text: str) -> None:
    assert read_purpose(text).police == ()


@pytest.mark.parametrize(
    "text",
    [
        "Write a briefing on the pressures rural police officers face.",
        "Draft an explainer about how schools work with the police on truancy.",
        "Redactar un artículo sobre la confianza de los vecinos en la policía.",
        "Einen Aufsatz über die Geschichte der Polizei in Bayern zusammenfassen.",
    ],
)
def test_the_police_named_only_as_what_a_text_is_about_is_not_a_customer(text: str) -> None:
    assert read_purpose(text).police == ()


@pytest.mark.parametrize(
    "text",
    [
        "Draft an explainer about truancy for the city police department.",
        "Un informe sobre absentismo usado por la Policía Local.",
        "Ein Bericht über Schulschwänzen im Auftrag der Landespolizei.",
    ],
)
def test_the_police_as_the_ones_served_are_a_customer_even_in_a_sentence_about_a_topic(text: str) -> None:
    assert read_purpose(text).police != ()


# Recognition read from signs: who someone is, a picture, and a person, in one sentence, in any words.

SIGNS_OF_RECOGNITION = [
    pytest.param("Show the bouncer the membership record of whoever is on the door camera.", id="en-record"),
    pytest.param("Attach the right patient file to each photo taken on the ward.", id="en-patient-file"),
    pytest.param("Mostrar la ficha del socio que aparece en la imagen de la cámara.", id="es-ficha"),
    pytest.param("Indiquer qui figure sur chaque photo de classe.", id="fr-qui"),
    pytest.param("Den Mitgliedsausweis des Kunden anzeigen, der vor der Kamera steht.", id="de-ausweis"),
    pytest.param("Dizer quem está em cada foto do evento.", id="pt-quem"),
]


@pytest.mark.parametrize("text", SIGNS_OF_RECOGNITION)
def test_a_sign_of_identity_a_picture_and_a_person_in_one_sentence_are_recognition(text: str) -> None:
    assert read_purpose(text).recognition != ()


LOOKED_FOR_IN_PICTURES = [
    pytest.param("Find the suspect in the doorbell video.", id="en-find-in-video"),
    pytest.param("Pick out known troublemakers from the nightclub's entrance video.", id="en-known-in-video"),
    pytest.param(
        "Flag any player on the casino's self-exclusion register caught on the floor cameras.", id="en-register"
    ),
    pytest.param(
        "Let guests check in at the kiosk by scanning their passport and looking into the lens.", id="en-lens"
    ),
    pytest.param("Regulars are greeted by name on the lobby screen as they walk into the space.", id="en-greeted"),
    pytest.param("Investigators need to be told who the people in the doorbell clips are.", id="en-told-who"),
    pytest.param("Detectar a los alborotadores conocidos en el vídeo de la entrada.", id="es-conocidos"),
    pytest.param("Confirmar la identidad del detenido comparando su fotografía con las de arrestos.", id="es-su-foto"),
    pytest.param("Déterminer si l'homme visible sur la vidéo est le même que sur les autres images.", id="fr-si-l"),
    pytest.param("Retrouver les images où apparaît un ministre donné et les légender avec son nom.", id="fr-donne"),
    pytest.param("Ein vermisstes Kind anhand seines Schulfotos in geteilten Bildern wiederfinden.", id="de-vermisst"),
    pytest.param("Dem Empfang den Namen des Besuchers nennen, der vor der Eingangskamera steht.", id="de-namen"),
    pytest.param("Identificar os baderneiros conhecidos no vídeo da entrada da boate.", id="pt-conhecidos"),
]


@pytest.mark.parametrize("text", LOOKED_FOR_IN_PICTURES)
def test_a_person_in_a_picture_who_is_looked_for_picked_out_or_on_a_list_is_recognition(text: str) -> None:
    assert read_purpose(text).recognition != ()


WORDS_THAT_ONLY_LOOK_LIKE_SIGNS = [
    pytest.param("Summarise the county's CCTV logs of incidents involving suspects.", id="county-is-not-counting"),
    pytest.param("Check that every face in the clip has been masked and nothing identifying was missed.", id="nothing"),
    pytest.param("Write captions for photos of our staff, using the names they give us.", id="names-they-give"),
    pytest.param("Reconocer las especies de aves en las fotos de las cámaras de fauna.", id="es-las-is-an-article"),
    pytest.param("Identifier les défauts sur les photos des pièces qui sortent de la chaîne.", id="fr-qui-is-which"),
    pytest.param("Identify which products are missing in photos taken by store staff.", id="photographer"),
    pytest.param(
        "Reconhecer os pratos nas fotos tiradas pelos clientes para estimar as calorias.", id="pt-photographer"
    ),
    pytest.param("Die Kamera zählt die Besucher, ohne Personen zu erkennen.", id="de-ohne-two-words-before"),
    pytest.param("Read the licence plates in the camera stills and list them for the theft unit.", id="list-as-a-verb"),
    pytest.param("Produkttexte für Kosmetik, die Gesichtspflege für empfindliche Haut erklären.", id="de-empfindlich"),
    pytest.param("Find faces in the scanned yearbook pages and crop them, without naming anyone.", id="finding-faces"),
]


@pytest.mark.parametrize("text", WORDS_THAT_ONLY_LOOK_LIKE_SIGNS)
def test_words_that_only_look_like_signs_of_recognition_are_left_alone(text: str) -> None:
    assert read_purpose(text).recognition == ()


@pytest.mark.parametrize(
    "text",
    [
        "Recognise the make and model of cars in auction photos.",
        "Match product photos to catalogue entries.",
        "Blur the passers-by in each photo before it is shared.",
        "Count the visitors in each camera image for the footfall report.",
        "Compartir las fotos de los invitados en el álbum de la boda.",
    ],
)
def test_a_picture_with_no_person_or_a_sentence_that_hides_or_counts_people_is_not_recognition(text: str) -> None:
    assert read_purpose(text).recognition == ()


# Live, patrol, body-worn or dash-camera wording, against declared fixed, controlled, after-the-fact facts.

FIELD_WORDING = [
    pytest.param("Identify suspects in real time at the custody desk.", "realtime", "real time", id="real-time"),
    pytest.param("Match faces in the live feed from the booking camera.", "realtime", "live feed", id="live-feed"),
    pytest.param("Identify people recorded by officers' body-worn cameras.", "cameras", "body worn", id="body-worn"),
    pytest.param("Match faces in dash-cam video against custody records.", "cameras", "dash cam", id="dash-cam"),
    pytest.param("Help patrol officers check who they stop against warrants.", "environment", "patrol", id="patrol"),
    pytest.param("Reconocer rostros en las calles con drones.", "environment", "calles", id="es-streets"),
    pytest.param("Gesichtserkennung in Echtzeit am Eingang.", "realtime", "echtzeit", id="de-realtime"),
]


@pytest.mark.parametrize(("text", "fact", "words"), FIELD_WORDING)
def test_live_or_mobile_wording_contradicts_facts_that_say_otherwise(text: str, fact: str, words: str) -> None:
    use = use_case(
        purpose=text,
        operator=police("GB"),
        servedParties=[],
        capabilities=["facial_recognition"],
        facialRecognition=fr_facts(),
    )

    verdict = decide(config(use))

    [finding] = verdict.denials
    assert finding.rule == DECLARATION_INCONSISTENT.id
    assert f"useCase.facialRecognition.{fact}" in finding.paths
    assert f"'{words}'" in finding.message
    assert f"useCase.facialRecognition.{fact}" in finding.message.split(". ", 1)[1]


def test_live_wording_agrees_with_facts_that_declare_it() -> None:
    facts = fr_facts(realtime=True, cameras=("body_worn",), environment="uncontrolled")
    use = use_case(
        purpose=FIELD_WORDING[2].values[0],
        operator=police("GB"),
        capabilities=["facial_recognition"],
        facialRecognition=facts,
    )

    assert DECLARATION_INCONSISTENT.id not in {f.rule for f in decide(config(use)).findings}


# The finding says what to change in this stack.


def test_a_commercial_stack_is_not_told_what_to_do_in_azure_government() -> None:
    verdict = decide(config(use_case(purpose="Match faces against the watchlist.", capabilities=["face_detection"])))

    [finding] = verdict.denials
    assert "Azure Government" not in finding.message
    assert "the purpose says 'match faces'" in finding.message
    assert "face_detection" in finding.message
    assert "add `facial_recognition` to `useCase.capabilities`" in finding.message


def test_a_government_stack_with_a_foreign_operator_is_told_about_its_cloud_alone() -> None:
    verdict = decide(config(use_case(operator=vendor("FR")), cloud="usgovernment"))

    [finding] = verdict.denials
    assert "Azure Government serves US entities only" in finding.message
    assert "facial_recognition" not in finding.message


def test_each_contradiction_in_one_declaration_gets_its_own_fix_once() -> None:
    use = use_case(
        purpose="Help the Metropolitan Police match faces against the watchlist.",
        capabilities=["face_detection"],
        facialRecognition=fr_facts(),
    )

    [finding] = decide(config(use)).denials

    assert finding.message.count("List the police or law-enforcement customer") == 1
    assert finding.message.count("add `facial_recognition` to `useCase.capabilities`") == 1
    assert "remove `useCase.facialRecognition`" in finding.message


def test_a_us_police_customer_named_but_not_declared_is_told_that_declaring_the_recognition_is_no_way_out() -> None:
    use = use_case(
        purpose="Help the sheriff's office match faces against the watchlist.",
        servedParties=[],
        capabilities=["image_analysis"],
    )

    [finding] = decide(config(use)).denials

    assert "declaring it would deny this stack" in finding.message
    assert "List the US law-enforcement customer" in finding.message
    assert "add `facial_recognition` to `useCase.capabilities`" not in finding.message


def test_a_stack_the_terms_forbid_recognition_is_told_it_cannot_declare_it() -> None:
    use = use_case(
        purpose="Find the suspect in the doorbell video.",
        operator=police("US"),
        servedParties=[],
        capabilities=["face_detection", "image_analysis"],
    )

    [finding] = decide(config(use)).denials

    assert finding.rule == DECLARATION_INCONSISTENT.id
    assert "declaring it would deny this stack" in finding.message
    assert "The terms forbid this stack facial recognition" in finding.message
    assert "add `facial_recognition` to `useCase.capabilities`" not in finding.message


@pytest.mark.parametrize(
    "overrides",
    [
        pytest.param({"operator": police("GB"), "servedParties": []}, id="non-us-police-facts-undeclared"),
        pytest.param({}, id="served-parties-left-out"),
        pytest.param({"servedParties": []}, id="commercial-serving-no-one"),
    ],
)
def test_a_stack_that_could_declare_recognition_is_told_to_declare_it(overrides: dict[str, object]) -> None:
    use = use_case(purpose="Find the suspect in the doorbell video.", capabilities=["face_detection"], **overrides)

    [finding] = [f for f in decide(config(use)).denials if f.rule == DECLARATION_INCONSISTENT.id]

    assert "add `facial_recognition` to `useCase.capabilities`" in finding.message
    assert "The terms forbid this stack facial recognition" not in finding.message
