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
