"""Mechanisms of the thirtieth session, on sentences and films written for these tests (none from a
benchmark file).

- Found by using the app: after "I loved Heat and Scarface", "something funny for a family night" gave
  Pulp Fiction and The Usual Suspects, and "something funny for the family" gave The Hangover and Bad
  Moms. "for a family night" is an occasion, so its words were skipped as moods, and the labelled
  reading names no genre for such phrases (they are occasions, not Children). Who watches is now read
  as its own mood: a phrase naming an audience of all ages (``audience.AUDIENCE``: "for the whole
  family", "with my kids", "the kids can watch", "en familia", "que puedan ver los niños") in a
  sentence that asks is the mood ``AUDIENCE_TERM`` (the genre term of films made for children), its
  own words ("family", "kids") no mood of the film, and every pick carries it while it is in force
  (``pipeline.rank``), follow-ups included.
"""

from __future__ import annotations

import pytest

from chat_rec.catalog.models import Item
from chat_rec.ranking import pipeline
from chat_rec.understanding.aspect_phrases import tokenize
from chat_rec.understanding.aspects import aspects_with_polarity
from chat_rec.understanding.audience import AUDIENCE_TERM, audience_spans
from tests.unit.test_parser_mechanisms27 import aspect_world

FILMS = [
    Item(41, "Midnight Ledger", 1999, ("Crime", "Comedy"), ("funny",), popularity=95),
    Item(42, "Pillow Fort Patrol", 2004, ("Children", "Comedy"), ("funny",), popularity=30),
    Item(43, "The Lantern Owls", 2008, ("Children", "Animation"), (), popularity=25),
    Item(44, "Gravel Kings", 2001, ("Crime",), ("violent",), popularity=90),
    Item(45, "Marzipan Moon", 2010, ("Children", "Fantasy"), (), popularity=20),
    Item(46, "Late Shift Blues", 2012, ("Comedy",), ("funny",), popularity=85),
]


@pytest.fixture()
def world(tmp_path):
    return aspect_world(FILMS, "audience", 11, tmp_path)


@pytest.mark.parametrize("text", [
    "anything silly for movie night with the whole family?",
    "a cartoon for a family evening",
    "we want something our grandkids can enjoy",
    "una peli para ver en familia el domingo",
    "algo que puedan ver los peques",
    "family friendly please",
])
def test_an_audience_of_all_ages_asked_for_is_the_audience_mood(world, text: str) -> None:
    aspects, _ = world
    liked, disliked = aspects_with_polarity(text, aspects)
    assert AUDIENCE_TERM in liked and not disliked


@pytest.mark.parametrize("text", [
    "nothing for the kids tonight, something violent",
    "no quiero nada para toda la familia",
])
def test_an_audience_ruled_out_is_a_disliked_mood(world, text: str) -> None:
    aspects, _ = world
    liked, disliked = aspects_with_polarity(text, aspects)
    assert AUDIENCE_TERM in disliked and AUDIENCE_TERM not in liked


@pytest.mark.parametrize("text", [
    "a drama about a family that drifts apart",  # a story about a family, not who watches
    "the family in it reminded me of my cousins and their endless arguments over dinner",
    "dark crime stuff please",
])
def test_a_family_in_the_story_is_no_audience(world, text: str) -> None:
    aspects, _ = world
    liked, disliked = aspects_with_polarity(text, aspects)
    assert AUDIENCE_TERM not in liked and AUDIENCE_TERM not in disliked


def test_the_audience_words_are_no_mood_of_the_film() -> None:
    keys = [t.key for t in tokenize("something goofy for the whole family")]
    spans = audience_spans(keys)
    assert [[keys[k] for k in span] for span in spans] == [["for", "the", "whole", "family"]]


