"""The fine-tuned LM as a re-ranker on the MovieLens protocol: the retriever's top 20, re-ordered.

For each masking variant the retriever ranks every item with the user's history masked exactly
as for the other models; its top ``candidates`` go to ``finetune.rerank.Reranker`` with the
user's last titles (``finetune.prepare.history_labels``, the history the training prompts show)
and come back re-ordered; the retriever's remaining items follow in their own order. The lists
are scored with the same metrics, so the rows sit beside the retriever's. One forward pass of the
0.5B model on a 2-core CPU takes 30-60 s, hence ``RerankSpec.users``: one seeded sample of users
that every row of the run is measured on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from chat_rec.catalog.models import Catalog, Item
from chat_rec.errors import InvalidInputError, UnknownModelError
from chat_rec.eval.metrics import DEFAULT_METRICS, measure_all
from chat_rec.eval.movielens import CUTOFF, MODELS, rankings, test_scores
from chat_rec.finetune.prepare import catalog_item, history_labels
from chat_rec.finetune.rerank import MAX_CANDIDATES, check_adapter

if TYPE_CHECKING:
    from chat_rec.interactions.splits import LeaveLastOut

DEFAULT_RETRIEVER = "SLIT"
"""Seconds to fit and better than SASRec under the CPU time budget (docs/benchmarks.md)."""

ZERO_SHOT = "Qwen zero-shot"
"""Row suffix of the base model without an adapter."""


class CandidateScorer(Protocol):
    """What the evaluation needs from ``Reranker``: one score per candidate, in input order."""

    def scores(self, history_labels: Sequence[str], candidates: Sequence[Item]) -> list[float]: ...


ScorerLoader = Callable[[str, Path | None, int], CandidateScorer]
"""(base model, adapter folder or None, history window) -> a scorer; tests pass a fake."""


@dataclass(frozen=True)
class RerankSpec:
    """What ``chat-rec eval movielens --rerank-*`` asks for."""

    adapters: tuple[Path, ...] = ()
    """PEFT adapter folders; each gives a row "<retriever>+<folder name>"."""
    zero_shot: bool = False
    """Also re-rank with the base model alone ("<retriever>+Qwen zero-shot")."""
    base: str = "packaged"
    """The model the adapters were trained on: a folder, a cached hub id, or ``packaged``."""
    retriever: str | None = None
    """A model of ``MODELS``; None picks SLIT, the best retriever on the validation item."""
    users: int | None = None
    """Measure every row on a seeded random sample of this many test users (None: all users)."""
    candidates: int = 20
    """How many of the retriever's top items are re-ranked (at most 20)."""
    window: int = 10
    """History items shown in the prompt (``chat-rec finetune prepare --window``)."""
    seed: int = 0

    @property
    def retriever_name(self) -> str:
        if self.retriever:
            return self.retriever
        return DEFAULT_RETRIEVER

    def variants(self) -> list[tuple[str, Path | None]]:
        """(row suffix, adapter) for every re-ranker asked for; a repeated folder name keeps its path."""
        out: list[tuple[str, Path | None]] = [(ZERO_SHOT, None)] if self.zero_shot else []
        names = [a.name for a in self.adapters]
        out += [(a.name if names.count(a.name) == 1 else str(a), a) for a in self.adapters]
        return out

    def check(self) -> None:
        """Refuse a spec that cannot run, before anything is loaded."""
        if not self.variants():
            raise InvalidInputError("Nothing to re-rank with: add --rerank-zero-shot or --rerank-adapter DIR.")
        if self.retriever_name not in MODELS:
            raise UnknownModelError(f"Unknown retriever {self.retriever_name!r}; choose from {', '.join(MODELS)}.")
        limit = min(MAX_CANDIDATES, CUTOFF)
        if not 2 <= self.candidates <= limit:
            raise InvalidInputError(f"The re-ranker takes between 2 and {limit} candidates; got {self.candidates}.")
        if self.users is not None and self.users < 1:
            raise InvalidInputError("--rerank-users must be at least 1 (leave it out to use every user).")
        if self.window < 1:
            raise InvalidInputError("The history window must be at least 1 item.")
        for adapter in self.adapters:
            check_adapter(adapter)

    def sample(self, n_users: int) -> np.ndarray | None:
        """Sorted row indices of the seeded user sample, or None for every user."""
        if self.users is None:
            return None
        rng = np.random.default_rng(self.seed)
        return np.sort(rng.choice(n_users, size=min(self.users, n_users), replace=False))


