"""Mechanisms of the forty-sixth session, on sentences and films written for these tests (none from a
benchmark file). Found by using the app with moods after likes of another kind:

- "I'm in the mood for a good cry" read no mood: "I'm" made the span a state of the speaker ("I'm
  exhausted"), though it starts with a want of what a film gives (``mood_words.WANTED_EFFECT``).
- "my kids want giggles this time" got Pulp Fiction and Zombieland: young children wanting a film now are
  who watches (``audience._CHILD_SUBJECT``), unlike "my son wants …" (a son may be grown up) or "the kids
  want me to …" (a want of someone else).
- "could use a laugh tonight" after liking Spirited Away got The Lord of the Rings and The Matrix among
  three funny films: a mood with no genre named now fills the page with the genres it leans to
  (``pipeline.with_lean_floor``, ``Settings.mood_genre_floor``).

Then mechanisms from fresh35's odd half (theme: what people rule out), each rewritten in other words first:

- A decade avoided by a verb ("keep away from the 2010s", "skip the eighties") is ruled out, so a range
  asked beside it is not widened to take it in.
- A film already on the person's watchlist is no pick from the list (a state, as having seen it).
- "I wouldn't not watch X" would watch it: a like.
- "Not one of them I haven't seen" has seen them all: no verdict, though its first negation alone would
  turn the list down.
- A clause about the listed films calling them all too old or too new turns them down ("they're all too
  old for me"); said of a person ("he's too old for cartoons") it stays no verdict.
- A bare "anything but X" turns the film down, as "anything but romance" turns the genre down; a request
  with words of its own ("anything with Tom Hanks that isn't Big") only sets it apart.
- A misspelt word two words are near ("sciene" -> scene / science) is the genre's when the next word
  completes a genre's name ("sciene fiction").
- A one-word title opening a sentence with "me" or "us" after it is an imperative ("Help me out").
- "The original from the 60s" after a title tells which version is meant: no range asked for.
- A genre someone is too old or too young for is ruled out ("he's too old for cartoons"), not asked for.
- "What's new-ish?", "what's new in sci-fi" ask for films; a bare "what's new?" may be a greeting.

And one from invented rule-out sentences written after the set's mechanisms: "no quiero dramas sino
comedias" asks (the want turned from one kind to the other). And from the browser check: "anything new-ish?"
brought Grumpier Old Men and The Brand New Testament (the catalog has a "new-ish" tag): a tag made only of
words of when a film was made is no mood.
"""

from __future__ import annotations

import pytest

from chat_rec.catalog.models import Item
from chat_rec.ranking import pipeline
from chat_rec.understanding.aspects import aspects_with_polarity
from chat_rec.understanding.audience import AUDIENCE_TERM
from tests.unit.test_parser_mechanisms27 import aspect_world

FILMS = [
    Item(61, "Harbor Lights", 1994, ("Drama",), ("sad",), popularity=40),
    Item(62, "The Quiet Orchard", 2003, ("Drama", "Romance"), ("sad", "tearjerker"), popularity=30),
    Item(63, "Rocket Rally", 2011, ("Action", "Sci-Fi"), (), popularity=99),
    Item(64, "Steel Comet", 2008, ("Action",), ("violent",), popularity=95),
    Item(65, "Noodle Caper", 1999, ("Comedy",), ("funny",), popularity=50),
    Item(66, "Paper Kites", 1987, ("Drama",), (), popularity=20),
    Item(67, "Uncle Bob's Barbecue", 2005, ("Comedy",), (), popularity=25),
    Item(68, "Little Sprout", 2010, ("Children", "Comedy"), ("funny",), popularity=10),
]


@pytest.fixture()
def world(tmp_path):
    return aspect_world(FILMS, "moods46", 46, tmp_path)  # popularity rules: the action films lead any list


@pytest.mark.parametrize(("text", "mood"), [
    ("I'm in the mood for a good cry", "sad"),
    ("we're up for a laugh after the week we had", "funny"),
    ("honestly I'm desperate for a giggle", "funny"),
])
def test_a_want_of_what_a_film_gives_after_i_am_is_a_mood_asked_for(world, text: str, mood: str) -> None:
    aspects, _ = world
    liked, disliked = aspects_with_polarity(text, aspects)
    assert mood in liked and not disliked


def test_how_the_speaker_is_stays_no_mood(world) -> None:
    aspects, _ = world
    liked, _ = aspects_with_polarity("I'm sad tonight, give me something violent", aspects)
    assert liked == ["violent"]


@pytest.mark.parametrize("text", [
    "my kids want a laugh tonight",
    "the grandkids are begging for something funny",
    "our two little ones need something silly",
    "los peques piden algo divertido",
])
def test_young_children_wanting_a_film_are_who_watches(world, text: str) -> None:
    aspects, _ = world
    liked, disliked = aspects_with_polarity(text, aspects)
    assert AUDIENCE_TERM in liked and AUDIENCE_TERM not in disliked


