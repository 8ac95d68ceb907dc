"""Mechanisms of the thirty-sixth session, on sentences written for these tests (none from a benchmark
or request file).

- A negator of "seen" ("that I haven't seen", "I probably never watched", "que no haya visto") says the
  films are new to the person. It does not reach a verdict word before it ("good comedies I haven't
  seen" asks for good comedies; it had disliked Comedy), nor a "please" after it; a verdict after it is
  still in its scope ("I've never seen a bad one").
- A year or decade said of a film ("is this a movie from 2019?", "was it made in the 90s?", "X, which
  was made in 1993") is a fact about it and sets no year range; "from 2017-present" is open at the end.
- A hedged "not" between a film and a genre ("it's not quite sci-fi", "X isn't really a horror film")
  says what kind of film it is: no genre is liked or disliked.
- "that" after a noun and before a verb ("movies with heroes that have terrible manners") is a relative
  pronoun, not "that film": the verdict words in its clause do not reach the film named before.
- Years and decades written in words ("twenty fifteen onwards", "the two thousands", "nineteen
  ninety-five", "dos mil quince") are read as digits; other number words stay words.
- A film's version told by its year right after a one-word title ("Heat, the 1995 one") names the film;
  told by a maker or an age ("Psycho, the Hitchcock one", "the old one") it names that version.
- Number words joined as positions ("one and three, not two") and "top one" / "bottom one" pick from
  the list; a position said to be unseen ("Third: haven't seen it") is no pick.
- What a film should have been or was expected to be ("should have liked", "could have been great",
  "wanted to love") is no verdict; nor is a character named by one ("good guys and bad guys").
- Asks without an asking verb: a genre before a film noun opening a clause ("animated film for a
  birthday"), a litotes wish with an object ("wouldn't say no to a western"), "put one on", "something
  chill plz" inside a run-on message.
- A correction that keeps a verdict to some films ("I loved all three. No, I only liked the first one")
  takes it back from the others; a line about "the user" ("The user loved all three") is no verdict of
  the person's.
- A listed film named before someone else's verdict on "it" ("The third, my brother loves it") is theirs,
  no pick; a household member's verdict counts unless the person sets their own apart right after ("my
  wife loves it, I'm neutral").
- A Spanish exclamation of surprise opening with "no" ("No manches, …", "no inventes, …") negates nothing.
- A relative clause between a film and its verdict ("X, which I should have liked, kind of annoyed me") is
  said of the film, and the film still takes the verdict after it; a hedge ("kind of") leaves a verdict
  bare; "everyone loved / did" is hearsay in the past too.
- A correction ("no wait") waits past interjections ("no wait, actually, a drama").
- A decade ruled out ("no 80s stuff", "anything but the seventies") sets no year range (the bounds
  would ask for exactly it) and is read as a mood ruled out; "anything but" rules a mood out.
- The words of a year range ("the nineteen eighties", "from 2010 onwards") are no mood (found in the
  browser: "nineteen" had shown as a mood in the profile).
- From fresh23's odd half (read after it was scored clean twice): swapping a listed film ("swap the third
  one for something else", "replace the second") rejects it, a "please" beside another verdict word is
  no verdict; "Wait, no, the second one" corrects across its commas; "not NOT" cancels (a repeated
  refusal does not); "throw one at me", "¿qué más tenés?", "¿cuál otra me pondrías?" ask; topics listed
  after "with" ("dragons or wizards") are no titles.
"""

from __future__ import annotations

import pytest

HEAT, RONIN, JURASSIC = 6, 2278, 480


