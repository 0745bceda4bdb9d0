"""Benchmark of the guard: decisions per second, and the checker over 1,000 stack files.

Prints figures; it is not a timed test. Run from the repository root:

    .venv/bin/python bench/bench_guard.py

Targets (issue 2, on a 2-core machine): under 100 µs per decision, under 3 s for
the checker over 1,000 stack files including interpreter start.
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from host import describe_host

from azure_openai_guarded.components.declaration import Declaration, read_stack_config
from azure_openai_guarded.guards import (
    PROJECT,
    Camera,
    Capability,
    Sector,
    Verdict,
    evaluate_use_case,
)
from azure_openai_guarded.guards.facts import read_text

REPO = Path(__file__).resolve().parent.parent

DECISION_TARGET_US = 100.0
CHECKER_TARGET_S = 3.0
CHECKER = "python -m azure_openai_guarded.guards"
STACK_FILES = 1_000

T = TypeVar("T")

# The declaration's vocabulary is the guard's own enums, so the bench draws only values the guard knows.
SECTORS = [sector.value for sector in Sector]
CAPABILITIES = [capability.value for capability in Capability]
CAMERAS = [camera.value for camera in Camera]
COUNTRIES = ["US", "PR", "GU", "GB", "DE", "FR", "NL", "CA", "MX", "BR", "JP", "AU", "IN", "ZA"]
PURPOSES = [
    "Answer billing questions in the customer support portal and draft replies for agents.",
    "Summarise body-camera audio into draft incident reports for the officer to correct and sign.",
    "Blur faces in footage before it is released to the public.",
    "Generate a user interface for the booking system from a written description.",
    "Compare booking photos with prior records to find an arrestee's earlier files.",
    "Traducir las denuncias de los ciudadanos al inglés para los agentes de guardia.",
    "Résumer les rapports d'incident de la nuit pour l'équipe du matin.",
    "Bürgeranfragen an die Polizei zusammenfassen und an die zuständige Stelle weiterleiten.",
    "Identify people by their faces in CCTV stills from the station entrance.",
    "Reconhecimento facial de clientes frequentes na loja.",
    "Help analysts identify the challenges our agents face every day, and draft a weekly summary.",
]


def random_use_case(rng: random.Random, i: int) -> dict[str, Any]:
    capabilities = rng.sample(CAPABILITIES, rng.randint(1, 4))
    use: dict[str, Any] = {
        "name": f"use-case-{i}",
        "purpose": rng.choice(PURPOSES),
        "owner": f"team-{i}@example.com",
        "operator": {"sector": rng.choice(SECTORS), "country": rng.choice(COUNTRIES)},
        "capabilities": capabilities,
    }
    served = [{"sector": rng.choice(SECTORS), "country": rng.choice(COUNTRIES)} for _ in range(rng.randint(0, 2))]
    if served:
        use["servedParties"] = served
    if "facial_recognition" in capabilities:
        facts: dict[str, Any] = {}
        if rng.random() < 0.8:
            facts["realtime"] = rng.random() < 0.5
        if rng.random() < 0.8:
            facts["cameras"] = rng.sample(CAMERAS, rng.randint(1, 2))
        if rng.random() < 0.8:
            facts["environment"] = rng.choice(["controlled", "uncontrolled"])
        use["facialRecognition"] = facts
    if rng.random() < 0.6:
        use["humanReview"] = rng.random() < 0.7
    return use


def random_config(rng: random.Random, i: int) -> dict[str, Any]:
    """A project config (keys without the namespace) as a stack declares it."""
    cloud = "usgovernment" if rng.random() < 0.2 else "public"
    config: dict[str, Any] = {
        "service": {
            "cloud": cloud,
            "location": "usgovvirginia" if cloud == "usgovernment" else "eastus2",
            "resourceGroupName": f"rg-use-case-{i}",
            "deployments": [
                {"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard", "capacity": 10}
            ],
        },
        "useCase": random_use_case(rng, i),
    }
    if rng.random() < 0.3:
        config["guardProfile"] = rng.choice(["terms", "strict"])
    return config


@dataclass(frozen=True)
class Timing:
    """The fastest of several runs: wall-clock seconds, and CPU seconds of this process and its children.

    CPU time is what the work costs even when other jobs share the cores; wall time is what a user waits.
    """

    wall: float
    cpu: float


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(runs: int, work: Callable[[], object]) -> Timing:
    wall = cpu = float("inf")
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), _cpu()
        work()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, _cpu() - start_cpu)
    return Timing(wall, cpu)


def per_item_us(items: list[T], work: Callable[[T], object], repeats: int = 15, chunk: int = 200) -> float:
    """Microseconds per item: each chunk of items timed ``repeats`` times, the fastest kept.

    Short chunks and the minimum keep other jobs on a shared machine from inflating the figure; it
    still covers every item, so the mix of declarations decides the cost.
    """
    total = 0.0
    for first in range(0, len(items), chunk):
        part = items[first : first + chunk]

        def run_part(part: list[T] = part) -> None:
            for item in part:
                work(item)

        total += best_of(repeats, run_part).wall
    return total / len(items) * 1e6


def _decide(declaration: Declaration) -> Verdict:
    return evaluate_use_case(declaration.use_case, declaration.cloud.cloud, declaration.profile)


def _decide_cold(declaration: Declaration) -> Verdict:
    # The tripwire keeps its readings of the texts it read last (guards/facts.py); a declaration decided for the
    # first time in a process reads every text afresh.
    read_text.cache_clear()
    return _decide(declaration)


def bench_decisions(configs: list[dict[str, Any]]) -> None:
    declarations = [read_stack_config(c) for c in configs]
    cold = per_item_us(declarations, _decide_cold)
    warm = per_item_us(declarations, _decide)
    validate = per_item_us(configs, read_stack_config)
    denied = sum(not d.verdict.allowed for d in declarations)
    print(f"decisions: {len(declarations):,} generated declarations ({denied} denied)")
    # read_stack_config validates the whole stack (use case, every service field, the catalogue) and decides.
    for name, micros in (
        ("guards.evaluate, first read", cold),
        ("guards.evaluate, texts read", warm),
        ("read_stack_config", validate),
    ):
        print(f"  {name + ':':28} {micros:6.1f} µs per decision, {1e6 / micros:7,.0f} per second")
    verdict = "meets" if cold < DECISION_TARGET_US else "MISSES"
    print(f"  target < {DECISION_TARGET_US:.0f} µs per decision (guards.evaluate, first read): {verdict}")


def write_stack_files(folder: Path, configs: list[dict[str, Any]]) -> None:
    for i, config in enumerate(configs):
        document = {"config": {"azure-native:location": "eastus2", **{f"{PROJECT}:{k}": v for k, v in config.items()}}}
        text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
        (folder / f"Pulumi.stack-{i:04d}.yaml").write_text(text, encoding="utf-8")


def run_checker(folder: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "azure_openai_guarded.guards", "check", str(folder), "--format", "json"],
        cwd=REPO,
        capture_output=True,
        check=False,
    )


PROJECT_FILE = f"""\
name: {PROJECT}
runtime: python
stackConfigDir: stacks
config:
  guardProfile:
    type: string
    default: terms
  azure-native:location: eastus2
