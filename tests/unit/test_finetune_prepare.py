"""Fine-tuning data on the bundled ml-latest-small: windows, no leakage, manifest, DPO pairs."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("datasets")

from chat_rec.errors import ChatRecError, DataFileError  # noqa: E402
from chat_rec.finetune.pairs import pairs_from_feedback, pairs_from_ratings  # noqa: E402
from chat_rec.finetune.prepare import (  # noqa: E402
    load_dataset_dir,
    prepare_sft,
    save_dataset,
    user_sequences,
)
from chat_rec.finetune.prompting import LABELS  # noqa: E402


@pytest.fixture(scope="module")
def sequences(catalog):
    return {s.user_id: s for s in user_sequences(catalog)}


@pytest.fixture(scope="module")
def train_ds(catalog):
    return prepare_sft(catalog, window=10, progress=False)


@pytest.fixture(scope="module")
def train_cols(train_ds) -> dict[str, list]:
    return train_ds.select_columns(["user_id", "target_id", "history_ids", "position"]).to_dict()


def test_split_is_the_llamarec_protocol(sequences) -> None:
    assert len(sequences) == 610
    assert sum(len(s.items) for s in sequences.values()) == 90_274
    assert len({int(i) for s in sequences.values() for i in s.items}) == 3_650


def test_train_windows_slide_over_each_users_train_part(train_ds, sequences, catalog) -> None:
    assert len(train_ds) == sum(len(s.train) - 1 for s in sequences.values())
    for row in train_ds.select(range(0, len(train_ds), 997)):
        train = [int(i) for i in sequences[row["user_id"]].train]
        t = row["position"]
        assert row["target_id"] == train[t]
        assert row["history_ids"] == train[max(0, t - 10):t]
        user_text = row["prompt"][-1]["content"]
        assert user_text.startswith("User History:\n1. ") and "\nTask: " in user_text
        assert [m["role"] for m in row["prompt"]] == ["system", "user"]
        for item_id in row["history_ids"]:
            assert catalog.get(item_id).label in user_text
        assert row["completion"] == [{"role": "assistant",
                                      "content": f"Recommendation: {catalog.get(row['target_id']).label}"}]


def test_no_example_ever_sees_a_held_out_item(train_cols, sequences, catalog) -> None:
    users, targets, histories = train_cols["user_id"], train_cols["target_id"], train_cols["history_ids"]
    for user, target, history in zip(users, targets, histories, strict=True):
        held_out = {sequences[user].validation_item, sequences[user].test_item}
        assert target not in held_out and not held_out & set(history)
    validation = prepare_sft(catalog, split="validation", progress=False)
    test = prepare_sft(catalog, split="test", progress=False)
    assert len(validation) == len(test) == 610
    for row in validation:
        s = sequences[row["user_id"]]
        assert row["target_id"] == s.validation_item and s.test_item not in row["history_ids"]
    for row in test:
        s = sequences[row["user_id"]]
        assert row["target_id"] == s.test_item and row["history_ids"][-1] == s.validation_item


def test_max_examples_is_a_seeded_subset(catalog, train_cols) -> None:
    a = prepare_sft(catalog, window=10, max_examples=50, seed=3, progress=False)
    b = prepare_sft(catalog, window=10, max_examples=50, seed=3, progress=False)
    assert len(a) == 50 and a["target_id"] == b["target_id"] and a["user_id"] == b["user_id"]
    full = set(zip(train_cols["user_id"], train_cols["position"], strict=True))
    assert set(zip(a["user_id"], a["position"], strict=True)) <= full


@pytest.mark.parametrize("negatives", ["random", "retriever"])
def test_ranking_examples_hide_the_target_among_unrated_candidates(catalog, sequences, negatives) -> None:
    ds = prepare_sft(catalog, window=5, max_examples=40, candidates=20, negatives=negatives, progress=False)
    for row in ds:
        cands = row["candidate_ids"]
        assert len(cands) == len(set(cands)) == 20 and row["target_id"] in cands
        letter = LABELS[cands.index(row["target_id"])]
        assert row["completion"][0]["content"] == f"Recommendation: {letter}"
        rated = {int(i) for i in sequences[row["user_id"]].items}
        assert all(c not in rated for c in cands if c != row["target_id"])
        assert f"\n{letter}. {catalog.get(row['target_id']).label}" in row["prompt"][-1]["content"]


def test_saved_dataset_has_a_verifiable_manifest(catalog, tmp_path: Path) -> None:
    ds = prepare_sft(catalog, window=4, max_examples=30, progress=False)
    manifest_path = save_dataset(ds, tmp_path / "sft")
    manifest = json.loads(manifest_path.read_text())
    assert manifest["n_examples"] == 30
    assert manifest["params"]["window"] == 4 and manifest["params"]["split"] == "train"
    assert manifest["catalog"]["sources"] == catalog.sources and "ratings.csv" in catalog.sources
    assert any(name.endswith(".arrow") for name in manifest["files"])
    loaded, again = load_dataset_dir(tmp_path / "sft")
    assert loaded["target_id"] == ds["target_id"] and again["data_sha256"] == manifest["data_sha256"]
    # The same parameters give the same bytes, so the data hash identifies the training data.
    save_dataset(prepare_sft(catalog, window=4, max_examples=30, progress=False), tmp_path / "again")
    assert json.loads((tmp_path / "again" / "manifest.json").read_text())["data_sha256"] == manifest["data_sha256"]

    arrow = next((tmp_path / "sft" / "data").glob("*.arrow"))
    arrow.write_bytes(arrow.read_bytes() + b"x")
    with pytest.raises(DataFileError, match="prepare"):
        load_dataset_dir(tmp_path / "sft")
    with pytest.raises(DataFileError, match="finetune prepare"):
        load_dataset_dir(tmp_path / "nothing-here")


def test_rating_pairs_prefer_liked_over_disliked_from_the_train_part(catalog, sequences) -> None:
    pairs = pairs_from_ratings(catalog, window=10, max_pairs=300, progress=False)
    assert len(pairs) == 300
    rated = {(int(u), int(i)): float(r) for u, i, r in
             zip(catalog.ratings.users, catalog.ratings.items, catalog.ratings.ratings, strict=True)}
    for row in pairs:
        s = sequences[row["user_id"]]
        train = {int(i) for i in s.train}
        assert rated[(row["user_id"], row["chosen_id"])] >= 4 and rated[(row["user_id"], row["rejected_id"])] <= 2
        assert {row["chosen_id"], row["rejected_id"], *row["history_ids"]} <= train
        assert row["rejected_id"] not in row["history_ids"]
        assert row["chosen"][0]["content"].endswith(catalog.get(row["chosen_id"]).label)
        assert row["prompt"] and row["prompt"][-1]["content"].startswith("User History:")


def test_letter_pairs_are_the_rerankers_task(catalog, sequences) -> None:
    """With candidates, chosen and rejected are two of the listed items and the answers are letters."""
    pairs = pairs_from_ratings(catalog, window=10, max_pairs=50, candidates=20, progress=False)
    for row in pairs:
        cands = row["candidate_ids"]
        assert len(cands) == len(set(cands)) == 20 and {row["chosen_id"], row["rejected_id"]} <= set(cands)
        assert not set(cands) & set(row["history_ids"])
        chosen, rejected = (LABELS[cands.index(row[k])] for k in ("chosen_id", "rejected_id"))
        assert row["chosen"][0]["content"] == f"Recommendation: {chosen}" != row["rejected"][0]["content"]
        assert row["rejected"][0]["content"] == f"Recommendation: {rejected}"
        task = row["prompt"][-1]["content"]
        assert f"\n{chosen}. {catalog.get(row['chosen_id']).label}" in task
        assert f"\n{rejected}. {catalog.get(row['rejected_id']).label}" in task
    assert {row["chosen_id"] for row in pairs} == {
        row["chosen_id"] for row in pairs_from_ratings(catalog, window=10, max_pairs=50, progress=False)}
    with pytest.raises(ChatRecError, match="Candidates"):
        pairs_from_ratings(catalog, max_pairs=5, candidates=1, progress=False)


def test_feedback_pairs_come_from_the_profile_database(catalog, tmp_path: Path) -> None:
    from chat_rec.profile.repository import ProfileRepository, TurnWrite

    repo = ProfileRepository.open(f"sqlite:///{tmp_path / 'p.sqlite'}")
    try:
        ana = repo.get_or_create_user("Ana").id
        repo.commit_turn(ana, TurnWrite(user_text="something funny", shown_item_ids=[1, 2, 3]))
        turn = repo.commit_turn(ana, TurnWrite(user_text="I like the first, not the second",
                                               shown_item_ids=[1, 2, 3],
                                               feedback=[(1, True, "text"), (2, False, "text")]))
        repo.record_feedback(ana, 3, True, "button", None, turn_id=turn)
        bob = repo.get_or_create_user("Bob").id
        repo.record_feedback(bob, 1, True, "button", None)  # no dislike: no pair for Bob
        pairs = pairs_from_feedback(repo, catalog)
    finally:
        repo.close()
    assert pairs["chosen_id"] == [1, 3] and pairs["rejected_id"] == [2, 2]
    assert pairs["history_ids"] == [[], [1]]
    assert catalog.get(1).label in pairs["prompt"][1][-1]["content"]


def test_feedback_without_dislikes_is_a_clear_error(catalog, tmp_path: Path) -> None:
    from chat_rec.profile.repository import ProfileRepository

    repo = ProfileRepository.open(f"sqlite:///{tmp_path / 'p.sqlite'}")
    try:
        repo.record_feedback(repo.get_or_create_user("Ana").id, 1, True, "button", None)
        with pytest.raises(ChatRecError, match="liked and a disliked"):
            pairs_from_feedback(repo, catalog)
    finally:
        repo.close()


def test_cli_prepare_writes_a_dataset_and_reports_bad_folders(tmp_path: Path, capsys) -> None:
    from chat_rec.config import BUNDLED_CATALOG
    from chat_rec.finetune.cli import add_finetune_parser

    parser = argparse.ArgumentParser(prog="chat-rec")
    add_finetune_parser(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["finetune", "prepare", "--data", str(BUNDLED_CATALOG), "--window", "3",
                              "--max-examples", "12", "--out", str(tmp_path / "d")])
    assert args.func(args) == 0
    assert "12 examples" in capsys.readouterr().out
    assert json.loads((tmp_path / "d" / "manifest.json").read_text())["n_examples"] == 12

    args = parser.parse_args(["finetune", "sft", "--base", "x", "--data", str(tmp_path / "missing"),
                              "--out", str(tmp_path / "o")])
    with pytest.raises(ChatRecError):
        args.func(args)


def test_retriever_negatives_are_the_sequential_models_choices(catalog, sequences) -> None:
    """Hard candidates are popular, order-related items; random ones are mostly obscure."""
    hard = prepare_sft(catalog, window=5, max_examples=30, candidates=20, negatives="retriever", progress=False)
    easy = prepare_sft(catalog, window=5, max_examples=30, candidates=20, progress=False)
    assert hard["target_id"] == easy["target_id"]  # same seeded rows, other candidates
    counts = np.bincount(catalog.ratings.items)

    def mean_ratings(ds) -> float:
        return float(np.mean([counts[c] for row in ds for c in row["candidate_ids"] if c != row["target_id"]]))

    assert mean_ratings(hard) > 3 * mean_ratings(easy)
    assert prepare_sft(catalog, max_examples=3, candidates=5, negatives="retriever",
                       progress=False).info.description.count('"negatives": "retriever"') == 1
