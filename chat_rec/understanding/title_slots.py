"""The word sets and small predicates ``title_accept.accept`` reads around a typed title: the slots a
title stands in ("on a rented tape" is none), versions told apart, names and lists around it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from chat_rec.catalog.titles import fold
from chat_rec.understanding import lexicon
from chat_rec.understanding.title_context import at_start
from chat_rec.understanding.title_cues import (
    _ARTICLES,
    _CLOSED_CLASS,
    _FILM_NOUNS,
    _JOINERS,
    _OBJECT_PRONOUNS,
    _PICK_PHRASES,
    _PICK_TAIL,
    _PICK_VERBS,
    _PRONOUN_I,
    _STRONG_CUES,
    _SUBJECT_VERBS,
    _TOPIC_SUBJECTS,
    _VERB_AFTER,
    _VERDICT_WORDS,
)
from chat_rec.understanding.title_keys import (
    _MINOR,
    _YEAR,
    _is_genre,
    _Token,
)
from chat_rec.understanding.word_forms import correct_typo

if TYPE_CHECKING:
    from chat_rec.understanding.resolver import TitleResolver


_SPANISH_OR = frozenset({"o", "u", "y", "e"})
"""Spanish coordinators: "a" after one is the preposition ("o a Goodfellas"), not the English article."""


_YEAR_IN_BRACKETS = re.compile(r"\s*\(\s*(?:19|20)\d\d\s*\)")
"""A release year in brackets right after a word: the word is a film's title, as a list line writes it."""


_VERSION_AFTER = re.compile(r"\s*[,(]?\s*(?:the|la|el) (?:((?:19|20)\d\d) (?:one|version|remake|original)"
                            r"|(?:one|version) from ((?:19|20)\d\d)|del? ((?:19|20)\d\d))\b", re.I)
"""A version told by its year right after a word ("Heat, the 1995 one", "Psycho, the one from 1960")."""


_VERSION_TOLD = re.compile(r"\s*(?:[,(]|\s-{1,2}|\s?[—–])\s*the (?:(?P<age>old|older|original|first|new|newer|recent|"
                           r"latest) |(?:[A-Z][\w'’.-]+ ){1,3})(?:one|version)\b")
"""A version told apart by age or maker right after a word, after a comma, a bracket or a dash ("Psycho,
the Hitchcock one", "Solaris, the old one", "Up — the Pixar one"): told by age, the word is a
title that several films share; told by a maker's name, it is a film's title."""


_COMMANDS = frozenset("go proceed shoot continue dale".split())
"""Words that close a message as a go-ahead to the assistant; a film's title only when listed or quoted."""


_TOPIC_LEADS = frozenset("with about without con sin de no nothing ni".split())
"""Words before topics listed with "or"/"and" ("with dragons or wizards", "no elves or wizards")."""


_ONE_WITH = frozenset("one ones movie movies film films flick flicks pelicula peliculas peli pelis".split())
"""Nouns for a film before "with" + a name ("the one with keanu"): the name is who is in it."""


def _capitalised_with_minor_inside(tokens: list[_Token], i: int, n: int) -> bool:
    """Whether the words are three or more, every content word capitalised and a minor word inside ("we
    compromised on Edge of Tomorrow"): a title's shape, not a place's ("in London", "to New York").
    """
    words = tokens[i:i + n]
    return n >= 3 and any(t.key in _MINOR for t in words[1:-1]) \
        and all(t.raw[:1].isupper() for t in words if t.key not in _MINOR)


def _opens_a_verdict(tokens: list[_Token], i: int, key: str) -> bool:
    """Whether the one-word title at ``i`` is the first word of a longer verdict phrase ("once was plenty")."""
    words = " ".join(t.key for t in tokens[i:i + 6])
    return any((m := regex.match(words)) is not None and m.end() > len(key)
               for regex in (lexicon.POSITIVE, lexicon.NEGATIVE))


def _told_by_maker(text: str, end: int) -> bool:
    """``_VERSION_TOLD`` follows with a maker's name, not an age ("Her, the Spike Jonze one")."""
    told = _VERSION_TOLD.match(text, end)
    return told is not None and not told.group("age")


def _version_follows(resolver: TitleResolver, text: str, end: int, key: str) -> bool:
    """Whether ``_VERSION_AFTER`` follows and the catalog has a film of ``key`` from that year, or
    ``_VERSION_TOLD`` follows and the catalog has more than one film of ``key``.
    """
    films = [item for _, c in resolver._index.get(key, []) if (item := resolver.catalog.get(c)) is not None]
    found = _VERSION_AFTER.match(text, end)
    if found:
        year = int(next(g for g in found.groups() if g))
        return any(item.year == year for item in films)
    told = _VERSION_TOLD.match(text, end)
    return told is not None and (len({item.item_id for item in films}) > 1 or not told.group("age"))


