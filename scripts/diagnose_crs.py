"""Diagnose a CRS cases file through the app's engine: where the novel targets rank and why.

    PYTHONPATH=. python scripts/diagnose_crs.py ../shared/benchmarks/crs/inspired_dev.jsonl [--limit N] [--json OUT]

Prints, for the novel in-catalog targets: coverage (no MovieLens id, out of catalog), release
years, where the target ranks among the candidates under the learned weights (no MMR), the
title resolver's mentions against the annotated ones, how well different slices of the dialogue
text find the target by content alone (last seeker turn, last recommender turn, both, all seeker
turns, the whole dialogue), the genres the parser read, and per-signal ablations. Measures only:
nothing here is fitted, and nothing is written.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from chat_rec.eval.crs import CrsEngine, load_crs_cases
from chat_rec.ranking.learned import WEIGHT_NAMES
from chat_rec.training import weights as fitting


def _novel(case: dict[str, Any], catalog: Any) -> list[int]:
    return [int(t["movielens_id"]) for t in case["targets"]
            if t.get("movielens_id") is not None and not t.get("repeated") and int(t["movielens_id"]) in catalog]


def coverage(cases: list[dict[str, Any]], catalog: Any) -> dict[str, Any]:
    """Target counts: without a MovieLens id, outside the catalog, repeated, novel in-catalog; years."""
    total = no_id = outside = repeated = 0
    years: Counter[str] = Counter()
    for case in cases:
        for t in case["targets"]:
            total += 1
            if t.get("movielens_id") is None:
                no_id += 1
            elif int(t["movielens_id"]) not in catalog:
                outside += 1
            elif t.get("repeated"):
                repeated += 1
            else:
                year = t.get("year") or 0
                years["<1990" if year < 1990 else f"{year // 5 * 5}-{year // 5 * 5 + 4}"] += 1
    unmatched_years = Counter(str(t.get("year")) for c in cases for t in c["targets"] if t.get("movielens_id") is None)
    return {"targets": total, "no_movielens_id": no_id, "no_id_share": round(no_id / max(1, total), 3),
            "outside_catalog": outside, "repeated_in_catalog": repeated,
            "novel_in_catalog": total - no_id - outside - repeated, "novel_years": dict(sorted(years.items())),
            "unmatched_by_year_top": unmatched_years.most_common(6)}


def mentions(engine: CrsEngine, cases: list[dict[str, Any]], states: list[Any]) -> dict[str, Any]:
    """Resolver mentions (what the app reads from the text) against the annotated ``mentioned`` ids."""
    found = gold = both = 0
    for case, state in zip(cases, states, strict=True):
        annotated = {int(m["movielens_id"]) for m in case.get("mentioned", ())
                     if m.get("movielens_id") is not None and int(m["movielens_id"]) in engine.catalog}
        read = set(state.mentioned)
        found += len(read)
        gold += len(annotated)
        both += len(read & annotated)
    return {"resolver_mentions": found, "annotated_in_catalog": gold, "agree": both,
            "precision": round(both / max(1, found), 3), "recall": round(both / max(1, gold), 3)}


def _rank_of(scores: np.ndarray, ids: np.ndarray, target: int) -> int:
    pos = np.flatnonzero(ids == target)
    if not len(pos):
        return -1
    return int(np.count_nonzero(scores > scores[pos[0]]))


def text_probes(engine: CrsEngine, cases: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Content-only retrieval: rank of each novel target in the catalog by cosine to a text slice."""
    def slices(case: dict[str, Any]) -> dict[str, str]:
        turns = case["turns"]
        users = [t["text"] for t in turns if t["role"] == "user"]
        bots = [t["text"] for t in turns if t["role"] != "user"]
        return {"last seeker turn": users[-1] if users else "",
                "last recommender turn": bots[-1] if bots else "",
                "last recommender + seeker turn": " ".join(t["text"] for t in turns[-2:]),
                "all seeker turns": " ".join(users), "last 4 turns": " ".join(t["text"] for t in turns[-4:]),
                "whole dialogue": " ".join(t["text"] for t in turns)}

    todo = [(c, _novel(c, engine.catalog)) for c in cases]
    todo = [(c, t) for c, t in todo if t]
    per = [slices(c) for c, _ in todo]
    names = list(per[0]) if per else []
    out: dict[str, dict[str, float]] = {}
    vectors = engine.index.vectors
    ids = np.asarray(engine.index.ids)
    for name in names:
        texts = [p[name][-2000:] or "." for p in per]
        emb = engine.index.embedder.encode(texts)
        ranks = []
        for (_, targets), v in zip(todo, emb, strict=True):
            scores = vectors @ np.asarray(v, np.float32)
            ranks += [_rank_of(scores, ids, t) for t in targets]
        r = np.array(ranks)
        out[name] = {"R@10": round(float(np.mean(r < 10)), 3), "R@50": round(float(np.mean(r < 50)), 3),
                     "R@200": round(float(np.mean(r < 200)), 3), "median_rank": float(np.median(r))}
    return out


