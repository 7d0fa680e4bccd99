"""Reading the package data files (tables shipped next to the code)."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any

__all__ = ["read_json", "read_lines", "read_tsv"]


def _text(name: str) -> str:
    return files(__package__ or "geonews_entities").joinpath(name).read_text(encoding="utf-8")


def read_lines(name: str) -> list[str]:
    """Non-empty lines of a text file, without ``#`` comment lines."""
    return [ln.strip() for ln in _text(name).splitlines() if ln.strip() and not ln.startswith("#")]


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a tab-separated file (comment lines skipped, fields stripped)."""
    rows: list[list[str]] = []
    for ln in _text(name).splitlines():
        if not ln.strip() or ln.startswith("#"):
            continue
        rows.append([f.strip() for f in ln.split("\t")])
    return rows


@cache
def read_json(name: str) -> Any:
    """A JSON file, parsed once."""
    return json.loads(_text(name))
