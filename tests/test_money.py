"""Money plugin: table-driven cases in the style of wire news, positives and negatives."""

from __future__ import annotations

from typing import Any

import geonews_money
import pytest

import geonews
from geonews import Article, Entity, Mention

PIPE = geonews.Pipeline(plugins=[geonews_money], load_entrypoints=False, strict=True)

# (sentence, [(claim text, amount, amount_max, currency), ...])
Row = tuple[str, list[tuple[str, float, float | None, str]]]
CASES: list[Row] = [
    # symbols and prefixes
    ("The deal is worth $500 million.", [("$500 million", 5e8, None, "USD")]),
    ("It raised US$1.2bn from investors.", [("US$1.2bn", 1.2e9, None, "USD")]),
    ("It paid $US20m for the stake.", [("$US20m", 2e7, None, "USD")]),
    ("Qantas bid A$50 million.", [("A$50 million", 5e7, None, "AUD")]),
    ("The fund holds AU$3bn.", [("AU$3bn", 3e9, None, "AUD")]),
    ("Bombardier won a C$16.4 million order.", [("C$16.4 million", 1.64e7, None, "CAD")]),
    ("Fonterra paid NZ$2bn.", [("NZ$2bn", 2e9, None, "NZD")]),
    ("Exports fell to HK$10.05 billion.", [("HK$10.05 billion", 1.005e10, None, "HKD")]),
    ("Temasek put in S$500m.", [("S$500m", 5e8, None, "SGD")]),
    ("Petrobras raised R$8bn.", [("R$8bn", 8e9, None, "BRL")]),
    ("The club paid €2 million.", [("€2 million", 2e6, None, "EUR")]),
    ("Profits were £3.5bn last year.", [("£3.5bn", 3.5e9, None, "GBP")]),
    ("Sony lost ¥40bn.", [("¥40bn", 4e10, None, "JPY")]),
    ("The plan costs ₹500 crore.", [("₹500 crore", 5e9, None, "INR")]),
    ("Gazprom earned ₽1.2 trillion.", [("₽1.2 trillion", 1.2e12, None, "RUB")]),
    ("Samsung invested ₩3tn.", [("₩3tn", 3e12, None, "KRW")]),
    ("The bank lent ₺40m.", [("₺40m", 4e7, None, "TRY")]),
    ("Israel approved ₪2bn in aid.", [("₪2bn", 2e9, None, "ILS")]),
    ("Nestle paid CHF 1.5bn.", [("CHF 1.5bn", 1.5e9, None, "CHF")]),
    ("The fine was Fr.200,000.", [("Fr.200,000", 2e5, None, "CHF")]),
    ("Tata spent Rs 500 crore.", [("Rs 500 crore", 5e9, None, "INR")]),
    # ISO codes before or after
    ("The bonds total USD 5m.", [("USD 5m", 5e6, None, "USD")]),
    ("It sold EUR 300 million of notes.", [("EUR 300 million", 3e8, None, "EUR")]),
    ("The loan is 300 EUR per month.", [("300 EUR", 300, None, "EUR")]),
    # currency words
    ("It lost 5m euros.", [("5m euros", 5e6, None, "EUR")]),
    ("The bill was 20 million pounds.", [("20 million pounds", 2e7, None, "GBP")]),
    ("He left 5,000 pounds sterling.", [("5,000 pounds sterling", 5000, None, "GBP")]),
    ("Tokyo will spend 3 trillion yen.", [("3 trillion yen", 3e12, None, "JPY")]),
    ("Output rose to 100 billion yuan.", [("100 billion yuan", 1e11, None, "CNY")]),
    ("Beijing set aside 40bn renminbi.", [("40bn renminbi", 4e10, None, "CNY")]),
    ("The firm owes 500 million roubles.", [("500 million roubles", 5e8, None, "RUB")]),
    ("The firm owes 500 million rubles.", [("500 million rubles", 5e8, None, "RUB")]),
    ("Bank Mandiri lost 59.2 trillion rupiah.", [("59.2 trillion rupiah", 5.92e13, None, "IDR")]),
    ("Vale paid 3bn reais.", [("3bn reais", 3e9, None, "BRL")]),
    ("Eskom needs 6.8bn rand.", [("6.8bn rand", 6.8e9, None, "ZAR")]),
    ("A 418bn-rand budget was tabled.", [("418bn-rand", 4.18e11, None, "ZAR")]),
    ("Roche earned 86.7bn Swiss francs.", [("86.7bn Swiss francs", 8.67e10, None, "CHF")]),
    ("Hamas was given 10m shekels.", [("10m shekels", 1e7, None, "ILS")]),
    ("Riyadh spent 5bn riyals.", [("5bn riyals", 5e9, None, "SAR")]),
    ("Dubai raised 2bn dirhams.", [("2bn dirhams", 2e9, None, "AED")]),
    ("Seoul set aside 5 trillion won.", [("5 trillion won", 5e12, None, "KRW")]),
    ("Ankara printed 10bn lira.", [("10bn lira", 1e10, None, "TRY")]),
    (
        "They paid 125 million Australian dollars.",
        [("125 million Australian dollars", 1.25e8, None, "AUD")],
    ),
    ("He was paid 10,000 US dollars.", [("10,000 US dollars", 1e4, None, "USD")]),
    ("Fees reached 15 Canadian dollars a head.", [("15 Canadian dollars", 15, None, "CAD")]),
    (
        "Nokia paid 420 million Finnish markka.",
        [("420 million Finnish markka", 4.2e8, None, "FIM")],
    ),
    ("Lagos received 50bn naira.", [("50bn naira", 5e10, None, "NGN")]),
    # spelled-out numbers and scale words
    ("Ministers received five million yen.", [("five million yen", 5e6, None, "JPY")]),
    ("It cost two billion dollars.", [("two billion dollars", 2e9, None, "USD")]),
    ("He sold it for half a million pounds.", [("half a million pounds", 5e5, None, "GBP")]),
    ("She won a million dollars.", [("a million dollars", 1e6, None, "USD")]),
    (
        "It cost one and a half million euros.",
        [("one and a half million euros", 1.5e6, None, "EUR")],
    ),
    ("It cost three hundred thousand euros.", [("three hundred thousand euros", 3e5, None, "EUR")]),
    (
        "A fine of twenty-five thousand pounds.",
        [("twenty-five thousand pounds", 25000, None, "GBP")],
    ),
    ("Ottawa unveiled a $1.5-billion plan.", [("$1.5-billion", 1.5e9, None, "USD")]),
    ("It is a C$500-million deal.", [("C$500-million", 5e8, None, "CAD")]),
    ("Kenya raised KSh 50bn.", [("KSh 50bn", 5e10, None, "KES")]),
    ("Sales hit $5 bln.", [("$5 bln", 5e9, None, "USD")]),
    ("Salaries start at $50k.", [("$50k", 5e4, None, "USD")]),
    ("The firm is worth €10M.", [("€10M", 1e7, None, "EUR")]),
    ("GDP is $2.174T.", [("$2.174T", 2.174e12, None, "USD")]),
    ("The bailout reached $85mn.", [("$85mn", 8.5e7, None, "USD")]),
    ("Debt stands at $3tn.", [("$3tn", 3e12, None, "USD")]),
    ("The scheme costs 35 lakh rupees.", [("35 lakh rupees", 3.5e6, None, "INR")]),
    ("A loan of 12,34,567.89 rupees.", [("12,34,567.89 rupees", 1234567.89, None, "INR")]),
    ("It paid $94,000 to settle.", [("$94,000", 94000, None, "USD")]),
    ("The bill came to $1,234,567.", [("$1,234,567", 1234567, None, "USD")]),
    ("Shares closed at $2.75.", [("$2.75", 2.75, None, "USD")]),
    ("It costs $ 12,345 in total.", [("$ 12,345", 12345, None, "USD")]),
    # cents and pence
    ("Shares fell 80p to 274.5p.", [("80p", 0.8, None, "GBP"), ("274.5p", 2.745, None, "GBP")]),
    ("Petrol rose 27c a litre.", [("27c", 0.27, None, "USD")]),
    ("The stock fell 34 cents.", [("34 cents", 0.34, None, "USD")]),
    ("Stamps will cost four pence more.", [("four pence", 0.04, None, "GBP")]),
    ("A 12-cent dividend was declared.", [("12-cent", 0.12, None, "USD")]),
    ("Petrol rose 10-20 cents a litre.", [("10-20 cents", 0.1, 0.2, "USD")]),
    ("It fell one penny.", [("one penny", 0.01, None, "GBP")]),
    ("It only cost 3 dollars 50 cents.", [("3 dollars 50 cents", 3.5, None, "USD")]),
    (
        "It only cost thirteen dollars and forty-five cents.",
        [("thirteen dollars and forty-five cents", 13.45, None, "USD")],
    ),
    # ranges
    ("It will cost $10-20 million.", [("$10-20 million", 1e7, 2e7, "USD")]),
    ("The value is between $5bn and $7bn.", [("$5bn and $7bn", 5e9, 7e9, "USD")]),
    ("Prices of $40 to $50 a barrel.", [("$40 to $50", 40, 50, "USD")]),
    ("Fees of between £190m and £265m.", [("£190m and £265m", 1.9e8, 2.65e8, "GBP")]),
    ("Between 150 euros and 300 euros each.", [("150 euros and 300 euros", 150, 300, "EUR")]),
    ("It could cost 10 to 15 million euros.", [("10 to 15 million euros", 1e7, 1.5e7, "EUR")]),
    ("A bill of $5 to $7bn.", [("$5 to $7bn", 5e9, 7e9, "USD")]),
    (
        "The stake is worth $3.2 billion-$3.5 billion.",
        [("$3.2 billion-$3.5 billion", 3.2e9, 3.5e9, "USD")],
    ),
    ("Delhi will invest Rs 1.5 lakh crore.", [("Rs 1.5 lakh crore", 1.5e12, None, "INR")]),
    ("The budget is ₹10,000 crore.", [("₹10,000 crore", 1e11, None, "INR")]),
    # not ranges: a change, or two figures
    (
        "Crude rose $1.64 to $47.10.",
        [("$1.64", 1.64, None, "USD"), ("$47.10", 47.1, None, "USD")],
    ),
    (
        "Revenue rose from $5m to $7m.",
        [("$5m", 5e6, None, "USD"), ("$7m", 7e6, None, "USD")],
    ),
    ("It paid $5bn and $7bn.", [("$5bn", 5e9, None, "USD"), ("$7bn", 7e9, None, "USD")]),
    # negative amounts
    ("The annual result is -15€.", [("-15€", -15, None, "EUR")]),
    ("The balance was $-99.99.", [("$-99.99", -99.99, None, "USD")]),
    ("It paid $1 million dollars.", [("$1 million dollars", 1e6, None, "USD")]),
    ("The target is £3bn pounds.", [("£3bn pounds", 3e9, None, "GBP")]),
    # several in one sentence, with conversions
    (
        "Earnings were 77m euros (£53m; $100m).",
        [
            ("77m euros", 7.7e7, None, "EUR"),
            ("£53m", 5.3e7, None, "GBP"),
            ("$100m", 1e8, None, "USD"),
        ],
    ),
    ("50 dollar 40 rmb", [("50 dollar", 50, None, "USD"), ("40 rmb", 40, None, "CNY")]),
    ("Hey, the cost is 100元!", [("100元", 100, None, "CNY")]),
    ("It costs 100,000 ₭.", [("100,000 ₭", 100000, None, "LAK")]),
    ("He posted bail of $5,000.", [("$5,000", 5000, None, "USD")]),
    ("Valued at 10 000 dollars.", [("10 000 dollars", 10000, None, "USD")]),
    # negatives: look-alikes that are not money
    ("Federer won 6-4 6-3 in the final.", []),
    ("Russia sent Su-24 jets and F-16s.", []),
    ("It dropped a 2,000-pound bomb.", []),
    ("He bought a twenty-pound bag of rice.", []),
    ("The baby weighed eight pounds.", []),
    ("It weighs no more than 2,000.45±0.01 pounds.", []),
    ("She caught 20 pounds of fish.", []),
    ("Millions of people voted in 2004.", []),
    ("Call 0800 555 0123 for details.", []),
    ("The meeting starts at 10:30 on 5 May.", []),
    ("A quarter of voters backed him.", []),
    ("It has a real chance of winning.", []),
    ("All 70 of us went home.", []),
    ("ALL 5 solutions are wrong.", []),
    ("Its 30 C outside!", []),
    ("Now its -10C in Moscow.", []),
    ("The bank robbery began at 2pm.", []),
    ("Sales rose 5% in 2004.", []),
    ("He won 3 seats in 2005.", []),
    ("The euro rose against the dollar.", []),
    ("Ayn Rand wrote 2 novels.", []),
    ("Bonds of 7 3/4 per cent are due in 1999.", []),
    ("The Dow Jones closed at 10,783.01.", []),
    ("There are 1.4bn people in China.", []),
    ("The 5m-strong diaspora sent money home.", []),
]


