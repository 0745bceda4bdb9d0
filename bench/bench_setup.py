"""Benchmark of the set-up: a fresh clone's `make plan`, set-up included, timed from outside.

Prints figures; it is not a timed test. Each run clones this repository's committed HEAD into a temporary
folder and runs `make plan` there with only Python, pip, git and make on PATH: pip installs uv into
build/uv, uv installs the plan group from uv.lock into .venv, then the checker and the offline plan run.

    .venv/bin/python bench/bench_setup.py            # uv's download cache as it is (a machine that has run make before)
    .venv/bin/python bench/bench_setup.py --cold     # also with empty pip and uv caches: every package downloaded

Target (issue 13, on a 2-core machine): a fresh clone's `make plan` in under 30 s.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from host import describe_host

ROOT = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 30.0


def _clean_environment(extra: Mapping[str, str]) -> dict[str, str]:
    """The caller's PATH without this repository's .venv, and nothing of a virtualenv, as a new shell has it."""
    venv = str(ROOT / ".venv")
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if not p.startswith(venv))
    # A parent make's variables (make bench) would reach the clone's make as if given on its command line.
    dropped = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")
    keep = {k: v for k, v in os.environ.items() if k not in dropped and not k.startswith("UV_")}
    return keep | {"PATH": path} | dict(extra)


def _timed(command: list[str], cwd: Path, env: Mapping[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=dict(env), capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed in {cwd}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return elapsed


def fresh_clone_plan(workdir: Path, env: Mapping[str, str]) -> tuple[float, float, float]:
    """Seconds for the clone, for `make plan` on it, and for a second `make plan` once set up."""
    clone = workdir / "clone"
    cloned = _timed(["git", "clone", "--quiet", str(ROOT), str(clone)], workdir, env)
    first = _timed(["make", "plan"], clone, env)
    again = _timed(["make", "plan"], clone, env)
    return cloned, first, again


def _line(label: str, seconds: list[float]) -> str:
    if len(seconds) == 1:
        return f"{label:<58} {seconds[0]:6.1f} s"
    low, high = min(seconds), max(seconds)
    return f"{label:<58} {statistics.median(seconds):6.1f} s  (median of {len(seconds)}, {low:.1f} to {high:.1f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="fresh clones with the caches as they are (default 3)")
    parser.add_argument("--cold", action="store_true", help="one more run with empty pip and uv caches")
    args = parser.parse_args()
    for tool in ("git", "make", "python3"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not on PATH")

    print(f"host: {describe_host()}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    scenarios = [("warm caches (uv's and pip's, as they are)", False, args.runs)]
    if args.cold:
        scenarios.append(("cold caches (every package downloaded from PyPI)", True, 1))
    for name, cold, runs in scenarios:
        totals, plans, clones = [], [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory(prefix="bench-setup-") as tmp:
                workdir = Path(tmp)
                caches = {"UV_CACHE_DIR": str(workdir / "uv-cache"), "PIP_NO_CACHE_DIR": "1"} if cold else {}
                cloned, first, again = fresh_clone_plan(workdir, _clean_environment(caches))
                clones.append(cloned)
                totals.append(first)
                plans.append(again)
        print(f"\n{name}:")
        print(_line("git clone", clones))
        print(_line("make plan on the fresh clone (set-up included)", totals))
        print(_line("make plan again (set-up done: a no-op uv sync)", plans))
        print(_line("  so the set-up took", [t - p for t, p in zip(totals, plans, strict=True)]))
        verdict = "met" if statistics.median(totals) < TARGET_SECONDS else "MISSED"
        print(f"target: fresh clone's make plan under {TARGET_SECONDS:.0f} s: {verdict}")
    print(f"\nload average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
