"""The speed-ups of the attribution patterns find what their plain forms find.

Each test builds the plain form (a longest-first alternation, lazy or backtracking
quantifiers) and checks that the faster one gives the same matches and groups.
"""

from __future__ import annotations

import re

import pytest
import regex
from geonews_quotes.cues import CUE_FORMS, DESC_HEADS, NAME_PARTICLES, alternation, canonical_cue
from geonews_quotes.patterns import (
    _CAP_TAIL,
    _CAP_TAIL_POSS,
    BEFORE,
    BEFORE_PLAIN,
    CAP_SEQ,
    CAP_SEQ_PLAIN,
)
from geonews_quotes.resolver import Resolver
from hypothesis import given, settings
from hypothesis import strategies as st

from geonews import Entity, Mention
from geonews.plaintext import is_plain, plain_twin


def _longest_first(words: list[str]) -> str:
    """The alternation as it was written before its words were grouped."""
    parts = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in parts)


def _found(pattern: regex.Pattern[str] | re.Pattern[str], text: str) -> list[object]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


_WORD_LISTS = [
    [f for f in CUE_FORMS if not f.split()[0].endswith("ing")],
    list(NAME_PARTICLES),
    ["a", "an", "another", "point", "point out", "pointed out", "po", "x.y", "a-b"],
]
# what may follow the alternation: nothing, a word boundary, a letter, whitespace
_AFTER = ["", r"\b", r"(?P<rest>[a-z]*)", r"\s+(?P<next>\w+)"]
_TEXTS = [
    "he said, she says, they point out and pointed  out; point\nout, pointing",
    "Anne Another another an a-b a x.y xzy de della del dos St Stan al-Sadr",
    "ACCUSED accused accusing warned warn  warns said.",
]


@pytest.mark.parametrize("words", _WORD_LISTS)
@pytest.mark.parametrize("after", _AFTER)
def test_grouped_alternation_finds_what_the_longest_first_one_does(
    words: list[str], after: str
) -> None:
    for engine in (re, regex):
        new = engine.compile(f"(?P<w>{alternation(words)}){after}")
        old = engine.compile(f"(?P<w>{_longest_first(words)}){after}")
        for text in _TEXTS:
            assert _found(new, text) == _found(old, text)


def test_lowercased_alternation_under_ignorecase() -> None:
    words = list(DESC_HEADS)  # holds "MP" and "MPs"
    new = regex.compile(rf"(?i:{alternation([w.lower() for w in words])})\b")
    old = regex.compile(rf"(?i:{_longest_first(words)})\b")
    text = "The MPs, mps and Mp said; the Minister and ministers, SPOKESMAN spokesmen"
    assert _found(new, text) == _found(old, text)


def test_canonical_cue_of_forms_and_of_other_spellings() -> None:
    assert canonical_cue("said") == "said"
    assert canonical_cue("pointed out") == "pointed out"
    # not a form as written: lowercased, spaces made single (the fallback)
    assert canonical_cue("Pointed \n out") == "pointed out"
    assert canonical_cue("SAID") == "said"


_CAP_TEXTS = [
    "Tony Blair said. Blair’s spokesman said. O’Neill’s aide, Jean-Luc Picard, warned.",
    "Smith-Jones2 said; Mr X’ab’s team said; D’Ab’s view; Rock'n'Roll Hall said",
    "Ünal Sezer said; Re\u0301my Martin said; Ab-Cd’ef- Gh said, Mr. J. R. Ewing said",
    "the firm's chief executive, John Smith, said. A police spokesman - who else - said",
    "Blair’ss words said; X’ Y said; Jean- Luc said; Van der Berg said; de la Rue said",
]


@pytest.mark.parametrize("text", _CAP_TEXTS)
def test_possessive_capitalised_words_find_the_same_matches(text: str) -> None:
    for fast in (BEFORE, CAP_SEQ):
        slow = regex.compile(fast.pattern.replace(_CAP_TAIL_POSS, _CAP_TAIL))
        assert _found(fast, text) == _found(slow, text)
        if is_plain(text):
            twin = BEFORE_PLAIN if fast is BEFORE else CAP_SEQ_PLAIN
            assert _found(twin, text) == _found(plain_twin(slow.pattern), text)


_WORDS = "Tony Blair Blair’s O’Neill Jean- - ’ 's X2 de said the spokesman who has told"
_PARTS = [*_WORDS.split(), " ", " ", ", ", "\n", "e\u0301"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PARTS), max_size=25))
def test_possessive_capitalised_words_on_any_mix(parts: list[str]) -> None:
    text = "".join(parts)
    for fast in (BEFORE, CAP_SEQ):
        slow = regex.compile(fast.pattern.replace(_CAP_TAIL_POSS, _CAP_TAIL))
        assert _found(fast, text) == _found(slow, text)


@pytest.mark.parametrize("gap", [0, 1, 5, 118, 119, 120, 121, 130])
@pytest.mark.parametrize("sep", [", ", ",  ", ", who ", " - "])
def test_apposition_read_at_once_finds_what_the_lazy_one_does(gap: int, sep: str) -> None:
    slow = regex.compile(BEFORE.pattern.replace(r"[^,\n]{1,120}+,", r"[^,\n]{1,120}?,"))
    assert slow.pattern != BEFORE.pattern
    for end in (", said", ",, said", " said", ",\nsaid"):
        text = "Mr Smith" + sep + "a b c " * (gap // 6) + "x" * (gap % 6) + end + " it."
        assert _found(BEFORE, text) == _found(slow, text)


def _entity_at_reference(
    mentions: list[tuple[int, int, str, str]], start: int, end: int
) -> str | None:
    """Resolver.entity_at as first written: mentions from 200 characters back are read."""
    best: tuple[int, str] | None = None
    for s, e, eid, kind in sorted(mentions):
        if start - 200 <= s < end and e > start:
            rank = 0 if kind == "person" else 1 if kind == "organization" else 2
            if rank < 2 and (best is None or rank < best[0]):
                best = (rank, eid)
    return None if best is None else best[1]


def test_entity_at_reads_back_as_far_as_the_longest_mention() -> None:
    text = "x" * 1000
    spans = [(10, 15), (20, 260), (300, 320), (310, 600), (650, 655), (700, 702)]
    entities = [
        Entity(
            id=f"e{i}",
            kind="person" if i % 2 else "organization",
            name="N",
            mentions=(Mention(s, e, text[s:e]),),
        )
        for i, (s, e) in enumerate(spans)
    ]
    mentions = [(m.start, m.end, ent.id, ent.kind) for ent in entities for m in ent.mentions]
    for longest in (entities, [entities[0], *entities[4:]]):  # the longest 240, then 5
        resolver = Resolver(text, longest)
        kept = [m for m in mentions if m[2] in {e.id for e in longest}]
        for start in range(0, 1000, 7):
            for width in (0, 1, 30):
                expected = _entity_at_reference(kept, start, start + width)
                assert resolver.entity_at(start, start + width) == expected