def load_reranker(base: str, adapter: Path | None, window: int) -> CandidateScorer:
    """The real ``Reranker`` (``packaged`` resolved to the converted packaged model)."""
    from chat_rec.finetune.rerank import Reranker, resolve_base

    return Reranker(resolve_base(base), adapter=adapter, history_window=window)


def rerank_rankings(scorer: CandidateScorer, split: LeaveLastOut, catalog: Catalog,
                    recs: dict[str, np.ndarray], users: np.ndarray, candidates: int, window: int,
                    progress: bool = True, desc: str = "re-ranking") -> dict[str, np.ndarray]:
    """Each mask's ranked lists (rows = ``users``) with the first ``candidates`` re-ordered.

    The same head of candidates (common: both masks agree for users with short histories) is
    scored once per user.
    """
    from tqdm.auto import tqdm

    out = {mask: np.array(r, copy=True) for mask, r in recs.items()}
    for pos, user in enumerate(tqdm(users.tolist(), desc=desc, unit="user", disable=not progress)):
        history = history_labels(catalog, split.item_ids[split.history(int(user), "test")], window)
        done: dict[tuple[int, ...], np.ndarray] = {}
        for ranked in out.values():
            head = tuple(int(c) for c in ranked[pos, :candidates])
            if head not in done:
                items = [catalog_item(catalog, int(split.item_ids[c])) for c in head]
                scores = np.asarray(scorer.scores(history, items), dtype=np.float64)
                done[head] = np.asarray(head, dtype=ranked.dtype)[np.argsort(-scores, kind="stable")]
            ranked[pos, :len(head)] = done[head]
    return out


def evaluate_reranking(spec: RerankSpec, split: LeaveLastOut, catalog: Catalog, users: np.ndarray | None,
                       progress: bool = True, load: ScorerLoader = load_reranker,
                       ) -> tuple[dict[str, Any], dict[str, float], dict[str, Any]]:
    """The retriever's row and one row per re-ranker, all on ``users`` (None: every user).

    Returns (results by row name, seconds by row name plus "<row> per user", the run's settings).
    """
    retriever = spec.retriever_name
    rows = np.arange(split.n_users) if users is None else np.asarray(users)
    truths = [[split.target(int(u), "test")] for u in rows]
    results: dict[str, Any] = {}
    seconds: dict[str, float] = {}

    t0 = time.perf_counter()
    recs, extras = {}, {}
    for mask, (scores, extra) in test_scores(retriever, split).items():
        recs[mask] = rankings(scores, split, "test", mask, users=rows)
        extras[mask] = extra
    results[retriever] = {mask: measure_all(DEFAULT_METRICS, r.tolist(), truths) | extras[mask]
                          for mask, r in recs.items()}
    seconds[retriever] = round(time.perf_counter() - t0, 2)

    for suffix, adapter in spec.variants():
        name = f"{retriever}+{suffix}"
        t0 = time.perf_counter()
        scorer = load(spec.base, adapter, spec.window)
        t1 = time.perf_counter()
        reranked = rerank_rankings(scorer, split, catalog, recs, rows, spec.candidates, spec.window,
                                   progress=progress, desc=name)
        done = time.perf_counter()
        del scorer  # one model in memory at a time
        results[name] = {mask: measure_all(DEFAULT_METRICS, r.tolist(), truths) for mask, r in reranked.items()}
        seconds[name] = round(done - t0, 2)
        seconds[f"{name} per user"] = round((done - t1) / max(len(rows), 1), 2)
    info = {"retriever": retriever, "candidates": spec.candidates, "base": spec.base,
            "adapters": [str(a) for a in spec.adapters], "zero_shot": spec.zero_shot,
            "window": spec.window, "users": len(rows), "sampled": users is not None, "seed": spec.seed}
    return results, seconds, info


def describe_rerank(result: dict[str, Any]) -> str:
    """The table's line about the re-ranking run: what was re-ranked, on how many users, how fast."""
    info = result["rerank"]
    users = (f"a seeded sample of {result['rerank_users']} users (seed {info['seed']}); every row is "
             "measured on it" if "rerank_users" in result else f"all {info['users']} users")
    speed = ", ".join(f"{k.removesuffix(' per user')} {v:g} s/user" for k, v in result.get("seconds", {}).items()
                      if k.endswith(" per user"))
    return (f"re-ranking: top {info['candidates']} of {info['retriever']} by {info['base']}, on {users}"
            + (f"; {speed}" if speed else ""))
