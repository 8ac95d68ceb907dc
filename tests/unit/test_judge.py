"""The forced-choice judge: verdicts only on what the parser found, merged by confidence."""

from __future__ import annotations

from pathlib import Path

import pytest

from chat_rec.understanding.extractor import Extractor
from chat_rec.understanding.judge import ANSWERS, LogprobJudge, Verdict


class ScriptedJudge:
    """Answers from a table by subject; records what it was asked."""

    def __init__(self, table: dict[str, tuple[str, float]]) -> None:
        self.table = table
        self.asked: list[str] = []

    def judge(self, utterance, previous_reply, subjects):
        self.asked += list(subjects)
        out = []
        for subject in subjects:
            answer, confidence = self.table.get(subject, ("neutral", 1.0))
            rest = (1 - confidence) / (len(ANSWERS) - 1)
            out.append(Verdict(tuple(confidence if a == answer else rest for a in ANSWERS)))
        return out


def test_the_judge_is_asked_only_about_what_the_message_names(resolver, catalog):
    shown = [catalog.get(i) for i in (109487, 164179, 134130)]  # Interstellar, Arrival, The Martian
    judge = ScriptedJudge({})
    Extractor(resolver, judge=judge).extract("The second one was fine I guess. No horror.", "Three picks.", shown)
    assert judge.asked == ["Arrival (2016)", "Horror"]


def test_a_confident_verdict_fills_a_neutral_mention(resolver):
    judge = ScriptedJudge({"Heat (1995)": ("like", 0.7)})
    sig = Extractor(resolver, judge=judge).extract("What about Heat, the one with De Niro?")
    assert sig.liked_ids == [6]


def test_the_parser_verdict_stands_unless_the_judge_is_very_sure(resolver):
    text = "I loved Heat"
    unsure = Extractor(resolver, judge=ScriptedJudge({"Heat (1995)": ("dislike", 0.8)})).extract(text)
    sure = Extractor(resolver, judge=ScriptedJudge({"Heat (1995)": ("dislike", 0.95)})).extract(text)
    assert unsure.liked_ids == [6] and sure.disliked_ids == [6] and not sure.liked_ids


def test_a_failing_judge_leaves_the_parser_reading(resolver):
    class Broken:
        def judge(self, *args):
            raise RuntimeError("out of memory")

    sig = Extractor(resolver, judge=Broken()).extract("I loved Heat")
    assert sig.liked_ids == [6]


def test_logprob_judge_batches_like_single_calls(tmp_path: Path):
    pytest.importorskip("torch")
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from chat_rec.llm.prompts import load_prompt
    from tests.integration.test_nf4_path import build_tiny_model

    folder = build_tiny_model(tmp_path / "tiny")
    model = AutoModelForCausalLM.from_pretrained(folder)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    judge = LogprobJudge(model, tokenizer, load_prompt("judge"))
    subjects = ["Heat (1995)", "a very long subject name for padding: The Lord of the Rings", "Horror"]
    batched = judge.judge("I love the dog movie", "Here are three.", subjects)
    single = [judge.judge("I love the dog movie", "Here are three.", [s])[0] for s in subjects]
    assert len(batched) == 3
    for b, s in zip(batched, single, strict=True):
        assert sum(b.probs) == pytest.approx(1.0, abs=1e-5)
        assert b.probs == pytest.approx(s.probs, abs=1e-4)  # left padding changes nothing
