"""Set-up as the README describes it, through the real CLI: `pulumi install`, stack config, the pinned versions,
and the README's excerpt of a denied preview, which must stay what the engine prints."""

from __future__ import annotations

import re
import shutil
import subprocess

import yaml

from tests.engine.harness import REPO, Engine, engine_versions

README = REPO / "README.md"
EXCERPT_MARK = "<!-- engine tier: a denied preview, kept true by tests/engine/test_engine_setup.py -->"
DENIED_EXAMPLE = REPO / "examples" / "law-enforcement" / "Pulumi.us-sheriff-booking.yaml"


def test_the_cli_is_the_pinned_version(engine: Engine) -> None:
    result = engine.run("version", check=True)
    assert result.out.strip() == f"v{engine_versions()['PULUMI_VERSION']}"


def test_pulumi_install_sets_up_a_fresh_copy_with_the_pinned_python_sdk(engine: Engine) -> None:
    install = engine.run("install")
    assert install.code == 0, install.text
    python = engine.project / ".venv" / "bin" / "python"
    probe = subprocess.run(
        [
            str(python),
            "-c",
            "import importlib.metadata as m, azure_openai_guarded.guards as g, pulumi_azure_native;"
            "print(m.version('pulumi')); print(g.__file__)",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    sdk_version, guard_module = probe.stdout.split()
    assert sdk_version == engine_versions()["PULUMI_PYTHON_SDK"]
    # The environment runs this checkout (the copy), not some other install of the package.
    assert guard_module.startswith(str(engine.project))


def test_config_get_by_path_reads_the_stack_file(engine: Engine) -> None:
    engine.init("dev")
    result = engine.run("config", "get", "--path", "useCase.operator.country", "--stack", "dev", check=True)
    stack = yaml.safe_load((REPO / "stacks" / "Pulumi.dev.yaml").read_text())
    assert result.out.strip() == stack["config"]["azure-openai-guarded:useCase"]["operator"]["country"]


def _readme_excerpt() -> list[str]:
    text = README.read_text()
    assert EXCERPT_MARK in text, "the README's engine tier section lost its denied-preview excerpt"
    block = re.search(r"```text\n(.*?)```", text[text.index(EXCERPT_MARK) :], re.DOTALL)
    assert block is not None
    return block.group(1).splitlines()


def test_the_readmes_denied_preview_excerpt_is_what_the_engine_prints(engine: Engine) -> None:
    stack = "us-sheriff-booking"
    shutil.copy(DENIED_EXAMPLE, engine.project / "stacks" / f"Pulumi.{stack}.yaml")
    engine.init(stack)
    result = engine.run("preview", "--stack", stack, "--policy-pack", "guards/policy_pack")
    assert result.code != 0
    printed = [line.rstrip() for line in result.text.splitlines()]
    position = 0
    for line in _readme_excerpt():
        if line.strip() == "...":
            continue
        assert line.rstrip() in printed[position:], f"the README shows a line pulumi preview no longer prints:\n{line}"
        position = printed.index(line.rstrip(), position) + 1
