"""Mechanisms of the thirty-fifth session, on sentences written for these tests (none from a benchmark
or request file).

- "either" as the object of a verb or a preposition ("I don't want either", "not in the mood for
  either", "either of these") is every film of the list, as "neither" and "both" were; as an adverb
  ("I didn't like it either", "horror either") or before a noun ("either way") it names no film.
- A refusal word that opens a clause before a subject and a negated verdict ("nah I don't want …", "no
  it's not …") is an answer of its own, not a second negator: the verdict is the rest's ("nah I don't want westerns"
  had liked westerns, the two negatives cancelling).
- Others' attitudes ("everyone acts like it's a classic", "people treat it as…", "they call it…") are
  hearsay, as "everyone says" was: "it" is their film, not a like.
- "one that …", "one with …" after a request describes a film still wanted: no verdict on what was named
  before ("a good western? one that isn't too long" had disliked westerns).
- A series film is named by its title after the series' name ("Temple of Doom", "Life of Brian", "Return
  of the King"): two words or more that are not small ones, kept when another title opens with the same
  series name and only typed with capitals ("the holy grail of heist films" names no film).
- A ranking "A > B" (or "A over B") with no verdict word likes A; B is the yardstick, and "…, and it isn't
  even close" after it judges neither.
- "more like that?" after a ranking or a preference means the preferred film, not the yardstick
  ("I prefer Heat to Ronin. More like that?" had liked Ronin too; found in the browser).
- A verdict verb with an object of its own after a clause that already judged opens a new clause in a
  message typed without commas ("loved the first one hated the third one").
- "I've gone off X" dislikes X; "me dejó (bastante) frío" as "left me cold".
- After a list of one film, a message that is only praise ("loved it!", "👍", "sounds great") likes that
  film; a bare "no" may answer "have you seen it?" and rejects nothing.
- With no list shown, "the first one", "the latter", "la segunda" point at the films the message named
  before, in order ("Loved X, hated Y. More like the first one?" had liked Y through "like").
- "not against", "wouldn't be against" like; "I'm against" dislikes. A verb's negator right before
  "not" cancels it ("never not in the mood for", "can't not watch"); a repeated refusal ("no, not
  horror") does not.
- A Spanish yes/no question with its subject and "también" before the verb ("¿la segunda también vale la
  pena?") asks; it judges nothing.
- "a family film", "family movie night" name who watches (the audience mood), not the genre Children:
  the labelled sets read them so every time.
- "gave me nightmares" is a fear a film gave, praise with "in a good way" after it, also as the next
  sentence ("… for a week. In a good way").
"""

from __future__ import annotations

import pytest

from chat_rec.catalog.models import Catalog, Item

HEAT, RONIN, ALIEN = 6, 2278, 1214


def _read(resolver, text: str, previous=()):
    from chat_rec.understanding.extractor import Extractor

    return Extractor(resolver, None).extract(text, "", list(previous))


@pytest.fixture(scope="module")
def two_shown(catalog):
    return [catalog.get(HEAT), catalog.get(RONIN)]


@pytest.mark.parametrize(("text", "disliked"), [
    ("nah I don't want either", [HEAT, RONIN]),
    ("not really in the mood for either tonight", [HEAT, RONIN]),
    ("I wouldn't pick either of those", [HEAT, RONIN]),
    ("I can't see myself enjoying either one", [HEAT, RONIN]),
    # "either" as an adverb or a determiner names no film
    ("I don't like westerns either", []),
    ("I can't decide either way", []),
])
def test_either_as_an_object_is_the_whole_list(resolver, two_shown, text, disliked) -> None:
    assert sorted(_read(resolver, text, two_shown).disliked_ids) == disliked


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # a refusal word before a subject answers on its own: the verdict is the rest's
    ("nope I really don't want westerns", [], ["Western"]),
    ("no I don't like musicals at all", [], ["Musical"]),
    ("nah I actually love westerns", ["Western"], []),
    ("nah I'm good, maybe a musical", ["Musical"], []),  # no negated verdict after it: declines as before
    ("nope, no musicals", [], ["Musical"]),
    # Spanish "no" before a verb is its negation, read as before
    ("no me gustan los musicales", [], ["Musical"]),
])
def test_a_refusal_word_before_a_subject_answers_on_its_own(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_genres, signal.disliked_genres) == (liked, disliked)


