"""The pack against what the components register for the project's own stack files.

Each ``stacks/Pulumi.<stack>.yaml`` runs through the real program under
Pulumi's mock engine (``mockengine.program``); its registrations go to the pack's
policies in the engine's shapes, with the stack's config as the engine passes
it. A stack built with the components must pass the facial-recognition and
Government policies on its own (its accounts carry the verdict tags, its
declaration is read), and its accounts must pass the security checks the
components promise by default.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi.runtime
import pytest

from azure_openai_guarded.guards import tags
from azure_openai_guarded.guards.policies.checks import (
    LOCAL_AUTH_DISABLED,
    MANAGED_IDENTITY,
    PUBLIC_NETWORK_ACCESS_DISABLED,
)
from azure_openai_guarded.guards.policies.government import GOVERNMENT_PROVIDER
from azure_openai_guarded.guards.policies.use_case import (
    ACCOUNT_DECLARED,
    FACE_US_LAW_ENFORCEMENT,
    USE_CASE_VERDICT,
)
from azure_openai_guarded.guards.projectfile import read_stack
from mockengine.analyzer import Violation, analyze
from mockengine.config import engine_config
from mockengine.program import ProgramRun, run_program

STACKS = sorted((Path(__file__).resolve().parent.parent / "stacks").glob("Pulumi.*.yaml"))
ACCOUNT = "azure-native:cognitiveservices:Account"

TERMS_AND_GOVERNMENT = {USE_CASE_VERDICT, ACCOUNT_DECLARED, FACE_US_LAW_ENFORCEMENT, GOVERNMENT_PROVIDER}
SECURE_BY_DEFAULT = {LOCAL_AUTH_DISABLED.id, PUBLIC_NETWORK_ACCESS_DISABLED.id, MANAGED_IDENTITY.id}
"""What the components set on every account whatever the stack says (local auth off, no public access, identity)."""


@pytest.fixture(autouse=True)
def fresh_runtime_config() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def stack_config(path: Path) -> dict[str, Any]:
    return read_stack(path).full_config()


def preview(path: Path) -> tuple[ProgramRun, list[Violation]]:
    config = stack_config(path)
    run = run_program(config, stack=path.name.removeprefix("Pulumi.").removesuffix(".yaml"))
    return run, analyze(run.resources, engine_config(config))


@pytest.mark.parametrize("path", STACKS, ids=[p.name for p in STACKS])
def test_a_stack_built_with_the_components_passes_the_terms_and_government_policies(path: Path) -> None:
    run, violations = preview(path)
    assert run.error is None
    accounts = run.of_type(ACCOUNT)
    assert accounts, "the program registered no account"
    for account in accounts:
        assert set(account.inputs.get("tags", {})) >= tags.REQUIRED, account.name
    assert [(v.policy, v.message) for v in violations if v.policy in TERMS_AND_GOVERNMENT] == []


@pytest.mark.parametrize("path", STACKS, ids=[p.name for p in STACKS])
def test_the_components_accounts_pass_the_checks_they_promise_by_default(path: Path) -> None:
    run, violations = preview(path)
    assert run.error is None
    assert [(v.policy, v.message) for v in violations if v.policy in SECURE_BY_DEFAULT] == []


@pytest.mark.parametrize("path", STACKS, ids=[p.name for p in STACKS])
def test_the_projects_own_stacks_pass_every_mandatory_policy_so_their_pr_preview_is_green(path: Path) -> None:
    run, violations = preview(path)
    assert run.error is None
    assert [(v.policy, v.message) for v in violations if v.mandatory] == []
