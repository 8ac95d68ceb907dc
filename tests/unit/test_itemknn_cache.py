"""The fitted item-kNN is kept on disk, so a restart loads it instead of fitting again."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from chat_rec.catalog.models import Ratings
from chat_rec.interactions import itemknn
from chat_rec.interactions.itemknn import ItemKNN


def _ratings(seed: int = 0) -> Ratings:
    rng = np.random.default_rng(seed)
    users, items = rng.integers(0, 40, 600), rng.integers(1, 60, 600)
    return Ratings(users, items, rng.integers(1, 6, 600).astype(np.float32), np.full(600, -1))


def test_a_cached_fit_loads_the_same_and_a_change_refits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = list(range(1, 70))
    fitted = ItemKNN.from_ratings(_ratings(), ids, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("itemknn-*.npz"))) == 1 and not list(tmp_path.glob(".*"))
    monkeypatch.setattr(ItemKNN, "fit", lambda *a, **k: pytest.fail("fitted again"))
    loaded = ItemKNN.from_ratings(_ratings(), ids, cache_dir=tmp_path)
    assert np.allclose(loaded.score([3, 7], [11]), fitted.score([3, 7], [11]))
    assert (loaded.similarity != fitted.similarity).nnz == 0
    monkeypatch.undo()
    ItemKNN.from_ratings(_ratings(seed=1), ids, cache_dir=tmp_path)  # other ratings: another file
    assert len(list(tmp_path.glob("itemknn-*.npz"))) == 2


def test_a_damaged_cache_file_is_refitted(tmp_path: Path) -> None:
    ids = list(range(1, 70))
    ItemKNN.from_ratings(_ratings(), ids, cache_dir=tmp_path)
    (path,) = tmp_path.glob("itemknn-*.npz")
    path.write_bytes(b"truncated")
    refit = ItemKNN.from_ratings(_ratings(), ids, cache_dir=tmp_path)
    assert refit.similarity is not None and refit.similarity.nnz > 0
    assert itemknn.ItemKNN._load(path, 50) is not None  # rewritten whole


def test_a_lower_alpha_asks_more_of_popular_neighbours() -> None:
    """Seed 0 is rated by users 0-9; a blockbuster (1) by all 40; a niche film (2) by users 0-4 and
    30-36; a film rated by two of the seed's raters alone (3). The cosine ranks the blockbuster first;
    the asymmetric cosine the niche film; shrink keeps the two-rater film below it."""
    import scipy.sparse as sp

    rows, cols = [], []
    for user in range(40):
        for item, raters in ((0, range(10)), (1, range(40)), (2, [*range(5), *range(30, 37)]), (3, range(2))):
            if user in raters:
                rows.append(user)
                cols.append(item)
    x = sp.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(40, 4))

    def order(**kw: float) -> list[int]:
        sim = ItemKNN(neighbours=3, **kw).fit(x).similarity.toarray()[0]
        return [int(j) for j in np.argsort(-sim) if sim[j] > 0]

    cosine = ItemKNN(neighbours=3).fit(x).similarity.toarray()[0]
    assert np.isclose(cosine[1], 10 / np.sqrt(10 * 40)) and np.isclose(cosine[2], 5 / np.sqrt(10 * 12))
    assert order() == [1, 2, 3]
    assert order(alpha=0.2)[:2] == [3, 2]  # no shrink: two shared raters of a film nobody else rated win
    assert order(alpha=0.2, shrink=4.0) == [2, 1, 3]


def test_the_similarity_settings_have_their_own_cache_file(tmp_path: Path) -> None:
    ids = list(range(1, 70))
    cosine = ItemKNN.from_ratings(_ratings(), ids, cache_dir=tmp_path)
    other = ItemKNN.from_ratings(_ratings(), ids, cache_dir=tmp_path, alpha=0.3, shrink=10.0)
    assert len(list(tmp_path.glob("itemknn-*.npz"))) == 2
    assert (cosine.similarity != other.similarity).nnz > 0
