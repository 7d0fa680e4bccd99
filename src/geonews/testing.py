"""Helpers for plugin authors' tests: run one plugin, check offsets and value types, assert claims.

>>> import geonews.testing as gt
>>> from geonews import Claim, hookimpl
>>> class Upper:
...     @hookimpl
...     def extract_claims(self, article):
...         i = article.text.find("NATO")
...         return [Claim(kind="acronym", start=i, end=i + 4, text="NATO")] if i >= 0 else []
>>> result = gt.run_plugin(Upper(), "Talks at NATO resumed.")
>>> gt.assert_claims(result, [("acronym", "NATO")])
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from geonews.pipeline import Pipeline
from geonews.types import Article, Claim, Result

__all__ = [
    "assert_claims",
    "assert_no_claims",
    "check_offsets",
    "check_value_types",
    "claim_texts",
    "run_plugin",
]

JSON_SCALARS = (str, int, float, bool, type(None))


def run_plugin(
    plugin: object,
    text_or_article: str | Article,
    *,
    with_plugins: Sequence[object] = (),
    check: bool = True,
) -> Result:
    """Run ``plugin`` alone (no installed plugins) on a text and return the combined result.

    :param plugin: a module, class or instance with hook implementations.
    :param with_plugins: other plugins to run alongside, e.g. an entity plugin your claims need.
    :param check: fail (``AssertionError``) when a plugin recorded an error or an offset is
        wrong, so a broken plugin never passes a test silently.
    """
    pipe = Pipeline(plugins=[plugin, *with_plugins], load_entrypoints=False)
    result = pipe.extract(text_or_article)
    if check:
        if result.errors:
            lines = "; ".join(f"{e.plugin} ({e.hook}): {e.message}" for e in result.errors)
            raise AssertionError(f"plugin errors: {lines}")
        check_offsets(result)
    return result


def check_offsets(result: Result) -> None:
    """Assert every claim and mention indexes the article text exactly."""
    text = result.article.text
    for c in result.claims:
        if not 0 <= c.start <= c.end <= len(text) or text[c.start : c.end] != c.text:
            raise AssertionError(
                f"claim {c.id} ({c.kind}) [{c.start}:{c.end}] text {c.text!r} != "
                f"{text[c.start : c.end]!r}"
            )
    for e in result.entities:
        for m in e.mentions:
            if not 0 <= m.start <= m.end <= len(text) or text[m.start : m.end] != m.text:
                raise AssertionError(
                    f"entity {e.id} mention [{m.start}:{m.end}] {m.text!r} != "
                    f"{text[m.start : m.end]!r}"
                )


def _type_name(t: type | tuple[type, ...]) -> str:
    if isinstance(t, tuple):
        return " | ".join(x.__name__ for x in t)
    return t.__name__


def check_value_types(
    claims: Result | Iterable[Claim],
    kind: str,
    types: Mapping[str, type | tuple[type, ...]],
    *,
    required: bool = True,
) -> int:
    """Assert each claim of ``kind`` has value fields of the given types; return how many.

    ``types`` maps a value key to a type or a tuple of types (``(int, type(None))`` allows
    None). With ``required`` every key must be present. ``bool`` never passes for ``int``.
    """
    items = claims.claims if isinstance(claims, Result) else tuple(claims)
    n = 0
    for c in items:
        if c.kind != kind:
            continue
        n += 1
        for key, want in types.items():
            if key not in c.value:
                if required:
                    raise AssertionError(f"claim {c.text!r}: value has no {key!r}")
                continue
            got = c.value[key]
            wanted = want if isinstance(want, tuple) else (want,)
            bad_bool = isinstance(got, bool) and bool not in wanted
            if bad_bool or not isinstance(got, wanted):
                raise AssertionError(
                    f"claim {c.text!r}: value[{key!r}] is {type(got).__name__} {got!r}, "
                    f"expected {_type_name(want)}"
                )
    return n


def claim_texts(result: Result, kind: str | None = None) -> list[tuple[str, str]]:
    """``(kind, text)`` of every claim (of one kind if given), in text order."""
    return [(c.kind, c.text) for c in result.claims if kind is None or c.kind == kind]


def _matches(c: Claim, kind: str, text: str, value: Mapping[str, Any] | None) -> bool:
    if c.kind != kind or c.text != text:
        return False
    return value is None or all(c.value.get(k) == v for k, v in value.items())


def assert_claims(
    result: Result,
    expected: Iterable[tuple[str, str] | tuple[str, str, Mapping[str, Any]]],
    *,
    exact: bool = False,
) -> None:
    """Assert the result holds each expected claim: ``(kind, text)`` or ``(kind, text, value)``
    where ``value`` lists the fields that must be equal (a subset of the claim's value).

    With ``exact`` the result must hold no other claims of the expected kinds.
    """
    want = list(expected)
    missing = []
    for exp in want:
        kind, text = exp[0], exp[1]
        value = exp[2] if len(exp) > 2 else None
        if not any(_matches(c, kind, text, value) for c in result.claims):
            missing.append(exp)
    if missing:
        got = [(c.kind, c.text, dict(c.value)) for c in result.claims]
        raise AssertionError(f"missing claims {missing!r}; got {got!r}")
    if exact:
        kinds = {exp[0] for exp in want}
        texts = {(exp[0], exp[1]) for exp in want}
        extra = [(c.kind, c.text) for c in result.claims if c.kind in kinds]
        extra = [x for x in extra if x not in texts]
        if extra:
            raise AssertionError(f"unexpected claims {extra!r}")


def assert_no_claims(result: Result, kind: str | None = None) -> None:
    """Assert the result holds no claims (of ``kind`` if given): for negative examples."""
    found = claim_texts(result, kind)
    if found:
        raise AssertionError(f"expected no claims, got {found!r}")
