"""Combine what the plugins returned into one result.

Entities: merged by id, mentions in skipped spans dropped, ordered by first mention.
Claims: dropped inside skipped spans, overlaps between plugins resolved, sorted by offset,
numbered, linked to the entities they mention, to the nearest time expression in their sentence,
and to the quote they sit in.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import evolve

from geonews.document import Document
from geonews.mentions import MentionIndex
from geonews.timex import find_times
from geonews.types import Claim, Entity, Mention, TimeRef

__all__ = ["combine_claims", "merge_entities"]

# Claim kinds that may contain other claims: they never compete with what lies inside them.
CONTAINER_KINDS = frozenset({"quote", "treaty"})
# Claim kinds that get the nearest time expression of their sentence.
TIMED_KINDS = frozenset({"money", "percentage", "multiplier", "treaty"})


def _mention_allowed(doc: Document, m: Mention, entity: Entity) -> bool:
    s = doc.skip_at(m.start, m.end)
    if s is None:
        return True
    # bylines are where authors live: a byline mention of an author is kept
    return s.reason == "byline" and entity.attributes.get("role") == "author"


def _span(m: Mention) -> tuple[int, int]:
    return (m.start, m.end)


def merge_entities(doc: Document, entities: Iterable[tuple[str, Entity]]) -> tuple[Entity, ...]:
    """Merge entities that share an id and order them by their first mention.

    ``entities`` holds ``(plugin name, entity)`` pairs. The first entity with an id gives its
    kind, name and plugin; later ones add mentions, a code if it had none, and attributes it
    lacks. Linear in the number of mentions.
    """
    first: dict[str, Entity] = {}
    plugins: dict[str, str] = {}
    mentions: dict[str, list[Mention]] = {}
    attrs: dict[str, dict[str, Any]] = {}
    codes: dict[str, str | None] = {}
    skips = doc.skips
    for plugin, e in entities:
        if skips:
            kept = [m for m in e.mentions if _mention_allowed(doc, m, e)]
            if e.mentions and not kept:
                continue
        else:
            kept = list(e.mentions)
        if e.id not in first:
            first[e.id] = e
            plugins[e.id] = plugin
            mentions[e.id] = kept
            attrs[e.id] = dict(e.attributes)
            codes[e.id] = e.code
            continue
        mentions[e.id].extend(kept)
        for k, v in e.attributes.items():
            attrs[e.id].setdefault(k, v)
        codes[e.id] = codes[e.id] or e.code
    out = []
    for ident, e in first.items():
        out.append(_merged(e, _unique(mentions[ident]), attrs[ident], codes[ident], plugins[ident]))
    out.sort(key=lambda e: (e.mentions[0].start if e.mentions else -1, e.id))
    return tuple(out)


def _unique(mentions: list[Mention]) -> tuple[Mention, ...]:
    """``tuple(sorted(set(mentions), key=_span))``. Plain mentions in strictly increasing span
    order (as a plugin gives them) are that already: their spans differ, so they all do."""
    prev = (-1, -1)
    for m in mentions:
        span = (m.start, m.end)
        if span <= prev or type(m) is not Mention:
            return tuple(sorted(set(mentions), key=_span))
        prev = span
    return tuple(mentions)


def _merged(
    e: Entity,
    mentions: tuple[Mention, ...],
    attributes: dict[str, Any],
    code: str | None,
    plugin: str,
) -> Entity:
    """``attrs.evolve(e, ...)`` with the merged fields, spelled out for a plain Entity (without
    evolve's per-call introspection); a subclass of Entity still goes through evolve."""
    if type(e) is not Entity:
        return evolve(e, mentions=mentions, attributes=attributes, code=code, plugin=plugin)
    return Entity(
        kind=e.kind,
        name=e.name,
        mentions=mentions,
        code=code,
        attributes=attributes,
        id=e.id,
        plugin=plugin,
        confidence=e.confidence,
    )


Stamped = tuple[str, Claim]  # (plugin name, claim)


def _priority(p: Stamped) -> tuple[float, int, str, int]:
    c = p[1]
    return (-c.confidence, -(c.end - c.start), p[0], c.start)


def _resolve_overlaps(claims: Sequence[Stamped]) -> list[Stamped]:
    """Keep containers; among the rest keep, greedily, the best claim of each overlapping set."""
    kept: list[Stamped] = [p for p in claims if p[1].kind in CONTAINER_KINDS]
    starts: list[int] = []
    ends: list[int] = []
    for p in sorted((p for p in claims if p[1].kind not in CONTAINER_KINDS), key=_priority):
        c = p[1]
        i = bisect.bisect_left(starts, c.end)
        # accepted intervals do not overlap each other, so only the one before i can overlap
        if i > 0 and ends[i - 1] > c.start:
            continue
        if c.start == c.end and i > 0 and starts[i - 1] == c.start:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        kept.append(p)
    return kept


def _time_of(published: dt.date | None) -> dt.date | None:
    if isinstance(published, dt.datetime):
        return published.date()
    return published


def combine_claims(
    doc: Document, entities: Sequence[Entity], claims: Iterable[Stamped]
) -> tuple[Claim, ...]:
    """Filter, de-overlap, sort, number, stamp and link the claims of one article.

    ``claims`` holds ``(plugin name, claim)`` pairs; each claim is rebuilt once, here.
    """
    if doc.skips:
        visible = [p for p in claims if not doc.is_skipped(p[1].start, p[1].end)]
    else:
        visible = list(claims)
    ordered = sorted(
        _resolve_overlaps(visible), key=lambda p: (p[1].start, -p[1].end, p[1].kind, p[0])
    )
    known = {e.id for e in entities}
    index = MentionIndex(entities)
    # time expressions are only looked for in the sentences of the claims that get one
    timed = {
        doc.sentence_at(c.start) for _, c in ordered if c.time is None and c.kind in TIMED_KINDS
    }
    found = find_times(doc.masked, _time_of(doc.article.published), sorted(timed)) if timed else []
    times = (found, [t.start for t in found])
    quotes: list[tuple[int, int, str, Any]] = []
    out: list[Claim] = []
    for n, (plugin, c) in enumerate(ordered, start=1):
        cid = f"c{n}"
        kind, time, speaker, quote = c.kind, c.time, c.speaker, c.quote
        if time is None and kind in TIMED_KINDS:
            time = _nearest_time(doc, times[0], times[1], c)
        if kind == "quote":
            quotes.append((c.start, c.end, cid, c.value.get("speaker")))
        elif speaker is None:
            q = _enclosing(quotes, c)
            if q is not None:
                quote, speaker = q[2], q[3]
        # ``attrs.evolve`` spelled out: the same claim, without its per-call introspection
        # (this runs once per claim, and claim-dense articles have tens of thousands)
        out.append(
            Claim(
                kind=kind,
                start=c.start,
                end=c.end,
                text=c.text,
                value=c.value,
                entities=tuple(
                    index.within(c.start, c.end, into=[x for x in c.entities if x in known])
                ),
                time=time,
                speaker=speaker,
                quote=quote,
                plugin=plugin,
                confidence=c.confidence,
                id=cid,
            )
        )
    return tuple(out)


def _enclosing(
    quotes: list[tuple[int, int, str, Any]], c: Claim
) -> tuple[int, int, str, Any] | None:
    # Claims come in start order, so a quote that ended before this claim starts can enclose
    # no later claim either: drop it (each quote is dropped once, so this is linear overall).
    while quotes and quotes[-1][1] < c.start:
        quotes.pop()
    # quotes are appended in start order; the innermost enclosing one is the last that fits
    for q in reversed(quotes):
        if q[0] <= c.start and c.end <= q[1]:
            found: tuple[int, int, str, Any] = q
            return found
    return None


def _nearest_time(
    doc: Document, times: list[TimeRef], starts: list[int], c: Claim
) -> TimeRef | None:
    """The nearest time expression of the claim's sentence (the one after it on a tie).

    Time expressions do not overlap, so only the first one after the claim and the last one
    before it (skipping those that overlap the claim: its own digits) can be nearest.
    """
    s_start, s_end = doc.sentence_at(c.start)
    best: tuple[int, int, TimeRef] | None = None
    i = bisect.bisect_left(starts, max(c.end, s_start))
    if i < len(times) and times[i].start < s_end:
        best = (times[i].start - c.end, 0, times[i])
    j = i - 1
    while j >= 0 and times[j].start >= s_start and times[j].end > c.start:
        j -= 1  # the claim's own digits ("2014" in a model name) are not its time
    if j >= 0 and s_start <= times[j].start < s_end:
        gap = c.start - times[j].end
        if best is None or (gap, 1) < best[:2]:
            best = (gap, 1, times[j])
    return best[2] if best else None
