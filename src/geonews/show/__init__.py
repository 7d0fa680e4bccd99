"""The visual view of a result: the article with every entity mention and claim highlighted.

:func:`render_html` gives one self-contained HTML page (no scripts, no external resources);
:func:`render_terminal` prints the same view with ``rich``.
"""

from __future__ import annotations

from geonews.show.html import render_html
from geonews.show.spans import Span, layout, spans_of
from geonews.show.terminal import render_terminal

__all__ = ["Span", "layout", "render_html", "render_terminal", "spans_of"]
