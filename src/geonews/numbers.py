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
from collections.abc import Iterable, Iterator, Sequence
from functools import cache, cached_property
from typing import Any

import regex

from geonews.mentions import MentionIndex
from geonews.plaintext import has_odd_case, is_plain, plain_twin
from geonews.types import Entity
from geonews.wordtrie import trie

__all__ = [
    "DIGITS",
    "NUMBER",
    "SCALE",
    "SCALE_ATTACHED",
    "WORDS",
    "Figures",
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
# The same as a trie, for stdlib ``re`` (see plain_filter), where a failed attempt then costs
# one step per character, not one per word (``regex`` compiles the alternation faster, and
# runs both alike): at a place, the words that match are each a prefix of the next (case
# folding maps one letter to one), and the trie tries the longest first, as the alternation
# of the words longest first does.
_W_TRIE = rf"(?:{trie(sorted(_UNITS))})"
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

_Pattern = regex.Pattern[str] | re.Pattern[str]
_Match = regex.Match[str] | re.Match[str]

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

# Twins for a plain text (see Figures): each pattern below is case-insensitive and has only
# lowercase letters, so that without the flag it finds the same in the lowercased copy of a
# plain text, with stdlib ``re``, faster. A pattern that begins with ``\b`` before a word (a
# letter) begins instead with the character before the word, none of [a-z0-9_]: ``re`` scans
# for such a class quickly, where it tries ``\b`` at every position; the text searched then
# has a space before its first character, which stands for the start of the text.
_BEFORE_WORD = "[^a-z0-9_]"

_QUALIFIER_WORDS = (
    r"(?P<q>more\sthan|less\sthan|fewer\sthan|just\sover|just\sunder|well\sover|over|under|"
    r"about|around|nearly|almost|approximately|roughly|some|up\sto|at\sleast|at\smost|"
    r"exceeding|in\sexcess\sof|upwards\sof|above|below|as\smuch\sas|as\slittle\sas|"
    r"as\shigh\sas|as\slow\sas|close\sto|an\sestimated|estimated|only|just|almost|barely|"
    r"a\sfurther|another|an\sadditional|approx\.?|c\.|circa)\s{1,3}(?:of\s)?(?:a\s)?$"
)
_QUALIFIER_SOURCE = r"\b" + _QUALIFIER_WORDS
_QUALIFIER = regex.compile(_QUALIFIER_SOURCE, regex.IGNORECASE)
# The same pattern searched backwards from its end, where ``$`` ties every match: it finds one
# (not always the same) exactly when the forward search does, since the pattern has no atomic
# group, possessive or lazy quantifier; it fails at once at a place where no qualifier ends,
# where the forward search tries every start of the window.
_QUALIFIER_BACKWARDS = regex.compile(_QUALIFIER_SOURCE, regex.IGNORECASE | regex.REVERSE)
_PLAIN_QUALIFIER = plain_twin(_BEFORE_WORD + _QUALIFIER_WORDS)
_QUAL_NORM = {
    "approx": "approximately",
    "approx.": "approximately",
    "c.": "about",
    "circa": "about",
}


def _qualifier(m: _Match) -> str:
    q = " ".join(m.group("q").lower().split())
    return _QUAL_NORM.get(q, q)


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
    return _qualifier(m), m.start()


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
_LEVEL_WORDS = ("to", "from", "at")
_LEVEL_BEFORE = rf"(?:{'|'.join(_LEVEL_WORDS)})\s{{1,3}}$"
# a _LEVEL_BEFORE match starts at most this far from the end of the text searched: the character
# before the word (in a plain twin), the word, its whitespace and a newline that "$" may precede
_LEVEL_READ = 1 + max(map(len, _LEVEL_WORDS)) + 3 + 1
_CHANGE_BEFORE = (
    rf"(?:(?P<up>{_UP})|(?P<down>{_DOWN}))"
    r"(?P<by>\s{1,3}(?:by|of))?(?:\s{1,3}(?:an?\s)?(?:[\w-]{1,20}\s){0,2}?)?\s{0,3}$"
)
_NOUN_AFTER = (
    r"(?:[\s-]{1,2}(?:year[\s-]on[\s-]year|annual|quarterly|monthly)){0,1}[\s-]{1,2}"
    r"(?:(?P<up>rise|increase|gain|jump|growth|surge|hike|boost|climb|uplift|premium)"
    r"|(?P<down>fall|drop|decline|decrease|cut|reduction|slump|loss|slide|dip|discount))\b"
)
_DIRECTION = tuple(
    regex.compile(s, regex.IGNORECASE)
    for s in (r"\b" + _LEVEL_BEFORE, r"\b" + _CHANGE_BEFORE, _NOUN_AFTER)
)
_PLAIN_DIRECTION = tuple(
    plain_twin(s)
    for s in (_BEFORE_WORD + _LEVEL_BEFORE, _BEFORE_WORD + _CHANGE_BEFORE, _NOUN_AFTER)
)


def direction_of(text: str, start: int, end: int, sent_start: int, sent_end: int) -> str | None:
    """ "increase" / "decrease" when the sentence presents the figure as a change ("grew by 9.4%",
    "fell 3 per cent", "down 2%", "a 5% rise"), None for a level ("rose to 5%") or no verb."""
    return _direction(_DIRECTION, "", text, start, end, sent_start, sent_end)


def _direction(
    patterns: tuple[_Pattern, ...],
    lead: str,
    text: str,
    start: int,
    end: int,
    sent_start: int,
    sent_end: int,
) -> str | None:
    """:func:`direction_of` with the given patterns, the window before the figure searched with
    ``lead`` before it."""
    level_before, verb_before, noun_after = patterns
    before = lead + text[max(sent_start, start - 40) : start]
    if level_before.search(before, max(0, len(before) - _LEVEL_READ)):
        return None
    m = verb_before.search(before)
    if m is not None:
        return "increase" if m.group("up") else "decrease"
    n = noun_after.match(text, end, min(sent_end, end + 40))
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
_CLAUSE_PUNCT = r'[,;:("“]\s{0,3}'
_CLAUSE_START = regex.compile(rf"(?i)(?:{_CLAUSE_PUNCT}|\b(?:{trie(_CLAUSE_WORDS)})\s{{1,3}})")
# the tests of a subject phrase, case-insensitive with only lowercase letters (see _DIRECTION)
_NOUN_USE_SOURCE = r"(?:\b(?:a|an|the|its|their|fold)|%|\bcent|\d)[\s-]{1,2}$"
_LEAD_SOURCE = r"(?:the|a|an|its|their|his|her|this|that|these|those)\s+"
_NOT_SUBJECT_SOURCE = r"[\d%$£€¥(),;:\"“”]|\s[-–—]\s"
_SUBJECT_SOURCES = (_NOUN_USE_SOURCE, _LEAD_SOURCE, _NOT_SUBJECT_SOURCE)
_SUBJECT_TESTS = tuple(regex.compile(s, regex.IGNORECASE) for s in _SUBJECT_SOURCES)
_PLAIN_SUBJECT_TESTS = tuple(plain_twin(s) for s in _SUBJECT_SOURCES)
_PRONOUNS = frozenset("it they he she we i you there this that these those which who what".split())
_AUX = frozenset(
    "could can will would may might must should shall to has have had is was are were be been "
    "being the a an of and or but".split()
)

# The same verbs and clause starts in a plain text (see geonews.plaintext), lowercased: two
# stdlib passes find the clause punctuation and the whole words of the patterns (see _key_words)
_VERB_SET = frozenset(_VERB_WORDS)
_AUX_SET = frozenset(_AUX_WORDS)
_CLAUSE_SET = frozenset(_CLAUSE_WORDS)
_PLAIN_PUNCT = re.compile(_CLAUSE_PUNCT)
_KEY_SET = _VERB_SET | _AUX_SET | _CLAUSE_SET
# a key word with the character before it, which ``\b`` asks to be no word character (in a
# lowercased plain text, one of [a-z0-9_]): a pattern that begins with a character class, which
# ``re`` scans for far faster than it tries ``\b`` at every position
_PLAIN_KEY_WORD = re.compile(rf"[^a-z0-9_]({trie(sorted(_KEY_SET))})\b")
# the word that begins the text, which has no character before it: a key word is found there
# when it is all of it, as ``\b`` must follow the key word
_PLAIN_FIRST_WORD = re.compile(r"([a-z0-9_]+)")
_PLAIN_AUX_TAIL = re.compile(rf"\s{{1,3}}(?:been\s{{1,3}}|be\s{{1,3}})?(?:{trie(_VERB_WORDS)})\b")
_PLAIN_GAP = re.compile(r"\s{1,3}")


def _plain_key_words(low: str, start: int, end: int) -> list[re.Match[str]]:
    """The key words (of ``_KEY_SET``) that ``\\b(?:KEY WORDS)\\b`` finds in ``low[start:end]``,
    as matches whose group 1 is the word, in order: the same, as a word holds no character of
    the one before."""
    words = list(_PLAIN_KEY_WORD.finditer(low, max(0, start - 1), end))
    if start == 0 and (first := _PLAIN_FIRST_WORD.match(low, 0, end)) and first[1] in _KEY_SET:
        words.insert(0, first)
    return words


def _key_words(low: str, start: int, end: int) -> tuple[list[int], list[int], list[int]]:
    """What the _SUBJECT_VERB and _CLAUSE_START scans of ``[start, end)`` find in a plain text,
    from ``low``, its lowercased copy: same offsets, and in a plain text lowercasing does what
    the patterns' case folding does, and the stdlib classes match what ``regex``'s do.

    Exact because every word of the patterns is a whole word (``\\b`` or the whitespace that
    must follow ends it): no two of them overlap, nor a word and the punctuation mark and
    whitespace of a clause start, so the words and the punctuation are found apart, and only
    one alternative matches a word, whatever their order. A verb match starts at an auxiliary
    when the rest of _SUBJECT_VERB (_PLAIN_AUX_TAIL) matches after it, else at a verb alone, as
    the pattern backtracks; the next one starts after it. A clause starts after each mark (and
    its whitespace) and each clause word and its whitespace: both in order, so sorted together.
    """
    v_starts: list[int] = []
    v_ends: list[int] = []
    bounds = [m.end() for m in _PLAIN_PUNCT.finditer(low, start, end)]
    marks = len(bounds)
    following = start  # where the next verb match may start
    for m in _plain_key_words(low, start, end):
        s, e = m.span(1)
        word = m.group(1)
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
    if 0 < marks < len(bounds):
        bounds.sort()
    return v_starts, v_ends, bounds


class Subjects:
    """Finds the subject phrase of the clause that states a figure: in "trade between Russia and
    Peru grew by 9.4 percent" the span of "trade between Russia and Peru".

    Verbs and clause boundaries are found once per sentence and cached, so that many figures in
    one sentence cost one pass over it.
    """

    def __init__(self, text: str, plain: bool | None = None, low: str | None = None) -> None:
        """``plain``: whether ``text`` is plain (:func:`geonews.plaintext.is_plain`), when the
        caller knows; else it is found out when first needed. ``low``: ``text.lower()``, when
        the caller has it."""
        self.text = text
        self._plain = plain
        self._given_low = low
        self._cache: dict[tuple[int, int], tuple[list[int], list[int], list[int]]] = {}

    @cached_property
    def _low(self) -> str | None:
        """The lowercased text when it is plain (see :func:`_key_words`), else None."""
        if not (is_plain(self.text) if self._plain is None else self._plain):
            return None
        return self.text.lower() if self._given_low is None else self._given_low

    def _sentence(self, sent_start: int, sent_end: int) -> tuple[list[int], list[int], list[int]]:
        got = self._cache.get((sent_start, sent_end))
        if got is None:
            if self._low is not None:
                got = _key_words(self._low, sent_start, sent_end)
            else:
                verbs = list(_SUBJECT_VERB.finditer(self.text, sent_start, sent_end))
                bounds = [b.end() for b in _CLAUSE_START.finditer(self.text, sent_start, sent_end)]
                got = ([v.start() for v in verbs], [v.end() for v in verbs], bounds)
            self._cache[sent_start, sent_end] = got
        return got

    def before(self, start: int, sent_start: int, sent_end: int) -> tuple[int, int] | None:
        """The subject span for a figure at ``start`` in sentence ``[sent_start, sent_end)``."""
        if not sent_start <= start <= sent_end:
            sent_start, sent_end = max(0, start - 200), start
        v_starts, v_ends, bounds = self._sentence(sent_start, sent_end)
        # in a plain text, the stdlib twins of the tests on its lowercased copy (see Figures)
        scan, (noun_use, lead, not_subject) = (
            (self.text, _SUBJECT_TESTS) if self._low is None else (self._low, _PLAIN_SUBJECT_TESTS)
        )
        lo = max(sent_start, start - 200)
        i = bisect.bisect_right(v_ends, start) - 1
        # "a seven fold increase", "a 5% rise": a noun, not the clause's verb
        while i >= 0 and noun_use.search(scan, max(0, v_starts[i] - 16), v_starts[i]):
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
        m = lead.match(scan, s, e)
        if m is not None and m.end() < e:
            s = m.end()
        words = scan[s:e].split()
        if (
            not words
            or len(words) > 8
            or not_subject.search(scan, s, e)
            or words[0].lower() in _PRONOUNS
            or words[-1].lower() in _AUX
        ):
            return None
        return (s, e)


class Figures:
    """What the money and percentage plugins ask about the figures of one article (its masked
    text): qualifier, direction of change and subject phrase, the lowercased text and the index
    of the entities' mentions. One per Document (:attr:`geonews.document.Document.figures`), so
    that the plugins share the sentence scans, the lowercasing and the index."""

    def __init__(self, text: str, plain: bool) -> None:
        """``plain``: whether ``text`` is plain (:func:`geonews.plaintext.is_plain`)."""
        self.text = text
        self.plain = plain
        self._mentions: tuple[tuple[Entity, ...], MentionIndex] | None = None

    def mentions(self, entities: Sequence[Entity]) -> MentionIndex:
        """The :class:`MentionIndex` of ``entities``, which link a subject phrase. The host gives
        both plugins the same tuple of entities, which are frozen: it is indexed once."""
        if not isinstance(entities, tuple):
            return MentionIndex(entities)
        if self._mentions is None or self._mentions[0] is not entities:
            self._mentions = (entities, MentionIndex(entities))
        return self._mentions[1]

    @cached_property
    def low(self) -> str:
        """``text.lower()``."""
        return self.text.lower()

    @cached_property
    def _spaced_low(self) -> str:
        """ " " + the lowercased text: its character ``i`` is the one before ``text[i]``."""
        return " " + self.low

    @cached_property
    def subjects(self) -> Subjects:
        return Subjects(self.text, self.plain, self.low if self.plain else None)

    def qualifier(self, start: int) -> str | None:
        """The qualifier of :func:`qualifier_before` ``start``; in a plain text, from its stdlib
        twin on the lowercased text."""
        if not self.plain:
            return qualifier_before(self.text, start)[0]
        m = _PLAIN_QUALIFIER.search(self._spaced_low, max(0, start - 30), start + 1)
        return None if m is None else _qualifier(m)

    def direction(self, start: int, end: int, sent_start: int, sent_end: int) -> str | None:
        """:func:`direction_of` the figure ``[start, end)``; in a plain text, from its stdlib
        twins on the lowercased text."""
        if self.plain:
            return _direction(_PLAIN_DIRECTION, " ", self.low, start, end, sent_start, sent_end)
        return _direction(_DIRECTION, "", self.text, start, end, sent_start, sent_end)


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


# The same places found faster, in stdlib ``re`` passes (digits and signs, then words), merged:
# a word never holds a digit or a sign, so the two kinds of match never overlap. A digit run is
# matched from its first digit on (a digit preceded by a digit is never tried, as the run was
# taken). In a text of Latin-1 characters (which encodes to Latin-1 dropping none) the only
# decimal digits are 0-9, a class that ``re`` tests with a bitmap, twice as fast as the Unicode
# category of ``\d``.
#
# The word candidates are found on " " + the lowercased text (when lowercasing keeps every
# offset), each with the character before it: an ASCII boundary test, a superset of the real
# one; each is confirmed with _NUMBER_TRIGGER itself, in order, the next tried after the end of
# a confirmed one, as ``finditer`` would. They are the places where
# ``[^a-z0-9_](?:UNIT|(?:half\s)?an?(?=[\s-]SCALE))`` matches, found as its two alternatives
# apart: the units in one pass that begins with a character class, which ``re`` scans for
# quickly; "a", "an", "half a" before a scale word only near the scale words, which are rare in
# news and found with ``str.find`` (trying "a" after every space would double the pass).
_DIGIT_TRIGGER = re.compile(rf"[\d{_SIGNS}](?:(?<=\d)\d*)?")
_LATIN1_DIGIT_TRIGGER = re.compile(rf"[0-9{_SIGNS}](?:(?<=[0-9])[0-9]*)?")
_UNIT_CANDIDATE = re.compile(r"[^a-z0-9_](?:" + trie(sorted(_UNITS)) + ")")
_A_CANDIDATE = re.compile(r"[^a-z0-9_](?:half\s)?an?(?=[\s-](?:" + _BIG + "))")
# each scale word holds one of these, at most 2 characters after its start; an _A_CANDIDATE
# match starts 3 to 9 characters before its scale word (" a million", " half an hundred")
_SCALE_ANCHORS = ("hundred", "thousand", "illion")


def _a_candidates(low: str) -> list[int]:
    """Where ``_A_CANDIDATE`` matches in ``low``: tried 3 to 11 characters before each anchor."""
    found: set[int] = set()
    for anchor in _SCALE_ANCHORS:
        i = low.find(anchor)
        while i >= 0:
            found.update(c for c in range(max(0, i - 11), i - 2) if _A_CANDIDATE.match(low, c))
            i = low.find(anchor, i + 1)
    return sorted(found)


def number_starts(text: str) -> tuple[int, ...]:
    """Where a number may begin in ``text``: digit runs, currency signs, number words."""
    low = " " + text.lower()  # a word at text[i] is matched from low[i], the character before it
    if len(low) != len(text) + 1 or has_odd_case(text):
        return tuple(m.start() for m in _NUMBER_TRIGGER.finditer(text))
    candidates = [c.start() for c in _UNIT_CANDIDATE.finditer(low)]
    if scaled_a := _a_candidates(low):
        candidates = sorted(set(candidates).union(scaled_a))
    words: list[int] = []
    pos = 0
    for c in candidates:
        if c >= pos and (m := _NUMBER_TRIGGER.match(text, c)) is not None and m.end() > c:
            words.append(c)
            pos = m.end()
    latin1 = text.isascii() or len(text.encode("latin-1", "ignore")) == len(text)
    digit_trigger = _LATIN1_DIGIT_TRIGGER if latin1 else _DIGIT_TRIGGER
    digits = [m.start() for m in digit_trigger.finditer(text)]
    return tuple(sorted(digits + words) if words else digits)


# the characters a DIGITS match is made of, and how many of them the ``after`` test of
# plain_filter reads at most (a longer run passes it untested)
_NUMBER_RUN = r"[\d.,\u00a0 ]"
_RUN_READ = 40


@cache
def plain_filter(pattern: regex.Pattern[str], after: str | None = None) -> re.Pattern[str]:
    """A stdlib ``re`` test for where ``pattern`` matches in a plain text (see
    :mod:`geonews.plaintext`): its plain twin, with the named groups made plain groups (``re``
    refuses a name used twice; a pattern without back-references matches the same without
    them), and the unit words of ``NUMBER`` as a trie. ``re`` tries a position two or three
    times faster than ``regex``, so a scan asks it first, and ``pattern`` only where it matches
    (for the groups). Compiled on first use (a large pattern takes ``re`` some milliseconds),
    once per pattern.

    ``after`` (a ``re`` source for a plain text) makes the test reject most digits at once:
    where a match begins with a digit, ``after`` must match at the end of the run of characters
    that a DIGITS match is made of. The caller shows that it does for ``pattern``: typically,
    such a match begins with DIGITS, and what follows it begins with optional whitespace (which
    may have been taken by the run) and a character outside the run. A run longer than
    ``_RUN_READ`` passes untested, so that a test reads a bounded number of characters.
    """
    source = pattern.pattern
    if "(?P=" in source or re.search(r"\\[1-9]", source) is not None:
        raise ValueError("a pattern with back-references has no plain filter")
    flags = pattern.flags & (re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE)
    source = re.sub(r"(?<!\\)\(\?P<\w+>", "(?:", source).replace(_W, _W_TRIE)
    if after is not None:
        run = rf"{_NUMBER_RUN}{{0,{_RUN_READ}}}+(?:{_NUMBER_RUN}|{after})"
        source = rf"(?=(?!\d)|{run})" + source
    return plain_twin(source, flags)


@cache
def _token_starts(lead: str) -> re.Pattern[str]:
    """Where a token begins with a character of ``lead``: stdlib ``re``'s ``[^\\W_]`` is
    ``str.isalnum`` itself (both are ``Py_UNICODE_ISALNUM``), in any text."""
    return re.compile(r"(?<![^\W_])[" + "".join(re.escape(c) for c in sorted(set(lead))) + "]")


def scan_numbers(
    pattern: regex.Pattern[str],
    text: str,
    starts: Iterable[int],
    lookback: int,
    lead: str,
    plain: re.Pattern[str] | None = None,
) -> Iterator[Any]:
    """The matches of ``pattern`` in ``text``, like ``finditer``, for patterns whose every match
    holds a number start (from :func:`number_starts`) within ``lookback`` characters of its own
    start.

    Candidate starts are each number start and, up to ``lookback`` characters before it, the
    token starts (after a character that is not ``str.isalnum``) with a character of ``lead``,
    which holds every character that a match starting anywhere but at a number start can begin
    with (a sign, a currency symbol...). They are tried in order with ``pattern.match``; matches
    never overlap, as with ``finditer``. ``plain``, the :func:`plain_filter` of ``pattern``, is
    for a plain text only: where it does not match, neither does ``pattern``.
    """
    token_start = _token_starts(lead).search
    pos = 0
    tried = -1
    for p in starts:
        if p < pos:
            continue
        lo = max(pos, tried + 1, p - lookback)
        tried = p
        while True:
            # a window of one character needs no search unless it is a lead
            c = token_start(text, lo, p) if lo < p and (lo + 1 < p or text[lo] in lead) else None
            q = p if c is None else c.start()
            if plain is None or plain.match(text, q) is not None:
                m = pattern.match(text, q)
                if m is not None and m.end() > q:
                    yield m
                    pos = m.end()
                    break
            if c is None:
                break
            lo = q + 1
