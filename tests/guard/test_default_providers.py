"""A stack whose config turns off the default azure-native provider: only the Government component can deploy it.

The commercial component's resources go through the stack's default provider, so a commercial stack with
``pulumi:disable-default-providers`` naming azure-native (or ``*``) cannot deploy; the checker says so as the
plan does. The Government component brings its own provider, and its stacks turn the default off on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards.checker import check_file
from tests.declarations import config, stack_document, use_case


def write(folder: Path, cloud: str, disabled: list[str]) -> Path:
    document = stack_document(config(use_case(), cloud=cloud), **{"pulumi:disable-default-providers": disabled})
    path = folder / "Pulumi.defaults.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("disabled", [["azure-native"], ["*"]])
def test_a_commercial_stack_that_turns_off_the_default_azure_native_provider_is_invalid(
    tmp_path: Path, disabled: list[str]
) -> None:
    checked = check_file(write(tmp_path, "public", disabled))

    assert checked.verdict is None
    assert "pulumi:disable-default-providers" in str(checked.problems[0])


def test_a_government_stack_may_turn_it_off_as_its_component_brings_its_own(tmp_path: Path) -> None:
    checked = check_file(write(tmp_path, "usgovernment", ["azure-native"]))

    assert checked.verdict is not None, checked.problems
