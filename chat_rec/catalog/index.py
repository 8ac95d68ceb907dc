"""The catalog's vector index: a Chroma collection plus an in-memory numpy copy of its vectors.

Built once per (catalog fingerprint, embedder) and rebuilt automatically when either changes.
Chroma answers unfiltered nearest-neighbour queries in large catalogs; the numpy copy serves exact
maths without a round trip (every other retrieval, ranking, MMR).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from pathlib import Path
from typing import Any

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.config import Settings as ChromaSettings
from chromadb.errors import NotFoundError
from tqdm.auto import tqdm

from chat_rec.catalog.models import GENRES, Catalog, Item
from chat_rec.config import Settings
from chat_rec.embedding import Embedder
from chat_rec.errors import ChatRecError, UnknownItemError

log = logging.getLogger(__name__)

ADD_BATCH = 5000
"""Most records sent to Chroma in one add()."""

EMBED_BATCH = 256
"""Documents embedded between two progress-bar updates."""

Where = dict[str, Any]


class VectorStoreError(ChatRecError):
    """The vector store could not be reached or written."""


def genre_key(genre: str) -> str:
    """Metadata key of a genre flag: "Horror" -> "g_Horror"."""
    return "g_" + re.sub(r"[^A-Za-z0-9_-]+", "_", genre)


def where_clause(
    genres_any: list[str] | None = None,
    genres_none: list[str] | None = None,
    year_min: int | None = None,
    year_max: int | None = None,
) -> Where | None:
    """Build a Chroma `where` filter from common constraints; None when nothing filters."""
    parts: list[Where] = []
    if genres_any:
        anys: list[Where] = [{genre_key(g): True} for g in genres_any]
        parts.append(anys[0] if len(anys) == 1 else {"$or": anys})
    parts += [{genre_key(g): False} for g in genres_none or []]
    if year_min is not None:
        parts.append({"year": {"$gte": int(year_min)}})
    if year_max is not None:
        parts += [{"year": {"$lte": int(year_max)}}, {"year": {"$gte": 0}}]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else {"$and": parts}


def item_metadata(item: Item, genres: tuple[str, ...] = GENRES) -> dict[str, str | int | float | bool]:
    """Per-item Chroma metadata: year (-1 if unknown), popularity and one bool per genre."""
    meta: dict[str, str | int | float | bool] = {
        "title": item.title,
        "year": item.year if item.year is not None else -1,
        "popularity": item.popularity,
        "mean_rating": float(item.mean_rating),
    }
    for genre in genres:
        meta[genre_key(genre)] = genre in item.genres
    return meta


def collection_name(catalog: Catalog, embedder: Embedder) -> str:
    """Name the collection: valid for Chroma, unique per catalog name and embedder."""
    slug = re.sub(r"[^a-zA-Z0-9._-]+", "-", catalog.name).strip("-._")[:40] or "catalog"
    tag = hashlib.sha1(embedder.name.encode()).hexdigest()[:10]
    return f"{slug}-{tag}"


def make_client(settings: Settings) -> ClientAPI:
    """Chroma client: a server when settings.chroma_host is set, else embedded under home."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    try:
        if settings.chroma_host:
            return chromadb.HttpClient(
                host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings
            )
        settings.chroma_dir.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_dir), settings=chroma_settings)
    except Exception as exc:
        where = (
            f"{settings.chroma_host}:{settings.chroma_port}" if settings.chroma_host else settings.chroma_dir
        )
        raise VectorStoreError(
            f"The vector index at {where} could not be opened ({exc}). "
            "Check CHAT_REC_CHROMA_HOST / CHAT_REC_HOME, or delete the chroma folder to rebuild it."
        ) from exc


