"""A YAML program's service names taken from the stack's own config (``accountName: ${accountName}``) are read with
the config's values put in, as pulumi-yaml puts them in and as the pack reads the names it registers (review R7
M5): the checker has the stack file, so the value is no unknown to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from azure_openai_guarded.guards.checker import check_file

PROGRAM = """\
name: records-desk
runtime: yaml
config:
  accountName:
    type: string
resources:
  desk:
    type: azure-openai-guarded:index:AzureOpenAIService
    properties:
      useCase:
        name: desk-assist
        purpose: Describe the items in evidence photos for detectives.
        owner: records@pd.example.gov
        operator: {sector: law_enforcement, country: US}
        servedParties: []
        capabilities: [image_analysis]
      location: eastus2
      accountName: ${accountName}
      resourceGroupName: rg-records-desk
"""


@pytest.mark.parametrize(
    ("account", "allowed"), [pytest.param("face-photos", False, id="named-for-faces"), ("records-desk", True)]
)
def test_a_service_name_from_the_stacks_config_is_read_with_its_value(
    tmp_path: Path, account: str, allowed: bool
) -> None:
    (tmp_path / "Pulumi.yaml").write_text(PROGRAM, encoding="utf-8")
    stack = tmp_path / "Pulumi.prod.yaml"
    stack.write_text(f"config:\n  records-desk:accountName: {account}\n", encoding="utf-8")

    checked = check_file(stack)

    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed is allowed, checked.verdict.summary()


@pytest.mark.parametrize(
    ("name", "stack", "outcome"),
    [
        pytest.param("desk-${pulumi.stack}", "prod", "allowed", id="the-stacks-name"),
        pytest.param("desk-${pulumi.stack}", "face-match", "denied", id="a-stack-named-for-faces"),
        pytest.param("desk-${unknownKey}", "prod", "invalid", id="a-value-the-checker-cannot-know"),
    ],
)
def test_a_declarations_field_built_from_what_the_checker_knows_is_read_written_out(
    tmp_path: Path, name: str, stack: str, outcome: str
) -> None:
    program = PROGRAM.replace("name: desk-assist", f"name: {name}").replace("${accountName}", "records-desk")
    (tmp_path / "Pulumi.yaml").write_text(program, encoding="utf-8")
    path = tmp_path / f"Pulumi.{stack}.yaml"
    path.write_text("config:\n  records-desk:accountName: records-desk\n", encoding="utf-8")

    checked = check_file(path)

    got = "invalid" if checked.verdict is None else "allowed" if checked.verdict.allowed else "denied"
    assert got == outcome, checked.verdict.summary() if checked.verdict else checked.problems


WHOLE = """\
name: records-desk
runtime: yaml
resources:
  desk:
    type: azure-openai-guarded:index:AzureOpenAIService
    properties:
      useCase: ${uc}
      location: eastus2
      resourceGroupName: rg-records-desk
"""


@pytest.mark.parametrize(
    ("operator", "capabilities", "allowed"),
    [
        pytest.param("{sector: commercial, country: US}", "[text_generation]", True, id="a-support-bot"),
        pytest.param("{sector: law_enforcement, country: US}", "[facial_recognition]", False, id="us-police-faces"),
    ],
)
def test_a_use_case_kept_whole_in_the_stack_config_is_decided_as_the_component_gets_it(
    tmp_path: Path, operator: str, capabilities: str, allowed: bool
) -> None:
    # Review R10 M1: `useCase: ${uc}` was refused as unknowable, though the stack file holds it.
    (tmp_path / "Pulumi.yaml").write_text(WHOLE, encoding="utf-8")
    stack = tmp_path / "Pulumi.prod.yaml"
    stack.write_text(
        "config:\n  records-desk:uc:\n    name: desk\n    purpose: Answer billing questions in the portal.\n"
        f"    owner: a@example.com\n    operator: {operator}\n    servedParties: []\n"
        f"    capabilities: {capabilities}\n",
        encoding="utf-8",
    )

    checked = check_file(stack)

    assert checked.verdict is not None, checked.problems
    assert checked.verdict.allowed is allowed, checked.verdict.summary()