def _read(resolver, text: str, previous=()):
    from chat_rec.understanding.extractor import Extractor

    return Extractor(resolver, None).extract(text, "", list(previous))


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("any good comedies I haven't seen?", ["Comedy"], []),
    ("great thrillers i probably never watched?", ["Thriller"], []),
    ("a good western that I did not see yet", ["Western"], []),
    ("a horror movie I haven't already watched please", ["Horror"], []),
    ("recommend me some amazing musicals I have not seen before", ["Musical"], []),
    ("quiero buenas comedias que no haya visto", ["Comedy"], []),
    # a verdict after the negated "seen", or a plain refusal, is read as before
    ("no horror please, I haven't seen much of it", [], ["Horror"]),
    ("I don't like westerns, I haven't seen many", [], ["Western"]),
])
def test_a_negated_seen_does_not_reach_the_verdict_before_it(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_genres, signal.disliked_genres) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Heat was great but I haven't seen Ronin", [HEAT], []),
    ("I never watched Heat, it looked boring", [], [HEAT]),
    ("I haven't seen Heat, is it good?", [], []),
])
def test_films_not_seen_keep_their_verdicts(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (liked, disliked)


@pytest.mark.parametrize(("text", "year_min", "year_max"), [
    # a year or decade said of a film (its subject a pronoun, a title or "which") is a fact, not a wish
    ("Is this a movie from 2019?", None, None),
    ("was it made in the 90s?", None, None),
    ("isn't that a 90's movie", None, None),
    ("I recently watched Jurassic Park, which was made in 1993, and loved it", None, None),
    ("It's from 2019 I think. anything else from the 2010s?", 2010, 2019),
    ("¿Es una película de los noventa?", None, None),
    # the same years asked for are read as before
    ("is there a movie from 2019 you like?", 2019, 2019),
    ("something that was made in the 90s please", 1990, 1999),
    ("quiero algo de los noventa", 1990, 1999),
    # a range up to the present, written with a dash
    ("say from 2017-Present", 2017, None),
    ("something released 2012-present", 2012, None),
    ("comedies from 2015 to now", 2015, None),
])
def test_a_year_said_of_a_film_asks_for_no_range(resolver, text, year_min, year_max) -> None:
    signal = _read(resolver, text)
    assert (signal.year_min, signal.year_max) == (year_min, year_max)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # a hedged "not" between a film and a genre says what kind of film it is
    ("it's not quite sci-fi but it's kind of close", [], []),
    ("Jurassic Park isn't really a horror film", [], []),
    ("that's not exactly horror", [], []),
    ("no es exactamente una comedia", [], []),
    # without the hedge, or with a person as the subject, it is read as before
    ("I'm not really a horror fan", [], ["Horror"]),
    ("it's not a comedy, it's a drama", ["Drama"], ["Comedy"]),
    ("not really horror tonight", [], ["Horror"]),
])
def test_a_hedged_not_between_a_film_and_a_genre_classifies_the_film(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_genres, signal.disliked_genres) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # "that" after a noun and before a verb opens a relative clause: it names no film said before
    ("I'm a fan of Jurassic Park. I love movies with heroes that have terrible manners.", [JURASSIC], []),
    ("Big fan of Jurassic Park. I like stories with villains that are truly awful.", [JURASSIC], []),
    # "that" as the film itself is read as before
    ("Jurassic Park? I loved that", [JURASSIC], []),
    ("Jurassic Park. I think that was great", [JURASSIC], []),
    ("Saw Jurassic Park. Man that was boring", [], [JURASSIC]),
])
def test_a_relative_that_names_no_film(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (liked, disliked)


@pytest.mark.parametrize(("text", "expected"), [
    ("say twenty fifteen onwards", "say 2015 onwards"),
    ("nineteen ninety-five", "1995"),
    ("something from nineteen hundred and fifty", "something from 1950"),
    ("back in the early nineteen eighties", "back in the early 1980s"),
    ("the two thousands", "the 2000s"),
    ("a comedy from two thousand and five", "a comedy from 2005"),
    ("from eighty-two on", "from 1982 on"),
    ("Heat, the ninety-five version", "Heat, the 1995 version"),
    ("desde dos mil quince", "desde 2015"),
    ("algo de mil novecientos noventa y cinco", "algo de 1995"),
    # other number words stay words
    ("it is twenty five minutes long", "it is twenty five minutes long"),
    ("in ninety-five minutes", "in ninety-five minutes"),
    ("Twelve Monkeys and Ocean's Eleven", "Twelve Monkeys and Ocean's Eleven"),
    ("he's turning six", "he's turning six"),
    ("a twenty-two year old hero", "a twenty-two year old hero"),
])
def test_spelled_years_become_digits(text, expected) -> None:
    from chat_rec.understanding.spelled_years import spell_out_years

    assert spell_out_years(text) == expected


@pytest.mark.parametrize(("text", "year_min", "year_max"), [
    ("a thriller from twenty ten onwards", 2010, None),
    ("anything from the nineteen seventies", 1970, 1979),
    ("algo de los dos mil", 2000, 2009),
    ("nothing before nineteen ninety", 1990, None),
])
def test_spelled_years_set_the_range(resolver, text, year_min, year_max) -> None:
    signal = _read(resolver, text)
    assert (signal.year_min, signal.year_max) == (year_min, year_max)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Heat, the ninety-five one, is one of my favourites", [HEAT], []),
    ("Heat, the one from 1995, is one of my favourites", [HEAT], []),
    ("Heat, the 1960 one, meh", [], []),  # no Heat of that year: the word is no title
])
def test_a_version_told_by_its_year_names_the_film(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids), signal.year_min) == (liked, disliked, None)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("i liked one and three, not two", [HEAT, JURASSIC], [RONIN]),
    ("me gustaron uno y tres", [HEAT, JURASSIC], []),
    ("top one for sure, bottom one nope", [HEAT], [JURASSIC]),
    ("two and three were a drag", [], [RONIN, JURASSIC]),
    # counts and quantities stay words
    ("I liked one of them", [], []),
    ("not one of them was good", [], [HEAT, RONIN, JURASSIC]),
    ("I watched two and a half hours of that", [], []),
])
def test_number_words_and_top_bottom_as_positions(resolver, text, liked, disliked) -> None:
    shown = [resolver.catalog.get(i) for i in (HEAT, RONIN, JURASSIC)]
    signal = _read(resolver, text, shown)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "liked"), [
    ("Third: haven't seen it.", []),
    ("First one: loved it. Third: never seen it.", [HEAT]),
    ("the second one. is it long?", [RONIN]),  # a question about a pick keeps the pick
    ("the third one please", [JURASSIC]),
])
def test_a_position_said_to_be_unseen_is_no_pick(resolver, text, liked) -> None:
    shown = [resolver.catalog.get(i) for i in (HEAT, RONIN, JURASSIC)]
    assert sorted(_read(resolver, text, shown).liked_ids) == liked


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("I should have liked Jurassic Park more", [], []),
    ("Jurassic Park could have been great", [], []),
    ("I would have loved Jurassic Park as a kid", [], []),
    ("Jurassic Park was supposed to be good", [], []),
    ("I wanted to love Jurassic Park but it bored me", [], [JURASSIC]),
    # a wish is no counterfactual
    ("I'd love something like Jurassic Park", [JURASSIC], []),
])
def test_what_a_film_should_have_been_is_no_verdict(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("a western with good guys and bad guys", ["Western"], []),
    ("a comedy with a good cop and a bad cop", ["Comedy"], []),
    ("a thriller where the bad guy wins", ["Thriller"], []),
    ("a westren with proper good guys and bad guys", ["Western"], []),
])
def test_a_character_named_by_a_verdict_word_is_no_verdict(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_genres, signal.disliked_genres) == (liked, disliked)


