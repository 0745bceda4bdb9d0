"""The offline checker, ``python -m azure_openai_guarded.guards``: formats, exit status, paths and working folders.

Most tests call ``guards.cli.main`` in-process; one runs the real interpreter
from another folder, as CI would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from azure_openai_guarded.guards import RULES, TERMS_VERSION
from azure_openai_guarded.guards.cli import main
from azure_openai_guarded.guards.report.sarif import INVALID_RULE
from azure_openai_guarded.guards.rules import (
    DECLARATION_INCONSISTENT,
    FR_US_LAW_ENFORCEMENT,
    LE_GENERATIVE_REVIEW,
    STRICT_FR_ANY,
)

REPO = Path(__file__).resolve().parents[2]

ALLOWED = """\
config:
  azure-openai-guarded:service:
    {cloud: public, location: eastus2, resourceGroupName: rg-guarded}
  azure-openai-guarded:useCase:
    name: support-bot
    purpose: Answer billing questions.
    owner: support@example.com
    operator: {sector: commercial, country: US}
    capabilities: [text_generation]
"""

WARNED = """\
config:
  azure-openai-guarded:service:
    {cloud: public, location: eastus2, resourceGroupName: rg-guarded}
  azure-openai-guarded:useCase:
    name: report-drafts
    purpose: Draft incident reports from officers' notes.
    owner: records@example.gov
    operator: {sector: law_enforcement, country: CA}
    capabilities: [text_generation]
"""

# Line 9 is the capabilities key, line 8 the operator.
DENIED = """\
config:
  azure-openai-guarded:service:
    {cloud: public, location: eastus2, resourceGroupName: rg-guarded}
  azure-openai-guarded:useCase:
    name: booking-match
    purpose: Match booking photos against prior arrests.
    owner: records@example.gov
    operator: {sector: law_enforcement, country: US}
    capabilities: [facial_recognition]
    facialRecognition: {realtime: false, cameras: [fixed], environment: controlled}
"""

# Line 7 holds the misspelt key.
INVALID = """\
config:
  azure-openai-guarded:service:
    {cloud: public, location: eastus2, resourceGroupName: rg-guarded}
  azure-openai-guarded:useCase:
    name: support-bot
    owner: support@example.com
    purpos: Answer billing questions.
    operator: {sector: commercial, country: US}
    capabilities: [text_generation]
"""


def write(folder: Path, stack: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"Pulumi.{stack}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main([str(a) for a in args])
    return code, capsys.readouterr().out


def run_json(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, dict[str, Any]]:
    code, out = run(capsys, "check", *args, "--format", "json")
    return code, json.loads(out)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder with one stack of each kind, plus files the checker must skip."""
    folder = tmp_path / "stacks"
    write(folder, "allowed", ALLOWED)
    write(folder, "warned", WARNED)
    write(folder, "denied", DENIED)
    (folder / "Pulumi.yaml").write_text("name: azure-openai-guarded\nruntime: python\n")
    (folder / "notes.yaml").write_text("not: a stack\n")
    return folder


# Exit status


@pytest.mark.parametrize(
    ("stacks", "status"),
    [
        pytest.param({"a": ALLOWED}, 0, id="allowed"),
        pytest.param({"a": ALLOWED, "w": WARNED}, 0, id="warnings-never-block"),
        pytest.param({"a": ALLOWED, "d": DENIED}, 1, id="one-denied"),
        pytest.param({"a": ALLOWED, "i": INVALID}, 2, id="one-invalid"),
        pytest.param({"d": DENIED, "i": INVALID}, 2, id="invalid-outranks-denied"),
    ],
)
def test_exit_status_is_0_allowed_1_denied_2_invalid(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], stacks: dict[str, str], status: int
) -> None:
    for name, text in stacks.items():
        write(tmp_path, name, text)

    assert run(capsys, "check", tmp_path)[0] == status


def test_a_path_that_does_not_exist_is_invalid_and_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "check", tmp_path / "nowhere")

    assert code == 2
    assert "nowhere" in out
    assert "no such file or folder" in out


