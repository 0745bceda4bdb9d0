"""Pictures of faces analysed by or for law enforcement must say what is done with the faces.

``face_detection`` by or for a law-enforcement party (declared, or not ruled out by a left-out ``servedParties``)
leaves facial recognition unknown unless the purpose says the faces are blurred, redacted or counted. The same
holds for ``image_analysis`` by or for a declared law-enforcement party, of pictures the texts say are of faces
(booking photos, mugshots, headshots) or of people (a person, unknown people, a name), unless a purpose says no one
is identified; and under any other capability (an embedding, a classification, a text model) given pictures the
purpose names, since the capability that reads them is undeclared (review R26); while a product's front face with
the parties left out is no face: a model that reads a face photo can compare it with another, and the stack that
declares less must not be judged more leniently (reviews R8 MEDIUM-2 and R9 H1).
"""

from __future__ import annotations

from typing import Any

import pytest

from azure_openai_guarded.guards import Cloud, UseCase, evaluate_use_case
from azure_openai_guarded.guards.declaration import validate
from azure_openai_guarded.guards.facts import FACES_LOOKED_AT, PICTURES_UNDECLARED
from azure_openai_guarded.guards.rules import DECLARATION_INCOMPLETE
from tests.declarations import police, use_case, vendor


@pytest.mark.parametrize(
    ("declared", "purpose", "unknown"),
    [
        pytest.param({"operator": police("US")}, "Process booking photos for the records team.", True, id="booking"),
        pytest.param({"operator": police("US")}, "Sort the mugshots in the archive by year.", True, id="mugshots"),
        pytest.param({"operator": police("GB")}, "Sort the custody photos by station.", True, id="uk-police"),
        pytest.param(
            {"operator": vendor("US"), "servedParties": [police("US")]},
            "Resize the headshots for the annual report.",
            True,
            id="for-us-police",
        ),
        pytest.param(
            {"operator": vendor("US")},
            "Identify the product from the photo of its front face.",
            False,
            id="a-things-face",
        ),
        pytest.param(
            {"operator": police("US")}, "Blur the faces in booking photos before release.", False, id="blurred"
        ),
        pytest.param(
            {"operator": police("US")}, "Describe the damage shown in crash-scene photos.", False, id="no-faces"
        ),
        pytest.param(
            {"operator": police("US")}, "Check whether two portraits show the same person.", True, id="a-person"
        ),
        pytest.param(
            {"operator": police("US")}, "Unbekannten auf Fotos einen Namen zuordnen.", True, id="german-unknown-people"
        ),
        pytest.param(
            {"operator": police("US")}, "Given a head shot, return the record it belongs to.", True, id="a-head-shot"
        ),
        pytest.param(
            {"operator": police("US")},
            "Describir a los presos de las fotos del patio.",
            True,
            id="a-prisoner",
        ),
        pytest.param(
            {"operator": police("US")}, "Cluster the evidence photos by who appears in them.", True, id="who-appears"
        ),
        pytest.param(
            {"operator": police("US")},
            "Flag when the man from the BOLO bulletin appears in the lobby camera.",
            True,
            id="a-wanted-man",
        ),
        pytest.param(
            {"operator": police("US")}, "Look through the evidence photos for the defendant.", True, id="a-defendant"
        ),
        pytest.param(
            {"operator": police("US")}, "Describir la ropa de la mujer en las fotos.", True, id="a-woman-in-spanish"
        ),
        pytest.param(
            {"operator": police("US")}, "Read the licence plates in the evidence photos.", False, id="licence-plates"
        ),
        pytest.param(
            {"operator": police("US")}, "Match CCTV stills against booking records.", True, id="against-records"
        ),
        pytest.param(
            {"operator": police("US")}, "Ergebnisse der Lichtbildrecherche zusammenfassen.", True, id="photo-search"
        ),
        pytest.param(
            {"operator": police("US")},
            "Without identifying anyone, return the booking photo most similar to the person in the still.",
            True,
            id="a-disclaimer-beside-a-lookup",
        ),
        pytest.param(
            {"operator": police("US")},
            "Nobody is identified. Just return the ID number of the closest custody image.",
            True,
            id="a-disclaimer-then-a-number",
        ),
        pytest.param(
            {"operator": police("US")},
            "Sans identifier personne, renvoyer la photo signalétique la plus proche de la personne sur l'image.",
            True,
            id="a-disclaimer-in-french",
        ),
        pytest.param(
            {"operator": police("US")},
            "Describe the clothing of people in CCTV stills; no one is identified.",
            False,
            id="people-no-one-identified",
        ),
        pytest.param(
            {"operator": vendor("US"), "servedParties": []},
            "Crop staff headshots for the intranet.",
            False,
            id="no-law-enforcement",
        ),
    ],
)
def test_face_pictures_analysed_by_or_for_law_enforcement_leave_recognition_unknown_until_explained(
    declared: dict[str, Any], purpose: str, unknown: bool
) -> None:
    if declared["operator"]["sector"] == "law_enforcement":
        declared = {"servedParties": [], **declared}
    use = validate(
        UseCase, use_case(**declared, capabilities=["image_analysis"], purpose=purpose), ("useCase",), spelling="config"
    )

    verdict = evaluate_use_case(use, Cloud.PUBLIC)

    incomplete = [f for f in verdict.findings if f.rule == DECLARATION_INCOMPLETE.id and FACES_LOOKED_AT in f.message]
    assert bool(incomplete) is unknown, verdict.summary()
    if unknown:
        assert not verdict.allowed
        assert "never matched to anyone" in incomplete[0].message


