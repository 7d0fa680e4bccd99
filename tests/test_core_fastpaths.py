"""The core's fast paths give exactly what their plain definitions give, fallbacks included.

Each property compares a fast path with the straightforward code it stands for, on text built
from the pieces the fast path reasons about (month words and the "." after them, digits,
newlines, non-ASCII letters that send a text to the fallback).
"""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geonews import timex
from geonews.combine import _joined
from geonews.document import _ABBREV, _SENT_END, _WORD_BEFORE, Document, _word_before
from geonews.plaintext import is_plain
from geonews.types import Article, TimeRef, default_entity_id
from geonews.wordtrie import tailed_trie, trie

BASE = dt.date(2015, 12, 2)
COMMON = settings(deadline=None, database=None, max_examples=300)

PIECES = [
    "Jan", "Jan.", "January.", "Sept.", "May", "may", "Monday", "mid-", "early", "Last",
    "last", "this", "quarter", "first", "half", "of", "a", "an", "three", "year", "years",
    "ago", "today", "2014", "2014.", "3", "3rd", "30/11/2015", "2015-06-01", "Q3", "2,014",
    "per cent", "January. 2014", "Jan.\n5", "12", "5m", "2.5", "400", "12th", "million",
    "March", "weeks", "decade", "QUARTER", "1ST", "said.", "Mr.", "e.g.", "x", "(", ")", ",", ".",
    "-", "’", "”", "£", "!", "é", "İ", "ſ", "\x1c", " ", "  ", "\n", ". ", "\n\n",
]  # fmt: skip
GLUE = ["", " ", " ", "\n", ". "]
TEXTS = st.lists(
    st.tuples(st.sampled_from(PIECES), st.sampled_from(GLUE)), min_size=1, max_size=30
).map(lambda parts: "".join(a + b for a, b in parts))


def _reference_times(text: str) -> list[tuple[int, int, str | None, str]]:
    """find_times as first written: the full pattern tried at every trigger, left to right."""
    out = []
    pos = 0
    for t in timex._TRIGGER.finditer(text):
        if t.start() < pos:
            continue
        m = timex._TIME.match(text, t.start())
        if m is None:
            continue
        pos = m.end()
        value, grain = timex._resolve_match(m, BASE)
        out.append((m.start(), m.end(), value, grain))
    return out


def _key(t: TimeRef) -> tuple[int, int, str | None, str]:
    return (t.start, t.end, t.value, t.grain)


@COMMON
@given(TEXTS)
def test_times_on_plain_and_other_text_are_the_reference_ones(text: str) -> None:
    try:
        expected = _reference_times(text)
    except KeyError:  # "Yeſterday": resolving it fails in both, the same way
        return
    assert [_key(t) for t in timex.find_times(text, BASE)] == expected


@COMMON
@given(TEXTS, st.lists(st.integers(0, 400), max_size=8))
def test_times_within_spans_are_those_of_the_full_list(text: str, cuts: list[int]) -> None:
    points = sorted({min(c, len(text)) for c in cuts})
    spans = list(zip(points[::2], points[1::2], strict=False))
    try:
        full = timex.find_times(text, BASE)
    except KeyError:
        return
    expected = [_key(t) for t in full if any(lo <= t.start < hi for lo, hi in spans)]
    assert [_key(t) for t in timex.find_times(text, BASE, spans)] == expected


def test_a_month_dot_is_no_place_to_skip_to() -> None:
    # "Jan." ends a sentence, but "Jan. 2014" runs across it and hides "2014"
    text = "Talks began in Jan. 2014 was a good year."
    second = text.index("2014")
    assert [t.text for t in timex.find_times(text, BASE)] == ["Jan. 2014"]
    assert timex.find_times(text, BASE, [(second, len(text))]) == []
    # after any other word the "." ends what came before
    text = text.replace("Jan", "Jab")
    assert [t.text for t in timex.find_times(text, BASE, [(second, len(text))])] == ["2014"]


