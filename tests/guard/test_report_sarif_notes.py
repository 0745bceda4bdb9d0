"""SARIF says what the text and markdown reports say about a consumer project's stack: that only its use case was
decided, and, with no cloud named, that it was decided for every cloud with the worst verdict counting. A pull
request shows an annotation's message alone, so the message carries the notes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from azure_openai_guarded.guards.checker import CONSUMER_NOTE, UNKNOWN_CLOUD_NOTE
from azure_openai_guarded.guards.cli import main
from azure_openai_guarded.guards.report.sarif import INVALID_RULE
from tests.guard.test_consumer_namespace import copy_consumer


def sarif_results(capsys: pytest.CaptureFixture[str], path: Path) -> list[dict[str, Any]]:
    main(["check", str(path), "--format", "sarif"])
    results: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    return results


def test_each_annotation_on_a_consumer_stack_decided_for_every_cloud_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = sarif_results(capsys, copy_consumer(tmp_path) / "Pulumi.patrol.yaml")

    assert results
    for result in results:
        assert result["message"]["text"].endswith(f" Note: {CONSUMER_NOTE}. Note: {UNKNOWN_CLOUD_NOTE}.")
        assert result["properties"]["notes"] == [CONSUMER_NOTE, UNKNOWN_CLOUD_NOTE]


def test_a_consumer_stack_that_names_its_cloud_is_annotated_with_the_consumer_note_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = copy_consumer(tmp_path) / "Pulumi.patrol.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("config:\n", "config:\n  azure-native:environment: public\n", 1),
        encoding="utf-8",
    )

    results = sarif_results(capsys, path)

    assert results
    assert all(r["properties"]["notes"] == [CONSUMER_NOTE] for r in results)
    assert not any(UNKNOWN_CLOUD_NOTE in r["message"]["text"] for r in results)


def test_an_invalid_consumer_stack_carries_the_notes_on_each_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = copy_consumer(tmp_path) / "Pulumi.patrol.yaml"
    path.write_text("config:\n  support-chat:useCase:\n    nmae: x\n", encoding="utf-8")

    results = sarif_results(capsys, path)

    assert {r["ruleId"] for r in results} == {INVALID_RULE}
    assert all(r["properties"]["notes"] == [CONSUMER_NOTE, UNKNOWN_CLOUD_NOTE] for r in results)


def test_a_stack_of_this_project_is_annotated_without_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "Pulumi.bare.yaml"
    path.write_text("config:\n  azure-openai-guarded:guardProfile: terms\n", encoding="utf-8")

    results = sarif_results(capsys, path)

    assert results
    assert not any("properties" in r or " Note: " in r["message"]["text"] for r in results)
