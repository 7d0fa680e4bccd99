"""Regenerate ``currencies.json`` from ISO 4217 (pycountry) and CLDR (Babel).

Run from the repository root when pycountry or Babel is updated (Babel is needed only here,
not at run time)::

    .venv/bin/python -m geonews_money.make_data

The file holds, for every current ISO 4217 code, its English singular and plural names from CLDR
("Colombian peso", "Colombian pesos") and, for every ISO 3166 country, the currency CLDR lists
as its current legal tender. The plugin reads it once at import.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

OUT = Path(__file__).with_name("currencies.json")


def build() -> dict[str, Any]:
    import pycountry
    from babel.numbers import get_currency_name, get_territory_currencies

    names: dict[str, str] = {}
    codes = sorted(c.alpha_3 for c in pycountry.currencies)
    for code in codes:
        if code.startswith("X"):  # gold, SDRs, test and fund codes; CFA francs are added below
            continue
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            if name and name != code.lower():
                names.setdefault(name, code)
    for code in ("XOF", "XAF", "XCD", "XPF"):
        names[get_currency_name(code, count=2, locale="en").lower()] = code
        names[get_currency_name(code, count=1, locale="en").lower()] = code
    territory: dict[str, str] = {}
    for country in pycountry.countries:
        found = get_territory_currencies(country.alpha_2, tender=True, non_tender=False)
        if found:
            territory[country.alpha_2] = found[0]
    return {"codes": codes, "names": names, "territory": territory}


def main() -> None:
    OUT.write_text(json.dumps(build(), indent=0, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