def _money(text: str, **fields: Any) -> list[tuple[str, float, float | None, str]]:
    r = PIPE.extract(Article(text=text, **fields))
    return [
        (c.text, c.value["amount"], c.value["amount_max"], c.value["currency"])
        for c in r.of_kind("money")
    ]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_money_table(text: str, expected: list[tuple[str, float, float | None, str]]) -> None:
    got = _money(text)
    assert [g[0] for g in got] == [e[0] for e in expected]
    for g, e in zip(got, expected, strict=True):
        assert g[1] == pytest.approx(e[1], rel=1e-9), g
        assert (g[2] is None) == (e[2] is None), g
        if e[2] is not None:
            assert g[2] == pytest.approx(e[2], rel=1e-9), g
        assert g[3] == e[3], g


# the currency of a bare "$", "dollars" or "pesos" comes from the article
INFER: list[tuple[str, dict[str, Any], str]] = [
    ("Costs rose to $5m.", {}, "USD"),
    ("Costs rose to $5m.", {"source_country": "AU"}, "AUD"),
    ("Costs rose to $5m.", {"source_country": "AUS"}, "AUD"),
    ("Costs rose to $5m.", {"source_country": "CA"}, "CAD"),
    ("Costs rose to $5m.", {"source_country": "GB"}, "USD"),
    ("Costs rose to $5m.", {"url": "https://www.smh.com.au/business/x"}, "AUD"),
    ("Costs rose to 5m dollars.", {"source": "nzherald.co.nz"}, "NZD"),
    ("The Australian dollar fell. Costs rose to $5m.", {}, "AUD"),
    ("It paid NZ$3m. It later paid $5m.", {}, "NZD"),
    ("It paid NZ$3m. It later paid $5m.", {"source_country": "AU"}, "NZD"),
    ("Colombia said debt hit 24.2 trillion pesos.", {}, "COP"),
    ("Mexico said debt hit 24.2 trillion pesos.", {}, "MXN"),
    ("Debt hit 24.2 trillion pesos.", {"source_country": "AR"}, "ARS"),
    ("Kuwait will spend 5bn dinars.", {}, "KWD"),
    ("Pakistan will spend 5bn rupees.", {}, "PKR"),
    ("Officials will spend 5bn rupees.", {}, "INR"),
]


