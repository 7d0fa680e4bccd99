"""The quotes plugin end to end: which segments are speech, the claim contract, speed."""

from __future__ import annotations

import time

import geonews_quotes
import pytest
from geonews_quotes.patterns import PARTICIPLE
from geonews_quotes.plugin import (
    _LONG,
    _LONG_PLAIN,
    _WORD,
    TITLE_MAX_WORDS,
    _participles,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st

import geonews
from geonews.document import Document
from geonews.plaintext import is_plain


def _pipe() -> geonews.Pipeline:
    return geonews.Pipeline(plugins=[geonews_quotes], load_entrypoints=False)


def _texts(text: str) -> list[str]:
    return [c.text for c in _pipe().extract(text).of_kind("quote")]


def test_exports() -> None:
    assert geonews_quotes.CLAIM_KINDS == ("quote",)
    assert callable(geonews_quotes.extract_claims)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # scare quotes, terms, titles and nicknames are not speech
        ('The US emphasis on a so-called "axis of evil" is misplaced.', []),
        ('The group is known as "the Pioneers" in the region.', []),
        ('Critics dubbed the plan "Plan B" at once.', []),
        ('He starred in the film "Gone With The Wind" in 1939.', []),
        ('One colleague called all women "Betty".', []),
        ('Teachers get powers under a "zero tolerance" drive.', []),
        ('Call centres have a high "churn rate" this year.', []),
        ('Her links to Opus Dei, which means "Work of God" in Latin, are known.', []),
        # short quotes with a speech cue in the sentence are speech
        ('The Tories dismissed the maternity pay plan as "desperate".', ["desperate"]),
        ('Ms Hewitt said it was an "increasingly high priority".', ["increasingly high priority"]),
        ('He warned that small firms could be "crippled" by the move.', ["crippled"]),
        # five words or more are speech even without a cue
        (
            'Tax is "the price we pay for a civilised society" in his view.',
            ["the price we pay for a civilised society"],
        ),
        # long quotes in every mark style
        (
            "He said «we will never accept such terms» yesterday.",
            ["we will never accept such terms"],
        ),
        (
            "Er sagte „wir werden das niemals akzeptieren“ gestern.",
            ["wir werden das niemals akzeptieren"],
        ),
        (
            "He said ``we will never accept such terms'' yesterday.",
            ["we will never accept such terms"],
        ),
        (
            "He said ‘we will never accept such terms’ yesterday.",
            ["we will never accept such terms"],
        ),
        # unbalanced marks do not break the article
        ('He said "we will never accept such terms', ["we will never accept such terms"]),
        (
            'The 5" pipe burst. "We are fixing it right now," a spokesman said.',
            ["We are fixing it right now,"],
        ),
    ],
)
def test_which_segments_are_quotes(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


def test_headline_quote_repeated_in_the_body_counts() -> None:
    text = (
        "Campbell: E-mail row 'silly fuss'\n\n"
        'Alastair Campbell said the row was a "silly fuss" and nothing more.'
    )
    claims = _pipe().extract(text).of_kind("quote")
    assert [c.text for c in claims] == ["silly fuss", "silly fuss"]
    assert claims[0].value["headline"] is True
    assert claims[0].value["speaker_text"] == "Alastair Campbell"


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        ("'silly fuss'", '"... silly fuss"'),  # the body quote starts with no letter
        ("'Über fuss'", '"über fuss"'),  # nor with an ASCII one
        ("'2 silly fusses'", '"2 Silly fusses"'),
    ],
)
def test_headline_quote_repeated_in_other_forms(headline: str, body: str) -> None:
    text = f"Campbell: E-mail row {headline}\n\nAlastair Campbell said the row was a {body}."
    claims = _pipe().extract(text).of_kind("quote")
    assert len(claims) == 2
    assert claims[0].value["headline"] is True
    assert claims[0].value["speaker_text"] == "Alastair Campbell"


def test_headline_quote_not_in_the_body_is_left_out() -> None:
    text = "Blair backs 'pre-election budget'\n\nThe prime minister backed the budget on Monday."
    assert _texts(text) == []


def test_claim_contract() -> None:
    text = 'Title\n\n"We will win this vote easily," Mr John Smith said on Monday.'
    result = _pipe().extract(text)
    (claim,) = result.of_kind("quote")
    assert claim.kind == "quote"
    assert text[claim.start : claim.end] == claim.text == claim.value["quote"]
    assert text[claim.start - 1] == '"'  # the span excludes the marks
    assert claim.value["open_mark"] == '"' and claim.value["close_mark"] == '"'
    assert claim.value["closed"] is True
    start, end = claim.value["speaker_span"]
    assert text[start:end] == "John Smith"
    assert not result.errors


def test_value_is_json_able() -> None:
    import json

    text = "Title\n\nHe said: \"We 'never' give in to anyone,\" and left."
    for claim in _pipe().extract(text).of_kind("quote"):
        json.dumps(dict(claim.value))


def test_skipped_spans_are_not_read() -> None:
    text = (
        'Title\n\n"We will win this vote easily," Mr Smith said.\n\n'
        'We use cookies to improve our website. "Accept all cookies" to continue.'
    )
    assert _texts(text) == ["We will win this vote easily,"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab Mr.Smith said,\n\"'“”‘’«»", max_size=300))
def test_random_marks_never_raise(text: str) -> None:
    result = geonews.Pipeline(
        plugins=[geonews_quotes], load_entrypoints=False, strict=True
    ).extract(text)
    for c in result.of_kind("quote"):
        assert text[c.start : c.end] == c.text


def test_linear_time_for_200000_quotation_marks() -> None:
    text = 'He said "yes" and went. ' * 100_000  # 200,000 marks, 2.4 MB
    doc = Document(geonews.Article(text=text))
    _ = doc.sentences, doc.paragraphs, doc.masked  # core work, not measured here
    t0 = time.perf_counter()
    claims = geonews_quotes.find_quotes(doc.masked, doc, ())
    elapsed = time.perf_counter() - t0
    assert len(claims) == 100_000
    # under a second per 100 KB even on a loaded machine (about 0.4 s here: 100,000 claims)
    assert elapsed / (len(text) / 100_000) < 1.0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["saying", "telling", "ing", "un", "S", "-", " ", "é"])).map("".join)
)
def test_participles_are_every_participle_match(text: str) -> None:
    """_participles finds each match from its "ing": the same positions as finditer."""
    expected = [m.start() for m in PARTICIPLE.finditer(text)]
    assert _participles(text) == expected
    assert _participles("calling, arguing and dismissing") == [0, 9, 21]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "Zé", "7", "’", "'", "-", " ", ",", "\u00a0", "—"])).map(
        "".join
    ),
    st.integers(0, 4),
)
@example("a, " * 11 + "  ", 0)  # eleven words: long
@example(" 7-a’a" * 10 + "  ", 0)  # ten words: not long
def test_long_quotes_have_over_ten_words(text: str, start: int) -> None:
    """_LONG (and its plain twin on plain text) matches where findall finds over
    TITLE_MAX_WORDS words; the other quotes go on to findall."""
    end = max(start, len(text) - 2)
    n = len(_WORD.findall(text, start, end))
    assert (_LONG.match(text, start, end) is not None) == (n > TITLE_MAX_WORDS)
    if is_plain(text):
        assert (_LONG_PLAIN.match(text, start, end) is not None) == (n > TITLE_MAX_WORDS)
