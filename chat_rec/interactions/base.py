"""What every collaborative model offers: fit on a users x items matrix, score histories.

Models see items as column indices of the training matrix; mapping to catalog ids is the
caller's job (``LeaveLastOut.item_ids`` in evaluation, ``ItemKNN.item_ids`` in the app).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Protocol, Self, runtime_checkable

import numpy as np
import scipy.sparse as sp

from chat_rec.errors import ModelError


def top_k(scores: np.ndarray, k: int, exclude: sp.csr_matrix | None = None) -> np.ndarray:
    """Column indices of the k best scores per row; ties go to the lower column index.

    ``exclude`` (same shape, nonzero = excluded) is applied to a copy of ``scores``.
    """
    scores = np.array(scores, dtype=np.float64, copy=True, ndmin=2)
    if exclude is not None:
        coo = exclude.tocoo()
        scores[coo.row, coo.col] = -np.inf
    k = min(k, scores.shape[1])
    # Stable ordering on (-score, column): sort each row fully for small catalogs, else partition.
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k] if k < scores.shape[1] else None
    out = np.empty((scores.shape[0], k), dtype=np.int64)
    for r in range(scores.shape[0]):
        row = scores[r]
        kth = row[part[r]].min() if part is not None else -np.inf
        cand = np.flatnonzero(row >= kth)
        order = np.lexsort((cand, -row[cand]))
        out[r] = cand[order[:k]]
    return out


class Recommender(ABC):
    """A collaborative model in the lenskit mould: config in __init__, ``fit``, ``is_trained``."""

    name: ClassVar[str] = "recommender"
    n_items: int = 0

    @abstractmethod
    def fit(self, train: sp.csr_matrix) -> Self:
        """Learn from a binary users x items matrix."""

    @property
    @abstractmethod
    def is_trained(self) -> bool: ...

    @abstractmethod
    def _scores(self, histories: sp.csr_matrix) -> np.ndarray: ...

    def scores(self, histories: sp.csr_matrix) -> np.ndarray:
        """Dense (rows, n_items) scores for each history row (binary users x items)."""
        if not self.is_trained:
            raise ModelError(f"The {self.name} model is not trained yet; call fit() first.")
        histories = sp.csr_matrix(histories, dtype=np.float32)
        if histories.shape[1] != self.n_items:
            raise ValueError(f"histories have {histories.shape[1]} columns, the model {self.n_items}")
        return np.asarray(self._scores(histories), dtype=np.float32)

    def recommend(self, histories: sp.csr_matrix, k: int = 10, exclude_seen: bool = True) -> np.ndarray:
        """Top-k column indices per history row, history items excluded unless asked otherwise."""
        return top_k(self.scores(histories), k, histories if exclude_seen else None)


@runtime_checkable
class SequentialRecommender(Protocol):
    """Order-aware models (``SLIT``, ``SASRec``).

    The MovieLens evaluation calls ``fit_sequences`` with each user's chronological training
    items (column indices) and ``score_sequences`` for the same users, instead of the matrix
    methods, when a model satisfies this protocol. ``validation`` (each user's next item after the
    sequence) is there for models that stop early on it; others ignore it.
    """

    name: ClassVar[str]

    def fit_sequences(self, sequences: list[np.ndarray], n_items: int,
                      validation: np.ndarray | None = None) -> object: ...

    def score_sequences(self, sequences: list[np.ndarray]) -> np.ndarray: ...
