"""The aspect index: moods, topics and attributes ("dark", "space", "feel good") matched to items.

Everything it knows comes from the catalog's own text: each item's tags (all of them, tags.csv:
people such as "stanley kubrick" are often a much-tagged film's less frequent tags), genres, and
TMDB keywords and top-billed cast when an overview file was ingested. Those terms form the
vocabulary; each is embedded once (cached beside the index, keyed by the terms and the embedder) in the template
``"a film that is {term}"``, which puts "thoughtful" beside "thought-provoking" and "insightful"
better than the bare words do (with MiniLM, bare "thoughtful" is nearer "sentimental" and
"cynical"). An aspect phrase from a message is embedded the same way and matches the terms
within ``match_margin`` of its best one. An item scores by its best-matching term, plus a share
of its cosine to the matched items' centroid, so untagged films of the same kind score too.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from threadpoolctl import ThreadpoolController

from chat_rec.catalog.titles import fold

if TYPE_CHECKING:
    from chat_rec.catalog.models import Catalog, Item
    from chat_rec.embedding import Embedder

log = logging.getLogger(__name__)

TEMPLATE = "a film that is {}"
"""Terms and aspect phrases are embedded inside this sentence (see the module doc)."""

MAX_TERM_WORDS = 4
MAX_TERM_CHARS = 40
"""Longer tags are sentences ("saw it without and plan on seeing it with kids!"), not terms."""

NEGATED_TERM_WORDS = frozenset({"not", "no", "non", "never", "without", "nothing", "anti"})
"""A tag such as "not funny" means the opposite of its words, so it is left out of the vocabulary."""

GENERIC_TERMS = frozenset({"movie", "movies", "film", "films", "cinema", "good", "great", "bad", "best",
                           "favorite", "favourite", "watch", "seen"})
"""Tags that describe every film or none (general language): not aspects."""

PHRASE_CACHE = 4096
"""Aspect phrases whose embeddings are kept in memory."""

SCORE_CACHE = 8
"""Recent (liked, disliked) score arrays kept, so retrieval and ranking of one turn share one."""


@dataclass(frozen=True)
class AspectConfig:
    """How an aspect phrase is matched (defaults chosen on the mood dev queries, docs/benchmarks.md)."""

    match_floor: float = 0.6
    """Templated cosine below which a term never matches a phrase."""
    match_margin: float = 0.08
    """Terms within this cosine of the phrase's best term match it (weights rise linearly to 1)."""
    detect_floor: float = 0.7
    """A message word outside the vocabulary counts as an aspect when its nearest term is this close
    (it only drops words far from every term: MiniLM puts "wife" as near "marriage" as "thoughtful"
    is to "thought provoking", so which words are asked for is the reader's scope, not this)."""
    max_terms: int = 24
    """At most this many best terms match one phrase."""
    item_share: float = 0.3
    """Share of the score from the cosine to the matched items' centroid (reaches untagged items)."""
    avoid_floor: float = 0.8
    """A mood the person rules out ("less violent", "nothing scary") covers every term at or above this
    templated cosine, not only those within ``match_margin`` of the best: tags are sparse (ml-latest-small
    tags "violent" on 4 films, "violence" on 7, "brutality" on 3), and leaving out a film too many costs
    little where leaving in one too many is what the person sees. Set on the dev avoid queries
    (docs/benchmarks.md, "Twenty-seventh round")."""
    avoid_share: float = 0.5
    """Above this share of the catalog, what a ruled-out mood covers is no longer left out (a mood that
    reaches a broad genre term): the score's soft push is all that is left of it."""


@dataclass(frozen=True)
class AspectMatch:
    """A phrase's matching terms and their weights in (0, 1]."""

    phrase: str
    terms: tuple[tuple[int, float], ...]


