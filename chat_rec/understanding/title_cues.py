"""The words around a title that show it stands as one, shared by the title resolver, its fuzzy pass,
the listed-title readers and the reply's names: film verbs before it, verdict verbs after it, words
that end its phrase, the ordinary words that are titles too, and the words that show a name is a
person's ("something by …", "starring …", "… 's films").
"""

from __future__ import annotations

import re

from chat_rec.understanding import lexicon
from chat_rec.understanding.names import JOINERS
from chat_rec.understanding.title_keys import _MINOR, _POSSESSIVE, _is_genre, _Token

_QUOTES = "\"'“”‘’«»*_"
_MAX_FUZZY_TOKENS = 400
_STRONG_CUES = frozenset("watched rewatched seen saw loved love liked like enjoyed hated hate adore "
                         "adored dislike disliked vi visto encanto encantaron gusto gustaron odie odio adoro "
                         "adore disfrute loves likes hates enjoys adores dislikes watches rewatches watching "
                         "rewatching finished".split())
_VERB_AFTER = frozenset("is was s sounds looks were has had remains blew rocks rocked sucks sucked "
                        "es fue era sigue me nos la lo se le les did didnt does doesnt wasnt isnt "
                        "still holds slaps rules bores bored stinks aged deserves hits hit never always left".split())
"""Words after a capitalised single-word title that show it is the subject of a verdict."""


_IRREGULAR_PAST = frozenset("fell felt went took held ran won lost stole struck sank flew grew drew wore tore "
                            "shook woke began became brought caught taught thought".split())
"""Irregular English past tenses ("Heat fell flat", "Titanic felt long"); regular ones end in -ed."""


def judges_its_subject(word: str, after: str | None = None) -> bool:
    """Whether ``word``, right after a capitalised title that opens a sentence, makes the title its
    subject: one of ``_VERB_AFTER``, or, with nothing but a space between them (``after``: the text
    from the title's end, when known), a one-word verdict ("Titanic dragged", "Heat rules") or a past
    tense of an English verb ("Jaws ended too soon", "Heat fell flat"). "Beautiful, sure" is two
    words, not a film and its verdict; "Big fan of" is a phrase, not *Big* judged.
    """
    if word in _VERB_AFTER:
        return True
    if after is not None and not re.match(r"\s+\w", after):
        return False
    if lexicon.NEGATIVE.fullmatch(word) or lexicon.POSITIVE.fullmatch(word) or word in _IRREGULAR_PAST:
        return True
    return len(word) > 4 and word.endswith("ed") and lexicon.is_known_word(word)


_SUBJECT_VERBS = frozenset("made makes gave gives left kept got broke stayed me nos".split())
"""Verbs after a lowercase title that opens a sentence, showing it is the subject ("the iron giant
made me cry"); with _VERB_AFTER."""
_JOINERS = frozenset("and but or y pero o e though aunque".split())
"""Words that join clauses or titles: a listed title may stand right after or before them."""
_CLOSED_CLASS = frozenset("i me you he him she her it we us they them my your his its our their up down out in on "
                          "off over under all any some one none this that these those yes no other others rest both "
                          "either neither first second third last anything something nothing everything anyone "
                          "someone everyone nobody whatever else".split())
"""Pronouns (indefinite ones too), particles, determiners and ordinals: words that are titles too
(*Up*, *Her*, *It*, *The Others*, *Anything Else*) but, lowercase, are read as the words ("I've seen
the others": the rest of a list; "anything else is fine")."""
_PERSON_PREDICATE = re.compile(
    r"\s*(?:is|was|s|'s|’s|es|fue)\s+(?:such\s+)?(?:a|an|un|una)\s+(?:\w+\s+){0,2}?"
    r"(?:actor|actress|director|guy|man|woman|dude|comedian|filmmaker|actriz|directora|tipo)\b", re.IGNORECASE)
