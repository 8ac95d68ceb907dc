"""What people recommend in conversation: an item-item model learned from CRS dialogues.

Each training conversation is one row of a conversations x items matrix: a movie the seeker liked
counts 1, one mentioned without a like ``unliked_weight``. EASE (Steck 2019) on that matrix gives
item-item weights: "in conversations that mention i, people also bring up j", co-mention and
co-recommendation together, liked films weighing more. How often a film is mentioned at all is
the conversation popularity prior. Only each row's strongest ``neighbours`` weights are kept, so
the saved model is a small sparse matrix.

Conversations that name a genre ("something scary to watch, horror maybe?") also give a genre prior: for each genre, the
share of the conversations naming it that mention each movie, P(movie | genre asked), what people
recommend when that genre is asked for (``genre_score``; ReDial's ``genres_mentioned``).

Training and the manifest live in ``chat_rec.training.conversations``; this module only scores,
saves and loads.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp

from chat_rec.errors import ModelError
from chat_rec.interactions.ease import _spd_inverse

MODEL_FILE = "model.npz"
MANIFEST_FILE = "manifest.json"
WEIGHTS_FILE = "weights.json"


class ConversationModel:
    """Sparse item-item weights and mention counts over catalog ids."""

    def __init__(self, item_ids: np.ndarray, weights: sp.csr_matrix, counts: np.ndarray,
                 manifest: dict[str, Any] | None = None, genre_names: Sequence[str] = (),
                 genre_matrix: np.ndarray | None = None) -> None:
        self.item_ids = np.asarray(item_ids, dtype=np.int64)
        self.weights = sp.csr_matrix(weights, dtype=np.float32)
        self.counts = np.asarray(counts, dtype=np.float32)
        self.manifest = dict(manifest or {})
        self.genre_names = [str(g).lower() for g in genre_names]
        """Genres asked for in the training conversations (lowercase MovieLens names)."""
        self.genre_matrix = (np.zeros((0, len(self.item_ids)), np.float32) if genre_matrix is None
                             else np.asarray(genre_matrix, dtype=np.float32))
        """genres x items: the share of the conversations asking for the genre that mention the item."""
        self._genre_row = {g: r for r, g in enumerate(self.genre_names)}
        self._col_of = {int(i): c for c, i in enumerate(self.item_ids.tolist())}
        self._by_count = np.argsort(-self.counts, kind="stable")

    @classmethod
    def fit(cls, conversations: Sequence[Sequence[tuple[int, bool]]], lambda_: float = 200.0,
            unliked_weight: float = 0.5, neighbours: int = 200,
            genres: Sequence[Sequence[str]] | None = None) -> ConversationModel:
        """EASE on the conversations x items matrix; ``conversations`` are (catalog id, liked) lists.

        ``genres``: the genres each conversation asks for (same order), for the genre prior.
        """
        item_ids = np.array(sorted({int(i) for conv in conversations for i, _ in conv}), dtype=np.int64)
        if len(item_ids) < 2:
            raise ModelError("The conversation model needs at least two distinct movies to learn from.")
        col = {int(i): c for c, i in enumerate(item_ids.tolist())}
        rows, cols, vals = [], [], []
        for r, conv in enumerate(conversations):
            best: dict[int, float] = {}
            for item, liked in conv:
                c = col[int(item)]
                best[c] = max(best.get(c, 0.0), 1.0 if liked else unliked_weight)
            rows += [r] * len(best)
            cols += list(best)
            vals += list(best.values())
        x = sp.csr_matrix((np.asarray(vals, np.float32), (rows, cols)), shape=(len(conversations), len(item_ids)))
        counts = np.asarray((x > 0).sum(axis=0), dtype=np.float32).ravel()
        gram = (x.T @ x).toarray()
        gram[np.diag_indices_from(gram)] += lambda_
        p = _spd_inverse(gram)
        b = p / (-np.diag(p))
        np.fill_diagonal(b, 0.0)
        names, matrix = _genre_prior(x, genres or [[] for _ in conversations])
        return cls(item_ids, _top_per_row(b, neighbours), counts, genre_names=names, genre_matrix=matrix)

    @property
    def n_items(self) -> int:
        return len(self.item_ids)

    def column(self, item_id: int) -> int | None:
        """The model's column of a catalog id, or None when it never saw the movie."""
        return self._col_of.get(int(item_id))

    def score(self, positive_ids: Iterable[int], negative_ids: Iterable[int] = ()) -> np.ndarray:
        """Per column: weights from the positive items minus those from the negative ones."""
        x = np.zeros(self.n_items, dtype=np.float32)
        for ids, sign in ((positive_ids, 1.0), (negative_ids, -1.0)):
            for item_id in ids:
                if (c := self.column(item_id)) is not None:
                    x[c] += sign
        if not x.any():
            return np.zeros(self.n_items, dtype=np.float32)
        return np.asarray(self.weights.T @ x, dtype=np.float32).ravel()

    def neighbours(self, item_id: int, n: int = 10) -> list[tuple[int, float]]:
        """The ``n`` items with the largest weight from this one, best first."""
        c = self.column(item_id)
        if c is None:
            return []
        row = self.weights.getrow(c)
        order = np.lexsort((row.indices, -row.data))[:n]
        return [(int(self.item_ids[j]), float(v)) for j, v in zip(row.indices[order], row.data[order], strict=True)]

    def genre_score(self, genres: Iterable[str]) -> np.ndarray:
        """Per column: the mean over the known ``genres`` of P(movie mentioned | genre asked); zeros without one."""
        rows = [self._genre_row[g.lower()] for g in genres if g.lower() in self._genre_row]
        if not rows:
            return np.zeros(self.n_items, dtype=np.float32)
        return np.asarray(self.genre_matrix[rows].mean(axis=0), dtype=np.float32)

    def top_for_genres(self, genres: Iterable[str], n: int) -> list[int]:
        """The ``n`` movies most mentioned when ``genres`` are asked for, most first ([] for unknown genres)."""
        score = self.genre_score(genres)
        if not score.any():
            return []
        order = np.lexsort((self.item_ids, -score))[:n]
        return [int(self.item_ids[c]) for c in order if score[c] > 0]

    def most_mentioned(self, n: int) -> list[int]:
        """The ``n`` most-mentioned movies, most first."""
        return [int(i) for i in self.item_ids[self._by_count[:n]]]

    def save(self, folder: Path) -> Path:
        """Write ``model.npz`` and ``manifest.json`` into ``folder`` (created); returns the folder."""
        folder.mkdir(parents=True, exist_ok=True)
        w = self.weights
        np.savez_compressed(folder / MODEL_FILE, item_ids=self.item_ids, counts=self.counts, data=w.data,
                            indices=w.indices, indptr=w.indptr, shape=np.asarray(w.shape),
                            genre_names=np.asarray(self.genre_names, dtype=str), genre_matrix=self.genre_matrix)
        (folder / MANIFEST_FILE).write_text(json.dumps(self.manifest, indent=2) + "\n", encoding="utf-8")
        return folder

    @classmethod
    def load(cls, folder: Path) -> ConversationModel:
        """Read a saved model; ModelError with what to do when the files are missing or damaged."""
        path = folder / MODEL_FILE
        if not path.is_file():
            raise ModelError(f"No conversation model in {folder}; build one with `chat-rec train conversations`.")
        try:
            with np.load(path) as z:
                weights = sp.csr_matrix((z["data"], z["indices"], z["indptr"]), shape=tuple(z["shape"]))
                item_ids, counts = z["item_ids"], z["counts"]
                names = [str(g) for g in z["genre_names"]] if "genre_names" in z else []  # older models: none
                matrix = z["genre_matrix"] if "genre_matrix" in z else None
            manifest_path = folder / MANIFEST_FILE
            manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"The conversation model in {folder} cannot be read ({exc}); "
                             "rebuild it with `chat-rec train conversations`.") from exc
        return cls(item_ids, weights, counts, manifest, names, matrix)


