"""The learned verdict: clause cutting, a fallback that never overrides the rules, its training data."""

from __future__ import annotations

import json

import numpy as np

from chat_rec.training.verdict import frame_examples, redial_examples
from chat_rec.understanding.extractor import Extractor
from chat_rec.understanding.parser import parse, parse_detailed
from chat_rec.understanding.verdict import (
    CLASSES,
    MODEL_FILE,
    OTHER,
    TARGET,
    LearnedVerdict,
    VerdictModel,
    clause_around,
)

HEAT = 6


def words_model(weights: dict[str, tuple[float, float, float]], threshold: float = 0.8) -> VerdictModel:
    """A words-only model with hand-set weights (like, dislike, none) and a bias towards none."""
    vocab = {w: i for i, w in enumerate(weights)}
    coef = np.array([[weights[w][k] for w in vocab] for k in range(len(CLASSES))], dtype=np.float32)
    return VerdictModel(coef, np.array([0.0, 0.0, 1.0], dtype=np.float32), vocab, 0, threshold, {})


def test_clause_is_the_sentence_part_around_the_mention():
    text = "Heat was zorblax but Ronin bored me to tears. Titanic?"
    assert clause_around(text, (0, 4), [(21, 26)]) == f"{TARGET} was zorblax"
    assert clause_around(text, (21, 26), [(0, 4)]) == f"{TARGET} bored me to tears."
    # a title alone borrows the next sentence: "Titanic? Pure zorblax." judges Titanic there
    assert clause_around("Titanic? Pure zorblax.", (0, 7)) == f"{TARGET}? Pure zorblax."


def test_a_position_keeps_its_words():
    text = "The second one was zorblax"
    assert clause_around(text, (4, 4)) == text


def test_parser_spans_point_at_the_mentions(resolver, catalog):
    result = parse_detailed("Heat was zorblax, and the second one too", [catalog.get(1), catalog.get(2)], resolver)
    start, end = result.spans[HEAT]
    assert result.text[start:end].lower() == "heat"
    assert 2 in result.spans and result.spans[2][0] == result.spans[2][1]  # "the second one": zero width
    assert result.signal == parse("Heat was zorblax, and the second one too", [catalog.get(1), catalog.get(2)],
                                  resolver)


def test_fills_only_what_the_rules_leave_neutral(resolver):
    model = words_model({"zorblax": (4.0, 0.0, 0.0), "hated": (6.0, 0.0, 0.0)})
    extractor = Extractor(resolver, verdict=LearnedVerdict(model, None))
    assert extractor.extract("Heat was pure zorblax").liked_ids == [HEAT]
    assert Extractor(resolver).extract("Heat was pure zorblax").liked_ids == []  # the rules alone: no verdict
    hated = extractor.extract("I hated Heat")  # the model would say like; the rules' dislike stands
    assert hated.disliked_ids == [HEAT] and hated.liked_ids == []
    seen = extractor.extract("I saw Heat last week zorblax")  # "seen" is the rules' reading: kept apart
    assert seen.liked_ids == [] and seen.seen_ids == [HEAT]


def test_below_the_threshold_nothing_is_added(resolver):
    model = words_model({"zorblax": (1.5, 0.0, 0.0)}, threshold=0.9)
    signal = Extractor(resolver, verdict=LearnedVerdict(model, None)).extract("Heat was pure zorblax")
    assert signal.liked_ids == [] and signal.disliked_ids == []


def test_a_broken_model_keeps_the_rules_reading(resolver):
    model = words_model({"zorblax": (4.0, 0.0, 0.0)})
    model.embedding_dim = 384  # needs an embedder it was not given: the fallback steps aside
    signal = Extractor(resolver, verdict=LearnedVerdict(model, None)).extract("Heat was pure zorblax")
    assert signal.liked_ids == [] and HEAT in signal.mentioned_ids


