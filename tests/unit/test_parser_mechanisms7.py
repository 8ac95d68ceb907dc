"""Mechanisms of the eighth round, on sentences written for these tests (none from a benchmark file).

"The other two" may come before the film it sets apart ("The other two were dull, but I loved the
first"): the whole message's own references are read first, and "the others" are the listed films
it does not name. With no list shown, "the rest" / "las otras dos" are the films the message itself
named and has not judged, minus the one just set apart. "I've seen X, Y and Z" marks the whole list
seen. A capitalised article in mid-sentence opens a misspelt title ("vi El orfanto"); a capital "I"
after a title starts the clause and continues no name. A clause opening with "the other one"
judges that phrase, never a film named before it.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse
from tests.signals import verdicts

HEAT, ALIEN, FARGO, CASINO, GATTACA = 6, 1214, 608, 16, 1653
WEST_SIDE, CABARET, SOUND_OF_MUSIC = 1947, 3545, 1035
REAR_WINDOW, ROPE, VERTIGO, ORPHANAGE, LA_HAINE = 904, 2176, 903, 56339, 97


@pytest.fixture(scope="module")
def listed(catalog):
    return [catalog.get(i) for i in (WEST_SIDE, CABARET, SOUND_OF_MUSIC)]


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("The other two are boring, but I love the last one.", [SOUND_OF_MUSIC], [WEST_SIDE, CABARET]),
    ("Las otras dos no, la primera sí.", [WEST_SIDE], [CABARET, SOUND_OF_MUSIC]),
    ("the others? meh. the middle one rocks", [CABARET], [WEST_SIDE, SOUND_OF_MUSIC]),
    ("The rest were dull; Cabaret was great.", [CABARET], [WEST_SIDE, SOUND_OF_MUSIC]),
    ("The other one is great, the first two are boring", [SOUND_OF_MUSIC], [WEST_SIDE, CABARET]),
    # already worked, must stay: "the others" after the named one
    ("I love the last one. The other two are boring.", [SOUND_OF_MUSIC], [WEST_SIDE, CABARET]),
])
def test_the_others_before_the_film_they_set_apart(resolver, listed, text, liked, disliked):
    assert verdicts(parse(text, listed, resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("I watched Heat, Alien, Fargo and Casino. Casino was too long, but the rest were fantastic.",
     [HEAT, ALIEN, FARGO], [CASINO]),
    ("Vi Alien, Fargo y Casino: Casino me aburrió, las otras dos me encantaron.", [ALIEN, FARGO], [CASINO]),
    ("Heat, Alien and Fargo: Fargo was boring, the other two were great", [HEAT, ALIEN], [FARGO]),
    ("Rear Window, Gattaca and Fargo. Gattaca bored me, but the rest were superb.", [REAR_WINDOW, FARGO], [GATTACA]),
])
def test_the_rest_among_the_films_the_message_named(resolver, text, liked, disliked):
    assert verdicts(parse(text, [], resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize("text", [
    "Heat and Alien: the other three were dull",  # the count does not fit: nothing
    "Loved Heat and Alien. The other films by Mann are dull.",  # "other films" with two named, both judged
])
def test_the_rest_needs_films_left_that_fit(resolver, text):
    assert verdicts(parse(text, [], resolver)) == (sorted([HEAT, ALIEN]), []) or \
        verdicts(parse(text, [], resolver))[1] == []


def test_the_other_one_judges_no_earlier_film(resolver):
    assert verdicts(parse("Heat was great. The other one was dull.", [], resolver)) == ([HEAT], [])


@pytest.mark.parametrize(("text", "seen"), [
    ("I've seen Heat, Alien, Fargo and Casino.", [HEAT, ALIEN, FARGO, CASINO]),
    ("Ya vi Heat, Alien y Fargo.", [HEAT, ALIEN, FARGO]),
])
def test_a_seen_list_goes_on_after_commas(resolver, text, seen):
    sig = parse(text, [], resolver)
    assert sorted(sig.seen_ids) == sorted(seen)
    assert verdicts(sig) == ([], [])


@pytest.mark.parametrize(("text", "item"), [
    ("me encantó El orfanto, quiero otra de terror", ORPHANAGE),
    ("ayer vi La Haine y me voló la cabeza", LA_HAINE),
])
def test_a_capitalised_article_opens_a_title(resolver, text, item):
    assert item in [m.item_id for m in resolver.find_in_text(text)]


def test_a_capitalised_article_alone_makes_no_title(resolver):
    assert [m.item_id for m in resolver.find_in_text("en El Salvador hace calor")] == []


def test_a_capital_i_after_a_title_continues_no_name(resolver):
    assert [m.item_id for m in resolver.find_in_text("Gattaca I could rewatch forever")] == [GATTACA]


# --- second batch: doubt, excess, longing, knowing, sarcasm after an ellipsis, and small words ---

@pytest.mark.parametrize("text", [
    "Watched Alien last night and I'm still not sure how I feel about it.",
    "Honestly not sure about Alien.",
    "Alien... no sé qué pensar, la verdad.",
    "No estoy segura de Alien.",
])
def test_doubt_is_no_verdict(resolver, text):
    assert verdicts(parse(text, [], resolver)) == ([], [])


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Fargo was way too slow-paced and too bleak for me", [], [FARGO]),
    ("Casino es demasiado larga", [], [CASINO]),
    ("Alien was too good to switch off", [ALIEN], []),
])
def test_too_much_of_something_is_a_complaint(resolver, text, liked, disliked):
    assert verdicts(parse(text, [], resolver)) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Haven't watched a decent western in ages, got one?", ["Western"], []),
    ("Hace siglos que no veo una buena comedia", ["Comedy"], []),
])
def test_missing_a_genre_rejects_nothing(resolver, text, liked, disliked):
    from tests.signals import genres
    sig = parse(text, [], resolver)
    assert genres(sig) == (liked, disliked)


@pytest.mark.parametrize("text", ["No conocía Gattaca, qué descubrimiento.", "I didn't know Gattaca at all"])
def test_not_knowing_a_film_rejects_nothing(resolver, text):
    assert GATTACA not in parse(text, [], resolver).disliked_ids


def test_a_verdict_after_an_ellipsis_and_a_face_judges_the_film_before(resolver):
    text = "Ah sí, Gattaca, lo mejor del mundo... 🙄 Me dormí a la media hora."
    assert verdicts(parse(text, [], resolver)) == ([], [GATTACA])


@pytest.mark.parametrize(("text", "year_min", "year_max"), [
    ("unas de acción de los setentas", 1970, 1979),
    ("algo de los sesentas o setentas", 1960, 1979),
])
def test_plural_spanish_decades(resolver, text, year_min, year_max):
    sig = parse(text, [], resolver)
    assert (sig.year_min, sig.year_max) == (year_min, year_max)


@pytest.mark.parametrize(("text", "genre"), [
    ("any good documentery about space?", "Documentary"),
    ("a thriler tonight please", "Thriller"),
])
def test_a_misspelt_genre_is_still_the_genre(resolver, text, genre):
    assert genre in parse(text, [], resolver).liked_genres


def test_anime_after_a_clitic_is_a_verb(resolver):
    assert parse("pon algo que te anime, estás de bajón", [], resolver).liked_genres == []
    assert parse("me encanta el anime", [], resolver).liked_genres == ["Animation"]


def test_a_lowercase_letter_is_no_one_letter_title(resolver):
    assert [m.item_id for m in resolver.find_in_text("Fargo, o Casino, cualquiera")] == [FARGO, CASINO]


@pytest.mark.parametrize("text", ["Loved Gattaca. Any similar ones?", "Me encantó Gattaca, ¿hay alguno parecido?"])
def test_asking_for_similar_films_asks_for_picks(resolver, text):
    assert parse(text, [], resolver).wants_new_recommendations


def test_a_bare_paso_passes(resolver, listed):
    assert verdicts(parse("La última sí. Las otras dos, paso.", listed, resolver)) == (
        [SOUND_OF_MUSIC], sorted([WEST_SIDE, CABARET]))


# --- third batch: suppositions, taking back, sparing an effort, plural verdicts, small idioms ---

@pytest.mark.parametrize(("text", "disliked_genres"), [
    ("If I were a fan of musicals I'd adore Cabaret, but I'm not.", ["Musical"]),
    ("Si me gustaran los westerns, me encantaría Sin perdón, pero no.", ["Western"]),
])
def test_a_supposition_against_the_facts_judges_no_film(resolver, text, disliked_genres):
    from tests.signals import genres
    sig = parse(text, [], resolver)
    assert verdicts(sig) == ([], [])
    assert genres(sig) == ([], disliked_genres)


def test_what_comes_after_the_but_of_a_supposition_counts(resolver):
    sig = parse("If I liked musicals I'd love Cabaret, but I loved Fargo instead.", [], resolver)
    assert verdicts(sig) == ([FARGO], [])


@pytest.mark.parametrize("text", [
    "Give me a slasher. Actually, never mind, I'd rather see a comedy.",
    "Quiero algo de terror. Bueno, olvídalo, mejor una comedia.",
])
def test_never_mind_takes_back_the_sentence_before(resolver, text):
    from tests.signals import genres
    sig = parse(text, [], resolver)
    assert genres(sig) == (["Comedy"], [])
    assert sig.wants_new_recommendations


@pytest.mark.parametrize("text", ["Seen Gattaca already, no need to suggest it again.",
                                  "Ya vi Gattaca, no hace falta que me la recomiendes."])
def test_sparing_an_effort_rejects_nothing(resolver, text):
    sig = parse(text, [], resolver)
    assert verdicts(sig) == ([], [])
    assert sig.seen_ids == [GATTACA]


@pytest.mark.parametrize("text", ["Alien, Fargo, Gattaca: all-timers, every one.",
                                  "Alien, Fargo y Gattaca, mis favoritas de siempre."])
def test_a_plural_verdict_after_a_list_judges_the_list(resolver, text):
    assert verdicts(parse(text, [], resolver)) == (sorted([ALIEN, FARGO, GATTACA]), [])


def test_too_old_is_about_years_not_a_verdict(resolver, listed):
    assert verdicts(parse("Those are way too old for me", listed, resolver)) == ([], [])


@pytest.mark.parametrize("text", ["Something in the spirit of Gattaca", "algo en la onda de Gattaca",
                                  "Gattaca? I wouldn't say no.", "Gattaca podría estar bien"])
def test_more_ways_to_say_yes(resolver, text):
    assert verdicts(parse(text, [], resolver)) == ([GATTACA], [])


@pytest.mark.parametrize(("text", "wants"), [("¿Tienes otras por el estilo?", True), ("Got others?", True),
                                             ("let's go with the second one", False)])
def test_asking_for_others_and_settling_on_one(resolver, listed, text, wants):
    assert parse(text, listed, resolver).wants_new_recommendations is wants


# --- fourth batch: taking up an offered film ---

@pytest.mark.parametrize(("text", "liked"), [
    ("Cabaret it is.", [CABARET]),
    ("Ooh, the second one!", [CABARET]),
    ("Adding the last one to my watchlist.", [SOUND_OF_MUSIC]),
    ("I'm putting West Side Story on tonight.", [WEST_SIDE]),
    ("La segunda me la apunto para el finde.", [CABARET]),
    ("Esa última me llama mucho.", [SOUND_OF_MUSIC]),
])
def test_taking_up_an_offered_film_is_liking_it(resolver, listed, text, liked):
    assert verdicts(parse(text, listed, resolver)) == (liked, [])


@pytest.mark.parametrize("text", ["I'm putting Fargo on tonight.", "Fargo me lo apunto."])
def test_meaning_to_watch_a_film_not_offered_says_nothing(resolver, listed, text):
    assert verdicts(parse(text, listed, resolver)) == ([], [])


def test_a_question_about_an_offered_film_takes_nothing_up(resolver, listed):
    assert verdicts(parse("Oh, the second one? Is it long?", listed, resolver)) == ([], [])


# --- fifth batch: hearsay then "it", exceptions, a Spanish copula, "if I had to pick", idioms ---

def test_it_after_someone_elses_opinion_is_that_film(resolver):
    sig = parse("My sister swears Gattaca is genius. Honestly I found it dull.", [], resolver)
    assert verdicts(sig) == ([], [GATTACA])


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("I can't stand musicals, though Cabaret is the exception.", [CABARET], []),
    ("Me encantan las de Scorsese, pero Casino es la excepción.", [], [CASINO]),
])
def test_an_exception_takes_the_opposite_verdict(resolver, text, liked, disliked):
    assert verdicts(parse(text, [], resolver)) == (liked, disliked)


def test_a_spanish_copula_clause_judges_the_film_before(resolver, listed):
    assert verdicts(parse("La primera ya la vi, es una joya.", listed, resolver)) == ([WEST_SIDE], [])


@pytest.mark.parametrize("text", ["If I had to choose a musical it would be Cabaret, but tonight I want a thriller.",
                                  "Si tuviera que quedarme con un musical sería Cabaret, pero hoy quiero un thriller."])
def test_if_i_had_to_pick_is_no_verdict(resolver, text):
    from tests.signals import genres
    sig = parse(text, [], resolver)
    assert verdicts(sig) == ([], [])
    assert genres(sig) == (["Thriller"], [])


@pytest.mark.parametrize("text", ["Gattaca hits different every time", "Gattaca is one of my faves",
                                  "I could watch Gattaca on repeat", "Glad I watched Gattaca, it stays with you",
                                  "me partí de risa con Gattaca", "Gattaca es un temazo"])
def test_more_idioms_of_liking(resolver, text):
    sig = parse(text, [], resolver)
    assert verdicts(sig) == ([GATTACA], [])
    assert sig.liked_genres == []


def test_the_latters_is_the_last_one(resolver, listed):
    assert verdicts(parse("The latter's the one for me.", listed, resolver)) == ([SOUND_OF_MUSIC], [])
