"""The plan reports a JSON-string config value nested too deeply as invalid, naming the key, without a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from plan.__main__ import main as plan_main
from tests.guard.test_deep_json import deep_stack


def test_the_plan_reports_a_deeply_nested_json_value_as_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = plan_main([str(deep_stack(tmp_path))])
    out = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in out.out + out.err
    assert "azure-openai-guarded:useCase: is a JSON string that exceeded maximum nesting depth" in out.out
