"""People: capitalised-token sequences with name evidence, resolved to one entity per person.

Evidence that a sequence is a name: a title before it ("Mr", "President", "Foreign Secretary"),
a known given name first ("Tony Blair"), a lowercase role noun before it ("his Peruvian
counterpart Ollanta Humala"), or a speech verb or age after it ("Jane Doe said", "Jane Doe,
45,"). Later short mentions ("Mr Howard", "Putin", "Putins", "Blair's") resolve to the full
name used earlier (or later) in the same article.

Everything is one left-to-right pass over the masked text plus a resolution pass over the
candidates; each step looks only at a bounded window around a candidate.
"""

from __future__ import annotations

import bisect
from collections.abc import Container, Sequence
from operator import attrgetter

import regex
from attrs import define, field

from geonews.plaintext import plain_twin
from geonews_entities.candidates import STRICT, Cand, candidates
from geonews_entities.context import Context
from geonews_entities.gazetteer import Hit
from geonews_entities.names import FIRST_NAMES
from geonews_entities.organizations import OrgSpan

__all__ = ["Person", "find_people"]


@define
class Person:
    """One person: the most complete name seen and every mention."""

    name: str
    mentions: list[tuple[int, int]] = field(factory=list)
    role: str | None = None
    country: str | None = None
    affiliation: str | None = None
    author: bool = False

    @property
    def surname(self) -> str:
        return self.name.split(" ")[-1]


def _plural_base(tok: str, surnames: Container[str]) -> str | None:
    if tok in surnames:
        return tok
    if tok.endswith("s") and tok[:-1] in surnames:
        return tok[:-1]
    return None


def find_people(
    text: str,
    hits: Sequence[Hit],
    orgs: Sequence[OrgSpan],
    authors: Sequence[tuple[int, int, str]],
    plain: bool,
) -> list[Person]:
    """Every person in ``text`` with all mentions, in order of first mention. ``plain`` tells
    whether ``text`` is plain (:func:`geonews.plaintext.is_plain`)."""
    ctx = Context(text, hits, orgs)
    cands, bare = candidates(text, ctx, plain)
    people: list[Person] = []
    by_key: dict[tuple[str, str], Person] = {}
    surnames: dict[str, list[Person]] = {}

    def add_full(name: str, tokens: list[str]) -> Person:
        key = (tokens[0], tokens[-1])
        p = by_key.get(key)
        if p is None:
            p = Person(name=name)
            by_key[key] = p
            people.append(p)
            surnames.setdefault(tokens[-1], []).append(p)
        elif len(name) > len(p.name):
            p.name = name
        return p

    for s, e, name in authors:
        p = add_full(" ".join(name.split()), name.split())
        p.author = True
        p.mentions.append((s, e))
    # titled surnames ("Mr Humala") make an unannounced two-word name a person
    proven = {c.tokens[-1] for c in cands if len(c.tokens) >= 2 and c.evidence}
    titled_surnames = {c.tokens[-1] for c in cands if c.titled} - proven
    full: list[tuple[Cand, Person]] = []
    for c in cands:
        if len(c.tokens) >= 2 and (c.evidence or c.tokens[-1] in titled_surnames):
            p = add_full(c.text, c.tokens)
            full.append((c, p))
    for c, p in full:
        p.mentions.append((c.start, c.end))
        _attach(p, c)
    full_starts = {c.start for c, _ in full}
    first_names: dict[str, Person] = {}
    for p in people:
        if " " in p.name:
            first_names.setdefault(p.name.split(" ")[0], p)
    # the one-word candidates (not an unproven multi-word run: "Wood Green", "Vaca Muerta")
    singles = [c for c in cands if c.start not in full_starts and len(c.tokens) == 1]
    # An untitled one (a bare word) is used only when it, or it without a final "s", is a
    # surname by the time it is reached; no other does anything below. Surnames come from
    # the people so far and from the titled one-word candidates (``add_full(tok, [tok])``),
    # so a bare word that is neither is left out, and the rest join in text order.
    known = surnames.keys() | {c.tokens[0] for c in singles if c.titled}
    used = [Cand(ctx, s, e, [w], s, []) for s, e, w in bare if _plural_base(w, known) is not None]
    if used:
        singles = sorted([*singles, *used], key=_START)
    for c in singles:
        tok = c.tokens[0]
        base = _plural_base(tok, surnames)
        if base is None and c.first_name_title and tok in first_names:
            p = first_names[tok]  # "Sir Digby" after "Sir Digby Jones"
            p.mentions.append((c.start, c.end))
            continue
        if base is None and c.titled and tok + "s" in surnames:
            base = tok + "s"  # a misspelt possessive ("Mr Ebber's" for Mr Ebbers)
        if base is None:
            if not c.titled:
                continue
            base = tok
            p = add_full(tok, [tok])
        else:
            if tok in STRICT and not c.titled:
                continue
            p = _nearest(surnames[base], c.start)
        p.mentions.append((c.start, c.end))
        _attach(p, c)
    # surname-only people whose full name turned up: fold into the full name
    for p in list(people):
        if " " not in p.name:
            full_ps = [q for q in surnames.get(p.name, []) if q is not p and " " in q.name]
            if full_ps:
                q = full_ps[0]
                q.mentions.extend(p.mentions)
                q.role = q.role or p.role
                q.country = q.country or p.country
                q.affiliation = q.affiliation or p.affiliation
                people.remove(p)
    _relatives(text, people, plain)
    _descriptions(text, hits, people)
    for p in people:
        p.mentions = sorted(set(p.mentions))
    people.sort(key=lambda p: p.mentions[0] if p.mentions else (0, 0))
    return people


