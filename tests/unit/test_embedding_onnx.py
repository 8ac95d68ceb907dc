"""The ONNX export of the embedder: the same vectors as sentence-transformers, and no torch at serve time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from chat_rec.config import Settings
from chat_rec.embedding import Embedder
from chat_rec.embedding_onnx import export_dir, find_export, pipeline_of, source_key
from chat_rec.errors import ModelError


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Embedder, Embedder]:
    settings = Settings(models_root=tmp_path_factory.mktemp("models"))
    torch_side = Embedder("all-MiniLM-L6-v2", backend="torch", settings=settings)
    assert torch_side.export_onnx() is not None
    return settings, torch_side, Embedder("all-MiniLM-L6-v2", settings=settings)


def test_auto_takes_the_export_once_it_exists(exported):
    settings, torch_side, onnx_side = exported
    assert torch_side.backend == "torch" and onnx_side.backend == "onnx"
    assert onnx_side._model is None, "choosing a backend loads nothing"
    manifest = json.loads((find_export(onnx_side.onnx_root, Path(onnx_side.path)) / "manifest.json").read_text())
    assert manifest["pooling"] == "mean" and manifest["probe_min_cosine"] >= 0.9999


def test_onnx_vectors_match_sentence_transformers(exported):
    _, torch_side, onnx_side = exported
    texts = ["Un thriller psicológico ambientado en Madrid", "a quiet drama", "Toy Story (1995)",
             "war " * 400, "", "¿algo de los noventa?", "a heist that goes wrong, told backwards"]
    expected, got = torch_side.encode(texts), onnx_side.encode(texts, batch_size=3)
    assert got.shape == expected.shape == (len(texts), 384) and got.dtype == np.float32
    np.testing.assert_allclose(got, expected, atol=1e-4)
    np.testing.assert_allclose(onnx_side.encode_one("a quiet drama"), expected[1], atol=1e-4)
    assert onnx_side.dim == 384 and onnx_side.encode([]).shape == (0, 384)


def test_asking_for_onnx_without_an_export_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="chat-rec prepare"):
        Embedder("all-MiniLM-L6-v2", backend="onnx", settings=Settings(models_root=tmp_path))
    assert Embedder("all-MiniLM-L6-v2", settings=Settings(models_root=tmp_path)).backend == "torch"


def test_a_half_written_or_stale_export_is_not_used(tmp_path):
    model = tmp_path / "enc"
    model.mkdir()
    (model / "weights.bin").write_bytes(b"1234")
    folder = export_dir(tmp_path / "root", model)
    folder.mkdir(parents=True)
    (folder / "model.onnx").write_bytes(b"not a graph")
    assert find_export(tmp_path / "root", model) is None, "no manifest: an interrupted export"
    (folder / "manifest.json").write_text(json.dumps({"version": 1}))
    assert find_export(tmp_path / "root", model) == folder
    before = source_key(model)
    (model / "weights.bin").write_bytes(b"123456")  # the model was saved again (a new fine-tune)
    assert source_key(model) != before and find_export(tmp_path / "root", model) is None


def test_only_pipelines_we_reproduce_are_exported(tmp_path):
    def folder(modules: list[str], pooling: dict[str, bool], lower: bool = False) -> Path:
        path = tmp_path / f"m{len(list(tmp_path.iterdir()))}"
        (path / "1_Pooling").mkdir(parents=True)
        (path / "modules.json").write_text(json.dumps(
            [{"type": f"sentence_transformers.models.{m}", "path": "1_Pooling" if m == "Pooling" else ""}
             for m in modules]))
        (path / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
        (path / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 128, "do_lower_case": lower}))
        (path / "tokenizer.json").write_text("{}")
        return path

    mean = {"pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False}
    cls = {"pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}
    assert pipeline_of(folder(["Transformer", "Pooling", "Normalize"], mean)) == {"pooling": "mean",
                                                                                  "max_seq_length": 128}
    assert pipeline_of(folder(["Transformer", "Pooling"], cls))["pooling"] == "cls"
    assert pipeline_of(folder(["Transformer", "Pooling", "Dense"], mean)) is None, "a projection we don't run"
    assert pipeline_of(folder(["Transformer", "Pooling"], {"pooling_mode_max_tokens": True})) is None
    assert pipeline_of(folder(["Transformer", "Pooling"], mean, lower=True)) is None
    assert pipeline_of(tmp_path / "missing") is None


def test_a_service_on_the_export_and_llama_or_no_model_never_imports_torch(exported, index_dir, tmp_path):
    settings, _, _ = exported
    script = (
        "import sys\n"
        "from chat_rec.config import Settings\n"
        "from chat_rec.service import ChatService\n"
        f"s = Settings(home={str(tmp_path)!r}, index_dir={str(index_dir)!r}, models_root={str(settings.models_dir)!r},"
        " llm='none')\n"
        "service = ChatService.create(s, progress=False)\n"
        "assert service.deps.index.embedder.backend == 'onnx'\n"
        "print(sorted(m for m in ('torch', 'transformers', 'sentence_transformers') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_torch_is_imported_only_for_what_needs_it(monkeypatch):
    from chat_rec.llm import registry
    from chat_rec.service import _needs_torch

    settings = Settings(llm="auto")
    monkeypatch.setattr(registry, "choose_engine", lambda s: "llamacpp")
    assert not _needs_torch(settings, None, "onnx")
    assert _needs_torch(settings, None, "torch"), "sentence-transformers runs on torch"
    assert not _needs_torch(settings, "none", "onnx") and not _needs_torch(settings, "openai", "onnx")
    assert not _needs_torch(settings, object(), "onnx"), "a model handed in is already loaded"
    monkeypatch.setattr(registry, "choose_engine", lambda s: "transformers")
    assert _needs_torch(settings, None, "onnx") and _needs_torch(settings, "local", "onnx")
    assert not _needs_torch(Settings(llm="scripted"), None, "onnx")


def test_no_nvidia_driver_means_no_cuda_without_asking_torch(monkeypatch):
    from chat_rec.llm import registry

    monkeypatch.setattr(registry, "_nvidia_driver", lambda: False)
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    monkeypatch.setattr("builtins.__import__", _refuse_torch(__import__))
    assert registry._cuda() is False


def _refuse_torch(real):  # noqa: ANN001, ANN202
    def guarded(name, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if name == "torch":
            raise AssertionError("torch was imported")
        return real(name, *args, **kwargs)

    return guarded
