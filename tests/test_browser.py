"""Render the HTML view in a real headless Chromium and check the highlights are there.

Skipped only when /usr/bin/chromium is absent and the CI environment variable is not set; in CI
it always runs (``.ci/run`` installs Debian's chromium).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from _viewfixture import TEXT, Fixture

import geonews
from geonews.show import render_html

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip("no /usr/bin/chromium (apt-get install -y chromium)", allow_module_level=True)

from playwright.sync_api import Dialog, sync_playwright  # noqa: E402


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pipe = geonews.Pipeline(plugins=[Fixture()], load_entrypoints=False)
    result = pipe.extract(geonews.Article(text=TEXT, id="fx", title="Putin in Lima"))
    path = tmp_path_factory.mktemp("show") / "page.html"
    path.write_text(render_html(result), encoding="utf-8")
    return path


def test_highlights_render_in_chromium(page_file: Path, tmp_path: Path) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            dialogs: list[str] = []

            def on_dialog(dialog: Dialog) -> None:
                dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", on_dialog)
            page.goto(page_file.as_uri())

            assert page.title() == "Putin in Lima"
            # 3 claims and 7 entity mentions (Russian, Vladimir Putin, Peru x2, Ollanta Humala,
            # Putin, Russia): every one is a highlight element
            assert page.locator("mark.gn-claim").count() == 3
            assert page.locator("mark.gn-entity").count() == 7
            money = page.locator('mark.gn-claim[data-kind="money"]')
            assert money.inner_text() == "$1.5 billion"
            assert "USD" in (money.get_attribute("title") or "")
            quote = page.locator('mark.gn-claim[data-kind="quote"]')
            assert "new strategic partnership" in quote.inner_text()
            assert "Vladimir Putin" in (quote.get_attribute("title") or "")

            # highlighted claims really are coloured (the stylesheet applied)
            bg = money.evaluate("e => getComputedStyle(e).backgroundColor")
            assert bg not in ("rgba(0, 0, 0, 0)", "transparent")
            person = page.locator('mark.gn-entity[data-kind="person"]').first
            border = person.evaluate("e => getComputedStyle(e).borderBottomStyle")
            assert border == "solid"

            legend = page.locator("#legend span")
            assert sorted(legend.all_inner_texts()) == sorted(
                ["money", "percentage", "quote", "country (entity)", "person (entity)"]
            )
            assert page.locator("#panel table.claims tr").count() == 4  # header + 3 claims

            # the untrusted text is shown, never run
            assert "<script>alert('x')</script>" in page.locator("#text").inner_text()
            assert page.locator("#text script").count() == 0
            assert dialogs == []

            page.screenshot(path=str(tmp_path / "page.png"), full_page=True)
            assert (tmp_path / "page.png").stat().st_size > 1000
        finally:
            browser.close()
