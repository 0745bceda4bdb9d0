"""A consumer's declaration is decided for Azure Government as well when its program names it.

The Government component brings its own provider, and an explicit provider may be given `usgovernment` in code,
so a consumer stack whose `azure-native:environment` says commercial Azure may still deploy to Azure Government,
which is US jurisdiction: the checker reads the program's source files for either (review R7 M4), as the component
decides the declaration there when the program runs. A folder too large to read through counts as naming it.
"""

from __future__ import annotations

import base64
import bz2
import codecs
import gzip
import json
import lzma
import urllib.parse
from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards import consumer_config
from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.rules import DECLARATION_INCOMPLETE, FR_US_LAW_ENFORCEMENT
from tests.declarations import fr_facts, police, use_case

UK_POLICE_CUSTODY = use_case(
    purpose="Compare the custody photo taken at the booking desk with prior custody records after arrest.",
    operator=police("GB"),
    servedParties=[],
    capabilities=["facial_recognition"],
    facialRecognition=fr_facts(),
)


def _consumer(folder: Path, program: dict[str, str]) -> Path:
    (folder / "Pulumi.yaml").write_text("name: custody\nruntime: python\n", encoding="utf-8")
    for name, text in program.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    config = {"azure-native:environment": "public", "custody:useCase": UK_POLICE_CUSTODY}
    path = folder / "Pulumi.uk.yaml"
    path.write_text(yaml.safe_dump({"config": config}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("program", "denied"),
    [
        pytest.param(
            {"__main__.py": "from azure_openai_guarded.components import AzureGovernmentOpenAIService\n"},
            True,
            id="python-government-component",
        ),
        pytest.param(
            {"src/index.ts": "const svc = new guarded.AzureGovernmentOpenAIService('custody', args);\n"},
            True,
            id="typescript-government-component",
        ),
        pytest.param(
            {"main.go": 'p, _ := native.NewProvider(ctx, "gov", &native.ProviderArgs{Environment: "usgovernment"})\n'},
            True,
            id="go-explicit-provider",
        ),
        pytest.param(
            {"__main__.py": "AzureOpenAIService('desk', args, opts=Options(provider=GovernmentProvider('g')))"},
            True,
            id="the-government-provider-into-the-commercial-component",
        ),
        pytest.param(
            {"__main__.py": "AzureOpenAIService('desk', {'location': 'usgovvirginia'})\n"},
            True,
            id="a-government-region",
        ),
        pytest.param(
            {"__main__.py": "from azure_openai_guarded.components import AzureOpenAIService\n"},
            False,
            id="commercial-component",
        ),
        pytest.param(
            {"__main__.py": "import platform_helpers\nplatform_helpers.make_service('custody')\n"},
            True,
            id="neither-component-named-a-helper-elsewhere",
        ),
        pytest.param(
            {"README.txt": "AzureGovernmentOpenAIService", "node_modules/x/index.js": "AzureGovernmentOpenAIService"},
            False,
            id="not-the-programs-source",
        ),
        pytest.param(
            {
                "index.ts": "const svc = new guarded.AzureOpenAIService('chat', args);\n",
                "sdks/azure-openai-guarded/index.ts": "export { AzureGovernmentOpenAIService } from './gov';\n",
            },
            False,
            id="the-generated-sdk",
        ),
        pytest.param(
            {
                "__main__.py": "from azure_openai_guarded.components import AzureOpenAIService\n",
                "venv/pyvenv.cfg": "include-system-site-packages = false\n",
                "venv/lib/python3.11/site-packages/azure_openai_guarded/government.py": "AzureGovernmentOpenAIService",
            },
            False,
            id="a-virtual-environment",
        ),
    ],
)
def test_a_consumer_program_that_names_azure_government_is_decided_there_too(
    tmp_path: Path, program: dict[str, str], denied: bool
) -> None:
    result = check_file(_consumer(tmp_path, program))

    assert result.verdict is not None, result.problems
    assert (not result.verdict.allowed) is denied, result.verdict.summary()
    if denied:
        denials = [f for f in result.verdict.denials if f.rule == FR_US_LAW_ENFORCEMENT.id]
        assert any(d.message.startswith("For Azure Government, where the program") for d in denials)


def test_a_program_folder_too_large_to_read_through_counts_as_naming_azure_government(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(consumer_config, "PROGRAM_FILE_LIMIT", 2)
    program = {f"module{i}.py": "print('chat')\n" for i in range(3)}

    result = check_file(_consumer(tmp_path, program))

    assert result.verdict is not None, result.problems
    assert not result.verdict.allowed
    assert "more than 2 source and data files" in result.verdict.denials[0].message


def test_the_folder_the_projects_main_names_outside_it_is_read_too(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    stack = _consumer(project, {})
    (project / "Pulumi.yaml").write_text("name: custody\nruntime: python\nmain: ../shared/\n", encoding="utf-8")
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "__main__.py").write_text("AzureGovernmentOpenAIService('x', args)\n", encoding="utf-8")

    result = check_file(stack)

    assert result.verdict is not None, result.problems
    assert not result.verdict.allowed


def _consumer_with(folder: Path, declared: dict[str, object] | None = None, **other: object) -> Path:
    """Project `desk`'s stack declaring ``declared`` (by default a front-desk assistant), with ``other`` config."""
    (folder / "Pulumi.yaml").write_text("name: desk\nruntime: python\n", encoding="utf-8")
    desk = declared or {
        "name": "desk",
        "purpose": "Answer visitor questions at the front desk kiosk.",
        "owner": "team@example.com",
        "operator": {"sector": "commercial", "country": "US"},
        "servedParties": [],
        "capabilities": ["text_generation"],
    }
    config = {"azure-native:environment": "public", "desk:useCase": desk, **other}
    path = folder / "Pulumi.prod.yaml"
    path.write_text(yaml.safe_dump({"config": config}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("pieces", "denied"),
    [
        pytest.param(
            {
                "desk:operatorOverride": police("US"),
                "desk:extraCapabilities": ["facial_recognition"],
                "desk:capture": fr_facts(True, ("body_worn",), "uncontrolled"),
            },
            True,
            id="party-capabilities-and-facts-beside-it",
        ),
        pytest.param({"desk:extraCapabilities": ["facial_recognition"]}, False, id="recognition-by-a-company"),
        pytest.param({"desk:alerts": {"sector": "commercial", "country": "US"}}, False, id="a-company-party"),
        pytest.param({"desk:regions": ["eastus2", "westeurope"]}, False, id="a-list-of-other-things"),
        pytest.param(
            {"desk:sector": "law_enforcement", "desk:feature": "facial_recognition"}, True, id="pieces-as-scalars"
        ),
        pytest.param(
            {"desk:environment": "production", "desk:realtime": True}, False, id="capture-words-beside-no-recognition"
        ),
    ],
)
def test_pieces_of_a_declaration_written_beside_a_consumers_use_case_are_decided_put_in(
    tmp_path: Path, pieces: dict[str, object], denied: bool
) -> None:
    result = check_file(_consumer_with(tmp_path, **pieces))

    assert result.verdict is not None, result.problems
    assert (not result.verdict.allowed) is denied, result.verdict.summary()
    if denied:
        assert result.verdict.denials[0].message.startswith("With `desk:")


def _custody_consumer(folder: Path, **other: object) -> Path:
    """A British force's custody-photo match, allowed as declared, with ``other`` config beside it."""
    (folder / "__main__.py").write_text("AzureOpenAIService('svc', args)\n", encoding="utf-8")
    custody = use_case(
        purpose="Compare custody photos with the force's custody records to confirm a detainee's identity.",
        operator=police("GB"),
        servedParties=[],
        capabilities=["facial_recognition"],
        facialRecognition=fr_facts(False, ("fixed",), "controlled"),
    )
    return _consumer_with(folder, custody, **other)


@pytest.mark.parametrize(
    ("pieces", "denied"),
    [
        pytest.param({}, False, id="as-declared"),
        pytest.param({"desk:country": "US"}, True, id="a-country"),
        pytest.param({"desk:countries": "GB,US"}, True, id="a-list-in-text"),
        pytest.param({"desk:countries": ["GB", "US"]}, True, id="a-list"),
        pytest.param({"desk:who": "law_enforcement@US"}, True, id="inside-another-value"),
        pytest.param({"desk:jurisdiction": "United States"}, True, id="by-name"),
        pytest.param({"desk:region": "us-east", "desk:country": "GB"}, False, id="a-region-and-another-country"),
        # A secret is opaque to every entry point alike: the pack and the components are handed it decrypted and
        # read it as the stack file writes it, so the checker reads nothing into its ciphertext either.
        pytest.param({"desk:country": {"secure": "v1:AAAA+US+BBBB"}}, False, id="a-secret-ciphertext"),
    ],
)
def test_a_value_naming_the_united_states_beside_a_consumers_use_case_puts_its_parties_there(
    tmp_path: Path, pieces: dict[str, object], denied: bool
) -> None:
    # The program may write it into any party's country (review R20 A1): `operator["country"] = cfg.require(...)`.
    result = check_file(_custody_consumer(tmp_path, **pieces))

    assert result.verdict is not None, result.problems
    assert (FR_US_LAW_ENFORCEMENT.id in {f.rule for f in result.verdict.denials}) is denied, result.verdict.summary()


ENCODINGS = {
    "base64": lambda raw: base64.b64encode(raw).decode(),
    "base64-twice": lambda raw: base64.b64encode(base64.b64encode(raw)).decode(),
    "url-safe-unpadded": lambda raw: base64.urlsafe_b64encode(raw).decode().rstrip("="),
    "hex": lambda raw: raw.hex(),
    "gzip-then-base64": lambda raw: base64.b64encode(gzip.compress(raw)).decode(),
    # Review R14 F3: the other encodings the standard libraries read.
    "base32": lambda raw: base64.b32encode(raw).decode(),
    "base85": lambda raw: base64.b85encode(raw).decode(),
    "ascii85": lambda raw: base64.a85encode(raw, adobe=True).decode(),
    "percent": lambda raw: urllib.parse.quote(raw.decode()),
    "bzip2-then-base64": lambda raw: base64.b64encode(bz2.compress(raw)).decode(),
    "xz-then-base64": lambda raw: base64.b64encode(lzma.compress(raw)).decode(),
    "reversed": lambda raw: raw.decode()[::-1],
    "rot13": lambda raw: codecs.encode(raw.decode(), "rot13"),
}


@pytest.mark.parametrize("encoding", sorted(ENCODINGS))
def test_a_declaration_written_encoded_beside_a_harmless_one_is_decided(tmp_path: Path, encoding: str) -> None:
    # Reviews R10 and R14: a program may decode its declaration from any of these, nested.
    hidden = use_case(
        operator=police("US"),
        servedParties=[],
        capabilities=["facial_recognition"],
        facialRecognition=fr_facts(),
    )
    encoded = ENCODINGS[encoding](json.dumps(hidden).encode())

    result = check_file(_consumer_with(tmp_path, **{"desk:blob": encoded}))

    assert result.verdict is not None, result.problems
    assert FR_US_LAW_ENFORCEMENT.id in {f.rule for f in result.verdict.denials}, result.verdict.summary()


RAW_FACE = (
    "from azure_openai_guarded.components import AzureOpenAIService\n"
    "import pulumi_azure_native as azure_native\n"
    'azure_native.cognitiveservices.Account("face", kind="Face", resource_group_name="rg", sku={"name": "S0"})\n'
)


@pytest.mark.parametrize(
    ("operator", "denied"),
    [pytest.param(police("US"), True, id="us-police-text-only"), pytest.param(police("GB"), False, id="uk-police")],
)
def test_a_raw_account_in_a_consumers_code_may_be_face_beside_a_us_police_declaration(
    tmp_path: Path, operator: dict[str, str], denied: bool
) -> None:
    # Review R13: a Face account made in code passed the checker, which only the pack then stopped.
    (tmp_path / "Pulumi.yaml").write_text("name: desk\nruntime: python\n", encoding="utf-8")
    (tmp_path / "__main__.py").write_text(RAW_FACE, encoding="utf-8")
    declared = use_case(operator=operator, servedParties=[], capabilities=["summarization"])
    stack = tmp_path / "Pulumi.dev.yaml"
    stack.write_text(
        yaml.safe_dump({"config": {"azure-native:environment": "public", "desk:useCase": declared}}), encoding="utf-8"
    )

    result = check_file(stack)

    assert result.verdict is not None, result.problems
    assert (FR_US_LAW_ENFORCEMENT.id in {f.rule for f in result.verdict.denials}) is denied, result.verdict.summary()


COMPONENT = "from azure_openai_guarded.components import AzureOpenAIService\n"
FACE_LITERAL = 'azure_native.cognitiveservices.Account("face", kind="Face", resource_group_name="rg")\n'

UNREAD_FACE_ACCOUNTS = {
    # Review R14 F2: each made a Face account the checker's reading of the source missed.
    "built-name": {
        "__main__.py": COMPONENT
        + 'import importlib\nmod = importlib.import_module("pulumi_azure_" + "native." + "cognitive" + "services")\n'
    },
    "hidden-folder": {
        "__main__.py": COMPONENT + "import vision\n",
        ".lib/vision.py": "import pulumi_azure_native as azure_native\n" + FACE_LITERAL,
    },
    "exec": {"__main__.py": COMPONENT + 'exec(open("vision.txt").read())\n', "vision.txt": FACE_LITERAL},
    "runpy-pyw": {"__main__.py": COMPONENT + 'import runpy\nrunpy.run_path("vision.pyw")\n', "vision.pyw": ""},
    "no-component-named": {"__main__.py": "import shared.stack\n"},
    "kotlin": {"__main__.py": COMPONENT, "src/App.kt": 'Account("vision", AccountArgs.builder().kind("Face"))\n'},
}


@pytest.mark.parametrize("program", UNREAD_FACE_ACCOUNTS.values(), ids=UNREAD_FACE_ACCOUNTS.keys())
def test_code_the_checker_cannot_read_may_make_a_face_account_beside_us_police(
    tmp_path: Path, program: dict[str, str]
) -> None:
    (tmp_path / "Pulumi.yaml").write_text("name: desk\nruntime: python\n", encoding="utf-8")
    for name, text in program.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    declared = use_case(operator=police("US"), servedParties=[], capabilities=["summarization"])
    stack = tmp_path / "Pulumi.dev.yaml"
    stack.write_text(
        yaml.safe_dump({"config": {"azure-native:environment": "public", "desk:useCase": declared}}), encoding="utf-8"
    )

    result = check_file(stack)

    assert result.verdict is not None, result.problems
    assert FR_US_LAW_ENFORCEMENT.id in {f.rule for f in result.verdict.denials}, result.verdict.summary()


def test_a_program_that_only_uses_the_component_is_allowed_beside_us_police_text(tmp_path: Path) -> None:
    (tmp_path / "Pulumi.yaml").write_text("name: desk\nruntime: python\n", encoding="utf-8")
    (tmp_path / "__main__.py").write_text(COMPONENT + 'AzureOpenAIService("chat", args)\n', encoding="utf-8")
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "face.py").write_text(FACE_LITERAL, encoding="utf-8")
    declared = use_case(operator=police("US"), servedParties=[], capabilities=["summarization"])
    stack = tmp_path / "Pulumi.dev.yaml"
    stack.write_text(
        yaml.safe_dump({"config": {"azure-native:environment": "public", "desk:useCase": declared}}), encoding="utf-8"
    )

    assert check_file(stack).allowed


def test_the_components_named_in_a_later_file_than_everything_else_are_still_found(tmp_path: Path) -> None:
    # The reading stopped at the first file that named Azure Government, a raw account and code run at run time, so
    # a component named only in a later file was missed, and with it what the project provisions.
    (tmp_path / "Pulumi.yaml").write_text("name: desk\nruntime: python\n", encoding="utf-8")
    first = 'import pulumi_azure_native as azure_native  # usgovernment\nexec("")\nazure_native.cognitiveservices\n'
    (tmp_path / "a.py").write_text(first, encoding="utf-8")
    (tmp_path / "b.py").write_text(COMPONENT, encoding="utf-8")

    names = consumer_config.program_names(tmp_path / "Pulumi.yaml", None)

    assert names.component
    assert any("b.py, line 1: `AzureOpenAIService`" in found for found in names.provisions), names.provisions


@pytest.mark.parametrize(
    ("program", "written"),
    [
        pytest.param(
            'AzureOpenAIService("svc", {"use_case": {"operator": {"sector": "law_enforcement", "country": "US"}}})\n',
            "`law_enforcement` (__main__.py, line 1)",
            id="python-dict",
        ),
        pytest.param(
            'AzureOpenAIService("svc", use_case=UseCase(served_parties=[], capabilities=["facial_recognition"]))\n',
            "`served_parties` (__main__.py, line 1)",
            id="python-model",
        ),
        pytest.param(
            'new AzureOpenAIService("svc", {useCase: {servedParties: [], humanReview: true}});\n',
            "`servedParties` (__main__.py, line 1)",
            id="typescript-object",
        ),
    ],
)
def test_a_use_case_written_in_code_beside_a_harmless_one_in_config_is_incomplete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, program: str, written: str
) -> None:
    # The component decides the use case in code when the program runs; the one in config, which the checker
    # decides, may be a decoy beside it (review R20 A2).
    stack = _consumer_with(tmp_path)
    (tmp_path / "__main__.py").write_text(program, encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    result = check_file(stack)

    assert result.verdict is not None, result.problems
    [finding] = result.verdict.denials
    assert finding.rule == DECLARATION_INCOMPLETE.id
    assert f"writes a use case's fields ({written})" in finding.message


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("usecase.json", '{"operator": {"sector": "law_enforcement", "country": "US"}, "servedParties": []}'),
        ("config/use-case.YML", "operator: {sector: commercial, country: US}\ncapabilities: [facial_recognition]\n"),
        ("declaration.toml", "humanReview = true\n"),
    ],
)
def test_a_use_case_in_a_data_file_the_program_may_load_beside_a_harmless_one_in_config_is_incomplete(
    tmp_path: Path, name: str, data: str
) -> None:
    # The program hands the component what it loads (`json.load(open("usecase.json"))`); the harmless declaration
    # in config is all the checker read, and allowed (review R20).
    stack = _consumer_with(tmp_path)
    (tmp_path / name).parent.mkdir(exist_ok=True)
    (tmp_path / name).write_text(data, encoding="utf-8")
    (tmp_path / "__main__.py").write_text(
        'AzureOpenAIService("svc", {"use_case": load(), **deployments})\n', encoding="utf-8"
    )

    result = check_file(stack)

    assert result.verdict is not None, result.problems
    [finding] = result.verdict.denials
    assert finding.rule == DECLARATION_INCOMPLETE.id
    assert f"{Path(name).name}, line " in finding.message
    assert "in a data file the program may load" in finding.message


def test_a_use_case_read_from_config_in_code_is_the_one_the_checker_decides(tmp_path: Path) -> None:
    stack = _consumer_with(tmp_path)
    (tmp_path / "__main__.py").write_text(
        'AzureOpenAIService("svc", {"use_case": pulumi.Config().require_object("useCase")})\n', encoding="utf-8"
    )

    result = check_file(stack)

    assert result.verdict is not None, result.problems
    assert result.verdict.allowed, result.verdict.summary()