def test_every_pick_suits_the_audience_in_force(world) -> None:
    _, ranker = world
    funny = pipeline.Constraints(liked_aspects=("funny",), asked_aspects=("funny",))
    plain = [s.item.item_id for s in pipeline.rank(ranker, None, funny, 3, 0.0, aspect_floor=2)]
    assert 41 in plain or 46 in plain, "popular grown-up comedies lead a plain funny request"
    family = pipeline.Constraints(liked_aspects=("funny", AUDIENCE_TERM), asked_aspects=("funny", AUDIENCE_TERM))
    picks = [s.item.item_id for s in pipeline.rank(ranker, None, family, 3, 0.0, aspect_floor=2)]
    assert set(picks) == {42, 43, 45}
    carried = pipeline.Constraints(liked_aspects=("funny", AUDIENCE_TERM))  # "anything else?" after it
    assert {s.item.item_id for s in pipeline.rank(ranker, None, carried, 3, 0.0, aspect_floor=2)} == {42, 43, 45}
    off = [s.item.item_id for s in pipeline.rank(ranker, None, family, 3, 0.0, aspect_floor=0)]
    assert set(off) != {42, 43, 45}, "the app's floor switch (CHAT_REC_ASPECT_FLOOR=0) turns it off too"


# - Found by using the app: after "I loved Heat and Scarface", "more like Heat" kept both films as the
#   seeds ("Because you liked Scarface" on the picks): a message naming films of the topic in force is
#   a steer, and a steer adds its liked films to the seeds. A request for films like a named film is
#   about that film alone: ``own_mentions.asked_like_films`` reads which films a message asks for more
#   like (a likeness word before the title, not the verb "I like", not negated), and
#   ``session.next_request`` seeds on those.

GOODFELLAS, SCARFACE, FARGO, LOCK_STOCK, PULP = 1213, 4262, 608, 2542, 296


@pytest.mark.parametrize(("text", "films"), [
    ("more like Goodfellas please", [GOODFELLAS]),
    ("got anything similar to Fargo?", [FARGO]),
    ("films like Lock, Stock and Two Smoking Barrels", [LOCK_STOCK]),
    ("algo como Pulp Fiction", [PULP]),
    ("algo parecido a Fargo", [FARGO]),
    ("pelis parecidas a Fargo", [FARGO]),  # "a" after a Spanish likeness word is a preposition
    ("I like Goodfellas", []),  # the verb, not a request for likeness
    ("nothing like Fargo this time", []),
    ("I saw Fargo, any other crime comedies?", []),
])
def test_the_films_a_message_asks_for_more_like(resolver, text: str, films: list[int]) -> None:
    from chat_rec.understanding.own_mentions import asked_like_films

    assert asked_like_films(text, resolver) == films


def test_the_nth_film_mentioned_is_asked_for_too(resolver) -> None:
    from chat_rec.understanding.own_mentions import asked_like_films

    history = [{"role": "user", "text": "I loved Goodfellas"}, {"role": "assistant", "text": "Try Fargo (1996)"},
               {"role": "user", "text": "Scarface was great as well"}]
    assert asked_like_films("more like the second movie I mentioned", resolver, history) == [SCARFACE]


def test_a_likeness_ask_seeds_on_its_films_alone() -> None:
    from chat_rec.ranking.session import next_request
    from chat_rec.understanding.signal import PreferenceSignal

    first = next_request(None, "new", PreferenceSignal(liked_ids=[GOODFELLAS, SCARFACE]), None,
                         named=[GOODFELLAS, SCARFACE])
    assert first.seeds == (GOODFELLAS, SCARFACE)
    again = PreferenceSignal(liked_ids=[GOODFELLAS])
    assert next_request(first, "steer", again, None, named=[GOODFELLAS]).seeds == (GOODFELLAS, SCARFACE)
    assert next_request(first, "steer", again, None, named=[GOODFELLAS], like=[GOODFELLAS]).seeds == (GOODFELLAS,)
    also = PreferenceSignal(liked_ids=[FARGO])  # "I also loved Fargo": a like joins the seeds
    assert next_request(first, "steer", also, None, named=[FARGO]).seeds == (GOODFELLAS, SCARFACE, FARGO)
    hated = PreferenceSignal(disliked_ids=[FARGO])  # a film asked about but disliked seeds nothing
    assert next_request(first, "react", hated, None, like=[FARGO]).seeds == (GOODFELLAS, SCARFACE)



