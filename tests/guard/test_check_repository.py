"""`aoai-guard check --repository`: every stack git's index holds under the working folder, as the pre-commit hook
checks them; never a traceback when git cannot say."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from azure_openai_guarded.guards.checker import ExitStatus
from azure_openai_guarded.guards.cli import main
from azure_openai_guarded.guards.rules import DECLARATION_MISSING
from tests.stack_texts import ALLOWED, DENIED

GIT_ENV = {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def repository(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")} | GIT_ENV
    subprocess.run(["git", "init", "-q"], cwd=root, env=env, check=True)
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=root, env=env, check=True)
    return root


def test_every_stack_in_the_index_is_decided_and_named_relative_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = repository(tmp_path / "repo", {"a/Pulumi.ok.yaml": ALLOWED, "b/c/Pulumi.bad.yaml": DENIED})
    monkeypatch.chdir(root)
    assert main(["check", "--repository"]) == ExitStatus.DENIED
    out = capsys.readouterr().out
    assert f"{os.path.join('a', 'Pulumi.ok.yaml')}  (stack ok)  ALLOWED" in out
    assert f"{os.path.join('b', 'c', 'Pulumi.bad.yaml')}  (stack bad)  DENIED" in out


def test_a_repository_without_stack_files_passes_saying_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repository(tmp_path / "repo", {"README.md": "# docs\n"}))
    assert main(["check", "--repository"]) == ExitStatus.ALLOWED
    assert "nothing to decide" in capsys.readouterr().err


def test_outside_a_git_repository_it_is_invalid_with_gits_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["check", "--repository"]) == ExitStatus.INVALID
    assert "cannot list the repository's files: `git ls-files` says: fatal: not a git repository" in (
        capsys.readouterr().err
    )


def test_without_git_it_is_invalid_saying_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repository(tmp_path / "repo", {"Pulumi.dev.yaml": ALLOWED}))
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    assert main(["check", "--repository"]) == ExitStatus.INVALID
    assert "git is not installed" in capsys.readouterr().err


def test_paths_and_repository_together_are_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repository(tmp_path / "repo", {"Pulumi.dev.yaml": ALLOWED}))
    assert main(["check", "--repository", "Pulumi.dev.yaml"]) == ExitStatus.INVALID
    assert "give paths or --repository, not both" in capsys.readouterr().err


def test_a_json_project_and_its_json_stack_files_are_invalid_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Pulumi reads Pulumi.json and Pulumi.<stack>.json; the checker reads YAML only, so it must say so.
    files = {"app/Pulumi.json": '{"name": "app", "runtime": "python"}', "app/Pulumi.dev.json": '{"config": {}}'}
    monkeypatch.chdir(repository(tmp_path / "repo", files))
    assert main(["check", "--repository"]) == ExitStatus.INVALID
    out = capsys.readouterr().out
    assert "the checker reads YAML project files only" in out


def test_a_stack_file_changed_since_it_was_staged_is_invalid_as_the_commit_records_the_staged_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Review R10 H2: the denied stack was staged, an allowed one written over it, and the check passed.
    root = repository(tmp_path / "repo", {"Pulumi.dev.yaml": DENIED, "README.md": "# docs\n"})
    (root / "Pulumi.dev.yaml").write_text(ALLOWED, encoding="utf-8")
    monkeypatch.chdir(root)

    assert main(["check", "--repository"]) == ExitStatus.INVALID
    assert "Pulumi.dev.yaml differ from what git's index holds" in capsys.readouterr().err


def test_a_change_to_a_file_the_check_never_reads_is_no_matter(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = repository(tmp_path / "repo", {"Pulumi.dev.yaml": ALLOWED, "README.md": "# docs\n"})
    (root / "README.md").write_text("# docs, changed\n", encoding="utf-8")
    monkeypatch.chdir(root)

    assert main(["check", "--repository"]) == ExitStatus.ALLOWED


def test_a_project_skipped_by_name_is_left_out_and_said_to_be(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Review R10 M3: a repository's unrelated project (a network stack) declares nothing, and was denied.
    network = {"network/Pulumi.yaml": "name: network\nruntime: python\n", "network/Pulumi.dev.yaml": "config: {}\n"}
    root = repository(tmp_path / "repo", {"chat/Pulumi.ok.yaml": ALLOWED, **network})
    monkeypatch.chdir(root)

    assert main(["check", "--repository"]) == ExitStatus.DENIED
    capsys.readouterr()
    assert main(["check", "--repository", "--skip", "network"]) == ExitStatus.ALLOWED
    assert "skipped, as --skip asks: the stack files under network" in capsys.readouterr().err


YAML_PROGRAM_DENIED = """name: app
runtime: yaml
resources:
  chat:
    type: azure-openai-guarded:index:AzureOpenAIService
    properties:
      useCase: {name: m, purpose: Match booking photos., owner: a@b.example,
        operator: {sector: law_enforcement, country: US}, servedParties: [], capabilities: [facial_recognition],
        facialRecognition: {realtime: false, cameras: [fixed], environment: controlled}}
