"""Free text that says what a declaration governs is read as its purpose is.

The use case's name (a slug that tags every resource) and each Foundry project's name, display name and
description are read by the purpose tripwire beside the purpose, each on its own: a project whose description
says it identifies suspects for the NYPD is denied under a declaration that says it summarises tickets, and the
finding names the field that says so. The corpus figures for descriptions are in
tests/guard/test_purpose_corpus.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from azure_openai_guarded.guards import Cloud, UseCase, evaluate_use_case
from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.declaration import validate
from azure_openai_guarded.guards.facts import READABLE
from azure_openai_guarded.guards.rules import DECLARATION_INCOMPLETE, DECLARATION_INCONSISTENT
from tests.declarations import REDACTION, config, fr_facts, police, use_case, write_stack

IMAGES = {"capabilities": ["image_analysis", "face_detection"], "servedParties": []}
"""A use case with pictures and no facial recognition, built for no one but its operator."""

UK_POLICE_FIXED = {
    "operator": police("GB"),
    "servedParties": [],
    "capabilities": ["facial_recognition"],
    "facialRecognition": fr_facts(),
}
"""Recognition the terms allow: UK police, fixed cameras, a controlled environment, not live."""

PROJECT_CASES = [
    pytest.param(
        IMAGES,
        {"description": "Identify suspects by looking up each face in the frame in the records system."},
        "service.projects[0].description says",
        "recognition_in_purpose",
        id="recognition-in-a-description",
    ),
    pytest.param(
        IMAGES,
        {"displayName": "Blur faces for the NYPD"},
        "service.projects[0].displayName says 'nypd'",
        "us_police_in_purpose",
        id="a-us-police-customer-in-a-display-name",
    ),
    pytest.param(
        UK_POLICE_FIXED,
        {"description": "Officers' body-worn cameras stream to it live while they are on patrol."},
        "service.projects[0].description says",
        "purpose_says_mobile",
        id="patrol-cameras-in-a-description-against-fixed-cameras",
    ),
    pytest.param(
        IMAGES,
        {"name": "nypd-suspect-face-match"},
        "service.projects[0].name says",
        "recognition_in_purpose_would_deny",
        id="recognition-for-a-us-police-customer-in-a-project-name",
    ),
]


def project_stack(tmp_path: Path, account: dict[str, Any], project: dict[str, Any]) -> Path:
    stack = config(use_case(**account))
    stack["service"] |= {"kind": "AIServices", "projects": [{"name": "team", **project}]}
    return write_stack(tmp_path, "described", stack)


@pytest.mark.parametrize(("account", "project", "says", "fix"), PROJECT_CASES)
def test_a_projects_text_under_the_stacks_declaration_is_read_as_its_purpose(
    tmp_path: Path, account: dict[str, Any], project: dict[str, Any], says: str, fix: str
) -> None:
    checked = check_file(project_stack(tmp_path, account, project))

    assert checked.verdict is not None, checked.problems
    assert not checked.verdict.allowed
    [found] = [f for f in checked.verdict.findings if f.rule == DECLARATION_INCONSISTENT.id]
    assert found.message.startswith(f"Foundry project {project.get('name', 'team')!r}: ")
    assert says in found.message
    assert DECLARATION_INCONSISTENT.fixes[fix] in found.message
    # It points at the text, or at the fact the text contradicts.
    assert any(p.startswith(("service.projects[0].", "useCase.facialRecognition")) for p in found.paths)


@pytest.mark.parametrize(("account", "project", "says", "fix"), PROJECT_CASES)
def test_a_projects_text_under_its_own_declaration_is_read_as_its_purpose(
    tmp_path: Path, account: dict[str, Any], project: dict[str, Any], says: str, fix: str
) -> None:
    own = {**project, "useCase": use_case(name="team", **account)}

    checked = check_file(project_stack(tmp_path, {}, own))

    assert checked.verdict is not None, checked.problems
    assert not checked.verdict.allowed
    [found] = [f for f in checked.verdict.findings if f.rule == DECLARATION_INCONSISTENT.id]
    assert says in found.message
    assert DECLARATION_INCONSISTENT.fixes[fix] in found.message


@pytest.mark.parametrize(
    "project",
    [
        pytest.param({"description": "Blur every face in the training videos before they are published."}, id="blur"),
        pytest.param({"displayName": "Face-to-face meeting notes"}, id="face-to-face"),
        pytest.param(
            {"name": "visitor-count", "description": "Count the visitors to the museum each hour."}, id="count"
        ),
    ],
)
def test_an_ordinary_projects_text_allows_the_stack(tmp_path: Path, project: dict[str, Any]) -> None:
    checked = check_file(project_stack(tmp_path, IMAGES, project))

    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed, checked.verdict.summary()


def test_the_use_cases_name_is_read_as_its_purpose_and_named_in_the_finding() -> None:
    named = validate(UseCase, use_case(name="nypd-suspect-face-match", **IMAGES), ("useCase",), spelling="config")

    verdict = evaluate_use_case(named, Cloud.PUBLIC)

    assert not verdict.allowed
    [found] = verdict.findings
    assert found.rule == DECLARATION_INCONSISTENT.id
    assert "useCase.name says 'nypd'" in found.message
    assert "useCase.name" in found.paths


def test_each_text_is_read_on_its_own_so_two_ordinary_ones_do_not_combine() -> None:
    # Read as neighbouring sentences of one text, "face" in one and "match" in the other would be recognition.
    meetings = validate(
        UseCase,
        use_case(purpose="Prepare agents for face-to-face meetings.", **IMAGES),
        ("useCase",),
        spelling="config",
    )

    verdict = evaluate_use_case(
        meetings, Cloud.PUBLIC, described=(("service.projects[0].description", "Match each agent to the account."),)
    )

    assert verdict.allowed, verdict.summary()


def test_a_finding_quotes_each_text_under_its_own_path() -> None:
    named = validate(UseCase, use_case(name="nypd-records", **IMAGES), ("useCase",), spelling="config")

    verdict = evaluate_use_case(
        named, Cloud.PUBLIC, described=(("service.projects[0].description", "Summaries for the Chicago police."),)
    )

    [found] = verdict.findings
    assert "useCase.name says 'nypd', and service.projects[0].description says 'police'" in found.message


NAMED = "nypd-suspect-face-match"
"""A name that says what the account is for: recognition for the NYPD."""

SERVICE_CASES = [
    pytest.param({"accountName": NAMED}, "service.accountName says", id="account-name"),
    pytest.param({"resourceGroupName": f"rg-{NAMED}"}, "service.resourceGroupName says", id="resource-group"),
    pytest.param(
        {"deployments": [{"name": NAMED, "model": "gpt-4o", "version": "2024-11-20", "capacity": 10}]},
        "service.deployments[0].name says",
        id="deployment-name",
    ),
    pytest.param(
        {"tags": {"purpose": "Identify suspects for the NYPD from their faces"}},
        "service.tags.purpose says",
        id="tag-value",
    ),
    pytest.param({"allowedFqdns": ["search.nypd.gov"]}, "service.allowedFqdns[0] says", id="allowed-host"),
    pytest.param(
        {"raiBlocklists": [{"name": "nypd-suspects", "items": [{"pattern": "x"}]}]},
        "service.raiBlocklists[0].name says",
        id="blocklist-name",
    ),
    pytest.param(
        {"raiBlocklists": [{"name": "terms", "items": [{"name": NAMED, "pattern": "x"}]}]},
        "service.raiBlocklists[0].items[0].name says",
        id="blocklist-item-name",
    ),
    pytest.param(
        {
            "privateEndpoint": {
                "subnetId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/"
                "Microsoft.Network/virtualNetworks/vnet/subnets/pe",
                "dnsZoneIds": {
                    label: f"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-{NAMED}/"
                    f"providers/Microsoft.Network/privateDnsZones/privatelink.{host}"
                    for label, host in (
                        ("openai", "openai.azure.com"),
                        ("cognitiveServices", "cognitiveservices.azure.com"),
                    )
                },
            }
        },
        "service.privateEndpoint.dnsZoneIds.openai says",
        id="private-dns-zone-id",
    ),
    pytest.param(
        {
            # Keys are exported only where local auth is turned on, a weakening written out.
            "localAuthEnabled": True,
            "secretsExport": {
                "keyVaultId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-kv/providers/"
                "Microsoft.KeyVault/vaults/kv-app",
                "primaryKeySecretName": f"{NAMED}-key1",
            },
        },
        "service.secretsExport.primaryKeySecretName says",
        id="key-vault-secret-name",
    ),
    pytest.param(
        {
            "additionalModels": [
                {"model": f"gpt-4o-ft-{NAMED}", "version": "1", "sku": "Standard", "regions": ["eastus2"]}
            ]
        },
        "service.additionalModels[0].model says",
        id="fine-tuned-model-name",
    ),
]


@pytest.mark.parametrize(("service", "says"), SERVICE_CASES)
def test_the_names_the_service_gives_azure_its_hosts_and_its_tags_are_read_as_its_purpose(
    tmp_path: Path, service: dict[str, Any], says: str
) -> None:
    stack = config(use_case(**IMAGES))
    stack["service"] |= service

    checked = check_file(write_stack(tmp_path, "named", stack))

    assert checked.verdict is not None, checked.problems
    assert not checked.verdict.allowed
    [found] = checked.verdict.findings
    assert found.rule == DECLARATION_INCONSISTENT.id
    assert says in found.message


def test_a_blocklists_description_says_what_is_blocked_and_is_not_read(tmp_path: Path) -> None:
    stack = config(use_case(**IMAGES))
    blocked = {"name": "no-face-id", "description": "Block prompts that ask to identify people from their faces."}
    stack["service"] |= {"raiBlocklists": [{**blocked, "items": [{"pattern": "who is this"}]}]}

    checked = check_file(write_stack(tmp_path, "blocked", stack))

    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed, checked.verdict.summary()


def test_ordinary_names_and_tags_allow_the_stack(tmp_path: Path) -> None:
    stack = config(use_case(**IMAGES))
    stack["service"] |= {"accountName": "contoso-face-blur", "tags": {"costCenter": "cc-1234", "team": "media"}}

    checked = check_file(write_stack(tmp_path, "ordinary", stack))

    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed, checked.verdict.summary()


def test_the_owner_is_read_as_its_purpose_as_it_may_name_the_customer() -> None:
    owned = validate(
        UseCase, use_case(owner="Facial Identification Section, NYPD", **IMAGES), ("useCase",), spelling="config"
    )

    verdict = evaluate_use_case(owned, Cloud.PUBLIC)

    assert not verdict.allowed
    [found] = verdict.findings
    assert "useCase.owner says 'nypd'" in found.message


@pytest.mark.parametrize(
    ("service", "says"),
    [
        pytest.param({"tags": {"customer-nypd": "true"}}, "service.tags.customer-nypd (a tag's key) says", id="key"),
        pytest.param({"accountName": "rgNypdSuspectFaceMatch"}, "service.accountName says", id="camel-case-name"),
    ],
)
def test_a_tags_key_and_a_camel_case_name_are_read_as_names(tmp_path: Path, service: dict[str, Any], says: str) -> None:
    stack = config(use_case(**IMAGES))
    stack["service"] |= service

    checked = check_file(write_stack(tmp_path, "labels", stack))

    assert checked.verdict is not None, checked.problems
    [found] = checked.verdict.findings
    assert says in found.message


def test_names_and_labels_are_not_read_for_live_or_patrol_wording(tmp_path: Path) -> None:
    # A KYC selfie check on a phone, in a bank's controlled flow: its deployment serves a realtime model.
    kyc = use_case(
        operator={"sector": "commercial", "country": "GB"},
        servedParties=[],
        capabilities=["facial_recognition"],
        facialRecognition=fr_facts(cameras=("handheld",)),
    )
    stack = config(kyc)
    deployment = {"name": "chat-realtime", "model": "gpt-4o", "version": "2024-11-20", "capacity": 10}
    stack["service"] |= {"deployments": [deployment], "tags": {"team": "street-level-banking"}}

    checked = check_file(write_stack(tmp_path, "kyc", stack))

    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed, checked.verdict.summary()


def test_a_deployments_name_is_read_for_crowds_though_not_for_the_realtime_model_it_serves(tmp_path: Path) -> None:
    stack = config(use_case(**UK_POLICE_FIXED))
    deployment = {"name": "street-crowd-live-id", "model": "gpt-4o", "version": "2024-11-20", "capacity": 10}
    stack["service"] |= {"deployments": [deployment]}

    checked = check_file(write_stack(tmp_path, "crowd", stack))

    assert checked.verdict is not None, checked.problems
    assert not checked.verdict.allowed
    assert "service.deployments[0].name says 'crowd'" in checked.verdict.findings[0].message


def test_a_tags_value_written_as_a_description_is_read_for_live_or_patrol_wording(tmp_path: Path) -> None:
    stack = config(use_case(**UK_POLICE_FIXED))
    stack["service"] |= {"tags": {"workload": "live watchlist alerts from body-worn cameras on patrol"}}

    checked = check_file(write_stack(tmp_path, "workload", stack))

    assert checked.verdict is not None, checked.problems
    assert not checked.verdict.allowed
    assert "service.tags.workload says" in checked.verdict.findings[0].message


@pytest.mark.parametrize(
    ("purpose", "capabilities", "unread"),
    [
        pytest.param("Распознавание лиц подозреваемых на фотографиях.", ["image_analysis"], True, id="cyrillic"),
        pytest.param("识别照片中的嫌疑人面孔", ["face_detection"], True, id="chinese"),
        pytest.param("Αναγνώριση προσώπων υπόπτων.", ["text_generation"], True, id="greek-without-pictures"),
        pytest.param(
            "Riassumere le segnalazioni della polizia per gli agenti.", ["text_generation"], True, id="italian"
        ),
        pytest.param(
            "Summarise the 容疑者 reports for the desk.", ["summarization"], True, id="one-word-in-another-script"
        ),
        pytest.param("Résumé des tickets pour l'équipe.", ["image_analysis"], False, id="latin-with-accents"),
        pytest.param(
            "Summarise Jira tickets for Contoso's on-call SREs.", ["summarization"], False, id="names-and-acronyms"
        ),
    ],
)
def test_a_purpose_the_guard_cannot_read_is_an_unknown_fact_whatever_the_capabilities(
    purpose: str, capabilities: list[str], unread: bool
) -> None:
    declared = validate(
        UseCase, use_case(purpose=purpose, capabilities=capabilities, servedParties=[]), ("useCase",), spelling="config"
    )

    verdict = evaluate_use_case(declared, Cloud.PUBLIC)

    assert verdict.allowed is not unread
    if unread:
        [found] = verdict.findings
        assert found.rule == DECLARATION_INCOMPLETE.id
        assert f"useCase.purpose {READABLE}" in found.message


CLAUSE_2_COMMERCIAL = {
    "operator": {"sector": "commercial", "country": "US"},
    "servedParties": [],
    "capabilities": ["facial_recognition"],
    "facialRecognition": fr_facts(True, ("body_worn",), "uncontrolled"),
}
"""Clause 2's capture facts, honestly declared, by an operator that says it is no law enforcement."""


