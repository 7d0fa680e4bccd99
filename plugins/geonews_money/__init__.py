"""Built-in plugin: money amounts (see ``docs/plugins/money.md``)."""

from __future__ import annotations

from collections.abc import Iterator

from geonews import Article, Claim, Document, Entity, hookimpl

from .plugin import find_money

CLAIM_KINDS = ("money",)

__all__ = ["CLAIM_KINDS", "extract_claims", "find_money"]


@hookimpl
def extract_claims(
    article: Article, entities: tuple[Entity, ...], doc: Document
) -> Iterator[Claim]:
    return find_money(article, entities, doc)