"""

DENIED_WHEN_SKIPPED = {
    # Reviews R14 F5 and R17 F1: each was left out with exit 0, as a text search for "useCase" read it.
    "denied-stack": {"chat/Pulumi.bad.yaml": DENIED},
    "escaped-key": {
        "chat/Pulumi.bad.yaml": DENIED.replace("useCase", "\\x75seCase").replace(
            "azure-openai-guarded:\\x75seCase", '"azure-openai-guarded:\\x75seCase"'
        )
    },
    "inline-yaml-program": {"chat/Pulumi.yaml": YAML_PROGRAM_DENIED},
}


@pytest.mark.parametrize("files", DENIED_WHEN_SKIPPED.values(), ids=DENIED_WHEN_SKIPPED.keys())
def test_a_folder_whose_stacks_the_check_would_not_pass_cannot_be_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], files: dict[str, str]
) -> None:
    root = repository(tmp_path / "repo", {**files, "README.md": "# docs\n"})
    monkeypatch.chdir(root)

    assert main(["check", "--repository"]) != ExitStatus.ALLOWED
    capsys.readouterr()
    assert main(["check", "--repository", "--skip", "chat"]) == ExitStatus.INVALID
    assert "which the check does not pass as declaring nothing" in capsys.readouterr().err


PYTHON_FACE = """import pulumi_azure_native as azure_native

azure_native.cognitiveservices.Account("face", kind="Face", resource_group_name="rg", sku={"name": "S0"})
"""

TYPESCRIPT_FACE = """import * as azure_native from "@pulumi/azure-native";

new azure_native.cognitiveservices.Account("face", { kind: "Face", resourceGroupName: "rg", sku: { name: "S0" } });
"""

YAML_FACE = """name: records
runtime: yaml
resources:
  face:
    type: azure-native:cognitiveservices:Account
    properties: {kind: Face, resourceGroupName: rg, sku: {name: S0}}
"""

POLICE_IN_CODE = """from azure_openai_guarded.components import AzureOpenAIService

