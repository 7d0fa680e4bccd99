"""Read a news web page: its body text, title, publication date and authors.

The page is parsed by trafilatura (the optional extra ``geonews[html]``). The extracted body
text becomes ``Article.text``, the string every offset indexes; the JSON result carries it as
``article.text`` so that a reader can check the offsets. Site suffixes such as
"| CNN Politics" are removed from the title.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import regex

from geonews.types import Article

__all__ = ["HTML_EXTRA_HINT", "article_from_html", "clean_title"]

HTML_EXTRA_HINT = "HTML input needs the html extra: pip install 'geonews[html]'"

# " | CNN Politics", " - BBC News", " — Reuters", " :: Al Jazeera", " · AP News"
_SEPARATOR = regex.compile(r"\s+(?:\||-|–|—|::|·|•|»)\s+")
# words that mark a segment as a publication's name rather than part of the headline
_BRAND = regex.compile(
    r"\b(?:news|times|post|herald|tribune|journal|gazette|guardian|telegraph|reuters|"
    r"associated\s+press|ap|afp|bbc|cnn|nbc|cbs|abc|fox|npr|dw|politico|bloomberg|"
    r"al\s+jazeera|online|daily|weekly|magazine|press|express|independent|mail|mirror|"
    r"chronicle|observer|standard|insider|"
    r"\.com|\.co\.uk|\.org)\b",
    regex.IGNORECASE,
)
_MAX_SUFFIX_WORDS = 6


def _names_of(sitename: str | None, url: str | None) -> set[str]:
    """Lower-case names a site goes by: its sitename and its host's main label."""
    names: set[str] = set()
    if sitename:
        names.add(sitename.casefold())
    if url:
        host = urlsplit(url).hostname or ""
        labels = [x for x in host.split(".") if x not in ("www", "edition", "m", "amp")]
        if len(labels) >= 2:
            names.add(
                labels[-3] if labels[-2] in ("co", "com", "org") and len(labels) > 2 else labels[-2]
            )
    return names


def _is_site(segment: str, names: set[str]) -> bool:
    seg = segment.casefold().strip()
    if not seg or len(seg.split()) > _MAX_SUFFIX_WORDS:
        return False
    squashed = seg.replace(" ", "")
    if any(n and (n in seg or n.replace(" ", "") in squashed) for n in names):
        return True
    return _BRAND.search(seg) is not None


def clean_title(
    title: str | None, *, sitename: str | None = None, url: str | None = None
) -> str | None:
    """The headline without the site's name before or after it.

    >>> clean_title("Grain deal signed | CNN Politics")
    'Grain deal signed'
    >>> clean_title("BBC News - Talks resume in Geneva", sitename="BBC News")
    'Talks resume in Geneva'
    >>> clean_title("Russia - Ukraine talks resume")
    'Russia - Ukraine talks resume'
    """
    if title is None:
        return None
    title = " ".join(title.split())
    names = _names_of(sitename, url)
    while True:
        parts = _SEPARATOR.split(title)
        if len(parts) < 2:
            return title or None
        seps = _SEPARATOR.findall(title)
        head, tail = parts[0], parts[-1]
        piped = "|" in seps[-1] and len(tail.split()) <= _MAX_SUFFIX_WORDS
        if _is_site(tail, names):
            title = title[: title.rfind(seps[-1])].strip()
        elif _is_site(head, names) and ("|" in seps[0] or head.casefold() in names):
            title = title[len(head) + len(seps[0]) :].strip()
        elif piped:
            title = title[: title.rfind(seps[-1])].strip()
        else:
            return title or None


def _authors(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(a.strip() for a in value.split(";") if a.strip())


def article_from_html(html: str | bytes, **fields: Any) -> Article:
    """Build an :class:`Article` from a web page (``str`` or undecoded ``bytes``).

    Keyword fields (``id``, ``url``, ``published``, ``title``, ...) override what the page says.
    Raises ``ImportError`` (with an install hint) without the html extra and ``ValueError`` when
    the page has no article text.
    """
    try:
        import trafilatura
    except ImportError as exc:  # pragma: no cover - exercised in a venv without the extra
        raise ImportError(HTML_EXTRA_HINT) from exc
    url = fields.get("url")
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,
        )
    except Exception as exc:  # the parser's own errors: one bad page must not stop a batch
        raise ValueError(f"cannot parse the HTML page ({type(exc).__name__}: {exc})") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ValueError("no article text found in the HTML page")
    sitename = getattr(doc, "sitename", None)
    page_url = url or getattr(doc, "url", None)
    metadata: dict[str, Any] = {"format": "html"}
    if sitename:
        metadata["sitename"] = sitename
    metadata.update(fields.pop("metadata", None) or {})
    fields.setdefault(
        "title", clean_title(getattr(doc, "title", None), sitename=sitename, url=page_url)
    )
    fields.setdefault("url", page_url)
    fields.setdefault("source", sitename)
    fields.setdefault("published", getattr(doc, "date", None))
    fields.setdefault("authors", _authors(getattr(doc, "author", None)))
    lang = getattr(doc, "language", None)
    if lang and "language" not in fields:
        fields["language"] = lang
    return Article(text=text, metadata=metadata, **fields)
