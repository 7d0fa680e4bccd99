"""Built-in plugin: treaties and agreements.

One ``treaty`` claim per agreement: its name, type, parties (entity ids), action, every
mention, and for well-known agreements the canonical name and the year signed.
See ``docs/plugins/treaties.md``.
"""

from __future__ import annotations

from collections.abc import Iterator

from geonews import Article, Claim, Document, Entity, hookimpl

from .plugin import find_treaties

__all__ = ["CLAIM_KINDS", "extract_claims", "find_treaties"]

CLAIM_KINDS = ("treaty",)


@hookimpl
def extract_claims(
    article: Article, entities: tuple[Entity, ...], doc: Document
) -> Iterator[Claim]:
    """Find the agreements in an article (see :mod:`geonews_treaties.plugin`)."""
    return iter(find_treaties(article, entities, doc))