@pytest.mark.parametrize(("text", "fields", "currency"), INFER)
def test_currency_inference(text: str, fields: dict[str, Any], currency: str) -> None:
    r = PIPE.extract(Article(text=text, **fields))
    last = r.of_kind("money")[-1]
    assert last.value["currency"] == currency
    assert last.value["currency_inferred"] is True


def test_explicit_currency_is_not_inferred() -> None:
    c = PIPE.extract("It paid US$5m.").of_kind("money")[0]
    assert c.value["currency_inferred"] is False


QUALIFIERS = [
    ("It raised more than $500 million.", "more than"),
    ("It raised about $5bn.", "about"),
    ("It raised nearly £2m.", "nearly"),
    ("Costs exceeding $5bn were cut.", "exceeding"),
    ("It will lend up to €3bn.", "up to"),
    ("It will lend at least €3bn.", "at least"),
    ("It will lend €3bn.", None),
]


@pytest.mark.parametrize(("text", "qualifier"), QUALIFIERS)
def test_qualifier_is_a_field_not_in_span(text: str, qualifier: str | None) -> None:
    c = PIPE.extract(text).of_kind("money")[0]
    assert c.value["qualifier"] == qualifier
    assert not c.text[0].isalpha() or c.text[0].isupper() or qualifier is None
    if qualifier:
        assert qualifier not in c.text


