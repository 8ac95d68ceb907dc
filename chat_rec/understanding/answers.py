"""Answers read by the question the reply asked: a title answering "Tell me about a film you loved" or "Which did
you prefer?", a genre or a film answering "Anything you'd rather avoid?", a genre answering "Any genre in mind?",
an alternative picked in answer to "Light or heavy?".

The parser reads a message on its own words first; these then read what it left open (a title or a genre named
with no verdict of its own) by the reply's question, as the app's onboarding questions are read
(``conversation.nodes.answer_in_context``). Over the parser's signal, the reply text and the message's folded
words.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from chat_rec.catalog.titles import fold
from chat_rec.understanding import lexicon, request_words
from chat_rec.understanding.signal import PreferenceSignal

_ASKS_LOVED = re.compile(r"\b(?:films?|movies?|flicks?) (?:you|u) (?:have |ve )?(?:loved|love|liked|enjoyed|adore"
                         r"|adored)\b|\bfavou?rites?(?: (?:films?|movies?|flicks?))?(?: (?:i|you) should)?\b"
                         r"(?! (?:era|decade|genre|years?|actor|director)\b)"
                         r"|\b(?:peli|pelicula)s? que te (?:haya |hayan )?(?:encantado|gustado|encanto|gusto|encante)"
                         r"|\b(?:peli|pelicula)s? (?:favorita|preferida)s?\b")
"""A reply asking for a film the person loved ("Tell me about a film you loved", "any favourite films I should
know about?", "¿una peli que te haya encantado?"): a title named in answer is one loved."""
_ASKS_PREFERRED = re.compile(r"\bwhich (?:one |of (?:the|these|those) (?:two |films |movies )?)?(?:did|do|would) "
                             r"(?:you|u) (?:prefer|like (?:more|better|best)|enjoy (?:more|most)|rate higher)"
                             r"|\bwhich (?:one )?(?:was|is) (?:better|your favou?rite)"
                             r"|\bcual (?:te gusto|prefieres|preferiste|te gusta|disfrutaste) mas\b"
                             r"|\bcual preferiste\b")
"""A reply asking which of some films the person preferred ("Which did you prefer, The Sting or Butch
Cassidy?", "¿Cuál te gustó más?"): the film named in answer is the one liked."""
_ASKS_AVOIDED = re.compile(r"\b(?:avoid|stay away from|steer clear of|keep away from|rather not (?:see|watch)|rule out"
                           r"|(?:dont|do not|wouldnt) (?:want|like) to (?:see|watch)|evitar|evite|evito)\b")
"""A reply asking what to avoid ("Anything you'd rather avoid?", "¿algo que prefieras evitar?"): a genre named in
answer is one to avoid."""
_ASKS_WANTED = re.compile(r"\b(?:in the mood for|(?:genre|kind|sort|type) (?:in mind|of (?:film|movie|thing)s?)"
                          r"|(?:genre|genres) (?:you re|youre|you are) (?:leaning|in the mood|after)"
                          r"|what (?:are we|should we|shall we|do you want to|would you like to|d you like to) watch"
                          r"|(?:are you|you re|youre) after|(?:do you|you) fancy"
                          r"|que (?:te apetece|quieres|te gustaria) ver|que tipo de (?:peli|pelicula)|algun genero)\b")
"""A reply asking what to watch now ("Any genre in mind?", "What sort of film are you after tonight?", "¿Qué te
apetece ver?"): a genre named in answer is asked for."""
_TASTE_STATED = re.compile(r"\b(?:im|i m|i am|ive|i have|soy|somos|me (?:gusta|gustan|encanta|encantan)"
                           r"|(?:i|we) (?:\w+ )?(?:like|love|enjoy|adore|prefer|hate|watch))\b")
"""The person telling their taste ("I'm a sucker for romcoms", "what I watch most", "me encantan los
westerns"): a statement, not an answer naming what to watch now."""
_QUESTION = re.compile(r"[^.!?¿¡:]*\?")
"""A question of the reply, up to its question mark (before folding, which drops the marks)."""
_NOT_NOW = re.compile(r"\b(?:which|cual|did|didnt|have you|had you|was|were|seen|watched|favou?rites?|usually"
                      r"|normally|generally|tend to|(?:do|did) (?:you|u) (?:\w+ )?(?:like|love|enjoy|prefer)"
                      r"|te gusto|te gustaron|viste|has visto|preferiste|sueles)\b")
"""A question that picks among things already named ("Which of these, the first or the last?") or asks about the
person's taste or past ("Which did you prefer, The Sting or Butch Cassidy?", "Do you like comedies or
dramas?"): choosing in answer asks for nothing (rule 13)."""
_ASKS_SEEN = re.compile(r"\b(?:seen|watched|caught|visto|viste|vio|vieron)\b")
"""A question about having seen films ("Seen any of these?", "Which of these have you already watched?",
"¿Has visto alguna?")..."""
_ASKS_VERDICT = re.compile(r"\b(?:like|liked|enjoy|enjoyed|love|loved|think|thought|rate|prefer|preferred|good|any good"
                           r"|gusto|gustaron|gusta|parecio|parecieron)\b")
"""...not one that asks for a verdict as well ("Seen any you liked?", "¿Viste alguna que te gustara?")."""
_YEAR = re.compile(r"\b(?:18|19|20)\d\d\b")
_OR = frozenset({"or", "o", "u"})
_LISTED = frozenset("these those them this that first second third last latter former estas estos esas esos "
                    "esta este primera primero segunda segundo tercera tercero ultima ultimo".split())
"""Words by which an alternative points at the films on screen ("one of these", "the first")."""
_LIKENESS = frozenset("like similar similares parecida parecido parecidas parecidos como".split())
_FILLERS = frozenset("the a an um uhm uh oh hmm well definitely def probably maybe id i d say go with lets let s "
                     "something some more el la lo los las una un algo mas pues mmm ok okay yeah yes".split())
"""Words before the one that picks an alternative ("definitely the lighter one", "I'd say happy")."""
_NOT_PICKS = _FILLERS | _OR | frozenset("you u do want would like should look for one ones of to me we is it are "
                                        "quieres prefieres te de que".split())
_POLITE = re.compile(r"\b(?:please|pls|plz|por favor|porfa)\b(?! (?:no|not|nothing|none|never|nada|nunca|sin)\b)")
"""A word of asking politely, not one that presses a rejection ("pls no more romcoms" rules them out)."""
_AVOIDED_KINDS = frozenset({"anything with", "something with", "anything", "something", "algo con", "nada con",
                            "anything like", "something like", "anything similar", "something similar",
                            "algo como", "algo parecido"})
"""Request words that, in an answer to what to avoid, name one more kind of film to avoid ("Horror, and anything
with too much gore", "anything like Saw")."""
_EASYGOING = re.compile(r"(?:easy|not fussy|not picky|not bothered)$")
"""Request words that say the person is easy to please ("I'm easy"): in an answer to what to avoid they say
there is nothing more to avoid ("Nothing gory. Otherwise I'm easy"), no ask."""


def _asks_beyond_avoiding(words: str) -> bool:
    """Whether an answer to what to avoid has a word of asking other than one more kind to avoid or "I'm
    easy".
    """
    return any(m.group() not in _AVOIDED_KINDS and not _EASYGOING.search(m.group())
               for m in request_words.REQUEST.finditer(words))


def by_question(sig: PreferenceSignal, reply: str, text: str, words: str, referenced: Iterable[int],
                settled: Collection[int], bare_genres: Collection[str], listed: Collection[str]) -> bool:
    """What the parser left open read by the reply's question, in place: a film loved or preferred, what to
    avoid, what to watch, an alternative picked. True when the message answers what to avoid and asks nothing:
    a second reader must not make it an ask.
    """
    loved_film(sig, reply, text, words, referenced, settled)
    answered = what_to_avoid(sig, reply, text, words, bare_genres)
    what_to_watch(sig, reply, words, bare_genres)
    choice_made(sig, reply, words, listed)
    return answered


def loved_film(sig: PreferenceSignal, reply: str, text: str, words: str, referenced: Iterable[int],
               settled: Collection[int]) -> None:
    """A reply that asked for a film the person loved ("Tell me about a film you loved", "any favourite
    films?"): the films the answer names with no word of its own on them (``referenced``, not ``settled``) are
    liked, as the app's first onboarding answer is; not when the answer turns films down, says which it has
    seen, negates or asks anything. A reply that asked which of some films the person preferred ("Which did
    you prefer, The Sting or Butch Cassidy?"): the one film named bare is the one preferred, liked, even
    beside a verdict against the other ("butch cassidy, the sting dragged a bit").
    """
    asked = fold(reply) if reply else ""
    preferred = bool(_ASKS_PREFERRED.search(asked))
    if not (preferred or _ASKS_LOVED.search(asked)) or (sig.disliked_ids and not preferred) or sig.seen_ids:
        return
    judged = {*sig.liked_ids, *sig.asked_ids, *sig.disliked_ids}
    named = [i for i in dict.fromkeys(referenced) if i not in judged and i not in settled]
    if preferred and len(named) != 1:
        return  # which one was preferred: one film named bare
    if named and "?" not in text and (preferred or not any(k in lexicon.NEGATORS for k in words.split())):
        sig.liked_ids.extend(named)


def what_to_avoid(sig: PreferenceSignal, reply: str, text: str, words: str, bare_genres: Collection[str]) -> bool:
    """A reply that asked what to avoid ("Anything you'd rather avoid?"): the genres the answer names with no
    verdict of their own (``bare_genres``) are ruled out ("Horror, and anything too bloody."), as the app's
    onboarding question on what to avoid reads them; with no word of asking, the answer asks for nothing, named
    genres or not ("No subtitles and nothing too bloody. Otherwise I'm easy").
    Genres with a verdict keep it ("I do love a good documentary though"). True when the answer so read asks
    for nothing: a second reader must not make it an ask.
    """
    if not asks_avoided(reply) or "?" in text or _POLITE.search(words):
        return False  # ("westerns please", "comedy, please avoid horror": asked for)
    bare = [g for g in sig.liked_genres if g in bare_genres]
    sig.liked_genres = [g for g in sig.liked_genres if g not in bare]
    sig.disliked_genres.extend(g for g in bare if g not in sig.disliked_genres)
    if _asks_beyond_avoiding(words):
        return False
    sig.wants_new_recommendations = False  # ("anything with too much gore" is one more thing to avoid)
    return True


def _alternatives(reply: str, listed: Collection[str]) -> tuple[list[str], list[str]] | None:
    """The folded words before and after the "or" of the reply's last either-or question about what to find
    next ("Light or heavy?", "Do you want one of these or something different?"); None when it asks none, or
    when its alternatives are films ("How about Heat (1995) or Fargo (1996)?": a year or a listed film's
    ``listed`` title in the question) or a thing and its negation ("Any documentaries, or not your thing?").
    """
    for question in reversed(_QUESTION.findall(reply)):
        words = fold(question).split()
        at = max((i for i, w in enumerate(words) if w in _OR and 0 < i < len(words) - 1), default=-1)
        if at <= 0:
            continue
        said = f" {' '.join(words)} "
        if _NOT_NOW.search(said) or _YEAR.search(said) or words[at + 1] in lexicon.NEGATORS \
                or any(f" {t} " in said for t in listed if t):
            return None
        return words[:at], words[at + 1:]
    return None


def choice_made(sig: PreferenceSignal, reply: str, words: str, listed: Collection[str] = ()) -> None:
    """A reply that asked an either-or question about what to find next ("Light or heavy?", "Happy or sad
    ending?", "More like the first or more like the last?", "One of these or something different?"): an
    answer whose first sentence picks an alternative ("light. very light", "different pls", "the last", "I'd
    never say no to a documentary") says what the person wants to watch now (rule 13), unless the alternative
    picked is the films on screen themselves ("one of these", "the first" with no likeness): choosing among
    them asks for nothing. ``listed``: the folded titles of the films on screen.
    """
    if sig.wants_new_recommendations or not reply or (sides := _alternatives(reply, listed)) is None:
        return
    opening = []
    for word in words.split():
        if word in {".", "!", "?"}:
            break
        if word not in _FILLERS and word != ",":
            opening.append(word)
    for word in opening:
        if word in _NOT_PICKS or word in lexicon.EN_STOPWORDS or word in lexicon.ES_STOPWORDS:
            continue  # ("I can't say I didn't like it" picks no "in" of "… or a mood you have in mind?")
        side = next((s for s in sides if word in s), None)
        if side is None:
            continue
        if _LISTED & set(side) and not _LIKENESS & set(side):
            return  # ("These or something different?" "These." chooses among the films shown)
        sig.wants_new_recommendations = True
        return


def asks_seen(reply: str) -> bool:
    """Whether the reply's last question asks which of the films the person has seen and nothing more ("Moon,
    Primer or Cube. Seen any of these?"): a film picked out in answer with no word of verdict ("the first two,
    yeah") is one seen (rule 7), not one chosen.
    """
    questions = _QUESTION.findall(reply or "")
    if not questions:
        return False
    asked = fold(questions[-1])
    return bool(_ASKS_SEEN.search(asked)) and not _ASKS_VERDICT.search(asked)


def asks_avoided(reply: str) -> bool:
    """Whether the reply asked what to avoid ("Anything you'd rather avoid?", "¿algo que prefieras evitar?")."""
    return bool(reply) and bool(_ASKS_AVOIDED.search(fold(reply)))


def avoided_films(sig: PreferenceSignal, reply: str, text: str, words: str, films: Iterable[int]) -> PreferenceSignal:
    """A reply that asked what to avoid ("Anything you'd like me to steer clear of?"): the films the answer
    names with no verdict of its own, or asks "anything like" (``films``: "Saw", "horror, and anything like The
    Human Centipede"), are ones to avoid, as a genre named so is (``what_to_avoid``); the answer then asks for
    nothing unless it has a word of asking of its own. Not for an answer with a question or a "please"
    ("anything like Heat, please?" asks for films like it), nor for films it says it has seen.
    """
    films = [i for i in dict.fromkeys(films) if i not in sig.disliked_ids and i not in sig.seen_ids]
    if not films or not asks_avoided(reply) or "?" in text or _POLITE.search(words):
        return sig
    asks = _asks_beyond_avoiding(words)
    return sig.model_copy(update={
        "liked_ids": [i for i in sig.liked_ids if i not in films], "disliked_ids": [*sig.disliked_ids, *films],
        "asked_ids": [i for i in sig.asked_ids if i not in films],
        "wants_new_recommendations": sig.wants_new_recommendations and asks})


def what_to_watch(sig: PreferenceSignal, reply: str, words: str, bare_genres: Collection[str]) -> None:
    """A reply that asked what the person wants to watch ("Any genre in mind?", "What are you in the mood
    for?"): a genre the answer names with no verdict of its own ("Adventure! Pirates, the works") is what it
    asks for now (rule 13), as a genre alone with a question mark already is; not in an answer that tells the
    person's taste or judges films instead.
    """
    if sig.wants_new_recommendations or not reply or not _ASKS_WANTED.search(fold(reply)):
        return
    if sig.liked_ids or sig.disliked_ids or _TASTE_STATED.search(words):
        return  # "I'm a sucker for romcoms", "Documentaries are what I watch most. Loved Man on Wire.": a taste
    if any(g in bare_genres for g in sig.liked_genres):
        sig.wants_new_recommendations = True