class CatalogIndex:
    """Nearest-neighbour search over a catalog's item documents."""

    def __init__(
        self,
        collection: Collection,
        embedder: Embedder,
        ids: np.ndarray,
        vectors: np.ndarray,
        built_now: bool,
    ) -> None:
        self.collection = collection
        self.embedder = embedder
        self.ids = ids
        """Item ids, np.int64, in row order of `vectors`."""
        self.vectors = vectors
        """float32 (n, d) unit vectors, one row per item."""
        self.row_of: dict[int, int] = {int(i): r for r, i in enumerate(ids.tolist())}
        self.built_now = built_now
        """True when this open() (re)built the collection."""

    # ------------------------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        settings: Settings,
        catalog: Catalog,
        embedder: Embedder,
        progress: bool = True,
        rebuild: bool = False,
    ) -> CatalogIndex:
        """Open the catalog's index, building it first when missing, stale or asked to."""
        client = make_client(settings)
        name = collection_name(catalog, embedder)
        function = embedder.chroma_function()
        want = {"fingerprint": catalog.fingerprint, "embedder": embedder.name}
        collection: Collection | None
        try:
            collection = client.get_collection(name, embedding_function=function)  # type: ignore[arg-type]
        except NotFoundError:
            collection = None
        except ValueError as exc:  # made by another embedding function: replace it
            log.warning("Index %s has an incompatible configuration (%s); rebuilding it.", name, exc)
            collection = None
            _drop(client, name)
        reason = ""
        if rebuild:
            reason = "rebuild requested"
        elif collection is None:
            reason = "no index yet"
        else:
            meta = collection.metadata or {}
            if meta.get("fingerprint") != want["fingerprint"] or meta.get("embedder") != want["embedder"]:
                reason = "the catalog changed since the index was built"
                log.warning(
                    "Catalog %s changed since its index was built; rebuilding the index.", catalog.name
                )
            elif not meta.get("complete") or collection.count() != len(catalog):
                reason = "the index was left incomplete"
                log.warning("Index %s is incomplete; rebuilding it.", name)
        if reason:
            log.info("Building index %s for %d items (%s).", name, len(catalog), reason)
            collection, ids, vectors = _build(client, name, catalog, embedder, want, progress)
            _save_cache(settings, name, collection, ids, vectors)
            return cls(collection, embedder, ids, vectors, built_now=True)
        assert collection is not None
        cached = _load_cache(settings, name, collection)
        if cached is None:
            ids, vectors = _fetch_vectors(collection, catalog)
            _save_cache(settings, name, collection, ids, vectors)
        else:
            ids, vectors = cached
        return cls(collection, embedder, ids, vectors, built_now=False)

    # ------------------------------------------------------------------------------ queries

    def __len__(self) -> int:
        return int(self.ids.shape[0])

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.row_of

    def vector(self, item_id: int) -> np.ndarray:
        """Return the stored unit vector of one item."""
        row = self.row_of.get(int(item_id))
        if row is None:
            raise UnknownItemError(f"Movie id {item_id} is not in the catalog index.")
        return self.vectors[row]

    def embed_text(self, text: str) -> np.ndarray:
        """Embed a text as a unit vector in the index's space."""
        return self.embedder.encode_one(text)

    def query(self, vector: np.ndarray, n: int, where: Where | None = None) -> list[tuple[int, float]]:
        """Find the n items nearest to `vector` (passing `where`): [(item_id, cosine)]."""
        n = min(int(n), len(self))
        if n <= 0:
            return []
        query = np.asarray(vector, dtype=np.float32).reshape(1, -1)
        result = self.collection.query(
            query_embeddings=query,
            n_results=n,
            where=where or None,
            include=["distances"],  # type: ignore[arg-type]
        )
        ids = result["ids"][0]
        distances = (result.get("distances") or [[]])[0]
        return [(int(i), 1.0 - float(d)) for i, d in zip(ids, distances, strict=False)]

    def query_text(self, text: str, n: int, where: Where | None = None) -> list[tuple[int, float]]:
        """Find the n items nearest to a free-text description."""
        return self.query(self.embed_text(text), n, where)


# ---------------------------------------------------------------------------------- helpers


def _drop(client: ClientAPI, name: str) -> None:
    try:
        client.delete_collection(name)
    except (NotFoundError, ValueError):
        pass


