"""Moods through ChatService: real catalog, real index, real embedder, scripted LLM."""

from __future__ import annotations

import pytest

from chat_rec.llm.scripted import ScriptedChatModel


@pytest.fixture(scope="module")
def service(make_service):
    return make_service(ScriptedChatModel(default=""), name="moods")


def _ids(result) -> list[int]:
    return [i.item_id for i in result.items]


def test_the_aspect_index_is_built_from_the_catalogs_tags(service) -> None:
    aspects = service.deps.aspects
    assert aspects is not None and service.deps.ranker.aspects is aspects
    assert {"thought provoking", "dark", "atmospheric", "space"} <= set(aspects.terms)
    assert "aspects" in service.timings


def test_a_mood_changes_the_picks_of_the_same_request(service) -> None:
    plain = service.send_sync("mood-plain", "I loved Interstellar and Arrival, no horror please")
    moody = service.send_sync("mood-thoughtful",
                              "I loved Interstellar and Arrival. Something thoughtful, no horror please")
    assert plain.stage == moody.stage == "recommend"
    assert "thoughtful" in moody.signal["liked_aspects"]
    assert not any("Horror" in i.genres for i in moody.items)
    assert set(_ids(moody)) != set(_ids(plain))
    assert any(i.breakdown.get("aspect", 0) > 0 for i in moody.items)
    assert sum(i.breakdown["aspect"] for i in moody.items) > sum(i.breakdown["aspect"] for i in plain.items)


def test_a_mood_alone_leads_to_recommendations_not_a_question(service) -> None:
    result = service.send_sync("mood-only", "something dark and atmospheric")
    assert result.stage == "recommend" and len(result.items) >= 3
    assert result.signal["liked_aspects"] and not result.signal["liked_ids"]
    assert "tagged" in result.reply.lower()


def test_a_negated_mood_pushes_items_away(service) -> None:
    result = service.send_sync("mood-calm", "an action movie but not too violent")
    assert "violent" in result.signal["disliked_aspects"]
    assert all(i.breakdown["aspect"] <= 0 for i in result.items)


def test_the_mood_carries_to_more_please(service) -> None:
    user = "mood-more"
    first = service.send_sync(user, "a feel-good movie")
    again = service.send_sync(user, "more please")
    assert again.stage == "recommend"
    assert set(_ids(again)).isdisjoint(_ids(first))
    assert again.trace["constraints"]["liked_aspects"] == first.trace["constraints"]["liked_aspects"]


def test_a_bare_mood_answering_what_to_avoid_is_disliked(service) -> None:
    user = "mood-avoid"
    service.start(user)
    for answer in ("skip", "skip"):
        assert service.send_sync(user, answer).stage == "onboarding"
    result = service.send_sync(user, "violence")
    assert result.stage == "recommend"
    assert result.signal["disliked_aspects"] == ["violence"] and not result.signal["liked_aspects"]


def test_the_mood_bench_runs_queries_as_turns_through_the_app(service) -> None:
    from chat_rec.eval.moods import format_mood_table, run_mood_dialogues

    queries = [
        {"id": "court", "before": ["I loved Get Out and The Shining"], "text": "something like a courtroom drama",
         "plain": "something like a drama", "terms": ["court", "courtroom", "lawyers", "trial"]},
        {"id": "ghosts", "before": ["Toy Story and Shrek are my favourites"], "text": "got anything about ghosts?",
         "plain": "got anything?", "terms": ["ghosts", "ghost", "haunted", "supernatural"]},
    ]
    result = run_mood_dialogues(service, queries)
    assert result["through"] == "app" and result["queries"] == 2 and result["mean"]["off"] is None
    for row in result["rows"]:
        assert row["on"] >= 0.6 > row["plain"], row  # a majority carry the asked topic; the plain request does not
        assert row["top"] and row["aspects"]
    table = format_mood_table(result)
    assert "through the app's turns" in table and "courtroom" in table
    assert not [u for u in service.deps.repo.list_users() if u.name.startswith("bench-moods-")]  # cleaned up


def test_a_new_visit_ends_the_last_visits_mood(service) -> None:
    user = "mood-returning"
    first = service.send_sync(user, "something like a courtroom drama")
    assert first.trace["constraints"]["liked_aspects"]
    same_visit = service.send_sync(user, "I loved Get Out and The Shining")
    assert same_visit.trace["constraints"]["liked_aspects"] == first.trace["constraints"]["liked_aspects"]
    back = service.start(user)  # the next day: a returning user's greeting
    assert back.items  # the last picks are still on screen
    again = service.send_sync(user, "I loved Get Out and The Shining")
    assert again.stage == "recommend"
    assert not again.trace["constraints"]["liked_aspects"]


def test_the_app_mood_bench_stops_on_a_failed_turn(make_service) -> None:
    from chat_rec.errors import ChatRecError
    from chat_rec.eval.moods import run_mood_dialogues

    limited = make_service(ScriptedChatModel(default=""), name="moods-limited", rate_limit_per_minute=1)
    query = {"id": "court", "before": ["I loved Get Out and The Shining"], "text": "something like a courtroom drama",
             "terms": ["courtroom"]}
    with pytest.raises(ChatRecError, match="a turn failed"):  # a rate-limited turn is no list without the mood
        run_mood_dialogues(limited, [query])
