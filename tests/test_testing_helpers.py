"""geonews.testing: the helpers plugin authors use must catch the mistakes they exist for."""

from __future__ import annotations

import doctest
from collections.abc import Iterator

import pytest

import geonews
import geonews.testing as gt
from geonews import Article, Claim, Mention, Result, hookimpl


class Pct:
    @hookimpl
    def extract_claims(self, article: Article) -> Iterator[Claim]:
        i = article.text.find("5 percent")
        if i >= 0:
            yield Claim("percentage", i, i + 9, "5 percent", value={"value": 5, "points": False})


class Broken:
    @hookimpl
    def extract_claims(self, article: Article) -> Iterator[Claim]:
        yield Claim("percentage", 0, 3, "xyz")  # text does not match the offsets


class Raises:
    @hookimpl
    def extract_claims(self, article: Article) -> Iterator[Claim]:
        raise RuntimeError("boom")


def test_run_plugin_and_assert_claims() -> None:
    r = gt.run_plugin(Pct(), "Growth slowed to 5 percent.")
    gt.assert_claims(r, [("percentage", "5 percent", {"value": 5})], exact=True)
    assert gt.claim_texts(r) == [("percentage", "5 percent")]
    with pytest.raises(AssertionError, match="missing claims"):
        gt.assert_claims(r, [("percentage", "5 percent", {"value": 6})])
    with pytest.raises(AssertionError, match="missing claims"):
        gt.assert_claims(r, [("money", "5 percent")])


@pytest.mark.parametrize(("plugin", "message"), [(Broken(), "is not text"), (Raises(), "boom")])
def test_run_plugin_fails_on_plugin_errors(plugin: object, message: str) -> None:
    with pytest.raises(AssertionError, match=message):
        gt.run_plugin(plugin, "Growth slowed to 5 percent.")
    r = gt.run_plugin(plugin, "Growth slowed.", check=False)
    assert r.errors


def test_assert_claims_exact_rejects_extra() -> None:
    r = gt.run_plugin(Pct(), "Growth slowed to 5 percent.")
    with pytest.raises(AssertionError, match="unexpected claims"):
        gt.assert_claims(
            Result(
                article=r.article,
                claims=[*r.claims, Claim("percentage", 0, 6, "Growth")],
            ),
            [("percentage", "5 percent")],
            exact=True,
        )


def test_assert_no_claims() -> None:
    gt.assert_no_claims(gt.run_plugin(Pct(), "Nothing here."))
    with pytest.raises(AssertionError, match="expected no claims"):
        gt.assert_no_claims(gt.run_plugin(Pct(), "Up 5 percent."), "percentage")


@pytest.mark.parametrize(
    ("value", "types", "ok"),
    [
        ({"value": 5}, {"value": int}, True),
        ({"value": 5.5}, {"value": (int, float)}, True),
        ({"value": True}, {"value": int}, False),  # bool is not a number here
        ({"value": True}, {"value": bool}, True),
        ({"value": "5"}, {"value": int}, False),
        ({}, {"value": int}, False),  # required
        ({"value": None}, {"value": (int, type(None))}, True),
    ],
)
def test_check_value_types(value: dict[str, object], types: dict[str, type], ok: bool) -> None:
    claims = [Claim("percentage", 0, 1, "x", value=value), Claim("money", 0, 1, "x")]
    if ok:
        assert gt.check_value_types(claims, "percentage", types) == 1
    else:
        with pytest.raises(AssertionError):
            gt.check_value_types(claims, "percentage", types)


def test_check_offsets_catches_bad_mentions_and_claims() -> None:
    article = Article(text="Peru and Russia")
    good = geonews.Entity(kind="country", name="Peru", mentions=[Mention(0, 4, "Peru")])
    gt.check_offsets(Result(article=article, entities=[good]))
    bad = geonews.Entity(kind="country", name="Peru", mentions=[Mention(1, 5, "Peru")])
    with pytest.raises(AssertionError, match="mention"):
        gt.check_offsets(Result(article=article, entities=[bad]))
    with pytest.raises(AssertionError, match="claim"):
        gt.check_offsets(Result(article=article, claims=[Claim("x", 0, 40, "Peru and Russia")]))


def test_module_doctest_runs() -> None:
    failures, tried = doctest.testmod(gt)
    assert tried >= 4 and failures == 0
