"""Mechanisms of the twenty-ninth session, on sentences written for these tests (none from a benchmark file).

- A word outside the vocabulary that is itself a word of its nearest term is no typo: the typo test
  read "stoner" (one edit from "stones") as a misspelling and dropped it, so "I like stoner comedies"
  asked for comedies alone, though the catalog's tags say "stoner movie". Words of the tags that the
  typo test flags are few (33 of the 1,706 vocabulary words): "stoner", "rogen", "neeson", "darth".
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from chat_rec.understanding.aspect_phrases import _not_noise, find_aspects
from chat_rec.understanding.mood_words import is_noise


@pytest.mark.parametrize(("word", "term"), [("stoner", "stoner movie"), ("rogen", "seth rogen"),
                                            ("neeson", "liam neeson")])
def test_a_word_of_its_nearest_term_is_no_typo(word: str, term: str) -> None:
    assert is_noise(word)  # what the typo test alone says: one edit from a frequent word
    assert _not_noise(word, term)


@pytest.mark.parametrize(("word", "term"), [("clasic", "classic"), ("favoite", "favorite"), ("oooh", "ooh la la"),
                                            ("stoner", "stone age")])
def test_a_typo_near_a_term_is_still_noise(word: str, term: str) -> None:
    assert not _not_noise(word, term)


@dataclass
class _Config:
    detect_floor: float = 0.7


class _Vocabulary:
    """Terms and the nearest term of each word outside them, with its cosine."""

    config = _Config()

    def __init__(self, terms: set[str], nearest: dict[str, tuple[str, float]]) -> None:
        self.terms, self._nearest = terms, nearest

    def is_term(self, phrase: str) -> bool:
        return phrase in self.terms

    def nearest(self, words: list[str]) -> list[tuple[str, float]]:
        return [self._nearest.get(w, ("", 0.0)) for w in words]


def test_a_tag_word_before_a_genre_is_read_as_a_mood() -> None:
    vocabulary = _Vocabulary({"comedies"}, {"stoner": ("stoner movie", 0.99), "clasic": ("classic movie", 0.9),
                                            "rogen": ("seth rogen", 0.93)})
    assert [p for _, _, p in find_aspects("any good stoner comedies", vocabulary)] == ["stoner", "comedies"]
    assert [p for _, _, p in find_aspects("something with rogen in it", vocabulary)] == ["rogen"]
    assert is_noise("clasic")  # a misspelling is no word of its term: the typo test still decides
    assert [p for _, _, p in find_aspects("any clasic comedies", vocabulary)] == ["comedies"]
