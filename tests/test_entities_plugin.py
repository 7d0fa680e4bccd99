"""The entities plugin through the pipeline: the seed article, bylines, offsets, speed."""

from __future__ import annotations

import json
import time

import geonews_entities
import pytest
from geonews_entities import ENTITY_KINDS, find_entities
from geonews_entities.trie import trie_pattern

import geonews


@pytest.fixture
def pipeline() -> geonews.Pipeline:
    return geonews.Pipeline(plugins=[geonews_entities], load_entrypoints=False)


def test_exports() -> None:
    assert ENTITY_KINDS == ("person", "country", "organization", "location")
    assert callable(geonews_entities.extract_entities)


def test_seed_article(pipeline: geonews.Pipeline, seed_text: str) -> None:
    r = pipeline.extract(geonews.Article(text=seed_text, id="seed"))
    assert not r.errors
    persons = {e.name: e for e in r.entities if e.kind == "person"}
    assert set(persons) == {
        "Vladimir Putin",
        "Ollanta Humala",
        "Diana Negroponte",
        "Mauricio Macri",
        "Simon Wilson",
    }
    countries = {e.code for e in r.entities if e.kind == "country"}
    assert countries == {"RUS", "PER", "ARG", "BRA", "USA", "UKR", "TUR", "SYR", "VEN"}
    putin = persons["Vladimir Putin"]
    assert putin.attributes["role"] == "president"
    assert putin.attributes["country"] == "RUS"
    assert {m.text for m in putin.mentions} == {"Putin", "Vladimir Putin", "Putins"}
    assert persons["Diana Negroponte"].attributes["affiliation"] == "Wilson Centre"
    assert persons["Simon Wilson"].attributes["role"] == "author"
    orgs = {e.name: e for e in r.entities if e.kind == "organization"}
    assert orgs["Gazprom"].attributes["country"] == "RUS"
    assert orgs["YPF"].attributes["country"] == "ARG"
    assert {"European Union", "United Nations", "Group of Eight", "Wilson Centre"} <= set(orgs)
    locations = {e.name for e in r.entities if e.kind == "location"}
    assert {"Paris", "Crimea", "Patagonia", "Washington", "Latin America"} <= locations


def test_offsets_index_the_article(pipeline: geonews.Pipeline, seed_text: str) -> None:
    r = pipeline.extract(geonews.Article(text=seed_text))
    for e in r.entities:
        assert e.kind in ENTITY_KINDS
        for m in e.mentions:
            assert seed_text[m.start : m.end] == m.text
        json.dumps(dict(e.attributes))  # values are JSON-able


def test_byline_author_is_a_person(pipeline: geonews.Pipeline) -> None:
    text = "Trade grows\n\nRussia and Peru signed a deal on Monday.\n\nBy Jane Doe, Lima"
    r = pipeline.extract(geonews.Article(text=text))
    [author] = [e for e in r.entities if e.kind == "person"]
    assert author.name == "Jane Doe"
    assert author.attributes["role"] == "author"
    assert author.id == "person:jane-doe"
    assert text[author.mentions[0].start : author.mentions[0].end] == "Jane Doe"


def test_skipped_duplicate_paragraphs_are_not_scanned(pipeline: geonews.Pipeline) -> None:
    para = "Prime Minister Tony Blair met the Peruvian trade delegation in London today."
    text = f"Headline\n\n{para}\n\n{para}\n"
    r = pipeline.extract(geonews.Article(text=text))
    [blair] = [e for e in r.entities if e.kind == "person"]
    assert len(blair.mentions) == 1


def test_deterministic(seed_text: str) -> None:
    assert find_entities(seed_text) == find_entities(seed_text)


def test_linear_time_on_large_and_adversarial_text(seed_text: str) -> None:
    texts = [
        (seed_text * 60)[:300_000],
        ("A " * 150_000)[:300_000],
        ("Tony Blair Said The Of Mr " * 12_000)[:300_000],
        ("Foo Bar Baz Qux Quux " * 15_000)[:300_000],
        ("x" * 300_000),
    ]
    find_entities("warm up the compiled tables")
    for text in texts:
        t0 = time.perf_counter()
        find_entities(text)
        # generous bound (slow CI machines); typical is well under 0.1 s per 100 KB
        assert time.perf_counter() - t0 < 6.0


@pytest.mark.parametrize(
    ("literals", "text", "expected"),
    [
        (["Ireland", "Northern Ireland"], "in Northern Ireland", ["Northern Ireland"]),
        (["America", "Latin America"], "Latin America and America", ["Latin America", "America"]),
        (["U.S", "U.S."], "the U.S. and U.S", ["U.S.", "U.S"]),
        (["a+b", "a"], "a+b a", ["a+b", "a"]),
        ([], "anything", []),
    ],
)
def test_trie_pattern_longest_first(literals: list[str], text: str, expected: list[str]) -> None:
    import regex

    pat = regex.compile("(?:" + trie_pattern(literals) + ")")
    assert [m.group() for m in pat.finditer(text)] == expected
