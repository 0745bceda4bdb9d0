"""The engine tier's harness: the real Pulumi CLI and engine, with only Azure stood in for.

What runs for real: the ``pulumi`` CLI and its deployment engine (built from Go modules by ``make engine``),
the YAML language host, the policy-analyzer host (CrossGuard, running ``guards/policy_pack`` with
``pulumi_policy``), the component host (``provider/``, served by ``pulumi.provider``), the Python, Node.js and Go
SDKs and their launchers, and Pulumi's SDK generators. What is stood in for: Azure, through the azure-native
stand-in provider in ``standin/``, and the Python, Node.js and Go language hosts' Go mains, which the Go module
proxy does not serve (``tools/engine/langhost`` drives the same launchers and Pulumi packages; see the README).

Every test works in a temporary copy of the project with its own file backend, passphrase and Pulumi home; it
never writes the repository's files and never reaches the network.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
STANDIN = Path(__file__).resolve().parent / "standin"
TOOLS_BIN = REPO / ".tools" / "bin"
# Never copied into a test's project: environments, build output and caches. The copy links its environments
# to the one running the tests instead (see `link_environments`).
SKIP = {".git", ".venv", ".tools", "venv", "node_modules", "__pycache__", ".mypy_cache", ".pytest_cache"}
SKIP |= {".ruff_cache", ".hypothesis", "build"}
TIMEOUT = 900


def pulumi_cli() -> str | None:
    """The CLI the tier runs: ``make engine``'s build, else a ``pulumi`` on ``PATH``."""
    built = TOOLS_BIN / "pulumi"
    if built.is_file():
        return str(built)
    return shutil.which("pulumi")


@dataclass(frozen=True)
class Result:
    """One CLI run: its exit status and everything it printed (stdout, then stderr)."""

    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err

    def json(self) -> object:
        return json.loads(self.out)


