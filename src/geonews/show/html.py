"""One self-contained HTML page showing a result: highlighted text, legend and side panel.

No scripts and no external resources (a Content-Security-Policy forbids both); hover text is
carried by ``title`` attributes. Every piece of article text and every value is escaped.
"""

from __future__ import annotations

import html
import re

from geonews.show.palette import color_of
from geonews.show.spans import Span, layout, spans_of, speaker_of, time_text, value_text
from geonews.types import Result

__all__ = ["render_html"]

_CSS_NAME = re.compile(r"[^a-z0-9_-]")

_BASE_CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:.8em 1.2em;background:#263238;color:#fff}
header h1{font-size:1.2em;margin:0}
main{display:flex;gap:1.2em;padding:1em 1.2em;align-items:flex-start}
article{flex:3;background:#fff;padding:1em 1.4em;line-height:1.9;white-space:pre-wrap;
 border:1px solid #ddd;border-radius:6px;font-size:15px}
aside{flex:0 0 42%;min-width:0;font-size:13px;overflow-wrap:anywhere}
aside table{border-collapse:collapse;width:100%;background:#fff}
aside td,aside th{border:1px solid #ddd;padding:3px 5px;vertical-align:top;text-align:left}
.legend{display:flex;flex-wrap:wrap;gap:.4em;margin:.6em 0}
.legend span{padding:1px 8px;border-radius:3px;font-size:13px;color:#111}
mark.gn{color:inherit;border-radius:3px}
mark.gn-claim{padding:1px 0}
mark.gn-entity{background:transparent;border-bottom:3px solid;padding-bottom:1px}
mark.gn:hover{outline:2px solid #333}
.gn-skip{color:#999;background:repeating-linear-gradient(135deg,#fff 0 6px,#f1f1f1 6px 12px)}
.legend .gn-skip-key{background:#eee;color:#777}
aside td:nth-child(-n+2){white-space:nowrap}
table.claims td:nth-child(n+5){min-width:6em}
.sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;vertical-align:middle}
"""


def _cls(kind: str) -> str:
    return "gn-k-" + (_CSS_NAME.sub("_", kind.lower()) or "_")


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _open(s: Span) -> str:
    if s.group == "skip":
        return f'<span class="gn-skip" title="{_e(s.label)}">'
    return (
        f'<mark class="gn gn-{s.group} {_cls(s.kind)}" data-kind="{_e(s.kind)}" '
        f'data-id="{_e(s.ident)}" title="{_e(s.label)}">'
    )


def _body(text: str, spans: list[Span]) -> str:
    out: list[str] = []
    stack: list[Span] = []
    for piece in layout(text, spans):
        keep = 0
        while keep < len(stack) and keep < len(piece.spans) and stack[keep] is piece.spans[keep]:
            keep += 1
        out.extend(_close(x) for x in reversed(stack[keep:]))
        del stack[keep:]
        for s in piece.spans[keep:]:
            out.append(_open(s))
            stack.append(s)
        out.append(html.escape(text[piece.start : piece.end], quote=False))
    out.extend(_close(x) for x in reversed(stack))
    return "".join(out)


def _close(s: Span) -> str:
    return "</span>" if s.group == "skip" else "</mark>"


def _kind_css(kinds: dict[str, str]) -> str:
    rules = []
    for kind, group in sorted(kinds.items()):
        color = color_of(kind)
        if group == "claim":
            rules.append(f".{_cls(kind)}{{background:{color}}}")
        else:
            rules.append(f"mark.{_cls(kind)}{{border-bottom-color:{color}}}")
        rules.append(f".sw.{_cls(kind)},.legend .{_cls(kind)}{{background:{color}}}")
    return "\n".join(rules)


def _panel(result: Result) -> str:
    names = {e.id: e.name for e in result.entities}
    rows = []
    for c in result.claims:
        who = speaker_of(c, names)
        when = time_text(c)
        rows.append(
            f'<tr id="claim-{_e(c.id)}"><td>{_e(c.id)}</td>'
            f'<td><span class="sw {_cls(c.kind)}"></span> {_e(c.kind)}</td>'
            f"<td>{_e(c.text if len(c.text) <= 60 else c.text[:59] + '…')}</td>"
            f"<td>{_e(value_text(c.value, names))}</td><td>{_e(who)}</td><td>{_e(when)}</td></tr>"
        )
    ents = []
    for en in result.entities:
        ents.append(
            f'<tr><td><span class="sw {_cls(en.kind)}"></span> {_e(en.kind)}</td>'
            f"<td>{_e(en.name)}</td><td>{_e(en.code or '')}</td><td>{len(en.mentions)}</td></tr>"
        )
    errors = "".join(
        f"<li>{_e(err.plugin)} ({_e(err.hook)}): {_e(err.message)}</li>" for err in result.errors
    )
    return (
        f'<h2>Claims ({len(result.claims)})</h2><table class="claims">'
        "<tr><th>id</th><th>kind</th><th>text</th><th>value</th><th>speaker</th><th>time</th></tr>"
        + "".join(rows)
        + f'</table><h2>Entities ({len(result.entities)})</h2><table class="entities">'
        "<tr><th>kind</th><th>name</th><th>code</th><th>mentions</th></tr>"
        + "".join(ents)
        + "</table>"
        + (f'<h2>Errors</h2><ul class="errors">{errors}</ul>' if errors else "")
    )


def render_html(result: Result, *, title: str | None = None) -> str:
    """The page as a string: article text with highlights, a legend and a side panel."""
    spans = spans_of(result)
    kinds: dict[str, str] = {}
    for s in spans:
        if s.group != "skip":
            kinds.setdefault(s.kind, s.group)
    skip_key = (
        '<span class="gn-skip-key" data-kind="skipped">skipped</span>' if result.skipped else ""
    )
    legend = "".join(
        f'<span class="{_cls(k)}" data-kind="{_e(k)}">{_e(k)}'
        f"{' (entity)' if g == 'entity' else ''}</span>"
        for k, g in sorted(kinds.items(), key=lambda kv: (kv[1] != "claim", kv[0]))
    )
    a = result.article
    heading = title or a.title or a.id or "geonews result"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        f"<title>{_e(heading)}</title><style>{_BASE_CSS}{_kind_css(kinds)}</style></head><body>"
        f"<header><h1>{_e(heading)}</h1>"
        f'<div class="legend" id="legend">{legend}{skip_key}</div></header>'
        f'<main><article id="text">{_body(a.text, spans)}</article>'
        f'<aside id="panel">{_panel(result)}</aside></main></body></html>\n'
    )
