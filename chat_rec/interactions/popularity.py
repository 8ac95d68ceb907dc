"""Most-popular baseline: every user gets the same ranking by interaction count."""

from __future__ import annotations

from typing import ClassVar, Self

import numpy as np
import scipy.sparse as sp

from chat_rec.interactions.base import Recommender


class Popularity(Recommender):
    """Scores an item by how many training users interacted with it."""

    name: ClassVar[str] = "Pop"

    def __init__(self) -> None:
        self.counts: np.ndarray | None = None

    def fit(self, train: sp.csr_matrix) -> Self:
        self.counts = np.asarray((train > 0).sum(axis=0), dtype=np.float32).ravel()
        self.n_items = train.shape[1]
        return self

    @property
    def is_trained(self) -> bool:
        return self.counts is not None

    def _scores(self, histories: sp.csr_matrix) -> np.ndarray:
        assert self.counts is not None
        return np.broadcast_to(self.counts, (histories.shape[0], self.n_items)).copy()
