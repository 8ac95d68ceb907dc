"""The learned request reader: it only turns the rules' "no request" into "request", its protocol, its file."""

from __future__ import annotations

import json

import numpy as np
import pytest

from chat_rec.training.request import Example, best_threshold, frame_cases, leave_one_set_out, report
from chat_rec.understanding.extractor import Extractor
from chat_rec.understanding.request import MODEL_FILE, LearnedRequest, RequestModel, masked, pieces
from chat_rec.understanding.signal import PreferenceSignal
from chat_rec.understanding.verdict import TARGET


@pytest.fixture(scope="module")
def embed():
    from chat_rec.embedding import Embedder

    return Embedder().encode


def words_model(weights: dict[str, float], threshold: float = 0.9, bias: float = -2.0) -> RequestModel:
    """A words-only model with hand-set weights."""
    vocab = {w: i for i, w in enumerate(weights)}
    return RequestModel(np.array([weights[w] for w in vocab], dtype=np.float32), bias, vocab, 0, threshold, {})


def test_titles_are_masked_and_positions_keep_their_words():
    text = "More like Heat and the second one"
    assert masked(text, {6: (10, 14), 2: (19, 19)}) == f"More like {TARGET} and the second one"


def test_a_message_is_read_whole_and_sentence_by_sentence():
    assert pieces("Loved the first one. I'm craving a war film now.") == [
        "Loved the first one. I'm craving a war film now.", "Loved the first one.", "I'm craving a war film now."]
    assert pieces("a zorp tonight") == ["a zorp tonight"]
    assert pieces("Ok. A zorp tonight?") == ["Ok. A zorp tonight?"]  # a one-word sentence is no piece
    reader = LearnedRequest(words_model({"zorp": 8.0, "loved": -9.0}), None)
    # feedback before the request does not dilute it: its own sentence is read alone
    assert reader.fill(PreferenceSignal(), "Loved it. A zorp tonight.", {}).wants_new_recommendations
    assert not reader.fill(PreferenceSignal(), "Loved it, a zorp tonight.", {}).wants_new_recommendations


def test_only_a_no_becomes_a_yes_and_only_above_the_threshold():
    reader = LearnedRequest(words_model({"zorp": 8.0}), None)
    assert reader.fill(PreferenceSignal(), "a zorp tonight", {}).wants_new_recommendations
    assert not reader.fill(PreferenceSignal(), "a quiet night", {}).wants_new_recommendations  # p = .12
    said = PreferenceSignal(wants_new_recommendations=True)
    assert reader.fill(said, "a quiet night", {}).wants_new_recommendations  # never takes a request away
    assert not LearnedRequest(words_model({"zorp": 1.0}), None).fill(
        PreferenceSignal(), "a zorp tonight", {}).wants_new_recommendations  # p = .27 < .9


def test_a_broken_reader_keeps_the_rules_reading():
    reader = LearnedRequest(RequestModel(np.zeros(384, dtype=np.float32), 5.0, {}, 384, 0.5, {}), None)
    assert not reader.fill(PreferenceSignal(), "anything good?", {}).wants_new_recommendations  # no embedder


def test_protocol_picks_the_most_accurate_threshold():
    examples = [Example("x", y, False, g) for g, y in [("a", True), ("a", False), ("b", True), ("b", False)]]
    probs = np.array([0.97, 0.6, 0.8, 0.55])
    # the non-requests score .6 and .55, the requests .97 and .8: from .625 to .8 all four are right; the
    # highest of those values is kept (fewest additions on a tie)
    assert best_threshold(examples, probs) == 0.8
    assert report(examples, probs, 0.8)["added_right"] == 2


def test_protocol_keeps_the_rules_when_the_reader_cannot_beat_them():
    examples = [Example("x", y, y, "a" if i % 2 else "b") for i, y in enumerate([True, False, True, False])]
    probs = np.array([0.2, 0.99, 0.3, 0.98])  # the rules are always right; every addition would be wrong
    assert best_threshold(examples, probs) == 1.0


def test_leave_one_set_out_never_scores_a_set_with_itself():
    # set "a" says zorp means a request, set "b" says it does not: each is predicted from the other
    examples = ([Example("zorp tonight", True, False, "a") for _ in range(4)]
                + [Example("quiet night", False, False, "a") for _ in range(4)]
                + [Example("zorp tonight", False, False, "b") for _ in range(4)]
                + [Example("quiet night", True, False, "b") for _ in range(4)])
    probs = leave_one_set_out(examples, None, 4.0)
    assert probs[:4].mean() < 0.5 < probs[4:8].mean()  # set "a" read with "b"'s lesson


