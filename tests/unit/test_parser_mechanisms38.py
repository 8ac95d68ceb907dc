"""Mechanisms of the thirty-eighth session, on sentences written for these tests (none from a benchmark
or request file).

Found before the new clean set was read (a gap the thirty-seventh session saw and left):
- After a clause that refuses a noun phrase ("no gore please", "nothing scary", "nada de sangre"), a clause
  that opens with an indefinite article names the alternative the person wants ("…, a thriller"), not one
  more refused item.
- After a clause that only refuses what it names ("no horror", "nada de terror"), the rest of the sentence
  joined by "or" goes on with that list under the same negator ("…, westerns or musicals"); without "or"
  ("no horror, westerns") or with a verdict of its own ("…, westerns or musicals would be great") it is
  left to the other rules.
- A fear wished for after "that'll" / "thatll" / "that" ("any horror movies that'll scare me", "a horror
  movie that scares me") asks for it; degree words ("really", "still") before "scare me" are no wish
  ("horror movies really scare me" still rejects).
- A film or list position opens a clause of its own in a message typed without commas, after a clause that
  already judged something ("the first was good the second was bad", "la primera me gustó la segunda no"),
  when it has its own copula or (a list position) its own verdict cue or negator; a list typed without
  commas stays one clause, and nothing splits after "than" / "que".
- After "and", a subject of its own opens a clause of its own also when the left side judged a list
  position ("the second was dull and I never saw the third").
- "not so much" before what it negates ("not so much a fan of", "not so much into") is a degree of the
  negation, not a verdict of its own that cancels it.
- Doubt in chat spelling ("idk about the first", "dunno about it") is no verdict and picks nothing.
- Slang: "was lit" praises (not "lit by candles").
"""

from __future__ import annotations

import pytest

HEAT, RONIN, JURASSIC = 6, 2278, 480


def _read(resolver, text: str, previous=()):
    from chat_rec.understanding.extractor import Extractor

    return Extractor(resolver, None).extract(text, "", list(previous))


@pytest.mark.parametrize(("text", "liked_genres", "disliked_genres"), [
    ("no gore please, a thriller", ["Thriller"], []),
    ("no sad endings please, a drama", ["Drama"], []),
    ("nothing too long tonight, a comedy", ["Comedy"], []),
    ("zero subtitles, an action movie", ["Action"], []),
    ("nada de sangre por favor, una comedia", ["Comedy"], []),
    ("no horror, a western", ["Western"], ["Horror"]),
    # the list goes on under one negator when "or" joins it
    ("no horror, westerns or musicals", [], ["Horror", "Musical", "Western"]),
    ("no more dramas, comedies or romances", [], ["Comedy", "Drama", "Romance"]),
    ("nada de terror, westerns o musicales", [], ["Horror", "Musical", "Western"]),
    ("no horror movies, westerns, or musicals", [], ["Horror", "Musical", "Western"]),
    # a verdict of its own after the comma keeps its own reading
    ("no horror, westerns or musicals would be great", ["Musical", "Western"], ["Horror"]),
])
def test_what_follows_a_refused_phrase(resolver, text, liked_genres, disliked_genres) -> None:
    sig = _read(resolver, text)
    assert sorted(sig.liked_genres) == liked_genres
    assert sorted(sig.disliked_genres) == disliked_genres


def test_a_refused_list_of_films_is_unchanged(resolver) -> None:
    sig = _read(resolver, "I hated Heat, a western too")
    assert HEAT in sig.disliked_ids and "Western" in sig.disliked_genres


@pytest.mark.parametrize(("text", "liked_genres", "disliked_genres"), [
    ("any horror movies that'll scare me?", ["Horror"], []),
    ("got any scary movies thatll actually scare me", ["Horror"], []),
    ("a horror movie that scares me", ["Horror"], []),
    ("horror movies really scare me", [], ["Horror"]),
    ("horror films still scare me", [], ["Horror"]),
])
def test_a_fear_wished_for_or_felt(resolver, text, liked_genres, disliked_genres) -> None:
    sig = _read(resolver, text)
    assert sorted(sig.liked_genres) == liked_genres
    assert sorted(sig.disliked_genres) == disliked_genres


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("the first was good the second was bad", [HEAT], [RONIN]),
    ("first was great second was boring", [HEAT], [RONIN]),
    ("the first one was a blast the last one was a chore", [HEAT], [JURASSIC]),
    ("Heat was brilliant Ronin was dull", [HEAT], [RONIN]),
    ("the first was better than the second was", [HEAT], []),
    ("the second was dull and I never saw the third", [], [RONIN]),
    ("number two was a drag number three was a blast", [JURASSIC], [RONIN]),
    ("2 was dull 3 was fun", [JURASSIC], [RONIN]),
    ("I adored the first the second was a slog", [HEAT], [RONIN]),
    ("la primera me encantó la tercera no", [HEAT], [JURASSIC]),
    ("la segunda estuvo genial la tercera bastante aburrida", [RONIN], [JURASSIC]),
    ("me gustó más la primera que la segunda", [HEAT], []),
    ("I liked the first the second and the third", [HEAT, RONIN, JURASSIC], []),
    ("idk about the first but the third one is great", [JURASSIC], []),
    ("dunno about the second tbh", [], []),
    ("ok the last one was lit", [JURASSIC], []),
    ("the first was lit by candlelight the whole way through", [], []),
    ("the first was good the second was bad and i havent seen the third", [HEAT], [RONIN]),
])
def test_clauses_typed_without_commas(resolver, text, liked, disliked) -> None:
    shown = [resolver.catalog.get(i) for i in (HEAT, RONIN, JURASSIC)]
    sig = _read(resolver, text, shown)
    assert sorted(sig.liked_ids) == sorted(liked)
    assert sorted(sig.disliked_ids) == sorted(disliked)


@pytest.mark.parametrize(("text", "liked_genres", "disliked_genres"), [
    ("i am not so much fan of westerns", [], ["Western"]),
    ("I'm not so much into musicals", [], ["Musical"]),
    ("westerns, not so much", [], ["Western"]),
    ("musicals not so much for me", [], ["Musical"]),
])
def test_not_so_much_before_what_it_negates(resolver, text, liked_genres, disliked_genres) -> None:
    sig = _read(resolver, text)
    assert sorted(sig.liked_genres) == liked_genres
    assert sorted(sig.disliked_genres) == disliked_genres
