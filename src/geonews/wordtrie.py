"""Alternations of literal words written as a trie, for stdlib ``re`` and ``regex`` alike.

``(?:said|says|saw)`` tries every word at every position; the trie ``s(?:a(?:id|w)|ays)``
costs one step per character. Plugins build their word lists into patterns with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["tailed_trie", "trie"]


def trie(words: Iterable[str], *, space: str | None = None) -> str:
    """A pattern matching exactly the given words: at a position where several match, the
    longest. The words are taken literally (escaped), except that with ``space`` a space in
    them stands for that pattern (``r"\\s+"``: the words' tokens apart by any whitespace)."""
    return tailed_trie(((w, "") for w in words), space=space)


def tailed_trie(pairs: Iterable[tuple[str, str]], *, space: str | None = None) -> str:
    """A pattern matching exactly each word of ``pairs`` followed by its tail (a pattern),
    as :func:`trie` writes the words; at a position where several match, longer words are
    tried first.

    Word lists with different tails merged into one trie make one alternation whose every
    alternative begins with a literal character: ``re`` and ``regex`` turn each down with
    one comparison, where alternatives that begin with a group are each entered."""
    root: dict[str, Any] = {}
    for w, tail in pairs:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node.setdefault("", set()).add(tail)

    def emit(node: dict[str, Any]) -> str:
        branches = [
            (space if k == " " and space is not None else re.escape(k)) + emit(node[k])
            for k in sorted(k for k in node if k)
        ]
        tails: set[str] = node.get("", set())
        branches.extend(sorted(t for t in tails if t))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in tails else body

    return emit(root)
