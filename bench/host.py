"""The machine a benchmark ran on, printed with its figures so that they can be compared."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def describe_host() -> str:
    """CPU model, cores, operating system and Python version."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, Python {platform.python_version()}"
    )
