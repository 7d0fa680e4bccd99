"""Find percentages (and multipliers): value, points, direction of change, subject."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from geonews.document import Document
from geonews.numbers import (
    Figures,
    parse_number,
    plain_filter,
    scan_numbers,
)
from geonews.plaintext import fold_lower, has_odd_case
from geonews.types import Article, Claim, Entity

from .patterns import AFTER_DIGITS, BETWEEN_BEFORE, FOLD_NUMBER, MULTIPLIER, PERCENT

__all__ = ["find_multipliers", "find_percentages"]

_VERB_FACTOR = {"doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4}

# Every PERCENT match holds a "%" or a unit word, "pc", "pct" or one that holds "per cent"
# ("percent", "per-cent", "percentage"); their letters match nothing but their own cases, so
# the lowercased text holds them too (stdlib ``\s`` matches all that ``regex``'s does).
_PER_CENT = re.compile(r"per[\s-]?cent")


def _out(x: float) -> int | float:
    x = round(x, 10)
    return int(x) if x == int(x) and abs(x) < 1e15 else x


class _Builder:
    def __init__(
        self, article: Article, entities: Sequence[Entity], doc: Document, figs: Figures
    ) -> None:
        self.article = article
        self.entities = entities
        self.doc = doc
        self.text = doc.masked
        self.figures = figs

    def claim(self, kind: str, start: int, end: int, value: dict[str, Any]) -> Claim:
        s_start, s_end = self.doc.sentence_at(start)
        value.setdefault("qualifier", self.figures.qualifier(start))
        value.setdefault("direction", self.figures.direction(start, end, s_start, s_end))
        linked: list[str] = []
        subj = self.figures.subjects.before(start, s_start, s_end)
        if subj is not None:
            value["subject"] = self.article.text[subj[0] : subj[1]]
            linked = self.figures.mentions(self.entities).within(subj[0], subj[1])
        return Claim(
            kind=kind,
            start=start,
            end=end,
            text=self.article.text[start:end],
            value=value,
            entities=tuple(linked),
        )


def find_percentages(
    article: Article, entities: Sequence[Entity], doc: Document
) -> Iterator[Claim]:
    """Percentage claims; a range "10 to 15%" gives two claims, "10" and "15%"."""
    text = doc.masked
    figs = doc.figures
    if "%" not in text and "pc" not in figs.low and _PER_CENT.search(figs.low) is None:
        return  # no unit: PERCENT cannot match
    plain = doc.plain
    b = _Builder(article, entities, doc, figs)
    # a match not at a number start begins with a sign or the point of ".5"
    found = scan_numbers(
        PERCENT,
        text,
        doc.number_starts,
        lookback=1,
        lead="-−+.",
        plain=plain_filter(PERCENT, AFTER_DIGITS) if plain else None,
    )
    for m in found:
        v1 = parse_number(m.group("num"))
        if v1 is None:
            continue
        points = m.group("pts") is not None
        if m.group("neg") in ("-", "−"):
            v1 = -v1
        n2 = m.group("num2")
        v2 = None if n2 is None else parse_number(n2)
        sep = (m.group("sep") or "").lower()
        is_range = v2 is not None and (
            sep != "and" or BETWEEN_BEFORE.search(text, max(0, m.start() - 12), m.start())
        )
        if v2 is not None and is_range:
            s2 = m.start("num2")
            yield b.claim(
                "percentage",
                m.start(),
                m.end("num"),
                {"value": _out(v1), "points": points, "range": "low"},
            )
            yield b.claim(
                "percentage", s2, m.end(), {"value": _out(v2), "points": points, "range": "high"}
            )
        elif v2 is not None:
            # "45 and 50%": only the second number carries the unit
            yield b.claim(
                "percentage", m.start("num2"), m.end(), {"value": _out(v2), "points": points}
            )
        else:
            yield b.claim("percentage", m.start(), m.end(), {"value": _out(v1), "points": points})


# every MULTIPLIER match holds one of these (lowercased); characters that match a letter of
# them case-insensitively without lowercasing to it are checked for separately
_MULTIPLIER_STEMS = ("fold", "doubl", "tripl", "trebl", "quadrupl")


def find_multipliers(
    article: Article, entities: Sequence[Entity], doc: Document
) -> Iterator[Claim]:
    """ "a seven fold increase", "7-fold", "tripled" as ``multiplier`` claims."""
    text = doc.masked
    figs = doc.figures
    if not any(w in figs.low for w in _MULTIPLIER_STEMS) and not has_odd_case(text):
        return  # no anchor: MULTIPLIER (case-insensitive) cannot match
    b = _Builder(article, entities, doc, figs)
    for m in MULTIPLIER.finditer(text):
        factor: float | None
        if m.group("verb"):
            verb = fold_lower(m.group("verb"))  # "TRİPLED"
            factor = next(f for k, f in _VERB_FACTOR.items() if verb.startswith(k))
            value: dict[str, Any] = {"factor": factor, "direction": "increase"}
            start = m.start()
        else:
            n = FOLD_NUMBER.search(text, max(0, m.start() - 40), m.start())
            if n is None:
                continue
            factor = parse_number(n.group("num") or n.group("word"))
            if factor is None or factor <= 1:
                continue
            value = {"factor": _out(factor)}
            start = n.start()
        yield b.claim("multiplier", start, m.end(), value)
