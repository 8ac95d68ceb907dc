"""Parser mechanisms on sentences written for these tests (none comes from a benchmark file).

Negation scoped to the phrase it rejects, post-posed verdicts, bare list positions, general
hearsay, typo correction of cue words, people and descriptions from the catalog's own text.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding import word_forms
from chat_rec.understanding.parser import parse


@pytest.fixture(scope="module")
def listed(catalog):
    """Interstellar, Arrival, The Martian: a previous reply's three picks."""
    return [catalog.get(i) for i in (109487, 164179, 134130)]


def p(resolver, text, previous=()):
    return parse(text, list(previous), resolver)


@pytest.mark.parametrize("text, liked, disliked", [
    ("quiero una comedia sin terror", ["Comedy"], ["Horror"]),
    ("Me gustan los westerns, nada de musicales", ["Western"], ["Musical"]),
    ("algo de aventuras, ni drama ni terror por favor", ["Adventure"], ["Drama", "Horror"]),
    ("I'd like a thriller, no romance or musicals", ["Thriller"], ["Romance", "Musical"]),
    ("Adventure films without any horror", ["Adventure"], ["Horror"]),
])
def test_a_negator_rejects_only_the_phrase_after_it(resolver, text, liked, disliked):
    sig = p(resolver, text)
    assert sorted(sig.liked_genres) == sorted(liked)
    assert sorted(sig.disliked_genres) == sorted(disliked)


def test_a_verbal_negation_still_flips_the_clause(resolver):
    sig = p(resolver, "No me gustan las comedias románticas")
    assert sorted(sig.disliked_genres) == ["Comedy", "Romance"] and not sig.liked_genres
    sig = p(resolver, "i really did not enjoy jurassic park")
    assert sig.disliked_ids == [480] and not sig.liked_ids


def test_a_verdict_after_the_phrase_reaches_genres_and_titles(resolver):
    sig = p(resolver, "Documentaries and animation are what I love. Westerns and war, not at all.")
    assert sorted(sig.liked_genres) == ["Animation", "Documentary"]
    assert sorted(sig.disliked_genres) == ["War", "Western"]


@pytest.mark.parametrize("text, liked, disliked", [
    ("2 and 3 were brilliant, 1 was a snooze", [164179, 134130], [109487]),
    ("the middle one, definitely", [164179], []),
    ("la del medio me encantó pero la última no", [164179], [134130]),
    ("#1 is great", [109487], []),
])
def test_positions_in_the_previous_list(resolver, listed, text, liked, disliked):
    sig = p(resolver, text, listed)
    assert sorted(sig.liked_ids) == sorted(liked) and sorted(sig.disliked_ids) == sorted(disliked)


def test_a_number_with_a_unit_is_no_position(resolver, listed):
    sig = p(resolver, "something under 2 hours please", listed)
    assert not sig.liked_ids and not sig.disliked_ids


def test_seen_is_not_liked(resolver, listed):
    sig = p(resolver, "Already watched the second one. Anything newer?", listed)
    assert sig.seen_ids == [164179] and not sig.liked_ids and not sig.disliked_ids
    assert sig.mentioned_ids == [164179]


@pytest.mark.parametrize("text", [
    "my sister keeps insisting I watch musicals",
    "Mi hermano dice que el terror es lo mejor",
    "everyone says westerns are great but I'm not sure",
])
def test_other_peoples_opinions_are_not_the_users(resolver, text):
    sig = p(resolver, text)
    assert not sig.liked_genres


def test_the_people_one_watches_with_count(resolver):
    assert p(resolver, "my kids adore animated movies").liked_genres == ["Animation"]


@pytest.mark.parametrize("typo, word", [("amazng", "amazing"), ("horor", "horror"), ("sugest", "suggest")])
def test_cue_typos_are_corrected_to_the_one_word_an_edit_away(typo, word):
    assert word_forms.correct_typo(typo) == word


def test_real_words_are_never_corrected():
    for word in ("sucker", "lover", "favorita", "gustan", "pelicula", "horrors"):
        assert word_forms.correct_typo(word) in {word, "horror"}


def test_one_word_titles_as_subjects(resolver):
    assert p(resolver, "Tiburón es mi película favorita").liked_ids == [1387]
    assert p(resolver, "Alien is a classic but I'm not into horror anymore").liked_ids == [1214]


def test_idioms_of_liking_and_disliking(resolver):
    assert p(resolver, "Heat blew my mind").liked_ids == [6]
    assert p(resolver, "honestly Jumanji was a snooze").disliked_ids == [2]
    assert p(resolver, "Me aburrió muchísimo Titanic").disliked_ids == [1721]


def test_descriptions_match_the_listed_items_own_text(resolver, catalog):
    listed = [catalog.get(i) for i in (1212, 1221, 3435)]  # The Third Man, Godfather II, Double Indemnity
    sig = p(resolver, "the mafia one looks good", listed)
    assert sig.liked_ids == [1221]


def test_the_word_output_alone_is_no_injection(resolver):
    sig = p(resolver, "I love the output of Pixar: more animated films please")
    assert sig.liked_genres == ["Animation"] and sig.wants_new_recommendations


def test_a_one_word_title_joined_to_another_title_counts(resolver):
    sig = p(resolver, "Moon and Gattaca are favourites of mine")
    assert sorted(sig.liked_ids) == [1653, 68237]
    assert p(resolver, "It and Her").liked_ids == []  # a pronoun stays a pronoun


def test_examples_take_the_verdict_of_the_clause_before(resolver):
    assert p(resolver, "las de Pixar me encantan, sobre todo Toy Story").liked_ids == [1]
    assert p(resolver, "I can't stand horror, especially Psycho").disliked_ids == [1219]


@pytest.mark.parametrize("text, lo, hi", [
    ("algo de los años 2000", 2000, 2009),
    ("películas de la década de 2010", 2010, 2019),
    ("de los años 80 y 90", 1980, 1999),
])
def test_spanish_decades_with_four_digits(resolver, text, lo, hi):
    sig = p(resolver, text)
    assert (sig.year_min, sig.year_max) == (lo, hi)


def test_spanish_war_films_in_the_masculine(resolver):
    assert p(resolver, "nada de cine bélico").disliked_genres == ["War"]


@pytest.mark.parametrize("word", ["obras", "gatos", "notas"])
def test_a_five_letter_word_one_letter_from_a_cue_is_left_alone(word):
    """Spanish "obras" is not a typo of "otras": short words are corrected only for a dropped,
    doubled or swapped letter."""
    from chat_rec.understanding.word_forms import correct_typo

    assert correct_typo(word) == word
