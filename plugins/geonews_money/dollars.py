"""Explicit dollar mentions ("US$", "Australian dollars", "greenback"), which give a bare "$"
or "dollars" later in the article its currency."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .patterns import DOLLAR_ANCHOR, DOLLAR_BACK, DOLLAR_MENTION, DOLLAR_READ, DOLLAR_SIGN_AFTER

__all__ = ["dollar_mentions"]


def _anchors(text: str, low: str) -> Iterator[int]:
    """Where the anchors of DOLLAR_MENTION matches are in ``low``, in order: each "dollar" and
    "greenback", and each "$" that can be part of a symbol ("US$", "$US"); a bare "$5" cannot,
    and is the most common."""
    for anchor in DOLLAR_ANCHOR.finditer(low):
        a = anchor.start()
        if (
            low[a] != "$"
            or (a > 0 and text[a - 1] in DOLLAR_SIGN_AFTER)
            or low[a + 1 : a + 2] == "u"
        ):
            yield a


def _windows(text: str, low: str) -> Iterator[tuple[int, int]]:
    """Where a DOLLAR_MENTION match can start in ``text``: ``DOLLAR_BACK`` characters up to
    each anchor, overlapping windows merged, as ``(first, last)`` in order."""
    first = last = -DOLLAR_BACK - 2  # no window yet: the first anchor opens one
    for a in _anchors(text, low):
        if a - DOLLAR_BACK > last + 1:
            if last >= 0:
                yield first, last
            first = max(0, a - DOLLAR_BACK)
        last = a
    if last >= 0:
        yield first, last


def dollar_mentions(text: str, low: str) -> Iterator[regex.Match[str]]:
    """The matches of ``DOLLAR_MENTION.finditer(text)``, found only around their anchors;
    ``low`` is ``text.lower()``.

    Exact: a match holds an anchor at most ``DOLLAR_BACK`` characters after its start, so it
    starts in a window, and the windows are taken in order. Each is searched with its end
    ``DOLLAR_READ`` characters past its last start, so that an attempt at any of its starts
    reads what it reads in the whole text; matches that start after it are left to the next
    window. Lowercasing that changes the length (only "İ" does) would move the anchors: the
    text is then searched whole.
    """
    if len(low) != len(text):
        yield from DOLLAR_MENTION.finditer(text)
        return
    pos = 0  # where the next match may start: the end of the last one
    for first, last in _windows(text, low):
        for m in DOLLAR_MENTION.finditer(text, max(pos, first), last + DOLLAR_READ):
            if m.start() > last:
                break
            yield m
            pos = m.end()
