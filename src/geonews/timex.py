"""Time expressions: find candidates with one compiled pattern, then resolve them.

Resolution is relative to the article's publication date. The common forms (years, months,
"yesterday", weekdays, quarters, "last year", "three years ago") are resolved here without
dateparser. Only the odd forms (numeric dates such as 30/11/2015) go to ``dateparser.parse``,
which is imported on first use and whose answers are cached per (string, base date).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from geonews.numbers import NUMBER_WORDS
from geonews.plaintext import fold_lower, is_plain
from geonews.types import TimeRef
from geonews.wordtrie import tailed_trie, trie

__all__ = ["find_times", "resolve"]

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
_ORD = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
# "a year ago", "three years ago": the number words are the shared ones of geonews.numbers
_SMALL = {"a": 1, "an": 1, **NUMBER_WORDS}

# a full stop belongs to an abbreviation ("Aug."), not to a full month name ("in August.")
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_DAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
_UNIT_RE = r"(?:day|week|month|year|decade)s?"
_COUNTS = tuple("a an one two three four five six seven eight nine ten twelve".split())
_COUNT_RE = "(?:" + "|".join(_COUNTS) + ")"

_TIME = re.compile(
    rf"""
    (?P<mdy>{_MONTH_RE}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>{_YEAR_RE}))?)(?!\d)
  | (?P<dmy>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+(?P<y2>{_YEAR_RE}))?)(?!\d)
  | (?P<my>(?:(?i:early|late|mid)[- ]?)?{_MONTH_RE}\s+(?P<y3>{_YEAR_RE}))\b
  | (?P<quarter>(?i:first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(?i:quarter)
        (?:\s+of\s+(?:(?P<y4>{_YEAR_RE})|(?i:this|last|next)\s+year))?)\b
  | (?P<q>Q(?P<qn>[1-4])\s*(?P<y5>{_YEAR_RE}))\b
  | (?P<half>(?i:first|second)\s+(?i:half)\s+of\s+(?:(?P<y6>{_YEAR_RE})|(?i:this|last|next)\s+year))\b
  | (?P<rel>(?i:yesterday|today|tonight|tomorrow))\b
  | (?P<ago>(?i:(?:\d{{1,3}}|{_COUNT_RE})\s+{_UNIT_RE}\s+ago))\b
  | (?P<lnt>(?i:(?:earlier\s+|later\s+)?(?:last|this|next|past)\s+(?:week|month|year|quarter|weekend)))\b
  | (?P<lastday>(?i:last|next|this)\s+(?:{_DAY_RE}|{_MONTH_RE}))\b
  | (?P<wd>{_DAY_RE})\b
  | (?P<numeric>\b\d{{1,2}}/\d{{1,2}}/(?:\d{{4}}|\d{{2}})\b)
  | (?P<iso>\b{_YEAR_RE}-[01]\d-[0-3]\d\b)
  | (?P<year>(?<![\d,.$£€¥])(?P<y7>{_YEAR_RE})(?:/(?:\d\d))?(?!\d|,\d|\.\d|\s*(?:%|per\s*cent|percent)))
    """,
    re.VERBOSE,
)

_MONTH_WORD = re.compile(_MONTH_RE)

# Words and characters a time expression can start with. Scanning for these first and trying
# the full pattern only where they occur is ten times faster than running the big alternation
# at every position of the text. No match of it can hold the start of another: every position
# inside one follows a word character. So its matches start exactly where ``_TRIGGER.match``
# succeeds.
_TRIGGER = re.compile(
    r"(?<!\w)(?:[A-Z][a-z]|[Yy]esterday|[Tt]o(?:day|night|morrow)|[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast"
    r"|[Ee]arl|[Ll]ate|[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal|[Mm]id|\d"
    r"|an?\s|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
)

# The (?i) words that begin the alternatives my, quarter, half, rel, lnt and lastday of _TIME
_LEAD_WORDS = """early late mid first second third fourth final last this next past earlier later
    yesterday today tonight tomorrow""".split()

# The first three letters of every month word, unit and "quarter": enough to tell a digit-led
# expression ("12 March", "3rd quarter", "5 years ago") from a figure ("5 million").
_WORD_HEADS = {w[:3] for w in [*_MONTHS, "day", "week", "month", "year", "decade", "quarter"]}

# Most triggers (every capitalised word, every figure) start no time expression. On a plain
# text (see :mod:`geonews.plaintext`) lowercased, ``(?i:...)`` is plain comparison and ``\w``
# is ``[a-z0-9_]``; so wherever a trigger starts and ``_TIME`` matches, this finds the non-word
# character before: its alternatives are how ``_TIME``'s begin, lowercased. A digit begins a
# year (iso, year), a numeric date, or one to three digits, maybe "st" to "th", a run of
# spaces, then "of" and a space (dmy), the head of a month word (dmy), of a unit (ago) or of
# "quarter"; then "q"; a month word then a digit; a weekday or a lead word; a count then a
# unit. A match takes only that character, so it hides no other. The alternatives are
# written so that each begins with a literal or a class (the words in one trie, each with
# what must follow it): at the many non-word characters where none can match, each is
# turned down by one comparison.
_LEAD = re.compile(
    r"[^a-z0-9_](?=1[89]\d\d|20\d\d|\d\d?/|\d\d{0,2}(?:st|nd|rd|th)?\s+(?:of\s|"
    + trie(_WORD_HEADS)
    + r")|"
    + tailed_trie(
        [
            *((f"q{n}", "") for n in "1234"),
            *((m, r"\.?\s+\d") for m in _MONTHS),
            *((w, "") for w in [*_WEEKDAYS, *_LEAD_WORDS]),
            *((c, rf"\s+{_UNIT_RE}") for c in _COUNTS),
        ]
    )
    + ")"
)
_REACH = 32


def find_times(
    text: str, published: dt.date | None, within: Sequence[tuple[int, int]] | None = None
) -> list[TimeRef]:
    """Every time expression in ``text``, resolved against ``published`` where needed.

    With ``within`` (sorted, non-overlapping ``(start, end)`` spans), only those that start
    in one of the spans: the same ones as in the full list, found without reading the whole
    text. Expressions are found left to right and never overlap, so one that starts before a
    span can hide one in it; the scan skips ahead only to a character that no expression can
    hold (:func:`_resync`), past which nothing before can reach.
    """
    spans = [(0, len(text))] if within is None else within
    out: list[TimeRef] = []
    pos = 0  # the end of the last expression found
    done = 0  # every trigger before this has been tried
    for lo, hi in spans:
        if lo > done:
            done = _resync(text, done, lo)
        for start in _trigger_starts(text, done, hi):
            if start >= hi:
                break
            if start < pos:
                continue
            m = _TIME.match(text, start)
            if m is None:
                continue
            pos = m.end()
            if start < lo:
                continue
            value, grain = _resolve_match(m, published)
            out.append(TimeRef(text=m.group(), start=start, end=pos, value=value, grain=grain))
        done = max(done, hi)
    return out


def _trigger_starts(text: str, start: int, stop: int) -> Iterator[int]:
    """The starts of ``_TRIGGER.finditer(text, start)`` before ``stop`` (and maybe some
    after); where the text is plain, only those where ``_LEAD`` says ``_TIME`` may match (the
    others find nothing).

    Only ``_REACH`` characters past ``stop`` are read. From where it starts, ``_TRIGGER``
    reads at most 9 characters, and ``_LEAD`` at most 10 (a month word and its "."), a run of
    spaces, then at most 7 (a unit): enough unless such a run covers ``stop + 9`` to
    ``stop + 24``, and then ``_TRIGGER`` alone is used.
    """
    end = stop + _REACH
    base = max(0, start - 1)
    region = text[base:end]
    if text[stop + 9 : stop + 25].isspace() or not is_plain(region):
        for t in _TRIGGER.finditer(text, start, end):
            yield t.start()
        return
    if start == 0 and _TRIGGER.match(text, 0) is not None:
        yield 0
    for lead in _LEAD.finditer(region.lower()):  # a plain text keeps its offsets lowercased
        if _TRIGGER.match(text, base + lead.end()) is not None:
            yield base + lead.end()


# Every character a time expression consumes is a letter, digit or space, or one of these
_HELD = frozenset(".,-/")
_MONTH_WORDS = tuple(m.capitalize() for m in _MONTHS)
_RESYNC_REACH = 40


def _resync(text: str, done: int, lo: int) -> int:
    """Where, between ``done`` and ``lo``, the scan may start again: just after the last
    character before ``lo`` that no time expression can hold, so that no expression found
    before reaches past it. ``done`` when there is none near ``lo``.

    Such a character is neither a letter, digit or space nor one of ``_HELD``; or a "."
    that does not end a month word (the "." of "Jan." is the only one an expression holds).
    """
    for k in range(lo - 1, max(done, lo - _RESYNC_REACH) - 1, -1):
        ch = text[k]
        if ch == "." and not text[max(0, k - 9) : k].endswith(_MONTH_WORDS):
            return k + 1
        if not (ch.isalnum() or ch.isspace() or ch in _HELD):
            return k + 1
    return done


def resolve(expr: str, published: dt.date | None) -> tuple[str | None, str]:
    """Resolve one time expression: ``(ISO value or None, grain)``."""
    s = expr.strip()
    m = _TIME.fullmatch(s[4:] if s[:4].lower() == "the " else s)
    if m is None:
        return _dateparser(expr, published)
    return _resolve_match(m, published)


def _month(s: str) -> int:
    return _MONTHS[fold_lower(s).rstrip(".").split()[-1].split("-")[-1]]


def _year_of(m: Any, group: str, published: dt.date | None) -> int | None:
    y = m.group(group)
    if y:
        return int(y)
    whole = fold_lower(m.group())
    if published is None:
        return None
    if "last year" in whole:
        return published.year - 1
    if "next year" in whole:
        return published.year + 1
    return published.year


def _resolve_match(m: Any, published: dt.date | None) -> tuple[str | None, str]:
    kind = m.lastgroup
    if kind in ("y1", "d1", "y2", "d2", "y3", "y4", "qn", "y5", "y6", "y7"):
        # lastgroup names the last closed group; find the outer alternative instead
        kind = next(k for k in ("mdy", "dmy", "my", "quarter", "q", "half", "year") if m.group(k))
    base = published
    if kind in ("mdy", "dmy"):
        day = int(m.group("d1") or m.group("d2"))
        month_word = _MONTH_WORD.search(m.group())
        month = _month(month_word.group()) if month_word else 1
        y = m.group("y1") or m.group("y2")
        year = int(y) if y else _nearest_past_year(month, day, base)
        if year is None or not _valid(year, month, day):
            return None, "day"
        return f"{year:04d}-{month:02d}-{day:02d}", "day"
    if kind == "my":
        month = _month(_MONTH_WORD.search(m.group()).group())  # type: ignore[union-attr]
        return f"{int(m.group('y3')):04d}-{month:02d}", "month"
    if kind == "quarter":
        n = _ORD[fold_lower(m.group()).replace("the ", "").split()[0]]
        year = _year_of(m, "y4", base)
        return (f"{year:04d}-Q{n}" if year else None), "quarter"
    if kind == "q":
        return f"{int(m.group('y5')):04d}-Q{m.group('qn')}", "quarter"
    if kind == "half":
        year = _year_of(m, "y6", base)
        n = 1 if "first" in fold_lower(m.group()) else 2
        return (f"{year:04d}-H{n}" if year else None), "half"
    if kind == "year":
        return m.group("y7"), "year"
    if kind == "iso":
        return m.group(), "day"
    if base is None:
        return None, _grain_of(m.group())
    if kind == "rel":
        delta = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[fold_lower(m.group())]
        return (base + dt.timedelta(days=delta)).isoformat(), "day"
    if kind == "ago":
        return _ago(fold_lower(m.group()), base)
    if kind == "lnt":
        return _last_next_this(fold_lower(m.group()), base)
    if kind == "lastday":
        return _last_next_day(fold_lower(m.group()), base)
    if kind == "wd":
        return _weekday(fold_lower(m.group()), base, -1), "day"
    if kind == "numeric":
        return _numeric_date(m.group())
    return _dateparser(m.group(), base)


def _numeric_date(s: str) -> tuple[str | None, str]:
    """30/11/2015 as day/month/year, or month/day/year when that is no date (11/30/2015).

    The same answers as dateparser with DATE_ORDER=DMY for every valid day/month date and every
    four-digit year, without its cost: an article with thousands of distinct numeric dates must
    not make thousands of dateparser calls. A two-digit year is in this century unless that is
    after the current year (dateparser's rule).
    """
    a, b, y = (int(x) for x in s.split("/"))
    if len(s) - s.rindex("/") == 3:
        y += 2000 if 2000 + y <= dt.date.today().year else 1900
    for day, month in ((a, b), (b, a)):
        if _valid(y, month, day):
            return f"{y:04d}-{month:02d}-{day:02d}", "day"
    return None, "day"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _nearest_past_year(month: int, day: int, base: dt.date | None) -> int | None:
    """News dates without a year: the year that puts the date nearest the publication date."""
    if base is None:
        return None
    best = None
    for y in (base.year - 1, base.year, base.year + 1):
        if not _valid(y, month, day):
            continue
        gap = abs((dt.date(y, month, day) - base).days)
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1] if best else None


def _grain_of(s: str) -> str:
    for g in ("week", "month", "year", "quarter", "decade"):
        if g in s.lower():
            return g
    return "day"


def _ago(s: str, base: dt.date) -> tuple[str | None, str]:
    n_word, unit = s.split()[:2]
    n = int(n_word) if n_word.isdigit() else _SMALL.get(n_word, 1)
    unit = unit.rstrip("s")
    if unit == "day":
        return (base - dt.timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return _iso_week(base - dt.timedelta(weeks=n)), "week"
    if unit == "month":
        y, mth = divmod(base.year * 12 + base.month - 1 - n, 12)
        return f"{y:04d}-{mth + 1:02d}", "month"
    if unit == "decade":
        return f"{base.year - 10 * n:04d}", "year"
    return f"{base.year - n:04d}", "year"


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _last_next_this(s: str, base: dt.date) -> tuple[str | None, str]:
    words = s.split()
    rel, unit = words[-2], words[-1]
    step = {"last": -1, "past": -1, "next": 1, "this": 0}[rel]
    if unit in ("week", "weekend"):
        return _iso_week(base + dt.timedelta(weeks=step)), "week"
    if unit == "month":
        y, mth = divmod(base.year * 12 + base.month - 1 + step, 12)
        return f"{y:04d}-{mth + 1:02d}", "month"
    if unit == "quarter":
        q = (base.month - 1) // 3 + step
        y, q = base.year + q // 4, q % 4
        return f"{y:04d}-Q{q + 1}", "quarter"
    return f"{base.year + step:04d}", "year"


def _last_next_day(s: str, base: dt.date) -> tuple[str | None, str]:
    rel, word = s.split()
    word = word.rstrip(".")
    if word in _WEEKDAYS:
        direction = {"last": -1, "next": 1, "this": 0}[rel]
        return _weekday(word, base, direction), "day"
    month = _MONTHS[word]
    year = base.year
    if rel == "last":
        year = year - 1 if month >= base.month else year
    elif rel == "next":
        year = year + 1 if month <= base.month else year
    return f"{year:04d}-{month:02d}", "month"


def _weekday(name: str, base: dt.date, direction: int) -> str:
    """The named weekday nearest ``base``: the past one (news default) or the next one."""
    target = _WEEKDAYS[name]
    if direction >= 0 and direction != 0:
        delta = (target - base.weekday()) % 7 or 7
        return (base + dt.timedelta(days=delta)).isoformat()
    if direction == 0:
        delta = target - base.weekday()
        return (base + dt.timedelta(days=delta)).isoformat()
    delta = (base.weekday() - target) % 7
    return (base - dt.timedelta(days=delta)).isoformat()


def _dateparser(expr: str, base: dt.date | None) -> tuple[str | None, str]:
    return _dateparser_cached(expr.strip(), base)


@lru_cache(maxsize=4096)
def _dateparser_cached(expr: str, base: dt.date | None) -> tuple[str | None, str]:
    import dateparser  # slow to import: only on first use

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(expr, languages=["en"], settings=settings)
    if parsed is None:
        return None, "day"
    return parsed.date().isoformat(), "day"
