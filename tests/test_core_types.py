from __future__ import annotations

import datetime as dt

import attrs
import pytest

from geonews import Article, Claim, Entity, Mention
from geonews.types import default_entity_id


def test_article_is_frozen_and_converts() -> None:
    a = Article(text="x", authors=["A B"], published="2015-12-02", metadata={"k": 1})
    assert a.authors == ("A B",)
    assert a.published == dt.date(2015, 12, 2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        a.text = "y"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2015-12-02T10:00:00Z", dt.datetime(2015, 12, 2, 10, tzinfo=dt.UTC)),
        ("Wed, 02 Dec 2015 10:00:00 +0000", dt.datetime(2015, 12, 2, 10, tzinfo=dt.UTC)),
        (dt.date(2015, 1, 1), dt.date(2015, 1, 1)),
        ("", None),
        (None, None),
    ],
)
def test_published_forms(raw: object, expected: object) -> None:
    assert Article(text="", published=raw).published == expected


def test_published_rejects_nonsense() -> None:
    with pytest.raises(ValueError, match="published"):
        Article(text="", published="not a date")


def test_from_dict_takes_doc_as_id_and_keeps_extra_keys() -> None:
    a = Article.from_dict(
        {"doc": "bbc/1", "text": "t", "section": "politics", "date": "2020-01-02"}
    )
    assert a.id == "bbc/1"
    assert a.metadata == {"section": "politics"}
    assert a.published == dt.date(2020, 1, 2)


@pytest.mark.parametrize("record", [{"id": 1}, {"text": 5}, ["text"]])
def test_from_dict_rejects_records_without_text(record: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        Article.from_dict(record)  # type: ignore[arg-type]


def test_from_file_replaces_bad_utf8(tmp_path: object) -> None:
    from pathlib import Path

    p = Path(str(tmp_path)) / "a.txt"
    p.write_bytes(b"ok \xff end")
    a = Article.from_file(p)
    assert a.text == "ok \ufffd end"
    assert a.id == "a"


def test_entity_default_id() -> None:
    e = Entity(kind="person", name="Vladimir Putin")
    assert e.id == "person:vladimir-putin"
    assert Entity(kind="country", name="Russia", code="RUS").id == "country:RUS"
    assert default_entity_id("organization", "Wilson Centre") == "organization:wilson-centre"


def test_negative_offsets_rejected() -> None:
    with pytest.raises(ValueError):
        Mention(start=-1, end=2, text="ab")
    with pytest.raises(ValueError):
        Claim(kind="money", start=5, end=2, text="")
