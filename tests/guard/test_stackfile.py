"""Reading a stack file as Pulumi reads it: the project's namespace, lines for findings, and every way to break it.

Pulumi reads stack files with gopkg.in/yaml.v2, whose scalars still follow YAML 1.1 in places; the guard
reads them with YAML 1.2's core schema and refuses each plain scalar the two would read differently, so
that the checker never decides on a value the program would not see.
"""

from __future__ import annotations

import decimal
import json
import os
import signal
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from azure_openai_guarded.guards import stackfile
from azure_openai_guarded.guards.stackfile import (
    MAX_BYTES,
    StackFileError,
    is_near_miss,
    is_stack_file_name,
    parse_stack_text,
    read_stack_file,
    stack_name,
)


class PurePythonLoader(stackfile._Yaml12Resolution, yaml.SafeLoader):
    """The checker's YAML 1.2 rules on PyYAML's pure-Python parser, used where libyaml is missing."""


@pytest.fixture(autouse=True, params=["libyaml", "pure-python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test here runs on both parsers: they must read and reject the same files the same way."""
    if request.param == "pure-python":
        monkeypatch.setattr(stackfile, "_Yaml12Loader", PurePythonLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("this PyYAML has no libyaml; the checker falls back to the pure-Python parser")
    else:
        assert issubclass(stackfile._Yaml12Loader, yaml.CSafeLoader)
    return str(request.param)


STACK = """\
# A comment line
config:
  azure-native:location: eastus2
  azure-openai-guarded:guardProfile: terms
  azure-openai-guarded:service:
    cloud: public
  azure-openai-guarded:useCase:
    name: support-bot
    purpose: Answer questions.
    owner: team@example.com
    operator:
      sector: commercial
      country: 'NO'
    capabilities:
      - text_generation
      - facial_recognition
    facialRecognition:
      realtime: false
"""


def parse(text: str, name: str = "Pulumi.dev.yaml") -> stackfile.StackFile:
    return parse_stack_text(text, Path(name))


def problems_of(text: str) -> list[tuple[int, str]]:
    """Every problem as (line, text), text as the checker prints it."""
    with pytest.raises(StackFileError) as caught:
        parse(text)
    return list(zip(caught.value.problem_lines, (str(p) for p in caught.value.problems), strict=True))


def problem_of(text: str) -> str:
    [(_, problem)] = problems_of(text)
    return problem


def value_of(scalar: str) -> Any:
    """How a scalar reads inside a mapping, the value of a key of another namespace."""
    return parse(f"config:\n  other:key:\n    inner: {scalar}\n").other_config["other:key"]["inner"]


def test_the_projects_keys_are_read_without_their_namespace_and_other_namespaces_kept_apart() -> None:
    stack = parse(STACK)

    assert set(stack.config) == {"guardProfile", "service", "useCase"}
    assert stack.other_config == {"azure-native:location": "eastus2"}
    assert stack.stack == "dev"


# Scalars: the YAML 1.2 core schema


@pytest.mark.parametrize(
    ("scalar", "value"),
    [
        pytest.param("1:30", "1:30", id="sexagesimal-is-text"),
        pytest.param("1:30:00", "1:30:00", id="sexagesimal-time-is-text"),
        pytest.param("=", "=", id="yaml-1.1-value-key-is-text"),
        pytest.param("2024-13-40", "2024-13-40", id="impossible-date-is-text"),
        pytest.param("2024-11-20-preview", "2024-11-20-preview", id="dated-name-is-text"),
        pytest.param("2024-11-20T10:00:00", "2024-11-20T10:00:00", id="time-without-zone-is-text"),
        pytest.param("true", True, id="true"),
        pytest.param("True", True, id="True"),
        pytest.param("TRUE", True, id="TRUE"),
        pytest.param("false", False, id="false"),
        pytest.param("FALSE", False, id="FALSE"),
        pytest.param("tRUE", "tRUE", id="mixed-case-true-is-text"),
        pytest.param("12", 12, id="decimal"),
        pytest.param("-0", 0, id="negative-zero"),
        pytest.param("+12", 12, id="signed-decimal"),
        pytest.param("0o17", 15, id="octal-1.2"),
        pytest.param("0x1F", 31, id="hex"),
        pytest.param("1.5", 1.5, id="float"),
        pytest.param("1e-3", 0.001, id="exponent-without-dot"),
        pytest.param(".5", 0.5, id="leading-dot"),
        pytest.param("+.5", 0.5, id="signed-leading-dot"),
        pytest.param("~", None, id="tilde"),
        pytest.param("null", None, id="null"),
        pytest.param("", None, id="empty"),
        pytest.param("'no'", "no", id="quoted-no"),
        pytest.param('"017"', "017", id="quoted-leading-zero"),
        pytest.param("!!str 1", "1", id="explicit-str"),
        pytest.param("!!int 5", 5, id="explicit-int"),
        pytest.param("!!float 1.5", 1.5, id="explicit-float"),
        pytest.param("!!bool true", True, id="explicit-bool"),
        pytest.param("<<", "<<", id="merge-sign-as-a-value-is-text"),
        pytest.param("Norway", "Norway", id="plain-text"),
    ],
)
def test_scalars_are_read_as_yaml_1_2_reads_them(scalar: str, value: Any) -> None:
    read = value_of(scalar)

    assert (type(read), read) == (type(value), value)


def test_a_quoted_date_like_model_version_stays_a_string() -> None:
    text = "config:\n  azure-openai-guarded:service:\n    version: '2024-11-20'\n"

    assert parse(text).config["service"]["version"] == "2024-11-20"


@pytest.mark.parametrize(
    "scalar",
    [
        "2024-11-20",
        "2024-1-5",
        "2024-02-29",
        "2024-11-20T10:00:00Z",
        "2001-12-14t21:59:43.10-05:00",
        "2024-11-20 10:00:00",
    ],
)
def test_a_plain_date_is_an_error_asking_for_quotes_since_pulumi_hands_the_program_a_time(scalar: str) -> None:
    problem = problem_of(f"config:\n  azure-openai-guarded:service:\n    version: {scalar}\n")

    assert problem.startswith(f"azure-openai-guarded:service.version: `{scalar}` is text to YAML 1.2 and a date ")
    assert problem.endswith(f"write '{scalar}' in quotes")


@pytest.mark.parametrize(
    "scalar",
    [
        *("no", "No", "NO", "n", "N", "off", "Off", "OFF", "on", "ON", "yes", "Yes", "YES", "y", "Y"),
        *("017", "09", "-012", "1_000", "1_0.5", "0b101", "0B1", "0X1F", "-0x1F", "+0o7"),
    ],
)
def test_a_plain_scalar_readers_take_for_different_values_is_an_error_asking_for_quotes(scalar: str) -> None:
    problem = problem_of(
        f"config:\n  azure-openai-guarded:useCase:\n    facialRecognition:\n      realtime: {scalar}\n"
    )

    assert problem.startswith(f"azure-openai-guarded:useCase.facialRecognition.realtime: `{scalar}` is ")
    assert f"write '{scalar}' in quotes" in problem


def test_norway_must_be_quoted_since_yaml_1_1_readers_take_a_plain_no_for_false() -> None:
    problem = problem_of(STACK.replace("country: 'NO'", "country: NO"))

    assert problem.startswith("azure-openai-guarded:useCase.operator.country: `NO` is a boolean to YAML 1.1 readers")


# Whole-number floats: Pulumi passes a list or mapping to the program as JSON written by Go, which writes 1.0 as 1


def go_json_number(number: float) -> str:
    """How Go's encoding/json writes a float64: shortest digits, with an exponent only below 1e-6 or from 1e21 on
    (``strconv.FormatFloat(f, 'e' or 'f', -1, 64)``), so a whole number has no decimal point."""
    if number != 0 and not 1e-6 <= abs(number) < 1e21:
        return repr(number)
    return format(decimal.Decimal(repr(number)).normalize(), "f")


@pytest.mark.parametrize(
    ("scalar", "integer"),
    [
        pytest.param("1.0", 1, id="point-zero"),
        pytest.param("2.00", 2, id="point-zeros"),
        pytest.param("1e2", 100, id="exponent"),
        pytest.param("1.5e1", 15, id="fraction-times-exponent"),
        pytest.param("-0.0", 0, id="negative-zero"),
        pytest.param("-3.", -3, id="trailing-dot"),
        pytest.param("!!float 3", 3, id="explicit-float"),
    ],
)
def test_a_whole_number_float_inside_structured_config_is_an_error_asking_for_the_integer(
    scalar: str, integer: int
) -> None:
    service = "config:\n  azure-openai-guarded:service:\n    deployments:\n      - name: chat\n"
    text = f"{service}        capacity: {scalar}\n"
    shown = scalar.removeprefix("!!float ")

    assert problems_of(text) == [
        (
            5,
            f"azure-openai-guarded:service.deployments[0].capacity: `{shown}` is a whole number, which the program "
            f"reads as the integer {integer} (Pulumi passes structured config as JSON, where Go writes {shown} as "
            f"{integer}); write the integer, `capacity: {integer}`",
        )
    ]


def test_a_whole_number_float_in_a_list_and_in_another_namespace_is_an_error_too() -> None:
    problems = problems_of("config:\n  other:sizes: [1.5, 4.0]\n")

    assert [line for line, _ in problems] == [2]
    assert problems[0][1].startswith("`other:sizes[1]`: `4.0` is a whole number")
    assert problems[0][1].endswith("write the integer, `4`")


def test_a_whole_number_float_past_64_bits_is_an_error_naming_the_limit() -> None:
    problem = problem_of("config:\n  other:key:\n    size: 1e20\n")

    assert "reads as the integer 100000000000000000000" in problem
    assert problem.endswith("too large for Pulumi's config, which holds 64-bit integers")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.floats(allow_nan=False, allow_infinity=False))
def test_a_float_in_structured_config_is_read_exactly_when_the_program_would_read_the_same_float(
    number: float,
) -> None:
    text = f"config:\n  other:key:\n    size: {number!r}\n"
    program_reads = json.loads(go_json_number(number))

    if isinstance(program_reads, float):
        assert value_of(repr(number)) == program_reads
    else:
        assert "is a whole number, which the program reads as the integer" in problem_of(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(number=st.floats(allow_nan=False, allow_infinity=False))
def test_a_top_level_float_is_the_number_go_writes_for_it(number: float) -> None:
    read = parse(f"config:\n  other:key: {number!r}\n").other_config["other:key"]
    go_wrote = json.loads(go_json_number(number))

    assert isinstance(read, str)
    assert (type(json.loads(read)), json.loads(read)) == (type(go_wrote), go_wrote)


@pytest.mark.parametrize(
    ("scalar", "text"),
    [
        pytest.param("1.0", "1", id="whole-float"),
        pytest.param("1e2", "100", id="exponent"),
        pytest.param("-0.0", "0", id="negative-zero"),
        pytest.param(".5", "0.5", id="fraction"),
        pytest.param("1e-5", "0.00001", id="small"),
        pytest.param("1.5e-7", "1.5e-7", id="tiny"),
        pytest.param("1e21", "1e+21", id="huge"),
        pytest.param("0x1F", "31", id="hex"),
        pytest.param("+12", "12", id="integer"),
        pytest.param("True", "true", id="boolean"),
        pytest.param("!!float 1", "1", id="explicit-float"),
        pytest.param("'1.0'", "1.0", id="quoted"),
        pytest.param("~", "", id="null"),
        pytest.param("", "", id="empty"),
    ],
)
def test_a_top_level_config_scalar_is_the_string_pulumi_hands_the_program(scalar: str, text: str) -> None:
    stack = parse(f"config:\n  azure-openai-guarded:guardProfile: {scalar}\n  other:key: {scalar}\n")

    assert (stack.config["guardProfile"], stack.other_config["other:key"]) == (text, text)


@pytest.mark.parametrize(
    ("scalar", "says"),
    [
        pytest.param("!!binary aGVsbG8=", "unsupported tag !!binary", id="binary"),
        pytest.param("!!timestamp 2024-01-01", "unsupported tag !!timestamp", id="timestamp"),
        pytest.param("!!set {a, b}", "unsupported tag !!set", id="set"),
        pytest.param("!!omap [a: 1]", "unsupported tag !!omap", id="omap"),
        pytest.param("!!pairs [a: 1]", "unsupported tag !!pairs", id="pairs"),
        pytest.param("!!value x", "unsupported tag !!value", id="value"),
        pytest.param("!!python/object:os.system {}", "unsupported tag !!python/object:os.system", id="python"),
        pytest.param("!custom x", "unsupported tag !custom", id="local-tag"),
        pytest.param("!!int 017", "`017` is not a YAML 1.2 !!int", id="int-1.1-octal"),
        pytest.param("!!bool yes", "`yes` is not a YAML 1.2 !!bool", id="bool-yes"),
        pytest.param("!!float abc", "`abc` is not a YAML 1.2 !!float", id="float-text"),
        pytest.param("!!null x", "`x` is not a YAML 1.2 !!null", id="null-text"),
        pytest.param(".inf", "not a finite number", id="infinity"),
        pytest.param("-.Inf", "not a finite number", id="negative-infinity"),
        pytest.param(".NaN", "not a finite number", id="nan"),
        pytest.param(str(2**63), "too large for Pulumi's config", id="past-int64"),
    ],
)
@pytest.mark.parametrize(
    ("key", "where"),
    [
        pytest.param("azure-native:location", "`azure-native:location`: ", id="other-namespace"),
        pytest.param("azure-openai-guarded:guardProfile", "azure-openai-guarded:guardProfile: ", id="project-key"),
    ],
)
def test_a_value_that_is_not_text_a_number_a_boolean_or_null_is_an_error_in_any_config_key(
    scalar: str, says: str, key: str, where: str
) -> None:
    problem = problem_of(f"config:\n  {key}: {scalar}\n")

    assert problem.startswith(where)
    assert says in problem


def test_a_bad_tag_deep_inside_the_declaration_is_reported_at_its_path_and_line() -> None:
    text = STACK.replace("realtime: false", "realtime: false\n      cameras: [fixed, !!binary Zm9v]")

    assert problems_of(text) == [
        (
            19,
            "azure-openai-guarded:useCase.facialRecognition.cameras[1]: unsupported tag !!binary: "
            "stack values are text, numbers, true/false, lists or mappings",
        )
    ]


# Repeated keys, at any depth


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        pytest.param("config: {}\nconfig: {}\n", 2, "`config`: repeated key (first on line 1)", id="top-level"),
        pytest.param(
            "config:\n  azure-openai-guarded:guardProfile: strict\n  azure-openai-guarded:guardProfile: terms\n",
            3,
            "azure-openai-guarded:guardProfile: repeated key (first on line 2)",
            id="config-key",
        ),
        pytest.param(
            "config:\n  azure-openai-guarded:useCase:\n    capabilities: [facial_recognition]\n"
            "    capabilities: [text_generation]\n",
            4,
            "azure-openai-guarded:useCase.capabilities: repeated key (first on line 3)",
            id="nested-key-cannot-hide-a-capability",
        ),
        pytest.param(
            "config:\n  azure-openai-guarded:useCase:\n    operator: {sector: law_enforcement, country: US,"
            " sector: commercial}\n",
            3,
            "azure-openai-guarded:useCase.operator.sector: repeated key (first on line 3)",
            id="flow-mapping",
        ),
        pytest.param(
            "config:\n  azure-openai-guarded:useCase:\n    servedParties:\n      - country: US\n        country: GB\n",
            5,
            "azure-openai-guarded:useCase.servedParties[0].country: repeated key (first on line 4)",
            id="inside-a-list-item",
        ),
        pytest.param(
            "config:\n  azure-native:tags:\n    env: a\n    env: b\n",
            4,
            "`azure-native:tags.env`: repeated key (first on line 3)",
            id="other-namespace",
        ),
        pytest.param(
            "config:\n  azure-openai-guarded:useCase: {}\n  azure-openai-guarded:config:useCase: {}\n",
            3,
            "azure-openai-guarded:config:useCase`: repeated key: `azure-openai-guarded:useCase` and "
            "`azure-openai-guarded:config:useCase` are the same key to Pulumi",
            id="pulumis-legacy-key-form",
        ),
        pytest.param(
            "config:\n  ? azure-openai-guarded:guardProfile\n  : strict\n"
            '  "azure-openai-guarded:guardProfile": terms\n',
            4,
            "azure-openai-guarded:guardProfile: repeated key (first on line 2)",
            id="quoted-and-complex-key",
        ),
    ],
)
def test_a_repeated_key_anywhere_in_the_file_is_an_error_at_its_line(text: str, line: int, says: str) -> None:
    [(at, problem)] = problems_of(text)

    assert at == line
    assert says in problem


def test_every_repeated_key_is_reported_at_once() -> None:
    text = (
        "config:\n  azure-openai-guarded:useCase:\n    name: a\n    name: b\n    operator:\n"
        "      country: US\n      country: GB\n  azure-native:location: x\n  azure-native:location: y\n"
    )

    assert [line for line, _ in problems_of(text)] == [4, 7, 9]


@pytest.mark.parametrize("key", ["1", "true", "null", "~", "1.5"])
def test_a_key_that_is_not_text_is_an_error_since_pulumi_would_turn_it_into_text(key: str) -> None:
    problem = problem_of(f"config:\n  azure-native:tags:\n    {key}: a\n")

    assert problem == (f"`azure-native:tags`: the key `{key}` is not text; quote it (Pulumi turns such keys into text)")


def test_a_number_and_the_same_number_quoted_are_one_key() -> None:
    problems = problems_of("config:\n  azure-native:tags: {'1': a, '1': b}\n")

    assert [p for _, p in problems] == ["`azure-native:tags.1`: repeated key (first on line 2); write it once"]


# Merge keys: read as Pulumi's yaml.v2 reads them, when every reader agrees on the result


def test_a_merge_key_brings_in_the_keys_of_an_anchored_mapping() -> None:
    text = (
        "party: &party {sector: commercial, country: US}\nconfig:\n  azure-openai-guarded:useCase:\n"
        "    operator:\n      <<: *party\n    servedParties:\n      - <<: [*party]\n"
    )

    use_case = parse(text).config["useCase"]

    assert use_case["operator"] == use_case["servedParties"][0] == {"sector": "commercial", "country": "US"}


def test_two_merged_mappings_and_written_keys_combine_when_no_key_is_given_twice() -> None:
    text = "a: &a {realtime: false}\nb: &b {environment: controlled}\nconfig:\n  other:key:\n"
    text += "    <<: [*a, *b]\n    cameras: [fixed]\n"

    assert parse(text).other_config["other:key"] == {
        "realtime": False,
        "environment": "controlled",
        "cameras": ["fixed"],
    }


@pytest.mark.parametrize(
    "mapping",
    [
        pytest.param("{realtime: true, <<: *safe}", id="written-before-the-merge"),
        pytest.param("{<<: *safe, realtime: true}", id="written-after-the-merge"),
        pytest.param("{<<: [*safe, *safe2]}", id="two-merged-mappings"),
    ],
)
def test_a_key_both_merged_and_given_again_is_a_repeated_key_as_readers_disagree_on_which_wins(mapping: str) -> None:
    # The YAML spec lets the written key win; Pulumi's yaml.v2 lets whichever comes later win.
    # An anchor no alias repeats is an unread top-level key, so the second one is written only where merged.
    text = "safe: &safe {realtime: false}\n" + ("safe2: &safe2 {realtime: true}\n" if "*safe2" in mapping else "")
    text += "config:\n"
    text += f"  azure-openai-guarded:useCase:\n    facialRecognition: {mapping}\n"

    [(line, problem)] = problems_of(text)

    assert problem.startswith("azure-openai-guarded:useCase.facialRecognition.realtime: repeated key: merged by `<<`")
    assert line in (1, 2, 5)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        pytest.param("config:\n  other:key: {<<: 1}\n", "must be a mapping or a list of mappings", id="scalar"),
        pytest.param(
            "config:\n  other:key: {<<: [1]}\n", "must be a mapping or a list of mappings", id="list-of-scalars"
        ),
        pytest.param("config:\n  other:key: {'<<': 1}\n", "a quoted `<<` key", id="quoted-merge-key"),
        pytest.param("config: &loop\n  <<: *loop\n", "a mapping into itself", id="merge-into-itself"),
    ],
)
def test_a_merge_key_that_cannot_be_read_one_way_is_an_error(text: str, says: str) -> None:
    assert says in problem_of(text)