@pytest.mark.parametrize(
    ("purpose", "flagged"),
    [
        pytest.param(
            "Officers on patrol identify wanted suspects live from their body-worn cameras.", True, id="terms"
        ),
        pytest.param(
            "Agentes en patrulla identifican en vivo a sospechosos con sus cámaras corporales.", True, id="es"
        ),
        pytest.param(
            "Store security guards on patrol identify banned shoppers live from their body-worn cameras.",
            False,
            id="private-security",
        ),
        pytest.param("Greet returning members by name as they walk past the staff's cameras.", False, id="members"),
    ],
)
def test_clause_2s_facts_with_no_law_enforcement_party_are_read_for_police_work(purpose: str, flagged: bool) -> None:
    declared = validate(UseCase, use_case(purpose=purpose, **CLAUSE_2_COMMERCIAL), ("useCase",), spelling="config")

    verdict = evaluate_use_case(declared, Cloud.PUBLIC)

    said = [f for f in verdict.findings if f.rule == DECLARATION_INCONSISTENT.id]
    assert bool(said) is flagged, verdict.summary()
    if flagged:
        assert DECLARATION_INCONSISTENT.fixes["police_context_in_purpose"] in said[0].message


@pytest.mark.parametrize(
    ("purpose", "flagged"),
    [
        pytest.param("Match jail booking photos against the county's mugshots.", True, id="mugshots"),
        pytest.param("Match faces against people with outstanding warrants.", True, id="warrants"),
        pytest.param("Match guests to their hotel booking photo at check-in.", False, id="hotel-booking"),
        pytest.param("Match staff to their badge photo; escalate if the situation warrants it.", False, id="verb"),
    ],
)
def test_declared_recognition_with_no_law_enforcement_party_is_read_for_what_police_look_for(
    purpose: str, flagged: bool
) -> None:
    commercial_fixed = {**CLAUSE_2_COMMERCIAL, "facialRecognition": fr_facts()}
    declared = validate(UseCase, use_case(purpose=purpose, **commercial_fixed), ("useCase",), spelling="config")

    verdict = evaluate_use_case(declared, Cloud.PUBLIC)

    assert any(f.rule == DECLARATION_INCONSISTENT.id for f in verdict.findings) is flagged, verdict.summary()


