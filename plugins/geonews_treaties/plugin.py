"""Find agreements in an article and turn each into one ``treaty`` claim.

Mentions are found in three passes over ``doc.masked`` (each linear in the text): gazetteer
names, capitalised names ("Joint Declaration on Strategic Partnership"), and generic heads with
their determiner and modifiers ("a ceasefire agreement", "the deal"). Mentions are then read in
text order: a definite bare head ("the accord") is a later reference to the most recent
compatible agreement; everything else starts or extends an agreement.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import regex

from geonews import Article, Claim, Document, Entity
from geonews.prescan import finditer_at

from . import gazetteer
from .actions import MODIFIER_ACTIONS, action_around
from .parties import EntityIndex, clause_end, party_regions
from .patterns import (
    BAD_FOLLOWERS,
    DETERMINERS,
    EXCLUDE_MODIFIERS,
    HEAD,
    NAMED,
    NAMED_BAD,
    NAMED_STOP_PREFIX,
    NEGATORS,
    STATE_MODIFIERS,
    STRONG_HEADS,
    find_heads,
    head_starts,
    head_type,
)

__all__ = ["find_treaties"]

_TOKEN = regex.compile(r"[\p{L}\p{N}$€£][\p{L}\p{N}$€£.'’&-]{0,40}|[^\s\p{L}\p{N}]")
_NAME_TOKEN = regex.compile(r"\S+")
_NEXT_WORD = regex.compile(r"\s{1,3}([\p{L}-]{1,30})")
_EXTEND = regex.compile(
    r"\s{1,3}(?:signed|agreed|reached|struck|concluded|sealed|inked)\s+(?:between|among)\s+",
    regex.IGNORECASE,
)
_APPOSITION = regex.compile(
    r"\s{0,2}(?:,|\(|\s-{1,2}|\s–|\sor)\s{0,2}"
    r"|\s{1,3}(?:in|on|at|since|last)\s{1,3}[\p{L}\d]{1,12}(?:\s{1,3}[\p{L}\d]{1,12})?,\s{1,3}"
)
# the topic after a head: "an agreement on nuclear cooperation", "a deal to suspend debt ..."
_TOPIC = regex.compile(
    r"\s{1,3}(?:on|for|over|to\s+[\p{L}]{1,20})\s+((?:[\p{L}-]{1,25}\s+){0,2}[\p{L}-]{1,25})"
)
_HEAD_CAP_WORD = regex.compile(
    r"(?<![\w-])(?:Treat(?:y|ies)|Agreements?|Accords?|Pact|Protocols?|Conventions?|Declaration"
    r"|Memorandum|Armistice|Ceasefire|Truce|Charter|Statute)(?![\w-])"
)
_TITLE_SMALL = frozenset({"with", "from", "into", "over", "that", "this", "than", "after"})
_WINDOW = 400  # the widest sentence window read around a mention
_RECENT = 12  # a later reference looks back over this many agreements
_CAP_GENERIC = regex.compile(r"Memorand(?:um|a)\s+of\s+Understanding|MoUs?|MOUs?")
_MONEY = regex.compile(r"^[$€£]|\d")
_FAIL_BEFORE = regex.compile(
    r"\b(?:without|no|fail(?:s|ed|ure)?\s+to\s+\w+|hopes?\s+(?:of|for)|rul(?:e|ed|ing)\s+out"
    r"|unable\s+to\s+\w+|did\s+not\s+\w+|didn['’]t\s+\w+|could\s+not\s+\w+|call(?:s|ed|ing)?"
    r"\s+for|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)\s+\w+\s+to\s+\w+|denied\s+that)\s+$",
    regex.IGNORECASE,
)
_MOD_STOP = frozenset(
    """to of in on with for by or is was be been are were has have had will would can could
    said says say that which who than as at from it they he she we not also after before
    over under into about against between among during since until while when if so but
    there here what where why how all more most very such up out off do does did just
    only again still yet even now then""".split()
)
_DEFINITE = frozenset({"the", "this", "that", "its", "their", "his", "her", "our"})
_CEASEFIRE_MODS = frozenset({"ceasefire", "cease-fire", "truce", "armistice"})
_WEAK_SPECIAL = frozenset({"protocol", "convention", "declaration", "charter"})
_SPEC_KNOWN, _SPEC_NAMED, _SPEC_GENERIC, _SPEC_BARE, _SPEC_REF = 4, 3, 2, 1, 0
_COMPATIBLE: dict[str, frozenset[str] | None] = {
    "agreement": None,
    "deal": None,
    "accord": None,
    "pact": None,
    "treaty": frozenset({"treaty", "convention", "pact", "charter", "agreement", "accord"})
    | frozenset({"protocol", "other"}),
    "ceasefire": frozenset({"ceasefire", "agreement", "deal", "accord"}),
    "memorandum": frozenset({"memorandum"}),
    "declaration": frozenset({"declaration"}),
    "protocol": frozenset({"protocol"}),
    "convention": frozenset({"convention", "treaty"}),
    "charter": frozenset({"charter", "treaty"}),
    "other": frozenset({"other"}),
}


@dataclass
class _Mention:
    start: int
    end: int
    spec: int
    type: str
    head: str = ""
    det: str | None = None
    mods: tuple[str, ...] = ()
    known: gazetteer.Known | None = None
    key: str = ""
    plural: bool = False
    caps: bool = False  # a capitalised modifier ("the US-India deal")
    core_end: int = -1  # where the mention proper ends (before an added "signed between ...")

    def __post_init__(self) -> None:
        if self.core_end < 0:
            self.core_end = self.end


@dataclass
class _Agreement:
    type: str
    key: str
    known: gazetteer.Known | None
    first: int
    first_sent: int
    mentions: list[_Mention] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    action: str | None = None
    confidence: float = 0.9

    def primary(self) -> _Mention:
        return max(self.mentions, key=lambda m: (m.spec, m.end - m.start, -m.start))


def _titlecase(text: str, span: tuple[int, int]) -> bool:
    """A Title Case headline: every longer word capitalised ("Russia Signs Trade Agreement")."""
    words = [
        w
        for w in _NAME_TOKEN.findall(text[span[0] : span[1]])
        if len(w) >= 4 and w[:1].isalpha() and w.lower() not in _TITLE_SMALL
    ]
    return len(words) >= 3 and all(w[:1].isupper() for w in words)


class _Spans:
    """Sorted, non-overlapping spans already taken by a mention; lookups by bisection."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(spans):
            if not self.overlaps(s, e):
                self.add(s, e)

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_left(self.starts, s)
        self.starts.insert(i, s)
        self.ends.insert(i, e)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e)
        return i > 0 and self.ends[i - 1] > s

    def within(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """The spans that overlap ``[lo, hi)``, in order."""
        i = bisect.bisect_left(self.starts, hi)
        out = []
        while i > 0 and self.ends[i - 1] > lo:
            i -= 1
            out.append((self.starts[i], self.ends[i]))
        out.reverse()
        return out


def _known_mentions(text: str) -> list[_Mention]:
    out = []
    for s, e, k in gazetteer.find_known(text):
        out.append(_Mention(s, e, _SPEC_KNOWN, k.type, known=k, key="known:" + k.name))
    return out


def _named_matches(text: str, starts: list[int] | None) -> Iterator[regex.Match[str]]:
    """NAMED matches, tried only in a window around each capitalised head word."""
    done = 0
    for h in finditer_at(_HEAD_CAP_WORD, text, starts):
        if h.start() < done:
            continue
        lo = max(done, h.start() - 300)
        for m in NAMED.finditer(text, lo, min(len(text), h.end() + 300)):
            if m.end() <= h.start():
                continue
            if m.start() <= h.start():
                done = m.end()
                yield m
            break


def _named_mentions(
    text: str, taken: _Spans, headline: tuple[int, int] | None, starts: list[int] | None
) -> list[_Mention]:
    out = []
    # a Title Case headline ("Russia Signs Trade Agreement") makes every word look like a name;
    # whether it is one is only worked out for a match in it
    titled: bool | None = None
    for m in _named_matches(text, starts):
        s, e = m.start(), m.end()
        if headline is not None and headline[0] <= s < headline[1]:
            if titled is None:
                titled = headline[1] - headline[0] <= 300 and _titlecase(text, headline)
            if titled:
                continue
        # drop leading words that are not part of the name ("The", "Yesterday", "Signed")
        for w in _NAME_TOKEN.finditer(text, s, e):
            if w.group().lower().strip(",") in NAMED_STOP_PREFIX:
                s = w.end()
                while s < e and text[s].isspace():
                    s += 1
            else:
                break
        name = text[s:e]
        if not name or NAMED_BAD.search(name) is not None:
            continue
        heads = list(HEAD.finditer(name))
        if not heads:
            continue
        # a bare capitalised head ("Agreement", "Memorandum of Understanding") is no name
        if heads[0].start() == 0 and heads[0].end() == len(name):
            continue
        nxt = _NEXT_WORD.match(text, e)
        if nxt is not None and nxt.group(1).lower() in BAD_FOLLOWERS:
            continue
        if taken.overlaps(s, e):
            continue
        head = heads[0].group() if heads[0].start() == 0 else heads[-1].group()
        key = "named:" + " ".join(name.lower().replace("’", "'").split())
        out.append(_Mention(s, e, _SPEC_NAMED, head_type(head), head=head.lower(), key=key))
        taken.add(s, e)
    return out


def _generic_mentions(
    text: str, taken: _Spans, doc: Document, starts: list[int] | None
) -> list[_Mention]:
    out = []
    for hs, he in find_heads(text, starts):
        if taken.overlaps(hs, he):
            continue
        word = text[hs:he]
        head = " ".join(word.lower().split())
        sent = _sentence(doc, hs)
        if word[0].isupper() and hs != sent[0] and not _CAP_GENERIC.fullmatch(word):
            continue  # a capitalised head mid-sentence that is no known name
        nxt = _NEXT_WORD.match(text, he)
        follower = nxt.group(1).lower() if nxt is not None else ""
        if follower in BAD_FOLLOWERS or (
            nxt is not None and HEAD.fullmatch(follower) is not None and follower.islower()
        ):
            continue
        window_start = max(sent[0], hs - 90)
        for a, _ in taken.within(window_start, hs):
            window_start = max(window_start, a)
        toks = [(t.start() + 0, t.group()) for t in _TOKEN.finditer(text, window_start, hs)]
        det: str | None = None
        det_start = hs
        mods: list[str] = []
        for pos, tok in reversed(toks):
            low = tok.lower()
            if low in NEGATORS:
                det = "no"
                break
            if low in DETERMINERS and (tok.islower() or pos == sent[0]):
                det, det_start = low, pos
                break
            if len(tok) > 2 and low.endswith(("'s", "’s")) and tok[0].isupper():
                det, det_start = "poss", pos
                mods.append(tok[:-2])
                break
            if len(mods) >= 5 or (low in _MOD_STOP and low != "and"):
                break
            if low == "and" and not mods:
                break
            if not (tok[0].isalnum() or tok[0] in "$€£"):
                break
            mods.append(tok)
            det_start = pos
        inner = next((x for x in taken.within(det_start, hs) if det_start <= x[0]), None)
        if inner is not None:
            # "the New START treaty", "the CPTPP trade pact": a mention of that agreement
            if det is not None and det != "no":
                out.append(
                    _Mention(
                        det_start, he, _SPEC_NAMED, head_type(head), head=head, key=f"@{inner[0]}"
                    )
                )
            continue
        if det is None or det == "no":
            continue
        mods.reverse()
        if mods and mods[0].lower() == "and":
            continue
        low_mods = tuple(x.lower() for x in mods)
        if head == "deal" and follower == "of" and any(x in ("great", "good") for x in low_mods):
            continue
        if any(part in EXCLUDE_MODIFIERS for x in low_mods for part in x.split("-")):
            continue
        plural = head.endswith("s") and not head.endswith(("ss", "us"))
        if head.startswith("memoranda") or head.endswith("ies"):
            plural = True
        singular_head = head_type(head) if head_type(head) != "other" else head
        if det in ("a", "an", "another", "one", "any") and _FAIL_BEFORE.search(
            text, max(sent[0], det_start - 40), det_start
        ):
            continue
        typ = head_type(head)
        if typ in ("agreement", "deal") and any(x in _CEASEFIRE_MODS for x in low_mods):
            typ = "ceasefire"
        spec = _SPEC_GENERIC if mods else (_SPEC_REF if det in _DEFINITE else _SPEC_BARE)
        end = he
        if not mods and _EXTEND.match(text, he) is not None:
            ext = _EXTEND.match(text, he)
            assert ext is not None
            end = clause_end(text, ext.end(), sent[1])
            spec = _SPEC_GENERIC
        out.append(
            _Mention(
                det_start,
                end,
                spec,
                typ,
                head=singular_head,
                det=det,
                mods=low_mods,
                plural=plural,
                caps=any(x[:1].isupper() for x in mods),
                core_end=he,
            )
        )
    return out


def _sentence(doc: Document, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``, clamped to a window so that a text without sentence ends
    never makes the per-mention work grow with the text."""
    s, e = doc.sentence_at(pos)
    return max(s, pos - _WINDOW), min(e, pos + _WINDOW)


def _compatible(ref_type: str, agr_type: str) -> bool:
    allowed = _COMPATIBLE.get(ref_type, frozenset({ref_type}))
    return allowed is None or agr_type in allowed


class _Finder:
    def __init__(self, article: Article, entities: Sequence[Entity], doc: Document) -> None:
        self.text = doc.masked
        self.doc = doc
        self.entities = entities
        self.agreements: list[_Agreement] = []

    @cached_property
    def index(self) -> EntityIndex:
        """The parties' mentions, indexed only for an article with an agreement mention."""
        return EntityIndex(self.entities)

    def mention_info(self, m: _Mention) -> tuple[str | None, list[str], bool]:
        sent = _sentence(self.doc, m.start)
        action, verb_at = action_around(self.text, m.start, m.core_end, sent[0], sent[1])
        if action is None:
            for x in m.mods:
                if x in MODIFIER_ACTIONS:
                    action = MODIFIER_ACTIONS[x]
                    break
        regions = party_regions(self.text, m.start, m.end, sent, verb_at)
        parties, state = self.index.parties(self.text, regions)
        return action, parties, state

    def supported(self, m: _Mention, action: str | None, state: bool) -> bool:
        """Whether a generic mention is an international agreement (not a private deal)."""
        if m.plural:
            return False
        state_mod = any(p in STATE_MODIFIERS for x in m.mods for p in (x, *x.split("-")))
        topic = _TOPIC.match(self.text, m.core_end)
        if topic is not None:
            words = topic.group(1).lower().split()
            state_mod = state_mod or any(
                p in STATE_MODIFIERS for w in words for p in (w, *w.split("-"))
            )
        if m.head == "settlement":
            return any(x in ("peace", "political", "border", "territorial") for x in m.mods) or (
                state and action == "sign" and any(_MONEY.search(x) for x in m.mods)
            )
        if m.head in _WEAK_SPECIAL:
            return state_mod or (state and action is not None)
        if m.head in STRONG_HEADS or m.type == "ceasefire":
            return True
        return state_mod or state or (m.caps and action is not None)

    def run(self) -> list[_Agreement]:
        text = self.text
        headline = self.doc.paragraphs[0] if self.doc.paragraphs else None
        mentions = _known_mentions(text)
        taken = _Spans([(m.start, m.end) for m in mentions])
        starts = head_starts(text, self.doc.plain)  # where head words may be, for both passes
        mentions += _named_mentions(text, taken, headline, starts)
        mentions += _generic_mentions(text, taken, self.doc, starts)
        mentions.sort(key=lambda m: (m.start, -m.end))
        by_key: dict[str, _Agreement] = {}
        key_at = {m.start: m.key for m in mentions if m.key and not m.key.startswith("@")}
        for m in mentions:
            if m.key.startswith("@"):
                m.key = key_at.get(int(m.key[1:]), "")
                if not m.key:
                    continue
        prev: tuple[int, _Agreement] | None = None
        for m in mentions:
            action, parties, state = self.mention_info(m)
            sent_idx = self.doc.sentence_index(m.start)
            if m.key:
                agr = by_key.get(m.key)
                if agr is None:
                    agr = self._new(m, sent_idx)
                    by_key[m.key] = agr
                self._add(agr, m, action, parties, contributes=True)
                prev = (m.end, agr)
                continue
            target = None
            if m.det in _DEFINITE | {"poss"}:
                if prev is not None and _APPOSITION.fullmatch(text, prev[0], m.start) is not None:
                    target = prev[1]  # "New START, the last arms control pact with ..."
                else:
                    target = self._resolve(m, parties)
            if target is not None:
                near = sent_idx - target.first_sent <= 2
                self._add(target, m, action, parties, contributes=near or m.spec >= 2)
                prev = (m.end, target)
                continue
            if not self.supported(m, action, state):
                continue
            agr = self._new(m, sent_idx)
            agr.confidence = 0.8 if m.spec >= _SPEC_GENERIC else 0.6
            self._add(agr, m, action, parties, contributes=True)
            prev = (m.end, agr)
        return self.agreements

    def _new(self, m: _Mention, sent_idx: int) -> _Agreement:
        agr = _Agreement(
            type=m.type,
            key=m.key,
            known=m.known,
            first=m.start,
            first_sent=sent_idx,
            confidence=0.95 if m.spec >= _SPEC_NAMED else 0.8,
        )
        self.agreements.append(agr)
        return agr

    def _add(
        self,
        agr: _Agreement,
        m: _Mention,
        action: str | None,
        parties: list[str],
        *,
        contributes: bool,
    ) -> None:
        agr.mentions.append(m)
        agr.words.update(m.mods)
        agr.words.update(w.lower() for w in self.text[m.start : m.end].split())
        if agr.action is None and action is not None:
            agr.action = action
        if contributes:
            for p in parties:
                if p not in agr.parties:
                    agr.parties.append(p)

    def _resolve(self, m: _Mention, hint: list[str]) -> _Agreement | None:
        """The agreement a definite mention refers back to, or None."""
        candidates = [
            a
            for a in reversed(self.agreements[-_RECENT:])
            if a.first < m.start and _compatible(m.type, a.type) and self._mods_fit(m, a)
        ]
        if not candidates:
            return None
        inner = set(self.index_ids(m.start, m.end))
        hint_set = set(hint) - inner if m.mods else set(hint)
        if hint_set:
            for a in candidates:
                if hint_set & set(a.parties):
                    return a
        if m.spec >= _SPEC_GENERIC and m.mods:
            # "the nuclear deal" after "a ceasefire agreement": a different agreement
            return None if not self._mods_fit(m, candidates[0], strict=True) else candidates[0]
        return candidates[0]

    def index_ids(self, start: int, end: int) -> list[str]:
        return [x.entity.id for x in self.index.inside(start, end)]

    def _mods_fit(self, m: _Mention, a: _Agreement, *, strict: bool = False) -> bool:
        if not m.mods:
            return True
        words = a.words
        content = [x for x in m.mods if x not in ("new", "latest", "landmark", "historic")]
        if not content:
            return True
        if strict or a.known is None:
            return any(x in words for x in content)
        return True


def find_treaties(article: Article, entities: Sequence[Entity], doc: Document) -> list[Claim]:
    """The treaty claims of one article: one per agreement, with all its mentions."""
    text = article.text
    out: list[Claim] = []
    for agr in _Finder(article, entities, doc).run():
        p = agr.primary()
        mentions = sorted({(m.start, m.end) for m in agr.mentions})
        typ = p.type
        if agr.known is not None:
            h = HEAD.search(text, p.start, p.end)
            typ = head_type(h.group()) if h is not None else agr.known.type
        value: dict[str, Any] = {
            "name": text[p.start : p.end],
            "type": typ,
            "parties": list(agr.parties),
            "action": agr.action,
            "mentions": [{"start": s, "end": e, "text": text[s:e]} for s, e in mentions],
            "year": agr.known.year if agr.known is not None else None,
            "canonical": agr.known.name if agr.known is not None else None,
        }
        out.append(
            Claim(
                kind="treaty",
                start=p.start,
                end=p.end,
                text=text[p.start : p.end],
                value=value,
                entities=tuple(agr.parties),
                confidence=agr.confidence,
            )
        )
    return out
