"""Organisations: international bodies, possessive-country companies, institution heads."""

from __future__ import annotations

import pytest
from geonews_entities import find_entities

from geonews import Entity


def orgs(text: str) -> dict[str, Entity]:
    return {e.name: e for e in find_entities(text) if e.kind == "organization"}


FOUND = [
    ("Russia was expelled from the G8.", "Group of Eight", None),
    ("Leaders of the G20 met in Turkey.", "Group of 20", None),
    ("The UN condemned the attack.", "United Nations", None),
    ("Imports from the E.U. fell.", "European Union", None),
    ("NATO jets patrolled the border.", "North Atlantic Treaty Organization", None),
    ("The IMF lent $1bn.", "International Monetary Fund", None),
    ("OPEC agreed to cut output.", "Organization of the Petroleum Exporting Countries", None),
    ("ASEAN ministers met in Hanoi.", "Association of Southeast Asian Nations", None),
    ("The African Union sent troops.", "African Union", None),
    ("Russia's Gazprom signed the deal.", "Gazprom", "RUS"),
    ("Argentina's YPF will drill the field.", "YPF", "ARG"),
    ("Brazil's Vale cut its forecast.", "Vale", "BRA"),
    ("Diplomats at the Wilson Centre disagree.", "Wilson Centre", None),
    ("The Ministry of Defence denied it.", "Ministry of Defence", "GBR"),
    ("The Reserve Bank of Australia raised rates.", "Reserve Bank of Australia", "AUS"),
    ("The Central Bank of Nigeria cut rates.", "Central Bank of Nigeria", "NGA"),
    ("The Conservative Party lost seats.", "Conservatives", "GBR"),
    (
        "The Institute for Fiscal Studies said taxes would rise.",
        "Institute for Fiscal Studies",
        "GBR",
    ),
    ("A report by the Federal Labour Agency was published.", "Federal Labour Agency", None),
    ("The Civil Aviation Authority approved it.", "Civil Aviation Authority", None),
    ("Shares in Morgan Stanley rose.", "Morgan Stanley", "USA"),
]


@pytest.mark.parametrize(("text", "name", "country"), FOUND)
def test_organisations(text: str, name: str, country: str | None) -> None:
    found = orgs(text)
    assert name in found
    assert found[name].attributes.get("country") == country
    assert found[name].id == "organization:" + "-".join(
        "".join(c if c.isalnum() else " " for c in name.lower()).split()
    )


NOT_ORGS = [
    "Britain's Tony Blair arrived in Paris.",
    "Russia's president spoke on Monday.",
    "Russia's Crimea annexation was condemned.",
    "The Soviet Union collapsed.",
    "He went to the Bank on Friday.",
    "He won the America's Cup.",
]


@pytest.mark.parametrize("text", NOT_ORGS)
def test_not_organisations(text: str) -> None:
    assert orgs(text) == {}


def test_possessive_company_is_not_a_person() -> None:
    ents = find_entities("Russia's Gazprom and Argentina's YPF signed a memorandum.")
    assert {e.kind for e in ents if e.name in ("Gazprom", "YPF")} == {"organization"}
    assert not [e for e in ents if e.kind == "person"]


def test_country_word_inside_org_still_counts_as_country() -> None:
    ents = find_entities("The Reserve Bank of Australia and British Airways announced cuts.")
    assert {e.code for e in ents if e.kind == "country"} == {"AUS", "GBR"}
