"""The CLI's own behaviour: ids from JSONL, plugin listing, demo, version, exit codes."""

from __future__ import annotations

import json
import subprocess
from importlib import metadata
from pathlib import Path

import geonews

BUILTINS = {"entities", "money", "percentages", "quotes", "treaties"}


def run(cmd: list[str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*cmd, *args], input=stdin, capture_output=True, text=True, timeout=120)


def test_builtins_are_visible_as_entry_points() -> None:
    names = {ep.name for ep in metadata.entry_points(group="geonews")}
    assert names >= BUILTINS


def test_version(geonews_cmd: list[str]) -> None:
    p = run(geonews_cmd, "--version")
    assert p.returncode == 0
    assert p.stdout.strip() == f"geonews {geonews.__version__}"


def test_plugins_lists_the_builtins(geonews_cmd: list[str]) -> None:
    p = run(geonews_cmd, "plugins", "--json")
    assert p.returncode == 0, p.stderr
    rows = {r["name"]: r for r in json.loads(p.stdout)}
    assert set(rows) >= BUILTINS
    assert all(rows[n]["builtin"] for n in BUILTINS)
    assert "money" in rows["money"]["kinds"]
    assert "extract_entities" in rows["entities"]["hooks"]


def test_extract_jsonl_keeps_ids_and_order(geonews_cmd: list[str], tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        {"doc": "a", "text": "Exports rose 5 percent."},
        {"id": "b", "text": "Nothing here.", "published": "2020-01-01"},
        {"id": 3, "text": "Imports fell."},
    ]
    src.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    p = run(geonews_cmd, "extract", str(src), "--format", "jsonl")
    assert p.returncode == 0, p.stderr
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert [r["article"]["id"] for r in out] == ["a", "b", "3"]
    assert out[1]["article"]["published"] == "2020-01-01"


def test_extract_bad_line_becomes_an_error_record(geonews_cmd: list[str], tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "ok"}\n{oops\n{"id": "c"}\n{"id": "d", "text": "ok"}\n')
    p = run(geonews_cmd, "extract", str(src), "--format", "jsonl")
    assert p.returncode == 1
    out = [json.loads(x) for x in p.stdout.splitlines()]
    assert len(out) == 4
    assert out[1]["schema"] == "geonews.error/1" and out[1]["line"] == 2
    assert out[2]["line"] == 3 and out[2]["id"] == "c"
    assert out[3]["article"]["id"] == "d"
    assert "Traceback" not in p.stderr


def test_extract_stdin_text_gives_one_json_object(geonews_cmd: list[str]) -> None:
    p = run(geonews_cmd, "extract", "--format", "json", stdin="Inflation hit 3 percent.")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["schema"] == "geonews.result/1"


def test_disable_in_cli(geonews_cmd: list[str]) -> None:
    p = run(geonews_cmd, "plugins", "--json", "--disable", "money,quotes")
    names = {r["name"] for r in json.loads(p.stdout)}
    assert "money" not in names and "quotes" not in names and "treaties" in names


def test_missing_file_is_an_error_record_not_a_traceback(geonews_cmd: list[str]) -> None:
    p = run(geonews_cmd, "extract", "/nonexistent/file.txt", "--format", "jsonl")
    assert p.returncode == 1
    assert json.loads(p.stdout)["schema"] == "geonews.error/1"
    assert "Traceback" not in p.stderr


def test_no_command_prints_help(geonews_cmd: list[str]) -> None:
    p = run(geonews_cmd)
    assert p.returncode == 2
    assert "extract" in p.stdout


def test_demo_runs(geonews_cmd: list[str]) -> None:
    p = run(geonews_cmd, "demo")
    assert p.returncode == 0, p.stderr
    assert "skipped duplicate" in p.stdout
    assert "Simon Wilson" in p.stdout
