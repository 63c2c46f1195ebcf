"""Research and its people as the source of a claim (RESEARCH, RESEARCH_CUED), a journal named for one
(NAMED_SOURCE), and the sentences about a journal or a title that name one without a finding."""

from __future__ import annotations

import re

from .engine import AnyOf

# People whose say-so is offered in place of a source ("doctors recommend", "trusted by podiatrists"):
# named professions, and any plural in -ists or -ians (dentists, dietitians, paediatricians…).
AUTHORITIES = (r"(?:scientists|researchers|experts|doctors|physicians|clinicians|specialists|podiatrists|physiotherapists"
                r"|physios|chiropractors|osteopaths|therapists|surgeons|dermatologists|pharmacists|nurses|GPs|professionals"
                r"|midwives|coaches|trainers|medics|practitioners|consultants|authorities|officials|academics|scholars|vets"
                r"|[a-z]{3,}(?<!tour)(?<!motor)(?<!cycl)(?<!pedestr)(?<!strateg)(?<!econom)(?:ists|ians))")
# One of them: "according to the club physio".
ONE_AUTHORITY = (r"(?:scientist|researcher|expert|doctor|physician|clinician|specialist|podiatrist|physiotherapist|physio"
                  r"|chiropractor|osteopath|therapist|surgeon|dermatologist|pharmacist|nurse|GP|coach|trainer|consultant)\b")
# Who can be said to have found or to hold something: research, its people, and named institutions.
_SOURCE = (r"stud(?:y|ies)|research|trials?|reviews?|surveys?|polls?|analys[ie]s|meta-analys[ie]s|evidence|data|guidelines?"
           r"|papers?|(?<!your )findings|experiments|(?<!your )(?<!our )tests|literature|figures|statistics|science|medicine"
           # "Independent lab testing confirms …" (not a shop's own: "our testing found")
           r"|testing(?<!your testing)(?<!our testing)(?<!my testing)"
           # "a report found", not "report the links" (the verb)
           r"|(?:(?<=a )|(?<=the )|(?<=one )|(?<=new )|(?<=recent )|(?<=latest )|(?<=government )|(?<=official ))reports?"
           rf"|{AUTHORITIES}|(?-i:University|Institute|Foundation|Council|Alliance|Centre|Center|Agency|Authority|Ministry"
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
    rf"(?:research|stud|{AUTHORITIES}|{ONE_AUTHORITY}|evidence|data|survey|review|report|paper|trial|the literature|(?-i:[A-Z]))"
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
    # research said to exist, in a forum's words: "Cherries lower uric acid, there's been studies on it" (round seventeen)
    ("studies research trials", r"\bthere(?:'s|’s| is| are| has| have)(?: been)? (?:loads of |lots of |many |several |plenty of |some "
                                r"|good )?(?:studies|research|trials)\b", re.compile(r"\b(?:no|not|little|few|hardly|any)\b|\?\s*$")),
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
NAMED_WORDS = frozenset("journal annals archives bulletin quarterly review proceedings digest gazette times post published"
                         " writing featured appeared".split())
RESEARCH_WORDS = frozenset(
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
NEGATED = re.compile(r"\b(?:not|never|no|none|nor|nothing|isn't|aren't|hasn't|haven't|wasn't|weren't)\b[^.;:]{0,40}"
                      r"\b(?:shown|found|proven|proved|demonstrated|reported|linked|associated|tied|correlated)\b", re.IGNORECASE)
ENDORSED = (r"(?:trusted|recommended|approved|endorsed|designed|developed|formulated|created|devised|hailed|praised|loved"
             r"|favou?red|preferred|prescribed|used|chosen|rated|tested|backed)")
# A belief reported as held once, not now: "For years, a rock-hard mattress was thought to be the answer…".
NOT_HELD_NOW = re.compile(NEGATED.pattern + r"|\b(?:for (?:years|decades|centuries|a long time)|once|used to|in the past"
                           r"|at one time)\b[^.;:]{0,60}\b(?:was|were) (?:\w+ )?(?:thought|believed|considered|assumed)\b",
                           re.IGNORECASE)


# "The X Journal is published quarterly", "… is edited by …": a sentence about a journal, not a finding it reported.
ABOUT_A_TITLE = re.compile(r"\b(?:is|are) (?:published|edited|printed|issued|distributed) (?:quarterly|monthly|weekly|annually"
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
# (possessive: a hyphen may join a word or part two, and "A-B-C-…" split every way took seconds)
TITLE_LINE = re.compile(r"\W*(?:[A-Z0-9][\w'’.-]*+(?:[\s,:–—|-]++|$))+$")
# A byline or a label, a few words with no full stop: "Health desk, Northcombe Evening Post".
BYLINE = re.compile(r"^\W*(?:[\w'’&-]+[\s,]+){0,5}[\w'’&-]+\s*$")


# A word ending in -ists or -ians (what ``words_of`` splits out: the letters run no further), found in one search.
PLURAL_OF_PERSON = re.compile(r"(?:ists|ians)(?![a-z])")
