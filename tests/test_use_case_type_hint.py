"""The components' ``use_case`` type hint admits what they accept: the declaration's fields, or a string holding one
JSON object (issue 10: Pulumi hands a program every structured config value as JSON text), for the service and for
a Foundry project; the schema Pulumi infers for other languages keeps the object, since it has no union types."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import NotRequired

import pytest
from mypy import api

from azure_openai_guarded.components.account import AzureOpenAIServiceArgs
from azure_openai_guarded.components.projects import ProjectArgs
from azure_openai_guarded.components.use_case import UseCaseArgs

ROOT = Path(__file__).resolve().parent.parent

CALLER = """\
import json

from azure_openai_guarded.components.account import AzureGovernmentOpenAIServiceArgs, AzureOpenAIServiceArgs
from azure_openai_guarded.components.projects import ProjectArgs
from azure_openai_guarded.components.use_case import UseCaseArgs
from azure_openai_guarded.guards import Capability, Sector

fields: UseCaseArgs = {
    "name": "support-bot",
    "purpose": "Answer billing questions.",
    "owner": "support@example.com",
    "operator": {"sector": Sector.COMMERCIAL, "country": "US"},
    "capabilities": [Capability.TEXT_GENERATION],
}
as_fields: AzureOpenAIServiceArgs = {"use_case": fields, "location": "eastus2", "resource_group_name": "rg"}
as_json: AzureOpenAIServiceArgs = {"use_case": json.dumps(fields), "location": "eastus2", "resource_group_name": "rg"}
in_gov: AzureGovernmentOpenAIServiceArgs = {"use_case": "{}", "location": "usgovvirginia", "resource_group_name": "rg"}
project: ProjectArgs = {"name": "claims", "use_case": json.dumps(fields)}
not_a_declaration: AzureOpenAIServiceArgs = {"use_case": 1, "location": "eastus2", "resource_group_name": "rg"}
"""


def import_root(folder: Path) -> Path:
    """The package's import root as links, as `make typecheck` builds it: mypy cannot follow the editable install."""
    package = folder / "azure_openai_guarded"
    package.mkdir(parents=True)
    for source in (*(ROOT / "azure_openai_guarded").glob("*.py"), ROOT / "azure_openai_guarded" / "py.typed"):
        (package / source.name).symlink_to(source)
    for part in ("guards", "components"):
        (package / part).symlink_to(ROOT / part)
    return folder


def test_mypy_accepts_a_json_string_declaration_wherever_a_use_case_goes_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    caller = tmp_path / "caller.py"
    caller.write_text(CALLER, encoding="utf-8")
    monkeypatch.setenv("MYPYPATH", str(import_root(tmp_path / "root")))

    out, err, status = api.run(
        ["--strict", "--config-file", str(ROOT / "pyproject.toml"), "--cache-dir", str(tmp_path / "cache"), str(caller)]
    )

    errors = [line for line in out.splitlines() if ": error:" in line]
    assert status == 1, err
    assert len(errors) == 1, textwrap.indent(out, "  ")
    assert errors[0].startswith(f"{caller}:{len(CALLER.splitlines())}: error:")


def test_the_schema_other_languages_get_still_reads_the_declaration_as_the_object() -> None:
    # The annotations as Pulumi's analyzer reads them at run time (the modules have no postponed annotations).
    assert AzureOpenAIServiceArgs.__annotations__["use_case"] is UseCaseArgs
    assert ProjectArgs.__annotations__["use_case"] == NotRequired[UseCaseArgs]
