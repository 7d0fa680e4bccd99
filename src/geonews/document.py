"""The shared analysis of one article, computed once and handed to every plugin.

``Document`` holds what several plugins need: the skip spans, the masked text (skipped spans
blanked, same length), paragraphs and sentences. Each part is computed on first use and cached,
so a plugin that does not need sentences never pays for them.
"""

from __future__ import annotations

import bisect
import re
import string
from functools import cached_property

import regex

from geonews.numbers import Figures, number_starts
from geonews.plaintext import is_plain
from geonews.skip import Skip, byline_names, find_skips
from geonews.types import Article

__all__ = ["Document"]

_PARAGRAPH = regex.compile(r"[^\n]+")

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital, a
# digit or an opening quote; or at a line break. Abbreviations are checked after the match.
# Linear: a run of end marks is only tried from its first character (the lookbehind), and the
# possessive quantifiers never give characters back (nothing they match can satisfy the rest).
_ENDS = "[.!?…]"
_CLOSERS = "[\"'”’»)\\]]*+"
_SENT_END = regex.compile(rf"(?<!{_ENDS}){_ENDS}++{_CLOSERS}(?=\s+[\"'“‘«(\[]?[\p{{Lu}}\d])|\n+")
_ABBREV = frozenset(
    (
        "mr mrs ms dr prof sir gen col lt sgt capt cmdr adm gov sen rep rev st jr sr mt ft no vs "
        "inc ltd co corp bros dept est jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k "
        "e.u u.n a.m p.m e.g i.e etc al approx"
    ).split()
)
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)$")


def _abbreviation_lookbehinds() -> str:
    """Lookbehinds that fail after a "." that ends an abbreviation or a single letter, the
    whole run of ASCII letters and dots before it (one lookbehind per length: each must have
    a fixed width)."""
    by_length: dict[int, list[str]] = {1: ["[a-z]"]}
    for w in sorted(_ABBREV):
        by_length.setdefault(len(w), []).append(re.escape(w))
    return "".join(rf"(?<!(?<![A-Za-z.])(?i:{'|'.join(ws)})\.)" for ws in by_length.values())


# ``_SENT_END`` for a plain text (see :mod:`geonews.plaintext`), with stdlib ``re``, where
# ``\p{Lu}`` is ``[A-Z]`` and ``\s`` and ``\d`` are the same. It begins with a class, which
# ``re`` scans for quickly; the first-of-a-run lookbehind comes after it. It also fails after
# an abbreviation, as :func:`_abbreviation` tells, unless a line break comes just before the
# "." (there ``_WORD_BEFORE``'s ``$`` lets the word end before the break, so that check
# stays in Python): the char before a "." that starts a run is no ".", so the word is the
# run of letters and dots before it, ASCII ones in a plain text, and the 12 characters read
# cannot cut short one of 6 or fewer. Failing there is as good as skipping the match: no
# match can start inside its run of end marks and closers, so finditer goes on from its end.
_SENT_END_PLAIN = re.compile(
    rf"[\n.!?…](?:(?<=\n)\n*+|(?<!{_ENDS}{_ENDS})"
    + _abbreviation_lookbehinds()
    + rf"{_ENDS}*+{_CLOSERS}(?=\s+[\"'“‘«(\[]?[A-Z\d]))"
)


