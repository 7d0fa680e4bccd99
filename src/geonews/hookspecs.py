"""The hook specification: the functions a geonews plugin may implement.

A plugin is any object (usually a module) with functions marked ``@geonews.hookimpl`` whose
names match the specs below. Every argument is passed by keyword, and an implementation may
accept any subset of them. Never give an implementation's argument a default value: pluggy
would then never pass it.

Each implementation is called on its own. When it raises, the error is recorded in
``Result.errors`` with the plugin's name and the other plugins' output is kept (unless the
caller asked for ``strict=True``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from geonews.document import Document
    from geonews.types import Article, Claim, Entity

PROJECT = "geonews"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def extract_entities(article: Article, doc: Document) -> Iterable[Entity] | None:
    """Find the entities (people, countries, organisations, places, ...) in an article.

    :param article: the article, with its text and metadata.
    :param doc: the shared analysis of the text: sentences, paragraphs, the spans to skip
        (duplicated paragraphs, notices, bylines) and ``doc.masked``, the text with those spans
        blanked out but the same length, so that offsets found in it index ``article.text``.
    :return: an iterable of :class:`~geonews.Entity`, or None. Each mention's offsets must index
        ``article.text``. Entities from several plugins that share an ``id`` are merged into one.

    Called once per article, before any ``extract_claims``.
    """


@hookspec
def extract_claims(
    article: Article, entities: tuple[Entity, ...], doc: Document
) -> Iterable[Claim] | None:
    """Find the claims (money amounts, percentages, treaties, quotes, ...) in an article.

    :param article: the article, with its text and metadata.
    :param entities: every entity found by the ``extract_entities`` step, merged, in text order.
        Refer to them in ``Claim.entities`` and in a value (a quote's ``speaker``, a treaty's
        ``parties``) by their ``id``.
    :param doc: the shared analysis of the text (see ``extract_entities``).
    :return: an iterable of :class:`~geonews.Claim`, or None. Offsets must index
        ``article.text`` and ``claim.text`` must equal ``article.text[claim.start:claim.end]``.

    Called once per article, after all entities are known. The host then sorts the claims,
    resolves overlaps between plugins, links claims to entities, time expressions and the
    quote they sit in, and stamps each with the plugin's name.
    """
