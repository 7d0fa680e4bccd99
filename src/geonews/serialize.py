"""Turn results into the JSON contract (``geonews.result/1``), JSON text and flat records.

Kept apart from the value types: the types know nothing about JSON. The same result always
gives the same bytes (keys in a fixed order, no timestamps, no hash-ordered sets).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from geonews.types import Article, Claim, Entity, PluginError, Result, TimeRef

__all__ = [
    "ERROR_SCHEMA",
    "SCHEMA",
    "article_to_dict",
    "error_record",
    "result_to_dict",
    "result_to_json",
    "result_to_records",
]

SCHEMA = "geonews.result/1"
ERROR_SCHEMA = "geonews.error/1"


def _date(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def article_to_dict(a: Article, *, with_text: bool | None = None) -> dict[str, Any]:
    """The ``article`` part of the contract. ``text`` is included when the text was derived
    from another format (HTML), or when ``with_text`` asks for it."""
    out: dict[str, Any] = {
        "id": a.id,
        "title": a.title,
        "url": a.url,
        "source": a.source,
        "source_country": a.source_country,
        "published": _date(a.published),
        "language": a.language,
        "authors": list(a.authors),
        "metadata": dict(a.metadata),
    }
    if with_text or (with_text is None and a.metadata.get("format") == "html"):
        out["text"] = a.text
    return out


def time_to_dict(t: TimeRef | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {"text": t.text, "start": t.start, "end": t.end, "value": t.value, "grain": t.grain}


def entity_to_dict(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "kind": e.kind,
        "name": e.name,
        "code": e.code,
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
        "attributes": dict(e.attributes),
        "plugin": e.plugin,
        "confidence": e.confidence,
    }


def claim_to_dict(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "kind": c.kind,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "value": dict(c.value),
        "entities": list(c.entities),
        "time": time_to_dict(c.time),
        "speaker": c.speaker,
        "quote": c.quote,
        "plugin": c.plugin,
        "confidence": c.confidence,
    }


def error_to_dict(e: PluginError) -> dict[str, Any]:
    return {"plugin": e.plugin, "hook": e.hook, "message": e.message}


def result_to_dict(r: Result) -> dict[str, Any]:
    """The whole result as plain dicts and lists (the documented contract)."""
    return {
        "schema": SCHEMA,
        "article": article_to_dict(r.article),
        "entities": [entity_to_dict(e) for e in r.entities],
        "claims": [claim_to_dict(c) for c in r.claims],
        "errors": [error_to_dict(e) for e in r.errors],
        "skipped": [{"start": s.start, "end": s.end, "reason": s.reason} for s in r.skipped],
    }


def dumps(obj: Any, *, indent: int | None = None) -> str:
    """JSON text with the project's settings (UTF-8 kept, compact when not indented)."""
    seps = (",", ": ") if indent is not None else (",", ":")
    return json.dumps(obj, ensure_ascii=False, indent=indent, separators=seps, allow_nan=False)


def result_to_json(r: Result, *, indent: int | None = None) -> str:
    return dumps(result_to_dict(r), indent=indent)


def error_record(
    message: str, *, source: str | None = None, line: int | None = None, id: str | None = None
) -> dict[str, Any]:
    """The record written in place of an input that could not be processed."""
    return {"schema": ERROR_SCHEMA, "source": source, "line": line, "id": id, "error": message}


def result_to_records(r: Result) -> list[dict[str, Any]]:
    """One flat row per claim: scalar columns only, ready for ``pandas.DataFrame``."""
    names = {e.id: e.name for e in r.entities}
    rows = []
    for c in r.claims:
        row: dict[str, Any] = {
            "article_id": r.article.id,
            "claim_id": c.id,
            "kind": c.kind,
            "start": c.start,
            "end": c.end,
            "text": c.text,
            "plugin": c.plugin,
            "confidence": c.confidence,
            "entities": ";".join(names.get(x, x) for x in c.entities),
            "time": c.time.value if c.time else None,
            "time_text": c.time.text if c.time else None,
            "speaker": names.get(c.speaker, c.speaker) if c.speaker else None,
        }
        for k, v in c.value.items():
            if isinstance(v, list | tuple):
                v = ";".join(names.get(x, str(x)) if isinstance(x, str) else str(x) for x in v)
            elif isinstance(v, dict):
                v = dumps(v)
            elif isinstance(v, str) and k in ("speaker",):
                v = names.get(v, v)
            row[f"value.{k}"] = v
        rows.append(row)
    return rows
