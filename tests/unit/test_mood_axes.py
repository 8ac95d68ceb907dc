"""Mood words read through the poles of their axis (``understanding.mood_axes``), on sentences written for
these tests (none from a benchmark file).

The sentence embedder places many mood adjectives next to their opposites: on ml-latest-small, MiniLM puts
"cheerful" nearest the tag "melancholy", "peaceful" nearest "violent", "warm" nearest "cold" and "lighter"
nearest "heavy metal". The fake embedder here does the same on purpose (a word of the light pole sits on
the dark axis; ``test_aspects.ConceptEmbedder`` over these axes), so the tests show that the table, not the
embedding, decides.
"""

from __future__ import annotations

import numpy as np
import pytest

from chat_rec.catalog.aspects import AspectIndex, item_terms
from chat_rec.catalog.models import Catalog
from chat_rec.understanding import mood_axes
from chat_rec.understanding.aspects import aspects_with_polarity
from tests.unit.test_aspects import ConceptEmbedder, _item

AXES = {
    "dark": "DARK", "bleak": "DARK", "grim": "DARK", "depressing": "DARK", "sad": "DARK",
    # the embedder's mistake, as MiniLM makes it: words of the other pole placed on the dark axis
    "cheerful": "DARK", "lighter": "DARK", "light": "DARK", "sunny": "DARK", "alegre": "DARK",
    "intense": "TENSE", "tense": "TENSE", "violent": "TENSE", "calm": "TENSE", "calmer": "TENSE",
    "feel": "GOOD", "good": "GOOD", "heartwarming": "GOOD",
}

FILMS = [
    _item(1, "Grey Harbour", ("Drama",), ("dark", "bleak")),
    _item(2, "The Long Winter", ("Drama",), ("depressing", "sad")),
    _item(3, "Knife Point", ("Thriller",), ("intense", "violent")),
    _item(4, "Pancake Sunday", ("Comedy",), ("feel good", "heartwarming")),
    _item(5, "Garden Party", ("Comedy",), ("feel good",)),
    _item(6, "Kite Day", ("Comedy",), ("feel good", "heartwarming")),
    _item(7, "Slow River", ("Drama",), ("relaxing",)),
    _item(8, "Odd Hours", ("Comedy",), ("original",)),
]


