"""What kind of claim a sentence makes: a statistic, a finding, leaning on research or authority, naming a
journal, appealing to science, a testimonial, or an effect on health said as fact (read by HG501 and HG442).

Patterns of claim-making, not lists of sentences: attribution (who says so, before or after the claim),
passive reports ("has been shown to"), quantities with a population, changes in risk, efficacy and
comparison words, generalisations about groups of people. Numbers that are not claims (doses, units of
time, discounts, what a product is made of) are left alone. Measured on bench/claims/eval.yaml and
holdout.yaml (see bench/README.md).

Claims with no wording cue ("Flat feet cause knee pain") are left to a small linear model
(:mod:`.claim_model`), asked only when no rule fires.

Speed: each pattern names the words it needs (``Rule``); a sentence's words are collected once and a
pattern runs only when one of them is there, so most sentences meet few regexes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Sentence
from . import claim_model

MODEL_KIND = "states a claim"  # a claim the model reads, with no wording a rule names

_TOKEN = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


def words_of(text: str) -> frozenset[str]:
    """The lower-case words of ``text``, and "#" when it holds a digit (what ``Rule`` triggers on)."""
    found = _TOKEN.findall(text.lower())
    if _DIGIT.search(text):
        found.append("#")
    return frozenset(found)


class Rule:
    """A pattern that runs only when the sentence holds one of its trigger words (None: always),
    and not when ``unless`` matches the sentence."""

    __slots__ = ("_compiled", "_flags", "_source", "triggers", "unless")

    def __init__(self, triggers: str | None, pattern: str, flags: int, unless: re.Pattern[str] | None = None) -> None:
        self.triggers = frozenset(triggers.split()) if triggers is not None else None
        self._source, self._flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None
        self.unless = unless

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern, compiled the first time its words wake it: a warm check judges one page,
        whose words wake few of the ~100 rules, and compiling all of them cost a tenth of such a run."""
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self._source, self._flags)
        return compiled


class AnyOf:
    """Rules tried one after another: in Python's engine much faster than one long alternation,
    and a rule whose words are absent costs a set lookup."""

    def __init__(self, *rules: str | tuple[str | None, str] | tuple[str | None, str, re.Pattern[str]],
                 flags: int = 0) -> None:
        built = []
        for rule in rules:
            if isinstance(rule, str):
                built.append(Rule(None, rule, flags))
            else:
                built.append(Rule(rule[0], rule[1], flags, rule[2] if len(rule) > 2 else None))  # type: ignore[misc]
        self.rules = tuple(built)
        # Which rules each trigger word wakes (and those that always run): a sentence meets one set
        # intersection instead of a look at every rule's words. Rules still run in their written order.
        self._always = tuple(i for i, made in enumerate(built) if made.triggers is None)
        index: dict[str, list[int]] = {}
        for i, made in enumerate(built):
            for word in made.triggers or ():
                index.setdefault(word, []).append(i)
        self._index = {word: tuple(found) for word, found in index.items()}
        self._vocabulary = frozenset(index)
        self._orders: dict[frozenset[str], tuple[int, ...]] = {}   # woken words -> the rules to run, in order

    @property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        return tuple(rule.pattern for rule in self.rules)

    def search(self, text: str, words: frozenset[str] | None = None) -> re.Match[str] | None:
        if words is None:
            words = words_of(text)
        woken = self._vocabulary.intersection(words)
        if not woken and not self._always:
            return None
        order = self._orders.get(woken) if woken else self._always
        if order is None:   # the same few sets of woken words recur from sentence to sentence: sorted once each
            if len(self._orders) >= 4096:
                self._orders.clear()
            index = self._index
            order = self._orders[woken] = tuple(sorted({i for word in woken for i in index[word]}.union(self._always)))
        rules = self.rules
        for i in order:
            rule = rules[i]
            found = rule.pattern.search(text)
            if found and not (rule.unless and rule.unless.search(text)):
                return found
        return None


_NUMWORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
             " eighteen nineteen twenty thirty forty fifty few hundred thousand")
_NUM = (r"(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
        r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a (?:few|hundred|thousand))")
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
# Who a statistic counts: people, and the studies and cases that stand for them.
_WHO_WORDS = ("people patients adults participants women men children workers volunteers subjects studies trials "
              "runners walkers athletes players soldiers employees users customers respondents cases readers "
              "doctors podiatrists physiotherapists nurses population parents mothers mums fathers babies toddlers "
              "teenagers teens kids pupils students smokers drinkers dieters sufferers residents households families "
              "hikers swimmers cyclists drivers staff members clients buyers shoppers owners britons americans "
              "europeans individuals persons dancers golfers skiers climbers riders gardeners rowers lifters skaters "
              "surfers footballers gymnasts couples holders commuters pensioners retirees grandparents youngsters")
_WHO = "(?:" + "|".join(_WHO_WORDS.split()) + r"|[a-z]+-goers)"
# Just after one of _WHO's words and a space, by lookbehinds (each of fixed width): a rule that starts at the word after
# the group ("… who", "… that") and looks back runs several times faster than one that tries _WHO at every word.
_AFTER_WHO = "(?:" + "|".join(rf"(?<=\b{word} )" for word in _WHO_WORDS.split()) + r"|(?<=-goers ))"
# Units a count of doses, times or sizes is given in: "4 tablets in 24 hours" is a dose, not a share of people.
_UNITS = (r"(?:hours?|hrs?|days?|minutes?|mins?|seconds?|secs?|weeks?|months?|years?|nights?|mornings?|am|pm|h|ml|mg|g|kg"
          r"|cm|mm|m|km|steps?|sets?|reps?|repetitions|doses?|tablets?|capsules?|drops?|meals?|servings?|portions?"
          r"|goes|times|lifts|pairs?|sessions?|languages?)\b")
# An instruction ("Take…", "Swap 1 in every 3…", "Get 20% off"): its numbers are doses, plans and offers.
_INSTRUCTION = re.compile(
    r"^\W*(?:step \d+\W+)?(?:take|use|apply|swap|try|aim|do|make|keep|add|drink|eat|rest|repeat|hold|walk|book|get|save"
    r"|order|buy|stop|start|ice|place|put|set|count|store|give|lie|stand|sit|lift|bend|lower|raise|choose|pick|shop"
    r"|enjoy|claim|subscribe|mix|dissolve|spread|wear|change|replace|cut|allow|avoid|limit)\b", re.IGNORECASE)
# Money raised or matched: "One in three walkers last year raised over 100 pounds", "Every pound you raise will be doubled".
_FUNDS = (r"\braised (?:over |more than |about |around )?(?:[£$€]|\d|(?:a |one )?(?:hundred|thousand))|\b(?:pounds?|donations?"
          r"|fundrais\w+|sponsorship) (?:you |we )?(?:raise|give|make)\b|\bpound you raise\b")
# "rated 4.6 out of 5", "scored 9 out of 10": a rating, not a share of people (and the instructions above).
_RATING = re.compile(_INSTRUCTION.pattern + r"|" + _FUNDS + r"|\b(?:rated|rates|scored|scores|gave|gives|rating:|score:|verdict:)"
                     r"\s+(?:it\s+|us\s+|a\s+)?\d+(?:\.\d+)?\s+"
                     r"out of\s+(?:5|10|five|ten)\b|\b\d+\.\d+\s+out of\s+(?:5|10)\b"
                     r"|\b(?:stars?|points?|marks?)\s+out of\b", re.IGNORECASE)
# "20% off", "80% cotton": a price or what a thing is made of.
_NOT_A_SHARE = (r"(?!\s*(?:off\b|discount|cashback|deposit|cheaper|apr\b|vat\b|abv\b|proof\b|extra\b"
                # "Summer dates are already 80% booked"
                r"|booked\b|full\b|sold\b|reserved\b|funded\b|complete\b|let\b|aer\b|apy\b|interest\b|gross\b|w/[wv]\b"
                r"|rye\b|wheat\b|flour\b|wholemeal\b|spelt\b"
                r"|(?:trade|student|staff|member|loyalty|bulk) discount\b"
                r"|dark\b|milk chocolate\b|fish\b|chicken\b|beef\b|lamb\b|turkey\b|salmon\b|meat\b|potato\b|sweet potato\b|rice\b|oats\b"
                r"|less (?:data|power|energy|electricity|fuel|water|chlorine|plastic|packaging|memory|storage|bandwidth)\b"
                # "25% more free", "20% more storage": an offer or a spec; "walk 40% more by their second month" is a result
                r"|more\b(?: (?:free|for free|product|stock|space|room|storage|capacity|memory|value|coverage|choice)\b|\s*(?:$|[.,;:!)]))"
                r"|scale\b|size\b|zoom\b|brightness\b|volume\b|battery\b|charged?\b"
                r"|lighter\b|heavier\b|thinner\b|thicker\b|narrower\b|wider\b"
                r"|(?:[a-z]+-?[a-z]+ )?(?:alcohol|cotton|wool|merino|silk|linen|polyester|nylon|elastane|spandex|lycra|leather"
                r"|rubber|recycled|organic|cocoa|juice|pure|plastic|cashmere|bamboo|latex|foam|gel|mesh|cork|fabric|polyamide"
                r"|neoprene|viscose|acrylic|modal|polyurethane|microfibre|microfiber)))")
# "Most back pain is not…": a generalisation under a negation marks a limit, as in RESEARCH below.
_MOST_NOT = re.compile(r"^\W*most\b[^.;:]{0,60}\b(?:not|never|no)\b", re.IGNORECASE)
# A study's methods and aims say whom it counted, not what it found ("Methods: We followed 2,418 participants …").
_METHODS = r"^\W*(?:methods?|design|setting|objectives?|aims?)[.:]\s"
# A business's head count with no health outcome: "Over 12,000 patients treated", "Join over 200,000 walkers".
_HEADCOUNT = re.compile(
    r"^(?!.*\b(?:less|more|fewer|better|worse|reported|report|said|say|felt|feel|found|improv\w*|reduc\w*|pain|risk|likely)\b)"
    r".*\b(?:treated|served|seen|joined|join|reviewed by|relied on by|came through|visited|attended|enrolled"
    r"|registered|signed up|subscribed|ordered|booked|fitted|rated|cares for|looks after|looking for|take part|capped at"
    r"|trains|teaches|welcomes|holds|seats|sleeps|accommodates|max|maximum|limited to|spaces for|places for|home to"
    # a meeting's minutes: "Present: 23 members; apologies from …"
    r"|present:|apologies|we had|turn up|turned up|showed up|completed our|thank you to"
    # the writer's own small survey: "I surveyed 20 people in my year about how often they run"
    r"|surveyed|interviewed|polled|questioned|(?:we|I) asked)\b|"
    + _METHODS, re.IGNORECASE)
# How a trial gathers and shares out its people, whatever they have: "The researchers recruited 312 adults with
# pre-diabetes", "120 adults with heel pain wore either a custom or a shop-bought insole", "They need 60 adults who sleep …"
_TRIAL_METHOD = re.compile(
    r"\b(?:recruited|recruits|enrolled|enrols|enrolls|randomi[sz]ed|allocated|assigned)\b"
    r"|\b(?:wore|wear|were given|received|receive|got|get|took|take|used|use) either\b[^.;:]{0,60}\bor\b|\bdonated by\b"
    rf"|\b(?:need|needs|needed|want|wants|wanted|seeks|seeking) (?:about |around |another |over )?{_NUM} (?:more )?(?:[a-z-]+ )?"
    r"(?:people|adults|volunteers|participants|patients|children|women|men)\b", re.IGNORECASE)
# (Led by ``(?=\d)``: Python's engine tries a pattern at every position, and a run of lookbehinds costs each position
# all of them; the lookahead, at the same position as the digit that follows them, fails first and means the same.)
_OFFER_BEFORE = (r"(?=\d)(?!100\s?(?:%|per\s?cent)\s+(?!of\b|more\b|less\b|fewer\b|effective\b|safe\b|success|guaranteed\b"
                 r"|proven\b|natural\b|cure|improv|reduc|better\b))"
                 # (nor a business's own waste or power: "We compost 100% of our food waste")
                 r"(?!100\s?(?:%|per\s?cent) of (?:our|the|its|their) (?:[a-z]+ )?(?:waste|packaging|electricity|energy|power|profits"
                 r"|proceeds|ingredients|fabric|materials)\b)(?<![\d.,])(?<!save )(?<!save up to )(?<!save you up to )(?<!save you )(?<!saving )(?<!get )(?<!get up to )(?<!extra )(?<!an extra )(?<!plus )"
                 r"(?<!give )(?<!gives )(?<!giving )(?<!offer )(?<!offers )(?<!offering )")

