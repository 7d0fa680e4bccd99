"""Run geonews on a dask cluster: map a ``dask.bag`` of articles to result dicts.

Install with the extra ``geonews[dask]`` (``dask[bag]`` and ``distributed``). Each worker
process builds its pipeline once (per set of options) and reuses it for every partition, and
nothing here depends on the start method, so it works under ``spawn`` as dask's worker
processes use it.

.. code-block:: text

    import dask.bag as db
    from geonews.dask import extract_bag

    bag = db.read_text("s3://bucket/news/*.jsonl").map(json.loads)
    extract_bag(bag).map(json.dumps).to_textfiles("s3://bucket/out/*.jsonl")
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from geonews.inputs import article_from_record
from geonews.pipeline import Pipeline
from geonews.serialize import error_record, result_to_dict
from geonews.types import Article

if TYPE_CHECKING:
    from dask.bag import Bag

__all__ = ["extract_bag", "extract_partition"]

_OPTIONS = frozenset(["plugins", "disable", "strict"])


def _names(value: str | Iterable[str] | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return ",".join(sorted(value))


@lru_cache(maxsize=8)
def _pipeline(plugins: str | None, disable: str | None, strict: bool) -> Pipeline:
    return Pipeline(only=plugins, disable=disable, strict=strict)


def _article(element: object) -> Article:
    if isinstance(element, Article):
        return element
    if isinstance(element, str):
        return Article(text=element)
    if isinstance(element, Mapping):
        return article_from_record(element)
    raise TypeError(f"expected a text, an article dict or an Article, not {type(element).__name__}")


def extract_partition(
    elements: Iterable[object],
    plugins: str | None = None,
    disable: str | None = None,
    strict: bool = False,
) -> list[dict[str, Any]]:
    """Result dicts for one partition; a bad element gives an error record in its place."""
    pipe = _pipeline(plugins, disable, strict)
    out: list[dict[str, Any]] = []
    for element in elements:
        try:
            article = _article(element)
        except (TypeError, ValueError, ImportError) as exc:
            ident = element.get("id") if isinstance(element, Mapping) else None
            msg = f"not an article: {exc}"
            out.append(error_record(msg, id=None if ident is None else str(ident)))
            continue
        out.append(result_to_dict(pipe.extract(article)))
    return out


def extract_bag(bag: Bag, **options: Any) -> Bag:
    """Map a bag of texts, article dicts (as in a JSONL batch, with ``text`` or ``html``) or
    Articles to result dicts.

    :param options: ``plugins`` (run only these), ``disable`` (names or a comma-separated
        string) and ``strict``, as for :class:`geonews.Pipeline`.

    The output bag has one ``geonews.result/1`` dict per element, in the same order and
    partitions; an element that is not an article becomes a ``geonews.error/1`` record.
    """
    unknown = set(options) - _OPTIONS
    if unknown:
        raise TypeError(f"extract_bag: unknown option(s) {', '.join(sorted(unknown))}")
    result: Bag = bag.map_partitions(  # type: ignore[no-untyped-call]
        extract_partition,
        plugins=_names(options.get("plugins")),
        disable=_names(options.get("disable")),
        strict=bool(options.get("strict", False)),
    )
    return result