GOV = "records@example.gov"


@pytest.mark.parametrize(
    ("purpose", "owner", "said"),
    [
        pytest.param(REDACTION, GOV, True, id="blurs-faces"),
        pytest.param("Count the people queuing at the front desk each hour.", GOV, True, id="counts-people"),
        pytest.param("Count the invoices the unit receives each day.", GOV, False, id="counts-papers"),
        pytest.param("Sort the unit's photos by case number.", "counter-terrorism@example.gov", False, id="mailbox"),
    ],
)
def test_police_face_detection_says_what_it_does_with_faces_only_in_words_about_them(
    purpose: str, owner: str, said: bool
) -> None:
    detecting = {"operator": police("US"), "servedParties": [], "capabilities": ["face_detection"]}
    declared = validate(UseCase, use_case(purpose=purpose, owner=owner, **detecting), ("useCase",), spelling="config")

    verdict = evaluate_use_case(declared, Cloud.PUBLIC)

    assert (DECLARATION_INCOMPLETE.id not in {f.rule for f in verdict.findings}) is said, verdict.summary()


@pytest.mark.parametrize(
    "service",
    [
        pytest.param({"tags": {"team": "полиция-Нью-Йорка"}}, id="a-one-word-tag"),
        pytest.param({"tags": {"人脸识别": "yes"}}, id="a-tags-key"),
        pytest.param({"resourceGroupName": "rg-полиция-нью-йорка"}, id="a-resource-groups-name"),
    ],
)
def test_a_name_or_label_in_another_script_is_unread(tmp_path: Path, service: dict[str, Any]) -> None:
    stack = config(use_case(**IMAGES))
    stack["service"] |= service

    checked = check_file(write_stack(tmp_path, "named", stack))

    assert checked.verdict is not None, checked.problems
    [found] = checked.verdict.findings
    assert found.rule == DECLARATION_INCOMPLETE.id
    assert "it is written in another script" in found.message


