"""What an intro sentence claims about the picks, read through its negations: a genre or mood it
offers, one it says is left out, a quality it denies. ``intro.IntroGate`` drops a sentence whose
claim the person's request contradicts ("Funny comedies, no laughs.", "Boring action films" to
someone who said "nothing boring").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from chat_rec.catalog.titles import fold
from chat_rec.understanding import lexicon
from chat_rec.understanding.extractor import genres_named
from chat_rec.understanding.verdict_words import NEGATIVE, POSITIVE

_SCOPE_END_WORDS = ("but", "except", "only", "just", "sino", "excepto", "salvo", "solo", "sólo")
_NEGATOR = re.compile(r"\b(?:%s)\b" % "|".join(sorted(lexicon.NOMINAL_NEGATORS - set(_SCOPE_END_WORDS))),  # noqa: UP031
                      re.I)
"""The parser's negators of a noun phrase ("no horror", "sin terror", "nada de drama")."""
_SCOPE_END = re.compile(r"\b(?:%s)\b|[,;:.!?]" % "|".join(_SCOPE_END_WORDS), re.I)  # noqa: UP031
NEGATION_SCOPE_WORDS = 3
"""A negator covers at most this many words after it, and never past "but", "sino" or a comma."""
_SCOPE_WORDS = re.compile(r"(?:\s*\S+){0,%d}" % NEGATION_SCOPE_WORDS)  # noqa: UP031 - a regex quantifier


def _negated_spans(sentence: str) -> Iterator[tuple[int, int, int]]:
    """(negator start, scope start, scope end) of each negation in ``sentence``, left to right."""
    pos = 0
    for match in _NEGATOR.finditer(sentence):
        if match.start() < pos:
            continue
        rest = sentence[match.end():]
        stop = _SCOPE_END.search(rest)
        scope = rest[: stop.start()] if stop else rest
        covered = _SCOPE_WORDS.match(scope)
        pos = match.end() + (covered.end() if covered else 0)
        yield match.start(), match.end(), pos


def without_negated(sentence: str) -> str:
    """``sentence`` without the words a negation covers: "Thrillers, no horror" -> "Thrillers, ".

    The intro may say what it leaves out ("sin nada de terror"); only a genre it offers counts as
    naming one the person excluded. "Nothing but horror" keeps "horror": the scope ends at "but".
    """
    out, pos = [], 0
    for start, _, end in _negated_spans(sentence):
        out.append(sentence[pos:start])
        pos = end
    out.append(sentence[pos:])
    return "".join(out)


_COMPARATIVE = re.compile(r"\s*(?:better|more|less|finer|greater|mejor|mas|más)\b", re.I)
"""A negator before a comparative praises ("nothing better for a rainy night", "no more fun than
this"): it denies nothing of the picks."""


def negates_a_quality(sentence: str) -> bool:
    """Whether the sentence says the picks lack something good ("No fun or excitement."): a word of
    liking (``verdict_words.POSITIVE``) inside a negation's scope. The person's picks were chosen for
    them; an intro that denies them a quality is the small model turning an avoided mood around.
    A negator that opens an idiom of liking ("nothing beats") or a comparative is no such denial.
    """
    for start, scope_start, end in _negated_spans(sentence):
        scope = sentence[scope_start:end]
        if not scope.strip() or _COMPARATIVE.match(scope) or POSITIVE.match(fold(sentence[start:end])):
            continue  # nothing covered, a comparative, or an idiom of liking that opens with the negator
        if POSITIVE.search(fold(scope)):
            return True
    return False


def rules_out_unasked(sentence: str, avoided: Iterable[str], near: Callable[[list[str], str], bool] | None = None
                      ) -> bool:
    """Whether the sentence says something is left out of the picks that the person never ruled out
    ("Funny comedies, no laughs." to someone who asked for something funny: the packaged model copies
    its prompt example's "no laughs"). A negation's scope counts when it holds a content word and
    none of ``avoided`` (the moods and genres the person ruled out) is said there, in its own words or
    (with ``near``) in others. Genres are the genre rule's (``sentence_problem``'s caller); a
    comparative ("nothing better"), an idiom of liking opening with the negator ("nothing beats") and
    a fault denied ("never dull") rule nothing out.
    """
    for start, scope_start, end in _negated_spans(sentence):
        scope = sentence[scope_start:end]
        if (_COMPARATIVE.match(scope) or POSITIVE.match(fold(sentence[start:end])) or genres_named(scope)
                or NEGATIVE.search(fold(scope))):
            continue
        words = [w for w in fold(scope).split() if len(w) >= 3 and w.isalpha() and w not in lexicon.EN_STOPWORDS]
        if not words:
            continue
        if not any(_says(words, words, a, near) for a in avoided):
            return True
    return False