def _build(
    client: ClientAPI, name: str, catalog: Catalog, embedder: Embedder, want: dict[str, str], progress: bool
) -> tuple[Collection, np.ndarray, np.ndarray]:
    """Drop and recreate the collection, embedding every item document in batches."""
    _drop(client, name)
    function = embedder.chroma_function()
    collection = client.create_collection(
        name,
        configuration={"hnsw": {"space": "cosine"}},
        metadata={**want, "complete": False},
        embedding_function=function,  # type: ignore[arg-type]
    )
    items = list(catalog)
    extra = sorted({g for item in items for g in item.genres} - set(GENRES))
    genres = GENRES + tuple(extra)
    step = max(1, min(ADD_BATCH, client.get_max_batch_size()))
    chunks: list[np.ndarray] = []
    started = time.perf_counter()
    with tqdm(total=len(items), desc=f"Indexing {catalog.name}", unit="movie", disable=not progress) as bar:
        for start in range(0, len(items), step):
            batch = items[start : start + step]
            docs = [item.document() for item in batch]
            parts = []
            for offset in range(0, len(docs), EMBED_BATCH):
                parts.append(embedder.encode(docs[offset : offset + EMBED_BATCH]))
                bar.update(len(parts[-1]))
            vectors = np.vstack(parts)
            collection.add(
                ids=[str(item.item_id) for item in batch],
                embeddings=vectors,
                documents=docs,
                metadatas=[item_metadata(item, genres) for item in batch],  # type: ignore[misc]
            )
            chunks.append(vectors)
    collection.modify(metadata={**want, "complete": True, "count": len(items)})
    log.info("Indexed %d items in %.1f s.", len(items), time.perf_counter() - started)
    ids = np.array([item.item_id for item in items], dtype=np.int64)
    dim = embedder.dim
    vectors = np.vstack(chunks) if chunks else np.zeros((0, dim), dtype=np.float32)
    return collection, ids, vectors


def _fetch_vectors(collection: Collection, catalog: Catalog) -> tuple[np.ndarray, np.ndarray]:
    """All stored vectors, in catalog order, re-normalised."""
    got = collection.get(include=["embeddings"])  # type: ignore[list-item]
    by_id = {int(i): r for r, i in enumerate(got["ids"])}
    embeddings = np.asarray(got["embeddings"], dtype=np.float32)
    order = [item_id for item_id in catalog.items if item_id in by_id]
    ids = np.array(order, dtype=np.int64)
    vectors = embeddings[[by_id[i] for i in order]] if order else embeddings[:0]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return ids, np.ascontiguousarray(vectors / np.where(norms == 0, 1, norms), dtype=np.float32)


def _cache_path(settings: Settings, name: str, collection: Collection) -> Path:
    meta = collection.metadata or {}
    key = hashlib.sha1(
        f"{collection.id}|{meta.get('fingerprint')}|{meta.get('embedder')}".encode()
    ).hexdigest()
    return settings.cache_dir / f"index-{name}-{key[:16]}.npz"


def _load_cache(
    settings: Settings, name: str, collection: Collection
) -> tuple[np.ndarray, np.ndarray] | None:
    path = _cache_path(settings, name, collection)
    if not path.is_file():
        return None
    try:
        with np.load(path) as data:
            ids, vectors = data["ids"].astype(np.int64), data["vectors"].astype(np.float32)
    except (OSError, ValueError, KeyError) as exc:
        log.warning("Ignoring unreadable vector cache %s (%s).", path, exc)
        return None
    meta = collection.metadata or {}
    if ids.shape[0] != vectors.shape[0] or ids.shape[0] != meta.get("count", ids.shape[0]):
        return None
    return ids, vectors


def _save_cache(
    settings: Settings, name: str, collection: Collection, ids: np.ndarray, vectors: np.ndarray
) -> None:
    """Write the numpy copy atomically and drop caches of older builds; failures only cost speed."""
    path = _cache_path(settings, name, collection)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"index-{name}-*.npz"):
            if old != path:
                old.unlink(missing_ok=True)
        tmp = path.with_name(path.name + ".tmp.npz")
        np.savez(tmp, ids=ids, vectors=vectors)
        os.replace(tmp, path)
    except OSError as exc:
        log.warning("Could not cache index vectors at %s (%s).", path, exc)
