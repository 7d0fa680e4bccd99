"""Built-in plugin: direct quotes and their speakers (see ``docs/plugins/quotes.md``)."""

from __future__ import annotations

from geonews_quotes.plugin import CLAIM_KINDS, extract_claims, find_quotes

__all__ = ["CLAIM_KINDS", "extract_claims", "find_quotes"]
