"""Check what plugins return before it enters a result: types, offsets, JSON-able values."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from geonews.types import Claim, Entity

__all__ = ["PluginOutputError", "check_claim", "check_entity"]


class PluginOutputError(ValueError):
    """A plugin returned something that breaks the result contract."""


def _check_offsets(text: str, start: Any, end: Any, got: Any, what: str) -> None:
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


def _jsonable(value: Any, path: str) -> None:
    if value is None or isinstance(value, str | bool | int):
        return
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise PluginOutputError(f"value {path} is not a finite number")
        return
    if isinstance(value, Mapping):
        for k, v in value.items():
            if not isinstance(k, str):
                raise PluginOutputError(f"value {path} has a non-string key {k!r}")
            _jsonable(v, f"{path}.{k}")
        return
    if isinstance(value, list | tuple):
        for i, v in enumerate(value):
            _jsonable(v, f"{path}[{i}]")
        return
    raise PluginOutputError(f"value {path} is a {type(value).__name__}, not a JSON type")


def check_entity(text: str, item: object) -> Entity:
    """Return ``item`` if it is a valid Entity for ``text``; raise PluginOutputError if not."""
    if not isinstance(item, Entity):
        raise PluginOutputError(f"extract_entities returned a {type(item).__name__}, not an Entity")
    for m in item.mentions:
        _check_offsets(text, m.start, m.end, m.text, f"mention of {item.name!r}:")
    _jsonable(item.attributes, "attributes")
    return item


def check_claim(text: str, item: object) -> Claim:
    """Return ``item`` if it is a valid Claim for ``text``; raise PluginOutputError if not."""
    if not isinstance(item, Claim):
        raise PluginOutputError(f"extract_claims returned a {type(item).__name__}, not a Claim")
    _check_offsets(text, item.start, item.end, item.text, f"{item.kind} claim")
    _jsonable(item.value, "value")
    return item