def test_committed_model_is_consistent_with_its_manifest():
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    model = RequestModel.load()
    assert model.coef.shape == (model.embedding_dim + len(model.vocab),)
    assert data["manifest"]["threshold"] == model.threshold and 0.5 <= model.threshold < 1
    folds = data["manifest"]["out_of_fold"]["all"]
    assert folds["rules_with_reader_accuracy"] >= folds["rules_accuracy"]  # the chosen threshold never loses
    inputs = data["manifest"]["inputs"]
    whole_clean = {"fresh5", "fresh9", "fresh10", "fresh11", "fresh12", "fresh13", "fresh14", "fresh16"}
    assert not any(name.split("/")[-1].split(".")[0] in whole_clean or name.endswith(":even") for name in inputs)
    assert all(name.endswith((":odd", "dev.jsonl")) or name.split("/")[-1].split(".")[0] in
               {"fresh", "fresh2", "fresh7", "fresh8"} or name.endswith(".tsv") for name in inputs)


# Invented for this reader (not from any labelled set): requests whose shape the rules do not know,
# and messages that must stay "no request" (feedback, thanks, choosing, small talk, a fact question).
INVENTED_REQUESTS = ("I'm craving a good courtroom drama.", "Could go for a costume drama.",
                     "Loved the first one. I'm craving a war film now.")
INVENTED_NON_REQUESTS = ("Thanks, that's all for now.", "Heat was great, Ronin not so much.",
                         "I watched Jaws yesterday with my kids.", "Ok I'll go with the second one.",
                         "Gracias, me voy a ver la primera.", "Me encantó Coco, la lloré entera.",
                         "Haha no worries, have a good one!", "That's it, I'm off to bed.", "Is Alien a horror film?",
                         "Which of those would you watch first?", "Not looking for anything right now, just browsing.")


def test_real_reader_adds_requests_the_rules_miss(resolver, embed):
    rules = Extractor(resolver)
    reader = Extractor(resolver, request=LearnedRequest.default(embed))
    for text in INVENTED_REQUESTS:
        assert not rules.extract(text).wants_new_recommendations, text  # else this case tests nothing
    added = [text for text in INVENTED_REQUESTS if reader.extract(text).wants_new_recommendations]
    # the reader refitted in the forty-fourth session (all analysed parts, threshold .925) reads two of the
    # three; "I'm craving a good courtroom drama." scores .92 there (docs/benchmarks.md, forty-fourth round)
    assert len(added) >= 2, added


def test_real_reader_leaves_feedback_and_small_talk_alone(resolver, embed):
    reader = Extractor(resolver, request=LearnedRequest.default(embed))
    for text in INVENTED_NON_REQUESTS:
        assert not reader.extract(text).wants_new_recommendations, text


def test_train_command_writes_a_model_the_reader_loads(tmp_path, capsys):
    from chat_rec.cli import main

    def case(n: int, text: str, request: bool) -> str:
        return json.dumps({"id": f"c{n}", "previous_reply": {"text": "", "recommended": []}, "utterance": text,
                           "expect": {"liked_ids": [], "disliked_ids": [], "liked_genres": [], "disliked_genres": [],
                                      "year_min": None, "year_max": None, "wants_new_recommendations": request}})

    files = []
    for k in range(2):
        path = tmp_path / f"set{k}.jsonl"
        path.write_text("\n".join(case(n, t, r) for n, (t, r) in enumerate(
            [("zorp me a thing", True), ("blorf was okay", False)] * 3)) + "\n", encoding="utf-8")
        files.append(str(path))
    frames = tmp_path / "frames.tsv"
    frames.write_text("# invented\n1\ten\tzorp me a thing like {X}\n0\tes\t{X} blorf was okay\n", encoding="utf-8")
    out = tmp_path / "request.json"
    args = ["train", "request", "--cases", *files, "--frames", str(frames), "--words-only", "--out", str(out)]
    assert main(args) == 0
    model = RequestModel.load(out)
    manifest = json.loads(out.read_text(encoding="utf-8"))["manifest"]
    assert model.embedding_dim == 0 and manifest["examples"] == {files[0]: 6, files[1]: 6, "frames.tsv": 2}
    assert "written to" in capsys.readouterr().out
    assert LearnedRequest(model, None).fill(PreferenceSignal(), "zorp me a thing", {}).wants_new_recommendations


def test_frames_put_a_film_where_they_say_x(tmp_path):
    path = tmp_path / "f.tsv"
    path.write_text("# c\n1\ten\tmore like {X} and {X}\n0\ten\tthanks\n", encoding="utf-8")
    cases = frame_cases(path)
    assert [c["expect"]["wants_new_recommendations"] for c in cases] == [True, False]
    assert cases[0]["utterance"] == "more like Heat and Jaws"
