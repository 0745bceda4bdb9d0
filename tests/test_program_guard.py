"""The Pulumi program under the mock engine: the guard decides before anything is registered.

Each run uses a stack file's config exactly as Pulumi would hand it to the program.
A denied or invalid stack registers no resource at all and fails with the reasons;
an allowed stack exports its verdict.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.guards import RULES, Severity
from azure_openai_guarded.guards.cli import main as cli_main
from azure_openai_guarded.guards.projectfile import read_stack
from azure_openai_guarded.guards.rules import DECLARATION_MISSING, FR_US_LAW_ENFORCEMENT
from mockengine.program import ProgramRun, run_program
from tests.declarations import EXAMPLE_VERDICTS, EXAMPLES
from tests.samples import us_police_facial_recognition

REPOSITORY = Path(__file__).resolve().parent.parent
DENIED = sorted(s for s, (label, _) in EXAMPLE_VERDICTS.items() if label == "denied")
ALLOWED = sorted(s for s, (label, _) in EXAMPLE_VERDICTS.items() if label != "denied")
DENY_RULES = {rule.id for rule in RULES if rule.severity is Severity.DENY}


def example_config(stack: str) -> dict[str, Any]:
    """The example stack file's config, full keys, read as the checker reads it (with any project config)."""
    return read_stack(EXAMPLES / f"Pulumi.{stack}.yaml").full_config()


def assert_nothing_registered(run: ProgramRun) -> None:
    assert run.resources == [], [r.type for r in run.resources]
    assert "verdict" not in run.outputs


@pytest.mark.parametrize("stack", DENIED)
def test_a_denied_stack_registers_nothing_and_names_its_rules_and_file(stack: str) -> None:
    run = run_program(example_config(stack), stack=stack)

    assert_nothing_registered(run)
    assert run.error is not None
    assert f"Pulumi.{stack}.yaml" in run.error
    _, rules = EXAMPLE_VERDICTS[stack]
    for rule in rules:
        if rule in DENY_RULES:
            assert rule in run.error


@pytest.mark.parametrize("stack", ALLOWED)
def test_an_allowed_stack_exports_its_verdict(stack: str) -> None:
    run = run_program(example_config(stack), stack=stack)

    assert run.error is None
    label, rules = EXAMPLE_VERDICTS[stack]
    verdict = run.outputs["verdict"]
    assert verdict["allowed"] is True
    assert verdict["verdict"] == label
    assert [f["rule"] for f in verdict["findings"]] == list(rules)
    assert verdict["rulesetVersion"]
    assert verdict["termsVersion"] == "2024-05-01"


def test_a_vendor_building_recognition_for_us_police_registers_nothing() -> None:
    config = example_config("us-vendor-redaction")
    use_case = config["azure-openai-guarded:useCase"]
    use_case["capabilities"] = ["facial_recognition"]
    use_case["facialRecognition"] = {"realtime": False, "cameras": ["fixed"], "environment": "controlled"}

    run = run_program(config, stack="vendor-recognition")

    assert_nothing_registered(run)
    assert run.error is not None
    assert FR_US_LAW_ENFORCEMENT.id in run.error
    assert "servedParties[0] is law enforcement in US" in run.error


def test_a_stack_without_a_use_case_registers_nothing() -> None:
    config = example_config("us-bodycam-reports")
    del config["azure-openai-guarded:useCase"]

    run = run_program(config, stack="undeclared")

    assert_nothing_registered(run)
    assert run.error is not None
    assert DECLARATION_MISSING.id in run.error
    assert "Pulumi.undeclared.yaml" in run.error


@pytest.mark.parametrize(
    ("change", "named"),
    [
        pytest.param(
            lambda c: c.update({"azure-openai-guarded:guardprofile": "strict"}),
            "azure-openai-guarded:guardprofile",
            id="misspelt-config-key",
        ),
        pytest.param(
            lambda c: c["azure-openai-guarded:useCase"].update({"purpos": "typo"}),
            "azure-openai-guarded:useCase.purpos",
            id="unknown-use-case-field",
        ),
        pytest.param(
            lambda c: c["azure-openai-guarded:useCase"]["operator"].update({"sector": "police"}),
            "azure-openai-guarded:useCase.operator.sector",
            id="bad-sector",
        ),
        pytest.param(
            lambda c: c["azure-openai-guarded:useCase"]["operator"].update({"country": "USA"}),
            "azure-openai-guarded:useCase.operator.country",
            id="bad-country",
        ),
        pytest.param(
            lambda c: c["azure-openai-guarded:useCase"].update({"humanReview": "maybe"}),
            "azure-openai-guarded:useCase.humanReview",
            id="attestation-not-a-boolean",
        ),
    ],
)
def test_an_invalid_declaration_registers_nothing_and_names_the_field(change: Any, named: str) -> None:
    config = copy.deepcopy(example_config("us-bodycam-reports"))
    change(config)

    run = run_program(config, stack="invalid")

    assert_nothing_registered(run)
    assert run.error is not None
    assert named in run.error
    assert "Pulumi.invalid.yaml" in run.error


