"""Learning the ranker's signal weights on a validation split of dialogues (never dev or test).

Every validation case is replayed through the app's engine once (understanding, constraints,
``pipeline.retrieve``); the ranker's signals over the candidates are kept as a matrix. A weight
vector then ranks a case by one product, so coordinate ascent over a grid costs seconds. The
objective is novel recall@10 + recall@50 / 4 (the 50 smooths ties among small samples). MMR is
left out of the search (it re-orders only the top 100 a little) and applies in the app as usual.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from chat_rec.ranking.hybrid import RankWeights
from chat_rec.ranking.learned import FEATURE_NAMES, WEIGHT_NAMES, turn_features

GRID: tuple[float, ...] = (0.0, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0, 12.0)
"""Values each weight may take in the search."""
PASSES = 3
QUERY_WINDOWS: tuple[int, ...] = (1, 2, 4)
"""Retrieval query windows tried (turns, the message included; ``ranking/query.py``)."""
WHOLE_CATALOG_KEEP = 400
"""When a case ranks the whole catalog, only each signal's top rows are kept (their union)."""


@dataclass
class CaseSignals:
    """One case: the candidate ids, each signal over them (rows x signals) and the novel targets' rows."""

    ids: np.ndarray
    signals: np.ndarray
    targets: np.ndarray
    """Row positions of the novel, in-catalog targets among the candidates (-1: not a candidate)."""
    features: np.ndarray = field(default_factory=lambda: np.zeros(len(FEATURE_NAMES), np.float32))
    """The request's style features (``learned.turn_features``), which gated weights read."""
    dialog: str = ""
    """The case's dialogue id (folds are drawn by it)."""


def replay(engine: Any, cases: Sequence[Mapping[str, Any]], progress: bool = True
           ) -> list[tuple[Mapping[str, Any], Any]]:
    """(case, replayed state) for every case with a novel in-catalog target (the others are skipped)."""
    todo = [c for c in cases if _novel_targets(c, engine.catalog)]
    return list(zip(todo, [engine.replay(c) for c in _bar(todo, progress, "validation understanding")], strict=True))


def collect(engine: Any, cases: Sequence[Mapping[str, Any]], progress: bool = True,
            replayed: Sequence[tuple[Mapping[str, Any], Any]] | None = None) -> list[CaseSignals]:
    """Replay each case (or take ``replayed``) and keep the signals of its candidates.

    Retrieval embeds the engine's query window (``engine.query_turns``), so the same replays can
    be collected once per window.
    """
    from chat_rec.ranking import pipeline

    pairs = list(replayed) if replayed is not None else replay(engine, cases, progress)
    states = [s for _, s in pairs]
    todo = [c for c, _ in pairs]
    engine.embed_texts(engine.query_text(s) for s in states)
    out = []
    for case, state in _bar(list(zip(todo, states, strict=True)), progress, "validation signals"):
        candidates, query = engine.retrieve(state)
        req = pipeline.rank_request(state.profile, state.constraints, 50, 0.0, candidates, query)
        allowed, rows, signals = engine.ranker.signals(req)
        keep = allowed[rows]
        matrix = np.stack([np.asarray(signals[name], np.float32)[keep] for name in WEIGHT_NAMES], axis=1)
        ids = engine.ranker.ids[rows][keep]
        if isinstance(rows, slice) and len(ids) > WHOLE_CATALOG_KEEP:
            top = np.unique(np.concatenate([np.argpartition(-matrix[:, j], WHOLE_CATALOG_KEEP)[:WHOLE_CATALOG_KEEP]
                                            for j in range(matrix.shape[1])]))
            ids, matrix = ids[top], matrix[top]
        position = {int(i): r for r, i in enumerate(ids.tolist())}
        targets = np.array([position.get(t, -1) for t in _novel_targets(case, engine.catalog)], np.int64)
        out.append(CaseSignals(ids, matrix, targets, turn_features(engine.ranker, req),
                               str(case.get("dialog_id") or case.get("id"))))
    return out