def test_a_folder_without_stack_files_is_invalid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "Pulumi.yaml").write_text("name: x\n")

    code, out = run(capsys, "check", tmp_path)

    assert code == 2
    assert "no Pulumi.<stack>.yaml files in this folder" in out


# Files and folders


def test_a_folder_means_its_pulumi_stack_files_sorted_and_nothing_else(
    mixed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(mixed, "zeta", ALLOWED).rename(mixed / "Pulumi.zeta.yml")

    _, document = run_json(capsys, mixed)

    assert [r["stack"] for r in document["results"]] == ["allowed", "denied", "warned", "zeta"]


def test_files_and_folders_can_be_mixed_and_each_file_is_checked_once_per_mention(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = write(tmp_path / "other", "extra", ALLOWED)

    code, document = run_json(capsys, extra, mixed / "Pulumi.allowed.yaml", mixed)

    assert code == 1
    assert [r["stack"] for r in document["results"]] == ["extra", "allowed", "allowed", "denied", "warned"]


def test_a_file_with_any_name_is_read_when_given_explicitly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "candidate.yaml"
    path.write_text(DENIED)

    code, document = run_json(capsys, path)

    assert code == 1
    assert document["results"][0]["stack"] == "candidate"


def test_the_default_path_is_stacks_in_the_working_folder(
    mixed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mixed.parent)

    code, out = run(capsys, "check")

    assert code == 1
    assert "stacks/Pulumi.denied.yaml  (stack denied)  DENIED" in out


def test_files_outside_the_working_folder_are_shown_by_their_full_path(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)

    code, document = run_json(capsys, mixed)

    assert code == 1
    assert [r["file"] for r in document["results"]] == [
        (mixed / f"Pulumi.{s}.yaml").as_posix() for s in ("allowed", "denied", "warned")
    ]


def test_files_inside_the_working_folder_are_shown_relative_to_it(
    mixed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mixed.parent)

    _, document = run_json(capsys, mixed.resolve())

    assert document["results"][0]["file"] == "stacks/Pulumi.allowed.yaml"


def test_the_checker_runs_as_a_module_from_any_working_folder(mixed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO)}

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "azure_openai_guarded.guards",
            "check",
            str(mixed / "Pulumi.denied.yaml"),
            "--format",
            "json",
        ],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 1, done.stderr
    assert done.stderr == ""
    [result] = json.loads(done.stdout)["results"]
    assert result["allowed"] is False
    # No advisory beside the denial: the Limited Access route it would point to is closed to US police.
    assert [f["rule"] for f in result["findings"]] == [FR_US_LAW_ENFORCEMENT.id]


# Formats


def test_text_is_a_table_per_stack_with_line_severity_rule_and_what_to_change(
    mixed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mixed.parent)
    write(mixed, "invalid", INVALID)

    code, out = run(capsys, "check", "stacks")
    blocks = out.split("\n\n")

    assert code == 2
    assert blocks[0] == "stacks/Pulumi.allowed.yaml  (stack allowed)  ALLOWED  profile terms\n  no findings"
    denied = blocks[1].splitlines()
    assert denied[0] == "stacks/Pulumi.denied.yaml  (stack denied)  DENIED  profile terms"
    assert denied[1].startswith(f"  line 9  deny     {FR_US_LAW_ENFORCEMENT.id}  {FR_US_LAW_ENFORCEMENT.title}")
    assert "declare `face_detection` instead" in denied[1]
    assert len(denied) == 2, "no Limited Access advisory beside a US police denial"
    invalid = blocks[2].splitlines()
    assert invalid[0] == "stacks/Pulumi.invalid.yaml  (stack invalid)  INVALID"
    assert set(invalid[1:]) == {
        "  line 7  invalid  azure-openai-guarded:useCase.purpos: unknown field "
        "(check its spelling; see the field list in the README)",
        "  line 4  invalid  azure-openai-guarded:useCase.purpose: required field is missing",
    }
    assert blocks[3].startswith("stacks/Pulumi.warned.yaml  (stack warned)  ALLOWED-WITH-WARNINGS  profile terms\n")
    assert blocks[4].startswith("4 stacks: 2 allowed, 1 denied, 1 invalid  (rule set ")


