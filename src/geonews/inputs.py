"""Read articles from files, directories and stdin, one at a time (bounded memory).

Inputs: plain text files, JSONL batches (one article object a line), CSV batches (one article a
row; the text and id columns can be chosen), HTML pages (the extra ``geonews[html]``) and
directories of any of these (walked in sorted order). Batches are streamed line by line; a whole
corpus is never read into memory.

Every input yields exactly one :class:`Item`: an article, or an error record in its place
(malformed JSON line, missing text, unreadable file), with the source and line number.
Invalid UTF-8 is decoded with U+FFFD replacement characters and reported in ``Item.warning``;
nothing is dropped.
"""

from __future__ import annotations

import csv
import itertools
import json
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from attrs import frozen

from geonews.types import Article

__all__ = ["INPUT_FORMATS", "Item", "article_from_record", "iter_items"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
JSON_SUFFIXES = (".json",)
TEXT_SUFFIXES = (".txt", ".text", ".md")
CSV_SUFFIXES = (".csv",)
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
INPUT_FORMATS = ("auto", "text", "jsonl", "csv", "html")

# CSV cells hold whole articles: lift the csv module's 128 KiB default cell limit.
csv.field_size_limit(2**31 - 1)


@frozen
class Item:
    """One input: an article, or the reason there is none."""

    source: str
    line: int | None
    article: Article | None = None
    error: str | None = None
    warning: str | None = None
    id: str | None = None


@frozen
class _Columns:
    text: str = "text"
    id: str = "id"


def _decode(raw: bytes, source: str, what: str) -> tuple[str, str | None]:
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", errors="replace")
        return (
            text,
            f"{source}: {what} is not valid UTF-8 ({exc.reason} at byte {exc.start}); "
            "bad bytes replaced with U+FFFD",
        )


def article_from_record(record: Mapping[str, Any]) -> Article:
    """An article from a JSON record: ``text``, or ``html`` to be extracted from a page."""
    if isinstance(record, Mapping) and not isinstance(record.get("text"), str):
        html = record.get("html")
        if isinstance(html, str):
            # a null field does not hide what the page says
            fields = {
                k: v for k, v in record.items() if k not in ("html", "text") and v is not None
            }
            if "doc" in fields and "id" not in fields:
                fields["id"] = fields.pop("doc")
            if "id" in fields:
                fields["id"] = str(fields["id"])
            if "date" in fields and "published" not in fields:
                fields["published"] = fields.pop("date")
            extra = {k: fields.pop(k) for k in list(fields) if k not in _ARTICLE_FIELDS}
            fields["metadata"] = extra
            return Article.from_html(html, **fields)
    return Article.from_dict(record)


_ARTICLE_FIELDS = frozenset(
    ["id", "title", "url", "source", "source_country", "published", "language", "authors"]
)


def _jsonl(lines: Iterable[bytes], source: str) -> Iterator[Item]:
    for n, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        line, warning = _decode(raw, source, f"line {n}")
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Item(
                source,
                n,
                error=f"line {n}: not valid JSON ({exc.msg} at column {exc.colno})",
                warning=warning,
            )
            continue
        ident = record.get("id", record.get("doc")) if isinstance(record, dict) else None
        try:
            article = article_from_record(record)
        except (TypeError, ValueError, ImportError) as exc:
            yield Item(
                source,
                n,
                error=f"line {n}: {exc}",
                warning=warning,
                id=None if ident is None else str(ident),
            )
            continue
        yield Item(source, n, article=article, warning=warning, id=article.id)


def _csv(lines: Iterable[bytes], source: str, cols: _Columns) -> Iterator[Item]:
    """One item per CSV record (a quoted cell may span lines); ``line`` is where it starts."""
    warnings: list[str] = []

    def decoded() -> Iterator[str]:
        for n, raw in enumerate(lines, start=1):
            text, warning = _decode(raw, source, f"line {n}")
            if warning:
                warnings.append(warning)
            yield text

    reader = csv.reader(decoded())
    header = next(reader, None)
    if header is None:
        return
    header = [h.strip() for h in header]
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]
    start = reader.line_num + 1
    for row in reader:
        line, start = start, reader.line_num + 1
        warning = "; ".join(warnings) or None
        warnings.clear()
        if not any(cell.strip() for cell in row):
            continue
        record = {k: v for k, v in zip(header, row, strict=False) if v != ""}
        ident = record.get(cols.id)
        if cols.text not in header:
            yield Item(
                source,
                line,
                error=f"line {line}: no column {cols.text!r} (columns: {', '.join(header)})",
                warning=warning,
                id=ident,
            )
            continue
        fields: dict[str, Any] = {
            "text": record.pop(cols.text, ""),
            "id": record.pop(cols.id, None),
        }
        fields.update((k, v) for k, v in record.items() if k not in ("text", "id", "doc"))
        authors = fields.get("authors")
        if isinstance(authors, str):
            fields["authors"] = [a.strip() for a in authors.split(";") if a.strip()]
        try:
            article = Article.from_dict(fields)
        except (TypeError, ValueError) as exc:
            yield Item(source, line, error=f"line {line}: {exc}", warning=warning, id=ident)
            continue
        yield Item(source, line, article=article, warning=warning, id=article.id)