@pytest.mark.parametrize("text", [
    "Everyone acts like Heat is a masterpiece.",
    "people treat it like the best heist film ever made, Heat I mean",
    "my uncle calls it a classic, Heat that is",
])
def test_others_attitudes_are_hearsay(resolver, text) -> None:
    assert _read(resolver, text).liked_ids == []


def test_hearsay_leaves_the_user_s_own_verdict(resolver) -> None:
    signal = _read(resolver, "I always found Heat dull. Everyone acts like it's perfect.")
    assert (signal.liked_ids, signal.disliked_ids) == ([], [HEAT])


@pytest.mark.parametrize("text", [
    "got a western for tonight? preferably one that isn't too slow",
    "I'd like a western, ideally one without a sad ending",
])
def test_one_that_describes_a_film_still_wanted(resolver, text) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_genres, signal.disliked_genres) == (["Western"], [])


SERIES = [
    Item(501, "Captain Moss and the Glass Harbour", 1990, ("Adventure",), (), popularity=60),
    Item(502, "Captain Moss and the Iron Lantern", 1993, ("Adventure",), (), popularity=40),
    Item(503, "Captain Moss and the Quiet Sea", 1996, ("Adventure",), (), popularity=3),  # not well known
    Item(504, "Doctor Fenn's Winter Circus", 2001, ("Comedy",), (), popularity=50),
    Item(505, "Doctor Fenn's Summer", 2003, ("Comedy",), (), popularity=50),  # one word after the name
    Item(506, "Lonely Orchard and the Tall Man", 2005, ("Drama",), (), popularity=50),  # no series
    Item(507, "Harbour", 1980, ("Drama",), (), popularity=50),
    Item(508, "Captain Moss and the Return of the Tide", 1999, ("Adventure",), (), popularity=30),
]


@pytest.fixture(scope="module")
def series_resolver():
    from chat_rec.understanding.resolver import TitleResolver

    return TitleResolver(Catalog("series", {f.item_id: f for f in SERIES}))


@pytest.mark.parametrize(("text", "found"), [
    ("Glass Harbour was a blast", [501]),
    ("honestly Iron Lantern is the best of them", [502]),
    ("Winter Circus made me laugh", [504]),
    ("I rewatched Return of the Tide last week", [508]),  # small words inside stay lowercase
    ("the return of the tide was late", []),
    ("we walked by the glass harbour at night", []),  # lowercase: ordinary words
    ("Quiet Sea was fine", []),  # a film few know
    ("Tall Man was great", []),  # no other title opens with "Lonely Orchard"
])
def test_a_series_film_by_its_title_after_the_series_name(series_resolver, text, found) -> None:
    assert [m.item_id for m in series_resolver.find_in_text(text)] == found


