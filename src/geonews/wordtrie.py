"""Alternations of literal words written as a trie, for stdlib ``re`` and ``regex`` alike.

``(?:said|says|saw)`` tries every word at every position; the trie ``s(?:a(?:id|w)|ays)``
costs one step per character. Plugins build their word lists into patterns with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["trie"]


def trie(words: Iterable[str], *, space: str | None = None) -> str:
    """A pattern matching exactly the given words: at a position where several match, the
    longest. The words are taken literally (escaped), except that with ``space`` a space in
    them stands for that pattern (``r"\\s+"``: the words' tokens apart by any whitespace)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (space if k == " " and space is not None else re.escape(k)) + emit(node[k])
            for k in sorted(k for k in node if k)
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