@COMMON
@given(TEXTS, st.integers(0, 400))
def test_word_before_is_the_pattern_one(text: str, end: int) -> None:
    end = min(end, len(text))
    w = _WORD_BEFORE.search(text, max(0, end - 12), end)
    assert _word_before(text, end) == ("" if w is None else w.group(1))


@COMMON
@given(st.text(alphabet=st.sampled_from([*"aZ .\n\x1b\x1c\x1d\x1e\x1f\x7f\x80", *"£’“—é\u00a0İ"])))
def test_is_plain_is_its_definition(text: str) -> None:
    neutral = set("£€¥’‘“”—–…•·°«»\u00a0")
    expected = all(ch.isascii() or ch in neutral for ch in text) and not any(
        "\x1c" <= ch <= "\x1f" for ch in text
    )
    assert is_plain(text) == expected


@pytest.mark.parametrize(
    ("word", "tail"),
    [
        ("September.", "5"),
        ("Jan", "2014"),
        ("twelve", "decades ago"),
        ("mid-", "May 2014"),
        ("12", "decades ago"),
        ("3rd", "of  May"),
        ("4th", "Quarter of 2014"),
    ],
)
@pytest.mark.parametrize("spaces", [1, 7, 16, 30])
def test_times_within_spans_see_past_their_end(word: str, tail: str, spaces: int) -> None:
    """An expression that starts in a span may run far past it (a long run of spaces)."""
    text = "Hello, " + word + " " * spaces + tail + " and more."
    full = timex.find_times(text, BASE)
    for lo in range(len(text)):
        for hi in range(lo + 1, min(len(text), lo + 12) + 1):
            expected = [_key(t) for t in full if lo <= t.start < hi]
            assert [_key(t) for t in timex.find_times(text, BASE, [(lo, hi)])] == expected


def test_times_within_spans_stay_linear_over_blank_runs() -> None:
    """Spans before and inside a long blank run (a masked skip) each read a bounded stretch."""

    def cost(n: int) -> float:
        text = "In January. " * n + " " * (40 * n) + "In 2014."
        spans = [(i, i + 5) for i in range(0, len(text), 12)]
        t = time.process_time()
        timex.find_times(text, BASE, spans)
        return time.process_time() - t

    small = min(cost(500) for _ in range(3))
    large = min(cost(2_000) for _ in range(3))
    assert large < 8 * small + 0.05, (small, large)


@given(st.text(max_size=40))
@settings(max_examples=500, deadline=None)
def test_default_entity_id_is_the_alnum_runs(name: str) -> None:
    # the definition: every character that is not alphanumeric separates words
    slug = "-".join("".join(ch if ch.isalnum() else " " for ch in name.lower()).split())
    assert default_entity_id("person", name) == f"person:{slug or '_'}"


@given(st.text(alphabet=st.sampled_from("ab \n\r\t\u2028é"), max_size=60))
@settings(max_examples=300, deadline=None)
def test_masked_blanks_all_but_line_feeds(line: str) -> None:
    para = "The minister said talks would resume on Monday after a long pause " + line
    text = f"Headline\n\n{para}\n\nSecond paragraph here.\n\n{para}\n"
    doc = Document(Article.from_text(text))
    masked = doc.masked
    assert doc.skips  # the repeated paragraph
    assert len(masked) == len(text)
    for s in doc.skips:
        span = text[s.start : s.end]
        assert masked[s.start : s.end] == "".join("\n" if c == "\n" else " " for c in span)
    assert doc.plain == is_plain(masked)


SENTENCE_PIECES = [
    "Mr.", "mr.", "MRS.", "U.S.", "u.s.", "e.g.", "Approx.", "xapprox.", "A.", "x.", "Inc.",
    "Sept.", "dept.", "said.", "Jones.", "No.", "Mr.\n.", "x.\n.", "\n.", "\n", "\n\n", " ",
    "  ", "The", "the", "2014", "“", "”", "’", "(", ")", "?", "!", "…", "...", "?!", "é",
    "É", "İ", "ſ", "\x1c", "\u00a0", "a.b.c.d.e.f.g.", "abcdefghijklm.",
]  # fmt: skip