# Pulumi's config keys


@pytest.mark.parametrize(
    "namespace",
    [
        "azure-openai-guard",  # two letters short
        "Azure-OpenAI-Guarded",  # letter case
        "AZURE-OPENAI-GUARDED",
        "azure_openai_guarded",  # separators
        "azure.openai.guarded",
        "azureopenaiguarded",
        "azure-openai guarded",
        "azure-openai-guardd",  # one letter dropped
        "azure-opeani-guarded",  # two letters swapped
        "azure-openai-guarded-",
        "azure-оpenai-guarded",  # a Cyrillic о
        "ａｚｕｒｅ-openai-guarded",  # full-width letters
        "",  # no namespace before the colon
        " ",
    ],
)
def test_a_near_miss_of_the_projects_namespace_is_an_error_that_suggests_the_right_key(namespace: str) -> None:
    problem = problem_of(f"config:\n  '{namespace}:guardProfile': strict\n")

    assert problem == (
        f"`{namespace}:guardProfile`: config key `{namespace}:guardProfile` is not in this project's namespace; "
        "did you mean `azure-openai-guarded:guardProfile`?"
    )


@pytest.mark.parametrize(
    "namespace",
    [
        "azure-native",
        "azure",
        "azuread",
        "azure-openai",  # another package's name, far from this project's
        "azure-openai-guardrails",
        "pulumi",
        "kubernetes",
        "random",
        "tls",
        "my-app",
    ],
)
def test_other_packages_namespaces_stay_allowed(namespace: str) -> None:
    assert not is_near_miss(namespace)
    assert parse(f"config:\n  {namespace}:setting: x\n").other_config == {f"{namespace}:setting": "x"}


