"""Parties to an agreement: the entities named in the clause that governs a mention.

The clause regions read are:

* "between A and B" / "among A, B and C" after or around the mention;
* "with A" / "by A" right after the mention ("a free trade agreement with the EU");
* the subject before a governing verb ("Russia and Peru signed the ...", "Britain withdrew from
  the ...", "... his Peruvian counterpart ... to sign a ...");
* names inside the mention's own words ("the US-India nuclear deal", "Iran's nuclear deal").

Each region is mapped to the entities whose mentions overlap it. "A's X" where X is an
organisation gives the organisation only ("Russia's Gazprom" -> Gazprom).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from geonews import Entity

__all__ = ["PARTY_KINDS", "EntityIndex", "is_state_like"]

PARTY_KINDS = frozenset({"country", "organization", "organisation", "company"})

_STATE_ORG = regex.compile(
    r"\b(?:EU|E\.U\.|European\s+Union|NATO|Nato|UN|U\.N\.|United\s+Nations|G7|G8|G20|OPEC|Opec"
    r"|WTO|IMF|World\s+Bank|ASEAN|Asean|African\s+Union|AU|Mercosur|Arab\s+League|OSCE"
    r"|Council\s+of\s+Europe|Commission|Ministry|Government|government|Bureau|Department"
    r"|Agency|Authority|Council|Parliament|Congress|State|Kremlin|White\s+House|Taliban"
    r"|Hamas|Hezbollah|FARC|PLO|Palestinian\s+Authority)\b"
)
_STATE_TYPES = frozenset({"government", "intergovernmental", "igo", "state", "military", "party"})

# where a party list after "between"/"with"/"by" ends
_CLAUSE_END = regex.compile(
    r"[;:.!?()\"“”]|,(?!\s{1,3}(?:and\s+)?(?:the\s+)?\p{Lu})|\s(?:to|that|which|who|whose|in|on|at|after|before|over|for|under|as"
    r"|when|while|because|since|until|from|aimed|designed|intended|covering|worth|signed|"
    r"agreed|reached|was|were|is|are|has|have|had|will|would)\s"
)
_AFTER_LEAD = regex.compile(
    r"\s*(?:,?\s*(?:which|that)\s+)?(?:(?:was|were|has\s+been|had\s+been|is|are|being)\s+)?"
    r"(?:(?:signed|agreed|reached|struck|concluded|sealed|inked|ratified|negotiated)\s+)?"
    r"(?:between|among|amongst|with|by)\s+",
    regex.IGNORECASE,
)
_BETWEEN = regex.compile(r"\bbetween\s+", regex.IGNORECASE)
_POSSESSIVE_NEXT = regex.compile(r"['’]s?\s{1,3}")
_SUBJECT_STOP = regex.compile(
    r"[;:(\"“”]|\b(?:said|says|say|told|according|but|while|although|accused|accuses|accusing"
    r"|urged|urges|urging)\b"
)
# "Japanese car maker Mitsubishi", "the US firm": a country word describing a company
_DESCRIPTOR = regex.compile(
    r"(?:['’]s)?\s{1,3}(?:[\p{Ll}-]{1,20}\s{1,3}){0,3}?(?:firm|firms|company|companies|maker"
    r"|makers|carmaker|group|publisher|club|bank|banks|giant|carrier|airline|operator"
    r"|producer|manufacturer|retailer|supplier|conglomerate|insurer|lender|brewer|chain"
    r"|corporation|investor|fund|owner|subsidiary|broadcaster|label"
    r"|miner|refiner|developer|startup|start-up|(?:rival|partner|team|unit)(?=\s{1,3}\p{Lu}))\b"
)
_STATE_DESCRIPTOR = regex.compile(r"\b(?:state|state-owned|state-run|national|government)\b")
_PRONOUN = regex.compile(r"\b(?:it|they|we)\b")
# a mediator or sponsor is no party: "a US-brokered deal", "a deal brokered by China"
_MEDIATOR_AFTER = regex.compile(r"[-–](?:brokered|backed|led|mediated|sponsored|drafted)\b")
_MEDIATOR_BEFORE = regex.compile(r"\b(?:brokered|mediated|sponsored|hosted|proposed)\s+by\s+$")


def is_state_like(entity: Entity) -> bool:
    """True for countries and organisations that are states or made of states."""
    if entity.kind == "country":
        return True
    kind = str(entity.attributes.get("type", "")).lower()
    if kind in _STATE_TYPES:
        return True
    return bool(_STATE_ORG.search(entity.name))


@dataclass(frozen=True)
class _M:
    start: int
    end: int
    entity: Entity


class EntityIndex:
    """The mentions of possible parties, sorted, for lookups by region."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        ms = [
            _M(m.start, m.end, e)
            for e in entities
            if e.kind in PARTY_KINDS
            for m in e.mentions
            if m.end > m.start
        ]
        ms.sort(key=lambda m: (m.start, m.end))
        self._ms = ms
        self._starts = [m.start for m in ms]

    def inside(self, start: int, end: int) -> list[_M]:
        """Mentions that overlap ``[start, end)``."""
        out = []
        i = max(0, bisect.bisect_left(self._starts, start) - 3)
        while i < len(self._ms) and self._ms[i].start < end:
            m = self._ms[i]
            if m.end > start:
                out.append(m)
            i += 1
        return out

    def parties(self, text: str, regions: Sequence[tuple[int, int]]) -> tuple[list[str], bool]:
        """Entity ids in the regions, "A's X" resolved to X; and whether any is state-like."""
        found: list[_M] = []
        seen: set[tuple[int, int, str]] = set()
        for s, e in regions:
            for m in self.inside(s, e):
                if (m.start, m.end, m.entity.id) not in seen:
                    seen.add((m.start, m.end, m.entity.id))
                    found.append(m)
        found.sort(key=lambda m: m.start)
        state = False
        kept: list[_M] = []
        for m in found:
            d = _DESCRIPTOR.match(text, m.end) if m.entity.kind == "country" else None
            if d is not None:
                # a descriptor, not a party; a state signal only for state companies
                state = state or _STATE_DESCRIPTOR.search(d.group()) is not None
                continue
            state = state or is_state_like(m.entity)
            kept.append(m)
        found = kept
        out: list[str] = []
        for k, m in enumerate(found):
            nxt = found[k + 1] if k + 1 < len(found) else None
            if (
                nxt is not None
                and m.entity.kind == "country"
                and nxt.entity.kind != "country"
                and _POSSESSIVE_NEXT.fullmatch(text, m.end, nxt.start) is not None
            ):
                continue  # "Russia's Gazprom": the company is the party
            if _MEDIATOR_AFTER.match(text, m.end) or _MEDIATOR_BEFORE.search(
                text, max(0, m.start - 20), m.start
            ):
                continue
            if m.entity.id not in out:
                out.append(m.entity.id)
        return out, state


