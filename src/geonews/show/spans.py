"""The highlight spans of a result and their nesting, shared by the HTML and terminal views."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from typing import Any

from attrs import frozen

from geonews.types import Claim, Result

__all__ = ["Piece", "Span", "claim_label", "layout", "spans_of", "speaker_of", "time_text"]


_RANK = {"skip": 0, "claim": 1, "entity": 2}


@frozen
class Span:
    """One highlighted stretch: a claim, an entity mention or a skipped span (``group`` is
    "claim", "entity" or "skip")."""

    start: int
    end: int
    kind: str
    group: str
    ident: str
    label: str


def _short(value: Any, limit: int = 80) -> str:
    s = value if isinstance(value, str) else repr(value)
    return s if len(s) <= limit else s[: limit - 1] + "…"


def value_text(value: Mapping[str, Any], names: Mapping[str, str]) -> str:
    """A claim's value as ``key=value`` pairs, entity ids replaced by names; None and nested
    objects are left out."""
    parts = []
    for k, v in value.items():
        if (
            v is None
            or isinstance(v, dict)
            or (isinstance(v, list) and any(isinstance(x, dict | list) for x in v))
        ):
            continue  # unset fields and nested details stay in the JSON output
        if isinstance(v, str):
            v = names.get(v, v)
        elif isinstance(v, list):
            v = ", ".join(names.get(x, str(x)) if isinstance(x, str) else str(x) for x in v)
        parts.append(f"{k}={_short(v)}")
    return "; ".join(parts)


def speaker_of(c: Claim, names: Mapping[str, str]) -> str:
    """Who said it: the claim's speaker, or a quote's own speaker, as a name."""
    sp = c.speaker or c.value.get("speaker")
    if isinstance(sp, str) and sp:
        return names.get(sp, sp)
    text = c.value.get("speaker_text")
    return text if isinstance(text, str) else ""


def time_text(c: Claim) -> str:
    """The claim's time expression and, when resolved, its value."""
    if c.time is None:
        return ""
    return f"{c.time.text} → {c.time.value}" if c.time.value else c.time.text


def claim_label(c: Claim, names: Mapping[str, str]) -> str:
    """What a reader sees on hover: kind, value, speaker, time and entities."""
    parts = [f"{c.id} {c.kind}"]
    val = value_text(c.value, names)
    if val:
        parts.append(val)
    who = speaker_of(c, names)
    if who:
        parts.append(f"speaker: {who}")
    if c.time is not None:
        parts.append(f"time: {time_text(c)}")
    if c.entities:
        parts.append("about: " + ", ".join(names.get(x, x) for x in c.entities))
    return " | ".join(parts)


def spans_of(result: Result) -> list[Span]:
    """Every claim, entity mention and skipped span, sorted by start, longer spans first."""
    names = {e.id: e.name for e in result.entities}
    out: list[Span] = []
    for c in result.claims:
        out.append(Span(c.start, c.end, c.kind, "claim", c.id, claim_label(c, names)))
    for e in result.entities:
        extra = "".join(f"; {k}: {_short(v)}" for k, v in e.attributes.items())
        label = f"{e.kind}: {e.name}" + (f" ({e.code})" if e.code else "") + extra
        for m in e.mentions:
            out.append(Span(m.start, m.end, e.kind, "entity", e.id, label))
    for k in result.skipped:
        label = f"skipped ({k.reason}): the extractors do not read this"
        out.append(Span(k.start, k.end, "skipped", "skip", f"skip:{k.start}", label))
    out = [s for s in out if s.end > s.start]
    out.sort(key=lambda s: (s.start, -s.end, _RANK[s.group], s.ident))
    return out


@frozen
class Piece:
    """A run of text and the spans covering it, outermost first."""

    start: int
    end: int
    spans: tuple[Span, ...]


def layout(text: str, spans: list[Span]) -> Iterator[Piece]:
    """Cut the text at every span boundary: each piece is covered by the same spans.

    Linear in the text length plus the number of boundaries times the nesting depth.
    """
    bounds = sorted({0, len(text)} | {s.start for s in spans} | {s.end for s in spans})
    starts: dict[int, list[Span]] = {}
    for s in spans:
        starts.setdefault(s.start, []).append(s)
    active: list[Span] = []
    for a, b in itertools.pairwise(bounds):
        active = [s for s in active if s.end > a]
        active.extend(starts.get(a, ()))
        if b > a:
            yield Piece(a, b, tuple(active))
