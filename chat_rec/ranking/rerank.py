"""Optional LM re-ranking of the hybrid ranking's top items (``settings.rerank_adapter``).

The fine-tuned adapter (docs/finetune.md) re-orders the top candidates by the log-probability of
each one's label, so it can only move catalog items the ranker already chose. It is loaded once,
on first use; when it cannot be loaded or fails to score, a warning is logged and the hybrid
order stands: a turn never fails because of it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from chat_rec.catalog.models import Item
from chat_rec.errors import ModelError

if TYPE_CHECKING:
    from chat_rec.config import Settings
    from chat_rec.ranking.hybrid import ScoredItem

log = logging.getLogger(__name__)


class CandidateReranker(Protocol):
    """What ranking needs from ``finetune.rerank.Reranker``: candidates best first, with scores."""

    def rerank(self, history_labels: Sequence[str], candidates: Sequence[Item]) -> list[tuple[Item, float]]: ...


def load_adapter_reranker(settings: Settings) -> CandidateReranker:
    """The ``Reranker`` for ``settings.rerank_adapter`` on ``settings.rerank_base``."""
    from chat_rec.finetune.rerank import Reranker, check_adapter, resolve_base

    if settings.rerank_adapter is None:
        raise ModelError("CHAT_REC_RERANK_ADAPTER is not set.")
    adapter = check_adapter(settings.rerank_adapter)
    return Reranker(resolve_base(settings.rerank_base, settings, progress=False), adapter=adapter)


class LazyReranker:
    """Loads the re-ranker on the first ``get()``, once; None ever after if that failed."""

    def __init__(self, settings: Settings,
                 load: Callable[[Settings], CandidateReranker] = load_adapter_reranker) -> None:
        self.settings = settings
        self._load = load
        self._reranker: CandidateReranker | None = None
        self._failed = False
        self._lock = threading.Lock()

    def get(self) -> CandidateReranker | None:
        """The loaded re-ranker, or None (with one warning in the log) when it cannot be loaded."""
        with self._lock:
            if self._reranker is None and not self._failed:
                try:
                    self._reranker = self._load(self.settings)
                except Exception as error:  # any failure (missing folder, missing peft, bad weights)
                    self._failed = True
                    log.warning("The re-ranking adapter %s could not be loaded, so recommendations keep the "
                                "hybrid order: %s", self.settings.rerank_adapter, error)
            return self._reranker


def rerank_top(reranker: CandidateReranker, history: Sequence[str], ranked: list[ScoredItem], k: int,
               depth: int) -> list[ScoredItem]:
    """The first ``depth`` items re-ordered by ``reranker``, the rest after them; the first ``k`` kept.

    Each re-ordered item records its label log-probability as ``breakdown["rerank"]``. When
    scoring fails the ranking is returned as it came.
    """
    head, tail = ranked[:depth], ranked[depth:]
    if len(head) < 2:
        return ranked[:k]
    try:
        order = reranker.rerank(list(history), [s.item for s in head])
    except Exception as error:  # a turn must never fail because of the optional re-ranker
        log.warning("Re-ranking failed, so recommendations keep the hybrid order: %s", error)
        return ranked[:k]
    by_id = {s.item.item_id: s for s in head}
    out = [replace(by_id[item.item_id], breakdown=by_id[item.item_id].breakdown | {"rerank": round(score, 4)})
           for item, score in order if item.item_id in by_id]
    if len(out) != len(head):  # not a permutation: trust the ranker, not the scorer
        log.warning("The re-ranker returned %d of %d candidates; keeping the hybrid order.", len(out), len(head))
        return ranked[:k]
    return (out + tail)[:k]
