"""The treaties plugin: names, generic mentions, later references, parties, actions, time."""

from __future__ import annotations

import time
from typing import Any

import geonews_treaties
import pytest
import regex
from geonews_treaties import patterns, plugin
from geonews_treaties.plugin import find_treaties
from hypothesis import given, settings
from hypothesis import strategies as st

import geonews
from geonews import Article, Document, Entity, Mention
from geonews.plaintext import is_plain
from geonews.prescan import finditer_at

# surface -> (kind, id, name, code): what an entities plugin would report
_ENTITIES: dict[str, tuple[str, str, str, str | None]] = {}
for _code, _surfaces in {
    "RUS": ["Russia", "Russian", "Moscow"],
    "PER": ["Peru", "Peruvian"],
    "ARG": ["Argentina", "Argentine"],
    "UKR": ["Ukraine", "Ukrainian"],
    "USA": ["United States", "US", "Washington"],
    "GBR": ["Britain", "British", "UK"],
    "FRA": ["France", "French"],
    "DEU": ["Germany", "German"],
    "IRN": ["Iran", "Iranian"],
    "CHN": ["China", "Chinese"],
    "JPN": ["Japan", "Japanese"],
    "ISR": ["Israel", "Israeli"],
    "TUR": ["Turkey", "Turkish"],
    "IND": ["India"],
    "PAK": ["Pakistan"],
    "MEX": ["Mexico"],
    "CAN": ["Canada"],
    "EGY": ["Egypt"],
    "COL": ["Colombia"],
    "BRA": ["Brazil"],
}.items():
    for _s in _surfaces:
        _ENTITIES[_s] = ("country", f"country:{_code}", _s, _code)
for _slug, _name in {
    "gazprom": "Gazprom",
    "ypf": "YPF",
    "eu": "European Union",
    "nato": "NATO",
    "shell": "Shell",
    "bg-group": "BG Group",
    "mitsubishi": "Mitsubishi Motors",
    "peugeot": "Peugeot",
    "farc": "FARC",
}.items():
    _ENTITIES[_name] = ("organization", f"organization:{_slug}", _name, None)
_ENTITIES["EU"] = _ENTITIES["European Union"]
_ENTITY_RE = regex.compile(
    r"(?<![\w-])(?:"
    + "|".join(regex.escape(s) for s in sorted(_ENTITIES, key=len, reverse=True))
    + r")(?![\w])"
)


def entities_of(text: str) -> list[Entity]:
    found: dict[str, Entity] = {}
    for m in _ENTITY_RE.finditer(text):
        kind, eid, name, code = _ENTITIES[m.group()]
        prev = found.get(eid)
        mention = Mention(m.start(), m.end(), m.group())
        mentions = (*prev.mentions, mention) if prev else (mention,)
        found[eid] = Entity(kind=kind, name=name, code=code, id=eid, mentions=mentions)
    return list(found.values())


class _Entities:
    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities

    @geonews.hookimpl
    def extract_entities(self) -> list[Entity]:
        return self.entities


def run(text: str, published: str | None = "2024-05-02") -> list[geonews.Claim]:
    pipe = geonews.Pipeline(
        plugins=[_Entities(entities_of(text)), geonews_treaties], load_entrypoints=False
    )
    result = pipe.extract(Article(text=text, published=published))
    assert not result.errors, result.errors
    return list(result.of_kind("treaty"))


def values(text: str) -> list[dict[str, Any]]:
    return [dict(c.value) for c in run(text)]


# --- the seed article ------------------------------------------------------------------------


