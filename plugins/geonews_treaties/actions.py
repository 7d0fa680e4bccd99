"""What happens to an agreement: the action word governing a mention.

The action is read from the words just before a mention ("signed the", "withdraw from the",
"talks on a") or just after it ("... signed between", "... was ratified", "... came into force").
"""

from __future__ import annotations

import regex

__all__ = ["ACTION_AFTER", "MODIFIER_ACTIONS", "action_around"]

_VERBS: dict[str, str] = {
    # sign
    "sign": "sign", "signs": "sign", "signed": "sign", "signing": "sign", "signature": "sign",
    "ink": "sign", "inked": "sign", "inks": "sign", "inking": "sign",
    "conclude": "sign", "concluded": "sign", "concludes": "sign", "concluding": "sign",
    "seal": "sign", "sealed": "sign", "seals": "sign", "sealing": "sign",
    "strike": "sign", "struck": "sign", "strikes": "sign", "striking": "sign",
    "reach": "sign", "reached": "sign", "reaches": "sign", "reaching": "sign",
    "clinch": "sign", "clinched": "sign", "agree": "sign", "agreed": "sign", "agrees": "sign",
    "announce": "sign", "announced": "sign", "announces": "sign", "secured": "sign", "secure": "sign", "endorse": "sign", "endorsed": "sign",
    "adopt": "sign", "adopted": "sign", "forge": "sign", "forged": "sign",
    "accept": "sign", "accepted": "sign",
    # ratify
    "ratify": "ratify", "ratified": "ratify", "ratifies": "ratify", "ratifying": "ratify",
    "ratification": "ratify", "approve": "ratify", "approved": "ratify", "approves": "ratify",
    "approval": "ratify",
    # negotiate
    "negotiate": "negotiate", "negotiated": "negotiate", "negotiating": "negotiate",
    "negotiates": "negotiate", "negotiations": "negotiate", "talks": "negotiate",
    "broker": "negotiate", "brokered": "negotiate", "brokering": "negotiate",
    "renegotiate": "negotiate", "renegotiated": "negotiate", "renegotiation": "negotiate",
    "seeking": "negotiate", "seek": "negotiate", "seeks": "negotiate", "sought": "negotiate",
    "work": "negotiate", "working": "negotiate", "pursue": "negotiate", "pursuing": "negotiate",
    "hammer": "negotiate", "hammering": "negotiate", "discuss": "negotiate",
    "discussed": "negotiate", "discussing": "negotiate",
    # propose
    "propose": "propose", "proposed": "propose", "proposes": "propose", "proposing": "propose",
    "proposal": "propose", "draft": "propose", "drafted": "propose", "drafting": "propose",
    "offer": "propose", "offered": "propose", "offers": "propose", "unveil": "propose",
    "unveiled": "propose", "tabled": "propose", "planned": "propose", "plan": "propose",
    "plans": "propose",
    # implement
    "implement": "implement", "implemented": "implement", "implementing": "implement",
    "implementation": "implement", "enforce": "implement", "enforced": "implement",
    "enforcing": "implement", "comply": "implement", "complying": "implement",
    "compliance": "implement", "honour": "implement", "honor": "implement",
    "honoured": "implement", "honored": "implement", "apply": "implement",
    "applying": "implement", "observe": "implement", "observing": "implement",
    "uphold": "implement", "upheld": "implement",
    # violate
    "violate": "violate", "violated": "violate", "violates": "violate", "violating": "violate",
    "violation": "violate", "violations": "violate", "breach": "violate",
    "breached": "violate", "breaches": "violate", "breaching": "violate", "broke": "violate",
    "break": "violate", "breaking": "violate", "broken": "violate", "flout": "violate",
    "flouted": "violate", "flouting": "violate", "contravene": "violate",
    "contravened": "violate",
    # withdraw
    "withdraw": "withdraw", "withdrew": "withdraw", "withdrawn": "withdraw",
    "withdraws": "withdraw", "withdrawing": "withdraw", "withdrawal": "withdraw",
    "quit": "withdraw", "quits": "withdraw", "quitting": "withdraw", "leave": "withdraw",
    "leaving": "withdraw", "left": "withdraw", "exit": "withdraw", "exited": "withdraw",
    "abandon": "withdraw", "abandoned": "withdraw", "abandoning": "withdraw",
    "scrap": "withdraw", "scrapped": "withdraw", "scrapping": "withdraw",
    "terminate": "withdraw", "terminated": "withdraw", "suspend": "withdraw",
    "suspended": "withdraw", "suspending": "withdraw", "renounce": "withdraw",
    "renounced": "withdraw", "denounce": "withdraw", "denounced": "withdraw",
    "revoke": "withdraw", "revoked": "withdraw", "revokes": "withdraw", "cancel": "withdraw",
    "cancelled": "withdraw", "canceled": "withdraw", "annul": "withdraw", "annulled": "withdraw",
    "tear": "withdraw", "tore": "withdraw", "torn": "withdraw",
    "pull": "withdraw", "pulled": "withdraw", "pulling": "withdraw", "pulls": "withdraw",
    # reject
    "reject": "reject", "rejected": "reject", "rejects": "reject", "rejecting": "reject",
    "rejection": "reject", "refuse": "reject", "refused": "reject", "refusing": "reject",
    "oppose": "reject", "opposed": "reject", "opposes": "reject", "veto": "reject",
    "vetoed": "reject",
    # extend
    "extend": "extend", "extended": "extend", "extends": "extend", "extending": "extend",
    "extension": "extend", "renew": "extend", "renewed": "extend", "renews": "extend",
    "renewal": "extend", "renewing": "extend", "prolong": "extend", "prolonged": "extend",
    # other: join / accede
    "committed": "implement", "commitment": "implement",
    "opted": "withdraw", "opt": "withdraw", "opting": "withdraw",
    "rejoin": "other", "rejoined": "other", "rejoins": "other", "re-join": "other",
    "re-joined": "other", "join": "other", "joined": "other", "joins": "other", "joining": "other",
    "accede": "other", "acceded": "other", "accession": "other",
}  # fmt: skip

