"""Mechanisms of the thirty-second session, on sentences written for these tests (none from a benchmark
or request file).

- How far a negation reaches an audience: past words of asking and function words ("don't suggest
  anything family friendly", "no quiero nada que sea para niños"), never past a word that may name a
  mood ("not too gory that my kids can watch": the gore is ruled out, the children stay the audience).
- Complaints that take a kind of film as their object: "enough with", "enough of", "basta de", "cansado
  de", "hartas de" rule the genre out; "can't get enough of" and "never get enough of" are praise.
"""

from __future__ import annotations

import pytest

from chat_rec.catalog.models import Item
from chat_rec.understanding.aspects import aspects_with_polarity
from chat_rec.understanding.audience import AUDIENCE_TERM
from tests.unit.test_parser_mechanisms27 import aspect_world

FILMS = [
    Item(81, "Pebble Parade", 2009, ("Children", "Animation"), (), popularity=40),
    Item(82, "Cold Harbour Blood", 2003, ("Horror",), ("gory",), popularity=80),
    Item(83, "Sky Lantern Club", 2014, ("Children", "Adventure"), (), popularity=25),
]


@pytest.fixture()
def world(tmp_path):
    return aspect_world(FILMS, "audience32", 17, tmp_path)


@pytest.mark.parametrize("text", [
    "don't suggest anything family friendly",
    "please do not show me anything that is for kids tonight",
    "I don't want something my kids would watch, it's our anniversary",
    "no quiero nada que sea para niños",
    "no me pongas algo para toda la familia",
    "nothing for the kids",  # right before it, as before
])
def test_a_negation_reaches_the_audience_past_words_of_asking(world, text: str) -> None:
    aspects, _ = world
    liked, disliked = aspects_with_polarity(text, aspects)
    assert AUDIENCE_TERM in disliked and AUDIENCE_TERM not in liked


@pytest.mark.parametrize("text", [
    "not too gory that my kids can watch",
    "nothing creepy, it's for my nephews",
    "no blood please, something for the whole family",
])
def test_a_mood_between_takes_the_negation_and_the_audience_stays(world, text: str) -> None:
    aspects, _ = world
    liked, _ = aspects_with_polarity(text, aspects)
    assert AUDIENCE_TERM in liked


def _read(resolver, text: str):
    from chat_rec.understanding.extractor import Extractor

    return Extractor(resolver, None).extract(text, "", [])


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("enough with the westerns, a comedy please", ["Comedy"], ["Western"]),
    ("enough of the sci-fi for a while, a drama maybe", ["Drama"], ["Sci-Fi"]),
    ("basta de musicales, una de guerra", ["War"], ["Musical"]),
    ("estoy cansada de los westerns", [], ["Western"]),
    ("cansados de tanto drama, queremos una comedia", ["Comedy"], ["Drama"]),
    ("hartas de las de terror", [], ["Horror"]),
    ("I can't get enough of westerns, another one", ["Western"], []),
    ("I never get enough of musicals", ["Musical"], []),
    ("one western is enough for tonight, a comedy after that", ["Comedy", "Western"], []),
])
def test_a_complaint_about_a_kind_of_film_rules_it_out(resolver, text: str, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_genres), sorted(signal.disliked_genres)) == (sorted(liked), sorted(disliked))


LISTED = (79132, 48780, 4011)  # Inception, The Prestige, Snatch


