"""Shared fixtures: every test gets its own CHAT_REC_HOME."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

SHARED = Path(__file__).resolve().parents[2] / "shared"
"""../shared beside the checkout: MovieLens 100k/1M, TMDB overviews and the benchmarks."""


@pytest.fixture(autouse=True)
def chat_rec_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("CHAT_REC_HOME", str(home))
    for name in list(os.environ):  # a test's Settings() sees only its own home, never a developer's
        if name.startswith("CHAT_REC_") and name != "CHAT_REC_HOME" and not name.startswith("CHAT_REC_TEST_"):
            monkeypatch.delenv(name)
    return home


@pytest.fixture(scope="session")
def catalog():
    """The bundled ml-latest-small catalog, loaded once."""
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.config import BUNDLED_CATALOG

    return load_catalog(BUNDLED_CATALOG)


@pytest.fixture(scope="session")
def resolver(catalog):
    """The title resolver over the bundled catalog, built once (the tests only read it)."""
    from chat_rec.understanding.resolver import TitleResolver

    return TitleResolver(catalog)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present")
    return path


MODELS_ROOT = Path(os.environ.get("CHAT_REC_MODELS_ROOT", Path.home() / ".cache" / "chat-rec" / "models"))
"""Converted local models, shared across test sessions (the packaged Qwen converts once)."""


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One Chroma index of the bundled catalog, built once for the whole test session.

    CHAT_REC_TEST_INDEX_DIR reuses an index built earlier (it is rebuilt if the catalog changed).
    """
    reuse = os.environ.get("CHAT_REC_TEST_INDEX_DIR")
    return Path(reuse) if reuse else tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def embedder_export() -> Path | None:
    """The embedder's ONNX export under MODELS_ROOT, as `chat-rec prepare` makes it for the app (once)."""
    from chat_rec.config import Settings
    from chat_rec.embedding import Embedder

    return Embedder("all-MiniLM-L6-v2", settings=Settings(models_root=MODELS_ROOT)).export_onnx()


@pytest.fixture(scope="session")
def make_service(index_dir: Path, tmp_path_factory: pytest.TempPathFactory, embedder_export: Path | None):
    """Build a real ChatService (real catalog, index, SQLite) in a fresh home of its own.

    It encodes with the embedder's ONNX export, as the app does after `chat-rec prepare`.
    """
    from chat_rec.config import Settings
    from chat_rec.service import ChatService

    def make(llm: object = "scripted", name: str = "svc", **overrides: object) -> ChatService:
        home = tmp_path_factory.mktemp(name)
        overrides.setdefault("conversation_model", home / "conversations")  # never a developer's trained model
        overrides.setdefault("retriever_model", home / "retriever")
        settings = Settings(home=home, index_dir=index_dir, models_root=MODELS_ROOT,
                            llm="scripted" if not isinstance(llm, str) else llm, **overrides)
        return ChatService.create(settings, llm=None if isinstance(llm, str) else llm, progress=False)

    return make


def _server_or_skip(start):  # noqa: ANN001, ANN202
    """Start a server fixture; a missing program skips locally but fails under CI (CI=true)."""
    from chat_rec.reliability.backends import BackendUnavailable

    try:
        return start()
    except BackendUnavailable as exc:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"{exc} (CI must run this test)")
        pytest.skip(str(exc))


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server for the whole session (temp folder, free loopback port), stopped at the end."""
    from chat_rec.reliability.backends import PostgresServer

    server = _server_or_skip(lambda: PostgresServer().start())
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server, request: pytest.FixtureRequest) -> str:
    """A fresh, empty PostgreSQL database for one test; its SQLAlchemy URL."""
    import uuid

    return postgres_server.create_database(f"t_{uuid.uuid4().hex[:12]}")
