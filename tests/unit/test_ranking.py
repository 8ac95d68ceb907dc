"""The hybrid ranker against the real catalog with a numpy fake of the vector index."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest

from chat_rec.catalog.models import Catalog, Item
from chat_rec.interactions.itemknn import ItemKNN
from chat_rec.ranking import pipeline
from chat_rec.ranking.hybrid import BREAKDOWN_KEYS, HybridRanker, RankRequest, RankWeights, top_positions
from chat_rec.ranking.mmr import mmr


@dataclass
class FakeIndex:
    """Random unit vectors in catalog order: what the ranker needs from CatalogIndex."""

    ids: np.ndarray
    vectors: np.ndarray
    row_of: dict[int, int]

    @classmethod
    def for_ids(cls, ids: list[int], dim: int = 16, seed: int = 0) -> FakeIndex:
        vecs = np.random.default_rng(seed).normal(size=(len(ids), dim)).astype(np.float32)
        vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
        return cls(np.array(ids, dtype=np.int64), vecs, {i: r for r, i in enumerate(ids)})


@pytest.fixture(scope="module")
def knn(catalog: Catalog) -> ItemKNN:
    return ItemKNN.from_ratings(catalog.ratings, catalog.ids)


@pytest.fixture(scope="module")
def ranker(catalog: Catalog, knn: ItemKNN) -> HybridRanker:
    return HybridRanker(catalog, FakeIndex.for_ids(catalog.ids), collaborative=knn)


MATRIX, TOY_STORY, ALIEN = 2571, 1, 1214


def test_excluded_genre_never_returned(ranker: HybridRanker) -> None:
    req = RankRequest(query_vector=ranker.vectors[ranker.index.row_of[ALIEN]], liked_ids=[ALIEN],
                      excluded_genres=["horror"], k=50)
    recs = ranker.rank(req)
    assert len(recs) == 50
    assert all("Horror" not in r.item.genres for r in recs)


def test_year_range_is_a_hard_filter(ranker: HybridRanker) -> None:
    recs = ranker.rank(RankRequest(liked_ids=[MATRIX], year_min=1990, year_max=1999, k=30))
    assert len(recs) == 30
    assert all(r.item.year is not None and 1990 <= r.item.year <= 1999 for r in recs)


def test_excluded_liked_and_disliked_ids_never_returned(ranker: HybridRanker, knn: ItemKNN) -> None:
    neighbours = [i for i, _ in knn.neighbours(MATRIX, 10)]
    req = RankRequest(liked_ids=[MATRIX], disliked_ids=[TOY_STORY], exclude_ids=neighbours[:5], k=20,
                      diversity=0.0)
    returned = {r.item.item_id for r in ranker.rank(req)}
    assert returned.isdisjoint({MATRIX, TOY_STORY, *neighbours[:5]})
    assert returned & set(neighbours[5:]), "the remaining collaborative neighbours should rank"


def test_every_item_keeps_its_breakdown(ranker: HybridRanker) -> None:
    w = RankWeights()
    req = RankRequest(profile_vector=ranker.vectors[0], query_vector=ranker.vectors[1], liked_ids=[MATRIX],
                      required_genres=["Comedy"], k=10)
    for r in ranker.rank(req):
        assert set(r.breakdown) == set(BREAKDOWN_KEYS)
        b = r.breakdown
        expected = (w.content * b["content"] + w.collaborative * b["collaborative"]
                    + w.popularity * b["popularity"] + w.genre * b["genre"])
        assert b["final"] == pytest.approx(expected, abs=1e-4)
        assert r.score == pytest.approx(b["final"], abs=1e-5)


def test_no_diversity_is_relevance_order(ranker: HybridRanker) -> None:
    req = RankRequest(query_vector=ranker.vectors[5], liked_ids=[MATRIX], k=15, diversity=0.0)
    scores = [r.score for r in ranker.rank(req)]
    assert scores == sorted(scores, reverse=True)
    diverse = ranker.rank(RankRequest(query_vector=ranker.vectors[5], liked_ids=[MATRIX], k=15, diversity=0.7))
    assert [r.item.item_id for r in diverse] != [r.item.item_id for r in ranker.rank(req)]


def test_disliked_items_neighbours_are_pushed_down(ranker: HybridRanker, knn: ItemKNN) -> None:
    near_toy_story = {i for i, _ in knn.neighbours(TOY_STORY, 20)}
    base = RankRequest(liked_ids=[MATRIX, TOY_STORY], k=30, diversity=0.0)
    with_dislike = RankRequest(liked_ids=[MATRIX], disliked_ids=[TOY_STORY], k=30, diversity=0.0)
    before = sum(r.item.item_id in near_toy_story for r in ranker.rank(base))
    after = ranker.rank(with_dislike)
    assert before >= 5
    assert sum(r.item.item_id in near_toy_story for r in after) < before
    for r in after:
        if r.item.item_id in near_toy_story:
            assert r.breakdown["collaborative"] < 1.0


def test_required_genre_is_a_soft_boost(ranker: HybridRanker) -> None:
    plain = ranker.rank(RankRequest(liked_ids=[MATRIX], k=20, diversity=0.0))
    boosted = ranker.rank(RankRequest(liked_ids=[MATRIX], required_genres=["Comedy"], k=20, diversity=0.0))
    count = lambda recs: sum("Comedy" in r.item.genres for r in recs)  # noqa: E731
    assert count(boosted) > count(plain)
    assert count(boosted) < 20, "a soft boost still lets other genres through"


def test_filters_leaving_nothing_return_empty(ranker: HybridRanker) -> None:
    assert ranker.rank(RankRequest(year_min=2100, k=5)) == []


def test_ties_break_by_item_id_and_repeat_exactly() -> None:
    items = {i: Item(item_id=i, title=f"Film {i}", year=2000, genres=("Drama",)) for i in (9, 3, 7, 1, 5)}
    cat = Catalog(name="toy", items=items)
    index = FakeIndex.for_ids(list(items))
    ranker = HybridRanker(cat, index)
    first = [r.item.item_id for r in ranker.rank(RankRequest(k=5, diversity=0.0))]
    assert first == [1, 3, 5, 7, 9]
    assert first == [r.item.item_id for r in ranker.rank(RankRequest(k=5, diversity=0.0))]


def test_mmr_skips_near_duplicates() -> None:
    vecs = np.array([[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    rel = np.array([1.0, 0.99, 0.5])
    assert mmr(rel, vecs, 3, 0.0) == [0, 1, 2]
    assert mmr(rel, vecs, 2, 0.6) == [0, 2]
    assert mmr(rel, vecs, 0, 0.5) == []


def test_candidate_ids_restrict_the_ranking(ranker: HybridRanker, knn: ItemKNN) -> None:
    candidates = {i for i, _ in knn.neighbours(ALIEN, 12)} | {TOY_STORY}
    recs = ranker.rank(RankRequest(liked_ids=[MATRIX], candidate_ids=candidates, k=20))
    assert {r.item.item_id for r in recs} == candidates


def test_top_positions_is_the_head_of_a_full_sort_ties_included() -> None:
    rng = np.random.default_rng(3)
    scores = rng.integers(0, 5, size=500).astype(np.float32)  # many ties
    ids = rng.permutation(500) + 1000
    full = np.lexsort((ids, -scores))
    for n in (0, 1, 7, 100, 500, 600):
        assert top_positions(scores, ids, n).tolist() == full[:n].tolist()


def test_nearest_is_exact_and_obeys_the_filters(ranker: HybridRanker) -> None:
    mask = ranker.filter_mask(excluded_genres=["Horror"], year_min=1980, year_max=1999)
    p, q = ranker.vectors[ranker.index.row_of[ALIEN]], ranker.vectors[ranker.index.row_of[TOY_STORY]]
    near_p, near_q, none = ranker.nearest([(p, 40), (q, 20), (np.zeros_like(p), 5)], mask)
    for vector, found, n in ((p, near_p, 40), (q, near_q, 20)):
        rows = np.flatnonzero(mask)
        scores = ranker.vectors[rows] @ vector
        expected = ranker.ids[rows[np.lexsort((ranker.ids[rows], -scores))[:n]]]
        assert found == expected.tolist()
    assert none == []
    items = [ranker.catalog.items[i] for i in near_p + near_q]
    assert all("Horror" not in it.genres and it.year is not None and 1980 <= it.year <= 1999 for it in items)


def test_retrieval_of_a_small_catalog_never_asks_the_vector_store(ranker: HybridRanker) -> None:
    class NoStore:
        def query(self, vector: np.ndarray, n: int, where: object = None) -> list[tuple[int, float]]:
            raise AssertionError("a small catalog is searched exactly in memory")

        def embed_text(self, text: str) -> np.ndarray:
            return ranker.vectors[ranker.index.row_of[TOY_STORY]]

    c = pipeline.Constraints(excluded_genres=["Horror"], exclude_ids={TOY_STORY}, liked_ids=[MATRIX])
    found = pipeline.retrieve(NoStore(), ranker, ranker.vectors[0], "toys that come alive", c, 40, popular=10)
    assert TOY_STORY not in found and len(found) >= 40
    assert ranker.collaborative is not None
    unfiltered = {i for i, _ in ranker.collaborative.neighbours(MATRIX, 10)} | set(ranker.most_popular(10))
    assert not any("Horror" in ranker.catalog.items[i].genres for i in set(found) - unfiltered)


def test_a_large_catalog_asks_the_vector_store_only_when_nothing_filters(ranker: HybridRanker,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "EXACT_SEARCH_MAX", 100)
    asked: list[object] = []

    class Store:
        def query(self, vector: np.ndarray, n: int, where: object = None) -> list[tuple[int, float]]:
            asked.append(where)
            return [(TOY_STORY, 1.0)]

        def embed_text(self, text: str) -> np.ndarray:
            return ranker.vectors[0]

    assert TOY_STORY in pipeline.retrieve(Store(), ranker, ranker.vectors[1], "hi", pipeline.Constraints(), 10)
    assert asked == [None, None]
    asked.clear()
    found = pipeline.retrieve(Store(), ranker, ranker.vectors[1], "hi", pipeline.Constraints(year_min=1990), 10)
    assert asked == [] and len(found) >= 10, "a filtered search stays exact (Chroma's filters are slow)"


def test_a_learned_query_weight_pulls_toward_the_message(catalog: Catalog, knn: ItemKNN) -> None:
    index = FakeIndex.for_ids(catalog.ids)
    asked = index.vectors[index.row_of[ALIEN]]
    profile = index.vectors[index.row_of[TOY_STORY]]
    req = RankRequest(profile_vector=profile, query_vector=asked, exclude_ids=[ALIEN, TOY_STORY], k=10,
                      diversity=0.0)
    plain = HybridRanker(catalog, index, knn, RankWeights(popularity=0.0))
    pulled = HybridRanker(catalog, index, knn, RankWeights(popularity=0.0, query=3.0))
    near = {int(i) for i in index.ids[np.argsort(-(index.vectors @ asked))[1:11]]}
    b = pulled.rank(req)[0].breakdown
    assert b["final"] == pytest.approx(b["content"] + 3.0 * b["query"], abs=1e-4)
    def hits(r: HybridRanker) -> int:
        return len(near & {s.item.item_id for s in r.rank(req)})

    assert hits(pulled) > hits(plain)


def test_seeds_replace_the_liked_films_as_the_start_of_the_item_item_scores(ranker: HybridRanker,
                                                                              knn: ItemKNN) -> None:
    both = RankRequest(liked_ids=[MATRIX, TOY_STORY], k=10, diversity=0.0)
    seeded = RankRequest(liked_ids=[MATRIX, TOY_STORY], seed_ids=[TOY_STORY], k=10, diversity=0.0)
    alone = RankRequest(liked_ids=[TOY_STORY], k=10, diversity=0.0)
    _, rows, with_seed = ranker.signals(seeded)
    _, _, toy_alone = ranker.signals(alone)
    _, _, mixed = ranker.signals(both)
    assert np.allclose(with_seed["collaborative"], toy_alone["collaborative"])
    assert not np.allclose(with_seed["collaborative"], mixed["collaborative"])
    # both liked films stay out of the list either way
    assert {r.item.item_id for r in ranker.rank(seeded)}.isdisjoint({MATRIX, TOY_STORY})


def test_films_of_a_topic_left_behind_stop_pulling_but_stay_liked(ranker: HybridRanker, knn: ItemKNN) -> None:
    # liked The Matrix and Toy Story, then changed topic: The Matrix was left behind with the old one
    left = RankRequest(liked_ids=[MATRIX, TOY_STORY], context_ids=[ALIEN], left_ids=[MATRIX, ALIEN], k=10,
                       diversity=0.0)
    alone = RankRequest(liked_ids=[TOY_STORY], k=10, diversity=0.0)
    _, _, after = ranker.signals(left)
    _, _, toy_alone = ranker.signals(alone)
    assert np.allclose(after["collaborative"], toy_alone["collaborative"])
    assert {r.item.item_id for r in ranker.rank(left)}.isdisjoint({MATRIX, TOY_STORY, ALIEN})  # never shown again
    # a topic left with every liked film in it: no item-item pull at all, the other signals rank
    _, _, none_left = ranker.signals(RankRequest(liked_ids=[MATRIX], left_ids=[MATRIX], k=10, diversity=0.0))
    assert not np.any(none_left["collaborative"])


def test_retrieval_takes_no_neighbours_of_films_left_behind(ranker: HybridRanker, knn: ItemKNN) -> None:
    class Unused:
        def query(self, vector: np.ndarray, n: int, where: object = None) -> list[tuple[int, float]]:
            raise AssertionError("nothing to embed here")

        def embed_text(self, text: str) -> np.ndarray:
            raise AssertionError("nothing to embed here")

    c = pipeline.Constraints(liked_ids=(MATRIX,), exclude_ids={MATRIX})
    with_matrix = set(pipeline.retrieve(Unused(), ranker, None, "", c, 40))
    c.left_ids = (MATRIX,)
    without = set(pipeline.retrieve(Unused(), ranker, None, "", c, 40))
    neighbours = {i for i, _ in knn.neighbours(MATRIX, 10)}
    assert neighbours & with_matrix and not neighbours & without


def test_a_genre_floor_fills_the_list_with_the_asked_genre_when_likes_pull_elsewhere(ranker: HybridRanker) -> None:
    # someone who liked The Matrix and Toy Story asks for horror: the soft boost alone lets the likes win
    c = pipeline.Constraints(liked_ids=(MATRIX, TOY_STORY), liked_genres=("Horror",))
    weak = RankWeights(genre=0.05)
    soft = HybridRanker(ranker.catalog, ranker.index, collaborative=ranker.collaborative, weights=weak)
    plain = pipeline.rank(soft, None, c, 5, 0.0)
    floored = pipeline.rank(soft, None, c, 5, 0.0, genre_floor=4)

    def horror(items: list) -> int:
        return sum("Horror" in s.item.genres for s in items)

    assert horror(plain) < 4 <= horror(floored)
    # the first pick carries the asked genre; the rest stay in score order
    assert "Horror" in floored[0].item.genres
    assert [s.score for s in floored[1:]] == sorted((s.score for s in floored[1:]), reverse=True)
    assert {s.item.item_id for s in floored}.isdisjoint({MATRIX, TOY_STORY})
    # with enough of the genre already, an off-genre pick that scores higher is still not first,
    # and a longer ranking of the same request starts with the same picks
    enough = pipeline.rank(soft, None, c, 5, 0.0, genre_floor=1)
    assert "Horror" in enough[0].item.genres
    longer = pipeline.rank(soft, None, c, 12, 0.0, genre_floor=1)
    assert [s.item.item_id for s in longer[:5]] == [s.item.item_id for s in enough]
    # pages: the floor holds in every page of 5, and the first page is the 5-pick answer itself
    paged = pipeline.rank(soft, None, c, 15, 0.0, genre_floor=4, floor_page=5)
    assert [s.item.item_id for s in paged[:5]] == [s.item.item_id for s in floored]
    assert all(horror(paged[n:n + 5]) >= 4 for n in (0, 5, 10))
    assert len({s.item.item_id for s in paged}) == 15
    # without pages the floor counts over the whole longer list, so its head may differ
    assert horror(pipeline.rank(soft, None, c, 15, 0.0, genre_floor=4)) >= 4
    # the floor keeps the filters: nothing excluded comes back to fill it
    no_horror_left = pipeline.Constraints(liked_ids=(MATRIX,), liked_genres=("Horror",), excluded_genres=("Horror",))
    assert horror(pipeline.rank(soft, None, no_horror_left, 5, 0.0, genre_floor=4)) == 0
    # no genre asked for, or a floor of 0: the ranking as it was
    assert [s.item.item_id for s in pipeline.rank(soft, None, c, 5, 0.0, genre_floor=0)] == \
        [s.item.item_id for s in plain]
