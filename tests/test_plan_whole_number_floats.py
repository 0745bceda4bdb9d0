"""A whole-number float in a stack file's structured config: Pulumi hands it to the program as the integer (its
config reaches the program as JSON written by Go, where ``1.0`` is ``1``), so the checker and the plan refuse it
alike, asking for the integer, rather than judge a float the program never sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from azure_openai_guarded.guards.cli import main as check_main
from plan.__main__ import main as plan_main
from tests.declarations import config, use_case, write_stack

REFUSED = "azure-openai-guarded:service.deployments[0].capacity: `1.0` is a whole number"


def stack_with_capacity(folder: Path, capacity: float) -> Path:
    project = config(use_case())
    project["service"]["deployments"] = [
        {"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": "GlobalStandard", "capacity": capacity}
    ]
    return write_stack(folder, "capacity", project)


def test_the_checker_and_the_plan_refuse_a_whole_number_float_capacity_asking_for_the_integer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = stack_with_capacity(tmp_path, 1.0)

    checked = check_main(["check", str(path)])
    checker_says = capsys.readouterr().out
    planned = plan_main([str(path)])
    plan_says = capsys.readouterr().out

    assert (checked, planned) == (2, 2)
    for says in (checker_says, plan_says):
        assert REFUSED in says
        assert "write the integer, `capacity: 1`" in says
        assert "Pulumi.capacity.yaml" in says
        assert "Traceback" not in says


def test_the_integer_the_message_asks_for_is_planned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = stack_with_capacity(tmp_path, 1)

    assert check_main(["check", str(path)]) == 0
    plan_main([str(path)])
    plan_says = capsys.readouterr().out
    assert "1 stack: 1 allowed, 0 denied, 0 invalid" in plan_says
    assert "whole number" not in plan_says
