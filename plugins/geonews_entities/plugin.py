"""The ``extract_entities`` hook: countries, organisations, locations and people."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from geonews import Article, Document, Entity, Mention, hookimpl
from geonews.plaintext import is_plain
from geonews.types import default_entity_id
from geonews_entities.countries import country_name, historic_code
from geonews_entities.gazetteer import Hit, gazetteer
from geonews_entities.organizations import OrgSpan, find_head_orgs, find_possessive_orgs
from geonews_entities.organizations_data import org_literals
from geonews_entities.people import Person, find_people

__all__ = ["ENTITY_KINDS", "extract_entities", "find_entities"]

ENTITY_KINDS = ("person", "country", "organization", "location")


def find_entities(
    text: str,
    masked: str | None = None,
    bylines: tuple[tuple[int, int, str], ...] = (),
    plain: bool | None = None,
) -> list[Entity]:
    """All entities of ``text``. ``masked`` (same length) is scanned; offsets index ``text``.
    ``plain`` is ``is_plain`` of the scanned text when the caller knows it."""
    scan = text if masked is None else masked
    if plain is None:
        plain = is_plain(scan)
    hits = list(gazetteer().finditer(scan))
    head_orgs = find_head_orgs(scan, hits, plain)
    people = find_people(scan, hits, head_orgs, bylines, plain)
    person_tokens = frozenset(w for p in people for w in p.name.split(" "))
    poss_orgs = find_possessive_orgs(scan, hits, person_tokens)
    # the mentions of the hits, by kind: countries (and demonyms) and places by key
    countries: dict[str, list[Mention]] = {}
    known_orgs: list[Hit] = []
    locations: dict[str, list[Mention]] = {}
    for h in hits:
        kind = h.kind
        if kind == "country" or kind == "demonym":
            countries.setdefault(h.key, []).append(Mention(h.start, h.end, text[h.start : h.end]))
        elif kind == "organization":
            known_orgs.append(h)
        elif kind == "location":
            locations.setdefault(h.key, []).append(Mention(h.start, h.end, text[h.start : h.end]))
    entities = _countries(countries)
    entities.extend(_organizations(text, known_orgs, [*head_orgs, *poss_orgs]))
    entities.extend(
        Entity(
            kind="location",
            name=name,
            mentions=tuple(mentions),
            id=default_entity_id("location", name),
        )
        for name, mentions in locations.items()
    )
    entities.extend(_people(text, people))
    return entities


def _countries(groups: dict[str, list[Mention]]) -> list[Entity]:
    out: list[Entity] = []
    for code, mentions in groups.items():
        attrs: dict[str, Any] = {}
        iso3 = historic_code(code)
        if iso3 is not None:
            attrs = {"historical": True, "iso3166_3": iso3}
        out.append(
            Entity(
                kind="country",
                name=country_name(code),
                code=code,
                mentions=tuple(mentions),
                attributes=attrs,
                id=f"country:{code}",
            )
        )
    return out


def _organizations(text: str, hits: list[Hit], found: list[OrgSpan]) -> Iterator[Entity]:
    """Organisations from the gazetteer ``hits`` (all organisations) and the ``found`` ones."""
    known = org_literals()
    groups: dict[str, tuple[str, str | None, list[Mention]]] = {}
    spans = sorted((o.start, o.end) for o in found)
    for h in hits:
        if not _inside(spans, h.start, h.end):
            name, country = known[h.text]
            groups.setdefault(name, (name, country, []))[2].append(
                Mention(h.start, h.end, text[h.start : h.end])
            )
    for o in found:
        name, country, mentions = groups.setdefault(o.name, (o.name, o.country, []))
        if country is None and o.country is not None:
            groups[o.name] = (name, o.country, mentions)
        mentions.append(Mention(o.start, o.end, text[o.start : o.end]))
    for name, country, mentions in groups.values():
        yield Entity(
            kind="organization",
            name=name,
            mentions=tuple(mentions),
            attributes={"country": country} if country else {},
            id=default_entity_id("organization", name),
        )


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when ``[start, end)`` lies inside (and is not equal to) one of the sorted spans."""
    i = bisect.bisect_right(spans, (start, end)) - 1
    # spans do not nest, so only the last one that starts at or before ``start`` can hold it
    while i >= 0 and spans[i] == (start, end):
        i -= 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _people(text: str, people: list[Person]) -> Iterator[Entity]:
    for p in people:
        attrs: dict[str, Any] = {}
        if p.author:
            attrs["role"] = "author"
        elif p.role:
            attrs["role"] = p.role
        if p.country:
            attrs["country"] = p.country
        if p.affiliation:
            attrs["affiliation"] = p.affiliation
        yield Entity(
            kind="person",
            name=p.name,
            mentions=tuple(Mention(s, e, text[s:e]) for s, e in p.mentions),
            attributes=attrs,
            id=default_entity_id("person", p.name),
        )


@hookimpl
def extract_entities(article: Article, doc: Document) -> list[Entity]:
    """People, countries, organisations and locations of one article."""
    return find_entities(article.text, doc.masked, doc.bylines, doc.plain)
