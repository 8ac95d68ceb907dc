"""Names of people in a message: runs of capitalised words inside a sentence ("Peter Jackson").

The catalog knows people only through its own text: tags such as "stanley kubrick" and, when an
overview file with a cast column was ingested, each film's top-billed cast; both are terms of the
aspect vocabulary (``chat_rec.catalog.aspects``). A name those terms hold is read like any mood. A
name they do not hold must not be read word by word ("Peter" is near the tag "peter pan"), and when
the message asks for that person's films ("something by Denis Villeneuve", "a Greta Gerwig film",
"una peli con Ana Torrent") the reply says the catalog does not know them, instead of answering as
if the name had not been written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from chat_rec.understanding import lexicon

if TYPE_CHECKING:
    from chat_rec.catalog.aspects import AspectIndex
    from chat_rec.understanding.aspect_phrases import Token

PERSON_CUES = frozenset("by starring with featuring feat ft con por protagonizada protagonizado dirigida "
                        "dirigido".split())
"""Words after which a name is the person whose films are asked for ("directed by", "starring",
"una peli con"); "de" is left out: in Spanish it also opens titles and places ("de Nueva York"),
except after a film noun (``SPANISH_FILM_NOUNS``)."""

COMPANY = frozenset({"with", "con"})
"""Cues that also bring company ("I watched it with Ana"): a one-word name after them is not asked for."""

FILM_NOUNS = lexicon.FILM_NOUNS
"""Nouns a name may come before as its maker or star ("a Greta Gerwig film")."""

SPANISH_FILM_NOUNS = frozenset("peli pelis pelicula peliculas film filmes cine".split())
"""Spanish film nouns: "de" after one brings the maker of several words ("las pelis de Pedro Almodóvar");
one word after it may be a kind or a season ("pelis de Navidad") and is not reported."""

JOINERS = frozenset({"and", "or", "y", "e", "o", "u", ","})
"""Words that join a second name to an asked one ("starring X and Y", "con X y Y")."""

PARTICLES = frozenset("de del della di da van von der den le du dos das bin ibn".split())
"""Lowercase words inside a name, between two capitalised ones ("Guillermo del Toro")."""

_OPENING = tuple(".!?¿¡:;\"'(\n")


def _capitalised(word: str) -> bool:
    """A capital first letter and a lowercase one after it: "Kubrick", "DiCaprio", "McConaughey",
    not "TV" or "USA".
    """
    return word[:1].isupper() and any(c.islower() for c in word[1:])


def _opens(before: str) -> bool:
    """Whether a word after ``before`` opens a sentence: a mark or a line break before it ("Hello" and a
    new line before "What …").
    """
    stripped = before.rstrip()
    return stripped[-1:] in _OPENING or "\n" in before[len(stripped):]


def _capital_runs(text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Token spans of capitalised words in a row inside a sentence, a lowercase particle between two
    of them included ("Guillermo del Toro"); a message's first word and a sentence's are left out,
    unless capitalised words after it run up to a film noun ("Peter Jackson films with dragons").
    """
    opening = [i == 0 or _opens(text[:t.start]) for i, t in enumerate(tokens)]
    upper = [_capitalised(text[t.start:t.end]) for t in tokens]
    capital = [u and not o for u, o in zip(upper, opening, strict=True)]

    def run_end(i: int) -> int:
        j = i + 1
        while j < len(tokens):
            if capital[j]:
                j += 1
            elif tokens[j].key in PARTICLES and j + 1 < len(tokens) and capital[j + 1]:
                j += 2
            else:
                break
        return j

    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if opening[i] and upper[i] and tokens[i].key not in lexicon.EN_STOPWORDS | lexicon.ES_STOPWORDS:
            j = run_end(i)  # ("Any Quentin Tarantino films?": the name starts after the function word)
            if j > i + 1 and j < len(tokens) and tokens[j].key in FILM_NOUNS:
                runs.append((i, j))
                i = j
                continue
        if not capital[i]:
            i += 1
            continue
        j = run_end(i)
        runs.append((i, j))
        i = j
    return runs


