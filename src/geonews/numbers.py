"""Shared number reading for the money and percentage plugins.

Patterns are exported as regex *source strings* (named groups are left to the caller) so that a
plugin can embed them in its own compiled pattern; every repetition in them is bounded.

- ``DIGITS``: "1,234.5", "12,34,567.89" (Indian grouping), "10 000" (space thousands), ".5", "7".
- ``WORDS``: spelled-out numbers up to a few words: "five", "twenty-one", "one hundred and two",
  "two and a half", "half a", "a" (only before a scale word), "one point three".
- ``NUMBER``: either of them.
- ``SCALE``: thousand, million, billion, trillion, crore, lakh and the suffixes k, m, mn, bn, tn
  (``SCALE_ATTACHED`` adds the one-letter suffixes "M", "B", "T" that only count when attached).

``parse_number`` reads a matched number, ``scale_factor`` a matched scale word.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from functools import cache, cached_property
from typing import Any

import regex

from geonews.plaintext import has_odd_case, is_plain, plain_twin
from geonews.wordtrie import trie

__all__ = [
    "DIGITS",
    "NUMBER",
    "SCALE",
    "SCALE_ATTACHED",
    "WORDS",
    "Subjects",
    "direction_of",
    "parse_number",
    "parse_quantity",
    "plain_filter",
    "qualifier_before",
    "scale_factor",
    "scaled",
]


_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORDS: dict[str, int] = dict(_UNITS)  # "one" -> 1 ... "ninety" -> 90, for other modules

_SCALES = {
    "hundred": 100.0,
    "thousand": 1e3,
    "k": 1e3,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "million": 1e6,
    "millions": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "crore": 1e7,
    "crores": 1e7,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "t": 1e12,
}

_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
_BIG = r"hundred|thousand|million|billion|trillion"
_W = rf"(?:{_UNIT_ALT})"
_SEP = r"(?:[\s-]{1,2}(?:and[\s-]{1,2})?)"

DIGITS = (
    r"(?:(?<![\w.,])|(?<=\$US|Fr\.|Rs\.))(?<!\d\s\.\s)(?<!/)(?<!/\s)(?:"
    r"\d{1,2}(?:,\d\d){1,4},\d{3}(?:\.\d+)?"  # Indian grouping 12,34,567.89
    r"|\d{1,3}(?:,\d{3}){1,5}(?:\.\d{1,6})?"
    r"|\d{1,3}(?:\u00a0\d{3}){1,4}(?![\d.,])"
    r"|\d{1,3}(?: \d{3}){1,4}(?![\d.,])(?=\s?(?:dollars|euros|pounds|yen|rupees|yuan))"
    r"|\d{1,15}(?:\.\d{1,6})?"
    r"|\.\d{1,6}"
    r")(?![\d,]\d)(?!\s?/\s?\d)"
)
# a spelled-out number: a word number with optional further words, or "a"/"half a" before a
# scale word; "one point three"; "one and a half"
WORDS = (
    r"(?i:\b(?:"
    rf"{_W}(?:{_SEP}(?:{_W}|{_BIG})){{0,6}}(?:\s(?:point|and\sa\shalf)(?:\s{_W}){{0,3}})?"
    r"(?:\sand\sa\shalf)?"
    rf"|(?:half\s)?an?(?=[\s-](?:{_BIG})\b)(?:[\s-](?:hundred|thousand)(?=[\s-]))?"
    r")\b)"
)
NUMBER = rf"(?:{DIGITS}|{WORDS})"
SCALE = (
    r"(?i:(?:(?:lakh|thousand|hundred)\s)?crores?|thousand\s(?:million|billion)"
    r"|thousand|million|billion|trillion|lakhs?|mln|bln|mn|bn|trn|tn|m|k)\b"
)
SCALE_ATTACHED = r"(?:[mkMKBT]|bn|mn|tn)\b"

# stdlib ``re``: these classes mean the same in both engines, and ``re`` is called faster
_TOKEN = re.compile(r"[a-z]+|\d[\d,.]*|\.\d+")
_WORDY = re.compile(r"[a-z]")


def _parse_words(text: str) -> float | None:
    tokens = _TOKEN.findall(text.lower().replace("-", " "))
    total = 0.0
    current = 0.0
    seen = False
    decimal: list[str] | None = None
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        i += 1
        if decimal is not None:
            if tok in _UNITS and _UNITS[tok] < 10:
                decimal.append(str(_UNITS[tok]))
                continue
            return None
        if tok in _UNITS:
            current += _UNITS[tok]
            seen = True
        elif tok in ("a", "an"):
            if current == 0:
                current = 1
                seen = True
        elif tok == "half":
            current = current + 0.5 if current else 0.5
            seen = True
        elif tok == "and":
            continue
        elif tok == "point":
            decimal = []
        elif tok == "hundred":
            current = (current or 1) * 100
            seen = True
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0
            seen = True
        else:
            return None
    if not seen:
        return None
    value = total + current
    if decimal:
        value += float("0." + "".join(decimal))
    return value


def parse_number(text: str) -> float | None:
    """Read a number matched by ``NUMBER``: "1,234.5" -> 1234.5, "twenty-one" -> 21.

    Returns None for text that is not a number.
    """
    s = text.strip()
    if not s:
        return None
    if not _WORDY.search(s.lower()):
        s = s.replace(",", "").replace("\u00a0", "").replace(" ", "")
        try:
            return float(s)
        except ValueError:
            return None
    return _parse_words(s)


def scale_factor(word: str | None) -> float:
    """The factor of a scale word or suffix ("bn" -> 1e9); 1.0 for None or an unknown word."""
    if not word:
        return 1.0
    factor = 1.0
    for w in word.lower().split():
        factor *= _SCALES.get(w, 1.0)
    return factor


def parse_quantity(number: str, scale: str | None = None) -> float | None:
    """A number with an optional scale: ("1.5", "bn") -> 1.5e9; integral results become exact."""
    n = parse_number(number)
    if n is None:
        return None
    return scaled(n, scale_factor(scale))


def scaled(number: float, factor: float) -> float:
    """``number * factor`` (a parsed number and a scale factor), exact when it is integral."""
    value = number * factor
    r = round(value)
    if abs(value - r) < 1e-9 * max(1.0, abs(value)):
        return float(r)
    return round(value, 10)


# --- the context of a figure: qualifier, direction of change, subject phrase -------------------

_QUALIFIER_SOURCE = (
    r"(?i)\b(?P<q>more\sthan|less\sthan|fewer\sthan|just\sover|just\sunder|well\sover|over|under|"
    r"about|around|nearly|almost|approximately|roughly|some|up\sto|at\sleast|at\smost|"
    r"exceeding|in\sexcess\sof|upwards\sof|above|below|as\smuch\sas|as\slittle\sas|"
    r"as\shigh\sas|as\slow\sas|close\sto|an\sestimated|estimated|only|just|almost|barely|"
    r"a\sfurther|another|an\sadditional|approx\.?|c\.|circa)\s{1,3}(?:of\s)?(?:a\s)?$"
)
_QUALIFIER = regex.compile(_QUALIFIER_SOURCE)
# The same pattern searched backwards from its end, where ``$`` ties every match: it finds one
# (not always the same) exactly when the forward search does, since the pattern has no atomic
# group, possessive or lazy quantifier; it fails at once at a place where no qualifier ends,
# where the forward search tries every start of the window.
_QUALIFIER_BACKWARDS = regex.compile(_QUALIFIER_SOURCE, regex.REVERSE)
_QUAL_NORM = {
    "approx": "approximately",
    "approx.": "approximately",
    "c.": "about",
    "circa": "about",
}


def qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """The qualifier right before ``start`` ("more than", "about", "up to") and where it starts.

    Returns ``(None, start)`` when there is none.
    """
    lo = max(0, start - 30)
    if _QUALIFIER_BACKWARDS.search(text, lo, start) is None:
        return None, start
    m = _QUALIFIER.search(text, lo, start)
    if m is None:
        return None, start
    q = " ".join(m.group("q").lower().split())
    return _QUAL_NORM.get(q, q), m.start()


# the verbs of a change (each word whole: the patterns below and the word scan of Subjects agree)
_UP_WORDS = (
    "rose rise rises risen rising grew grow grows grown growing increase increased increases "
    "increasing jump jumped jumps jumping climb climbed climbs climbing gain gained gains gaining "
    "surge surged surges surging soar soared soars soaring rocket rocketed rockets rocketing leapt "
    "leap leaped leaps leaping boost boosted boosts boosting raise raised raises raising expand "
    "expanded expands expanding up higher added advanced rebounded widened"
).split()
_DOWN_WORDS = (
    "fell fall falls fallen falling drop dropped drops dropping decline declined declines "
    "declining decrease decreased decreases decreasing slump slumped slumps slumping slid slide "
    "slides sliding plunge plunged plunges plunging tumble tumbled tumbles tumbling shrank shrink "
    "shrinks shrunk contract contracted contracts contracting cut cuts cutting reduce reduced "
    "reduces reducing lower lowered lost lose loses losing down sank sink dipped dip eased "
    "devalued narrowed slipped slashed plummet plummeted plummets plummeting weakened"
).split()
_UP = trie(_UP_WORDS)
_DOWN = trie(_DOWN_WORDS)
_VERB_BEFORE = regex.compile(
    rf"(?i)\b(?:(?P<up>{_UP})|(?P<down>{_DOWN}))"
    r"(?P<by>\s{1,3}(?:by|of))?(?:\s{1,3}(?:an?\s)?(?:[\w-]{1,20}\s){0,2}?)?\s{0,3}$"
)
_LEVEL_BEFORE = regex.compile(r"(?i)\b(?:to|from|at)\s{1,3}$")
_NOUN_AFTER = regex.compile(
    r"(?i)(?:[\s-]{1,2}(?:year[\s-]on[\s-]year|annual|quarterly|monthly)){0,1}[\s-]{1,2}"
    r"(?:(?P<up>rise|increase|gain|jump|growth|surge|hike|boost|climb|uplift|premium)"
    r"|(?P<down>fall|drop|decline|decrease|cut|reduction|slump|loss|slide|dip|discount))\b"
)


def direction_of(text: str, start: int, end: int, sent_start: int, sent_end: int) -> str | None:
    """ "increase" / "decrease" when the sentence presents the figure as a change ("grew by 9.4%",
    "fell 3 per cent", "down 2%", "a 5% rise"), None for a level ("rose to 5%") or no verb."""
    lo = max(sent_start, start - 40)
    before = text[lo:start]
    if _LEVEL_BEFORE.search(before):
        return None
    m = _VERB_BEFORE.search(before)
    if m is not None:
        return "increase" if m.group("up") else "decrease"
    n = _NOUN_AFTER.match(text, end, min(sent_end, end + 40))
    if n is not None:
        return "increase" if n.group("up") else "decrease"
    return None


# the verbs that state a figure, and the auxiliaries that may come before them ("has been cut")
_STATE_WORDS = (
    "was were is are worth cost costs totaled totalled reached stood amounted accounted valued hit "
    "closed ended finished opened traded earned made paid spent raised posted reported recorded "
    "registered saw seen sees see showed shown shows experienced exceeded topped doubled tripled "
    "trebled quadrupled"
).split()
_AUX_WORDS = "has have had was were is are will would could may might".split()
_CLAUSE_WORDS = (
    "that said says while whereas but after when since because although though where which"
).split()
_VERB_WORDS = _UP_WORDS + _DOWN_WORDS + _STATE_WORDS
_SUBJECT_VERB = regex.compile(
    rf"(?i)\b(?:(?:{trie(_AUX_WORDS)})\s{{1,3}}(?:been\s{{1,3}}|be\s{{1,3}})?)?"
    rf"(?:{trie(_VERB_WORDS)})\b"
)
_CLAUSE_PUNCT_CHARS = ',;:("“'
_CLAUSE_PUNCT = rf"[{_CLAUSE_PUNCT_CHARS}]\s{{0,3}}"
_CLAUSE_START = regex.compile(rf"(?i)(?:{_CLAUSE_PUNCT}|\b(?:{trie(_CLAUSE_WORDS)})\s{{1,3}})")
_NOUN_USE = regex.compile(r"(?i)(?:\b(?:a|an|the|its|their|fold)|%|\bcent|\d)[\s-]{1,2}$")
_NOT_SUBJECT = regex.compile(r"[\d%$£€¥(),;:\"“”]|\s[-–—]\s")
_PRONOUNS = frozenset("it they he she we i you there this that these those which who what".split())
_AUX = frozenset(
    "could can will would may might must should shall to has have had is was are were be been "
    "being the a an of and or but".split()
)
_LEAD = regex.compile(r"(?i)(?:the|a|an|its|their|his|her|this|that|these|those)\s+")

# The same verbs and clause starts in a plain text (see geonews.plaintext), lowercased: one
# stdlib pass finds the clause punctuation and the whole words of the patterns (see _key_words)
_VERB_SET = frozenset(_VERB_WORDS)
_AUX_SET = frozenset(_AUX_WORDS)
_CLAUSE_SET = frozenset(_CLAUSE_WORDS)
_PLAIN_KEYS = re.compile(
    rf"{_CLAUSE_PUNCT}|\b(?:{trie(sorted(_VERB_SET | _AUX_SET | _CLAUSE_SET))})\b"
)
_PLAIN_AUX_TAIL = re.compile(rf"\s{{1,3}}(?:been\s{{1,3}}|be\s{{1,3}})?(?:{trie(_VERB_WORDS)})\b")
_PLAIN_GAP = re.compile(r"\s{1,3}")


def _key_words(low: str, start: int, end: int) -> tuple[list[int], list[int], list[int]]:
    """What the _SUBJECT_VERB and _CLAUSE_START scans of ``[start, end)`` find in a plain text,
    from ``low``, its lowercased copy: same offsets, and in a plain text lowercasing does what
    the patterns' case folding does, and the stdlib classes match what ``regex``'s do.

    Exact because every word of the patterns is a whole word (``\\b`` or the whitespace that
    must follow ends it): no two of them overlap, nor a word and the whitespace a punctuation
    mark takes, and only one alternative matches a word, whatever their order. A verb match
    starts at an auxiliary when the rest of _SUBJECT_VERB (_PLAIN_AUX_TAIL) matches after it,
    else at a verb alone, as the pattern backtracks; the next one starts after it.
    """
    v_starts: list[int] = []
    v_ends: list[int] = []
    bounds: list[int] = []
    following = start  # where the next verb match may start
    for m in _PLAIN_KEYS.finditer(low, start, end):
        s, e = m.span()
        word = m.group()
        if word[0] in _CLAUSE_PUNCT_CHARS:
            bounds.append(e)
            continue
        if word in _CLAUSE_SET:
            gap = _PLAIN_GAP.match(low, e, end)
            if gap is not None:
                bounds.append(gap.end())
        if s < following:
            continue
        tail = _PLAIN_AUX_TAIL.match(low, e, end) if word in _AUX_SET else None
        if tail is not None:
            e = tail.end()
        elif word not in _VERB_SET:
            continue
        v_starts.append(s)
        v_ends.append(e)
        following = e
    return v_starts, v_ends, bounds


class Subjects:
    """Finds the subject phrase of the clause that states a figure: in "trade between Russia and
    Peru grew by 9.4 percent" the span of "trade between Russia and Peru".

    Verbs and clause boundaries are found once per sentence and cached, so that many figures in
    one sentence cost one pass over it.
    """

    def __init__(self, text: str, plain: bool | None = None) -> None:
        """``plain``: whether ``text`` is plain (:func:`geonews.plaintext.is_plain`), when the
        caller knows; else it is found out when first needed."""
        self.text = text
        self._plain = plain
        self._cache: dict[int, tuple[list[int], list[int], list[int]]] = {}

    @cached_property
    def _low(self) -> str | None:
        """The lowercased text when it is plain (see :func:`_key_words`), else None."""
        plain = is_plain(self.text) if self._plain is None else self._plain
        return self.text.lower() if plain else None

    def _sentence(self, sent_start: int, sent_end: int) -> tuple[list[int], list[int], list[int]]:
        got = self._cache.get(sent_start)
        if got is None:
            if self._low is not None:
                got = _key_words(self._low, sent_start, sent_end)
            else:
                verbs = list(_SUBJECT_VERB.finditer(self.text, sent_start, sent_end))
                bounds = [b.end() for b in _CLAUSE_START.finditer(self.text, sent_start, sent_end)]
                got = ([v.start() for v in verbs], [v.end() for v in verbs], bounds)
            self._cache[sent_start] = got
        return got

    def before(self, start: int, sent_start: int, sent_end: int) -> tuple[int, int] | None:
        """The subject span for a figure at ``start`` in sentence ``[sent_start, sent_end)``."""
        if not sent_start <= start <= sent_end:
            sent_start, sent_end = max(0, start - 200), start
        v_starts, v_ends, bounds = self._sentence(sent_start, sent_end)
        lo = max(sent_start, start - 200)
        i = bisect.bisect_right(v_ends, start) - 1
        # "a seven fold increase", "a 5% rise": a noun, not the clause's verb
        while i >= 0 and _NOUN_USE.search(self.text, max(0, v_starts[i] - 16), v_starts[i]):
            i -= 1
        if i < 0 or v_starts[i] < lo:
            return None
        verb_start = v_starts[i]
        j = bisect.bisect_left(bounds, verb_start) - 1
        cs = bounds[j] if j >= 0 and bounds[j] >= lo else lo
        phrase = self.text[cs:verb_start]
        stripped = phrase.strip()
        if not stripped or len(stripped) > 100:
            return None
        s = cs + (len(phrase) - len(phrase.lstrip()))
        e = s + len(stripped)
        lead = _LEAD.match(self.text, s, e)
        if lead is not None and lead.end() < e:
            s = lead.end()
        words = self.text[s:e].split()
        if (
            not words
            or len(words) > 8
            or _NOT_SUBJECT.search(self.text, s, e)
            or words[0].lower() in _PRONOUNS
            or words[-1].lower() in _AUX
        ):
            return None
        return (s, e)


# Where a number can begin: a run of digits, a currency sign, or a number word (as a trie, so a
# failed attempt costs one step per character). Patterns whose matches always hold a number near
# their start are tried only around these places (see scan_numbers): several times faster than
# letting a large alternation try every position. Document.number_starts computes them once per
# article for every plugin.


_SIGNS = "$€£¥₹₽₩₺₪₦₱₴₫฿元₡₾₭"  # the currency signs a number may begin with
_NUMBER_TRIGGER = regex.compile(
    rf"\d+|[{_SIGNS}]|\b(?i:"
    + trie(sorted(_UNITS))
    + r"|(?:half\s)?an?(?=[\s-](?:hundred|thousand|million|billion|trillion)\b))\b"
)


# The same places found faster, in two stdlib ``re`` passes (digits and signs, then words),
# merged: a word never holds a digit or a sign, so the two kinds of match never overlap. Both
# patterns begin with a character class, which ``re`` scans for quickly: a digit run is matched
# from its first digit on (a digit preceded by a digit is never tried, as the run was taken), and
# the word pass takes the character before the word, on " " + the lowercased text (when
# lowercasing keeps every offset): an ASCII boundary test, a superset of the real one; each hit
# is confirmed with _NUMBER_TRIGGER itself. In a text of Latin-1 characters (which encodes to
# Latin-1 dropping none) the only decimal digits are 0-9, a class that ``re`` tests with a
# bitmap, twice as fast as the Unicode category of ``\d``.
_DIGIT_TRIGGER = re.compile(rf"[\d{_SIGNS}](?:(?<=\d)\d*)?")
_LATIN1_DIGIT_TRIGGER = re.compile(rf"[0-9{_SIGNS}](?:(?<=[0-9])[0-9]*)?")
_WORD_CANDIDATE = re.compile(
    r"[^a-z0-9_](?:"
    + trie(sorted(_UNITS))
    + r"|(?:half\s)?an?(?=[\s-](?:hundred|thousand|million|billion|trillion)))"
)


def number_starts(text: str) -> tuple[int, ...]:
    """Where a number may begin in ``text``: digit runs, currency signs, number words."""
    low = " " + text.lower()  # a word at text[i] is matched from low[i], the character before it
    if len(low) != len(text) + 1 or has_odd_case(text):
        return tuple(m.start() for m in _NUMBER_TRIGGER.finditer(text))
    words: list[int] = []
    pos = 0
    while (c := _WORD_CANDIDATE.search(low, pos)) is not None:
        m = _NUMBER_TRIGGER.match(text, c.start())
        if m is not None and m.end() > m.start():
            words.append(c.start())
            pos = m.end()
        else:
            pos = c.start() + 1
    latin1 = text.isascii() or len(text.encode("latin-1", "ignore")) == len(text)
    digit_trigger = _LATIN1_DIGIT_TRIGGER if latin1 else _DIGIT_TRIGGER
    digits = [m.start() for m in digit_trigger.finditer(text)]
    return tuple(sorted(digits + words) if words else digits)


@cache
def plain_filter(pattern: regex.Pattern[str]) -> re.Pattern[str]:
    """A stdlib ``re`` test for where ``pattern`` matches in a plain text (see
    :mod:`geonews.plaintext`): its plain twin, with the named groups made plain groups (``re``
    refuses a name used twice; a pattern without back-references matches the same without
    them). ``re`` tries a position two or three times faster than ``regex``, so a scan asks it
    first, and ``pattern`` only where it matches (for the groups). Compiled on first use (a
    large pattern takes ``re`` some milliseconds), once per pattern."""
    source = pattern.pattern
    if "(?P=" in source or re.search(r"\\[1-9]", source) is not None:
        raise ValueError("a pattern with back-references has no plain filter")
    flags = pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)
    return plain_twin(re.sub(r"(?<!\\)\(\?P<\w+>", "(?:", source), flags)


def scan_numbers(
    pattern: regex.Pattern[str],
    text: str,
    starts: Iterable[int],
    lookback: int = 12,
    lead: str | None = None,
    plain: re.Pattern[str] | None = None,
) -> Iterator[Any]:
    """The matches of ``pattern`` in ``text``, like ``finditer``, for patterns whose every match
    holds a number start (from :func:`number_starts`) within ``lookback`` characters of its own
    start.

    Candidate starts are the token starts up to ``lookback`` characters before each number
    start, tried in order with ``pattern.match``; matches never overlap, as with ``finditer``.
    ``lead``, when given, holds every character that a match starting anywhere but at a number
    start can begin with (a sign, a currency symbol...): other token starts are not tried.
    ``plain``, the :func:`plain_filter` of ``pattern``, is for a plain text only: where it does
    not match, neither does ``pattern``.
    """
    pos = 0
    tried = -1
    for p in starts:
        if p < pos:
            continue
        for q in range(max(pos, tried + 1, p - lookback), p + 1):
            if q != p and (
                (q > 0 and text[q - 1].isalnum()) or (lead is not None and text[q] not in lead)
            ):
                continue  # only token starts (and the number itself) can start a match
            if plain is not None and plain.match(text, q) is None:
                continue
            m = pattern.match(text, q)
            if m is not None and m.end() > m.start():
                yield m
                pos = m.end()
                break
        tried = max(tried, p)