_PHRASE_OPENERS = frozenset("no any some for with about of or and more less zero without sin con de".split())
"""Words before which a lowercase run of ordinary words is a phrase, not a little-known film's title."""


_PLACE_PREPOSITIONS = frozenset("in at near around to from en cerca".split())
"""Prepositions of place before which a little-known film's one-word title is more often the place itself."""


_TITLE_POINTERS = frozenset("watched watch saw see seen loved liked hated enjoyed adored similar close related "
                        "comparable equivalent next role roles starred stars acted appeared appears cameo "
                        "performance".split())
"""Words before a preposition that may open a title or point to one ("watched In Bruges", "similar to X",
"her first role in Brooklyn", "a cameo in Brooklyn": an actor's work is a film, not a place)."""


_PREPOSITIONS = frozenset("for in during of at on over into through until before after around".split())
"""Prepositions before a noun phrase of everyday words ("during the holiday break")."""


_FAVOURITE = frozenset("favourite favorite fav fave".split())
"""Words that qualify the noun after them ("my favourite actor"); a film after one is a noun of its own."""


_PUT_ON = ("put on", "stick on", "turn on", "throw on", "queue up")
"""Phrases of starting a film: what follows them is one ("then someone put on the killer")."""


_GREETINGS = frozenset("hello hi hey hiya howdy hola buenas goodbye bye".split())
"""Greetings that open a message; a title that starts with one there is the greeting unless typed in title case."""


_DEGREE = frozenset("too so very really quite pretty rather bit muy demasiado bastante".split())


_DETERMINERS = frozenset("a an the my our his her their your that this some one".split())
"""Words before a participle that make it an adjective ("a rented tape", "my streamed copy")."""


_SETS_APART = frozenset("except but besides excepto menos salvo".split())


_SETS_APART_PHRASES = frozenset({"apart from", "aside from", "other than", "aparte de", "fuera de"})
"""Words that set a film apart from the list just judged ("all of them except sixth sense are bad")."""


def _set_apart(prev: str, before: str) -> bool:
    """Whether the word before a title (``prev``), or the two words before it (``before``), set it apart."""
    return prev in _SETS_APART or before in _SETS_APART_PHRASES


def _ordinary(key: str) -> bool:
    """A title of ordinary words in any plural ("happy accidents", "dark places"): ``_is_weak`` with -s and
    -es plurals taken back to their word.
    """
    common = lexicon.common_words()
    return all(w in common or w in _MINOR or (w.endswith("s") and (w[:-1] in common or w[:-2] in common))
               for w in key.split())


def _coined_in_a_slot(resolver: TitleResolver, text: str, tokens: list[_Token], i: int, n: int, key: str,
                      spanish: bool) -> bool:
    """A coined word that names one well-known film ("shawshank", "totoro"), typed lowercase in an English
    message where a film goes: after a verb of watching or liking, or opening the message before its verb
    ("shawshank is the best film ever made"). "my grumpy husband", "the holy grail of heist films" name none.
    """
    if n != 1 or spanish or key not in resolver._coined_words:
        return False
    prev = correct_typo(tokens[i - 1].key, spanish) if i > 0 else ""  # "i liek the dark knight": the cue misspelt
    nxt = tokens[i + 1].key if i + 1 < len(tokens) else ""
    opening = at_start(text, i, tokens[i]) and nxt in _VERB_AFTER | _SUBJECT_VERBS
    return prev in lexicon.FILM_CUES | _STRONG_CUES or opening


def _noun_goes_on(tokens: list[_Token], i: int, n: int, nxt: str, text: str) -> bool:
    """Whether a lowercase title of one word after small ones ("the holiday") is followed, with a space
    only, by a lowercase word that carries the noun phrase on ("the holiday break", "the visit
    schedule"): a compound of everyday words, not the film. A pronoun, a verb, a time word or a film
    noun after it ends the title ("the departed is great", "the holiday movie") and is no such word. The
    caller asks only after a preposition ("during the holiday break"); after a verb the words may be the
    film and what the person says of it ("loved the holiday soundtrack").
    """
    words = tokens[i:i + n]
    if not nxt or any(t.raw[:1].isupper() for t in words) or sum(t.key not in _MINOR for t in words) != 1:
        return False
    after = tokens[i + n]
    return text[words[-1].end:after.start] == " " and after.raw.islower() and after.key.isalpha() \
        and nxt not in lexicon.EN_STOPWORDS and nxt not in lexicon.TIME_AFTER | _VERB_AFTER | _SUBJECT_VERBS \
        and nxt not in _FILM_NOUNS and lexicon.is_known_word(nxt)


_PLACE_LEADS = frozenset("the in to from across around within outside".split())
"""Words before a dotted acronym that make it a place ("moved to the U.S."), not a film's opening."""


_VERB_OBJECTS = frozenset("me us him them".split())