def test_subject_and_entities() -> None:
    text = "Trade between Russia and Peru rose by $500m last year."
    ents = (
        Entity(kind="country", name="Russia", code="RUS", mentions=[Mention(14, 20, "Russia")]),
        Entity(kind="country", name="Peru", code="PER", mentions=[Mention(25, 29, "Peru")]),
    )
    doc = geonews.Document(Article(text=text))
    (c,) = list(geonews_money.find_money(Article(text=text), ents, doc))
    assert c.value["subject"] == "Trade between Russia and Peru"
    assert c.value["direction"] == "increase"
    assert set(c.entities) == {"country:RUS", "country:PER"}


def test_value_is_json_and_text_matches_offsets() -> None:
    text = "Profits fell 3% to £2.5bn, while Acme paid $10-20 million."
    r = PIPE.extract(text)
    for c in r.claims:
        assert text[c.start : c.end] == c.text
        assert c.time is None or c.time.text in text
    assert r.to_json()


def test_large_input_is_fast() -> None:
    import time

    text = "Profits rose 5% to $1.5bn in 2004, and costs of £3m were cut. " * 8000  # ~500 KB
    t = time.perf_counter()
    r = PIPE.extract(text)
    assert len(r.of_kind("money")) == 16000
    assert time.perf_counter() - t < 10


