"""Currency names, symbols and codes, and how a bare "$" or "pesos" is resolved.

ISO 4217 codes and the English CLDR names ("Swiss francs", "Colombian pesos") and each country's
currency come from ``currencies.json`` (generated from pycountry and Babel by ``make_data``).
The small hand tables here hold only what CLDR does not: symbols as written in news ("A$",
"US$"), bare words ("pounds", "euros"), and currencies replaced by the euro that archives still
quote.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pycountry
import regex

__all__ = [
    "AMBIGUOUS",
    "CODES",
    "DOLLAR_CODES",
    "MINOR",
    "NAME_CODES",
    "SYMBOLS",
    "TERRITORY",
    "WORD_CODES",
    "code_of_word",
    "source_territory",
]

_DATA: dict[str, Any] = json.loads(
    Path(__file__).with_name("currencies.json").read_text(encoding="utf-8")
)
# ISO codes that are also English words or common acronyms: never read as a currency alone
_CODE_STOP = frozenset(
    {"ALL", "CUP", "TOP", "MOP", "BOB", "PEN", "TRY", "SOS", "MAD", "GEL", "BAM", "AMD", "LAK"}
)
CODES: frozenset[str] = frozenset(_DATA["codes"])
# codes allowed before or after a number ("USD 5m", "5m euros" is a word; "300 EUR")
PLAIN_CODES: tuple[str, ...] = tuple(sorted(c for c in CODES - _CODE_STOP if not c.startswith("X")))
TERRITORY: dict[str, str] = dict(_DATA["territory"])
NAME_CODES: dict[str, str] = dict(_DATA["names"])
DOLLAR_CODES: frozenset[str] = frozenset(
    code for name, code in NAME_CODES.items() if name.endswith(("dollar", "dollars"))
)

SYMBOLS: dict[str, str | None] = {
    "$": None,
    "us$": "USD",
    "u.s.$": "USD",
    "u.s$": "USD",
    "$us": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "aus$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "can$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "sg$": "SGD",
    "r$": "BRL",
    "nt$": "TWD",
    "mx$": "MXN",
    "z$": "ZWL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₽": "RUB",
    "₩": "KRW",
    "₺": "TRY",
    "₪": "ILS",
    "元": "CNY",
    "₡": "CRC",
    "₾": "GEL",
    "₭": "LAK",
    "₦": "NGN",
    "₱": "PHP",
    "₴": "UAH",
    "₫": "VND",
    "฿": "THB",
    "chf": "CHF",
    "fr.": "CHF",
    "rs": "INR",
    "rs.": "INR",
    "rmb": "CNY",
    "ksh": "KES",
}

# bare words: code, or None when the word needs context (a dollar, a peso, ...)
WORD_CODES: dict[str, str | None] = {
    "dollar": None,
    "dollars": None,
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "quid": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
    "rupiah": "IDR",
    "reais": "BRL",
    "rand": "ZAR",
    "won": "KRW",
    "lira": "TRY",
    "liras": "TRY",
    "shekel": "ILS",
    "shekels": "ILS",
    "naira": "NGN",
    "ringgit": "MYR",
    "baht": "THB",
    "zloty": "PLN",
    "zlotys": "PLN",
    "forint": "HUF",
    "forints": "HUF",
    "hryvnia": "UAH",
    "hryvnias": "UAH",
    "tenge": "KZT",
    "cedi": "GHS",
    "cedis": "GHS",
    "taka": "BDT",
    "rupee": None,
    "rupees": None,
    "peso": None,
    "pesos": None,
    "dinar": None,
    "dinars": None,
    "riyal": None,
    "riyals": None,
    "rial": None,
    "rials": None,
    "dirham": None,
    "dirhams": None,
    "franc": None,
    "francs": None,
    "shilling": None,
    "shillings": None,
    "krona": "SEK",
    "kronor": "SEK",
    "krone": None,
    "kroner": None,
    # replaced by the euro, still quoted in archives and history pieces
    "deutschmarks": "DEM",
    "deutsche marks": "DEM",
    "d-marks": "DEM",
    "french francs": "FRF",
    "belgian francs": "BEF",
    "finnish markka": "FIM",
    "markka": "FIM",
    "markkas": "FIM",
    "pesetas": "ESP",
    "peseta": "ESP",
    "guilders": "NLG",
    "dutch guilders": "NLG",
    "escudos": "PTE",
    "drachmas": "GRD",
    "drachma": "GRD",
    "lire": "ITL",
    "italian lire": "ITL",
    "irish punts": "IEP",
    "punts": "IEP",
    "austrian schillings": "ATS",
}
# minor units: word -> (major currency or None for the dollar family, divisor)
MINOR: dict[str, tuple[str | None, int]] = {
    "cent": (None, 100),
    "cents": (None, 100),
    "c": (None, 100),
    "penny": ("GBP", 100),
    "pence": ("GBP", 100),
    "pennies": ("GBP", 100),
    "p": ("GBP", 100),
}
# defaults for words that need context when the article gives none
AMBIGUOUS: dict[str, str] = {
    "rupee": "INR",
    "peso": "MXN",
    "dinar": "IQD",
    "riyal": "SAR",
    "rial": "IRR",
    "dirham": "AED",
    "franc": "CHF",
    "shilling": "KES",
    "krone": "NOK",
}
_SINGULAR = {
    "rupees": "rupee",
    "pesos": "peso",
    "dinars": "dinar",
    "riyals": "riyal",
    "rials": "rial",
    "dirhams": "dirham",
    "francs": "franc",
    "shillings": "shilling",
    "kroner": "krone",
}


def _norm(word: str) -> str:
    return " ".join(word.lower().replace("\u00a0", " ").split())


def code_of_word(word: str) -> tuple[str | None, str | None]:
    """``(code, ambiguous_stem)`` for a currency word: ("Swiss francs") -> ("CHF", None),
    ("pesos") -> (None, "peso"), ("dollars") -> (None, "dollar")."""
    w = _norm(word)
    if w in NAME_CODES:
        return NAME_CODES[w], None
    if w in WORD_CODES:
        code = WORD_CODES[w]
        if code is not None:
            return code, None
        return None, _SINGULAR.get(w, w.rstrip("s") if w.startswith("dollar") else w)
    return None, None


@cache
def candidates(stem: str) -> frozenset[str]:
    """ISO codes whose CLDR name ends with the word: "peso" -> {"MXN", "COP", "ARS", ...}."""
    return frozenset(
        code for name, code in NAME_CODES.items() if name.endswith((" " + stem, " " + stem + "s"))
    )


_TLD = regex.compile(r"\.([a-z]{2})(?:/|:|$)")


def source_territory(source_country: str | None, source: str | None, url: str | None) -> str | None:
    """The alpha-2 code of the article's country: ``source_country`` ("AU" or "AUS"), else the
    country-code domain of the source or URL ("smh.com.au")."""
    if source_country:
        sc = source_country.strip().upper()
        if len(sc) == 2:
            return sc
        c = pycountry.countries.get(alpha_3=sc)
        if c is not None:
            return str(c.alpha_2)
        try:
            return str(pycountry.countries.lookup(source_country).alpha_2)
        except LookupError:
            pass
    for hint in (source, url):
        if hint:
            m = _TLD.search(hint.lower().split("?")[0])
            if m and m.group(1).upper() in TERRITORY:
                return m.group(1).upper()
    return None


def territory_of_alpha3(alpha3: str) -> str | None:
    c = pycountry.countries.get(alpha_3=alpha3)
    return None if c is None else str(c.alpha_2)