"""A title followed by a person's description ("the rock is such a funny guy"): the name is a person's."""
_PICK_VERBS = frozenset("take pick choose try watch want elijo escojo quiero pongo".split())
_PICK_PHRASES = ("go with", "going with", "goes with", "quedo con", "voy con", "vamos con", "nos quedamos con")
"""Choosing a listed film: after these, a lowercase listed title ending its phrase is that film."""
_PHRASE_ENDERS = frozenset("as at by from if when because cause since yet".split())
"""Words that start a new phrase after a title ("haven't seen inside out yet", "like snow white as a story")."""
_ENDS_ALONE = re.compile(r"\s*(?:[?!.…]|[^\w\s,:'\"&()\-]|$)|\s+-{1,2}\s")
"""What may follow a title standing alone as its sentence: an end mark, a semicolon or a comparison sign
("Heat; Ronin", "Jaws > Alien"), an emoji ("Inception 🔥🔥"), a spaced dash ("Jaws -- still scary"), or
nothing."""
_SLOT_BEFORE = ("fan of", "fans of", "favourite is", "favorite is", "favorita es", "favorito es", "similar to",
                "similar a", "parecida a", "parecido a", "parecidas a", "parecidos a")
"""Phrases before a lowercase title that show a film is meant ("anything similar to the sixth sense")."""
_VERDICT_WORDS = frozenset("yes yeah yep no not nope nah si sí forever".split())
"""One-word verdicts right after a title ("heat yes, fargo no")."""
_FILM_NOUNS = lexicon.FILM_NOUNS | {"peli", "pelis", "pelicula", "peliculas"}
_KIND_NOUNS = frozenset({"kind", "sort", "type", "tipo", "estilo"})
"""Nouns of a kind that a title names when "of" or a film noun follows ("a Groundhog Day kind of movie",
"a Jaws type film")."""
_KIND_SUFFIXES = frozenset({"ish", "esque", "like", "style", "type", "vibe", "vibes", "inspired"})
"""Words right after a title that make it a kind ("something Alien-ish", "a Heat-style heist", "Fargo
vibes")."""
_KIND_ENDS = frozenset({".", ",", "?", "!", ";", ":", "one", "ones", "thing", "things", "stuff", "story",
                        "stories", "cosa", "cosas"}) | _FILM_NOUNS


def kind_after(after: list[str]) -> bool:
    """Whether the words right after a title (their keys) make it the kind of film meant ("Groundhog Day
    kind of movie", "Alien-ish", "a Jaws type film", "Sicario-style cartel thriller", "Fargo vibes?"), not
    a verb phrase ("Toy Story kind of bored me", "watched Heat like twice").
    """
    if not after:
        return False
    first, rest = after[0], after[1:3]
    if first in _KIND_NOUNS and rest[:1] == ["of"]:
        return len(rest) < 2 or rest[1] in _KIND_ENDS
    if first in ("ish", "esque"):
        return True  # bound to the title ("Jaws-ish but with…"): never a word of its own
    if first in _KIND_SUFFIXES or first in _KIND_NOUNS:
        return not rest or rest[0] in _KIND_ENDS or (first != "like" and rest[0] not in lexicon.EN_STOPWORDS)
    return False


_FILM_PARTS = frozenset(
    "ending end beginning start plot story acting cast music soundtrack score script dialogue dialogues characters "
    "character villain hero twist pacing cinematography effects visuals animation direction trailer premise idea "
    "concept tone vibe atmosphere setting lead protagonist book series show sequel original remake version first "
    "last second third middle other others rest one movie film finale scene scenes part".split())
"""Parts and kinds of a film: "the ending was great" talks about the film's ending, not a film of that name."""
_TOPIC_SUBJECTS = frozenset("i we yo la lo las los".split())
"""A subject or object pronoun right after a listed title that opens a clause ("heat I tried once",
"speed la vi de niño"): the title is the topic of what follows."""
_PICK_TAIL = re.compile(r"(?:(?:" + lexicon.CHOICE_TAIL + r") ?)+")
"""What may follow a listed title picked with no verdict, up to the end of its clause."""
_OBJECT_PRONOUNS = frozenset("her him it them me us you".split())
_ORIGINAL = frozenset({"original"})
_SEQUEL_MARKS = frozenset("2 3 4 5 6 7 8 9 ii iii iv v vi".split())
"""A number right after a found title that the catalog's title does not include names a sequel."""
_PART_WORDS = frozenset("part parte chapter capitulo vol volume".split())
_NUMBER_WORDS = frozenset("one two three four five uno dos tres cuatro cinco i".split())
_NAME_GLUE = frozenset("at of the a an to for de del la el".split())
"""Small words inside a longer capitalised name ("Everything Everywhere All at Once")."""

