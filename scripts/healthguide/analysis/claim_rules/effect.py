"""An effect on health said as fact: what a thing does to the body, a complaint eased, what poisons whom."""

from __future__ import annotations

import re

from .engine import AnyOf, Needs
from .statistic import INSTRUCTION, NOT_ABOUT_PEOPLE

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
     NOT_ABOUT_PEOPLE),
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
                                     r"|\b(?:is|are) (?:\w+ )?(?:non-)?(?:toxic|poisonous)\b",
     re.compile(r"\?\s*$")),
    # a life lengthened: "Ultra runners live longer than the general population", "Indoor cats live longer than …"
    # (not software's: "Tokens live longer than sessions")
    ("live lived longer", r"(?<!\bto )(?<!\byou )\b(?:live|lived|lives) (?:longer|healthier)\b",
     re.compile(INSTRUCTION.pattern + r"|\b(?:tokens?|sessions?|caches?|cookies|keys|files|objects?|processes|containers?|links?"
                r"|batteries|data)\b", re.IGNORECASE)),
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
     r"|hearing|heart|bones|joints|liver|brain)\b", INSTRUCTION),
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
     re.compile(INSTRUCTION.pattern + r"|\bwhether\b|\b(?:no|not|never)\b|\?\s*$", re.IGNORECASE)),
    ("more better", r"\b(?:reduces?|lowers?|relieves?|eases?|cuts?) (?:your )?(?:stress|anxiety|tension|blood pressure|pain)"
                    r"(?: levels)? (?:more|better|faster) than\b"),
    # "Bed rest for more than a day or two can slow your recovery"
    ("recovery healing", r"\b(?:slows?|speeds?|delays?|hampers?|hinders?) (?:up )?(?:your |the |their )?(?:recovery|healing)\b",
     INSTRUCTION),
    # "Ballet before the age of seven builds the balance and coordination children keep for life"
    ("builds improves boosts develops", r"\b(?:builds|improves|boosts|develops) (?:the |your |their |a child's |children's )?"
                                        r"(?:balance|coordination|bone density|self-esteem|stamina|confidence(?! intervals?))\b"),
    # "Dark mode reduces eye strain during late-night writing sessions"
    ("strain eyestrain", r"\b(?:reduces?|prevents?|causes?|eases?|relieves?) (?:digital )?eye ?strain\b", INSTRUCTION),
    # "St John's wort can stop the contraceptive pill from working properly"
    ("working", r"\bstops? (?:the |your )?(?:[a-z-]+ )?(?:pill|medicines?|medication|tablets?|drugs?|inhaler) (?:from )?working\b"),
    # "Standing tall makes you look 5 pounds lighter"
    ("lighter younger slimmer", r"\bmakes? you (?:look|feel) (?:\d+|ten|five|years)[^.;:]{0,20}\b(?:lighter|younger|slimmer)\b"),
    # "Dementia-friendly film screenings … lift the mood of people living with dementia"
    ("mood", r"\b(?:lifts?|boosts?|improves?|brightens?) (?:the |your |their |our )?mood\b", INSTRUCTION),
    # a promise: "After 2 weeks of using, you will be taller and more confident"
    ("will", r"^\W*after (?:\w+ ){1,2}(?:weeks?|days?|months?|sessions?)\b[^.;:]{0,30}\byou will (?:be|feel|look|see|notice)\b"),
    # what a garden is said to do: "Planting marigolds between your tomatoes keeps whitefly away", "Crushed eggshells … stop slugs"
    ("away bay slugs snails", r"\bkeeps? (?:the )?(?:whitefly|greenfly|aphids|slugs|snails|mosquitoes|midges|flies|moths|pests|ants"
                              r"|mice|rats) (?:away|off|at bay)\b|\bstops? (?:the )?(?:slugs|snails|aphids|pests)\b",
     re.compile(r"\bwhether\b|\?\s*$", re.IGNORECASE)),
    # development and ageing: "Screen time before the age of two delays speech", "Keeping busy with a hobby slows memory loss",
    # "Messy play builds the fine motor skills", "Singing every day keeps the memory sharp", "your knees and hips stay younger"
    ("delays delay slows slow motor sharp longer keeps keep stay stays",
     r"\bdelays? (?:speech|language development|a child's development|growth|puberty)\b|\bslows? (?:down )?(?:memory loss|ageing|aging|decline"
     r"|dementia|hair loss)\b|\bbuilds? (?:the )?(?:fine |gross )?motor skills\b"
     r"|\bkeeps? (?:the |your )?(?:memory|mind|brain|joints|bones) (?:sharp|young|active|healthy|supple|strong)\b"
     r"|\bstays? (?:younger|healthy|healthier|supple|strong) for longer\b"),
    # "flashing light at these speeds can trigger seizures"; "you heal quicker"; "the blood circulation will become very smooth"
    ("seizures fits quicker faster sooner quickly circulation flow",
     r"\bcan (?:trigger|cause|bring on) (?:seizures|fits|asthma attacks?)\b|\b(?:you|they|we) (?:heal|recover) (?:quicker|faster"
     r"|more quickly|sooner)\b|\b(?:circulation|blood flow) will (?:become|be|get|improve)\b"),
    # promises: "you'll have no more aching legs", "Our laser cap regrows thinning hair", "MOVE LIKE YOU'RE 25 AGAIN!!!"
    ("more regrows regrow again younger",
     r"\bno more (?:aching|sore|tired|painful) (?:legs|feet|backs?|knees|joints)\b|\bno more (?:tossing and turning|sleepless nights)\b|\bregrows? (?:[a-z]+ )?hair\b"
     r"|\blike you'?re (?:\d+|twenty|thirty) again\b|\bfeel (?:\d+|ten|twenty) years younger\b"),
    # "Carrots … help clean the teeth", "Our kelp helps keep teeth clean and breath fresh"
    ("teeth bones", r"\bhelps? (?:to )?(?:clean|protect|strengthen|whiten) (?:the |your |their )?(?:teeth|bones)\b"
                    r"|\bhelps? (?:to )?keep (?:the |your |their )?teeth (?:clean|healthy|strong)\b"),
    # pests, pains and germs kept off: "Tea tree oil in shampoo keeps head lice away", "Marigolds … keep most tomato pests
    # away", "Beer traps honestly wipe them out", "blight … can wipe out the whole crop" (not a step: "Use a lid to keep flies
    # away", "Wipe out the tray")
    ("away bay wipe wipes wiped wiping",
     r"\bkeeps? (?:most |all |the |many |any )?(?:[a-z-]+ ){0,2}(?:away|at bay)\b|\b(?:wipes?|wiped|wiping) (?:[a-z-]+ ){0,3}out\b"
     r"(?! (?:the |your |a )?(?:bowl|tray|inside|cupboard|fridge|oven|pan|sink|bath|cache|drawer|tin)\b)",
     re.compile(r"(?:^|[.!?;:]\s+)\W*(?:please |always |do |try to )?(?:keep|wipe)\b|\bplease keep\b|\bto (?:keep|wipe)\b"
                r"|\bwhether\b|\?\s*$", re.IGNORECASE)),
    # "Thrushes will clear a border of snails faster than any pellet", "does more for vocabulary than any app", "resets your
    # body clock quicker than anything you can swallow"
    ("faster quicker", r"\b(?:faster|quicker|more quickly) than (?:any|anything)\b(?! (?:other )?(?:delivery|courier|service|shop|store)\b)"),
    ("any", r"\b(?:does|do|did) more for (?:[a-z']+ ){0,2}than any\b", Needs(("more",))),
    # a comparison with every rival: "Ground beetles eat more slugs than any pellet ever will", "Children under three learn
    # language far better from live conversation than from a screen"
    ("any better", r"\b(?:eat|eats|kill|kills|catch|catches|remove|removes|absorb|absorbs|burn|burns) (?:far |many |a lot )?more"
                   r" (?:[a-z-]+ )?than any\b|\blearn (?:[a-z]+ )?(?:far |much )?better (?:from|with|through|by) [^.;:]{1,50}\bthan\b"),
    # "Dogs that eat kibble with added glucosamine stay active well into old age"
    ("old", r"\b(?:stay|stays|remain|remains|keeps? (?:them|you|him|her)) (?:[a-z]+ ){0,2}well into old age\b"),
    # a cleanse: "Foot massage flushes toxins out of the tissues", "draws impurities from deep within the skin"
    ("toxins impurities detoxes detoxifies",
     r"\b(?:draws?|flushes?|pulls?|drains?) (?:out )?(?:the )?(?:toxins|impurities)\b|\bdetox(?:es|ifies)\b"),
    # round sixteen. What wears a thing out: "Keeping a lithium-ion battery at full charge wears it out faster", "can shorten the
    # life of the battery", "Heat is the biggest enemy of battery life", "Regular high-pressure washing adds years to the life of
    # decking", "could cut years off your mortgage term"
    ("wear wears wearing shorten shortens enemy enemies years",
     r"\bwears? (?:it |them |the [a-z]+ )?out (?:faster|quicker|sooner|more quickly)\b|\bshortens? the (?:life|lifespan) of\b"
     r"|\b(?:biggest|worst|greatest|number one|main) enem(?:y|ies) of\b|\badds? years to (?:the life of|its life)\b"
     r"|\b(?:cut|cuts|knock|knocks|take|takes) years off\b", re.compile(r"\b(?:if|whether|why)\b|\?\s*$", re.IGNORECASE)),
    # "Draught-proofing is one of the cheapest ways to save energy"; "the single biggest predictor of a child's success"
    ("ways way predictor predictors",
     r"\bone of the (?:cheapest|easiest|best|quickest|simplest|most effective|fastest|surest) ways? to\b"
     r"|\b(?:biggest|strongest|best|most important|single) predictors? of\b", re.compile(r"\?\s*$")),
    # what spreads a disease, or how it spreads: "Varroa spread viruses", "they spread only by direct head-to-head contact",
    # "Blight spreads on the wind", "Dog mess … spreads roundworm"; "Non-stick coatings give off toxic fumes"; "withdrawn because
    # it poisons birds"; "Inflation quietly eats away at cash"; "Over any 20-year period, UK shares have beaten cash"
    ("spread spreads spreading toxic poison poisons poisoned away beaten outperformed outpaced real",
     r"\bspread(?:s|ing)? (?:viruses|disease|diseases|infections?|salmonella|germs|roundworm|worms|bacteria|blight|fungus|mites)\b"
     r"|\bspreads? (?:only |mainly |mostly )?(?:by|through|via|on) (?:the wind|direct|contact|[a-z-]+ contact|droplets|the air)\b"
     r"|\b(?:gives?|giving|releases?|emits?) off toxic\b|\btoxic fumes\b"
     r"|\bpoison(?:s|ed)? (?:birds|pets|hedgehogs|wildlife|dogs|cats|fish|bees|children|people)\b"
     r"|\beats? away at\b|\blose(?:s)? (?:value|money) in real terms\b"
     r"|\b(?:shares|stocks|equities|property|bonds|gold)\b[^.;:]{0,30}\b(?:have|has) (?:always |historically |usually )?(?:beaten"
     r"|outperformed|outpaced)\b", re.compile(r"\b(?:if|whether)\b|\?\s*$", re.IGNORECASE)),
    # round seventeen. A sign read as a cause: "Bar chewing is nearly always a sign the cage is too small", "can be a sign of dental
    # pain" (not asked, "a sign of arthritis?", nor denied, "not a sign of damage")
    # (a bare "are a sign of" is left to the model, "Weeds growing from the joints are a sign of healthy drainage", and so is a
    # hedged one, "Wear mostly on the inner edge can be a sign of rolling in")
    ("sign", r"\b(?:is often|are often|is usually|are usually|is nearly always|are nearly always"
             r"|is almost always|are almost always|is generally) (?:an? )?(?:early |sure |clear |common |classic |tell-tale |telltale )?"
             r"sign\b|\b(?:is|are) (?:an? )?(?:early |sure |clear |common |classic |tell-tale |telltale )sign\b"
             r"|\b(?:is|are) (?:an? )?sign that\b", re.compile(r"\?\s*$|\bnot (?:always |necessarily )?a sign\b|\bisn't a sign\b", re.IGNORECASE)),
    # the best of its market, harder on a body, the main cause: "Our outdoor units are the quietest on the market", "Flying east
    # is harder on your body than flying west", "Blocked gutters are the number one cause of damp patches", "is the most expensive
    # way to buy cover" (not a way to reach us, nor the writer's own view)
    ("market", r"\b(?:the|our) (?:(?!(?:latest|interest|test|rest|newest|guest)\b)[a-z]+est|most [a-z]+|only [a-z]+)\b[^.;:]{0,30}"
               r"\bon the (?-i:market)\b"),
    ("harder easier gentler kinder tougher",
     r"\b(?:harder|easier|gentler|kinder|tougher) on (?:your|the|their) (?:body|joints|skin|back|knees|engine|car|battery|planet"
     r"|environment|teeth|stomach|heart)\b"),
    ("reason cause causes driver drivers source sources reasons",
     r"\b(?:is|are|was) the (?:main|biggest|number one|single biggest|leading|commonest|most common) (?:reason|cause|driver|source)s?"
     r" (?:of|for|why|behind)\b"
     # "Birds' nests are a common cause of blocked chimneys", "Public Wi-Fi networks are the source of most stolen passwords"
     r"|\b(?:is|are|was) an? (?:common|leading|major|frequent) (?:cause|source)s? of\b"
     r"|\b(?:is|are) the (?:cause|source) of (?:most|almost all|nearly all|many)\b", re.compile(r"\?\s*$")),
    # "Reused passwords are behind the majority of account takeovers", "… blocks almost all automated login attacks"
    ("behind responsible blocks block stops stop prevents prevent",
     r"\b(?:is|are) (?:behind|responsible for) (?:most|the majority of|almost all|nearly all|half of)\b"
     r"|\b(?:blocks?|stops?|prevents?) (?:almost|nearly|virtually) (?:all|every)\b", re.compile(r"\?\s*$|\bif\b", re.IGNORECASE)),
    # a place or a thing ranked against a country or its kind: "The Broads are one of the best places in Britain to spot otters",
    # "Netball has one of the highest rates of ankle injury of any team sport" (not a view of beauty: "one of the finest stone
    # bridges in the north of the county")
    ("britain england scotland wales ireland europe uk country world county region any",
     r"\b(?:one|some) of the (?!(?:finest|prettiest|loveliest|nicest|friendliest|latest|newest|interest|test|rest|guest)\b)"
     r"(?:[a-z]+est|best|worst|most [a-z]+) [a-z' -]{0,40}?\b(?:in|of|on) (?:britain|england|scotland|wales|ireland|europe|the uk"
     r"|the country|the world|the county|the region|any)\b"
     r"|\bamong the (?!(?:finest|prettiest|loveliest|nicest|friendliest|latest|newest)\b)[a-z]+est (?:[a-z]+ )?(?:in|of) (?:britain"
     r"|england|scotland|wales|ireland|europe|the uk|the country|the world|the county|the region|any)\b",
     re.compile(r"\?\s*$")),
    ("way",
     # (what the way is for names a harm or a gain: not "The easiest way to get pngquant is …", "The easiest way to build a
     # multi-language documentation", "the best way to get your normal walk back")
     r"\bthe (?:most|least) (?:expensive|effective|reliable) way to\b|\bthe (?:cheapest|best|quickest|easiest|safest|surest|fastest)"
     r" way to (?:avoid|prevent|protect|stop|reduce|cut|get rid of|treat|cure|relieve|ease|beat|lose|burn|save|boost"
     r"|improve|lower|raise|fight|heal|recover|get over)\b", re.compile(r"\?\s*$|^\W*personally\b|\bI (?:think|reckon|feel|find)\b", re.IGNORECASE)),
    # "Brass fittings last years longer than the plastic ones", "VG-10 holds its edge up to five times longer"; "A blocked bladder
    # can kill a male cat within 48 hours"
    ("longer", r"\b(?:lasts?|holds? (?:its|their) edge) (?:up to )?(?:years|much|far|a lot|twice as|(?:two|three|four|five|\d+) times)"
               r" longer\b", re.compile(r"\?\s*$|^\W*(?:rub|use|apply|wax|clean|make|keep)\b|\bmake the\b", re.IGNORECASE)),
    ("kill", r"\b(?:can|could|will) kill (?:a |an |your |the )?(?:[a-z]+ ){0,2}(?:cats?|dogs?|parrots?|birds?|rabbits?|fish|hedgehogs?"
             r"|bees|budgies?|ferrets?|hamsters?|tortoises?|horses?|children|a child|babies|people|someone)\b"),
    # "You cannot catch shingles from someone who has shingles"
    ("catch", r"\b(?:can|can['’]t|cannot|won['’]t) catch [a-z]+ from (?:someone|somebody|a person|people|other|another|an?)\b"),
    flags=re.IGNORECASE,
)
EFFECT_KIND = "states an effect on health"
