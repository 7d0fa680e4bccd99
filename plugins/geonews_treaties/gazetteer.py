"""The gazetteer of well-known international agreements (``agreements.json``).

Each record has a canonical ``name``, ``aliases``, ``acronyms``, a ``type`` (one of
:data:`TYPES`) and the ``year`` it was signed. :func:`find_known` finds every alias or acronym in
a text: a few compiled patterns find where the first two tokens of one are, and from there the
tokens are matched against the aliases that begin so, longest first. The cost is linear in the
text.
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

    Candidate first words (capitalised, or one of the few lower-case first words) are looked
    up in a dict and extended token by token, longest alias first. Alias tokens must be
    separated by whitespace only (an alias never spans a comma). Only the candidates where
    the first two tokens of some alias are (:func:`_alias_starts`) can match: the others are
    skipped unseen.
    """
    _, firsts = _index()
    exact = _candidates()
    resume = 0
    for start in _alias_starts(text):
        if start < resume or exact.match(text, start) is None:
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
    """Where an alias may start: a capital or digit, or a lower-case first word, none of them
    inside a token."""
    lower = sorted({f for f in _index()[1] if not f[0].isupper() and not f[0].isdigit()})
    alts = "|".join(regex.escape(w) for w in lower)
    return regex.compile(
        rf"(?<![\p{{L}}\p{{N}}.+&-])(?:[\p{{Lu}}\d]|(?:{alts})(?![\p{{L}}\p{{N}}]))"
    )


@lru_cache(maxsize=1)
def _alias_heads() -> tuple[re.Pattern[str], ...]:
    """Patterns for the first two tokens of every alias, whitespace between (the first token
    alone for a one-token alias): one for all those that begin with a capital or a digit,
    one for each that begins with a lower-case word. Each is quick to scan for: few
    characters can begin the first, and the others begin with a literal word."""
    heads = {" ".join(toks[:2]) for options in _index()[1].values() for toks, _ in options}
    lower = sorted(h for h in heads if h[0].islower())
    return (
        re.compile(trie(sorted(heads.difference(lower)), space=r"\s+")),
        *(re.compile(trie([h], space=r"\s+")) for h in lower),
    )


def _alias_starts(text: str) -> list[int]:
    """Every place in ``text`` where the first two tokens of an alias are, in order.

    :func:`find_known` can only match where an alias's tokens are, so here, whatever the
    tokens around (a superset of its matches). Searching again one character after each
    match finds the overlapping ones; a whitespace run is read from at most a few places
    (the ends of first tokens just before it), so the cost stays linear.
    """
    found: set[int] = set()
    for pattern in _alias_heads():
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            found.add(m.start())
            pos = m.start() + 1
    return sorted(found)