# A judgement given as one's own: "Personally, I think…", "In our view, comfort matters more than the brand".
_OWN_VIEW = re.compile(r"^\W*personally\b|\bin (?:my|our) (?:view|opinion)\b|\bI (?:think|reckon|feel|find)\b", re.IGNORECASE)
# Where a share is no claim about people: markets, prices and the weather ("Shares in … rose 8%", "losses of more than 4 per cent"),
# a definition ("'prolonged standing' means … more than 50 per cent of working time") and a study's methods.
_NOT_ABOUT_PEOPLE = re.compile(
    _INSTRUCTION.pattern + r"|\b(?:shares|stocks|sales|revenues?|profits?|earnings|turnover|inflation|gdp|losses|trading"
    r"|prices|fares|fees|rents?|rental|yield|finance|mortgages?|battery|(?:insurance|buildings|contents|monthly|annual|your) premiums?"
    # … and the weather and the lie of the land: "Rain is 70 per cent likely", "3.2 km at an average of 7%"
    r"|rain|rainfall|snow|showers|forecast|gradient|climb|incline"
    # … and machines: "Startup time has been reduced by 40% on older laptops"
    r"|startup|latency|bandwidth|cpu|laptops?|firmware|servers?|emissions|discounts?|alcohol-free|beer|lager|ale|wine|cider)\b"
    r"|^\W*(?:contains|made with|made from|ingredients|composition)\b"
    # … and money and a school's register: "My ISA returned 7.2% last year", "the highest attendance this week at 98.6%"
    r"|\b(?:isa|pension|savings|investments?|portfolio|returned|attendance)\b"
    r"|['‘\"“][^'’\"”]{3,40}['’\"”] means\b|\bis defined as\b|\bfor the purposes of\b"
    r"|" + _METHODS, re.IGNORECASE)
# A price or a sum of money is no count of people: "£22 for adults", "over £12 million".
_NOT_MONEY = r"(?<![£$€¥\d.,])"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"

STATISTIC = AnyOf(
    ("#", _OFFER_BEFORE + r"\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)" + _NOT_A_SHARE, _NOT_ABOUT_PEOPLE),
    ("cent percent", rf"\b(?:{_TENS}|ten|a hundred|one hundred) (?:per\s?cent|percent)\b" + _NOT_A_SHARE, _INSTRUCTION),
    # (``(?=[\dotfsena])``: the first character of every _NUM, checked before the alternatives, as above)
    (f"# {_NUMWORDS}", rf"(?=[\dotfsena])\b{_NUM}\s+(?:(?!(?:and|or|but|{_MONTHS})\s|(?!times\b){_UNITS})[a-z]+\s+)?(?:in|out of)\s+(?:every\s+)?(?!(?:19|20)\d\d\b){_NUM}\b(?!\s*{_UNITS})",
     _RATING),
    ("million billion thousand millions billions",
     rf"{_NOT_MONEY}\b{_NUM}\s+(?:million|billion|thousand)\b|\b(?:millions|billions)\b",
     # (not a part's life or a channel's reach: "Switches are rated for 80 million keystrokes")
     re.compile(r"\b(?:rated for|keystrokes|clicks|cycles|presses|downloads|views|streams|plays|cfu|bytes|requests|rows)\b",
                re.IGNORECASE)),
    ("almost nearly virtually", r"\b(?:almost|nearly|virtually) (?:everyone|everybody|all of us|all (?:[a-z-]+ )?(?:people|adults|patients"
                                r"|runners|women|men))\b"),
    # "… is how most of us end up with a slipped disc" (not one's own view: "I think most of us overthink shoe choice")
    ("most", r"\bmost of us\b", re.compile(_OWN_VIEW.pattern + r"|\beither\b", re.IGNORECASE)),
    # a rate of people in time: "Every 20 minutes, someone in this country loses part of a leg to diabetes"
    ("every", r"^\W*every (?:\d+|few|single|couple of|[a-z]+) (?:seconds?|minutes?|hours?|days?)\b[^.;:]{0,40}?\b(?:someone|somebody"
              r"|a person|one person|a child|an adult|a woman|a man)\b"),
    # one group against another: "E-bike riders actually exercise more than regular cyclists", "Dog owners walked on average
    # 2,700 more steps a day than non-owners"
    ("than", rf"\b{_WHO}\b[^.;:]{{0,60}}\b(?:more|less|better|worse|faster|longer|further) than (?:[a-z-]+ )?{_WHO}\b"
             r"|\bon average\b[^.;:]{0,40}\b(?:more|less|fewer|faster|slower|longer|higher|lower)\b[^.;:]{0,30}\bthan\b",
     _NOT_ABOUT_PEOPLE),
    # a multiple: "contains three times as much fibre as", "bruises fade twice as fast" (not software's speed: "Sync is now
    # twice as fast")
    ("twice times", r"\b(?:twice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten) times) as (?:much|many|fast|quickly)\b",
     re.compile(r"\b(?:now|sync\w*|search\w*|index\w*|build\w*|load\w*|render\w*|plugins?|performance|speed|download\w*"
                r"|firmware|controller|processor|charg\w*|connection|wi-?fi|app|software|printer|engine|laptops?|computers?|boots?"
                r"|system|booking|website|checkout"
                r"|upload\w*|version|release)\b", re.IGNORECASE)),
    # a group's risk compared: "elite runners who train very hard may be at higher risk"
    ("risk", r"\bat (?:a )?(?:higher|greater|increased|lower|reduced|elevated|more|less|highest|lowest|extra) risk\b"),
    # a group of people by what they do, and a difference measured in them: "Users who turn on reminders walk 40% more
    # by their second month", "Runners who taper for three weeks finish on average 5 minutes faster"
    (_WHO_WORDS + " goers",
     rf"\b(?=(?:who|that|with|without)\b){_AFTER_WHO}(?:who|that|with|without)\b[^.;:]{{0,80}}?\b(?:on average|\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent) (?:more|less|fewer"
     r"|faster|slower|longer|shorter|higher|lower)|report(?:ed)? (?:being |feeling )?(?:far |much |significantly )?(?:fewer|less|more|lower|higher|better|happier"
     r"|healthier|calmer|fitter)|(?:recover|recovered|heal|healed) (?:more quickly|faster|quicker|sooner)"
     # "Children who walk or scoot to school arrive more alert and ready to learn"
     r"|(?:arrive|arrived|feel|felt|grow up|end up|are|were) (?:far |much )?(?:more|less) (?:alert|active|confident|focused"
     r"|anxious|settled|independent|resilient)|(?:get|got|earn|earned|achieve|achieved) (?:better|higher|lower|worse)"
     r" (?:grades|marks|results|scores)"
     # "Children who are active for an hour a day do better in reading and maths"
     r"|(?:do|did|perform|performed|score|scored|sleep|slept|live|lived) (?:better|worse|higher|lower|longer))\b",
     # (not money: "Customers who set up a savings goal save on average £40 more a month")
     re.compile(r"[£$€¥]\s?\d|" + _NOT_ABOUT_PEOPLE.pattern, re.IGNORECASE)),
    ("risk chance odds rate", r"\b(?:risk|chance|odds|rate) of [\w\s-]{1,40}? (?:rises|increases|doubles|falls|drops|goes up|is higher|is lower)\b"),
    ("odds hazard risk relative absolute confidence",
     r"\b(?:odds|hazard|risk) ratio\b|\b(?:relative|absolute) risk\b|\bconfidence interval\b"),
    ("likely common often prone",
     r"\b(?:twice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten) times) (?:as|more|less) (?:likely|common|often|prone)\b"
     r"|\b(?:half|a third|a quarter|one third|a fifth) as (?:likely|common|often|prone)\b"
     rf"|\b{_WHO}\b[^.;:]{{0,80}}?\b(?:more|less) (?:likely|prone) (?:to|than)\b"),
    # (not a head count of a team or an intake: "employs 14 physiotherapists", "recruiting 200 volunteers")
    ("#", rf"(?=\d){_NOT_MONEY}(?<!first )(?<!next )(?<!last )(?<!employs )(?<!employ )(?<!employing )(?<!recruiting )(?<!recruit )"
          rf"(?<!seeking )(?<!team of )(?<!year )(?<!grade )\b\d[\d,]* (?:(?!(?:for|to|of|in|on|at|by|with|from|or|and)\s)[a-z-]+ )?{_WHO}\b(?!['’])",
     re.compile(_HEADCOUNT.pattern + "|" + _TRIAL_METHOD.pattern, re.IGNORECASE)),
    # shares and counts of people: "a quarter of the population", "millions of people", "most patients with"
    ("quarter third fifth tenth half thirds quarters majority minority fraction proportion",
     rf"\b(?:a (?:quarter|third|fifth|tenth)|half|two thirds|three quarters|(?:the |a )?(?:vast |clear |large |small |tiny "
     rf"|big |slim )?(?:majority|minority|fraction|proportion))\s+of\s+(?:all |the |our )?(?:[a-z-]+ )?{_WHO}\b"
     # "Half of all trackers end up abandoned"
     r"|\bhalf of all\b",
     # (not how a trial shares its volunteers out: "Half of the volunteers will get the new dressing, chosen at random")
     re.compile(r"\b(?:at random|randomly)\b", re.IGNORECASE)),
    ("small large tiny big high low", r"\ba (?:small|large|tiny|big|high|low) (?:fraction|proportion|share) of\b"),
    ("thousands millions hundreds dozens", rf"\b(?:thousands|millions|hundreds|dozens) of (?:[a-z-]+ )?{_WHO}\b"),
    # (also a question's answer in the same line: "How many sessions will I need? Most ankle sprains settle within …")
    ("most", rf"(?:^|\?\s)\W*most (?!of\b)(?:[a-z'-]+ ){{0,2}}(?:{_WHO}|pain|aches|injuries|sprains|strains|fractures|tears|infections"
             r"|symptoms|problems|conditions|ulcers|blisters|headaches|illnesses|collapses|falls|accidents|deaths|strokes"
             r"|attacks|colds|coughs|bruises|rashes|bites|marathoners)\b", _MOST_NOT),
    ("average general wider rest", r"\bthe average (?:person|adult|man|woman|child|runner|worker|patient|household|family|briton|american|driver|shopper"
                r"|office worker|pensioner)\b|\ban average of\b|\bthan the (?:general|wider|rest of the) (?:population|public)\b",
     _NOT_ABOUT_PEOPLE),
    ("cause causes reason reasons source trigger triggers factor",
     r"\b(?:leading|most common|commonest|biggest|main|major|number one|no\. ?1|top|known|key|single biggest) "
     r"(?:cause|reason|source|trigger|risk factor) (?:of|for|why|behind)\b"
     rf"|\b(?:a|the) (?:leading|major|main|biggest|commonest|most common|number one|known|key) (?:cause|reason|trigger)s? "
     rf"(?:our |your |their |the )?(?:[a-z-]+ )?{_WHO}\b"
     # "vibration from the seats is a major factor"
     r"|\b(?:is|are) (?:a|the|one) (?:major|key|big|main|significant|contributing|leading|huge) (?:risk )?factors?\b"),
    ("outnumber outnumbers outnumbered to", rf"\boutnumber(?:s|ed)?\b|\bby {_NUM} to {_NUM}\b"),
    # a risk named by its kind: "Rotating two pairs of shoes cuts your injury risk", "raises the lifetime risk of melanoma"
    ("risk risks", r"\b(?:cuts?|cutting|lowers?|raises?|reduces?|increases?|doubles?|halves?|slashes) (?:your|the|their|its) "
                   r"(?:[a-z]+ ){1,2}risks?\b"),
    ("risk chance odds rate likelihood incidence risks chances rates",
     r"\b(?:doubles?|doubled|triples?|tripled|halve|halves|halved|twice|half|higher|lower|greater|raised|increased|reduced"
     r"|cuts|lowers|raises|increases|reduces|slashes|boosts)\s+(?:the |your |their |its |his |her )?"
     r"(?:risk|chance|odds|rate|likelihood|incidence)s? of\b(?!\s*[£$€¥])"),
    # a change measured: "cut … by a third", "risen by a fifth", "doubles how much…"
    ("by doubles doubled triples tripled halves halved quadruples",
     r"\bby (?:(?:about|nearly|almost|around|over|more than|up to) )?(?:a |one )?(?:half|third|quarter|fifth|tenth"
     r"|two thirds|three quarters)\b|\b(?:risen|rose|fallen|fell|grown|grew|dropped|climbed|soared|jumped) by\b"
     # (not a time or a score: "my pace dropped by a full minute")
     r"(?! (?:a |an |one |about |around |nearly |almost |over )?(?:full |whole )?(?:[\d,.]+ )?(?:minute|second|hour|place|point"
     r"|goal|length|stone|pound|kilo|inch|centimetre)s?\b)"
     r"|\b(?:doubles|doubled|triples|tripled|halves|halved|quadruples)\b(?! (?:as|up|back|over)\b)",
     re.compile(_FUNDS + r"|\buntil\b[^.;:]{0,40}\bby\b|\b(?:dough|batter|mixture|bread|mileage|miles|distance|bills?|grocery|spend"
                r"|costs?|battery|start-?up|laptops?|benchmarks?|half a size)\b", re.IGNORECASE)),
    ("than", r"\bthan any other\b|\bthan (?:those|people|others|adults|men|women|children|non-[a-z]+|peers) (?:who|with|without|that)\b"),
    # a group doing more of a thing than others: "Children learn more from hands-on exhibits than from reading labels",
    # "Allotment holders eat more fruit and vegetables than …" (a group's habit, with its comparison)
    ("than", rf"^\W*(?:[A-Za-z-]+ )?{_WHO} (?:[a-z]+ ){{0,2}}?(?:learn|learned|eat|ate|sleep|slept|walk|walked|live|lived|recover"
             r"|recovered|heal|healed|exercise|exercised|move|drink|drank|report|reported)(?: (?:far|much|significantly|a lot))?"
             r" (?:more|less|fewer|better|longer|faster|quicker|sooner)\b[^.;:]{0,60}\bthan\b", _NOT_ABOUT_PEOPLE),
    ("tend tends", rf"\b(?:who|with|{_WHO}) (?:[^.;:]{{0,80}}? )?tends? to\b"),
    # how common something is among people: "is very common in toddlers", "is prevalent among pickers"
    ("common prevalent widespread rare uncommon",
     r"(?:\b(?:is|are)|['’](?:s|re)) (?:very |extremely |really |fairly |quite |so |way |much |far |a lot |even )?"
     r"(?:more |most |less |particularly |especially )?"
     r"(?:common|prevalent|widespread|rare|uncommon) (?:in|among) (?:[a-z'-]+ ){0,3}?"
     rf"(?:{_WHO}|girls|boys|infants|under-[a-z]+|middle age|old age|older|younger|[a-z]+ers)\b"
     r"|\b(?:is|are) (?:very |really |quite |fairly )?common (?:and (?:usually|often|normally|generally)|for up to)\b"),
    ("much", r"\bby as much as\b"),
    # "with staff turnover half the industry average"
    # "It takes on average eight years to get a diagnosis"
    ("average", r"\btakes? (?:on average|an average of)\b"),
    ("average", r"\b(?:half|twice|double|triple|a third of|a quarter of) the (?:[a-z]+ )?(?:national|industry|regional|uk|us|eu)"
                r" (?:average|rate|norm)\b"),
    # the commonest of its kind: "Escape of water is the most common home insurance claim in the country"
    ("common commonest", r"\b(?:is|are) the (?:single )?(?:most common|commonest) (?:[a-z-]+ ){0,3}(?:claims?|causes?|complaints?"
                         r"|injur(?:y|ies)|reasons?|problems?|conditions?|mistakes?|types? of [a-z]+)\b"),
    # a result said of most people: "last twenty-five years or more in most people", "goes away in most cases"
    # (after what it says of them: "In most cases, the value … is set in the file" frames the sentence)
    ("most many majority nearly almost",
     r"(?<=[a-z0-9] )in (?:most|many|the majority of|nearly all|almost all) (?:people|patients|adults|children|women|men|cases|runners"
     r"|sufferers)\b"),
    # "half the farmers she sees", "half of us", "cuts injury risk in half", "account for a third of sick days"
    ("half", rf"\bhalf (?:of us|the (?:[a-z-]+ )?(?:{_WHO}|aches|pains|injuries|[a-z]+ers)\b)"
             r"|(?<!be )\b(?:cuts?|cutting|halves|halved)\b[^.;:]{0,40}\bin half\b(?! (?:sizes?|lengths?|widths?)\b)"),
    # (and "made up more than half of all accident reports")
    ("account accounts accounted make makes made responsible",
     r"\b(?:account(?:s|ed)? for|(?:make|makes|made) up|(?:is|are|was|were) responsible for) (?:the (?:greater|larger|biggest|largest|lion's) (?:part|share)|(?:around |roughly |nearly "
     r"|almost |about |over |more than |up to |less than )?(?:a (?:third|quarter|fifth|tenth)|half|the majority|most|\d))"),
    ("susceptible vulnerable", r"\b(?:more|less) (?:susceptible|vulnerable) to\b"),
    ("cent percent", r"\b(?:one|two|three|four|five|six|seven|eight|nine|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                     r"|seventeen|eighteen|nineteen) (?:per\s?cent|percent)\b" + _NOT_A_SHARE, _INSTRUCTION),
    ("normal natural usual", r"\bis (?:a |an )?(?:normal|natural|usual|expected) part of (?!the (?:form|page|process|service)\b)"),
    # sleep by the hour: "Toddlers need between 11 and 14 hours of sleep in every 24, including naps"
    ("sleep", rf"\bneeds? (?:between |about |around |at least |up to |roughly )?{_NUM}(?:(?: and | to |-| or ){_NUM})? hours?"
              r" (?:of sleep|sleep)\b"),
    # reassurance as fact: "Waking once or twice a night is completely normal, especially as we get older"
    ("normal", r"\b(?:is|are|it's|that's) (?:completely|perfectly|totally|entirely) normal\b"),
    # a promise of a result: "Lose up to a dress size", "Burn up to 600 calories"
    ("lose drop shed burn", r"\b(?:lose|drop|shed|burn) up to\b"),
    flags=re.IGNORECASE,
)
# People whose say-so is offered in place of a source ("doctors recommend", "trusted by podiatrists"):
# named professions, and any plural in -ists or -ians (dentists, dietitians, paediatricians…).
_AUTHORITIES = (r"(?:scientists|researchers|experts|doctors|physicians|clinicians|specialists|podiatrists|physiotherapists"
                r"|physios|chiropractors|osteopaths|therapists|surgeons|dermatologists|pharmacists|nurses|GPs|professionals"
                r"|midwives|coaches|trainers|medics|practitioners|consultants|authorities|officials|academics|scholars|vets"
                r"|[a-z]{3,}(?<!tour)(?<!motor)(?<!cycl)(?<!pedestr)(?<!strateg)(?<!econom)(?:ists|ians))")
