"""How the checker reads a Pulumi YAML program: as pulumi-language-yaml runs it, or not at all.

The checker decides a YAML program's components from `Pulumi.yaml`. Whatever it cannot read as pulumi-yaml reads
it (a type that is not text, a program elsewhere than `Pulumi.yaml`, a key pulumi-yaml would read in another
letter case, a token of the package that names no component) makes the stack invalid, naming `Pulumi.yaml` and
the field: never a traceback, and never a fallback to the stack file's own config.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.components.clouds import COMMERCIAL as COMMERCIAL_CLOUD
from azure_openai_guarded.components.declaration import read_component_args
from azure_openai_guarded.guards.checker import CheckResult, ExitStatus, check_file
from azure_openai_guarded.guards.cli import main
from azure_openai_guarded.guards.rules import DECLARATION_MISSING, FR_US_LAW_ENFORCEMENT
from tests.declarations import config, fr_facts, police, use_case

STACK = "config: {}\n"
COMMERCIAL = "azure-openai-guarded:index:AzureOpenAIService"
GOVERNMENT = "azure-openai-guarded:index:AzureGovernmentOpenAIService"


class _NoAliases(yaml.SafeDumper):
    """Writes a value shared by two places twice: pulumi-yaml refuses a program with an alias."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(document: Any) -> str:
    """``document`` as a YAML program's text, without anchors or aliases."""
    return yaml.dump(document, Dumper=_NoAliases, sort_keys=False)


def project(folder: Path, document: dict[str, Any]) -> Path:
    """A Pulumi YAML project written from ``document``, with an empty stack file beside it (returned)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Pulumi.yaml").write_text(dump(document), encoding="utf-8")
    stack = folder / "Pulumi.dev.yaml"
    stack.write_text(STACK, encoding="utf-8")
    return stack


def problems(result: CheckResult) -> str:
    assert result.verdict is None, "expected an invalid stack"
    return "\n".join(str(p) for p in result.problems)


@pytest.mark.parametrize(
    "kind",
    [["x"], {"a": 1}, 1, True, None],
    ids=["list", "mapping", "number", "boolean", "null"],
)
def test_a_resource_type_that_is_not_text_is_invalid_naming_the_project_file_and_the_field(
    tmp_path: Path, kind: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    stack = project(tmp_path, {"name": "foo", "runtime": "yaml", "resources": {"a": {"type": kind}}})
    assert "`Pulumi.yaml`: `resources.a.type` must be text" in problems(check_file(stack)).replace(
        str(tmp_path) + "/", ""
    )
    assert main(["check", str(tmp_path)]) == ExitStatus.INVALID
    assert "Traceback" not in capsys.readouterr().err


US_POLICE_MATCH = use_case(
    operator=police("US"), servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts()
)
"""Facial recognition for a US police department: what the terms forbid, in every cloud."""

FACE_MATCH = use_case(servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts())
"""A US retailer matching faces at a fixed, controlled site for no one else: allowed under `terms`, not `strict`."""

DECOY = {"config": {"face-yaml:useCase": use_case()}}
"""A benign declaration in the stack file's own namespace: what the checker once decided instead of the program."""


def program(folder: Path, resources: dict[str, Any], **top: Any) -> Path:
    """A YAML project ``face-yaml`` with ``resources`` (and other top-level keys), and the decoy stack file."""
    stack = project(folder, {"name": top.pop("name", "face-yaml"), "runtime": top.pop("runtime", "yaml"), **top})
    document = yaml.safe_load((folder / "Pulumi.yaml").read_text(encoding="utf-8"))
    document["resources"] = resources
    (folder / "Pulumi.yaml").write_text(dump(document), encoding="utf-8")
    stack.write_text(yaml.safe_dump(DECOY), encoding="utf-8")
    return stack


