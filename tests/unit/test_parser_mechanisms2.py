"""More parser mechanisms, on sentences written for these tests (none from a benchmark file).

Verdict vocabulary in English and Spanish, descriptions matched against every tag of a listed
movie (partly, by stems), plural pronouns over the titles listed before them, linking clauses,
questions about a film, the original of a remade title, years the person rules out, Spanish
"a" before a title, and a lowercase title that opens a sentence as its subject.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse

BRAVEHEART, GLADIATOR, FIGHT_CLUB, MATRIX, GODFATHER, ALIEN = 110, 3578, 2959, 2571, 858, 1214


@pytest.fixture(scope="module")
def epics(catalog):
    """Braveheart, Gladiator, Fight Club: a previous reply's three picks."""
    return [catalog.get(i) for i in (BRAVEHEART, GLADIATOR, FIGHT_CLUB)]


def p(resolver, text, previous=()):
    return parse(text, list(previous), resolver)


@pytest.mark.parametrize("text, liked, disliked", [
    ("Fight Club was a blast", [FIGHT_CLUB], []),
    ("I'd happily watch The Matrix again", [MATRIX], []),
    ("disfruté muchísimo El Padrino", [GODFATHER], []),
    ("Fight Club es una pasada", [FIGHT_CLUB], []),
    ("The Matrix was such a letdown", [], [MATRIX]),
    ("I couldn't even finish Fight Club", [], [FIGHT_CLUB]),
    ("nobody could sit through The Matrix at our place", [], [MATRIX]),
    ("El Padrino me pareció un tostón", [], [GODFATHER]),
    ("no pude terminar Fight Club", [], [FIGHT_CLUB]),
    ("Fight Club no me convenció", [], [FIGHT_CLUB]),
    ("The Matrix was not bad at all", [MATRIX], []),
])
def test_verdict_words_in_both_languages(resolver, text, liked, disliked):
    sig = p(resolver, text)
    assert sig.liked_ids == liked and sig.disliked_ids == disliked


def test_a_description_matches_any_tag_of_a_listed_movie(resolver, epics):
    # "russell crowe" is one of Gladiator's tags, but not among its five most frequent ones.
    sig = p(resolver, "The Russell Crowe one is great, the Mel Gibson one I've seen", epics)
    assert sig.liked_ids == [GLADIATOR] and sig.seen_ids == [BRAVEHEART]


def test_a_description_may_fit_a_movie_by_most_of_its_words(resolver, epics):
    # "medieval" and "scotland" are Braveheart tags; "castles" fits none: two of three words, one movie.
    sig = p(resolver, "the medieval scotland castles one was dull", epics)
    assert sig.disliked_ids == [BRAVEHEART]
    # A word shared by two listed movies ("epic") picks neither.
    assert p(resolver, "the epic one was dull", epics).disliked_ids == []


def test_a_spanish_description_stops_before_the_verdict(resolver, epics):
    sig = p(resolver, "La de Mel Gibson me encanta, la de Russell Crowe no tanto", epics)
    assert sig.liked_ids == [BRAVEHEART] and sig.disliked_ids == [GLADIATOR] and not sig.liked_genres


def test_a_plural_pronoun_takes_every_title_listed_before_it(resolver):
    sig = p(resolver, "Alien, Fight Club, The Matrix, stuff like that, I adored them")
    assert sorted(sig.liked_ids) == sorted([ALIEN, FIGHT_CLUB, MATRIX])
    sig = p(resolver, "Vi Alien, The Matrix y Fight Club y las odié todas")
    assert sorted(sig.disliked_ids) == sorted([ALIEN, FIGHT_CLUB, MATRIX]) and not sig.seen_ids


def test_a_linking_clause_does_not_cut_a_verdict_from_its_phrase(resolver, epics):
    sig = p(resolver, "The third one, on the other hand, not for me", epics)
    assert sig.disliked_ids == [FIGHT_CLUB]
    sig = p(resolver, "Los westerns, por otro lado, me aburren")
    assert sig.disliked_genres == ["Western"]


def test_a_question_about_a_film_asks_for_nothing(resolver):
    sig = p(resolver, "Is Fight Club a thriller or a drama?")
    assert not sig.wants_new_recommendations and not sig.liked_ids and not sig.liked_genres
    assert p(resolver, "Any good thrillers?").wants_new_recommendations


