"""Mechanisms of the tenth round, on sentences written for these tests (none from a benchmark file).

A film just listed whose title is an ordinary lowercase word ("speed", "big", "up") is named where
a title stands: opening a clause as the subject of a verdict, or after a film verb ending its
phrase; never inside a phrase ("I'm up for anything"), never an object pronoun ("loved her"), and
never without the list. A title asked about after "but" may get its verdict in the next sentence
("…, but the cartoon? Pass."). A genre noun as the subject of a verdict names the one listed film
of that genre ("the cartoon sounds good"), and stays a genre when several fit. Spanish "es un
clásico", "made me think" and "fed up with" are verdicts. A bare verdict right after "seen X"
judges X ("seen heat, great"; politeness is no verdict). Spanish "todos" next to a first-person
plural verb is the people, not the list ("lloramos todos"); "vimos" says seen; "la de dibujos" is
the animated one. Open ranges take two-digit years ("del 85 en adelante") and "o de antes";
an indefinite person's praise is hearsay ("a neighbour swears…"); "X beats the others" likes X
only; "definitely seen" is seen; "the middle two" of four; a fronted genre takes a verdict with a
contraction and an adverb ("Musicals, though, I've never really got into"). "Neither am I" and
"me neither" name no film; a listed title alone in its sentence names it in any case; after "and",
a list position with its own verdict or "I don't know" is a clause of its own. An indefinite noun
phrase asked for ("a slow, moody detective thing?"), "stuff with…" and "sino una de…" are requests.
A dotted acronym is one word ("L.A."). Two negations that cancel are an affirmation ("I don't NOT
want…", "not that I don't…", "no es que no…"); "not a bad one among them" likes the whole list.
A cousin's or a friend's verdict is theirs unless the user watches with them (rule 14); common
Latin American praise ("chida", "se ven padrísimas") is praise. "not that one" rejects the film
before it ("not that long" stays a qualifier); "la que más me llama" is what appeals. A plural
topic opening a verdict names the one listed film whose own words carry it ("pigs just aren't for
me"); a genre stays a genre. Two verdicts on two genres joined by "and" are two clauses ("I
adore musicals and hate war films"); "las" before a noun is an article, not "them". Frames that
affirm ("no voy a negar que…", "I can't deny…") and "no hay ni una que no…" / "there isn't one I
wouldn't…" (every listed film) read as the affirmation they are.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse
from tests.signals import listed as _listed
from tests.signals import verdicts

SPEED, BIG, HER, HEAT, FARGO, UP, CASABLANCA, UNFORGIVEN = 377, 2797, 106920, 6, 608, 68954, 912, 1266


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("speed was a blast, big not really", [SPEED], [BIG]),
    ("adored big and speed", [SPEED, BIG], []),
    ("big? nah. speed yes", [SPEED], [BIG]),
    ("her made me think for days", [HER], []),
    ("vi speed y me aburrió, big es un clásico", [BIG], [SPEED]),
    # not a title: inside a phrase, an object pronoun, someone else's verdict
    ("I need some speed tonight, something fast", [], []),
    ("loved her", [], []),
])
def test_a_listed_lowercase_word_title_where_a_title_stands(catalog, resolver, text, liked, disliked):
    assert verdicts(parse(text, _listed(catalog, SPEED, BIG, HER), resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("heat was decent, fargo not so much, up made me cry in a good way", [UP], [FARGO]),
    ("up is overrated tbh, the others I haven't watched", [], [UP]),
    ("I'm up for anything, fargo looks great", [FARGO], []),
    ("fed up with crime movies, the cartoon sounds good", [UP], []),
    ("the ending was great, fargo too", [FARGO], []),
])
def test_up_and_heat_lowercase_in_a_list(catalog, resolver, text, liked, disliked):
    assert verdicts(parse(text, _listed(catalog, HEAT, FARGO, UP), resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize("text", ["big not really, something else", "I need some speed tonight",
                                  "she was big on action", "signs of a good thriller"])
def test_without_the_list_an_ordinary_word_is_no_title(resolver, text):
    signal = parse(text, [], resolver)
    assert signal.mentioned_ids == [] and verdicts(signal) == ([], [])


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("the crime ones are my jam but the cartoon? pass", [HEAT, FARGO], [UP]),
    ("Fargo was great but Up? Not for me.", [FARGO], [UP]),
    ("me encantó Heat pero la de animación? ni loco", [HEAT], [UP]),
    ("heat yes but the cartoon? pass", [HEAT], [UP]),
])
def test_a_title_asked_after_but_gets_the_next_sentence_verdict(catalog, resolver, text, liked, disliked):
    assert verdicts(parse(text, _listed(catalog, HEAT, FARGO, UP), resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "liked"), [
    ("Casablanca es un clásico", [CASABLANCA]),
    ("Casablanca fue todo un clásico para mi abuelo y para mí", [CASABLANCA]),
    ("Quiero un clásico de los 50", []),
])
def test_a_classic_and_made_me_think_are_verdicts(resolver, text, liked):
    assert verdicts(parse(text, [], resolver))[0] == liked


@pytest.mark.parametrize(("listed", "text", "liked", "genres"), [
    ((HEAT, UNFORGIVEN, BIG), "el western pinta bien", [UNFORGIVEN], []),
    ((HEAT, UNFORGIVEN, BIG), "the comedy looks fun", [BIG], []),
    # two listed comedies: the genre, not a film
    ((FARGO, UNFORGIVEN, BIG), "the comedy looks fun", [], ["Comedy"]),
    ((HEAT, FARGO, UP), "fed up with crime movies, the cartoon sounds good", [UP], []),
])
def test_a_genre_noun_subject_names_the_one_listed_film_of_it(catalog, resolver, listed, text, liked, genres):
    signal = parse(text, _listed(catalog, *listed), resolver)
    assert verdicts(signal)[0] == liked and signal.liked_genres == genres


@pytest.mark.parametrize(("text", "liked", "disliked", "seen"), [
    ("seen heat, great", [HEAT], [], []),
    ("Seen Fargo, overrated", [], [FARGO], []),
    ("vimos la primera, muy buena", [HEAT], [], []),
    ("Marca Heat como vista, por favor", [], [], [HEAT]),
    ("seen the first, no", [], [], [HEAT]),
    ("Up la vi con mis hijos y lloramos todos", [], [], [UP]),
    ("las vimos todas", [], [], [HEAT, FARGO, UP]),
    ("la de dibujos me encantó", [UP], [], []),
])
def test_seen_then_a_bare_verdict_and_spanish_groups(catalog, resolver, text, liked, disliked, seen):
    signal = parse(text, _listed(catalog, HEAT, FARGO, UP), resolver)
    assert verdicts(signal) == (sorted(liked), sorted(disliked)) and sorted(signal.seen_ids) == sorted(seen)


@pytest.mark.parametrize(("text", "bounds"), [
    ("algo del 85 en adelante", (1985, None)),
    ("anything from 72 on, please", (1972, None)),
    ("de los 60 o de antes", (None, 1969)),
    ("the 2000s or before", (None, 2009)),
    ("de los 90 o posterior", (1990, None)),
])
def test_open_ranges_with_two_digit_years_and_or_earlier(resolver, text, bounds):
    signal = parse(text, [], resolver)
    assert (signal.year_min, signal.year_max) == bounds


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # an indefinite other person's praise is hearsay
    ("a neighbour swears the second one is a masterpiece, is it?", [], []),
    ("una amiga dice que Fargo es buenísima", [], []),
    ("someone told me Heat was amazing", [], []),
    # "X beats the others": X is liked, the others are the yardstick
    ("Fargo beats the other two easily", [FARGO], []),
    ("la primera supera a las otras dos", [HEAT], []),
    ("the second is much better than the rest", [FARGO], []),
    # "definitely seen" is seen, not liked
    ("I've definitely seen Fargo, years ago", [], []),
])
def test_hearsay_comparisons_and_seen_intensifiers(catalog, resolver, text, liked, disliked):
    assert verdicts(parse(text, _listed(catalog, HEAT, FARGO, UP), resolver)) == (sorted(liked), sorted(disliked))


def test_the_middle_ones_of_an_even_list(catalog, resolver):
    four = _listed(catalog, HEAT, FARGO, UP, SPEED)
    assert verdicts(parse("the middle two look great", four, resolver)) == (sorted([FARGO, UP]), [])
    assert verdicts(parse("las dos del medio no", four, resolver)) == ([], sorted([FARGO, UP]))
    # no middle one in a list of four
    assert parse("the middle one rocks", four, resolver).liked_ids == []


@pytest.mark.parametrize(("text", "disliked"), [
    ("Musicals, though, I've never really got into", ["Musical"]),
    ("war films I've never gotten into", ["War"]),
])
def test_a_fronted_genre_takes_a_verdict_with_a_contraction(resolver, text, disliked):
    signal = parse(text, [], resolver)
    assert signal.disliked_genres == disliked and signal.liked_genres == []


LADY_VANISHES, STEPS_39, STRANGERS, REBECCA = 2208, 965, 2186, 928
SPANISH_REPLY = "Tres de Hitchcock: Alarma en el expreso (1938), Los 39 escalones (1935) y Extraños en un tren (1951)."


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Extraños en un tren me aburrió, alarma en el expreso me encantó", [LADY_VANISHES], [STRANGERS]),
    ("39 escalones ya la vi y es una joya", [STEPS_39], []),
    ("lo de alarma en el expreso no, gracias", [], [LADY_VANISHES]),
])
def test_names_the_reply_gave_its_films_name_them(catalog, resolver, text, liked, disliked):
    listed = _listed(catalog, LADY_VANISHES, STEPS_39, STRANGERS)
    assert verdicts(parse(text, listed, resolver, SPANISH_REPLY)) == (sorted(liked), sorted(disliked))
    # without the reply these Spanish names are unknown
    assert not set(parse(text, listed, resolver).mentioned_ids) & set(liked + disliked)


def test_reply_aliases_follow_the_years_in_order(catalog, resolver):
    listed = _listed(catalog, LADY_VANISHES, STEPS_39, STRANGERS)
    aliases = resolver.reply_aliases(SPANISH_REPLY, listed)
    assert aliases["alarma en el expreso"] == LADY_VANISHES and aliases["extranos en un tren"] == STRANGERS
    assert aliases["39 escalones"] == aliases["los 39 escalones"] == STEPS_39  # with and without the article
    assert not any(name.startswith("tres") for name in aliases)  # the intro ends at the colon
    # the catalog's own names add nothing ("Rebeca" is a known Spanish title of Rebecca)
    assert "rebeca" not in resolver.reply_aliases("Prueba con Rebeca (1940).", [catalog.get(REBECCA)])
    # two films of one year, listed out of the reply's order: that year names neither
    same_year = "Te propongo Extraños en un tren (1951) y Alarma en el expreso (1951)."
    assert resolver.reply_aliases(same_year, _listed(catalog, STEPS_39, STRANGERS)) == {}
    assert resolver.reply_aliases("", listed) == {} and resolver.reply_aliases(SPANISH_REPLY, []) == {}


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # "neither am I" / "me neither" agree with someone: they name no film
    ("my wife hates gore and neither do I", [], []),
    ("me neither, but Fargo looks fun", [FARGO], []),
    ("neither of them, sorry", [], [HEAT, FARGO, UP]),
    # a listed title typed in capitals (or lowercase) alone in its sentence
    ("FARGO!!! the other two nah", [FARGO], [HEAT, UP]),
    ("heat. the rest, no thanks", [HEAT], [FARGO, UP]),
    # after "and", a list position with its own verdict, or unknown, is a clause of its own
    ("the first was a chore and the second I don't know", [], [HEAT]),
    ("la tercera me encantó y la primera no la he visto", [UP], []),
    # a list joined by "and" keeps one verdict
    ("the first and the third were great", [HEAT, UP], []),
    ("Up was a hit with my kids", [UP], []),
])
def test_agreement_capitals_and_positions_after_and(catalog, resolver, text, liked, disliked):
    assert verdicts(parse(text, _listed(catalog, HEAT, FARGO, UP), resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "wants"), [
    ("a slow, moody detective thing?", True),
    ("stuff with a lot of heart", True),
    ("no me pongas una de miedo, sino una de risa", True),
    ("a bit long, no?", False),
    ("an odd choice?", False),
])
def test_requests_as_noun_phrases(resolver, text, wants):
    assert parse(text, [], resolver).wants_new_recommendations is wants


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("loved L.A. Confidential", [1617], []),
    ("LA Confidential? bailed halfway through", [], [1617]),
    ("la confidential was great", [1617], []),  # typed in lowercase, still the title
])
def test_a_dotted_acronym_is_one_word(resolver, text, liked, disliked):
    assert verdicts(parse(text, [], resolver)) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked", "genres"), [
    # two negations that cancel
    ("I don't NOT want a western", [], [], (["Western"], [])),
    ("it's not that I don't like musicals, just not tonight", [], [], (["Musical"], [])),
    ("no es que no me gusten los westerns", [], [], (["Western"], [])),
    ("not that I'm complaining, but no musicals", [], [], ([], ["Musical"])),
    # none of the listed is bad: all are liked
    ("not a weak one among them", [HEAT, FARGO, UP], [], ([], [])),
    ("not a single dud in this bunch", [HEAT, FARGO, UP], [], ([], [])),
    ("no complaints about any of them", [HEAT, FARGO, UP], [], ([], [])),
    ("the best among them is Fargo", [FARGO], [], ([], [])),
    ("the third is a dud", [], [UP], ([], [])),
])
def test_double_negation_and_no_bad_one_among_them(catalog, resolver, text, liked, disliked, genres):
    signal = parse(text, _listed(catalog, HEAT, FARGO, UP), resolver)
    assert verdicts(signal) == (sorted(liked), sorted(disliked))
    assert (signal.liked_genres, signal.disliked_genres) == genres


@pytest.mark.parametrize(("text", "liked", "disliked", "seen"), [
    # a whole-list rejection because they were seen: seen, not disliked
    ("ninguna de esas, ya las vi todas", [], [], [HEAT, FARGO, UP]),
    ("none of those, seen them all", [], [], [HEAT, FARGO, UP]),
    ("none of those, too slow for me", [], [HEAT, FARGO, UP], []),
    # taking one up with "me apunto"
    ("me apunto la tercera para el domingo", [UP], [], []),
])
def test_rejected_because_seen_and_taking_one_up(catalog, resolver, text, liked, disliked, seen):
    signal = parse(text, _listed(catalog, HEAT, FARGO, UP), resolver)
    assert verdicts(signal) == (sorted(liked), sorted(disliked)) and sorted(signal.seen_ids) == sorted(seen)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # someone the user does not say they watch with: their taste, not the user's (rule 14)
    ("my cousin hates the second one", [], []),
    ("mi amiga adora la primera", [], []),
    ("my cousin hates the second one, I love it", [FARGO], []),
    ("my cousin and I loved the first", [HEAT], []),
    ("watching with my sister tonight: she hates the third", [], [UP]),
    # the people the user chooses for count
    ("my kids adore the third", [UP], []),
    # Latin American praise
    ("la primera está bien chida", [HEAT], []),
    ("las dos últimas se ven padrísimas", [FARGO, UP], []),
    ("mi padre vio la segunda", [], []),
])
def test_other_peoples_tastes_and_latin_american_praise(catalog, resolver, text, liked, disliked):
    assert verdicts(parse(text, _listed(catalog, HEAT, FARGO, UP), resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("the third? not that one", [], [UP]),
    ("my wife would walk out of the first, so not that one", [], [HEAT]),
    ("nothing that long, please", [], []),  # a qualifier, no film
    ("la que más me llama es la segunda", [FARGO], []),
    ("la única que no me llama es la primera", [], [HEAT]),
    ("mi madre me llama luego", [], []),
])
def test_not_that_one_and_what_appeals(catalog, resolver, text, liked, disliked):
    assert verdicts(parse(text, _listed(catalog, HEAT, FARGO, UP), resolver)) == (sorted(liked), sorted(disliked))


BABE, TOP_GUN = 34, 1101


@pytest.mark.parametrize(("text", "liked", "disliked", "genres"), [
    # a plural topic opening a verdict names the one listed film whose own words carry it
    ("pigs just aren't for me", [], [BABE], []),
    ("pigs are adorable", [BABE], [], []),
    # a genre stays the genre; a plural that no listed film carries names nothing
    ("dramas are my thing", [], [], ["Drama"]),
    ("friends are coming over later", [], [], []),
])
def test_a_plural_topic_names_the_listed_film_that_carries_it(catalog, resolver, text, liked, disliked, genres):
    signal = parse(text, _listed(catalog, BABE, TOP_GUN, HEAT), resolver)
    assert verdicts(signal) == (sorted(liked), sorted(disliked)) and signal.liked_genres == genres


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # two verdicts on two genres joined by "and"/"y"
    ("I adore musicals and hate war films", ["Musical"], ["War"]),
    ("odio el terror y me encantan las comedias", ["Comedy"], ["Horror"]),
    ("me encantan los westerns y no soporto los musicales", ["Western"], ["Musical"]),
    ("le encantan los documentales y no soporta las películas de ahora", ["Documentary"], []),
    # one verdict on a list of genres
    ("I love westerns and war films", ["Western", "War"], []),
])
def test_two_verdicts_on_two_genres_joined_by_and(resolver, text, liked, disliked):
    signal = parse(text, [], resolver)
    assert sorted(signal.liked_genres) == sorted(liked) and sorted(signal.disliked_genres) == sorted(disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("no hay ni una que no me guste", [HEAT, FARGO, UP], []),
    ("there isn't one I wouldn't watch", [HEAT, FARGO, UP], []),
    ("no voy a negar que la tercera no me aburrió", [UP], []),
    ("I can't deny I hated the second", [], [FARGO]),
])
def test_frames_that_affirm(catalog, resolver, text, liked, disliked):
    assert verdicts(parse(text, _listed(catalog, HEAT, FARGO, UP), resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "bounds"), [
    ("anything from 2012 to now", (2012, None)),
    ("desde el 98 hasta hoy", (1998, None)),
    ("from 1990 to 1995", (1990, 1995)),
])
def test_a_range_up_to_now_is_open(resolver, text, bounds):
    signal = parse(text, [], resolver)
    assert (signal.year_min, signal.year_max) == bounds


ROCKY, NOSFERATU, GROUNDHOG, HOOP_DREAMS = 1954, 1348, 1265, 246


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # a Spanish description read through the Spanish topic table against English tags
    ("la de boxeo me encanta", [ROCKY], []),
    ("la de vampiros no, gracias", [], [NOSFERATU]),
    ("the boxing one is great", [ROCKY], []),
    ("el de baloncesto, sin duda", [HOOP_DREAMS], []),  # no cognate: only the table knows it
])
def test_a_spanish_description_matches_english_tags(catalog, resolver, text, liked, disliked):
    listed = _listed(catalog, ROCKY, NOSFERATU, GROUNDHOG, HOOP_DREAMS)
    assert verdicts(parse(text, listed, resolver)) == (sorted(liked), sorted(disliked))


def test_a_listed_lowercase_word_title_reads_as_its_capitalised_form(catalog, resolver):
    """After a verb of liking and ending its phrase, a listed lowercase title is read wherever the capitalised
    one is: whose verdict "she loved" gives is the third-person reader's business, not the title's."""
    listed = _listed(catalog, SPEED, BIG, HER)
    lower = parse("she loved big when she was a kid", listed, resolver)
    assert verdicts(lower) == verdicts(parse("she loved Big when she was a kid", listed, resolver))
    assert BIG in lower.mentioned_ids
