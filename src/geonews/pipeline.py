"""Run the plugins on an article and combine their output into one :class:`Result`.

Each hook implementation is called on its own, so that one plugin's exception or bad output is
recorded in ``Result.errors`` (with the plugin's name) and never loses the others' output.
``strict=True`` re-raises instead.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import pluggy
from attrs import evolve

from geonews.combine import combine_claims, merge_entities
from geonews.document import Document
from geonews.manager import PluginInfo, get_plugin_manager
from geonews.types import Article, Claim, Entity, PluginError, Result
from geonews.validate import PluginOutputError, check_claim, check_entity

__all__ = ["Pipeline", "extract"]


class PluginFailure(RuntimeError):
    """Raised in strict mode when a plugin fails; the message names the plugin."""


class Pipeline:
    """A configured set of plugins, built once and run on many articles.

    >>> from geonews import Pipeline
    >>> pipe = Pipeline(disable=["quotes"])
    >>> pipe.extract("Trade grew by 9.4 percent.").claims[0].value["value"]
    9.4
    """

    def __init__(
        self,
        *,
        plugins: Sequence[object] = (),
        disable: str | Iterable[str] | None = None,
        only: str | Iterable[str] | None = None,
        strict: bool = False,
        load_entrypoints: bool = True,
    ) -> None:
        pset = get_plugin_manager(
            plugins=plugins, disable=disable, only=only, load_entrypoints=load_entrypoints
        )
        self.pm: pluggy.PluginManager = pset.pm
        self.load_errors: tuple[PluginError, ...] = pset.load_errors
        self.infos: tuple[PluginInfo, ...] = pset.infos
        self.strict = strict
        if strict and self.load_errors:
            first = self.load_errors[0]
            raise PluginFailure(f"plugin {first.plugin!r}: {first.message}")

    def extract(self, text_or_article: str | Article) -> Result:
        """Run every plugin on one article and return the combined result."""
        article = _as_article(text_or_article)
        doc = Document(article)
        errors: list[PluginError] = list(self.load_errors)
        raw_entities: list[tuple[str, Entity]] = []
        for name, call in self._impls("extract_entities", {"article": article, "doc": doc}):
            found = self._collect(
                name, "extract_entities", call, article.text, check_entity, errors
            )
            raw_entities.extend((name, e) for e in found)
        entities = merge_entities(doc, raw_entities)
        raw_claims: list[tuple[str, Claim]] = []
        kwargs = {"article": article, "entities": entities, "doc": doc}
        for name, call in self._impls("extract_claims", kwargs):
            found = self._collect(name, "extract_claims", call, article.text, check_claim, errors)
            raw_claims.extend((name, c) for c in found)
        claims = combine_claims(doc, entities, raw_claims)
        if not article.authors:
            authors = tuple(
                e.name for e in entities if e.attributes.get("role") == "author"
            ) or tuple(name for _, _, name in doc.bylines)
            if authors:
                article = evolve(article, authors=authors)
        return Result(
            article=article, entities=entities, claims=claims, errors=errors, skipped=doc.skips
        )

    def _impls(self, hook: str, kwargs: dict[str, Any]) -> list[tuple[str, Callable[[], Any]]]:
        caller = getattr(self.pm.hook, hook)
        out = []
        for impl in caller.get_hookimpls():
            args = {k: kwargs[k] for k in impl.argnames}
            fn = impl.function
            out.append((impl.plugin_name, _bind(fn, args)))
        out.sort(key=lambda p: p[0])  # call order never depends on registration order
        return out

    def _collect(
        self,
        name: str,
        hook: str,
        call: Callable[[], Any],
        text: str,
        check: Callable[[str, object], Any],
        errors: list[PluginError],
    ) -> list[Any]:
        items: list[Any] = []
        try:
            produced = call()
            if produced is None:
                return items
            if isinstance(produced, str | bytes) or not hasattr(produced, "__iter__"):
                raise PluginOutputError(
                    f"{hook} must return an iterable, not a {type(produced).__name__}"
                )
            for item in produced:
                try:
                    good = check(text, item)
                except PluginOutputError as exc:
                    if self.strict:
                        raise PluginFailure(f"plugin {name!r} ({hook}): {exc}") from exc
                    errors.append(PluginError(plugin=name, message=str(exc), hook=hook))
                    continue
                items.append(good)  # the combiner stamps the plugin's name
        except PluginFailure:
            raise
        except Exception as exc:
            if self.strict:
                raise PluginFailure(f"plugin {name!r} failed in {hook}: {exc}") from exc
            msg = f"{type(exc).__name__}: {exc}"
            errors.append(PluginError(plugin=name, message=msg, hook=hook))
        return items


def _bind(fn: Callable[..., Any], args: dict[str, Any]) -> Callable[[], Any]:
    return lambda: fn(**args)


def _as_article(value: str | Article) -> Article:
    if isinstance(value, Article):
        return value
    if isinstance(value, str):
        return Article(text=value)
    raise TypeError(f"extract() takes a str or an Article, not {type(value).__name__}")


@lru_cache(maxsize=8)
def _default_pipeline(
    disable: frozenset[str], only: frozenset[str] | None, strict: bool, env: str | None
) -> Pipeline:
    del env  # part of the cache key only: Pipeline reads GEONEWS_PLUGINS itself
    return Pipeline(disable=disable, only=only, strict=strict)


def extract(
    text_or_article: str | Article,
    *,
    plugins: Sequence[object] = (),
    disable: str | Iterable[str] = (),
    only: str | Iterable[str] | None = None,
    strict: bool = False,
) -> Result:
    """Extract entities and claims from one article with the installed plugins.

    :param text_or_article: the article text, or an :class:`Article` with metadata.
    :param plugins: extra plugin objects to run besides the installed ones.
    :param disable: names of plugins not to run.
    :param only: run only these plugins (by name).
    :param strict: re-raise a plugin's failure instead of recording it in ``Result.errors``.

    Without ``plugins`` the configured pipeline is cached, so calling ``extract`` in a loop does
    not reload the entry points. For explicit plugins build a :class:`Pipeline` once instead.
    """
    if plugins:
        pipe = Pipeline(plugins=plugins, disable=disable, only=only, strict=strict)
    else:
        dis = frozenset(disable.split(",") if isinstance(disable, str) else disable)
        onl = (
            None if only is None else frozenset(only.split(",") if isinstance(only, str) else only)
        )
        pipe = _default_pipeline(dis, onl, strict, os.environ.get("GEONEWS_PLUGINS"))
    return pipe.extract(text_or_article)