class Document:
    """Shared, lazily computed analysis of an article's text."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text

    @cached_property
    def skips(self) -> tuple[Skip, ...]:
        """Spans the extractors skip (duplicated paragraphs, notices, bylines), in order."""
        return find_skips(self.text)

    @cached_property
    def masked(self) -> str:
        """The text with every skip span replaced by spaces (newlines kept); same length."""
        if not self.skips:
            return self.text
        parts: list[str] = []
        pos = 0
        for s in self.skips:
            parts.append(self.text[pos : s.start])
            parts.append(
                "\n".join(" " * len(line) for line in self.text[s.start : s.end].split("\n"))
            )
            pos = s.end
        parts.append(self.text[pos:])
        return "".join(parts)

    @cached_property
    def plain(self) -> bool:
        """Whether the masked text is plain (see :func:`geonews.plaintext.is_plain`): then
        stdlib ``re`` twins of ``regex`` patterns find the same matches in it."""
        return is_plain(self.masked)

    @cached_property
    def bylines(self) -> tuple[tuple[int, int, str], ...]:
        """Author names found in byline spans: ``(start, end, name)``."""
        out: list[tuple[int, int, str]] = []
        for s in self.skips:
            if s.reason == "byline":
                out.extend(byline_names(s))
        return tuple(out)

    @cached_property
    def paragraphs(self) -> tuple[tuple[int, int], ...]:
        """Non-empty lines of the masked text as ``(start, end)``; the first is the headline."""
        return tuple(
            (m.start(), m.end()) for m in _PARAGRAPH.finditer(self.masked) if m.group().strip()
        )

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """Sentences of the masked text as ``(start, end)``, whitespace trimmed. One pass."""
        text = self.masked
        plain = self.plain
        ends: list[int] = []
        for m in (_SENT_END_PLAIN if plain else _SENT_END).finditer(text):
            s, e = m.span()
            # the plain pattern has checked for an abbreviation but after a line break
            if text[s] == "." and (not plain or text[s - 1 : s] == "\n") and _abbreviation(text, s):
                continue
            ends.append(e)
        ends.append(len(text))
        out: list[tuple[int, int]] = []
        start = 0
        for end in ends:
            # the text up to each end, without its leading and trailing whitespace, unless blank
            body = text[start:end].lstrip()
            if body:
                out.append((end - len(body), end - (len(body) - len(body.rstrip()))))
            start = end
        return tuple(out)

    @cached_property
    def number_starts(self) -> tuple[int, ...]:
        """Where a number may begin in the masked text (digits, currency signs, number words).

        Number-led patterns use it with :func:`geonews.numbers.scan_numbers`.
        """
        return number_starts(self.masked)

    @cached_property
    def figures(self) -> Figures:
        """What the money and percentage plugins ask about the figures of the masked text
        (qualifier, direction of change, subject phrase, the lowercased text), shared by them
        so that each sentence is scanned and the text lowercased once per article."""
        return Figures(self.masked, self.plain)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence that holds ``pos`` (or the nearest one before it)."""
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        if i < 0:
            return (0, 0) if not self.sentences else self.sentences[0]
        return self.sentences[i]

    def sentence_index(self, pos: int) -> int:
        """The index in ``sentences`` of the sentence that holds ``pos`` (-1 before the first)."""
        return bisect.bisect_right(self._sentence_starts, pos) - 1

    @cached_property
    def _skip_ends(self) -> list[int]:
        return [s.end for s in self.skips]

    def skip_at(self, start: int, end: int) -> Skip | None:
        """The first skip span that overlaps ``[start, end)``, or None. O(log n): the skips are
        sorted and do not overlap, so only the first one ending after ``start`` can."""
        i = bisect.bisect_right(self._skip_ends, start)
        if i < len(self.skips) and self.skips[i].start < end:
            return self.skips[i]
        return None

    def is_skipped(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` overlaps a skip span."""
        return self.skip_at(start, end) is not None


_WORD_CHARS = string.ascii_letters + "."


def _word_before(text: str, end: int) -> str:
    """What ``_WORD_BEFORE`` finds in the 12 characters before ``end`` ("" for nothing).

    In an ASCII window its letters are the ASCII ones, so the run is what ``rstrip`` leaves
    off; ``$`` also matches before a final newline, so a run may end just before one."""
    window = text[max(0, end - 12) : end]
    if not window.isascii():
        w = _WORD_BEFORE.search(text, max(0, end - 12), end)
        return "" if w is None else w.group(1)
    if window.endswith("\n"):
        window = window[:-1]
    return window[len(window.rstrip(_WORD_CHARS)) :]


def _abbreviation(text: str, end: int) -> bool:
    """Whether the word before the "." at ``end`` is an abbreviation or a single letter."""
    word = _word_before(text, end).lower().rstrip(".")
    return word in _ABBREV or (len(word) == 1 and word.isalpha())
