"""Security promises (docs/security.md): no eval, no network, escaped HTML, installed plugins only.

``tests/test_cli_errors.py`` covers "output never overwrites an input".
"""

from __future__ import annotations

import ast
import socket
from pathlib import Path
from typing import Any

import pytest

import geonews

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted([*(ROOT / "src" / "geonews").rglob("*.py"), *(ROOT / "plugins").rglob("*.py")])
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {
    "socket",
    "urllib.request",
    "http.client",
    "requests",
    "httpx",
    "aiohttp",
    "pickle",
    "marshal",
    "shelve",
    "subprocess",
}
# build-time helpers that never run inside the library
NOT_LIBRARY = {"make_data.py"}


def _problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in FORBIDDEN_CALLS:
                out.append(f"{path.name}:{node.lineno} calls {node.func.id}")
        elif isinstance(node, ast.Import):
            out += [
                f"{path.name}:{node.lineno} imports {a.name}"
                for a in node.names
                if a.name in FORBIDDEN_MODULES
            ]
        elif isinstance(node, ast.ImportFrom) and node.module in FORBIDDEN_MODULES:
            out.append(f"{path.name}:{node.lineno} imports from {node.module}")
    return out


def test_the_scan_finds_what_it_looks_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import pickle\nfrom urllib.request import urlopen\nx = eval('1')\n")
    assert len(_problems(bad)) == 3


def test_no_eval_no_network_no_pickle_in_the_library() -> None:
    assert len(SOURCES) > 20
    found = [p for path in SOURCES if path.name not in NOT_LIBRARY for p in _problems(path)]
    assert found == []


class _NoNetwork(socket.socket):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise AssertionError("geonews tried to open a socket")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket, "socket", _NoNetwork)
    monkeypatch.setattr(
        socket, "create_connection", lambda *a, **k: (_ for _ in ()).throw(AssertionError("net"))
    )


def test_extraction_works_without_network(no_network: None) -> None:
    text = 'Russia signed a $400 billion deal, Mr. Putin said: "It is historic." Exports rose 4%.'
    r = geonews.Pipeline().extract(text)
    assert not r.errors
    assert {"money", "quote"} <= {c.kind for c in r.claims}


HOSTILE_PAGE = """<!doctype html><html><head><title>Deal signed | Example News</title>
<script>window.PWNED = 1; fetch("http://127.0.0.1:9/steal")</script>
<link rel="stylesheet" href="http://127.0.0.1:9/x.css"></head>
<body onload="alert(1)"><article><h1>Deal signed</h1>
<p>Brazil paid $5 billion for the new ships, the defence minister said on Monday.</p>
<img src="http://127.0.0.1:9/pixel.gif" onerror="alert(2)">
<iframe src="http://127.0.0.1:9/frame"></iframe>
<p>The agreement runs for ten years and covers maintenance of the whole fleet.</p>
</article></body></html>"""


def test_untrusted_html_is_parsed_for_text_only(no_network: None) -> None:
    pytest.importorskip("trafilatura")
    from geonews.html import article_from_html

    article = article_from_html(HOSTILE_PAGE)
    assert "Brazil paid $5 billion" in article.text
    for executable in ("PWNED", "alert", "fetch(", "<script", "onload", "127.0.0.1"):
        assert executable not in article.text


def test_the_html_view_escapes_article_text() -> None:
    from geonews.show import render_html

    text = 'Brazil paid $5 <script>alert("x")</script> and <img src=x onerror=alert(1)> "quote"'
    page = render_html(geonews.extract(text))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert" in page


def test_plugin_names_only_select_installed_entry_points() -> None:
    for name in ("os", "subprocess", "geonews.cli", "../../etc/passwd"):
        pipe = geonews.Pipeline(only=[name])
        assert pipe.infos == () and pipe.load_errors == ()
