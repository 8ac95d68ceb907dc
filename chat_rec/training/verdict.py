"""Fit the learned verdict (``understanding/verdict.py``) and write its file with a manifest.

Data (never the extraction benchmark's cases):
- ReDial seeker turns: a movie the seeker names first in the conversation gets the seeker's own
  questionnaire answer (liked 1 -> like, 0 -> dislike, 2 "did not say" -> none). The
  questionnaire judges the movie, not the sentence, so: a mention in a question is "none"
  (unless it asks for films like it, a like by extraction rule 5); a short clause that only
  says the film was seen is "none" (rule 7); a clause that is only the title (an answer to
  "which movies do you like?", whose verdict sits in the question) is dropped.
- Invented EN/ES frames (``understanding/data/verdict_frames.tsv`` and ``verdict_frames2.tsv``).
Protocol: 5-fold cross-validation grouped by conversation (each frame its own group) gives the
model's own accuracy and calibration and picks C (macro F1); the threshold is the lowest one
giving >= .9 precision on like/dislike decisions out of fold (all data, and the frames alone:
unseen idioms) and on the fallback's candidates in the validation cases (dev + the odd halves
of the fresh sets); the held-out idiom frames are scored last, never used to choose anything.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from chat_rec.catalog.titles import fold
from chat_rec.training.redial import DIALOGUES_FILE, _jsonl, sha256
from chat_rec.understanding.lexicon import SEEN
from chat_rec.understanding.verdict import CLASSES, OTHER, TARGET, VerdictModel, bag_of_words, clause_around

FRAMES_FILE = Path(__file__).resolve().parents[1] / "understanding" / "data" / "verdict_frames.tsv"
FRAMES_FILES = (FRAMES_FILE, FRAMES_FILE.with_name("verdict_frames2.tsv"))
"""The invented frames: the first batch, and a second one of chat idioms and slang (EN/ES) with
hard "none" frames (someone else's opinion, plans, questions), written by a session that read no
benchmark case."""
SEED = 13
FOLDS = 5
PRECISION = 0.9
GRID = [round(0.4 + 0.025 * i, 3) for i in range(24)]
C_GRID = (0.25, 1.0, 4.0, 16.0)
"""Inverse regularisation strengths tried; the one with the best cross-validated macro F1 is kept."""
C = 4.0
_MENTION = re.compile(r"@(\d+)")
_QUESTION = re.compile(r"\?")
_ASKS_LIKE = re.compile(r"\b(?:like|similar|such as|as good as)\b")
"""Asking for films like the target is a like (extraction rule 5), question or not."""


@dataclass(frozen=True)
class Example:
    """One clause with its label and the group it is cross-validated by."""

    clause: str
    label: str
    group: str
    source: str


def redial_examples(path: Path) -> list[Example]:
    """Seeker first mentions of ReDial dialogues as labelled clauses (see the module docstring)."""
    out: list[Example] = []
    for dialogue in _jsonl(path):
        seeker = dialogue.get("initiatorWorkerId")
        answers = dialogue.get("initiatorQuestions") or {}
        named: set[str] = set()
        for message in dialogue.get("messages", []):
            text = str(message.get("text", ""))
            found = [(m.group(1), m.span()) for m in _MENTION.finditer(text)]
            if message.get("senderWorkerId") == seeker:
                for movie, span in found:
                    answer = answers.get(movie, {}) if isinstance(answers, dict) else {}
                    if movie in named or "liked" not in answer:
                        continue
                    clause = clause_around(text, span, [s for m, s in found if m != movie])
                    before = clause.split(TARGET)[0].lower()
                    question = bool(_QUESTION.search(clause)) and not _ASKS_LIKE.search(before)
                    words = len(clause.replace(TARGET, " ").replace(OTHER, " ").split())
                    if not question and words < 2:
                        continue
                    only_seen = words <= 5 and bool(SEEN.search(fold(clause)))
                    label = "none" if question or only_seen else {1: "like", 0: "dislike"}.get(
                        int(answer["liked"]), "none")
                    out.append(Example(clause, label, f"redial-{dialogue.get('conversationId')}", "redial"))
            named.update(m for m, _ in found)
    return out


_PREDICATE = {"en": re.compile(r"^\{X\} (?:is|was) (.+)$"), "es": re.compile(r"^\{X\} (?:es|fue|me parecio) (.+)$")}
TEMPLATES = {"en": ("{X} is {P}", "{X} was {P}", "I thought {X} was {P}", "to me {X} is {P}"),
             "es": ("{X} es {P}", "{X} fue {P}", "para mí {X} es {P}", "{X} me pareció {P}")}
"""Every "{X} is/was P" frame is also written in the other templates, so the sentence shape is
shared by likes and dislikes and only the predicate tells them apart (no shape-label shortcut)."""


def frame_rows(path: Path) -> list[tuple[int, str, str, str]]:
    """(line number, label, language, text) of a frames file: ``label<TAB>lang<TAB>text`` rows,
    comments starting with #, blank lines skipped.
    """
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if line.strip() and not line.startswith("#"):
            label, lang, text = line.split("\t")
            rows.append((number, label, lang, text))
    return rows


def frame_examples(path: Path, expand: bool = False) -> list[Example]:
    """Rows ``label<TAB>lang<TAB>text with {X}`` as clauses (comments start with #); with
    ``expand``, predicate frames in every template of their language (one group per frame).
    """
    out = []
    for number, label, lang, text in frame_rows(path):
        texts = [text]
        match = _PREDICATE[lang].match(text.replace("pareció", "parecio")) if expand and lang in _PREDICATE \
            else None
        if match:
            texts = [t.replace("{P}", match.group(1)) for t in TEMPLATES[lang]]
        group = f"frame-{path.stem}-{number}"
        out += [Example(t.replace("{X}", TARGET), label, group, f"frames-{lang}") for t in texts]
    return out


def build_vocab(clauses: Sequence[str], min_count: int = 2, size: int = 800) -> list[str]:
    """The most frequent folded words and bigrams seen in at least ``min_count`` clauses."""
    counts: dict[str, int] = {}
    for clause in clauses:
        for gram in set(bag_of_words(clause)):
            counts[gram] = counts.get(gram, 0) + 1
    kept = [g for g, c in counts.items() if c >= min_count]
    return sorted(sorted(kept), key=lambda g: -counts[g])[:size]


def fit(examples: Sequence[Example], embeddings: np.ndarray | None, c: float = C) -> VerdictModel:
    """Logistic regression on the examples (``embeddings`` row-aligned, or None for words only)."""
    from sklearn.linear_model import LogisticRegression

    vocab = build_vocab([e.clause for e in examples])
    model = VerdictModel(np.zeros((0,)), np.zeros((0,)), {w: i for i, w in enumerate(vocab)},
                         0 if embeddings is None else int(embeddings.shape[1]), 0.5, {})
    x = model.features([e.clause for e in examples], None if embeddings is None else _rows(embeddings))
    y = np.array([CLASSES.index(e.label) for e in examples])
    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=SEED).fit(x, y)
    order = [list(clf.classes_).index(k) for k in range(len(CLASSES))]
    model.coef, model.intercept = clf.coef_[order].astype(np.float32), clf.intercept_[order].astype(np.float32)
    return model


def _rows(vectors: np.ndarray) -> Callable[[Sequence[str]], np.ndarray]:
    """An "embedder" that returns precomputed vectors (the clauses are embedded once)."""
    return lambda _texts: vectors


def cross_validate(examples: list[Example], embeddings: np.ndarray | None, c: float = C) -> np.ndarray:
    """Out-of-fold probabilities, folds grouped by conversation (or frame)."""
    groups = sorted({e.group for e in examples})
    random.Random(SEED).shuffle(groups)
    fold_of = {g: i % FOLDS for i, g in enumerate(groups)}
    probs = np.zeros((len(examples), len(CLASSES)))
    for k in range(FOLDS):
        train = [i for i, e in enumerate(examples) if fold_of[e.group] != k]
        test = [i for i, e in enumerate(examples) if fold_of[e.group] == k]
        model = fit([examples[i] for i in train], None if embeddings is None else embeddings[train], c)
        rows = [examples[i].clause for i in test]
        probs[test] = model.predict_proba(rows, None if embeddings is None else _rows(embeddings[test]))
    return probs


def report(labels: Sequence[str], probs: np.ndarray, threshold: float) -> dict[str, Any]:
    """Accuracy, macro F1, expected calibration error and precision/coverage of confident verdicts."""
    y = np.array([CLASSES.index(label) for label in labels])
    pred = probs.argmax(axis=1)
    conf = probs.max(axis=1)
    f1s = []
    for k in range(len(CLASSES)):
        tp = int(((pred == k) & (y == k)).sum())
        p = tp / max(int((pred == k).sum()), 1)
        r = tp / max(int((y == k).sum()), 1)
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
    bins = np.minimum((conf * 10).astype(int), 9)
    ece = sum(abs(float((pred[bins == b] == y[bins == b]).mean()) - float(conf[bins == b].mean()))
              * float((bins == b).mean()) for b in range(10) if (bins == b).any())
    decided = (pred != CLASSES.index("none")) & (conf >= threshold)
    return {"n": int(len(y)), "accuracy": float((pred == y).mean()) if len(y) else 0.0, "macro_f1": float(np.mean(f1s)),
            "ece": float(ece), "verdicts": int(decided.sum()),
            "verdict_precision": float((pred[decided] == y[decided]).mean()) if decided.any() else 1.0,
            "verdict_recall": float((decided & (pred == y)).sum() / max(int((y != CLASSES.index("none")).sum()), 1))}


def lowest_threshold(labels: Sequence[str], probs: np.ndarray, precision: float = PRECISION) -> float:
    """The lowest grid threshold whose like/dislike decisions (if any) reach ``precision``."""
    for t in GRID:
        if report(labels, probs, t)["verdict_precision"] >= precision:
            return t
    return 1.0


def save(model: VerdictModel, path: Path, manifest: dict[str, Any]) -> None:
    """Write the fitted model as JSON (rounded weights: a few tens of KB)."""
    vocab = sorted(model.vocab, key=model.vocab.__getitem__)
    data = {"classes": list(CLASSES), "embedding_dim": model.embedding_dim, "threshold": model.threshold,
            "vocab": vocab, "intercept": [round(float(v), 4) for v in model.intercept],
            "coef": [[round(float(v), 4) for v in row] for row in model.coef], "manifest": manifest}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def train(data_dir: Path, embed: Callable[[Sequence[str]], np.ndarray] | None,
          validation: Callable[[VerdictModel], tuple[list[str], np.ndarray]] | None,
          held_out: Path | None, out: Path, say: Callable[[str], None] = print) -> dict[str, Any]:
    """Build the data, cross-validate, fit on everything, pick the threshold, write ``out``."""
    dialogues = data_dir / DIALOGUES_FILE
    examples = redial_examples(dialogues) + [e for path in FRAMES_FILES for e in frame_examples(path, expand=True)]
    counts = {f"{s}/{k}": sum(1 for e in examples if e.source == s and e.label == k)
              for s in sorted({e.source for e in examples}) for k in CLASSES}
    say(f"examples: {len(examples)} {counts}")
    embeddings = embed([e.clause for e in examples]) if embed is not None else None
    labels = [e.label for e in examples]
    by_c = {c: cross_validate(examples, embeddings, c) for c in C_GRID}
    f1_by_c = {c: report(labels, probs, 1.0)["macro_f1"] for c, probs in by_c.items()}
    c = max(C_GRID, key=lambda k: (round(f1_by_c[k], 3), -k))
    oof = by_c[c]
    say(f"cross-validated macro F1 by C: {f1_by_c}; C = {c}")
    framed = [i for i, e in enumerate(examples) if e.source.startswith("frames")]
    t_cv = max(lowest_threshold(labels, oof), lowest_threshold([labels[i] for i in framed], oof[framed]))
    model = fit(examples, embeddings, c)
    t_val, validation_report = t_cv, None
    if validation is not None:
        val_labels, val_probs = validation(model)
        t_val = lowest_threshold(val_labels, val_probs) if len(val_labels) else t_cv
        validation_report = {"candidates": len(val_labels), "threshold_alone": t_val}
    model.threshold = max(t_cv, t_val)
    cv = {source: report([e.label for e in examples if e.source == source],
                         oof[[i for i, e in enumerate(examples) if e.source == source]], model.threshold)
          for source in sorted({e.source for e in examples})}
    cv["all"] = report(labels, oof, model.threshold)
    if validation_report is not None:
        validation_report |= report(val_labels, val_probs, model.threshold)
    metrics: dict[str, Any] = {"cross_validation": cv, "threshold_cv": t_cv, "validation": validation_report,
                               "C": c, "macro_f1_by_C": f1_by_c}
    if held_out is not None:
        frames = frame_examples(held_out)
        probs = model.predict_proba([f.clause for f in frames], embed)
        metrics["held_out_frames"] = {src: report([f.label for f in frames if f.source == src],
                                                  probs[[i for i, f in enumerate(frames) if f.source == src]],
                                                  model.threshold) for src in sorted({f.source for f in frames})}
    manifest = {"inputs": {str(dialogues.name): sha256(dialogues), **{p.name: sha256(p) for p in FRAMES_FILES}},
                "examples": counts, "seed": SEED, "folds": FOLDS, "precision_target": PRECISION,
                "features": "MiniLM embedding + binary words/bigrams" if embed else "binary words/bigrams",
                "protocol": __doc__.split("Protocol: ", 1)[1].split("\n\n")[0].replace("\n", " ") if __doc__ else "",
                "metrics": metrics}
    save(model, out, manifest)
    return manifest
