"""The ``show`` and ``evaluate`` subcommands of the ``geonews`` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from geonews.evaluate import format_scores, load_gold, score, specs_from_plugins, to_gold
from geonews.inputs import iter_items
from geonews.pipeline import Pipeline
from geonews.serialize import dumps, result_to_dict

__all__ = ["add_commands"]

Options = Callable[[argparse.ArgumentParser], None]


def add_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], plugin_options: Options
) -> dict[str, Callable[[argparse.Namespace], int]]:
    """Add ``show`` and ``evaluate`` to the parser; return their handlers by name."""
    sh = sub.add_parser("show", help="show an article with its entities and claims highlighted")
    sh.add_argument("file", metavar="FILE", help="a text file, or a .jsonl file (first article)")
    sh.add_argument("--html", metavar="OUT.html", help="write a self-contained HTML page here")
    sh.add_argument("--id", help="in a .jsonl file, show the article with this id")
    plugin_options(sh)

    ev = sub.add_parser("evaluate", help="score the pipeline against hand annotations")
    ev.add_argument("gold", metavar="GOLD.jsonl", help="annotations in the gold schema")
    ev.add_argument("input", metavar="INPUT.jsonl", help="the articles, with 'id' or 'doc'")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--predictions", metavar="FILE", help="also write the predictions here")
    plugin_options(ev)
    return {"show": cmd_show, "evaluate": cmd_evaluate}


def _pipe(args: argparse.Namespace) -> Pipeline:
    pipe = Pipeline(disable=args.disable, only=args.plugins)
    for err in pipe.load_errors:
        print(f"geonews: warning: plugin {err.plugin}: {err.message}", file=sys.stderr)
    return pipe


def cmd_show(args: argparse.Namespace) -> int:
    from geonews.show import render_html, render_terminal

    if not Path(args.file).is_file():
        print(f"geonews: error: no such file: {args.file}", file=sys.stderr)
        return 2
    article = None
    for item in iter_items([args.file]):
        if item.article is not None and (args.id is None or item.article.id == args.id):
            article = item.article
            break
    if article is None:
        print(f"geonews: error: no readable article in {args.file}", file=sys.stderr)
        return 1
    result = _pipe(args).extract(article)
    if args.html:
        Path(args.html).write_text(render_html(result), encoding="utf-8")
        print(f"geonews: wrote {args.html}", file=sys.stderr)
    else:
        render_terminal(result)
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    for path in (args.gold, args.input):
        if not Path(path).is_file():
            print(f"geonews: error: no such file: {path}", file=sys.stderr)
            return 2
    try:
        gold = load_gold(args.gold)
    except (ValueError, KeyError, TypeError) as exc:
        # a line that is not JSON, not an object, or has no "doc"
        print(f"geonews: error: {args.gold}: not a gold file: {exc!r}", file=sys.stderr)
        return 2
    pipe = _pipe(args)
    specs = specs_from_plugins(plugin for _, plugin in pipe.pm.list_name_plugin())
    pred = {}
    out = None if args.predictions is None else open(args.predictions, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for item in iter_items([args.input], input_format="jsonl"):
            if item.article is None:
                print(f"geonews: warning: {item.source}:{item.line}: {item.error}", file=sys.stderr)
                continue
            record = to_gold(result_to_dict(pipe.extract(item.article)), specs)
            pred[str(record["doc"])] = record
            if out is not None:
                out.write(dumps(record) + "\n")
    finally:
        if out is not None:
            out.close()
    scores = score(gold, pred, [s.field() for s in specs.values()])
    if args.json:
        missing = sum(1 for d in gold if d not in pred)
        print(dumps({"missing_docs": missing, "scores": scores}, indent=1))
    else:
        print(format_scores(scores, gold, pred))
    return 0
