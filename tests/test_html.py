"""HTML news pages: body text, title without site suffix, date, authors, offsets into the text."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from geonews import Article, Claim, Document, Pipeline, hookimpl
from geonews.cli import main
from geonews.html import clean_title
from geonews.inputs import iter_items
from geonews.serialize import result_to_dict

if importlib.util.find_spec("trafilatura") is None:  # pragma: no cover
    if os.environ.get("CI"):
        raise RuntimeError("CI must install the html extra: pip install '.[html]'")
    pytest.skip("the html extra is not installed", allow_module_level=True)

BODY_1 = (
    "GENEVA (Wire) - Officials from both countries met on Tuesday to resume talks on a "
    "ceasefire, the foreign ministry said in a statement released after the meeting."
)
BODY_2 = (
    "Exports to the region grew by 9.4 percent last year, according to figures published by "
    "the trade ministry, while imports fell for a third consecutive quarter."
)

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Talks resume in Geneva | Example World News</title>
<meta property="og:site_name" content="Example World News">
<meta name="author" content="Jane Smith; John Doe">
<meta property="article:published_time" content="2021-03-04T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Talks resume in Geneva</h1>
<p>{BODY_1}</p>
<p>{BODY_2}</p>
</article>
<footer>Copyright 2021 Example World News. All rights reserved.</footer>
</body></html>
"""


class PercentPlugin:
    """A toy claims plugin: '<number> percent'."""

    @hookimpl
    def extract_claims(self, article: Article, doc: Document) -> list[Claim]:
        import re

        return [
            Claim(kind="percentage", start=m.start(), end=m.end(), text=m.group())
            for m in re.finditer(r"\d+(?:\.\d+)? percent", doc.masked)
        ]


def test_from_html_fields() -> None:
    a = Article.from_html(PAGE, id="p1")
    assert a.title == "Talks resume in Geneva"
    assert str(a.published) == "2021-03-04"
    assert a.authors == ("Jane Smith", "John Doe")
    assert a.source == "Example World News"
    assert a.metadata["format"] == "html"
    assert BODY_1 in a.text and BODY_2 in a.text
    assert "Copyright" not in a.text and "Sport" not in a.text


def test_from_html_bytes_and_overrides() -> None:
    a = Article.from_html(PAGE.encode("utf-8"), title="Given", published="2020-01-01")
    assert (a.title, str(a.published)) == ("Given", "2020-01-01")


def test_offsets_index_the_extracted_text_and_json_carries_it() -> None:
    a = Article.from_html(PAGE, id="p1")
    pipe = Pipeline(plugins=[PercentPlugin()], load_entrypoints=False)
    result = pipe.extract(a)
    (claim,) = result.claims
    assert a.text[claim.start : claim.end] == "9.4 percent"
    out = result_to_dict(result)
    assert out["article"]["text"] == a.text
    assert out["article"]["text"][claim.start : claim.end] == claim.text


def test_plain_text_json_has_no_text() -> None:
    out = result_to_dict(Pipeline(load_entrypoints=False).extract(Article(text=BODY_1)))
    assert "text" not in out["article"]


def test_empty_page_is_an_error() -> None:
    with pytest.raises(ValueError, match="no article text"):
        Article.from_html("<html><body></body></html>")


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Talks resume | CNN Politics", None, None, "Talks resume"),
        ("Talks resume - BBC News", None, None, "Talks resume"),
        ("Talks resume – The Example Herald", None, None, "Talks resume"),
        ("Example Gazette | Talks resume", "Example Gazette", None, "Talks resume"),
        ("Talks resume - Acme", "Acme", None, "Talks resume"),
        ("Talks resume - Acme", None, "https://www.acme.co.uk/x", "Talks resume"),
        ("Talks resume | World | Example Post", None, None, "Talks resume"),
        ("Russia - Ukraine talks resume", None, None, "Russia - Ukraine talks resume"),
        ("Ceasefire holds — for now", None, None, "Ceasefire holds — for now"),
        (None, None, None, None),
    ],
)
def test_clean_title(title: str | None, site: str | None, url: str | None, expected: str) -> None:
    assert clean_title(title, sitename=site, url=url) == expected


def test_html_file_and_directory(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "story.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "pages" / "empty.htm").write_text("<html><body></body></html>", encoding="utf-8")
    items = list(iter_items([str(tmp_path / "pages")]))
    assert [(i.id, i.error is not None) for i in items] == [("empty", True), ("story", False)]
    assert items[1].article is not None and items[1].article.title == "Talks resume in Geneva"


def test_jsonl_record_with_html(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "h1", "html": PAGE, "feed": "wire"}) + "\n", encoding="utf-8")
    (item,) = iter_items([str(p)])
    assert item.article is not None
    assert item.article.id == "h1" and item.article.metadata["feed"] == "wire"
    assert item.article.metadata["format"] == "html"


def test_cli_html_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "story.page"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(page), "--input-format", "html", "--plugins", "none"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["article"]["title"] == "Talks resume in Geneva"
    assert out["article"]["published"] == "2021-03-04"
    assert BODY_2 in out["article"]["text"]


def test_jsonl_html_record_null_fields_do_not_hide_the_page(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    rec = {"doc": 7, "html": PAGE, "title": None, "published": None, "text": None}
    p.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (item,) = iter_items([str(p)])
    assert item.article is not None
    assert item.article.id == "7"
    assert item.article.title == "Talks resume in Geneva"
    assert str(item.article.published) == "2021-03-04"


@pytest.mark.parametrize("page", [b"", b"\x00\x01\x02", "<html>" * 3, b"\xff\xfe<\x00h\x00"])
def test_broken_pages_raise_value_error(page: str | bytes) -> None:
    with pytest.raises(ValueError):
        Article.from_html(page)
