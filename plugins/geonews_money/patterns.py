"""The money pattern: one compiled regex, three forms.

- prefix: a symbol or ISO code before the number ("$500 million", "US$1.2bn", "USD 5m",
  "€10M", "c $ 16.4 million", "£3bn pounds"), with an in-number range ("$10-20 million");
- suffix: a currency word, ISO code or symbol after the number ("5m euros", "two billion
  dollars", "418bn-rand", "15€", "300 EUR");
- minor units: "27c", "80p", "50 cents", "four pence", "12-cent".
"""

from __future__ import annotations

import re
from typing import Any

import regex

from geonews.numbers import NUMBER, SCALE, SCALE_ATTACHED

from .currencies import NAME_CODES, PLAIN_CODES, WORD_CODES

__all__ = [
    "AFTER_DIGITS",
    "BETWEEN_BEFORE",
    "CENTS_AFTER",
    "CHANGE_BEFORE",
    "DOLLAR_ANCHOR",
    "DOLLAR_BACK",
    "DOLLAR_MENTION",
    "DOLLAR_READ",
    "DOLLAR_SIGN_AFTER",
    "FROM_BEFORE",
    "MONEY",
    "RANGE_GAP",
    "WEIGHT_CONTEXT",
]


def _alt(words: list[str]) -> str:
    """A regex alternation of the words as a trie, so that a failed attempt costs one step per
    character rather than one per word (the pattern is tried after every number)."""
    root: dict[str, Any] = {}
    for w in {w.lower() for w in words}:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root)


