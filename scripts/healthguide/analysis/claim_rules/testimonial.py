"""Someone's experience offered as proof: quotations with their speaker, what customers tell us, a complaint gone."""

from __future__ import annotations

import re

from .. import claim_model
from .engine import AnyOf, Needs

# The words a signed quotation must hold to count as evidence: the gate's words of health, and "again", "now", "anymore"
# (an ability back, "'I can garden all afternoon again' – Pauline, 71", "'… was struggling on the
# stairs, and now he races us to the top,' – Jo")
_HEALTH_TRIGGERS = " ".join(sorted(w for w in claim_model.HEALTH_WORDS if w.isalpha())) + " again now anymore"
_NO_HEALTH_WORD = r"^(?!.*\b(?:" + "|".join(sorted(map(re.escape, claim_model.HEALTH_WORDS), key=len, reverse=True)) + r")\b)"
TESTIMONIAL = AnyOf(
    ("says said writes wrote explains adds reports raves",
     # (not a maker's or a team's own aim: '"We wanted a sock you forget you're wearing," said Nia Rowe')
     # (a single-quoted one may hold apostrophes: "'… and I've stopped getting that slump since switching,' wrote Dan")
     r"(?:[\"“](?!(?:We|Our)\b)[^\"”]{8,}[\"”]|(?:^|(?<=\s))['‘](?!(?:We|Our)\b)(?:[^'‘’]|(?<=[a-z])['’](?=[a-z])){8,}['’]),?\s+"
     r"(?:says|said|writes|wrote|explains|adds|reports|raves)\b",
     # (not a press release's quotation of its own officers with no word of health: '"This is a proud day for Blyth," said
     # managing director Helen Carrow' proves nothing; '"… the best thing you can do for your mental health," said club chair
     # Denise Marlow' is still one)
     re.compile(_NO_HEALTH_WORD + r".*[\"”'’],?\s+(?:says|said|adds)\s+(?:the |our |its )?(?:[a-z-]+ ){0,2}(?:director|chief executive|ceo|chair"
                r"|chairman|chairwoman|chairperson|spokesperson|spokesman|spokeswoman|councillor|minister|secretary|mayor|officer"
                r"|president|manager|founder|head of [a-z]+)\b", re.IGNORECASE)),
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
    ("verified", r"\bverified (?:buyer|purchase|customer|reviewer)\b", Needs(_HEALTH_TRIGGERS.split())),
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
     r"|\b(?:fixed|sorted|healed|ended|eased) (?:my|his|her) (?:[a-z]+ )?(?:knees?|back|feet|heels?|hips?|neck|shoulders?|pain"
     r"|sciatica|arthritis|plantar|bunions?|gout|migraines?|headaches?|stiffness|insomnia)\b"
     # "it gave me my life back", "brought my sugars down by two points", "his fur has completely grown back"
     r"|\bgave (?:me|him|her|us) (?:my|his|her|our) life back\b|\bbrought (?:my|his|her) [a-z ]{0,20}down\b"
     r"|\b(?:has|have) (?:completely |fully |all )?grown back\b"
     # "Ken's knee is much better since he started taking turmeric"
     r"|\b(?:is|are|has been|have been|feels?|felt) (?:so much|much|a lot|loads|heaps|miles) better since\b"
     # "… and honestly my knees are loads better already"
     r"|\bmy (?:[a-z]+ )?(?:knees?|back|feet|foot|heels?|hips?|neck|shoulders?|ankles?|joints) (?:is|are|feels?) (?:now )?(?:so much"
     r"|much|loads|a lot|way|heaps|miles|far) better\b"
     # "Taking the tablet away completely cured my daughter's tantrums", "worked for my eldest", "helped us a lot"
     r"|\bcured (?:my|his|her|our)\b"
     r"|\bhelped (?:us|me|him|her|my [a-z]+) (?:a lot|loads|so much|massively|hugely|no end)\b"
     # before and after a change: "was itching constantly until we switched, now he's a new dog"
     r"|\b(?:until|since|after) (?:we|I) (?:switched|changed|started)\b[^.;:]{0,40}\bnow\b",
     # (not a result the writer hedges as their own: "… loads better since, though of course that's just me")
     re.compile(r"\bjust me\b|\bcoincidence\b|\bcould be anything\b", re.IGNORECASE)),
    # the writer's complaint gone: "Three weeks in and my plantar fasciitis is basically gone", "My husband's back stopped
    # aching on long drives"
    ("gone disappeared vanished cleared stopped healed eased aches hurts hurt ached twinged",
     r"\b(?:my|his|her|our)\b[^.;:]{0,40}\b(?:pain|aches?|fasciitis|sciatica|back|knees?|feet|foot|heels?|hips?|shoulders?|neck"
     r"|bunions?|corns?|blisters?|verrucas?|arthritis|gout|cramps?|splints|eczema|psoriasis|headaches?|migraines?) (?:(?:is|are|has"
     r"|have|had|was|were) )?(?:(?:basically|completely|totally|finally|almost|nearly|all but|pretty much|just|entirely) )?(?:gone"
     r"|disappeared|vanished|cleared up|stopped (?:aching|hurting)|healed)\b"
     # "swears her arthritis has eased since she started"
     r"|\b(?:pain|aches?|arthritis|sciatica|back|knees?|hips?|stiffness|cramps?) (?:has|have) (?:really |finally |definitely )?"
     r"eased since\b"
     # "Arthur says his hip hardly aches at all"
     r"|\b(?:hardly|barely|no longer|never) (?:aches|hurts)\b"
     # "since I got mine my knees havent hurt once"
     r"|\b(?:my|his|her|our) (?:[a-z]+ )?(?:knees?|back|feet|heels?|hips?|neck|shoulders?|ankles?|joints) (?:haven'?t|hasn'?t|have not"
     r"|has not|don'?t|doesn'?t) (?:hurt|ached|twinged)\b"
     # "Within a week my husband stopped snoring"
     r"|\b(?:my|his|her|our)\b[^.;:]{0,30}\bstopped (?:snoring|limping|aching|hurting)\b"),
    # … and its shorter shapes, each woken by a word it cannot match without (one rule woken by all their words ran on an
    # eighth of all sentences)
    ("since far", r"\b(?:zero|no) pain (?:since|so far)\b"),                      # "zero pain since", "… and zero pain so far"
    ("hurting aching sore itching", r"\b(?:not|no longer|stopped) (?:hurting|aching|sore|itching) any ?more\b"),
    ("backache pain ache aches blister blisters soreness",                                # "with no backache at all"
     r"\bno (?:backache|back pain|pain|aches?|blisters?|soreness) at all\b"),
    ("gone", r"\b(?:hers|his|mine|theirs) (?:have|has) (?:all )?gone\b"                  # "she says hers have gone completely"
             r"|\b(?:doms|soreness|stiffness|swelling|pain|ache|cramp) (?:is|was) (?:basically |completely |totally |all but "
             r"|pretty much )?gone\b"),                                                # "the DOMS is basically gone"
    ("throb ache hurt swell burn", r"\bused to (?:throb|ache|hurt|swell|burn)\b[^.;:]{0,60}\b(?:but|now)\b"),
    ("bloated ill sick constipated", r"\b(?:not|never) been (?:bloated|ill|sick|constipated)\b"),
    ("stopped", r"\bstopped (?:getting|having) (?:out of breath|headaches|migraines|cramps?|back pain|aches|colds|heartburn)\b"),
    ("niggle niggles pain ache aches blister blisters cramp cramps soreness",              # "my usual hip niggle never showed up"
     r"\b(?:niggles?|pain|aches?|blisters?|cramps?|soreness) (?:never|didn't|did not|hasn't|has not) (?:showed|show|shown|came"
     r"|come|returned|return|been) ?(?:up|back)?\b"),
    # the writer restored: "I've stuck to it religiously and I've never felt better", "it's kept me supple while my friends
    # have stiffened up", "After three sessions he was back on his boat, pain-free", "dropped two trouser sizes in six weeks"
    # (four rules, each woken by its own word: one rule woken by all of them ran on a tenth of all sentences)
    ("never", r"\b(?:I've|I have|I'd|I had|she's|he's|they've|(?:his|her|my|their) [a-z]+ (?:has|have)) never (?:felt|been|looked"
              r"|slept) (?:better|fitter|healthier|younger)\b"),
    ("kept", r"\b(?:it's|it has|this has|that's|they've|yoga has|swimming has) kept (?:me|him|her|us|them) (?:supple|fit|young"
             r"|healthy|active|mobile|pain-free|going)\b"),
    ("free without", r"^\W*(?:after|within) (?:just )?(?:[a-z0-9]+ ){1,2}(?:sessions?|treatments?|appointments?|visits?|weeks?|days?"
             r"|months?)\b[^.;:]{0,60}\b(?:pain[- ]free|symptom[- ]free)\b"
             # "after six months I can squat pain-free"
             r"|\bI can (?:now |finally |at last )?[a-z]+ (?:[a-z]+ )?(?:pain[- ]free|without pain)\b"),
    ("sizes size", r"\b(?:dropped|lost) (?:[a-z0-9]+ )?(?:dress|trouser|jeans?|clothes|clothing) sizes?\b"),
    ("lost kg kilos kilo lbs stone", r"\b(?:lost|dropped|down) (?:nearly |almost |over |about |around )?(?:\d+(?:\.\d+)?|two|three|four|five|six|seven"
                                    r"|eight|nine|ten|a|half a) ?(?:kg|kilos?|lbs?|stone\b"
                                    # (not a stone moved: "We walked down a stone path", "He dropped a stone into the well")
                                    r"(?! (?:path|wall|walls|floor|steps?|bridge|cottage|house|circle|into|onto)\b))\b"),
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
     # (nor a heading for a story to come: "Toddler Bedtime Battles: What Finally Worked For Us")
     re.compile(r"\bjust what worked\b|\bnot a doctor\b|\bwhat (?:\w+ )?worked for (?:us|me)\W*$", re.IGNORECASE)),
    # "Our customers see thicker, shinier hair in just 30 days!", "you'll notice firmer skin within two weeks"
    ("see notice feel", r"\b(?:customers|users|clients|buyers|you'll|you will) (?:see|notice|feel)\b[^.;:]{0,50}?\b(?:in|within|after)"
                        r" (?:just |only )?(?:\d+|two|three|four|five|six|seven|ten) (?:days|weeks|nights)\b",
     re.compile(r"\b(?:if|unless|delivery|delivered|dispatch|arrive|order|refund)\w*\b|\?\s*$", re.IGNORECASE)),
    # "the smell has gone completely", "her itchy paws cleared up completely", "my afternoon slump is gone!", "Hubby snores
    # way less since we got this", "Locals swear the sea air here cures a hangover"
    ("gone completely cleared since swear swears swore knocked knock knocks got",
     r"\b(?:has|have|had) (?:now )?gone completely\b|\bcleared up completely\b"
     r"|\bmy [a-z' -]{2,40} (?:is|are|has|have) (?:been )?(?:all |completely |totally |literally |finally |basically )?(?:gone|vanished"
     r"|disappeared|cleared up)\b(?! (?:up|out|down|to|from|missing|quiet)\b)"
     r"|\b(?:way|much|a lot|far) (?:less|better) since (?:we|i|she|he|they) (?:got|started|switched|began|bought|changed)\b"
     # "did it on all mine and they were gone in a week", "the ginger shot knocked my cold out overnight"
     r"|\b(?:was|were|is|are) (?:all )?gone (?:in|within|after) (?:a |an |one |two |three |\d+ )?(?:days?|weeks?|fortnight|nights?|months?)\b"
     r"|\bknock(?:ed|s)? (?:my|her|his|the) (?:cold|cough|flu|headache|migraine|hangover|fever) (?:out|on the head)\b"
     # "the run-walk method got her round her first half marathon injury-free"
     r"|\bgot (?:me|him|her|us|them) (?:round|through) [^.;:]{3,50}\b(?:injury|pain|blister)[- ]free\b"
     r"|\b(?:swear|swears|swore) (?:that )?[^.;:]{0,40}\b(?:cures?|cured|fix(?:es)?|fixed)\b",
     re.compile(r"\b(?:if|unless|whether)\b|\?\s*$", re.IGNORECASE)),
    # a remedy's result handed down: "My mum always said a spoon of honey at night did the trick"
    ("trick", r"\b(?:did|does|do|will do) the trick\b"),
    # "a cold flannel to chew on, works a treat", "A cold flannel from the fridge was our lifesaver"
    ("treat lifesaver life game", r"\b(?:works?|worked|working) a treat\b|\b(?:was|is|has been|were) (?:an? (?:absolute |total |real )?"
                             r"|our |my )(?:lifesaver|life-saver|life saver|game[- ]changer)\b"),
    # the turnaround: "within a fortnight the ache had gone completely", "he was a different baby within 2 days", "a diffuser
    # worked for ours within days, stopped the spraying completely" (not the safety net: "if it hasn't gone within a week")
    ("within completely went", r"\bwithin (?:a |an |two |three |a few |\d+ )?(?:days?|weeks?|fortnight|months?)\b[^.;:]{0,60}?"
                          r"\b(?:had (?:\w+ )?(?:gone|stopped|cleared|vanished|disappeared|settled|healed)|(?:gone|stopped) completely)\b"
                          r"|\ba different (?:baby|child|dog|cat|person|man|woman|boy|girl|kid) within\b"
                          r"|\bworked (?:for (?:ours|mine|us|me|him|her) )?within (?:days|a (?:few )?(?:days?|weeks?))\b"
                          r"|\bstopped (?:(?:the |his |her |their |my )?[a-z-]+ )?completely\b"
                          # "Bella stopped scratching within a fortnight of switching"; "went from 4 hours a night to 7 in about 6 weeks"
                          r"|\bstopped [a-z]+ing (?:within|after) (?:a |an |one |two |three |\d+ )?(?:days?|weeks?|fortnight|months?)\b"
                          r"|\bwent from [^.;:]{1,30} to [^.;:]{1,20} (?:in|within) (?:about |just |only |under )?(?:a |an |one |two |three"
                          r"|six |\d+ )?(?:days?|weeks?|months?|years?|fortnight)\b",
     re.compile(r"\b(?:if|unless|hasn't|has not|haven't|have not|isn't|not)\b", re.IGNORECASE)),
    # round sixteen: a complaint gone with no helping verb and no body word ("my IBS basically disappeared when i switched",
    # "My Achilles niggle, which had bugged me all spring, disappeared by week three"); not a file, a parcel or an account
    # (round seventeen: "my back pain went in about a fortnight", "My niggly knee cleared right up once I switched to these")
    ("disappeared vanished went cleared",
     r"\b(?:my|his|her|our)\b[^.;:!?]{1,60}?\b(?:(?:basically|completely|totally|just|literally|finally|pretty much|all but"
     r"|almost|nearly) )?(?:disappeared|vanished)\b"
     r"|\b(?:my|his|her|our)\b[^.;:!?]{1,40}?\b(?:went|cleared)(?: right)?(?: up| away)? (?:in|within|after) (?:about |around |just "
     r"|only )?(?:a |an |one |two |three |four |\d+ )?(?:days?|weeks?|fortnight|months?)\b"
     r"|\b(?:my|his|her|our)\b[^.;:!?]{1,40}?\bcleared (?:right )?up (?:once|when|since|after) (?:i|we|she|he)\b",
     re.compile(r"\b(?:if|unless|whether|hasn't|haven't|hadn't|never|not (?:yet|quite|fully|completely|entirely)|files?|photos?|emails?|messages?|passwords?|accounts?|data|icons?|apps?|settings"
                r"|parcels?|orders?|package|money|wallet|keys|phone|bookmarks|tabs?|folders?|contacts|cursor|toolbar|button)\b|\?\s*$",
                re.IGNORECASE)),
    # "white noise was a gamechanger for us", "it's been a game changer" (not a two-word review: "★★★★★ Game changer! – Priya")
    ("gamechanger changer", r"\bgame[- ]?changer\b",
     re.compile(r"^\W*(?:[★*\d]+\s*(?:stars?)?\s*)?[\"“'‘]?\s*(?:an? |total |absolute |real )*game[- ]?changer\W*(?:[-–—].*)?$|\?\s*$",
                re.IGNORECASE)),
    # "this stuff is magic", "this shoe really working", "it helped so much with ours", "nematodes sorted my slug problem"
    ("magic working helped sorted",
     r"\b(?:this|that|it|the) (?:stuff|thing|shoe|cream|oil|spray|product|one) (?:is (?:pure |literally |actually )?magic|really"
     r" (?:working|works|worked))\b"
     r"|\bhelped (?:so much|loads|massively|hugely|a lot|no end) with (?:ours|mine|his|hers|theirs|him|her|us|me|my|our)\b"
     r"|\bsorted (?:my|our|his|her) [a-z ]{1,20}(?:problem|issue|out)\b",
     re.compile(r"\b(?:if|unless|whether)\b|\?\s*$", re.IGNORECASE)),
    # the writer changed one thing and a number moved: "cut out cheese AND red wine and went from 8 attacks a month to 2"
    ("went", r"\b(?:cut out|cut|stopped|started|switched|quit|gave up|dropped|took|added)\b[^.;:?]{1,60}\band (?:I |we |she |he )?went"
             r" from [^.;:]{1,30} to\b"),
    # a bill cut, told by whoever paid it: "Our gas bill dropped by £30 a month the first winter", "Our bill went from £180 a month
    # to £45, best thing we ever did!"
    ("dropped fell fallen halved went came",
     r"\b(?:our|my) (?:[a-z]+ )?bills? (?:has |have )?(?:dropped|fell|fallen|halved|went down|came down) by\b"
     r"|\b(?:our|my) (?:[a-z]+ )?bills? went from [£$€]\d[\d,.]*[^.;:]{0,20} to [£$€]?\d"),
    # round seventeen, each woken by its own word: "My IBS is so much calmer since I started", "my left knee is way less stiff in
    # the mornings", "her walking improved loads in a fortnight", "it was night and day within a week" (not "… much faster now")
    ("since less", r"\b(?:is|are|has been|have been) (?:so much|much|a lot|loads|way) (?:[a-z]+er|less (?:stiff|sore|painful|achy"
                   r"|itchy|bloated|puffy|swollen)) (?:since|in the mornings)\b"),
    ("improved night", r"\bimproved (?:loads|massively|hugely|so much|a lot|no end) (?:in|within)\b|\bnight and day within\b"),
    # "Seven ways I cut our energy bill by £400 this year"
    ("cut", r"\bI cut (?:our|my) [a-z ]{0,20}bills? by [£$€]"),
    # "been vegan 3 months and my skin has literally never been clearer"
    ("never", r"\b(?:my|his|her|our|their) [a-z]+ (?:has|have) (?:literally |honestly |genuinely |actually )?never (?:been|looked|felt)"
              r" (?:clearer|softer|shinier|stronger|calmer|thicker|smoother|better|healthier)\b"),
    flags=re.IGNORECASE,
)
