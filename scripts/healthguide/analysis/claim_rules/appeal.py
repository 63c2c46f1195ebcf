"""Science or authority invoked in general ("backed by research", "doctors recommend", "clinically proven"),
and proof claimed."""

from __future__ import annotations

import re

from .engine import AnyOf
from .research import AUTHORITIES, ENDORSED, NEGATED, NOT_HELD_NOW, ONE_AUTHORITY
from .statistic import OWN_VIEW, WHO

# One's own practitioner, whose word is offered as the proof ("My podiatrist told me …", "…, my midwife told me.", "As a
# nurse for 30 years I can tell you …"): one list for every rule that names them.
_PRACTITIONER = ("(?:doctor|physician|specialist|podiatrist|physiotherapist|physio|chiropractor|osteopath|therapist|surgeon"
                 "|dermatologist|pharmacist|nurse|GP|consultant|dentist|midwife|health visitor|optician|dietitian|nutritionist"
                 "|chiropodist|trainer|coach|audiologist|mechanic|vet|neuro|neurologist|rheumatologist|psychologist"
                 "|paediatrician|cardiologist|gynaecologist|hygienist|optometrist|orthodontist)")

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
    r"|struck)\b)"
    # (nor a practice's aim, quoted: 'Dr Amara Nwosu said: "We want every child to feel at home in the dental chair."')
    r"(?!:?\s*[\"“'‘](?:We|Our|I)\b)"),
    ("backed", r"\bbacked by (?:[\w-]+ ){0,5}(?:research|science|studies|evidence|data|doctors|experts|scientists|trials)\b"),
    ("clinically evidence peer", r"\bclinically (?:proven|tested|shown|studied)\b|\bpeer-reviewed\b"
     # (not a course on it: "Evidence-based practice workshops run every Wednesday")
     r"|\bevidence-based\b(?!(?: [a-z]+)? (?:workshops?|courses?|sessions?|training|modules?|seminars?|classes)\b)"),
    ("literature", r"\bin the (?:medical |scientific )?literature\b"),
    # "Built with sleep scientists at the Kellerman Institute" (not "Built with coaches from the … Athletics Club")
    ("built", r"\bbuilt (?:together )?with (?:[\w-]+ ){0,2}(?:scientists|researchers|doctors|clinicians|physiotherapists"
              r"|podiatrists|psychologists|experts)\b"),
    ("by with", rf"\b{ENDORSED}\s+(?:(?:together|jointly|closely|in partnership) )?(?:by|with)\s+(?:[\w-]+ ){{0,3}}(?:{AUTHORITIES}|runners|athletes|footballers|players"
           r"|families|mums|parents|hospitals|clinics|patients)\b"),
    # (not a lab's test of a batch: "Every batch is lab-tested for purity by an independent laboratory")
    ("doctor dermatologist podiatrist physio physiotherapist dentist chiropractor expert clinician pharmacist nurse"
     " surgeon scientist dermatologically medically vet",
     r"\b(?:doctor|dermatologist|podiatrist|physio|physiotherapist|dentist|chiropractor|expert|clinician|pharmacist|vet"
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
     rf"(?:[a-z-]+ ){{0,2}}{AUTHORITIES}\b"),
    # an authority opening the sentence and endorsing: "Leading physios swear by…", "Most GPs will tell you that…"
    ("advise advises prescribe prescribes swear urge urges trust trusts favour favor prefer prefers endorse rate rave"
     " praise tell insist insists recommend recommending warning warn",
     rf"^\W*(?:(?:most|many|some|leading|top|all|the|our|your|local|expert) )*(?:[a-z-]+ )?{AUTHORITIES}"
           r"(?: (?:at|from|in|across|around) [^,.;:]{1,40}?| everywhere)?(?: (?:now|often|always|widely|routinely|still|will))?"
           r" (?:advise|advises|prescribe|prescribes|swear by|urge|urges|trust|trusts|favour|favor|prefer|prefers|endorse"
           r"|rate|rave about|praise|tell you|tell us|insist|insists|recommend|(?:are|have been) (?:recommending|warning)"
           r"|warn|warn that)\b"),
    # one authority with the plural's verb, as non-native shop copy writes it: "Doctor recommend this for back pain",
    # "Doctor recommend wear heel cup", "Many doctor and physiotherapist in Europe are recommend this gun"
    ("recommend advise prescribe use approve trust suggest design make develop create recommending advising approving",
     rf"^\W*(?:[A-Za-z]+ )?{ONE_AUTHORITY}(?<!s)(?: (?:in|at|from|of) (?:the )?[a-z]+)? (?:recommend|advise|prescribe|use|approve"
     r"|trust|suggest|design|make|develop|create) (?:this|these|it|them|our|(?:the )?same|wear|use|take|put|to|for|[a-z]+ for)\b"
     rf"|^\W*(?:many|most|all|much) {ONE_AUTHORITY}(?: and {ONE_AUTHORITY})?[^.;:]{{0,30}}\b(?:are|is) (?:recommend|advise|use)\b"
     rf"|^\W*{ONE_AUTHORITY}(?<!s) (?:is|are) (?:recommending|recommend|advising|approving) (?:this|these|it|them|our)\b"
     rf"|\b(?:is|are) (?:recommend|approve|trust) by (?:[a-z]+ )?{ONE_AUTHORITY}"),
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
     rf"\b(?:my|our|his|her) (?:[a-z]+(?:'s|’s)? )?{_PRACTITIONER}"
     r" (?:(?:always|once|even|just|actually) )?(?:told (?:me|us|him|her)|says|say|said|reckons|reckoned|thinks|swears|insists)"
     # (not advice passed on: "Our health visitor told us never to leave a necklace on at night")
     r" (?!(?:never |not |always )?to\b)(?!(?:that )?(?:I|we|you) (?:should|need|must|could|can)\b)(?!(?:the )?same\b)"
     r"(?!(?:that )?(?:it's|its|it is) [^.;:,]{3,40} and (?:to|that I should)\b)"
     # … or after what was said: "Sleep training before six months can harm a baby's attachment, my midwife told me."
     rf"|,\s*(?:or so )?(?:my|our) (?:[a-z]+ )?{_PRACTITIONER}"
     r" (?:told (?:me|us)|says|said|reckons|swears)(?: so)?(?:\W*$|,)"
     # "the additives … keep your injectors cleaner, thats what my mechanic reckons"
     rf"|\b(?:that's|thats|that is) what (?:my|our) (?:[a-z]+ )?{_PRACTITIONER} (?:says|said|reckons|thinks|told (?:me|us))\b"
     # "Stretching your calves before you stand up is what my physio swore by."
     rf"|\bwhat (?:my|our) (?:[a-z]+ )?{_PRACTITIONER} (?:swears|swore|has always sworn) by\b",
     # (not the writer asking whether it holds: "My GP says most disc bulges heal on there own …, is that true?")
     re.compile(r"\?\s*$")),
    # the emergency services' word: "Mountain rescue teams say most of their callouts involve walkers in the wrong footwear"
    ("say says said warn warns warned report reports reported estimate estimates",
     r"\b(?:rescue|ambulance|fire|police|coastguard|lifeboat|paramedic) (?:teams?|crews?|services?|volunteers|officers|staff)"
     r" (?:say|says|said|warn|warns|warned|report|reports|reported|estimate|estimates)\b"),
    # a remedy's fame: "lavender oil on his pillow works wonders"
    ("wonders every", r"\b(?:works?|worked|does|did|do) wonders\b|\bworks? every time\b|\bworked every time\b"),
    # "A stiff, high collar is the best protection against a rolled ankle", "Garlic is nature's antibiotic"
    ("best nature doctors experts scientists vets nurses dentists", r"\bthe (?:single )?best (?:protection|defence|defense|cure|remedy|treatment|prevention) (?:against|for)\b"
                    r"|\bnature's (?:antibiotic|painkiller|remedy|cure|medicine|multivitamin|viagra|prozac|aspirin|off switch"
                    r"|sleeping pill|tranquil+i[sz]er)\b"
                    # "Doctors are calling ashwagandha …", "Vets are switching their own dogs to grain-free"
                    r"|\b(?:doctors|experts|scientists|vets|nurses|dentists) are (?:calling|hailing|raving|switching|turning)\b", OWN_VIEW),
    # "… is wonderful for anyone with asthma or hay fever"
    ("wonderful great brilliant amazing fantastic perfect ideal",
     r"\b(?:is|are) (?:wonderful|great|brilliant|amazing|fantastic|perfect|ideal) for (?:anyone|people|those|sufferers|children"
     r"|kids) (?:with|who have|suffering)\b"),
    # folk wisdom and common knowledge: "as my nan always said", "what my grandad always swore by", "everyone knows that"
    ("said says say swore swears knows",
     r"\b(?:my|our) (?:nan|nanna|gran|granny|grandad|granddad|grandma|grandpa|mum|dad|mother|father) (?:always )?(?:swore|swears)"
     r" by\b|,\s*as my (?:nan|nanna|gran|granny|grandad|granddad|grandma|grandpa|mum|dad|mother|father) (?:always )?(?:said|says"
     r"|used to say)\b|\beveryone knows (?:that|it)\b|\bas everyone knows\b"),
    # tradition as proof: "Chamomile has been used to soothe upset tummies for centuries"
    ("centuries generations thousands years", r"\b(?:has|have) been used (?:[a-z ]{3,40} )?for (?:centuries|generations|thousands of years"
                                              r"|(?:over |more than |at least )?[\d,]{4,} years)\b"),
    # the body's workings as proof: "this is simply how the human brain works"
    ("works", r"\b(?:this|that) is (?:simply |just |exactly )?how (?:the |your )?(?:human )?(?:brain|body|mind|metabolism|gut)"
              r" works\b|\bthat's (?:simply |just |exactly )?how (?:the |your )?(?:human )?(?:brain|body|mind) works\b"),
    # an authority's advice mid-sentence: "Please don't, health visitors advise no solids before around six months"
    ("advise advises recommend recommends warn warns visitors",
     rf"\b(?:health visitors|{AUTHORITIES}) (?:now |all |generally |usually |strongly )?(?:advise|advises|recommend|recommends"
     r"|warn|warns) (?:that |against |no |not |never |waiting |keeping )"),
    # a belief called a myth, the correction being the claim: "That's a myth btw, it barely matters when you have it"
    ("myth", r"^\W*(?:that's|that is|it's|it is|this is) (?:just )?(?:a|an old|a total|a complete) myth\b"
             # "Washing your hair every day won't make it fall out, that's a myth."
             r"|,\s*(?:that's|that is|it's) (?:just )?(?:a|an old|a total|a complete) myth\W*$"),
    # a practitioner's years as the proof: "As a nurse for 30 years I can tell you these beat the ones the hospital hands out"
    ("tell assure say know promise swear recommend",
     rf"^\W*as an? (?:[a-z-]+ ){{0,2}}{_PRACTITIONER}\b[^.;:]{{0,40}}\bI (?:can (?:tell|assure) you|can say|know"
     r"|promise|swear|recommend)\b"),
    # hearsay: "Apparently it takes fifteen tries before a child accepts a new food"
    ("apparently", r"^\W*apparently\b|\bapparently,? (?:it|they|you|this|that|most|people)\b"),
    # the professionals' habit as proof: "Many professional athlete use it every day for recovery"
    ("use trust rely", r"\b(?:many|most|top|leading|professional|pro|elite)\s+(?:[a-z]+\s+)?(?:athletes?|players?|footballers?|runners?"
                       rf"|{AUTHORITIES})\s+(?:use|trust|rely on)\s+(?:it|this|them|these|our|[a-z]+ because)\b"),
    # a product a group swears by: "the joint formula Britain's walkers swear by" (not a question put to readers)
    ("swear", rf"\b{WHO}(?: everywhere)? swear by\b",
     re.compile(r"\b(?:no idea|don't know|do not know|not sure|wonder) why\b", re.IGNORECASE)),
    # the authority after the claim: "…, say many osteopaths", "…, claim several physiotherapists"
    ("say says said warn warns warned claim claims claimed insist insists believe believes report reports reported suggest"
     " suggests agree agrees argue argues advise advises note notes",
     r",\s*(?:or so )?(?:say|says|said|warn|warns|warned|claim|claims|claimed|insist|insists|believe|believes|report"
           r"|reports|reported|suggest|suggests|agree|agrees|argue|argues|advise|advises|note|notes)\s+"
           rf"(?:(?:many|most|some|several|leading|top|the|our|a|group|team|of|two|three|few)\s+)*(?:[a-z-]+\s+)?{AUTHORITIES}\b"),
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
     NOT_HELD_NOW),
    ("linked associated tied correlated",
     # present and perfect ("is linked", "has been linked"): "was linked" tells one study's result, named next
     # ("can be linked to" is a possibility, "linked to them" or "to each other" a connection, not a finding)
     r"(?<!\bwhat )(?<!\bwhat it )\b(?:is|are|been)\s+(?:(?:\w+ly|often|also|now|long)\s+){0,2}"
     r"(?:linked|associated|tied|correlated)\s+(?:to|with)\b"
     r"(?!\s+(?:what|it|them|this|that|these|those|each other|one another|(?:a |the |its |one of (?:the |those |our )?)?"
     r"(?:sources?|references?|citations?|pages?))\b)",
     NEGATED),
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
    ("hate hates", rf"\b{AUTHORITIES} hates?\b"),
    # a sign said to mean a condition: "is a hallmark of obstructive sleep apnoea", "is the classic sign of"
    ("hallmark hallmarks sign signs symptom symptoms indicator indicators marker markers predictors",
     r"\b(?:is|are) (?:most often|usually|almost always|nearly always) (?:a |the )?(?:signs?|symptoms?) of\b"
     r"|\b(?:is|are|can be|may be|could be) (?:a |an |the |one of the )?(?:(?:classic|tell-?tale|early|earliest|first|warning"
     r"|common|typical|key|main"
     r"|sure|surest|obvious|clear) (?:warning )?(?:signs?|symptoms?|indicators?|markers?)|hallmarks?) of\b"
     r"|\bone of the (?:best|biggest|strongest|most reliable) (?:predictors|signs|indicators|markers) of\b"),
    # a fact put to the reader: "Did you know your feet hold a quarter of all the bones in your body?"
    # (not a service's reminder: "Did you know you can borrow e-books … with your library card?")
    ("know", r"^\W*(?:did you know|bet you didn't know|you may not know)\b(?! (?:that )?you can\b)"),
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
     r"|\b(?:just |every bit |at least )?as (?:effective|powerful|accurate) as\b|\bjust as (?:good|helpful|useful|safe) as\b"
     r"|\bas (?:restorative|refreshing|nourishing) as\b|\b(?:more|less|most|least) effective\b"),
    # harm compared: "Standing all day is just as bad as sitting all day", "as bad for you as smoking"
    # (not a yes/no question: "Do you reckon heel striking is actually as bad as people make out?")
    ("bad harmful damaging dangerous",
     r"\b(?:just |every bit |at least )?as (?:bad|harmful|damaging|dangerous) (?:for (?:you|your [a-z]+) )?as\b",
     re.compile(r"^\W*(?:do|does|did|is|are|can|could|would|will)\b[^?]*\?\s*$", re.IGNORECASE)),
    # the surest way to a result: "Strength training after 60 is the single best way to stay independent", "the best
    # thing for the bunion" (not one's own view, "Personally, I think…"; plain "the best way to" is advice as often)
    ("best effective reliable proven safest quickest fastest easiest surest",
     r"\b(?:is|are) (?:the |one of the )?(?:single (?:best|most effective)|most effective|most reliable|only reliable|only proven|safest|quickest|fastest|easiest"
     r"|surest) (?:ways?|things?|treatments?|exercises?|remed(?:y|ies)|cures?|methods?) (?:to|for|of)\b"
     r"|\b(?:is|are) the (?:single )?best (?:things?|treatments?|exercises?|remed(?:y|ies)|cures?) for\b", OWN_VIEW),
    ("better worse faster placebo beats outperforms",
     r"\bno (?:more effective|better) than\b|\b(?:works?|worked|performs?|performed) (?:better|best|faster|worse) (?:than|for)\b"
     r"|\bthan (?:a )?placebo\b|\b(?:beats|outperforms|outperformed)\b"),
    ("common frequent commonest leading",
     r"\bone of the (?:most common|most frequent|commonest|leading) (?:[a-z-]+ )?(?:causes|complications|problems"
     r"|injuries|complaints|reasons|conditions|triggers|sources)\b"),
    ("best safest worst healthiest biggest",
     r"\bone of the (?:best|most effective|safest|worst|most common|healthiest|biggest) (?:ways?|forms?|things|treatments"
     r"|exercises|remedies|foods|habits)\b"),
    # "Guidelines from physiotherapy bodies favour exercise over knee braces", "Professional photographers overwhelmingly prefer …"
    ("guidelines guideline overwhelmingly universally",
     r"\bguidelines? (?:from [a-z ]{3,40} )?(?:favour|favor|recommend|advise|say|suggest|support)\b"
     r"|\b(?:overwhelmingly|almost universally) (?:prefer|recommend|choose|agree|favour|favor)\b"),
    # "Overfeeding is the number one killer of aquarium fish", "the fastest-growing form of transport", "among the cleanest
    # in Europe", "Financial advisers usually suggest …" (not "the silent killer of household budgets", which two sets read
    # as a figure of speech)
    ("killer killers growing among anywhere largest biggest oldest busiest safest cleanest healthiest highest lowest", r"\b(?:number one|no\. ?1|#1|biggest|leading|top|main) killers?\b"
                                     r"|\b(?:fastest|quickest)[- ]growing\b|\bamong the (?:cleanest|safest|healthiest|purest|lowest"
                                     r"|highest|most [a-z]+) in (?:the world|europe|the country|the uk|britain|the nation)\b"
                                     # "cleaner than anywhere else in the country", "the biggest in Europe"
                                     r"|\bthan anywhere else (?:in|on)\b"
                                     # "one of the safest in the county", "some of the highest rates of COPD in the region"
                                     r"|\b(?:one|some) of the (?:safest|cleanest|healthiest|highest|lowest) (?:[a-z]+ ){0,3}in (?:the )?"
                                     r"(?:county|region|country|world|uk|europe)\b|\b(?:is|are) the (?:largest|biggest|oldest|busiest) (?:[a-z-]+ )?in"
                                     r" (?:the )?(?:world|europe|country|uk|britain)\b"),
    ("advisers advisors economists vets planners",
     r"\b(?:financial |independent )?(?:advis[eo]rs|economists|vets|planners) (?:usually |generally |often |all |tend to )?"
     r"(?:say|suggest|recommend|advise|agree|warn)\b"),
    ("guaranteed miracle melts melt choice brand",
     r"(?<!\bnot )(?<!\blonger )\bguaranteed (?:to|results)\b|(?<!like a )(?<!a small )(?<!a little )(?<!a minor )\bmiracle\b"
     r"|\bmelts? away\b"
     r"|\b(?:number one|no\. ?1|#1|top-rated|best-selling) (?:choice|brand|pick|remedy|treatment)\b"),
    # round sixteen. The profession everywhere: "Dermatologists everywhere are calling it the beauty secret of the decade"
    ("everywhere worldwide world country globe uk",
     r"\b(?:doctors|dentists|dermatologists|vets|experts|scientists|nutritionists|physios|physiotherapists|podiatrists"
     r"|chiropractors|nurses|trainers|coaches) (?:everywhere|worldwide|around the world|all over the (?:world|country)"
     r"|across the (?:country|world|uk|globe)) (?:are|have|agree|say|recommend|call|swear|use|now)\b"),
    # the seller's English: "Doctor in Japan is recommend magnet therapy", "Doctor and physiotherapist in many country use this"
    ("recommend recommending country countries hospital hospitals clinic clinics confirm confirming prove proving approve say"
     " saying show",
     r"\b(?:doctors?|physios?|physiotherapists?|dentists?|vets?|nurses?|podiatrists?|chiropractors?)\b(?: and [a-z]+)?"
     r"(?: (?:in|of) [a-z ]{2,20})? (?:is|are) (?:recommend|confirm|approve|prove|say)(?:ing)?\b"
     # "Scientist of the university is confirm that green tea burn the fat"
     r"|\b(?:scientists?|researchers?|experts?) (?:of|in|at) (?:the )?[a-z ]{2,20} (?:is|are) (?:confirm|prove|say|recommend)\b"
     # "Scientist is prove that ashwagandha increase the testosterone"
     r"|\b(?:scientists?|researchers?|experts?|studies|study) (?:is|are) (?:confirm|prove|show|approve)\b"
     r"|\b(?:doctors?|physios?|physiotherapists?|dentists?|vets?|nurses?|podiatrists?)(?: and [a-z]+)? in (?:many|most|all|every)"
     r" (?:country|countries|hospitals?|clinics?)\b"),
    # "DOCTORS DON'T WANT YOU TO KNOW THIS ONE SIMPLE SECRET!"
    ("want", r"\b(?:doctors|dentists|big pharma|the experts|experts|they) (?:don't|do not|dont|don’t|won't) want you to know\b"),
    # "Dermatologists LOVE it!", "DOCTORS ARE STUNNED by this simple morning habit!", "is widely considered the most scenic"
    ("love loves adore rave stunned baffled amazed shocked",
     r"\b(?:doctors|dermatologists|dentists|vets|experts|scientists|physios|nutritionists|podiatrists) (?:love|adore|rave about)"
     r" (?:it|this|them|these)\b|\b(?:doctors|scientists|experts|dentists|dermatologists) (?:are|were) (?:stunned|baffled|amazed"
     r"|shocked)\b"),
    ("widely", r"\bwidely (?:considered|regarded|seen|thought|believed|recognised|recognized|accepted|acknowledged)\b"),
    # "Professional chefs prefer cast iron for its even heat"
    ("professional pro elite top",
     r"\b(?:professional|pro|elite|top) (?:chefs|athletes|runners|cyclists|footballers|players|gardeners|bakers|drivers|golfers"
     r"|dancers|climbers|swimmers|musicians|photographers|cleaners|decorators|builders|mechanics) (?:all |always |mostly )?(?:prefer"
     r"|use|swear by|choose|rely on|recommend|agree)\b"),
    flags=re.IGNORECASE,
)