def _says(words: list[str], near_words: list[str], mood: str,
          near: Callable[[list[str], str], bool] | None = None) -> bool:
    """Whether folded ``words`` say ``mood``: each of its words in some regular form among them, or
    (with ``near``) one of ``near_words`` in other words.
    """
    stems = {stem for w in words for stem in lexicon.bases(w)}
    parts = [w for w in fold(mood).split() if w not in lexicon.EN_STOPWORDS]
    if parts and all(lexicon.bases(w) & stems for w in parts):
        return True
    return near is not None and bool(near_words) and near(near_words, mood)


NEAR_MOOD = 0.85
"""Templated cosine (``AspectIndex.embed``) at which a word of the intro says an avoided mood in other
words: "fear" is .87 from "scary", "frightening" .95. Higher than the avoid floor (.8), where antonyms
sit ("light" is .80 from "dark")."""


def names_avoided_mood(sentence: str, moods: Iterable[str],
                       near: Callable[[list[str], str], bool] | None = None) -> bool:
    """Whether the sentence offers a mood the person asked to avoid ("Boring action and crime
    films." to someone who said "nothing boring"): a word of the mood, in any regular form, outside
    the negations' scope, or with ``near`` a word that says it in other words ("builds its fear
    slowly" to someone who said "less scary"). Saying it is left out ("nothing boring here") is fine.
    """
    kept = fold(without_negated(sentence)).split()
    content = [w for w in dict.fromkeys(kept) if len(w) >= 4 and w not in lexicon.EN_STOPWORDS and w.isalpha()]
    return any(_says(kept, content, mood, near) for mood in moods)


def near_mood(aspects: Any) -> Callable[[list[str], str], bool]:
    """``names_avoided_mood``'s ``near`` on an aspect index: any word within ``NEAR_MOOD`` of the mood."""
    def near(words: list[str], mood: str) -> bool:
        vectors = aspects.embed([*words, mood])
        return bool((vectors[:-1] @ vectors[-1] >= NEAR_MOOD).any())

    return near


EXAMPLE_RUN = 4
"""A run of this many words shared with an answer of the prompt's examples is a copy of it, when at
least ``EXAMPLE_OWN_WORDS`` of them describe (not function words, genre names or words for films)."""
EXAMPLE_OWN_WORDS = 2
_FILM_WORDS = frozenset("film films movie movies picks pick one ones stories peliculas pelis historias "
                        "ti te tu tus usted".split())
"""Words for the films and for the person spoken to, which every intro may share with an example."""


def _describing(word: str) -> bool:
    return (word not in lexicon.EN_STOPWORDS and word not in lexicon.ES_STOPWORDS and word not in _FILM_WORDS
            and not genres_named(word))


def example_runs(answers: Iterable[str]) -> frozenset[tuple[str, ...]]:
    """The runs of ``EXAMPLE_RUN`` words of the example ``answers`` that say something of their own
    ("keeps you guessing", "wide skies and hard"), not those that only name genres ("romantic
    comedies for you"): the shape of an example is meant to be copied, its description is not.
    """
    runs: set[tuple[str, ...]] = set()
    for answer in answers:
        words = fold(answer).split()
        for i in range(len(words) - EXAMPLE_RUN + 1):
            run = tuple(words[i:i + EXAMPLE_RUN])
            if sum(_describing(w) for w in run) >= EXAMPLE_OWN_WORDS:
                runs.add(run)
    return frozenset(runs)


def copies_example(sentence: str, runs: frozenset[tuple[str, ...]]) -> bool:
    """Whether the sentence repeats a describing run of an example answer (``example_runs``): the
    small model copies the first example's "Each one builds its dread slowly and keeps you guessing"
    onto war films and stoner comedies alike.
    """
    words = fold(sentence).split()
    return any(tuple(words[i:i + EXAMPLE_RUN]) in runs for i in range(len(words) - EXAMPLE_RUN + 1))