def clause_end(text: str, pos: int, limit: int) -> int:
    """Where the party list that starts at ``pos`` ends (before ``limit``)."""
    # the search reads at most 160 characters, so the cost per mention is bounded (no cache:
    # one keyed on the text would keep whole articles alive from one article to the next)
    m = _CLAUSE_END.search(text, pos, pos + 160)
    return min(limit, m.start() if m is not None else min(len(text), pos + 160))


def party_regions(
    text: str,
    start: int,
    end: int,
    sent: tuple[int, int],
    governed_before: int | None,
) -> list[tuple[int, int]]:
    """The regions of the sentence that can name the parties of the mention ``[start, end)``.

    ``governed_before`` is where a governing verb before the mention starts (its subject lies
    before it), or None.
    """
    s0, s1 = sent
    regions: list[tuple[int, int]] = [(start, end)]
    m = _AFTER_LEAD.match(text, end, min(s1, end + 80))
    if m is not None:
        regions.append((m.end(), clause_end(text, m.end(), s1)))
    for n, b in enumerate(_BETWEEN.finditer(text, max(s0, start - 200), min(s1, end + 200))):
        if n >= 3:
            break
        regions.append((b.end(), clause_end(text, b.end(), s1)))
    if governed_before is not None:
        stops = [(x.start(), x.end()) for x in _SUBJECT_STOP.finditer(text, s0, governed_before)]
        lo = stops[-1][1] if stops else s0
        regions.append((lo, governed_before))
        if stops and _PRONOUN.search(text, lo, governed_before) is not None:
            # "Britain said it would ratify ...": the subject is before "said"
            regions.append((stops[-2][1] if len(stops) > 1 else s0, stops[-1][0]))
    return regions
