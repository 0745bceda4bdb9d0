"""An encrypted (``secure:``) value in a declaration is invalid, and says so: the guard cannot read it offline,
so nothing in it is proven allowed, and a declaration must be plain text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from azure_openai_guarded.guards.cli import main
from tests.declarations import config, use_case, write_stack

SECURE = {"secure": "AAABAKx4b2Jhcg=="}


def with_secure(where: str) -> dict[str, Any]:
    declared = use_case()
    project = config(declared)
    if where == "useCase":
        project["useCase"] = SECURE
    elif where == "useCase.purpose":
        project["useCase"]["purpose"] = SECURE
    else:
        project["useCase"]["operator"]["country"] = SECURE
    return project


@pytest.mark.parametrize("where", ["useCase", "useCase.purpose", "useCase.operator.country"])
def test_an_encrypted_declaration_value_is_invalid_and_named_as_encrypted(
    where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_stack(tmp_path, "secret", with_secure(where))
    assert main(["check", str(path)]) == 2
    out = capsys.readouterr().out
    assert f"azure-openai-guarded:{where}: is an encrypted (`secure:`) value, which cannot be judged offline" in out
    assert "a declaration must be plain text" in out
    assert "required field is missing" not in out
    assert "unknown field" not in out
