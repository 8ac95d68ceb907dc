"""Small views of a PreferenceSignal that the parser tests compare, and the lists they react to."""

from __future__ import annotations

from typing import Any


def verdicts(sig: Any) -> tuple[list[int], list[int]]:
    """(liked ids, disliked ids), sorted."""
    return sorted(sig.liked_ids), sorted(sig.disliked_ids)


def genres(sig: Any) -> tuple[list[str], list[str]]:
    """(liked genres, disliked genres), sorted."""
    return sorted(sig.liked_genres), sorted(sig.disliked_genres)


def listed(catalog: Any, *ids: int) -> list[Any]:
    """The catalog items of ``ids``, in order: a previous reply's list."""
    return [catalog.get(i) for i in ids]