# One of them: "according to the club physio".
_ONE_AUTHORITY = (r"(?:scientist|researcher|expert|doctor|physician|clinician|specialist|podiatrist|physiotherapist|physio"
                  r"|chiropractor|osteopath|therapist|surgeon|dermatologist|pharmacist|nurse|GP|coach|trainer|consultant)\b")
# Who can be said to have found or to hold something: research, its people, and named institutions.
_SOURCE = (r"stud(?:y|ies)|research|trials?|reviews?|surveys?|polls?|analys[ie]s|meta-analys[ie]s|evidence|data|guidelines?"
           r"|papers?|(?<!your )findings|experiments|(?<!your )(?<!our )tests|literature|figures|statistics|science|medicine"
           # "Independent lab testing confirms …" (not a shop's own: "our testing found")
           r"|testing(?<!your testing)(?<!our testing)(?<!my testing)"
           # "a report found", not "report the links" (the verb)
           r"|(?:(?<=a )|(?<=the )|(?<=one )|(?<=new )|(?<=recent )|(?<=latest )|(?<=government )|(?<=official ))reports?"
           rf"|{_AUTHORITIES}|(?-i:University|Institute|Foundation|Council|Alliance|Centre|Center|Agency|Authority|Ministry"
           r"|Department|Service|Organisation|Organization|Commission|Board|Unit|Lab|Laboratory|Guild|Federation"
           r"|Clinic|School|Society|Association|College|Hospital|Academy|Office|Panel)")
_REPORTS = (r"show|shows|showed|(?<!\bare )(?<!\bis )shown|found|finds|suggest|suggests|suggested|prove|proves|proved|proven"
            r"|demonstrate|demonstrates|demonstrated|indicate|indicates|indicated|confirm|confirms|confirmed"
            r"|reports? that|reported|discovered|concluded|concludes|(?<!is )(?<!are )(?<!was )(?<!were )(?<!be )(?<!been )linked|links"
            r"|reveal(?:s|ed)?|observed|argued|argues|claims? that|claimed|says?|said|recommends?|recommended|agree|agrees|agreed"
            r"|believes?|think|thinks|estimates?|estimated|advise|advises|advised|urge|urges|urged|insist|insists|insisted"
            r"|backs? (?:this|that|it) up|backed (?:this|that|it) up"
            r"|held that|holds? that|(?<!\bare )(?<!\bis )(?<!\balso )(?<!\bbe )(?<!\busually )(?<!\boften )called|describe|describes|described|back(?:s|ed)? up|noted|predicts?|predicted|calculated"
            r"|warns?|warned|known|knows|(?-i:supports?)(?!\s+(?:is|are|services?|teams?|available|sessions?|workshops?|staff"
            r"|desk|line|page)\b)|supported|tells us|told us|points? to|hints?"
            r"|united|divided(?! by)|split|unanimous|convinced(?! (?:me|us|him|her|them)\b)|confident|clear that|reckons?|reckoned"
            r"|confirming|showing|suggesting|cautioned|cautions")
