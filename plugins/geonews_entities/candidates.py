"""Name candidates: capitalised-token runs in the text, with the evidence that they are names.

One pass over the masked text with a compiled pattern; each candidate looks only at a bounded
window around itself (titles and role nouns before it, speech verbs and appositives after it:
see :mod:`geonews_entities.context`). What its surroundings say is read only when asked for:
most one-word candidates are dropped without it. Untitled one-word candidates, the commonest
and the least used, are kept as bare ``(start, end, word)`` tuples (:data:`Bare`).
"""

from __future__ import annotations

import regex

from geonews_entities.context import Context, Facts
from geonews_entities.names import FIRST_NAMES, PARTICLES, STOP_WORDS, TITLES
from geonews_entities.runs import SEQ, plain_runs

__all__ = ["STRICT", "Bare", "Cand", "candidates"]

# An untitled one-word candidate: (start, end, word). Most are never used (see
# :func:`geonews_entities.people.find_people`), so no :class:`Cand` is built for them here.
Bare = tuple[int, int, str]

_HONORIFICS = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Sir Dame Lady".split())
_PARTY_WORDS = frozenset(
    "Labour Tory Conservative Liberal Democrat Republican Lib Dem Democratic Green Sinn Fein "
    "Unionist".split()
)
_ABBREV_TITLES = frozenset(t for t in TITLES if t.endswith("."))
_SPLITTERS = frozenset("'’.")
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
_AMBIGUOUS = frozenset(
    """General Major Chief Justice Speaker Father Leader Director Manager Coach Deputy Foreign
    Home Prime Vice Acting Former Executive Commander Inspector Green Labour Tory Conservative
    Liberal Democrat Republican Democratic Unionist Party Officer Trade Health Education Culture
    Shadow Interior Economy Energy Environment Transport Work Pensions Treasury Attorney
    Solicitor Defence Defense Finance Lib Dem Sinn Fein AM Analyst Economist Spokesman
    Spokeswoman Marshal Bishop Cardinal Chairman""".split()
)
_SURNAME_TITLES = frozenset("Major King Bishop Judge Marshal Baron Lord Green Prince Chief".split())
_FIRST_NAME_TITLES = frozenset(
    "Sir Dame Lady Prince Princess King Queen Sheikh Emir Pope Emperor Cardinal".split()
)
_POSTNOMINALS = frozenset("MP MEP MSP AM QC KC Jr Jr. Sr Sr. OBE MBE CBE KBE".split())


# Lone words that never make a candidate: _cand drops a title or stop word alone (the leading
# titles and stop words take it, leaving no name) and a STRICT word alone without a title. None
# of them holds a splitter (an apostrophe or a period), so _parts and the headline split leave
# them whole.
_NEVER_ALONE = frozenset(
    w for w in (*TITLES, *STOP_WORDS, *STRICT) if not _SPLITTERS.intersection(w)
)


