"""The value types of geonews: Article, Mention, Entity, TimeRef, Claim, PluginError, Result.

All of them are immutable (``attrs`` ``@frozen``). Sequences are stored as tuples and mappings
are copied on the way in. Offsets are half-open ``[start, end)`` into ``Article.text``, the exact
string the user gave: ``article.text[x.start:x.end] == x.text`` holds for every mention and claim.

Serialisation lives in :mod:`geonews.serialize`; the types only delegate to it.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import field, frozen, validators

if TYPE_CHECKING:
    from geonews.skip import Skip

__all__ = [
    "Article",
    "Claim",
    "Entity",
    "Mention",
    "PluginError",
    "Result",
    "TimeRef",
]


def _tuple(value: Iterable[Any] | None) -> tuple[Any, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _mapping(value: Mapping[str, Any] | None) -> dict[str, Any]:
    return dict(value) if value else {}


def _published(value: object) -> dt.datetime | dt.date | None:
    """Accept a date, a datetime or a string in ISO 8601 or RFC 2822 form."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        try:
            if len(s) == 10:
                return dt.date.fromisoformat(s)
            return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
        except ValueError:
            pass
        try:
            return email.utils.parsedate_to_datetime(s)
        except (TypeError, ValueError):
            pass
        raise ValueError(
            f"published: cannot read {value!r} as a date (use ISO 8601, e.g. 2015-12-02)"
        )
    raise TypeError(f"published: expected a date, datetime or string, got {type(value).__name__}")


def _check_span(instance: Any, _attribute: Any, _value: Any) -> None:
    if not 0 <= instance.start <= instance.end:
        raise ValueError(f"bad offsets [{instance.start}, {instance.end})")


@frozen
class Article:
    """One news article: its text and what is known about it.

    ``text`` is never rewritten: every offset in a :class:`Result` indexes it.
    """

    text: str = field(validator=validators.instance_of(str))
    id: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    source_country: str | None = None
    published: dt.datetime | dt.date | None = field(default=None, converter=_published)
    language: str = "en"
    authors: tuple[str, ...] = field(default=(), converter=_tuple)
    metadata: Mapping[str, Any] = field(factory=dict, converter=_mapping)

    @classmethod
    def from_text(cls, text: str, **fields: Any) -> Article:
        """Build an article from a string, with optional metadata fields."""
        return cls(text=text, **fields)

    @classmethod
    def from_file(cls, path: str | Path, *, encoding: str = "utf-8", **fields: Any) -> Article:
        """Read a plain-text file. Undecodable bytes are replaced (U+FFFD), never fatal.

        The file's stem becomes the id unless ``id`` is given.
        """
        p = Path(path)
        text = p.read_bytes().decode(encoding, errors="replace")
        fields.setdefault("id", p.stem)
        return cls(text=text, **fields)

    @classmethod
    def from_html(cls, html: str | bytes, **fields: Any) -> Article:
        """Build an article from a news web page (needs the extra ``geonews[html]``).

        ``text`` is the page's body text, the string that every offset indexes. The title
        (without site suffixes), publication date and authors come from the page unless given.
        """
        from geonews.html import article_from_html

        return article_from_html(html, **fields)

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Article:
        """Build an article from a JSON record such as one line of a JSONL batch.

        ``text`` is required; ``id`` (or ``doc``), ``title``, ``url``, ``source``,
        ``source_country``, ``published`` (or ``date``), ``language``, ``authors`` are optional.
        Any other key is kept in ``metadata``.
        """
        if not isinstance(record, Mapping):
            raise TypeError(f"an article record must be a JSON object, not {type(record).__name__}")
        text = record.get("text")
        if not isinstance(text, str):
            raise ValueError("article record has no 'text' string")
        known = {
            "text",
            "id",
            "doc",
            "title",
            "url",
            "source",
            "source_country",
            "published",
            "date",
            "language",
            "authors",
        }
        ident = record.get("id", record.get("doc"))
        authors = record.get("authors") or ()
        return cls(
            text=text,
            id=None if ident is None else str(ident),
            title=record.get("title"),
            url=record.get("url"),
            source=record.get("source"),
            source_country=record.get("source_country"),
            published=record.get("published", record.get("date")),
            language=record.get("language") or "en",
            authors=[authors] if isinstance(authors, str) else authors,
            metadata={k: v for k, v in record.items() if k not in known},
        )


