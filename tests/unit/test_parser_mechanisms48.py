"""Mechanisms of the forty-eighth session, on sentences written for these tests (none from a benchmark
file), found by probing how people point at the films on screen:

- "any of them / those" is the whole list when a film is set apart from it ("I'd watch any of those except
  Heat"), as "all of them" is: the rest are taken up and the exception turned down. A request for other
  films ("anything with De Niro except Heat") still only sets the film apart.
- "besides" / "other than" right after a word for the whole list set a film apart from it ("all of them
  besides Ronin look great"); "besides, I loved Heat" still adds.
- "but" after a whole list is "except" only when no verb of its own follows it: "I'd watch all of them but
  Heat is my favourite" is a contrast.
- A position counted from the end in words: "the one before last", "next to last", "third from the bottom",
  "la antepenúltima", "la anterior a la última".
- "the one before" / "the one after" with nothing after them but a verdict is the neighbour of the film named
  last.
- A lowercase one-word title of a listed film is read where the same word would be read with no list ("i saw
  heat as a kid"), and before a comma and a verdict ("heat, loved it").
- "the older two", "the two newer ones", "las dos más nuevas": listed films picked by their years, no era wish
  ("la más vieja" too: an article before "más" makes it a superlative); "algo más nuevo" is one.
- "let's do number 2", "I'll do the third": taking a listed film up; "we'd watch", "we would see" mean to watch, as
  "I'd watch" does.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse

HEAT, RONIN, COLLATERAL = 6, 2278, 8798
CORALINE, SIXTH_SENSE, SLEEPY_HOLLOW = 66097, 2762, 3081


@pytest.fixture()
def listed(catalog):
    return [catalog.get(i) for i in (HEAT, RONIN, COLLATERAL)]


@pytest.fixture()
def spooky(catalog):
    return [catalog.get(i) for i in (CORALINE, SIXTH_SENSE, SLEEPY_HOLLOW)]


@pytest.mark.parametrize("text, liked, disliked", [
    ("i'd watch any of them except Heat", [RONIN, COLLATERAL], [HEAT]),
    ("we'd happily watch any of those except for the last", [HEAT, RONIN], [COLLATERAL]),
    ("any one of them except Ronin sounds great", [HEAT, COLLATERAL], [RONIN]),
    ("all of them besides ronin look great", [HEAT, COLLATERAL], [RONIN]),
    ("all of them other than the first look great", [RONIN, COLLATERAL], [HEAT]),
    ("id see any of them besides the last", [HEAT, RONIN], [COLLATERAL]),
    ("any but the first would be great", [RONIN, COLLATERAL], [HEAT]),
    ("loved all of em but the last", [HEAT, RONIN], [COLLATERAL]),
])
def test_a_film_set_apart_from_the_whole_list(resolver, listed, text, liked, disliked) -> None:
    sig = parse(text, listed, resolver)
    assert sorted(sig.liked_ids) == sorted(liked) and sorted(sig.disliked_ids) == sorted(disliked)


def test_spanish_any_with_an_exception(resolver, spooky) -> None:
    sig = parse("cualquiera menos la última me encantaría", spooky, resolver)
    assert sorted(sig.liked_ids) == sorted([CORALINE, SIXTH_SENSE]) and sig.disliked_ids == [SLEEPY_HOLLOW]


@pytest.mark.parametrize("text", [
    "I'd watch any of them but Heat is my favourite",
    "I'd watch all of them but Heat is my favourite",
])
def test_but_before_a_clause_of_its_own_is_a_contrast(resolver, listed, text) -> None:
    sig = parse(text, listed, resolver)
    assert HEAT in sig.liked_ids and not sig.disliked_ids


def test_a_request_that_sets_a_film_apart_judges_nothing(resolver, listed) -> None:
    sig = parse("anything with de niro except heat", listed, resolver)
    assert not sig.liked_ids and not sig.disliked_ids


def test_besides_as_an_addition_still_adds(resolver, listed) -> None:
    assert sorted(parse("besides heat, i loved ronin", listed, resolver).liked_ids) == sorted([HEAT, RONIN])


@pytest.mark.parametrize("text, liked", [
    ("the one before last sounds good", RONIN),
    ("next to last looks great", RONIN),
    ("third from the bottom looks great", HEAT),
    ("the second to last one is great", RONIN),  # (unchanged: read word by word)
])
def test_positions_counted_from_the_end(resolver, listed, text, liked) -> None:
    assert parse(text, listed, resolver).liked_ids == [liked]


@pytest.mark.parametrize("text, liked", [
    ("me encanta la anterior a la última", SIXTH_SENSE),
    ("la antepenúltima me gusta", CORALINE),
])
def test_spanish_positions_counted_from_the_end(resolver, spooky, text, liked) -> None:
    assert parse(text, spooky, resolver).liked_ids == [liked]


def test_from_the_end_needs_a_long_enough_list(resolver, catalog) -> None:
    two = [catalog.get(HEAT), catalog.get(RONIN)]
    assert not parse("third from the bottom looks great", two, resolver).liked_ids


@pytest.mark.parametrize("text, liked, disliked", [
    ("the last one was great, the one before not so much", [COLLATERAL], [RONIN]),
    ("the second one is great, the one after was boring", [RONIN], [COLLATERAL]),
])
def test_the_neighbour_with_only_its_verdict_after_it(resolver, listed, text, liked, disliked) -> None:
    sig = parse(text, listed, resolver)
    assert sig.liked_ids == liked and sig.disliked_ids == disliked


@pytest.mark.parametrize("text", [
    "i saw heat as a kid and it was great",
    "heat, loved it",
    "the first time i saw heat i loved it",
])
def test_a_listed_lowercase_word_title_where_a_title_stands(resolver, listed, text) -> None:
    assert parse(text, listed, resolver).liked_ids == [HEAT]


@pytest.mark.parametrize("text", ["the heat of the moment", "too much heat in that kitchen", "i'm up for anything"])
def test_a_listed_word_inside_a_phrase_is_a_word(resolver, listed, text) -> None:
    assert not parse(text, listed, resolver).liked_ids


@pytest.mark.parametrize("text, liked", [
    ("let's do number 2", RONIN),
    ("lets do #3", COLLATERAL),
    ("i'll do the first", HEAT),
])
def test_doing_a_listed_film_takes_it_up(resolver, listed, text, liked) -> None:
    assert parse(text, listed, resolver).liked_ids == [liked]


def test_doing_something_else_takes_nothing_up(resolver, listed) -> None:
    assert not parse("let's do something else", listed, resolver).liked_ids


@pytest.mark.parametrize("text, liked", [
    ("the older two look good", [HEAT, RONIN]),
    ("the two newer ones look good", [RONIN, COLLATERAL]),
    ("las dos más nuevas me gustan", [RONIN, COLLATERAL]),
    ("the older one looks good", [HEAT]),
    ("la más vieja me gusta", [HEAT]),
])
def test_films_on_screen_picked_by_their_years_are_no_era_wish(resolver, listed, text, liked) -> None:
    sig = parse(text, listed, resolver)
    assert sorted(sig.liked_ids) == sorted(liked) and sig.era is None


def test_picked_by_year_needs_a_cut_between_years(resolver, spooky) -> None:
    assert not parse("the oldest one looks good", spooky, resolver).liked_ids  # two of the three are from 1999
    older = parse("the older two look good", spooky, resolver).liked_ids
    assert sorted(older) == sorted([SIXTH_SENSE, SLEEPY_HOLLOW])


@pytest.mark.parametrize("text, era", [
    ("algo más nuevo porfa", "newer"),
    ("algo más moderno, por favor", "newer"),
    ("something older please", "older"),
    ("these are too old, any newer ones?", "newer"),
])
def test_era_wishes_still_read(resolver, listed, text, era) -> None:
    assert parse(text, listed, resolver).era == era
