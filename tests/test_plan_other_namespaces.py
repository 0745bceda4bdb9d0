"""The offline plan decides every namespace's use case of a stack file no project file names, as the checker does.

With no ``Pulumi.yaml`` to name the project, the checker decides each ``<namespace>:useCase`` as a consumer's,
since the program may be that namespace's project. The plan runs this library's program, which reads only its own
namespace, so it decides the others first and runs nothing for a stack they deny (review R5 F2): one stack, one
answer, and nothing registered for it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from plan.planner import Status, plan_file
from tests.declarations import config, fr_facts, police, use_case

POLICE_MATCH = use_case(
    operator=police("US"), servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts()
)


def _stack(folder: Path, other: object) -> Path:
    own = {f"azure-openai-guarded:{key}": value for key, value in config(use_case()).items()}
    path = folder / "Pulumi.mixed.yaml"
    path.write_text(yaml.safe_dump({"config": {**own, "myapp:useCase": other}}), encoding="utf-8")
    return path


def test_another_namespaces_denied_use_case_denies_the_plan_before_anything_is_registered(tmp_path: Path) -> None:
    plan = plan_file(_stack(tmp_path, POLICE_MATCH))
    assert plan.status is Status.DENIED
    assert plan.run is None
    assert plan.resources == []


def test_another_namespaces_invalid_use_case_makes_the_plan_invalid_without_running_the_program(
    tmp_path: Path,
) -> None:
    plan = plan_file(_stack(tmp_path, {**use_case(), "servedPartys": []}))
    assert plan.status is Status.INVALID
    assert plan.run is None


def test_another_namespaces_allowed_use_case_leaves_the_program_to_run(tmp_path: Path) -> None:
    plan = plan_file(_stack(tmp_path, use_case()))
    assert plan.status is Status.ALLOWED
    assert plan.run is not None