def _genre_prior(x: sp.csr_matrix, genres: Sequence[Sequence[str]]) -> tuple[list[str], np.ndarray]:
    """Genre names and the genres x items matrix of P(item mentioned | genre asked) (``x``: conversations x items)."""
    asked: dict[str, list[int]] = {}
    for r, names in enumerate(genres):
        for g in {str(name).strip().lower() for name in names if str(name).strip()}:
            asked.setdefault(g, []).append(r)
    names = sorted(asked)
    mentioned = (x > 0).astype(np.float32).tocsr()
    matrix = np.zeros((len(names), x.shape[1]), np.float32)
    for j, g in enumerate(names):
        rows = asked[g]
        matrix[j] = np.asarray(mentioned[rows].sum(axis=0), dtype=np.float32).ravel() / len(rows)
    return names, matrix


def _top_per_row(b: np.ndarray, k: int) -> sp.csr_matrix:
    """Keep each row's ``k`` largest weights (positive ones only)."""
    n = b.shape[0]
    k = min(k, n - 1)
    top = np.argpartition(-b, k - 1, axis=1)[:, :k]
    vals = np.take_along_axis(b, top, axis=1)
    keep = vals > 0
    rows = np.repeat(np.arange(n), k)[keep.ravel()]
    return sp.csr_matrix((vals[keep].astype(np.float32), (rows, top[keep])), shape=b.shape)