def test_the_projects_own_namespace_is_not_a_near_miss() -> None:
    assert not is_near_miss("azure-openai-guarded")


def test_pulumis_legacy_namespace_config_name_form_is_the_same_key() -> None:
    stack = parse("config:\n  azure-openai-guarded:config:guardProfile: strict\n  azure-native:config:location: x\n")

    assert stack.config == {"guardProfile": "strict"}
    assert stack.other_config == {"azure-native:location": "x"}


def test_a_key_pulumi_cannot_parse_is_an_error() -> None:
    assert problem_of("config:\n  a:b:c: x\n") == "`a:b:c`: `a:b:c` is not a Pulumi config key: write `namespace:name`"


def test_every_key_without_a_namespace_is_reported_at_once() -> None:
    problems = problems_of("config:\n  useCase: {}\n  service: {}\n")

    assert [p.split("`")[3] for _, p in problems] == ["useCase", "service"]
    assert "did you mean `azure-openai-guarded:useCase`" in problems[0][1]


# Top-level keys


def test_pulumi_esc_environments_are_an_error_since_the_guard_cannot_see_their_config() -> None:
    problem = problem_of("environment:\n  - shared/azure\nconfig:\n  azure-openai-guarded:guardProfile: terms\n")

    assert problem.startswith("`environment`: imports Pulumi ESC environments")


