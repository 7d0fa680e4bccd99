"""Compile a set of literals into one regular expression shaped like a trie.

``(?:Ar(?:gentin(?:a|e)|menia))``: the engine follows one branch per character, so a position
that starts no literal fails after a character or two, whatever the size of the set. Longer
continuations are tried first (a greedy optional group), so the longest literal wins.
The depth of the pattern is bounded by the longest literal; there is no unbounded repetition.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

__all__ = ["trie_pattern"]

_END = ""


def trie_pattern(literals: Iterable[str]) -> str:
    """A regex source matching exactly the given literals, longest first."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for lit in literals:
        if not lit:
            continue
        node = root
        for ch in lit:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _node(root) or "(?!)"


_ESCAPED: dict[str, str] = {}


def _escape(ch: str) -> str:
    esc = _ESCAPED.get(ch)
    if esc is None:
        esc = _ESCAPED[ch] = regex.escape(ch)
    return esc


def _node(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    # a chain of single children with no literal ending on it is one run of characters
    run: list[str] = []
    while _END not in node and len(node) == 1:
        ((ch, child),) = node.items()
        run.append(_escape(ch))
        node = child
    prefix = "".join(run)
    branches = [_escape(ch) + _node(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return prefix
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return prefix + "(?:" + body + ")?"
    return prefix + body
