"""Runs of capitalised tokens ("Tony Blair", "Mr. W. Bush", "Bashar al-Assad"): the pattern
that finds them, and its stdlib ``re`` twins for plain text (see :mod:`geonews.plaintext`),
which find the same runs faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from geonews.plaintext import plain_twin
from geonews.wordtrie import trie
from geonews_entities.names import PARTICLES

__all__ = ["SEQ", "plain_runs"]

# A capitalised token: "Blair", "O'Brien", "Day-Lewis", "al-Assad", "W." (an initial), with an
# optional possessive: an abbreviated title, or a capital and what follows it in an initial or
# in a word, after an optional lowercase prefix.
_ABBREVIATIONS = "Mr Mrs Ms Dr Prof Gen Col Capt Lt Sgt Sen Rep Gov St Jr Sr".split()
_PREFIXES = "al el bin ibn abu ul".split()
_INITIAL_REST = r"\.(?=[ ]\p{Lu})"
_WORD_REST = r"[\p{Ll}\p{Lu}'’]*(?:[-‐]\p{L}[\p{Ll}\p{Lu}'’]*)?"
_TOKEN = (
    "(?:(?:" + "|".join(_ABBREVIATIONS) + r")\.(?=[ ])"
    r"|\p{Lu}"
    + _INITIAL_REST
    + "|(?:(?:"
    + "|".join(_PREFIXES)
    + r")[-‐])?\p{Lu}"
    + _WORD_REST
    + ")"
)
# Sequences of up to twelve tokens, joined by single spaces and particles, never right after
# a letter, digit, apostrophe or hyphen.
_NOT_BEFORE = r"[\p{L}\p{N}'’\-]"
_MORE = r"(?:[ \u00a0](?:\L<particles>[ ]){0,2}(?P<tok>" + _TOKEN + r")){0,11}(?![\p{L}\p{N}])"
SEQ = regex.compile(
    "(?<!" + _NOT_BEFORE + ")(?P<tok>" + _TOKEN + ")" + _MORE, particles=sorted(PARTICLES)
)

# The token after its first character, when that is a capital: the same alternatives in the
# same order, each abbreviation checking its capital with a lookbehind. One lookbehind for all
# their capitals goes first: after any other capital (most of them) the abbreviations are
# passed over at one test.
_TAILS = {
    c: [a[1:] for a in _ABBREVIATIONS if a[0] == c]
    for c in dict.fromkeys(a[0] for a in _ABBREVIATIONS)
}
_TOKEN_AFTER_CAPITAL = (
    "(?:(?<=["
    + "".join(_TAILS)
    + "])(?:"
    + "|".join(f"(?<={c})(?:{'|'.join(tails)})" for c, tails in _TAILS.items())
    + r")\.(?=[ ])|"
    + _INITIAL_REST
    + "|"
    + _WORD_REST
    + ")"
)


def _plain(source: str) -> re.Pattern[str]:
    """The twin of a run pattern, without the repeated ``tok`` captures."""
    return plain_twin(source.replace("(?P<tok>", "(?:").replace(r"\L<particles>", trie(PARTICLES)))


# (a token starts with a capital or a prefix: the lookahead fails early elsewhere)
_SEQ_PLAIN = _plain("(?=[A-Zaeibu])" + SEQ.pattern)
# SEQ's runs that start with a capital. Its lookbehind comes after the capital and spans it, so
# the pattern opens with a character class and ``re`` skips straight to the capitals instead of
# trying the pattern at every position.
_SEQ_PLAIN_CAPITAL = _plain(r"\p{Lu}(?<!" + _NOT_BEFORE + r"\p{Lu})" + _TOKEN_AFTER_CAPITAL + _MORE)
# where a run may start with a lowercase prefix: "al-" and the like before a capital ("‐" is
# not in a plain text)
_PREFIXED_PLAIN = re.compile("-(?:" + "|".join(f"(?<={p}-)" for p in _PREFIXES) + ")[A-Z]")


def plain_runs(text: str) -> Iterator[re.Match[str]]:
    """The ``SEQ`` matches of a plain ``text``, found by a twin. In a text where no token can
    start with a lowercase prefix every run starts with a capital, and the twin that looks
    only at capitals finds them all."""
    if _PREFIXED_PLAIN.search(text) is None:
        return _SEQ_PLAIN_CAPITAL.finditer(text)
    return _SEQ_PLAIN.finditer(text)
