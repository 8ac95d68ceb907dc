"""Compare retrieval-query and candidate variants on the validation split, then look at dev.

    PYTHONPATH=. python scripts/crs_variants.py --data ../shared/data/redial-train [--dev-limit N]

Protocol (as ``chat-rec train conversations``): the conversation model is fitted without the dev
and validation conversations; the validation cases (held-out ReDial training dialogues) are
replayed once; for each variant the six signal weights are re-fitted there by coordinate ascent
and the variant's validation score is read. The dev files are then ranked with the saved model
(dev conversations out) and each variant's validation weights, for the record only: no choice
is made on them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import numpy as np

from chat_rec.eval.crs import CrsEngine, load_crs_cases
from chat_rec.ranking import pipeline
from chat_rec.ranking.learned import WEIGHT_NAMES, load_conversation_model
from chat_rec.ranking.query import dialogue_query
from chat_rec.training import redial
from chat_rec.training import weights as fitting
from chat_rec.training.conversations import TrainConfig, _fit, default_excludes

VARIANTS: dict[str, tuple[str, bool]] = {
    "last seeker turn (main)": ("seeker:1", False),
    "seeker turns": ("seeker:3", False),
    "last exchange": ("both:2", False),
    "last 4 turns": ("both:4", False),
    "last seeker turn, whole catalog": ("seeker:1", True),
    "last exchange, whole catalog": ("both:2", True),
    "last 4 turns, whole catalog": ("both:4", True),
}


def _text(case: dict[str, Any], mode: str) -> str:
    who, n = mode.split(":")
    turns = case["turns"] if who == "both" else [t for t in case["turns"] if t["role"] == "user"]
    return dialogue_query(turns[-int(n):]) if turns else ""


def collect(engine: CrsEngine, cases: list[dict[str, Any]], states: list[Any], mode: str,
            whole: bool) -> list[fitting.CaseSignals]:
    """``weights.collect`` with the query text and the candidate set of the variant."""
    texts = [_text(c, mode) for c in cases]
    engine.query_turns = 1  # the variant's text stands alone
    for state, text in zip(states, texts, strict=True):
        state.last_user_text, state.prior_turns = text, []
    engine.embed_texts(engine.query_text(s) for s in states)
    out = []
    for case, state in zip(cases, states, strict=True):
        candidates, query = engine.retrieve(state)
        if whole:
            candidates = None
        req = pipeline.rank_request(state.profile, state.constraints, 50, 0.0, candidates, query)
        allowed, rows, signals = engine.ranker.signals(req)
        keep = allowed[rows]
        matrix = np.stack([np.asarray(signals[n], np.float32)[keep] for n in WEIGHT_NAMES], axis=1)
        ids = engine.ranker.ids[rows][keep]
        if len(ids) > fitting.WHOLE_CATALOG_KEEP:
            top = np.unique(np.concatenate([np.argpartition(-matrix[:, j], fitting.WHOLE_CATALOG_KEEP)[
                :fitting.WHOLE_CATALOG_KEEP] for j in range(matrix.shape[1])]))
            ids, matrix = ids[top], matrix[top]
        position = {int(i): r for r, i in enumerate(ids.tolist())}
        targets = np.array([position.get(t, -1) for t in fitting._novel_targets(case, engine.catalog)], np.int64)
        out.append(fitting.CaseSignals(ids, matrix, targets))
    return out


def replay(engine: CrsEngine, cases: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[Any]]:
    todo = [c for c in cases if fitting._novel_targets(c, engine.catalog)]
    return todo, [engine.replay(c) for c in todo]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--dev", nargs="*", default=["../shared/benchmarks/crs/inspired_dev.jsonl",
                                                 "../shared/benchmarks/crs/redial_valid.jsonl"])
    ap.add_argument("--dev-limit", type=int)
    ap.add_argument("--variants", nargs="*", help="names from VARIANTS (default: all)")
    ap.add_argument("--json")
    args = ap.parse_args()
    variants = {n: v for n, v in VARIANTS.items() if not args.variants or n in args.variants}
    config = TrainConfig(data=args.data, out=Path("/dev/null"), exclude=default_excludes(args.data))
    id_map = redial.read_id_map(args.data / redial.ID_MAP_FILE)
    dev_ids: set[str] = set()
    for path in config.exclude:
        dev_ids |= redial.conversation_ids(path)
    dialogues = redial.read_dialogues(args.data / redial.DIALOGUES_FILE)
    validation_ids = {str(d.get("conversationId")) for d in dialogues}
    convs, _, _ = redial.read_sequences(args.data / redial.SEQUENCES_FILE, id_map, dev_ids | validation_ids)
    engine = CrsEngine.build(progress=False, conversation=_fit(convs, config))
    full_model, learned = load_conversation_model(engine.settings)
    start = learned or engine.ranker.weights
    engine.ranker.weights = start
    val_cases, val_states = replay(engine, redial.dialogue_cases(dialogues, id_map))
    report: dict[str, Any] = {}
    chosen = {}
    for name, (mode, whole) in variants.items():
        signals = collect(engine, val_cases, val_states, mode, whole)
        w, objective = fitting.fit(signals, start)
        chosen[name] = w
        vec = np.array([getattr(w, n) for n in WEIGHT_NAMES], np.float32)
        r = fitting.recall(signals, vec)
        report[name] = {"validation": {"R@10": round(r[10], 4), "R@50": round(r[50], 4),
                                       "objective": round(objective, 4)},
                        "weights": {n: getattr(w, n) for n in WEIGHT_NAMES}}
        print(name, report[name], file=sys.stderr, flush=True)
    dev_engine = CrsEngine(engine.settings, engine.catalog, engine.index,
                           type(engine.ranker)(engine.catalog, engine.index, engine.ranker.collaborative, start,
                                               aspects=engine.aspects, conversation=full_model),
                           engine.extractor, engine.genre_vectors, engine.aspects)
    for path in args.dev:
        cases, states = replay(dev_engine, load_crs_cases(path, args.dev_limit))
        for name, (mode, whole) in variants.items():
            signals = collect(dev_engine, cases, states, mode, whole)
            vec = np.array([getattr(chosen[name], n) for n in WEIGHT_NAMES], np.float32)
            r = fitting.recall(signals, vec)
            report[name][Path(path).stem] = {"R@10": round(r[10], 4), "R@50": round(r[50], 4)}
            print(name, Path(path).stem, report[name][Path(path).stem], file=sys.stderr, flush=True)
    text = json.dumps(report, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
