"""Cross-fitted CRS scores: a dev file the weights were fitted on is ranked fold by fold.

``chat-rec train conversations --mix FILE`` fits the weights on held-out ReDial training dialogues
plus the cases of ``FILE`` (e.g. INSPIRED dev), and also once per fold of ``FILE`` with that fold
left out (``training/gating.py``). ``weights.json`` records the file's sha256 and every fold's
weights. When ``chat-rec eval crs`` scores that same file, each case is ranked by the weights of
the fold that left it out, so the number is never in-sample; any other file is ranked by the
final weights, as the app ranks.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from chat_rec.errors import ModelError
from chat_rec.interactions.conversation import WEIGHTS_FILE

CROSS_FIT_KEY = "cross_fit"


def cross_fit_info(folder: Path) -> dict[str, Any] | None:
    """The ``cross_fit`` section of ``folder/weights.json``, or None."""
    path = folder / WEIGHTS_FILE
    if not path.is_file():
        return None
    try:
        info = json.loads(path.read_text(encoding="utf-8")).get(CROSS_FIT_KEY)
    except (OSError, ValueError) as exc:
        raise ModelError(f"{path} cannot be read ({exc}); rebuild it with `chat-rec train conversations`.") from exc
    return info if isinstance(info, dict) else None


Pick = Callable[[Mapping[str, Any]], Any]


def fold_rankers(engine: Any, cases_path: Path | str) -> tuple[Pick, dict[str, Any]] | None:
    """(case -> the ranker that never saw its fold, the cross-fit facts), or None.

    None when the weights were not fitted on this file (compared by sha256) or the engine's ranker
    is not the trained one.
    """
    from chat_rec.ranking.hybrid import HybridRanker
    from chat_rec.training import gating
    from chat_rec.training.redial import sha256

    ranker = engine.ranker
    if ranker.conversation is None:
        return None
    info = cross_fit_info(engine.settings.conversation_model_dir)
    if not info or sha256(Path(cases_path)) not in set(info.get("files", {}).values()):
        return None
    folds = int(info["folds"])
    rankers = []
    for data in info["fold_weights"]:
        gated = gating.from_json(data, ranker.weights)
        r = HybridRanker(engine.catalog, engine.index, ranker.collaborative, gated.base, aspects=ranker.aspects,
                         conversation=ranker.conversation)
        r.gate, r.retriever = gated, ranker.retriever
        rankers.append(r)
    if len(rankers) != folds:
        raise ModelError(f"{WEIGHTS_FILE} lists {len(rankers)} fold weights for {folds} folds; retrain it.")

    def pick(case: Mapping[str, Any]) -> Any:
        return rankers[gating.fold_of(str(case.get("dialog_id") or case["id"]), folds)]

    return pick, {"folds": folds, "rule": info.get("rule", ""), "recall_at_fit": info.get("recall", {})}
