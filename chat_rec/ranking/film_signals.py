"""The ranking signals that start from the films a request names: item-kNN on the ratings, the
conversation model (backed off to item-kNN for films it never saw), and the films' kind.

``FilmSignals`` is a part of ``HybridRanker`` (``ranking/hybrid.py``), which builds the attributes
declared here; it holds the item-item scores so the ranker's module keeps the filters, the
per-request signals of text and genre, and the fusion.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from chat_rec.catalog.aspects import AspectIndex
    from chat_rec.interactions.conversation import ConversationModel
    from chat_rec.interactions.itemknn import ItemKNN
    from chat_rec.ranking.hybrid import RankRequest, RankWeights, VectorIndex

Rows = np.ndarray | slice
"""Catalog rows a computation covers: an index array, or ``slice(None)`` for all of them (a view, no copy)."""


KNN_SUPPORT = 10.0
"""A film rated this many times counts half in the conversation backoff (``FilmSignals.support``);
10 chosen among 0, 5, 10, 20 and 30 on the CRS dev files (docs/benchmarks.md "Twenty-ninth round")."""


class FilmSignals:
    """Item-item signals over the catalog rows of ``index`` (see the module doc)."""

    ids: np.ndarray
    index: VectorIndex
    weights: RankWeights
    aspects: AspectIndex | None
    collaborative: ItemKNN | None
    conversation: ConversationModel | None
    conversation_backoff: float
    conversation_popularity: np.ndarray
    raters: np.ndarray
    """Each row's number of ratings in the catalog."""
    knn_support: float = KNN_SUPPORT
    _kinds: np.ndarray | None
    _knn_rows: np.ndarray
    _knn_cols: np.ndarray
    _conv_rows: np.ndarray
    _conv_cols: np.ndarray

    def _conversation_rows(self, model: ConversationModel | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Catalog rows of the conversation model's columns, those columns, and the mention prior per row."""
        prior = np.zeros(len(self.ids), np.float32)
        if model is None:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), prior
        rows = np.array([self.index.row_of.get(int(i), -1) for i in model.item_ids], dtype=np.int64)
        cols = np.flatnonzero(rows >= 0)
        counts = model.counts[cols]
        top = float(np.log1p(counts.max())) if len(counts) and counts.max() > 0 else 1.0
        prior[rows[cols]] = np.log1p(counts) / top
        return rows[cols], cols, prior

    def _collaborative_rows(self, knn: ItemKNN | None) -> tuple[np.ndarray, np.ndarray]:
        """Catalog rows of the item-kNN's columns, and those columns: mapped once, not per turn and item."""
        if knn is None or knn.similarity is None:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        known = knn.item_ids if knn.item_ids is not None else np.arange(knn.similarity.shape[1])
        rows = np.array([self.index.row_of.get(int(i), -1) for i in known], dtype=np.int64)
        cols = np.flatnonzero(rows >= 0)
        return rows[cols], cols

    def _count(self, rows: Rows) -> int:
        return len(self.ids) if isinstance(rows, slice) else len(rows)

    def kinds(self) -> np.ndarray | None:
        """The rows' kind vectors (``catalog/kinds.py``), built on first use; None without an aspect index."""
        if self._kinds is None and self.aspects is not None:
            from chat_rec.catalog.kinds import kind_vectors

            self._kinds = kind_vectors(self.aspects)
        return self._kinds

    def _kind(self, req: RankRequest, rows: Rows) -> np.ndarray:
        row_of = self.index.row_of
        positive = [r for i in self._positives(req) if (r := row_of.get(int(i))) is not None]
        # nothing from dislikes alone: every well-tagged film shares much of a disliked film's kind, so with
        # nothing liked beside it the push sank every well-known film below untagged ones (after "Titanic, and
        # anything like The Notebook" at onboarding: little-known stand-up and documentaries)
        negative = [r for i in req.disliked_ids if (r := row_of.get(int(i))) is not None]
        kinds = self.kinds() if self.weights.kind and positive else None
        if kinds is None:
            return np.zeros(self._count(rows), np.float32)
        direction = np.zeros(kinds.shape[1], np.float32)
        if positive:
            direction += kinds[positive].mean(axis=0)
        if negative:
            direction -= kinds[negative].mean(axis=0)
        return np.asarray(kinds[rows] @ direction, dtype=np.float32)

    @staticmethod
    def _positives(req: RankRequest) -> tuple[int, ...]:
        """The item-item signals' positives: the request's seeds (else every liked film) and the
        context, less the films of a topic the person has left.
        """
        left = set(req.left_ids)
        return tuple(i for i in (*(req.seed_ids or req.liked_ids), *req.context_ids) if i not in left)

    def _collaborative(self, req: RankRequest, rows: Rows, allowed: np.ndarray) -> np.ndarray:
        """Item-kNN from the request's films less the disliked ones; nothing from dislikes alone: a film
        turned down with nothing liked beside it is co-rated with every well-known film (Titanic with all of
        them), so its push sank every popular film below little-known ones nobody rated with it.
        """
        positive = self._positives(req)
        return self._knn_signal(positive, req.disliked_ids if positive else (), rows, allowed)

    def _knn_signal(self, positive: Sequence[int], negative: Sequence[int], rows: Rows,
                    allowed: np.ndarray, supported: bool = False) -> np.ndarray:
        """Item-kNN scores from ``positive`` minus ``negative`` films, divided by the largest magnitude
        among the allowed items (zeros without either, or when the kNN knows none of them); with
        ``supported``, each film's similarities weigh its ``support``.
        """
        knn = self.collaborative
        if knn is None or not (positive or negative):
            return np.zeros(self._count(rows), np.float32)
        strength = {int(i): self.support(i) for i in (*positive, *negative)} if supported else None
        by_col = knn.score(positive, negative, strength=strength)[self._knn_cols]
        return self._scaled(by_col, self._knn_rows, rows, allowed)

    def support(self, item_id: int) -> float:
        """How far the rating kNN's neighbours of a film are to be trusted: n / (n + ``knn_support``),
        n being the film's ratings in the catalog (1 with ``knn_support`` 0).

        Half the catalog's films have two ratings or fewer; their cosine neighbours are whatever their
        one or two raters also rated (a recent film read as an old namesake rated twice drew that
        namesake's co-rated oddities through the conversation backoff). Support shrinks such a film's
        pull instead of trusting two raters as much as two hundred.
        """
        row = self.index.row_of.get(int(item_id))
        raters = float(self.raters[row]) if row is not None else 0.0
        return raters / (raters + self.knn_support) if self.knn_support > 0 else 1.0

    def _conversation(self, req: RankRequest, rows: Rows, allowed: np.ndarray) -> np.ndarray:
        """The conversation model's scores from the request's films, backed off to item-kNN for the
        films it was never trained on.

        The model knows the films people mention in ReDial (about 4,000); a liked film outside them
        ("Amélie", "Spirited Away") scored 0 everywhere, so the turn fell back to the mention prior:
        popular ReDial films. With ``conversation_backoff`` (b > 0) each film the model does not know
        (and the rating kNN does) adds its kNN scores instead; with k known films and u such films,
        s = (k * conversation(known) + b * u * t * kNN(unknown)) / (k + b * u), t being the unknown
        films' mean ``support`` (and each film's kNN scores weighing its own). A turn of well-rated
        unknown films alone is nearly all kNN; b < 1 keeps the conversation model in the lead when it
        knows some; a film rated twice pulls a sixth as hard as one rated often.
        """
        positive = self._positives(req)
        if self.conversation is None or not (positive or req.disliked_ids):
            return np.zeros(self._count(rows), np.float32)
        if self.conversation_backoff <= 0 or self.collaborative is None:
            return self._from_model(self.conversation.score(positive, req.disliked_ids), rows, allowed)
        model, knn = self.conversation, self.collaborative
        known_pos = [i for i in positive if model.column(i) is not None]
        known_neg = [i for i in req.disliked_ids if model.column(i) is not None]
        back_pos = [i for i in positive if model.column(i) is None and knn.knows(i)]
        back_neg = [i for i in req.disliked_ids if model.column(i) is None and knn.knows(i)]
        known, back = len(known_pos) + len(known_neg), self.conversation_backoff * (len(back_pos) + len(back_neg))
        signal = np.zeros(self._count(rows), np.float32)
        if known:
            signal += (known / (known + back)) * self._from_model(model.score(known_pos, known_neg), rows, allowed)
        if back:  # a film with few ratings counts its support's share of a film
            trust = float(np.mean([self.support(i) for i in (*back_pos, *back_neg)]))
            signal += (trust * back / (known + back)) * self._knn_signal(back_pos, back_neg, rows, allowed,
                                                                         supported=True)
        return signal

    def _from_model(self, scores: np.ndarray, rows: Rows, allowed: np.ndarray) -> np.ndarray:
        """The conversation model's per-column ``scores`` on the catalog's ``rows``, divided by the
        largest magnitude among the allowed items (0 for films the model never saw).
        """
        return self._scaled(scores[self._conv_cols], self._conv_rows, rows, allowed)

    def _scaled(self, by_col: np.ndarray, model_rows: np.ndarray, rows: Rows, allowed: np.ndarray) -> np.ndarray:
        """A model's scores (``by_col``, at catalog rows ``model_rows``) on ``rows``, divided by the largest
        magnitude among the items that may be shown; 0 for items the model never saw, or when all are 0.
        """
        scale = float(np.max(np.abs(by_col), where=allowed[model_rows], initial=0.0))
        if scale <= 0:
            return np.zeros(self._count(rows), np.float32)
        raw = np.zeros(len(self.ids), np.float32)
        raw[model_rows] = by_col
        return raw[rows] / scale