@frozen
class Mention:
    """One place in the text where an entity is named."""

    start: int = field(validator=_check_span)
    end: int
    text: str


@frozen
class Entity:
    """A real-world referent (person, country, organization, location, ...) and its mentions.

    ``id`` is the entity's stable key within one result. Entities from several plugins with the
    same id are merged. Built-in ids look like ``country:RUS`` or ``person:vladimir-putin``.
    """

    kind: str
    name: str
    mentions: tuple[Mention, ...] = field(default=(), converter=_tuple)
    code: str | None = None
    attributes: Mapping[str, Any] = field(factory=dict, converter=_mapping)
    id: str = ""
    plugin: str = ""
    confidence: float = 1.0

    def __attrs_post_init__(self) -> None:
        if not self.id:
            ident = (
                f"{self.kind}:{self.code}" if self.code else default_entity_id(self.kind, self.name)
            )
            object.__setattr__(self, "id", ident)


# a maximal run of characters for which str.isalnum() holds (stdlib \w is isalnum() or "_")
_ALNUM_RUN = re.compile(r"[^\W_]+")


def default_entity_id(kind: str, name: str) -> str:
    """The id the built-ins give an entity: ``kind:slug``, the slug being the runs of letters
    and digits of the lowercased name joined by hyphens."""
    slug = "-".join(_ALNUM_RUN.findall(name.lower()))
    return f"{kind}:{slug or '_'}"


@frozen
class TimeRef:
    """A time expression and what it means, relative to the article's publication date.

    ``value`` is ISO 8601 at the expression's grain ("2014", "2014-11", "2015-12-01",
    "2014-Q1") or None when it cannot be resolved (e.g. "yesterday" with no publication date).
    """

    text: str
    start: int
    end: int
    value: str | None
    grain: str


@frozen
class Claim:
    """Something the article states: a money amount, a percentage, a treaty, a quote, ...

    ``value`` holds the kind's typed fields (see ``docs/output.md``). ``entities`` lists the ids
    of the entities the claim is about. ``speaker`` is set when the claim sits inside a quote;
    ``quote`` is then that quote claim's id.
    """

    kind: str
    start: int = field(validator=_check_span)
    end: int
    text: str
    value: Mapping[str, Any] = field(factory=dict, converter=_mapping)
    entities: tuple[str, ...] = field(default=(), converter=_tuple)
    time: TimeRef | None = None
    speaker: str | None = None
    quote: str | None = None
    plugin: str = ""
    confidence: float = 1.0
    id: str = ""


@frozen
class PluginError:
    """A failure recorded instead of raised: which plugin, in which hook, and why.

    ``plugin`` is "geonews" for failures of the host itself (for example an input line that
    could not be read).
    """

    plugin: str
    message: str
    hook: str | None = None


@frozen
class Result:
    """The combined output for one article."""

    article: Article
    entities: tuple[Entity, ...] = field(default=(), converter=_tuple)
    claims: tuple[Claim, ...] = field(default=(), converter=_tuple)
    errors: tuple[PluginError, ...] = field(default=(), converter=_tuple)
    skipped: tuple[Skip, ...] = field(default=(), converter=_tuple)

    def entity(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None

    def of_kind(self, kind: str) -> tuple[Claim, ...]:
        """The claims of one kind, in text order."""
        return tuple(c for c in self.claims if c.kind == kind)

    def to_dict(self) -> dict[str, Any]:
        """The result contract (``geonews.result/1``) as plain dicts and lists."""
        from geonews.serialize import result_to_dict

        return result_to_dict(self)

    def to_json(self, *, indent: int | None = None) -> str:
        """The result contract as JSON text; the same result always gives the same bytes."""
        from geonews.serialize import result_to_json

        return result_to_json(self, indent=indent)

    def to_records(self) -> list[dict[str, Any]]:
        """One flat row per claim (for pandas: ``pd.DataFrame(result.to_records())``)."""
        from geonews.serialize import result_to_records

        return result_to_records(self)
