"""A declaration set as a secret is refused by the program and by ``config_object``, as the checker refuses it.

``pulumi config set --secret`` writes a ``secure:`` value into the stack file, which the checker cannot read, so
it says INVALID; Pulumi hands the program the value decrypted, so the program and a consumer's ``config_object``
read it and allowed it. They now refuse it with the checker's words: a declaration must be plain.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pulumi
import pytest

from azure_openai_guarded.components.declaration import ENCRYPTED
from azure_openai_guarded.guards import PROJECT
from azure_openai_guarded.guards.checker import check_file
from mockengine.program import run_program
from tests.test_consumer_example import CONSUMER, CONSUMER_PROJECT, _stack_config
from tests.test_program_guard import ALLOWED, example_config


@pytest.fixture(autouse=True)
def no_secret_keys_left_behind() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({}, [])


def secret(*keys: str) -> None:
    """Mark ``keys`` secret, as the engine does for a value set with ``pulumi config set --secret``."""
    pulumi.runtime.set_all_config({}, list(keys))


@pytest.mark.parametrize("key", ["useCase", "guardProfile"])
def test_the_program_refuses_a_secret_declaration_with_the_checkers_words(key: str) -> None:
    config = example_config(ALLOWED[0]) | {f"{PROJECT}:guardProfile": "terms"}
    secret(f"{PROJECT}:{key}")
    run = run_program(config, stack=ALLOWED[0])
    assert run.error is not None
    assert f"{PROJECT}:{key}: {ENCRYPTED}" in run.error
    assert run.resources == []


def test_the_checker_refuses_the_same_secret_with_the_same_words(tmp_path: Path) -> None:
    stack_file = tmp_path / "Pulumi.sec.yaml"
    service = {"cloud": "public", "location": "eastus2", "resourceGroupName": "rg-x"}
    stack_file.write_text(
        f"config:\n  {PROJECT}:service: {json.dumps(service)}\n  {PROJECT}:useCase:\n    secure: AAABAKz0dGVzdA==\n",
        encoding="utf-8",
    )
    result = check_file(stack_file)
    assert result.verdict is None
    assert any(ENCRYPTED in p.message for p in result.problems)


def test_a_consumers_secret_use_case_is_refused_by_config_object() -> None:
    secret(f"{CONSUMER_PROJECT}:useCase")
    run = run_program(_stack_config("dev"), stack="dev", program=CONSUMER / "__main__.py", project=CONSUMER_PROJECT)
    assert run.error is not None
    assert run.error.startswith(f"{CONSUMER_PROJECT}:useCase: the config value is invalid; nothing was created.")
    assert ENCRYPTED in run.error
    assert run.resources == []


def test_a_plain_declaration_beside_an_unrelated_secret_is_provisioned() -> None:
    secret(f"{CONSUMER_PROJECT}:apiToken")
    run = run_program(_stack_config("dev"), stack="dev", program=CONSUMER / "__main__.py", project=CONSUMER_PROJECT)
    assert run.error is None
    assert run.resources
