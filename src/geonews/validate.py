"""Check what plugins return before it enters a result: types, offsets, JSON-able values."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from geonews.types import Claim, Entity

__all__ = ["PluginOutputError", "check_claim", "check_entity"]


class PluginOutputError(ValueError):
    """A plugin returned something that breaks the result contract."""


def _fits(text: str, start: Any, end: Any, got: Any) -> bool:
    """Whether ``got`` is ``text[start:end]``, with integer offsets inside the text: the
    common case, told without building anything."""
    return (
        type(start) is int
        and type(end) is int
        and 0 <= start <= end <= len(text)
        and type(got) is str
        and len(got) == end - start
        and text.startswith(got, start)
    )


def _check_offsets(text: str, start: Any, end: Any, got: Any, what: str) -> None:
    """Raise unless ``got`` is ``text[start:end]``, for an item :func:`_fits` turned down (it
    may still be right: an int subclass for an offset, a str subclass for the text); ``what``
    names the item in the message."""
    if not isinstance(start, int) or not isinstance(end, int):
        raise PluginOutputError(f"{what} offsets must be integers")
    if not 0 <= start <= end <= len(text):
        raise PluginOutputError(
            f"{what} offsets [{start}, {end}) fall outside the text (length {len(text)})"
        )
    if text[start:end] != got:
        raise PluginOutputError(
            f"{what} text {got!r} is not text[{start}:{end}] == {text[start:end]!r}"
        )


_SCALARS = frozenset({str, int, bool, type(None)})


def _json_problem(value: Any) -> tuple[str, str] | None:
    """Why ``value`` is not JSON (``(path below value, reason)``), or None when it is.

    Runs on every value of every claim, so the common case (scalars) costs one set lookup and
    the path of a problem is only built when there is one."""
    t = type(value)
    if t in _SCALARS:
        return None
    if t is float:
        return None if math.isfinite(value) else ("", "is not a finite number")
    if t is dict or isinstance(value, Mapping):  # a dict (the common case) is one
        for k, v in value.items():
            if type(k) is not str:
                return "", f"has a non-string key {k!r}"
            if type(v) in _SCALARS:
                continue
            problem = _json_problem(v)
            if problem is not None:
                return f".{k}{problem[0]}", problem[1]
        return None
    if isinstance(value, list | tuple):
        for i, v in enumerate(value):
            if type(v) in _SCALARS:
                continue
            problem = _json_problem(v)
            if problem is not None:
                return f"[{i}]{problem[0]}", problem[1]
        return None
    if isinstance(value, str | int):  # subclasses of str and int (IntEnum, ...) serialise too
        return None
    return "", f"is a {t.__name__}, not a JSON type"


def _jsonable(value: Any, path: str) -> None:
    problem = _json_problem(value)
    if problem is not None:
        raise PluginOutputError(f"value {path}{problem[0]} {problem[1]}")


def check_entity(text: str, item: object) -> Entity:
    """Return ``item`` if it is a valid Entity for ``text``; raise PluginOutputError if not."""
    if not isinstance(item, Entity):
        raise PluginOutputError(f"extract_entities returned a {type(item).__name__}, not an Entity")
    for m in item.mentions:
        start, end, got = m.start, m.end, m.text
        if not _fits(text, start, end, got):
            _check_offsets(text, start, end, got, f"mention of {item.name!r}:")
    _jsonable(item.attributes, "attributes")
    return item


def check_claim(text: str, item: object) -> Claim:
    """Return ``item`` if it is a valid Claim for ``text``; raise PluginOutputError if not."""
    if not isinstance(item, Claim):
        raise PluginOutputError(f"extract_claims returned a {type(item).__name__}, not a Claim")
    start, end, got = item.start, item.end, item.text
    if not _fits(text, start, end, got):
        _check_offsets(text, start, end, got, f"{item.kind} claim")
    _jsonable(item.value, "value")
    return item
