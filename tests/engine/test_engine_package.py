"""The component package (provider/) as the real engine serves it to every language.

The engine runs provider/ through Pulumi's component host (PulumiPlugin.yaml, runtime python): it installs the
plugin's requirements into provider/venv with Pulumi's pip toolchain, offline from the wheels `make engine`
fetched, and asks it for its schema and to construct each component. The SDKs come from Pulumi's own
generators; the YAML consumer runs on the real YAML language host. Only Azure is stood in for.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards.deployment import STACK_NAME
from azure_openai_guarded.guards.policies.use_case import ACCOUNT_DECLARED, USE_CASE_VERDICT
from azure_openai_guarded.guards.rules import DECLARATION_INCONSISTENT, FR_US_LAW_ENFORCEMENT
from azure_openai_guarded.provider import COMPONENTS, PACKAGE_NAME
from tests.declarations import fr_facts, police, use_case
from tests.engine.harness import REPO, TOOLS_BIN, Engine, Result, copy_project, engine_versions, link_environments

DENYING_RULE = FR_US_LAW_ENFORCEMENT
SERVICE = f"{PACKAGE_NAME}:index:AzureOpenAIService"
SDK_LANGUAGES = ("nodejs", "go", "python")
NODE_MODULES = REPO / "examples" / "consumer-ts" / "node_modules"
SDK = "azure-openai-guarded"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """One copy for the module: Pulumi installs the plugin's environment once, on the first command."""
    if not (REPO / ".tools" / "wheels").is_dir():
        pytest.fail(".tools/wheels is missing: `make engine` fetches the plugin's wheels for an offline install")
    root = tmp_path_factory.mktemp("package")
    project = copy_project(root / "project")
    link_environments(project)
    return Engine(root, project)


def _gen_sdk(package: Engine, language: str, out: Path) -> Path:
    result = package.run("package", "gen-sdk", "./provider", "--language", language, "--out", str(out))
    assert result.code == 0, result.text
    return out / language


def _assert_denied(result_text: str, code: int) -> None:
    assert code != 0
    assert DENYING_RULE.id in result_text
    assert DENYING_RULE.clause is not None
    assert DENYING_RULE.clause.wording in " ".join(result_text.split())
    assert "Traceback" not in result_text
    assert 'File "' not in result_text
    # The component's message alone, not gRPC's "Unexpected <class '...GuardDeniedError'>: ..."
    assert "Unexpected <class" not in result_text
    assert "GuardDeniedError" not in result_text


def test_get_schema_returns_both_components(package: Engine) -> None:
    result = package.run("package", "get-schema", "./provider")
    assert result.code == 0, result.text
    schema = json.loads(result.out)
    assert schema["name"] == PACKAGE_NAME
    assert set(schema["resources"]) == {f"{PACKAGE_NAME}:index:{c.__name__}" for c in COMPONENTS}
    assert all(schema["resources"][token]["isComponent"] for token in schema["resources"])


@pytest.mark.parametrize("language", SDK_LANGUAGES)
def test_gen_sdk_generates_an_sdk_naming_both_components(package: Engine, language: str) -> None:
    sdk = _gen_sdk(package, language, package.root / "sdks")
    generated = "\n".join(p.read_text() for p in sdk.rglob("*") if p.is_file() and p.suffix in {".ts", ".go", ".py"})
    for component in COMPONENTS:
        assert component.__name__ in generated


def _preview_with_pack(package: Engine, stack: str, consumer: Path) -> Result:
    """A consumer's preview with this project's policy pack, as a consumer's CI runs it."""
    pack = str(package.project / "guards" / "policy_pack")
    return package.preview(stack, "--policy-pack", pack, cwd=consumer, pack=False)


def _assert_the_pack_passed(result: Result) -> None:
    assert result.code == 0, result.text
    assert f"{PACKAGE_NAME}@v" in result.out, result.text
    assert "[mandatory]" not in result.out, result.text


def _assert_schema_names(result_text: str) -> None:
    """Another language's user is told the names they write: the schema's camelCase, never the Python names."""
    assert "logAnalyticsWorkspaceId" in result_text
    assert "log_analytics_workspace_id" not in result_text


# TypeScript -------------------------------------------------------------------------------------------------


