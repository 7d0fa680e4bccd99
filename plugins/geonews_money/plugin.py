"""Find money amounts: one claim per mention, with currency, scale, range and qualifier."""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

import pycountry
import regex
from attrs import define

from geonews.document import Document
from geonews.numbers import (
    parse_number,
    plain_filter,
    qualifier_before,
    scale_factor,
    scaled,
    scan_numbers,
)
from geonews.types import Article, Claim, Entity

from .currencies import (
    AMBIGUOUS,
    CODES,
    DOLLAR_CODES,
    MINOR,
    NAME_CODES,
    SYMBOLS,
    TERRITORY,
    candidates,
    code_of_word,
    source_territory,
    territory_of_alpha3,
)
from .dollars import dollar_mentions
from .patterns import (
    AFTER_DIGITS,
    BETWEEN_BEFORE,
    CENTS_AFTER,
    CHANGE_BEFORE,
    FROM_BEFORE,
    MONEY,
    RANGE_GAP,
    WEIGHT_CONTEXT,
)

__all__ = ["find_money"]

_SUFFIX_SYMBOLS = {"ரூ": "LKR"}


@define
class _Atom:
    start: int
    end: int
    amount: float
    amount_max: float | None
    code: str | None  # None: needs context
    stem: str | None  # "dollar", "peso", ... when code is None
    unit: str | None = None  # "cent", "pence" for minor units
    negative: bool = False
    scale: float = 1.0


def _atom(m: regex.Match[str], text: str) -> _Atom | None:
    num, scale, num2, neg1, neg2, minor, sym, word = m.group(
        "num", "scale", "num2", "neg", "neg2", "minor", "sym", "word"
    )
    n1 = parse_number(num)
    if n1 is None:
        return None
    factor = scale_factor(scale)
    n2 = None if num2 is None else parse_number(num2)
    if n2 is not None and n2 * factor < n1 * factor:
        return None  # "6-4": a score, not a range
    neg = bool(neg1 or neg2)
    start, end = m.span()
    code: str | None
    stem: str | None = None
    unit: str | None = None
    divisor = 1
    if minor is not None:
        if minor in ("p", "c") and (scale or n2 is not None):
            return None
        major, divisor = MINOR[minor.lower()]
        code, stem = major, (None if major else "dollar")
        unit = "pence" if major == "GBP" else "cent"
        if num[:1].isalpha() and minor in ("p", "c"):
            return None
    elif sym is not None:
        key = "".join(sym.lower().split())
        if key in SYMBOLS:
            code = SYMBOLS[key]
            stem = None if code else "dollar"
        elif sym.upper() in CODES:
            code = sym.upper()
        else:
            return None
    else:
        if word is None:
            return None
        if word in _SUFFIX_SYMBOLS:
            code = _SUFFIX_SYMBOLS[word]
        elif word in SYMBOLS:
            code = SYMBOLS[word]
        elif word.isupper() and len(word) == 3 and word in CODES:
            code = word
        else:
            code, stem = code_of_word(word)
            if code is None and stem is None:
                return None
        lw = word.lower()
        if lw.startswith("pound") and not _money_pounds(m, text, scale):
            return None
        if lw == "won" and not (scale or "," in num or n1 >= 1000):
            return None
    amount = scaled(n1, factor)
    amount_max = None if n2 is None else scaled(n2, factor)
    if divisor != 1:
        amount = round(amount / divisor, 10)
        amount_max = None if amount_max is None else round(amount_max / divisor, 10)
    if neg:
        amount = -amount
    return _Atom(start, end, amount, amount_max, code, stem, unit, neg, factor)


def _money_pounds(m: regex.Match[str], text: str, scale: str | None) -> bool:
    """A number followed by "pound(s)" is money unless it reads as a weight."""
    if scale:
        return True
    word = m.group("word").lower()
    if "sterling" in word:
        return True
    if m.group("hy") == "-":
        return False  # "a 2,000-pound bomb"
    n = parse_number(m.group("num"))
    if word == "pound" and n != 1:
        return False  # "a twenty pound bag"
    if "±" in text[max(0, m.start() - 2) : m.start()]:
        return False
    after = text[m.end() : m.end() + 12].lower()
    if after.startswith(" of ") and not after.startswith((" of the", " of tax")):
        return False
    lo = max(0, m.start() - 40)
    return WEIGHT_CONTEXT.search(text, lo, m.start()) is None