def _never_alone(word: str) -> bool:
    """Whether a one-token run ``word`` never gives a candidate, wherever it stands: the word
    (without a possessive "'s", which _parts and the headline split drop) is in _NEVER_ALONE,
    or it is in capitals. _cand drops a lone word in capitals as an acronym, or as an initial
    ("A."), and so also when a final apostrophe is cut off ("BBC'")."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return word in _NEVER_ALONE or word.isupper()


def _plain_tokens(group: str, start: int) -> list[tuple[int, int, str]]:
    """The tokens (start, end, text) of a plain run of two words or more at ``start``.
    Particles are lowercase words without a hyphen, which no token can be, so a run's words
    (split at its single-character separators) are its tokens and particles, told apart by
    the particle list."""
    toks: list[tuple[int, int, str]] = []
    p = start
    # words and single-character separators alternate: no word is empty
    for w in group.replace("\u00a0", " ").split(" "):
        if w not in PARTICLES:
            toks.append((p, p + len(w), w))
        p += len(w) + 1
    return toks


def _role_word(title: str) -> str:
    """ "Sen." -> "senator", "MP" -> "MP", "Foreign" -> "foreign"."""
    return TITLES.get(title) or (title if title.isupper() else title.lower())


def _is_initial(tok: str) -> bool:
    return len(tok) == 2 and tok[1] == "."


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


class Cand:
    """A name candidate. Its role, country, affiliation (:meth:`facts`) and (unless its titles
    or a given name already are) its evidence come from its surroundings, read on first use."""

    __slots__ = (
        "_facts",
        "ctx",
        "end",
        "first_name_title",
        "given",
        "lead",
        "multi",
        "start",
        "text",
        "title_role",
        "titled",
        "tokens",
    )

    def __init__(
        self,
        ctx: Context,
        start: int,
        end: int,
        words: list[str],
        lead: int,
        titles: list[str],
    ) -> None:
        self.ctx = ctx
        self.start = start
        self.end = end
        self.lead = lead  # where the run starts, titles included
        self._facts: Facts | None = None
        self.titled = bool(titles)
        # "Sir Digby", "Prince Saud": a given name after the title
        self.first_name_title = False
        self.title_role: str | None = None  # the role the titles give
        if titles:
            self.first_name_title = not _FIRST_NAME_TITLES.isdisjoint(titles)
            role_words = [
                _role_word(t) for t in titles if t not in _HONORIFICS and t not in _PARTY_WORDS
            ]
            role = " ".join(role_words) or None
            if role is not None and role.startswith("the "):
                role = role[4:]
            self.title_role = role
        self.multi = len(words) >= 2
        # tokens: the name's words without initials; text: the name as written (particles
        # kept), whitespace made single spaces
        if self.multi:
            self.given = words[0] in FIRST_NAMES  # "Tony Blair"
            self.tokens = [w for w in words if not _is_initial(w)] or words
            self.text = " ".join(ctx.text[start:end].split())
        else:
            # one word, not an initial, and tokens hold no whitespace
            self.given = False
            self.tokens = words
            self.text = words[0]

    def facts(self) -> Facts:
        """What the surroundings say (:meth:`Context.facts`), read once."""
        if self._facts is None:
            self._facts = self.ctx.facts(
                self.start, self.end, self.lead, self.title_role, self.titled, self.multi
            )
        return self._facts

    @property
    def evidence(self) -> bool:
        """Whether the candidate is shown to be a name: titles, a known given name first
        ("Tony Blair"), a role noun before it or (two words or more, not after a
        preposition) a speech verb, age or appositive around it."""
        return self.titled or self.given or self.facts()[3]


def candidates(text: str, ctx: Context, plain: bool) -> tuple[list[Cand], list[Bare]]:
    """The name candidates of ``text`` from each ``SEQ`` match (on a plain ``text``, see
    :func:`geonews.plaintext.is_plain`, from its twins): the untitled one-word ones, bare, and
    the others, each list in text order. One-word matches that never give one
    (:func:`_never_alone`), and matches covered from end to end by hits and organisations
    (every token of theirs is covered: see :func:`_run`), are left out before their tokens are
    built."""
    out: list[Cand] = []
    bare: list[Bare] = []
    headline_end = _title_case_headline(text)
    inside = ctx.inside
    if not plain:
        for r in SEQ.finditer(text):
            group = r.group()
            if " " not in group and "\u00a0" not in group and _never_alone(group):
                continue
            start, end = r.span()
            if inside.find(0, start, end) >= 0:  # not covered from end to end
                toks = list(zip(r.starts("tok"), r.ends("tok"), r.captures("tok"), strict=True))
                _run(ctx, start, end, group, toks, headline_end, out, bare)
        return out, bare
    for m in plain_runs(text):
        group = m.group()
        if group in _NEVER_ALONE:  # the commonest case, tested first
            continue
        start, end = m.span()
        if " " in group or "\u00a0" in group:
            if inside.find(0, start, end) >= 0:  # not covered from end to end
                _run(ctx, start, end, group, _plain_tokens(group, start), headline_end, out, bare)
        elif _never_alone(group):
            continue
        elif start < headline_end or "'" in group or "’" in group or "." in group:
            _run(ctx, start, end, group, [(start, end, group)], headline_end, out, bare)
        elif inside.find(1, start, end) < 0:  # not covered (Context.covered)
            # a lone word that may stand alone, with nothing to cut off: _run would keep it
            # as it is, an untitled one-word candidate
            bare.append((start, end, group))
    return out, bare


def _run(
    ctx: Context,
    start: int,
    end: int,
    group: str,
    toks: list[tuple[int, int, str]],
    headline_end: int,
    out: list[Cand],
    bare: list[Bare],
) -> None:
    """The candidates of one run ``group`` at ``[start, end)`` with tokens ``toks``."""
    if start < headline_end:
        for s, e, word in toks:
            if word.endswith(("'s", "’s")):
                word, e = word[:-2], e - 2
            if not ctx.covered(s, e):
                _cand(ctx, [(s, e, word)], out, bare)
        return
    if len(toks) == 1 and not _SPLITTERS.intersection(group):
        # a lone word that may stand alone, with nothing to cut off: _cand would keep it as
        # it is, an untitled one-word candidate
        if not ctx.covered(start, end):
            bare.append((start, end, group))
        return
    if not ctx.covered(start, end):
        for part in _parts(group, toks):  # nothing to split at
            _cand(ctx, part, out, bare)
        return
    for part in _parts(group, toks):
        # split at tokens covered by a gazetteer hit or organisation
        run: list[tuple[int, int, str]] = []
        for tok in part:
            if ctx.covered(tok[0], tok[1]):
                if run:
                    _cand(ctx, run, out, bare)
                run = []
            else:
                run.append(tok)
        if run:
            _cand(ctx, run, out, bare)


def _cand(
    ctx: Context, toks: list[tuple[int, int, str]], out: list[Cand], bare: list[Bare]
) -> None:
    titles: list[str] = []
    i = 0
    for _, _, w in toks:
        if w in TITLES:
            titles.append(w)
        elif w not in STOP_WORDS or titles:
            break  # a name word, or a stop word after a title ("Mr The" never happens)
        i += 1
    name = toks[i:] if i else toks
    if len(name) > 1:
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
    elif not name:
        return
    words = [t[2] for t in name]
    if len(words) > 1:
        # a month, day or modal after a non-given name ends the run ("Blair May ...")
        for j in range(1, len(words)):
            if words[j] in STRICT and words[j - 1] not in FIRST_NAMES:
                name, words = name[:j], words[:j]
                break
    first = words[0]
    if first in STOP_WORDS:
        return
    if len(words) > 1 and (
        not _HEADS.isdisjoint(words[1:])
        or (words[-1] in TITLES and words[-1] not in _SURNAME_TITLES)  # "Foreign Minister"
    ):
        return
    if first.isupper() and not _is_initial(first):
        return  # acronyms are not people
    if len(words) == 1 and ((first in STRICT and not titles) or _is_initial(first)):
        return
    if len(words) == 1 and all(t in _AMBIGUOUS for t in titles):
        # untitled, or "General Election", "Chief Whip": not a titled surname
        bare.append((name[0][0], name[0][1], first))
    else:
        out.append(Cand(ctx, name[0][0], name[-1][1], words, toks[0][0], titles))