def _read_listed(resolver, catalog, text: str, shown=LISTED):
    from chat_rec.understanding.extractor import Extractor

    items = [catalog.get(i) for i in shown]
    reply = "Here are some picks: " + ", ".join(f"{it.title} ({it.year})" for it in items)
    return Extractor(resolver, None).extract(text, reply, items)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("loved all 3, now something lighter", list(LISTED), []),
    ("las 3 me encantaron", list(LISTED), []),
    ("all 4 are great", [], []),  # a count the list does not have names no group
    ("los 2 y 3 me gustaron", [48780, 4011], []),  # positions joined by "y" stay positions
    ("la segunda y la tercera po", [48780, 4011], []),  # a closing particle keeps a bare pick
    ("la tercera pues", [4011], []),
    ("Snatch I didn't care for.", [], [4011]),
    ("I never much cared for Snatch, but the first one is great", [79132], [4011]),
    ("Inception and Snatch both rule", [79132, 4011], []),
    ("Inception is great, Snatch no thx", [79132], [4011]),
    ("la segunda la encontré penca", [], [48780]),
    ("la segunda ni en pedo", [], [48780]),
    ("ni en pedo digo que la segunda es mala", [48780], []),  # "no way would I say": not a rejection
    ("seen all three. 1 and 3 are in my top ten", [79132, 4011], []),
])
def test_groups_counts_and_verdict_words_on_a_list(resolver, catalog, text: str, liked, disliked) -> None:
    signal = _read_listed(resolver, catalog, text)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "title"), [
    ("I've rewatched The Princess Bride like a hundred times, got anything similar?", "The Princess Bride"),
    ("I quote The Big Lebowski all the time", "The Big Lebowski"),
    ("just bought Amelie on blu-ray, more french films please", "Amelie"),
    ("Jaws was fine, but Alien is on a whole other level", "Alien"),
    ("Titanic la vi como mil veces de adolescente", "Titanic"),
    ("I'd rewatch Home Alone every christmas", "Home Alone"),
    ("I've watched Mamma Mia so many times the kids know every song", "Mamma Mia!"),
])
def test_what_a_person_does_with_a_film_shows_they_like_it(resolver, text: str, title: str) -> None:
    signal = _read(resolver, text)
    assert signal.liked_ids == [resolver.find_in_text(title)[0].item_id]


@pytest.mark.parametrize("text", [
    "I watched Cats twice and hated it both times",
    "we watched The Room so many times just to mock it, it's awful",
])
def test_repeat_viewings_do_not_outweigh_a_verdict_against(resolver, text: str) -> None:
    signal = _read(resolver, text)
    assert signal.liked_ids == [] and len(signal.disliked_ids) == 1


@pytest.mark.parametrize("text", [
    "Not the first one, I've seen it way too many times. The other two sound fun",
    "la primera no, que ya la vi mil veces. Las otras dos sí",
    "is the first one the dream heist one? my uncle used to quote it all the time",
])
def test_seen_too_often_or_quoted_by_others_is_no_like_of_a_pick(resolver, catalog, text: str) -> None:
    signal = _read_listed(resolver, catalog, text)
    assert 79132 not in signal.liked_ids


@pytest.mark.parametrize(("text", "mood"), [
    ("my dad's coming over tonight and he loves westerns", None),
    ("something for me and my girlfriend", None),
    ("quiero ver algo con mi hermana", None),
    ("something for my little brother, he loves dinosaurs", "dinosaurs"),
])
def test_people_one_watches_with_are_no_mood(text: str, mood) -> None:
    from chat_rec.understanding.aspect_phrases import tokenize
    from chat_rec.understanding.aspects import _blocked_spans

    tokens = tokenize(text)
    blocked = {tokens[k].key for k in _blocked_spans(text, tokens, None)}
    assert blocked & {"dads", "girlfriend", "hermana", "brother"}
    assert mood is None or mood not in blocked


def test_a_film_about_a_relative_keeps_its_topic() -> None:
    from chat_rec.understanding.aspect_phrases import tokenize
    from chat_rec.understanding.aspects import _blocked_spans

    tokens = tokenize("a film about my father")
    assert not _blocked_spans("a film about my father", tokens, None)


@pytest.mark.parametrize("text", ["a movie for my kids", "something to watch with my nephews"])
def test_children_after_a_possessive_are_still_the_audience(world, text: str) -> None:
    aspects, _ = world
    liked, _ = aspects_with_polarity(text, aspects)
    assert AUDIENCE_TERM in liked


GHIBLI = (5618, 31658, 5690)  # Spirited Away, Howl's Moving Castle, Grave of the Fireflies (War)
SEA = (1233, 161, 1101)  # Das Boot (War), Crimson Tide (War), Top Gun