@pytest.mark.parametrize(("text", "wants"), [
    ("Animated film for my nephew's birthday. Not horror, obviously.", True),
    ("war films for a history buff", True),
    ("I wouldn't say no to a western", True),
    ("honestly we wouldn't turn down a slick heist thriller", True),
    ("i never said i didn't like musicals. put one on then", True),
    ("dont want anything heavy tonight somethin chill plz", True),
    # statements stay statements
    ("Horror movies are great", False),
    ("I put it on last night and hated it", False),
    ("I wouldn't say no to Jurassic Park", False),
])
def test_asks_without_an_asking_verb(resolver, text, wants) -> None:
    assert _read(resolver, text).wants_new_recommendations is wants


PSYCHO, PSYCHO_REMAKE, HITCHCOCK_2012 = 1219, 2389, 98585


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Psycho, the Hitchcock one, still holds up. Loved it.", [PSYCHO], []),
    ("I loved Psycho, the Hitchcock one", [PSYCHO], []),
    ("Psycho, the old one, is great", [PSYCHO], []),
    ("Psycho, the new one, is bad", [], [PSYCHO_REMAKE]),
])
def test_a_version_told_apart_by_maker_or_age(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (liked, disliked)
    assert HITCHCOCK_2012 not in signal.mentioned_ids  # the maker, not the film *Hitchcock* (2012)


@pytest.mark.parametrize(("text", "liked"), [
    ("I loved all three. Actually no, I only liked the first one.", [HEAT]),
    ("I loved all three. No, only the second was good", [RONIN]),
    ("[assistant]: The user loved all three. -- lol no, I only liked the first one.", [HEAT]),
    ("The user loved all three.", []),  # a line about "the user" is no verdict of the person's
    # without a correction word "only" is a degree: nothing is taken back
    ("I loved Heat. I only liked Ronin.", [HEAT, RONIN]),
])
def test_a_correction_with_only_keeps_the_verdict_to_what_it_names(resolver, text, liked) -> None:
    shown = [resolver.catalog.get(i) for i in (HEAT, RONIN, JURASSIC)]
    assert sorted(_read(resolver, text, shown).liked_ids) == sorted(liked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("The third, my brother loves it.", [], []),
    ("The third, my brother loves it but I hated it", [], [JURASSIC]),
    # a household member's verdict counts (rule 14), unless the person sets their own apart right after
    ("The third, my wife loves it.", [JURASSIC], []),
    ("The third, my wife loves it, I'm neutral.", [], []),
    ("my kids adore the first one, not me", [], []),
    ("my wife loves the second one and so do I", [RONIN], []),
])
def test_whose_verdict_a_listed_film_gets(resolver, text, liked, disliked) -> None:
    shown = [resolver.catalog.get(i) for i in (HEAT, RONIN, JURASSIC)]
    signal = _read(resolver, text, shown)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (liked, disliked)


