"""The entities plugin's fast paths find exactly what their exact forms find.

Plain text (see :mod:`geonews.plaintext`) is scanned by stdlib ``re`` twins of the ``regex``
patterns; runs of capitalised words are found from their capitals unless a token may start
with a lowercase prefix ("al-Assad"), when the general twin is the fallback.
"""

from __future__ import annotations

import pytest
from geonews_entities.context import Context
from geonews_entities.countries import _CURRENCY_AFTER, currency_after
from geonews_entities.gazetteer import gazetteer
from geonews_entities.organizations import find_head_orgs
from geonews_entities.people import find_people
from geonews_entities.runs import _PREFIXED_PLAIN, SEQ, plain_runs
from geonews_entities.trie import trie_pattern

from geonews.plaintext import is_plain

TEXTS = [
    "Mr. W. Bush met Tony Blair and Mrs Thatcher's aide, O'Brien, in St. James's Park.",
    "Dr A. B. Jones-Smith of the Bank of England said the ex-Tory MP was wrong.",
    "The Syrian president Bashar al-Assad met Osama bin-Laden and Abu Musab el-Zarqawi.",
    "Gen. de Gaulle and Charles de la Tour, Ludwig van der Rohe, Sgt. Pepper, Capt. Kirk.",
    "US-German talks: the BBC's Q&A with A. Smith, J.R.R. Tolkien and Mr.Jones.",
    "Alan al-Smith's wife, Sandra, and his father Ralph spoke to the Peruvian president.",
    "A\u00a0B Jones and van Jones; Ms de Souza and Dr. No. The End",
]


@pytest.mark.parametrize("text", TEXTS)
def test_plain_runs_are_the_pattern_runs(text: str) -> None:
    assert is_plain(text)
    expected = [(m.start(), m.end()) for m in SEQ.finditer(text)]
    assert [(m.start(), m.end()) for m in plain_runs(text)] == expected


def test_prefixed_tokens_take_the_fallback() -> None:
    assert _PREFIXED_PLAIN.search("met Bashar al-Assad") is not None  # the general twin
    assert _PREFIXED_PLAIN.search("met the ex-Tory Tony Blair") is None  # capitals only
    runs = [m.group() for m in plain_runs("Asma al-Assad and al-Qaeda's chief")]
    assert runs == ["Asma al-Assad", "al-Qaeda's"]


@pytest.mark.parametrize("text", TEXTS)
def test_plain_twins_find_what_the_regex_patterns_find(text: str) -> None:
    hits = list(gazetteer().finditer(text))
    orgs = find_head_orgs(text, hits, True)
    assert orgs == find_head_orgs(text, hits, False)
    people = find_people(text, hits, orgs, (), True)
    assert people == find_people(text, hits, orgs, (), False)


def test_context_covered() -> None:
    text = "In Northern Ireland the Bank of England met"
    ctx = Context(text, list(gazetteer().finditer(text)), [])
    assert ctx.covered(3, 11) and ctx.covered(18, 22) and not ctx.covered(0, 2)
    assert not ctx.covered(19, 23)  # "the " after "Ireland"


def test_trie_not_after_checks_the_character_before() -> None:
    import re

    pat = re.compile("(?:" + trie_pattern(["UK", "US", "Peru"], not_after=r"[\w$]") + ")")
    found = [m.group() for m in pat.finditer("UK, xUS, $US, US, (Peru) Perus")]
    assert found == ["UK", "US", "Peru", "Peru"]


@pytest.mark.parametrize(
    "after",
    [
        "$5",
        " dollars",
        "\u00a0francs",
        "\u2003yen",
        "\x1cyen",
        "\n pounds",
        "  euro",
        " and",
        "",
        "s",
    ],
)
def test_currency_after_is_the_pattern(after: str) -> None:
    # "\x1c" passes the str.isspace() pre-check but is no regex whitespace: the pattern decides
    text = "the US" + after
    assert currency_after(text, 6) == (_CURRENCY_AFTER.match(text, 6) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "the al-Qaeda and al Qaeda men met in Qatar, then the State of Palestine.",
        "Qatar and the State of Qatar; al-Qaida",
        "Qatar, the State, Eritrea and Palestine",  # their capitals, not the literals
        "no capital here",
    ],
)
def test_lowercase_led_literals_are_found(text: str) -> None:
    # a text is scanned without the lowercase-led literals unless it holds one of them
    g = gazetteer()
    found = [(h.start, h.end) for h in g.finditer(text)]
    full = [m.span() for m in g.pattern.finditer(text)]
    assert found == full


def test_bare_words_attach_only_after_their_surname() -> None:
    # an untitled one-word candidate joins a person only once the surname is known: the first
    # "Blair" comes before "Mr Blair", the second after it
    text = "Blair spoke first. Later Mr Blair said no, and Blair left.\nMore text here."
    people = find_people(text, list(gazetteer().finditer(text)), [], (), True)
    assert [(p.name, p.mentions) for p in people] == [("Blair", [(28, 33), (47, 52)])]
    text = "Putins came. Mr Putin said it. Then Putins went, and Putin too."
    people = find_people(text, list(gazetteer().finditer(text)), [], (), True)
    assert [(p.name, p.mentions) for p in people] == [("Putin", [(16, 21), (36, 42), (53, 58)])]