SERVICE = {
    "location": "eastus2",
    "accountName": "contoso-ai",
    "resourceGroupName": "rg-contoso",
    "deployments": [{"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": "Standard", "capacity": 10}],
}
"""A commercial service written out in full (a Government one names a Government region)."""


def component(token: str = COMMERCIAL, declared: Any = None, **properties: Any) -> dict[str, Any]:
    return {"type": token, "properties": {**SERVICE, "useCase": declared or US_POLICE_MATCH, **properties}}


def denials(result: CheckResult) -> list[str]:
    assert result.verdict is not None, result.error
    return [f.rule for f in result.verdict.denials]


@pytest.mark.parametrize(
    "kind",
    [
        COMMERCIAL,
        "azure-openai-guarded:AzureOpenAIService",
        GOVERNMENT,
        "azure-openai-guarded:AzureGovernmentOpenAIService",
    ],
    ids=["commercial", "commercial-shorthand", "government", "government-shorthand"],
)
def test_each_spelling_pulumi_yaml_resolves_to_a_component_is_decided_from_the_program(
    tmp_path: Path, kind: str
) -> None:
    location = "usgovvirginia" if "Government" in kind else "eastus2"
    assert FR_US_LAW_ENFORCEMENT.id in denials(
        check_file(program(tmp_path, {"fr": component(kind, location=location)}))
    )


@pytest.mark.parametrize(
    "kind",
    [
        "azure-openai-guarded:index/azureOpenAIService:AzureOpenAIService",
        "azure-openai-guarded:foundry:AzureOpenAIService",
        "azure-openai-guarded:index:AzureOpenAIServce",
        "azure-openai-guarded:AzureFoundry",
        "Azure-OpenAI-Guarded:index:AzureOpenAIService",
        "azure-openai-guard:index:AzureOpenAIService",
        "azure-openai-guarded:a:b:AzureOpenAIService",
        "pulumi:providers:azure-openai-guarded",
    ],
)
def test_a_token_of_the_package_that_resolves_to_no_component_is_invalid_naming_the_resource(
    tmp_path: Path, kind: str
) -> None:
    text = problems(check_file(program(tmp_path, {"fr": component(kind)})))
    assert f"`resources.fr.type` is `{kind}`, a type of the azure-openai-guarded package that names none" in text
    assert f"write `{COMMERCIAL}` or `{GOVERNMENT}`" in text


@pytest.mark.parametrize(
    ("top", "resource"),
    [("Resources", "type"), ("resources", "Type"), ("RESOURCES", "TYPE")],
    ids=["Resources", "Type", "upper-case"],
)
def test_keys_pulumi_yaml_reads_in_any_letter_case_are_read_so(tmp_path: Path, top: str, resource: str) -> None:
    stack = program(tmp_path, {})
    document = yaml.safe_load((tmp_path / "Pulumi.yaml").read_text(encoding="utf-8"))
    del document["resources"]
    document[top] = {"fr": {resource: COMMERCIAL, "Properties": {**SERVICE, "useCase": US_POLICE_MATCH}}}
    (tmp_path / "Pulumi.yaml").write_text(dump(document), encoding="utf-8")
    assert FR_US_LAW_ENFORCEMENT.id in denials(check_file(stack))


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("resources: {}\nResources: {}\n", "resources", "Resources"),
        ("outputs: {a: b}\nOutputs: {a: c}\n", "outputs", "Outputs"),
        (f"resources:\n  fr:\n    type: x:y:Z\n    Type: {COMMERCIAL}\n", "type", "Type"),
        ("resources:\n  fr:\n    type: x:y:Z\n    properties: {}\n    PROPERTIES: {}\n", "properties", "PROPERTIES"),
    ],
    ids=["resources", "outputs", "resource-type", "resource-properties"],
)
def test_two_keys_that_differ_only_in_letter_case_are_invalid(
    tmp_path: Path, text: str, first: str, second: str
) -> None:
    stack = project(tmp_path, {"name": "face-yaml", "runtime": "yaml"})
    with (tmp_path / "Pulumi.yaml").open("a", encoding="utf-8") as handle:
        handle.write(text)
    assert f"`{first}` and `{second}` are one key to pulumi-yaml" in problems(check_file(stack))


