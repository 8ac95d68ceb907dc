"""Mechanisms of the thirty-fourth session, on sentences and titles written for these tests (none from a
benchmark or request file).

- A title typed with a word's number changed ("Silence of the Lamb", "the Lord of the Ring", "How to Lose
  a Guys in 10 Days") names the film. Every word is a real word, so the misspelling pass never looked at
  it; the window, each word made singular, must be the singular key of exactly one title of three or
  more words with two content words, at any length (the misspelling pass stops at seven words).
- A lowercase title after "similar to", "parecida a", "favourite is" names the film when it is a
  word of its own ("musicals similar to grease"), as it already did when the title was an ordinary
  phrase.
- A lowercase one-word title joined by "and", "or" or a comma to a title already found names its film
  when the film is well known and its word no common one ("probably inception or interstellar"), as a
  capitalised one already did; a year in brackets is no such title ("Django Unchained (2012), …" names no
  *2012*), and it belongs to the film before it, not the one after the comma, which it used to rule out.
- A sequel number spelt as a word right after a title ("toy story three", "scream dos") names that sequel
  when the series has it; a count or a time after the number ("two times", "two days ago") keeps the
  film named.
- A clause after "and" keeps its own verdict when it has a subject of its own, also folded with its verb
  ("and I'm not much for horror"), or opens with a negator (Spanish drops the subject: "y no soy mucho de
  terror"); before, its "not" reached back and flipped "I love westerns". "big on" is a liking.
- "far from" before a verdict word negates it ("far from bad" is a like); a film judged badly "compared
  to" another sets that other one above it (liked); "the twistier the better" is a comparative, no
  misspelt title.
- A series opens with its plain title even when a sequel is known by its subtitle alone, and "X Part II"
  without a colon is X's sequel; an ordinal said of the list "here" is a position, not the series.
- Requests by their words: "what's a … pick?", "got a … one?", "more <someone>?", "I'd rather go for
  <a kind>"; not "more or less?", "is it more of a drama?".
- A film said to be someone else's favourite ("was his favourite") is their taste, unless the user
  watches with them.
- Titles joined before a kind ("a Heat or Ronin kind of thing") all make the kind asked for.
- A position word that opens a listed film's tag ("the last-man-on-earth one") describes that film.
- A question about a film's facts ("how long is the second one?", "who's in it?", "¿de qué trata?") asks
  for no picks and no mood; the reply says what the catalog cannot tell (running time, cast, director,
  where to watch) and what it can (year, genres, tags, ratings).
"""

from __future__ import annotations

import pytest

from chat_rec.catalog.models import Catalog, Item
from chat_rec.understanding.fuzzy_titles import number_key, singular

NUMBER = [
    Item(201, "Whisper of the Hounds", 1999, ("Drama",), (), popularity=80),
    Item(202, "Keepers of the Lighthouse", 2004, ("Drama",), (), popularity=40),
    Item(203, "Why My Neighbours Steal Garden Gnomes Every Single Summer", 2011, ("Comedy",), (), popularity=30),
    Item(204, "The Harbour", 2001, ("Drama",), (), popularity=50),
    Item(205, "Lantern of the Harbour", 2008, ("Drama",), (), popularity=50),
    Item(206, "Song of the Sea", 2014, ("Animation",), (), popularity=50),
    Item(207, "Songs of the Sea", 1960, ("Musical",), (), popularity=5),  # two titles share the key
    Item(208, "The Other Brothers", 2003, ("Comedy",), (), popularity=50),
]


def _resolver_of(name: str, films: list[Item]):
    from chat_rec.understanding.resolver import TitleResolver

    return TitleResolver(Catalog(name, {f.item_id: f for f in films}))


@pytest.fixture(scope="module")
def number_resolver():
    return _resolver_of("number", NUMBER)


@pytest.mark.parametrize(("text", "found"), [
    ("I loved Whisper of the Hound", [201]),
    ("whispers of the hounds was great", [201]),
    ("have you seen Keeper of the Lighthouses?", [202]),
    # eight words and more: longer than any window the misspelling pass tried before
    ("my kids adore Why My Neighbour Steals Garden Gnome Every Single Summer", [203]),
    # the window holds an exact title whole ("the Harbour") and is the longer one
    ("we watched Lanterns of the Harbour last night", [205]),
    # one content word besides closed-class ones: a person, not a slip
    ("i like the other brother", []),
])
def test_a_title_with_a_word_s_number_changed_names_the_film(number_resolver, text, found) -> None:
    assert [m.item_id for m in number_resolver.find_in_text(text)] == found