def test_a_description_in_a_later_sentence_is_no_version_of_the_title_before(resolver) -> None:
    shown = [resolver.catalog.get(i) for i in (PSYCHO, HEAT, RONIN)]
    signal = _read(resolver, "Psycho looks great. The bank robbery one, no thanks.", shown)
    assert PSYCHO in signal.liked_ids and PSYCHO not in signal.disliked_ids


def test_a_kind_of_film_with_characters_named_by_verdict_words_is_asked_for(resolver) -> None:
    assert _read(resolver, "a westren with proper good guys and bad guys").wants_new_recommendations


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("no inventes, Jurassic Park es buenísima", [JURASSIC], []),
    ("No manches, Jurassic Park está padrísima", [JURASSIC], []),
    ("no me gustó Jurassic Park", [], [JURASSIC]),  # a "no" that negates is read as before
])
def test_a_spanish_exclamation_with_no_negates_nothing(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # a relative clause after a film is said of it, and the film waits for the verdict after it
    ("Jurassic Park, which I probably should have liked, kind of annoyed me.", [], [JURASSIC]),
    ("Jurassic Park, which everyone loved, annoyed me.", [], [JURASSIC]),
    ("Jurassic Park, which I saw as a kid, was great.", [JURASSIC], []),
    ("Jurassic Park, which I loved, is on TV tonight", [JURASSIC], []),
    ("Jurassic Park, kind of annoyed me.", [], [JURASSIC]),  # a hedge leaves a verdict bare
])
def test_a_relative_clause_between_a_film_and_its_verdict(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (liked, disliked)


@pytest.mark.parametrize("text", [
    "I was thinking comedy. No wait, actually, maybe a drama?",
    "a comedy, no wait, um, a drama",
])
def test_a_correction_waits_past_interjections(resolver, text) -> None:
    assert _read(resolver, text).liked_genres == ["Drama"]


@pytest.mark.parametrize(("text", "year_min", "year_max", "wants"), [
    # a decade ruled out is no range to ask for: the bounds would ask for exactly it
    ("no 80s stuff please", None, None, True),
    ("nothing from the eighties", None, None, False),
    ("anything but the seventies", None, None, True),
    ("nada de los ochenta", None, None, False),
    ("something from the 80s", 1980, 1989, True),
    ("not from the 90s or earlier", 2000, None, True),  # an open decade ruled out flips its bound, as before
    # a negation further back, or in another sentence, rules no decade out
    ("give me a mystery I've never heard of from the seventies", 1970, 1979, True),
    ("the last one didn't work for me at all. any more from the 80s?", 1980, 1989, True),
    ("I don't want anything from the nineties", None, None, False),
])
def test_a_decade_ruled_out_sets_no_range(resolver, text, year_min, year_max, wants) -> None:
    signal = _read(resolver, text)
    assert (signal.year_min, signal.year_max, signal.wants_new_recommendations) == (year_min, year_max, wants)


@pytest.fixture()
def mood_world(tmp_path):
    from chat_rec.catalog.models import Item
    from tests.unit.test_parser_mechanisms27 import aspect_world

    films = [Item(91, "Red Lantern Alley", 2004, ("Horror",), ("gory", "dark"), popularity=50),
             Item(92, "Neon Rollerdisco", 1984, ("Comedy",), ("80s",), popularity=40)]
    return aspect_world(films, "apart36", 5, tmp_path)[0]


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("anything but gory stuff", [], ["gory"]),
    ("anything except dark stuff tonight", [], ["dark"]),
    ("anything but the 80s", [], ["80s"]),
    ("something dark please", ["dark"], []),
])
def test_a_mood_set_apart_by_anything_but_is_ruled_out(mood_world, text, liked, disliked) -> None:
    from chat_rec.understanding.aspects import aspects_with_polarity

    assert aspects_with_polarity(text, mood_world) == (liked, disliked)


