from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from chat_rec.catalog.models import Catalog, Item
from chat_rec.errors import ChatRecError
from chat_rec.profile.vector import cosine, genre_centroids, normalize, signal_vector, update
from chat_rec.understanding.signal import PreferenceSignal

DIM = 8


def unit(i: int, dim: int = DIM) -> np.ndarray:
    v = np.zeros(dim, dtype=np.float32)
    v[i] = 1.0
    return v


ITEMS = {1: unit(0), 2: unit(1), 3: unit(2)}
GENRE_VECS = {"Comedy": unit(3), "Horror": unit(4)}


def sv(**kw: object) -> np.ndarray | None:
    return signal_vector(PreferenceSignal(**kw), ITEMS.get, GENRE_VECS.get)


def test_liked_movie_pulls_and_disliked_pushes() -> None:
    v = sv(liked_ids=[1], disliked_ids=[2])
    assert v is not None
    assert np.isclose(np.linalg.norm(v), 1.0)
    assert cosine(v, ITEMS[1]) > 0.5
    assert cosine(v, ITEMS[2]) < 0
    # a like outweighs a dislike of the same strength class
    assert cosine(v, ITEMS[1]) > abs(cosine(v, ITEMS[2]))


def test_genres_pull_less_than_movies() -> None:
    v = sv(liked_ids=[1], liked_genres=["Comedy"], disliked_genres=["Horror"])
    assert v is not None
    assert cosine(v, ITEMS[1]) > cosine(v, GENRE_VECS["Comedy"]) > 0
    assert cosine(v, GENRE_VECS["Horror"]) < 0


def test_signal_without_direction_gives_none() -> None:
    assert sv() is None
    assert sv(year_min=1990, wants_new_recommendations=True) is None
    assert sv(liked_ids=[999], liked_genres=["Western"]) is None  # unknown to the lookups


def test_a_title_named_twice_counts_once() -> None:
    assert np.allclose(sv(liked_ids=[1, 1, 1], liked_genres=["Comedy"]),
                       sv(liked_ids=[1], liked_genres=["Comedy"]))


def test_update_first_signal_initialises_and_empty_signal_keeps() -> None:
    v = normalize(np.arange(1, DIM + 1, dtype=np.float32))
    assert np.allclose(update(None, v, 0.7), v)
    assert np.allclose(update(v, None, 0.7), v)
    assert update(None, None, 0.7) is None


def test_update_alpha_extremes() -> None:
    p, v = unit(0), unit(1)
    assert np.allclose(update(p, v, 1.0), p)
    assert np.allclose(update(p, v, 0.0), v)
    mid = update(p, v, 0.5)
    assert np.isclose(cosine(mid, p), cosine(mid, v))


@pytest.mark.parametrize("alpha", [-0.1, 1.5, float("nan")])
def test_update_rejects_bad_alpha(alpha: float) -> None:
    with pytest.raises(ChatRecError, match="CHAT_REC_ALPHA"):
        update(unit(0), unit(1), alpha)


def test_update_rejects_dimension_change() -> None:
    with pytest.raises(ValueError, match="reset the profile"):
        update(unit(0, 8), unit(0, 4), 0.5)


def test_opposite_vectors_cancelling_take_the_new_evidence() -> None:
    assert np.allclose(update(unit(0), -unit(0), 0.5), -unit(0))


def test_cosine_of_missing_or_zero_is_zero() -> None:
    assert cosine(None, unit(0)) == 0.0
    assert cosine(np.zeros(DIM), unit(0)) == 0.0
    assert cosine(unit(0), 3 * unit(0)) == pytest.approx(1.0)


def test_genre_centroids_are_unit_means_of_their_items() -> None:
    catalog = Catalog(name="t", items={
        1: Item(1, "A", 2000, ("Comedy",)),
        2: Item(2, "B", 2001, ("Comedy", "Drama")),
        3: Item(3, "C", 2002, ()),
    })
    ids = np.array([1, 2, 3, 42])
    vectors = np.stack([unit(0), unit(1), unit(2), unit(3)])
    centroids = genre_centroids(ids, vectors, catalog)
    assert set(centroids) == {"Comedy", "Drama"}
    assert np.allclose(centroids["Comedy"], normalize(unit(0) + unit(1)))
    assert np.allclose(centroids["Drama"], unit(1))
    with pytest.raises(ValueError):
        genre_centroids(ids[:2], vectors, catalog)


vectors = arrays(np.float64, DIM, elements=st.floats(-1, 1, allow_nan=False)).filter(
    lambda a: np.linalg.norm(a) > 0.05
)


@settings(max_examples=200, deadline=None)
@given(p=vectors, v=vectors, alpha=st.floats(0, 1))
def test_update_moves_toward_v_and_stays_unit(p: np.ndarray, v: np.ndarray, alpha: float) -> None:
    p_unit = normalize(p)
    new = update(p_unit, v, alpha)
    assert new is not None
    assert np.linalg.norm(new) == pytest.approx(1.0, abs=1e-5)
    assert cosine(new, v) >= cosine(p_unit, v) - 1e-5


