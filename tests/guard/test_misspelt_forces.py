"""A word for the police misspelt by one edit is read as it beside recognition (review R26).

The reading's test of one edit agrees with the textbook distance (optimal string alignment: a letter added, left
out or changed, or two neighbours swapped), computed here by dynamic programming.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from azure_openai_guarded.guards.purpose_context import one_edit


def alignment_distance(a: str, b: str) -> int:
    """The optimal-string-alignment distance between ``a`` and ``b``, by the textbook table."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        table[i][0] = i
    for j in range(len(b) + 1):
        table[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
    return table[len(a)][len(b)]


LETTERS = st.text(alphabet="polices", max_size=8)


@given(LETTERS, LETTERS)
def test_one_edit_is_an_alignment_distance_of_one(word: str, target: str) -> None:
    assert one_edit(word, target) == (alignment_distance(word, target) == 1)


@given(st.sampled_from(["police", "sheriff", "polizei"]), st.data())
def test_every_single_edit_of_a_word_is_one_edit_from_it(target: str, data: st.DataObject) -> None:
    at = data.draw(st.integers(0, len(target) - 1))
    letter = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyz"))
    edited = data.draw(
        st.sampled_from(
            [
                target[:at] + target[at + 1 :],
                target[:at] + letter + target[at:],
                target[:at] + letter + target[at + 1 :],
                target[:at] + target[at + 1 : at + 2] + target[at] + target[at + 2 :],
            ]
        )
    )
    assert one_edit(edited, target) == (edited != target)