@pytest.fixture()
def era_world(tmp_path):
    from chat_rec.catalog.models import Item
    from tests.unit.test_parser_mechanisms27 import aspect_world

    films = [Item(93, "Tin Horizon", 1986, ("Comedy",), ("nineteen", "onwards", "dark"), popularity=50),
             Item(94, "Paper Lighthouse", 2012, ("Drama",), ("dark",), popularity=40)]
    return aspect_world(films, "era36", 9, tmp_path)[0]


@pytest.mark.parametrize(("text", "year_min", "year_max"), [
    ("something from the nineteen eighties please", 1980, 1989),
    ("a comedy from twenty ten onwards", 2010, None),
    ("a dark comedy from 2010 onwards", 2010, None),
])
def test_the_words_of_a_year_range_are_no_mood(resolver, era_world, text, year_min, year_max) -> None:
    from chat_rec.understanding.aspects import with_fallback_aspects

    signal = with_fallback_aspects(_read(resolver, text), text, era_world, resolver)
    assert (signal.year_min, signal.year_max) == (year_min, year_max)
    assert not {"nineteen", "onwards"} & set(signal.liked_aspects + signal.disliked_aspects)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Can you swap the third one for something else?", [], [JURASSIC]),
    ("replace the second with something else please", [], [RONIN]),
    ("I'd drop the last one", [], [JURASSIC]),
    ("the second one please", [RONIN], []),  # "please" alone still picks
    # a correction whose "wait" and "no" stand apart by a comma
    ("I'll take the first one. Wait, no, the second one.", [RONIN], []),
    ("the third. Sorry, no, the first", [HEAT], []),
])
def test_swapping_a_listed_film_rejects_it(resolver, text, liked, disliked) -> None:
    shown = [resolver.catalog.get(i) for i in (HEAT, RONIN, JURASSIC)]
    signal = _read(resolver, text, shown)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked", "wants"), [
    ("honestly I'm not NOT in the mood for a western, throw one at me", ["Western"], [], True),
    ("no, not westerns", [], ["Western"], False),  # a refusal repeated does not cancel
    ("Los musicales no me gustan nada. ¿Qué más tenés?", [], ["Musical"], True),
    ("Me encantan las comedias. ¿Cuál otra me pondrías?", ["Comedy"], [], True),
])
def test_not_not_and_asks_for_more(resolver, text, liked, disliked, wants) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_genres, signal.disliked_genres, signal.wants_new_recommendations) == (
        liked, disliked, wants)


def test_anything_but_after_a_negated_want_is_all_that_is_wanted(mood_world) -> None:
    from chat_rec.understanding.aspects import aspects_with_polarity

    assert aspects_with_polarity("I never said I wanted anything but dark stuff", mood_world)[0] == ["dark"]


@pytest.mark.parametrize("text", [
    "Recommend me a fantasy film with dragons or wizards",
    "something with ghosts and witches please",
])
def test_topics_listed_after_with_are_no_titles(resolver, text) -> None:
    assert _read(resolver, text).mentioned_ids == []
