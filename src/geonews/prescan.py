"""Trying a pattern only where it can match: the last step every prescan shares.

A prescan finds, cheaply, a sorted superset of the positions where an expensive pattern can
begin a match; :func:`finditer_at` then tries the pattern at those positions only. It gives
exactly ``pattern.finditer(text)`` for a pattern whose matches are never empty: finditer's
next match is the first one at or after the end of the last, and every match begins at one of
the positions tried.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import regex

__all__ = ["finditer_at"]


def finditer_at(
    pattern: regex.Pattern[str] | re.Pattern[str], text: str, starts: Iterable[int] | None
) -> Iterator[Any]:
    """``pattern.finditer(text)``, trying the pattern only at ``starts`` (sorted; a superset of
    the positions where a match can begin), or everywhere when ``starts`` is None. Matches
    never overlap, as with ``finditer``."""
    if starts is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    for p in starts:
        if p < pos:
            continue
        m = pattern.match(text, p)
        if m is not None:
            yield m
            pos = m.end()
