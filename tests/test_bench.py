"""The benchmark script runs end to end and reports every figure it promises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

TEXTS = [
    "Exports to China grew by 9.4 percent in 2014, the ministry said on Tuesday.",
    "Germany pledged 2 billion euros to Ukraine, Chancellor Olaf Scholz said.",
    "Russia and Ukraine signed the Black Sea grain deal in Istanbul in July 2022.",
]


def test_bench_smoke(tmp_path: Path) -> None:
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text("".join(json.dumps({"text": t}) + "\n" for t in TEXTS), encoding="utf-8")
    out_json = tmp_path / "bench.json"
    cmd = [sys.executable, str(ROOT / "benchmarks" / "bench.py"), str(corpus), "--repeat", "1"]
    cmd += ["--no-spacy", "--long-mb", "0.02", "--cli-mb", "0.01", "--json", str(out_json)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    for label in ("whole pipeline", "core alone", "linearity", "peak RSS", "start-up", "CLI"):
        assert label in proc.stdout
    rep = json.loads(out_json.read_text(encoding="utf-8"))
    g = rep["geonews"]
    assert g["articles"] == 3 and g["kb_per_s"] > 0 and g["peak_rss_mb_corpus"] > 0
    assert g["long"]["kb"] >= 20
    assert rep["startup"]["import_plus_first_result_s"] > 0
    assert rep["cli"]["identical"]["value"] == 1.0
    assert "error" in rep["spacy"]
