"""Mechanisms of the seventeenth round, on sentences written for these tests (none from a benchmark file).

Found by invented probes (35 reactions naming several listed films, 42 positions and descriptions, 27
genre statements; 9, 20 and 4 missed before this round):
- A dictionary word is not corrected toward a cue word that differs in its first letter ("bowling"
  is no misspelt "howling"), so "the bowling one" can describe the listed film tagged *bowling*.
- A bare pick may be a determiner and one to three words that are no group and no linking verb
  ("the middle option", "la tercera opción", "the musical", "la más vieja"); "the others", "las tres
  son …" stay no pick. A multi-word title inside a pick counts as one title ("Matrix y El gran
  Lebowski, dale"). Closing words such as "obvio", "dale", "de una" end a pick.
- A listed one-word title that is an ordinary word ("speed", "heat") names the film when it opens a
  clause followed only by closing words ("speed for sure.") or joined by "and"/"y" to another listed
  title ("heat and jaws were boring").
- "the other" before "hand", "day", "side", "way" ("on the other hand", "por otro lado") is no
  reference to the rest of the list.
- "No idea" / "ni idea" about films is no verdict on them.
- A film set apart by "except"/"menos" from a group a negative verdict judges is spared it, not
  disliked ("all but the last one were dull"); set apart with a verdict of its own it keeps that one.
- Negators inside idioms negate nothing: praise built with one is a like ("second to none", "can't get
  enough of", "no me canso de verla", "no tiene desperdicio"), an intensifier or voucher is masked ("a
  más no poder", "nothing short of", "no doubt", "no lie").
- Vocabulary: "cursi", "corny", "me deprime(n)", "for babies" reject; "is fire", "X rules" praise; a
  clause ending in "paso" after the films passes on them ("las otras paso"), "qué pasó" does not.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding import word_forms
from chat_rec.understanding.parser import parse
from tests.signals import genres, verdicts
from tests.signals import listed as _listed

HEAT, SPEED, JAWS = 6, 377, 1387
GODFATHER, MATRIX, LEBOWSKI = 858, 2571, 1732
GREASE, SHINING, ROCKY, SPIRITED = 1380, 1258, 1954, 5618


@pytest.mark.parametrize("word, expected", [("bowling", "bowling"), ("dancing", "dancing"),
                                            ("amazng", "amazing"), ("awsome", "awesome")])
def test_a_dictionary_word_is_no_typo_of_a_word_with_another_first_letter(word, expected):
    assert word_forms.correct_typo(word) == expected


@pytest.mark.parametrize("text, expected", [
    ("ok the bowling one", ([LEBOWSKI], [])),
    ("the one with the bowling sounds fun, the mafia one no thanks", ([LEBOWSKI], [GODFATHER])),
])
def test_a_description_word_is_not_corrected_away(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, GODFATHER, MATRIX, LEBOWSKI), resolver)) == expected


@pytest.mark.parametrize("text, expected", [
    ("the middle option", [MATRIX]),
    ("hmm, la segunda opción", [MATRIX]),
    ("ok, the oldest", [GODFATHER]),
    ("la más nueva, dale", [MATRIX]),
    ("the bowling one then", [LEBOWSKI]),
])
def test_a_determiner_and_a_few_words_that_find_a_listed_film_pick_it(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, GODFATHER, MATRIX, LEBOWSKI), resolver)) == (expected, [])


@pytest.mark.parametrize("text", ["the others, no clue", "las demás, ni fu ni fa", "las tres son largas, ¿no?",
                                  "the rest, never heard of them"])
def test_groups_and_statements_are_no_pick(resolver, catalog, text):
    assert verdicts(parse(text, _listed(catalog, GODFATHER, MATRIX, LEBOWSKI), resolver))[0] == []


@pytest.mark.parametrize("text, expected", [
    ("El Padrino y El gran Lebowski, de una", [GODFATHER, LEBOWSKI]),
    ("The Matrix obvio", [MATRIX]),
])
def test_a_pick_of_several_word_titles_and_closing_words(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, GODFATHER, MATRIX, LEBOWSKI), resolver)) == (expected, [])


@pytest.mark.parametrize("text, expected", [
    ("jaws for sure. the others meh", ([JAWS], [HEAT, SPEED])),
    ("speed please", ([SPEED], [])),
    ("heat and speed were both dull", ([], [HEAT, SPEED])),
    ("speed y jaws me encantaron", ([SPEED, JAWS], [])),
])
def test_a_listed_ordinary_word_title_opening_a_pick_or_joined_to_another(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == expected


def test_an_ordinary_word_inside_a_phrase_stays_a_word(resolver, catalog):
    assert verdicts(parse("I love the speed of those chases", _listed(catalog, HEAT, SPEED, JAWS), resolver)) \
        == ([], [])


@pytest.mark.parametrize("text, expected", [
    ("Jaws was fun. Heat on the other hand, a slog", ([JAWS], [HEAT])),
    ("Speed me encantó. Jaws, por otro lado, me aburrió", ([SPEED], [JAWS])),
    ("I saw Heat the other day, loved it", ([HEAT], [])),
])
def test_the_other_hand_is_no_reference_to_the_rest(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Jaws was a bore, no idea about the others", ([], [JAWS])),
    ("Speed me encantó; de las otras ni idea", ([SPEED], [])),
])
def test_no_idea_is_no_verdict(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == expected


@pytest.mark.parametrize("text, expected", [
    ("all but the last one were dull", ([], [SHINING, GREASE, ROCKY])),
    ("everything except the first is boring", ([], [SHINING, ROCKY, SPIRITED])),
    ("todas menos la segunda me aburrieron", ([], [GREASE, ROCKY, SPIRITED])),
    ("I loved all of them except the third", ([SHINING, GREASE, SPIRITED], [ROCKY])),
])
def test_an_exception_is_spared_a_negative_verdict_on_the_group(resolver, catalog, text, expected):
    previous = _listed(catalog, GREASE, SHINING, ROCKY, SPIRITED)
    assert verdicts(parse(text, previous, resolver)) == expected


def test_an_exception_with_its_own_verdict_keeps_it(resolver, catalog):
    previous = _listed(catalog, GREASE, SHINING, ROCKY, SPIRITED)
    signal = parse("Except the second (not my kind of thing), all of them look great", previous, resolver)
    assert verdicts(signal) == ([GREASE, ROCKY, SPIRITED], [SHINING])


@pytest.mark.parametrize("text, expected", [
    ("Heat is second to none", ([HEAT], [])),
    ("I can't get enough of Jaws", ([JAWS], [])),
    ("no me canso de ver Speed", ([SPEED], [])),
    ("Jaws no tiene desperdicio", ([JAWS], [])),
    ("Heat is nothing short of brilliant", ([HEAT], [])),
    ("no doubt Jaws is the best of the three", ([JAWS], [])),
    ("Speed es buena a más no poder", ([SPEED], [])),
    ("Speed es lenta a más no poder", ([], [SPEED])),
    ("Heat, no lie, was a drag", ([], [HEAT])),
])
def test_a_negator_inside_an_idiom_negates_nothing(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Speed me pareció cursi", ([], [SPEED])),
    ("Jaws is so corny", ([], [JAWS])),
    ("Heat is fire", ([HEAT], [])),
    ("Jaws rules", ([JAWS], [])),
    ("Speed is for babies", ([], [SPEED])),
    ("Jaws sí, las otras paso", ([JAWS], [HEAT, SPEED])),
    ("no sé qué pasó con Heat", ([], [])),
])
def test_verdict_words_found_by_probes(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == expected


@pytest.mark.parametrize("text, expected", [
    ("los musicales me deprimen", ([], ["Musical"])),
    ("war movies depress me", ([], ["War"])),
])
def test_depressing_genres_are_rejected(resolver, text, expected):
    assert genres(parse(text, [], resolver)) == expected


# Requests (43 invented; 8 missed before this round)
@pytest.mark.parametrize("text", ["¿Otra de Kubrick?", "otra como la primera, porfa", "another one by Scorsese?",
                                  "lo que sea menos musicales", "cualquier cosa que no sea de terror",
                                  "dramas, si es posible"])
def test_requests_found_by_probes(resolver, catalog, text):
    assert parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver).wants_new_recommendations


@pytest.mark.parametrize("text", ["¿cuál de estas me recomiendas para hoy?",
                                  "which of these would you pick for a date?", "¿Jaws es de terror?",
                                  "Heat is a remake, right?", "la otra de las tres, la vi"])
def test_choosing_among_the_list_and_fact_questions_ask_nothing_new(resolver, catalog, text):
    assert not parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver).wants_new_recommendations


@pytest.mark.parametrize("text, expected", [
    ("El resplandor me dio un miedo horrible, me encantó", ([SHINING], [], [], [])),
    ("El resplandor no me dio nada de miedo, qué aburrida", ([], [SHINING], [], [])),
    ("las pelis de terror me dan miedo", ([], [], [], ["Horror"])),
    ("horror films scare me", ([], [], [], ["Horror"])),
])
def test_fear_a_film_gave_is_no_genre_named(resolver, text, expected):
    signal = parse(text, [], resolver)
    assert (*verdicts(signal), *genres(signal)) == expected


@pytest.mark.parametrize("ids, text, expected", [
    ((1, 1214, 4973), "the romantic comedy", [4973]),
    ((1, 1214, 4973), "la comedia romántica", [4973]),
    ((GODFATHER, MATRIX, LEBOWSKI), "the crime drama", [GODFATHER]),
])
def test_a_phrase_of_genre_words_describes_the_one_listed_film_of_those_genres(resolver, catalog, ids, text, expected):
    signal = parse(text, _listed(catalog, *ids), resolver)
    assert (verdicts(signal), genres(signal)) == ((expected, []), ([], []))


def test_a_phrase_with_another_content_word_is_no_genre_description(resolver, catalog):
    assert parse("the black comedy", _listed(catalog, 1, 1214, 4973), resolver).liked_ids == []


# Long messages (12 invented; 4 missed before this round)
@pytest.mark.parametrize("text, expected", [
    ("my son can't stand westerns so nothing with cowboys please", ([], ["Western"])),
    ("odio los musicales así que nada de canciones", ([], ["Musical"])),
])
def test_so_before_a_rejection_opens_a_clause_of_its_own(resolver, text, expected):
    assert genres(parse(text, [], resolver)) == expected


def test_so_before_a_pronoun_keeps_one_clause(resolver):
    assert parse("I loved Jaws so I'd love more like it", [], resolver).liked_ids == [JAWS]


@pytest.mark.parametrize("text, expected", [
    ("heat I watched twice and loved it", ([HEAT], [])),
    ("speed la vi de niña y me aburrió", ([], [SPEED])),
])
def test_a_listed_ordinary_word_title_before_a_subject_pronoun_is_the_topic(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == expected


@pytest.mark.parametrize("text", ["Heat no sé", "Jaws no la conozco", "never heard of Speed", "I don't know that one"])
def test_not_knowing_a_film_is_no_verdict(resolver, catalog, text):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == ([], [])


# Named titles (40 invented; 13 missed before this round)
def test_a_known_the_title_credited_to_its_maker_is_the_film(resolver):
    assert verdicts(parse("hitchcock's the birds still holds up, love it", [], resolver)) == ([1333], [])


@pytest.mark.parametrize("text", ["the ending was great", "the soundtrack is amazing", "the others were boring",
                                  "the rock is such a funny guy"])
def test_a_part_of_a_film_or_a_nickname_is_no_title(resolver, text):
    assert verdicts(parse(text, [], resolver)) == ([], [])


def test_a_title_head_typed_with_punctuation_inside_names_nothing(resolver):
    assert parse("give me something eternal, sunshine and laughs", [], resolver).mentioned_ids == []


@pytest.mark.parametrize("text, expected", [
    ("I want a horror movie that will actually scare me", (["Horror"], [])),
    ("yes i have never seen Heat", ([], [])),
])
def test_wishes_and_interjections_are_no_rejection(resolver, text, expected):
    signal = parse(text, [], resolver)
    assert genres(signal) == expected and signal.disliked_ids == []


@pytest.mark.parametrize("text, expected", [
    ("horror films scare me", ([], ["Horror"])),
    ("the exorcist scared me so much, loved it", ([], [])),
])
def test_english_fear_reactions(resolver, text, expected):
    assert genres(parse(text, [], resolver)) == expected


# Positions (30 invented; 12 missed before this round)
@pytest.mark.parametrize("text, expected", [
    ("the second to last one", [ROCKY]),
    ("la penúltima, porfa", [ROCKY]),
    ("las dos primeras", [GREASE, SHINING]),
    ("1 y 4", [GREASE, SPIRITED]),
    ("los dos del medio", [SHINING, ROCKY]),
    ("going with option 3", [ROCKY]),
    ("me gustan las cuatro", [GREASE, SHINING, ROCKY, SPIRITED]),
])
def test_positions_found_by_probes(resolver, catalog, text, expected):
    previous = _listed(catalog, GREASE, SHINING, ROCKY, SPIRITED)
    assert verdicts(parse(text, previous, resolver)) == (sorted(expected), [])


# Double negatives and denials (24 invented; 5 missed before this round)
@pytest.mark.parametrize("text, expected", [
    ("not that I hated Speed, I just can't remember much of it", ([], [])),
    ("no es que me encante Jaws", ([], [])),
    ("Heat no la recuerdo bien", ([], [])),
    ("Jaws is not without its charms", ([JAWS], [])),
])
def test_denials_and_memory_are_no_verdict_litotes_praise(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == expected


@pytest.mark.parametrize("text, expected", [
    ("no me vendría mal una de vaqueros", (["Western"], [])),
    ("a thriller wouldn't hurt", (["Thriller"], [])),
])
def test_praise_with_a_negator_asks_for_the_genre(resolver, text, expected):
    assert genres(parse(text, [], resolver)) == expected


def test_a_question_with_a_film_as_subject_asks_nothing_new_and_keeps_its_verdicts(resolver, catalog):
    signal = parse("Jaws was great but Speed? Not for me.", _listed(catalog, HEAT, SPEED, JAWS), resolver)
    assert verdicts(signal) == ([JAWS], [SPEED]) and not signal.wants_new_recommendations


# Titles typed loosely (28 invented; 13 missed before this round)
@pytest.mark.parametrize("text, expected", [
    ("close encounters is a great film", 3471),
    ("dr strangelove cracks me up, love it", 750),
])
def test_the_head_of_a_long_title_names_it(resolver, catalog, text, expected):
    assert expected in parse(text, [], resolver).liked_ids


@pytest.mark.parametrize("text", ["what happens next?", "I don't care what happens, just a comedy"])
def test_a_head_that_is_an_everyday_phrase_names_nothing(resolver, text):
    assert parse(text, [], resolver).mentioned_ids == []


@pytest.mark.parametrize("word, expected", [("loooove", "love"), ("gooood", "good"), ("sooo", "so"), ("zzz", "zzz")])
def test_a_stretched_word_is_read_as_its_form(word, expected):
    assert word_forms.unstretch(word) == expected


def test_a_lowercase_kind_of_film_is_no_title(resolver):
    assert resolver.find_in_text("my favourite scary movie") == []


def test_a_known_film_shouted_alone_is_named(resolver):
    assert [m.item_id for m in resolver.find_in_text("CASABLANCA!!! the best")] == [912]


# One-film verdicts in regional Spanish (30 invented; 6 missed) and casual English (30; 4 missed)
@pytest.mark.parametrize("text, expected", [
    ("Jaws está bien chafa", ([], [JAWS])),
    ("Speed es una chimba", ([SPEED], [])),
    ("Heat me pareció una porquería", ([], [HEAT])),
    ("Speed es lo máximo", ([SPEED], [])),
    ("Jaws es una nota, che", ([JAWS], [])),
    ("Heat aged like milk", ([], [HEAT])),
    ("Speed aged like fine wine", ([SPEED], [])),
    ("Jaws is chef's kiss", ([JAWS], [])),
    ("Heat is goated", ([HEAT], [])),
    ("Speed is such a vibe", ([SPEED], [])),
])
def test_verdict_vocabulary_found_by_probes(resolver, catalog, text, expected):
    signal = parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)
    assert verdicts(signal) == expected and set(signal.mentioned_ids) <= {HEAT, SPEED, JAWS}


@pytest.mark.parametrize("ids, text, expected", [
    ((858, 2571, 1732), "la de los bolos", [1732]),
    ((HEAT, SPEED, JAWS), "la del tiburón me encantó", [JAWS]),
    ((HEAT, SPEED, JAWS), "la del autobús, porfa", [SPEED]),
])
def test_spanish_concrete_nouns_describe_listed_films_through_english_tags(resolver, catalog, ids, text, expected):
    assert parse(text, _listed(catalog, *ids), resolver).liked_ids == expected


# Comparisons (10 invented; 5 read wrongly before this round)
@pytest.mark.parametrize("text, expected", [
    ("Jaws > Heat", ([JAWS], [])),
    ("Speed over Jaws any day", ([SPEED], [])),
    ("prefiero Jaws a Heat", ([JAWS], [])),
    ("Heat vs Jaws", ([], [])),
    ("Speed vs Heat, which one is better?", ([], [])),
    ("¿Jaws o Heat, cuál es mejor?", ([], [])),
])
def test_a_comparison_judges_the_yardstick_not(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == expected


# General idioms behind misses of the read fresh8 set, tested on sentences written here
@pytest.mark.parametrize("text, expected", [
    ("Heat nel, Jaws sí", ([JAWS], [HEAT])),
    ("the first two are pure gold", ([HEAT, SPEED], [])),
    ("Jaws is great, the rest can go", ([JAWS], [HEAT, SPEED])),
    ("Speed never clicked for me", ([], [SPEED])),
    ("Heat me embola", ([], [HEAT])),
    ("Jaws y Speed me volaron la cabeza", ([SPEED, JAWS], [])),
    ("I didn't hate Heat, I just didn't get it", ([], [])),
])
def test_idioms_of_the_read_set_on_invented_sentences(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == (sorted(expected[0]), expected[1])


@pytest.mark.parametrize("text, expected", [("westerns, las justas", ([], ["Western"])),
                                            ("los musicales me embolan", ([], ["Musical"]))])
def test_rejecting_genres_with_regional_idioms(resolver, text, expected):
    assert genres(parse(text, [], resolver)) == expected


# General idioms behind misses of the read fresh7 set, tested on sentences written here
@pytest.mark.parametrize("text, expected", [
    ("Heat was a blast. Speed too.", ([HEAT, SPEED], [])),
    ("Jaws me aburrió. Speed también.", ([], [SPEED, JAWS])),
    ("Heat me dejó loco", ([HEAT], [])),
    ("las otras dos son puro relleno, Jaws sí", ([JAWS], [HEAT, SPEED])),
    ("Speed never grabbed me", ([], [SPEED])),
    ("Jaws sounds just right", ([JAWS], [])),
])
def test_idioms_of_the_read_fresh7_set_on_invented_sentences(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == expected


@pytest.mark.parametrize("text, expected", [("estoy podrido de las de guerra", ([], ["War"])),
                                            ("los westerns me dan alergia", ([], ["Western"])),
                                            ("nothing kiddy please", ([], ["Children"]))])
def test_rejecting_genres_with_more_idioms(resolver, text, expected):
    assert genres(parse(text, [], resolver)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Jaws, yes. The other two feel like homework", ([JAWS], [HEAT, SPEED])),
    ("Heat me tuvo con el corazón en un puño", ([HEAT], [])),
    ("me parto de risa con Speed", ([SPEED], [])),
    ("Jaws >>> Heat", ([JAWS], [])),
])
def test_idioms_of_the_read_odd_halves_on_invented_sentences(resolver, catalog, text, expected):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == expected


def test_second_last_is_the_penultimate(resolver, catalog):
    previous = _listed(catalog, GREASE, SHINING, ROCKY, SPIRITED)
    assert verdicts(parse("the second last one", previous, resolver)) == ([ROCKY], [])


# Precision (25 invented messages about seen films, others, hypotheticals, questions; 4 misread)
@pytest.mark.parametrize("text", ["the critics loved Heat", "los críticos odiaron Speed"])
def test_critics_opinions_judge_nothing(resolver, catalog, text):
    assert verdicts(parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver)) == ([], [])


def test_not_getting_to_a_film_is_no_dislike(resolver, catalog):
    text = "Jaws is on my watchlist but I haven't gotten around to it"
    assert parse(text, _listed(catalog, HEAT, SPEED, JAWS), resolver).disliked_ids == []


def test_a_question_about_what_a_film_does_asks_nothing_new(resolver, catalog):
    assert not parse("¿Jaws da mucho miedo?", _listed(catalog, HEAT, SPEED, JAWS), resolver).wants_new_recommendations


def test_a_title_head_with_an_abbreviation_point_is_named(resolver):
    assert parse("Dr. Strangelove is hilarious", [], resolver).liked_ids == [750]


@pytest.mark.parametrize("text, expected", [("Westerns. Even though they can be slow.", ["Western"]),
                                            ("Musicals, even though they can be so corny", ["Musical"])])
def test_a_concession_about_what_was_just_named_takes_nothing_back(resolver, text, expected):
    assert genres(parse(text, [], resolver)) == (expected, [])