@pytest.mark.parametrize(
    "purpose",
    [
        pytest.param("Count the faces in the footage, then attach each one's arrest record.", id="english"),
        pytest.param("Contar las caras del vídeo y adjuntar a cada una su ficha policial.", id="spanish"),
        pytest.param("Compter les visages dans la vidéo, puis joindre à chacun son casier judiciaire.", id="french"),
        pytest.param("Blur faces for release. Detectives get a copy with the names of those shown.", id="names"),
    ],
)
def test_a_count_or_blur_beside_handing_back_who_each_face_is_says_nothing_of_what_is_done(purpose: str) -> None:
    # Review R11: the count or the blur excused the record attached to each face.
    use = validate(
        UseCase,
        use_case(operator=vendor("US"), servedParties=[police("US")], capabilities=["face_detection"], purpose=purpose),
        ("useCase",),
        spelling="config",
    )

    verdict = evaluate_use_case(use, Cloud.PUBLIC)

    assert not verdict.allowed
    assert DECLARATION_INCOMPLETE.id in {f.rule for f in verdict.denials}, verdict.summary()


@pytest.mark.parametrize(
    ("capabilities", "purpose", "unknown"),
    [
        pytest.param(
            ["embeddings"],
            "Turn each portrait into a vector and return the closest one from the booking archive.",
            True,
            id="an-embedding-of-a-portrait",
        ),
        pytest.param(
            ["classification"],
            "Assign each jpeg from the sally port to one of the enrolled record numbers.",
            True,
            id="a-classification-of-a-jpeg",
        ),
        pytest.param(
            ["text_generation"],
            "Given a still from a doorbell video, write which prior arrestee it most looks like.",
            True,
            id="a-text-model-given-a-still",
        ),
        pytest.param(
            ["summarization"],
            "Associe chaque photo prise au poste au numéro de dossier le plus proche dans l'archive.",
            True,
            id="french",
        ),
        pytest.param(
            ["embeddings"],
            "Turn each Lichtbild into a vector and return the closest from the archive.",
            True,
            id="a-german-compound",
        ),
        pytest.param(
            ["classification"],
            "Sort the photos of seized goods by kind; no one is identified.",
            False,
            id="no-one-identified",
        ),
        pytest.param(
            ["text_generation"], "Draft letters to people who still owe parking fines.", False, id="no-picture"
        ),
        pytest.param(
            ["speech_to_text"], "Transcribe the audio of body camera recordings.", False, id="a-cameras-sound"
        ),
        pytest.param(
            ["text_generation"], "Draft the department's Leitbild for the annual report.", False, id="a-german-model"
        ),
        # A picture the text denies is none (review R27), while one it names elsewhere still counts.
        pytest.param(["summarization"], "Summarise incident reports; no images are processed.", False, id="no-images"),
        pytest.param(["summarization"], "Resumir relatórios de ocorrências, sem imagens.", False, id="sem-imagens"),
        pytest.param(["summarization"], "Berichte ohne Bilder zusammenfassen.", False, id="ohne-bilder"),
        pytest.param(
            ["summarization"],
            "Summarise reports with no images, then the photos of suspects too.",
            True,
            id="denied-then-named",
        ),
        pytest.param(
            ["summarization"], "Summarise reports, not only photos of suspects.", True, id="a-denial-that-widens"
        ),
    ],
)
def test_pictures_no_declared_capability_reads_leave_recognition_unknown_for_law_enforcement(
    capabilities: list[str], purpose: str, unknown: bool
) -> None:
    # Review R26: the picture rule read image_analysis alone, so an embedding, a classification or a text model
    # given a photo of someone passed with only the recognition phrases in the way.
    use = validate(
        UseCase,
        use_case(operator=police("US"), servedParties=[], capabilities=capabilities, purpose=purpose),
        ("useCase",),
        spelling="config",
    )

    verdict = evaluate_use_case(use, Cloud.PUBLIC)

    incomplete = [
        f for f in verdict.findings if f.rule == DECLARATION_INCOMPLETE.id and PICTURES_UNDECLARED in f.message
    ]
    assert bool(incomplete) is unknown, verdict.summary()
    if unknown:
        assert not verdict.allowed
        assert "Declare `image_analysis`" in incomplete[0].message
