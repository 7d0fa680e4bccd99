"""Precision and recall of the treaties plugin on a set of hand-written wire-style passages.

``tests/data/treaty_passages.jsonl``: one passage a line with the entities an entities plugin
would report and the gold agreements (name, type, parties, action); negatives have none.
Run ``python tests/treaty_eval.py`` for the error listing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from geonews_treaties.gazetteer import TYPES
from treaty_eval import HELDOUT, PASSAGES, evaluate, load_passages, same_agreement

ACTIONS: set[str | None] = {"sign", "ratify", "negotiate", "propose", "implement", "violate"}
ACTIONS |= {"withdraw", "reject", "extend", "other", None}


@pytest.mark.parametrize(("path", "least"), [(PASSAGES, 120), (HELDOUT, 40)])
def test_passage_set_is_well_formed(path: Path, least: int) -> None:
    passages = load_passages(path)
    assert len(passages) >= least
    positives = [p for p in passages if p["gold"]]
    assert len(positives) >= least // 2 and len(passages) - len(positives) >= least // 3
    ids = set()
    for p in passages:
        assert p["id"] not in ids
        ids.add(p["id"])
        known = {e["id"] for e in p["entities"]}
        for e in p["entities"]:
            for s, t in e["mentions"]:
                assert 0 <= s < t <= len(p["text"])
        for g in p["gold"]:
            assert g["text"] in p["text"]
            assert g["type"] in TYPES
            assert g["action"] in ACTIONS
            assert set(g["parties"]) <= known


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    return evaluate(load_passages())


def test_detection_floor(scores: dict[str, Any]) -> None:
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.93, scores
    assert scores["f1"] >= 0.95, scores


def test_attribute_floors(scores: dict[str, Any]) -> None:
    assert scores["parties_f1"] >= 0.88, scores
    assert scores["type_accuracy"] >= 0.95, scores
    assert scores["action_accuracy"] >= 0.9, scores


def test_heldout_floor() -> None:
    res = evaluate(load_passages(HELDOUT))
    assert res["f1"] >= 0.9, res
    assert res["parties_f1"] >= 0.85, res


@pytest.mark.parametrize(
    ("gold", "pred", "same"),
    [
        ("Kyoto Protocol", "the Kyoto Protocol", True),
        ("a deal to suspend debt repayments", "a deal", True),
        ("the ceasefire agreement", "a peace treaty", False),
    ],
)
def test_matching_rule(gold: str, pred: str, same: bool) -> None:
    assert same_agreement(gold, pred) is same


def test_data_file_is_in_tests() -> None:
    assert PASSAGES.parent.name == "data" and PASSAGES.exists()
