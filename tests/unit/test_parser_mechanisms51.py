"""Mechanisms of the fifty-first session, on sentences written for these tests (none from a benchmark file).

Found by probes and through the service, before the fortieth clean set was read:

- A bare intensity bound beside a clause that names tonight's occasion ("nothing too long, it's a school
  night") asks for a film, as the bound with a word of now ("nothing too heavy tonight") already did; a bare
  bound alone, or beside a clause about another time, still did not (since session 54 it asks too).
- "can we go for something …", "could we do something …", "shall we try one that …" ask for a film.
- "without question", "without a doubt", "no questions asked" vouch; they negate no verdict.

From fresh40's odd half (read after both halves were scored; theme: films as yardsticks), each written again as
new sentences:

- A likeness said of something else is no verdict and no ask: "my week was like Groundhog Day", "the beach feels
  like Jaws today", "the second is like Heat", "is the first one anything like Heat?" ("I feel like Jaws
  tonight", "something that feels like Jaws" and "is there anything like Heat?" still ask). A verdict in the
  same sentence still reaches the film likened ("the second sounds like Fargo, which I hated").
- A film put above all others is liked, and a decade in that praise bounds nothing: "nothing since has come
  close", "nothing else from the 90s beats it", "no film has ever topped Jaws", "nothing is as good as Heat".
- A film as the model of what is asked: "in the style of the original Ghostbusters", "In the vein of Zodiac
  please", "I want Jumanji but for adults", "Jerry Maguire without the romance", "something that scares me as
  much as Alien did"; the learned verdict may not turn the model into a dislike ("…, just not 3 hours").
- After a comparison, "that one" is the film named last ("Ronin is duller than Solaris, and I hated that one").
- A tentative pick after a verdict on another listed film: "first one's boring, 2nd maybe", "not the dinosaur
  one. the board game one?".
- A reply that asked for a film the person loved: a title named with no word of its own is liked ("Truman
  Show, easily"). A reply that asked what to avoid: a genre named with no verdict is ruled out, and the answer
  asks nothing ("Horror, and anything with too much gore").
- "one girl", "one kid": a person counted, no film ("nothing gory cos one kid hates blood").
- "I've got more than enough options" asks for none.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse, parse_detailed


@pytest.mark.parametrize("text", [
    "nothing too long, it's a school night",
    "nothing too sad. its our anniversary night",
    "nada muy largo, hoy es noche de pelis",
    "nothing too gory or scary, it's a sleepover weekend",
])
def test_a_bound_beside_tonights_occasion_asks(resolver, text) -> None:
    sig = parse(text, [], resolver)
    assert sig.wants_new_recommendations and not sig.disliked_genres


@pytest.mark.parametrize("text", [
    "nothing too gory",
    "nothing too scary, it was a fun day",
    "nothing too long, my mum said",
])
def test_a_bare_bound_alone_asks_too(resolver, text) -> None:
    # changed in session 54: every labelled message opening with such a limit asks, outside an answer to what to
    # avoid (fresh39, fresh41 and fresh43 had four such misses and no case the other way): test_parser_mechanisms54
    assert parse(text, [], resolver).wants_new_recommendations


@pytest.mark.parametrize("text", [
    "can we go for something a bit more upbeat next",
    "could we do something funnier tonight",
    "shall we try one that is calmer",
    "maybe we could watch a quieter film",
])
def test_a_shared_plan_asks(resolver, text) -> None:
    assert parse(text, [], resolver).wants_new_recommendations


def test_certainty_idioms_negate_nothing(resolver, catalog) -> None:
    for text in ("I loved Jumanji without question", "Jumanji, without a doubt the best",
                 "no questions asked, Jumanji is my favourite"):
        sig = parse(text, [], resolver)
        assert sig.liked_ids == [JUMANJI] and not sig.disliked_ids, text


HEAT, RONIN, COLLATERAL, FARGO, JAWS, JUMANJI, GHOSTBUSTERS, ALIEN = 6, 2278, 8798, 608, 1387, 2, 2716, 1214
JURASSIC_PARK, MUMMY = 480, 2617


@pytest.fixture()
def listed(catalog):
    return [catalog.get(i) for i in (HEAT, RONIN, COLLATERAL)]


@pytest.mark.parametrize("text", [
    "my week has been like Groundhog Day honestly",
    "the beach feels like Jaws today, jellyfish everywhere",
    "traffic this morning was like something out of Speed lol",
    "my kitchen looks like the set of Alien right now",
])
def test_a_likeness_said_of_something_else_judges_and_asks_nothing(resolver, text) -> None:
    sig = parse(text, [], resolver)
    assert not sig.liked_ids and not sig.disliked_ids


@pytest.mark.parametrize("text, liked", [
    ("I feel like Jaws tonight", [JAWS]),
    ("something that feels like Jaws", [JAWS]),
    ("is there anything like Jaws?", [JAWS]),
    ("what else is like Fargo?", [FARGO]),
])
def test_a_likeness_asked_for_still_likes_its_model(resolver, text, liked) -> None:
    from chat_rec.understanding.own_mentions import with_likeness

    sig = with_likeness(parse(text, [], resolver), text, resolver)
    assert sig.liked_ids == liked and sig.wants_new_recommendations


@pytest.mark.parametrize("text", ["the second is like Fargo", "is the first one anything like Fargo?",
                                  "the third sounds kind of like Fargo"])
def test_comparing_a_listed_film_judges_neither(resolver, listed, text) -> None:
    result = parse_detailed(text, listed, resolver)
    sig = result.signal
    assert not sig.liked_ids and not sig.disliked_ids and not sig.wants_new_recommendations
    assert FARGO in result.settled  # the learned verdict may not judge it either


def test_a_verdict_still_reaches_the_film_likened(resolver, listed) -> None:
    sig = parse("the second sounds like Fargo, which I hated", listed, resolver)
    assert sorted(sig.disliked_ids) == sorted([RONIN, FARGO]) and not sig.liked_ids


@pytest.mark.parametrize("text, liked", [
    ("saw Alien at twelve and nothing since has come close", [ALIEN]),
    ("Jaws. nothing has topped it since", [JAWS]),
    ("no film has ever beaten Fargo for me", [FARGO]),
    ("nothing else was half as scary as Alien", [ALIEN]),
])
def test_a_film_put_above_all_others_is_liked(resolver, text, liked) -> None:
    sig = parse(text, [], resolver)
    assert sig.liked_ids == liked and not sig.disliked_ids


def test_a_decade_in_that_praise_bounds_nothing(resolver) -> None:
    sig = parse("Fargo. Nothing else from the 90s comes close", [], resolver)
    assert sig.liked_ids == [FARGO] and sig.year_min is None and sig.year_max is None
    asked = parse("a thriller from the 90s please, nothing since has come close", [], resolver)
    assert (asked.year_min, asked.year_max) == (1990, 1999)


@pytest.mark.parametrize("text, liked", [
    ("comedies in the style of the original Ghostbusters", [GHOSTBUSTERS]),
    ("In the style of Fargo please, dark and snowy", [FARGO]),
    ("along the lines of Fargo pls", [FARGO]),
    ("I want Jumanji but for adults", [JUMANJI]),
    ("basically Fargo but funnier", [FARGO]),
    ("Jumanji without the jungle bits, just the board game", [JUMANJI]),
    ("something that scares me as much as Alien did", [ALIEN]),
    ("a film that makes me cry as hard as Titanic did", [1721]),
])
def test_a_film_taken_as_the_model_is_liked_and_asked_by(resolver, text, liked) -> None:
    from chat_rec.understanding.own_mentions import with_likeness

    sig = with_likeness(parse(text, [], resolver), text, resolver)
    assert sig.liked_ids == liked and sig.wants_new_recommendations


@pytest.mark.parametrize("text", ["I liked Fargo but it was long", "Fargo is as good as Jaws, honestly"])
def test_a_verdict_or_a_plain_comparison_is_no_model(resolver, text) -> None:
    from chat_rec.understanding.own_mentions import asked_like_films

    assert not asked_like_films(text, resolver)


def test_the_learned_verdict_leaves_a_model_alone(resolver) -> None:
    from chat_rec.understanding.extractor import Extractor

    class Against:
        """A second reader that dislikes every neutral mention."""

        def fill(self, signal, text, spans, settled=()):
            todo = [i for i in spans if i not in settled and i not in signal.liked_ids]
            return signal.model_copy(update={"disliked_ids": [*signal.disliked_ids, *todo]})

    text = "something in the same spirit as Fargo, just not 3 hours please"
    sig = Extractor(resolver, None, verdict=Against()).extract(text, "", [])
    assert sig.liked_ids == [FARGO] and not sig.disliked_ids


def test_that_one_after_a_comparison_is_the_film_named_last(resolver) -> None:
    sig = parse("Fargo is duller than Jaws, and I hated that one", [], resolver)
    assert JAWS in sig.disliked_ids and FARGO not in sig.disliked_ids


@pytest.fixture()
def adventures(catalog):
    return [catalog.get(i) for i in (JURASSIC_PARK, JUMANJI, MUMMY)]


@pytest.mark.parametrize("text, liked, disliked", [
    ("first one's dull, 2nd maybe", [JUMANJI], [JURASSIC_PARK]),
    ("the first looks dull, the third perhaps", [MUMMY], [JURASSIC_PARK]),
    ("not the dinosaur one, too scary. the board game one?", [JUMANJI], [JURASSIC_PARK]),
])
def test_a_tentative_pick_after_another_films_verdict(resolver, adventures, text, liked, disliked) -> None:
    sig = parse(text, adventures, resolver)
    assert sig.liked_ids == liked and sig.disliked_ids == disliked


@pytest.mark.parametrize("text", ["I've seen the first, the second maybe", "loved the first. the second?"])
def test_no_pick_where_the_hedge_may_repeat_or_ask(resolver, adventures, text) -> None:
    assert JUMANJI not in parse(text, adventures, resolver).liked_ids


@pytest.mark.parametrize("reply", ["Tell me about a film you loved.", "Any favourite films I should know about?",
                                   "¿Hay alguna peli que te haya encantado?"])
def test_a_title_answering_a_question_about_a_loved_film_is_liked(resolver, reply) -> None:
    assert parse("Fargo, easily", [], resolver, reply).liked_ids == [FARGO]


@pytest.mark.parametrize("text", ["is Fargo any good?", "not Fargo", "Fargo? never seen it"])
def test_no_like_where_the_answer_asks_negates_or_says_seen(resolver, text) -> None:
    assert FARGO not in parse(text, [], resolver, "Tell me about a film you loved.").liked_ids


def test_no_like_where_the_reply_asked_something_else(resolver) -> None:
    assert parse("Fargo, easily", [], resolver, "Do you have a favourite era?").liked_ids == []


def test_a_genre_answering_what_to_avoid_is_ruled_out(resolver) -> None:
    reply = "Anything you'd rather avoid?"
    result = parse_detailed("Westerns, and anything with too much gore. I do love a good comedy though", [],
                            resolver, reply)
    sig = result.signal
    assert sig.disliked_genres == ["Western"] and sig.liked_genres == ["Comedy"]
    assert not sig.wants_new_recommendations and result.answered
    assert parse("westerns please", [], resolver, reply).liked_genres == ["Western"]  # asked for, politely
    assert parse("Westerns, and anything with too much gore", [], resolver, "Any genre in mind?").liked_genres \
        == ["Western"]


@pytest.mark.parametrize("text", ["Jaws was great, nothing gory though cos one kid hates blood",
                                  "we watched Jaws, loved it. nothing scary tho cos one girl gets freaked out"])
def test_one_with_a_person_is_no_film(resolver, text) -> None:
    sig = parse(text, [], resolver)
    assert sig.liked_ids == [JAWS] and not sig.disliked_ids


@pytest.mark.parametrize("text, asks", [
    ("brilliant, cheers, I've got more than enough options now", False),
    ("got more like that?", True),
])
def test_more_than_enough_asks_for_none(resolver, text, asks) -> None:
    assert parse(text, [], resolver).wants_new_recommendations is asks


@pytest.mark.parametrize("reply", ["Any genre in mind?", "What sort of film are you after tonight?",
                                   "What are you in the mood for?", "¿Qué te apetece ver hoy?"])
def test_a_genre_answering_what_to_watch_asks_for_it(resolver, reply) -> None:
    sig = parse("Westerns! Dusty towns, the lot", [], resolver, reply)
    assert sig.liked_genres == ["Western"] and sig.wants_new_recommendations


@pytest.mark.parametrize("text, reply", [
    ("I hate westerns", "Any genre in mind?"),
    ("Westerns! Dusty towns, the lot", "Which films have you seen lately?"),
])
def test_no_ask_from_a_verdict_or_another_question(resolver, text, reply) -> None:
    assert not parse(text, [], resolver, reply).wants_new_recommendations


def test_a_simile_and_praise_above_all_are_statements() -> None:
    from chat_rec.understanding import statements

    assert statements.likened("traffic this morning was like something out of Speed lol")
    assert not statements.likened("I want something like Speed")
    assert not statements.likened("my week was like Groundhog Day. anything funny?")  # the ask is its own
    assert statements.unmatched_praise("Fargo. Nothing else from that decade comes close")
    assert not statements.unmatched_praise("Fargo. nothing since has come close, got anything like it?")