def test_json_has_one_result_per_stack_with_findings_or_an_error(
    mixed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mixed.parent)
    write(mixed, "invalid", INVALID)

    code, document = run_json(capsys, "stacks")
    results = {r["stack"]: r for r in document["results"]}

    assert code == 2
    assert document["termsVersion"] == TERMS_VERSION
    assert document["rulesetVersion"]
    allowed, denied, invalid, warned = (results[s] for s in ("allowed", "denied", "invalid", "warned"))
    assert (allowed["allowed"], allowed["verdict"], allowed["findings"]) == (True, "allowed", [])
    assert (warned["allowed"], warned["verdict"]) == (True, "allowed-with-warnings")
    assert [f["rule"] for f in warned["findings"]] == [LE_GENERATIVE_REVIEW.id]
    assert denied["file"] == "stacks/Pulumi.denied.yaml"
    assert (denied["allowed"], denied["verdict"], denied["profile"]) == (False, "denied", "terms")
    first = denied["findings"][0]
    assert {"rule", "severity", "message", "source", "clause", "paths", "line", "title"} <= set(first)
    assert (first["rule"], first["severity"], first["line"]) == (FR_US_LAW_ENFORCEMENT.id, "deny", 9)
    assert "Azure OpenAI Service Code of Conduct" in first["source"]
    assert (invalid["allowed"], invalid["verdict"], invalid["findings"]) == (False, "invalid", [])
    assert "azure-openai-guarded:useCase.purpos: unknown field" in invalid["error"]
    assert {(p["key"], p["line"]) for p in invalid["problems"]} == {
        ("azure-openai-guarded:useCase.purpos", 7),
        ("azure-openai-guarded:useCase.purpose", 4),
    }
    for result in document["results"]:
        if "error" not in result:
            assert "problems" not in result


def test_markdown_has_a_summary_table_and_each_stacks_findings_with_the_clause(
    mixed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mixed.parent)

    code, out = run(capsys, "check", "stacks", "--format", "markdown")

    assert code == 1
    assert out.startswith("## Azure OpenAI use-case guard\n\n3 stacks: 2 allowed, 1 denied, 0 invalid.")
    assert "| stack | verdict | denials | warnings |" in out
    assert "| `allowed` | ✅ allowed | 0 | 0 |" in out
    assert "| `denied` | ⛔ denied | 1 | 0 |" in out
    assert "| `warned` | ⚠️ allowed, with warnings | 0 | 1 |" in out
    assert "### `denied`: ⛔ denied" in out
    assert f"| deny | `{FR_US_LAW_ENFORCEMENT.id}` | 9 |" in out
    assert "> Integrations with Azure OpenAI Service must not be used for facial recognition purposes" in out
    assert "File: `stacks/Pulumi.denied.yaml`" in out


def test_markdown_escapes_pipes_so_a_message_cannot_break_the_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "pipes", ALLOWED.replace("purpose: Answer billing questions.", "purpose: Recognise faces | x"))

    _, out = run(capsys, "check", tmp_path, "--format", "markdown")

    row = next(line for line in out.splitlines() if DECLARATION_INCONSISTENT.id in line and line.startswith("| deny"))
    assert row.count(" | ") == 3


def test_sarif_annotates_the_line_of_the_offending_key(
    mixed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mixed.parent)
    write(mixed, "invalid", INVALID)

    code, out = run(capsys, "check", "stacks", "--format", "sarif")
    document = json.loads(out)

    assert code == 2
    assert document["version"] == "2.1.0"
    [run_] = document["runs"]
    declared = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert declared == [*(r.id for r in RULES), INVALID_RULE]
    located = {
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
        )
        for r in run_["results"]
    }
    assert located == {
        (FR_US_LAW_ENFORCEMENT.id, "error", "stacks/Pulumi.denied.yaml", 9),
        # The operator's line: law enforcement is what makes the warning apply.
        (LE_GENERATIVE_REVIEW.id, "warning", "stacks/Pulumi.warned.yaml", 8),
        (INVALID_RULE, "error", "stacks/Pulumi.invalid.yaml", 7),
        (INVALID_RULE, "error", "stacks/Pulumi.invalid.yaml", 4),
    }
    for result in run_["results"]:
        assert result["ruleId"] in declared
        assert result["message"]["text"].startswith("Stack '")