"""
"""This repository's layout: the project file one folder up, naming the stack folder, with config for every stack."""


def timed_checker(folder: Path) -> Timing:
    done = run_checker(folder)
    if done.returncode not in (0, 1):
        raise SystemExit(f"the checker failed (exit {done.returncode}):\n{done.stderr.decode()}")
    return best_of(3, lambda: run_checker(folder))


def bench_checker(configs: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "stacks"
        folder.mkdir()
        write_stack_files(folder, configs)
        checker = timed_checker(folder)
        (Path(tmp) / "Pulumi.yaml").write_text(PROJECT_FILE, encoding="utf-8")
        with_project = timed_checker(folder)
    start_only = best_of(3, lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
    cli_import = [sys.executable, "-c", "import azure_openai_guarded.guards.cli"]
    imports = best_of(3, lambda: subprocess.run(cli_import, cwd=REPO, check=True))
    print(f"checker: `{CHECKER} check DIR --format json` over {len(configs):,} stack files, best of 3")
    print(
        f"  interpreter start included: {checker.wall:5.2f} s wall ({checker.wall / len(configs) * 1e3:.2f} ms "
        f"per file), CPU {checker.cpu:.2f} s"
    )
    print(f"  of which interpreter start {start_only.wall:.2f} s, interpreter and imports {imports.wall:.2f} s")
    print(
        f"  with ../Pulumi.yaml (stackConfigDir, config applied to every stack): {with_project.wall:5.2f} s wall, "
        f"CPU {with_project.cpu:.2f} s"
    )
    verdict = "meets" if max(checker.wall, with_project.wall) < CHECKER_TARGET_S else "MISSES"
    print(f"  target < {CHECKER_TARGET_S:.0f} s (wall): {verdict}")


def main() -> None:
    print(f"machine: {describe_host()}")
    print(f"load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())} (other jobs inflate wall times)")
    rng = random.Random(2024_05_01)
    bench_decisions([random_config(rng, i) for i in range(2_000)])
    bench_checker([random_config(rng, i) for i in range(STACK_FILES)])


if __name__ == "__main__":
    main()