def _reference_sentences(text: str) -> list[tuple[int, int]]:
    """Document.sentences as first written: the regex pattern, every "." checked after it."""
    out = []
    start = 0
    for m in _SENT_END.finditer(text):
        s, e = m.span()
        if text[s] == ".":
            w = _WORD_BEFORE.search(text, max(0, s - 12), s)
            word = ("" if w is None else w.group(1)).lower().rstrip(".")
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        chunk = text[start:e]
        if chunk.strip():
            out.append(
                (start + len(chunk) - len(chunk.lstrip()), e - len(chunk) + len(chunk.rstrip()))
            )
        start = e
    chunk = text[start:]
    if chunk.strip():
        out.append(
            (start + len(chunk) - len(chunk.lstrip()), len(text) - len(chunk) + len(chunk.rstrip()))
        )
    return out


@settings(max_examples=500, deadline=None, database=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(SENTENCE_PIECES), st.sampled_from(["", " ", "\n", ". ", "."])),
        min_size=1,
        max_size=30,
    ).map(lambda parts: "".join(a + b for a, b in parts))
)
def test_sentences_on_plain_and_other_text_are_the_reference_ones(text: str) -> None:
    """The plain pattern (abbreviations checked inside it) and the ``regex`` fallback split
    where the pattern with every "." checked afterwards does."""
    doc = Document(Article.from_text(text))
    assert list(doc.sentences) == _reference_sentences(doc.masked)


# _LEAD as first written: alternatives that begin with a group (each entered at every
# non-word character); the one-trie formulation must succeed at exactly the same places.
_GROUPED_LEAD = re.compile(
    r"[^a-z0-9_](?=(?:1[89]|20)\d\d|\d\d?/|\d{1,3}(?:st|nd|rd|th)?\s+(?:of\s|"
    + trie(timex._WORD_HEADS)
    + r")|q[1-4]|"
    + trie(timex._MONTHS)
    + r"\.?\s+\d|"
    + trie([*timex._WEEKDAYS, *timex._LEAD_WORDS])
    + "|"
    + trie(timex._COUNTS)
    + r"\s+"
    + timex._UNIT_RE
    + ")"
)


@COMMON
@given(TEXTS)
def test_lead_finds_what_the_grouped_alternation_does(text: str) -> None:
    low = text.lower()
    assert [m.start() for m in timex._LEAD.finditer(low)] == [
        m.start() for m in _GROUPED_LEAD.finditer(low)
    ]


@COMMON
@given(
    st.lists(
        st.tuples(st.sampled_from(["ab", "a", "abc", "b", "a b"]), st.integers(0, 2)), min_size=1
    ),
    st.sampled_from(["ab1", "a  x", "abc", "b", "a b1", "a", "ab x", "abc1", "zz", ""]),
)
def test_tailed_trie_matches_each_word_with_its_tail(
    pairs: list[tuple[str, int]], probe: str
) -> None:
    words = [(w, ["", r"\d", r"\s+x"][t]) for w, t in pairs]
    pattern = tailed_trie(words, space=r"\s+")
    expected = any(re.fullmatch(w.replace(" ", r"\s+") + t, probe) for w, t in words)
    assert (re.fullmatch(f"(?:{pattern})", probe) is not None) == expected


def test_trie_is_the_tailed_trie_without_tails() -> None:
    words = ["said", "says", "saw", "say", "s", "told"]
    assert trie(words) == tailed_trie((w, "") for w in words) == "(?:s(?:a(?:id|w|y(?:s)?))?|told)"


@COMMON
@given(TEXTS)
def test_times_in_joined_sentences_are_those_of_each_sentence(text: str) -> None:
    """Sentences apart by whitespace only are searched as one span: no expression starts
    at whitespace, so the times are the same."""
    doc = Document(Article.from_text(text))
    spans = list(doc.sentences)
    joined = _joined(doc.masked, spans)
    try:
        expected = [_key(t) for t in timex.find_times(doc.masked, BASE, spans)]
    except KeyError:
        return
    assert len(joined) <= max(1, len(spans))
    assert [_key(t) for t in timex.find_times(doc.masked, BASE, joined)] == expected
