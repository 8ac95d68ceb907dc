"""Whether a message asks for picks now (extraction rule 13): requests, questions asking for films,
stated wants with or without a verb ("I just want a war movie", "Mejor un drama", "flicks for a
sleepover"), and what does not ask (choosing among the listed films, hearsay, fact questions).
"""

from __future__ import annotations

import re

from chat_rec.catalog.titles import fold
from chat_rec.understanding import clauses as clause_rules
from chat_rec.understanding import (
    conditions,
    corrections,
    film_facts,
    lexicon,
    mood_words,
    request_words,
    statements,
    who_watches,
    years,
)

_FILLER = (r"(?:just|really|actually|honestly|only|simply|also|still|definitely|kinda|kind of|sort of|"
           r"so|now|rather|tonight|today|solo|realmente|de verdad|hoy|ahora)")
_WANT = re.compile(
    rf"\b(?:i|we)(?: {_FILLER}){{1,2}} (?:want|need|fancy)\b"
    rf"|\b(?:id|wed|i would|we would)(?: {_FILLER}){{0,2}} (?:love|like|prefer|enjoy|go for)"
    r"(?: to (?:watch|see))? (?:a|an|some|something|one)\b"
    rf"|\b(?:me|nos) (?:gustaria|encantaria|apeteceria|vendria bien)(?: {_FILLER})?(?: ver)?"
    r" (?:un|una|unos|unas|algo|alguna|alguno)\b"
    rf"|\b(?:i|we)(?: {_FILLER}){{0,2}} (?:want|wanna|need) (?:to )?(?:laugh|cry|smile|relax|chill|unwind|be scared"
    r"|get scared|feel good|be moved)\b"
    r"|\b(?:quiero|queremos|necesito|necesitamos) (?:reir|reirme|llorar|relajarme|asustarme)\b"
    r"|\btell (?:me|us) (?:a|an|some|one) (?:\w+ ){0,3}(?:movie|film|flick|peli)s?\b"
)
"""A stated want with fillers or a conditional ("I just want a…", "I'd love a…", "me gustaría ver
una…"), a want of what a film does ("I want to laugh", "quiero llorar"), "tell me a … movie": rule 13's
"statement of what the user wants to watch now"."""

_THEIR_WANT = re.compile(
    r"\b(?:he|she|they|(?:my|our|the) (?:\w+ )?" + who_watches.HOUSEHOLD + r"s?)(?: (?:really|just|only|both|all))?"
    r" (?:wants?|needs?|fanc(?:y|ies)|(?:would|d) (?:love|like|prefer|enjoy)|(?:is|are) (?:begging|asking|dying|itching"
    r"|desperate) for)(?: to (?:watch|see))? (?:a|an|some|something|one)\b"
    r"|\b(?:hes|shes|theyre) (?:begging|asking|dying|itching|desperate) for (?:a|an|some|something|one)\b"
    r"|\b(?:hed|shed|theyd) (?:really |just )?(?:love|like|prefer|enjoy) (?:a|an|some|something|one)\b")
"""A want of someone the user chooses for ("my son wants a comedy", "they're begging for an adventure",
"she'd love a musical"): rule 14 counts their taste, so their want asks as the person's would (an ask
when it names a kind of film or a film noun). Hearsay and outsiders' tastes are read before this."""
_BARE_NEED = re.compile(r"^(?:(?:really|just|so|badly|desperately) )?(?:need|needing|want|wanting|fancy|fancying"
                        r"|craving|in need of|in the mood for|after|looking for) (?:a|an|some|something)\b"
                        r"|^(?:please )?(?:cheer|perk) (?:me|us) up\b")
"""A want said without its subject ("need a heist film for the weekend", "after a western for tonight",
"perk us up with a film"): an ask when it names a kind of film or a film noun."""
_WOULD_TAKE = re.compile(rf"\b(?:id|wed|i would|we would)(?: {_FILLER}){{0,2}} (?:go for|go with|watch|see) ")
"""A conditional choice of what to watch, before a kind of film ("I'd rather go for sci-fi tonight")."""

_LEAD = re.compile(r"^(?:(?:so|then|just|maybe|perhaps|ok|okay|well|and|now|actually|ideally|preferably|honestly|tbh|"
                   r"mejor|pues|entonces|bueno|y|ahora|solo|quizas|tal vez|mas bien|sino|but rather|instead) )+")
"""Discourse words that may open a request without changing it ("so something like that")."""

