"""Built-in plugin: direct and indirect quotes."""

from __future__ import annotations

from collections.abc import Iterator

from geonews import Article, Claim, Document, Entity, hookimpl

CLAIM_KINDS = ("quote",)


@hookimpl
def extract_claims(article: Article, entities: tuple[Entity, ...], doc: Document) -> Iterator[Claim]:
    return iter(())
