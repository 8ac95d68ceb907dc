"""The LlamaRec leave-last-out protocol on MovieLens: Pop, ItemKNN, EASE and ALS side by side.

Every rating is an interaction; users and items are filtered iteratively to >= 5 interactions;
each user's last item (by timestamp, then item id) is the test target, the second-last the
validation target. Models are ranked against all items, with two masking variants: only the
user's last 200 history items masked (LlamaRec's choice), or the whole history masked.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from chat_rec.errors import InvalidInputError, UnknownModelError
from chat_rec.eval.metrics import DEFAULT_METRICS, RankingMetric, measure_all
from chat_rec.interactions.als import ALS
from chat_rec.interactions.base import Recommender, SequentialRecommender, top_k
from chat_rec.interactions.ease import EASE
from chat_rec.interactions.itemknn import ItemKNN
from chat_rec.interactions.popularity import Popularity
from chat_rec.interactions.sasrec import SASRec
from chat_rec.interactions.slit import SLIT
from chat_rec.interactions.splits import LeaveLastOut, Stage, leave_last_out

if TYPE_CHECKING:
    from chat_rec.catalog.models import Catalog
    from chat_rec.eval.rerank import RerankSpec

MASKS: dict[str, int | None] = {"mask_last_200": 200, "mask_all_history": None}
"""Masking variant -> how many of the latest history items are excluded (None: all)."""

EASE_GRID: tuple[float, ...] = (10.0, 50.0, 100.0, 250.0, 500.0)
"""EASE lambdas tried on the validation item; the best nDCG@10 per masking variant is kept."""

SLIT_GRID: tuple[float, ...] = (10.0, 50.0, 200.0)
"""SLIT lambdas tried on the validation item, as for EASE."""
LAMBDA_GRIDS: dict[str, tuple[float, ...]] = {"EASE": EASE_GRID, "SLIT": SLIT_GRID}

MODELS: dict[str, Callable[[], Recommender | SequentialRecommender]] = {
    "Pop": Popularity,
    "ItemKNN": ItemKNN,
    "EASE": EASE,
    "ALS": lambda: ALS(factors=128),
    "SLIT": SLIT,
    "SASRec": lambda: SASRec(progress=True),
}
"""Model name -> factory. Sequential models (``SequentialRecommender``) get chronological histories."""

DEFAULT_MODELS: tuple[str, ...] = ("Pop", "ItemKNN", "EASE", "ALS", "SLIT", "SASRec")
CUTOFF = 20
"""Longest list any metric looks at."""


def load_split(data_dir: Path | str) -> tuple[LeaveLastOut, str]:
    """Load any MovieLens folder through the catalog loader and split it; returns (split, name)."""
    split, catalog = load_split_catalog(data_dir)
    return split, catalog.name


def load_split_catalog(data_dir: Path | str) -> tuple[LeaveLastOut, Catalog]:
    """The split and the catalog it came from (the re-ranker needs the titles)."""
    from chat_rec.catalog.loaders import load_catalog

    catalog = load_catalog(Path(data_dir))
    return leave_last_out(catalog.ratings, min_count=5), catalog


def _histories(split: LeaveLastOut, stage: Stage) -> list[np.ndarray]:
    return [split.history(u, stage) for u in range(split.n_users)]


def _scores(model: Any, split: LeaveLastOut, stage: Stage) -> np.ndarray:
    if isinstance(model, SequentialRecommender):
        return np.asarray(model.score_sequences(_histories(split, stage)))
    return model.scores(split.train_matrix(stage))


def _fit(model: Any, split: LeaveLastOut, stage: Stage) -> Any:
    if isinstance(model, SequentialRecommender):
        model.fit_sequences(_histories(split, stage), split.n_items)
        return model
    return model.fit(split.train_matrix(stage))


def rankings(scores: np.ndarray, split: LeaveLastOut, stage: Stage, mask: str,
             cutoff: int = CUTOFF, users: np.ndarray | None = None) -> np.ndarray:
    """Top-``cutoff`` column indices per user after masking history items; ties by item id.

    ``users`` (row indices) ranks only those users, in that order.
    """
    exclude = split.mask_matrix(stage, MASKS[mask])
    if users is not None:
        scores, exclude = np.asarray(scores)[users], exclude[users]
    return top_k(scores, cutoff, exclude)


def evaluate_scores(scores: np.ndarray, split: LeaveLastOut, stage: Stage, mask: str,
                    metrics: Sequence[RankingMetric] = DEFAULT_METRICS,
                    users: np.ndarray | None = None) -> dict[str, float]:
    """Metric means and standard errors of one score matrix for one stage and masking variant.

    ``users`` restricts the means to a sample of users (row indices); None means everyone.
    """
    recs = rankings(scores, split, stage, mask, users=users)
    targets = split.targets(stage)
    truths = [[t] for t in (targets if users is None else targets[users]).tolist()]
    return measure_all(metrics, recs.tolist(), truths)


def _best_lambdas(split: LeaveLastOut, grid: Sequence[float],
                  validation_scores: Callable[[float], np.ndarray]) -> dict[str, float]:
    """Per masking variant, the lambda of ``grid`` whose validation scores give the best nDCG@10."""
    best: dict[str, tuple[float, float]] = {}
    for lam in grid:
        scores = validation_scores(lam)
        for mask in MASKS:
            ndcg = evaluate_scores(scores, split, "validation", mask)["ndcg@10"]
            if mask not in best or ndcg > best[mask][1]:
                best[mask] = (lam, ndcg)
    return {mask: lam for mask, (lam, _) in best.items()}


def _ridge_scorer(name: str, split: LeaveLastOut, stage: Stage) -> Callable[[float], np.ndarray]:
    """EASE or SLIT fitted once on a stage: lambda -> that stage's scores (one solve per lambda)."""
    if name == "EASE":
        train = split.train_matrix(stage)
        ease = EASE().fit(train)
        return lambda lam: ease.refit(lam).scores(train)
    histories = _histories(split, stage)
    slit = SLIT().fit_sequences(histories, split.n_items)
    return lambda lam: slit.refit(lam).score_sequences(histories)


