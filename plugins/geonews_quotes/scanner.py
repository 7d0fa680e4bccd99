"""The quotation-mark scanner: one linear pass over the marks of a text.

Every mark style is read: straight ``"`` and ``'``, curly “ ” ‘ ’, « », „ “, ‹ ›, ‚ ‘ and the
wire-feed ```` `` ... '' ````. Straight marks get their direction from their neighbours. A
small stack (at most :data:`MAX_DEPTH` deep) follows nesting, so the cost is constant per mark
and the scan is linear in the text length.

Rules (they follow the news conventions and the gold guide):

* a segment is the text between an opening mark and its closing mark, whitespace trimmed;
* a new opening mark of the same family as the open outer quote starts a new segment, even if
  the previous one never closed ("a new opening quotation mark starts a new segment"); this
  is also how the multi-paragraph convention is read: each paragraph opens a segment and only
  the last one closes;
* a line break ends every open quote: an open double-quote segment is kept as unclosed,
  an open single-quote segment is dropped (a lone ``'`` is far more often an apostrophe);
* a closing mark with nothing open is a stray mark and is ignored (inch marks, typos);
* quotes of the other family inside an open quote are *nested* and recorded on the outer
  segment, not returned as segments of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["MAX_DEPTH", "MAX_SINGLE_LEN", "Segment", "scan"]

MAX_DEPTH = 3
# a top-level single-quoted segment longer than this is not believed (apostrophe noise)
MAX_SINGLE_LEN = 600

# The marks, and line breaks. A run of line breaks is one match (after the first, the stack is
# empty, so the others do nothing), and an apostrophe between two alphanumeric characters
# (str.isalnum, which is what stdlib ``re``'s ``[^\W_]`` tests) is skipped: _direction reads
# it as no mark at all. Skipping it changes no other match: only a one-character match is
# skipped, and ``''`` is tried first. Every alternative starts with a literal, so that ``re``
# skips ahead to the next mark with a character set.
_AT_WORD_EDGE = r"(?:(?<![^\W_].)|(?![^\W_]))"
_MARKS = re.compile(
    "|".join([r"\n\n*", "``", "''", *'"“”‘«»„‚‹›', "'" + _AT_WORD_EDGE, "’" + _AT_WORD_EDGE])
)

DOUBLE = "d"
SINGLE = "s"
_FAMILY = {
    '"': DOUBLE,
    "“": DOUBLE,
    "”": DOUBLE,
    "„": DOUBLE,
    "«": DOUBLE,
    "»": DOUBLE,
    "``": DOUBLE,
    "''": DOUBLE,
    "'": SINGLE,
    "‘": SINGLE,
    "’": SINGLE,
    "‚": SINGLE,
    "‹": SINGLE,
    "›": SINGLE,
}
_OPEN_ONLY = frozenset({"«", "„", "‚", "‹", "``", "‘"})
_CLOSE_ONLY = frozenset({"»", "›", "''"})
_OPEN_BEFORE = frozenset(" \t\r\n([{—–-/\u00a0\"'“‘«„‚‹")
_CLOSE_AFTER = frozenset(" \t\r\n.,;:!?)]}—–-/\u00a0\"'”’»›")


@dataclass(slots=True)
class Segment:
    """One quoted segment. ``start``/``end`` index the words inside the marks (trimmed)."""

    start: int
    end: int
    open_start: int
    open_mark: str
    close_end: int | None = None
    close_mark: str | None = None
    family: str = DOUBLE
    nested: list[tuple[int, int]] = field(default_factory=list)

    @property
    def closed(self) -> bool:
        return self.close_end is not None

    @property
    def outer_start(self) -> int:
        return self.open_start

    @property
    def outer_end(self) -> int:
        return self.close_end if self.close_end is not None else self.end


@dataclass(slots=True)
class _Open:
    family: str
    mark: str
    mark_start: int
    content_start: int
    nested: list[tuple[int, int]] = field(default_factory=list)


def _direction(text: str, pos: int, end: int, mark: str, stack: list[_Open]) -> str | None:
    """'open', 'close' or None (not a quotation mark here) for the mark at ``pos``."""
    if mark in _OPEN_ONLY:
        return "open"
    if mark in _CLOSE_ONLY:
        return "close"
    prev = text[pos - 1] if pos > 0 else "\n"
    nxt = text[end] if end < len(text) else "\n"
    family = _FAMILY[mark]
    has_open = False
    for o in stack:  # (a plain loop: most stacks are empty, and none holds over three)
        if o.family == family:
            has_open = True
            break
    if mark == '"':  # the most frequent mark first
        can_open = prev in _OPEN_BEFORE and not nxt.isspace()
        can_close = not prev.isspace() and nxt in _CLOSE_AFTER
        if can_open and not can_close:
            return "open"
        if can_close and not can_open:
            if not has_open and prev.isdigit():
                return None  # an inch mark: 5'10"
            return "close"
        if prev.isdigit() and not has_open:
            return None
        return "close" if has_open else "open"
    if mark == "“":
        # German „...“ closes with “; so does a “ glued to the end of a word
        if (stack and stack[-1].mark == "„") or (
            has_open and not prev.isspace() and nxt in _CLOSE_AFTER
        ):
            return "close"
        return "open"
    if mark == "”":
        if not has_open and prev in _OPEN_BEFORE and nxt.isalnum():
            return "open"  # Swedish/Finnish style ”...”
        return "close"
    if mark == "’":
        if prev.isalnum() and nxt.isalnum():
            return None  # apostrophe: it’s, Russia’s
        if has_open and not prev.isspace():
            return "close"
        return None
    # the one mark left: a straight single quote
    if prev.isalnum() and nxt.isalnum():
        return None
    can_open = prev in _OPEN_BEFORE and (nxt.isalnum() or nxt in '“"‘(')
    can_close = has_open and not prev.isspace() and nxt in _CLOSE_AFTER
    if can_close:
        return "close"
    if can_open:
        return "open"
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def scan(text: str) -> list[Segment]:
    """All top-level quoted segments of ``text`` in order. Linear in ``len(text)``."""
    out: list[Segment] = []
    stack: list[_Open] = []

    def finish(o: _Open, end: int, close_end: int | None, close_mark: str | None) -> None:
        s, e = _trim(text, o.content_start, end)
        if e <= s:
            return
        if o.family == SINGLE and close_end is None:
            return
        if o.family == SINGLE and e - s > MAX_SINGLE_LEN:
            return
        # (positional arguments, in the order of Segment's fields: faster than keywords)
        out.append(Segment(s, e, o.mark_start, o.mark, close_end, close_mark, o.family, o.nested))

    def close_all(at: int) -> None:
        if stack:
            finish(stack[0], at, None, None)
            stack.clear()

    for m in _MARKS.finditer(text):
        mark = m.group()
        pos = m.start()
        if mark[0] == "\n":
            close_all(pos)
            continue
        if mark == "''" and not any(o.family == DOUBLE for o in stack):
            mark = "'"  # two apostrophes, or an empty single pair: read the first one only
            direction = _direction(text, pos, pos + 1, mark, stack)
            end = pos + 1
        else:
            end = m.end()
            direction = _direction(text, pos, end, mark, stack)
        if direction is None:
            continue
        family = _FAMILY[mark]
        if direction == "open":
            if not stack:
                stack.append(_Open(family, mark, pos, end))
            elif len(stack) == 1 and stack[0].family == family:
                # a new opening mark starts a new segment; the open one ends unclosed
                finish(stack[0], pos, None, None)
                stack[0] = _Open(family, mark, pos, end)
            elif len(stack) < MAX_DEPTH and stack[-1].family != family:
                stack.append(_Open(family, mark, pos, end))
            elif stack[0].family == family:
                # a same-family opener deep inside: the inner quotes were misread; restart
                finish(stack[0], pos, None, None)
                stack.clear()
                stack.append(_Open(family, mark, pos, end))
            continue
        # a closing mark: find the innermost open quote of its family
        for i in range(len(stack) - 1, -1, -1):
            if stack[i].family == family:
                o = stack[i]
                del stack[i:]
                if i == 0:
                    finish(o, pos, end, mark)
                else:
                    s, e = _trim(text, o.content_start, pos)
                    if e > s:
                        stack[i - 1].nested.append((s, e))
                break
    close_all(len(text))
    return out
