"""Attribution: who said each quote, as an entity or as the speaker's words in the text."""

from __future__ import annotations

from collections.abc import Sequence

import geonews_quotes
import pytest

import geonews
from geonews import Entity, Mention


def _run(text: str, entities: Sequence[Entity] = ()) -> geonews.Result:
    class _People:
        @geonews.hookimpl
        def extract_entities(self) -> list[Entity]:
            return list(entities)

    pipe = geonews.Pipeline(plugins=[geonews_quotes, _People()], load_entrypoints=False)
    return pipe.extract(text)


def _quotes(text: str, entities: Sequence[Entity] = ()) -> list[dict[str, object]]:
    return [dict(c.value) for c in _run(text, entities).of_kind("quote")]


def _person(text: str, name: str, *forms: str, **attrs: str) -> Entity:
    mentions = []
    for form in (name, *forms):
        start = text.find(form)
        while start >= 0:
            mentions.append(Mention(start, start + len(form), form))
            start = text.find(form, start + 1)
    return Entity(kind="person", name=name, mentions=mentions, attributes=attrs)


# (text, the quote's first words, expected speaker_text, expected cue)
CASES = [
    # X said / said X / X, the minister, said
    ('"We will win the vote," Mr Smith said.', "We will win", "Smith", "said"),
    (
        'John Smith is the minister. "We will win the vote," Mr Smith said.',
        "We will win",
        "John Smith",
        "said",
    ),
    ('"We will win the vote," said John Smith.', "We will win", "John Smith", "said"),
    (
        '"We will win the vote," said Mr John Smith, the minister.',
        "We will win",
        "John Smith",
        "said",
    ),
    (
        'John Smith, the finance minister, said: "We will win the vote."',
        "We will win",
        "John Smith",
        "said",
    ),
    (
        'David Frost, director general of the chambers, warned that firms could be "crippled".',
        "crippled",
        "David Frost",
        "warned",
    ),
    # according to, told reporters, X said:
    (
        'The plan is "dead in the water and will not come back", according to Anna Lee.',
        "dead in the water",
        "Anna Lee",
        "according to",
    ),
    (
        'Anna Lee told reporters: "The plan is dead in the water now."',
        "The plan is dead",
        "Anna Lee",
        "told",
    ),
    ('Anna Lee said: "The plan is dead in the water now."', "The plan is dead", "Anna Lee", "said"),
    (
        'Anna Lee told BBC Radio 4: "The plan is dead in the water now."',
        "The plan is dead",
        "Anna Lee",
        "told",
    ),
    # the cue in the previous sentence
    (
        "As analysts like Diana Negroponte of the Wilson Centre point out, however, the tie is not"
        " only commercial. Russia is a country that “needs friends, not only in trade but also at"
        " the UN”.",
        "needs friends",
        "Diana Negroponte",
        "point out",
    ),
    # pronouns, resolved to the most recent compatible person
    (
        'Mr Tom Reed spoke on Monday. "We are ready for the fight ahead," he said.',
        "We are ready",
        "Tom Reed",
        "said",
    ),
    (
        'Ms Jane Doe and Mr Tom Reed met. "We are ready for the fight ahead," she added.',
        "We are ready",
        "Jane Doe",
        "added",
    ),
    (
        'Tom Reed said he was pleased with Mr Brown. "We are ready for the fight ahead," he said.',
        "We are ready",
        "Tom Reed",
        "said",
    ),
    # descriptions
    (
        '"Two men were arrested at the scene," a police spokesman said.',
        "Two men were",
        "a police spokesman",
        "said",
    ),
    (
        'A police spokesman said: "Two men were arrested at the scene."',
        "Two men were",
        "a police spokesman",
        "said",
    ),
    (
        '"The strike was a success for us," the Pentagon spokesman said.',
        "The strike was",
        "the Pentagon spokesman",
        "said",
    ),
    (
        'Mr Blair\'s official spokesman said the plan would go ahead "whatever the polls say about it".',
        "whatever the polls",
        "Mr Blair's official spokesman",
        "said",
    ),
    # a description linked to a named person
    (
        'The shadow health secretary, Jane Doe, said: "These plans are a mess."',
        "These plans are",
        "Jane Doe",
        "said",
    ),
    (
        'Foreign Secretary Jack Straw flew in. The foreign secretary said: "We stand firm on this."',
        "We stand firm",
        "Jack Straw",
        "said",
    ),
    (
        '"Any partial change would be a mistake," said its chairman, Sir Anthony Greener.',
        "Any partial change",
        "Anthony Greener",
        "said",
    ),
    (
        '"Our results were strong this year," chairman and chief executive Richard Parsons said.',
        "Our results were",
        "Richard Parsons",
        "said",
    ),
    (
        'Colin Asplin, Blackpool Hotel Association said: "We tried very hard to win this."',
        "We tried very",
        "Colin Asplin",
        "said",
    ),
    # organisations
    (
        'The ministry said in a statement: "Talks will resume next week in Geneva."',
        "Talks will resume",
        "the ministry",
        "said",
    ),
    (
        '"We regret the decision by the court," the company said.',
        "We regret the",
        "the company",
        "said",
    ),
    # titles are dropped, the most complete name is kept
    (
        'Deputy Prime Minister John Prescott said a deal was done. "This deal will deliver," he said.',
        "This deal will",
        "John Prescott",
        "said",
    ),
    (
        'Sir Digby Jones spoke. Sir Digby added: "Stability is the key word for business."',
        "Stability is the",
        "Digby Jones",
        "added",
    ),
    (
        '"Our case is strong and will win," said Guy Mansfield QC.',
        "Our case is",
        "Guy Mansfield",
        "said",
    ),
]