def test_seed_article(seed_text: str) -> None:
    claims = run(seed_text, published="2015-12-02")
    assert [c.value["type"] for c in claims] == ["declaration", "memorandum"]
    decl, memo = claims
    assert decl.text == "Joint Declaration on Strategic Partnership"
    assert sorted(decl.value["parties"]) == ["country:PER", "country:RUS"]
    assert decl.value["action"] == "sign"
    # "The agreement commits ..." and "the agreement with Peru" are later references
    refs = [m["text"] for m in decl.value["mentions"]]
    assert refs == ["Joint Declaration on Strategic Partnership", "The agreement", "the agreement"]
    assert decl.time is not None and decl.time.value == "2015-12-01"  # "Yesterday"
    assert "memorandum signed between Russia’s Gazprom and Argentina’s YPF" in memo.text
    assert memo.value["parties"] == ["organization:gazprom", "organization:ypf"]
    assert memo.value["action"] == "sign"
    for c in claims:
        assert seed_text[c.start : c.end] == c.text
        for m in c.value["mentions"]:
            assert seed_text[m["start"] : m["end"]] == m["text"]


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "type_", "canonical"),
    [
        (
            "Ireland ratified the Treaty of Lisbon in 2009.",
            "Treaty of Lisbon",
            "treaty",
            "Treaty of Lisbon",
        ),
        (
            "Ireland ratified the Lisbon Treaty in 2009.",
            "Lisbon Treaty",
            "treaty",
            "Treaty of Lisbon",
        ),
        (
            "Iran is a signatory of the NPT.",
            "NPT",
            "treaty",
            "Treaty on the Non-Proliferation of Nuclear Weapons",
        ),
        ("Russia suspended New START last year.", "New START", "treaty", "New START"),
        (
            "Iran said it would abide by the JCPOA.",
            "JCPOA",
            "agreement",
            "Joint Comprehensive Plan of Action",
        ),
        (
            "Mexico and Canada renegotiated NAFTA.",
            "NAFTA",
            "agreement",
            "North American Free Trade Agreement",
        ),
        (
            "The USMCA took effect in July.",
            "USMCA",
            "agreement",
            "United States-Mexico-Canada Agreement",
        ),
        ("Bahrain joined the Abraham Accords.", "Abraham Accords", "accord", "Abraham Accords"),
        ("Kyiv said the Minsk agreements were dead.", "Minsk agreements", "agreement", "Minsk II"),
        (
            "The Good Friday Agreement was signed in 1998.",
            "Good Friday Agreement",
            "agreement",
            "Good Friday Agreement",
        ),
        (
            "Hungary left the Rome Statute.",
            "Rome Statute",
            "treaty",
            "Rome Statute of the International Criminal Court",
        ),
        (
            "Washington rejoined the Paris Agreement.",
            "Paris Agreement",
            "agreement",
            "Paris Agreement",
        ),
        (
            "The two sides signed the Tashkent Water Accord on Monday.",
            "Tashkent Water Accord",
            "accord",
            None,
        ),
        (
            "They adopted the Convention on Coastal Fisheries Cooperation.",
            "Convention on Coastal Fisheries Cooperation",
            "convention",
            None,
        ),
        (
            "Both leaders signed a Joint Declaration on Strategic Partnership.",
            "Joint Declaration on Strategic Partnership",
            "declaration",
            None,
        ),
        (
            "France and Chad signed the N'Djamena Defence Pact in May.",
            "N'Djamena Defence Pact",
            "pact",
            None,
        ),
        (
            "Ministers approved the Protocol on Transit Fees.",
            "Protocol on Transit Fees",
            "protocol",
            None,
        ),
        (
            "The Charter of Fundamental Rights binds all member states.",
            "Charter of Fundamental Rights",
            "charter",
            None,
        ),
    ],
)
def test_named(text: str, name: str, type_: str, canonical: str | None) -> None:
    got = values(text)
    assert len(got) == 1, got
    v = got[0]
    assert (v["name"], v["type"], v["canonical"]) == (name, type_, canonical)
    if canonical is not None:
        assert isinstance(v["year"], int)
    else:
        assert v["year"] is None


# --- generic mentions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        (
            "Russia and Ukraine signed a ceasefire agreement on Friday.",
            "a ceasefire agreement",
            "ceasefire",
        ),
        ("Colombia and FARC rebels agreed the peace deal in Havana.", "the peace deal", "deal"),
        (
            "Mexico proposed a bilateral investment treaty with India.",
            "a bilateral investment treaty",
            "treaty",
        ),
        (
            "Britain is negotiating a free trade agreement with the EU.",
            "a free trade agreement",
            "agreement",
        ),
        ("Israel and Turkey agreed a truce late on Sunday.", "a truce", "ceasefire"),
        (
            "Japan and India signed a memorandum of understanding on rail.",
            "a memorandum of understanding",
            "memorandum",
        ),
        ("Egypt said it would honour its peace treaty with Israel.", "its peace treaty", "treaty"),
        ("The pact was signed by Iran and China.", "The pact", "pact"),
        ("Pakistan and India signed an accord on nuclear risk.", "an accord", "accord"),
    ],
)
def test_generic(text: str, name: str, type_: str) -> None:
    got = values(text)
    assert len(got) == 1, got
    assert got[0]["name"].startswith(name)
    assert got[0]["type"] == type_
    assert got[0]["canonical"] is None


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders agreed to meet again next month.",
        "Most economists are in agreement with analysts on inflation.",
        "The Paris talks ended without a deal on Thursday.",
        "Delegates gathered at a convention centre in Madrid.",
        "The clinic introduced a protocol for hospital hygiene.",
        "Shell signed a merger agreement with BG Group.",
        "Mitsubishi Motors signed a supply deal with Peugeot.",
        "The UN Security Council passed a resolution calling for a ceasefire.",
        "Investors will have to deal with higher rates.",
        "The firm spent a great deal of money on advertising.",
        "The striker signed a four-year deal with the club.",
        "The Republican National Convention opens in July.",
        "The Declaration of Independence was signed in 1776.",
        "Voice over Internet Protocol calls are cheap.",
        "The airline flies charter flights to Spain.",
        "Ministers failed to reach a deal on fishing quotas.",
        "There was no agreement on the timing, officials said.",
        "Israeli settlements are illegal under international law, most countries say.",
        "Russia has shown itself prepared to cut deals in the region.",
        "The prosecutor offered him a plea deal.",
        "The Japanese car maker signed a production agreement with its rival.",
    ],
)
def test_not_agreements(text: str) -> None:
    assert values(text) == []