@pytest.mark.parametrize(
    "text",
    [
        "US$5, the US dollar and Australian dollars; NZ$3 or $US4 and greenbacks.",
        "Trinidad & Tobago dollars, NT$ and $5" + " x" * 40 + " Hong Kong Dollar.",
        "İstanbul paid US$5 and 3 Canadian dollars.",  # lowercasing changes the length
        "$$US$ dollarsdollar US$US$",
        # "$" anchors: bare, after a prefix letter or not (case sensitive), before "US" or "us"
        "$5 us$5 a$3 A$3, BUS$ x$us $Us $uS $u $ US $, $" + " y" * 20 + " s$ C$",
    ],
)
def test_dollar_mentions_are_those_of_the_whole_pattern(text: str) -> None:
    from geonews_money.dollars import dollar_mentions
    from geonews_money.patterns import DOLLAR_MENTION

    got = [(m.span(), m.groupdict()) for m in dollar_mentions(text, text.lower())]
    assert got == [(m.span(), m.groupdict()) for m in DOLLAR_MENTION.finditer(text)]


def test_plain_and_other_texts_give_the_same_money() -> None:
    # the plain filter is used for the first text only
    text = "Sales rose more than $5m, to 12 Canadian dollars and 80p; it cost €3bn."
    plain = [(c.start, c.end, c.value) for c in PIPE.extract(text).claims]
    other = [(c.start, c.end, c.value) for c in PIPE.extract(text + " Café").claims]
    assert plain == other and len(plain) == 4
