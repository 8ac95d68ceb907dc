"""The conversation model: fitting, scoring, saving with a manifest, training protocol, weights file."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from chat_rec.errors import ModelError
from chat_rec.interactions.conversation import ConversationModel
from chat_rec.ranking.hybrid import RankWeights
from chat_rec.ranking.learned import read_weights, write_weights
from chat_rec.training import redial
from chat_rec.training.conversations import TrainConfig, train

# Two "communities": people who talk about 1, 2, 3 together and people who talk about 10, 11, 12.
CONVERSATIONS = [[(1, True), (2, True), (3, True)], [(1, True), (2, True)], [(2, True), (3, False)],
                 [(10, True), (11, True), (12, True)], [(10, True), (11, True)], [(11, True), (12, True)],
                 [(1, True), (3, True)], [(10, True), (12, False)]]


def test_items_talked_about_together_score_highest() -> None:
    model = ConversationModel.fit(CONVERSATIONS, lambda_=1.0)
    scores = dict(zip(model.item_ids.tolist(), model.score([1]).tolist(), strict=True))
    assert scores[2] > scores[10] and scores[3] > scores[11]
    assert {i for i, _ in model.neighbours(10, 2)} == {11, 12}
    assert model.score([999]).sum() == 0.0  # a movie never talked about gives nothing
    assert model.most_mentioned(1)[0] in {1, 2, 10, 11, 12}
    disliked = dict(zip(model.item_ids.tolist(), model.score([1], [2]).tolist(), strict=True))
    assert disliked[3] < scores[3]


def test_save_and_load_round_trip_with_manifest(tmp_path: Path) -> None:
    model = ConversationModel.fit(CONVERSATIONS, lambda_=1.0)
    model.manifest = {"seed": 0, "inputs": {"x": "abc"}}
    loaded = ConversationModel.load(model.save(tmp_path / "m"))
    assert np.array_equal(loaded.item_ids, model.item_ids)
    assert np.allclose(loaded.score([1, 10]), model.score([1, 10]))
    assert loaded.manifest == model.manifest


def test_missing_or_damaged_model_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="train conversations"):
        ConversationModel.load(tmp_path)
    (tmp_path / "model.npz").write_bytes(b"not a zip")
    with pytest.raises(ModelError, match="rebuild"):
        ConversationModel.load(tmp_path)


def test_weights_file_round_trip(tmp_path: Path) -> None:
    assert read_weights(tmp_path) is None
    write_weights(tmp_path, RankWeights(conversation=3.0, popularity=0.2), {"protocol": "p"})
    weights = read_weights(tmp_path)
    assert weights is not None and weights.conversation == 3.0 and weights.popularity == 0.2
    assert json.loads((tmp_path / "weights.json").read_text())["protocol"] == "p"


def test_learned_weights_keep_the_moods_share_of_the_total(tmp_path: Path) -> None:
    """Learned weights several times the defaults' total scale the aspect weight with them, so a mood
    pulls as it was tuned (0.8 among defaults summing 3.1); a file that sets "aspect" keeps its own."""
    default = RankWeights()
    write_weights(tmp_path, RankWeights(conversation=12.0, conversation_popularity=3.0, query=6.0), {"protocol": "p"})
    weights = read_weights(tmp_path)
    assert weights is not None
    total = sum(getattr(weights, n) for n in ("content", "collaborative", "popularity", "genre", "conversation",
                                              "conversation_popularity", "query"))
    assert weights.aspect == pytest.approx(default.aspect * total / 3.1)
    assert weights.aspect > 5 * default.aspect
    (tmp_path / "weights.json").write_text('{"weights": {"conversation": 12.0, "aspect": 1.5}}', encoding="utf-8")
    assert read_weights(tmp_path).aspect == 1.5  # type: ignore[union-attr]


def _write_training_folder(folder: Path, dev_ids: list[str]) -> Path:
    folder.mkdir()
    with (folder / redial.SEQUENCES_FILE).open("w") as fh:
        for n, conv in enumerate(CONVERSATIONS):  # ReDial ids are MovieLens ids + 1000 here
            fh.write(json.dumps({"conversationId": str(n), "movies": [[m + 1000, int(lk)] for m, lk in conv]}) + "\n")
    (folder / redial.ID_MAP_FILE).write_text(
        "ml_id,ml_year,ml_title,id,title,year\n" + "".join(f"{m},2000,t{m},{m + 1000},t{m},2000\n"
                                                        for m in (1, 2, 3, 10, 11, 12)) + ",,,5000,unmapped,\n")
    dev = folder / "dev.jsonl"
    dev.write_text("".join(json.dumps({"conversationId": i}) + "\n" for i in dev_ids))
    return dev


def test_training_drops_dev_conversations_and_writes_a_manifest(tmp_path: Path) -> None:
    dev = _write_training_folder(tmp_path / "data", dev_ids=["3", "4"])
    out = tmp_path / "out"
    model = train(TrainConfig(data=tmp_path / "data", out=out, exclude=[dev], lambda_=1.0), say=lambda _: None)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["conversations"] == len(CONVERSATIONS) - 2
    assert manifest["dev_conversations_dropped"] == 2
    assert manifest["inputs"][str(dev)] == redial.sha256(dev)
    assert "Protocol" not in manifest["protocol"] and "dev" in manifest["protocol"]
    assert ConversationModel.load(out).n_items == model.n_items == 6


def test_dialogues_become_cases_in_the_benchmark_schema() -> None:
    dialogue = {
        "conversationId": "7", "initiatorWorkerId": 1, "respondentWorkerId": 2,
        "movieMentions": {"1001": "Alpha (1999)", "1002": "Beta  (2001)", "1003": "Gamma"},
        "respondentQuestions": {"1002": {"suggested": 1}, "1003": {"suggested": 0}},
        "initiatorQuestions": {},
        "messages": [{"senderWorkerId": 1, "text": "hi, I loved @1001"},
                     {"senderWorkerId": 1, "text": "anything similar?"},
                     {"senderWorkerId": 2, "text": "try @1002 or @1003"},
                     {"senderWorkerId": 1, "text": "seen @1002"},
                     {"senderWorkerId": 2, "text": "then @1002 again, and @1001"}]}
    cases = redial.dialogue_cases([dialogue], {1001: 1, 1002: 2})
    assert [c["id"] for c in cases] == ["redial/train-heldout/7/1", "redial/train-heldout/7/3"]
    first = cases[0]
    assert first["turns"] == [{"role": "user", "text": "hi, I loved Alpha (1999)\nanything similar?"}]
    assert first["targets"] == [{"title": "Beta", "year": 2001, "movielens_id": 2, "repeated": False}]
    assert [t["repeated"] for t in cases[1]["targets"]] == [True, True]  # both named before
    assert [m["movielens_id"] for m in cases[1]["mentioned"]] == [1, 2, None]


def test_the_genre_prior_is_what_people_mention_when_a_genre_is_asked_for(tmp_path: Path) -> None:
    """P(movie | genre asked): 10-12 come up in the horror talks, 1-3 in the comedy ones, whatever
    their overall counts; it survives saving, and a model saved without it (older) loads with none."""
    genres = [["comedy"], ["Comedy"], [], ["horror"], ["horror", "comedy"], ["horror"], [], []]
    model = ConversationModel.fit(CONVERSATIONS, lambda_=1.0, genres=genres)
    horror = dict(zip(model.item_ids.tolist(), model.genre_score(["Horror"]).tolist(), strict=True))
    assert horror[11] == 1.0 and horror[12] == pytest.approx(2 / 3) and horror[1] == 0.0
    comedy = dict(zip(model.item_ids.tolist(), model.genre_score(["comedy"]).tolist(), strict=True))
    assert comedy[1] == comedy[2] == pytest.approx(2 / 3) and comedy[10] == comedy[11] == pytest.approx(1 / 3)
    assert model.top_for_genres(["horror"], 2) == [11, 10]  # equal shares: the lower id first
    assert model.top_for_genres(["western"], 5) == [] and not model.genre_score(["western"]).any()
    both = model.genre_score(["horror", "comedy"])
    assert np.allclose(both, (model.genre_score(["horror"]) + model.genre_score(["comedy"])) / 2)
    loaded = ConversationModel.load(model.save(tmp_path / "g"))
    assert loaded.genre_names == ["comedy", "horror"] and np.allclose(loaded.genre_score(["horror"]),
                                                                       model.genre_score(["horror"]))
    old = tmp_path / "old"
    old.mkdir()
    w = model.weights
    np.savez_compressed(old / "model.npz", item_ids=model.item_ids, counts=model.counts, data=w.data,
                        indices=w.indices, indptr=w.indptr, shape=np.asarray(w.shape))
    assert not ConversationModel.load(old).genre_score(["horror"]).any()
