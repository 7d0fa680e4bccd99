"""Measure extractions against hand annotations in the gold schema (see ``docs/evaluation.md``).

A gold file is JSONL, one object per article keyed by ``doc``, with one list per field:
``money``, ``percentages``, ``quotes``, ``treaties`` (lists of objects) and ``persons``,
``countries`` (lists of strings). :func:`to_gold` turns a result (the ``geonews.result/1``
contract) into the same schema; :func:`score` compares the two with greedy one-to-one matching
and micro-averaged precision, recall and F1 per field; :func:`format_scores` prints the table.

Plugins add their own kinds with a module attribute ``EVAL_MATCHERS``: a mapping from a claim
or entity kind to an :class:`EvalSpec` (or a dict with the same keys).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from attrs import frozen

__all__ = [
    "BUILTIN_FIELDS",
    "EvalSpec",
    "Field",
    "format_scores",
    "load_gold",
    "score",
    "specs_from_plugins",
    "to_gold",
]

Item = Any  # one gold item: a dict (claims) or a string (entity names and codes)
Record = dict[str, Any]
Matcher = Callable[[Item, Item], bool]

DOLLARS = frozenset(
    {"$", "USD", "AUD", "CAD", "NZD", "HKD", "SGD", "TWD", "FJD", "ZWD", "LRD", "BSD", "XCD"}
    | {"JMD", "TTD", "BND"}
)

_QUOTES = re.compile(r"[\"'\u2018\u2019\u201c\u201d\u00ab\u00bb]")
_PUNCT = re.compile(r"[^\w\s]")


def norm(s: str | None) -> str:
    """Lower case, quotation marks removed, other punctuation made a space, spaces collapsed."""
    s = (s or "").lower()
    s = _QUOTES.sub("", s)
    s = _PUNCT.sub(" ", s)
    return " ".join(s.split())


def greedy(
    gold: list[Item], pred: list[Item], match: Matcher
) -> tuple[int, int, int, list[tuple[Item, Item]]]:
    """Match each gold item to the first unused prediction it matches: (tp, fp, fn, pairs)."""
    used: set[int] = set()
    pairs: list[tuple[Item, Item]] = []
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and match(g, p):
                used.add(j)
                pairs.append((g, p))
                break
    tp = len(pairs)
    return tp, len(pred) - tp, len(gold) - tp, pairs


def _close(a: Any, b: Any) -> bool:
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= 0.01 * max(abs(x), 1.0)


def money_value(g: Item, p: Item) -> bool:
    """Amounts agree within 1%."""
    return _close(g.get("amount"), p.get("amount"))


def money_full(g: Item, p: Item) -> bool:
    """Amounts agree and so do currencies; a gold bare "$" accepts any dollar currency."""
    if not money_value(g, p):
        return False
    gc, pc = g.get("currency"), p.get("currency")
    if gc == "$":
        return pc in DOLLARS
    return bool(gc == pc)


def percentage(g: Item, p: Item) -> bool:
    """Same value and the same ``points`` flag."""
    try:
        ok = abs(float(g["value"]) - float(p["value"])) < 1e-6
    except (TypeError, ValueError, KeyError):
        return False
    return ok and bool(g.get("points")) == bool(p.get("points"))


def quote_text(g: Item, p: Item) -> bool:
    """The prediction starts with the gold's first 40 normalised characters, or one contains
    the other (the prediction only when it has at least 20 characters)."""
    gt, pt = norm(g.get("text")), norm(p.get("text"))
    if not gt or not pt:
        return False
    head = gt[: min(len(gt), 40)]
    return pt.startswith(head) or gt in pt or (len(pt) >= 20 and pt in gt)


_SPEAKER_STOP = frozenset({"a", "an", "the", "of", "for", "said", "says", "mr", "ms", "mrs", "dr"})


def same_speaker(gs: str | None, ps: str | None) -> bool:
    """Speakers agree: "?" in gold is not judged; named people must share the surname; a
    descriptive phrase ("a police spokesman") needs one shared content word."""
    if gs == "?":
        return True
    if not gs:
        return not ps
    if not ps:
        return False
    g, p = norm(gs).split(), norm(ps).split()
    if not g or not p:
        return False
    if g == p or g[-1] == p[-1]:
        return True
    return bool((set(g) - _SPEAKER_STOP) & (set(p) - _SPEAKER_STOP)) and not gs[:1].isupper()


def quote_speaker(g: Item, p: Item) -> bool:
    return quote_text(g, p) and same_speaker(g.get("speaker"), p.get("speaker"))


_TREATY_STOP = frozenset(
    {"a", "an", "the", "of", "on", "and", "for", "to", "in", "between", "with"}
)


def treaty_text(g: Item, p: Item) -> bool:
    """Content words overlap by half (Jaccard >= 0.5) or one set contains the other."""
    gt = set(norm(g.get("text")).split()) - _TREATY_STOP
    pt = set(norm(p.get("text")).split()) - _TREATY_STOP
    if not gt or not pt:
        return False
    return len(gt & pt) / len(gt | pt) >= 0.5 or gt <= pt or pt <= gt


def person(g: Item, p: Item) -> bool:
    """Same surname, and the same first name when both have one."""
    gw, pw = norm(g).split(), norm(p).split()
    if not gw or not pw:
        return False
    if gw == pw:
        return True
    if gw[-1] != pw[-1]:
        return False
    return len(gw) == 1 or len(pw) == 1 or gw[0] == pw[0]


def exact(g: Item, p: Item) -> bool:
    return bool(g == p)


def text_overlap(g: Item, p: Item) -> bool:
    """The default for plugin claim kinds: one normalised text contains the other."""
    gt, pt = norm(g.get("text")), norm(p.get("text"))
    return bool(gt and pt) and (gt in pt or pt in gt)


def name_match(g: Item, p: Item) -> bool:
    """The default for plugin entity kinds: equal once normalised."""
    return bool(norm(g)) and norm(g) == norm(p)


@frozen
class Field:
    """One scored row: a label, the gold record key it reads, how items match, and whether the
    lists are compared as sets of distinct values (entity names and codes)."""

    label: str
    key: str
    match: Matcher
    distinct: bool = False


BUILTIN_FIELDS: tuple[Field, ...] = (
    Field("money (value+currency)", "money", money_full),
    Field("money (value only)", "money", money_value),
    Field("percentages", "percentages", percentage),
    Field("quotes (detected)", "quotes", quote_text),
    Field("quotes (with speaker)", "quotes", quote_speaker),
    Field("treaties (detected)", "treaties", treaty_text),
    Field("persons", "persons", person, distinct=True),
    Field("countries", "countries", exact, distinct=True),
)


@frozen
class EvalSpec:
    """How a plugin's kind is evaluated.

    :param key: the gold record key holding the kind's items (e.g. ``"casualties"``).
    :param fields: value fields that must agree for a claim to match (numbers within 1%,
        other values equal); the claim texts must also overlap (one contains the other).
    :param match: a custom ``match(gold_item, predicted_item) -> bool`` replacing the above.
    :param entity: the kind is an entity kind: items are the distinct names (or codes).
    :param label: the row label (default: ``key``).
    """

    key: str
    fields: tuple[str, ...] = ()
    match: Matcher | None = None
    entity: bool = False
    label: str | None = None

    def matcher(self) -> Matcher:
        if self.match is not None:
            return self.match
        if self.entity:
            return name_match
        keys = self.fields

        def match(g: Item, p: Item) -> bool:
            if not text_overlap(g, p):
                return False
            for k in keys:
                a, b = g.get(k), p.get(k)
                if isinstance(a, int | float) and not isinstance(a, bool):
                    if not _close(a, b):
                        return False
                elif a != b:
                    return False
            return True

        return match

    def field(self) -> Field:
        return Field(self.label or self.key, self.key, self.matcher(), distinct=self.entity)


def _spec(value: EvalSpec | Mapping[str, Any]) -> EvalSpec:
    if isinstance(value, EvalSpec):
        return value
    if isinstance(value, Mapping):
        args = dict(value)
        if "fields" in args:
            args["fields"] = tuple(args["fields"])
        return EvalSpec(**args)
    raise TypeError(f"EVAL_MATCHERS values must be EvalSpec or dict, not {type(value).__name__}")


def specs_from_plugins(plugins: Iterable[object]) -> dict[str, EvalSpec]:
    """Collect ``EVAL_MATCHERS`` from plugin objects: {kind: EvalSpec}."""
    out: dict[str, EvalSpec] = {}
    for plugin in plugins:
        declared = getattr(plugin, "EVAL_MATCHERS", None)
        if not isinstance(declared, Mapping):
            continue
        for kind, value in declared.items():
            out[str(kind)] = _spec(value)
    return out


def to_gold(result: Mapping[str, Any], specs: Mapping[str, EvalSpec] | None = None) -> Record:
    """Convert one result (``geonews.result/1`` as a dict) into the gold schema."""
    ents: dict[str, Mapping[str, Any]] = {e["id"]: e for e in result.get("entities", [])}

    def ename(eid: Any) -> Any:
        e = ents.get(eid)
        if e is None:
            return eid if isinstance(eid, str) else None
        return e.get("code") or e.get("name")

    out: Record = {
        "doc": result["article"]["id"],
        "money": [],
        "percentages": [],
        "quotes": [],
        "treaties": [],
        "persons": sorted({e["name"] for e in ents.values() if e.get("kind") == "person"}),
        "countries": sorted(
            {e["code"] for e in ents.values() if e.get("kind") == "country" and e.get("code")}
        ),
    }
    specs = specs or {}
    for kind, spec in specs.items():
        if spec.entity:
            out[spec.key] = sorted(
                {e.get("code") or e["name"] for e in ents.values() if e.get("kind") == kind}
            )
        else:
            out.setdefault(spec.key, [])
    for c in result.get("claims", []):
        v = c.get("value") or {}
        k = c.get("kind")
        if k == "money":
            out["money"].append(
                {
                    "text": c.get("text"),
                    "amount": v.get("amount"),
                    "currency": v.get("currency"),
                    "amount_max": v.get("amount_max"),
                }
            )
        elif k == "percentage":
            out["percentages"].append(
                {"text": c.get("text"), "value": v.get("value"), "points": bool(v.get("points"))}
            )
        elif k == "quote":
            sp = v.get("speaker")
            name = None
            if sp is not None:
                e = ents.get(sp)
                name = e.get("name") if e else (sp if isinstance(sp, str) else None)
            out["quotes"].append(
                {"text": v.get("quote") or c.get("text"), "speaker": name or v.get("speaker_text")}
            )
        elif k == "treaty":
            out["treaties"].append(
                {
                    "text": v.get("name") or c.get("text"),
                    "type": v.get("type"),
                    "parties": [p for p in (ename(x) for x in v.get("parties") or []) if p],
                    "action": v.get("action"),
                }
            )
        elif k in specs and not specs[k].entity:
            out[specs[k].key].append({"text": c.get("text"), **v})
    return out


def load_gold(path: str | Path) -> dict[str, Record]:
    """Read a JSONL file in the gold schema: {doc: record}."""
    out: dict[str, Record] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                d = json.loads(line)
                out[str(d["doc"])] = d
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else (1.0 if not fn else 0.0)
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _field_scores(gold: Mapping[str, Record], pred: Mapping[str, Record], fld: Field) -> Record:
    tp = fp = fn = 0
    for doc, g in gold.items():
        p = pred.get(doc, {})
        gl, pl = list(g.get(fld.key) or []), list(p.get(fld.key) or [])
        if fld.distinct:
            gl, pl = sorted(set(gl)), sorted(set(pl))
        a, b, c, _ = greedy(gl, pl, fld.match)
        tp, fp, fn = tp + a, fp + b, fn + c
    return dict(
        zip(("precision", "recall", "f1"), prf(tp, fp, fn), strict=True), tp=tp, fp=fp, fn=fn
    )


def score(
    gold: Mapping[str, Record],
    pred: Mapping[str, Record],
    extra: Iterable[Field] = (),
) -> dict[str, Record]:
    """Scores per field label: precision, recall, f1, tp, fp, fn (micro-averaged over the gold
    documents), then two accuracy rows: quote speakers and treaty parties among matched items.
    ``extra`` fields (from plugins) are scored when the gold set has their key."""
    res: dict[str, Record] = {}
    for fld in BUILTIN_FIELDS:
        res[fld.label] = _field_scores(gold, pred, fld)
    for fld in extra:
        if any(fld.key in g for g in gold.values()):
            res[fld.label] = _field_scores(gold, pred, fld)

    ok = 0.0
    n = 0
    want = sum(
        1
        for g in gold.values()
        for q in g.get("quotes") or []
        if q.get("speaker") not in (None, "", "?")
    )
    for doc, g in gold.items():
        p = pred.get(doc, {})
        _, _, _, pairs = greedy(
            list(g.get("quotes") or []), list(p.get("quotes") or []), quote_text
        )
        for gq, pq in pairs:
            if gq.get("speaker") not in (None, "", "?"):
                n += 1
                ok += same_speaker(gq.get("speaker"), pq.get("speaker"))
    res["speaker accuracy (detected quotes)"] = {
        "accuracy": ok / n if n else float(not want),
        "n": n,
    }

    ok = 0.0
    n = 0
    want = sum(len(g.get("treaties") or []) for g in gold.values())
    for doc, g in gold.items():
        p = pred.get(doc, {})
        gl, pl = list(g.get("treaties") or []), list(p.get("treaties") or [])
        _, _, _, pairs = greedy(gl, pl, treaty_text)
        for gt, pt in pairs:
            n += 1
            a = {x.upper() for x in gt.get("parties") or []}
            b = {x.upper() for x in pt.get("parties") or []}
            ok += prf(len(a & b), len(b - a), len(a - b))[2] if (a or b) else 1.0
    res["treaty parties F1 (detected treaties)"] = {
        "accuracy": ok / n if n else float(not want),
        "n": n,
    }
    return res


def format_scores(
    scores: Mapping[str, Record], gold: Mapping[str, Record], pred: Mapping[str, Record]
) -> str:
    """The table ``geonews evaluate`` prints (the same layout as the dev set's ``score.py``)."""
    missing = sum(1 for d in gold if d not in pred)
    lines = [
        f"docs: {len(gold)} gold, {len(pred)} predicted, {missing} gold docs without prediction",
        f"{'field':40} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}",
    ]
    for label, r in scores.items():
        if "f1" in r:
            lines.append(
                f"{label:40} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
                f"{r['tp']:5d} {r['fp']:5d} {r['fn']:5d}"
            )
        else:
            lines.append(f"{label:40} {'':6} {'':6} {r['accuracy']:6.3f}  n={r['n']}")
    return "\n".join(lines)
