"""Compiled patterns for agreement mentions: capitalised names, generic heads, references.

Every pattern is compiled once at import. Repetitions are bounded, and the word runs are
separated by mandatory whitespace, so no pattern can backtrack catastrophically.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from geonews.plaintext import is_plain
from geonews.prescan import finditer_at

__all__ = [
    "BAD_FOLLOWERS",
    "DETERMINERS",
    "EXCLUDE_MODIFIERS",
    "HEAD",
    "HEAD_TYPES",
    "NAMED",
    "NAMED_STOP_PREFIX",
    "NEGATORS",
    "STATE_MODIFIERS",
    "STRONG_HEADS",
    "WORD_BEFORE",
    "find_heads",
    "head_starts",
    "head_type",
]

# head noun (lower case, singular) -> agreement type
HEAD_TYPES: dict[str, str] = {
    "treaty": "treaty",
    "agreement": "agreement",
    "accord": "accord",
    "pact": "pact",
    "protocol": "protocol",
    "convention": "convention",
    "declaration": "declaration",
    "memorandum": "memorandum",
    "memorandum of understanding": "memorandum",
    "mou": "memorandum",
    "charter": "charter",
    "ceasefire": "ceasefire",
    "cease-fire": "ceasefire",
    "truce": "ceasefire",
    "armistice": "ceasefire",
    "deal": "deal",
    "settlement": "agreement",
    "compact": "other",
    "statute": "other",
    "communique": "other",
    "communiqué": "other",
    "framework": "other",
}

# heads that name an agreement on their own (with a determiner); the others need support
STRONG_HEADS = frozenset(
    {"treaty", "accord", "pact", "ceasefire", "cease-fire", "truce", "armistice"}
)

_HEAD_WORDS = (
    r"memorand(?:um|a)\s+of\s+understanding|treat(?:y|ies)|agreements?|accords?|pacts?"
    r"|protocols?|conventions?|declarations?|memorand(?:um|a)|MoUs?|MOUs?|charters?"
    r"|cease-?fires?|truces?|armistices?|deals?|settlements?"
)
# a generic head, any case (checked by the caller)
HEAD = regex.compile(rf"(?<![\w-])(?:{_HEAD_WORDS})(?![\w-])", regex.IGNORECASE)

# How every head word (of HEAD, and of the plugin's capitalised head words, which add
# "Statute") begins, lowercased.
_HEAD_ANCHORS = (
    "memorand",
    "treat",
    "agreement",
    "accord",
    "pact",
    "protocol",
    "convention",
    "declaration",
    "mou",
    "charter",
    "cease",
    "truce",
    "armistice",
    "deal",
    "settlement",
    "statute",
)


def head_starts(text: str, plain: bool | None = None) -> list[int] | None:
    """Every place where a head word may begin in ``text``, in order, or None (anywhere) when
    the text is not plain.

    A plain text (see :mod:`geonews.plaintext`) keeps its offsets when lowercased, and has no
    letter that case folding matches to an ASCII one, so a head word matched in any case
    begins where its anchor is found in the lowercased text. The anchors are searched as
    plain strings, far faster than a pattern tried at every position. ``plain`` is
    ``is_plain(text)`` when the caller knows it.
    """
    if not (is_plain(text) if plain is None else plain):
        return None
    low = text.lower()
    found: set[int] = set()
    for anchor in _HEAD_ANCHORS:
        i = low.find(anchor)
        while i >= 0:
            found.add(i)
            i = low.find(anchor, i + 1)
    return sorted(found)


def find_heads(text: str, starts: list[int] | None) -> Iterator[tuple[int, int]]:
    """The spans of ``HEAD.finditer(text)``; ``starts`` as from :func:`head_starts`."""
    return (m.span() for m in finditer_at(HEAD, text, starts))


_CAP = r"(?:[\p{Lu}\d](?:[\p{L}\p{M}\d.&'’-]{0,30}[\p{L}\p{M}\d])?)"
_CONN = r"(?:of|on|the|and|for|de|du|des|la|le|del|und|between|to|against)"
_HEAD_CAP = (
    r"(?:Memorandum\s+of\s+Understanding|Treaty|Treaties|Agreements?|Accords?|Pact|Protocols?"
    r"|Conventions?|Declaration|Memorandum|Armistice|Ceasefire|Truce)"
)
_NOT_NAME = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\b)"
)
_SUFFIX = rf"(?:\s+(?:of|on|for|against|between)\s+(?:the\s+)?{_NOT_NAME}{_CAP}(?:\s+(?:(?:of|on|the|for|de|la|and)\s+){{0,2}}{_NOT_NAME}{_CAP}){{0,7}})"
# "Joint Declaration on Strategic Partnership", "Treaty of Lisbon", "Anglo-Irish Agreement",
# "Charter of Fundamental Rights" (charters only in this head-first form)
NAMED = regex.compile(
    rf"(?<![\w-])(?:"
    rf"{_CAP}(?:\s+(?:{_CONN}\s+){{0,2}}{_CAP}){{0,6}}\s+{_HEAD_CAP}{_SUFFIX}?"
    rf"|(?:(?:Joint|Final|Additional|Framework)\s+)?(?:{_HEAD_CAP}|Charter|Statute){_SUFFIX}"
    rf")(?![\w-])"
)

# capitalised words that start a sentence or clause but are not part of a name
NAMED_STOP_PREFIX = frozenset(
    """the a an this that these those its their his her our under in on at by for after before
    since yesterday today tomorrow last next both new signed sign signing ratified ratifying
    and or but with without from to into as while when if of than monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august
    september october november december mr mrs ms dr president minister however meanwhile
    also earlier later then""".split()
)

# names that look like agreements but are not
NAMED_BAD = regex.compile(
    r"(?:National|Party|Democratic|Republican|Labour|Conservative|Tory|Liberal|Annual|Comic"
    r"|Constitutional|Nominating|Convention)\s+Convention|Internet\s+Protocol|Declaration\s+of"
    r"\s+Independence|Royal\s+Charter|Charter\s+(?:School|Flight|Airline)",
)

DETERMINERS = frozenset(
    """a an the this that these those its their his her our any another every each one two
    three several some""".split()
)
NEGATORS = frozenset({"no", "without", "never", "nor"})

# modifiers that make a generic "deal"/"agreement" an international one
STATE_MODIFIERS = frozenset(
    """peace ceasefire cease-fire truce trade free-trade nuclear arms weapons bilateral
    multilateral trilateral security defence defense military border boundary climate debt
    aid fisheries fishing energy gas pipeline investment cooperation co-operation partnership
    strategic association framework power-sharing reconciliation normalisation normalization
    extradition visa migration migrant asylum readmission customs water maritime territorial
    international intergovernmental interim transit tariff non-aggression friendship
    disarmament de-escalation withdrawal status-of-forces basing refugee
    economic political diplomatic denuclearisation denuclearization""".split()
)
# modifiers that mark a private or domestic deal: dropped
EXCLUDE_MODIFIERS = frozenset(
    """merger takeover acquisition buyout sponsorship licensing licence license record
    publishing book film tv broadcasting shirt kit boot endorsement transfer loan plea
    prenuptial pre-nuptial tenancy rental lease confidentiality non-disclosure pay wage
    collective severance sale share buyback advertising distribution marketing franchise
    employment recording boxing""".split()
)
# words after a head that show it is not an agreement ("convention centre", "charter flight")
BAD_FOLLOWERS = frozenset(
    """centre center centres hall halls flight flights plane planes school schools
    airline airlines bureau delegates delegate floor speech city port ports room rooms""".split()
)

WORD_BEFORE = regex.compile(r"([\p{L}\p{N}$€£.'’&-]{1,40})\s{1,3}$")


def head_type(head: str) -> str:
    """The agreement type of a head noun ("Treaties" -> treaty, "MoU" -> memorandum)."""
    h = " ".join(head.lower().split())
    if h.startswith("memorand"):
        return "memorandum"
    if h.endswith("ies"):
        h = h[:-3] + "y"
    elif h.endswith("s") and h[:-1] in HEAD_TYPES:
        h = h[:-1]
    return HEAD_TYPES.get(h, "other")
