"""An organisation a sentence says facial recognition is done for, while ``servedParties`` says no one is served.

``servedParties: []`` beside facial recognition by a company keeps the terms' clauses from applying; a purpose
that says the work is done "for the Carabinieri" or "for the bureau headquartered in the J. Edgar Hoover
Building" names a party the declaration leaves out, whatever its name, so the declaration is inconsistent
(reviews R7 and R8: police customers by names and paraphrases no word list knows).
"""

from __future__ import annotations

from typing import Any

import pytest

from azure_openai_guarded.guards import Cloud, Finding, UseCase, Verdict, evaluate_use_case
from azure_openai_guarded.guards.declaration import validate
from azure_openai_guarded.guards.purpose_served import served_parties_named
from azure_openai_guarded.guards.rules import DECLARATION_INCONSISTENT
from tests.declarations import fr_facts, police, use_case, vendor


@pytest.mark.parametrize(
    ("text", "named"),
    [
        pytest.param("Live identification in the street for the Carabinieri.", "for the Carabinieri", id="a-force"),
        pytest.param(
            "Face matching for the bureau headquartered in the J. Edgar Hoover Building.",
            "for the bureau",
            id="a-paraphrase",
        ),
        pytest.param("Face matching for the Polizia di Stato.", "for the Polizia di Stato", id="a-joined-name"),
        pytest.param("Identify people for tribal officers of the Navajo Nation.", "for tribal officers", id="officers"),
        pytest.param("Verify customers for Contoso Bank.", "for Contoso Bank", id="a-company"),
        pytest.param("Identificar a las personas para la Guardia Civil.", "para la Guardia Civil", id="spanish"),
        pytest.param("Gesichter für die Bundespolizei abgleichen.", "für die Bundespolizei", id="german"),
        pytest.param("Identificar rostros para la migra en Texas.", "para la migra", id="spanish-slang"),
        pytest.param(
            "Identifier des visages pour les fédéraux américains à la frontière.", "pour les fédéraux", id="french"
        ),
        pytest.param(
            "Match faces at the door; the client is the Navajo Nation.", "client is the Navajo Nation", id="client"
        ),
        pytest.param(
            "Match faces for the immigration authorities of the United States.",
            "for the immigration",
            id="what-an-agency-does",
        ),
        pytest.param("Comparer des visages pour l'immigration américaine.", "pour l'immigration", id="elided-article"),
        pytest.param("Comparar rostos para a alfândega dos EUA.", "para a alfândega", id="customs"),
        pytest.param("Verify staff faces for the agencies we work with.", "for the agencies", id="a-plural"),
        pytest.param("Match employee faces at the door for offices in London.", None, id="offices-are-places"),
        pytest.param("Match employees' badge photos for our own security team.", None, id="the-operators-own"),
        pytest.param("Verify customers' selfies against their ID for onboarding.", None, id="people-not-organisations"),
        pytest.param("Verify identity for customers in English and Spanish.", None, id="a-language"),
        pytest.param("Face Matching For The Lobby Kiosk", None, id="title-case"),
        pytest.param("Verify staff for each shift.", None, id="a-shift"),
    ],
)
def test_an_organisation_the_work_is_done_for_is_read_whatever_its_name(text: str, named: str | None) -> None:
    assert served_parties_named(text) == ((named,) if named else ())


@pytest.mark.parametrize(
    ("declared", "inconsistent"),
    [
        pytest.param({"operator": vendor("GB"), "servedParties": []}, True, id="serving-no-one"),
        pytest.param({"operator": vendor("GB"), "servedParties": [vendor("IT")]}, False, id="its-customer-listed"),
        pytest.param(
            {"operator": police("GB"), "servedParties": []}, False, id="police-operator-read-as-police-instead"
        ),
    ],
)
def test_recognition_for_an_organisation_the_declaration_says_it_does_not_serve_is_inconsistent(
    declared: dict[str, Any], inconsistent: bool
) -> None:
    verdict, found = _served_findings(
        purpose="Match custody photos against the archive for the Carabinieri.", **declared
    )

    assert bool(found) is inconsistent, verdict.summary()
    if inconsistent:
        assert "'for the Carabinieri'" in found[0].message
        assert "List each organisation the integration is built for" in found[0].message


@pytest.mark.parametrize(
    ("text", "inconsistent"),
    [
        pytest.param("Match custody photos for the Carabinieri.", False, id="a-force-naming-itself"),
        pytest.param(
            "Match custody photos for the immigration authorities of the United States.", True, id="a-us-agency"
        ),
        pytest.param("Comparar fotos de detenidos para la aduana de EE. UU.", True, id="a-us-agency-abbreviated"),
        pytest.param("Match custody photos for US immigration.", True, id="us-in-capitals"),
    ],
)
def test_a_police_operator_abroad_serving_no_one_may_name_itself_but_not_a_party_in_the_united_states(
    text: str, inconsistent: bool
) -> None:
    verdict, found = _served_findings(operator=police("IT"), servedParties=[], purpose=text)

    assert bool(found) is inconsistent, verdict.summary()


def _served_findings(**declared: Any) -> tuple[Verdict, list[Finding]]:
    """The verdict on facial recognition declared with ``declared``, and its findings that a party the purpose
    names is left out of ``servedParties: []``."""
    use = validate(
        UseCase,
        use_case(**declared, capabilities=["facial_recognition"], facialRecognition=fr_facts()),
        ("useCase",),
        spelling="config",
    )
    verdict = evaluate_use_case(use, Cloud.PUBLIC)
    found = [
        f for f in verdict.findings if f.rule == DECLARATION_INCONSISTENT.id and "servedParties is []" in f.message
    ]
    return verdict, found
