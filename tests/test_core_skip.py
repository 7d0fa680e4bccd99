from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geonews import Article
from geonews.document import Document
from geonews.skip import _NOTICE, _NOTICE_WORDS, _PARAGRAPH, _key, find_skips

PARA = "The president met his counterpart in the capital on Monday to discuss trade."


def test_duplicate_paragraph_is_skipped_once() -> None:
    text = f"Headline\n\n{PARA}\n\n{PARA}\n\nAnother paragraph about the talks follows here."
    skips = find_skips(text)
    assert [s.reason for s in skips] == ["duplicate"]
    s = skips[0]
    assert text[s.start : s.end] == PARA
    assert s.start > text.index(PARA)  # the first copy stays


@pytest.mark.parametrize(
    "notice",
    [
        "We use cookies to improve our website. By continuing you consent to cookies.",
        "This site uses cookies. Read our cookie policy.",
        "Subscribe to our newsletter for daily briefings.",
        "Already a subscriber? Log in.",
        "© 2015 Latin Correspondent. All rights reserved.",
        "Copyright 2024 News Corp.",
    ],
)
def test_notices_are_skipped(notice: str) -> None:
    text = f"Story text about the election.\n\n{notice}"
    assert [s.reason for s in find_skips(text)] == ["notice"]


@pytest.mark.parametrize(
    "prose",
    [
        "The minister said cookies were not on the agenda of the summit.",
        "Readers who subscribe to conspiracy theories were targeted, officials said.",
        "Copyright law was debated in parliament for the third day.",
    ],
)
def test_news_prose_is_not_a_notice(prose: str) -> None:
    assert find_skips(f"Headline\n\n{prose}") == ()


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Latin Correspondent | by Simon Wilson", "Simon Wilson"),
        ("By Jane Doe", "Jane Doe"),
        ("By Ahmed al Sharif, Reuters", "Ahmed al Sharif"),
    ],
)
def test_bylines(line: str, name: str) -> None:
    text = f"Headline\n\nBody of the story.\n\n{line}"
    doc = Document(Article(text=text))
    assert [s.reason for s in doc.skips] == ["byline"]
    assert [n for _, _, n in doc.bylines] == [name]
    start, end, _ = doc.bylines[0]
    assert text[start:end] == name


def test_masked_text_keeps_length_and_offsets() -> None:
    text = f"H\n\n{PARA}\n\n{PARA}\n\nWe use cookies to improve our website."
    doc = Document(Article(text=text))
    assert len(doc.masked) == len(text)
    first = text.index(PARA)
    assert doc.masked[first : first + len(PARA)] == PARA
    assert doc.masked.count("president") == 1
    assert "cookies" not in doc.masked


def test_sentences_respect_abbreviations() -> None:
    text = "Mr. Smith went to Washington. He met Dr. Jones at 5 p.m. on Monday! Then he left."
    doc = Document(Article(text=text))
    got = [text[s:e] for s, e in doc.sentences]
    assert got == [
        "Mr. Smith went to Washington.",
        "He met Dr. Jones at 5 p.m. on Monday!",
        "Then he left.",
    ]
    assert doc.sentence_at(text.index("Jones")) == doc.sentences[1]


def test_sentences_split_on_newlines_and_quotes() -> None:
    text = 'Headline here\n\n"We will act," he said. The vote is due.'
    doc = Document(Article(text=text))
    assert [text[s:e] for s, e in doc.sentences] == [
        "Headline here",
        '"We will act," he said.',
        "The vote is due.",
    ]


@given(
    st.text(alphabet=st.sampled_from(list("aB .\t\n\r\x0b\x0c\x1c\x1f\x85\u00a0é")), max_size=40)
)
@settings(max_examples=500, deadline=None)
def test_paragraph_key_is_its_definition(text: str) -> None:
    para = text.strip()
    assert _key(para) == " ".join(para.split()).lower()


NOTICE_PIECES = [
    "We use cookies", "COOKİES", "cooKies", "ſubscribe", "Subscribe", "sign up", "SIGN UP",
    "register", "to our newsletter", "Already a subscriber", "subscribers only", "To continue",
    "reading", "you have reached your", "Share this article", "follow us on", "click here to",
    "©", "(c) ", "Copyright 2015", "all rights reserved", "Read more:", "related stories",
    "Advertisement", "The talks", "news", "x", " ", "\n", ". ",
]  # fmt: skip


@given(st.lists(st.sampled_from(NOTICE_PIECES), min_size=1, max_size=8).map("".join))
@settings(max_examples=500, deadline=None, database=None)
def test_notices_are_those_of_the_pattern(para: str) -> None:
    """The cheap lead and cookie checks turn down only paragraphs the notice pattern (after
    the notice words) turns down too, odd cases included."""
    stripped = para.strip()
    if not stripped or "\n" in stripped:
        return
    expected = (
        len(stripped) <= 600
        and any(w in _key(stripped) for w in _NOTICE_WORDS)
        and _NOTICE.search(stripped) is not None
    )
    assert ("notice" in [s.reason for s in find_skips(stripped)]) == expected


WORDS = st.lists(st.sampled_from(["the", "Talks", "WENT", "on", "é", "’s", "x"]), max_size=4)
SPACES = st.sampled_from([" ", " ", "  ", "\t", "\x0c", "\n"])


@st.composite
def _retold(draw: st.DrawFn) -> tuple[str, str]:
    """A paragraph of at least 40 characters, and a copy of it in other case and spacing."""
    words = ["The", "president", "met", "his", "counterpart", *draw(WORDS)]
    spaces = [draw(SPACES) for _ in words]
    copy = "".join(
        (w.upper() if draw(st.booleans()) else w) + s for w, s in zip(words, spaces, strict=True)
    )
    return " ".join(words), copy


@given(_retold(), st.sampled_from(["", "Tab\there.", "Plain words."]))
@settings(max_examples=500, deadline=None, database=None)
def test_duplicates_are_those_of_the_key(pair: tuple[str, str], other: str) -> None:
    """The quick key (an ASCII paragraph without "  " and line breaks, in a text without odd
    whitespace) and the full one (otherwise) find the duplicates the key's definition does."""
    first, copy = pair
    text = f"{first}\n\n{other}\n\n{copy}"
    expected = []
    seen: set[str] = set()
    for m in _PARAGRAPH.finditer(text):
        stripped = m.group().strip()
        key = " ".join(stripped.split()).lower()
        if len(key) >= 40 and key in seen:
            expected.append(stripped)
        seen.add(key)
    assert [s.text for s in find_skips(text) if s.reason == "duplicate"] == expected
