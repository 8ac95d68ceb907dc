"""Preference-vector maths: a signal becomes v_t, and p <- alpha * p + (1 - alpha) * v_t.

Everything lives in the catalog's embedding space (L2-normalised item vectors). Pure numpy, no
database and no index: callers pass small lookup functions, so the maths is testable alone.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

import numpy as np

from chat_rec.errors import ConfigError

if TYPE_CHECKING:
    from chat_rec.catalog.models import Catalog
    from chat_rec.understanding.signal import PreferenceSignal

T = TypeVar("T")

ITEM_WEIGHT = 1.0
"""Pull of one named movie: the most specific evidence a user gives."""

GENRE_WEIGHT = 0.6
"""Pull of one named genre: broader, so weaker than a movie."""

ASPECT_WEIGHT = 0.6
"""Pull of one mood or topic ("dark", "space"), placed in item space by the items carrying it."""

DISLIKE_WEIGHT = 0.8
"""Dislikes push with this fraction of a like's strength (people name dislikes loosely)."""

PUSH_EVIDENCE = 0.3
"""A push counts this fraction of its weight as evidence (``evidence``): a turn with only a 👎 on
a movie moves p by 0.3 * 0.8 of a liked movie's step, one with only "less drama" by 0.3 * 0.48.
Chosen on the dev run (seed 1) from the measured change of cos(p, hidden taste) per 👎
(docs/benchmarks.md, "Does p move toward the person?")."""

EPS = 1e-8
"""Norms below this count as zero: the vector has no direction."""


class Part(NamedTuple):
    """One piece of a turn's evidence: its weight (negative: a push) and direction (unit for a pull;
    for a push, what is left of the unit vector once its reference is taken out).
    """

    weight: float
    unit: np.ndarray


ItemVectorFn = Callable[[int], "np.ndarray | None"]
GenreVectorFn = Callable[[str], "np.ndarray | None"]
AspectVectorFn = Callable[[str], "np.ndarray | None"]


def normalize(v: np.ndarray) -> np.ndarray | None:
    """``v`` scaled to unit length as float32, or None when it has no direction."""
    arr = np.asarray(v, dtype=np.float32).reshape(-1)
    norm = float(np.linalg.norm(arr))
    if not np.isfinite(norm) or norm < EPS:
        return None
    return (arr / norm).astype(np.float32)


def signal_parts(
    signal: PreferenceSignal,
    item_vector: ItemVectorFn,
    genre_vector: GenreVectorFn,
    aspect_vector: AspectVectorFn | None = None,
    shared: np.ndarray | None = None,
    shown: Sequence[int] = (),
) -> list[Part]:
    """The signal's evidence as weighted unit directions: pulls positive, pushes negative.

    Unknown ids and names are skipped. A push leaves the direction every catalog vector shares
    (``shared``, see ``mean_direction``) alone. A push on a card among the ``shown`` picks is
    taken against them (Rocchio against the shown set): away from what sets the disliked card
    apart from the picks it came with, not from what they share with the person's taste.
    """
    on_screen = [u for i in _unique(shown) if (vec := item_vector(i)) is not None and (u := normalize(vec)) is not None]
    screen_mean = np.mean(on_screen, axis=0) if len(on_screen) > 1 else None
    parts: list[tuple[float, np.ndarray | None, bool]] = []
    parts += [(ITEM_WEIGHT, item_vector(i), False) for i in _unique(signal.liked_ids)]
    parts += [(-ITEM_WEIGHT * DISLIKE_WEIGHT, item_vector(i), i in set(shown)) for i in _unique(signal.disliked_ids)]
    parts += [(GENRE_WEIGHT, genre_vector(g), False) for g in _unique(signal.liked_genres)]
    parts += [(-GENRE_WEIGHT * DISLIKE_WEIGHT, genre_vector(g), False) for g in _unique(signal.disliked_genres)]
    if aspect_vector is not None:
        parts += [(ASPECT_WEIGHT, aspect_vector(a), False) for a in _unique(signal.liked_aspects)]
        parts += [(-ASPECT_WEIGHT * DISLIKE_WEIGHT, aspect_vector(a), False)
                  for a in _unique(signal.disliked_aspects)]
    out: list[Part] = []
    for weight, vec, against_screen in parts:
        unit = None if vec is None else normalize(vec)
        if unit is None:
            continue
        # pushes keep their length after the reference is taken out: a card much like its list,
        # or a genre much like every movie, pushes little
        if weight < 0 and against_screen and screen_mean is not None:
            unit = unit - screen_mean
        elif weight < 0 and shared is not None:
            unit = unit - float(unit @ shared) * shared
        if float(np.linalg.norm(unit)) >= EPS:
            out.append(Part(weight, unit.astype(np.float32)))
    return out


def signal_vector(
    signal: PreferenceSignal,
    item_vector: ItemVectorFn,
    genre_vector: GenreVectorFn,
    aspect_vector: AspectVectorFn | None = None,
    shared: np.ndarray | None = None,
    shown: Sequence[int] = (),
) -> np.ndarray | None:
    """v_t: liked movies, genres and aspects pull, disliked ones push; unit length, or None if empty.

    ``item_vector`` / ``genre_vector`` return the (unit) embedding of an item id / genre name,
    or None when unknown; unknown names are skipped. Year ranges and intents carry no direction
    in embedding space, so a signal with only those gives None (the profile stays as it is).
    ``shared`` and ``shown`` set what a push is taken against (``signal_parts``).
    """
    return direction(signal_parts(signal, item_vector, genre_vector, aspect_vector, shared, shown))


