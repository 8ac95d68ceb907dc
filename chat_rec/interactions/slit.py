"""SLIT: a closed-form linear item-transition model (Choi et al., "Session-aware Linear Item-Item
Models for Session-based Recommendation", WWW 2021), applied to users' chronological histories.

Every position t of every training history gives one regression example: the source is the
items just before t, newest weighted most (``decay`` per step back, ``window`` items), and the
target is the items from t on (``target_decay`` per step ahead, ``horizon`` items). The item x
item weights solve the ridge regression ``W = (S^T S + lambda I)^-1 S^T T`` in one dense solve,
so the model fits in seconds on a CPU where a Transformer needs many minutes. A user's next-item
scores are their own decayed recent-history vector times ``W``.

The defaults were chosen on ml-latest-small's validation item (``docs/benchmarks.md``).
"""

from __future__ import annotations

from typing import ClassVar, Self

import numpy as np
import scipy.sparse as sp

from chat_rec.errors import ModelError
from chat_rec.interactions.ease import _spd_inverse

MAX_DENSE_ITEMS = 30_000
"""Beyond this many items the dense item x item solve needs more memory than a laptop has."""


def _decayed(sequences: list[np.ndarray], n_items: int, window: int, decay: float) -> sp.csr_matrix:
    """One row per sequence: its last ``window`` items, the newest weighted 1, then decay, decay^2..."""
    rows, cols, vals = [], [], []
    for r, seq in enumerate(sequences):
        recent = np.asarray(seq, dtype=np.int64)[-window:][::-1]
        rows.append(np.full(len(recent), r))
        cols.append(recent)
        vals.append(decay ** np.arange(len(recent)))
    if not rows:
        return sp.csr_matrix((0, n_items), dtype=np.float32)
    return sp.csr_matrix((np.concatenate(vals).astype(np.float32), (np.concatenate(rows), np.concatenate(cols))),
                         shape=(len(sequences), n_items))


class SLIT:
    """Order-aware linear model; satisfies ``SequentialRecommender`` (column indices in and out)."""

    name: ClassVar[str] = "SLIT"

    def __init__(self, lambda_: float = 50.0, window: int = 10, decay: float = 0.7, horizon: int = 3,
                 target_decay: float = 0.5) -> None:
        self.lambda_ = float(lambda_)
        self.window = window
        self.decay = decay
        self.horizon = horizon
        self.target_decay = target_decay
        self.n_items = 0
        self.weights: np.ndarray | None = None
        self._gram: np.ndarray | None = None
        self._cross: np.ndarray | None = None

    @property
    def is_trained(self) -> bool:
        return self.weights is not None

    def _examples(self, sequences: list[np.ndarray]) -> tuple[sp.csr_matrix, sp.csr_matrix]:
        """(sources, targets): one row per position t >= 1 of every sequence."""
        src: tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]] = ([], [], [])
        tgt: tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]] = ([], [], [])
        base = 0
        for seq in sequences:
            seq = np.asarray(seq, dtype=np.int64)
            n = len(seq) - 1  # positions t = 1 .. len-1, row = base + t - 1
            if n <= 0:
                continue
            for k in range(1, min(self.window, len(seq) - 1) + 1):  # source item k steps before t
                t = np.arange(k, len(seq))
                src[0].append(base + t - 1)
                src[1].append(seq[t - k])
                src[2].append(np.full(len(t), self.decay ** (k - 1)))
            for g in range(min(self.horizon, n)):  # target item g steps after t
                t = np.arange(1, len(seq) - g)
                tgt[0].append(base + t - 1)
                tgt[1].append(seq[t + g])
                tgt[2].append(np.full(len(t), self.target_decay ** g))
            base += n
        if base == 0:
            raise ModelError("SLIT needs at least one history of two or more items to learn from.")

        def build(parts: tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]]) -> sp.csr_matrix:
            rows, cols, vals = (np.concatenate(p) for p in parts)
            return sp.csr_matrix((vals.astype(np.float32), (rows, cols)), shape=(base, self.n_items))

        return build(src), build(tgt)

    def fit_sequences(self, sequences: list[np.ndarray], n_items: int,
                      validation: np.ndarray | None = None) -> Self:
        """Fit on chronological column-index sequences (``validation`` is not used: nothing to stop early)."""
        if n_items > MAX_DENSE_ITEMS:
            raise ModelError(f"SLIT keeps a dense {n_items} x {n_items} matrix; it supports up to "
                             f"{MAX_DENSE_ITEMS:,} items.")
        self.n_items = n_items
        sources, targets = self._examples(sequences)
        self._gram = (sources.T @ sources).toarray()
        self._cross = (sources.T @ targets).toarray()
        return self.refit(self.lambda_)

    def refit(self, lambda_: float) -> Self:
        """Solve again for another lambda from the cached products (for tuning)."""
        if self._gram is None or self._cross is None:
            raise RuntimeError("fit_sequences() must run before refit()")
        self.lambda_ = float(lambda_)
        gram = self._gram.copy()
        gram[np.diag_indices_from(gram)] += self.lambda_
        self.weights = (_spd_inverse(gram) @ self._cross).astype(np.float32)
        return self

    def score_sequences(self, sequences: list[np.ndarray]) -> np.ndarray:
        """(users, n_items) next-item scores from each chronological history of column indices."""
        if self.weights is None:
            raise ModelError("The SLIT model is not trained yet; call fit_sequences() first.")
        return np.asarray(_decayed(sequences, self.n_items, self.window, self.decay) @ self.weights,
                          dtype=np.float32)
