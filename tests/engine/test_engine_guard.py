"""The guard under the real engine: a denied stack, an invalid one, and a program that bypasses the components.

The engine, the Python SDK's launcher and the policy-analyzer host are real; only Azure is stood in for.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards.deployment import STACK_NAME
from azure_openai_guarded.guards.policies.checks import SECURITY_CHECKS, Level
from azure_openai_guarded.guards.policies.use_case import USE_CASE_VERDICT
from azure_openai_guarded.guards.rules import DECLARATION_MISSING, FR_US_LAW_ENFORCEMENT
from tests.engine.harness import REPO, Engine, Result
from tests.test_program_reads_its_stack_file import CASES as STACK_FILE_CASES

DENIED_EXAMPLE = REPO / "examples" / "law-enforcement" / "Pulumi.us-sheriff-booking.yaml"
DENYING_RULE = FR_US_LAW_ENFORCEMENT

# A program that declares raw resources, with no declaration: the pack is all that stands between it and Azure.
BYPASS_PROGRAM = """\
import pulumi
from pulumi_azure_native import cognitiveservices, resources

group = resources.ResourceGroup("raw-rg", resource_group_name="rg-raw", location="eastus2")
cognitiveservices.Account(
    "raw-account",
    account_name="raw-openai",
    resource_group_name=group.name,
    location="eastus2",
    kind="OpenAI",
    sku=cognitiveservices.SkuArgs(name="S0"),
    properties=cognitiveservices.AccountPropertiesArgs(
        public_network_access="Enabled",
        disable_local_auth=False,
    ),
)
"""


def _denied_stack(engine: Engine) -> str:
    """The sheriff's booking-photo match (facial recognition by US police), as a stack of the copy."""
    stack = "us-sheriff-booking"
    shutil.copy(DENIED_EXAMPLE, engine.project / "stacks" / f"Pulumi.{stack}.yaml")
    engine.init(stack)
    return stack


def test_a_denied_declaration_fails_preview_with_the_rule_and_its_clause_and_no_traceback(engine: Engine) -> None:
    stack = _denied_stack(engine)
    result = engine.preview(stack)
    assert result.code != 0
    assert DENYING_RULE.id in result.text
    assert DENYING_RULE.clause is not None
    assert DENYING_RULE.clause.wording in " ".join(result.text.split())
    assert f"stacks/Pulumi.{stack}.yaml" in result.text
    assert "Traceback" not in result.text


def test_up_of_a_denied_declaration_leaves_the_stack_without_any_resource(engine: Engine) -> None:
    stack = _denied_stack(engine)
    up = engine.run("up", "--yes", "--stack", stack)
    assert up.code != 0
    assert DENYING_RULE.id in up.text
    assert engine.resources(stack) == []


def test_a_misspelt_field_fails_preview_naming_the_file_and_the_field_without_a_traceback(engine: Engine) -> None:
    stack_file = engine.project / "stacks" / "Pulumi.dev.yaml"
    text = stack_file.read_text()
    assert "    purpose:" in text
    stack_file.write_text(text.replace("    purpose:", "    purpsoe:", 1))
    engine.init("dev")
    result = engine.preview("dev")
    assert result.code != 0
    assert "stacks/Pulumi.dev.yaml" in result.text
    assert "purpsoe" in result.text
    assert "Traceback" not in result.text


def test_a_program_that_bypasses_the_components_fails_the_pack_on_its_mandatory_checks(engine: Engine) -> None:
    (engine.project / "__main__.py").write_text(BYPASS_PROGRAM)
    (engine.project / "stacks" / "Pulumi.raw.yaml").write_text("config:\n  azure-native:location: eastus2\n")
    engine.init("raw")
    result = engine.preview("raw")
    assert result.code != 0, result.text
    assert DECLARATION_MISSING.id in result.text
    violated = [c for c in SECURITY_CHECKS if c.id in {"local-auth-disabled", "public-network-access-disabled"}]
    assert violated, "the bypass program was written to violate these two checks"
    for check in violated:
        assert check.level == Level.MANDATORY
        assert check.id in result.text
        checkov = [m for m in check.mirrors if m.startswith("CKV")]
        assert checkov
        for checkov_id in checkov:
            assert checkov_id in result.text
    assert "mandatory" in result.text
    assert "Traceback" not in result.text


NAMED_FOR_A_FORCE = "nypd-bodycam-live"
"""A stack named for a US police force's live body-camera identification, under the dev stack's support bot."""


