"""Retrieval then ranking: the one code path shared by the conversation and the benchmarks."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from chat_rec.ranking.hybrid import HybridRanker, RankRequest, ScoredItem


class SearchIndex(Protocol):
    """The part of CatalogIndex that retrieval needs."""

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[int, float]]: ...

    def query_text(self, text: str, n: int, where: dict[str, Any] | None = None) -> list[tuple[int, float]]: ...


@dataclass
class Constraints:
    """Hard filters and the ids the user has already judged."""

    excluded_genres: Collection[str] = ()
    year_min: int | None = None
    year_max: int | None = None
    exclude_ids: Collection[int] = ()
    liked_ids: Collection[int] = ()
    disliked_ids: Collection[int] = ()
    liked_genres: Collection[str] = field(default_factory=tuple)


def chroma_where(c: Constraints) -> dict[str, Any] | None:
    """The Chroma metadata filter for the hard constraints (items of unknown year pass)."""
    clauses: list[dict[str, Any]] = [{f"g_{g}": {"$ne": True}} for g in sorted(c.excluded_genres)]
    if c.year_min is not None:
        clauses.append({"year": {"$gte": int(c.year_min)}})
    if c.year_max is not None:
        clauses.append({"year": {"$lte": int(c.year_max)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def most_popular(ranker: HybridRanker, n: int) -> list[int]:
    """The ``n`` most-rated catalog items (the popularity prior's own candidates)."""
    n = min(n, len(ranker.ids))
    if n <= 0:
        return []
    top = np.argpartition(-ranker.popularity, n - 1)[:n]
    return [int(i) for i in ranker.ids[top]]


def retrieve(index: SearchIndex, ranker: HybridRanker, profile_vector: np.ndarray | None, text: str,
             c: Constraints, n: int, popular: int = 0, query_vector: np.ndarray | None = None) -> list[int]:
    """Candidates: Chroma neighbours of p and of the message, collaborative neighbours of likes.

    ``popular`` adds that many of the most-rated items, so the ranker's popularity prior has
    well-known films to choose from even when the profile's neighbours are obscure ones.
    """
    where = chroma_where(c)
    found: dict[int, None] = {}
    if profile_vector is not None:
        found.update((i, None) for i, _ in index.query(profile_vector, n, where=where))
    if query_vector is not None:  # the message, already embedded by the caller
        found.update((i, None) for i, _ in index.query(query_vector, max(1, n // 2), where=where))
    elif text.strip():
        found.update((i, None) for i, _ in index.query_text(text[:500], max(1, n // 2), where=where))
    knn = ranker.collaborative
    if knn is not None:
        for liked in c.liked_ids:
            found.update((i, None) for i, _ in knn.neighbours(int(liked), max(1, n // 4)))
    if popular:
        found.update((i, None) for i in most_popular(ranker, popular))
    excluded = set(c.exclude_ids)
    return [i for i in found if i not in excluded]


def rank(ranker: HybridRanker, profile_vector: np.ndarray | None, c: Constraints, k: int, diversity: float,
         candidates: Collection[int] | None = None, query_vector: np.ndarray | None = None) -> list[ScoredItem]:
    """Score the candidates (or the whole catalog when None) and pick k with MMR.

    ``query_vector`` (the message's embedding) joins the profile in the content score
    (``RankWeights.query_share``).
    """
    request = RankRequest(
        profile_vector=profile_vector, query_vector=query_vector, liked_ids=tuple(c.liked_ids),
        disliked_ids=tuple(c.disliked_ids),
        exclude_ids=set(c.exclude_ids), excluded_genres=set(c.excluded_genres),
        required_genres=set(c.liked_genres), year_min=c.year_min, year_max=c.year_max, k=k,
        diversity=diversity, candidate_ids=None if candidates is None else set(candidates),
    )
    return ranker.rank(request)
