"""How far a negation reaches in a message, for the moods the fallback reader finds (``aspects``).

A negator ("no", "without", "menos", "zero", a clause-opening "enough", a complaint that takes an object
such as "tired of") rules out the moods after it in its clause: up to ``NEGATION_REACH`` tokens of any
kind, and further, up to ``MAX_SCOPE``, through the mood's own noun phrase ("without all the killing
and brutality"), never through a word of asking or a new phrase ("nothing violent and something
funny"). Two moods joined by a coordinator share the first one's negation; a mood word right after
"I'm" or "estoy" is how the speaker is. All of it is general language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chat_rec.understanding import lexicon
from chat_rec.understanding.aspect_phrases import _OPENERS, NEGATORS, is_content
from chat_rec.understanding.mood_words import covered_keys

CLAUSE_BREAKS = frozenset(
    {".", ",", ";", ":", "!", "?", "but", "though", "although", "however", "whereas", "pero",
     "aunque", "sino"}
)

NEGATION_REACH = 4
"""A negator reaches this many tokens forward inside its clause ("no gory or violent stuff")."""

_JOINERS = frozenset("and or nor y e o u ni".split())
_DETERMINERS = frozenset(
    "the a an all any those these that this some of el la los las un una unos unas de del lo "
    "too so much many mucho mucha muchos muchas tanto tanta tantos tantas demasiado demasiada demasiados "
    "demasiadas stuff bits scenes parts moments things films movies ones cosas escenas partes pelis peliculas".split())
"""What may stand between two coordinated moods besides a coordinator ("without the crude jokes and all
the swearing", "minus the dark bits and the gore", "sin sangre ni tanta violencia"): determiners,
quantifiers and the head nouns a mood goes with; a negation before the first mood reaches the second
(general language)."""

_PASSED = frozenset("on about sobre".split()) | _JOINERS | _DETERMINERS
"""Beyond ``NEGATION_REACH``, a negation still reaches a mood through these and content words: its own
noun phrase ("without all the killing and brutality", "isn't so heavy on the psychological stuff", "a
plot full of holes"), never through a verb of asking or a new phrase."""

MAX_SCOPE = 8
"""The farthest a negation reaches back through its own noun phrase, in tokens."""

_HAD = frozenset("had have ve got".split())
_DISCOURSE = frozenset("honestly really seriously tbh ok okay please pls".split())
_BEING = frozenset("im estoy estamos were".split())
"""Words after which an adjective says how the speaker is ("im" is "I'm", "were" is "we're" once folded)."""
_INTENSIFIERS = frozenset("so very really kinda kind of pretty all a bit little super totally muy un poco bastante "
                          "tan algo just most quite".split())
_WOULD = frozenset("would should will shall ll d".split())
"""Modals of "I would be …" once folded ("I'd be" is "i d be" or "id be")."""

FRESH_PHRASE = frozenset("something anything algo alguna alguno".split())
"""After a coordinator, these open a new noun phrase that the negation before them does not reach (the
words that open an ask, ``aspects._OPEN_ASK``)."""

_OBJECT_MARKERS = frozenset("of with to from de a con".split())
"""A complaint ending in one of these takes the mood after it as its object ("tired of superheroes",
"fed up with gritty stuff", "harta de las pelis oscuras"): that mood is ruled out."""

NOT_LESS = re.compile(r"\b(?:al|lo|mas o|more or|no|nothing) (?:menos|less)\b|\bmenos mal\b")
"""Idioms in which "less" or "menos" rules nothing out ("al menos algo oscuro", "por lo menos", "más o menos",
"more or less", "nothing less than", "menos mal"): general language."""


_ANY = frozenset("anything everything all todo cualquier".split())
_SET_APART = frozenset("but except menos excepto salvo".split())


_NO_MOOD_FOR = re.compile(r"\b(?:not|no|never|dont|do not|isnt|is not|aint) (?:really |quite |exactly |at all |that )?"
                         r"(?:in (?:the|a|any|that) )?mood (?:for|to watch)\b"
                         r"|\b(?:dont|do not|didnt|never) (?:really |quite )?(?:feel|fancy) like\b"
                         r"|\bno (?:estoy|estamos|ando|andamos) (?:de humor|con ganas|de animo) (?:para|de)\b"
                         r"|\bno (?:tengo|tenemos|me dan|nos dan) (?:muchas )?ganas de\b")
"""A want denied ("not in the mood for", "don't feel like", "no estoy de humor para", "no tengo ganas de"):
its object, however far into the noun phrase, is ruled out ("not in the mood for anything too dark")."""


class Scope:
    """The negation marks of one message's folded ``keys`` (``folded`` and ``starts`` as
    ``lexicon.joined_keys`` gives them); ``tame``: positions of idioms that tolerate ("I don't mind").
    """

    def __init__(self, keys: Sequence[str], folded: str, starts: Sequence[int], tame: set[int]) -> None:
        self.keys = keys
        self.tame = tame
        self.idle = {k for m in NOT_LESS.finditer(folded) for k in covered_keys(m, starts)}
        self.objected = {k for m in lexicon.NEGATIVE.finditer(folded)
                         if (covered := covered_keys(m, starts)) and keys[covered[-1]] in _OBJECT_MARKERS
                         for k in covered}
        self.unwanted = {covered_keys(m, starts)[-1] for m in _NO_MOOD_FOR.finditer(folded) if covered_keys(m, starts)}
        self.fed_up = {j for j, k in enumerate(keys) if k == "enough" and (opens_clause(keys, j) or (
            j > 0 and keys[j - 1] in _HAD))}  # "enough mob stuff for now", "had enough trippy stuff"

    def ruled_out(self, start: int) -> tuple[bool, bool]:
        """(whether a negation, or "too", reaches the mood at ``start``; whether an idiom tolerates it)."""
        keys = self.keys
        negated = too = tolerated = False
        phrase_only = True  # every word so far is of the mood's own noun phrase
        for j in range(start - 1, max(-1, start - 1 - MAX_SCOPE), -1):
            if keys[j] in _SET_APART and j > 0 and keys[j - 1] in _ANY:
                # "anything but gory stuff", "todo menos lo de los ochenta": set apart, ruled out; after a negated
                # verb it is all that is wanted ("I never said I wanted anything but dark")
                earlier = next((k for k in range(j - 2, -1, -1) if keys[k] in CLAUSE_BREAKS), -1)
                negated = not any(k in NEGATORS for k in keys[earlier + 1:j - 1])
                break
            if keys[j] in CLAUSE_BREAKS or (keys[j] in FRESH_PHRASE and j > 0 and keys[j - 1] in _JOINERS):
                break  # "nothing violent and something funny": a new noun phrase, out of the negation's reach
            if j in self.unwanted:
                negated = True  # "not in the mood for anything too dark": the object of a want denied
                break
            if start - j > NEGATION_REACH and not phrase_only:
                break  # further back, a negation reaches only through the mood's own noun phrase
            phrase_only = phrase_only and (keys[j] in _PASSED or is_content(keys[j]))
            tolerated = tolerated or j in self.tame  # "I don't mind subtitles": neither asked for nor avoided
            negated = negated or (keys[j] in NEGATORS and j not in self.idle) or j in self.objected \
                or j in self.fed_up
            too = too or (keys[j] == "too" and start - j <= NEGATION_REACH)
        return negated or too, tolerated


def opens_clause(keys: Sequence[str], j: int) -> bool:
    """Whether only discourse words stand between the clause's start and position ``j``."""
    for k in range(j - 1, -1, -1):
        if keys[k] in CLAUSE_BREAKS:
            return True
        if keys[k] not in _OPENERS and keys[k] not in _DISCOURSE:
            return False
    return True


def speaker_state(keys: Sequence[str], start: int) -> bool:
    """Whether the word at ``start`` says how the speaker is ("I'm exhausted", "we're so bored", "estoy
    cansada", "I'd be grateful"): after "I'm", "I am", "we're", "estoy" or "I would be", with at most
    intensifiers between.
    """
    j = start - 1
    while j >= 0 and keys[j] in _INTENSIFIERS:
        j -= 1
    if j < 0:
        return False
    if keys[j] == "be" and (j >= 2 and keys[j - 1] in _WOULD and keys[j - 2] in {"i", "we"}
                            or j >= 1 and keys[j - 1] in {"id", "wed", "ill"}):
        return True  # "I should be most grateful for …", "I'd be happy with …": how the speaker would be
    return keys[j] in _BEING or (keys[j] == "am" and j > 0 and keys[j - 1] == "i") or (
        keys[j] == "are" and j > 0 and keys[j - 1] == "we")


def coordinated(between: Sequence[str]) -> bool:
    """Whether the words between two moods join them into one list: nothing ("jumbled timelines"), or
    a coordinator and otherwise only determiners, quantifiers or a topic preposition.
    """
    return not between or (any(k in _JOINERS for k in between) and all(k in _PASSED for k in between))