@pytest.mark.parametrize(
    ("other", "top", "says"),
    [
        ({"Main.yaml": "resources: {}\n"}, {}, "pulumi-yaml runs `Main.yaml` beside it instead"),
        ({"Main.json": "{}"}, {}, "pulumi-yaml runs `Main.json` beside it instead"),
        ({"main.yaml": "resources: {}\n"}, {}, "pulumi-yaml runs `main.yaml` beside it instead"),
        ({}, {"main": "prog/"}, "`main: prog/` makes Pulumi run the YAML program in that folder"),
        ({}, {"runtime": {"name": "yaml", "options": {"compiler": "cat p.yaml"}}}, "whatever `cat p.yaml` prints"),
    ],
    ids=["Main.yaml", "Main.json", "main.yaml", "main", "compiler"],
)
def test_a_program_that_is_not_pulumi_yamls_own_is_invalid_never_the_stack_files_declaration(
    tmp_path: Path, other: dict[str, str], top: dict[str, Any], says: str
) -> None:
    stack = program(tmp_path, {"chat": component(declared=use_case())}, **top)
    for name, text in other.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    text = problems(check_file(stack))
    assert says in text
    assert "which the checker does not read, so it cannot decide the use case the program declares" in text


@pytest.mark.parametrize("main", [".", "./", ""])
def test_a_main_that_names_the_project_folder_is_the_project_files_own_program(tmp_path: Path, main: str) -> None:
    stack = program(tmp_path, {"fr": component()}, main=main)
    assert FR_US_LAW_ENFORCEMENT.id in denials(check_file(stack))


def test_a_component_declared_outside_the_top_level_resources_is_invalid(tmp_path: Path) -> None:
    stack = program(tmp_path, {}, components={"inner": {"resources": {"fr": component()}}})
    assert "`components.inner.resources.fr.type` declares" in problems(check_file(stack))


