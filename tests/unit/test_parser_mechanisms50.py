"""Mechanisms of the fiftieth session, on sentences written for these tests (none from a benchmark file),
found by probes on moods, tones and occasions (the theme of the thirty-ninth clean set, scored before any
of its rows was read):

- "too" + a trait said of a film is a complaint, whatever the trait ("too grim", "they all look too
  intense"); before, only a closed list (slow, long, boring, cheesy, violent) was. "Too" meaning "also",
  praise ("too good to miss") and the person's own state ("I'm too tired for …") are not.
- A verdict, a comma and then only the whole list ("boring, all of them", "too grim, all three of them")
  judges the whole list, as a verdict then a bare pick does ("really good, the first one").
- A question with a verb of viewing other than "watch" asks for films ("what should I download for the
  flight?", "what do we stream tonight?").
- A bidden "scare me" ("it's Halloween, scare me") wishes for a film that scares; it is no fear a film gave
  and names no genre. "Help me unwind", "what goes well with …" ask too; so does a Spanish "una para …"
  ("una para llorar").

From fresh39's odd half (read after both halves were scored), each written again as new sentences:

- More picks asked for as "other options", "any other ideas?", "¿alguna alternativa?", "you have
  recommendations?"; a mood shifted by a comparative ("can we go darker?"); "both in one?".
- "Let's do the third one" takes up a listed film (a choice, no ask).
- "from the year 1962" is one year; two negators in a row cancel ("never not in the mood for …").
- An object put first ("anything too sugary I hate") states a taste: the learned reader may not make it an ask.
- "tempting", "tempted", "enticing" are words of liking (so "can't say the last one isn't tempting" likes it).
- Adjectives after "something" joined by "or" are no title ("something odd or brave" is not *Brave*).
- "the kind of silly fun I need" is a noun phrase, not the hedge "kind of silly".
- An intensity bound with a word of now ("nothing too heavy tonight") asks; a bare one does not (changed in session
  54: a limit opening a sentence asks, except in answer to what to avoid).
- "these days", "that year": a demonstrative with a noun of time points at no film.
- "a funny one please", "a cosy one tonight": a kind of film asked for with a word of asking or of when.

Probes on moods said of listed films:
- "fits my mood", "suits the vibe", "es justo lo que necesito" like a film; a want said as what a film is
  ("the second is exactly what I need") is found, not asked for ("what I need is a comedy" still asks).
- Drama in the person's life ("enough drama at work", "bastante drama tengo en casa") names no genre; "a
  family drama" is still one.

Found in the browser (a fresh clone's `make demo`): "long flight tomorrow, what should I download" asked for
films *tagged* "long". An occasion opening its clause with no opener ("long flight tomorrow", "rough week") is
the occasion's, no mood of the film, as "on a long flight" already was.
Also found through the service: "something lighter please" showed films tagged "dark" ("lighter" sat nearest
"heavy metal" in the embedding, and its vector drew dark films). A comparative outside the tag vocabulary is
read as its adjective ("darker" -> dark, "scarier" -> scary, "sadder" -> sad), or dropped with it as "light"
is; a word a tag spells out ("stoner" in "stoner movie") stays itself.

Found by the older sets' cases these changes made worse (two clean cases had been right for a wrong reason):
- A film stopped ("we had to turn it off") is disliked; "in that order" points at no film; words of when
  ("all three, tonight 👍") leave a verdict bare, so it judges the films before it.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse
from tests.unit.test_parser_mechanisms29 import _Vocabulary

HEAT, RONIN, COLLATERAL = 6, 2278, 8798


@pytest.fixture()
def listed(catalog):
    return [catalog.get(i) for i in (HEAT, RONIN, COLLATERAL)]


@pytest.mark.parametrize("text, disliked", [
    ("the second is just too grim for me", [RONIN]),
    ("Collateral looks too intense", [COLLATERAL]),
    ("the first one seems too bleak", [HEAT]),
    ("they all look too gritty", [HEAT, RONIN, COLLATERAL]),
])
def test_too_much_of_a_trait_is_a_complaint(resolver, listed, text, disliked) -> None:
    sig = parse(text, listed, resolver)
    assert sorted(sig.disliked_ids) == sorted(disliked) and not sig.liked_ids


@pytest.mark.parametrize("text, liked", [
    ("I liked Heat too, more like it please", [HEAT]),
    ("the first looked too good to miss", [HEAT]),
    ("Ronin was great too", [RONIN]),
])
def test_too_that_is_no_complaint(resolver, listed, text, liked) -> None:
    sig = parse(text, listed, resolver)
    assert sig.liked_ids == liked and not sig.disliked_ids


def test_the_persons_own_state_judges_no_film(resolver, listed) -> None:
    sig = parse("im too tired for anything heavy", listed, resolver)
    assert not sig.disliked_ids and not sig.liked_ids and not sig.disliked_genres


@pytest.mark.parametrize("text, polarity", [
    ("boring, all of them", -1),
    ("too grim, all three of them", -1),
    ("meh, every one of them honestly", -1),
    ("really good, every one of them", 1),
])
def test_a_verdict_then_the_whole_list(resolver, listed, text, polarity) -> None:
    sig = parse(text, listed, resolver)
    judged = sig.liked_ids if polarity > 0 else sig.disliked_ids
    other = sig.disliked_ids if polarity > 0 else sig.liked_ids
    assert sorted(judged) == sorted([HEAT, RONIN, COLLATERAL]) and not other


def test_both_of_a_list_of_three_is_no_group(resolver, listed) -> None:
    sig = parse("boring, both of them", listed, resolver)
    assert not sig.disliked_ids


@pytest.mark.parametrize("text", [
    "long train ride tomorrow, what should i download",
    "what do we stream tonight",
    "what can i throw on while i fold laundry",
    "it's halloween, scare me",
    "go on, frighten us",
    "help me unwind after a long shift",
    "what goes well with a rainy night and popcorn",
    "ando sensible, una para llorar",
])
def test_asks_by_what_a_film_should_do(resolver, text) -> None:
    sig = parse(text, [], resolver)
    assert sig.wants_new_recommendations and not sig.liked_genres and not sig.disliked_genres


@pytest.mark.parametrize("text", [
    "horror films scare me",
    "Heat scared me a bit as a kid",
    "la primera es una para la familia",
])
def test_no_ask_where_nothing_is_wished(resolver, listed, text) -> None:
    assert not parse(text, listed, resolver).wants_new_recommendations


def test_a_fear_a_genre_gave_still_rejects_it(resolver) -> None:
    assert parse("horror films scare me", [], resolver).disliked_genres == ["Horror"]


@pytest.mark.parametrize("text", [
    "skip the first, any other ideas?",
    "la última no me convence, ¿alguna alternativa?",
    "you got suggestions?",
    "can we go darker? the kids are asleep",
    "maybe go a bit funnier",
    "I adore a good weepie and I adore westerns. Both in one?",
    "I'm never not in the mood for a comedy",
    "nothing too heavy tonight, my head is fried",
    "nada muy largo hoy, porfa",
    "a funny one please",
    "a cosy one tonight",
])
def test_more_ways_of_asking(resolver, listed, text) -> None:
    assert parse(text, listed, resolver).wants_new_recommendations


@pytest.mark.parametrize("text", [
    "the other options look dull",
    "can we go later",
    "a good one!",
])  # ("nothing too gory" alone asks since session 54, as every labelled case of a limit opening a sentence does
#   outside an answer to what to avoid: test_parser_mechanisms54)
def test_no_ask_in_these(resolver, listed, text) -> None:
    assert not parse(text, listed, resolver).wants_new_recommendations


def test_lets_do_the_described_one_is_a_choice(resolver, listed) -> None:
    sig = parse("Let's do the third one tonight, I've been meaning to", listed, resolver)
    assert sig.liked_ids == [COLLATERAL] and not sig.wants_new_recommendations


@pytest.mark.parametrize("text, year", [
    ("I'd love a western from the year 1962 please", 1962),
    ("quiero un thriller del año 2004", 2004),
])
def test_from_the_year_is_one_year(resolver, text, year) -> None:
    sig = parse(text, [], resolver)
    assert (sig.year_min, sig.year_max) == (year, year)


def test_an_object_put_first_is_a_statement() -> None:
    from chat_rec.understanding import statements

    assert statements.fronted("Westerns are fine. Anything too sugary I hate")
    assert statements.fronted("something with dragons my son adores")
    assert not statements.fronted("anything sugary? i hate gritty stuff")


@pytest.mark.parametrize("text, liked", [
    ("can't say the last one isn't tempting", [COLLATERAL]),
    ("i'm tempted by the middle one", [RONIN]),
    ("the first sounds enticing", [HEAT]),
])
def test_words_of_temptation_like(resolver, listed, text, liked) -> None:
    sig = parse(text, listed, resolver)
    assert sig.liked_ids == liked and not sig.disliked_ids


def test_adjectives_after_something_are_no_title(resolver) -> None:
    sig = parse("a documentary about people doing something odd or brave. anything like that?", [], resolver)
    assert not sig.liked_ids and sig.wants_new_recommendations


@pytest.mark.parametrize("text, liked, disliked", [
    ("the first sounds like the kind of silly fun I need, let's go with it", [HEAT], []),
    ("the second was kind of silly", [], [RONIN]),
])
def test_the_kind_of_is_no_hedge(resolver, listed, text, liked, disliked) -> None:
    sig = parse(text, listed, resolver)
    assert sig.liked_ids == liked and sig.disliked_ids == disliked


@pytest.mark.parametrize("text", [
    "I loved Heat. These days most films are just too noisy.",
    "I loved Heat. That year everything else was boring.",
])
def test_a_time_phrase_points_at_no_film(resolver, text) -> None:
    sig = parse(text, [], resolver)
    assert sig.liked_ids == [HEAT] and not sig.disliked_ids


@pytest.mark.parametrize("text, liked, disliked", [
    ("the second scared my nephew so badly we had to switch it off", [], [RONIN]),
    ("all three, tonight 👍", [HEAT, RONIN, COLLATERAL], []),
    ("the last two, in that order, this weekend, yes", [RONIN, COLLATERAL], []),
])
def test_stopped_films_and_words_of_when(resolver, listed, text, liked, disliked) -> None:
    sig = parse(text, listed, resolver)
    assert sorted(sig.liked_ids) == sorted(liked) and sig.disliked_ids == disliked


@pytest.mark.parametrize("text, liked", [
    ("Ronin fits my mood perfectly", [RONIN]),
    ("the third suits the vibe tonight", [COLLATERAL]),
    ("la primera es justo lo que necesito", [HEAT]),
    ("the second is exactly what we need", [RONIN]),
])
def test_what_fits_the_mood_is_liked_and_no_ask(resolver, listed, text, liked) -> None:
    sig = parse(text, listed, resolver)
    assert sig.liked_ids == liked and not sig.wants_new_recommendations


def test_what_i_need_is_still_an_ask(resolver) -> None:
    sig = parse("what i need is a western", [], resolver)
    assert sig.wants_new_recommendations and sig.liked_genres == ["Western"]


@pytest.mark.parametrize("text, liked, disliked", [
    ("no dramas tonight, there's enough drama at work", [], ["Drama"]),
    ("nada de dramas, que bastante drama tengo en casa", [], ["Drama"]),
    ("so much office drama lately, i need a comedy", ["Comedy"], []),
    ("i love a good family drama", ["Drama"], []),
])
def test_drama_in_ones_life_is_no_genre(resolver, text, liked, disliked) -> None:
    sig = parse(text, [], resolver)
    assert sig.liked_genres == liked and sig.disliked_genres == disliked


@pytest.mark.parametrize("text", [
    "these all feel a bit loud for a sunday, something gentler?",
    "the first is a little long for a school night",
])
def test_not_for_now_rejects_nothing(resolver, listed, text) -> None:
    # older clean sets read "a bit X for tonight" as a mood switch (rule 7), not a rejection; a hard call in
    # fresh39 read it the other way for one film: measured, and the older reading kept
    assert not parse(text, listed, resolver).disliked_ids


@pytest.mark.parametrize("text, occasion", [
    ("long flight tomorrow, what should i download", "long flight"),
    ("rough week. something cosy?", "rough week"),
    ("ok. lazy sunday afternoon, any ideas", "lazy sunday afternoon"),
    ("a long film please", ""),
    ("algo de viajes en el tiempo", ""),  # what is asked for opens it: time travel, no trip
])
def test_an_occasion_opening_its_clause(text, occasion) -> None:
    from chat_rec.understanding.aspect_phrases import tokenize
    from chat_rec.understanding.aspects import occasion_spans

    keys = [t.key for t in tokenize(text)]
    assert " ".join(keys[i] for i in sorted(occasion_spans(keys))) == occasion


@pytest.mark.parametrize("text, moods", [
    ("something darker please", ["dark"]),
    ("a scarier one", ["scary"]),
    ("something sadder", ["sad"]),
    ("something lighter please", ["light"]),  # a word of the mood axes (``mood_axes``), never "heavy metal"
    ("a stoner comedy", ["stoner"]),  # a tag spells the word out: no comparative of "stone"
])
def test_a_comparative_is_read_as_its_adjective(text, moods) -> None:
    from chat_rec.understanding.aspect_phrases import find_aspects

    vocabulary = _Vocabulary({"dark", "scary", "sad"}, {
        "lighter": ("heavy metal", 0.75), "light": ("photography", 0.8), "stoner": ("stoner movie", 0.99),
        "stone": ("rock", 0.8)})
    assert [p for _, _, p in find_aspects(text, vocabulary)] == moods
