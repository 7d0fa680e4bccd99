"""Flat tables: one row per claim, for pandas and ``geonews extract --format csv``.

:func:`records_from_dict` gives the same rows as :meth:`geonews.Result.to_records` from a result
that is already in its JSON form (``geonews.result/1``), so the CLI can stream CSV.
The CSV columns are fixed (:data:`CSV_COLUMNS`): the claim's flat columns, then ``value``, the
claim's value fields as one JSON object (list fields joined with ``;``, ids replaced by names,
as in ``to_records``).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from geonews.serialize import dumps

__all__ = ["CSV_COLUMNS", "RECORD_COLUMNS", "records_from_dict", "write_csv"]

RECORD_COLUMNS = (
    "article_id",
    "claim_id",
    "kind",
    "start",
    "end",
    "text",
    "plugin",
    "confidence",
    "entities",
    "time",
    "time_text",
    "speaker",
)
"""The columns every record has, in order; ``value.<key>`` columns follow, one per value key."""

CSV_COLUMNS = (*RECORD_COLUMNS, "value")


def records_from_dict(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One flat row per claim of a result dict; equal to ``Result.to_records()``."""
    names = {e["id"]: e["name"] for e in result.get("entities", [])}
    rows: list[dict[str, Any]] = []
    for c in result.get("claims", []):
        t = c.get("time")
        sp = c.get("speaker")
        row: dict[str, Any] = {
            "article_id": result["article"].get("id"),
            "claim_id": c["id"],
            "kind": c["kind"],
            "start": c["start"],
            "end": c["end"],
            "text": c["text"],
            "plugin": c["plugin"],
            "confidence": c["confidence"],
            "entities": ";".join(names.get(x, x) for x in c.get("entities", [])),
            "time": t["value"] if t else None,
            "time_text": t["text"] if t else None,
            "speaker": names.get(sp, sp) if sp else None,
        }
        for k, v in (c.get("value") or {}).items():
            if isinstance(v, list | tuple):
                v = ";".join(names.get(x, str(x)) if isinstance(x, str) else str(x) for x in v)
            elif isinstance(v, dict):
                v = dumps(v)
            elif isinstance(v, str) and k == "speaker":
                v = names.get(v, v)
            row[f"value.{k}"] = v
        rows.append(row)
    return rows


def csv_writer(out: TextIO) -> csv.DictWriter[str]:
    """A CSV writer with the fixed columns; the header is written at once."""
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    return writer


def csv_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record as a CSV row: the ``value.*`` columns folded into one JSON ``value`` column."""
    row = {k: record.get(k) for k in RECORD_COLUMNS}
    row["value"] = dumps({k[6:]: v for k, v in record.items() if k.startswith("value.")})
    return row


def write_csv(records: Iterable[Mapping[str, Any]], out: TextIO) -> int:
    """Write records as CSV with the fixed columns; return the number of rows."""
    writer = csv_writer(out)
    n = 0
    for rec in records:
        writer.writerow(csv_row(rec))
        n += 1
    return n
