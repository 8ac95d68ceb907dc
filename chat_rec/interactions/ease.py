"""EASE (Steck 2019): a closed-form item-item linear model, strong on small catalogs."""

from __future__ import annotations

from typing import ClassVar, Self

import numpy as np
import scipy.sparse as sp

from chat_rec.interactions.base import Recommender


def _spd_inverse(matrix: np.ndarray) -> np.ndarray:
    """Inverse of a symmetric positive-definite matrix through Cholesky (2-4x faster than inv)."""
    from scipy.linalg import lapack

    potrf, potri = (lapack.spotrf, lapack.spotri) if matrix.dtype == np.float32 else (
        lapack.dpotrf, lapack.dpotri)
    chol, info = potrf(matrix, lower=False)
    if info == 0:
        inv, info = potri(chol, lower=False, overwrite_c=True)
    if info != 0:
        return np.linalg.inv(matrix)
    upper = np.triu(inv)
    return upper + np.triu(upper, 1).T


class EASE(Recommender):
    """B = I - P diag(1/diag(P)) with P = (X^T X + lambda I)^-1, zero diagonal."""

    name: ClassVar[str] = "EASE"

    def __init__(self, lambda_: float = 50.0, dtype: type = np.float32) -> None:
        self.lambda_ = float(lambda_)
        self.dtype = dtype
        """float32 halves the solve time and matched float64's metrics on ml-latest-small."""
        self.weights: np.ndarray | None = None
        self._gram: np.ndarray | None = None

    def fit(self, train: sp.csr_matrix) -> Self:
        x = sp.csr_matrix(train, dtype=self.dtype)
        self._gram = (x.T @ x).toarray()
        self.n_items = train.shape[1]
        return self.refit(self.lambda_)

    def refit(self, lambda_: float) -> Self:
        """Solve again for another lambda from the cached Gram matrix (for tuning)."""
        if self._gram is None:
            raise RuntimeError("fit() must run before refit()")
        self.lambda_ = float(lambda_)
        g = self._gram.copy()
        g[np.diag_indices_from(g)] += self.lambda_
        p = _spd_inverse(g)
        b = p / (-np.diag(p))
        b[np.diag_indices_from(b)] = 0.0
        self.weights = b.astype(np.float32)
        return self

    @property
    def is_trained(self) -> bool:
        return self.weights is not None

    def _scores(self, histories: sp.csr_matrix) -> np.ndarray:
        assert self.weights is not None
        return np.asarray(histories @ self.weights)