@pytest.mark.parametrize(
    ("resources", "says"),
    [("[a, b]", "`resources` must be a mapping of resources"), ("{fr: text}", "`resources.fr` must be a mapping")],
    ids=["list", "scalar-resource"],
)
def test_resources_that_are_not_mappings_are_invalid(tmp_path: Path, resources: str, says: str) -> None:
    stack = project(tmp_path, {"name": "face-yaml", "runtime": "yaml"})
    with (tmp_path / "Pulumi.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"resources: {resources}\n")
    assert says in problems(check_file(stack))


@pytest.mark.parametrize(
    ("name", "runtime"),
    [("azure-openai-guarded", "yaml"), ("face-yaml", {"name": "YAML"})],
    ids=["named-as-this-project", "runtime-mapping"],
)
def test_yaml_mode_follows_the_runtime_whatever_the_project_is_named(tmp_path: Path, name: str, runtime: Any) -> None:
    stack = program(tmp_path, {"fr": component()}, name=name, runtime=runtime)
    # A benign declaration in the project's own namespace, which a stack of a project of that name would hold.
    stack.write_text(yaml.safe_dump({"config": {f"{name}:{k}": v for k, v in config().items()}}), encoding="utf-8")
    assert FR_US_LAW_ENFORCEMENT.id in denials(check_file(stack))


def foundry(declared: Any = None, **service: Any) -> dict[str, Any]:
    """A Foundry account (benign account-level use case) whose one project ``booking-id`` carries ``declared``."""
    project: dict[str, Any] = {"name": "booking-id"}
    if declared is not None:
        project["useCase"] = declared
    return component(declared=use_case(), kind="AIServices", projects=[project], **service)


INTERPOLATED_SERVICE = {"location": "${location}", "accountName": {"fn::join": ["-", ["hub", "${pulumi.stack}"]]}}
"""A service whose region and name the program computes: only the declaration is decided."""


@pytest.mark.parametrize("service", [{}, INTERPOLATED_SERVICE], ids=["written-out", "service-interpolated"])
@pytest.mark.parametrize("text", [False, True], ids=["mapping", "json-text"])
def test_a_foundry_projects_own_use_case_is_decided_as_the_component_decides_it(
    tmp_path: Path, service: dict[str, Any], text: bool
) -> None:
    declared: Any = json.dumps(US_POLICE_MATCH) if text else US_POLICE_MATCH
    result = check_file(program(tmp_path, {"hub": foundry(declared, **service)}))
    assert result.verdict is not None, result.error
    (denial,) = [f for f in result.verdict.denials if f.rule == FR_US_LAW_ENFORCEMENT.id]
    assert denial.message.startswith("For resource `hub`: Foundry project 'booking-id': ")


@pytest.mark.parametrize("service", [{}, INTERPOLATED_SERVICE], ids=["written-out", "service-interpolated"])
def test_a_foundry_project_without_its_own_use_case_falls_under_the_accounts(
    tmp_path: Path, service: dict[str, Any]
) -> None:
    result = check_file(program(tmp_path, {"hub": foundry(None, **service)}))
    assert result.allowed, result.error


@pytest.mark.parametrize("service", [{}, INTERPOLATED_SERVICE], ids=["written-out", "service-interpolated"])
def test_a_foundry_projects_description_is_read_as_the_purpose_of_the_declaration_that_governs_it(
    tmp_path: Path, service: dict[str, Any]
) -> None:
    resource = foundry(None, **service)
    resource["properties"]["projects"][0]["description"] = "Identify suspects from their faces for the NYPD."
    result = check_file(program(tmp_path, {"hub": resource}))
    assert result.verdict is not None, result.error
    (denial,) = result.verdict.denials
    assert denial.message.startswith("For resource `hub`: Foundry project 'booking-id': ")
    assert "projects[0].description says" in denial.message


@pytest.mark.parametrize(
    ("service", "says"),
    [
        ({"accountName": "nypd-suspect-face-match"}, "accountName says"),
        ({"accountName": "nypd-suspect-face-match-${pulumi.stack}"}, "accountName says"),
        ({"tags": {"purpose": "Identify suspects for the NYPD from their faces"}}, "tags.purpose says"),
        ({"location": "${location}"}, "the component's name (its account's name) says"),
        ({}, "the component's name (its account's name) says"),
    ],
    ids=["account-name", "account-name-around-an-interpolation", "tag", "default-name-interpolated", "default-name"],
)
def test_the_names_a_component_gives_azure_are_read_as_the_component_reads_them(
    tmp_path: Path, service: dict[str, Any], says: str
) -> None:
    resource = component(declared=use_case(), **service)
    if "accountName" not in service:
        del resource["properties"]["accountName"]
    result = check_file(program(tmp_path, {"nypd-suspect-face-match": resource}))
    assert result.verdict is not None, result.error
    (denial,) = result.verdict.denials
    assert says in denial.message


def test_a_name_built_from_the_stacks_name_is_read_with_it_as_pulumi_yaml_builds_it(tmp_path: Path) -> None:
    resource = component(declared=use_case(), accountName="contoso-${pulumi.stack}", location="${location}")
    program(tmp_path, {"chat": resource})
    named = tmp_path / "Pulumi.nypd-suspect-face-match.yaml"
    named.write_text(yaml.safe_dump(DECOY), encoding="utf-8")
    result = check_file(named)
    assert result.verdict is not None, result.error
    assert any("accountName says" in denial.message for denial in result.verdict.denials)


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (
            {
                "type": "azure-native:cognitiveservices:Project",
                "properties": {
                    "accountName": "${hub.accountName}",
                    "projectName": "helper",
                    "properties": {"description": "Identify suspects for the NYPD from their faces."},
                },
            },
            "resources.suspects.properties.properties.description says",
        ),
        (
            {
                "type": "azure-native:cognitiveservices/v20250601:Account",
                "properties": {"accountName": "nypd-suspect-face-match", "kind": "OpenAI"},
            },
            "resources.suspects.properties.accountName says",
        ),
    ],
    ids=["project-description", "account-name"],
)
def test_a_raw_resource_beside_a_component_is_read_under_the_stack_configs_declaration(
    tmp_path: Path, raw: dict[str, Any], says: str
) -> None:
    # The pack governs a resource no component is above by the stack config's declaration (review R7 H8).
    hub = component(declared=use_case(), kind="AIServices")
    result = check_file(program(tmp_path, {"hub": hub, "suspects": raw}))
    assert result.verdict is not None, result.error
    (denial,) = result.verdict.denials
    assert denial.message.startswith("For resource `suspects`, read under `face-yaml:useCase` in ")
    assert says in denial.message


