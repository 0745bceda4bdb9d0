"""The look-alike table is what tools/generate_confusables.py makes of Unicode's confusables.txt (UTS #39).

The excerpt below is lines of confusables.txt as Unicode publishes them; the generator's selection rules
are checked on it, and the table the guard ships must agree with every entry the excerpt gives.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from azure_openai_guarded.guards.confusables import CAPITAL_PROTOTYPES, LATIN_PROTOTYPES
from azure_openai_guarded.guards.purpose_text import read_purpose

EXCERPT = """\
# Version: 13.0.0
05AD ;\t0596 ;\tMA\t# ( \u05ad → \u0596 ) HEBREW ACCENT DEHI → HEBREW ACCENT TIPEHA\t#
0430 ;\t0061 ;\tMA\t# ( а → a ) CYRILLIC SMALL LETTER A → LATIN SMALL LETTER A\t#
0131 ;\t0069 ;\tMA\t# ( ı → i ) LATIN SMALL LETTER DOTLESS I → LATIN SMALL LETTER I\t#
0049 ;\t006C ;\tMA\t# ( I → l ) LATIN CAPITAL LETTER I → LATIN SMALL LETTER L\t#
039D ;\t004E ;\tMA\t# ( Ν → N ) GREEK CAPITAL LETTER NU → LATIN CAPITAL LETTER N\t#
006D ;\t0072 006E ;\tMA\t# ( m → rn ) LATIN SMALL LETTER M → LATIN SMALL LETTER R, LATIN SMALL LETTER N\t#
03BD ;\t0076 ;\tMA\t# ( ν → v ) GREEK SMALL LETTER NU → LATIN SMALL LETTER V\t#
"""


def generator() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "tools" / "generate_confusables.py"
    spec = importlib.util.spec_from_file_location("generate_confusables", path)
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_look_alikes_map_to_the_latin_prototype_unicode_gives_them() -> None:
    table = generator().latin_prototypes(EXCERPT)

    assert table["\u0131"] == "i", "dotless i"
    assert table["\u0430"] == "a", "Cyrillic a"


def test_a_letters_own_line_decides_over_a_capital_that_case_folds_to_it() -> None:
    # Greek capital nu (drawn like N) case-folds to small nu (drawn like v): small nu's own line wins.
    assert generator().latin_prototypes(EXCERPT)["\u03bd"] == "v"


def test_ascii_sources_and_prototypes_that_are_not_latin_letters_are_left_out() -> None:
    table = generator().latin_prototypes(EXCERPT)

    assert "I" not in table
    assert "m" not in table
    assert "\u05ad" not in table


def test_the_shipped_table_agrees_with_every_entry_the_excerpt_gives() -> None:
    for key, latin in generator().latin_prototypes(EXCERPT).items():
        assert LATIN_PROTOTYPES[key] == latin, key


def test_a_capital_whose_small_form_looks_like_another_letter_maps_to_its_own_prototype() -> None:
    # Greek capital nu is drawn like N; its small form, like v, is what case folding would give.
    assert generator().capital_prototypes(EXCERPT) == {"\u039d": "n"}


def test_the_shipped_capitals_agree_with_every_entry_the_excerpt_gives() -> None:
    for key, latin in generator().capital_prototypes(EXCERPT).items():
        assert CAPITAL_PROTOTYPES[key] == latin, key


def test_greek_capitals_drawn_like_latin_ones_are_read_as_those_letters() -> None:
    # "ΝYPD" with a Greek capital nu: case folding alone would read "vypd".
    assert read_purpose("Summaries for the \u039dYPD.").police == ("nypd",)