# --- later references -----------------------------------------------------------------------------


def test_later_references_are_one_agreement() -> None:
    text = (
        "Russia and Ukraine signed a ceasefire agreement in Minsk on Friday. "
        "The agreement takes effect at midnight. Kyiv said the ceasefire was fragile. "
        "Under the deal, prisoners will be exchanged."
    )
    got = values(text)
    assert len(got) == 1
    assert [m["text"] for m in got[0]["mentions"]] == [
        "a ceasefire agreement",
        "The agreement",
        "the ceasefire",
        "the deal",
    ]


def test_reference_with_a_party_picks_that_agreement() -> None:
    text = (
        "Russia signed a Joint Declaration on Energy Partnership with Peru. "
        "Separately, Gazprom signed a gas supply memorandum with YPF in Argentina. "
        "Analysts said the agreement with Peru mattered more."
    )
    got = values(text)
    assert [v["type"] for v in got] == ["declaration", "memorandum"]
    assert [m["text"] for m in got[0]["mentions"]][-1] == "the agreement"
    assert len(got[1]["mentions"]) == 1


def test_apposition_is_the_same_agreement() -> None:
    got = values("Moscow suspended New START, the last arms control pact with Washington.")
    assert len(got) == 1
    assert got[0]["canonical"] == "New START"
    assert sorted(got[0]["parties"]) == ["country:RUS", "country:USA"]


def test_two_distinct_agreements() -> None:
    text = (
        "Brazil and Argentina signed an agreement on nuclear cooperation on Thursday. "
        "Separately, Brazil signed a trade deal with China."
    )
    got = values(text)
    assert [v["type"] for v in got] == ["agreement", "deal"]
    assert sorted(got[0]["parties"]) == ["country:ARG", "country:BRA"]
    assert sorted(got[1]["parties"]) == ["country:BRA", "country:CHN"]


# --- parties --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("A treaty was signed between France and Germany in 1963.", ["country:DEU", "country:FRA"]),
        ("France and Germany signed a friendship treaty.", ["country:DEU", "country:FRA"]),
        (
            "Russia's Gazprom and Argentina's YPF signed a gas memorandum.",
            ["organization:gazprom", "organization:ypf"],
        ),
        ("Britain left the European Convention on Human Rights.", ["country:GBR"]),
        ("Turkey joined the Chemical Weapons Convention.", ["country:TUR"]),
        (
            "Britain, France and Germany signed the Paris Agreement.",
            ["country:DEU", "country:FRA", "country:GBR"],
        ),
        ("The Peruvian president signed a defence pact.", ["country:PER"]),
        ("Britain said it would ratify the Paris Agreement.", ["country:GBR"]),
        ("Iran signed a US-brokered border deal with Turkey.", ["country:IRN", "country:TUR"]),
        ("Pakistan accused India of violating the Indus Waters Treaty.", ["country:IND"]),
        (
            "Mexico signed a trade agreement with the European Union.",
            ["country:MEX", "organization:eu"],
        ),
        ("The Kyoto Protocol entered into force in 2005.", []),
    ],
)
def test_parties(text: str, parties: list[str]) -> None:
    got = values(text)
    assert len(got) == 1, got
    assert sorted(got[0]["parties"]) == parties


def test_party_without_entity_is_left_out() -> None:
    # no entity for "Ruritania": no party is made up
    got = values("Ruritania signed the Paris Agreement.")
    assert got[0]["parties"] == []