US_POLICE_IMAGES = {
    "operator": {"sector": "law_enforcement", "country": "US"},
    "servedParties": [],
    "capabilities": ["image_analysis"],
}
"""A US police department's image analysis: where the terms forbid facial recognition whatever the facts."""


@pytest.mark.parametrize(
    ("declared", "purpose", "tag", "flagged"),
    [
        pytest.param(
            US_POLICE_IMAGES, "Tell detectives who the person is.", "face photos", True, id="who-with-face-photos"
        ),
        pytest.param(
            US_POLICE_IMAGES,
            "Compare photos against our records and return the matching record.",
            "faces",
            True,
            id="compare-photos-with-faces",
        ),
        pytest.param(
            US_POLICE_IMAGES,
            "Describe the damage shown in crash-scene photos.",
            "traffic investigations",
            False,
            id="crash-scene-damage",
        ),
        pytest.param(
            US_POLICE_IMAGES,
            "Tell detectives who the person is.",
            "a long description of the inputs, which are photos of faces taken at booking",
            True,
            id="a-sentence-is-read-with-it-where-law-enforcement-is-declared",
        ),
        pytest.param(
            {"operator": {"sector": "commercial", "country": "US"}, "capabilities": ["image_analysis"]},
            "Tell the client who the person is.",
            "a long description of the inputs, which are photos of faces taken at booking",
            False,
            id="a-sentence-is-read-on-its-own-where-law-enforcement-is-only-not-ruled-out",
        ),
        pytest.param(
            {**US_POLICE_IMAGES, "operator": {"sector": "commercial", "country": "US"}},
            "Tell customers who the agent is.",
            "face photos",
            False,
            id="no-law-enforcement",
        ),
        pytest.param(
            {"operator": {"sector": "commercial", "country": "US"}, "capabilities": ["image_analysis"]},
            "Tell the client who the person is.",
            "face photos",
            True,
            id="served-parties-left-out",
        ),
        pytest.param(
            {**US_POLICE_IMAGES, "operator": {"sector": "law_enforcement", "country": "GB"}},
            "Tell officers who the person is.",
            "live bodycam face frames",
            True,
            id="police-outside-the-us",
        ),
    ],
)
def test_the_purpose_is_read_with_each_tag_where_law_enforcement_is_declared_and_each_short_one_where_not_ruled_out(
    tmp_path: Path, declared: dict[str, Any], purpose: str, tag: str, flagged: bool
) -> None:
    stack = config(use_case(**declared, purpose=purpose))
    stack["service"] |= {"tags": {"input": tag}}

    checked = check_file(write_stack(tmp_path, "together", stack))

    assert checked.verdict is not None, checked.problems
    inconsistent = [f for f in checked.verdict.findings if f.rule == DECLARATION_INCONSISTENT.id]
    assert bool(inconsistent) is flagged, checked.verdict.summary()
    if flagged:
        assert "the purpose read with service.tags.input says" in inconsistent[0].message