def test_sarif_points_a_government_operator_finding_at_the_country(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = ALLOWED.replace("cloud: public, location: eastus2", "cloud: usgovernment, location: usgovvirginia").replace(
        "operator: {sector: commercial, country: US}", "operator:\n      sector: commercial\n      country: DE"
    )
    write(tmp_path, "gov", text)

    _, out = run(capsys, "check", tmp_path, "--format", "sarif")
    [result] = json.loads(out)["runs"][0]["results"]

    assert result["ruleId"] == DECLARATION_INCONSISTENT.id
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 10


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "sarif"])
def test_every_format_names_an_invalid_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    write(tmp_path, "broken", "config: [\n")

    code, out = run(capsys, "check", tmp_path, "--format", fmt)

    assert code == 2
    assert "Pulumi.broken.yaml" in out
    assert "not valid YAML" in out


def test_output_writes_the_report_to_a_file_and_nothing_to_standard_output(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.sarif"

    code, out = run(capsys, "check", mixed, "--format", "sarif", "--output", report)

    assert code == 1
    assert out == ""
    assert json.loads(report.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_an_output_that_cannot_be_written_is_exit_2_with_a_message(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", str(mixed), "-o", str(tmp_path / "missing-folder" / "report.txt")])
    captured = capsys.readouterr()

    assert code == 2
    assert "cannot write" in captured.err
    assert "report.txt" in captured.err


def test_an_unknown_format_is_a_usage_error(mixed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check", str(mixed), "--format", "xml"])

    assert caught.value.code == 2
    assert "invalid choice: 'xml'" in capsys.readouterr().err


def test_the_rules_command_lists_every_rule_with_why_and_what_to_change(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "rules")

    assert code == 0
    assert out.startswith("Rule set ")
    for rule in RULES:
        assert f"{rule.id}  [{rule.severity.value}; profiles: " in out
        assert f"  fix: {rule.fix}" in out
    assert f"{STRICT_FR_ANY.id}  [deny; profiles: strict]" in out


# Hostile stack folders: every file is refused or decided, exit 2 for what cannot be read, never a traceback


def checker(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real checker in its own interpreter, stopped if it hangs (as it once did on a FIFO)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "azure_openai_guarded.guards", "check", *map(str, args)]
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=60, check=False)


HOSTILE = {
    "fifo": (lambda p: os.mkfifo(p), "it is a FIFO (named pipe), not a regular file"),
    "dev-zero": (lambda p: p.symlink_to("/dev/zero"), "it is a character device, not a regular file"),
    "dev-urandom": (lambda p: p.symlink_to("/dev/urandom"), "it is a character device, not a regular file"),
    "folder": (lambda p: p.mkdir(), "it is a folder, not a regular file"),
    "loop": (lambda p: p.symlink_to(p.name), "a symbolic link loop"),
    "too-big": (lambda p: p.write_bytes(b"#" * (2 * 1024 * 1024)), "larger than 1024 KiB"),
}


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_file_in_a_folder_is_exit_2_with_a_message_beside_the_other_stacks(tmp_path: Path, kind: str) -> None:
    make, says = HOSTILE[kind]
    write(tmp_path, "fine", ALLOWED)
    make(tmp_path / f"Pulumi.{kind}.yaml")

    done = checker(tmp_path, "--format", "json")

    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    results = {r["stack"]: r for r in json.loads(done.stdout)["results"]}
    assert results["fine"]["verdict"] == "allowed"
    assert results[kind]["verdict"] == "invalid"
    assert says in results[kind]["error"]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "loop"])
def test_a_hostile_file_given_by_name_is_exit_2_with_a_message(tmp_path: Path, kind: str) -> None:
    make, says = HOSTILE[kind]
    path = tmp_path / f"Pulumi.{kind}.yaml"
    make(path)

    done = checker(path)

    assert (done.returncode, done.stderr) == (2, "")
    assert f"(stack {kind})  INVALID" in done.stdout
    assert says in done.stdout


def test_a_symlink_loop_given_as_the_folder_is_named_as_a_loop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "stacks").symlink_to("stacks")

    code, out = run(capsys, "check", tmp_path / "stacks")

    assert code == 2
    assert "a symbolic link loop" in out


