"""What surrounds a name candidate: gazetteer hits and organisations near it, a role noun before
it ("his Peruvian counterpart"), a speech verb, age or appositive after it ("Jane Doe said",
"Jane Doe, 45,", "Jane Doe, an analyst at the IMF").

Each question looks only at a bounded window around the candidate.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from geonews_entities.gazetteer import Hit
from geonews_entities.names import ROLE_NOUNS
from geonews_entities.organizations import OrgSpan

__all__ = ["Context", "Facts"]

# (role, country, affiliation, evidence): what the surroundings say about a candidate
Facts = tuple[str | None, str | None, str | None, bool]

_SPEECH_AFTER = regex.compile(
    r"(?:['’]s)?(?:,[ ](?:\d{1,3}|aged[ ]\d{1,3}|who|whose)|[ ](?:said|says|told|"
    r"added|argued|warned|insisted|explained|claimed|stated|noted|admitted|denied|wrote|asked|"
    r"replied|announced|believes|thinks|has[ ]said|had[ ]said|was[ ]quoted))"
)
_APPOSITIVE_ROLE = regex.compile(
    r"(?:['’]s)?,[ ](?:the[ ]|a[ ]|an[ ]|its[ ]|their[ ])?(?:[\p{L}\-]+[ ]){0,3}?(?P<role>"
    + ROLE_NOUNS
    + r")(?![\p{L}])(?:[ ](?:of|for|at|from)[ ](?:the[ ])?)?"
)
_ROLE_BEFORE = regex.compile(
    r"(?r)(?:(?P<dem>\p{Lu}[\p{L}]+)[ ])?(?P<role>"
    + ROLE_NOUNS
    + r")(?:[ ](?:of[ ]the[ ]\p{Lu}[\p{L}]+))?"
    r"(?:[ ](?:like|such[ ]as|including))?,?[ ]$"
)
# the last words of the role nouns, and the words that may follow a role before a name
_ROLE_ENDS = tuple(sorted({role.rsplit(" ", 1)[-1] for role in ROLE_NOUNS.split("|")}))
_ROLE_LINKS = frozenset(("like", "as", "including"))
_AFTER_AFFIL = regex.compile(
    r"(?:['’]s)?(?:,[ ](?:the[ ]|a[ ]|an[ ]|who[ ]is[ ](?:the[ ]|a[ ])?)?(?:[\p{Ll}\-]+[ ]){1,3})?"
    r"[ ]?(?:of|at|from|with|for)[ ](?:the[ ])?"
)
# the literal endings "(?r)(?:of|at|...)[ ](?:the[ ])?$" and "(?r)(?:said|...)[ ]$" match
# ("$" also before a final "\n")
_PREP_ENDINGS = tuple(
    w + " " + the for w in "of at from for with by in".split() for the in ("", "the ")
)
_SPEECH_ENDINGS = tuple(
    w + " " for w in "said,says,told,added,warned,according to,explained,argued,insisted".split(",")
)

# the characters a match of _SPEECH_AFTER, _APPOSITIVE_ROLE or _AFTER_AFFIL can start with
_SPEECH_AFTER_FIRST = frozenset("'’, ")
_APPOSITIVE_FIRST = frozenset("'’,")
_AFTER_AFFIL_FIRST = frozenset("'’, oafw")
# how an _AFTER_AFFIL match that opens with a space goes on
_SPACED_PREPOSITIONS = (" of ", " at ", " from ", " with ", " for ")


def _ends_with(text: str, endings: tuple[str, ...], lo: int, end: int) -> bool:
    """Whether ``text[lo:end]`` ends with one of ``endings``, or does so before a final
    newline: a search of ``(?:endings)$`` over that window."""
    if text.endswith(endings, lo, end):
        return True
    return end - 1 >= lo and text[end - 1] == "\n" and text.endswith(endings, lo, end - 1)


class Context:
    """Gazetteer hits and organisation spans of one text, indexed for point queries."""

    def __init__(self, text: str, hits: Sequence[Hit], orgs: Sequence[OrgSpan]) -> None:
        self.text = text
        # 1 at every position inside a hit or an organisation
        self.inside = bytearray(len(text))
        for h in hits:
            self.inside[h.start : h.end] = b"\x01" * (h.end - h.start)
        for o in orgs:
            self.inside[o.start : o.end] = b"\x01" * (o.end - o.start)
        places = [h for h in hits if h.kind in ("country", "demonym")]
        self.hit_by_start = {h.start: h for h in places}
        self.hit_by_end = {h.end: h for h in places}
        # organisation names by start and end: known ones, then (winning ties) the found ones
        known = [h for h in hits if h.kind == "organization"]
        self.org_by_start = {h.start: h.key for h in known}
        self.org_by_end = {h.end: h.key for h in known}
        self.org_by_start.update((o.start, o.name) for o in orgs)
        self.org_by_end.update((o.end, o.name) for o in orgs)
        self.last_org_start = max(self.org_by_start, default=-1)

    def covered(self, start: int, end: int) -> bool:
        """Whether a hit or organisation overlaps ``[start, end)`` (not empty)."""
        return self.inside.find(1, start, end) >= 0

    def country_near(self, pos: int) -> str | None:
        """A country word at ``pos`` or just before it ("Russia's ", "Peruvian ")."""
        h = self.hit_by_start.get(pos)
        if h is not None:
            return h.key
        p = pos
        while p > 0 and self.text[p - 1] == " ":
            p -= 1
        if self.text[max(0, p - 2) : p] in ("'s", "’s"):
            p -= 2
        h = self.hit_by_end.get(p)
        return h.key if h is not None else None

    def country_at(self, pos: int) -> str | None:
        h = self.hit_by_start.get(pos)
        return h.key if h is not None and h.kind == "country" else None

    def org_before(self, pos: int) -> str | None:
        p = pos
        while p > 0 and self.text[p - 1] == " ":
            p -= 1
        if self.text[max(0, p - 2) : p] in ("'s", "’s"):
            p -= 2
        return self.org_by_end.get(p)

    def _role_before(self, start: int) -> regex.Match[str] | None:
        """``_ROLE_BEFORE.search`` of the window before ``start``, where a space (or " \n")
        precedes ``start``. A match ends there with ",? ", after a role noun (whose last word
        may close a longer word: "vice-president"), a capitalised word ("of the UN") or "like",
        "as", "including": the last word before ",? " says whether to look."""
        text = self.text
        lo = max(0, start - 60)
        end = start - 1 if text[start - 1] == " " else start - 2
        if text[end - 1 : end] == ",":
            end -= 1
        word = text[max(lo, text.rfind(" ", lo, end) + 1) : end]
        if word.endswith(_ROLE_ENDS) or word[:1].isupper() or word in _ROLE_LINKS:
            return _ROLE_BEFORE.search(text, lo, start)
        return None

    def facts(
        self, start: int, end: int, lead: int, title_role: str | None, titled: bool, multi: bool
    ) -> Facts:
        """What the text around the name ``[start, end)`` says: its role, country and
        affiliation, and whether that is evidence of a name. ``lead`` is where the run with
        its titles starts, ``title_role`` the role its titles give, ``titled`` whether it has
        titles and ``multi`` whether the name has two words or more."""
        text = self.text
        role = title_role
        country = self.country_near(lead) if titled else None
        affiliation = None
        evidence = titled
        # the patterns below need a space right before the name (their "[ ]$" also matches
        # before a final newline) or a given first character after it: test that first
        space_before = text.endswith(" ", 0, start) or text.endswith(" \n", 0, start)
        next_ch = text[end : end + 1]
        if not titled and space_before:
            w = self._role_before(start)
            if w is not None:
                role = w.group("role").lower()
                role = {"analysts": "analyst", "officials": "official"}.get(role, role)
                evidence = True
                country = self.country_near(w.start("dem") if w.group("dem") else w.start("role"))
                at = self.org_by_start.get(w.start())
                affiliation = (
                    at
                    if at is not None
                    else self.org_before(w.start("role")) or self.org_before(w.start())
                )
        ap = _APPOSITIVE_ROLE.match(text, end) if next_ch in _APPOSITIVE_FIRST else None
        if (
            multi
            and not evidence
            and not (space_before and _ends_with(text, _PREP_ENDINGS, max(0, start - 12), start))
            and (
                (next_ch in _SPEECH_AFTER_FIRST and _SPEECH_AFTER.match(text, end))
                or ap
                or (space_before and _ends_with(text, _SPEECH_ENDINGS, max(0, start - 30), start))
            )
        ):
            evidence = True  # (not after a preposition: "a letter from Jane Doe said")
        # an organisation after the name ("Jane Doe of the IMF"); a match ends after ``end``,
        # and after a space it goes straight on with a preposition
        if (
            next_ch in _AFTER_AFFIL_FIRST
            and self.last_org_start > end
            and (next_ch != " " or text.startswith(_SPACED_PREPOSITIONS, end))
        ):
            a = _AFTER_AFFIL.match(text, end)
            if a is not None and a.end() in self.org_by_start:
                affiliation = self.org_by_start[a.end()]
        if country is None and text.startswith(" of ", end):
            country = self.country_at(end + 4)  # "Chancellor Angela Merkel of Germany"
        if ap is not None:
            # "Vladimir Putin, the president of Russia," / "Jane Doe, an analyst at the IMF"
            role = role or ap.group("role").lower()
            country = country or self.country_near(ap.end())
            affiliation = affiliation or self.org_by_start.get(ap.end())
        if affiliation is None and titled:
            affiliation = self.org_before(lead)
        return role, country, affiliation, evidence
