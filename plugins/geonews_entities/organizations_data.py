"""The organisation table from ``organizations.tsv``: literal -> (canonical name, country)."""

from __future__ import annotations

from functools import cache

from geonews_entities.data import read_tsv

__all__ = ["org_literals"]


@cache
def org_literals() -> dict[str, tuple[str, str | None]]:
    """Every organisation name and alias -> (canonical name, alpha-3 country or None)."""
    out: dict[str, tuple[str, str | None]] = {}
    for row in read_tsv("organizations.tsv"):
        row = [*row, "", ""]
        name, aliases, country = row[0], row[1], row[2]
        for lit in [name, *(a for a in aliases.split("|") if a)]:
            out[lit] = (name, country or None)
    return out
