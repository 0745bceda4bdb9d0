"""The policy pack as the real engine runs it: from its own folder, in its own environment, as the README says.

The policy-analyzer host is the engine's: it starts ``guards/policy_pack`` through the Python language host's
RunPlugin, in the virtualenv its PulumiPolicy.yaml names, and the pack serves ``pulumi_policy``'s analyzer.
"""

from __future__ import annotations

import json

from azure_openai_guarded.guards.policies.checks import CUSTOMER_MANAGED_KEY, Level
from tests.engine.harness import Engine


def test_the_pack_runs_from_its_folder_and_reports_an_advisory_violation_without_failing(engine: Engine) -> None:
    engine.init("dev")
    result = engine.run("preview", "--stack", "dev", "--policy-pack", "guards/policy_pack")
    assert result.code == 0, result.text
    assert "(local: guards/policy_pack)" in result.out
    assert CUSTOMER_MANAGED_KEY.level == Level.ADVISORY
    assert CUSTOMER_MANAGED_KEY.id in result.out
    assert "advisory" in result.out


def test_the_pack_config_makes_an_advisory_check_mandatory_and_the_preview_fails(engine: Engine) -> None:
    config = engine.root / "policy-config.json"
    config.write_text(json.dumps({CUSTOMER_MANAGED_KEY.id: "mandatory"}))
    engine.init("dev")
    result = engine.preview("dev", "--policy-pack-config", str(config))
    assert result.code != 0
    assert CUSTOMER_MANAGED_KEY.id in result.out
    assert "mandatory" in result.out


def test_the_pack_runs_in_its_own_environment_in_its_folder(engine: Engine) -> None:
    """PulumiPolicy.yaml names the pack's virtualenv; with uv's toolchain the engine builds it from uv.lock."""
    engine.init("dev")
    result = engine.preview("dev")
    assert result.code == 0, result.text
    venv = engine.project / "guards" / "policy_pack" / "venv"
    assert (venv / "pyvenv.cfg").is_file()
    site = next(venv.glob("lib/python*/site-packages"))
    assert (site / "pulumi_policy").is_dir()
    assert list(site.glob("azure_openai_guarded-*.dist-info"))


def test_a_broken_pack_fails_the_preview(engine: Engine) -> None:
    pack = engine.project / "guards" / "policy_pack" / "__main__.py"
    pack.write_text(pack.read_text().replace("policies=all_policies()", "policies=all_policies(),\n    bogus=1"))
    engine.init("dev")
    result = engine.preview("dev")
    assert result.code != 0
    assert "bogus" in result.text
