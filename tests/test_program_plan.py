"""The program provisions what the stack file says, and the offline plan shows it without a cloud account."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.components.declaration import DEFAULT_PROVIDER_DISABLED
from azure_openai_guarded.guards.projectfile import read_stack
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from mockengine.program import ProgramRun, run_program
from plan.__main__ import main as plan_main
from plan.planner import Status, plan_file

ROOT = Path(__file__).resolve().parent.parent
STACKS = ROOT / "stacks"
SERVICE = "azure-openai-guarded:service"


def stack_config(stack: str) -> dict[str, Any]:
    return read_stack(STACKS / f"Pulumi.{stack}.yaml").full_config()


@pytest.fixture(scope="module")
def dev() -> ProgramRun:
    run = run_program(stack_config("dev"), stack="dev")
    assert run.error is None, run.error
    return run


def test_the_dev_stack_creates_a_locked_down_account(dev: ProgramRun) -> None:
    (account,) = dev.of_type("azure-native:cognitiveservices:Account")
    properties = account.inputs["properties"]
    assert properties["disableLocalAuth"] is True
    assert properties["publicNetworkAccess"] == "Disabled"
    assert properties["restrictOutboundNetworkAccess"] is True
    assert account.inputs["identity"]["type"] == "SystemAssigned"


def test_the_dev_stack_deploys_its_models_one_after_another_behind_a_private_endpoint(dev: ProgramRun) -> None:
    chain = dev.of_type("azure-native:cognitiveservices:Deployment")
    by_name = {d.inputs["deploymentName"]: d for d in chain}
    assert set(by_name) == {"chat", "chat-mini", "embeddings"}
    assert by_name["chat"].urn in by_name["chat-mini"].dependencies
    assert by_name["chat-mini"].urn in by_name["embeddings"].dependencies
    (endpoint,) = dev.of_type("azure-native:network:PrivateEndpoint")
    assert {d.urn for d in chain} <= set(endpoint.dependencies)
    assert dev.of_type("azure-native:monitor:DiagnosticSetting")
    assert len(dev.of_type("azure-native:authorization:RoleAssignment")) == 2


def test_the_program_exports_the_components_outputs(dev: ProgramRun) -> None:
    assert dev.outputs["endpoint"] == "https://contoso-support-bot-dev.openai.azure.com/"
    assert dev.outputs["accountName"] == "contoso-support-bot-dev"
    assert dev.outputs["deploymentNames"] == ["chat", "chat-mini", "embeddings"]
    assert dev.outputs["principalId"]
    assert dev.outputs["verdict"]["verdict"] == "allowed"
    assert not dev.secret_outputs


@pytest.mark.parametrize(
    ("change", "named"),
    [
        pytest.param(
            lambda s: s["deployments"][0].update({"model": "gpt-9"}),
            "azure-openai-guarded:service.deployments[0].model: 'gpt-9' is not in the commercial Azure catalogue",
            id="catalogue",
        ),
        pytest.param(
            lambda s: s.update({"location": "usgovvirginia"}),
            "azure-openai-guarded:service.location: 'usgovvirginia' does not offer Azure OpenAI in commercial Azure",
            id="region",
        ),
        pytest.param(
            lambda s: s["deployments"][1].update({"name": "chat"}),
            "azure-openai-guarded:service.deployments[1].name: 'chat' is already the name of deployments[0]",
            id="duplicate-deployment",
        ),
        pytest.param(
            lambda s: s["deployments"][0].update({"raiPolicy": "missing"}),
            "azure-openai-guarded:service.deployments[0].raiPolicy: 'missing' is not defined in raiPolicies",
            id="undefined-rai-policy",
        ),
        pytest.param(
            lambda s: s["deployments"][0].update({"capacity": 0}),
            "azure-openai-guarded:service.deployments[0].capacity: Input should be greater than or equal to 1",
            id="capacity",
        ),
        pytest.param(
            lambda s: s.update({"exportKeys": True}),
            "azure-openai-guarded:service.exportKeys: keys cannot be used while local auth is disabled; drop "
            "exportKeys, or also set localAuthEnabled: true",
            id="keys-without-local-auth",
        ),
        pytest.param(
            lambda s: s.update({"resourceGroup": "rg"}),
            "azure-openai-guarded:service.resourceGroup: unknown field",
            id="misspelt-key",
        ),
    ],
)
def test_an_invalid_service_registers_nothing_and_names_the_file_and_field(change: Any, named: str) -> None:
    config = copy.deepcopy(stack_config("dev"))
    change(config[SERVICE])
    run = run_program(config, stack="dev")
    assert run.resources == []
    assert run.error is not None
    assert run.error.startswith("stacks/Pulumi.dev.yaml: ")
    assert "nothing was created" in run.error
    assert named in run.error


def test_declaration_and_service_problems_are_reported_together() -> None:
    config = copy.deepcopy(stack_config("dev"))
    config[SERVICE]["deployments"][0]["capacity"] = "lots"
    config["azure-openai-guarded:useCase"]["operator"]["country"] = "USA"
    run = run_program(config, stack="dev")
    assert run.resources == []
    assert "azure-openai-guarded:service.deployments[0].capacity" in (run.error or "")
    assert "azure-openai-guarded:useCase.operator.country" in (run.error or "")


def test_a_stack_whose_service_would_not_deploy_is_invalid_before_its_use_case_is_decided() -> None:
    # As in the checker: the whole stack is validated, then decided once.
    config = copy.deepcopy(stack_config("dev"))
    config[SERVICE]["location"] = "mars"
    config["azure-openai-guarded:useCase"] |= {
        "operator": {"sector": "law_enforcement", "country": "US"},
        "capabilities": ["facial_recognition"],
        "facialRecognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
    }
    run = run_program(config, stack="dev")
    assert run.resources == []
    assert "the declaration is invalid" in (run.error or "")
    assert "azure-openai-guarded:service.location: 'mars'" in (run.error or "")


def write_stack(folder: Path, stack: str, config: dict[str, Any]) -> Path:
    path = folder / f"Pulumi.{stack}.yaml"
    path.write_text(yaml.safe_dump({"config": config}, sort_keys=False), encoding="utf-8")
    return path


def test_the_plan_of_the_dev_stack_passes_and_shows_the_resources(capsys: pytest.CaptureFixture[str]) -> None:
    assert plan_main([str(STACKS / "Pulumi.dev.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Pulumi.dev.yaml  (stack dev)  ALLOWED" in out
    assert "cognitiveservices:Account" in out
    assert "publicNetworkAccess=Disabled" in out
    assert "disableLocalAuth=true" in out
    assert "model=gpt-4o@2024-11-20" in out
    assert "nothing was deployed" in out


def test_the_plan_fails_for_a_denied_stack_and_shows_nothing_would_be_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = copy.deepcopy(stack_config("dev"))
    config["azure-openai-guarded:useCase"] |= {
        "operator": {"sector": "law_enforcement", "country": "US"},
        "capabilities": ["facial_recognition"],
        "facialRecognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
    }
    path = write_stack(tmp_path, "police", config)
    assert plan_main([str(path)]) == 1
    out = capsys.readouterr().out
    assert "DENIED" in out
    assert FR_US_LAW_ENFORCEMENT.id in out
    assert "Nothing would be created: no resource was registered." in out


def test_the_plan_fails_for_an_invalid_stack_and_a_missing_path(tmp_path: Path) -> None:
    config = copy.deepcopy(stack_config("dev"))
    config[SERVICE]["deployments"][0]["sku"] = "Premium"
    path = write_stack(tmp_path, "broken", config)
    plan = plan_file(path)
    assert plan.status is Status.INVALID
    assert plan.run is not None
    assert "azure-openai-guarded:service.deployments[0].sku" in (plan.run.error or "")
    assert plan_main([str(path)]) == 2
    assert plan_main([str(tmp_path / "nowhere")]) == 2


def test_the_plan_names_a_missing_path_and_an_empty_folder_as_the_checker_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    assert plan_main([str(tmp_path / "nowhere"), str(empty)]) == 2
    out = capsys.readouterr().out
    assert "[invalid] no such file or folder" in out
    assert "[invalid] no Pulumi.<stack>.yaml files in this folder" in out
    assert "2 stacks: 0 allowed, 0 denied, 2 invalid" in out


def test_the_plan_refuses_resources_on_a_default_provider_the_stack_disables(tmp_path: Path) -> None:
    config = copy.deepcopy(stack_config("dev")) | {"pulumi:disable-default-providers": ["azure-native"]}
    plan = plan_file(write_stack(tmp_path, "strict", config))
    assert plan.status is Status.INVALID
    # The checker's reading, which the program shares, refuses it before anything is registered.
    assert plan.problems == [f"pulumi:disable-default-providers: {DEFAULT_PROVIDER_DISABLED}"]
    assert plan.run is None or plan.run.resources == []


def test_the_plan_renders_markdown_for_a_pull_request(tmp_path: Path) -> None:
    output = tmp_path / "plan.md"
    assert plan_main([str(STACKS / "Pulumi.dev.yaml"), "--format", "markdown", "--output", str(output)]) == 0
    text = output.read_text(encoding="utf-8")
    assert text.startswith("## Azure OpenAI offline plan")
    assert "| # | Resource | Name | Provider | Key settings |" in text
    assert "`cognitiveservices:Account`" in text


def test_the_plan_refuses_a_file_it_cannot_read_as_text_with_exit_2_and_no_traceback(tmp_path: Path) -> None:
    # A tag that decodes to bytes or a date, in any config key, once reached the program and raised there.
    dev = (STACKS / "Pulumi.dev.yaml").read_text(encoding="utf-8")
    (tmp_path / "Pulumi.bytes.yaml").write_text(
        dev.replace("azure-native:location: eastus2", "azure-native:location: !!binary ZWFzdHVzMg==")
    )
    (tmp_path / "Pulumi.date.yaml").write_text(
        dev.replace("config:", "config:\n  azure-native:since: !!timestamp 2024-01-01")
    )
    os.mkfifo(tmp_path / "Pulumi.fifo.yaml")
    (tmp_path / "Pulumi.zero.yaml").symlink_to("/dev/zero")

    done = subprocess.run(
        [sys.executable, "-m", "plan", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )

    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "`azure-native:location`: unsupported tag !!binary" in done.stdout
    assert "`azure-native:since`: unsupported tag !!timestamp" in done.stdout
    assert "cannot read the file: it is a FIFO (named pipe), not a regular file" in done.stdout
    assert "cannot read the file: it is a character device, not a regular file" in done.stdout
    assert "4 stacks: 0 allowed, 0 denied, 4 invalid" in done.stdout


def test_the_plan_refuses_to_write_its_output_over_a_stack_file_it_plans(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stack = tmp_path / "Pulumi.dev.yaml"
    stack.write_text((STACKS / "Pulumi.dev.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "plan.md").symlink_to(stack.name)
    before = stack.read_bytes()

    assert plan_main([str(stack), "--output", str(stack)]) == 2
    assert plan_main([str(tmp_path), "--output", str(tmp_path / "plan.md")]) == 2

    assert "refusing to write the plan over" in capsys.readouterr().err
    assert stack.read_bytes() == before


def test_a_stack_name_cannot_break_the_plans_text_or_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "Pulumi.a|b`c\x1b[31m\nd.yaml").write_text("config: [\n", encoding="utf-8")

    plan_main([str(tmp_path)])
    text = capsys.readouterr().out
    plan_main([str(tmp_path), "--format", "markdown"])
    markdown = capsys.readouterr().out

    assert text.splitlines()[0].endswith("(stack a|b`c\\x1b[31m\\nd)  INVALID")
    heading = next(line for line in markdown.splitlines() if line.startswith("### "))
    assert heading.endswith("(stack ``a\\|b`c\\x1b[31m\\nd``): **INVALID**")
    assert "\x1b" not in text + markdown


def test_the_plan_refuses_a_consumer_projects_stack_instead_of_running_this_projects_program(
    capsys: pytest.CaptureFixture[str],
) -> None:
    consumer = Path(__file__).resolve().parent.parent / "examples" / "consumer" / "Pulumi.dev.yaml"

    assert plan_main([str(consumer)]) == 2

    out = capsys.readouterr().out
    assert "INVALID" in out
    assert "belongs to project `support-chat`, and the plan runs only this project's program" in out
    assert "azure-openai-guarded:location" not in out, "the consumer's keys are not renamed into this namespace"


def test_the_plan_refuses_a_stack_of_a_project_whose_program_is_not_python(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "Pulumi.yaml").write_text("name: azure-openai-guarded\nruntime: yaml\n", encoding="utf-8")
    shutil.copy(STACKS / "Pulumi.dev.yaml", tmp_path / "Pulumi.dev.yaml")

    assert plan_main([str(tmp_path)]) == 2

    assert "runs a `yaml` program, and the plan runs only this project's Python program" in capsys.readouterr().out
