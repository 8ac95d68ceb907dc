"""A change of mind replaces the request in force; a steer that fits keeps its topic (ranking.session).

The genres that go together come from the catalog's own genre lists (``GenreAffinity``), so the
bundled MovieLens file is read here as the app reads it.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from types import SimpleNamespace

import numpy as np
import pytest

from chat_rec.config import REPO_ROOT
from chat_rec.conversation import refining
from chat_rec.ranking.session import ActiveRequest, GenreAffinity, changes_topic, message_kind, next_request
from chat_rec.understanding.signal import PreferenceSignal as Signal


@lru_cache(maxsize=1)
def movielens() -> GenreAffinity:
    with (REPO_ROOT / "data" / "ml-latest-small" / "movies.csv").open(encoding="utf-8") as fh:
        return GenreAffinity.from_genres(row["genres"].split("|") for row in csv.DictReader(fh))


def _v(*xs: float) -> np.ndarray:
    return np.asarray(xs, dtype=np.float32)


def test_lift_counts_shared_films_against_chance() -> None:
    a = GenreAffinity.from_genres([["X", "Y"], ["X", "Y"], ["X"], ["Z"]])
    assert a.lift("X", "Y") == pytest.approx(2 * 4 / (3 * 2))  # 4/3: together more than chance
    assert a.lift("X", "Z") == 0.0 and a.lift("X", "Unknown") == 0.0
    assert a.compatible("X", "Y") and a.compatible("Z", "Z") and not a.compatible("X", "Z")


def test_the_catalog_says_which_genres_go_together() -> None:
    a = movielens()
    assert a.compatible("Action", "Sci-Fi") and a.compatible("Thriller", "Sci-Fi")  # "more action!" on sci-fi
    assert a.compatible("Romance", "Comedy") and a.compatible("Action", "War")
    assert not a.compatible("Romance", "Sci-Fi") and not a.compatible("Comedy", "Sci-Fi")
    assert not a.compatible("Animation", "Horror") and not a.compatible("Documentary", "Drama")


def test_a_stated_taste_that_does_not_fit_the_topic_is_a_change_of_mind() -> None:
    a, shown = movielens(), [7, 8]
    scifi = ActiveRequest((1.0, 0.0), ("Sci-Fi",), ("Sci-Fi",))
    romcoms = Signal(liked_genres=["Romance", "Comedy"], language="es")  # "me gustan las comedias románticas"
    assert message_kind(romcoms, shown, True, scifi, a) == "change"
    asked = Signal(liked_genres=["Western"], wants_new_recommendations=True)  # "a western instead, please"
    assert message_kind(asked, shown, True, scifi, a) == "change"
    assert message_kind(Signal(liked_genres=["Action"]), shown, True, scifi, a) == "steer"  # "more action!"
    assert message_kind(Signal(liked_genres=["Sci-Fi"]), shown, True, scifi, a) == "steer"  # "more sci-fi!"
    # a genre the message also rules out is no taste of its own ("romance? no")
    assert not changes_topic(Signal(liked_genres=["Romance"], disliked_genres=["Romance"]), scifi, a)
    # no genre topic in force (a request by title or mood): a named genre narrows it
    by_title = ActiveRequest((1.0, 0.0), (), ())
    assert message_kind(romcoms, shown, True, by_title, a) == "steer"
    assert message_kind(romcoms, shown, True, scifi, None) == "steer"  # no catalog affinity: as before


def test_a_mood_or_a_year_alone_steers_the_topic_in_force() -> None:
    a, shown = movielens(), [7, 8]
    scifi = ActiveRequest((1.0, 0.0), ("Sci-Fi",), ("Sci-Fi",))
    funnier = Signal(liked_aspects=["funny"], wants_new_recommendations=True, language="es")  # "algo más divertido"
    assert message_kind(funnier, shown, True, scifi, a) == "steer"
    assert message_kind(Signal(year_min=1990, year_max=1999, wants_new_recommendations=True),
                        shown, True, scifi, a) == "steer"
    assert message_kind(funnier, shown, True, None, a) == "new"  # the first request is new
    # a title not on screen is a request of its own
    assert message_kind(Signal(liked_ids=[3], wants_new_recommendations=True), shown, True, scifi, a) == "new"


def test_films_of_the_topic_in_force_narrow_it_and_films_of_another_start_anew() -> None:
    a, shown = movielens(), [7, 8]
    westerns = ActiveRequest((1.0, 0.0), ("Western",), ("Western",))
    liked = Signal(liked_ids=[3], disliked_ids=[4], wants_new_recommendations=True)  # "I'd rather watch X than Y"
    assert message_kind(liked, shown, True, westerns, a, named_genres=[["Drama", "Western"]]) == "steer"
    # every named film must carry the topic: one of another kind makes it a request of its own
    two = Signal(liked_ids=[3, 5], wants_new_recommendations=True)
    assert message_kind(two, shown, True, westerns, a, named_genres=[["Western"], ["Comedy", "Romance"]]) == "new"
    assert message_kind(liked, shown, True, westerns, a, named_genres=[["Comedy", "Romance"]]) == "new"
    # a film plus a genre or a mood of its own is judged by those, as before
    with_genre = Signal(liked_ids=[3], liked_genres=["Comedy"], wants_new_recommendations=True)
    assert message_kind(with_genre, shown, True, westerns, a, named_genres=[["Western"]]) == "change"
    # no genre topic in force (a request by title): nothing to narrow
    assert message_kind(liked, shown, True, ActiveRequest((1.0, 0.0), (), ()), a,
                        named_genres=[["Western"]]) == "new"


def test_the_topic_survives_steers_and_a_change_replaces_everything() -> None:
    first = next_request(None, "new", Signal(liked_genres=["War"]), _v(1, 0, 0))
    assert first.topic == ("War",)
    steered = next_request(first, "steer", Signal(liked_genres=["Action"]), _v(0, 1, 0))
    assert steered.genres == ("War", "Action") and steered.topic == ("War",)
    # Animation goes with Action a little, not with War: judged against the topic, it is a change
    animated = Signal(liked_genres=["Animation"])
    assert message_kind(animated, [], True, steered, movielens()) == "change"
    changed = next_request(steered, "change", animated, _v(0, 0, 3))
    assert changed.genres == changed.topic == ("Animation",) and changed.query == pytest.approx((0, 0, 1))
    mood = next_request(changed, "steer", Signal(liked_aspects=["funny"]), _v(1, 0, 0))
    assert mood.genres == mood.topic == ("Animation",)
    untopical = next_request(ActiveRequest((1.0, 0.0, 0.0)), "steer", Signal(liked_genres=["Crime"]), _v(0, 1, 0))
    assert untopical.topic == ("Crime",)  # the first genre named sets the topic
    assert ActiveRequest.from_dict(steered.as_dict()) == steered
    # a request saved before topics were kept: its genres are its topic
    old = ActiveRequest.from_dict({"query": None, "genres": ["Sci-Fi"]})
    assert old == ActiveRequest(None, ("Sci-Fi",), ("Sci-Fi",))


def _profile(year_min=None, year_max=None):
    return SimpleNamespace(liked_ids=(), disliked_ids=(), seen_ids=(), rejected_ids=(), excluded_genres=("Horror",),
                           year_min=year_min, year_max=year_max, shown_ids=())


def _run(profile, captured: list[str] | None = None):
    deps = SimpleNamespace(catalog=SimpleNamespace(get=lambda i: None), genre_affinity=movielens(),
                           resolver=SimpleNamespace(find_in_text=lambda text, prefer=(): []),
                           ranker=SimpleNamespace(weights=SimpleNamespace(query_turns=4)), index=None)
    return SimpleNamespace(context=SimpleNamespace(stored_profile=lambda: profile, deps=deps))


def test_a_change_of_topic_ends_the_old_year_range_but_not_the_excluded_genres() -> None:
    stored = _profile(2000, 2009)  # "sci-fi from the 2000s"
    state = {"last_items": [1], "user_text": "me gustan las comedias románticas",
             "signal": {"liked_genres": ["Romance", "Comedy"]}, "era_span": [2000, 2009]}
    c = refining.compute_constraints(state, _run(stored), reacting=False, new_topic=True)  # type: ignore[arg-type]
    assert (c["year_min"], c["year_max"], c["era_span"]) == (None, None, None)
    assert c["excluded_genres"] == ["Horror"]
    said = dict(state, signal={"liked_genres": ["Romance", "Comedy"], "year_min": 1990, "year_max": 1999})
    c = refining.compute_constraints(said, _run(stored), reacting=False, new_topic=True)  # type: ignore[arg-type]
    assert (c["year_min"], c["year_max"]) == (1990, 1999)  # a range said with the new topic stays
    steer = dict(state, signal={"liked_genres": ["Action"]}, era_span=None)
    c = refining.compute_constraints(steer, _run(stored), reacting=False)  # type: ignore[arg-type]
    assert (c["year_min"], c["year_max"]) == (2000, 2009)  # a steer keeps it


def test_a_change_of_topic_is_embedded_without_the_turns_it_leaves(monkeypatch: pytest.MonkeyPatch) -> None:
    embedded: list[str] = []
    monkeypatch.setattr(refining, "embed_query", lambda ranker, index, text: embedded.append(text) or _v(1, 0))
    history = [{"role": "user", "text": "sci-fi from the 2000s"}, {"role": "assistant", "text": "Here: Serenity"}]
    request = ActiveRequest((0.0, 1.0), ("Sci-Fi",), ("Sci-Fi",)).as_dict()
    state = {"history": history, "request": request, "last_items": [1], "user_text": "I like romantic comedies",
             "signal": {"liked_genres": ["Romance", "Comedy"]}}
    active, kind = refining.active_request(state, _run(_profile()))  # type: ignore[arg-type]
    assert kind == "change" and embedded == ["I like romantic comedies"] and active.genres == ("Romance", "Comedy")
    state = dict(state, user_text="more action!", signal={"liked_genres": ["Action"]})
    active, kind = refining.active_request(state, _run(_profile()))  # type: ignore[arg-type]
    assert kind == "steer" and "sci-fi from the 2000s" in embedded[-1] and active.topic == ("Sci-Fi",)


def test_a_mood_changes_the_topic_when_its_films_belong_to_other_genres() -> None:
    a = movielens()
    rows = {name: [r for r, g in enumerate(a.film_genres) if name in g] for name in ("Children", "Comedy")}
    mystery = ActiveRequest((1.0, 0.0), ("Mystery",), ("Mystery",))
    kids = Signal(liked_aspects=["kids"], wants_new_recommendations=True)  # "something my kids can watch"
    assert not a.films_fit(rows["Children"], mystery.topic)
    assert message_kind(kids, [], True, mystery, a, rows["Children"]) == "change"
    romcoms = ActiveRequest((1.0, 0.0), ("Comedy", "Romance"), ("Comedy", "Romance"))
    funnier = Signal(liked_aspects=["funny"], wants_new_recommendations=True)  # "algo más divertido"
    assert a.films_fit(rows["Comedy"], romcoms.topic)
    assert message_kind(funnier, [], True, romcoms, a, rows["Comedy"]) == "steer"
    assert message_kind(kids, [], True, mystery, a, []) == "steer"  # no tagged films: nothing to judge by


def test_a_mood_that_changes_the_topic_keeps_the_stated_years(monkeypatch: pytest.MonkeyPatch) -> None:
    a = movielens()
    children = np.asarray([1.0 if "Children" in g else 0.0 for g in a.film_genres], dtype=np.float32)
    monkeypatch.setattr(refining, "embed_query", lambda ranker, index, text: _v(1, 0))
    run = _run(_profile(1990, 1999))
    run.context.deps.aspects = SimpleNamespace(tagged=lambda phrase: children)
    request = ActiveRequest((0.0, 1.0), ("Mystery",), ("Mystery",)).as_dict()
    state = {"history": [], "request": request, "last_items": [1], "user_text": "something my kids can watch",
             "signal": {"liked_aspects": ["kids"], "wants_new_recommendations": True}}
    out = refining.refine(state, run)  # type: ignore[arg-type]
    assert out["request"]["topic"] == [] and out["request"]["genres"] == []  # the mystery topic ended
    assert (out["constraints"]["year_min"], out["constraints"]["year_max"]) == (1990, 1999)  # the 90s did not
    genres = dict(state, user_text="I like animated films", signal={"liked_genres": ["Animation"]})
    out = refining.refine(genres, run)  # type: ignore[arg-type]
    assert out["request"]["topic"] == ["Animation"] and out["constraints"]["year_min"] is None


def test_a_request_by_titles_takes_its_topic_from_the_picks_on_screen():
    """No genre was named ("I loved Interstellar"): the genres most picks on screen share stand for
    the topic; a genre that fits none of them is a change of mind."""
    from chat_rec.ranking.session import ActiveRequest, with_shown_topic

    by_title = ActiveRequest(None, (), ())
    judged = with_shown_topic(by_title, [("Action", "Sci-Fi"), ("Action", "Adventure"), ("Action", "Drama")])
    assert judged is not None and judged.topic == ("Action",)
    assert with_shown_topic(by_title, []) is by_title  # nothing on screen: no topic
    with_genres = ActiveRequest(None, ("Comedy",), ("Comedy",))
    assert with_shown_topic(with_genres, [("Action",)]) is with_genres  # a named topic stays
    assert with_shown_topic(by_title, [("Action",), ("Drama",), ("Comedy",)]) is by_title  # no majority


def test_a_request_by_title_seeds_the_item_item_signals_until_a_new_request() -> None:
    like_amelie = next_request(None, "new", Signal(liked_ids=[4973], wants_new_recommendations=True), _v(1, 0, 0),
                               named=[4973])
    assert like_amelie.seeds == (4973,)
    # a film liked while that request is in force joins its seeds; a rejected one leaves them
    reacted = next_request(like_amelie, "react", Signal(liked_ids=[7], disliked_ids=[4973]), None)
    assert reacted.seeds == (7,)
    # a request by genre has no seeds: every liked film counts, as before
    westerns = next_request(reacted, "new", Signal(liked_genres=["Western"], wants_new_recommendations=True),
                            _v(0, 1, 0))
    assert westerns.seeds == () and next_request(westerns, "react", Signal(liked_ids=[9]), None).seeds == ()
    # the seeds survive the graph state's JSON round trip; an older state without them has none
    assert ActiveRequest.from_dict(like_amelie.as_dict()) == like_amelie
    assert ActiveRequest.from_dict({"query": None, "genres": ["Western"]}).seeds == ()


def test_a_change_of_topic_leaves_the_films_liked_before_behind() -> None:
    comedy = ActiveRequest((1.0, 0.0), ("Comedy",), ("Comedy",))
    sad = Signal(liked_aspects=["sad"], wants_new_recommendations=True)
    after = next_request(comedy, "change", sad, _v(0.0, 1.0), earlier={11, 12, 13})
    assert after.left == (11, 12, 13)
    # a film the changing message names itself is a seed of the new topic, not left behind
    named = next_request(comedy, "change", Signal(liked_ids=[12], wants_new_recommendations=True), _v(0.0, 1.0),
                         named=[12], earlier={11, 12})
    assert named.left == (11,) and named.seeds == (12,)
    # steers, reactions and new requests keep what was left; naming a left film again brings it back
    assert next_request(after, "steer", Signal(liked_aspects=["slow"]), _v(0.5, 0.5)).left == (11, 12, 13)
    assert next_request(after, "react", Signal(liked_ids=[20]), None).left == (11, 12, 13)
    again = next_request(after, "new", Signal(liked_ids=[12], wants_new_recommendations=True), _v(1.0, 0.0),
                         named=[12])
    assert again.left == (11, 13)
    # only a change by a mood the message asks for: a mood read from a remark ("that one was
    # interesting") or a change by genres (held by the genre boost and floor) leaves nothing
    remark = Signal(liked_aspects=["interesting"])
    assert next_request(comedy, "change", remark, _v(0.0, 1.0), earlier={11}).left == ()
    westerns = Signal(liked_genres=["Western"], wants_new_recommendations=True)
    assert next_request(comedy, "change", westerns, _v(0.0, 1.0), earlier={11}).left == ()
    # a first request leaves none
    assert next_request(comedy, "new", sad, _v(0.0, 1.0), earlier={11}).left == ()
    assert next_request(None, "change", sad, _v(0.0, 1.0)).left == ()


def test_what_was_left_behind_survives_the_checkpoint() -> None:
    request = ActiveRequest((1.0, 0.0), ("Drama",), ("Drama",), (), (3, 4))
    assert ActiveRequest.from_dict(request.as_dict()) == request
    saved_before = {"query": [1.0, 0.0], "genres": ["Drama"], "topic": ["Drama"], "seeds": []}
    assert ActiveRequest.from_dict(saved_before).left == ()  # a state saved before this field


def test_a_request_by_titles_is_judged_by_the_genres_its_films_share_not_the_picks_extra_ones() -> None:
    """"I loved The Hangover and Superbad" showed comedies, three of them romantic: a sad mood then
    leaves the comedies (the films named share no romance), though its films carry romance often."""
    from chat_rec.ranking.session import classify

    affinity = GenreAffinity.from_genres([["Comedy"], ["Comedy", "Romance"], ["Comedy", "Romance"],
                                          ["Drama", "Romance"], ["Drama", "Romance"], ["Drama"], ["Action"],
                                          ["Horror"], ["Comedy", "Crime"], ["Drama"]])
    aspects = SimpleNamespace(tagged=lambda phrase: np.isin(np.arange(10), [3, 4, 5]))  # the sad films
    genres = {1: ("Comedy", "Crime"), 2: ("Comedy",), 10: ("Comedy", "Romance"), 11: ("Comedy", "Romance"),
              12: ("Comedy",)}
    sad = Signal(liked_aspects=["sad"], wants_new_recommendations=True)
    by_titles = ActiveRequest(None, (), (), (1, 2))
    assert classify(by_titles, sad, "now something sad", [10, 11, 12], genres.get, affinity, aspects)[0] == "change"
    # with no films named, the picks on screen stand for the topic, romance included: the mood fits it
    by_mood = ActiveRequest(None, (), ())
    assert classify(by_mood, sad, "now something sad", [10, 11, 12], genres.get, affinity, aspects)[0] == "steer"
