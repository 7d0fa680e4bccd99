"""People: names, titles, roles, resolution of short mentions, look-alikes and negatives."""

from __future__ import annotations

import pytest
from geonews_entities import find_entities

from geonews import Entity


def people(text: str) -> dict[str, Entity]:
    return {e.name: e for e in find_entities(text) if e.kind == "person"}


FOUND = [
    ("Prime Minister Tony Blair said the vote would go ahead.", {"Tony Blair"}),
    ("Mr Blair said the vote would go ahead.", {"Blair"}),
    ("Chancellor Gordon Brown will present the budget.", {"Gordon Brown"}),
    ("Foreign Secretary Jack Straw flew to Madrid.", {"Jack Straw"}),
    ("The plan was backed by Theresa May and Liam Fox.", {"Theresa May", "Liam Fox"}),
    ("Osama bin Laden was blamed for the attack.", {"Osama bin Laden"}),
    ("Ursula von der Leyen spoke in Brussels.", {"Ursula von der Leyen"}),
    ("Charles de Gaulle founded the Fifth Republic.", {"Charles de Gaulle"}),
    ("Dr Rowan Williams led the service.", {"Rowan Williams"}),
    ("Sir Digby Jones, CBI director general, warned ministers.", {"Digby Jones"}),
    ("Shadow Home Secretary David Davis attacked the plan.", {"David Davis"}),
    ("Industry Secretary Patricia Hewitt said the cost was fair.", {"Patricia Hewitt"}),
    ("Assistant Chief Constable David Warcup said the site would close.", {"David Warcup"}),
    ("Labour MP Margaret Moran said she would stand.", {"Margaret Moran"}),
    ("Guy Mansfield QC has warned of a real risk.", {"Guy Mansfield"}),
    ("Frank-Juergen Weise, head of the labour agency, said demand rose.", {"Frank-Juergen Weise"}),
    ('"Prices will rise," said Hannes Wittig, an analyst at a bank.', {"Hannes Wittig"}),
    ("Yesterday, Putin met his Peruvian counterpart Ollanta Humala.", {"Ollanta Humala"}),
    ("Analysts like Diana Negroponte of the Wilson Centre disagree.", {"Diana Negroponte"}),
    ("President George W. Bush visited Texas.", {"George W. Bush"}),
    ("Kofi Annan, who leads the UN, said aid was needed.", {"Kofi Annan"}),
    ("Daniel Day-Lewis starred in the film.", {"Daniel Day-Lewis"}),
    ("Sean O'Brien, 45, was charged on Monday.", {"Sean O'Brien"}),
    ("Rabbi Marvin Hier condemned the costume.", {"Marvin Hier"}),
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_person_names(text: str, expected: set[str]) -> None:
    assert set(people(text)) == expected


NOT_PEOPLE = [
    "The Climate Talks opened in Paris on November 30.",
    "Russia's Gazprom and Argentina's YPF signed a memorandum.",
    "The G8 expelled Russia last year.",
    "Diplomats at the Wilson Centre disagree.",
    "The Labour Party and the Liberal Democrats lost seats.",
    "Shares in Vaca Muerta shale projects fell.",
    "The Bank of England held rates on Thursday.",
    "Talks resume in March and end in May.",
    "On Monday the Foreign Secretary flew home.",
    "The Industry Secretary has said the cost is fair.",
    "Ministers will publish a White Paper in June.",
    "The campaign began before the General Election.",
    "Latin Correspondent Writes Home",
    "The Washington Consensus shaped policy for a decade.",
    "The Joint Declaration on Strategic Partnership was signed.",
    "Prices at Dresdner Kleinwort Wasserstein said to be high.",
    "WPP bought US rival Grey Global last year.",
    "Prosecutors targeted Hato El Charcote, a cattle ranch.",
    "The European Commission and NATO responded.",
    "Downing Street said the Prime Minister was confident.",
]


@pytest.mark.parametrize("text", NOT_PEOPLE)
def test_not_people(text: str) -> None:
    assert people(text) == {}


def test_short_mentions_resolve_to_full_name() -> None:
    text = (
        "Putin forges new ties\n\n"
        "Russia's president Vladimir Putin arrived on Monday. "
        "Putin met ministers. Critics doubted Putin's plan and Putins knowledge of it."
    )
    ps = people(text)
    assert set(ps) == {"Vladimir Putin"}
    putin = ps["Vladimir Putin"]
    assert putin.id == "person:vladimir-putin"
    assert [m.text for m in putin.mentions] == [
        "Putin",
        "Vladimir Putin",
        "Putin",
        "Putin",
        "Putins",
    ]
    assert putin.attributes["role"] == "president"
    assert putin.attributes["country"] == "RUS"
    for m in putin.mentions:
        assert text[m.start : m.end] == m.text


def test_mr_surname_resolves_to_nearest_full_name() -> None:
    text = (
        "Michael Howard spoke first. His wife Sandra Howard followed. "
        "Mrs Howard said she was proud. Later Michael Howard returned and Mr Howard left."
    )
    ps = people(text)
    assert set(ps) == {"Michael Howard", "Sandra Howard"}
    assert [m.text for m in ps["Sandra Howard"].mentions] == ["Sandra Howard", "Howard"]
    assert len(ps["Michael Howard"].mentions) == 3


def test_surname_only_person_when_never_named_in_full() -> None:
    ps = people("Mr Dixon said the deal was done. Mr Dixon then left.")
    assert set(ps) == {"Dixon"}
    assert len(ps["Dixon"].mentions) == 2
    assert ps["Dixon"].id == "person:dixon"


def test_sir_first_name_is_the_same_person() -> None:
    ps = people("Sir Digby Jones warned ministers. Sir Digby added that growth was slow.")
    assert set(ps) == {"Digby Jones"}
    assert len(ps["Digby Jones"].mentions) == 2


def test_affiliation_after_name() -> None:
    ps = people("As analysts like Diana Negroponte of the Wilson Centre point out, trade grew.")
    d = ps["Diana Negroponte"]
    assert d.attributes["affiliation"] == "Wilson Centre"
    assert d.attributes["role"] == "analyst"


def test_counterpart_role_and_country() -> None:
    ps = people("Putin met his Peruvian counterpart Ollanta Humala. Humala smiled.")
    h = ps["Ollanta Humala"]
    assert h.attributes == {"role": "counterpart", "country": "PER"}
    assert [m.text for m in h.mentions] == ["Ollanta Humala", "Humala"]


@pytest.mark.parametrize(
    ("text", "name", "role", "country"),
    [
        ("British Prime Minister Tony Blair arrived.", "Tony Blair", "prime minister", "GBR"),
        ("Russian President Vladimir Putin spoke.", "Vladimir Putin", "president", "RUS"),
        ("France's president Jacques Chirac objected.", "Jacques Chirac", "president", "FRA"),
        ("Foreign Secretary Jack Straw left.", "Jack Straw", "foreign secretary", None),
        ("Labour MP Diane Abbott spoke.", "Diane Abbott", "MP", None),
    ],
)
def test_roles_from_titles(text: str, name: str, role: str, country: str | None) -> None:
    p = people(text)[name]
    assert p.attributes.get("role") == role
    assert p.attributes.get("country") == country


def test_headline_and_sentence_initial_words_are_not_people() -> None:
    text = "Blair Faces Tough Week\n\nThe prime minister, Tony Blair, faces a tough week."
    assert set(people(text)) == {"Tony Blair"}


@pytest.mark.parametrize(
    ("text", "name", "attributes"),
    [
        (
            "NATO Secretary-General Anders Fogh Rasmussen spoke.",
            "Anders Fogh Rasmussen",
            {"role": "secretary-general", "affiliation": "North Atlantic Treaty Organization"},
        ),
        ("Sen. John McCain disagreed.", "John McCain", {"role": "senator"}),
        ("New York Mayor Michael Bloomberg attended.", "Michael Bloomberg", {"role": "mayor"}),
        (
            "Gazprom chief executive Alexei Miller said prices would rise.",
            "Alexei Miller",
            {"role": "chief executive", "affiliation": "Gazprom"},
        ),
        (
            "Tory leader Michael Howard replied.",
            "Michael Howard",
            {"role": "leader", "affiliation": "Conservatives"},
        ),
        ("Labour MP Diane Abbott spoke.", "Diane Abbott", {"role": "MP", "affiliation": "Labour"}),
        ("Prince Saud Al-Faisal said. Prince Saud left.", "Saud Al-Faisal", {"role": "prince"}),
    ],
)
def test_attributes(text: str, name: str, attributes: dict[str, str]) -> None:
    assert dict(people(text)[name].attributes) == attributes


def test_described_mention_resolves_to_unique_role_holder() -> None:
    text = "Russia's president Vladimir Putin spoke. The Russian president later left."
    putin = people(text)["Vladimir Putin"]
    assert [m.text for m in putin.mentions] == ["Vladimir Putin", "The Russian president"]


def test_described_mention_needs_a_unique_holder() -> None:
    text = "The Russian president later left."
    assert people(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "George Washington crossed the river.",
        "Formula One boss Eddie Jordan sold the team.",
    ],
)
def test_place_and_country_words_as_surnames(text: str) -> None:
    ents = find_entities(text)
    assert [e.kind for e in ents if e.kind != "organization"] == ["person"]


