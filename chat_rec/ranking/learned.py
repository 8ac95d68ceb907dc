"""The ranker the app runs: item-kNN plus, when trained, the conversation model and its learned weights.

``chat-rec train conversations`` writes ``model.npz``, ``manifest.json`` and ``weights.json`` into
``settings.conversation_model_dir``; the app, the CRS benchmark and the latency bench build their
ranker here, so all three rank the same way. Without the folder the app runs on the defaults.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from pathlib import Path
from typing import Any

from chat_rec.errors import ModelError
from chat_rec.interactions.conversation import WEIGHTS_FILE, ConversationModel
from chat_rec.ranking.hybrid import HybridRanker, RankWeights

log = logging.getLogger(__name__)

WEIGHT_NAMES: tuple[str, ...] = ("content", "collaborative", "popularity", "genre", "conversation",
                                 "conversation_popularity", "query")
"""The signal weights a weights file may set (``RankWeights`` fields)."""


def read_weights(folder: Path) -> RankWeights | None:
    """The learned weights in ``folder/weights.json`` over the defaults, or None when there is no file."""
    path = folder / WEIGHTS_FILE
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        learned: dict[str, float | int] = {k: float(v) for k, v in data["weights"].items() if k in WEIGHT_NAMES}
        if "query_turns" in data:
            learned["query_turns"] = max(1, int(data["query_turns"]))
    except (OSError, KeyError, ValueError, TypeError, AttributeError) as exc:
        raise ModelError(f"{path} cannot be read ({exc}); rebuild it with `chat-rec train conversations`.") from exc
    return dataclasses.replace(RankWeights(), **learned)  # type: ignore[arg-type]


def write_weights(folder: Path, weights: RankWeights, info: dict[str, Any]) -> Path:
    """Write the chosen weights with how they were chosen (``info``: protocol, metrics)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / WEIGHTS_FILE
    data = {"weights": {k: getattr(weights, k) for k in WEIGHT_NAMES}, "query_turns": weights.query_turns} | info
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def load_conversation_model(settings: Any) -> tuple[ConversationModel | None, RankWeights | None]:
    """The trained conversation model and its weights, or (None, None) when none was built."""
    folder = settings.conversation_model_dir
    if not (folder / "model.npz").is_file():
        return None, None
    model = ConversationModel.load(folder)
    log.info("conversation model loaded from %s (%d movies)", folder, model.n_items)
    return model, read_weights(folder)


def app_ranker(settings: Any, catalog: Any, index: Any, conversation: Any = "auto",
               weights: RankWeights | None = None, aspects: Any = None, retriever: Any = "auto") -> HybridRanker:
    """The hybrid ranker as the app builds it.

    ``conversation="auto"`` loads the trained model and weights when present; a
    ``ConversationModel`` or None is used as given (with ``weights`` or the defaults).
    ``retriever="auto"`` loads the dialogue-trained query encoder when present (``ranking/retriever.py``);
    a ``QueryRetriever`` or None is used as given.
    """
    if isinstance(conversation, str):
        conversation, learned = load_conversation_model(settings)
        weights = weights or learned
    from chat_rec.catalog.aspects import cache_dir_for

    cache = cache_dir_for(settings.index_dir, settings.cache_dir)
    ranker = HybridRanker.with_collaborative(catalog, index, weights, aspects=aspects, conversation=conversation,
                                             cache_dir=cache)
    if isinstance(retriever, str):
        from chat_rec.ranking.retriever import load_retriever

        embedder = getattr(index, "embedder", None)
        retriever = load_retriever(settings, getattr(embedder, "name", None))
    ranker.retriever = retriever
    return ranker