@pytest.mark.parametrize("key", ["Config", "confg", "configs", "secretprovider"])
def test_a_top_level_key_that_is_a_near_miss_of_pulumis_is_an_error(key: str) -> None:
    assert f"`{key}`: unknown top-level key; did you mean `" in problem_of(f"{key}:\n  a:b: c\n")


@pytest.mark.parametrize(
    "text",
    [
        "notes: NYPD live body-camera face matching pilot\nconfig:\n  a:b: c\n",
        "owner:\n  team: the sheriff's office\nconfig:\n  a:b: c\n",
        # An anchor that only another unread key repeats is still unread.
        "held: &said NYPD pilot\nnotes: *said\nconfig:\n  a:b: c\n",
    ],
)
def test_a_top_level_key_pulumi_ignores_is_an_error_unless_it_holds_anchors_config_repeats(text: str) -> None:
    # Pulumi ignores it, so a note there is read by no one (review R22).
    assert "unknown top-level key; a stack file holds only `config`" in problem_of(text)


def test_pulumis_other_top_level_keys_and_a_key_holding_anchors_are_read() -> None:
    text = "secretsprovider: passphrase\nencryptionsalt: v1:abc\nanchors:\n  loc: &loc eastus2\n"
    text += "config:\n  azure-native:location: *loc\n"

    assert parse(text).other_config == {"azure-native:location": "eastus2"}


