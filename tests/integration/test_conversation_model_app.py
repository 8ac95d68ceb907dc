"""The live app ranks with the trained conversation model when its folder is present, and without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from chat_rec.interactions.conversation import ConversationModel
from chat_rec.ranking.hybrid import RankWeights
from chat_rec.ranking.learned import write_weights

MATRIX = 2571
TALKED_ABOUT = (77, 108)
"""Nico Icon (1995) and Catwalk (1996): documentaries with one rating each, nothing like The Matrix
in content or ratings; only the (synthetic) conversations tie them to it."""


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    conversations = [[(MATRIX, True), (TALKED_ABOUT[0], True), (TALKED_ABOUT[1], True)]] * 5
    conversations += [[(1, True), (2, True)]] * 3
    folder = tmp_path_factory.mktemp("conversations")
    model = ConversationModel.fit(conversations, lambda_=1.0)
    model.manifest = {"test": "synthetic conversations"}
    model.save(folder)
    write_weights(folder, RankWeights(conversation=8.0, conversation_popularity=0.0), {"protocol": "test"})
    return folder


def _picks(service, user: str) -> dict[int, dict[str, float]]:
    service.start(user)
    result = service.send_sync(user, "I loved The Matrix, recommend me something")
    assert result.stage == "recommend"
    return {item.item_id: item.breakdown for item in result.items}


def test_turn_candidates_come_from_the_trained_model(make_service, model_dir: Path) -> None:
    service = make_service("none", name="with-model", conversation_model=model_dir)
    assert service.deps.ranker.conversation is not None
    assert service.deps.ranker.weights.conversation == 8.0  # weights.json was read
    picks = _picks(service, "zoe")
    assert set(TALKED_ABOUT) <= set(picks)
    assert all(picks[i]["conversation"] > 0 for i in TALKED_ABOUT)


def test_the_app_runs_without_a_trained_model(make_service) -> None:
    service = make_service("none", name="without-model")
    assert service.deps.ranker.conversation is None
    picks = _picks(service, "zoe")
    assert picks and not set(TALKED_ABOUT) & set(picks)
    assert all(b["conversation"] == 0.0 for b in picks.values())


def test_a_turn_ranks_with_the_learned_style_gates(make_service, model_dir: Path,
                                                   tmp_path_factory: pytest.TempPathFactory) -> None:
    """weights.json with gates (``train conversations --mix``): the turn's weights follow its features."""
    folder = tmp_path_factory.mktemp("gated")
    ConversationModel.load(model_dir).save(folder)
    # the conversation signal weighs 0 on a turn that names no movie and 8 on one that names one
    write_weights(folder, RankWeights(conversation=0.0, conversation_popularity=0.0), {"protocol": "test"},
                  gates={"conversation": {"seeds": 8.0 / 0.3155}}, center={"seeds": 0.0})
    service = make_service("none", name="with-gates", conversation_model=folder)
    ranker = service.deps.ranker
    assert ranker.gate is not None and ranker.weights.conversation == 0.0
    picks = _picks(service, "zoe")
    assert set(TALKED_ABOUT) <= set(picks)  # only a gated conversation weight can bring them
    assert all(picks[i]["conversation"] > 0 for i in TALKED_ABOUT)


def test_a_persons_name_never_steers_the_search(make_service, model_dir: Path,
                                               tmp_path_factory: pytest.TempPathFactory) -> None:
    """With a query window of two turns the greeting ("Hi <name>! …") is in the window; the name
    is taken out, so two people saying the same get the same picks whatever they are called."""
    folder = tmp_path_factory.mktemp("window2")
    ConversationModel.load(model_dir).save(folder)
    write_weights(folder, RankWeights(conversation=8.0, conversation_popularity=0.0, query=6.0, query_turns=2),
                  {"protocol": "test"})
    service = make_service("none", name="window2", conversation_model=folder)
    assert service.deps.ranker.weights.query_turns == 2

    def first_answer(user: str) -> list[int]:
        service.start(user)
        result = service.send_sync(user, "something with zombies and a lot of blood, please")
        return [item.item_id for item in result.items]

    plain = first_answer("zoe")
    assert plain and first_answer("romantic-musical-fan-1956") == plain


def test_asking_for_a_genre_brings_what_people_mention_when_it_is_asked_for(
        make_service, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The genre prior (``conversation_genre``): in the synthetic conversations asking for horror,
    two horror films one person rated are the ones mentioned; asking for horror brings them,
    asking for a comedy does not, and with the signal's weight at 0 they stay out."""
    obscure_horror = (220, 1331)  # Castle Freak (1995), Audrey Rose (1977): one rating each
    conversations = [[(obscure_horror[0], True), (obscure_horror[1], True)]] * 4 + [[(1, True), (2, True)]] * 4
    genres = [["horror"]] * 4 + [["comedy"]] * 4
    model = ConversationModel.fit(conversations, lambda_=1.0, genres=genres)
    model.manifest = {"test": "synthetic conversations with genres"}

    def picks(weight: float, message: str, name: str) -> dict[int, dict[str, float]]:
        folder = tmp_path_factory.mktemp(name)
        model.save(folder)
        write_weights(folder, RankWeights(conversation_genre=weight), {"protocol": "test"})
        service = make_service("none", name=name, conversation_model=folder)
        service.start("zoe")
        result = service.send_sync("zoe", message)
        assert result.stage == "recommend"
        return {item.item_id: item.breakdown for item in result.items}

    asked = picks(8.0, "got some horror films for a rainy night?", "genre-prior")
    assert set(obscure_horror) <= set(asked) and all(asked[i]["conversation_genre"] == 1.0 for i in obscure_horror)
    assert not set(obscure_horror) & set(picks(8.0, "got some comedy films for a rainy night?", "genre-prior-comedy"))
    assert not set(obscure_horror) & set(picks(0.0, "got some horror films for a rainy night?", "genre-prior-off"))
