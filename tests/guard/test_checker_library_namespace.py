"""In another project's stack, a declaring key in this library's namespace is an error naming the key it reads.

A consumer project (examples/consumer, a Pulumi YAML program) reads its declaration from its own namespace, its
`Pulumi.yaml` `name` (`support-chat:guardProfile`); its components never read `azure-openai-guarded:guardProfile`,
`:useCase` or `:service`. Written there, a stricter profile or a use case would decide nothing, so the checker
refuses the key, naming the one the project reads, at its line in the stack file or in the project file that sets
it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.guards.checker import ExitStatus, check_file
from azure_openai_guarded.guards.cli import main
from tests.declarations import config, fr_facts, police, use_case
from tests.guard.test_yaml_program import dump

GB_POLICE_MATCH = use_case(
    operator=police("GB"), servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts()
)
"""Allowed under `terms` (with an advisory), denied under `strict`: what a misplaced `guardProfile` lets through."""

PYTHON = {"name": "support-chat", "runtime": "python"}
COMPONENT = {
    "type": "azure-openai-guarded:index:AzureOpenAIService",
    "properties": {
        "useCase": GB_POLICE_MATCH,
        "location": "${location}",
        "accountName": "chat-${pulumi.stack}",
        "resourceGroupName": "rg-chat",
    },
}
YAML = {"name": "support-chat", "runtime": "yaml", "resources": {"chat": COMPONENT}}

LIBRARY_VALUES: dict[str, Any] = {
    "guardProfile": "strict",
    "useCase": GB_POLICE_MATCH,
    "service": config()["service"],
}


def _project(folder: Path, document: dict[str, Any], stack: dict[str, Any]) -> Path:
    (folder / "Pulumi.yaml").write_text(dump(document), encoding="utf-8")
    path = folder / "Pulumi.prod.yaml"
    path.write_text(yaml.safe_dump({"config": stack}, sort_keys=False), encoding="utf-8")
    return path


def _line(path: Path, key: str) -> int:
    """The line on which ``key:`` is written in ``path``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, 1) if text.strip().startswith(f"{key}:"))


def _own(document: dict[str, Any]) -> dict[str, Any]:
    """The consumer's own declaration: in its stack for a Python consumer; inline for a YAML program."""
    return {"support-chat:useCase": GB_POLICE_MATCH} if document is PYTHON else {"support-chat:location": "eastus2"}


@pytest.mark.parametrize("document", [PYTHON, YAML], ids=["python-consumer", "yaml-program"])
@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("azure-openai-guarded:guardProfile", "guardProfile"),
        ("azure-openai-guarded:config:guardProfile", "guardProfile"),
        ("azure-openai-guarded:useCase", "useCase"),
        ("azure-openai-guarded:service", "service"),
    ],
)
def test_a_declaring_key_of_the_library_in_a_consumer_stack_is_invalid_naming_the_key_the_project_reads(
    tmp_path: Path, document: dict[str, Any], written: str, name: str
) -> None:
    stack = {**_own(document), written: LIBRARY_VALUES[name]}
    path = _project(tmp_path, document, stack)
    result = check_file(path)
    assert result.verdict is None
    ((file, line, problem),) = result.problem_places()
    assert problem.key == f"azure-openai-guarded:{name}"
    assert "which project `support-chat` does not read" in problem.message
    if name == "service":
        assert "remove it" in problem.message
    else:
        assert f"write it as `support-chat:{name}`" in problem.message
    assert (file, line) == (path, _line(path, written))


@pytest.mark.parametrize("document", [PYTHON, YAML], ids=["python-consumer", "yaml-program"])
def test_a_declaring_key_of_the_library_set_in_the_consumers_project_file_is_invalid_at_its_line_there(
    tmp_path: Path, document: dict[str, Any]
) -> None:
    path = _project(tmp_path, {**document, "config": {"azure-openai-guarded:guardProfile": "strict"}}, _own(document))
    result = check_file(path)
    assert result.verdict is None
    ((file, line, problem),) = result.problem_places()
    assert "`support-chat:guardProfile`" in problem.message
    text = (tmp_path / "Pulumi.yaml").read_text(encoding="utf-8").splitlines()
    assert (file, text[line - 1].strip()) == (tmp_path / "Pulumi.yaml", "azure-openai-guarded:guardProfile: strict")


def test_the_librarys_key_is_refused_beside_the_consumers_own_problems(tmp_path: Path) -> None:
    """Every problem at once: the misplaced key, and a misspelt field of the consumer's own declaration."""
    broken = {**GB_POLICE_MATCH, "purpos": "x"}
    path = _project(tmp_path, PYTHON, {"support-chat:useCase": broken, "azure-openai-guarded:guardProfile": "strict"})
    result = check_file(path)
    assert [p.key for p in result.problems] == ["azure-openai-guarded:guardProfile", "support-chat:useCase.purpos"]
    lines = [_line(path, "azure-openai-guarded:guardProfile"), _line(path, "purpos")]
    assert [line for _, line, _ in result.problem_places()] == lines


def test_this_projects_own_stacks_read_those_keys(tmp_path: Path) -> None:
    """The project named azure-openai-guarded reads them: they are its declaration, never refused."""
    declared = config(use_case(), profile="strict")
    assert set(declared) == set(LIBRARY_VALUES)
    document = {"name": "azure-openai-guarded", "runtime": "python"}
    path = _project(tmp_path, document, {f"azure-openai-guarded:{k}": v for k, v in declared.items()})
    result = check_file(path)
    assert result.verdict is not None, result.error
    assert (result.verdict.allowed, result.verdict.profile) == (True, "strict")


def test_other_keys_of_the_librarys_namespace_are_left_to_their_readers(tmp_path: Path) -> None:
    """Only the declaring keys are the library's declaration; a provider's own config key is no concern here."""
    path = _project(tmp_path, PYTHON, {**_own(PYTHON), "azure-openai-guarded:pluginDownloadURL": "https://x"})
    assert check_file(path).verdict is not None


@pytest.mark.parametrize("form", ["text", "json", "sarif", "markdown"])
def test_every_report_names_the_key_the_consumer_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    _project(tmp_path, PYTHON, {**_own(PYTHON), "azure-openai-guarded:guardProfile": "strict"})
    assert main(["check", str(tmp_path), "--format", form]) == ExitStatus.INVALID
    out = capsys.readouterr().out
    assert "support-chat:guardProfile" in (out if form != "json" else json.dumps(json.loads(out)))
