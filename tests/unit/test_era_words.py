"""Relative eras: which words ask for newer or older films, how a "no" turns them round, and what they
mean with no picks on screen to compare with. Sentences invented for these mechanisms."""

from __future__ import annotations

import pytest

from chat_rec.catalog.models import RECENT_YEARS, era_years
from chat_rec.ranking.constraints import era_range
from chat_rec.understanding.aspects import era_phrase_words
from chat_rec.understanding.clauses import relative_era
from chat_rec.understanding.parser import parse


@pytest.mark.parametrize("text, era", [
    ("got anything new ish for a rainy night", "newer"),  # "new-ish" as the tokenizer splits it
    ("something newish with robots", "newer"),
    ("whats new in westerns", "newer"),
    ("show me the latest animated movies", "newer"),
    ("the newest stuff you have", "newer"),
    ("any recent dramas", "newer"),
    ("any older thrillers", "older"),
    ("the latest mission impossible", None),  # a film, not an era ("latest" before a title: the resolver's)
    ("anything new", None),  # new to me, not newly made
    ("a comedy my older cousins would enjoy", None),  # an age, not an era
    ("her newest movies are weaker", None),  # a part of someone's work
    ("my latest film was a dud, got a better one", None),  # the film one saw last
    ("a heist film", None),
])
def test_era_words(text: str, era: str | None) -> None:
    assert relative_era(text) == era


@pytest.mark.parametrize("text, era", [
    ("not the older versions please", "newer"),
    ("not the newer remakes, the originals", "older"),
    ("no old stuff tonight", "newer"),
    ("nothing ancient", "newer"),
    ("nada viejo por favor", "newer"),
    ("no quiero las mas recientes", "older"),
    ("not too old please", "newer"),  # "too old" wants newer films, with or without the "not"
    ("not too modern", "older"),
    ("she is not old enough for that", None),  # an age, no era
])
def test_a_no_before_an_era_word_turns_it_round(text: str, era: str | None) -> None:
    assert relative_era(text) == era


@pytest.mark.parametrize("text, era", [
    ("loved the middle one, got more from that era?", "same"),
    ("anything else from the same decade", "same"),
    ("algo mas de aquella epoca", "same"),  # (folded, as the parser passes it)
    ("more from that year", None),  # one year is no era
    ("something from this decade", "newer"),  # this decade is now, not the decade of the picks
    ("nothing from this decade", "older"),
    ("anything newer from that decade", "newer"),  # a direction wins over "same"
])
def test_the_same_era(text: str, era: str | None) -> None:
    assert relative_era(text) == era


def test_the_same_era_is_the_decades_of_the_liked_films_else_of_the_picks() -> None:
    assert era_range("same", [2001, 2004, 2008], liked_years=[1994]) == (1990, 1999)
    assert era_range("same", [2001, 2004, 2012], 1950, 1960) == (2000, 2019)  # the picks' decades replace the range
    assert era_range("same", []) == (None, None)


def test_a_no_to_an_intensity_still_reads_the_era() -> None:
    # the intensity mask ("not too scary" qualifies a mood) must not hide "not too old"
    sig = parse("a road movie, but not too old")
    assert sig.era == "newer" and sig.year_min is None and sig.year_max is None
    assert parse("a ghost story, nothing too scary").era is None


def test_era_words_are_no_mood() -> None:
    assert {"no", "old"} <= set(era_phrase_words("a cop show, no old stuff"))
    assert {"new", "ish"} <= set(era_phrase_words("something new-ish"))


def test_with_nothing_on_screen_an_era_reads_the_catalogs_own_years() -> None:
    years = [1931, 1950, 1960, 1975, 1980, 1990, 1995, 2000, 2005, 2010, 2012, 2017]
    assert era_years(years, "newer") == (2017 - RECENT_YEARS + 1, None)
    assert era_years(years, "older") == (None, 1975)  # the oldest quarter: 12 films, the fourth's year
    assert era_years([], "newer") == (None, None)
    assert era_range("newer", [], catalog_years=years) == (2013, None)
    assert era_range("older", [], catalog_years=years) == (None, 1975)
    assert era_range("older", [], 1960, None, years) == (1960, 1975)  # inside the range in force
    assert era_range("newer", [], 1990, 1999, years) == (1990, 1999)  # no room: the range in force
    assert era_range("newer", [1980, 1982, 1984], catalog_years=years) == (1983, None)  # picks on screen win