RESEARCH = re.compile(
    # A subject that is research or its people, not introduced as "what/how research…" (a meta remark) …
    r"(?=[a-zA-Z])"  # only a letter can start a subject below: skips the look-behinds elsewhere (speed only)
    r"(?<!\bwhat )(?<!\bwhat the )(?<!\bhow )(?<!\bhow the )(?<!\bwhether )"
    # "These findings show…" points back at a sentence that cites them.
    r"(?<!\bthese )(?<!\bthose )"
    rf"\b(?:{_SOURCE})\b"
    # … then, with no clause break, modal or negation between (those describe limits, not findings) …
    r"(?:(?!\b(?:can|cannot|can't|could|may|might|would|should|will|not|no|never|only|to|that|which|like|what|how|whether|if)\b)[^.;,:]){0,60}?"
    # … a reporting verb.
    rf"\b(?:{_REPORTS})\b"
    r"|\baccording to (?:the |a |an |some |recent |new |one |many |most |clinical |medical )*(?:[a-z-]+ ){0,2}"
    rf"(?:research|stud|{_AUTHORITIES}|{_ONE_AUTHORITY}|evidence|data|survey|review|report|paper|trial|the literature|(?-i:[A-Z]))"
    r"|\b(?:there is|there's|there are) (?:(?:some|good|strong|growing|limited|little|clear|no|plenty of|decent|solid"
    r"|lots of|loads of|a lot of|zero|real|much) ){0,2}"
    # (and after the claim: "…, there's decent data on that")
    r"(?:evidence|research|data|studies) (?:that|to suggest|showing|(?:on|for|behind) (?:that|this|it|them))\b"

    r"|\b(?:we|they|researchers) (?:surveyed|polled)\b"
    # the authors' conclusion after it: "…, the authors say"
    r"|,\s*(?:the |its |the study's )?(?:lead )?authors? (?:say|says|said|conclude|concluded|write|wrote|argue|argued|note"
    r"|noted|report|reported|add|added)\b"
    # a study's abstract: its background, results and conclusions report; its objective and methods do not
    # (not a post's own background: "Background: I'm a backend developer…")
    r"|^\W*(?:background|results|conclusions?|findings)[.:]\s+(?-i:(?!(?:I|My)\b)[A-Z])"
    r"|\b(?:difference|effect|improvement|reduction|increase|benefit|change|association|link|correlation|relationship)s?"
    r" (?:was|were) (?:observed|seen|found|noted|detected)\b"
    # a study's analysis and its hedged results: "after adjustment for age", "linked in several studies", "appeared to level off"
    r"|\bafter adjust(?:ment|ing) for\b|\b(?:linked|associated|tied) in (?:several |many |multiple |some |numerous "
    r"|a number of |recent )?(?:studies|trials|research)\b"
    r"|\bappear(?:s|ed)? to (?:be of|level off|reduce|improve|lower|raise|increase|help|work|protect|slow|speed)\b",
    re.IGNORECASE,
)
# Research named by a word RESEARCH does not wait for, each rule woken by its own word (one more alternative in RESEARCH
# costs every sentence it reads a try at every position).
RESEARCH_CUED = AnyOf(
    # a study's team: "However, the team warned that standing still for hours can cause varicose veins"
    ("team", r"\bthe (?:research |study |study's )?team (?:also )?(?:warned|warns|found|concluded|cautioned|reported) that\b"),
    # guidance as the source, its verb next: "National guidance recommends that adults do 150 minutes …" (not "the guidance
    # given and let people advise you")
    ("guidance", r"\bguidance(?<!your guidance)(?<!our guidance)(?<!my guidance)(?<!this guidance) (?:now |also |still )?"
                 r"(?:recommends|says|suggests|advises|states)\b"),
    # partners as a source: "according to our partners at the Meridian Sleep Foundation"
    ("partners colleagues", r"\baccording to (?:our|their|its) (?:[a-z-]+ )?(?:partners|colleagues|friends) (?:at|from) (?:the )?"
                            r"(?-i:[A-Z])"),
    # "There's zero good evidence for glucosamine"
    ("evidence", r"\b(?:there is|there's) (?:zero|no) (?:good |real |decent |solid |strong )?evidence for (?!(?:you|your|me)\b)[a-z]"),
    flags=re.IGNORECASE,
)
# A claim pinned on a named journal (the name is the attribution, the citation is missing).
NAMED_SOURCE = re.compile(
    r"(?-i:\b(?:[A-Z][\w-]+ )+(?:Journal|Annals|Archives|Bulletin|Quarterly|Review|Proceedings|Digest|Gazette|Times|Post)\b"
    r"|\b(?:Journal|Annals|Archives|Bulletin|Review|Proceedings) of (?:the )?[A-Z])"
    r"|\b(?:published|writing|featured|appeared) in (?:the )?(?-i:[A-Z])",
    re.IGNORECASE,
)
# The words NAMED_SOURCE and RESEARCH cannot match without (RESEARCH also matches any plural in -ists or -ians):
# a sentence with none of them skips the two longest patterns.
_NAMED_WORDS = frozenset("journal annals archives bulletin quarterly review proceedings digest gazette times post published"
                         " writing featured appeared".split())
_RESEARCH_WORDS = frozenset(
    "study studies research trial trials review reviews survey surveys surveyed poll polls polled analysis analyses evidence data"
    " guideline guidelines paper papers findings experiments tests testing literature figures statistics science medicine"
    " report reports scientists researchers experts doctors physicians clinicians specialists podiatrists"
    " physiotherapists physios chiropractors osteopaths therapists surgeons dermatologists pharmacists nurses gps"
    " professionals midwives coaches trainers medics practitioners consultants authorities officials academics"
    " scholars vets university institute foundation council alliance centre center agency authority ministry department"
    " service organisation organization commission board unit lab laboratory guild federation clinic school society association"
    " college hospital academy office panel according there background results conclusion conclusions observed seen noted detected author authors"
    " adjustment adjusting appear appears appeared".split())
# "No single exercise has been shown…", "not proven": a negation shortly before turns a report into a limit.
_NEGATED = re.compile(r"\b(?:not|never|no|none|nor|nothing|isn't|aren't|hasn't|haven't|wasn't|weren't)\b[^.;:]{0,40}"
                      r"\b(?:shown|found|proven|proved|demonstrated|reported|linked|associated|tied|correlated)\b", re.IGNORECASE)
_ENDORSED = (r"(?:trusted|recommended|approved|endorsed|designed|developed|formulated|created|devised|hailed|praised|loved"
             r"|favou?red|preferred|prescribed|used|chosen|rated|tested|backed|praised)")
# A belief reported as held once, not now: "For years, a rock-hard mattress was thought to be the answer…".
_NOT_HELD_NOW = re.compile(_NEGATED.pattern + r"|\b(?:for (?:years|decades|centuries|a long time)|once|used to|in the past"
                           r"|at one time)\b[^.;:]{0,60}\b(?:was|were) (?:\w+ )?(?:thought|believed|considered|assumed)\b",
                           re.IGNORECASE)