# Lines and names


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("guardProfile", 4),
        ("service", 5),
        ("service.cloud", 6),
        ("useCase.operator.country", 13),
        ("useCase.capabilities", 14),
        ("useCase.capabilities[1]", 16),
        ("useCase.facialRecognition.realtime", 18),
        # An undeclared path points at its nearest declared parent.
        ("useCase.facialRecognition.cameras", 17),
        ("useCase.servedParties[0]", 7),
        ("", 2),
    ],
)
def test_every_config_path_knows_its_line(path: str, line: int) -> None:
    assert parse(STACK).line_of(path) == line


@pytest.mark.parametrize(
    ("name", "stack"),
    [
        ("Pulumi.dev.yaml", "dev"),
        ("Pulumi.prod-eu.yml", "prod-eu"),
        ("Pulumi.a.b.yaml", "a.b"),
        ("pulumi.dev.yaml", "dev"),
        ("Pulumi.dev.YAML", "dev"),
        ("PULUMI.Dev.YML", "Dev"),
        ("custom.yaml", "custom"),
    ],
)
def test_the_stack_is_named_from_the_file_name_in_any_letter_case(name: str, stack: str) -> None:
    assert stack_name(Path(name)) == stack


@pytest.mark.parametrize(
    ("name", "is_stack_file"),
    [
        ("Pulumi.dev.yaml", True),
        ("pulumi.dev.yaml", True),
        ("Pulumi.dev.YAML", True),
        ("Pulumi.dev.yml", True),
        ("Pulumi.yaml", False),
        ("pulumi.YAML", False),
        ("Pulumi..yaml", False),
        ("notes.yaml", False),
        ("Pulumi.dev.json", False),
    ],
)
def test_stack_files_are_pulumi_dot_stack_dot_yaml_in_any_letter_case(name: str, is_stack_file: bool) -> None:
    assert is_stack_file_name(name) is is_stack_file


