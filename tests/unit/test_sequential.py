"""The order-aware models (SLIT, SASRec) on toy sequences whose next item is known."""

from __future__ import annotations

import numpy as np
import pytest

from chat_rec.errors import ModelError
from chat_rec.interactions.base import SequentialRecommender
from chat_rec.interactions.sasrec import SASRec
from chat_rec.interactions.slit import SLIT

N_ITEMS = 12


def _cycles(n_users: int = 60, length: int = 9, seed: int = 0) -> list[np.ndarray]:
    """Each user walks the ring 0 -> 1 -> ... -> 11 -> 0 from a random start: order is everything."""
    rng = np.random.default_rng(seed)
    return [(rng.integers(N_ITEMS) + np.arange(length)) % N_ITEMS for _ in range(n_users)]


def _next_item_accuracy(model: SLIT | SASRec, sequences: list[np.ndarray]) -> float:
    scores = model.score_sequences([s[:-1] for s in sequences])
    return float(np.mean(scores.argmax(axis=1) == np.array([s[-1] for s in sequences])))


def test_both_satisfy_the_sequential_protocol() -> None:
    assert isinstance(SLIT(), SequentialRecommender)
    assert isinstance(SASRec(), SequentialRecommender)


def test_slit_learns_the_ring_and_a_set_model_could_not() -> None:
    train, probe = _cycles(), _cycles(seed=1)
    model = SLIT(lambda_=1.0).fit_sequences(train, N_ITEMS)
    assert _next_item_accuracy(model, probe) == 1.0
    # The same items in reverse order predict the other direction: the model reads order.
    reverse = SLIT(lambda_=1.0).fit_sequences([s[::-1] for s in train], N_ITEMS)
    assert _next_item_accuracy(reverse, probe) == 0.0


def test_slit_refit_changes_only_lambda() -> None:
    model = SLIT(lambda_=1.0).fit_sequences(_cycles(), N_ITEMS)
    first = model.score_sequences([np.array([3, 4])])
    model.refit(1000.0)
    assert model.lambda_ == 1000.0
    shrunk = model.score_sequences([np.array([3, 4])])
    assert np.abs(shrunk).max() < np.abs(first).max()
    assert shrunk.argmax() == first.argmax() == 5


def test_slit_scores_an_empty_history_as_zeros_and_refuses_no_data() -> None:
    model = SLIT().fit_sequences(_cycles(), N_ITEMS)
    assert not model.score_sequences([np.array([], dtype=np.int64)]).any()
    with pytest.raises(ModelError, match="two or more items"):
        SLIT().fit_sequences([np.array([1])], N_ITEMS)
    with pytest.raises(ModelError, match="not trained"):
        SLIT().score_sequences([np.array([1])])


def test_sasrec_learns_the_ring_with_early_stopping() -> None:
    train = _cycles()
    model = SASRec(dim=16, heads=2, layers=1, dropout=0.0, lr=1e-2, batch_size=16, max_epochs=40,
                   eval_every=2, patience=10, max_len=8, seed=3)
    validation = np.array([(s[-1] + 1) % N_ITEMS for s in train])
    model.fit_sequences(train, N_ITEMS, validation=validation)
    assert model.log.best_epoch > 0 and model.log.best_ndcg10 > 0.9
    assert model.log.losses[-1] < model.log.losses[0]
    assert _next_item_accuracy(model, _cycles(seed=1)) >= 0.9


def test_sasrec_reads_histories_longer_than_its_window_and_empty_ones() -> None:
    model = SASRec(dim=8, heads=1, layers=1, max_epochs=1, max_len=4).fit_sequences(_cycles(), N_ITEMS)
    scores = model.score_sequences([np.arange(30) % N_ITEMS, np.array([], dtype=np.int64)])
    assert scores.shape == (2, N_ITEMS) and np.isfinite(scores).all()
    with pytest.raises(ModelError, match="not trained"):
        SASRec().score_sequences([np.array([1])])