_GO = re.compile(r"^(?:(?:ok|okay|so|then|alright|right|well) )*(?:go|go ahead|hit me|fire away|shoot|lets hear it"
                 r"|let s hear it|lets see (?:them|what you got|what youve got)|dale|venga|adelante|dispara|a ver)"
                 r"(?: then| please| pls| por favor)?$")
"""A sentence that only tells the assistant to go ahead ("Go.", "hit me", "fire away", "dale"): an ask."""
_LIMIT = re.compile(r"^(?:(?:and|but|just|ok|okay|oh|so|also|plus|y|pero|solo|eso si) )*(?:nothing|nada)"
                    r" (?:too|so|overly|over|longer|more than|under|muy|demasiado|tan|mas de)"
                    r" (?!(?:special|exciting|memorable|impressive|remarkable|original|spectacular|exceptional"
                    r"|interesting|new|especial|nuevo|interesante)\b)(\w+)")
"""A sentence opening with a limit on the film wanted ("Nothing over two hours, I have work at six", "nothing too
heavy, had a rough week", "nada muy largo"): what to watch now, said by what it must not be (rule 13); not in
answer to what to avoid (the parser checks the reply). Not a grade ("nothing too special" judges a film)."""
_WOULD_DO = re.compile(r"^(?:(?:i )?(?:reckon|think|guess|suppose|bet|figure) (?:that )?)?"
                       r"(?:a|an|some|any|one) (?:\w+ ){0,3}?\w+ (?:would|will|should|d|ll) (?:really |just )?"
                       r"(?:do(?: (?:me|us|nicely|fine|the trick|for (?:me|us|tonight|now)))?|work|hit the spot"
                       r"|be (?:nice|good|great|perfect|ideal|grand|fine|lovely|welcome))"
                       r"(?: (?:tonight|now|thanks|please|ta))?(?: (?:mate|man|dude|pal|bro|buddy|love|folks))?$")
"""A kind of film said to suit ("a sci-fi would do me", "I reckon a western would hit the spot, mate"): an ask when it
names a genre or a film noun."""
_PICK_FOR_ME = re.compile(r"^(?:(?:just|please|pls|ok|okay|so|then|can you|could you|would you|will you) )*"
                          r"(?:pick|choose|find|select) (?:me |us )?(?:something|one|anything|a (?:movie|film|flick)"
                          r"|whatever)\b")
"""The assistant told to choose ("just pick something for me", "can you pick one"): an ask."""
_GOT_ONE = re.compile(r"^(?:(?:so|ok|okay|and|but|then) )*"
                      r"(?:got|you got|have you got|do you have|you have|any chance of)"
                      r" (?:one|any|anything|something)\b")
"""A question for one more ("got one I haven't seen?", "do you have anything shorter?"): an ask."""
_MAKE_IT = re.compile(r"^(?:(?:no|actually|ok|okay|then|wait) )*make (?:it|that|this)"
                      r"(?= (?:a|an|some|something|one) (\w+)|\b)")
"""An order that names what to watch by changing the one in hand ("no, make it horror", "make that a
thriller"): an ask when what follows names a genre or decade, or a film by an indefinite."""

_OFF_TOPIC = re.compile(r"\b(?:recommend|suggest|find|know|any)(?: me| us)? (?:a |an |some |any )?(?:\w+ ){0,2}"
                        r"(?:restaurants?|places? to eat|pizza (?:place|joint)s?|bars?|pubs?|cafes?|books?|novels?"
                        r"|songs?|albums?|bands?|recipes?|games?|podcasts?|hotels?|wines?|beers?|apps?|restaurantes?"
                        r"|libros?|canciones|recetas?|juegos?)\b")
"""A request for something other than a film ("could you suggest a nice bookshop nearby", "any good
books?"): no film request unless the message names a film noun or genre too."""
_HOW_YOU = re.compile(r"^(?:and |so |but )?(?:how (?:do|does|did|would|can|could)|what makes) (?:you|u|it|this|the app"
                      r"|chat rec)\b")
"""A question about how the assistant works ("how does this app pick its films?"): no request."""
_QUALITY_ASKED = re.compile(r"any (?:good|great|decent)|(?:anything|something) like")
"""The request words that also ask what one film is like, inside a yes/no question about it ("is the third
any good?", "is the second one anything like Heat?")."""
_MORE_ASKED = re.compile(r"^(?:(?:and|ok|okay|so|got|have you got|any|anything|lol|haha) )*more"
                         r"(?: (?!than\b|or\b|and\b)\w|(?: (?:please|pls|plz|then|now|lol))?$)")
