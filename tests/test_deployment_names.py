"""The stack's and the project's names say what a deployment is for, and every entry point reads them so.

A stack named ``nypd-bodycam-live``, or a project named ``nypd-faceid``, under a declaration of a commercial
support bot is a declaration that contradicts itself, as an account named so is (review R22). The checker reads
the names from the stack file's name and its project file; the program, the component and the component provider
from Pulumi's settings; the pack from the engine's ``ConfigureStack`` (here, the mock engine's, from the URNs).
Each case goes through all five, and each entry point's denial names the text that tripped it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pulumi
import pytest
import yaml

from azure_openai_guarded.components import AzureOpenAIService
from azure_openai_guarded.components.guard import GuardDeniedError
from azure_openai_guarded.guards import PROJECT
from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.deployment import PROJECT_NAME, STACK_NAME
from mockengine.program import run_callable, run_program
from tests.declarations import config, use_case
from tests.samples import pack_verdict, provider_refusal, service_args

CONSUMER = Path(__file__).resolve().parent.parent / "examples" / "consumer" / "__main__.py"

CASES = [
    # (id, stack, project, the name the denial quotes; None: allowed)
    ("ordinary-names", "dev", PROJECT, None),
    ("ordinary-consumer", "prod", "support-chat", None),
    ("stack-names-a-us-force", "nypd-bodycam-live", PROJECT, STACK_NAME),
    ("stack-names-a-sheriff", "sheriff-faceid-prod", "support-chat", STACK_NAME),
    ("project-names-a-us-force", "dev", "nypd-faceid", PROJECT_NAME),
    ("project-names-face-identification", "dev", "suspect-face-match", PROJECT_NAME),
]

Outcome = tuple[str, bool]
"""``("allowed" | "denied", whether the denial quotes the name)``."""


@pytest.fixture(autouse=True)
def no_config_left_behind() -> Iterator[None]:
    yield
    pulumi.runtime.set_all_config({})


def stack_config(project: str) -> dict[str, Any]:
    """The stack's config, full keys: this project's whole stack, or a consumer's use case in its namespace."""
    if project == PROJECT:
        return {f"{PROJECT}:{key}": value for key, value in config(use_case()).items()}
    return {f"{project}:location": "eastus2", f"{project}:useCase": use_case()}


def _denied(messages: str, name: str | None) -> Outcome:
    return "denied", name is not None and f"{name} says" in messages


def checker(stack: str, project: str, folder: Path) -> Outcome:
    (folder / "Pulumi.yaml").write_text(f"name: {project}\nruntime: python\n", encoding="utf-8")
    path = folder / f"Pulumi.{stack}.yaml"
    path.write_text(yaml.safe_dump({"config": stack_config(project)}), encoding="utf-8")
    result = check_file(path)
    assert result.verdict is not None, result.error
    if result.verdict.allowed:
        return "allowed", False
    return "denied", all(STACK_NAME in f.message or PROJECT_NAME in f.message for f in result.verdict.denials)


def program(stack: str, project: str) -> str:
    """The program's error, or ``""``: this project's program, or the consumer example's."""
    chosen = {"program": CONSUMER} if project != PROJECT else {}
    run = run_program(stack_config(project), stack=stack, project=project, **chosen)
    assert run.error is not None or run.resources, "an allowed stack registers its resources"
    return run.error or ""


def component(stack: str, project: str) -> str:
    found: list[str] = []

    def body() -> None:
        try:
            AzureOpenAIService("svc", service_args())
        except GuardDeniedError as error:
            found.append(str(error))

    run_callable(body, stack=stack, project=project)
    return "".join(found)


def provider(stack: str, project: str) -> str:
    return provider_refusal(use_case(), stack=stack, project=project)


def pack(stack: str, project: str) -> str:
    """The pack's mandatory verdict on a stack that registers one account, decided from its config alone."""
    return pack_verdict(stack_config(project), stack=stack, project=project)


@pytest.mark.parametrize(("stack", "project", "quoted"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_every_entry_point_reads_the_stacks_and_the_projects_names(
    stack: str, project: str, quoted: str | None, tmp_path: Path
) -> None:
    expected: Outcome = ("allowed", False) if quoted is None else ("denied", True)
    outcomes = {"checker": checker(stack, project, tmp_path)}
    for name, entry_point in {"program": program, "component": component, "provider": provider, "pack": pack}.items():
        messages = entry_point(stack, project)
        outcomes[name] = _denied(messages, quoted) if messages else ("allowed", False)
    assert outcomes == dict.fromkeys(outcomes, expected)
