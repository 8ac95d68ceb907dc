"""Scoring for the CRS benchmark (``eval/crs.py``): the cases file, recall@k per target, the
repeat-mentioned baseline, list diversity and the printed table.

Scoring is per (case, target) pair with a ``movielens_id``: recall@k is the share of such targets
found in the top k; ``novel`` keeps only targets not mentioned earlier in the dialogue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from chat_rec.eval.jsonl import read_cases

KS: tuple[int, ...] = (1, 10, 50)
"""Cut-offs reported for recall."""

DEPTH = 50
"""How many items each case's list holds."""


# ------------------------------------------------------------------------------------- cases


def load_crs_cases(path: Path | str, limit: int | None = None) -> list[dict[str, Any]]:
    """Read CRS cases (one JSON object per line), the first ``limit`` when given."""
    return read_cases(path, ("id", "turns", "targets"), "CRS cases", limit)


# ------------------------------------------------------------------------------------ scoring


def _recalls(hits: Mapping[int, int], n: int) -> dict[str, float]:
    return {f"recall@{k}": (hits[k] / n if n else 0.0) for k in KS}


def score_rankings(cases: Sequence[Mapping[str, Any]], rankings: Mapping[str, Sequence[int]],
                   catalog_ids: Iterable[int] | None = None) -> dict[str, Any]:
    """Recall@k over every matched target (``all``) and the non-repeated ones (``novel``).

    A target counts when it has a ``movielens_id`` that is in the catalog (when ``catalog_ids`` is
    given); the others are ``targets_unmatched``. A case missing from ``rankings`` scores no hits.
    """
    known = None if catalog_ids is None else set(int(i) for i in catalog_ids)
    hits_all = dict.fromkeys(KS, 0)
    hits_novel = dict.fromkeys(KS, 0)
    scored = novel = unmatched = 0
    for case in cases:
        ranked = [int(i) for i in rankings.get(case["id"], ())]
        position = {item: pos for pos, item in reversed(list(enumerate(ranked)))}
        for target in case["targets"]:
            item = target.get("movielens_id")
            if item is None or (known is not None and int(item) not in known):
                unmatched += 1
                continue
            pos = position.get(int(item))
            is_novel = not target.get("repeated", False)
            scored += 1
            novel += is_novel
            for k in KS:
                hit = pos is not None and pos < k
                hits_all[k] += hit
                hits_novel[k] += hit and is_novel
    return {"targets_scored": scored, "targets_unmatched": unmatched, "targets_novel": novel,
            "all": _recalls(hits_all, scored), "novel": _recalls(hits_novel, novel)}


def repeat_mentioned(case: Mapping[str, Any]) -> list[int]:
    """The baseline list: the movies mentioned so far, most recently (first) mentioned first."""
    ids = [int(m["movielens_id"]) for m in case.get("mentioned", ()) if m.get("movielens_id") is not None]
    return list(dict.fromkeys(reversed(ids)))[:DEPTH]


def diversity(lists: Sequence[Sequence[int]], vector_of: Mapping[int, int], vectors: np.ndarray,
              catalog_size: int, k: int = 10) -> dict[str, float]:
    """Intra-list diversity (mean pairwise 1 - cosine in each top k) and catalog coverage of the top k."""
    spreads: list[float] = []
    shown: set[int] = set()
    for ranked in lists:
        top = [int(i) for i in ranked[:k]]
        shown.update(top)
        rows = [vector_of[i] for i in top if i in vector_of]
        if len(rows) < 2:
            continue
        v = vectors[rows]
        sims = v @ v.T
        n = len(rows)
        spreads.append(float((n * n - sims.sum()) / (n * (n - 1))))  # mean of 1 - cos off the diagonal
    return {f"intra_list@{k}": float(np.mean(spreads)) if spreads else 0.0,
            f"coverage@{k}": len(shown) / catalog_size if catalog_size else 0.0}


# ------------------------------------------------------------------------------------ replay




def format_crs_table(result: Mapping[str, Any]) -> str:
    """A plain-text table: recall (with 95% intervals) of the engine and of the baselines, then coverage facts."""
    base = result["baselines"]["repeat_mentioned"]
    ci = result.get("ci95", {})
    lines = [
        f"cases: {result['cases']}   targets scored: {result['targets_scored']}   "
        f"unmatched (dropped): {result['targets_unmatched']} ({result.get('targets_without_movielens_id', '?')} "
        f"without a MovieLens id, {result.get('targets_outside_catalog', '?')} outside the catalog)   "
        f"catalog: {result['catalog_size']}",
        f"conversation model: {'yes' if result.get('conversation_model') else 'no'}   "
        f"retriever: {'yes' if result.get('retriever') else 'no'}   "
        f"oracle mentions: {'yes' if result.get('oracle_mentions') else 'no (text only, as the app)'}",
        *([f"cross-fitted: each case ranked by the weights of the fold that left it out "
           f"({result['cross_fitted']['folds']} folds; the weights were fitted on this file)"]
          if result.get("cross_fitted") else []),
        "",
        f"{'':<30}{'R@1':>8}{'R@10':>8}{'R@50':>8}   95% interval R@10 (bootstrap over cases)",
    ]
    rows = [("chat-rec, all targets", result["all"], ci.get("all")),
            ("chat-rec, novel targets", result["novel"], ci.get("novel"))]
    if "previous_ranker" in result:
        rows.append(("baseline ranker, novel", result["previous_ranker"]["novel"], None))
    rows += [("repeat_mentioned, all", base["all"], None), ("repeat_mentioned, novel", base["novel"], None)]
    for label, scores, interval in rows:
        line = f"{label:<30}" + "".join(f"{scores[f'recall@{k}']:>8.3f}" for k in KS)
        if interval:
            line += "   [{:.3f}, {:.3f}]".format(*interval["recall@10"])
        lines.append(line)
    if "previous_ranker" in result:
        old = result["previous_ranker"]
        lines += ["", f"baseline: {old.get('label', 'previous ranker')}; query window: chat-rec "
                  f"{result.get('query_turns', 1)} turns, baseline {old.get('query_turns', 1)}",
                  "paired, novel targets (chat-rec minus the baseline ranker, same cases):"]
        for k in KS:
            p = result["previous_ranker"]["paired_novel"][f"recall@{k}"]
            lines.append(f"  R@{k:<3} {p['diff']:+.3f}  95% [{p['ci'][0]:+.3f}, {p['ci'][1]:+.3f}]   "
                         f"targets only chat-rec found: {p['only_new']}, only the baseline: {p['only_old']}")
    if result.get("proposals"):
        pr = result["proposals"]
        lines += ["", f"chat model's proposals: {pr['per_case']} asked per case, weight {pr['weight']}; "
                      f"{pr['titles_written']} titles written in {pr['cases']} cases, {pr['grounded']} grounded "
                      f"to the catalog, {pr['failed_calls']} failed calls, {pr['seconds_per_case']:.2f} s a case"]
    div = result["diversity"]
    lines += ["", f"out_of_catalog_rate: {result['out_of_catalog_rate']:.3f}   "
              f"intra-list diversity@10: {div['intra_list@10']:.3f}   coverage@10: {div['coverage@10']:.3f}"]
    return "\n".join(lines)
