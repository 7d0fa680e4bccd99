"""Every input type gives one Item per article, in order, with error records in place."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from geonews.inputs import Item, iter_items

WIRE = "Exports to China grew by 9.4 percent in 2014, the ministry said on Tuesday."
WIRE2 = "Germany pledged 2 billion euros to Ukraine, Chancellor Olaf Scholz said."


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def _summary(items: list[Item]) -> list[tuple[int | None, str | None, str | None, bool]]:
    return [
        (i.line, i.id, i.article.text if i.article else None, i.error is not None) for i in items
    ]


def test_text_file_id_is_stem(tmp_path: Path) -> None:
    p = _write(tmp_path / "wire-1.txt", WIRE)
    (item,) = iter_items([str(p)])
    assert item.article is not None
    assert item.article.text == WIRE
    assert item.id == "wire-1"


def test_jsonl_lines_and_errors(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": WIRE, "published": "2015-01-02"}),
        "",
        "{not json",
        json.dumps({"id": "c", "title": "no text here"}),
        json.dumps({"doc": "d", "text": WIRE2}),
    ]
    p = _write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    items = list(iter_items([str(p)]))
    assert [(i.line, i.id, i.error is not None) for i in items] == [
        (1, "a", False),
        (3, None, True),
        (4, "c", True),
        (5, "d", False),
    ]
    assert items[0].article is not None and str(items[0].article.published) == "2015-01-02"
    assert items[1].error is not None and "not valid JSON" in items[1].error


CSV_CASES = [
    # (csv text, text column, id column, expected (line, id, text, is_error) rows)
    (
        f'id,text,published\nx1,"{WIRE}",2015-12-02\nx2,"{WIRE2}",\n',
        "text",
        "id",
        [(2, "x1", WIRE, False), (3, "x2", WIRE2, False)],
    ),
    (
        f'story,body\ns1,"{WIRE}"\n',
        "body",
        "story",
        [(2, "s1", WIRE, False)],
    ),
    (  # a quoted cell spanning lines: line is where the record starts
        f'id,body\nm1,"Line one.\n\nLine two."\nm2,"{WIRE2}"\n',
        "body",
        "id",
        [(2, "m1", "Line one.\n\nLine two.", False), (5, "m2", WIRE2, False)],
    ),
    (  # missing text column: one error record per row
        "id,title\nq1,Hello\nq2,World\n",
        "text",
        "id",
        [(2, "q1", None, True), (3, "q2", None, True)],
    ),
]


@pytest.mark.parametrize(("data", "text_col", "id_col", "expected"), CSV_CASES)
def test_csv(
    tmp_path: Path,
    data: str,
    text_col: str,
    id_col: str,
    expected: list[tuple[int | None, str | None, str | None, bool]],
) -> None:
    p = _write(tmp_path / "batch.csv", data)
    items = list(iter_items([str(p)], text_column=text_col, id_column=id_col))
    assert _summary(items) == expected


def test_csv_metadata_columns(tmp_path: Path) -> None:
    data = f'id,text,title,published,authors,desk\nk,"{WIRE}",Trade,2015-12-02,"A. B; C. D",econ\n'
    (item,) = iter_items([str(_write(tmp_path / "b.csv", data))])
    a = item.article
    assert a is not None
    assert (a.title, str(a.published), a.authors) == ("Trade", "2015-12-02", ("A. B", "C. D"))
    assert a.metadata == {"desk": "econ"}


def test_csv_large_cell(tmp_path: Path) -> None:
    big = "Prices rose. " * 20_000  # 260 KB: over the csv module's default cell limit
    p = _write(tmp_path / "big.csv", f'id,text\nbig,"{big}"\n')
    (item,) = iter_items([str(p)])
    assert item.article is not None and item.article.text == big


def test_csv_bad_utf8_is_warned_not_dropped(tmp_path: Path) -> None:
    p = _write(tmp_path / "bad.csv", b"id,text\nu1,caf\xe9 talks\nu2,fine\n")
    items = list(iter_items([str(p)]))
    assert [i.id for i in items] == ["u1", "u2"]
    assert items[0].warning is not None and "line 2" in items[0].warning
    assert items[0].article is not None and "\ufffd" in items[0].article.text
    assert items[1].warning is None


def test_input_format_forces_reader(tmp_path: Path) -> None:
    p = _write(tmp_path / "feed.data", f'id,text\nf1,"{WIRE}"\n')
    (as_text,) = iter_items([str(p)])
    assert as_text.article is not None and as_text.article.text.startswith("id,text")
    (as_csv,) = iter_items([str(p)], input_format="csv")
    assert as_csv.article is not None and as_csv.article.text == WIRE


def test_directory_walk_order_and_dispatch(tmp_path: Path) -> None:
    _write(tmp_path / "b.txt", WIRE2)
    _write(tmp_path / "a" / "one.jsonl", json.dumps({"id": "j1", "text": WIRE}) + "\n")
    _write(tmp_path / "c.csv", f'id,text\nc1,"{WIRE}"\n')
    _write(tmp_path / ".hidden.txt", "never read")
    _write(tmp_path / ".git" / "x.txt", "never read")
    items = list(iter_items([str(tmp_path)]))
    assert [i.id for i in items] == ["j1", "b", "c1"]


def test_missing_file_is_an_error_record(tmp_path: Path) -> None:
    (item,) = iter_items([str(tmp_path / "nope.txt")])
    assert item.article is None and item.error is not None and "cannot read" in item.error


def test_unknown_format_rejected() -> None:
    with pytest.raises(ValueError, match="input_format"):
        list(iter_items(["x"], input_format="xml"))


@pytest.mark.parametrize(
    ("data", "fmt", "expected_ids"),
    [
        (b'\n{"id": "s1", "text": "a"}\n{"id": "s2", "text": "b"}\n', "auto", ["s1", "s2"]),
        (b"Plain wire text.\nSecond line.\n", "auto", ["stdin"]),
        (b"id,text\nr1,hello\nr2,world\n", "csv", ["r1", "r2"]),
    ],
)
def test_stdin(
    monkeypatch: pytest.MonkeyPatch, data: bytes, fmt: str, expected_ids: list[str]
) -> None:
    fake = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    items = list(iter_items(["-"], input_format=fmt))
    assert [i.id for i in items] == expected_ids


def test_stdin_text_is_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"\n\nFirst paragraph.\n\nSecond paragraph.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    (item,) = iter_items(["-"])
    assert item.article is not None and item.article.text == data.decode()


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    """Items come out before the whole file is read: the reader is lazy."""
    p = _write(tmp_path / "s.jsonl", "".join(json.dumps({"text": str(i)}) + "\n" for i in range(5)))
    it = iter_items([str(p)])
    first = next(it)
    assert first.article is not None and first.article.text == "0"
    assert len(list(it)) == 4


@pytest.mark.parametrize(
    "texts",
    [
        ['He said "no", then left.', "Commas, commas, commas."],
        ["Line one.\nLine two.", "Windows\r\nline ends.", "Old Mac\rline end."],
        ["Café in Zürich — 5 % up", "Ελληνικά και русский текст"],
        ['"', "", "   "],
    ],
)
def test_csv_round_trip(tmp_path: Path, texts: list[str]) -> None:
    """Whatever a CSV writer puts in a cell comes back as the article text."""
    import csv

    p = tmp_path / "rt.csv"
    with p.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        for n, t in enumerate(texts):
            w.writerow([f"r{n}", t])
    items = list(iter_items([str(p)]))
    assert [i.id for i in items] == [f"r{n}" for n in range(len(texts))]
    assert [i.article.text if i.article else None for i in items] == texts


def test_json_file_object_or_array(tmp_path: Path) -> None:
    one = _write(tmp_path / "one.json", json.dumps({"id": "o1", "text": WIRE}, indent=2))
    many = _write(
        tmp_path / "many.json",
        json.dumps([{"id": "m1", "text": WIRE}, {"id": "m2"}, {"id": "m3", "text": WIRE2}]),
    )
    bad = _write(tmp_path / "bad.json", "[{")
    items = list(iter_items([str(one), str(many), str(bad)]))
    assert [(i.id, i.line, i.error is not None) for i in items] == [
        ("o1", 1, False),
        ("m1", 1, False),
        ("m2", 2, True),
        ("m3", 3, False),
        (None, None, True),
    ]
