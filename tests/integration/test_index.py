"""The Chroma catalog index: built once, reused, rebuilt when the catalog changes, queried."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from chat_rec.catalog.index import CatalogIndex, where_clause
from chat_rec.catalog.models import Catalog
from chat_rec.config import get_settings
from chat_rec.embedding import Embedder

TOY_STORY, TOY_STORY_2, MATRIX = 1, 3114, 2571


def subset(catalog: Catalog, ids: list[int], name: str, version: str = "1") -> Catalog:
    """A small catalog of real items; `version` stands in for the input files' hashes."""
    return Catalog(name=name, items={i: catalog.items[i] for i in ids}, sources={"subset": version})


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder("all-MiniLM-L6-v2")


@pytest.fixture(scope="module")
def settings(tmp_path_factory):
    return get_settings(home=tmp_path_factory.mktemp("index-home"))


@pytest.fixture(scope="module")
def small(catalog) -> Catalog:
    popular = sorted(catalog.items, key=lambda i: -catalog.items[i].popularity)[:80]
    horror = [i.item_id for i in catalog if "Horror" in i.genres and i.popularity > 20][:20]
    return subset(catalog, list(dict.fromkeys([TOY_STORY, TOY_STORY_2, MATRIX, *popular, *horror])), "small")


@pytest.fixture(scope="module")
def index(settings, small, embedder) -> CatalogIndex:
    return CatalogIndex.open(settings, small, embedder, progress=False)


def test_first_open_builds_the_whole_catalog(index, small):
    assert index.built_now
    assert len(index) == len(small)
    assert set(index.ids.tolist()) == set(small.items) and index.ids.dtype == np.int64
    assert index.vectors.shape == (len(small), 384) and index.vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(index.vectors, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(index.vector(MATRIX), index.vectors[index.row_of[MATRIX]])


def test_reopen_reuses_the_index(index, settings, small, embedder):
    again = CatalogIndex.open(settings, small, embedder, progress=False)
    assert not again.built_now
    assert np.array_equal(again.ids, index.ids)
    np.testing.assert_allclose(again.vectors, index.vectors, atol=1e-6)
    for cached in settings.cache_dir.glob("index-*.npz"):
        cached.unlink()  # without the numpy cache, vectors come back from Chroma itself
    third = CatalogIndex.open(settings, small, embedder, progress=False)
    assert not third.built_now
    np.testing.assert_allclose(third.vectors[[third.row_of[i] for i in index.ids]], index.vectors, atol=1e-5)


def test_toy_story_query_finds_toy_story(index, small):
    hits = index.query_text("an animated movie about toys that come to life", 5)
    assert {hits[0][0], hits[1][0]} == {TOY_STORY, TOY_STORY_2}
    assert all(item_id in small for item_id, _ in hits)
    scores = [score for _, score in hits]
    assert scores == sorted(scores, reverse=True) and -1.0 <= scores[-1] <= scores[0] <= 1.0


def test_an_item_is_its_own_nearest_neighbour(index):
    item_id, score = index.query(index.vector(MATRIX), 3)[0]
    assert item_id == MATRIX and score == pytest.approx(1.0, abs=1e-3)


def test_genre_and_year_filters(index, small):
    horror = index.query_text("something fun for kids", 5, where={"g_Horror": True})
    assert horror and all("Horror" in small.items[i].genres for i, _ in horror)
    no_animation = index.query(index.vector(TOY_STORY), 10, where=where_clause(genres_none=["Animation"]))
    assert all("Animation" not in small.items[i].genres for i, _ in no_animation)
    nineties = index.query_text("action", 10, where=where_clause(year_min=1990, year_max=1999))
    assert nineties and all(1990 <= (small.items[i].year or 0) <= 1999 for i, _ in nineties)


def test_chroma_uses_our_embedder_for_text_queries(index):
    result = index.collection.query(query_texts=["toys come alive"], n_results=1)
    assert int(result["ids"][0][0]) in (TOY_STORY, TOY_STORY_2)


def test_changed_catalog_is_rebuilt_automatically(catalog, settings, embedder, caplog):
    first = CatalogIndex.open(settings, subset(catalog, [1, 2, 3, 4], "tiny"), embedder, progress=False)
    assert first.built_now
    changed = subset(catalog, [1, 2, 3, 4, 5], "tiny", version="2")
    with caplog.at_level(logging.WARNING, logger="chat_rec.catalog.index"):
        second = CatalogIndex.open(settings, changed, embedder, progress=False)
    assert second.built_now and len(second) == 5 and 5 in second
    assert "changed" in caplog.text
    assert not CatalogIndex.open(settings, changed, embedder, progress=False).built_now
    forced = CatalogIndex.open(settings, changed, embedder, progress=False, rebuild=True)
    assert forced.built_now and len(forced) == 5
