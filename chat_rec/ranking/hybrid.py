"""The hybrid ranker: hard filters, then content + collaborative + popularity + genre, then MMR.

Scoring is exact numpy over every catalog vector (about 0.7 ms for 10k items), so no candidate
is lost to an approximate index before the filters apply. Every returned item carries its score
breakdown, the raw material the LLM explains from.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from chat_rec.catalog.models import Catalog, Item
from chat_rec.interactions.itemknn import ItemKNN
from chat_rec.ranking.mmr import mmr

BREAKDOWN_KEYS: tuple[str, ...] = ("content", "collaborative", "popularity", "genre", "final")


class VectorIndex(Protocol):
    """What the ranker needs from ``CatalogIndex``: aligned ids and unit vectors."""

    @property
    def ids(self) -> np.ndarray: ...

    @property
    def vectors(self) -> np.ndarray: ...

    @property
    def row_of(self) -> Mapping[int, int]: ...


@dataclass(frozen=True)
class RankWeights:
    """How the signals add up: final = sum of weight * signal (signals listed below).

    content: cosine of the item to the profile / query vectors (about -0.1..0.8 for MiniLM);
    collaborative: item-kNN score from liked minus disliked items, scaled to [-1, 1];
    popularity: log(1 + ratings) / log(1 + most ratings), in [0, 1];
    genre: share of this turn's liked genres the item has, in [0, 1].
    Defaults tuned on the CRS dev/valid dialogues (docs/benchmarks.md): popularity weighs a lot there.
    """

    content: float = 1.0
    collaborative: float = 0.6
    popularity: float = 1.0
    genre: float = 0.5
    query_share: float = 0.5
    """When both vectors are given, content = (1 - q) * cos(profile) + q * cos(query)."""
    pool: int = 100
    """How many top-scored items MMR chooses from."""


@dataclass
class RankRequest:
    """One ranking call: what the user wants now, and what must never come back."""

    profile_vector: np.ndarray | None = None
    query_vector: np.ndarray | None = None
    liked_ids: Sequence[int] = ()
    disliked_ids: Sequence[int] = ()
    exclude_ids: Collection[int] = ()
    """Seen, rejected or just-mentioned items; liked and disliked ids are excluded too."""
    excluded_genres: Collection[str] = ()
    """Hard filter: an item with any of these genres is never returned."""
    required_genres: Collection[str] = ()
    """Soft boost (genres liked this turn), not a filter."""
    year_min: int | None = None
    year_max: int | None = None
    """Inclusive bounds; with either set, items without a year are left out."""
    k: int = 5
    diversity: float = 0.3
    """MMR trade-off: 0 = pure relevance order, 1 = pure diversity."""
    candidate_ids: Collection[int] | None = None
    """Rank only these ids (e.g. what retrieval found); None ranks the whole catalog."""


@dataclass(frozen=True)
class ScoredItem:
    """A recommended item, its final score and the signals behind it."""

    item: Item
    score: float
    breakdown: dict[str, float] = field(default_factory=dict)


def _unit(vector: np.ndarray | None) -> np.ndarray | None:
    if vector is None:
        return None
    v = np.asarray(vector, dtype=np.float32).ravel()
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else None


class HybridRanker:
    """Ranks the whole catalog for a request; per-genre masks and arrays are built once."""

    def __init__(self, catalog: Catalog, index: VectorIndex, collaborative: ItemKNN | None = None,
                 weights: RankWeights | None = None) -> None:
        self.catalog = catalog
        self.index = index
        self.collaborative = collaborative
        self.weights = weights or RankWeights()
        self.ids = np.asarray(index.ids, dtype=np.int64)
        self.vectors = np.asarray(index.vectors, dtype=np.float32)
        self.items: list[Item | None] = [catalog.get(int(i)) for i in self.ids]
        self.known = np.array([it is not None for it in self.items], dtype=bool)
        self.years = np.array([it.year if it and it.year else np.nan for it in self.items], dtype=np.float64)
        pops = np.array([it.popularity if it else 0 for it in self.items], dtype=np.float64)
        top = np.log1p(pops.max()) if len(pops) and pops.max() > 0 else 1.0
        self.popularity = (np.log1p(pops) / top).astype(np.float32)
        self.genre_masks: dict[str, np.ndarray] = {}
        for row, it in enumerate(self.items):
            for g in it.genres if it else ():
                self.genre_masks.setdefault(g.lower(), np.zeros(len(self.ids), bool))[row] = True

    @classmethod
    def with_collaborative(cls, catalog: Catalog, index: VectorIndex, weights: RankWeights | None = None,
                           min_rating: float | None = None) -> HybridRanker:
        """A ranker with item-kNN fitted on the catalog's ratings (a few seconds), if it has any."""
        knn = ItemKNN.from_ratings(catalog.ratings, catalog.ids, min_rating) if len(catalog.ratings) else None
        return cls(catalog, index, knn, weights)

    def _genre_mask(self, genres: Collection[str]) -> np.ndarray:
        mask = np.zeros(len(self.ids), bool)
        for g in genres:
            if g.lower() in self.genre_masks:
                mask |= self.genre_masks[g.lower()]
        return mask

    def allowed(self, req: RankRequest) -> np.ndarray:
        """Boolean mask of the items every hard filter lets through."""
        ok = self.known.copy()
        if req.candidate_ids is not None:
            only = np.zeros(len(self.ids), bool)
            rows = [self.index.row_of.get(int(i)) for i in req.candidate_ids]
            only[[r for r in rows if r is not None]] = True
            ok &= only
        ok &= ~self._genre_mask(req.excluded_genres)
        if req.year_min is not None or req.year_max is not None:
            with np.errstate(invalid="ignore"):
                lo = self.years >= (req.year_min if req.year_min is not None else -np.inf)
                hi = self.years <= (req.year_max if req.year_max is not None else np.inf)
            ok &= lo & hi
        for item_id in (*req.exclude_ids, *req.liked_ids, *req.disliked_ids):
            row = self.index.row_of.get(int(item_id))
            if row is not None:
                ok[row] = False
        return ok

    def _content(self, req: RankRequest) -> np.ndarray:
        p, q = _unit(req.profile_vector), _unit(req.query_vector)
        share = self.weights.query_share
        out = np.zeros(len(self.ids), np.float32)
        if p is not None:
            out += (1.0 - share if q is not None else 1.0) * (self.vectors @ p)
        if q is not None:
            out += (share if p is not None else 1.0) * (self.vectors @ q)
        return out

    def _collaborative(self, req: RankRequest, allowed: np.ndarray) -> np.ndarray:
        if self.collaborative is None or not (req.liked_ids or req.disliked_ids):
            return np.zeros(len(self.ids), np.float32)
        raw = self.collaborative.score(req.liked_ids, req.disliked_ids, self.ids)
        scale = float(np.abs(raw[allowed]).max()) if allowed.any() else 0.0
        return raw / scale if scale > 0 else np.zeros_like(raw)

    def _genre(self, req: RankRequest) -> np.ndarray:
        wanted = [g.lower() for g in req.required_genres if g.lower() in self.genre_masks]
        if not wanted:
            return np.zeros(len(self.ids), np.float32)
        hits = np.zeros(len(self.ids), np.float32)
        for g in wanted:
            hits += self.genre_masks[g]
        return hits / np.float32(len(wanted))

    def rank(self, req: RankRequest) -> list[ScoredItem]:
        """The top ``req.k`` items after filters, scoring and MMR; [] when the filters leave none."""
        allowed = self.allowed(req)
        if req.k <= 0 or not allowed.any():
            return []
        w = self.weights
        signals = {
            "content": self._content(req),
            "collaborative": self._collaborative(req, allowed),
            "popularity": self.popularity,
            "genre": self._genre(req),
        }
        final = (w.content * signals["content"] + w.collaborative * signals["collaborative"]
                 + w.popularity * signals["popularity"] + w.genre * signals["genre"])
        rows = np.flatnonzero(allowed)
        order = np.lexsort((self.ids[rows], -final[rows]))
        pool = rows[order[: max(w.pool, req.k)]]
        picks = mmr(final[pool], self.vectors[pool], req.k, req.diversity)
        out = []
        for pos in picks:
            row = int(pool[pos])
            item = self.items[row]
            assert item is not None
            breakdown = {name: round(float(values[row]), 6) for name, values in signals.items()}
            breakdown["final"] = round(float(final[row]), 6)
            out.append(ScoredItem(item=item, score=float(final[row]), breakdown=breakdown))
        return out