def _english_after(tokens: list[_Token], j: int) -> bool:
    """Whether the word at ``j`` (if any) is English, not Spanish ("Heat me dejó frío": "me" is a clitic)."""
    if j >= len(tokens) or not tokens[j].key.isalpha():
        return True
    return lexicon.is_known_word(tokens[j].key) and tokens[j].key not in lexicon.ES_STOPWORDS
"""Object pronouns after a lowercase one-word title show it is a verb ("always hook me"); "her" and "you"
may be titles' own words or follow a film ("watched up with her")."""


def _listed_word(resolver: TitleResolver, text: str, tokens: list[_Token], i: int, prev: str, nxt: str,
                 prefer: set[int], n: int = 1) -> bool:
    """A lowercase ordinary word that is the title of a film just listed ("up", "heat") names it
    where a title stands: opening a clause as the subject of a verdict ("heat was decent, up made
    me cry"), or right after a film verb and ending its phrase ("loved heat and fargo"), never
    inside a phrase ("I'm up for anything", "love up close shots").
    """
    first = tokens[i]
    between = text[tokens[i + n - 1].end:tokens[i + n].start] if i + n < len(tokens) else ""
    ends = not nxt or bool(re.search(r"[,;:.!?…)]", between)) or nxt in _JOINERS or nxt in lexicon.TIME_AFTER
    opens = at_start(text, i, first) or prev in _JOINERS or (
        i > 0 and bool(re.search(r"[,;—–]\s*$", text[tokens[i - 1].end:first.start])))
    if opens and (nxt in _VERB_AFTER | _SUBJECT_VERBS | _VERDICT_WORDS or bool(re.search(r"[.!?…]", between))
                  or (not nxt and not between.strip()) or "," in between and nxt in _VERDICT_WORDS | _STRONG_CUES):
        return True  # "heat was decent", "heat. the rest, no thanks", "heat, loved it"
    if opens and nxt in _TOPIC_SUBJECTS and n == 1 and i + 2 < len(tokens):
        return True  # "heat I tried once and fell asleep": the film set first, then its subject
    if opens and _PICK_TAIL.fullmatch(fold(re.split(r"[.!?,;…]", text[tokens[i + n - 1].end:], maxsplit=1)[0])):
        return True  # "speed for sure.", "speed please": a bare pick of the listed film
    if opens and nxt in _JOINERS and i + n + 1 < len(tokens) and any(
            c in prefer for _, c in resolver._index.get(tokens[i + n + 1].key, [])):
        return True  # "heat and jaws not my thing": joined to the next listed title
    if not ends or (n == 1 and tokens[i].key in _OBJECT_PRONOUNS):  # "loved her" is a person
        return False
    joined = prev in _JOINERS and i > 1 and any(c in prefer for _, c in resolver._index.get(tokens[i - 2].key, []))
    before = " ".join(t.key for t in tokens[max(0, i - 2):i])
    picked = prev in _PICK_VERBS or before.endswith(_PICK_PHRASES)  # "I'll go with speed", "me quedo con heat"
    # "loved heat", "adored big and speed", "none of them except speed", "salvo heat"
    return prev in _STRONG_CUES or joined or picked or _set_apart(prev, before)


def _plain_known_title(resolver: TitleResolver, key: str, word: str) -> bool:
    """``key`` is the whole title of a film many people rated (not a shortened form: "rock" of
    The Rock), and its one content word is no function word, genre or named day ("up", "her",
    "drama" stay words).
    """
    return not (word in lexicon.EN_STOPWORDS or word in lexicon.ES_STOPWORDS or word in _CLOSED_CLASS
                or _is_genre(key)
                or key in lexicon.NAMED_DAYS) and resolver._known_film(key, whole_title=True)


def _name_follows(text: str, tokens: list[_Token], i: int, n: int) -> bool:
    """A capitalised word (no year, no "I", not opening a sentence) follows the title with only
    a space between: the title's words begin a longer name ("Tom Hanks", "Paul Rudd").
    """
    if i + n >= len(tokens):
        return False
    after = tokens[i + n].raw
    between = text[tokens[i + n - 1].end:tokens[i + n].start]
    apart = bool(re.search(r"[,;:—–()\[\]/<>=]|\s-\s", between))  # "Jaws > Alien": two films compared
    return after[:1].isupper() and not _YEAR.match(after) and not apart and not _PRONOUN_I.match(after) \
        and not at_start(text, i + n, tokens[i + n])


def _after_capital_article(text: str, tokens: list[_Token], i: int) -> bool:
    """The token before ``i`` is an article written with a capital in mid-sentence ("vi El orfanto")."""
    return i > 0 and tokens[i - 1].key in _ARTICLES and tokens[i - 1].raw[:1].isupper() \
        and not at_start(text, i - 1, tokens[i - 1])
