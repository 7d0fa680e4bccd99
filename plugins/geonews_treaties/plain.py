"""Helpers for scanning with stdlib ``re`` (faster than ``regex``) where the two agree.

:func:`is_plain` tells whether a text's non-ASCII characters are all neutral: neither
letters, numbers, marks, word characters nor cased, and whitespace alike for both. In such a
text, stdlib ``re``'s classes (``\\w``, ``\\s``, ASCII ranges, ASCII case folding on the
lowercased text) decide exactly what ``regex``'s Unicode ones would.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = ["is_plain", "trie"]

_NEUTRAL = frozenset("£€¥’‘“”—–…•·°«»\u00a0")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def is_plain(text: str) -> bool:
    """True when every non-ASCII character of ``text`` is a neutral one."""
    return text.isascii() or _NEUTRAL.issuperset(_NON_ASCII.findall(text))


def trie(words: Iterable[str]) -> str:
    """A stdlib-``re`` alternation of literal words as a trie: it matches at a position
    wherever one of the words does (the longest there, when several do)."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(k) + emit(node[k]) for k in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
