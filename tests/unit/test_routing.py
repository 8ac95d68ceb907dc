"""Routers are pure functions of the state."""

import pytest

from chat_rec.conversation import routing


def state(**signal: object) -> dict:
    return {"signal": signal, "onboarding_done": True, "profile_vector": [1.0, 0.0], "last_items": [10, 20, 30]}


def test_button_event_skips_understanding() -> None:
    assert routing.route_start({"event": {"type": "feedback", "item_id": 1, "like": True}}) == "feedback"
    assert routing.route_start({"user_text": "hi", "event": None}) == "understand"


def test_impossible_event_raises() -> None:
    with pytest.raises(ValueError):
        routing.route_start({"event": {"type": "teleport"}})


def test_new_user_without_signal_is_onboarded() -> None:
    s = {"signal": {}, "onboarding_done": False, "profile_vector": None}
    assert routing.route_turn(s) == "onboard"


def test_new_user_with_a_liked_movie_gets_recommendations() -> None:
    s = {"signal": {"liked_ids": [2571]}, "onboarding_done": False, "profile_vector": None}
    assert routing.route_turn(s) == "refine"


def test_feedback_on_shown_item_without_request_is_acknowledged() -> None:
    assert routing.route_turn(state(liked_ids=[20])) == "feedback"


def test_feedback_with_request_goes_to_retrieval() -> None:
    assert routing.route_turn(state(liked_ids=[20], wants_new_recommendations=True)) == "refine"


def test_vague_request_without_profile_gets_a_question() -> None:
    s = state(wants_new_recommendations=True)
    s["profile_vector"] = None
    assert routing.route_turn(s) == "elicit"


def test_small_talk_gets_a_question() -> None:
    assert routing.route_turn(state()) == "elicit"


def test_after_persist_only_items_need_the_recommend_node() -> None:
    assert routing.route_after_persist({"chosen": [{"item_id": 1}]}) == "recommend"
    assert routing.route_after_persist({"chosen": []}) == "remember"


def test_a_request_put_off_gets_no_picks_now() -> None:
    put_off = {**state(liked_genres=["Western"]), "user_text": "I'll ask you for westerns another day, bed now"}
    assert routing.route_turn(put_off) == "elicit"
    now = {**state(liked_genres=["Western"]), "user_text": "westerns for tomorrow night please"}
    assert routing.route_turn(now) == "refine"
