"""geonews: turn geopolitical news into structured, checkable facts.

>>> import geonews
>>> result = geonews.extract("Exports grew by 9.4 percent in 2014.")
>>> [(c.kind, c.text) for c in result.claims]
[('percentage', '9.4 percent')]
"""

from __future__ import annotations

from importlib import metadata as _metadata

from geonews.document import Document
from geonews.hookspecs import hookimpl
from geonews.pipeline import Pipeline, PluginFailure, extract
from geonews.types import Article, Claim, Entity, Mention, PluginError, Result, TimeRef

try:
    __version__ = _metadata.version("geonews")
except _metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "Claim",
    "Document",
    "Entity",
    "Mention",
    "Pipeline",
    "PluginError",
    "PluginFailure",
    "Result",
    "TimeRef",
    "__version__",
    "extract",
    "hookimpl",
]