def test_a_name_built_from_a_literal_variable_is_read_with_it(tmp_path: Path) -> None:
    resource = component(declared=use_case(), accountName="${acct}", location="${location}")
    result = check_file(program(tmp_path, {"chat": resource}, variables={"acct": "nypd-suspect-face-match"}))
    assert result.verdict is not None, result.error
    (denial,) = result.verdict.denials
    assert "accountName says" in denial.message


RAW_ACCOUNT = {
    "type": "azure-native:cognitiveservices:Account",
    "properties": {"accountName": "side-account", "kind": "Face", "resourceGroupName": "rg-contoso"},
}


def test_a_raw_account_beside_the_components_is_governed_by_no_declaration(tmp_path: Path) -> None:
    # The pack passes an account only beneath a component it decided allowed, or under a config declaration.
    stack = program(tmp_path, {"chat": component(declared=use_case()), "side": RAW_ACCOUNT})
    stack.write_text(STACK, encoding="utf-8")
    result = check_file(stack)
    assert result.verdict is not None, result.error
    # A Face account under a declaration whose served parties are left out is denied by the Face rule as well.
    missing = [f for f in result.verdict.denials if f.rule == DECLARATION_MISSING.id]
    assert [f for f in missing if "For resource `side`:" in f.message]


def test_a_raw_account_beneath_a_component_is_the_components(tmp_path: Path) -> None:
    beneath = {**RAW_ACCOUNT, "options": {"parent": "${chat}"}}
    # Its parties declared, so that the Face account is not for US police whoever the parties left out might be.
    stack = program(tmp_path, {"chat": component(declared=use_case(servedParties=[])), "side": beneath})
    stack.write_text(STACK, encoding="utf-8")
    result = check_file(stack)
    assert result.verdict is not None, result.error
    assert result.allowed, result.verdict.summary()


def test_a_use_case_the_stacks_config_declares_beside_a_yaml_program_is_decided_too(tmp_path: Path) -> None:
    # The pack decides the stack's config, and the component refuses a denied one the program does not use.
    stack = program(tmp_path, {"chat": component(declared=use_case())})
    stack.write_text(yaml.safe_dump({"config": {"face-yaml:useCase": US_POLICE_MATCH}}), encoding="utf-8")
    result = check_file(stack)
    assert result.verdict is not None, result.error
    assert FR_US_LAW_ENFORCEMENT.id in {f.rule for f in result.verdict.denials}


@pytest.mark.parametrize("key", ["displayName", "description"])
@pytest.mark.parametrize("value", ["${projectText}", {"fn::readFile": "project.txt"}], ids=["interpolated", "fn-call"])
def test_a_foundry_projects_text_the_program_computes_is_an_unknown_fact(tmp_path: Path, key: str, value: Any) -> None:
    # The tripwire reads it with the purpose, so the checker cannot allow what it has not read.
    resource = foundry(None)
    resource["properties"]["projects"][0][key] = value
    text = problems(check_file(program(tmp_path, {"hub": resource})))
    assert f"`resources.hub.properties.projects[0].{key}` is a `${{...}}` interpolation or an `fn::` call" in text


