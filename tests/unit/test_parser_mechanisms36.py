"""Mechanisms of the thirty-sixth session, on sentences written for these tests (none from a benchmark
or request file).

- A negator of "seen" ("that I haven't seen", "I probably never watched", "que no haya visto") says the
  films are new to the person. It does not reach a verdict word before it ("good comedies I haven't
  seen" asks for good comedies; it had disliked Comedy), nor a "please" after it; a verdict after it is
  still in its scope ("I've never seen a bad one").
- A year or decade said of a film ("is this a movie from 2019?", "was it made in the 90s?", "X, which
  was made in 1993") is a fact about it and sets no year range; "from 2017-present" is open at the end.
- A hedged "not" between a film and a genre ("it's not quite sci-fi", "X isn't really a horror film")
  says what kind of film it is: no genre is liked or disliked.
- "that" after a noun and before a verb ("movies with heroes that have terrible manners") is a relative
  pronoun, not "that film": the verdict words in its clause do not reach the film named before.
"""

from __future__ import annotations

import pytest

HEAT, RONIN, JURASSIC = 6, 2278, 480


def _read(resolver, text: str, previous=()):
    from chat_rec.understanding.extractor import Extractor

    return Extractor(resolver, None).extract(text, "", list(previous))


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("any good comedies I haven't seen?", ["Comedy"], []),
    ("great thrillers i probably never watched?", ["Thriller"], []),
    ("a good western that I did not see yet", ["Western"], []),
    ("a horror movie I haven't already watched please", ["Horror"], []),
    ("recommend me some amazing musicals I have not seen before", ["Musical"], []),
    ("quiero buenas comedias que no haya visto", ["Comedy"], []),
    # a verdict after the negated "seen", or a plain refusal, is read as before
    ("no horror please, I haven't seen much of it", [], ["Horror"]),
    ("I don't like westerns, I haven't seen many", [], ["Western"]),
])
def test_a_negated_seen_does_not_reach_the_verdict_before_it(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_genres, signal.disliked_genres) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Heat was great but I haven't seen Ronin", [HEAT], []),
    ("I never watched Heat, it looked boring", [], [HEAT]),
    ("I haven't seen Heat, is it good?", [], []),
])
def test_films_not_seen_keep_their_verdicts(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (liked, disliked)


@pytest.mark.parametrize(("text", "year_min", "year_max"), [
    # a year or decade said of a film (its subject a pronoun, a title or "which") is a fact, not a wish
    ("Is this a movie from 2019?", None, None),
    ("was it made in the 90s?", None, None),
    ("isn't that a 90's movie", None, None),
    ("I recently watched Jurassic Park, which was made in 1993, and loved it", None, None),
    ("It's from 2019 I think. anything else from the 2010s?", 2010, 2019),
    ("¿Es una película de los noventa?", None, None),
    # the same years asked for are read as before
    ("is there a movie from 2019 you like?", 2019, 2019),
    ("something that was made in the 90s please", 1990, 1999),
    ("quiero algo de los noventa", 1990, 1999),
    # a range up to the present, written with a dash
    ("say from 2017-Present", 2017, None),
    ("something released 2012-present", 2012, None),
    ("comedies from 2015 to now", 2015, None),
])
def test_a_year_said_of_a_film_asks_for_no_range(resolver, text, year_min, year_max) -> None:
    signal = _read(resolver, text)
    assert (signal.year_min, signal.year_max) == (year_min, year_max)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # a hedged "not" between a film and a genre says what kind of film it is
    ("it's not quite sci-fi but it's kind of close", [], []),
    ("Jurassic Park isn't really a horror film", [], []),
    ("that's not exactly horror", [], []),
    ("no es exactamente una comedia", [], []),
    # without the hedge, or with a person as the subject, it is read as before
    ("I'm not really a horror fan", [], ["Horror"]),
    ("it's not a comedy, it's a drama", ["Drama"], ["Comedy"]),
    ("not really horror tonight", [], ["Horror"]),
])
def test_a_hedged_not_between_a_film_and_a_genre_classifies_the_film(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_genres, signal.disliked_genres) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # "that" after a noun and before a verb opens a relative clause: it names no film said before
    ("I'm a fan of Jurassic Park. I love movies with heroes that have terrible manners.", [JURASSIC], []),
    ("Big fan of Jurassic Park. I like stories with villains that are truly awful.", [JURASSIC], []),
    # "that" as the film itself is read as before
    ("Jurassic Park? I loved that", [JURASSIC], []),
    ("Jurassic Park. I think that was great", [JURASSIC], []),
    ("Saw Jurassic Park. Man that was boring", [], [JURASSIC]),
])
def test_a_relative_that_names_no_film(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (liked, disliked)
