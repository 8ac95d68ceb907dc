"""Experiment (not used by the app): the learned verdict read from the packaged Qwen's hidden states.

The committed verdict (``understanding/verdict.py``) is a logistic regression over MiniLM (an
English-only embedder) plus a bag of words. This script fits the same regression, on the same
examples and with the same protocol (``training/verdict.py``: 5-fold grouped cross-validation, the
threshold the lowest giving >= .9 precision out of fold), over the mean-pooled hidden state of one
layer of the packaged Qwen2.5-Coder-0.5B instead, then reports:

- cross-validated and held-out idiom frames (``tests/data/verdict/idiom_frames*.tsv``, never fitted on);
- the default reader end to end on every extraction set with the Qwen verdict in place of the
  committed one (clean sets as aggregates only).

Usage (about 6 minutes on 2 cores)::

    python scripts/verdict_qwen_probe.py --layer 12 --c 0.25 [--threshold 0.85]

Needs ../shared/data/redial-train and the packaged model folder (``make demo`` converts it).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import numpy as np

from chat_rec.training import verdict as tv

MODEL_DIR = Path(os.environ.get("CHAT_REC_MODELS_ROOT", Path.home() / ".cache/chat-rec/models")) \
    / "qwen2.5-coder-0.5b-instruct"
SETS = ["../shared/benchmarks/extraction/dev.jsonl"] + [
    f"tests/data/extraction/fresh{n}.jsonl" for n in ["", 2, 3, 4, 5, 6, 7, 8, 9, 10]]


def qwen_features(layer: int):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(MODEL_DIR)
    model = AutoModelForCausalLM.from_pretrained(MODEL_DIR, dtype=torch.bfloat16).eval()

    def encode(texts, batch=32):
        rows = []
        for i in range(0, len(texts), batch):
            enc = tok(list(texts[i:i + batch]), return_tensors="pt", padding=True, truncation=True, max_length=64)
            with torch.no_grad():
                hidden = model(**enc, output_hidden_states=True).hidden_states[layer].float()
            mask = enc["attention_mask"].unsqueeze(-1).float()
            rows.append(((hidden * mask).sum(1) / mask.sum(1)).numpy())
        return np.vstack(rows)

    return encode


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--layer", type=int, default=12)
    ap.add_argument("--c", type=float, default=0.25)
    ap.add_argument("--threshold", type=float, help="override the protocol's threshold")
    ap.add_argument("--data", default="../shared/data/redial-train")
    args = ap.parse_args()
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.config import get_settings
    from chat_rec.embedding import Embedder
    from chat_rec.eval.extraction import load_cases, predict, score
    from chat_rec.understanding.extractor import Extractor
    from chat_rec.understanding.request import LearnedRequest
    from chat_rec.understanding.resolver import TitleResolver
    from chat_rec.understanding.verdict import LearnedVerdict

    examples = tv.redial_examples(Path(args.data) / tv.DIALOGUES_FILE) + [
        e for p in tv.FRAMES_FILES for e in tv.frame_examples(p, expand=True)]
    held = [f for name in ("idiom_frames.tsv", "idiom_frames3.tsv")
            for f in tv.frame_examples(Path("tests/data/verdict") / name)]
    encode = qwen_features(args.layer)
    raw = encode([e.clause for e in examples])
    mu, sd, scale = raw.mean(0), raw.std(0) + 1e-6, 8 / np.sqrt(raw.shape[1])

    def embed(texts):
        return (encode(list(texts)) - mu) / sd * scale

    x = (raw - mu) / sd * scale
    labels = [e.label for e in examples]
    oof = tv.cross_validate(examples, x, args.c)
    framed = [i for i, e in enumerate(examples) if e.source.startswith("frames")]
    threshold = args.threshold or max(tv.lowest_threshold(labels, oof),
                                      tv.lowest_threshold([labels[i] for i in framed], oof[framed]))
    model = tv.fit(examples, x, args.c)
    model.threshold = threshold
    held_probs = model.predict_proba([f.clause for f in held], embed)
    print(f"layer {args.layer}, C {args.c}, threshold {threshold}")
    for src in ("frames-en", "frames-es", "redial"):
        rows = [i for i, e in enumerate(examples) if e.source == src]
        print("cross-validated", src, tv.report([labels[i] for i in rows], oof[rows], threshold))
    for src in ("frames-en", "frames-es"):
        rows = [i for i, f in enumerate(held) if f.source == src]
        print("held-out idioms", src, tv.report([held[i].label for i in rows], held_probs[rows], threshold))
    settings = get_settings()
    resolver = TitleResolver(load_catalog(settings.catalog_dir))
    minilm = Embedder(settings.embedding_model, settings=settings).encode
    request = LearnedRequest.for_settings(settings, minilm)
    readers = {"committed verdict": Extractor(resolver, None, verdict=LearnedVerdict.default(minilm), request=request),
               "qwen verdict": Extractor(resolver, None, verdict=LearnedVerdict(model, embed), request=request)}
    for path in SETS:
        cases = load_cases(path)
        line = []
        for name, reader in readers.items():
            result = score(cases, predict(cases, reader, progress=False))
            line.append(f"{name}: all exact {result['all_exact']:.3f}, liked F1 {result['liked_ids']['f1']:.3f} "
                        f"(fp {result['liked_ids']['fp']}), disliked F1 {result['disliked_ids']['f1']:.3f} "
                        f"(fp {result['disliked_ids']['fp']})")
        print(Path(path).stem, "|", " | ".join(line))


if __name__ == "__main__":
    main()
