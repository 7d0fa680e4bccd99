"""Adversarial and fuzz inputs: every case finishes within 10x the per-KB time of news text.

The news baseline is measured in the same run, on text generated here from short wire-style
sentences (no copyrighted text). Each case is timed best-of-N (a loaded 2-core CI machine has
noisy timings; the best run is the one least disturbed) and must stay under
``RATIO x baseline ms/KB x size``, with a floor for small inputs where fixed costs dominate.

The installed pipeline (all built-in plugins, what users run) is held to that ratio; when a case
is too slow the failure message times each plugin on its own, to name the culprit. The core alone
is run with a probe plugin that forces every shared analysis (skips, masked text, sentences,
paragraphs, bylines, time expressions, claim linking, quote attribution) and emits far more
claims per KB than news does, so for it the suite checks growth instead:
four times the input may cost at most eight times the time (linear gives 4, quadratic 16).

``pytest -s tests/test_adversarial.py`` prints the ratio of every case and the worst one.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Callable, Iterator

import pytest
import regex

import geonews
from geonews import Article, Claim, Document, Entity, Mention, Result, hookimpl
from geonews.timex import find_times

RATIO = 10.0  # the bound the issue sets: 10x the per-KB time of normal news text
FLOOR_S = 0.25  # below this, fixed costs and timer noise dominate: never fail under it
REPEATS = 3  # best of this many runs (stops early as soon as one run is within the bound)
RATIOS: dict[str, float] = {}

# -- a news-like text generator ------------------------------------------------------------------

_SUBJECTS = [
    "The finance minister",
    "Prime Minister Jane Okafor",
    "President Luis Moreno",
    "A government spokesman",
    "The central bank",
    "Officials in Brussels",
    "Russia",
    "China",
    "Germany",
    "The United Nations",
    "Mr. Tanaka",
    "Dr. Helen Price, an economist at the World Bank,",
]
_VERBS = ["said", "announced", "warned", "confirmed", "told reporters", "reported"]
_OBJECTS = [
    "that exports rose by {p} percent in {y}",
    "a ${n} billion investment plan for the next {k} years",
    "that inflation had fallen to {p}% in the {q} quarter",
    "that the two countries would sign a trade agreement on {d}",
    "plans to ratify the Treaty of {c} before the end of the year",
    "that unemployment was {p} per cent, down from {p2} per cent a year earlier",
    "a loan of €{n} million to {c}",
    "that talks with {c} had made progress",
    "that the deal was worth £{n}bn",
]
_QUOTES = [
    '"We will not accept these terms," {s} {v}.',
    "“This is a historic day for our country,” {s} {v}.",
    "{s} {v}: “The agreement is good for both sides.”",
]
_CITIES = ["Paris", "Lisbon", "Geneva", "Nairobi", "Lima", "Hanoi", "Oslo"]
_MONTHS = ["January", "March", "May", "July", "October", "December"]


def news_text(n_chars: int, seed: int = 7) -> str:
    """Wire-style news text of about ``n_chars`` characters, built from short sentences."""
    rnd = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < n_chars:
        sentences = []
        for _ in range(rnd.randint(1, 3)):
            fill = {
                "p": f"{rnd.randint(1, 30)}.{rnd.randint(0, 9)}",
                "p2": f"{rnd.randint(1, 30)}.{rnd.randint(0, 9)}",
                "y": str(rnd.randint(1990, 2016)),
                "n": str(rnd.randint(2, 900)),
                "k": str(rnd.randint(2, 12)),
                "q": rnd.choice(["first", "second", "third", "fourth"]),
                "d": f"{rnd.randint(1, 28)} {rnd.choice(_MONTHS)}",
                "c": rnd.choice(_CITIES),
                "s": rnd.choice(_SUBJECTS),
                "v": rnd.choice(_VERBS),
            }
            if rnd.random() < 0.25:
                sentences.append(rnd.choice(_QUOTES).format(**fill))
            else:
                template = "{s} {v} " + rnd.choice(_OBJECTS) + "."
                sentences.append(template.format(**fill))
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:n_chars]


def test_news_generator_looks_like_news() -> None:
    text = news_text(20_000)
    assert 19_000 <= len(text) <= 20_000
    assert news_text(5_000) == news_text(5_000)  # deterministic
    kinds = {c.kind for c in INSTALLED.extract(text).claims}
    assert {"money", "percentage"} <= kinds, kinds


# -- the core probe plugin ---------------------------------------------------------------------

_PROBE_CAPS = regex.compile(r"\b\p{Lu}\p{Ll}{1,20}\b")
_PROBE_MONEY = regex.compile(r"[$£€¥]\d{1,12}")
_PROBE_QUOTE = regex.compile(r"[\"“][^\"“”\n]{1,300}[\"”]")


class CoreProbe:
    """Touches every shared analysis and emits many entities and claims, cheaply."""

    name = "probe"

    @hookimpl
    def extract_entities(self, article: Article, doc: Document) -> Iterator[Entity]:
        assert len(doc.masked) == len(article.text)
        _ = (doc.sentences, doc.paragraphs, doc.bylines)
        for m in _PROBE_CAPS.finditer(doc.masked):
            mention = Mention(m.start(), m.end(), article.text[m.start() : m.end()])
            yield Entity(kind="organization", name=m.group(), mentions=[mention])

    @hookimpl
    def extract_claims(
        self, article: Article, entities: tuple[Entity, ...], doc: Document
    ) -> Iterator[Claim]:
        for kind, pattern in (("money", _PROBE_MONEY), ("quote", _PROBE_QUOTE)):
            for m in pattern.finditer(doc.masked):
                text = article.text[m.start() : m.end()]
                yield Claim(kind=kind, start=m.start(), end=m.end(), text=text)


INSTALLED = geonews.Pipeline()
CORE = geonews.Pipeline(plugins=[CoreProbe()], load_entrypoints=False)
PIPELINES = {"installed": INSTALLED}

# -- the adversarial cases -------------------------------------------------------------------

_rnd = random.Random(2015)


def _random_unicode(n: int) -> str:
    # any code point, lone surrogates and unassigned ones included
    return "".join(chr(_rnd.randrange(0x110000)) for _ in range(n))


def _random_bmp_words(n: int) -> str:
    alphabet = "abcXYZ \n.,$%“”\"'0123456789éßЖж中文ا\u200b\u00a0"
    return "".join(_rnd.choice(alphabet) for _ in range(n))


KB = 1000
CASES: dict[str, Callable[[], str]] = {
    "digits 2MB": lambda: "7" * 2_000_000,
    "digit groups": lambda: "1,234," * 40_000,
    "decimal runs": lambda: "1.2.3.4." * 30_000,
    "quotes 200k": lambda: '"' * 200_000,
    "curly quotes": lambda: "“" * 100_000 + "”" * 100_000,
    "alternating quotes": lambda: "“”‘’«»\"'" * 25_000,
    "nested quotes": lambda: '“He said ‘she said «they said "no"»’” ' * 5_000,
    "open quotes and words": lambda: "“word " * 40_000,
    "dollar 1MB": lambda: "$" * 1_000_000,
    "currency signs": lambda: "$£€¥₹" * 40_000,
    "currency and digits": lambda: "$1" * 100_000,
    "currency words": lambda: "US$ bn million billion " * 8_000,
    "percent signs": lambda: "%" * 200_000,
    "percent runs": lambda: "5% per cent percent " * 10_000,
    "titles": lambda: "President Prime Minister Mr. Dr. Gen. " * 5_000,
    "abbreviations": lambda: "U.S. U.N. e.g. i.e. Mr. " * 8_000,
    "periods": lambda: "." * 200_000,
    "end marks": lambda: "!?…" * 60_000,
    "capitalised words": lambda: "Abc " * 50_000,
    "treaty words": lambda: "Treaty of the Agreement on the Accord and Pact " * 4_000,
    "treaty signing": lambda: "signed the treaty ratified the agreement " * 5_000,
    "time words": lambda: "May 5, 2014 last year Q3 2015 on Monday " * 5_000,
    "year runs": lambda: "2014 " * 40_000,
    "spaces": lambda: " " * 500_000,
    "newlines": lambda: "\n" * 500_000,
    "blank-ish lines": lambda: "\n \t" * 100_000,
    "one long word": lambda: "a" * 500_000,
    "notices": lambda: "Advertisement\n\n" * 15_000,
    "bylines": lambda: "By John Smith\n" * 10_000,
    "duplicate paragraphs": lambda: (
        ("The minister said the plan was approved on Monday.\n\n") * 5_000
    ),
    "control characters": lambda: "".join(map(chr, range(32))) * 8_000,
    "lone surrogates": lambda: "\ud800\udfff\udc00" * 60_000,
    "random unicode": lambda: _random_unicode(200_000),
    "random words and marks": lambda: _random_bmp_words(200_000),
    "no breaks news": lambda: news_text(200_000).replace("\n", " ").replace(". ", ", "),
}

CASES["numeric dates"] = lambda: (
    "Brazil paid $5 on Monday. "
    + " ".join(f"{d % 28 + 1}/{d // 28 % 12 + 1}/{1900 + d // 336}" for d in range(30_000))
)
CASES["repeated names"] = lambda: "Brazil and Putin met Mr. Lula. " * 6_000
CASES["claims between many skips"] = lambda: "Advertisement\n\nFrance paid $5.\n\n" * 8_000
CASES["one entity per mention"] = lambda: "Abc " * 50_000

# Cases that hit known superlinear spots in src/geonews/combine.py (docs/robustness.md lists
# them): per-claim scans of the time expressions of a long sentence, and of every quote seen so
# far. They stay in the suite as expected failures at a size that fails fast; remove the mark
# once combine.py is fixed (the test then reports XPASS).
COMBINE_CASES: dict[str, Callable[[], str]] = {
    "money and years in one sentence": lambda: "$5 in 2014, " * 3_000,
    "claims after many quotes": lambda: '"Hi" $5, ' * 8_000,
}


# -- timing ------------------------------------------------------------------------------------


PUBLISHED = "2015-12-02"  # so that every time expression is resolved, not only absolute ones


def _run(pipe: geonews.Pipeline, text: str) -> tuple[float, Result]:
    article = Article(text=text, published=PUBLISHED)
    t0 = time.perf_counter()
    result = pipe.extract(article)
    return time.perf_counter() - t0, result


@pytest.fixture(scope="module")
def baseline() -> dict[str, float]:
    """Seconds per KB of news text for each pipeline, best of five, measured in this run."""
    text = news_text(200 * KB, seed=11)
    out = {}
    for name, pipe in PIPELINES.items():
        pipe.extract(text[:2000])  # warm caches and lazy imports
        best = min(_run(pipe, text)[0] for _ in range(5))
        out[name] = best / (len(text) / KB)
    return out


def check_offsets(text: str, r: Result) -> None:
    assert not r.errors, r.errors
    for e in r.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    for c in r.claims:
        assert text[c.start : c.end] == c.text
        if c.time is not None:
            assert text[c.time.start : c.time.end] == c.time.text


def _per_plugin(text: str) -> str:
    rows = []
    for info in INSTALLED.infos:
        if info.error:
            continue
        pipe = geonews.Pipeline(only=[info.name])
        rows.append(f"{info.name}={_run(pipe, text)[0]:.2f}s")
    return ", ".join(rows)


def _time_case(name: str, text: str, which: str, baseline: dict[str, float]) -> None:
    pipe = PIPELINES[which]
    kb = max(len(text) / KB, 1.0)
    bound = max(RATIO * baseline[which] * kb, FLOOR_S)
    best = float("inf")
    result = None
    for _ in range(REPEATS):
        elapsed, result = _run(pipe, text)
        best = min(best, elapsed)
        if best <= bound:
            break
    assert result is not None
    check_offsets(text, result)
    ratio = best / kb / baseline[which]
    RATIOS[f"{which}: {name}"] = ratio
    detail = _per_plugin(text) if which == "installed" and best > bound else ""
    assert best <= bound, (
        f"{name} ({len(text)} chars) took {best:.2f}s, {ratio:.1f}x the news per-KB time "
        f"(bound {bound:.2f}s). {detail}"
    )


@pytest.mark.parametrize("name", list(CASES))
def test_adversarial_case_is_bounded(name: str, baseline: dict[str, float]) -> None:
    """The issue's bound, on the installed pipeline: within 10x the news per-KB time."""
    _time_case(name, CASES[name](), "installed", baseline)


