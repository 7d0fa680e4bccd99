"""Compiled attribution patterns: speaker phrases (name, description, pronoun) and cue verbs.

All repetitions are bounded, and the patterns are only ever run over short windows around a
quote (see :mod:`geonews_quotes.speakers`), so their cost per quote is constant.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from geonews.plaintext import plain_twin
from geonews_quotes.cues import (
    CUE_FORMS,
    DESC_HEADS,
    INVERTIBLE_CUES,
    NAME_PARTICLES,
    PERSON_HEADS,
    alternation,
)

__all__ = [
    "ACCORDING",
    "AFTER",
    "BEFORE",
    "BEFORE_PLAIN",
    "CAP_SEQ",
    "CAP_SEQ_PLAIN",
    "CUE",
    "INVERTED",
    "INVERTED_PLAIN",
    "NAME_BEFORE_COMMA",
    "PARTICIPLE",
    "PERSON_NAME",
    "QUOTED",
    "ROLE_HOLDER",
    "ROLE_HOLDER_PLAIN",
    "SENT_SUBJECT",
    "TITLE_NAME",
    "TITLE_NAME_PLAIN",
    "WEAK_CUES",
    "after_plain",
]

# belief and estimate verbs find a subject but do not by themselves make a quote speech
WEAK_CUES = frozenset(
    {
        "believe",
        "think",
        "hope",
        "fear",
        "estimate",
        "forecast",
        "reveal",
        "report",
        "state",
        "call",
        "express",
        "demand",
        "reject",
        "blame",
        "welcome",
    }
)

_SP = r"[ \t\u00a0]"
# what follows the capital of a capitalised word (a capital with a full stop is an initial)
_CAP_TAIL = r"[\p{L}\p{M}\-]*(?:[’'][\p{L}]{2,}[\p{L}\-]*)?"
_CAP = rf"(?:[\p{{Lu}}]{_CAP_TAIL}|[\p{{Lu}}]\.)"
# _CAP_TAIL with possessive quantifiers. A pattern may read its capitalised words so, with
# the same matches, when no part of it that may follow such a word can start with a letter,
# a mark or a hyphen, except where the match may end right after the word: a reading that
# gives characters back ends the word before one of those (its quantifiers' class), where
# nothing can follow it then, and where the match may end, the longest reading, tried
# first, may end it too.
_CAP_TAIL_POSS = r"[\p{L}\p{M}\-]*+(?:[’'][\p{L}]{2,}+[\p{L}\-]*+)?"


def _possessive(pattern: str) -> str:
    """``pattern`` with its capitalised words read possessively (see _CAP_TAIL_POSS)."""
    return pattern.replace(_CAP_TAIL, _CAP_TAIL_POSS)


def _caseless(words: tuple[str, ...] | frozenset[str]) -> list[str]:
    """Words lowercased for an alternation under ``(?i)``, where they match the same: both
    engines match an ASCII letter's two cases alike there, but for "I" (in ``regex``,
    "(?i:I)" matches "ı" and "(?i:i)" matches "İ")."""
    if any("I" in w or not w.isascii() for w in words):
        raise ValueError("role words must be ASCII and hold no capital I")
    return [w.lower() for w in words]


_PART = alternation(list(NAME_PARTICLES))
_NAME = rf"{_CAP}(?:{_SP}{{1,2}}(?:(?:{_PART})\s+){{0,2}}{_CAP}){{0,4}}"
_AFFIL = rf"(?:\s+(?:of|from|at)\s+(?:the\s+)?{_CAP}(?:\s+(?:of\s+|and\s+|for\s+)?{_CAP}){{0,5}})"
_HEADS = alternation(_caseless(DESC_HEADS))  # used under (?i)
_DET = rf"(?:{_CAP}(?:{_SP}{_CAP}){{0,2}}[’']s|[Aa]n?|[Tt]he|[Aa]nother|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]wo|[Ss]ome|[Ss]everal)"
_DESC = (
    rf"{_DET}{_SP}+(?:(?!(?:the|a|an|his|her|their|its|or|but){_SP})[\p{{L}}\-’']+{_SP}+){{0,6}}?"
    rf"(?i:(?:co-|vice-|deputy-)?(?:{_HEADS}))\b"
    rf"(?:{_SP}+(?:for|of|at|from|to|with|in){_SP}+(?:the\s+)?{_CAP}(?:\s+(?:of\s+|and\s+|for\s+)?{_CAP}){{0,5}})?"
)
_PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)"
SUBJ = rf"(?:(?P<desc>{_DESC})|(?P<name>{_NAME})(?P<affil>{_AFFIL})?|(?P<pron>{_PRON}))"
# An apposition between commas is read up to the next comma at once ("{1,120}+"): the lazy
# "{1,120}?," it stands for can only stop there too, as its characters are no comma.
_APPOS = (
    r"(?:(?P<appos>,\s+[^,\n]{1,120}+,|\s+[-—–]\s+[^\n]{1,120}?\s+[-—–])"
    r"|(?:\s+\([^()\n]{1,30}\))?,\s+(?:who|which))"
)
_AUX = (
    r"(?:(?:has|have|had|will|would|could|also|later|earlier|then|again|"
    r"further|once|previously|repeatedly|recently|privately|publicly|simply|only|firmly|"
    r"strongly|clearly|yesterday|today|however|has\s+since|went\s+on\s+to|had\s+already|"
    r"has\s+already|last\s+week|on\s+\p{Lu}\p{Ll}+day),?\s+){0,3}"
)
# finite forms only: "Mr X pointing out" is rarely X speaking
_CUES = alternation([f for f in CUE_FORMS if not f.split()[0].endswith("ing")])
CUE = regex.compile(rf"\b(?:{_CUES})\b")
_INV = alternation(list(INVERTIBLE_CUES))

# role words before a name: "chairman and chief executive Richard Parsons said"
_NOT_MOD = (
    r"(?:while|but|as|which|who|whom|that|when|after|before|because|since|if|although|"
    r"though|where|whereas|the|a|an|his|her|its|their|this|these|those|he|she|they|it|we|"
    r"i|in|on|at|for|of|to|from|with|by|is|was|were|are|be|been|has|have|had|not)\b"
)
_MODS = rf"(?:(?:(?!{_NOT_MOD})[\p{{L}}\-’'&]+{_SP}+){{1,6}}?(?=\p{{Lu}}))"

# "Mr Thomas said", "David Frost, director general of ..., warned", "a spokesman has said"
# (its capitalised words, possessive, are followed by whitespace, a comma or "'s")
BEFORE = regex.compile(
    _possessive(rf"(?<![\p{{L}}\-])(?:{SUBJ}){_APPOS}?,?\s+{_AUX}(?P<cue>{_CUES})\b")
)


def _after(name: str, affil: str) -> str:
    """AFTER's pattern, with ``name`` and ``affil`` the names of the groups of its second
    inverted name ("iname" and "iaffil" as in its first, or other names for stdlib ``re``)."""
    return (
        rf"[,;]?\s{{0,3}}(?:[—–-]\s{{0,2}})?"
        rf"(?:{_MODS}??(?:{SUBJ}){_APPOS}?,?\s+{_AUX}(?P<cue>{_CUES})\b"
        rf"|(?P<icue>{_INV})\s+(?:{_MODS}??(?P<iname>{_NAME})(?P<iaffil>{_AFFIL})?(?=[ ]*[,.;:)]|[ ]*$)"
        rf"|(?P<idesc>{_DESC})(?:,{_SP}+(?P<ialt>{_NAME}))?|(?P<{name}>{_NAME})(?P<{affil}>{_AFFIL})?"
        rf"|(?P<ipron>{_PRON}))\b)"
    )


# right after a closing mark: '," he said', '", Mr Thomas said', '," said Mr Thomas'
AFTER = regex.compile(_after("iname", "iaffil"))
# '" Arab News quoted Prince Saud as saying', '" the newspaper quotes a source close to ...'
QUOTED = regex.compile(
    rf"[,;]?\s{{0,3}}(?:(?:[\p{{L}}’'&\-]+{_SP}+){{1,5}}?)??quot(?:ed|es|e|ing){_SP}+"
    rf"(?:(?P<desc>{_DESC})|(?P<name>{_NAME})(?P<affil>{_AFFIL})?)"
)
# the subject at the start of a sentence, for '..., saying "..."'
SENT_SUBJECT = regex.compile(
    rf"(?:(?:But|And|However|Meanwhile|Earlier|Later|Yesterday|Today|Now|Then),?{_SP}+)?"
    rf"(?:(?P<desc>{_DESC})|(?P<name>{_NAME})(?P<affil>{_AFFIL})?|(?P<pron>{_PRON}))\b"
)
PARTICIPLE = regex.compile(
    r"\b(?:saying|adding|telling|warning|arguing|insisting|claiming|noting|stressing|"
    r"describing|calling|branding|dismissing|accusing|urging|predicting|declaring)\b"
)

# "..., said Mr Thomas." anywhere in a sentence (used for the sentence before a quote)
_INVERTED_REST = (
    rf"\s+(?P<icue>{_INV})\s+(?:(?P<idesc>{_DESC})|(?P<iname>{_NAME})(?P<iaffil>{_AFFIL})?)"
)
INVERTED = regex.compile(rf"(?:,|\"){_INVERTED_REST}")
ACCORDING = regex.compile(
    rf"\b[Aa]ccording\s+to\s+(?:(?P<desc>{_DESC})|(?P<name>(?:the\s+)?{_NAME})(?P<affil>{_AFFIL})?)"
)
# person names with a title, anywhere in the text: "Mr Thomas", "Sir Digby Jones"
_TITLES = "Mr Mrs Ms Miss Dr Sir Dame Lord Lady Baroness Prof Professor".split()
_TITLED = rf"\.?\s+(?P<name>{_CAP}(?:\s(?:(?:{_PART})\s+){{0,2}}{_CAP}){{0,2}})"
TITLE_NAME = regex.compile(rf"\b(?P<title>{'|'.join(_TITLES)}){_TITLED}")
# Capitalised sequences of two to four words: candidate full names. (Their words, possessive,
# are followed by whitespace, or may end the match from the second word on.)
_CAP_SEQ_REST = _possessive(rf"(?:\s(?:(?:{_PART})\s+){{0,2}}{_CAP}){{1,3}}")
CAP_SEQ = regex.compile(rf"(?<![\p{{L}}\-’'])(?:{_possessive(_CAP)}){_CAP_SEQ_REST}")
# "Colin Asplin, " right before an organisation that precedes a cue
NAME_BEFORE_COMMA = regex.compile(rf"(?<![\p{{L}}\-])(?P<pname>{_NAME}),{_SP}+$")
# a bare person name of two to four capitalised words: "Theresa May"
PERSON_NAME = regex.compile(rf"{_CAP}(?:{_SP}(?:(?:{_PART}){_SP}+){{0,2}}{_CAP}){{1,3}}")
_PHEADS = alternation(_caseless(PERSON_HEADS))  # used under (?i)
# a role next to its holder: "Tory leader Michael Howard", "Jack Straw, the foreign secretary,"
ROLE_HOLDER = regex.compile(
    rf"(?<![\p{{L}}])(?:(?i:co|vice|deputy)-)?(?i:(?P<head>{_PHEADS}))(?:{_SP}+(?:of|for){_SP}+(?:the{_SP}+)?{_CAP})?"
    rf"{_SP}+(?P<holder>{_CAP}(?:{_SP}(?:(?:{_PART}){_SP}+){{0,2}}{_CAP}){{1,3}})"
    rf"|(?<![\p{{L}}\-])(?P<holder2>{_CAP}(?:{_SP}(?:(?:{_PART}){_SP}+){{0,2}}{_CAP}){{1,3}}),"
    rf"{_SP}+(?:the{_SP}+)?(?:[\p{{L}}\-]+{_SP}+){{0,4}}?(?i:(?P<head2>{_PHEADS}))\b"
)

# stdlib ``re`` twins, for plain text only (see :mod:`geonews.plaintext`): same matches, faster
BEFORE_PLAIN: re.Pattern[str] = plain_twin(BEFORE.pattern)
# INVERTED as one twin per mark: ``re`` finds a literal first character fast (far faster than
# either of two). A match holds no comma or double quote after its first character, so no
# match of one twin overlaps one of the other, and their matches together, by position, are
# INVERTED's.
INVERTED_PLAIN: tuple[re.Pattern[str], ...] = (
    plain_twin("," + _INVERTED_REST),
    plain_twin('"' + _INVERTED_REST),
)
ROLE_HOLDER_PLAIN: re.Pattern[str] = plain_twin(ROLE_HOLDER.pattern)


@lru_cache(maxsize=1)
def after_plain() -> re.Pattern[str]:
    """AFTER's twin, compiled on first need (it is large: this keeps import fast).

    ``re`` wants each group name once, so the twin's second inverted name has groups of its
    own, "iname2" and "iaffil2", which :func:`geonews_quotes.speakers.from_match` reads as
    "iname" and "iaffil". That gives the same groups: AFTER's two "iname" (and "iaffil")
    groups, one group in ``regex``, lie in two branches of one alternation, outside any
    repetition, so a match takes one of them at most, and ``regex`` keeps no capture of a
    branch it backtracked out of."""
    return plain_twin(_after("iname2", "iaffil2"))


# TITLE_NAME with each title's word boundary (before a letter: no word character before it)
# tested after the title's first letter, so that ``re`` skips ahead to those letters.
_TITLE_AFTER_BOUNDARY = "|".join(t[0] + r"(?<!\w.)" + t[1:] for t in _TITLES)
TITLE_NAME_PLAIN: re.Pattern[str] = plain_twin(rf"(?P<title>{_TITLE_AFTER_BOUNDARY}){_TITLED}")
# CAP_SEQ with the lookbehind moved after the first capital, which both of _CAP's branches
# start with (the branches, tried in the same order, then follow it): the lookbehind still
# tests the character before the capital, and ``re`` can skip from capital to capital.
CAP_SEQ_PLAIN: re.Pattern[str] = plain_twin(
    rf"[\p{{Lu}}](?<![\p{{L}}\-’'].)(?:{_CAP_TAIL_POSS}|\.){_CAP_SEQ_REST}"
)
