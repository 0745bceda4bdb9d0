"""A stack file that is a symbolic link is checked, and every report names it by the path given, never its target.

Pulumi reads ``stacks/Pulumi.prod.yaml`` through the link whatever it points at, and a pull request's annotations
belong on the file the pull request shows: the link.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from azure_openai_guarded.guards.cli import main
from azure_openai_guarded.guards.report.common import display_path
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from tests.stack_texts import DENIED, INVALID

LINK = "stacks/Pulumi.prod.yaml"
TARGET = "shared/prod-config.yaml"


@pytest.fixture
def linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder whose stack file is a link to a shared file of another name."""
    (tmp_path / "shared").mkdir()
    (tmp_path / "stacks").mkdir()
    (tmp_path / TARGET).write_text(DENIED, encoding="utf-8")
    os.symlink(os.path.join("..", TARGET), tmp_path / LINK)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _named(form: str, out: str) -> set[str]:
    """Every file a report names, read from its own structure."""
    if form == "json":
        document = json.loads(out)
        return {r["file"] for r in document["results"]} | {
            f["file"] for r in document["results"] for f in r["findings"] + r.get("problems", [])
        }
    if form == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        return {loc["physicalLocation"]["artifactLocation"]["uri"] for r in results for loc in r["locations"]}
    return {name for name in (LINK, TARGET) if name in out}


@pytest.mark.parametrize("text", [DENIED, INVALID], ids=["denied", "invalid"])
@pytest.mark.parametrize("form", ["text", "json", "sarif", "markdown"])
@pytest.mark.parametrize("given", [LINK, "stacks"], ids=["the-link", "its-folder"])
def test_every_report_names_a_linked_stack_file_by_the_link(
    linked: Path, capsys: pytest.CaptureFixture[str], given: str, form: str, text: str
) -> None:
    (linked / TARGET).write_text(text, encoding="utf-8")
    status = main(["check", given, "--format", form])
    out = capsys.readouterr().out
    assert status == (1 if text is DENIED else 2)
    assert _named(form, out) == {LINK}
    if text is DENIED:
        assert FR_US_LAW_ENFORCEMENT.id in out


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        (LINK, LINK),
        ("./stacks/../stacks/Pulumi.prod.yaml", LINK),
        ("ABSOLUTE", LINK),
        (TARGET, TARGET),
    ],
    ids=["relative", "dotted", "absolute", "the-target-itself"],
)
def test_a_path_is_shown_as_given_relative_to_the_working_folder(linked: Path, given: str, shown: str) -> None:
    path = linked / LINK if given == "ABSOLUTE" else Path(given)
    assert display_path(path) == shown


def test_a_path_through_a_linked_folder_is_shown_relative_to_the_working_folder(
    linked: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """``$PWD`` may reach the working folder through a link; the file keeps its own name."""
    alias = tmp_path_factory.mktemp("alias") / "work"
    os.symlink(linked, alias)
    assert display_path(alias / LINK) == LINK


def test_a_path_outside_the_working_folder_is_shown_as_given(
    linked: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "Pulumi.dev.yaml"
    assert display_path(elsewhere) == elsewhere.as_posix()
