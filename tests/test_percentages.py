"""Percentages plugin: table-driven cases, ranges, direction, multipliers and negatives."""

from __future__ import annotations

import geonews_percentages
import pytest

import geonews
from geonews import Article, Entity, Mention

PIPE = geonews.Pipeline(plugins=[geonews_percentages], load_entrypoints=False, strict=True)

# (sentence, [(claim text, value, points), ...])
CASES: list[tuple[str, list[tuple[str, float, bool]]]] = [
    ("Trade grew by 9.4 percent.", [("9.4 percent", 9.4, False)]),
    ("Sales fell 3 per cent.", [("3 per cent", 3, False)]),
    ("Shares were down 2%.", [("2%", 2, False)]),
    ("Inflation is 2.5 % now.", [("2.5 %", 2.5, False)]),
    ("Growth was 4pc last year.", [("4pc", 4, False)]),
    ("Growth was 4 pc last year.", [("4 pc", 4, False)]),
    ("Rates rose 0.25 percentage points.", [("0.25 percentage points", 0.25, True)]),
    ("Labour's lead is 5 percentage point higher.", [("5 percentage point", 5, True)]),
    ("The gap narrowed by 3% points.", [("3% points", 3, True)]),
    ("Turnout was five per cent lower.", [("five per cent", 5, False)]),
    ("About nine per cent voted.", [("nine per cent", 9, False)]),
    ("It grew one point three per cent.", [("one point three per cent", 1.3, False)]),
    ("Prices rose twenty-five percent.", [("twenty-five percent", 25, False)]),
    ("We give one hundred per cent effort.", [("one hundred per cent", 100, False)]),
    ("He gave a hundred per cent.", [("a hundred per cent", 100, False)]),
    ("The rate was 100%.", [("100%", 100, False)]),
    ("It rose 1,200% in a decade.", [("1,200%", 1200, False)]),
    ("A yield of .5% is low.", [(".5%", 0.5, False)]),
    ("The index lost -2.3% on Monday.", [("-2.3%", -2.3, False)]),
    ("Unemployment is 7.5 Per Cent.", [("7.5 Per Cent", 7.5, False)]),
    ("It owns 51 percent of the firm.", [("51 percent", 51, False)]),
    ("It bought a 30% stake.", [("30%", 30, False)]),
    ("The 20%-owned unit lost money.", [("20%", 20, False)]),
    ("A 15 per-cent rise was agreed.", [("15 per-cent", 15, False)]),
    # ranges: two claims, the first without the unit
    ("Between 10 and 20 per cent of voters.", [("10", 10, False), ("20 per cent", 20, False)]),
    ("Growth of 10-15% is expected.", [("10", 10, False), ("15%", 15, False)]),
    ("Growth of 10 to 15% is expected.", [("10", 10, False), ("15%", 15, False)]),
    ("Growth of 10–15 per cent is expected.", [("10", 10, False), ("15 per cent", 15, False)]),
    (
        "Rates rose between 2 and 3 percentage points.",
        [("2", 2, True), ("3 percentage points", 3, True)],
    ),
    ("Between 10% and 20% agreed.", [("10%", 10, False), ("20%", 20, False)]),
    ("Sales rose 5% and profits 7%.", [("5%", 5, False), ("7%", 7, False)]),
    # several in a sentence
    (
        "Exports rose 5%, imports fell 3% and the deficit was 2.1 per cent of GDP.",
        [("5%", 5, False), ("3%", 3, False), ("2.1 per cent", 2.1, False)],
    ),
    ("It sank 27 % to $254 million.", [("27 %", 27, False)]),
    # negatives
    ("A quarter of voters backed him.", []),
    ("Two-thirds of members agreed.", []),
    ("Half the staff left.", []),
    ("Millions of people voted in 2004.", []),
    ("The score was 6-4 in the final.", []),
    ("The Su-24 and the F-16 flew.", []),
    ("He was 30 by the end of the year.", []),
    ("It cost $5m and 80p.", []),
    ("The PC market grew.", []),
    ("He bought 3 PCs.", []),
    ("It rose 6 . 2 points.", []),
    ("Interest rates stayed at 4.75.", []),
    ("A percentage of the profits went to charity.", []),
    ("Per cent signs are not numbers.", []),
    ("Bonds of 7 3/4% are due in 1999.", []),
    ("Bond yields rose 15bp.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_percentage_table(text: str, expected: list[tuple[str, float, bool]]) -> None:
    r = PIPE.extract(text)
    got = [(c.text, c.value["value"], c.value["points"]) for c in r.of_kind("percentage")]
    assert [g[0] for g in got] == [e[0] for e in expected]
    for g, e in zip(got, expected, strict=True):
        assert g[1] == pytest.approx(e[1])
        assert g[2] is e[2]


DIRECTION = [
    ("Trade grew by 9.4 percent.", "increase"),
    ("Sales fell 3 per cent.", "decrease"),
    ("Shares were down 2%.", "decrease"),
    ("Shares were up 2%.", "increase"),
    ("Profits jumped 40% on the year.", "increase"),
    ("Costs were cut by 10%.", "decrease"),
    ("There was a 5% rise in prices.", "increase"),
    ("There was a 5% fall in prices.", "decrease"),
    ("Output saw a 3% year-on-year decline.", "decrease"),
    ("Unemployment rose to 5%.", None),
    ("Unemployment is 5%.", None),
    ("It owns 51 percent of the firm.", None),
    ("Inflation has increased by 0.5 percentage points.", "increase"),
    ("Exports have dropped 12% since May.", "decrease"),
]


@pytest.mark.parametrize(("text", "direction"), DIRECTION)
def test_direction(text: str, direction: str | None) -> None:
    (c,) = PIPE.extract(text).of_kind("percentage")
    assert c.value["direction"] == direction


MULTIPLIERS = [
    ("There was a seven fold increase in cases.", "seven fold", 7),
    ("There was a sevenfold increase in cases.", "sevenfold", 7),
    ("Sales saw a 7-fold rise.", "7-fold", 7),
    ("Output rose threefold.", "threefold", 3),
    ("Profits doubled last year.", "doubled", 2),
    ("Prices have tripled since 2001.", "tripled", 3),
    ("The fine was trebled.", "trebled", 3),
    ("Demand quadrupled.", "quadrupled", 4),
    # a dotted capital I matches "i" case-insensitively but lowercases to "i" + a dot above
    ("Prices TRİPLED in 2004.", "TRİPLED", 3),
]


@pytest.mark.parametrize(("text", "span", "factor"), MULTIPLIERS)
def test_multiplier(text: str, span: str, factor: float) -> None:
    r = PIPE.extract(text)
    (c,) = r.of_kind("multiplier")
    assert c.text == span
    assert c.value["factor"] == factor
    assert not r.of_kind("percentage")


@pytest.mark.parametrize("text", ["He had a manifold problem.", "A double act.", "The onefold."])
def test_not_multiplier(text: str) -> None:
    assert not PIPE.extract(text).of_kind("multiplier")


def test_qualifier_not_in_span() -> None:
    (c,) = PIPE.extract("Turnout was more than 60%.").of_kind("percentage")
    assert c.text == "60%"
    assert c.value["qualifier"] == "more than"


def test_subject_and_entities() -> None:
    text = "Trade between Russia and Peru grew by 9.4 percent in 2013."
    ents = (
        Entity(kind="country", name="Russia", code="RUS", mentions=[Mention(14, 20, "Russia")]),
        Entity(kind="country", name="Peru", code="PER", mentions=[Mention(25, 29, "Peru")]),
    )
    art = Article(text=text, published="2014-01-10")
    doc = geonews.Document(art)
    (c,) = list(geonews_percentages.find_percentages(art, ents, doc))
    assert c.value["subject"] == "Trade between Russia and Peru"
    assert c.value["direction"] == "increase"
    assert c.entities == ("country:RUS", "country:PER")
    # through the pipeline the host attaches the time of the sentence
    r = PIPE.extract(art)
    (p,) = r.of_kind("percentage")
    assert p.time is not None and p.time.value == "2013"


def test_subject_skips_noun_uses_of_change_words() -> None:
    text = "Exports between the two countries have seen a seven fold increase, topping $5bn."
    r = PIPE.extract(text)
    (m,) = r.of_kind("multiplier")
    assert m.value["subject"] == "Exports between the two countries"
    assert m.value["direction"] == "increase"


def test_offsets_are_exact() -> None:
    text = "Between 10 and 20 per cent — and up 5pc — of 2,000 firms."
    for c in PIPE.extract(text).claims:
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize(
    ("text", "kind", "found"),
    [
        ("Prices rose 5 PER CENT.", "percentage", "5 PER CENT"),
        ("Prices rose 5 Per\u00a0Cent.", "percentage", "5 Per\u00a0Cent"),
        ("Prices rose 5Pct.", "percentage", "5Pct"),
        ("Prices rose by five.", "percentage", None),  # no unit: nothing is scanned
        ("Prices TRIPLED.", "multiplier", "TRIPLED"),
        ("Uſe İt.", "multiplier", None),  # odd case: MULTIPLIER itself is searched
    ],
)
def test_unit_and_anchor_gates(text: str, kind: str, found: str | None) -> None:
    got = [c.text for c in PIPE.extract(text).of_kind(kind)]
    assert got == ([] if found is None else [found])
