"""Fitting the signal weights and their style gates on a mix of dialogue styles, with k-fold cross-fitting.

The ReDial-only fit (``weights.fit``) leans on the ReDial co-mention model; dialogues of another
style (INSPIRED: newer films, fewer resolvable mentions, requests carried by genres and actors)
want other weights. Here the weights may move with the turn's style features
(``learned.GatedWeights``: w_j = max(0, base_j + sum_f g_jf x_f)) and are fitted by coordinate
ascent on a mix of case groups (each group's objective weighs the same, so ~100 INSPIRED cases
are not drowned by ~1,100 ReDial ones). A group may be split into folds by a hash of the
dialogue id: each fold is scored with weights fitted on everything else (the cross-fitted
number, the honest one for that group).

All cases are packed into one array of candidate rows, so one weight setting is scored over
every case with a few vectorised operations (tens of ms).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np

from chat_rec.ranking.hybrid import RankWeights
from chat_rec.ranking.learned import FEATURE_NAMES, WEIGHT_NAMES, GatedWeights
from chat_rec.training.weights import PASSES, CaseSignals, ascend

FOLDS = 5
GATE_GRID: tuple[float, ...] = (-16.0, -12.0, -8.0, -6.0, -4.0, -2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 4.0, 6.0, 8.0,
                                12.0, 16.0)
"""Values each gate coefficient may take."""
GATE_MIN_GAIN = 0.002
"""A gate moves off its value only when the objective rises by at least this much (a margin against
fitting noise: about one INSPIRED target in a fold's training part)."""


def fold_of(dialog_id: str, folds: int = FOLDS) -> int:
    """The fold of a dialogue: sha256 of its id, modulo ``folds`` (stable across runs and machines)."""
    return int(hashlib.sha256(dialog_id.encode("utf-8")).hexdigest()[:12], 16) % folds


@dataclass
class Packed:
    """Every case's candidate rows in one array, with what recall needs to count hits quickly."""

    signals: np.ndarray
    """(rows x signals), every case's candidates one after the other."""
    row_case: np.ndarray
    features: np.ndarray
    """(cases x features)."""
    group: np.ndarray
    """Group index per case."""
    dialog: list[str]
    t_case: np.ndarray
    """Case of every target (found or not)."""
    f_target: np.ndarray
    """Global row of every target that is a candidate."""
    f_case: np.ndarray
    cmp_rows: np.ndarray
    """For each found target in turn, every row of its case (the rows it is compared with)."""
    cmp_start: np.ndarray
    n_groups: int

    @property
    def n_cases(self) -> int:
        return len(self.features)


def pack(groups: Sequence[Sequence[CaseSignals]]) -> Packed:
    """Pack the case groups (e.g. [ReDial validation, INSPIRED dev]) into one ``Packed``."""
    mats, row_case, feats, group, dialog = [], [], [], [], []
    t_case, f_target, f_case, cmp_rows, cmp_start = [], [], [], [], []
    offset = case = position = 0
    for g, cases in enumerate(groups):
        for c in cases:
            n = len(c.ids)
            mats.append(c.signals.reshape(n, len(WEIGHT_NAMES)))
            row_case.append(np.full(n, case, np.int64))
            feats.append(c.features)
            group.append(g)
            dialog.append(c.dialog)
            for t in c.targets.tolist():
                t_case.append(case)
                if t >= 0:
                    f_target.append(offset + t)
                    f_case.append(case)
                    cmp_rows.append(np.arange(offset, offset + n))
                    cmp_start.append(position)
                    position += n
            offset += n
            case += 1
    def cat(parts: list[np.ndarray], dtype: Any) -> np.ndarray:
        return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype)

    return Packed(cat(mats, np.float32).reshape(-1, len(WEIGHT_NAMES)), cat(row_case, np.int64),
                  np.array(feats, np.float32).reshape(-1, len(FEATURE_NAMES)), np.array(group, np.int64), dialog,
                  np.array(t_case, np.int64), np.array(f_target, np.int64), np.array(f_case, np.int64),
                  cat(cmp_rows, np.int64), np.array(cmp_start, np.int64), len(groups))


def case_weights(p: Packed, base: np.ndarray, gates: np.ndarray, center: np.ndarray | None = None) -> np.ndarray:
    """(cases x signals): each case's weights under ``base`` and ``gates`` (signals x features) about ``center``."""
    x = p.features if center is None else p.features - center[None, :]
    return np.maximum(0.0, base[None, :] + x @ gates.T)


