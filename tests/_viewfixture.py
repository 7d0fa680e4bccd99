"""A small, deterministic plugin for the view, schema and records tests (no real extractors).

It finds a fixed list of names and simple patterns, so the tests do not depend on the built-in
plugins, which other work changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from geonews import Article, Claim, Entity, Mention, hookimpl

TEXT = (
    "Russian President Vladimir Putin met Peru's leader Ollanta Humala in Lima on Tuesday.\n\n"
    "\u201cWe will build a new strategic partnership,\u201d Putin said after the talks. "
    "Russia agreed to lend Peru $1.5 billion, and trade grew by 9.4 percent last year.\n\n"
    "A note in the feed read <script>alert('x')</script> & <b>bold</b> \"quoted\"."
)

NAMES = {
    "Vladimir Putin": ("person", "Vladimir Putin", None),
    "Putin": ("person", "Vladimir Putin", None),
    "Ollanta Humala": ("person", "Ollanta Humala", None),
    "Russia": ("country", "Russia", "RUS"),
    "Russian": ("country", "Russia", "RUS"),
    "Peru": ("country", "Peru", "PER"),
}
_NAME = re.compile(r"\b(?:Vladimir Putin|Putin|Ollanta Humala|Russian|Russia|Peru)\b")
_MONEY = re.compile(r"\$(\d+(?:\.\d+)?) billion")
_PCT = re.compile(r"(\d+(?:\.\d+)?) percent")
_QUOTE = re.compile(r"\u201c([^\u201d]{1,400})\u201d")


class Fixture:
    name = "fixture"
    CLAIM_KINDS = ("money", "percentage", "quote")
    ENTITY_KINDS = ("person", "country")

    @hookimpl
    def extract_entities(self, article: Article) -> Iterator[Entity]:
        seen: dict[str, list[Mention]] = {}
        info: dict[str, tuple[str, str, str | None]] = {}
        for m in _NAME.finditer(article.text):
            kind, name, code = NAMES[m.group(0)]
            if (
                m.group(0) == "Putin"
                and article.text[max(0, m.start() - 9) : m.start()] == "Vladimir "
            ):
                continue
            seen.setdefault(name, []).append(Mention(m.start(), m.end(), m.group(0)))
            info[name] = (kind, name, code)
        for name, mentions in seen.items():
            kind, _, code = info[name]
            yield Entity(kind=kind, name=name, code=code, mentions=mentions)

    @hookimpl
    def extract_claims(self, article: Article, entities: tuple[Entity, ...]) -> Iterator[Claim]:
        t = article.text
        for m in _MONEY.finditer(t):
            value = {"amount": float(m.group(1)) * 1e9, "currency": "USD", "amount_max": None}
            yield Claim("money", m.start(), m.end(), m.group(0), value=value)
        for m in _PCT.finditer(t):
            value = {"value": float(m.group(1)), "points": False}
            yield Claim("percentage", m.start(), m.end(), m.group(0), value=value)
        putin = next((e.id for e in entities if e.name == "Vladimir Putin"), None)
        for m in _QUOTE.finditer(t):
            value = {"quote": m.group(1), "speaker": putin, "speaker_text": "Putin"}
            yield Claim("quote", m.start(), m.end(), m.group(0), value=value)
