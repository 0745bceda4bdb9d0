"""The checker decides consumer projects' stacks: their declaration is in the project's own namespace.

A consumer program (examples/consumer, docs/reuse.md) reads `<its project name>:useCase` and writes the
component's other arguments in code. The checker reads the namespace from the project file's `name` (or
`--namespace NAME` for a stack file without one), decides the use case, and says the service is checked when
the program runs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards.checker import CONSUMER_NOTE, UNKNOWN_CLOUD_NOTE, ExitStatus, check_file
from azure_openai_guarded.guards.cli import main
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from tests.declarations import fr_facts, police, use_case

CONSUMER = Path(__file__).resolve().parents[2] / "examples" / "consumer"


def copy_consumer(tmp_path: Path, with_project_file: bool = True) -> Path:
    folder = tmp_path / "consumer"
    folder.mkdir()
    for name in ("Pulumi.dev.yaml", "Pulumi.patrol.yaml", *(("Pulumi.yaml",) if with_project_file else ())):
        shutil.copy(CONSUMER / name, folder / name)
    return folder


def test_the_consumer_examples_denied_stack_is_denied_and_its_allowed_one_allowed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_consumer(tmp_path)
    assert main(["check", str(folder / "Pulumi.patrol.yaml")]) == ExitStatus.DENIED
    assert FR_US_LAW_ENFORCEMENT.id in capsys.readouterr().out
    assert main(["check", str(folder / "Pulumi.dev.yaml")]) == ExitStatus.ALLOWED
    assert "the service is checked when the program runs" in capsys.readouterr().out


def test_a_stack_file_without_a_project_file_is_read_in_the_namespace_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_consumer(tmp_path, with_project_file=False)
    assert main(["check", "--namespace", "support-chat", str(folder / "Pulumi.patrol.yaml")]) == ExitStatus.DENIED
    capsys.readouterr()
    # Without it, the keys belong to another project, and this project's declaration is missing.
    assert main(["check", str(folder / "Pulumi.patrol.yaml")]) == ExitStatus.INVALID


def test_a_consumer_stack_without_a_use_case_is_denied(tmp_path: Path) -> None:
    folder = copy_consumer(tmp_path)
    path = folder / "Pulumi.bare.yaml"
    path.write_text("config:\n  support-chat:location: eastus2\n", encoding="utf-8")
    result = check_file(path)
    assert result.verdict is not None
    assert not result.verdict.allowed
    assert result.notes == (CONSUMER_NOTE, UNKNOWN_CLOUD_NOTE)


def test_a_consumer_stack_is_told_to_write_the_keys_its_own_project_reads(tmp_path: Path) -> None:
    folder = copy_consumer(tmp_path)
    path = folder / "Pulumi.bare.yaml"
    path.write_text("config:\n  support-chat:location: eastus2\n", encoding="utf-8")

    [finding] = check_file(path).verdict.denials  # type: ignore[union-attr]

    assert "Add `support-chat:useCase`" in finding.message
    assert "azure-openai-guarded:" not in finding.message


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("Support-Chat:useCase", "is not in this project's namespace; did you mean `support-chat:useCase`?"),
        ("support-chat:usecase", "support-chat:usecase: unknown key; did you mean `useCase`?"),
    ],
)
def test_a_near_miss_in_a_consumer_stack_is_an_error_naming_the_consumers_namespace(
    key: str, message: str, tmp_path: Path
) -> None:
    folder = copy_consumer(tmp_path)
    document = yaml.safe_load((folder / "Pulumi.patrol.yaml").read_text(encoding="utf-8"))
    document["config"][key] = document["config"].pop("support-chat:useCase")
    path = folder / "Pulumi.near.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    result = check_file(path)
    assert result.verdict is None
    assert message in (result.error or "")


def test_a_consumer_stack_for_azure_government_is_decided_there(tmp_path: Path) -> None:
    folder = copy_consumer(tmp_path)
    document = yaml.safe_load((folder / "Pulumi.patrol.yaml").read_text(encoding="utf-8"))
    document["config"]["azure-native:environment"] = "usgovernment"
    document["config"]["support-chat:useCase"]["operator"]["country"] = "GB"
    path = folder / "Pulumi.gov.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    commercial = dict(document)
    commercial["config"] = {**document["config"], "azure-native:environment": "public"}
    public = folder / "Pulumi.pub.yaml"
    public.write_text(yaml.safe_dump(commercial), encoding="utf-8")
    in_government, in_public = check_file(path), check_file(public)
    assert in_government.verdict is not None
    assert in_public.verdict is not None
    # Azure Government puts every party under US jurisdiction, so the GB police are judged as US ones there.
    assert {f.rule for f in in_government.verdict.denials} != {f.rule for f in in_public.verdict.denials}


def test_a_consumer_stack_without_its_project_file_suggests_the_namespace_option(tmp_path: Path) -> None:
    folder = copy_consumer(tmp_path, with_project_file=False)
    result = check_file(folder / "Pulumi.patrol.yaml")
    assert result.verdict is None
    assert "check it with `--namespace support-chat`" in (result.error or "")


@pytest.mark.parametrize("form", ["json", "markdown"])
def test_every_report_says_the_consumers_service_is_checked_when_the_program_runs(
    form: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = copy_consumer(tmp_path)
    main(["check", str(folder / "Pulumi.dev.yaml"), "--format", form])
    assert "the service is checked when the program runs" in capsys.readouterr().out


GB_POLICE_MATCH = use_case(
    name="custody-id",
    operator=police("GB"),
    capabilities=["facial_recognition"],
    facialRecognition=fr_facts(),
    servedParties=[],
    humanReview=True,
)
"""A British police force matching faces at a fixed, controlled booking desk: allowed in commercial Azure, denied in
Azure Government, where every party is under US jurisdiction."""


def gov_app_stack(tmp_path: Path, **other: str) -> Path:
    """The documented Government consumer setup (docs/reuse.md): project `gov-app`, the cloud chosen in code."""
    (tmp_path / "Pulumi.yaml").write_text("name: gov-app\nruntime: python\n", encoding="utf-8")
    path = tmp_path / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump({"config": {"gov-app:useCase": GB_POLICE_MATCH, **other}}), encoding="utf-8")
    return path


def test_a_consumer_stack_without_an_environment_is_decided_for_every_cloud_and_the_worst_counts(
    tmp_path: Path,
) -> None:
    result = check_file(gov_app_stack(tmp_path))
    assert result.verdict is not None
    assert not result.verdict.allowed
    (finding,) = [f for f in result.verdict.denials if f.rule == FR_US_LAW_ENFORCEMENT.id]
    assert finding.message.startswith("For Azure Government: ")
    assert UNKNOWN_CLOUD_NOTE in result.notes
    assert "`azure-native:environment: public`" in UNKNOWN_CLOUD_NOTE
    assert "`usgovernment`" in UNKNOWN_CLOUD_NOTE


@pytest.mark.parametrize(("environment", "allowed"), [("public", True), ("usgovernment", False)])
def test_a_consumer_stack_that_names_its_cloud_is_decided_for_that_cloud_only(
    tmp_path: Path, environment: str, allowed: bool
) -> None:
    result = check_file(gov_app_stack(tmp_path, **{"azure-native:environment": environment}))
    assert result.verdict is not None
    assert result.verdict.allowed is allowed
    assert result.notes == (CONSUMER_NOTE,)
    assert not any(f.message.startswith("For ") for f in result.verdict.findings)


def test_a_finding_every_cloud_shares_is_reported_once_without_a_cloud(tmp_path: Path) -> None:
    folder = copy_consumer(tmp_path)
    result = check_file(folder / "Pulumi.patrol.yaml")
    assert result.verdict is not None
    rules = [f.rule for f in result.verdict.findings]
    assert len(rules) == len(set(rules))
    assert FR_US_LAW_ENFORCEMENT.id in rules
