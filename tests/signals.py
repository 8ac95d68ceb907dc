"""Small views of a PreferenceSignal that the parser tests compare."""

from __future__ import annotations

from typing import Any


def verdicts(sig: Any) -> tuple[list[int], list[int]]:
    """(liked ids, disliked ids), sorted."""
    return sorted(sig.liked_ids), sorted(sig.disliked_ids)


def genres(sig: Any) -> tuple[list[str], list[str]]:
    """(liked genres, disliked genres), sorted."""
    return sorted(sig.liked_genres), sorted(sig.disliked_genres)
