"""The country table: every literal that names a country, mapped to its ISO alpha-3 code.

Sources: pycountry (names, common and official names of ISO 3166-1 countries and ISO 3166-3
historical states) plus the curated ``aliases.json`` (short forms such as "the US", "Britain")
and ``demonyms.tsv`` (adjectives and demonyms such as "Peruvian", "the Israelis").

Historical states keep their ISO 3166-3 *alpha-3* code as ``code`` ("SUN" for the Soviet
Union, "YUG" for Yugoslavia); the four-letter ISO 3166-3 code ("SUHH") is in the entity's
``attributes["iso3166_3"]``.
"""

from __future__ import annotations

from functools import cache

import pycountry
import regex

from geonews_entities.data import read_json, read_tsv

__all__ = [
    "Country",
    "blocked_literals",
    "country_literals",
    "country_name",
    "currency_after",
    "demonym_literals",
    "historic_code",
    "location_literals",
]

Country = str  # an ISO alpha-3 code

# A country word directly before a currency names the currency, not the country ("US dollar",
# "Swiss francs", "US$").
_CURRENCY_AFTER = regex.compile(
    r"\s?(?:\$|dollars?\b|francs?\b|pounds?\b|pesos?\b|rupees?\b|yen\b|yuan\b|rand\b|real\b|"
    r"reais\b|kron[ae]r?\b|krone\b|lira\b|dinars?\b|riyals?\b|rials?\b|shekels?\b|euros?\b|"
    r"roubles?\b|rubles?\b|won\b|ringgit\b|baht\b|rupiah\b|zloty\b|cents?\b|currency\b)"
)
# the characters a currency can start with
_CURRENCY_FIRST = frozenset("$dfprykleswbzc")


def currency_after(text: str, pos: int) -> bool:
    """Whether a currency follows ``pos`` (``_CURRENCY_AFTER`` matches there). The match needs
    one of _CURRENCY_FIRST at ``pos``, or after one whitespace character (``str.isspace`` holds
    for every character of ``regex``'s ``\\s``): tested first, as most country words are not
    followed by a currency."""
    ch = text[pos : pos + 1]
    if ch in _CURRENCY_FIRST or (ch.isspace() and text[pos + 1 : pos + 2] in _CURRENCY_FIRST):
        return _CURRENCY_AFTER.match(text, pos) is not None
    return False


def _usable(name: str | None) -> bool:
    return bool(name) and "," not in name and "(" not in name  # type: ignore[operator]


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(literal -> code, code -> display name, historical alpha-3 -> ISO 3166-3 code)."""
    literals: dict[str, str] = {}
    names: dict[str, str] = {}
    historic: dict[str, str] = {}
    for c in pycountry.countries:
        for n in (getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)):
            if n and _usable(n):
                literals.setdefault(n, c.alpha_3)
                names.setdefault(c.alpha_3, n)
    for h in pycountry.historic_countries:
        historic[h.alpha_3] = h.alpha_4
    aliases: dict[str, list[str]] = read_json("aliases.json")["countries"]
    for code, forms in aliases.items():
        for i, form in enumerate(forms):
            literals[form] = code
            if i == 0 and any(ch.islower() for ch in form):
                names[code] = form
    for place in (*read_json("aliases.json")["territories"], *location_literals()):
        literals.pop(place, None)
    return literals, names, historic


def country_literals() -> dict[str, str]:
    """Every country name literal (names, short forms, official names) -> alpha-3."""
    return dict(_tables()[0])


@cache
def demonym_literals() -> dict[str, str]:
    """Demonyms and adjectives ("Peruvian", "Israelis") -> alpha-3, plurals included."""
    out: dict[str, str] = {}
    for row in read_tsv("demonyms.tsv"):
        word, code = row[0], row[1]
        out[word] = code
        if " " not in word and not word.endswith("s") and not word.endswith("men"):
            out.setdefault(word + "s", code)
    return out


def country_name(code: str) -> str:
    """The display name of a country code ("RUS" -> "Russia")."""
    return _tables()[1].get(code, code)


def historic_code(code: str) -> str | None:
    """The ISO 3166-3 four-letter code of a historical state ("SUN" -> "SUHH"), else None."""
    return _tables()[2].get(code)


def location_literals() -> list[str]:
    """Regions, capitals and other places that must never resolve to a country."""
    data = read_json("aliases.json")
    return [*data["locations"], *data["territories"]]


def blocked_literals() -> list[str]:
    """Literals that contain a country word but name no country ("Latin American")."""
    return list(read_json("aliases.json")["blocked"])