def test_a_singular_key_two_titles_share_names_neither(number_resolver) -> None:
    assert "song of the sea" not in number_resolver._by_number
    assert number_resolver._by_number["whisper of the hound"] == "whisper of the hounds"


@pytest.mark.parametrize(("word", "single"), [
    ("wolves", "wolve"), ("lambs", "lamb"), ("glass", "glass"), ("bus", "bus"), ("crisis", "crisis"), ("gas", "gas"),
])
def test_singular_strips_only_a_plural_s(word, single) -> None:
    assert singular(word) == single
    assert number_key([word, "of", "the", "rings"]) == f"{single} of the ring"


GREASE, TITANIC, HEAT = 1380, 1721, 6


@pytest.mark.parametrize(("text", "liked"), [
    ("any musicals similar to grease?", [GREASE]),
    ("something similar to titanic please", [TITANIC]),
    ("i want something similar to heat", [HEAT]),
])
def test_a_lowercase_title_in_a_likeness_slot_names_the_film(resolver, text, liked) -> None:
    from chat_rec.understanding.extractor import Extractor

    assert Extractor(resolver, None).extract(text, "", []).liked_ids == liked


@pytest.mark.parametrize("text", [
    "a texture similar to velvet",
    "something similar to that",
    "the ending was similar to the book",
])
def test_a_likeness_slot_holding_an_ordinary_word_names_no_film(resolver, text) -> None:
    from chat_rec.understanding.extractor import Extractor

    assert Extractor(resolver, None).extract(text, "", []).liked_ids == []


INCEPTION, MATRIX, INTERSTELLAR = 79132, 2571, 109487


@pytest.mark.parametrize(("text", "found"), [
    ("probably inception or interstellar", [INCEPTION, INTERSTELLAR]),
    ("inception and the matrix", [INCEPTION, MATRIX]),
    ("hmm i'd say Interstellar and inception", [INTERSTELLAR, INCEPTION]),
    # an ordinary word, or a film few rated, joined to a title is still a word
    ("a heist and the matrix", [MATRIX]),
    ("drama and the matrix", [MATRIX]),
    # a year in brackets between titles is no film of that name (*2012*)
    ("I really enjoy Django Unchained (2012) , Reservoir Dogs and Ronin", [99114, 1089, 2278]),
])
def test_a_lowercase_well_known_title_joined_to_a_title_is_one(resolver, text, found) -> None:
    assert [m.item_id for m in resolver.find_in_text(text)] == found


SERIES = [
    Item(301, "Glimmerfall", 2001, ("Adventure",), (), popularity=90),
    Item(302, "Glimmerfall 2", 2004, ("Adventure",), (), popularity=60),
    Item(303, "Glimmerfall 3", 2008, ("Adventure",), (), popularity=40),
    Item(304, "Brackenwood", 1999, ("Horror",), (), popularity=70),
]


@pytest.fixture(scope="module")
def series_resolver():
    return _resolver_of("series", SERIES)


@pytest.mark.parametrize(("text", "found"), [
    ("Glimmerfall three made me cry", [303]),
    ("I loved Glimmerfall two", [302]),
    ("vi Glimmerfall dos ayer", [302]),
    ("Glimmerfall 2 was better", [302]),
    # a count, a time or another clause after the number word: the film named, no sequel
    ("I watched Glimmerfall two times", [301]),
    ("we saw Glimmerfall two days ago", [301]),
    ("Glimmerfall, three of us loved it", [301]),
    ("I loved Glimmerfall one", [301]),
    # no sequel of that number in the catalog: the film named
    ("Brackenwood two was scary", [304]),
])
def test_a_sequel_number_spelt_as_a_word_names_the_sequel(series_resolver, text, found) -> None:
    assert [m.item_id for m in series_resolver.find_in_text(text)] == found