use_case = {
    "name": "m", "purpose": "Match booking photos for the NYPD.", "owner": "a@b.example",
    "operator": {"sector": "law_enforcement", "country": "US"}, "served_parties": [],
    "capabilities": ["facial_recognition"],
}
AzureOpenAIService("chat", {"use_case": use_case, "location": "eastus2", "resource_group_name": "rg"})
"""

PROVISIONING_WHEN_SKIPPED = {
    # Each declares nothing in its stack file, so it was skippable as a project that provisions nothing, though its
    # program makes a Face account (or a component for a US police department).
    "python-face-account": (
        {"app/Pulumi.yaml": "name: records\nruntime: python\n", "app/__main__.py": PYTHON_FACE},
        "app/__main__.py, line 3: `cognitiveservices`, a Cognitive Services account, with `Face`",
    ),
    "typescript-face-account": (
        {"app/Pulumi.yaml": "name: records\nruntime: nodejs\n", "app/index.ts": TYPESCRIPT_FACE},
        "app/index.ts, line 3: `cognitiveservices`, a Cognitive Services account, with `Face`",
    ),
    "yaml-face-account": (
        {"app/Pulumi.yaml": YAML_FACE},
        "app/Pulumi.yaml, line 4: resource `face` (azure-native:cognitiveservices:Account, kind Face), a Cognitive "
        "Services account",
    ),
    "python-classic-ai-services": (
        {
            "app/Pulumi.yaml": "name: records\nruntime: python\n",
            "app/__main__.py": 'import pulumi_azure as azure\n\nazure.cognitive.AIServices("ai", sku_name="S0")\n',
        },
        "app/__main__.py, line 3: `cognitive.AIServices`, a Cognitive Services account",
    ),
    "us-police-use-case-in-code": (
        {"app/Pulumi.yaml": "name: records\nruntime: python\n", "app/__main__.py": POLICE_IN_CODE},
        "app/__main__.py, line 1: `AzureOpenAIService`, which provisions Azure OpenAI; app/__main__.py, line 3: "
        "`use_case`, a use case written in code",
    ),
}


SKIPPED_CASES = [
    pytest.param(files, evidence, True, id=f"{name}-stack-file")
    for name, (files, evidence) in PROVISIONING_WHEN_SKIPPED.items()
] + [
    # A project with no stack file is checked when its program is YAML, names the components (review R17 F5) or
    # gives other evidence of provisioning what the guard governs.
    pytest.param(files, evidence, False, id=f"{name}-no-stack-file")
    for name, (files, evidence) in PROVISIONING_WHEN_SKIPPED.items()
]


@pytest.mark.parametrize(("files", "evidence", "stack_file"), SKIPPED_CASES)
def test_a_folder_that_declares_nothing_but_provisions_what_the_guard_governs_cannot_be_skipped(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    evidence: str,
    stack_file: bool,
) -> None:
    stacks = {"app/Pulumi.dev.yaml": "config: {}\n"} if stack_file else {}
    root = repository(tmp_path / "repo", {**files, **stacks, "chat/Pulumi.ok.yaml": ALLOWED})
    monkeypatch.chdir(root)
    evidence = evidence.replace("/", os.sep)

    assert main(["check", "--repository"]) == ExitStatus.DENIED
    out = capsys.readouterr().out
    # The denial names the evidence, and does not offer --skip to a project that has a use case to declare.
    assert f"the guard governs: {evidence}" in out
    assert "--skip <its folder>" not in out
    assert main(["check", "--repository", "--skip", "app"]) == ExitStatus.INVALID
    err = capsys.readouterr().err
    left_out = os.path.join("app", "Pulumi.dev.yaml" if stack_file else "Pulumi.yaml")
    assert f"--skip app would leave out {left_out}, which declares no use case, yet its project provisions" in err
    assert evidence in err
    assert "declare this one's use case (`records:useCase` in its stack file) and take app out of --skip" in err
    assert "skipped, as --skip asks" not in err


def test_a_folder_that_declares_and_provisions_nothing_the_guard_governs_is_still_skippable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    program = 'import pulumi_azure_native as azure_native\n\nazure_native.network.VirtualNetwork("vnet")\n'
    network = {
        "network/Pulumi.yaml": "name: network\nruntime: python\n",
        "network/__main__.py": program,
        "network/Pulumi.dev.yaml": "config: {}\n",
    }
    root = repository(tmp_path / "repo", {"chat/Pulumi.ok.yaml": ALLOWED, **network})
    monkeypatch.chdir(root)

    assert main(["check", "--repository"]) == ExitStatus.DENIED
    assert "--skip <its folder>" in capsys.readouterr().out
    assert main(["check", "--repository", "--skip", "network"]) == ExitStatus.ALLOWED
    assert "skipped, as --skip asks: the stack files under network" in capsys.readouterr().err


def test_the_repository_root_cannot_be_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = repository(tmp_path / "repo", {"chat/Pulumi.ok.yaml": ALLOWED})
    monkeypatch.chdir(root)

    assert main(["check", "--repository", "--skip", "."]) == ExitStatus.INVALID
    assert "the repository's root" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("program", "status"),
    [
        pytest.param('AzureOpenAIService("chat", args)\n', ExitStatus.DENIED, id="names-the-component"),
        pytest.param("import pulumi\n", ExitStatus.ALLOWED, id="names-no-component"),
    ],
)
def test_a_program_in_code_with_no_stack_file_is_decided_with_an_empty_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, program: str, status: ExitStatus
) -> None:
    # Review R17 F5: a YAML project was decided so, a Python one passed unread; its stacks start with no declaration.
    files = {"app/Pulumi.yaml": "name: ledger-app\nruntime: python\n", "app/__main__.py": program}
    root = repository(tmp_path / "repo", files)
    monkeypatch.chdir(root)

    assert main(["check", "--repository"]) == status


GO_CLASSIC_ACCOUNT = """package main

