"""Fast exact replacements for ``finditer`` of the two costliest whole-text patterns.

``BEFORE`` ("Mr Thomas said") and ``ROLE_HOLDER`` ("Tory leader Michael Howard") are large
alternations; letting ``regex``'s ``finditer`` try them at every position of an article costs
microseconds per capitalised word, because most attempts get far into the pattern before they
fail. Each has a cheap necessary condition on where a match can start, found with stdlib ``re``
(tries, possessive quantifiers, character-set prefixes):

* ``BEFORE``: a capital or a determiner/pronoun that leads a name, pronoun or description which
  is followed by a cue verb (after at most three auxiliaries, an apposition or "who"; for a
  name, also after an affiliation such as "of the Bank", as in ``BEFORE``). Names and pronouns
  are tested at every capital and pronoun (``_NAME_SHAPE``);
  descriptions only in the nine words before each role word that such a follower follows
  (:func:`_desc_starts`), as testing every determiner costs far more;
* ``ROLE_HOLDER``: a role word (or its "vice-" prefix), or a capital in the name right before
  a comma that a role word follows within five words (see :func:`role_starts`).

Each condition accepts everything the real pattern does (its character classes loosened,
none of its bounds tightened), so :func:`geonews.prescan.finditer_at`, which tries the real
pattern only at those starts, in order and without overlaps, returns exactly
``pattern.finditer(text)``.
Text with words over 100 characters long (noise) skips the ``BEFORE`` shape tests, which would
otherwise cost time quadratic in the word length.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from geonews.plaintext import has_odd_case
from geonews.wordtrie import trie
from geonews_quotes.cues import CUE_FORMS, DESC_HEADS, NAME_PARTICLES, PERSON_HEADS

__all__ = ["before_starts", "role_starts"]


# Every word of BEFORE's auxiliaries ("has also", "went on to", "on Monday").
_AUX_WORDS = (
    "has have had will would could also later earlier then again further once previously "
    "repeatedly recently privately publicly simply only firmly strongly clearly yesterday today "
    "however since went on to already last week"
).split()
# Up to three auxiliaries and the cue verb: " has also said".
_AUX_CUE_WORDS = (
    r"(?:(?:"
    + trie(_AUX_WORDS)
    + r"|(?:[A-Z]|[^\x00-\x7f])[^\W\d_]*day),?\s+){0,9}(?:"
    + trie({f.split()[0] for f in CUE_FORMS})
    + r")(?![A-Za-z])"
)
_AUX_CUE = r"\s++" + _AUX_CUE_WORDS
# What can follow a subject: the cue, right away or after a comma, an apposition or "who".
# The start tests only ask whether it matches (in a lookahead, or a match tested for None), so
# the alternatives that lead to the cue after a comma, and those after a dash or parenthesis,
# share one copy of it each (every one is still tried with it): the patterns stay small and
# compile fast. An apposition after a comma reads up to the next comma at once, as BEFORE's
# does (see geonews_quotes.patterns._APPOS).
_FOLLOW_CUE = (
    rf"(?:,(?:\s+(?:who|which),?|\s+[^,\n]{{1,120}}+,,?)?{_AUX_CUE}"
    rf"|\s++(?:{_AUX_CUE_WORDS}|(?:[-—–]\s+[^\n]{{1,120}}?\s+[-—–],?"
    rf"|\([^()\n]{{1,30}}\),\s+(?:who|which),?){_AUX_CUE}))"
)
_SP = r"[ \t\u00a0]"
_CAPWORD = r"(?:[A-Z]|[^\x00-\x7f])[^\s,]*+"
# What can follow a name or pronoun: _FOLLOW_CUE, or first an affiliation ("of the Bank of
# England"), written as BEFORE's with its capitalised words loosened. (BEFORE gives none to a
# pronoun or description, whose own affiliation is _DESC_AFFIL.)
_FOLLOW = (
    rf"(?:\s++(?:of|from|at)\s+(?:the\s+)?{_CAPWORD}"
    rf"(?:\s+(?:(?:of|and|for)\s+)?{_CAPWORD}){{0,5}})?{_FOLLOW_CUE}"
)
# what may follow a description's role word before _FOLLOW_CUE: "for the Bank of England"
_DESC_AFFIL = (
    rf"(?:{_SP}+(?:for|of|at|from|to|with|in){_SP}+(?:the\s+)?{_CAPWORD}"
    rf"(?:\s+(?:(?:of|and|for)\s+)?{_CAPWORD}){{0,5}})?"
)
# Where a BEFORE match can start: a capital (any non-ASCII letter, to be safe) or a
# lowercase determiner or pronoun, not right after a letter or a hyphen (see _lead), that
# leads
# * a name or pronoun: capitalised words and particles, then _FOLLOW (_NAME_SHAPE), or
# * a description: a determiner or possessive, then a role or group word within seven words,
#   any affiliation of it (_DESC_AFFIL), then _FOLLOW_CUE (_DESC_REST).
# _NAME_SHAPE consumes only the character before the start, which is never an ASCII letter
# or a hyphen (a leading character set lets ``re`` skip ahead fast), so the start is the
# match's end; it looks at the start with lookbehinds and lookaheads. A start at offset 0 is
# found after a space put before the text (for the lookbehinds on the start, the only ones
# that look before it, a space is as no character).
_LOWER_LEAD = (
    r"(?<=a)(?:n?|nother)|(?<=t)(?:he|heir|wo|hey)|(?<=o)ne|(?<=h)(?:is|er|e)|(?<=i)ts?"
    r"|(?<=s)(?:ome|everal|he)"
)
# the lowercase leads of a pronoun (a name starts with a capital)
_PRON_LEAD = r"(?<=t)hey|(?<=h)e|(?<=i)t|(?<=s)he"
_DET_REST = (
    r"(?<=[Aa])(?:n?|nother)|(?<=[Tt])(?:he|heir|wo)|(?<=[Oo])ne|(?<=[Hh])(?:is|er)|(?<=[Ii])ts"
    r"|(?<=[Ss])(?:ome|everal)"
)


def _lead(lower: str) -> str:
    """A start: a capital, any non-ASCII letter, or the first letter of one of the lowercase
    words ``lower`` (each written after a lookbehind on its first letter)."""
    return (
        r"[A-Zathois\x80-\U0010ffff](?<=[^\W\d_])(?<!-.)(?<![^\W\d_].)"
        rf"(?:(?<=[A-Z\x80-\U0010ffff])|(?=(?:{lower})(?![a-z])))"
    )


_LEAD = _lead(_LOWER_LEAD)
_PLAIN_START = re.compile(_LEAD)
_MAX_WORD = 100  # characters: longer words make before_starts use _PLAIN_START
# A word (a run of non-whitespace) over _MAX_WORD characters lies in a run of characters other
# than a space of that length too, which starts the text or follows a space: one literal
# search for a space (fast) rules most texts out before the exact test.
_SPACE_LONG_RUN = re.compile(f" [^ ]{{{_MAX_WORD + 1}}}")
_LONG_RUN = re.compile(f"[^ ]{{{_MAX_WORD + 1}}}")
# what follows a name's or pronoun's first letter: the rest of its word, capitalised words and
# particles, then _FOLLOW
_NAME_REST = (
    r"(?=[^\s,]*+(?:\s+(?:(?:[A-Z]|[^\x00-\x7f])[^\s,]*+|(?:"
    + trie(NAME_PARTICLES)
    + r")(?=\s))){0,12}?"
    + _FOLLOW
    + ")"
)
_NAME_SHAPE = r"[^a-zA-Z\-](?=" + _lead(_PRON_LEAD) + _NAME_REST + ")"
# The same test in plain text, as three patterns that ``re`` tries only at capitals (a
# character set), and after each literal "he" or "it" (a fast literal search) rather than
# after every character that is no letter: the capitals not after a letter or a hyphen, and
# the pronouns "he", "she", "they" (found from their "he": the match starts one character
# after the start of "she" and "they") and "it" not after one. A match offset 0 needs no
# leading space: a lookbehind that reaches before the text does not match, as a space would
# not. _NAME_REST reads the rest of the pronoun's word possessively, so it finds the same word
# end whether it starts after the pronoun's first letter or after the whole pronoun.
_PLAIN_CAP = r"[A-Z](?<![a-zA-Z\-].)"
_PLAIN_HE = (
    r"he(?:y(?<=they)(?<![a-zA-Z\-]....)|(?<=she)(?<![a-zA-Z\-]...)|(?<![a-zA-Z\-]..))(?![a-z])"
)
_PLAIN_IT = r"it(?<![a-zA-Z\-]..)(?![a-z])"
_HEADS_CI = r"(?i:(?:co-|vice-|deputy-)?(?:" + trie(DESC_HEADS) + "))"
# a description's role or group word and what may follow it
_DESC_HEAD = _HEADS_CI + r"(?![A-Za-z])" + _DESC_AFFIL + _FOLLOW_CUE


def _same_offsets(text: str, low: str) -> bool:
    """True when ``low`` (``text`` lowercased) keeps every offset and ``text`` holds none of
    ``ODD_CASE`` (see :mod:`geonews.plaintext`)."""
    return text.isascii() or (len(low) == len(text) and not has_odd_case(text))


# The role words of descriptions right after a _SP character (the match consumes it and
# ends at the word), in the lowercased text, where the role words are a fast literal trie;
# as for the role words of ROLE_HOLDER (see _HEAD_LOWER), this finds every one that
# _DESC_HEAD may match when lowercasing keeps the offsets and no character matches an ASCII
# letter case-insensitively without lowercasing to it (see ``geonews.plaintext.ODD_CASE``). The words with and
# without their prefixes are one trie (a lookahead holds when some word fits, so this is the
# optional prefix and the words), which ``re`` tries faster than the prefixes, then the words.
_DESC_WORDS_LOWER = (
    r"(?=(?:"
    + trie({p + h.lower() for p in ("", "co-", "vice-", "deputy-") for h in DESC_HEADS})
    + r")(?![a-z]))"
)
_DESC_WORD_LOWER = re.compile(_SP + _DESC_WORDS_LOWER)
# the same where _SP can only be a space: ``re`` finds a literal first character fast
_DESC_WORD_AFTER_SPACE = re.compile(" " + _DESC_WORDS_LOWER)
_DESC_WORD = re.compile(rf"{_SP}(?={_HEADS_CI}(?![A-Za-z]))")
# what follows the first character of a description's determiner or possessive
_DESC_REST = (
    rf"(?:(?:{_DET_REST})|\S*+(?:{_SP}++\S++){{0,2}}(?<=[’']s)){_SP}+(?:\S++{_SP}++){{0,6}}"
    + _DESC_HEAD
)
# From a role word back to the start of the ninth word before it, or to a line break: a
# description's determiner or possessive starts in that stretch. The words are those
# separated by _SP (so a line break may join two of them: the stretch only grows).
_WORDS_BACK = regex.compile(r"(?r)(?:[^ \t\u00a0]+[ \t\u00a0]+){0,9}")


def _ascii_cases(pattern: str) -> str:
    """``pattern`` (literals and groups only) with each ASCII letter as a class of its cases."""
    return "".join(
        f"[{c.lower()}{c.upper()}]" if c.isascii() and c.isalpha() else c for c in pattern
    )


def _plain(pattern: str) -> str:
    """``pattern`` for plain text (see :mod:`geonews.plaintext`), where BEFORE's capitals and
    letters are ASCII ones: a capital word starts with [A-Z], and the role words are matched
    with explicit ASCII case classes (faster than ``(?i:...)``)."""
    return pattern.replace(r"(?:[A-Z]|[^\x00-\x7f])", "[A-Z]").replace(
        _HEADS_CI, "(?:" + _ascii_cases(_HEADS_CI[4:-1]) + ")"
    )


def _plain_lead(lower: str) -> str:
    """_lead(lower) for plain text, after a character that is no ASCII letter or hyphen: its
    lookbehinds then always hold."""
    return r"(?:[A-Z]|[athois](?=(?:" + lower + r")(?![a-z])))"


class _Starts:
    """The start tests, for any text or for plain text only."""

    def __init__(self, *, plain: bool) -> None:
        fix = _plain if plain else str
        self.plain = plain
        if plain:
            rest = _plain(_NAME_REST)
            self.name = re.compile(_PLAIN_CAP + rest)
            self.he = re.compile(_PLAIN_HE + rest)
            self.it = re.compile(_PLAIN_IT + rest)
            lead = _plain_lead(_LOWER_LEAD)
        else:
            self.name = re.compile(_NAME_SHAPE)
            lead = _LEAD
        self.head = re.compile(fix(_DESC_HEAD))
        self.lead = re.compile(r"(?<![a-zA-Z\-])" + lead)
        self.desc = re.compile(fix(_DESC_REST))

    def names(self, text: str) -> list[int]:
        """The starts of names and pronouns that _NAME_SHAPE accepts, in no set order."""
        if self.plain:
            out = [m.start() for m in self.name.finditer(text)]
            out += [m.start() for m in self.it.finditer(text)]
            for m in self.he.finditer(text):
                a = m.start()
                # a letter before "he" makes it "she" or "they" (the other case fails)
                out.append(a - 1 if a and text[a - 1] in "st" else a)
            return out
        out = [m.end() for m in self.name.finditer(text)]
        if self.name.match(" " + text) is not None:
            out.append(0)
        return out


@lru_cache(maxsize=2)
def _starts(*, plain: bool) -> _Starts:
    """The start tests, compiled on first need (they are large: this keeps import fast)."""
    return _Starts(plain=plain)


def _desc_starts(text: str, tests: _Starts) -> list[int]:
    """The starts of descriptions ("a police spokesman said"), found from their role words:
    each lead in the nine words before a role word (after a _SP character) that _DESC_HEAD
    accepts is tried with _DESC_REST. A lead that passes the test reaches such a role word
    within nine words, so this finds every start the test accepts; each lead is tried once."""
    out: list[int] = []
    done = 0
    low = text.lower()
    if _same_offsets(text, low):
        spaces_only = "\t" not in low and "\u00a0" not in low
        words = (_DESC_WORD_AFTER_SPACE if spaces_only else _DESC_WORD_LOWER).finditer(low)
    else:
        words = _DESC_WORD.finditer(text)
    for w in words:
        end = w.end()
        if tests.head.match(text, end) is None:
            continue
        begin = _WORDS_BACK.match(text, done, end)
        for m in tests.lead.finditer(text, begin.start() if begin else done, end):
            if tests.desc.match(text, m.end()) is not None:
                out.append(m.start())
        done = end
    return out


# Role words (a superset of ROLE_HOLDER's, case-insensitively and anywhere), and the prefixes
# a role word may carry ("vice-president").
_HEADS = "(?i:" + trie(PERSON_HEADS) + ")"
_HEAD = re.compile(_HEADS)
# on the lowercased text (no case folding): role words right after a character that is not
# an ASCII letter (the match consumes that character and ends at the word), or at offset 0
_HEAD_LOWER = re.compile("[^a-z](?=" + trie(PERSON_HEADS) + ")")
_HEAD_WORDS = tuple(PERSON_HEADS)
_ROLE_PREFIXES = ("co-", "vice-", "deputy-")
# A comma followed, within five words, by a role word: "Jack Straw, the foreign secretary".
_COMMA_ROLE = re.compile(rf",(?={_SP}+(?:\S+{_SP}+){{0,5}}?{_HEADS}(?![A-Za-z]))")
# The characters a name before such a comma may hold, read backwards from the comma
# (initials "J." are capitals; a full stop after anything else ends a sentence).
_NAME_STRETCH = regex.compile(r"(?r)(?:[\p{L}\p{M}\-’' \t\u00a0]|(?<=\p{Lu})\.)*$")
_NAME_START = regex.compile(r"(?<![\p{L}\-])\p{Lu}")


def role_starts(text: str) -> list[int]:
    """A sorted superset of the positions where ``ROLE_HOLDER`` can match in ``text``: role
    words (and their prefixes), and the capitals of a name right before a comma that a role
    word follows."""
    found: set[int] = set()
    low = text.lower()
    if _same_offsets(text, low):
        # same offsets: each character lowercased to one; a role word after a letter can
        # start no match (ROLE_HOLDER wants no letter before it or its prefix)
        heads = [m.end() for m in _HEAD_LOWER.finditer(low)]
        if low.startswith(_HEAD_WORDS):
            heads.insert(0, 0)
    else:
        heads = [m.start() for m in _HEAD.finditer(text)]
    for h in heads:
        found.add(h)
        for prefix in _ROLE_PREFIXES:
            a = h - len(prefix)
            if a >= 0 and text[a:h].lower() == prefix:
                found.add(a)
    for c in _COMMA_ROLE.finditer(text):
        stretch = _NAME_STRETCH.search(text, 0, c.start())
        if stretch is not None and stretch.start() < c.start():
            found.update(n.start() for n in _NAME_START.finditer(text, stretch.start(), c.start()))
    return sorted(found)


_ASCII = frozenset(map(chr, range(128)))


def _has_long_word(text: str) -> bool:
    """True when a word of ``text`` is over _MAX_WORD characters long."""
    if _SPACE_LONG_RUN.search(text) is None and _LONG_RUN.match(text) is None:
        return False
    return max(map(len, text.split()), default=0) > _MAX_WORD


def before_starts(text: str, *, plain: bool = False) -> list[int]:
    """A sorted superset of the positions where ``BEFORE`` can match in ``text``; ``plain``
    says that ``text`` is plain (see :mod:`geonews.plaintext`)."""
    # The shape tests read up to a dozen words after each start, so their cost grows with
    # the length of the words; text with very long ones (noise, not prose) gets the plain
    # start test only, and BEFORE itself is tried at each start, as ``finditer`` would.
    if _has_long_word(text):
        found = [m.start() for m in _PLAIN_START.finditer(text)]
    else:
        tests = _starts(plain=plain)
        found = sorted(set(tests.names(text)).union(_desc_starts(text, tests)))
    # The start tests skip every position after a letter or a non-decimal number sign ("²",
    # "Ⅳ"); BEFORE skips only those after a letter, so the rare starts after a number sign
    # are added below without the shape test (the real pattern is tried on them anyway).
    # Neither ASCII text nor plain text holds such a sign: a plain text's other characters
    # are all neutral ones, none of them a number (see :mod:`geonews.plaintext`).
    if plain or text.isascii():
        return found
    extra: set[int] = set()
    for ch in set(text).difference(_ASCII):  # ASCII digits are decimal
        if ch.isalnum() and not ch.isalpha() and not ch.isdecimal():
            i = text.find(ch)
            while i >= 0:
                nxt = text[i + 1 : i + 2]
                if nxt and (nxt.isupper() or nxt in "athois"):
                    extra.add(i + 1)
                i = text.find(ch, i + 1)
    return sorted(extra.union(found)) if extra else found
