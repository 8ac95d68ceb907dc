"""Mechanisms of the fifty-fourth session, on sentences written for these tests (none from a
benchmark file).

- A reply whose last question asks which films were seen ("Watched any of them?", "¿Has visto alguna?"), and
  not what the person thought of them: a listed film picked out with no word of verdict ("the middle one",
  "the first two, yep") was seen (rule 7), not chosen. A word of verdict still judges ("the first, loved it"),
  and so does a choice in words ("I'll take the third").
- "yep" and "yup" say yes as "yeah" does ("the last one, yup" picks it after a plain list).
- With one film shown and none named, a verdict after a bare answer ("nah, not my thing", "no. sounds
  dull") is about that film, as the same verdict opening the message was.
- A verb of impression ("sounds", "looks", "seems", "pinta") only carries the verdict after it: "looks dull"
  is a bare verdict, as "dull" is.

Second round (mechanisms from fresh43's odd half):

- A sentence opening with a limit on the film wanted ("nothing over 90 minutes", "nothing too grim", "nada muy
  largo") asks for films now (rule 13); not a grade ("nothing too special" judges a film) and not in answer to
  what to avoid.
- Interest lost ("has lost its appeal", "I've lost all interest in", "perdió la gracia") is a verdict against.
- "never got to", "didn't get to" the films is not having seen them, no rejection.
- Answering whether a film was seen with a bare word and a clause about seeing ("nah haven't watched it", "yep
  seen it") gives no verdict; bare yes/no answers to "Seen any of these?" say seen / not seen.
- "can't say I'd mind a X" is "wouldn't mind a X": asked for.
- Two listed films joined by "or" in a bare clause are a choice still open ("the first or the last, which one
  first?"): neither is picked.
- A film asked for with an article after a verb of asking keeps its genre and sets the year it is "from" ("find
  me a western from 1993").
- "moved by" is praise, so "not unmoved by it" is litotes and "unmoved by it" a verdict against; "looks ace" is
  praise; a verdict with a word of frequency ("great every time") is bare; after "yes, twice." it judges the one
  film shown.
- Northern English "summat", "owt", "nowt" are "something", "anything", "nothing".
- Denying one pole of a genre and then the other ("I don't hate X, I just don't love it either") gives no verdict.
- A series film is named by its subtitle with its part ("Deathly Hallows Part 1", typed with capitals).
- "X made up for it" praises X.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.answers import asks_seen
from chat_rec.understanding.parser import parse

GATTACA, BRAZIL, PSYCHO, ALIENS = 1653, 1199, 1219, 1200
SHOWN = "Gattaca (1997), Brazil (1985) or Psycho (1960)."


@pytest.mark.parametrize(("reply", "asks"), [
    (f"{SHOWN} Watched any of them?", True),
    (f"{SHOWN} Which of those have you caught already?", True),
    ("Gattaca (1997), Brasil (1985) o Psicosis (1960). ¿Has visto alguna?", True),
    (f"{SHOWN} Seen any you liked?", False),  # a verdict asked as well
    (f"{SHOWN} Which one do you fancy?", False),
    ("Seen anything good lately? Here are three: Gattaca (1997), Brazil (1985), Psycho (1960).", False),
    ("", False),
])
def test_a_reply_asking_what_was_seen(reply, asks) -> None:
    assert asks_seen(reply) is asks


@pytest.mark.parametrize(("reply", "text", "liked", "seen"), [
    (f"{SHOWN} Watched any of them?", "the first two, yep", [], [GATTACA, BRAZIL]),
    (f"{SHOWN} Watched any of them?", "yes the middle one", [], [BRAZIL]),
    (f"{SHOWN} Watched any of them?", "only Psycho", [], [PSYCHO]),
    # a word of verdict, or a choice in words, still judges
    (f"{SHOWN} Watched any of them?", "the first, and I loved it", [GATTACA], []),
    (f"{SHOWN} Watched any of them?", "I'll take the third", [PSYCHO], []),
    # no question on what was seen: a bare pick is a choice, as before
    (f"{SHOWN} Which one do you fancy?", "the first two, yep", [GATTACA, BRAZIL], []),
    (SHOWN, "the last one, yup", [PSYCHO], []),
])
def test_a_film_picked_in_answer_to_what_was_seen(resolver, reply, text, liked, seen) -> None:
    shown = [resolver.catalog.get(i) for i in (GATTACA, BRAZIL, PSYCHO)]
    sig = parse(text, shown, resolver, reply)
    assert (sorted(sig.liked_ids), sorted(sig.seen_ids)) == (sorted(liked), sorted(seen))


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("nah, not my thing", [], [ALIENS]),
    ("no. sounds dull", [], [ALIENS]),
    ("looks dull", [], [ALIENS]),
    ("ooh yes, seems great", [ALIENS], []),
    ("pinta aburrida", [], [ALIENS]),
    # a bare answer alone judges nothing (it may answer "seen it?")
    ("nah", [], []),
    ("no, not yet", [], []),
    ("looks like something my dad would put on", [], []),
])
def test_a_verdict_on_the_one_film_shown_after_a_bare_answer(resolver, text, liked, disliked) -> None:
    sig = parse(text, [resolver.catalog.get(ALIENS)], resolver, "Aliens (1986)? Maybe: it's Action, Sci-Fi.")
    assert (sig.liked_ids, sig.disliked_ids) == (liked, disliked)


@pytest.mark.parametrize(("reply", "text", "wants"), [
    ("Hi! What are you after?", "nothing over 90 minutes, early start tomorrow", True),
    ("Hi! What are you after?", "nothing too grim, it's been a long day", True),
    ("¿Qué te apetece?", "nada muy largo, que mañana trabajo", True),
    ("How did you find Heat?", "nothing too special to be honest", False),  # a grade of a film
    ("Anything I should steer clear of?", "nothing too grim", False),  # what to avoid, no ask
])
def test_a_limit_on_the_film_wanted_asks(resolver, reply, text, wants) -> None:
    assert parse(text, [], resolver, reply).wants_new_recommendations is wants


@pytest.mark.parametrize(("text", "liked_genres", "disliked_genres"), [
    ("musicals have lost their appeal, try a thriller", ["Thriller"], ["Musical"]),
    ("I've lost all interest in war films", [], ["War"]),
    ("las comedias perdieron la gracia para mí", [], ["Comedy"]),
    ("can't say I'd mind a documentary", ["Documentary"], []),
])
def test_interest_lost_and_minding_denied(resolver, text, liked_genres, disliked_genres) -> None:
    sig = parse(text, [], resolver, "Hello! What can I find for you?")
    assert (sig.liked_genres, sig.disliked_genres) == (liked_genres, disliked_genres)


@pytest.mark.parametrize(("reply", "text", "liked", "disliked"), [
    (f"{SHOWN} Watched any of them?", "loved the middle one, never got to the others", [BRAZIL], []),
    (f"{SHOWN} Watched any of them?", "no no yes", [], []),
    (f"{SHOWN}", "the first or the last, which one first?", [], []),
    (f"{SHOWN}", "the first and the last", [GATTACA, PSYCHO], []),
])
def test_seen_and_torn_answers_judge_nothing(resolver, reply, text, liked, disliked) -> None:
    shown = [resolver.catalog.get(i) for i in (GATTACA, BRAZIL, PSYCHO)]
    sig = parse(text, shown, resolver, reply)
    assert (sorted(sig.liked_ids), sorted(sig.disliked_ids)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("nah haven't watched it", [], []),
    ("yep seen it", [], []),
    ("yes, twice now. great every time", [ALIENS], []),
    ("not unmoved by it, I admit", [ALIENS], []),
    ("I was unmoved by it", [], [ALIENS]),
    ("looks ace", [ALIENS], []),
])
def test_answers_about_the_one_film_asked_about(resolver, text, liked, disliked) -> None:
    sig = parse(text, [resolver.catalog.get(ALIENS)], resolver, "Have you seen Aliens (1986)?")
    assert (sig.liked_ids, sig.disliked_ids) == (liked, disliked)


def test_a_film_asked_for_from_a_year_keeps_its_genre(resolver) -> None:
    sig = parse("find me a western from 1993", [], resolver, "Hi")
    assert (sig.liked_genres, sig.year_min, sig.year_max) == (["Western"], 1993, 1993)
    told = parse("I saw a western from 1993 once", [], resolver, "Hi")  # a story: no year asked for
    assert (told.year_min, told.year_max) == (None, None)


@pytest.mark.parametrize(("text", "asks"), [
    ("so what do you actually know about me?", True),
    ("which movies have I disliked?", True),
    ("can I see my profile", True),
    ("¿qué recuerdas de mí?", True),
    ("what do you think of Heat?", False),
    ("I know what I like: westerns", False),
    ("what should I watch tonight?", False),
])
def test_asking_what_the_assistant_remembers(text, asks) -> None:
    from chat_rec.catalog.titles import fold
    from chat_rec.understanding.request_words import ABOUT_ME

    assert bool(ABOUT_ME.search(fold(text))) is asks


@pytest.mark.parametrize(("text", "liked_genres", "disliked_genres", "wants"), [
    ("summat light, a comedy maybe", ["Comedy"], [], True),
    ("nowt too long", [], [], True),
    ("I don't hate westerns, I just don't love them either", [], [], False),
    ("I don't dislike sci-fi, I just don't adore it either", [], [], False),
    ("I hate westerns and I don't love them either", [], ["Western"], False),  # no pole denied first
])
def test_dialect_and_both_poles_denied(resolver, text, liked_genres, disliked_genres, wants) -> None:
    sig = parse(text, [], resolver, "Hi! What are you in the mood for?")
    assert (sig.liked_genres, sig.disliked_genres, sig.wants_new_recommendations) == (
        liked_genres, disliked_genres, wants)


def test_a_series_film_named_by_its_subtitle_and_part(resolver) -> None:
    from chat_rec.understanding.title_keys import series_tail

    assert series_tail("Captain Moss and the Frozen Gate: Part 2 (2011)") == ("captain moss", "frozen gate part 2")
    assert series_tail("Captain Moss and the Frozen Gate (2010)") == ("captain moss", "frozen gate")
    found = [m.item_id for m in resolver.find_in_text("Deathly Hallows Part 1 was a bit slow, tbh")]
    assert found == [81834]  # Harry Potter and the Deathly Hallows: Part 1
    assert not resolver.find_in_text("loved the deathly hallows films")  # no part: two films, none named


@pytest.mark.parametrize(("text", "liked"), [
    ("the middle act dragged but Psycho's ending made up for it", [PSYCHO]),
    ("Brazil never made up for it", []),  # negated: no praise
])
def test_making_up_for_it_is_praise(resolver, text, liked) -> None:
    assert parse(text, [], resolver, "Hi").liked_ids == liked
