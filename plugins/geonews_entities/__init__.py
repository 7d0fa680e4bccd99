"""Built-in plugin: people, countries, organisations and locations.

See ``docs/plugins/entities.md``.
"""

from __future__ import annotations

from geonews_entities.plugin import ENTITY_KINDS, extract_entities, find_entities

__all__ = ["ENTITY_KINDS", "extract_entities", "find_entities"]
