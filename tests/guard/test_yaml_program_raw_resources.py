"""A YAML program's raw resources are judged by the checker as the pack's mandatory use-case rules judge them.

The checker is what pre-commit, the Action and fork pull requests run, without the pack: a Face account for US
police, a generic or template resource that creates a Cognitive Services account, or a resource an explicit
provider sends to another cloud than the component beside or above it decided for, must be refused there too (review
R5 F5, F7). Also here: the stack config's own `azure-openai-guarded:*` keys in a YAML project of that name (F3), the
Government component on a default provider of another cloud (F4), whole-number floats (F9), a YAML program with no
stack file under `--repository` (F8), and a folder's JSON stack file (F6).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from azure_openai_guarded.guards import yaml_program
from azure_openai_guarded.guards.checker import ExitStatus, check_file, check_paths, exit_status
from azure_openai_guarded.guards.cli import main
from azure_openai_guarded.guards.raw_resources import Pending, face_account_reason, opaque_reason
from azure_openai_guarded.guards.rules import DECLARATION_INCONSISTENT, DECLARATION_MISSING, FR_US_LAW_ENFORCEMENT
from tests.declarations import fr_facts, police, use_case

COMMERCIAL = "azure-openai-guarded:index:AzureOpenAIService"
GOVERNMENT = "azure-openai-guarded:index:AzureGovernmentOpenAIService"

SERVICE = {
    "location": "eastus2",
    "resourceGroupName": "rg-chat",
    "deployments": [
        {"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": "GlobalStandard", "capacity": 10}
    ],
}
GOV_SERVICE = {
    "location": "usgovvirginia",
    "resourceGroupName": "rg-chat",
    "deployments": [
        {"name": "chat", "model": "gpt-4o", "version": "2024-11-20", "sku": "DataZoneStandard", "capacity": 10}
    ],
}

POLICE_TEXT = use_case(operator=police("US"), servedParties=[], capabilities=["text_generation"], humanReview=True)
"""A US police department drafting reports: allowed, but no Face account may sit in its stack."""

UK_POLICE_MATCH = use_case(
    purpose="Match custody suite photos for a UK police force.",
    servedParties=[police("GB")],
    capabilities=["facial_recognition"],
    facialRecognition=fr_facts(),
)
"""A US vendor matching faces for a UK police force at fixed, controlled sites: allowed in commercial Azure, denied
in Azure Government, where every party is under US jurisdiction."""

LOCKED = {"publicNetworkAccess": "Disabled", "disableLocalAuth": True}


def account(kind: Any = "Face", **options: Any) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "type": "azure-native:cognitiveservices:Account",
        "properties": {"accountName": "acct", "resourceGroupName": "rg-chat", "kind": kind, "properties": LOCKED},
    }
    return {**resource, "options": options} if options else resource


def chat(declared: Any, token: str = COMMERCIAL, service: Any = None) -> dict[str, Any]:
    return {"type": token, "properties": {**(service or SERVICE), "useCase": declared}}


GOV_PROVIDER = {"type": "pulumi:providers:azure-native", "properties": {"environment": "usgovernment"}}


def stack(folder: Path, resources: dict[str, Any], config: dict[str, Any] | None = None, name: str = "app") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    document = {"name": name, "runtime": "yaml", "resources": resources}
    (folder / "Pulumi.yaml").write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    path = folder / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump({"config": config or {"azure-native:environment": "public"}}), encoding="utf-8")
    return path


def denied(path: Path) -> set[str]:
    result = check_file(path)
    assert result.verdict is not None, result.error
    return {f.rule for f in result.verdict.denials}


def test_a_face_account_beneath_a_component_declared_for_us_police_is_denied(tmp_path: Path) -> None:
    path = stack(tmp_path, {"chat": chat(POLICE_TEXT), "faces": account(parent="${chat}")})
    assert FR_US_LAW_ENFORCEMENT.id in denied(path)


def test_a_face_account_alone_under_the_stack_configs_police_declaration_is_denied(tmp_path: Path) -> None:
    config = {"azure-native:environment": "public", "app:useCase": POLICE_TEXT}
    path = stack(tmp_path, {"faces": account()}, config)
    result = check_file(path)
    assert result.verdict is not None
    assert not result.verdict.allowed
    assert result.finding_location(result.verdict.denials[0])[0] == tmp_path / "Pulumi.yaml"


@pytest.mark.parametrize(
    "kind", [None, "${kind}", "F\u0430ce", "Face\u200b"], ids=["unset", "interpolated", "cyrillic-a", "zero-width"]
)
def test_an_account_whose_kind_is_unknown_or_disguised_may_be_face(tmp_path: Path, kind: Any) -> None:
    # Review R10 L7: a look-alike letter or an invisible one made Face no kind at all.
    path = stack(tmp_path, {"chat": chat(POLICE_TEXT), "faces": account(kind, parent="${chat}")})
    assert FR_US_LAW_ENFORCEMENT.id in denied(path)


@pytest.mark.parametrize("token", ["azure:cognitive:Account", "azure:cognitive/account:Account"])
def test_a_classic_face_account_in_the_short_form_pulumi_yaml_resolves_is_judged_as_registered(
    tmp_path: Path, token: str
) -> None:
    config = {"azure-native:environment": "public", "app:useCase": POLICE_TEXT}
    classic = {"type": token, "properties": {"resourceGroupName": "rg-x", "kind": "Face", "skuName": "S0"}}

    assert FR_US_LAW_ENFORCEMENT.id in denied(stack(tmp_path, {"faces": classic}, config))


@pytest.mark.parametrize(
    "resource",
    [
        {"type": "azure:cognitive:AIServices", "properties": {"resourceGroupName": "rg-x", "skuName": "S0"}},
        account("AIServices"),
    ],
    ids=["classic", "azure-native"],
)
def test_an_ai_services_account_is_one_kind_whichever_provider_makes_it(
    tmp_path: Path, resource: dict[str, Any]
) -> None:
    # Review R14 F4: the classic resource has no kind input, and was read as an unset kind, so as Face.
    config = {"azure-native:environment": "public", "app:useCase": POLICE_TEXT}

    assert denied(stack(tmp_path, {"ai": resource}, config)) == set()


@pytest.mark.parametrize(
    ("written", "registered"),
    [
        ("azure:cognitive:Account", "azure:cognitive/account:Account"),
        ("azure:cognitive:AIServices", "azure:cognitive/aIServices:AIServices"),
        ("azapi:Resource", "azapi:index/resource:Resource"),
        ("azure:cognitive/account:Account", "azure:cognitive/account:Account"),
        ("azure-native:cognitiveservices:Account", "azure-native:cognitiveservices:Account"),
        ("pulumi:providers:azure", "pulumi:providers:azure"),
    ],
)
def test_a_type_token_is_read_as_the_engine_registers_it(written: str, registered: str) -> None:
    assert yaml_program.registered(written) == registered


def test_an_openai_account_beneath_a_police_component_is_not_a_face_account(tmp_path: Path) -> None:
    path = stack(tmp_path, {"chat": chat(POLICE_TEXT), "side": account("OpenAI", parent="${chat}")})
    assert check_file(path).allowed


@pytest.mark.parametrize(
    "resource",
    [
        {
            "type": "azure-native:resources:Resource",
            "properties": {"resourceProviderNamespace": "Microsoft.CognitiveServices", "resourceType": "accounts"},
        },
        {"type": "azure-native:resources:Resource", "properties": {"resourceProviderNamespace": "${ns}"}},
        {"type": "azapi:index:Resource", "properties": {"type": "Microsoft.CognitiveServices/accounts@2024-10-01"}},
        {
            "type": "azure-native:resources:Deployment",
            "properties": {
                "properties": {"template": {"resources": [{"type": "Microsoft.CognitiveServices/accounts"}]}}
            },
        },
    ],
    ids=["generic", "generic-interpolated", "azapi", "arm-template"],
)
def test_a_generic_or_template_resource_that_creates_cognitive_services_is_refused(
    tmp_path: Path, resource: dict[str, Any]
) -> None:
    config = {"azure-native:environment": "public", "app:useCase": use_case()}
    assert DECLARATION_MISSING.id in denied(stack(tmp_path, {"opaque": resource}, config))


def test_a_generic_resource_of_another_provider_is_not_refused(tmp_path: Path) -> None:
    resource = {"type": "azure-native:resources:Resource", "properties": {"resourceProviderNamespace": "Microsoft.Web"}}
    config = {"azure-native:environment": "public", "app:useCase": use_case()}
    assert check_file(stack(tmp_path, {"chat": chat(use_case()), "site": resource}, config)).allowed


def test_a_raw_resource_beneath_a_commercial_component_on_a_government_provider_is_refused(tmp_path: Path) -> None:
    resources = {
        "gov": GOV_PROVIDER,
        "chat": chat(UK_POLICE_MATCH),
        "govaccount": account("OpenAI", parent="${chat}", provider="${gov}"),
    }
    assert DECLARATION_INCONSISTENT.id in denied(stack(tmp_path, resources))


def test_a_provider_a_raw_resource_inherits_from_its_raw_parent_counts(tmp_path: Path) -> None:
    resources = {
        "gov": GOV_PROVIDER,
        "chat": chat(UK_POLICE_MATCH),
        "group": {
            "type": "azure-native:resources:ResourceGroup",
            "options": {"parent": "${chat}", "providers": {"azure-native": "${gov}"}},
        },
        "govaccount": account("OpenAI", parent="${group}"),
    }
    assert DECLARATION_INCONSISTENT.id in denied(stack(tmp_path, resources))


def test_the_configs_declaration_is_decided_for_the_cloud_an_explicit_provider_sends_a_raw_account_to(
    tmp_path: Path,
) -> None:
    # Commercial Azure allows it; Azure Government, where the account goes, is US jurisdiction.
    config = {"azure-native:environment": "public", "app:useCase": UK_POLICE_MATCH}
    path = stack(tmp_path, {"gov": GOV_PROVIDER, "govaccount": account("OpenAI", provider="${gov}")}, config)
    result = check_file(path)
    assert result.verdict is not None
    assert not result.verdict.allowed
    (denial,) = result.verdict.denials
    assert denial.rule == FR_US_LAW_ENFORCEMENT.id
    assert denial.message.startswith("For Azure Government, where the program's provider sends `govaccount`")


def test_the_same_declaration_on_the_default_commercial_provider_is_allowed(tmp_path: Path) -> None:
    config = {"azure-native:environment": "public", "app:useCase": UK_POLICE_MATCH}
    assert check_file(stack(tmp_path, {"account": account("OpenAI")}, config)).allowed


def test_a_yaml_project_named_as_the_library_has_its_stack_configs_declaration_decided(tmp_path: Path) -> None:
    police_match = use_case(
        operator=police("US"), servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts()
    )
    config = {
        "azure-openai-guarded:service": {"cloud": "public", **SERVICE},
        "azure-openai-guarded:useCase": police_match,
    }
    path = stack(tmp_path, {"chat": chat(use_case())}, config, name="azure-openai-guarded")
    assert FR_US_LAW_ENFORCEMENT.id in denied(path)


def test_a_misspelt_field_of_that_stack_configs_declaration_is_invalid(tmp_path: Path) -> None:
    config = {"azure-openai-guarded:useCase": {**use_case(), "servedPartys": []}}
    path = stack(tmp_path, {"chat": chat(use_case())}, config, name="azure-openai-guarded")
    result = check_file(path)
    assert result.verdict is None
    assert "servedPartys" in str(result.error)


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ({"azure-native:environment": "public"}, "azure-native:environment"),
        ({"azure-native:metadataHost": "example.com"}, "azure-native:metadataHost"),
    ],
    ids=["public", "metadata-host"],
)
def test_a_government_component_on_a_default_provider_of_another_cloud_is_invalid_as_the_component_refuses_it(
    tmp_path: Path, config: dict[str, Any], key: str
) -> None:
    path = stack(tmp_path, {"chat": chat(use_case(), GOVERNMENT, GOV_SERVICE)}, config)
    result = check_file(path)
    assert result.verdict is None
    assert key in str(result.error)


def test_a_government_component_on_a_government_default_provider_is_allowed(tmp_path: Path) -> None:
    path = stack(
        tmp_path, {"chat": chat(use_case(), GOVERNMENT, GOV_SERVICE)}, {"azure-native:environment": "usgovernment"}
    )
    assert check_file(path).allowed


def test_a_whole_number_float_in_a_yaml_programs_integer_property_is_read_as_the_provider_reads_it(
    tmp_path: Path,
) -> None:
    service = {**SERVICE, "deployments": [{**SERVICE["deployments"][0], "capacity": 10.0}]}
    assert check_file(stack(tmp_path, {"chat": chat(use_case(), service=service)})).allowed


def test_a_fractional_number_in_an_integer_property_is_still_invalid(tmp_path: Path) -> None:
    service = {**SERVICE, "deployments": [{**SERVICE["deployments"][0], "capacity": 10.5}]}
    assert check_file(stack(tmp_path, {"chat": chat(use_case(), service=service)})).verdict is None


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def test_the_repository_check_decides_a_yaml_program_without_a_stack_file_with_an_empty_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    police_match = use_case(
        operator=police("US"), servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts()
    )
    document = {"name": "app", "runtime": "yaml", "resources": {"chat": chat(police_match)}}
    (tmp_path / "Pulumi.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "Pulumi.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--repository"]) == ExitStatus.DENIED


def test_a_raw_account_placed_in_a_government_region_has_the_configs_declaration_decided_there(
    tmp_path: Path,
) -> None:
    # Review R14 F11: the pack refuses it for want of a Government provider; the checker decided commercial only.
    config = {"azure-native:environment": "public", "app:useCase": UK_POLICE_MATCH}
    placed = account("OpenAI")
    placed["properties"]["location"] = "usgovvirginia"

    result = check_file(stack(tmp_path, {"acct": placed}, config))

    assert result.verdict is not None, result.error
    assert FR_US_LAW_ENFORCEMENT.id in {f.rule for f in result.verdict.denials}
    assert "places `acct` in usgovvirginia" in result.verdict.denials[0].message


@pytest.mark.parametrize("given", ["Pulumi.yaml", "."], ids=["project-file", "folder"])
def test_a_yaml_program_without_a_stack_file_given_by_path_is_decided_as_the_repository_check_decides_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    # Review R14 F9: by path the project was invalid ("no Pulumi.<stack>.yaml files"), by --repository decided.
    police_match = use_case(
        operator=police("US"), servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts()
    )
    document = {"name": "app", "runtime": "yaml", "resources": {"chat": chat(police_match)}}
    (tmp_path / "Pulumi.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    assert main(["check", given]) == ExitStatus.DENIED


def test_the_repository_check_passes_a_yaml_program_that_declares_nothing_the_guard_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bucket = {"type": "azure-native:storage:StorageAccount", "properties": {"resourceGroupName": "rg"}}
    document = {"name": "app", "runtime": "yaml", "resources": {"bucket": bucket}}
    (tmp_path / "Pulumi.yaml").write_text(yaml.safe_dump(document), encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "Pulumi.yaml")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--repository"]) == ExitStatus.ALLOWED


def test_a_folders_json_stack_file_is_read_not_skipped(tmp_path: Path) -> None:
    (tmp_path / "Pulumi.dev.yaml").write_text("config: {}\n", encoding="utf-8")
    (tmp_path / "Pulumi.prod.json").write_text('{"config": {}}', encoding="utf-8")
    results = check_paths([tmp_path])
    assert [r.file.name for r in results] == ["Pulumi.dev.yaml", "Pulumi.prod.json"]
    assert exit_status(results) is not ExitStatus.ALLOWED


def test_the_pure_opaque_reading_counts_a_value_known_only_at_deployment_as_naming_the_provider() -> None:
    assert opaque_reason("azure-native:resources:Resource", lambda key: Pending(key)) is not None
    assert opaque_reason("azure-native:resources:Resource", lambda key: "Microsoft.Storage") is None
    assert opaque_reason("azure-native:storage:StorageAccount", lambda key: Pending(key)) is None


def test_the_pure_face_decision_refuses_face_where_no_use_case_is_declared_and_passes_other_kinds() -> None:
    assert face_account_reason("a", "face", [], "app") is not None
    assert face_account_reason("a", "openai", [], "app") is None


@pytest.mark.parametrize(("environment", "refused"), [(None, True), ("usgovernment", False)], ids=["unset", "gov"])
def test_a_raw_child_of_the_government_component_on_the_default_provider_must_go_to_azure_government(
    tmp_path: Path, environment: str | None, refused: bool
) -> None:
    resources = {"chat": chat(use_case(), GOVERNMENT, GOV_SERVICE), "side": account("OpenAI", parent="${chat}")}
    config = {"azure-native:environment": environment} if environment else {"app:guardProfile": "terms"}
    result = check_file(stack(tmp_path, resources, config))
    assert result.verdict is not None, result.error
    assert (DECLARATION_INCONSISTENT.id in {f.rule for f in result.verdict.denials}) is refused


CLASSIC_GOV_PROVIDER = {"type": "pulumi:providers:azure", "properties": {"environment": "usgovernment"}}
CLASSIC_ACCOUNT = {
    "type": "azure:cognitive/account:Account",
    "properties": {"name": "acct", "resourceGroupName": "rg-chat", "kind": "OpenAI", "skuName": "S0"},
}


def test_a_classic_account_on_a_classic_government_provider_has_the_configs_declaration_decided_there(
    tmp_path: Path,
) -> None:
    config = {"azure-native:environment": "public", "app:useCase": UK_POLICE_MATCH}
    resources = {"gov": CLASSIC_GOV_PROVIDER, "acct": {**CLASSIC_ACCOUNT, "options": {"provider": "${gov}"}}}
    assert FR_US_LAW_ENFORCEMENT.id in denied(stack(tmp_path, resources, config))


def test_a_classic_account_beneath_a_commercial_component_on_a_classic_government_provider_is_refused(
    tmp_path: Path,
) -> None:
    options = {"parent": "${chat}", "provider": "${gov}"}
    resources = {"gov": CLASSIC_GOV_PROVIDER, "chat": chat(use_case()), "acct": {**CLASSIC_ACCOUNT, "options": options}}
    assert DECLARATION_INCONSISTENT.id in denied(stack(tmp_path, resources))


def test_an_azure_native_provider_does_not_route_a_classic_resource(tmp_path: Path) -> None:
    options = {"parent": "${chat}", "provider": "${gov}"}
    resources = {"gov": GOV_PROVIDER, "chat": chat(use_case()), "acct": {**CLASSIC_ACCOUNT, "options": options}}
    assert check_file(stack(tmp_path, resources)).allowed
