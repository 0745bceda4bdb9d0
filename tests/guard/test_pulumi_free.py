"""The checker decides a stack's whole service with the components' Azure facts, none of which needs Pulumi.

``make test-guard`` runs this folder where Pulumi is not installed, so importing a module that needs it fails here.
"""

from __future__ import annotations

import importlib

import pytest

PULUMI_FREE = [
    "azure_openai_guarded.components.vocabulary",
    "azure_openai_guarded.components.clouds",
    "azure_openai_guarded.components.catalogue",
    "azure_openai_guarded.components.fields",
    "azure_openai_guarded.components.deployments",
    "azure_openai_guarded.components.content_filters",
    "azure_openai_guarded.components.network",
    "azure_openai_guarded.components.access",
    "azure_openai_guarded.components.encryption",
    "azure_openai_guarded.components.secrets",
    "azure_openai_guarded.components.lock",
    "azure_openai_guarded.components.projects",
    "azure_openai_guarded.components.use_case",
    "azure_openai_guarded.components.account",
    "azure_openai_guarded.components.declaration",
    "azure_openai_guarded.guards.checker",
]


@pytest.mark.parametrize("module", PULUMI_FREE)
def test_the_azure_facts_and_the_reader_import_without_pulumi(module: str) -> None:
    importlib.import_module(module)
