"""Item-item cosine k-nearest-neighbours over the implicit users x items matrix.

The app uses it for the collaborative part of the hybrid score ("people who liked what you
liked also liked ..."); the MovieLens evaluation uses the same class.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import ClassVar, Self

import numpy as np
import scipy.sparse as sp

from chat_rec.catalog.models import Ratings
from chat_rec.interactions.base import Recommender
from chat_rec.interactions.splits import interaction_matrix


class ItemKNN(Recommender):
    """Keeps the ``neighbours`` most similar items of every item (self excluded).

    sim(i, j) = co(i, j) / (n_i ** alpha * (n_j + shrink) ** (1 - alpha)), co being the users who
    have both and n the users who have each: alpha 0.5 and shrink 0 is the cosine. A lower alpha
    asks more of a popular neighbour (the asymmetric cosine of Aiolli 2013): the cosine neighbours of
    a 2001 film are the 2001 blockbusters its raters also rated; ``shrink`` keeps films rated by a
    handful of people from topping the list on two or three shared raters.
    A history scores item j by the sum of sim(i, j) over history items i that have j among
    their neighbours.
    """

    name: ClassVar[str] = "ItemKNN"

    def __init__(self, neighbours: int = 50, block: int = 1024, alpha: float = 0.5, shrink: float = 0.0) -> None:
        self.n_neighbours = neighbours
        self.block = block
        self.alpha = alpha
        self.shrink = shrink
        self.similarity: sp.csr_matrix | None = None
        """(n_items, n_items): row i holds i's top neighbours and their cosine."""
        self.item_ids: np.ndarray | None = None
        """Catalog ids in column order (None: columns are the ids)."""
        self._col_of: dict[int, int] = {}

    def fit(self, train: sp.csr_matrix, item_ids: np.ndarray | None = None) -> Self:
        x = sp.csc_matrix(train, dtype=np.float32)
        x.data[:] = 1.0
        n = x.shape[1]
        counts = np.asarray(x.sum(axis=0)).ravel()
        seeds = np.power(counts, self.alpha, where=counts > 0, out=np.zeros_like(counts))
        inv_seed = np.divide(1.0, seeds, out=np.zeros_like(seeds), where=seeds > 0)
        others = np.power(counts + self.shrink, 1.0 - self.alpha)
        inv_other = np.divide(1.0, others, out=np.zeros_like(others), where=others > 0)
        xn = (x @ sp.diags(inv_other)).tocsc()  # the neighbour's side
        xt = (x @ sp.diags(inv_seed)).T.tocsr()  # the seed's side
        k = min(self.n_neighbours, max(n - 1, 0))
        rows, cols, vals = [], [], []
        for start in range(0, n, self.block):
            stop = min(start + self.block, n)
            sims = (xt[start:stop] @ xn).toarray()
            sims[np.arange(stop - start), np.arange(start, stop)] = 0.0
            if k == 0:
                break
            top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
            top_vals = np.take_along_axis(sims, top, axis=1)
            keep = top_vals > 0
            rows.append(np.repeat(np.arange(start, stop), k)[keep.ravel()])
            cols.append(top.ravel()[keep.ravel()])
            vals.append(top_vals.ravel()[keep.ravel()])
        r = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        c = np.concatenate(cols) if cols else np.zeros(0, np.int64)
        v = np.concatenate(vals) if vals else np.zeros(0, np.float32)
        self.similarity = sp.csr_matrix((v.astype(np.float32), (r, c)), shape=(n, n))
        self.n_items = n
        self.item_ids = None if item_ids is None else np.asarray(item_ids, dtype=np.int64)
        self._col_of = {} if self.item_ids is None else {int(i): c for c, i in enumerate(self.item_ids)}
        return self

    @classmethod
    def from_ratings(cls, ratings: Ratings, item_ids: Iterable[int] | None = None,
                     min_rating: float | None = None, neighbours: int = 50,
                     cache_dir: Path | None = None, alpha: float = 0.5, shrink: float = 0.0) -> ItemKNN:
        """Fit on a catalog's ratings; ``min_rating`` keeps only ratings at or above it.

        ``item_ids`` fixes the column order (e.g. every catalog id, rated or not). With ``cache_dir``
        the fitted similarities are kept there under a hash of the ratings, ids and parameters, so a
        restart loads them (milliseconds) instead of fitting again (seconds).
        """
        keep = np.ones(len(ratings), bool) if min_rating is None else ratings.ratings >= min_rating
        ids = None if item_ids is None else np.fromiter(item_ids, dtype=np.int64)
        path = None
        if cache_dir is not None:
            key = _fingerprint(ratings, keep, ids, min_rating, neighbours, alpha, shrink)
            path = Path(cache_dir) / f"itemknn-{key}.npz"
            cached = cls._load(path, neighbours)
            if cached is not None:
                return cached
        matrix, _, cols = interaction_matrix(ratings.users[keep], ratings.items[keep], ids)
        model = cls(neighbours=neighbours, alpha=alpha, shrink=shrink).fit(matrix, item_ids=cols)
        if path is not None:
            model._save(path)
        return model

    def _save(self, path: Path) -> None:
        """Written aside and renamed, so a crash never leaves a half file under the real name."""
        assert self.similarity is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.stem}.{os.getpid()}.npz")
        sim = self.similarity
        np.savez(partial, data=sim.data, indices=sim.indices, indptr=sim.indptr, shape=np.array(sim.shape),
                 item_ids=self.item_ids if self.item_ids is not None else np.zeros(0, np.int64),
                 has_ids=np.array(self.item_ids is not None))
        partial.replace(path)

    @classmethod
    def _load(cls, path: Path, neighbours: int) -> ItemKNN | None:
        try:
            with np.load(path) as f:
                sim = sp.csr_matrix((f["data"], f["indices"], f["indptr"]), shape=tuple(f["shape"]))
                item_ids = f["item_ids"] if bool(f["has_ids"]) else None
        except (OSError, KeyError, ValueError):
            return None
        model = cls(neighbours=neighbours)
        model.similarity, model.n_items = sim, sim.shape[1]
        model.item_ids = item_ids
        model._col_of = {} if item_ids is None else {int(i): c for c, i in enumerate(item_ids)}
        return model

    @property
    def is_trained(self) -> bool:
        return self.similarity is not None

    def _scores(self, histories: sp.csr_matrix) -> np.ndarray:
        assert self.similarity is not None
        return np.asarray((histories @ self.similarity).toarray())

    def _column(self, item_id: int) -> int | None:
        if self.item_ids is None:
            return int(item_id) if 0 <= item_id < self.n_items else None
        return self._col_of.get(int(item_id))

    def knows(self, item_id: int) -> bool:
        """Whether the item has any neighbour (it was rated, by someone who rated another item)."""
        col = self._column(item_id)
        if col is None or self.similarity is None:
            return False
        return bool(self.similarity.indptr[col + 1] > self.similarity.indptr[col])

    def score(self, liked_ids: Iterable[int], disliked_ids: Iterable[int] = (),
              ids: np.ndarray | None = None, strength: Mapping[int, float] | None = None) -> np.ndarray:
        """Sum of similarities to liked items minus those to disliked ones, aligned to ``ids``.

        ``ids`` defaults to the model's own column order; ids the model never saw score 0.
        ``strength`` weighs each given item's similarities (1 when absent).
        """
        if self.similarity is None:
            raise RuntimeError("ItemKNN.score() needs a fitted model")
        strength = strength or {}
        weights = np.zeros(self.n_items, dtype=np.float32)
        for item_id, w in [(i, 1.0) for i in liked_ids] + [(i, -1.0) for i in disliked_ids]:
            col = self._column(item_id)
            if col is not None:
                weights[col] += w * strength.get(int(item_id), 1.0)
        by_col = np.asarray(self.similarity.T @ weights).ravel()
        if ids is None:
            return by_col
        cols = self._columns_for(np.asarray(ids))
        known = cols >= 0
        out = np.zeros(len(cols), dtype=np.float32)
        out[known] = by_col[cols[known]]
        return out

    def _columns_for(self, ids: np.ndarray) -> np.ndarray:
        """Column of each id (-1 when unseen); the last mapping is kept, as callers reuse one id order."""
        cached = getattr(self, "_columns_cache", None)
        if cached is not None and cached[0] is ids:
            return cached[1]
        cols = np.array([-1 if (c := self._column(i)) is None else c for i in ids.tolist()], dtype=np.int64)
        self._columns_cache = (ids, cols)
        return cols

    def neighbours(self, item_id: int, n: int = 10) -> list[tuple[int, float]]:
        """The item's ``n`` most similar items as (item id, cosine), best first."""
        if self.similarity is None:
            raise RuntimeError("ItemKNN.neighbours() needs a fitted model")
        col = self._column(item_id)
        if col is None:
            return []
        row = self.similarity.getrow(col)
        order = np.lexsort((row.indices, -row.data))[:n]
        cols = row.indices[order]
        ids = cols if self.item_ids is None else self.item_ids[cols]
        return [(int(i), float(v)) for i, v in zip(ids, row.data[order], strict=True)]


def _fingerprint(ratings: Ratings, keep: np.ndarray, ids: np.ndarray | None, min_rating: float | None,
                 neighbours: int, alpha: float = 0.5, shrink: float = 0.0) -> str:
    """A short hash of everything the fitted similarities depend on (the cosine keeps its old key)."""
    extra = "" if (alpha, shrink) == (0.5, 0.0) else f" {alpha} {shrink}"
    digest = hashlib.sha256(f"v1 {min_rating} {neighbours}{extra}".encode())
    for array in (ratings.users[keep], ratings.items[keep], ids if ids is not None else np.zeros(0)):
        digest.update(np.ascontiguousarray(array).tobytes())
    return digest.hexdigest()[:20]
