"""The ``geonews`` command: a thin wrapper over the library.

Exit status: 0 success; 1 some inputs could not be processed (an error record stands in their
place) or, with ``--strict``, a plugin failed; 2 usage error; 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

from geonews import __version__
from geonews.inputs import Item, iter_items
from geonews.pipeline import Pipeline, PluginFailure
from geonews.serialize import ERROR_SCHEMA, dumps, error_record, result_to_dict
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
        help="text files, .jsonl batches, directories, or - for stdin (default)",
    )
    ex.add_argument(
        "--format",
        choices=["json", "jsonl"],
        default="json",
        help="json: indented (an array for several articles); jsonl: one line each",
    )
    ex.add_argument(
        "--input-format",
        choices=["auto", "text", "jsonl"],
        default="auto",
        help="how to read inputs (default: by file suffix; stdin: JSONL if it starts with '{')",
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


def _results(pipe: Pipeline, items: Iterator[Item]) -> Iterator[dict[str, Any]]:
    for item in items:
        if item.warning:
            print(f"geonews: warning: {item.warning}", file=sys.stderr)
        if item.article is None:
            yield error_record(
                item.error or "unreadable input", source=item.source, line=item.line, id=item.id
            )
            continue
        yield result_to_dict(pipe.extract(item.article))


def cmd_extract(args: argparse.Namespace) -> int:
    _check_output(args.output, args.paths)
    pipe = _pipeline(args)
    for err in pipe.load_errors:
        print(f"geonews: warning: plugin {err.plugin}: {err.message}", file=sys.stderr)
    items = iter_items(args.paths, input_format=args.input_format)
    single = (
        len(args.paths) == 1
        and args.input_format != "jsonl"
        and (args.paths[0] == "-" or Path(args.paths[0]).is_file())
        and not args.paths[0].endswith((".jsonl", ".ndjson"))
    )
    out: TextIO = (
        sys.stdout if args.output is None else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    )
    failures = 0
    try:
        if args.format == "jsonl":
            for rec in _results(pipe, items):
                failures += rec.get("schema") == ERROR_SCHEMA
                out.write(dumps(rec) + "\n")
        else:
            first = True
            if not single:
                out.write("[")
            for rec in _results(pipe, items):
                failures += rec.get("schema") == ERROR_SCHEMA
                body = dumps(rec, indent=2)
                if single:
                    out.write(body + "\n")
                else:
                    out.write(("\n" if first else ",\n") + body)
                first = False
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
