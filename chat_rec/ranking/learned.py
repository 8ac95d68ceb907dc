"""The ranker the app runs: item-kNN plus, when trained, the conversation model and its learned weights.

``chat-rec train conversations`` writes ``model.npz``, ``manifest.json`` and ``weights.json`` into
``settings.conversation_model_dir``; the app, the CRS benchmark and the latency bench build their
ranker here, so all three rank the same way. Without the folder the app runs on the defaults.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from chat_rec.errors import ModelError
from chat_rec.interactions.conversation import WEIGHTS_FILE, ConversationModel
from chat_rec.ranking.hybrid import HybridRanker, RankRequest, RankWeights

log = logging.getLogger(__name__)

WEIGHT_NAMES: tuple[str, ...] = ("content", "collaborative", "popularity", "genre", "conversation",
                                 "conversation_popularity", "conversation_genre", "query", "kind")
"""The signal weights a weights file may set and ``chat-rec train conversations`` fits (``RankWeights``
fields); a file written before ``kind`` was fitted leaves it at its default."""

SHARE_NAMES: tuple[str, ...] = tuple(n for n in WEIGHT_NAMES if n != "kind")
"""The weights whose total sets the aspect weight's share (``aspect_share_weight``): those it was
tuned among, before ``kind`` existed, so adding that signal left the moods' pull as it was."""


FEATURE_NAMES: tuple[str, ...] = ("seeds", "seed_mass", "genres", "aspects")
"""What a turn's request says about its style, each in [0, 1] (``turn_features``): how many movies
it names, how well the conversation model knows them, whether it asks for genres, for moods."""

SEED_SCALE = 8
"""``seeds`` is log(1 + named movies) / log(1 + SEED_SCALE), capped at 1."""


def turn_features(ranker: HybridRanker, req: RankRequest) -> np.ndarray:
    """The request's style features (``FEATURE_NAMES``), as the app and the fitting compute them."""
    seeds = [r for i in (*req.liked_ids, *req.context_ids) if (r := ranker.index.row_of.get(int(i))) is not None]
    mass = float(np.mean(ranker.conversation_popularity[seeds])) if seeds else 0.0
    return np.array([min(1.0, float(np.log1p(len(seeds)) / np.log1p(SEED_SCALE))), mass,
                     float(bool(req.required_genres)), float(bool(req.liked_aspects))], np.float32)


@dataclass(frozen=True)
class GatedWeights:
    """Signal weights that move with the turn's style: w_j = max(0, base_j + sum_f gates[j][f] * (x_f - c_f)).

    ``c`` (``center``) is the features' mean over the cases the gates were fitted on, so ``base``
    is the weight of an average turn and a gate only tilts it. Learned with ``base``
    (``chat_rec.training.gating``); with no gates it is ``base`` itself.
    """

    base: RankWeights
    gates: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    """signal name -> feature name -> coefficient (``WEIGHT_NAMES`` x ``FEATURE_NAMES``)."""
    center: Mapping[str, float] = field(default_factory=dict)
    """feature name -> the value at which the gates leave ``base`` unchanged (0 when absent)."""

    def matrix(self) -> np.ndarray:
        """The gates as a (signals x features) array."""
        return np.array([[float(self.gates.get(n, {}).get(f, 0.0)) for f in FEATURE_NAMES] for n in WEIGHT_NAMES],
                        np.float32)

    def vector(self, features: np.ndarray) -> np.ndarray:
        """The signal weights (in ``WEIGHT_NAMES`` order) for one turn's features."""
        base = np.array([getattr(self.base, n) for n in WEIGHT_NAMES], np.float32)
        return np.maximum(0.0, base + self.matrix() @ (np.asarray(features, np.float32) - self.center_vector()))

    def center_vector(self) -> np.ndarray:
        """``center`` as an array in ``FEATURE_NAMES`` order."""
        return np.array([float(self.center.get(f, 0.0)) for f in FEATURE_NAMES], np.float32)

    def weights_for(self, ranker: HybridRanker, req: RankRequest) -> RankWeights:
        """The ``RankWeights`` the ranker uses for this request (``HybridRanker.gate`` calls this)."""
        if not any(v for row in self.gates.values() for v in row.values()):
            return self.base
        w = self.vector(turn_features(ranker, req))
        return dataclasses.replace(self.base, **{n: float(v) for n, v in zip(WEIGHT_NAMES, w, strict=True)})  # type: ignore[arg-type]


