"""Which genres the films of a mood or topic lean to, read from the catalog.

"Something that makes me laugh" names no genre, but the films that best match "funny" are mostly
comedies; in conversation such a request is an ask for comedies, so the conversation model's genre
prior (``HybridRanker._conversation_genre``) and its candidates use these genres when the request
names none (``HybridRanker.asked_genres``).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

TOP = 50
SHARE = 0.5
LIFT = 1.5
"""A genre a majority of a mood's 50 best-matching films carry, at 1.5x the catalog's rate. Set by
reading the leans of 22 general moods and topics (funny, sad, space, heist, zombies, ...) over
ml-latest-small, none taken from a benchmark file."""


def genre_lean(scores: np.ndarray, genre_masks: Mapping[str, np.ndarray]) -> tuple[str, ...]:
    """The genres carried by more than ``SHARE`` of the ``TOP`` best-scored rows (positive scores
    only) and at least ``LIFT`` times as often as by all rows; most carried first, ties by name.
    ``scores``: a mood's match per catalog row; ``genre_masks``: each genre's rows.
    """
    if not np.any(scores > 0):
        return ()
    top = np.argsort(-scores, kind="stable")[:TOP]
    top = top[scores[top] > 0]
    found = []
    for genre, mask in genre_masks.items():
        share, base = float(mask[top].mean()), float(mask.mean())
        if share > SHARE and share >= LIFT * base:
            found.append((-share, genre))
    return tuple(g for _, g in sorted(found))
