"""A stack file checked with no project file beside it: every namespace's use case is decided.

With no ``Pulumi.yaml`` to name the project, the program may be this library's or a consumer's, so the checker
decides this project's declaration and each other namespace's ``useCase`` as a consumer's, as the pack decides
every ``*:useCase`` when the engine names no project: a forbidden declaration is not left unread beside an
allowed one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from tests.declarations import config, fr_facts, police, stack_document, use_case

CITY_POLICE_MATCHING = use_case(
    operator=police("US"), servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts()
)


def write(folder: Path, **other: object) -> Path:
    path = folder / "Pulumi.alone.yaml"
    path.write_text(yaml.safe_dump(stack_document(config(use_case()), **other), sort_keys=False), encoding="utf-8")
    return path


def test_a_forbidden_use_case_in_another_namespace_denies_a_stack_checked_alone(tmp_path: Path) -> None:
    checked = check_file(write(tmp_path, **{"city-vision:useCase": CITY_POLICE_MATCHING}))

    assert checked.verdict is not None, checked.problems
    assert not checked.verdict.allowed
    [denial] = checked.verdict.denials
    assert denial.rule == FR_US_LAW_ENFORCEMENT.id
    assert denial.message.startswith("`city-vision:useCase`: ")


def test_another_namespace_is_not_read_when_the_project_file_names_this_project(tmp_path: Path) -> None:
    (tmp_path / "Pulumi.yaml").write_text("name: azure-openai-guarded\nruntime: python\n", encoding="utf-8")

    checked = check_file(write(tmp_path, **{"city-vision:useCase": CITY_POLICE_MATCHING}))

    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed, checked.verdict.summary()


def test_a_forbidden_use_case_nested_in_another_namespaces_list_denies_a_stack_checked_alone(tmp_path: Path) -> None:
    # Its team is named for nothing it does: a name the config holds is read with each declaration in it.
    teams = [{"name": "records-desk", "useCase": CITY_POLICE_MATCHING}]

    checked = check_file(write(tmp_path, **{"teamconfig:projects": teams}))

    assert checked.verdict is not None, checked.problems
    [denial] = checked.verdict.denials
    assert denial.rule == FR_US_LAW_ENFORCEMENT.id
    assert denial.message.startswith("`teamconfig:projects[0].useCase`: ")


def test_an_invalid_use_case_nested_in_another_namespace_makes_the_stack_invalid_at_its_place(tmp_path: Path) -> None:
    teams = [{"useCase": {**use_case(), "servedPartys": []}}]

    checked = check_file(write(tmp_path, **{"teamconfig:projects": teams}))

    assert checked.verdict is None
    assert [p.key for p in checked.problems] == ["teamconfig:projects[0].useCase.servedPartys"]


def test_text_in_another_namespace_that_is_not_json_is_no_declaration(tmp_path: Path) -> None:
    checked = check_file(write(tmp_path, **{"teamconfig:note": "[draft] the team's notes"}))

    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed


@pytest.mark.parametrize(
    "where",
    [
        pytest.param({"city-vision:aiUseCase": CITY_POLICE_MATCHING}, id="another-key-name"),
        pytest.param({"city-vision:uc": json.dumps(CITY_POLICE_MATCHING)}, id="json-text"),
        pytest.param({"city-vision:settings": {"ai": {"uc": CITY_POLICE_MATCHING}}}, id="nested-under-any-key"),
        pytest.param({"shared:declaration": CITY_POLICE_MATCHING}, id="another-namespace"),
    ],
)
def test_a_forbidden_declaration_under_any_key_is_decided_beside_a_harmless_use_case(
    tmp_path: Path, where: dict[str, object]
) -> None:
    checked = check_file(write(tmp_path, **{"city-vision:useCase": use_case(), **where}))

    assert checked.verdict is not None, checked.problems
    [denial] = checked.verdict.denials
    assert denial.rule == FR_US_LAW_ENFORCEMENT.id


def test_a_mapping_with_only_a_name_and_an_owner_is_no_declaration(tmp_path: Path) -> None:
    checked = check_file(write(tmp_path, **{"teamconfig:team": {"name": "vision", "owner": "vision@example.com"}}))

    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed


def test_a_declaration_written_as_yaml_text_is_read_and_decided(tmp_path: Path) -> None:
    text = yaml.safe_dump(CITY_POLICE_MATCHING, sort_keys=False)

    checked = check_file(write(tmp_path, **{"city-vision:declarationText": text}))

    assert checked.verdict is not None, checked.problems
    [denial] = checked.verdict.denials
    assert denial.rule == FR_US_LAW_ENFORCEMENT.id


def test_yaml_text_of_a_declaration_with_a_repeated_key_makes_the_stack_invalid(tmp_path: Path) -> None:
    text = (
        "operator: {sector: law_enforcement, country: US}\n"
        "operator: {sector: commercial, country: GB}\n"
        "capabilities: []\n"
    )

    checked = check_file(write(tmp_path, **{"city-vision:declarationText": text}))

    assert checked.verdict is None
    assert "city-vision:declarationText" in [p.key for p in checked.problems]