def read_gates(folder: Path) -> GatedWeights | None:
    """The learned weights and their gates in ``folder/weights.json``; None when the file has no gates."""
    base = read_weights(folder)
    if base is None:
        return None
    try:
        data = json.loads((folder / WEIGHTS_FILE).read_text(encoding="utf-8"))
        table = {str(n): {str(f): float(v) for f, v in row.items() if f in FEATURE_NAMES}
                 for n, row in (data.get("gates") or {}).items() if n in WEIGHT_NAMES}
        center = {str(f): float(v) for f, v in (data.get("gate_center") or {}).items() if f in FEATURE_NAMES}
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise ModelError(f"{folder / WEIGHTS_FILE} has unreadable gates ({exc}); rebuild it with "
                         "`chat-rec train conversations`.") from exc
    return GatedWeights(base, table, center) if table else None


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
    weights = dataclasses.replace(RankWeights(), **learned)  # type: ignore[arg-type]
    if "aspect" in data.get("weights", {}):
        return dataclasses.replace(weights, aspect=float(data["weights"]["aspect"]))
    return dataclasses.replace(weights, aspect=aspect_share_weight(weights))


def aspect_share_weight(weights: RankWeights) -> float:
    """The aspect weight that keeps the share of the total it had among the default weights.

    The default 0.8 was chosen on the mood queries against the default signal weights (sum 3.1);
    learned weights are several times larger (the conversation signals), and 0.8 among them let
    the conversation prior drown a mood ("a dark, slow-burn mystery" got the films most mentioned in
    conversations: the mood share of the dev queries fell .84 -> .43). Scaling it with the total keeps
    a mood's pull as it was tuned; a weights file may set "aspect" itself.
    """
    default = RankWeights()
    total = sum(getattr(default, n) for n in SHARE_NAMES)
    return default.aspect * sum(getattr(weights, n) for n in SHARE_NAMES) / total if total else default.aspect


def write_weights(folder: Path, weights: RankWeights, info: dict[str, Any],
                  gates: Mapping[str, Mapping[str, float]] | None = None,
                  center: Mapping[str, float] | None = None) -> Path:
    """Write the chosen weights (and their gates, if any) with how they were chosen (``info``: protocol, metrics)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / WEIGHTS_FILE
    data = {"weights": {k: getattr(weights, k) for k in WEIGHT_NAMES}, "query_turns": weights.query_turns}
    if gates:
        data["gates"] = {n: dict(row) for n, row in gates.items() if any(row.values())}
        data["gate_center"] = dict(center or {})
    data |= info
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
    gate = None
    if isinstance(conversation, str):
        conversation, learned = load_conversation_model(settings)
        if weights is None and learned is not None:
            weights, gate = learned, read_gates(settings.conversation_model_dir)
    from chat_rec.catalog.aspects import cache_dir_for

    cache = cache_dir_for(settings.index_dir, settings.cache_dir)
    ranker = HybridRanker.with_collaborative(catalog, index, weights, aspects=aspects, conversation=conversation,
                                             cache_dir=cache, alpha=settings.collaborative_alpha,
                                             shrink=settings.collaborative_shrink)
    if isinstance(retriever, str):
        from chat_rec.ranking.retriever import load_retriever

        embedder = getattr(index, "embedder", None)
        retriever = load_retriever(settings, getattr(embedder, "name", None))
    ranker.retriever = retriever
    kind = getattr(settings, "kind_weight", None)
    if kind is not None:
        ranker.weights = dataclasses.replace(ranker.weights, kind=float(kind))
        if gate is not None:
            gate = dataclasses.replace(gate, base=dataclasses.replace(gate.base, kind=float(kind)))
    ranker.gate = gate
    ranker.conversation_backoff = float(getattr(settings, "conversation_backoff", ranker.conversation_backoff))
    return ranker
