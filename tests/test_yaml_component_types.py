"""The checker's list of the package's YAML component types is the components' own type tokens, each with its cloud."""

from __future__ import annotations

from azure_openai_guarded.components import government, openai_service
from azure_openai_guarded.guards.checker import YAML_COMPONENTS


def test_the_checker_knows_each_component_type_token_and_its_cloud() -> None:
    assert YAML_COMPONENTS == {openai_service.TYPE_TOKEN: "public", government.TYPE_TOKEN: "usgovernment"}