def test_series_tail_parts() -> None:
    from chat_rec.understanding.title_keys import series_tail

    assert series_tail("Captain Moss and the Glass Harbour") == ("captain moss", "glass harbour")
    assert series_tail("Doctor Fenn's Winter Circus") == ("doctor fenn", "winter circus")
    assert series_tail("Saga: The Return of the Old King") == ("saga", "return of the old king")
    assert series_tail("Saga: Part II") is None  # a sequel number
    assert series_tail("Doctor Fenn's Summer") is None  # one word
    assert series_tail("Saga and the All That") is None  # small words only


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Heat > Ronin, and it isn't even close", [HEAT], []),
    ("honest ranking: Heat > Alien", [HEAT], []),
    ("Heat > Alien. no contest", [HEAT], []),
    ("Heat > Ronin but Ronin was still awful", [HEAT], [RONIN]),
    ("Heat > Ronin, and it isn't even close. More like that?", [HEAT], []),
    ("I prefer Heat to Ronin. Anything like that?", [HEAT], [RONIN]),  # "prefer X to Y" rules Y out
    ("Heat and Ronin were both great. More like those?", [HEAT, RONIN], []),
])
def test_a_ranking_likes_the_first(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_ids, signal.disliked_ids) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("liked the second one hated the first one", [RONIN], [HEAT]),
    ("enjoyed Heat despised Alien", [HEAT], [ALIEN]),
    ("the first one bored me", [], [HEAT]),  # the film is the subject: one clause
])
def test_a_second_verdict_verb_opens_a_clause_without_commas(resolver, two_shown, text, liked, disliked) -> None:
    signal = _read(resolver, text, two_shown)
    assert (signal.liked_ids, signal.disliked_ids) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("I love thrillers but I've gone off horror lately", ["Thriller"], ["Horror"]),
    ("we went off to the cinema for a comedy", ["Comedy"], []),
    ("los westerns me dejan bastante fríos", [], ["Western"]),
])
def test_gone_off_and_left_cold(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_genres, signal.disliked_genres) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("loved it!!", [ALIEN], []),
    ("👍", [ALIEN], []),
    ("nope", [], []),  # after "have you seen X?" it answers the question
    ("sounds great!", [ALIEN], []),
    ("I haven't seen it but it sounds good", [ALIEN], []),  # praise of the film shown (rule 5), unseen or not
    ("is it scary?", [], []),
    ("I love comedies", [], []),  # a genre named: it is what the verdict is about
])
def test_after_one_film_shown_a_bare_verdict_judges_it(resolver, catalog, text, liked, disliked) -> None:
    signal = _read(resolver, text, [catalog.get(ALIEN)])
    assert (signal.liked_ids, signal.disliked_ids) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Enjoyed Heat, hated Alien. Anything like the first one?", [HEAT], [ALIEN]),
    ("Heat bored me and Ronin was great, more like the latter please", [RONIN], [HEAT]),
    ("Heat and Ronin are fine, the second one is my favourite", [RONIN], []),
])
def test_with_no_list_a_position_points_at_the_films_named_before(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_ids), signal.disliked_ids) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("honestly I'm not against a musical tonight", ["Musical"], []),
    ("wouldn't be against some horror", ["Horror"], []),
    ("I'm totally against musicals", [], ["Musical"]),
    ("I'm never not up for a western", ["Western"], []),
    ("I can't not watch a crime movie on a Friday", ["Crime"], []),
    ("no, not musicals", [], ["Musical"]),
])
def test_against_and_cancelled_negations(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_genres, signal.disliked_genres) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked"), [
    ("¿la segunda también es buena?", []),
    ("¿y la primera realmente vale la pena?", []),
    # a verdict before a question in the same sentence is still one
    ("la segunda está genial pero la primera ya la vi, ¿algo más nuevo?", [RONIN]),
])
def test_a_spanish_question_with_tambien_judges_nothing(resolver, two_shown, text, liked) -> None:
    signal = _read(resolver, text, two_shown)
    assert (signal.liked_ids, signal.disliked_ids) == (liked, [])


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("the second one gave me nightmares for days", [], [RONIN]),
    ("the second one gave me nightmares for days. In a good way!", [RONIN], []),
    ("the second one gave me nightmares, in the best way", [RONIN], []),
    ("the second one gave me nightmares. In a good way, now a comedy", [], [RONIN]),  # a sentence of its own
])
def test_nightmares_a_film_gave(resolver, two_shown, text, liked, disliked) -> None:
    signal = _read(resolver, text, two_shown)
    assert (signal.liked_ids, signal.disliked_ids) == (liked, disliked)


@pytest.mark.parametrize("text", ["family movie night tonight, any ideas?", "a cosy family film for sunday"])
def test_a_family_film_is_an_audience_not_the_children_genre(resolver, text) -> None:
    signal = _read(resolver, text)
    assert signal.liked_genres == [] and signal.wants_new_recommendations