def name_spans(text: str, tokens: Sequence[Token], vocabulary: AspectIndex) -> list[tuple[int, int]]:
    """Token spans (start, end exclusive) of two or more capitalised words in a row inside a
    sentence that no vocabulary term holds as a whole ("Morgan Freeman" is a tag; "Peter Jackson"
    is not).
    """
    return _unknown_runs(_capital_runs(text, tokens), tokens, vocabulary)


def _unknown_runs(runs: Sequence[tuple[int, int]], tokens: Sequence[Token],
                  vocabulary: AspectIndex) -> list[tuple[int, int]]:
    return [(i, j) for i, j in runs if j - i >= 2 and not vocabulary.is_term(" ".join(t.key for t in tokens[i:j]))]


def unknown_names(text: str, tokens: Sequence[Token], vocabulary: AspectIndex,
                  blocked: Callable[[], set[int]]) -> list[str]:
    """Names whose films the message asks for that the catalog's terms do not hold, as written.

    A run of capitalised words counts when a person cue stands right before it ("by", "starring",
    "con"; Spanish "de" after a film noun for a name of several words: "pelis de Pedro Almodóvar"),
    a film noun right after it, or an asked-for name, known or not, one joining word before it
    ("starring X and Y", "by Hayao Miyazaki or Satoshi Kon"). A run of several words is unknown when
    no term is that name (``name_spans``). One word is unknown when it is no frequent word and no
    term, and its nearest term is no name it is part of ("Kubrick" is read by its tag "stanley
    kubrick"; "Cruise" is not "ships"); before a film noun it must also be near no term at all ("any
    Almodóvar films?" is a name, "a Bollywood movie" a kind read as "india"). ``blocked`` gives the
    token positions of titles and genres (called only when some name is found); a run touching one is
    a title's words, not a person.
    """
    runs = _capital_runs(text, tokens)
    unknown = set(_unknown_runs(runs, tokens, vocabulary))
    common = lexicon.common_words()
    unknown |= {(i, j) for i, j in runs if j == i + 1 and len(tokens[i].key) >= 3 and tokens[i].key not in common
                and not vocabulary.is_term(tokens[i].key)}
    asked: list[tuple[int, int]] = []
    kinds: set[tuple[int, int]] = set()  # one word before a film noun: a name or a kind ("a Bollywood movie")
    last = -2  # the end of the last name asked for, known or not: "by Hayao Miyazaki or Satoshi Kon"
    for i, j in runs:
        before = tokens[i - 1].key if i > 0 else ""
        noun_after = j < len(tokens) and tokens[j].key in FILM_NOUNS
        if j - i > 1:  # "pelis de Denis Villeneuve": "de" after a film noun names the maker
            cued = before in PERSON_CUES or noun_after or (
                before == "de" and i > 1 and tokens[i - 2].key in SPANISH_FILM_NOUNS)
        else:  # "watched it with Ana" is company: one word after "by X", "starring X", or before "films"
            cued = before in PERSON_CUES - COMPANY or noun_after
            if noun_after and before not in PERSON_CUES:
                kinds.add((i, j))
        if cued or (before in JOINERS and last == i - 1):
            last = j
            if (i, j) in unknown:
                asked.append((i, j))
    lone = [(i, j) for i, j in asked if j == i + 1]
    if lone:  # one embedding batch, only when such a word is asked for
        near = dict(zip(lone, vocabulary.nearest([tokens[i].key for i, _ in lone]), strict=True))
        floor = vocabulary.config.detect_floor
        # a word whose nearest term holds it is that term ("Kubrick"); one before a film noun whose
        # nearest term is close is a kind read as that term ("a Bollywood movie" is "india")
        asked = [s for s in asked if s not in near or tokens[s[0]].key not in near[s][0].split()
                 and not (s in kinds and near[s][1] >= floor)]
    if not asked:
        return []
    taken = blocked()
    names = [text[tokens[i].start:tokens[j - 1].end] for i, j in asked if not taken & set(range(i, j))]
    return list(dict.fromkeys(names))
