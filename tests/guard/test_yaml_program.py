"""How the checker reads a Pulumi YAML program: as pulumi-language-yaml runs it, or not at all.

The checker decides a YAML program's components from `Pulumi.yaml`. Whatever it cannot read as pulumi-yaml reads
it (a type that is not text, a program elsewhere than `Pulumi.yaml`, a key pulumi-yaml would read in another
letter case, a token of the package that names no component) makes the stack invalid, naming `Pulumi.yaml` and
the field: never a traceback, and never a fallback to the stack file's own config.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.guards.checker import CheckResult, ExitStatus, check_file
from azure_openai_guarded.guards.cli import main

STACK = "config: {}\n"


def project(folder: Path, document: dict[str, Any]) -> Path:
    """A Pulumi YAML project written from ``document``, with an empty stack file beside it (returned)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Pulumi.yaml").write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    stack = folder / "Pulumi.dev.yaml"
    stack.write_text(STACK, encoding="utf-8")
    return stack


def problems(result: CheckResult) -> str:
    assert result.verdict is None, "expected an invalid stack"
    return "\n".join(str(p) for p in result.problems)


@pytest.mark.parametrize(
    "kind",
    [["x"], {"a": 1}, 1, True, None],
    ids=["list", "mapping", "number", "boolean", "null"],
)
def test_a_resource_type_that_is_not_text_is_invalid_naming_the_project_file_and_the_field(
    tmp_path: Path, kind: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    stack = project(tmp_path, {"name": "foo", "runtime": "yaml", "resources": {"a": {"type": kind}}})
    assert "`Pulumi.yaml`: `resources.a.type` must be text" in problems(check_file(stack)).replace(
        str(tmp_path) + "/", ""
    )
    assert main(["check", str(tmp_path)]) == ExitStatus.INVALID
    assert "Traceback" not in capsys.readouterr().err
