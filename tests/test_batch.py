"""Batch runs: input order, bounded read-ahead, the same output whatever the number of workers."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from geonews import Article, Claim, Document, hookimpl
from geonews.batch import Options, Progress, iter_outputs
from geonews.cli import main
from geonews.inputs import Item

SENTENCES = [
    "Exports to China grew by {n}.5 percent in 2014, the ministry said.",
    "Germany pledged {n} billion euros to Ukraine on Tuesday, Chancellor Olaf Scholz said.",
    'The prime minister said: "We will cut the deficit by {n} percent by 2020."',
    "Inflation in Turkey rose to {n} percent in March, the statistics office said.",
    "Russia and Ukraine signed the grain deal in Istanbul in July {n}.",
]


def _text(i: int) -> str:
    return " ".join(s.format(n=(i * 7 + k) % 90 + 1) for k, s in enumerate(SENTENCES[: i % 5 + 1]))


class PercentPlugin:
    """A toy claims plugin: '<number> percent'."""

    @hookimpl
    def extract_claims(self, article: Article, doc: Document) -> list[Claim]:
        return [
            Claim(kind="percentage", start=m.start(), end=m.end(), text=m.group())
            for m in re.finditer(r"\d+(?:\.\d+)? percent", doc.masked)
        ]


TOY = Options(extra_plugins=(PercentPlugin(),), load_entrypoints=False)


def _items(n: int, bad_every: int = 7) -> Iterator[Item]:
    for i in range(n):
        if i % bad_every == 3:
            yield Item("<test>", i + 1, error=f"line {i + 1}: broken", id=f"bad{i}")
        else:
            yield Item("<test>", i + 1, article=Article(text=_text(i), id=f"a{i}"), id=f"a{i}")


def test_serial_records_in_order_with_errors() -> None:
    outs = list(iter_outputs(_items(20), options=TOY))
    assert [o.item.id for o in outs] == [i.id for i in _items(20)]
    assert [o.is_error for o in outs] == [i % 7 == 3 for i in range(20)]
    first = outs[0].record
    assert [c["text"] for c in first["claims"]] == ["1.5 percent"]


@pytest.mark.parametrize(("workers", "chunksize"), [(2, 1), (2, 3), (3, 8)])
def test_workers_equal_serial(workers: int, chunksize: int) -> None:
    serial = [o.record for o in iter_outputs(_items(41), options=TOY)]
    parallel = [
        o.record
        for o in iter_outputs(_items(41), workers=workers, options=TOY, chunksize=chunksize)
    ]
    assert parallel == serial
    assert sum(len(r.get("claims", [])) for r in serial) > 20


def test_read_ahead_is_bounded() -> None:
    consumed = 0

    def source() -> Iterator[Item]:
        nonlocal consumed
        for item in _items(10_000):
            consumed += 1
            yield item

    outs = iter_outputs(source(), workers=2, options=TOY, chunksize=4, window=3)
    next(outs)
    assert consumed <= 4 * 3 + 4
    outs.close()


def _corpus(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            if i % 11 == 5:
                f.write("{broken json\n")
            else:
                rec = {"id": f"w{i}", "text": _text(i), "published": "2015-12-0" + str(i % 9 + 1)}
                f.write(json.dumps(rec) + "\n")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_cli_workers_2_byte_identical(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 60)
    outs = []
    for workers in ("1", "2"):
        target = tmp_path / f"out{workers}.{fmt}"
        code = main(
            ["extract", str(corpus), "--format", fmt, "--workers", workers, "-o", str(target)]
        )
        assert code == 1  # the broken lines are reported as error records
        outs.append(target.read_bytes())
    assert outs[0] == outs[1]
    if fmt == "jsonl":
        lines = outs[0].decode().splitlines()
        assert len(lines) == 60
        assert [json.loads(x)["schema"] for x in lines].count("geonews.error/1") == 5


def test_cli_csv_workers(tmp_path: Path) -> None:
    csv_path = tmp_path / "feed.csv"
    rows = ["story,body"] + [f's{i},"{_text(i)}"' for i in range(12)]
    csv_path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    outs = []
    for workers in ("1", "2"):
        target = tmp_path / f"o{workers}.jsonl"
        args = ["extract", str(csv_path), "--format", "jsonl", "--workers", workers]
        args += ["--text-column", "body", "--id-column", "story", "-o", str(target)]
        assert main(args) == 0
        outs.append(target.read_bytes())
    assert outs[0] == outs[1]
    ids = [json.loads(x)["article"]["id"] for x in outs[0].decode().splitlines()]
    assert ids == [f"s{i}" for i in range(12)]


def test_cli_rejects_zero_workers(tmp_path: Path) -> None:
    assert main(["extract", str(_corpus(tmp_path / "c.jsonl", 2)), "--workers", "0"]) == 2


def test_no_progress_when_not_a_tty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "ok.jsonl"
    corpus.write_text("".join(json.dumps({"text": _text(i)}) + "\n" for i in range(5)))
    assert main(["extract", str(corpus), "--format", "jsonl"]) == 0
    captured = capsys.readouterr()
    # only "geonews: ..." messages (e.g. a plugin's load warning), never a progress bar
    assert all(line.startswith("geonews: ") for line in captured.err.splitlines())
    assert len(captured.out.splitlines()) == 5


def test_progress_draws_when_enabled() -> None:
    buf = io.StringIO()
    bar = Progress(buf, enabled=True)
    for _ in range(3):
        bar.advance()
    bar.warn("geonews: warning: something")
    bar.close()
    assert "something" in buf.getvalue()
    silent = io.StringIO()
    quiet = Progress(silent)  # a StringIO is not a terminal
    quiet.advance()
    quiet.close()
    assert silent.getvalue() == ""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_leaves_complete_lines(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "big.jsonl", 20_000)
    out_path = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "geonews.cli", "extract", str(corpus), "--format", "jsonl"]
    cmd += ["--workers", "2", "-o", str(out_path)]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (
        not out_path.exists() or out_path.stat().st_size < 20_000
    ):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    data = out_path.read_bytes().decode()
    assert data.endswith("\n")
    lines = data.splitlines()
    assert 0 < len(lines) < 20_000
    for line in lines:
        json.loads(line)
    assert b"Traceback" not in err


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Worker processes have their own hash seeds: set or dict order must not leak out."""
    corpus = _corpus(tmp_path / "c.jsonl", 30)
    outs = []
    for seed in ("1", "2"):
        target = tmp_path / f"seed{seed}.jsonl"
        cmd = [sys.executable, "-m", "geonews.cli", "extract", str(corpus), "--format", "jsonl"]
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([*cmd, "-o", str(target)], env=env, capture_output=True, check=False)
        outs.append(target.read_bytes())
    assert outs[0] == outs[1]
    assert len(outs[0].splitlines()) == 30


class BrokenPlugin:
    """Fails on every article that mentions Ukraine."""

    @hookimpl
    def extract_claims(self, article: Article, doc: Document) -> list[Claim]:
        if "Ukraine" in article.text:
            raise RuntimeError("boom")
        return []


def test_strict_failure_in_a_worker_reaches_the_caller() -> None:
    from geonews.pipeline import PluginFailure

    opts = Options(extra_plugins=(BrokenPlugin(),), load_entrypoints=False, strict=True)
    with pytest.raises(PluginFailure, match="boom"):
        list(iter_outputs(_items(30), workers=2, options=opts, chunksize=2))


def test_plugin_failure_in_a_worker_is_recorded_not_raised() -> None:
    opts = Options(extra_plugins=(BrokenPlugin(),), load_entrypoints=False)
    outs = list(iter_outputs(_items(12), workers=2, options=opts, chunksize=2))
    assert len(outs) == 12
    errors = [o.record["errors"] for o in outs if not o.is_error]
    assert any(e and "boom" in e[0]["message"] for e in errors)
