"""Check what plugins return before it enters a result: types, offsets, JSON-able values."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from geonews.types import Claim, Entity

__all__ = ["PluginOutputError", "check_claim", "check_entity"]


class PluginOutputError(ValueError):
    """A plugin returned something that breaks the result contract."""


def _check_offsets(
    text: str, start: Any, end: Any, got: Any, what: str | Callable[[], str]
) -> None:
    """Raise unless ``got`` is ``text[start:end]``; ``what`` (a string, or a callable that
    makes it, so that the common case formats nothing) names the item in the message."""
    if (
        type(start) is int
        and type(end) is int
        and 0 <= start <= end <= len(text)
        and type(got) is str
        and len(got) == end - start
        and text.startswith(got, start)
    ):
        return
    what = what() if callable(what) else what
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
        if value != value or value in (float("inf"), float("-inf")):
            return "", "is not a finite number"
        return None
    if isinstance(value, Mapping):
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
        _check_offsets(text, m.start, m.end, m.text, lambda: f"mention of {item.name!r}:")
    _jsonable(item.attributes, "attributes")
    return item


def check_claim(text: str, item: object) -> Claim:
    """Return ``item`` if it is a valid Claim for ``text``; raise PluginOutputError if not."""
    if not isinstance(item, Claim):
        raise PluginOutputError(f"extract_claims returned a {type(item).__name__}, not a Claim")
    _check_offsets(text, item.start, item.end, item.text, lambda: f"{item.kind} claim")
    _jsonable(item.value, "value")
    return item
