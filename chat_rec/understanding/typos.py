"""Word-by-word typo matching: a window of typed words against a title of as many words.

The resolver's first fuzzy pass scores a whole window against whole titles (a character ratio), so
a short title with one slip ("jumani", "the lin king") or a long one with a slip in each of two words
("brveheart", "kil bill vol 1") falls under its cut-off. This pass is licensed by what the person
typed: a window holding a word no English dictionary knows (an *unknown* word: a typo or a name)
is compared with titles word by word, each typed word within a small number of edits of the
title's word in the same place (adjacent letters swapped cost one edit). Only unknown words may be
misspelt: a dictionary word is taken as typed ("the mommy" is no slip for *The Mummy*), and so
is a number.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from chat_rec.understanding import lexicon


def unknown_word(word: str) -> bool:
    """A word of three letters or more that no English dictionary holds, nor as a regular plural or
    verb form: a typo or a name.
    """
    return len(word) >= 3 and word.isalpha() and not lexicon.is_known_word(word)


def allowed_edits(title_word: str) -> int:
    """Edits a typed word may be from a title word: none for three letters or fewer, one up to six,
    two from seven ("brveheert" for *braveheart*).
    """
    return 0 if len(title_word) <= 3 else 1 if len(title_word) <= 6 else 2


def word_edits(typed: str, title_word: str) -> int | None:
    """Edits from ``typed`` to ``title_word``, or None when too many or not a slip of the same word.

    The first letter must agree (a slip rarely falls there, and "exterminator" is another word than
    *terminator*); numbers agree exactly ("2" is not "3").
    """
    if typed == title_word:
        return 0
    if not (typed.isalpha() and title_word.isalpha()) or typed[0] != title_word[0]:
        return None
    limit = min(allowed_edits(title_word), allowed_edits(typed))  # "goodie" is no slip for *goonies*
    edits = OSA.distance(typed, title_word, score_cutoff=limit)
    return edits if edits <= limit else None


def aligned_edits(words: Sequence[str], key: str, unknown: Callable[[str], bool]) -> int | None:
    """Total edits from ``words`` to the title ``key`` word by word, or None when they do not align:
    another word count, a word too far off, or a dictionary word read as a slip.
    """
    title = key.split()
    if len(title) != len(words):
        return None
    total = 0
    for typed, word in zip(words, title, strict=True):
        edits = word_edits(typed, word)
        if edits is None or (edits and not unknown(typed)):
            return None
        total += edits
    return total


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def one_edit_words(word: str, known: Callable[[str], bool]) -> set[str]:
    """The dictionary words one edit (a letter dropped, added, changed, or two swapped) from ``word``."""
    splits = [(word[:k], word[k:]) for k in range(len(word) + 1)]
    variants = {a + b[1:] for a, b in splits if b}
    variants |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    variants |= {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    variants |= {a + c + b for a, b in splits for c in _LETTERS}
    variants.discard(word)
    return {v for v in variants if known(v)}


def match(words: Sequence[str], choices: Sequence[str], unknown: Callable[[str], bool],
          max_edits: int = 2) -> tuple[str, float] | None:
    """The title among ``choices`` (folded keys of ``len(words)`` words) that ``words`` misspell.

    None unless some typed word is unknown, the best title needs between one and ``max_edits``
    edits, and no other title needs as few (two titles one slip away: the person could mean
    either). The score is 100 × (1 − edits / length of the title), comparable with the ratio pass.
    """
    if not any(unknown(w) for w in words):
        return None
    window = " ".join(words)
    # candidates by character similarity first (a cheap filter), then the word-by-word check
    shortlist = process.extract(window, choices, scorer=fuzz.ratio, score_cutoff=60, limit=12)
    scored = sorted((edits, key) for key, _, _ in shortlist
                    if (edits := aligned_edits(words, key, unknown)) is not None and 0 < edits <= max_edits)
    if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
        return None
    edits, key = scored[0]
    return key, 100.0 * (1 - edits / len(key))