def test_scores(name: str, split: LeaveLastOut) -> dict[str, tuple[np.ndarray, dict[str, float]]]:
    """Per masking variant: the model's test-stage score matrix and its extra fields (EASE's lambda)."""
    if name not in MODELS:
        raise UnknownModelError(f"Unknown model {name!r}; choose from {', '.join(MODELS)}.")
    if name in LAMBDA_GRIDS:
        # lambda per masking variant judged on the validation item, then one solve per distinct lambda.
        lambdas = _best_lambdas(split, LAMBDA_GRIDS[name], _ridge_scorer(name, split, "validation"))
        score = _ridge_scorer(name, split, "test")
        by_lambda = {lam: score(lam) for lam in dict.fromkeys(lambdas.values())}
        return {mask: (by_lambda[lam], {"lambda": lam}) for mask, lam in lambdas.items()}
    if name == "SASRec":
        # LlamaRec's recipe: train on all but the last two items, stop early on the validation item,
        # then read the test histories (validation item included) with the best weights.
        sasrec = MODELS[name]()
        assert isinstance(sasrec, SASRec)
        sasrec.fit_sequences(_histories(split, "validation"), split.n_items, validation=split.targets("validation"))
        scores = sasrec.score_sequences(_histories(split, "test"))
        extra = {"epochs": float(sasrec.log.epochs), "best_epoch": float(sasrec.log.best_epoch)}
        return {mask: (scores, extra) for mask in MASKS}
    model = _fit(MODELS[name](), split, "test")
    scores = _scores(model, split, "test")
    return {mask: (scores, {}) for mask in MASKS}


def _evaluate_model(name: str, split: LeaveLastOut,
                    users: np.ndarray | None = None) -> dict[str, dict[str, float]]:
    return {mask: evaluate_scores(scores, split, "test", mask, users=users) | extra
            for mask, (scores, extra) in test_scores(name, split).items()}


