"""The gazetteer of well-known international agreements (``agreements.json``).

Each record has a canonical ``name``, ``aliases``, ``acronyms``, a ``type`` (one of
:data:`TYPES`) and the ``year`` it was signed. :func:`find_known` finds every alias or acronym in
a text with one compiled alternation (longest first), so the cost is linear in the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import regex

from geonews.plaintext import is_plain
from geonews.wordtrie import trie

__all__ = ["TYPES", "Known", "find_known", "load", "lookup"]

TYPES = (
    "treaty",
    "agreement",
    "accord",
    "pact",
    "protocol",
    "convention",
    "declaration",
    "memorandum",
    "charter",
    "ceasefire",
    "deal",
    "other",
)


@dataclass(frozen=True)
class Known:
    """One gazetteer agreement."""

    name: str
    type: str
    year: int | None
    aliases: tuple[str, ...]
    acronyms: tuple[str, ...]


def _read() -> list[dict[str, Any]]:
    raw = resources.files(__package__).joinpath("agreements.json").read_text(encoding="utf-8")
    data = json.loads(raw)
    records = data["agreements"]
    assert isinstance(records, list)
    return records


@lru_cache(maxsize=1)
def load() -> tuple[Known, ...]:
    """Every gazetteer agreement, in file order."""
    out = []
    for r in _read():
        year = r.get("year")
        out.append(
            Known(
                name=str(r["name"]),
                type=str(r["type"]),
                year=year if isinstance(year, int) else None,
                aliases=tuple(str(a) for a in r.get("aliases") or ()),
                acronyms=tuple(str(a) for a in r.get("acronyms") or ()),
            )
        )
    return tuple(out)


_TOKEN = regex.compile(r"[\p{L}\p{N}](?:[\p{L}\p{N}.+&-]{0,40}[\p{L}\p{N}+])?")


def _tokens(s: str) -> tuple[str, ...]:
    return tuple(m.group().replace("–", "-") for m in _TOKEN.finditer(s))


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, Known], dict[str, list[tuple[tuple[str, ...], Known]]]]:
    table: dict[str, Known] = {}
    firsts: dict[str, list[tuple[tuple[str, ...], Known]]] = {}
    seen: set[tuple[str, ...]] = set()
    for k in load():
        for key in (k.name, *k.aliases, *k.acronyms):
            # names with a disambiguating "(...)" suffix are only matched through their aliases
            if "(" in key:
                continue
            table.setdefault(_key(key), k)
            toks = _tokens(key.replace("’", "'"))
            if toks and toks not in seen:
                seen.add(toks)
                firsts.setdefault(toks[0], []).append((toks, k))
    for options in firsts.values():
        options.sort(key=lambda o: len(o[0]), reverse=True)
    return table, firsts


def _key(s: str) -> str:
    return " ".join(_tokens(s.replace("’", "'"))).lower()


def lookup(surface: str) -> Known | None:
    """The gazetteer agreement a surface form names, or None."""
    return _index()[0].get(_key(surface))


def find_known(text: str) -> Iterator[tuple[int, int, Known]]:
    """Every gazetteer name, alias or acronym in ``text`` as ``(start, end, agreement)``.

    Candidate first words (capitalised, or one of the few lower-case first words) are found by
    one regex pass; each is looked up in a dict and extended token by token, longest alias
    first. Alias tokens must be separated by whitespace only (an alias never spans a comma).
    """
    _, firsts = _index()
    resume = 0
    for start in _candidate_starts(text):
        if start < resume:
            continue
        first = _TOKEN.match(text, start)
        if first is None:
            continue
        options = firsts.get(first.group())
        if options is None:
            continue
        longest = max(len(k) for k, _ in options)
        toks = [first]
        for t in _TOKEN.finditer(text, first.end(), min(len(text), first.end() + 60 * longest)):
            if len(toks) >= longest or not text[toks[-1].end() : t.start()].isspace():
                break
            toks.append(t)
        for key, k in options:
            if len(key) <= len(toks) and all(toks[x].group() == key[x] for x in range(1, len(key))):
                end = toks[len(key) - 1].end()
                resume = end
                yield start, end, k
                break


@lru_cache(maxsize=1)
def _candidates() -> regex.Pattern[str]:
    lower = sorted({f for f in _index()[1] if not f[0].isupper() and not f[0].isdigit()})
    alts = "|".join(regex.escape(w) for w in lower)
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}.+&-])(?:[\p{{Lu}}\d]|(?:{alts})(?![\p{{L}}\p{{N}}]))"
    )


@lru_cache(maxsize=1)
def _ascii_candidates() -> re.Pattern[str]:
    """``_candidates()`` for stdlib ``re``: the same on text whose non-ASCII characters are
    all neutral (see :mod:`geonews.plaintext`), and a superset on any text (every
    non-ASCII character is a candidate, and only ASCII ones end a word)."""
    lower = sorted({f for f in _index()[1] if not f[0].isupper() and not f[0].isdigit()})
    alts = "|".join(re.escape(w) for w in lower)
    return re.compile(rf"(?<![A-Za-z0-9.+&-])(?:[A-Z0-9\x80-\U0010ffff]|(?:{alts})(?![A-Za-z0-9]))")


@lru_cache(maxsize=1)
def _first_words() -> re.Pattern[str]:
    """Where a first token of the gazetteer starts a word (not after an ASCII token character):
    a trie of them, for stdlib ``re``."""
    return re.compile(r"(?<![A-Za-z0-9.+&-])" + trie(_index()[1]))


def _candidate_starts(text: str) -> Iterator[int]:
    """The starts of ``_candidates().finditer(text)``, or, in a text whose non-ASCII characters
    are all neutral, those of them that start a gazetteer first token (the only ones
    :func:`find_known` can use). A candidate hides no other: what it spans follows a letter."""
    if is_plain(text):
        check = _ascii_candidates()
        for m in _first_words().finditer(text):
            if check.match(text, m.start()) is not None:
                yield m.start()
        return
    # stdlib re finds a superset; regex confirms those with a non-ASCII character around
    exact = _candidates()
    for c in _ascii_candidates().finditer(text):
        s, e = c.start(), c.end()
        if text[max(0, s - 1) : e + 1].isascii() or exact.match(text, s) is not None:
            yield s
