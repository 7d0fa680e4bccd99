"""The start prescans find exactly what ``finditer`` of the whole-text patterns finds."""

from __future__ import annotations

from geonews_quotes.patterns import BEFORE, BEFORE_PLAIN
from geonews_quotes.prescan import before_starts, finditer_at
from hypothesis import given, settings
from hypothesis import strategies as st

from geonews.plaintext import is_plain

TEXTS = [
    'The party leader, Mr Smith, said: "No."',
    "A police spokesman said the road was shut. Its chairman has also warned.",
    "the deputy-chairman of the Bank of England said so",
    "Their   foreign\u00a0 minister\tsaid it.",
    "He said. she added. They claimed. it stressed.",
    # characters that match ASCII letters case-insensitively only: the role words are then
    # looked for without lowercasing the text first
    "A police ſpokesman said it. The \u212aing's Minister said so.",
    "The İnterior minister said so. The spokesman said it.",
    # a number sign that is no decimal digit before a start
    "²The minister said so. Ⅳ A spokesman said it.",
    # a word over 100 characters: every capital and determiner is tried
    "x" * 120 + " The minister said so.",
]

WORDS = [
    "the", "a", "The", "His", "its", "Mr", "Smith", "John", "de", "police", "spokesman",
    "Minister", "minister", "of", "Bank", "said", "has", "also", "warned", "who", ",", "-",
    "(UN)", "he", "She", "Monday", "on", "ſpokesman", "\u212aing's", "’s", "\n",
]  # fmt: skip


def _same(text: str) -> None:
    want = [m.span() for m in BEFORE.finditer(text)]
    assert [m.span() for m in finditer_at(BEFORE, text, before_starts(text))] == want
    if is_plain(text):
        starts = before_starts(text, plain=True)
        assert [m.span() for m in finditer_at(BEFORE_PLAIN, text, starts)] == want


def test_before_starts_examples() -> None:
    for text in TEXTS:
        _same(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from([" ", "  ", "\t", " "]))
def test_before_starts_random(words: list[str], sep: str) -> None:
    _same(sep.join(words))
