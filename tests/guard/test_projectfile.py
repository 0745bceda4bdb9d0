"""Project config in Pulumi.yaml: found as Pulumi finds it, read as strictly as a stack file, applied as Pulumi does.

Pulumi applies a project's ``config:`` block to every stack before the program
runs, so the checker decides the stack file and its project file merged. The
project file's errors name ``Pulumi.yaml``; a stack file with no project file
is decided on its own.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.guards import projectfile
from azure_openai_guarded.guards.checker import CheckResult, ExitStatus, check_file, check_paths, exit_status
from azure_openai_guarded.guards.cli import main
from azure_openai_guarded.guards.projectfile import ProjectFiles, read_project_file
from azure_openai_guarded.guards.rules import DECLARATION_INCONSISTENT, FR_US_LAW_ENFORCEMENT, STRICT_FR_ANY
from azure_openai_guarded.guards.stackfile import StackFileError, read_stack_file
from tests.declarations import config, fr_facts, police, stack_document, use_case

PROJECT_HEAD = "name: azure-openai-guarded\nruntime: python\n"

FACE_MATCH = use_case(servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts())
"""A commercial US operator matching faces at a fixed, controlled site for no one else: allowed under `terms`, denied
under `strict`."""

GB_POLICE_TEXT = use_case(operator=police("GB"))
"""A British police force drafting text: allowed in commercial Azure; an inconsistency in Azure Government."""


def write_stack(folder: Path, project_config: dict[str, Any], name: str = "dev", **other: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    document = stack_document(project_config, **other)
    path = folder / f"Pulumi.{name}.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    return path


def write_project(folder: Path, text: str, name: str = "Pulumi.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(result: CheckResult) -> str:
    assert result.verdict is None, "expected an invalid stack"
    return "\n".join(str(p) for p in result.problems)


def rules_of(result: CheckResult) -> list[str]:
    assert result.verdict is not None, result.error
    return [f.rule for f in result.verdict.findings]


def gov_config(use: dict[str, Any]) -> dict[str, Any]:
    return config(use, cloud="usgovernment")


# -- The merged config decides ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("project_text", "stack_config", "other"),
    [
        (
            "config:\n  azure-native:environment: usgovernment\n",
            config(GB_POLICE_TEXT),
            {},
        ),
        (
            "config:\n  azure-native:environment:\n    value: usgovernment\n",
            gov_config(GB_POLICE_TEXT),
            {},
        ),
        (
            "config:\n  guardProfile:\n    type: string\n    default: strict\n",
            config(FACE_MATCH),
            {},
        ),
        (
            "config:\n  azure-openai-guarded:guardProfile: strict\n",
            config(FACE_MATCH),
            {},
        ),
    ],
    ids=["environment-shorthand", "environment-value", "profile-default", "profile-namespaced-shorthand"],
)
def test_a_key_in_pulumi_yaml_counts_exactly_as_the_same_key_in_the_stack_file(
    tmp_path: Path, project_text: str, stack_config: dict[str, Any], other: dict[str, Any]
) -> None:
    write_project(tmp_path / "project", PROJECT_HEAD + project_text)
    from_project = check_file(write_stack(tmp_path / "project", stack_config, **other))

    key, value = next(iter(read_project_file(tmp_path / "project" / "Pulumi.yaml").values.items()))
    namespace, name = key.split(":")
    in_stack = {**stack_config, name: value} if namespace == "azure-openai-guarded" else stack_config
    extra = {key: value} if namespace != "azure-openai-guarded" else {}
    from_stack = check_file(write_stack(tmp_path / "alone", in_stack, **other, **extra))

    assert from_project.source is not None
    assert from_project.source.from_project
    if from_stack.verdict is None:
        assert [p.path for p in from_project.problems] == [p.path for p in from_stack.problems]
        assert all("Pulumi.yaml, line" in str(p) for p in from_project.problems)
    else:
        assert from_project.verdict is not None
        assert from_project.verdict.to_dict() == from_stack.verdict.to_dict()


def test_a_government_environment_in_pulumi_yaml_holds_a_commercial_declaration_to_account(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "config:\n  azure-native:environment: usgovernment\n")
    result = check_file(write_stack(tmp_path, config(GB_POLICE_TEXT)))
    text = problems(result)
    assert "azure-native:environment: usgovernment" in text
    assert "Pulumi.yaml, line 4, for every stack that does not set it" in text


def test_a_government_environment_in_pulumi_yaml_makes_a_non_us_operator_inconsistent(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "config:\n  azure-native:environment: usgovernment\n")
    result = check_file(write_stack(tmp_path, gov_config(GB_POLICE_TEXT)))
    assert DECLARATION_INCONSISTENT.id in rules_of(result)
    assert result.verdict is not None
    assert not result.verdict.allowed


def test_a_strict_profile_default_applies_to_a_stack_that_sets_none(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "config:\n  guardProfile:\n    type: string\n    default: strict\n")
    result = check_file(write_stack(tmp_path, config(FACE_MATCH)))
    assert STRICT_FR_ANY.id in rules_of(result)


def test_the_stack_files_own_value_wins_over_the_projects(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "config:\n  guardProfile:\n    type: string\n    default: strict\n")
    result = check_file(write_stack(tmp_path, config(FACE_MATCH, profile="terms")))
    assert STRICT_FR_ANY.id not in rules_of(result)
    assert result.verdict is not None
    assert result.verdict.allowed


def test_a_project_value_replaces_nothing_inside_the_stacks_value_it_applies_whole_or_not_at_all(
    tmp_path: Path,
) -> None:
    us_police_match = use_case(
        operator=police("US"), capabilities=["facial_recognition"], facialRecognition=fr_facts(realtime=True)
    )
    block = yaml.safe_dump({"config": {"useCase": {"default": us_police_match}}}, sort_keys=False)
    write_project(tmp_path, PROJECT_HEAD + block)
    own = check_file(write_stack(tmp_path, config(use_case()), name="own"))
    inherited = check_file(write_stack(tmp_path, config(), name="inherited"))
    assert own.verdict is not None
    assert own.verdict.allowed
    assert own.source is not None
    assert own.source.config["useCase"] == use_case()
    assert FR_US_LAW_ENFORCEMENT.id in rules_of(inherited)


def test_another_projects_stacks_are_read_in_its_own_namespace_and_ours_need_a_value(tmp_path: Path) -> None:
    head = "name: support-chat\nruntime: python\n"
    write_project(tmp_path / "own", head + "config:\n  guardProfile: strict\n")
    write_project(tmp_path / "ours", head + "config:\n  azure-openai-guarded:guardProfile:\n    value: strict\n")
    write_project(tmp_path / "default", head + "config:\n  azure-openai-guarded:guardProfile:\n    default: strict\n")
    consumer = {"config": {"support-chat:useCase": FACE_MATCH}}
    (tmp_path / "own" / "Pulumi.dev.yaml").write_text(yaml.safe_dump(consumer), encoding="utf-8")
    own = check_file(tmp_path / "own" / "Pulumi.dev.yaml")
    ours = check_file(write_stack(tmp_path / "ours", config(FACE_MATCH)))
    wrong = check_file(write_stack(tmp_path / "default", config(FACE_MATCH)))
    # A consumer project's program reads its own namespace: the project's strict applies to its use case ...
    assert own.source is not None
    assert own.source.config == {"guardProfile": "strict", "useCase": FACE_MATCH}
    assert STRICT_FR_ANY.id in rules_of(own)
    # ... and a declaration in this project's namespace is read by no program of that project: each such key, the
    # project file's too, is an error naming the key the project reads.
    for key in ("guardProfile", "useCase"):
        assert f"azure-openai-guarded:{key}: is in the azure-openai-guarded library's namespace" in problems(ours)
        assert f"write it as `support-chat:{key}`" in problems(ours)
    assert "takes `value:`, not `default:`" in problems(wrong)


def test_a_project_key_declared_without_a_default_must_be_set_by_every_stack(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "config:\n  guardProfile:\n    type: string\n")
    missing = check_file(write_stack(tmp_path, config(use_case()), name="missing"))
    given = check_file(write_stack(tmp_path, config(use_case(), profile="terms"), name="given"))
    assert "azure-openai-guarded:guardProfile: this stack must set it" in problems(missing)
    assert given.verdict is not None
    assert given.verdict.allowed


def test_a_stack_value_not_of_the_declared_type_is_an_error_naming_the_declaration(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "config:\n  guardProfile:\n    type: string\n    default: terms\n")
    result = check_file(write_stack(tmp_path, {**config(use_case()), "guardProfile": ["strict"]}))
    assert "must be of type `string`, as `" in problems(result)
    assert "Pulumi.yaml, line 4` declares it" in problems(result)


@pytest.mark.parametrize(
    ("declared", "value", "accepted"),
    [
        ("type: integer", 10, True),
        ("type: integer", "10", True),
        ("type: integer", 1.5, False),
        ("type: integer", "ten", False),
        ("type: boolean", True, True),
        ("type: boolean", "yes", False),
        ("type: string", 10, True),
        ("type: string", {"a": 1}, False),
        ("{type: array, items: {type: string}}", ["a", "b"], True),
        ("{type: array, items: {type: string}}", ["a", 1], False),
        ("{type: array, items: {type: integer}}", [1, 2], True),
    ],
)
def test_declared_types_accept_what_pulumi_accepts(tmp_path: Path, declared: str, value: Any, accepted: bool) -> None:
    body = declared if declared.startswith("{") else "{" + declared + "}"
    write_project(tmp_path, PROJECT_HEAD + f"config:\n  other:setting:\n    value: x\n  limit: {body}\n")
    stack = write_stack(tmp_path, config(use_case()), **{"azure-openai-guarded:limit": value})
    project = ProjectFiles()
    if accepted:
        # A top-level scalar reaches the program as the text it was written with (here by yaml.safe_dump).
        as_program_sees = value if isinstance(value, str | list) else json.dumps(value)
        assert project.apply(read_stack_file(stack)).config["limit"] == as_program_sees
    else:
        with pytest.raises(StackFileError, match="must be of type"):
            project.apply(read_stack_file(stack))


# -- Read as strictly as a stack file -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "named"),
    [
        ("config:\n  guardProfile: terms\n  guardProfile: strict\n", "repeated key"),
        ("config:\n  guardProfile: terms\n  azure-openai-guarded:guardProfile: strict\n", "the same key to Pulumi"),
        ("config:\n  guardProfile:\n    default: no\n", "write 'no' in quotes"),
        ("config:\n  azure-openai-guard:guardProfile: strict\n", "did you mean `azure-openai-guarded:guardProfile`"),
        ("config:\n  Azure-OpenAI-Guarded:guardProfile: strict\n", "did you mean `azure-openai-guarded:guardProfile`"),
        ("config:\n  guardProfile:\n    defualt: strict\n", "did you mean `default`?"),
        ("config:\n  guardProfile:\n    default: strict\n    value: terms\n", "both `default` and `value`"),
        ("config:\n  guardProfile:\n    type: object\n", "`type` must be one of"),
        ("config:\n  tags:\n    type: array\n", "must declare its `items:`"),
        ("config:\n  guardProfile:\n    type: integer\n    default: strict\n", "not of its declared type"),
        ("config:\n  azure-native:environment:\n    type: string\n    value: x\n", "cannot declare a `type`"),
        ("config:\n  azure-native:environment: {}\n", "must give its `value:`"),
        ("config:\n  ratio: 1.5\n", "Pulumi's project schema takes"),
        ("config:\n  useCase.operator.country: US\n", "property path"),
        ("config:\n  a:b:c: x\n", "not a Pulumi config key"),
        (
            "base: &base {default: terms}\nconfig:\n  guardProfile:\n    <<: *base\n    default: strict\n",
            "readers disagree on which one wins",
        ),
        ("config:\n  guardProfile: !!binary aGk=\n", "unsupported tag"),
        ("config: stacks\nstackConfigDir: stacks\n", "Pulumi refuses both"),
        ("stackConfigDir: [stacks]\n", "must be text"),
        # Pulumi then refuses a plain value, and no check reads an encrypted one (review R25).
        ("config:\n  guardProfile:\n    type: string\n    default: strict\n    secret: true\n", "`secret: true`"),
    ],
    ids=[
        "repeated-key",
        "two-spellings",
        "yaml-1.1-boolean",
        "near-miss-namespace",
        "near-miss-letter-case",
        "misspelt-attribute",
        "default-and-value",
        "unknown-type",
        "array-without-items",
        "default-of-the-wrong-type",
        "typed-foreign-key",
        "foreign-key-without-value",
        "float-shorthand",
        "property-path-key",
        "three-part-key",
        "overlapping-merge-key",
        "binary-tag",
        "config-dir-twice",
        "config-dir-not-text",
        "declaring-key-declared-secret",
    ],
)
def test_a_bad_project_file_makes_every_stack_invalid_with_a_message_naming_pulumi_yaml(
    tmp_path: Path, block: str, named: str
) -> None:
    write_project(tmp_path, PROJECT_HEAD + block)
    text = problems(check_file(write_stack(tmp_path, config(use_case()))))
    assert named in text
    assert "Pulumi.yaml" in text


def test_a_project_problem_names_its_line_in_pulumi_yaml(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "config:\n  guardProfile: terms\n  guardProfile: strict\n")
    assert "Pulumi.yaml`, line 5: `config.guardProfile`: repeated key" in problems(
        check_file(write_stack(tmp_path, config(use_case())))
    )


def test_a_bad_value_given_in_pulumi_yaml_is_reported_with_where_it_is(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "config:\n  guardProfile: strikt\n")
    text = problems(check_file(write_stack(tmp_path, config(use_case()))))
    assert "azure-openai-guarded:guardProfile" in text
    assert "Pulumi.yaml, line 4, for every stack that does not set it" in text


def test_a_fifo_as_pulumi_yaml_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "Pulumi.yaml")
    text = problems(check_file(write_stack(tmp_path, config(use_case()))))
    assert "a FIFO" in text
    assert "Pulumi.yaml" in text


def test_an_oversized_pulumi_yaml_is_refused(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "description: " + "x" * (2 * 1024 * 1024) + "\n")
    assert "larger than" in problems(check_file(write_stack(tmp_path, config(use_case()))))


# -- Found where Pulumi finds it ----------------------------------------------------------------------------------


def test_a_project_in_an_enclosing_folder_applies_to_the_folder_its_stack_config_dir_names(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "stackConfigDir: stacks\nconfig:\n  guardProfile: strict\n")
    named = check_file(write_stack(tmp_path / "stacks", config(FACE_MATCH)))
    elsewhere = check_file(write_stack(tmp_path / "examples", config(FACE_MATCH)))
    assert named.source is not None
    assert named.source.project_file == tmp_path / "Pulumi.yaml"
    assert STRICT_FR_ANY.id in rules_of(named)
    assert elsewhere.source is not None
    assert elsewhere.source.project_file is None
    assert STRICT_FR_ANY.id not in rules_of(elsewhere)


@pytest.mark.parametrize("spelling", ["config: stacks", "stackConfigDir: /stacks", "stackConfigDir: ./x/../stacks"])
def test_the_stack_folder_is_joined_to_the_project_folder_as_pulumi_joins_it(tmp_path: Path, spelling: str) -> None:
    write_project(tmp_path, PROJECT_HEAD + spelling + "\n")
    result = check_file(write_stack(tmp_path / "stacks", config(use_case())))
    assert result.source is not None
    assert result.source.project_file == tmp_path / "Pulumi.yaml"


def test_a_project_folder_is_checked_through_its_stack_config_dir(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "stackConfigDir: stacks\nconfig:\n  guardProfile: strict\n")
    write_stack(tmp_path / "stacks", config(FACE_MATCH))
    results = check_paths([tmp_path])
    assert [r.file for r in results] == [tmp_path / "stacks" / "Pulumi.dev.yaml"]
    assert STRICT_FR_ANY.id in rules_of(results[0])


def test_a_project_folder_whose_stack_config_dir_has_no_stack_files_names_that_folder(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "stackConfigDir: stacks\n")
    (tmp_path / "stacks").mkdir()
    [result] = check_paths([tmp_path])
    assert "no Pulumi.<stack>.yaml files in its stackConfigDir" in problems(result)


def test_a_stack_file_beside_a_project_that_keeps_its_stacks_elsewhere_is_never_read_by_pulumi(
    tmp_path: Path,
) -> None:
    write_project(tmp_path, PROJECT_HEAD + "stackConfigDir: stacks\n")
    (tmp_path / "stacks").mkdir()
    text = problems(check_file(write_stack(tmp_path, config(use_case()))))
    assert "keeps its stack files in `stacks`" in text
    assert "move this file to `stacks`" in text


def test_a_yml_stack_file_for_a_yaml_project_is_never_read_by_pulumi(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD)
    yaml_stack = write_stack(tmp_path, config(use_case()))
    yml_stack = yaml_stack.rename(tmp_path / "Pulumi.dev.yml")
    assert "rename it to end in `.yaml`" in problems(check_file(yml_stack))


def test_pulumi_yml_is_a_project_file_too_and_reads_yml_stack_files(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "config:\n  guardProfile: strict\n", name="Pulumi.yml")
    stack = write_stack(tmp_path, config(FACE_MATCH)).rename(tmp_path / "Pulumi.dev.yml")
    assert STRICT_FR_ANY.id in rules_of(check_file(stack))


@pytest.mark.parametrize(
    ("name", "named"),
    [
        ("pulumi.yaml", "name it `Pulumi.yaml`"),
        ("PULUMI.YML", "name it `Pulumi.yml`"),
        ("Pulumi.json", "reads YAML project files only"),
    ],
)
def test_a_project_file_the_checker_cannot_take_as_pulumi_does_is_an_error(
    tmp_path: Path, name: str, named: str
) -> None:
    write_project(tmp_path, PROJECT_HEAD, name=name)
    assert named in problems(check_file(write_stack(tmp_path, config(use_case()))))


def test_an_unreadable_project_file_in_an_enclosing_folder_is_an_error_not_a_guess(tmp_path: Path) -> None:
    write_project(tmp_path, "name: [unclosed\n")
    text = problems(check_file(write_stack(tmp_path / "stacks", config(use_case()))))
    assert "whether its config applies to this stack is unknown" in text
    assert "not valid YAML" in text


def test_a_folder_named_pulumi_yaml_or_a_dangling_link_is_no_project_file_as_to_pulumi(tmp_path: Path) -> None:
    (tmp_path / "Pulumi.yaml").mkdir()
    (tmp_path / "Pulumi.yml").symlink_to(tmp_path / "missing")
    result = check_file(write_stack(tmp_path, config(use_case())))
    assert result.source is not None
    assert result.source.project_file is None
    assert result.verdict is not None
    assert result.verdict.allowed


def test_a_stack_file_with_no_project_file_is_decided_on_its_own(tmp_path: Path) -> None:
    result = check_file(write_stack(tmp_path, config(use_case())))
    assert result.source is not None
    assert result.source.project_file is None
    assert result.source.from_project == {}
    assert result.verdict is not None
    assert result.verdict.allowed


def test_this_repositorys_stacks_get_the_projects_config_and_its_examples_stand_alone() -> None:
    repo = Path(__file__).resolve().parents[2]
    stacks = check_paths([repo / "stacks"])
    examples = check_paths([repo / "examples" / "law-enforcement"])
    assert stacks
    assert all(r.source is not None and r.source.project_file == repo / "Pulumi.yaml" for r in stacks)
    assert examples
    assert all(r.source is not None and r.source.project_file is None for r in examples)


def test_the_project_file_is_read_once_for_all_the_stack_files_of_a_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_project(tmp_path, PROJECT_HEAD + "stackConfigDir: stacks\nconfig:\n  guardProfile: strict\n")
    for i in range(5):
        write_stack(tmp_path / "stacks", config(FACE_MATCH), name=f"s{i}")
    reads: list[Path] = []
    real = projectfile.read_text

    def counting(path: Path) -> str:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(projectfile, "read_text", counting)
    results = check_paths([tmp_path / "stacks"])
    assert len(results) == 5
    assert all(STRICT_FR_ANY.id in rules_of(r) for r in results)
    assert reads == [tmp_path / "Pulumi.yaml"]


def test_a_bad_project_file_makes_the_checker_exit_2(tmp_path: Path) -> None:
    write_project(tmp_path, PROJECT_HEAD + "config:\n  guardProfile: terms\n  guardProfile: strict\n")
    write_stack(tmp_path, config(use_case()))
    assert exit_status(check_paths([tmp_path])) is ExitStatus.INVALID


def test_the_json_report_names_the_project_file_and_the_keys_the_stack_got_from_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_project(tmp_path, PROJECT_HEAD + "config:\n  guardProfile: strict\n  azure-native:location: westus\n")
    write_stack(tmp_path, config(use_case()))
    assert main(["check", str(tmp_path), "--format", "json"]) == ExitStatus.ALLOWED
    (entry,) = json.loads(capsys.readouterr().out)["results"]
    assert Path(entry["projectFile"]) == tmp_path / "Pulumi.yaml"
    assert entry["fromProjectFile"] == ["azure-openai-guarded:guardProfile"], "the stack file sets the location"
    assert entry["profile"] == "strict"


def test_an_outer_project_naming_the_folder_applies_even_past_a_nearer_project_that_does_not(
    tmp_path: Path,
) -> None:
    # Run from tmp_path, Pulumi reads sub/stacks/Pulumi.dev.yaml for the outer project, whose config then applies.
    write_project(tmp_path, PROJECT_HEAD + "stackConfigDir: sub/stacks\nconfig:\n  guardProfile: strict\n")
    write_project(tmp_path / "sub", PROJECT_HEAD)
    result = check_file(write_stack(tmp_path / "sub" / "stacks", config(FACE_MATCH)))
    assert result.source is not None
    assert result.source.project_file == tmp_path / "Pulumi.yaml"
    assert STRICT_FR_ANY.id in rules_of(result)