"""A question opening with "more" of something ("more tom hanks?"), or "more" alone ("more?", "ok, more
please?"); not "more than…", "more or less"."""
_PHRASE_AFTER = frozenset("for to tonight today this on para hoy".split())
"""Words after the noun asked for, which end its phrase ("a cosy pick for a snowy evening?")."""
_INDEFINITE = re.compile(r"^(?P<ask>(?:whats|what s|what is|got|have you got|any) )?(?:a|an|some|un|una|unas|unos)\b")
_KIND_NOUNS = frozenset("thing things one ones movie movies film films flick flicks stuff peli pelis pelicula "
                        "peliculas cosa cosas".split())
"""Nouns that end a noun phrase asking for a kind of film ("a clever heist thing?")."""
_ASKED_NOUNS = frozenset("pick picks watch".split())
"""Nouns that name what is asked for only after a word of asking ("what's a feel-good pick?"): "an odd
pick?" alone comments on one."""
_FILM_NOUN = re.compile(r"\b(?:movies?|films?|flicks?|pelis?|peliculas?|cine|classics|clasicos|clasicas)\b")
"""Film nouns (a documentary or a cartoon is a genre, ``lexicon.GENRE_RES``)."""
_POLITE = re.compile(r"\b(?:please|pls|plz|maybe|ideally|por favor|quizas|tal vez|de ser posible|(?:if|qqcond) possible"
                     r"|(?:if|qqcond) (?:you can|(?:you have|youve got|you ve got|you got) (?:one|any|them|some|a|an))"
                     r"|si (?:es posible|se puede|tienes (?:alguna|alguno|una|uno)))\b")
"""Words that soften a request; "please" itself is no praise, and "classics" the kind asked for, when
the rest is checked for a verdict ("old classics please")."""
_WHAT_ABOUT = re.compile(r"^(?:so |and |ok |okay |hmm |then )?(?:(?:what|wat|how) (?:about|abt)\b"
                         r"|what (?:\w+ ){1,3}(?:should|can|could|might) (?:i|we|you|my|our)\b)")
"""A question by its words alone, its "?" left off: with a kind of film named it asks for that kind."""
_FOUND_WHAT = re.compile(r"\b(?:is|s|es|era|sounds like|looks like|seems like|feels like|suena a|parece)"
                         r" (?:exactly |just |justo |exactamente |precisamente )?(?:what|lo que) $")
"""A want said as what a film is ("the second is exactly what I need", "es justo lo que necesito"): found, not
asked for ("what I need is a comedy" still asks)."""
_NOTHING_TOO = (r"(?:(?:ok|okay|so|just|honestly|hmm|well|pero|bueno) )*(?:nothing|nada|no) (?:too|overly|very|super"
                r"|muy|demasiado|tan) \w+(?: (?:or|and|o|y|ni) (?:too |muy )?\w+)?")
_NOTHING_TOO_NOW = re.compile(
    rf"^{_NOTHING_TOO}(?: (?:tonight|today|this time|for now|for tonight|please|pls"
    r"|plz|hoy|esta noche|por favor|porfa|por hoy|thanks|thx))+")
"""An intensity bound said with a word of now or asking ("nothing too heavy tonight", "nada muy largo hoy"):
what the person wants now, bounded, as "something not too gory tonight" is (a bare "nothing too gory" may only
answer what to avoid)."""
_BARE_BOUND = re.compile(rf"^{_NOTHING_TOO}$")
_OCCASION_NOW = re.compile(
    r"^(?:(?:well|so|but|and|pero|y) )?(?:it s|its|it is|tonight is|tonight s|tonights|hoy es|esta noche es|es) "
    r"(?:(?:a|an|our|my|the|la|el|una|mi|nuestra|nuestro) )?(?:\w+ ){0,2}"
    rf"(?:{'|'.join(sorted(lexicon.TIME_NOUNS))})\b")
"""A clause that says the viewing is now, by its occasion ("it's date night", "its a school night", "hoy es
noche de pelis"): beside an intensity bound, the bound is what the person wants tonight."""
_SUBJECT = frozenset("i we you it is was were are im ive id its yo es fue era son me nos te le "
                     "isnt wasnt arent werent aint dont doesnt didnt".split())
"""Subjects and verbs: a noun phrase with one is a statement ("war films aren't my thing"), not an ask."""


def _verdict(text: str) -> bool:
    return bool(lexicon.POSITIVE.search(text) or lexicon.NEGATIVE.search(text) or lexicon.SEEN.search(text))