def recall(p: Packed, base: np.ndarray, gates: np.ndarray, cases: np.ndarray | None = None,
           center: np.ndarray | None = None) -> dict[int, np.ndarray]:
    """Novel recall@10 and @50 per group over ``cases`` (a boolean mask; None: all)."""
    w = case_weights(p, base, gates, center)
    scores = np.einsum("rj,rj->r", p.signals, w[p.row_case])
    mask = np.ones(p.n_cases, bool) if cases is None else cases
    totals = np.bincount(p.group[p.t_case[mask[p.t_case]]], minlength=p.n_groups).astype(np.float64)
    out = {}
    if len(p.f_target):
        reps = np.diff(np.append(p.cmp_start, len(p.cmp_rows)))
        above = scores[p.cmp_rows] >= np.repeat(scores[p.f_target], reps)
        others = np.add.reduceat(above.astype(np.int64), p.cmp_start) - 1  # ties count against the target
    else:
        others = np.zeros(0, np.int64)
    keep = mask[p.f_case]
    for k in (10, 50):
        hits = np.bincount(p.group[p.f_case[keep]], weights=(others[keep] < k).astype(np.float64),
                           minlength=p.n_groups)
        out[k] = np.divide(hits, totals, out=np.zeros(p.n_groups), where=totals > 0)
    return out


def objective(p: Packed, base: np.ndarray, gates: np.ndarray, cases: np.ndarray | None = None,
              group_weights: np.ndarray | None = None, center: np.ndarray | None = None) -> float:
    """Weighted mean over groups of novel R@10 + R@50 / 4 (groups without targets weigh 0)."""
    r = recall(p, base, gates, cases, center)
    value = r[10] + r[50] / 4
    mask = np.ones(p.n_cases, bool) if cases is None else cases
    present = np.bincount(p.group[p.t_case[mask[p.t_case]]], minlength=p.n_groups) > 0
    gw = (np.ones(p.n_groups) if group_weights is None else np.asarray(group_weights, np.float64)) * present
    return float(value @ gw / gw.sum()) if gw.sum() else 0.0


def fit(p: Packed, start: GatedWeights, cases: np.ndarray | None = None, gated: bool = True,
        group_weights: np.ndarray | None = None, fixed: Sequence[str] = ("content",)) -> tuple[GatedWeights, float]:
    """Coordinate ascent over the base weights (``GRID``) and, when ``gated``, the gates (``GATE_GRID``).

    The gates act about the features' mean over the fitted cases (``GatedWeights.center``), so a
    gate tilts the weight between styles without moving it for an average turn.
    """
    base = np.array([getattr(start.base, n) for n in WEIGHT_NAMES], np.float32)
    gates = start.matrix() if gated else np.zeros((len(WEIGHT_NAMES), len(FEATURE_NAMES)), np.float32)
    mask = np.ones(p.n_cases, bool) if cases is None else cases
    center = p.features[mask].mean(axis=0).astype(np.float32) if gated and mask.any() else \
        np.zeros(len(FEATURE_NAMES), np.float32)

    def score(b: np.ndarray, g: np.ndarray) -> float:
        return objective(p, b, g, cases, group_weights, center)

    best = score(base, gates)
    free = [j for j, n in enumerate(WEIGHT_NAMES) if n not in set(fixed)]
    for _ in range(PASSES):
        base, best, improved = ascend(base, free, best, partial(score, g=gates))
        if gated:
            for j in range(len(WEIGHT_NAMES)):
                for f in range(len(FEATURE_NAMES)):
                    for value in GATE_GRID:
                        trial = gates.copy()
                        trial[j, f] = value
                        s = score(base, trial)
                        if s > best + GATE_MIN_GAIN:
                            best, gates, improved = s, trial, True
        if not improved:
            break
    return as_gated(start.base, base, gates, center), best


def as_gated(like: RankWeights, base: np.ndarray, gates: np.ndarray, center: np.ndarray | None = None
             ) -> GatedWeights:
    """``GatedWeights`` from arrays (the other ``RankWeights`` fields, e.g. the window, from ``like``)."""
    import dataclasses

    weights = dataclasses.replace(like, **{n: round(float(v), 4) for n, v in zip(WEIGHT_NAMES, base, strict=True)})  # type: ignore[arg-type]
    table = {n: {f: round(float(gates[j, i]), 4) for i, f in enumerate(FEATURE_NAMES) if gates[j, i]}
             for j, n in enumerate(WEIGHT_NAMES)}
    middle = {f: round(float(v), 4) for f, v in zip(FEATURE_NAMES, center, strict=True)} if center is not None else {}
    return GatedWeights(weights, {n: row for n, row in table.items() if row}, middle)


def cross_fit(p: Packed, start: GatedWeights, folded_group: int, folds: int = FOLDS, gated: bool = True,
              group_weights: np.ndarray | None = None, say: Callable[[str], None] = print
              ) -> tuple[list[GatedWeights], dict[str, Any]]:
    """Fit once per fold of ``folded_group`` (that fold's cases left out) and score the left-out fold.

    Returns the per-fold weights and a report: the cross-fitted recall of the folded group (each
    case ranked by weights that never saw it) and every fold's in-sample objective.
    """
    fold = np.array([fold_of(d, folds) for d in p.dialog], np.int64)
    in_group = p.group == folded_group
    fitted: list[GatedWeights] = []
    hits = {10: 0.0, 50: 0.0}
    total = 0
    per_fold = []
    for k in range(folds):
        held = in_group & (fold == k)
        weights, value = fit(p, start, ~held, gated, group_weights)
        fitted.append(weights)
        base = np.array([getattr(weights.base, n) for n in WEIGHT_NAMES], np.float32)
        r = recall(p, base, weights.matrix(), held, weights.center_vector())
        n = int(np.count_nonzero(held[p.t_case]))
        total += n
        for k_ in hits:
            hits[k_] += r[k_][folded_group] * n
        per_fold.append({"fold": k, "targets": n, "train_objective": round(value, 4),
                         "recall@10": round(float(r[10][folded_group]), 4)})
        say(f"fold {k}: {n} targets, R@10 {r[10][folded_group]:.3f} (training objective {value:.4f})")
    report = {"folds": folds, "targets": total, "per_fold": per_fold,
              "recall@10": round(hits[10] / total, 4) if total else 0.0,
              "recall@50": round(hits[50] / total, 4) if total else 0.0}
    return fitted, report


