"""Scoring helpers for the treaty passage set (``tests/data/treaty_passages.jsonl``)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import geonews_treaties

import geonews
from geonews import Article, Entity, Mention

PASSAGES = Path(__file__).parent / "data" / "treaty_passages.jsonl"
# written after the rules were tuned on PASSAGES, and scored once before any further change
HELDOUT = Path(__file__).parent / "data" / "treaty_passages_heldout.jsonl"
_STOP = {"a", "an", "the", "of", "on", "and", "for", "to", "in", "between", "with"}


def load_passages(path: Path = PASSAGES) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def build_entities(p: dict[str, Any]) -> list[Entity]:
    text = p["text"]
    return [
        Entity(
            kind=e["kind"],
            name=e["name"],
            code=e["code"],
            id=e["id"],
            mentions=[Mention(s, t, text[s:t]) for s, t in e["mentions"]],
        )
        for e in p["entities"]
    ]


class _Fixed:
    """A test plugin that returns a fixed entity list."""

    def __init__(self, entities: list[Entity]) -> None:
        self.entities = entities

    @geonews.hookimpl
    def extract_entities(self) -> list[Entity]:
        return self.entities


def run(p: dict[str, Any]) -> list[dict[str, Any]]:
    pipe = geonews.Pipeline(
        plugins=[_Fixed(build_entities(p)), geonews_treaties], load_entrypoints=False
    )
    result = pipe.extract(Article(text=p["text"], published="2024-05-02"))
    assert not result.errors, result.errors
    return [dict(c.value) for c in result.of_kind("treaty")]


def _words(s: str) -> set[str]:
    s = re.sub(r"[\"'\u2018\u2019\u201c\u201d]", "", s.lower())
    return set(re.sub(r"[^\w\s]", " ", s).split()) - _STOP


def same_agreement(gold: str, pred: str) -> bool:
    """The dev scorer's rule: half the words shared, or one name's words inside the other's."""
    g, p = _words(gold), _words(pred)
    if not g or not p:
        return False
    return len(g & p) / len(g | p) >= 0.5 or g <= p or p <= g


def _f1(gold: set[str], pred: set[str]) -> float:
    if not gold and not pred:
        return 1.0
    tp = len(gold & pred)
    if not tp:
        return 0.0
    prec, rec = tp / len(pred), tp / len(gold)
    return 2 * prec * rec / (prec + rec)


def evaluate(passages: list[dict[str, Any]]) -> dict[str, Any]:
    """Detection precision/recall/F1, parties F1, type and action accuracy on matched items."""
    tp = fp = fn = 0
    parties: list[float] = []
    types: list[bool] = []
    actions: list[bool] = []
    errors: list[str] = []
    for p in passages:
        preds = run(p)
        used: set[int] = set()
        for g in p["gold"]:
            hit = next(
                (
                    j
                    for j, x in enumerate(preds)
                    if j not in used and same_agreement(g["text"], x["name"])
                ),
                None,
            )
            if hit is None:
                fn += 1
                errors.append(f"FN {p['id']}: {g['text']!r}")
                continue
            used.add(hit)
            tp += 1
            x = preds[hit]
            parties.append(_f1(set(g["parties"]), set(x["parties"])))
            types.append(g["type"] == x["type"])
            actions.append(g["action"] == x["action"])
            if parties[-1] < 1 or not types[-1] or not actions[-1]:
                errors.append(
                    f"~  {p['id']}: {g['text']!r} parties {x['parties']} vs {g['parties']}, "
                    f"type {x['type']} vs {g['type']}, action {x['action']} vs {g['action']}"
                )
        for j, x in enumerate(preds):
            if j not in used:
                fp += 1
                errors.append(f"FP {p['id']}: {x['name']!r}")
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": prec,
        "recall": rec,
        "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
        "parties_f1": sum(parties) / len(parties) if parties else 1.0,
        "type_accuracy": sum(types) / len(types) if types else 1.0,
        "action_accuracy": sum(actions) / len(actions) if actions else 1.0,
        "errors": errors,
    }


if __name__ == "__main__":
    import sys

    res = evaluate(load_passages(HELDOUT if "--heldout" in sys.argv else PASSAGES))
    print("\n".join(res.pop("errors")))
    print(json.dumps(res, indent=1))
