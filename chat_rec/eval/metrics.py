"""Top-N ranking metrics as small classes (after lenskit): binary relevance, NaN on empty truth.

Each metric has a ``label`` ("ndcg@10") and ``measure_list(recs, truth)`` for one ranked list;
``summarize`` turns per-list values into a mean and its standard error, skipping NaN.
The integration tests check these against ranx on real rankings.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class RankingMetric:
    """A metric over the first ``k`` recommendations (all of them when k is None)."""

    k: int | None = None
    name: str = "metric"

    @property
    def label(self) -> str:
        return self.name if self.k is None else f"{self.name}@{self.k}"

    def _top(self, recs: Sequence[int]) -> Sequence[int]:
        return recs if self.k is None else recs[: self.k]

    def measure_list(self, recs: Sequence[int], truth: Collection[int]) -> float:
        """The metric for one list; NaN when there is nothing relevant to find."""
        if len(truth) == 0:
            return math.nan
        return self._measure(list(self._top(recs)), set(truth))

    def _measure(self, recs: list[int], truth: set[int]) -> float:
        raise NotImplementedError


@dataclass(frozen=True)
class Recall(RankingMetric):
    """Share of the relevant items found in the top k (ranx's definition: hits / |truth|)."""

    name: str = "recall"

    def _measure(self, recs: list[int], truth: set[int]) -> float:
        return sum(1 for r in recs if r in truth) / len(truth)


@dataclass(frozen=True)
class NDCG(RankingMetric):
    """Binary-gain nDCG: sum of 1/log2(rank+1) over hits, over the ideal for min(k, |truth|)."""

    name: str = "ndcg"

    def _measure(self, recs: list[int], truth: set[int]) -> float:
        dcg = sum(1.0 / math.log2(i + 2) for i, r in enumerate(recs) if r in truth)
        n_ideal = len(truth) if self.k is None else min(self.k, len(truth))
        ideal = sum(1.0 / math.log2(i + 2) for i in range(n_ideal))
        return dcg / ideal


@dataclass(frozen=True)
class RecipRank(RankingMetric):
    """Reciprocal rank of the first relevant item in the top k, 0 when none (MRR when averaged)."""

    name: str = "mrr"

    def _measure(self, recs: list[int], truth: set[int]) -> float:
        for i, r in enumerate(recs):
            if r in truth:
                return 1.0 / (i + 1)
        return 0.0


def summarize(values: Iterable[float]) -> tuple[float, float]:
    """Mean and standard error of the mean, NaN entries skipped (NaN, NaN when none remain)."""
    arr = np.asarray(list(values), dtype=np.float64)
    arr = arr[~np.isnan(arr)]
    if arr.size == 0:
        return math.nan, math.nan
    se = float(arr.std(ddof=1) / math.sqrt(arr.size)) if arr.size > 1 else 0.0
    return float(arr.mean()), se


def measure_all(metrics: Sequence[RankingMetric], recs: Sequence[Sequence[int]],
                truths: Sequence[Collection[int]]) -> dict[str, float]:
    """``{label: mean, label_se: standard error}`` over paired lists of recs and truths."""
    out: dict[str, float] = {}
    for metric in metrics:
        mean, se = summarize(metric.measure_list(r, t) for r, t in zip(recs, truths, strict=True))
        out[metric.label] = mean
        out[f"{metric.label}_se"] = se
    return out


DEFAULT_METRICS: tuple[RankingMetric, ...] = (
    Recall(5), Recall(10), Recall(20), NDCG(5), NDCG(10), NDCG(20), RecipRank(10),
)
"""The MovieLens protocol's metrics: recall and nDCG at 5/10/20, MRR at 10."""
