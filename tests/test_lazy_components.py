"""``azure_openai_guarded.components`` imports Pulumi only when a component or its arguments are first used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_components_package_imports_a_component_only_when_it_is_used() -> None:
    code = (
        "import sys; import azure_openai_guarded.components as c; "
        "assert 'pulumi' not in sys.modules; c.AzureOpenAIService; assert 'pulumi' in sys.modules"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
