"""Maximal Marginal Relevance (Carbonell & Goldstein 1998) over unit item vectors."""

from __future__ import annotations

import numpy as np


def mmr(relevance: np.ndarray, vectors: np.ndarray, k: int, diversity: float) -> list[int]:
    """Pick ``k`` positions, each maximising (1 - d) * relevance - d * max cosine to those picked.

    ``relevance`` is min-max scaled to [0, 1] first so ``diversity`` (d, in [0, 1]) means the
    same whatever the score scale: 0 keeps relevance order, 1 picks only for dissimilarity.
    Ties go to the earlier position, so callers pre-sort candidates to make the order theirs.
    """
    n = len(relevance)
    k = min(k, n)
    if k <= 0:
        return []
    d = float(np.clip(diversity, 0.0, 1.0))
    rel = np.asarray(relevance, dtype=np.float64)
    span = rel.max() - rel.min()
    rel = (rel - rel.min()) / span if span > 0 else np.zeros(n)
    if d == 0.0:
        return [int(i) for i in np.lexsort((np.arange(n), -rel))[:k]]
    vecs = np.asarray(vectors, dtype=np.float64)
    sims = vecs @ vecs.T
    max_sim = np.full(n, -np.inf)
    chosen: list[int] = []
    available = np.ones(n, dtype=bool)
    for _ in range(k):
        penalty = np.where(np.isfinite(max_sim), max_sim, 0.0)
        value = np.where(available, (1.0 - d) * rel - d * penalty, -np.inf)
        pick = int(np.argmax(value))
        chosen.append(pick)
        available[pick] = False
        max_sim = np.maximum(max_sim, sims[pick])
    return chosen