def _preview_named_for_a_force(engine: Engine) -> Result:
    stacks = engine.project / "stacks"
    shutil.copy(stacks / "Pulumi.dev.yaml", stacks / f"Pulumi.{NAMED_FOR_A_FORCE}.yaml")
    engine.init(NAMED_FOR_A_FORCE)
    return engine.preview(NAMED_FOR_A_FORCE)


def test_a_stack_named_for_a_us_police_force_fails_preview_in_the_program_quoting_its_name(engine: Engine) -> None:
    result = _preview_named_for_a_force(engine)
    assert result.code != 0
    assert f"{STACK_NAME} says 'nypd'" in result.text
    assert "Traceback" not in result.text


def test_the_pack_reads_the_stack_name_the_engine_configures_it_with(engine: Engine) -> None:
    # The program declares its resources raw, so only the pack decides, from ConfigureStack's stack name.
    (engine.project / "__main__.py").write_text(BYPASS_PROGRAM)
    result = _preview_named_for_a_force(engine)
    assert result.code != 0
    assert USE_CASE_VERDICT in result.text
    assert f"{STACK_NAME} says 'nypd'" in result.text
    assert "Traceback" not in result.text


def _python_consumer(engine: Engine, beside: dict[str, object]) -> Path:
    """examples/consumer (a Python project that reuses the components), its dev stack with ``beside`` added."""
    consumer = engine.root / "consumer"
    shutil.copytree(REPO / "examples" / "consumer", consumer, ignore=shutil.ignore_patterns("venv"))
    # Its pip toolchain runs the environment running the tests, which has the library installed.
    (consumer / "venv").symlink_to(sys.prefix, target_is_directory=True)
    stack_file = consumer / "Pulumi.dev.yaml"
    written = yaml.safe_load(stack_file.read_text())
    engine.init("dev", cwd=consumer)
    stack_file.write_text(yaml.safe_dump({"config": {**written["config"], **beside}}, sort_keys=False))
    return consumer


def _sheriffs_use_case() -> object:
    return yaml.safe_load(DENIED_EXAMPLE.read_text())["config"]["azure-openai-guarded:useCase"]


def test_a_python_consumers_component_refuses_a_denied_declaration_beside_its_own_before_registering(
    engine: Engine,
) -> None:
    # The checker and the pack refuse the stack; the component decided only its own allowed use case and
    # registered (review R23). Without the pack, the preview passed.
    consumer = _python_consumer(engine, {"other-team:useCase": _sheriffs_use_case()})
    preview = engine.run("preview", "--stack", "dev", cwd=consumer)
    assert preview.code != 0, preview.text
    assert "AzureOpenAIService 'support-chat': the guard denied the use case `other-team:useCase`" in preview.text
    assert DENYING_RULE.id in preview.text
    assert "Traceback" not in preview.text
    up = engine.run("up", "--yes", "--skip-preview", "--stack", "dev", cwd=consumer)
    assert up.code != 0
    assert "Traceback" not in up.text
    registered = [r["type"] for r in engine.resources("dev", cwd=consumer)]
    assert [t for t in registered if t != "pulumi:pulumi:Stack"] == [], registered


# The engine resolves these without a word (the last of two spellings, the first merge source, the first document,
# a custom tag's text, the key as written, `NO` as text), and rewrites the file so whenever it saves it (`stack
# init`, `config set`); the program reads its stack file as the checker does and refuses them as it finds them.
ENGINE_RESOLVES = [case for case in STACK_FILE_CASES if case != "a key written twice"]


@pytest.mark.parametrize("case", ENGINE_RESOLVES)
def test_a_stack_file_problem_the_engine_resolves_fails_preview_naming_the_file_and_line(
    engine: Engine, case: str
) -> None:
    # Written after `stack init`, which rewrites the file as the engine reads it (keeping only its salt).
    stack_file = engine.project / "stacks" / "Pulumi.dev.yaml"
    engine.init("dev")
    salt = next(line for line in stack_file.read_text().splitlines() if line.startswith("encryptionsalt:"))
    stack_file.write_text(f"{salt}\n{STACK_FILE_CASES[case]}")
    result = engine.preview("dev")
    assert result.code != 0
    assert "stacks/Pulumi.dev.yaml: the stack file is invalid; nothing was created." in result.text
    assert "line " in result.text
    assert "Traceback" not in result.text
    assert engine.resources("dev") == []