# the longest gap that either join below allows: two spaces, "and", two spaces (RANGE_GAP and
# the cents' pattern); atoms further apart are not tried
_GAP_READ = 7


def _merge(atoms: list[_Atom], text: str) -> list[_Atom]:
    """Join "between $5bn and $7bn", "$10m to $20m" into ranges, "3 dollars 50 cents" into one."""
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        if (
            b is not None
            and a.amount_max is None
            and b.amount_max is None
            and b.start - a.end <= _GAP_READ
        ):
            gap = text[a.end : b.start]
            joined = _join_range(a, b, gap, text)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
            if (
                a.unit is None
                and a.stem == "dollar"
                and b.unit == "cent"
                and regex.fullmatch(r"\s{1,2}(?:and\s{1,2})?", gap)
            ):
                out.append(_Atom(a.start, b.end, a.amount + b.amount, None, a.code, a.stem))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _join_range(a: _Atom, b: _Atom, gap: str, text: str) -> _Atom | None:
    m = RANGE_GAP.fullmatch(gap)
    if m is None or a.unit != b.unit or (a.code, a.stem) != (b.code, b.stem) or a.negative:
        return None
    before = text[max(0, a.start - 40) : a.start]
    q_text, q_start = qualifier_before(text, a.start)
    if q_text is not None:
        before = text[max(0, q_start - 40) : q_start]
    word = gap.strip().lower()
    if word == "and" and not BETWEEN_BEFORE.search(before):
        return None
    if word in ("to", "-", "–") and FROM_BEFORE.search(before):
        return None  # "rose from $5m to $7m": two figures, a change
    if word == "to" and CHANGE_BEFORE.search(before):
        return None  # "rose $1.64 to $47.10": a change and a level
    lo, hi = a.amount, b.amount
    if a.scale == 1.0 and b.scale > 1.0 and lo * b.scale <= hi:
        lo = lo * b.scale  # "$5 to $7bn": the lower bound takes the upper bound's scale
    if hi <= lo:
        return None
    return _Atom(a.start, b.end, lo, hi, a.code, a.stem, a.unit, False)


_CENTS_AFTER_OK = frozenset({"dollar"})


def _absorb_cents(atoms: list[_Atom], text: str) -> None:
    """ "thirteen dollars and forty-five cents" when the cents were not matched as their own."""
    for a in atoms:
        if a.stem in _CENTS_AFTER_OK and a.amount_max is None:
            m = CENTS_AFTER.match(text, a.end, a.end + 80)
            if m is not None:
                c = parse_number(m.group("num"))
                if c is not None and 0 < c < 100:
                    a.amount = round(a.amount + c / 100, 10)
                    a.end = m.end()


@cache
def _country_names() -> regex.Pattern[str]:
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            v = getattr(c, attr, None)
            if v and "," not in v and "(" not in v:
                names[v] = c.alpha_2
    alt = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    return regex.compile(rf"\b(?:{alt})\b")


@cache
def _name_to_alpha2() -> dict[str, str]:
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            v = getattr(c, attr, None)
            if v:
                out[v] = c.alpha_2
    return out


