"""Mechanisms of the ninth round, on sentences written for these tests (none from a benchmark file).

Not having seen a film, not knowing it, not finding it to watch and asking what it is like are no
verdicts, and are settled so that the learned verdict gives none either ("never seen the last two",
"no idea what that is", "can't find the second one anywhere", "…, is it good?"). After "I've seen X",
a clause of a negator and films only ("not the other two", "la tercera no") says which were not
seen. A plural demonstrative or a Spanish plural verb with no subject rejects the whole list when
the message names nothing else ("these aren't for me", "no me convencen"). A description that is a
genre word alone describes that genre ("the kids one").
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse, parse_detailed
from tests.signals import verdicts

TOY_STORY, HEAT, FARGO, ALIEN, CASINO = 1, 6, 608, 1214, 16


@pytest.fixture(scope="module")
def listed(catalog):
    return [catalog.get(i) for i in (HEAT, FARGO, TOY_STORY)]


@pytest.mark.parametrize(("text", "seen"), [
    ("never seen the last two", []),
    ("I've seen Heat, not the other two", [HEAT]),
    ("Seen the first one but not the third", [HEAT]),
    ("ya vi la primera y la segunda, la tercera no", [HEAT, FARGO]),
    ("He visto la primera, pero Fargo no.", [HEAT]),
    ("Fargo no la he visto nunca", []),
])
def test_not_seen_is_no_verdict_and_is_settled(resolver, listed, text, seen):
    result = parse_detailed(text, listed, resolver)
    assert verdicts(result.signal) == ([], [])
    assert sorted(result.signal.seen_ids) == sorted(seen)
    unseen = set(result.signal.mentioned_ids) - set(seen)
    assert unseen and unseen <= result.settled


@pytest.mark.parametrize(("text", "disliked"), [
    # a verdict after "seen" stays a verdict
    ("Seen the first, hated the last.", [TOY_STORY]),
    ("Saw Heat, but not the other two, and I won't: they look dull", [FARGO, TOY_STORY]),
])
def test_seen_then_a_real_verdict(resolver, listed, text, disliked):
    assert verdicts(parse(text, listed, resolver))[1] == sorted(disliked)


@pytest.mark.parametrize("text", [
    "the third? no idea what that is",
    "none of these ring a bell",
    "Heat doesn't ring a bell, what's it about?",
    "la segunda no me suena de nada",
    "no conozco ninguna de las tres",
    "can't find the second one anywhere",
    "couldn't find Fargo on any service",
    "la segunda no la encuentro en ningún lado",
    "I haven't watched the second one yet, is it good?",
    "Fargo no la he visto, ¿es buena?",
    "was the first one scary?",
])
def test_unknown_unavailable_or_asked_about_is_no_verdict(resolver, listed, text):
    result = parse_detailed(text, listed, resolver)
    assert verdicts(result.signal) == ([], [])
    assert set(result.signal.mentioned_ids) <= result.settled


@pytest.mark.parametrize(("text", "disliked"), [
    # verdicts with the same verbs stay verdicts
    ("a Fargo no le encuentro la gracia", [FARGO]),
    ("I didn't find Heat funny at all", [HEAT]),
    ("I don't get the hype around the second one", [FARGO]),
])
def test_finding_words_that_are_verdicts(resolver, listed, text, disliked):
    assert verdicts(parse(text, listed, resolver))[1] == sorted(disliked)


@pytest.mark.parametrize("text", [
    "these aren't for me, got any musicals?",
    "not in the mood for those, maybe a romance",
    "no me convencen, ¿tienes alguna comedia?",
    "Uf, esas no me dicen nada.",
])
def test_the_list_as_a_whole_rejected(resolver, listed, text):
    assert verdicts(parse(text, listed, resolver)) == ([], sorted([HEAT, FARGO, TOY_STORY]))


@pytest.mark.parametrize(("text", "disliked"), [
    ("I don't like those kinds of movies", []),  # a kind, not the list
    ("these days I'm not into crime", []),
    ("I hated Alien. Those are not my thing", [ALIEN]),  # the message names its own film
    ("I didn't like the first. These others, no idea", [HEAT]),
])
def test_demonstratives_that_are_not_the_list(resolver, listed, text, disliked):
    assert verdicts(parse(text, listed, resolver))[1] == sorted(disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Not the kids one, I'm watching alone", [], [TOY_STORY]),
    ("the scary one? no thanks", [], []),  # no horror film in the list: it names none of them
    ("The kids one for sure, my niece will love it", [TOY_STORY], []),
])
def test_a_genre_word_describes_a_listed_film(resolver, listed, text, liked, disliked):
    assert verdicts(parse(text, listed, resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "title"), [
    ("I loved the godfather part 2", "Godfather: Part II, The (1974)"),
    ("godfather 2 was even better than the first", "Godfather: Part II, The (1974)"),
    ("loved Rocky 2", "Rocky II (1979)"),
    ("i hated star wars episode 1", "Star Wars: Episode I - The Phantom Menace (1999)"),
    ("star wars episode 5 is the best", "Star Wars: Episode V - The Empire Strikes Back (1980)"),
    ("V for Vendetta was great", "V for Vendetta (2006)"),  # a lone letter V is no number
])
def test_sequel_numbers_typed_as_digits(resolver, catalog, text, title):
    sig = parse(text, [], resolver)
    assert [catalog.get(i).raw_title for i in sig.liked_ids + sig.disliked_ids] == [title]


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Heat and Fargo both slap", [HEAT, FARGO], []),
    ("nah I'm good on Toy Story", [], [TOY_STORY]),  # "I'm good" declines
    ("the first one, nah I'm good", [], [HEAT]),
    ("the second one sounds good", [FARGO], []),  # "good" alone still praises
])
def test_slang_that_praises_or_declines(resolver, listed, text, liked, disliked):
    assert verdicts(parse(text, listed, resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "liked_genres", "disliked_genres", "liked"), [
    ("A mí el cine bélico ni me va ni me viene", [], [], []),
    ("westerns I can take or leave", [], [], []),
    ("ni fu ni fa con los musicales, mejor un western", ["Western"], [], []),
    ("Heat me da igual, Fargo me encantó", [], [], [FARGO]),
    ("me da igual el género mientras no sea de miedo", [], ["Horror"], []),  # indifferent to genre, not to horror
])
def test_indifference_is_no_verdict(resolver, text, liked_genres, disliked_genres, liked):
    sig = parse(text, [], resolver)
    assert (sorted(sig.liked_genres), sorted(sig.disliked_genres), sorted(sig.liked_ids), sig.disliked_ids) == (
        sorted(liked_genres), sorted(disliked_genres), sorted(liked), [])


@pytest.mark.parametrize(("text", "genre"), [
    ("can't find a decent horror movie anywhere, any ideas?", "Horror"),
    ("¿Sería posible una de terror?", "Horror"),
    ("¿Está bien alguna comedia de los 90?", "Comedy"),
    ("no conozco muchas comedias francesas, recomiéndame alguna", "Comedy"),
    ("haven't seen many westerns, any recs?", "Western"),
])
def test_a_genre_in_a_clause_with_no_film_verdict_is_still_asked_for(resolver, text, genre):
    assert parse(text, [], resolver).liked_genres == [genre]


@pytest.mark.parametrize(("text", "liked", "disliked", "seen"), [
    ("la primera ni de coña", [], [HEAT], []),
    ("Fargo ya la tengo vista, las otras no", [], [], [FARGO]),
    ("venga, pon la segunda", [FARGO], [], []),  # taking it up
    ("ok, put on the first one", [HEAT], [], []),
    ("a la tercera le tengo cariño", [TOY_STORY], [], []),
    ("I have a soft spot for Toy Story", [TOY_STORY], [], []),
    ("no está mal la primera", [HEAT], [], []),  # understatement
    ("nada mal la segunda", [FARGO], [], []),
    ("la segunda es mala", [], [FARGO], []),
])
def test_spanish_and_english_list_idioms(resolver, listed, text, liked, disliked, seen):
    sig = parse(text, listed, resolver)
    assert (*verdicts(sig), sorted(sig.seen_ids)) == (sorted(liked), sorted(disliked), sorted(seen))


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("yo soy más de Heat, la verdad", [HEAT], []),  # "ser de X": to be into X
    ("soy muy de Toy Story", [TOY_STORY], []),
    ("no soy mucho de Fargo", [], [FARGO]),
    ("me gustan las de acción, tipo Alien o Heat", [ALIEN, HEAT], []),  # "tipo": "such as"
])
def test_being_into_a_film_and_tipo_examples(resolver, text, liked, disliked):
    assert verdicts(parse(text, [], resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "wants_new"), [
    ("ok, put on the first one", False),  # choosing an offered film asks for nothing new
    ("venga, pon la segunda", False),
    ("put on something funny", True),
    ("pon algo de risa", True),
])
def test_putting_on_an_offered_film_is_a_choice_not_a_request(resolver, listed, text, wants_new):
    assert parse(text, listed, resolver).wants_new_recommendations is wants_new


@pytest.mark.parametrize(("text", "years"), [
    ("not older than the 80s", (1980, None)),
    ("nada anterior a los 80", (1980, None)),
    ("before the 80s", (None, 1979)),
    ("pelis anteriores a los 70", (None, 1969)),
    ("anything after the 60s", (1970, None)),
    ("nothing newer than the 2000s", (None, 2009)),
    ("no más nuevas que los 90", (None, 1999)),
    ("something from the 80s", (1980, 1989)),  # a plain decade stays a decade
])
def test_a_comparison_before_a_decade_gives_one_bound(resolver, text, years):
    sig = parse(text, [], resolver)
    assert (sig.year_min, sig.year_max) == years


@pytest.mark.parametrize("text", ["do you like horror?", "¿te gustan las de terror?", "have you seen Heat?",
                                  "Did you enjoy Fargo?"])
def test_asking_the_assistant_about_its_taste_is_small_talk(resolver, text):
    sig = parse(text, [], resolver)
    assert (sig.liked_ids, sig.disliked_ids, sig.seen_ids, sig.liked_genres, sig.wants_new_recommendations) == (
        [], [], [], [], False)


@pytest.mark.parametrize(("text", "genre"), [("do you have any horror?", "Horror"),
                                             ("do you know any good westerns?", "Western")])
def test_asking_the_assistant_for_films_is_still_a_request(resolver, text, genre):
    sig = parse(text, [], resolver)
    assert sig.liked_genres == [genre] and sig.wants_new_recommendations


@pytest.mark.parametrize(("text", "liked"), [
    ("my kids are obsessed with Toy Story", [TOY_STORY]),
    ("estoy obsesionada con Fargo", [FARGO]),
    ("I grew up on Alien", [ALIEN]),
    ("Heat still holds up", [HEAT]),  # a capitalised one-word title before "still"/"holds"
    ("Alien aged like fine wine", [ALIEN]),
])
def test_idioms_of_liking(resolver, text, liked):
    assert verdicts(parse(text, [], resolver)) == (sorted(liked), [])


@pytest.mark.parametrize("text", ["Heat? nada del otro mundo", "Fargo: nothing special"])
def test_nothing_special_is_no_verdict(resolver, text):
    assert verdicts(parse(text, [], resolver)) == ([], [])


@pytest.mark.parametrize(("text", "disliked"), [
    ("Titanic se me hizo larguísima", [1721]),  # a one-word title before a reflexive "se"
    ("No es que Titanic sea mala, pero es larguísima", [1721]),
])
def test_way_too_long_in_spanish(resolver, text, disliked):
    assert verdicts(parse(text, [], resolver)) == ([], disliked)


CASABLANCA = 912


@pytest.fixture(scope="module")
def eras(catalog):
    return [catalog.get(i) for i in (ALIEN, TOY_STORY, CASABLANCA)]


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("the old black and white one is a classic", [CASABLANCA], []),
    ("la más antigua no, que es en blanco y negro", [], [CASABLANCA]),
    ("the newest one looks great", [TOY_STORY], []),
    ("the most recent one for me", [TOY_STORY], []),
    ("the oldest one, definitely", [CASABLANCA], []),
    ("the one from the 40s looks great", [CASABLANCA], []),
    ("la de los 40 me encanta", [CASABLANCA], []),
    ("la del 42 me encanta", [CASABLANCA], []),
    ("the romantic one isn't my thing", [], [CASABLANCA]),  # a description, not the title "The Romantics"
    ("I want something more recent", [], []),  # an era asked for, no listed film
])
def test_listed_films_described_by_era_decade_and_genre(resolver, eras, text, liked, disliked):
    assert verdicts(parse(text, eras, resolver)) == (sorted(liked), sorted(disliked))


def test_a_decade_naming_a_listed_film_sets_no_range(resolver, eras):
    sig = parse("the one from the 40s looks great", eras, resolver)
    assert (sig.year_min, sig.year_max) == (None, None)
    sig = parse("something from the 40s", eras, resolver)
    assert (sig.year_min, sig.year_max) == (1940, 1949)


@pytest.mark.parametrize(("text", "liked", "seen"), [
    ("Heat I've seen like five times lol", [], [HEAT]),  # "like" before a number is a hedge
    ("watched Fargo like a hundred times", [], [FARGO]),
    ("seen em all", [], [HEAT, FARGO, TOY_STORY]),
    ("loved em all", [HEAT, FARGO, TOY_STORY], []),
])
def test_hedging_like_and_em_all(resolver, listed, text, liked, seen):
    sig = parse(text, listed, resolver)
    assert (sorted(sig.liked_ids), sorted(sig.seen_ids)) == (sorted(liked), sorted(seen))


def test_like_a_thing_is_still_liking(resolver):
    assert parse("I like a good thriller", [], resolver).liked_genres == ["Thriller"]


@pytest.mark.parametrize(("text", "liked", "disliked", "seen"), [
    ("No, the second one", [FARGO], [], []),  # "no" answers the assistant; the second one is chosen
    ("no, the second, not the first", [FARGO], [HEAT], []),
    ("nah, the last one", [TOY_STORY], [], []),
    ("nothing against Heat, just not in the mood", [], [], []),
    ("I have no strong feelings about these", [], [], []),
    ("no idea about the first two", [], [], []),
    ("Heat's not really my style but my wife might like it", [], [HEAT], []),  # a guess is no verdict
    ("puede que a mi hermana le guste la segunda", [], [], []),
    ("not the first one, I've seen it", [], [], [HEAT]),  # rejected because seen: seen, no verdict
    ("la primera no, que ya la vi", [], [], [HEAT]),
    ("I'd skip the first since I've seen it", [], [], [HEAT]),
    ("not the first one, it's boring", [], [HEAT], []),  # a reason that is a verdict stays one
])
def test_answers_guesses_and_rejections_for_having_seen(resolver, listed, text, liked, disliked, seen):
    sig = parse(text, listed, resolver)
    assert (*verdicts(sig), sorted(sig.seen_ids)) == (sorted(liked), sorted(disliked), sorted(seen))
