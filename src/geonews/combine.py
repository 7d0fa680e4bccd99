"""Combine what the plugins returned into one result.

Entities: merged by id, mentions in skipped spans dropped, ordered by first mention.
Claims: dropped inside skipped spans, overlaps between plugins resolved, sorted by offset,
numbered, linked to the entities they mention, to the nearest time expression in their sentence,
and to the quote they sit in.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
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
    groups: dict[str, list[tuple[str, Entity, Sequence[Mention]]]] = {}
    skips = doc.skips
    for plugin, e in entities:
        kept: Sequence[Mention] = e.mentions
        if skips:
            kept = [m for m in kept if _mention_allowed(doc, m, e)]
            if e.mentions and not kept:
                continue
        group = groups.get(e.id)
        if group is None:
            groups[e.id] = [(plugin, e, kept)]
        else:
            group.append((plugin, e, kept))
    out = [_merged(group) for group in groups.values()]
    out.sort(key=lambda e: (e.mentions[0].start if e.mentions else -1, e.id))
    return tuple(out)


def _unique(mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """``tuple(sorted(set(mentions), key=_span))``. Plain mentions in strictly increasing span
    order (as a plugin gives them) are that already: their spans differ, so they all do."""
    prev = (-1, -1)
    for m in mentions:
        span = (m.start, m.end)
        if span <= prev or type(m) is not Mention:
            return tuple(sorted(set(mentions), key=_span))
        prev = span
    return tuple(mentions)


def _merged(group: list[tuple[str, Entity, Sequence[Mention]]]) -> Entity:
    """One entity from those that share an id (``(plugin, entity, kept mentions)`` in order).

    ``attrs.evolve`` of the first, spelled out for a plain Entity (without evolve's per-call
    introspection); a subclass of Entity still goes through evolve. An entity alone keeps
    its own attributes: the Entity converter copies them, as it does the merged ones."""
    plugin, e, mentions = group[0]
    attributes: Mapping[str, Any] = e.attributes
    code = e.code
    if len(group) > 1:
        mentions = [m for _, _, kept in group for m in kept]
        attributes = dict(attributes)
        for _, other, _ in group[1:]:
            for k, v in other.attributes.items():
                attributes.setdefault(k, v)
            code = code or other.code
    if type(e) is not Entity:
        return evolve(
            e, mentions=_unique(mentions), attributes=dict(attributes), code=code, plugin=plugin
        )
    return Entity(
        kind=e.kind,
        name=e.name,
        mentions=_unique(mentions),
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
    # the sentence of each claim that gets a time expression (None for the others); time
    # expressions are only looked for in those sentences
    sentences = [
        doc.sentence_at(c.start) if c.time is None and c.kind in TIMED_KINDS else None
        for _, c in ordered
    ]
    spans = _joined(doc.masked, sorted({s for s in sentences if s is not None}))
    found = find_times(doc.masked, _time_of(doc.article.published), spans) if spans else []
    starts = [t.start for t in found]
    quotes: list[tuple[int, int, str, Any]] = []
    out: list[Claim] = []
    for n, ((plugin, c), sentence) in enumerate(zip(ordered, sentences, strict=True), start=1):
        cid = f"c{n}"
        kind, time, speaker, quote = c.kind, c.time, c.speaker, c.quote
        if sentence is not None:
            time = _nearest_time(found, starts, c, sentence)
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
                    index.within(
                        c.start,
                        c.end,
                        into=[x for x in c.entities if x in known] if c.entities else [],
                    )
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


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sorted, non-overlapping ``spans`` with those apart by whitespace only joined: no
    time expression starts at whitespace, so :func:`find_times` finds the same ones in the
    joined spans, with one call's set-up less per join (sentences are often consecutive)."""
    out: list[tuple[int, int]] = []
    for span in spans:
        if out and (out[-1][1] == span[0] or text[out[-1][1] : span[0]].isspace()):
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
    return out


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
    times: list[TimeRef], starts: list[int], c: Claim, sentence: tuple[int, int]
) -> TimeRef | None:
    """The nearest time expression of the claim's sentence (the one after it on a tie).

    Time expressions do not overlap, so only the first one after the claim and the last one
    before it (skipping those that overlap the claim: its own digits) can be nearest.
    """
    s_start, s_end = sentence
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