_COUNTED = frozenset("times time hours hour stars star out of or and x veces vez horas estrellas de y o".split())
_KNOWN_FILM = 20
"""Ratings a film needs before a capitalised word standing alone ("Parasite, the one that won...")
is read as its title: an obscure namesake is more likely a newer film the catalog lacks."""
_YEAR_WORDS = frozenset("than before after since from in until till el del de desde hasta antes despues year "
                        "ano pre post".split())
"""Words before a four-digit number that make it a year, not a title such as "2012"."""
_MAKER_NOUNS = frozenset("las los pelis peliculas películas films movies cine stuff work obra".split())
"""Nouns before "de"/"by" + a name: the name is a maker ("las de Hitchcock", "films by Lynch")."""
_ONE_BY = frozenset("la el una uno un one something algo".split())
"""Before "de"/"by" + one name: "la de Chaplin", "one by Kubrick" (unless a listed film has that name)."""
_MADE_BY = frozenset("something anything one ones more others else films movies directed made written produced "
                     "shot dirigida dirigido hecha hecho escrita escrito protagonizada protagonizado".split())
"""Before "by" (Spanish "por", after a participle) + a name of any length: "something by Stanley
Kubrick", "more by Stanley Kubrick", "films by Hayao Miyazaki", "directed by Kevin Smith". In English
a film is not "by" a film, so the name is its maker even when a title begins with it (the documentary
*Stanley Kubrick: A Life in Pictures*), unless a listed film has that name."""

_FILMS_OF = frozenset("movies films flicks pelis peliculas filmography roles stuff work".split())

_ARTICLES = frozenset({"the", "el", "la", "los", "las"})
_PRONOUN_I = re.compile(r"I(?:['’](?:m|ve|d|ll))?$")
""""Vertigo I found slow": a capital "I" after a title starts the clause, it continues no name."""


_LINKING_CUES = frozenset({"is", "and", "or", "as", "than", "about"})
"""Film cues that only link words ("Gattaca is genius."): after one, a word is no title by its cue alone."""

_TOPIC_CUES = frozenset({"about", "than", "as"})
"""Film cues that are prepositions: a lowercase dictionary word after one is what the film is about
or like ("what about robots?"), not its title; a capital letter or a film verb still names it."""


def _is_weak(key: str) -> bool:
    """True for titles made only of ordinary words ("Up", "Anything Else", "Drive")."""
    common = lexicon.common_words()
    words = key.split()
    if all(w in common or w in _MINOR or w in lexicon.NAMED_DAYS or w in lexicon.ES_STOPWORDS for w in words):
        return True
    return _is_genre(key)


_NAME_WORDS = 4
"""The most words a name joined to a maker's name is walked back over ("Guillermo Del Toro")."""


def _made_by(tokens: list[_Token], first: int) -> bool:
    """The words before a found title are "something by" / "directed by" (``_MADE_BY``) or "starring":
    a film is not by a film and stars no film, so what follows names a person; so does a name joined
    to such a name ("by Hayao Miyazaki or Stanley Kubrick").
    """
    while True:
        if first >= 1 and tokens[first - 1].key == "starring":
            return True
        if first >= 2 and tokens[first - 1].key in {"by", "por"} and tokens[first - 2].key in _MADE_BY:
            return True
        # "films by Hayao Miyazaki or Stanley Kubrick": a name joined to a maker's name is a maker's too
        joiner = first - 1
        if joiner < 1 or tokens[joiner].key not in JOINERS:
            return False
        first = joiner
        while first > 0 and joiner - first < _NAME_WORDS and tokens[first - 1].raw[:1].isupper():
            first -= 1
        if first == joiner:
            return False


def _possessive_of_films(tokens: list[_Token], last: int) -> bool:
    """The match ends in a possessive followed by a plural film noun: the name is a person's."""
    return last + 1 < len(tokens) and bool(_POSSESSIVE.search(tokens[last].raw)) and tokens[last + 1].key in _FILMS_OF