# Proof, or a study described, unless a negation comes shortly before ("not proven", "not tested in a trial").
# _PROOF matches only where one of its words is: ``claims_proof`` looks them up in the sentence's words first,
# since the lookbehinds make the search slow (Python's engine tries it at every position of every sentence).
_PROOF_WORDS = ("proven", "proves", "proved")
_STUDY_WORDS = ("study", "trial", "review", "survey", "experiment")
_PROOF = re.compile(rf"\b(?:{'|'.join(_PROOF_WORDS)})\b"
                    # (not a call to join one: "… volunteers … to take part in a clinical trial")
                    r"|(?<!part )(?<!enrol )(?<!enrolled )(?<!participate )\bin (?:a|one|another|a recent|a large|a small"
                    r"|one small|one large) (?:[a-z-]+ )?"
                    rf"(?:{'|'.join(_STUDY_WORDS)})\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|never|no|none|nor|nothing|un\w*|isn't|aren't|hasn't|haven't)\b", re.IGNORECASE)


# "Proven Foot Care Ltd", "proved for 36 hours": the word as part of a name, or a baker's, not a claim of proof.
_IN_A_NAME = re.compile(r"(?-i:Prov(?:en|es|ed) [A-Z])|(?i:prov(?:ed|en) (?:for|overnight)\b)")


# "Our proven fitting service", "tried and proven in our test kitchen", "as I've proven to three grandchildren", "the group
# proved that cress grows": a business's boast of itself, or the writer's own demonstration, not a result claimed.
_OWN_PROOF = re.compile(r"(?:\b(?:a|our|their)|\btried and|\b(?:I|I've|we|we've|the group|the class|the children)"
                        r"(?: have| had)?) $", re.IGNORECASE)


def claims_proof(sentence: str, words: frozenset[str]) -> bool:
    if words.isdisjoint(_PROOF_WORDS) and ("in" not in words or words.isdisjoint(_STUDY_WORDS)):
        return False
    for match in _PROOF.finditer(sentence):
        if _IN_A_NAME.match(sentence, match.start()):
            continue
        before = sentence[max(0, match.start() - 40):match.start()]
        if not _NEGATION.search(before) and not _OWN_PROOF.search(before):
            return True
    return False
