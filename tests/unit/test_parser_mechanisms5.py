"""Parser mechanisms of the sixth round, on sentences written for these tests (none from a
benchmark file).

References: function words alone ("no", "me") describe no listed movie, even when a listed
title holds them, and "la de <title>" names that title. Negated asks ("don't you have any
westerns?", "¿no tenés algo policial?") are requests, not rejections. A question about the
person's own future reaction ("would I like X?") is no verdict. A condition ("if", "si") is a
clause of its own; asides with "if" ("if I'm honest") are not. Preferences: "I'd rather watch
X than Y", "I prefer X over Y", "prefiero X antes que Y". Comparisons: the film after "lighter
than" / "menos lento que" is a yardstick, with no verdict. "The other two" needs two left. A
kind of film said of a named movie ("X and Y are my favourite horror movies") is no genre verdict.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse, parse_detailed
from tests.signals import genres, verdicts

JAWS, ALIEN, FARGO, TITANIC = 1387, 1214, 608, 1721
SEVEN_SAMURAI, RAN, RASHOMON = 2019, 1217, 5291


# ------------------------------------------------------------------------- descriptions
@pytest.mark.parametrize("text", [
    "La de Rashomon no me convenció",
    "la de Rashomon no me llamó nada",
    "Rashomon no me gustó",
])
def test_function_words_describe_no_listed_movie(text, resolver, catalog):
    # "Shichinin no samurai" holds the word "no"; it must not be read as "the one with 'no'".
    listed = [catalog.get(SEVEN_SAMURAI), catalog.get(RAN), catalog.get(RASHOMON)]
    assert verdicts(parse(text, listed, resolver)) == ([], [RASHOMON])


def test_a_description_with_content_words_still_picks_its_movie(resolver, catalog):
    listed = [catalog.get(SEVEN_SAMURAI), catalog.get(RAN), catalog.get(RASHOMON)]
    assert verdicts(parse("la del 85 me encantó", listed, resolver)) == ([RAN], [])
    assert verdicts(parse("la de los samuráis me encantó", listed, resolver)) == ([], [])  # all three have that tag


# ------------------------------------------------------------------------- negated asks
@pytest.mark.parametrize(("text", "expected"), [
    ("Don't you have any westerns?", (["Western"], [])),
    ("isn't there a decent comedy?", (["Comedy"], [])),
    ("¿No tienes algo de terror?", (["Horror"], [])),
    ("¿no tenés algo policial?", (["Crime"], [])),
    ("quiero algo policial", (["Crime"], [])),
    ("¿No hay nada de terror?", ([], ["Horror"])),  # "nada de" still rejects
    ("I don't have time for westerns", ([], ["Western"])),  # a statement, not an ask
    ("No tienes que ponerme westerns.", ([], ["Western"])),  # no question mark: a rejection
])
def test_negated_asks_are_requests(text, expected, resolver):
    sig = parse(text, [], resolver)
    assert genres(sig) == expected
    if expected[0]:
        assert sig.wants_new_recommendations


# ------------------------------------------------------------------------- prospective questions
@pytest.mark.parametrize("text", [
    "Would I like Fargo?",
    "Do you think my kids would enjoy Jaws?",
    "¿Crees que me gustaría Fargo?",
    "¿Me gustaría Titanic?",
    "so should I watch Jaws",
])
def test_a_question_about_ones_own_reaction_is_no_verdict(text, resolver):
    result = parse_detailed(text, [], resolver)
    assert verdicts(result.signal) == ([], [])
    assert result.signal.mentioned_ids and set(result.signal.mentioned_ids) <= result.settled


@pytest.mark.parametrize(("text", "expected"), [
    ("Me gustaría algo como Fargo", ([FARGO], [])),  # said plainly, a wish
    ("Should I watch Jaws? I loved Fargo", ([FARGO], [])),
    ("I'd love Titanic", ([TITANIC], [])),
])
def test_statements_next_to_prospective_questions_keep_their_verdicts(text, expected, resolver):
    assert verdicts(parse(text, [], resolver)) == expected


# ------------------------------------------------------------------------- conditions and asides
@pytest.mark.parametrize(("text", "expected"), [
    ("Would I like Jaws if I found Fargo boring?", ([], [FARGO])),
    ("¿Me gustaría Jaws si Fargo me aburrió?", ([], [FARGO])),
    ("Titanic, if I'm honest, was boring", ([], [TITANIC])),
    ("Titanic, si te soy sincero, me aburrió", ([], [TITANIC])),
    ("Loved Fargo even if the ending dragged", ([FARGO], [])),
    ("sí, me gustó Fargo", ([FARGO], [])),  # the accented "sí" is yes
    ("si, me gustó Fargo", ([FARGO], [])),  # and so is the unaccented one before a comma
])
def test_a_condition_is_a_clause_of_its_own(text, expected, resolver):
    assert verdicts(parse(text, [], resolver)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Horror is fine as long as it's not gory", (["Horror"], [])),
    ("Horror is fine if it's not gory", (["Horror"], [])),
    ("comedies are ok unless they are stupid", (["Comedy"], [])),
])
def test_a_condition_judges_its_attribute_not_the_genre_before_it(text, expected, resolver):
    assert genres(parse(text, [], resolver)) == expected


# ------------------------------------------------------------------------- preferences
@pytest.mark.parametrize(("text", "films", "kinds"), [
    ("I'd rather watch Fargo than Titanic", ([FARGO], [TITANIC]), ([], [])),
    ("prefiero Fargo antes que un musical", ([FARGO], []), ([], ["Musical"])),
    ("I prefer westerns over musicals", ([], []), (["Western"], ["Musical"])),
    ("I'd rather see a comedy than anything sad", ([], []), (["Comedy"], [])),
    ("anything but horror, I'd rather watch a comedy than be scared", ([], []), (["Comedy"], ["Horror"])),
    ("I'd prefer a western tonight", ([], []), (["Western"], [])),
])
def test_preferences_like_one_side_and_reject_the_other(text, films, kinds, resolver):
    sig = parse(text, [], resolver)
    assert (verdicts(sig), genres(sig)) == (films, kinds)


def test_except_still_scopes_to_the_listed_movies_after_it(resolver, catalog):
    listed = [catalog.get(JAWS), catalog.get(FARGO), catalog.get(TITANIC)]
    sig = parse("loved everything except Fargo and Titanic", listed, resolver)
    # nineteenth round: "everything except" + titles is the rest of the list (Jaws), as with positions
    assert verdicts(sig) == ([JAWS], [FARGO, TITANIC])


# ------------------------------------------------------------------------- comparisons
@pytest.mark.parametrize(("text", "expected"), [
    ("I'd prefer something lighter than Titanic", ([], [])),
    ("Prefiero algo menos lento que Fargo", ([], [])),
    ("Fargo is way better than Titanic", ([FARGO], [])),
    ("I loved Fargo, more than Jaws", ([FARGO], [])),
])
def test_the_film_after_a_comparison_is_a_yardstick(text, expected, resolver):
    result = parse_detailed(text, [], resolver)
    assert verdicts(result.signal) == expected
    yardsticks = set(result.signal.mentioned_ids) - set(expected[0])
    assert yardsticks and yardsticks <= result.settled


# ------------------------------------------------------------------------- "the other two"
def test_the_other_two_are_the_two_left(resolver, catalog):
    listed = [catalog.get(JAWS), catalog.get(FARGO), catalog.get(TITANIC)]
    sig = parse("La última no. Las otras dos me tientan.", listed, resolver)
    assert verdicts(sig) == (sorted([JAWS, FARGO]), [TITANIC])
    # with three left, "the other two" names no two of them
    assert verdicts(parse("Las otras dos me llaman la atención", listed, resolver)) == ([], [])


# ------------------------------------------------------------------------- a kind of film said of a movie
@pytest.mark.parametrize(("text", "films", "kinds"), [
    ("Alien and Jaws are my favourite horror movies", (sorted([ALIEN, JAWS]), []), ([], [])),
    ("Titanic me pareció un dramón insoportable", ([], [TITANIC]), ([], [])),
    ("Fargo is a favourite and I'm a sucker for crime dramas", ([FARGO], []), (["Crime", "Drama"], [])),
    ("I love Fargo and crime films", ([FARGO], []), (["Crime"], [])),
    ("Jaws is a classic, I love horror", ([JAWS], []), (["Horror"], [])),
])
def test_a_kind_of_film_said_of_a_movie_is_no_genre_verdict(text, films, kinds, resolver):
    sig = parse(text, [], resolver)
    assert (verdicts(sig), genres(sig)) == (films, kinds)