def test_a_push_leaves_the_shared_direction_alone() -> None:
    """A 👎 pushes along what sets the movie apart, not away from every movie (issue 12)."""
    from chat_rec.profile.vector import mean_direction

    vectors = np.asarray([[0.9, 0.1, 0.0], [0.9, -0.1, 0.0], [0.9, 0.0, 0.1]], dtype=np.float32)
    shared = mean_direction(vectors)
    assert shared is not None and np.linalg.norm(shared) == pytest.approx(1.0)
    signal = PreferenceSignal(disliked_ids=[0])
    items = {0: vectors[0]}
    plain = signal_vector(signal, items.get, lambda g: None)
    centered = signal_vector(signal, items.get, lambda g: None, shared=shared)
    assert plain is not None and centered is not None
    assert float(plain @ shared) < -0.9  # without it: away from every movie
    assert abs(float(centered @ shared)) < 1e-5 and centered[1] < 0  # only away from what is particular to it


def test_a_push_on_a_shown_card_is_taken_against_the_other_picks() -> None:
    """Rocchio against the shown set: a 👎 moves p away from what sets the card apart from its list,
    not away from what the list has in common (issue 12: pushes moved p away from the taste)."""
    from chat_rec.profile.vector import signal_parts

    region = np.asarray([0.0, 0.0, 1.0, 0.0])
    items = {i: normalize(region + 0.3 * unit(i, 4)) for i in (0, 1)}
    items[2] = normalize(region - 0.3 * unit(0, 4))
    signal = PreferenceSignal(disliked_ids=[0])
    alone = signal_vector(signal, items.get, lambda g: None)
    against = signal_vector(signal, items.get, lambda g: None, shown=[0, 1, 2])
    assert alone is not None and against is not None
    assert float(alone @ region) < -0.9  # pushed out of the region the whole list sits in
    assert float(against @ region) > float(alone @ region) + 0.5
    assert against[0] < 0  # still away from what is particular to the disliked card
    # a push on a card not on screen keeps the catalog-wide reference
    (part,) = signal_parts(signal, items.get, lambda g: None, shown=[1, 2])
    assert part.weight < 0 and np.allclose(part.unit, normalize(items[0]))


def test_step_scales_the_update_by_the_turns_evidence() -> None:
    """A like moves p by (1 - alpha); a turn that only pushes (a 👎, "less comedy") by less; a turn
    with no taste not at all."""
    from chat_rec.profile.vector import PUSH_EVIDENCE, evidence, signal_parts, step

    p = normalize(np.ones(DIM, dtype=np.float32))
    like = step(p, PreferenceSignal(liked_ids=[1]), 0.7, ITEMS.get, GENRE_VECS.get)
    push = step(p, PreferenceSignal(disliked_ids=[1]), 0.7, ITEMS.get, GENRE_VECS.get)
    genre = step(p, PreferenceSignal(disliked_genres=["Comedy"]), 0.7, ITEMS.get, GENRE_VECS.get)
    mixed = step(p, PreferenceSignal(liked_ids=[2], disliked_genres=["Comedy"]), 0.7, ITEMS.get, GENRE_VECS.get)
    assert like is not None and push is not None and genre is not None and mixed is not None
    assert np.allclose(like, update(p, ITEMS[1], 0.7))
    assert np.allclose(mixed, update(p, ITEMS[2] - 0.48 * GENRE_VECS["Comedy"], 0.7))  # a pull: a whole step
    moved = {name: 1.0 - cosine(p, q) for name, q in (("like", like), ("push", push), ("genre", genre))}
    assert 0 < moved["genre"] < moved["push"] < 0.5 * moved["like"]
    parts = signal_parts(PreferenceSignal(disliked_ids=[1]), ITEMS.get, GENRE_VECS.get)
    assert evidence(parts) == pytest.approx(0.8 * PUSH_EVIDENCE)
    assert evidence(signal_parts(PreferenceSignal(liked_ids=[1, 2]), ITEMS.get, GENRE_VECS.get)) == 1.0
    assert step(p, PreferenceSignal(seen_ids=[1], year_min=1990), 0.7, ITEMS.get, GENRE_VECS.get) is not None
    assert np.allclose(step(p, PreferenceSignal(seen_ids=[1]), 0.7, ITEMS.get, GENRE_VECS.get), p)
    # a push alone starts no profile: it says where the taste does not lie, not where it lies
    assert step(None, PreferenceSignal(disliked_ids=[1]), 0.7, ITEMS.get, GENRE_VECS.get) is None
    assert step(None, PreferenceSignal(disliked_genres=["Comedy"]), 0.7, ITEMS.get, GENRE_VECS.get) is None
    # the first pull starts it, pushes beside it included
    first = step(None, PreferenceSignal(liked_ids=[2], disliked_ids=[1]), 0.7, ITEMS.get, GENRE_VECS.get)
    assert first is not None and float(first @ ITEMS[1]) < float(first @ ITEMS[2])


def test_update_weight_zero_keeps_p() -> None:
    p, v = normalize(unit(0) + unit(1)), unit(2)
    assert np.allclose(update(p, v, 0.7, weight=0.0), p)
    assert np.allclose(update(p, v, 0.7, weight=1.0), update(p, v, 0.7))
