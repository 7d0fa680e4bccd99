"""Real outputs validate against docs/result.schema.json; broken ones do not."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from _viewfixture import TEXT, Fixture

import geonews

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "result.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def _errors(record: Any) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(record)]


def test_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def _fixture_result() -> dict[str, Any]:
    pipe = geonews.Pipeline(plugins=[Fixture()], load_entrypoints=False)
    article = geonews.Article(text=TEXT, id="fx", published="2015-12-02", authors=["A. Writer"])
    return pipe.extract(article).to_dict()


def test_fixture_result_validates() -> None:
    rec = _fixture_result()
    assert rec["claims"] and rec["entities"]
    assert _errors(rec) == []


def test_installed_pipeline_output_validates(seed_text: str) -> None:
    rec = geonews.extract(geonews.Article(text=seed_text, id="seed")).to_dict()
    assert _errors(rec) == []


def test_cli_jsonl_with_error_record_validates(tmp_path: Path, geonews_cmd: list[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Exports grew by 9.4 percent in 2014."})
        + "\n{not json\n"
        + json.dumps({"doc": "b", "text": "Russia and Peru signed a deal."})
        + "\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [*geonews_cmd, "extract", str(src), "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [r["schema"] for r in lines] == [
        "geonews.result/1",
        "geonews.error/1",
        "geonews.result/1",
    ]
    for rec in lines:
        assert _errors(rec) == [], rec


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        (("schema",), "geonews.result/2"),
        (("claims", 0, "start"), -1),
        (("claims", 0, "id"), "x1"),
        (("claims", 0, "value", "amount"), "1.5 billion"),
        (("entities", 0, "mentions"), None),
        (("article", "published"), "last Tuesday"),
    ],
)
def test_broken_results_fail(path: tuple[Any, ...], bad: Any) -> None:
    rec = _fixture_result()
    # put the money claim first so ("claims", 0, "value", "amount") exists
    rec["claims"].sort(key=lambda c: c["kind"] != "money")
    target = rec
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    assert _errors(rec), f"{path} = {bad!r} should not validate"


def test_unknown_top_level_key_fails() -> None:
    rec = _fixture_result()
    rec["extra"] = 1
    assert _errors(rec)