_RELATIVE = frozenset("que that which where donde".split())
_PERSON_SUBJECT = frozenset("i we im ive id yo".split())
"""The person as subject anywhere makes it a statement ("a movie that I loved as a kid"), not an ask."""


_LIKENESS = re.compile(r"\b(?:like|como|similar to|similar a|parecidas? a|parecidos? a|in the vein of|in the style of"
                       r"|along the lines of)(?: (?:the|la|el))?(?: original)? qqtitle(?: qqtitle)*"
                       r"(?: (?:or|and|o|y) qqtitle(?: qqtitle)*)*")
"""A likeness to a named film inside a noun phrase that asks for a kind ("a thriller like Heat")."""
_LIKENESS_OPENS = re.compile(r"^(?:(?:something|anything|stuff|more) )?(?:in the (?:same )?(?:vein|style|spirit) of"
                             r"|along the (?:same )?lines of|similar to|en la (?:misma )?(?:onda|linea) de"
                             r"|al estilo de|del estilo de)(?: (?:the|la|el))?(?: original)? qqtitle")
"""A clause that opens with a likeness to a named film ("In the vein of Zodiac please, …", "along the lines of
Heat"): the films asked for are like it, a noun phrase with its head left out."""


_JOINING = frozenset("and or y o e u n & maybe quizas please pls".split())
"""Words that may stand between genres asked for instead ("drama or mystery instead")."""
_TRAILING = frozenset("lol haha please pls plz then maybe tbh".split())
_HEDGES = (["i", "guess"], ["i", "suppose"], ["i", "think"], ["i", "reckon"], ["we", "guess"])
"""Hedges that may close a noun phrase asked for ("a romcom I guess")."""
_WHILE = frozenset("while whilst mientras when cuando before after antes".split())
"""Words that open a time clause after the noun asked for: its own subject is no statement about a film."""


def _only_genres(words: list[str]) -> bool:
    """Whether the words are genres and the words that join them ("sci fi or fantasy")."""
    genres, rest = lexicon.spell_genres(" ".join(words))
    return bool(genres) and all(w in _JOINING for w in rest.split())


_MORE_OF_NAME = re.compile(r"^(?:y |algo |alguna |alguno |otra |otras |otro |otros )?mas (?:de|del) "
                           r"(?!(?:un|una|uno|dos|tres|cuatro|cinco|media|medio|mil|cien|\d+)\b)\w+")
"""A Spanish question for more of a maker or a kind ("¿más de Almodóvar?"); "más de dos horas" is a length."""


def _genres_for(words: list[str]) -> bool:
    """Genres alone, then "for" and whom or what they are for ("sci-fi or fantasy, for me and my niece",
    "comedy for a rainy day"): a kind of film asked for. A verb or verdict after "for" makes it a statement
    ("horror for me is a no").
    """
    at = next((k for k, w in enumerate(words) if w in {"for", "para"}), -1)
    if at < 1 or not _only_genres([w for w in words[:at] if w != ","]):
        return False
    after = words[at + 1:]
    if "," in after:  # "fantasy for my nephew, he loved Hook": the clause after the comma is one of its own,
        cut = after.index(",")  # unless it is the predicate ("horror for me, is a no")
        if after[cut + 1:cut + 2] and after[cut + 1] in _COPULAS or _BACK_TO_GENRE & set(after[cut + 1:]):
            return False  # ("westerns for my dad, he loves them": who the genre is for, said of the genre)
        after = after[:cut]
    rest = " ".join(after)
    return bool(rest) and not (_SUBJECT - _OBJECTS).intersection(after) and not _verdict(rest)


_DEFINITE_ONE = re.compile(r"\b(?:the|that|this) (?!(?:best|top|greatest|latest|newest|most|next|other|same)\b)"
                           r"(?:\w+ )?\w+ one\b")
"""A film pointed at by its kind ("the animated one", "that western one"): one already known, not a kind asked for."""
_BACK_TO_GENRE = frozenset("them those these they ellos ellas".split())
_COPULAS = frozenset("is are was were isnt arent wasnt werent s es son fue era".split())


_OBJECTS = frozenset("me us you nos te le".split())


