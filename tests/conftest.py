"""Shared test settings: hypothesis runs derandomised with modest example counts so CI is reproducible and fast,
and the repository's folders import only under the one import name."""

import importlib.abc
import os
import sys
from typing import ClassVar

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    max_examples=60,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
# A developer hunting for new counterexamples can run with HYPOTHESIS_PROFILE=explore.
settings.register_profile("explore", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


class _OneImportName(importlib.abc.MetaPathFinder):
    """Fail any import of the repository's folders under their bare names.

    ``guards/`` and ``components/`` are importable only as ``azure_openai_guarded.guards`` and
    ``azure_openai_guarded.components``. Loaded under a second name, a module is a second copy with its own
    enums and models, which the guard refuses; so a test that reaches for the bare name fails here.
    """

    BARE: ClassVar[frozenset[str]] = frozenset({"guards", "components"})

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        if fullname.partition(".")[0] in self.BARE:
            raise ImportError(f"import azure_openai_guarded.{fullname}, not the bare {fullname!r}")


sys.meta_path.insert(0, _OneImportName())