def test_the_original_of_a_remade_title_and_a_year_ruled_out(resolver, catalog):
    psycho = [i.item_id for i in catalog if i.title == "Psycho"]
    earliest = min(psycho, key=lambda i: catalog.get(i).year)
    assert p(resolver, "I love the original Psycho").liked_ids == [earliest]
    sig = p(resolver, "The original Psycho, not the 1998 remake, is one of the best")
    assert sig.liked_ids == [earliest]
    remake = p(resolver, "Psycho 1998 was fun").liked_ids
    assert remake and remake != [earliest] and catalog.get(remake[0]).year == 1998


def test_spanish_a_before_a_capitalised_title_is_a_preposition(resolver):
    assert p(resolver, "quiero algo parecido a Gladiator").liked_ids == [GLADIATOR]
    assert p(resolver, "I want a Gladiator-sized epic").liked_ids == []


def test_a_lowercase_title_opening_a_sentence_as_its_subject(resolver):
    assert p(resolver, "the lord of the rings made me a fan of fantasy").liked_ids  # subject + verdict
    assert p(resolver, "the iron giant made me cry, beautiful film").liked_ids == [2761]


@pytest.mark.parametrize("text, liked, disliked", [
    ("Fight Club me ha encantado", [FIGHT_CLUB], []),
    ("The Matrix no me había gustado nada", [], [MATRIX]),
    ("Gladiator me ha aburrido un montón", [], [GLADIATOR]),
])
def test_spanish_compound_tenses(resolver, text, liked, disliked):
    sig = p(resolver, text)
    assert sig.liked_ids == liked and sig.disliked_ids == disliked


def test_none_that_i_did_not_like_is_all_liked(resolver, epics):
    sig = p(resolver, "No hay ni una de las tres que no me haya gustado", epics)
    assert sorted(sig.liked_ids) == sorted([BRAVEHEART, GLADIATOR, FIGHT_CLUB]) and not sig.disliked_ids


def test_a_condition_is_a_clause_of_its_own(resolver):
    sig = p(resolver, "I don't mind westerns as long as they're not too long")
    assert sig.liked_genres == ["Western"] and not sig.disliked_genres
    sig = p(resolver, "me valen las comedias siempre que no sean tontas")
    assert "Comedy" not in sig.disliked_genres


def test_a_title_alone_takes_the_verdict_of_the_next_sentence(resolver):
    assert p(resolver, "Gladiator? Never again.").disliked_ids == [GLADIATOR]
    assert p(resolver, "Braveheart! Loved it.").liked_ids == [BRAVEHEART]


def test_a_position_joined_to_a_later_one(resolver, epics):
    sig = p(resolver, "Love 1 and 3, 2 not so much", epics)
    assert sorted(sig.liked_ids) == sorted([BRAVEHEART, FIGHT_CLUB]) and sig.disliked_ids == [GLADIATOR]


def test_a_request_after_a_rejection_still_asks(resolver, epics):
    sig = p(resolver, "None of those, something funnier maybe", epics)
    assert sig.wants_new_recommendations and len(sig.disliked_ids) == 3


def test_a_lowercase_ordinary_word_is_not_read_as_a_misspelt_title(resolver):
    sig = p(resolver, "odio las de zombis pero las de piratas me molan")
    assert not sig.liked_ids and not sig.disliked_ids
    assert p(resolver, "me encantó gladaitor").liked_ids == [GLADIATOR]


def test_spanish_looks_good(resolver, epics):
    sig = p(resolver, "la primera ya la vi, la tercera tiene buena pinta", epics)
    assert sig.liked_ids == [FIGHT_CLUB] and sig.seen_ids == [BRAVEHEART]


def test_lowercase_titles_joined_to_a_found_title(resolver, catalog):
    green = next(i.item_id for i in catalog if i.title == "The Green Mile")
    sig = p(resolver, "i really liked fight club and the green mile")
    assert sorted(sig.liked_ids) == sorted([FIGHT_CLUB, green])
    assert p(resolver, "I loved Gladiator and the others too").liked_ids == [GLADIATOR]