@pytest.fixture()
def vocabulary(tmp_path) -> AspectIndex:
    catalog = Catalog("axes", {f.item_id: f for f in FILMS})
    ids = np.array([f.item_id for f in FILMS], dtype=np.int64)
    vectors = np.random.default_rng(5).normal(size=(len(ids), 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return AspectIndex.build(catalog, ids, vectors, ConceptEmbedder(AXES), cache_dir=tmp_path)


def _top(vocabulary: AspectIndex, liked: list[str], disliked: list[str]) -> int:
    scores = vocabulary.scores(liked, disliked)
    assert scores is not None
    return int(vocabulary.ids[int(np.argmax(scores))])


def test_without_the_table_the_embedder_draws_the_opposite(vocabulary, monkeypatch) -> None:
    monkeypatch.setattr(mood_axes, "table", lambda: {})
    liked, _ = aspects_with_polarity("something cheerful please", vocabulary)
    assert liked == ["cheerful"] and _top(vocabulary, liked, []) in {1, 2}  # a bleak film: the failure this fixes


def test_an_asked_word_likes_its_own_pole_and_rules_out_the_other(vocabulary) -> None:
    liked, disliked = aspects_with_polarity("something cheerful please", vocabulary)
    assert liked == ["feel good"] and {"dark", "bleak", "depressing", "sad"} <= set(disliked)
    assert _top(vocabulary, liked, disliked) in {4, 5, 6}


def test_a_comparative_is_read_as_its_adjective(vocabulary) -> None:
    liked, disliked = aspects_with_polarity("can we go a bit lighter", vocabulary)
    assert not liked and {"dark", "bleak", "depressing"} <= set(disliked) and "lighter" not in disliked
    liked, disliked = aspects_with_polarity("ok, something calmer this time", vocabulary)
    assert {"intense", "violent"} <= set(disliked) and "calmer" not in liked


def test_a_ruled_out_word_rules_out_its_own_pole_only(vocabulary) -> None:
    liked, disliked = aspects_with_polarity("nothing too heavy tonight", vocabulary)
    assert not liked and {"dark", "bleak", "depressing"} <= set(disliked) and "feel good" not in disliked
    liked, disliked = aspects_with_polarity("not in the mood for anything too cheerful", vocabulary)
    assert not liked and disliked == ["feel good"]


def test_a_tag_too_few_films_carry_draws_nothing(vocabulary) -> None:
    """"relaxing" is on one film here (as on 2001: A Space Odyssey alone in ml-latest-small): its films are no pole."""
    assert vocabulary.carriers("relaxing") == 1 < mood_axes.MIN_CARRIERS <= vocabulary.carriers("feel good")
    liked, disliked = aspects_with_polarity("something calm for a change", vocabulary)
    assert "relaxing" not in liked and {"intense", "violent"} <= set(disliked)


def test_spanish_words_reach_the_axes_through_the_spanish_table(vocabulary) -> None:
    liked, disliked = aspects_with_polarity("ahora algo más ligero", vocabulary)
    assert not liked and {"dark", "bleak"} <= set(disliked)
    liked, disliked = aspects_with_polarity("quiero una peli alegre", vocabulary)
    assert liked == ["feel good"] and "sad" in disliked
    liked, disliked = aspects_with_polarity("algo que no sea muy pesado", vocabulary)
    assert not liked and {"dark", "depressing"} <= set(disliked)


class _NoTags:
    """A catalog whose films carry no tag of any pole (a catalog without tags, or with other ones)."""

    def is_term(self, phrase: str) -> bool:
        return False

    def carriers(self, phrase: str) -> int:
        return 0


def test_a_word_whose_poles_the_catalog_does_not_tag_is_no_axis_word(vocabulary) -> None:
    assert mood_axes.pole("light", vocabulary) is not None
    assert mood_axes.pole("light", _NoTags()) is None  # then read as any other mood word
    assert mood_axes.pole("grumpy", vocabulary) is None  # no word of the table


def test_every_row_names_tags_of_the_shipped_catalog(catalog) -> None:
    """Each pole tag is written as ml-latest-small's tags fold (a misspelt tag would silently match nothing)."""
    terms = {t for item in catalog.items.values() for t in item_terms(item)}
    for word, pole in mood_axes.table().items():
        missing = [t for t in (*pole.toward, *pole.away) if t not in terms]
        assert not missing, f"{word}: {missing}"
        assert pole.away or pole.toward, word


@pytest.mark.parametrize("text, disliked", [
    ("not in the mood for anything dark", {"dark"}),
    ("i'm not really in the mood for something so bleak", {"bleak"}),
    ("don't feel like anything too violent tonight", {"violent"}),
    ("no estoy de humor para algo oscuro", {"dark"}),
    ("no tengo muchas ganas de algo deprimente", {"depressing"}),
])
def test_a_want_denied_rules_out_its_object(vocabulary, text, disliked) -> None:
    liked, found = aspects_with_polarity(text, vocabulary)
    assert not liked and disliked <= set(found)


def test_being_in_the_mood_is_no_mood_of_the_film(vocabulary) -> None:
    liked, disliked = aspects_with_polarity("hoy estoy de humor para algo oscuro", vocabulary)
    assert liked == ["dark"] and not disliked  # "humor" of "estar de humor" names no comedy


def test_the_version_word_before_a_title_is_no_mood(vocabulary, resolver) -> None:
    """Found in the browser: "in the style of the original Ghostbusters" showed films tagged "original"."""
    liked, _ = aspects_with_polarity("in the style of the original Ghostbusters please", vocabulary, resolver)
    assert "original" not in liked
    liked, _ = aspects_with_polarity("something original please", vocabulary, resolver)
    assert liked == ["original"]
