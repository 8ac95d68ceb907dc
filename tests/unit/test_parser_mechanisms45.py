"""Asks of the forty-fifth session, found on invented sentences before any case of the round's new set was
read (sentences written for these tests, none from a benchmark or request file).

- A want of what a film gives, as a noun ("could use a laugh", "in the mood for a good cry") is an ask,
  and its mood is read like the verb of effect ("makes me laugh" -> funny).
- Handing the choice over ("I'm easy", "otherwise we're open", "your call", "dealer's choice", "tú eliges")
  is an ask, also after an exclusion that asks for nothing by itself.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding import mood_words
from chat_rec.understanding.tokens import tokenize


def _read(resolver, text: str):
    from chat_rec.understanding.extractor import Extractor

    return Extractor(resolver, None).extract(text, "", [])


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