# Broken files


def test_an_empty_file_and_an_empty_config_give_an_empty_declaration() -> None:
    assert parse("").config == {}
    assert parse("config:\n").config == {}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        pytest.param("config: [unclosed\n", "not valid YAML: line 2", id="unclosed-flow"),
        pytest.param("config:\n  a: b\n c: d\n", "not valid YAML: line 3", id="bad-indent"),
        pytest.param("config:\n\tazure-openai-guarded:useCase: {}\n", "not valid YAML", id="tab-indent"),
        pytest.param("a: 1\n---\nb: 2\n", "not valid YAML", id="two-documents"),
        pytest.param("config:\n  x: \x00\n", "not valid YAML", id="nul-character"),
        pytest.param("- config\n", "must be a YAML mapping", id="list-document"),
        pytest.param("just text\n", "must be a YAML mapping", id="scalar-document"),
        pytest.param("config: [a, b]\n", "`config:` must be a mapping", id="config-list"),
        pytest.param("config: 42\n", "`config:` must be a mapping", id="config-scalar"),
        pytest.param("config:\n  ? [a, b]\n  : c\n", "found a list or mapping as a key", id="list-key"),
        pytest.param("config: {{a: 1}: 2}\n", "found a list or mapping as a key", id="mapping-key"),
        pytest.param("config: &loop\n  x: *loop\n", "alias that contains itself", id="recursive-alias"),
        pytest.param("config: &loop [*loop]\n", "alias that contains itself", id="recursive-alias-list"),
        pytest.param("config: " + "[" * 5000 + "]" * 5000 + "\n", "nest", id="deep-nesting"),
        pytest.param("config:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 1500)), "nest", id="deep-block"),
        pytest.param("config:\n  x: *nowhere\n", "not valid YAML", id="undefined-alias"),
    ],
)
def test_a_broken_stack_file_is_one_clear_problem_never_an_exception(text: str, says: str) -> None:
    assert says in problem_of(text)