# - Found while writing the tests above: "pelis parecidas a Fargo" found no film, as the message is too
#   short for its language to be told and "a" before a capitalised word was read as the English article
#   ("a Titanic effort"). After a Spanish likeness word ("parecidas a", "similar a") it is the preposition.


@pytest.mark.parametrize(("text", "found"), [("pelis parecidas a Fargo", [FARGO]),
                                             ("algo similar a Goodfellas", [GOODFELLAS]),
                                             ("that was a Fargo moment", [])])
def test_a_after_a_spanish_likeness_word_is_a_preposition(resolver, text: str, found: list[int]) -> None:
    assert [m.item_id for m in resolver.find_in_text(text)] == found


# - Found on a fresh set a helper wrote for this round without reading any code (/tmp/s30, 60 audience
#   and 40 likeness messages, scored once before its rows were read: audience .650 of messages read as
#   labelled, likeness 27 of 40 exact), each checked here on our own sentences:
#   - children named by who they are ("with my son", "for a 7 year old", "con mis sobrinos") or as fit
#     for them ("fine for kids") are the audience; an audience in the clause of a past viewing ("we saw
#     it with the kids") is none, and only a negator right before it rules it out ("not too scary for
#     my nephews" asks for them);
#   - likeness phrases of several words ("in the style of", "along the lines of", "al estilo de"), a
#     second title joined by "and" / "o a", and "anything but films like X" (ruled out); "a" after a
#     Spanish coordinator is the preposition too ("o a Goodfellas" found no film).


@pytest.mark.parametrize(("text", "liked"), [
    ("any horror that's ok for a 10 year old?", True),
    ("watching with my nephew tonight, something fun", True),
    ("algo de aventuras para ver con mis sobrinos esta tarde", True),
    ("something not too scary for my nephews", True),
    ("we saw Cars with the kids twice, now something for me please", None),
    ("vimos Coco con mis hijos y lloramos, quiero un drama", None),
    ("not for the kids this time, something bleak", False),
])
def test_children_named_by_who_they_are_are_the_audience(world, text: str, liked: bool | None) -> None:
    aspects, _ = world
    liked_aspects, disliked_aspects = aspects_with_polarity(text, aspects)
    read = True if AUDIENCE_TERM in liked_aspects else False if AUDIENCE_TERM in disliked_aspects else None
    assert read is liked


@pytest.mark.parametrize(("text", "films"), [
    ("something in the style of Goodfellas", [GOODFELLAS]),
    ("films along the lines of Fargo please", [FARGO]),
    ("algo al estilo de Pulp Fiction", [PULP]),
    ("movies like Goodfellas and Scarface", [GOODFELLAS, SCARFACE]),
    ("pelis parecidas a Fargo o a Goodfellas", [FARGO, GOODFELLAS]),
    ("anything but films like Fargo", []),
    ("I loved Goodfellas and Scarface", []),
])
def test_likeness_phrases_and_joined_titles(resolver, text: str, films: list[int]) -> None:
    from chat_rec.understanding.own_mentions import asked_like_films

    assert asked_like_films(text, resolver) == films


# - Found in the newcomer run: "pelis parecidas a Fargo" was answered in English: no Spanish stopword
#   outnumbered the English ones (none either). Spanish words of asking for films tell it.


@pytest.mark.parametrize(("text", "language"), [("pelis parecidas a Goodfellas", "es"), ("ponme algo tipo Fargo", "es"),
                                                ("dame una peli de miedo", "es"), ("films like Fargo", "en"),
                                                ("Fargo", "en")])
def test_a_short_spanish_ask_is_spanish(text: str, language: str) -> None:
    from chat_rec.understanding import lexicon
    from chat_rec.understanding.aspect_phrases import tokenize as keys_of

    assert lexicon.detect_language([t.key for t in keys_of(text)]) == language
