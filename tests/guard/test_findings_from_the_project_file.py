"""A finding about a declaration the stack file leaves to its project file points at the project file.

Pulumi applies a project's ``config:`` to every stack that does not set the key; the purpose to reword, or the
party to declare, is then in ``Pulumi.yaml``, so every report names that file and the key's line there.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.models import PROJECT
from tests.declarations import config, use_case


def test_a_finding_on_a_use_case_from_the_project_file_points_at_its_line_there(tmp_path: Path) -> None:
    declared = use_case(purpose="Answer billing questions for the NYPD.")
    project = {"name": PROJECT, "runtime": "python", "config": {f"{PROJECT}:useCase": {"value": declared}}}
    (tmp_path / "Pulumi.yaml").write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    service = {f"{PROJECT}:service": config()["service"]}
    (tmp_path / "Pulumi.prod.yaml").write_text(yaml.safe_dump({"config": service}), encoding="utf-8")

    checked = check_file(tmp_path / "Pulumi.prod.yaml")

    assert checked.verdict is not None, checked.problems
    [finding] = checked.verdict.denials
    file, line = checked.finding_location(finding)
    assert file == tmp_path / "Pulumi.yaml"
    lines = (tmp_path / "Pulumi.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[line - 1].strip().startswith(f"{PROJECT}:useCase:")
