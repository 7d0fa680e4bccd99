"""The shared number reading (geonews.numbers): digits, separators, words, scales, context."""

from __future__ import annotations

import pytest
import regex

from geonews.numbers import (
    NUMBER,
    Subjects,
    direction_of,
    parse_number,
    parse_quantity,
    qualifier_before,
    scale_factor,
)

FIND = regex.compile(NUMBER)

PARSE = [
    ("7", 7),
    ("1,234", 1234),
    ("1,234.5", 1234.5),
    ("12,345,678", 12345678),
    ("12,34,567.89", 1234567.89),
    ("10\u00a0000", 10000),
    (".5", 0.5),
    ("0.25", 0.25),
    ("five", 5),
    ("twenty-one", 21),
    ("one hundred and two", 102),
    ("three hundred thousand", 300000),
    ("two billion", 2e9),
    ("one and a half", 1.5),
    ("half a", 0.5),
    ("a", 1),
    ("one point three", 1.3),
    ("ninety nine", 99),
    ("forty-five", 45),
]


@pytest.mark.parametrize(("text", "value"), PARSE)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "abc", "1.2.3", "point"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


SCALES = [
    ("thousand", 1e3),
    ("k", 1e3),
    ("lakh", 1e5),
    ("million", 1e6),
    ("m", 1e6),
    ("mn", 1e6),
    ("crore", 1e7),
    ("billion", 1e9),
    ("bn", 1e9),
    ("B", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
    (None, 1.0),
    ("dozen", 1.0),
]


@pytest.mark.parametrize(("word", "factor"), SCALES)
def test_scale_factor(word: str | None, factor: float) -> None:
    assert scale_factor(word) == factor


def test_parse_quantity_is_exact_for_whole_results() -> None:
    assert parse_quantity("1.2", "bn") == 1_200_000_000
    assert parse_quantity("481.42", "m") == 481_420_000
    assert parse_quantity("1234567.89") == pytest.approx(1234567.89)


FINDS = [
    ("it cost 1,234.5 in all", "1,234.5"),
    ("the F-16 jet", "16"),
    ("half a million", "half a"),
    ("a hundred per cent", "a hundred"),
    ("one and a half million", "one and a half"),
    ("v1.2.3 is out", None),
    ("a dog", None),
]


@pytest.mark.parametrize(("text", "found"), FINDS)
def test_number_pattern(text: str, found: str | None) -> None:
    m = FIND.search(text)
    assert (m.group() if m else None) == found


def test_qualifier_before() -> None:
    text = "It raised more than $5m."
    q, start = qualifier_before(text, text.index("$"))
    assert q == "more than"
    assert text[start:].startswith("more than")
    assert qualifier_before("It raised $5m.", 10) == (None, 10)


def test_direction_and_subject() -> None:
    text = "Trade between Russia and Peru grew by 9.4 percent."
    start = text.index("9.4")
    end = start + len("9.4 percent")
    assert direction_of(text, start, end, 0, len(text)) == "increase"
    span = Subjects(text).before(start, 0, len(text))
    assert span is not None and text[span[0] : span[1]] == "Trade between Russia and Peru"
    assert Subjects("9.4 percent.").before(0, 0, 12) is None


def test_patterns_are_linear() -> None:
    import time

    text = "1-" * 100_000 + "one two three four five six seven eight " * 5000
    t = time.perf_counter()
    n = sum(1 for _ in FIND.finditer(text))
    assert n > 100_000
    assert time.perf_counter() - t < 5


# --- fast paths and their exact fallbacks ----------------------------------------------------

SUBJECT_SENTENCES = [
    "Trade between Russia and Peru grew by 9.4 percent.",
    "Cut by 3%, said the firm; sales were 4%.",  # a key word at the start of the text
    "The firm's profits, which had been falling, have been cut by 5% to $3m.",
    "SALES OF THE FIRM WERE UP 4% WHILE COSTS ROSE 2%.",
    'He said that exports "has  risen" by 3%; imports was  been 2%.',
    "Its revenue has   been\tdoubled to 7%, after (the) costs reached 2%.",
    "The rose-coloured index rose 4% but the fall-out cost 5%.",
]


@pytest.mark.parametrize("text", SUBJECT_SENTENCES)
def test_subjects_plain_scan_agrees_with_the_patterns(text: str) -> None:
    # a plain text is scanned word by word; plain=False forces the patterns themselves
    for start in [i for i, ch in enumerate(text) if ch.isdigit() or ch == "$"]:
        fast = Subjects(text, plain=True).before(start, 0, len(text))
        slow = Subjects(text, plain=False).before(start, 0, len(text))
        assert fast == slow
    assert Subjects(text + " café")._low is None  # not plain: the patterns


def test_number_starts_fast_path_and_fallbacks() -> None:
    from geonews.numbers import _NUMBER_TRIGGER, number_starts
    from geonews.plaintext import has_odd_case

    texts = [
        "Five men and twenty-one women paid $5 and 3; half a million, 12,000.",  # ASCII
        "A million, an hundred-thousand, half an billion, a millionaire, behalf a trillion.",
        "A-thousand (half a\tbillion) éa million; a  million; ahalf a million; 5 a million.",
        "Five men paid £5 and ٣ more; a thousand left.",  # Unicode digits: \d itself
        "Five men paid £5, ¹²³ and 4 more.",  # Latin-1: no digits but 0-9
        "ſix men paid 5.",  # matches "six" case-insensitively: the trigger itself
        "İt was one of 5.",  # lowercasing changes the length: the trigger itself
    ]
    for text in texts:
        assert number_starts(text) == tuple(m.start() for m in _NUMBER_TRIGGER.finditer(text))
    assert has_odd_case("ſix") and not has_odd_case("six £5")


def test_plain_filter_matches_where_the_pattern_does() -> None:
    from geonews.numbers import plain_filter

    pattern = regex.compile(rf"(?P<n>{NUMBER})\s?(?:(?P<n>%)|per\scent)")  # a name used twice
    plain = plain_filter(pattern)
    text = "It fell 5% to 1,234 per cent of 2/3 and .5 per cent, twenty-one % 10 000 dollars."
    for q in range(len(text)):
        a, b = pattern.match(text, q), plain.match(text, q)
        assert (a and a.span()) == (b and b.span())
    with pytest.raises(ValueError):
        plain_filter(regex.compile(r"(?P<x>a)(?P=x)"))


@pytest.mark.parametrize(
    "text",
    [
        "It fell 5 % to 1,234.5\u00a0per cent, 6 to 7 pc and 8\tpercentage points; 9, 10. 2019 for 5 dollars",
        "Paid 5 dollars, 5-dollar, 5bn euros, 5\nm, 80p, 10 000 dollars, 3 USD, 7€, 6-4, 2019, 5%.",
        # a run of digit characters longer than the test reads: passes untested
        "It cost 12,34,567.1234567890123456789012345678901 rupees; " + "1 " * 30 + "5 per cent.",
    ],
)
def test_plain_filter_after_digits_keeps_every_match(text: str) -> None:
    from geonews_money.patterns import AFTER_DIGITS as MONEY_AFTER
    from geonews_money.patterns import MONEY
    from geonews_percentages.patterns import AFTER_DIGITS as PERCENT_AFTER
    from geonews_percentages.patterns import PERCENT

    from geonews.numbers import plain_filter

    for pattern, after in ((MONEY, MONEY_AFTER), (PERCENT, PERCENT_AFTER)):
        plain, fast = plain_filter(pattern), plain_filter(pattern, after)
        found = 0
        for q in range(len(text)):
            b = plain.match(text, q)
            assert (b is None) == (pattern.match(text, q) is None)
            # the ``after`` test only rejects places where the pattern does not match
            assert b is None or fast.match(text, q) is not None
            found += b is not None
        assert found


def test_figures_index_the_host_entities_once() -> None:
    from geonews.numbers import Figures
    from geonews.types import Entity, Mention

    entities = (Entity(kind="country", name="Peru", code="PER", mentions=(Mention(0, 4, "Peru"),)),)
    figures = Figures("Peru grew 5%.", plain=True)
    index = figures.mentions(entities)
    assert figures.mentions(entities) is index and index.within(0, 4) == ["country:PER"]
    assert figures.mentions(list(entities)) is not index  # a list may change: indexed anew


@pytest.mark.parametrize(
    ("text", "qualifier", "at"),
    [
        ("It rose by just over 5%.", "just over", "just"),
        ("It cost an estimated $5m.", "an estimated", "an"),
        ("It was upwards of a 5m.", "upwards of", "upwards"),
        ("It was Approx. 5m.", "approximately", "Approx"),
        ("It was 5m.", None, None),
    ],
)
def test_qualifier_before_finds_the_leftmost_start(
    text: str, qualifier: str | None, at: str | None
) -> None:
    start = next(i for i, ch in enumerate(text) if ch.isdigit() or ch == "$")
    q, where = qualifier_before(text, start)
    assert q == qualifier
    assert where == (start if at is None else text.index(at))


FIGURE_SENTENCES = [
    *SUBJECT_SENTENCES,
    "Exports rose to 5% but imports fell by more than 3% in MARCH, down Approx. 2%.",
    "Prices, which had been RISING, were cut c. 4% - a 6% fall - after a 2% rise.",
    "about 5% Up To 7%; as much as\n8% of sales grew year-on-year 9% annual increase.",
]


@pytest.mark.parametrize("text", FIGURE_SENTENCES)
def test_figures_plain_twins_agree_with_the_patterns(text: str) -> None:
    # a plain text is read with stdlib twins on its lowercased copy; plain=False: the patterns
    from geonews.numbers import Figures

    fast, slow = Figures(text, plain=True), Figures(text, plain=False)
    for start in [i for i, ch in enumerate(text) if ch.isdigit()]:
        end = start + 2
        for sent in [(0, len(text)), (max(0, start - 30), min(len(text), start + 20))]:
            assert fast.direction(start, end, *sent) == direction_of(text, start, end, *sent)
            assert slow.direction(start, end, *sent) == direction_of(text, start, end, *sent)
            assert fast.subjects.before(start, *sent) == slow.subjects.before(start, *sent)
        assert fast.qualifier(start) == slow.qualifier(start) == qualifier_before(text, start)[0]


def test_token_starts_are_those_after_no_alphanumeric() -> None:
    from geonews.numbers import _token_starts

    text = "aUS $5 éC $ _C $ ²C $ C$ 3C .5 -5"
    lead = "C$.-"
    found = [m.start() for m in _token_starts(lead).finditer(text)]
    assert found == [
        q for q in range(len(text)) if text[q] in lead and (q == 0 or not text[q - 1].isalnum())
    ]
