"""Run the pipeline over a stream of inputs, in worker processes, in input order.

Memory stays bounded whatever the corpus size: at most ``window`` chunks of ``chunksize`` items
are in flight at once, and results are yielded (and can be written) as soon as the oldest chunk
is done. Each worker process builds its own :class:`~geonews.pipeline.Pipeline` once. The output
is the same whatever the number of workers: every item's result depends on that item alone.

>>> from geonews.batch import iter_results
>>> from geonews.inputs import Item
>>> from geonews.types import Article
>>> items = [Item("<doc>", 1, article=Article(text="Exports grew by 9.4 percent."))]
>>> [line[:27] for _, line in iter_results(items, plugins="percentages")]
['{"schema":"geonews.result/1']
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TextIO

from attrs import frozen

from geonews.inputs import Item
from geonews.pipeline import Pipeline
from geonews.serialize import ERROR_SCHEMA, dumps, error_record, result_to_dict

__all__ = ["Options", "Output", "Progress", "iter_results"]


@frozen
class Options:
    """How each worker builds its pipeline (picklable)."""

    plugins: str | None = None
    disable: str | None = None
    strict: bool = False
    extra_plugins: tuple[object, ...] = ()
    load_entrypoints: bool = True


@frozen
class Output:
    """One input and its record: a ``geonews.result/1`` or a ``geonews.error/1`` dict."""

    item: Item
    record: dict[str, Any]

    @property
    def is_error(self) -> bool:
        return self.record.get("schema") == ERROR_SCHEMA


_PIPELINE: Pipeline | None = None
_OPTIONS: Options | None = None


def _init_worker(options: Options) -> None:
    """Per-process setup: ignore Ctrl-C (the parent handles it) and build the pipeline once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _setup(options)


def _setup(options: Options) -> Pipeline:
    global _PIPELINE, _OPTIONS
    if _PIPELINE is None or options != _OPTIONS:
        _PIPELINE = Pipeline(
            plugins=options.extra_plugins,
            disable=options.disable,
            only=options.plugins,
            strict=options.strict,
            load_entrypoints=options.load_entrypoints,
        )
        _OPTIONS = options
    return _PIPELINE


def _record(pipe: Pipeline, item: Item) -> dict[str, Any]:
    if item.article is None:
        return error_record(
            item.error or "unreadable input", source=item.source, line=item.line, id=item.id
        )
    return result_to_dict(pipe.extract(item.article))


def _work(options: Options, items: list[Item]) -> list[dict[str, Any]]:
    pipe = _setup(options)
    return [_record(pipe, item) for item in items]


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _context() -> Any:
    """forkserver where there is one (no fork of a threaded parent), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if "forkserver" in methods:
        ctx.set_forkserver_preload(["geonews", "geonews.batch"])
    return ctx


def iter_outputs(
    items: Iterable[Item],
    *,
    workers: int = 1,
    options: Options | None = None,
    chunksize: int = 8,
    window: int | None = None,
    pipeline: Pipeline | None = None,
) -> Generator[Output, None, None]:
    """One :class:`Output` per item, in input order, computed by ``workers`` processes.

    ``workers=1`` runs in this process. At most ``window`` chunks (default ``4 * workers``) of
    ``chunksize`` items are read ahead of the output. ``pipeline``, if given, is used when
    ``workers`` is 1 (it must match ``options``).
    """
    opts = options or Options()
    if workers <= 1:
        pipe = pipeline or _setup(opts)
        for item in items:
            yield Output(item, _record(pipe, item))
        return
    limit = window or 4 * workers
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(), initializer=_init_worker, initargs=(opts,)
    )
    pending: deque[tuple[list[Item], Future[list[dict[str, Any]]]]] = deque()
    try:
        for chunk in _chunks(items, chunksize):
            pending.append((chunk, pool.submit(_work, opts, chunk)))
            while len(pending) >= limit:
                done, fut = pending.popleft()
                for item, rec in zip(done, fut.result(), strict=True):
                    yield Output(item, rec)
        while pending:
            done, fut = pending.popleft()
            for item, rec in zip(done, fut.result(), strict=True):
                yield Output(item, rec)
    finally:
        pool.shutdown(wait=not pending, cancel_futures=True)


def iter_results(
    items: Iterable[Item],
    *,
    workers: int = 1,
    plugins: str | None = None,
    disable: str | None = None,
    strict: bool = False,
    indent: int | None = None,
) -> Iterator[tuple[Item, str]]:
    """``(item, json_text)`` per item, in input order; a convenience over :func:`iter_outputs`."""
    opts = Options(plugins=plugins, disable=disable, strict=strict)
    for out in iter_outputs(items, workers=workers, options=opts):
        yield out.item, dumps(out.record, indent=indent)


class Progress:
    """A progress line on stderr when stderr is a terminal (rich); silent otherwise."""

    def __init__(self, stream: TextIO | None = None, *, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        on = self.stream.isatty() if enabled is None else enabled
        self._bar: Any = None
        self._task: Any = None
        if on:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import (
                Progress as RichProgress,
            )

            self._bar = RichProgress(
                TextColumn("geonews"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
                transient=True,
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self._task = self._bar.add_task("extract", total=None, rate="")
            self._bar.start()

    def advance(self, n: int = 1) -> None:
        if self._bar is not None:
            self._bar.advance(self._task, n)
            task = self._bar.tasks[0]
            if task.elapsed:
                self._bar.update(self._task, rate=f"{task.completed / task.elapsed:.0f} articles/s")

    def warn(self, message: str) -> None:
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False)
        else:
            print(message, file=self.stream)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
