"""Implicit-feedback ALS (Hu, Koren, Volinsky 2008) through the ``implicit`` library."""

from __future__ import annotations

from typing import Any, ClassVar, Self

import numpy as np
import scipy.sparse as sp

from chat_rec.interactions.base import Recommender


class ALS(Recommender):
    """Matrix factorisation; history rows are folded in with one least-squares solve each."""

    name: ClassVar[str] = "ALS"

    def __init__(self, factors: int = 128, regularization: float = 0.01, alpha: float = 1.0,
                 iterations: int = 15, random_state: int = 42) -> None:
        self.factors = factors
        self.regularization = regularization
        self.alpha = alpha
        self.iterations = iterations
        self.random_state = random_state
        self.model: Any = None

    def fit(self, train: sp.csr_matrix) -> Self:
        from implicit.cpu.als import AlternatingLeastSquares  # heavy import, only when used
        from threadpoolctl import threadpool_limits

        with threadpool_limits(1, "blas"):  # implicit runs its own threads; BLAS ones only slow it
            model = AlternatingLeastSquares(
                factors=self.factors, regularization=self.regularization, alpha=self.alpha,
                iterations=self.iterations, random_state=self.random_state,
            )
            model.fit(sp.csr_matrix(train, dtype=np.float32), show_progress=False)
        self.model = model
        self.n_items = train.shape[1]
        return self

    @property
    def is_trained(self) -> bool:
        return self.model is not None

    def _scores(self, histories: sp.csr_matrix) -> np.ndarray:
        users = self.model.recalculate_user(np.arange(histories.shape[0]), histories)
        return np.asarray(users @ self.model.item_factors.T)
