"""Verdict words of the forty-fourth session, from fresh33's odd half, each rewritten in other words first
(sentences written for these tests, none from a benchmark or request file).

- "leave(s)/left me (or my husband) cold" and "can't be doing (with)" say a dislike.
- "X is in" / "2 and 3 are in" closing a clause is a yes to listed films; "looks delish" a like.
  "are in French" goes on and says nothing.
"""

from __future__ import annotations

import pytest

HEAT, RONIN, COLLATERAL, GOODFELLAS = 6, 2278, 8798, 1213
LISTED = (HEAT, RONIN, COLLATERAL, GOODFELLAS)


def _read(resolver, catalog, text: str, listed: bool = False):
    from chat_rec.understanding.extractor import Extractor

    previous = [catalog.get(i) for i in LISTED] if listed else []
    reply = "Some picks: Heat, Ronin, Collateral, Goodfellas." if listed else ""
    return Extractor(resolver, None).extract(text, reply, previous)


@pytest.mark.parametrize(("text", "genre"), [
    ("Period dramas have always left me cold.", "Drama"),
    ("horror leaves my husband cold, so no scares", "Horror"),
    ("Musicals, I can't be doing with them. Something else?", "Musical"),
    ("westerns i cant be doing", "Western"),
])
def test_dislike_idioms(resolver, catalog, text, genre) -> None:
    sig = _read(resolver, catalog, text)
    assert sig.disliked_genres == [genre]
    assert sig.liked_genres == []


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("2 and 3 are in", [RONIN, COLLATERAL], []),
    ("Ronin is in, Heat not so much", [RONIN], [HEAT]),
    ("number four looks delish", [GOODFELLAS], []),
    ("the first two are in french", [], []),
])
def test_in_and_delish(resolver, catalog, text, liked, disliked) -> None:
    sig = _read(resolver, catalog, text, listed=True)
    assert sorted(sig.liked_ids) == sorted(liked)
    assert sorted(sig.disliked_ids) == sorted(disliked)


@pytest.mark.parametrize(("text", "asks"), [
    ("Could you name a couple of westerns?", True),
    ("can u list some spy movies", True),
    ("Would you think of something funny for tonight", True),
    ("I like westerns. Could you help me out?", True),
    ("can you help me pick a film", True),
    ("Do you happen to know of any good heist films?", True),
    ("do you know any of the actors in it?", False),
    ("Can you name the actor in Heat?", False),
    ("can you help me understand the ending of Inception?", False),
])
def test_asking_frames(resolver, catalog, text, asks) -> None:
    """Asking someone to name, list, think of films, to help pick, or whether they know of any (seen in ReDial
    dev turns the rules missed; written here in other words)."""
    assert _read(resolver, catalog, text).wants_new_recommendations is asks
