"""Throughput of the money and percentages plugins on a JSONL batch (default: the BBC dev set).

    .venv/bin/python benchmarks/plugins_money_pct.py [../shared/dev/bbc-articles.jsonl]

Prints KB/s for the whole pipeline restricted to the two plugins, and for the plugins alone
(the shared ``Document`` analysis computed beforehand), best of three runs.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import geonews_money
import geonews_percentages

import geonews
from geonews.document import Document

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "dev" / "bbc-articles.jsonl"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    with path.open(encoding="utf-8") as f:
        arts = [geonews.Article.from_dict(json.loads(line)) for line in f if line.strip()]
    kb = sum(len(a.text.encode("utf-8")) for a in arts) / 1024
    pipe = geonews.Pipeline(only=["money", "percentages"])
    pipe.extract(arts[0])  # warm up: imports, compiled patterns
    best = min(_time(lambda: [pipe.extract(a) for a in arts]) for _ in range(3))
    print(f"{len(arts)} articles, {kb:.0f} KB: pipeline(money, percentages) {kb / best:.0f} KB/s")
    docs = [Document(a) for a in arts]
    for d in docs:
        _ = d.masked, d.sentences

    def plugins_only() -> None:
        for a, d in zip(arts, docs, strict=True):
            list(geonews_money.extract_claims(article=a, entities=(), doc=d))
            list(geonews_percentages.extract_claims(article=a, entities=(), doc=d))

    best = min(_time(plugins_only) for _ in range(3))
    print(f"plugins alone: {kb / best:.0f} KB/s")


def _time(fn: object) -> float:
    assert callable(fn)
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
