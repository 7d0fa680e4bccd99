"""Property tests: any str in, a valid Result out, with every offset checking out.

Run over arbitrary Unicode (lone surrogates and control characters included) and over text built
from news fragments, digits, quotation marks, currency signs, titles and treaty words, through the
installed pipeline (every built-in plugin). ``pytest --hypothesis-show-statistics`` prints how many
examples each property ran; ``EXAMPLES`` counts them too and the last test checks the count.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import geonews
from geonews import Result

PIPE = geonews.Pipeline()
EXAMPLES: Counter[str] = Counter()

COMMON = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,  # nothing written into the checkout
)

# -- strategies ------------------------------------------------------------------------------

SURROGATES = st.integers(0xD800, 0xDFFF).map(chr)
CONTROLS = st.sampled_from(
    ["\x00", "\x07", "\x0b", "\x0c", "\r", "\x1b", "\x85", "\u2028", "\ufeff"]
)
ANY_CHAR = st.one_of(st.characters(), st.characters(exclude_categories=()), SURROGATES, CONTROLS)
ANY_TEXT = st.text(alphabet=ANY_CHAR, max_size=400)

FRAGMENTS = [
    # short wire-style sentences written for these tests
    "The finance minister said on Tuesday that exports rose by 4.5 percent in 2014.",
    "Russia and China signed a $400 billion gas deal in May 2014.",
    "President Vladimir Putin told reporters: “We will not be pressured.”",
    '"This is a historic day," said UN Secretary-General Ban Ki-moon.',
    "The Paris Agreement was ratified by 55 countries last year.",
    "Germany pledged €2.5bn (£2.1bn) to the fund, officials said.",
    "Unemployment fell to 5.1% from 5.3% a year earlier.",
    "Prime Minister Narendra Modi met Mr. Obama in Washington.",
    "Dr. Smith, of the World Bank, said the accord was signed in 1994.",
    "The Treaty of Lisbon entered into force on 1 December 2009.",
    "Trade between the two countries tripled to ¥3 trillion.",
    "Advertisement",
    "Read more:",
    "By John Smith, BBC News",
    "We use cookies to improve your experience.",
    "Copyright 2015 Reuters. All rights reserved.",
    "‘It is “absolutely” unacceptable,’ he said.",
    "The NATO summit agreed a new defence pact with Ukraine.",
    "Rs 500 crore, US$1.2m, C$40, 3,000,000 dollars, 12 per cent.",
]
PIECES = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(["$", "£", "€", "¥", "US$", "%", "per cent", "bn", "million", "billion"]),
    st.sampled_from(['"', "“", "”", "‘", "’", "«", "»", "'", "„", "(", ")"]),
    st.sampled_from(
        ["Mr.", "Mrs.", "Dr.", "Gen.", "President", "Minister", "U.S.", "U.N.", "e.g."]
    ),
    st.sampled_from(["treaty", "Treaty of", "agreement", "accord", "pact", "signed", "ratified"]),
    st.sampled_from(["2014", "May", "last year", "on Monday", "Q3 2015", "1 December 2009"]),
    st.from_regex(r"[0-9][0-9,.]{0,12}", fullmatch=True),
    st.text(alphabet=ANY_CHAR, max_size=5),
)
SEPARATORS = st.sampled_from([" ", "", "\n", "\n\n", ". ", ", ", " \t"])
NEWS_TEXT = st.lists(st.tuples(PIECES, SEPARATORS), max_size=40).map(
    lambda parts: "".join(p + s for p, s in parts)
)
ANY_OR_NEWS = st.one_of(ANY_TEXT, NEWS_TEXT)

# -- the checks --------------------------------------------------------------------------------


def check_result(text: str, r: Result) -> None:
    """Everything the result contract promises, checked against ``text``."""
    assert isinstance(r, Result)
    assert r.article.text is text or r.article.text == text
    assert not r.errors, f"plugin errors on {text!r}: {r.errors}"
    ids = [e.id for e in r.entities]
    assert len(ids) == len(set(ids)), f"duplicate entity ids {ids}"
    for e in r.entities:
        for m in e.mentions:
            assert 0 <= m.start <= m.end <= len(text)
            assert text[m.start : m.end] == m.text, (e.id, m)
    known = set(ids)
    assert [c.id for c in r.claims] == [f"c{i}" for i in range(1, len(r.claims) + 1)]
    assert [c.start for c in r.claims] == sorted(c.start for c in r.claims)
    for c in r.claims:
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start : c.end] == c.text, c
        assert set(c.entities) <= known, (c, known)
        if c.time is not None:
            t = c.time
            assert 0 <= t.start <= t.end <= len(text)
            assert text[t.start : t.end] == t.text, (c, t)
    for s in r.skipped:
        assert text[s.start : s.end] == s.text
    EXAMPLES["claims checked"] += len(r.claims)
    EXAMPLES["mentions checked"] += sum(len(e.mentions) for e in r.entities)


def roundtrip(r: Result) -> Any:
    as_json = r.to_json()
    back = json.loads(as_json)
    assert back == json.loads(json.dumps(r.to_dict(), ensure_ascii=False))
    assert back["schema"] == "geonews.result/1"
    # the JSON must be encodable (lone surrogates escaped by the writer, see docs/robustness.md)
    as_json.encode("utf-8", "backslashreplace").decode("utf-8")
    return back


# -- properties --------------------------------------------------------------------------------


@settings(COMMON, max_examples=1500)
@given(ANY_TEXT)
def test_any_unicode_gives_a_valid_result(text: str) -> None:
    EXAMPLES["any_unicode"] += 1
    check_result(text, PIPE.extract(text))


@settings(COMMON, max_examples=1500)
@given(NEWS_TEXT)
def test_news_fragments_give_a_valid_result(text: str) -> None:
    EXAMPLES["news_fragments"] += 1
    check_result(text, PIPE.extract(text))


@settings(COMMON, max_examples=500)
@given(ANY_OR_NEWS)
def test_json_round_trips(text: str) -> None:
    EXAMPLES["json_round_trip"] += 1
    r = PIPE.extract(text)
    back = roundtrip(r)
    for c, d in zip(r.claims, back["claims"], strict=True):
        assert text[d["start"] : d["end"]] == d["text"] == c.text


@settings(COMMON, max_examples=300)
@given(ANY_OR_NEWS)
def test_extraction_is_deterministic(text: str) -> None:
    EXAMPLES["deterministic"] += 1
    first = PIPE.extract(text).to_json()
    assert PIPE.extract(text).to_json() == first
    assert geonews.Pipeline().extract(text).to_json() == first


@settings(COMMON, max_examples=400)
@given(ANY_OR_NEWS, st.sampled_from(["2015-12-02", None]))
def test_article_metadata_does_not_break_the_contract(text: str, published: str | None) -> None:
    EXAMPLES["article"] += 1
    article = geonews.Article(text=text, id="x", published=published)
    r = PIPE.extract(article)
    check_result(text, r)
    roundtrip(r)


def test_examples_were_run() -> None:
    """Runs last in this file: every property above ran a real number of examples."""
    if not EXAMPLES:  # run on its own (e.g. ``-k``): nothing to check
        return
    for name, n in EXAMPLES.items():
        assert n >= 50, f"{name}: only {n}"  # the news text really produced claims and mentions
    print(dict(EXAMPLES))
