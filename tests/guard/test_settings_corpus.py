"""The stack's other settings, measured on a labelled corpus of them (tests/corpus/settings/settings.yaml).

Settings are an app's own words for everything it does, so the guard reads them for fewer things than a purpose
(``guards/facts.py``'s ``_as_settings``): these tests hold that reading to what it catches and what it leaves
alone, each setting beside the declarations its class describes (tests/corpus/settings_judge.py).
bench/bench_settings.py prints the figures and the settings behind them.
"""

from __future__ import annotations

import pytest

from tests.corpus import settings_judge

RECALL = 0.9
FALSE_POSITIVES = 8
"""The corpus's measured figures when its reading was settled (85 of 91, 8 of 161), held so they cannot slip."""
BESIDE_OTHERS = 4
"""Of those, the most flagged beside a declaration other than a force's own, where the guard reads settings least
(measured: 4, each a text about a person's picture checked or recognised, "verify your identity with a selfie")."""


@pytest.fixture(scope="module")
def scored() -> settings_judge.Score:
    return settings_judge.score(settings_judge.load())


def test_settings_that_name_a_us_police_customer_or_live_mobile_capture_deny_what_they_sit_beside(
    scored: settings_judge.Score,
) -> None:
    assert scored.recall >= RECALL, [(s.key, s.value) for s in scored.missed]


def test_ordinary_settings_leave_every_allowed_declaration_allowed_but_for_a_few(
    scored: settings_judge.Score,
) -> None:
    assert scored.false_positives <= FALSE_POSITIVES, scored.flagged
    # Beside a force's own declaration the guard reads most; beside the others, for recognition alone.
    assert sum(denied != "British police in custody" for _, denied in scored.flagged) <= BESIDE_OTHERS, scored.flagged


def test_the_settings_corpus_has_each_class_in_number() -> None:
    kinds = [setting.kind for setting in settings_judge.load()]
    assert (kinds.count("ordinary"), kinds.count("police"), kinds.count("field")) >= (130, 50, 30)
