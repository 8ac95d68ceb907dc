"""The dialogue truth keys against the real engine: they pass on honest turns and fail on false ones."""

from __future__ import annotations

import pytest

from chat_rec.eval.dialogue import Dialogue, DialogueRunner
from chat_rec.llm.scripted import ScriptedChatModel


@pytest.fixture(scope="module")
def runner(make_service) -> DialogueRunner:
    # extract_llm=json: the scripted replies replay the model path (the default reads with the parser alone)
    return DialogueRunner(make_service(ScriptedChatModel(default=""), name="dlgmem", extract_llm="json"))


def dialogue(*turns: dict) -> Dialogue:
    return Dialogue.model_validate({"name": "t", "user": "memory-probe", "turns": list(turns)})


def test_seen_position_stays_seen_and_the_picks_are_new(runner: DialogueRunner) -> None:
    outcome = runner.run(dialogue(
        {"user": "I loved Heat and Alien", "expect": {"liked_exactly": [6, 1214], "reasons_cite_only_liked": True}},
        {"user": "I've seen the first one, show me others",
         "llm": ["{}", "I've seen the first one, show me others. Enjoy these!"],
         "expect": {"liked_exactly": [6, 1214], "seen_exactly": ["$item1"], "disliked_exactly": [],
                    "not_shown_again": True, "reasons_cite_only_liked": True, "no_echo": True}},
    ))
    assert outcome.passed, [t.failures for t in outcome.turns]
    assert "I've seen the first one" not in outcome.turns[1].reply  # the echoed intro was dropped


def test_a_wrong_expectation_is_reported(runner: DialogueRunner) -> None:
    outcome = runner.run(dialogue(
        {"user": "I loved Heat", "expect": {"liked_exactly": [6, 1214], "seen_exactly": [6]}},
    ))
    failures = outcome.turns[0].failures
    assert not outcome.passed and len(failures) == 2
    assert "missing: ['Alien (1979)']" in failures[0] and "not expected: []" in failures[0]
