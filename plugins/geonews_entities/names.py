"""Word lists for person detection: given names, titles, role nouns, particles, stop words."""

from __future__ import annotations

from geonews_entities.data import read_lines

__all__ = [
    "FIRST_NAMES",
    "LEADING_WORDS",
    "PARTICLES",
    "ROLE_NOUNS",
    "STOP_WORDS",
    "TITLES",
]

FIRST_NAMES: frozenset[str] = frozenset(w for ln in read_lines("names.txt") for w in ln.split())

# Capitalised titles written before a name; the value is the role they give (None: no role).
TITLES: dict[str, str | None] = {
    "Mr": None,
    "Mr.": None,
    "Mrs": None,
    "Mrs.": None,
    "Ms": None,
    "Ms.": None,
    "Miss": None,
    "Dr": None,
    "Dr.": None,
    "Prof": "professor",
    "Prof.": "professor",
    "Professor": "professor",
    "Sir": None,
    "Dame": None,
    "Lord": "lord",
    "Lady": None,
    "Baroness": "baroness",
    "Baron": "baron",
    "Rev": "reverend",
    "Reverend": "reverend",
    "Father": "priest",
    "President": "president",
    "Vice-President": "vice-president",
    "Premier": "premier",
    "Chancellor": "chancellor",
    "Minister": "minister",
    "Secretary": "secretary",
    "Senator": "senator",
    "Sen.": "senator",
    "Sen": "senator",
    "Rep.": "representative",
    "Congressman": "congressman",
    "Congresswoman": "congresswoman",
    "Governor": "governor",
    "Gov.": "governor",
    "Mayor": "mayor",
    "General": "general",
    "Gen": "general",
    "Gen.": "general",
    "Colonel": "colonel",
    "Col": "colonel",
    "Col.": "colonel",
    "Major": "major",
    "Captain": "captain",
    "Capt": "captain",
    "Lieutenant": "lieutenant",
    "Admiral": "admiral",
    "Marshal": "marshal",
    "Sergeant": "sergeant",
    "Sgt": "sergeant",
    "Commander": "commander",
    "Judge": "judge",
    "Justice": "judge",
    "King": "king",
    "Queen": "queen",
    "Prince": "prince",
    "Princess": "princess",
    "Pope": "pope",
    "Emperor": "emperor",
    "Sheikh": "sheikh",
    "Emir": "emir",
    "Ayatollah": "ayatollah",
    "Imam": "imam",
    "Rabbi": "rabbi",
    "Cardinal": "cardinal",
    "Archbishop": "archbishop",
    "Bishop": "bishop",
    "Chairman": "chairman",
    "Chairwoman": "chairwoman",
    "Chief": None,
    "Speaker": "speaker",
    "Ambassador": "ambassador",
    "Envoy": "envoy",
    "Commissioner": "commissioner",
    "Inspector": "inspector",
    "Detective": "detective",
    "Constable": "constable",
    "Superintendent": "superintendent",
    "Coach": "coach",
    "Manager": "manager",
    "Director": "director",
    "Leader": "leader",
    "Deputy": None,
    "Foreign": None,
    "Prime": None,
    "Home": None,
    "Defence": None,
    "Defense": None,
    "Finance": None,
    "Trade": None,
    "Health": None,
    "Education": None,
    "Culture": None,
    "Shadow": None,
    "Interior": None,
    "Economy": None,
    "Energy": None,
    "Environment": None,
    "Transport": None,
    "Work": None,
    "Pensions": None,
    "Treasury": None,
    "Secretary-General": "secretary-general",
    "Director-General": "director-general",
    "Attorney-General": "attorney-general",
    "Governor-General": "governor-general",
    "Vice-Chancellor": "vice-chancellor",
    "Major-General": "major-general",
    "Lieutenant-General": "lieutenant-general",
    "Brigadier": "brigadier",
    "First": None,
    "Supreme": None,
    "Executive": None,
    "Attorney": None,
    "Solicitor": None,
    "Vice": None,
    "Acting": None,
    "Former": None,
    "Ex-": None,
    "Labour": None,
    "Tory": None,
    "Conservative": None,
    "Liberal": None,
    "Democrat": None,
    "Republican": None,
    "MP": "MP",
    "MEP": "MEP",
    "MSP": "MSP",
    "AM": None,
    "Lib": None,
    "Dem": None,
    "Democratic": None,
    "Sinn": None,
    "Fein": None,
    "Unionist": None,
    "Green": None,
    "Party": None,
    "Officer": None,
    "Spokesman": "spokesman",
    "Spokeswoman": "spokeswoman",
    "Analyst": "analyst",
    "Economist": "economist",
}

# Lowercase role nouns written before a name ("his Peruvian counterpart Ollanta Humala") or
# after it (", a spokesman for ...").
ROLE_NOUNS = (
    "president|vice-president|prime minister|foreign minister|finance minister|defence minister|"
    "defense minister|interior minister|trade minister|minister|secretary|chancellor|premier|"
    "counterpart|analyst|analysts|spokesman|spokeswoman|spokesperson|leader|commander|chairman|"
    "chairwoman|chair|chief executive|chief|boss|head|director|governor|ambassador|envoy|"
    "economist|expert|professor|lawyer|judge|king|queen|prince|general|mayor|senator|"
    "congressman|colleague|deputy|candidate|MP|MEP|MSP|AM|peer|founder|owner|editor|"
    "correspondent|reporter|author|writer|actor|actress|singer|star|coach|manager|player|"
    "striker|captain|officer|official|officials|adviser|advisor|aide|member|campaigner|"
    "activist|researcher|scientist|strategist|economist|banker|investor|dictator|ruler|"
    "monarch|emir|sheikh|cleric|bishop|archbishop|pope|diplomat|negotiator|presenter|"
    "broadcaster|columnist|historian|consultant|predecessor|successor|"
    "wife|husband|son|daughter|brother|sister|father|mother|widow"
)

