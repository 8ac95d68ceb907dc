"""Asks of the forty-fifth session, found on invented sentences before any case of the round's new set was
read (sentences written for these tests, none from a benchmark or request file).

- A want of what a film gives, as a noun ("could use a laugh", "in the mood for a good cry") is an ask,
  and its mood is read like the verb of effect ("makes me laugh" -> funny).
- Handing the choice over ("I'm easy", "otherwise we're open", "your call", "dealer's choice", "tú eliges")
  is an ask, also after an exclusion that asks for nothing by itself.

Then mechanisms from fresh34's odd half, each rewritten in other words first:

- A verdict said again by an ellipsis ("… and never will be", "… and always will") keeps its sign.
- "3 is out" / "Ronin's out" closing a clause rejects a listed film, as "is in" takes one.
- "So not those" after a genre ruled out rejects the films on screen.
- "2005 or more recent", "2010 or since", "2000 or after" set a lower bound only.
- A question about how the assistant works after a lead ("out of curiosity, how do you …?") asks nothing.
- A request put off ("I'll ask you for westerns another day", "otro día te pido más") asks nothing now.
- A rhetorical "who could dislike X?" likes X; "anything less than great" negates "great".
- "In a <mood> mood" asks; "X deserves more love" likes X; "a western would do me" asks.
- A lowercase one-word title followed by "me/us/him/them" is a verb ("always hook me").
- A genre with a proviso still asks before a clause of its own ("crime, but no gore, and I hated X").
"""

from __future__ import annotations

import pytest

from chat_rec.understanding import mood_words
from chat_rec.understanding.tokens import tokenize

HEAT, RONIN, COLLATERAL, HOOK, UNFORGIVEN = 6, 2278, 8798, 3489, 1266
LISTED = (HEAT, RONIN, COLLATERAL)


def _read(resolver, text: str, catalog=None):
    from chat_rec.understanding.extractor import Extractor

    previous = [catalog.get(i) for i in LISTED] if catalog is not None else []
    reply = "Try Heat (1995), Ronin (1998) or Collateral (2004)." if catalog is not None else ""
    return Extractor(resolver, None).extract(text, reply, previous)


@pytest.mark.parametrize("text", [
    "could use a laugh tonight",
    "Rough week. We could really do with a proper cry",
    "in the mood for some scares but nothing gory",
    "need a quick giggle before bed",
    "dying for a good fright this halloween",
])
def test_a_wanted_effect_is_an_ask(resolver, text) -> None:
    assert _read(resolver, text).wants_new_recommendations


@pytest.mark.parametrize("text", [
    "we watched it for a laugh",
    "that one gave me a laugh",
    "I don't need a laugh, honestly",
])
def test_an_effect_that_is_not_wanted_asks_nothing(resolver, text) -> None:
    assert not _read(resolver, text).wants_new_recommendations


@pytest.mark.parametrize(("text", "mood"), [
    ("could use a laugh tonight", "funny"),
    ("in the mood for a good cry", "sad"),
    ("after some frights", "scary"),
    ("something to make me laugh", "funny"),  # the verb frame, as before
])
def test_a_wanted_effect_names_its_mood(text, mood) -> None:
    keys = [t.key for t in tokenize(text)]
    assert [m for *_, m in mood_words.effects(keys)] == [mood]


@pytest.mark.parametrize("text", [
    "No musicals. Beyond that I'm easy",
    "nothing with subtitles, otherwise we're open",
    "your call mate",
    "dealer's choice",
    "I'm not fussy",
    "sin terror, por lo demás tú eliges",
    "westerns are a no. apart from that, go wild",
])
def test_handing_the_choice_over_is_an_ask(resolver, text) -> None:
    assert _read(resolver, text).wants_new_recommendations


@pytest.mark.parametrize("text", [
    "I'm easy to please, loved Heat",
    "it's your call whether Heat counts as a western",
    "my brother is easy going about films",
])
def test_the_same_words_saying_something_else_ask_nothing(resolver, text) -> None:
    assert not _read(resolver, text).wants_new_recommendations


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Westerns aren't for me and never were", [], ["Western"]),
    ("I hate musicals and always will", [], ["Musical"]),
    ("I love westerns and always will", ["Western"], []),
    ("horror, never have and never will", [], ["Horror"]),
])
def test_a_verdict_said_again_keeps_its_sign(resolver, text, liked, disliked) -> None:
    sig = _read(resolver, text)
    assert (sig.liked_genres, sig.disliked_genres) == (liked, disliked)