def run_movielens_eval(data_dir: Path | str, models: Sequence[str] = DEFAULT_MODELS,
                       progress: bool = True, protocol: str = "llamarec",
                       rerank: RerankSpec | None = None) -> dict[str, Any]:
    """Run the protocol on a MovieLens folder (latest-small, 100k or 1M) for the given models.

    Returns ``{"protocol", "dataset", "users", "items", "interactions", "results": {model:
    {mask: {metric: value, metric_se: value}}}, "seconds": {model: s}}`` plus ``"note"`` when
    users were dropped for lacking timestamps. ``rerank`` adds the retriever's row and one row
    per re-ranker (``chat_rec.eval.rerank``); when it samples users, every row is measured on
    that sample and ``"rerank_users"`` says how many.
    """
    if protocol != "llamarec":
        raise InvalidInputError(f"Unknown protocol {protocol!r}; the MovieLens evaluation supports 'llamarec'.")
    unknown = [m for m in models if m not in MODELS]
    if unknown:
        raise UnknownModelError(f"Unknown model(s) {', '.join(unknown)}; choose from {', '.join(MODELS)}.")
    if rerank is not None:
        rerank.check()  # a wrong adapter folder fails before any data or model is loaded
    start = time.perf_counter()
    split, catalog = load_split_catalog(data_dir)
    result: dict[str, Any] = {
        "protocol": "llamarec", "dataset": catalog.name, "users": split.n_users, "items": split.n_items,
        "interactions": split.n_interactions, "results": {}, "seconds": {},
    }
    if split.note:
        result["note"] = split.note
    result["seconds"]["load"] = round(time.perf_counter() - start, 2)
    users = None
    if rerank is not None:
        users = rerank.sample(split.n_users)
        if users is not None:
            result["rerank_users"] = len(users)
        models = [m for m in models if m != rerank.retriever_name]  # its row comes with the re-ranking
    from tqdm.auto import tqdm

    bar = tqdm(list(models), desc="movielens eval", disable=not progress or not models)
    for model_name in bar:
        bar.set_postfix_str(model_name)
        t0 = time.perf_counter()
        result["results"][model_name] = _evaluate_model(model_name, split, users)
        result["seconds"][model_name] = round(time.perf_counter() - t0, 2)
    if rerank is not None:
        from chat_rec.eval.rerank import evaluate_reranking

        rows, seconds, info = evaluate_reranking(rerank, split, catalog, users, progress=progress)
        result["results"].update(rows)
        result["seconds"].update(seconds)
        result["rerank"] = info
    result["seconds"]["total"] = round(time.perf_counter() - start, 2)
    return result


def format_table(result: dict[str, Any], metrics: Sequence[str] = ("recall@10", "ndcg@10", "mrr@10",
                                                                   "recall@20", "ndcg@20")) -> str:
    """A plain-text table: one row per model and masking variant, mean ± standard error."""
    head = (f"MovieLens {result.get('dataset', '')} ({result['protocol']} protocol): "
            f"{result['users']} users, {result['items']} items, {result['interactions']} interactions")
    lines = [head]
    if result.get("note"):
        lines.append(f"note: {result['note']}")
    if result.get("rerank"):
        from chat_rec.eval.rerank import describe_rerank

        lines.append(describe_rerank(result))
    labels = {(model, mask): model + (f"({values['lambda']:g})" if "lambda" in values else "")
              for model, by_mask in result["results"].items() for mask, values in by_mask.items()}
    width = max([10, *map(len, labels.values())])
    header = f"{'model':<{width}} {'masking':<17} " + " ".join(f"{m:>15}" for m in metrics)
    lines += [header, "-" * len(header)]
    for model, by_mask in result["results"].items():
        for mask, values in by_mask.items():
            cells = " ".join(f"{values[m]:>8.4f}±{values[m + '_se']:.4f}"[-15:].rjust(15) for m in metrics)
            lines.append(f"{labels[model, mask]:<{width}} {mask:<17} {cells}")
    return "\n".join(lines)
