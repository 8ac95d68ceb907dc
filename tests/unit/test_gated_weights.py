"""Gated ranking weights: per-turn style features, the weights file, fitting on a mix of styles, folds."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from chat_rec.errors import ModelError
from chat_rec.ranking.hybrid import RankRequest, RankWeights
from chat_rec.ranking.learned import (
    FEATURE_NAMES,
    WEIGHT_NAMES,
    GatedWeights,
    read_gates,
    read_weights,
    turn_features,
    write_weights,
)
from chat_rec.training import gating
from chat_rec.training import weights as fitting
from chat_rec.training.weights import CaseSignals

J = len(WEIGHT_NAMES)
CONTENT, CONVERSATION = WEIGHT_NAMES.index("content"), WEIGHT_NAMES.index("conversation")
SEED_MASS = FEATURE_NAMES.index("seed_mass")


def _ranker() -> SimpleNamespace:
    """What ``turn_features`` reads: catalog rows and the conversation model's mention prior per row."""
    return SimpleNamespace(index=SimpleNamespace(row_of={10: 0, 11: 1, 12: 2}),
                           conversation_popularity=np.array([1.0, 0.5, 0.0], np.float32))


def test_features_read_the_request_style() -> None:
    quiet = turn_features(_ranker(), RankRequest())  # type: ignore[arg-type]
    assert quiet.tolist() == [0.0, 0.0, 0.0, 0.0]
    busy = turn_features(_ranker(), RankRequest(liked_ids=(10,), context_ids=(11, 999), required_genres={"Drama"},
                                                liked_aspects=("dark",)))  # type: ignore[arg-type]
    assert 0.0 < busy[0] < 1.0 and busy[1] == pytest.approx(0.75)  # 999 is not in the catalog
    assert busy[2:].tolist() == [1.0, 1.0]


def test_gates_move_the_weights_with_the_features_and_never_below_zero() -> None:
    gated = GatedWeights(RankWeights(conversation=8.0), {"conversation": {"seed_mass": -10.0}, "query": {"seeds": 4.0}})
    known = gated.vector(np.array([0.0, 0.2, 0.0, 0.0]))
    unknown = gated.vector(np.array([0.0, 1.0, 0.0, 0.0]))
    assert known[CONVERSATION] == pytest.approx(6.0) and unknown[CONVERSATION] == 0.0
    req = RankRequest(liked_ids=(10,))
    w = gated.weights_for(_ranker(), req)  # type: ignore[arg-type]
    assert w.conversation == 0.0 and w.query > 0.0  # seed 10 is well known (mass 1.0): the gate shuts it
    assert GatedWeights(RankWeights()).weights_for(_ranker(), req) == RankWeights()  # type: ignore[arg-type]


def test_weights_file_keeps_the_gates(tmp_path: Path) -> None:
    write_weights(tmp_path, RankWeights(conversation=3.0), {"protocol": "p"})
    assert read_gates(tmp_path) is None  # an older file: plain weights
    write_weights(tmp_path, RankWeights(conversation=3.0), {"protocol": "p"},
                  gates={"conversation": {"seed_mass": -2.0}, "query": {"seeds": 0.0}})
    gated = read_gates(tmp_path)
    assert gated is not None and gated.base == read_weights(tmp_path)
    assert gated.gates == {"conversation": {"seed_mass": -2.0}}
    data = json.loads((tmp_path / "weights.json").read_text())
    data["gates"] = {"conversation": {"seed_mass": "many"}}
    (tmp_path / "weights.json").write_text(json.dumps(data))
    with pytest.raises(ModelError, match="train conversations"):
        read_gates(tmp_path)


def _case(winner: int, style: float, dialog: str, n: int = 30) -> CaseSignals:
    """A case whose target (row 0) leads on signal ``winner`` only; other rows lead on the other signal."""
    rng = np.random.default_rng(len(dialog) * 7 + winner)
    signals = np.zeros((n, J), np.float32)
    signals[:, [CONTENT, CONVERSATION]] = rng.uniform(0.0, 0.5, (n, 2))
    signals[0, winner] = 1.0
    other = CONVERSATION if winner == CONTENT else CONTENT
    signals[1:, other] = rng.uniform(0.8, 0.99, n - 1)
    features = np.zeros(len(FEATURE_NAMES), np.float32)
    features[SEED_MASS] = style
    return CaseSignals(np.arange(n), signals, np.array([0]), features, dialog)


