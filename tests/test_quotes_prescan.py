"""The start prescans find exactly what ``finditer`` of the whole-text patterns finds."""

from __future__ import annotations

import re

import regex
from geonews_quotes.patterns import (
    AFTER,
    BEFORE,
    BEFORE_PLAIN,
    CAP_SEQ,
    CAP_SEQ_PLAIN,
    INVERTED,
    INVERTED_PLAIN,
    TITLE_NAME,
    TITLE_NAME_PLAIN,
    after_plain,
)
from geonews_quotes.prescan import _same_offsets, before_starts
from geonews_quotes.speakers import from_match
from hypothesis import given, settings
from hypothesis import strategies as st

from geonews.plaintext import ODD_CASE, is_plain
from geonews.prescan import finditer_at

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
    # over 100 characters with no space, but no long word: the exact word test decides
    "x" * 60 + "\n" + "y" * 60 + " The minister said so.",
    # affiliations: a name's (as BEFORE's) and a description's, with their look-alikes
    "Mr Smith of the Bank of England said so. Jones from Acme and Co, the chief, said it.",
    "Smith at the bank said. A spokesman at the Bank said. The head of Acme Corp has said.",
    "The Governor of the Bank, Mervyn King, said. Ms Lee of IT said. He of the Bank said.",
    # pronouns at offset 0, after punctuation, and their look-alikes
    "she said. (they said) he said, it said",
    "He said: hey said, the said, shed said, xhe said, -it said, bit said",
]

WORDS = [
    "the", "a", "The", "His", "its", "Mr", "Smith", "John", "de", "police", "spokesman",
    "Minister", "minister", "of", "Bank", "said", "has", "also", "warned", "who", ",", "-",
    "(UN)", "he", "She", "Monday", "on", "ſpokesman", "\u212aing's", "’s", "\n", "Dr.", "Sir",
    "O'Neill", "J.", "they", "it", "she", '"', ",", "says", "from", "at", "the", "and",
]  # fmt: skip


def _same(text: str) -> None:
    want = [m.span() for m in BEFORE.finditer(text)]
    assert [m.span() for m in finditer_at(BEFORE, text, before_starts(text))] == want
    if is_plain(text):
        starts = before_starts(text, plain=True)
        assert [m.span() for m in finditer_at(BEFORE_PLAIN, text, starts)] == want
        _same_twins(text)


def _same_twins(text: str) -> None:
    """CAP_SEQ_PLAIN and TITLE_NAME_PLAIN find what their ``regex`` patterns find."""
    for pattern, twins in (
        (CAP_SEQ, (CAP_SEQ_PLAIN,)),
        (TITLE_NAME, (TITLE_NAME_PLAIN,)),
        (INVERTED, INVERTED_PLAIN),
    ):
        want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        got = sorted((m.span(), m.groupdict()) for twin in twins for m in twin.finditer(text))
        assert got == want


def test_before_starts_examples() -> None:
    for text in TEXTS:
        _same(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sampled_from([" ", "  ", "\t", " "]))
def test_before_starts_random(words: list[str], sep: str) -> None:
    _same(sep.join(words))


def test_same_offsets_rejects_odd_case() -> None:
    """Each character that matches an ASCII letter only case-insensitively sends the role-word
    scans to their case-insensitive fallback; other non-ASCII text keeps the fast path."""
    assert _same_offsets("A spokesman said.", "a spokesman said.")
    assert _same_offsets("Zürich’s mayor said.", "zürich’s mayor said.")
    for ch in ODD_CASE:
        text = f"A {ch}pokesman said."
        assert not _same_offsets(text, text.lower())


def test_plain_twins_examples() -> None:
    for text in [
        "Mr Tony Blair met Dr. John de la Rue and MrSmith; O'Neill Smith-Jones, A. B. Smith",
        "Sir Digby Jones, Lord Sainsbury’s Aide, Professor Ed Balls and Prof Ed Balls",
        "xMr Smith, _Mr Smith, 1Mr Smith, Mr  Smith",
        '"No," said Mr Smith, "and", said the Tory leader, said a man" ,said He, said it',
    ]:
        _same_twins(text)


AFTER_TEXTS = [
    # the first inverted name fails its lookahead, the second one matches (with an affiliation)
    '" says Cara Diemont of IT firm Dimension Data, which commissioned it.',
    '," said Mr Smith of the Bank. "Yes," said chief executive John Smith, "no"',
    '," said the Tory leader, Michael Howard, on Monday. ", he said. "- said it',
    '", Mr Smith, the minister, has also said.',
]


def _after_groups(
    m: re.Match[str] | regex.Match[str] | None,
) -> tuple[tuple[int, int], dict[str, tuple[int, int]]] | None:
    """The span and groups of a match of AFTER or its twin, "iname2" and "iaffil2" read as
    "iname" and "iaffil"."""
    if m is None:
        return None
    groups: dict[str, tuple[int, int]] = {}
    for name in m.re.groupindex:
        if m.span(name) != (-1, -1):
            groups[name.rstrip("2")] = m.span(name)
    return m.span(), groups


def _same_after(text: str) -> None:
    """AFTER's twin matches what AFTER matches, at every position, with the same speaker."""
    for pos in range(len(text)):
        want = AFTER.match(text, pos, pos + 60)
        got = after_plain().match(text, pos, pos + 60)
        assert _after_groups(got) == _after_groups(want)
        if want is not None and got is not None:
            assert from_match(got, text, 0, "after") == from_match(want, text, 0, "after")


def test_after_twin_examples() -> None:
    for text in AFTER_TEXTS:
        _same_after(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=20), st.sampled_from([" ", "  ", "\t"]))
def test_after_twin_random(words: list[str], sep: str) -> None:
    text = sep.join(words)
    if is_plain(text):
        _same_after(text)