@pytest.mark.parametrize(("shown", "text", "liked", "disliked"), [
    (GHIBLI, "la de guerra no. las otras dos sí", [5618, 31658], [5690]),
    (GHIBLI, "la de guerra no. las otras dos dale", [5618, 31658], [5690]),  # "dale" closing a clause accepts
    (SEA, "las de guerra sí, la otra no", [1233, 161], [1101]),  # "las de": every listed film it fits
    (SEA, "las de guerra me agobian. la otra sí", [1101], [1233, 161]),
    (GHIBLI, "la de dibujos no", [], []),  # all three are animated: no one film, the genre instead
])
def test_a_spanish_genre_word_describes_listed_films(resolver, catalog, shown, text: str, liked, disliked) -> None:
    signal = _read_listed(resolver, catalog, text, shown=shown)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (sorted(liked), sorted(disliked))


def test_a_spanish_genre_word_reads_as_its_english_name() -> None:
    from chat_rec.understanding.description_words import in_english

    assert [in_english(w) for w in ("guerra", "miedo", "dibujos", "vaqueros", "baloncesto")] == [
        "war", "horror", "animation", "western", "basketball"]


def test_las_de_a_genre_every_listed_film_has_is_the_genre(resolver, catalog) -> None:
    signal = _read_listed(resolver, catalog, "no me laten las de guerra, mejor una comedia", shown=(1233, 161))
    assert (signal.disliked_ids, signal.disliked_genres) == ([], ["War"])


@pytest.mark.parametrize(("text", "read"), [
    ("we watched Coco with the kids last week, loved it, another one for them please", True),
    ("mis hijos ya vieron Coco, ¿otra para ellos?", True),
    ("my nieces have seen every Pixar film, what else can they watch?", True),
    ("the kids are at camp, so nothing for them tonight", None),  # away: no audience either way
    ("love my kids but tonight is date night, nothing for them", False),
    ("my parents are visiting, what can they watch?", None),  # no children named before "they"
])
def test_a_pronoun_for_children_named_before_is_the_audience(world, text: str, read) -> None:
    aspects, _ = world
    liked, disliked = aspects_with_polarity(text, aspects)
    got = True if AUDIENCE_TERM in liked else False if AUDIENCE_TERM in disliked else None
    assert got is read


def test_a_spanish_description_after_y_is_a_clause_of_its_own(resolver, catalog) -> None:
    signal = _read_listed(resolver, catalog, "la tercera me pareció un peñazo y la del medio ni idea")
    assert (signal.liked_ids, signal.disliked_ids) == ([], [4011])


def test_hating_a_person_is_no_verdict_on_a_film(resolver, catalog) -> None:
    signal = _read_listed(resolver, catalog,
                          "I rewatched Inception and The Prestige this month and my neighbours probably hate me")
    assert signal.disliked_ids == []


def test_spanish_words_for_what_a_film_shows_read_as_its_english_tags() -> None:
    from chat_rec.understanding.mood_words import spanish_moods

    keys = "sin escenas de sexo ni desnudos ni drogas".split()
    assert [term for _, _, term in spanish_moods(keys)] == ["sex", "nudity", "drugs"]


def test_a_large_count_of_viewings_is_a_like_and_a_hedged_one_on_a_pick_is_not(resolver, catalog) -> None:
    frozen = resolver.find_in_text("Frozen")[0].item_id
    signal = _read(resolver, "we've watched Frozen probably 20 times since it came out")
    assert frozen in signal.liked_ids
    signal = _read_listed(resolver, catalog, "watched Inception like a hundred times")
    assert signal.liked_ids == [] and 79132 in signal.seen_ids


def test_a_phrase_of_devotion_names_no_mood() -> None:
    from chat_rec.understanding.aspect_phrases import tokenize
    from chat_rec.understanding.aspects import _blocked_spans

    text = "I've watched Mamma Mia so many times, something else like it?"
    tokens = tokenize(text)
    assert "times" in {tokens[k].key for k in _blocked_spans(text, tokens, None)}
