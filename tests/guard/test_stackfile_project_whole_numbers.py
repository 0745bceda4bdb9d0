"""A project file's lists and mappings reach the program as a stack file's do, as JSON written by Go: a whole-number
float inside one is an error naming ``Pulumi.yaml``, its line and the field, asking for the integer."""

from __future__ import annotations

from pathlib import Path

from azure_openai_guarded.guards.checker import check_file
from tests.declarations import config, use_case
from tests.guard.test_projectfile import PROJECT_HEAD, problems, write_project, write_stack

SERVICE = """\
config:
  azure-openai-guarded:service:
    value:
      cloud: public
      location: eastus2
      resourceGroupName: rg-support-bot
      deployments:
        - {name: chat, model: gpt-4o, version: "2024-11-20", sku: GlobalStandard, capacity: CAPACITY}
"""


def test_a_whole_number_float_in_a_project_files_value_is_an_error_naming_the_file_line_and_field(
    tmp_path: Path,
) -> None:
    write_project(tmp_path, PROJECT_HEAD + SERVICE.replace("CAPACITY", "1.0"))
    stack = config(use_case())
    del stack["service"]

    said = problems(check_file(write_stack(tmp_path, stack)))

    assert (
        "Pulumi.yaml`, line 10: `config.azure-openai-guarded:service.value.deployments[0].capacity`: `1.0` is a "
        in said
    )
    assert "write the integer, `capacity: 1`" in said


def test_a_whole_number_float_in_a_project_files_plain_list_is_an_error_too(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "config:\n  other:sizes: [1.5, 2.0]\n")

    said = problems(check_file(write_stack(tmp_path, config(use_case()))))

    assert "`config.other:sizes[1]`: `2.0` is a whole number" in said


def test_the_integer_it_asks_for_is_applied(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + SERVICE.replace("CAPACITY", "1"))
    stack = config(use_case())
    del stack["service"]

    result = check_file(write_stack(tmp_path, stack))

    assert result.verdict is not None, result.error
    assert result.verdict.allowed
