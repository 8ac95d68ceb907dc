"""The conversation signal backs off to item-kNN for films the conversation model was never trained on."""

from __future__ import annotations

import numpy as np
import pytest

from chat_rec.catalog.models import Catalog
from chat_rec.interactions.conversation import ConversationModel
from chat_rec.interactions.itemknn import ItemKNN
from chat_rec.ranking.hybrid import HybridRanker, RankRequest, RankWeights
from tests.unit.test_ranking import FakeIndex

TOY_STORY, TOY_STORY_2, SHREK, HEAT, ALIEN, ALIENS = 1, 3114, 4306, 6, 1214, 1200

# Invented talk: the model knows two family films and Heat, and has never heard of either Alien film.
TALK = [[(TOY_STORY, True), (TOY_STORY_2, True)], [(TOY_STORY, True), (SHREK, True)],
        [(TOY_STORY_2, True), (SHREK, True)], [(HEAT, True), (SHREK, False)]]


@pytest.fixture(scope="module")
def parts(catalog: Catalog) -> tuple[HybridRanker, ItemKNN]:
    knn = ItemKNN.from_ratings(catalog.ratings, catalog.ids)
    model = ConversationModel.fit(TALK, lambda_=1.0)
    ranker = HybridRanker(catalog, FakeIndex.for_ids(catalog.ids), collaborative=knn, conversation=model,
                          weights=RankWeights(content=0.0, popularity=0.0, collaborative=0.0, conversation=1.0))
    return ranker, knn


def _signal(ranker: HybridRanker, backoff: float, **req: object) -> np.ndarray:
    before = ranker.conversation_backoff
    ranker.conversation_backoff = backoff
    try:
        return ranker.signals(RankRequest(**req))[2]["conversation"]  # type: ignore[arg-type]
    finally:
        ranker.conversation_backoff = before


def test_a_film_the_model_never_saw_draws_its_knn_neighbours(parts) -> None:
    ranker, knn = parts
    assert ranker.conversation.column(ALIEN) is None and knn.knows(ALIEN)
    assert not _signal(ranker, 0.0, liked_ids=(ALIEN,)).any()  # off: nothing to go on
    backed = _signal(ranker, 0.3, liked_ids=(ALIEN,))
    np.testing.assert_array_equal(backed, _signal(ranker, 1.0, liked_ids=(ALIEN,)))  # unknown films alone: all kNN
    row = ranker.index.row_of
    assert backed[row[ALIENS]] > 0.5 > backed[row[TOY_STORY_2]]  # the sequel is a close rating neighbour
    assert backed.max() == pytest.approx(ranker.support(ALIEN))  # a well-rated film: nearly all of it
    assert ranker.support(ALIEN) > 0.8


def test_a_known_film_scores_as_before(parts) -> None:
    ranker, _ = parts
    before = _signal(ranker, 0.0, liked_ids=(TOY_STORY,))
    assert before.any()
    np.testing.assert_array_equal(before, _signal(ranker, 0.3, liked_ids=(TOY_STORY,)))


@pytest.mark.parametrize("backoff", [1.0, 0.3])
def test_known_and_unknown_films_share_the_signal_by_weighted_count(parts, backoff: float) -> None:
    ranker, _ = parts
    known = _signal(ranker, backoff, liked_ids=(TOY_STORY,))
    unknown = _signal(ranker, backoff, liked_ids=(ALIEN,))
    both = _signal(ranker, backoff, liked_ids=(TOY_STORY, ALIEN))
    share = backoff / (1.0 + backoff)  # ``unknown`` already carries Alien's support
    np.testing.assert_allclose(both, (1 - share) * known + share * unknown, atol=1e-6)
    disliked = _signal(ranker, backoff, liked_ids=(TOY_STORY,), disliked_ids=(ALIEN,))
    row = ranker.index.row_of
    assert disliked[row[ALIENS]] < 0 < known[row[TOY_STORY_2]]  # a disliked unknown film pushes its neighbours down


def test_a_film_neither_model_knows_adds_nothing_and_dilutes_nothing(parts, catalog: Catalog) -> None:
    ranker, knn = parts
    unrated = next(i for i in catalog.ids if not knn.knows(i) and ranker.conversation.column(i) is None)
    np.testing.assert_array_equal(_signal(ranker, 0.3, liked_ids=(TOY_STORY, unrated)),
                                  _signal(ranker, 0.3, liked_ids=(TOY_STORY,)))
    assert not _signal(ranker, 0.3, liked_ids=(unrated,)).any()


def test_the_setting_reaches_the_app_ranker(parts, catalog: Catalog, tmp_path) -> None:
    from chat_rec.config import Settings
    from chat_rec.ranking.learned import app_ranker

    for value in (0.0, 0.7):
        settings = Settings(conversation_backoff=value, conversation_model=tmp_path / "none")
        ranker = app_ranker(settings, catalog, FakeIndex.for_ids(catalog.ids), conversation=None, retriever=None)
        assert ranker.conversation_backoff == value
    assert Settings().conversation_backoff == parts[0].conversation_backoff  # one default for both


def _rated(catalog: Catalog, knn: ItemKNN, ranker: HybridRanker, raters: int) -> int:
    """A film the conversation model never saw that the kNN knows from exactly ``raters`` ratings."""
    return next(i for i in catalog.ids if knn.knows(i) and ranker.conversation.column(i) is None
                and catalog.get(i).popularity == raters)


def test_a_film_rated_twice_pulls_by_its_support(parts, catalog: Catalog) -> None:
    ranker, knn = parts
    rare = _rated(catalog, knn, ranker, 2)
    assert ranker.support(rare) == pytest.approx(2 / (2 + ranker.knn_support))
    backed = _signal(ranker, 0.3, liked_ids=(rare,))
    assert backed.max() == pytest.approx(ranker.support(rare))  # its neighbours reach a sixth, not the top
    before = ranker.knn_support
    ranker.knn_support = 0.0  # off: two raters are trusted as much as two hundred
    try:
        assert ranker.support(rare) == 1.0
        assert _signal(ranker, 0.3, liked_ids=(rare,)).max() == pytest.approx(1.0)
    finally:
        ranker.knn_support = before


def test_a_well_rated_film_outweighs_a_rare_one_beside_it(parts, catalog: Catalog) -> None:
    ranker, knn = parts
    rare = _rated(catalog, knn, ranker, 1)
    both = _signal(ranker, 0.3, liked_ids=(ALIEN, rare))
    alone = _signal(ranker, 0.3, liked_ids=(ALIEN,))
    rare_alone = _signal(ranker, 0.3, liked_ids=(rare,))
    row = ranker.index.row_of
    best_of_rare = int(np.argmax(rare_alone))
    assert both[row[ALIENS]] > both[best_of_rare]  # Alien's sequel leads, not the rare film's co-rated oddity
    assert alone[row[ALIENS]] > rare_alone[row[ALIENS]]
