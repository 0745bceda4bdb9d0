"""A JSON-string config value nested too deeply is invalid, named by file and key, in the checker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from azure_openai_guarded.guards import DeclarationError
from azure_openai_guarded.guards.cli import main
from azure_openai_guarded.guards.declaration import MAX_JSON_DEPTH, decode_json, json_depth


def nested(levels: int) -> str:
    return '{"a":' * levels + "1" + "}" * levels


def deep_stack(folder: Path, key: str = "useCase") -> Path:
    path = folder / "Pulumi.deep.yaml"
    text = (
        "config:\n  azure-openai-guarded:service:\n    cloud: public\n"
        f"  azure-openai-guarded:{key}: {json.dumps(nested(3000))}\n"
    )
    path.write_text(text, encoding="utf-8")
    return path


def test_json_depth_counts_objects_and_arrays_but_not_brackets_in_strings() -> None:
    assert json_depth('{"a": [1, {"b": "[[[{{{"}]}') == 3
    assert json_depth('"\\"{"') == 0


def test_a_json_string_nested_deeper_than_the_limit_is_refused_with_its_path() -> None:
    with pytest.raises(DeclarationError) as raised:
        decode_json(nested(MAX_JSON_DEPTH + 1), ())
    assert "exceeded maximum nesting depth" in str(raised.value)


def test_a_json_string_at_the_limit_is_read() -> None:
    assert json_depth(nested(MAX_JSON_DEPTH)) == MAX_JSON_DEPTH
    decode_json(nested(MAX_JSON_DEPTH), ())


def test_the_checker_reports_a_deeply_nested_json_value_as_invalid_naming_file_and_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = deep_stack(tmp_path)
    code = main(["check", str(path)])
    out = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in out.out + out.err
    assert "azure-openai-guarded:useCase: is a JSON string that exceeded maximum nesting depth" in out.out
    assert "Pulumi.deep.yaml" in out.out