def direction(parts: Sequence[Part]) -> np.ndarray | None:
    """The weighted sum of ``signal_parts`` at unit length, or None when it has no direction."""
    if not parts:
        return None
    return normalize(np.sum([part.weight * part.unit for part in parts], axis=0))


def evidence(parts: Sequence[Part]) -> float:
    """How much a turn says about where the taste lies, in [0, 1]: it scales the step (1 - alpha).

    A turn that likes something (a movie, a genre, a mood) takes a whole step. A turn that only
    pushes (a 👎, "less drama", "no horror") counts ``PUSH_EVIDENCE`` of its pushes' weight: what a
    person turns down is still near what they like (they watched it, it was picked for them), so
    it says little about which way the taste lies (docs/benchmarks.md measures it per event).
    """
    if any(part.weight > 0 for part in parts):
        return 1.0
    return float(min(1.0, sum(-part.weight * PUSH_EVIDENCE for part in parts)))


def step(
    p: np.ndarray | None,
    signal: PreferenceSignal,
    alpha: float,
    item_vector: ItemVectorFn,
    genre_vector: GenreVectorFn,
    aspect_vector: AspectVectorFn | None = None,
    shared: np.ndarray | None = None,
    shown: Sequence[int] = (),
) -> np.ndarray | None:
    """One turn's profile update: p <- alpha' p + (1 - alpha') v_t with 1 - alpha' = (1 - alpha) * evidence.

    A turn that carries no taste (no pull, no push: "anything else?", "seen it", a year range)
    leaves p as it is, and so does a turn that only pushes before any taste is known ("no horror", "Titanic"
    in answer to what to avoid): a push says which way the taste does not lie, not where it lies, and a profile
    started from one alone points at whatever is least like the films turned down (through the app, after
    Titanic and The Notebook were ruled out at onboarding, five little-known films with no ratings to speak of).
    The pushes still count as constraints (the profile's disliked films and genres).
    """
    parts = signal_parts(signal, item_vector, genre_vector, aspect_vector, shared, shown)
    if p is None and not any(part.weight > 0 for part in parts):
        return None
    return update(p, direction(parts), alpha, evidence(parts))


def update(p: np.ndarray | None, v: np.ndarray | None, alpha: float, weight: float = 1.0) -> np.ndarray | None:
    """p_{t+1} = (1 - b) * p_t + b * v_t with b = (1 - alpha) * weight (weight in [0, 1], default 1:
    the plain alpha * p_t + (1 - alpha) * v_t), renormalised to unit length.

    A first signal initialises the profile (p None -> v); a turn without direction leaves it as
    it is (v None -> p). If p and v cancel exactly, the newer evidence v wins.
    """
    if not 0.0 <= alpha <= 1.0 or not np.isfinite(alpha):
        raise ConfigError(f"alpha must be between 0 and 1 (got {alpha}); set CHAT_REC_ALPHA accordingly.")
    pu = None if p is None else normalize(p)
    vu = None if v is None else normalize(v)
    if pu is None:
        return vu
    if vu is None:
        return pu
    if pu.shape != vu.shape:
        raise ValueError(
            f"Profile vector has {pu.shape[0]} dimensions but the signal has {vu.shape[0]}; "
            "the embedding model changed, so reset the profile."
        )
    rate = (1.0 - alpha) * float(np.clip(weight, 0.0, 1.0))
    mixed = normalize((1.0 - rate) * pu + rate * vu)
    return vu if mixed is None else mixed


def mean_direction(vectors: np.ndarray) -> np.ndarray | None:
    """Unit mean of the catalog's item vectors: the direction every movie shares.

    Sentence embeddings are anisotropic: this mean has cosine ~.88 to a person's taste (the mean
    of the movies they like) and most items sit close to it. A 👎 that pushed p straight away from
    a disliked movie also pushed it away from every movie; ``signal_vector`` removes this part
    from pushes.
    """
    arr = np.asarray(vectors, dtype=np.float32)
    return normalize(arr.mean(axis=0)) if arr.ndim == 2 and len(arr) else None


def cosine(a: np.ndarray | None, b: np.ndarray | None) -> float:
    """Cosine similarity; 0.0 when either vector is missing or zero."""
    if a is None or b is None:
        return 0.0
    a = np.asarray(a, dtype=np.float64).reshape(-1)
    b = np.asarray(b, dtype=np.float64).reshape(-1)
    na, nb = float(np.linalg.norm(a)), float(np.linalg.norm(b))
    if na < EPS or nb < EPS:
        return 0.0
    return float(np.clip(a @ b / (na * nb), -1.0, 1.0))


def genre_centroids(
    ids: Sequence[int] | np.ndarray,
    vectors: np.ndarray,
    catalog: Catalog,
) -> dict[str, np.ndarray]:
    """Genre -> unit mean of its items' vectors: how a genre name is placed in item space.

    ``ids`` are item ids in the row order of ``vectors`` (as ``CatalogIndex.ids`` / ``.vectors``);
    ids missing from the catalog and genres whose mean has no direction are skipped.
    """
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or vectors.shape[0] != len(ids):
        raise ValueError(f"vectors must be (len(ids), d); got {vectors.shape} for {len(ids)} ids")
    rows: dict[str, list[int]] = defaultdict(list)
    for row, item_id in enumerate(ids):
        item = catalog.items.get(int(item_id))
        if item is not None:
            for genre in item.genres:
                rows[genre].append(row)
    out: dict[str, np.ndarray] = {}
    for genre, idx in rows.items():
        unit = normalize(vectors[idx].mean(axis=0))
        if unit is not None:
            out[genre] = unit
    return out


def _unique(values: Iterable[T]) -> list[T]:
    """Values in first-seen order without repeats (a title named twice counts once)."""
    return list(dict.fromkeys(values))
