"""A YAML program's component is decided for where its resources really go: the stack's default provider, and no
azure-native provider in its options.

The commercial component deploys with the stack's default provider, and refuses an `azure-native:environment` (or
`metadataHost`) that sends it elsewhere; the Government component brings its own provider, so the stack's
environment does not concern it. Both refuse any azure-native provider they are handed, since a provider a YAML
program declares is a plain `pulumi:providers:azure-native` that records no cloud. The checker refuses the same
stacks, with the components' own environment check, naming the file and the field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.components.clouds import COMMERCIAL as COMMERCIAL_CLOUD
from azure_openai_guarded.components.clouds import GOVERNMENT as GOVERNMENT_CLOUD
from azure_openai_guarded.components.declaration import MetadataHost, environment_problems
from azure_openai_guarded.guards.checker import CheckResult, check_file
from azure_openai_guarded.guards.cli import main
from tests.declarations import use_case
from tests.guard.test_yaml_program import dump

COMMERCIAL = "azure-openai-guarded:index:AzureOpenAIService"
GOVERNMENT = "azure-openai-guarded:index:AzureGovernmentOpenAIService"
REGION = {COMMERCIAL: "eastus2", GOVERNMENT: "usgovvirginia"}
GOV_PROVIDER = {"type": "pulumi:providers:azure-native", "properties": {"environment": "usgovernment"}}


def component(token: str = COMMERCIAL, **options: Any) -> dict[str, Any]:
    """A component written out in full, allowed wherever it deploys, with ``options`` as its resource options."""
    properties = {
        "useCase": use_case(),
        "location": REGION[token],
        "accountName": "support-x",
        "resourceGroupName": "rg-x",
        "deployments": [{"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": "Standard", "capacity": 1}],
    }
    return {"type": token, "properties": properties, **({"options": options} if options else {})}


def write(
    folder: Path, resources: dict[str, Any], stack: dict[str, Any] | None = None, project: dict[str, Any] | None = None
) -> Path:
    document = {"name": "chat-yaml", "runtime": "yaml", **({"config": project} if project else {})}
    (folder / "Pulumi.yaml").write_text(dump({**document, "resources": resources}), encoding="utf-8")
    path = folder / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump({"config": {"chat-yaml:x": "1", **(stack or {})}}, sort_keys=False), "utf-8")
    return path


def _line(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def places(result: CheckResult) -> list[tuple[str, int, str]]:
    assert result.verdict is None, "expected an invalid stack"
    return [(file.name, line, str(problem)) for file, line, problem in result.problem_places()]


@pytest.mark.parametrize(
    ("token", "environment", "refused"),
    [
        (COMMERCIAL, None, False),
        (COMMERCIAL, "public", False),
        (COMMERCIAL, "usgovernment", True),
        (COMMERCIAL, "USGovernment", True),
        (COMMERCIAL, "china", True),
        (COMMERCIAL, MetadataHost("management.example.com"), True),
        (GOVERNMENT, None, False),
        # The Government component reads its arguments for the default provider too (review R5 F4).
        (GOVERNMENT, "public", True),
        (GOVERNMENT, "usgovernment", False),
        (GOVERNMENT, MetadataHost("management.example.com"), True),
    ],
    ids=[
        "commercial-unset",
        "commercial-public",
        "commercial-usgovernment",
        "commercial-usgovernment-any-case",
        "commercial-china",
        "commercial-metadata-host",
        "government-unset",
        "government-public",
        "government-usgovernment",
        "government-metadata-host",
    ],
)
@pytest.mark.parametrize("set_in", ["stack", "project"])
def test_a_component_is_refused_where_the_stacks_default_provider_deploys_elsewhere_than_its_cloud(
    tmp_path: Path, token: str, environment: Any, refused: bool, set_in: str
) -> None:
    """The stack's `azure-native:environment` (or `metadataHost`), in the stack file or in Pulumi.yaml's `config:`,
    refused with the components' own words, at the key's line in the file that sets it."""
    key, value = (
        ("azure-native:metadataHost", environment.host)
        if isinstance(environment, MetadataHost)
        else ("azure-native:environment", environment)
    )
    config = {key: value} if value is not None else {}
    stack = write(tmp_path, {"chat": component(token)}, **{set_in: config})
    result = check_file(stack)
    if not refused:
        assert result.verdict is not None, result.error
        assert result.verdict.allowed
        return
    ((file, line, problem),) = places(result)
    cloud = GOVERNMENT_CLOUD if token == GOVERNMENT else COMMERCIAL_CLOUD
    (expected,) = environment_problems(environment, cloud, ())
    where = stack if set_in == "stack" else tmp_path / "Pulumi.yaml"
    assert (file, line) == (where.name, _line(where, f"{key}:"))
    assert problem.startswith(f"`{key}`: for resource `chat` (`")
    assert problem.endswith(expected.message)


@pytest.mark.parametrize(
    ("resources", "path"),
    [
        ({"gov": GOV_PROVIDER, "chat": component(providers=["${gov}"])}, "resources.chat.options.providers[0]"),
        ({"gov": GOV_PROVIDER, "chat": component(provider="${gov}")}, "resources.chat.options.provider"),
        (
            {"gov": GOV_PROVIDER, "chat": component(providers={"azure-native": "${gov}"})},
            "resources.chat.options.providers.azure-native",
        ),
        (
            {"gov": GOV_PROVIDER, "chat": component(GOVERNMENT, providers=["${gov}"])},
            "resources.chat.options.providers[0]",
        ),
        (
            {
                "gov": GOV_PROVIDER,
                "holder": {"type": "my:index:Holder", "options": {"providers": ["${gov}"]}},
                "chat": component(parent="${holder}"),
            },
            "resources.holder.options.providers[0]` (`resources.chat` inherits it through its parent)",
        ),
        ({"gov": GOV_PROVIDER, "chat": component(parent="${gov}")}, "resources.chat.options.parent"),
        (
            {"gov": {**GOV_PROVIDER, "properties": {"environment": "public"}}, "chat": component(providers=["${gov}"])},
            "resources.chat.options.providers[0]",
        ),
        ({"chat": component(providers=["${chosen}"])}, "resources.chat.options.providers[0]"),
        ({"chat": component(providers="${chosen}")}, "resources.chat.options.providers"),
        ({"gov": GOV_PROVIDER, "chat": component(providers=["${gov.id}"])}, "resources.chat.options.providers[0]"),
        ({"chat": component(parent="${elsewhere}")}, "resources.chat.options.parent"),
    ],
    ids=[
        "providers-list",
        "provider",
        "providers-mapping",
        "government-component",
        "inherited-from-the-parent",
        "parent-is-the-provider",
        "even-a-public-one",
        "a-variable",
        "the-whole-list-an-expression",
        "a-property",
        "a-parent-not-in-the-program",
    ],
)
def test_an_azure_native_provider_a_component_may_be_handed_is_refused_naming_the_option(
    tmp_path: Path, resources: dict[str, Any], path: str
) -> None:
    """As the component refuses an azure-native provider that records no cloud: named in its options, inherited from
    its parent, or anything the checker cannot follow to a resource of the program. The stack's environment is then
    not checked (the component does not use the default provider), so the option is the one problem."""
    stack = write(tmp_path, resources, {"azure-native:environment": "usgovernment"})
    ((file, line, problem),) = places(check_file(stack))
    assert file == "Pulumi.yaml"
    assert f"`Pulumi.yaml`: `{path}" in problem.replace(str(tmp_path) + "/", "")
    assert "the component refuses any azure-native provider" in problem
    # The option's own line: its key, or the list item that names the provider.
    written = (tmp_path / "Pulumi.yaml").read_text(encoding="utf-8").splitlines()[line - 1].strip()
    key = path.split("`")[0].rsplit(".", 1)[-1]
    assert written.startswith(f"{key}:") if "[" not in key else written.startswith("- ${")


@pytest.mark.parametrize(
    "resources",
    [
        {"rnd": {"type": "pulumi:providers:random"}, "chat": component(providers=["${rnd}"])},
        {"other": {"type": "my:index:Holder"}, "chat": component(parent="${other}")},
        {"chat": component(dependsOn=["${other}"]), "other": {"type": "my:index:Holder"}},
    ],
    ids=["another-packages-provider", "a-parent-with-no-provider", "other-options"],
)
def test_options_that_hand_the_component_no_azure_native_provider_leave_its_verdict_alone(
    tmp_path: Path, resources: dict[str, Any]
) -> None:
    result = check_file(write(tmp_path, resources))
    assert result.verdict is not None, result.error
    assert result.verdict.allowed


@pytest.mark.parametrize("form", ["text", "json", "sarif", "markdown"])
def test_every_report_points_an_environment_problem_at_the_stack_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {"chat": component()}, {"azure-native:environment": "usgovernment"})
    monkeypatch.chdir(tmp_path)
    assert main(["check", ".", "--format", form]) == 2
    out = capsys.readouterr().out
    if form == "sarif":
        assert '"uri": "Pulumi.dev.yaml"' in out
        assert '"uri": "Pulumi.yaml"' not in out
    else:
        assert "azure-native:environment: usgovernment" in out
        assert "Pulumi.yaml line" not in out