@pytest.mark.parametrize(
    ("folder", "named"), [("config/stacks", "config/stacks/Pulumi.prod.yaml"), (None, "Pulumi.prod.yaml")]
)
def test_an_invalid_stack_names_the_stack_file_pulumi_read(tmp_path: Path, folder: str | None, named: str) -> None:
    # The file is where the project's stackConfigDir puts it (or beside Pulumi.yaml), never a fixed path.
    project = {"name": "azure-openai-guarded", "runtime": "python"} | ({"stackConfigDir": folder} if folder else {})
    (tmp_path / "Pulumi.yaml").write_text(yaml.safe_dump(project), encoding="utf-8")
    program = tmp_path / "__main__.py"
    shutil.copy(REPOSITORY / "__main__.py", program)
    config = copy.deepcopy(example_config(ALLOWED[0])) | {"azure-openai-guarded:guardprofile": "strict"}

    run = run_program(config, stack="prod", program=program)

    assert_nothing_registered(run)
    assert (run.error or "").startswith(f"{named}: the declaration is invalid; nothing was created.")
    assert "azure-openai-guarded:guardprofile: unknown config key" in (run.error or "")


def test_the_stack_outputs_carry_the_verdict_exactly_as_the_checkers_json_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    stack = "uk-custody-suite"
    run = run_program(example_config(stack), stack=stack)
    assert run.error is None, run.error
    cli_main(["check", str(EXAMPLES / f"Pulumi.{stack}.yaml"), "--format", "json"])
    [reported] = json.loads(capsys.readouterr().out)["results"]

    keys = set(run.outputs["verdict"])
    checked = {key: reported[key] for key in keys}
    # Where the report found each finding (its file and line) is the report's, not the verdict's.
    checked["findings"] = [{k: v for k, v in f.items() if k not in ("file", "line")} for f in reported["findings"]]
    assert checked == run.outputs["verdict"]
    assert run.outputs["verdict"]["findings"], "a stack with warnings, so the findings are compared too"


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("azure-native:environment", "usgovernment", "sends the default provider's resources to Azure Government"),
        ("azure-native:metadataHost", "management.example", "which the guard cannot establish"),
    ],
)
def test_a_default_provider_sent_elsewhere_than_the_declared_cloud_stops_the_program(
    key: str, value: str, said: str
) -> None:
    # A non-US operator is allowed in commercial Azure, not in Azure Government: the verdict must be for where
    # the resources go, so a provider the declaration does not agree with is an error.
    config = example_config(ALLOWED[0]) | {key: value}
    run = run_program(config, stack=ALLOWED[0])

    assert_nothing_registered(run)
    assert "azure-openai-guarded:service.cloud: " in (run.error or "")
    assert said in (run.error or "")


def test_a_config_variable_of_the_environment_does_not_replace_the_stack_files_declaration(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Review R17 F2: pulumi.Config prefers PULUMI_CONFIG_<KEY> to the stack's config, which the language host
    # hands the program in PULUMI_CONFIG; no stack file, provider or check sees the variable.
    config = example_config(ALLOWED[0])
    harmless = config["azure-openai-guarded:useCase"]
    forbidden = us_police_facial_recognition()
    forbidden["facialRecognition"] = forbidden.pop("facial_recognition")
    forbidden["humanReview"] = forbidden.pop("human_review")
    config["azure-openai-guarded:useCase"] = forbidden
    as_the_host_writes_it = {key: v if isinstance(v, str) else json.dumps(v) for key, v in config.items()}
    monkeypatch.setenv("PULUMI_CONFIG", json.dumps(as_the_host_writes_it))
    monkeypatch.setenv("PULUMI_CONFIG_AZURE_OPENAI_GUARDED_USECASE", json.dumps(harmless))

    run = run_program({}, stack=ALLOWED[0])

    assert_nothing_registered(run)
    assert FR_US_LAW_ENFORCEMENT.id in (run.error or "")