def _kind_of_film(clause: str) -> bool:
    """A verbless clause naming a kind of film: "a proper grown-up drama", "una comedia ligera".

    It opens with an indefinite article, a film noun ("flicks for a sleepover"), a genre before a film
    noun ("animated film for a birthday") or before "with" / "about" ("horror with zombies"), or is only
    genres and "instead" ("westerns instead"); it names a film or a genre, has no subject, dislike or
    "seen" (so "a movie I loved" and "a drama was fine" are not requests; a time clause after the noun
    may have one: "a light comedy while I cook") and no title.
    """
    like = _LIKENESS.search(clause)
    genre_like = like is not None and _only_genres(clause[:like.start()].split())  # "horror like The Shining"
    clause = _LIKENESS.sub(" ", clause)  # "a thriller like Heat", "movies like Heat or Ronin": the kind asked for
    words = clause.split()
    while words[-1:] and words[-1] in _TRAILING and len(words) > 2:
        words = words[:-1]  # "sci-fi instead lol"
    if len(words) > 3 and words[-2:] in _HEDGES:
        words = words[:-2]  # "a romcom I guess": a hedge, not the person as the subject of a statement
    instead = words[-1:] == ["instead"] and len(words) > 1  # "westerns instead", "sci-fi or fantasy instead"
    words = words[:-1] if instead else words
    genre_first = bool(words) and bool(lexicon.mentions_genre(words[0]) or lexicon.genre_word(words[0])) and (
        any(_FILM_NOUN.fullmatch(w) for w in words[1:3])  # "animated film for a birthday", "horror movie tonight"
        or words[1:2] in (["with"], ["about"], ["con"], ["sobre"]))  # "horror with zombies", "fantasy about knights"
    genre_first = genre_first or instead and _only_genres(words) or genre_like
    if not words or (words[0] not in {"a", "an", "some", "un", "una", "unos", "unas"}
                     and not _FILM_NOUN.fullmatch(words[0]) and not genre_first):
        return False
    head = words[:next((k for k, w in enumerate(words) if k and (w in _RELATIVE or w in _WHILE)), len(words))]
    # (a relative clause may have its own subject: "un thriller que me tenga en vilo"); a time clause too:
    # "a light comedy while I cook" asks, "a movie I loved" tells
    own = words[:next((k for k, w in enumerate(words) if k and w in _WHILE), len(words))]
    if "qqtitle" in words or _SUBJECT.intersection(head) or _PERSON_SUBJECT.intersection(own) \
            or any(not lexicon.CHARACTER_AFTER.match(clause, m.end()) for m in lexicon.NEGATIVE.finditer(clause)) \
            or lexicon.SEEN.search(clause):
        return False
    return bool(_FILM_NOUN.search(clause) or any(r.search(clause) for r, _ in lexicon.GENRE_RES))


_PROVISO = re.compile(r"^(?:,\s*)?(?:(?:but|though|although|pero|aunque|just|solo)\s+)?(?:,\s*)?"
                      r"(?:nothing|not|no|nada|sin|without|ni|qqmask)\b")
"""What opens a proviso after a genre: a negator, or an intensity qualifier the parser masked ("not too gory")."""


def _genre_with_a_proviso(clause: str) -> bool:
    """A sentence that names a genre and then a proviso, with no verb or verdict: "sci-fi but nothing
    scary", "comedy, though not the gross-out kind", "terror pero nada gore" ask for that genre.
    """
    clause = _LEAD.sub("", clause.strip(" ,"))
    for regex, _ in lexicon.GENRE_RES:
        m = regex.match(clause)
        if m is None:
            continue
        head, rest = clause[:m.end()], clause[m.end():].strip()
        if not rest or _verdict(head) or _SUBJECT.intersection(clause.split()) or "qqtitle" in clause:
            return False
        return bool(_PROVISO.match(rest)) and not (lexicon.POSITIVE.search(rest) or lexicon.NEGATIVE.search(rest))
    return False


_MORE_OF = re.compile(r"^(?:(?:ok|okay|now|and|but|so|y|pero|ahora|vale|bueno|pues) )*"
                      r"(?:(?:give me|show me|dame|quiero|busco) )?"
                      r"(?:(?:something|anything|algo|una|uno) )?"
                      r"(?:(?:some|a bit|a little|a lot|way|much|even|algo|un poco|mucho|aun) )?"
                      r"(?:more|less|mas|menos)\b(?! like\b| than\b| que\b| como\b)")
"""A clause that opens with a comparative, or with one after a word of asking ("more action!", "less
gore please", "algo más divertido", "no dramas, something more action packed"): it asks for more or
less of something relative to the picks on screen."""

_SO_ASKED = re.compile(r" , | so (?=(?:" + "|".join(sorted(request_words.SO_ASKS)) + r")\b)")
"""Where a clause ends: a comma, or a "so" before what is asked in consequence ("… war films so a romcom")."""
_CLAUSE = re.compile(r"[,.;:!?]+|\b(?:but|pero)\b", re.IGNORECASE)