def _novel_targets(case: Mapping[str, Any], catalog: Any) -> list[int]:
    return [int(t["movielens_id"]) for t in case.get("targets", ())
            if t.get("movielens_id") is not None and not t.get("repeated") and int(t["movielens_id"]) in catalog]


def recall(cases: Sequence[CaseSignals], w: np.ndarray, ks: Iterable[int] = (10, 50)) -> dict[int, float]:
    """Novel recall@k over the cases' targets when the candidates are ranked by ``signals @ w``."""
    ks = tuple(ks)
    hits = dict.fromkeys(ks, 0)
    total = 0
    for case in cases:
        total += len(case.targets)
        for k, found in zip(ks, _hits(case, w, ks), strict=True):
            hits[k] += found
    return {k: hits[k] / total if total else 0.0 for k in ks}


def _hits(case: CaseSignals, w: np.ndarray, ks: Sequence[int]) -> list[int]:
    """How many of the case's targets rank in the top k, for each k. A target is in the top k
    when fewer than k other candidates score as high (ties count against it).
    """
    found = case.targets[case.targets >= 0]
    if not len(found):
        return [0] * len(ks)
    scores = case.signals @ w
    above = np.array([int(np.count_nonzero(scores >= scores[t])) - 1 for t in found])
    return [int(np.count_nonzero(above < k)) for k in ks]


def case_objectives(cases: Sequence[CaseSignals], w: np.ndarray) -> np.ndarray:
    """Each case's share of ``objective`` (its targets' hits at 10 plus at 50 / 4, over all
    targets): they sum to the objective, so two weightings compare case by case.
    """
    total = sum(len(case.targets) for case in cases)
    if not total:
        return np.zeros(len(cases), np.float64)
    return np.array([(at10 + at50 / 4) / total for at10, at50 in (_hits(case, w, (10, 50)) for case in cases)],
                    np.float64)


def one_standard_error(options: Sequence[np.ndarray]) -> tuple[int, list[float]]:
    """The first (simplest) option whose summed objective is within one standard error of the
    best's, the error being that of their paired case-by-case difference; and every option's
    standard error against the best. ``options``: per-case objectives, simplest first.

    The one-standard-error rule (Breiman et al. 1984): a gain smaller than its own noise does not
    buy the more complex choice, so a retraining does not flip on a difference of .0005.
    """
    totals = [float(o.sum()) for o in options]
    best = int(np.argmax(totals))
    errors = []
    for o in options:
        diff = options[best] - o
        errors.append(float(np.sqrt(len(diff)) * diff.std(ddof=1)) if len(diff) > 1 else 0.0)
    chosen = next(j for j, t in enumerate(totals) if t >= totals[best] - errors[j] - 1e-12)
    return chosen, errors


def objective(cases: Sequence[CaseSignals], w: np.ndarray) -> float:
    """What the search maximises: novel R@10 + R@50 / 4."""
    r = recall(cases, w)
    return r[10] + r[50] / 4


def ascend(w: np.ndarray, free: Sequence[int], best: float, score: Callable[[np.ndarray], float]
           ) -> tuple[np.ndarray, float, bool]:
    """One pass of coordinate ascent: each free weight tries every ``GRID`` value in turn and keeps
    one that raises ``score``. Returns the weights, their score and whether anything improved.
    """
    improved = False
    for j in free:
        for value in GRID:
            trial = w.copy()
            trial[j] = value
            s = score(trial)
            if s > best + 1e-9:
                best, w, improved = s, trial, True
    return w, best, improved


