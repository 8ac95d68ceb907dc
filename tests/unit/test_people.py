"""People in the catalog's data: a name among a film's tags or its ingested cast describes the film.

Sentences and names written for these tests (none from a benchmark file); the films are real catalog
films given an invented cast, as an overview file with a cast column would give them.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from chat_rec.catalog.aspects import AspectConfig
from chat_rec.understanding.parser import parse
from chat_rec.understanding.signal import PreferenceSignal
from tests.signals import listed, verdicts

GODFATHER, MATRIX, LEBOWSKI = 858, 2571, 1732


@pytest.fixture()
def shown(catalog):
    godfather, matrix, lebowski = listed(catalog, GODFATHER, MATRIX, LEBOWSKI)
    return [replace(godfather, cast=("odalys brenner", "teodor vaskel")), replace(matrix, cast=("marco tellini",)),
            lebowski]


@pytest.mark.parametrize("text, expected", [
    ("the Odalys Brenner one sounds great", ([GODFATHER], [])),
    ("la de Marco Tellini no me interesa", ([], [MATRIX])),
    ("the one with teodor vaskel sounds good", ([GODFATHER], [])),
])
def test_a_cast_member_describes_the_listed_film(resolver, shown, text, expected):
    assert verdicts(parse(text, shown, resolver)) == expected


def test_without_a_cast_the_same_name_describes_nothing(resolver, catalog):
    plain = listed(catalog, GODFATHER, MATRIX, LEBOWSKI)
    assert verdicts(parse("the Odalys Brenner one sounds great", plain, resolver)) == ([], [])


class _Terms:
    """What ``names`` asks of the aspect vocabulary: whether a folded phrase is a term, and a word's
    nearest term (here: a word of a name is near that name, anything else near a mood)."""

    config = AspectConfig()

    def __init__(self, *terms: str) -> None:
        self.terms = set(terms)

    def is_term(self, phrase: str) -> bool:
        return phrase in self.terms

    def nearest(self, phrases: list[str]) -> list[tuple[str, float]]:
        out = []
        for phrase in phrases:
            ends = [t for t in self.terms if phrase in t.split() and " " in t]
            out.append((ends[0], 0.95) if len(ends) == 1 else ("dark", 0.8))  # near, but no name
        return out


VOCABULARY = _Terms("stanley kubrick", "space", "dark")


def _unknown(text: str, blocked: set[int] | None = None) -> list[str]:
    from chat_rec.understanding.aspect_phrases import tokenize
    from chat_rec.understanding.names import unknown_names

    return unknown_names(text, tokenize(text), VOCABULARY, lambda: blocked or set())


@pytest.mark.parametrize("text, expected", [
    ("something directed by Odalys Brenner", ["Odalys Brenner"]),
    ("any good film starring Teodor Vaskel and Marco Tellini?", ["Teodor Vaskel", "Marco Tellini"]),
    ("I want a Odalys Brenner movie tonight", ["Odalys Brenner"]),
    ("una peli protagonizada por Teodor Vaskel", ["Teodor Vaskel"]),
    ("algo con Marco Tellini, porfa", ["Marco Tellini"]),
    ("something by Vaskel", ["Vaskel"]),  # one word: no term, nothing near it
    ("a film by Teodor van Vaskel", ["Teodor van Vaskel"]),  # a particle inside the name
    ("something starring Marco McTellini", ["Marco McTellini"]),  # a capital inside a word
    ("una peli dirigida por Odalys de Brenner y Vaskel", ["Odalys de Brenner", "Vaskel"]),
])
def test_a_name_asked_for_that_no_term_holds_is_unknown(text, expected):
    assert _unknown(text) == expected


@pytest.mark.parametrize("text", [
    "something directed by Stanley Kubrick",  # a tag of the catalog: read like a mood
    "Odalys Brenner told me to ask you for something dark",  # a name, but not whose films are asked for
    "I watched it with Odalys yesterday",  # one capitalised word is no name here
    "something by odalys brenner",  # no capitals: nothing says it is a name
    "Teodor Vaskel says hi",  # a name at the start of the message: the run starts after the first word
    "anything by Kubrick",  # one word read by its nearest term, "stanley kubrick"
    "anything starring Stanley",  # a first name: its nearest term holds it too
    "something starring Stanley KUBRICK",  # an all-capitals word is no name word (and "Stanley" is known)
    "a Vaskel movie",  # one word before a film noun near a term (.8 here) is a kind read as it ("a Bollywood movie")
    "any good French films?",  # a frequent word, not a name
    "something with Space in it",  # a term
])
def test_names_not_asked_for_or_known_are_not_reported(text):
    assert _unknown(text) == []


def test_a_run_of_capitals_inside_a_title_is_the_titles_not_a_persons():
    text = "something like Blue Harbour Nights with more space"
    assert _unknown(text) == []  # no cue before it, no film noun after it
    text = "a film with Blue Harbour Nights vibes"
    assert _unknown(text, blocked={3, 4, 5}) == []  # the caller's blocked positions (a title) win


@pytest.mark.parametrize("raw, expected", [
    ("I loved &quot;Odalys&quot; &amp; its sequel", 'I loved "Odalys" & its sequel'),
    ("nothing &gt; a good heist, &lt;b&gt;really&lt;/b&gt;", "nothing > a good heist,  really"),
])
def test_html_character_references_are_decoded_before_reading(raw, expected):
    """Pasted or exported text may carry entities: "quot" is no word of the message, and decoded
    markup is dropped with the rest of the markup."""
    from chat_rec.understanding.cleaning import clean

    assert " ".join(clean(raw).split()) == " ".join(expected.split())


def test_a_quoted_entity_is_no_mood(resolver):
    from chat_rec.understanding.aspects import with_fallback_aspects

    signal = with_fallback_aspects(PreferenceSignal(), "I want something &quot;dark&quot; tonight",
                                   _Terms("dark", "quot"), resolver)
    assert "quot" not in signal.liked_aspects


def test_an_unknown_name_is_reported_and_not_read_as_a_mood(resolver):
    from chat_rec.understanding.aspects import with_fallback_aspects

    vocabulary = _Terms("stanley kubrick", "dark")  # "vaskel" is near "dark" (.8), as "cruise" is near "ships"
    signal = with_fallback_aspects(PreferenceSignal(), "I want anything starring Vaskel", vocabulary, resolver)
    assert signal.unknown_names == ["Vaskel"] and signal.liked_aspects == []
    signal = with_fallback_aspects(PreferenceSignal(), "I want anything by Kubrick", vocabulary, resolver)
    assert signal.unknown_names == [] and signal.liked_aspects == ["kubrick"]  # matched to its tag later


def test_the_reply_says_when_every_film_carrying_the_asked_aspect_is_left_out(catalog):
    from chat_rec.conversation.nodes import _asked_aspects_left_out
    from chat_rec.ranking.constraints import Constraints

    class Ranker:
        @staticmethod
        def ids_with_aspects(phrases):
            return {1258, 924} if "stanley kubrick" in phrases else set()  # The Shining, 2001

    class Deps:
        ranker = Ranker()

        def __init__(self) -> None:
            self.catalog = catalog

        @staticmethod
        def replies(language):
            return {"aspects_left_out": "Every film tagged {aspects} is out ({reasons}).",
                    "left_shown": "shown: {titles}", "left_judged": "yours: {titles}",
                    "left_genre": "genre ({genres}): {titles}", "left_years": "years: {titles}",
                    "left_other": "other: {titles}", "left_more": "{titles} +{n}"}

    c = Constraints(asked_aspects=("stanley kubrick",), exclude_ids={924}, excluded_genres=("Horror",))
    assert _asked_aspects_left_out(c, [{"item_id": 1200}, {"item_id": 589}], Deps(), "en") == \
        "Every film tagged “stanley kubrick” is out (shown: 2001: A Space Odyssey; genre (Horror): The Shining)."
    c = Constraints(asked_aspects=("stanley kubrick",), exclude_ids={924, 1258}, liked_ids=(1258,))
    assert _asked_aspects_left_out(c, [{"item_id": 1}], Deps(), "en") == \
        "Every film tagged “stanley kubrick” is out (shown: 2001: A Space Odyssey; yours: The Shining)."
    c = Constraints(asked_aspects=("stanley kubrick",), year_min=1990)
    assert _asked_aspects_left_out(c, [{"item_id": 1}], Deps(), "en") == \
        "Every film tagged “stanley kubrick” is out (years: 2001: A Space Odyssey, The Shining)."
    assert _asked_aspects_left_out(c, [{"item_id": 924}, {"item_id": 589}], Deps(), "en") == ""  # one is shown
    assert _asked_aspects_left_out(Constraints(asked_aspects=("ines valdera",)), [{"item_id": 1}], Deps(), "en") == ""
    assert _asked_aspects_left_out(Constraints(), [{"item_id": 1}], Deps(), "en") == ""  # nothing asked


@pytest.mark.parametrize("text, asked", [
    ("I'd like something by Stanley Kubrick", True),  # a wish asks, though "like" is a verdict word
    ("I would love a dark one tonight", True),
    ("we'd prefer something dark", True),
    ("me gustaría algo oscuro", True),
    ("I like dark films", False),  # a taste stated, not asked for now
    ("Dark, loved it", False),  # said while judging a film
])
def test_a_wish_asks_for_its_moods(text, asked):
    from chat_rec.understanding.aspects import asked_aspects

    phrase = "oscuro" if "oscuro" in text else ("stanley kubrick" if "Kubrick" in text else "dark")
    assert bool(asked_aspects(text, [phrase])) is asked