def test_not_having_seen_is_neither_seen_nor_a_verdict(resolver, epics):
    sig = p(resolver, "I haven't seen the first one, but the third looks cool", epics)
    assert sig.liked_ids == [FIGHT_CLUB] and not sig.seen_ids and not sig.disliked_ids
    sig = p(resolver, "no he visto ninguna de las tres", epics)
    assert not sig.seen_ids and not sig.disliked_ids


def test_choosing_a_listed_movie_likes_it_and_asks_nothing(resolver, epics):
    sig = p(resolver, "ok, I'll watch the third one tonight", epics)
    assert sig.liked_ids == [FIGHT_CLUB] and not sig.wants_new_recommendations


def test_several_decades_make_one_span(resolver):
    sig = p(resolver, "algo de los ochenta o de principios de los 2000")
    assert (sig.year_min, sig.year_max) == (1980, 2009)
    sig = p(resolver, "the 80s, but nothing after 1985")
    assert (sig.year_min, sig.year_max) == (1980, 1985)


def test_an_example_after_a_verdict_takes_it(resolver):
    assert p(resolver, "I'm a big Ridley Scott fan, Gladiator especially").liked_ids == [GLADIATOR]
    sig = p(resolver, "Me encantó Braveheart, y también Gladiator")
    assert sorted(sig.liked_ids) == sorted([BRAVEHEART, GLADIATOR])


def test_not_really_into_is_a_dislike(resolver):
    sig = p(resolver, "not really into westerns these days, show me a comedy")
    assert sig.disliked_genres == ["Western"] and sig.liked_genres == ["Comedy"]
    assert p(resolver, "Musicals? not really").disliked_genres == ["Musical"]


def test_spanish_one_of_a_genre_is_a_request(resolver):
    assert p(resolver, "una de vaqueros, que sea corta").wants_new_recommendations
    assert not p(resolver, "Gladiator es una de las mejores").wants_new_recommendations


def test_a_list_after_a_verdict_shares_it(resolver):
    sig = p(resolver, "I adored Braveheart, Gladiator and Fight Club")
    assert sorted(sig.liked_ids) == sorted([BRAVEHEART, GLADIATOR, FIGHT_CLUB])
    sig = p(resolver, "I can't stand musicals, westerns or documentaries")
    assert sorted(sig.disliked_genres) == ["Documentary", "Musical", "Western"] and not sig.liked_genres
    sig = p(resolver, "I adored Braveheart, but Gladiator was dull")
    assert sig.liked_ids == [BRAVEHEART] and sig.disliked_ids == [GLADIATOR]


def test_rejected_alternatives(resolver):
    sig = p(resolver, "I'd sooner see a documentary than another musical, honestly")
    assert sig.liked_genres == ["Documentary"]
    sig = p(resolver, "una de aventuras en lugar de otra de acción")
    assert sig.liked_genres == ["Adventure"] and sig.disliked_genres == ["Action"]


def test_not_this_but_that(resolver, epics):
    sig = p(resolver, "no quiero la segunda sino la primera", epics)
    assert sig.liked_ids == [BRAVEHEART] and sig.disliked_ids == [GLADIATOR]


def test_all_except_one(resolver, epics):
    sig = p(resolver, "todas menos la tercera me parecen bien", epics)
    assert sorted(sig.liked_ids) == sorted([BRAVEHEART, GLADIATOR]) and sig.disliked_ids == [FIGHT_CLUB]


def test_a_hedged_positive_is_no_verdict(resolver):
    assert not p(resolver, "Gladiator was fine I guess").liked_ids


def test_a_negated_request_asks_for_nothing(resolver):
    assert not p(resolver, "not in the mood for talking, Gladiator was great").wants_new_recommendations
    assert p(resolver, "me muero por ver una de vaqueros").wants_new_recommendations


def test_more_like_it_likes_the_film_before(resolver):
    sig = p(resolver, "Just rewatched Braveheart. Got another epic like that?")
    assert sig.liked_ids == [BRAVEHEART] and sig.wants_new_recommendations


def test_spanish_verdict_without_a_subject_judges_the_film_before(resolver):
    assert p(resolver, "Ayer vi Gladiator. Me aburrió muchísimo.").disliked_ids == [GLADIATOR]


