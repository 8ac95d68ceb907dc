"""The dialogue-trained retriever the app uses when present: a query encoder for the catalog index.

``chat-rec train retriever`` fine-tunes the query side of the stock embedder on (dialogue window
-> movie recommended next) pairs and writes it with ``manifest.json`` into
``settings.retriever_model_dir``. Item vectors stay the index's own (stock embedder), so the
retrieval query's embedding (``embed_query``) is the only thing that changes: the nearest
neighbours of the query, the ``query`` signal and the query's share of ``content``.
It is used only with ``CHAT_REC_RETRIEVER=true`` (off by default: it did not help on the CRS dev
sets, docs/benchmarks.md); without it, or without the folder, the stock embedder embeds the query.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from chat_rec.errors import ModelError

log = logging.getLogger(__name__)

MANIFEST_FILE = "manifest.json"


class TextEncoder(Protocol):
    """What the retriever needs from an embedder (``chat_rec.embedding.Embedder``)."""

    name: str

    def encode(self, texts: Any, progress: bool = False, batch_size: int = 64) -> np.ndarray: ...


class QueryRetriever:
    """Embeds retrieval queries into the catalog index's space with the dialogue-trained encoder."""

    def __init__(self, encoder: TextEncoder, manifest: dict[str, Any], folder: Path) -> None:
        self.encoder = encoder
        self.manifest = manifest
        self.folder = folder

    @property
    def name(self) -> str:
        """Identifies the encoder in caches and reports."""
        return f"retriever:{self.folder}"

    @property
    def trained_conversations(self) -> set[str]:
        """Conversation ids its pairs came from: a validation split must leave them out."""
        return {str(c) for c in self.manifest.get("train_conversations", ())}

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit query vectors, one row per text."""
        return self.encoder.encode(texts)

    def encode_one(self, text: str) -> np.ndarray:
        """One unit query vector."""
        return self.encode([text])[0]


def load_retriever(settings: Any, index_embedder: str | None = None) -> QueryRetriever | None:
    """The trained retriever, or None (no folder, switched off, or built for another index embedder).

    ``index_embedder``: the name of the embedder that built the catalog index; a retriever
    trained against another one would embed queries into the wrong space, so it is not used.
    """
    folder: Path = settings.retriever_model_dir
    if not getattr(settings, "retriever", True):
        log.info("retriever off (CHAT_REC_RETRIEVER is not true): the stock embedder embeds queries")
        return None
    if not (folder / MANIFEST_FILE).is_file():
        log.info("no trained retriever in %s: the stock embedder embeds queries", folder)
        return None
    try:
        manifest = json.loads((folder / MANIFEST_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"{folder / MANIFEST_FILE} cannot be read ({exc}); rebuild it with "
                         "`chat-rec train retriever`.") from exc
    built_for = manifest.get("document_embedder")
    if index_embedder is not None and built_for != index_embedder:
        log.warning("the retriever in %s was trained for the %s index, this index uses %s: not used",
                    folder, built_for, index_embedder)
        return None
    from chat_rec.embedding import Embedder

    retriever = QueryRetriever(Embedder(str(folder)), manifest, folder)
    retriever.encode_one("warm up")  # load now, not during the first turn
    log.info("retriever loaded from %s", folder)
    return retriever


def embed_query(ranker: Any, index: Any, text: str) -> np.ndarray:
    """The retrieval query's vector: the ranker's retriever when it has one, else the index's embedder."""
    retriever = getattr(ranker, "retriever", None)
    if retriever is not None:
        return retriever.encode_one(text)
    return index.embed_text(text)  # type: ignore[no-any-return]