# --- actions --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Peru signed the Paris Agreement.", "sign"),
        ("Russia ratified the Kyoto Protocol in 2004.", "ratify"),
        ("The two sides are negotiating a free trade agreement.", "negotiate"),
        ("Talks on a ceasefire agreement resumed in Cairo.", "negotiate"),
        ("Turkey proposed a new peace treaty with Egypt.", "propose"),
        ("Both sides must implement the Minsk agreements.", "implement"),
        ("Iran violated the JCPOA, inspectors said.", "violate"),
        ("The United States withdrew from the INF Treaty.", "withdraw"),
        ("Washington pulled out of the JCPOA in 2018.", "withdraw"),
        ("Colombian voters rejected the peace deal.", "reject"),
        ("Russia and the US agreed to extend New START.", "extend"),
        ("The Schengen Agreement abolished border checks.", None),
        ("The treaty, which was signed in 1963, still binds both sides.", "sign"),
        ("The Lisbon Treaty came into force in 2009.", "implement"),
        ("Turkey joined the Chemical Weapons Convention.", "other"),
    ],
)
def test_actions(text: str, action: str | None) -> None:
    got = values(text)
    assert len(got) == 1, got
    assert got[0]["action"] == action


def test_action_time_is_resolved_against_publication_date() -> None:
    claims = run("Russia and Ukraine signed a ceasefire agreement yesterday.", "2024-05-02")
    assert claims[0].time is not None
    assert claims[0].time.value == "2024-05-01"


# --- output contract and cost ---------------------------------------------------------------------


def test_value_contract() -> None:
    text = "Russia and Ukraine signed a ceasefire agreement. The deal was broken within hours."
    (c,) = run(text)
    assert c.kind == "treaty"
    assert set(c.value) == {"name", "type", "parties", "action", "mentions", "year", "canonical"}
    assert c.value["type"] in geonews_treaties.gazetteer.TYPES
    assert all(set(m) == {"start", "end", "text"} for m in c.value["mentions"])
    assert c.value["action"] == "sign"
    assert set(c.value["parties"]) <= set(c.entities)
    assert geonews_treaties.CLAIM_KINDS == ("treaty",)


def test_skipped_text_is_not_read() -> None:
    text = "Peru signed the Paris Agreement.\n\nWe use cookies. By continuing you agree to a deal."
    got = values(text)
    assert [v["name"] for v in got] == ["Paris Agreement"]


@pytest.mark.parametrize(
    "unit",
    [
        "Russia and Ukraine signed a ceasefire agreement. The deal was violated by the Treaty of "
        "Lisbon between France and the EU. ",
        "The Big Red Cat Ran Over The Hill And Far Away Agreement ",
        "a " * 20,
        "the deal the treaty a pact an accord between ",
    ],
)
def test_cost_is_linear(unit: str) -> None:
    def cost(n: int) -> float:
        text = unit * n
        doc = Document(Article(text=text))
        _ = doc.sentences
        t = time.perf_counter()
        find_treaties(doc.article, (), doc)
        return time.perf_counter() - t

    small = cost(200_000 // len(unit))
    large = cost(800_000 // len(unit))
    assert large < 8 * small + 0.05, (small, large)  # 4x the text: no quadratic blow-up
    assert large < 8.0


_HEAD_PIECES = [
    "Treaty", "treaties", "TREATY", "Agreement", "agreements", "accord", "Pact", "pacts",
    "Protocol", "convention", "Declaration", "Memorandum", "memoranda of  understanding",
    "MoU", "MOUs", "mou", "Charter", "charters", "ceasefire", "Cease-fire", "truce",
    "Armistice", "deal", "Deals", "settlement", "Statute", "statute", "impact", "ideal",
    "retreat", "dealer", "-", "x", "é", "İ", "ſettlement", "’", "(",
]  # fmt: skip


@settings(deadline=None, database=None, max_examples=300)
@given(
    st.lists(
        st.tuples(st.sampled_from(_HEAD_PIECES), st.sampled_from(["", " ", "\n", "-", ", "])),
        max_size=12,
    ).map(lambda parts: "".join(a + b for a, b in parts))
)
def test_head_words_are_found_where_the_patterns_find_them(text: str) -> None:
    """The anchors of a plain text hold every place where a head word can match; another
    text is scanned everywhere."""
    starts = patterns.head_starts(text)
    assert (starts is None) == (not is_plain(text))
    assert list(patterns.find_heads(text, starts)) == [
        m.span() for m in patterns.HEAD.finditer(text)
    ]
    caps = [m.span() for m in finditer_at(plugin._HEAD_CAP_WORD, text, starts)]
    assert caps == [m.span() for m in plugin._HEAD_CAP_WORD.finditer(text)]