def test_a_pronoun_can_stand_for_a_genre(resolver):
    sig = p(resolver, "I don't hate westerns, I just don't want one tonight. Give me a comedy.")
    assert sig.disliked_genres == ["Western"] and sig.liked_genres == ["Comedy"]


def test_a_year_after_a_year_word_is_not_the_film_2012(resolver):
    sig = p(resolver, "nothing older than 2012 please")
    assert sig.year_min == 2012 and not sig.liked_ids and not sig.disliked_ids


def test_a_maker_after_de_or_by_is_not_a_title(resolver):
    assert p(resolver, "me encantan las de Hitchcock").liked_ids == []


def test_an_indefinite_article_makes_a_lowercase_title_a_noun_phrase(resolver):
    assert p(resolver, "what a disaster movie that was").disliked_ids == []


def test_swapped_letters_in_a_title(resolver, catalog):
    gump = next(i.item_id for i in catalog if i.title == "Forrest Gump")
    assert p(resolver, "i loved forrest gmup").liked_ids == [gump]


def test_two_digit_year_ranges(resolver):
    sig = p(resolver, "a comedy from between '85 and '92")
    assert (sig.year_min, sig.year_max) == (1985, 1992)
    assert p(resolver, "entre el 98 y el 2003, de acción").year_max == 2003


def test_a_spanish_description_meets_english_tags(resolver, epics):
    # Gladiator is tagged "ancient rome" and "romans": "la de los romanos" names it.
    sig = p(resolver, "la de los romanos me encanta", epics)
    assert sig.liked_ids == [GLADIATOR]


@pytest.mark.parametrize("text", [
    "the green mile, what a film",
    "the green mile no me gustó",
    "honestly the green mile is one of my favourites",
    "my favourite is the green mile",
    "me encantó the green mile",
])
def test_lowercase_titles_in_more_positions(resolver, catalog, text):
    green = next(i.item_id for i in catalog if i.title == "The Green Mile")
    sig = p(resolver, text)
    assert green in sig.liked_ids + sig.disliked_ids + sig.mentioned_ids


def test_an_obscure_namesake_standing_alone_is_not_taken(resolver, catalog):
    # A capitalised word alone before a comma names a film only when the catalog's film is known.
    assert p(resolver, "Gladiator, what a film").mentioned_ids == [GLADIATOR]
    obscure = next(i for i in catalog if i.popularity == 1 and " " not in i.title and i.title.isalpha()
                   and i.title.lower() not in {"up", "heat"} and len(i.title) > 6)
    assert obscure.item_id not in p(resolver, f"{obscure.title}, the new one everyone talks about").mentioned_ids


def test_more_position_words(resolver, epics):
    sig = p(resolver, "the top one is great, the bottom one not so much", epics)
    assert sig.liked_ids == [BRAVEHEART] and sig.disliked_ids == [FIGHT_CLUB]
    assert sorted(p(resolver, "the first and last ones look fun", epics).liked_ids) == sorted([BRAVEHEART, FIGHT_CLUB])
    assert p(resolver, "the 2nd is a hard no for me", epics).disliked_ids == [GLADIATOR]
    assert p(resolver, "the third one? meh", epics).disliked_ids == [FIGHT_CLUB]


def test_except_in_a_seen_clause_is_not_a_dislike(resolver, epics):
    sig = p(resolver, "I've seen all of them except the third", epics)
    assert not sig.disliked_ids and not sig.liked_ids


def test_typos_in_titles_that_start_with_a_small_word_or_are_ordinary_words(resolver, catalog):
    no_country = next(i.item_id for i in catalog if i.title == "No Country for Old Men")
    dark_knight = next(i.item_id for i in catalog if i.title == "The Dark Knight")
    assert p(resolver, "no country for olld men was brilliant").liked_ids == [no_country]
    assert p(resolver, "I loved the dark knigt").liked_ids == [dark_knight]


def test_near_misses_that_are_ordinary_text_stay_text(resolver):
    assert p(resolver, "could you pleas give me suggestions for dramas?").mentioned_ids == []
    assert p(resolver, "I like Natalie Portman a lot").mentioned_ids == []
    assert p(resolver, "lol no").mentioned_ids == []


@pytest.mark.parametrize("text", ["I'm bored, entertain me", "I wouldn't mind a decent western",
                                  "necesito algo para el finde", "venga, otra tanda"])