# Science or authority invoked in general: "backed by research", "clinically proven", "doctors recommend".
APPEAL = AnyOf(
    ("science biology physics chemistry anatomy biomechanics fact evolution physiology genetics scientifically scientific",
     r"\b(?:that's|that is|it's|it is)\s+(?:just |simple |basic |pure |plain |all )?(?:science|biology|physics|chemistry|anatomy"
     r"|biomechanics|evolution|physiology|genetics|a (?:scientific |medical |proven )?fact)\b"
     r"|^\W*(?:simple|basic|pure) (?:science|physics|biology|anatomy|evolution)\b"
     r"|\bscience (?:has |have )?(?:shows?|shown|says|proves?|proven|tells|confirms|confirmed|found|demonstrated|agrees)\b"
     r"|\bthe science is (?:clear|settled|in)\b|\bscience-backed\b|\bscientifically (?:proven|shown|tested|designed|formulated)\b"
     # "The eight-glasses rule has no real scientific basis"
     r"|\b(?:no|little) (?:real |good |solid )?scientific (?:basis|evidence|proof|backing|support)\b"),
    # a named expert's say-so: "Dr Helen Marsh, a local GP, said back pain in children was usually short-lived"
    # (not the speaker's own feelings: "said she was surprised by how quickly…")
    ("dr prof professor",
     r"(?-i:\b(?:Dr|Prof|Professor)\.? [A-Z][a-z'-]+(?: [A-Z][A-Za-z'-]+)?)(?:,[^,;]{2,60},)? (?:said|says|told|explains|explained"
     r"|added|adds|warns|warned|believes|argues|recommends|advises|cautioned|insists|notes|noted)\b"
     r"(?! (?:that )?(?:she|he|they|we|the team) (?:was|were|is|are|had been|felt) (?:surprised|pleased|delighted|excited|proud"
     r"|thrilled|grateful|struck)\b)"
    # (nor the results' effect on them: "said the results surprised her team")
    r"(?! (?:that )?the (?:results|findings|data|response) (?:had )?(?:surprised|pleased|delighted|excited|encouraged|thrilled"
    r"|struck)\b)"),
    ("backed", r"\bbacked by (?:[\w-]+ ){0,5}(?:research|science|studies|evidence|data|doctors|experts|scientists|trials)\b"),
    ("clinically evidence peer", r"\bclinically (?:proven|tested|shown|studied)\b|\bpeer-reviewed\b"
     # (not a course on it: "Evidence-based practice workshops run every Wednesday")
     r"|\bevidence-based\b(?!(?: [a-z]+)? (?:workshops?|courses?|sessions?|training|modules?|seminars?|classes)\b)"),
    ("literature", r"\bin the (?:medical |scientific )?literature\b"),
    # "Built with sleep scientists at the Kellerman Institute" (not "Built with coaches from the … Athletics Club")
    ("built", r"\bbuilt (?:together )?with (?:[\w-]+ ){0,2}(?:scientists|researchers|doctors|clinicians|physiotherapists"
              r"|podiatrists|psychologists|experts)\b"),
    ("by with", rf"\b{_ENDORSED}\s+(?:(?:together|jointly|closely|in partnership) )?(?:by|with)\s+(?:[\w-]+ ){{0,3}}(?:{_AUTHORITIES}|runners|athletes|footballers|players"
           r"|families|mums|parents|hospitals|clinics|patients)\b"),
    # (not a lab's test of a batch: "Every batch is lab-tested for purity by an independent laboratory")
    ("doctor dermatologist podiatrist physio physiotherapist dentist chiropractor expert clinician pharmacist nurse"
     " surgeon scientist dermatologically medically",
     r"\b(?:doctor|dermatologist|podiatrist|physio|physiotherapist|dentist|chiropractor|expert|clinician|pharmacist"
           r"|nurse|surgeon|scientist|dermatologically|medically)[- ](?:tested|approved|recommended|endorsed"
           r"|proven|designed|developed|formulated|backed|trusted|certified)\b"),
    ("seen featured reported", r"\b(?:as seen|as featured|as reported) (?:in|on|by)\b"),
    ("medical scientific clinical academic expert professional specialist",
     r"\b(?:medical|scientific|clinical|academic) (?:journals?|findings?|facts?|literature|community|consensus)\b"
     r"|\b(?:expert|medical|scientific|professional|clinical|specialist) (?:opinion|consensus|verdict) (?:is|are|was|has|have"
     r"|says|holds|agrees|remains|seems|suggests|favours|favors)\b"),
    ("says said recommends recommended advises advised warns warned suggests states urges urged found estimates estimated",
     r"^\W*(?:the )?(?-i:(?!GP\b)[A-Z]{2,6})\s+(?:now |also |has |have )?(?:says|said|recommends|recommended|advises|advised"
           r"|warns|warned|suggests|states|urges|urged|found|estimates|estimated)\b"),
    ("consensus verdict agreement view guidance advice word",
     rf"\b(?:consensus|verdict|agreement|view|guidance|advice|word) (?:among|of|from) (?:the |most |many |leading |top )?"
     rf"(?:[a-z-]+ ){{0,2}}{_AUTHORITIES}\b"),
    # an authority opening the sentence and endorsing: "Leading physios swear by…", "Most GPs will tell you that…"
    ("advise advises prescribe prescribes swear urge urges trust trusts favour favor prefer prefers endorse rate rave"
     " praise tell insist insists recommend recommending warning warn",
     rf"^\W*(?:(?:most|many|some|leading|top|all|the|our|your|local|expert) )*(?:[a-z-]+ )?{_AUTHORITIES}"
           r"(?: (?:at|from|in|across|around) [^,.;:]{1,40}?| everywhere)?(?: (?:now|often|always|widely|routinely|still|will))?"
           r" (?:advise|advises|prescribe|prescribes|swear by|urge|urges|trust|trusts|favour|favor|prefer|prefers|endorse"
           r"|rate|rave about|praise|tell you|tell us|insist|insists|recommend|(?:are|have been) (?:recommending|warning)"
           r"|warn|warn that)\b"),
    # one authority with the plural's verb, as non-native shop copy writes it: "Doctor recommend this for back pain",
    # "Doctor recommend wear heel cup", "Many doctor and physiotherapist in Europe are recommend this gun"
    ("recommend advise prescribe use approve trust suggest design make develop create recommending advising approving",
     rf"^\W*(?:[A-Za-z]+ )?{_ONE_AUTHORITY}(?<!s)(?: (?:in|at|from|of) (?:the )?[a-z]+)? (?:recommend|advise|prescribe|use|approve"
     r"|trust|suggest|design|make|develop|create) (?:this|these|it|them|our|(?:the )?same|wear|use|take|put|to)\b"
     rf"|^\W*(?:many|most|all|much) {_ONE_AUTHORITY}(?: and {_ONE_AUTHORITY})?[^.;:]{{0,30}}\b(?:are|is) (?:recommend|advise|use)\b"
     rf"|^\W*{_ONE_AUTHORITY}(?<!s) (?:is|are) (?:recommending|recommend|advising|approving) (?:this|these|it|them|our)\b"
     rf"|\b(?:is|are) (?:recommend|approve|trust) by (?:[a-z]+ )?{_ONE_AUTHORITY}"),
    # a named person's word after the claim: "Movement variety matters more than any one position, Femi says."
    ("says said explains argues insists",
     r"^[^\"“]{20,},\s*(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))? (?:says|said|explains|argues|insists)\W*$"),
    # research as a foundation: "Our sleep scores are built on research with Northvale University's Sleep Centre"
    ("built based grounded founded rooted",
     r"\b(?:built|based|grounded|founded|rooted) (?:on|in) (?:[a-z-]+ ){0,2}(?:research|science|studies|evidence|data|trials)\b",
     re.compile(r"\bour (?:own )?(?:research|data|testing)\b|\byour (?:own )?data\b", re.IGNORECASE)),
    # one's own practitioner's word: "My podiatrist told me it usually clears up within a year whatever you do"
    # (not advice passed on, "told me to rest", nor a diagnosis: "the physio thinks it is my hip")
    ("told says say said reckons reckoned thinks swears swore sworn insists",
     r"\b(?:my|our|his|her) (?:[a-z]+ )?(?:doctor|physician|specialist|podiatrist|physiotherapist|physio|chiropractor|osteopath"
     r"|therapist|surgeon|dermatologist|pharmacist|nurse|GP|consultant|dentist|midwife|optician|dietitian|nutritionist"
     r"|chiropodist)"
     r" (?:(?:always|once|even|just|actually) )?(?:told (?:me|us|him|her)|says|say|said|reckons|reckoned|thinks|swears|insists)"
     r" (?!to\b)(?!(?:that )?(?:I|we|you) (?:should|need|must|could|can)\b)"
     r"(?!(?:that )?(?:it's|its|it is) [^.;:,]{3,40} and (?:to|that I should)\b)"

     # … or after what was said: "Sleep training before six months can harm a baby's attachment, my midwife told me."
     r"|,\s*(?:or so )?(?:my|our) (?:[a-z]+ )?(?:doctor|physician|specialist|podiatrist|physiotherapist|physio|chiropractor"
     r"|osteopath|therapist|surgeon|pharmacist|nurse|GP|consultant|dentist|midwife|health visitor|dietitian)"
     r" (?:told (?:me|us)|says|said|reckons|swears)\W*$"
     # "Stretching your calves before you stand up is what my physio swore by."
     r"|\bwhat (?:my|our) (?:[a-z]+ )?(?:doctor|physio|physiotherapist|podiatrist|chiropodist|GP|nurse|midwife|osteopath"
     r"|chiropractor|consultant|dentist|trainer|coach) (?:swears|swore|has always sworn) by\b"),
    # the emergency services' word: "Mountain rescue teams say most of their callouts involve walkers in the wrong footwear"
    ("say says said warn warns warned report reports reported estimate estimates",
     r"\b(?:rescue|ambulance|fire|police|coastguard|lifeboat|paramedic) (?:teams?|crews?|services?|volunteers|officers|staff)"
     r" (?:say|says|said|warn|warns|warned|report|reports|reported|estimate|estimates)\b"),
    # a remedy's fame: "lavender oil on his pillow works wonders"
    ("wonders every", r"\b(?:works?|worked|does|did|do) wonders\b|\bworks? every time\b|\bworked every time\b"),
    # "A stiff, high collar is the best protection against a rolled ankle", "Garlic is nature's antibiotic"
    ("best nature", r"\bthe best (?:protection|defence|defense|cure|remedy|treatment|prevention) (?:against|for)\b"
                    r"|\bnature's (?:antibiotic|painkiller|remedy|cure|medicine|multivitamin|viagra|prozac|aspirin)\b"),
    # "… is wonderful for anyone with asthma or hay fever"
    ("wonderful great brilliant amazing fantastic perfect ideal",
     r"\b(?:is|are) (?:wonderful|great|brilliant|amazing|fantastic|perfect|ideal) for (?:anyone|people|those|sufferers|children"
     r"|kids) (?:with|who have|suffering)\b"),
    # folk wisdom and common knowledge: "as my nan always said", "what my grandad always swore by", "everyone knows that"
    ("said says swore swears knows",
     r"\b(?:my|our) (?:nan|nanna|gran|granny|grandad|granddad|grandma|grandpa|mum|dad|mother|father) (?:always )?(?:swore|swears)"
     r" by\b|,\s*as my (?:nan|nanna|gran|granny|grandad|granddad|grandma|grandpa|mum|dad|mother|father) (?:always )?(?:said|says"
     r"|used to say)\b|\beveryone knows (?:that|it)\b|\bas everyone knows\b"),
    # tradition as proof: "Chamomile has been used to soothe upset tummies for centuries"
    ("centuries generations", r"\b(?:has|have) been used (?:[a-z ]{3,40} )?for (?:centuries|generations|thousands of years)\b"),
    # the body's workings as proof: "this is simply how the human brain works"
    ("works", r"\b(?:this|that) is (?:simply |just |exactly )?how (?:the |your )?(?:human )?(?:brain|body|mind|metabolism|gut)"
              r" works\b|\bthat's (?:simply |just |exactly )?how (?:the |your )?(?:human )?(?:brain|body|mind) works\b"),
    # an authority's advice mid-sentence: "Please don't, health visitors advise no solids before around six months"
    ("advise advises recommend recommends warn warns visitors",
     rf"\b(?:health visitors|{_AUTHORITIES}) (?:now |all |generally |usually |strongly )?(?:advise|advises|recommend|recommends"
     r"|warn|warns) (?:that |against |no |not |never |waiting |keeping )"),
    # a belief called a myth, the correction being the claim: "That's a myth btw, it barely matters when you have it"
    ("myth", r"^\W*(?:that's|that is|it's|it is|this is) (?:just )?(?:a|an old|a total|a complete) myth\b"
             # "Washing your hair every day won't make it fall out, that's a myth."
             r"|,\s*(?:that's|that is|it's) (?:just )?(?:a|an old|a total|a complete) myth\W*$"),
    # a practitioner's years as the proof: "As a nurse for 30 years I can tell you these beat the ones the hospital hands out"
    ("tell assure say know promise swear recommend",
     r"^\W*as an? (?:[a-z-]+ ){0,2}(?:nurse|doctor|gp|physio|physiotherapist|podiatrist|midwife|chiropractor|osteopath|surgeon"
     r"|pharmacist|trainer|coach|dietitian|therapist|consultant)\b[^.;:]{0,40}\bI (?:can (?:tell|assure) you|can say|know"
     r"|promise|swear|recommend)\b"),
    # hearsay: "Apparently it takes fifteen tries before a child accepts a new food"
    ("apparently", r"^\W*apparently\b|\bapparently,? (?:it|they|you|this|that|most|people)\b"),
    # the professionals' habit as proof: "Many professional athlete use it every day for recovery"
    ("use trust rely", r"\b(?:many|most|top|leading|professional|pro|elite)\s+(?:[a-z]+\s+)?(?:athletes?|players?|footballers?|runners?"
                       rf"|{_AUTHORITIES})\s+(?:use|trust|rely on)\s+(?:it|this|them|these|our|[a-z]+ because)\b"),
    # a product a group swears by: "the joint formula Britain's walkers swear by" (not a question put to readers)
    ("swear", rf"\b{_WHO}(?: everywhere)? swear by\b",
     re.compile(r"\b(?:no idea|don't know|do not know|not sure|wonder) why\b", re.IGNORECASE)),
    # the authority after the claim: "…, say many osteopaths", "…, claim several physiotherapists"
    ("say says said warn warns warned claim claims claimed insist insists believe believes report reports reported suggest"
     " suggests agree agrees argue argues advise advises note notes",
     r",\s*(?:or so )?(?:say|says|said|warn|warns|warned|claim|claims|claimed|insist|insists|believe|believes|report"
           r"|reports|reported|suggest|suggests|agree|agrees|argue|argues|advise|advises|note|notes)\s+"
           rf"(?:(?:many|most|some|several|leading|top|the|our|a|group|team|of|two|three|few)\s+)*(?:[a-z-]+\s+)?{_AUTHORITIES}\b"),
    # said to be known: "widely accepted", "well established", "has been shown to", "is strongly linked to"
    ("well widely long generally commonly universally accepted agreed established known",
     r"\b(?:well|widely|long|generally|commonly|universally) (?:been )?(?:established|documented|known|accepted|recognised"
     r"|recognized|regarded|believed|held|reported|researched|studied|understood)\b(?! as\b)"
     r"|\bit is (?:now |widely |generally |well )?(?:accepted|agreed|established|known) that\b"),
    ("shown found proven proved demonstrated reported thought believed known said claimed estimated suspected",
     r"(?<!\bnot )(?<!\bnever )\b(?:is|are|was|were|been|being|be)\s+(?:(?:\w+ly|long|also|now|often|once|widely|generally)\s+){0,2}"
     r"(?:shown|found|proven|proved|demonstrated|reported|thought|believed|known|said|claimed|estimated|suspected)\s+(?:to|that)\b"
     # "should be shown to a doctor": shown to someone, not shown to do something
     r"(?!\s+(?:a|an|the|your|our|their|his|her|someone|somebody|anyone)\b)",
     _NOT_HELD_NOW),
    ("linked associated tied correlated",
     # present and perfect ("is linked", "has been linked"): "was linked" tells one study's result, named next
     # ("can be linked to" is a possibility, "linked to them" or "to each other" a connection, not a finding)
     r"(?<!\bwhat )(?<!\bwhat it )\b(?:is|are|been)\s+(?:(?:\w+ly|often|also|now|long)\s+){0,2}"
     r"(?:linked|associated|tied|correlated)\s+(?:to|with)\b"
     r"(?!\s+(?:what|it|them|this|that|these|those|each other|one another|(?:a |the |its |one of (?:the |those |our )?)?"
     r"(?:sources?|references?|citations?|pages?))\b)",
     _NEGATED),
    ("ranked rated voted hailed recommended prescribed praised endorsed approved",
     r"\b(?:has|have|had) been (?:\w+ )?(?:ranked|rated|voted|hailed|recommended|prescribed|praised|endorsed|approved)\b",
     re.compile(r"\bethics\b|\bcommittee\b", re.IGNORECASE)),
    # a belief said to be overturned, a result offered as proof, a guideline's grade, hearsay: "has been debunked",
    # "proof they work", "(Grade A)", "in my country they say"
    ("debunked disproved disproven refuted", r"\b(?:debunked|disproved|disproven|refuted)\b"),
    ("proof", r"\bproof (?:that )?(?:it|they|this|these) works?\b"),
    ("grade level", r"\((?:grade|level) [a-d1-4]\)"),
    ("say says", r"\b(?:they|people|everyone|everybody) says? (?:that )?(?:this|it|you|we|the|a|an)\b"),
    ("recommended trusted approved chosen", r"^\W*(?:recommended|trusted|approved|chosen) by\b"),
    # a vote or an award offered as proof: "Voted the nation's favourite foot cream three years running"
    ("voted", r"(?:^\W*|\b(?:was|were|been|is|are) )voted (?:the |as |a |an )?(?:[a-z'’-]+ ){0,3}(?:favourite|favorite|best|number one|no\. ?1|top)\b"),
    # the authorities' grudge as proof: "Chiropractors HATE how well this works"
    ("hate hates", rf"\b{_AUTHORITIES} hates?\b"),
    # a sign said to mean a condition: "is a hallmark of obstructive sleep apnoea", "is the classic sign of"
    ("hallmark hallmarks sign signs symptom symptoms indicator indicators marker markers predictors",
     r"\b(?:is|are) (?:most often|usually|almost always|nearly always) (?:a |the )?(?:signs?|symptoms?) of\b"
     r"|\b(?:is|are|can be|may be|could be) (?:a |an |the |one of the )?(?:(?:classic|tell-?tale|early|earliest|first|warning"
     r"|common|typical|key|main"
     r"|sure|surest|obvious|clear) (?:warning )?(?:signs?|symptoms?|indicators?|markers?)|hallmarks?) of\b"
     r"|\bone of the (?:best|biggest|strongest|most reliable) (?:predictors|signs|indicators|markers) of\b"),
    # a fact put to the reader: "Did you know your feet hold a quarter of all the bones in your body?"
    ("know", r"^\W*(?:did you know|bet you didn't know|you may not know)\b"),
    # nothing better, as proof: "Nothing else on the market works as fast", "Nothing beats magnesium for night cramps"
    # (not a pleasure: "nothing beats the feeling of taking your shoes off")
    ("nothing", r"^\W*nothing (?:else )?(?:on the market |out there )?(?:works|beats|comes close|compares)\b(?! the feeling\b)"),
    # what a habit does for one's lifespan or one's food: "adds years to your life", "far more nutritious than"
    ("years nutritious", r"\badds? (?:\w+ )?years to (?:your|their|our|a) li(?:fe|ves)\b|\b(?:more|less) nutritious than\b"),
    # hearsay passed on: "I've heard standing desks give you varicose veins", "I heard it's not meant for long-term use"
    ("heard", r"\b(?:I've|I have|I|we've|we|you've|you may have|you might have) (?:always |often |also )?heard (?:that )?"
              r"(?:it's|it is|they're|they are|[a-z]+(?: [a-z]+)? (?:give|gives|cause|causes|make|makes|help|helps|stop|stops"
              r"|prevent|prevents|is bad|are bad|is good|are good|can|will))\b"),
    ("myth opinion secret theory", r"\bnot (?:just |simply |only )?(?:a )?(?:myth|opinion|theory)\b|\b(?:is|it's) no secret\b"),
    # efficacy and comparison: "as effective as", "works better than", "one of the best ways", "guaranteed to"
    ("effective good helpful useful safe powerful accurate well",
     r"\b(?:works?|worked) (?:just |every bit |at least |almost )?as well as\b"
     # "Correct your hunchback in only 2 weeks, very effective!"
     r"|\b(?:very|super|extremely|highly|really|incredibly) effective\b"
     r"|\b(?:just |every bit |at least )?as (?:effective|powerful|accurate) as\b|\bjust as (?:good|helpful|useful|safe) as\b|\b(?:more|less|most|least) effective\b"),
    # harm compared: "Standing all day is just as bad as sitting all day", "as bad for you as smoking"
    # (not a yes/no question: "Do you reckon heel striking is actually as bad as people make out?")
    ("bad harmful damaging dangerous",
     r"\b(?:just |every bit |at least )?as (?:bad|harmful|damaging|dangerous) (?:for (?:you|your [a-z]+) )?as\b",
     re.compile(r"^\W*(?:do|does|did|is|are|can|could|would|will)\b[^?]*\?\s*$", re.IGNORECASE)),
    # the surest way to a result: "Strength training after 60 is the single best way to stay independent", "the best
    # thing for the bunion" (not one's own view, "Personally, I think…"; plain "the best way to" is advice as often)
    ("best effective reliable safest quickest fastest easiest surest",
     r"\b(?:is|are) (?:the |one of the )?(?:single (?:best|most effective)|most effective|most reliable|safest|quickest|fastest|easiest"
     r"|surest) (?:ways?|things?|treatments?|exercises?|remed(?:y|ies)|cures?|methods?) (?:to|for|of)\b"
     r"|\b(?:is|are) the (?:single )?best (?:things?|treatments?|exercises?|remed(?:y|ies)|cures?) for\b", _OWN_VIEW),
    ("better worse faster placebo beats outperforms",
     r"\bno (?:more effective|better) than\b|\b(?:works?|worked|performs?|performed) (?:better|best|faster|worse) (?:than|for)\b"
     r"|\bthan (?:a )?placebo\b|\b(?:beats|outperforms|outperformed)\b"),
    ("common frequent commonest leading",
     r"\bone of the (?:most common|most frequent|commonest|leading) (?:[a-z-]+ )?(?:causes|complications|problems"
     r"|injuries|complaints|reasons|conditions|triggers|sources)\b"),
    ("best safest worst healthiest biggest",
     r"\bone of the (?:best|most effective|safest|worst|most common|healthiest|biggest) (?:ways?|forms?|things|treatments"
     r"|exercises|remedies|foods|habits)\b"),
    ("guaranteed miracle melts melt choice brand",
     r"(?<!\bnot )(?<!\blonger )\bguaranteed (?:to|results)\b|(?<!like a )(?<!a small )(?<!a little )(?<!a minor )\bmiracle\b"
     r"|\bmelts? away\b"
     r"|\b(?:number one|no\. ?1|#1|top-rated|best-selling) (?:choice|brand|pick|remedy|treatment)\b"),
    flags=re.IGNORECASE,
)
# Someone's experience offered as proof: a quotation with its speaker, or what customers tell us.
# (and "again", "now", "anymore": an ability back, "'I can garden all afternoon again' – Pauline, 71", "'… was struggling on the
# stairs, and now he races us to the top,' – Jo")
_HEALTH_TRIGGERS = " ".join(sorted(w for w in claim_model.HEALTH_WORDS if w.isalpha())) + " again now anymore"
TESTIMONIAL = AnyOf(
    ("says said writes wrote explains adds reports raves",
     # (not a maker's or a team's own aim: '"We wanted a sock you forget you're wearing," said Nia Rowe')
     r"(?:[\"“](?!(?:We|Our)\b)[^\"”]{8,}[\"”]|(?:^|(?<=\s))['‘](?!(?:We|Our)\b)[^'‘’]{8,}['’]),?\s+"
     r"(?:says|said|writes|wrote|explains|adds|reports|raves)\b"),
    ("customer customers user users patients clients readers buyers reviewers mums parents families regulars members",
     r"\b(?:customers?|users?|patients|clients|readers|buyers|reviewers|mums|parents|families|regulars|members)\s+"
     r"(?:(?!(?:should|must|need|needs|please|can|may|will|could|might|to)\b)\w+\s+){0,2}?"
     r"(?:tell us|told us|tell me|told me|say|says|report|reported|rave|swear|love|wrote to tell us|write to tell us)\b"),
    # a review quoted: 'Top review: "My sciatica has eased since…"'
    ("review", r"^\W*(?:top |latest |customer |featured |buyer |verified |[a-z0-9-]+-star )?review:\s*[\"“]"),
    # a quotation signed by its speaker, or a review's signature: "'After a month my knees…' - Linda, 62", "…, verified buyer"
    # (two rules: the quotation's, anchored, is tried at the start only; the signature's waits for its word)
    # (both only with a word of the body or of health: "'Best croissants in the county, hands down.' – Penmore Courier",
    # "'Booking online was quick.' - Suki, 52" praise a service, and prove nothing a source could)
    (_HEALTH_TRIGGERS, r"^\W*[\"'“‘].{8,}[\"'”’],?\s*[-–—]\s*(?-i:[A-Z])"),
    # (a verified buyer's word on health: not "Delivery was late and the box was enormous")
    (_HEALTH_TRIGGERS, r"\bverified (?:buyer|purchase|customer|reviewer)\b"),
    # signed at the end: "…fixed it in a week! – Dawn, Leeds", "(Margaret, Leeds)"
    # (not an exclamation of a word or three, which says nothing it could prove: "★★★★★ Game changer! – Priya, Ambleford")
    (_HEALTH_TRIGGERS, r"[!.]\s*(?:[-–—]\s*|\()(?-i:[A-Z][a-z]+), (?:(?-i:[A-Z][a-z]+)|\d\d)\)?\s*$",
     re.compile(r"^[^a-zA-Z]*(?:[A-Za-z'’-]+[\s,]+){0,3}[A-Za-z'’-]+[!.]\s*(?:[-–—]\s*|\()[A-Z][a-z]+, ")),
    ("many most", r"\b(?:many|most) of our (?:patients|clients|customers|members|students|users|runners)\b"),
    # what a remedy did for the writer: "…and it fixed mine completely", "honestly the frozen water bottle thing changed my life"
    ("fixed cured sorted healed changed transformed saved better helped switched started ended eased gave brought grown",
     r"\b(?:it|this|that|they|these|which|thing) (?:\w+ )?(?:fixed|cured|sorted|healed|changed|transformed|saved) (?:mine|my|me)\b"
     r"(?!\s*(?:[£$€]|\d|a fortune|money|time|hours|minutes|a trip))"
     # whatever did it: "Shockwave therapy sorted mine in three sessions"
     r"|\b(?:fixed|cured|sorted|healed) mine\b"
     # "Glucosamine sorted my knees out in about a month"
     r"|\b(?:fixed|cured|sorted|healed|ended|eased) (?:my|his|her) (?:[a-z]+ )?(?:knees?|back|feet|heels?|hips?|neck|shoulders?|pain"
     r"|sciatica|arthritis|plantar|bunions?|gout|migraines?|headaches?|stiffness|insomnia)\b"
     # "it gave me my life back", "brought my sugars down by two points", "his fur has completely grown back"
     r"|\bgave (?:me|him|her|us) (?:my|his|her|our) life back\b|\bbrought (?:my|his|her) [a-z ]{0,20}down\b"
     r"|\b(?:has|have) (?:completely |fully |all )?grown back\b"
     # "Ken's knee is much better since he started taking turmeric"
     r"|\b(?:is|are|has been|have been|feels?|felt) (?:so much|much|a lot|loads|heaps|miles) better since\b"
     # "Taking the tablet away completely cured my daughter's tantrums", "worked for my eldest", "helped us a lot"
     r"|\bcured (?:my|his|her|our)\b"
     r"|\bhelped (?:us|me|him|her|my [a-z]+) (?:a lot|loads|so much|massively|hugely|no end)\b"
     # before and after a change: "was itching constantly until we switched, now he's a new dog"
     r"|\b(?:until|since|after) (?:we|I) (?:switched|changed|started)\b[^.;:]{0,40}\bnow\b",
     # (not a result the writer hedges as their own: "… loads better since, though of course that's just me")
     re.compile(r"\bjust me\b|\bcoincidence\b|\bcould be anything\b", re.IGNORECASE)),
    # the writer's complaint gone: "Three weeks in and my plantar fasciitis is basically gone", "My husband's back stopped
    # aching on long drives"
    ("gone disappeared vanished cleared stopped healed eased hurt ached twinged since anymore more showed came returned used been",
     r"\b(?:my|his|her|our)\b[^.;:]{0,40}\b(?:pain|aches?|fasciitis|sciatica|back|knees?|feet|foot|heels?|hips?|shoulders?|neck"
     r"|bunions?|corns?|blisters?|verrucas?|arthritis|gout|cramps?|splints|eczema|psoriasis|headaches?|migraines?) (?:(?:is|are|has"
     r"|have|had|was|were) )?(?:(?:basically|completely|totally|finally|almost|nearly|all but|pretty much|just|entirely) )?(?:gone"
     r"|disappeared|vanished|cleared up|stopped (?:aching|hurting)|healed)\b"
     # "swears her arthritis has eased since she started"
     r"|\b(?:pain|aches?|arthritis|sciatica|back|knees?|hips?|stiffness|cramps?) (?:has|have) (?:really |finally |definitely )?"
     r"eased since\b"
     # "Arthur says his hip hardly aches at all"
     r"|\b(?:hardly|barely|no longer|never) (?:aches|hurts)\b"
     # "since I got mine my knees havent hurt once", "zero pain since"
     r"|\b(?:my|his|her|our) (?:[a-z]+ )?(?:knees?|back|feet|heels?|hips?|neck|shoulders?|ankles?|joints) (?:haven'?t|hasn'?t|have not"
     r"|has not|don'?t|doesn'?t) (?:hurt|ached|twinged)\b|\b(?:zero|no) pain since\b"
     # "my feet not hurting anymore", "my usual hip niggle never showed up"
     r"|\b(?:not|no longer|stopped) (?:hurting|aching|sore|itching) any ?more\b"
     # "with no backache at all", "she says hers have gone completely"
     r"|\bno (?:backache|back pain|pain|aches?|blisters?|soreness) at all\b|\b(?:hers|his|mine|theirs) (?:have|has) (?:all )?gone\b"
     # "the DOMS is basically gone next morning", "my feet used to throb by lunchtime, but with these I barely notice them"
     r"|\b(?:doms|soreness|stiffness|swelling|pain|ache|cramp) (?:is|was) (?:basically |completely |totally |all but |pretty much )?gone\b"
     r"|\bused to (?:throb|ache|hurt|swell|burn)\b[^.;:]{0,60}\b(?:but|now)\b"
     # "I have not been bloated once", "I've stopped getting out of breath on the stairs"
     r"|\b(?:not|never) been (?:bloated|ill|sick|constipated)\b|\bstopped (?:getting|having) (?:out of breath|headaches|migraines"
     r"|cramps?|back pain|aches|colds|heartburn)\b"
     r"|\b(?:niggles?|pain|aches?|blisters?|cramps?|soreness) (?:never|didn't|did not|hasn't|has not) (?:showed|show|shown|came|come"
     r"|returned|return|been) ?(?:up|back)?\b"
    # "Within a week my husband stopped snoring"
     r"|\b(?:my|his|her|our)\b[^.;:]{0,30}\bstopped (?:snoring|limping|aching|hurting)\b"),
    # the writer restored: "I've stuck to it religiously and I've never felt better", "it's kept me supple while my friends
    # have stiffened up", "After three sessions he was back on his boat, pain-free", "dropped two trouser sizes in six weeks"
    # (four rules, each woken by its own word: one rule woken by all of them ran on a tenth of all sentences)
    ("never", r"\b(?:I've|I have|I'd|I had|she's|he's|they've|(?:his|her|my|their) [a-z]+ (?:has|have)) never (?:felt|been|looked"
              r"|slept) (?:better|fitter|healthier|younger)\b"),
    ("kept", r"\b(?:it's|it has|this has|that's|they've|yoga has|swimming has) kept (?:me|him|her|us|them) (?:supple|fit|young"
             r"|healthy|active|mobile|pain-free|going)\b"),
    ("free", r"^\W*(?:after|within) (?:just )?(?:[a-z0-9]+ ){1,2}(?:sessions?|treatments?|appointments?|visits?|weeks?|days?"
             r"|months?)\b[^.;:]{0,60}\b(?:pain[- ]free|symptom[- ]free)\b"
             # "after six months I can squat pain-free"
             r"|\bI can (?:now |finally |at last )?[a-z]+ (?:[a-z]+ )?(?:pain[- ]free|without pain)\b"),
    ("sizes size", r"\b(?:dropped|lost) (?:[a-z0-9]+ )?(?:dress|trouser|jeans?|clothes|clothing) sizes?\b"),
    ("lost kg kilos kilo lbs stone", r"\blost (?:nearly |almost |over |about |around )?(?:\d+(?:\.\d+)?|two|three|four|five|six|seven"
                                    r"|eight|nine|ten) ?(?:kg|kilos?|lbs?|stone)\b"),
    # "finished without a single blister", "got me round the Dunfield half marathon without a twinge"
    ("without", r"\b(?:finished|got (?:me|him|her|us) (?:round|through)|ran|walked|completed)\b[^.;:]{0,60}\bwithout (?:a single |a "
                r"|one |any )?(?:blisters?|twinges?|pain|injur(?:y|ies)|niggles?)\b"),
    ("best", r"\bthe best thing (?:I've|I have|I|she's|he's) ever done for (?:my|her|his) (?:[a-z]+ )?(?:back|knees?|health|feet|joints"
             r"|body|mind|sleep)\b"),
    # the writer's own words, then whose: "I've slept through the night for the first time in years, wrote Karen, one of our
    # five-star reviewers", "I felt ten years younger after my facial, says a recent guest"
    ("says said writes wrote adds",
     r"^\W*(?:I|I've|I'm|I'd|My|Since|After)\b[^\"“]{8,}, (?:says|said|writes|wrote|adds) (?:(?-i:[A-Z][a-z]+)|a |an |one of )"),
    # "A bit of baby rice in the last bottle … worked for my eldest" (not the writer's caution: "this is just what worked for us")
    ("worked", r"\bworked (?:a treat |wonders )?for (?:me|us|him|her|my [a-z]+|both of us)\b",
     re.compile(r"\bjust what worked\b|\bnot a doctor\b", re.IGNORECASE)),
    # a remedy's result handed down: "My mum always said a spoon of honey at night did the trick"
    ("trick", r"\b(?:did|does|do|will do) the trick\b"),
    flags=re.IGNORECASE,
)
# What a thing does to the body, said as fact: the measures a body is checked by, the complaints a remedy eases, what a food
# holds against another, what poisons whom. Each needs the words of the effect, so advice ("Ease the pain first") and a
# limit ("no good study on whether losing weight eases back pain") stay plain.
EFFECT = AnyOf(
    # "Knitting lowers your heart rate", "Cold showers boost the immune system"
    ("rate pressure cholesterol sugar immunity immune metabolism circulation density",
     r"\b(?:lowers?|raises?|reduces?|increases?|boosts?|improves?|strengthens?) (?:your |the |their )?(?:a [a-z]+'s )?(?:resting )?(?:heart rate"
     r"|blood pressure|cholesterol|blood sugar|immunity|immune system|metabolism|circulation|bone density)\b"),
    # "Twenty minutes in the steam room … eases congestion", "Honey soothes a cough better than most syrups"
    ("eases relieves soothes calms",
     r"\b(?:eases|relieves|soothes|calms) (?:your |the |a )?(?:[a-z-]+ )?(?:asthma|congestion|coughs?|eczema|arthritis|inflammation"
     r"|cramps?|sciatica|migraines?|headaches?|anxiety|stress|symptoms|aches|pain|soreness|stiffness|swelling)\b",
     re.compile(r"\bwhether\b|\b(?:no|not|never)\b", re.IGNORECASE)),
    # a product's measured effect: "Our cooling gel lowers your body temperature by up to 2 degrees" (not a battery's life)
    ("up", r"\b(?:lowers?|raises?|reduces?|cuts?|boosts?|increases?|improves?) (?:your |the )?[a-z ]{0,30}? by up to\b",
     _NOT_ABOUT_PEOPLE),
    # food against food: "Light roasts contain more antioxidants than dark roasts", "Lentils are packed with iron"
    ("antioxidants vitamin vitamins fibre fiber protein iron calcium sugar caffeine calories nutrients minerals omega highest"
     " lowest",
     r"\b(?:more|less|fewer|twice as much|as much) (?:[a-z-]+ )?(?:antioxidants|vitamins?|fibre|fiber|protein|iron|calcium|sugar"
     r"|caffeine|calories|nutrients|minerals|omega-3)\b[^.;:]{0,30}\b(?:than|as)\b"
     r"|\b(?:packed|loaded|rich|bursting) (?:with|in) (?:[a-z-]+ )?(?:iron|vitamins?|antioxidants|protein|fibre|fiber|nutrients"
     r"|minerals|calcium|omega)"
     # "so it keeps the highest level of antioxidants"
     r"|\b(?:highest|lowest|most) (?:levels?|amounts?|concentrations?) of (?:antioxidants|vitamins?|fibre|fiber|protein|iron|calcium"
     r"|caffeine|nutrients|minerals|omega-3)\b"),
    ("benefit benefits advantage advantages", r"\bno (?:real |extra |added |proven )?(?:benefit|advantage)s? over\b"),
    # "Chocolate is toxic to dogs", "Lily pollen is deadly to cats"
    ("toxic poisonous deadly fatal non", r"\b(?:is|are) (?:\w+ )?(?:toxic|poisonous|deadly|fatal) (?:to|for)\b"
                                     # "Rhubarb leaves are poisonous, so keep children away"
                                     r"|\b(?:is|are) (?:\w+ )?(?:non-)?(?:toxic|poisonous)\b"),
    # a life lengthened: "Ultra runners live longer than the general population", "Indoor cats live longer than …"
    ("live lived longer", r"(?<!\bto )(?<!\byou )\b(?:live|lived|lives) (?:longer|healthier)\b", _INSTRUCTION),
    # good for the heart, compared: "Digging for an hour is as good for your heart as a brisk jog", "does as much for your
    # heart as a gym membership"
    ("good much bad", r"\bas (?:good|much|bad) for (?:your|the|our|their|a) (?:[a-z]+ )?(?:heart|health|body|brain|joints?|back"
                      r"|lungs|skin|teeth|gut|mind|mood|bones?|knees?|feet|waistline) as\b"),
    # harm to an organ: "Blue light from monitors damages the retina over years of exposure"
    ("damages damage damaged harms harm ruins ruin weakens strengthens protects damaging",
     r"\b(?:damages?|harms?|ruins?|weakens?) (?:your |the |their |a child's |children's )?(?:retinas?|eyes|eyesight|hearing|teeth"
     r"|enamel|gums|liver|kidneys?|lungs|cartilage|joints|spine|nerves|brain)\b"
     # "Fluoride strengthens tooth enamel", "Staring at screens all day is permanently damaging your eyes"
     r"|\b(?:strengthens|protects|is (?:permanently |slowly )?damaging) (?:your |the |their )?(?:tooth |teeth )?(?:enamel|eyes|eyesight"
     r"|hearing|heart|bones|joints|liver|brain)\b", _INSTRUCTION),
    # a complaint handed out: "Swimming straight after eating gives you cramp"
    ("gives give", r"\b(?:gives?|giving) (?:you|them|kids|children|people) (?:a |an )?(?:cramps?|headaches?|migraines?|cancer"
                   r"|arthritis|back pain|bunions|colds?|piles|wrinkles|spots|acne|varicose veins|indigestion|heartburn|blisters"
                   r"|sore feet)\b",
     re.compile(r"\?\s*$")),
    # growth sped: "Trimming your hair every six weeks makes it grow faster", "Stress can make your hair fall out"
    ("grow heal fall", r"\b(?:makes?|helps?|help) (?:it|them|you|your (?:hair|nails|skin|wounds?)|hair|nails|wounds?) (?:grow|heal|recover)"
                       r" (?:faster|quicker|thicker|stronger|longer)\b|\bmakes? (?:your )?hair fall out\b"),
    # a remedy against a complaint: "Salt tablets stop cramp, no question"; "reduces stress more than exercising indoors"
    ("stop stops prevent prevents cure cures",
     r"\b(?:stops?|prevents?|cures?) (?:the |your |their )?(?:night |leg |muscle )?(?:cramps?|colds?|hangovers?|snoring|heel pain"
     r"|back pain|shin splints|blisters|bunions|numbness|chafing|saddle sores)\b"
     # "Textured floor tiles stop elderly people slipping in the shower"
     r"|\bstops? (?:[a-z]+ )?(?:people|you|kids|children|residents) (?:from )?(?:slipping|falling)\b",
     # (not advice, nor a limit: "no good evidence either way on whether they prevent back pain")
     re.compile(_INSTRUCTION.pattern + r"|\bwhether\b|\b(?:no|not|never)\b|\?\s*$", re.IGNORECASE)),
    ("more better", r"\b(?:reduces?|lowers?|relieves?|eases?|cuts?) (?:your )?(?:stress|anxiety|tension|blood pressure|pain)"
                    r"(?: levels)? (?:more|better|faster) than\b"),
    # "Bed rest for more than a day or two can slow your recovery"
    ("recovery healing", r"\b(?:slows?|speeds?|delays?|hampers?|hinders?) (?:up )?(?:your |the |their )?(?:recovery|healing)\b",
     _INSTRUCTION),
    # "Ballet before the age of seven builds the balance and coordination children keep for life"
    ("builds improves boosts develops", r"\b(?:builds|improves|boosts|develops) (?:the |your |their |a child's |children's )?"
                                        r"(?:balance|coordination|bone density|self-esteem|stamina|confidence and|speech)\b"),
    # "Dark mode reduces eye strain during late-night writing sessions"
    ("strain eyestrain", r"\b(?:reduces?|prevents?|causes?|eases?|relieves?) (?:digital )?eye ?strain\b", _INSTRUCTION),
    # "St John's wort can stop the contraceptive pill from working properly"
    ("working", r"\bstops? (?:the |your )?(?:[a-z-]+ )?(?:pill|medicines?|medication|tablets?|drugs?|inhaler) (?:from )?working\b"),
    # "Standing tall makes you look 5 pounds lighter"
    ("lighter younger slimmer", r"\bmakes? you (?:look|feel) (?:\d+|ten|five|years)[^.;:]{0,20}\b(?:lighter|younger|slimmer)\b"),
    # "Dementia-friendly film screenings … lift the mood of people living with dementia"
    ("mood", r"\b(?:lifts?|boosts?|improves?|brightens?) (?:the |your |their |our )?mood\b", _INSTRUCTION),
    # a promise: "After 2 weeks of using, you will be taller and more confident"
    ("will", r"^\W*after (?:\w+ ){1,2}(?:weeks?|days?|months?|sessions?)\b[^.;:]{0,30}\byou will (?:be|feel|look|see|notice)\b"),
    # what a garden is said to do: "Planting marigolds between your tomatoes keeps whitefly away", "Crushed eggshells … stop slugs"
    ("away bay slugs snails", r"\bkeeps? (?:the )?(?:whitefly|greenfly|aphids|slugs|snails|mosquitoes|midges|flies|moths|pests|ants"
                              r"|mice|rats) (?:away|off|at bay)\b|\bstops? (?:the )?(?:slugs|snails|aphids|pests)\b",
     re.compile(r"\bwhether\b|\?\s*$", re.IGNORECASE)),
    # development and ageing: "Screen time before the age of two delays speech", "Keeping busy with a hobby slows memory loss",
    # "Messy play builds the fine motor skills", "Singing every day keeps the memory sharp", "your knees and hips stay younger"
    ("delays delay slows slow motor sharp longer",
     r"\bdelays? (?:speech|development|healing|recovery|growth|puberty)\b|\bslows? (?:down )?(?:memory loss|ageing|aging|decline"
     r"|dementia|hair loss)\b|\bbuilds? (?:the )?(?:fine |gross )?motor skills\b"
     r"|\bkeeps? (?:the |your )?(?:memory|mind|brain|joints|bones) (?:sharp|young|active|healthy|supple|strong)\b"
     r"|\bstays? (?:younger|healthy|healthier|supple|strong) for longer\b"),
    # "flashing light at these speeds can trigger seizures"; "you heal quicker"; "the blood circulation will become very smooth"
    ("seizures fits quicker faster circulation flow",
     r"\bcan (?:trigger|cause|bring on) (?:seizures|fits|asthma attacks?)\b|\b(?:you|they|we) (?:heal|recover) (?:quicker|faster"
     r"|more quickly|sooner)\b|\b(?:circulation|blood flow) will (?:become|be|get|improve)\b"),
    # promises: "you'll have no more aching legs", "Our laser cap regrows thinning hair", "MOVE LIKE YOU'RE 25 AGAIN!!!"
    ("more regrows regrow again younger",
     r"\bno more (?:aching|sore|tired|painful) (?:legs|feet|backs?|knees|joints)\b|\bregrows? (?:[a-z]+ )?hair\b"
     r"|\blike you'?re (?:\d+|twenty|thirty) again\b|\bfeel (?:\d+|ten|twenty) years younger\b"),
    # "Our kelp helps keep teeth clean and breath fresh"
    ("teeth", r"\bhelps? (?:to )?keep (?:the |your |their )?teeth (?:clean|healthy|strong)\b"),
    # "Carrots … help clean the teeth"
    ("teeth bones", r"\bhelps? (?:to )?(?:clean|protect|strengthen|whiten) (?:the |your |their )?(?:teeth|bones)\b"),
    # a cleanse: "Foot massage flushes toxins out of the tissues", "draws impurities from deep within the skin"
    ("toxins impurities detoxes detoxifies",
     r"\b(?:draws?|flushes?|pulls?|drains?) (?:out )?(?:the )?(?:toxins|impurities)\b|\bdetox(?:es|ifies)\b"),
    flags=re.IGNORECASE,
)
EFFECT_KIND = "states an effect on health"
# "What experts agreed…", "How studies are judged…": a sentence that names research as its topic.
_META = re.compile(r"^\W*(?:what|how|whether|why)\b", re.IGNORECASE)


