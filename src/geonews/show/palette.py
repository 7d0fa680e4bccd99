"""Colours for kinds: fixed ones for the built-in kinds, a stable pick for any other kind."""

from __future__ import annotations

import zlib

__all__ = ["color_of"]

KNOWN = {
    "money": "#ffd166",
    "percentage": "#8ecae6",
    "multiplier": "#bde0fe",
    "treaty": "#cdb4db",
    "quote": "#e9edc9",
    "person": "#ef476f",
    "country": "#06d6a0",
    "organization": "#118ab2",
    "organisation": "#118ab2",
    "location": "#8d99ae",
}

EXTRA = ("#f4a261", "#e76f51", "#2a9d8f", "#a8dadc", "#ffafcc", "#b5e48c", "#f6bd60", "#9d4edd")


def color_of(kind: str) -> str:
    """A hex colour for a kind; unknown kinds get a colour chosen by a stable hash."""
    return KNOWN.get(kind) or EXTRA[zlib.crc32(kind.encode("utf-8")) % len(EXTRA)]