# "'s", "’s", or "his"/"her" at the start of a word ("\bHis" written "H(?<!\wH)is"): each
# branch opens with a literal character, so that stdlib ``re`` skips straight to them in the
# plain twin (see :mod:`geonews.plaintext`)
_RELATIVE_SOURCE = (
    r"(?P<pos>'s|’s|H(?<!\wH)is|h(?<!\wh)is|H(?<!\wH)er|h(?<!\wh)er)[ ](?:[\p{Ll}\-]+[ ]){0,2}?"
    r"(?:wife|husband|son|daughter|father|mother|brother|sister|widow|widower),?[ ]"
    r"(?:[\p{Ll}\-]+[ ]){0,2}?(?P<first>\p{Lu}\p{Ll}+)(?![ ]?\p{Lu}|\p{L})"
)
_RELATIVE = regex.compile(_RELATIVE_SOURCE)
_RELATIVE_PLAIN = plain_twin(_RELATIVE_SOURCE)


def _relatives(text: str, people: list[Person], plain: bool) -> None:
    """ "Michael Howard's wife, Sandra" -> Sandra Howard; "his father Ralph" -> the father of
    the person named last before it."""
    if not people:
        return
    spans: list[tuple[int, int, Person]] | None = None
    ends: dict[int, Person] = {}
    starts: list[int] = []
    for m in (_RELATIVE_PLAIN if plain else _RELATIVE).finditer(text):
        first = m.group("first")
        if first not in FIRST_NAMES:
            continue
        if spans is None:  # the first relative: index the mentions, as yet unchanged
            spans = sorted((s, e, p) for p in people for s, e in p.mentions)
            ends = {e: p for s, e, p in spans}
            starts = [s for s, _, _ in spans]
        if m.group("pos")[0] in "'’":
            owner = ends.get(m.start())
        else:
            # the sentence's first person (its subject), else the last person named before it
            lo = max(0, m.start() - 400)
            sent = max(text.rfind(". ", lo, m.start()), text.rfind("\n", lo, m.start()), lo)
            i = bisect.bisect_left(starts, sent)
            if i < len(spans) and spans[i][0] < m.start():
                owner = spans[i][2]
            else:
                owner = spans[i - 1][2] if i > 0 and m.start() - spans[i - 1][1] < 300 else None
        if owner is None:
            continue
        name = f"{first} {owner.surname}"
        if name == owner.name:
            continue
        found = next((p for p in people if p.name == name), None)
        if found is None:
            found = Person(name=name)
            people.append(found)
        found.mentions.append((m.start("first"), m.end("first")))


_DESCRIPTION = regex.compile(
    r"[ ](?P<role>president|prime[ ]minister|premier|chancellor|foreign[ ]minister|leader|king|"
    r"queen|monarch)(?![\p{L}])(?![ ]\p{Lu})"
)


def _descriptions(text: str, hits: Sequence[Hit], people: list[Person]) -> None:
    """ "the Russian president" -> the one person with that role and country, if unique."""
    by_role: dict[tuple[str, str], list[Person]] = {}
    for p in people:
        if p.role and p.country:
            by_role.setdefault((p.role, p.country), []).append(p)
    if not by_role:
        return
    for h in hits:
        if h.kind != "demonym" or text[max(0, h.start - 4) : h.start].lower() != "the ":
            continue
        m = _DESCRIPTION.match(text, h.end)
        if m is None:
            continue
        ps = by_role.get((m.group("role").lower(), h.key), [])
        if len(ps) == 1:
            ps[0].mentions.append((h.start - 4, m.end()))


_START = attrgetter("start")


def _nearest(ps: list[Person], pos: int) -> Person:
    """Among people sharing a surname, the one named most recently before ``pos``."""
    if len(ps) == 1:
        return ps[0]
    best: tuple[int, Person] | None = None
    for p in ps:
        before = [s for s, _ in p.mentions if s < pos and " " in p.name]
        if before and (best is None or before[-1] > best[0]):
            best = (before[-1], p)
    return best[1] if best is not None else ps[0]


def _attach(p: Person, c: Cand) -> None:
    """Give ``p`` the role, country and affiliation of ``c`` that it lacks (read at once)."""
    role, country, affiliation, _ = c.facts()
    if role and not p.role:
        p.role = role
    if country and not p.country:
        p.country = country
    if affiliation and not p.affiliation:
        p.affiliation = affiliation
