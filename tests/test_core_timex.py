from __future__ import annotations

import datetime as dt

import pytest

from geonews.timex import find_times, resolve

BASE = dt.date(2015, 12, 2)  # a Wednesday


@pytest.mark.parametrize(
    ("expr", "value", "grain"),
    [
        ("2014", "2014", "year"),
        ("November 30", "2015-11-30", "day"),
        ("30 November 2015", "2015-11-30", "day"),
        ("Nov. 30, 2014", "2014-11-30", "day"),
        ("November 2014", "2014-11", "month"),
        ("yesterday", "2015-12-01", "day"),
        ("today", "2015-12-02", "day"),
        ("tomorrow", "2015-12-03", "day"),
        ("last year", "2014", "year"),
        ("this year", "2015", "year"),
        ("next month", "2016-01", "month"),
        ("last week", "2015-W48", "week"),
        ("three years ago", "2012", "year"),
        ("2 days ago", "2015-11-30", "day"),
        ("Monday", "2015-11-30", "day"),
        ("Wednesday", "2015-12-02", "day"),
        ("last Friday", "2015-11-27", "day"),
        ("the first quarter", "2015-Q1", "quarter"),
        ("the third quarter of 2014", "2014-Q3", "quarter"),
        ("Q4 2013", "2013-Q4", "quarter"),
        ("the first half of 2016", "2016-H1", "half"),
        ("2015-06-01", "2015-06-01", "day"),
        ("December 28", "2015-12-28", "day"),
        ("January 3", "2016-01-03", "day"),
    ],
)
def test_resolve(expr: str, value: str, grain: str) -> None:
    assert resolve(expr, BASE) == (value, grain)


def test_relative_without_base_is_unresolved() -> None:
    assert resolve("yesterday", None) == (None, "day")
    assert resolve("2013", None) == ("2013", "year")


def test_numeric_dates_go_to_dateparser() -> None:
    assert resolve("30/11/2015", BASE) == ("2015-11-30", "day")


@pytest.mark.parametrize(
    "text",
    ["$2014 million", "2,014 troops", "2014.5 tonnes", "a 2014% rise", "12345 people"],
)
def test_numbers_that_are_not_years(text: str) -> None:
    assert [t.text for t in find_times(text, BASE) if t.grain == "year"] == []


def test_find_times_offsets() -> None:
    text = "In 2014, trade grew. Yesterday the deal was signed, and on Monday talks resume."
    got = find_times(text, BASE)
    assert [t.text for t in got] == ["2014", "Yesterday", "Monday"]
    for t in got:
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("expr", "value"),
    [
        # letters the case-insensitive pattern matches to ASCII ones, but lower() does not
        ("Yeſterday", "2015-12-01"),
        ("laſt Friday", "2015-11-27"),
        ("three yearſ ago", "2012"),
        ("the fİrst quarter", "2015-Q1"),
        ("\u212aALENDS", None),  # not a time: nothing to look up, and no crash
    ],
)
def test_resolve_odd_case_letters(expr: str, value: str | None) -> None:
    assert resolve(expr, BASE)[0] == value


@pytest.mark.parametrize(
    ("text", "span"),
    [("It ended on 31 December.", "31 December"), ("It ended on Dec. 31.", "Dec. 31")],
)
def test_full_stop_after_a_month(text: str, span: str) -> None:
    (t,) = find_times(text, BASE)
    assert t.text == span