def relative_ask(text: str) -> bool:
    """Whether the message asks for more or less of something than what is shown (``_MORE_OF``, at
    the start of any of its clauses): a steer of the request in force, even when it reads as a
    request for picks.
    """
    return any(_MORE_OF.match(fold(clause)) for clause in _CLAUSE.split(text))


def sentences(keys: list[str]) -> list[tuple[list[str], bool]]:
    """Split keys at sentence breaks; True where the sentence is a question."""
    out: list[tuple[list[str], bool]] = []
    current: list[str] = []
    for k in keys:
        if k in {".", "?"}:
            if current:
                out.append((current, k == "?"))
            current = []
        else:
            current.append(k)
    if current:
        out.append((current, False))
    return out


_DEFERRING = re.compile(
    r"\b(?:(?:i|we) (?:ll|will|shall|m gonna|m going to|re gonna|am going to|are going to)|ill|well|will|gonna)"
    r" (?:\w+ ){0,2}?(?:ask|get you to|come back|ping|message|text|hit you up|be back|check back)\b"
    r"|\b(?:te|le) (?:pido|pedire|preguntare|escribo|escribire)\b|\b(?:vuelvo|volvere|regreso)\b")
"""A request put off by its own verb ("I'll ask you for westerns another day", "te pido algo mañana")."""
_LATER = re.compile(
    r"\b(?:tomorrow|tmrw|tmr|tomoz|another (?:day|time|night|evening)|some other (?:day|time|night)|next (?:week|time"
    r"|weekend|month)|later(?: on)?|not (?:now|tonight|today|yet)|manana|otro dia|otra noche|la semana que viene"
    r"|el (?:finde|fin de semana) que viene|la proxima(?: vez| semana)?|mas tarde|ahora no|hoy no)\b")
"""When a request put off is for: a later day or time, or "not now"."""
_NOT_NOW = re.compile(r"\b(?:not (?:now|tonight|today|right now)|ahora no|hoy no)\b")


def deferred(text: str) -> bool:
    """Whether every sentence of ``text`` that asks puts the asking off to later ("Maybe tomorrow I'll ask you
    for a list, not tonight", "otro día te pido más"): a request announced, not made. A sentence that asks
    for a film to watch later without putting the asking off ("recommend me something for tomorrow") asks.
    """
    folded = fold(text)
    parts = [p for p in re.split(r"[.!?;]+", folded) if p.strip()]
    asking = [p for p in parts if request_words.REQUEST.search(p) or _DEFERRING.search(p)]
    return bool(asking) and all(_later(p) for p in asking)


def _later(sentence: str) -> bool:
    return bool(_LATER.search(sentence) and (_DEFERRING.search(sentence) or _NOT_NOW.search(sentence)))


_RELATIVES = frozenset("that thats which que".split())
_WANTED_AS = re.compile(r"(?:thats|that s|that is|that isnt|that is not|that wont|that doesnt|that dont|that will not"
                        r"|which is|which isnt|que sea|que no sea|que no|que tenga|que no tenga)\b")
"""A short message opening with a genre and a relative clause of what it should (not) be, nothing else: a
description of the film wanted ("scifi that's not too heavy"); "westerns that I saw as a kid were great" is
no ask."""


def limit_stated(keys: list[str]) -> bool:
    """Whether a sentence of the message, as typed (``keys`` before moods are masked), opens with a limit on the
    film wanted (``_LIMIT``).
    """
    return any((m := _LIMIT.match(" ".join(words))) and not lexicon.POSITIVE.fullmatch(m.group(1))
               for words, _ in sentences(keys))  # ("nothing too special", "nothing too great": a verdict)


