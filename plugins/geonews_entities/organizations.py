"""Organisations: gazetteer hits, names built on an institution head ("Wilson Centre",
"Ministry of Defence", "Reserve Bank of Australia") and companies after a possessive country
("Russia's Gazprom", "Argentina's YPF")."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

import regex

from geonews.plaintext import plain_twin
from geonews_entities.gazetteer import Hit
from geonews_entities.names import FIRST_NAMES, LEADING_WORDS, STOP_WORDS, TITLES
from geonews_entities.organizations_data import org_literals
from geonews_entities.trie import trie_pattern

__all__ = ["OrgSpan", "find_head_orgs", "find_possessive_orgs"]

HEADS = (
    "Centre Center Institute Institution Ministry Party Bank Corporation Corp Authority Council "
    "Commission Agency Association Federation Foundation Fund Group Company Organisation "
    "Organization Union Committee University College Office Department Board Trust Society "
    "Forum Alliance Front Movement League Court Assembly Parliament Police Service Army Navy "
    "Airways Airlines Bureau Industries Holdings Inc Ltd Plc plc PLC Limited Academy Network "
    "Club Coalition Congress Tribunal Exchange Commission Institute Consortium Cooperative "
    "Bancorp Brothers Partners Associates Consultants Laboratories Labs Systems Technologies "
    "Enterprises Motors Petroleum Energy Telecom Communications Media Broadcasting News Times "
    "Post Journal Review Watch Initiative Programme Secretariat Chamber Guild Federation"
).split()

_TOK = r"\p{Lu}[\p{L}\p{N}&.\-]*"
# Found from the head word outwards, so the cost follows the number of head words, not the
# number of capitalised words: the head, then up to four capitalised words before it (matched
# right to left) and an optional "of/for ..." tail after it. On plain text the stdlib ``re``
# twin finds the heads (see :mod:`geonews.plaintext`).
_HEAD_SOURCE = "(?:" + trie_pattern(HEADS, not_after=r"[\p{L}\p{N}'’\-]") + r")(?![\p{L}\p{N}])"
_HEAD = regex.compile(_HEAD_SOURCE)
_HEAD_PLAIN = plain_twin(_HEAD_SOURCE)
_BEFORE = regex.compile(r"(?r)(?<![\p{L}\p{N}'’])(?:" + _TOK + r"[ ](?:(?:and|&)[ ])?){0,4}$")
_AFTER = regex.compile(
    r"[ ](?:of|for)[ ](?:the[ ])?" + _TOK + r"(?:[ ](?:and[ ])?" + _TOK + r"){0,3}(?![\p{L}\p{N}])"
)
_POSS_ORG = regex.compile(
    r"['’]s[ ](?P<org>\p{Lu}[\p{L}\p{N}&\-]*(?:[ ]\p{Lu}[\p{L}\p{N}&\-]*){0,2})(?![\p{L}\p{N}'’])"
)


class OrgSpan(NamedTuple):
    """An organisation name found in the text."""

    start: int
    end: int
    name: str
    country: str | None


def _strip_leading(text: str, start: int, end: int) -> int:
    """Skip sentence-initial function words and titles ("The", "Yesterday") at the start."""
    while start < end:
        sp = text.find(" ", start, end)
        if sp < 0:
            break
        word = text[start:sp].rstrip(".")
        if word in LEADING_WORDS:
            start = sp + 1
            continue
        break
    return start


def find_head_orgs(text: str, hits: Sequence[Hit], plain: bool) -> list[OrgSpan]:
    """Names ending in (or opening with) an institution head word, in text order. ``plain``
    tells whether ``text`` is plain (:func:`geonews.plaintext.is_plain`)."""
    exact = {(h.start, h.end) for h in hits}
    by_start = {h.start: h for h in hits if h.kind in ("country", "demonym")}
    by_end = {h.end + 3: h for h in hits if h.kind in ("country", "demonym")}
    starts = sorted(by_start)
    out: list[OrgSpan] = []
    last_end = -1
    for m in (_HEAD_PLAIN if plain else _HEAD).finditer(text):
        if m.start() < last_end:
            continue  # a head inside the previous name ("Bank of England Pension Fund")
        b = _BEFORE.search(text, max(0, m.start() - 120), m.start())
        s = b.start() if b is not None else m.start()
        a = _AFTER.match(text, m.end())
        e = a.end() if a is not None else m.end()
        s = _strip_leading(text, s, e)
        span = text[s:e]
        if " " not in span or (s, e) in exact:
            continue  # a bare head ("the Bank") or a known literal ("Soviet Union")
        first = span.split(" ", 1)[0]
        if first in HEADS and " of " not in span and " for " not in span:
            continue
        out.append(OrgSpan(s, e, span, _country_of(text, s, e, by_start, by_end, starts)))
        last_end = e
    return out


def _country_of(
    text: str,
    start: int,
    end: int,
    by_start: dict[int, Hit],
    by_end: dict[int, Hit],
    starts: list[int],
) -> str | None:
    """The country named inside an organisation's name, or by a possessive just before it."""
    i = bisect.bisect_left(starts, start)
    if i < len(starts) and starts[i] < end:
        return by_start[starts[i]].key
    if text[max(0, start - 3) : start] in ("'s ", "’s ") and start in by_end:
        return by_end[start].key
    return None


def find_possessive_orgs(
    text: str, hits: Sequence[Hit], person_tokens: frozenset[str]
) -> list[OrgSpan]:
    """Companies after a possessive country: "Russia's Gazprom" (country RUS)."""
    starts = {h.start: h for h in hits}
    known = org_literals()
    out: list[OrgSpan] = []
    for h in hits:
        if h.kind != "country":
            continue
        m = _POSS_ORG.match(text, h.end)
        if m is None:
            continue
        s, _e = m.span("org")
        words = m.group("org").split(" ")
        first = words[0]
        if (
            first in FIRST_NAMES
            or first in TITLES
            or first in STOP_WORDS
            or first in person_tokens
            or (s in starts and starts[s].kind != "organization")
        ):
            continue
        if s in starts and starts[s].kind == "organization":
            hit = starts[s]
            out.append(OrgSpan(hit.start, hit.end, known[hit.text][0], h.key))
            continue
        # stop before a lowercase-led continuation or a title ("Gazprom Chief ...")
        keep = [words[0]]
        for w in words[1:]:
            if w in TITLES or w in STOP_WORDS or w in person_tokens:
                break
            keep.append(w)
        name = " ".join(keep)
        out.append(OrgSpan(s, s + len(name), name, h.key))
    return out
