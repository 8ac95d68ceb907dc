"""The live app embeds the retrieval query with the trained retriever when its folder is present.

A real (tiny) training run: a few synthetic ReDial-format dialogues in which a Matrix fan is
always recommended Nico Icon (1995), a documentary nothing like The Matrix in text or ratings;
the fine-tuned query encoder learns that, and a live turn's candidates show it.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest

from chat_rec.training.retriever import RetrieverConfig, held_out, train

MESSAGE = "I loved The Matrix, recommend me something"
NICO_ICON = 77
REDIAL_ID = "5001"


def _write_dialogues(folder: Path, count: int) -> None:
    with (folder / "train_dialogues_500.jsonl").open("w", encoding="utf-8") as fh:
        for n in range(count):
            dialogue = {
                "conversationId": str(9000 + n), "initiatorWorkerId": 1, "respondentWorkerId": 2,
                "movieMentions": {REDIAL_ID: "Nico Icon (1995)"},
                "respondentQuestions": {REDIAL_ID: {"suggested": 1, "seen": 0, "liked": 1}},
                "messages": [{"senderWorkerId": 1, "text": MESSAGE},
                             {"senderWorkerId": 2, "text": f"You should watch @{REDIAL_ID}"}],
            }
            fh.write(json.dumps(dialogue) + "\n")
    with (folder / "movies_merged.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["ml_id", "ml_year", "ml_title", "id", "title", "year"])
        writer.writerow([NICO_ICON, 1995, "Nico Icon", REDIAL_ID, "Nico Icon", 1995])


def _turn_state(service, user: str) -> dict:
    service.start(user)
    result = service.send_sync(user, MESSAGE)
    assert result.stage == "recommend"
    return service.graph.get_state(service._config(service._user(user))).values


@pytest.fixture(scope="module")
def plain(make_service):
    return make_service("none", name="without-retriever")


@pytest.fixture(scope="module")
def retriever_dir(plain, tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("redial")
    _write_dialogues(data, 12)
    out = tmp_path_factory.mktemp("retriever")
    config = RetrieverConfig(data=data, out=out, epochs=4, batch_size=4, learning_rate=3e-3, max_minutes=3)
    manifest = train(config, plain.deps.catalog, plain.deps.index, progress=False, say=lambda _: None)
    assert manifest["steps"] > 0 and manifest["train_pairs"] > 0
    return out


def test_split_keeps_whole_conversations_apart() -> None:
    ids = [str(n) for n in range(2000)]
    share = sum(held_out(i, 0.2) for i in ids) / len(ids)
    assert 0.15 < share < 0.25
    assert [held_out(i, 0.2) for i in ids] == [held_out(i, 0.2) for i in ids]  # stable, not random per call


def test_turn_candidates_come_from_the_trained_retriever(make_service, plain, retriever_dir: Path) -> None:
    service = make_service("none", name="with-retriever", retriever_model=retriever_dir, retriever=True)
    retriever = service.deps.ranker.retriever
    assert retriever is not None
    manifest = json.loads((retriever_dir / "manifest.json").read_text())
    assert {"seed", "steps", "inputs", "validation", "base_model"} <= set(manifest)
    assert not set(manifest["train_conversations"]) & set(manifest["validation_conversations"])

    state = _turn_state(service, "zoe")
    query = np.asarray(state["query_vector"], np.float32)
    assert np.allclose(query, retriever.encode_one(MESSAGE), atol=1e-5)
    assert not np.allclose(query, plain.deps.index.embed_text(MESSAGE), atol=1e-3)
    assert NICO_ICON in state["candidates"]

    before = _turn_state(plain, "zoe")
    assert plain.deps.ranker.retriever is None
    assert NICO_ICON not in before["candidates"]


def test_the_retriever_is_off_unless_asked_for(make_service, retriever_dir: Path) -> None:
    service = make_service("none", name="retriever-off", retriever_model=retriever_dir)
    assert service.deps.ranker.retriever is None
