"""Statistics: shares and counts of people, risks and their changes, comparisons between groups; and the numbers
that are none (doses, offers, prices, materials, head counts of a service). The shared words of people and of
instructions live here too."""

from __future__ import annotations

import re

from .engine import AnyOf, Needs

_NUMWORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
             " eighteen nineteen twenty thirty forty fifty few hundred thousand")
_NUM = (r"(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
        r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|a (?:few|hundred|thousand))")
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
# Who a statistic counts: people, and the studies and cases that stand for them.
WHO_WORDS = ("people patients adults participants women men children workers volunteers subjects studies trials "
              "runners walkers athletes players soldiers employees users customers respondents cases readers "
              "doctors podiatrists physiotherapists nurses population parents mothers mums fathers babies toddlers "
              "teenagers teens kids pupils students smokers drinkers dieters sufferers residents households families "
              "hikers swimmers cyclists drivers staff members clients buyers shoppers owners britons americans "
              "europeans individuals persons dancers golfers skiers climbers riders gardeners rowers lifters skaters "
              "surfers footballers gymnasts couples holders commuters pensioners retirees grandparents youngsters")
WHO = "(?:" + "|".join(WHO_WORDS.split()) + r"|[a-z]+-goers)"
# Just after one of WHO's words and a space, by lookbehinds (each of fixed width): a rule that starts at the word after
# the group ("… who", "… that") and looks back runs several times faster than one that tries WHO at every word.
_AFTER_WHO = "(?:" + "|".join(rf"(?<=\b{word} )" for word in WHO_WORDS.split()) + r"|(?<=-goers ))"
# Units a count of doses, times or sizes is given in: "4 tablets in 24 hours" is a dose, not a share of people.
_UNITS = (r"(?:hours?|hrs?|days?|minutes?|mins?|seconds?|secs?|weeks?|months?|years?|nights?|mornings?|am|pm|h|ml|mg|g|kg"
          r"|cm|mm|m|km|steps?|sets?|reps?|repetitions|doses?|tablets?|capsules?|drops?|meals?|servings?|portions?"
          r"|goes|times|lifts|pairs?|sessions?|languages?)\b")
# An instruction ("Take…", "Swap 1 in every 3…", "Get 20% off"): its numbers are doses, plans and offers.
INSTRUCTION = re.compile(
    r"^\W*(?:step \d+\W+)?(?:take|use|apply|swap|try|aim|do|make|keep|add|drink|eat|rest|repeat|hold|walk|book|get|save"
    r"|order|buy|stop|start|ice|place|put|set|count|store|give|lie|stand|sit|lift|bend|lower|raise|choose|pick|shop"
    r"|enjoy|claim|subscribe|mix|dissolve|spread|wear|change|replace|cut|allow|avoid|limit)\b", re.IGNORECASE)
# Money raised or matched: "One in three walkers last year raised over 100 pounds", "Every pound you raise will be doubled".
_FUNDS = (r"\braised (?:over |more than |about |around )?(?:[£$€]|\d|(?:a |one )?(?:hundred|thousand))|\b(?:pounds?|donations?"
          r"|fundrais\w+|sponsorship) (?:you |we )?(?:raise|give|make)\b|\bpound you raise\b")
# "rated 4.6 out of 5", "scored 9 out of 10": a rating, not a share of people (and the instructions above).
_RATING = re.compile(INSTRUCTION.pattern + r"|" + _FUNDS
                     # "The Cityline 3 comes in three colours"
                     + r"|\b(?:comes?|available|sold) in (?:\d+|two|three|four|five|six) (?:colours|colors|sizes|finishes|styles|shades"
                       r"|lengths|widths)\b|\b(?:rated|rates|scored|scores|gave|gives|rating:|score:|verdict:)"
                     r"\s+(?:it\s+|us\s+|a\s+)?\d+(?:\.\d+)?\s+"
                     r"out of\s+(?:5|10|five|ten)\b|\b\d+\.\d+\s+out of\s+(?:5|10)\b"
                     r"|\b(?:stars?|points?|marks?)\s+out of\b", re.IGNORECASE)
