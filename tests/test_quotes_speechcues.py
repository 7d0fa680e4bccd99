"""SpeechCues: windowed cue search matches a whole-text search, in any call order."""

from __future__ import annotations

from geonews_quotes.spans import Spans
from geonews_quotes.speechcues import SpeechCues

_TEXT = (
    "He said no. Then the minister pointed out the cost, and she believed it. "
    "-said x said- Officials said nothing. The firm pointed out again that it said so."
)
_NONE = Spans()


def _whole(text: str) -> list[int]:
    cues = SpeechCues(text)
    cues.has_cue(0, len(text), _NONE)
    return list(cues._cues)


def test_windows_in_order_match_whole_text() -> None:
    whole = _whole(_TEXT)
    assert whole  # the text has cues
    for width in (1, 5, 17, 40):
        cues = SpeechCues(_TEXT)
        for lo in range(0, len(_TEXT), 7):
            expect = any(lo <= c < lo + width for c in whole)
            assert cues.has_cue(lo, lo + width, _NONE) is expect


def test_decreasing_start_falls_back_to_whole_text() -> None:
    whole = _whole(_TEXT)
    cues = SpeechCues(_TEXT)
    cues.has_cue(60, 80, _NONE)
    for lo in range(len(_TEXT) - 10, -1, -9):
        assert cues.has_cue(lo, lo + 10, _NONE) is any(lo <= c < lo + 10 for c in whole)
    assert cues._cues == whole


def test_two_word_cue_found_from_a_window_that_ends_at_its_first_word() -> None:
    text = "The firm pointed out costs."
    start = text.index("pointed")
    assert SpeechCues(text).has_cue(start, start + 1, _NONE)
    # a cue inside a quote does not count
    assert not SpeechCues(text).has_cue(start, start + 1, Spans([(start - 1, start + 3)]))
