"""Countries: names, short forms, demonyms, possessives, look-alikes and negatives."""

from __future__ import annotations

import pytest
from geonews_entities import find_entities


def codes(text: str) -> set[str]:
    return {e.code for e in find_entities(text) if e.kind == "country" and e.code}


POSITIVE = [
    ("Talks between Peru and Russia resumed on Monday.", {"PER", "RUS"}),
    ("The US and the UK signed the accord.", {"USA", "GBR"}),
    ("Officials in the U.S. said the plan would fail.", {"USA"}),
    ("Imports from the U.S and E.U. fell sharply.", {"USA"}),
    ("America is the largest buyer.", {"USA"}),
    ("Britain will host the summit next year.", {"GBR"}),
    ("The Netherlands and Belgium share a border.", {"NLD", "BEL"}),
    ("The Russian Federation rejected the report.", {"RUS"}),
    ("South Korea and North Korea held talks.", {"KOR", "PRK"}),
    ("Aid reached the Palestinian territories on Friday.", {"PSE"}),
    ("The Peruvian president flew to Lima.", {"PER"}),
    ("Argentine farmers protested.", {"ARG"}),
    ("British troops left the base.", {"GBR"}),
    ("The Israelis and the Palestinians met in Cairo.", {"ISR", "PSE"}),
    ("Israeli forces withdrew.", {"ISR"}),
    ("Russia's economy shrank by 3%.", {"RUS"}),
    ("Russia’s arms exports grew.", {"RUS"}),
    ("The Reserve Bank of Australia raised rates.", {"AUS"}),
    ("British Airways cancelled flights.", {"GBR"}),
    ("The Soviet Union collapsed in 1991.", {"SUN"}),
    ("Yugoslavia broke apart in the 1990s.", {"YUG"}),
    ("Scotland and Wales voted differently from England.", {"GBR"}),
    ("Northern Ireland's assembly met.", {"GBR"}),
    ("Welsh and Scottish ministers objected.", {"GBR"}),
    ("Ireland's economy grew strongly.", {"IRL"}),
    ("Iran and Syria condemned the strike.", {"IRN", "SYR"}),
    ("Venezuela's oil output fell.", {"VEN"}),
    ("Trade with Vietnam and Laos rose.", {"VNM", "LAO"}),
    ("Ivory Coast exports cocoa.", {"CIV"}),
    ("The Democratic Republic of Congo held elections.", {"COD"}),
    ("Taiwan and China exchanged warnings.", {"TWN", "CHN"}),
    ("Chinese exports rose while Japanese imports fell.", {"CHN", "JPN"}),
    ("Pakistani police arrested two men.", {"PAK"}),
    ("The Americans and the Germans disagreed.", {"USA", "DEU"}),
    ("Dutch and Swiss banks joined the scheme.", {"NLD", "CHE"}),
    ("New Zealand beat Australia.", {"NZL", "AUS"}),
    ("Papua New Guinea held a vote.", {"PNG"}),
    ("Saudi Arabia and the UAE cut output.", {"SAU", "ARE"}),
    ("Myanmar, also called Burma, freed prisoners.", {"MMR"}),
    ("Turkish forces shot down a Russian jet over Syria.", {"TUR", "RUS", "SYR"}),
    ("Bosnia-Herzegovina applied to join.", {"BIH"}),
    ("The Czech Republic and Slovakia split peacefully.", {"CZE", "SVK"}),
    ("South Africa's rand weakened.", {"ZAF"}),
    ("East Germany and West Germany reunited.", {"DDR", "DEU"}),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_country_codes(text: str, expected: set[str]) -> None:
    assert codes(text) == expected


NEGATIVE = [
    # capitals, regions and continents are never countries
    "The talks were held in Paris.",
    "Troops remain in Crimea.",
    "Violence flared in Kashmir and Gaza.",
    "Ranchers in Patagonia opposed the plan.",
    "Officials in Washington declined to comment.",
    "Exports to Latin America grew.",
    "Latin American leaders met in Lima.",
    "New South Wales reported more cases.",
    "The governor of New Mexico resigned.",
    "Sydney and Melbourne saw record heat.",
    # organisations, currencies, trophies and other look-alikes
    "The E.U. and the UN issued a statement.",
    "NATO and the IMF welcomed the move.",
    "Western sanctions hurt the economy.",
    "The US dollar rose against the euro.",
    "It cost US$20m to build.",
    "Swiss francs were in demand.",
    "The Australian dollar slipped.",
    "He won the America's Cup twice.",
    "The European Union agreed the budget.",
    "Arab and African leaders attended.",
    "Formula One boss Eddie Jordan spoke.",
    "The turkey was served with china plates.",
    "Us and them, the band sang.",
    "Hong Kong shares rose.",
    "Gibraltar's government objected.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_a_country(text: str) -> None:
    assert codes(text) == set()


def test_country_entity_shape() -> None:
    text = "Russia's president met officials. The Russian delegation left Russia."
    [rus] = [e for e in find_entities(text) if e.kind == "country"]
    assert rus.id == "country:RUS"
    assert rus.code == "RUS"
    assert rus.name == "Russia"
    assert [m.text for m in rus.mentions] == ["Russia", "Russian", "Russia"]
    for m in rus.mentions:
        assert text[m.start : m.end] == m.text


def test_historical_state_codes() -> None:
    [sun] = [e for e in find_entities("The USSR tested a bomb.") if e.kind == "country"]
    assert sun.code == "SUN"
    assert sun.attributes["iso3166_3"] == "SUHH"
    assert sun.attributes["historical"] is True


def test_locations_are_entities_without_codes() -> None:
    ents = find_entities("Delegates gathered in Paris and later in Crimea.")
    locs = {e.id: e for e in ents if e.kind == "location"}
    assert set(locs) == {"location:paris", "location:crimea"}
    assert all(e.code is None for e in locs.values())