def fit(cases: Sequence[CaseSignals], start: RankWeights | None = None,
        fixed: Iterable[str] = ("content",)) -> tuple[RankWeights, float]:
    """Coordinate ascent over ``GRID`` from ``start`` (``fixed`` weights stay; content sets the scale)."""
    start = start or RankWeights()
    w = np.array([getattr(start, n) for n in WEIGHT_NAMES], np.float32)
    best = objective(cases, w)
    free = [j for j, n in enumerate(WEIGHT_NAMES) if n not in set(fixed)]
    for _ in range(PASSES):
        w, best, improved = ascend(w, free, best, lambda trial: objective(cases, trial))
        if not improved:
            break
    chosen = dataclasses.replace(start, **{n: round(float(v), 4) for n, v in zip(WEIGHT_NAMES, w, strict=True)})  # type: ignore[arg-type]
    return chosen, best


def fit_with_window(engine: Any, cases: Sequence[Mapping[str, Any]], progress: bool = True,
                    say: Callable[[str], None] = print) -> tuple[RankWeights, float, list[CaseSignals], dict[str, Any]]:
    """Fit the weights once per query window in ``QUERY_WINDOWS``; keep the shortest window whose
    objective is within one standard error of the best window's (``one_standard_error``).

    Returns the chosen weights (``query_turns`` set), their objective, their validation signals,
    and a report: the start weights' recall (window 1) and every window's objective and recall.
    """
    start = engine.ranker.weights
    replayed = replay(engine, cases, progress)
    fitted: list[tuple[RankWeights, float, list[CaseSignals], np.ndarray]] = []
    report: dict[str, Any] = {"windows": {}}
    for turns in QUERY_WINDOWS:
        engine.query_turns = turns
        signals = collect(engine, cases, progress, replayed)
        if turns == 1:
            report["start"] = ablations(signals, start)["all signals"]
        weights, value = fit(signals, start)
        vector = np.array([getattr(weights, n) for n in WEIGHT_NAMES], np.float32)
        r = recall(signals, vector)
        report["windows"][str(turns)] = {"objective": round(value, 4), "recall@10": round(r[10], 4),
                                         "recall@50": round(r[50], 4)}
        say(f"query window {turns}: objective {value:.4f} (R@10 {r[10]:.3f}, R@50 {r[50]:.3f})")
        per_case = case_objectives(signals, vector)
        fitted.append((dataclasses.replace(weights, query_turns=turns), value, signals, per_case))
    engine.query_turns = None
    chosen, errors = one_standard_error([f[3] for f in fitted])
    for turns, error in zip(QUERY_WINDOWS, errors, strict=True):
        report["windows"][str(turns)]["standard_error_vs_best"] = round(error, 4)
    report["window_rule"] = "the shortest window within one standard error (paired, case by case) of the best"
    say(f"query window chosen: {QUERY_WINDOWS[chosen]} (shortest within one standard error of the best)")
    weights, value, signals, _ = fitted[chosen]
    return weights, value, signals, report


def ablations(cases: Sequence[CaseSignals], weights: RankWeights) -> dict[str, dict[str, float]]:
    """Novel R@10 / R@50 with the chosen weights, and with each signal's weight set to 0 in turn."""
    w = np.array([getattr(weights, n) for n in WEIGHT_NAMES], np.float32)
    rows = {"all signals": w}
    for j, name in enumerate(WEIGHT_NAMES):
        if w[j]:
            rows[f"without {name}"] = np.where(np.arange(len(w)) == j, 0.0, w).astype(np.float32)
    out = {}
    for label, vector in rows.items():
        r = recall(cases, vector)
        out[label] = {"recall@10": round(r[10], 4), "recall@50": round(r[50], 4)}
    return out


def format_ablations(table: Mapping[str, Mapping[str, float]]) -> str:
    """A plain-text table of ``ablations``."""
    lines = [f"{'validation, novel targets':<34}{'R@10':>8}{'R@50':>8}"]
    lines += [f"{label:<34}{row['recall@10']:>8.3f}{row['recall@50']:>8.3f}" for label, row in table.items()]
    return "\n".join(lines)


def _bar(items: Sequence[Any], show: bool, desc: str) -> Iterable[Any]:
    if not show:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="case", file=sys.stderr)