def test_an_alias_bomb_stops_at_once() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    lines.append("config: {azure-openai-guarded:useCase: *a8}")

    assert "more than 100000 values" in problem_of("\n".join(lines) + "\n")


def test_an_alias_used_twice_is_fine() -> None:
    text = "party: &p {sector: commercial, country: US}\nconfig:\n  azure-openai-guarded:useCase:\n"
    text += "    operator: *p\n    servedParties: [*p]\n"

    use_case = parse(text).config["useCase"]

    assert use_case["operator"] == use_case["servedParties"][0] == {"sector": "commercial", "country": "US"}


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        pytest.param(b"\x80garbage\xff", "UTF-8", id="not-utf8"),
        pytest.param(bytes(range(256)), "UTF-8", id="every-byte"),
        pytest.param(b"\xff\xfe\x00garbage\x80", "UTF-16", id="a-utf16-mark-before-no-utf16"),
    ],
)
def test_a_file_that_is_not_text_is_a_problem(tmp_path: Path, content: bytes, encoding: str) -> None:
    path = tmp_path / "Pulumi.bin.yaml"
    path.write_bytes(content)

    with pytest.raises(StackFileError) as caught:
        read_stack_file(path)

    assert f"cannot read the file: not {encoding} text" in str(caught.value)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_a_utf16_file_with_its_byte_order_mark_is_read_as_the_cli_reads_it(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "Pulumi.wide.yaml"
    path.write_bytes("\ufeff".encode(encoding) + STACK.encode(encoding))

    assert read_stack_file(path).config == parse_stack_text(STACK, path).config


def test_a_utf8_byte_order_mark_and_windows_line_endings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "Pulumi.win.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + STACK.replace("\n", "\r\n").encode())

    stack = read_stack_file(path)

    assert stack.config["useCase"]["name"] == "support-bot"
    assert stack.line_of("useCase.operator.country") == 13


# Hostile files: refused before they are read, never a hang or an unbounded read


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail, instead of hanging the suite, if reading blocks (as opening a FIFO for reading would)."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError("reading the file blocked")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(10)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _device_link(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _null_link(path: Path) -> None:
    path.symlink_to("/dev/null")


def _folder(path: Path) -> None:
    path.mkdir()


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def _dangling(path: Path) -> None:
    path.symlink_to("nowhere.yaml")


@pytest.mark.usefixtures("no_hang")
@pytest.mark.parametrize(
    ("make", "says"),
    [
        pytest.param(_fifo, "it is a FIFO (named pipe), not a regular file", id="fifo"),
        pytest.param(_device_link, "it is a character device, not a regular file", id="link-to-dev-zero"),
        pytest.param(_null_link, "it is a character device, not a regular file", id="link-to-dev-null"),
        pytest.param(_folder, "it is a folder, not a regular file", id="folder"),
        pytest.param(_socket, "it is a socket, not a regular file", id="socket"),
        pytest.param(_loop, "a symbolic link loop (or a chain of links too long to follow)", id="symlink-loop"),
        pytest.param(_dangling, "no such file or folder (or a symbolic link to one that is missing)", id="dangling"),
    ],
)
def test_anything_but_a_regular_file_is_refused_with_its_kind(tmp_path: Path, make: Any, says: str) -> None:
    path = tmp_path / "Pulumi.hostile.yaml"
    make(path)

    with pytest.raises(StackFileError) as caught:
        read_stack_file(path)

    assert str(caught.value) == f"cannot read the file: {says}"


def test_a_link_to_a_regular_stack_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.yaml").write_text(STACK)
    (tmp_path / "Pulumi.dev.yaml").symlink_to("real.yaml")

    assert read_stack_file(tmp_path / "Pulumi.dev.yaml").config["useCase"]["name"] == "support-bot"


def test_a_file_larger_than_the_cap_is_refused_and_one_at_the_cap_is_read(tmp_path: Path) -> None:
    at_cap = tmp_path / "Pulumi.big.yaml"
    padding = "#" * 99 + "\n"
    at_cap.write_text(STACK + padding * ((MAX_BYTES - len(STACK)) // len(padding)))
    over = tmp_path / "Pulumi.huge.yaml"
    over.write_bytes(at_cap.read_bytes() + b"#" * (MAX_BYTES + 1 - at_cap.stat().st_size))

    assert read_stack_file(at_cap).stack == "big"
    with pytest.raises(StackFileError) as caught:
        read_stack_file(over)
    assert "larger than 1024 KiB" in str(caught.value)


# Both parsers, one reading


def _outcome(loader: type, text: str) -> tuple[str, Any]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(stackfile, "_Yaml12Loader", loader)
        try:
            return "read", parse(text).other_config
        except StackFileError as error:
            # Syntax errors are worded by each parser; what must agree is that the text is refused, and why.
            return "refused", [
                p.message if "not valid YAML" not in p.message else "not valid YAML" for p in error.problems
            ]


@pytest.mark.skipif(not yaml.__with_libyaml__, reason="this PyYAML has no libyaml")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(scalar=st.text(alphabet="0123456789+-._:eExXoObBnNyYtTfFaA~<! ", min_size=0, max_size=8))
def test_libyaml_and_the_pure_python_parser_read_or_refuse_every_plain_scalar_alike(scalar: str) -> None:
    text = f"config:\n  other:key: {scalar}\n  other:list: [{scalar}]\n"

    assert _outcome(stackfile._Yaml12Loader, text) == _outcome(PurePythonLoader, text)
