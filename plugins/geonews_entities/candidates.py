"""Name candidates: capitalised-token runs in the text, with the evidence that they are names.

One pass over the masked text with a compiled pattern; each candidate looks only at a bounded
window around itself (titles and role nouns before it, speech verbs and appositives after it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

import regex
from attrs import define

from geonews.plaintext import is_plain, plain_twin
from geonews.wordtrie import trie
from geonews_entities.gazetteer import Hit
from geonews_entities.names import FIRST_NAMES, PARTICLES, ROLE_NOUNS, STOP_WORDS, TITLES
from geonews_entities.organizations import OrgSpan

__all__ = ["STRICT", "Cand", "Context", "candidates"]

# A capitalised token: "Blair", "O'Brien", "Day-Lewis", "al-Assad", "W." (an initial), with an
# optional possessive. Sequences of up to twelve tokens, joined by single spaces and particles.
_TOKEN = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Capt|Lt|Sgt|Sen|Rep|Gov|St|Jr|Sr)\.(?=[ ])"
    r"|\p{Lu}\.(?=[ ]\p{Lu})"
    r"|(?:(?:al|el|bin|ibn|abu|ul)[-‐])?\p{Lu}[\p{Ll}\p{Lu}'’]*(?:[-‐]\p{L}[\p{Ll}\p{Lu}'’]*)?)"
)
_PART = r"(?:\L<particles>[ ]){0,2}"
_SEQ = regex.compile(
    r"(?<![\p{L}\p{N}'’\-])(?P<tok>"
    + _TOKEN
    + r")(?:[ \u00a0]"
    + _PART
    + r"(?P<tok>"
    + _TOKEN
    + r")){0,11}"
    r"(?![\p{L}\p{N}])",
    particles=sorted(PARTICLES),
)
# _SEQ's stdlib ``re`` twin, for plain text only (see :mod:`geonews.plaintext`): the same
# matches, without the repeated ``tok`` captures. Particles are lowercase words without a
# hyphen, which no token can be, so a match's words (split at its single-character
# separators) are its tokens and particles, told apart by the particle list.
# (a token starts with a capital or an "al-"-like prefix: the lookahead lets ``re`` skip ahead)
_SEQ_PLAIN = re.compile(
    "(?=[A-Zaeibu])"
    + plain_twin(
        _SEQ.pattern.replace("(?P<tok>", "(?:").replace(r"\L<particles>", trie(PARTICLES))
    ).pattern
)


def _runs(text: str) -> Iterator[tuple[int, int, str, list[tuple[int, int, str]]]]:
    """Each ``_SEQ`` match of ``text``: its start, end, text and tokens (start, end, text)."""
    if is_plain(text):
        for m in _SEQ_PLAIN.finditer(text):
            group = m.group()
            p = s = m.start()
            toks: list[tuple[int, int, str]] = []
            # words and single-character separators alternate: no word is empty
            for w in group.replace("\u00a0", " ").split(" "):
                if w not in PARTICLES:
                    toks.append((p, p + len(w), w))
                p += len(w) + 1
            yield s, m.end(), group, toks
        return
    for r in _SEQ.finditer(text):
        toks = list(zip(r.starts("tok"), r.ends("tok"), r.captures("tok"), strict=True))
        yield r.start(), r.end(), r.group(), toks


_HONORIFICS = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Sir Dame Lady".split())
_PARTY_WORDS = frozenset(
    "Labour Tory Conservative Liberal Democrat Republican Lib Dem Democratic Green Sinn Fein "
    "Unionist".split()
)
_ABBREV_TITLES = frozenset(t for t in TITLES if t.endswith("."))
# Function words, months and days: never a bare surname without a title.
STRICT = frozenset(
    """The A An And But Or So For In On At By To From Of As If When While Where What Which Who How
    After Before Since It He She They We You I His Her Their This That These Those There Here
    Then Now May March June July August April January February September October November
    December Monday Tuesday Wednesday Thursday Friday Saturday Sunday Will Can Should Would Could
    Might Must Do Does Did Is Are Was Were Be Been Has Have Had Not No Yes Last Next New First
    Mark Grant Bill Will Rose Hope Faith Joy Summer Sun""".split()
)
_HEADS = frozenset(
    """Party Bank Street Road Square Avenue Lane Bridge River Lake Sea Ocean Island Islands
    Mountains Valley Park Palace Cathedral Church Stadium Airport Station Hall Castle Abbey Gardens
    Museum Gallery Theatre Prison Hotel Hill Bay Port Beach Forest County Province District City
    Town Village Heights Strip Coast Peninsula Cup Prize Award Awards Trophy Open Act
    Report Index Centre Center Institute Ministry Corporation Authority Council Commission Agency
    Association Federation Foundation Fund Group Company Organisation Organization Union
    Committee University College Office Department Board Trust Society Forum Alliance Front
    Movement League Court Assembly Parliament Police Service Army Airways Airlines Industries
    Holdings Inc Ltd Plc PLC Club Coalition Congress Exchange Agreement Treaty Declaration
    Protocol Accord Convention Charter Summit Talks Conference Games Festival War Crisis
    Programme Scheme Plan Budget Day Week Year Times Post News Journal Review Television Radio
    Online Channel Motors Energy Oil Gas Partnership Paper Aid Garden Cross Alert Socialism Consensus Muerta Pictures
    School Hospital Services""".split()
)
_SPEECH_AFTER = regex.compile(
    r"(?:['’]s)?(?:,[ ](?:\d{1,3}|aged[ ]\d{1,3}|who|whose)|[ ](?:said|says|told|"
    r"added|argued|warned|insisted|explained|claimed|stated|noted|admitted|denied|wrote|asked|"
    r"replied|announced|believes|thinks|has[ ]said|had[ ]said|was[ ]quoted))"
)
_SPEECH_BEFORE = regex.compile(  # (?r): matched right to left from the name
    r"(?r)(?:said|says|told|added|warned|according[ ]to|explained|argued|insisted)[ ]$"
)
_APPOSITIVE_ROLE = regex.compile(
    r"(?:['’]s)?,[ ](?:the[ ]|a[ ]|an[ ]|its[ ]|their[ ])?(?:[\p{L}\-]+[ ]){0,3}?(?P<role>"
    + ROLE_NOUNS
    + r")(?![\p{L}])(?:[ ](?:of|for|at|from)[ ](?:the[ ])?)?"
)
_AMBIGUOUS = frozenset(
    """General Major Chief Justice Speaker Father Leader Director Manager Coach Deputy Foreign
    Home Prime Vice Acting Former Executive Commander Inspector Green Labour Tory Conservative
    Liberal Democrat Republican Democratic Unionist Party Officer Trade Health Education Culture
    Shadow Interior Economy Energy Environment Transport Work Pensions Treasury Attorney
    Solicitor Defence Defense Finance Lib Dem Sinn Fein AM Analyst Economist Spokesman
    Spokeswoman Marshal Bishop Cardinal Chairman""".split()
)
_SURNAME_TITLES = frozenset("Major King Bishop Judge Marshal Baron Lord Green Prince Chief".split())
_PREP_BEFORE = regex.compile(r"(?r)(?:of|at|from|for|with|by|in)[ ](?:the[ ])?$")
# the literal endings _PREP_BEFORE and _SPEECH_BEFORE match ("$" also before a final "\n")
_PREP_ENDINGS = tuple(
    w + " " + the for w in "of at from for with by in".split() for the in ("", "the ")
)
_SPEECH_ENDINGS = tuple(
    w + " " for w in "said,says,told,added,warned,according to,explained,argued,insisted".split(",")
)


def _ends_with(text: str, endings: tuple[str, ...], lo: int, end: int) -> bool:
    """Whether ``text[lo:end]`` ends with one of ``endings``, or does so before a final
    newline: a search of ``(?:endings)$`` over that window."""
    if text.endswith(endings, lo, end):
        return True
    return end - 1 >= lo and text[end - 1] == "\n" and text.endswith(endings, lo, end - 1)


_FIRST_NAME_TITLES = frozenset(
    "Sir Dame Lady Prince Princess King Queen Sheikh Emir Pope Emperor Cardinal".split()
)
_POSTNOMINALS = frozenset("MP MEP MSP AM QC KC Jr Jr. Sr Sr. OBE MBE CBE KBE".split())
_ROLE_BEFORE = regex.compile(
    r"(?r)(?:(?P<dem>\p{Lu}[\p{L}]+)[ ])?(?P<role>"
    + ROLE_NOUNS
    + r")(?:[ ](?:of[ ]the[ ]\p{Lu}[\p{L}]+))?"
    r"(?:[ ](?:like|such[ ]as|including))?,?[ ]$"
)
_AFTER_AFFIL = regex.compile(
    r"(?:['’]s)?(?:,[ ](?:the[ ]|a[ ]|an[ ]|who[ ]is[ ](?:the[ ]|a[ ])?)?(?:[\p{Ll}\-]+[ ]){1,3})?"
    r"[ ]?(?:of|at|from|with|for)[ ](?:the[ ])?"
)

# the characters a match of _SPEECH_AFTER, _APPOSITIVE_ROLE or _AFTER_AFFIL can start with
_SPEECH_AFTER_FIRST = frozenset("'’, ")
_APPOSITIVE_FIRST = frozenset("'’,")
_AFTER_AFFIL_FIRST = frozenset("'’, oafw")


@define
class Cand:
    start: int
    end: int
    tokens: list[str]  # name tokens (particles dropped)
    text: str  # the name as written (particles kept)
    titled: bool
    role: str | None
    country: str | None
    affiliation: str | None
    evidence: bool
    honorific: str | None
    first_name_title: bool = False  # "Sir Digby", "Prince Saud": a given name after the title


def _role_word(title: str) -> str:
    """ "Sen." -> "senator", "MP" -> "MP", "Foreign" -> "foreign"."""
    return TITLES.get(title) or (title if title.isupper() else title.lower())


def _is_initial(tok: str) -> bool:
    return len(tok) == 2 and tok[1] == "."


class Context:
    """Gazetteer hits and organisation spans, indexed for point queries."""

    def __init__(self, text: str, hits: Sequence[Hit], orgs: Sequence[OrgSpan]) -> None:
        self.text = text
        spans = sorted([(h.start, h.end) for h in hits] + [(o.start, o.end) for o in orgs])
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]
        self.max_end: list[int] = []
        best = -1
        for e in self.ends:
            best = max(best, e)
            self.max_end.append(best)
        self.hit_by_start = {h.start: h for h in hits if h.kind in ("country", "demonym")}
        self.hit_by_end = {h.end: h for h in hits if h.kind in ("country", "demonym")}
        known = [OrgSpan(h.start, h.end, h.key, None) for h in hits if h.kind == "organization"]
        self.org_by_start = {o.start: o for o in [*known, *orgs]}
        self.org_by_end = {o.end: o for o in [*known, *orgs]}

    def covered(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.max_end[i] > start

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
        o = self.org_by_end.get(p)
        return o.name if o is not None else None


def _parts(group: str, toks: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Split a capitalised sequence (its text and tokens) at possessives and sentence-final
    periods."""
    if not _SPLITTERS.intersection(group):
        # no apostrophe or period: one part with every token (the common case)
        return [toks]
    parts: list[list[tuple[int, int, str]]] = [[]]
    for s, e, tok in toks:
        stop_after = False
        if tok.endswith(("'s", "’s")):
            tok, e, stop_after = tok[:-2], e - 2, True
        elif tok.endswith(("'", "’")) or (
            tok.endswith(".") and not _is_initial(tok) and tok not in _ABBREV_TITLES
        ):
            tok, e, stop_after = tok[:-1], e - 1, True
        if tok:
            parts[-1].append((s, e, tok))
        if stop_after:
            parts.append([])
    return [p for p in parts if p]


