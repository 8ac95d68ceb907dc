"""Mechanisms of the twenty-fifth session, on sentences written for these tests (none from a
benchmark file).

- Found by using the app: "Heat dragged, too slow for me" judged no film. A capitalised title that
  opens a sentence is its subject when the next word is a verdict word ("dragged", "rules") or a
  past tense ("Jaws ended too soon", "Heat fell flat"), not only one of a listed set of verbs; a
  known film's title with its year in brackets ("Heat (1995) was great") stands as a title.
- Found on the odd half of this session's fresh extraction set (fresh15; the even half is kept
  unread as the clean check), each checked here on sentences of our own:
  - a possessive before a decade word is an age ("they're in their sixties"), not the 1960s;
  - "I'm done with / over westerns" rules westerns out; "is a joy", "a banger", "is peak …" and a
    habit of rewatching ("I rewatch it every year", "my yearly rewatch") are likes;
  - a closing bracket before a capital ends a sentence: "(not really, I hate horror) Give me a
    sci-fi film" rules out horror, not sci-fi;
  - a negator's scope reaches a genre whose phrase opens with a word it skips ("ni las de guerra
    ni las del oeste son lo mío": "del oeste" is a genre);
  - ", and so is X" repeats the last verdict for X, as ", and X too" did;
  - "only" before a pick-out is a filler, as "just" was: "only the last two for me" likes them;
  - with no list on screen, "the third one" after "Spider-Man 2" names Spider-Man 3: an ordinal after
    a film of a numbered series names that series' film (``series``).
- Found by sixteen dialogues a helper wrote from docs/dialogues.md alone (three are now
  tests/dialogues/51-53), each checked here on sentences of our own:
  - a capitalised function word opening the message is no part of a name ("Any Quentin Tarantino
    films?" said the catalog did not know "Any Quentin Tarantino");
  - a well-known film is named by a subtitle of ordinary words ("Fury Road" was *Fury* and *The Road*);
  - a bare digit after a film verb is a list position ("loved 2");
  - "others / more from that period" asks for films;
  - small talk opened by laughter or asking about the day is no mood ("cool" and "hows" were liked
    moods, and the turn recommended).
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse
from chat_rec.understanding.title_cues import judges_its_subject

TITANIC, JAWS, HEAT, ALIEN = 1721, 1387, 6, 1214


@pytest.mark.parametrize("text, disliked", [
    ("Titanic dragged on and on", [TITANIC]),
    ("Jaws dragged in the middle, anything tighter?", [JAWS]),
    ("Heat bored me stiff", [HEAT]),
    ("Alien terrified me, never again", [ALIEN]),
])
def test_a_title_opening_a_sentence_before_a_verdict_or_a_past_tense_is_its_subject(resolver, text, disliked):
    assert parse(text, resolver=resolver).disliked_ids == disliked


@pytest.mark.parametrize("text", ["Heat waves all week here", "Speed bumps everywhere on my street",
                                  "Gravity matters in physics class"])
def test_a_capitalised_word_before_a_noun_or_a_present_verb_stays_a_word(resolver, text):
    assert resolver.find_in_text(text) == []


def test_which_words_make_the_title_their_subject():
    assert all(judges_its_subject(w) for w in ("dragged", "rules", "was", "terrified", "pulled"))
    assert not any(judges_its_subject(w) for w in ("waves", "bumps", "red", "fed", "matters"))


@pytest.mark.parametrize("text, disliked", [
    ("Heat fell flat for me", [HEAT]),  # an irregular past after the title
    ("Titanic felt overlong", [TITANIC]),
])
def test_an_irregular_past_after_the_title_makes_it_the_subject(resolver, text, disliked):
    assert parse(text, resolver=resolver).disliked_ids == disliked


def test_a_phrase_after_a_capitalised_word_is_no_verdict_on_a_film(resolver):
    # "Big fan of …" is a phrase of liking, not *Big* (1988) judged
    assert parse("Big fan of Alien and anything with heists", resolver=resolver).liked_ids == [ALIEN]


@pytest.mark.parametrize("text, years", [
    ("my grandparents are in their seventies and love musicals", (None, None)),
    ("she's in her early fifties, something cheerful", (None, None)),
    ("mis tíos, en sus sesenta, quieren algo tranquilo", (None, None)),
    ("something from the seventies for my grandparents", (1970, 1979)),
    ("their 80s films are the best", (1980, 1989)),  # digits name a decade of films, not an age
])
def test_a_possessive_before_a_decade_word_is_an_age(text, years):
    signal = parse(text)
    assert (signal.year_min, signal.year_max) == years


@pytest.mark.parametrize("text, liked, disliked", [
    ("I'm so done with westerns, any comedies?", ["Comedy"], ["Western"]),
    ("we're kinda over musicals at this point", [], ["Musical"]),
    ("I'm over the moon, any comedies?", ["Comedy"], []),  # the idiom is joy, not a genre done with
])
def test_being_done_with_or_over_a_genre_rules_it_out(text, liked, disliked):
    signal = parse(text)
    assert (signal.liked_genres, signal.disliked_genres) == (liked, disliked)


@pytest.mark.parametrize("text, liked", [
    ("Up is such a joy", [68954]),
    ("I rewatch Casablanca every single winter", [912]),
    ("Rocky is my yearly rewatch", [1954]),
])
def test_joy_and_a_habit_of_rewatching_are_likes(resolver, text, liked):
    assert parse(text, resolver=resolver).liked_ids == liked


@pytest.mark.parametrize("text, liked", [
    ("Heat (1995) was great, more like it", [HEAT]),
    ("Heat (2013) was fun", [103372]),  # the year in brackets picks the film of that year
])
def test_a_title_with_its_year_in_brackets_stands_as_a_title(resolver, text, liked):
    assert parse(text, resolver=resolver).liked_ids == liked


@pytest.mark.parametrize("text, liked, disliked", [
    ("(ok fine, I hate musicals) Give me a western", ["Western"], ["Musical"]),
    ("(just joking, no horror please) Any comedies?", ["Comedy"], ["Horror"]),
])
def test_a_closing_bracket_before_a_capital_ends_the_sentence(text, liked, disliked):
    signal = parse(text)
    assert (signal.liked_genres, signal.disliked_genres) == (liked, disliked)


def test_a_bracket_inside_a_sentence_is_no_break(resolver):
    assert sorted(parse("I liked The Thing (the Carpenter one) and Alien", resolver=resolver).liked_ids) == [
        ALIEN, 2288]


@pytest.mark.parametrize("text, disliked", [
    ("ni las del oeste ni las de terror me van", ["Western", "Horror"]),
    ("nada del oeste, por favor", ["Western"]),
])
def test_a_negator_reaches_a_genre_whose_phrase_opens_with_a_skipped_word(text, disliked):
    assert parse(text).disliked_genres == disliked


@pytest.mark.parametrize("text, liked", [
    ("Gladiator is peak action, and so is Heat", [3578, HEAT]),
    ("Jaws was an absolute banger", [JAWS]),
])
def test_slang_of_liking(resolver, text, liked):
    assert sorted(parse(text, resolver=resolver).liked_ids) == sorted(liked)


@pytest.mark.parametrize("text, liked, disliked", [
    ("Jaws was boring, and so was Alien", [], [JAWS, ALIEN]),
    ("Heat rocks, as does Jaws", [HEAT, JAWS], []),
    ("Heat rocks, so does my brother", [HEAT], []),  # no film after "so": nothing repeated
])
def test_so_is_x_repeats_the_last_verdict(resolver, text, liked, disliked):
    signal = parse(text, resolver=resolver)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize("text, liked, disliked", [
    ("only the first two, the rest are not for me", [1, HEAT], [50, 296, 593]),
    ("solo la segunda, las demás no", [HEAT], [1, 50, 296, 593]),
    ("only the last one?", [], []),  # a question picks nothing
])
def test_only_before_a_pick_out_is_a_filler(resolver, catalog, text, liked, disliked):
    shown = [catalog.get(i) for i in (1, HEAT, 50, 296, 593)]
    signal = parse(text, shown, resolver)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (sorted(liked), sorted(disliked))


def test_a_function_word_opening_the_message_is_no_part_of_a_name():
    from chat_rec.understanding.aspect_phrases import tokenize
    from chat_rec.understanding.names import unknown_names
    from tests.unit.test_people import VOCABULARY

    def unknown(text: str) -> list[str]:
        return unknown_names(text, tokenize(text), VOCABULARY, set)

    assert unknown("Any Stanley Kubrick films?") == []  # the name is known once "Any" is left out
    assert unknown("Some Odalys Brenner movies, please") == ["Odalys Brenner"]
    assert unknown("Odalys Brenner films with space") == ["Odalys Brenner"]  # a name may still open it


@pytest.mark.parametrize("text, liked", [
    ("I loved The Matrix and Fury Road", [2571, 122882]),
])
def test_a_well_known_film_is_named_by_a_subtitle_of_ordinary_words(resolver, text, liked):
    assert sorted(parse(text, resolver=resolver).liked_ids) == sorted(liked)


def test_a_subtitle_of_ordinary_words_needs_a_title_s_slot(resolver):
    # lowercase and in no film's slot, ordinary words stay words
    assert resolver.find_in_text("a story about the road to a judgment day") == []


@pytest.mark.parametrize("text, liked, disliked, seen", [
    ("I've seen 2 and 4, loved 2 though", [HEAT], [], [296]),
    ("hated 3", [], [50], []),
    ("I've seen 2 of them", [], [], []),  # a count of films, not a position
])
def test_a_bare_digit_after_a_film_verb_is_a_position(resolver, catalog, text, liked, disliked, seen):
    shown = [catalog.get(i) for i in (1, HEAT, 50, 296, 593)]
    signal = parse(text, shown, resolver)
    assert (signal.liked_ids, signal.disliked_ids, signal.seen_ids) == (liked, disliked, seen)


@pytest.mark.parametrize("text, asks", [
    ("Others from that decade?", True),
    ("any more from the same director?", True),
    ("¿otras de esa época?", True),
    ("others in my family loved it", False),
])
def test_others_or_more_from_that_asks_for_films(text, asks):
    assert parse(text).wants_new_recommendations is asks


class _Moods:
    """A vocabulary of a few mood terms (``is_term``), as the small-talk mask asks it."""

    def is_term(self, phrase: str) -> bool:
        return phrase in {"dark", "cozy", "heist"}


@pytest.mark.parametrize("text, kept", [
    ("lol nice, thanks! how was your weekend?", ""),
    ("haha ok, something dark tonight", "something dark tonight"),
    ("great heist movies please", "great heist movies please"),  # the rest names a mood: no small talk
    ("hey! a cozy one", "a cozy one"),
])
def test_small_talk_pieces_are_no_moods(text, kept):
    from chat_rec.understanding.aspects import _without_small_talk

    assert " ".join(_without_small_talk(text, _Moods()).replace(",", " ").replace("!", " ").replace("?", " ")
                    .split()) == kept


@pytest.mark.parametrize("text, liked, disliked", [
    ("Toy Story 2 was great but the third one was boring", ["Toy Story 2"], ["Toy Story 3"]),
    ("I loved The Godfather, the second one too", ["The Godfather", "The Godfather: Part II"], []),
    ("Spider-Man 2 rocks, the third one was a total mess", ["Spider-Man 2"], ["Spider-Man 3"]),
    ("Shrek 2 was fun, the first hour of the original dragged", ["Shrek 2"], []),  # "the first hour" is no film
    ("I liked Heat, the first one", ["Heat"], []),  # Heat and The Heat make no series
])
def test_an_ordinal_after_a_film_of_a_numbered_series_names_its_film(resolver, catalog, text, liked, disliked):
    signal = parse(text, resolver=resolver)
    titles = lambda ids: sorted(catalog.get(i).title for i in ids)  # noqa: E731
    assert (titles(signal.liked_ids), titles(signal.disliked_ids)) == (sorted(liked), sorted(disliked))