@pytest.mark.parametrize("text", [
    "my kids want me to treat myself, so something violent",
    "my son wants something violent",
    "the kids loved it years ago",
])
def test_other_wants_and_grown_children_name_no_audience(world, text: str) -> None:
    aspects, _ = world
    liked, disliked = aspects_with_polarity(text, aspects)
    assert AUDIENCE_TERM not in liked and AUDIENCE_TERM not in disliked


def test_a_mood_alone_fills_the_page_with_the_genre_it_leans_to(world) -> None:
    _, ranker = world
    sad = pipeline.Constraints(liked_aspects=("sad",), asked_aspects=("sad",))
    assert pipeline.mood_lean_genres(ranker, sad) == ("drama",)

    def picks(floor: int) -> list[int]:
        ranked = pipeline.rank(ranker, None, sad, 3, 0.0, aspect_floor=1, mood_genre_floor=floor)
        return [s.item.item_id for s in ranked]

    assert {63, 64} & set(picks(0)), "popular action films stay beside one sad film without the lean floor"
    assert set(picks(3)) == {61, 62, 66}  # the dramas: two tagged sad, one not
    named = pipeline.Constraints(asked_aspects=("sad",), liked_genres=("Comedy",))
    assert pipeline.mood_lean_genres(ranker, named) == ()


HEAT, RONIN, COLLATERAL, TITANIC = 6, 2278, 8798, 1721
LISTED = (HEAT, RONIN, COLLATERAL)


def _read(resolver, text: str, catalog=None):
    from chat_rec.understanding.extractor import Extractor

    previous = [catalog.get(i) for i in LISTED] if catalog is not None else []
    reply = "Try Heat (1995), Ronin (1998) or Collateral (2004)." if catalog is not None else ""
    return Extractor(resolver, None).extract(text, reply, previous)


@pytest.mark.parametrize(("text", "lo", "hi"), [
    ("keep away from the 2010s please, 80s stuff only", 1980, 1989),
    ("avoid the nineties, I want something from the 60s or 70s", 1960, 1979),
    ("skip the eighties, anything from the 50s?", 1950, 1959),
    ("basta de los ochenta, algo de los sesenta", 1960, 1969),
])
def test_a_decade_avoided_by_a_verb_widens_no_range(resolver, text, lo, hi) -> None:
    signal = _read(resolver, text)
    assert (signal.year_min, signal.year_max) == (lo, hi)


@pytest.mark.parametrize(("text", "liked"), [
    ("Ronin is already on my watchlist, but I loved Heat", [HEAT]),
    ("I've got Collateral on my list already", []),
    ("Collateral goes straight on my list", [COLLATERAL]),  # taken up now: a pick, as before
])
def test_a_film_already_on_the_watchlist_is_no_pick(resolver, catalog, text, liked) -> None:
    assert _read(resolver, text, catalog).liked_ids == liked


@pytest.mark.parametrize(("text", "liked"), [
    ("I wouldn't not watch Ronin", [RONIN]),
    ("i wouldnt not see the first one tbh", [HEAT]),
    ("I won't not watch Collateral, it's Mann after all", [COLLATERAL]),
])
def test_would_not_not_watch_is_a_like(resolver, catalog, text, liked) -> None:
    signal = _read(resolver, text, catalog)
    assert signal.liked_ids == liked and not signal.disliked_ids


def test_a_plain_would_not_watch_still_turns_it_down(resolver, catalog) -> None:
    assert _read(resolver, "I wouldn't watch Ronin", catalog).disliked_ids == [RONIN]


@pytest.mark.parametrize("text", [
    "not one of them I haven't seen yet lol",
    "there isn't one there I haven't watched, others?",
    "no hay ni una que no haya visto",
])
def test_not_one_unseen_is_all_seen_and_no_verdict(resolver, catalog, text) -> None:
    signal = _read(resolver, text, catalog)
    assert not signal.liked_ids and not signal.disliked_ids
    assert set(signal.seen_ids) == set(LISTED)


def test_not_one_unloved_is_still_a_like_of_all(resolver, catalog) -> None:
    signal = _read(resolver, "there's not a single one of those three I didn't love", catalog)
    assert set(signal.liked_ids) == set(LISTED)


@pytest.mark.parametrize("text", [
    "they're all too old for me tbh",
    "honestly these are all too recent for me",
    "son todas demasiado antiguas para mí",
])
def test_listed_films_all_too_old_or_new_are_turned_down(resolver, catalog, text) -> None:
    assert set(_read(resolver, text, catalog).disliked_ids) == set(LISTED)


def test_a_person_too_old_for_something_judges_no_film(resolver, catalog) -> None:
    signal = _read(resolver, "my nephew says he's too old for cartoons now", catalog)
    assert not signal.disliked_ids and not signal.liked_ids


@pytest.mark.parametrize("text", [
    "anything but Heat please",
    "Honestly, anything but Titanic. My aunt played it on repeat for a whole summer.",
    "cualquier cosa menos Titanic, por favor",
])
def test_a_bare_anything_but_turns_the_film_down(resolver, text) -> None:
    named = HEAT if "Heat" in text else TITANIC
    assert _read(resolver, text).disliked_ids == [named]


