"""Answers read by the question the reply asked: a title answering "Tell me about a film you loved", a genre
answering "Anything you'd rather avoid?" or "Any genre in mind?".

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
_POLITE = re.compile(r"\b(?:please|pls|plz|por favor|porfa)\b")
_AVOIDED_KINDS = frozenset({"anything with", "something with", "anything", "something", "algo con", "nada con"})
"""Request words that, in an answer to what to avoid, name one more kind of film to avoid ("Horror, and anything
with too much gore")."""


def loved_film(sig: PreferenceSignal, reply: str, text: str, words: str, referenced: Iterable[int],
               settled: Collection[int]) -> None:
    """A reply that asked for a film the person loved ("Tell me about a film you loved", "any favourite
    films?"): the films the answer names with no word of its own on them (``referenced``, not ``settled``) are
    liked, as the app's first onboarding answer is; not when the answer turns films down, says which it has
    seen, negates or asks anything.
    """
    if not reply or not _ASKS_LOVED.search(fold(reply)) or sig.disliked_ids or sig.seen_ids:
        return
    judged = {*sig.liked_ids, *sig.asked_ids}
    named = [i for i in dict.fromkeys(referenced) if i not in judged and i not in settled]
    if named and "?" not in text and not any(k in lexicon.NEGATORS for k in words.split()):
        sig.liked_ids.extend(named)


def what_to_avoid(sig: PreferenceSignal, reply: str, text: str, words: str, bare_genres: Collection[str]) -> bool:
    """A reply that asked what to avoid ("Anything you'd rather avoid?"): the genres the answer names with no
    verdict of their own (``bare_genres``) are ruled out ("Horror, and anything too bloody."), as the app's
    onboarding question on what to avoid reads them; with no word of asking, the answer asks for nothing.
    Genres with a verdict keep it ("I do love a good documentary though"). True when the answer so read asks
    for nothing: a second reader must not make it an ask.
    """
    bare = [g for g in sig.liked_genres if g in bare_genres]
    if not bare or not reply or not _ASKS_AVOIDED.search(fold(reply)) or "?" in text or _POLITE.search(words):
        return False  # ("westerns please", "comedy, please avoid horror": asked for)
    sig.liked_genres = [g for g in sig.liked_genres if g not in bare]
    sig.disliked_genres.extend(g for g in bare if g not in sig.disliked_genres)
    if any(m.group() not in _AVOIDED_KINDS for m in request_words.REQUEST.finditer(words)):
        return False
    sig.wants_new_recommendations = False  # ("anything with too much gore" is one more thing to avoid)
    return True


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
