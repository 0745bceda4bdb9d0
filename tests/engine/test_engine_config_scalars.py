"""Scalars under the real engine: the stack-file reader gives every value it accepts as the Pulumi CLI hands it to
the program, and refuses the ones the CLI would change (a whole-number float inside a mapping, which the program
gets as an integer; a plain date, which it gets rewritten as a time).

The CLI's ``pulumi config --json`` prints each key's ``value``: the string the engine passes to the program (a list
or mapping as JSON text, written by Go). Each scalar stands at the top level of a key and inside a mapping.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from azure_openai_guarded.guards.stackfile import StackFileError, parse_stack_text, read_stack_file
from tests.engine.harness import Engine

NAMESPACE = "probe"

SCALARS = [
    *("1.0", "2.00", "1e2", "-0.0", "0.0", "1.", "!!float 1", "1e20"),
    *("1.5", ".5", "-2.25", "1e-5", "1.5e-7", "123456.789", "1e21", "1.10"),
    *("12", "+12", "-0", "0x1F", "0o17", "20241120"),
    *("true", "True", "FALSE", "~", "null", ""),
    *("'1.0'", '"017"', "!!str 1", "text", "1:30", "2024-11-20-preview", "2024-13-40", "_1"),
    *("2024-11-20T10:00:00", "'2024-11-20'"),
]
DATES = ["2024-11-20", "2024-1-5", "2024-11-20T10:00:00Z", "2024-11-20t10:00:00.5+01:00", "2024-11-20 10:00:00"]


def stack_text(scalars: list[str]) -> str:
    lines = ["config:"]
    for i, scalar in enumerate(scalars):
        lines += [f"  {NAMESPACE}:top{i}: {scalar}", f"  {NAMESPACE}:nested{i}:", f"    v: {scalar}"]
    return "\n".join(lines) + "\n"


def reader_gives(scalar: str) -> tuple[Any, Any] | None:
    """The top-level and nested values the reader gives for ``scalar``, or None if it refuses it."""
    try:
        stack = parse_stack_text(stack_text([scalar]), Path(f"Pulumi.{NAMESPACE}.yaml"), NAMESPACE)
    except StackFileError:
        return None
    return stack.config["top0"], stack.config["nested0"]


def engine_gives(tmp_path: Path, scalars: list[str] = SCALARS) -> dict[str, str]:
    """Each key's value as the real CLI hands it to the program, for each of ``scalars``."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "Pulumi.yaml").write_text(f"name: {NAMESPACE}\nruntime: yaml\n", encoding="utf-8")
    (project / f"Pulumi.{NAMESPACE}.yaml").write_text(stack_text(scalars), encoding="utf-8")
    engine = Engine(tmp_path, project)
    engine.init(NAMESPACE)
    listed = engine.run("config", "--json", "--stack", NAMESPACE, check=True).json()
    assert isinstance(listed, dict)
    return {key.removeprefix(f"{NAMESPACE}:"): entry["value"] for key, entry in listed.items()}


def test_every_scalar_the_reader_accepts_is_the_value_the_engine_hands_the_program(tmp_path: Path) -> None:
    engine = engine_gives(tmp_path)
    read = {scalar: reader_gives(scalar) for scalar in SCALARS}

    for i, scalar in enumerate(SCALARS):
        given = read[scalar]
        if given is not None:
            top, nested = given
            assert top == engine[f"top{i}"], scalar
            assert json.loads(json.dumps(nested)) == json.loads(engine[f"nested{i}"]), scalar
    assert sum(given is not None for given in read.values()) > len(SCALARS) // 2


def test_the_engine_hands_the_program_a_whole_number_float_in_a_mapping_as_an_integer_which_the_reader_refuses(
    tmp_path: Path,
) -> None:
    engine = engine_gives(tmp_path)

    for i, scalar in enumerate(SCALARS[:8]):
        program_reads = json.loads(engine[f"nested{i}"])["v"]
        assert isinstance(program_reads, int), scalar
        assert reader_gives(scalar) is None, scalar


def test_the_engine_hands_the_program_a_plain_date_rewritten_as_a_time_which_the_reader_refuses(tmp_path: Path) -> None:
    engine = engine_gives(tmp_path, DATES)

    for i, scalar in enumerate(DATES):
        assert engine[f"top{i}"] != scalar
        assert json.loads(engine[f"nested{i}"])["v"] != scalar
        assert "+0" in engine[f"top{i}"], "a time with its zone"
        assert reader_gives(scalar) is None, scalar


def test_the_cli_hands_the_program_yaml_1_1_booleans_as_text_and_its_numbers_as_numbers(tmp_path: Path) -> None:
    # What the reader's message for such a scalar says of the CLI; the reader refuses them all.
    scalars = ["NO", "yes", "off", "017", "1_000", "0b1"]
    engine = engine_gives(tmp_path, scalars)

    assert [engine[f"top{i}"] for i in range(len(scalars))] == ["NO", "yes", "off", "15", "1000", "1"]
    assert all(reader_gives(scalar) is None for scalar in scalars)


def test_the_cli_reads_a_utf16_stack_file_with_its_byte_order_mark_as_the_reader_does(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    (project / "Pulumi.yaml").write_text(f"name: {NAMESPACE}\nruntime: yaml\n", encoding="utf-8")
    text = stack_text(["text", "12", "true"])
    (project / f"Pulumi.{NAMESPACE}.yaml").write_bytes("\ufeff".encode("utf-16-le") + text.encode("utf-16-le"))
    # Read before `stack init`, which rewrites the file as UTF-8.
    read = read_stack_file(project / f"Pulumi.{NAMESPACE}.yaml", NAMESPACE).config
    engine = Engine(tmp_path, project)
    engine.init(NAMESPACE)
    listed = engine.run("config", "--json", "--stack", NAMESPACE, check=True).json()

    given = {key.removeprefix(f"{NAMESPACE}:"): entry["value"] for key, entry in listed.items()}
    assert [read[f"top{i}"] for i in range(3)] == [given[f"top{i}"] for i in range(3)] == ["text", "12", "true"]
