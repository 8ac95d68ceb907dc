"""The retrieval query: the latest message and the turns before it (ranking/query.py)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from chat_rec.ranking.hybrid import RankWeights
from chat_rec.ranking.query import dialogue_query, query_window

HISTORY = [
    {"role": "assistant", "text": "What kind of movies do you like?"},
    {"role": "user", "text": "Dramas mostly."},
    {"role": "assistant", "text": "Do you want me to recommend a war drama as well?"},
]


def test_a_bare_yes_carries_the_question_it_answers() -> None:
    text = dialogue_query(query_window(HISTORY, "Yes please!", 2))
    assert text == "Yes please! Do you want me to recommend a war drama as well?"


def test_a_window_of_one_is_the_message_alone() -> None:
    assert dialogue_query(query_window(HISTORY, "  Yes   please! ", 1)) == "Yes please!"


def test_the_window_stops_at_the_start_of_the_dialogue() -> None:
    window = query_window(HISTORY, "Yes", 8)
    assert [t["text"] for t in window] == [*(t["text"] for t in HISTORY), "Yes"]


def test_the_cut_keeps_the_latest_text() -> None:
    long_reply = [{"role": "assistant", "text": "x " * 600}]
    text = dialogue_query(query_window(long_reply, "something funny", 2), chars=40)
    assert text.startswith("something funny ") and len(text) == 40


def test_the_graph_embeds_the_same_window_the_benchmark_does(monkeypatch: pytest.MonkeyPatch) -> None:
    from chat_rec.conversation import refining
    from chat_rec.eval.crs import CrsEngine, DialogueState

    embedded: list[str] = []
    index = SimpleNamespace(embed_text=lambda text: embedded.append(text) or np.ones(3, np.float32))
    ranker = SimpleNamespace(weights=RankWeights(query_turns=2))  # as a trained weights.json sets it
    deps = SimpleNamespace(index=index, ranker=ranker, resolver=None,
                           settings=SimpleNamespace(candidates=10, popular_candidates=0))
    run = SimpleNamespace(context=SimpleNamespace(deps=deps))
    # the request in force is embedded when the message starts one (refining.active_request)
    refining.active_request({"user_text": "Yes please!", "history": HISTORY}, run)  # type: ignore[arg-type]
    engine = CrsEngine.__new__(CrsEngine)  # only the query window is used here
    engine.ranker, engine.query_turns, engine.resolver = ranker, None, None
    replayed = DialogueState(last_user_text="Yes please!", prior_turns=list(HISTORY))
    assert embedded == [engine.query_text(replayed)]
    assert "war drama" in embedded[0]


def test_the_window_travels_in_the_weights_file(tmp_path: Path) -> None:
    from chat_rec.ranking.learned import read_weights, write_weights

    write_weights(tmp_path, RankWeights(conversation=4.0, query_turns=4), {"protocol": "test"})
    read = read_weights(tmp_path)
    assert read is not None and read.query_turns == 4 and read.conversation == 4.0
    (tmp_path / "weights.json").write_text('{"weights": {"conversation": 2.0}}', encoding="utf-8")
    assert read_weights(tmp_path).query_turns == 1  # an older file: the message alone, as before


def test_what_the_message_dislikes_stays_out_of_the_query(catalog) -> None:  # type: ignore[no-untyped-def]
    # "Heat was boring, something else?" had *The Heat* (2013) first: the title's words pulled it;
    # "Alien was way too scary" had a horror film first: the complaint's word pulled it
    from chat_rec.ranking.query import without_disliked
    from chat_rec.understanding.resolver import TitleResolver

    resolver = TitleResolver(catalog)
    heat = next(i.item_id for i in catalog.items.values() if i.title == "Heat" and i.year == 1995)
    assert without_disliked("Heat was boring, something else?", [heat], [], resolver) == "was boring, something else?"
    assert without_disliked("Heat was boring, something else?", [heat], ["boring"], resolver) == "was , something else?"
    # any regular form of a disliked mood's words; stopwords of a mood phrase stay
    assert without_disliked("The pacing bored me. Not a slow one again", [], ["boring", "a slow burn"],
                            None) == "The pacing me. Not a one again"
    # a liked or merely named film keeps its title; nothing disliked leaves the text as it is
    jaws = next(i.item_id for i in catalog.items.values() if i.title == "Jaws")
    text = "Loved Jaws but Heat dragged on, any thrillers?"
    assert without_disliked(text, [heat], [], resolver) == "Loved Jaws but dragged on, any thrillers?"
    assert without_disliked(text, [], [], resolver) == text
    assert without_disliked(text, [jaws + heat + 10_000_000], [], resolver) == text
