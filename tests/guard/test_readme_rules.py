"""The README's rule table is the rule catalogue: every rule of ``RULES``, in order, with its severity and profile."""

from __future__ import annotations

import re
from pathlib import Path

from azure_openai_guarded.guards import RULES, GuardProfile

README = Path(__file__).resolve().parents[2] / "README.md"
ROW = re.compile(r"^\| `(?P<id>[A-Z0-9-]+)` \| (?P<severity>[^|]+) \| (?P<when>[^|]+) \|$")


def readme_rules() -> list[tuple[str, str]]:
    text = README.read_text(encoding="utf-8")
    table = text.split("| rule | severity | fires when |", 1)[1].split("\n\n", 1)[0]
    return [(m["id"], m["severity"].strip()) for line in table.splitlines() if (m := ROW.match(line))]


def test_the_readme_lists_every_rule_in_the_catalogues_order() -> None:
    assert [rule_id for rule_id, _ in readme_rules()] == [rule.id for rule in RULES]


def test_the_readme_gives_each_rules_severity_and_names_a_profile_that_narrows_it() -> None:
    severities = dict(readme_rules())
    for rule in RULES:
        cell = severities[rule.id]
        assert cell.split(",")[0] == rule.severity.value, rule.id
        named = {profile for profile in GuardProfile if f"`{profile.value}` profile" in cell}
        assert named == (set(rule.profiles) if set(rule.profiles) != set(GuardProfile) else set()), rule.id
