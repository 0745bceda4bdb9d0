"""The reusable Action (action.yml): its metadata and scripts lint clean, and its steps run as a runner would.

The steps run here in order, as bash runs a composite action's ``run:`` steps, against a temporary copy of
this working tree as the action's checkout, with fake ``GITHUB_ENV``, ``GITHUB_OUTPUT`` and
``GITHUB_STEP_SUMMARY`` files. The install step runs too, kept off the network: pip takes uv from wheels
repacked from this environment, and uv syncs offline from its cache (``make`` filled it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT, LE_GENERATIVE_REVIEW
from tests.consumers import copy_working_tree, wheelhouse
from tests.stack_texts import ALLOWED, DENIED, FACES, INVALID, WARNED
from tests.test_workflows import tool

ROOT = Path(__file__).resolve().parent.parent
ACTION: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
EXAMPLE = ROOT / "docs" / "examples" / "guard-workflow.yml"
EXPRESSION = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def test_the_action_is_composite_with_the_four_documented_inputs() -> None:
    assert ACTION["runs"]["using"] == "composite"
    inputs = ACTION["inputs"]
    assert set(inputs) == {"paths", "profile", "fail-on-warnings", "upload-sarif"}
    for name, spec in inputs.items():
        assert spec["description"].strip(), name
        assert "default" in spec, name
    assert ACTION["outputs"]["status"]["value"] == "${{ steps.check.outputs.status }}"


def test_scripts_read_inputs_from_the_environment_never_from_expressions() -> None:
    # An expression inside a script is pasted into the shell: a path input could run commands.
    scripts = [step["run"] for step in STEPS if "run" in step]
    assert scripts
    assert [s for s in scripts if "${{" in s] == []
    assert all(step.get("shell") == "bash" for step in STEPS if "run" in step)


def test_every_action_it_uses_is_pinned_to_a_major_version() -> None:
    uses = [step["uses"] for step in STEPS if "uses" in step]
    assert uses == ["github/codeql-action/upload-sarif@v4"]


def test_the_scripts_pass_shellcheck() -> None:
    for step in STEPS:
        if "run" not in step:
            continue
        result = subprocess.run(
            [str(tool("shellcheck")), "--shell=bash", "-"],
            input=step["run"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, f"{step['name']}:\n{result.stdout}{result.stderr}"


def test_actionlint_accepts_the_example_workflow_and_a_workflow_using_every_input(tmp_path: Path) -> None:
    # actionlint checks a local action's metadata and the inputs a workflow gives it.
    shutil.copy(ROOT / "action.yml", tmp_path / "action.yml")
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    example = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    (guard_step,) = (s for s in example["jobs"]["guard"]["steps"] if "azure-openai-guarded@" in s.get("uses", ""))
    assert set(guard_step["with"]) == set(ACTION["inputs"])
    shutil.copy(EXAMPLE, workflows / "example.yml")
    local = EXAMPLE.read_text(encoding="utf-8").replace(guard_step["uses"], "./")
    (workflows / "local.yml").write_text(local, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    result = subprocess.run(
        [str(tool("actionlint")), f"-shellcheck={tool('shellcheck')}", "-pyflakes=", "-oneline"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_example_workflow_grants_code_scanning_and_nothing_more() -> None:
    example = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    assert example["permissions"] == {"contents": "read"}
    assert example["jobs"]["guard"]["permissions"] == {"contents": "read", "security-events": "write"}


# Running the steps.


@dataclass
class Run:
    status: int
    outputs: dict[str, str]
    summary: str
    log: str
    upload: dict[str, Any] | None
    """The upload step's `with`, evaluated, when its condition would hold for a push."""


def _key_values(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)