_SPLITTERS = frozenset("'’.")
_LINE = regex.compile(r"[^\n]*\S[^\n]*")
_WORD = regex.compile(r"\p{L}{4,}")


def _title_case_headline(text: str) -> int:
    """The end of the first line when it is a Title Case headline ("Blair Faces Tough Week"),
    else 0. Inside such a line capitalisation says nothing, so runs are split into words."""
    m = _LINE.search(text, 0, min(len(text), 400))
    if m is None or m.end() >= len(text) or len(m.group()) > 150:
        return 0  # no body after it, or too long for a headline
    if m.group().rstrip().endswith((".", "?", "!", ":", ",", ";", '"', "”")):
        return 0  # a sentence, not a headline
    words = _WORD.findall(m.group())
    caps = sum(1 for w in words if w[0].isupper())
    return m.end() if len(words) >= 3 and caps >= 0.75 * len(words) else 0


def candidates(text: str, ctx: Context) -> list[Cand]:
    out: list[Cand] = []
    headline_end = _title_case_headline(text)
    for start, end, group, toks in _runs(text):
        if start < headline_end:
            for s, e, word in toks:
                if word.endswith(("'s", "’s")):
                    word, e = word[:-2], e - 2
                if not ctx.covered(s, e):
                    _cand(text, ctx, [(s, e, word)], out)
            continue
        if not ctx.covered(start, end):
            for part in _parts(group, toks):  # nothing to split at
                _cand(text, ctx, part, out)
            continue
        for part in _parts(group, toks):
            # split at tokens covered by a gazetteer hit or organisation
            run: list[tuple[int, int, str]] = []
            for tok in part:
                if ctx.covered(tok[0], tok[1]):
                    if run:
                        _cand(text, ctx, run, out)
                    run = []
                else:
                    run.append(tok)
            if run:
                _cand(text, ctx, run, out)
    return out


