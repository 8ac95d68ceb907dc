"""Mood words read through the two poles of their axis (``data/mood_axes.tsv``), not by embedding.

The embedder places many mood adjectives next to their opposites ("cheerful" nearest the tag
"melancholy", "peaceful" nearest "violent", "lighter" nearest "heavy metal"), so matching such a word by
embedding draws the films the person moves away from. ``pole`` gives a word's own tags (``toward``) and
those of the other pole (``away``), kept to the terms the catalog holds; ``aspects.aspects_with_polarity``
reads an asked word as liking the ``drawn`` part of ``toward`` and disliking ``away``, and a ruled-out one as
disliking ``toward``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from chat_rec.catalog.titles import fold
from chat_rec.understanding.mood_words import table_rows

AXES_FILE = Path(__file__).with_name("data") / "mood_axes.tsv"


class _Terms(Protocol):
    def is_term(self, phrase: str) -> bool: ...

    def carriers(self, phrase: str) -> int: ...


MIN_CARRIERS = 3
"""A tag of the word's own pole draws films only when at least this many films carry it: ml-latest-small
tags "relaxing" on one film (2001: A Space Odyssey), whose neighbours are science fiction, not calm films."""


@dataclass(frozen=True)
class Pole:
    """The tags of a mood word's own pole and of the opposite one; ``drawn``: the own pole's tags enough
    films carry to draw films by (``MIN_CARRIERS``).
    """

    toward: tuple[str, ...]
    away: tuple[str, ...]
    drawn: tuple[str, ...] = ()


@functools.cache
def table() -> dict[str, Pole]:
    """Folded mood words -> their poles, as written in ``data/mood_axes.tsv`` (catalog not checked)."""
    return {fold(word): Pole(tuple(t for t in toward.split(";") if t), tuple(t for t in away.split(";") if t))
            for word, toward, away in table_rows(AXES_FILE)}


def is_axis_word(phrase: str) -> bool:
    """Whether a folded phrase is a word of the table."""
    return phrase in table()


def pole(phrase: str, vocabulary: _Terms) -> Pole | None:
    """The word's poles, kept to the catalog's terms; None for a word outside the table, or one whose poles
    the catalog tags with nothing (it is then read as any other mood word).
    """
    found = table().get(phrase)
    if found is None:
        return None
    toward = tuple(t for t in found.toward if vocabulary.is_term(t))
    kept = Pole(toward, tuple(t for t in found.away if vocabulary.is_term(t)),
                tuple(t for t in toward if vocabulary.carriers(t) >= MIN_CARRIERS))
    return kept if kept.toward or kept.away else None
