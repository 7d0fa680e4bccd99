"""Read articles from files, directories and stdin, one at a time (bounded memory).

Every input yields exactly one :class:`Item`: an article, or an error record in its place
(malformed JSON line, missing ``text``, unreadable file), with the source and line number.
Invalid UTF-8 is decoded with U+FFFD replacement characters and reported once per source in
``Item.warning``; nothing is dropped.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from attrs import frozen

from geonews.types import Article

__all__ = ["Item", "iter_items"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
TEXT_SUFFIXES = (".txt", ".text", ".md")


@frozen
class Item:
    """One input: an article, or the reason there is none."""

    source: str
    line: int | None
    article: Article | None = None
    error: str | None = None
    warning: str | None = None
    id: str | None = None


def _decode(raw: bytes, source: str, what: str) -> tuple[str, str | None]:
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8", errors="replace")
        return (
            text,
            f"{source}: {what} is not valid UTF-8 ({exc.reason} at byte {exc.start}); bad bytes replaced with U+FFFD",
        )


def _jsonl(stream: BinaryIO, source: str) -> Iterator[Item]:
    for n, raw in enumerate(stream, start=1):
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
            article = Article.from_dict(record)
        except (TypeError, ValueError) as exc:
            yield Item(
                source,
                n,
                error=f"line {n}: {exc}",
                warning=warning,
                id=None if ident is None else str(ident),
            )
            continue
        yield Item(source, n, article=article, warning=warning, id=article.id)


def _text(raw: bytes, source: str, ident: str | None) -> Item:
    text, warning = _decode(raw, source, "the file")
    return Item(source, None, article=Article(text=text, id=ident), warning=warning, id=ident)


def _path_items(path: Path) -> Iterator[Item]:
    source = str(path)
    if path.is_dir():
        for child in sorted(
            p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")
        ):
            yield from _path_items(child)
        return
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as f:
                yield from _jsonl(f, source)
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield Item(source, None, error=f"cannot read {source}: {exc.strerror or exc}")
        return
    yield _text(raw, source, path.stem)


def _stdin_items(input_format: str) -> Iterator[Item]:
    stream = sys.stdin.buffer
    if input_format == "jsonl":
        yield from _jsonl(stream, "<stdin>")
        return
    raw = stream.read()
    if input_format == "auto" and raw.lstrip()[:1] == b"{":
        import io

        yield from _jsonl(io.BytesIO(raw), "<stdin>")
        return
    yield _text(raw, "<stdin>", "stdin")


def iter_items(paths: Iterable[str], *, input_format: str = "auto") -> Iterator[Item]:
    """Yield one Item per article in ``paths`` ("-" is stdin), in input order."""
    for p in paths:
        if p == "-":
            yield from _stdin_items(input_format)
        elif input_format == "jsonl":
            path = Path(p)
            try:
                with path.open("rb") as f:
                    yield from _jsonl(f, p)
            except OSError as exc:
                yield Item(p, None, error=f"cannot read {p}: {exc.strerror or exc}")
        elif input_format == "text":
            path = Path(p)
            try:
                raw = path.read_bytes()
            except OSError as exc:
                yield Item(p, None, error=f"cannot read {p}: {exc.strerror or exc}")
                continue
            yield _text(raw, p, path.stem)
        else:
            yield from _path_items(Path(p))
