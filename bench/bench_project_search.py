"""Benchmark of finding a stack file's project file: the checker over this repository's stack files, and over a
generated git work tree of 1,000 stack files given one by one, as the pre-commit hook gives them.

Prints figures; it is not a timed test. Run from the repository root:

    .venv/bin/python bench/bench_project_search.py

The generated tree is a git work tree of 50 projects, each keeping its stacks two or
more folders away (`stackConfigDir: ../../deploy/<project>/stacks`), 20 folders of stack files that no project
names, and 2,000 folders of other files, so the checker searches the whole tree for the projects of those stacks.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from bench_guard import Timing, best_of, random_config
from host import describe_host

from azure_openai_guarded.guards import PROJECT
from azure_openai_guarded.guards.projectfile import ProjectFiles

REPO = Path(__file__).resolve().parent.parent
PROJECTS = 50
CLAIMED_STACKS = 16
"""Stack files in each project's distant stack folder: 50 × 16 = 800."""
ORPHAN_FOLDERS = 20
ORPHAN_STACKS = 10
"""Stack files in each folder no project names: 20 × 10 = 200."""
OTHER_FOLDERS = 2_000


def _stack_text(config: dict[str, object]) -> str:
    document = {"config": {"azure-native:location": "eastus2", **{f"{PROJECT}:{k}": v for k, v in config.items()}}}
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True)


def generated_tree(root: Path, rng: random.Random) -> list[Path]:
    """The work tree under ``root``; returns its stack files (1,000)."""
    files: list[Path] = []
    for p in range(PROJECTS):
        project = root / "infra" / f"app-{p:02d}"
        project.mkdir(parents=True)
        project.joinpath("Pulumi.yaml").write_text(
            f"name: {PROJECT}\nruntime: python\nstackConfigDir: ../../deploy/app-{p:02d}/stacks\n"
            "config:\n  guardProfile: strict\n",
            encoding="utf-8",
        )
        stacks = root / "deploy" / f"app-{p:02d}" / "stacks"
        stacks.mkdir(parents=True)
        for s in range(CLAIMED_STACKS):
            path = stacks / f"Pulumi.s{s:02d}.yaml"
            path.write_text(_stack_text(random_config(rng, p * 100 + s)), encoding="utf-8")
            files.append(path)
    for o in range(ORPHAN_FOLDERS):
        folder = root / "examples" / f"set-{o:02d}"
        folder.mkdir(parents=True)
        for s in range(ORPHAN_STACKS):
            path = folder / f"Pulumi.e{s:02d}.yaml"
            path.write_text(_stack_text(random_config(rng, 10_000 + o * 100 + s)), encoding="utf-8")
            files.append(path)
    for d in range(OTHER_FOLDERS):
        folder = root / "src" / f"module-{d // 100:02d}" / f"part-{d % 100:02d}"
        folder.mkdir(parents=True)
        folder.joinpath("README.md").write_text("notes\n", encoding="utf-8")
    return files


def run_checker(cwd: Path, *arguments: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "azure_openai_guarded.guards", "check", *arguments, "--format", "json"],
        cwd=cwd,
        capture_output=True,
        check=False,
    )


def timed(cwd: Path, *arguments: str) -> Timing:
    done = run_checker(cwd, *arguments)
    if done.returncode not in (0, 1, 2) or not done.stdout:
        raise SystemExit(f"the checker failed (exit {done.returncode}):\n{done.stderr.decode()}")
    return best_of(3, lambda: run_checker(cwd, *arguments))


def _line(label: str, timing: Timing, files: int) -> None:
    print(f"  {label}: {timing.wall:5.2f} s wall ({timing.wall / files * 1e3:.2f} ms per file), CPU {timing.cpu:.2f} s")


def _searched(root: Path) -> int:
    return sum(
        1 for folder, _, _ in os.walk(root) if not any(p.startswith(".") for p in Path(folder).relative_to(root).parts)
    )


def main() -> None:
    print(f"machine: {describe_host()}")
    print(f"load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())} (other jobs inflate wall times)")
    own = sorted(
        str(p.relative_to(REPO))
        for folder in ("stacks", "examples")
        for p in (REPO / folder).rglob("Pulumi.*.y*ml")
        if "node_modules" not in p.parts
    )
    print(f"this repository's {len(own)} stack files, each given, best of 3")
    _line("check FILE...", timed(REPO, *own), len(own))
    _line("check --repository (the pre-commit hook)", timed(REPO, "--repository"), len(own))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = generated_tree(root, random.Random(2026_12_01))
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        subprocess.run(["git", "add", "-A"], cwd=root, check=True)
        relative = [str(f.relative_to(root)) for f in files]
        print(
            f"a generated work tree: {len(files):,} stack files ({PROJECTS * CLAIMED_STACKS} in {PROJECTS} distant "
            f"stack folders, {ORPHAN_FOLDERS * ORPHAN_STACKS} that no project names), {OTHER_FOLDERS:,} other "
            "folders; best of 3"
        )
        _line("check FILE... (every stack file given, as the hook gives changed files)", timed(root, *relative), 1000)
        projects = [str(Path("infra", f"app-{p:02d}")) for p in range(PROJECTS)]
        _line("check PROJECT... (each project folder given)", timed(root, *projects), PROJECTS * CLAIMED_STACKS)
        _line("check --repository (the pre-commit hook: git's index, every stack)", timed(root, "--repository"), 1000)
        orphan = files[-1]
        search = best_of(5, lambda: ProjectFiles().project_of(orphan))
        print(
            f"  one search of the tree ({_searched(root):,} folders, .git left out), for a stack folder no project "
            f"names, in process: {search.wall * 1e3:.1f} ms wall"
        )


if __name__ == "__main__":
    main()
