"""The embedder as an ONNX graph: the same vectors as sentence-transformers, without importing torch.

Importing torch, transformers and sentence-transformers (which pulls in scikit-learn, peft and
bitsandbytes) is most of a server's start-up on a small CPU. `chat-rec prepare` exports the
embedder's transformer once with torch (`export_onnx`) into ``<models>/embedder-onnx/<key>/``,
checks it against sentence-transformers on probe texts, and records both in a manifest; a server
that finds a matching export encodes with onnxruntime and the model's own ``tokenizer.json``
(`OnnxEncoder`). Only folders whose pipeline we can reproduce exactly are exported: a transformer,
mean or CLS pooling, then L2 normalisation (the `Embedder` always returns unit vectors).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import threading
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from chat_rec.errors import ModelError

log = logging.getLogger(__name__)

EXPORT_VERSION = 1
"""Bumped when the export's layout or checks change: older exports are then made again."""
OPSET = 17
PROBES = (
    "a dark, slow-burn mystery set in a small town",
    "Quiero una comedia romántica, nada de terror",
    "x",
    "Something light and funny for a family evening with the kids, nothing too long or too violent, "
    "and no musicals please — we watched three last week and that was plenty for everyone. " * 6,
)
"""Texts of very different lengths (the last is truncated) the export must reproduce."""
MIN_PROBE_COSINE = 0.9999
FEW_TEXTS = 4
"""Up to this many texts (a chat message) run on one thread: a second one mostly waits."""
_ONNX_SUPPORTED = {"sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
                   "sentence_transformers.models.Normalize"}


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def pipeline_of(model_path: Path) -> dict[str, Any] | None:
    """Pooling, normalisation and length of a sentence-transformers folder, or None if not reproducible."""
    try:
        modules = _read_json(model_path / "modules.json")
        kinds = [m["type"] for m in modules]
        if not kinds or kinds[0] != "sentence_transformers.models.Transformer" or not set(kinds) <= _ONNX_SUPPORTED:
            return None
        pooling_dir = next(m["path"] for m in modules if m["type"].endswith(".Pooling"))
        pooling = _read_json(model_path / pooling_dir / "config.json")
        config = _read_json(model_path / "sentence_bert_config.json")
    except (OSError, ValueError, KeyError, StopIteration):
        return None
    modes = [k for k, v in pooling.items() if k.startswith("pooling_mode_") and v]
    if modes not in (["pooling_mode_mean_tokens"], ["pooling_mode_cls_token"]):
        return None
    if config.get("do_lower_case") or not (model_path / "tokenizer.json").is_file():
        return None
    return {"pooling": "mean" if modes == ["pooling_mode_mean_tokens"] else "cls",
            "max_seq_length": int(config.get("max_seq_length") or 512)}


def source_key(model_path: Path) -> str:
    """A short hash of the folder's files (names, sizes, modification times): an export is for them only.

    Statting instead of reading keeps the check cheap at every start; a model saved again (a new
    fine-tune in the same folder) gets a new key and is exported again.
    """
    digest = hashlib.sha256(f"v{EXPORT_VERSION}:{model_path.resolve()}".encode())
    for path in sorted(model_path.rglob("*")):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path.relative_to(model_path)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]


def export_dir(root: Path, model_path: Path) -> Path:
    """``<root>/<parent>-<folder>-<key>``: readable, and one folder per version of the model's files."""
    return root / f"{model_path.parent.name}-{model_path.name}-{source_key(model_path)}"


def find_export(root: Path, model_path: Path) -> Path | None:
    """The checked export of ``model_path`` under ``root``, or None."""
    folder = export_dir(root, model_path)
    try:
        manifest = _read_json(folder / "manifest.json")
    except (OSError, ValueError):
        return None
    if manifest.get("version") != EXPORT_VERSION or not (folder / "model.onnx").is_file():
        return None
    return folder


