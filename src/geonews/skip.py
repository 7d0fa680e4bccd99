"""Find the spans of an article that extractors skip: repeated paragraphs, notices, bylines.

The text is never rewritten. A :class:`Skip` only marks a span; :class:`geonews.document.Document`
blanks the marked spans out of ``doc.masked`` (same length, so offsets still hold).
"""

from __future__ import annotations

import regex
from attrs import frozen

__all__ = ["Skip", "find_skips"]


@frozen
class Skip:
    """A span the extractors skip, and why: "duplicate", "notice" or "byline"."""

    start: int
    end: int
    reason: str
    text: str


_PARAGRAPH = regex.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")

# Site furniture: cookie and consent banners, subscription and newsletter calls, sharing prompts,
# copyright lines. Matched against a whole paragraph (anchored), so news prose that merely
# mentions cookies or subscriptions is left alone.
_NOTICE = regex.compile(
    r"""^(?:
        .{0,80}\b(?:we\ use\ cookies|this\ (?:web)?site\ uses\ cookies|cookie\ (?:policy|settings|preferences)
            |accept\ (?:all\ )?cookies|consent\ to\ (?:the\ use\ of\ )?cookies)\b
      | (?:subscribe|sign\ up|register)\b.{0,60}\b(?:newsletter|subscription|unlimited\ access|free\ trial|to\ (?:continue|read))
      | (?:already\ a\ subscriber|subscribers?\ only|to\ continue\ reading|you\ have\ reached\ your)\b
      | (?:share\ this\ (?:article|story)|follow\ us\ on|click\ here\ to)\b
      | (?:©|\(c\)\ |copyright\ (?:©\ )?\d{4}).{0,120}$
      | all\ rights\ reserved\.?$
      | (?:read\ more|related\ (?:articles|stories|topics)|advertisement)\s*:?$
    )""",
    regex.IGNORECASE | regex.VERBOSE,
)

# What every match of _NOTICE holds, found far more cheaply than it or _NOTICE_WORDS: the
# first letters of one of its alternatives, at the start, or "cookie" (which each of the first
# alternative's phrases holds). The same engine and flags as _NOTICE, so that matching
# without case agrees with it ("ſubscribe", "COOKİE").
_NOTICE_LEAD = regex.compile(
    r"sub|sig|reg|alr|to |you|sha|fol|cli|©|\(c\)|cop|all|rea|rel|adv", regex.IGNORECASE
)
_COOKIE = regex.compile("cookie", regex.IGNORECASE)

# "by Simon Wilson" closing a short line ("Latin Correspondent | by Simon Wilson"), or a line
# that is only a byline ("By Jane Doe, BBC News").
_BYLINE = regex.compile(
    r"""^(?:[^\n|]{0,60}[|·•–—-]\s*)?[Bb]y\s+
        (?P<name>\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:de|van|von|der|da|al|bin|le|la)\s+)?\p{Lu}[\p{L}'’.-]+){1,3})
        (?:\s*(?:,|\||and|&)\s*[^\n]{0,80})?\s*$""",
    regex.VERBOSE,
)

_MAX_BYLINE_LEN = 160


# the ASCII characters str.isspace() holds for, other than the space
_ASCII_BREAKS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _key(paragraph: str, breaks: str = _ASCII_BREAKS) -> str:
    """The paragraph with runs of whitespace as one space, lowercased (``paragraph`` is
    stripped). An ASCII paragraph whose only whitespace is single spaces is its own
    normal form, and a few substring tests are far cheaper than splitting and joining.
    ``breaks``: the break characters the paragraph may hold (a caller that knows its text
    holds none but "\n" passes just that)."""
    if paragraph.isascii() and "  " not in paragraph and not any(c in paragraph for c in breaks):
        return paragraph.lower()
    return " ".join(paragraph.split()).lower()


# Every notice holds one of these (lowercase); paragraphs without any skip the notice pattern.
_NOTICE_WORDS = (
    "cookie",
    "subscri",
    "sign up",
    "register",
    "share this",
    "follow us",
    "click here",
    "©",
    "(c)",
    "copyright",
    "rights reserved",
    "read more",
    "related",
    "advertisement",
    "continue reading",
    "reached your",
)


def find_skips(text: str) -> tuple[Skip, ...]:
    """Return the skip spans of ``text`` in order. One pass over the paragraphs."""
    skips: list[Skip] = []
    seen: set[str] = set()
    # Whitespace other than spaces and line breaks is rare: in a text without any, ``_key``
    # need only look for "\n" in each paragraph, not for every break character.
    breaks = _ASCII_BREAKS if any(c in text for c in _ASCII_BREAKS if c != "\n") else "\n"
    for m in _PARAGRAPH.finditer(text):
        para = m.group()
        stripped = para.strip()
        if not stripped:
            continue
        start = m.start() + (len(para) - len(para.lstrip()))
        end = m.end() - (len(para) - len(para.rstrip()))
        span = text[start:end]
        ascii = stripped.isascii()
        key = _key(stripped, breaks)
        if len(key) >= 40 and key in seen:
            skips.append(Skip(start, end, "duplicate", span))
            continue
        seen.add(key)
        # in an ASCII paragraph "cookie" matches without case where the lowercased key holds
        # it (the key only differs from the paragraph in whitespace, which "cookie" has none of)
        if (
            len(stripped) <= 600
            and (
                _NOTICE_LEAD.match(stripped)
                or ("cookie" in key if ascii else _COOKIE.search(stripped))
            )
            and any(w in key for w in _NOTICE_WORDS)
            and _NOTICE.search(stripped)
        ):
            skips.append(Skip(start, end, "notice", span))
        elif len(stripped) <= _MAX_BYLINE_LEN and _BYLINE.match(stripped):
            skips.append(Skip(start, end, "byline", span))
    return tuple(skips)


def byline_names(skip: Skip) -> list[tuple[int, int, str]]:
    """The author names in a byline skip, as ``(start, end, name)`` offsets into the article."""
    m = _BYLINE.match(skip.text)
    if m is None:
        return []
    return [(skip.start + m.start("name"), skip.start + m.end("name"), m.group("name"))]