def as_json(weights: GatedWeights) -> dict[str, Any]:
    """A fold's weights and gates as stored in ``weights.json``."""
    return {"weights": {n: getattr(weights.base, n) for n in WEIGHT_NAMES},
            "gates": {n: dict(row) for n, row in weights.gates.items()}, "gate_center": dict(weights.center)}


def from_json(data: Mapping[str, Any], like: RankWeights) -> GatedWeights:
    """The inverse of ``as_json`` (the window and the other fields from ``like``)."""
    import dataclasses

    base = dataclasses.replace(like, **{n: float(v) for n, v in data["weights"].items() if n in WEIGHT_NAMES})  # type: ignore[arg-type]
    gates = {str(n): {str(f): float(v) for f, v in row.items() if f in FEATURE_NAMES}
             for n, row in (data.get("gates") or {}).items() if n in WEIGHT_NAMES}
    center = {str(f): float(v) for f, v in (data.get("gate_center") or {}).items() if f in FEATURE_NAMES}
    return GatedWeights(base, gates, center)


def fit_mixed(engine: Any, start: RankWeights, validation: Sequence[CaseSignals],
              mix_cases: Sequence[Mapping[str, Any]], mix_name: str, mix_sha256: str, folds: int = FOLDS,
              progress: bool = True,
              say: Callable[[str], None] = print) -> tuple[GatedWeights, dict[str, Any], dict[str, Any]]:
    """Fit gated weights on the validation signals plus ``mix_cases`` (replayed here at ``start``'s window).

    Returns the final weights (fitted on both groups whole), a report (the ReDial-only weights, the
    ungated and the gated mix, each cross-fitted on the mix file; validation recall in-sample) and
    the ``cross_fit`` section ``weights.json`` keeps (every fold's weights, so ``eval crs`` can rank
    the mix file out of fold).
    """
    from chat_rec.training import weights as fitting

    engine.query_turns = start.query_turns
    try:
        mixed = fitting.collect(engine, mix_cases, progress)
    finally:
        engine.query_turns = None
    p = pack([validation, mixed])
    say(f"mix: {len(validation):,} validation cases + {len(mixed):,} cases of {mix_name}, {folds} folds")
    plain = GatedWeights(start)
    base = np.array([getattr(start, n) for n in WEIGHT_NAMES], np.float32)
    r = recall(p, base, plain.matrix())
    report: dict[str, Any] = {"group_weights": "each group's objective weighs the same",
                              "validation_only_weights": _recalls(r)}
    say(f"validation-only weights: validation R@10 {r[10][0]:.3f}, {mix_name} R@10 {r[10][1]:.3f} (never fitted on it)")
    chosen: tuple[list[GatedWeights], dict[str, Any]] | None = None
    for label, gated in (("mix, plain weights", False), ("mix, gated weights", True)):
        fitted, crossed = cross_fit(p, plain, 1, folds, gated, say=say)
        final, value = fit(p, plain, None, gated)
        fb = np.array([getattr(final.base, n) for n in WEIGHT_NAMES], np.float32)
        rv = recall(p, fb, final.matrix(), None, final.center_vector())
        report[label] = {"cross_fitted": crossed, "final_objective": round(value, 4),
                         "final_in_sample": _recalls(rv), **as_json(final)}
        say(f"{label}: {mix_name} cross-fitted R@10 {crossed['recall@10']:.3f} R@50 {crossed['recall@50']:.3f}; "
            f"final weights: validation R@10 {rv[10][0]:.3f}, {mix_name} (in-sample) {rv[10][1]:.3f}")
        if gated:
            chosen = (fitted, crossed)
            result = final
    assert chosen is not None
    section = {"files": {mix_name: mix_sha256}, "folds": folds, "rule": "sha256(dialog_id) mod folds",
               "recall": {"recall@10": chosen[1]["recall@10"], "recall@50": chosen[1]["recall@50"]},
               "fold_weights": [as_json(w) for w in chosen[0]]}
    return result, report, section


def _recalls(r: Mapping[int, np.ndarray]) -> dict[str, dict[str, float]]:
    return {name: {"recall@10": round(float(r[10][g]), 4), "recall@50": round(float(r[50][g]), 4)}
            for g, name in enumerate(("validation", "mix"))}
