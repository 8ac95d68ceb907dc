"""Reliability fixtures: one real ChatService driven by a model that obeys every injection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def attack_service(make_service: Any) -> Any:
    """The real service over the bundled catalog (shared index) with ObedientAttackerModel as its LLM."""
    from chat_rec.reliability.injection import ObedientAttackerModel

    return make_service(ObedientAttackerModel(), name="reliability", extract_llm="json")


@pytest.fixture(scope="session")
def injected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    """A service over a 12-film CSV catalog whose overviews carry instructions, and that CSV."""
    from chat_rec.config import Settings
    from chat_rec.reliability.injection import ObedientAttackerModel, injected_catalog_csv
    from chat_rec.service import ChatService

    home = tmp_path_factory.mktemp("injected")
    csv = injected_catalog_csv(home / "injected.csv")
    settings = Settings(home=home / "home", catalog_dir=csv, llm="scripted", extract_llm="json")
    return ChatService.create(settings, llm=ObedientAttackerModel(), progress=False), csv
