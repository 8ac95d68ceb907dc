"""A whole conversation through ChatService: real catalog, real index, SQLite and
PostgreSQL, scripted LLM."""

from __future__ import annotations

import numpy as np
import pytest

from chat_rec.errors import UnknownUserError
from chat_rec.llm.scripted import ScriptedChatModel


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def service(make_service, request: pytest.FixtureRequest):
    """The same conversations with SQLite under home, and with PostgreSQL holding profiles and checkpoints."""
    overrides = {}
    if request.param == "postgresql":
        overrides["database_url"] = request.getfixturevalue("postgres_server").create_database("conversation")
    return make_service(ScriptedChatModel(default=""), name="conv", **overrides)


def vector(service, user: str) -> np.ndarray | None:
    info = service.deps.repo.find_user(user)
    return service.deps.repo.load(info.id).vector


def test_new_user_is_onboarded_then_gets_grounded_picks(service) -> None:
    first = service.start("ana")
    assert first.stage == "onboarding" and first.asks_question and first.quick_replies
    result = service.send_sync("ana", "I loved The Matrix and Inception but no horror please")
    assert result.stage == "recommend"
    assert len(result.items) >= 3
    ids = [i.item_id for i in result.items]
    assert all(i in service.deps.catalog for i in ids)
    assert not {2571, 79132} & set(ids)
    assert not any("Horror" in i.genres for i in result.items)
    for item in result.items:  # the reply names exactly the chosen items
        assert item.label in result.reply
        assert item.reason
    p = vector(service, "ana")
    matrix = service.deps.item_vector(2571)
    assert p is not None and float(np.dot(p, matrix)) > 0.3


def test_dislike_button_replaces_the_item_and_moves_the_profile_away(service) -> None:
    user = "ben"
    shown = service.send_sync(user, "I like The Terminator and Alien, recommend me something")
    target = shown.items[0]
    before = vector(service, user)
    after = service.feedback(user, target.item_id, like=False)
    assert target.item_id not in [i.item_id for i in after.items]
    assert len(after.items) >= 3
    moved = vector(service, user)
    tv = service.deps.item_vector(target.item_id)
    assert float(np.dot(moved, tv)) < float(np.dot(before, tv))
    view = service.profile(user)
    assert target.label in view.disliked


def test_ordinal_words_refer_to_the_last_list(service) -> None:
    user = "cleo"
    shown = service.send_sync(user, "I enjoyed Toy Story")
    second = shown.items[1]
    before = vector(service, user)
    service.send_sync(user, "the second one looks great, more like that")
    after = vector(service, user)
    sv = service.deps.item_vector(second.item_id)
    assert float(np.dot(after, sv)) > float(np.dot(before, sv))


def test_small_talk_after_picks_is_answered_as_small_talk(service) -> None:
    shown = service.send_sync("dora", "I loved Toy Story, recommend me something")
    before = vector(service, "dora")
    chat = service.send_sync("dora", "haha thanks! how's your day going?")
    assert chat.stage == "smalltalk" and not chat.items and chat.asks_question
    assert np.allclose(vector(service, "dora"), before)  # nothing read, nothing stored
    after = service.send_sync("dora", "the first one looks great")  # the list on screen is still the last one
    assert shown.items[0].label in service.profile("dora").liked
    assert after.stage in {"feedback", "recommend"}


def test_thanks_after_picks_is_answered_with_a_goodbye_and_stores_nothing(service) -> None:
    service.send_sync("elsa", "I loved Toy Story, recommend me something")
    before = vector(service, "elsa")
    bye = service.send_sync("elsa", "cheers, that's all for tonight")
    chat = service.send_sync("elsa", "is it raining where you are?")
    assert bye.stage == "smalltalk" and not bye.items and "Enjoy" in bye.reply
    assert chat.stage == "smalltalk" and "more picks" in chat.reply and "Enjoy" not in chat.reply
    assert np.allclose(vector(service, "elsa"), before)


def test_a_request_put_off_gets_no_picks_now(service) -> None:
    shown = service.send_sync("fritz", "I loved Toy Story, recommend me something")
    later = service.send_sync("fritz", "I'll ask you for some westerns another day, bed now")
    assert later.stage == "smalltalk" and not later.items and "whenever you're ready" in later.reply
    picked = service.send_sync("fritz", "the first one looks great")  # the list on screen is still the last one
    assert shown.items[0].label in service.profile("fritz").liked and picked.stage in {"feedback", "recommend"}


def test_profile_survives_a_restart(service) -> None:
    user = "dora"
    service.send_sync(user, "The Godfather is my favourite. No horror.")
    p = vector(service, user)
    fresh = service.restarted()
    greeting = fresh.start(user)
    assert "welcome back" in greeting.reply.lower()
    again = fresh.send_sync(user, "more please")
    assert again.stage == "recommend" and len(again.items) >= 3
    assert 858 not in [i.item_id for i in again.items]
    assert not any("Horror" in i.genres for i in again.items)
    assert vector(fresh, user) is not None and np.allclose(vector(fresh, user), p)


