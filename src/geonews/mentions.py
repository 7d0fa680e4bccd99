"""Which entities are mentioned inside a span: a sorted index of mentions, searched by bisection.

The host uses it to link claims to the entities they contain; plugins use it to link a figure
to the entities named in its subject phrase.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from geonews.types import Entity

__all__ = ["MentionIndex"]


class MentionIndex:
    """Every mention of the given entities, sorted by offset."""

    def __init__(self, entities: Iterable[Entity]) -> None:
        self._mentions = sorted((m.start, m.end, e.id) for e in entities for m in e.mentions)
        self._starts = [m[0] for m in self._mentions]

    def within(self, start: int, end: int, into: list[str] | None = None) -> list[str]:
        """Ids of the entities with a mention inside ``[start, end)``, in text order, each once.

        With ``into``, the ids are appended to that list (skipping those already in it)."""
        out: list[str] = [] if into is None else into
        mentions = self._mentions
        i = bisect.bisect_left(self._starts, start)
        while i < len(mentions) and mentions[i][0] < end:
            if mentions[i][1] <= end and mentions[i][2] not in out:
                out.append(mentions[i][2])
            i += 1
        return out
