"""The program and the components read the stack file the Pulumi CLI read, as the checker reads it.

The engine resolves some problems the checker refuses, and hands the program one value for each: a key written
twice or in two spellings, merge keys that overlap, a custom tag, a second YAML document, a namespace in other
letter case, a YAML 1.1 ``NO``. Where the language host says where the project is (its root directory), the program
and every component it builds refuse such a file as the checker and the plan do, naming the file and the line, and
register nothing (review R19).

Each case hands the program the config the stack file's first reading gives (what the engine would hand it for a
file without the problem), so that only the file tells the problem apart.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from azure_openai_guarded.components import AzureOpenAIService
from azure_openai_guarded.guards import PROJECT
from azure_openai_guarded.guards.cli import main as cli_main
from azure_openai_guarded.guards.policies.stack_context import stack_context
from azure_openai_guarded.guards.projectfile import read_stack
from mockengine.program import run_callable, run_program
from tests.samples import service_args

REPOSITORY = Path(__file__).resolve().parent.parent
VALID = (REPOSITORY / "stacks" / "Pulumi.dev.yaml").read_text(encoding="utf-8")
PROFILE = "  azure-openai-guarded:guardProfile: terms\n"
USE_CASE = "    humanReview: true\n"

CASES = {
    "a key written twice": VALID.replace(PROFILE, PROFILE * 2),
    "one key in two spellings": VALID.replace(PROFILE, PROFILE + "  azure-openai-guarded:config:guardProfile: terms\n"),
    "merge keys that overlap": VALID.replace(USE_CASE, "    <<: [{humanReview: true}, {humanReview: false}]\n"),
    "a custom tag": VALID.replace(PROFILE, "  azure-openai-guarded:guardProfile: !Ref terms\n"),
    "a second YAML document": VALID + "---\nconfig:\n  azure-openai-guarded:guardProfile: strict\n",
    "a namespace in other letter case": VALID.replace(PROFILE, "  Azure-OpenAI-Guarded:guardProfile: terms\n"),
    "a YAML 1.1 boolean": VALID.replace("      country: US\n", "      country: NO\n"),
}


def checker_exit(folder: Path) -> int:
    return cli_main(["check", str(folder / "Pulumi.dev.yaml"), "--format", "json"])


def project(tmp_path: Path, text: str) -> Path:
    (tmp_path / "Pulumi.yaml").write_text("name: azure-openai-guarded\nruntime: python\n", encoding="utf-8")
    (tmp_path / "Pulumi.dev.yaml").write_text(text, encoding="utf-8")
    shutil.copy(REPOSITORY / "__main__.py", tmp_path / "__main__.py")
    return tmp_path


ENGINE_CONFIG = read_stack(REPOSITORY / "stacks" / "Pulumi.dev.yaml").full_config()


@pytest.mark.parametrize("case", CASES)
def test_the_program_refuses_a_stack_file_the_checker_refuses_naming_the_file(tmp_path: Path, case: str) -> None:
    folder = project(tmp_path, CASES[case])
    assert checker_exit(folder) == 2

    run = run_program(ENGINE_CONFIG, stack="dev", program=folder / "__main__.py", root_directory=folder)

    assert run.resources == []
    assert (run.error or "").startswith("Pulumi.dev.yaml: the stack file is invalid; nothing was created."), run.error
    assert "line " in (run.error or "")


def test_the_program_runs_a_stack_file_the_checker_reads_cleanly(tmp_path: Path) -> None:
    folder = project(tmp_path, VALID)
    assert checker_exit(folder) == 0

    run = run_program(ENGINE_CONFIG, stack="dev", program=folder / "__main__.py", root_directory=folder)

    assert run.error is None
    assert run.outputs["verdict"]["allowed"] is True


def test_a_stack_whose_config_comes_from_no_file_is_decided_on_the_config_the_engine_hands_it(tmp_path: Path) -> None:
    folder = project(tmp_path, VALID)
    (folder / "Pulumi.dev.yaml").unlink()

    run = run_program(ENGINE_CONFIG, stack="dev", program=folder / "__main__.py", root_directory=folder)

    assert run.error is None


def test_a_component_in_a_consumers_program_refuses_the_consumers_invalid_stack_file(tmp_path: Path) -> None:
    (tmp_path / "Pulumi.yaml").write_text("name: shop\nruntime: python\n", encoding="utf-8")
    (tmp_path / "Pulumi.dev.yaml").write_text(
        "config:\n  shop:region: west\n  shop:region: east\n  azure-native:location: eastus2\n", encoding="utf-8"
    )

    run = run_callable(
        lambda: AzureOpenAIService("svc", service_args()), {}, stack="dev", project="shop", root_directory=tmp_path
    )

    assert run.resources == []
    assert "Pulumi.dev.yaml: the stack file is invalid; nothing was created." in (run.error or "")
    assert "shop:region" in (run.error or "")


MISPLACED = "Azure-OpenAI-Guarded:guardProfile"


def test_a_key_in_a_near_miss_of_the_namespace_is_refused_by_the_program_whatever_the_config_came_from() -> None:
    # No root directory: the key reaches the program only as the engine hands it (a flag, an environment).
    run = run_program(ENGINE_CONFIG | {MISPLACED: "strict"}, stack="dev")

    assert run.resources == []
    assert f"`{MISPLACED}`: config key `{MISPLACED}` is not in this project's namespace" in (run.error or "")


def test_a_key_in_a_near_miss_of_a_consumers_namespace_is_refused_by_the_component() -> None:
    run = run_callable(
        lambda: AzureOpenAIService("svc", service_args()), {"Shop:guardProfile": "strict"}, project="shop"
    )

    assert run.resources == []
    assert "did you mean `shop:guardProfile`?" in (run.error or "")


def test_a_key_in_a_near_miss_of_the_namespace_makes_the_stack_invalid_to_the_pack() -> None:
    context = stack_context({**ENGINE_CONFIG, MISPLACED: "strict"}, project=PROJECT)

    assert context.invalid
    assert context.declaration is None
    assert any(MISPLACED in problem.message for problem in context.problems)
