"""The treaty gazetteer: its file format, and lookups of names, aliases and acronyms."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from geonews_treaties import gazetteer
from hypothesis import given, settings
from hypothesis import strategies as st

RAW = json.loads(
    resources.files("geonews_treaties").joinpath("agreements.json").read_text(encoding="utf-8")
)


def test_format() -> None:
    assert set(RAW) == {"version", "agreements"}
    records = RAW["agreements"]
    assert len(records) >= 300
    for r in records:
        assert set(r) == {"name", "aliases", "acronyms", "type", "year"}, r
        assert isinstance(r["name"], str) and r["name"].strip() == r["name"] and r["name"]
        assert r["type"] in gazetteer.TYPES, r
        assert isinstance(r["year"], int) and 1400 <= r["year"] <= 2030, r
        assert isinstance(r["aliases"], list) and isinstance(r["acronyms"], list)
        for a in r["aliases"] + r["acronyms"]:
            assert isinstance(a, str) and a.strip() == a and a, r
            assert a != r["name"], r
        for a in r["acronyms"]:
            assert " " not in a and any(ch.isupper() for ch in a), a


def test_names_are_unique() -> None:
    seen: dict[str, str] = {}
    for r in RAW["agreements"]:
        for key in [r["name"], *r["aliases"], *r["acronyms"]]:
            k = key.lower()
            assert seen.get(k, r["name"]) == r["name"], f"{key!r} names two agreements"
            seen[k] = r["name"]


def test_load_matches_file() -> None:
    known = gazetteer.load()
    assert len(known) == len(RAW["agreements"])
    assert all(k.type in gazetteer.TYPES for k in known)


@pytest.mark.parametrize(
    ("surface", "canonical", "year"),
    [
        ("Lisbon Treaty", "Treaty of Lisbon", 2007),
        ("treaty of lisbon", "Treaty of Lisbon", 2007),
        ("NPT", "Treaty on the Non-Proliferation of Nuclear Weapons", 1968),
        ("New START", "New START", 2010),
        ("JCPOA", "Joint Comprehensive Plan of Action", 2015),
        ("NAFTA", "North American Free Trade Agreement", 1994),
        ("USMCA", "United States-Mexico-Canada Agreement", 2018),
        ("Abraham Accords", "Abraham Accords", 2020),
        ("Minsk agreements", "Minsk II", 2015),
        ("Good Friday Agreement", "Good Friday Agreement", 1998),
        ("Rome Statute", "Rome Statute of the International Criminal Court", 1998),
        ("Paris Agreement", "Paris Agreement", 2015),
        ("Kyoto Protocol", "Kyoto Protocol", 1997),
    ],
)
def test_lookup(surface: str, canonical: str, year: int) -> None:
    k = gazetteer.lookup(surface)
    assert k is not None
    assert (k.name, k.year) == (canonical, year)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Britain may quit the European Convention on Human Rights.",
            ["European Convention on Human Rights"],
        ),
        ("It signed the Kyoto Protocol's annex and the NPT.", ["Kyoto Protocol", "NPT"]),
        ("the U.S.-Japan Security Treaty", ["U.S.-Japan Security Treaty"]),
        ("the nuclear non-proliferation treaty", ["nuclear non-proliferation treaty"]),
        ("the Treaty of Lisbon, the Lisbon Treaty", ["Treaty of Lisbon", "Lisbon Treaty"]),
        # an alias never spans a comma, and a hyphenated word is no acronym
        ("Paris, Agreement", []),
        ("anti-NPT protests", []),
        ("NPTX and XNPT", []),
    ],
)
def test_find_known(text: str, found: list[str]) -> None:
    got = [text[s:e] for s, e, _ in gazetteer.find_known(text)]
    assert got == found


def _reference_known(text: str) -> list[tuple[int, int, str]]:
    """find_known as first written: every candidate start tried, none skipped unseen."""
    _, firsts = gazetteer._index()
    out = []
    resume = 0
    for c in gazetteer._candidates().finditer(text):
        start = c.start()
        first = gazetteer._TOKEN.match(text, start)
        if start < resume or first is None or first.group() not in firsts:
            continue
        options = firsts[first.group()]
        longest = max(len(k) for k, _ in options)
        toks = [first]
        for t in gazetteer._TOKEN.finditer(
            text, first.end(), min(len(text), first.end() + 60 * longest)
        ):
            if len(toks) >= longest or not text[toks[-1].end() : t.start()].isspace():
                break
            toks.append(t)
        for key, k in options:
            if len(key) <= len(toks) and all(toks[x].group() == key[x] for x in range(1, len(key))):
                resume = toks[len(key) - 1].end()
                out.append((start, resume, k.name))
                break
    return out


_ALIASES = sorted({" ".join(k) for opts in gazetteer._index()[1].values() for k, _ in opts})
_GLUE = ["", " ", "  ", "\n", " \t ", ",", "-", "x", "é", "’", ".", "(", " " * 130]


@settings(deadline=None, database=None, max_examples=300)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_ALIASES) | st.sampled_from([a for a in _ALIASES if a[0].islower()]),
            st.sampled_from(_GLUE),
            st.sampled_from(["keep", "upper", "cut", "spaced"]),
            st.integers(0, 40),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_find_known_is_the_reference(parts: list[tuple[str, str, str, int]]) -> None:
    """Only the places where an alias's first two tokens are get tried; the others could
    find nothing (the same text in upper case, cut short, or spaced out differently)."""
    pieces = []
    for alias, glue, how, n in parts:
        if how == "upper":
            alias = alias.upper()
        elif how == "cut":
            alias = alias[: n % (len(alias) + 1)]
        elif how == "spaced":
            alias = alias.replace(" ", glue or "\n")
        pieces.append(alias + glue)
    text = "".join(pieces)
    assert [(s, e, k.name) for s, e, k in gazetteer.find_known(text)] == _reference_known(text)