class _Context:
    """What the article says about currencies: explicit dollar mentions, countries, source."""

    def __init__(self, article: Article, entities: Sequence[Entity], text: str, low: str) -> None:
        """``low``: ``text.lower()``."""
        self.text = text
        self.low = low
        self.entities = entities
        self.territory = source_territory(article.source_country, article.source, article.url)
        self._dollars: list[tuple[int, str]] | None = None
        self._countries: list[tuple[int, str]] | None = None

    def dollars(self) -> list[tuple[int, str]]:
        if self._dollars is None:
            found: list[tuple[int, str]] = []
            for m in dollar_mentions(self.text, self.low):
                code: str | None
                if m.group("name"):
                    code = NAME_CODES.get(" ".join(m.group("name").lower().split()))
                elif m.group("sym"):
                    code = SYMBOLS.get(m.group("sym").lower())
                else:
                    code = "USD"
                if code:
                    found.append((m.start(), code))
            self._dollars = found
        return self._dollars

    def countries(self) -> list[tuple[int, str]]:
        if self._countries is None:
            found: list[tuple[int, str]] = []
            for e in self.entities:
                if e.kind == "country" and e.code:
                    a2 = territory_of_alpha3(e.code) if len(e.code) == 3 else e.code
                    if a2:
                        found.extend((mm.start, a2) for mm in e.mentions)
            if not found:
                names = _name_to_alpha2()
                found = [
                    (m.start(), names[m.group()]) for m in _country_names().finditer(self.text)
                ]
            found.sort()
            self._countries = found
        return self._countries

    def resolve(self, atom: _Atom) -> tuple[str, bool]:
        """The ISO code of an atom that needs context, and True (inferred)."""
        stem = atom.stem or "dollar"
        if stem == "dollar":
            dollars = self.dollars()
            k = bisect.bisect_left(dollars, (atom.start, ""))
            if k > 0:
                return dollars[k - 1][1], True
            if self.territory and TERRITORY.get(self.territory) in DOLLAR_CODES:
                return TERRITORY[self.territory], True
            return "USD", True
        cands = candidates(stem)
        countries = self.countries()
        i = bisect.bisect_left(countries, (atom.start, ""))
        for _, a2 in list(reversed(countries[:i])) + countries[i:]:
            cur = TERRITORY.get(a2)
            if cur in cands:
                return cur, True
        if self.territory and TERRITORY.get(self.territory) in cands:
            return TERRITORY[self.territory], True
        return AMBIGUOUS.get(stem, "USD"), True


# Every character a MONEY match can begin with when it does not begin at a number start: a
# minus sign, a currency symbol or code ("US$", "USD", "CHF", "c $", "u.s. $"), or the point of
# ".5". Other token starts before a number are not tried.
MONEY_LEAD = "ABCDEFGHIJKLMNOPQRSTUVWXYZuhnc-−.$€£¥₹₽₩₺₪₦₱₴₫฿"


def find_money(article: Article, entities: Sequence[Entity], doc: Document) -> Iterator[Claim]:
    """Money claims of one article, in text order."""
    text = doc.masked
    plain = doc.plain
    found = scan_numbers(
        MONEY,
        text,
        doc.number_starts,
        lookback=12,
        lead=MONEY_LEAD,
        plain=plain_filter(MONEY, AFTER_DIGITS) if plain else None,
    )
    atoms = [a for a in (_atom(m, text) for m in found) if a is not None]
    if not atoms:
        return
    _absorb_cents(atoms, text)
    atoms = _merge(atoms, text)
    figs = doc.figures
    ctx = _Context(article, entities, text, figs.low)
    for a in atoms:
        if a.code is not None:
            code, inferred = a.code, False
        else:
            code, inferred = ctx.resolve(a)
        s_start, s_end = doc.sentence_at(a.start)
        value: dict[str, Any] = {
            "amount": _num_out(a.amount),
            "amount_max": None if a.amount_max is None else _num_out(a.amount_max),
            "currency": code,
            "currency_inferred": inferred,
            "qualifier": figs.qualifier(a.start),
            "negative": a.amount < 0,
            "direction": figs.direction(a.start, a.end, s_start, s_end),
        }
        if a.unit:
            value["unit"] = a.unit
        subj = figs.subjects.before(a.start, s_start, s_end)
        linked: list[str] = []
        if subj is not None:
            value["subject"] = article.text[subj[0] : subj[1]]
            linked = figs.mentions(entities).within(subj[0], subj[1])
        yield Claim(
            kind="money",
            start=a.start,
            end=a.end,
            text=article.text[a.start : a.end],
            value=value,
            entities=tuple(linked),
        )


def _num_out(x: float) -> int | float:
    return int(x) if x == int(x) and abs(x) < 1e18 else x
