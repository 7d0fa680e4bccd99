"""The ``geonews`` command: a thin wrapper over the library.

Exit status: 0 success; 1 some inputs could not be processed (an error record stands in their
place) or, with ``--strict``, a plugin failed; 2 usage error; 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import signal
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from geonews import __version__
from geonews.batch import Options, Progress, iter_outputs
from geonews.commands import add_commands
from geonews.html import HTML_EXTRA_HINT
from geonews.inputs import INPUT_FORMATS, Item, iter_items
from geonews.pipeline import Pipeline, PluginFailure
from geonews.serialize import ERROR_SCHEMA, dumps, result_to_dict
from geonews.tables import csv_row, csv_writer, records_from_dict
from geonews.types import Article

__all__ = ["main"]

EXIT_OK = 0
EXIT_INPUT_ERRORS = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """A mistake in how the command was called: one line on stderr, exit 2."""


def _pipeline(args: argparse.Namespace) -> Pipeline:
    return Pipeline(
        disable=args.disable,
        only=args.plugins,
        strict=getattr(args, "strict", False),
    )


def _add_plugin_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--plugins",
        metavar="NAMES",
        default=None,
        help="run only these plugins (comma-separated); default: GEONEWS_PLUGINS or all",
    )
    p.add_argument(
        "--disable", metavar="NAMES", default=None, help="plugins not to run (comma-separated)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="geonews",
        description="Extract entities, money, percentages, treaties and quotes from news.",
    )
    parser.add_argument("--version", action="version", version=f"geonews {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser("extract", help="extract from files, directories or stdin")
    ex.add_argument(
        "paths",
        nargs="*",
        default=["-"],
        metavar="PATH",
        help="text, .jsonl, .csv or .html files, directories, or - for stdin (default)",
    )
    ex.add_argument(
        "--format",
        choices=["json", "jsonl", "csv"],
        default="json",
        help="json: indented (an array for several articles); jsonl: one line each; "
        "csv: one row per claim (see docs/output.md)",
    )
    ex.add_argument(
        "--input-format",
        choices=list(INPUT_FORMATS),
        default="auto",
        help="how to read inputs (default: by file suffix; stdin: JSONL if it starts with '{', "
        "HTML if it starts with '<html' or a doctype, else text)",
    )
    ex.add_argument(
        "--text-column", default="text", metavar="NAME", help="CSV column with the article text"
    )
    ex.add_argument("--id-column", default="id", metavar="NAME", help="CSV column with the id")
    ex.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes (default 1); the output is the same whatever N is",
    )
    ex.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    ex.add_argument("--strict", action="store_true", help="stop at the first plugin failure")
    _add_plugin_options(ex)

    pl = sub.add_parser("plugins", help="list the installed plugins")
    pl.add_argument("--json", action="store_true", help="print JSON instead of a table")
    _add_plugin_options(pl)

    demo = sub.add_parser("demo", help="run the full pipeline on the bundled seed article")
    demo.add_argument("--json", action="store_true", help="print the JSON result instead")
    _add_plugin_options(demo)
    COMMANDS.update(add_commands(sub, _add_plugin_options))
    return parser


def _check_output(output: str | None, inputs: Sequence[str]) -> None:
    if output is None:
        return
    out = Path(output)
    for p in inputs:
        if p == "-":
            continue
        src = Path(p)
        same = out.exists() and src.exists() and out.resolve() == src.resolve()
        inside = src.is_dir() and out.resolve().is_relative_to(src.resolve())
        if same or (inside and out.exists()):
            raise UsageError(f"refusing to write output over an input: {output}")


def _results(
    pipe: Pipeline, items: Iterator[Item], args: argparse.Namespace | None = None
) -> Iterator[dict[str, Any]]:
    """One record per item, in input order (``--workers`` processes; progress on a TTY)."""
    workers = getattr(args, "workers", 1)
    opts = Options(
        plugins=getattr(args, "plugins", None),
        disable=getattr(args, "disable", None),
        strict=getattr(args, "strict", False),
    )
    # a bar on stderr when it is a terminal, unless the results stream to that terminal too
    to_tty = getattr(args, "output", None) is None and sys.stdout.isatty()
    progress = Progress(enabled=sys.stderr.isatty() and not to_tty)
    interrupt = _DeferredInterrupt()
    try:
        for out in iter_outputs(items, workers=workers, options=opts, pipeline=pipe):
            if out.item.warning:
                progress.warn(f"geonews: warning: {out.item.warning}")
            progress.advance()
            yield out.record
            interrupt.check()  # Ctrl-C takes effect here, between two complete records
    finally:
        interrupt.restore()
        progress.close()


class _DeferredInterrupt:
    """Hold Ctrl-C until the current record is written, so that the output ends on a complete
    record; a second Ctrl-C stops at once. (A KeyboardInterrupt raised at an arbitrary point can
    also land in a finalizer, where Python prints and ignores it and the batch runs on.)"""

    def __init__(self) -> None:
        self.pending = False
        try:
            self.previous: Any = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread: leave Ctrl-C alone
            self.previous = None

    def _handle(self, signum: int, frame: object) -> None:
        if self.pending:
            raise KeyboardInterrupt
        self.pending = True

    def check(self) -> None:
        if self.pending:
            raise KeyboardInterrupt

    def restore(self) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
            self.previous = None


def cmd_extract(args: argparse.Namespace) -> int:
    _check_output(args.output, args.paths)
    pipe = _pipeline(args)
    for err in pipe.load_errors:
        print(f"geonews: warning: plugin {err.plugin}: {err.message}", file=sys.stderr)
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.input_format == "html" and importlib.util.find_spec("trafilatura") is None:
        raise UsageError(HTML_EXTRA_HINT)
    items = iter_items(
        args.paths,
        input_format=args.input_format,
        text_column=args.text_column,
        id_column=args.id_column,
    )
    single = (
        len(args.paths) == 1
        and args.input_format not in ("jsonl", "csv")
        and (args.paths[0] == "-" or Path(args.paths[0]).is_file())
        and not args.paths[0].lower().endswith((".jsonl", ".ndjson", ".json", ".csv"))
    )
    # A lone surrogate (from a JSON "\ud800" escape) cannot be encoded as UTF-8: write it as the
    # same JSON escape instead of failing (it only ever occurs inside a JSON string).
    out: TextIO = (
        sys.stdout
        if args.output is None
        else open(args.output, "w", encoding="utf-8", errors="backslashreplace")  # noqa: SIM115
    )
    if out is sys.stdout and hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    failures = 0
    try:
        if args.format == "csv":
            writer = csv_writer(out)
            for rec in _results(pipe, items, args):
                if rec.get("schema") == ERROR_SCHEMA:
                    failures += 1
                    where = f"{rec.get('source')}:{rec.get('line') or ''}"
                    print(f"geonews: error: {where} {rec.get('error')}", file=sys.stderr)
                    continue
                for row in records_from_dict(rec):
                    writer.writerow(csv_row(row))
        elif args.format == "jsonl":
            for rec in _results(pipe, items, args):
                failures += rec.get("schema") == ERROR_SCHEMA
                out.write(dumps(rec) + "\n")
        else:
            first = True
            if not single:
                out.write("[")
            try:
                for rec in _results(pipe, items, args):
                    failures += rec.get("schema") == ERROR_SCHEMA
                    body = dumps(rec, indent=2)
                    if single:
                        out.write(body + "\n")
                    else:
                        out.write(("\n" if first else ",\n") + body)
                    first = False
            finally:  # closed on Ctrl-C too: what was written stays one valid JSON array
                if not single:
                    out.write("\n]\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if failures:
        print(
            f"geonews: {failures} input(s) could not be processed; see the error records",
            file=sys.stderr,
        )
        return EXIT_INPUT_ERRORS
    return EXIT_OK


def cmd_plugins(args: argparse.Namespace) -> int:
    infos = _pipeline(args).infos
    if args.json:
        rows = [
            {
                "name": i.name,
                "version": i.version,
                "builtin": i.builtin,
                "kinds": list(i.kinds),
                "hooks": list(i.hooks),
                "error": i.error,
            }
            for i in infos
        ]
        print(json.dumps(rows, indent=2))
        return EXIT_OK
    print(f"{'name':14} {'version':9} {'built-in':9} {'kinds':34} hooks")
    for i in infos:
        if i.error:
            print(
                f"{i.name:14} {i.version or '-':9} {'yes' if i.builtin else 'no':9} BROKEN: {i.error}"
            )
            continue
        print(
            f"{i.name:14} {i.version or '-':9} {'yes' if i.builtin else 'no':9} "
            f"{', '.join(i.kinds) or '-':34} {', '.join(i.hooks)}"
        )
    return EXIT_OK


def seed_article() -> Article:
    """The bundled seed article that ``geonews demo`` runs on."""
    text = resources.files("geonews").joinpath("data/seed.txt").read_text(encoding="utf-8")
    return Article(text=text, id="seed", source="Latin Correspondent")


def cmd_demo(args: argparse.Namespace) -> int:
    from geonews.summary import summarize

    result = _pipeline(args).extract(seed_article())
    if args.json:
        print(dumps(result_to_dict(result), indent=2))
    else:
        print(summarize(result))
    return EXIT_OK


COMMANDS = {"extract": cmd_extract, "plugins": cmd_plugins, "demo": cmd_demo}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"geonews: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PluginFailure as exc:
        print(f"geonews: error: {exc}", file=sys.stderr)
        return EXIT_INPUT_ERRORS
    except KeyboardInterrupt:
        print("geonews: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