_VERB_ALT = "|".join(sorted(_VERBS, key=len, reverse=True))
_DETS = frozenset("the a an this that its their his her our any another new".split())
_PRE_MODS = frozenset(
    "new proposed draft landmark historic planned controversial so-called".split()
)
_PARTS = frozenset("part parts section sections article articles element elements".split())
_PARTS |= frozenset("provision provisions terms".split())
_PARTICLES = frozenset("up out off on to from of for over with into".split())
_PARTICLE_PAIRS = frozenset({("out", "of"), ("away", "from"), ("up", "to")})
_WORD = regex.compile(r"[\p{L}][\p{L}'’.-]{0,30}|\S")


def _verb_before(words: list[str]) -> int | None:
    """The index of the governing word in ``words`` (the words right before a mention):
    "signed | the", "pulled out of | the", "opted out of part of | the", "talks on | a"."""
    i = len(words) - 1
    if i >= 1 and words[i].lower() in _PRE_MODS and words[i - 1].lower() in _DETS:
        i -= 1
    if i >= 0 and (
        words[i].lower() in _DETS or (words[i][:1].isupper() and words[i].endswith(("'s", "’s")))
    ):
        i -= 1
    if i >= 1 and words[i].lower() == "of" and words[i - 1].lower() in _PARTS:
        i -= 2
    if i >= 1 and (words[i - 1].lower(), words[i].lower()) in _PARTICLE_PAIRS:
        i -= 2
    elif i >= 0 and words[i].lower() in _PARTICLES:
        i -= 1
    return i if i >= 0 else None


# "... signed between", "... was ratified", "..., which was signed", "... came into force"
ACTION_AFTER = regex.compile(
    rf"^\s*,?\s*(?:(?:which|that)\s+)?(?:(?:was|were|is|are|has|have|had|will|would|could|"
    rf"may|might|must|should|be|been|being|to\s+be|not|now|also|already|finally|formally|officially|"
    rf"recently|just)\s+){{0,3}}(?P<verb>{_VERB_ALT}|came\s+into\s+force|comes\s+into\s+force|"
    rf"entered\s+into\s+force|enters\s+into\s+force|took\s+effect|takes\s+effect|expired?|"
    rf"came\s+into\s+effect|comes\s+into\s+effect|in\s+abeyance|"
    rf"expires|collapsed?|lapsed?)(?![\w-])",
    regex.IGNORECASE,
)
_AFTER_SPECIAL = {
    "came into force": "implement",
    "comes into force": "implement",
    "entered into force": "implement",
    "enters into force": "implement",
    "took effect": "implement",
    "came into effect": "implement",
    "comes into effect": "implement",
    "in abeyance": "withdraw",
    "takes effect": "implement",
    "expire": "other",
    "expired": "other",
    "expires": "other",
    "collapse": "violate",
    "collapsed": "violate",
    "lapse": "other",
    "lapsed": "other",
}
# modifiers inside a generic mention that carry an action ("the proposed deal")
MODIFIER_ACTIONS = {
    "proposed": "propose",
    "draft": "propose",
    "planned": "propose",
    "mooted": "propose",
    "signed": "sign",
    "ratified": "ratify",
}
# verbs after a mention that are too generic to count ("the agreement said ...")
_WEAK_AFTER = frozenset({"agree", "agreed", "agrees", "work", "working", "plan", "plans", "left"})
_NO_DET_BEFORE = frozenset({"left", "work", "working", "plan", "plans", "talks", "agree"})


def action_around(
    text: str, start: int, end: int, sent_start: int, sent_end: int
) -> tuple[str | None, int | None]:
    """The action governing the mention ``text[start:end]`` in its sentence, or None; and where
    a governing verb before the mention starts (its subject lies before it), or None.
    """
    lo = max(sent_start, start - 60)
    toks = list(_WORD.finditer(text, lo, start))
    # only the words joined by plain spaces right before the mention count
    k = len(toks)
    while (
        k > 0 and text[toks[k - 1].end() : (toks[k].start() if k < len(toks) else start)].isspace()
    ):
        k -= 1
    words = [t.group() for t in toks[k:]]
    i = _verb_before(words)
    if i is not None:
        verb = words[i].lower()
        if verb in _VERBS and (verb not in _NO_DET_BEFORE or i < len(words) - 1):
            return _VERBS[verb], toks[k + i].start()
    after = text[end : min(sent_end, end + 60)]
    m = ACTION_AFTER.match(after)
    if m is not None:
        verb = " ".join(m.group("verb").lower().split())
        if verb in _AFTER_SPECIAL:
            return _AFTER_SPECIAL[verb], None
        if verb not in _WEAK_AFTER:
            return _VERBS.get(verb), None
    return None, None
