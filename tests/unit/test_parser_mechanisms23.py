"""Mechanisms of the twenty-third session, on sentences written for these tests (none from a benchmark file).

Found using the app: "I liked the one about the mafia" and "I'll take the one with the bowling" liked
nothing, while "the one with the bowling sounds fun" liked the film. A clause-opening description
("stapler one for sure") took "i liked the" + "one" as its words, matched no film, and hid the "the
one with/about …" description behind it. That form's words now never end in an article.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse
from chat_rec.understanding.resolver import TitleResolver
from tests.signals import listed, verdicts

GODFATHER, MATRIX, LEBOWSKI = 858, 2571, 1732


@pytest.fixture(scope="module")
def resolver(catalog):
    return TitleResolver(catalog)


@pytest.mark.parametrize("text, expected", [
    ("I liked the one about the mafia", ([GODFATHER], [])),
    ("I'll take the one with the bowling", ([LEBOWSKI], [])),
    ("we really enjoyed the one with the bowling", ([LEBOWSKI], [])),
    ("I hated the one about the mafia, the bowling one is fine", ([LEBOWSKI], [GODFATHER])),
    ("honestly I'd skip the one with the mafia", ([], [GODFATHER])),
])
def test_a_verb_before_the_one_with_a_description(resolver, catalog, text, expected):
    assert verdicts(parse(text, listed(catalog, GODFATHER, MATRIX, LEBOWSKI), resolver)) == expected


@pytest.mark.parametrize("text, expected", [
    ("bowling one for sure", ([LEBOWSKI], [])),  # the clause-opening form still reads
    ("that one", ([], [])),  # no description at all
])
def test_the_clause_opening_form_is_unchanged(resolver, catalog, text, expected):
    assert verdicts(parse(text, listed(catalog, GODFATHER, MATRIX, LEBOWSKI), resolver)) == expected
