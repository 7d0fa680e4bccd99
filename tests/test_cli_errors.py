"""Bad batches through the ``geonews`` command: nothing lost, nothing hidden, no tracebacks.

Every input line or file yields exactly one output record, in input order; the ones that cannot
be processed become ``geonews.error/1`` records with their line number. The exit status is 1
when any input failed (documented in docs/robustness.md), stderr carries one clear line per
problem and never a traceback, invalid UTF-8 is replaced with a warning, the output never
overwrites an input, and Ctrl-C leaves complete JSON lines only.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from geonews.cli import EXIT_INPUT_ERRORS, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE

GOOD = "Brazil paid $5 million on Monday, officials said."


def geonews(
    *args: str, stdin: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    env.pop("GEONEWS_PLUGINS", None)
    return subprocess.run(
        [sys.executable, "-m", "geonews.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        check=False,
        env=env,
    )


def jsonl(out: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.decode("utf-8").splitlines()]


def no_traceback(stderr: bytes) -> str:
    err = stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    return err


BAD_LINES: list[tuple[bytes, str]] = [
    (b"this is not json", "not valid JSON"),
    (b'{"text": "unterminated', "not valid JSON"),
    (b'{"id": "no-text"}', "no 'text'"),
    (b'{"text": 42}', "no 'text'"),
    (b"[1, 2, 3]", "JSON object"),
    (b'"just a string"', "JSON object"),
    (b"null", "JSON object"),
    (b'{"text": "x", "published": "not a date"}', "published"),
]


@pytest.mark.parametrize(("line", "message"), BAD_LINES, ids=[m for _, m in BAD_LINES])
def test_a_bad_line_becomes_an_error_record_in_its_place(
    tmp_path: Path, line: bytes, message: str
) -> None:
    batch = tmp_path / "batch.jsonl"
    good = json.dumps({"text": GOOD, "id": "g"}).encode()
    batch.write_bytes(good + b"\n" + line + b"\n\n" + good + b"\n")
    proc = geonews("extract", str(batch), "--format", "jsonl")
    err = no_traceback(proc.stderr)
    assert proc.returncode == EXIT_INPUT_ERRORS
    recs = jsonl(proc.stdout)
    assert [r["schema"] for r in recs] == [
        "geonews.result/1",
        "geonews.error/1",
        "geonews.result/1",
    ]
    assert recs[1]["line"] == 2 and recs[1]["source"] == str(batch)
    assert message in recs[1]["error"]
    assert recs[0]["claims"] and recs[2]["claims"]  # the neighbours were processed
    assert len(err.strip().splitlines()) == 1, err  # one clear line


def test_every_other_line_is_processed_in_order(tmp_path: Path) -> None:
    lines = []
    for i in range(40):
        if i % 7 == 3:
            lines.append(b"{broken")
        elif i % 11 == 5:
            lines.append(json.dumps({"id": f"n{i}"}).encode())
        else:
            lines.append(
                json.dumps({"text": f"Item {i}: Brazil paid ${i + 1}.", "id": f"n{i}"}).encode()
            )
    batch = tmp_path / "b.jsonl"
    batch.write_bytes(b"\n".join(lines) + b"\n")
    proc = geonews("extract", str(batch), "--format", "jsonl")
    no_traceback(proc.stderr)
    assert proc.returncode == EXIT_INPUT_ERRORS
    recs = jsonl(proc.stdout)
    assert len(recs) == 40
    for i, rec in enumerate(recs):
        if i % 7 == 3 or i % 11 == 5:
            assert rec["schema"] == "geonews.error/1" and rec["line"] == i + 1, rec
        else:
            assert rec["article"]["id"] == f"n{i}"
            assert [c["text"] for c in rec["claims"] if c["kind"] == "money"] == [f"${i + 1}"]


def test_json_array_output_keeps_error_records_too(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_bytes(b'{"text": "$5"}\nnope\n{"text": "$6"}\n')
    proc = geonews("extract", str(batch), "--format", "json")
    no_traceback(proc.stderr)
    assert proc.returncode == EXIT_INPUT_ERRORS
    recs = json.loads(proc.stdout)
    assert [r["schema"] for r in recs] == [
        "geonews.result/1",
        "geonews.error/1",
        "geonews.result/1",
    ]


def test_unreadable_files_become_error_records(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere")
    paths = [str(missing), str(good), str(dangling)]
    if os.geteuid() != 0:  # root reads anything: only test permissions as a normal user
        locked = tmp_path / "locked.txt"
        locked.write_text(GOOD, encoding="utf-8")
        locked.chmod(0)
        paths.append(str(locked))
    proc = geonews("extract", *paths, "--format", "jsonl")
    no_traceback(proc.stderr)
    assert proc.returncode == EXIT_INPUT_ERRORS
    recs = jsonl(proc.stdout)
    assert len(recs) == len(paths)
    assert recs[1]["schema"] == "geonews.result/1"
    for i in (0, 2, *range(3, len(paths))):
        assert recs[i]["schema"] == "geonews.error/1"
        assert recs[i]["source"] == paths[i]
        assert "cannot read" in recs[i]["error"]


def test_all_good_exits_zero_and_stderr_is_quiet(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"text": GOOD}) + "\n", encoding="utf-8")
    proc = geonews("extract", str(batch), "--format", "jsonl")
    assert proc.returncode == EXIT_OK
    assert proc.stderr == b""


def test_usage_error_is_one_line_and_exit_2() -> None:
    proc = geonews("extract", "--format", "yaml")
    assert proc.returncode == EXIT_USAGE
    no_traceback(proc.stderr)


# -- UTF-8 policy ------------------------------------------------------------------------------


def test_invalid_utf8_in_a_jsonl_line_is_replaced_with_a_warning(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_bytes(b'{"text": "caf\xe9 owner paid $5 to Brazil."}\n{"text": "$6"}\n')
    proc = geonews("extract", str(batch), "--format", "jsonl")
    err = no_traceback(proc.stderr)
    assert proc.returncode == EXIT_OK
    assert "not valid UTF-8" in err and "line 1" in err
    assert len(err.strip().splitlines()) == 1
    recs = jsonl(proc.stdout)
    money = [c for c in recs[0]["claims"] if c["kind"] == "money"]
    assert [c["text"] for c in money] == ["$5"]
    assert money[0]["start"] == len("caf\ufffd owner paid ")  # one U+FFFD for the bad byte


def test_invalid_utf8_in_a_text_file_is_replaced_with_a_warning(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(b"\xff\xfe Brazil paid $5.\n\x80\x81")
    proc = geonews("extract", str(src), "--format", "jsonl")
    err = no_traceback(proc.stderr)
    assert proc.returncode == EXIT_OK
    assert "not valid UTF-8" in err and str(src) in err
    rec = jsonl(proc.stdout)[0]
    assert any(c["text"] == "$5" for c in rec["claims"])


def test_lone_surrogates_are_written_as_json_escapes(tmp_path: Path) -> None:
    """A JSON "\\ud800" escape decodes to a lone surrogate, which UTF-8 cannot encode: it is
    written back as the same escape, so the output is valid UTF-8 and valid JSON."""
    batch = tmp_path / "b.jsonl"
    batch.write_bytes(b'{"text": "\\ud800 paid $5", "note": "\\udfff"}\n{"text": "$6"}\n')
    for extra in ([], ["-o", str(tmp_path / "out.jsonl")]):
        proc = geonews("extract", str(batch), "--format", "jsonl", *extra)
        no_traceback(proc.stderr)
        assert proc.returncode == EXIT_OK
        out = (tmp_path / "out.jsonl").read_bytes() if extra else proc.stdout
        recs = jsonl(out)
        assert len(recs) == 2
        assert recs[0]["article"]["metadata"]["note"] == "\udfff"


def test_stdin_with_invalid_utf8(tmp_path: Path) -> None:
    proc = geonews("extract", "-", "--format", "jsonl", stdin=b"Brazil paid \xc3$5.")
    no_traceback(proc.stderr)
    assert proc.returncode == EXIT_OK
    assert any(c["text"] == "$5" for c in jsonl(proc.stdout)[0]["claims"])


# -- output never overwrites an input ----------------------------------------------------------


def test_output_never_overwrites_an_input(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    content = json.dumps({"text": GOOD}).encode() + b"\n"
    batch.write_bytes(content)
    link = tmp_path / "link.jsonl"
    link.symlink_to(batch)
    for target in (str(batch), str(link), str(tmp_path / "." / "b.jsonl")):
        proc = geonews("extract", str(batch), "-o", target, "--format", "jsonl")
        err = no_traceback(proc.stderr)
        assert proc.returncode == EXIT_USAGE, (target, err)
        assert "refusing" in err and len(err.strip().splitlines()) == 1
        assert batch.read_bytes() == content
    # an existing file inside an input directory is an input too
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    proc = geonews("extract", str(folder), "-o", str(folder / "a.txt"))
    assert proc.returncode == EXIT_USAGE
    assert (folder / "a.txt").read_text(encoding="utf-8") == GOOD


# -- Ctrl-C ------------------------------------------------------------------------------------


def _big_batch(path: Path, n: int) -> None:
    para = (
        "Russia and China signed a $400 billion gas deal in May 2014, officials said. "
        "“This is a historic day,” the minister said. Exports rose by 4.5 percent. "
    ) * 6
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"a{i}", "text": f"Item {i}. " + para}) + "\n")


def _interrupt_after_output(cmd: list[str], out_file: Path, stdout: Any) -> tuple[int, str]:
    env = dict(os.environ)
    env.pop("GEONEWS_PLUGINS", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "geonews.cli", *cmd],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out_file.exists() and out_file.stat().st_size > 20_000:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the batch finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err.decode("utf-8", "replace")


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("to", ["stdout", "file"])
def test_ctrl_c_leaves_complete_lines_only(tmp_path: Path, to: str, workers: str) -> None:
    batch = tmp_path / "big.jsonl"
    _big_batch(batch, 20_000)
    out = tmp_path / "out.jsonl"
    cmd = ["extract", str(batch), "--format", "jsonl", "--workers", workers]
    if to == "file":
        code, err = _interrupt_after_output([*cmd, "-o", str(out)], out, subprocess.DEVNULL)
    else:
        with out.open("wb") as sink:
            code, err = _interrupt_after_output(cmd, out, sink)
    assert code == EXIT_INTERRUPTED, err
    assert "Traceback" not in err, err
    assert "interrupted" in err
    data = out.read_bytes()
    assert data.endswith(b"\n")
    lines = data.decode("utf-8").splitlines()
    assert 0 < len(lines) < 20_000
    for n, line in enumerate(lines):
        rec = json.loads(line)  # every line is complete JSON
        assert rec["article"]["id"] == f"a{n}"  # and in input order, none missing


def test_ctrl_c_leaves_a_valid_json_array(tmp_path: Path) -> None:
    """With ``--format json`` the array is closed on the way out: the partial output is one
    valid JSON document holding the complete records written so far."""
    batch = tmp_path / "big.jsonl"
    _big_batch(batch, 20_000)
    out = tmp_path / "out.json"
    cmd = ["extract", str(batch), "--format", "json", "-o", str(out)]
    code, err = _interrupt_after_output(cmd, out, subprocess.DEVNULL)
    assert code == EXIT_INTERRUPTED, err
    assert "Traceback" not in err, err
    recs = json.loads(out.read_text(encoding="utf-8"))
    assert 0 < len(recs) < 20_000
    assert [r["article"]["id"] for r in recs] == [f"a{n}" for n in range(len(recs))]


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    """Undecodable bytes in a file name reach Python as lone surrogates; the id and source are
    written as JSON escapes instead of crashing the batch."""
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")
    (folder / name).write_text(GOOD, encoding="utf-8")
    missing = os.fsdecode(str(tmp_path).encode() + b"/missing\xe9.txt")
    proc = geonews("extract", str(folder), missing, "--format", "jsonl")
    no_traceback(proc.stderr)
    assert proc.returncode == EXIT_INPUT_ERRORS
    recs = jsonl(proc.stdout)
    assert recs[0]["article"]["id"] == os.fsdecode(b"caf\xe9")
    assert recs[1]["schema"] == "geonews.error/1" and recs[1]["source"] == missing