@pytest.mark.parametrize(
    ("projects", "path"),
    [
        ("${projects}", "projects"),
        ({"fn::readFile": "projects.json"}, "projects"),
        (["${project}"], "projects[0]"),
    ],
    ids=["interpolated-list", "fn-call", "interpolated-entry"],
)
def test_foundry_projects_the_program_computes_are_an_unknown_fact(tmp_path: Path, projects: Any, path: str) -> None:
    resource = component(declared=use_case(), kind="AIServices", projects=projects)
    text = problems(check_file(program(tmp_path, {"hub": resource})))
    assert f"`resources.hub.properties.{path}` is a `${{...}}` interpolation or an `fn::` call" in text


@pytest.mark.parametrize(
    ("declared", "says"),
    [
        (use_case(operator={"sector": "law_enforcement", "country": "${country}"}), "is a `${...}` interpolation"),
        ({**use_case(), "purpos": "typo"}, "`resources.hub.properties.projects[0].useCase.purpos`: unknown field"),
        ("{not json", "`resources.hub.properties.projects[0].useCase`: is a string that is not valid JSON"),
    ],
    ids=["interpolated", "unknown-field", "bad-json"],
)
def test_a_foundry_projects_own_use_case_that_cannot_be_decided_is_invalid_at_its_path(
    tmp_path: Path, declared: Any, says: str
) -> None:
    assert says in problems(check_file(program(tmp_path, {"hub": foundry(declared, **INTERPOLATED_SERVICE)})))


@pytest.mark.parametrize(
    ("service", "says"),
    [
        ({"locaton": "eastus2"}, "`resources.fr.properties.locaton`: unknown field"),
        ({"location": "westeurope2"}, "`resources.fr.properties.location`:"),
        ({"deployments": [{"name": "chat", "model": "gpt-9"}]}, "`resources.fr.properties.deployments[0]"),
    ],
    ids=["unknown-key", "no-such-region", "no-such-deployment"],
)
def test_a_component_written_out_in_full_is_validated_as_the_component_validates_it(
    tmp_path: Path, service: dict[str, Any], says: str
) -> None:
    assert says in problems(check_file(program(tmp_path, {"fr": component(declared=use_case(), **service)})))


@pytest.mark.parametrize(
    "properties",
    [
        {**SERVICE, "useCase": use_case()},
        {**SERVICE, "useCase": US_POLICE_MATCH},
        {
            **SERVICE,
            "useCase": use_case(),
            "kind": "AIServices",
            "projects": [{"name": "pd-faces", "useCase": US_POLICE_MATCH}],
        },
        {**SERVICE, "useCase": FACE_MATCH, "guardProfile": "strict"},
    ],
    ids=["allowed", "denied", "denied-project", "strict"],
)
def test_the_checker_gives_the_verdict_the_components_own_reader_gives(
    tmp_path: Path, properties: dict[str, Any]
) -> None:
    own = read_component_args(properties, COMMERCIAL_CLOUD, spelling="config").verdict_with_projects
    result = check_file(program(tmp_path, {"fr": {"type": COMMERCIAL, "properties": properties}}))
    assert result.verdict is not None, result.error
    assert (result.verdict.allowed, sorted(f.rule for f in result.verdict.findings)) == (
        own.allowed,
        sorted(f.rule for f in own.findings),
    )


def capabilities_lines(text: str) -> list[int]:
    """The 1-based lines of ``text`` that hold ``capabilities:``: an oracle independent of the reader."""
    return [i for i, line in enumerate(text.splitlines(), 1) if "capabilities:" in line]


