"""The host: plugin isolation, merging, overlap resolution, linking and determinism.

Every test builds its own pipeline with explicit plugins and no entry points, so installed
plugins never leak in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import regex

import geonews
from geonews import Article, Claim, Entity, Mention, Pipeline, PluginFailure, hookimpl

TEXT = (
    "Peru and Russia signed a pact yesterday. "
    '"Trade will grow by $5bn," said Maria Lopez. '
    "In 2014, trade with Peru grew by 9.4 percent."
)


class Countries:
    name = "countries"

    @hookimpl
    def extract_entities(self, article: Article) -> Iterator[Entity]:
        for word, code in (("Peru", "PER"), ("Russia", "RUS")):
            mentions = [
                Mention(m.start(), m.end(), word) for m in regex.finditer(word, article.text)
            ]
            yield Entity(kind="country", name=word, code=code, mentions=mentions)


class People:
    name = "people"

    @hookimpl
    def extract_entities(self, article: Article) -> Iterator[Entity]:
        i = article.text.find("Maria Lopez")
        if i >= 0:
            yield Entity(
                kind="person", name="Maria Lopez", mentions=[Mention(i, i + 11, "Maria Lopez")]
            )


class Money:
    name = "dollars"

    @hookimpl
    def extract_claims(self, article: Article) -> Iterator[Claim]:
        for m in regex.finditer(r"\$(\d+)bn", article.text):
            yield Claim(
                kind="money",
                start=m.start(),
                end=m.end(),
                text=m.group(),
                value={"amount": int(m.group(1)) * 10**9, "amount_max": None, "currency": "USD"},
            )


class Percent:
    name = "pct"

    @hookimpl
    def extract_claims(self, article: Article, entities: tuple[Entity, ...]) -> list[Claim]:
        m = regex.search(r"(\d+(?:\.\d+)?) percent", article.text)
        if m is None:
            return []
        return [
            Claim(
                kind="percentage",
                start=m.start(),
                end=m.end(),
                text=m.group(),
                value={"value": float(m.group(1)), "points": False},
            )
        ]


class Quotes:
    name = "q"

    @hookimpl
    def extract_claims(self, article: Article, entities: tuple[Entity, ...]) -> Iterator[Claim]:
        for m in regex.finditer(r'"([^"]+)"', article.text):
            speaker = next((e.id for e in entities if e.kind == "person"), None)
            yield Claim(
                kind="quote",
                start=m.start(),
                end=m.end(),
                text=m.group(),
                value={"quote": m.group(1), "speaker": speaker, "speaker_text": None},
            )


class Boom:
    name = "boom"

    @hookimpl
    def extract_claims(self, article: Article) -> list[Claim]:
        raise RuntimeError("kaboom")


def run(*plugins: object, **kw: Any) -> geonews.Result:
    return Pipeline(plugins=plugins, load_entrypoints=False, **kw).extract(
        Article(text=TEXT, published="2015-12-02")
    )


def test_custom_plugins_combine_into_one_result() -> None:
    r = run(Countries(), People(), Money(), Percent(), Quotes())
    assert [c.kind for c in r.claims] == ["quote", "money", "percentage"]
    assert [c.id for c in r.claims] == ["c1", "c2", "c3"]
    assert [e.id for e in r.entities] == ["country:PER", "country:RUS", "person:maria-lopez"]
    for c in r.claims:
        assert TEXT[c.start : c.end] == c.text
    assert {c.plugin for c in r.claims} == {"q", "dollars", "pct"}


def test_claim_inside_quote_is_attributed_to_the_speaker() -> None:
    r = run(People(), Money(), Quotes())
    money = r.of_kind("money")[0]
    quote = r.of_kind("quote")[0]
    assert money.speaker == "person:maria-lopez"
    assert money.quote == quote.id


def test_time_and_entities_are_linked() -> None:
    r = run(Countries(), Percent())
    pct = r.of_kind("percentage")[0]
    assert pct.time is not None and pct.time.value == "2014"
    r2 = run(Countries(), Money())
    assert r2.of_kind("money")[0].time is None  # no time expression in that sentence


def test_a_raising_plugin_is_recorded_and_the_rest_kept() -> None:
    r = run(Countries(), Money(), Boom())
    assert [c.kind for c in r.claims] == ["money"]
    assert len(r.errors) == 1
    assert r.errors[0].plugin == "boom"
    assert "kaboom" in r.errors[0].message
    assert r.errors[0].hook == "extract_claims"


def test_strict_reraises_naming_the_plugin() -> None:
    with pytest.raises(PluginFailure, match="boom"):
        run(Money(), Boom(), strict=True)


class WrongType:
    name = "wrong"

    @hookimpl
    def extract_claims(self) -> list[object]:
        return ["not a claim", Claim(kind="x", start=0, end=4, text="Peru")]


class BadOffsets:
    name = "bad"

    @hookimpl
    def extract_claims(self) -> list[Claim]:
        return [
            Claim(kind="x", start=0, end=10_000, text="nope"),
            Claim(kind="x", start=0, end=4, text="Lima"),
        ]


def test_wrong_types_and_offsets_are_errors_naming_the_plugin() -> None:
    r = run(WrongType(), BadOffsets())
    assert [c.text for c in r.claims] == ["Peru"]
    msgs = {(e.plugin, e.message.split(" ")[0]) for e in r.errors}
    assert ("wrong", "extract_claims") in msgs
    assert sum(e.plugin == "bad" for e in r.errors) == 2


def test_disable_by_name() -> None:
    r = run(Money(), Percent(), disable=["pct"])
    assert [c.kind for c in r.claims] == ["money"]


def test_only_by_name() -> None:
    r = run(Money(), Percent(), only="pct")
    assert [c.kind for c in r.claims] == ["percentage"]


class Overlap:
    name = "overlap"

    @hookimpl
    def extract_claims(self, article: Article) -> list[Claim]:
        i = article.text.index("$5bn")
        return [
            Claim(
                kind="money",
                start=i - 6,
                end=i + 4,
                text=article.text[i - 6 : i + 4],
                value={"amount": 1},
                confidence=0.5,
            )
        ]


def test_overlaps_between_plugins_resolved_by_confidence() -> None:
    r = run(Money(), Overlap())
    money = r.of_kind("money")
    assert len(money) == 1 and money[0].plugin == "dollars"


def test_entities_with_same_id_are_merged() -> None:
    class Extra:
        name = "extra"

        @hookimpl
        def extract_entities(self, article: Article) -> list[Entity]:
            i = article.text.index("Peru")
            return [
                Entity(
                    kind="country",
                    name="Peru",
                    code="PER",
                    mentions=[Mention(i, i + 4, "Peru")],
                    attributes={"region": "LatAm"},
                )
            ]

    r = run(Countries(), Extra())
    peru = r.entity("country:PER")
    assert peru is not None
    assert len(peru.mentions) == 2
    assert peru.attributes == {"region": "LatAm"}


def test_duplicate_paragraph_and_notice_are_not_extracted() -> None:
    para = "Officials said the $5bn package would pass this week after a long debate."
    text = f"Headline\n\n{para}\n\n{para}\n\nWe use cookies to improve our website: $9bn."
    r = Pipeline(plugins=[Money()], load_entrypoints=False).extract(text)
    assert [c.text for c in r.claims] == ["$5bn"]
    assert {s.reason for s in r.skipped} == {"duplicate", "notice"}


def test_same_input_gives_byte_identical_json() -> None:
    a = run(Countries(), People(), Money(), Percent(), Quotes()).to_json()
    b = run(Quotes(), Percent(), Money(), People(), Countries()).to_json()
    assert a == b


def test_to_dict_contract_shape() -> None:
    d = run(Countries(), People(), Money(), Percent(), Quotes()).to_dict()
    assert d["schema"] == "geonews.result/1"
    assert set(d) >= {"article", "entities", "claims", "errors"}
    assert d["article"]["published"] == "2015-12-02"
    c = d["claims"][1]
    assert set(c) >= {"id", "kind", "start", "end", "text", "value", "entities", "plugin"}
    assert set(d["entities"][0]) >= {"id", "kind", "name", "code", "mentions", "attributes"}


def test_extract_api_accepts_explicit_plugins() -> None:
    r = geonews.extract(TEXT, plugins=[Money()], only=["dollars"])
    assert [c.text for c in r.claims] == ["$5bn"]


def test_extract_rejects_other_types() -> None:
    with pytest.raises(TypeError, match="str or an Article"):
        Pipeline(load_entrypoints=False).extract(b"bytes")  # type: ignore[arg-type]


def test_published_datetime_is_used_as_date() -> None:
    art = Article(text="Yesterday the $5bn deal closed.", published=dt.datetime(2015, 12, 2, 23))
    r = Pipeline(plugins=[Money()], load_entrypoints=False).extract(art)
    t = r.claims[0].time
    assert t is not None and t.value == "2015-12-01"
