"""Helpers for scanning with stdlib ``re`` (faster than ``regex``) where the two agree.

:func:`is_plain` tells whether a text's non-ASCII characters are all neutral: neither
letters, numbers, marks, word characters nor cased, and whitespace alike for both. In such a
text, stdlib ``re``'s classes (``\\w``, ``\\s``, ASCII ranges, ASCII case folding on the
lowercased text) decide exactly what ``regex``'s Unicode ones would.
"""

from __future__ import annotations

import re

__all__ = ["is_plain"]

_NEUTRAL = frozenset("£€¥’‘“”—–…•·°«»\u00a0")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def is_plain(text: str) -> bool:
    """True when every non-ASCII character of ``text`` is a neutral one."""
    return text.isascii() or _NEUTRAL.issuperset(_NON_ASCII.findall(text))
