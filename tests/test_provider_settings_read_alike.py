"""The provider settings that say where a stack's resources go are read alike by the checker, the program and the
pack (review R25).

* A secret one (``pulumi config set --secret azure:environment usgovernment``) is a ``secure:`` value in the stack
  file, which the checker cannot read; the engine hands the program and the pack its plain text. They decided on
  text the checker never saw, so a stack the checker allowed was refused under the engine, and one it refused was
  allowed. Now each reads such a secret as the stack file writes it, and every entry point refuses it, naming it.
* ``pulumi:disable-default-providers`` is JSON text to the engine: ``'["azure-native"]'`` disables the default
  provider the commercial component uses, and ``azure-native`` alone is no JSON, which fails the whole stack. The
  checker read a string as one package name, and the program never looked, so its component registered and the
  engine failed it halfway, with a traceback.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi
import pytest
import yaml

from azure_openai_guarded.components.declaration import (
    DEFAULT_PROVIDER_DISABLED,
    DISABLE_DEFAULT_PROVIDERS,
    ENCRYPTED_SETTING,
)
from azure_openai_guarded.guards import PROJECT
from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.stack_config import config_refusal, stack_context
from mockengine.config import engine_config
from mockengine.program import run_program
from tests.test_program_guard import ALLOWED, example_config

STACK = ALLOWED[0]


@pytest.fixture(autouse=True)
def no_secret_keys_left_behind() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({}, [])


SECRET_SETTINGS = ["azure:environment", "azure-native:location", "azure-native:environment"]
PLAIN_TEXT = {"azure:environment": "usgovernment", "azure-native:location": "usgovvirginia"}


def _outcomes(tmp_path: Path, setting: dict[str, Any], secret: str | None = None) -> dict[str, str | None]:
    """Each entry point's refusal of the example stack with ``setting`` added (``secret`` its key, when set as a
    secret): the text naming what is wrong, ``None`` when it allows the stack."""
    config = example_config(STACK) | setting
    written = {key: {"secure": "AAABAKz0dGVzdA=="} if key == secret else value for key, value in config.items()}
    stack_file = tmp_path / f"Pulumi.{STACK}.yaml"
    stack_file.write_text(yaml.safe_dump({"config": written}), encoding="utf-8")
    checked = check_file(stack_file)
    checker = None if checked.verdict is not None and checked.verdict.allowed else "\n".join(map(str, checked.problems))
    secret_keys = [secret] if secret else []
    pulumi.runtime.set_all_config({}, secret_keys)
    program = run_program(config, stack=STACK)
    pack = stack_context(engine_config(config), PROJECT, frozenset(secret_keys))
    refused = config_refusal(pack)
    return {
        "checker": checker,
        "program": program.error,
        "pack": "\n".join(map(str, pack.problems)) if refused else None,
    }


@pytest.mark.parametrize("key", SECRET_SETTINGS)
def test_a_secret_provider_setting_is_refused_by_every_entry_point_naming_it(tmp_path: Path, key: str) -> None:
    plain = PLAIN_TEXT.get(key, "public")
    outcomes = _outcomes(tmp_path, {key: plain}, secret=key)
    for entry_point, refusal in outcomes.items():
        assert refusal is not None, entry_point
        assert f"`{key}` {ENCRYPTED_SETTING}" in refusal, (entry_point, refusal)


@pytest.mark.parametrize(
    ("value", "says"),
    [
        (json.dumps(["azure-native"]), DEFAULT_PROVIDER_DISABLED),
        (["azure-native"], DEFAULT_PROVIDER_DISABLED),
        ('["*"]', DEFAULT_PROVIDER_DISABLED),
        ("azure-native", "which the engine cannot read"),
        ({"azure-native": True}, "which the engine cannot read"),
    ],
    ids=["json-text", "yaml-list", "all-as-json-text", "a-bare-name", "a-mapping"],
)
def test_default_providers_are_read_as_the_engine_reads_them_by_every_entry_point(
    tmp_path: Path, value: Any, says: str
) -> None:
    for entry_point, refusal in _outcomes(tmp_path, {DISABLE_DEFAULT_PROVIDERS: value}).items():
        assert refusal is not None, entry_point
        assert f"{DISABLE_DEFAULT_PROVIDERS}: " in refusal, (entry_point, refusal)
        assert says in refusal, (entry_point, refusal)


def test_disabling_another_packages_default_provider_refuses_nothing(tmp_path: Path) -> None:
    outcomes = _outcomes(tmp_path, {DISABLE_DEFAULT_PROVIDERS: json.dumps(["random"])})
    assert outcomes == {"checker": None, "program": None, "pack": None}


def test_the_program_refuses_a_disabled_default_provider_before_registering_anything() -> None:
    run = run_program(example_config(STACK) | {DISABLE_DEFAULT_PROVIDERS: '["azure-native"]'}, stack=STACK)
    assert run.resources == []
