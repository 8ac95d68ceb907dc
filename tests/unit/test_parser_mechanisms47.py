"""Mechanisms of the forty-seventh session, on sentences written for these tests (none from a benchmark
file). From fresh36's odd half (theme: time words), each written first as new sentences:

- A decade after "up to" / "until" / "hasta" is the last one wanted: its end bounds the range, nothing
  bounds it below (as "the 80s or earlier", rule 11); after a decade of its own it closes that span.
- "<genre> is out" stays a turn-down when a time follows ("thrillers are out tonight").
- "Top of the list" / "bottom of the pile" / "the one at the top" are the first and the last listed film;
  "Heat is top of my list" praises Heat.
- "WWII", "ww2", "world war one", "la segunda guerra mundial" name war films.
- A word for one kind inside a genre ("slashers", "whodunnits"), ruled out after the genre is asked for,
  leaves the genre asked for; alone it still rules the genre out.
- "<genre> for <someone>, <a clause of its own>" asks, as "<genre> for <someone>" alone does.
- "something <adjectives> that won't …" describes the film asked for: its "that" is no pronoun for the
  genre named before, so "won't make me cry" turns nothing down.
- "the <kind> one, please" with films on screen picks one of them: it asks for no new films.
- A word no dictionary knows, seven letters or more, two slips from one genre's name is that genre ("comdeys").
- A participle after an article is an adjective ("on a rented tape"), no verb before a film (*Tape*).
- Adjectives joined under one degree word ("far too loud and frantic") name no film (*Frantic*).
- A lowercase phrase after a noun's "about" is a topic ("a story about ordinary people"); "what about …"
  still asks about a film.
- Superlatives are words ("the strangest thing" is no misspelt *The Strangers*).
And from the app: "the kids want me to relax, so something dark" asked for nothing (the sentence was too
long to count as an ask, and its noun phrase after "so" did not open it).
"""

from __future__ import annotations

import pytest

from chat_rec.catalog.models import Item
from chat_rec.understanding.aspects import aspects_with_polarity
from chat_rec.understanding.parser import parse
from chat_rec.understanding.years import extract_years
from tests.unit.test_parser_mechanisms27 import aspect_world

HEAT, RONIN, COLLATERAL = 6, 2278, 8798


@pytest.fixture()
def listed(catalog):
    return [catalog.get(i) for i in (HEAT, RONIN, COLLATERAL)]


@pytest.mark.parametrize("text, bounds", [
    ("anything up to the late 80s is fine", (None, 1989)),
    ("films until the seventies please", (None, 1979)),
    ("algo hasta los ochenta", (None, 1989)),
    ("from the 60s up to the 80s", (1960, 1989)),  # a span of its own
    ("the 90s please", (1990, 1999)),
    ("I grew up in the 80s", (1980, 1989)),  # (unchanged: no "up to" before the decade)
])
def test_a_decade_after_up_to_bounds_the_range_above_only(text: str, bounds: tuple) -> None:
    assert extract_years(text, set())[:2] == bounds


@pytest.mark.parametrize("text", ["thrillers are totally out tonight", "musicals are out for now"])
def test_out_with_a_time_after_it_still_turns_the_genre_down(resolver, text: str) -> None:
    sig = parse(text, [], resolver)
    assert sig.disliked_genres and not sig.liked_genres


@pytest.mark.parametrize("text, liked, disliked", [
    ("bottom of the list looks decent, the top one not so much", [COLLATERAL], [HEAT]),
    ("the one at the top, definitely", [HEAT], []),
])
def test_top_and_bottom_of_the_list(resolver, listed, text: str, liked: list, disliked: list) -> None:
    sig = parse(text, listed, resolver)
    assert sig.liked_ids == liked and sig.disliked_ids == disliked


def test_top_of_my_list_after_a_copula_is_no_position(resolver, listed) -> None:
    assert HEAT not in parse("Ronin is top of my list", listed, resolver).liked_ids  # praise, not the first film


