"""A YAML alias or merge key in a Pulumi YAML program is refused, naming its line.

pulumi-yaml refuses a program with an alias anywhere (`Pulumi.yaml:13,19-24: alias nodes are not supported`), and
passes a merge key (`<<:`) on as a key named `<<`, merging nothing; the YAML reader the checker shares with the
stack files expands both. Deciding the expanded program would decide one that never runs, so each is a problem at
its own line. A project of another runtime keeps them: the Pulumi CLI reads its project file through them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.stackfile import aliases_and_merges

HEAD = "name: alias-yaml\nruntime: {runtime}\n"
COMPONENT = """\
resources:
  chat:
    type: azure-openai-guarded:index:AzureOpenAIService
    properties:
      useCase:
{use_case}
      location: eastus2
      resourceGroupName: rg-x
      accountName: support-x
"""
USE_CASE = """\
        name: support
        purpose: Answer billing questions in the support portal (5 * 3 = 15, and *emphasis*).
        owner: a@example.com
        operator: {sector: commercial, country: US}
        capabilities: [text_generation]
"""
PARTY = "        operator: {sector: commercial, country: US}\n"


def write(folder: Path, text: str, runtime: str = "yaml") -> Path:
    (folder / "Pulumi.yaml").write_text(HEAD.format(runtime=runtime) + text, encoding="utf-8")
    stack = folder / "Pulumi.dev.yaml"
    stack.write_text("config: {}\n", encoding="utf-8")
    return stack


def _line(folder: Path, text: str) -> int:
    lines = (folder / "Pulumi.yaml").read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


CASES = {
    "alias-as-a-value": (
        "variables:\n  party: &party {sector: commercial, country: US}\n"
        + COMPONENT.format(use_case=USE_CASE.replace(PARTY, "        operator: *party\n")),
        [("alias", "operator: *party")],
    ),
    "alias-as-a-list-item": (
        "variables:\n  caps: &cap text_generation\n"
        + COMPONENT.format(use_case=USE_CASE.replace("[text_generation]", "\n          - *cap")),
        [("alias", "- *cap")],
    ),
    "alias-outside-the-component": (
        "variables:\n  a: &a x\n  b: *a\n" + COMPONENT.format(use_case=USE_CASE),
        [("alias", "b: *a")],
    ),
    "merge-key": (
        COMPONENT.format(
            use_case="        <<: {owner: a@example.com}\n" + USE_CASE.replace("        owner: a@example.com\n", "")
        ),
        [("merge", "<<: {owner")],
    ),
    "merge-of-aliases": (
        "variables:\n  who: &who {owner: a@example.com}\n"
        + COMPONENT.format(use_case="        <<: [*who]\n" + USE_CASE.replace("        owner: a@example.com\n", "")),
        [("merge", "<<: [*who]"), ("alias", "<<: [*who]")],
    ),
    "merge-in-config": (
        "config:\n  <<: {location: {default: eastus2}}\n" + COMPONENT.format(use_case=USE_CASE),
        [("merge", "<<: {location")],
    ),
}


@pytest.mark.parametrize(("text", "expected"), list(CASES.values()), ids=list(CASES))
def test_an_alias_or_merge_key_in_a_yaml_program_is_invalid_at_its_line(
    tmp_path: Path, text: str, expected: list[tuple[str, str]]
) -> None:
    result = check_file(write(tmp_path, text))
    assert result.verdict is None, "the program pulumi-yaml runs is not the one the checker would read"
    found = [(file.name, line, str(p)) for file, line, p in result.problem_places()]
    wanted = [
        ("Pulumi.yaml", _line(tmp_path, marker), "the alias `*" if kind == "alias" else "the merge key `<<`")
        for kind, marker in expected
    ]
    assert [(f, line) for f, line, _ in found] == [(f, line) for f, line, _ in wanted]
    assert all(says in message for (_, _, message), (_, _, says) in zip(found, wanted, strict=True))


@pytest.mark.parametrize(
    "text",
    [
        COMPONENT.format(use_case=USE_CASE),
        "variables:\n  party: &party {sector: commercial, country: US}\n" + COMPONENT.format(use_case=USE_CASE),
    ],
    ids=["neither", "an-anchor-alone"],
)
def test_a_program_without_an_alias_or_merge_key_is_decided(tmp_path: Path, text: str) -> None:
    """An asterisk in text and an anchor nothing refers to are neither."""
    result = check_file(write(tmp_path, text))
    assert result.allowed, result.error


def test_a_project_of_another_runtime_keeps_its_aliases(tmp_path: Path) -> None:
    text = "config:\n  azure-openai-guarded:x: &x 1\n  azure-openai-guarded:y: *x\n"
    (tmp_path / "Pulumi.yaml").write_text(HEAD.format(runtime="python") + text, encoding="utf-8")
    stack = tmp_path / "Pulumi.dev.yaml"
    stack.write_text("config:\n  alias-yaml:useCase: {name: x}\n", encoding="utf-8")
    assert not any("the alias `*" in str(p) for p in check_file(stack).problems)


@pytest.mark.parametrize(
    ("text", "sites"),
    [
        ("a: &x 1\nb: *x\n", [("alias", "b", 2, "x")]),
        ("a: &x [1]\nb:\n  - *x\n  - c: *x\n", [("alias", "b[0]", 3, "x"), ("alias", "b[1].c", 4, "x")]),
        ("a:\n  <<: {b: 1}\n  c: 2\n", [("merge", "a", 2, "<<")]),
        ("a:\n  '<<': 1\n", []),
        ("a: '*x'\nb: 5 * 3\n", []),
        ("a: [\n", []),
    ],
    ids=["value", "list-items", "merge", "quoted-merge-is-text", "asterisks-in-text", "not-yaml"],
)
def test_aliases_and_merges_are_found_with_their_paths_and_lines(
    text: str, sites: list[tuple[str, str, int, str]]
) -> None:
    assert aliases_and_merges(text) == sites
