"""The quotation-mark scanner: every mark style, nesting, unbalanced marks, linear time."""

from __future__ import annotations

import time

import pytest
from geonews_quotes.scanner import MAX_SINGLE_LEN, scan
from hypothesis import given, settings
from hypothesis import strategies as st


def _contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', ["we will win"]),
        ("He said “we will win” today.", ["we will win"]),
        ("The minister said ‘we will win’ today.", ["we will win"]),
        ("Il a dit « nous gagnerons » hier.", ["nous gagnerons"]),
        ("Er sagte „wir gewinnen“ gestern.", ["wir gewinnen"]),
        ("Er sagte ‹wir gewinnen› gestern.", ["wir gewinnen"]),
        ("He said ``we will win'' today.", ["we will win"]),
        ("Han sa ”vi vinner” i går.", ["vi vinner"]),
        ('"One." And "two."', ["One.", "two."]),
        ("“One,” he said, “and two.”", ["One,", "and two."]),
        ('He said "yes" and she said "no".', ["yes", "no"]),
        # two paragraphs: each opens a segment, only the last one closes
        (
            '"First paragraph goes on.\n\n"Second paragraph ends."',
            ["First paragraph goes on.", "Second paragraph ends."],
        ),
        # a new opening mark starts a new segment even if the previous one never closed
        (
            'She said: "We doubled it. "We will extend it."',
            ["We doubled it.", "We will extend it."],
        ),
        # an unclosed quote ends at the end of its paragraph
        ('He said "this never closes\nNext paragraph.', ["this never closes"]),
        ('He said "this never closes', ["this never closes"]),
        # stray closing marks and inch marks are ignored
        ('The pipe is 5" wide.', []),
        ("He is 6'2 tall.", []),
        ("It's Labour's plan, the Britons' view.", []),
        ("Russia’s plan and it’s fine.", []),
        ('""', []),
        ("Hewitt decries 'career sexism'", ["career sexism"]),
        ("Back in the '90s it was different.", []),
        ('"The workers\' rights matter," he said.', ["The workers' rights matter,"]),
        ("Russia’s economy “needs friends”.", ["needs friends"]),
        (
            '"Several sentences. They run on. And end here," he said.',
            ["Several sentences. They run on. And end here,"],
        ),
    ],
)
def test_segments(text: str, expected: list[str]) -> None:
    assert _contents(text) == expected


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        ("He said \"I heard 'stop' twice\" today.", "I heard 'stop' twice", ["stop"]),
        ("He said “I heard ‘stop’ twice” today.", "I heard ‘stop’ twice", ["stop"]),
        ("He said 'I heard \"stop\" twice' today.", 'I heard "stop" twice', ["stop"]),
        ("\"We say 'no' and 'never',\" he said.", "We say 'no' and 'never',", ["no", "never"]),
    ],
)
def test_nested_quotes_stay_inside_the_outer_segment(
    text: str, outer: str, inner: list[str]
) -> None:
    segs = scan(text)
    assert [text[s.start : s.end] for s in segs] == [outer]
    assert [text[a:b] for a, b in segs[0].nested] == inner


def test_segment_offsets_exclude_the_marks() -> None:
    text = 'He said "yes".'
    (seg,) = scan(text)
    assert text[seg.open_start] == '"'
    assert seg.close_end is not None and text[seg.close_end - 1] == '"'
    assert seg.closed and seg.open_mark == '"' and seg.close_mark == '"'


def test_unclosed_segment_is_marked() -> None:
    (seg,) = scan('He said "never closed')
    assert not seg.closed and seg.close_mark is None


def test_overlong_single_quote_is_not_believed() -> None:
    body = "word " * (MAX_SINGLE_LEN // 4)
    assert _contents(f"He said 'x {body} y' today.") == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .,\n\"'“”‘’«»„‹›`", max_size=200))
def test_any_mix_of_marks_never_breaks(text: str) -> None:
    for seg in scan(text):
        assert 0 <= seg.open_start < seg.start < seg.end <= len(text)
        assert text[seg.start : seg.end] == text[seg.start : seg.end].strip()
        assert "\n" not in text[seg.start : seg.end]


@pytest.mark.parametrize(
    "unit",
    ['a " b ', 'He said "yes". ', "it's 'x' Labour's ", "“a” ‘b’ «c» „d“ "],
)
def test_scan_is_linear_for_200000_marks(unit: str) -> None:
    marks = sum(unit.count(c) for c in "\"'“”‘’«»„")
    text = unit * (200_000 // marks)
    t0 = time.perf_counter()
    scan(text)
    assert time.perf_counter() - t0 < 2.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in-word apostrophes are no marks; at a word's edge they are
        ("He said 'Britain's plan' today.", ["Britain's plan"]),
        ("He said ‘it’s fine’ and left.", ["it’s fine"]),
        ("'Rock'n'roll' was 'it'.", ["Rock'n'roll", "it"]),
        ("x'2'y ''a'' 'b'", ["b"]),
        # a run of line breaks ends open quotes once
        ('"One\n\n\n"Two" and "three"', ["One", "Two", "three"]),
    ],
)
def test_apostrophes_and_line_breaks(text: str, expected: list[str]) -> None:
    assert _contents(text) == expected