def test_committed_model_is_consistent_with_its_manifest():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    model = VerdictModel.load()
    assert model.coef.shape == (len(CLASSES), model.embedding_dim + len(model.vocab))
    manifest = data["manifest"]
    assert manifest["precision_target"] == 0.9 and set(manifest["inputs"]) >= {"train_dialogues_500.jsonl"}
    assert 0.5 <= model.threshold <= 1.0 and manifest["metrics"]["cross_validation"]["all"]["n"] > 500


def test_redial_labels_follow_the_sentence_not_only_the_questionnaire(tmp_path):
    dialogue = {"conversationId": 7, "initiatorWorkerId": 1,
                "initiatorQuestions": {"11": {"liked": 1}, "12": {"liked": 1}, "13": {"liked": 0},
                                       "14": {"liked": 1}, "15": {"liked": 1}},
                "messages": [
                    {"senderWorkerId": 1, "text": "Have you seen @11 ?"},  # a question: none
                    {"senderWorkerId": 1, "text": "anything similar to @12 ?"},  # asks for films like it: like
                    {"senderWorkerId": 1, "text": "@13 was a real letdown"},
                    {"senderWorkerId": 1, "text": "@14"},  # the title alone: dropped
                    {"senderWorkerId": 1, "text": "I have seen @15 ."},  # only seen: none
                    {"senderWorkerId": 2, "text": "I loved @13 though"},  # second mention, and not the seeker
                ]}
    path = tmp_path / "dialogues.jsonl"
    path.write_text(json.dumps(dialogue) + "\n", encoding="utf-8")
    got = [(e.clause, e.label) for e in redial_examples(path)]
    assert got == [(f"Have you seen {TARGET} ?", "none"), (f"anything similar to {TARGET} ?", "like"),
                   (f"{TARGET} was a real letdown", "dislike"), (f"I have seen {TARGET} .", "none")]
    assert OTHER not in " ".join(c for c, _ in got)


def test_predicate_frames_are_written_in_every_template(tmp_path):
    path = tmp_path / "frames.tsv"
    path.write_text("# comment\nlike\ten\t{X} was zorblax\ndislike\tes\todié {X}\n", encoding="utf-8")
    expanded = frame_examples(path, expand=True)
    assert {e.label for e in expanded if "zorblax" in e.clause} == {"like"}
    assert len([e for e in expanded if "zorblax" in e.clause]) == 4 and len({e.group for e in expanded}) == 2
    assert [e.clause for e in frame_examples(path)] == [f"{TARGET} was zorblax", f"odié {TARGET}"]


def test_real_model_gives_no_verdict_to_questions_and_facts(resolver):
    from chat_rec.embedding import Embedder

    extractor = Extractor(resolver, verdict=LearnedVerdict.default(Embedder().encode))
    for text in ("Is Heat on netflix?", "Who directed Heat?", "Heat is about a bank robbery"):
        signal = extractor.extract(text)
        assert signal.liked_ids == [] and signal.disliked_ids == [], text


def test_train_command_writes_a_model_the_fallback_loads(tmp_path, capsys):
    from chat_rec.cli import main

    dialogues = [{"conversationId": n, "initiatorWorkerId": 1,
                  "initiatorQuestions": {"11": {"liked": n % 2}},
                  "messages": [{"senderWorkerId": 1, "text": f"I {'adored' if n % 2 else 'detested'} @11 a lot"}]}
                 for n in range(6)]
    (tmp_path / "train_dialogues_500.jsonl").write_text("\n".join(json.dumps(d) for d in dialogues) + "\n",
                                                         encoding="utf-8")
    out = tmp_path / "verdict.json"
    assert main(["train", "verdict", "--data", str(tmp_path), "--words-only", "--out", str(out)]) == 0
    model = VerdictModel.load(out)
    manifest = json.loads(out.read_text(encoding="utf-8"))["manifest"]
    assert model.embedding_dim == 0 and manifest["examples"]["redial/like"] == 3
    assert "held_out_frames" in manifest["metrics"] and "held-out frames en / parser+verdict" in capsys.readouterr().out
