"""Data integrity: ingest hashes, index rebuilt when the catalog changes, wrong model hashes refused."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from chat_rec.reliability.guards import run_integrity


def test_ingest_records_sha256_of_every_file(catalog: Any) -> None:
    from chat_rec.config import BUNDLED_CATALOG

    assert set(catalog.sources) >= {"movies.csv", "ratings.csv"}
    for name, digest in catalog.sources.items():
        assert hashlib.sha256((BUNDLED_CATALOG / name).read_bytes()).hexdigest() == digest


def test_index_rebuilds_when_the_catalog_changes_and_model_hash_is_checked(catalog: Any,
                                                                         injected: tuple[Any, Path]) -> None:
    service, csv = injected
    figures = run_integrity(catalog, service, csv)
    assert figures["source_hash_mismatches"] == 0
    assert figures["index_rebuilt_on_change"] is True
    assert figures["wrong_model_hash_refused"] is True


def test_model_hash_check_never_touches_the_configured_models_folder(catalog: Any, tmp_path: Path,
                                                                    monkeypatch: Any) -> None:
    """Found by the full run: with CHAT_REC_MODELS_ROOT set, the check wrote into the real folder."""
    real = tmp_path / "real-models"
    (real / "qwen2.5-coder-0.5b-instruct").mkdir(parents=True)  # a converted model is there
    monkeypatch.setenv("CHAT_REC_MODELS_ROOT", str(real))
    figures = run_integrity(catalog)
    assert figures["wrong_model_hash_refused"] is True
    assert [p.name for p in real.rglob("*")] == ["qwen2.5-coder-0.5b-instruct"]