def item_terms(item: Item) -> list[str]:
    """The folded vocabulary terms an item carries: all its tags, genres, keywords and cast (usable
    ones only).
    """
    out: dict[str, None] = {}
    for raw in (*(item.all_tags or item.tags), *item.genres, *item.keywords, *item.cast):
        term = fold(raw)
        words = term.split()
        if (not words or len(words) > MAX_TERM_WORDS or len(term) > MAX_TERM_CHARS or term.isdigit()
                or NEGATED_TERM_WORDS & set(words) or term in GENERIC_TERMS):
            continue
        out[term] = None
    return list(out)


class AspectIndex:
    """Vocabulary terms, their embeddings and postings (index rows carrying each term)."""

    def __init__(self, terms: Sequence[str], term_vectors: np.ndarray, postings: Sequence[np.ndarray],
                 item_vectors: np.ndarray, embedder: Embedder | None, config: AspectConfig | None = None,
                 ids: np.ndarray | None = None, genre_terms: Iterable[str] = ()) -> None:
        self.terms = list(terms)
        self.term_vectors = np.ascontiguousarray(term_vectors, dtype=np.float32)
        self.postings = list(postings)
        self.item_vectors = item_vectors
        self.embedder = embedder
        self.config = config or AspectConfig()
        self.ids = ids if ids is not None else np.arange(item_vectors.shape[0])
        self.term_of = {t: k for k, t in enumerate(self.terms)}
        self.genre_terms = frozenset(genre_terms)
        """Terms that are genre names: they match moods ("kids" -> children) but explain nothing."""
        self.df = np.array([len(p) for p in self.postings], dtype=np.int64)
        self.words = frozenset(w for t in self.terms for w in t.split())
        """Every word that occurs in some term."""
        self._row_terms: dict[int, list[int]] = defaultdict(list)
        for k, rows in enumerate(self.postings):
            for row in rows.tolist():
                self._row_terms[row].append(k)
        self._phrases: OrderedDict[str, np.ndarray] = OrderedDict()
        self._scores: OrderedDict[tuple[tuple[str, ...], tuple[str, ...]], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.terms)

    # ------------------------------------------------------------------------------ building

    @classmethod
    def build(cls, catalog: Catalog, ids: np.ndarray, item_vectors: np.ndarray, embedder: Embedder,
              cache_dir: Path | None = None, progress: bool = False,
              config: AspectConfig | None = None) -> AspectIndex:
        """Collect the catalog's terms, embed them (or read the cache) and map them to index rows."""
        rows_of: dict[str, list[int]] = defaultdict(list)
        genres: set[str] = set()
        for row, item_id in enumerate(np.asarray(ids).tolist()):
            item = catalog.get(int(item_id))
            if item is None:
                continue
            genres.update(fold(g) for g in item.genres)
            for term in item_terms(item):
                rows_of[term].append(row)
        terms = sorted(rows_of)
        vectors = _term_vectors(terms, embedder, cache_dir, progress)
        postings = [np.asarray(rows_of[t], dtype=np.int64) for t in terms]
        log.info("Aspect vocabulary: %d terms from %s", len(terms), catalog.name)
        return cls(terms, vectors, postings, item_vectors, embedder, config, np.asarray(ids), genres)

    # ------------------------------------------------------------------------------ phrases

    def is_term(self, phrase: str) -> bool:
        """True when the folded phrase is itself a vocabulary term."""
        return phrase in self.term_of

    def carriers(self, phrase: str) -> int:
        """How many index rows carry the folded phrase as a term (0 for a phrase outside the vocabulary)."""
        k = self.term_of.get(phrase)
        return 0 if k is None else int(self.df[k])

    def embed(self, phrases: Sequence[str]) -> np.ndarray:
        """Templated embeddings of phrases (rows), from memory when seen before."""
        with self._lock:
            missing = list(dict.fromkeys(p for p in phrases if p not in self._phrases))
        if missing:
            if self.embedder is None:
                raise ValueError("this aspect index has no embedder for unseen phrases")
            fresh = self.embedder.encode([TEMPLATE.format(p) for p in missing])
            with self._lock:
                for phrase, vec in zip(missing, fresh, strict=True):
                    self._phrases[phrase] = vec
                while len(self._phrases) > PHRASE_CACHE:
                    self._phrases.popitem(last=False)
        with self._lock:
            out = [self._phrases[p] if p in self._phrases else self.term_vectors[self.term_of[p]]
                   for p in phrases]
        return np.stack(out) if out else np.zeros((0, self.term_vectors.shape[1]), np.float32)

    def nearest(self, phrases: Sequence[str]) -> list[tuple[str, float]]:
        """Each phrase's closest term and the templated cosine to it (1.0 for a term itself)."""
        if not phrases or not self.terms:
            return [("", 0.0) for _ in phrases]
        sims = self.embed(phrases) @ self.term_vectors.T
        best = sims.argmax(axis=1)
        return [(self.terms[int(b)], 1.0 if p in self.term_of else float(sims[r, b]))
                for r, (p, b) in enumerate(zip(phrases, best, strict=True))]

    def match(self, phrase: str) -> AspectMatch:
        """The terms that match a phrase, best first: within the margin of the best, above the floor.

        A term's weight is its cosine's place between that lower bound and the best term's (1 for
        the best), so a phrase outside the vocabulary pulls as hard as a term itself.
        """
        sims = self.embed([phrase])[0] @ self.term_vectors.T if self.terms else np.zeros(0)
        if phrase in self.term_of:
            sims[self.term_of[phrase]] = 1.0
        n = min(self.config.max_terms, len(sims))
        if not n:
            return AspectMatch(phrase, ())
        top = np.argpartition(-sims, n - 1)[:n]
        best = float(sims[top].max())
        low = max(self.config.match_floor, best - self.config.match_margin)
        if best <= low:
            return AspectMatch(phrase, ((int(top[sims[top].argmax()]), 1.0),) if best > self.config.match_floor else ())
        kept = [(int(k), float((sims[k] - low) / (best - low))) for k in top if sims[k] > low]
        return AspectMatch(phrase, tuple(sorted(kept, key=lambda kw: -kw[1])))

    # ------------------------------------------------------------------------------ scoring

    def tagged(self, phrase: str) -> np.ndarray:
        """Per index row, the weight of the item's best term for the phrase (0 when none matches)."""
        tagged = np.zeros(self.item_vectors.shape[0], np.float32)
        for k, w in reversed(self.match(phrase).terms):  # weakest first: a stronger term overwrites
            tagged[self.postings[k]] = np.float32(w)
        return tagged

    def avoided(self, phrase: str) -> np.ndarray:
        """Index rows carrying a term within ``avoid_floor`` of a mood the person rules out (bool mask).

        Wider than ``match``: "less violent" covers films tagged "violence", "brutality" or "r strong
        bloody violence", not only the best term and its near neighbours.
        """
        rows = np.zeros(self.item_vectors.shape[0], bool)
        if not self.terms:
            return rows
        sims = self.embed([phrase])[0] @ self.term_vectors.T
        if phrase in self.term_of:
            sims[self.term_of[phrase]] = 1.0
        for k in np.flatnonzero(sims >= self.config.avoid_floor).tolist():
            rows[self.postings[k]] = True
        return rows

    def vector(self, phrase: str, tagged: np.ndarray | None = None) -> np.ndarray | None:
        """Where the phrase sits in item space: the unit mean of matching items, weighted; None if none."""
        tagged = self.tagged(phrase) if tagged is None else tagged
        hit = np.flatnonzero(tagged)
        if not len(hit):
            return None
        centroid = tagged[hit] @ self.item_vectors[hit]
        norm = float(np.linalg.norm(centroid))
        return (centroid / norm).astype(np.float32) if norm > 0 else None

    def phrase_scores(self, phrase: str) -> np.ndarray:
        """One phrase's score per index row, in [0, 1]: best term weight, plus centroid cosine."""
        tagged = self.tagged(phrase)
        share = self.config.item_share
        centroid = self.vector(phrase, tagged) if share > 0 else None
        if centroid is None:
            return tagged
        with _one_blas_thread():
            cos = self.item_vectors @ centroid
        mean = float(cos.mean())
        near = np.clip((cos - mean) / max(1e-6, 1.0 - mean), 0.0, 1.0)
        return ((1.0 - share) * tagged + share * near).astype(np.float32)

    def scores(self, liked: Iterable[str], disliked: Iterable[str] = ()) -> np.ndarray | None:
        """Mean score of the liked phrases minus that of the disliked ones, per index row; None if none."""
        key = (tuple(dict.fromkeys(liked)), tuple(dict.fromkeys(disliked)))
        if not key[0] and not key[1]:
            return None
        with self._lock:
            if key in self._scores:
                self._scores.move_to_end(key)
                return self._scores[key]
        total = np.zeros(self.item_vectors.shape[0], np.float32)
        for phrases, sign in ((key[0], 1.0), (key[1], -1.0)):
            for phrase in phrases:
                total += np.float32(sign / len(phrases)) * self.phrase_scores(phrase)
        total.setflags(write=False)
        with self._lock:
            self._scores[key] = total
            while len(self._scores) > SCORE_CACHE:
                self._scores.popitem(last=False)
        return total

    def explain(self, row: int, phrases: Iterable[str], limit: int = 2) -> list[str]:
        """The item's own tags or keywords that matched the phrases, strongest first (not genres)."""
        carried = set(self._row_terms.get(int(row), ()))
        if not carried:
            return []
        best: dict[str, float] = {}
        for phrase in phrases:
            for k, w in self.match(phrase).terms:
                if k in carried and self.terms[k] not in self.genre_terms:
                    best[self.terms[k]] = max(best.get(self.terms[k], 0.0), w)
        return [t for t, _ in sorted(best.items(), key=lambda tw: -tw[1])[:limit]]


