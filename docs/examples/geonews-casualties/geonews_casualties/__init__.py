"""geonews-casualties: casualty counts ("killed at least 12 people", "3 soldiers were wounded").

An example third-party plugin. It implements one hook, ``extract_claims``, and returns a
``casualty`` claim per count with these value fields:

- ``count`` (int): the number of people;
- ``type`` (str): "killed", "wounded" or "missing";
- ``victims`` (str): who, as written ("people", "soldiers", "civilians", ...);
- ``qualifier`` (str or None): "at least", "more than", "about", "up to", ... as written.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from geonews import Article, Claim, Document, Entity, hookimpl

__version__ = "0.1.0"

CLAIM_KINDS = ("casualty",)

# How `geonews evaluate` matches this kind against a gold file's "casualties" lists: the texts
# overlap and the count and type agree.
EVAL_MATCHERS = {"casualty": {"key": "casualties", "fields": ("count", "type")}}

_UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a dozen": 12, "dozens of": 24, "hundreds of": 200,
}  # fmt: skip

_TYPES = {
    "killed": "killed", "killing": "killed", "kills": "killed", "dead": "killed",
    "died": "killed", "wounded": "wounded", "wounding": "wounded", "injured": "wounded",
    "injuring": "wounded", "hurt": "wounded", "missing": "missing",
}  # fmt: skip

_NUM = (
    r"(?P<num>\d{1,3}(?:,\d{3}){1,3}|\d{1,6}|"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")"
)
_QUAL = r"(?:(?P<qual>at\ least|more\ than|over|nearly|almost|about|around|some|up\ to)\s+)?"
_WHO = (
    r"(?P<who>people|persons|civilians|soldiers|troops|police(?:men|\ officers)?|officers"
    r"|militants|fighters|rebels|insurgents|children|women|men|protesters|demonstrators"
    r"|passengers|workers|villagers|residents|pilgrims|migrants|others)"
)
_ADJ = r"(?:[\p{L}-]{1,20}\s+){0,2}?"  # "Iraqi", "unarmed Palestinian": at most two words

_PATTERN = regex.compile(
    rf"""\b(?:
        (?P<verb>killed|killing|kills|wounded|wounding|injured|injuring)\s+{_QUAL}{_NUM}\s+{_ADJ}{_WHO}
      | {_QUAL}{_NUM}\s+{_ADJ}{_WHO}\s+(?:(?:were|was|have\ been|had\ been|are|been)\s+)?
        (?:(?:reported|feared|confirmed)\s+)?
        (?P<verb2>killed|dead|died|wounded|injured|hurt|missing)
    )\b""",
    regex.IGNORECASE | regex.VERBOSE,
)


def parse_count(text: str) -> int | None:
    """The number in a count: "12" -> 12, "1,200" -> 1200, "twelve" -> 12."""
    t = text.lower().replace(",", "")
    if t.isdigit():
        return int(t)
    return _UNITS.get(" ".join(t.split()))


def find_casualties(text: str) -> Iterator[tuple[int, int, dict[str, object]]]:
    """``(start, end, value)`` for every casualty count in ``text``, in order."""
    for m in _PATTERN.finditer(text):
        count = parse_count(m.group("num"))
        if count is None:
            continue
        verb = (m.group("verb") or m.group("verb2")).lower()
        qual = m.group("qual")
        value: dict[str, object] = {
            "count": count,
            "type": _TYPES[verb],
            "victims": m.group("who").lower(),
            "qualifier": qual.lower() if qual else None,
        }
        yield m.start(), m.end(), value


@hookimpl
def extract_claims(
    article: Article, entities: tuple[Entity, ...], doc: Document
) -> Iterator[Claim]:
    """Casualty claims; patterns run over ``doc.masked`` so skipped boilerplate is ignored."""
    for start, end, value in find_casualties(doc.masked):
        yield Claim(
            kind="casualty", start=start, end=end, text=article.text[start:end], value=value
        )