def _read(resolver, text: str, previous=()):
    from chat_rec.understanding.extractor import Extractor

    return Extractor(resolver, None).extract(text, "", list(previous))


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    # a clause after "and" with a subject of its own, folded with its verb, or a negator of its own
    ("I adore westerns and I'm not much for horror", ["Western"], ["Horror"]),
    ("I love war films and I'm not crazy about musicals", ["War"], ["Musical"]),
    ("I hate horror and I'm not big on thrillers either", [], ["Horror", "Thriller"]),
    ("me gustan los westerns y no soy mucho de terror", ["Western"], ["Horror"]),
    ("I love comedies and I watch them every weekend", ["Comedy"], []),
    # "big on" is a liking, as "keen on" already was
    ("I'm really big on documentaries", ["Documentary"], []),
    ("not huge on romance tbh", [], ["Romance"]),
])
def test_each_clause_after_and_keeps_its_own_verdict(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_genres), sorted(signal.disliked_genres)) == (liked, disliked)


HEAT, RONIN = 6, 2278


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Heat was far from bad", [HEAT], []),
    ("Heat is far from boring", [HEAT], []),
    ("Heat was far from great", [], [HEAT]),
    ("loved Heat, it's set far from home", [HEAT], []),
    # a film judged badly "compared to" another sets that other one above it; praise judges no yardstick
    ("Ronin was dull compared to Heat", [HEAT], [RONIN]),
    ("Heat is amazing compared to Ronin", [HEAT], []),
])
def test_far_from_and_compared_to(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_ids, signal.disliked_ids) == (liked, disliked)


@pytest.mark.parametrize("text", [
    "a thriller please, the twistier the better",
    "something dark, the grimmer the better",
    "the scarier the better",
])
def test_the_comparative_of_the_x_er_the_better_names_no_film(resolver, text) -> None:
    assert _read(resolver, text).liked_ids == []


SAGA = [
    Item(401, "Tidewalker", 1980, ("Thriller",), (), popularity=90),
    Item(402, "Tidewalker 2", 1983, ("Thriller",), (), popularity=50),
    Item(403, "Tidewalker: The Reckoning", 1987, ("Thriller",), (), popularity=20),  # a sequel by its subtitle
    Item(404, "Hollow Pines", 2009, ("Comedy",), (), popularity=80),
    Item(405, "Hollow Pines Part II", 2011, ("Comedy",), (), popularity=60),  # no colon before "Part"
    Item(406, "Lanternfall", 1990, ("Drama",), (), popularity=40),
    Item(407, "Lanternfall", 2015, ("Drama",), (), popularity=40),  # a remake: two first films, no series
    Item(408, "Lanternfall 2", 2018, ("Drama",), (), popularity=10),
]


def test_a_series_opens_with_its_plain_title_and_its_part_sequels_join_it() -> None:
    from chat_rec.understanding.series import SeriesIndex

    index = SeriesIndex(Catalog("saga", {f.item_id: f for f in SAGA}))
    assert index.sequel_of(402, 1) == 401  # "Tidewalker: The Reckoning" is no second first film
    assert index.sequel_of(401, 2) == 402
    assert index.sequel_of(405, 1) == 404  # "Hollow Pines Part II" belongs to Hollow Pines
    assert index.sequel_of(408, 1) is None  # two films of the first title: not guessed


def test_an_ordinal_said_of_the_list_here_is_a_position(resolver) -> None:
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.config import BUNDLED_CATALOG

    catalog = load_catalog(BUNDLED_CATALOG)
    shown = [catalog.get(i) for i in (1214, 1200, 2916)]  # Alien, Aliens, Total Recall
    signal = _read(resolver, "I watched Toy Story 2 yesterday and loved it, but the third one here looks dull", shown)
    assert signal.disliked_ids == [2916]


@pytest.mark.parametrize(("text", "wants"), [
    ("what's a cosy pick for a snowy evening?", True),
    ("got a creepy one?", True),
    ("more wes anderson?", True),
    ("any more pixar?", True),
    ("I'd rather go for a western tonight", True),
    ("we'd go for animation this time", True),
    ("more or less?", False),
    ("is it more of a drama?", False),
    ("what's a film you love?", False),
    ("I'd have loved a western ending", False),
])
def test_requests_by_their_words(resolver, text, wants) -> None:
    assert _read(resolver, text).wants_new_recommendations is wants


@pytest.mark.parametrize(("text", "liked"), [
    ("Heat was his favourite, he watched it every year", []),
    ("Alien is her all-time favourite", []),
    ("Heat is my favourite", [HEAT]),
    # the person watches along: their favourite counts (rule 14)
    ("my uncle is coming over tonight, Heat is his favourite", [HEAT]),
])
def test_someone_else_s_favourite_is_their_taste(resolver, text, liked) -> None:
    assert _read(resolver, text).liked_ids == liked


