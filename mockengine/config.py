"""Stack-file config in the shape the engine hands it to a program and to a policy pack.

Pulumi-free, so the guard's own tests can build the engine's config without Pulumi installed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def engine_config(config: Mapping[str, Any]) -> dict[str, str]:
    """Stack-file config as the engine hands it to the program: every value a string, objects as JSON."""
    return {key: value if isinstance(value, str) else json.dumps(value) for key, value in config.items()}
