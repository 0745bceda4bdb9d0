"""Another project can depend on this one: the wheel holds the library, typed, and nothing else.

The wheel is built offline from a copy of the working tree (pip with
``--no-build-isolation --no-index`` and the installed setuptools), installed into
a fresh virtual environment whose dependencies come from this one, and imported
from a folder outside the repository, as a consumer's stack would.
"""

from __future__ import annotations

import email.message
import email.parser
import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import azure_openai_guarded
from azure_openai_guarded.guards import RULESET_VERSION, TERMS_VERSION
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from tests.stack_texts import ALLOWED, DENIED

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
IMPORT_ROOT = "azure_openai_guarded"
MAPPED = {"guards": ROOT / "guards", "components": ROOT / "components"}
"""The import root's subpackages and the repository folders pyproject.toml's package-dir maps them from."""
NOT_COPIED = shutil.ignore_patterns(
    ".git", ".venv", "venv", "__pycache__", "*.pyc", ".*_cache", ".hypothesis", "build", "dist", "*.egg-info"
)


def _offline_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_"))}
    return env | {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INDEX": "1", "PIP_NO_INPUT": "1"}


def _run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=_offline_env(), capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}"
    return result


@dataclass(frozen=True)
class Built:
    wheel: Path
    names: frozenset[str]
    metadata: email.message.Message

    def read(self, name: str) -> bytes:
        with zipfile.ZipFile(self.wheel) as archive:
            return archive.read(name)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    setuptools_version = importlib.metadata.version("setuptools")
    assert int(setuptools_version.split(".")[0]) >= 77, (
        f"setuptools {setuptools_version} cannot build the wheel offline; the dev extra installs setuptools>=77 (make)"
    )
    source = tmp_path_factory.mktemp("source") / "azure-openai-guarded"
    # A copy, so the build's own files never land in the working tree.
    shutil.copytree(ROOT, source, ignore=NOT_COPIED)
    out = tmp_path_factory.mktemp("wheels")
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-w",
        out,
        source,
        cwd=out,
    )
    (wheel,) = out.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = frozenset(archive.namelist())
        (metadata_name,) = (n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = email.parser.Parser().parsestr(archive.read(metadata_name).decode("utf-8"))
    return Built(wheel=wheel, names=names, metadata=metadata)


def _packaged_sources(folder: Path) -> Iterator[Path]:
    """The modules and markers of every package in ``folder`` (a folder without ``__init__.py`` is no package)."""
    for path in sorted(folder.rglob("*")):
        source = path.suffix == ".py" or path.name == "py.typed"
        if source and (path.parent / "__init__.py").is_file() and "__pycache__" not in path.parts:
            yield path


def test_the_wheel_holds_every_module_of_the_guard_and_the_components_as_real_files(built: Built) -> None:
    checked = 0
    for sub, folder in MAPPED.items():
        for path in _packaged_sources(folder):
            name = f"{IMPORT_ROOT}/{sub}/{path.relative_to(folder).as_posix()}"
            assert name in built.names, f"{name} is missing from the wheel"
            assert built.read(name) == path.read_bytes(), f"{name} differs from {path.relative_to(ROOT)}"
            checked += 1
    assert checked > 20


def test_the_wheel_carries_subpackages_the_checker_and_the_policy_pack_import(built: Built) -> None:
    assert f"{IMPORT_ROOT}/guards/report/__init__.py" in built.names
    assert f"{IMPORT_ROOT}/guards/policies/__init__.py" in built.names


def test_the_wheel_is_typed_for_mypy_and_pyright_at_the_import_root_and_below(built: Built) -> None:
    for marker in (f"{IMPORT_ROOT}/py.typed", f"{IMPORT_ROOT}/guards/py.typed", f"{IMPORT_ROOT}/components/py.typed"):
        assert marker in built.names


def test_the_wheel_holds_nothing_outside_the_import_root(built: Built) -> None:
    outside = sorted(n for n in built.names if not n.startswith(f"{IMPORT_ROOT}/") and ".dist-info/" not in n)
    assert outside == [], "the program, stacks, plan, mockengine, tests, examples, provider stay out of the wheel"
    top_level = {n.split("/")[0] for n in built.names if ".dist-info/" not in n}
    assert top_level == {IMPORT_ROOT}


def test_the_wheel_leaves_out_the_policy_packs_plugin_folder_and_generated_files(built: Built) -> None:
    assert not [n for n in built.names if "policy_pack" in n or "__pycache__" in n or n.endswith(".pyc")]


def test_the_metadata_names_the_distribution_its_version_and_the_python_it_needs(built: Built) -> None:
    assert built.metadata["Name"] == "azure-openai-guarded"
    assert built.metadata["Version"] == PYPROJECT["project"]["version"] == azure_openai_guarded.__version__
    assert built.metadata["Requires-Python"] == ">=3.11"
    assert built.metadata["License-Expression"] == "Apache-2.0"
    assert "Typing :: Typed" in built.metadata.get_all("Classifier", [])


def test_the_guard_installs_with_pydantic_and_pyyaml_alone_and_pulumi_comes_with_an_extra(built: Built) -> None:
    requires = built.metadata.get_all("Requires-Dist", [])
    unconditional = sorted(re.split(r"[<>=!~ ;\[]", r)[0].lower() for r in requires if "extra ==" not in r)
    assert unconditional == ["pydantic", "pyyaml"]
    pulumi_extra = sorted(re.split(r"[<>=!~ ;]", r)[0] for r in requires if 'extra == "pulumi"' in r)
    assert pulumi_extra == ["pulumi", "pulumi-azure-native"]
    assert set(built.metadata.get_all("Provides-Extra", [])) >= {"pulumi", "policy"}


@pytest.fixture(scope="module")
def consumer_python(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel installed and this environment's packages as its dependencies."""
    venv = tmp_path_factory.mktemp("consumer-venv")
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=venv)
    python = venv / "bin" / "python"
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", built.wheel, cwd=venv)
    purelib = _run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=venv).stdout.strip()
    # Dependencies only: a path line in a .pth does not run the .pth files (this project's editable hook) in it.
    (Path(purelib) / "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return python


IMPORT_CHECK = """
import importlib.metadata, importlib.util, json, sys
import azure_openai_guarded, azure_openai_guarded.guards as guards
guard_needs_pulumi = "pulumi" in sys.modules
from azure_openai_guarded.components import AzureOpenAIService
from azure_openai_guarded.components.government import AzureGovernmentOpenAIService
print(json.dumps({
    "root": azure_openai_guarded.__file__,
    "components": sys.modules["azure_openai_guarded.components"].__file__,
    "version": importlib.metadata.version("azure-openai-guarded"),
    "ruleset": guards.RULESET_VERSION,
    "guard_needs_pulumi": guard_needs_pulumi,
    "tokens": [AzureOpenAIService.__name__, AzureGovernmentOpenAIService.__name__],
    "repo_modules": [
        m for m in ("components", "guards", "mockengine", "plan", "stacks") if importlib.util.find_spec(m)
    ],
}))
"""


def test_a_consumer_outside_the_repository_imports_the_installed_components_and_guard(
    consumer_python: Path, tmp_path: Path
) -> None:
    result = json.loads(_run(consumer_python, "-c", IMPORT_CHECK, cwd=tmp_path).stdout)
    venv = consumer_python.parent.parent
    assert Path(result["root"]).is_relative_to(venv)
    assert Path(result["components"]).is_relative_to(venv)
    assert not Path(result["components"]).resolve().is_relative_to(ROOT)
    assert result["version"] == azure_openai_guarded.__version__
    assert result["ruleset"] == RULESET_VERSION
    assert result["guard_needs_pulumi"] is False
    assert result["repo_modules"] == [], "a consumer must get no top-level module of the repository's folders"


def test_the_installed_checker_decides_stack_files_without_the_repository(
    consumer_python: Path, tmp_path: Path
) -> None:
    (tmp_path / "Pulumi.allowed.yaml").write_text(ALLOWED, encoding="utf-8")
    (tmp_path / "Pulumi.denied.yaml").write_text(DENIED, encoding="utf-8")
    command = [str(consumer_python), "-m", "azure_openai_guarded.guards", "check", "--format", "json", "."]
    result = subprocess.run(command, cwd=tmp_path, env=_offline_env(), capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr
    assert FR_US_LAW_ENFORCEMENT.id in result.stdout


# Versioning: semantic versions, one source per fact, and the rule set named in every release.

SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$")
RELEASE = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?$", re.MULTILINE)
RULESET_LINE = re.compile(r"^Rule set: (?P<ruleset>\S+) \(terms edition (?P<terms>[^)]+)\)$", re.MULTILINE)


def _releases() -> list[tuple[str, str]]:
    """(version, body) for each ``## [...]`` section of CHANGELOG.md, newest first, Unreleased included."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    heads = list(RELEASE.finditer(text))
    ends = [h.start() for h in heads[1:]] + [len(text)]
    return [(h["version"], text[h.end() : end]) for h, end in zip(heads, ends, strict=True)]


def test_the_version_is_semantic_and_the_same_in_pyproject_the_package_and_the_changelog() -> None:
    version = azure_openai_guarded.__version__
    assert SEMVER.match(version)
    assert PYPROJECT["project"]["version"] == version
    released = [v for v, _ in _releases() if v != "Unreleased"]
    assert released[0] == version, "CHANGELOG.md's latest release must be the package version"


def test_every_release_in_the_changelog_is_semantic_dated_and_newer_than_the_one_below() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    heads = [m for m in RELEASE.finditer(text) if m["version"] != "Unreleased"]
    assert heads
    for head in heads:
        assert SEMVER.match(head["version"]), head.group(0)
        assert head["date"], head.group(0)
    numbers = [tuple(int(part) for part in h["version"].split("-")[0].split(".")) for h in heads]
    assert numbers == sorted(numbers, reverse=True)


def test_every_release_names_its_rule_set_and_terms_edition() -> None:
    for version, body in _releases():
        if version != "Unreleased":
            assert RULESET_LINE.search(body), f"release {version} does not say 'Rule set: X (terms edition Y)'"


def test_the_current_rule_set_is_recorded_in_the_changelog_before_it_ships() -> None:
    """A rule change changes which stacks pass: bumping RULESET_VERSION needs a changelog line saying so."""
    recorded = [(v, RULESET_LINE.search(body)) for v, body in _releases()]
    newest = next(((v, m) for v, m in recorded if m), None)
    assert newest is not None
    version, line = newest
    assert (line["ruleset"], line["terms"]) == (RULESET_VERSION, TERMS_VERSION), (
        f"the code's rule set is {RULESET_VERSION} (terms {TERMS_VERSION}) but CHANGELOG.md's newest entry "
        f"({version}) records {line['ruleset']} (terms {line['terms']}): add 'Rule set: ...' under Unreleased"
    )