def _styles() -> tuple[list[CaseSignals], list[CaseSignals]]:
    """ReDial-like cases (well-known seeds) want the conversation signal; the others want content."""
    redial = [_case(CONVERSATION, 1.0, f"r{i}") for i in range(20)]
    other = [_case(CONTENT, 0.0, f"o{i}") for i in range(20)]
    return redial, other


def test_packed_recall_matches_the_per_case_recall() -> None:
    redial, other = _styles()
    p = gating.pack([redial, other])
    w = np.array([getattr(RankWeights(conversation=8.0), n) for n in WEIGHT_NAMES], np.float32)
    r = gating.recall(p, w, np.zeros((J, len(FEATURE_NAMES)), np.float32))
    for g, cases in enumerate((redial, other)):
        expected = fitting.recall(cases, w)
        assert r[10][g] == pytest.approx(expected[10]) and r[50][g] == pytest.approx(expected[50])


def test_gates_fit_both_styles_where_one_weight_vector_cannot() -> None:
    redial, other = _styles()
    p = gating.pack([redial, other])
    start = GatedWeights(RankWeights(conversation=8.0))
    plain, plain_value = gating.fit(p, start, gated=False)
    gated, gated_value = gating.fit(p, start, gated=True)
    assert gated_value > plain_value
    base = np.array([getattr(gated.base, n) for n in WEIGHT_NAMES], np.float32)
    r = gating.recall(p, base, gated.matrix(), None, gated.center_vector())
    assert r[10].tolist() == [1.0, 1.0]
    assert gated.gates  # the conversation weight now depends on how well the seeds are known


def test_cross_fit_scores_every_fold_with_weights_that_never_saw_it() -> None:
    redial, other = _styles()
    p = gating.pack([redial, other])
    fitted, report = gating.cross_fit(p, GatedWeights(RankWeights(conversation=8.0)), folded_group=1, folds=3,
                                      say=lambda _: None)
    assert len(fitted) == 3 and report["targets"] == len(other)
    assert sum(f["targets"] for f in report["per_fold"]) == len(other)
    assert report["recall@10"] == 1.0  # the style rule learned on two folds holds on the third
    assert {gating.fold_of(c.dialog, 3) for c in other} == {0, 1, 2}
    assert gating.fold_of("abc", 5) == gating.fold_of("abc", 5)
    again = gating.from_json(gating.as_json(fitted[0]), RankWeights(query_turns=4))
    assert again.gates == fitted[0].gates and again.base.query_turns == 4


def test_a_file_the_weights_were_fitted_on_is_ranked_out_of_fold(catalog, tmp_path: Path) -> None:  # noqa: ANN001
    from chat_rec.eval.crs_crossfit import fold_rankers
    from chat_rec.interactions.conversation import ConversationModel
    from chat_rec.ranking.hybrid import HybridRanker
    from chat_rec.training.redial import sha256
    from tests.unit.test_ranking import FakeIndex

    cases = tmp_path / "dev.jsonl"
    cases.write_text('{"id": "a"}\n')
    model = ConversationModel.fit([[(1, True), (2, True)], [(2, True), (3, True)]], lambda_=1.0)
    index = FakeIndex.for_ids(catalog.ids)
    engine = SimpleNamespace(ranker=HybridRanker(catalog, index, conversation=model), catalog=catalog, index=index,
                             settings=SimpleNamespace(conversation_model_dir=tmp_path))
    folds = [GatedWeights(RankWeights(conversation=float(k + 1))) for k in range(2)]
    write_weights(tmp_path, RankWeights(conversation=9.0), {"cross_fit": {
        "files": {"dev.jsonl": sha256(cases)}, "folds": 2, "fold_weights": [gating.as_json(w) for w in folds]}})
    found = fold_rankers(engine, cases)
    assert found is not None
    pick, info = found
    assert info["folds"] == 2
    for dialog in ("d1", "d2", "d3", "d4"):
        assert pick({"id": "x", "dialog_id": dialog}).weights.conversation == gating.fold_of(dialog, 2) + 1
    other = tmp_path / "other.jsonl"
    other.write_text('{"id": "b"}\n')
    assert fold_rankers(engine, other) is None  # not fitted on it: the final weights rank it