# Proof, or a study described, unless a negation comes shortly before ("not proven", "not tested in a trial").
# _PROOF matches only where one of its words is: ``_claims_proof`` looks them up in the sentence's words first,
# since the lookbehinds make the search slow (Python's engine tries it at every position of every sentence).
_PROOF_WORDS = ("proven", "proves", "proved")
_STUDY_WORDS = ("study", "trial", "review", "survey", "experiment")
_PROOF = re.compile(rf"\b(?:{'|'.join(_PROOF_WORDS)})\b"
                    # (not a call to join one: "… volunteers … to take part in a clinical trial")
                    r"|(?<!part )(?<!enrol )(?<!enrolled )(?<!participate )\bin (?:a|one|another|a recent|a large|a small"
                    r"|one small|one large) (?:[a-z-]+ )?"
                    rf"(?:{'|'.join(_STUDY_WORDS)})\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no|none|nor|nothing|un\w*|isn't|aren't|hasn't|haven't)\b", re.IGNORECASE)


# "The X Journal is published quarterly", "… is edited by …": a sentence about a journal, not a finding it reported.
_ABOUT_A_TITLE = re.compile(r"\b(?:is|are) (?:published|edited|printed|issued|distributed) (?:quarterly|monthly|weekly|annually"
                            r"|twice|every|online|in print|by)\b"
                            # a reference itself: "Journal of …, Volume 12, Issue 3, pp. 211-224."
                            r"|\b(?:vol(?:ume)?\.?|issue|pp\.)\s*\d"
                            r"|\bsubscribe to\b|\bsubscriptions? to\b|\bjournal club\b"
                            # the writer's own press: "We were featured in Yarn & Needle Monthly's 'Best Small Shops' list"
                            r"|^\W*(?:we|we've|we were|we have been|our [a-z]+ (?:was|were|has been)) (?:were |was |have been |got )?featured in\b"
                            r"|\b(?:latest|current|new|back|recent|this month's|spring|summer|autumn|winter) (?:issues?|editions?"
                            r"|copies) of\b"
                            # "The findings appear in the Journal of …", "The full paper is published today in …": where a
                            # piece of work appears, with no finding of it in the sentence (RESEARCH still reads one)
                            r"|^\W*(?:the |our |their |this |a )?(?:full |new )?(?:paper|findings|study|work|results|research"
                            r"|article|report|trial|review)\b(?:(?!\b(?:that|shows?|showed|found|finds)\b)[^.;:])*?\b(?:appears?"
                            r"|appeared|(?:is|are|was|were|will be|has been|have been) (?:published|reported|printed))"
                            r"(?: (?:today|this week|this month|online|next month|later this year|yesterday|last (?:week|month)"
                            r"|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)))? in\b"
                            r"(?!(?:(?!\b(?:that|shows?|showed|found|finds)\b)[^.;:])*\b(?:that|shows?|showed|found|finds)\b)"
                            # a journal about its own business: "The X Journal publishes four issues a year", "… asked us"
                            r"|^\W*the (?-i:(?:[A-Z][\w-]+ )*)(?:journal|quarterly|review|bulletin|annals|gazette|digest)"
                            r"(?: of(?-i: [A-Z][\w-]+| and| &)+)?(?:'s)?(?: print| online)?(?: archive| website| office)?"
                            r" (?:is held|are held|is kept|is open|publishes|published|asked"
                            r"|asks|invites|invited|welcomes|accepts|is edited|is (?:now )?available|costs|comes out|has moved)\b",
                            re.IGNORECASE)
