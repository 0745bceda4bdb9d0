"""The plan reports a declaration it cannot read (JSON nested too deeply, an encrypted value) as invalid, naming
the key and why, without a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from plan.__main__ import main as plan_main
from tests.declarations import config, use_case, write_stack
from tests.guard.test_deep_json import deep_stack


def test_the_plan_reports_a_deeply_nested_json_value_as_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = plan_main([str(deep_stack(tmp_path))])
    out = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in out.out + out.err
    assert "azure-openai-guarded:useCase: is a JSON string that exceeded maximum nesting depth" in out.out


def test_the_plan_reports_an_encrypted_declaration_as_encrypted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = config(use_case())
    project["useCase"]["purpose"] = {"secure": "AAABAKx4b2Jhcg=="}
    code = plan_main([str(write_stack(tmp_path, "secret", project))])
    out = capsys.readouterr().out
    assert code == 2
    assert "useCase.purpose: is an encrypted (`secure:`) value" in out
    assert "required field is missing" not in out


def test_a_value_the_plan_cannot_read_is_not_also_missing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Review R28: a service given as JSON text that is no JSON (NaN, as a mock engine writes a float that is no
    # number) was reported unreadable, and then missing as well.
    project = config(use_case())
    project["service"] = '{"cloud": "public", "location": "eastus2", "resourceGroupName": "rg", "x": NaN}'
    code = plan_main([str(write_stack(tmp_path, "nan", project))])
    out = capsys.readouterr().out
    assert code == 2
    assert "azure-openai-guarded:service: is a string that is not valid JSON" in out
    assert "required field is missing" not in out