def _node_modules(consumer: Path, sdk: Path) -> None:
    """The consumer's node_modules: `make engine`'s install, linked entry by entry, plus the compiled SDK."""
    modules = consumer / "node_modules"
    (modules / "@pulumi").mkdir(parents=True)
    for entry in NODE_MODULES.iterdir():
        if entry.name != "@pulumi":
            (modules / entry.name).symlink_to(entry)
    for entry in (NODE_MODULES / "@pulumi").iterdir():
        (modules / "@pulumi" / entry.name).symlink_to(entry)
    (modules / "@pulumi" / SDK).symlink_to(sdk / "bin", target_is_directory=True)


def _tsc(engine: Engine, project: Path) -> subprocess.CompletedProcess[str]:
    tsc = NODE_MODULES / "typescript" / "bin" / "tsc"
    return subprocess.run(
        ["node", str(tsc), "-p", str(project)], env=engine.env, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def ts_consumer(package: Engine) -> Path:
    if not NODE_MODULES.is_dir():
        pytest.fail("examples/consumer-ts/node_modules is missing: `make engine` installs it")
    consumer = package.project / "examples" / "consumer-ts"
    sdk = _gen_sdk(package, "nodejs", consumer / "sdks").rename(consumer / "sdks" / SDK)
    _node_modules(consumer, sdk)
    compiled = _tsc(package, sdk)
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    shutil.copy(sdk / "package.json", sdk / "bin" / "package.json")
    return consumer


def test_the_typescript_sdk_and_consumer_compile_with_tsc(package: Engine, ts_consumer: Path) -> None:
    compiled = _tsc(package, ts_consumer)
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr


def test_the_typescript_consumer_previews_an_allowed_use_case_and_passes_the_pack(
    package: Engine, ts_consumer: Path
) -> None:
    package.init("allowed", cwd=ts_consumer)
    result = _preview_with_pack(package, "allowed", ts_consumer)
    _assert_the_pack_passed(result)
    assert "azure-native:cognitiveservices:Account" in result.out
    assert '"allowed"' in result.out
    _assert_schema_names(result.text)


def test_the_typescript_consumer_is_denied_by_the_same_guard_with_the_pack(package: Engine, ts_consumer: Path) -> None:
    package.init("denied", cwd=ts_consumer)
    result = _preview_with_pack(package, "denied", ts_consumer)
    _assert_denied(result.text, result.code)
    assert "azure-native:" not in result.out


def test_the_component_provider_reads_the_stack_name_the_engine_constructs_it_for(
    package: Engine, ts_consumer: Path
) -> None:
    # The allowed stack's config under a name for a US police force's live body cameras; no pack, so the
    # component provider's construct call, which the engine gives the stack's name, is what denies it.
    stack = "nypd-bodycam-live"
    shutil.copy(ts_consumer / "Pulumi.allowed.yaml", ts_consumer / f"Pulumi.{stack}.yaml")
    package.init(stack, cwd=ts_consumer)
    result = package.preview(stack, cwd=ts_consumer, pack=False)
    assert result.code != 0
    assert f"{STACK_NAME} says 'nypd'" in result.text
    assert "azure-native:" not in result.out
    assert "Traceback" not in result.text


# Go ----------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def go_consumer(package: Engine) -> Path:
    consumer = package.project / "examples" / "consumer-go"
    generated = _gen_sdk(package, "go", package.root / "go-sdk")
    (package_dir,) = [p.parent for p in generated.rglob("pulumi-plugin.json")]
    sdk = consumer / "sdks" / SDK
    shutil.copytree(package_dir, sdk)
    # What `pulumi package add` writes for Go: a go.mod for the SDK, which the consumer's go.mod replaces.
    replace = next(line for line in (consumer / "go.mod").read_text().splitlines() if "=> ./sdks/" in line)
    module = replace.split()[1]
    sdk_requirement = f"github.com/pulumi/pulumi/sdk/v3 v{engine_versions()['PULUMI_VERSION']}"
    (sdk / "go.mod").write_text(f"module {module}\n\ngo 1.26\n\nrequire {sdk_requirement}\n")
    return consumer


def test_the_go_sdk_and_consumer_build(package: Engine, go_consumer: Path) -> None:
    build = subprocess.run(
        ["go", "build", "-o", os.devnull, "."], cwd=go_consumer, env=package.env, capture_output=True, text=True
    )
    assert build.returncode == 0, build.stdout + build.stderr


def test_the_go_consumer_previews_an_allowed_use_case_and_passes_the_pack(package: Engine, go_consumer: Path) -> None:
    package.init("allowed", cwd=go_consumer)
    result = _preview_with_pack(package, "allowed", go_consumer)
    _assert_the_pack_passed(result)
    assert "azure-native:cognitiveservices:Account" in result.out


def test_the_go_consumer_is_denied_by_the_same_guard_with_the_pack(package: Engine, go_consumer: Path) -> None:
    package.init("denied", cwd=go_consumer)
    result = _preview_with_pack(package, "denied", go_consumer)
    _assert_denied(result.text, result.code)
    assert "azure-native:" not in result.out


# YAML --------------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def yaml_consumers(package: Engine) -> dict[str, Path]:
    """The YAML consumer as it is, a copy whose inline use case is facial recognition for US police, and one
    whose Foundry project's description says it identifies suspects for the NYPD."""
    allowed = package.project / "examples" / "consumer-yaml"
    denied = allowed.with_name("consumer-yaml-denied")
    shutil.copytree(allowed, denied)
    program = yaml.safe_load((denied / "Pulumi.yaml").read_text())
    (resource,) = [r for r in program["resources"].values() if r["type"] == SERVICE]
    resource["properties"]["useCase"] |= {
        "operator": {"sector": "law_enforcement", "country": "US"},
        "capabilities": ["facial_recognition"],
        "facialRecognition": {"realtime": False, "cameras": ["fixed"], "environment": "controlled"},
    }
    program["name"] = f"{program['name']}-denied"
    (denied / "Pulumi.yaml").write_text(yaml.safe_dump(program, sort_keys=False))
    described = allowed.with_name("consumer-yaml-described")
    shutil.copytree(allowed, described)
    program = yaml.safe_load((described / "Pulumi.yaml").read_text())
    (resource,) = [r for r in program["resources"].values() if r["type"] == SERVICE]
    # The use case stays allowed; only a Foundry project's description says what the account is for.
    resource["properties"] |= {"kind": "AIServices", "projects": [{"name": "team", "description": NYPD_MATCHING}]}
    program["name"] = f"{program['name']}-described"
    (described / "Pulumi.yaml").write_text(yaml.safe_dump(program, sort_keys=False))
    return {"allowed": allowed, "denied": denied, "described": described}


def test_the_yaml_consumer_runs_on_the_yaml_language_host_and_its_inline_use_case_passes_the_pack(
    package: Engine, yaml_consumers: dict[str, Path]
) -> None:
    assert (TOOLS_BIN / "pulumi-language-yaml").is_file() or shutil.which("pulumi-language-yaml")
    consumer = yaml_consumers["allowed"]
    package.init("dev", cwd=consumer)
    # The stack's config declares nothing: the use case is inline, and reaches the pack in the component's inputs.
    result = _preview_with_pack(package, "dev", consumer)
    _assert_the_pack_passed(result)
    assert "azure-native:cognitiveservices:Account" in result.out
    _assert_schema_names(result.text)


def test_the_yaml_consumer_is_denied_by_the_same_guard_with_the_pack(
    package: Engine, yaml_consumers: dict[str, Path]
) -> None:
    consumer = yaml_consumers["denied"]
    package.init("dev", cwd=consumer)
    result = _preview_with_pack(package, "dev", consumer)
    _assert_denied(result.text, result.code)
    assert "azure-native:" not in result.out


NYPD_MATCHING = "Identify suspects for the NYPD by matching the faces in the footage against mugshots."


def test_the_yaml_consumers_foundry_project_description_is_read_by_the_component_provider(
    package: Engine, yaml_consumers: dict[str, Path]
) -> None:
    consumer = yaml_consumers["described"]
    package.init("dev", cwd=consumer)
    result = _preview_with_pack(package, "dev", consumer)
    assert result.code != 0, result.text
    assert DECLARATION_INCONSISTENT.id in result.text
    assert "projects[0].description says" in " ".join(result.text.split())
    assert "azure-native:" not in result.out


# A forged component -------------------------------------------------------------------------------------------

FORGED = """\
import * as pulumi from "@pulumi/pulumi";

// The component's type token, registered by hand with a denied declaration, and a raw account beneath it.
const forged = new pulumi.ComponentResource("azure-openai-guarded:index:AzureOpenAIService", "forged", {
    useCase: {
        name: "pd-face", purpose: "Match booking photos for the police department.", owner: "it@pd.example.gov",
        operator: { sector: "law_enforcement", country: "US" }, servedParties: [],
        capabilities: ["facial_recognition"],
        facialRecognition: { realtime: false, cameras: ["fixed"], environment: "controlled" },
    },
    guardProfile: "terms",
    cloud: "public",
});
class Account extends pulumi.CustomResource {
    constructor(name: string, props: pulumi.Inputs, opts: pulumi.CustomResourceOptions) {
        super("azure-native:cognitiveservices:Account", name, props, opts);
    }
}
new Account("raw", {
    accountName: "raw", resourceGroupName: "rg-raw", kind: "OpenAI", location: "eastus2",
    sku: { name: "S0" }, identity: { type: "SystemAssigned" },
    properties: { disableLocalAuth: true, publicNetworkAccess: "Disabled", restrictOutboundNetworkAccess: true },
}, { parent: forged });
"""


def test_a_component_registered_by_hand_with_a_denied_declaration_fails_the_pack_naming_it(
    package: Engine, ts_consumer: Path
) -> None:
    consumer = ts_consumer.parent / "consumer-ts-forged"
    consumer.mkdir()
    for name in ("Pulumi.yaml", "package.json", "tsconfig.json"):
        shutil.copy(ts_consumer / name, consumer / name)
    # The stack's config declares an allowed use case: the component's own declaration is decided all the same.
    shutil.copy(ts_consumer / "Pulumi.allowed.yaml", consumer / "Pulumi.forged.yaml")
    (consumer / "index.ts").write_text(FORGED)
    _node_modules(consumer, ts_consumer / "sdks" / SDK)
    package.init("forged", cwd=consumer)
    result = _preview_with_pack(package, "forged", consumer)
    assert result.code != 0, result.text
    assert f"[mandatory]  {USE_CASE_VERDICT}" in result.out, result.text
    assert "AzureOpenAIService `forged` declares, in its inputs, a use case the guard denies" in result.out
    assert DENYING_RULE.id in result.out
    assert f"[mandatory]  {ACCOUNT_DECLARED}  (azure-native:cognitiveservices:Account: raw)" in result.out


def test_a_denied_declaration_beside_the_consumers_config_creates_nothing_on_up(
    package: Engine, yaml_consumers: dict[str, Path]
) -> None:
    # The component's own inline use case is allowed; a denied declaration in another namespace of the stack's
    # config, which the program may read, refuses the stack. The pack's stack policy runs only once every resource
    # exists, so `pulumi up` used to leave the component's resources behind; its resource policy refuses each as it
    # is registered, and the component, reading the config as the pack does, refuses it first (review R23).
    consumer = yaml_consumers["allowed"].with_name("consumer-yaml-beside")
    shutil.copytree(yaml_consumers["allowed"], consumer)
    program = yaml.safe_load((consumer / "Pulumi.yaml").read_text())
    program["name"] = f"{program['name']}-beside"
    (consumer / "Pulumi.yaml").write_text(yaml.safe_dump(program, sort_keys=False))
    package.init("dev", cwd=consumer)
    denied = use_case(
        operator=police("US"), servedParties=[], capabilities=["facial_recognition"], facialRecognition=fr_facts()
    )
    stack_file = consumer / "Pulumi.dev.yaml"
    written = yaml.safe_load(stack_file.read_text()) or {}
    written.setdefault("config", {})["team-ai:useCase"] = denied
    stack_file.write_text(yaml.safe_dump(written, sort_keys=False))

    pack = str(package.project / "guards" / "policy_pack")
    up = package.run("up", "--yes", "--stack", "dev", "--policy-pack", pack, cwd=consumer)

    assert up.code != 0, up.text
    assert "the guard denied the use case `team-ai:useCase`" in up.text, up.text
    created = [r["type"] for r in package.resources("dev", cwd=consumer)]
    assert not [t for t in created if t.startswith("azure-native:")], created