def _json_file(raw: bytes, source: str) -> Iterator[Item]:
    """A ``.json`` file: one article object, or an array of them (read whole: prefer JSONL)."""
    text, warning = _decode(raw, source, "the file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Item(source, None, error=f"{source}: not valid JSON ({exc.msg})", warning=warning)
        return
    records = data if isinstance(data, list) else [data]
    for n, record in enumerate(records, start=1):
        ident = record.get("id", record.get("doc")) if isinstance(record, dict) else None
        ident = None if ident is None else str(ident)
        try:
            article = article_from_record(record)
        except (TypeError, ValueError, ImportError) as exc:
            yield Item(source, n, error=f"item {n}: {exc}", warning=warning, id=ident)
            continue
        yield Item(source, n, article=article, warning=warning, id=article.id)


def _text(raw: bytes, source: str, ident: str | None) -> Item:
    text, warning = _decode(raw, source, "the file")
    return Item(source, None, article=Article(text=text, id=ident), warning=warning, id=ident)


def _html(raw: bytes, source: str, ident: str | None) -> Item:
    try:
        article = Article.from_html(raw, id=ident)
    except (ValueError, ImportError) as exc:
        return Item(source, None, error=f"{source}: {exc}", id=ident)
    except Exception as exc:  # a parser failure must not lose the rest of the batch
        return Item(source, None, error=f"{source}: cannot parse HTML ({exc})", id=ident)
    return Item(source, None, article=article, id=ident)


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in CSV_SUFFIXES:
        return "csv"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def _file_items(path: Path, fmt: str, cols: _Columns) -> Iterator[Item]:
    source = str(path)
    try:
        if fmt in ("jsonl", "csv"):
            with path.open("rb") as f:
                if fmt == "jsonl":
                    yield from _jsonl(f, source)
                else:
                    yield from _csv(f, source, cols)
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Item(source, None, error=f"cannot read {source}: {exc.strerror or exc}")
        return
    if fmt == "json":
        yield from _json_file(raw, source)
    else:
        yield _html(raw, source, path.stem) if fmt == "html" else _text(raw, source, path.stem)


def _path_items(path: Path, input_format: str, cols: _Columns) -> Iterator[Item]:
    if path.is_dir():
        children = sorted(p for p in path.rglob("*") if p.is_file())
        for child in children:
            if any(part.startswith(".") for part in child.relative_to(path).parts):
                continue
            yield from _file_items(child, _format_of(child), cols)
        return
    fmt = _format_of(path) if input_format == "auto" else input_format
    yield from _file_items(path, fmt, cols)


def _stdin_items(input_format: str, cols: _Columns) -> Iterator[Item]:
    stream = sys.stdin.buffer
    fmt = input_format
    head: list[bytes] = []
    if fmt == "auto":  # look at the first non-blank line only: stdin is streamed
        for raw in stream:
            head.append(raw)
            if raw.strip():
                break
        first = b"".join(head).lstrip().lower()
        if first.startswith(b"{"):
            fmt = "jsonl"
        elif first.startswith((b"<!doctype html", b"<html")):
            fmt = "html"
        else:
            fmt = "text"
    lines = itertools.chain(head, stream)
    if fmt == "jsonl":
        yield from _jsonl(lines, "<stdin>")
    elif fmt == "csv":
        yield from _csv(lines, "<stdin>", cols)
    elif fmt == "html":
        yield _html(b"".join(lines), "<stdin>", "stdin")
    else:
        yield _text(b"".join(lines), "<stdin>", "stdin")


def iter_items(
    paths: Iterable[str],
    *,
    input_format: str = "auto",
    text_column: str = "text",
    id_column: str = "id",
) -> Iterator[Item]:
    """Yield one Item per article in ``paths`` ("-" is stdin), in input order.

    :param input_format: ``auto`` (by file suffix: ``.jsonl``/``.ndjson``, ``.json`` (one
        article object or an array of them), ``.csv``, ``.html``/``.htm``, anything else is
        plain text; stdin is JSONL when it starts with
        ``{`` and HTML when it starts with ``<html`` or a doctype), or one of ``text``,
        ``jsonl``, ``csv``, ``html`` for every input given (files in a directory are still
        read by suffix).
    :param text_column: the CSV column that holds the article text.
    :param id_column: the CSV column that holds the article id.
    """
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input_format must be one of {', '.join(INPUT_FORMATS)}")
    cols = _Columns(text=text_column, id=id_column)
    for p in paths:
        if p == "-":
            yield from _stdin_items(input_format, cols)
        else:
            yield from _path_items(Path(p), input_format, cols)
