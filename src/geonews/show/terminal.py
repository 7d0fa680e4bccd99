"""The terminal view of a result with ``rich``: highlighted text, a legend and a claims table."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from geonews.show.palette import color_of
from geonews.show.spans import spans_of, speaker_of, time_text, value_text
from geonews.types import Result

__all__ = ["render_terminal"]


def _view(result: Result) -> Group:
    text = Text(result.article.text)
    kinds: dict[str, str] = {}
    for s in spans_of(result):
        if s.group == "skip":
            text.stylize("dim", s.start, s.end)
            continue
        kinds.setdefault(s.kind, s.group)
        color = color_of(s.kind)
        style = f"black on {color}" if s.group == "claim" else f"bold underline {color}"
        text.stylize(style, s.start, s.end)
    legend = Text("Legend: ")
    for kind, group in sorted(kinds.items(), key=lambda kv: (kv[1] != "claim", kv[0])):
        color = color_of(kind)
        style = f"black on {color}" if group == "claim" else f"bold underline {color}"
        legend.append(f" {kind} ", style=style)
        legend.append(" ")
    names = {e.id: e.name for e in result.entities}
    table = Table(title=f"Claims ({len(result.claims)})", show_lines=False, expand=True)
    for col in ("id", "kind", "text", "value", "speaker", "time"):
        table.add_column(col, overflow="fold")
    for c in result.claims:
        table.add_row(
            c.id,
            Text(c.kind, style=f"black on {color_of(c.kind)}"),
            c.text if len(c.text) <= 80 else c.text[:79] + "…",
            value_text(c.value, names),
            speaker_of(c, names),
            time_text(c),
        )
    ents = Table(title=f"Entities ({len(result.entities)})", expand=True)
    for col in ("kind", "name", "code", "mentions"):
        ents.add_column(col)
    for e in result.entities:
        ents.add_row(
            Text(e.kind, style=f"bold {color_of(e.kind)}"),
            e.name,
            e.code or "",
            str(len(e.mentions)),
        )
    return Group(legend, Text(""), text, Text(""), table, ents)


def render_terminal(result: Result, console: Console | None = None) -> None:
    """Print the view. Article text is printed as plain text (never parsed as rich markup)."""
    (console or Console()).print(_view(result))
