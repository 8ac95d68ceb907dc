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
And from fresh37's odd half (theme: pointing at the list), each written first as new sentences:

- Scots negators: "nae" for "no", "-nae" for "n't" ("nae musicals", "we dinnae like horror").
- "happy with" a listed film takes it up ("I'd be happy with either"); "not happy with" turns it down.
- "my number one" is a favourite, no list position.
- "top one and bottom one": a position word after "and" picks as after "the".
- Chat "2" for "too" after a negator or a degree word ("nothing 2 sappy"); "not 2 hours" stays a number.
- "the same <quality> as <title>" and "the closest thing to <title>" ask for films like it.
- An ordinal right before a numbered series' title is that film of the series ("the third toy story"); a
  sequel the catalog holds under another name gives no film ("the second alien"); an ordinal before a full
  stop is a list position, not the next title's number.
- A subtitled series counted by its place ("the 4th harry potter", "pirates of the caribbean 2"): films
  sharing a name before a subtitle, in release order, from the catalog's own titles.
- A film set apart and then given a reason of having been seen ("except the second, which I saw, they all
  look great") is seen, not turned down.
- "the second part of <title>" / "la segunda parte de <title>" is the sequel; "the second part of Heat" is a
  stretch of the film.
- "ok the cartoon one": a filler before the article still leaves a description of a listed film.
- A position "from your earlier batch" / "de la lista anterior" points at no film on screen.
- "I'd have no objection to <a genre>": opposition denied, a like and an ask.
- A short message opening with a genre and a relative clause of what it should be ("horror that's not too
  gory", "un drama que no sea largo") asks for films.
- "it's not that musicals are bad": the genre is no intensity qualifier ("not that scary" still is).
- Chat spellings "luvd", "h8d"; "n" between words is "and"; a lone letter ends no misspelt title.
- Rioplatense "re" before a verb or adjective intensifies ("me re gustó", "es re buena"); "lindo/linda" praise,
  "me copan"; "me la anoto" means to watch it.
- A bare pick by place: "just the one in the middle", "one and three".
- "cualquiera menos la primera" takes up the films on screen but one: no ask for new ones ("lo que sea menos
  terror" still asks). Found in the browser, with "me re copan", which read no verdict.
- "let's do number 2", "I'll do the third": taking a listed film up; "we'd watch", "we would see" mean to watch, as
  "I'd watch" does.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.own_mentions import asked_like_films
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


@pytest.mark.parametrize("text, disliked", [
    ("nae musicals please", ["Musical"]),
    ("we dinnae like horror much", ["Horror"]),
    ("i cannae stand westerns", ["Western"]),
])
def test_scots_negators(resolver, text, disliked) -> None:
    sig = parse(text, [], resolver)
    assert sig.disliked_genres == disliked and not sig.liked_genres


def test_happy_with_takes_films_up(resolver, catalog, listed) -> None:
    two = [catalog.get(HEAT), catalog.get(RONIN)]
    assert sorted(parse("honestly I'd be happy with either", two, resolver).liked_ids) == sorted([HEAT, RONIN])
    assert parse("i'm happy with the third", listed, resolver).liked_ids == [COLLATERAL]
    assert parse("not happy with the third", listed, resolver).disliked_ids == [COLLATERAL]


def test_my_number_one_is_a_favourite(resolver, listed) -> None:
    sig = parse("my number one is Fargo, anything in that spirit?", listed, resolver)
    assert HEAT not in sig.liked_ids + sig.disliked_ids and 608 in sig.mentioned_ids
    assert parse("number one looks good", listed, resolver).liked_ids == [HEAT]


def test_position_word_after_and(resolver, listed) -> None:
    sig = parse("the first one and bottom one sound fun", listed, resolver)
    assert sorted(sig.liked_ids) == sorted([HEAT, COLLATERAL])


@pytest.mark.parametrize("text, liked", [
    ("romance pls nothing 2 sappy", ["Romance"]),
    ("a bit of sci-fi, not 2 dark", ["Sci-Fi"]),
])
def test_chat_two_for_too(resolver, text, liked) -> None:
    sig = parse(text, [], resolver)
    assert sig.liked_genres == liked and not sig.disliked_genres


def test_two_before_a_counted_noun_stays_a_number(resolver, listed) -> None:
    assert not parse("not 2 of them", listed, resolver).disliked_ids


@pytest.mark.parametrize("text, liked", [
    ("something with the same gentle pace as Stand by Me", 1259),
    ("what's the closest thing to Jurassic Park you have?", 480),
    ("algo con el mismo humor que Fargo", 608),
])
def test_likeness_by_a_shared_quality(resolver, text, liked) -> None:
    assert asked_like_films(text, resolver) == [liked]


def test_not_the_same_as_asks_for_nothing(resolver) -> None:
    assert asked_like_films("Fargo is not the same as Heat", resolver) == []


@pytest.mark.parametrize("text, liked", [
    ("the second Paddington was even better", [178827]),
    ("the third toy story made me cry", [78499]),
    ("the first Paddington was lovely", [117887]),
    ("the second godfather is the best", [1221]),
])
def test_an_ordinal_before_a_numbered_series_title(resolver, text, liked) -> None:
    assert parse(text, [], resolver).liked_ids == liked


def test_a_sequel_under_another_name_is_not_guessed(resolver) -> None:
    assert parse("the second alien was better", [], resolver).liked_ids == []


def test_an_ordinal_before_a_full_stop_is_a_position(resolver, catalog) -> None:
    shown = [catalog.get(i) for i in (HEAT, RONIN, 608)]
    sig = parse("Not the second. Fargo I loved.", shown, resolver)
    assert (sig.liked_ids, sig.disliked_ids) == ([608], [RONIN])


@pytest.mark.parametrize("text, liked", [
    ("the 4th harry potter is the best one", [40815]),
    ("pirates of the caribbean 2 was great", [45722]),
    ("the second lord of the rings was great", [5952]),
    ("indiana jones three was great", [1291]),
])
def test_a_subtitled_series_counted_by_its_place(resolver, text, liked) -> None:
    assert parse(text, [], resolver).liked_ids == liked


@pytest.mark.parametrize("text", ["i watched harry potter 3 times, loved it", "i loved harry potter"])
def test_a_series_name_without_a_place_names_no_film(resolver, text) -> None:
    assert parse(text, [], resolver).liked_ids == []


def test_franchises_come_from_the_catalog_titles(resolver) -> None:
    franchises = resolver.series.franchises
    assert franchises["harry potter"][:2] == [4896, 5816]
    assert franchises["indiana jones"][0] == 1198  # "Raiders of the Lost Ark" by its alternative title
    assert "x men" not in franchises  # "X2: X-Men United" is a film of the name the subtitle rule does not count
    assert "lord of the rings" in franchises and 2116 not in franchises["lord of the rings"]  # the 1978 film


@pytest.mark.parametrize("text, liked, seen, disliked", [
    ("except the second, which I saw, they all look great", [HEAT, COLLATERAL], [RONIN], []),
    ("they all look great except Heat, which i've already watched", [RONIN, COLLATERAL], [HEAT], []),
    ("all look good except the second, which I hated", [HEAT, COLLATERAL], [], [RONIN]),
    ("except the second, they all look great", [HEAT, COLLATERAL], [], [RONIN]),
])
def test_a_film_set_apart_because_it_was_seen(resolver, listed, text, liked, seen, disliked) -> None:
    sig = parse(text, listed, resolver)
    assert (sorted(sig.liked_ids), sig.seen_ids, sig.disliked_ids) == (sorted(liked), seen, disliked)


@pytest.mark.parametrize("text, liked, mentioned", [
    ("Is the second part of Paddington any good? The first one was lovely.", [117887], 178827),
    ("¿Vale la pena la segunda parte de Toy Story? La primera me pareció lindísima.", [1], 3114),
])
def test_the_nth_part_of_a_title(resolver, text, liked, mentioned) -> None:
    sig = parse(text, [], resolver)
    assert sig.liked_ids == liked and mentioned in sig.mentioned_ids


def test_part_of_a_film_outside_a_series_keeps_the_film(resolver) -> None:
    assert parse("the second part of Heat was slow", [], resolver).mentioned_ids == [HEAT]


def test_a_filler_before_a_description(resolver, catalog) -> None:
    shown = [catalog.get(i) for i in (1, 1221, 2762)]  # Toy Story, The Godfather: Part II, The Sixth Sense
    assert parse("ok the cartoon one it is, my niece will adore it", shown, resolver).liked_ids == [1]
    assert parse("yeah the mafia one please", shown, resolver).liked_ids == [1221]


@pytest.mark.parametrize("text", [
    "none of these. the second one from your previous list was great though",
    "la primera de la lista anterior me gustó más",
])
def test_a_position_in_an_earlier_list_names_no_film_on_screen(resolver, listed, text) -> None:
    assert not parse(text, listed, resolver).liked_ids


def test_a_position_in_this_list_still_counts(resolver, listed) -> None:
    assert parse("the last one from this list is great", listed, resolver).liked_ids == [COLLATERAL]


def test_no_objection_is_a_like_and_an_ask(resolver) -> None:
    sig = parse("I'd have no objection to a western tonight", [], resolver)
    assert sig.liked_genres == ["Western"] and sig.wants_new_recommendations


@pytest.mark.parametrize("text, asks", [
    ("horror thats not too gory", True),
    ("un drama que no sea muy largo", True),
    ("a thriller that is clever", True),
    ("westerns that i saw as a kid were great", False),
    ("no horror that is gory", False),
])
def test_a_genre_described_by_a_relative_clause(resolver, text, asks) -> None:
    assert parse(text, [], resolver).wants_new_recommendations is asks


def test_not_that_before_a_genre_and_its_verb_is_no_qualifier(resolver) -> None:
    sig = parse("it's not that musicals are bad, they're just not for me", [], resolver)
    assert sig.disliked_genres == ["Musical"]
    assert parse("a comedy, not that silly", [], resolver).disliked_genres == []


@pytest.mark.parametrize("text, liked", [
    ("saw alien with my son and he luvd it", [1214]),
    ("watchd jurrasic park w my son n he luvd it", [480]),  # not Jurassic Park III ("park w")
])
def test_chat_spellings(resolver, text, liked) -> None:
    assert parse(text, [], resolver).liked_ids == liked


@pytest.mark.parametrize("text, liked", [
    ("la primera me re gustó", [HEAT]),
    ("la segunda es re buena", [RONIN]),
    ("la tercera está linda", [COLLATERAL]),
    ("la primera me la anoto", [HEAT]),
])
def test_rioplatense_praise(resolver, listed, text, liked) -> None:
    assert parse(text, listed, resolver).liked_ids == liked


@pytest.mark.parametrize("text, liked", [
    ("just the one in the middle", [RONIN]),
    ("the one at the top", [HEAT]),
    ("one and three", [HEAT, COLLATERAL]),
])
def test_bare_picks_by_place(resolver, listed, text, liked) -> None:
    assert sorted(parse(text, listed, resolver).liked_ids) == sorted(liked)


def test_the_middle_of_something_else_takes_nothing_up(resolver, listed) -> None:
    assert not parse("i am in the middle of moving house", listed, resolver).liked_ids


def test_the_newer_ones_uncounted_are_a_kind_not_a_pick(resolver, listed) -> None:
    sig = parse("the newer ones please", listed, resolver)
    assert not sig.liked_ids and sig.era == "newer"


def test_the_nth_part_of_a_subtitled_series_spans_its_words(resolver) -> None:
    (mention,) = resolver.find_in_text("the second part of harry potter was dull")
    assert (mention.item_id, mention.text) == (5816, "second part of harry potter")


def test_rioplatense_copar(resolver, listed) -> None:
    assert sorted(parse("las dos primeras me re copan", listed, resolver).liked_ids) == sorted([HEAT, RONIN])
    assert parse("la tercera no me copa", listed, resolver).disliked_ids == [COLLATERAL]
    assert not parse("ganamos la copa", listed, resolver).liked_ids


def test_any_but_a_listed_position_is_no_request(resolver, listed) -> None:
    sig = parse("cualquiera menos la primera me encantaría", listed, resolver)
    assert sorted(sig.liked_ids) == sorted([RONIN, COLLATERAL]) and not sig.wants_new_recommendations
    assert parse("lo que sea menos terror", [], resolver).wants_new_recommendations
