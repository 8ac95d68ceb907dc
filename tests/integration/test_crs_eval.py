"""The CRS benchmark through the app's own engine, and the latency bench at a small size."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chat_rec.config import Settings
from chat_rec.eval.crs import CrsEngine, format_crs_table, run_crs_eval
from chat_rec.eval.latency import RETRIEVAL_EXACT, STEPS, format_latency_table, run_latency_bench
from tests.conftest import MODELS_ROOT, shared_path


@pytest.fixture(scope="module")
def engine(index_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> CrsEngine:
    home = tmp_path_factory.mktemp("crs")  # its own (empty) conversation-model folder: the base ranker
    settings = Settings(home=home, index_dir=index_dir, models_root=MODELS_ROOT, conversation_model=home / "none")
    return CrsEngine.build(settings, llm="none", progress=False)


@pytest.mark.realdata
def test_inspired_cases_score_with_catalog_only_lists(engine: CrsEngine) -> None:
    cases = shared_path("benchmarks", "crs", "inspired_dev.jsonl")
    result = run_crs_eval(cases, limit=5, engine=engine, progress=False, compare=True)
    assert result["cases"] == 5 and not result["oracle_mentions"]
    assert result["out_of_catalog_rate"] == 0.0
    assert result["targets_unmatched"] == result["targets_without_movielens_id"] + result["targets_outside_catalog"]
    for k in ("recall@1", "recall@10", "recall@50"):
        low, high = result["ci95"]["novel"][k]
        assert low <= result["novel"][k] <= high
        paired = result["previous_ranker"]["paired_novel"][k]
        assert paired["ci"][0] <= paired["diff"] <= paired["ci"][1]
    assert result["catalog_size"] == len(engine.catalog)
    assert result["targets_scored"] + result["targets_unmatched"] >= 5
    for group in (result["all"], result["novel"], result["baselines"]["repeat_mentioned"]["novel"]):
        assert 0.0 <= group["recall@1"] <= group["recall@10"] <= group["recall@50"] <= 1.0
    assert 0.0 < result["diversity"]["coverage@10"] <= 1.0
    json.dumps(result)  # JSON-ready
    print(format_crs_table(result))


@pytest.mark.realdata
def test_mentioned_and_disliked_movies_never_come_back(engine: CrsEngine) -> None:
    case = {"id": "x", "dialog_id": "x", "targets": [], "mentioned": [
                {"title": "Toy Story", "year": 1995, "movielens_id": 1}],
            "turns": [{"role": "user", "text": "I loved Toy Story (1995) and The Matrix (1999)"},
                      {"role": "assistant", "text": "Have you seen Titanic (1997)?"},
                      {"role": "user", "text": "I hated Titanic (1997). Something like Finding Nemo (2003)?"}]}
    ranked = engine.recommend(case)
    assert len(ranked) == 50 and len(set(ranked)) == 50
    assert not {1, 2571, 1721, 6377} & set(ranked)
    assert all(i in engine.catalog for i in ranked)


@pytest.mark.realdata
def test_gold_mentions_are_used_only_as_a_labelled_oracle(engine: CrsEngine) -> None:
    case = {"id": "y", "dialog_id": "y", "targets": [], "mentioned": [
                {"title": "Toy Story", "year": 1995, "movielens_id": 1}],
            "turns": [{"role": "user", "text": "I want a funny film for tonight"}]}
    assert 1 not in engine.replay(case).mentioned  # the text never names it: the app could not know
    engine.oracle_mentions = True
    try:
        state = engine.replay(case)
    finally:
        engine.oracle_mentions = False
    assert 1 in state.mentioned and 1 in state.constraints.exclude_ids and 1 in state.constraints.context_ids


@pytest.mark.realdata
def test_the_query_window_is_chosen_on_validation_and_compared_against_a_weights_file(
        engine: CrsEngine, tmp_path: Path) -> None:
    from chat_rec.ranking.hybrid import RankWeights
    from chat_rec.ranking.learned import write_weights
    from chat_rec.training import redial
    from chat_rec.training import weights as fitting

    folder = shared_path("data", "redial-train")
    id_map = redial.read_id_map(folder / redial.ID_MAP_FILE)
    cases = redial.dialogue_cases(redial.read_dialogues(folder / redial.DIALOGUES_FILE)[:6], id_map)
    chosen, objective, signals, report = fitting.fit_with_window(engine, cases, progress=False, say=lambda _: None)
    assert set(report["windows"]) == {str(t) for t in fitting.QUERY_WINDOWS} and signals
    best = max(w["objective"] for w in report["windows"].values())
    within = [t for t in fitting.QUERY_WINDOWS
              if report["windows"][str(t)]["objective"] >= best - report["windows"][str(t)]["standard_error_vs_best"]
              - 1e-4]
    assert chosen.query_turns == within[0]  # the shortest window within one standard error of the best
    assert engine.query_turns is None  # the engine is left on the ranker's own window
    write_weights(tmp_path, RankWeights(query_turns=1), {"protocol": "test"})
    result = run_crs_eval(shared_path("benchmarks", "crs", "inspired_dev.jsonl"), limit=3, engine=engine,
                          progress=False, baseline_weights=tmp_path / "weights.json", baseline_query_turns=2)
    assert result["previous_ranker"]["query_turns"] == 2 and "weights.json" in result["previous_ranker"]["label"]
    assert "baseline" in format_crs_table(result)


def test_latency_bench_reports_percentiles_at_a_small_size() -> None:
    result = run_latency_bench(sizes=(500,), turns=3, progress=False)
    row = result["sizes"][0]
    assert row["items"] == 500 and row["retrieval"] == RETRIEVAL_EXACT
    assert set(row["ms"]) == set(STEPS)
    print(format_latency_table(result))  # numbers are printed, never asserted
