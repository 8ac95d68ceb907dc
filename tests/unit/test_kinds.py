"""A film's kind (the mean of its own terms' embeddings) and the ranker's ``kind`` signal, on invented films.

Found by using the app with no conversation model: "I loved The Others" opened with the popular films
of 2001, because the embedded item text of a film without tags is mostly its title and year.
"""

from __future__ import annotations

import numpy as np
import pytest

from chat_rec.catalog.aspects import AspectIndex
from chat_rec.catalog.kinds import kind_vectors
from chat_rec.catalog.models import Catalog, Item
from chat_rec.ranking.hybrid import HybridRanker, RankRequest, RankWeights
from tests.unit.test_aspects import ConceptEmbedder
from tests.unit.test_ranking import FakeIndex

FILMS = [
    Item(31, "Hollow House", 2001, ("Horror",), ("ghosts", "haunted house"), popularity=20),
    Item(32, "The Attic Door", 1999, ("Horror",), ("ghosts",), popularity=10),
    Item(33, "Night Shift Blues", 2001, ("Horror",), ("slasher",), popularity=15),
    Item(34, "Sunny Side Up", 2001, ("Comedy",), ("feel good",), popularity=400),
    Item(35, "Tin Kites", 2001, ("Comedy",), ("feel good", "friendship"), popularity=300),
    Item(36, "Blank Reel", 2001, (), (), popularity=500),
]


@pytest.fixture()
def world(tmp_path):
    catalog = Catalog("kinds", {f.item_id: f for f in FILMS})
    index = FakeIndex.for_ids([f.item_id for f in FILMS], seed=3)
    aspects = AspectIndex.build(catalog, index.ids, index.vectors, ConceptEmbedder(), cache_dir=tmp_path)
    return catalog, index, aspects


def test_films_that_share_terms_are_of_a_kind_and_a_film_without_terms_has_none(world) -> None:
    _, index, aspects = world
    kinds, row, ids = kind_vectors(aspects), index.row_of, index.ids
    assert kinds.shape == (len(ids), aspects.term_vectors.shape[1])
    sim = kinds @ kinds[row[31]]
    assert sim[row[32]] > sim[row[34]] and sim[row[32]] > sim[row[35]]  # ghosts beside ghosts, not comedies
    assert sim[row[33]] > sim[row[34]]  # another horror film is nearer than a comedy
    assert not kinds[row[36]].any()  # no genre, no tag: no kind, and no score from one
    np.testing.assert_allclose(np.linalg.norm(kinds[:5], axis=1), 1.0, atol=1e-5)


def test_a_rare_term_says_more_than_a_common_one(world) -> None:
    _, index, aspects = world
    kinds, row = kind_vectors(aspects), index.row_of
    # The Attic Door shares the rarer "ghosts" with Hollow House and only the genre with Night Shift Blues.
    assert kinds[row[32]] @ kinds[row[31]] > kinds[row[32]] @ kinds[row[33]]


def test_the_kind_signal_lifts_a_liked_films_kin_over_popular_films_of_its_year(world) -> None:
    catalog, index, aspects = world
    weights = RankWeights(content=0.0, collaborative=0.0, popularity=1.0, genre=0.0, aspect=0.0, kind=0.0)
    plain = HybridRanker(catalog, index, weights=weights, aspects=aspects)
    kin = HybridRanker(catalog, index, weights=RankWeights(**{**weights.__dict__, "kind": 2.0}),
                       aspects=aspects)
    req = RankRequest(liked_ids=(31,), k=2)
    assert {r.item.item_id for r in plain.rank(req)} == {36, 34}  # popularity alone
    ranked = kin.rank(RankRequest(liked_ids=(31,), k=2))
    assert [r.item.item_id for r in ranked][0] == 32 and ranked[0].breakdown["kind"] > 0
    ghost = index.row_of[32]
    beside = kin.signals(RankRequest(liked_ids=(35,), disliked_ids=(31,)))[2]["kind"]
    assert beside[ghost] < kin.signals(RankRequest(liked_ids=(35,)))[2]["kind"][ghost]  # a disliked film's kin sink
    # a dislike alone moves no kind: every tagged film shares some of it, so it would only lift untagged ones
    assert not kin.signals(RankRequest(disliked_ids=(31,)))[2]["kind"].any()
    assert not plain.signals(req)[2]["kind"].any()  # weight 0: not computed
    assert RankWeights().kind > 0  # on by default


def test_the_setting_sets_the_kind_weight(world, tmp_path) -> None:
    from chat_rec.config import Settings
    from chat_rec.ranking.learned import app_ranker

    catalog, index, aspects = world
    for value, expected in ((None, RankWeights().kind), (0.0, 0.0), (3.5, 3.5)):
        settings = Settings(kind_weight=value, conversation_model=tmp_path / "none")
        ranker = app_ranker(settings, catalog, index, conversation=None, aspects=aspects, retriever=None)
        assert ranker.weights.kind == expected


def test_the_kind_weight_is_fitted_and_read_but_leaves_the_aspect_share_as_it_was(tmp_path) -> None:
    import json

    from chat_rec.ranking.learned import SHARE_NAMES, WEIGHT_NAMES, aspect_share_weight, read_weights

    assert "kind" in WEIGHT_NAMES and "kind" not in SHARE_NAMES
    learned = {"content": 1.0, "conversation": 12.0, "popularity": 0.75}
    (tmp_path / "weights.json").write_text(json.dumps({"weights": {**learned, "kind": 6.0}}), encoding="utf-8")
    with_kind = read_weights(tmp_path)
    assert with_kind is not None and with_kind.kind == 6.0
    (tmp_path / "weights.json").write_text(json.dumps({"weights": learned}), encoding="utf-8")
    older = read_weights(tmp_path)  # a file written before kind was fitted: its default
    assert older is not None and older.kind == RankWeights().kind
    # the moods' pull does not move with the kind weight (it was tuned among the other signals)
    assert with_kind.aspect == older.aspect == aspect_share_weight(older)
    assert aspect_share_weight(RankWeights()) == pytest.approx(RankWeights().aspect)
