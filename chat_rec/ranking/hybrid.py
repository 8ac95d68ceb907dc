"""The hybrid ranker: hard filters, then content + collaborative + popularity + genre, then MMR.

Scoring is exact numpy over the rows the filters let through (every catalog vector when no
candidates are given: about 1 ms for 10k items), so no candidate is lost to an approximate index
before the filters apply. Every returned item carries its score breakdown, the raw material the
LLM explains from.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

import numpy as np
from threadpoolctl import ThreadpoolController

from chat_rec.catalog.models import Catalog, Item
from chat_rec.interactions.conversation import ConversationModel
from chat_rec.interactions.itemknn import ItemKNN
from chat_rec.ranking.film_signals import FilmSignals, Rows
from chat_rec.ranking.mmr import mmr
from chat_rec.ranking.mood_lean import genre_lean

if TYPE_CHECKING:
    from pathlib import Path

    from chat_rec.catalog.aspects import AspectIndex
    from chat_rec.ranking.retriever import QueryRetriever

BREAKDOWN_KEYS: tuple[str, ...] = ("content", "collaborative", "popularity", "genre", "aspect", "conversation",
                                   "conversation_popularity", "conversation_genre", "query", "kind", "final")

ONE_THREAD_ROWS = 200_000
"""Below this many scored rows, BLAS runs on one thread (see ``_blas_threads``)."""

BLOCK_ROWS = 4096
"""Rows per block when several vectors are scored in one pass (6 MB of float32 384-d vectors)."""

class VectorIndex(Protocol):
    """What the ranker needs from ``CatalogIndex``: aligned ids and unit vectors."""

    @property
    def ids(self) -> np.ndarray: ...

    @property
    def vectors(self) -> np.ndarray: ...

    @property
    def row_of(self) -> Mapping[int, int]: ...


class TurnGate(Protocol):
    """Chooses the signal weights for one request (a learned gate; ``ranking/learned.py``)."""

    def weights_for(self, ranker: HybridRanker, req: RankRequest) -> RankWeights: ...


@dataclass(frozen=True)
class RankWeights:
    """How the signals add up: final = sum of weight * signal (signals listed below).

    content: cosine of the item to the profile / query vectors (about -0.1..0.8 for MiniLM);
    collaborative: item-kNN score from liked minus disliked items, scaled to [-1, 1];
    popularity: log(1 + ratings) / log(1 + most ratings), in [0, 1];
    genre: share of this turn's liked genres the item has, in [0, 1];
    aspect: the item's match to the moods and topics asked for (liked minus disliked), in [-1, 1].
    conversation: the conversation model's score from liked and context minus disliked items,
    scaled to [-1, 1]; conversation_popularity: log(1 + mentions) / log(1 + most mentions);
    conversation_genre: how often people mention the item when this turn's liked genres are asked
    for in conversation (``ConversationModel.genre_score``), scaled to [0, 1] over the allowed items.
    The two conversation signals weigh 0 here; a trained model's ``weights.json`` sets them.
    Defaults tuned on the CRS dev/valid dialogues (docs/benchmarks.md): popularity weighs a lot there.
    """

    content: float = 1.0
    collaborative: float = 0.6
    popularity: float = 1.0
    genre: float = 0.5
    aspect: float = 0.8
    """Chosen on the mood dev queries with the CRS dev sets held level (docs/benchmarks.md)."""
    conversation: float = 0.0
    conversation_popularity: float = 0.0
    conversation_genre: float = 0.0
    query: float = 0.0
    """Cosine of the item to the retrieval query alone (the last turns' text, ``ranking/query.py``) on
    top of its share in ``content``; 0 here, learned in ``weights.json``."""
    query_turns: int = 1
    """Turns the retrieval query reads, the message included (``ranking/query.py``): 1 = the message
    alone; a trained model's ``weights.json`` sets the window chosen on its validation dialogues."""
    query_share: float = 0.5
    """When both vectors are given, content = (1 - q) * cos(profile) + q * cos(query)."""
    kind: float = 2.0
    """Cosine of the item's kind (its own terms, ``catalog/kinds.py``) to the mean kind of the
    request's films (seeds or liked, and context) less that of the disliked ones, in [-1, 1].
    The default without a trained model, 2.0, chosen among 0, 1, 2 on the CRS dev sets (docs/benchmarks.md
    "Twenty-eighth round"); a trained model's ``weights.json`` sets its own (``learned.WEIGHT_NAMES``,
    fitted since the twenty-ninth round)."""
    pool: int = 100
    """How many top-scored items MMR chooses from."""


@dataclass
class RankRequest:
    """One ranking call: what the user wants now, and what must never come back."""

    profile_vector: np.ndarray | None = None
    query_vector: np.ndarray | None = None
    liked_ids: Sequence[int] = ()
    disliked_ids: Sequence[int] = ()
    context_ids: Sequence[int] = ()
    """Movies named in the conversation without a verdict: weak positives for the item-item scores."""
    seed_ids: Sequence[int] = ()
    """The films the request asks for more of; when set, the item-item scores start from them (and
    the context) instead of from every liked film."""
    left_ids: Collection[int] = ()
    """Films of a topic the person has left: neither seeds nor context for the item-item scores."""
    exclude_ids: Collection[int] = ()
    """Seen, rejected or just-mentioned items; liked and disliked ids are excluded too."""
    excluded_genres: Collection[str] = ()
    """Hard filter: an item with any of these genres is never returned."""
    required_genres: Collection[str] = ()
    """Soft boost (genres liked this turn), not a filter."""
    liked_aspects: Sequence[str] = ()
    """Moods, topics and attributes asked for ("dark", "space"): items whose text carries them rise."""
    disliked_aspects: Sequence[str] = ()
    """Aspects to avoid ("violent"): items carrying them sink (a push, not a filter)."""
    asked_aspects: Sequence[str] = ()
    """The liked aspects the message itself asks for (not carried from earlier turns); without genres
    named, the genres they lean to stand for the request in the conversation genre prior."""
    year_min: int | None = None
    year_max: int | None = None
    """Inclusive bounds; with either set, items without a year are left out."""
    k: int = 5
    diversity: float = 0.3
    """MMR trade-off: 0 = pure relevance order, 1 = pure diversity."""
    candidate_ids: Collection[int] | None = None
    """Rank only these ids (e.g. what retrieval found); None ranks the whole catalog."""


@dataclass(frozen=True)
class ScoredItem:
    """A recommended item, its final score and the signals behind it."""

    item: Item
    score: float
    breakdown: dict[str, float] = field(default_factory=dict)


def _unit(vector: np.ndarray | None) -> np.ndarray | None:
    if vector is None:
        return None
    v = np.asarray(vector, dtype=np.float32).ravel()
    norm = float(np.linalg.norm(v))
    return v / norm if norm > 0 else None


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


@contextmanager
def _blas_threads(rows: int) -> Iterator[None]:
    """One BLAS thread for a small product, the default for a large one.

    A 10k x 384 product takes about 1 ms on one core; split over two, it waits for the second
    core whenever another process holds it (measured 8 ms on a busy 2-core machine). A product
    over a million rows is long enough that the second thread pays for itself.
    """
    if rows >= ONE_THREAD_ROWS:
        yield
        return
    with _blas().limit(limits=1, user_api="blas"):
        yield


def top_positions(scores: np.ndarray, ids: np.ndarray, n: int) -> np.ndarray:
    """Positions of the ``n`` best scores, best first, ties to the smaller id: a full sort's head.

    Partitions first, so only the few scores at or above the n-th best are sorted.
    """
    if n <= 0 or len(scores) == 0:
        return np.zeros(0, dtype=np.int64)
    if n < len(scores):
        nth_best = -np.partition(-scores, n - 1)[n - 1]
        head = np.flatnonzero(scores >= nth_best)  # every tie of the n-th best, so the sort can order them
    else:
        head = np.arange(len(scores))
    order = np.lexsort((ids[head], -scores[head]))[:n]
    return head[order]


class HybridRanker(FilmSignals):
    """Ranks the whole catalog for a request; per-genre masks and arrays are built once.

    The signals that start from the films a request names (item-kNN, the conversation model, the films'
    kind) are ``FilmSignals``' (``ranking/film_signals.py``).
    """

    def __init__(self, catalog: Catalog, index: VectorIndex, collaborative: ItemKNN | None = None,
                 weights: RankWeights | None = None, aspects: AspectIndex | None = None,
                 conversation: ConversationModel | None = None) -> None:
        self.catalog = catalog
        self.conversation = conversation
        """Item-item weights learned from CRS dialogues (``chat-rec train conversations``); optional."""
        self.index = index
        self.collaborative = collaborative
        self.weights = weights or RankWeights()
        self.ids = np.asarray(index.ids, dtype=np.int64)
        if aspects is not None and not np.array_equal(np.asarray(aspects.ids), self.ids):
            raise ValueError("the aspect index was built over other rows than this vector index")
        self.gate: TurnGate | None = None
        """Turns the weights per request (``ranking/learned.py: GatedWeights``); None: ``weights`` always."""
        self.retriever: QueryRetriever | None = None
        """Embeds the retrieval query when set (``ranking/retriever.py``); None: the index's embedder."""
        self.conversation_backoff = 0.3
        """How much a film the conversation model does not know counts, by its item-kNN scores, in
        that signal against a film it knows (``_conversation``); 0: nothing (settings ``conversation_backoff``)."""
        self.aspects = aspects
        """Matches moods and topics to items' tags, genres and keywords; None scores aspects 0."""
        self.vectors = np.asarray(index.vectors, dtype=np.float32)
        self.items: list[Item | None] = [catalog.get(int(i)) for i in self.ids]
        self.known = np.array([it is not None for it in self.items], dtype=bool)
        self.years = np.array([it.year if it and it.year else np.nan for it in self.items], dtype=np.float64)
        pops = np.array([it.popularity if it else 0 for it in self.items], dtype=np.float64)
        self.raters = pops
        top = np.log1p(pops.max()) if len(pops) and pops.max() > 0 else 1.0
        self.popularity = (np.log1p(pops) / top).astype(np.float32)
        self.genre_masks: dict[str, np.ndarray] = {}
        for row, it in enumerate(self.items):
            for g in it.genres if it else ():
                self.genre_masks.setdefault(g.lower(), np.zeros(len(self.ids), bool))[row] = True
        self._most_popular: dict[int, list[int]] = {}
        self._kinds: np.ndarray | None = None
        self._mood_genres: dict[tuple[str, ...], tuple[str, ...]] = {}
        self._knn_rows, self._knn_cols = self._collaborative_rows(collaborative)
        self._conv_rows, self._conv_cols, self.conversation_popularity = self._conversation_rows(conversation)

    @classmethod
    def with_collaborative(cls, catalog: Catalog, index: VectorIndex, weights: RankWeights | None = None,
                           min_rating: float | None = None, aspects: AspectIndex | None = None,
                           conversation: ConversationModel | None = None,
                           cache_dir: Path | None = None, alpha: float = 0.5, shrink: float = 0.0) -> HybridRanker:
        """A ranker with item-kNN fitted on the catalog's ratings (a few seconds; loaded from ``cache_dir``
        when fitted there before), if it has any; ``alpha`` and ``shrink``: see ``ItemKNN``.
        """
        knn = (ItemKNN.from_ratings(catalog.ratings, catalog.ids, min_rating, cache_dir=cache_dir,
                                    alpha=alpha, shrink=shrink)
               if len(catalog.ratings) else None)
        return cls(catalog, index, knn, weights, aspects=aspects, conversation=conversation)

    def most_popular(self, n: int) -> list[int]:
        """The ``n`` most-rated items (unordered); computed once per ``n``, as it depends on the catalog only."""
        n = min(n, len(self.ids))
        if n <= 0:
            return []
        if n not in self._most_popular:
            top = np.argpartition(-self.popularity, n - 1)[:n]
            self._most_popular[n] = [int(i) for i in self.ids[top]]
        return list(self._most_popular[n])

    def ids_with_genres(self, genres: Collection[str]) -> set[int]:
        """Catalog ids carrying any of ``genres``."""
        return {int(i) for i in self.ids[self._genre_mask(genres)]}

    def mood_genres(self, phrases: Sequence[str]) -> tuple[str, ...]:
        """The genres the films of a mood or topic lean to (``mood_lean.genre_lean``: "funny" leans to
        comedy, "space" to sci-fi and adventure, "dark" to none), lower-case; () without aspects.
        Computed once per phrase set.
        """
        key = tuple(dict.fromkeys(phrases))
        if key not in self._mood_genres:
            scores = self.aspect_scores(key) if key else None
            self._mood_genres[key] = () if scores is None else genre_lean(scores, self.genre_masks)
        return self._mood_genres[key]

    def ids_with_aspects(self, phrases: Sequence[str]) -> set[int]:
        """Catalog ids whose own tags or keywords match one of the aspect ``phrases`` (none without aspects)."""
        if self.aspects is None or not phrases:
            return set()
        mask = np.zeros(len(self.ids), bool)
        for phrase in dict.fromkeys(phrases):
            mask |= self.aspects.tagged(phrase) > 0
        return {int(i) for i in self.ids[mask]}

    def ids_avoided(self, phrases: Sequence[str]) -> set[int]:
        """Catalog ids that carry a mood the person rules out (``AspectIndex.avoided``), each mood's
        films counted only while they are at most ``avoid_share`` of the catalog; none without aspects.
        """
        if self.aspects is None or not phrases:
            return set()
        mask = np.zeros(len(self.ids), bool)
        for phrase in dict.fromkeys(phrases):
            rows = self.aspects.avoided(phrase)
            if np.count_nonzero(rows) <= self.aspects.config.avoid_share * len(rows):
                mask |= rows
        return {int(i) for i in self.ids[mask]}

    def _genre_mask(self, genres: Collection[str]) -> np.ndarray:
        mask = np.zeros(len(self.ids), bool)
        for g in genres:
            if g.lower() in self.genre_masks:
                mask |= self.genre_masks[g.lower()]
        return mask

    def filter_mask(self, excluded_genres: Collection[str] = (), year_min: int | None = None,
                    year_max: int | None = None) -> np.ndarray:
        """Catalog items outside the excluded genres and inside the year range (unknown years fail it)."""
        ok = self.known & ~self._genre_mask(excluded_genres) if excluded_genres else self.known.copy()
        if year_min is not None or year_max is not None:
            with np.errstate(invalid="ignore"):
                if year_min is not None:
                    ok &= self.years >= year_min
                if year_max is not None:
                    ok &= self.years <= year_max
        return ok

    def allowed(self, req: RankRequest) -> np.ndarray:
        """Boolean mask of the items every hard filter lets through."""
        ok = self.filter_mask(req.excluded_genres, req.year_min, req.year_max)
        if req.candidate_ids is not None:
            only = np.zeros(len(self.ids), bool)
            rows = [self.index.row_of.get(int(i)) for i in req.candidate_ids]
            only[[r for r in rows if r is not None]] = True
            ok &= only
        for item_id in (*req.exclude_ids, *req.liked_ids, *req.disliked_ids):
            row = self.index.row_of.get(int(item_id))
            if row is not None:
                ok[row] = False
        return ok

    def nearest(self, queries: Sequence[tuple[np.ndarray, int]], mask: np.ndarray) -> list[list[int]]:
        """For each (vector, n), the ids of the exact cosine top n among the items ``mask`` lets through.

        Best first, ties to the smaller id; all the queries share one pass over the vectors.
        """
        rows = np.flatnonzero(mask)
        found: list[list[int]] = [[] for _ in queries]
        asked = [(k, unit, n) for k, (vector, n) in enumerate(queries) if (unit := _unit(vector)) is not None and n > 0]
        if not asked or len(rows) == 0:
            return found
        scores = self._cosines([unit for _, unit, _ in asked], rows)
        ids = self.ids[rows]
        for column, (k, _, n) in zip(scores, asked, strict=True):
            found[k] = [int(i) for i in ids[top_positions(column, ids, n)]]
        return found

    def _cosines(self, vectors: Sequence[np.ndarray], rows: Rows) -> np.ndarray:
        """``self.vectors[rows] @ v`` for each unit vector v, as rows of a (len(vectors), len(rows)) array.

        A few rows are gathered first. Otherwise the whole matrix is read once: one product for
        one vector; for several, block by block, each block multiplied by every vector while it
        is still in cache (two queries over 100k items then cost about one).
        """
        count = self._count(rows)
        if 3 * count < len(self.ids):
            with _blas_threads(count):
                chosen = self.vectors[rows]
                return np.stack([chosen @ v for v in vectors])
        if len(vectors) == 1:
            with _blas_threads(count):
                return (self.vectors @ vectors[0])[rows][None, :]
        out = np.empty((len(vectors), len(self.ids)), np.float32)
        with _blas_threads(0):  # blocks are small: one thread
            for start in range(0, len(self.ids), BLOCK_ROWS):
                block = self.vectors[start:start + BLOCK_ROWS]
                for j, v in enumerate(vectors):
                    np.matmul(block, v, out=out[j, start:start + BLOCK_ROWS])
        return out[:, rows]

    def _content(self, req: RankRequest, rows: Rows) -> np.ndarray:
        p, q = _unit(req.profile_vector), _unit(req.query_vector)
        if p is not None and q is not None:  # (1 - s) V p + s V q, as one product
            share = self.weights.query_share
            p = ((1.0 - share) * p + share * q).astype(np.float32)
        direction = p if p is not None else q
        if direction is None:
            return np.zeros(self._count(rows), np.float32)
        return self._cosines([direction], rows)[0]

    def _query(self, req: RankRequest, rows: Rows) -> np.ndarray:
        q = _unit(req.query_vector)
        return np.zeros(self._count(rows), np.float32) if q is None else self._cosines([q], rows)[0]

    def asked_genres(self, required_genres: Collection[str], asked_aspects: Sequence[str]) -> Collection[str]:
        """The genres a request asks for, for the conversation model's genre prior: those named, or
        else those the moods the message asks for lean to (``mood_genres``): in conversation
        "something that makes me laugh" is an ask for comedies.
        """
        return required_genres or (self.mood_genres(asked_aspects) if asked_aspects else ())

    def _conversation_genre(self, req: RankRequest, rows: Rows, allowed: np.ndarray) -> np.ndarray:
        if self.conversation is None:
            return np.zeros(self._count(rows), np.float32)
        genres = self.asked_genres(req.required_genres, req.asked_aspects)
        if not genres:
            return np.zeros(self._count(rows), np.float32)
        return self._from_model(self.conversation.genre_score(genres), rows, allowed)

    def _genre(self, req: RankRequest, rows: Rows) -> np.ndarray:
        wanted = [g.lower() for g in req.required_genres if g.lower() in self.genre_masks]
        hits = np.zeros(self._count(rows), np.float32)
        if not wanted:
            return hits
        for g in wanted:
            hits += self.genre_masks[g][rows]
        return hits / np.float32(len(wanted))

    def aspect_scores(self, liked: Sequence[str], disliked: Sequence[str] = ()) -> np.ndarray | None:
        """Aspect match per catalog row (liked minus disliked, in [-1, 1]); None without aspects."""
        if self.aspects is None or not (liked or disliked):
            return None
        return self.aspects.scores(liked, disliked)

    def _aspect(self, req: RankRequest, rows: Rows) -> np.ndarray:
        scores = self.aspect_scores(req.liked_aspects, req.disliked_aspects)
        return np.zeros(self._count(rows), np.float32) if scores is None else scores[rows]

    def signals(self, req: RankRequest) -> tuple[np.ndarray, Rows, dict[str, np.ndarray]]:
        """(allowed mask, rows scored, each signal over those rows): the raw material of ``rank``.

        Signals cover the rows the filters let through when they are few (a candidate list);
        when most rows pass, they cover the whole catalog without copies.
        """
        allowed = self.allowed(req)
        count = int(np.count_nonzero(allowed))
        rows: Rows = slice(None) if 3 * count >= len(self.ids) else np.flatnonzero(allowed)
        signals = {
            "content": self._content(req, rows),
            "collaborative": self._collaborative(req, rows, allowed),
            "popularity": self.popularity[rows],
            "genre": self._genre(req, rows),
            "aspect": self._aspect(req, rows),
            "conversation": self._conversation(req, rows, allowed),
            "conversation_popularity": self.conversation_popularity[rows],
            "conversation_genre": self._conversation_genre(req, rows, allowed),
            "query": self._query(req, rows),
            "kind": self._kind(req, rows),
        }
        return allowed, rows, signals

    def _final(self, w: RankWeights, signals: dict[str, np.ndarray], rows: Rows) -> np.ndarray:
        final = np.zeros(self._count(rows), np.float32)
        for name, values in signals.items():  # summed in place, in the order of the weights' formula
            weight = getattr(w, name)
            if weight:
                final += weight * values
        return final

    def evidence(self, req: RankRequest, item_id: int) -> dict[str, tuple[float, float]] | None:
        """Each signal's value for ``item_id`` under this request and the share of the catalog
        scoring below it, ignoring the request's filters and exclusions: what the ranker knows
        about how the film fits the person, whatever is on screen. None outside the index.
        """
        row = self.index.row_of.get(int(item_id))
        if row is None:
            return None
        whole = replace(req, exclude_ids=(), excluded_genres=(), year_min=None, year_max=None, candidate_ids=None)
        _, rows, signals = self.signals(whole)
        if not isinstance(rows, slice):  # filters left most of the catalog out: no catalog-wide view
            return None
        return {name: (float(values[row]), float(np.mean(values < values[row]))) for name, values in signals.items()}

    def rank(self, req: RankRequest) -> list[ScoredItem]:
        """The top ``req.k`` items after filters, scoring and MMR; [] when the filters leave none.

        The rows the filters drop get a final score of -inf when the whole catalog is scored.
        """
        if req.k <= 0:
            return []
        allowed, rows, signals = self.signals(req)
        count = int(np.count_nonzero(allowed))
        if count == 0:
            return []
        w = self.weights if self.gate is None else self.gate.weights_for(self, req)
        final = self._final(w, signals, rows)
        if isinstance(rows, slice):
            final[~allowed] = -np.inf
        pool = top_positions(final, self.ids[rows], min(max(w.pool, req.k), count))
        catalog_rows = pool if isinstance(rows, slice) else rows[pool]
        with _blas_threads(len(pool)):
            picks = mmr(final[pool], self.vectors[catalog_rows], req.k, req.diversity)
        out = []
        for pick in picks:
            pos = int(pool[pick])
            item = self.items[int(catalog_rows[pick])]
            assert item is not None
            breakdown = {name: round(float(values[pos]), 6) for name, values in signals.items()}
            breakdown["final"] = round(float(final[pos]), 6)
            out.append(ScoredItem(item=item, score=float(final[pos]), breakdown=breakdown))
        return out