class Engine:
    """The Pulumi CLI in one temporary project, with a file backend and the azure-native stand-in."""

    def __init__(self, root: Path, project: Path) -> None:
        self.root = root
        self.project = project
        cli = pulumi_cli()
        assert cli is not None
        self.cli = cli
        bin_dirs = [str(Path(cli).parent), str(STANDIN), *filter(None, [uv_bin()])]
        self.env = {
            **os.environ,
            "PATH": os.pathsep.join([*bin_dirs, os.environ.get("PATH", "")]),
            "PULUMI_HOME": str(root / "pulumi-home"),
            "PULUMI_CONFIG_PASSPHRASE": "engine-tier",
            "PULUMI_SKIP_UPDATE_CHECK": "true",
            "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            "PULUMI_SKIP_CONFIRMATIONS": "true",
            "AZURE_NATIVE_STANDIN_PYTHON": sys.executable,
            "NO_COLOR": "1",
            # Nothing here may reach a registry: Go resolves modules from its cache only.
            "GOPROXY": "off",
            "GOFLAGS": "-mod=mod -buildvcs=false",
            "npm_config_offline": "true",
            "UV_OFFLINE": "1",
            # pip, as Pulumi runs it for the component plugin, installs from the wheels `make engine` fetched.
            "PIP_NO_INDEX": "1",
            "PIP_FIND_LINKS": str(REPO / ".tools" / "wheels"),
            "PIP_DISABLE_PIP_VERSION_CHECK": "1",
            "UV_PYTHON_DOWNLOADS": "never",
            "UV_PYTHON": os.environ.get("UV_PYTHON") or getattr(sys, "_base_executable", sys.executable),
        }
        for key in (
            "PULUMI_BACKEND_URL",
            "PULUMI_ACCESS_TOKEN",
            "PULUMI_STACK",
            "VIRTUAL_ENV",
            "PYTHONPATH",
            "UV_PROJECT_ENVIRONMENT",
        ):
            self.env.pop(key, None)
        state = root / "state"
        state.mkdir()
        self.run("login", f"file://{state}", check=True)

    def run(
        self, *args: str, cwd: Path | None = None, check: bool = False, env: dict[str, str] | None = None
    ) -> Result:
        proc = subprocess.run(
            [self.cli, *args, "--non-interactive"] if args[0] not in {"version"} else [self.cli, *args],
            cwd=cwd or self.project,
            env={**self.env, **(env or {})},
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        result = Result(proc.returncode, proc.stdout, proc.stderr)
        if check and result.code != 0:
            raise AssertionError(f"pulumi {' '.join(args)} exited {result.code}:\n{result.text}")
        return result

    def init(self, stack: str, cwd: Path | None = None) -> None:
        self.run("stack", "init", stack, "--secrets-provider", "passphrase", cwd=cwd, check=True)

    def preview(self, stack: str, *extra: str, cwd: Path | None = None, pack: bool = True) -> Result:
        policy = ["--policy-pack", str((cwd or self.project) / "guards" / "policy_pack")] if pack else []
        return self.run("preview", "--stack", stack, *policy, *extra, cwd=cwd)

    def resources(self, stack: str, cwd: Path | None = None) -> list[dict[str, object]]:
        """The resources the stack's state holds (``pulumi stack export``)."""
        exported = self.run("stack", "export", "--stack", stack, cwd=cwd, check=True).json()
        assert isinstance(exported, dict)
        return list(exported["deployment"].get("resources") or [])


def project_files() -> list[Path]:
    """The project's files: those git knows (committed or not, less the ignored), else the tree less caches."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO,
            capture_output=True,
            check=True,
        ).stdout.decode()
        files = [Path(p) for p in listed.split("\0") if p]
    except (OSError, subprocess.CalledProcessError):
        files = [p.relative_to(REPO) for p in REPO.rglob("*") if p.is_file()]
    return [f for f in files if not SKIP.intersection(f.parts) and (REPO / f).is_file()]


def uv_bin() -> str | None:
    """The directory of the `uv` the README's set-up provides (``make`` installs it in build/uv/bin)."""
    found = shutil.which("uv") or next((str(p) for p in [REPO / "build" / "uv" / "bin" / "uv"] if p.is_file()), None)
    return str(Path(found).parent) if found else None


def _toolchain(project_file: Path) -> str:
    data = yaml.safe_load(project_file.read_text()) or {}
    runtime = data.get("runtime")
    options = runtime.get("options", {}) if isinstance(runtime, dict) else {}
    return str(options.get("toolchain", "pip"))


def link_environments(project: Path) -> None:
    """Give the copy's program and policy pack their environments as the README sets them up.

    A project whose toolchain is uv needs nothing here: Pulumi's uv toolchain runs ``uv sync`` before each
    program or plugin, so the engine itself builds the copy's ``.venv`` (and the pack's ``venv``) from uv.lock,
    offline from uv's cache (``UV_OFFLINE``). A pip project gets the environment running the tests, which
    installs this project with the same extras; it is linked, never written, since pip's toolchain does not
    install before it runs. The component plugin's ``provider/venv`` is left for Pulumi to create, offline,
    from ``.tools/wheels``, when a test first uses the package.
    """
    for project_file, venv in (
        (project / "Pulumi.yaml", project / ".venv"),
        (project / "guards" / "policy_pack" / "PulumiPolicy.yaml", project / "guards" / "policy_pack" / "venv"),
    ):
        if project_file.is_file() and _toolchain(project_file) != "uv":
            venv.symlink_to(sys.prefix, target_is_directory=True)


def copy_project(target: Path) -> Path:
    """A copy of the project at ``target``, made as every engine test makes it."""
    for file in project_files():
        destination = target / file
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / file, destination)
    return target


def engine_versions() -> dict[str, str]:
    """tools/engine/versions, the one place that pins the engine and the Python SDK it is tested with."""
    lines = (REPO / "tools" / "engine" / "versions").read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if line and not line.startswith("#"))
    return {key.strip(): value.strip() for key, value in pairs}


def stack_names() -> list[str]:
    """Every stack in the repository's stacks/ folder, by name."""
    return sorted(p.name.removeprefix("Pulumi.").removesuffix(".yaml") for p in (REPO / "stacks").glob("Pulumi.*.yaml"))
