"""One compiled pattern for every known literal: countries, demonyms, organisations, places.

All literals are compiled into one trie-shaped pattern (:mod:`geonews_entities.trie`) that
matches in one pass, longest first, so "Northern Ireland" beats "Ireland" and "Latin America"
beats "America".
The pattern is compiled once, on first use, and shared by every article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

import regex
from attrs import frozen

from geonews_entities.countries import (
    CURRENCY_AFTER,
    blocked_literals,
    country_literals,
    demonym_literals,
    location_literals,
)
from geonews_entities.organizations_data import org_literals
from geonews_entities.trie import trie_pattern

__all__ = ["Gazetteer", "Hit", "gazetteer"]

# Compiled with the stdlib ``re``, which runs this trie about three times faster than
# ``regex``. Its ``\w`` (str.isalnum() or "_") is exactly ``[\p{L}\p{N}_]``; the pattern uses
# nothing else that the two engines read differently.
_LEFT = r"(?<![\w$])"
_RIGHT = r"(?!\w)"


@frozen
class Hit:
    """One gazetteer match: ``kind`` is country, demonym, organization, location or blocked."""

    start: int
    end: int
    kind: str
    key: str  # alpha-3 code, canonical organisation name or place name
    text: str


class Gazetteer:
    """The compiled literal table."""

    def __init__(self) -> None:
        table: dict[str, tuple[str, str]] = {}
        for lit in blocked_literals():
            table[lit] = ("blocked", lit)
        for lit in location_literals():
            table[lit] = ("location", lit)
        for lit, (name, _country) in org_literals().items():
            table[lit] = ("organization", name)
        for lit, code in demonym_literals().items():
            table[lit] = ("demonym", code)
        for lit, code in country_literals().items():
            table[lit] = ("country", code)
        self.table = table
        self.pattern = re.compile(_LEFT + "(?:" + trie_pattern(table) + ")" + _RIGHT)
        # country words inside longer literals ("Reserve Bank of Australia", "British Airways")
        only = {k: v for k, v in table.items() if v[0] in ("country", "demonym")}
        inner_pat = re.compile(_LEFT + "(?:" + trie_pattern(only) + ")" + _RIGHT)
        self.inner: dict[str, list[tuple[int, int, str, str]]] = {}
        for lit, (kind, _key) in table.items():
            if kind != "organization":
                continue
            found = [
                (m.start(), m.end(), only[m.group()][0], only[m.group()][1])
                for m in inner_pat.finditer(lit)
                if m.group() != lit
            ]
            if found:
                self.inner[lit] = found

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every literal in ``text``, left to right, longest first, no overlaps."""
        for m in self.pattern.finditer(text):
            lit = m.group()
            kind, key = self.table[lit]
            if kind in ("country", "demonym") and CURRENCY_AFTER.match(text, m.end()):
                continue
            if " " not in lit and kind != "demonym" and _after_first_name(text, m.start()):
                continue  # "Eddie Jordan", "Michael Bloomberg", "George Washington"
            yield Hit(m.start(), m.end(), kind, key, lit)
            for s, e, k, code in self.inner.get(lit, ()):
                yield Hit(m.start() + s, m.start() + e, k, code, lit[s:e])


_PREV_WORD = regex.compile(r"(?r)(\p{Lu}\p{Ll}+) $")


def _after_first_name(text: str, start: int) -> bool:
    """True for "Eddie Jordan", "Michael Jordan": a country word used as a surname."""
    if not (text.endswith(" ", 0, start) or text.endswith(" \n", 0, start)):
        return False  # _PREV_WORD needs a space right before (its "$" may precede a "\n")
    from geonews_entities.names import FIRST_NAMES

    m = _PREV_WORD.search(text, max(0, start - 20), start)
    return m is not None and m.group(1) in FIRST_NAMES


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use."""
    return Gazetteer()
