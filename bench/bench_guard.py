"""Benchmark of the guard: decisions per second, and the checker over 1,000 stack files.

Prints figures; it is not a timed test. Run from the repository root:

    .venv/bin/python bench/bench_guard.py

Targets (issue 2, on a 2-core machine): under 100 µs per decision, under 3 s for
the checker over 1,000 stack files including interpreter start.
"""

from __future__ import annotations

import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from azure_openai_guarded.guards import StackDeclaration, evaluate, parse_declaration

REPO = Path(__file__).resolve().parent.parent
PROJECT = "azure-openai-guarded"

DECISION_TARGET_US = 100.0
CHECKER_TARGET_S = 3.0
STACK_FILES = 1_000

SECTORS = ["commercial", "law_enforcement", "public_sector", "defense", "healthcare", "education", "nonprofit", "other"]
CAPABILITIES = [
    "text_generation",
    "summarization",
    "translation",
    "classification",
    "code_generation",
    "embeddings",
    "speech_to_text",
    "image_analysis",
    "image_generation",
    "face_detection",
    "facial_recognition",
]
CAMERAS = ["body_worn", "dash_mounted", "vehicle_mounted", "drone", "handheld", "fixed"]
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


def best_of(runs: int, work: Callable[[], None]) -> float:
    """The fastest of ``runs`` wall-clock timings of ``work``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def bench_decisions(configs: list[dict[str, Any]]) -> None:
    declarations: list[StackDeclaration] = [parse_declaration(c) for c in configs]
    rounds = 5

    def decide_all() -> None:
        for declaration in declarations:
            evaluate(declaration)

    def validate_and_decide_all() -> None:
        for config in configs:
            evaluate(parse_declaration(config))

    decide_all()
    per_decision = best_of(rounds, decide_all) / len(declarations) * 1e6
    per_validated = best_of(rounds, validate_and_decide_all) / len(configs) * 1e6
    denied = sum(not evaluate(d).allowed for d in declarations)
    verdict = "meets" if per_decision < DECISION_TARGET_US else "MISSES"
    print(f"decisions: {len(declarations)} generated declarations ({denied} denied), best of {rounds} rounds")
    print(f"  guards.evaluate:             {per_decision:6.1f} µs per decision, {1e6 / per_decision:9,.0f} per second")
    print(
        f"  parse_declaration+evaluate:  {per_validated:6.1f} µs per decision, {1e6 / per_validated:9,.0f} per second"
    )
    print(f"  target < {DECISION_TARGET_US:.0f} µs per decision: {verdict}")


def write_stack_files(folder: Path, configs: list[dict[str, Any]]) -> None:
    for i, config in enumerate(configs):
        document = {"config": {"azure-native:location": "eastus2", **{f"{PROJECT}:{k}": v for k, v in config.items()}}}
        text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True)
        (folder / f"Pulumi.stack-{i:04d}.yaml").write_text(text, encoding="utf-8")


def run_checker(folder: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "guards", "check", str(folder), "--format", "json"],
        cwd=REPO,
        capture_output=True,
        check=False,
    )


def bench_checker(configs: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_stack_files(folder, configs)
        done = run_checker(folder)
        if done.returncode not in (0, 1):
            raise SystemExit(f"the checker failed (exit {done.returncode}):\n{done.stderr.decode()}")
        checker = best_of(3, lambda: run_checker(folder))
    start_only = best_of(3, lambda: subprocess.run([sys.executable, "-c", "pass"], check=True))
    imports = best_of(3, lambda: subprocess.run([sys.executable, "-c", "import guards.cli"], cwd=REPO, check=True))
    verdict = "meets" if checker < CHECKER_TARGET_S else "MISSES"
    print(f"checker: `python -m guards check DIR --format json` over {len(configs):,} stack files, best of 3")
    print(f"  wall time, interpreter start included: {checker:5.2f} s ({checker / len(configs) * 1e3:.2f} ms per file)")
    print(f"  of which interpreter start {start_only:.2f} s, interpreter and imports {imports:.2f} s")
    print(f"  target < {CHECKER_TARGET_S:.0f} s: {verdict}")


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> None:
    print(f"machine: {os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}, {platform.system()}")
    rng = random.Random(2024_05_01)
    bench_decisions([random_config(rng, i) for i in range(2_000)])
    bench_checker([random_config(rng, i) for i in range(STACK_FILES)])


if __name__ == "__main__":
    main()
