"""CRS scoring on hand-made cases: recall per target, the novel filter, unmatched targets, baseline."""

from __future__ import annotations

import numpy as np
import pytest

from chat_rec.eval.crs import diversity, format_crs_table, repeat_mentioned, score_rankings


def _case(cid: str, targets: list[tuple[int | None, bool]], mentioned: tuple[int, ...] = ()) -> dict:
    return {"id": cid, "turns": [], "targets": [{"title": "t", "year": None, "movielens_id": m, "repeated": r}
                                                  for m, r in targets],
            "mentioned": [{"title": "m", "year": None, "movielens_id": m} for m in mentioned]}


def test_recall_counts_each_target_and_cutoff() -> None:
    cases = [_case("a", [(1, False), (2, False)]), _case("b", [(3, False)])]
    ranked = {"a": [1] + list(range(100, 120)) + [2], "b": list(range(200, 260))}
    result = score_rankings(cases, ranked)
    assert result["targets_scored"] == 3
    assert result["all"]["recall@1"] == pytest.approx(1 / 3)
    assert result["all"]["recall@10"] == pytest.approx(1 / 3)
    assert result["all"]["recall@50"] == pytest.approx(2 / 3)  # 2 sits at position 22


def test_novel_keeps_only_non_repeated_targets() -> None:
    cases = [_case("a", [(1, True), (2, False)])]
    result = score_rankings(cases, {"a": [1, 5, 6]})
    assert result["all"]["recall@1"] == pytest.approx(0.5)
    assert result["novel"]["recall@1"] == 0.0
    assert result["targets_novel"] == 1


def test_unmatched_targets_are_counted_not_scored() -> None:
    cases = [_case("a", [(None, False), (7, False), (99, False)])]
    result = score_rankings(cases, {"a": [7]}, catalog_ids=[7, 8])
    assert result["targets_unmatched"] == 2  # no id, and an id outside the catalog
    assert result["targets_scored"] == 1
    assert result["all"]["recall@1"] == 1.0


def test_missing_case_scores_zero_and_empty_file_is_zero() -> None:
    assert score_rankings([_case("a", [(1, False)])], {})["all"]["recall@50"] == 0.0
    assert score_rankings([], {})["novel"]["recall@10"] == 0.0


def test_repeat_mentioned_baseline_lists_most_recent_first() -> None:
    case = _case("a", [(1, True), (4, False)], mentioned=(1, 2, 3))
    assert repeat_mentioned(case) == [3, 2, 1]
    result = score_rankings([case], {"a": repeat_mentioned(case)})
    assert result["all"]["recall@10"] == pytest.approx(0.5)
    assert result["novel"]["recall@50"] == 0.0


def test_diversity_and_coverage() -> None:
    vectors = np.eye(3, dtype=np.float32)
    same = np.array([[1, 0, 0], [1, 0, 0]], dtype=np.float32)
    assert diversity([[1, 2, 3]], {1: 0, 2: 1, 3: 2}, vectors, 10)["intra_list@10"] == pytest.approx(1.0)
    out = diversity([[1, 2]], {1: 0, 2: 1}, same, 4)
    assert out["intra_list@10"] == pytest.approx(0.0)
    assert out["coverage@10"] == pytest.approx(0.5)


def test_table_shows_both_systems() -> None:
    zero = {"recall@1": 0.0, "recall@10": 0.25, "recall@50": 0.5}
    result = {"cases": 2, "targets_scored": 3, "targets_unmatched": 1, "catalog_size": 10,
              "out_of_catalog_rate": 0.0, "all": zero, "novel": zero,
              "baselines": {"repeat_mentioned": {"all": zero, "novel": zero}},
              "diversity": {"intra_list@10": 0.7, "coverage@10": 0.2}}
    table = format_crs_table(result)
    assert "repeat_mentioned" in table and "0.250" in table and "unmatched" in table