@pytest.mark.parametrize("text", ["got any good ww2 films?", "something about world war one",
                                  "algo de la primera guerra mundial"])
def test_world_war_words_name_war_films(resolver, text: str) -> None:
    assert parse(text, [], resolver).liked_genres == ["War"]


def test_a_narrower_kind_ruled_out_keeps_the_genre_asked_for(resolver) -> None:
    sig = parse("mysteries, just no whodunnits", [], resolver)
    assert sig.liked_genres == ["Mystery"] and not sig.disliked_genres
    assert parse("no slashers for me", [], resolver).disliked_genres == ["Horror"]  # alone it rules the genre out
    sig = parse("a war film but nothing about WWII", [], resolver)
    assert sig.liked_genres == ["War"] and not sig.disliked_genres


def test_a_genre_for_someone_then_a_clause_of_its_own_asks(resolver) -> None:
    sig = parse("Animation for my niece, she adored Spirited Away", [], resolver)
    assert sig.wants_new_recommendations and sig.liked_genres == ["Animation"]
    assert not parse("horror for me, is a no", [], resolver).wants_new_recommendations  # the predicate


def test_a_relative_that_after_something_is_no_pronoun(resolver) -> None:
    sig = parse("a western, something rugged that won't make me cry", [], resolver)
    assert sig.liked_genres == ["Western"] and not sig.disliked_genres


FILMS = [
    Item(71, "Lantern Street", 1994, ("Drama",), ("dark",), popularity=40),
    Item(72, "Meadow Song", 2003, ("Drama",), ("gentle",), popularity=30),
    Item(73, "Rest Easy", 2011, ("Comedy",), ("relaxing",), popularity=50),
]


def test_a_noun_phrase_after_so_asks_in_a_long_sentence(tmp_path) -> None:
    aspects, _ = aspect_world(FILMS, "moods47", 47, tmp_path)
    liked, _ = aspects_with_polarity("my brother insists I should relax more, so something dark", aspects)
    assert liked == ["dark"]  # only the part after "so" asks; "relax" is what the brother says
    liked, _ = aspects_with_polarity("my sister is staying over this week so something gentle", aspects)
    assert liked == ["gentle"]
    liked, _ = aspects_with_polarity("I was so tired that I slept through a dark film last night", aspects)
    assert liked == []  # "so" as a degree word opens no ask


def test_the_kind_one_please_picks_a_film_on_screen(resolver, catalog) -> None:
    listed = [catalog.get(i) for i in (1907, 2571, 1210)]  # Mulan (animated), The Matrix, Return of the Jedi
    sig = parse("the cartoon one please", listed, resolver)
    assert sig.liked_ids == [1907] and not sig.wants_new_recommendations
    assert parse("another cartoon one please", listed, resolver).wants_new_recommendations


@pytest.mark.parametrize("typed, genre", [("any good westrens", "Western"), ("documentrys about space", "Documentary"),
                                          ("the best musicles ever", "Musical")])
def test_a_genre_name_two_slips_away(resolver, typed: str, genre: str) -> None:
    assert parse(typed, [], resolver).liked_genres == [genre]


@pytest.mark.parametrize("text, not_found", [
    ("Alien. Saw it ages ago off a rented tape. More sci-fi like it?", 4888),  # Tape
    ("new films are way too loud and frantic for me", 4506),  # Frantic
    ("I'd like a quiet film about ordinary people", 1956),  # Ordinary People
    ("show me the strangest film you have", 59727),  # The Strangers
])
def test_ordinary_words_are_no_titles(resolver, text: str, not_found: int) -> None:
    assert not_found not in parse(text, [], resolver).mentioned_ids


def test_what_about_still_names_a_film(resolver) -> None:
    assert 1956 in parse("what about ordinary people?", [], resolver).mentioned_ids
