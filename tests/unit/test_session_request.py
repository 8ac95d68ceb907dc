"""The request in force (ranking.session): reactions keep it, steers fold into it, new requests replace it."""

from __future__ import annotations

import numpy as np
import pytest

from chat_rec.ranking.constraints import carried_aspects
from chat_rec.ranking.session import ActiveRequest, message_kind, next_request
from chat_rec.understanding.signal import PreferenceSignal as Signal


def _v(*xs: float) -> np.ndarray:
    return np.asarray(xs, dtype=np.float32)


def test_message_kinds() -> None:
    shown = [7, 8]
    assert message_kind(Signal(liked_genres=["Comedy"], wants_new_recommendations=True), shown, True) == "new"
    assert message_kind(Signal(liked_genres=["Sci-Fi"]), shown, True) == "steer"  # "more sci-fi!"
    assert message_kind(Signal(liked_ids=[8]), shown, True) == "react"  # "the second one looks good"
    assert message_kind(Signal(liked_ids=[3], wants_new_recommendations=True), shown, True) == "new"  # a title named
    assert message_kind(Signal(wants_new_recommendations=True), shown, True) == "react"  # "anything else?"
    assert message_kind(Signal(disliked_genres=["Drama"]), shown, True) == "react"  # "not so much drama"
    assert message_kind(Signal(liked_genres=["Comedy"]), shown, False) == "react"  # a button has no words
    assert message_kind(Signal(year_min=1990, wants_new_recommendations=True), shown, True) == "new"


def test_reactions_keep_the_query_and_genres_of_the_request() -> None:
    first = next_request(None, "new", Signal(liked_genres=["Sci-Fi", "Drama"]), _v(1, 0, 0))
    assert first.genres == ("Sci-Fi", "Drama") and first.query == pytest.approx((1, 0, 0))
    kept = next_request(first, "react", Signal(liked_ids=[8]), None)
    assert kept == first  # "anything else?" is not embedded as the next query
    fewer = next_request(first, "react", Signal(disliked_genres=["Drama"]), None)
    assert fewer.genres == ("Sci-Fi",) and fewer.query == first.query


def test_a_steer_mixes_in_and_a_new_request_replaces() -> None:
    first = next_request(None, "new", Signal(liked_genres=["Sci-Fi"]), _v(1, 0, 0))
    steered = next_request(first, "steer", Signal(liked_genres=["Comedy"]), _v(0, 1, 0))
    assert steered.genres == ("Sci-Fi", "Comedy")
    q = np.asarray(steered.query)
    assert np.linalg.norm(q) == pytest.approx(1.0) and q[0] == pytest.approx(q[1]) and q[0] > 0
    fresh = next_request(steered, "new", Signal(liked_genres=["Horror"]), _v(0, 0, 2))
    assert fresh.genres == ("Horror",) and fresh.query == pytest.approx((0, 0, 1))
    assert ActiveRequest.from_dict(fresh.as_dict()) == fresh and ActiveRequest.from_dict(None) is None


def test_the_mood_carries_through_reactions_and_drops_on_a_new_request() -> None:
    previous = {"liked": ["dark"], "disliked": []}
    assert carried_aspects(Signal(liked_ids=[8]), previous, fresh_request=False) == (("dark",), ())
    assert carried_aspects(Signal(liked_genres=["Comedy"]), previous, fresh_request=True) == ((), ())
    assert carried_aspects(Signal(liked_aspects=["funny"]), previous, fresh_request=False) == (("funny",), ())


def test_a_relative_era_alone_keeps_the_request_in_force() -> None:
    shown = [7, 8]
    older = Signal(era="older", wants_new_recommendations=True)  # "something older?", "algo más antiguo"
    assert message_kind(older, shown, True) == "react"
    first = next_request(None, "new", Signal(liked_genres=["Comedy", "Romance"]), _v(0, 1, 0))
    after = next_request(first, message_kind(older, shown, True), older, _v(1, 0, 0))
    assert after.genres == ("Comedy", "Romance") and after.query == first.query
    # with a preference of its own it is a new request as before
    assert message_kind(Signal(era="newer", liked_genres=["Western"], wants_new_recommendations=True),
                        shown, True) == "new"


def test_era_words_are_not_read_as_moods() -> None:
    from chat_rec.understanding.aspects import era_phrase_words

    assert "older" in era_phrase_words("Hmm, maybe something older?")
    assert {"mas", "antiguas"} <= set(era_phrase_words("¿Tienes algo con películas más antiguas?"))
    assert {"too", "old"} <= set(era_phrase_words("These feel too old for me"))
    assert era_phrase_words("a dark, slow-burn mystery") == []


@pytest.mark.parametrize("text", ["more action!", "Less gore please", "Algo más divertido", "Now more sci-fi",
                                  "un poco menos violenta", "y más comedia, porfa",
                                  # a comparative may open any clause (twenty-seventh session)
                                  "no horror please, something more upbeat", "Fine. Something less bleak now",
                                  "ya vi esas, dame algo más ligero", "ok but less talky"])
def test_asking_for_more_or_less_of_something_is_relative(text: str) -> None:
    from chat_rec.understanding.intent import relative_ask

    assert relative_ask(text)


@pytest.mark.parametrize("text", ["more like Heat", "More than anything I want a western", "something funny",
                                  "Más que nada quiero un drama", "I want more of a comedy than a drama",
                                  "something more like Alien", "no more horror", "I liked it more than Heat",
                                  "one more please", "algo más que una comedia"])
def test_other_messages_are_not_relative(text: str) -> None:
    from chat_rec.understanding.intent import relative_ask

    assert not relative_ask(text)


def test_a_relative_request_steers_unless_it_names_films() -> None:
    shown = [7, 8]
    asked = Signal(liked_genres=["Action"], wants_new_recommendations=True)  # "more action!" read as a request
    assert message_kind(asked, shown, True, relative=True) == "steer"
    assert message_kind(asked, shown, True) == "new"
    named = Signal(liked_ids=[3], liked_genres=["Action"], wants_new_recommendations=True)
    assert message_kind(named, shown, True, relative=True) == "new"  # "more action, like Heat"
