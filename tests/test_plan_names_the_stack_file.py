"""The offline plan tells the program which stack file it runs, so the program's messages name that file, wherever
it is; under the Pulumi CLI the program names the file from the project's stackConfigDir."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockengine.program import run_program
from plan.__main__ import main as plan_main
from tests.declarations import config, police, stack_document, use_case, write_stack


def denied_project() -> dict[str, object]:
    return config(use_case(operator=police("US"), capabilities=["facial_recognition"], humanReview=True))


def test_the_plan_names_the_stack_file_it_ran_not_one_in_the_repositorys_stack_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_stack(tmp_path, "foo", denied_project())
    assert plan_main([str(path)]) == 1
    out = capsys.readouterr().out
    assert f"{path}: the guard denied this stack" in out
    assert "stacks/Pulumi.foo.yaml" not in out


def test_without_the_plan_the_program_names_the_file_in_stack_config_dir() -> None:
    run = run_program(stack_document(denied_project())["config"], stack="foo")
    assert run.error is not None
    assert "stacks/Pulumi.foo.yaml: the guard denied this stack" in run.error
