"""Reading a stack file as Pulumi reads it: the project's namespace, lines for findings, and every way to break it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards import stackfile
from azure_openai_guarded.guards.stackfile import StackFileError, parse_stack_text, read_stack_file, stack_name


class PurePythonLoader(yaml.SafeLoader):
    """The checker's YAML 1.2 rules on PyYAML's pure-Python parser, used where libyaml is missing."""

    yaml_implicit_resolvers = stackfile._Yaml12Loader.yaml_implicit_resolvers


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
      country: NO
    capabilities:
      - text_generation
      - facial_recognition
    facialRecognition:
      realtime: false
"""


def parse(text: str, name: str = "Pulumi.dev.yaml") -> object:
    return parse_stack_text(text, Path(name))


def problem_of(text: str) -> str:
    with pytest.raises(StackFileError) as caught:
        parse_stack_text(text, Path("Pulumi.dev.yaml"))
    [problem] = caught.value.problems
    return problem.message


def test_the_projects_keys_are_read_without_their_namespace_and_other_namespaces_kept_apart() -> None:
    stack = parse_stack_text(STACK, Path("Pulumi.dev.yaml"))

    assert set(stack.config) == {"guardProfile", "service", "useCase"}
    assert stack.other_config == {"azure-native:location": "eastus2"}
    assert stack.stack == "dev"


def test_scalars_follow_yaml_1_2_so_norway_stays_a_country_and_only_true_false_are_booleans() -> None:
    text = STACK.replace("realtime: false", "realtime: false\n      environment: off")
    use_case = parse_stack_text(text, Path("Pulumi.dev.yaml")).config["useCase"]

    assert use_case["operator"]["country"] == "NO"
    assert use_case["facialRecognition"] == {"realtime": False, "environment": "off"}


def test_a_date_like_model_version_stays_a_string() -> None:
    text = "config:\n  azure-openai-guarded:service:\n    version: 2024-11-20\n"

    assert parse_stack_text(text, Path("Pulumi.x.yaml")).config["service"]["version"] == "2024-11-20"


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
    assert parse_stack_text(STACK, Path("Pulumi.dev.yaml")).line_of(path) == line


@pytest.mark.parametrize(
    ("name", "stack"),
    [
        ("Pulumi.dev.yaml", "dev"),
        ("Pulumi.prod-eu.yml", "prod-eu"),
        ("Pulumi.a.b.yaml", "a.b"),
        ("custom.yaml", "custom"),
    ],
)
def test_the_stack_is_named_from_the_file_name(name: str, stack: str) -> None:
    assert stack_name(Path(name)) == stack


def test_an_empty_file_and_an_empty_config_give_an_empty_declaration() -> None:
    assert parse_stack_text("", Path("Pulumi.a.yaml")).config == {}
    assert parse_stack_text("config:\n", Path("Pulumi.a.yaml")).config == {}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        pytest.param("config: [unclosed\n", "not valid YAML: line 2", id="unclosed-flow"),
        pytest.param("config:\n  a: b\n c: d\n", "not valid YAML: line 3", id="bad-indent"),
        pytest.param("config:\n\tazure-openai-guarded:useCase: {}\n", "not valid YAML", id="tab-indent"),
        pytest.param("a: 1\n---\nb: 2\n", "not valid YAML", id="two-documents"),
        pytest.param("config: !!python/object:os.system {}\n", "not valid YAML", id="unsafe-tag"),
        pytest.param("config:\n  x: \x00\n", "not valid YAML", id="nul-character"),
        pytest.param("config: !!set {a, b}\n", "unsupported tag 'tag:yaml.org,2002:set'", id="set-tag"),
        pytest.param("- config\n", "must be a YAML mapping", id="list-document"),
        pytest.param("just text\n", "must be a YAML mapping", id="scalar-document"),
        pytest.param("config: [a, b]\n", "`config:` must be a mapping", id="config-list"),
        pytest.param("config: 42\n", "`config:` must be a mapping", id="config-scalar"),
        pytest.param("config:\n  useCase: {}\n", "did you mean `azure-openai-guarded:useCase`", id="no-namespace"),
        pytest.param(
            "config:\n  azure-openai-guarded:guardProfile: strict\n  azure-openai-guarded:guardProfile: terms\n",
            "line 3, column 3: found duplicate key 'azure-openai-guarded:guardProfile'",
            id="duplicate-key",
        ),
        pytest.param(
            "config:\n  azure-openai-guarded:useCase:\n    capabilities: [facial_recognition]\n"
            "    capabilities: [text_generation]\n",
            "line 4, column 5: found duplicate key 'capabilities'",
            id="duplicate-nested-key-cannot-hide-a-capability",
        ),
        pytest.param(
            "config:\n  ? [a, b]\n  : c\n", "line 2, column 5: found a list or mapping as a key", id="list-key"
        ),
        pytest.param("config: {{a: 1}: 2}\n", "found a list or mapping as a key", id="mapping-key"),
        pytest.param("config: &loop\n  x: *loop\n", "alias that contains itself", id="recursive-alias"),
        pytest.param("config: &loop [*loop]\n", "alias that contains itself", id="recursive-alias-list"),
        pytest.param(
            "base: &b {cloud: public}\nconfig:\n  azure-openai-guarded:service:\n    <<: *b\n",
            "merge keys (<<) are not supported",
            id="merge-key",
        ),
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


def test_keys_of_different_types_are_not_duplicates() -> None:
    stack = parse_stack_text("config:\n  azure-native:tags: {1: a, true: b, '1': c}\n", Path("Pulumi.x.yaml"))

    assert stack.other_config["azure-native:tags"]["1"] == "c"


def test_an_alias_used_twice_is_fine() -> None:
    text = "party: &p {sector: commercial, country: US}\nconfig:\n  azure-openai-guarded:useCase:\n"
    text += "    operator: *p\n    servedParties: [*p]\n"

    use_case = parse_stack_text(text, Path("Pulumi.x.yaml")).config["useCase"]

    assert use_case["operator"] == use_case["servedParties"][0] == {"sector": "commercial", "country": "US"}


def test_every_key_without_a_namespace_is_reported_at_once() -> None:
    with pytest.raises(StackFileError) as caught:
        parse_stack_text("config:\n  useCase: {}\n  service: {}\n", Path("Pulumi.x.yaml"))

    assert [p.message.split("`")[1] for p in caught.value.problems] == ["useCase", "service"]


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"\xff\xfe\x00garbage\x80", id="not-utf8"),
        pytest.param(bytes(range(256)), id="every-byte"),
    ],
)
def test_a_file_that_is_not_text_is_a_problem(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "Pulumi.bin.yaml"
    path.write_bytes(content)

    with pytest.raises(StackFileError) as caught:
        read_stack_file(path)

    assert "cannot read the file" in str(caught.value)


def test_a_utf8_byte_order_mark_and_windows_line_endings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "Pulumi.win.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + STACK.replace("\n", "\r\n").encode())

    stack = read_stack_file(path)

    assert stack.config["useCase"]["name"] == "support-bot"
    assert stack.line_of("useCase.operator.country") == 13