def wants_new(keys: list[str]) -> bool:
    """Rule 13: a request, a question asking for films, or a stated want (a year range alone is
    one too: the parser adds that).
    """
    sents = sentences(keys)
    for n, (words, _asked) in enumerate(sents):
        if n and _POLITE.search(" ".join(words)) and len(sents[n - 1][0]) <= 3 \
                and lexicon.mentions_genre(" ".join(sents[n - 1][0])):
            return True  # "Sci-fi. Spaceships if possible.": a bare genre, then the wish about it
    if any(_GO.match(" ".join(w for w in words if w != ",")) for words, _ in sents):
        return True  # "Westerns and war films, hate romcoms. Go.": the go-ahead to recommend
    first = sents[0][0] if sents else []
    if (rel := next((j for j, w in enumerate(first[:4]) if w in _RELATIVES), 0)) and len(first) <= 8 \
            and _WANTED_AS.match(" ".join(first[rel:])) and lexicon.mentions_genre(" ".join(first[:rel])) \
            and not lexicon.NEGATORS & set(first[:rel]):
        return True  # "scifi that's not too heavy", "un drama que no sea largo": the film wanted, described
    for words, question in sents:
        text = corrections.RETRACT.sub("", " ".join(w for w in words if w != ",")).strip()  # "never mind, I want…"
        if (relayed := lexicon.RELAYED_ASK.search(text)) and not _later(text) \
                and not conditions.negated_before(text, relayed.start(), question):
            return True  # "my husband told me to ask you for a romance": the person makes the ask
        if not text or lexicon.HEARSAY.search(text) or _later(text):
            continue  # (a request put off: "I'll ask you for more another day")
        asked = [m for m in request_words.REQUEST.finditer(text) if not conditions.negated_before(
            text, m.start(), question) and not _FOUND_WHAT.search(text[:m.start()])]
        how_you = question and any(_HOW_YOU.match(part.strip(" :")) and (n == 0 or len(part.split()) > 4)
                                   for n, part in enumerate(" ".join(words).split(" , ")))
        if asked and (_OFF_TOPIC.search(text) and not lexicon.mentions_genre(text) and not _FILM_NOUN.search(text)
                      or how_you):  # (after a lead of its own: "out of curiosity, how do you pick…?")
            asked = []  # "suggest a nice bookshop", "how does this app pick its films?"
        if asked and all(_QUALITY_ASKED.fullmatch(m.group()) for m in asked) and (
                clause_rules.YES_NO.match(text + " ") or clause_rules.ASKED_BY_ORDER.match(text + " ")):
            asked = []  # "is the third any good, or should I skip it": asks what a film is like, not for picks
        if asked and not request_words.CHOOSING.search(text):
            return True
        if film_facts.asked_fact(text) is not None:
            continue  # "how long is the first one", "who's in it?": a fact asked about a film
        if question and (clause_rules.FACT_QUESTION.match(text) or clause_rules.ABOUT_A_FILM.match(text)
                         or clause_rules.ASKING_YOU.match(text) or clause_rules.asks_what_a_film_is(text)):
            continue  # "Is Heat a crime movie?", "do you like horror?" ask about a film or the assistant
        if question and request_words.CHOOSING.search(text):
            continue  # "which one is the comedy?" asks among the films on screen
        named = lexicon.mentions_genre(_DEFINITE_ONE.sub(" ", text)) or years.names_decade(text)
        # ("no 80s stuff please" asks too; "the animated one, please" picks a film on screen)
        polite = _POLITE.search(text)
        if named and (question or polite or _WHAT_ABOUT.match(text)):
            return True  # "comedy, maybe?", "what about documentaries" (a question by its words alone)
        if (took := _WOULD_TAKE.search(text)) and lexicon.mentions_genre(text[took.end():]):
            return True  # "I'd rather go for sci-fi tonight", "we'd watch a western"
        if question and any(_MORE_ASKED.match(part.strip()) for part in " ".join(words).split(" , ")):
            return True  # "more tom hanks?", "any more like that?", "mind blown, more twisty ones?": more, asked
        if any(not conditions.negated_before(text, m.start(), question)
               for m in mood_words.WANTED_EFFECT.finditer(text)):
            return True  # "could use a laugh tonight", "in the mood for a good cry": what a film gives, wanted
        if (their := _THEIR_WANT.search(text)) and not conditions.negated_before(text, their.start(), question) and (
                lexicon.mentions_genre(text[their.start():]) or _FILM_NOUN.search(text[their.start():])):
            return True  # "my son wants a comedy", "they're begging for an adventure"
        if any(_BARE_NEED.match(c.strip()) for c in " ".join(words).split(" , ")) and (
                lexicon.mentions_genre(text) or _FILM_NOUN.search(text)):
            return True  # "need a heist film for the weekend", "perk us up with a film"
        parts = " ".join(words).split(" , ")
        if _WANT.search(text) or any(  # "old classics please, the older the better": clause by clause
                (_POLITE.search(c) or j + 1 < len(parts) and not _POLITE.sub("", parts[j + 1]).strip())
                and _FILM_NOUN.search(c) and not _verdict(_FILM_NOUN.sub(" ", _POLITE.sub(" ", c)))
                for j, c in enumerate(parts)):
            return True  # (a clause that is only the politeness counts for the one before: "classics, if possible")
        said = text.split()
        head = said[:next((j for j, w in enumerate(said) if j and w in _PHRASE_AFTER), len(said))]
        indefinite = _INDEFINITE.match(text)
        asking = bool(indefinite and indefinite.group("ask"))
        asked_noun = head[-1] in _KIND_NOUNS or asking and head[-1] in _ASKED_NOUNS
        if question and indefinite and asked_noun and not set(head) & _SUBJECT:
            return True  # "a clever, mind-bending heist thing?": a noun phrase asked for
        bare_head = [w for w in head if w not in _TRAILING]
        if indefinite and bare_head and bare_head[-1] in _KIND_NOUNS and len(bare_head) <= 5 \
                and not set(head) & _SUBJECT and (polite or len(head) < len(said)):
            return True  # "a funny one please", "a cosy one tonight": the kind wanted, with a word of asking or
            # of when or what for (a bare "a good one!" may be said of a film on screen)
        if not question and _genres_for(words):
            return True  # "sci-fi or fantasy, for me and my niece"
        if any(_genre_with_a_proviso(" , ".join(parts[:k])) for k in range(len(parts), 0, -1)):
            return True  # (also before a clause of its own: "crime, but no serial killers, and I hated Heat")
        for clause in _SO_ASKED.split(" ".join(words)):  # "None of these, something lighter please"
            clause = _LEAD.sub("", clause.strip(" ,"))
            if _kind_of_film(clause) or _LIKENESS_OPENS.match(clause):
                return True
            if _WOULD_DO.match(clause) and (lexicon.mentions_genre(clause) or _FILM_NOUN.search(clause)):
                return True  # "honestly, a western would do me"
            if question and _MORE_OF_NAME.match(clause):
                return True  # "¿más de Almodóvar?"
            if _PICK_FOR_ME.match(clause) or (question or len(clause.split()) <= 8) and _GOT_ONE.match(clause):
                return True  # "just pick something for me", "got one I haven't seen?"
            if (made := _MAKE_IT.match(clause)) and (lexicon.mentions_genre(clause) or years.names_decade(clause)
                                                     or made.group(1)):
                return True  # "no, make it horror", "make that something lighter": the ask, corrected
            if statements.FRONTED.search(clause):
                continue  # "anything saccharine I hate": the object put first, a statement
            if re.match(r"^(?:something|anything|stuff|algo|alguna|alguno|algun|(?:una|uno) de (?!las? |los? )"
                        r"|(?:una|un|uno) (?:peli|pelicula|film)s? |(?:una|uno) para (?!(?:la|el|qqtitle)\b)\w+"
                        r"|(?:a|an|some) (?:\w+ ){0,3}(?:movie"
                        r"|film|flick)s?"
                        r" (?:for|to|tonight|please|pls))\b",
                        clause) or (
                    re.match(r"^some\b", clause) and (question or polite)):
                return True
    return False


