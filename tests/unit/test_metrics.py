"""Ranking metrics on toy rankings checked by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from chat_rec.eval.metrics import NDCG, Recall, RecipRank, measure_all, summarize
from chat_rec.interactions.base import top_k

RECS = [10, 20, 30, 40, 50]


def test_single_relevant_item_at_rank_three() -> None:
    truth = {30}
    assert Recall(2).measure_list(RECS, truth) == 0.0
    assert Recall(5).measure_list(RECS, truth) == 1.0
    assert NDCG(5).measure_list(RECS, truth) == pytest.approx(0.5)  # 1 / log2(4)
    assert NDCG(2).measure_list(RECS, truth) == 0.0
    assert RecipRank(10).measure_list(RECS, truth) == pytest.approx(1 / 3)
    assert RecipRank(2).measure_list(RECS, truth) == 0.0


def test_two_relevant_items() -> None:
    truth = {10, 40, 99}
    assert Recall(5).measure_list(RECS, truth) == pytest.approx(2 / 3)
    ideal = 1 + 1 / math.log2(3) + 1 / math.log2(4)
    assert NDCG(5).measure_list(RECS, truth) == pytest.approx((1 + 1 / math.log2(5)) / ideal)
    assert NDCG(1).measure_list(RECS, truth) == 1.0
    assert RecipRank().measure_list(RECS, truth) == 1.0


def test_labels() -> None:
    assert [m.label for m in (Recall(10), NDCG(20), RecipRank(10), NDCG())] == [
        "recall@10", "ndcg@20", "mrr@10", "ndcg"]


def test_empty_truth_is_nan_and_skipped() -> None:
    assert math.isnan(NDCG(10).measure_list(RECS, set()))
    out = measure_all([Recall(5)], [RECS, RECS, RECS], [{10}, set(), {99}])
    assert out["recall@5"] == 0.5
    assert out["recall@5_se"] == pytest.approx(np.std([1.0, 0.0], ddof=1) / math.sqrt(2))
    mean, se = summarize([math.nan])
    assert math.isnan(mean) and math.isnan(se)


def test_top_k_breaks_ties_by_column_and_masks() -> None:
    scores = np.array([[1.0, 3.0, 3.0, 2.0, 3.0]])
    assert top_k(scores, 3).tolist() == [[1, 2, 4]]
    import scipy.sparse as sp

    mask = sp.csr_matrix(np.array([[0, 0, 1, 0, 0]]))
    assert top_k(scores, 3, mask).tolist() == [[1, 4, 3]]
