"""The quotes plugin: one ``quote`` claim per quoted segment that is speech, with its speaker.

The claim's span is the quoted words WITHOUT the quotation marks (whitespace trimmed), so
``claim.text == value["quote"]``. Scare quotes, titles and nicknames are left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from geonews import Article, Claim, Document, Entity, hookimpl
from geonews.plaintext import is_plain, plain_twin
from geonews_quotes.cues import SCARE_BEFORE
from geonews_quotes.patterns import PARTICIPLE
from geonews_quotes.resolver import Resolver
from geonews_quotes.scanner import Segment, scan
from geonews_quotes.spans import Spans
from geonews_quotes.speakers import Speaker, sentence_subject, speaker_after
from geonews_quotes.speechcues import CUE_WINDOW, SpeechCues

__all__ = ["CLAIM_KINDS", "extract_claims", "find_quotes"]

CLAIM_KINDS = ("quote",)

SHORT_WORDS = 4  # a quote of this many words or fewer needs a speech cue to count
TITLE_MAX_WORDS = 10
_SCARE = tuple(" " + w for w in SCARE_BEFORE)
_WORD_PATTERN = r"[\p{L}\p{N}][\p{L}\p{N}’'\-]*"
_WORD = regex.compile(_WORD_PATTERN)
_WORD_PLAIN = plain_twin(_WORD.pattern)  # the same words in plain text
# More than TITLE_MAX_WORDS of those words: each repetition passes over what findall skips
# before a word (what no letter or digit starts), then reads the word as findall does, the
# longest run (possessively: "*+"), so a match is found in one pass over the first words.
_LONG = regex.compile(rf"(?:[^\p{{L}}\p{{N}}]*+{_WORD_PATTERN}+){{{TITLE_MAX_WORDS + 1}}}")
_LONG_PLAIN = plain_twin(_LONG.pattern)
_NORM = regex.compile(r"[^\p{L}\p{N}]+")


def _stem_lengths(words: list[str]) -> dict[str, tuple[int, ...]]:
    """The lengths of the words' stems (before "ing") by the stems' last two letters."""
    if not all(w.endswith("ing") and len(w) >= 5 for w in words):
        raise ValueError("every PARTICIPLE word must end in 'ing' after two letters or more")
    out: dict[str, set[int]] = {}
    for w in words:
        out.setdefault(w[-5:-3], set()).add(len(w) - 3)
    return {k: tuple(sorted(v)) for k, v in out.items()}


# PARTICIPLE's words all end in "ing": stdlib ``re`` finds the literal "ing" fast, and the
# lookbehind keeps only those after the last two letters of one of the words' stems; each
# such "ing" is then checked against the words of that ending (see _participles).
_PARTICIPLES = regex.findall(r"[a-z]+", PARTICIPLE.pattern.replace(r"\b", ""))
_PARTICIPLE_SET = frozenset(_PARTICIPLES)
_STEM_LENGTHS = _stem_lengths(_PARTICIPLES)
_PARTICIPLE_ING = re.compile("ing(?<=(?:" + "|".join(sorted(_STEM_LENGTHS)) + ")ing)(?![a-z])")
_MINOR = frozenset("of the and a an in on for to at by de la von van du".split())


@dataclass(slots=True)
class _Quote:
    seg: Segment
    para: int
    sent: tuple[int, int]
    local: Speaker | None = None
    speaker: Speaker | None = None
    how: str | None = None
    speech: bool = True
    headline: bool = False


def _after_scare(text: str, pos: int) -> bool:
    """True when a scare-quote word ("so-called", "dubbed") ends just before ``pos``."""
    before = " " + text[max(0, pos - 30) : pos].lower().rstrip(" ,:")
    return before.endswith(_SCARE)


def _is_title(words: list[str]) -> bool:
    """Every main word capitalised: "Axis of Evil", "Blair Babes", "Betty"."""
    if not words or len(words) > TITLE_MAX_WORDS:
        return False
    main = [w for w in words if w.lower() not in _MINOR]
    if not main:
        return len(words) <= 2  # "A", "The": a label, not speech
    return all(w[:1].isupper() for w in main)


def _participles(text: str) -> list[int]:
    """Positions of every PARTICIPLE match in the text, in order.

    Each match is one of PARTICIPLE's words, which end in "ing" with no [a-z] after it (the
    word boundary), so each is found from its "ing"; the "ing" of two matches differ (a match
    starts at a word boundary, so no match starts inside another's word)."""
    out: list[int] = []
    for m in _PARTICIPLE_ING.finditer(text):
        q = m.start()
        for stem in _STEM_LENGTHS[text[q - 2 : q]]:
            p = q - stem
            if p >= 0 and text[p : q + 3] in _PARTICIPLE_SET and PARTICIPLE.match(text, p):
                out.append(p)
    return out


def _norm(s: str) -> str:
    return _NORM.sub(" ", s.lower()).strip()


def find_quotes(text: str, doc: Document, entities: Sequence[Entity]) -> list[Claim]:
    """All quote claims of ``text`` (the masked text; offsets index the article text)."""
    segments = scan(text)
    if not segments:
        return []
    paragraphs = doc.paragraphs
    para_starts = [p[0] for p in paragraphs]
    spans = Spans((s.start, s.end) for s in segments)
    quotes: list[_Quote] = []
    for seg in segments:
        para = bisect.bisect_right(para_starts, seg.open_start) - 1
        quotes.append(_Quote(seg, para, doc.sentence_at(seg.open_start)))
    plain = doc.plain if text is doc.masked else is_plain(text)
    resolver = Resolver(text, entities, [s for s, _ in doc.sentences], plain)
    participles: list[int] | None = None  # found on first need, as are the speech cues

    # 1. local attribution: right after the quote, before it in its sentence, "according to"
    for i, q in enumerate(quotes):
        seg = q.seg
        nxt = segments[i + 1].open_start if i + 1 < len(segments) else len(text)
        sp: Speaker | None = None
        if seg.closed and seg.close_end is not None:
            last = text[seg.start : seg.end].rstrip("'’\"” ")[-1:]
            after_text = text[seg.close_end : seg.close_end + 2]
            if not (last == "." and "," not in after_text):
                sp = speaker_after(text, seg.close_end, nxt, plain=plain)
                if sp is not None and sp.kind == "name" and last in ("!", "?"):
                    # '?" he asked' is fine; '?" Mr X said' may start a new sentence
                    sp = sp if text[sp.start - 1 : sp.start] != " " or sp.cue else None
        if sp is None:
            sent_start = q.sent[0] if q.sent[0] <= seg.open_start else seg.open_start
            sp = resolver.speaker_before(sent_start, seg.open_start, spans)
        if sp is None:
            if participles is None:
                participles = _participles(text)
            sp = sentence_subject(text, sent_start, seg.open_start, participles)
        if sp is None:
            s_end = max(q.sent[1], seg.outer_end)
            sp = resolver.according_in(
                max(q.sent[0], seg.open_start - 400), min(s_end, seg.outer_end + 400)
            )
        q.local = sp
        if sp is not None:
            resolver.add_subject(sp)

    # 2. speech or scare quote
    cues: SpeechCues | None = None
    for q in quotes:
        seg = q.seg
        q.headline = q.para == 0 and len(paragraphs) > 1
        if (_LONG_PLAIN if plain else _LONG).match(text, seg.start, seg.end) is not None:
            q.speech = True  # too long for a scare quote or a title, and over SHORT_WORDS
            continue
        words = (_WORD_PLAIN if plain else _WORD).findall(text, seg.start, seg.end)
        if (len(words) <= TITLE_MAX_WORDS and _after_scare(text, seg.open_start)) or (
            _is_title(words) and text[seg.end - 1] not in ".!?,"
        ):
            q.speech = False
        elif len(words) > SHORT_WORDS:
            q.speech = True
        else:
            if cues is None:
                cues = SpeechCues(text)
            lo = max(q.sent[0], seg.open_start - CUE_WINDOW)
            hi = min(max(q.sent[1], seg.outer_end), seg.outer_end + CUE_WINDOW)
            q.speech = (q.local is not None and q.local.cue not in (None,)) and (
                q.local.how != "before" or cues.has_cue(lo, seg.open_start, spans)
            )
            if not q.speech:
                q.speech = cues.has_cue(lo, hi, spans)

    # 3. quotes with no local attribution: the chain of segments, the previous sentence,
    #    the previous quote nearby
    for i, q in enumerate(quotes):
        if q.local is not None:
            q.speaker, q.how = q.local, q.local.how
            continue
        prev = quotes[i - 1] if i > 0 else None
        if prev is not None and prev.speaker is not None and _chained(text, prev, q):
            q.speaker, q.how = prev.speaker, "continued"
            continue
        nxt_q = quotes[i + 1] if i + 1 < len(quotes) else None
        if nxt_q is not None and nxt_q.local is not None and _chained(text, q, nxt_q):
            q.speaker, q.how = nxt_q.local, "continued"
            continue
        sp = _previous_sentence(doc, q, spans, resolver)
        if sp is not None:
            q.speaker, q.how = sp, "previous sentence"
            continue
        if prev is not None and prev.speaker is not None and 0 <= q.para - prev.para <= 1:
            q.speaker, q.how = prev.speaker, "previous quote"

    # 4. headline quotes count when the body repeats them as speech
    headlines = [q for q in quotes if q.headline]
    body = _body_speech(text, quotes, {_norm(text[q.seg.start : q.seg.end]) for q in headlines})
    for q in headlines:
        twin = body.get(_norm(text[q.seg.start : q.seg.end]))
        q.speech = twin is not None
        if twin is not None and q.speaker is None:
            q.speaker, q.how = twin.speaker, "headline"

    out: list[Claim] = []
    for q in quotes:
        if not q.speech:
            continue
        out.append(_claim(doc.article.text, q, resolver))
    return out


def _body_speech(text: str, quotes: list[_Quote], wanted: set[str]) -> dict[str, _Quote]:
    """The last body quote that is speech for each normalised text (see _norm) in ``wanted``.

    A quote whose first character is an ASCII letter or digit has that character, lowercased,
    first in its normalised text (_NORM keeps letters and digits, and an ASCII character
    lowercases to one character), so a quote whose first character starts no wanted text is
    passed over without being normalised."""
    firsts = {w[:1] for w in wanted}
    out: dict[str, _Quote] = {}
    for q in quotes if wanted else ():
        if q.headline or not q.speech:
            continue
        first = text[q.seg.start]
        if first.isascii() and first.isalnum() and first.lower() not in firsts:
            continue
        norm = _norm(text[q.seg.start : q.seg.end])
        if norm in wanted:
            out[norm] = q
    return out


def _chained(text: str, a: _Quote, b: _Quote) -> bool:
    """True when ``b`` continues ``a``: a new segment opened before ``a`` closed, or the next
    paragraph opening with a quotation mark after an unclosed one."""
    if a.seg.closed:
        gap = text[a.seg.close_end : b.seg.open_start] if a.seg.close_end is not None else ""
        return b.para == a.para and gap.strip() == ""
    if b.para == a.para:
        return True
    return b.para == a.para + 1 and text[a.seg.end : b.seg.open_start].strip() == ""


def _previous_sentence(
    doc: Document, q: _Quote, spans: Spans, resolver: Resolver
) -> Speaker | None:
    """ "As X points out, ..." in the sentence before the quote's sentence."""
    idx = doc.sentence_index(q.seg.open_start)
    if idx <= 0:
        return None
    s, e = doc.sentences[idx - 1]
    if spans.overlaps(s, e):
        return None  # a sentence with a quote of its own attributes that quote
    return resolver.speaker_in(s, e, spans, "previous sentence")


def _claim(text: str, q: _Quote, resolver: Resolver) -> Claim:
    seg = q.seg
    sp = q.speaker
    speaker: str | None = None
    speaker_text: str | None = None
    if sp is not None:
        speaker, speaker_text = resolver.resolve(sp)
    value: dict[str, object] = {
        "quote": text[seg.start : seg.end],
        "speaker": speaker,
        "speaker_text": speaker_text,
        "cue": sp.cue if sp is not None else None,
        "direct": True,
        "closed": seg.closed,
        "open_mark": seg.open_mark,
        "close_mark": seg.close_mark,
        "speaker_span": [sp.start, sp.end] if sp is not None else None,
        "attribution": q.how,
        "headline": q.headline,
    }
    if sp is not None and sp.affiliation:
        value["speaker_affiliation"] = sp.affiliation
    if sp is not None and sp.role:
        value["speaker_role"] = sp.role
    if seg.nested:
        value["nested"] = [[a, b] for a, b in seg.nested]
    confidence = 0.9 if sp is not None else 0.7
    return Claim(
        kind="quote",
        start=seg.start,
        end=seg.end,
        text=text[seg.start : seg.end],
        value=value,
        entities=(speaker,) if speaker else (),
        confidence=confidence,
    )


@hookimpl
def extract_claims(
    article: Article, entities: tuple[Entity, ...], doc: Document
) -> Iterator[Claim]:
    """Direct quotes with their speakers (see ``docs/plugins/quotes.md``)."""
    return iter(find_quotes(doc.masked, doc, entities))