def test_title_case_headline_words_are_not_names() -> None:
    text = "Tony Blair Faces Tough Week Ahead\n\nPrime Minister Tony Blair will meet union leaders."
    ps = people(text)
    assert set(ps) == {"Tony Blair"}
    assert [m.text for m in ps["Tony Blair"].mentions] == ["Blair", "Tony Blair"]


def test_sentence_on_first_line_is_not_a_headline() -> None:
    assert set(people("Labour MP Diane Abbott spoke.\nShe left.")) == {"Diane Abbott"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Michael Howard's wife, Sandra, is to campaign.",
            {"Michael Howard", "Sandra Howard"},
        ),
        ("Mr Conlon's father Giuseppe was arrested.", {"Conlon", "Giuseppe Conlon"}),
        (
            "And while David Miliband is seen as a Blair ally his brother Ed advises Mr Brown.",
            {"David Miliband", "Ed Miliband", "Brown"},
        ),
        ("Her husband Fred said nothing.", set()),
    ],
)
def test_relatives_named_by_first_name(text: str, expected: set[str]) -> None:
    assert set(people(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith said the plan would work. Mr. Smith then left.", {"Smith"}),
        ("Dr. Jane Goodall spoke.", {"Jane Goodall"}),
        ("John F. Kennedy was shot in Dallas.", {"John F. Kennedy"}),
        ("Rory Bremner and Anne Robinson joked.", {"Rory Bremner", "Anne Robinson"}),
        (
            "Mohammed bin Salman met Abdel Fattah al-Sisi.",
            {"Mohammed bin Salman", "Abdel Fattah al-Sisi"},
        ),
        ("Hu Jintao and Wen Jiabao visited Africa.", {"Hu Jintao", "Wen Jiabao"}),
        ("President Obama said. Obama later left.", {"Obama"}),
        ("The meeting is on Friday. Friday Ndlovu disagreed.", set()),
    ],
)
def test_more_name_shapes(text: str, expected: set[str]) -> None:
    assert set(people(text)) == expected


@pytest.mark.parametrize(
    ("text", "name", "attributes"),
    [
        (
            "Vladimir Putin, the president of Russia, said.",
            "Vladimir Putin",
            {"role": "president", "country": "RUS"},
        ),
        (
            "Jane Doe, an analyst at the IMF, said.",
            "Jane Doe",
            {"role": "analyst", "affiliation": "International Monetary Fund"},
        ),
    ],
)
def test_appositive_role(text: str, name: str, attributes: dict[str, str]) -> None:
    assert dict(people(text)[name].attributes) == attributes
