"""The embedder resolves offline, loads lazily, and gives unit vectors that mean something.

These run sentence-transformers (``backend="torch"``); the ONNX export is checked against it in
test_embedding_onnx.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from chat_rec.embedding import ChromaEmbeddingFunction, Embedder, resolve_embedding_model
from chat_rec.errors import ModelError


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return Embedder("all-MiniLM-L6-v2", backend="torch")


def test_packaged_minilm_resolves_under_both_names():
    folder = resolve_embedding_model("all-MiniLM-L6-v2")
    assert (Path(folder) / "config.json").is_file()
    assert resolve_embedding_model("sentence-transformers/all-MiniLM-L6-v2") == folder


def test_local_folder_resolves_to_itself(tmp_path):
    assert resolve_embedding_model(str(tmp_path)) == str(tmp_path.resolve())


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelError, match="not available offline.*all-MiniLM-L6-v2"):
        Embedder("no-such-org/no-such-embedder")


def test_creating_an_embedder_does_not_load_the_model():
    fresh = Embedder("sentence-transformers/all-MiniLM-L6-v2")
    assert fresh.name == "all-MiniLM-L6-v2"
    assert fresh._model is None


def test_encode_gives_unit_float32_rows(embedder):
    vectors = embedder.encode(["a comedy", "a war film", "a quiet drama"], batch_size=2)
    assert vectors.shape == (3, embedder.dim) == (3, 384)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.encode([]).shape == (0, 384)
    np.testing.assert_allclose(embedder.encode_one("a comedy"), vectors[0], atol=1e-5)


def test_a_single_message_is_embedded_on_one_thread_and_means_the_same(embedder):
    import torch

    threads = torch.get_num_threads()
    texts = ["a comedy", "a war film", "a quiet drama", "a western", "a heist movie"]  # more than FEW_TEXTS
    batch = embedder.encode(texts)
    one = embedder.encode_one("a comedy")
    assert torch.get_num_threads() == threads, "the thread count is restored after a message"
    np.testing.assert_allclose(one, batch[0], atol=1e-5)


def test_similar_texts_are_closer(embedder):
    query, toys, shark = embedder.encode(
        [
            "an animated film about toys that come alive",
            "Toy Story (1995) Genres: Animation, Children, Comedy. Tags: pixar.",
            "Jaws (1975) Genres: Horror, Thriller. A great white shark terrorises a beach town.",
        ]
    )
    assert query @ toys > query @ shark


def test_chroma_adapter_round_trips_its_config(embedder):
    function = embedder.chroma_function()
    assert ChromaEmbeddingFunction.name() == "chat_rec_sentence_transformer"
    assert function.get_config() == {"model": "all-MiniLM-L6-v2"}
    assert not function.is_legacy()
    rebuilt = ChromaEmbeddingFunction.build_from_config(function.get_config())
    assert rebuilt.embedder.name == embedder.name
    rows = function(["hello", "world"])
    assert len(rows) == 2 and len(rows[0]) == 384
