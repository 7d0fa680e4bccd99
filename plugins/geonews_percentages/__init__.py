"""Built-in plugin: percentages and multipliers (see ``docs/plugins/percentages.md``)."""

from __future__ import annotations

from collections.abc import Iterator

from geonews import Article, Claim, Document, Entity, hookimpl

from .plugin import find_multipliers, find_percentages

CLAIM_KINDS = ("percentage", "multiplier")

__all__ = ["CLAIM_KINDS", "extract_claims", "find_multipliers", "find_percentages"]


@hookimpl
def extract_claims(
    article: Article, entities: tuple[Entity, ...], doc: Document
) -> Iterator[Claim]:
    yield from find_percentages(article, entities, doc)
    yield from find_multipliers(article, entities, doc)