def ranks(signals: list[fitting.CaseSignals], w: np.ndarray) -> dict[str, Any]:
    """Where the novel targets land among the candidates under weights ``w`` (no MMR)."""
    buckets: Counter[str] = Counter()
    for case in signals:
        scores = case.signals @ w
        for t in case.targets:
            if t < 0:
                buckets["not a candidate"] += 1
                continue
            r = int(np.count_nonzero(scores >= scores[t])) - 1
            buckets["1" if r < 1 else "2-10" if r < 10 else "11-50" if r < 50 else "51-200" if r < 200 else ">200"] += 1
    sizes = [len(c.ids) for c in signals]
    return {"buckets": dict(buckets), "median_candidates": statistics.median(sizes) if sizes else 0}


def single_signals(signals: list[fitting.CaseSignals]) -> dict[str, dict[str, float]]:
    """Each signal alone (weight 1, the others 0)."""
    out = {}
    for j, name in enumerate(WEIGHT_NAMES):
        w = np.zeros(len(WEIGHT_NAMES), np.float32)
        w[j] = 1.0
        r = fitting.recall(signals, w)
        out[name] = {"R@10": round(r[10], 3), "R@50": round(r[50], 3)}
    return out


def genres(engine: CrsEngine, cases: list[dict[str, Any]], states: list[Any]) -> dict[str, Any]:
    """How often the parser read a genre or a mood, and how often the target carries a read genre."""
    with_genre = with_aspect = targets = target_has = 0
    for case, state in zip(cases, states, strict=True):
        liked = {g.lower() for g in state.constraints.liked_genres} if state.constraints else set()
        with_genre += bool(liked)
        with_aspect += bool(state.liked_aspects)
        for t in _novel(case, engine.catalog):
            item = engine.catalog.get(t)
            if liked and item is not None:
                targets += 1
                target_has += bool(liked & {g.lower() for g in item.genres})
    return {"cases_with_liked_genre_last_turn": with_genre, "cases_with_moods": with_aspect,
            "targets_in_those_cases": targets, "target_has_a_read_genre": target_has}


def main() -> int:
    """Run every probe on one cases file and print a JSON report."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cases")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json", help="also write the report here")
    args = ap.parse_args()
    cases = load_crs_cases(args.cases, args.limit)
    engine = CrsEngine.build(progress=False)
    report: dict[str, Any] = {"file": str(args.cases), "cases": len(cases),
                              "weights": {n: getattr(engine.ranker.weights, n) for n in WEIGHT_NAMES}}
    report["coverage"] = coverage(cases, engine.catalog)
    states = [engine.replay(c) for c in cases]
    report["mentions"] = mentions(engine, cases, states)
    report["genres"] = genres(engine, cases, states)
    report["text_probes"] = text_probes(engine, cases)
    w = np.array([getattr(engine.ranker.weights, n) for n in WEIGHT_NAMES], np.float32)
    for label, oracle in (("text mentions", False), ("oracle mentions", True)):
        engine.oracle_mentions = oracle
        engine._found.clear()
        signals = fitting.collect(engine, cases, progress=False)
        report[label] = {"ranks": ranks(signals, w), "ablations": fitting.ablations(signals, engine.ranker.weights),
                         "single_signals": single_signals(signals)}
    text = json.dumps(report, indent=1)
    print(text)
    if args.json:
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