@pytest.mark.parametrize(("text", "head", "speaker", "cue"), CASES)
def test_attribution_without_entities(text: str, head: str, speaker: str, cue: str) -> None:
    quotes = _quotes(text)
    found = [q for q in quotes if str(q["quote"]).startswith(head)]
    assert found, quotes
    assert found[0]["speaker_text"] == speaker
    assert found[0]["cue"] == cue
    assert found[0]["direct"] is True


def test_multi_paragraph_quote_attributed_once() -> None:
    text = (
        "Headline here\n\n"
        'Colin Asplin said: "We have tried very hard to bring them back.\n\n'
        '"Obviously we have failed in that this year.\n\n'
        '"It amazes me that they do not want to come."\n\n'
        "The cost is not known."
    )
    quotes = _quotes(text)
    assert len(quotes) == 3
    assert [q["speaker_text"] for q in quotes] == ["Colin Asplin"] * 3
    assert [q["closed"] for q in quotes] == [False, False, True]


def test_run_on_segments_share_the_speaker_that_follows() -> None:
    text = (
        'Mr Tom Reed spoke. "We doubled it in a year. "We will extend it to nine months," he said.'
    )
    quotes = _quotes(text)
    assert [q["speaker_text"] for q in quotes] == ["Tom Reed", "Tom Reed"]


def test_previous_quote_speaker_carries_to_next_paragraph() -> None:
    text = (
        'Title\n\n"We will not give in to this," Anna Lee said.\n\n'
        '"We will fight on, in every court in the land, for as long as it takes."'
    )
    assert [q["speaker_text"] for q in _quotes(text)] == ["Anna Lee", "Anna Lee"]


def test_quote_with_nobody_to_attribute_has_no_speaker() -> None:
    (q,) = _quotes('Title\n\n"Nobody knows what will happen to the markets next year."')
    assert q["speaker"] is None and q["speaker_text"] is None and q["cue"] is None


# ---- entities -----------------------------------------------------------------------------


def test_surname_mention_maps_to_the_person_entity() -> None:
    text = 'John Howard spoke on Monday. "We will hold firm on this," Mr Howard said.'
    howard = _person(text, "John Howard", "Howard")
    result = _run(text, [howard])
    (claim,) = result.of_kind("quote")
    assert claim.value["speaker"] == howard.id
    assert claim.value["speaker_text"] == "Howard"
    assert howard.id in claim.entities


def test_pronoun_maps_to_the_most_recent_person_entity() -> None:
    text = 'Mr Howard met Ms Clark. Later Ms Clark left. "We are ready," she said.'
    howard = _person(text, "John Howard", "Howard")
    clark = _person(text, "Helen Clark", "Clark")
    (claim,) = _run(text, [howard, clark]).of_kind("quote")
    assert claim.value["speaker"] == clark.id
    assert claim.value["speaker_text"] == "she"


def test_organisation_entity_as_speaker() -> None:
    text = 'Gazprom said in a statement: "Supplies to Europe will continue as normal."'
    gazprom = Entity(kind="organization", name="Gazprom", mentions=[Mention(0, 7, "Gazprom")])
    (claim,) = _run(text, [gazprom]).of_kind("quote")
    assert claim.value["speaker"] == gazprom.id