import (
	"github.com/pulumi/pulumi-azure/sdk/v6/go/azure/cognitive"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		_, err := cognitive.NewAccount(ctx, "face", &cognitive.AccountArgs{Kind: pulumi.String("Face")})
		return err
	})
}
"""

CSHARP_CLASSIC_ACCOUNT = """using Pulumi;

return await Deployment.RunAsync(() =>
{
    new Azure.Cognitive.Account("face", new() { Kind = "Face", SkuName = "S0", ResourceGroupName = "rg" });
});
"""

# A use case handed to a helper from an installed package, not to the components by name.
USE_CASE_IN_CODE = """from police_platform import make_service

use_case = {"operator": {"sector": "law_enforcement", "country": "US"}, "capabilities": ["facial_recognition"]}
make_service("chat", use_case)
"""

PROVISIONING_WITHOUT_STACK_FILE = {
    **{name: PROVISIONING_WHEN_SKIPPED[name] for name in ("python-face-account", "typescript-face-account")},
    "go-classic-account": (
        {"app/Pulumi.yaml": "name: records\nruntime: go\n", "app/main.go": GO_CLASSIC_ACCOUNT},
        "app/main.go, line 10: `cognitive.NewAccount`, a Cognitive Services account, with `Face`",
    ),
    "csharp-classic-account": (
        {"app/Pulumi.yaml": "name: records\nruntime: dotnet\n", "app/Program.cs": CSHARP_CLASSIC_ACCOUNT},
        "app/Program.cs, line 5: `Cognitive.Account`, a Cognitive Services account, with `Face`",
    ),
    "use-case-in-code": (
        {"app/Pulumi.yaml": "name: records\nruntime: python\n", "app/__main__.py": USE_CASE_IN_CODE},
        "app/__main__.py, line 3: `use_case`, a use case written in code",
    ),
}


@pytest.mark.parametrize(
    ("files", "evidence"), PROVISIONING_WITHOUT_STACK_FILE.values(), ids=PROVISIONING_WITHOUT_STACK_FILE.keys()
)
def test_a_program_in_code_with_no_stack_file_that_provisions_what_the_guard_governs_fails_the_check(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    evidence: str,
) -> None:
    # It names neither component, so it passed as if the repository had nothing to check: its stacks start with no
    # declaration, and it is denied as a stack that declares nothing is, naming the evidence.
    monkeypatch.chdir(repository(tmp_path / "repo", files))

    assert main(["check", "--repository"]) == ExitStatus.DENIED
    out = capsys.readouterr().out
    assert f"{os.path.join('app', 'Pulumi.yaml')}  (stack -)  DENIED" in out
    assert DECLARATION_MISSING.id in out
    assert "Add `records:useCase` to the stack file" in out
    assert f"the guard governs: {evidence.replace('/', os.sep)}" in out
    assert "note: no stack file: the program is decided with an empty stack config" in out
    # Given by path, its folder is decided so too, not refused as a folder without stack files.
    assert main(["check", "app"]) == ExitStatus.DENIED


STORAGE_ONLY = (
    "import pulumi_azure_native as azure_native\n\n"
    'azure_native.storage.StorageAccount("data", kind="StorageV2", resource_group_name="rg", '
    'sku={"name": "Standard_LRS"})\n'
)


@pytest.mark.parametrize(
    "program",
    [
        STORAGE_ONLY,
        # Words the evidence is made of, in an application's own sense: no account, no use case handed over.
        "# Face the facts: the uploads bucket fills up.\n" + STORAGE_ONLY,
        "from app.use_cases import archive\n\nuse_case_count = archive.useCaseId\n" + STORAGE_ONLY,
    ],
    ids=["storage", "face-in-a-comment", "use-cases-module"],
)
def test_a_program_in_code_with_no_stack_file_that_provisions_only_storage_is_still_unchecked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], program: str
) -> None:
    files = {"app/Pulumi.yaml": "name: records\nruntime: python\n", "app/__main__.py": program}
    monkeypatch.chdir(repository(tmp_path / "repo", files))

    assert main(["check", "--repository"]) == ExitStatus.ALLOWED
    assert "nothing to decide" in capsys.readouterr().err


def test_skip_without_repository_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--skip", "network", "stacks"]) == ExitStatus.INVALID
    assert "--skip goes with --repository" in capsys.readouterr().err