@pytest.mark.parametrize("text", ["", "   \n\t ", "x" * 50_000, "\x00\x01\x02"])
def test_bad_messages_get_a_sentence_and_the_session_stays_usable(service, text: str) -> None:
    events = list(service.send("eve", text))
    assert events[-1].kind == "error"
    assert events[-1].text.endswith(".") and "Traceback" not in events[-1].text
    ok = service.send_sync("eve", "I like comedies")
    assert ok.stage in {"recommend", "onboarding"}


def test_odd_but_valid_messages_never_crash(service) -> None:
    for text in ["🍿🎬🍿", "שלום עולם", "<script>alert(1)</script>", "'; DROP TABLE users; --", "a\u200bb"]:
        result = service.send_sync("fay", text)
        assert result.stage != "error", result.reply


def test_bad_user_names_are_refused_with_a_sentence(service) -> None:
    for name in ["", "../../etc/passwd", "x" * 500]:
        events = list(service.send(name, "hi"))
        assert events[-1].kind == "error" and events[-1].text
    with pytest.raises(UnknownUserError):
        service.profile("nobody-ever")


def test_unknown_item_feedback_is_refused(service) -> None:
    service.send_sync("gus", "I like westerns")
    for bad in (-1, 10**12, "abc", True):
        result = service.feedback("gus", bad, like=True)  # type: ignore[arg-type]
        assert result.stage == "error" and "catalog" in result.reply


def test_llm_intro_naming_a_movie_not_chosen_is_never_shown(make_service) -> None:
    llm = ScriptedChatModel(default="")
    svc = make_service(llm, name="intro")
    llm.enqueue("You will love Zorblax Returns and The Godfather. These picks fit your taste!")
    result = svc.send_sync("hal", "I loved Toy Story")
    assert "Zorblax" not in result.reply and "Godfather" not in result.reply
    assert result.items


def test_a_failing_step_commits_nothing(service, monkeypatch) -> None:
    user = "ivy"
    service.send_sync(user, "I like Alien")
    info = service.deps.repo.find_user(user)
    turns_before = service.deps.repo.load(info.id).turn_count
    p_before = vector(service, user)

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(service.deps.ranker, "rank", boom)
    events = list(service.send(user, "more sci-fi please"))
    assert events[-1].kind == "error"
    assert service.deps.repo.load(info.id).turn_count == turns_before
    assert np.allclose(vector(service, user), p_before)
    monkeypatch.undo()
    assert service.send_sync(user, "more sci-fi please").items


def test_users_are_isolated_and_reset_forgets(service) -> None:
    service.send_sync("jo", "I love horror movies")
    service.send_sync("kim", "I love romantic comedies")
    assert service.profile("jo").liked == () or service.profile("jo").liked != service.profile("kim").liked
    service.reset("jo")
    view = service.profile("jo")
    assert view.turns == 0 and not view.has_vector
    assert service.profile("kim").has_vector
    assert service.start("jo").stage == "onboarding"


def test_spanish_replies_in_spanish(service) -> None:
    result = service.send_sync("lu", "Me encantó Toy Story, quiero una comedia")
    assert result.items
    assert "Here are" not in result.reply


def test_the_profile_shows_the_moods_and_audience_the_picks_hold_to(service) -> None:
    from ui.render import profile_html

    service.send_sync("eli", "I loved Toy Story, recommend me something")
    service.send_sync("eli", "something funny for the whole family, nothing scary")
    view = service.profile("eli")
    assert "children" in view.moods and "funny" in view.moods and "scary" in view.avoided_moods
    html = profile_html(view)
    assert "for all ages" in html and "not scary" in html


def test_an_era_with_nothing_on_screen_reads_the_catalogs_own_years(service) -> None:
    from chat_rec.catalog.models import era_years

    years = [i.year for i in service.deps.catalog if i.year]
    newest, _ = era_years(years, "newer")
    _, oldest = era_years(years, "older")
    recent = service.send_sync("ivo", "got any new-ish thrillers?")
    assert len(recent.items) >= 3 and all((i.year or 0) >= newest for i in recent.items)
    service.reset("ivo")
    older = service.send_sync("ivo", "a western, no newer stuff")  # the no turns "newer" round
    assert len(older.items) >= 3 and all(i.year and i.year <= oldest for i in older.items)
    assert all("Western" in i.genres for i in older.items)
    service.reset("ivo")
    service.send_sync("ivo", "a romantic comedy please")  # 1990s-2000s picks on screen
    fresh = service.send_sync("ivo", "what's new in sci-fi?")  # a request of its own: the catalog's newest years
    assert len(fresh.items) >= 3 and all((i.year or 0) >= newest for i in fresh.items)
    older_again = service.send_sync("ivo", "hmm, got anything older?")  # out of the newer range, not stuck in it
    assert len(older_again.items) >= 3 and all(i.year and i.year < newest for i in older_again.items)


def test_more_from_that_era_keeps_to_the_liked_films_decade(service) -> None:
    result = service.send_sync("uma", "I loved Pulp Fiction. Anything else from that era?")  # 1994
    assert len(result.items) >= 3 and all(i.year and 1990 <= i.year <= 1999 for i in result.items)
