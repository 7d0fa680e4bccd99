"""A plain-text summary of a result, for a person to read (used by ``geonews demo``)."""

from __future__ import annotations

from geonews.types import Claim, Result

__all__ = ["summarize"]


def _value(c: Claim, names: dict[str, str]) -> str:
    v = c.value
    if c.kind == "money":
        amt = v.get("amount")
        hi = v.get("amount_max")
        s = f"{amt:,.0f}" if isinstance(amt, int | float) and amt == int(amt) else f"{amt}"
        if hi is not None:
            s += f"-{hi:,.0f}" if isinstance(hi, int | float) else f"-{hi}"
        return f"{s} {v.get('currency')}"
    if c.kind == "percentage":
        return f"{v.get('value')}{' points' if v.get('points') else '%'}" + (
            f" ({v['direction']})" if v.get("direction") else ""
        )
    if c.kind == "treaty":
        parties = ", ".join(names.get(p, p) for p in v.get("parties") or [])
        return f"{v.get('type')}; parties: {parties or '-'}; action: {v.get('action')}"
    if c.kind == "quote":
        sp = v.get("speaker")
        who = names.get(sp, sp) if isinstance(sp, str) else None
        return f"speaker: {who or v.get('speaker_text') or 'unknown'}"
    return ", ".join(f"{k}={val}" for k, val in v.items() if not isinstance(val, dict | list))


def summarize(result: Result) -> str:
    """Render entities and claims as readable lines."""
    names = {e.id: e.name for e in result.entities}
    a = result.article
    lines = [f"Article {a.id or '-'}: {len(a.text):,} characters"]
    if a.authors:
        lines.append(f"  authors: {', '.join(a.authors)}")
    for s in result.skipped:
        preview = s.text[:60].replace("\n", " ")
        lines.append(f"  skipped {s.reason} [{s.start}:{s.end}] {preview!r}")
    lines.append("")
    lines.append(f"Entities ({len(result.entities)})")
    for e in result.entities:
        extra = ", ".join(f"{k}: {v}" for k, v in e.attributes.items())
        code = f" {e.code}" if e.code else ""
        lines.append(
            f"  {e.kind:13} {e.name}{code}  x{len(e.mentions)}" + (f"  ({extra})" if extra else "")
        )
    lines.append("")
    lines.append(f"Claims ({len(result.claims)})")
    for c in result.claims:
        text = c.text if len(c.text) <= 70 else c.text[:67] + "..."
        lines.append(f"  {c.id:4} {c.kind:11} [{c.start}:{c.end}] {text!r}")
        lines.append(f"       {_value(c, names)}")
        if c.time is not None:
            lines.append(f"       time: {c.time.text!r} -> {c.time.value}")
        if c.entities:
            lines.append(f"       about: {', '.join(names.get(x, x) for x in c.entities)}")
        if c.speaker:
            lines.append(f"       said by: {names.get(c.speaker, c.speaker)}")
    if result.errors:
        lines.append("")
        lines.append(f"Errors ({len(result.errors)})")
        for err in result.errors:
            lines.append(f"  {err.plugin} ({err.hook}): {err.message}")
    return "\n".join(lines)
