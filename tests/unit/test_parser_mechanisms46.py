"""Mechanisms of the forty-sixth session, on sentences and films written for these tests (none from a
benchmark file). Found by using the app with moods after likes of another kind:

- "I'm in the mood for a good cry" read no mood: "I'm" made the span a state of the speaker ("I'm
  exhausted"), though it starts with a want of what a film gives (``mood_words.WANTED_EFFECT``).
- "my kids want giggles this time" got Pulp Fiction and Zombieland: young children wanting a film now are
  who watches (``audience._CHILD_SUBJECT``), unlike "my son wants …" (a son may be grown up) or "the kids
  want me to …" (a want of someone else).
- "could use a laugh tonight" after liking Spirited Away got The Lord of the Rings and The Matrix among
  three funny films: a mood with no genre named now fills the page with the genres it leans to
  (``pipeline.with_lean_floor``, ``Settings.mood_genre_floor``).
"""

from __future__ import annotations

import pytest

from chat_rec.catalog.models import Item
from chat_rec.ranking import pipeline
from chat_rec.understanding.aspects import aspects_with_polarity
from chat_rec.understanding.audience import AUDIENCE_TERM
from tests.unit.test_parser_mechanisms27 import aspect_world

FILMS = [
    Item(61, "Harbor Lights", 1994, ("Drama",), ("sad",), popularity=40),
    Item(62, "The Quiet Orchard", 2003, ("Drama", "Romance"), ("sad", "tearjerker"), popularity=30),
    Item(63, "Rocket Rally", 2011, ("Action", "Sci-Fi"), (), popularity=99),
    Item(64, "Steel Comet", 2008, ("Action",), ("violent",), popularity=95),
    Item(65, "Noodle Caper", 1999, ("Comedy",), ("funny",), popularity=50),
    Item(66, "Paper Kites", 1987, ("Drama",), (), popularity=20),
    Item(67, "Uncle Bob's Barbecue", 2005, ("Comedy",), (), popularity=25),
    Item(68, "Little Sprout", 2010, ("Children", "Comedy"), ("funny",), popularity=10),
]


@pytest.fixture()
def world(tmp_path):
    return aspect_world(FILMS, "moods46", 46, tmp_path)  # popularity rules: the action films lead any list


@pytest.mark.parametrize(("text", "mood"), [
    ("I'm in the mood for a good cry", "sad"),
    ("we're up for a laugh after the week we had", "funny"),
    ("honestly I'm desperate for a giggle", "funny"),
])
def test_a_want_of_what_a_film_gives_after_i_am_is_a_mood_asked_for(world, text: str, mood: str) -> None:
    aspects, _ = world
    liked, disliked = aspects_with_polarity(text, aspects)
    assert mood in liked and not disliked


def test_how_the_speaker_is_stays_no_mood(world) -> None:
    aspects, _ = world
    liked, _ = aspects_with_polarity("I'm sad tonight, give me something violent", aspects)
    assert liked == ["violent"]


@pytest.mark.parametrize("text", [
    "my kids want a laugh tonight",
    "the grandkids are begging for something funny",
    "our two little ones need something silly",
    "los peques piden algo divertido",
])
def test_young_children_wanting_a_film_are_who_watches(world, text: str) -> None:
    aspects, _ = world
    liked, disliked = aspects_with_polarity(text, aspects)
    assert AUDIENCE_TERM in liked and AUDIENCE_TERM not in disliked


@pytest.mark.parametrize("text", [
    "my kids want me to treat myself, so something violent",
    "my son wants something violent",
    "the kids loved it years ago",
])
def test_other_wants_and_grown_children_name_no_audience(world, text: str) -> None:
    aspects, _ = world
    liked, disliked = aspects_with_polarity(text, aspects)
    assert AUDIENCE_TERM not in liked and AUDIENCE_TERM not in disliked


def test_a_mood_alone_fills_the_page_with_the_genre_it_leans_to(world) -> None:
    _, ranker = world
    sad = pipeline.Constraints(liked_aspects=("sad",), asked_aspects=("sad",))
    assert pipeline.mood_lean_genres(ranker, sad) == ("drama",)

    def picks(floor: int) -> list[int]:
        ranked = pipeline.rank(ranker, None, sad, 3, 0.0, aspect_floor=1, mood_genre_floor=floor)
        return [s.item.item_id for s in ranked]

    assert {63, 64} & set(picks(0)), "popular action films stay beside one sad film without the lean floor"
    assert set(picks(3)) == {61, 62, 66}  # the dramas: two tagged sad, one not
    named = pipeline.Constraints(asked_aspects=("sad",), liked_genres=("Comedy",))
    assert pipeline.mood_lean_genres(ranker, named) == ()