def _cand(text: str, ctx: Context, toks: list[tuple[int, int, str]], out: list[Cand]) -> None:
    titles: list[str] = []
    honorific: str | None = None
    i = 0
    while i < len(toks) and (toks[i][2] in TITLES or toks[i][2] in STOP_WORDS):
        if toks[i][2] in TITLES:
            titles.append(toks[i][2])
            if toks[i][2] in _HONORIFICS:
                honorific = toks[i][2]
        elif titles:
            break  # "Mr The" never happens; a stop word after a title ends the name
        i += 1
    name = toks[i:]
    # a title inside the run ends a multi-word title ("Industry Secretary Patricia Hewitt",
    # "Assistant Chief Constable David Warcup"): everything up to it is title
    for j in range(len(name) - 2, -1, -1):
        if name[j][2] in TITLES and name[j][2] not in _AMBIGUOUS:
            titles.extend(t[2] for t in name[: j + 1])
            name = name[j + 1 :]
            break
    # post-nominals ("Margaret Moran MP", "Guy Mansfield QC")
    while len(name) > 1 and name[-1][2] in _POSTNOMINALS:
        titles.append(name[-1][2])
        name = name[:-1]
    if not name:
        return
    # a month, day or modal after a non-given name ends the run ("Blair May ...")
    words = [t[2] for t in name]
    for j in range(1, len(words)):
        if words[j] in STRICT and words[j - 1] not in FIRST_NAMES:
            name, words = name[:j], words[:j]
            break
    if any(w in _HEADS for w in words[1:]) or words[0] in STOP_WORDS:
        return
    if len(words) > 1 and words[-1] in TITLES and words[-1] not in _SURNAME_TITLES:
        return  # "Industry Secretary", "Foreign Minister"
    if words[0].isupper() and not _is_initial(words[0]):
        return  # acronyms are not people
    if len(words) == 1 and ((words[0] in STRICT and not titles) or _is_initial(words[0])):
        return
    start, end = name[0][0], name[-1][1]
    if len(words) == 1 and titles and all(t in _AMBIGUOUS for t in titles):
        titles = []  # "General Election", "Chief Whip": not a titled surname
    role_words = [_role_word(t) for t in titles if t not in _HONORIFICS and t not in _PARTY_WORDS]
    role = " ".join(role_words) or None
    if role is not None and role.startswith("the "):
        role = role[4:]
    lead = toks[0][0]
    country = ctx.country_near(lead) if titles else None
    affiliation = None
    evidence = bool(titles)
    # the patterns below need a space right before the name (their "[ ]$" also matches
    # before a final newline) or a given first character after it: test that first
    space_before = text.endswith(" ", 0, start) or text.endswith(" \n", 0, start)
    next_ch = text[end : end + 1]
    if not titles and space_before:
        w = _ROLE_BEFORE.search(text, max(0, start - 60), start)
        if w is not None:
            role = w.group("role").lower()
            role = {"analysts": "analyst", "officials": "official"}.get(role, role)
            evidence = True
            country = ctx.country_near(w.start("dem") if w.group("dem") else w.start("role"))
            at = ctx.org_by_start.get(w.start())
            affiliation = (
                at.name
                if at is not None
                else ctx.org_before(w.start("role")) or ctx.org_before(w.start())
            )
    if len(words) >= 2 and words[0] in FIRST_NAMES:
        evidence = True
    after_prep = space_before and _ends_with(text, _PREP_ENDINGS, max(0, start - 12), start)
    ap = _APPOSITIVE_ROLE.match(text, end) if next_ch in _APPOSITIVE_FIRST else None
    if (
        len(words) >= 2
        and not after_prep
        and (
            (next_ch in _SPEECH_AFTER_FIRST and _SPEECH_AFTER.match(text, end))
            or ap
            or (space_before and _ends_with(text, _SPEECH_ENDINGS, max(0, start - 30), start))
        )
    ):
        evidence = True
    a = _AFTER_AFFIL.match(text, end) if next_ch in _AFTER_AFFIL_FIRST else None
    if a is not None and a.end() in ctx.org_by_start:
        affiliation = ctx.org_by_start[a.end()].name
    if country is None and text.startswith(" of ", end):
        country = ctx.country_at(end + 4)  # "Chancellor Angela Merkel of Germany"
    if ap is not None:
        # "Vladimir Putin, the president of Russia," / "Jane Doe, an analyst at the IMF"
        role = role or ap.group("role").lower()
        country = country or ctx.country_near(ap.end())
        at = ctx.org_by_start.get(ap.end())
        affiliation = affiliation or (at.name if at is not None else None)
    if affiliation is None and titles:
        affiliation = ctx.org_before(lead)
    out.append(
        Cand(
            start=start,
            end=end,
            tokens=[w for w in words if not _is_initial(w)] or words,
            text=" ".join(text[start:end].split()),
            titled=bool(titles),
            role=role,
            country=country,
            affiliation=affiliation,
            evidence=evidence,
            honorific=honorific,
            first_name_title=any(t in _FIRST_NAME_TITLES for t in titles),
        )
    )
