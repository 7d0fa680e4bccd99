"""The visual view: span layout, the HTML page (escaping, highlights, legend) and the terminal."""

from __future__ import annotations

import html.parser
import re
import subprocess
from pathlib import Path

import pytest
from _viewfixture import TEXT, Fixture
from rich.console import Console

import geonews
from geonews.show import Span, layout, render_html, render_terminal, spans_of


def _result(text: str = TEXT) -> geonews.Result:
    pipe = geonews.Pipeline(plugins=[Fixture()], load_entrypoints=False)
    return pipe.extract(geonews.Article(text=text, id="fx", title="Putin <b>in</b> Lima"))


def _span(start: int, end: int, ident: str) -> Span:
    return Span(start, end, "k", "claim", ident, ident)


@pytest.mark.parametrize(
    ("spans", "pieces"),
    [
        ([], [(0, 10, ())]),
        ([_span(2, 5, "a")], [(0, 2, ()), (2, 5, ("a",)), (5, 10, ())]),
        # nested: the outer span stays open around the inner one
        (
            [_span(0, 10, "o"), _span(3, 4, "i")],
            [(0, 3, ("o",)), (3, 4, ("o", "i")), (4, 10, ("o",))],
        ),
        # crossing spans are cut at every boundary
        (
            [_span(0, 6, "a"), _span(4, 10, "b")],
            [(0, 4, ("a",)), (4, 6, ("a", "b")), (6, 10, ("b",))],
        ),
    ],
)
def test_layout(spans: list[Span], pieces: list[tuple[int, int, tuple[str, ...]]]) -> None:
    got = [(p.start, p.end, tuple(s.ident for s in p.spans)) for p in layout("x" * 10, spans)]
    assert got == pieces


class _Marks(html.parser.HTMLParser):
    """Collects <mark> elements with their text, and checks the nesting is well formed."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.marks: list[dict[str, str]] = []
        self.open: list[dict[str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("meta", "br"):
            return
        self.stack.append(tag)
        if tag == "mark":
            d = {k: v or "" for k, v in attrs}
            d["text"] = ""
            self.marks.append(d)
            self.open.append(d)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for d in self.open:
            d["text"] += data


def _parse(page: str) -> _Marks:
    p = _Marks()
    p.feed(page)
    p.close()
    assert p.stack == []
    return p


def test_html_highlights_every_claim_and_mention() -> None:
    r = _result()
    page = render_html(r)
    marks = _parse(page).marks
    claim_marks = [m for m in marks if "gn-claim" in m["class"]]
    assert sorted({m["data-id"] for m in claim_marks}) == sorted(c.id for c in r.claims)
    mentions = sum(len(e.mentions) for e in r.entities)
    assert len([m for m in marks if "gn-entity" in m["class"]]) == mentions
    money = next(m for m in claim_marks if m["data-kind"] == "money")
    assert money["text"] == "$1.5 billion"
    assert "1500000000" in money["title"] and "USD" in money["title"]
    quote = next(m for m in claim_marks if m["data-kind"] == "quote")
    assert "speaker: Vladimir Putin" in quote["title"]
    # the quote holds the mention of nobody, but "Putin" after it is highlighted as a person
    assert any(m["text"] == "Putin" and m["data-kind"] == "person" for m in marks)


def test_html_text_is_the_article_text() -> None:
    page = render_html(_result())
    body = re.search(r'<article id="text">(.*)</article>', page, re.S)
    assert body is not None
    assert html_unescape_strip(body.group(1)) == TEXT


def html_unescape_strip(fragment: str) -> str:
    import html as _html

    return _html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_html_escapes_untrusted_text() -> None:
    page = render_html(_result())
    tags = set(_parse(page).tags)
    assert "script" not in tags and "b" not in tags
    assert "&lt;script&gt;alert(" in page
    assert "<title>Putin &lt;b&gt;in&lt;/b&gt; Lima</title>" in page


def test_html_escapes_attribute_values() -> None:
    text = 'He said: \u201cSee "x" onmouseover=alert(1) now,\u201d and left.'
    page = render_html(_result(text))
    assert "onmouseover=alert(1)" in page  # present as text ...
    assert "onmouseover" not in {
        a for t in _parse(page).marks for a in t
    }  # ... never as an attribute


def test_html_is_self_contained() -> None:
    page = render_html(_result())
    assert "Content-Security-Policy" in page
    assert not re.search(r"""(?:src|href)\s*=|@import|url\(|<script""", page, re.I)


def test_html_legend_and_panel() -> None:
    page = render_html(_result())
    legend = re.search(r'<div class="legend" id="legend">(.*?)</div>', page, re.S)
    assert legend is not None
    kinds = re.findall(r'data-kind="([^"]+)"', legend.group(1))
    assert sorted(kinds) == ["country", "money", "percentage", "person", "quote"]
    assert 'id="claim-c1"' in page and "<h2>Entities (4)</h2>" in page


def test_spans_of_sorted_and_complete() -> None:
    r = _result()
    spans = spans_of(r)
    assert [(s.start, -s.end) for s in spans] == sorted((s.start, -s.end) for s in spans)
    assert len(spans) == len(r.claims) + sum(len(e.mentions) for e in r.entities)


def test_skipped_spans_are_greyed_not_highlighted() -> None:
    notice = "We use cookies to improve our website. Russia lent Peru $1.5 billion."
    r = _result(TEXT + "\n\n" + notice)
    assert [k.reason for k in r.skipped] == ["notice"]
    page = render_html(r)
    skip = re.search(r'<span class="gn-skip" title="skipped \(notice\)[^"]*">([^<]*)', page)
    assert skip is not None and skip.group(1).startswith("We use cookies")
    assert 'data-kind="skipped"' in page  # in the legend
    assert len([c for c in r.claims if c.kind == "money"]) == 1  # the notice's money is dropped


def test_terminal_view_prints_text_and_claims() -> None:
    console = Console(record=True, width=100, color_system=None)
    render_terminal(_result(), console=console)
    out = console.export_text()
    assert "Legend:" in out
    assert "$1.5 billion" in out and "Claims (3)" in out
    assert "<script>alert('x')</script>" in out  # printed as text, not eaten as markup


def test_terminal_styles_claims() -> None:
    console = Console(record=True, width=120, force_terminal=True, color_system="truecolor")
    render_terminal(_result(), console=console)
    styled = console.export_text(styles=True)
    assert "\x1b[" in styled


def test_cli_show_html(tmp_path: Path, geonews_cmd: list[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text("A car bomb killed at least 12 people in the capital on Monday.\n", "utf-8")
    out = tmp_path / "a.html"
    proc = subprocess.run(
        [*geonews_cmd, "show", str(src), "--html", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "A car bomb" in page


def test_cli_show_terminal(tmp_path: Path, geonews_cmd: list[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Exports grew by 9.4 percent in 2014.\n", "utf-8")
    proc = subprocess.run(
        [*geonews_cmd, "show", str(src)], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert "Exports grew by 9.4 percent in 2014." in proc.stdout
    assert "Claims (" in proc.stdout


def test_cli_show_missing_file(tmp_path: Path, geonews_cmd: list[str]) -> None:
    proc = subprocess.run(
        [*geonews_cmd, "show", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "no such file" in proc.stderr
