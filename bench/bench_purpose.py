"""Benchmark of the purpose tripwire on the labelled corpus: recall, false positives, and time per purpose.

Prints figures; the thresholds on the tuned sets are asserted by tests/guard/test_purpose_corpus.py, and the
held-out set is only measured here. Run from the repository root:

    .venv/bin/python bench/bench_purpose.py

Goal (issue 10): at least 98 % recall on violating purposes and no false positive on ordinary ones.
tests/corpus/README.md says how the corpus was written and which sets were tuned on.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from host import describe_host

# The corpus and its judge live with the tests, at the repository root.
sys.path.append(str(Path(__file__).resolve().parent.parent))

from azure_openai_guarded.guards.purpose_text import read_purpose
from tests.corpus import judge

RECALL_GOAL = 0.98
TIMING_ROUNDS = 20


def _line(name: str, score: judge.Score) -> str:
    classes = ", ".join(f"{kind} {right}/{total}" for kind, (right, total) in sorted(score.by_class.items()))
    return (
        f"  {name:22} recall {score.caught:3}/{score.violating:3} ({score.recall:6.1%}), "
        f"false positives {score.false_positives}/{score.ordinary:3}   [{classes}]"
    )


def bench_corpus() -> None:
    entries = judge.load()
    print(f"corpus: {len(entries)} purposes, {len({e.lang for e in entries})} languages")
    for split in judge.SPLITS:
        print(_line(split, judge.score(e for e in entries if e.split == split)))
    for name, splits in (("tuned sets", judge.TUNED), ("held-out (never tuned)", judge.HELD_OUT)):
        score = judge.score(e for e in entries if e.split in splits)
        print(_line(name, score))
        if splits == judge.TUNED:
            meets = score.recall >= RECALL_GOAL and score.false_positives == 0
            verdict = "meets" if meets else "MISSES"
            print(f"  goal >= {RECALL_GOAL:.0%} recall and no false positive (tuned sets): {verdict}")
        police = judge.score(e for e in entries if e.split in splits and e.setting == "police")
        if police.violating:
            print(_line("  of which US police", police))
        for entry in score.missed:
            print(f"    missed [{entry.split} {entry.kind} {entry.lang}] {entry.text}")
        for entry in score.wrongly_flagged:
            print(f"    flagged [{entry.split} {entry.lang}] {entry.text}")
        # The same texts as a Foundry project's description, each under an ordinary purpose of its declaration.
        print(_line("  as descriptions", judge.score((e for e in entries if e.split in splits), described=True)))


def bench_reading() -> None:
    """Microseconds to read one purpose for every kind of wording (the guard reads only what it needs)."""
    texts = [e.text for e in judge.load()]
    best = float("inf")
    for _ in range(TIMING_ROUNDS):
        start = time.perf_counter()
        for text in texts:
            read_purpose(text)
        best = min(best, time.perf_counter() - start)
    print(f"reading: read_purpose over the corpus, all readings, best of {TIMING_ROUNDS}")
    print(f"  {best / len(texts) * 1e6:6.1f} µs per purpose")


def main() -> None:
    print(f"machine: {describe_host()}")
    print(f"load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())} (other jobs inflate wall times)")
    bench_corpus()
    bench_reading()


if __name__ == "__main__":
    main()
