"""Step 2 of attribution: map a speaker phrase to an entity, or to the best name in the text.

A name maps to the person (else organisation) entity whose mention overlaps it; a pronoun to
the most recent compatible person (subjects first); a definite description to the holder of
the office the text names; "the company" and "it" to the most recent organisation. When no
entity fits, the most complete form of the name found in the text is used.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Any, NamedTuple

import regex

from geonews import Entity
from geonews.plaintext import is_plain
from geonews.prescan import finditer_at
from geonews_quotes.cues import (
    ANON_HEADS,
    CUE_FORMS,
    FEMALE,
    LEADING_STOP,
    MALE,
    NON_PERSON,
    ORG_HEADS,
    ORG_WORDS,
    PERSON_HEADS,
)
from geonews_quotes.patterns import (
    ACCORDING,
    BEFORE,
    BEFORE_PLAIN,
    CAP_SEQ,
    CAP_SEQ_PLAIN,
    INVERTED,
    INVERTED_PLAIN,
    ROLE_HOLDER,
    ROLE_HOLDER_PLAIN,
    TITLE_NAME,
    TITLE_NAME_PLAIN,
)
from geonews_quotes.prescan import before_starts, role_starts
from geonews_quotes.spans import Spans
from geonews_quotes.speakers import (
    BEFORE_WINDOW,
    ORG_REACH,
    PRONOUN_REACH,
    TITLE_SET,
    Speaker,
    clean_name,
    from_match,
    with_how,
)

__all__ = ["Resolver"]

_NOT_BEFORE_PERSON = frozenset(
    "in on at to from into across told tell tells the a an of near via visit visited".split()
)
_NO_SPANS = Spans()
_ORG_KINDS = frozenset({"organization", "organisation", "org", "company", "party", "institution"})


# the gendered words (a word in both lists is male)
_GENDER = {w: "f" for w in FEMALE | {"spokeswoman", "chairwoman", "woman"}} | {
    w: "m" for w in MALE | {"spokesman", "chairman", "man"}
}


def _gender_of(words: str) -> str | None:
    return _GENDER.get(words.lower().strip("."))


class _Cand(NamedTuple):
    """A candidate antecedent of pronouns (a named tuple: cheap to build by the thousand)."""

    pos: int
    key: str  # an entity id, or "=" + a name or description when no entity matched
    gender: str | None
    subject: bool
    plural: bool = False


# "the MPs said" after "the environment select committee said": the committee speaks
_BODY_MEMBERS = frozenset(("mps", "members", "peers", "lawmakers", "senators", "meps"))
_BODY_WORDS = frozenset(("committee", "panel", "inquiry", "commission"))
_GROUP_HEADS = frozenset(
    "committee government commission council party union ministry department company firm group"
    " bank panel inquiry".split()
)
_SUBJECT_PREFIX = (
    LEADING_STOP
    | PERSON_HEADS
    | frozenset("shadow former ex co-chairman vice deputy chief foreign home prime".split())
)
_DESC_PREPS = frozenset(("of", "for", "at", "from", "to", "with", "in"))


def _desc_head(desc: str) -> tuple[str, set[str]]:
    """The head noun of a description and the words before it ("the Tory leader")."""
    toks = [t.strip(".,").lower() for t in desc.split()]
    cut = next((i for i, t in enumerate(toks) if t in _DESC_PREPS), len(toks))
    core = toks[:cut]
    head = core[-1] if core else ""
    for prefix in ("co-", "vice-", "deputy-"):
        head = head.removeprefix(prefix)
    mods = {t for t in core[1:-1] if t not in ("the", "a", "an", "former", "new")}
    return head, mods


class _NameForms(NamedTuple):
    """The most complete form of each name in a text, by surname and (for "Sir Digby") by
    first name."""

    names: dict[str, str]
    first_names: dict[str, str]

    def learn(self, cleaned: str, toks: list[str], *, prefer: bool) -> None:
        """Learn a cleaned name (see :func:`clean_name`), whose words are ``toks``, as the
        fullest form of its surname."""
        if not toks or len(toks) > 4 or toks[-1] in ORG_WORDS:
            return
        sur = toks[-1].lower()
        prev = self.names.get(sur)
        if prev is None or (len(toks) > len(prev.split()) and (prefer or len(toks) <= 3)):
            self.names[sur] = cleaned
        if len(toks) >= 2:
            self.first_names.setdefault(toks[0].lower(), cleaned)


class Resolver:
    """Maps speaker spans to entities (or best names) for one article.

    Only the mentions are sorted up front; the name forms, the attributions ("X said", "said
    X", "according to X"), the role holders and the pronoun candidates are each found on first
    use, as many articles need only some of them (their quotes' speakers all overlap entity
    mentions, say). Each is a function of the text and the entities alone,
    except the candidates, which :meth:`add_subject` extends: its calls are queued until the
    candidates are first read, then replayed in order, so every candidate is inserted in the
    same state, and order, as if the candidates had been built at once.
    """

    def __init__(
        self,
        text: str,
        entities: Sequence[Entity],
        sentence_starts: Sequence[int] = (),
        plain: bool | None = None,
    ) -> None:
        self.text = text
        self._sents = list(sentence_starts)
        self._people = [e for e in entities if e.kind == "person"]
        self.entities = {e.id: e for e in entities}
        self._mentions: list[tuple[int, int, str, str]] = sorted(
            (m.start, m.end, e.id, e.kind) for e in entities for m in e.mentions
        )
        self._mstarts = [m[0] for m in self._mentions]
        # entity_at looks for mentions from 200 characters before a span: no mention that
        # starts further back than the longest one is long can overlap it
        self._mreach = min(200, max((e - s for s, e, _, _ in self._mentions), default=0))
        # on plain text stdlib ``re`` twins of the whole-text patterns find the same matches
        # (``plain`` is ``is_plain(text)`` when the caller knows it)
        self._plain = is_plain(text) if plain is None else plain
        self._gender: dict[str, str] = {}
        # the candidates, sorted by position, once built; until then the queued subjects
        self._cands: list[_Cand] = []
        self._cpos: list[int] = []
        self._queued: list[Speaker] | None = []

    @cached_property
    def _cap_seqs(self) -> list[tuple[int, int, str, list[str]]]:
        """Capitalised sequences: (start, end, cleaned name, its words)."""
        out: list[tuple[int, int, str, list[str]]] = []
        for m in self._all(CAP_SEQ, CAP_SEQ_PLAIN):
            name = clean_name(m.group())
            out.append((m.start(), m.end(), name, name.split()))
        return out

    @cached_property
    def _forms(self) -> _NameForms:
        """The fullest form of each name: the people's names, then the capitalised sequences
        in text order."""
        forms = _NameForms({}, {})
        for e in self._people:
            name = clean_name(e.name)
            forms.learn(name, name.split(), prefer=True)
        for _s, _e, name, toks in self._cap_seqs:
            forms.learn(name, toks, prefer=False)
        return forms

    def _all(self, pattern: regex.Pattern[str], twin: re.Pattern[str]) -> list[Any]:
        """Every match of ``pattern`` in the text, found with its stdlib ``re`` twin (the same
        matches) when the text is plain."""
        if self._plain:
            return list(twin.finditer(self.text))
        return list(pattern.finditer(self.text))

    @cached_property
    def _roles(self) -> list[tuple[int, str, set[str], str]]:
        """Role holders by position: (position, head, modifiers, holder name)."""
        text = self.text
        roles: list[tuple[int, str, set[str], str]] = []
        role_pattern = ROLE_HOLDER_PLAIN if self._plain else ROLE_HOLDER
        for m in finditer_at(role_pattern, text, role_starts(text)):
            if m.group("holder"):
                head, holder, hs = m.group("head").lower(), m.group("holder"), m.start()
                mods = set(text[max(0, hs - 40) : hs].lower().split()[-3:])
            else:
                head, holder = m.group("head2").lower(), m.group("holder2")
                hs = m.end("holder2")
                mods = set(text[hs : m.start("head2")].lower().replace(",", " ").split())
            holder = clean_name(holder)
            if holder and len(holder.split()) >= 1:
                roles.append((m.start(), head, mods, holder))
        for e in self._people:
            role = str(e.attributes.get("role") or "")
            if role and e.mentions:
                head, mods = _desc_head("the " + role)
                roles.append((e.mentions[0].start, head, mods, "#" + e.id))
        roles.sort(key=lambda r: r[0])
        return roles

    @cached_property
    def _role_pos(self) -> list[int]:
        return [r[0] for r in self._roles]

    def _hits(self, matches: Iterable[Any], group: str) -> list[tuple[int, int, Speaker]]:
        """(cue position, end, speaker) of each match that names a speaker."""
        out: list[tuple[int, int, Speaker]] = []
        text = self.text
        for hit in matches:
            sp = from_match(hit, text, 0, "before")
            if sp is not None:
                pos = hit.start(group)  # -1 when the group took no part in the match
                out.append((pos if pos >= 0 else hit.start(), hit.end(), sp))
        return out

    @cached_property
    def _before(self) -> list[tuple[int, int, Speaker]]:
        """Every "X said" of the text."""
        text, plain = self.text, self._plain
        starts = before_starts(text, plain=plain)
        return self._hits(finditer_at(BEFORE_PLAIN if plain else BEFORE, text, starts), "cue")

    @cached_property
    def _inverted(self) -> list[tuple[int, int, Speaker]]:
        """Every ", said X" of the text."""
        text = self.text
        if not self._plain:
            return self._hits(INVERTED.finditer(text), "icue")
        found = [m for twin in INVERTED_PLAIN for m in twin.finditer(text)]
        return self._hits(sorted(found, key=lambda m: m.start()), "icue")

    @cached_property
    def _according(self) -> list[tuple[int, int, Speaker]]:
        """Every "according to X" of the text (ACCORDING needs "[Aa]ccording")."""
        text = self.text
        return self._hits(ACCORDING.finditer(text) if "ccording" in text else (), "name")

    @cached_property
    def _before_pos(self) -> list[int]:
        return [x[0] for x in self._before]

    @cached_property
    def _inverted_pos(self) -> list[int]:
        return [x[0] for x in self._inverted]

    @cached_property
    def _according_pos(self) -> list[int]:
        return [x[0] for x in self._according]

    def _build_candidates(self) -> None:
        """Build the pronoun candidates on first need: titled names, person mentions and
        person-like names, then every subject of an attribution, then the queued subjects."""
        queued = self._queued
        if queued is None:
            return
        self._queued = None
        cands: list[_Cand] = []
        for m in self._all(TITLE_NAME, TITLE_NAME_PLAIN):
            g = _gender_of(m.group("title"))
            key = self._key_for(m.start("name"), m.end("name"), m.group("name"))
            if g is not None:
                self._gender.setdefault(key, g)
            start = m.start()
            cands.append(_Cand(start, key, g, self._at_subject(start)))
        for s, _e, eid, kind in self._mentions:
            if kind == "person":
                cands.append(_Cand(s, eid, None, self._at_subject(s)))
        for start, end, name, toks in self._cap_seqs:
            if 2 <= len(toks) <= 3 and self._person_like(toks, start):
                key = self._key_for(start, end, name)
                cands.append(_Cand(start, key, None, self._at_subject(start)))
        cands.sort(key=lambda c: c.pos)
        self._cands = cands
        self._cpos = [c.pos for c in cands]
        found = sorted((x[2] for x in self._before + self._inverted), key=lambda x: x.start)
        for sp in found + queued:
            self._add_subject(sp)

    def add_subject(self, sp: Speaker) -> None:
        """Record a speaker as a candidate antecedent for later pronouns."""
        if self._queued is not None:
            self._queued.append(sp)
        else:
            self._add_subject(sp)

    def _add_subject(self, sp: Speaker) -> None:
        if sp.kind == "name":
            key = self._key_for(sp.start, sp.end, sp.text)
            before = self.text[max(0, sp.start - 8) : sp.start].split()
            g = _gender_of(before[-1]) if before else None
            first = sp.text.split()[0]
            g = g or _gender_of(first) or self._gender.get(key)
            ent = self.entities.get(key)
            if ent is not None:
                org = ent.kind != "person"
            else:
                org = not self._person_like(sp.text.split(), sp.start)
            self._insert(_Cand(sp.start, key, "n" if org else g, not org, org))
        elif sp.kind == "desc":
            head, mods = _desc_head(sp.text)
            person = head in PERSON_HEADS or head.endswith(("man", "woman", "person"))
            plural = (head.endswith("s") and not head.endswith("ss")) or head in _GROUP_HEADS
            gender = _gender_of(head) if person else "n"
            resolved = (
                self.resolve_description(sp, (head, mods))
                if person or head in _BODY_MEMBERS
                else None
            )
            self._insert(_Cand(sp.start, resolved or "=" + sp.text, gender, person, plural))

    def _insert(self, c: _Cand) -> None:
        i = bisect.bisect_right(self._cpos, c.pos)
        self._cands.insert(i, c)
        self._cpos.insert(i, c.pos)

    @staticmethod
    def _last_in(
        items: list[tuple[int, int, Speaker]],
        pos: list[int],
        lo: int,
        hi: int,
        blocked: Spans,
    ) -> Speaker | None:
        """The last match whose cue lies in ``[lo, hi)``, that starts at or after ``lo`` and
        ends by ``hi``, with its cue outside the quotes."""
        i = bisect.bisect_left(pos, hi) - 1
        steps = 0
        while i >= 0 and items[i][0] >= lo and steps < 8:
            cue, end, sp = items[i]
            i -= 1
            steps += 1
            if sp.start >= lo and end <= hi and not blocked.contains(cue):
                return sp
        return None

    def speaker_before(self, start: int, open_start: int, blocked: Spans) -> Speaker | None:
        """The nearest "X said" before a quote, within its sentence (``start``)."""
        lo = max(start, open_start - BEFORE_WINDOW)
        sp = self._last_in(self._before, self._before_pos, lo, open_start, blocked)
        return None if sp is None else with_how(sp, "before")

    def according_in(self, start: int, end: int) -> Speaker | None:
        """ "according to X" in ``[start, end)``."""
        sp = self._last_in(self._according, self._according_pos, start, end, _NO_SPANS)
        return None if sp is None else with_how(sp, "according")

    def speaker_in(self, start: int, end: int, blocked: Spans, how: str) -> Speaker | None:
        """An attribution anywhere in ``[start, end)``: "according to X", "X said", "said X"."""
        lo = max(start, end - BEFORE_WINDOW * 2)
        sp = self.according_in(lo, end)
        if sp is not None:
            return sp
        a = self._last_in(self._before, self._before_pos, lo, end, blocked)
        b = self._last_in(self._inverted, self._inverted_pos, lo, end, blocked)
        best = a if b is None or (a is not None and a.start > b.start) else b
        return None if best is None else with_how(best, how)

    def _person_like(self, toks: list[str], pos: int) -> bool:
        """Could the name of these words be a person? Not "the X", no organisation words, and
        a single word only when it is a known surname or follows a title."""
        window = self.text[max(0, pos - 12) : pos]  # its last 5 and its last word are read
        if window[-5:].lower().endswith(("the ", "the\n")):
            return False
        if not toks or not NON_PERSON.isdisjoint(toks):
            return False
        prev = window.split()
        if prev and prev[-1].lower() in _NOT_BEFORE_PERSON:
            return False
        if len(toks) == 1:
            if prev and (prev[-1].lower().strip(".") in TITLE_SET):
                return True
            full = self._forms.names.get(toks[0].lower())
            return full is not None and len(full.split()) >= 2
        return True

    def _at_subject(self, pos: int) -> bool:
        """True when only capitalised words, connectives and role words ("Tory leader",
        "former minister") separate ``pos`` from its sentence start."""
        i = bisect.bisect_right(self._sents, pos) - 1
        start = self._sents[i] if i >= 0 else max(0, pos - 40)
        if pos - start > 60:
            return False
        words = self.text[start:pos].replace(",", " ").split()
        if len(words) > 5:
            return False
        for w in words:  # (plain loops: this runs for every candidate)
            if not w[:1].isupper() and w.lower() not in _SUBJECT_PREFIX:
                break
        else:
            return True
        # a short lead-in with no verb of speech: "After the vote Mr X ..."
        return len(words) <= 4 and CUE_FORMS.keys().isdisjoint([w.lower() for w in words])

    def _key_for(self, start: int, end: int, name: str) -> str:
        eid = self.entity_at(start, end)
        return eid if eid is not None else "=" + self.best_name(name, start)

    def entity_at(self, start: int, end: int) -> str | None:
        """The id of a person (else organisation) entity with a mention overlapping the span."""
        i = bisect.bisect_left(self._mstarts, start - self._mreach)
        best: tuple[int, str] | None = None
        while i < len(self._mentions) and self._mentions[i][0] < end:
            s, e, eid, kind = self._mentions[i]
            if e > start and s < end:
                rank = 0 if kind == "person" else 1 if kind in _ORG_KINDS else 2
                if rank < 2 and (best is None or rank < best[0]):
                    best = (rank, eid)
            i += 1
        return None if best is None else best[1]

    def best_name(self, name: str, pos: int = -1) -> str:
        """The most complete form of a name in the text: "Mr Thomas" -> "Richard Thomas"."""
        cleaned = clean_name(name) or name
        toks = cleaned.split()
        if not toks:
            return name
        if len(toks) == 1 and pos >= 0:
            before = self.text[max(0, pos - 6) : pos].split()
            if before and before[-1] in ("Sir", "Dame"):
                full = self._forms.first_names.get(toks[0].lower())
                if full is not None:
                    return full
        full = self._forms.names.get(toks[-1].lower())
        if full is not None and len(full.split()) >= len(toks) and full.split()[-1] == toks[-1]:
            return full
        return cleaned

    def person_by_surname(self, name: str) -> str | None:
        toks = clean_name(name).split()
        if not toks:
            return None
        for e in self.entities.values():
            if e.kind == "person" and e.name.split() and e.name.split()[-1] == toks[-1]:
                return e.id
        return None

    def resolve_pronoun(self, pos: int, pronoun: str, *, names_only: bool = False) -> str | None:
        """The key of the compatible candidate a pronoun at ``pos`` refers to.

        In the current and the previous sentence the latest subject wins, else the latest
        mention; further back, the latest subject, else the latest mention.
        """
        self._build_candidates()
        plural = pronoun.lower() == "they"
        want = _gender_of(pronoun)
        j = bisect.bisect_right(self._sents, pos) - 1
        near = self._sents[j - 1] if j >= 1 else 0
        i = bisect.bisect_left(self._cpos, pos) - 1
        near_any: str | None = None
        far_any: str | None = None
        steps = 0
        while i >= 0 and steps < 80 and pos - self._cands[i].pos <= PRONOUN_REACH:
            c = self._cands[i]
            i -= 1
            steps += 1
            if plural:
                if c.plural:
                    return c.key
                continue
            if names_only and c.key.startswith("=") and not c.key[1:2].isupper():
                continue
            g = c.gender or self._gender.get(c.key)
            if g == "n" or (want is not None and g is not None and g != want):
                continue
            if c.pos >= near:
                if c.subject:
                    return c.key
                near_any = near_any or c.key
                continue
            if near_any is not None:
                return near_any
            if c.subject:
                return c.key
            far_any = far_any or c.key
        return near_any or far_any

    def resolve_org(self, pos: int) -> str | None:
        """ "the company", "it": the most recent organisation shortly before ``pos``."""
        i = bisect.bisect_left(self._mstarts, pos) - 1
        while i >= 0 and pos - self._mentions[i][0] <= ORG_REACH:
            if self._mentions[i][3] in _ORG_KINDS:
                return self._mentions[i][2]
            i -= 1
        self._build_candidates()
        i = bisect.bisect_left(self._cpos, pos) - 1
        while i >= 0 and pos - self._cands[i].pos <= ORG_REACH:
            c = self._cands[i]
            if c.gender == "n" and c.key[1:2].isupper():
                return c.key
            i -= 1
        return None

    def _recent_body(self, pos: int) -> str | None:
        """ "the MPs": the committee (or panel, inquiry) that spoke shortly before."""
        self._build_candidates()
        i = bisect.bisect_left(self._cpos, pos) - 1
        while i >= 0 and pos - self._cands[i].pos <= PRONOUN_REACH:
            c = self._cands[i]
            i -= 1
            if c.key.startswith("=") and _BODY_WORDS & set(c.key[1:].lower().split()):
                return c.key
        return None

    def resolve_description(
        self, sp: Speaker, desc: tuple[str, set[str]] | None = None
    ) -> str | None:
        """ "the Tory leader" -> the key of the most recent holder of that role before it.
        ``desc`` is ``_desc_head(sp.text)`` when the caller has it."""
        head, mods = _desc_head(sp.text) if desc is None else desc
        low = sp.text.lower()
        if head in ORG_HEADS and low.startswith(("the ", "its ")):
            return self.resolve_org(sp.start)
        if head in ANON_HEADS and low.startswith("the "):
            self._build_candidates()
            i = bisect.bisect_left(self._cpos, sp.start) - 1
            while i >= 0 and sp.start - self._cands[i].pos <= PRONOUN_REACH:
                c = self._cands[i]
                if c.key.startswith("=") and _desc_head(c.key[1:])[0] == head:
                    return c.key
                i -= 1
            return None
        if head in _BODY_MEMBERS and low.startswith("the "):
            return self._recent_body(sp.start)
        if not low.startswith("the ") or head not in PERSON_HEADS:
            return None
        i = bisect.bisect_left(self._role_pos, sp.start) - 1
        fallback: str | None = None
        while i >= 0 and sp.start - self._roles[i][0] <= PRONOUN_REACH * 2:
            pos, rhead, rmods, holder = self._roles[i]
            i -= 1
            if rhead != head:
                continue
            key = holder[1:] if holder.startswith("#") else None
            if key is None:
                key = self._key_for(pos, pos, holder)
                if key.startswith("=") and self.entity_at(pos, pos + 80) is None:
                    key = "=" + self.best_name(holder)
            if not mods or mods & rmods:
                return key
            if fallback is None and not rmods:
                fallback = key
        if fallback is None:
            fallback = self.resolve_pronoun(sp.start, "", names_only=True)
        return fallback

    def resolve(self, sp: Speaker) -> tuple[str | None, str]:
        """(entity id or None, speaker_text) for a speaker phrase."""
        if sp.alt is not None and (
            sp.kind == "desc" or (sp.kind == "name" and self.entity_at(sp.start, sp.end) is None)
        ):
            a, b, name = sp.alt
            eid = self.entity_at(a, b)
            return (eid, name) if eid is not None else (None, self.best_name(name, a))
        key: str | None = None
        if sp.kind == "pron" and sp.text.lower() == "it":
            key = self.resolve_org(sp.start)
            if key is None:
                return None, sp.text
        elif sp.kind == "pron":
            key = self.resolve_pronoun(sp.start, sp.text)
            if key is None:
                return None, sp.text
        elif sp.kind == "name":
            eid = self.entity_at(sp.start, sp.end) or self.person_by_surname(sp.text)
            if eid is not None:
                return eid, sp.text
            return None, self.best_name(sp.text, sp.start)
        else:
            key = self.resolve_description(sp)
            if key is None:
                return None, sp.text
        if key.startswith("="):
            return None, key[1:]
        return key, sp.text
