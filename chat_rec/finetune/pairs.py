"""Preference pairs for DPO: the same history context, a chosen and a rejected recommendation.

Two sources: explicit MovieLens ratings (train part of the split only) and the likes and
dislikes people gave in chat-rec, read from the profile database.

Two formats: ``candidates=0`` answers with a title (the free next-movie task); ``candidates=N``
(2-20) is the re-ranker's own task: chosen and rejected are listed among N candidates and the
answers are their letters, so DPO sharpens exactly the scores ``Reranker`` reads.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import numpy as np

from chat_rec.catalog.models import Catalog
from chat_rec.errors import DataFileError, InvalidInputError
from chat_rec.finetune.prepare import item_label, sample_items, user_sequences
from chat_rec.finetune.prompting import LABELS, TASK_NEXT, load_finetune_prompt, rank_task

if TYPE_CHECKING:
    from datasets import Dataset

    from chat_rec.profile.repository import ProfileRepository

_Raw = tuple[int, list[int], int, int]
"""(user id, history item ids, chosen id, rejected id) before rendering."""
_COLUMNS = ("prompt", "chosen", "rejected", "user_id", "chosen_id", "rejected_id", "history_ids", "candidate_ids")


def pairs_from_ratings(
    catalog: Catalog,
    window: int = 10,
    max_pairs: int | None = None,
    *,
    like: float = 4.0,
    dislike: float = 2.0,
    min_history: int = 1,
    candidates: int = 0,
    seed: int = 0,
    progress: bool = True,
) -> Dataset:
    """One pair per train position whose item the user rated >= ``like``.

    The prompt is the window of items before that position; chosen = that item; rejected = an
    item from the same user's train part rated <= ``dislike`` and not in the window. Held-out
    validation and test items never appear.
    """
    from tqdm.auto import tqdm

    rated = _ratings_lookup(catalog)
    rng = np.random.default_rng(seed)
    rows: list[_Raw] = []
    for seq in tqdm(user_sequences(catalog), desc="DPO pairs (ratings)", disable=not progress):
        train = [int(i) for i in seq.train]
        scores = [rated.get((seq.user_id, i), np.nan) for i in train]
        disliked = [i for i, r in zip(train, scores, strict=True) if r <= dislike]
        if not disliked:
            continue
        for t in range(max(min_history, 1), len(train)):
            if not scores[t] >= like:
                continue
            history = train[max(0, t - window):t]
            pool = [i for i in disliked if i not in history]
            if not pool:
                continue
            rejected = pool[int(rng.integers(0, len(pool)))]
            rows.append((seq.user_id, history, train[t], rejected))
    return _finish(rows, max_pairs, rng, {"source": "ratings", "window": window, "like": like,
                                          "dislike": dislike, "min_history": min_history, "seed": seed},
                   catalog, candidates)


def pairs_from_feedback(repo: ProfileRepository, catalog: Catalog, window: int = 10,
                        max_pairs: int | None = None, seed: int = 0, candidates: int = 0) -> Dataset:
    """Pairs from chat-rec's stored 👍/👎 feedback.

    For each like, in time order: the history is that user's earlier likes (last ``window``),
    chosen = the liked item, rejected = a disliked item from the same turn, else the user's
    latest dislike. Users with no dislike give no pairs.
    """
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from chat_rec.profile.models import Feedback

    with Session(repo.engine) as session:
        rows_db = session.execute(
            select(Feedback.user_id, Feedback.item_id, Feedback.like, Feedback.turn_id)
            .order_by(Feedback.user_id, Feedback.created_at, Feedback.id)
        ).all()
    rng = np.random.default_rng(seed)
    rows: list[_Raw] = []
    by_user: dict[int, list[tuple[int, bool, int | None]]] = {}
    for user_id, item_id, like, turn_id in rows_db:
        if int(item_id) in catalog:
            by_user.setdefault(int(user_id), []).append((int(item_id), bool(like), turn_id))
    for user_id, events in by_user.items():
        dislikes = [(item, turn) for item, like, turn in events if not like]
        if not dislikes:
            continue
        liked: list[int] = []
        for item, like, turn in events:
            if not like:
                continue
            same_turn = [d for d, t in dislikes if turn is not None and t == turn]
            rejected = same_turn[0] if same_turn else dislikes[-1][0]
            if rejected != item and item not in liked:
                rows.append((user_id, liked[-window:], item, rejected))
            if item not in liked:
                liked.append(item)
    return _finish(rows, max_pairs, rng, {"source": "feedback", "window": window, "seed": seed}, catalog,
                   candidates)


def _ratings_lookup(catalog: Catalog) -> dict[tuple[int, int], float]:
    r = catalog.ratings
    return {(int(u), int(i)): float(x) for u, i, x in zip(r.users, r.items, r.ratings, strict=True)}


def _finish(raw: list[_Raw], max_pairs: int | None, rng: np.random.Generator,
            params: dict[str, Any], catalog: Catalog, candidates: int = 0) -> Dataset:
    """Subsample, then render the pairs through the prompt file (titles, or letters among candidates)."""
    from datasets import Dataset, DatasetInfo

    if not 0 <= candidates <= len(LABELS) or candidates == 1:
        raise InvalidInputError(f"Candidates must be 0 (title answers) or between 2 and {len(LABELS)}.")
    n = len(raw)
    if n == 0:
        raise DataFileError("No preference pair could be built: it needs a liked and a disliked item "
                            "from the same user. Rate or give feedback on more movies first.")
    if max_pairs is not None and max_pairs < n:
        keep = np.sort(rng.choice(n, size=max(max_pairs, 0), replace=False))
        raw = [raw[i] for i in keep]
    prompt = load_finetune_prompt()
    rows: dict[str, list[Any]] = {k: [] for k in _COLUMNS}
    pool = np.asarray(catalog.ids, dtype=np.int64)
    for user, history, chosen, rejected in raw:
        labels = [item_label(catalog, i) for i in history]
        if candidates:
            cands = _candidate_list(rng, pool, set(history), chosen, rejected, candidates)
            rows["prompt"].append(prompt.prompt(labels, rank_task([item_label(catalog, i) for i in cands])))
            rows["chosen"].append(prompt.completion(LABELS[cands.index(chosen)]))
            rows["rejected"].append(prompt.completion(LABELS[cands.index(rejected)]))
        else:
            cands = []
            rows["prompt"].append(prompt.prompt(labels, TASK_NEXT))
            rows["chosen"].append(prompt.completion(item_label(catalog, chosen)))
            rows["rejected"].append(prompt.completion(item_label(catalog, rejected)))
        rows["candidate_ids"].append(cands)
        rows["user_id"].append(user)
        rows["chosen_id"].append(chosen)
        rows["rejected_id"].append(rejected)
        rows["history_ids"].append(list(history))
    params = {**params, "max_pairs": max_pairs, "candidates": candidates}
    meta = {"kind": "dpo", "params": params, "catalog": {"name": catalog.name, "sources": dict(catalog.sources)}}
    return Dataset.from_dict(rows, info=DatasetInfo(description=json.dumps(meta)))


def _candidate_list(rng: np.random.Generator, pool: np.ndarray, history: set[int], chosen: int, rejected: int,
                    n: int) -> list[int]:
    """``chosen`` and ``rejected`` among ``n - 2`` other catalog items, in a seeded random order."""
    others = sample_items(rng, pool, history | {chosen, rejected}, n - 2)
    order = [chosen, rejected, *others]
    return [order[i] for i in rng.permutation(n)]