SCALING = 8.0  # four times the input may cost at most 8 times the time (linear 4, quadratic 16)


def _scales_linearly(text: str, pipe: geonews.Pipeline, repeats: int = REPEATS) -> None:
    part = text[: len(text) // 4]
    t_part = min(_run(pipe, part)[0] for _ in range(repeats))
    t_full = float("inf")
    result = None
    for _ in range(repeats):
        elapsed, result = _run(pipe, text)
        t_full = min(t_full, elapsed)
        if t_full <= SCALING * t_part + 0.1:
            break
    assert result is not None
    check_offsets(text, result)
    assert t_full <= SCALING * t_part + 0.1, (
        f"{len(part)} chars: {t_part:.3f}s, {len(text)} chars: {t_full:.3f}s "
        f"({t_full / max(t_part, 1e-9):.1f}x for four times the input)"
    )


@pytest.mark.parametrize("name", list(CASES))
def test_core_scales_linearly(name: str) -> None:
    """The core with the probe plugin, which emits far more claims and entities per KB than
    news has: a per-KB ratio would measure output density, so this checks growth instead."""
    _scales_linearly(CASES[name](), CORE)


# Inputs aimed at the core's own patterns (sentence ends, paragraphs, notices, bylines, times).
PATTERN_CASES: dict[str, Callable[[], str]] = {
    **CASES,
    "month then spaces": lambda: "May" + " " * 300_000 + "x",
    "ordinal quarters": lambda: "the first quarter of " * 10_000,
    "relative words": lambda: "earlier last next this past " * 8_000,
    "years and slashes": lambda: "2014/" * 40_000,
    "ago without unit": lambda: "3 years " * 25_000,
    "year then spaces": lambda: ("2014" + " " * 100 + "x") * 2_000,
    "long byline-like lines": lambda: ("By " + "Abc " * 40 + "\n") * 1_000,
    "long notice-like paragraphs": lambda: ("subscribe " * 60 + "\n\n") * 500,
    "period then spaces": lambda: ("." + " " * 1_000 + "x") * 200,
    "marks then quotes": lambda: ("." + "”" * 1_000) * 200,
}


def _core_patterns(text: str) -> None:
    doc = Document(Article(text=text, published="2015-12-02"))
    _ = (doc.masked, doc.sentences, doc.paragraphs, doc.bylines)
    find_times(doc.masked, dt.date(2015, 12, 2))


@pytest.mark.parametrize("name", list(PATTERN_CASES))
def test_core_patterns_scale_linearly(name: str) -> None:
    """Skips, masked text, sentences, paragraphs, bylines and time expressions, directly."""
    text = PATTERN_CASES[name]()
    part = text[: len(text) // 4]

    def timed(t: str) -> float:
        t0 = time.perf_counter()
        _core_patterns(t)
        return time.perf_counter() - t0

    t_part = min(timed(part) for _ in range(REPEATS))
    t_full = min(timed(text) for _ in range(REPEATS))
    assert t_full <= SCALING * t_part + 0.1, (t_part, t_full)


@pytest.mark.parametrize("name", list(COMBINE_CASES))
def test_combine_scales_linearly(name: str) -> None:
    _scales_linearly(COMBINE_CASES[name](), CORE, repeats=1)


def test_news_itself_scales_linearly(baseline: dict[str, float]) -> None:
    """600 KB of news costs about three times 200 KB: the baseline itself is linear."""
    text = news_text(600 * KB, seed=3)
    best = min(_run(INSTALLED, text)[0] for _ in range(2))
    per_kb = best / (len(text) / KB)
    assert per_kb <= 3 * baseline["installed"] + FLOOR_S / 1000, (per_kb, baseline)


def test_report_worst_ratio(baseline: dict[str, float]) -> None:
    """Runs last: prints every ratio and the worst (visible with ``pytest -s``)."""
    if not RATIOS:
        pytest.skip("no case ran")
    for name, ratio in sorted(RATIOS.items(), key=lambda kv: -kv[1]):
        print(f"{ratio:7.2f}x  {name}")
    worst = max(RATIOS, key=lambda k: RATIOS[k])
    ms = {k: round(v * 1000, 3) for k, v in baseline.items()}
    print(f"news baseline ms/KB: {ms}; worst case: {worst} at {RATIOS[worst]:.2f}x")


NUMERIC_DATES = [
    ("30/11/2015", "2015-11-30"),
    ("1/2/2015", "2015-02-01"),
    ("11/30/2015", "2015-11-30"),  # not a day/month date: read as month/day
    ("29/2/2016", "2016-02-29"),
    ("29/2/2015", None),
    ("31/31/2015", None),
    ("1/2/15", "2015-02-01"),
    ("12/11/10", "2010-11-12"),
    ("5/6/99", "1999-06-05"),
]


@pytest.mark.parametrize(("expr", "value"), NUMERIC_DATES)
def test_numeric_dates_resolve_without_dateparser(
    expr: str, value: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Numeric dates are resolved directly (thousands of distinct ones cost no dateparser call),
    with dateparser's answers (DATE_ORDER=DMY) for every real date."""
    from geonews import timex

    def no_dateparser(expr: str, base: dt.date | None) -> tuple[str | None, str]:
        raise AssertionError("dateparser called")

    monkeypatch.setattr(timex, "_dateparser", no_dateparser)
    assert timex.resolve(expr, dt.date(2015, 12, 2)) == (value, "day")
