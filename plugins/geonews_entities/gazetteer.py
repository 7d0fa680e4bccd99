"""One compiled pattern for every known literal: countries, demonyms, organisations, places.

All literals are compiled into one trie-shaped pattern (:mod:`geonews_entities.trie`) that
matches in one pass, longest first, so "Northern Ireland" beats "Ireland" and "Latin America"
beats "America".
The pattern is compiled once, on first use, and shared by every article.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from functools import cache, cached_property
from typing import NamedTuple

import regex

from geonews_entities.countries import (
    blocked_literals,
    country_literals,
    currency_after,
    demonym_literals,
    location_literals,
)
from geonews_entities.names import FIRST_NAMES
from geonews_entities.organizations_data import org_literals
from geonews_entities.trie import trie_pattern

__all__ = ["Gazetteer", "Hit", "gazetteer"]

# Compiled with the stdlib ``re``, which runs this trie about three times faster than
# ``regex``. Its ``\w`` (str.isalnum() or "_") is exactly ``[\p{L}\p{N}_]``; the pattern uses
# nothing else that the two engines read differently. A literal stands neither right after
# (_LEFT, checked after its first character: see :func:`trie_pattern`) nor right before
# (_RIGHT) a word character.
_LEFT = r"[\w$]"
_RIGHT = r"(?!\w)"


class Hit(NamedTuple):
    """One gazetteer match: ``kind`` is country, demonym, organization, location or blocked.
    (A named tuple: many are made per article, and a tuple is the cheapest to make.)"""

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
        # The few literals led by a lowercase letter ("al-Qaeda", "the State of Palestine")
        # make ``re`` stop at every "a" and "t" of a text. A text that holds none of them
        # is scanned without them: the literals it can match, and so its matches, are the same.
        # Each is looked for only in a text that holds its first capital ("Q" in "al-Qaeda"),
        # which a text that holds the literal does: looking for one character is cheap.
        self.lowercase_led = tuple(
            (next((c for c in lit if c.isupper()), lit), lit) for lit in table if lit[:1].islower()
        )
        self.pattern_without = _compile([lit for lit in table if not lit[:1].islower()])
        # country words inside longer literals ("Reserve Bank of Australia", "British Airways")
        only = {k: v for k, v in table.items() if v[0] in ("country", "demonym")}
        # what finditer needs of each literal, at one look-up
        self.entries: dict[str, _Entry] = {}
        for lit, (kind, key) in table.items():
            inner: list[tuple[int, int, str, str]] = []
            if kind == "organization":
                inner = [
                    (s, e, *only[lit[s:e]]) for s, e in _literals_in(lit, only) if e - s < len(lit)
                ]
            self.entries[lit] = _Entry(
                kind,
                key,
                kind in ("country", "demonym"),
                kind != "demonym" and " " not in lit,
                tuple(inner),
            )

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Every literal, compiled when a text first holds a lowercase-led one."""
        return _compile(self.table)

    def finditer(self, text: str) -> Iterator[Hit]:
        """Every literal in ``text``, left to right, longest first, no overlaps."""
        lowercase_led = any(c in text and lit in text for c, lit in self.lowercase_led)
        entries = self.entries
        for m in (self.pattern if lowercase_led else self.pattern_without).finditer(text):
            lit = m.group()
            kind, key, country_word, one_word, inner = entries[lit]
            start, end = m.span()
            if country_word and currency_after(text, end):
                continue
            if one_word and _after_first_name(text, start):
                continue  # "Eddie Jordan", "Michael Bloomberg", "George Washington"
            yield Hit(start, end, kind, key, lit)
            for s, e, k, code in inner:
                yield Hit(start + s, start + e, k, code, lit[s:e])


class _Entry(NamedTuple):
    kind: str
    key: str
    country_word: bool  # a country or demonym: not before a currency
    one_word: bool  # not a demonym, no space: not a surname after a given name
    inner: tuple[tuple[int, int, str, str], ...]  # (start, end, kind, code) of country words


def _compile(literals: Iterable[str]) -> re.Pattern[str]:
    return re.compile("(?:" + trie_pattern(literals, not_after=_LEFT) + ")" + _RIGHT)


def _literals_in(text: str, literals: Container[str]) -> Iterator[tuple[int, int]]:
    """The spans ``(?<!_LEFT)(?:literals)_RIGHT`` finds in ``text`` with ``finditer``: left to
    right, the longest literal at each start, no overlaps (a short text: no pattern needed)."""
    n = len(text)
    lefts = [p for p in range(n) if p == 0 or not (text[p - 1].isalnum() or text[p - 1] in "_$")]
    rights = [e for e in range(n, 0, -1) if e == n or not (text[e].isalnum() or text[e] == "_")]
    pos = 0
    for p in lefts:
        if p < pos:
            continue
        for e in rights:
            if e <= p:
                break
            if text[p:e] in literals:
                yield p, e
                pos = e
                break


_PREV_WORD = regex.compile(r"(?r)(\p{Lu}\p{Ll}+) $")


def _after_first_name(text: str, start: int) -> bool:
    """True for "Eddie Jordan", "Michael Jordan": a country word used as a surname."""
    if text.endswith(" ", 0, start):
        space = start - 1
    elif text.endswith(" \n", 0, start):
        space = start - 2  # _PREV_WORD's "$" may precede a final "\n"
    else:
        return False  # _PREV_WORD needs a space right before
    lo = max(0, start - 20)
    if text[max(lo, text.rfind(" ", lo, space) + 1) : space].islower():
        return False  # the word before has no capital, which _PREV_WORD's would have
    m = _PREV_WORD.search(text, lo, start)
    return m is not None and m.group(1) in FIRST_NAMES


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built on first use."""
    return Gazetteer()
