"""Mechanisms of the fifty-second session, on sentences written for these tests (none from a
benchmark file).

- A colon right after a found title, then capitalised words the catalog did not match with it, is a
  subtitle: the message names a film the catalog lacks ("Shrek: The Lost Swamp", an invented sequel),
  neither the title before the colon nor a title inside the subtitle (*Water*, *Maverick*). A remark
  after the colon is no subtitle: lowercase words, one ordinary word ("Still"), one word the catalog's
  tags or cast hold ("Pacino", "Spielberg"), a description of which film ("The Clooney one") or a version
  of the same film ("The Final Cut"), words after a title that closes a list of titles ("Jaws, Alien and
  Heat: Heat was the best") or words that are a title the message names. A subtitle the catalog holds is
  matched whole, as before.
- Someone else counted is someone else: a clause whose subject is "one friend", "two of my coworkers", "a
  couple of friends", "algunos de mis amigos" states their taste, not the person's (rule 14), as "my friend"
  did; "one more like X" still asks.
- A bare rejection opening the sentence after someone else's verdict on a film is the person's own verdict
  on it ("my roommate raves about Fargo. Not for me."); bare praise there is not read ("… Sounds great!" may
  cheer the news), nor a hedge ("… Not sure why."), nor a plain "no" denying the report.
- Agreeing with someone else's verdict makes it the person's: "me too", "same here", "so did I" (a clause of
  its own after "and"), "I agree", "me neither", "yo también"; with no one else's verdict before it, agreeing
  gives nothing.
- A negation before "anything but" / "anything except" / "anything other than" in the same clause makes what is
  set apart all that is wanted ("not in the mood for anything but a western", "I don't want anything except
  sci-fi"); "anything but comedy" alone still rules comedy out, as does a rejection before it ("no horror,
  anything but that").
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse
from chat_rec.understanding.title_context import subtitle_after
from chat_rec.understanding.title_keys import tokenize

ALIEN, FARGO = 1214, 608
HEAT, JAWS, AVATAR, BLADE_RUNNER, ALIEN_COVENANT, OCEANS_ELEVEN = 6, 1387, 72998, 541, 169984, 4963


def ids(resolver, text):
    return [m.item_id for m in resolver.find_in_text(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # a subtitle the catalog lacks: no film is read, not even one inside the subtitle
    ("we saw Shrek: The Lost Swamp last week", []),
    ("Avatar: The Seed Bearer was too long", []),
    ("my son loves Inception: Dreamwalker", []),
    ("Avatar: The Way of Water bored me", []),  # *Water* (2005) is inside the subtitle
    # remarks after the colon: the film stands
    ("Jaws: still the best summer film", [JAWS]),
    ("Jaws: Still the best summer film", [JAWS]),
    ("we rewatched Heat: Pacino at his loudest", [HEAT]),
    ("Jaws: Spielberg at his best", [JAWS]),
    ("Ocean's Eleven: The Clooney one, not the old one", [OCEANS_ELEVEN]),
    ("Blade Runner: The Director's Cut is the one I own", [BLADE_RUNNER]),
    ("I love Heat: I could watch it every week", [HEAT]),
    # after a list of titles, or words naming a film of the message: remarks on the films named
    ("I saw Jaws, Alien and Heat: Heat was the best", [JAWS, ALIEN, HEAT, HEAT]),
    ("I rewatched Jaws, Heat: Spooky Forest Nights all weekend", [JAWS, HEAT]),
    ("Jaws or Heat: Alien beats both", [JAWS, HEAT, ALIEN]),
    # a colon before the titles, or a subtitle the catalog holds
    ("my picks: Heat and Jaws", [HEAT, JAWS]),
    ("Alien: Covenant was a letdown", [ALIEN_COVENANT]),
])
def test_a_subtitle_names_another_film(resolver, text, expected) -> None:
    assert ids(resolver, text) == expected


@pytest.mark.parametrize(("text", "said", "expected"), [
    ("Shrek: Forever Green", (), 2),
    ("Shrek: Forever Green rules", (), 2),
    ("Shrek: The House of Wax ok", (), 4),  # small words between capitalised ones, none trailing
    ("Shrek: The House of the", (), 2),
    ("Shrek: Green", (), 0),  # one ordinary word
    ("Shrek:Green Forest", (), 0),  # no space after the colon: not how a subtitle is typed
    ("Shrek - Forever Green", (), 0),  # a dash is no colon
    ("Shrek: forever Green", (), 0),
    ("Shrek: Zorblax", (), 1),
    ("Shrek: Zorblax", ("zorblax",), 0),  # a word the catalog says of films
    ("Shrek: Zorblax version", (), 0),
])
def test_subtitle_after(text, said, expected) -> None:
    assert subtitle_after(text, tokenize(text), 1, frozenset(said)) == expected


def test_the_sequel_the_catalog_lacks_is_not_liked(resolver) -> None:
    signal = parse("I loved Avatar: The Seed Bearer, more like it please", [], resolver)
    assert AVATAR not in signal.liked_ids
    assert signal.wants_new_recommendations
    assert parse("I loved Avatar, more like it please", [], resolver).liked_ids == [AVATAR]


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Heat was great. One friend hated it though", [HEAT], []),
    ("Alien was a blast, but two of my coworkers called it boring", [ALIEN], []),
    ("some friends loved Jaws, I thought it was dull", [], [JAWS]),
    ("A couple of friends hated Heat but I loved it", [HEAT], []),
    ("Vi Alien. Algunos de mis amigos la odiaron, a mí me encantó", [ALIEN], []),
    ("one of my coworkers adores Fargo", [], []),
])
def test_counted_people_state_their_own_taste(resolver, text, liked, disliked) -> None:
    signal = parse(text, [], resolver)
    assert (signal.liked_ids, signal.disliked_ids) == (liked, disliked)


def test_one_more_still_asks(resolver) -> None:
    signal = parse("one more like Heat please", [], resolver)
    assert signal.wants_new_recommendations and signal.liked_ids == [HEAT]


@pytest.mark.parametrize(("text", "disliked"), [
    ("my roommate raves about Fargo. Not for me.", [FARGO]),
    ("My uncle swears by Alien. Meh.", [ALIEN]),
    ("one of my coworkers adores Jaws. Not my thing at all, too slow.", [JAWS]),
    ("my friend recommended Heat. Sounds great!", []),
    ("my friend hates Heat. Not sure why.", []),
    ("my roommate raves about Fargo. I don't know.", []),
    ("My wife says I loved Fargo. no way.", []),  # a denial of the report, no verdict on the film
])
def test_a_bare_rejection_after_someone_elses_verdict(resolver, text, disliked) -> None:
    signal = parse(text, [], resolver)
    assert signal.disliked_ids == disliked and signal.liked_ids == []


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("my cousin adored Jaws, me too", [JAWS], []),
    ("my cousin adored Jaws. Same here!", [JAWS], []),
    ("my uncle couldn't stand Heat and neither could I", [], [HEAT]),
    ("my uncle couldn't stand Heat and so did I", [], [HEAT]),
    ("my neighbour says Fargo is overrated. I agree tbh", [], [FARGO]),
    ("my sister didn't enjoy Alien. Me neither.", [], [ALIEN]),
    ("mi prima adora Tiburón, yo también", [JAWS], []),
    ("I loved Heat and so did my wife", [HEAT], []),
    ("same here, something like Fargo please", [FARGO], []),
    ("mi primo odia Tiburón, igual", [], []),  # a bare "igual" is also "anyway": no agreement read
])
def test_agreeing_with_someone_elses_verdict(resolver, text, liked, disliked) -> None:
    signal = parse(text, [], resolver)
    assert (signal.liked_ids, signal.disliked_ids) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("I'm not in the mood for anything but a western", ["Western"], []),
    ("honestly I don't want anything except sci-fi tonight", ["Sci-Fi"], []),
    ("don't show me anything other than documentaries", ["Documentary"], []),
    ("Not a day for anything but a musical.", ["Musical"], []),
    ("anything but comedy please", [], ["Comedy"]),
    ("no horror, anything but that", [], ["Horror"]),
    ("I don't like horror, anything but that please", [], ["Horror"]),
])
def test_only_what_is_set_apart_after_a_negation(resolver, text, liked, disliked) -> None:
    signal = parse(text, [], resolver)
    assert (signal.liked_genres, signal.disliked_genres) == (liked, disliked)
