"""The chat model's proposals in the live app and in the CRS benchmark (``settings.llm_proposals``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from langchain_core.messages import BaseMessage

from chat_rec.config import Settings
from chat_rec.eval.crs import CrsEngine, run_crs_eval
from chat_rec.llm.scripted import ScriptedChatModel
from tests.conftest import MODELS_ROOT

THIEF = 5867
"""Thief (1981), a crime film few rated: the ranker alone does not pick it for these requests."""


class ProposingModel(ScriptedChatModel):
    """Answers the proposal prompt (``prompts/propose.txt``) with ``titles``, any other with ``default``."""

    titles: str = ""
    asked: int = 0

    def _next(self, messages: list[BaseMessage], stop: list[str] | None) -> str:
        if any("film expert" in str(m.content) for m in messages):
            self.asked += 1
            return self.titles
        return super()._next(messages, stop)


def _model() -> ProposingModel:
    return ProposingModel(titles="1. Thief (1981)\n2. A Film That Does Not Exist (2011)\n3. Heat (1995)")


def _first_answer(make_service, name: str, message: str, **settings: object) -> tuple[ProposingModel, Any]:
    """A new person's first recommending turn in a fresh service whose chat model answers proposals."""
    model = _model()
    service = make_service(model, name=name, **settings)
    service.start("pia")
    result = service.send_sync("pia", message)
    assert result.stage == "recommend"
    assert all(item.item_id in service.deps.catalog for item in result.items)
    return model, result


def test_a_proposed_catalog_film_reaches_the_picks(make_service) -> None:
    model, result = _first_answer(make_service, "proposals-on", "I loved Heat, recommend me something similar",
                                  llm_proposals=5)
    picks = {item.item_id: item.breakdown for item in result.items}
    assert model.asked >= 1 and THIEF in picks and picks[THIEF]["proposed"] > 0
    assert 6 not in picks  # Heat was liked: the model's proposal of it is dropped like any seen film


def test_proposals_obey_the_filters(make_service) -> None:
    model, result = _first_answer(make_service, "proposals-filtered", "I loved Heat, something similar from after 2000",
                                  llm_proposals=5)
    assert model.asked >= 1 and THIEF not in {item.item_id for item in result.items}


def test_off_by_default_the_model_is_never_asked(make_service) -> None:
    model, result = _first_answer(make_service, "proposals-off", "I loved Heat, recommend me something similar")
    assert model.asked == 0 and THIEF not in {item.item_id for item in result.items}


def test_the_benchmark_fuses_proposals_and_pairs_against_the_ranker_without_them(
        index_dir: Path, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, index_dir=index_dir, models_root=MODELS_ROOT,
                        conversation_model=tmp_path / "none", llm_proposals=5)
    engine = CrsEngine.build(settings, llm="scripted", progress=False)
    engine.llm = _model()
    engine.proposals = 5
    case = {"id": "p1", "dialog_id": "p1", "mentioned": [],
            "targets": [{"title": "Thief", "year": 1981, "movielens_id": THIEF, "repeated": False}],
            "turns": [{"role": "assistant", "text": "What are you in the mood for?"},
                      {"role": "user", "text": "A heist movie, something tense"}]}
    assert THIEF in engine.recommend(case)[:2]
    assert THIEF not in engine.recommend(case, proposals=False)
    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps(case) + "\n")
    result = run_crs_eval(cases, engine=engine, progress=False, compare=True)
    assert result["proposals"]["grounded"] == 2 and result["proposals"]["titles_written"] == 3
    assert result["previous_ranker"]["label"].startswith("the same ranker without")
    assert result["novel"]["recall@10"] == 1.0 and result["previous_ranker"]["novel"]["recall@10"] == 0.0
    assert engine.llm.asked == 1  # one call per case, shared by the runs
