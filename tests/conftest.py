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
    return home


@pytest.fixture(scope="session")
def catalog():
    """The bundled ml-latest-small catalog, loaded once."""
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.config import BUNDLED_CATALOG

    return load_catalog(BUNDLED_CATALOG)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present")
    return path
