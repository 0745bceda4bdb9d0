"""Benchmark of `pulumi preview` through the real engine: the dev stack against the same resources declared raw.

Prints figures; it is not a timed test. Needs the CLI (`make engine`); run from the repository root:

    .venv/bin/python bench/bench_engine.py [--rounds N]

The component program is this project's own, with stacks/Pulumi.dev.yaml: the guard decides, then
``AzureOpenAIService`` registers the account and its children. The raw program declares, with
``pulumi_azure_native`` classes, exactly the custom resources the engine registered for that stack (read from
one ``pulumi preview --json``), with the same inputs and the same dependencies, and nothing else: no guard, no
validation, no component. Both run through the real CLI, engine and Python SDK against the azure-native
stand-in (tests/engine/standin), in temporary copies of the project, with no policy pack.

The time is the wall time of one `pulumi preview` (CLI start, engine, language host, program, provider),
which is what a person waits for, with Python's bytecode cached by the warm-up preview as it is on a person's
second run. Each round runs both previews back to back, in alternating order; the overhead is the median of the
rounds' paired ratios, which drift in the machine's speed does not bias, and the medians of the times are shown
beside it, with the load average. Target (issue 9): the component and the guard add under 10 %.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from host import describe_host

from tests.engine.harness import Engine, copy_project, engine_versions, link_environments, pulumi_cli

TARGET_OVERHEAD = 0.10
STACK = "dev"

RAW_PROGRAM = '''\
"""The dev stack's Azure resources declared raw with pulumi_azure_native (bench/bench_engine.py writes this)."""

import importlib
import json
from pathlib import Path

import pulumi
import pulumi._types as types

UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
made: dict[str, pulumi.CustomResource] = {}
for r in json.loads(Path(__file__).with_name("resources.json").read_text()):
    _, module_name, class_name = r["type"].split(":")
    module = importlib.import_module("pulumi_azure_native." + module_name.replace("/", "."))
    python_names = {v: k for k, v in types.input_type_py_to_pulumi_names(getattr(module, class_name + "Args")).items()}
    kwargs = {}
    for key, value in r["inputs"].items():
        # A value the engine only knew after its dependency was created: take it from that resource.
        sources = [made[u] for u in r.get("propertyDependencies", {}).get(key, []) if u in made]
        kwargs[python_names[key]] = sources[0].id if value == UNKNOWN and sources else value
    depends_on = [made[u] for u in r.get("dependencies", []) if u in made]
    made[r["urn"]] = getattr(module, class_name)(
        r["name"], **kwargs, opts=pulumi.ResourceOptions(depends_on=depends_on)
    )
'''


def _urn_name(urn: str) -> str:
    return urn.rsplit("::", 1)[1]


def registered_resources(preview: dict[str, Any]) -> list[dict[str, Any]]:
    """The custom azure-native resources of a `pulumi preview --json`, in registration order."""
    resources = []
    for step in preview["steps"]:
        state = step["newState"]
        if state.get("custom") and state["type"].startswith("azure-native:"):
            resources.append(
                {
                    "urn": state["urn"],
                    "type": state["type"],
                    "name": _urn_name(state["urn"]),
                    "inputs": state.get("inputs", {}),
                    "dependencies": state.get("dependencies", []),
                    "propertyDependencies": state.get("propertyDependencies", {}),
                }
            )
    return resources


def _project(root: Path, name: str) -> Engine:
    project = copy_project(root / name)
    link_environments(project)
    engine = Engine(root / f"{name}-engine", project)
    # A person's second preview imports bytecode Python cached on the first; a shell that forbids writing it
    # (PYTHONDONTWRITEBYTECODE) would have every round compile both programs and their packages from source.
    engine.env.pop("PYTHONDONTWRITEBYTECODE", None)
    engine.init(STACK)
    return engine


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _preview(engine: Engine) -> tuple[float, float]:
    """The wall time of one preview, and the CPU time of every process it ran (the CLI, which waits for the
    engine's language host, program and plugins), which other work on the machine inflates less."""
    start, cpu_start = time.perf_counter(), _cpu_of_children()
    result = engine.run("preview", "--stack", STACK)
    elapsed, cpu = time.perf_counter() - start, _cpu_of_children() - cpu_start
    if result.code != 0:
        raise SystemExit(f"bench: pulumi preview failed in {engine.project}:\n{result.text}")
    return elapsed, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    if pulumi_cli() is None:
        raise SystemExit("bench: no Pulumi CLI; run `make engine` first")

    load_at_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-engine-") as tmp:
        root = Path(tmp)
        for sub in ("component-engine", "raw-engine"):
            (root / sub).mkdir()
        component = _project(root, "component")
        raw = _project(root, "raw")
        preview = component.run("preview", "--stack", STACK, "--json")
        if preview.code != 0:
            raise SystemExit(f"bench: pulumi preview --json of the dev stack failed:\n{preview.text}")
        resources = registered_resources(json.loads(preview.out))
        (raw.project / "resources.json").write_text(json.dumps(resources))
        (raw.project / "__main__.py").write_text(RAW_PROGRAM)
        # Each program once before timing: virtualenvs built, plugins and caches warm.
        _preview(component)
        _preview(raw)

        pairs: list[tuple[tuple[float, float], tuple[float, float]]] = []
        for i in range(args.rounds):
            if i % 2:
                raw_time, component_time = _preview(raw), _preview(component)
            else:
                component_time, raw_time = _preview(component), _preview(raw)
            pairs.append((component_time, raw_time))

    component_median = statistics.median(c[0] for c, _ in pairs)
    raw_median = statistics.median(r[0] for _, r in pairs)
    overhead = statistics.median(c[0] / r[0] for c, r in pairs) - 1
    component_cpu = statistics.median(c[1] for c, _ in pairs)
    raw_cpu = statistics.median(r[1] for _, r in pairs)
    cpu_overhead = statistics.median(c[1] / r[1] for c, r in pairs) - 1
    cli = subprocess.run([str(pulumi_cli()), "version"], capture_output=True, text=True, check=False).stdout.strip()
    versions = engine_versions()
    print(f"machine: {describe_host()}")
    print(f"load average (1 min): {load_at_start:.2f} at start, {os.getloadavg()[0]:.2f} at the end")
    print(f"engine: pulumi {cli} (pinned v{versions['PULUMI_VERSION']}), Python SDK {versions['PULUMI_PYTHON_SDK']}")
    print(f"`pulumi preview --stack {STACK}`, wall time, {args.rounds} paired rounds, alternating order:")
    print(f"  {len(resources)} azure-native resources")
    print(f"  raw pulumi_azure_native program:           median {raw_median:.2f} s")
    print(f"  program with the guard and the component: median {component_median:.2f} s")
    verdict = "within" if overhead < TARGET_OVERHEAD else "OVER"
    print(f"  overhead (median of paired ratios): {overhead:+.1%} ({verdict} the {TARGET_OVERHEAD:.0%} target)")
    print("CPU time of every process the preview ran (CLI, engine, language host, program, plugins):")
    print(f"  raw: median {raw_cpu:.2f} s; with the guard and the component: median {component_cpu:.2f} s")
    print(f"  overhead (median of paired ratios): {cpu_overhead:+.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
