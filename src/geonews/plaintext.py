"""Helpers for scanning with stdlib ``re`` (faster than ``regex``) where the two agree.

:func:`is_plain` tells whether a text's non-ASCII characters are all neutral: neither
letters, numbers, marks, word characters nor cased, and whitespace alike for both; and that
it holds none of the ASCII separators ``\\x1c``-``\\x1f``, which stdlib ``re``'s ``\\s``
matches (``str.isspace``) but ``regex``'s does not. In such a text, stdlib ``re``'s classes
(``\\w``, ``\\s``, ``\\b``, ASCII ranges, ASCII case folding) decide exactly what ``regex``'s
Unicode ones would.

:func:`plain_twin` compiles a ``regex`` pattern for stdlib ``re``, for use on plain text
only: the Unicode property classes it may hold (``\\p{L}``, ``\\p{Lu}``, ``\\p{Ll}``,
``\\p{M}``, ``\\p{N}``) become their ASCII members, the only ones a plain text holds.
"""

from __future__ import annotations

import re

__all__ = ["ODD_CASE", "fold_lower", "has_odd_case", "is_plain", "plain_twin"]

_NEUTRAL = "£€¥’‘“”—–…•·°«»\u00a0"
# a character that makes a text not plain: neither ASCII (but \x1c-\x1f) nor neutral
_NOT_PLAIN = re.compile("[^\\x00-\\x1b\\x20-\\x7f" + re.escape(_NEUTRAL) + "]")

# each property class's members in a plain text, inside a character class
_PROPS = {"L": "A-Za-z", "Lu": "A-Z", "Ll": "a-z", "M": "", "N": "0-9"}
_PROP = re.compile(r"\\p\{(L|Lu|Ll|M|N)\}")


# Characters that match an ASCII letter case-insensitively but do not lowercase to it: long s,
# dotted and dotless i, the Kelvin sign, capital sharp s. None is ASCII, and none is plain.
ODD_CASE = "\u017f\u0130\u0131\u212a\u1e9e"
_FOLD = str.maketrans({"\u017f": "s", "\u212a": "k", "\u0130": "i", "\u0131": "i"})


def has_odd_case(text: str) -> bool:
    """Whether ``text`` holds a character of ``ODD_CASE``. (Looking for one character in a text
    made of smaller ones costs nothing: the text's storage tells it cannot be there.)"""
    return not text.isascii() and any(c in text for c in ODD_CASE)


def fold_lower(s: str) -> str:
    """``s`` lowercased, with the letters of ``ODD_CASE`` that stand for an ASCII one turned
    into it, so that a word a case-insensitive pattern matched ("Yeſterday", "TRİPLED") is
    found in a table of lowercase ASCII words."""
    return s.translate(_FOLD).lower()


def is_plain(text: str) -> bool:
    """True when every non-ASCII character of ``text`` is a neutral one, and ``text`` holds
    no ``\\x1c``-``\\x1f``. (``isascii`` costs nothing, and on an ASCII text four ``in``
    tests are far faster than a pattern search.)"""
    if text.isascii():
        return not ("\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text)
    return _NOT_PLAIN.search(text) is None


def _translate(pattern: str) -> str:
    """``pattern`` with its property classes replaced by their ASCII members."""
    out: list[str] = []
    i, n, in_class = 0, len(pattern), False
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            m = _PROP.match(pattern, i)
            if m is not None:
                members = _PROPS[m.group(1)]
                if in_class:
                    out.append(members)
                else:
                    if not members:
                        raise ValueError("a bare \\p{M} has no plain twin")
                    out.append("[" + members + "]")
                i = m.end()
                continue
            if pattern.startswith("\\p", i) or pattern.startswith("\\P", i):
                raise ValueError(f"no plain twin for {pattern[i : i + 8]!r}")
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            out.append(ch)
            i += 1
            # a "]" or "^]" right after the opening bracket is a member
            if pattern.startswith("^", i):
                out.append("^")
                i += 1
            if pattern.startswith("]", i):
                out.append("]")
                i += 1
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def plain_twin(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A stdlib ``re`` pattern that finds exactly what the ``regex`` pattern ``pattern``
    (version 0, same ``flags``) finds in a plain text (see :func:`is_plain`)."""
    return re.compile(_translate(pattern), flags)
