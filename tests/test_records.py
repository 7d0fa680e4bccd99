"""Result.to_records(), the dict-based records the CLI streams, and `extract --format csv`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

from _viewfixture import TEXT, Fixture

import geonews
from geonews.tables import CSV_COLUMNS, RECORD_COLUMNS, csv_row, records_from_dict, write_csv


def _result() -> geonews.Result:
    pipe = geonews.Pipeline(plugins=[Fixture()], load_entrypoints=False)
    return pipe.extract(geonews.Article(text=TEXT, id="fx", published="2015-12-02"))


def test_records_columns_are_stable() -> None:
    rows = _result().to_records()
    assert len(rows) == 3
    for row in rows:
        assert tuple(row)[: len(RECORD_COLUMNS)] == RECORD_COLUMNS
        assert all(k.startswith("value.") for k in tuple(row)[len(RECORD_COLUMNS) :])


def test_records_content() -> None:
    rows = {r["kind"]: r for r in _result().to_records()}
    money = rows["money"]
    assert money["text"] == "$1.5 billion"
    assert money["value.amount"] == 1.5e9
    assert money["value.currency"] == "USD"
    assert money["article_id"] == "fx"
    assert money["entities"] == ""
    quote = rows["quote"]
    assert quote["value.speaker"] == "Vladimir Putin"  # the entity id becomes the name
    for row in rows.values():
        for v in row.values():
            assert v is None or isinstance(v, str | int | float | bool)


def test_records_from_dict_equals_to_records() -> None:
    r = _result()
    assert records_from_dict(r.to_dict()) == r.to_records()
    assert records_from_dict(json.loads(r.to_json())) == r.to_records()


def test_csv_row_folds_value_columns() -> None:
    row = csv_row(_result().to_records()[0])
    assert tuple(row) == CSV_COLUMNS
    assert isinstance(json.loads(row["value"]), dict)


def test_write_csv_roundtrip() -> None:
    out = io.StringIO()
    n = write_csv(_result().to_records(), out)
    back = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == len(back) == 3
    assert tuple(back[0]) == CSV_COLUMNS
    assert {b["kind"] for b in back} == {"money", "percentage", "quote"}


def test_cli_csv(tmp_path: Path, geonews_cmd: list[str]) -> None:
    src = tmp_path / "in.jsonl"
    lines = [
        {"id": "a", "text": "A car bomb killed at least 12 people, police said."},
        {"id": "b", "text": 'He said: "Three soldiers were wounded, and 40 civilians died."'},
    ]
    src.write_text("".join(json.dumps(x) + "\n" for x in lines) + "{bad\n", encoding="utf-8")
    proc = subprocess.run(
        [*geonews_cmd, "extract", str(src), "--format", "csv"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1  # the bad line is reported, not written as a row
    assert "could not be processed" in proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert proc.stdout.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert {r["article_id"] for r in rows} <= {"a", "b"}
    for r in rows:
        assert (
            r["text"]
            == next(x["text"] for x in lines if x["id"] == r["article_id"])[
                int(r["start"]) : int(r["end"])
            ]
        )
