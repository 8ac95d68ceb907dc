"""Bootstrap intervals, the paired comparison, and the weight search on hand-made signals."""

from __future__ import annotations

import numpy as np
import pytest

from chat_rec.eval import crs_stats
from chat_rec.ranking.learned import WEIGHT_NAMES
from chat_rec.training import weights as fitting

KS = (1, 10)


def _case(cid: str, targets: list[tuple[int | None, bool]]) -> dict:
    return {"id": cid, "targets": [{"movielens_id": m, "repeated": r} for m, r in targets]}


def test_hits_count_dropped_targets_and_intervals_hold_the_point() -> None:
    cases = [_case(str(n), [(n, False), (None, False), (999, False)]) for n in range(40)]
    ranked = {str(n): [n] if n % 2 else [1000] for n in range(40)}  # half the cases hit at rank 1
    hits = crs_stats.case_hits(cases, ranked, catalog_ids=range(100), ks=KS)
    assert (hits.no_id, hits.not_in_catalog) == (40, 40)
    ci = crs_stats.intervals(hits)
    low, high = ci["novel"]["recall@1"]
    assert low < 0.5 < high and high - low < 0.5


def test_paired_comparison_counts_targets_only_one_ranker_found() -> None:
    cases = [_case(str(n), [(n, False)]) for n in range(30)]
    new = crs_stats.case_hits(cases, {str(n): [n] for n in range(30)}, range(100), KS)
    old = crs_stats.case_hits(cases, {str(n): [n] if n < 10 else [] for n in range(30)}, range(100), KS)
    p = crs_stats.paired(new, old)["recall@1"]
    assert p["diff"] == pytest.approx(20 / 30, abs=1e-4)  # rounded to 4 places
    assert p["only_new"] == 20 and p["only_old"] == 0
    assert 0 < p["ci"][0] <= p["diff"] <= p["ci"][1]


def test_weight_search_finds_the_signal_that_ranks_the_targets() -> None:
    rng = np.random.default_rng(0)
    cases = []
    for _ in range(30):
        signals = rng.random((60, len(WEIGHT_NAMES))).astype(np.float32)
        target = int(rng.integers(60))
        signals[target, WEIGHT_NAMES.index("conversation")] = 5.0  # only this signal knows the answer
        cases.append(fitting.CaseSignals(np.arange(60), signals, np.array([target])))
    chosen, _ = fitting.fit(cases)
    assert chosen.conversation > 0
    assert fitting.recall(cases, np.array([getattr(chosen, n) for n in WEIGHT_NAMES], np.float32))[10] == 1.0
    table = fitting.ablations(cases, chosen)
    assert table["without conversation"]["recall@10"] < table["all signals"]["recall@10"]
