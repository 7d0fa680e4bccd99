"""Percentage and multiplier patterns, each compiled once."""

from __future__ import annotations

import regex

from geonews.numbers import NUMBER

__all__ = ["AFTER_DIGITS", "BETWEEN_BEFORE", "FOLD_NUMBER", "MULTIPLIER", "PERCENT"]

_UNIT = (
    r"(?P<unit>%(?:\s?(?P<pts>(?i:points?|pts?))\b)?|(?i:percentage)[\s-](?P<pts>(?i:points?))\b"
    r"|(?i:per[\s-]?cent|pct|pc)\b)"
)
PERCENT = regex.compile(
    r"(?<![\p{L}\p{N}])(?:(?<![\w-])(?P<neg>[-−+])(?=\d))?"
    rf"(?P<num>{NUMBER})(?:\s?(?P<sep>-|–|to|and)\s?(?P<num2>{NUMBER}))?\s?{_UNIT}"
)
# What follows the number of a PERCENT match that begins with a digit (the ``after`` of
# plain_filter): such a match has no sign, and its number is DIGITS (WORDS begins with a
# letter); next come optional whitespace, then a separator ("-", "–", "to", "and") or the unit:
# "%", or "p" or "P", the only characters that ``(?i:p)`` matches in a plain text.
AFTER_DIGITS = r"\s?(?:[-–%pP]|to|and)"
BETWEEN_BEFORE = regex.compile(r"(?i)\bbetween\s{1,3}$")
_FOLD_WORDS = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
    r"fifty|hundred|thousand"
)
# multipliers are rare: find the anchor ("fold", "doubled") first, then the number before it
MULTIPLIER = regex.compile(
    r"(?i)(?P<fold>fold)\b"
    r"|\b(?P<verb>doubled|doubling|tripled|tripling|trebled|trebling|quadrupled|quadrupling)\b"
)
FOLD_NUMBER = regex.compile(rf"(?:(?P<num>{NUMBER})[\s-]?|\b(?P<word>(?i:{_FOLD_WORDS})))$")