# A title line, every word capitalised: "The Larches Gazette, Winter Issue" (matched at the start only).
_TITLE_LINE = re.compile(r"\W*(?:[A-Z0-9][\w'’.-]*(?:[\s,:–—|-]+|$))+$")
# A byline or a label, a few words with no full stop: "Health desk, Northcombe Evening Post".
_BYLINE = re.compile(r"^\W*(?:[\w'’&-]+[\s,]+){0,5}[\w'’&-]+\s*$")
# "Proven Foot Care Ltd", "proved for 36 hours": the word as part of a name, or a baker's, not a claim of proof.
_IN_A_NAME = re.compile(r"(?-i:Prov(?:en|es|ed) [A-Z])|(?i:prov(?:ed|en) (?:for|overnight)\b)")


# "Our proven fitting service", "tried and proven in our test kitchen", "as I've proven to three grandchildren", "the group
# proved that cress grows": a business's boast of itself, or the writer's own demonstration, not a result claimed.
_OWN_PROOF = re.compile(r"(?:\b(?:a|our|their)|\btried and|\b(?:I|I've|we|we've|the group|the class|the children)"
                        r"(?: have| had)?) $", re.IGNORECASE)


def _claims_proof(sentence: str, words: frozenset[str]) -> bool:
    if words.isdisjoint(_PROOF_WORDS) and ("in" not in words or words.isdisjoint(_STUDY_WORDS)):
        return False
    for match in _PROOF.finditer(sentence):
        if _IN_A_NAME.match(sentence, match.start()):
            continue
        before = sentence[max(0, match.start() - 40):match.start()]
        if not _NEGATION.search(before) and not _OWN_PROOF.search(before):
            return True
    return False


