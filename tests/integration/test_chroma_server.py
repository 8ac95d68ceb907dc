"""The catalog index on a real Chroma server (`chroma run`) answers like the embedded one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from chat_rec.catalog.index import CatalogIndex, where_clause
from chat_rec.catalog.loaders import load_catalog
from chat_rec.config import Settings
from chat_rec.embedding import Embedder
from chat_rec.reliability.backends import ChromaServer, catalog_slice

QUERIES = ("a funny animated movie for kids", "dark crime thriller in a big city", "space adventure",
           "romantic comedy in paris", "war drama")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory: pytest.TempPathFactory):
    from tests.conftest import _server_or_skip

    server = _server_or_skip(lambda: ChromaServer().start())
    yield server
    server.stop()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    folder = catalog_slice(tmp_path_factory.mktemp("slice") / "ml-slice", items=150)
    return load_catalog(folder), Embedder("all-MiniLM-L6-v2")


def test_server_index_gives_the_same_top_k_as_the_embedded_one(chroma_server, small, tmp_path: Path) -> None:
    catalog, embedder = small
    embedded = CatalogIndex.open(Settings(home=tmp_path / "a"), catalog, embedder, progress=False)
    remote_settings = Settings(home=tmp_path / "b", chroma_host="127.0.0.1", chroma_port=chroma_server.port)
    remote = CatalogIndex.open(remote_settings, catalog, embedder, progress=False)
    assert remote.built_now and remote.collection.count() == len(catalog) == 150
    import chromadb

    on_server = chromadb.HttpClient(host="127.0.0.1", port=chroma_server.port).list_collections()
    assert [c.name for c in on_server] == [remote.collection.name]
    np.testing.assert_allclose(remote.vectors, embedded.vectors, atol=1e-6)
    filters = (None, where_clause(genres_any=["Comedy"]), where_clause(genres_none=["Drama"], year_min=1995))
    for query in QUERIES:
        vector = embedder.encode_one(query)
        for where in filters:
            near, far = embedded.query(vector, 10, where), remote.query(vector, 10, where)
            assert [i for i, _ in far] == [i for i, _ in near], (query, where)
            np.testing.assert_allclose([s for _, s in far], [s for _, s in near], atol=1e-5)

    # A second process (another replica's home) opens the server's index without rebuilding it.
    again = CatalogIndex.open(Settings(home=tmp_path / "c", chroma_host="127.0.0.1", chroma_port=chroma_server.port),
                              catalog, embedder, progress=False)
    assert not again.built_now
    assert again.ids.tolist() == remote.ids.tolist()
    np.testing.assert_allclose(again.vectors, remote.vectors, atol=1e-6)


def test_an_unreachable_server_is_a_clear_error(small, tmp_path: Path) -> None:
    from chat_rec.catalog.index import VectorStoreError
    from chat_rec.reliability.server import free_port

    catalog, embedder = small
    settings = Settings(home=tmp_path, chroma_host="127.0.0.1", chroma_port=free_port())
    with pytest.raises(VectorStoreError, match="CHAT_REC_CHROMA_HOST"):
        CatalogIndex.open(settings, catalog, embedder, progress=False)
