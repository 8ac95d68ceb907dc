"""The preference-extraction benchmark: run an Extractor over JSONL cases and score it.

The scoring is the benchmark README's reference implementation (micro P/R/F1 over the four set
fields, exact-match accuracy over the three scalars, all-fields-exact), with raw TP/FP/FN.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from chat_rec.catalog.models import Item
from chat_rec.catalog.titles import natural_title
from chat_rec.eval.jsonl import read_cases
from chat_rec.understanding.signal import PreferenceSignal

SETS = ("liked_ids", "disliked_ids", "liked_genres", "disliked_genres")
SCALARS = ("year_min", "year_max", "wants_new_recommendations")


class _Extractor(Protocol):
    resolver: Any

    def extract(self, utterance: str, previous_reply: str = "",
                previous_items: Sequence[Item] = ()) -> PreferenceSignal: ...


def load_cases(path: Path | str) -> list[dict[str, Any]]:
    """Read benchmark cases (one JSON object per line)."""
    return read_cases(path, ("id", "utterance"), "cases")


def score(gold_cases: Sequence[Mapping[str, Any]], preds: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The README's reference scoring, as a JSON-ready dict with raw counts."""
    tp = {f: 0 for f in SETS}
    fp = dict(tp)
    fn = dict(tp)
    acc = {f: 0 for f in SCALARS}
    all_exact = 0
    mismatched = []
    for g in gold_cases:
        e, p = g["expect"], preds.get(g["id"])
        ok = p is not None
        p = p or {}
        for f in SETS:
            gs, ps = set(e[f]), set(_as_list(p.get(f)))
            tp[f] += len(gs & ps)
            fp[f] += len(ps - gs)
            fn[f] += len(gs - ps)
            ok &= gs == ps
        for f in SCALARS:
            hit = g["id"] in preds and p.get(f) == e[f] and type(p.get(f)) is type(e[f])
            acc[f] += hit
            ok &= hit
        all_exact += ok
        if not ok:
            mismatched.append(g["id"])
    n = len(gold_cases)
    result: dict[str, Any] = {"cases": n}
    for f in SETS:
        precision = tp[f] / (tp[f] + fp[f]) if tp[f] + fp[f] else 1.0
        recall = tp[f] / (tp[f] + fn[f]) if tp[f] + fn[f] else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[f] = {"precision": precision, "recall": recall, "f1": f1,
                     "tp": tp[f], "fp": fp[f], "fn": fn[f]}
    for f in SCALARS:
        key = "wants_new_accuracy" if f == "wants_new_recommendations" else f"{f}_accuracy"
        result[key] = acc[f] / n if n else 0.0
    result["all_exact"] = all_exact / n if n else 0.0
    result["mismatched_ids"] = mismatched
    return result


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return [v for v in value if isinstance(v, (int, str))]
    return [value]


def previous_items_of(case: Mapping[str, Any], catalog: Any) -> list[Item]:
    """The catalog items a case's previous reply listed, in order."""
    items = []
    for entry in (case.get("previous_reply") or {}).get("recommended") or []:
        item_id = int(entry["movielens_id"])
        item = catalog.get(item_id) if catalog is not None else None
        if item is None:
            title, year = natural_title(entry.get("title", ""))
            item = Item(item_id=item_id, title=title, year=year, raw_title=entry.get("title", ""))
        items.append(item)
    return items


def predict(cases: Iterable[Mapping[str, Any]], extractor: _Extractor,
            progress: bool = True) -> dict[str, dict[str, Any]]:
    """Run the extractor on every case: id -> the seven benchmark fields."""
    cases = list(cases)
    iterator: Iterable[Mapping[str, Any]] = cases
    if progress:
        try:
            from tqdm import tqdm

            iterator = tqdm(cases, desc="extraction", unit="case")
        except ImportError:
            pass
    catalog = getattr(getattr(extractor, "resolver", None), "catalog", None)
    preds = {}
    for case in iterator:
        reply = case.get("previous_reply") or {}
        signal = extractor.extract(case["utterance"], reply.get("text", ""),
                                   previous_items_of(case, catalog))
        preds[case["id"]] = signal.benchmark_view()
    return preds


def select(cases: list[dict[str, Any]], half: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """A reproducible subset: ``half`` "odd"/"even" keeps cases by the parity of the id's number
    (the fresh set's analysis and check halves, docs/benchmarks.md); ``limit`` keeps the first N.
    """
    if half in {"odd", "even"}:
        want = 1 if half == "odd" else 0
        cases = [c for c in cases if (digits := "".join(ch for ch in str(c["id"]) if ch.isdigit()))
                 and int(digits) % 2 == want]
    return cases[:limit] if limit else cases


def run_extraction_eval(cases_path: Path | str, extractor: _Extractor, progress: bool = True,
                        half: str | None = None, limit: int | None = None) -> dict[str, Any]:
    """Score ``extractor`` on a benchmark file (or a subset of it); the dict is JSON-ready."""
    cases = select(load_cases(cases_path), half, limit)
    return score(cases, predict(cases, extractor, progress=progress))


def format_table(result: Mapping[str, Any]) -> str:
    """A plain-text table of the scores, raw counts next to the rates."""
    lines = [f"cases: {result['cases']}", "",
             f"{'field':<18}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for f in SETS:
        r = result[f]
        lines.append(f"{f:<18}{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}"
                     f"{r['tp']:>6}{r['fp']:>6}{r['fn']:>6}")
    lines.append("")
    for key in ("year_min_accuracy", "year_max_accuracy", "wants_new_accuracy", "all_exact"):
        lines.append(f"{key:<18}{result[key]:>7.3f}")
    return "\n".join(lines)
