"""Word lists for attribution: cue verbs, titles, pronouns and descriptive speaker nouns.

Everything here is plain data plus the regex fragments built from it (compiled by the modules
that use them). Verb forms are listed explicitly, so no stemming guesses are made.
"""

from __future__ import annotations

__all__ = [
    "ANON_HEADS",
    "CUE_FORMS",
    "DESC_HEADS",
    "FEMALE",
    "INVERTIBLE_CUES",
    "LEADING_STOP",
    "MALE",
    "NAME_PARTICLES",
    "NON_PERSON",
    "ORG_HEADS",
    "ORG_WORDS",
    "PERSON_HEADS",
    "POSTNOMINALS",
    "PRONOUNS",
    "SCARE_BEFORE",
    "TITLES",
    "alternation",
    "canonical_cue",
]

# base form -> all forms. Phrasal cues ("point out") are listed with a space.
_CUES: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "add": ("add", "adds", "added", "adding"),
    "warn": ("warn", "warns", "warned", "warning"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "note": ("note", "notes", "noted", "noting"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "declare": ("declare", "declares", "declared", "declaring"),
    "point out": ("point out", "points out", "pointed out", "pointing out"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "continue": ("continue", "continues", "continued", "continuing"),
    "go on": ("go on", "goes on", "went on", "going on"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "agree": ("agree", "agrees", "agreed", "agreeing"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "ask": ("ask", "asks", "asked", "asking"),
    "answer": ("answer", "answers", "answered", "answering"),
    "reply": ("reply", "replies", "replied", "replying"),
    "respond": ("respond", "responds", "responded", "responding"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "describe": ("describe", "describes", "described", "describing"),
    "call": ("call", "calls", "called", "calling"),
    "brand": ("brand", "brands", "branded", "branding"),
    "dismiss": ("dismiss", "dismisses", "dismissed", "dismissing"),
    "accuse": ("accuse", "accuses", "accused", "accusing"),
    "attack": ("attack", "attacks", "attacked", "attacking"),
    "urge": ("urge", "urges", "urged", "urging"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "maintain": ("maintain", "maintains", "maintained", "maintaining"),
    "concede": ("concede", "concedes", "conceded", "conceding"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "deny": ("deny", "denies", "denied", "denying"),
    "emphasise": (
        "emphasise",
        "emphasises",
        "emphasised",
        "emphasising",
        "emphasize",
        "emphasizes",
        "emphasized",
        "emphasizing",
    ),
    "observe": ("observe", "observes", "observed", "observing"),
    "remark": ("remarked",),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "recall": ("recall", "recalls", "recalled", "recalling"),
    "complain": ("complain", "complains", "complained", "complaining"),
    "comment": ("commented",),
    "caution": ("caution", "cautions", "cautioned", "cautioning"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "promise": ("promise", "promises", "promised", "promising"),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "proclaim": ("proclaim", "proclaims", "proclaimed", "proclaiming"),
    "counter": ("counter", "counters", "countered", "countering"),
    "conclude": ("conclude", "concludes", "concluded", "concluding"),
    "state": ("stated",),
    "report": ("reported",),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "joke": ("joke", "jokes", "joked", "joking"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "shout": ("shout", "shouts", "shouted", "shouting"),
    "insist on": ("insist on",),
    "assert": ("assert", "asserts", "asserted", "asserting"),
    "contend": ("contend", "contends", "contended", "contending"),
    "reiterate": ("reiterate", "reiterates", "reiterated", "reiterating"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "condemn": ("condemn", "condemns", "condemned", "condemning"),
    "criticise": (
        "criticise",
        "criticises",
        "criticised",
        "criticising",
        "criticize",
        "criticizes",
        "criticized",
        "criticizing",
    ),
    "welcome": ("welcome", "welcomes", "welcomed", "welcoming"),
    "believe": ("believe", "believes", "believed"),
    "think": ("think", "thinks", "thought"),
    "reveal": ("reveal", "reveals", "revealed", "revealing"),
    "hope": ("hope", "hopes", "hoped"),
    "fear": ("fear", "fears", "feared"),
    "estimate": ("estimated",),
    "forecast": ("forecast", "forecasts", "forecasted"),
    "label": ("label", "labels", "labelled", "labeled"),
    "hail": ("hail", "hails", "hailed"),
    "blame": ("blame", "blames", "blamed"),
    "demand": ("demand", "demands", "demanded"),
    "reject": ("reject", "rejects", "rejected"),
    "express": ("express", "expresses", "expressed"),
    "find": ("found", "finds"),
    "confess": ("confess", "confesses", "confessed"),
}

# Cues that may come before their subject after a quote: '"...," said Mr Thomas'.
INVERTIBLE_CUES: tuple[str, ...] = (
    "said",
    "says",
    "added",
    "adds",
    "told",
    "tells",
    "warned",
    "warns",
    "asked",
    "asks",
    "explained",
    "explains",
    "insisted",
    "insists",
    "continued",
    "continues",
    "argued",
    "argues",
    "noted",
    "notes",
    "stressed",
    "declared",
    "replied",
    "wrote",
    "writes",
    "claimed",
    "claims",
    "concluded",
    "remarked",
    "observed",
    "admitted",
)

CUE_FORMS: dict[str, str] = {form: base for base, forms in _CUES.items() for form in forms}


def _canonical(form: str) -> str:
    return " ".join(form.lower().split())


if any(_canonical(f) != f for f in CUE_FORMS):
    raise ValueError("every cue form must be lowercase, with single spaces")


def canonical_cue(form: str) -> str:
    """The cue as written, lower-cased and with single spaces ("Pointed  out" -> "pointed out").
    A cue is nearly always written as one of the forms, which are their own canonical form."""
    return form if form in CUE_FORMS else _canonical(form)


TITLES: tuple[str, ...] = (
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Dr",
    "Prof",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Rev",
    "Gen",
    "General",
    "Col",
    "Colonel",
    "Capt",
    "Captain",
    "Sen",
    "Senator",
    "Rep",
    "Gov",
    "Governor",
    "President",
    "Premier",
    "Chancellor",
    "Judge",
    "Justice",
    "Cardinal",
    "Archbishop",
    "Bishop",
    "Father",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Sheikh",
    "Mayor",
    "Minister",
    "Secretary",
)

MALE = frozenset({"mr", "sir", "lord", "baron", "king", "prince", "father", "he", "him", "his"})
FEMALE = frozenset(
    {"mrs", "ms", "miss", "dame", "lady", "baroness", "queen", "princess", "she", "her"}
)

PRONOUNS: tuple[str, ...] = ("he", "she", "they", "it", "we", "I")

NAME_PARTICLES: tuple[str, ...] = (
    "de",
    "del",
    "della",
    "da",
    "dos",
    "du",
    "van",
    "von",
    "der",
    "den",
    "bin",
    "ibn",
    "al",
    "el",
    "la",
    "le",
    "St",
)

# Capitalised words that start a sentence but are never part of a speaker's name.
LEADING_STOP = frozenset(
    """a an the but and or so yet however meanwhile earlier later yesterday today tomorrow
    last this that these those there here in on at of for from with by as after before when
    while although though if since because also then now still speaking writing asked asked
    instead indeed finally further furthermore moreover nevertheless separately elsewhere
    according both either neither one some many most few several other another such
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december his her their its our my your
    it he she they we i you mr mrs ms dr""".split()
)

# Nouns that head a descriptive speaker phrase: "a police spokesman", "the foreign minister".
DESC_HEADS: tuple[str, ...] = (
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "official",
    "officials",
    "minister",
    "ministers",
    "secretary",
    "source",
    "sources",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "economist",
    "economists",
    "diplomat",
    "diplomats",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "statement",
    "report",
    "study",
    "survey",
    "ministry",
    "department",
    "government",
    "committee",
    "commission",
    "council",
    "company",
    "firm",
    "bank",
    "group",
    "agency",
    "party",
    "union",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "director",
    "executive",
    "president",
    "leader",
    "leaders",
    "head",
    "boss",
    "manager",
    "member",
    "members",
    "MP",
    "MPs",
    "MEP",
    "MEPs",
    "lawmaker",
    "lawmakers",
    "senator",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "police",
    "officer",
    "officers",
    "lawyer",
    "lawyers",
    "judge",
    "campaigner",
    "campaigners",
    "critic",
    "critics",
    "observer",
    "observers",
    "insider",
    "insiders",
    "guidance",
    "watchdog",
    "regulator",
    "prosecutor",
    "prosecutors",
    "mother",
    "father",
    "woman",
    "man",
    "researcher",
    "researchers",
    "professor",
    "academic",
    "commentator",
    "correspondent",
    "editor",
    "newspaper",
    "paper",
    "chancellor",
    "governor",
    "mayor",
    "ambassador",
    "envoy",
    "general",
    "commander",
    "unions",
    "employers",
    "tories",
    "opposition",
    "cardinal",
    "archbishop",
    "bishop",
    "prince",
    "correspondent",
    "reporter",
)

# Words right before a quoted term that mark it as a term, name or title, not speech.
SCARE_BEFORE: tuple[str, ...] = (
    "so-called",
    "so called",
    "dubbed",
    "nicknamed",
    "known as",
    "coined the phrase",
    "coined the term",
    "the phrase",
    "the term",
    "the word",
    "the words",
    "titled",
    "entitled",
    "the slogan",
    "slogan",
    "the film",
    "the book",
    "the song",
    "the album",
    "the show",
    "the programme",
    "the play",
    "the novel",
    "means",
    "meaning",
    "the study",
    "the report",
    "the documentary",
    "the campaign",
    "the motto",
    "the headline",
    "the banner",
    "the article",
    "the column",
    "the series",
    "the policy",
    "the scheme",
    "the programme",
    "the operation",
)


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal (non-empty) words that tries, at any position, the words
    that match there longest first; spaces match any whitespace. Under ``(?i)``, the words must
    be lowercase ASCII (so that the words matching at a position still share their first
    character).

    The words are grouped by their first character, as in ``s(?:aid|ays)|w(?:arned|rote)``:
    both ``re`` and ``regex`` then test each group's first character once, not every word's,
    which is far faster for many words. It tries the same words in the same order as
    ``said|says|...`` sorted longest first: the words that match at one position all start
    with the character there, so they are in one group, and each group is sorted longest
    first."""
    import regex

    def escape(w: str) -> str:
        return regex.escape(w).replace(r"\ ", r"\s+")

    groups: dict[str, list[str]] = {}
    for w in set(words):
        groups.setdefault(w[0], []).append(w[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        body = "|".join(escape(r) for r in sorted(rests, key=lambda r: (-len(r), r)))
        parts.append(escape(first) + (f"(?:{body})" if len(rests) > 1 else body))
    return "|".join(parts)


# Last words of organisation names: "Blackpool Hotel Association", "Home Office".
ORG_WORDS = frozenset(
    """Association Party Committee Council Office Ministry Department Bank Commission Union
    Group Institute Institution Centre Center Company Corporation Corp Inc Ltd plc Agency
    Authority Organisation Organization Board Federation Confederation Chamber Chambers
    Society University College Trust Foundation Fund Network Service Services Watch Forum
    Court Parliament Assembly Executive Government Treasury Police Army Navy Force Forces
    Airways Airlines Motors Holdings Industries Partnership Partnerships Alliance League
    Club Times Post Telegraph Guardian Journal News Herald Review Monitor BBC""".split()
)

# Words that never end or sit in a person's name.
NON_PERSON = ORG_WORDS | frozenset(
    """Radio TV Television Dem Dems Democrat Democrats Labour Tory Tories Conservative
    Conservatives Liberal Republican Republicans Year Day Week Cup Street Road Square House
    Hall Palace Link Programme Show Today Report Controls America Europe Africa Asia
    Kingdom States Middle East West North South Online Daily Sunday Weekly""".split()
)

# Trailing post-nominal letters that are not part of a surname: "Guy Mansfield QC".
POSTNOMINALS = frozenset("QC KC MP MEP MSP AM MLA Jr Jr. Sr Sr. OBE MBE CBE KBE PhD".split())

# Heads of descriptions that name one person's office: "the Tory leader", "the foreign
# secretary"; a definite description with one of them is resolved to the named holder.
PERSON_HEADS = frozenset(
    """leader secretary minister chancellor chairman chairwoman chair chief director
    executive president head boss governor mayor ambassador envoy general commander editor
    professor premier spokesman spokeswoman commissioner governor founder manager
    economist analyst adviser advisor candidate deputy cardinal archbishop bishop prince
    judge correspondent""".split()
)

# Heads of descriptions of unnamed speakers: "the spokesman" points back to "a Home Office
# spokesman", never to a named person found by recency.
ANON_HEADS = frozenset(
    "spokesman spokeswoman spokesperson official source aide insider witness".split()
)

# Heads of descriptions that stand for a named organisation: "the company", "the firm".
# ("the report", "the committee" stay descriptions: readers name them by the description.)
ORG_HEADS = frozenset(
    """company firm group bank carrier airline retailer maker giant operator producer insurer
    lender bidder""".split()
)