def _emit(node: dict[str, Any]) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s" if ch == " " else regex.escape(ch)
        branches.append(piece + _emit(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return f"(?:{body})?"
    return body


_CODES = _alt(list(PLAIN_CODES)).upper()
_SYM = (
    r"(?:\b(?:US|AU|AUS|CAN|CA|NZ|HK|SG|NT|MX|[ACSRZ])\$|\b[Uu]\.[Ss]\.?\s?\$|\$\s?US(?![a-z])"
    r"|\b(?:us|u\.s\.?|hk|nz|c|US|HK|NZ|C)\s\$|\$|€|£|¥|₹|₽|₩|₺|₪|₦|₱|₴|₫|฿|CHF|Fr\.|Rs\.?|RMB|KSh"
    rf"|(?:{_CODES})(?=\s?\d))"
)
_SUFSYM = r"(?:€|£|¥|元|₡|₾|₭|₹|₽|₩|₺|₪|₦|₱|₴|₫|฿|ரூ)"
_NAMES = _alt(list(NAME_CODES) + [w for w in WORD_CODES if w != "won"])
_WORD = rf"(?:(?i:{_NAMES})\b|won\b|(?:{_CODES})\b|{_SUFSYM})"
_MINOR_WORD = r"(?i:cents?|pence|penny|pennies)\b"
_HYPHEN_SCALE = r"-(?=(?i:thousand|million|billion|trillion|crore|lakh)\b)"
_SCALES = rf"(?:(?:\s|{_HYPHEN_SCALE})?(?P<scale>{SCALE})|(?P<scale>{SCALE_ATTACHED}|b\b))"
_RANGE = rf"(?:\s?(?P<sep>-|–|to)\s?(?P<num2>{NUMBER}))"
_NEG = r"(?P<neg>(?<![\w.,%)])[-−](?=[\d$£€¥]))"

MONEY = regex.compile(
    r"(?<![\p{L}\p{N}])(?:"
    # prefix form
    rf"{_NEG}?(?P<sym>{_SYM})\s?(?P<neg2>[-−])?"
    rf"(?>(?P<num>{NUMBER}))(?>{_RANGE})?(?>{_SCALES})?"
    r"(?P<tail>(?i:\s(?:(?:US\s)?dollars?|pounds(?:\ssterling)?|euros?))\b)?"
    # suffix form and minor units ("27c", "80p", "50 cents")
    rf"|{_NEG}?(?>(?P<num>{NUMBER}))(?>{_RANGE})?(?>{_SCALES})?"
    rf"(?:(?P<hy>\s|-)?+(?:(?P<word>{_WORD})|(?P<minor>{_MINOR_WORD}))"
    r"|(?P<minor>(?-i:[pc]))\b)"
    r")"
)
# What follows the number of a MONEY match that begins with a digit (the ``after`` of
# plain_filter): such a match is of the suffix form (a prefix form begins with a sign or a
# symbol), without a sign, so its number is DIGITS (WORDS begins with a letter). Next come
# optional whitespace or "-", then the range's "-", "–" or "to", a scale word, a currency word,
# code or symbol or a minor unit: a letter ("(?i:...)" matches only ASCII ones in a plain text)
# or "-", "–", "€", "£", "¥" (the only other suffix symbols in a plain text).
AFTER_DIGITS = r"[\s-]?[A-Za-z€£¥–-]"
# what may sit between the two ends of a range written as two amounts
RANGE_GAP = regex.compile(r"(?i)\s{0,2}(?:-|–|to|and)\s{0,2}")
BETWEEN_BEFORE = regex.compile(
    r"(?i)\bbetween\s{1,3}(?:(?:about|around|roughly|some|approximately)\s{1,3})?$"
)
CHANGE_BEFORE = regex.compile(
    r"(?i)\b(?:rose|risen|rises|rise|gained|gains|added|adds|fell|falls|fallen|lost|loses|dropped|"
    r"drops|climbed|climbs|jumped|jumps|slipped|slips|slid|up|down|increased|decreased|"
    r"cut|raised|lowered)\s{1,3}(?:by\s{1,3})?$"
)
FROM_BEFORE = regex.compile(r"(?i)\bfrom\s{1,3}(?:(?:about|around|roughly|some)\s{1,3})?$")
# "thirteen dollars and forty-five cents"
CENTS_AFTER = regex.compile(rf"(?i)\s{{1,2}}(?:and\s{{1,2}})?(?P<num>{NUMBER})[\s-]{{1,2}}cents\b")
_DOLLAR_NAMES = [n for n in NAME_CODES if n.endswith(("dollar", "dollars"))]
_DOLLAR_PREFIXES = ("US", "AU", "A", "C", "NZ", "HK", "S", "NT")
DOLLAR_MENTION = regex.compile(
    rf"(?i)\b(?P<name>{_alt(_DOLLAR_NAMES)})\b"
    rf"|(?P<sym>(?-i:{'|'.join(_DOLLAR_PREFIXES)})\$|\$US\b)"
    r"|\b(?P<us>greenbacks?)\b"
)
# Every DOLLAR_MENTION match holds an anchor, once lowercased: "dollar" (each name ends with
# it), "$" or "greenback"; one starts at most DOLLAR_BACK characters after the match does. An
# attempt at a position reads at most DOLLAR_READ characters from it (the longest name, or
# "greenbacks", and the character that the closing \b looks at). The pattern's letters match
# one character each (simple case folding), so these bounds hold in any text.
DOLLAR_ANCHOR = re.compile(r"dollar|\$|greenback")
DOLLAR_BACK = max(max(n.index("dollar") for n in _DOLLAR_NAMES), *map(len, _DOLLAR_PREFIXES))
DOLLAR_READ = max(*map(len, _DOLLAR_NAMES), len("greenbacks")) + 1
# A "$" is in a match only as part of a symbol: right after the last letter of a prefix (case
# sensitive), or before "US", whose "u" matches only "u" and "U" (the two characters that
# lowercase to "u")
DOLLAR_SIGN_AFTER = frozenset(p[-1] for p in _DOLLAR_PREFIXES)
WEIGHT_CONTEXT = regex.compile(
    r"(?i)\b(?:weigh\w*|heav\w*|bombs?|lbs?|kg|kilo\w*|ounces?|stones?|bag|sacks?|"
    r"catch|fish|baby|born|lost|gained)\b"
)
