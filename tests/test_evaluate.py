"""geonews.evaluate: the matching rules, the scores, the gold conversion and `geonews evaluate`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _example import ensure_example_installed
from _viewfixture import TEXT, Fixture

import geonews
from geonews.evaluate import (
    EvalSpec,
    format_scores,
    money_full,
    money_value,
    percentage,
    person,
    quote_text,
    same_speaker,
    score,
    specs_from_plugins,
    to_gold,
    treaty_text,
)

SCORE_PY = Path(__file__).resolve().parents[2] / "shared" / "dev" / "score.py"


@pytest.mark.parametrize(
    ("match", "gold", "pred", "ok"),
    [
        (money_value, {"amount": 1.5e9}, {"amount": 1.51e9}, True),
        (money_value, {"amount": 1.5e9}, {"amount": 1.6e9}, False),
        (money_value, {"amount": 0.5}, {"amount": 0.509}, True),  # 1% of max(|a|, 1)
        (money_value, {"amount": None}, {"amount": 1}, False),
        (money_full, {"amount": 5, "currency": "$"}, {"amount": 5, "currency": "AUD"}, True),
        (money_full, {"amount": 5, "currency": "$"}, {"amount": 5, "currency": "GBP"}, False),
        (money_full, {"amount": 5, "currency": "USD"}, {"amount": 5, "currency": "$"}, False),
        (percentage, {"value": 9.4, "points": False}, {"value": 9.4, "points": False}, True),
        (percentage, {"value": 9.4, "points": True}, {"value": 9.4}, False),
        (percentage, {"value": 9.4}, {"value": 9.5}, False),
        (
            quote_text,
            {"text": "We will not back down"},
            {"text": "we will not back down, ever"},
            True,
        ),
        (quote_text, {"text": "We will not back down now"}, {"text": "We will"}, False),
        (quote_text, {"text": "a" * 10}, {"text": ""}, False),
        (treaty_text, {"text": "the Kyoto Protocol"}, {"text": "Kyoto Protocol"}, True),
        (treaty_text, {"text": "a trade deal"}, {"text": "the Kyoto Protocol"}, False),
        (person, "John Howard", "Howard", True),
        (person, "John Howard", "Jim Howard", False),
        (person, "John Howard", "John Smith", False),
    ],
)
def test_matchers(match: Any, gold: Any, pred: Any, ok: bool) -> None:
    assert match(gold, pred) is ok


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ("?", None, True),
        (None, None, True),
        (None, "Mr Smith", False),
        ("John Howard", None, False),
        ("John Howard", "Mr Howard", True),
        ("a police spokesman", "the police", True),
        ("Police Chief", "the police", False),  # capitalised: a name, surnames differ
    ],
)
def test_same_speaker(gold: str | None, pred: str | None, ok: bool) -> None:
    assert same_speaker(gold, pred) is ok


GOLD = {
    "d1": {
        "doc": "d1",
        "money": [{"text": "$5m", "amount": 5e6, "currency": "$"}],
        "percentages": [{"value": 3, "points": False}, {"value": 4, "points": True}],
        "quotes": [{"text": "We will not back down from this", "speaker": "John Howard"}],
        "treaties": [{"text": "Kyoto Protocol", "parties": ["AUS", "JPN"]}],
        "persons": ["John Howard", "Kim Beazley"],
        "countries": ["AUS", "JPN"],
    },
    "d2": {"doc": "d2", "money": [], "percentages": [{"value": 7, "points": False}]},
}
PRED = {
    "d1": {
        "doc": "d1",
        "money": [{"amount": 5e6, "currency": "GBP"}, {"amount": 1, "currency": "$"}],
        "percentages": [{"value": 3, "points": False}, {"value": 4, "points": False}],
        "quotes": [{"text": "We will not back down from this", "speaker": "Beazley"}],
        "treaties": [{"text": "the Kyoto Protocol", "parties": ["AUS"]}],
        "persons": ["Howard", "Howard", "Peter Costello"],
        "countries": ["AUS", "AUS", "USA"],
    }
}


def test_score_counts() -> None:
    s = score(GOLD, PRED)
    assert (s["money (value only)"]["tp"], s["money (value only)"]["fp"]) == (1, 1)
    assert s["money (value+currency)"]["tp"] == 0
    assert (s["percentages"]["tp"], s["percentages"]["fp"], s["percentages"]["fn"]) == (1, 1, 2)
    assert s["quotes (detected)"]["tp"] == 1 and s["quotes (with speaker)"]["tp"] == 0
    assert s["persons"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert (s["countries"]["tp"], s["countries"]["fp"], s["countries"]["fn"]) == (1, 1, 1)
    assert s["speaker accuracy (detected quotes)"] == {"accuracy": 0.0, "n": 1}
    parties = s["treaty parties F1 (detected treaties)"]
    assert parties["n"] == 1 and parties["accuracy"] == pytest.approx(2 / 3)


def test_score_empty_fields_are_perfect() -> None:
    s = score({"d": {"doc": "d"}}, {"d": {"doc": "d"}})
    assert s["money (value only)"]["f1"] == 1.0
    assert s["speaker accuracy (detected quotes)"]["accuracy"] == 1.0


def test_format_scores_layout() -> None:
    text = format_scores(score(GOLD, PRED), GOLD, PRED)
    lines = text.splitlines()
    assert lines[0] == "docs: 2 gold, 1 predicted, 1 gold docs without prediction"
    assert lines[1].split() == ["field", "P", "R", "F1", "tp", "fp", "fn"]
    assert lines[8].startswith("persons") and lines[8].split()[1:] == [
        "0.500", "0.500", "0.500", "1", "1", "1"
    ]  # fmt: skip
    assert lines[-1].startswith("treaty parties F1 (detected treaties)")
    assert lines[-1].endswith("0.667  n=1")


@pytest.mark.skipif(not SCORE_PY.exists(), reason="the shared dev scorer is not available")
def test_format_scores_equals_dev_scorer(tmp_path: Path) -> None:
    gold, pred = tmp_path / "g.jsonl", tmp_path / "p.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in GOLD.values()), "utf-8")
    pred.write_text("".join(json.dumps(d) + "\n" for d in PRED.values()), "utf-8")
    ref = subprocess.run(
        [sys.executable, str(SCORE_PY), str(gold), str(pred)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert format_scores(score(GOLD, PRED), GOLD, PRED) == ref


def test_to_gold_converts_a_result() -> None:
    pipe = geonews.Pipeline(plugins=[Fixture()], load_entrypoints=False)
    rec = to_gold(pipe.extract(geonews.Article(text=TEXT, id="fx")).to_dict())
    assert rec["doc"] == "fx"
    assert rec["money"] == [
        {"text": "$1.5 billion", "amount": 1.5e9, "currency": "USD", "amount_max": None}
    ]
    assert rec["percentages"] == [{"text": "9.4 percent", "value": 9.4, "points": False}]
    assert rec["quotes"] == [
        {"text": "We will build a new strategic partnership,", "speaker": "Vladimir Putin"}
    ]
    assert rec["persons"] == ["Ollanta Humala", "Vladimir Putin"]
    assert rec["countries"] == ["PER", "RUS"]
    assert rec["treaties"] == []


def test_to_gold_treaty_parties_use_codes() -> None:
    result = {
        "article": {"id": "t"},
        "entities": [{"id": "country:AUS", "kind": "country", "name": "Australia", "code": "AUS"}],
        "claims": [
            {
                "kind": "treaty",
                "text": "the Kyoto Protocol",
                "value": {"name": "Kyoto Protocol", "parties": ["country:AUS", "org:nato"]},
            }
        ],
    }
    rec = to_gold(result)
    assert rec["treaties"][0]["text"] == "Kyoto Protocol"
    assert rec["treaties"][0]["parties"] == ["AUS", "org:nato"]


class _Plugin:
    EVAL_MATCHERS = {  # noqa: RUF012
        "casualty": {"key": "casualties", "fields": ["count", "type"]},
        "organization": EvalSpec(key="organizations", entity=True),
    }


def test_plugin_eval_matchers() -> None:
    specs = specs_from_plugins([_Plugin(), object()])
    assert set(specs) == {"casualty", "organization"}
    result = {
        "article": {"id": "x"},
        "entities": [{"id": "org:nato", "kind": "organization", "name": "NATO", "code": None}],
        "claims": [
            {
                "kind": "casualty",
                "text": "killed 12 people",
                "value": {"count": 12, "type": "killed"},
            },
            {"kind": "casualty", "text": "3 were hurt", "value": {"count": 3, "type": "wounded"}},
        ],
    }
    pred = {"x": to_gold(result, specs)}
    assert pred["x"]["organizations"] == ["NATO"]
    gold = {
        "x": {
            "doc": "x",
            "casualties": [
                {"text": "killed 12 people", "count": 12, "type": "killed"},
                {"text": "3 were hurt", "count": 4, "type": "wounded"},
            ],
            "organizations": ["Nato"],
        }
    }
    s = score(gold, pred, [sp.field() for sp in specs.values()])
    assert (s["casualties"]["tp"], s["casualties"]["fp"], s["casualties"]["fn"]) == (1, 1, 1)
    assert s["organizations"]["tp"] == 1
    # a plugin field whose key the gold set lacks is not scored
    assert "casualties" not in score({"x": {"doc": "x"}}, pred, [specs["casualty"].field()])


def test_bad_eval_matchers_rejected() -> None:
    class Bad:
        EVAL_MATCHERS = {"casualty": 3}  # noqa: RUF012

    with pytest.raises(TypeError):
        specs_from_plugins([Bad()])


def test_cli_evaluate(tmp_path: Path, geonews_cmd: list[str]) -> None:
    ensure_example_installed()  # the example plugin declares EVAL_MATCHERS for "casualty"
    articles = tmp_path / "in.jsonl"
    gold = tmp_path / "gold.jsonl"
    preds = tmp_path / "pred.jsonl"
    articles.write_text(
        json.dumps({"id": "a", "text": "A car bomb killed at least 12 people in the capital."})
        + "\n",
        "utf-8",
    )
    gold.write_text(
        json.dumps(
            {
                "doc": "a",
                "casualties": [
                    {"text": "killed at least 12 people", "count": 12, "type": "killed"}
                ],
            }
        )
        + "\n",
        "utf-8",
    )
    proc = subprocess.run(
        [
            *geonews_cmd,
            "evaluate",
            str(gold),
            str(articles),
            "--plugins",
            "casualties",
            "--predictions",
            str(preds),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "docs: 1 gold, 1 predicted, 0 gold docs without prediction"
    row = next(x for x in lines if x.startswith("casualties"))
    assert row.split()[1:] == ["1.000", "1.000", "1.000", "1", "0", "0"]
    assert json.loads(preds.read_text("utf-8"))["casualties"][0]["count"] == 12


def test_cli_evaluate_json(tmp_path: Path, geonews_cmd: list[str]) -> None:
    articles = tmp_path / "in.jsonl"
    gold = tmp_path / "gold.jsonl"
    articles.write_text(json.dumps({"doc": "b", "text": "Nothing to see."}) + "\n", "utf-8")
    gold.write_text(json.dumps({"doc": "b", "percentages": [{"value": 5}]}) + "\n", "utf-8")
    proc = subprocess.run(
        [*geonews_cmd, "evaluate", str(gold), str(articles), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["missing_docs"] == 0
    assert out["scores"]["percentages"]["fn"] == 1


TO_GOLD_PY = SCORE_PY.with_name("to_gold.py")


@pytest.mark.skipif(not TO_GOLD_PY.exists(), reason="the shared dev converter is not available")
def test_to_gold_equals_dev_converter() -> None:
    pipe = geonews.Pipeline(plugins=[Fixture()], load_entrypoints=False)
    rec = pipe.extract(geonews.Article(text=TEXT, id="fx")).to_dict()
    rec["claims"].append(
        {
            "kind": "treaty",
            "text": "a deal",
            "value": {"type": "deal", "parties": ["country:RUS", "x"], "action": "sign"},
        }
    )
    ref = subprocess.run(
        [sys.executable, str(TO_GOLD_PY)],
        input=json.dumps(rec) + "\n",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert to_gold(rec) == json.loads(ref)


@pytest.mark.parametrize("content", ["{not json\n", '{"money": []}\n', "[1, 2]\n"])
def test_cli_evaluate_bad_gold(tmp_path: Path, geonews_cmd: list[str], content: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, "utf-8")
    articles = tmp_path / "in.jsonl"
    articles.write_text(json.dumps({"id": "a", "text": "x"}) + "\n", "utf-8")
    proc = subprocess.run(
        [*geonews_cmd, "evaluate", str(gold), str(articles)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "not a gold file" in proc.stderr and "Traceback" not in proc.stderr


DEV = SCORE_PY.parent


@pytest.mark.skipif(not (DEV / "bbc-gold.jsonl").exists(), reason="no shared dev set")
def test_cli_evaluate_equals_dev_scorer_on_dev_set(tmp_path: Path, geonews_cmd: list[str]) -> None:
    """`geonews evaluate` prints exactly what extract | to_gold.py | score.py prints."""
    gold, articles = DEV / "bbc-gold.jsonl", DEV / "bbc-articles.jsonl"
    pred = tmp_path / "pred.jsonl"

    def run(cmd: list[str], stdin: str | None = None) -> str:
        return subprocess.run(cmd, input=stdin, capture_output=True, text=True, check=True).stdout

    out = run([*geonews_cmd, "extract", str(articles), "--format", "jsonl"])
    pred.write_text(run([sys.executable, str(TO_GOLD_PY)], out), encoding="utf-8")
    ref = run([sys.executable, str(SCORE_PY), str(gold), str(pred)])
    assert run([*geonews_cmd, "evaluate", str(gold), str(articles)]) == ref
