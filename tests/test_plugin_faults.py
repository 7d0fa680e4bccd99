"""Plugin faults: a failing or misbehaving plugin is recorded by name and never loses the rest.

Covers exceptions (in either hook, at the call or half-way through a generator), wrong return
types, offsets outside the text, text that does not match its offsets, values that are not JSON,
entry points that fail to import (reported by ``geonews plugins``, skipped by ``extract``) and
``strict=True``, which re-raises instead.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import geonews
from geonews import Article, Claim, Document, Entity, Mention, PluginFailure, hookimpl
from geonews.cli import main

TEXT = "Brazil paid $5 on Monday."


class Good:
    """A well-behaved plugin: one entity and one claim."""

    name = "good"

    @hookimpl
    def extract_entities(self, article: Article, doc: Document) -> Iterator[Entity]:
        yield Entity(kind="country", name="Brazil", code="BRA", mentions=[Mention(0, 6, "Brazil")])

    @hookimpl
    def extract_claims(
        self, article: Article, entities: tuple[Entity, ...], doc: Document
    ) -> Iterator[Claim]:
        yield Claim(kind="money", start=12, end=14, text="$5", value={"amount": 5})


def _claims_plugin(name: str, produce: Any) -> object:
    class P:
        @hookimpl
        def extract_claims(
            self, article: Article, entities: tuple[Entity, ...], doc: Document
        ) -> Any:
            return produce(article)

    p = P()
    p.name = name  # type: ignore[attr-defined]
    return p


def _entities_plugin(name: str, produce: Any) -> object:
    class P:
        @hookimpl
        def extract_entities(self, article: Article, doc: Document) -> Any:
            return produce(article)

    p = P()
    p.name = name  # type: ignore[attr-defined]
    return p


def _boom(article: Article) -> Any:
    raise RuntimeError("kaboom")


def _boom_half_way(article: Article) -> Iterator[Claim]:
    yield Claim(kind="money", start=0, end=6, text="Brazil")
    raise ZeroDivisionError("half way")


def _pipe(*plugins: object, strict: bool = False) -> geonews.Pipeline:
    return geonews.Pipeline(plugins=[Good(), *plugins], load_entrypoints=False, strict=strict)


def _kept_good(r: geonews.Result) -> None:
    assert [c.text for c in r.claims if c.plugin == "good"] == ["$5"]
    assert [e.id for e in r.entities] == ["country:BRA"]


# -- exceptions --------------------------------------------------------------------------------

RAISING = [
    ("claims raises", _claims_plugin("bad", _boom), "extract_claims", "RuntimeError: kaboom"),
    (
        "claims raises in generator",
        _claims_plugin("bad", _boom_half_way),
        "extract_claims",
        "ZeroDivisionError: half way",
    ),
    ("entities raises", _entities_plugin("bad", _boom), "extract_entities", "kaboom"),
]


@pytest.mark.parametrize(
    ("label", "plugin", "hook", "message"), RAISING, ids=[r[0] for r in RAISING]
)
def test_exception_is_recorded_with_the_plugin_name(
    label: str, plugin: object, hook: str, message: str
) -> None:
    r = _pipe(plugin).extract(TEXT)
    errors = [e for e in r.errors if e.plugin == "bad"]
    assert len(errors) == 1, r.errors
    assert errors[0].hook == hook
    assert message in errors[0].message
    _kept_good(r)
    assert json.loads(r.to_json())["errors"][0]["plugin"] == "bad"


@pytest.mark.parametrize(
    ("label", "plugin", "hook", "message"), RAISING, ids=[r[0] for r in RAISING]
)
def test_strict_re_raises(label: str, plugin: object, hook: str, message: str) -> None:
    with pytest.raises(PluginFailure, match="'bad'") as info:
        _pipe(plugin, strict=True).extract(TEXT)
    assert info.value.__cause__ is not None


def test_strict_from_the_extract_function() -> None:
    with pytest.raises(PluginFailure, match="bad"):
        geonews.extract(TEXT, plugins=[_claims_plugin("bad", _boom)], strict=True)


def test_a_failing_plugin_does_not_poison_the_next_article() -> None:
    calls = {"n": 0}

    def flaky(article: Article) -> Iterator[Claim]:
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("first call only")
        yield Claim(kind="money", start=12, end=14, text="$5")

    pipe = _pipe(_claims_plugin("flaky", flaky))
    assert any(e.plugin == "flaky" for e in pipe.extract(TEXT).errors)
    second = pipe.extract(TEXT)
    assert not second.errors
    assert any(c.plugin == "flaky" for c in second.claims) or len(second.claims) == 1


# -- wrong output ------------------------------------------------------------------------------

BAD_OUTPUT = [
    ("returns an int", _claims_plugin("bad", lambda a: 42), "must return an iterable"),
    ("returns a str", _claims_plugin("bad", lambda a: "$5"), "must return an iterable"),
    ("yields a dict", _claims_plugin("bad", lambda a: [{"kind": "money"}]), "not a Claim"),
    ("yields an Entity", _claims_plugin("bad", lambda a: [Entity("country", "X")]), "not a Claim"),
    (
        "claim past the end",
        _claims_plugin("bad", lambda a: [Claim(kind="money", start=20, end=99, text="x")]),
        "outside the text",
    ),
    (
        "claim text mismatch",
        _claims_plugin("bad", lambda a: [Claim(kind="money", start=0, end=2, text="$5")]),
        "is not text[0:2]",
    ),
    (
        "claim float offsets",
        _claims_plugin("bad", lambda a: [Claim(kind="money", start=0.0, end=2.0, text="Br")]),  # type: ignore[arg-type]
        "integers",
    ),
    (
        "value not JSON",
        _claims_plugin(
            "bad", lambda a: [Claim(kind="money", start=12, end=14, text="$5", value={"s": {1}})]
        ),
        "not a JSON type",
    ),
    (
        "value NaN",
        _claims_plugin(
            "bad",
            lambda a: [Claim(kind="money", start=12, end=14, text="$5", value={"x": float("nan")})],
        ),
        "finite",
    ),
    ("entities return an int", _entities_plugin("bad", lambda a: 7), "must return an iterable"),
    (
        "entities yield a Claim",
        _entities_plugin("bad", lambda a: [Claim("m", 0, 0, "")]),
        "not an Entity",
    ),
    (
        "mention past the end",
        _entities_plugin(
            "bad", lambda a: [Entity("country", "X", mentions=[Mention(30, 40, "x")])]
        ),
        "outside the text",
    ),
    (
        "mention text mismatch",
        _entities_plugin(
            "bad", lambda a: [Entity("country", "X", mentions=[Mention(0, 6, "Peru")])]
        ),
        "is not text[0:6]",
    ),
]


@pytest.mark.parametrize(("label", "plugin", "message"), BAD_OUTPUT, ids=[b[0] for b in BAD_OUTPUT])
def test_bad_output_gets_a_clear_error_naming_the_plugin(
    label: str, plugin: object, message: str
) -> None:
    r = _pipe(plugin).extract(TEXT)
    errors = [e for e in r.errors if e.plugin == "bad"]
    assert errors, f"no error for {label}: {r.errors}"
    assert message in errors[0].message, errors[0].message
    assert errors[0].hook in ("extract_claims", "extract_entities")
    _kept_good(r)
    for c in r.claims:  # nothing invalid got through
        assert TEXT[c.start : c.end] == c.text


@pytest.mark.parametrize(("label", "plugin", "message"), BAD_OUTPUT, ids=[b[0] for b in BAD_OUTPUT])
def test_bad_output_in_strict_mode_raises_naming_the_plugin(
    label: str, plugin: object, message: str
) -> None:
    with pytest.raises(PluginFailure, match="'bad'"):
        _pipe(plugin, strict=True).extract(TEXT)


def test_good_items_next_to_bad_ones_are_kept() -> None:
    def mixed(article: Article) -> list[object]:
        return [
            Claim(kind="money", start=99, end=100, text="?"),
            Claim(kind="percentage", start=0, end=6, text="Brazil"),
            "junk",
        ]

    r = _pipe(_claims_plugin("mixed", mixed)).extract(TEXT)
    assert [e.plugin for e in r.errors] == ["mixed", "mixed"]
    assert {c.text for c in r.claims} == {"Brazil", "$5"}


# -- entry points that fail to import ----------------------------------------------------------


def _broken_distribution(root: Path) -> Path:
    """A throwaway installed distribution (a bare .dist-info on a temp path) with three entry
    points: a module that does not exist, one that raises on import, and one that works."""
    site = root / "site"
    dist = site / "geonews_fault_fixture-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: geonews-fault-fixture\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[geonews]\n"
        "zz_missing = geonews_fault_fixture_no_such_module\n"
        "zz_raising = geonews_fault_fixture_raising\n"
        "zz_working = geonews_fault_fixture_working\n",
        encoding="utf-8",
    )
    (site / "geonews_fault_fixture_raising.py").write_text(
        'raise ImportError("this plugin needs a library that is not installed")\n',
        encoding="utf-8",
    )
    (site / "geonews_fault_fixture_working.py").write_text(
        "from geonews import Claim, hookimpl\n"
        "CLAIM_KINDS = ('marker',)\n"
        "@hookimpl\n"
        "def extract_claims(article, entities, doc):\n"
        "    i = article.text.find('Monday')\n"
        "    if i >= 0:\n"
        "        yield Claim(kind='marker', start=i, end=i + 6, text='Monday')\n",
        encoding="utf-8",
    )
    return site


@pytest.fixture
def broken_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = _broken_distribution(tmp_path)
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.delenv("GEONEWS_PLUGINS", raising=False)
    return site


def test_broken_entry_points_are_skipped_by_extract(broken_site: Path) -> None:
    pipe = geonews.Pipeline(only=["zz_missing", "zz_raising", "zz_working"])
    broken = {e.plugin: e for e in pipe.load_errors}
    assert set(broken) == {"zz_missing", "zz_raising"}
    assert "ModuleNotFoundError" in broken["zz_missing"].message
    assert "not installed" in broken["zz_raising"].message
    assert all(e.hook == "load" for e in broken.values())
    r = pipe.extract(TEXT)
    assert [c.kind for c in r.claims] == ["marker"]  # the working one ran
    assert {e.plugin for e in r.errors} == {"zz_missing", "zz_raising"}


def test_broken_entry_point_in_strict_mode_raises(broken_site: Path) -> None:
    with pytest.raises(PluginFailure, match="zz_missing"):
        geonews.Pipeline(only=["zz_missing", "zz_working"], strict=True)


def test_geonews_plugins_reports_broken_entry_points(
    broken_site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["plugins", "--json"]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert "ModuleNotFoundError" in rows["zz_missing"]["error"]
    assert "not installed" in rows["zz_raising"]["error"]
    assert rows["zz_working"]["error"] is None
    assert rows["zz_working"]["kinds"] == ["marker"]
    assert main(["plugins"]) == 0
    table = capsys.readouterr().out
    line = next(x for x in table.splitlines() if x.startswith("zz_missing"))
    assert "BROKEN" in line and "ModuleNotFoundError" in line


def test_cli_extract_skips_a_broken_entry_point(broken_site: Path, tmp_path: Path) -> None:
    """End to end in a subprocess: the broken plugins are named once each on stderr as
    warnings, the article is still processed by the rest, and there is no traceback."""
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(broken_site))
    env.pop("GEONEWS_PLUGINS", None)
    proc = subprocess.run(
        [sys.executable, "-m", "geonews.cli", "extract", str(src), "--format", "jsonl"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 0, proc.stderr
    assert "zz_missing" in proc.stderr and "zz_raising" in proc.stderr
    rec = json.loads(proc.stdout)
    assert "marker" in {c["kind"] for c in rec["claims"]}
    assert {e["plugin"] for e in rec["errors"]} >= {"zz_missing", "zz_raising"}
