"""People in the catalog's data: a name among a film's tags or its ingested cast describes the film.

Sentences and names written for these tests (none from a benchmark file); the films are real catalog
films given an invented cast, as an overview file with a cast column would give them.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from chat_rec.understanding.parser import parse
from chat_rec.understanding.resolver import TitleResolver
from chat_rec.understanding.signal import PreferenceSignal
from tests.signals import listed, verdicts

GODFATHER, MATRIX, LEBOWSKI = 858, 2571, 1732


@pytest.fixture(scope="module")
def resolver(catalog):
    return TitleResolver(catalog)


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
    """The one thing ``names`` asks of the aspect vocabulary: whether a folded phrase is a term."""

    def __init__(self, *terms: str) -> None:
        self.terms = set(terms)

    def is_term(self, phrase: str) -> bool:
        return phrase in self.terms


VOCABULARY = _Terms("stanley kubrick", "space", "dark")


def _unknown(text: str, blocked: set[int] | None = None) -> list[str]:
    from chat_rec.understanding.aspects import tokenize
    from chat_rec.understanding.names import unknown_names

    return unknown_names(text, tokenize(text), VOCABULARY, lambda: blocked or set())


@pytest.mark.parametrize("text, expected", [
    ("something directed by Odalys Brenner", ["Odalys Brenner"]),
    ("any good film starring Teodor Vaskel and Marco Tellini?", ["Teodor Vaskel", "Marco Tellini"]),
    ("I want a Odalys Brenner movie tonight", ["Odalys Brenner"]),
    ("una peli protagonizada por Teodor Vaskel", ["Teodor Vaskel"]),
    ("algo con Marco Tellini, porfa", ["Marco Tellini"]),
])
def test_a_name_asked_for_that_no_term_holds_is_unknown(text, expected):
    assert _unknown(text) == expected


@pytest.mark.parametrize("text", [
    "something directed by Stanley Kubrick",  # a tag of the catalog: read like a mood
    "Odalys Brenner told me to ask you for something dark",  # a name, but not whose films are asked for
    "I watched it with Odalys yesterday",  # one capitalised word is no name here
    "something by odalys brenner",  # no capitals: nothing says it is a name
    "Teodor Vaskel says hi",  # a name at the start of the message: the run starts after the first word
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