@pytest.mark.parametrize("text", [
    "anything with Tom Hanks that isn't Big",
    "another crime film other than Heat",
])
def test_a_request_setting_a_film_apart_judges_it_not(resolver, text) -> None:
    assert not _read(resolver, text).disliked_ids


@pytest.mark.parametrize(("text", "genres"), [
    ("got any sciene fiction with robots?", ["Sci-Fi"]),
    ("sience fiction please", ["Sci-Fi"]),
    ("the sciene was great", []),
])
def test_a_misspelt_word_is_the_genres_when_the_next_word_completes_it(resolver, text, genres) -> None:
    assert _read(resolver, text).liked_genres == genres


@pytest.mark.parametrize("text", [
    "Help me choose, then I'll go to bed. A 70s thriller maybe",
    "Help me out and I'll go to bed happy. Something from the 1990s",
])
def test_a_one_word_title_opening_an_imperative_is_a_verb(resolver, text) -> None:
    assert 2946 not in _read(resolver, text).liked_ids  # *Help!* (1965)


def test_the_title_with_a_cue_is_still_the_film(resolver) -> None:
    assert _read(resolver, "I loved Help! with the Beatles").liked_ids == [2946]


@pytest.mark.parametrize("text", [
    "Psycho is a masterpiece. The original from the 60s, that is",
    "Psycho, the original from the sixties, love it",
])
def test_the_original_from_a_decade_tells_the_version_and_asks_no_range(resolver, text) -> None:
    signal = _read(resolver, text)
    assert signal.liked_ids == [1219] and signal.year_min is None and signal.year_max is None
    assert not signal.wants_new_recommendations


def test_a_decade_asked_for_beside_the_word_original_still_asks(resolver) -> None:
    signal = _read(resolver, "something from the 60s, the original kind of sci-fi")
    assert (signal.year_min, signal.year_max) == (1960, 1969)


@pytest.mark.parametrize(("text", "disliked"), [
    ("Heat me dejó frío", [HEAT]),  # Spanish "me" is a clitic, the film judged
    ("Titanic me aburrió muchísimo", [TITANIC]),
])
def test_a_title_before_a_spanish_clitic_is_still_the_film(resolver, text, disliked) -> None:
    assert _read(resolver, text).disliked_ids == disliked


def test_a_bare_pronoun_too_new_after_one_film_judges_nothing(resolver, catalog) -> None:
    # "those" may point at the film just named or at the list: a relative era only, no verdict
    signal = _read(resolver, "Seen the second one. Those are too new for me anyway", catalog)
    assert not signal.disliked_ids and not signal.liked_ids


@pytest.mark.parametrize(("text", "genre"), [
    ("my nephew says he's too old for cartoons now", "Animation"),
    ("my daughter is too young for horror, something else", "Horror"),
])
def test_a_genre_someone_is_too_old_or_young_for_is_ruled_out(resolver, text, genre) -> None:
    signal = _read(resolver, text)
    assert signal.disliked_genres == [genre] and not signal.liked_genres


@pytest.mark.parametrize(("text", "asks"), [
    ("thrillers are what I like best. what's new-ish?", True),
    ("what's new in sci-fi", True),
    ("what's newer than that?", True),
    ("hey, what's new?", False),  # a greeting
    ("what's new with you?", False),
])
def test_what_is_new_ish_asks_for_films(resolver, text, asks) -> None:
    assert _read(resolver, text).wants_new_recommendations is asks


@pytest.mark.parametrize("text", [
    "no quiero dramas sino comedias",
    "no queremos westerns sino thrillers",
])
def test_a_want_turned_from_one_kind_to_another_asks(resolver, text) -> None:
    assert _read(resolver, text).wants_new_recommendations


def test_a_want_only_turned_down_asks_nothing(resolver) -> None:
    assert not _read(resolver, "no quiero dramas").wants_new_recommendations


def test_a_pick_turned_from_one_listed_film_to_another_asks_nothing(resolver, catalog) -> None:
    signal = _read(resolver, "No quiero la segunda sino la primera.", catalog)
    assert signal.liked_ids == [HEAT] and signal.disliked_ids == [RONIN] and not signal.wants_new_recommendations


ERA_TAGGED = [
    Item(71, "Brand New Morning", 2015, ("Comedy",), ("new-ish", "funny"), popularity=20),
    Item(72, "Grumpy Old Neighbours", 1995, ("Comedy",), ("old", "new york"), popularity=30),
]


def test_a_tag_made_only_of_era_words_is_no_mood(tmp_path) -> None:
    # "anything new-ish?" asks about when films were made (the era reader's), not for films tagged "new-ish"
    aspects, _ = aspect_world(ERA_TAGGED, "era46", 7, tmp_path)
    assert aspects_with_polarity("anything new-ish?", aspects) == ([], [])
    assert aspects_with_polarity("an oldish comedy please", aspects) == ([], [])
    assert aspects_with_polarity("something funny set in new york", aspects)[0] == ["funny", "new york"]
