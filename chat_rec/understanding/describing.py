"""Words that describe a film instead of judging it: "a dumb action flick" asks for one, "it's not
really a western" says what kind a film is.

The parser masks them before reading verdicts (rule 7).
"""

from __future__ import annotations

from chat_rec.understanding import lexicon
from chat_rec.understanding.clauses import HARD_BREAKS

_DESCRIBING_DEGREE = frozenset("truly really very pretty super so kinda kind of sort quite totally properly good old "
                    "bien muy super re".split())
"""Degree words between a describing adjective and its genre noun ("a truly stupid comedy")."""
_NOUN_PHRASE_OPENERS = frozenset("a an some something another any one una un unas unos algo otra otro".split())


def mask_describing_complaints(keys: list[str]) -> list[str]:
    """A complaint word right before a genre noun, in a noun phrase that asks for it or rules it out,
    describes the film wanted; it is no verdict ("give me a dumb action flick", "looking for a truly
    stupid comedy", "no dumb comedies" rules comedies out, not in). Said of a named film ("Heat was a
    boring thriller") or with a verdict verb ("I hate dumb comedies") it still judges: only phrases
    opened by an article, "something" or a negator, in a clause naming no title, are masked.
    """
    out = list(keys)
    for i in range(1, len(keys)):
        if not lexicon.NEGATIVE.fullmatch(keys[i]) or keys[i] in lexicon.NEGATORS:
            continue
        after = i + 1
        if not any(lexicon.genre_word(" ".join(keys[after:after + n])) for n in (1, 2, 3)):
            continue
        j = i - 1
        while j >= 0 and keys[j] in _DESCRIBING_DEGREE:
            j -= 1
        if j < 0 or not (keys[j] in _NOUN_PHRASE_OPENERS or keys[j] in lexicon.NOMINAL_NEGATORS):
            continue
        lo = next((k + 1 for k in range(j, -1, -1) if keys[k] in HARD_BREAKS or keys[k] == "but"), 0)
        hi = next((k for k in range(after, len(keys)) if keys[k] in HARD_BREAKS or keys[k] == "but"), len(keys))
        if "qqtitle" in keys[lo:hi] or {"it", "this", "that", "la", "lo"} & set(keys[lo:j]):
            continue  # "Heat was a boring thriller", "it was a dull comedy": said of a film
        out[i] = "qqmask"
    return out


_FILM_SUBJECTS = frozenset({"it", "this", "that", "qqtitle"})
_FILM_COPULAS = frozenset({"its", "thats", "isnt", "wasnt"})
_HEDGES = frozenset("quite really exactly technically strictly truly totally entirely properly "
                    "realmente exactamente precisamente".split())


def mask_film_classifications(keys: list[str]) -> list[str]:
    """A hedged "not" between a film and a genre says what kind of film it is, not what the person
    wants ("it's not really a western", "Heat isn't really a thriller", "no es exactamente una comedia"):
    the negator, the hedge and the genre are masked, so no genre is liked or disliked. Without the
    hedge ("it's not a comedy, it's a drama") the sentence is read as before.
    """
    out = list(keys)
    for i, k in enumerate(keys):
        if k not in _HEDGES or i == 0:
            continue
        j = i - 1
        if keys[j] == "not":
            j -= 1
            copula = j >= 0 and (keys[j] in {"its", "thats"} or (
                keys[j] in {"is", "was", "s"} and j > 0 and keys[j - 1] in _FILM_SUBJECTS))
        elif keys[j] in {"isnt", "wasnt"}:
            copula = j > 0 and keys[j - 1] in _FILM_SUBJECTS
        elif keys[j] == "es" and j > 0 and keys[j - 1] == "no":
            copula, j = True, j - 1
        else:
            continue
        if not copula:
            continue
        at = i + 1
        if at < len(keys) and keys[at] in {"a", "an", "un", "una"}:
            at += 1
        n = next((n for n in (3, 2, 1) if at + n <= len(keys) and lexicon.genre_word(" ".join(keys[at:at + n]))), 0)
        if n:
            for m in range(j if keys[j] in {"not", "no"} else j + 1, at + n):
                if out[m] not in _FILM_SUBJECTS and out[m] not in {"its", "thats"}:
                    out[m] = "qqmask"
    return out