@pytest.mark.parametrize("name", ["pulumi.prod.yaml", "Pulumi.prod.YAML", "PULUMI.prod.Yml", "pulumi.prod.yml"])
def test_a_stack_file_named_in_another_letter_case_is_checked_since_pulumi_reads_it_on_a_case_insensitive_disk(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    (tmp_path / name).write_text(DENIED)

    code, document = run_json(capsys, tmp_path)

    assert code == 1
    [result] = document["results"]
    assert (result["stack"], result["verdict"]) == ("prod", "denied")


def test_two_stack_files_differing_only_in_case_are_both_invalid_naming_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "prod", ALLOWED)
    (tmp_path / "pulumi.prod.yaml").write_text(DENIED)

    code, document = run_json(capsys, tmp_path)

    assert code == 2
    by_file = {Path(r["file"]).name: r for r in document["results"]}
    assert by_file["Pulumi.prod.yaml"]["verdict"] == by_file["pulumi.prod.yaml"]["verdict"] == "invalid"
    assert (
        "`pulumi.prod.yaml` in the same folder differs from this file's name only in letter case"
        in (by_file["Pulumi.prod.yaml"]["error"])
    )
    assert "`Pulumi.prod.yaml` in the same folder" in by_file["pulumi.prod.yaml"]["error"]


def test_a_tag_that_decodes_to_bytes_or_a_date_is_exit_2_naming_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "bytes", ALLOWED + "  azure-native:location: !!binary ZWFzdHVzMg==\n")
    write(tmp_path, "date", ALLOWED.replace("cloud: public,", "cloud: public, expires: !!timestamp 2024-01-01,"))

    code, document = run_json(capsys, tmp_path)

    assert code == 2
    errors = {r["stack"]: r["error"] for r in document["results"]}
    assert errors == {
        "bytes": "`azure-native:location`: unsupported tag !!binary: "
        "stack values are text, numbers, true/false, lists or mappings",
        "date": "azure-openai-guarded:service.expires: unsupported tag !!timestamp: "
        "stack values are text, numbers, true/false, lists or mappings",
    }


def test_a_near_miss_namespace_cannot_silently_drop_a_strict_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "typo", ALLOWED + "  Azure-OpenAI-Guarded:guardProfile: strict\n")

    code, document = run_json(capsys, tmp_path)

    assert code == 2
    [problem] = document["results"][0]["problems"]
    assert problem["line"] == 10
    assert "did you mean `azure-openai-guarded:guardProfile`?" in problem["message"]


