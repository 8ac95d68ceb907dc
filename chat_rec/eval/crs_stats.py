"""Uncertainty for the CRS benchmark: per-case hits, bootstrap intervals, paired comparisons.

Recall is a ratio over targets, and targets cluster in cases (and cases in dialogues), so the
bootstrap resamples cases: each round draws as many cases as there are, with replacement, and
recomputes hits / targets. A paired comparison resamples the same cases for both rankers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

ROUNDS = 1000
SEED = 0


@dataclass
class Hits:
    """Per case: scored targets (all, novel) and hits at each cut-off (cases x ks)."""

    ks: tuple[int, ...]
    n_all: np.ndarray
    n_novel: np.ndarray
    hits_all: np.ndarray
    hits_novel: np.ndarray
    hit_novel_targets: list[set[tuple[str, int]]]
    """Per cut-off, the (case id, target id) pairs hit among novel targets."""
    no_id: int
    """Targets with no ``movielens_id`` (not in ml-latest-small)."""
    not_in_catalog: int
    """Targets with a ``movielens_id`` the configured catalog does not hold."""


def case_hits(cases: Sequence[Mapping[str, Any]], rankings: Mapping[str, Sequence[int]],
              catalog_ids: Iterable[int], ks: tuple[int, ...]) -> Hits:
    """Count, case by case, the in-catalog targets and those found in the top k of each list."""
    known = set(int(i) for i in catalog_ids)
    n = len(cases)
    n_all, n_novel = np.zeros(n, np.int64), np.zeros(n, np.int64)
    hits_all, hits_novel = np.zeros((n, len(ks)), np.int64), np.zeros((n, len(ks)), np.int64)
    hit_sets: list[set[tuple[str, int]]] = [set() for _ in ks]
    no_id = not_in_catalog = 0
    for row, case in enumerate(cases):
        ranked = [int(i) for i in rankings.get(case["id"], ())]
        position = {item: pos for pos, item in reversed(list(enumerate(ranked)))}
        for target in case["targets"]:
            item = target.get("movielens_id")
            if item is None:
                no_id += 1
                continue
            if int(item) not in known:
                not_in_catalog += 1
                continue
            novel = not target.get("repeated", False)
            pos = position.get(int(item))
            n_all[row] += 1
            n_novel[row] += novel
            for j, k in enumerate(ks):
                hit = pos is not None and pos < k
                hits_all[row, j] += hit
                hits_novel[row, j] += hit and novel
                if hit and novel:
                    hit_sets[j].add((str(case["id"]), int(item)))
    return Hits(ks, n_all, n_novel, hits_all, hits_novel, hit_sets, no_id, not_in_catalog)


def _ratio(hits: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """hits.sum / totals.sum along the last-but-one axis, 0 where there are no targets."""
    total = totals.sum(axis=-1)
    return np.divide(hits.sum(axis=-2), total[..., None], out=np.zeros(hits.shape[:-2] + hits.shape[-1:]),
                     where=total[..., None] > 0)


def _draws(n: int, rounds: int, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, n, size=(rounds, n)) if n else np.zeros((rounds, 0), np.int64)


def intervals(h: Hits, rounds: int = ROUNDS, seed: int = SEED) -> dict[str, dict[str, list[float]]]:
    """Bootstrap 95% intervals of recall@k, all and novel targets."""
    draws = _draws(len(h.n_all), rounds, seed)
    out: dict[str, dict[str, list[float]]] = {}
    for group, hits, totals in (("all", h.hits_all, h.n_all), ("novel", h.hits_novel, h.n_novel)):
        values = _ratio(hits[draws], totals[draws])  # (rounds, ks)
        lo, hi = np.percentile(values, [2.5, 97.5], axis=0)
        out[group] = {f"recall@{k}": [round(float(a), 4), round(float(b), 4)] for k, a, b in zip(h.ks, lo, hi,
                                                                                                 strict=True)}
    return out


def paired(new: Hits, old: Hits, rounds: int = ROUNDS, seed: int = SEED) -> dict[str, dict[str, Any]]:
    """New minus old novel recall@k on the same cases: the difference, its 95% interval, and how
    many targets only one of the two found.
    """
    draws = _draws(len(new.n_novel), rounds, seed)
    diff = _ratio(new.hits_novel[draws], new.n_novel[draws]) - _ratio(old.hits_novel[draws], old.n_novel[draws])
    lo, hi = np.percentile(diff, [2.5, 97.5], axis=0)
    point_new = _ratio(new.hits_novel, new.n_novel)
    point_old = _ratio(old.hits_novel, old.n_novel)
    return {f"recall@{k}": {"new": round(float(point_new[j]), 4), "old": round(float(point_old[j]), 4),
                            "diff": round(float(point_new[j] - point_old[j]), 4),
                            "ci": [round(float(lo[j]), 4), round(float(hi[j]), 4)],
                            "only_new": len(new.hit_novel_targets[j] - old.hit_novel_targets[j]),
                            "only_old": len(old.hit_novel_targets[j] - new.hit_novel_targets[j])}
            for j, k in enumerate(new.ks)}