# "20% off", "80% cotton": a price or what a thing is made of.
_NOT_A_SHARE = (r"(?!\s*(?:off\b|discount|cashback|deposit|cheaper|apr\b|vat\b|abv\b|proof\b|extra\b"
                # "Summer dates are already 80% booked"
                r"|booked\b|full\b|sold\b|reserved\b|funded\b|complete\b|let\b|aer\b|apy\b|(?-i:EAR)\b|interest\b|gross\b|w/[wv]\b"
                # a card's or a lender's offer: "you may lose the 0% deal"
                r"|deals?\b"
                # a machine's test condition, a feed's make-up, a card's offer: "80% relative humidity", "a 20% protein layers'
                # mash", "A 0% balance transfer card"
                r"|relative humidity\b|humidity\b|protein (?:layers|feed|mash|pellets)\b|balance transfer\b"
                # "100% vegan": what a product is, as a label says it ("100% natural" is often a remedy's boast)
                r"|vegan\b|plant-based\b"
                r"|rye\b|wheat\b|flour\b|wholemeal\b|spelt\b|fresh\b"
                # a product's name: "GlowJar Niacinamide 10% Serum"
                r"|(?-i:[A-Z][a-z]+\b)"
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
# "Most back pain is not…": a generalisation under a negation marks a limit, as in research.py's RESEARCH.
_MOST_NOT = re.compile(r"^\W*most\b[^.;:]{0,60}\b(?:not|never|no)\b", re.IGNORECASE)
# A study's methods and aims say whom it counted, not what it found ("Methods: We followed 2,418 participants …").
_METHODS = r"^\W*(?:methods?|design|setting|objectives?|aims?)[.:]\s"
# A business's head count with no health outcome: "Over 12,000 patients treated", "Join over 200,000 walkers".
_HEADCOUNT = re.compile(
    r"^(?!.*\b(?:less|more|fewer|better|worse|reported|report|said|say|felt|feel|found|improv\w*|reduc\w*|pain|risk|likely)\b)"
    r".*\b(?:treated|served|seen|joined|join|reviewed by|relied on by|came through|visited|attended|enrolled"
    r"|registered|signed up|subscribed|ordered|booked|fitted|rated|cares for|looks after|looking for|take part|capped at"
    # a club's or a co-operative's size: "Our junior section has grown to 26 players", "owned by our 6,200 members"
    r"|grown to|owned by|congratulations|well done to|waiting list|stands at"
    # "We have 46 players and 7 volunteer coaches this season", "The club has 86 members", "the walking app with 2.3 million users"
    r"|\b(?:we|the club|the team|the group|the society|the choir|the school) (?:have|has) (?:around |about |over )?\d[\d,]*"
    r"|\bwith \d[\d.,]* (?:million |thousand )?(?:users|members|subscribers|customers)\b"
    # a department's or a firm's staff: "has 140 staff and opened in 1998"
    r"|\b(?:has|have|employs|employ) (?:around |about |over |some )?\d[\d,]* (?:staff|employees)\b"
    r"|trains|teaches|welcomes|holds|seats|sleeps|accommodates|max|maximum|limited to|spaces for|places for|home to"
    # a meeting's minutes: "Present: 23 members; apologies from …"
    r"|present:|apologies|we had|turn up|turned up|showed up|completed our|thank you to"
    # the writer's own small survey: "I surveyed 20 people in my year about how often they run"
    r"|surveyed|interviewed|polled|questioned|(?:we|I) asked"
    # a count taken, a service's load, a club's size: "They logged 412 cyclists", "The department sees around 95,000 patients
    # a year", "a running club of about 140 members", "the 18,400 households who subscribe"
    r"|logged|counted|(?:has|have) (?:more than |over |nearly |almost |around )?\d|sees|see around|see about|see over|see up to|subscribe"
    r"|(?:club|society|choir|group|community|network|association) of)\b|"
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
OWN_VIEW = re.compile(r"^\W*personally\b|\bin (?:my|our) (?:view|opinion)\b|\bI (?:think|reckon|feel|find)\b", re.IGNORECASE)
# Where a share is no claim about people: markets, prices and the weather ("Shares in … rose 8%", "losses of more than 4 per cent"),
# a definition ("'prolonged standing' means … more than 50 per cent of working time") and a study's methods.
NOT_ABOUT_PEOPLE = re.compile(
    INSTRUCTION.pattern + r"|\b(?:shares|stocks|sales|revenues?|profits?|earnings|turnover|inflation|gdp|losses|trading"
    r"|prices|fares|fees|rents?|rental|yield|finance|mortgages?|battery|(?:insurance|buildings|contents|monthly|annual|your) premiums?"
    # … and the weather and the lie of the land: "Rain is 70 per cent likely", "3.2 km at an average of 7%"
    r"|rain|rainfall|snow|showers|forecast|gradient|climb|incline"
    # … and machines: "Startup time has been reduced by 40% on older laptops"
    r"|startup|latency|bandwidth|cpu|laptops?|firmware|servers?|emissions|discounts?|alcohol-free|beer|lager|ale|wine|cider)\b"
    # … and a program's or a printer's footprint: "reduces memory use by up to half", "reduces ink use by around a third"
    r"|\b(?:memory|ink|data|disk|storage|cache) (?:use|usage)\b|\bstorage\b|\bcache\b"
    r"|^\W*(?:contains|made with|made from|ingredients|composition|materials?|fabric)\b"
    # … and money and a school's register: "My ISA returned 7.2% last year", "the highest attendance this week at 98.6%"
    r"|\b(?:isa|pension|savings|investments?|portfolio|returned|attendance)\b"
    r"|['‘\"“][^'’\"”]{3,40}['’\"”] means\b|\bis defined as\b|\bfor the purposes of\b"
    r"|" + _METHODS, re.IGNORECASE)
# A price or a sum of money is no count of people: "£22 for adults", "over £12 million".
_NOT_MONEY = r"(?<![£$€¥\d.,])"
# One share of a make-up, as a label lists them: "fat 10%", "60% synthetic mesh" (not "60% of people", "40% more").
_LISTED_SHARE = r"(?:[A-Za-z][\w-]* ){0,3}\d+(?:\.\d+)?%(?: (?!of\b|more\b|less\b|fewer\b)[A-Za-z][\w-]*){0,3}"
# A fund's charge: "My old fund charged 1.4% a year", "an ongoing charge of 0.12%", "a tracker with a 0.12% fee".
_NOT_ABOUT_PEOPLE_OR_FEES = re.compile(NOT_ABOUT_PEOPLE.pattern + r"|\b(?:charges?|charged|charging|fees?|charge of)\b[^.;]{0,20}?\d+(?:\.\d+)?%"
                                       # a loan's rate and an offer: "a representative APR of 12.7%", "a subscription saves 20%"
                                       r"|\b(?:apr|(?-i:EAR)|aer|representative)\b[^.;]{0,15}?\d+(?:\.\d+)?%|\bmoisture content\b"
                                       # (round seventeen) a product's rate or a loan's terms: "Our two-year fixed rate is
                                       # 4.69%", "The current prize fund rate is 3.6%", "6.8% APRC", "a deposit from 5%", "you
                                       # repay 9% of everything you earn"
                                       r"|\b(?:fixed|variable|interest|fund|savings|mortgage|tracker|base|introductory) rates?\b"
                                       r"[^.;]{0,25}?\d+(?:\.\d+)?%|\d+(?:\.\d+)?%\s*aprc?\b|\bdeposit (?:of |from )\d|\brepay \d"
                                       # … a recipe's or a tank's measure, a setting, a gauge, a market's move, a score: "at about 2%
                                       # of its weight", "25% of the water every Sunday", "90% JPEG quality", "when 10% of filter
                                       # life remains", "up 3.1% from Monday", "won the Autumn Pairs with 64.2%"
                                       r"|%\s*of (?:its weight|the water)\b|\d+%\s*(?:jpeg|quality)\b"
                                       r"|%\s*of (?:the )?(?:filter|battery|ink|toner) life\b|\b(?:up|down) \d+(?:\.\d+)?% from (?:monday|tuesday|wednesday|thursday|friday|yesterday|last week|the open)\b"
                                       r"|\bwon\b[^.;]{0,40}\bwith \d+(?:\.\d+)?%|\b(?:dims?|brightens?|darkens?) [^.;]{0,30}\bby \d+%"
                                       # … and a rule of the allotments: "Plots found to be less than 75% cultivated"
                                       r"|\d+%\s*cultivated\b|\brecipe starts with \d+%"
                                       r"|\b(?:subscri\w+|bundle|multipack|membership|annual plan)\b[^.;]{0,20}\bsaves? (?:you )?\d+%"
                                       r"|\d+(?:\.\d+)?%\s*(?:a year\s*)?(?:fee|charge|ongoing charge|annual (?:fee|charge))\b"
                                       # … an account's interest, and a make-up listed: "My easy-access account pays 4.1%",
                                       # "Crude protein 24%, fat 10%, fibre 3.5%.", "Upper: 60% synthetic mesh, 40% TPU overlays."
                                       r"|\b(?:account|isa|bond|saver)s? (?:now )?pays? (?:about |around |up to )?\d+(?:\.\d+)?%"
                                       rf"|^\W*(?:[A-Za-z][\w -]{{0,25}}:\s*)?{_LISTED_SHARE}(?:(?:,\s*|\s+and\s+|\s*/\s*){_LISTED_SHARE})+"
                                       r"\s*[.!]?\s*$",
                                       NOT_ABOUT_PEOPLE.flags)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"

STATISTIC = AnyOf(
    ("#", _OFFER_BEFORE + r"\d[\d,]*(?:\.\d+)?\s?(?:%|per\s?cent\b|percent\b)" + _NOT_A_SHARE, _NOT_ABOUT_PEOPLE_OR_FEES),
    ("cent percent", rf"\b(?:{_TENS}|ten|a hundred|one hundred) (?:per\s?cent|percent)\b" + _NOT_A_SHARE, INSTRUCTION),
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
    ("most", r"\bmost of us\b", re.compile(OWN_VIEW.pattern + r"|\beither\b", re.IGNORECASE)),
    # a rate of people in time: "Every 20 minutes, someone in this country loses part of a leg to diabetes"
    ("every", r"^\W*every (?:\d+|few|single|couple of|[a-z]+) (?:seconds?|minutes?|hours?|days?)\b[^.;:]{0,40}?\b(?:someone|somebody"
              r"|a person|one person|a child|an adult|a woman|a man)\b"),
    # one group against another: "E-bike riders actually exercise more than regular cyclists", "Dog owners walked on average
    # 2,700 more steps a day than non-owners"
    ("than", rf"\b{WHO}\b[^.;:]{{0,60}}\b(?:more|less|better|worse|faster|longer|further) than (?:[a-z-]+ )?{WHO}\b"
             r"|\bon average\b[^.;:]{0,40}\b(?:more|less|fewer|faster|slower|longer|higher|lower)\b[^.;:]{0,30}\bthan\b",
     NOT_ABOUT_PEOPLE),
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
    (WHO_WORDS + " goers",
     rf"\b(?=(?:who|that|with|without)\b){_AFTER_WHO}(?:who|that|with|without)\b[^.;:]{{0,80}}?\b(?:on average|\d+(?:\.\d+)?\s?(?:%|per\s?cent|percent) (?:more|less|fewer"
     r"|faster|slower|longer|shorter|higher|lower)|report(?:ed)? (?:being |feeling )?(?:far |much |significantly )?(?:fewer|less|more|lower|higher|better|happier"
     r"|healthier|calmer|fitter)|(?:recover|recovered|heal|healed) (?:more quickly|faster|quicker|sooner)"
     # "Children who walk or scoot to school arrive more alert and ready to learn"
     r"|(?:arrive|arrived|feel|felt|grow up|end up|are|were) (?:far |much )?(?:more|less) (?:alert|active|confident|focused"
     r"|anxious|settled|independent|resilient)|arrive (?:calmer|happier|more settled)"
     # "Adults who sleep under six hours a night catch more colds"
     r"|(?:catch|caught|get|got|suffer|suffered|have|had) (?:far |many )?(?:more|fewer) (?:colds|infections|injuries|illnesses"
     r"|headaches|migraines|falls|accidents|sick days|cavities|fillings)"
     # "Children who know what is coming next have far fewer outbursts", "People who check … end up with lower returns"
     r"|(?:have|had|end up with|ended up with) (?:far |many |much )?(?:fewer|lower|higher) [a-z]+"
     r"|end up with (?:more|less|bigger|smaller) [a-z]+|(?:get|got|earn|earned|achieve|achieved) (?:better|higher|lower|worse)"
     r" (?:grades|marks|results|scores)|make (?:faster|better|quicker|more) progress"
     # "Children who are active for an hour a day do better in reading and maths"
     r"|(?:do|did|perform|performed|score|scored|sleep|slept|live|lived) (?:better|worse|higher|lower|longer))\b",
     # (not money: "Customers who set up a savings goal save on average £40 more a month")
     re.compile(r"[£$€¥]\s?\d|" + NOT_ABOUT_PEOPLE.pattern, re.IGNORECASE)),
    ("risk chance odds rate", r"\b(?:risk|chance|odds|rate) of [\w\s-]{1,40}? (?:rises|increases|doubles|falls|drops|goes up|is higher|is lower)\b"),
    ("odds hazard risk relative absolute confidence",
     r"\b(?:odds|hazard|risk) ratio\b|\b(?:relative|absolute) risk\b|\bconfidence interval\b"),
    ("likely common often prone",
     r"\b(?:twice|(?:\d+|two|three|four|five|six|seven|eight|nine|ten) times) (?:as|more|less) (?:likely|common|often|prone)\b"
     r"|\b(?:half|a third|a quarter|one third|a fifth) as (?:likely|common|often|prone)\b"
     rf"|\b{WHO}\b[^.;:]{{0,80}}?\b(?:more|less) (?:likely|prone) (?:to|than)\b"),
    # (not a head count of a team or an intake: "employs 14 physiotherapists", "recruiting 200 volunteers")
    ("#", rf"(?=\d){_NOT_MONEY}(?<!first )(?<!next )(?<!last )(?<!employs )(?<!employ )(?<!employing )(?<!recruiting )(?<!recruit )"
          rf"(?<!seeking )(?<!team of )(?<!year )(?<!grade )\b\d[\d,]* (?:(?!(?:for|to|of|in|on|at|by|with|from|or|and)\s)[a-z-]+ )?{WHO}\b(?!['’])",
     re.compile(_HEADCOUNT.pattern + "|" + _TRIAL_METHOD.pattern, re.IGNORECASE)),
    # shares and counts of people: "a quarter of the population", "millions of people", "most patients with"
    ("quarter third fifth tenth half thirds quarters majority minority fraction proportion",
     rf"\b(?:a (?:quarter|third|fifth|tenth)|half|two thirds|three quarters|(?:the |a )?(?:vast |clear |large |small |tiny "
     rf"|big |slim )?(?:majority|minority|fraction|proportion))\s+of\s+(?:all |the |our )?(?:[a-z-]+ )?{WHO}\b"
     # "Half of all trackers end up abandoned"
     r"|\bhalf of all\b",
     # (not how a trial shares its volunteers out: "Half of the volunteers will get the new dressing, chosen at random")
     re.compile(r"\b(?:at random|randomly)\b", re.IGNORECASE)),
    ("small large tiny big high low", r"\ba (?:small|large|tiny|big|high|low) (?:fraction|proportion|share) of\b"),
    # a group's result: "Councils that moved to three-weekly collections saw their recycling rates rise", "Libraries that
    # removed fines saw returns go up", "Children who read with an adult … are a whole year ahead"
    ("saw see seen reported report", r"\b(?:who|that)\b[^.;:]{3,80}?\b(?:saw|see|have seen|has seen|reported|report)\b[^.;:]{0,50}?"
                                     r"\b(?:rise|rose|risen|fall|fell|fallen|go up|went up|go down|went down|improve|improved|drop"
                                     r"|dropped|increase|increased|double|doubled|halve|halved|held steady|hold steady)\b", Needs(("who", "that"))),
    # a group against the rest: "Savers who automate a monthly transfer build up nearly twice as much as those who save when
    # they remember", "Cats that dislike their litter are more likely to wee outside the tray"
    ("those likely", r"\b(?:who|that)\b[^.;:]{3,80}?\b(?:twice|double|half|three times|more|less|fewer)\b[^.;:]{0,30}?\b(?:as|than|of)"
                     r" those (?:who|that|with)\b"
                     # (the group opens the sentence: not "…, so shoes that fit then are less likely to pinch")
                     r"|^\W*(?:[a-z'-]+ ){1,3}(?:who|that)\b[^.;:]{3,60}?\b(?:are|is) (?:far |much )?(?:more|less) likely to\b",
     Needs(("who", "that"))),
    # round sixteen: "EPDM lasts twice as long as traditional felt"; "Most roof leaks are caused by failed flashing"; "has raised
    # recycling rates in every council that has tried it"; "Cruising produces less carbon per passenger than flying"
    ("lasts last", r"\blasts? (?:twice|three times|four times|\d+ times) as long as\b"),
    ("caused triggered due", r"^\W*most [a-z -]{2,30} (?:are|is) (?:caused|triggered|due) (?:by|to)\b"),
    ("every", r"\bin every [a-z]+ (?:that|where|which) (?:has|have) (?:tried|introduced|adopted|done|brought)\b"
              r"|\bin every [a-z]+ where (?:it|they) (?:has|have) been (?:tried|introduced|adopted)\b"),
    ("carbon co emissions pollution", r"\b(?:less|more|fewer|lower|higher) (?:carbon|co2|emissions|pollution)\b[^.;:]{0,30}\bthan\b"),
    # a weight to be lost, promised: "MELT UP TO 10 LBS IN YOUR FIRST 2 WEEKS"
    ("lbs lb kg kilos kilo pounds stone", r"\b(?:melt|lose|shed|drop|burn) (?:off )?(?:up to |over |nearly |as much as )?\d+ ?(?:lbs?|kg"
                                   r"|kilos?|pounds|stone)\b", re.compile(r"\b(?:if|aim|goal|target|want|trying)\b", re.IGNORECASE)),
    # round seventeen: "Homes with a visible burglar alarm are less likely to be targeted" (82 claims of the sets, no plain);
    # "Buttermere gets more rain than almost anywhere else in England"
    # (the subject opens the sentence: not advice's reason, "Feet often swell …, so shoes that fit then are less likely to pinch")
    ("likely", r"^\W*[^,;:]{3,80}?\b(?:are|is) (?:far |much |significantly |a lot |twice as |three times as )?(?:more|less) likely to\b",
     re.compile(r"\?\s*$|\b(?:if|whether)\b", re.IGNORECASE)),
    ("anywhere", r"\bthan (?:almost |nearly |just about )?anywhere else\b"),
    # money saved, as a rule (round seventeen): "Drivers who compare could save up to £412 on their annual premium", "Customers
    # switching from oil typically save £400 to £600 a year", "almost always saves money" (not an offer: "save £10 when you buy
    # two", nor the writer's own: "which saved me £47")
    ("save saves", r"\b(?:could|can|will|would|typically|usually|often|generally|normally|always) (?:save|saves) (?:you |them |drivers"
                   r" |families |households |customers )?(?:up to |around |about |roughly |over |as much as |an average of )?(?:[£$€]\s?\d"
                   r"|hundreds|thousands|money|a fortune)|\bsaves? an average of [£$€]",
     re.compile(r"\b(?:when you|if you|voucher|code|offer|first order|basket|checkout)\b|\?\s*$", re.IGNORECASE)),
    # a group that opens the sentence, and how it fares (round sixteen): "Colonies that go into winter with high mite loads rarely
    # survive to spring", "Couples who talk about money once a week argue about it less", "Cities that build protected bike lanes
    # see fewer road deaths" (107 claims and no plain sentence of the labelled sets)
    # (the group a plural noun, not a verb's object clause, "This ensures that …", "MkDocs knows that …", nor a gerund's
    # object, "Adding buttons that let people share …"; a claim reported, "Dele explains that …", still counts)
    ("who that", r"^\W*(?![a-z]+ing\b)(?:[a-z'-]+ ){0,2}(?!(?:means|ensures|knows|makes|requires|seems|assumes|expects"
                 r"|reads|writes|feels|hopes|finds|wants|needs|does|goes|has|was|is|proves|implies|guarantees|checks|reasons)\b)[a-z'-]+s (?:who|that) [^.;:?]{3,80}?\b(?:rarely|seldom|hardly ever|almost never|never|always"
                 r"|usually|tend to|see (?:far |much )?(?:less|fewer|more)|get (?:almost |nearly )?as much"
                 r"|(?!(?:or|no|any|like|want|need|would|some)\b)[a-z]+ (?:far |much )?(?:less|more|fewer|better|worse)\b)",
     # (not a name defined by the group: "Hives that keep coming back for more than six weeks are called chronic urticaria")
     re.compile(r"\b(?:is|are) (?:then )?(?:called|known as|termed)\b")),
    # "Reading with your child for just ten minutes a day can add months to their reading age", "can put a child a full year
    # ahead by age eleven"
    ("add adds put puts", r"\b(?:can|could|will) (?:add|put) (?:months|years|a (?:full |whole )?year) to (?:their|a child's|your child's)\b"
                          r"|\b(?:can|could|will) put (?:a child|children|your child|them) (?:a |two |several )?(?:full |whole )?"
                          r"(?:years?|months|terms?) ahead\b", Needs(("can", "could", "will"))),
    ("ahead", r"\b(?:who|that)\b[^.;:]{3,80}?\b(?:are|were|end up|ended up)\b[^.;:]{0,30}?\b(?:\d+|a|one|two|three|six|several"
              r"|many) (?:whole |full )?(?:months?|weeks?|years?|terms?) ahead\b(?! of schedule)"),
    # a share of a thing: "Around a third of what goes into the average grey bin could have been recycled", "Up to a quarter of
    # a home's heat escapes through the roof" (not a recipe's or a plan's: "Fill the jar about a third of the way")
    ("quarter third fifth tenth half thirds quarters",
     r"\b(?:up to|around|about|almost|nearly|roughly|over|more than|as much as|close to) (?:a (?:quarter|third|fifth|tenth)|half"
     r"|two[ -]thirds|three quarters) of (?:a |an |the |your |all |what )(?!way\b)", INSTRUCTION),
    ("thousands millions hundreds dozens", rf"\b(?:thousands|millions|hundreds|dozens) of (?:[a-z-]+ )?{WHO}\b"),
    # (also a question's answer in the same line: "How many sessions will I need? Most ankle sprains settle within …")
    ("most", rf"(?:^|\?\s)\W*most (?!of\b)(?:[a-z'-]+ ){{0,2}}(?:{WHO}|pain|aches|injuries|sprains|strains|fractures|tears|infections"
             r"|symptoms|problems|conditions|ulcers|blisters|headaches|illnesses|collapses|falls|accidents|deaths|strokes"
             r"|attacks|colds|coughs|bruises|rashes|bites|marathoners)\b", _MOST_NOT),
    ("average general wider rest", r"\bthe average (?:person|adult|man|woman|child|runner|worker|patient|household|family|briton|american|driver|shopper"
                r"|office worker|pensioner)\b|\ban average of\b|\bthan the (?:general|wider|rest of the) (?:population|public)\b",
     NOT_ABOUT_PEOPLE),
    ("cause causes reason reasons source trigger triggers factor",
     r"\b(?:leading|most common|commonest|biggest|main|major|number one|no\. ?1|top|known|key|single biggest|biggest single) "
     r"(?:cause|reason|source|trigger|risk factor) (?:of|for|why|behind)\b"
     rf"|\b(?:a|the) (?:leading|major|main|biggest|commonest|most common|number one|known|key) (?:cause|reason|trigger)s? "
     rf"(?:our |your |their |the )?(?:[a-z-]+ )?{WHO}\b"
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
    # a share caused: "Diesel buses produce a quarter of the roadside nitrogen dioxide"
    ("quarter third fifth tenth half thirds quarters",
     r"\b(?:produce|produces|produced|cause|causes|caused|account for|accounts for|make up|makes up) (?:about |around |nearly |almost"
     r" |over |more than |up to )?(?:a (?:quarter|third|fifth|tenth)|half|two[ -]thirds|three[ -]quarters) of\b"),
    # a cut measured: "Commuters who switch … cut their personal transport emissions by up to 90%", "will cut the company's
    # carbon emissions by 4,000 tonnes a year"
    ("emissions pollution", r"\b(?:cuts?|cutting|reduces?|reducing|lowers?|slashes?) (?:[a-z'’]+ ){0,4}(?:emissions|pollution) by\b"),
    # "Markets have always recovered from crashes"; "most kids grow out of it by three"; "most actively managed funds fail to
    # beat their benchmark"
    ("always most majority", r"\bhave always (?:recovered|bounced back|gone up|risen|outperformed)\b"
                    r"|\bmost (?:kids|children|babies|toddlers|teenagers) (?:grow out of|outgrow)\b"
                    r"|\b(?:most|the (?:large |vast )?majority of) (?:[a-z-]+ ){0,3}(?:funds|fund managers|investors|traders)"
                    r" (?:fail|underperform)\b"),
    # "a 1% annual charge can eat a quarter of your pot"; "Turning your thermostat down … can save around £80 a year", "is
    # expected to save the council about £410,000 a year" (not what the writer saved: "which saved me £47 a month"), "Smart
    # thermostats pay for themselves within two winters"
    ("eat eats swallow swallows save pay pays",
     r"\b(?:eat|eats|swallow|swallows) (?:up )?(?:almost |nearly |about |around |up to )?(?:a (?:quarter|third|fifth|tenth)|half"
     r"|two[ -]thirds) of (?:your|the|a|their)\b"
     r"|\b(?:can|could|will|would|is expected to|are expected to) save (?:[a-z']+ ){0,2}(?:around |about |up to |over |nearly )?"
     r"[£$€]\s?[\d,]+(?:\.\d+)?(?: ?(?:million|billion|thousand|m|bn|k))? (?:a|per|every) (?:year|month)\b|\bpays? for (?:itself|themselves) (?:within|in)\b"),
    # a rate of harm moved: "Seeing the same doctor each time lowers patients' death rates"
    ("rate rates", r"\b(?:lowers?|lowered|raises?|raised|cuts?|reduces?|reduced|increases?|increased|doubles?|doubled|halves?|halved)"
                   r" (?:[a-z'’]+ ){0,2}(?:death|mortality|infection|injury|cancer|suicide|crime|obesity|readmission|relapse) rates?\b"),
    # "Turning your thermostat down by one degree knocks about 10% off your heating bill"
    ("knocks knock knocked", r"\bknock(?:s|ed)? (?:about |around |up to |roughly )?(?:\d+(?:\.\d+)?%|a (?:third|quarter|fifth|tenth)) off\b"),
    # a change measured: "cut … by a third", "risen by a fifth", "doubles how much…"
    ("by doubles doubled triples tripled halves halved quadruples",
     r"\bby (?:(?:about|nearly|almost|around|over|more than|up to) )?(?:a |one )?(?:half|third|quarter|fifth|tenth"
     r"|two[ -]thirds|three[ -]quarters)\b|\b(?:risen|rose|fallen|fell|grown|grew|dropped|climbed|soared|jumped) by\b"
     # (not a time or a score: "my pace dropped by a full minute")
     r"(?! (?:a |an |one |about |around |nearly |almost |over )?(?:full |whole )?(?:[\d,.]+ )?(?:minute|second|hour|place|point"
     r"|goal|length|stone|pound|kilo|inch|centimetre)s?\b)"
     r"|\b(?:doubles|doubled|triples|tripled|halves|halved|quadruples)\b(?! (?:as|up|back|over)\b)",
     re.compile(_FUNDS + r"|\buntil\b[^.;:]{0,40}\bby\b|\b(?:dough|batter|mixture|bread|mileage|miles|distance|bills?|grocery|spend"
                r"|costs?|battery|start-?up|laptops?|benchmarks?|half a size"
                # a program's footprint: "Lowering the preview quality reduces memory use by up to half"
                r"|memory|storage|disk|cpu|ram|cache|file size|download size|load time|bandwidth|ink"
                # a recipe's step: "1kg strawberries, hulled and halved"
                r"|hulled|chopped|sliced|diced|peeled|deseeded|cored|stoned|the halved)\b", re.IGNORECASE)),
    ("than", r"\bthan any other\b|\bthan (?:those|people|others|adults|men|women|children|non-[a-z]+|peers) (?:who|with|without|that)\b"),
    # a group doing more of a thing than others: "Children learn more from hands-on exhibits than from reading labels",
    # "Allotment holders eat more fruit and vegetables than …" (a group's habit, with its comparison)
    ("than", rf"^\W*(?:[A-Za-z-]+ )?{WHO} (?:[a-z]+ ){{0,2}}?(?:learn|learned|eat|ate|sleep|slept|walk|walked|live|lived|recover"
             r"|recovered|heal|healed|exercise|exercised|move|drink|drank|report|reported)(?: (?:far|much|significantly|a lot))?"
             r" (?:more|less|fewer|better|longer|faster|quicker|sooner)\b[^.;:]{0,60}\bthan\b", NOT_ABOUT_PEOPLE),
    ("tend tends", rf"\b(?:who|with|{WHO}) (?:[^.;:]{{0,80}}? )?tends? to\b"),
    # how common something is among people: "is very common in toddlers", "is prevalent among pickers"
    ("common prevalent widespread rare uncommon",
     r"(?:\b(?:is|are)|['’](?:s|re)) (?:very |extremely |really |fairly |quite |so |way |much |far |a lot |even )?"
     r"(?:more |most |less |particularly |especially )?"
     r"(?:common|prevalent|widespread|rare|uncommon) (?:in|among) (?:[a-z'-]+ ){0,3}?"
     rf"(?:{WHO}|girls|boys|infants|under-[a-z]+|middle age|old age|older|younger|[a-z]+ers)\b"
     r"|\b(?:is|are) (?:very |really |quite |fairly )?common (?:and (?:usually|often|normally|generally)|for up to)\b"),
    ("much", r"\bby as much as\b"),
    # "with staff turnover half the industry average"
    # "It takes on average eight years to get a diagnosis"
    ("average", r"\btakes? (?:on average|an average of) (?:[a-z0-9-]+ ){0,2}(?:years?|months?|weeks?)\b"),
    ("average rate norm", r"\b(?:half|twice|double|triple|a third of|a quarter of) the (?:[a-z]+ )?(?:national|industry|regional|uk|us|eu)"
                r" (?:average|rate|norm)\b"),
    # the commonest of its kind: "Escape of water is the most common home insurance claim in the country"
    ("common commonest", r"\b(?:is|are) the (?:single )?(?:most common|commonest) (?:[a-z-]+ ){0,3}(?:claims?|causes?|complaints?"
                         r"|injur(?:y|ies)|reasons?|problems?|conditions?|types? of [a-z]+)\b"),
    # a result said of most people: "last twenty-five years or more in most people", "goes away in most cases"
    # (after what it says of them: "In most cases, the value … is set in the file" frames the sentence)
    ("most many majority nearly almost",
     r"(?<=[a-z0-9] )in (?:most|many|the majority of|nearly all|almost all) (?:people|patients|adults|children|women|men|cases|runners"
     r"|sufferers)\b"),
    # "half the farmers she sees", "half of us", "cuts injury risk in half", "account for a third of sick days"
    ("half", rf"\bhalf (?:of us|the (?:[a-z-]+ )?(?:{WHO}|aches|pains|injuries|[a-z]+ers)\b)"
             r"|(?<!be )\b(?:cuts?|cutting|halves|halved)\b[^.;:]{0,40}\bin half\b(?! (?:sizes?|lengths?|widths?)\b)"),
    # (and "made up more than half of all accident reports")
    # "Poor seating is responsible for a third of all work-related back problems" (a share: not "for most of the parsing")
    ("responsible", r"\b(?:is|are|was|were) responsible for (?:around |roughly |nearly |almost |about |over |more than |up to )?"
                    r"(?:a (?:third|quarter|fifth|tenth)|half|one in|\d)"),
    ("account accounts accounted make makes made",
     r"\b(?:account(?:s|ed)? for|(?:make|makes|made) up) (?:the (?:greater|larger|biggest|largest|lion's) (?:part|share)|(?:around |roughly |nearly "
     r"|almost |about |over |more than |up to |less than )?(?:a (?:third|quarter|fifth|tenth)|half|the majority|most|\d))"),
    ("susceptible vulnerable", r"\b(?:more|less) (?:susceptible|vulnerable) to\b"),
    ("cent percent", r"\b(?:one|two|three|four|five|six|seven|eight|nine|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                     r"|seventeen|eighteen|nineteen) (?:per\s?cent|percent)\b" + _NOT_A_SHARE, INSTRUCTION),
    ("normal natural usual expected", r"\bis (?:a |an )?(?:normal|natural|usual|expected) part of (?!the (?:form|page|process|service)\b)"),
    # sleep by the hour: "Toddlers need between 11 and 14 hours of sleep in every 24, including naps"
    ("sleep", rf"\bneeds? (?:between |about |around |at least |up to |roughly )?{_NUM}(?:(?: and | to |-| or ){_NUM})? hours?"
              r" (?:of sleep|sleep)\b"),
    # reassurance as fact: "Waking once or twice a night is completely normal, especially as we get older"
    ("normal", r"\b(?:is|are|it's|that's) (?:completely|perfectly|totally|entirely) normal\b"),
    # a promise of a result: "Lose up to a dress size", "Burn up to 600 calories"
    ("lose drop shed burn", r"\b(?:lose|drop|shed|burn) up to\b"),
    flags=re.IGNORECASE,
)
