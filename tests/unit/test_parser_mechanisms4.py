"""Parser mechanisms of the fifth round, on sentences written for these tests (none from a
benchmark file).

Years: a two-digit year after a comparison ("nothing before 98"), an open decade that is ruled
out ("nothing from the 70s or earlier", "de los setenta para atrás no"), a year named by
reference ("born in 1984, something from that year"), and a listed movie picked out by its year
("la del 79"), which is no range. References: a singular "la otra" only when one movie is left;
a clause that opens with its own phrase for a listed movie keeps its pronoun ("la de X la odio")
from reaching a movie named earlier. Makers: "suspense de Hitchcock", "la de Chaplin". Verdicts:
a negated verb of aversion ("I don't hate musicals") is no like, and no second reader gives it one.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse, parse_detailed
from chat_rec.understanding.years import extract_years
from tests.signals import verdicts

JAWS, ALIEN, FARGO, HEAT, TITANIC = 1387, 1214, 608, 6, 1721
GENERAL, CITY_LIGHTS, MODERN_TIMES = 3022, 3307, 3462


@pytest.fixture(scope="module")
def listed(catalog):
    return [catalog.get(JAWS), catalog.get(ALIEN), catalog.get(FARGO)]


@pytest.mark.parametrize(("text", "expected"), [
    ("nothing before 98 please", (1998, None)),
    ("nada anterior al 85", (1985, None)),
    ("something after 03", (2004, None)),
    ("no older than 91", (1991, None)),
    ("anything before 2001", (None, 2000)),
    ("a short one, under 95 minutes, after 1990", (1991, None)),  # a length is no year
    ("nothing from the 70s or earlier", (1980, None)),
    ("que no sea de los setenta para atrás", (1980, None)),
    ("de los setenta para atrás", (None, 1979)),
    ("nada de los 90 en adelante", (None, 1989)),
    ("the 60s or earlier", (None, 1969)),
    ("my dad was born in 1962, something from that year for his birthday", (1962, 1962)),
    ("me casé en 1994 y quiero algo de ese mismo año", (1994, 1994)),
    ("something from that year", (None, None)),  # no year said before it
])
def test_year_phrases(text, expected):
    year_min, year_max, _ = extract_years(" ".join(text.replace(",", " ").split()).lower()
                                          .replace("é", "e").replace("ñ", "n").replace("á", "a"))
    assert (year_min, year_max) == expected


def test_a_listed_movie_picked_out_by_its_year_is_no_range(resolver, catalog):
    silent = [catalog.get(GENERAL), catalog.get(CITY_LIGHTS), catalog.get(MODERN_TIMES)]
    sig = parse("la del 31 me parece preciosa", silent, resolver)
    assert verdicts(sig) == ([CITY_LIGHTS], [])
    assert (sig.year_min, sig.year_max) == (None, None)
    sig = parse("I'll take the one from 1926", silent, resolver)
    assert (sig.year_min, sig.year_max) == (None, None)
    # a year no listed movie has is still a range
    sig = parse("something from 1940 instead", silent, resolver)
    assert (sig.year_min, sig.year_max) == (1940, 1940)


def test_a_description_with_a_year_picks_the_movie_of_that_year(resolver, catalog):
    silent = [catalog.get(GENERAL), catalog.get(CITY_LIGHTS), catalog.get(MODERN_TIMES)]
    assert verdicts(parse("the factory one from 36 looks lovely", silent, resolver)) == ([MODERN_TIMES], [])


@pytest.mark.parametrize(("text", "expected"), [
    ("la segunda y la tercera sí, la otra no", (sorted([ALIEN, FARGO]), [JAWS])),
    ("the first two sound good, the other one not so much", (sorted([JAWS, ALIEN]), [FARGO])),
    ("la primera me encanta. La otra no me llama", ([JAWS], [])),  # two are left: "la otra" is unclear
    ("el otro no", ([], [])),  # nothing named before: which other?
])
def test_a_singular_other_needs_exactly_one_left(resolver, listed, text, expected):
    assert verdicts(parse(text, listed, resolver)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("el primero y el último sí, el de los vaqueros lo odio", (sorted([JAWS, FARGO]), [])),
    ("the first and last are great, the Swedish one I can't stand", (sorted([JAWS, FARGO]), [])),
    ("Loved the second. The other one, I hated it", ([ALIEN], [])),
])
def test_a_pronoun_after_a_phrase_of_its_own_stays_with_that_phrase(resolver, listed, text, expected):
    liked, disliked = verdicts(parse(text, listed, resolver))
    assert liked == expected[0]
    assert not set(disliked) & set(expected[0])


@pytest.mark.parametrize("text", [
    "Mejor algo de terror de Kubrick",
    "quiero una de Tarantino",
    "some suspense by Hitchcock",
])
def test_a_name_after_a_kind_of_film_and_de_is_a_maker(resolver, text):
    sig = parse(text, [], resolver)
    assert sig.liked_ids == [] and sig.disliked_ids == []


@pytest.mark.parametrize(("text", "genres"), [
    ("I don't hate musicals, I just prefer something else tonight", ([], [])),
    ("No es que odie el cine de terror", ([], [])),
    ("Musicals are fine I guess", ([], [])),
    ("I don't like musicals", ([], ["Musical"])),  # a liking verb negated still rejects
])
def test_a_negated_aversion_is_no_verdict(resolver, text, genres):
    sig = parse(text, [], resolver)
    assert (sig.liked_genres, sig.disliked_genres) == genres


def test_a_negated_aversion_is_settled_for_the_second_reader(resolver):
    result = parse_detailed("I never hated Heat", [], resolver)
    assert verdicts(result.signal) == ([], [])
    assert HEAT in result.settled
    result = parse_detailed("Titanic was okay I guess", [], resolver)
    assert TITANIC in result.settled
    result = parse_detailed("Heat was a real slog", [], resolver)  # a verdict the rules read is not "settled"
    assert HEAT not in result.settled