def test_it_resolves_to_the_most_recent_organisation() -> None:
    text = 'Gazprom cut supplies. "Supplies to Europe will resume on Monday," it said.'
    gazprom = Entity(kind="organization", name="Gazprom", mentions=[Mention(0, 7, "Gazprom")])
    (claim,) = _run(text, [gazprom]).of_kind("quote")
    assert claim.value["speaker"] == gazprom.id


def test_description_resolves_to_role_attribute_of_entity() -> None:
    text = 'Jack Straw arrived. The foreign secretary said: "We stand firm on this."'
    straw = _person(text, "Jack Straw", role="foreign secretary")
    (claim,) = _run(text, [straw]).of_kind("quote")
    assert claim.value["speaker"] == straw.id


def test_affiliation_is_reported() -> None:
    text = (
        "As Diana Negroponte of the Wilson Centre points out, the tie is not only commercial. "
        "Russia is a country that “needs friends, not only in trade but also at the UN”."
    )
    diana = _person(text, "Diana Negroponte")
    (claim,) = _run(text, [diana]).of_kind("quote")
    assert claim.value["speaker"] == diana.id
    assert claim.value["speaker_affiliation"] == "the Wilson Centre"


def test_claims_inside_a_quote_get_its_speaker() -> None:
    text = '"We will spend $5 billion on roads," Anna Lee said.'

    class _Money:
        @geonews.hookimpl
        def extract_claims(self) -> list[geonews.Claim]:
            start = text.index("$5 billion")
            return [geonews.Claim(kind="money", start=start, end=start + 10, text="$5 billion")]

    lee = _person(text, "Anna Lee")

    class _People:
        @geonews.hookimpl
        def extract_entities(self) -> list[Entity]:
            return [lee]

    pipe = geonews.Pipeline(plugins=[geonews_quotes, _Money(), _People()], load_entrypoints=False)
    result = pipe.extract(text)
    (money,) = result.of_kind("money")
    (quote,) = result.of_kind("quote")
    assert money.speaker == lee.id and money.quote == quote.id


def test_seed_article_quote_is_negroponte(seed_text: str) -> None:
    quotes = _quotes(seed_text)
    (q,) = [q for q in quotes if str(q["quote"]).startswith("needs friends")]
    assert q["speaker_text"] == "Diana Negroponte"
    assert q["cue"] == "point out"


# (text, the quote's first words, expected speaker_text)
MORE_CASES = [
    # "X quoted Y as saying"
    (
        '"Our reforms created a new generation," Arab News quoted Prince Saud as saying.',
        "Our reforms",
        "Saud",
    ),
    # a participle cue: the sentence subject speaks
    ('Anna Lee later called the show, saying it was all a "silly fuss".', "silly fuss", "Anna Lee"),
    # relative clauses: "X, which described ... as"
    (
        'The deal was welcomed by Beijing, which described the embargo as a "product of the Cold War".',
        "product of the Cold War",
        "Beijing",
    ),
    (
        'Professor Chris Woodhead, who has said there is no need for a "massive upheaval", spoke.',
        "massive upheaval",
        "Chris Woodhead",
    ),
    # prefixed heads resolve to the holder of the role
    (
        'Tory co-chairman Liam Fox spoke. The Tory co-chairman attacked the pledges as "vacuous".',
        "vacuous",
        "Liam Fox",
    ),
    # "the MPs" after a committee spoke: the committee
    (
        'The environment select committee said the bill was flawed. "We accept the aims of the bill," the MPs said.',
        "We accept",
        "the environment select committee",
    ),
    # "they" after a committee
    (
        'The Constitutional Affairs Select Committee said the law was unfair. "The law must change for parents," they said.',
        "The law must",
        "the Constitutional Affairs Select Committee",
    ),
    # the spokesman points back to the earlier description
    (
        'A Home Office spokesman said talks went well. "It is about drilling down into the detail," the spokesman added.',
        "It is about",
        "A Home Office spokesman",
    ),
    # an object named after a pronoun's verb is not its antecedent
    (
        'Mr Tom Reed told Mr Ken Brown about the plan. "We are ready for the fight," he said.',
        "We are ready",
        "Tom Reed",
    ),
]


@pytest.mark.parametrize(("text", "head", "speaker"), MORE_CASES)
def test_more_attribution(text: str, head: str, speaker: str) -> None:
    found = [q for q in _quotes(text) if str(q["quote"]).startswith(head)]
    assert found
    assert str(found[0]["speaker_text"]).lower() == speaker.lower()