@pytest.mark.parametrize(
    ("resources", "which"),
    [({"fr": component()}, 0), ({"hub": foundry(US_POLICE_MATCH)}, -1)],
    ids=["component", "foundry-project"],
)
@pytest.mark.parametrize("form", ["text", "json", "sarif", "markdown"])
def test_every_report_points_a_yaml_programs_finding_at_pulumi_yaml_and_the_declarations_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    resources: dict[str, Any],
    which: int,
    form: str,
) -> None:
    """The denial is about the capabilities: the component's, or the project's own (the last ones written)."""
    monkeypatch.chdir(tmp_path)
    program(tmp_path / "app", resources)
    line = capabilities_lines((tmp_path / "app" / "Pulumi.yaml").read_text(encoding="utf-8"))[which]
    assert main(["check", "app", "--format", form]) == ExitStatus.DENIED
    out = capsys.readouterr().out
    if form == "json":
        (denial,) = [f for f in json.loads(out)["results"][0]["findings"] if f["rule"] == FR_US_LAW_ENFORCEMENT.id]
        assert (denial["file"], denial["line"]) == ("app/Pulumi.yaml", line)
    elif form == "sarif":
        (denial,) = [r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == FR_US_LAW_ENFORCEMENT.id]
        where = denial["locations"][0]["physicalLocation"]
        assert (where["artifactLocation"]["uri"], where["region"]["startLine"]) == ("app/Pulumi.yaml", line)
        assert "For resource `" in denial["message"]["text"]
    else:
        assert f"app/Pulumi.yaml line {line}" in out


@pytest.mark.parametrize(
    ("tail", "needle"),
    [
        ("Resources: {}\n", "Resources:"),
        ("resources:\n  a:\n    type: [x]\n", "type: [x]"),
        ("resources:\n  a:\n    type: azure-openai-guarded:index:Nothing\n", "type: azure-openai-guarded"),
    ],
    ids=["case-twin", "type-not-text", "unknown-token"],
)
@pytest.mark.parametrize("form", ["text", "json", "sarif", "markdown"])
def test_every_report_points_a_problem_in_the_program_at_pulumi_yaml_and_its_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tail: str,
    needle: str,
    form: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    project(tmp_path / "app", {"name": "face-yaml", "runtime": "yaml", "resources": {}})
    path = tmp_path / "app" / "Pulumi.yaml"
    text = path.read_text(encoding="utf-8").replace("resources: {}\n", "resources: {}\n" if "Resources" in tail else "")
    path.write_text(text + tail, encoding="utf-8")
    line = next(i for i, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in row)
    assert main(["check", "app", "--format", form]) == ExitStatus.INVALID
    out = capsys.readouterr().out
    if form == "json":
        (problem,) = json.loads(out)["results"][0]["problems"]
        assert (problem["file"], problem["line"]) == ("app/Pulumi.yaml", line)
    elif form == "sarif":
        (result,) = json.loads(out)["runs"][0]["results"]
        where = result["locations"][0]["physicalLocation"]
        assert (where["artifactLocation"]["uri"], where["region"]["startLine"]) == ("app/Pulumi.yaml", line)
    else:
        assert f"app/Pulumi.yaml line {line}" in out


def test_a_components_use_case_a_yaml_program_writes_as_json_text_is_invalid_as_the_yaml_type_checker_refuses_it(
    tmp_path: Path,
) -> None:
    # Every other entry point takes JSON text for an object; Pulumi YAML refuses it before the component runs
    # ("Cannot assign type 'string'"), so the checker does too (review R23).
    properties = {**SERVICE, "useCase": json.dumps(US_POLICE_MATCH)}
    result = check_file(program(tmp_path, {"fr": {"type": COMMERCIAL, "properties": properties}}))

    assert "`resources.fr.properties.useCase`: is a string, which Pulumi YAML's type checker refuses" in problems(
        result
    )