def test_recognition_split_over_two_short_tags_is_read_with_the_purpose_where_law_enforcement_is_declared(
    tmp_path: Path,
) -> None:
    stack = config(use_case(**US_POLICE_IMAGES, purpose="Help detectives with their cases."))
    stack["service"] |= {"tags": {"input": "face photos", "output": "the person's name"}}

    checked = check_file(write_stack(tmp_path, "two-tags", stack))

    assert checked.verdict is not None, checked.problems
    [inconsistent] = [f for f in checked.verdict.findings if f.rule == DECLARATION_INCONSISTENT.id]
    assert "read with service.tags.input and service.tags.output says" in inconsistent.message


@pytest.mark.parametrize(
    ("declared", "field", "text", "unread"),
    [
        pytest.param(US_POLICE_IMAGES, "name", "riconoscimento-facciale-sospetti", True, id="us-police-italian-name"),
        pytest.param(US_POLICE_IMAGES, "name", "aoai-prod-weu-01", False, id="us-police-abbreviations"),
        pytest.param(
            {"servedParties": [], "capabilities": ["facial_recognition"], "facialRecognition": fr_facts()},
            "owner",
            "Sezione identificazione facciale, comune di Chicago",
            True,
            id="recognition-italian-owner",
        ),
        pytest.param(
            {"servedParties": []}, "owner", "Ufficio fatturazione clienti", False, id="text-only-italian-owner"
        ),
    ],
)
def test_a_name_or_owner_in_another_language_is_unread_where_pictures_or_law_enforcement_are_declared(
    declared: dict[str, Any], field: str, text: str, unread: bool
) -> None:
    use = validate(UseCase, use_case(**declared, **{field: text}), ("useCase",), spelling="config")

    verdict = evaluate_use_case(use, Cloud.PUBLIC)

    said = [f for f in verdict.findings if f.rule == DECLARATION_INCOMPLETE.id and READABLE in f.message]
    assert bool(said) is unread, verdict.summary()


