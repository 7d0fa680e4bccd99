"""Compile a set of literals into one regular expression shaped like a trie.

``(?:Ar(?:gentin(?:a|e)|menia))``: the engine follows one branch per character, so a position
that starts no literal fails after a character or two, whatever the size of the set. Longer
continuations are tried first (a greedy optional group), so the longest literal wins.
The depth of the pattern is bounded by the longest literal; there is no unbounded repetition.

``not_after`` (a character class) rules out literals right after one of its characters. The
check is a lookbehind placed after each literal's first character, ``A(?<![\\w]A)...``, not
before the whole pattern: so the pattern starts with a choice of literal characters, and
stdlib ``re`` skips straight to the positions holding one of them instead of trying the
pattern at every position. Both forms find the same matches: the lookbehind spans the
character before the literal and its first character, which is known in each branch.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

__all__ = ["trie_pattern"]

_END = ""


def trie_pattern(literals: Iterable[str], not_after: str = "") -> str:
    """A regex source matching exactly the given literals, longest first; with ``not_after``
    (a character class such as ``[\\w$]``), only where the character before is not in it."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for lit in literals:
        if not lit:
            continue
        node = root
        for ch in lit:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not not_after:
        return _node(root) or "(?!)"
    branches = []
    for ch, child in sorted(root.items()):
        first = _escape(ch)
        branches.append(first + f"(?<!{not_after}{first})" + _node(child))
    if not branches:
        return "(?!)"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


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
