"""The checker decides a stack's whole service with the components' Azure facts, none of which needs Pulumi."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PULUMI_FREE = [
    "azure_openai_guarded.components.vocabulary",
    "azure_openai_guarded.components.clouds",
    "azure_openai_guarded.components.catalogue",
    "azure_openai_guarded.components.settings",
    "azure_openai_guarded.components.checks",
    "azure_openai_guarded.components.declaration",
    "azure_openai_guarded.guards.checker",
]


@pytest.mark.parametrize("module", PULUMI_FREE)
def test_the_azure_facts_and_the_reader_import_without_pulumi(module: str) -> None:
    # None in sys.modules makes any import of pulumi (or pulumi_azure_native) fail, as if it were not installed.
    blocker = "import sys; sys.modules['pulumi'] = None; sys.modules['pulumi_azure_native'] = None; "
    result = subprocess.run(
        [sys.executable, "-c", f"{blocker}import {module}"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
