"""Project config in Pulumi.yaml under the real engine: the program sees it, and so do the checker and the plan.

The engine applies the project file's ``config:`` block to every stack before the program runs. These tests
change only the copy's ``Pulumi.yaml``, and show the real preview, the checker and the offline plan reaching
the same decision on the merged config.
"""

from __future__ import annotations

import shutil

import pytest

from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.rules import STRICT_FR_LAW_ENFORCEMENT
from plan.planner import Status, plan_file
from tests.engine.harness import REPO, Engine

# A British police custody suite matching faces at a fixed booking desk: allowed (with a warning) under `terms`,
# denied under `strict`. Its stack file sets no guardProfile.
CUSTODY = REPO / "examples" / "law-enforcement" / "Pulumi.uk-custody-suite.yaml"
ENVIRONMENT = "azure-native:environment"


def _project_file(engine: Engine, old: str, new: str) -> None:
    project = engine.project / "Pulumi.yaml"
    text = project.read_text(encoding="utf-8")
    assert old in text
    project.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_strict_default_in_pulumi_yaml_denies_a_stack_that_sets_no_profile_in_preview_checker_and_plan(
    engine: Engine,
) -> None:
    stack = "uk-custody-suite"
    stack_file = engine.project / "stacks" / f"Pulumi.{stack}.yaml"
    shutil.copy(CUSTODY, stack_file)
    assert "guardProfile" not in stack_file.read_text(encoding="utf-8")
    assert check_file(stack_file).allowed, "allowed under the project's default `terms`"

    _project_file(engine, "    default: terms\n", "    default: strict\n")
    engine.init(stack)
    preview = engine.preview(stack)
    checked = check_file(stack_file)
    planned = plan_file(stack_file)

    assert preview.code != 0
    assert STRICT_FR_LAW_ENFORCEMENT.id in preview.text
    assert "Traceback" not in preview.text
    assert checked.verdict is not None
    assert STRICT_FR_LAW_ENFORCEMENT.id in [f.rule for f in checked.verdict.denials]
    assert planned.status is Status.DENIED
    assert planned.run is not None
    assert planned.run.resources == []


def test_a_stack_that_sets_its_profile_keeps_it_over_the_projects_default(engine: Engine) -> None:
    stack_file = engine.project / "stacks" / "Pulumi.dev.yaml"
    assert "azure-openai-guarded:guardProfile: terms" in stack_file.read_text(encoding="utf-8")
    _project_file(engine, "    default: terms\n", "    default: strict\n")
    engine.init("dev")
    preview = engine.preview("dev")
    assert preview.code == 0, preview.text
    assert check_file(stack_file).allowed
    assert plan_file(stack_file).status is Status.ALLOWED


@pytest.mark.parametrize(
    "spelling", [f"  {ENVIRONMENT}: usgovernment\n", f"  {ENVIRONMENT}:\n    value: usgovernment\n"]
)
def test_a_government_environment_in_pulumi_yaml_fails_a_commercial_stack_in_preview_checker_and_plan(
    engine: Engine, spelling: str
) -> None:
    stack_file = engine.project / "stacks" / "Pulumi.dev.yaml"
    assert ENVIRONMENT not in stack_file.read_text(encoding="utf-8")
    _project_file(engine, "config:\n", "config:\n" + spelling)
    engine.init("dev")
    preview = engine.preview("dev")
    checked = check_file(stack_file)
    planned = plan_file(stack_file)

    assert preview.code != 0
    assert f"{ENVIRONMENT}: usgovernment" in preview.text
    assert "Traceback" not in preview.text
    assert checked.verdict is None
    assert any(f"{ENVIRONMENT}: usgovernment" in str(p) for p in checked.problems)
    assert planned.status is Status.INVALID
    assert planned.run is not None
    assert planned.run.resources == []