def test_a_film_verdict_said_again_keeps_its_sign(resolver) -> None:
    assert _read(resolver, "Heat wasn't for me and never will be").disliked_ids == [HEAT]


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("the first is out, the other two are in", [RONIN, COLLATERAL], [HEAT]),
    ("2 is out", [], [RONIN]),
    ("Ronin's in, collateral's out", [RONIN], [COLLATERAL]),
    ("I saw Heat in", [], []),
])
def test_in_and_out_over_a_list(resolver, catalog, text, liked, disliked) -> None:
    sig = _read(resolver, text, catalog)
    assert (sorted(sig.liked_ids), sorted(sig.disliked_ids)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize("text", ["Sorry, crime bores me. So not those.", "crime isn't for me, so not these ones then"])
def test_so_not_those_rejects_the_list_after_a_genre(resolver, catalog, text) -> None:
    sig = _read(resolver, text, catalog)
    assert sorted(sig.disliked_ids) == sorted(LISTED) and sig.disliked_genres == ["Crime"]


def test_a_plain_demonstrative_after_a_genre_still_means_the_genre(resolver, catalog) -> None:
    assert _read(resolver, "I hate crime films, not those", catalog).disliked_ids == []


@pytest.mark.parametrize(("text", "year_min"), [
    ("a comedy from 2005 or more recent", 2005),
    ("thrillers from 2010 or since", 2010),
    ("anything 2000 or after", 2000),
    ("a drama, 1999 or more recently", 1999),
])
def test_or_more_recent_is_a_lower_bound_only(resolver, text, year_min) -> None:
    sig = _read(resolver, text)
    assert (sig.year_min, sig.year_max) == (year_min, None)


@pytest.mark.parametrize("text", [
    "Out of curiosity, how do you work out which films to suggest?",
    "just wondering, how does this thing decide what to recommend?",
    "I'll ask you for some westerns another time, bed now",
    "maybe next week I'll get you to recommend a few thrillers",
    "I'll come back for more suggestions tomorrow",
    "otro día te pido más, ahora me voy",
])
def test_questions_about_the_bot_and_requests_put_off_ask_nothing(resolver, text) -> None:
    assert not _read(resolver, text).wants_new_recommendations


@pytest.mark.parametrize("text", [
    "recommend me something for tomorrow",
    "I'll need a comedy tomorrow night, got any?",
    "in a melancholy mood this evening",
    "we're in a bit of a cosy mood",
    "then, honestly, a western would do me",
    "a good horror would hit the spot",
    "Westerns, but not the spaghetti kind, and I hated Unforgiven.",
])
def test_asks_for_now(resolver, text) -> None:
    assert _read(resolver, text).wants_new_recommendations


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Who could possibly dislike Heat?", [HEAT], []),
    ("who doesn't love Heat?", [HEAT], []),
    ("Who on earth could hate Ronin", [RONIN], []),
    ("Nobody could call Heat anything less than brilliant", [HEAT], []),
    ("Heat was a bit less than great", [], [HEAT]),
    ("Ronin deserves a bigger audience", [RONIN], []),
    ("Collateral deserved better reviews", [COLLATERAL], []),
    ("Who would win in a fight, Heat or Ronin?", [], []),
])
def test_rhetorical_questions_and_praise_by_desert(resolver, text, liked, disliked) -> None:
    sig = _read(resolver, text)
    assert (sig.liked_ids, sig.disliked_ids) == (liked, disliked)


def test_a_cast_question_stays_a_question_of_fact(resolver) -> None:
    assert _read(resolver, "who's in Heat?").fact_topic == "cast"


@pytest.mark.parametrize(("text", "found"), [
    ("Heist films always hook me", []),
    ("war films crush me every time", []),
    ("loved Hook as a kid", [HOOK]),
])
def test_a_lowercase_title_before_an_object_pronoun_is_a_verb(resolver, text, found) -> None:
    assert _read(resolver, text).mentioned_ids == found


@pytest.mark.parametrize(("text", "genres"), [
    ("my wife said to ask you for a thriller", ["Thriller"]),
    ("mum wants me to ask you for a musical", ["Musical"]),
    ("is it too much to ask for a comedy that's actually funny?", ["Comedy"]),
    ("would it be possible to get a western tonight?", ["Western"]),
])
def test_relayed_and_polite_asks(resolver, text, genres) -> None:
    sig = _read(resolver, text)
    assert sig.wants_new_recommendations and sig.liked_genres == genres


@pytest.mark.parametrize("text", ["my husband says westerns are great", "my dad told me not to ask you for horror"])
def test_hearsay_and_a_relayed_ask_refused_ask_nothing(resolver, text) -> None:
    sig = _read(resolver, text)
    assert not sig.wants_new_recommendations and not sig.liked_genres


# From older read parts (misses read in earlier rounds, left then), rewritten in other words:
@pytest.mark.parametrize("text", [
    "Sci-fi or fantasy, for me and my niece",
    "comedy for a rainy day",
    "same again please",
    "yep, same again, my sister's coming over",
    "Westerns and thrillers. One of each?",
    "what would scratch the same itch?",
    "¿Más de Almodóvar?",
])
def test_more_asks(resolver, text) -> None:
    assert _read(resolver, text).wants_new_recommendations


@pytest.mark.parametrize("text", [
    "horror for me is a no", "¿dura más de dos horas?", "westerns for my dad, he loves them",
])
def test_the_same_shapes_that_ask_nothing(resolver, text) -> None:
    assert not _read(resolver, text).wants_new_recommendations


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("for school we have to watch a documentary. it can't be super long because i have practice",
     ["Documentary"], []),
    ("we need a western for class, and it cant be too long", ["Western"], []),
])
def test_a_limit_on_length_judges_nothing(resolver, text, liked, disliked) -> None:
    sig = _read(resolver, text)
    assert (sig.liked_genres, sig.disliked_genres) == (liked, disliked)


def test_a_verdict_beside_a_limit_on_length_stands(resolver) -> None:
    assert _read(resolver, "Heat is great but it can't be over three hours").liked_ids == [HEAT]