def test_every_format_points_a_repeated_key_at_the_line_that_repeats_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(
        tmp_path,
        "twice",
        DENIED.replace(
            "capabilities: [facial_recognition]",
            "capabilities: [facial_recognition]\n    capabilities: [text_generation]",
        ),
    )

    _, text = run(capsys, "check", tmp_path)
    _, sarif = run(capsys, "check", tmp_path, "--format", "sarif")
    _, markdown = run(capsys, "check", tmp_path, "--format", "markdown")

    assert "  line 10  invalid  azure-openai-guarded:useCase.capabilities: repeated key (first on line 9)" in text
    [result] = json.loads(sarif)["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 10
    assert "| 10 | azure-openai-guarded:useCase.capabilities: repeated key (first on line 9)" in markdown


# Reports that a stack's name cannot break


def sarif_results(out: str) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = json.loads(out)["runs"][0]["results"]
    return results


HOSTILE_NAMES = {
    "pipe": "a|b",
    "newline": "a\nb",
    "ansi": "a\x1b[31mred",
    "backtick": "a`b",
    "bidi": "a\u202eb",
}


@pytest.mark.parametrize("kind", HOSTILE_NAMES)
def test_a_stack_name_cannot_break_the_text_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    write(tmp_path, HOSTILE_NAMES[kind], ALLOWED)
    write(tmp_path, "zz", DENIED)

    _, out = run(capsys, "check", tmp_path)
    head = out.splitlines()[0]

    assert head.endswith("  ALLOWED  profile terms")
    assert "\x1b" not in out
    assert "\u202e" not in out
    assert out.split("\n\n")[1].startswith(f"{(tmp_path / 'Pulumi.zz.yaml').as_posix()}  (stack zz)  DENIED")


@pytest.mark.parametrize("kind", HOSTILE_NAMES)
def test_a_stack_name_cannot_break_the_markdown_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    write(tmp_path, HOSTILE_NAMES[kind], ALLOWED)

    _, out = run(capsys, "check", tmp_path, "--format", "markdown")
    [row] = [line for line in out.splitlines() if "✅ allowed |" in line]

    # Four cells: the pipe in the name is escaped, the newline and escapes are written out.
    assert row.replace("\\|", "").count("|") == 5
    assert "\x1b" not in out
    assert "\u202e" not in out
    heading = next(line for line in out.splitlines() if line.startswith("### "))
    assert heading.endswith(": ✅ allowed")


@pytest.mark.parametrize(
    ("name", "uri"),
    [
        ("Pulumi.a b.yaml", "stacks/Pulumi.a%20b.yaml"),
        ("Pulumi.a#b.yaml", "stacks/Pulumi.a%23b.yaml"),
        ("Pulumi.100%.yaml", "stacks/Pulumi.100%25.yaml"),
        ("Pulumi.é.yaml", "stacks/Pulumi.%C3%A9.yaml"),
        ("Pulumi.a?b.yaml", "stacks/Pulumi.a%3Fb.yaml"),
    ],
)
def test_sarif_percent_encodes_the_artifact_uri(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, uri: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "stacks").mkdir()
    (tmp_path / "stacks" / name).write_text(DENIED)

    _, out = run(capsys, "check", "stacks", "--format", "sarif")

    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif_results(out)}
    assert uris == {uri}


def test_sarif_names_a_file_outside_the_working_folder_by_a_file_uri(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    path = write(tmp_path / "my stacks", "denied", DENIED)

    _, out = run(capsys, "check", path, "--format", "sarif")

    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif_results(out)}
    assert uris == {path.as_uri()}
    assert "%20" in path.as_uri()


# --output never overwrites what it checks


@pytest.mark.parametrize("how", ["same-path", "symlink", "hard-link", "relative-path"])
def test_output_refuses_to_overwrite_a_checked_stack_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    stack = write(tmp_path / "stacks", "dev", ALLOWED)
    monkeypatch.chdir(tmp_path)
    output = {
        "same-path": stack,
        "symlink": tmp_path / "report.txt",
        "hard-link": tmp_path / "report.txt",
        "relative-path": Path("stacks/../stacks/Pulumi.dev.yaml"),
    }[how]
    if how == "symlink":
        output.symlink_to(stack)
    elif how == "hard-link":
        output.hardlink_to(stack)

    code = main(["check", "stacks", "--output", str(output)])
    captured = capsys.readouterr()

    assert code == 2
    assert "refusing to write the report over stacks/Pulumi.dev.yaml" in captured.err
    assert stack.read_text() == ALLOWED


def test_output_refuses_to_overwrite_the_project_file_whose_config_was_applied(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / "Pulumi.yaml"
    project.write_text("name: azure-openai-guarded\nruntime: python\n", encoding="utf-8")
    write(tmp_path, "dev", ALLOWED)
    monkeypatch.chdir(tmp_path)

    code = main(["check", ".", "--output", "Pulumi.yaml"])
    captured = capsys.readouterr()

    assert code == 2
    assert "refusing to write the report over" in captured.err
    assert project.read_text(encoding="utf-8") == "name: azure-openai-guarded\nruntime: python\n"
