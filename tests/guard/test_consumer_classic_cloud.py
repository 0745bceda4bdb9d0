"""A consumer's declaration is decided for the cloud the classic provider's default sends resources to as well.

A consumer program may create its accounts with the classic pulumi-azure provider, whose default provider deploys
to `azure:environment`'s cloud whatever `azure-native:environment` says; Azure Government is US jurisdiction, so a
use case allowed in commercial Azure may be denied there (review R5 F7, the checker's half). A classic setting that
names no cloud the project knows, or a metadata host the classic provider would read its cloud from, may send
resources to any cloud, so the declaration is decided for each (review R14 F1); this project's own program makes no
classic resource, so there it changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from azure_openai_guarded.guards.checker import check_file
from azure_openai_guarded.guards.rules import FR_US_LAW_ENFORCEMENT
from tests.declarations import fr_facts, police, use_case

UK_POLICE_MATCH = use_case(
    purpose="Match custody suite photos for a UK police force.",
    servedParties=[police("GB")],
    capabilities=["facial_recognition"],
    facialRecognition=fr_facts(),
)


def _consumer(folder: Path, classic: str | None) -> Path:
    (folder / "Pulumi.yaml").write_text("name: custody\nruntime: python\n", encoding="utf-8")
    config = {"azure-native:environment": "public", "custody:useCase": UK_POLICE_MATCH}
    if classic is not None:
        config["azure:environment"] = classic
    path = folder / "Pulumi.dev.yaml"
    path.write_text(yaml.safe_dump({"config": config}), encoding="utf-8")
    return path


# The classic provider's Azure SDK knows Azure Government by four names, in any case (review R14 F1).
@pytest.mark.parametrize("classic", ["usgovernment", "USGovernmentL4", "usgovernmentl5", "dod"])
def test_a_consumer_whose_classic_provider_deploys_to_azure_government_is_decided_there_too(
    tmp_path: Path, classic: str
) -> None:
    result = check_file(_consumer(tmp_path, classic))
    assert result.verdict is not None, result.error
    (denial,) = result.verdict.denials
    assert denial.rule == FR_US_LAW_ENFORCEMENT.id
    assert f"`azure:environment: {classic}`" in denial.message


@pytest.mark.parametrize(
    ("key", "value"),
    [("azure:environment", "china"), ("azure:environment", "usgov"), ("azure:metadataHost", "management.example")],
)
def test_a_classic_provider_setting_that_names_no_known_cloud_is_decided_for_every_cloud(
    tmp_path: Path, key: str, value: str
) -> None:
    path = _consumer(tmp_path, None)
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    document["config"][key] = value
    path.write_text(yaml.safe_dump(document), encoding="utf-8")

    result = check_file(path)

    assert result.verdict is not None, result.error
    (denial,) = result.verdict.denials
    assert denial.rule == FR_US_LAW_ENFORCEMENT.id
    assert f"`{key}: {value}`" in denial.message


@pytest.mark.parametrize("classic", [None, "public"], ids=["unset", "public"])
def test_a_consumer_whose_classic_provider_stays_in_commercial_azure_is_decided_there_only(
    tmp_path: Path, classic: str | None
) -> None:
    assert check_file(_consumer(tmp_path, classic)).allowed
