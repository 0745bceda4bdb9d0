"""Benchmark of the stack's other settings as the guard reads them, on the labelled corpus: recall, false
positives, and time per setting.

Prints figures; tests/guard/test_settings_corpus.py holds them. Run from the repository root:

    .venv/bin/python bench/bench_settings.py

tests/corpus/README.md says how the corpus was written.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from host import describe_host

# The corpus and its judge live with the tests, at the repository root.
sys.path.append(str(Path(__file__).resolve().parent.parent))

from tests.corpus import settings_judge


def main() -> None:
    print(describe_host())
    settings = settings_judge.load()
    started = time.perf_counter()
    scored = settings_judge.score(settings)
    elapsed = time.perf_counter() - started
    judged = len(settings) - scored.declarations
    print(
        f"settings corpus: {len(settings)} settings ({scored.declarations} are declarations, refused as such)\n"
        f"  recall {scored.caught}/{scored.violating} ({scored.recall:.1%}) "
        f"[US police customers and live or mobile capture, each beside the allowed declarations it must deny]\n"
        f"  false positives {scored.false_positives}/{scored.ordinary} "
        f"[ordinary settings beside {len(settings_judge.ALLOWED)} allowed declarations]\n"
        f"  {elapsed / judged * 1000:.1f} ms per setting judged ({elapsed:.1f} s in all)"
    )
    for setting in scored.missed:
        print(f"  missed   {setting.kind:8} {setting.key}: {setting.value!r}"[:160])
    for setting, denied in scored.flagged:
        print(f"  flagged  {setting.key}: {setting.value!r} (beside {denied})"[:160])


if __name__ == "__main__":
    main()