# ---------------------------------------------------------------------------------- helpers


@functools.lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


@contextmanager
def _one_blas_thread() -> Iterator[None]:
    """One BLAS thread for a catalog-sized product (as the ranker does: a busy second core only delays it)."""
    with _blas().limit(limits=1, user_api="blas"):
        yield



def _cache_key(terms: Sequence[str], embedder: Embedder) -> str:
    digest = hashlib.sha256(f"{embedder.name}|{TEMPLATE}".encode())
    for term in terms:
        digest.update(term.encode() + b"\n")
    return digest.hexdigest()[:20]


def _term_vectors(terms: Sequence[str], embedder: Embedder, cache_dir: Path | None, progress: bool) -> np.ndarray:
    """Embed the vocabulary, or read it from ``cache_dir/aspects-<key>.npy``; a cache failure costs only time."""
    path = cache_dir / f"aspects-{_cache_key(terms, embedder)}.npy" if cache_dir else None
    if path is not None and path.is_file():
        try:
            vectors = np.load(path)
            if vectors.shape[0] == len(terms):
                return np.asarray(vectors, dtype=np.float32)
        except (OSError, ValueError) as exc:
            log.warning("Ignoring unreadable aspect cache %s (%s).", path, exc)
    vectors = embedder.encode([TEMPLATE.format(t) for t in terms], progress=progress, batch_size=256)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + f".{os.getpid()}.tmp.npy")
            np.save(tmp, vectors)
            os.replace(tmp, path)
        except OSError as exc:
            log.warning("Could not cache aspect vectors at %s (%s).", path, exc)
    return vectors


def cache_dir_for(index_dir: Path | None, cache_dir: Path) -> Path:
    """Beside an explicitly placed index (shared between homes), else the home's cache folder."""
    return Path(index_dir).expanduser() if index_dir else cache_dir
