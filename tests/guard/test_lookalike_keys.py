"""An unknown key with a look-alike letter or an invisible character is shown escaped, its characters named, and
the real field suggested: printed as written, it would look exactly like the field it imitates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from azure_openai_guarded.guards import DeclarationError
from azure_openai_guarded.guards.cli import main
from azure_openai_guarded.guards.declaration import shown_key
from tests.declarations import config, declare, use_case, write_stack

COMMERCIAL_US = {"sector": "commercial", "country": "US"}

CASES: list[tuple[str, Any, str, str]] = [
    ("servedP\u0430rties", [COMMERCIAL_US], "servedP\\u0430rties", "U+0430 CYRILLIC SMALL LETTER A"),
    ("operator\u200b", COMMERCIAL_US, "operator\\u200b", "U+200B ZERO WIDTH SPACE"),
    ("\u043eperator", COMMERCIAL_US, "\\u043eperator", "U+043E CYRILLIC SMALL LETTER O"),
]


@pytest.mark.parametrize(("key", "value", "escaped", "named"), CASES)
def test_a_look_alike_key_is_shown_escaped_with_its_characters_named_and_the_real_field_suggested(
    key: str, value: Any, escaped: str, named: str
) -> None:
    declared = use_case()
    declared[key] = value
    with pytest.raises(DeclarationError) as raised:
        declare(config(declared))
    text = str(raised.value)
    assert key not in text
    assert f"azure-openai-guarded:useCase.{escaped}: unknown field: `{escaped}` contains {named}" in text
    real = "servedParties" if "served" in key else "operator"
    assert f"write `{real}` in plain ASCII" in text


def test_a_key_of_foreign_letters_that_imitates_no_field_says_field_names_are_ascii() -> None:
    declared = use_case()
    declared["\u540d\u524d"] = "x"
    with pytest.raises(DeclarationError) as raised:
        declare(config(declared))
    assert "\\u540d\\u524d` contains U+540D CJK UNIFIED IDEOGRAPH-540D" in str(raised.value)
    assert "field names are plain ASCII" in str(raised.value)


def test_a_plain_ascii_key_is_shown_as_written() -> None:
    assert shown_key("servedPartys") == "servedPartys"


def test_the_checker_prints_the_look_alike_key_escaped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    declared = use_case()
    declared["servedP\u0430rties"] = [COMMERCIAL_US]
    path = write_stack(tmp_path, "lookalike", config(declared))
    assert main(["check", str(path)]) == 2
    out = capsys.readouterr().out
    assert "servedP\u0430rties" not in out
    assert "servedP\\u0430rties" in out
    assert "U+0430 CYRILLIC SMALL LETTER A" in out


def test_a_look_alike_config_key_is_shown_escaped_and_the_real_key_suggested() -> None:
    project = config(use_case())
    project["us\u0435Case"] = project.pop("useCase")
    with pytest.raises(DeclarationError) as raised:
        declare(project)
    text = str(raised.value)
    assert "azure-openai-guarded:us\\u0435Case: unknown config key: `us\\u0435Case` contains U+0435" in text
    assert "write `useCase` in plain ASCII" in text
