"""Sorted, non-overlapping spans with O(log n) membership tests (the quoted segments)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

__all__ = ["Spans"]


class Spans:
    """A set of non-overlapping half-open spans, for "is this position inside a quote?"."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        pairs = sorted(spans)
        self._starts = [a for a, _ in pairs]
        self._ends = [b for _, b in pairs]

    def __len__(self) -> int:
        return len(self._starts)

    def contains(self, pos: int) -> bool:
        """True when ``pos`` lies inside one of the spans."""
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and pos < self._ends[i]

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps one of the spans."""
        i = bisect.bisect_left(self._starts, end) - 1
        return i >= 0 and self._ends[i] > start