_DECLINED_TAIL = re.compile(r"(?: (?:anything|nothing|nada|any recommendations|recommendations|suggestions))?"
                            r"(?: (?:right now|now|at the moment|today|tonight|for now|ahora mismo|ahora|hoy"
                            r"|por ahora|de momento|thanks|thank you|gracias|just browsing|solo mirando))*$")
"""What may follow a declined request phrase to the end of its piece ("…looking for anything right now")."""


def bounded_now(text: str) -> bool:
    """Whether a clause of the keys (before the intensity mask) is only an intensity bound with a word of now or
    asking ("nothing too heavy tonight, just finished a double shift"), or a bare bound beside a clause that
    names tonight's occasion ("nothing too long, it's a school night"): a want (rule 13).
    """
    parts = [part.strip() for part in re.split(r" [,.!?;] ", f" {text} ")]
    if any(_NOTHING_TOO_NOW.fullmatch(part) for part in parts):
        return True
    return any(_BARE_BOUND.match(part) for part in parts) and any(_OCCASION_NOW.match(part) for part in parts)


def declined(text: str) -> bool:
    """Whether the message turns requests down outright and asks nothing ("I'm not looking for
    anything right now", "no busco nada, gracias"): every request phrase in it is negated, with
    nothing after it but "anything"/"nada" and time or thanks words, and there is no question; the
    learned request reader must not read the request words as a request ("not horror, something
    funny" still asks).
    """
    if "?" in text:
        return False
    found = [(folded, m) for sentence in re.split(r"[.!¡\n;,]+", text)
             for folded in [fold(sentence)] for m in request_words.REQUEST.finditer(folded)]
    return bool(found) and all(
        conditions.negated_before(folded, m.start()) and _DECLINED_TAIL.match(folded, m.end()) for folded, m in found)
