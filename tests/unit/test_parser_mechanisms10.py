"""Mechanisms of the eleventh round, on sentences written for these tests (none from a benchmark file).

A Spanish release title is also found without its leading article ("señor de los anillos", as
"godfather" names The Godfather), when at least two words remain: a lone noun left ("pájaros" of
Los pájaros) is an ordinary word. A Spanish absolute superlative or augmentative reads as its plain
word when only that one is a verdict cue ("pesadísima" as "pesada", "un rollazo" as "un rollo");
one a cue names itself stays as it is.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding import word_forms
from chat_rec.understanding.parser import parse
from tests.signals import verdicts

SCHINDLER, LAMBS, TITANIC, LEBOWSKI, LIFE_IS_BEAUTIFUL, GREEN_MILE, AMELIE, FELLOWSHIP, PRESTIGE = (
    527, 593, 1721, 1732, 2324, 3147, 4973, 4993, 48780)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("señor de los anillos es de mis favoritas", [FELLOWSHIP], []),
    ("lista de Schindler me dejó hecho polvo, qué peliculón", [SCHINDLER], []),
    ("vida es bella no me gustó nada", [], [LIFE_IS_BEAUTIFUL]),
    ("me encantó milla verde y también gran Lebowski", [LEBOWSKI, GREEN_MILE], []),
    # with the article, as before
    ("El silencio de los corderos me pareció aburrida", [], [LAMBS]),
])
def test_a_spanish_title_is_found_without_its_article(resolver, text, liked, disliked):
    assert verdicts(parse(text, [], resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize("text", [
    "me encantan los documentales de pájaros, algo de naturaleza",
    "mi hija quiere una peli con una sirenita, le encantan",
])
def test_a_lone_word_left_of_a_spanish_title_names_no_film(resolver, text):
    sig = parse(text, [], resolver)
    assert not sig.liked_ids and not sig.disliked_ids


@pytest.mark.parametrize(("token", "plain"), [
    ("pesadisima", "pesada"),
    ("flojisimo", "flojo"),
    ("preciosisimas", "preciosas"),
    ("aburridisimo", "aburridisimo"),  # a cue reads it already
    ("buenisima", "buenisima"),
    ("muchisimo", "muchisimo"),  # no cue either way
    ("tristisima", "tristisima"),
    ("casa", "casa"),
    ("rollazo", "rollo"),  # augmentative of "un rollo"
    ("terraza", "terraza"),
    ("abrazo", "abrazo"),
    ("mejorcito", "mejor"),  # diminutives
    ("lentita", "lenta"),
    ("bonito", "bonito"),
    ("poquito", "poquito"),
])
def test_a_superlative_reads_as_its_plain_adjective_only_where_that_helps(token, plain):
    assert word_forms.plain_word(token) == plain


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("vi Titanic, pesadísima", [], [TITANIC]),
    ("Amelie, preciosísima", [AMELIE], []),
    ("El truco final me pareció flojísima", [], [PRESTIGE]),
    ("El truco final, buenísima", [PRESTIGE], []),
    ("El gran Lebowski fue un rollazo, pero Amelie me encantó", [AMELIE], [LEBOWSKI]),
])
def test_a_superlative_verdict(resolver, text, liked, disliked):
    assert verdicts(parse(text, [], resolver)) == (sorted(liked), sorted(disliked))


HEAT, FARGO, CASABLANCA = 6, 608, 912


@pytest.fixture(scope="module")
def listed(catalog):
    return [catalog.get(i) for i in (HEAT, FARGO, CASABLANCA)]


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # an interjection or expletive only intensifies a bare verdict on the film asked about before it
    ("heat? oh yes", [HEAT], []),
    ("casablanca? meh. heat? hell yes", [HEAT], [CASABLANCA]),
    ("Fargo? heck yeah", [FARGO], []),
    # verdict idioms
    ("Heat is right up there for me", [HEAT], []),
    ("Casablanca never disappoints", [CASABLANCA], []),
    ("Heat I'd happily rewatch", [HEAT], []),
    ("the black and white one is a bit much for a friday", [], [CASABLANCA]),
    ("casablanca sounds like a nap", [], [CASABLANCA]),
    ("heat yes, the other two zzz", [HEAT], [FARGO, CASABLANCA]),
    ("Fargo nunca falla", [FARGO], []),
    ("la última me da sueño solo de verla", [], [CASABLANCA]),
    ("Heat me la salto", [], [HEAT]),
    # "give X a miss" passes on it; "give X a go" takes it up
    ("i'd give casablanca a miss", [], [CASABLANCA]),
    ("I'd give Fargo a go", [FARGO], []),
    # a listed film put on one's list is taken up; one that was on it long ago is not
    ("fargo's on my list now, cheers", [FARGO], []),
    ("Heat goes straight onto my watchlist", [HEAT], []),
    ("Fargo was on my list for years, finally watched it", [], []),
])
def test_list_reactions_of_the_eleventh_round(resolver, listed, text, liked, disliked):
    assert verdicts(parse(text, listed, resolver)) == (sorted(liked), sorted(disliked))


AIRPLANE, BLAZING_SADDLES, YOUNG_FRANKENSTEIN, ROPE = 2791, 3671, 1278, 2176


@pytest.mark.parametrize(("text", "liked", "disliked", "seen"), [
    # a title's own "!" inside a sentence that goes on ends no sentence
    ("I've already seen Blazing Saddles, Airplane! and Young Frankenstein", [], [],
     [AIRPLANE, BLAZING_SADDLES, YOUNG_FRANKENSTEIN]),
    ("I loved Airplane! Now something else", [AIRPLANE], [], []),
    ("Airplane! was hilarious", [AIRPLANE], [], []),
    # titles alone before a comma share the verdict of titles joined by "and" after it
    ("Casablanca, Heat and Fargo were great", [CASABLANCA, HEAT, FARGO], [], []),
    ("Casablanca, Rope, Heat y Fargo me encantaron", [CASABLANCA, ROPE, HEAT, FARGO], [], []),
    ("Rope, Heat and Fargo were boring", [], [ROPE, HEAT, FARGO], []),
    # not a list: one title, or a verb of its own before the comma
    ("Casablanca, Heat was great", [HEAT], [], []),
    ("I watched Casablanca, Heat and Fargo were great", [HEAT, FARGO], [], [CASABLANCA]),
])
def test_title_marks_and_listed_subjects(resolver, text, liked, disliked, seen):
    sig = parse(text, [], resolver)
    assert verdicts(sig) == (sorted(liked), sorted(disliked))
    assert sorted(sig.seen_ids) == sorted(seen)


@pytest.mark.parametrize(("text", "liked", "disliked", "seen"), [
    # eagerness to watch a listed film takes it up; "can't wait" is no negation
    ("can't wait to watch Fargo", [FARGO], [], []),
    ("I'm itching to see the last one", [CASABLANCA], [], []),
    ("la primera, me muero por verla", [HEAT], [], []),
    ("Heat? de lo mejorcito que hay", [HEAT], [], []),
    # "all but X" is "all except X"; a film excepted from "seen all" is not seen
    ("all but the second look great", [HEAT, CASABLANCA], [FARGO], []),
    ("we watched them all except Fargo", [], [], [HEAT, CASABLANCA]),
    ("ya las vi todas menos la última", [], [], [HEAT, FARGO]),
])
def test_eagerness_and_exceptions(resolver, listed, text, liked, disliked, seen):
    sig = parse(text, listed, resolver)
    assert verdicts(sig) == (sorted(liked), sorted(disliked))
    assert sorted(sig.seen_ids) == sorted(seen)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # keeping a genre away, an allergy and "not my scene" reject it
    ("keep the horror away from me, a light comedy please", ["Comedy"], ["Horror"]),
    ("I'm allergic to musicals", [], ["Musical"]),
    ("soy alérgica a los musicales", [], ["Musical"]),
    ("westerns are not really my scene", [], ["Western"]),
    ("war films are my scene", ["War"], []),
])
def test_genre_idioms(resolver, text, liked, disliked):
    sig = parse(text, [], resolver)
    assert (sorted(sig.liked_genres), sorted(sig.disliked_genres)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "year_min", "year_max"), [
    ("a war film, 1960 at the earliest", 1960, None),
    ("algo de 2000 como pronto", 2000, None),
    ("1980 at the latest, a comedy", None, 1980),
    ("de 1995 como muy tarde", None, 1995),
])
def test_years_at_the_earliest_and_latest(resolver, text, year_min, year_max):
    sig = parse(text, [], resolver)
    assert (sig.year_min, sig.year_max) == (year_min, year_max)
