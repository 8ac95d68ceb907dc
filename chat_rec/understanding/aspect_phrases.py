"""Aspect phrases in a message: moods, topics and attributes the catalog's own text carries.

``find_aspects`` is what the parser calls: given a message's folded tokens and the catalog's
aspect vocabulary (``chat_rec.catalog.aspects.AspectIndex``) it returns the spans that name an
aspect. A span is a vocabulary term ("dark", "space", "twist ending", "feel good"), or a content
word whose nearest term is close in the embedding space ("thoughtful" -> "thought provoking",
"kids" -> "children"). Function words, request words and the spans the caller already used
(titles, genres, years) are never aspects. Polarity is the caller's job (aspects.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chat_rec.catalog.titles import fold
from chat_rec.understanding import lexicon, mood_axes
from chat_rec.understanding.mood_words import cognate, effects, is_noise, same_stem, spanish_moods

if TYPE_CHECKING:
    from chat_rec.catalog.aspects import AspectIndex

MAX_WORDS = 3
"""Longest phrase matched exactly against the vocabulary."""

FUNCTION_WORDS = frozenset(
    """a about after again all also am an and any are as at be because been before being both but
    by can cant could did do does doing dont each either else even ever for from get gets got had
    has have he her here him his how i id if ill im in into is it its ive just let lets may me
    might mine more most much must my myself of off on once only or other our ours out over own
    same she should so some such than that thats the their them then there these they this those
    through to too under until up us very was we were what whats when where which while who whom
    whose why will with would you youd youll your yours yourself
    shes hes theyre youre wed shed hed theres heres isnt arent wasnt werent didnt doesnt wont wouldnt
    couldnt shouldnt havent hasnt hadnt tbh idk imo imho btw fyi lmao rofl""".split()
) | frozenset(lexicon.NUMBER_WORDS) | frozenset(lexicon.ORDINALS)
"""English function words, contractions without their apostrophe, chat abbreviations, numbers and
ordinals (general language): "all three are bangers tbh" asks for no mood."""

REQUEST_WORDS = frozenset(
    """movie movies film films flick flicks cinema show shows series episode release releases title titles
    picture pictures watch watching
    watched see seeing seen saw recommend recommended recommendation recommendations suggest
    suggestion suggestions rec recs want wants wanted wanna need needs looking look find give show tell
    fancy fancied crave craves craving cravings keen hankering hanker itching longing
    something anything everything nothing stuff thing things one ones kind kinds sort type types
    mood tonight today night evening weekend time maybe perhaps please pls thanks thank hi hello
    hey ok okay yes yeah yep sure great good nice best better awesome amazing excellent fantastic
    favorite favourite favorites favourites enjoy enjoyed enjoying like liked likes love loved
    loves hate hated prefer preferably actually really pretty quite bit little lot lots kinda
    sorta rather also still new old similar same different another else ideas idea help pick
    choose go going gonna lol haha hmm um well way less least many few set course especially
    particularly probably definitely usually mostly sometimes always often generally typically
    honestly basically recently lately yesterday ago last next first second guess think thinking
    thought thoughts know sounds sound seems seem seemed feel feels felt looks looked
    yea nope nah umm wow woah whoa oh ooh ah ahh aha hehe omg gosh""".split()
)
"""Words of asking and judging, not of what is asked for (general language)."""
_ERA_ONLY = frozenset("new old ish newish oldish newer older recent modern".split())
"""Words of when a film was made: a tag made only of them ("new-ish") is no mood ("anything new-ish?" had
brought Grumpier Old Men and The Brand New Testament); the era reader has them."""

SPANISH_WORDS = frozenset(
    """algo nada pelicula peliculas peli pelis ver quiero busco dame tienes alguna alguno gusta
    gusto gustan encanta encantan odio prefiero favor gracias hola noche hoy esta este esa ese
    muy mas menos tan demasiado sea pon ponme pongas pongan recomienda recomiendame recomiendes
    recomiendas sugiere sugiereme sugieras muestra muestrame muestres ensename ensenes des busca
    buscame""".split()
)

NEGATORS = lexicon.NEGATORS | frozenset(
    {"sin", "avoid", "avoiding", "hate", "hates", "skip", "minus", "less", "fewer", "menos", "zero", "cero",
     "dont", "no"}
)
"""Words that put the aspects after them in their clause on the disliked side ("menos violenta", "fewer
explosions"; ``mood_scope.NOT_LESS`` names the idioms in which "less" and "menos" take nothing back)."""

_OPENERS = frozenset("now ok okay so well then and but alright hmm maybe perhaps just also "
                     "ahora bueno pues entonces vale y pero quizas".split())
"""Discourse words that may open a sentence before its noun phrase ("now something that...",
"ok, something lighter", "bueno, algo de risa"): they do not change what the sentence is."""


_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[.,;:!?]")


@dataclass(frozen=True)
class Token:
    """A folded token and its character span in the message ("slow-burn" -> "slow burn")."""

    key: str
    start: int
    end: int


@functools.cache
def _dropped_g() -> dict[str, str]:
    """Words of asking, negation or function spelt without their final "g" ("somethin", "nothin",
    "lookin") -> the word: a way of writing, not a mood (general English).
    """
    words = FUNCTION_WORDS | REQUEST_WORDS | NEGATORS
    return {w[:-1]: w for w in words if w.endswith("ing") and len(w) >= 6}


def tokenize(text: str) -> list[Token]:
    """Words (hyphenated compounds kept whole) and punctuation, folded, with character spans; a
    word of asking or negation without its final "g" is read as the word (``_dropped_g``).
    """
    out = []
    for m in _TOKEN.finditer(text):
        raw = m.group()
        key = raw if raw in ".,;:!?" else fold(raw.replace("'", "").replace("’", ""))
        key = _dropped_g().get(key, key)
        if key:
            out.append(Token(key, m.start(), m.end()))
    return out


def is_content(key: str) -> bool:
    """A word that may name an aspect: no function, request, discourse, negation or number word,
    nor one stretched out ("holaa", "pleasee": ``_unstretched``).
    """
    if not _plain_content(key):
        return False
    short = _unstretched(key)
    return short == key or _plain_content(short) or lexicon.is_known_word(key)


def _plain_content(key: str) -> bool:
    return (len(key) >= 3 and not key.isdigit() and key not in FUNCTION_WORDS and key not in REQUEST_WORDS
            and key not in _OPENERS
            and key not in SPANISH_WORDS and key not in NEGATORS and key not in lexicon.EN_STOPWORDS
            and key not in lexicon.ES_STOPWORDS and any(c.isalpha() for c in key))


_STRETCH = re.compile(r"(\w)\1+$")


def _unstretched(key: str) -> str:
    """The word with its last letter once: "holaa" -> "hola", "pleasee" -> "please". Chat stretches
    greetings and function words, and the embedder then finds a tag near the letters ("holaa" ~
    "hula hoop"); a stretched word that is itself a dictionary word ("less", "see") stays as it is.
    """
    return _STRETCH.sub(r"\1", key)


def find_aspects(tokens: Sequence[str] | str, vocabulary: AspectIndex,
                 skip: Collection[int] = ()) -> list[tuple[int, int, str]]:
    """Aspect phrases as (first token, end token exclusive, folded phrase), in message order.

    ``tokens`` are folded keys (punctuation keys such as "." or "," break phrases; a key with a
    space, "slow burn", is a hyphenated compound kept whole), or a text to ``tokenize``. Token
    positions in ``skip`` (titles, genres, years found by the caller) are never part of an aspect.
    The longest vocabulary term wins; a content word outside the vocabulary is kept when its
    nearest term is within ``vocabulary.config.detect_floor`` (one batched embedding per message).
    """
    keys = [t.key for t in tokenize(tokens)] if isinstance(tokens, str) else [str(k) for k in tokens]
    spanish = lexicon.detect_language(keys) == "es"
    translated = spanish_moods(keys, skip) if spanish else effects(keys, skip)  # "una peli oscura" -> "dark"
    skip = set(skip) | {j for start, end, _ in translated for j in range(start, end)}
    free = [i not in skip and (is_content(k) or (" " in k and vocabulary.is_term(k))) for i, k in enumerate(keys)]
    # inside a longer term, request words count too: "time travel", "feel good", "new york"
    inner = [i not in skip and (free[i] or (k in REQUEST_WORDS and k not in NEGATORS)) for i, k in enumerate(keys)]
    found: list[tuple[int, int, str]] = list(translated)
    unknown: list[int] = []
    said: dict[int, str] = {}
    i = 0
    while i < len(keys):
        if not inner[i]:
            i += 1
            continue
        for n in range(min(MAX_WORDS, len(keys) - i), 0, -1):
            phrase = " ".join(keys[i:i + n])
            if (all(free[i:i + n]) or (n > 1 and all(inner[i:i + n]))) \
                    and (vocabulary.is_term(phrase) or (not spanish and mood_axes.is_axis_word(phrase))) \
                    and not _ERA_ONLY.issuperset(w for k in keys[i:i + n] for w in k.split()):
                found.append((i, i + n, phrase))
                i += n
                break
        else:
            compared = None if spanish or not free[i] else comparative_base(keys[i], vocabulary)
            said[i] = compared or keys[i]  # "lighter" is read as "light", "darker" as "dark"
            base = None if spanish or not free[i] else adjective_base(said[i], vocabulary) or (
                said[i] if compared and (vocabulary.is_term(said[i]) or mood_axes.is_axis_word(said[i])) else None)
            if base is not None:
                found.append((i, i + 1, base))  # "gory" -> "gore": the tags' own word, not the embedder's guess
            elif free[i] and not _verb_slot(keys, i) and not _ERA_ONLY.issuperset(keys[i].split()):
                unknown.append(i)
            i += 1
    reduced = [i for i in unknown if said.get(i, keys[i]) != keys[i]]
    if reduced:  # "stoner" is no comparative of "stone" where a tag spells the word out ("stoner movie")
        for i, (term, _) in zip(reduced, vocabulary.nearest([keys[i] for i in reduced]), strict=True):
            if keys[i] in term.split():
                said[i] = keys[i]
    if unknown:
        words = [said.get(i, keys[i]) for i in unknown]
        nearest = vocabulary.nearest(words)
        floor = vocabulary.config.detect_floor
        common = lexicon.common_words()
        found += [(i, i + 1, word) for i, word, (term, cos) in zip(unknown, words, nearest, strict=True)
                  if cos >= floor and (cognate(word, term) if spanish else _not_noise(word, term))
                  and (word not in common or same_stem(word, term))]
    return sorted(found)


def comparative_base(word: str, vocabulary: AspectIndex) -> str | None:
    """The adjective an English comparative outside the vocabulary is made from ("darker" -> "dark",
    "funnier" -> "funny", "sadder" -> "sad", "gentler" -> "gentle", "lighter" -> "light"): a vocabulary
    term or a word of the mood axes (``mood_axes``: "light", "calm", "cosy"), else a frequent English word,
    which is then read as the mood word (or dropped as one). The embedder places a comparative badly:
    "lighter" sat nearest "heavy metal", and the films it drew were tagged "dark". Words that are
    frequent themselves ("summer", "water") are kept.
    """
    if len(word) < 5 or not word.endswith("er") or vocabulary.is_term(word) or word in lexicon.common_words():
        return None
    stem = word[:-2]
    forms = [word[:-3] + "y"] if word.endswith("ier") else []
    forms += [stem, stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else "", word[:-1]]
    forms = [f for f in forms if len(f) >= 3]
    for form in forms:
        if vocabulary.is_term(form) or mood_axes.is_axis_word(form) or adjective_base(form, vocabulary) is not None:
            return form
    common = lexicon.common_words()
    return next((f for f in forms if f in common), None)


def _not_noise(word: str, term: str) -> bool:
    """Whether an English word outside the vocabulary may be a mood: not noise (``is_noise``), or a
    word of its nearest term itself. The typo test calls a rare word one edit from a frequent one a
    typo ("stoner" is one from "stones", "artsy" from "arts"); a word the catalog's own tags spell
    out ("stoner movie", "artsy") is none.
    """
    if lexicon.POSITIVE.fullmatch(word) or lexicon.NEGATIVE.fullmatch(word):
        return word in term.split()  # "a splendid western": praise, no mood, unless a tag spells it out
    return word in term.split() or not is_noise(word)


def adjective_base(word: str, vocabulary: AspectIndex) -> str | None:
    """The vocabulary noun an English "-y" adjective outside the vocabulary is made from: "gory" ->
    "gore", "funny" -> "fun", "scary" -> "scare" (the stem with "e" back, or its doubled consonant
    single), when the catalog's tags hold it. The embedder places such words badly ("gory" sits
    nearest "trippy"); the bare stem is not tried ("corny" is no "corn").
    """
    if len(word) < 4 or not word.endswith("y") or vocabulary.is_term(word):
        return None
    stem = word[:-1]
    for base in (stem + "e", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else ""):
        if base and " " not in base and vocabulary.is_term(base):
            return base
    return None


VERB_LEADS = frozenset("i you we they he she u ya can could would should might must shall do does did "
                       "dont doesnt didnt cant couldnt wouldnt wont shouldnt".split())
"""Subject pronouns, modals and auxiliaries: the word right after one is a verb ("I appreciate it", "can
you resend?", "I dislike …"), not a mood, however near a term it sits. "will" and "may" are left out:
they are first names too ("starring Will Ferrell")."""
_VERB_ADVERBS = frozenset("really just also still even never always certainly definitely totally absolutely "
                          "actually probably usually honestly generally kinda sorta truly sometimes rarely".split())


def _verb_slot(keys: Sequence[str], i: int) -> bool:
    """Whether ``keys[i]`` stands where a verb stands: after a subject pronoun, a modal or an auxiliary,
    adverbs between allowed ("I really appreciate"). Only words outside the vocabulary are checked.
    """
    j = i - 1
    while j >= 0 and keys[j] in _VERB_ADVERBS:
        j -= 1
    return j >= 0 and keys[j] in VERB_LEADS