class Runner:
    """Runs the action's steps as a runner runs a composite action (bash -e -o pipefail per step)."""

    def __init__(self, tmp: Path, wheels: Path) -> None:
        self.tmp = tmp
        self.checkout = tmp / "action"
        self.checkout.mkdir()
        copy_working_tree(self.checkout)
        keep = ("PATH", "HOME", "LANG", "LC_ALL", "SSL_CERT_FILE", "TMPDIR", "UV_CACHE_DIR", "XDG_CACHE_HOME")
        self.base = {k: v for k, v in os.environ.items() if k in keep} | {
            "PIP_NO_INDEX": "1",
            "PIP_FIND_LINKS": str(wheels),
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "UV_OFFLINE": "1",
            "GITHUB_ACTION_PATH": str(self.checkout),
        }
        self.installed: dict[str, str] = {}

    def _evaluate(self, text: str, inputs: Mapping[str, str], outputs: Mapping[str, str]) -> str:
        def value(match: re.Match[str]) -> str:
            expression = match[1]
            if expression.startswith("inputs."):
                return inputs[expression.removeprefix("inputs.")]
            if expression.startswith("steps.check.outputs."):
                return outputs.get(expression.removeprefix("steps.check.outputs."), "")
            if expression == "github.action_path":
                return str(self.checkout)
            raise AssertionError(f"the test does not evaluate ${{{{ {expression} }}}}")

        return EXPRESSION.sub(value, text)

    def _step(self, step: dict[str, Any], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    def run(self, workspace: Path, **given: str) -> Run:
        inputs = {name: spec["default"] for name, spec in ACTION["inputs"].items()} | given
        runner_temp = Path(self.tmp / f"runner-{len(list(self.tmp.glob('runner-*')))}")
        runner_temp.mkdir()
        summary = runner_temp / "summary.md"
        files = {"GITHUB_ENV": runner_temp / "env", "GITHUB_STEP_SUMMARY": summary, "RUNNER_TEMP": runner_temp}
        outputs: dict[str, str] = {}
        log = ""
        upload = None
        status = 0
        for step in STEPS:
            if "uses" in step:
                condition = step["if"]
                assert "inputs.upload-sarif == 'true'" in condition
                assert "github.event.pull_request.head.repo.full_name == github.repository" in condition
                if inputs["upload-sarif"] == "true" and outputs.get("sarif"):
                    upload = {k: self._evaluate(v, inputs, outputs) for k, v in step["with"].items()}
                continue
            if step["name"].startswith("Install") and self.installed:
                continue
            output_file = runner_temp / f"output-{len(log)}"
            env = self.base | {k: str(v) for k, v in files.items()} | {"GITHUB_OUTPUT": str(output_file)}
            env |= self.installed | _key_values(files["GITHUB_ENV"])
            env |= {k: self._evaluate(v, inputs, outputs) for k, v in step.get("env", {}).items()}
            result = self._step(step, env, workspace)
            log += result.stdout + result.stderr
            if step.get("id") == "check":
                outputs = _key_values(output_file)
            if step["name"].startswith("Install"):
                assert result.returncode == 0, log
                self.installed = _key_values(files["GITHUB_ENV"])
            status = result.returncode
            if status != 0:
                break
        return Run(
            status=status,
            outputs=outputs,
            summary=summary.read_text(encoding="utf-8") if summary.exists() else "",
            log=log,
            upload=upload,
        )


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Runner:
    tmp = tmp_path_factory.mktemp("action")
    wheels = tmp / "wheels"
    wheels.mkdir()
    return Runner(tmp, wheelhouse(wheels, "uv"))


def _workspace(tmp_path: Path, **stacks: str) -> Path:
    folder = tmp_path / "stacks"
    folder.mkdir()
    for name, text in stacks.items():
        (folder / f"Pulumi.{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def test_the_install_step_installs_the_checker_alone_from_the_actions_checkout(runner: Runner, tmp_path: Path) -> None:
    runner.run(_workspace(tmp_path, allowed=ALLOWED))
    guard = Path(runner.installed["AOAI_GUARD"])
    assert guard.is_file()
    python = guard.parent / "python"
    found = subprocess.run(
        [str(python), "-c", "import importlib.util as u; print([m for m in ('pulumi', 'yaml') if u.find_spec(m)])"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert found == "['yaml']"
    where = subprocess.run(
        [str(python), "-c", "import azure_openai_guarded; print(azure_openai_guarded.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(guard.parent.parent), "built from the checkout, not an editable link to it"


def test_an_allowed_folder_passes_with_its_verdicts_in_the_summary_and_sarif_for_upload(
    runner: Runner, tmp_path: Path
) -> None:
    run = runner.run(_workspace(tmp_path, allowed=ALLOWED))
    assert run.status == 0, run.log
    assert run.outputs["status"] == "0"
    assert run.summary.startswith("## Azure OpenAI use-case guard")
    assert "1 stack: 1 allowed, 0 denied, 0 invalid" in run.summary
    assert run.upload is not None
    sarif = json.loads(Path(run.upload["sarif_file"]).read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert "(stack allowed)  ALLOWED" in run.log


def test_a_denied_folder_fails_the_step_with_the_checkers_status(runner: Runner, tmp_path: Path) -> None:
    run = runner.run(_workspace(tmp_path, allowed=ALLOWED, denied=DENIED))
    assert run.status == 1
    assert run.outputs["status"] == "1"
    assert FR_US_LAW_ENFORCEMENT.id in run.summary
    assert "::error::The guard denied a stack" in run.log
    sarif = json.loads(Path(run.outputs["sarif"]).read_text(encoding="utf-8"))
    rules = {r["ruleId"] for run_ in sarif["runs"] for r in run_["results"]}
    assert FR_US_LAW_ENFORCEMENT.id in rules


def test_an_invalid_stack_exits_2(runner: Runner, tmp_path: Path) -> None:
    run = runner.run(_workspace(tmp_path, invalid=INVALID))
    assert run.status == 2
    assert "azure-openai-guarded:useCase.purpos" in run.summary


@pytest.mark.parametrize(("fail", "status"), [("false", 0), ("true", 1)])
def test_warnings_fail_only_when_asked(runner: Runner, tmp_path: Path, fail: str, status: int) -> None:
    run = runner.run(_workspace(tmp_path, warned=WARNED), **{"fail-on-warnings": fail})
    assert run.status == status, run.log
    assert LE_GENERATIVE_REVIEW.id in run.summary


def test_a_fail_on_warnings_that_is_not_a_boolean_is_an_error(runner: Runner, tmp_path: Path) -> None:
    run = runner.run(_workspace(tmp_path, allowed=ALLOWED), **{"fail-on-warnings": "yes"})
    assert run.status == 2
    assert "fail-on-warnings must be true or false" in run.log


@pytest.mark.parametrize(("profile", "status"), [("", 0), ("terms", 0), ("strict", 1)])
def test_the_profile_override_holds_every_stack_to_it(
    runner: Runner, tmp_path: Path, profile: str, status: int
) -> None:
    run = runner.run(_workspace(tmp_path, faces=FACES), profile=profile)
    assert run.status == status, run.log


def test_several_paths_on_lines_and_no_upload_when_not_asked(runner: Runner, tmp_path: Path) -> None:
    workspace = _workspace(tmp_path, allowed=ALLOWED)
    (workspace / "more").mkdir()
    (workspace / "more" / "Pulumi.other.yaml").write_text(ALLOWED, encoding="utf-8")
    run = runner.run(workspace, paths="stacks\nmore/Pulumi.other.yaml", **{"upload-sarif": "false"})
    assert run.status == 0, run.log
    assert "2 stacks: 2 allowed" in run.summary
    assert run.upload is None