PARTICLES = frozenset(
    "de da di del della der den van von bin ibn bint al el le la du dos das ter ten y abu ben".split()
)

# Sentence-initial words that are never the start of an organisation's name.
LEADING_WORDS: frozenset[str] = frozenset(
    """The A An And But Or So For In On At By To From Of As If When While Where After Before
    Since Although Though Because During Despite Under Over This That These Those There Here Then
    Now Today Tomorrow Yesterday Tonight It He She They We You I His Her Their Our Its Some Many
    Both Each Every No Not Last Next Meanwhile However Instead Earlier Later Following Asked Like
    Unlike Plus Only Also Even Still Yet Mr Mrs Ms Dr Sir Lord Lady January February March April
    May June July August September October November December Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday""".split()
)

# Capitalised words that never start (or, for the first group, never are) part of a name.
STOP_WORDS: frozenset[str] = frozenset(
    """
    The A An And But Or Nor So Yet For In On At By To From Of Off Up With Without Within Into
    Onto As If When While Whilst Where Why What Which Who Whom Whose How After Before Since Until
    Although Though Because During Despite Under Over Above Below Between Among Against Across
    Along Around About Through Throughout This That These Those There Here Then Now Today
    Tomorrow Yesterday Tonight It Its It's He She They We You I His Her Their Our Your My Me Him
    Them Us Some Any Many Much More Most Few All Both Each Every No Not Nothing None One Two
    Three Four Five Six Seven Eight Nine Ten Other Another Such Only Also Even Just Still Yes
    Instead However Meanwhile Moreover Furthermore Nevertheless Indeed Overall Earlier Later
    Last Next First Second Third New Old Recent Latest Following Asked Speaking Writing Says
    Said Saying Told According Like Unlike Plus Mrs Should Would Could Can Will May Might Must
    Shall Do Does Did Is Are Was Were Be Been Has Have Had Let Please Thank Thanks Dear Oh
    January February March April June July August September October November December Jan Feb
    Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday Christmas Easter Ramadan Eid Diwali Hanukkah God Allah Jesus Christ Internet Web
    Analysis Comment Update Live Breaking Exclusive Opinion Editorial Interview Review Feature
    News Report Reports Video Photo Photos Picture Pictures Watch Listen Read More Key Points
    Timeline Profile Q Factbox Background Explainer Bilateral Climate Talks Summit Conference
    Government Ministry Minister Parliament Commons House Senate Congress Cabinet Council Court
    Police Army Navy Air Force Forces Bank Treasury Party Union State States Republic Kingdom
    Committee Commission Agency Authority Office Department Centre Center Institute University
    College School Hospital Company Group Corporation Fund Foundation Trust Association Society
    Federation League Organisation Organization Alliance Movement Front Board Service Services
    Street Road Square Avenue Lane Bridge River Lake Sea Ocean Island Islands Mountains Valley
    North South East West Northern Southern Eastern Western Central Middle Upper Lower Greater
    National International Global World European Asian African Arab Atlantic Pacific Gulf
    Royal Federal Supreme High Low Social Economic Political Public Private General Special
    Labour Tory Tories Conservative Conservatives Liberal Democrat Democrats Republican
    Republicans Greens Socialist Socialism Communist Nationalist Unionist Independent
    Muslim Muslims Christian Christians Jewish Jews Islamic Catholic Protestant Sunni Shia
    Shiite Kurdish Kurds Hindu Sikh Buddhist English Latin Bolivarian Soviet Declaration
    Strategic Partnership Agreement Treaty Accord Act Protocol Convention Charter Deal
    Budget Plan Strategy Policy Programme Program Project Scheme Report Review Inquiry Survey
    Index Prize Award Cup Games Olympics Championship Festival Day Week Month Year Years Era
    Age War Wars Crisis Revolution Spring Summer Autumn Winter Times Post St Saint San Santa Los Las El Le La Journal Daily Sunday
    Mail Telegraph Guardian Independent Observer Herald Express Mirror Sun Star Tribune Globe
    Chronicle Gazette Press Agence Associated Radio Television TV Channel Online Digital Ltd
    Inc Plc PLC Corp Co Holdings Airways Airlines Energy Oil Gas Motors Bros Technologies
    Systems Networks Communications Media Entertainment Pictures Records Music Film Films
    Mr Ms Dr Sir Lord Lady Dame Baroness Prince Princess King Queen President Prime Chancellor
    Secretary Ambassador General Chief Deputy Vice Foreign Home Defence Justice Finance Trade
    MP MPs MEP MEPs Minister Ministers Officials Official Spokesman Spokeswoman Leader Leaders
    Chairman Director Executive Manager Governor Mayor Senator Judge Professor Captain Commander
    OK Okay Well Yeah Hello Sorry Mind Look See Get Go Come Make Take Give Keep Put Tell Ask
    Think Know Want Need Try Help Stop Start Show Find Turn Run Move Pay Buy Sell Hold Bring
    Meet Join Leave Set Call Hear Lose Win Build Cut Raise Back Down Out Away Again Never Always
    Often Already Almost Perhaps Maybe Rather Quite Very Too Less Least Best Better Worse Worst
    Big Small Large Long Short Full Half Whole Own Same Different Certain Real True False Good
    Bad Great Little Top Bottom Front Side End Part Point Case Fact Way Thing Things Time Times
    People Person Man Men Woman Women Child Children Family Families Friend Friends
    """.split()
)