# A word ending in -ists or -ians (what ``words_of`` splits out: the letters run no further), found in one search.
_PLURAL_OF_PERSON = re.compile(r"(?:ists|ians)(?![a-z])")


def rule_kind(sentence: str) -> str | None:
    """The kind of claim a wording rule finds in the sentence ("states a statistic", …), or None."""
    words = words_of(sentence)
    if STATISTIC.search(sentence, words):
        return "states a statistic"
    if _META.match(sentence):
        # research named as the topic ("What experts agreed…"); what did the writer good still counts ("what finally fixed
        # mine was rolling a frozen water bottle")
        found = TESTIMONIAL.search(sentence, words) and not _TITLE_LINE.match(sentence)
        return "offers a testimonial as evidence" if found else None
    if (not _NAMED_WORDS.isdisjoint(words) and NAMED_SOURCE.search(sentence) and not _ABOUT_A_TITLE.search(sentence)
            and not _TITLE_LINE.match(sentence) and not _BYLINE.match(sentence)):
        return "attributes a finding to a named source"
    if ((not _RESEARCH_WORDS.isdisjoint(words) or _PLURAL_OF_PERSON.search(sentence.lower()))
            and RESEARCH.search(sentence)) or RESEARCH_CUED.search(sentence, words):
        return "leans on research"
    if sentence.rstrip().endswith(":"):
        return None  # a lead-in: the list it opens carries the claims, and their citations
    if APPEAL.search(sentence, words) or _claims_proof(sentence, words):
        return "appeals to science or authority"
    if TESTIMONIAL.search(sentence, words):
        return "offers a testimonial as evidence"
    if EFFECT.search(sentence, words):
        return EFFECT_KIND
    return None


def claim_kind(sentence: str) -> str | None:
    """What the sentence claims without a source ("states a statistic", …), or None for a plain sentence:
    the rules' kind, else "states a claim" when the model (:mod:`.claim_model`) reads it as one."""
    kind = rule_kind(sentence)
    if kind is None and claim_model.is_claim(sentence):
        return MODEL_KIND
    return kind


def sentence_kinds(sentences: Sequence[Sentence]) -> tuple[str | None, ...]:
    """The claim kind of each uncited sentence (None for cited ones): stored on the page as ``claim_kinds``.

    The model is asked only on a page that cites nothing (text pasted from a blog, a page not yet sourced):
    on a page that cites its sources, a claim with no wording cue usually rests on the citations around it,
    and only the rules, which need a citation in the sentence itself, apply.

    A sentence's kind depends on its text alone, and pages repeat sentences (a guide's own refrains, headings such
    as "Key points", the same advice on sibling pages: a third of docs/'s sentences are repeats), so each process
    judges a text once (:data:`_KNOWN`)."""
    cited = any(s.cited_keys for s in sentences)
    kind_of = rule_kind if cited else claim_kind
    known = _KNOWN[cited]
    out: list[str | None] = []
    for sentence in sentences:
        if sentence.cited_keys:
            out.append(None)
            continue
        text = sentence.text
        kind = known.get(text, _UNKNOWN)
        if kind is _UNKNOWN:
            if len(known) >= _KNOWN_MAX:
                known.clear()     # bounded: a long `mkdocs serve` keeps the process
            kind = known[text] = kind_of(text)
        out.append(kind)   # type: ignore[arg-type]
    return tuple(out)


# text -> kind, by the rules and the model (False: a page that cites nothing) and by the rules alone (True)
_KNOWN: dict[bool, dict[str, str | None]] = {False: {}, True: {}}
_KNOWN_MAX = 1 << 16
_UNKNOWN = object()
