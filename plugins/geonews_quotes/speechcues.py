"""Speech cue verbs ("said", "pointed out") near short quotes, found window by window.

Only short quotes ask for cues, and only within :data:`CUE_WINDOW` characters of themselves,
so :class:`SpeechCues` scans the text only as far as the windows asked for reach, instead of
the whole text; what it holds, restricted to any window asked for, is exactly what a scan of
the whole text would give there (see :meth:`SpeechCues.has_cue`).
"""

from __future__ import annotations

import bisect
import re

from geonews.wordtrie import trie
from geonews_quotes.cues import CUE_FORMS
from geonews_quotes.patterns import WEAK_CUES
from geonews_quotes.spans import Spans

__all__ = ["CUE_WINDOW", "SpeechCues"]

CUE_WINDOW = 300  # how far from a short quote its speech cue may be
# The lowercase words the scan looks at: cue forms, and the last words of two-word forms.
# The pattern consumes the character before the word, which is no [a-z] (a leading character
# set lets ``re`` skip ahead fast), and is run on the text after a space, so that a word at
# offset 0 is found too: a match at offset ``k`` there has its word at offset ``k`` of the text.
_WORDS = {f for f in CUE_FORMS if " " not in f} | {f.split()[1] for f in CUE_FORMS if " " in f}
_CUE_WORD = re.compile(r"[^a-z](?=(" + trie(_WORDS) + r")(?![a-z]))")
# A match at offset k reads the text after a space only up to offset k + _READ (the character
# before the word, the longest word, and the character after it).
_READ = 2 + max(map(len, _WORDS))
# A cue is reported at its first word, which for a two-word form ends one character before the
# second: at most this many characters before the word the scan finds.
_LEAD = 1 + max((len(f.split()[0]) for f in CUE_FORMS if " " in f), default=0)


def _free(text: str, pos: int) -> bool:
    """True when ``pos`` is outside the text or holds neither a letter nor a hyphen."""
    if pos < 0 or pos >= len(text):
        return True
    ch = text[pos]
    return ch != "-" and not ch.isalpha()


class SpeechCues:
    """The positions of the speech cue verbs (not belief verbs) of one text, found on demand.

    A cue is a lowercase word (a whole ``[a-z]+`` run with no letter or hyphen on either side)
    that is a cue form, or the second word of a two-word form ("pointed out") whose first word
    ends one character before it (the cue is then at the first word). Whether a word found by
    the scan is a cue depends only on the text, so the cues of the words found at offsets in
    ``[a, b)`` are those of a whole-text scan with their word there, in the same order.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._padded = " " + text
        self._cues: list[int] = []
        # every word at an offset in [_lo, _done) has been scanned (and the cues are in the
        # order of their words, which is position order: see _scan)
        self._lo = 0
        self._done = 0

    def _scan(self, start: int, stop: int) -> None:
        """Append the cues of the words found at offsets in ``[start, stop)``. A two-word
        form's first word starts after every earlier cue (no cue word starts inside the
        lowercase run before it), so appending in word order keeps the cues sorted."""
        text, out = self.text, self._cues
        # the search stops where no match before ``stop`` reads (so a window costs its length)
        for m in _CUE_WORD.finditer(self._padded, start, stop + _READ):
            s = m.start()
            if s >= stop:
                break
            word = m.group(1)
            e = s + len(word)
            if not _free(text, s - 1) or not _free(text, e):
                continue
            base = CUE_FORMS.get(word)
            if base is not None:
                if base not in WEAK_CUES:
                    out.append(s)
                continue
            # the previous word, if it is a whole lowercase word ending just before the separator
            j = s - 1
            i = j
            while i > 0 and "a" <= text[i - 1] <= "z":
                i -= 1
            if i < j and _free(text, i - 1):
                base = CUE_FORMS.get(text[i:j] + " " + word)
                if base is not None and base not in WEAK_CUES:
                    out.append(i)

    def has_cue(self, start: int, end: int, blocked: Spans) -> bool:
        """A speech cue in ``[start, end)`` outside the quotes (among the first 16 there).

        A cue in ``[start, end)`` has its word in ``[start, end + _LEAD)``: that stretch is
        scanned first, past what earlier calls scanned when ``start`` did not decrease
        (callers ask in text order), else the whole text is scanned once. The cues held then
        include every cue of the window, and only true cues, so the search below sees the
        same cues there as in a whole-text list."""
        stop = end + _LEAD
        if start < self._lo:
            self._cues.clear()
            self._scan(0, len(self.text) + 1)
            self._lo, self._done = 0, len(self.text) + 1
        elif stop > self._done:
            self._scan(max(start, self._done), stop)
            self._lo, self._done = start, stop
        else:
            self._lo = start
        cues = self._cues
        i = bisect.bisect_left(cues, start)
        steps = 0
        while i < len(cues) and cues[i] < end and steps < 16:
            if not blocked.contains(cues[i]):
                return True
            i += 1
            steps += 1
        return False
