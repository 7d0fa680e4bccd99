"""The seed article, end to end through the installed built-in plugins (issue: foundation).

The expectations are the seed article's annotation; a golden file pins the full result so that
any change to it is seen in review (regenerate with GEONEWS_UPDATE_GOLDEN=1).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from geonews import Article, Pipeline, Result
from geonews.cli import seed_article

GOLDEN = Path(__file__).parent / "golden" / "seed.result.json"


@pytest.fixture(scope="module")
def result() -> Result:
    return Pipeline().extract(seed_article())


def _names(r: Result, ids: object) -> set[str]:
    out = set()
    for i in ids or []:  # type: ignore[attr-defined]
        e = r.entity(i)
        out.add(e.code or e.name if e else i)
    return out


def test_money(result: Result) -> None:
    money = result.of_kind("money")
    assert [(c.text, c.value["amount"], c.value["currency"]) for c in money] == [
        ("$500 million", 500_000_000, "USD")
    ]
    assert money[0].time is not None and money[0].time.value == "2013"


def test_percentage_with_its_year(result: Result) -> None:
    pct = result.of_kind("percentage")
    assert [(c.text, c.value["value"], c.value["points"]) for c in pct] == [
        ("9.4 percent", 9.4, False)
    ]
    assert pct[0].time is not None and pct[0].time.value == "2014"
    assert _names(result, pct[0].entities) >= {"RUS", "PER"}


def test_treaties(result: Result) -> None:
    treaties = result.of_kind("treaty")
    got = {
        c.value["type"]: (c.value["name"], _names(result, c.value["parties"]), c.value["action"])
        for c in treaties
    }
    assert len(treaties) == 2
    name, parties, action = got["declaration"]
    assert "Joint Declaration on Strategic Partnership" in name
    assert parties == {"RUS", "PER"} and action == "sign"
    name, parties, action = got["memorandum"]
    assert parties == {"Gazprom", "YPF"} and action == "sign"


def test_quote_attributed_to_negroponte(result: Result) -> None:
    quotes = result.of_kind("quote")
    assert len(quotes) == 1
    q = quotes[0]
    assert q.value["quote"].startswith("needs friends, not only in trade but also at the UN")
    speaker = result.entity(q.value["speaker"])
    assert speaker is not None and speaker.name == "Diana Negroponte"
    assert "Wilson Centre" in str(speaker.attributes.get("affiliation"))


def test_people(result: Result) -> None:
    people = {e.name: e for e in result.entities if e.kind == "person"}
    assert set(people) == {
        "Vladimir Putin",
        "Ollanta Humala",
        "Diana Negroponte",
        "Mauricio Macri",
        "Simon Wilson",
    }
    assert people["Vladimir Putin"].attributes.get("role") == "president"
    assert people["Vladimir Putin"].attributes.get("country") == "RUS"
    assert people["Simon Wilson"].attributes.get("role") == "author"
    assert result.article.authors == ("Simon Wilson",)


def test_countries(result: Result) -> None:
    codes = {e.code for e in result.entities if e.kind == "country"}
    assert codes == {"RUS", "PER", "ARG", "BRA", "USA", "UKR", "TUR", "SYR", "VEN"}


def test_nothing_from_the_duplicate_paragraph_or_the_notice(result: Result) -> None:
    skipped = [(s.start, s.end) for s in result.skipped if s.reason in ("duplicate", "notice")]
    assert len(skipped) == 2
    for c in result.claims:
        assert not any(s < c.end and c.start < e for s, e in skipped)
    for e in result.entities:
        for m in e.mentions:
            assert not any(s < m.end and m.start < e_ for s, e_ in skipped)
    putin = next(e for e in result.entities if e.name == "Vladimir Putin")
    assert sum(m.text == "Vladimir Putin" for m in putin.mentions) == 1


def test_offsets_hold(result: Result) -> None:
    text = result.article.text
    for c in result.claims:
        assert text[c.start : c.end] == c.text
    for e in result.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_golden_file(result: Result) -> None:
    got = json.loads(result.to_json())
    if os.environ.get("GEONEWS_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_seed_file_shipped_matches_package_data() -> None:
    shipped = Path(__file__).resolve().parents[1] / "seeds" / "000_1fdc36ad657d76f1.txt"
    assert Article.from_file(shipped).text == seed_article().text
