"""A CI-sized simulation: 20 people x 5 turns through the real service, catalog, index and SQLite."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import MODELS_ROOT

TURNS = 5


@pytest.fixture(scope="module")
def result(index_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from chat_rec.config import BUNDLED_CATALOG, Settings
    from chat_rec.eval.simulate import run_simulation

    home = tmp_path_factory.mktemp("sim")
    # never a developer's trained conversation or retriever model: the same run on every machine
    settings = Settings(home=home, index_dir=index_dir, models_root=MODELS_ROOT,
                        conversation_model=home / "conversations", retriever_model=home / "retriever")
    return run_simulation(BUNDLED_CATALOG, users=20, turns=TURNS, llm="none", seed=0, settings=settings,
                          progress=False)


def test_every_person_talks_and_is_scored(result: dict[str, Any]) -> None:
    main = next(iter(result["configs"].values()))
    assert result["people"] == 20 and main["people"] == 20
    assert main["errors"] == 0, main["error_examples"]
    s = [main["success@1"], main["success@3"], main["success@5"]]
    assert s == sorted(s) and 0.0 <= s[0] and s[-1] <= 1.0
    assert 1.0 <= main["turns_to_accept"] <= TURNS + 1
    active = [row["active"] for row in main["per_turn"]]
    assert active[0] == 20 and active == sorted(active, reverse=True)
    assert all(-1.0 <= row["cosine"] <= 1.0 for row in main["per_turn"])
    assert all(-1.0 <= row["cosine_centered"] <= 1.0 for row in main["per_turn"])
    # the mean over people still talking; NaN on a turn when everyone has already accepted
    talking = [row["cosine_centered_active"] for row in main["per_turn"]]
    assert all(-1.0 <= c <= 1.0 if n else math.isnan(c) for c, n in zip(talking, active, strict=True))
    assert all(row["cards_seen"] >= 5 for row in main["per_turn"])
    assert main["per_turn"][0]["turn_latency_ms"] > 0
    json.dumps(result)  # JSON-ready


def test_no_pick_breaks_a_stated_or_understood_constraint(result: dict[str, Any]) -> None:
    for name, summary in result["configs"].items():
        v = summary["violations"]
        assert v["stated_genre"] == 0 and v["stated_year_direct"] == 0, name
        assert v["understood_genre"] == 0 and v["understood_year"] == 0, name


def test_baselines_are_scored_on_the_same_people(result: dict[str, Any]) -> None:
    main = next(iter(result["configs"].values()))
    base = result["baselines"]
    assert {"no_conversation_static", "no_conversation_paged_5", "popularity_paged_5"} <= set(base)
    static = base["no_conversation_static"]
    assert static["success@1"] == static["success@5"]  # one list, never updated
    # the static list is the conversation's first answer: same people, same opening, same ranker
    assert static["success@1"] == pytest.approx(main["success@1"])
    assert all(b["people"] == 20 for b in base.values())


def test_people_never_name_their_targets(result: dict[str, Any]) -> None:
    said = [line for ex in result["examples"] for line in ex["said"]]
    assert said and all("{" not in line for line in said)
    main = next(iter(result["configs"].values()))
    assert main["leaked_targets"] >= 0 and main["people_with_leaks"] <= 20


@pytest.mark.realdata
def test_ml1m_histories_make_people_without_tags() -> None:
    """ML-1M (../shared): timestamps only for some users, no tags.csv; people still talk."""
    import numpy as np

    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.eval.sim_people import build_people
    from chat_rec.eval.sim_voice import RuleVoice
    from tests.conftest import shared_path

    catalog = load_catalog(shared_path("data", "ml-1m"))
    people = build_people(catalog, 30, seed=1)
    assert len(people) == 30
    timed = set(np.unique(catalog.ratings.users[catalog.ratings.timestamps >= 0]).tolist())
    assert all(p.source_user in timed and not p.taste.tags for p in people)
    voice = RuleVoice(catalog)
    for p in people:
        rng = np.random.default_rng(p.source_user)
        assert voice.onboarding(p, rng).text and voice.opening(p, rng).text