def export_onnx(model_path: Path, root: Path, reference: Any | None = None) -> Path:
    """Export ``model_path``'s transformer under ``root`` and check it against sentence-transformers.

    ``reference`` is a loaded SentenceTransformer for the same folder (loaded here when None). The
    export is written to a temporary folder and renamed only after the probes agree, so a failed or
    interrupted export never leaves a folder a server would use.
    """
    pipeline = pipeline_of(model_path)
    if pipeline is None:
        raise ModelError(f"{model_path} is not a plain transformer + mean/CLS pooling model: it is not exported "
                         "to ONNX and keeps running with sentence-transformers.")
    import torch
    from sentence_transformers import SentenceTransformer
    from transformers import AutoModel, AutoTokenizer

    started = time.perf_counter()
    target = export_dir(root, model_path)
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    try:
        model = AutoModel.from_pretrained(model_path).eval()
        tokenizer = AutoTokenizer.from_pretrained(model_path)
        sample = tokenizer(list(PROBES[:2]), padding=True, return_tensors="pt")
        names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in sample]

        class _Hidden(torch.nn.Module):
            def __init__(self, inner: Any) -> None:
                super().__init__()
                self.inner = inner

            def forward(self, *inputs: Any) -> Any:
                return self.inner(**dict(zip(names, inputs, strict=True))).last_hidden_state

        axes = {n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]}
        with torch.inference_mode(), warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the tracer's notes on shape-dependent Python code: checked below
            torch.onnx.export(_Hidden(model), tuple(sample[n] for n in names), str(partial / "model.onnx"),
                              input_names=names, output_names=["last_hidden_state"], dynamic_axes=axes,
                              opset_version=OPSET, dynamo=False)
        shutil.copy(model_path / "tokenizer.json", partial / "tokenizer.json")
        manifest = {"version": EXPORT_VERSION, "source": str(model_path), "inputs": names, **pipeline,
                    "pad_id": int(tokenizer.pad_token_id or 0), "opset": OPSET, "torch": torch.__version__}
        (partial / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        reference = reference or SentenceTransformer(str(model_path), device="cpu", local_files_only=True)
        expected = reference.encode(list(PROBES), convert_to_numpy=True, normalize_embeddings=True)
        got = OnnxEncoder(partial).encode(list(PROBES))
        cosines = np.sum(expected * got, axis=1) / (np.linalg.norm(expected, axis=1) * np.linalg.norm(got, axis=1))
        if float(cosines.min()) < MIN_PROBE_COSINE:
            raise ModelError(f"The ONNX export of {model_path} disagrees with sentence-transformers "
                             f"(probe cosine {float(cosines.min()):.5f}); keeping sentence-transformers.")
        manifest["probe_min_cosine"] = round(float(cosines.min()), 7)
        manifest["export_s"] = round(time.perf_counter() - started, 1)
        (partial / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        shutil.rmtree(target, ignore_errors=True)
        partial.rename(target)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    log.info("Exported %s to ONNX in %.1f s (probe cosine ≥ %.6f)", model_path.name,
             time.perf_counter() - started, manifest["probe_min_cosine"])
    return target


class OnnxEncoder:
    """Text -> unit float32 vectors with onnxruntime and the model's tokenizer.json (no torch)."""

    def __init__(self, folder: Path) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.folder = folder
        self.manifest = _read_json(folder / "manifest.json")
        self._ort = onnxruntime
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.enable_truncation(max_length=int(self.manifest["max_seq_length"]))
        tokenizer.enable_padding(pad_id=int(self.manifest["pad_id"]))
        self.tokenizer = tokenizer
        self._sessions: dict[int, Any] = {}
        self._lock = threading.Lock()

    def _session(self, threads: int) -> Any:
        with self._lock:
            if threads not in self._sessions:
                options = self._ort.SessionOptions()
                options.intra_op_num_threads = threads
                options.inter_op_num_threads = 1
                # Busy-waiting threads stall each other when the other core is taken (the LLM, a request).
                options.add_session_config_entry("session.intra_op.allow_spinning", "0")
                self._sessions[threads] = self._ort.InferenceSession(
                    str(self.folder / "model.onnx"), options, providers=["CPUExecutionProvider"])
            return self._sessions[threads]

    @property
    def dim(self) -> int:
        return int(self._session(1).get_outputs()[0].shape[-1])

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        threads = 1 if len(texts) <= FEW_TEXTS else max(1, len(os.sched_getaffinity(0)))
        session = self._session(threads)
        rows = []
        for start in range(0, len(texts), batch_size):
            encodings = self.tokenizer.encode_batch(list(texts[start:start + batch_size]))
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            feeds = {"input_ids": np.array([e.ids for e in encodings], dtype=np.int64), "attention_mask": mask,
                     "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64)}
            hidden = session.run(None, {n: feeds[n] for n in self.manifest["inputs"]})[0]
            if self.manifest["pooling"] == "cls":
                pooled = hidden[:, 0]
            else:
                weights = mask[..., None].astype(np.float32)
                pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            pooled = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            rows.append(pooled.astype(np.float32))
        return np.concatenate(rows) if rows else np.zeros((0, self.dim), dtype=np.float32)
