"""Step 1 of attribution: find the speaker phrase of a quote in the text.

The phrase is a name ("Diana Negroponte", "Mr Thomas"), a description ("a police spokesman")
or a pronoun ("he"), found with its cue verb in a bounded window around the quote. Step 2,
mapping the phrase to an entity, is :mod:`geonews_quotes.resolver`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

import regex

from geonews_quotes.cues import (
    LEADING_STOP,
    ORG_WORDS,
    POSTNOMINALS,
    TITLES,
    canonical_cue,
)
from geonews_quotes.patterns import (
    AFTER,
    NAME_BEFORE_COMMA,
    PARTICIPLE,
    PERSON_NAME,
    QUOTED,
    SENT_SUBJECT,
    after_plain,
)

__all__ = [
    "TITLE_SET",
    "Speaker",
    "clean_name",
    "from_match",
    "sentence_subject",
    "speaker_after",
    "with_how",
]

# how far attribution looks around a quote (characters); keeps the cost per quote constant
BEFORE_WINDOW = 320
AFTER_WINDOW = 200
PRONOUN_REACH = 3000
ORG_REACH = 600

TITLE_SET = frozenset(t.lower() for t in TITLES)
_ROLE_WORDS = TITLE_SET | {"spokesman", "spokeswoman", "chairman", "chairwoman", "chief", "leader"}


class Speaker(NamedTuple):
    """A speaker phrase found in the text. (Immutable; a named tuple, which costs far less to
    build than a frozen dataclass: the attributions of a text make a thousand of them.)"""

    start: int
    end: int
    text: str
    kind: str  # "name", "desc" or "pron"
    cue: str | None
    how: str
    affiliation: str | None = None
    role: str | None = None
    alt: tuple[int, int, str] | None = None  # a person named in an apposition


def clean_name(text: str) -> str:
    """Drop sentence-initial function words and titles: "But Mr Balls" -> "Balls"."""
    toks = text.split()
    # the tokens lowercased: lowercasing makes no whitespace and unmakes none
    low = text.lower().split()
    n = len(toks)
    start = 0  # the first token kept
    while start < n and (low[start] in TITLE_SET or low[start].strip(".") in LEADING_STOP):
        start += 1
    # "Deputy Prime Minister John Prescott" -> "John Prescott": cut after the last role word
    # of the rest, unless it ends the name
    last = n - 1
    while last >= start and low[last] not in _ROLE_WORDS:
        last -= 1
    if start <= last < n - 1:
        start = last + 1
    end = n
    while end > start and toks[end - 1] in POSTNOMINALS:
        end -= 1
    return " ".join(toks[start:end])


class _Groups(NamedTuple):
    """The groups of a speaker pattern that :func:`from_match` reads, in the order it reads
    them (a group the pattern lacks is as one that did not take part in the match)."""

    subjects: tuple[str, ...]
    cues: tuple[str, ...]
    affils: tuple[str, ...]
    appos: bool
    ialt: bool


# The subject groups, in the order they are read, and their kinds. "iname2" and "iaffil2"
# are the second "iname" and "iaffil" of AFTER's stdlib ``re`` twin, which wants distinct
# names (see :func:`geonews_quotes.patterns.after_plain`).
_SUBJECT_KINDS = {
    "name": "name",
    "desc": "desc",
    "pron": "pron",
    "iname": "name",
    "iname2": "name",
    "idesc": "desc",
    "ipron": "pron",
}

# by id() of the pattern, which the entry keeps alive (so the id is not reused); hashing a
# pattern costs more than the lookups it saves
_GROUPS: dict[int, tuple[regex.Pattern[str] | re.Pattern[str], _Groups]] = {}


def _groups_of(pattern: regex.Pattern[str] | re.Pattern[str]) -> _Groups:
    """The groups of one of the (few, fixed) speaker patterns, looked up once per pattern."""
    entry = _GROUPS.get(id(pattern))
    if entry is None:
        entry = _GROUPS[id(pattern)] = (pattern, _read_groups(pattern))
    return entry[1]


def _read_groups(pattern: regex.Pattern[str] | re.Pattern[str]) -> _Groups:
    names = pattern.groupindex
    return _Groups(
        subjects=tuple(g for g in _SUBJECT_KINDS if g in names),
        cues=tuple(g for g in ("cue", "icue") if g in names),
        affils=tuple(g for g in ("affil", "iaffil", "iaffil2") if g in names),
        appos="appos" in names,
        ialt="ialt" in names,
    )


def from_match(
    m: regex.Match[str] | re.Match[str], text: str, offset: int, how: str
) -> Speaker | None:
    """Build a Speaker from a BEFORE/AFTER/INVERTED/ACCORDING match over ``text[offset:]``."""
    groups = _groups_of(m.re)
    for group in groups.subjects:
        phrase = m.group(group)
        if phrase is not None:
            break
    else:
        return None
    s, e = m.span(group)
    kind = _SUBJECT_KINDS[group]
    if kind == "name":
        low = phrase.lower()
        if low in ("he", "she", "they"):
            kind = "pron"
        else:
            cleaned = clean_name(phrase)
            if not cleaned or cleaned.lower() in ("it", "this", "that"):
                return None
            s += phrase.find(cleaned) if cleaned in phrase else 0
            e = s + len(cleaned)
            phrase = cleaned
            if phrase.split()[-1] in ORG_WORDS:
                # "Colin Asplin, Blackpool Hotel Association said": the person comes first
                prev = NAME_BEFORE_COMMA.search(text, max(0, s - 60), s)
                if prev is not None and prev.group("pname").split()[-1] not in ORG_WORDS:
                    cand = clean_name(prev.group("pname"))
                    if len(cand.split()) >= 2:
                        s = prev.start("pname") + prev.group("pname").find(cand)
                        e = s + len(cand)
                        phrase = cand
    elif kind == "desc" and phrase[:1].isupper() and phrase.split()[0] in ("The", "A", "An"):
        phrase = phrase[0].lower() + phrase[1:]
    cue = None
    for g in groups.cues:
        value = m.group(g)
        if value:
            cue = canonical_cue(value)
    if how == "according":
        cue = "according to"
    affil = None
    for g in groups.affils:
        value = m.group(g)
        if value:
            affil = " ".join(value.split()[1:])
    role = None
    alt = None
    appos = m.group("appos") if groups.appos else None
    if appos:
        role = appos.strip(" ,-—–")
        pm = PERSON_NAME.fullmatch(role)
        if pm is not None and role.split()[-1] not in ORG_WORDS:
            a = m.start("appos") + appos.find(role)
            alt = (a, a + len(role), role)
            role = None
    ialt = m.group("ialt") if groups.ialt else None
    if ialt:
        name = clean_name(ialt)
        if name:
            a = m.start("ialt") + ialt.find(name)
            alt = (a, a + len(name), name)
    # (positional arguments, in the order of Speaker's fields: faster than keywords)
    return Speaker(offset + s, offset + e, phrase, kind, cue, how, affil, role, alt)


def speaker_after(text: str, close_end: int, limit: int, *, plain: bool = False) -> Speaker | None:
    """An attribution right after a closing mark: '," he said', '", said Mr Thomas'.
    ``plain`` says that ``text`` is plain (see :mod:`geonews.plaintext`)."""
    end = min(limit, close_end + AFTER_WINDOW)
    m = QUOTED.match(text, close_end, end) if "quot" in text[close_end : close_end + 80] else None
    if m is not None:
        sp = from_match(m, text, 0, "after")
        if sp is not None:
            return with_how(sp, "quoted")
    after = (
        after_plain().match(text, close_end, end) if plain else AFTER.match(text, close_end, end)
    )
    if after is None:
        return None
    return from_match(after, text, 0, "after")


def sentence_subject(
    text: str, start: int, open_start: int, participles: Sequence[int]
) -> Speaker | None:
    """ "X did this, saying "..."": the subject at the start of the sentence.

    ``participles`` are the sorted positions of PARTICIPLE matches in the text."""
    i = bisect.bisect_left(participles, open_start) - 1
    if i < 0 or participles[i] < max(start, open_start - BEFORE_WINDOW):
        return None
    cue = PARTICIPLE.match(text, participles[i])
    if cue is None:
        return None
    m = SENT_SUBJECT.match(text, start, cue.start())
    if m is None:
        return None
    sp = from_match(m, text, 0, "subject")
    return None if sp is None else with_how(sp, "before", cue.group())


def with_how(sp: Speaker, how: str, cue: str | None = None) -> Speaker:
    if cue is None:
        cue = "according to" if how == "according" else "quoted" if how == "quoted" else sp.cue
    if how == sp.how and cue == sp.cue:
        return sp  # the same speaker ("X said" before a quote, found as such)
    return Speaker(sp.start, sp.end, sp.text, sp.kind, cue, how, sp.affiliation, sp.role, sp.alt)