def test_titles_joined_before_a_kind_all_make_the_kind(resolver) -> None:
    signal = _read(resolver, "a Heat or Ronin kind of thing for tonight?")
    assert signal.liked_ids == [HEAT, RONIN] and signal.wants_new_recommendations


TAGGED = [
    Item(501, "Orbit Station", 2007, ("Sci-Fi",), (), popularity=50, all_tags=("last man on earth", "space")),
    Item(502, "Quiet Harbour", 2002, ("Drama",), (), popularity=50, all_tags=("fishing",)),
    Item(503, "Neon Alley", 2009, ("Crime",), (), popularity=50, all_tags=("first love", "night")),
]


@pytest.mark.parametrize(("text", "liked"), [
    ("the last-man-on-earth one sounds great", [501]),
    ("the first-love one looks sweet", [503]),
    ("the last one sounds great", [503]),
    ("the first one sounds great", [501]),
])
def test_a_position_word_that_opens_a_listed_tag_describes_the_film(text, liked) -> None:
    from chat_rec.understanding.parser import parse

    assert parse(text, TAGGED).liked_ids == liked


@pytest.mark.parametrize(("text", "wants"), [
    ("an odd choice?", False),
    ("a weird pick?", False),
    ("any fun picks for tonight?", True),
])
def test_a_pick_is_asked_for_only_after_a_word_of_asking(resolver, text, wants) -> None:
    assert _read(resolver, text).wants_new_recommendations is wants


@pytest.mark.parametrize(("keys", "topic"), [
    ("how long is the second one", "length"),
    ("whats the runtime of qqtitle", "length"),
    ("cuanto dura la primera", "length"),
    ("whos in the last one", "cast"),
    ("quien sale en qqtitle", "cast"),
    ("who directed it", "director"),
    ("where can we stream qqtitle", "where"),
    ("donde puedo ver la segunda", "where"),
    ("when did qqtitle come out", "year"),
    ("so whats the first one about", "about"),
    ("de que trata la tercera", "about"),
    ("who is in the mood for a western", None),
    ("what about westerns", None),
    ("how about the first one", None),
])
def test_the_fact_a_question_asks(keys, topic) -> None:
    from chat_rec.understanding.film_facts import asked_fact

    assert asked_fact(keys) == topic


def test_a_fact_question_about_a_pick_asks_no_picks_and_no_mood(resolver) -> None:
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.config import BUNDLED_CATALOG

    catalog = load_catalog(BUNDLED_CATALOG)
    shown = [catalog.get(i) for i in (HEAT, RONIN, 1214)]
    for text, asked, topic in (("how long is the second one?", [RONIN], "length"),
                               ("¿de qué trata la tercera?", [1214], "about"),
                               ("who directed the first one", [HEAT], "director")):
        signal = _read(resolver, text, shown)
        assert (signal.fact_ids, signal.fact_topic) == (asked, topic), text
        assert not signal.liked_aspects and not signal.wants_new_recommendations and signal.is_empty(), text
    signal = _read(resolver, "Heat. Who's in it?", shown)  # "it" is the film named just before
    assert (signal.fact_ids, signal.fact_topic) == ([HEAT], "cast")


def test_the_reply_to_a_fact_says_what_the_catalog_cannot_tell_and_what_it_can() -> None:
    from chat_rec.conversation.deps import load_replies
    from chat_rec.conversation.nodes import answer_facts
    from chat_rec.understanding.signal import PreferenceSignal

    film = Item(701, "Harbour Lights", 1999, ("Drama", "Romance"), ("lighthouse", "boring"), popularity=12,
                mean_rating=3.5)
    replies = load_replies()["en"]
    said = answer_facts(PreferenceSignal(fact_ids=[701], fact_topic="length"), replies, {701: film}.get)
    assert said.startswith("I can't tell how long Harbour Lights runs")
    assert "Drama, Romance" in said and "“lighthouse”" in said and "boring" not in said  # no one's verdict
    said = answer_facts(PreferenceSignal(fact_ids=[701], fact_topic="year"), replies, {701: film}.get)
    assert said == "Harbour Lights came out in 1999."
    assert answer_facts(PreferenceSignal(fact_topic="cast"), replies, {}.get).startswith("I can't tell that")
    spanish = answer_facts(PreferenceSignal(fact_ids=[701], fact_topic="cast"), load_replies()["es"], {701: film}.get)
    assert spanish.startswith("No sé quién sale en Harbour Lights")