def test_a_purpose_the_guard_cannot_read_is_pointed_at_and_asked_to_be_rewritten_not_declared() -> None:
    use = validate(
        UseCase,
        use_case(purpose="Rispondere alle domande dei clienti sulla fatturazione."),
        ("useCase",),
        spelling="config",
    )

    [found] = evaluate_use_case(use, Cloud.PUBLIC).findings

    assert found.paths == ("useCase.purpose",)
    assert "must be declared" not in found.message
    assert "Write each text the finding names in English" in found.message


@pytest.mark.parametrize(
    ("service", "flagged"),
    [
        pytest.param({"tags": {"mode": "live-crowd-scanning"}}, True, id="a-one-word-tag"),
        pytest.param({"tags": {"team": "street-level-banking"}}, False, id="a-teams-tag-of-streets"),
    ],
)
def test_live_wording_in_a_one_word_tag_is_read_against_facts_that_say_after_the_fact(
    tmp_path: Path, service: dict[str, Any], flagged: bool
) -> None:
    stack = config(use_case(**UK_POLICE_FIXED))
    stack["service"] |= service

    checked = check_file(write_stack(tmp_path, "label", stack))

    assert checked.verdict is not None, checked.problems
    assert (not checked.verdict.allowed) is flagged, checked.verdict.summary()


WORKSPACE = (
    "/subscriptions/{sub}/resourceGroups/rg-{group}/providers/Microsoft.OperationalInsights/workspaces/log-{group}"
)
SUBNET = "/subscriptions/{sub}/resourceGroups/rg-{group}/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe"


@pytest.mark.parametrize(
    ("field", "template"),
    [
        pytest.param("logAnalyticsWorkspaceId", WORKSPACE, id="log-analytics-workspace"),
        pytest.param("privateEndpoint", SUBNET, id="private-endpoint-subnet"),
    ],
)
@pytest.mark.parametrize(("group", "flagged"), [("nypd-faceid", True), ("monitoring", False)])
def test_the_ids_of_the_customers_own_resources_are_read_for_whom_they_serve(
    tmp_path: Path, field: str, template: str, group: str, flagged: bool
) -> None:
    stack = config(use_case(servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts()))
    value = template.format(sub="00000000-0000-0000-0000-000000000000", group=group)
    stack["service"] |= {field: {"subnetId": value} if field == "privateEndpoint" else value}

    checked = check_file(write_stack(tmp_path, "ids", stack))

    assert checked.verdict is not None, checked.problems
    assert (not checked.verdict.allowed) is flagged, checked.verdict.summary()