def test_more_ways_to_ask(resolver, text):
    assert p(resolver, text).wants_new_recommendations


def test_not_my_kind_of_thing(resolver):
    assert p(resolver, "musicals aren't really my cup of tea").disliked_genres == ["Musical"]
    assert p(resolver, "el terror no es lo mío").disliked_genres == ["Horror"]


def test_avoiding_and_not_minding(resolver):
    assert p(resolver, "we tend to avoid war films").disliked_genres == ["War"]
    assert p(resolver, "I didn't mind Gladiator, it was sweet in places").liked_ids == [GLADIATOR]


def test_spanish_newer_older_than(resolver):
    assert p(resolver, "nada más reciente que 1999").year_max == 1999
    assert p(resolver, "ninguna más vieja que 1985").year_min == 1985


@pytest.mark.parametrize("text, liked, disliked", [
    ("Gladiator? 9/10", [GLADIATOR], []),
    ("I'd give Fight Club 2 out of 10", [], [FIGHT_CLUB]),
    ("The Matrix left me cold", [], [MATRIX]),
    ("Braveheart never gets old", [BRAVEHEART], []),
    ("El Padrino me dejó con la boca abierta", [GODFATHER], []),
])
def test_ratings_and_common_idioms(resolver, text, liked, disliked):
    sig = p(resolver, text)
    assert sig.liked_ids == liked and sig.disliked_ids == disliked


def test_every_spanish_title_row_names_a_catalog_film(resolver):
    from chat_rec.understanding.title_keys import SPANISH_TITLES, fold_key

    missing = [es for es, (en, year) in SPANISH_TITLES.items()
               if resolver._lookup(resolver._index, fold_key(en), year) is None]
    assert len(SPANISH_TITLES) > 100 and not missing


@pytest.mark.parametrize("text, liked, disliked", [
    ("Origen es de mis favoritas", [79132], []),
    ("odio Crepúsculo", [], [63992]),
    ("Los otros me encantó", [4720], []),
])
def test_spanish_release_titles(resolver, text, liked, disliked):
    sig = p(resolver, text)
    assert sig.liked_ids == liked and sig.disliked_ids == disliked


def test_spanish_function_words_are_not_a_title(resolver, epics):
    sig = p(resolver, "me gustan los otros", epics)
    assert 4720 not in sig.mentioned_ids


def test_spanish_fan_and_boredom(resolver):
    assert p(resolver, "soy muy fan de Gladiator").liked_ids == [GLADIATOR]
    assert p(resolver, "los musicales me dan pereza").disliked_genres == ["Musical"]


@pytest.mark.parametrize("text, era", [
    ("These are way too old for me", "newer"), ("something more recent?", "newer"),
    ("algo más moderno, por favor", "newer"), ("these feel too new", "older"),
    ("algo más antiguo", "older"), ("something from the 90s", None), ("a good thriller", None),
])
def test_a_relative_era(resolver, text, era):
    sig = p(resolver, text)
    assert sig.era == era
    if era:
        assert sig.year_min is None and sig.year_max is None  # relative: no year (rule 12)


def test_less_of_a_genre_rejects_it(resolver):
    assert p(resolver, "less drama next time please").disliked_genres == ["Drama"]


def test_an_era_becomes_a_range_around_the_picks_on_screen():
    from chat_rec.ranking.constraints import era_range

    assert era_range("newer", [1972, 1975, 1978]) == (1976, None)
    assert era_range("older", [1999, 2004, 2010]) == (None, 2003)
    assert era_range("newer", []) == (None, None)
    assert era_range("newer", [1991, 1993, 1995], 1990, 1999) == (1994, 1999)  # stays in the 90s
    assert era_range("older", [1990, 1990, 1991], 1990, 1999) == (1990, 1999)  # no room: unchanged


def test_a_sequel_the_catalog_lacks_is_not_its_original(resolver, catalog):
    frozen = [i.item_id for i in catalog if i.title == "Frozen"]
    assert not set(frozen) & set(p(resolver, "my kids loved Frozen 2").mentioned_ids)
    assert p(resolver, "I watched Gladiator 2 times this year, loved it").liked_ids == [GLADIATOR]
